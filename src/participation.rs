//! Participation at a glance: each cohort's official size, how many of its members the sources
//! identify (confirmed, doubtful) and the cumulative membership, and per province how many of its
//! kabupaten/kota are members by a year. Pure figures, plus a small standalone, accessible SVG
//! bar chart of the cohorts (the element shows it as an image with a table equivalent).

use crate::programme::Programme;
use crate::region::{Region, RegionCode};
use crate::render::svg::escape;
use crate::style::{self, Class, Lang, Theme};
use serde::Serialize;
use std::fmt::Write;

/// One cohort year in figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CohortFigure {
    pub year: u16,
    /// Kab/kota in the cohort by the official count.
    pub official: u16,
    /// Members of the cohort no source doubts.
    pub confirmed: usize,
    /// Members of the cohort listed only on inferred or conflicting evidence.
    pub doubtful: usize,
    /// Distinct kab/kota listed in this cohort or an earlier one.
    pub members: usize,
    /// The cohort's colour on the map, `#rrggbb`.
    pub fill: String,
}

/// One province by a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProvinceFigure {
    pub province: String,
    /// Its kabupaten/kota in the atlas.
    pub regions: usize,
    /// How many of them are members by the year.
    pub members: usize,
    /// `members / regions`, 0..=1.
    pub share: f64,
}

/// What the participation section shows for the current year.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Participation {
    pub year: u16,
    /// The chart's title, as the SVG's `<title>` has it.
    pub title: String,
    /// The chart's facts in words, as the SVG's `<desc>` has it: the image's text alternative.
    pub description: String,
    pub cohorts: Vec<CohortFigure>,
    pub provinces: Vec<ProvinceFigure>,
}

/// Every cohort up to and including `year`, in year order.
pub fn cohort_figures(programme: &Programme, year: u16, theme: Theme) -> Vec<CohortFigure> {
    programme
        .cohorts()
        .iter()
        .filter(|cohort| cohort.year <= year)
        .map(|cohort| {
            let split = programme.identified_split(cohort.year);
            CohortFigure {
                year: cohort.year,
                official: cohort.official,
                confirmed: split.confirmed,
                doubtful: split.doubtful,
                members: programme.members_as_of(cohort.year).len(),
                fill: style::fill(theme, programme, Class::Joined(cohort.year)).to_string(),
            }
        })
        .collect()
}

/// Every province of `regions` with its members by `year`, sorted by province name.
pub fn province_figures(regions: &[Region], programme: &Programme, year: u16) -> Vec<ProvinceFigure> {
    let members = programme.members_as_of(year);
    // Runs of one province in sorted indices, not a BTreeMap by name: no BTree code for one more
    // key and value type in the WebAssembly.
    let order = crate::order::sorted_indices(regions.len(), &|a, b| regions[a].province.cmp(&regions[b].province));
    order
        .chunk_by(|&a, &b| regions[a].province == regions[b].province)
        .map(|run| {
            let mut codes =
                crate::order::sort_by(run.iter().map(|&index| regions[index].code).collect(), &RegionCode::cmp);
            codes.dedup();
            let in_programme = codes.iter().filter(|code| members.binary_search(code).is_ok()).count();
            ProvinceFigure {
                province: regions[run[0]].province.clone(),
                regions: codes.len(),
                members: in_programme,
                share: in_programme as f64 / codes.len() as f64,
            }
        })
        .collect()
}

/// The whole payload for `year`.
pub fn participation(regions: &[Region], programme: &Programme, year: u16, lang: Lang, theme: Theme) -> Participation {
    let cohorts = cohort_figures(programme, year, theme);
    Participation {
        year,
        title: title(lang, year),
        description: description(lang, &cohorts),
        provinces: province_figures(regions, programme, year),
        cohorts,
    }
}

