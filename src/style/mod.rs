//! How the map looks: which class each region falls in for the chosen mode and year, the
//! colour of each class in each theme, the legend with its counts, and every string in
//! Bahasa Indonesia and English.

pub mod i18n;
mod palette;

pub use i18n::Lang;
pub use palette::{Rgb, Theme, ThemeChoice, ThemeColours};

use crate::atlas::Atlas;
use crate::indicator::Layer;
use crate::keyword::{keyword_enum, Keyword, UnknownKeyword};
use crate::programme::{Pillar, Programme, Standing};
use std::str::FromStr;

keyword_enum! {
    /// What the fill colour means.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Mode("mode") {
        /// The year a region first joined.
        #[default]
        Cohort = "cohort",
        /// The smart-city pillars its sources credit it with.
        Pillar = "pillar",
        /// A developer's own indicator, in quantile classes.
        Indicator = "indicator",
    }
}

/// In pillar mode: one pillar, or how many pillars the sources cite.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PillarFocus {
    #[default]
    Count,
    One(Pillar),
}

impl Keyword for PillarFocus {
    const WHAT: &'static str = "pillar";
    const ALL: &'static [PillarFocus] = &[
        PillarFocus::Count,
        PillarFocus::One(Pillar::Governance),
        PillarFocus::One(Pillar::Branding),
        PillarFocus::One(Pillar::Economy),
        PillarFocus::One(Pillar::Living),
        PillarFocus::One(Pillar::Society),
        PillarFocus::One(Pillar::Environment),
    ];

    fn key(self) -> &'static str {
        match self {
            PillarFocus::Count => "count",
            PillarFocus::One(pillar) => pillar.key(),
        }
    }
}

impl PillarFocus {
    pub fn key(self) -> &'static str {
        Keyword::key(self)
    }
}

impl FromStr for PillarFocus {
    type Err = UnknownKeyword;
    /// A key; an empty value also means the count, as an attribute without a value does.
    fn from_str(text: &str) -> Result<PillarFocus, UnknownKeyword> {
        if text.is_empty() {
            return Ok(PillarFocus::Count);
        }
        PillarFocus::from_key(text)
    }
}

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

/// Everything that decides the colours: the mode, the pillar shown and the year on the slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colouring {
    pub mode: Mode,
    pub pillar: PillarFocus,
    pub year: u16,
}

/// Every region's standing as of `year`, in atlas order.
pub fn standings(atlas: &Atlas, programme: &Programme, year: u16) -> Vec<Standing> {
    atlas.regions().iter().map(|region| programme.standing(region.code, year)).collect()
}

/// The class of every region of the atlas, in atlas order, from their `standings` as of the
/// colouring's year.
pub fn classify(atlas: &Atlas, programme: &Programme, colouring: Colouring, standings: &[Standing]) -> Vec<Class> {
    atlas
        .regions()
        .iter()
        .zip(standings)
        .map(|(region, standing)| {
            let Some(first) = standing.joined else {
                return Class::NotMember;
            };
            match colouring.mode {
                // Indicator classes come from `classify_indicator`; membership still reads as cohorts.
                Mode::Cohort | Mode::Indicator => Class::Joined(first),
                Mode::Pillar => {
                    let pillars = programme.pillars_of(region.code);
                    match colouring.pillar {
                        _ if pillars.is_empty() => Class::UnknownPillars,
                        PillarFocus::Count => Class::PillarCount(pillars.len() as u8),
                        PillarFocus::One(pillar) if pillars.contains(pillar) => Class::Cites,
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

/// The classes a colouring can produce, in legend order.
pub fn legend_classes(programme: &Programme, colouring: Colouring) -> Vec<Class> {
    let mut classes: Vec<Class> = match (colouring.mode, colouring.pillar) {
        (Mode::Cohort | Mode::Indicator, _) => {
            programme.cohort_years().into_iter().filter(|&year| year <= colouring.year).map(Class::Joined).collect()
        }
        (Mode::Pillar, PillarFocus::Count) => (1..=6).map(Class::PillarCount).chain([Class::UnknownPillars]).collect(),
        (Mode::Pillar, PillarFocus::One(_)) => vec![Class::Cites, Class::OtherPillars, Class::UnknownPillars],
    };
    classes.push(Class::NotMember);
    classes
}

/// The fill of a class: cohort years in distinct colour-blind safe hues, pillar counts and
/// indicator classes on one ordered, colour-blind safe ramp.
pub fn fill(theme: Theme, programme: &Programme, class: Class) -> Rgb {
    let colours = theme.colours();
    match class {
        Class::Joined(year) => {
            let years = programme.cohort_years();
            let position = years.iter().position(|&y| y == year).unwrap_or(0);
            palette::cohort(theme, position, years.len())
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
    /// Drawn as the dashed outline of doubtful listings.
    pub dashed: bool,
    /// Switched off by the viewer: drawn in the neutral tone.
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub title: String,
    pub entries: Vec<LegendEntry>,
}

/// What is drawn over the fills in cohort mode, per region in atlas order.
#[derive(Clone, Copy)]
pub struct Overlays<'a> {
    /// Repeat members, hatched.
    pub repeats: &'a [bool],
    /// Members whose first listing is doubtful, outlined dashed.
    pub doubtful: &'a [bool],
}

/// The legend for a colouring, with how many regions fall in each class.
pub fn legend(
    programme: &Programme,
    colouring: Colouring,
    classes: &[Class],
    overlays: Overlays<'_>,
    hidden: &[Class],
    theme: Theme,
    lang: Lang,
) -> Legend {
    let mut entries: Vec<LegendEntry> = legend_classes(programme, colouring)
        .into_iter()
        .map(|class| LegendEntry {
            class: Some(class),
            label: i18n::class_label(lang, class, colouring.pillar),
            count: classes.iter().filter(|&&c| c == class).count(),
            fill: fill(theme, programme, class),
            hatched: false,
            dashed: false,
            hidden: hidden.contains(&class),
        })
        .collect();
    if colouring.mode == Mode::Cohort {
        // The overlays are not classes: each gets an entry (before "not a member") only when it shows.
        let overlay_entries = [
            (overlays.doubtful, i18n::doubtful_label(lang), theme.colours().background, false),
            // The hatching over the earliest cohort's colour, as most repeats show it.
            (
                overlays.repeats,
                i18n::repeat_label(lang),
                fill(theme, programme, Class::Joined(programme.cohort_years()[0])),
                true,
            ),
        ];
        for (marked, label, fill, hatched) in overlay_entries {
            let count = marked.iter().filter(|&&marked| marked).count();
            if count > 0 {
                let entry = LegendEntry { class: None, label, count, fill, hatched, dashed: !hatched, hidden: false };
                entries.insert(entries.len() - 1, entry);
            }
        }
    }
    Legend { title: i18n::legend_title(lang, colouring), entries }
}

/// The legend of an indicator layer: one entry per quantile class with its value range, then
/// the regions without a value.
pub fn indicator_legend(
    programme: &Programme,
    layer: &Layer,
    classes: &[Class],
    hidden: &[Class],
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
        dashed: false,
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
