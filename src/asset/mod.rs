//! The compact binary asset: regions plus several levels of detail of their shapes.
//!
//! Layout: the magic `PCTA`, a little-endian `u16` format version, then a postcard body.
//! Shapes are stored as TopoJSON-style arcs: every border shared by two regions is stored
//! (and was simplified) once, so neighbours can never drift apart. Arc coordinates are
//! quantized to the level's grid and delta-encoded, which postcard's zigzag varints keep small.
//!
//! A [`Detail`] file (magic `PCTD`, its own version) holds one finer level of one province's
//! regions only, so a page fetches the level a view draws of what it shows and nothing else.
//! An [`Overview`] (magic `PCTO`) holds the regions without shapes: a page draws the coarsest
//! level from the preview's paths ([`paths`]), which its first paint brought.

pub mod paths;

use crate::region::{Region, RegionCode};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAGIC: &[u8; 4] = b"PCTA";
/// The magic of a [`Detail`] file: an atlas reader refuses one instead of misreading it.
pub const DETAIL_MAGIC: &[u8; 4] = b"PCTD";
/// Bump on any change to [`Asset`]; readers refuse other versions instead of misreading them.
pub const FORMAT_VERSION: u16 = 1;
/// The same for [`Detail`], apart so that a change to detail files leaves atlas.bin and overview.bin as they are.
pub const DETAIL_VERSION: u16 = 2;
/// The magic and version of an [`Overview`].
pub const OVERVIEW_MAGIC: &[u8; 4] = b"PCTO";
pub const OVERVIEW_VERSION: u16 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Asset {
    /// Credit line for the boundary source, shown on every map.
    pub attribution: String,
    pub regions: Vec<Region>,
    /// Coarsest first.
    pub levels: Vec<Level>,
}

/// One level of detail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Simplification tolerance in degrees; the renderer picks the coarsest level whose
    /// tolerance is below about one screen pixel.
    pub tolerance: f64,
    /// Grid size in degrees that arc coordinates are multiples of.
    pub quantum: f64,
    /// Each arc as `x0, y0, dx1, dy1, ...` in quanta.
    pub arcs: Vec<Vec<i32>>,
    /// Per region (same order as `Asset::regions`), its polygons, each a list of rings
    /// (exterior first), each ring a list of arc references: `i` for arc `i` forwards and
    /// `!i` (bitwise not) for arc `i` backwards.
    pub shapes: Vec<Vec<Vec<Vec<i32>>>>,
}

/// What a page fetches for the interactive map besides the preview (`overview.bin`): the regions
/// and the coarsest level's tolerance. That level's shapes are the preview's paths, which the
/// page already has, so the country's borders are downloaded once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub attribution: String,
    pub regions: Vec<Region>,
    /// Level 0's, which tells the map when a view wants the first detail files.
    pub tolerance: f64,
}

