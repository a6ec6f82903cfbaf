//! The first paint: the home view prerendered at build time (`preview.json`,
//! `contract::Preview`), which the element draws as SVG before the WebAssembly map runs (and,
//! until a reader reaches for the map, instead of it). It holds each region's border as SVG path
//! data on a grid fine enough to stay under a quarter of a pixel at 1200 CSS px, the colours of
//! each cohort year and theme, and the controls' `Ui` answer for each year, language and theme, so
//! the element shows the requested view without the wasm and the interactive map then draws the
//! same.

use crate::contract::{self, Preview, PreviewTheme, PreviewYear};
use crate::map::MapState;
use crate::style::{Class, Lang, Mode, Theme};
use crate::view::project;
use geo::{Coord, LineString, MultiPolygon, Simplify};
use std::fmt::Write;

/// Grid units across the country's width: at 1200 CSS px one unit is half a pixel.
const GRID: f64 = 2400.0;
/// How far, in grid units, a simplified border may stray from the overview's.
const TOLERANCE: f64 = 0.5;
/// Base-36 digits name the classes in `PreviewYear::classes`.
const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Why a preview cannot be written.
#[derive(Debug, PartialEq, Eq)]
pub enum PreviewError {
    /// The map has no atlas or no programme loaded.
    NotLoaded,
    /// More classes than base-36 digits.
    TooManyClasses(usize),
}

impl std::fmt::Display for PreviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PreviewError::NotLoaded => write!(f, "the preview needs an atlas and a programme"),
            PreviewError::TooManyClasses(n) => write!(f, "{n} classes do not fit in base-36 digits"),
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
    let bounds = atlas.bounds();
    let origin = project(bounds.min().x, bounds.max().y);
    let corner = project(bounds.max().x, bounds.min().y);
    let units = GRID / (corner[0] - origin[0]);
    let height = ((corner[1] - origin[1]) * units).round();
    let paths: Vec<String> = atlas.levels()[0].shapes.iter().map(|shape| path_data(shape, origin, units)).collect();
    let years = programme.cohort_years();

    let restore = (map.colouring(), map.lang(), map.theme());
    let painted = paint(map, &years);
    let _ = map.set_mode(restore.0.mode.key());
    let _ = map.set_year(restore.0.year);
    let _ = map.set_lang(restore.1.key());
    let _ = map.set_theme(restore.2.key());
    let (themes, years) = painted?;
    Ok(Preview { width: GRID, height, paths, themes, years })
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

/// SVG path data of a shape on the preview grid: absolute start, then relative steps, a number's
/// sign doubling as its separator. Rings are simplified and written in whole grid units; a ring
/// smaller than that (a small island) is written unsimplified in tenths, so no region vanishes.
fn path_data(shape: &MultiPolygon<f64>, origin: [f64; 2], units: f64) -> String {
    let mut d = String::new();
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let on_grid: LineString<f64> = ring
                .0
                .iter()
                .map(|c| {
                    let [x, y] = project(c.x, c.y);
                    Coord { x: (x - origin[0]) * units, y: (y - origin[1]) * units }
                })
                .collect();
            if !write_ring(&mut d, &on_grid.simplify(TOLERANCE).0, 1) {
                write_ring(&mut d, &on_grid.0, 10);
            }
        }
    }
    d
}

/// Writes a ring rounded to `1 / per_unit` grid units; false (and nothing written) when fewer
/// than three distinct points are left.
fn write_ring(d: &mut String, coords: &[Coord<f64>], per_unit: i64) -> bool {
    let scale = per_unit as f64;
    let mut points: Vec<(i64, i64)> = Vec::with_capacity(coords.len());
    for c in coords {
        let point = ((c.x * scale).round() as i64, (c.y * scale).round() as i64);
        if points.last() != Some(&point) {
            points.push(point);
        }
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    if points.len() < 3 {
        return false;
    }
    let number = |value: i64| match per_unit {
        1 => value.to_string(),
        _ => format!("{}{}.{}", if value < 0 { "-" } else { "" }, value.abs() / per_unit, value.abs() % per_unit),
    };
    let (mut x, mut y) = points[0];
    let _ = write!(d, "M{} {}l", number(x), number(y));
    let mut first = true;
    for &(px, py) in &points[1..] {
        for value in [px - x, py - y] {
            if !first && value >= 0 {
                d.push(' ');
            }
            d.push_str(&number(value));
            first = false;
        }
        (x, y) = (px, py);
    }
    d.push('z');
    true
}
