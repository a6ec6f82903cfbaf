use super::parse::{data_pillar, data_word};
use super::*;
use proptest::prelude::*;

const COHORTS: &str = "\
year,official,repeats,running_total,note,source_url
2018,2,1,4,,https://example.org/2018
2017,3,0,3,\"first, stage\",https://example.org/2017
";

const MEMBERS: &str = "\
code,name,year,confidence,confidence_note,source_url,source_title,note
35.20,Kabupaten Magetan,2017,confirmed,,https://a.example/1,Title one,A note
35.72,Kota Blitar,2017,inferred,Year from bimtek timing,https://a.example/2,Title two,
33.74,Kota Semarang,2017,confirmed,,https://a.example/3,Title three,\"Listed, with a comma \"
33.74,Kota Semarang,2018,conflicting,Also listed for 2017,http://a.example/4,Title four,CONFLICT
35.05,Kabupaten Blitar,2018,confirmed,,https://a.example/5,Title five,note
32,Jawa Barat,2018,confirmed,,https://a.example/6,Title six,PILOT PROVINCE
";

const PILLARS: &str = "\
code,name,year,pillars,kind,source_url,quote,label
35.20,Kabupaten Magetan,2017,governance|economy,stated,https://p.example/1,quote one,smart governance / smart economy
35.20,Kabupaten Magetan,2017,,unnamed,https://p.example/2,quote two,quick wins (pillar not named)
33.74,Kota Semarang,,society,award,https://p.example/3,quote three,smart society (award)
35.72,Kota Blitar,2017,living,inferred,https://p.example/4,quote four,smart living [inferred]
32,Jawa Barat,2018,governance,stated,https://p.example/5,quote five,smart governance
,Semarang (Kota/Kabupaten not specified),,economy,award,https://p.example/6,quote six,smart economy (award)
";

fn code(text: &str) -> RegionCode {
    text.parse().unwrap()
}

fn programme() -> Programme {
    Programme::from_csv(MEMBERS, PILLARS, COHORTS).expect("the fixture is valid")
}

fn members_error(members: &str) -> ProgrammeError {
    Programme::from_csv(members, PILLARS, COHORTS).expect_err("should be rejected")
}

fn pillars_error(pillars: &str) -> ProgrammeError {
    Programme::from_csv(MEMBERS, pillars, COHORTS).expect_err("should be rejected")
}

fn cohorts_error(cohorts: &str) -> ProgrammeError {
    Programme::from_csv(MEMBERS, PILLARS, cohorts).expect_err("should be rejected")
}

/// The fixture with `line` (1-based) replaced.
fn with_line(text: &str, line: usize, replacement: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, old)| if i + 1 == line { replacement } else { old })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_error(error: &ProgrammeError, file: &str, line: u64, needle: &str) {
    assert_eq!((error.file, error.line), (file, line), "{error}");
    assert!(error.message.contains(needle), "{error:?} should mention {needle:?}");
}

// --- queries ---

#[test]
fn cohorts_are_sorted_by_year() {
    let programme = programme();
    assert_eq!(programme.cohort_years(), vec![2017, 2018]);
    assert_eq!(programme.latest_year(), 2018);
    assert_eq!(programme.cohorts()[0].note, "first, stage");
    assert_eq!(programme.cohort(2018).map(|c| (c.official, c.repeats, c.running_total)), Some((2, 1, 4)));
    assert!(programme.cohort(2019).is_none());
}

#[test]
fn members_accumulate_over_the_years() {
    let programme = programme();
    assert!(programme.members_as_of(2016).is_empty());
    assert_eq!(
        programme.members_as_of(2017),
        [code("33.74"), code("35.20"), code("35.72")],
        "distinct and sorted by code"
    );
    assert_eq!(programme.members_as_of(2018).len(), 4);
    assert_eq!(programme.members_as_of(2030).len(), 4);
    assert_eq!(programme.identified(2017), 3);
    assert_eq!(programme.identified(2018), 2);
    assert_eq!(programme.identified(2019), 0);
    assert_eq!(programme.identified_with(2017, Confidence::Inferred), 1);
    assert_eq!(programme.identified_with(2018, Confidence::Conflicting), 1);
    let joined: Vec<&str> = programme.joined_in(2018).iter().map(|m| m.name.as_str()).collect();
    assert_eq!(joined, vec!["Kota Semarang", "Kabupaten Blitar"]);
    assert_eq!(programme.memberships().len(), 5);
}

