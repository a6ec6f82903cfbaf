use super::*;
use ::palette::color_difference::{Ciede2000, Wcag21RelativeContrast};
use ::palette::{FromColor, Lab, LinSrgb, Srgb};

use crate::programme::packaged as programme;

/// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0),
/// applied in linear RGB.
#[derive(Clone, Copy, Debug)]
enum Vision {
    Normal,
    Deuteranopia,
    Protanopia,
}

impl Vision {
    fn matrix(self) -> [[f32; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => {
                [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
            }
            Vision::Deuteranopia => {
                [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
            }
        }
    }

    fn see(self, colour: Rgb) -> Lab {
        let [r, g, b] = colour.0;
        let linear: LinSrgb = Srgb::new(r, g, b).into_format::<f32>().into_linear();
        let m = self.matrix();
        let v = [linear.red, linear.green, linear.blue];
        let apply = |row: [f32; 3]| (row[0] * v[0] + row[1] * v[1] + row[2] * v[2]).clamp(0.0, 1.0);
        Lab::from_color(LinSrgb::new(apply(m[0]), apply(m[1]), apply(m[2])))
    }
}

fn contrast(a: Rgb, b: Rgb) -> f32 {
    let [ar, ag, ab] = a.0;
    let [br, bg, bb] = b.0;
    Srgb::new(ar, ag, ab).into_format::<f32>().relative_contrast(Srgb::new(br, bg, bb).into_format::<f32>())
}

/// Every pair of colours a legend can show together must stay apart for every viewer.
const MIN_DELTA_E: f32 = 8.0;

fn every_focus(programme: &Programme) -> Vec<Colouring> {
    let year = programme.latest_year();
    let mut focuses = vec![
        Colouring { mode: Mode::Cohort, pillar: PillarFocus::Count, year },
        Colouring { mode: Mode::Pillar, pillar: PillarFocus::Count, year },
    ];
    focuses.extend(Pillar::ALL.map(|pillar| Colouring { mode: Mode::Pillar, pillar: PillarFocus::One(pillar), year }));
    focuses
}

#[test]
fn legend_colours_stay_distinct_under_colour_blindness() {
    let programme = programme();
    for theme in [Theme::Light, Theme::Dark] {
        for colouring in every_focus(&programme) {
            let fills: Vec<(Class, Rgb)> = legend_classes(&programme, colouring)
                .into_iter()
                .map(|class| (class, fill(theme, &programme, class)))
                .collect();
            for vision in [Vision::Normal, Vision::Deuteranopia, Vision::Protanopia] {
                for (i, &(class_a, a)) in fills.iter().enumerate() {
                    // Each class also against the sea it borders.
                    let sea = vision.see(theme.colours().background).difference(vision.see(a));
                    assert!(sea >= MIN_DELTA_E, "{theme:?} {vision:?}: {class_a:?} {a} vs sea: ΔE {sea:.1}");
                    for &(class_b, b) in &fills[i + 1..] {
                        let delta = vision.see(a).difference(vision.see(b));
                        assert!(
                            delta >= MIN_DELTA_E,
                            "{theme:?} {vision:?} {:?}: {class_a:?} {a} vs {class_b:?} {b}: ΔE {delta:.1}",
                            colouring.mode
                        );
                    }
                }
            }
        }
    }
}

/// How far, in WCAG contrast, a pillar or indicator class stays from the neutral of non-members:
/// apart by lightness too, so that a faint class does not vanish into them on a dim screen, in sunlight,
/// in greyscale or for a reader who tells hues apart poorly.
const MIN_CONTRAST_TO_NEUTRAL: f32 = 1.5;

#[test]
fn every_class_stands_apart_from_non_members_by_lightness() {
    let programme = programme();
    for theme in [Theme::Light, Theme::Dark] {
        let neutral = theme.colours().neutral;
        for colouring in every_focus(&programme) {
            // The cohorts' hues are categorical and saturated: apart by the test above.
            for class in legend_classes(&programme, colouring) {
                let fill = fill(theme, &programme, class);
                if matches!(class, Class::Joined(_) | Class::NotMember) {
                    continue;
                }
                let ratio = contrast(fill, neutral);
                assert!(
                    ratio >= MIN_CONTRAST_TO_NEUTRAL,
                    "{theme:?}: {class:?} {fill} vs neutral {neutral}: {ratio:.2}"
                );
            }
        }
        for of in 2..=7u8 {
            for index in 0..of {
                let fill = fill(theme, &programme, Class::Bin { index, of });
                let ratio = contrast(fill, neutral);
                assert!(ratio >= MIN_CONTRAST_TO_NEUTRAL, "{theme:?}: bin {index} of {of} {fill}: {ratio:.2}");
            }
        }
    }
}

#[test]
fn text_is_readable_in_both_themes() {
    for theme in [Theme::Light, Theme::Dark] {
        let colours = theme.colours();
        for text in [colours.text, colours.muted_text] {
            let ratio = contrast(text, colours.background);
            assert!(ratio >= 4.5, "{theme:?}: text {text} on {}: {ratio:.2}", colours.background);
        }
        // The hover outline must show against every fill (non-text contrast, 3:1).
        let programme = programme();
        for colouring in every_focus(&programme) {
            for class in legend_classes(&programme, colouring) {
                let fill = fill(theme, &programme, class);
                let highlight = contrast(colours.highlight, fill).max(contrast(colours.background, fill));
                assert!(highlight >= 3.0, "{theme:?}: {class:?} {fill}: {highlight:.2}");
            }
        }
    }
}

#[test]
fn parses_choices_and_rejects_others() {
    assert_eq!("pillar".parse::<Mode>(), Ok(Mode::Pillar));
    assert_eq!("economy".parse::<PillarFocus>(), Ok(PillarFocus::One(Pillar::Economy)));
    assert_eq!("count".parse::<PillarFocus>(), Ok(PillarFocus::Count));
    assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
    assert_eq!("auto".parse::<ThemeChoice>(), Ok(ThemeChoice::Auto));
    let error = "smart".parse::<PillarFocus>().unwrap_err();
    assert!(error.to_string().contains("governance"), "{error}");
    assert!("<b>".parse::<Mode>().is_err());
}

#[test]
fn hex_is_lower_case_rrggbb() {
    assert_eq!(Rgb([255, 8, 170]).to_string(), "#ff08aa");
}

#[test]
fn strings_exist_in_both_languages() {
    let programme = programme();
    for colouring in every_focus(&programme) {
        for class in legend_classes(&programme, colouring) {
            let id = i18n::class_label(Lang::Id, class, colouring.pillar);
            let en = i18n::class_label(Lang::En, class, colouring.pillar);
            assert!(!id.is_empty() && !en.is_empty());
            if !matches!(class, Class::Joined(_)) {
                assert_ne!(id, en, "{class:?} is not translated");
            }
        }
        assert_ne!(i18n::legend_title(Lang::Id, colouring), i18n::legend_title(Lang::En, colouring));
    }
}

#[test]
fn numbers_are_written_as_each_language_writes_them() {
    assert_eq!(i18n::number(Lang::Id, 1234567.5), "1.234.567,5");
    assert_eq!(i18n::number(Lang::En, 1234567.5), "1,234,567.5");
    assert_eq!(i18n::number(Lang::Id, -0.125), "-0,13");
    assert_eq!(i18n::number(Lang::En, 42.0), "42");
    assert_eq!(i18n::number(Lang::En, 999.999), "1,000");
    assert_eq!(i18n::value_range(Lang::Id, 1.5, 20.0), "1,5 – 20");
    assert_eq!(i18n::value_range(Lang::En, 3.0, 3.0), "3");
}

/// Neighbouring cohorts sit side by side in the legend and often on the map: they must differ at
/// a glance (ΔE 25 and more) for normal vision, and clearly (12 and more) under deuteranopia and
/// protanopia, whose every-pair floor is [`MIN_DELTA_E`].
#[test]
fn neighbouring_cohorts_differ_at_a_glance() {
    let programme = programme();
    let years = programme.cohort_years();
    for theme in [Theme::Light, Theme::Dark] {
        for (vision, floor) in [(Vision::Normal, 25.0), (Vision::Deuteranopia, 12.0), (Vision::Protanopia, 12.0)] {
            for pair in years.windows(2) {
                let a = fill(theme, &programme, Class::Joined(pair[0]));
                let b = fill(theme, &programme, Class::Joined(pair[1]));
                let delta = vision.see(a).difference(vision.see(b));
                assert!(delta >= floor, "{theme:?} {vision:?}: {} {a} vs {} {b}: ΔE {delta:.1}", pair[0], pair[1]);
            }
        }
    }
}
