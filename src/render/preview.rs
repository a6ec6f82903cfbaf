//! The first paint: the home view prerendered at build time (`preview.json`,
//! `contract::Preview`), which the element draws as SVG before the WebAssembly map runs (and,
//! until a reader reaches for the map, instead of it). It holds each region's border as SVG path
//! data on the home view's grid (`asset::paths`), which the interactive map then reads as its
//! coarsest level, the colours of each cohort year and theme, and the controls' `Ui` answer for
//! each year, language and theme, so the element shows the requested view without the wasm and
//! the interactive map then draws the same.

use crate::asset::paths::{write_paths, GRID_WIDTH};
use crate::contract::{self, Preview, PreviewTheme, PreviewYear};
use crate::map::MapState;
use crate::style::{Class, Lang, Mode, Theme};

/// Base-36 digits name the classes in `PreviewYear::classes`.
const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Why a preview cannot be written.
#[derive(Debug, PartialEq, Eq)]
pub enum PreviewError {
    /// The map has no atlas or no programme loaded.
    NotLoaded,
    /// More classes than base-36 digits.
    TooManyClasses(usize),
    /// The atlas reaches the poles, where Mercator has no grid.
    OffTheGrid,
}

impl std::fmt::Display for PreviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PreviewError::NotLoaded => write!(f, "the preview needs an atlas and a programme"),
            PreviewError::TooManyClasses(n) => write!(f, "{n} classes do not fit in base-36 digits"),
            PreviewError::OffTheGrid => write!(f, "the atlas reaches beyond 85° of latitude"),
        }
    }
}

/// The preview of `map`'s atlas (its coarsest level) and programme, in cohort mode. The map's
/// year, language and theme are left as they were.
pub fn preview(map: &mut MapState) -> Result<Preview, PreviewError> {
    let (atlas, programme) = match (map.atlas(), map.programme()) {
        (Some(atlas), Some(programme)) => (atlas, programme),
        _ => return Err(PreviewError::NotLoaded),
    };
    let (bounds, grid, paths) = write_paths(&atlas.levels()[0].shapes).map_err(|_| PreviewError::OffTheGrid)?;
    let years = programme.cohort_years();

    let restore = (map.colouring(), map.lang(), map.theme());
    let painted = paint(map, &years);
    let _ = map.set_mode(restore.0.mode.key());
    let _ = map.set_year(restore.0.year);
    let _ = map.set_lang(restore.1.key());
    let _ = map.set_theme(restore.2.key());
    let (themes, years) = painted?;
    Ok(Preview { width: GRID_WIDTH, height: grid.height(), bounds, paths, themes, years })
}

/// Colours and controls for every cohort year, theme and language, read off the map's own styling.
fn paint(map: &mut MapState, years: &[u16]) -> Result<(Vec<PreviewTheme>, Vec<PreviewYear>), PreviewError> {
    map.set_mode(Mode::Cohort.key()).map_err(|_| PreviewError::NotLoaded)?;
    let mut classes: Vec<Class> = Vec::new();
    let mut themes: Vec<PreviewTheme> = Theme::ALL
        .iter()
        .map(|&theme| {
            let colours = theme.colours();
            PreviewTheme {
                theme: theme.key(),
                background: colours.background.to_string(),
                stroke: colours.stroke.to_string(),
                hatch: colours.hatch.to_string(),
                doubtful: colours.text.to_string(),
                fills: Vec::new(),
            }
        })
        .collect();
    let mut out = Vec::with_capacity(years.len());
    for &year in years {
        map.set_year(year).map_err(|_| PreviewError::NotLoaded)?;
        let mut entry = PreviewYear { year, classes: String::new(), hatched: vec![], doubtful: vec![], ui: vec![] };
        for lang in Lang::ALL {
            for (theme, colours) in Theme::ALL.iter().zip(themes.iter_mut()) {
                let _ = map.set_lang(lang.key());
                let _ = map.set_theme(theme.key());
                let styling = map.styling().ok_or(PreviewError::NotLoaded)?;
                if entry.classes.is_empty() {
                    for (index, region) in styling.regions.iter().enumerate() {
                        let class = classes.iter().position(|&c| c == region.class).unwrap_or_else(|| {
                            classes.push(region.class);
                            classes.len() - 1
                        });
                        let digit = *DIGITS.get(class).ok_or(PreviewError::TooManyClasses(class + 1))?;
                        entry.classes.push(char::from(digit));
                        if region.hatched {
                            entry.hatched.push(index);
                        }
                        if region.doubtful {
                            entry.doubtful.push(index);
                        }
                    }
                }
                for region in &styling.regions {
                    let class = classes.iter().position(|&c| c == region.class).unwrap_or(0);
                    if colours.fills.len() <= class {
                        colours.fills.resize(class + 1, String::new());
                    }
                    colours.fills[class] = region.fill.to_string();
                }
                entry.ui.extend(contract::ui(map));
            }
        }
        out.push(entry);
    }
    Ok((themes, out))
}
