//! Malformed inputs through every reader of untrusted data: each must be refused (or, where
//! the table says so, repaired) with a message that names the problem and where it is, never
//! a panic, and a map that already holds good data must keep it.
//!
//! The inputs are the files under tests/corpus/, listed with their reader and the expected
//! message fragment in the table of tests/corpus/README.md (the test refuses files missing
//! from the table and rows without a file). Inputs too big to commit are made here, below.
//! `PETA_CORPUS_PRINT=1 cargo test --test corpus -- --nocapture` prints every message.

mod common;

use peta_cerdas::asset::{paths as grid_paths, Asset, FORMAT_VERSION};
use peta_cerdas::atlas::Atlas;
use peta_cerdas::contract;
use peta_cerdas::indicator::Indicator;
use peta_cerdas::map::{MapError, MapState};
use peta_cerdas::names::NameIndex;
use peta_cerdas::prepare::{self, CodeList};
use peta_cerdas::programme::Programme;
use peta_cerdas::view::ViewState;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn corpus() -> PathBuf {
    common::root().join("tests/corpus")
}

struct Real {
    members: String,
    pillars: String,
    cohorts: String,
}

fn real() -> &'static Real {
    static REAL: OnceLock<Real> = OnceLock::new();
    REAL.get_or_init(|| Real {
        members: read("data/programme/members.csv"),
        pillars: read("data/programme/pillars.csv"),
        cohorts: read("data/programme/cohorts.csv"),
    })
}

/// The six made-up squares of tests/fixtures/synthetic: the code list prepare checks against.
fn synthetic_codes() -> CodeList {
    CodeList::from_csv(&read("tests/fixtures/synthetic/regencies.csv"), &read("tests/fixtures/synthetic/provinces.csv"))
        .unwrap()
}

fn synthetic_asset() -> Asset {
    prepare::prepare(&read("tests/fixtures/synthetic/regions.geojson"), &synthetic_codes(), "made-up squares")
        .unwrap()
        .0
}

/// A map holding the synthetic atlas and the real programme, as a page has after loading.
fn ready_map() -> MapState {
    let mut map = MapState::new();
    map.load_atlas(&synthetic_asset().to_bytes()).unwrap();
    let real = real();
    map.load_programme(&real.members, &real.pillars, &real.cohorts).unwrap();
    map.set_size(600.0, 400.0);
    map.set_year(2021).unwrap();
    map
}

fn ui(map: &MapState) -> String {
    serde_json::to_string(&contract::ui(map).expect("the map is ready")).unwrap()
}

/// One row of the README table.
struct Case {
    file: String,
    reader: String,
    expected: String,
}

fn manifest() -> Vec<Case> {
    read("tests/corpus/README.md")
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.strip_prefix("| `")?.split(" | ").collect();
            let [file, reader, expected] = cells[..] else { panic!("a corpus row has three cells: {line}") };
            let unquote = |cell: &str| cell.trim().trim_end_matches('|').trim().trim_matches('`').to_owned();
            Some(Case { file: unquote(file), reader: unquote(reader), expected: unquote(expected) })
        })
        .collect()
}

fn listed_files(dir: &Path, into: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            listed_files(&path, into);
        } else if path.file_name().unwrap() != "README.md" {
            into.push(path.strip_prefix(corpus()).unwrap().to_string_lossy().into_owned());
        }
    }
}

