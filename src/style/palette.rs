//! Colours. Cohorts take distinct colour-blind safe hues (Okabe–Ito), so neighbouring years
//! differ at a glance; the quantitative classes (pillar counts, indicator classes) sit on viridis
//! (light theme) and cividis (dark theme), whose lightness changes steadily. `style::tests`
//! checks with a colour-vision simulation that every class stays distinct for every viewer.

use std::fmt;

use crate::keyword::keyword_enum;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    const fn hex(value: u32) -> Rgb {
        Rgb([(value >> 16) as u8, (value >> 8) as u8, value as u8])
    }
}

impl fmt::Display for Rgb {
    /// `#rrggbb`, as SVG, CSS and canvas take it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

keyword_enum! {
    /// The colours a map is drawn in.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Theme("theme") {
        #[default]
        Light = "light",
        Dark = "dark",
    }
}

keyword_enum! {
    /// What a page asks for; `Auto` follows the reader's `prefers-color-scheme`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum ThemeChoice("theme") {
        Light = "light",
        Dark = "dark",
        #[default]
        Auto = "auto",
    }
}

impl ThemeChoice {
    pub fn resolve(self, prefers_dark: bool) -> Theme {
        match self {
            ThemeChoice::Light => Theme::Light,
            ThemeChoice::Dark => Theme::Dark,
            ThemeChoice::Auto if prefers_dark => Theme::Dark,
            ThemeChoice::Auto => Theme::Light,
        }
    }
}

/// The non-data colours of a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThemeColours {
    /// The sea, and the page behind the map.
    pub background: Rgb,
    pub text: Rgb,
    /// Secondary text (attribution, counts); still at least 4.5:1 on the background.
    pub muted_text: Rgb,
    /// Regions that are not (yet) members, or whose class the viewer switched off.
    pub neutral: Rgb,
    /// Members whose pillars no source names.
    pub unknown: Rgb,
    /// Borders between regions.
    pub stroke: Rgb,
    /// Outline of the hovered or selected region.
    pub highlight: Rgb,
    /// Lines of the repeat-member hatching.
    pub hatch: Rgb,
}

const LIGHT: ThemeColours = ThemeColours {
    background: Rgb::hex(0xf7f9fb),
    text: Rgb::hex(0x1b1f24),
    muted_text: Rgb::hex(0x4f5966),
    neutral: Rgb::hex(0xcdd2d8),
    unknown: Rgb::hex(0x8c5a3c),
    stroke: Rgb::hex(0xffffff),
    highlight: Rgb::hex(0x000000),
    hatch: Rgb::hex(0xffffff),
};

const DARK: ThemeColours = ThemeColours {
    background: Rgb::hex(0x11151b),
    text: Rgb::hex(0xe8edf2),
    muted_text: Rgb::hex(0xaab4c0),
    neutral: Rgb::hex(0x353c46),
    unknown: Rgb::hex(0x8c5a3c),
    stroke: Rgb::hex(0x11151b),
    highlight: Rgb::hex(0xffffff),
    hatch: Rgb::hex(0x11151b),
};

impl Theme {
    pub fn colours(self) -> ThemeColours {
        match self {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

/// The cohorts in the order they joined: Okabe and Ito's colour-blind safe set, ordered so that
/// neighbouring years differ in hue and lightness (on a single ramp, the early years are three
/// dark purples that look alike at map scale). Beyond its length the cohorts fall back to the ramp.
const COHORTS: [Rgb; 7] = [
    Rgb::hex(0x0072b2), // blue
    Rgb::hex(0xd55e00), // vermillion
    Rgb::hex(0x009e73), // bluish green
    Rgb::hex(0xcc79a7), // reddish purple
    Rgb::hex(0xe69f00), // orange
    Rgb::hex(0x56b4e9), // sky blue
    Rgb::hex(0xf0e442), // yellow
];

/// Cohort `index` of `count`.
pub(super) fn cohort(theme: Theme, index: usize, count: usize) -> Rgb {
    match COHORTS.get(index) {
        Some(&colour) if count <= COHORTS.len() => colour,
        _ => ramp(theme, index, count),
    }
}

/// The part of viridis (light theme) and of cividis (dark theme, read backwards) the ramp
/// spans: it stops short of the lightness of the theme's neutral, so that the faintest class
/// (one pillar, the lowest indicator values) still stands apart from the regions that are not
/// members by lightness, not by hue alone (`style::tests`).
const RAMP_SPAN: f64 = 0.68;

/// Class `index` of `count` ordered classes. The first class (the earliest cohort, or the most
/// pillars) stands out most from the theme's background: dark on light, bright on dark.
pub(super) fn ramp(theme: Theme, index: usize, count: usize) -> Rgb {
    let step = if count > 1 { index.min(count - 1) as f64 / (count - 1) as f64 } else { 0.0 };
    let colour = match theme {
        Theme::Light => colorous::VIRIDIS.eval_continuous(RAMP_SPAN * step),
        Theme::Dark => colorous::CIVIDIS.eval_continuous(1.0 - RAMP_SPAN * step),
    };
    Rgb([colour.r, colour.g, colour.b])
}
