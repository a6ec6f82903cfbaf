//! The CSV reader's WebAssembly binding (feature `csv`): a site's own CSV files read in the
//! browser into the bytes the map loads. A programme folder becomes the packed files the build
//! writes (`programme.bin` and `sources/all.bin`), an indicator file a value per region of the
//! map. The map's wasm, which every reader downloads before the map answers, then carries no CSV
//! parser; the element loads this one only for a page that names its own CSV files or shows an
//! indicator (see docs/web-api.md).

use crate::asset::Overview;
use crate::contract::json;
use crate::map::{self, MapError};
use crate::names::NameIndex;
use crate::programme::Programme;
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
    let programme = Programme::from_csv(members, pillars, cohorts).map_err(MapError::Programme)?;
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

/// Reads an indicator CSV and matches its rows to the regions of the overview the map loaded
/// (`overview.bin`), by code, else by name; throws when the header has no code or name column or
/// no value column, or when no row is usable.
#[wasm_bindgen(js_name = readIndicator)]
pub fn read_indicator(csv: &str, overview: &[u8]) -> Result<ReadIndicator, JsError> {
    let regions = Overview::from_bytes(overview).map_err(MapError::Asset)?.regions;
    let (layer, report) = map::read_indicator(csv, &regions, &NameIndex::new(&regions))?;
    Ok(ReadIndicator { layer: layer.to_bytes(), report: json(&report) })
}