/// Runs the CLI; returns success and everything it printed.
fn cli(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peta-cerdas"))
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("start peta-cerdas");
    let printed = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!printed.contains("panicked"), "peta-cerdas {args:?} panicked: {printed}");
    (out.status.success(), printed)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("peta-cerdas-corpus-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What a reader said about an input: an error, or the problems it reported while succeeding.
enum Outcome {
    Refused(String),
    Accepted(Vec<String>),
}

fn prepare_library(text: &str) -> Outcome {
    match prepare::prepare(text, &synthetic_codes(), "corpus") {
        Err(error) => Outcome::Refused(error.to_string()),
        Ok((_, report)) => Outcome::Accepted(report.repaired),
    }
}

/// `peta-cerdas prepare` on a file, into a folder holding a good asset that must survive.
fn prepare_cli(path: &Path) -> Outcome {
    let out = temp_dir("prepare");
    std::fs::write(out.join("atlas.bin"), b"good").unwrap();
    let (ok, printed) = cli(&["prepare", "--boundaries", path.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(out.join("atlas.bin")).unwrap(), b"good", "a failed prepare replaced the asset");
    if ok {
        Outcome::Accepted(vec![printed])
    } else {
        Outcome::Refused(printed)
    }
}

fn indicator_library(text: &str) -> Outcome {
    let atlas = common::atlas();
    match Indicator::from_csv(text, atlas.regions(), &NameIndex::new(atlas.regions())) {
        Err(error) => Outcome::Refused(error.to_string()),
        Ok(indicator) => Outcome::Accepted(indicator.problems.iter().map(ToString::to_string).collect()),
    }
}

fn indicator_cli(path: &Path) -> Outcome {
    common::atlas(); // the CLI reads data/build/atlas.bin
    let (ok, printed) = cli(&["check", path.to_str().unwrap()]);
    // Rows it could not use are reported line by line, then it exits with failure.
    if ok || printed.contains(" problem rows") {
        Outcome::Accepted(printed.lines().map(str::to_owned).collect())
    } else {
        Outcome::Refused(printed)
    }
}

/// A programme file in place of the real one; the map must keep its programme and look.
fn programme(which: &str, text: &str) -> Outcome {
    let real = real();
    let (members, pillars, cohorts) = match which {
        "members" => (text, real.pillars.as_str(), real.cohorts.as_str()),
        "pillars" => (real.members.as_str(), text, real.cohorts.as_str()),
        "cohorts" => (real.members.as_str(), real.pillars.as_str(), text),
        other => panic!("unknown programme file {other}"),
    };
    let direct = Programme::from_csv(members, pillars, cohorts).map(|_| ()).map_err(MapError::Programme);
    let mut map = ready_map();
    let before = ui(&map);
    let through_map = map.load_programme(members, pillars, cohorts);
    assert_eq!(direct, through_map, "the map reports what the reader says");
    assert!(map.is_ready());
    if through_map.is_err() {
        assert_eq!(ui(&map), before, "a refused programme changed the map");
    }
    match direct {
        Err(error) => Outcome::Refused(error.to_string()),
        Ok(()) => Outcome::Accepted(Vec::new()),
    }
}

fn asset(bytes: &[u8]) -> Outcome {
    let mut map = ready_map();
    let before = ui(&map);
    match map.load_atlas(bytes) {
        Err(error) => {
            assert!(matches!(error, MapError::Asset(_) | MapError::EmptyAtlas), "{error:?}");
            assert!(map.is_ready());
            assert_eq!(ui(&map), before, "a refused asset changed the map");
            Outcome::Refused(error.to_string())
        }
        Ok(()) => Outcome::Accepted(Vec::new()),
    }
}

/// The synthetic atlas's overview, the bounds of its grid and its own paths, joined.
fn synthetic_overview() -> &'static (Vec<u8>, [f64; 4], String) {
    static OVERVIEW: OnceLock<(Vec<u8>, [f64; 4], String)> = OnceLock::new();
    OVERVIEW.get_or_init(|| {
        let asset = synthetic_asset();
        let (bounds, _, written) =
            grid_paths::write_paths(&Atlas::from_asset(asset.clone()).levels()[0].shapes).unwrap();
        (asset.overview().to_bytes(), bounds, written.join("\n"))
    })
}

/// Text as the preview's paths of the synthetic atlas's overview, on its grid.
fn paths(text: &str) -> Outcome {
    let mut map = ready_map();
    let before = ui(&map);
    let (overview, bounds, _) = synthetic_overview();
    match map.load_overview(overview, text, bounds) {
        Err(error) => {
            assert!(matches!(error, MapError::Asset(_)), "{error:?}");
            assert!(map.is_ready());
            assert_eq!(ui(&map), before, "refused paths changed the map");
            Outcome::Refused(error.to_string())
        }
        Ok(()) => Outcome::Accepted(Vec::new()),
    }
}

fn hash(text: &str) -> Outcome {
    // Whatever a hash says that is kept, written back, reads back without complaint.
    let (state, _) = ViewState::from_hash(text);
    let written = state.to_hash();
    assert_eq!(ViewState::from_hash(&written).1, Vec::new(), "{written} was written from {text}");
    let mut map = ready_map();
    let problems = map.apply_hash(text);
    assert!(map.is_ready());
    let own = map.hash();
    assert_eq!(map.apply_hash(&own), Vec::new(), "the map's own hash {own} is valid");
    Outcome::Accepted(problems.iter().map(ToString::to_string).collect())
}

/// Checks an outcome against the expected fragment: `ok` means accepted without problems,
/// `reported: …` accepted with a problem containing the rest, anything else a refusal.
fn check(name: &str, outcome: &Outcome, expected: &str) -> Result<(), String> {
    if std::env::var_os("PETA_CORPUS_PRINT").is_some() {
        match outcome {
            Outcome::Refused(message) => println!("{name}\n    refused: {}", message.trim()),
            Outcome::Accepted(problems) => println!("{name}\n    accepted: {problems:?}"),
        }
    }
    let fail = |what: String| Err(format!("{name}: expected {expected:?}, {what}"));
    match (outcome, expected.strip_prefix("reported: ")) {
        (Outcome::Refused(message), None) if message.contains(expected) => Ok(()),
        (Outcome::Refused(message), _) => fail(format!("refused with {message:?}")),
        (Outcome::Accepted(problems), _) if expected == "ok" && problems.is_empty() => Ok(()),
        (Outcome::Accepted(problems), Some(fragment)) if problems.iter().any(|p| p.contains(fragment)) => Ok(()),
        (Outcome::Accepted(problems), _) => fail(format!("accepted with {problems:?}")),
    }
}

/// Runs a reader, turning a panic into a failure that names the input.
fn guarded(name: &str, run: impl FnOnce() -> Outcome) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(run)).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("{name}: panicked: {message}")
    })
}

