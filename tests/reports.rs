//! The reports on the real data, as the tools' wasm makes them: from the overview's regions and
//! the packed programme, following a year, language and theme.

mod common;

use peta_cerdas::asset::{Asset, Overview};
use peta_cerdas::programme::Programme;
use peta_cerdas::reports::Reports;

fn programme() -> Programme {
    let read = |name: &str| std::fs::read_to_string(common::root().join("data/programme").join(name)).unwrap();
    Programme::from_csv(&read("members.csv"), &read("pillars.csv"), &read("cohorts.csv")).unwrap()
}

fn packed_reports() -> (Reports, Programme) {
    let overview = common::build_file(&common::overview_path());
    let programme = programme();
    let packed = Programme::from_bytes(&programme.to_bytes()).unwrap();
    (Reports::new(Overview::from_bytes(&overview).unwrap().regions, packed), programme)
}

#[test]
fn the_overview_holds_the_atlas_regions_and_nothing_else_reads_as_one() {
    let overview = common::build_file(&common::overview_path());
    let atlas = Asset::from_bytes(&common::build_file(&common::asset_path())).unwrap();
    assert_eq!(Overview::from_bytes(&overview).unwrap(), atlas.overview());
    assert!(Overview::from_bytes(&overview[..200]).is_err(), "a cut file");
    assert!(Overview::from_bytes(b"PCTD\x02\x00").is_err(), "a detail file");
    let whole = common::build_file(&common::asset_path());
    assert!(Overview::from_bytes(&whole).unwrap_err().to_string().contains("a whole atlas"), "atlas.bin");
}

#[test]
fn the_reports_follow_the_year_and_agree_with_each_other() {
    let (mut reports, _) = packed_reports();
    let mut members = 0;
    for year in [2017, 2018, 2019, 2021, 2022, 2023, 2024] {
        reports.follow(year, "en", "light").unwrap();
        let (stats, table, participation) = (reports.stats(), reports.table(), reports.participation());
        assert_eq!((stats.year, stats.regions), (year, 514));
        assert_eq!(stats.members_as_of_year, table.len(), "{year}: a table row per member");
        assert!(table.len() >= members, "{year}: members only join");
        members = table.len();
        assert_eq!(participation.year, year);
        assert!(reports.cohort_chart_svg().contains(&format!("{year}")));
    }
}

#[test]
fn a_refused_follow_changes_nothing() {
    let (mut reports, _) = packed_reports();
    reports.follow(2019, "en", "dark").unwrap();
    let before = reports.table_csv();
    for (year, lang, theme) in [(2016, "en", "dark"), (2030, "en", "dark"), (2019, "fr", "dark"), (2019, "en", "sepia")]
    {
        assert!(reports.follow(year, lang, theme).is_err(), "{year} {lang} {theme}");
        assert_eq!(reports.table_csv(), before);
    }
}

#[test]
fn the_csv_has_its_sources_once_they_are_in() {
    let (mut reports, programme) = packed_reports();
    reports.follow(2024, "id", "light").unwrap();
    assert!(reports.table_csv().starts_with("\u{feff}Kabupaten/kota"), "the headers in Bahasa Indonesia");
    assert!(!reports.table_csv().contains("https://"));
    reports.add_sources(&programme.all_sources()).unwrap();
    assert!(reports.table_csv().contains("https://"));
    assert!(reports.add_sources(b"PCPS").is_err());
}