#[test]
fn a_region_keeps_all_its_years_and_sources() {
    let programme = programme();
    let semarang = code("33.74");
    let years: Vec<u16> = programme.memberships_of(semarang).map(|m| m.year).collect();
    assert_eq!(years, vec![2017, 2018]);
    let later = programme.memberships_of(semarang).nth(1).unwrap();
    assert_eq!(later.source, Source { url: "http://a.example/4".into(), title: "Title four".into() });
    assert_eq!(later.confidence, Confidence::Conflicting);
    assert_eq!(later.confidence_note, "Also listed for 2017");
    assert_eq!(programme.memberships_of(semarang).next().unwrap().note, "Listed, with a comma ");
    assert_eq!(programme.standing(semarang, u16::MAX).joined, Some(2017));
    assert_eq!(programme.standing(code("35.05"), u16::MAX).joined, Some(2018));
    assert_eq!(programme.standing(code("11.01"), u16::MAX).joined, None);
    assert_eq!(programme.memberships_of(code("11.01")).count(), 0);
    assert!(!programme.standing(semarang, 2017).repeat);
    assert!(programme.standing(semarang, 2018).repeat);
    assert!(!programme.standing(code("35.20"), 2018).repeat);
}

#[test]
fn pillars_come_from_named_citations() {
    let programme = programme();
    let magetan = code("35.20");
    assert_eq!(programme.pillars_of(magetan), [Pillar::Governance, Pillar::Economy].into_iter().collect());
    assert_eq!(programme.citations_of(magetan).len(), 2);
    assert_eq!(programme.citations_of(magetan)[1].kind, CitationKind::Unnamed);
    assert_eq!(programme.pillars_of(code("35.72")), [Pillar::Living].into_iter().collect());
    assert_eq!(programme.pillars_of(code("35.05")), PillarSet::default());
    let semarang = programme.citations_of(code("33.74"));
    assert_eq!(semarang[0].year, None);
    assert_eq!(semarang[0].kind, CitationKind::Award);

    let counts = programme.pillar_counts(2017);
    assert_eq!(counts.map(|(pillar, _)| pillar), Pillar::ALL);
    assert_eq!(counts.map(|(_, count)| count), [1, 0, 1, 1, 1, 0]);
    assert_eq!(programme.pillar_counts(2016).map(|(_, count)| count), [0; 6]);
    // The province's and the unresolved citation count for no kab/kota.
    assert_eq!(programme.pillar_counts(2018).map(|(_, count)| count), [1, 0, 1, 1, 1, 0]);
}

#[test]
fn provinces_and_unresolved_citations_are_kept_apart() {
    let programme = programme();
    assert_eq!(programme.pilot_provinces(2018), vec!["Jawa Barat".to_owned()]);
    assert!(programme.pilot_provinces(2017).is_empty());
    assert_eq!(programme.province_memberships()[0].province, 32);
    let subjects: Vec<Subject> = programme.citations().iter().map(|c| c.subject).collect();
    assert!(subjects.contains(&Subject::Province(32)));
    let unresolved: Vec<&PillarCitation> =
        programme.citations().iter().filter(|c| c.subject == Subject::Unresolved).collect();
    assert_eq!(unresolved.len(), 1);
    assert_eq!(unresolved[0].name, "Semarang (Kota/Kabupaten not specified)");
}

