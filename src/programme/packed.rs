//! `programme.bin` and `sources/<province>.bin`: the checked facts of the three programme CSV
//! files in postcard, written at build time (`peta-cerdas pack-programme`). The browser decodes
//! them in a fraction of the time the CSV parse takes on a phone; the CSV files stay the source of
//! truth, and a site's own folder is still read as CSV.
//!
//! The facts the map colours, hovers and counts by (years, confidence, pillars) are a few kB;
//! the texts behind them (source links and titles, notes, quotes) are most of the bytes and only
//! a panel, the table or a CSV export shows them, so they are files of their own, one per
//! province (a panel fetches its region's province's alone) and one of every province (the table
//! and the CSV export fetch that one instead of each province's). Each names the facts it belongs
//! to by their fingerprint, and each of its sections its province.

use super::{
    CitationKind, Cohort, Confidence, Membership, Pillar, PillarCitation, Programme, ProgrammeError,
    ProvinceMembership, Source, Sources, Subject,
};
use crate::asset::damage;
use crate::region::RegionCode;
use serde::{Deserialize, Serialize};

/// The facts' file name in a data folder.
pub const FILE: &str = "programme.bin";
/// The sources files in errors, which name the province in the message.
pub const SOURCES_FILES: &str = "sources/<province>.bin";
/// "PCPG" and the format's version.
const MAGIC: &[u8; 5] = b"PCPG\x02";
/// "PCPS" and the format's version.
const SOURCES_MAGIC: &[u8; 5] = b"PCPS\x03";
/// The texts of every province in one file, for the table and the CSV export.
pub const ALL_SOURCES_FILE: &str = "sources/all.bin";

/// The texts' file of one province in a data folder: `sources/35.bin`.
pub fn sources_file(province: u8) -> String {
    format!("sources/{province:02}.bin")
}

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

/// A sources file's part of one province: its texts, in the order of its members, provinces
/// and citations among the facts'.
#[derive(Serialize, Deserialize)]
struct Section {
    province: u8,
    texts: Texts,
}

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

impl Quoted {
    fn of(citation: &PillarCitation) -> Quoted {
        Quoted { source_url: citation.source_url.clone(), quote: citation.quote.clone(), label: citation.label.clone() }
    }

    fn put_into(self, citation: &mut PillarCitation) {
        (citation.source_url, citation.quote, citation.label) = (self.source_url, self.quote, self.label);
    }
}

fn refused(file: &'static str, message: impl Into<String>) -> ProgrammeError {
    ProgrammeError { file, line: 0, message: message.into() }
}

/// FNV-1a: the facts' fingerprint, so that a sources file of other facts is refused. Not a
/// defence against tampering; the files come from the same folder.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// Where the citations whose region the source leaves open keep their texts (`sources/00.bin`):
/// no province's file, and no Kemendagri province code.
const NO_PROVINCE: u8 = 0;

impl Subject {
    /// The province whose sources file holds a citation's texts.
    fn province(self) -> u8 {
        match self {
            Subject::Region(code) => code.province,
            Subject::Province(province) => province,
            Subject::Unresolved => NO_PROVINCE,
        }
    }
}

