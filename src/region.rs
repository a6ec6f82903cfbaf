//! Kabupaten/kota identity: the Kemendagri code, the official name and the province.

use crate::quoted::Quoted;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A Kemendagri kabupaten/kota code `PP.KK`, kept as two numbers so it is small and ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RegionCode {
    pub province: u8,
    pub regency: u8,
}

impl RegionCode {
    /// Kemendagri numbers kota from 71 upwards, kabupaten below.
    pub fn kind(self) -> RegionKind {
        if self.regency >= 70 {
            RegionKind::Kota
        } else {
            RegionKind::Kabupaten
        }
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}", self.province, self.regency)
    }
}

/// Why a string is not a region code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadCode(pub String);

impl fmt::Display for BadCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a Kemendagri code of the form PP.KK", Quoted(&self.0))
    }
}

impl std::error::Error for BadCode {}

impl FromStr for RegionCode {
    type Err = BadCode;

    /// Accepts `PP.KK` and the dotless `PPKK`.
    fn from_str(text: &str) -> Result<Self, BadCode> {
        let trimmed = text.trim();
        let (province, regency) = match trimmed.split_once('.') {
            Some(parts) => parts,
            None if trimmed.len() == 4 && trimmed.is_ascii() => trimmed.split_at(2),
            None => return Err(BadCode(text.to_owned())),
        };
        let two_digits = |part: &str| {
            (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u8>().ok()).flatten()
        };
        match (two_digits(province), two_digits(regency)) {
            (Some(province), Some(regency)) if province > 0 && regency > 0 => Ok(RegionCode { province, regency }),
            _ => Err(BadCode(text.to_owned())),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegionKind {
    Kabupaten,
    Kota,
}

/// One kabupaten/kota as the atlas knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub code: RegionCode,
    /// Official name with its prefix, e.g. "Kabupaten Magetan".
    pub name: String,
    pub province: String,
}

impl Region {
    pub fn kind(&self) -> RegionKind {
        self.code.kind()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_codes() {
        let code: RegionCode = "35.20".parse().unwrap();
        assert_eq!(code, RegionCode { province: 35, regency: 20 });
        assert_eq!(code.to_string(), "35.20");
        assert_eq!("3520".parse::<RegionCode>().unwrap(), code);
        assert_eq!(code.kind(), RegionKind::Kabupaten);
        assert_eq!("13.75".parse::<RegionCode>().unwrap().kind(), RegionKind::Kota);
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["", "35", "35.2", "3.520", "ab.cd", "00.01", "35.00", "35.200", "٣٥.٢٠"] {
            assert!(bad.parse::<RegionCode>().is_err(), "{bad:?} should be rejected");
        }
    }
}
