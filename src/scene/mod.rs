//! View + Atlas + Programme -> Scene: what to draw, in what colour, with what words.
//! Both renderers (SVG here, Canvas2D in the browser) draw a Scene and decide nothing.

use crate::atlas::Atlas;
use crate::indicator::Layer;
use crate::programme::{AsOf, Confidence, Programme};
use crate::region::Region;
use crate::style::{self, Class, Colouring, Lang, Legend, Mode, Rgb, Theme};
use crate::view::Viewport;

/// Pixels a simplified border may stray before a finer level of detail is used.
const MAX_ERROR_PX: f64 = 0.75;

/// Region borders, in CSS pixels.
pub const BORDER_WIDTH: f64 = 0.5;

/// The border's width in CSS pixels on a screen of `ratio` device pixels to the CSS pixel:
/// [`BORDER_WIDTH`], but never wider than one device pixel. Skia draws a line of at most one
/// device pixel as a hairline; at a phone's three, a 1.5-pixel border made every full redraw of
/// the map about 2.4 times as slow (the browser converts each border to an outline and fills it).
pub fn border_width(ratio: f64) -> f64 {
    if ratio > 0.0 {
        BORDER_WIDTH.min(1.0 / ratio)
    } else {
        BORDER_WIDTH
    }
}

/// The dashed outline of doubtful listings, in CSS pixels: dash and gap, and line width.
pub const DOUBTFUL_DASH: [f64; 2] = [3.0, 2.0];
pub const DOUBTFUL_WIDTH: f64 = 1.0;
/// CSS pixels a degree of longitude spans where the dashed outline gets its whole width: the
/// country in a map about 600 px wide, a kabupaten in Java then about 6 px across.
pub const FULL_OUTLINE_PX_PER_DEGREE: f64 = 12.0;

/// The dashed outline's width in CSS pixels where a degree of longitude spans `px_per_degree`:
/// [`DOUBTFUL_WIDTH`] on a map that large or larger, and thinner in proportion on a smaller one,
/// down to half, so that on a phone the dashes along a small region's winding border do not
/// cover its colour. The preview (www/element/preview.js) thins its outline by the same rule.
pub fn doubtful_width(px_per_degree: f64) -> f64 {
    DOUBTFUL_WIDTH * (px_per_degree / FULL_OUTLINE_PX_PER_DEGREE).clamp(0.5, 1.0)
}

/// One region as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct StyledRegion {
    pub class: Class,
    pub fill: Rgb,
    /// A repeat member in cohort mode: hatched over its fill.
    pub hatched: bool,
    /// In cohort mode, a member whose first listing is inferred or contradicted: outlined dashed.
    pub doubtful: bool,
}

/// One view of the map: its styling, and what depends on the viewport and the pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub viewport: Viewport,
    pub theme: Theme,
    pub lang: Lang,
    /// Level of detail of the atlas to draw.
    pub level: usize,
    /// Regions whose bounding box meets the view, in atlas order.
    pub visible: Vec<usize>,
    pub selected: Option<usize>,
    pub hovered: Option<usize>,
    pub styling: Styling,
}

/// Everything a scene is built from.
#[derive(Clone, Copy)]
pub struct SceneInput<'a> {
    pub atlas: &'a Atlas,
    pub programme: &'a Programme,
    pub colouring: Colouring,
    pub theme: Theme,
    pub lang: Lang,
    pub viewport: Viewport,
    pub hidden: &'a [Class],
    pub selected: Option<usize>,
    pub hovered: Option<usize>,
    /// A developer's indicator; drawn when the colouring mode is `Indicator`.
    pub indicator: Option<&'a Layer>,
    /// The date the page says its programme data is current as of, shown in the attribution.
    pub as_of: Option<AsOf>,
}

/// What a scene shows whatever its viewport, hover and selection: every region's style and the
/// texts. Building it is most of building a scene, which the frames of a pan, a zoom step or a
/// hover need not repeat: [`crate::map::MapState`] keeps the last one.
#[derive(Clone, Debug, PartialEq)]
pub struct Styling {
    /// Every region, in atlas order.
    pub regions: Vec<StyledRegion>,
    pub title: String,
    pub subtitle: String,
    pub legend: Legend,
    /// "2021: 40 of 48 confirmed, +3 doubtful", one line per cohort up to the year.
    pub identified: Vec<String>,
    pub attribution: String,
    /// One sentence for screen readers.
    pub summary: String,
}

impl Scene {
    pub fn build(input: SceneInput<'_>) -> Scene {
        Scene::with_styling(Styling::build(&input), &input)
    }

