//! Why a map call was refused. Every variant leaves the map as it was; `Display` is the sentence
//! a person reads (the element shows it, the binding throws it as a JS `Error`).

use crate::asset::AssetError;
use crate::atlas::DetailError;
use crate::indicator::IndicatorError;
use crate::keyword::UnknownKeyword;
use crate::programme::ProgrammeError;
use crate::quoted::Quoted;
use crate::region::RegionCode;
use crate::style::Lang;
use crate::view::HashError;
use std::fmt;

/// What a call needed that was not loaded yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Atlas,
    Programme,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MapError {
    /// The call needs data that has not been loaded yet.
    NotLoaded(Missing),
    /// The boundary asset is not a valid asset.
    Asset(AssetError),
    /// The boundary asset is valid but holds no region.
    EmptyAtlas,
    /// A province's detail file is unreadable or does not fit the loaded atlas.
    Detail(DetailError),
    /// The programme CSV files are invalid (the error names file and line).
    Programme(ProgrammeError),
    /// The indicator CSV cannot be read at all.
    Indicator(IndicatorError),
    /// The indicator CSV was read but no row matched a region with a number; the first row's
    /// problem, if any, says why.
    NoIndicatorRow { first_problem: Option<String> },
    /// Mode `indicator` was asked for before an indicator was loaded.
    NoIndicator,
    /// A year that is not a whole number.
    YearNotWhole,
    /// A year before the first cohort or after the last.
    YearOutOfRange { year: u16, first: u16, last: u16 },
    /// A word outside a keyword's set (mode, pillar, lang, theme, focus move).
    Keyword(UnknownKeyword),
    /// A "data as of" date that is not a calendar date such as 2025-06-30.
    BadDate(String),
    /// A legend key that the current view does not show.
    NoLegendEntry(String),
    /// A region code that no region of the atlas has.
    UnknownRegion(RegionCode),
    /// A field of a URL hash that cannot be read.
    Hash(HashError),
    /// A field of a URL hash that was read but cannot be applied.
    InLink(Box<MapError>),
}

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapError::NotLoaded(Missing::Atlas) => f.write_str("the boundary asset is not loaded yet"),
            MapError::NotLoaded(Missing::Programme) => f.write_str("the programme data is not loaded yet"),
            MapError::Asset(error) => write!(f, "the boundary asset cannot be read: {error}"),
            MapError::EmptyAtlas => f.write_str("the boundary asset holds no regions"),
            MapError::Detail(error) => write!(f, "{error}"),
            MapError::Programme(error) => write!(f, "{error}"),
            // The caller names the indicator (the element: "Indikator: …"): this says what is wrong.
            MapError::Indicator(error) => write!(f, "{error}"),
            MapError::NoIndicatorRow { first_problem } => {
                f.write_str("no row matched a kabupaten/kota with a number")?;
                match first_problem {
                    Some(problem) => write!(f, " ({problem})"),
                    None => Ok(()),
                }
            }
            MapError::NoIndicator => f.write_str("no indicator is loaded (loadIndicator first)"),
            MapError::YearNotWhole => f.write_str("the year must be a whole number such as 2021"),
            MapError::YearOutOfRange { year, first, last } => {
                write!(f, "year {year} is outside the programme ({first}-{last})")
            }
            MapError::Keyword(error) => write!(f, "{error}"),
            MapError::BadDate(problem) => write!(f, "data as of: {problem}"),
            MapError::NoLegendEntry(key) => write!(f, "no legend entry {} in this view", Quoted(key)),
            MapError::UnknownRegion(code) => write!(f, "no region has the code {code}"),
            MapError::Hash(error) => write!(f, "{error}"),
            MapError::InLink(error) => write!(f, "URL hash: {error}"),
        }
    }
}

impl MapError {
    /// What [`super::MapState::apply_hash`] reports, in the reader's language: someone followed
    /// the link, and the element puts "part of the link was ignored" before it.
    pub fn link_message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MapError::Hash(error), _) => error.message(lang),
            (MapError::InLink(error), Lang::Id) => match **error {
                MapError::YearOutOfRange { year, first, last } => {
                    format!("tahun {year} di luar program ({first}-{last})")
                }
                MapError::NoIndicator => "mode=indicator: belum ada indikator yang dimuat".to_owned(),
                MapError::UnknownRegion(code) => format!("tidak ada wilayah dengan kode {code}"),
                ref other => other.to_string(),
            },
            (MapError::InLink(error), Lang::En) if matches!(**error, MapError::NoIndicator) => {
                "mode=indicator: no indicator is loaded".to_owned()
            }
            (MapError::InLink(error), Lang::En) => error.to_string(),
            (other, _) => other.to_string(),
        }
    }
}

impl std::error::Error for MapError {}

impl From<UnknownKeyword> for MapError {
    fn from(error: UnknownKeyword) -> MapError {
        MapError::Keyword(error)
    }
}
