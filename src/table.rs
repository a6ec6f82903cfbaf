//! The map's text equivalent: one row per member region with its years, pillars and sources.
//! The element shows it under the map, and the build writes it for browsers without WebAssembly.

use crate::order;
use crate::programme::{CitationKind, Confidence, Programme};
use crate::region::Region;
use crate::style::{i18n, Lang};
use serde::Serialize;

/// One member region as the data table lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TableRow {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub province: String,
    pub years: Vec<u16>,
    /// A membership of the region is inferred or conflicting in the sources.
    pub flagged: bool,
    pub pillars: Vec<&'static str>,
    pub sources: Vec<String>,
}

/// Members by `year` as table rows, sorted by province and name: the map's text equivalent,
/// also written at build time for browsers without WebAssembly.
pub fn table_rows(regions: &[Region], programme: &Programme, year: u16, lang: Lang) -> Vec<TableRow> {
    let rows: Vec<TableRow> = regions
        .iter()
        .enumerate()
        .filter_map(|(index, region)| {
            let memberships: Vec<_> =
                programme.memberships_of(region.code).into_iter().filter(|m| m.year <= year).collect();
            if memberships.is_empty() {
                return None;
            }
            let mut sources: Vec<String> = memberships.iter().map(|m| m.source.url.clone()).collect();
            sources.extend(
                programme
                    .citations_of(region.code)
                    .into_iter()
                    .filter(|c| c.kind != CitationKind::Unnamed)
                    .map(|c| c.source_url.clone()),
            );
            sources.dedup();
            Some(TableRow {
                index,
                code: region.code.to_string(),
                name: region.name.clone(),
                province: region.province.clone(),
                years: memberships.iter().map(|m| m.year).collect(),
                flagged: memberships.iter().any(|m| m.confidence != Confidence::Confirmed),
                pillars: programme.pillars_of(region.code).into_iter().map(|p| i18n::pillar_name(lang, p)).collect(),
                sources,
            })
        })
        .collect();
    order::sort_by(rows, &|a, b| a.province.cmp(&b.province).then_with(|| a.name.cmp(&b.name)))
}
