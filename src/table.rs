//! The map's text equivalent: one row per member region with its years, pillars and sources.
//! The element shows it under the map, and the build writes it for browsers without WebAssembly.

use crate::csv_text;
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
    /// How firmly the sources place the region in each of `years`.
    #[cfg_attr(test, ts(type = "Array<Confidence>"))]
    pub confidences: Vec<Confidence>,
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
            let memberships: Vec<_> = programme.memberships_of(region.code).filter(|m| m.year <= year).collect();
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
                confidences: memberships.iter().map(|m| m.confidence).collect(),
                flagged: memberships.iter().any(|m| m.confidence != Confidence::Confirmed),
                pillars: programme.pillars_of(region.code).iter().map(|p| i18n::pillar_name(lang, p)).collect(),
                sources,
            })
        })
        .collect();
    order::sort_by(rows, &|a, b| a.province.cmp(&b.province).then_with(|| a.name.cmp(&b.name)))
}

/// The rows as a CSV file for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
/// names right), headers in the language, every year with its confidence and every source URL.
pub fn to_csv(rows: &[TableRow], lang: Lang) -> String {
    let header: [&str; 7] = match lang {
        Lang::Id => ["Kabupaten/kota", "Kode", "Provinsi", "Tahun bergabung", "Keyakinan", "Pilar", "Sumber"],
        Lang::En => ["Regency/city", "Code", "Province", "Years joined", "Confidence", "Pillars", "Sources"],
    };
    // Every cell made inert: the programme files are user input.
    let record = |cells: [String; 7]| cells.iter().map(|cell| inert(cell)).collect::<Vec<String>>();
    let mut records = vec![record(header.map(str::to_owned))];
    for row in rows {
        let years: Vec<String> = row.years.iter().map(u16::to_string).collect();
        let confidences: Vec<String> = row
            .years
            .iter()
            .zip(&row.confidences)
            .map(|(year, &confidence)| format!("{year}: {}", i18n::confidence(lang, confidence)))
            .collect();
        records.push(record([
            row.name.clone(),
            row.code.clone(),
            row.province.clone(),
            years.join("; "),
            confidences.join("; "),
            row.pillars.join("; "),
            row.sources.join(" "),
        ]));
    }
    format!("\u{feff}{}", csv_text::write(records.iter().map(Vec::as_slice)))
}

/// A cell a spreadsheet will not run as a formula: programme files are user input.
fn inert(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, years: Vec<u16>, confidences: Vec<Confidence>) -> TableRow {
        TableRow {
            index: 0,
            code: "35.20".to_owned(),
            name: name.to_owned(),
            province: "Jawa Timur".to_owned(),
            years,
            confidences,
            flagged: false,
            pillars: vec!["Tata kelola", "Ekonomi"],
            sources: vec!["https://a.example/1".to_owned(), "https://b.example/2?x=1,2".to_owned()],
        }
    }

    #[test]
    fn csv_opens_in_spreadsheets_with_every_year_and_source() {
        let csv = to_csv(
            &[row("Kabupaten Magetan", vec![2017, 2021], vec![Confidence::Confirmed, Confidence::Conflicting])],
            Lang::Id,
        );
        assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
        let records: Vec<_> = csv_text::records(csv.trim_start_matches('\u{feff}'), b',').collect();
        assert_eq!(records[0].get(0), Some("Kabupaten/kota"));
        let record = &records[1].fields;
        assert_eq!(record[0], "Kabupaten Magetan");
        assert_eq!(record[3], "2017; 2021");
        assert_eq!(record[4], "2017: terkonfirmasi; 2021: sumber bertentangan");
        assert_eq!(record[5], "Tata kelola; Ekonomi");
        assert_eq!(record[6], "https://a.example/1 https://b.example/2?x=1,2");
    }

    #[test]
    fn formulas_in_user_data_stay_text() {
        let csv = to_csv(&[row("=HYPERLINK(\"http://x\")", vec![2017], vec![Confidence::Confirmed])], Lang::En);
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        assert!(csv.contains("Regency/city"));
    }
}
