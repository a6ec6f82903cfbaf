//! The SVG renderer: golden SVG and PNG references of a made-up atlas (committable, unlike
//! anything derived from real boundaries), one test per view, and structural checks on the real
//! data.
//!
//! A view that differs from its reference leaves the rendered SVG and PNG and an image of the
//! differing pixels in target/golden-diff/. After an intended change of the look, regenerate the
//! references with `PETA_UPDATE_GOLDEN=1 cargo test --test render` and look at the PNGs.

mod common;

use peta_cerdas::atlas::Atlas;
use peta_cerdas::prepare::{self, CodeList};
use peta_cerdas::programme::{Pillar, Programme};
use peta_cerdas::render::svg;
use peta_cerdas::scene::{Scene, SceneInput};
use peta_cerdas::style::{Colouring, Lang, Mode, PillarFocus, Theme};
use peta_cerdas::view::Viewport;
use std::path::{Path, PathBuf};

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
    colouring: Colouring,
    theme: Theme,
    lang: Lang,
    selected: Option<&'static str>,
}

const COHORT_2021_ID_LIGHT: View = View {
    name: "cohort-2021-id-light",
    colouring: Colouring { mode: Mode::Cohort, pillar: PillarFocus::Count, year: 2021 },
    theme: Theme::Light,
    lang: Lang::Id,
    selected: None,
};

const PILLAR_COUNT_2024_EN_DARK: View = View {
    name: "pillar-count-2024-en-dark",
    colouring: Colouring { mode: Mode::Pillar, pillar: PillarFocus::Count, year: 2024 },
    theme: Theme::Dark,
    lang: Lang::En,
    selected: None,
};

const PILLAR_GOVERNANCE_2024_ID_LIGHT_SELECTED: View = View {
    name: "pillar-governance-2024-id-light-selected",
    colouring: Colouring { mode: Mode::Pillar, pillar: PillarFocus::One(Pillar::Governance), year: 2024 },
    theme: Theme::Light,
    lang: Lang::Id,
    selected: Some("33.74"),
};

const VIEWS: [View; 3] = [COHORT_2021_ID_LIGHT, PILLAR_COUNT_2024_EN_DARK, PILLAR_GOVERNANCE_2024_ID_LIGHT_SELECTED];

fn render(atlas: &Atlas, programme: &Programme, view: &View, width: f64, height: f64) -> (Scene, String) {
    let scene = Scene::build(SceneInput {
        atlas,
        programme,
        colouring: view.colouring,
        theme: view.theme,
        lang: view.lang,
        viewport: Viewport::fit(atlas.bounds(), width, height, 24.0),
        hidden: &[],
        selected: view.selected.map(|code| atlas.index_of(code.parse().unwrap()).unwrap()),
        hovered: None,
        indicator: None,
        as_of: None,
    });
    let text = svg::render(&scene, atlas, programme, view.colouring.year);
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

/// Where a view that differs from its reference leaves what it rendered.
fn diff_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap_or(Path::new("target")).join("golden-diff")
}

/// A channel may move this much (small anti-aliasing differences pass)...
const CHANNEL_TOLERANCE: u8 = 24;
/// ...and this share of the pixels may differ by more.
const PIXEL_SHARE_TOLERANCE: f64 = 0.002;

/// Whether each pixel differs from the reference by more than the channel tolerance.
fn differing_pixels(actual: &resvg::tiny_skia::Pixmap, expected: &resvg::tiny_skia::Pixmap) -> Vec<bool> {
    actual
        .data()
        .chunks(4)
        .zip(expected.data().chunks(4))
        .map(|(a, b)| a.iter().zip(b).any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE))
        .collect()
}

/// The reference faded to light grey, with the differing pixels in red.
fn diff_image(expected: &resvg::tiny_skia::Pixmap, differing: &[bool]) -> resvg::tiny_skia::Pixmap {
    let mut image = expected.clone();
    for (pixel, &differs) in image.data_mut().chunks_mut(4).zip(differing) {
        let grey = (pixel[0] as u16 + pixel[1] as u16 + pixel[2] as u16) / 3;
        let faded = (192 + grey / 4) as u8;
        pixel.copy_from_slice(&if differs { [255, 0, 0, 255] } else { [faded, faded, faded, 255] });
    }
    image
}

/// Where two texts part: the offset and a few characters of each from there.
fn first_difference(expected: &str, actual: &str) -> String {
    let at = expected
        .char_indices()
        .zip(actual.chars())
        .find(|((_, a), b)| a != b)
        .map_or_else(|| expected.len().min(actual.len()), |((at, _), _)| at);
    let excerpt = |text: &str| text[at..].chars().take(60).collect::<String>();
    format!("from byte {at}, expected {:?}, rendered {:?}", excerpt(expected), excerpt(actual))
}

