//! The reports' WebAssembly binding (feature `reports`): the data table and its CSV, the
//! statistics, and the participation figures and chart ([`reports::Reports`]). No first look at
//! the map needs them, so the map's wasm, which every reader downloads before the map answers,
//! carries none of them; the element loads this one the first time a page shows a report (see
//! docs/web-api.md).

use crate::asset::Overview;
use crate::contract::{self, json};
use crate::map::MapError;
use crate::programme::Programme;
use crate::reports;
use wasm_bindgen::prelude::*;

/// The reports of the map's data ([`reports::Reports`]): made from the overview and the
/// programme the map loaded, fed the same sources files, and told the map's year, language and
/// theme before each answer ([`Reports::follow`]).
#[wasm_bindgen]
pub struct Reports {
    reports: reports::Reports,
}

#[wasm_bindgen]
impl Reports {
    /// From the overview the map loaded (`overview.bin`: its regions' names and provinces) and
    /// the packed programme (`programme.bin`); throws on either that is damaged or of another version.
    #[wasm_bindgen(constructor)]
    pub fn new(overview: &[u8], programme: &[u8]) -> Result<Reports, JsError> {
        let regions = Overview::from_bytes(overview).map_err(MapError::Asset)?.regions;
        let programme = Programme::from_bytes(programme).map_err(MapError::Programme)?;
        Ok(Reports { reports: reports::Reports::new(regions, programme) })
    }

    #[wasm_bindgen(js_name = loadProgrammeSources)]
    pub fn load_programme_sources(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        Ok(self.reports.add_sources(bytes).map_err(MapError::Programme)?)
    }

    /// The map's year, language and theme, as its `ui()` answers them.
    pub fn follow(&mut self, year: f64, lang: &str, theme: &str) -> Result<(), JsError> {
        let year = contract::whole_year(year)?;
        Ok(self.reports.follow(year, lang, theme)?)
    }

    /// JSON `Stats`: what `peta-cerdas stats --year <year>` prints.
    pub fn stats(&self) -> String {
        json(&self.reports.stats())
    }

    /// JSON `TableRow[]`: one row per region that is a member by the year.
    pub fn table(&self) -> String {
        json(&self.reports.table())
    }

    /// JSON `Participation`: the cohorts up to the year and every province.
    pub fn participation(&self) -> String {
        json(&self.reports.participation())
    }

    /// The cohort chart of the year as a standalone SVG document.
    #[wasm_bindgen(js_name = cohortChartSvg)]
    pub fn cohort_chart_svg(&self) -> String {
        self.reports.cohort_chart_svg()
    }

    /// The data table of the year as a CSV file (UTF-8 with BOM), in the language.
    #[wasm_bindgen(js_name = tableCsv)]
    pub fn table_csv(&self) -> String {
        self.reports.table_csv()
    }
}
