//! The Gerakan Menuju 100 Smart City (Gerakan Menuju Kota Cerdas) programme: its yearly
//! cohorts, which kabupaten/kota joined when and on whose word, and which of the six smart-city
//! pillars the sources credit them with.
//!
//! Pure Rust without I/O: [`Programme::from_csv`] takes the text of the three files in
//! `data/programme/` (described in its README.md) and checks them thoroughly.

mod packed;
mod parse;

#[cfg(test)]
mod tests;

use crate::keyword::keyword_enum;
use crate::quoted::Quoted;
use crate::region::RegionCode;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

pub use packed::{sources_file, ALL_SOURCES_FILE, FILE as PACKED_FILE, SOURCES_FILES};

/// The packaged programme (data/programme/), for unit tests across the crate.
#[cfg(test)]
pub(crate) fn packaged() -> Programme {
    Programme::from_csv(
        include_str!("../../data/programme/members.csv"),
        include_str!("../../data/programme/pillars.csv"),
        include_str!("../../data/programme/cohorts.csv"),
    )
    .unwrap()
}
pub use parse::ProgrammeError;

keyword_enum! {
    /// One of the six smart-city dimensions of the programme.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Pillar("pillar") {
        Governance = "governance",
        Branding = "branding",
        Economy = "economy",
        Living = "living",
        Society = "society",
        Environment = "environment",
    }
}

/// A set of pillars, as one bit each: `pillars_of` answers it for every region of a frame in
/// pillar mode, and a `BTreeSet` would compile the B-tree's code for one more element type
/// (kilobytes of WebAssembly). Iterates in the pillars' documented order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PillarSet(u8);

impl PillarSet {
    fn bit(pillar: Pillar) -> u8 {
        1 << pillar as u8
    }

    pub fn insert(&mut self, pillar: Pillar) {
        self.0 |= Self::bit(pillar);
    }

    pub fn contains(self, pillar: Pillar) -> bool {
        self.0 & Self::bit(pillar) != 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Pillar> {
        Pillar::ALL.into_iter().filter(move |&pillar| self.contains(pillar))
    }
}

impl FromIterator<Pillar> for PillarSet {
    fn from_iter<I: IntoIterator<Item = Pillar>>(pillars: I) -> Self {
        let mut set = PillarSet::default();
        pillars.into_iter().for_each(|pillar| set.insert(pillar));
        set
    }
}

impl Pillar {
    /// The programme's own name: "Smart Governance", ...
    pub fn label(self) -> &'static str {
        match self {
            Pillar::Governance => "Smart Governance",
            Pillar::Branding => "Smart Branding",
            Pillar::Economy => "Smart Economy",
            Pillar::Living => "Smart Living",
            Pillar::Society => "Smart Society",
            Pillar::Environment => "Smart Environment",
        }
    }
}

keyword_enum! {
    /// How firmly the sources place a region in a cohort year.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Confidence("confidence") {
        /// The source states the membership and the year, and no source contradicts it.
        Confirmed = "confirmed",
        /// The year (or the membership) is inferred, e.g. from bimtek timing or an award event.
        Inferred = "inferred",
        /// Sources disagree about the year or the membership.
        Conflicting = "conflicting",
    }
}

keyword_enum! {
    /// What kind of statement a pillar citation records.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum CitationKind("citation kind") {
        /// The source names the pillar(s).
        Stated = "stated",
        /// A best-in-dimension or category award (may name no pillar, e.g. a tourism-area award).
        Award = "award",
        /// The compiler inferred the pillar from the programme's topic; the source names none.
        Inferred = "inferred",
        /// A focus or quick win whose pillar the source does not name; carries no pillars.
        Unnamed = "unnamed",
    }
}

/// The date a site says its programme data is current as of (`2025-06-30`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AsOf {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl FromStr for AsOf {
    type Err = String;

    /// An ISO date, YYYY-MM-DD, that exists on the calendar.
    fn from_str(text: &str) -> Result<AsOf, String> {
        let invalid =
            || format!("{} is not a date such as 2025-06-30", Quoted(&text.chars().take(40).collect::<String>()));
        let mut parts = text.trim().splitn(3, '-');
        let mut next = |width: usize| {
            parts
                .next()
                .filter(|part| part.len() == width && part.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|part| part.parse::<u16>().ok())
        };
        let (Some(year), Some(month), Some(day)) = (next(4), next(2), next(2)) else {
            return Err(invalid());
        };
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(invalid()),
        };
        if !(2000..=2100).contains(&year) || !(1..=days).contains(&day) {
            return Err(invalid());
        }
        Ok(AsOf { year, month: month as u8, day: day as u8 })
    }
}