    /// The scene of `input`'s view, hover and selection, from a styling built of the same input.
    pub fn with_styling(styling: Styling, input: &SceneInput<'_>) -> Scene {
        let (atlas, viewport, region_count) = (input.atlas, input.viewport, styling.regions.len());
        Scene {
            viewport,
            theme: input.theme,
            lang: input.lang,
            level: level_for(atlas, &viewport),
            visible: atlas.regions_in(viewport.visible_extent()),
            selected: input.selected.filter(|&index| index < region_count),
            hovered: input.hovered.filter(|&index| index < region_count),
            styling,
        }
    }

    /// The dashed outline's width for this scene's zoom ([`doubtful_width`]).
    pub fn doubtful_width(&self) -> f64 {
        doubtful_width(self.viewport.px_per_degree())
    }
}

impl Styling {
    pub fn build(input: &SceneInput<'_>) -> Styling {
        let SceneInput { atlas, programme, colouring, theme, lang, .. } = *input;
        let layer = input.indicator.filter(|_| colouring.mode == Mode::Indicator);
        let standings = style::standings(atlas, programme, colouring.year);
        let classes = match layer {
            Some(layer) => style::classify_indicator(layer),
            None => style::classify(atlas, programme, colouring, &standings),
        };
        // Cohort mode hatches repeat members and dashes doubtful first listings.
        let cohort_mode = colouring.mode == Mode::Cohort;
        let repeats: Vec<bool> = standings.iter().map(|standing| cohort_mode && standing.repeat).collect();
        let doubtful: Vec<bool> = standings.iter().map(|standing| cohort_mode && standing.doubtful).collect();
        let neutral = theme.colours().neutral;
        // A fill per class, not per region: there are a handful of classes and 514 regions.
        let mut fills: Vec<(Class, Rgb)> = Vec::new();
        let mut fill_of = |class: Class| match fills.iter().find(|(c, _)| *c == class) {
            Some(&(_, fill)) => fill,
            None => {
                let fill = if input.hidden.contains(&class) { neutral } else { style::fill(theme, programme, class) };
                fills.push((class, fill));
                fill
            }
        };
        let regions = classes
            .iter()
            .zip(&repeats)
            .zip(&doubtful)
            .map(|((&class, &hatched), &doubtful)| StyledRegion {
                class,
                fill: fill_of(class),
                hatched,
                doubtful: doubtful && !input.hidden.contains(&class),
            })
            .collect();
        let members = standings.iter().filter(|standing| standing.joined.is_some()).count();
        let cohort = programme.cohort(colouring.year);
        let region_count = atlas.regions().len();
        let (subtitle, summary, legend) = match layer {
            Some(layer) => {
                let (min, max) = (layer.bins.ranges[0].0, layer.bins.ranges[layer.bins.len() - 1].1);
                let text = style::i18n::indicator_summary(lang, &layer.label, layer.matched(), region_count, min, max);
                let legend = style::indicator_legend(programme, layer, &classes, input.hidden, theme, lang);
                (text.clone(), format!("{text}."), legend)
            }
            None => (
                style::i18n::subtitle(
                    lang,
                    colouring.year,
                    programme.members_split_as_of(colouring.year),
                    region_count,
                    programme.cohorts().iter().rev().find(|c| c.year <= colouring.year).map(|c| c.running_total),
                ),
                style::i18n::summary(
                    lang,
                    colouring.year,
                    members,
                    region_count,
                    cohort.map(|c| (programme.identified_split(c.year), c.official)),
                ),
                style::legend(
                    programme,
                    colouring,
                    &classes,
                    style::Overlays { repeats: &repeats, doubtful: &doubtful },
                    input.hidden,
                    theme,
                    lang,
                ),
            ),
        };
        Styling {
            regions,
            title: style::i18n::title(lang).to_owned(),
            subtitle,
            legend,
            identified: programme
                .cohorts()
                .iter()
                .filter(|c| c.year <= colouring.year)
                .map(|c| style::i18n::identified(lang, c.year, programme.identified_split(c.year), c.official))
                .collect(),
            attribution: style::i18n::attribution(lang, atlas.attribution(), input.as_of),
            summary,
        }
    }
}

/// A hovered, focused or selected region smaller than this on screen (CSS px, both sides) is
/// also ringed: at the country view its own outline is a few pixels nobody finds.
const RING_BELOW_PX: f64 = 12.0;
/// The ring's radius, CSS px.
pub const RING_RADIUS_PX: f64 = 10.0;

/// Where to ring region `index` (the centre of its box on screen, CSS px) when it is too small
/// to see by its outline; None when it is large enough, or unknown.
pub fn ring_centre(atlas: &Atlas, viewport: &Viewport, index: usize) -> Option<[f64; 2]> {
    let [left, top, right, bottom] = crate::view::reuse::screen_box(atlas, viewport, index)?;
    (right - left < RING_BELOW_PX && bottom - top < RING_BELOW_PX).then(|| [(left + right) / 2.0, (top + bottom) / 2.0])
}

