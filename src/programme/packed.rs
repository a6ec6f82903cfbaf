//! `programme.bin` and `sources/<province>.bin`: the checked facts of the three programme CSV
//! files in postcard, written at build time (`peta-cerdas pack-programme`). The browser decodes
//! them in a fraction of the time the CSV parse takes on a phone; the CSV files stay the source of
//! truth, and a site's own folder is still read as CSV.
//!
//! The facts the map colours, hovers and counts by (years, confidence, pillars) are a few kB;
//! the texts behind them (names as the sources write them, source links and titles, notes,
//! quotes) are most of the bytes and only
//! a panel, the table or a CSV export shows them, so they are files of their own, one per holder
//! (see [`province_holder`]: a panel fetches its region's alone, a few hundred bytes) and one of them all
//! (the table and the CSV export fetch that one instead of each holder's). Each names the facts
//! it belongs to by their fingerprint, and each of its sections its holder.

use super::{
    CitationKind, Cohort, Confidence, Membership, Pillar, PillarCitation, Programme, ProgrammeError,
    ProvinceMembership, Source, Sources, Subject,
};
use crate::asset::damage;
use crate::region::RegionCode;
use serde::{Deserialize, Serialize};

/// The facts' file name in a data folder.
pub const FILE: &str = "programme.bin";
/// The sources files in errors, which name the holder in the message.
pub const SOURCES_FILES: &str = "sources/<holder>.bin";
/// "PCPG" and the format's version.
const MAGIC: &[u8; 5] = b"PCPG\x03";
/// "PCPS" and the format's version.
const SOURCES_MAGIC: &[u8; 5] = b"PCPS\x05";
/// The texts of every holder in one file, for the table and the CSV export.
pub const ALL_SOURCES_FILE: &str = "sources/all.bin";

/// The texts' file of one holder in a data folder: `sources/35.20.bin`.
pub fn sources_file(holder: RegionCode) -> String {
    format!("sources/{holder}.bin")
}

/// The holder of a province's own memberships and citations: regency `00`, which no region has
/// (`35.00`). A sources file's section holds one holder's texts, and a holder is named as a
/// region code: a region's own (its memberships and pillar citations: `35.20`), a province's,
/// or that of the citations whose region the source leaves open (`00.00`).
fn province_holder(province: u8) -> RegionCode {
    RegionCode { province, regency: 0 }
}

