//! The programme in figures, as `peta-cerdas stats` prints them and the element's `stats()`
//! returns them: one shape for both.

use crate::programme::{Pillar, Programme};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Stats {
    pub regions: usize,
    pub year: u16,
    pub members_as_of_year: usize,
    pub cohorts: Vec<CohortStats>,
    pub pillars: PillarStats,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CohortStats {
    pub year: u16,
    pub official: u16,
    pub identified: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PillarStats {
    pub governance: usize,
    pub branding: usize,
    pub economy: usize,
    pub living: usize,
    pub society: usize,
    pub environment: usize,
}

impl Stats {
    /// Figures as of `year`: members are distinct kab/kota listed in that year or before.
    pub fn new(regions: usize, programme: &Programme, year: u16) -> Stats {
        let counts = programme.pillar_counts(year);
        let count = |pillar: Pillar| counts.iter().find(|(p, _)| *p == pillar).map_or(0, |(_, n)| *n);
        Stats {
            regions,
            year,
            members_as_of_year: programme.members_as_of(year).len(),
            cohorts: programme
                .cohorts()
                .iter()
                .map(|c| CohortStats { year: c.year, official: c.official, identified: programme.identified(c.year) })
                .collect(),
            pillars: PillarStats {
                governance: count(Pillar::Governance),
                branding: count(Pillar::Branding),
                economy: count(Pillar::Economy),
                living: count(Pillar::Living),
                society: count(Pillar::Society),
                environment: count(Pillar::Environment),
            },
        }
    }
}
