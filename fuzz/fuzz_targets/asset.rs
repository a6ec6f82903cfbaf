//! Bytes -> the boundary asset, as MapHandle.loadAtlas reads it; an asset that loads is used.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_cerdas::map::MapState;
use std::sync::{Mutex, OnceLock};

static GOOD: OnceLock<Vec<u8>> = OnceLock::new();
static MAP: Mutex<Option<MapState>> = Mutex::new(None);

fuzz_target!(|bytes: &[u8]| {
    let good = GOOD.get_or_init(|| peta_cerdas_fuzz::synthetic_asset().to_bytes());
    let mut guard = MAP.lock().unwrap();
    let map = guard.get_or_insert_with(peta_cerdas_fuzz::ready_map);
    if map.load_atlas(bytes).is_err() {
        assert!(map.is_ready(), "a failed load keeps the previous atlas");
        return;
    }
    peta_cerdas_fuzz::exercise(map);
    // Back to the good atlas (and a fresh view) so the next input starts from the same state.
    map.load_atlas(good).expect("the synthetic asset loads");
    map.select_index(None);
    map.reset_view();
});
