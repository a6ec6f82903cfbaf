//! Reading and validating a boundary GeoJSON plus the official code list.

use super::PrepareError;
use crate::csv_text::{self, Record};
use crate::region::{Region, RegionCode};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use geojson::{Feature, FeatureCollection, GeometryValue, JsonObject, Position};
use std::collections::{BTreeMap, HashMap};

/// Indonesia with a margin; anything outside is a wrong file or a wrong coordinate system.
const LON_RANGE: (f64, f64) = (90.0, 145.0);
const LAT_RANGE: (f64, f64) = (-15.0, 10.0);
/// How many missing codes an error lists; a wrong file would otherwise print all 514.
const MISSING_SHOWN: usize = 20;

/// The official list of kabupaten/kota (Kemendagri codes), with province names.
pub struct CodeList {
    pub regions: BTreeMap<RegionCode, Region>,
}

impl CodeList {
    /// Reads `regencies.csv` (code, province_code, name) and `provinces.csv` (code, name).
    pub fn from_csv(regencies: &str, provinces: &str) -> Result<CodeList, PrepareError> {
        let mut province_names = HashMap::new();
        for record in data_records(provinces) {
            let (line, code, name) = (record.line, field(&record, 0), field(&record, 1));
            let code: u8 = code.parse().map_err(|_| {
                PrepareError::new(format!("provinces list line {line}"), format!("bad province code {code:?}"))
            })?;
            province_names.insert(code, name.to_owned());
        }
        let mut regions = BTreeMap::new();
        for record in data_records(regencies) {
            let at = || format!("regencies list line {}", record.line);
            let code: RegionCode = field(&record, 0).parse().map_err(|e| PrepareError::new(at(), format!("{e}")))?;
            let province = province_names.get(&code.province).ok_or_else(|| {
                PrepareError::new(at(), format!("province {:02} is not in the provinces list", code.province))
            })?;
            let region = Region { code, name: field(&record, 2).to_owned(), province: province.clone() };
            if regions.insert(code, region).is_some() {
                return Err(PrepareError::new(at(), format!("code {code} is listed twice")));
            }
        }
        Ok(CodeList { regions })
    }
}

/// The records after the header.
fn data_records(text: &str) -> impl Iterator<Item = Record> + '_ {
    csv_text::records(text, b',').skip(1)
}

fn field(record: &Record, index: usize) -> &str {
    record.get(index).unwrap_or("").trim()
}

/// One kabupaten/kota read from the source, keyed by its Kemendagri code.
pub struct SourceFeature {
    pub code: RegionCode,
    /// How the report names this feature: its position and code.
    pub label: String,
    pub shape: MultiPolygon<f64>,
}

/// Features read, plus the non-region features skipped (lakes and forests in the BPS layer).
pub struct SourceFeatures {
    pub features: Vec<SourceFeature>,
    pub skipped: Vec<String>,
}

/// Parses and validates the GeoJSON; every problem names the feature it was found in.
pub fn read_features(text: &str, codes: &CodeList) -> Result<SourceFeatures, PrepareError> {
    // Windows tools save UTF-8 with a byte order mark, which JSON parsers refuse.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let collection: FeatureCollection = text
        .parse()
        .map_err(|e| PrepareError::new("boundary file", format!("not a GeoJSON FeatureCollection: {e}")))?;
    let mut features = Vec::new();
    let mut skipped = Vec::new();
    let mut seen: HashMap<RegionCode, String> = HashMap::new();
    for (index, feature) in collection.features.iter().enumerate() {
        let position = format!("feature {index}");
        let properties =
            feature.properties.as_ref().ok_or_else(|| PrepareError::new(&position, "has no properties"))?;
        let Some(code) = feature_code(properties).map_err(|why| PrepareError::new(&position, why))? else {
            skipped.push(format!("{position} ({})", describe(properties)));
            continue;
        };
        let label = format!("{position} (code {code})");
        if !codes.regions.contains_key(&code) {
            return Err(PrepareError::new(&label, format!("code {code} is not in the official code list")));
        }
        if let Some(first) = seen.insert(code, label.clone()) {
            return Err(PrepareError::new(&label, format!("code {code} was already used by {first}")));
        }
        let shape = feature_shape(feature).map_err(|why| PrepareError::new(&label, why))?;
        features.push(SourceFeature { code, label, shape });
    }
    let missing: Vec<String> =
        codes.regions.keys().filter(|code| !seen.contains_key(code)).map(|code| code.to_string()).collect();
    if !missing.is_empty() {
        let shown = missing.len().min(MISSING_SHOWN);
        let more = match missing.len() - shown {
            0 => String::new(),
            more => format!(" and {more} more"),
        };
        return Err(PrepareError::new(
            "boundary file",
            format!(
                "{} features for {} official regions; missing codes: {}{more}",
                features.len(),
                codes.regions.len(),
                missing[..shown].join(", ")
            ),
        ));
    }
    features.sort_by_key(|feature| feature.code);
    Ok(SourceFeatures { features, skipped })
}

