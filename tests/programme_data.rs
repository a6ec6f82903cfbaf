//! The real programme data in data/programme/, checked against the official Kemendagri code
//! list and against the research files it was converted from (../shared/data/).

use peta_cerdas::atlas::{Region, RegionCode};
use peta_cerdas::names::NameIndex;
use peta_cerdas::programme::{CitationKind, Confidence, Pillar, Programme, Subject};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    root().join("../shared/data")
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn data(file: &str) -> String {
    read(root().join("data/programme").join(file))
}

fn programme() -> &'static Programme {
    static PROGRAMME: OnceLock<Programme> = OnceLock::new();
    PROGRAMME.get_or_init(|| {
        Programme::from_csv(&data("members.csv"), &data("pillars.csv"), &data("cohorts.csv"))
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Rows of a CSV file as column -> value maps.
fn rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|record| header.iter().cloned().zip(record.unwrap().iter().map(str::to_owned)).collect())
        .collect()
}

/// Province code -> official name.
fn provinces() -> &'static BTreeMap<u8, String> {
    static PROVINCES: OnceLock<BTreeMap<u8, String>> = OnceLock::new();
    PROVINCES.get_or_init(|| {
        rows(&read(shared().join("boundaries/codes/idn-area-data-4.0.1_provinces.csv")))
            .into_iter()
            .map(|row| (row["code"].parse().unwrap(), row["name"].clone()))
            .collect()
    })
}

/// The 514 official kabupaten/kota.
fn regions() -> &'static [Region] {
    static REGIONS: OnceLock<Vec<Region>> = OnceLock::new();
    REGIONS.get_or_init(|| {
        rows(&read(shared().join("boundaries/codes/idn-area-data-4.0.1_regencies.csv")))
            .into_iter()
            .map(|row| Region {
                code: row["code"].parse().unwrap(),
                name: row["name"].clone(),
                province: provinces()[&row["province_code"].parse::<u8>().unwrap()].clone(),
            })
            .collect()
    })
}

fn index() -> &'static NameIndex {
    static INDEX: OnceLock<NameIndex> = OnceLock::new();
    INDEX.get_or_init(|| NameIndex::new(regions()))
}

fn code(text: &str) -> RegionCode {
    text.parse().unwrap()
}

fn resolves_to(name: &str) -> Option<RegionCode> {
    index().resolve(name).ok().map(|i| regions()[i].code)
}

fn years_of(code_text: &str) -> Vec<u16> {
    programme().memberships_of(code(code_text)).iter().map(|m| m.year).collect()
}

fn confidence(code_text: &str, year: u16) -> Confidence {
    programme()
        .memberships_of(code(code_text))
        .into_iter()
        .find(|m| m.year == year)
        .unwrap_or_else(|| panic!("{code_text} has no {year} row"))
        .confidence
}

#[test]
fn the_code_list_has_514_kabupaten_kota() {
    assert_eq!(regions().len(), 514);
    assert_eq!(provinces().len(), 38);
}

#[test]
fn every_member_name_resolves_to_its_code() {
    let official: BTreeMap<RegionCode, &str> = regions().iter().map(|r| (r.code, r.name.as_str())).collect();
    for m in programme().memberships() {
        assert_eq!(official.get(&m.code).copied(), Some(m.name.as_str()), "{} is not in the code list", m.code);
        assert_eq!(resolves_to(&m.name), Some(m.code), "{} {}", m.code, m.name);
    }
    for p in programme().province_memberships() {
        assert_eq!(provinces().get(&p.province), Some(&p.name), "province {}", p.province);
    }
}

#[test]
fn every_citation_names_its_subject() {
    let mut unresolved = Vec::new();
    for c in programme().citations() {
        match c.subject {
            Subject::Region(code) => assert_eq!(resolves_to(&c.name), Some(code), "{}", c.name),
            Subject::Province(province) => assert_eq!(provinces().get(&province), Some(&c.name)),
            Subject::Unresolved => unresolved.push(c.name.as_str()),
        }
    }
    // The two 2022 category awards whose source gives a bare city name. "Semarang" may be the
    // Kota (2017) or the Kabupaten (2021); "Yogyakarta" the Kota (2018) or the province.
    assert_eq!(
        unresolved,
        vec!["Semarang (Kota/Kabupaten not specified)", "Yogyakarta (Kota Yogyakarta or DIY province; not specified)"]
    );
    let semarang: Vec<&str> =
        index().resolve("Semarang").expect_err("ambiguous").into_iter().map(|i| regions()[i].name.as_str()).collect();
    assert_eq!(semarang, vec!["Kabupaten Semarang", "Kota Semarang"]);
}