impl Programme {
    /// The facts as `programme.bin`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(self.facts_body());
        bytes
    }

    /// The texts as one sources file per province that has any (`sources/35.bin`, see
    /// [`sources_file`]), ascending by province, for the facts of [`Programme::to_bytes`].
    pub fn sources_files(&self) -> Vec<(u8, Vec<u8>)> {
        let facts = fingerprint(&self.facts_body());
        self.provinces_with_texts()
            .into_iter()
            .map(|province| (province, self.sources_of(facts, &[province])))
            .collect()
    }

    /// Every province's texts in one file ([`ALL_SOURCES_FILE`]): one request for the table.
    pub fn all_sources(&self) -> Vec<u8> {
        self.sources_of(fingerprint(&self.facts_body()), &self.provinces_with_texts())
    }

    /// A sources file of these provinces (ascending, each with texts), for the facts of this fingerprint.
    fn sources_of(&self, facts: u64, provinces: &[u8]) -> Vec<u8> {
        let cited = |confidence_note: &String, source: &Source, note: &String| Cited {
            confidence_note: confidence_note.clone(),
            source: source.clone(),
            note: note.clone(),
        };
        let sections: Vec<Section> = provinces
            .iter()
            .map(|&province| Section {
                province,
                texts: Texts {
                    members: (self.members.iter().filter(|m| m.code.province == province))
                        .map(|m| cited(&m.confidence_note, &m.source, &m.note))
                        .collect(),
                    provinces: (self.provinces.iter().filter(|p| p.province == province))
                        .map(|p| cited(&p.confidence_note, &p.source, &p.note))
                        .collect(),
                    citations: (self.citations.iter().filter(|c| c.subject.province() == province))
                        .map(Quoted::of)
                        .collect(),
                },
            })
            .collect();
        let mut bytes = SOURCES_MAGIC.to_vec();
        bytes.extend(facts.to_le_bytes());
        // Serialising plain owned data into a Vec cannot fail.
        bytes.extend(postcard::to_allocvec(&sections).unwrap_or_default());
        bytes
    }

    /// The provinces with any membership or citation, ascending (and [`NO_PROVINCE`] for the
    /// citations whose region the source leaves open): the ones a sources file is written for. A table of flags and plain loops, not a sort, a set or iterator adapters:
    /// province codes are below 256, and each adapter type is code in the WebAssembly.
    pub(super) fn provinces_with_texts(&self) -> Vec<u8> {
        let mut has_texts = [false; 256];
        for member in &self.members {
            has_texts[usize::from(member.code.province)] = true;
        }
        for province in &self.provinces {
            has_texts[usize::from(province.province)] = true;
        }
        for citation in &self.citations {
            has_texts[usize::from(citation.subject.province())] = true;
        }
        let mut provinces = Vec::new();
        for (province, &has) in (0..=u8::MAX).zip(&has_texts) {
            if has {
                provinces.push(province);
            }
        }
        provinces
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
        let facts: Facts = postcard::from_bytes(body).map_err(|e| refused(FILE, damage(&e)))?;
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
        let missing = programme.provinces_with_texts();
        programme.sources = Sources::Packed { fingerprint: fingerprint(body), missing };
        Ok(programme)
    }

    /// Adds the texts of a sources file (one province's of [`Programme::sources_files`], or
    /// [`Programme::all_sources`]) to facts read from `programme.bin`. A file of other facts or of
    /// another version, a damaged one, or one with a province that has no texts or whose texts do
    /// not match the province's facts one to one is refused, and the programme stays as it was.
    /// Provinces whose texts are in already are left as they are: a panel's file and the table's
    /// may cross in flight. A programme read from CSV has all its texts and takes none.
    pub fn add_sources(&mut self, bytes: &[u8]) -> Result<(), ProgrammeError> {
        let Sources::Packed { fingerprint: expected, .. } = self.sources else { return Ok(()) };
        let body = bytes
            .strip_prefix(SOURCES_MAGIC)
            .ok_or_else(|| refused(SOURCES_FILES, "not a sources file of this version"))?;
        let (written_for, body) =
            body.split_first_chunk::<8>().ok_or_else(|| refused(SOURCES_FILES, "damaged: no fingerprint"))?;
        if u64::from_le_bytes(*written_for) != expected {
            return Err(refused(SOURCES_FILES, "written for other programme facts than the ones loaded"));
        }
        let sections: Vec<Section> = postcard::from_bytes(body).map_err(|e| refused(SOURCES_FILES, damage(&e)))?;
        if sections.is_empty() || sections.windows(2).any(|pair| pair[0].province >= pair[1].province) {
            return Err(refused(SOURCES_FILES, "damaged: no province, or provinces not ascending"));
        }
        let with_texts = self.provinces_with_texts();
        for Section { province, texts } in &sections {
            let province = *province;
            if with_texts.binary_search(&province).is_err() {
                return Err(refused(SOURCES_FILES, format!("the texts of province {province:02} are none")));
            }
            let in_province = |of: u8| of == province;
            let counts = (
                self.members.iter().filter(|m| in_province(m.code.province)).count(),
                self.provinces.iter().filter(|p| in_province(p.province)).count(),
                self.citations.iter().filter(|c| in_province(c.subject.province())).count(),
            );
            if counts != (texts.members.len(), texts.provinces.len(), texts.citations.len()) {
                return Err(refused(
                    SOURCES_FILES,
                    format!("province {province:02}: the texts do not match its facts one to one"),
                ));
            }
        }
        for section in sections {
            let Sources::Packed { missing, .. } = &mut self.sources else { break };
            let Ok(place) = missing.binary_search(&section.province) else { continue };
            missing.remove(place);
            self.put_texts(section);
        }
        Ok(())
    }

    /// Puts a checked section's texts in place of its province's empty ones.
    fn put_texts(&mut self, Section { province, texts }: Section) {
        let in_province = |of: u8| of == province;
        let mut members = texts.members.into_iter();
        for member in self.members.iter_mut().filter(|m| in_province(m.code.province)) {
            if let Some(cited) = members.next() {
                (member.confidence_note, member.source, member.note) =
                    (cited.confidence_note, cited.source, cited.note);
            }
        }
        let mut provinces = texts.provinces.into_iter();
        for own in self.provinces.iter_mut().filter(|p| in_province(p.province)) {
            if let Some(cited) = provinces.next() {
                (own.confidence_note, own.source, own.note) = (cited.confidence_note, cited.source, cited.note);
            }
        }
        let mut citations = texts.citations.into_iter();
        for citation in self.citations.iter_mut().filter(|c| in_province(c.subject.province())) {
            if let Some(quoted) = citations.next() {
                quoted.put_into(citation);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::programme::packaged as programme;

    /// What a sources file may change: the texts and which provinces' are in.
    fn texts(programme: &Programme) -> (Vec<Membership>, Vec<ProvinceMembership>, Vec<PillarCitation>, Vec<u8>) {
        let missing = programme.missing_sources().to_vec();
        (programme.members.clone(), programme.provinces.clone(), programme.citations.clone(), missing)
    }

    fn file_of(programme: &Programme, province: u8) -> Vec<u8> {
        let files = programme.sources_files();
        files.into_iter().find(|&(of, _)| of == province).map(|(_, bytes)| bytes).expect("a file of the province")
    }

    #[test]
    fn the_packed_programme_is_the_parsed_one_once_every_provinces_sources_are_in() {
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
        let files = parsed.sources_files();
        let provinces: Vec<u8> = files.iter().map(|&(province, _)| province).collect();
        assert_eq!(packed.missing_sources(), provinces);
        assert!(provinces.len() > 30 && provinces.windows(2).all(|pair| pair[0] < pair[1]), "{provinces:?}");
        // In any order: the last province's first.
        for (province, file) in files.iter().rev() {
            assert!(!packed.has_sources_of(*province));
            packed.add_sources(file).unwrap();
            assert!(packed.has_sources_of(*province));
        }
        assert!(packed.has_sources());
        assert_eq!(packed.members, parsed.members);
        assert_eq!(packed.provinces, parsed.provinces);
        assert_eq!(packed.citations, parsed.citations);
        assert_eq!(packed.to_bytes(), bytes);
        assert_eq!(packed.sources_files(), files);
    }

    #[test]
    fn a_provinces_file_brings_its_regions_and_its_own_texts_only() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        // Jawa Barat is a pilot province of 2023 as well as the home of members.
        assert!(parsed.provinces.iter().any(|p| p.province == 32));
        packed.add_sources(&file_of(&parsed, 32)).unwrap();
        assert!(packed.has_sources_of(32) && !packed.has_sources_of(35) && !packed.has_sources());
        assert!(!packed.missing_sources().contains(&32));
        for (got, want) in packed.members.iter().zip(&parsed.members) {
            let unsourced = Source { url: String::new(), title: String::new() };
            let expected = if want.code.province == 32 { want.source.clone() } else { unsourced };
            assert_eq!(got.source, expected, "{}", want.code);
        }
        for (got, want) in packed.provinces.iter().zip(&parsed.provinces) {
            assert_eq!(got.note.is_empty(), want.province != 32, "{}", want.name);
        }
        for (got, want) in packed.citations.iter().zip(&parsed.citations) {
            assert_eq!(got.source_url == want.source_url, want.subject.province() == 32, "{}", want.name);
        }
        // A province with no member and no citation has nothing to fetch.
        assert!(!packed.provinces_with_texts().contains(&99) && packed.has_sources_of(99));
    }

    #[test]
    fn citations_that_name_no_region_come_in_a_file_of_their_own() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        let unplaced = |programme: &Programme| -> Vec<PillarCitation> {
            programme.citations.iter().filter(|c| c.subject == Subject::Unresolved).cloned().collect()
        };
        assert!(!unplaced(&parsed).is_empty());
        assert_eq!(packed.missing_sources()[0], NO_PROVINCE);
        packed.add_sources(&file_of(&parsed, NO_PROVINCE)).unwrap();
        assert_eq!(unplaced(&packed), unplaced(&parsed));
        assert!(packed.members.iter().all(|m| m.source.url.is_empty()), "and nothing else");
        assert_eq!(sources_file(NO_PROVINCE), "sources/00.bin");
    }

    #[test]
    fn the_facts_and_each_province_leave_the_texts_of_the_others_out() {
        let parsed = programme();
        let files = parsed.sources_files();
        let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
        // The point of the split: the facts a first view needs are a small part of the bytes, and
        // a panel's province a small part of the texts.
        assert!(parsed.to_bytes().len() * 4 < total);
        assert!(files.iter().all(|(_, bytes)| bytes.len() * 4 < total), "no province holds a quarter");
    }

    #[test]
    fn a_sources_file_that_does_not_fit_is_refused_and_changes_nothing() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        packed.add_sources(&file_of(&parsed, 35)).unwrap();
        let before = texts(&packed);
        let refusal = |packed: &mut Programme, bytes: &[u8]| {
            let error = packed.add_sources(bytes).unwrap_err();
            assert_eq!(error.file, SOURCES_FILES);
            assert_eq!(texts(packed), before, "{error} changed the programme");
            error.message
        };
        let mut other = programme();
        other.members.pop();
        assert!(refusal(&mut packed, &file_of(&other, 33)).contains("other programme facts"));
        // The byte after the fingerprint counts the sections; the province follows it.
        let mut elsewhere = file_of(&parsed, 33);
        assert_eq!((elsewhere[13], elsewhere[14]), (1, 33));
        elsewhere[14] = 99;
        assert!(refusal(&mut packed, &elsewhere).contains("province 99 are none"));
        // Jawa Tengah's texts labelled as Jawa Barat's: counts differ, or the bytes do not read.
        elsewhere[14] = 32;
        assert!(refusal(&mut packed, &elsewhere).contains("province 32"));
        let mut twice = file_of(&parsed, 33);
        twice[13] = 2;
        twice.extend_from_slice(&file_of(&parsed, 33)[14..]);
        assert!(refusal(&mut packed, &twice).contains("not ascending"));
        let mut older = file_of(&parsed, 33);
        older[4] = 1;
        assert!(refusal(&mut packed, &older).contains("version"));
        let whole = file_of(&parsed, 33);
        for cut in [0, 5, 12, 13, 14, 15, whole.len() / 2, whole.len() - 1] {
            refusal(&mut packed, &whole[..cut]);
        }
        refusal(&mut packed, &parsed.to_bytes());
        packed.add_sources(&whole).unwrap();
        assert!(packed.has_sources_of(33));
    }

    #[test]
    fn the_file_of_every_province_brings_what_the_others_did_not() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        packed.add_sources(&file_of(&parsed, 35)).unwrap();
        let jawa_timur: Vec<Membership> = packed.members.iter().filter(|m| m.code.province == 35).cloned().collect();
        packed.add_sources(&parsed.all_sources()).unwrap();
        assert!(packed.has_sources() && packed.missing_sources().is_empty());
        assert_eq!(packed.members, parsed.members);
        assert_eq!(packed.provinces, parsed.provinces);
        assert_eq!(packed.citations, parsed.citations);
        let again: Vec<Membership> = packed.members.iter().filter(|m| m.code.province == 35).cloned().collect();
        assert_eq!(again, jawa_timur);
        // A panel's file that comes in after the table's changes nothing and is no error.
        packed.add_sources(&file_of(&parsed, 35)).unwrap();
        assert_eq!(packed.members, parsed.members);
        // One request in place of one per province, and fewer bytes than all of theirs.
        let each: usize = parsed.sources_files().iter().map(|(_, bytes)| bytes.len()).sum();
        assert!(parsed.all_sources().len() < each);
    }

    #[test]
    fn a_programme_from_csv_has_all_its_texts_and_takes_no_file() {
        let mut parsed = programme();
        assert!(parsed.has_sources() && parsed.missing_sources().is_empty() && parsed.has_sources_of(35));
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
            file in any::<prop::sample::Index>(),
            at in any::<prop::sample::Index>(),
            value in any::<u8>(),
            cut in any::<bool>(),
        ) {
            let parsed = programme();
            let mut files: Vec<Vec<u8>> = parsed.sources_files().into_iter().map(|(_, bytes)| bytes).collect();
            files.push(parsed.all_sources());
            let mut bytes = files[file.index(files.len())].clone();
            let at = at.index(bytes.len());
            if cut { bytes.truncate(at) } else { bytes[at] = value }
            let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
            let before = texts(&packed);
            match packed.add_sources(&bytes) {
                Err(_) => prop_assert_eq!(texts(&packed), before),
                // A changed byte inside a text still reads: the file's provinces, and no other, are then in.
                Ok(()) => prop_assert!(packed.missing_sources().len() < before.3.len()
                    && packed.missing_sources().iter().all(|p| before.3.contains(p))),
            }
        }
    }
}