/// A region's place in the programme as of a year, read in one pass over its memberships: a
/// frame asks it of every region.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// The year it first joined, if by then.
    pub joined: Option<u16>,
    /// Listed in two or more cohorts by then: hatched in cohort mode.
    pub repeat: bool,
    /// The listing that gives it its first year is only inferred or contradicted: the map marks
    /// such a cohort colour as doubtful.
    pub doubtful: bool,
}

/// How much of a cohort the sources identify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Identified {
    /// Members whose listing no source doubts.
    pub confirmed: usize,
    /// Members listed only on inferred or conflicting evidence.
    pub doubtful: usize,
}

/// A public page a fact was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub url: String,
    pub title: String,
}

/// A kabupaten/kota listed in one cohort year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub code: RegionCode,
    /// The official name, e.g. "Kabupaten Magetan" (empty in a packed programme until its
    /// sources are in: the map names a region as the boundary data does).
    pub name: String,
    pub year: u16,
    pub confidence: Confidence,
    /// Why the membership is not confirmed (or, for a few confirmed rows, why a flag in the
    /// note was overruled); empty otherwise.
    pub confidence_note: String,
    pub source: Source,
    /// The compiler's original note, with further confirming pages.
    pub note: String,
}

/// A province in a cohort year: the 2023 "Gerakan Menuju Smart Province" pilots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceMembership {
    /// The Kemendagri province code, e.g. 32 for Jawa Barat.
    pub province: u8,
    /// The official province name, e.g. "Jawa Barat".
    pub name: String,
    pub year: u16,
    pub confidence: Confidence,
    pub confidence_note: String,
    pub source: Source,
    pub note: String,
}

/// Whom a pillar citation is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Subject {
    Region(RegionCode),
    /// A province (the pilot provinces), by Kemendagri province code.
    Province(u8),
    /// The source does not say which region ("Semarang": Kota or Kabupaten?); the citation's
    /// `name` keeps the source's words.
    Unresolved,
}

/// A source crediting a member with pillars (or with a quick win of no named pillar).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PillarCitation {
    pub subject: Subject,
    /// The official name, or the source's words when the subject is unresolved (empty in a
    /// packed programme until its sources are in).
    pub name: String,
    /// The subject's cohort year the citation belongs to; `None` when the sources leave it open.
    pub year: Option<u16>,
    /// Zero or more pillars, in the order the label gives them.
    pub pillars: Vec<Pillar>,
    pub kind: CitationKind,
    pub source_url: String,
    pub quote: String,
    /// The original pillar text, e.g. "smart governance (best-in-dimension award 2021)".
    pub label: String,
}

/// The official facts of one cohort year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub year: u16,
    /// Kab/kota in the cohort by the official count.
    pub official: u16,
    /// How many of them had been in an earlier cohort, as officially stated.
    pub repeats: u16,
    /// Distinct kab/kota in the programme by the end of this cohort, as officially stated.
    pub running_total: u16,
    pub note: String,
    pub source_url: String,
}

/// The whole programme, checked for consistency.
#[derive(Clone, Debug)]
pub struct Programme {
    cohorts: Vec<Cohort>,
    members: Vec<Membership>,
    provinces: Vec<ProvinceMembership>,
    citations: Vec<PillarCitation>,
    /// Every membership's region and index, by region, then year, then file order: a region's
    /// memberships are one run. A sorted Vec, not a BTreeMap: no BTree code for one more key and
    /// value type in the WebAssembly.
    by_region: Vec<(RegionCode, usize)>,
    sources: Sources,
}

