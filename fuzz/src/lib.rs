//! What the fuzz targets share: the made-up atlas of tests/fixtures/synthetic (six squares
//! keyed by real codes, no boundary data) and the real programme files.

use peta_cerdas::asset::Asset;
use peta_cerdas::atlas::Region;
use peta_cerdas::map::MapState;
use peta_cerdas::prepare::{self, CodeList};

pub const MEMBERS: &str = include_str!("../../data/programme/members.csv");
pub const PILLARS: &str = include_str!("../../data/programme/pillars.csv");
pub const COHORTS: &str = include_str!("../../data/programme/cohorts.csv");

pub const SYNTHETIC_GEOJSON: &str = include_str!("../../tests/fixtures/synthetic/regions.geojson");
const SYNTHETIC_REGENCIES: &str = include_str!("../../tests/fixtures/synthetic/regencies.csv");
const SYNTHETIC_PROVINCES: &str = include_str!("../../tests/fixtures/synthetic/provinces.csv");

/// The small fixed code list the GeoJSON target prepares against: small enough that a mutated
/// file can name every code and reach the geometry stages.
pub fn synthetic_codes() -> CodeList {
    CodeList::from_csv(SYNTHETIC_REGENCIES, SYNTHETIC_PROVINCES).expect("the synthetic code list is valid")
}

pub fn synthetic_asset() -> Asset {
    prepare::prepare(SYNTHETIC_GEOJSON, &synthetic_codes(), "fuzz").expect("the synthetic atlas prepares").0
}

/// The official 514 regions when the code list from data/boundaries.json is on this machine
/// (it is never committed), else the synthetic ones.
pub fn regions() -> Vec<Region> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let official = prepare::Manifest::load(&root.join("data/boundaries.json")).ok().and_then(|manifest| {
        let read = |path: &std::path::Path| std::fs::read_to_string(root.join(path)).ok();
        let codes =
            CodeList::from_csv(&read(&manifest.code_list.regencies)?, &read(&manifest.code_list.provinces)?).ok()?;
        Some(codes.regions.into_values().collect::<Vec<_>>())
    });
    official.unwrap_or_else(|| synthetic_codes().regions.into_values().collect())
}

/// A map with the synthetic atlas and the real programme loaded.
pub fn ready_map() -> MapState {
    let mut map = MapState::new();
    map.load_atlas(&synthetic_asset().to_bytes()).expect("the synthetic asset loads");
    map.load_programme(MEMBERS, PILLARS, COHORTS).expect("the programme loads");
    map.set_size(600.0, 400.0);
    map
}
