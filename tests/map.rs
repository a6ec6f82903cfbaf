//! The interactive map on the real data: keyboard reach, the overview-then-detail load, and a
//! developer's own indicator.

mod common;

use geo::{Area, Centroid};
use peta_cerdas::contract;
use peta_cerdas::map::{Direction, FocusMove, MapState};
use peta_cerdas::prepare::{self, CodeList};
use peta_cerdas::scene;
use peta_cerdas::view::project;
use std::collections::BTreeSet;

fn loaded_map() -> MapState {
    let mut map = MapState::new();
    map.set_size(1200.0, 640.0);
    common::load_overview(&mut map);
    let read = |name: &str| std::fs::read_to_string(common::root().join("data/programme").join(name)).unwrap();
    map.load_programme(&read("members.csv"), &read("pillars.csv"), &read("cohorts.csv")).unwrap();
    map
}

#[test]
fn next_walks_every_region_once_and_previous_walks_back() {
    let mut map = loaded_map();
    let count = map.atlas().unwrap().regions().len();
    let first = map.move_focus(FocusMove::Next).unwrap();
    let mut seen = BTreeSet::from([first]);
    let mut walk = vec![first];
    for _ in 1..count {
        let index = map.move_focus(FocusMove::Next).unwrap();
        assert!(seen.insert(index), "region {index} visited twice before all were reached");
        walk.push(index);
    }
    assert_eq!(seen.len(), count);
    assert_eq!(map.move_focus(FocusMove::Next), Some(first), "the walk wraps around");
    // Previous retraces the walk exactly: back over the wrap to the last, then down the list.
    assert_eq!(map.move_focus(FocusMove::Previous), walk.last().copied());
    for &expected in walk.iter().rev().skip(1).take(20) {
        assert_eq!(map.move_focus(FocusMove::Previous), Some(expected));
    }
}

#[test]
fn next_follows_the_data_table_order() {
    let mut map = loaded_map();
    let regions = map.atlas().unwrap().regions().to_vec();
    let first = map.move_focus(FocusMove::Next).unwrap();
    let second = map.move_focus(FocusMove::Next).unwrap();
    let key = |i: usize| (regions[i].province.clone(), regions[i].name.clone());
    assert!(key(first) < key(second));
    assert!(regions.iter().all(|r| (r.province.clone(), r.name.clone()) >= key(first)));
}

/// Where keyboard moves start and land for a region, in screen pixels of the current view: the
/// centroid of its largest part at the coarsest level.
fn anchor_on_screen(map: &MapState, index: usize) -> [f64; 2] {
    let shape = &map.atlas().unwrap().levels()[0].shapes[index];
    let largest = shape.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area())).unwrap();
    let centroid = largest.centroid().unwrap();
    map.viewport().to_screen(project(centroid.x(), centroid.y()))
}

#[test]
fn arrows_move_to_a_region_that_way_on_screen() {
    // Magetan, inland East Java, has neighbours on every side.
    for (direction, axis) in [
        (Direction::Right, [1.0, 0.0]),
        (Direction::Left, [-1.0, 0.0]),
        (Direction::Up, [0.0, -1.0]),
        (Direction::Down, [0.0, 1.0]),
    ] {
        let mut map = loaded_map();
        assert!(map.select_code("35.20".parse().unwrap()));
        let start = map.move_focus(FocusMove::Start).unwrap();
        assert_eq!(map.atlas().unwrap().regions()[start].code.to_string(), "35.20");
        let next = map.move_focus(FocusMove::Toward(direction)).unwrap();
        assert_ne!(next, start, "{direction:?}: the focus stayed on Magetan");
        assert_eq!(map.focused(), Some(next));
        // Both anchors in the view after the move (a pan to keep the focus in view moves both).
        let (from, to) = (anchor_on_screen(&map, start), anchor_on_screen(&map, next));
        let step = [to[0] - from[0], to[1] - from[1]];
        let along = step[0] * axis[0] + step[1] * axis[1];
        let across = (step[0] * axis[1] - step[1] * axis[0]).abs();
        let name = &map.atlas().unwrap().regions()[next].name;
        assert!(along > 0.0, "{direction:?} moved to {name}, {along:.1} px the wrong way");
        assert!(across <= along * 3f64.sqrt(), "{direction:?} moved to {name}, more than 60° off the axis");
    }
}

fn index_of(map: &MapState, code: &str) -> usize {
    map.atlas().unwrap().regions().iter().position(|r| r.code.to_string() == code).unwrap()
}

/// The classes the legend shows switched off, by key.
fn hidden_classes(map: &MapState) -> Vec<String> {
    let scene = map.scene().unwrap();
    scene.styling.legend.entries.iter().filter(|e| e.hidden).filter_map(|e| Some(e.class?.key())).collect()
}

