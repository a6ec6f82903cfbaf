//! `programme.bin` and `sources.bin`: the checked facts of the three programme CSV files in
//! postcard, written at build time (`peta-cerdas pack-programme`). The browser decodes them in a
//! fraction of the time the CSV parse takes on a phone; the CSV files stay the source of truth,
//! and a site's own folder is still read as CSV.
//!
//! The facts the map colours, hovers and counts by (years, confidence, pillars) are a few kB;
//! the texts behind them (source links and titles, notes, quotes) are most of the bytes and only
//! a panel, the table or a CSV export shows them, so they are a file of their own that the page
//! fetches when one of those first opens. It names the facts it belongs to by their fingerprint.

use super::{
    CitationKind, Cohort, Confidence, Membership, Pillar, PillarCitation, Programme, ProgrammeError,
    ProvinceMembership, Source, Sources, Subject,
};
use crate::region::RegionCode;
use serde::{Deserialize, Serialize};

/// The facts' file name in a data folder.
pub const FILE: &str = "programme.bin";
/// The texts' file name in a data folder.
pub const SOURCES_FILE: &str = "sources.bin";
/// "PCPG" and the format's version.
const MAGIC: &[u8; 5] = b"PCPG\x02";
/// "PCPS" and the format's version.
const SOURCES_MAGIC: &[u8; 5] = b"PCPS\x01";

#[derive(Serialize, Deserialize)]
struct Facts {
    cohorts: Vec<Cohort>,
    members: Vec<MemberFact>,
    provinces: Vec<ProvinceFact>,
    citations: Vec<CitationFact>,
}

#[derive(Serialize, Deserialize)]
struct MemberFact {
    code: RegionCode,
    name: String,
    year: u16,
    confidence: Confidence,
}

#[derive(Serialize, Deserialize)]
struct ProvinceFact {
    province: u8,
    name: String,
    year: u16,
    confidence: Confidence,
}

#[derive(Serialize, Deserialize)]
struct CitationFact {
    subject: Subject,
    name: String,
    year: Option<u16>,
    pillars: Vec<Pillar>,
    kind: CitationKind,
}

/// The texts, in the order of the facts' members, provinces and citations.
#[derive(Serialize, Deserialize)]
struct Texts {
    members: Vec<Cited>,
    provinces: Vec<Cited>,
    citations: Vec<Quoted>,
}

/// What a membership's listing rests on.
#[derive(Serialize, Deserialize)]
struct Cited {
    confidence_note: String,
    source: Source,
    note: String,
}

/// What a pillar citation rests on.
#[derive(Serialize, Deserialize)]
struct Quoted {
    source_url: String,
    quote: String,
    label: String,
}

fn refused(file: &'static str, message: impl Into<String>) -> ProgrammeError {
    ProgrammeError { file, line: 0, message: message.into() }
}

/// FNV-1a: the facts' fingerprint, so that a `sources.bin` of other facts is refused. Not a
/// defence against tampering; both files come from the same folder.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