#[test]
fn pillar_names_parse_in_either_form() {
    for (text, pillar) in [
        ("governance", Pillar::Governance),
        ("Smart Governance", Pillar::Governance),
        ("  smart   LIVING ", Pillar::Living),
        ("Environment", Pillar::Environment),
    ] {
        assert_eq!(data_pillar(text), Ok(pillar), "{text}");
    }
    for pillar in Pillar::ALL {
        assert_eq!(pillar.key().parse::<Pillar>(), Ok(pillar));
        assert_eq!(data_pillar(pillar.label()), Ok(pillar));
        assert_eq!(pillar.to_string(), pillar.key());
    }
    let error = data_pillar("smart mobility").unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown pillar \"smart mobility\" (expected one of: governance, branding, economy, living, society, \
         environment)"
    );
    assert!(data_pillar("smart").is_err());
    assert!(data_pillar("").is_err());
    assert!(data_pillar("smart smart governance").is_err());
    assert!("Governance".parse::<Pillar>().is_err(), "links and API calls take exact keys");
    assert_eq!(data_word::<Confidence>(" Inferred"), Ok(Confidence::Inferred));
    assert!(data_word::<Confidence>("maybe").unwrap_err().to_string().contains("confirmed, inferred, conflicting"));
    assert!(data_word::<CitationKind>("rumour").unwrap_err().to_string().contains("stated, award, inferred, unnamed"));
}

// --- errors ---

#[test]
fn errors_name_file_and_line() {
    let error = members_error(&with_line(MEMBERS, 3, "35.72,Kota Blitar,2017,inferred,,https://a.example/2,T,"));
    assert_eq!(error.to_string(), "members.csv line 3: confidence_note is empty; it must say why the row is inferred");
    let whole = ProgrammeError { file: "cohorts.csv", line: 0, message: "no cohorts".into() };
    assert_eq!(whole.to_string(), "cohorts.csv: no cohorts");
}

#[test]
fn rejects_malformed_csv() {
    // An unclosed quote swallows the rest of the file into one field.
    let error = members_error(&with_line(MEMBERS, 4, "33.74,Kota Semarang,2017,confirmed,,https://a.example/3,\"T,n"));
    assert_error(&error, "members.csv", 4, "expected 8 fields");
    let error = pillars_error("not,a,header\n");
    assert_error(&error, "pillars.csv", 1, "expected the header code,name,year,pillars,kind");
    let error = cohorts_error("");
    assert_error(&error, "cohorts.csv", 0, "empty file");
    let error = cohorts_error("year,official,repeats,running_total,note,source_url\n");
    assert_error(&error, "cohorts.csv", 0, "no cohorts");
}

#[test]
fn rejects_wrong_column_counts() {
    let error =
        members_error(&with_line(MEMBERS, 2, "35.20,Kabupaten Magetan,2017,confirmed,,https://a.example/1,T,n,extra"));
    assert_error(&error, "members.csv", 2, "expected 8 fields (code,name,year");
    assert!(error.message.contains("found 9"), "{error}");
    let error = pillars_error(&with_line(PILLARS, 3, "35.20,Kabupaten Magetan,2017"));
    assert_error(&error, "pillars.csv", 3, "found 3");
    let error = cohorts_error("year,official,repeats,running_total,note,source_url\n2017,25,0,25\n");
    assert_error(&error, "cohorts.csv", 2, "expected 6 fields");
}

#[test]
fn rejects_unknown_pillars_naming_the_valid_ones() {
    let error = pillars_error(&with_line(
        PILLARS,
        2,
        "35.20,Kabupaten Magetan,2017,governance|mobility,stated,https://p.example/1,q,smart mobility",
    ));
    assert_error(&error, "pillars.csv", 2, "unknown pillar \"mobility\" (expected one of: governance, branding");
    let error = pillars_error(&with_line(
        PILLARS,
        2,
        "35.20,Kabupaten Magetan,2017,economy|economy,stated,https://p.example/1,q,l",
    ));
    assert_error(&error, "pillars.csv", 2, "listed twice");
    let error =
        pillars_error(&with_line(PILLARS, 2, "35.20,Kabupaten Magetan,2017,economy,guess,https://p.example/1,q,l"));
    assert_error(&error, "pillars.csv", 2, "unknown citation kind \"guess\"");
    let error =
        pillars_error(&with_line(PILLARS, 3, "35.20,Kabupaten Magetan,2017,living,unnamed,https://p.example/2,q,l"));
    assert_error(&error, "pillars.csv", 3, "kind unnamed");
    let error = pillars_error(&with_line(PILLARS, 3, "35.20,Kabupaten Magetan,2017,,stated,https://p.example/2,q,l"));
    assert_error(&error, "pillars.csv", 3, "needs at least one pillar");
}

