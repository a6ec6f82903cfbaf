//! What the fuzz targets share: the made-up atlas of tests/fixtures/synthetic (six squares
//! keyed by real codes, no boundary data) and the real programme files.

use peta_cerdas::asset::Asset;
use peta_cerdas::contract;
use peta_cerdas::map::{Direction, FocusMove, MapState};
use peta_cerdas::prepare::{self, CodeList};
use peta_cerdas::region::Region;

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

/// Uses whatever map loaded as a reader would: draw, hit test, search, move, zoom, share.
pub fn exercise(map: &mut MapState) {
    let _ = contract::ui(map);
    let _ = map.to_svg();
    let _ = map.click(300.0, 200.0);
    let _ = map.move_focus(FocusMove::Start);
    let _ = map.move_focus(FocusMove::Toward(Direction::Right));
    let _ = map.move_focus(FocusMove::Next);
    let _ = contract::region_info(map, 0);
    let _ = contract::search(map, "kota", 5);
    map.fly_to(0);
    map.zoom_at(8.0, 10.0, 10.0);
    let _ = map.hash();
}

/// A consistent slice of the real programme (all cohorts, the first 60 membership rows and the
/// pillar rows about them): what the programme target puts beside the file it mutates. The
/// whole files would slow each run to a crawl without reaching more of the readers.
pub fn small_programme() -> (String, String, String) {
    let members: Vec<&str> = MEMBERS.lines().take(61).collect();
    let fields = |line: &'static str| {
        let mut fields = line.split(',');
        (fields.next().unwrap_or(""), fields.next().unwrap_or(""), fields.next().unwrap_or(""))
    };
    let listed: Vec<(&str, &str)> = members[1..].iter().map(|line| fields(line)).map(|(c, _, y)| (c, y)).collect();
    let pillars: Vec<&str> = PILLARS
        .lines()
        .enumerate()
        .filter(|&(index, line)| {
            let (code, _, year) = fields(line);
            index == 0 || listed.iter().any(|&(c, y)| c == code && (year.is_empty() || y == year))
        })
        .map(|(_, line)| line)
        .collect();
    let small = (members.join("\n") + "\n", pillars.join("\n") + "\n", COHORTS.to_owned());
    match peta_cerdas::programme::Programme::from_csv(&small.0, &small.1, &small.2) {
        Ok(_) => small,
        Err(_) => (MEMBERS.to_owned(), PILLARS.to_owned(), COHORTS.to_owned()),
    }
}