impl Overview {
    pub fn to_bytes(&self) -> Vec<u8> {
        write(OVERVIEW_MAGIC, OVERVIEW_VERSION, self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Overview, AssetError> {
        if bytes.starts_with(MAGIC) {
            return Err(AssetError::Corrupt(
                "a whole atlas where an overview was expected (an overview.bin of an older build? prepare the data again)"
                    .into(),
            ));
        }
        let overview: Overview = read(OVERVIEW_MAGIC, OVERVIEW_VERSION, bytes)?;
        if overview.regions.is_empty() {
            return Err(AssetError::Corrupt("no regions".into()));
        }
        if !(overview.tolerance.is_finite() && overview.tolerance > 0.0) {
            return Err(AssetError::Corrupt("a bad tolerance".into()));
        }
        Ok(overview)
    }
}

/// One finer level (the atlas's level 1 or up) of one province's regions, with only the arcs those
/// regions use. Borders with a neighbouring province are in both files, identical, so they meet
/// exactly once both are loaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// The province's Kemendagri code (35 for Jawa Timur).
    pub province: u8,
    /// Which of the atlas's levels this is (1 or up); the file is [`detail_file`] of both.
    pub level: u8,
    /// Every level's tolerance, coarsest first: the overview has only level 0's, and any one
    /// detail file tells the map which level a view wants, so it fetches that one directly.
    pub tolerances: Vec<f64>,
    /// Its regions, in the order of `shapes`.
    pub regions: Vec<RegionCode>,
    pub shapes: Level,
}

/// Where a province's level file lies, relative to the data folder: `detail/2/35.bin` for level 2
/// of Jawa Timur; a folder per level, so a level's files are listed and measured together.
pub fn detail_file(province: u8, level: u8) -> String {
    format!("detail/{level}/{province:02}.bin")
}

/// What a binary file that postcard could not decode suffered, for its error message. Postcard's
/// own words (its `Display`) say which serde call failed, which helps nobody holding the file,
/// and would add their text and code to the WebAssembly.
pub(crate) fn damage(error: &postcard::Error) -> &'static str {
    match error {
        postcard::Error::DeserializeUnexpectedEnd => "it ends early (a truncated file or download?)",
        _ => "damaged",
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssetError {
    NotAnAsset,
    /// `reads` is the version this build reads for the file's kind.
    Version {
        found: u16,
        reads: u16,
    },
    Corrupt(String),
}

impl fmt::Display for AssetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssetError::NotAnAsset => write!(f, "not a peta-cerdas asset (bad magic bytes)"),
            AssetError::Version { found, reads } => write!(
                f,
                "asset format version {found} is not supported (this build reads version {reads}); prepare the data again"
            ),
            AssetError::Corrupt(why) => write!(f, "corrupt asset: {why}"),
        }
    }
}

impl std::error::Error for AssetError {}

impl Asset {
    pub fn to_bytes(&self) -> Vec<u8> {
        write(MAGIC, FORMAT_VERSION, self)
    }

    /// The regions and the coarsest level's tolerance, without shapes: see [`Overview`].
    pub fn overview(&self) -> Overview {
        Overview {
            attribution: self.attribution.clone(),
            regions: self.regions.clone(),
            tolerance: self.levels[0].tolerance,
        }
    }

    /// Reads and checks an asset; every reference is validated so later stages can index freely.
    pub fn from_bytes(bytes: &[u8]) -> Result<Asset, AssetError> {
        let asset: Asset = read(MAGIC, FORMAT_VERSION, bytes)?;
        asset.validate()?;
        Ok(asset)
    }

    /// One [`Detail`] per province and finer level, in code order, then level order: the finer
    /// levels cut out of this asset.
    pub fn details(&self) -> Vec<Detail> {
        let mut provinces: Vec<u8> = self.regions.iter().map(|region| region.code.province).collect();
        provinces.sort_unstable();
        provinces.dedup();
        let tolerances: Vec<f64> = self.levels.iter().map(|level| level.tolerance).collect();
        provinces
            .into_iter()
            .flat_map(|province| {
                let members: Vec<usize> =
                    (0..self.regions.len()).filter(|&i| self.regions[i].code.province == province).collect();
                let regions: Vec<RegionCode> = members.iter().map(|&i| self.regions[i].code).collect();
                let tolerances = &tolerances;
                self.levels.iter().enumerate().skip(1).map(move |(level, shapes)| Detail {
                    province,
                    // An asset has a handful of levels.
                    level: level as u8,
                    tolerances: tolerances.clone(),
                    regions: regions.clone(),
                    shapes: shapes.subset(&members),
                })
            })
            .collect()
    }

    fn validate(&self) -> Result<(), AssetError> {
        if self.regions.is_empty() {
            return Err(AssetError::Corrupt("no regions".into()));
        }
        if self.levels.is_empty() {
            return Err(AssetError::Corrupt("no levels of detail".into()));
        }
        self.levels.iter().enumerate().try_for_each(|(index, level)| level.validate(index, self.regions.len()))
    }
}

impl Detail {
    pub fn to_bytes(&self) -> Vec<u8> {
        write(DETAIL_MAGIC, DETAIL_VERSION, self)
    }