#[test]
fn every_row_cites_a_web_page() {
    let is_url = |url: &str| url.starts_with("https://") || url.starts_with("http://");
    for m in programme().memberships() {
        assert!(is_url(&m.source.url) && !m.source.title.is_empty(), "{} {}", m.name, m.year);
    }
    for p in programme().province_memberships() {
        assert!(is_url(&p.source.url), "{}", p.name);
    }
    for c in programme().citations() {
        assert!(is_url(&c.source_url) && !c.quote.trim().is_empty() && !c.label.is_empty(), "{}", c.name);
    }
    for cohort in programme().cohorts() {
        assert!(is_url(&cohort.source_url), "{}", cohort.year);
    }
}

#[test]
fn official_counts_and_running_totals() {
    let official: Vec<(u16, u16, u16, u16)> =
        programme().cohorts().iter().map(|c| (c.year, c.official, c.repeats, c.running_total)).collect();
    assert_eq!(
        official,
        vec![
            (2017, 25, 0, 25),
            (2018, 50, 0, 75),
            (2019, 25, 0, 100),
            (2021, 48, 7, 141),
            (2022, 50, 0, 191),
            (2023, 50, 0, 241),
            (2024, 10, 0, 251),
        ]
    );
    assert_eq!(programme().latest_year(), 2024);
    assert_eq!(programme().pilot_provinces(2023), vec!["Jawa Barat", "Daerah Istimewa Yogyakarta"]);
    assert!(programme().pilot_provinces(2022).is_empty());
}

