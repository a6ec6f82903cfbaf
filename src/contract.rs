//! The Rust↔JS contract: every value the WebAssembly binding hands the element, as JSON text.
//! These structs are its one definition; `tests` below writes them as TypeScript
//! (`npm/contract.d.ts`) and the keyword lists as an ES module (`www/element/contract.js`), and
//! fails when either file no longer matches, so the types, the docs and the element cannot drift.
//! Keys are camelCase; "none" is `null`.

use crate::map::{MapError, MapState};
use crate::programme::Pillar;
use crate::region::Region;
use crate::scene::describe;
use crate::style::{i18n, Class, PillarFocus};
use serde::Serialize;

pub use crate::indicator::IndicatorReport;
pub use crate::participation::{CohortFigure, Participation, ProvinceFigure};
pub use crate::stats::Stats;
pub use crate::table::TableRow;

/// A region as `regionAt` names it.
pub fn region_ref(region: &Region) -> RegionRef {
    RegionRef { code: region.code.to_string(), name: region.name.clone(), province: region.province.clone() }
}

/// Everything the controls around the map show.
pub fn ui(map: &MapState) -> Option<Ui> {
    let styling = map.styling()?;
    let programme = map.programme()?;
    let lang = map.lang();
    let colouring = map.colouring();
    Some(Ui {
        year: colouring.year,
        years: programme.cohort_years(),
        mode: colouring.mode.key(),
        pillar: colouring.pillar.key(),
        lang: lang.key(),
        theme: map.theme().key(),
        title: styling.title,
        subtitle: styling.subtitle,
        summary: styling.summary,
        attribution: styling.attribution,
        indicator: map.indicator().map(|layer| layer.label.clone()),
        pillars: Pillar::ALL
            .into_iter()
            .map(|p| UiPillar { key: p.key(), label: i18n::pillar_name(lang, p) })
            .collect(),
        legend: UiLegend {
            title: styling.legend.title,
            entries: styling
                .legend
                .entries
                .into_iter()
                .map(|entry| UiLegendEntry {
                    key: entry.class.map(Class::key),
                    label: entry.label,
                    count: entry.count,
                    fill: entry.fill.to_string(),
                    hatched: entry.hatched,
                    dashed: entry.dashed,
                    hidden: entry.hidden,
                })
                .collect(),
        },
        identified: programme
            .cohorts()
            .iter()
            .map(|cohort| {
                let split = programme.identified_split(cohort.year);
                UiIdentified {
                    year: cohort.year,
                    confirmed: split.confirmed,
                    doubtful: split.doubtful,
                    official: cohort.official,
                    text: i18n::identified(lang, cohort.year, split, cohort.official),
                }
            })
            .collect(),
        selected: map.selected(),
        hovered: map.hovered(),
        sources: map.sources_wanted(false).is_empty(),
    })
}

/// One region with its memberships, pillars and sources, for the tooltip and the panel.
pub fn region_info(map: &MapState, index: usize) -> Option<RegionInfo> {
    let (atlas, programme) = (map.atlas()?, map.programme()?);
    let region = atlas.regions().get(index)?;
    let lang = map.lang();
    Some(RegionInfo {
        index,
        code: region.code.to_string(),
        name: region.name.clone(),
        province: region.province.clone(),
        description: describe(lang, region, programme, map.colouring().year),
        value: map.indicator().map(|layer| UiValue {
            label: layer.label.clone(),
            text: layer.values[index]
                .map_or_else(|| i18n::class_label(lang, Class::NoValue, PillarFocus::Count), |v| i18n::number(lang, v)),
            value: layer.values[index],
        }),
        memberships: programme
            .memberships_of(region.code)
            .map(|m| UiMembership {
                year: m.year,
                confidence: m.confidence.key(),
                confidence_note: m.confidence_note.clone(),
                source_url: m.source.url.clone(),
                source_title: m.source.title.clone(),
                note: m.note.clone(),
            })
            .collect(),
        pillars: programme
            .pillars_of(region.code)
            .iter()
            .map(|pillar| UiPillar { key: pillar.key(), label: i18n::pillar_name(lang, pillar) })
            .collect(),
        citations: programme
            .citations_of(region.code)
            .into_iter()
            .map(|c| UiCitation {
                pillars: c.pillars.iter().map(|&p| i18n::pillar_name(lang, p)).collect(),
                kind: c.kind.key(),
                source_url: c.source_url.clone(),
                quote: c.quote.clone(),
            })
            .collect(),
    })
}

