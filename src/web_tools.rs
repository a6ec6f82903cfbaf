//! The second WebAssembly binding, for what a reader's first look at the map never needs. A site's
//! own CSV files are read into the bytes the map loads: a programme folder becomes the packed
//! files the build writes (`programme.bin` and `sources/all.bin`), an indicator file its read
//! rows. [`Reports`] answers the data table, its CSV, the statistics and the participation figures
//! and chart. The map's wasm, which every reader downloads before the map answers, then carries
//! no CSV parser and none of the reports; the element loads this one the first time a page names
//! its own CSV files or shows a report (see docs/web-api.md).

use crate::asset::Asset;
use crate::contract::{self, json};
use crate::map::{self, MapError};
use crate::names::NameIndex;
use crate::programme::Programme;
use crate::reports;
use wasm_bindgen::prelude::*;

/// A programme's facts and every province's texts, as `MapHandle.loadPackedProgramme` and
/// `MapHandle.loadProgrammeSources` take them.
#[wasm_bindgen]
pub struct PackedProgramme {
    programme: Vec<u8>,
    sources: Vec<u8>,
}

#[wasm_bindgen]
impl PackedProgramme {
    /// The facts (`programme.bin`).
    #[wasm_bindgen(getter)]
    pub fn programme(&self) -> Vec<u8> {
        self.programme.clone()
    }

    /// The source links, notes and quotes (`sources/all.bin`).
    #[wasm_bindgen(getter)]
    pub fn sources(&self) -> Vec<u8> {
        self.sources.clone()
    }
}

/// Reads the three CSV texts of a programme folder; throws with file and line on the first
/// problem, as the command line's `pack-programme` reports it.
#[wasm_bindgen(js_name = packProgramme)]
pub fn pack_programme(members: &str, pillars: &str, cohorts: &str) -> Result<PackedProgramme, JsError> {
    let programme = Programme::from_csv(members, pillars, cohorts).map_err(|e| error(MapError::Programme(e)))?;
    Ok(PackedProgramme { programme: programme.to_bytes(), sources: programme.all_sources() })
}

/// A developer's indicator read and matched: the layer `MapHandle.loadIndicator` shows, and the
/// JSON `IndicatorReport` of what matched.
#[wasm_bindgen]
pub struct ReadIndicator {
    layer: Vec<u8>,
    report: String,
}

#[wasm_bindgen]
impl ReadIndicator {
    #[wasm_bindgen(getter)]
    pub fn layer(&self) -> Vec<u8> {
        self.layer.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn report(&self) -> String {
        self.report.clone()
    }
}

/// Reads an indicator CSV and matches its rows to the regions of the boundary asset the map
/// loaded (`atlas`), by code, else by name; throws when the header has no code or name column or
/// no value column, or when no row is usable.
#[wasm_bindgen(js_name = readIndicator)]
pub fn read_indicator(csv: &str, atlas: &[u8]) -> Result<ReadIndicator, JsError> {
    let regions = Asset::regions_from_bytes(atlas).map_err(|e| error(MapError::Asset(e)))?;
    let (layer, report) = map::read_indicator(csv, &regions, &NameIndex::new(&regions)).map_err(error)?;
    Ok(ReadIndicator { layer: layer.to_bytes(), report: json(&report) })
}

fn error(error: MapError) -> JsError {
    JsError::new(&error.to_string())
}

/// The reports of the map's data ([`reports::Reports`]): made from the overview and the
/// programme the map loaded, fed the same sources files, and told the map's year, language and
/// theme before each answer ([`Reports::follow`]).
#[wasm_bindgen]
pub struct Reports {
    reports: reports::Reports,
}

#[wasm_bindgen]
impl Reports {
    /// From the boundary asset the map loaded (its regions' names and provinces) and the packed
    /// programme (`programme.bin`); throws on either that is damaged or of another version.
    #[wasm_bindgen(constructor)]
    pub fn new(atlas: &[u8], programme: &[u8]) -> Result<Reports, JsError> {
        let regions = Asset::regions_from_bytes(atlas).map_err(|e| error(MapError::Asset(e)))?;
        let programme = Programme::from_bytes(programme).map_err(|e| error(MapError::Programme(e)))?;
        Ok(Reports { reports: reports::Reports::new(regions, programme) })
    }

    #[wasm_bindgen(js_name = loadProgrammeSources)]
    pub fn load_programme_sources(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.reports.add_sources(bytes).map_err(|e| error(MapError::Programme(e)))
    }

    /// The map's year, language and theme, as its `ui()` answers them.
    pub fn follow(&mut self, year: f64, lang: &str, theme: &str) -> Result<(), JsError> {
        let year = contract::whole_year(year).map_err(error)?;
        self.reports.follow(year, lang, theme).map_err(error)
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