/// The Kemendagri code of a feature, from either known schema; None for a non-region feature.
fn feature_code(properties: &JsonObject) -> Result<Option<RegionCode>, String> {
    if properties.get("is_admin").and_then(|v| v.as_bool()) == Some(false) {
        return Ok(None);
    }
    let value = properties
        .get("kode_kemendagri")
        .or_else(|| properties.get("kode"))
        .ok_or("has neither a `kode` nor a `kode_kemendagri` property")?;
    let text = value.as_str().ok_or_else(|| format!("code {value} is not a string"))?;
    text.parse::<RegionCode>().map(Some).map_err(|e| e.to_string())
}

fn describe(properties: &JsonObject) -> String {
    ["bps_nama", "nama", "name"]
        .iter()
        .find_map(|key| properties.get(*key).and_then(|v| v.as_str()))
        .unwrap_or("unnamed")
        .to_owned()
}

fn feature_shape(feature: &Feature) -> Result<MultiPolygon<f64>, String> {
    let geometry = feature.geometry.as_ref().ok_or("has no geometry")?;
    let polygons = match &geometry.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
        other => return Err(format!("geometry is a {}, not a Polygon or MultiPolygon", other.type_name())),
    };
    if polygons.is_empty() {
        return Err("geometry is empty".into());
    }
    let polygons = polygons
        .into_iter()
        .enumerate()
        .map(|(p, rings)| {
            if rings.is_empty() {
                return Err(format!("polygon {p} is empty"));
            }
            let mut rings = rings
                .iter()
                .enumerate()
                .map(|(r, ring)| read_ring(ring).map_err(|why| format!("polygon {p} ring {r}: {why}")));
            let exterior = rings.next().expect("checked non-empty")?;
            Ok(Polygon::new(exterior, rings.collect::<Result<_, _>>()?))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(MultiPolygon::new(polygons))
}

fn read_ring(positions: &[Position]) -> Result<LineString<f64>, String> {
    if positions.len() < 4 {
        return Err(format!("has {} positions; a ring needs at least 4", positions.len()));
    }
    let coords = positions
        .iter()
        .enumerate()
        .map(|(i, position)| {
            let &[x, y, ..] = position.as_slice() else {
                return Err(format!("position {i} has fewer than two numbers"));
            };
            if !(x.is_finite() && y.is_finite()) {
                return Err(format!("position {i} is not a finite number"));
            }
            let (shown_x, shown_y) = (number(x), number(y));
            if x.abs() > 180.0 || y.abs() > 90.0 {
                return Err(format!(
                    "position {i} is ({shown_x}, {shown_y}): coordinates look projected (metres?); expected longitude/latitude degrees (EPSG:4326)"
                ));
            }
            if !(LON_RANGE.0..=LON_RANGE.1).contains(&x) || !(LAT_RANGE.0..=LAT_RANGE.1).contains(&y) {
                return Err(format!("position {i} ({shown_x}, {shown_y}) lies outside Indonesia"));
            }
            Ok(Coord { x, y })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if coords.first() != coords.last() {
        return Err("is not closed (first and last positions differ)".into());
    }
    Ok(LineString::new(coords))
}

/// A coordinate for a message: as written, except that huge ones (1e308) keep to a few characters.
fn number(value: f64) -> String {
    if value.abs() >= 1e9 {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}