#[test]
fn identified_members_per_year() {
    // (year, rows = distinct kab/kota listed, confirmed, inferred, conflicting)
    let counts: Vec<(u16, usize, usize, usize, usize)> = programme()
        .cohort_years()
        .into_iter()
        .map(|year| {
            let p = programme();
            assert_eq!(p.joined_in(year).len(), p.identified(year), "a region listed twice in {year}");
            (
                year,
                p.identified(year),
                p.identified_with(year, Confidence::Confirmed),
                p.identified_with(year, Confidence::Inferred),
                p.identified_with(year, Confidence::Conflicting),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            (2017, 26, 25, 0, 1),
            (2018, 54, 40, 7, 7),
            (2019, 25, 23, 0, 2),
            (2021, 43, 39, 4, 0),
            (2022, 39, 34, 4, 1),
            (2023, 38, 32, 5, 1),
            (2024, 10, 10, 0, 0),
        ]
    );
    for cohort in programme().cohorts() {
        let listed = programme().identified(cohort.year);
        let confirmed = programme().identified_with(cohort.year, Confidence::Confirmed);
        // Confirmed rows never exceed the official count; any excess is flagged rows.
        assert!(confirmed <= usize::from(cohort.official), "{}: {confirmed} confirmed", cohort.year);
        if listed > usize::from(cohort.official) {
            assert!(listed - usize::from(cohort.official) <= listed - confirmed, "{}", cohort.year);
        }
    }
}

#[test]
fn members_accumulate() {
    // 2017 lists 26, not 25: the 25 of the MoU of 22 May 2017 plus Kabupaten Lombok Timur,
    // which a Kominfo official names as a 2017 participant and the Nov 2017 award list includes
    // (its row is conflicting, so the confirmed 2017 members are exactly 25).
    assert_eq!(programme().members_as_of(2016).len(), 0);
    assert_eq!(programme().members_as_of(2017).len(), 26);
    assert!(programme().members_as_of(2017).contains(&code("52.03")));
    // 26 + 54 + 25, less Kota Singkawang (2017 and 2018), Kota Depok and Kabupaten Banyumas
    // (2018 and 2019): the conflicting rows name the same regions twice. Official: 100.
    assert_eq!(programme().members_as_of(2019).len(), 102);
    // The 43 rows of 2021 hold 7 repeats (as officially stated), so 36 are new. Official: 141.
    assert_eq!(programme().members_as_of(2021).len(), 138);
    // Kota Kotamobagu and Kota Jayapura are repeats in 2023, so 36 of its 38 are new.
    assert_eq!(programme().members_as_of(2022).len(), 177);
    assert_eq!(programme().members_as_of(2023).len(), 213);
    // Official: 251 by 2024; about 28 members of 2021-2023 are still unidentified.
    assert_eq!(programme().members_as_of(2024).len(), 223);
}

#[test]
fn the_seven_repeats_of_2021() {
    let repeats: BTreeSet<&str> = programme()
        .joined_in(2021)
        .into_iter()
        .filter(|m| programme().is_repeat(m.code, 2021))
        .map(|m| m.name.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "Kabupaten Sleman",
        "Kota Semarang",
        "Kabupaten Kutai Kartanegara",
        "Kabupaten Kudus",
        "Kabupaten Pasuruan",
        "Kabupaten Jepara",
        "Kota Batu",
    ]
    .into_iter()
    .collect();
    assert_eq!(repeats, expected);
    assert_eq!(repeats.len(), 7);
}

#[test]
fn known_facts_from_the_research() {
    // Kota Semarang: 2017 and 2021 (Borobudur area).
    assert_eq!(years_of("33.74"), vec![2017, 2021]);
    assert!(!programme().is_repeat(code("33.74"), 2019));
    assert!(programme().is_repeat(code("33.74"), 2021));
    // Kota Batu: 2019, and an inferred 2021 row.
    assert_eq!(years_of("35.79"), vec![2019, 2021]);
    assert_eq!(confidence("35.79", 2019), Confidence::Confirmed);
    assert_eq!(confidence("35.79", 2021), Confidence::Inferred);
    // Kota Jayapura: 2019 is on the full list; 2023 conflicts with Kabupaten Jayapura's account.
    assert_eq!(years_of("91.71"), vec![2019, 2023]);
    assert_eq!(confidence("91.71", 2019), Confidence::Confirmed);
    assert_eq!(confidence("91.71", 2023), Confidence::Conflicting);
    assert_eq!(years_of("91.03"), vec![2023]);
    // Kabupaten Magetan and Kota Bukittinggi: 2022.
    assert_eq!(programme().first_year(code("35.20")), Some(2022));
    assert_eq!(programme().first_year(code("13.75")), Some(2022));
    assert_eq!(resolves_to("Magetan"), Some(code("35.20")));
    assert_eq!(resolves_to("Bukit Tinggi"), Some(code("13.75")));
    // Kota Kotamobagu: 2018 (conflicting) and 2023 (letter B-349).
    assert_eq!(years_of("71.74"), vec![2018, 2023]);
    assert_eq!(confidence("71.74", 2018), Confidence::Conflicting);
    assert_eq!(confidence("71.74", 2023), Confidence::Confirmed);
    // Kabupaten Banyumas and Kota Depok: on a 2018 list and on the 2019 signing list.
    for both in ["33.02", "32.76"] {
        assert_eq!(years_of(both), vec![2018, 2019]);
        assert_eq!(confidence(both, 2018), Confidence::Conflicting);
        assert_eq!(confidence(both, 2019), Confidence::Conflicting);
    }
    // Kabupaten Lombok Timur: the 26th name of 2017.
    assert_eq!(confidence("52.03", 2017), Confidence::Conflicting);
    // Kota Singkawang: in the 2017 list of 25; the 2018 row conflicts.
    assert_eq!(years_of("61.72"), vec![2017, 2018]);
    assert_eq!(confidence("61.72", 2017), Confidence::Confirmed);
    // The source spellings resolve: Batang Hari, Tanjungpinang, Pematangsiantar, Palangka Raya.
    assert_eq!(resolves_to("Kabupaten Batang Hari"), Some(code("15.04")));
    assert_eq!(resolves_to("Kota Tanjungpinang"), Some(code("21.72")));
    assert_eq!(resolves_to("Kota Pematang Siantar"), Some(code("12.72")));
    assert_eq!(resolves_to("Kota Palangka Raya"), Some(code("62.71")));
    // Blitar alone is ambiguous.
    assert_eq!(index().resolve("Blitar").map_err(|list| list.len()), Err(2));
}

#[test]
fn pillar_citations() {
    let p = programme();
    // Kota Denpasar's quick wins cover all six dimensions.
    assert_eq!(p.pillars_of(code("51.71")), Pillar::ALL.into_iter().collect());
    // Kota Jambi: governance and branding quick wins, a four-pillar row, a smart-living award.
    assert_eq!(p.pillars_of(code("15.71")), Pillar::ALL.into_iter().collect());
    assert_eq!(p.citations_of(code("15.71")).len(), 4);
    // Kabupaten Blitar: a governance award and quick wins of no named pillar.
    let blitar = p.citations_of(code("35.05"));
    assert_eq!(blitar.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![CitationKind::Award, CitationKind::Unnamed]);
    assert_eq!(p.pillars_of(code("35.05")), [Pillar::Governance].into_iter().collect());
    // Wonogiri's 2022 award is for a tourism-area category, not a pillar.
    let wonogiri = p.citations_of(code("33.12"));
    assert_eq!(wonogiri.len(), 1);
    assert_eq!(wonogiri[0].kind, CitationKind::Award);
    assert!(wonogiri[0].pillars.is_empty());
    // Kabupaten Banyumas's award has no cohort year: the membership is 2018 or 2019.
    assert_eq!(p.citations_of(code("33.02"))[0].year, None);
    // The smart-province citation of Jawa Barat.
    assert!(p.citations().iter().any(|c| c.subject == Subject::Province(32) && c.pillars == [Pillar::Governance]));

    let kinds: BTreeMap<CitationKind, usize> = p.citations().iter().fold(BTreeMap::new(), |mut kinds, c| {
        *kinds.entry(c.kind).or_default() += 1;
        kinds
    });
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        vec![
            (CitationKind::Stated, 37),
            (CitationKind::Award, 46),
            (CitationKind::Inferred, 3),
            (CitationKind::Unnamed, 10)
        ]
    );
    let counts = p.pillar_counts(p.latest_year());
    assert_eq!(counts.map(|(pillar, _)| pillar), Pillar::ALL);
    for (pillar, count) in counts {
        assert!(count > 0 && count <= p.members_as_of(p.latest_year()).len(), "{pillar}: {count}");
    }
}