/// A year as JS hands it (a number), when it is a whole one a programme could have.
pub fn whole_year(year: f64) -> Result<u16, MapError> {
    if year.is_finite() && year.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&year) {
        Ok(year as u16)
    } else {
        Err(MapError::YearNotWhole)
    }
}

/// A contract value as the JSON text the bindings answer (`None` is `null`).
pub fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// What a search box finds: the region whose Kemendagri code the query is (`35.20`, `3520`),
/// else the typo-tolerant search over region names.
pub fn search(map: &MapState, query: &str, limit: usize) -> Vec<SearchHit> {
    let (Some(atlas), Some(names)) = (map.atlas(), map.names()) else {
        return Vec::new();
    };
    let by_code = query.parse().ok().and_then(|code| atlas.index_of(code)).filter(|_| limit > 0);
    let found = match by_code {
        Some(index) => vec![index],
        None => names.search(query, limit.min(50)),
    };
    found
        .into_iter()
        .map(|index| {
            let region = &atlas.regions()[index];
            SearchHit {
                index,
                code: region.code.to_string(),
                name: region.name.clone(),
                province: region.province.clone(),
            }
        })
        .collect()
}

/// A region by code and name.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RegionRef {
    /// The Kemendagri code, such as "35.20".
    pub code: String,
    pub name: String,
    pub province: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Ui {
    pub year: u16,
    pub years: Vec<u16>,
    #[cfg_attr(test, ts(type = "Mode"))]
    pub mode: &'static str,
    #[cfg_attr(test, ts(type = "PillarChoice"))]
    pub pillar: &'static str,
    #[cfg_attr(test, ts(type = "Lang"))]
    pub lang: &'static str,
    #[cfg_attr(test, ts(type = "Theme"))]
    pub theme: &'static str,
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    pub attribution: String,
    /// The six pillars in programme order, named in the current language, for the pillar picker.
    pub pillars: Vec<UiPillar>,
    /// The loaded indicator's name (its value column's header), if any: the mode picker offers it.
    pub indicator: Option<String>,
    pub legend: UiLegend,
    pub identified: Vec<UiIdentified>,
    /// The selected region's index, if any.
    pub selected: Option<usize>,
    /// The region under the pointer, if any.
    pub hovered: Option<usize>,
    /// Whether the source links, notes and quotes this view shows are loaded: the selected
    /// region's, and every region's while the table is open (`setTableOpen`). Until they are,
    /// `regionInfo` and `table` answer without them (`sourcesWanted`, `loadProgrammeSources`).
    pub sources: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiLegend {
    pub title: String,
    pub entries: Vec<UiLegendEntry>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiLegendEntry {
    pub key: Option<String>,
    pub label: String,
    pub count: usize,
    pub fill: String,
    pub hatched: bool,
    /// The entry stands for the dashed outline of doubtful listings, not a fill.
    pub dashed: bool,
    pub hidden: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiIdentified {
    pub year: u16,
    /// Members no source doubts.
    pub confirmed: usize,
    /// Members listed only on inferred or conflicting evidence.
    pub doubtful: usize,
    pub official: u16,
    pub text: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub province: String,
    pub description: String,
    /// The region's value in the loaded indicator, if one is loaded.
    pub value: Option<UiValue>,
    pub memberships: Vec<UiMembership>,
    pub pillars: Vec<UiPillar>,
    pub citations: Vec<UiCitation>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UiMembership {
    pub year: u16,
    #[cfg_attr(test, ts(type = "Confidence"))]
    pub confidence: &'static str,
    pub confidence_note: String,
    pub source_url: String,
    pub source_title: String,
    pub note: String,
}

/// A region's value in the loaded indicator.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiValue {
    pub label: String,
    pub value: Option<f64>,
    /// The value as the language writes it, or "no value".
    pub text: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiPillar {
    #[cfg_attr(test, ts(type = "Pillar"))]
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UiCitation {
    pub pillars: Vec<&'static str>,
    #[cfg_attr(test, ts(type = "CitationKind"))]
    pub kind: &'static str,
    pub source_url: String,
    pub quote: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SearchHit {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub province: String,
}

/// The first paint (`preview.json`, written by `render::preview`): the home view's borders and
/// what the interactive map would show there for every cohort year, theme and language, so the
/// element can draw the requested one before the wasm runs.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The grid the paths are drawn on, fitted in the map's box as the home view fits the country.
    pub width: f64,
    pub height: f64,
    /// The country's `[west, south, east, north]` in degrees, which the grid spans; the
    /// interactive map reads the paths back on it as its coarsest level.
    pub bounds: [f64; 4],
    /// SVG path data of each region, in atlas order (`asset::paths`).
    pub paths: Vec<String>,
    /// Per theme: the page colours and the fill of each class.
    pub themes: Vec<PreviewTheme>,
    /// Per cohort year, oldest first.
    pub years: Vec<PreviewYear>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PreviewTheme {
    #[cfg_attr(test, ts(type = "Theme"))]
    pub theme: &'static str,
    pub background: String,
    pub stroke: String,
    pub hatch: String,
    /// The dashed outline of doubtful listings.
    pub doubtful: String,
    /// The fill of class `i`, the `i`th character of `PreviewYear.classes` in base 36.
    pub fills: Vec<String>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PreviewYear {
    pub year: u16,
    /// One base-36 digit per region, in the order of the document's paths: its class.
    pub classes: String,
    /// Regions hatched as repeat members.
    pub hatched: Vec<usize>,
    /// Regions outlined dashed: first listing doubtful.
    pub doubtful: Vec<usize>,
    /// What `ui()` answers in that year, for each language and theme (`lang`, `theme` inside).
    pub ui: Vec<Ui>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyword::Keyword;
    use crate::map::FocusMove;
    use crate::programme::{CitationKind, Confidence};
    use crate::scene::{BORDER_WIDTH, DOUBTFUL_DASH, DOUBTFUL_WIDTH, FULL_OUTLINE_PX_PER_DEGREE};
    use crate::stats::{CohortStats, PillarStats};
    use crate::style::{Lang, Mode, Theme, ThemeChoice};
    use std::path::Path;
    use ts_rs::TS;

    const REGENERATE: &str = "PETA_UPDATE_CONTRACT=1 cargo test --lib contract";

    /// Every keyword set that crosses to JS: (TypeScript type, JS constant, keys).
    fn keywords() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
        vec![
            ("Mode", "MODES", Mode::keys()),
            ("PillarChoice", "PILLARS", PillarFocus::keys()),
            ("Pillar", "PILLAR_KEYS", Pillar::keys()),
            ("Lang", "LANGS", Lang::keys()),
            ("ThemeChoice", "THEMES", ThemeChoice::keys()),
            ("Theme", "RESOLVED_THEMES", Theme::keys()),
            ("FocusMove", "FOCUS_MOVES", FocusMove::keys()),
            ("Confidence", "CONFIDENCES", Confidence::keys()),
            ("CitationKind", "CITATION_KINDS", CitationKind::keys()),
        ]
    }

    fn typescript() -> String {
        let mut out = format!(
            "// The Rust↔JS contract of peta-cerdas, generated from src/contract.rs: do not edit.\n\
             // `{REGENERATE}` rewrites it after a change to those structs.\n\n"
        );
        for (name, _, keys) in keywords() {
            let union: Vec<String> = keys.iter().map(|key| format!("\"{key}\"")).collect();
            out.push_str(&format!("export type {name} = {};\n\n", union.join(" | ")));
        }
        let cfg = ts_rs::Config::default();
        for decl in [
            Ui::decl(&cfg),
            UiLegend::decl(&cfg),
            UiLegendEntry::decl(&cfg),
            UiIdentified::decl(&cfg),
            UiPillar::decl(&cfg),
            RegionInfo::decl(&cfg),
            UiMembership::decl(&cfg),
            UiValue::decl(&cfg),
            UiCitation::decl(&cfg),
            RegionRef::decl(&cfg),
            SearchHit::decl(&cfg),
            Preview::decl(&cfg),
            PreviewTheme::decl(&cfg),
            PreviewYear::decl(&cfg),
            TableRow::decl(&cfg),
            IndicatorReport::decl(&cfg),
            Stats::decl(&cfg),
            CohortStats::decl(&cfg),
            PillarStats::decl(&cfg),
            Participation::decl(&cfg),
            CohortFigure::decl(&cfg),
            ProvinceFigure::decl(&cfg),
        ] {
            out.push_str(&format!("export {decl}\n\n"));
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    fn javascript() -> String {
        let mut out = format!(
            "// The keyword lists of the Rust core (src/keyword.rs) and the lines the preview draws as the\n\
             // map does (src/scene), generated from src/contract.rs: do not edit.\n\
             // `{REGENERATE}` rewrites it.\n"
        );
        for (_, constant, keys) in keywords() {
            let list: Vec<String> = keys.iter().map(|key| format!("'{key}'")).collect();
            out.push_str(&format!("\nexport const {constant} = Object.freeze([{}]);\n", list.join(", ")));
        }
        let [dash, gap] = DOUBTFUL_DASH;
        out.push_str(&format!(
            "\n/** Line widths and dashes in CSS px (src/scene). */\n\
             export const LINES = Object.freeze({{ border: {BORDER_WIDTH}, doubtfulDash: [{dash}, {gap}], \
             doubtfulWidth: {DOUBTFUL_WIDTH}, fullOutlinePxPerDegree: {FULL_OUTLINE_PX_PER_DEGREE} }});\n"
        ));
        out
    }

    /// Compares a generated file with the committed one; rewrites it on request.
    fn check(path: &str, generated: &str) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::env::var_os("PETA_UPDATE_CONTRACT").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, generated).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} does not match the contract in src/contract.rs; if the change is intended, run `{REGENERATE}`\n\
             --- generated ---\n{generated}",
            path.display()
        );
    }

    #[test]
    fn typescript_types_match_the_structs() {
        check("npm/contract.d.ts", &typescript());
    }

    #[test]
    fn keyword_lists_match_the_enums() {
        check("www/element/contract.js", &javascript());
    }

    /// The payloads are camelCase and say "none" with `null`, never -1.
    #[test]
    fn payloads_are_camel_case_with_null_for_none() {
        let mut map = MapState::new();
        map.load_programme(
            include_str!("../data/programme/members.csv"),
            include_str!("../data/programme/pillars.csv"),
            include_str!("../data/programme/cohorts.csv"),
        )
        .unwrap();
        let stats = serde_json::to_value(crate::stats::Stats::new(514, map.programme().unwrap(), 2021)).unwrap();
        assert!(stats.get("membersAsOfYear").is_some(), "{stats}");
        let typescript = typescript();
        for key in ["selected: number | null", "hovered: number | null", "membersAsOfYear: number"] {
            assert!(typescript.contains(key), "{key} missing from the contract");
        }
        for gone in ["focused", "loadedDetail", "zoom", "_"] {
            assert!(!typescript.contains(&format!("{gone}:")), "{gone} is in the contract");
        }
    }
}