/// Whether the texts behind the facts (source links and titles, notes, quotes) are in: a
/// programme read from CSV has them all, one from `programme.bin` gets them holder by holder (a
/// region's, a province's own) from the sources files written with it (`sources/35.20.bin`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sources {
    /// Read from CSV, texts and all.
    Own,
    Packed {
        /// The facts' fingerprint, which each of their sources files carries.
        fingerprint: u64,
        /// The holders with texts whose file is not in yet, ascending. A sorted Vec, not a set:
        /// no BTree code in the WebAssembly for a few hundred codes.
        missing: Vec<RegionCode>,
    },
}

impl Programme {
    /// Reads `members.csv`, `pillars.csv` and `cohorts.csv` (their text) and checks them.
    /// `members.csv` holds the pilot provinces too, under their two-digit province code.
    pub fn from_csv(members: &str, pillars: &str, cohorts: &str) -> Result<Programme, ProgrammeError> {
        parse::programme(members, pillars, cohorts)
    }

    /// As [`Programme::from_csv`], but naming every bad row (for `peta-cerdas check`), in file order.
    pub fn check_csv(members: &str, pillars: &str, cohorts: &str) -> Result<Programme, Vec<ProgrammeError>> {
        parse::checked(members, pillars, cohorts)
    }

    fn new(
        cohorts: Vec<Cohort>,
        members: Vec<Membership>,
        provinces: Vec<ProvinceMembership>,
        citations: Vec<PillarCitation>,
    ) -> Programme {
        let cohorts = crate::order::sort_by(cohorts, &|a, b| a.year.cmp(&b.year));
        let by_region = crate::order::sorted_indices(members.len(), &|a, b| {
            (members[a].code, members[a].year).cmp(&(members[b].code, members[b].year))
        })
        .into_iter()
        .map(|index| (members[index].code, index))
        .collect();
        Programme { cohorts, members, provinces, citations, by_region, sources: Sources::Own }
    }

    /// Whether every source link, title, note and quote is loaded (see [`Programme::add_sources`]).
    pub fn has_sources(&self) -> bool {
        self.missing_sources().is_empty()
    }

    /// Whether a holder's texts are loaded (a region's: its memberships' and citations'; one
    /// without any has them).
    pub fn has_sources_of(&self, holder: RegionCode) -> bool {
        self.missing_sources().binary_search(&holder).is_err()
    }

    /// The holders whose sources file is still to be added, ascending.
    pub fn missing_sources(&self) -> &[RegionCode] {
        match &self.sources {
            Sources::Own => &[],
            Sources::Packed { missing, .. } => missing,
        }
    }

    /// The cohorts, sorted by year.
    pub fn cohorts(&self) -> &[Cohort] {
        &self.cohorts
    }

    pub fn cohort(&self, year: u16) -> Option<&Cohort> {
        self.cohorts.iter().find(|cohort| cohort.year == year)
    }

    pub fn cohort_years(&self) -> Vec<u16> {
        self.cohorts.iter().map(|cohort| cohort.year).collect()
    }

    /// The last cohort year (there is always at least one cohort).
    pub fn latest_year(&self) -> u16 {
        self.cohorts.last().map_or(0, |cohort| cohort.year)
    }

    /// Every kab/kota membership, in file order.
    pub fn memberships(&self) -> &[Membership] {
        &self.members
    }

    /// Distinct regions with any membership in `year` or before (cumulative), whatever the
    /// confidence; sorted, so that `binary_search` finds one.
    pub fn members_as_of(&self, year: u16) -> Vec<RegionCode> {
        self.runs_with(|m| m.year <= year).map(|run| run[0].0).collect()
    }

    /// The members as of `year` as the sources know them: how many have a confirmed listing, and
    /// how many more are listed only on inferred or conflicting evidence.
    pub fn members_split_as_of(&self, year: u16) -> Identified {
        let members = self.regions_with(|m| m.year <= year);
        let confirmed = self.regions_with(|m| m.year <= year && m.confidence == Confidence::Confirmed);
        Identified { confirmed, doubtful: members - confirmed }
    }

    /// How many distinct regions have a membership that passes `keep`. Each region's memberships
    /// are one run of `by_region`, so this counts runs, with no set built: a scene asks for
    /// these counts every frame.
    fn regions_with(&self, keep: impl Fn(&Membership) -> bool) -> usize {
        self.runs_with(keep).count()
    }

