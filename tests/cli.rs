//! The command line as a user runs it: locate, batch locate, and prepare's errors on bad input.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: &str) -> Output {
    common::atlas(); // makes sure data/build/atlas.bin exists
    let mut child = Command::new(env!("CARGO_BIN_EXE_peta-cerdas"))
        .args(args)
        .current_dir(common::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start peta-cerdas");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn locate_prints_code_tab_name_or_dash() {
    let out = cli(&["locate", "111.35", "-7.65"], "");
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "35.20\tKabupaten Magetan\n");
    assert_eq!(text(&cli(&["locate", "110.5", "-5.0"], "").stdout), "-\n");
}

#[test]
fn locate_rejects_non_numbers_and_out_of_range() {
    let out = cli(&["locate", "abc", "-7"], "");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("longitude \"abc\" is not a number"), "{}", text(&out.stderr));
    let out = cli(&["locate", "111", "-97"], "");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("latitude -97 is outside"), "{}", text(&out.stderr));
}

#[test]
fn batch_answers_one_line_each_and_names_bad_lines() {
    let out = cli(&["locate", "--batch"], "111.35 -7.65\n100.37\t-0.305\nnonsense\n110.5 -5.0\n");
    assert_eq!(text(&out.stdout), "35.20\tKabupaten Magetan\n13.75\tKota Bukittinggi\n-\n-\n");
    assert!(text(&out.stderr).contains("line 3"), "{}", text(&out.stderr));
    assert!(!out.status.success());
}

#[test]
fn batch_handles_a_hundred_thousand_points() {
    let points: String = (0..100_000)
        .map(|i| format!("{} {}\n", 95.0 + (i % 460) as f64 * 0.1, -11.0 + (i / 460) as f64 * 0.08))
        .collect();
    let out = cli(&["locate", "--batch"], &points);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).lines().count(), 100_000);
}

/// Runs prepare on a GeoJSON text into a folder that already holds a good asset.
fn prepare_bad(geojson: &str) -> (Output, bool) {
    let dir = std::env::temp_dir().join(format!("peta-cerdas-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("input-{:x}.geojson", geojson.len() * 31 + geojson.bytes().map(usize::from).sum::<usize>()));
    std::fs::write(&input, geojson).unwrap();
    let out_dir = dir.join(input.file_stem().unwrap());
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::write(out_dir.join("atlas.bin"), b"good").unwrap();
    let out = cli(&["prepare", "--boundaries", input.to_str().unwrap(), "--out", out_dir.to_str().unwrap()], "");
    let kept = std::fs::read(out_dir.join("atlas.bin")).unwrap() == b"good";
    (out, kept)
}

fn feature(code: &str, geometry: &str) -> String {
    format!(r#"{{"type":"Feature","properties":{{"kode":"{code}"}},"geometry":{geometry}}}"#)
}

fn collection(features: &[String]) -> String {
    format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
}

const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[111,-8],[112,-8],[112,-7],[111,-7],[111,-8]]]}"#;

#[test]
fn prepare_names_the_feature_and_the_problem_and_keeps_the_old_asset() {
    let cases: Vec<(String, &str)> = vec![
        ("not json at all".into(), "not a GeoJSON FeatureCollection"),
        (r#"{"type":"FeatureCollection","features":[{"type":"Feature""#.into(), "not a GeoJSON FeatureCollection"),
        (collection(&[feature("35.20", r#"{"type":"Polygon","coordinates":[[[500000,9100000],[510000,9100000],[510000,9110000],[500000,9100000]]]}"#)]), "look projected"),
        (collection(&[feature("99.99", SQUARE)]), "not in the official code list"),
        (collection(&[feature("35.20", SQUARE), feature("35.20", SQUARE)]), "feature 1 (code 35.20): code 35.20 was already used by feature 0"),
        (collection(&[feature("35.20", r#"{"type":"MultiPolygon","coordinates":[]}"#)]), "geometry is empty"),
        (collection(&[feature("35.20", r#"{"type":"Polygon","coordinates":[[[111,-8],[112,-8],[112,-7],[111,-7],[111,-7.5]]]}"#)]), "is not closed"),
        (collection(&[feature("35.20", r#"{"type":"Polygon","coordinates":[[[111,-8],[112,NaN],[112,-7],[111,-8]]]}"#)]), "not a GeoJSON FeatureCollection"),
        (collection(&[feature("35.20", r#"{"type":"Point","coordinates":[111,-8]}"#)]), "not a Polygon or MultiPolygon"),
        (collection(&[feature("nonsense", SQUARE)]), "is not a Kemendagri code"),
        (collection(&[feature("35.20", SQUARE)]), "missing codes"),
    ];
    for (input, expected) in cases {
        let (out, kept) = prepare_bad(&input);
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{input} should fail");
        assert!(stderr.contains(expected), "for {input}\nexpected {expected:?} in {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(kept, "a failed prepare replaced the asset");
    }
}

#[test]
fn prepare_reports_a_missing_file() {
    let out = cli(&["prepare", "--boundaries", "/nonexistent/boundaries.geojson", "--out", "/tmp/peta-cerdas-none"], "");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot read boundaries /nonexistent/boundaries.geojson"));
}
