//! The programme's reports for one year, language and theme: the data table and its CSV, the
//! statistics, and the participation figures and cohort chart. They need the regions' names and
//! provinces and the programme, not the map's shapes or view, so the element asks a wasm of their
//! own for them (`web_reports::Reports`) and the map's wasm, which every reader downloads, carries none
//! of them.

use crate::keyword::Keyword;
use crate::map::MapError;
use crate::participation::{self, Participation};
use crate::programme::{Programme, ProgrammeError};
use crate::region::Region;
use crate::stats::Stats;
use crate::style::{Lang, Theme};
use crate::table::{self, TableRow};

pub struct Reports {
    regions: Vec<Region>,
    programme: Programme,
    year: u16,
    lang: Lang,
    theme: Theme,
}

impl Reports {
    /// The reports of the programme's latest year, in Bahasa Indonesia and the light theme.
    pub fn new(regions: Vec<Region>, programme: Programme) -> Reports {
        let year = programme.latest_year();
        Reports { regions, programme, year, lang: Lang::Id, theme: Theme::Light }
    }

    /// A sources file of the packed programme (`Programme::add_sources`); the table and its CSV
    /// show the texts once they are in.
    pub fn add_sources(&mut self, bytes: &[u8]) -> Result<(), ProgrammeError> {
        self.programme.add_sources(bytes)
    }

    /// The map's year, language and theme; on an error nothing changes.
    pub fn follow(&mut self, year: u16, lang: &str, theme: &str) -> Result<(), MapError> {
        let year = crate::map::programme_year(&self.programme, year)?;
        let (lang, theme) = (Lang::from_key(lang)?, Theme::from_key(theme)?);
        (self.year, self.lang, self.theme) = (year, lang, theme);
        Ok(())
    }

    pub fn stats(&self) -> Stats {
        Stats::new(self.regions.len(), &self.programme, self.year)
    }

    /// One row per region that is a member by the year, by province then name.
    pub fn table(&self) -> Vec<TableRow> {
        table::table_rows(&self.regions, &self.programme, self.year, self.lang)
    }

    /// The table as a CSV file (UTF-8 with BOM), in the language.
    pub fn table_csv(&self) -> String {
        table::to_csv(&self.table(), self.lang)
    }

    pub fn participation(&self) -> Participation {
        participation::participation(&self.regions, &self.programme, self.year, self.lang, self.theme)
    }

    /// The cohort chart as a standalone SVG document.
    pub fn cohort_chart_svg(&self) -> String {
        let figures = participation::cohort_figures(&self.programme, self.year, self.theme);
        participation::cohort_chart_svg(&figures, self.lang, self.theme, self.year)
    }
}