    /// The runs of `by_region` (one per region, in code order) with a membership that passes `keep`.
    fn runs_with(&self, keep: impl Fn(&Membership) -> bool) -> impl Iterator<Item = &[(RegionCode, usize)]> {
        self.by_region
            .chunk_by(|a, b| a.0 == b.0)
            .filter(move |run| run.iter().any(|&(_, index)| self.members.get(index).is_some_and(&keep)))
    }

    /// The kab/kota listed for the cohort of `year`, in file order.
    pub fn joined_in(&self, year: u16) -> Vec<&Membership> {
        self.members.iter().filter(|m| m.year == year).collect()
    }

    /// How many distinct kab/kota are listed for the cohort of `year`.
    pub fn identified(&self, year: u16) -> usize {
        self.regions_with(|m| m.year == year)
    }

    /// The cohort of `year` as the sources know it: how many kab/kota are confirmed, and how many
    /// more are listed only on inferred or conflicting evidence.
    pub fn identified_split(&self, year: u16) -> Identified {
        let listed = self.regions_with(|m| m.year == year);
        let confirmed = self.regions_with(|m| m.year == year && m.confidence == Confidence::Confirmed);
        Identified { confirmed, doubtful: listed - confirmed }
    }

    /// How many kab/kota are listed for `year` with the given confidence.
    pub fn identified_with(&self, year: u16, confidence: Confidence) -> usize {
        self.joined_in(year).iter().filter(|m| m.confidence == confidence).count()
    }

    /// All memberships of a region, by year, with their sources.
    /// An iterator, not a Vec: a scene asks for every region's, every frame.
    pub fn memberships_of(&self, code: RegionCode) -> impl Iterator<Item = &Membership> {
        crate::order::run_of(&self.by_region, |&(region, _)| region.cmp(&code))
            .iter()
            .filter_map(|&(_, index)| self.members.get(index))
    }

    /// The region's [`Standing`] as of `as_of`.
    pub fn standing(&self, code: RegionCode, as_of: u16) -> Standing {
        let mut listings = 0;
        let mut first: Option<(u16, Confidence)> = None;
        for m in self.memberships_of(code).filter(|m| m.year <= as_of) {
            listings += 1;
            if first.is_none_or(|first| (m.year, m.confidence) < first) {
                first = Some((m.year, m.confidence));
            }
        }
        Standing {
            joined: first.map(|(year, _)| year),
            repeat: listings >= 2,
            doubtful: first.is_some_and(|(_, confidence)| confidence != Confidence::Confirmed),
        }
    }

    /// The pillars sources credit the region with: stated, awarded or inferred (not the
    /// `unnamed` quick wins, which carry none).
    pub fn pillars_of(&self, code: RegionCode) -> PillarSet {
        self.citations_of(code)
            .into_iter()
            .filter(|citation| citation.kind != CitationKind::Unnamed)
            .flat_map(|citation| citation.pillars.iter().copied())
            .collect()
    }

    /// Every pillar citation, in file order.
    pub fn citations(&self) -> &[PillarCitation] {
        &self.citations
    }

    pub fn citations_of(&self, code: RegionCode) -> Vec<&PillarCitation> {
        self.citations.iter().filter(|citation| citation.subject == Subject::Region(code)).collect()
    }

    /// For each pillar, how many members as of `as_of` are credited with it (by
    /// [`Programme::pillars_of`], whenever the citation dates from).
    pub fn pillar_counts(&self, as_of: u16) -> [(Pillar, usize); 6] {
        let members = self.members_as_of(as_of);
        let mut counts = Pillar::ALL.map(|pillar| (pillar, 0));
        for code in members {
            let pillars = self.pillars_of(code);
            for (pillar, count) in counts.iter_mut() {
                if pillars.contains(*pillar) {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// Every province membership, in file order.
    pub fn province_memberships(&self) -> &[ProvinceMembership] {
        &self.provinces
    }

    /// The names of the provinces in the cohort of `year` ("Jawa Barat", ...), in file order.
    pub fn pilot_provinces(&self, year: u16) -> Vec<String> {
        self.provinces.iter().filter(|p| p.year == year).map(|p| p.name.clone()).collect()
    }
}