impl Programme {
    /// The facts as `programme.bin`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(self.facts_body());
        bytes
    }

    /// The texts as `sources.bin`, for the facts of [`Programme::to_bytes`].
    pub fn sources_to_bytes(&self) -> Vec<u8> {
        let cited = |confidence_note: &String, source: &Source, note: &String| Cited {
            confidence_note: confidence_note.clone(),
            source: source.clone(),
            note: note.clone(),
        };
        let texts = Texts {
            members: self.members.iter().map(|m| cited(&m.confidence_note, &m.source, &m.note)).collect(),
            provinces: self.provinces.iter().map(|p| cited(&p.confidence_note, &p.source, &p.note)).collect(),
            citations: self
                .citations
                .iter()
                .map(|c| Quoted { source_url: c.source_url.clone(), quote: c.quote.clone(), label: c.label.clone() })
                .collect(),
        };
        let mut bytes = SOURCES_MAGIC.to_vec();
        bytes.extend(fingerprint(&self.facts_body()).to_le_bytes());
        bytes.extend(postcard::to_allocvec(&texts).unwrap_or_default());
        bytes
    }

    fn facts_body(&self) -> Vec<u8> {
        let facts = Facts {
            cohorts: self.cohorts.clone(),
            members: self
                .members
                .iter()
                .map(|m| MemberFact { code: m.code, name: m.name.clone(), year: m.year, confidence: m.confidence })
                .collect(),
            provinces: self
                .provinces
                .iter()
                .map(|p| ProvinceFact {
                    province: p.province,
                    name: p.name.clone(),
                    year: p.year,
                    confidence: p.confidence,
                })
                .collect(),
            citations: self
                .citations
                .iter()
                .map(|c| CitationFact {
                    subject: c.subject,
                    name: c.name.clone(),
                    year: c.year,
                    pillars: c.pillars.clone(),
                    kind: c.kind,
                })
                .collect(),
        };
        // Serialising plain owned data into a Vec cannot fail.
        postcard::to_allocvec(&facts).unwrap_or_default()
    }

    /// Reads `programme.bin`: the facts, without their sources until [`Programme::add_sources`].
    /// The file is checked as far as the map relies on it: at least one cohort, cohort years
    /// rising, every listing in a cohort year.
    pub fn from_bytes(bytes: &[u8]) -> Result<Programme, ProgrammeError> {
        let body = bytes.strip_prefix(MAGIC).ok_or_else(|| refused(FILE, "not a programme file of this version"))?;
        let facts: Facts = postcard::from_bytes(body).map_err(|e| refused(FILE, format!("damaged: {e}")))?;
        if facts.cohorts.is_empty() {
            return Err(refused(FILE, "no cohort"));
        }
        if facts.cohorts.windows(2).any(|pair| pair[0].year >= pair[1].year) {
            return Err(refused(FILE, "cohort years not rising"));
        }
        let is_cohort = |year: u16| facts.cohorts.iter().any(|cohort| cohort.year == year);
        let years = facts.members.iter().map(|m| m.year).chain(facts.provinces.iter().map(|p| p.year));
        if let Some(year) = years.clone().find(|&year| !is_cohort(year)) {
            return Err(refused(FILE, format!("a listing in {year}, which has no cohort")));
        }
        let unsourced = || Source { url: String::new(), title: String::new() };
        let members = facts
            .members
            .into_iter()
            .map(|m| Membership {
                code: m.code,
                name: m.name,
                year: m.year,
                confidence: m.confidence,
                confidence_note: String::new(),
                source: unsourced(),
                note: String::new(),
            })
            .collect();
        let provinces = facts
            .provinces
            .into_iter()
            .map(|p| ProvinceMembership {
                province: p.province,
                name: p.name,
                year: p.year,
                confidence: p.confidence,
                confidence_note: String::new(),
                source: unsourced(),
                note: String::new(),
            })
            .collect();
        let citations = facts
            .citations
            .into_iter()
            .map(|c| PillarCitation {
                subject: c.subject,
                name: c.name,
                year: c.year,
                pillars: c.pillars,
                kind: c.kind,
                source_url: String::new(),
                quote: String::new(),
                label: String::new(),
            })
            .collect();
        let mut programme = Programme::new(facts.cohorts, members, provinces, citations);
        programme.sources = Sources::Awaiting { fingerprint: fingerprint(body) };
        Ok(programme)
    }

    /// Adds the texts of `sources.bin` to facts read from `programme.bin`; a file written for other
    /// facts is refused and the programme stays as it was. A programme that has its sources (one
    /// read from CSV, or one they were added to) keeps them.
    pub fn add_sources(&mut self, bytes: &[u8]) -> Result<(), ProgrammeError> {
        let Sources::Awaiting { fingerprint: expected } = self.sources else { return Ok(()) };
        let body = bytes
            .strip_prefix(SOURCES_MAGIC)
            .ok_or_else(|| refused(SOURCES_FILE, "not a sources file of this version"))?;
        let (written_for, body) =
            body.split_first_chunk::<8>().ok_or_else(|| refused(SOURCES_FILE, "damaged: no fingerprint"))?;
        if u64::from_le_bytes(*written_for) != expected {
            return Err(refused(SOURCES_FILE, "written for other programme facts than the ones loaded"));
        }
        let texts: Texts = postcard::from_bytes(body).map_err(|e| refused(SOURCES_FILE, format!("damaged: {e}")))?;
        if (texts.members.len(), texts.provinces.len(), texts.citations.len())
            != (self.members.len(), self.provinces.len(), self.citations.len())
        {
            return Err(refused(SOURCES_FILE, "damaged: the texts do not match the facts one to one"));
        }
        for (member, cited) in self.members.iter_mut().zip(texts.members) {
            (member.confidence_note, member.source, member.note) = (cited.confidence_note, cited.source, cited.note);
        }
        for (province, cited) in self.provinces.iter_mut().zip(texts.provinces) {
            (province.confidence_note, province.source, province.note) =
                (cited.confidence_note, cited.source, cited.note);
        }
        for (citation, quoted) in self.citations.iter_mut().zip(texts.citations) {
            (citation.source_url, citation.quote, citation.label) = (quoted.source_url, quoted.quote, quoted.label);
        }
        self.sources = Sources::Loaded;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::programme::packaged as programme;

    #[test]
    fn the_packed_programme_is_the_parsed_one_once_its_sources_are_in() {
        let parsed = programme();
        let bytes = parsed.to_bytes();
        let mut packed = Programme::from_bytes(&bytes).unwrap();
        assert!(!packed.has_sources());
        assert_eq!(packed.cohorts, parsed.cohorts);
        assert_eq!(packed.by_region, parsed.by_region);
        assert!(packed
            .members
            .iter()
            .zip(&parsed.members)
            .all(|(p, m)| (p.code, p.year, p.confidence) == (m.code, m.year, m.confidence) && p.source.url.is_empty()));
        for &(code, _) in &parsed.by_region {
            assert_eq!(packed.pillars_of(code), parsed.pillars_of(code));
        }
        packed.add_sources(&parsed.sources_to_bytes()).unwrap();
        assert!(packed.has_sources());
        assert_eq!(packed.members, parsed.members);
        assert_eq!(packed.provinces, parsed.provinces);
        assert_eq!(packed.citations, parsed.citations);
        assert_eq!(packed.to_bytes(), bytes);
        assert_eq!(packed.sources_to_bytes(), parsed.sources_to_bytes());
    }

    #[test]
    fn the_facts_leave_the_texts_to_the_sources_file() {
        let parsed = programme();
        // The point of the split: the facts a first view needs are a small part of the bytes.
        assert!(parsed.to_bytes().len() * 4 < parsed.sources_to_bytes().len());
    }

    #[test]
    fn sources_of_other_facts_are_refused_and_change_nothing() {
        let mut packed = Programme::from_bytes(&programme().to_bytes()).unwrap();
        let mut other = programme();
        other.members.pop();
        let error = packed.add_sources(&other.sources_to_bytes()).unwrap_err();
        assert_eq!(error.file, SOURCES_FILE);
        assert!(error.message.contains("other programme facts"), "{error}");
        assert!(!packed.has_sources());
        assert!(packed.add_sources(b"PCPS").is_err());
        assert!(packed.add_sources(&programme().to_bytes()).is_err());
        assert!(!packed.has_sources());
    }

    #[test]
    fn a_programme_from_csv_keeps_its_own_sources() {
        let mut parsed = programme();
        assert!(parsed.has_sources());
        assert_eq!(parsed.add_sources(b"anything"), Ok(()));
        assert_eq!(parsed.members, programme().members);
    }

    #[test]
    fn another_file_is_refused() {
        let bytes = programme().to_bytes();
        assert!(Programme::from_bytes(b"").is_err());
        assert!(Programme::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        let mut other = bytes.clone();
        other[4] = 1;
        assert_eq!(Programme::from_bytes(&other).unwrap_err().file, FILE);
    }

    #[test]
    fn inconsistent_facts_are_refused() {
        let mut parsed = programme();
        parsed.cohorts.reverse();
        assert!(Programme::from_bytes(&parsed.to_bytes()).unwrap_err().message.contains("rising"));
        let mut parsed = programme();
        parsed.cohorts.retain(|cohort| cohort.year != 2017);
        assert!(Programme::from_bytes(&parsed.to_bytes()).unwrap_err().message.contains("2017"));
        let mut parsed = programme();
        parsed.cohorts.clear();
        assert!(Programme::from_bytes(&parsed.to_bytes()).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn damaged_files_never_panic(at in any::<prop::sample::Index>(), value in any::<u8>(), cut in any::<bool>()) {
            let mut bytes = programme().to_bytes();
            let at = at.index(bytes.len());
            if cut { bytes.truncate(at) } else { bytes[at] = value }
            let _ = Programme::from_bytes(&bytes);
        }

        #[test]
        fn damaged_sources_never_panic_and_leave_the_facts_as_they_were(
            at in any::<prop::sample::Index>(), value in any::<u8>(), cut in any::<bool>()
        ) {
            let facts = programme().to_bytes();
            let mut bytes = programme().sources_to_bytes();
            let at = at.index(bytes.len());
            if cut { bytes.truncate(at) } else { bytes[at] = value }
            let mut packed = Programme::from_bytes(&facts).unwrap();
            if packed.add_sources(&bytes).is_err() {
                prop_assert!(!packed.has_sources());
                prop_assert!(packed.members.iter().all(|m| m.source.url.is_empty()));
            }
        }
    }
}
