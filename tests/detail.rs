//! The provinces' detail files on the real prepared boundaries: what `prepare` writes, what loading
//! one changes, hit tests with only some loaded, refused files, and the element's list of them.

mod common;

use common::{asset_path, build_file, overview_path, root};
use geo::{Coord, MultiPolygon};
use peta_cerdas::asset::{detail_file, Asset, Detail};
use peta_cerdas::map::{MapError, MapState};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The full asset and its detail files, cut in memory as `prepare` cuts them.
fn full() -> &'static (Asset, Vec<Detail>) {
    static FULL: OnceLock<(Asset, Vec<Detail>)> = OnceLock::new();
    FULL.get_or_init(|| {
        let asset = Asset::from_bytes(&build_file(&asset_path())).expect("data/build/atlas.bin reads");
        let details = asset.details();
        (asset, details)
    })
}

fn detail(province: u8) -> &'static Detail {
    full().1.iter().find(|d| d.province == province).unwrap_or_else(|| panic!("no province {province}"))
}

/// A map with the overview, sized as the benchmark's canvas.
fn overview_map() -> MapState {
    let mut map = MapState::new();
    map.set_size(1200.0, 800.0);
    map.load_atlas(&build_file(&overview_path())).unwrap();
    map
}

fn shapes(map: &MapState, level: usize) -> Vec<MultiPolygon<f64>> {
    map.atlas().unwrap().levels()[level].shapes.clone()
}

#[test]
fn prepare_writes_one_file_per_province_with_its_finer_levels() {
    let (asset, details) = full();
    let provinces: BTreeSet<u8> = asset.regions.iter().map(|r| r.code.province).collect();
    assert_eq!(provinces.len(), 38, "Indonesia has 38 provinces");
    assert_eq!(details.iter().map(|d| d.province).collect::<BTreeSet<u8>>(), provinces);
    for detail in details {
        let path = root().join("data/build").join(detail_file(detail.province));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; `make data` writes it", path.display()));
        assert_eq!(&Detail::from_bytes(&bytes).unwrap(), detail, "{} is not the atlas's cut", path.display());
        assert_eq!(detail.levels.len(), asset.levels.len() - 1, "levels 1 and up");
        assert!(detail.regions.iter().all(|code| code.province == detail.province));
    }
    assert_eq!(details.iter().map(|d| d.regions.len()).sum::<usize>(), 514);
}

#[test]
fn loading_a_province_changes_exactly_its_regions_finer_levels() {
    let (asset, _) = full();
    let complete: Vec<Vec<MultiPolygon<f64>>> = asset.levels.iter().map(|level| level.decode_shapes()).collect();
    let mut map = overview_map();
    let coarsest = shapes(&map, 0);
    map.load_detail(&detail(35).to_bytes()).unwrap();
    let atlas = map.atlas().unwrap();
    assert_eq!(atlas.levels().len(), 3);
    for (i, region) in asset.regions.iter().enumerate() {
        let in_35 = region.code.province == 35;
        assert_eq!(atlas.is_detailed(i), in_35, "{}", region.code);
        for (level, complete) in complete.iter().enumerate().skip(1) {
            let expected = if in_35 { &complete[i] } else { &coarsest[i] };
            assert_eq!(&atlas.levels()[level].shapes[i], expected, "{} at level {level}", region.code);
        }
        assert_eq!(atlas.levels()[0].shapes[i], coarsest[i], "level 0 never changes");
    }
    // A second province leaves the first as it was.
    let before: Vec<_> = (1..3).map(|level| shapes(&map, level)).collect();
    map.load_detail(&detail(33).to_bytes()).unwrap();
    let atlas = map.atlas().unwrap();
    for (i, region) in asset.regions.iter().enumerate().filter(|(_, r)| r.code.province != 33) {
        for level in 1..3 {
            assert_eq!(atlas.levels()[level].shapes[i], before[level - 1][i], "{} at level {level}", region.code);
        }
    }
    assert_eq!(atlas.locate(111.35, -7.65).map(|i| atlas.regions()[i].code.to_string()).as_deref(), Some("35.20"));
}

#[test]
fn a_zoom_onto_java_wants_only_the_provinces_in_view() {
    let mut map = overview_map();
    assert!(map.detail_wanted().is_empty(), "the home view draws from the overview");
    assert!(map.select_code("35.20".parse().unwrap()));
    map.fly_to(map.selected().unwrap());
    let wanted = map.detail_wanted();
    assert!(wanted.contains(&35), "{wanted:?}");
    assert!(wanted.iter().all(|p| [33, 34, 35].contains(p)), "Magetan's view shows Java's middle: {wanted:?}");
    let level = |map: &MapState| peta_cerdas::scene::level_for(map.atlas().unwrap(), map.viewport());
    let level_before = level(&map);
    map.load_detail(&detail(35).to_bytes()).unwrap();
    assert!(!map.detail_wanted().contains(&35));
    assert!(level(&map) > level_before, "the zoom now draws a finer level");
    for province in map.detail_wanted() {
        map.load_detail(&detail(province).to_bytes()).unwrap();
    }
    assert!(map.detail_wanted().is_empty());
}

