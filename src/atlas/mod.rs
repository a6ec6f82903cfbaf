//! The atlas: regions, their shapes at every level of detail, and an R-tree for hit testing.

mod banded;

use crate::asset::{Asset, AssetError};
use crate::region::{Region, RegionCode};
use banded::BandedPolygon;
use geo::coordinate_position::CoordPos;
use geo::{BoundingRect, Coord, CoordinatePosition, MultiPolygon, Polygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, AABB};

/// A polygon part's bounding box, tagged with its region index and part index.
type PartBox = GeomWithData<Rectangle<[f64; 2]>, (u32, u32)>;

pub struct Atlas {
    regions: Vec<Region>,
    attribution: String,
    /// Per level (coarsest first), per region, its shape in lon/lat degrees.
    levels: Vec<LevelShapes>,
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
        let finest = levels.last().map(|level| level.shapes.as_slice()).unwrap_or_default();
        let boxes = finest
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
        let banded = finest.iter().map(|shape| shape.0.iter().map(BandedPolygon::new).collect()).collect();
        Atlas { regions: asset.regions, attribution: asset.attribution, levels, parts: RTree::bulk_load(boxes), banded }
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

    /// The finest shapes, which locate answers from.
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
        let point = Coord { x: lon, y: lat };
        self.parts
            .locate_all_at_point(&[lon, lat])
            .map(|part| part.data)
            .filter(|&(region, part)| {
                let (region, part) = (region as usize, part as usize);
                self.banded[region][part].contains(&self.finest()[region].0[part], point)
            })
            .map(|(region, _)| region as usize)
            .min()
    }

    /// The reference answer for [`Atlas::locate`]: every polygon of every region, no index.
    pub fn locate_brute_force(&self, lon: f64, lat: f64) -> Option<usize> {
        let point = Coord { x: lon, y: lat };
        self.finest().iter().position(|shape| shape.0.iter().any(|polygon| covers(polygon, point)))
    }

    /// Regions whose bounding box meets the rectangle (lon/lat degrees), for drawing only what is in view.
    pub fn regions_in(&self, area: Rect<f64>) -> Vec<usize> {
        let envelope = AABB::from_corners(area.min().into(), area.max().into());
        let found: Vec<usize> =
            self.parts.locate_in_envelope_intersecting(&envelope).map(|part| part.data.0 as usize).collect();
        let mut found = crate::order::sort_by(found, &|a, b| a.cmp(b));
        found.dedup();
        found
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

/// Inside or on the boundary, so a point exactly on a shared border still finds a region.
fn covers(polygon: &Polygon<f64>, point: Coord<f64>) -> bool {
    polygon.coordinate_position(&point) != CoordPos::Outside
}
