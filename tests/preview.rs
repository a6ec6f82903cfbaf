//! The prerendered first paint (`render::preview`, `preview.json`): on the real overview it draws
//! every region where the interactive map does, in the colours, hatching, outlines and control
//! texts the interactive map shows for every cohort year, language and theme.

mod common;

use peta_cerdas::contract::{self, Preview};
use peta_cerdas::map::MapState;
use peta_cerdas::render::preview::preview;
use peta_cerdas::view::project;

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn loaded_map() -> MapState {
    let mut map = MapState::new();
    map.load_atlas(&common::build_file(&common::overview_path())).unwrap();
    map.load_programme(
        &read("data/programme/members.csv"),
        &read("data/programme/pillars.csv"),
        &read("data/programme/cohorts.csv"),
    )
    .unwrap();
    map
}

/// The absolute points of path data in the preview's form: `M x y l dx dy …z`, repeated.
fn points(d: &str) -> Vec<[f64; 2]> {
    let mut out = Vec::new();
    for ring in d.split('z').filter(|ring| !ring.is_empty()) {
        let (start, steps) = ring.strip_prefix('M').unwrap().split_once('l').unwrap();
        let start: Vec<f64> = start.split(' ').map(|n| n.parse().unwrap()).collect();
        let mut numbers = Vec::new();
        let mut current = String::new();
        for c in steps.chars() {
            if (c == ' ' || c == '-') && !current.is_empty() {
                numbers.push(current.parse::<f64>().unwrap());
                current.clear();
            }
            if c != ' ' {
                current.push(c);
            }
        }
        numbers.push(current.parse::<f64>().unwrap());
        assert_eq!(numbers.len() % 2, 0, "steps come in pairs: {ring}");
        let mut at = [start[0], start[1]];
        out.push(at);
        for step in numbers.chunks(2) {
            at = [at[0] + step[0], at[1] + step[1]];
            out.push(at);
        }
    }
    out
}

#[test]
fn every_region_is_drawn_where_the_overview_has_it() {
    let mut map = loaded_map();
    let preview: Preview = preview(&mut map).unwrap();
    let atlas = map.atlas().unwrap();
    assert_eq!(preview.paths.len(), atlas.regions().len());
    let bounds = atlas.bounds();
    let origin = project(bounds.min().x, bounds.max().y);
    let corner = project(bounds.max().x, bounds.min().y);
    let units = preview.width / (corner[0] - origin[0]);
    assert!((preview.height - (corner[1] - origin[1]) * units).abs() <= 0.5, "the grid keeps the country's shape");
    for (index, d) in preview.paths.iter().enumerate() {
        let name = &atlas.regions()[index].name;
        assert!(d.starts_with('M'), "{name} is drawn");
        let drawn = points(d);
        let shape = &atlas.levels()[0].shapes[index];
        let projected: Vec<[f64; 2]> = shape
            .0
            .iter()
            .flat_map(|polygon| polygon.exterior().0.iter())
            .map(|c| {
                let [x, y] = project(c.x, c.y);
                [(x - origin[0]) * units, (y - origin[1]) * units]
            })
            .collect();
        // The drawn outline spans what the overview's does, to the grid's rounding and tolerance.
        for axis in 0..2 {
            let min = |values: &mut dyn Iterator<Item = f64>| values.fold(f64::INFINITY, f64::min);
            let max = |values: &mut dyn Iterator<Item = f64>| values.fold(f64::NEG_INFINITY, f64::max);
            let (drawn_min, drawn_max) =
                (min(&mut drawn.iter().map(|p| p[axis])), max(&mut drawn.iter().map(|p| p[axis])));
            let (real_min, real_max) =
                (min(&mut projected.iter().map(|p| p[axis])), max(&mut projected.iter().map(|p| p[axis])));
            assert!(
                (drawn_min - real_min).abs() <= 1.5 && (drawn_max - real_max).abs() <= 1.5,
                "{name}: axis {axis} spans {drawn_min}..{drawn_max}, the overview {real_min:.1}..{real_max:.1}"
            );
        }
    }
}

#[test]
fn colours_and_controls_are_the_interactive_maps() {
    let mut map = loaded_map();
    map.set_year(2019).unwrap();
    let preview = preview(&mut map).unwrap();
    assert_eq!(map.colouring().year, 2019, "the map's own state is left as it was");
    let years: Vec<u16> = preview.years.iter().map(|y| y.year).collect();
    assert_eq!(years, map.programme().unwrap().cohort_years());
    for entry in &preview.years {
        map.set_year(entry.year).unwrap();
        assert_eq!(entry.classes.chars().count(), preview.paths.len());
        assert_eq!(entry.ui.len(), 4, "two languages times two themes");
        for lang in ["id", "en"] {
            for theme in &preview.themes {
                map.set_lang(lang).unwrap();
                map.set_theme(theme.theme).unwrap();
                let scene = map.scene().unwrap();
                for (index, (digit, region)) in entry.classes.chars().zip(&scene.styling.regions).enumerate() {
                    let class = digit.to_digit(36).unwrap() as usize;
                    assert_eq!(theme.fills[class], region.fill.to_string(), "{} region {index}", entry.year);
                    assert_eq!(entry.hatched.contains(&index), region.hatched, "{} region {index} hatched", entry.year);
                    assert_eq!(entry.doubtful.contains(&index), region.doubtful, "{} region {index}", entry.year);
                }
                let ui = entry.ui.iter().find(|ui| ui.lang == lang && ui.theme == theme.theme).unwrap();
                assert_eq!(
                    serde_json::to_string(ui).unwrap(),
                    serde_json::to_string(&contract::ui(&map).unwrap()).unwrap(),
                    "{} {lang} {}",
                    entry.year,
                    theme.theme
                );
            }
        }
    }
    // The years differ, or a preview of one year for all would pass.
    assert_ne!(preview.years[0].classes, preview.years.last().unwrap().classes);
    assert!(
        preview.years.iter().any(|y| !y.hatched.is_empty()) && preview.years.iter().any(|y| !y.doubtful.is_empty())
    );
}

#[test]
fn an_empty_map_has_no_preview() {
    assert!(preview(&mut MapState::new()).is_err());
}
