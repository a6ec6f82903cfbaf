//! Text -> the URL-hash parser, and the map applying it (the hash is user input from a link).
#![no_main]

use libfuzzer_sys::fuzz_target;
use peta_cerdas::map::MapState;
use peta_cerdas::view::ViewState;
use std::sync::Mutex;

static MAP: Mutex<Option<MapState>> = Mutex::new(None);

fuzz_target!(|hash: &str| {
    let (state, _) = ViewState::from_hash(hash);
    // What a state writes, it reads back the same (cameras are rounded, so compare the rest).
    let (again, problems) = ViewState::from_hash(&state.to_hash());
    assert!(problems.is_empty(), "{problems:?} for {}", state.to_hash());
    assert_eq!(
        (again.year, again.mode, again.pillar, again.lang, again.theme, again.region),
        (state.year, state.mode, state.pillar, state.lang, state.theme, state.region)
    );

    let mut guard = MAP.lock().unwrap();
    let map = guard.get_or_insert_with(peta_cerdas_fuzz::ready_map);
    map.apply_hash("#year=2024&mode=cohort&pillar=count&lang=id");
    map.select_index(None);
    map.reset_view();
    let _ = map.apply_hash(hash);
    let written = map.hash();
    assert!(map.apply_hash(&written).is_empty(), "the map's own hash {written} is valid");
    // What a scene looks up for the view: the regions in sight, the one under the pointer.
    if let Some(atlas) = map.atlas() {
        let _ = atlas.regions_in(map.viewport().visible_extent());
    }
    let _ = map.click(300.0, 200.0);
});
