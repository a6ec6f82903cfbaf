//! `data/boundaries.json`: which boundary sources exist, where, under which licence.

use super::PrepareError;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Manifest {
    pub default: String,
    pub sources: Vec<BoundarySource>,
    pub code_list: CodeListSource,
}

#[derive(Debug, Deserialize)]
pub struct BoundarySource {
    pub id: String,
    pub path: PathBuf,
    pub sha256: String,
    pub licence: String,
    pub attribution: String,
    pub download: String,
}

#[derive(Debug, Deserialize)]
pub struct CodeListSource {
    pub regencies: PathBuf,
    pub provinces: PathBuf,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest, PrepareError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| PrepareError::new(path.display().to_string(), e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| PrepareError::new(path.display().to_string(), e.to_string()))
    }

    pub fn default_source(&self) -> Result<&BoundarySource, PrepareError> {
        self.sources
            .iter()
            .find(|source| source.id == self.default)
            .ok_or_else(|| PrepareError::new("manifest", format!("default source {:?} is not listed", self.default)))
    }

    /// The listed source whose checksum the bytes have, if any.
    pub fn source_with_checksum(&self, checksum: &str) -> Option<&BoundarySource> {
        self.sources.iter().find(|source| source.sha256.eq_ignore_ascii_case(checksum))
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
