//! The atlas: regions, their shapes at every level of detail, and an R-tree for hit testing.
//! The finer levels may arrive later, one province and level ([`Detail`]) at a time, in any order;
//! meanwhile a region's missing level repeats the finest coarser level it has, which it draws at
//! that level's zoom, and its finest loaded shape is what locates it.

mod banded;

use crate::asset::{Asset, AssetError, Detail, Overview};
use crate::region::{Region, RegionCode};
use banded::BandedPolygon;
use geo::coordinate_position::CoordPos;
use geo::{BoundingRect, Coord, CoordinatePosition, MultiPolygon, Polygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{Envelope, ParentNode, RTree, RTreeNode, RTreeObject, AABB};
use std::fmt;

/// A polygon part's bounding box, tagged with its region index and part index.
type PartBox = GeomWithData<Rectangle<[f64; 2]>, (u32, u32)>;

pub struct Atlas {
    regions: Vec<Region>,
    attribution: String,
    /// Per level (coarsest first), per region, its shape in lon/lat degrees.
    levels: Vec<LevelShapes>,
    /// Per level, per region, whether the level's shape is its own (from the asset or a detail
    /// file) rather than a coarser one repeated.
    loaded: Vec<Vec<bool>>,
    /// Polygon parts of the finest level, for exact point location.
    parts: RTree<PartBox>,
    /// The finest level's parts prepared for fast point-in-polygon, per region and part. Built
    /// at load, so memory stays flat however long the page is used.
    banded: Vec<Vec<BandedPolygon>>,
}

pub struct LevelShapes {
    pub tolerance: f64,
    pub shapes: Vec<MultiPolygon<f64>>,
}

impl Atlas {
    pub fn from_bytes(bytes: &[u8]) -> Result<Atlas, AssetError> {
        Ok(Atlas::from_asset(Asset::from_bytes(bytes)?))
    }

    pub fn from_asset(asset: Asset) -> Atlas {
        let levels: Vec<LevelShapes> = asset
            .levels
            .iter()
            .map(|level| LevelShapes { tolerance: level.tolerance, shapes: level.decode_shapes() })
            .collect();
        Atlas::new(asset.regions, asset.attribution, levels)
    }

    /// The overview's regions with the coarsest level's shapes read from the preview's paths
    /// ([`crate::asset::paths`]), one per region in the same order.
    pub fn from_overview(overview: Overview, shapes: Vec<MultiPolygon<f64>>) -> Result<Atlas, AssetError> {
        if shapes.len() != overview.regions.len() {
            return Err(AssetError::Corrupt(format!("{} paths for {} regions", shapes.len(), overview.regions.len())));
        }
        let levels = vec![LevelShapes { tolerance: overview.tolerance, shapes }];
        Ok(Atlas::new(overview.regions, overview.attribution, levels))
    }

    fn new(regions: Vec<Region>, attribution: String, levels: Vec<LevelShapes>) -> Atlas {
        let finest = levels.last().map(|level| level.shapes.as_slice()).unwrap_or_default();
        let banded = finest.iter().map(banded_parts).collect();
        let parts = part_boxes(finest);
        let loaded = vec![vec![true; regions.len()]; levels.len()];
        Atlas { regions, attribution, levels, loaded, parts, banded }
    }

    /// Takes in one province's level. Refused, with the atlas unchanged, when a region is not in
    /// this atlas or the file's levels are not the ones loaded before.
    pub fn add_detail(&mut self, detail: &Detail) -> Result<(), DetailError> {
        let indices = detail
            .regions
            .iter()
            .map(|&code| self.index_of(code).ok_or(DetailError::UnknownRegion(code)))
            .collect::<Result<Vec<usize>, DetailError>>()?;
        let other_levels = DetailError::OtherLevels { province: detail.province };
        let level = usize::from(detail.level);
        if level == 0 || level >= detail.tolerances.len() {
            return Err(other_levels);
        }
        if self.levels.len() == 1 {
            if detail.tolerances.first() != Some(&self.levels[0].tolerance) {
                return Err(other_levels);
            }
            // The first detail after the overview: every finer level repeats the coarsest shapes.
            let coarsest = self.levels[0].shapes.clone();
            let count = self.regions.len();
            for &tolerance in &detail.tolerances[1..] {
                self.levels.push(LevelShapes { tolerance, shapes: coarsest.clone() });
                self.loaded.push(vec![false; count]);
            }
        } else if !self.levels.iter().map(|level| level.tolerance).eq(detail.tolerances.iter().copied()) {
            return Err(other_levels);
        }
        let finest = self.levels.len() - 1;
        let mut relocate = false;
        for (&index, shape) in indices.iter().zip(detail.shapes.decode_shapes()) {
            self.loaded[level][index] = true;
            // Finer levels still missing draw this one meanwhile.
            let missing = (level + 1..=finest).take_while(|&finer| !self.loaded[finer][index]).last();
            for finer in level + 1..=missing.unwrap_or(level) {
                self.levels[finer].shapes[index] = shape.clone();
            }
            self.levels[level].shapes[index] = shape;
            if missing == Some(finest) || level == finest {
                self.banded[index] = banded_parts(&self.finest()[index]);
                relocate = true;
            }
        }
        if relocate {
            self.parts = part_boxes(self.finest());
        }
        Ok(())
    }

    /// Whether the region's shape at `level` is its own, not a coarser one repeated until its file arrives.
    pub fn has_level(&self, level: usize, region: usize) -> bool {
        self.loaded.get(level).and_then(|regions| regions.get(region)).copied().unwrap_or(false)
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn attribution(&self) -> &str {
        &self.attribution
    }

    pub fn levels(&self) -> &[LevelShapes] {
        &self.levels
    }

    /// The finest shapes (each region's finest loaded one), which locate answers from.
    pub fn finest(&self) -> &[MultiPolygon<f64>] {
        &self.levels.last().expect("an asset has at least one level").shapes
    }

    pub fn index_of(&self, code: RegionCode) -> Option<usize> {
        self.regions.binary_search_by_key(&code, |region| region.code).ok()
    }

    /// The region containing the point (lon, lat), or None at sea or outside Indonesia.
    /// Where source shapes overlap, the region listed first wins, as in [`Atlas::locate_brute_force`].
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        if !(lon.is_finite() && lat.is_finite()) {
            return None;
        }
        let mut found = None;
        self.locate_in(self.parts.root(), [lon, lat], &mut found);
        found
    }

    /// The tree's walk for [`Atlas::locate`], as rstar's `locate_all_at_point` walks it, in one
    /// function: the WebAssembly inlines only small functions (Cargo.toml's wasm-opt flags), and
    /// the steps of rstar's iterator, each a call per node, made a hit test a third slower.
    fn locate_in(&self, node: &ParentNode<PartBox>, point: [f64; 2], found: &mut Option<usize>) {
        for child in node.children() {
            match child {
                RTreeNode::Parent(parent) => {
                    if parent.envelope().contains_point(&point) {
                        self.locate_in(parent, point, found);
                    }
                }
                RTreeNode::Leaf(part) => {
                    let (region, index) = (part.data.0 as usize, part.data.1 as usize);
                    if part.envelope().contains_point(&point)
                        && found.is_none_or(|first| region < first)
                        && self.banded[region][index]
                            .contains(&self.finest()[region].0[index], Coord { x: point[0], y: point[1] })
                    {
                        *found = Some(region);
                    }
                }
            }
        }
    }

    /// The reference answer for [`Atlas::locate`]: every polygon of every region, no index.
    pub fn locate_brute_force(&self, lon: f64, lat: f64) -> Option<usize> {
        let point = Coord { x: lon, y: lat };
        self.finest().iter().position(|shape| shape.0.iter().any(|polygon| covers(polygon, point)))
    }

    /// Regions whose bounding box meets the rectangle (lon/lat degrees), for drawing only what is in view.
    pub fn regions_in(&self, area: Rect<f64>) -> Vec<usize> {
        let envelope = AABB::from_corners(area.min().into(), area.max().into());
        if envelope.contains_envelope(&self.parts.root().envelope()) {
            return (0..self.regions.len()).collect();
        }
        // A flag per region rather than a sort of the parts found: this runs every frame.
        let mut meets = vec![false; self.regions.len()];
        for part in self.parts.locate_in_envelope_intersecting(&envelope) {
            if let Some(flag) = meets.get_mut(part.data.0 as usize) {
                *flag = true;
            }
        }
        meets.iter().enumerate().filter_map(|(region, &meets)| meets.then_some(region)).collect()
    }

    /// Bounding box of all regions in degrees.
    pub fn bounds(&self) -> Rect<f64> {
        let envelope = self.parts.root().envelope();
        Rect::new(Coord::from(envelope.lower()), Coord::from(envelope.upper()))
    }

    /// Bounding box of one region in degrees.
    pub fn region_bounds(&self, region: usize) -> Option<Rect<f64>> {
        self.finest().get(region)?.bounding_rect()
    }
}

/// Why a detail file cannot be added to the loaded atlas.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailError {
    /// The bytes are not a detail file.
    Unreadable(AssetError),
    /// The file names a region the atlas does not have (made from other boundaries).
    UnknownRegion(RegionCode),
    /// Its levels of detail differ from those already loaded (made by another build).
    OtherLevels { province: u8 },
}