/// The six made-up squares of tests/fixtures/synthetic, as an asset: other regions than the real ones.
fn synthetic_asset() -> Vec<u8> {
    let read = |name: &str| {
        let path = common::root().join("tests/fixtures/synthetic").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let codes = CodeList::from_csv(&read("regencies.csv"), &read("provinces.csv")).unwrap();
    let (asset, _) = prepare::prepare(&read("regions.geojson"), &codes, "made-up squares").unwrap();
    asset.to_bytes()
}

/// A map may load atlas.bin after overview.bin (the benchmark does; pages load detail files
/// instead): what the viewer did meanwhile must survive, and the finer levels become available.
#[test]
fn the_detailed_atlas_after_the_overview_keeps_the_view() {
    let mut map = loaded_map();
    let overview_levels = map.atlas().unwrap().levels().len();
    assert!(map.select_code("35.20".parse().unwrap()));
    map.set_year(2019).unwrap();
    map.set_mode("pillar").unwrap();
    let key = map.scene().unwrap().styling.legend.entries[0].class.unwrap().key();
    assert!(map.toggle_class(&key).unwrap());
    map.zoom_at(8.0, 600.0, 320.0);
    map.pan(-40.0, 25.0);
    let (viewport, hash, hidden) = (*map.viewport(), map.hash(), hidden_classes(&map));
    assert!(hash.contains("year=2019") && hash.contains("mode=pillar") && hash.contains("region=35.20"), "{hash}");
    assert_eq!(hidden, [key]);
    let coarse_level = map.scene().unwrap().level;
    assert!(!map.detail_wanted().is_empty(), "zoomed in, the overview is too coarse");

    map.load_atlas(&common::build_file(&common::asset_path())).unwrap();
    let levels = map.atlas().unwrap().levels().len();
    assert!(levels > overview_levels, "{levels} levels after the detail, {overview_levels} before");
    assert_eq!(map.selected(), Some(index_of(&map, "35.20")));
    assert_eq!(map.focused(), map.selected());
    assert_eq!(*map.viewport(), viewport, "the camera moved");
    assert_eq!(map.hash(), hash, "year, mode, selection or camera changed");
    assert_eq!(hidden_classes(&map), hidden);
    assert!(map.scene().unwrap().level > coarse_level, "zoomed in, the scene draws a finer level now");
    assert!(map.detail_wanted().is_empty());

    // Other regions: the old selection would point at a different region, so it is dropped.
    map.load_atlas(&synthetic_asset()).unwrap();
    assert_eq!(map.atlas().unwrap().regions().len(), 6);
    assert_eq!((map.selected(), map.focused(), map.hovered()), (None, None, None));
    assert!(!map.hash().contains("region="), "{}", map.hash());
}

#[test]
fn an_indicator_is_drawn_in_quantile_classes_with_a_report() {
    let mut map = loaded_map();
    assert!(map.set_mode("indicator").is_err(), "no indicator loaded yet");
    let report = map
        .load_indicator("kode;nama;Jumlah layanan digital\n35.20;;10\n;Kota Bukittinggi;20,5\n;Magetn Raya;3\n")
        .unwrap();
    assert_eq!((report.rows, report.matched), (3, 2));
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].starts_with("line 4:"), "{:?}", report.problems);

    let ui = contract::ui(&map).unwrap();
    assert_eq!(ui.mode, "indicator");
    assert_eq!(ui.indicator.as_deref(), Some("Jumlah layanan digital"));
    assert_eq!(ui.legend.title, "Jumlah layanan digital");
    let counts: Vec<(Option<String>, String, usize)> =
        ui.legend.entries.iter().map(|e| (e.key.clone(), e.label.clone(), e.count)).collect();
    assert_eq!(
        counts,
        [
            (Some("bin-0".into()), "10".into(), 1),
            (Some("bin-1".into()), "20,5".into(), 1),
            (Some("no-value".into()), "Tanpa nilai".into(), 512)
        ]
    );
    assert!(ui.subtitle.contains("2 dari 514"), "{}", ui.subtitle);

    let magetan = contract::region_info(&map, index_of(&map, "35.20")).unwrap();
    assert_eq!(magetan.value.as_ref().map(|v| v.text.as_str()), Some("10"));
    assert!(map.toggle_class("bin-0").unwrap());

    // A file without a usable row is refused and the indicator stays.
    assert!(map.load_indicator("kode,nilai\n99.99,1\n").unwrap_err().to_string().contains("no row matched"));
    assert!(map.load_indicator("foo,bar\n").is_err());
    assert_eq!(contract::ui(&map).unwrap().indicator.as_deref(), Some("Jumlah layanan digital"));

    map.clear_indicator();
    assert_eq!(contract::ui(&map).unwrap().mode, "cohort");
    assert!(contract::ui(&map).unwrap().indicator.is_none());
}

#[test]
fn indicator_text_is_escaped_in_the_svg() {
    let mut map = loaded_map();
    map.load_indicator("kode,<img src=x onerror=alert(1)>\n35.20,1\n13.75,2\n").unwrap();
    let svg = map.to_svg().unwrap();
    assert!(!svg.contains("<img"), "raw markup in the SVG");
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

/// A region too small to find by its outline is ringed at its box's centre; once a zoom makes it
/// large enough it is not, and a large region never is.
#[test]
fn small_regions_are_ringed_until_a_zoom_shows_them() {
    let mut map = loaded_map();
    let ring =
        |map: &MapState, code: &str| scene::ring_centre(map.atlas().unwrap(), map.viewport(), index_of(map, code));
    // Kota Magelang, a few km across, at the country view; Papua's Kabupaten Merauke is large.
    let [x, y] = ring(&map, "33.71").expect("a city is a dot at the country view");
    let magelang = map.viewport().to_screen(project(110.22, -7.48));
    assert!((x - magelang[0]).abs() < 6.0 && (y - magelang[1]).abs() < 6.0, "{x},{y} vs {magelang:?}");
    assert_eq!(ring(&map, "94.01"), None);
    map.fly_to(index_of(&map, "33.71"));
    assert_eq!(ring(&map, "33.71"), None, "flown to, it fills the view");
}
