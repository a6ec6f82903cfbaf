//! Shared by the integration tests: the real prepared atlas, prepared on first use from the
//! boundary source that is never committed (`../shared/data/boundaries/` by default).
#![allow(dead_code)] // each test binary uses a different part of this module

use peta_cerdas::asset::paths;
use peta_cerdas::atlas::Atlas;
use peta_cerdas::map::MapState;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn asset_path() -> PathBuf {
    root().join("data/build/atlas.bin")
}

pub fn overview_path() -> PathBuf {
    root().join("data/build/overview.bin")
}

/// The boundary GeoJSON `peta-cerdas prepare` reads: `PETA_BOUNDARIES` if set, else the default
/// source of data/boundaries.json. Panics, naming the path and the ways to provide it, when the
/// file is not there.
pub fn boundary_source() -> PathBuf {
    let path = match std::env::var_os("PETA_BOUNDARIES") {
        Some(path) => PathBuf::from(path),
        None => root().join(default_boundary_path()),
    };
    if !path.is_file() {
        panic!(
            "the boundary source {} is missing. These tests need the real boundaries, which are never \
             committed: put them there (data/boundaries.json names each source's download URL), or set \
             PETA_BOUNDARIES=/path/to/boundaries.geojson, then run `make data`",
            path.display()
        );
    }
    path
}

/// data/boundaries.json: where the boundary sources and the official code list are.
fn manifest() -> serde_json::Value {
    serde_json::from_str(&read_text(&root().join("data/boundaries.json")))
        .unwrap_or_else(|e| panic!("data/boundaries.json is not valid JSON: {e}"))
}

/// The default source's `path` in data/boundaries.json, relative to the project root.
fn default_boundary_path() -> String {
    let manifest = manifest();
    let default = &manifest["default"];
    manifest["sources"]
        .as_array()
        .and_then(|sources| sources.iter().find(|source| &source["id"] == default))
        .and_then(|source| source["path"].as_str())
        .unwrap_or_else(|| panic!("data/boundaries.json names no path for its default source {default}"))
        .to_owned()
}

/// Panics, naming the missing file, unless the official code list that `peta-cerdas prepare`
/// checks every region against (data/boundaries.json `code_list`) is there.
pub fn require_code_list() {
    let manifest = manifest();
    for key in ["regencies", "provinces"] {
        let relative = manifest["code_list"][key]
            .as_str()
            .unwrap_or_else(|| panic!("data/boundaries.json names no code_list.{key}"));
        let path = root().join(relative);
        if !path.is_file() {
            panic!(
                "the code list {} is missing. `peta-cerdas prepare` checks every region against it and it \
                 is never committed: put it there (data/boundaries.json names its download), then run \
                 `make data`",
                path.display()
            );
        }
    }
}

/// Makes sure data/build/ holds the prepared assets, running `peta-cerdas prepare` (as
/// `make data` does) when one is missing.
pub fn ensure_prepared() {
    static PREPARED: OnceLock<()> = OnceLock::new();
    PREPARED.get_or_init(|| {
        if asset_path().is_file() && overview_path().is_file() && root().join("data/build/detail").is_dir() {
            return;
        }
        let source = boundary_source();
        require_code_list();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_peta-cerdas"))
            .arg("prepare")
            .current_dir(root())
            .status()
            .unwrap_or_else(|e| panic!("cannot run peta-cerdas prepare: {e}"));
        assert!(
            status.success(),
            "peta-cerdas prepare failed on {} (its message is above); `make data` runs the same step",
            source.display()
        );
    });
}

/// A prepared asset from data/build/, preparing it first if it is missing.
pub fn build_file(path: &Path) -> Vec<u8> {
    ensure_prepared();
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e} (run `make data` to prepare it)", path.display()))
}

/// The asset from data/build, running `peta-cerdas prepare` first if it is missing.
pub fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        let path = asset_path();
        Atlas::from_bytes(&build_file(&path))
            .unwrap_or_else(|e| panic!("{} cannot be read ({e}); `make data` prepares it again", path.display()))
    })
}

/// The preview's paths of the coarsest level, joined by line breaks, and their bounds: what a
/// page hands `MapState::load_overview` with overview.bin.
pub fn preview_paths() -> &'static (String, [f64; 4]) {
    static PATHS: OnceLock<(String, [f64; 4])> = OnceLock::new();
    PATHS.get_or_init(|| {
        let (bounds, _, paths) = paths::write_paths(&atlas().levels()[0].shapes).expect("the atlas has a grid");
        (paths.join("\n"), bounds)
    })
}

/// Loads what a page's map starts from: overview.bin and the preview's paths.
pub fn load_overview(map: &mut MapState) {
    let (paths, bounds) = preview_paths();
    map.load_overview(&build_file(&overview_path()), paths, bounds).expect("the overview loads");
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn code_of(atlas: &Atlas, lon: f64, lat: f64) -> Option<String> {
    atlas.locate(lon, lat).map(|index| atlas.regions()[index].code.to_string())
}