    /// Reads and checks a detail file as [`Asset::from_bytes`] does an asset; whether its regions
    /// and levels fit the loaded atlas is the atlas's question.
    pub fn from_bytes(bytes: &[u8]) -> Result<Detail, AssetError> {
        let detail: Detail = read(DETAIL_MAGIC, DETAIL_VERSION, bytes)?;
        let corrupt = |why: String| Err(AssetError::Corrupt(why));
        if detail.regions.is_empty() {
            return corrupt("a detail file without regions".into());
        }
        if let Some(region) = detail.regions.iter().find(|region| region.province != detail.province) {
            return corrupt(format!("region {region} is not in province {:02}", detail.province));
        }
        let level = usize::from(detail.level);
        if level == 0 || detail.tolerances.get(level) != Some(&detail.shapes.tolerance) {
            return corrupt(format!(
                "level {level} is not a finer level of its {} tolerances",
                detail.tolerances.len()
            ));
        }
        // Coarsest first and usable by `scene::level_for`.
        if !detail.tolerances.iter().all(|t| t.is_finite()) || !detail.tolerances.windows(2).all(|w| w[0] > w[1]) {
            return corrupt("the tolerances are not finite and decreasing".into());
        }
        detail.shapes.validate(level, detail.regions.len())?;
        Ok(detail)
    }
}

/// The header (magic, format version) and the postcard body.
fn write<T: Serialize>(magic: &[u8; 4], version: u16, value: &T) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend_from_slice(&version.to_le_bytes());
    // Serialising plain owned data into a Vec cannot fail.
    bytes.extend(postcard::to_allocvec(value).expect("postcard serialises owned data"));
    bytes
}

/// Checks the header and decodes the whole body: trailing bytes are corruption too.
fn read<T: serde::de::DeserializeOwned>(magic: &[u8; 4], reads: u16, bytes: &[u8]) -> Result<T, AssetError> {
    let body = bytes.strip_prefix(magic).ok_or(AssetError::NotAnAsset)?;
    let (version, body) =
        body.split_first_chunk::<2>().ok_or_else(|| AssetError::Corrupt("truncated header".into()))?;
    let found = u16::from_le_bytes(*version);
    if found != reads {
        return Err(AssetError::Version { found, reads });
    }
    let (value, rest) = postcard::take_from_bytes(body)
        .map_err(|e| AssetError::Corrupt(format!("{} (in the {} bytes after the header)", damage(&e), body.len())))?;
    if !rest.is_empty() {
        return Err(AssetError::Corrupt(format!(
            "{} unexpected bytes after its end, at byte {}",
            rest.len(),
            bytes.len() - rest.len()
        )));
    }
    Ok(value)
}

impl Level {
    /// Checks grid, arcs and references so that decoding can index freely; `index` names the level.
    fn validate(&self, index: usize, region_count: usize) -> Result<(), AssetError> {
        let corrupt = |why: String| Err(AssetError::Corrupt(why));
        let level = self;
        if !(level.quantum.is_finite() && level.quantum > 0.0 && level.tolerance.is_finite()) {
            return corrupt(format!("level {index} has a bad grid or tolerance"));
        }
        if level.shapes.len() != region_count {
            return corrupt(format!("level {index} has {} shapes for {region_count} regions", level.shapes.len()));
        }
        for (arc_index, arc) in level.arcs.iter().enumerate() {
            if arc.len() < 4 || arc.len() % 2 != 0 {
                return corrupt(format!("level {index} arc {arc_index} is malformed"));
            }
            // Decoded points must be longitudes and latitudes: a huge grid or delta would
            // give infinite or NaN coordinates that no later stage can place.
            let (mut x, mut y) = (0i64, 0i64);
            for (point, pair) in arc.chunks_exact(2).enumerate() {
                x += i64::from(pair[0]);
                y += i64::from(pair[1]);
                let (lon, lat) = (x as f64 * level.quantum, y as f64 * level.quantum);
                if !(lon.abs() <= 180.0 && lat.abs() <= 90.0) {
                    return corrupt(format!(
                        "level {index} arc {arc_index} point {point} lies at grid point ({x}, {y}), which this level's grid puts off the globe"
                    ));
                }
            }
        }
        let arc_count = level.arcs.len();
        let in_range = |reference: i32| arc_id(reference) < arc_count;
        for (region, shape) in level.shapes.iter().enumerate() {
            let references = shape.iter().flatten().flatten();
            if !references.clone().all(|&r| in_range(r)) {
                return corrupt(format!("level {index} region {region} names a missing arc"));
            }
            if shape.iter().any(|polygon| polygon.is_empty()) {
                return corrupt(format!("level {index} region {region} has an empty polygon"));
            }
        }
        Ok(())
    }

