//! The state a link carries: `#year=2021&mode=pillar&pillar=economy&region=35.20&view=111.4,-7.6,8`.
//!
//! A hash is user input: every field is parsed on its own, a bad one is reported and left out,
//! and the good ones still apply, so a half-broken link still opens something sensible.

use crate::keyword::Keyword;
use crate::quoted::Quoted;
use crate::region::RegionCode;
use crate::style::{Lang, Mode, PillarFocus, ThemeChoice};
use std::fmt;

/// Longer hashes are not links anyone made; refuse them before parsing.
const MAX_HASH_LEN: usize = 2048;
/// The smallest zoom a hash can carry: `to_hash` writes two decimals, and a smaller zoom
/// would be written as `0`, which no hash may say (found by fuzzing).
const MIN_ZOOM: f64 = 0.01;

/// What a view's URL hash says; `None` where it says nothing (or nothing valid).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub year: Option<u16>,
    pub mode: Option<Mode>,
    pub pillar: Option<PillarFocus>,
    pub lang: Option<Lang>,
    pub theme: Option<ThemeChoice>,
    pub region: Option<RegionCode>,
    /// Centre longitude, latitude and zoom.
    pub camera: Option<[f64; 3]>,
}

/// One field of a hash that could not be used: the reader followed a link that someone typed or
/// cut short, so the words come in the map's language ([`HashError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashError {
    /// The field's key and value, cut to 40 characters; empty for [`HashProblem::TooLong`].
    pub key: String,
    pub value: String,
    pub problem: HashProblem,
}

/// Why a field of a hash could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashProblem {
    /// The whole hash, of this many bytes, is longer than any link the map writes.
    TooLong(usize),
    UnknownKey,
    /// A keyword outside its set: the keys it may be.
    NotOneOf(Vec<&'static str>),
    /// A year before the programme's first cohort.
    BeforeProgramme,
    NotAYear,
    NotARegionCode,
    NotACamera,
    CameraOutOfRange,
}

impl HashError {
    /// "year=\"1999\": the programme began in 2017", in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let pick = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
        let words = match &self.problem {
            HashProblem::TooLong(bytes) if lang == Lang::Id => {
                return format!("tautan {bytes} bita terlalu panjang untuk peta-cerdas")
            }
            HashProblem::TooLong(bytes) => return format!("a link of {bytes} bytes is too long for peta-cerdas"),
            HashProblem::NotOneOf(keys) => {
                let one_of = pick("harus salah satu dari", "expected one of");
                return format!("{}={}: {one_of}: {}", self.key, Quoted(&self.value), keys.join(", "));
            }
            HashProblem::UnknownKey => pick("kunci tidak dikenal", "unknown key"),
            HashProblem::BeforeProgramme => pick("program dimulai pada 2017", "the programme began in 2017"),
            HashProblem::NotAYear => pick("harus tahun seperti 2021", "expected a year such as 2021"),
            HashProblem::NotARegionCode => {
                pick("harus kode Kemendagri seperti 35.20", "expected a Kemendagri code such as 35.20")
            }
            HashProblem::NotACamera => pick("harus bujur,lintang,zoom", "expected lon,lat,zoom"),
            HashProblem::CameraOutOfRange => pick("bujur,lintang,zoom di luar jangkauan", "lon,lat,zoom out of range"),
        };
        format!("{}={}: {words}", self.key, Quoted(&self.value))
    }
}

impl fmt::Display for HashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "URL hash: {}", self.message(Lang::En))
    }
}

impl std::error::Error for HashError {}

/// A keyword field of a link, exactly one of its keys.
fn keyword<K: Keyword>(value: &str) -> Result<K, HashProblem> {
    K::from_key(value).map_err(|_| HashProblem::NotOneOf(K::keys()))
}

impl ViewState {
    /// Parse a hash, with or without its leading `#`. Returns what could be used and a
    /// problem for each field that could not.
    pub fn from_hash(hash: &str) -> (ViewState, Vec<HashError>) {
        let mut state = ViewState::default();
        let mut problems = Vec::new();
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.len() > MAX_HASH_LEN {
            problems.push(HashError {
                key: String::new(),
                value: String::new(),
                problem: HashProblem::TooLong(hash.len()),
            });
            return (state, problems);
        }
        for pair in hash.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_percent(value);
            let problem: Result<(), HashProblem> = match key {
                "year" => parse_year(&value).map(|year| state.year = Some(year)),
                "mode" => keyword(&value).map(|mode| state.mode = Some(mode)),
                "pillar" => keyword(&value).map(|pillar| state.pillar = Some(pillar)),
                "lang" => keyword(&value).map(|lang| state.lang = Some(lang)),
                "theme" => keyword(&value).map(|theme| state.theme = Some(theme)),
                "region" => {
                    value.parse().map(|code| state.region = Some(code)).map_err(|_| HashProblem::NotARegionCode)
                }
                "view" => parse_camera(&value).map(|camera| state.camera = Some(camera)),
                _ => Err(HashProblem::UnknownKey),
            };
            if let Err(problem) = problem {
                problems.push(HashError {
                    key: key.chars().take(40).collect(),
                    value: value.chars().take(40).collect(),
                    problem,
                });
            }
        }
        (state, problems)
    }

    /// The hash for this state, `#` included; fields that are `None` are left out.
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if let Some(year) = self.year {
            parts.push(format!("year={year}"));
        }
        if let Some(mode) = self.mode {
            parts.push(format!("mode={}", mode.key()));
        }
        if let Some(pillar) = self.pillar {
            parts.push(format!("pillar={}", pillar.key()));
        }
        if let Some(region) = self.region {
            parts.push(format!("region={region}"));
        }
        if let Some([lon, lat, zoom]) = self.camera {
            parts.push(format!("view={},{},{}", fixed(lon, 3), fixed(lat, 3), fixed(zoom, 2)));
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.key()));
        }
        if let Some(theme) = self.theme {
            parts.push(format!("theme={}", theme.key()));
        }
        format!("#{}", parts.join("&"))
    }
}

