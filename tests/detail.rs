//! The provinces' level files on the real prepared boundaries: what `prepare` writes, what loading
//! one changes, which files a view wants, hit tests with only some loaded, refused files, and the
//! element's list of them (and of the programme's sources files).

mod common;

use common::{asset_path, build_file, overview_path, root};
use geo::{Coord, MultiPolygon};
use peta_cerdas::asset::{detail_file, Asset, Detail};
use peta_cerdas::map::{MapError, MapState};
use peta_cerdas::programme::{sources_file, Programme, ALL_SOURCES_FILE};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The full asset and its level files, cut in memory as `prepare` cuts them.
fn full() -> &'static (Asset, Vec<Detail>) {
    static FULL: OnceLock<(Asset, Vec<Detail>)> = OnceLock::new();
    FULL.get_or_init(|| {
        let asset = Asset::from_bytes(&build_file(&asset_path())).expect("data/build/atlas.bin reads");
        let details = asset.details();
        (asset, details)
    })
}

fn detail(province: u8, level: u8) -> &'static Detail {
    full()
        .1
        .iter()
        .find(|d| (d.province, d.level) == (province, level))
        .unwrap_or_else(|| panic!("no level {level} of province {province}"))
}

/// Loads the file of `province` at `level`.
fn load(map: &mut MapState, (province, level): (u8, u8)) {
    map.load_detail(&detail(province, level).to_bytes()).unwrap();
}

/// The level the scene draws.
fn level(map: &MapState) -> usize {
    peta_cerdas::scene::level_for(map.atlas().unwrap(), map.viewport())
}

/// A map with the overview, sized as the benchmark's canvas.
fn overview_map() -> MapState {
    let mut map = MapState::new();
    map.set_size(1200.0, 800.0);
    common::load_overview(&mut map);
    map
}

fn shapes(map: &MapState, level: usize) -> Vec<MultiPolygon<f64>> {
    map.atlas().unwrap().levels()[level].shapes.clone()
}

#[test]
fn prepare_writes_one_file_per_province_and_finer_level() {
    let (asset, details) = full();
    let provinces: BTreeSet<u8> = asset.regions.iter().map(|r| r.code.province).collect();
    assert_eq!(provinces.len(), 38, "Indonesia has 38 provinces");
    let files: BTreeSet<(u8, u8)> = details.iter().map(|d| (d.province, d.level)).collect();
    let expected: BTreeSet<(u8, u8)> = provinces.iter().flat_map(|&p| [(p, 1), (p, 2), (p, 3)]).collect();
    assert_eq!(files, expected, "levels 1 to 3 of each province");
    let tolerances: Vec<f64> = asset.levels.iter().map(|level| level.tolerance).collect();
    for detail in details {
        let path = root().join("data/build").join(detail_file(detail.province, detail.level));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; `make data` writes it", path.display()));
        assert_eq!(&Detail::from_bytes(&bytes).unwrap(), detail, "{} is not the atlas's cut", path.display());
        assert_eq!(detail.tolerances, tolerances);
        assert!(detail.regions.iter().all(|code| code.province == detail.province));
    }
    assert_eq!(details.iter().filter(|d| d.level == 1).map(|d| d.regions.len()).sum::<usize>(), 514);
    let stale = root().join("data/build/detail/35.bin");
    assert!(!stale.exists(), "{} is a file of an older build", stale.display());
}

#[test]
fn a_level_file_changes_only_that_level_of_its_provinces_regions() {
    let (asset, _) = full();
    let complete: Vec<Vec<MultiPolygon<f64>>> = asset.levels.iter().map(|level| level.decode_shapes()).collect();
    let mut map = overview_map();
    let coarsest = shapes(&map, 0);
    load(&mut map, (35, 1));
    let atlas = map.atlas().unwrap();
    assert_eq!(atlas.levels().len(), 4, "the file told the finer levels");
    for (i, region) in asset.regions.iter().enumerate() {
        let in_35 = region.code.province == 35;
        assert_eq!((atlas.has_level(1, i), atlas.has_level(2, i)), (in_35, false), "{}", region.code);
        let expected = if in_35 { &complete[1][i] } else { &coarsest[i] };
        assert_eq!(&atlas.levels()[1].shapes[i], expected, "{} at level 1", region.code);
        // Level 2, still missing, draws level 1 meanwhile.
        assert_eq!(&atlas.levels()[2].shapes[i], expected, "{} at level 2", region.code);
        assert_eq!(atlas.levels()[0].shapes[i], coarsest[i], "level 0 never changes");
    }
    let magetan = atlas.index_of("35.20".parse().unwrap()).unwrap();
    assert_eq!(atlas.locate(111.35, -7.65), Some(magetan), "located by its level-1 shape");

    // Level 2 of the same province changes only level 2; another province's level 2, before its
    // level 1, leaves its level 1 coarsest, and its level 1 arriving later spoils nothing.
    let before = shapes(&map, 1);
    load(&mut map, (35, 2));
    load(&mut map, (33, 2));
    load(&mut map, (33, 1));
    let atlas = map.atlas().unwrap();
    for (i, region) in asset.regions.iter().enumerate() {
        let province = region.code.province;
        let level_1 = if province == 33 { &complete[1][i] } else { &before[i] };
        assert_eq!(&atlas.levels()[1].shapes[i], level_1, "{} at level 1", region.code);
        let level_2 = if [33, 35].contains(&province) { &complete[2][i] } else { &before[i] };
        assert_eq!(&atlas.levels()[2].shapes[i], level_2, "{} at level 2", region.code);
    }
    assert_eq!(atlas.locate(111.35, -7.65), Some(magetan));
}

