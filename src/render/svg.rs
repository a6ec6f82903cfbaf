//! Scene -> standalone SVG: the export, the no-WebAssembly fallback and the golden-test oracle
//! for the canvas renderer. Every region is one `<path>` with its code and an accessible name.

use crate::atlas::Atlas;
use crate::programme::Programme;
use crate::scene::{describe, Scene, BORDER_WIDTH, DOUBTFUL_DASH, DOUBTFUL_WIDTH};
use crate::style::LegendEntry;
use crate::view::project;
use geo::MultiPolygon;
use std::fmt::Write;

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const LEGEND_ROW: f64 = 20.0;
/// A label's further lines, below its first.
const LEGEND_LINE: f64 = 14.0;
/// The legend box's width, kept so that it covers no more of the map (Banten and Jakarta lie just
/// right of it at the home view); a longer label wraps, a longer title widens it.
const LEGEND_WIDTH: f64 = 236.0;
/// A generous average advance of the sans-serif fonts FONT names, in ems: the texts are fitted
/// from their lengths without measuring them (DejaVu Sans, one of the widest, advances 0.44 to
/// 0.57 em a character on the legend's labels).
const EM_PER_CHAR: f64 = 0.6;
/// And of their bold, for the title.
const EM_PER_CHAR_BOLD: f64 = 0.66;

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The legend box's width: its own, or what its title needs.
fn legend_width(title: &str) -> f64 {
    LEGEND_WIDTH.max(20.0 + chars(title) as f64 * 13.0 * EM_PER_CHAR_BOLD).ceil()
}

/// A legend entry's words with its count, "(26)", last, broken at spaces into lines that each fit
/// a box `width` wide after the swatch.
fn entry_lines(entry: &LegendEntry, width: f64) -> Vec<Vec<String>> {
    let fits = ((width - 42.0) / (12.0 * EM_PER_CHAR)) as usize;
    let count = format!("({})", entry.count);
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut used = 0;
    for word in entry.label.split(' ').chain([count.as_str()]) {
        match lines.last_mut() {
            Some(line) if used + 1 + chars(word) <= fits => {
                line.push(word.to_owned());
                used += 1 + chars(word);
            }
            _ => {
                lines.push(vec![word.to_owned()]);
                used = chars(word);
            }
        }
    }
    lines
}

