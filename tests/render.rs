//! The SVG renderer: golden SVG and PNG references of a made-up atlas (committable, unlike
//! anything derived from real boundaries), and structural checks on the real data.
//!
//! Regenerate the references after an intended change of the look:
//! `PETA_UPDATE_GOLDEN=1 cargo test --test render` (or `make golden`), then look at the PNGs.

mod common;

use peta_cerdas::atlas::Atlas;
use peta_cerdas::prepare::{self, CodeList};
use peta_cerdas::programme::{Pillar, Programme};
use peta_cerdas::render::svg;
use peta_cerdas::scene::{Scene, SceneInput};
use peta_cerdas::style::{Focus, Lang, Mode, PillarFocus, Theme};
use peta_cerdas::view::Viewport;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn programme() -> Programme {
    Programme::from_csv(
        &read("data/programme/members.csv"),
        &read("data/programme/pillars.csv"),
        &read("data/programme/cohorts.csv"),
    )
    .unwrap()
}

fn synthetic_atlas() -> Atlas {
    let codes = CodeList::from_csv(
        &read("tests/fixtures/synthetic/regencies.csv"),
        &read("tests/fixtures/synthetic/provinces.csv"),
    )
    .unwrap();
    let (asset, _) =
        prepare::prepare(&read("tests/fixtures/synthetic/regions.geojson"), &codes, "Batas wilayah: made-up squares")
            .unwrap();
    Atlas::from_bytes(&asset.to_bytes()).unwrap()
}

struct View {
    name: &'static str,
    focus: Focus,
    theme: Theme,
    lang: Lang,
    selected: Option<&'static str>,
}

fn views() -> Vec<View> {
    vec![
        View {
            name: "cohort-2021-id-light",
            focus: Focus { mode: Mode::Cohort, pillar: PillarFocus::Count, year: 2021 },
            theme: Theme::Light,
            lang: Lang::Id,
            selected: None,
        },
        View {
            name: "pillar-count-2024-en-dark",
            focus: Focus { mode: Mode::Pillar, pillar: PillarFocus::Count, year: 2024 },
            theme: Theme::Dark,
            lang: Lang::En,
            selected: None,
        },
        View {
            name: "pillar-governance-2024-id-light-selected",
            focus: Focus { mode: Mode::Pillar, pillar: PillarFocus::One(Pillar::Governance), year: 2024 },
            theme: Theme::Light,
            lang: Lang::Id,
            selected: Some("33.74"),
        },
    ]
}

fn render(atlas: &Atlas, programme: &Programme, view: &View, width: f64, height: f64) -> (Scene, String) {
    let scene = Scene::build(SceneInput {
        atlas,
        programme,
        focus: view.focus,
        theme: view.theme,
        lang: view.lang,
        viewport: Viewport::fit(atlas.bounds(), width, height, 24.0),
        hidden: &BTreeSet::new(),
        selected: view.selected.map(|code| atlas.index_of(code.parse().unwrap()).unwrap()),
        hovered: None,
        indicator: None,
    });
    let text = svg::render(&scene, atlas, programme, view.focus.year);
    (scene, text)
}

fn golden(name: &str) -> PathBuf {
    common::root().join("tests/golden").join(name)
}

fn updating() -> bool {
    std::env::var_os("PETA_UPDATE_GOLDEN").is_some()
}

fn rasterise(svg_text: &str) -> resvg::tiny_skia::Pixmap {
    let tree = resvg::usvg::Tree::from_str(svg_text, &resvg::usvg::Options::default()).expect("valid SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap
}

#[test]
fn svg_matches_golden_references() {
    let atlas = synthetic_atlas();
    let programme = programme();
    for view in views() {
        let (_, text) = render(&atlas, &programme, &view, 480.0, 320.0);
        let path = golden(&format!("{}.svg", view.name));
        if updating() {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            text == expected,
            "{} differs from its golden reference; if the change is intended, run `make golden` and look at the PNGs",
            view.name
        );
    }
}

#[test]
fn rasterised_svg_matches_golden_png_within_tolerance() {
    let atlas = synthetic_atlas();
    let programme = programme();
    for view in views() {
        let (_, text) = render(&atlas, &programme, &view, 480.0, 320.0);
        let pixmap = rasterise(&text);
        let path = golden(&format!("{}.png", view.name));
        if updating() {
            pixmap.save_png(&path).unwrap();
            continue;
        }
        let expected = resvg::tiny_skia::Pixmap::load_png(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!((pixmap.width(), pixmap.height()), (expected.width(), expected.height()));
        let differing = pixmap
            .data()
            .chunks(4)
            .zip(expected.data().chunks(4))
            .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
            .count();
        let share = differing as f64 / (pixmap.width() * pixmap.height()) as f64;
        assert!(share < 0.002, "{}: {:.2}% of pixels differ", view.name, share * 100.0);
    }
}

#[test]
fn the_golden_views_show_what_they_claim() {
    let atlas = synthetic_atlas();
    let programme = programme();
    let views = views();
    let (scene, text) = render(&atlas, &programme, &views[0], 480.0, 320.0);
    // Semarang joined in 2017 and again in 2021: first-year colour, hatched.
    let semarang = atlas.index_of("33.74".parse().unwrap()).unwrap();
    assert!(scene.regions[semarang].hatched);
    assert!(text.contains(r##"<path data-code="33.74" fill="#440154""##), "2017 is the first ramp colour");
    assert!(text.contains("<title>Kota Semarang, Jawa Tengah: bergabung 2017, 2021</title>"));
    assert!(text.contains(r##"<path data-code="94.01" fill="#cdd2d8""##), "a non-member is neutral");
    assert!(text.contains("made-up squares"));
    let (_, text) = render(&atlas, &programme, &views[2], 480.0, 320.0);
    assert!(text.contains("Pilar Tata kelola"));
    assert_eq!(text.matches(r#"stroke-width="2.5""#).count(), 1, "one selection outline");
}

#[test]
fn real_map_has_every_region_with_a_name_and_a_consistent_legend() {
    let atlas = common::atlas();
    let programme = programme();
    for view in views() {
        let (scene, text) = render(atlas, &programme, &view, 1200.0, 800.0);
        assert_eq!(text.matches("<path data-code=").count(), 514, "{}", view.name);
        assert_eq!(text.matches("<title>").count(), 514, "{}: a name per region", view.name);
        let counted: usize = scene.legend.entries.iter().filter(|e| e.class.is_some()).map(|e| e.count).sum();
        assert_eq!(counted, 514, "{}: legend counts add up to every region", view.name);
        assert!(text.contains("BPS") || text.contains("Kepmendagri"), "attribution");
        assert!(rasterise(&text).width() == 1200);
    }
    let (_, text) = render(atlas, &programme, &views()[0], 1200.0, 800.0);
    assert!(text.contains("<title>Kabupaten Magetan, Jawa Timur:"));
    assert!(text.contains("Anggota per 2021: 138 dari 514 kabupaten/kota teridentifikasi (resmi 141)"));
}