/// The coarsest level whose simplification error stays under [`MAX_ERROR_PX`] at this zoom.
pub fn level_for(atlas: &Atlas, viewport: &Viewport) -> usize {
    let levels = atlas.levels();
    levels
        .iter()
        .position(|level| level.tolerance.to_radians() * viewport.scale() <= MAX_ERROR_PX)
        .unwrap_or(levels.len().saturating_sub(1))
}

/// Whether the view wants finer borders than the coarsest level: the overview alone serves the
/// country, and a province's detail is fetched only when a zoom shows it.
pub fn wants_detail(atlas: &Atlas, viewport: &Viewport) -> bool {
    atlas.levels().first().is_some_and(|coarsest| coarsest.tolerance.to_radians() * viewport.scale() > MAX_ERROR_PX)
}

/// What a screen reader says for a region, and what its tooltip heads with:
/// "Kabupaten Magetan, Jawa Timur: bergabung 2021".
pub fn describe(lang: Lang, region: &Region, programme: &Programme, year: u16) -> String {
    let years: Vec<String> = programme
        .memberships_of(region.code)
        .filter(|m| m.year <= year)
        .map(|m| match (m.confidence, lang) {
            (Confidence::Confirmed, _) => m.year.to_string(),
            (Confidence::Inferred, Lang::Id) => format!("{} (dugaan)", m.year),
            (Confidence::Inferred, Lang::En) => format!("{} (inferred)", m.year),
            (Confidence::Conflicting, Lang::Id) => format!("{} (sumber bertentangan)", m.year),
            (Confidence::Conflicting, Lang::En) => format!("{} (sources conflict)", m.year),
        })
        .collect();
    let status = match (lang, years.is_empty()) {
        (Lang::Id, true) => format!("belum bergabung per {year}"),
        (Lang::En, true) => format!("not a member by {year}"),
        (Lang::Id, false) => format!("bergabung {}", years.join(", ")),
        (Lang::En, false) => format!("joined {}", years.join(", ")),
    };
    format!("{}, {}: {status}", region.name, region.province)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_members_and_others() {
        let programme = crate::programme::packaged();
        let semarang =
            Region { code: "33.74".parse().unwrap(), name: "Kota Semarang".into(), province: "Jawa Tengah".into() };
        assert_eq!(describe(Lang::Id, &semarang, &programme, 2017), "Kota Semarang, Jawa Tengah: bergabung 2017");
        assert_eq!(describe(Lang::En, &semarang, &programme, 2024), "Kota Semarang, Jawa Tengah: joined 2017, 2021");
        let nowhere = Region { code: "94.01".parse().unwrap(), ..semarang };
        assert_eq!(describe(Lang::En, &nowhere, &programme, 2024), "Kota Semarang, Jawa Tengah: not a member by 2024");
    }

    #[test]
    fn borders_are_never_wider_than_a_device_pixel() {
        assert_eq!(border_width(1.0), BORDER_WIDTH, "a desktop screen");
        assert_eq!(border_width(2.0), BORDER_WIDTH, "a laptop's retina screen: one device pixel already");
        assert_eq!(border_width(3.0), 1.0 / 3.0, "a phone");
        assert_eq!(border_width(2.625), 1.0 / 2.625);
        assert_eq!(border_width(0.0), BORDER_WIDTH, "no ratio yet");
        assert_eq!(border_width(f64::NAN), BORDER_WIDTH);
    }

    #[test]
    fn the_dashed_outline_thins_on_small_maps_only() {
        assert_eq!(doubtful_width(40.0), DOUBTFUL_WIDTH, "a zoomed-in map");
        assert_eq!(doubtful_width(FULL_OUTLINE_PX_PER_DEGREE), DOUBTFUL_WIDTH);
        assert_eq!(doubtful_width(9.0), 0.75 * DOUBTFUL_WIDTH, "in proportion");
        assert_eq!(doubtful_width(3.0), 0.5 * DOUBTFUL_WIDTH, "never below half");
        let country = |width| {
            let viewport = Viewport::fit(geo::Rect::new((95.0, -11.0), (141.0, 6.0)), width, width / 2.0, 0.0);
            doubtful_width(viewport.px_per_degree())
        };
        assert_eq!(country(1100.0), DOUBTFUL_WIDTH, "the country on a desktop page");
        assert!(country(330.0) < 0.6 * DOUBTFUL_WIDTH, "the country on a phone");
    }
}