#[test]
fn rejects_years_outside_the_programme() {
    let error =
        members_error(&with_line(MEMBERS, 2, "35.20,Kabupaten Magetan,2020,confirmed,,https://a.example/1,T,n"));
    assert_error(
        &error,
        "members.csv",
        2,
        "year 2020 is not a cohort year of the programme (cohorts.csv has 2017, 2018)",
    );
    let error =
        members_error(&with_line(MEMBERS, 2, "35.20,Kabupaten Magetan,twenty,confirmed,,https://a.example/1,T,n"));
    assert_error(&error, "members.csv", 2, "not a year");
    let error =
        pillars_error(&with_line(PILLARS, 2, "35.20,Kabupaten Magetan,2016,economy,stated,https://p.example/1,q,l"));
    assert_error(&error, "pillars.csv", 2, "year 2016 is not a cohort year");
    // A cohort year, but not one the region is listed for.
    let error =
        pillars_error(&with_line(PILLARS, 2, "35.20,Kabupaten Magetan,2018,economy,stated,https://p.example/1,q,l"));
    assert_error(&error, "pillars.csv", 2, "35.20 (Kabupaten Magetan) is not listed for 2018");
    let error = cohorts_error("year,official,repeats,running_total,note,source_url\n17,25,0,25,,https://x.example\n");
    assert_error(&error, "cohorts.csv", 2, "outside 2000-2100");
}

#[test]
fn rejects_a_region_listed_twice_in_one_year() {
    let members = format!("{MEMBERS}35.20,Kabupaten Magetan,2017,inferred,again,https://a.example/9,T,n\n");
    let error = members_error(&members);
    assert_error(&error, "members.csv", 8, "35.20 (Kabupaten Magetan) is listed twice for 2017 (first on line 2)");
    let members = format!("{MEMBERS}32,Jawa Barat,2018,confirmed,,https://a.example/9,T,n\n");
    assert_error(&members_error(&members), "members.csv", 8, "listed twice for 2018");
}

#[test]
fn rejects_bad_codes() {
    for bad in ["35.2", "ab.cd", "7", "00", "35.00", "3520x", "٣٥.٢٠"] {
        let line = format!("{bad},Kabupaten Magetan,2017,confirmed,,https://a.example/1,T,n");
        let error = members_error(&with_line(MEMBERS, 2, &line));
        assert_error(&error, "members.csv", 2, "code");
    }
    let error = members_error(&with_line(MEMBERS, 2, ",Kabupaten Magetan,2017,confirmed,,https://a.example/1,T,n"));
    assert_error(&error, "members.csv", 2, "code is empty");
    let error =
        pillars_error(&with_line(PILLARS, 2, "11.01,Kabupaten Aceh Selatan,,economy,stated,https://p.example/1,q,l"));
    assert_error(&error, "pillars.csv", 2, "11.01 (Kabupaten Aceh Selatan) is not a member");
    let error =
        pillars_error(&with_line(PILLARS, 6, "34,DI Yogyakarta,2018,governance,stated,https://p.example/5,q,l"));
    assert_error(&error, "pillars.csv", 6, "province 34");
}

#[test]
fn rejects_inconsistent_names() {
    let error =
        members_error(&with_line(MEMBERS, 5, "33.74,Kabupaten Semarang,2018,confirmed,,https://a.example/4,T,n"));
    assert_error(
        &error,
        "members.csv",
        5,
        "33.74 is named \"Kabupaten Semarang\" here but \"Kota Semarang\" on line 4",
    );
    let error = pillars_error(&with_line(PILLARS, 2, "35.20,Magetan,2017,economy,stated,https://p.example/1,q,l"));
    assert_error(&error, "pillars.csv", 2, "members.csv line 2");
}

