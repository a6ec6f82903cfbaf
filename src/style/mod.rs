//! How the map looks: which class each region falls in for the chosen mode and year, the
//! colour of each class in each theme, the legend with its counts, and every string in
//! Bahasa Indonesia and English.

pub mod i18n;
mod palette;

pub use i18n::Lang;
pub use palette::{Rgb, Theme, ThemeChoice, ThemeColours};

use crate::atlas::Atlas;
use crate::indicator::Layer;
use crate::programme::{Pillar, Programme};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// What the fill colour means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The year a region first joined.
    #[default]
    Cohort,
    /// The smart-city pillars its sources credit it with.
    Pillar,
    /// A developer's own indicator, in quantile classes.
    Indicator,
}

impl Mode {
    pub fn key(self) -> &'static str {
        match self {
            Mode::Cohort => "cohort",
            Mode::Pillar => "pillar",
            Mode::Indicator => "indicator",
        }
    }
}

impl FromStr for Mode {
    type Err = BadChoice;
    fn from_str(text: &str) -> Result<Mode, BadChoice> {
        match text {
            "cohort" => Ok(Mode::Cohort),
            "pillar" => Ok(Mode::Pillar),
            "indicator" => Ok(Mode::Indicator),
            _ => Err(BadChoice::new("mode", text, "cohort, pillar, indicator")),
        }
    }
}

/// In pillar mode: one pillar, or how many pillars the sources cite.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PillarFocus {
    #[default]
    Count,
    One(Pillar),
}

impl PillarFocus {
    pub fn key(self) -> &'static str {
        match self {
            PillarFocus::Count => "count",
            PillarFocus::One(pillar) => pillar.key(),
        }
    }
}

impl FromStr for PillarFocus {
    type Err = BadChoice;
    fn from_str(text: &str) -> Result<PillarFocus, BadChoice> {
        match text {
            "count" | "all" | "" => Ok(PillarFocus::Count),
            _ => text.parse().map(PillarFocus::One).map_err(|_| {
                BadChoice::new("pillar", text, "count, governance, branding, economy, living, society, environment")
            }),
        }
    }
}

/// A value outside the allowed set, with the set, for an error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadChoice {
    pub what: &'static str,
    pub value: String,
    pub valid: &'static str,
}

impl BadChoice {
    fn new(what: &'static str, value: &str, valid: &'static str) -> BadChoice {
        BadChoice { what, value: value.chars().take(40).collect(), valid }
    }
}

impl fmt::Display for BadChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?} (expected one of: {})", self.what, self.value, self.valid)
    }
}

impl std::error::Error for BadChoice {}

/// The class a region falls in; each class has one colour and one legend entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Joined first in this cohort year (cohort mode).
    Joined(u16),
    /// Cited with this many pillars, 1 to 6 (pillar count mode).
    PillarCount(u8),
    /// Cited with the chosen pillar (one-pillar mode).
    Cites,
    /// Cited with pillars, but not the chosen one (one-pillar mode).
    OtherPillars,
    /// A member no source credits with any pillar: unknown, not zero (pillar modes).
    UnknownPillars,
    /// Not a member as of the selected year.
    NotMember,
    /// The `index`th of `of` quantile classes of an indicator (indicator mode).
    Bin { index: u8, of: u8 },
    /// No value in the indicator file (indicator mode).
    NoValue,
}

impl Class {
    /// A stable key for the class, used by legend toggles in the page.
    pub fn key(self) -> String {
        match self {
            Class::Joined(year) => format!("joined-{year}"),
            Class::PillarCount(count) => format!("pillars-{count}"),
            Class::Cites => "cites".to_owned(),
            Class::OtherPillars => "other-pillars".to_owned(),
            Class::UnknownPillars => "unknown-pillars".to_owned(),
            Class::NotMember => "not-member".to_owned(),
            Class::Bin { index, .. } => format!("bin-{index}"),
            Class::NoValue => "no-value".to_owned(),
        }
    }
}

/// Everything that decides the colours: mode, focus and the year on the slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    pub mode: Mode,
    pub pillar: PillarFocus,
    pub year: u16,
}

/// The class of every region of the atlas, in atlas order.
pub fn classify(atlas: &Atlas, programme: &Programme, focus: Focus) -> Vec<Class> {
    atlas
        .regions()
        .iter()
        .map(|region| {
            let joined = programme.first_year(region.code).filter(|&year| year <= focus.year);
            let Some(first) = joined else {
                return Class::NotMember;
            };
            match focus.mode {
                // Indicator classes come from `classify_indicator`; membership still reads as cohorts.
                Mode::Cohort | Mode::Indicator => Class::Joined(first),
                Mode::Pillar => {
                    let pillars = programme.pillars_of(region.code);
                    match focus.pillar {
                        _ if pillars.is_empty() => Class::UnknownPillars,
                        PillarFocus::Count => Class::PillarCount(pillars.len() as u8),
                        PillarFocus::One(pillar) if pillars.contains(&pillar) => Class::Cites,
                        PillarFocus::One(_) => Class::OtherPillars,
                    }
                }
            }
        })
        .collect()
}