/// Renders a view of the made-up atlas and compares it with tests/golden/<name>.svg (exactly)
/// and <name>.png (within the tolerances above); with `PETA_UPDATE_GOLDEN` set, rewrites both.
fn check_golden(view: &View) {
    let atlas = synthetic_atlas();
    let (_, text) = render(&atlas, &programme(), view, 480.0, 320.0);
    let pixmap = rasterise(&text);
    let (svg_path, png_path) = (golden(&format!("{}.svg", view.name)), golden(&format!("{}.png", view.name)));
    if updating() {
        std::fs::write(&svg_path, &text).unwrap_or_else(|e| panic!("{}: {e}", svg_path.display()));
        pixmap.save_png(&png_path).unwrap_or_else(|e| panic!("{}: {e}", png_path.display()));
        return;
    }

    let dir = diff_dir();
    let outputs = ["svg", "png", "diff.png"].map(|ending| dir.join(format!("{}.{ending}", view.name)));
    for stale in &outputs {
        let _ = std::fs::remove_file(stale);
    }

    let mut problems = Vec::new();
    match std::fs::read_to_string(&svg_path) {
        Ok(expected) if expected == text => {}
        Ok(expected) => problems.push(format!(
            "the SVG differs from {}: {}",
            svg_path.display(),
            first_difference(&expected, &text)
        )),
        Err(e) => problems.push(format!("{}: {e}", svg_path.display())),
    }
    let mut diff = None;
    match resvg::tiny_skia::Pixmap::load_png(&png_path) {
        Ok(expected) if (expected.width(), expected.height()) != (pixmap.width(), pixmap.height()) => {
            problems.push(format!(
                "the PNG is {}x{}, {} is {}x{}",
                pixmap.width(),
                pixmap.height(),
                png_path.display(),
                expected.width(),
                expected.height()
            ));
        }
        Ok(expected) => {
            let differing = differing_pixels(&pixmap, &expected);
            let share = differing.iter().filter(|&&d| d).count() as f64 / differing.len() as f64;
            if share >= PIXEL_SHARE_TOLERANCE {
                problems.push(format!("{:.2}% of the pixels differ from {}", share * 100.0, png_path.display()));
                diff = Some(diff_image(&expected, &differing));
            }
        }
        Err(e) => problems.push(format!("{}: {e}", png_path.display())),
    }
    if problems.is_empty() {
        return;
    }

    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    std::fs::write(&outputs[0], &text).unwrap_or_else(|e| panic!("{}: {e}", outputs[0].display()));
    pixmap.save_png(&outputs[1]).unwrap_or_else(|e| panic!("{}: {e}", outputs[1].display()));
    if let Some(diff) = &diff {
        diff.save_png(&outputs[2]).unwrap_or_else(|e| panic!("{}: {e}", outputs[2].display()));
    }
    let written: Vec<String> =
        outputs[..if diff.is_some() { 3 } else { 2 }].iter().map(|path| path.display().to_string()).collect();
    panic!(
        "{}: {}.\nRendered now (a diff image shows the differing pixels in red): {}.\n\
         If the change is intended, regenerate the references with \
         `PETA_UPDATE_GOLDEN=1 cargo test --test render` and look at the PNGs.",
        view.name,
        problems.join("; "),
        written.join(", ")
    );
}

macro_rules! golden_tests {
    ($($test:ident: $view:expr;)*) => {
        $(
            #[test]
            fn $test() {
                check_golden(&$view);
            }
        )*
    };
}

golden_tests! {
    golden_cohort_2021_id_light: COHORT_2021_ID_LIGHT;
    golden_pillar_count_2024_en_dark: PILLAR_COUNT_2024_EN_DARK;
    golden_pillar_governance_2024_id_light_selected: PILLAR_GOVERNANCE_2024_ID_LIGHT_SELECTED;
}

