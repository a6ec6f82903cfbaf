//! peta-cerdas: an embeddable choropleth of Indonesia's smart-city programme.
//!
//! Everything that decides something lives here as pure Rust, tested natively; the `web`
//! module is the thin WebAssembly binding that moves pixels and events.

pub mod asset;
pub mod atlas;
pub mod contract;
pub mod csv_text;
mod decimal;
pub mod indicator;
pub mod keyword;
pub mod map;
pub mod names;
mod order;
pub mod participation;
#[cfg(not(target_arch = "wasm32"))]
pub mod prepare;
pub mod programme;
pub mod quoted;
pub mod region;
pub mod render;
pub mod reports;
pub mod scene;
pub mod stats;
pub mod style;
pub mod table;
pub mod view;
#[cfg(all(target_arch = "wasm32", feature = "map"))]
pub mod web;
#[cfg(all(target_arch = "wasm32", feature = "csv"))]
pub mod web_csv;
#[cfg(all(target_arch = "wasm32", feature = "reports"))]
pub mod web_reports;

/// The wasm modules allocate with talc instead of std's dlmalloc: about 1.3 kB less of the map's
/// gzipped wasm, which every reader downloads before the map answers (benches/FINDINGS.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
