//! The WebAssembly bindings in a real browser (`wasm-pack test --headless --chrome`): loading,
//! drawing, hit testing, errors and the programme's sources through the same `MapHandle` the element
//! uses, a site's CSV files through the CSV reader's binding and the reports through theirs.
#![cfg(target_arch = "wasm32")]

use peta_cerdas::asset::paths;
use peta_cerdas::atlas::Atlas;
use peta_cerdas::indicator::Layer;
use peta_cerdas::programme::{sources_file, Programme};
use peta_cerdas::web::MapHandle;
use peta_cerdas::web_csv::{pack_programme, read_indicator};
use peta_cerdas::web_reports::Reports;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const OVERVIEW: &[u8] = include_bytes!("../data/build/overview.bin");
const ATLAS: &[u8] = include_bytes!("../data/build/atlas.bin");
const MEMBERS: &str = include_str!("../data/programme/members.csv");
const PILLARS: &str = include_str!("../data/programme/pillars.csv");
const COHORTS: &str = include_str!("../data/programme/cohorts.csv");

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// The preview's paths of the coarsest level, joined by line breaks, and their bounds, as
/// `peta-cerdas preview` writes them from atlas.bin.
fn preview_paths() -> (String, [f64; 4]) {
    let atlas = Atlas::from_bytes(ATLAS).unwrap();
    let (bounds, _, paths) = paths::write_paths(&atlas.levels()[0].shapes).unwrap();
    (paths.join("\n"), bounds)
}

/// What the element starts a map from: overview.bin and the preview's paths.
fn load_overview(map: &mut MapHandle) {
    let (paths, bounds) = preview_paths();
    map.load_overview(OVERVIEW, &paths, &bounds).unwrap();
}

fn ready_map(canvas: &HtmlCanvasElement) -> MapHandle {
    let mut map = MapHandle::new(canvas.clone()).unwrap();
    load_overview(&mut map);
    load_csv(&mut map, MEMBERS, PILLARS, COHORTS).unwrap();
    map.set_size(600.0, 400.0, 2.0);
    map
}

/// A site's CSV programme as the element loads it: packed by the CSV reader's wasm, then into the map.
fn load_csv(map: &mut MapHandle, members: &str, pillars: &str, cohorts: &str) -> Result<(), wasm_bindgen::JsError> {
    let packed = pack_programme(members, pillars, cohorts)?;
    map.load_packed_programme(&packed.programme())?;
    map.load_programme_sources(&packed.sources())
}

/// Pixels of the canvas (device pixels) that differ from the sea colour of the light theme.
fn land_pixels(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    data.chunks(4).filter(|p| (p[0], p[1], p[2]) != (0xf7, 0xf9, 0xfb)).count()
}

#[wasm_bindgen_test]
fn draws_once_per_change_at_device_resolution() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    assert_eq!((canvas.width(), canvas.height()), (1200, 800));
    assert!(map.render(), "the first frame draws");
    assert!(!map.render(), "nothing changed, nothing drawn");
    let land = land_pixels(&canvas);
    assert!(land > 1200 * 800 / 10, "land covers the canvas: {land}");
    map.set_year(2017.0).unwrap();
    assert!(map.render(), "a new year redraws");
}