#[test]
fn the_golden_views_show_what_they_claim() {
    let atlas = synthetic_atlas();
    let programme = programme();
    let (scene, text) = render(&atlas, &programme, &COHORT_2021_ID_LIGHT, 480.0, 320.0);
    // Semarang joined in 2017 and again in 2021: first-year colour, hatched.
    let semarang = atlas.index_of("33.74".parse().unwrap()).unwrap();
    assert!(scene.styling.regions[semarang].hatched);
    assert!(text.contains(r##"<path data-code="33.74" fill="#0072b2""##), "2017 is the first cohort colour");
    assert!(text.contains("<title>Kota Semarang, Jawa Tengah: bergabung 2017, 2021</title>"));
    assert!(text.contains(r##"<path data-code="94.01" fill="#cdd2d8""##), "a non-member is neutral");
    assert!(text.contains("made-up squares"));
    let (_, text) = render(&atlas, &programme, &PILLAR_GOVERNANCE_2024_ID_LIGHT_SELECTED, 480.0, 320.0);
    assert!(text.contains("Pilar Tata kelola"));
    assert_eq!(text.matches(r#"stroke-width="2.5""#).count(), 1, "one selection outline");
}

#[test]
fn real_map_has_every_region_with_a_name_and_a_consistent_legend() {
    let atlas = common::atlas();
    let programme = programme();
    for view in &VIEWS {
        let (scene, text) = render(atlas, &programme, view, 1200.0, 800.0);
        assert_eq!(text.matches("<path data-code=").count(), 514, "{}", view.name);
        assert_eq!(text.matches("<title>").count(), 514, "{}: a name per region", view.name);
        let counted: usize = scene.styling.legend.entries.iter().filter(|e| e.class.is_some()).map(|e| e.count).sum();
        assert_eq!(counted, 514, "{}: legend counts add up to every region", view.name);
        assert!(text.contains("BPS") || text.contains("Kepmendagri"), "attribution");
        assert!(rasterise(&text).width() == 1200);
        assert_legend_fits(view.name, &scene, &text);
    }
    let (scene, text) = render(atlas, &programme, &COHORT_2021_ID_LIGHT, 1200.0, 800.0);
    assert!(text.contains("<title>Kabupaten Magetan, Jawa Timur:"));
    assert!(text.contains("Anggota per 2021: 123 dari 141 terkonfirmasi, +16 diragukan · 514 kabupaten/kota"));
    // Members whose first listing is inferred or contradicted are outlined dashed, and the legend says how many.
    let doubtful: Vec<&str> = atlas
        .regions()
        .iter()
        .filter(|region| programme.standing(region.code, 2021).doubtful)
        .map(|region| region.name.as_str())
        .collect();
    assert!(doubtful.contains(&"Kota Depok"), "Depok's 2018 selection was cancelled: {doubtful:?}");
    assert_eq!(scene.styling.regions.iter().filter(|region| region.doubtful).count(), doubtful.len());
    let entry =
        scene.styling.legend.entries.iter().find(|entry| entry.dashed).expect("a legend entry for the dashed outline");
    assert_eq!((entry.count, entry.label.as_str()), (doubtful.len(), "Tahun pertama diragukan (garis putus)"));
    let outlines = text.split(r#"stroke-dasharray="3 2" aria-hidden="true">"#).nth(1).expect("a dashed outline group");
    assert_eq!(outlines.split("</g>").next().unwrap().matches("<path ").count(), doubtful.len());
}

/// DejaVu Sans, one of the widest faces the SVG's font list can fall back to, advances 0.44 to
/// 0.57 em a character on the legend's labels with their counts (measured in Chromium at 12 px).
const DEJAVU_EM_PER_CHAR: f64 = 0.57;

/// Every line of the legend's labels fits its box, and each count follows its label in the same text.
fn assert_legend_fits(name: &str, scene: &Scene, text: &str) {
    let legend = text.split(r#"<g id="pc-legend""#).nth(1).expect("a legend").split("</g>").next().unwrap();
    let width: f64 = legend.split(r#"<rect width=""#).nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    let labels: Vec<&str> =
        legend.split(r#"<text x="32""#).skip(1).map(|label| label.split("</text>").next().unwrap()).collect();
    assert_eq!(labels.len(), scene.styling.legend.entries.len(), "{name}: a text per entry");
    for (entry, label) in scene.styling.legend.entries.iter().zip(&labels) {
        let count = format!(">({})", entry.count);
        assert!(label.trim_end_matches("</tspan>").ends_with(&count), "{name}: {label} ends with its count");
        let lines: Vec<String> = label
            .split(r#"<tspan x="32""#)
            .map(|line| {
                // The text of a line, its tags left out: each piece starts inside the tag it was cut from.
                let mut text = String::new();
                let mut in_tag = true;
                for c in line.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => text.push(c),
                        _ => {}
                    }
                }
                text
            })
            .collect();
        let words = lines.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
        let expected = svg::escape(&format!("{} ({})", entry.label, entry.count));
        assert!(words.ends_with(&expected), "{name}: {words:?} reads {expected:?}");
        for line in &lines {
            let needed = 32.0 + line.trim().chars().count() as f64 * 12.0 * DEJAVU_EM_PER_CHAR + 10.0;
            assert!(width >= needed, "{name}: the box ({width} px) holds the line {line:?} ({needed:.0} px)");
        }
    }
}