fn pick<T>(lang: Lang, id: T, en: T) -> T {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// "Participation by cohort up to 2024".
pub fn title(lang: Lang, year: u16) -> String {
    pick(lang, format!("Partisipasi per angkatan hingga {year}"), format!("Participation by cohort up to {year}"))
}

/// The chart's facts in a sentence per cohort.
pub fn description(lang: Lang, cohorts: &[CohortFigure]) -> String {
    let lines: Vec<String> = cohorts
        .iter()
        .map(|c| {
            let identified = c.confirmed + c.doubtful;
            pick(
                lang,
                format!(
                    "{}: {} resmi, {} teridentifikasi ({} terkonfirmasi, {} diragukan), {} anggota kumulatif.",
                    c.year, c.official, identified, c.confirmed, c.doubtful, c.members
                ),
                format!(
                    "{}: {} official, {} identified ({} confirmed, {} doubtful), {} members in all.",
                    c.year, c.official, identified, c.confirmed, c.doubtful, c.members
                ),
            )
        })
        .collect();
    let lead = pick(
        lang,
        "Per angkatan: jumlah kabupaten/kota resmi, teridentifikasi dan anggota kumulatif.",
        "Per cohort: official number of regencies and cities, identified, and cumulative members.",
    );
    format!("{lead} {}", lines.join(" "))
}

const WIDTH: i64 = 560;
const HEIGHT: i64 = 320;
const LEFT: i64 = 48;
const RIGHT: i64 = 16;
const TOP: i64 = 44;
const BOTTOM: i64 = 84;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/// A tick step that gives about five gridlines up to `max`.
fn tick_step(max: usize) -> usize {
    [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000]
        .into_iter()
        .find(|&step| max.div_ceil(step) <= 6)
        .unwrap_or(10_000)
}

/// The cohort chart as a standalone SVG document: per cohort a bar of the official count beside a
/// bar of the identified members (confirmed solid, doubtful lighter and hatched), and a line of
/// the cumulative members; all facts again in `<desc>`.
pub fn cohort_chart_svg(cohorts: &[CohortFigure], lang: Lang, theme: Theme, year: u16) -> String {
    let colours = theme.colours();
    let max = cohorts.iter().map(|c| (c.official as usize).max(c.confirmed + c.doubtful).max(c.members)).max();
    let step = tick_step(max.unwrap_or(0).max(1));
    let top_value = (max.unwrap_or(0).max(1)).div_ceil(step) * step;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y_of = |value: usize| TOP + plot_h - (value as i64 * plot_h) / top_value as i64;
    let title = title(lang, year);
    let mut svg = String::with_capacity(8 * 1024);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="pc-chart-title pc-chart-desc" lang="{}" font-family="{FONT}">"#,
        lang.key()
    );
    let _ = write!(
        svg,
        r#"<title id="pc-chart-title">{}</title><desc id="pc-chart-desc">{}</desc>"#,
        escape(&title),
        escape(&description(lang, cohorts))
    );
    let _ = write!(
        svg,
        r#"<defs><pattern id="pc-chart-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="5" fill="{}"/></pattern></defs>"#,
        colours.hatch
    );
    let _ = write!(svg, r#"<rect width="100%" height="100%" fill="{}"/>"#, colours.background);
    let _ = write!(
        svg,
        r#"<text x="{LEFT}" y="24" font-size="15" font-weight="700" fill="{}">{}</text>"#,
        colours.text,
        escape(&title)
    );
    // Gridlines and the value axis.
    let _ = write!(svg, r#"<g font-size="11" fill="{}" text-anchor="end" aria-hidden="true">"#, colours.muted_text);
    let mut value = 0;
    while value <= top_value {
        let y = y_of(value);
        let _ = write!(
            svg,
            r#"<line x1="{LEFT}" x2="{}" y1="{y}" y2="{y}" stroke="{}" stroke-width="1"/><text x="{}" y="{}">{value}</text>"#,
            WIDTH - RIGHT,
            colours.neutral,
            LEFT - 6,
            y + 4
        );
        value += step;
    }
    svg.push_str("</g>");
    if cohorts.is_empty() {
        svg.push_str("</svg>\n");
        return svg;
    }
    let n = cohorts.len() as i64;
    let group = plot_w / n;
    let bar = (group * 3 / 10).clamp(4, 28);
    let centre = |i: usize| LEFT + group * i as i64 + group / 2;
    let base = y_of(0);
    let _ = write!(svg, r#"<g aria-hidden="true">"#);
    for (i, c) in cohorts.iter().enumerate() {
        let cx = centre(i);
        // Official: an outlined neutral bar left of centre.
        let y_off = y_of(usize::from(c.official));
        let _ = write!(
            svg,
            r#"<rect x="{}" y="{y_off}" width="{bar}" height="{}" fill="{}" stroke="{}"/>"#,
            cx - bar - 1,
            base - y_off,
            colours.neutral,
            colours.muted_text
        );
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="{}">{}</text>"#,
            cx - bar / 2 - 1,
            y_off - 3,
            colours.muted_text,
            c.official
        );
        // Identified: confirmed solid, doubtful stacked above it, lighter and hatched.
        let y_conf = y_of(c.confirmed);
        let y_all = y_of(c.confirmed + c.doubtful);
        let x = cx + 1;
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="{y_conf}" width="{bar}" height="{}" fill="{}"/>"#,
            base - y_conf,
            escape(&c.fill)
        );
        if c.doubtful > 0 {
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{y_all}" width="{bar}" height="{h}" fill="{f}" fill-opacity="0.45"/><rect x="{x}" y="{y_all}" width="{bar}" height="{h}" fill="url(#pc-chart-hatch)"/>"#,
                h = y_conf - y_all,
                f = escape(&c.fill)
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="{}">{}</text>"#,
            x + bar / 2,
            y_all - 3,
            colours.text,
            c.confirmed + c.doubtful
        );
        let _ = write!(
            svg,
            r#"<text x="{cx}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>"#,
            base + 16,
            colours.text,
            c.year
        );
    }
    // Cumulative members: a line with dots, labelled.
    let points: Vec<String> =
        cohorts.iter().enumerate().map(|(i, c)| format!("{},{}", centre(i), y_of(c.members))).collect();
    let _ = write!(
        svg,
        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
        points.join(" "),
        colours.text
    );
    for (i, c) in cohorts.iter().enumerate() {
        let (cx, cy) = (centre(i), y_of(c.members));
        // Lifted clear of the bar labels when the dot sits on top of the bars.
        let near_bars =
            (cy - y_of(c.confirmed + c.doubtful)).abs() < 16 || (cy - y_of(usize::from(c.official))).abs() < 16;
        let label_y = if near_bars { cy - 18 } else { cy - 6 };
        let _ = write!(
            svg,
            r#"<circle cx="{cx}" cy="{cy}" r="4" fill="{}" stroke="{}" stroke-width="2"/><text x="{}" y="{}" font-size="10" font-weight="700" fill="{}">{}</text>"#,
            colours.background,
            colours.text,
            cx + 6,
            label_y,
            colours.text,
            c.members
        );
    }
    svg.push_str("</g>");
    // Key.
    let keys = [
        (pick(lang, "Resmi", "Official"), "official"),
        (pick(lang, "Terkonfirmasi", "Confirmed"), "confirmed"),
        (pick(lang, "Diragukan", "Doubtful"), "doubtful"),
        (pick(lang, "Anggota kumulatif", "Cumulative members"), "members"),
    ];
    let first_fill = escape(&cohorts[0].fill);
    let key_y = HEIGHT - 30;
    let _ = write!(svg, r#"<g font-size="12" fill="{}">"#, colours.text);
    let mut x = LEFT;
    for (label, kind) in keys {
        match kind {
            "official" => {
                let _ = write!(
                    svg,
                    r#"<rect x="{x}" y="{}" width="14" height="12" fill="{}" stroke="{}"/>"#,
                    key_y - 10,
                    colours.neutral,
                    colours.muted_text
                );
            }
            "confirmed" => {
                let _ = write!(svg, r#"<rect x="{x}" y="{}" width="14" height="12" fill="{first_fill}"/>"#, key_y - 10);
            }
            "doubtful" => {
                let _ = write!(
                    svg,
                    r#"<rect x="{x}" y="{y}" width="14" height="12" fill="{first_fill}" fill-opacity="0.45"/><rect x="{x}" y="{y}" width="14" height="12" fill="url(#pc-chart-hatch)"/>"#,
                    y = key_y - 10
                );
            }
            _ => {
                let _ = write!(
                    svg,
                    r#"<line x1="{x}" x2="{}" y1="{y}" y2="{y}" stroke="{c}" stroke-width="2"/><circle cx="{}" cy="{y}" r="3" fill="{}" stroke="{c}" stroke-width="2"/>"#,
                    x + 14,
                    x + 7,
                    colours.background,
                    y = key_y - 4,
                    c = colours.text
                );
            }
        }
        let _ = write!(svg, r#"<text x="{}" y="{key_y}">{}</text>"#, x + 19, escape(label));
        x += 26 + 7 * label.chars().count() as i64;
    }
    svg.push_str("</g>");
    let _ = write!(
        svg,
        r#"<text x="{LEFT}" y="{}" font-size="10" fill="{}">{}</text>"#,
        HEIGHT - 10,
        colours.muted_text,
        escape(pick(
            lang,
            "Batang berwarna: anggota angkatan yang teridentifikasi; warna = angkatan di peta.",
            "Coloured bars: the cohort's identified members; colour = the cohort on the map.",
        ))
    );
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::Confidence;
    use std::collections::BTreeSet;

    use crate::programme::packaged as programme;

    /// Every kab/kota that any membership names, as a region of its province (by code).
    fn regions(programme: &Programme) -> Vec<Region> {
        let mut codes: BTreeSet<RegionCode> = programme.memberships().iter().map(|m| m.code).collect();
        // A few non-members in some provinces, and a province with none.
        codes.insert(RegionCode { province: 35, regency: 99 });
        codes.insert(RegionCode { province: 99, regency: 98 });
        codes
            .into_iter()
            .map(|code| Region {
                code,
                name: format!("Region {code}"),
                province: format!("Provinsi {:02}", code.province),
            })
            .collect()
    }

    #[test]
    fn cohort_figures_match_a_brute_force_count() {
        let programme = programme();
        let regions = regions(&programme);
        for year in programme.cohort_years() {
            let figures = cohort_figures(&programme, year, Theme::Light);
            assert_eq!(
                figures.iter().map(|f| f.year).collect::<Vec<_>>(),
                programme.cohort_years().into_iter().filter(|&y| y <= year).collect::<Vec<_>>()
            );
            for figure in &figures {
                let (mut confirmed, mut doubtful, mut members) = (0, 0, 0);
                for region in &regions {
                    let memberships: Vec<_> = programme.memberships_of(region.code).collect();
                    let this_year: Vec<_> = memberships.iter().filter(|m| m.year == figure.year).collect();
                    if !this_year.is_empty() {
                        if this_year.iter().any(|m| m.confidence == Confidence::Confirmed) {
                            confirmed += 1;
                        } else {
                            doubtful += 1;
                        }
                    }
                    if memberships.iter().any(|m| m.year <= figure.year) {
                        members += 1;
                    }
                }
                assert_eq!(
                    (figure.confirmed, figure.doubtful, figure.members),
                    (confirmed, doubtful, members),
                    "{}",
                    figure.year
                );
                assert_eq!(figure.official, programme.cohort(figure.year).unwrap().official);
                assert!(figure.fill.starts_with('#') && figure.fill.len() == 7);
            }
        }
    }

    #[test]
    fn province_shares_sum_to_the_members() {
        let programme = programme();
        let regions = regions(&programme);
        for year in programme.cohort_years() {
            let provinces = province_figures(&regions, &programme, year);
            let names: Vec<&str> = provinces.iter().map(|p| p.province.as_str()).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            assert_eq!(names, sorted, "sorted by province name");
            assert_eq!(provinces.iter().map(|p| p.regions).sum::<usize>(), regions.len());
            assert_eq!(provinces.iter().map(|p| p.members).sum::<usize>(), programme.members_as_of(year).len());
            let by_share: f64 = provinces.iter().map(|p| p.share * p.regions as f64).sum();
            assert!((by_share - programme.members_as_of(year).len() as f64).abs() < 1e-6);
            assert!(provinces.iter().all(|p| (0.0..=1.0).contains(&p.share)));
            let empty = provinces.iter().find(|p| p.province == "Provinsi 99").unwrap();
            assert_eq!((empty.regions, empty.members, empty.share), (1, 0, 0.0));
        }
    }

    #[test]
    fn the_chart_parses_names_every_cohort_and_escapes_text() {
        let programme = programme();
        let year = programme.latest_year();
        for (lang, theme) in [(Lang::Id, Theme::Light), (Lang::En, Theme::Dark)] {
            let figures = cohort_figures(&programme, year, theme);
            let svg = cohort_chart_svg(&figures, lang, theme, year);
            resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("the chart is valid SVG");
            assert!(svg.contains(r#"role="img""#) && svg.contains("<title") && svg.contains("<desc"));
            for figure in &figures {
                assert!(svg.contains(&format!(">{}</text>", figure.year)), "{} has no label", figure.year);
                assert!(svg.contains(&figure.fill));
            }
            assert!(svg.contains(&escape(&description(lang, &figures))));
        }
        // Text from outside stays text.
        let mut hostile = cohort_figures(&programme, year, Theme::Light);
        hostile[0].fill = r#""/><script>alert(1)</script>"#.to_owned();
        let svg = cohort_chart_svg(&hostile, Lang::En, Theme::Light, year);
        assert!(!svg.contains("<script"));
        resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("still valid SVG");
        // No cohorts: still a valid, empty chart.
        let empty = cohort_chart_svg(&[], Lang::Id, Theme::Light, 2017);
        resvg::usvg::Tree::from_str(&empty, &resvg::usvg::Options::default()).unwrap();
    }

    #[test]
    fn the_payload_is_for_the_year() {
        let programme = programme();
        let regions = regions(&programme);
        let payload = participation(&regions, &programme, 2019, Lang::En, Theme::Light);
        assert_eq!(payload.cohorts.last().map(|c| c.year), Some(2019));
        assert!(payload.title.contains("2019"));
        assert!(payload.description.starts_with("Per cohort"));
        let json = serde_json::to_value(&payload).unwrap();
        assert!(json["cohorts"][0].get("official").is_some() && json["provinces"][0].get("share").is_some());
    }
}