fn run_case(case: &Case) -> Vec<String> {
    let path = corpus().join(&case.file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", case.file));
    let text = String::from_utf8(bytes.clone());
    let mut runs: Vec<(String, Box<dyn FnOnce() -> Outcome>)> = Vec::new();
    let label = |how: &str| format!("{} ({how})", case.file);
    match case.reader.as_str() {
        "prepare" => {
            if let Ok(text) = text.clone() {
                runs.push((label("prepare"), Box::new(move || prepare_library(&text))));
            }
            // The CLI checks against the official code list, so only refusals compare.
            if !case.expected.starts_with("reported: ") {
                let path = path.clone();
                runs.push((label("peta-cerdas prepare"), Box::new(move || prepare_cli(&path))));
            }
        }
        // Needs every code of the synthetic list, so the official list of the CLI cannot compare.
        "prepare-synthetic" => {
            let text = text.unwrap_or_else(|_| panic!("{}: GeoJSON is text", case.file));
            runs.push((label("prepare"), Box::new(move || prepare_library(&text))));
        }
        "asset" => runs.push((label("load_atlas"), Box::new(move || asset(&bytes)))),
        "paths" => {
            let text = text.unwrap_or_else(|_| panic!("{}: paths are text", case.file));
            runs.push((label("load_overview"), Box::new(move || paths(&text))));
        }
        "members" | "pillars" | "cohorts" => {
            let which = case.reader.clone();
            let text = text.unwrap_or_else(|_| panic!("{}: programme files are text", case.file));
            runs.push((label("load_programme"), Box::new(move || programme(&which, &text))));
        }
        "indicator" => {
            if let Ok(text) = text.clone() {
                runs.push((label("Indicator::from_csv"), Box::new(move || indicator_library(&text))));
            }
            let path = path.clone();
            runs.push((label("peta-cerdas check"), Box::new(move || indicator_cli(&path))));
        }
        "hash" => {
            let text = text.unwrap_or_else(|_| panic!("{}: hashes are text", case.file));
            let text = text.trim_end_matches('\n').to_owned();
            runs.push((label("apply_hash"), Box::new(move || hash(&text))));
        }
        other => panic!("{}: unknown reader {other}", case.file),
    }
    assert!(!runs.is_empty(), "{}: no reader ran", case.file);
    runs.into_iter()
        .filter_map(|(name, run)| guarded(&name, run).and_then(|outcome| check(&name, &outcome, &case.expected)).err())
        .collect()
}

#[test]
fn every_corpus_file_is_listed_and_every_row_has_a_file() {
    let cases = manifest();
    let mut files = Vec::new();
    listed_files(&corpus(), &mut files);
    files.sort();
    let mut listed: Vec<String> = cases.iter().map(|case| case.file.clone()).collect();
    listed.sort();
    assert_eq!(files, listed, "tests/corpus/README.md lists exactly the files under tests/corpus/");
    assert!(cases.len() >= 30, "{} inputs", cases.len());
}

#[test]
fn every_corpus_input_is_refused_with_a_message_that_says_what_and_where() {
    let failures: Vec<String> = manifest().iter().flat_map(run_case).collect();
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The generated inputs: too big to commit, or derived from the current asset format.
fn run_generated(name: &str, run: impl FnOnce() -> Outcome, expected: &str) -> Result<(), String> {
    guarded(name, run).and_then(|outcome| check(name, &outcome, expected))
}

#[test]
fn damaged_assets_are_refused_and_the_map_keeps_its_atlas() {
    let good = synthetic_asset();
    let bytes = good.to_bytes();
    let mut failures = Vec::new();
    // Every truncation of a good asset.
    for cut in 0..bytes.len() {
        let expected = match cut {
            0..=3 => "bad magic bytes",
            4 | 5 => "truncated header",
            _ => "corrupt asset",
        };
        failures.extend(run_generated(&format!("asset cut at {cut}"), || asset(&bytes[..cut]), expected).err());
    }
    let mut newer = bytes.clone();
    newer[4..6].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let version = format!("asset format version {} is not supported", FORMAT_VERSION + 1);
    failures.extend(run_generated("version-bumped asset", || asset(&newer), &version).err());

    let damaged = |name: &str, damage: &dyn Fn(&mut Asset), expected: &str| {
        let mut asset_data = good.clone();
        damage(&mut asset_data);
        run_generated(name, || asset(&asset_data.to_bytes()), expected).err()
    };
    failures.extend(damaged(
        "dangling arc reference",
        &|a| a.levels[0].shapes[1][0][0][0] = !999,
        "level 0 region 1 names a missing arc",
    ));
    failures.extend(damaged("no regions", &|a| a.regions.clear(), "corrupt asset: no regions"));
    failures.extend(damaged("no levels", &|a| a.levels.clear(), "no levels of detail"));
    failures.extend(damaged(
        "missing shapes",
        &|a| a.levels[1].shapes.pop().map(drop).unwrap_or(()),
        "level 1 has 5 shapes for 6 regions",
    ));
    failures.extend(damaged("NaN grid", &|a| a.levels[0].quantum = f64::NAN, "level 0 has a bad grid or tolerance"));
    failures.extend(damaged("huge grid", &|a| a.levels[0].quantum = 1e300, "level 0 arc 0 point 0 lies at"));
    let mut trailing = bytes.clone();
    trailing.extend_from_slice(b"junk");
    let at = format!("4 unexpected bytes after its end, at byte {}", bytes.len());
    failures.extend(run_generated("trailing bytes", || asset(&trailing), &at).err());
    failures.extend(damaged(
        "odd arc",
        &|a| a.levels[2].arcs[0].pop().map(drop).unwrap_or(()),
        "level 2 arc 0 is malformed",
    ));
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The synthetic atlas's own paths load; every cut of them is refused or, cut at a line's end
/// before the last, refused for the number of paths, never a panic.
#[test]
fn cut_paths_are_refused_and_the_map_keeps_its_atlas() {
    let (_, _, text) = synthetic_overview();
    let mut failures: Vec<String> =
        run_generated("the synthetic paths", || paths(text), "ok").err().into_iter().collect();
    for cut in 0..text.len() {
        let outcome = guarded(&format!("paths cut at {cut}"), || paths(&text[..cut]));
        match outcome {
            Ok(Outcome::Refused(message)) if message.contains("corrupt asset: ") => {}
            Ok(Outcome::Refused(message)) => failures.push(format!("paths cut at {cut}: refused with {message}")),
            Ok(Outcome::Accepted(_)) => failures.push(format!("paths cut at {cut}: accepted")),
            Err(panicked) => failures.push(panicked),
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

fn feature(code: &str, ring: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"kode":"{code}"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}"#
    )
}

#[test]
fn a_million_tiny_features_are_read_and_the_bad_one_is_named() {
    // 999,999 tiny lakes (skipped, as the BPS layer's lakes are), then a region with an unknown code.
    let lake = r#"{"type":"Feature","properties":{"is_admin":false},"geometry":{"type":"Polygon","coordinates":[[[111,-8],[111.0001,-8],[111,-7.9999],[111,-8]]]}}"#;
    let mut text = String::with_capacity(140 * 1_000_000);
    text.push_str(r#"{"type":"FeatureCollection","features":["#);
    for _ in 0..999_999 {
        text.push_str(lake);
        text.push(',');
    }
    text.push_str(&feature("99.99", "[[111,-8],[112,-8],[112,-7],[111,-8]]"));
    text.push_str("]}");
    let started = std::time::Instant::now();
    let result = run_generated(
        "a million tiny features",
        || prepare_library(&text),
        "feature 999999 (code 99.99): code 99.99 is not in the official code list",
    );
    assert!(result.is_ok(), "{result:?}");
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}

#[test]
fn one_huge_polygon_is_read_and_its_bad_position_is_named() {
    // A million-position circle around Java with one position far outside Indonesia.
    let n = 1_000_000;
    let mut ring: Vec<String> = (0..n)
        .map(|i| {
            let angle = i as f64 / n as f64 * std::f64::consts::TAU;
            format!("[{:.7},{:.7}]", 111.0 + angle.cos(), -7.5 + angle.sin())
        })
        .collect();
    ring[765_432] = "[150.5,-7]".to_owned();
    ring.push(ring[0].clone());
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        feature("35.20", &format!("[{}]", ring.join(",")))
    );
    let result = run_generated(
        "one huge polygon",
        || prepare_library(&text),
        "feature 0 (code 35.20): polygon 0 ring 0: position 765432 (150.5, -7) lies outside Indonesia",
    );
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_huge_hash_is_refused_before_parsing() {
    let text = format!("#year=2021&{}", "mode=pillar&".repeat(300));
    let result = run_generated(
        "a 3,611-byte hash",
        || hash(&text),
        "reported: URL hash: a link of 3610 bytes is too long for peta-cerdas",
    );
    assert!(result.is_ok(), "{result:?}");
}