/// `value` with `decimals` digits after the point, trailing zeros dropped. Integer arithmetic:
/// core's float formatting would add kilobytes to the WebAssembly for three numbers.
fn fixed(value: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (scaled.unsigned_abs() / scale as u64, scaled.unsigned_abs() % scale as u64);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = decimals as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

fn parse_year(value: &str) -> Result<u16, HashProblem> {
    match value.parse::<u16>() {
        Ok(year) if (2017..=2100).contains(&year) => Ok(year),
        Ok(year) if year < 2017 => Err(HashProblem::BeforeProgramme),
        _ => Err(HashProblem::NotAYear),
    }
}

fn parse_camera(value: &str) -> Result<[f64; 3], HashProblem> {
    let numbers: Vec<f64> = value
        .split(',')
        .map(|part| crate::decimal::parse_f64(part.trim()))
        .collect::<Option<_>>()
        .ok_or(HashProblem::NotACamera)?;
    match numbers[..] {
        [lon, lat, zoom]
            if (-180.0..=180.0).contains(&lon)
                && (-85.0..=85.0).contains(&lat)
                && zoom.is_finite()
                && zoom >= MIN_ZOOM =>
        {
            Ok([lon, lat, zoom])
        }
        [_, _, _] => Err(HashProblem::CameraOutOfRange),
        _ => Err(HashProblem::NotACamera),
    }
}

/// `%XX` escapes decoded as UTF-8 and `+` as a space; anything malformed is kept as typed.
fn decode_percent(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
                i += 1;
            }
        }
    }
    // Escapes of bytes that are not UTF-8 are malformed too: the value is kept as typed.
    String::from_utf8(out).unwrap_or_else(|_| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::Pillar;
    use proptest::prelude::*;

    #[test]
    fn parses_a_full_hash() {
        let (state, problems) = ViewState::from_hash(
            "#year=2021&mode=pillar&pillar=economy&region=35.20&view=111.4,-7.6,8&lang=en&theme=dark",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(state.year, Some(2021));
        assert_eq!(state.mode, Some(Mode::Pillar));
        assert_eq!(state.pillar, Some(PillarFocus::One(Pillar::Economy)));
        assert_eq!(state.region, Some("35.20".parse().unwrap()));
        assert_eq!(state.camera, Some([111.4, -7.6, 8.0]));
        assert_eq!(state.lang, Some(Lang::En));
        assert_eq!(state.theme, Some(ThemeChoice::Dark));
        let (again, _) = ViewState::from_hash(&state.to_hash());
        assert_eq!(again, state);
    }

    #[test]
    fn keeps_good_fields_and_reports_bad_ones() {
        let (state, problems) = ViewState::from_hash("year=1999&mode=pillar&region=<img src=x>&view=1,2&zzz=1&lang=fr");
        assert_eq!(state.mode, Some(Mode::Pillar));
        assert_eq!(state.year, None);
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["year", "region", "view", "zzz", "lang"]);
        assert_eq!(
            problems[1].to_string(),
            r#"URL hash: region="<img src=x>": expected a Kemendagri code such as 35.20"#
        );
        assert_eq!(problems[1].message(Lang::Id), r#"region="<img src=x>": harus kode Kemendagri seperti 35.20"#);
        assert_eq!(problems[0].problem, HashProblem::BeforeProgramme);
        assert_eq!(ViewState::from_hash("year=3000").1[0].problem, HashProblem::NotAYear);
    }

    #[test]
    fn every_state_it_reads_it_writes_readably() {
        // A zoom below 0.01 used to be accepted and then written as `view=10,-2,0`.
        let (state, problems) = ViewState::from_hash("view=10,-2,0.004");
        assert_eq!(state.camera, None);
        assert_eq!(problems[0].problem, HashProblem::CameraOutOfRange);
        let (state, problems) = ViewState::from_hash("view=10,-2,0.01");
        assert!(problems.is_empty());
        assert_eq!(ViewState::from_hash(&state.to_hash()), (state, Vec::new()));
    }

    #[test]
    fn decodes_escapes_and_keeps_what_is_malformed() {
        assert_eq!(decode_percent("Kota+Blitar%20%C3%A9"), "Kota Blitar é");
        assert_eq!(decode_percent("%zz%4"), "%zz%4");
        assert_eq!(decode_percent("%ff%fe"), "%ff%fe", "escapes of bytes that are not UTF-8");
    }

    #[test]
    fn formats_fixed_decimals() {
        assert_eq!(fixed(111.4, 3), "111.4");
        assert_eq!(fixed(-7.6049, 3), "-7.605");
        assert_eq!(fixed(-0.0004, 3), "0");
        assert_eq!(fixed(-0.04, 2), "-0.04");
        assert_eq!(fixed(8.0, 2), "8");
    }

    #[test]
    fn refuses_huge_hashes() {
        let (state, problems) = ViewState::from_hash(&"year=2021&".repeat(1000));
        assert_eq!(state, ViewState::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message(Lang::En), "a link of 10000 bytes is too long for peta-cerdas");
    }

    proptest! {
        #[test]
        fn never_panics_on_junk(hash in ".{0,300}") {
            let _ = ViewState::from_hash(&hash);
        }

        #[test]
        fn never_panics_on_escapes(hash in "[%0-9a-fA-F=&+a-z]{0,100}") {
            let _ = ViewState::from_hash(&hash);
        }
    }
}
