//! Build-time preparation: boundary GeoJSON in, validated, repaired, topology-preserving
//! simplified, quantized compact asset out. Native only; the browser never simplifies.

mod manifest;
mod source;
mod topology;

pub use manifest::{sha256_hex, BoundarySource, Manifest};
pub use source::{read_features, CodeList, SourceFeature, SourceFeatures};
pub use topology::Topology;

use crate::asset::{encode_arc, Asset, Level};
use geo::orient::{Direction, Orient};
use geo::{Area, MakeValid, MultiPolygon, Polygon, Validation, Winding};
use std::fmt;

/// Levels of detail, coarsest first: (simplification tolerance, quantization grid), in degrees.
/// The coarse level draws the whole country (about 0.04° per pixel at 1200 px), the next a
/// province, the third an island such as Java (zoom 7.4–14.8 at 1200 px, where the finest would
/// rasterise several vertices per pixel: a recolour there costs in proportion to them), the
/// finest a kabupaten and answers point location (tolerance about 50 m).
/// The coarse grid (0.01°, under two fifths of a pixel where that level is still drawn) keeps
/// the overview small: its borders are most of the bytes the interactive map fetches besides the
/// wasm (34.9 kB gzip, against 37.4 kB at 0.005° and 42 kB at 0.002°).
pub const LEVELS: [(f64, f64); 4] = [(0.02, 0.01), (0.004, 0.0004), (0.002, 0.0002), (0.0005, 0.00002)];

/// A problem in the input, naming where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrepareError {
    pub location: String,
    pub problem: String,
}

impl PrepareError {
    pub fn new(location: impl Into<String>, problem: impl Into<String>) -> PrepareError {
        PrepareError { location: location.into(), problem: problem.into() }
    }
}

impl fmt::Display for PrepareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.problem)
    }
}

impl std::error::Error for PrepareError {}

/// What prepare did, for the printed report.
#[derive(Debug, Default)]
pub struct PrepareReport {
    pub features: usize,
    pub skipped: Vec<String>,
    pub source_vertices: usize,
    pub rewound_rings: usize,
    pub repaired: Vec<String>,
    /// Per level: tolerance, vertices, arcs.
    pub levels: Vec<(f64, usize, usize)>,
}

/// Validates the source against the code list and builds the asset.
pub fn prepare(geojson: &str, codes: &CodeList, attribution: &str) -> Result<(Asset, PrepareReport), PrepareError> {
    let SourceFeatures { features, skipped } = read_features(geojson, codes)?;
    let mut report = PrepareReport { features: features.len(), skipped, ..PrepareReport::default() };
    let mut shapes = Vec::with_capacity(features.len());
    for feature in &features {
        report.source_vertices += geo::CoordsIter::coords_count(&feature.shape);
        shapes.push(repair(feature, &mut report)?);
    }
    let topology = Topology::build(&shapes);
    let levels = LEVELS
        .iter()
        .map(|&(tolerance, quantum)| {
            let simplified = topology.simplify(tolerance);
            report.levels.push((tolerance, simplified.vertex_count(), simplified.arcs.len()));
            Level {
                tolerance,
                quantum,
                arcs: simplified.arcs.iter().map(|arc| encode_arc(arc, quantum)).collect(),
                shapes: simplified.shapes,
            }
        })
        .collect();
    let regions = features.iter().map(|f| codes.regions[&f.code].clone()).collect();
    Ok((Asset { attribution: attribution.to_owned(), regions, levels }, report))
}

/// RFC 7946 winding (exteriors counter-clockwise) and OGC-valid polygons, repairing what is not.
fn repair(feature: &SourceFeature, report: &mut PrepareReport) -> Result<MultiPolygon<f64>, PrepareError> {
    let mut polygons: Vec<Polygon<f64>> = Vec::new();
    for (index, polygon) in feature.shape.0.iter().enumerate() {
        report.rewound_rings +=
            usize::from(!polygon.exterior().is_ccw()) + polygon.interiors().iter().filter(|ring| ring.is_ccw()).count();
        if polygon.is_valid() {
            // A ring along a line (or on one point) passes validation but encloses nothing:
            // no region can be drawn or located from it.
            if polygon.unsigned_area() <= 0.0 {
                report.repaired.push(format!("{} polygon {index}: encloses no area; dropped", feature.label));
            } else {
                polygons.push(polygon.orient(Direction::Default));
            }
            continue;
        }
        let why = polygon.validation_errors().first().map(ToString::to_string).unwrap_or_default();
        let fixed = polygon.make_valid().map_err(|e| {
            PrepareError::new(&feature.label, format!("polygon {index} is invalid ({why}) and cannot be repaired: {e}"))
        })?;
        report.repaired.push(format!("{} polygon {index}: {why}", feature.label));
        polygons.extend(fixed.0.into_iter().filter(|p| p.unsigned_area() > 0.0).map(|p| p.orient(Direction::Default)));
    }
    if polygons.is_empty() {
        return Err(PrepareError::new(&feature.label, "encloses no area (its rings are lines or points)"));
    }
    Ok(MultiPolygon::new(polygons))
}

/// Writes next to the target and renames, so a failed write never replaces a good asset.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_extension("partial");
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}