#[test]
fn rejects_empty_required_fields() {
    let cases = [
        ("35.20,,2017,confirmed,,https://a.example/1,T,n", "name is empty"),
        ("35.20,Kabupaten Magetan,,confirmed,,https://a.example/1,T,n", "year is empty"),
        ("35.20,Kabupaten Magetan,2017,,,https://a.example/1,T,n", "confidence is empty"),
        ("35.20,Kabupaten Magetan,2017,confirmed,,,T,n", "source_url is empty"),
        ("35.20,Kabupaten Magetan,2017,confirmed,,https://a.example/1,  ,n", "source_title is empty"),
        ("35.20,Kabupaten Magetan,2017,sure,,https://a.example/1,T,n", "unknown confidence \"sure\""),
        ("35.20,Kabupaten Magetan,2017,confirmed,,ftp://a.example/1,T,n", "not an http(s) URL"),
        ("35.20,Kabupaten Magetan,2017,confirmed,,https://,T,n", "not an http(s) URL"),
        ("35.20,Kabupaten Magetan,2017,confirmed,,https://a.example/a b,T,n", "not an http(s) URL"),
    ];
    for (line, needle) in cases {
        assert_error(&members_error(&with_line(MEMBERS, 2, line)), "members.csv", 2, needle);
    }
    let cases = [
        ("35.20,,2017,economy,stated,https://p.example/1,q,l", "name is empty"),
        ("35.20,Kabupaten Magetan,2017,economy,,https://p.example/1,q,l", "kind is empty"),
        ("35.20,Kabupaten Magetan,2017,economy,stated,,q,l", "source_url is empty"),
        ("35.20,Kabupaten Magetan,2017,economy,stated,https://p.example/1,,l", "quote is empty"),
        ("35.20,Kabupaten Magetan,2017,economy,stated,https://p.example/1,q,", "label is empty"),
    ];
    for (line, needle) in cases {
        assert_error(&pillars_error(&with_line(PILLARS, 2, line)), "pillars.csv", 2, needle);
    }
    let error = cohorts_error(&with_line(COHORTS, 3, "2017,3,0,3,first,"));
    assert_error(&error, "cohorts.csv", 3, "source_url is empty");
}

#[test]
fn rejects_bad_cohorts() {
    let header = "year,official,repeats,running_total,note,source_url";
    let error = cohorts_error(&format!("{header}\n2017,3,0,3,,https://x.example\n2017,2,0,5,,https://x.example\n"));
    assert_error(&error, "cohorts.csv", 3, "cohort year 2017 is listed twice (first on line 2)");
    let error = cohorts_error(&format!("{header}\n2017,3,0,3,,https://x.example\n2018,2,0,4,,https://x.example\n"));
    assert_error(&error, "cohorts.csv", 3, "running_total 4 for 2018 does not add up");
    let error = cohorts_error(&format!("{header}\n2017,3,4,3,,https://x.example\n"));
    assert_error(&error, "cohorts.csv", 2, "repeats 4 exceed");
    let error = cohorts_error(&format!("{header}\n2017,0,0,0,,https://x.example\n"));
    assert_error(&error, "cohorts.csv", 2, "official is 0");
    let error = cohorts_error(&format!("{header}\n2017,-3,0,3,,https://x.example\n"));
    assert_error(&error, "cohorts.csv", 2, "official \"-3\" is not a whole number");
}

#[test]
fn accepts_a_byte_order_mark_and_crlf() {
    let members = format!("\u{feff}{}", MEMBERS.replace('\n', "\r\n"));
    let programme = Programme::from_csv(&members, PILLARS, COHORTS).expect("BOM and CRLF are fine");
    assert_eq!(programme.memberships().len(), 5);
}