#[test]
fn bad_detail_files_are_refused_and_the_map_keeps_its_state() {
    let mut map = overview_map();
    map.load_detail(&detail(31).to_bytes()).unwrap();
    map.select_code("35.20".parse().unwrap());
    map.fly_to(map.selected().unwrap());
    let (levels, wanted, hash) = ((0..3).map(|l| shapes(&map, l)).collect::<Vec<_>>(), map.detail_wanted(), map.hash());
    let unchanged = |map: &MapState, what: &str| {
        assert_eq!((0..3).map(|l| shapes(map, l)).collect::<Vec<_>>(), levels, "{what} changed the shapes");
        assert_eq!(map.detail_wanted(), wanted, "{what}");
        assert_eq!(map.hash(), hash, "{what}");
    };
    let good = detail(36).to_bytes();
    let mut refused = vec![
        ("garbage".to_owned(), b"garbage".to_vec()),
        ("the atlas".to_owned(), build_file(&asset_path())),
        ("the overview".to_owned(), build_file(&overview_path())),
    ];
    refused.extend((0..good.len()).step_by(97).map(|cut| (format!("cut at {cut}"), good[..cut].to_vec())));
    let mut unknown = detail(36).clone();
    unknown.regions[0].regency = 99;
    refused.push(("an unknown region".to_owned(), unknown.to_bytes()));
    let mut other_levels = detail(36).clone();
    other_levels.levels[0].tolerance = 0.003;
    refused.push(("other levels".to_owned(), other_levels.to_bytes()));
    let mut elsewhere = detail(36).clone();
    elsewhere.province = 35;
    refused.push(("regions of another province".to_owned(), elsewhere.to_bytes()));
    for (what, bytes) in refused {
        let error = map.load_detail(&bytes).expect_err(&what);
        assert!(matches!(error, MapError::Detail(_)), "{what}: {error:?}");
        assert!(!error.to_string().is_empty());
        unchanged(&map, &what);
    }
    assert!(MapError::Detail(peta_cerdas::atlas::DetailError::UnknownRegion("36.99".parse().unwrap()))
        .to_string()
        .contains("36.99"));
}

/// Points over Java and Bali, where provinces meet.
fn java_point() -> impl Strategy<Value = Coord<f64>> {
    (105.0..116.0f64, -8.9..-5.8f64).prop_map(|(x, y)| Coord { x, y })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// With some provinces loaded and others not, the R-tree answers what the index-free oracle does.
    #[test]
    fn partial_detail_locates_as_the_oracle_does(
        loaded in prop::collection::btree_set(prop::sample::select(vec![31u8, 32, 33, 34, 35, 36, 51]), 0..5),
        points in prop::collection::vec(java_point(), 100),
    ) {
        let mut map = overview_map();
        for &province in &loaded {
            map.load_detail(&detail(province).to_bytes()).unwrap();
        }
        let atlas = map.atlas().unwrap();
        for point in points {
            let found = atlas.locate(point.x, point.y);
            prop_assert_eq!(found, atlas.locate_brute_force(point.x, point.y), "at {:?} with {:?}", point, loaded);
            if let Some(index) = found {
                prop_assert_eq!(atlas.is_detailed(index), loaded.contains(&atlas.regions()[index].code.province));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A detail file damaged anywhere is refused or, when it still decodes, loaded and usable:
    /// never a panic, and a refused one leaves the map as it was.
    #[test]
    fn damaged_detail_files_never_panic(
        damage in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = detail(34).to_bytes();
        for (at, value) in damage {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let mut map = overview_map();
        map.apply_hash("#view=110.4,-7.8,20");
        let before = map.detail_wanted();
        match map.load_detail(&bytes) {
            Ok(()) => {
                let atlas = map.atlas().unwrap();
                for (lon, lat) in [(110.37, -7.8), (110.4, -7.9), (106.8, -6.2)] {
                    prop_assert_eq!(atlas.locate(lon, lat), atlas.locate_brute_force(lon, lat));
                }
                let _ = peta_cerdas::scene::level_for(atlas, map.viewport());
            }
            Err(_) => prop_assert_eq!(map.detail_wanted(), before),
        }
    }
}

/// www/element/data.js names every detail file with its own literal URL (bundlers emit only those):
/// the list must be the provinces' files. `PETA_UPDATE_CONTRACT=1` rewrites it after a change.
#[test]
fn the_element_lists_every_province_file_for_bundlers() {
    let path = root().join("www/element/data.js");
    let text = std::fs::read_to_string(&path).unwrap();
    let is_detail = |line: &str| line.starts_with("  'detail/");
    let listed: Vec<&str> = text.lines().filter(|line| is_detail(line)).collect();
    let expected: Vec<String> = full()
        .1
        .iter()
        .map(|d| {
            let file = detail_file(d.province);
            format!("  '{file}': new URL('../data/{file}', import.meta.url),")
        })
        .collect();
    if listed == expected {
        return;
    }
    if std::env::var_os("PETA_UPDATE_CONTRACT").is_some() {
        let first = text.lines().position(is_detail).expect("data.js has a block of detail lines to rewrite");
        let mut lines: Vec<String> = text.lines().filter(|line| !is_detail(line)).map(str::to_owned).collect();
        lines.splice(first..first, expected);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        return;
    }
    panic!(
        "{} lists other detail files than prepare writes; PETA_UPDATE_CONTRACT=1 cargo test --test detail rewrites them. Expected:\n{}",
        path.display(),
        expected.join("\n")
    );
}
