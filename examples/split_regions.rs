//! Synthetic finer boundaries for the scaling benchmark (issue #6): every region's polygons
//! are cut along grid lines until the region has at least `--parts` polygons, keeping one
//! MultiPolygon per Kemendagri code so `peta-cerdas prepare --boundaries` accepts the result.
//!
//! `cargo run --profile bench --example split_regions -- --parts 15 -o target/bench-data/split-15.geojson`
//!
//! The output is derived from the boundary data: write it under target/ and never commit it.

use geo::{Area, BooleanOps, BoundingRect, Coord, LineString, MultiPolygon, Polygon, Rect};
use peta_cerdas::prepare::{read_features, CodeList, Manifest};
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};

/// The grid prepare snaps to; cut lines are put on it so both sides of a cut share points.
const SNAP: f64 = 1e-6;

struct Args {
    parts: usize,
    output: PathBuf,
    boundaries: Option<PathBuf>,
    manifest: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args =
        Args { parts: 15, output: PathBuf::new(), boundaries: None, manifest: "data/boundaries.json".into() };
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        let mut value = || words.next().ok_or_else(|| format!("{word} needs a value"));
        match word.as_str() {
            "--parts" => args.parts = value()?.parse().map_err(|e| format!("--parts: {e}"))?,
            "-o" | "--output" => args.output = value()?.into(),
            "--boundaries" => args.boundaries = Some(value()?.into()),
            "--manifest" => args.manifest = value()?.into(),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.output.as_os_str().is_empty() || args.parts == 0 {
        return Err("usage: split_regions --parts N -o FILE [--boundaries FILE] [--manifest FILE]".into());
    }
    Ok(args)
}

/// A piece ordered by its area, largest first out of the heap.
struct Piece(f64, Polygon<f64>);

impl PartialEq for Piece {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for Piece {}
impl PartialOrd for Piece {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Piece {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

fn snapped(value: f64) -> f64 {
    (value / SNAP).round() * SNAP
}

/// Cuts the largest piece in two across the middle of its longer side until there are `parts`.
fn split(shape: &MultiPolygon<f64>, parts: usize) -> MultiPolygon<f64> {
    let mut heap: BinaryHeap<Piece> = shape.0.iter().map(|p| Piece(p.unsigned_area(), p.clone())).collect();
    let mut done = Vec::new();
    while heap.len() + done.len() < parts {
        let Some(Piece(_, piece)) = heap.pop() else { break };
        let Some(rect) = piece.bounding_rect() else { continue };
        let (min, max) = (rect.min(), rect.max());
        let margin = 1.0;
        let half = if rect.width() >= rect.height() {
            let mid = snapped((min.x + max.x) / 2.0);
            Rect::new(Coord { x: min.x - margin, y: min.y - margin }, Coord { x: mid, y: max.y + margin })
        } else {
            let mid = snapped((min.y + max.y) / 2.0);
            Rect::new(Coord { x: min.x - margin, y: min.y - margin }, Coord { x: max.x + margin, y: mid })
        }
        .to_polygon();
        let cut: Vec<Polygon<f64>> =
            piece.intersection(&half).0.into_iter().chain(piece.difference(&half).0).filter_map(clean).collect();
        if cut.len() < 2 {
            done.push(piece);
            continue;
        }
        heap.extend(cut.into_iter().map(|p| Piece(p.unsigned_area(), p)));
    }
    MultiPolygon::new(heap.into_iter().map(|piece| piece.1).chain(done).collect())
}

/// Snaps a ring to the grid and drops repeated points; None once a ring has no area left.
fn clean_ring(ring: &LineString<f64>) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = ring.0.iter().map(|c| Coord { x: snapped(c.x), y: snapped(c.y) }).collect();
    coords.dedup();
    if coords.first() != coords.last() {
        coords.push(coords[0]);
    }
    (coords.len() >= 4).then(|| LineString::new(coords))
}

fn clean(polygon: Polygon<f64>) -> Option<Polygon<f64>> {
    let exterior = clean_ring(polygon.exterior())?;
    let cleaned = Polygon::new(exterior, polygon.interiors().iter().filter_map(clean_ring).collect());
    (cleaned.unsigned_area() > 0.0).then_some(cleaned)
}

fn run(args: &Args) -> Result<(), String> {
    let manifest = Manifest::load(&args.manifest).map_err(|e| e.to_string())?;
    let source = manifest.default_source().map_err(|e| e.to_string())?;
    let path = args.boundaries.clone().unwrap_or_else(|| source.path.clone());
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let codes = CodeList::from_csv(&read(&manifest.code_list.regencies)?, &read(&manifest.code_list.provinces)?)
        .map_err(|e| e.to_string())?;
    let features = read_features(&read(&path)?, &codes).map_err(|e| e.to_string())?.features;
    let mut polygons = 0;
    let features: Vec<geojson::Feature> = features
        .iter()
        .map(|feature| {
            let shape = split(&feature.shape, args.parts);
            polygons += shape.0.len();
            let mut properties = geojson::JsonObject::new();
            properties.insert("kode_kemendagri".into(), feature.code.to_string().into());
            properties.insert("nama_kemendagri".into(), codes.regions[&feature.code].name.clone().into());
            geojson::Feature {
                geometry: Some(geojson::Geometry::new(geojson::GeometryValue::from(&shape))),
                properties: Some(properties),
                ..Default::default()
            }
        })
        .collect();
    let count = features.len();
    let text = geojson::FeatureCollection { features, bbox: None, foreign_members: None }.to_string();
    if let Some(folder) = args.output.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    std::fs::write(&args.output, &text).map_err(|e| format!("cannot write {}: {e}", args.output.display()))?;
    eprintln!("{}: {count} regions, {polygons} polygons, {} bytes", args.output.display(), text.len());
    Ok(())
}

fn main() -> std::process::ExitCode {
    match parse_args().and_then(|args| run(&args)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("split_regions: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