#[test]
fn a_slight_zoom_wants_only_level_1_of_the_provinces_in_view() {
    let mut map = overview_map();
    assert!(map.detail_wanted().is_empty(), "the home view draws from the overview");
    map.zoom_at(1.7, 600.0, 400.0);
    let wanted = map.detail_wanted();
    assert!(wanted.len() > 10, "the middle of the country: {wanted:?}");
    assert!(wanted.len() < 38, "not the provinces out of view: {wanted:?}");
    assert!(wanted.iter().all(|&(_, level)| level == 1), "{wanted:?}");
    for &file in &wanted {
        load(&mut map, file);
    }
    assert_eq!(level(&map), 1, "the view draws level 1");
    assert!(map.detail_wanted().is_empty(), "and has all it wants");
}

#[test]
fn a_zoom_8_onto_magetan_wants_level_2_of_java_s_middle() {
    let mut map = overview_map();
    map.apply_hash("#view=111.33,-7.65,8");
    let first = map.detail_wanted();
    assert!(first.contains(&(35, 1)), "before any file, the finer levels are unknown: level 1 first: {first:?}");
    load(&mut map, (35, 1));
    assert_eq!(level(&map), 2, "the scene wants level 2 at zoom 8");
    let wanted = map.detail_wanted();
    assert!(wanted.contains(&(35, 2)), "{wanted:?}");
    assert!(
        wanted.iter().all(|&(p, level)| (32..=35).contains(&p) && level == 2),
        "Java's middle at level 2: {wanted:?}"
    );
    for &file in &wanted {
        load(&mut map, file);
    }
    assert!(map.detail_wanted().is_empty());

    // The levels known, a deep zoom elsewhere goes to level 2 at once.
    map.apply_hash("#view=119.42,-5.13,8");
    let makassar = map.detail_wanted();
    assert!(!makassar.is_empty() && makassar.iter().all(|&(_, level)| level == 2), "{makassar:?}");
}

