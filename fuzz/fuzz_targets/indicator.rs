//! Text -> Indicator::from_csv against the official regions (synthetic where absent).
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_cerdas::indicator::Indicator;
use peta_cerdas::names::NameIndex;
use peta_cerdas::region::Region;
use std::sync::OnceLock;

static REGIONS: OnceLock<(Vec<Region>, NameIndex)> = OnceLock::new();

fuzz_target!(|text: &str| {
    let (regions, names) = REGIONS.get_or_init(|| {
        let regions = peta_cerdas_fuzz::regions();
        let names = NameIndex::new(&regions);
        (regions, names)
    });
    if let Ok(indicator) = Indicator::from_csv(text, regions, names) {
        assert_eq!(indicator.values.len(), regions.len());
        for problem in &indicator.problems {
            assert!(problem.to_string().starts_with("line "));
        }
    }
});
