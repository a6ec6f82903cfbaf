//! The atlas on the real prepared boundaries: known places, the sea, and agreement with the
//! R-tree-free oracle and with the full-resolution source geometry.

mod common;

use common::{atlas, boundary_source, code_of};
use geo::{BoundingRect, Contains, Coord, MultiPolygon, Polygon, Rect};
use peta_cerdas::asset::Asset;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

#[test]
fn known_places_answer_their_codes() {
    let atlas = atlas();
    assert_eq!(atlas.regions().len(), 514);
    assert_eq!(code_of(atlas, 111.35, -7.65).as_deref(), Some("35.20"), "Magetan");
    assert_eq!(code_of(atlas, 100.37, -0.305).as_deref(), Some("13.75"), "Bukittinggi");
    assert_eq!(code_of(atlas, 105.31, -5.12).as_deref(), Some("18.72"), "Metro");
    assert_eq!(code_of(atlas, 106.80, -6.27).as_deref(), Some("31.74"), "Jakarta Selatan");
    assert_eq!(code_of(atlas, 140.7, -2.55).as_deref().map(|c| &c[..2]), Some("91"), "Jayapura is in Papua");
}

#[test]
fn the_sea_and_non_numbers_answer_nothing() {
    let atlas = atlas();
    for (lon, lat) in
        [(110.5, -5.0), (107.0, -4.0), (125.0, -7.5), (0.0, 0.0), (f64::NAN, -7.0), (111.0, f64::INFINITY)]
    {
        assert_eq!(code_of(atlas, lon, lat), None, "({lon}, {lat})");
    }
}

#[test]
fn every_region_has_a_shape_at_every_level() {
    let atlas = atlas();
    for level in atlas.levels() {
        for (region, shape) in atlas.regions().iter().zip(&level.shapes) {
            assert!(!shape.0.is_empty(), "{} has no shape at tolerance {}", region.name, level.tolerance);
        }
    }
}

#[test]
fn the_asset_round_trips() {
    let bytes = common::build_file(&common::asset_path());
    let asset = Asset::from_bytes(&bytes).expect("read");
    assert_eq!(asset.to_bytes(), bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn rtree_agrees_with_brute_force(lon in 94.9f64..141.1, lat in -11.1f64..6.1) {
        let atlas = atlas();
        prop_assert_eq!(atlas.locate(lon, lat), atlas.locate_brute_force(lon, lat));
    }
}

/// The source GeoJSON the atlas was prepared from, at full resolution, keyed like the atlas.
fn source_shapes() -> Vec<(String, MultiPolygon<f64>, Rect<f64>)> {
    let path = boundary_source();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let collection: geojson::FeatureCollection =
        text.parse().unwrap_or_else(|e| panic!("{} is not GeoJSON: {e}", path.display()));
    collection
        .features
        .into_iter()
        .filter_map(|feature| {
            let code = feature.property("kode_kemendagri")?.as_str()?.to_owned();
            let shape: MultiPolygon<f64> = match feature.geometry?.value {
                geojson::GeometryValue::Polygon { coordinates } => MultiPolygon::new(vec![polygon(&coordinates)]),
                geojson::GeometryValue::MultiPolygon { coordinates } => {
                    MultiPolygon::new(coordinates.iter().map(|p| polygon(p)).collect())
                }
                _ => return None,
            };
            let bounds = shape.bounding_rect()?;
            Some((code, shape, bounds))
        })
        .collect()
}

fn polygon(rings: &[Vec<geojson::Position>]) -> Polygon<f64> {
    let ring = |r: &Vec<geojson::Position>| {
        geo::LineString::new(r.iter().map(|p| Coord { x: p.as_slice()[0], y: p.as_slice()[1] }).collect())
    };
    Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
}

fn source_code(source: &[(String, MultiPolygon<f64>, Rect<f64>)], lon: f64, lat: f64) -> Option<String> {
    let point = geo::Point::new(lon, lat);
    source
        .iter()
        .find(|(_, shape, bounds)| bounds.contains(&point) && shape.contains(&point))
        .map(|(code, _, _)| code.clone())
}

/// Points whose whole neighbourhood (±0.005°, about 550 m) lies in one region, or all at sea,
/// must get the source's answer from the simplified atlas.
#[test]
fn agrees_with_full_resolution_source_away_from_borders() {
    let atlas = atlas();
    let source = source_shapes();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut checked, mut on_land) = (0, 0);
    for _ in 0..1500 {
        let (lon, lat) = (94.9f64..141.1, -11.1f64..6.1).new_tree(&mut runner).unwrap().current();
        let d = 0.005;
        let neighbourhood: Vec<Option<String>> =
            [(0.0, 0.0), (d, 0.0), (-d, 0.0), (0.0, d), (0.0, -d), (d, d), (-d, -d), (d, -d), (-d, d)]
                .iter()
                .map(|(dx, dy)| source_code(&source, lon + dx, lat + dy))
                .collect();
        if neighbourhood.iter().all(|answer| *answer == neighbourhood[0]) {
            checked += 1;
            on_land += usize::from(neighbourhood[0].is_some());
            assert_eq!(code_of(atlas, lon, lat), neighbourhood[0], "at ({lon}, {lat})");
        }
    }
    assert!(checked > 1000 && on_land > 100, "checked {checked} points, {on_land} on land");
}