#[test]
fn bad_detail_files_are_refused_and_the_map_keeps_its_state() {
    let mut map = overview_map();
    load(&mut map, (31, 1));
    map.select_code("35.20".parse().unwrap());
    map.fly_to(map.selected().unwrap());
    let (levels, wanted, hash) = ((0..3).map(|l| shapes(&map, l)).collect::<Vec<_>>(), map.detail_wanted(), map.hash());
    let unchanged = |map: &MapState, what: &str| {
        assert_eq!((0..3).map(|l| shapes(map, l)).collect::<Vec<_>>(), levels, "{what} changed the shapes");
        assert_eq!(map.detail_wanted(), wanted, "{what}");
        assert_eq!(map.hash(), hash, "{what}");
    };
    let good = detail(36, 2).to_bytes();
    let mut refused = vec![
        ("garbage".to_owned(), b"garbage".to_vec()),
        ("the atlas".to_owned(), build_file(&asset_path())),
        ("the overview".to_owned(), build_file(&overview_path())),
    ];
    refused.extend((0..good.len()).step_by(97).map(|cut| (format!("cut at {cut}"), good[..cut].to_vec())));
    let mut unknown = detail(36, 2).clone();
    unknown.regions[0].regency = 99;
    refused.push(("an unknown region".to_owned(), unknown.to_bytes()));
    let mut other_levels = detail(36, 2).clone();
    other_levels.tolerances[1] = 0.003;
    refused.push(("other levels".to_owned(), other_levels.to_bytes()));
    let mut elsewhere = detail(36, 2).clone();
    elsewhere.province = 35;
    refused.push(("regions of another province".to_owned(), elsewhere.to_bytes()));
    let mut beyond = detail(36, 2).clone();
    beyond.level = 3;
    refused.push(("a level the tolerances do not have".to_owned(), beyond.to_bytes()));
    for (what, bytes) in refused {
        let error = map.load_detail(&bytes).expect_err(&what);
        assert!(matches!(error, MapError::Detail(_)), "{what}: {error:?}");
        assert!(!error.to_string().is_empty());
        unchanged(&map, &what);
    }
    // A first file of another build is refused before the map takes its levels.
    let mut fresh = overview_map();
    let mut other_coarsest = detail(36, 1).clone();
    other_coarsest.tolerances[0] = 0.03;
    assert!(matches!(fresh.load_detail(&other_coarsest.to_bytes()), Err(MapError::Detail(_))));
    assert_eq!(fresh.atlas().unwrap().levels().len(), 1);
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

    /// With some level files loaded and others not, in any order, the R-tree answers what the
    /// index-free oracle does, and a region is located by its finest loaded level.
    #[test]
    fn partial_detail_locates_as_the_oracle_does(
        loaded in prop::collection::vec((prop::sample::select(vec![31u8, 32, 33, 34, 35, 36, 51]), 1..=2u8), 0..8),
        points in prop::collection::vec(java_point(), 100),
    ) {
        let mut map = overview_map();
        for &file in &loaded {
            load(&mut map, file);
        }
        let atlas = map.atlas().unwrap();
        for point in points {
            let found = atlas.locate(point.x, point.y);
            prop_assert_eq!(found, atlas.locate_brute_force(point.x, point.y), "at {:?} with {:?}", point, loaded);
            if let Some(index) = found {
                let province = atlas.regions()[index].code.province;
                let finest = loaded.iter().filter(|&&(p, _)| p == province).map(|&(_, level)| usize::from(level)).max();
                if let Some(level) = finest {
                    prop_assert!(atlas.has_level(level, index));
                    prop_assert_eq!(&atlas.finest()[index], &atlas.levels()[level].shapes[index]);
                }
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
        level in 1..=2u8,
    ) {
        let mut bytes = detail(34, level).to_bytes();
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
                let _ = map.detail_wanted();
            }
            Err(_) => prop_assert_eq!(map.detail_wanted(), before),
        }
    }
}

/// www/element/data.js names every level file, and sources-files.js every sources file, with its own literal URL
/// (bundlers emit only those): the lists must be the files prepare and pack-programme write.
/// `PETA_UPDATE_CONTRACT=1` rewrites them after a change.
#[test]
fn the_element_lists_every_level_and_sources_file_for_bundlers() {
    let mut files: Vec<(u8, u8)> = full().1.iter().map(|d| (d.level, d.province)).collect();
    files.sort_unstable();
    listed_for_bundlers(
        "data.js",
        "detail/",
        files.into_iter().map(|(level, province)| detail_file(province, level)).collect(),
    );
    let read = |name: &str| std::fs::read_to_string(root().join("data/programme").join(name)).unwrap();
    let programme = Programme::from_csv(&read("members.csv"), &read("pillars.csv"), &read("cohorts.csv")).unwrap();
    let mut sources: Vec<String> =
        programme.sources_files().into_iter().map(|(holder, _)| sources_file(holder)).collect();
    sources.push(ALL_SOURCES_FILE.to_owned());
    listed_for_bundlers("sources-files.js", "sources/", sources);
}

/// Checks (or rewrites) the block of lines of `module` (data.js's `PACKAGED`, sources-files.js's
/// `SOURCES`) whose file starts with `prefix`.
fn listed_for_bundlers(module: &str, prefix: &str, files: Vec<String>) {
    let path = root().join("www/element").join(module);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = format!("  '{prefix}");
    let is_listed = |line: &str| line.starts_with(&start);
    let listed: Vec<&str> = text.lines().filter(|line| is_listed(line)).collect();
    let expected: Vec<String> =
        files.iter().map(|file| format!("  '{file}': new URL('../data/{file}?no-inline', import.meta.url),")).collect();
    if listed == expected {
        return;
    }
    if std::env::var_os("PETA_UPDATE_CONTRACT").is_some() {
        let first = text.lines().position(is_listed).expect("the module has a block of these lines to rewrite");
        let mut lines: Vec<String> = text.lines().filter(|line| !is_listed(line)).map(str::to_owned).collect();
        lines.splice(first..first, expected);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        return;
    }
    panic!(
        "{} lists other {prefix} files than the build writes; PETA_UPDATE_CONTRACT=1 cargo test --test detail rewrites them. Expected:\n{}",
        path.display(),
        expected.join("\n")
    );
}