/// The conversion kept every row, source, year and note of the research files.
#[test]
fn nothing_was_lost_in_conversion() {
    let source = rows(&read(shared().join("cohorts/members.csv")));
    let converted = rows(&data("members.csv"));
    assert_eq!(source.len(), 237);
    assert_eq!(converted.len(), source.len());
    assert_eq!(programme().memberships().len() + programme().province_memberships().len(), 237);
    for (from, to) in source.iter().zip(&converted) {
        let name = &from["region_name"];
        let expected_code = match name.strip_prefix("Provinsi ") {
            Some(_) => to["code"].clone(), // checked against the province list above
            None => resolves_to(name).unwrap_or_else(|| panic!("{name} does not resolve")).to_string(),
        };
        assert_eq!(to["code"], expected_code, "{name}");
        assert_eq!(to["year"], from["cohort_year"], "{name}");
        assert_eq!(to["source_url"], from["source_url"], "{name}");
        assert_eq!(to["source_title"], from["source_title"], "{name}");
        assert_eq!(to["note"], from["note"], "{name}");
        // A note that flags doubt is either reflected in the confidence or explained.
        let note = from["note"].to_lowercase();
        let flagged = ["inferred", "conflict", "caution", " low", "medium"].iter().any(|word| note.contains(word));
        if flagged {
            assert!(to["confidence"] != "confirmed" || !to["confidence_note"].is_empty(), "{name} {}", to["year"]);
        } else if (name.as_str(), to["year"].as_str()) == ("Kabupaten Lombok Timur", "2017") {
            // Unflagged, but its own note says it is NOT among the 25 signatories while a Kominfo
            // official counts it among the 25: the 26th name of 2017.
            assert_eq!(to["confidence"], "conflicting");
        } else {
            assert_eq!(to["confidence"], "confirmed", "{name} {}", to["year"]);
        }
    }

    let source = rows(&read(shared().join("cohorts/pillars.csv")));
    let converted = rows(&data("pillars.csv"));
    assert_eq!(converted.len(), source.len());
    assert_eq!(programme().citations().len(), source.len());
    for (from, to) in source.iter().zip(&converted) {
        assert_eq!(to["year"], from["cohort_year"]);
        assert_eq!(to["source_url"], from["source_url"]);
        assert_eq!(to["quote"], from["quote"]);
        assert_eq!(to["label"], from["pillar"]);
        if !to["code"].is_empty() && to["code"].contains('.') {
            assert_eq!(resolves_to(&from["region_name"]).map(|c| c.to_string()), Some(to["code"].clone()));
        }
    }
}

#[test]
fn search_box_on_the_real_names() {
    let first = |query: &str| index().search(query, 5).first().map(|&i| regions()[i].name.clone());
    for query in ["magetan", "Magettan", "kab magetan", "Kab. Magetan", "maget"] {
        assert_eq!(first(query).as_deref(), Some("Kabupaten Magetan"), "{query}");
    }
    assert_eq!(first("bukit tinggi").as_deref(), Some("Kota Bukittinggi"));
    assert_eq!(first("Pematang Siantar").as_deref(), Some("Kota Pematangsiantar"));
    assert_eq!(first("tanjungpinang").as_deref(), Some("Kota Tanjung Pinang"));
    let blitar: Vec<&str> = index().search("Blitar", 5).iter().map(|&i| regions()[i].name.as_str()).collect();
    assert_eq!(&blitar[..2], ["Kabupaten Blitar", "Kota Blitar"]);
    assert!(index().search("  ", 5).is_empty());
    // Every official name resolves to itself.
    for (i, region) in regions().iter().enumerate() {
        assert_eq!(index().resolve(&region.name), Ok(i), "{}", region.name);
    }
}