#[wasm_bindgen_test]
fn hit_tests_where_the_map_draws() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    let xy = map.to_screen(111.35, -7.65);
    let index = map.pointer_move(xy[0], xy[1]).expect("Magetan is under the pointer");
    let info = map.region_info(index);
    assert!(info.contains(r#""code":"35.20""#) && info.contains("Kabupaten Magetan"), "{info}");
    assert_eq!(map.click_at(xy[0], xy[1]), Some(index));
    assert!(map.hash().contains("region=35.20"));
    assert_eq!(map.click_at(1.0, 1.0), None, "the sea clears the selection");
    assert_eq!(map.selected(), None);
    assert_eq!(map.region_info(u32::MAX), "null");
    assert_eq!(map.region_at(110.5, -5.0), "null");
}

#[wasm_bindgen_test]
fn bad_input_throws_and_keeps_the_last_good_state() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    map.set_year(2021.0).unwrap();
    assert!(map.load_atlas(b"PCTA\x01\x00garbage").is_err());
    let (paths, bounds) = preview_paths();
    assert!(map.load_overview(&OVERVIEW[..OVERVIEW.len() / 2], &paths, &bounds).is_err());
    assert!(load_csv(&mut map, "nonsense", "", "").is_err());
    assert!(map.set_year(1999.0).is_err());
    assert!(map.set_year(f64::NAN).is_err());
    assert!(map.set_mode("<img src=x onerror=alert(1)>").is_err());
    assert!(map.move_focus("sideways").is_err());
    assert!(map.is_ready());
    assert!(map.ui().contains(r#""year":2021"#));
    let problems = map.apply_hash("#year=abc&region=<b>&view=1,2,3&mode=pillar");
    assert!(problems.contains("year") && problems.contains("region"), "{problems}");
    assert!(map.ui().contains(r#""mode":"pillar""#));
    assert!(map.to_svg().unwrap().starts_with("<svg"));
}

#[wasm_bindgen_test]
fn keyboard_moves_between_regions() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    assert!(map.select("35.20"));
    let first = map.move_focus("first").unwrap().expect("the walk starts at the selection");
    assert!(map.region_info(first).contains(r#""code":"35.20""#));
    let east = map.move_focus("right").unwrap().expect("Java goes on east of Magetan");
    assert_eq!(map.focused(), Some(east));
    let code =
        |info: String| info.split(r#""code":""#).nth(1).and_then(|rest| rest.split('"').next()).map(str::to_owned);
    let moved_to = code(map.region_info(east)).unwrap();
    // The regions under a grid of points east and west of Magetan (111.35 E).
    let codes_between = |west: f64, east: f64| -> Vec<String> {
        let mut codes = Vec::new();
        for i in 0..40 {
            for j in 0..20 {
                let lon = west + (east - west) * f64::from(i) / 39.0;
                let lat = -8.4 + 1.6 * f64::from(j) / 19.0;
                codes.extend(code(map.region_at(lon, lat)));
            }
        }
        codes
    };
    assert!(codes_between(111.45, 113.0).contains(&moved_to), "{moved_to} lies east of Magetan");
    assert!(!codes_between(109.5, 111.2).contains(&moved_to), "{moved_to} does not lie west of Magetan");
}

/// The message of the JS `Error` a binding call threw.
fn thrown(error: wasm_bindgen::JsError) -> String {
    let value = wasm_bindgen::JsValue::from(error);
    let error: js_sys::Error = value.dyn_into().expect("a JS Error");
    error.message().into()
}

/// A start `loadOverview` refuses: what it is, the overview, the paths, the bounds, and a fragment
/// of the message.
type RefusedStart<'a> = (&'a str, &'a [u8], &'a str, &'a [f64], &'a str);

/// Inputs from tests/corpus through the binding: each throws an `Error` that says what and
/// where, and the map keeps the atlas, the programme and everything the controls show.
#[wasm_bindgen_test]
fn corpus_inputs_throw_and_the_previous_map_stays() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    map.set_year(2021.0).unwrap();
    let before = map.ui();
    let assets: [(&str, &[u8], &str); 4] = [
        ("version 999", include_bytes!("corpus/asset/version-999.bin"), "asset format version 999 is not supported"),
        ("garbage body", include_bytes!("corpus/asset/garbage-body.bin"), "corrupt asset"),
        ("a GIF", include_bytes!("corpus/asset/gif.bin"), "bad magic bytes"),
        ("the atlas less its last byte", &ATLAS[..ATLAS.len() - 1], "corrupt asset"),
    ];
    for (name, bytes, fragment) in assets {
        let message = thrown(map.load_atlas(bytes).expect_err(name));
        assert!(message.contains(fragment), "{name}: {message}");
        assert!(map.is_ready(), "{name}");
        assert_eq!(map.ui(), before, "{name}");
    }
    let (paths, bounds) = preview_paths();
    let one_less = paths.rsplit_once('\n').unwrap().0;
    let overviews: [RefusedStart; 5] = [
        ("the overview less its last byte", &OVERVIEW[..OVERVIEW.len() - 1], &paths, &bounds, "corrupt asset"),
        ("atlas.bin as the overview", ATLAS, &paths, &bounds, "a whole atlas where an overview was expected"),
        ("a path short", OVERVIEW, one_less, &bounds, "513 paths for 514 regions"),
        ("a damaged path", OVERVIEW, "M1 2l3 4z", &bounds, "region 0, at byte 8: a ring of fewer than three points"),
        ("no bounds", OVERVIEW, &paths, &[], "the grid's bounds are not [west, south, east, north]"),
    ];
    for (name, overview, paths, bounds, fragment) in overviews {
        let message = thrown(map.load_overview(overview, paths, bounds).expect_err(name));
        assert!(message.contains(fragment), "{name}: {message}");
        assert!(map.is_ready(), "{name}");
        assert_eq!(map.ui(), before, "{name}");
    }
    let programmes = [
        (include_str!("corpus/programme/members/bom-crlf.csv"), PILLARS, COHORTS, "members.csv line 3: year \"NaN\""),
        (
            MEMBERS,
            include_str!("corpus/programme/pillars/unknown-pillar.csv"),
            COHORTS,
            "pillars.csv line 2: unknown pillar",
        ),
        (
            MEMBERS,
            PILLARS,
            include_str!("corpus/programme/cohorts/running-total.csv"),
            "cohorts.csv line 3: running_total 70",
        ),
    ];
    for (members, pillars, cohorts, fragment) in programmes {
        let message = thrown(load_csv(&mut map, members, pillars, cohorts).expect_err(fragment));
        assert!(message.contains(fragment), "{message}");
        assert!(map.is_ready());
        assert_eq!(map.ui(), before, "{fragment}");
    }
    // A hash is reported on, not thrown (docs/web-api.md): each bad field is named, in the map's
    // language (Indonesian here), and nothing changes.
    for (hash, fragment) in [
        (include_str!("corpus/hash/view-1e308.txt"), "view=\\\"1e308,-7,8\\\": bujur,lintang,zoom di luar jangkauan"),
        (include_str!("corpus/regressions/hash/zoom-written-as-zero.txt"), "bujur,lintang,zoom di luar jangkauan"),
        (include_str!("corpus/hash/markup-region.txt"), "harus kode Kemendagri"),
    ] {
        let problems = map.apply_hash(hash.trim_end());
        assert!(problems.contains(fragment), "{hash}: {problems}");
        assert_eq!(map.ui(), before, "{hash}");
    }
}

/// A zoom onto Java asks for Jawa Timur's level-1 file (the finer levels unknown before any file);
/// loading it draws the finer level there and asks for the view's level, and bad bytes throw with
/// the map as it was.
#[wasm_bindgen_test]
fn a_zoom_asks_for_its_provinces_detail_and_draws_it() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    assert!(map.detail_wanted().is_empty(), "the home view draws from the overview");
    map.apply_hash("#view=111.33,-7.65,8");
    let wanted = map.detail_wanted();
    assert!(wanted.iter().any(|name| name == "detail/1/35.bin"), "{wanted:?}");
    let coarse = map.level_of_detail();
    assert!(map.render());
    let message = thrown(map.load_detail(&OVERVIEW[..64]).expect_err("an overview is not a detail file"));
    assert!(message.contains("detail file"), "{message}");
    assert_eq!(map.detail_wanted(), wanted);
    assert!(!map.render(), "a refused file changes nothing to draw");
    map.load_detail(include_bytes!("../data/build/detail/1/35.bin")).unwrap();
    assert!(map.level_of_detail() > coarse, "the view draws a finer level");
    // The levels known, the files of the level the view draws, Jawa Timur's level 1 no more.
    let level = format!("detail/{}/", map.level_of_detail());
    let then = map.detail_wanted();
    assert!(then.iter().all(|name| name.starts_with(&level) && name != "detail/1/35.bin"), "{then:?}");
    assert!(map.render(), "the new borders are drawn");
    let xy = map.to_screen(111.35, -7.65);
    let index = map.pointer_move(xy[0], xy[1]).expect("Magetan is under the pointer");
    assert!(map.region_info(index).contains(r#""code":"35.20""#));
}

/// The packed programme's sources through the binding: the file names a panel, the open table and
/// a CSV export want, what `ui()` says meanwhile, and a damaged file refused.
#[wasm_bindgen_test]
fn a_panel_asks_for_its_regions_sources_and_the_table_for_every_holders() {
    let canvas = canvas();
    let mut map = MapHandle::new(canvas.clone()).unwrap();
    load_overview(&mut map);
    let programme = Programme::from_csv(MEMBERS, PILLARS, COHORTS).unwrap();
    map.load_packed_programme(&programme.to_bytes()).unwrap();
    let files: Vec<(String, Vec<u8>)> =
        programme.sources_files().into_iter().map(|(holder, bytes)| (sources_file(holder), bytes)).collect();
    let file = |name: &str| &files.iter().find(|(file, _)| file == name).expect("a file of that name").1;
    assert!(map.sources_wanted(false).is_empty(), "nothing selected shows no source");
    assert!(map.select("35.20"));
    assert_eq!(map.sources_wanted(false), ["sources/35.20.bin"]);
    assert!(map.ui().contains(r#""sources":false"#));
    map.load_programme_sources(file("sources/35.20.bin")).unwrap();
    assert!(map.sources_wanted(false).is_empty());
    assert!(map.ui().contains(r#""sources":true"#));
    let message = thrown(map.load_programme_sources(b"PCPS").expect_err("damaged"));
    assert!(message.contains("sources"), "{message}");

    assert_eq!(map.sources_wanted(true), ["sources/all.bin"], "a CSV export wants every holder's, in one file");
    map.set_table_open(true);
    assert_eq!(map.sources_wanted(false), ["sources/all.bin"], "so does the open table");
    assert!(map.ui().contains(r#""sources":false"#));
    map.load_programme_sources(&programme.all_sources()).unwrap();
    assert!(map.sources_wanted(true).is_empty() && map.ui().contains(r#""sources":true"#));
}

/// A developer's indicator file as the element loads it: read and matched by the CSV reader's wasm,
/// shown by the map's; a file without a key column and bytes that are not a layer of this map are
/// refused, keeping the indicator shown.
#[wasm_bindgen_test]
fn an_indicator_read_by_the_csv_reader_is_shown_by_the_map() {
    let canvas = canvas();
    let mut map = ready_map(&canvas);
    let read =
        read_indicator("kode;nama;Layanan digital\n35.20;;10\n;Kota Bukittinggi;20,5\n;Magetn Raya;3\n", OVERVIEW)
            .unwrap();
    let report = read.report();
    assert!(report.contains(r#""label":"Layanan digital""#) && report.contains(r#""matched":2"#), "{report}");
    map.load_indicator(&read.layer()).unwrap();
    assert!(map.ui().contains(r#""mode":"indicator""#));
    let message = thrown(read_indicator("foo,bar\n1,2\n", OVERVIEW).err().expect("no key column"));
    assert!(message.contains("no column of codes"), "{message}");
    let message = thrown(read_indicator("kode,nilai\n99.99,1\n", OVERVIEW).err().expect("no usable row"));
    assert!(message.contains("no row matched"), "{message}");
    let message = thrown(map.load_indicator(b"PCIL\x01\xff").expect_err("damaged"));
    assert!(message.contains("an indicator layer: "), "{message}");
    let layer = Layer::from_bytes(&read.layer()).unwrap();
    let longer = Layer { values: layer.values.iter().copied().chain([Some(1.0)]).collect(), ..layer };
    let message = thrown(map.load_indicator(&longer.to_bytes()).expect_err("another map's regions"));
    assert!(message.contains("515 values for the 514 regions"), "{message}");
    assert!(map.ui().contains("Layanan digital"), "the indicator stays");
}

/// The reports through their binding: made from the files the map has, they follow the map's
/// year, language and theme; the CSV's source column fills once every province's sources are in.
#[wasm_bindgen_test]
fn the_reports_follow_the_maps_year_language_and_theme() {
    let programme = Programme::from_csv(MEMBERS, PILLARS, COHORTS).unwrap();
    let mut reports = Reports::new(OVERVIEW, &programme.to_bytes()).unwrap();
    reports.follow(2017.0, "en", "light").unwrap();
    assert!(reports.stats().contains(r#""year":2017"#), "{}", reports.stats());
    let participation = reports.participation();
    assert!(participation.contains(r#""year":2017"#), "{participation}");
    assert!(reports.cohort_chart_svg().starts_with("<svg"));
    let table_2017 = reports.table();
    reports.follow(2024.0, "id", "dark").unwrap();
    assert!(reports.table().len() > table_2017.len(), "more members by 2024");
    assert!(reports.table_csv().starts_with("\u{feff}Kabupaten/kota"), "the headers in Bahasa Indonesia");
    assert!(!reports.table_csv().contains("https://"), "no source before the sources file");
    reports.load_programme_sources(&programme.all_sources()).unwrap();
    assert!(reports.table_csv().contains("https://"));
    let message = thrown(reports.follow(2021.5, "id", "dark").expect_err("not a whole year"));
    assert!(message.contains("whole"), "{message}");
    assert!(reports.follow(2024.0, "fr", "dark").is_err());
    assert!(reports.follow(2016.0, "id", "dark").is_err(), "before the first cohort");
    let message = thrown(Reports::new(&OVERVIEW[..20], &programme.to_bytes()).err().expect("a cut asset"));
    assert!(message.contains("boundary asset"), "{message}");
}
