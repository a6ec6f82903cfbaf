//! Text -> the preview's paths, as MapHandle.loadOverview reads them beside the synthetic
//! overview and its grid's bounds; paths that load are used.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_cerdas::asset::paths;
use peta_cerdas::atlas::Atlas;
use peta_cerdas::map::MapState;
use std::sync::{Mutex, OnceLock};

/// The synthetic overview, its grid's bounds and its own paths.
static GOOD: OnceLock<(Vec<u8>, [f64; 4], String)> = OnceLock::new();
static MAP: Mutex<Option<MapState>> = Mutex::new(None);

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let (overview, bounds, good) = GOOD.get_or_init(|| {
        let asset = peta_cerdas_fuzz::synthetic_asset();
        let (bounds, _, written) = paths::write_paths(&Atlas::from_asset(asset.clone()).levels()[0].shapes).unwrap();
        (asset.overview().to_bytes(), bounds, written.join("\n"))
    });
    let mut guard = MAP.lock().unwrap();
    let map = guard.get_or_insert_with(peta_cerdas_fuzz::ready_map);
    if map.load_overview(overview, text, bounds).is_err() {
        assert!(map.is_ready(), "failed paths keep the previous atlas");
        return;
    }
    peta_cerdas_fuzz::exercise(map);
    // Back to the good paths (and a fresh view) so the next input starts from the same state.
    map.load_overview(overview, good, bounds).expect("the synthetic paths load");
    map.select_index(None);
    map.reset_view();
});