impl fmt::Display for DetailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetailError::Unreadable(error) => write!(f, "the detail file cannot be read: {error}"),
            DetailError::UnknownRegion(code) => {
                write!(f, "the detail file names region {code}, which the loaded boundaries do not have")
            }
            DetailError::OtherLevels { province } => write!(
                f,
                "the detail file of province {province:02} has other levels of detail than the loaded boundaries (another build?)"
            ),
        }
    }
}

impl std::error::Error for DetailError {}

/// Every polygon part's bounding box, tagged with its region and part.
fn part_boxes(shapes: &[MultiPolygon<f64>]) -> RTree<PartBox> {
    let boxes = shapes
        .iter()
        .enumerate()
        .flat_map(|(region, shape)| {
            shape.0.iter().enumerate().filter_map(move |(part, polygon)| {
                let rect = polygon.bounding_rect()?;
                Some(GeomWithData::new(
                    Rectangle::from_corners(rect.min().into(), rect.max().into()),
                    (region as u32, part as u32),
                ))
            })
        })
        .collect();
    RTree::bulk_load(boxes)
}

fn banded_parts(shape: &MultiPolygon<f64>) -> Vec<BandedPolygon> {
    shape.0.iter().map(BandedPolygon::new).collect()
}

/// Inside or on the boundary, so a point exactly on a shared border still finds a region.
fn covers(polygon: &Polygon<f64>, point: Coord<f64>) -> bool {
    polygon.coordinate_position(&point) != CoordPos::Outside
}