    /// The shapes of the regions `members` (in that order) with only the arcs they use, renumbered.
    fn subset(&self, members: &[usize]) -> Level {
        let mut new_id: std::collections::HashMap<usize, i32> = std::collections::HashMap::new();
        let mut arcs = Vec::new();
        let mut renumber = |reference: i32| {
            let id = arc_id(reference);
            let new = *new_id.entry(id).or_insert_with(|| {
                arcs.push(self.arcs[id].clone());
                (arcs.len() - 1) as i32
            });
            if reference < 0 {
                !new
            } else {
                new
            }
        };
        let shapes = members
            .iter()
            .map(|&region| {
                self.shapes[region]
                    .iter()
                    .map(|rings| rings.iter().map(|ring| ring.iter().map(|&r| renumber(r)).collect()).collect())
                    .collect()
            })
            .collect();
        Level { tolerance: self.tolerance, quantum: self.quantum, arcs, shapes }
    }

    /// Decodes every arc to coordinates in degrees.
    pub fn decode_arcs(&self) -> Vec<Vec<Coord<f64>>> {
        self.arcs
            .iter()
            .map(|arc| {
                let (mut x, mut y) = (0i64, 0i64);
                arc.chunks_exact(2)
                    .map(|pair| {
                        x += i64::from(pair[0]);
                        y += i64::from(pair[1]);
                        Coord { x: x as f64 * self.quantum, y: y as f64 * self.quantum }
                    })
                    .collect()
            })
            .collect()
    }

    /// Assembles every region's shape from the decoded arcs.
    pub fn decode_shapes(&self) -> Vec<MultiPolygon<f64>> {
        let arcs = self.decode_arcs();
        self.shapes
            .iter()
            .map(|polygons| {
                let polygons = polygons.iter().map(|rings| {
                    let mut rings = rings.iter().map(|refs| assemble_ring(&arcs, refs));
                    let exterior = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
                    Polygon::new(exterior, rings.collect())
                });
                MultiPolygon::new(polygons.collect())
            })
            .collect()
    }
}

/// Joins arcs end to start; consecutive arcs share their junction point, written once.
fn assemble_ring(arcs: &[Vec<Coord<f64>>], references: &[i32]) -> LineString<f64> {
    let mut points: Vec<Coord<f64>> = Vec::new();
    for &reference in references {
        let (arc, forwards) =
            if reference < 0 { (&arcs[!reference as usize], false) } else { (&arcs[reference as usize], true) };
        let skip = usize::from(!points.is_empty());
        if forwards {
            points.extend(arc.iter().skip(skip));
        } else {
            points.extend(arc.iter().rev().skip(skip));
        }
    }
    LineString::new(points)
}

/// The arc a reference names, whichever way it runs.
pub fn arc_id(reference: i32) -> usize {
    (if reference < 0 { !reference } else { reference }) as usize
}

