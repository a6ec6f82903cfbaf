//! Shared by the integration tests: the real prepared atlas, prepared on first use.
#![allow(dead_code)] // each test binary uses a different part of this module

use peta_cerdas::atlas::Atlas;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn asset_path() -> PathBuf {
    root().join("data/build/atlas.bin")
}

/// The asset from data/build, running `peta-cerdas prepare` first if it is missing.
pub fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        let path = asset_path();
        if !path.exists() {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_peta-cerdas"))
                .arg("prepare")
                .current_dir(root())
                .status()
                .expect("run peta-cerdas prepare");
            assert!(status.success(), "peta-cerdas prepare failed");
        }
        Atlas::from_bytes(&std::fs::read(&path).expect("read the asset")).expect("a valid asset")
    })
}

pub fn code_of(atlas: &Atlas, lon: f64, lat: f64) -> Option<String> {
    atlas.locate(lon, lat).map(|index| atlas.regions()[index].code.to_string())
}