/// The SVG document for a scene. `year` is the year the region descriptions speak of.
pub fn render(scene: &Scene, atlas: &Atlas, programme: &Programme, year: u16) -> String {
    let colours = scene.theme.colours();
    let (width, height) = (scene.viewport.width, scene.viewport.height);
    let mut svg = String::with_capacity(256 * 1024);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="pc-title pc-desc" lang="{lang}" font-family="{FONT}">"#,
        w = fmt_px(width),
        h = fmt_px(height),
        lang = scene.lang.key(),
    );
    let _ = write!(
        svg,
        r#"<title id="pc-title">{}</title><desc id="pc-desc">{}</desc>"#,
        escape(&scene.styling.title),
        escape(&scene.styling.summary)
    );
    let _ = write!(
        svg,
        r#"<defs><pattern id="pc-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="{}"/></pattern></defs>"#,
        colours.hatch
    );
    let _ = write!(svg, r#"<rect width="100%" height="100%" fill="{}"/>"#, colours.background);

    let shapes = &atlas.levels()[scene.level].shapes;
    // A document has no device pixels: the border's CSS width (the canvas thins it on dense screens).
    let _ = write!(
        svg,
        r#"<g id="pc-regions" stroke="{}" stroke-width="{}" stroke-linejoin="round">"#,
        colours.stroke,
        fmt_px(BORDER_WIDTH)
    );
    let mut hatched = String::new();
    let mut doubtful = String::new();
    for &index in &scene.visible {
        let (Some(region), Some(style), Some(shape)) =
            (atlas.regions().get(index), scene.styling.regions.get(index), shapes.get(index))
        else {
            continue;
        };
        let d = path_data(shape, scene);
        if d.is_empty() {
            continue;
        }
        let _ = write!(
            svg,
            r#"<path data-code="{}" fill="{}" d="{d}"><title>{}</title></path>"#,
            region.code,
            style.fill,
            escape(&describe(scene.lang, region, programme, year))
        );
        if style.hatched {
            let _ = write!(hatched, r#"<path d="{d}"/>"#);
        }
        if style.doubtful {
            let _ = write!(doubtful, r#"<path d="{d}"/>"#);
        }
    }
    svg.push_str("</g>");
    if !hatched.is_empty() {
        let _ = write!(svg, r#"<g fill="url(#pc-hatch)" aria-hidden="true">{hatched}</g>"#);
    }
    if !doubtful.is_empty() {
        let _ = write!(
            svg,
            r#"<g fill="none" stroke="{}" stroke-width="{}" stroke-dasharray="{} {}" aria-hidden="true">{doubtful}</g>"#,
            colours.text,
            fmt_px(scene.doubtful_width()),
            fmt_px(DOUBTFUL_DASH[0]),
            fmt_px(DOUBTFUL_DASH[1])
        );
    }
    for (index, stroke_width) in [(scene.hovered, 1.5), (scene.selected, 2.5)] {
        if let Some(shape) = index.and_then(|index| shapes.get(index)) {
            let _ = write!(
                svg,
                r#"<path fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" aria-hidden="true" d="{}"/>"#,
                colours.highlight,
                fmt_px(stroke_width),
                path_data(shape, scene)
            );
        }
    }

    let _ = write!(
        svg,
        r#"<text x="16" y="28" font-size="18" font-weight="700" fill="{}">{}</text><text x="16" y="48" font-size="13" fill="{}">{}</text>"#,
        colours.text,
        escape(&scene.styling.title),
        colours.muted_text,
        escape(&scene.styling.subtitle)
    );
    legend(&mut svg, scene);
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}" font-size="10" text-anchor="end" fill="{}">{}</text>"#,
        fmt_px(width - 8.0),
        fmt_px(height - 8.0),
        colours.muted_text,
        escape(&scene.styling.attribution)
    );
    svg.push_str("</svg>\n");
    svg
}

fn legend(svg: &mut String, scene: &Scene) {
    let colours = scene.theme.colours();
    let width = legend_width(&scene.styling.legend.title);
    let entries: Vec<_> = scene.styling.legend.entries.iter().map(|entry| (entry, entry_lines(entry, width))).collect();
    let row_height = |lines: usize| LEGEND_ROW + LEGEND_LINE * lines.saturating_sub(1) as f64;
    let height = 34.0 + entries.iter().map(|(_, lines)| row_height(lines.len())).sum::<f64>();
    let (x, y) = (12.0, (scene.viewport.height - height - 24.0).max(60.0));
    let _ = write!(
        svg,
        r#"<g id="pc-legend" transform="translate({},{})"><rect width="{}" height="{}" rx="6" fill="{}" fill-opacity="0.92" stroke="{}"/><text x="10" y="20" font-size="13" font-weight="700" fill="{}">{}</text>"#,
        fmt_px(x),
        fmt_px(y),
        fmt_px(width),
        fmt_px(height),
        colours.background,
        colours.neutral,
        colours.text,
        escape(&scene.styling.legend.title)
    );
    let mut top = 30.0;
    for (entry, lines) in &entries {
        let fill = if entry.hidden { colours.neutral } else { entry.fill };
        let _ = write!(
            svg,
            r#"<rect x="10" y="{}" width="14" height="14" fill="{fill}" stroke="{}"/>"#,
            fmt_px(top),
            colours.muted_text
        );
        if entry.hatched {
            let _ = write!(svg, r#"<rect x="10" y="{}" width="14" height="14" fill="url(#pc-hatch)"/>"#, fmt_px(top));
        }
        if entry.dashed {
            let _ = write!(
                svg,
                r#"<rect x="11" y="{}" width="12" height="12" fill="none" stroke="{}" stroke-width="{}" stroke-dasharray="{} {}"/>"#,
                fmt_px(top + 1.0),
                colours.text,
                fmt_px(DOUBTFUL_WIDTH),
                fmt_px(DOUBTFUL_DASH[0]),
                fmt_px(DOUBTFUL_DASH[1])
            );
        }
        // The count follows the label in the same text, so that no font can make them overlap.
        let _ = write!(
            svg,
            r#"<text x="32" y="{}" font-size="12" fill="{}"{}>"#,
            fmt_px(top + 11.5),
            colours.text,
            if entry.hidden { r#" text-decoration="line-through""# } else { "" },
        );
        // Each line after the first is a tspan; the count, the last word, is muted.
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                let _ = write!(svg, r#"<tspan x="32" dy="{}">"#, fmt_px(LEGEND_LINE));
            }
            let last_line = index + 1 == lines.len();
            for (position, word) in line.iter().enumerate() {
                if position > 0 {
                    svg.push(' ');
                }
                if last_line && position + 1 == line.len() {
                    let _ = write!(svg, r#"<tspan fill="{}">{}</tspan>"#, colours.muted_text, escape(word));
                } else {
                    svg.push_str(&escape(word));
                }
            }
            if index > 0 {
                svg.push_str("</tspan>");
            }
        }
        svg.push_str("</text>");
        top += row_height(lines.len());
    }
    svg.push_str("</g>");
}

/// Path data in screen pixels, one decimal; points that round together are dropped.
fn path_data(shape: &MultiPolygon<f64>, scene: &Scene) -> String {
    let mut d = String::new();
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let mut points: Vec<(i64, i64)> = Vec::with_capacity(ring.0.len());
            for coord in &ring.0 {
                let [x, y] = scene.viewport.to_screen(project(coord.x, coord.y));
                let point = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
                if points.last() != Some(&point) {
                    points.push(point);
                }
            }
            if points.len() < 4 {
                continue;
            }
            for (i, (x, y)) in points.iter().enumerate() {
                d.push(if i == 0 { 'M' } else { 'L' });
                let _ = write!(d, "{} {}", tenths(*x), tenths(*y));
            }
            d.push('Z');
        }
    }
    d
}

fn tenths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let value = value.abs();
    match value % 10 {
        0 => format!("{sign}{}", value / 10),
        frac => format!("{sign}{}.{frac}", value / 10),
    }
}

/// One decimal by integer arithmetic. Every number of the SVG goes through this or [`tenths`]:
/// core's float formatting would add kilobytes to the WebAssembly.
fn fmt_px(value: f64) -> String {
    tenths((value * 10.0).round() as i64)
}

/// Text and attribute escaping: whatever a data file or a link says stays text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)">&'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{fffd}b");
    }

    #[test]
    fn formats_tenths() {
        assert_eq!(tenths(0), "0");
        assert_eq!(tenths(15), "1.5");
        assert_eq!(tenths(-15), "-1.5");
        assert_eq!(tenths(-5), "-0.5");
        assert_eq!(tenths(120), "12");
    }

    #[test]
    fn constant_lengths_read_as_float_formatting_wrote_them() {
        for value in [BORDER_WIDTH, DOUBTFUL_WIDTH, DOUBTFUL_DASH[0], DOUBTFUL_DASH[1], 1.5, 2.5, LEGEND_WIDTH] {
            assert_eq!(fmt_px(value), value.to_string());
        }
    }
}
