//! `programme.bin`: the checked facts of the three programme CSV files in postcard, written at
//! build time (`peta-cerdas pack-programme`). The browser decodes it in a fraction of the time
//! the CSV parse takes on a phone; the CSV files stay the source of truth, and a site's own
//! folder is still read as CSV.

use super::{Cohort, Membership, PillarCitation, Programme, ProgrammeError, ProvinceMembership};
use serde::{Deserialize, Serialize};

/// The file's name in a data folder.
pub const FILE: &str = "programme.bin";
/// "PCPG" and the format's version.
const MAGIC: &[u8; 5] = b"PCPG\x01";

#[derive(Serialize)]
struct Borrowed<'a> {
    cohorts: &'a [Cohort],
    members: &'a [Membership],
    provinces: &'a [ProvinceMembership],
    citations: &'a [PillarCitation],
}

#[derive(Deserialize)]
struct Owned {
    cohorts: Vec<Cohort>,
    members: Vec<Membership>,
    provinces: Vec<ProvinceMembership>,
    citations: Vec<PillarCitation>,
}

fn refused(message: impl Into<String>) -> ProgrammeError {
    ProgrammeError { file: FILE, line: 0, message: message.into() }
}

impl Programme {
    /// The programme as `programme.bin`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let borrowed = Borrowed {
            cohorts: &self.cohorts,
            members: &self.members,
            provinces: &self.provinces,
            citations: &self.citations,
        };
        let mut bytes = MAGIC.to_vec();
        bytes.extend(postcard::to_allocvec(&borrowed).unwrap_or_default());
        bytes
    }

    /// Reads `programme.bin`. The file is checked as far as the map relies on it: at least one
    /// cohort, cohort years rising, every listing in a cohort year.
    pub fn from_bytes(bytes: &[u8]) -> Result<Programme, ProgrammeError> {
        let body = bytes.strip_prefix(MAGIC).ok_or_else(|| refused("not a programme file of this version"))?;
        let owned: Owned = postcard::from_bytes(body).map_err(|e| refused(format!("damaged: {e}")))?;
        if owned.cohorts.is_empty() {
            return Err(refused("no cohort"));
        }
        if owned.cohorts.windows(2).any(|pair| pair[0].year >= pair[1].year) {
            return Err(refused("cohort years not rising"));
        }
        let is_cohort = |year: u16| owned.cohorts.iter().any(|cohort| cohort.year == year);
        let years = owned.members.iter().map(|m| m.year).chain(owned.provinces.iter().map(|p| p.year));
        if let Some(year) = years.clone().find(|&year| !is_cohort(year)) {
            return Err(refused(format!("a listing in {year}, which has no cohort")));
        }
        Ok(Programme::new(owned.cohorts, owned.members, owned.provinces, owned.citations))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::programme::packaged as programme;

    #[test]
    fn the_packed_programme_is_the_parsed_one() {
        let parsed = programme();
        let bytes = parsed.to_bytes();
        let packed = Programme::from_bytes(&bytes).unwrap();
        assert_eq!(packed.cohorts, parsed.cohorts);
        assert_eq!(packed.members, parsed.members);
        assert_eq!(packed.provinces, parsed.provinces);
        assert_eq!(packed.citations, parsed.citations);
        assert_eq!(packed.by_region, parsed.by_region);
        assert_eq!(packed.to_bytes(), bytes);
    }

    #[test]
    fn another_file_is_refused() {
        let bytes = programme().to_bytes();
        assert!(Programme::from_bytes(b"").is_err());
        assert!(Programme::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        let mut other = bytes.clone();
        other[4] = 2;
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
    }
}
