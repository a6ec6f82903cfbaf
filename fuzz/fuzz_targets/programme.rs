//! Text -> the programme CSV readers. The first byte picks the file the rest replaces
//! (members, pillars, cohorts; the other two are a consistent slice of the real files) or,
//! for 3, splits the rest at NUL bytes into all three.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_cerdas::programme::Programme;
use std::sync::OnceLock;

static SMALL: OnceLock<(String, String, String)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (members, pillars, cohorts) = SMALL.get_or_init(peta_cerdas_fuzz::small_programme);
    let result = match selector % 4 {
        0 => Programme::from_csv(text, pillars, cohorts),
        1 => Programme::from_csv(members, text, cohorts),
        2 => Programme::from_csv(members, pillars, text),
        _ => {
            let mut parts = text.splitn(3, '\0');
            let (m, p, c) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            Programme::from_csv(m, p, c)
        }
    };
    match result {
        Ok(programme) => {
            // A programme that reads must answer every question the map asks.
            for year in programme.cohort_years() {
                let _ = programme.pillar_counts(year);
                let _ = programme.identified(year);
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
