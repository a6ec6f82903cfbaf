//! Text -> prepare's validation and preparation, against the small synthetic code list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_cerdas::asset::Asset;
use peta_cerdas::prepare::{self, CodeList};
use std::sync::OnceLock;

static CODES: OnceLock<CodeList> = OnceLock::new();

fuzz_target!(|text: &str| {
    let codes = CODES.get_or_init(peta_cerdas_fuzz::synthetic_codes);
    if let Ok((asset, _)) = prepare::prepare(text, codes, "fuzz") {
        // Whatever prepare writes, the reader must take back.
        let bytes = asset.to_bytes();
        Asset::from_bytes(&bytes).expect("a prepared asset reads back");
        peta_cerdas::atlas::Atlas::from_bytes(&bytes).expect("a prepared asset loads");
    }
});