impl Subject {
    /// Whose texts a citation's are, and so which sources file holds them.
    fn holder(self) -> RegionCode {
        match self {
            Subject::Region(code) => code,
            Subject::Province(province) => province_holder(province),
            Subject::Unresolved => province_holder(0),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Facts {
    cohorts: Vec<Cohort>,
    members: Vec<MemberFact>,
    provinces: Vec<ProvinceFact>,
    citations: Vec<CitationFact>,
}

/// A membership without its texts: the region's name as the source writes it is one of them
/// (the map names a region as the boundary data does).
#[derive(Serialize, Deserialize)]
struct MemberFact {
    code: RegionCode,
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
    year: Option<u16>,
    pillars: Vec<Pillar>,
    kind: CitationKind,
}

/// A sources file's part of one holder: its texts, in the order of its members, provinces and
/// citations among the facts'.
#[derive(Serialize, Deserialize)]
struct Section {
    holder: RegionCode,
    texts: Texts,
}

#[derive(Serialize, Deserialize)]
struct Texts {
    members: Vec<MemberTexts>,
    provinces: Vec<Cited>,
    citations: Vec<Quoted>,
}

/// A membership's texts: the region's name as the source writes it, and what the listing rests on.
#[derive(Serialize, Deserialize)]
struct MemberTexts {
    name: String,
    cited: Cited,
}

/// What a membership's listing rests on.
#[derive(Serialize, Deserialize)]
struct Cited {
    confidence_note: String,
    source: Source,
    note: String,
}

/// What a pillar citation rests on, and its subject's name as the source writes it.
#[derive(Serialize, Deserialize)]
struct Quoted {
    name: String,
    source_url: String,
    quote: String,
    label: String,
}

impl Quoted {
    fn of(citation: &PillarCitation) -> Quoted {
        Quoted {
            name: citation.name.clone(),
            source_url: citation.source_url.clone(),
            quote: citation.quote.clone(),
            label: citation.label.clone(),
        }
    }

    fn put_into(self, citation: &mut PillarCitation) {
        (citation.name, citation.source_url, citation.quote, citation.label) =
            (self.name, self.source_url, self.quote, self.label);
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

impl Programme {
    /// The facts as `programme.bin`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(self.facts_body());
        bytes
    }

    /// The texts as one sources file per holder that has any (`sources/35.20.bin`, see
    /// [`sources_file`] and [`province_holder`]), ascending by holder, for the facts of [`Programme::to_bytes`].
    pub fn sources_files(&self) -> Vec<(RegionCode, Vec<u8>)> {
        let facts = fingerprint(&self.facts_body());
        self.holders_with_texts().into_iter().map(|holder| (holder, self.sources_of(facts, &[holder]))).collect()
    }

    /// Every holder's texts in one file ([`ALL_SOURCES_FILE`]): one request for the table.
    pub fn all_sources(&self) -> Vec<u8> {
        self.sources_of(fingerprint(&self.facts_body()), &self.holders_with_texts())
    }

    /// A sources file of these holders (ascending, each with texts), for the facts of this fingerprint.
    fn sources_of(&self, facts: u64, holders: &[RegionCode]) -> Vec<u8> {
        let cited = |confidence_note: &String, source: &Source, note: &String| Cited {
            confidence_note: confidence_note.clone(),
            source: source.clone(),
            note: note.clone(),
        };
        let sections: Vec<Section> = holders
            .iter()
            .map(|&of| Section {
                holder: of,
                texts: Texts {
                    members: (self.members.iter().filter(|m| m.code == of))
                        .map(|m| MemberTexts {
                            name: m.name.clone(),
                            cited: cited(&m.confidence_note, &m.source, &m.note),
                        })
                        .collect(),
                    provinces: (self.provinces.iter().filter(|p| province_holder(p.province) == of))
                        .map(|p| cited(&p.confidence_note, &p.source, &p.note))
                        .collect(),
                    citations: (self.citations.iter().filter(|c| c.subject.holder() == of)).map(Quoted::of).collect(),
                },
            })
            .collect();
        let mut bytes = SOURCES_MAGIC.to_vec();
        bytes.extend(facts.to_le_bytes());
        // Serialising plain owned data into a Vec cannot fail.
        bytes.extend(postcard::to_allocvec(&sections).unwrap_or_default());
        bytes
    }

    /// The holders with any membership or citation, ascending: the ones a sources file is written
    /// for. A table of flags (64 kB, for a moment) and plain loops, not a sort, a set or iterator
    /// adapters: each of those is code in the WebAssembly.
    pub(super) fn holders_with_texts(&self) -> Vec<RegionCode> {
        let slot = |code: RegionCode| usize::from(code.province) << 8 | usize::from(code.regency);
        let mut has_texts = vec![false; 1 << 16];
        for member in &self.members {
            has_texts[slot(member.code)] = true;
        }
        for province in &self.provinces {
            has_texts[slot(province_holder(province.province))] = true;
        }
        for citation in &self.citations {
            has_texts[slot(citation.subject.holder())] = true;
        }
        let mut holders = Vec::new();
        for (slot, &has) in (0..=u16::MAX).zip(&has_texts) {
            if has {
                let [province, regency] = slot.to_be_bytes();
                holders.push(RegionCode { province, regency });
            }
        }
        holders
    }

    fn facts_body(&self) -> Vec<u8> {
        let facts = Facts {
            cohorts: self.cohorts.clone(),
            members: self
                .members
                .iter()
                .map(|m| MemberFact { code: m.code, year: m.year, confidence: m.confidence })
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
                .map(|c| CitationFact { subject: c.subject, year: c.year, pillars: c.pillars.clone(), kind: c.kind })
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
                name: String::new(),
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
                name: String::new(),
                year: c.year,
                pillars: c.pillars,
                kind: c.kind,
                source_url: String::new(),
                quote: String::new(),
                label: String::new(),
            })
            .collect();
        let mut programme = Programme::new(facts.cohorts, members, provinces, citations);
        let missing = programme.holders_with_texts();
        programme.sources = Sources::Packed { fingerprint: fingerprint(body), missing };
        Ok(programme)
    }

    /// Adds the texts of a sources file (one holder's of [`Programme::sources_files`], or
    /// [`Programme::all_sources`]) to facts read from `programme.bin`. A file of other facts or of
    /// another version, a damaged one, or one with a holder that has no texts or whose texts do
    /// not match the holder's facts one to one is refused, and the programme stays as it was.
    /// Holders whose texts are in already are left as they are: a panel's file and the table's
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
        if sections.is_empty() || sections.windows(2).any(|pair| pair[0].holder >= pair[1].holder) {
            return Err(refused(SOURCES_FILES, "damaged: no holder, or holders not ascending"));
        }
        for Section { holder: of, texts } in &sections {
            let of = *of;
            let counts = (
                self.members.iter().filter(|m| m.code == of).count(),
                self.provinces.iter().filter(|p| province_holder(p.province) == of).count(),
                self.citations.iter().filter(|c| c.subject.holder() == of).count(),
            );
            if counts == (0, 0, 0) {
                return Err(refused(SOURCES_FILES, format!("the texts of {of} are none")));
            }
            if counts != (texts.members.len(), texts.provinces.len(), texts.citations.len()) {
                return Err(refused(SOURCES_FILES, format!("{of}: the texts do not match its facts one to one")));
            }
        }
        for section in sections {
            let Sources::Packed { missing, .. } = &mut self.sources else { break };
            let Ok(place) = missing.binary_search(&section.holder) else { continue };
            missing.remove(place);
            self.put_texts(section);
        }
        Ok(())
    }

    /// Puts a checked section's texts in place of its holder's empty ones.
    fn put_texts(&mut self, Section { holder: of, texts }: Section) {
        let mut members = texts.members.into_iter();
        for member in self.members.iter_mut().filter(|m| m.code == of) {
            if let Some(MemberTexts { name, cited }) = members.next() {
                (member.name, member.confidence_note, member.source, member.note) =
                    (name, cited.confidence_note, cited.source, cited.note);
            }
        }
        let mut provinces = texts.provinces.into_iter();
        for own in self.provinces.iter_mut().filter(|p| province_holder(p.province) == of) {
            if let Some(cited) = provinces.next() {
                (own.confidence_note, own.source, own.note) = (cited.confidence_note, cited.source, cited.note);
            }
        }
        let mut citations = texts.citations.into_iter();
        for citation in self.citations.iter_mut().filter(|c| c.subject.holder() == of) {
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

    /// What a sources file may change: the texts and which holders' are in.
    fn texts(
        programme: &Programme,
    ) -> (Vec<Membership>, Vec<ProvinceMembership>, Vec<PillarCitation>, Vec<RegionCode>) {
        let missing = programme.missing_sources().to_vec();
        (programme.members.clone(), programme.provinces.clone(), programme.citations.clone(), missing)
    }

    /// A holder by its file's name (`35.20`, `32.00`): the province's and the unplaced ones are no region's code.
    fn code(holder: &str) -> RegionCode {
        let (province, regency) = holder.split_once('.').unwrap();
        RegionCode { province: province.parse().unwrap(), regency: regency.parse().unwrap() }
    }

    fn file_of(programme: &Programme, holder: &str) -> Vec<u8> {
        let files = programme.sources_files();
        files.into_iter().find(|&(of, _)| of == code(holder)).map(|(_, bytes)| bytes).expect("a file of the holder")
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
        let holders: Vec<RegionCode> = files.iter().map(|&(holder, _)| holder).collect();
        assert_eq!(packed.missing_sources(), holders);
        assert!(holders.len() > 200 && holders.windows(2).all(|pair| pair[0] < pair[1]), "{holders:?}");
        // In any order: the last holder's first.
        for (holder, file) in files.iter().rev() {
            assert!(!packed.has_sources_of(*holder));
            packed.add_sources(file).unwrap();
            assert!(packed.has_sources_of(*holder));
        }
        assert!(packed.has_sources());
        assert_eq!(packed.members, parsed.members);
        assert_eq!(packed.provinces, parsed.provinces);
        assert_eq!(packed.citations, parsed.citations);
        assert_eq!(packed.to_bytes(), bytes);
        assert_eq!(packed.sources_files(), files);
    }

    #[test]
    fn a_regions_file_brings_its_own_texts_only_and_a_provinces_its_own() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        let unsourced = Source { url: String::new(), title: String::new() };
        // Kota Pasuruan has a membership and pillar citations.
        let pasuruan = code("35.75");
        assert!(!parsed.citations_of(pasuruan).is_empty() && parsed.memberships_of(pasuruan).count() > 0);
        packed.add_sources(&file_of(&parsed, "35.75")).unwrap();
        assert!(packed.has_sources_of(pasuruan) && !packed.has_sources_of(code("35.20")) && !packed.has_sources());
        for (got, want) in packed.members.iter().zip(&parsed.members) {
            let expected = if want.code == pasuruan { want.source.clone() } else { unsourced.clone() };
            assert_eq!(got.source, expected, "{}", want.code);
        }
        for (got, want) in packed.citations.iter().zip(&parsed.citations) {
            assert_eq!(got.source_url == want.source_url, want.subject == Subject::Region(pasuruan), "{}", want.name);
        }
        assert!(packed.provinces.iter().all(|p| p.note.is_empty()));
        // Jawa Barat is a pilot province of 2023 as well as the home of members: its own file
        // brings the province's texts and none of its regions'.
        assert!(parsed.provinces.iter().any(|p| p.province == 32));
        packed.add_sources(&file_of(&parsed, "32.00")).unwrap();
        for (got, want) in packed.provinces.iter().zip(&parsed.provinces) {
            assert_eq!(got.note.is_empty(), want.province != 32, "{}", want.name);
        }
        assert!(packed.members.iter().filter(|m| m.code.province == 32).all(|m| m.source == unsourced));
        // A region with no membership and no citation has nothing to fetch.
        assert!(!packed.holders_with_texts().contains(&code("35.21")) && packed.has_sources_of(code("35.21")));
    }

    #[test]
    fn citations_that_name_no_region_come_in_a_file_of_their_own() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        let unplaced = |programme: &Programme| -> Vec<PillarCitation> {
            programme.citations.iter().filter(|c| c.subject == Subject::Unresolved).cloned().collect()
        };
        assert!(!unplaced(&parsed).is_empty());
        assert_eq!(packed.missing_sources()[0], Subject::Unresolved.holder());
        packed.add_sources(&file_of(&parsed, "00.00")).unwrap();
        assert_eq!(unplaced(&packed), unplaced(&parsed));
        assert!(packed.members.iter().all(|m| m.source.url.is_empty()), "and nothing else");
        assert_eq!(sources_file(Subject::Unresolved.holder()), "sources/00.00.bin");
    }

    #[test]
    fn the_facts_and_each_holder_leave_the_texts_of_the_others_out() {
        let parsed = programme();
        let files = parsed.sources_files();
        let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
        // The point of the split: the facts a first view needs are a small part of the bytes, and
        // a panel's region a small part of the texts.
        assert!(parsed.to_bytes().len() * 4 < total);
        let largest = files.iter().map(|(holder, bytes)| (bytes.len(), *holder)).max().unwrap();
        assert!(largest.0 * 25 < total, "no holder holds a twenty-fifth: {largest:?} of {total}");
    }

    #[test]
    fn a_sources_file_that_does_not_fit_is_refused_and_changes_nothing() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        packed.add_sources(&file_of(&parsed, "35.20")).unwrap();
        let before = texts(&packed);
        let refusal = |packed: &mut Programme, bytes: &[u8]| {
            let error = packed.add_sources(bytes).unwrap_err();
            assert_eq!(error.file, SOURCES_FILES);
            assert_eq!(texts(packed), before, "{error} changed the programme");
            error.message
        };
        let mut other = programme();
        other.members.pop();
        assert!(refusal(&mut packed, &file_of(&other, "33.74")).contains("other programme facts"));
        // The byte after the fingerprint counts the sections; the holder's province and regency follow it.
        let mut elsewhere = file_of(&parsed, "33.74");
        assert_eq!((elsewhere[13], elsewhere[14], elsewhere[15]), (1, 33, 74));
        elsewhere[15] = 99;
        assert!(refusal(&mut packed, &elsewhere).contains("33.99 are none"));
        // Kota Semarang's texts labelled as Kota Pasuruan's: counts differ, or the bytes do not read.
        (elsewhere[14], elsewhere[15]) = (35, 75);
        assert!(refusal(&mut packed, &elsewhere).contains("35.75"));
        let mut twice = file_of(&parsed, "33.74");
        twice[13] = 2;
        twice.extend_from_slice(&file_of(&parsed, "33.74")[14..]);
        assert!(refusal(&mut packed, &twice).contains("not ascending"));
        let mut older = file_of(&parsed, "33.74");
        older[4] = 1;
        assert!(refusal(&mut packed, &older).contains("version"));
        let whole = file_of(&parsed, "33.74");
        for cut in [0, 5, 12, 13, 14, 15, whole.len() / 2, whole.len() - 1] {
            refusal(&mut packed, &whole[..cut]);
        }
        refusal(&mut packed, &parsed.to_bytes());
        packed.add_sources(&whole).unwrap();
        assert!(packed.has_sources_of(code("33.74")));
    }

    #[test]
    fn the_file_of_every_holder_brings_what_the_others_did_not() {
        let parsed = programme();
        let mut packed = Programme::from_bytes(&parsed.to_bytes()).unwrap();
        packed.add_sources(&file_of(&parsed, "35.20")).unwrap();
        let magetan: Vec<Membership> = packed.members.iter().filter(|m| m.code == code("35.20")).cloned().collect();
        packed.add_sources(&parsed.all_sources()).unwrap();
        assert!(packed.has_sources() && packed.missing_sources().is_empty());
        assert_eq!(packed.members, parsed.members);
        assert_eq!(packed.provinces, parsed.provinces);
        assert_eq!(packed.citations, parsed.citations);
        let again: Vec<Membership> = packed.members.iter().filter(|m| m.code == code("35.20")).cloned().collect();
        assert_eq!(again, magetan);
        // A panel's file that comes in after the table's changes nothing and is no error.
        packed.add_sources(&file_of(&parsed, "35.20")).unwrap();
        assert_eq!(packed.members, parsed.members);
        // One request in place of one per holder, and fewer bytes than all of theirs.
        let each: usize = parsed.sources_files().iter().map(|(_, bytes)| bytes.len()).sum();
        assert!(parsed.all_sources().len() < each);
    }

    #[test]
    fn a_programme_from_csv_has_all_its_texts_and_takes_no_file() {
        let mut parsed = programme();
        assert!(parsed.has_sources() && parsed.missing_sources().is_empty() && parsed.has_sources_of(code("35.20")));
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
                // A changed byte inside a text still reads: the file's holders, and no other, are then in.
                Ok(()) => prop_assert!(packed.missing_sources().len() < before.3.len()
                    && packed.missing_sources().iter().all(|p| before.3.contains(p))),
            }
        }
    }
}
