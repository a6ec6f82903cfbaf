//! The command line as a user runs it: locate, batch locate, prepare's errors on bad input, and
//! the programme packed as the pages load it.

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
    // Feed stdin from a thread: a big batch fills the stdout pipe before stdin is all written.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_owned();
    let writer = std::thread::spawn(move || input.write_all(stdin.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
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
    common::require_code_list(); // prepare checks every code against it, even in a bad file
    let dir = std::env::temp_dir().join(format!("peta-cerdas-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input =
        dir.join(format!("input-{:x}.geojson", geojson.len() * 31 + geojson.bytes().map(usize::from).sum::<usize>()));
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
        (
            collection(&[feature(
                "35.20",
                r#"{"type":"Polygon","coordinates":[[[500000,9100000],[510000,9100000],[510000,9110000],[500000,9100000]]]}"#,
            )]),
            "look projected",
        ),
        (collection(&[feature("99.99", SQUARE)]), "not in the official code list"),
        (
            collection(&[feature("35.20", SQUARE), feature("35.20", SQUARE)]),
            "feature 1 (code 35.20): code 35.20 was already used by feature 0",
        ),
        (collection(&[feature("35.20", r#"{"type":"MultiPolygon","coordinates":[]}"#)]), "geometry is empty"),
        (
            collection(&[feature(
                "35.20",
                r#"{"type":"Polygon","coordinates":[[[111,-8],[112,-8],[112,-7],[111,-7],[111,-7.5]]]}"#,
            )]),
            "is not closed",
        ),
        (
            collection(&[feature(
                "35.20",
                r#"{"type":"Polygon","coordinates":[[[111,-8],[112,NaN],[112,-7],[111,-8]]]}"#,
            )]),
            "not a GeoJSON FeatureCollection",
        ),
        (
            collection(&[feature("35.20", r#"{"type":"Point","coordinates":[111,-8]}"#)]),
            "not a Polygon or MultiPolygon",
        ),
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
    let out =
        cli(&["prepare", "--boundaries", "/nonexistent/boundaries.geojson", "--out", "/tmp/peta-cerdas-none"], "");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot read boundaries /nonexistent/boundaries.geojson"));
}

#[test]
fn stats_prints_exactly_the_documented_shape() {
    let out = cli(&["stats", "--year", "2021"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 5);
    for key in ["regions", "year", "membersAsOfYear", "cohorts", "pillars"] {
        assert!(keys.contains(&key), "{key} missing from {json}");
    }
    assert_eq!(json["regions"], 514);
    assert_eq!(json["year"], 2021);
    assert_eq!(json["membersAsOfYear"], 139);
    let cohorts = json["cohorts"].as_array().unwrap();
    let official: Vec<u64> = cohorts.iter().map(|c| c["official"].as_u64().unwrap()).collect();
    assert_eq!(official, [25, 50, 25, 48, 50, 50, 10]);
    assert_eq!(cohorts[0].as_object().unwrap().len(), 3);
    assert_eq!(json["pillars"].as_object().unwrap().len(), 6);
    // Order as documented: the text starts with regions and ends with pillars.
    assert!(text(&out.stdout).starts_with(
        r#"{"regions":514,"year":2021,"membersAsOfYear":139,"cohorts":[{"year":2017,"official":25,"identified":"#
    ));
    let latest: serde_json::Value = serde_json::from_slice(&cli(&["stats"], "").stdout).unwrap();
    assert_eq!(latest["year"], 2024);
}

#[test]
fn stats_rejects_years_outside_the_programme() {
    for year in ["2016", "2031", "20x1"] {
        let out = cli(&["stats", "--year", year], "");
        assert!(!out.status.success());
        assert!(text(&out.stderr).contains("year"), "{}", text(&out.stderr));
    }
}

#[test]
fn render_writes_an_svg_and_refuses_bad_arguments() {
    let dir = std::env::temp_dir().join(format!("peta-cerdas-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("map.svg");
    let out = cli(
        &[
            "render",
            "--year",
            "2022",
            "--mode",
            "pillar",
            "--pillar",
            "economy",
            "--lang",
            "en",
            "-o",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Pillar Economy") && svg.contains(r#"lang="en""#));
    for (args, complaint) in [
        (vec!["--mode", "heat"], "unknown mode"),
        (vec!["--pillar", "smart"], "unknown pillar"),
        (vec!["--lang", "fr"], "unknown lang"),
        (vec!["--year", "2025"], "outside the programme"),
        (vec!["--width", "NaN"], "width"),
        (vec!["--region", "99.99"], "no region"),
    ] {
        let mut all = vec!["render", "-o", file.to_str().unwrap()];
        all.extend(args);
        let out = cli(&all, "");
        assert!(!out.status.success(), "{all:?}");
        assert!(text(&out.stderr).contains(complaint), "{all:?}: {}", text(&out.stderr));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_names_every_row_it_cannot_match() {
    let dir = std::env::temp_dir().join(format!("peta-cerdas-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.csv");
    std::fs::write(&good, "\u{feff}kode;nama;nilai\n35.20;Kabupaten Magetan;1,5\n;Kota Bukittinggi;2\n").unwrap();
    let out = cli(&["check", good.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 regions with a value"), "{}", text(&out.stdout));

    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "nama,nilai\nKab. Magetn,1\nKota Bukittinggi,x\nAtlantis,3\n").unwrap();
    let out = cli(&["check", bad.to_str().unwrap()], "");
    assert!(!out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("line 2: \"Kab. Magetn\" matches no kabupaten/kota; closest: Kabupaten Magetan"),
        "{stdout}"
    );
    assert!(stdout.contains("line 3: value \"x\" is not a number"), "{stdout}");
    assert!(stdout.contains("line 4: \"Atlantis\""), "{stdout}");

    let binary = dir.join("binary.csv");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let out = cli(&["check", binary.to_str().unwrap()], "");
    assert!(!out.status.success() && text(&out.stderr).contains("not UTF-8"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A site's own programme folder is checked before it is published: every bad row is named with
/// its file and line, and a code that is no kabupaten/kota of the boundary data is named too.
#[test]
fn check_names_every_bad_row_of_a_programme_folder() {
    let folder = std::env::temp_dir().join(format!("peta-cerdas-check-programme-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let real = |name: &str| std::fs::read_to_string(common::root().join("data/programme").join(name)).unwrap();
    for name in ["members.csv", "pillars.csv", "cohorts.csv"] {
        std::fs::write(folder.join(name), real(name)).unwrap();
    }
    let folder_arg = folder.to_str().unwrap().to_owned();
    let good = cli(&["check", &folder_arg], "");
    assert!(good.status.success(), "{}", text(&good.stderr));
    assert!(text(&good.stdout).contains(" 0 problems, "), "{}", text(&good.stdout));

    // Two bad rows in two files: both are named, with their lines.
    let members = real("members.csv").replacen(",2017,confirmed,", ",2017,maybe,", 1);
    let bad_line = 1 + members.lines().position(|line| line.contains(",2017,maybe,")).unwrap();
    std::fs::write(folder.join("members.csv"), &members).unwrap();
    let pillars = real("pillars.csv").replacen(",stated,", ",rumour,", 1);
    std::fs::write(folder.join("pillars.csv"), &pillars).unwrap();
    let out = cli(&["check", &folder_arg], "");
    assert!(!out.status.success());
    let printed = text(&out.stdout);
    assert!(printed.contains(&format!("members.csv line {bad_line}: unknown confidence \"maybe\"")), "{printed}");
    assert!(printed.contains("pillars.csv line ") && printed.contains("unknown citation kind \"rumour\""), "{printed}");
    assert!(text(&out.stderr).contains(": 2 problems"), "{}", text(&out.stderr));

    // A well-formed row for a code the boundary data does not have.
    let mut members = real("members.csv");
    members.push_str("35.99,Kabupaten Khayalan,2024,confirmed,,https://example.org/x,Made up,\n");
    std::fs::write(folder.join("members.csv"), members).unwrap();
    std::fs::write(folder.join("pillars.csv"), real("pillars.csv")).unwrap();
    let out = cli(&["check", &folder_arg], "");
    assert!(!out.status.success());
    assert!(text(&out.stdout).contains("35.99 (Kabupaten Khayalan) is not a kabupaten/kota"), "{}", text(&out.stdout));
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn pack_programme_writes_the_facts_and_one_sources_file_per_holder_that_together_are_the_csv() {
    let out = std::env::temp_dir().join(format!("peta-cerdas-pack-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(out.join("sources")).unwrap();
    // A file of a region with no texts, or of the provinces' files of an older format, from an
    // earlier run does not survive.
    std::fs::write(out.join("sources/35.99.bin"), b"stale").unwrap();
    std::fs::write(out.join("sources/35.bin"), b"stale").unwrap();
    let run = cli(&["pack-programme", "-o", out.to_str().unwrap()], "");
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("files, bytes gzipped"), "{}", text(&run.stderr));

    let mut packed = peta_cerdas::programme::Programme::from_bytes(&std::fs::read(out.join("programme.bin")).unwrap())
        .expect("programme.bin reads");
    let mut names: Vec<String> = std::fs::read_dir(out.join("sources"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort_unstable();
    let mut expected: Vec<String> = packed
        .missing_sources()
        .iter()
        .map(|&p| peta_cerdas::programme::sources_file(p)["sources/".len()..].to_owned())
        .collect();
    expected.push("all.bin".to_owned());
    assert_eq!(names, expected, "one file per holder with texts, one of them all, and no other");
    for holder in ["35.20.bin", "32.00.bin", "00.00.bin"] {
        assert!(names.contains(&holder.to_owned()), "{holder}: Magetan's, Jawa Barat's own, the unplaced");
    }
    let mut whole = peta_cerdas::programme::Programme::from_bytes(&std::fs::read(out.join("programme.bin")).unwrap())
        .expect("programme.bin reads");
    whole.add_sources(&std::fs::read(out.join("sources/all.bin")).unwrap()).unwrap();
    for name in names.iter().filter(|name| *name != "all.bin") {
        packed.add_sources(&std::fs::read(out.join("sources").join(name)).unwrap()).unwrap();
    }
    assert!(whole.has_sources());
    assert_eq!(whole.memberships(), packed.memberships());
    let read = |name: &str| std::fs::read_to_string(common::root().join("data/programme").join(name)).unwrap();
    let parsed =
        peta_cerdas::programme::Programme::from_csv(&read("members.csv"), &read("pillars.csv"), &read("cohorts.csv"))
            .unwrap();
    assert!(packed.has_sources());
    assert_eq!(packed.memberships(), parsed.memberships());
    assert_eq!(packed.province_memberships(), parsed.province_memberships());
    assert_eq!(packed.citations(), parsed.citations());
    std::fs::remove_dir_all(&out).unwrap();
}
