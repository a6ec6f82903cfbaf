//! The prerendered first paint (`render::preview`, `preview.json`): on the real atlas its paths are
//! the coarsest level the interactive map reads back, in the colours, hatching, outlines and
//! control texts the interactive map shows for every cohort year, language and theme.

mod common;

use geo::{BoundingRect, MultiPolygon};
use peta_cerdas::asset::paths::{read_paths, Grid};
use peta_cerdas::contract::{self, Preview};
use peta_cerdas::map::MapState;
use peta_cerdas::render::preview::preview;
use peta_cerdas::view::project;

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn loaded_map() -> MapState {
    let mut map = MapState::new();
    map.load_atlas(&common::build_file(&common::asset_path())).unwrap();
    map.load_programme(
        &read("data/programme/members.csv"),
        &read("data/programme/pillars.csv"),
        &read("data/programme/cohorts.csv"),
    )
    .unwrap();
    map
}

/// A shape's bounding box on the preview's grid.
fn grid_box(shape: &MultiPolygon<f64>, origin: [f64; 2], units: f64) -> [f64; 4] {
    let box_ = shape.bounding_rect().unwrap();
    let [x0, y0] = project(box_.min().x, box_.max().y);
    let [x1, y1] = project(box_.max().x, box_.min().y);
    [(x0 - origin[0]) * units, (y0 - origin[1]) * units, (x1 - origin[0]) * units, (y1 - origin[1]) * units]
}

/// The preview's paths are the coarsest level on the grid: read back as the interactive map reads
/// them, every region keeps its polygons and holes, and its extent to half a grid unit.
#[test]
fn the_paths_read_back_as_the_coarsest_level() {
    let mut map = loaded_map();
    let preview: Preview = preview(&mut map).unwrap();
    let atlas = map.atlas().unwrap();
    let coarsest = &atlas.levels()[0].shapes;
    assert_eq!(preview.paths.len(), atlas.regions().len());
    let grid = Grid::new(&preview.bounds).unwrap();
    assert_eq!(preview.height, grid.height());
    let read = read_paths(&preview.paths.join("\n"), &grid).unwrap();
    let [west, south, east, north] = preview.bounds;
    let origin = project(west, north);
    let units = preview.width / (project(east, south)[0] - origin[0]);
    let rings = |shape: &MultiPolygon<f64>| shape.0.iter().map(|p| 1 + p.interiors().len()).collect::<Vec<_>>();
    for (index, (drawn, real)) in read.iter().zip(coarsest).enumerate() {
        let name = &atlas.regions()[index].name;
        assert_eq!(rings(drawn), rings(real), "{name}: polygons and their holes");
        let (drawn, real) = (grid_box(drawn, origin, units), grid_box(real, origin, units));
        for side in 0..4 {
            assert!((drawn[side] - real[side]).abs() <= 0.5 + 1e-9, "{name}: {drawn:?} against {real:?}");
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