/// The class of every region for an indicator layer, in atlas order.
pub fn classify_indicator(layer: &Layer) -> Vec<Class> {
    let of = layer.bins.len() as u8;
    layer
        .values
        .iter()
        .map(|value| match value {
            Some(value) => Class::Bin { index: layer.bins.class_of(*value) as u8, of },
            None => Class::NoValue,
        })
        .collect()
}

/// Members listed in two or more cohorts up to the year: hatched in cohort mode.
pub fn repeats(atlas: &Atlas, programme: &Programme, year: u16) -> Vec<bool> {
    atlas.regions().iter().map(|region| programme.is_repeat(region.code, year)).collect()
}

/// The classes a focus can produce, in legend order.
pub fn legend_classes(programme: &Programme, focus: Focus) -> Vec<Class> {
    let mut classes: Vec<Class> = match (focus.mode, focus.pillar) {
        (Mode::Cohort | Mode::Indicator, _) => {
            programme.cohort_years().into_iter().filter(|&year| year <= focus.year).map(Class::Joined).collect()
        }
        (Mode::Pillar, PillarFocus::Count) => (1..=6).map(Class::PillarCount).chain([Class::UnknownPillars]).collect(),
        (Mode::Pillar, PillarFocus::One(_)) => vec![Class::Cites, Class::OtherPillars, Class::UnknownPillars],
    };
    classes.push(Class::NotMember);
    classes
}

/// The fill of a class: cohort years and pillar counts on one ordered, colour-blind safe ramp.
pub fn fill(theme: Theme, programme: &Programme, class: Class) -> Rgb {
    let colours = theme.colours();
    match class {
        Class::Joined(year) => {
            let years = programme.cohort_years();
            let position = years.iter().position(|&y| y == year).unwrap_or(0);
            palette::ramp(theme, position, years.len())
        }
        // More pillars cited, more salient.
        Class::PillarCount(count) => palette::ramp(theme, 6 - usize::from(count.clamp(1, 6)), 6),
        Class::Cites => palette::ramp(theme, 0, 6),
        Class::OtherPillars => palette::ramp(theme, 4, 6),
        Class::UnknownPillars => colours.unknown,
        Class::NotMember | Class::NoValue => colours.neutral,
        // Higher values, more salient.
        Class::Bin { index, of } => {
            palette::ramp(theme, usize::from(of.saturating_sub(1).saturating_sub(index)), usize::from(of))
        }
    }
}

/// One line of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The class the entry switches on and off; `None` for the repeat hatching, an overlay.
    pub class: Option<Class>,
    pub label: String,
    pub count: usize,
    pub fill: Rgb,
    /// Drawn with the repeat hatching rather than a flat fill.
    pub hatched: bool,
    /// Switched off by the viewer: drawn in the neutral tone.
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub title: String,
    pub entries: Vec<LegendEntry>,
}

/// The legend for a focus, with how many regions fall in each class.
pub fn legend(
    programme: &Programme,
    focus: Focus,
    classes: &[Class],
    repeats: &[bool],
    hidden: &BTreeSet<Class>,
    theme: Theme,
    lang: Lang,
) -> Legend {
    let mut entries: Vec<LegendEntry> = legend_classes(programme, focus)
        .into_iter()
        .map(|class| LegendEntry {
            class: Some(class),
            label: i18n::class_label(lang, class, focus.pillar),
            count: classes.iter().filter(|&&c| c == class).count(),
            fill: fill(theme, programme, class),
            hatched: false,
            hidden: hidden.contains(&class),
        })
        .collect();
    if focus.mode == Mode::Cohort {
        let count = repeats.iter().filter(|&&repeat| repeat).count();
        if count > 0 {
            let position = entries.len() - 1;
            entries.insert(
                position,
                LegendEntry {
                    class: None,
                    label: i18n::repeat_label(lang),
                    count,
                    // The hatching over the earliest cohort's colour, as most repeats show it.
                    fill: fill(theme, programme, Class::Joined(programme.cohort_years()[0])),
                    hatched: true,
                    hidden: false,
                },
            );
        }
    }
    Legend { title: i18n::legend_title(lang, focus), entries }
}

/// The legend of an indicator layer: one entry per quantile class with its value range, then
/// the regions without a value.
pub fn indicator_legend(
    programme: &Programme,
    layer: &Layer,
    classes: &[Class],
    hidden: &BTreeSet<Class>,
    theme: Theme,
    lang: Lang,
) -> Legend {
    let of = layer.bins.len() as u8;
    let entry = |class: Class, label: String| LegendEntry {
        class: Some(class),
        label,
        count: classes.iter().filter(|&&c| c == class).count(),
        fill: fill(theme, programme, class),
        hatched: false,
        hidden: hidden.contains(&class),
    };
    let mut entries: Vec<LegendEntry> = layer
        .bins
        .ranges
        .iter()
        .enumerate()
        .map(|(index, &(lo, hi))| entry(Class::Bin { index: index as u8, of }, i18n::value_range(lang, lo, hi)))
        .collect();
    entries.push(entry(Class::NoValue, i18n::class_label(lang, Class::NoValue, PillarFocus::Count)));
    Legend { title: layer.label.clone(), entries }
}

#[cfg(test)]
mod tests;