/// Every region's standing in every year, against a brute-force reading of all memberships.
#[test]
fn standing_agrees_with_every_membership() {
    let programme = packaged();
    for member in programme.memberships() {
        for as_of in 2016..=2026 {
            let listed: Vec<&Membership> =
                programme.memberships().iter().filter(|m| m.code == member.code && m.year <= as_of).collect();
            let first = listed.iter().map(|m| (m.year, m.confidence)).min();
            let expected = Standing {
                joined: first.map(|(year, _)| year),
                repeat: listed.len() >= 2,
                doubtful: first.is_some_and(|(_, confidence)| confidence != Confidence::Confirmed),
            };
            assert_eq!(programme.standing(member.code, as_of), expected, "{} as of {as_of}", member.code);
        }
    }
}

fn header_then(header: &'static str) -> impl Strategy<Value = String> {
    proptest::collection::vec("[0-9a-zA-Z.,|\" :/\n-]{0,40}", 0..6)
        .prop_map(move |lines| format!("{header}\n{}", lines.join("\n")))
}

proptest! {
    /// Against a BTreeSet of the same pillars as the oracle: members, size and order.
    #[test]
    fn pillar_set_agrees_with_a_btree_set(indices in proptest::collection::vec(0usize..6, 0..12)) {
        let pillars: Vec<Pillar> = indices.iter().map(|&index| Pillar::ALL[index]).collect();
        let set: PillarSet = pillars.iter().copied().collect();
        let oracle: std::collections::BTreeSet<Pillar> = pillars.into_iter().collect();
        prop_assert_eq!(set.iter().collect::<Vec<_>>(), oracle.iter().copied().collect::<Vec<_>>());
        prop_assert_eq!(set.len(), oracle.len());
        prop_assert_eq!(set.is_empty(), oracle.is_empty());
        for pillar in Pillar::ALL {
            prop_assert_eq!(set.contains(pillar), oracle.contains(&pillar));
        }
    }

    #[test]
    fn from_csv_never_panics_on_arbitrary_text(members in any::<String>(), pillars in any::<String>(), cohorts in any::<String>()) {
        let _ = Programme::from_csv(&members, &pillars, &cohorts);
    }

    #[test]
    fn from_csv_never_panics_on_arbitrary_rows(
        members in header_then("code,name,year,confidence,confidence_note,source_url,source_title,note"),
        pillars in header_then("code,name,year,pillars,kind,source_url,quote,label"),
        cohorts in header_then("year,official,repeats,running_total,note,source_url"),
    ) {
        let _ = Programme::from_csv(&members, PILLARS, COHORTS);
        let _ = Programme::from_csv(MEMBERS, &pillars, COHORTS);
        let _ = Programme::from_csv(MEMBERS, PILLARS, &cohorts);
        if let Err(error) = Programme::from_csv(&members, &pillars, &cohorts) {
            prop_assert!(!error.message.is_empty());
        }
    }

    #[test]
    fn from_csv_never_panics_on_damaged_fixtures(which in 0usize..3, at in any::<usize>(), insert in any::<char>(), delete in any::<bool>()) {
        let mut texts = [MEMBERS.to_owned(), PILLARS.to_owned(), COHORTS.to_owned()];
        let text = &mut texts[which];
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let at = boundaries[at % boundaries.len()];
        if delete {
            text.remove(at);
        } else {
            text.insert(at, insert);
        }
        let _ = Programme::from_csv(&texts[0], &texts[1], &texts[2]);
    }
}

#[test]
fn check_names_every_bad_row_in_file_order_and_from_csv_the_first() {
    let members = with_line(
        &with_line(MEMBERS, 2, "35.20,Kabupaten Magetan,2017,maybe,,https://a.example/1,T,"),
        3,
        "35.72,Kota Blitar,2099,confirmed,,https://a.example/2,T,",
    );
    let problems = Programme::check_csv(&members, PILLARS, COHORTS).unwrap_err();
    let lines: Vec<(&str, u64)> = problems.iter().map(|p| (p.file, p.line)).collect();
    assert_eq!(&lines[..2], [("members.csv", 2), ("members.csv", 3)], "{problems:?}");
    assert_eq!(Programme::from_csv(&members, PILLARS, COHORTS).unwrap_err(), problems[0]);
    assert!(Programme::check_csv(MEMBERS, PILLARS, COHORTS).is_ok());
}