/// Quantizes and delta-encodes one arc; the inverse of [`Level::decode_arcs`].
pub fn encode_arc(points: &[Coord<f64>], quantum: f64) -> Vec<i32> {
    let mut encoded = Vec::with_capacity(points.len() * 2);
    let (mut last_x, mut last_y) = (0i64, 0i64);
    for point in points {
        let x = (point.x / quantum).round() as i64;
        let y = (point.y / quantum).round() as i64;
        // Degrees / quantum stay far inside i32 for any quantum above 1e-7.
        encoded.push((x - last_x) as i32);
        encoded.push((y - last_y) as i32);
        (last_x, last_y) = (x, y);
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::RegionCode;

    fn square_asset() -> Asset {
        let quantum = 1e-5;
        let square =
            [(110.0, -7.0), (111.0, -7.0), (111.0, -6.0), (110.0, -6.0), (110.0, -7.0)].map(|(x, y)| Coord { x, y });
        Asset {
            attribution: "test".into(),
            regions: vec![Region {
                code: RegionCode { province: 35, regency: 20 },
                name: "Kabupaten Magetan".into(),
                province: "Jawa Timur".into(),
            }],
            levels: vec![Level {
                tolerance: 0.0,
                quantum,
                arcs: vec![encode_arc(&square, quantum)],
                shapes: vec![vec![vec![vec![0]]]],
            }],
        }
    }

    #[test]
    fn round_trips_through_bytes() {
        let asset = square_asset();
        let bytes = asset.to_bytes();
        assert_eq!(Asset::from_bytes(&bytes).unwrap(), asset);
        let shapes = asset.levels[0].decode_shapes();
        let ring = &shapes[0].0[0].exterior().0;
        assert_eq!(ring.len(), 5);
        assert!((ring[2].x - 111.0).abs() < 1e-9 && (ring[2].y + 6.0).abs() < 1e-9);
    }

    #[test]
    fn rejects_wrong_magic_version_truncation_and_bad_references() {
        let bytes = square_asset().to_bytes();
        assert_eq!(Asset::from_bytes(b"GIF89a"), Err(AssetError::NotAnAsset));
        let mut newer = bytes.clone();
        newer[4] = 9;
        assert_eq!(Asset::from_bytes(&newer), Err(AssetError::Version { found: 9, reads: FORMAT_VERSION }));
        for cut in [5, 6, 20, bytes.len() - 1] {
            assert!(Asset::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut dangling = square_asset();
        dangling.levels[0].shapes[0][0][0][0] = !7;
        assert!(matches!(
            Asset::from_bytes(&dangling.to_bytes()),
            Err(AssetError::Corrupt(why)) if why.contains("missing arc")
        ));
    }

    #[test]
    fn a_detail_file_holds_one_level_of_one_province_and_is_not_an_asset() {
        let mut asset = square_asset();
        let mut other = asset.regions[0].clone();
        other.code = RegionCode { province: 36, regency: 1 };
        asset.regions.push(other);
        let level = |tolerance: f64| {
            let mut level = asset.levels[0].clone();
            level.tolerance = tolerance;
            level.shapes.push(vec![vec![vec![!0]]]);
            level
        };
        asset.levels = vec![level(0.02), level(0.004), level(0.0005)];
        let details = asset.details();
        let files: Vec<(u8, u8)> = details.iter().map(|d| (d.province, d.level)).collect();
        assert_eq!(files, [(35, 1), (35, 2), (36, 1), (36, 2)]);
        assert_eq!(detail_file(36, 2), "detail/2/36.bin");
        let last = &details[3];
        assert_eq!(last.regions, [RegionCode { province: 36, regency: 1 }]);
        assert_eq!((last.shapes.tolerance, last.tolerances.as_slice()), (0.0005, &[0.02, 0.004, 0.0005][..]));
        assert_eq!(last.shapes.shapes, [vec![vec![vec![!0]]]], "its own arcs, renumbered");
        let bytes = last.to_bytes();
        assert_eq!(Detail::from_bytes(&bytes).unwrap(), *last);
        assert_eq!(Asset::from_bytes(&bytes), Err(AssetError::NotAnAsset));
        assert_eq!(Detail::from_bytes(&asset.to_bytes()), Err(AssetError::NotAnAsset));
        let mut old = bytes.clone();
        old[4] = 1;
        assert_eq!(Detail::from_bytes(&old), Err(AssetError::Version { found: 1, reads: DETAIL_VERSION }));
        for (what, damage) in [
            ("level 0", (|d: &mut Detail| d.level = 0) as fn(&mut Detail)),
            ("a level beyond the tolerances", |d| d.level = 3),
            ("another tolerance", |d| d.shapes.tolerance = 0.001),
            ("rising tolerances", |d| d.tolerances = vec![0.0005, 0.004, 0.0005]),
        ] {
            let mut bad = last.clone();
            damage(&mut bad);
            assert!(matches!(Detail::from_bytes(&bad.to_bytes()), Err(AssetError::Corrupt(_))), "{what}");
        }
    }
}
