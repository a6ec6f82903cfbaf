//! The second WebAssembly binding: a site's own CSV files read in the browser into the bytes the
//! map loads. A programme folder becomes the packed files the build writes (`programme.bin` and
//! `sources/all.bin`), an indicator file its read rows. The map's wasm, which every reader
//! downloads before the map answers, then carries no CSV parser; the element loads this one only
//! for a page that names its own CSV files (see docs/web-api.md).

use crate::indicator::IndicatorRows;
use crate::map::MapError;
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
    let programme = Programme::from_csv(members, pillars, cohorts)
        .map_err(|error| JsError::new(&MapError::Programme(error).to_string()))?;
    Ok(PackedProgramme { programme: programme.to_bytes(), sources: programme.all_sources() })
}

/// Reads an indicator CSV into the rows `MapHandle.loadIndicator` matches to the regions; throws
/// when the header has no code or name column, or no value column.
#[wasm_bindgen(js_name = readIndicator)]
pub fn read_indicator(csv: &str) -> Result<Vec<u8>, JsError> {
    IndicatorRows::from_csv(csv)
        .map(|rows| rows.to_bytes())
        .map_err(|error| JsError::new(&MapError::Indicator(error).to_string()))
}
