//! Matching kabupaten/kota names: exact resolution for data files and a typo-tolerant search
//! for a search box.
//!
//! Names are compared after [`normalise`]: lower case, accents and punctuation dropped, the
//! prefixes "Kab." / "Kab" / "Kabupaten" / "Kota" (and "Administrasi" after them) split off as
//! the kind, "Kep." read as "Kepulauan". The rest, the core, is compared with its spaces
//! removed, so the spelling variants found in the sources ("Batang Hari" / "Batanghari",
//! "Pematang Siantar" / "Pematangsiantar", "Tanjungpinang" / "Tanjung Pinang", "Baubau" /
//! "Bau Bau", "Palangka Raya" / "Palangkaraya") all meet.

use crate::region::{Region, RegionKind};

/// Longer input is cut here: no region name comes near it, and it bounds the fuzzy scoring.
const MAX_CHARS: usize = 120;

/// Other names in common use, by compact core: (variant, official core).
const ALIASES: &[(&str, &str)] = &[
    // Renamed in 2020; older programme pages use the old name.
    ("tobasamosir", "toba"),
    ("siantar", "pematangsiantar"),
    ("solo", "surakarta"),
    ("jogja", "yogyakarta"),
    ("jogjakarta", "yogyakarta"),
    ("yogya", "yogyakarta"),
];

/// A search hit must score at least this (see [`score`]).
const MIN_SCORE: f64 = 0.5;

/// Look-up of the official kabupaten/kota names, built once from the atlas regions.
#[derive(Clone, Debug)]
pub struct NameIndex {
    entries: Vec<Entry>,
    /// Indices into the regions sorted by compact core, then region order: the regions with one
    /// core are a run. Not a HashMap: a binary search needs no hashing code in the WebAssembly.
    by_core: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Entry {
    kind: RegionKind,
    core: String,
}

/// A name taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parsed {
    kind: Option<RegionKind>,
    /// The kind came from a leading "Kota", so "Kota Baru" may also mean "Kotabaru".
    kota_prefix: bool,
    words: Vec<String>,
}

impl Parsed {
    fn compact(&self) -> String {
        self.words.concat()
    }
}

impl NameIndex {
    pub fn new(regions: &[Region]) -> NameIndex {
        let entries: Vec<Entry> = regions
            .iter()
            .map(|region| {
                let parsed = parse(&region.name);
                Entry { kind: parsed.kind.unwrap_or_else(|| region.kind()), core: parsed.compact() }
            })
            .collect();
        let by_core = crate::order::sorted_indices(entries.len(), &|a, b| entries[a].core.cmp(&entries[b].core));
        NameIndex { entries, by_core }
    }

    /// The region a name denotes, exactly after normalisation: `Ok(index into the regions)`.
    ///
    /// A name without prefix ("Magetan") resolves when only one region has that core. When a
    /// name is ambiguous ("Blitar": Kabupaten and Kota Blitar) or unknown, `Err` carries the
    /// closest regions, best first, at most 3 (empty when nothing is close).
    pub fn resolve(&self, name: &str) -> Result<usize, Vec<usize>> {
        let parsed = parse(name);
        if parsed.words.is_empty() {
            return Err(Vec::new());
        }
        let exact = self.exact(&parsed);
        match exact.as_slice() {
            [only] => Ok(*only),
            [] => Err(self.search(name, 3)),
            several => Err(several.iter().copied().take(3).collect()),
        }
    }

    /// Typo-tolerant search: the best matches first, at most `limit`. An empty or blank query
    /// finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let parsed = parse(query);
        if parsed.words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let core = parsed.compact();
        // (candidate core, whether the query's kind applies to it)
        let mut queries = vec![(core.clone(), true)];
        if let Some(official) = alias(&core) {
            queries.push((official.to_owned(), true));
        }
        if parsed.kota_prefix {
            queries.push((format!("kota{core}"), false));
        }
        let hits: Vec<(f64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let best = queries
                    .iter()
                    .map(|(query, kind_applies)| {
                        let value = score(query, &entry.core);
                        if !kind_applies {
                            // The "Kota Baru" reading counts only when it is spelled right.
                            return if value >= 0.8 { value } else { 0.0 };
                        }
                        if parsed.kind.is_some_and(|kind| kind != entry.kind) {
                            value * 0.9
                        } else {
                            value
                        }
                    })
                    .fold(0.0, f64::max);
                (best >= MIN_SCORE).then_some((best, index))
            })
            .collect();
        let hits = crate::order::sort_by(hits, &|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().take(limit).map(|(_, index)| index).collect()
    }

    /// Regions whose core equals the query's (or its alias), of the query's kind if it has one.
    fn exact(&self, parsed: &Parsed) -> Vec<usize> {
        let core = parsed.compact();
        let of_kind = |indices: &[usize]| -> Vec<usize> {
            indices
                .iter()
                .copied()
                .filter(|&index| parsed.kind.is_none_or(|kind| self.entries[index].kind == kind))
                .collect()
        };
        for candidate in [Some(core.as_str()), alias(&core)].into_iter().flatten() {
            let hits = of_kind(self.with_core(candidate));
            if !hits.is_empty() {
                return hits;
            }
        }
        if parsed.kota_prefix {
            // "Kota Baru" for Kabupaten Kotabaru, "Kota Waringin Timur" for Kotawaringin Timur.
            return self.with_core(&format!("kota{core}")).to_vec();
        }
        Vec::new()
    }

    /// The regions whose compact core is `core`, in region order.
    fn with_core(&self, core: &str) -> &[usize] {
        crate::order::run_of(&self.by_core, |&index| self.entries[index].core.as_str().cmp(core))
    }
}

/// A name in normal form: lower case, words separated by single spaces, accents and
/// punctuation gone, the prefix spelled "kabupaten" or "kota" ("Kab. Kep. Seribu" ->
/// "kabupaten kepulauan seribu"). Never panics; input beyond 120 characters is ignored.
pub fn normalise(name: &str) -> String {
    let parsed = parse(name);
    let prefix = match parsed.kind {
        Some(RegionKind::Kabupaten) => Some("kabupaten"),
        Some(RegionKind::Kota) => Some("kota"),
        None => None,
    };
    prefix.into_iter().chain(parsed.words.iter().map(String::as_str)).collect::<Vec<_>>().join(" ")
}

fn parse(name: &str) -> Parsed {
    let mut words = words_of(name);
    let mut kind = None;
    let mut kota_prefix = false;
    if words.len() > 1 {
        match words[0].as_str() {
            "kabupaten" | "regency" => kind = Some(RegionKind::Kabupaten),
            "kota" | "city" => {
                kind = Some(RegionKind::Kota);
                kota_prefix = words[0] == "kota";
            }
            _ => {}
        }
        if kind.is_some() {
            words.remove(0);
        }
    }
    if kind.is_none() && words.len() > 1 {
        // "Magetan Regency", "Blitar City"
        match words.last().map(String::as_str) {
            Some("regency") => kind = Some(RegionKind::Kabupaten),
            Some("city") => kind = Some(RegionKind::Kota),
            _ => {}
        }
        if kind.is_some() {
            words.pop();
        }
    }
    // "Kabupaten Administrasi Kepulauan Seribu", "Kota Adm. Jakarta Pusat"
    if words.len() > 1 && words[0] == "administrasi" {
        words.remove(0);
    }
    Parsed { kind, kota_prefix, words }
}

/// Lower-cased, accent-free words, with the usual abbreviations spelled out. Every kabupaten/kota
/// name is written in Latin letters, so a letter of another script could never match and counts
/// as a space, as punctuation does: folding only ASCII and the accented Latin letters spares the
/// WebAssembly the Unicode case and letter tables (6.7 kB gzipped).
fn words_of(name: &str) -> Vec<String> {
    let mut text = String::new();
    for c in name.chars().take(MAX_CHARS) {
        if c.is_ascii_alphanumeric() {
            text.push(c.to_ascii_lowercase());
        } else if let Some(plain) = fold_latin(c) {
            text.push_str(plain);
        } else if !is_combining(c) {
            text.push(' ');
        }
    }
    text.split_whitespace()
        .map(|word| match word {
            "kab" | "kabupaten" => "kabupaten".to_owned(),
            "kep" | "kepulauan" => "kepulauan".to_owned(),
            "adm" | "administrasi" => "administrasi".to_owned(),
            other => other.to_owned(),
        })
        .collect()
}

fn alias(core: &str) -> Option<&'static str> {
    ALIASES.iter().find(|(variant, _)| *variant == core).map(|(_, official)| *official)
}

/// Combining marks, which only decorate the letter before them.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Accented Latin letters, of either case, as plain lower-case ASCII.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "i",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' | 'ẞ' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// How well a query core matches a region core, 0 to 1: 1 exact; 0.9-0.95 the region starts
/// with the query; 0.8-0.85 contains it; up to 0.75 for a close spelling; 0 otherwise.
fn score(query: &str, target: &str) -> f64 {
    if query == target {
        return 1.0;
    }
    let query_len = query.chars().count();
    let target_len = target.chars().count().max(1);
    let coverage = query_len as f64 / target_len as f64;
    if target.starts_with(query) {
        return 0.9 + 0.05 * coverage;
    }
    if query_len >= 3 && target.contains(query) {
        return 0.8 + 0.05 * coverage;
    }
    let whole = strsim::jaro_winkler(query, target).max(strsim::normalized_damerau_levenshtein(query, target));
    // Still typing, with a typo: compare with the start of the target.
    let partial = if (3..target_len).contains(&query_len) {
        let start: String = target.chars().take(query_len).collect();
        0.95 * strsim::jaro_winkler(query, &start)
    } else {
        0.0
    };
    let similarity = whole.max(partial);
    if similarity >= 0.8 {
        0.75 * similarity
    } else {
        0.0
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::region::RegionCode;
    use proptest::prelude::*;

    /// A handful of regions with the naming traps of the real list; shared with other tests.
    pub(crate) fn regions() -> Vec<Region> {
        [
            ("35.20", "Kabupaten Magetan", "Jawa Timur"),
            ("35.05", "Kabupaten Blitar", "Jawa Timur"),
            ("35.72", "Kota Blitar", "Jawa Timur"),
            ("13.75", "Kota Bukittinggi", "Sumatera Barat"),
            ("12.73", "Kota Tebing Tinggi", "Sumatera Utara"),
            ("15.04", "Kabupaten Batanghari", "Jambi"),
            ("33.25", "Kabupaten Batang", "Jawa Tengah"),
            ("12.72", "Kota Pematangsiantar", "Sumatera Utara"),
            ("21.72", "Kota Tanjung Pinang", "Kepulauan Riau"),
            ("31.01", "Kabupaten Administrasi Kepulauan Seribu", "DKI Jakarta"),
            ("31.71", "Kota Administrasi Jakarta Pusat", "DKI Jakarta"),
            ("63.02", "Kabupaten Kotabaru", "Kalimantan Selatan"),
            ("73.01", "Kabupaten Kepulauan Selayar", "Sulawesi Selatan"),
            ("33.72", "Kota Surakarta", "Jawa Tengah"),
            ("12.12", "Kabupaten Toba", "Sumatera Utara"),
            ("65.03", "Kabupaten Nunukan", "Kalimantan Utara"),
            ("74.72", "Kota Bau Bau", "Sulawesi Tenggara"),
            ("33.08", "Kabupaten Magelang", "Jawa Tengah"),
            ("33.71", "Kota Magelang", "Jawa Tengah"),
            ("13.02", "Kabupaten Solok", "Sumatera Barat"),
            ("13.72", "Kota Solok", "Sumatera Barat"),
            ("13.11", "Kabupaten Solok Selatan", "Sumatera Barat"),
            ("62.71", "Kota Palangkaraya", "Kalimantan Tengah"),
            ("34.71", "Kota Yogyakarta", "DI Yogyakarta"),
        ]
        .into_iter()
        .map(|(code, name, province)| Region {
            code: code.parse::<RegionCode>().unwrap(),
            name: name.to_owned(),
            province: province.to_owned(),
        })
        .collect()
    }

    fn index() -> (NameIndex, Vec<Region>) {
        let regions = regions();
        (NameIndex::new(&regions), regions)
    }

    fn name_of(regions: &[Region], index: usize) -> &str {
        &regions[index].name
    }

    fn resolved(name: &str) -> Result<String, Vec<String>> {
        let (index, regions) = index();
        index
            .resolve(name)
            .map(|i| name_of(&regions, i).to_owned())
            .map_err(|list| list.into_iter().map(|i| name_of(&regions, i).to_owned()).collect())
    }

    fn searched(query: &str, limit: usize) -> Vec<String> {
        let (index, regions) = index();
        index.search(query, limit).into_iter().map(|i| name_of(&regions, i).to_owned()).collect()
    }

    #[test]
    fn normalises_prefixes_case_and_punctuation() {
        assert_eq!(normalise("Kab. Magetan"), "kabupaten magetan");
        assert_eq!(normalise("  KAB   magetan "), "kabupaten magetan");
        assert_eq!(normalise("Kabupaten Magetan"), "kabupaten magetan");
        assert_eq!(normalise("Kab. Kep. Seribu"), "kabupaten kepulauan seribu");
        assert_eq!(normalise("Kota Adm. Jakarta Pusat"), "kota jakarta pusat");
        assert_eq!(normalise("Kota Bau-Bau"), "kota bau bau");
        assert_eq!(normalise("Magetan Regency"), "kabupaten magetan");
        assert_eq!(normalise("Kota"), "kota");
        assert_eq!(normalise("Kotá  Bliťar"), "kota blitar");
        assert_eq!(normalise("KOTÁ BLIŤAR"), "kota blitar");
        assert_eq!(normalise("Kota İSTANBUL"), "kota istanbul");
        // Another script cannot name a kabupaten/kota: its letters part words as punctuation does.
        assert_eq!(normalise("Кота Blitar"), "blitar");
        assert_eq!(normalise("Kote\u{301} Blitar"), "kote blitar");
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("🙂 Kota 🙂 Blitar 🙂"), "kota blitar");
    }

    #[test]
    fn every_official_name_resolves_to_itself() {
        let (index, regions) = index();
        for (i, region) in regions.iter().enumerate() {
            assert_eq!(index.resolve(&region.name), Ok(i), "{}", region.name);
        }
    }

    #[test]
    fn resolves_prefix_variants_and_spellings() {
        assert_eq!(resolved("Kab. Magetan"), Ok("Kabupaten Magetan".into()));
        assert_eq!(resolved("kab magetan"), Ok("Kabupaten Magetan".into()));
        assert_eq!(resolved("MAGETAN"), Ok("Kabupaten Magetan".into()));
        assert_eq!(resolved("Kabupaten Batang Hari"), Ok("Kabupaten Batanghari".into()));
        assert_eq!(resolved("Kota Pematang Siantar"), Ok("Kota Pematangsiantar".into()));
        assert_eq!(resolved("Kota Tanjungpinang"), Ok("Kota Tanjung Pinang".into()));
        assert_eq!(resolved("Kota Baubau"), Ok("Kota Bau Bau".into()));
        assert_eq!(resolved("Kota Palangka Raya"), Ok("Kota Palangkaraya".into()));
        assert_eq!(resolved("Bukit Tinggi"), Ok("Kota Bukittinggi".into()));
        assert_eq!(resolved("Kab. Kep. Selayar"), Ok("Kabupaten Kepulauan Selayar".into()));
        assert_eq!(resolved("Kepulauan Seribu"), Ok("Kabupaten Administrasi Kepulauan Seribu".into()));
        assert_eq!(resolved("Jakarta Pusat"), Ok("Kota Administrasi Jakarta Pusat".into()));
        assert_eq!(resolved("Kota Baru"), Ok("Kabupaten Kotabaru".into()));
        assert_eq!(resolved("Kabupaten Toba Samosir"), Ok("Kabupaten Toba".into()));
        assert_eq!(resolved("Solo"), Ok("Kota Surakarta".into()));
        assert_eq!(resolved("Kota Blitar"), Ok("Kota Blitar".into()));
        assert_eq!(resolved("Blitar City"), Ok("Kota Blitar".into()));
    }

    #[test]
    fn ambiguous_names_suggest_every_reading() {
        assert_eq!(resolved("Blitar"), Err(vec!["Kabupaten Blitar".into(), "Kota Blitar".into()]));
        assert_eq!(resolved("magelang"), Err(vec!["Kabupaten Magelang".into(), "Kota Magelang".into()]));
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let Err(suggestions) = resolved("Kabupaten Magettan") else { panic!("a typo must not resolve") };
        assert_eq!(suggestions.first().map(String::as_str), Some("Kabupaten Magetan"));
        assert!(suggestions.len() <= 3);
        // The source's "Kota Nunukan" is a kabupaten: suggested, not silently accepted.
        assert_eq!(resolved("Kota Nunukan"), Err(vec!["Kabupaten Nunukan".into()]));
        assert_eq!(resolved("Xyzzy"), Err(vec![]));
        assert_eq!(resolved(""), Err(vec![]));
        assert_eq!(resolved("  .,- "), Err(vec![]));
    }

    #[test]
    fn search_finds_the_right_one() {
        for query in ["magetan", "Magettan", "kab magetan", "Kabupaten Magetan", "maget", "magat"] {
            assert_eq!(searched(query, 5).first().map(String::as_str), Some("Kabupaten Magetan"), "{query}");
        }
        assert_eq!(searched("bukit tinggi", 3).first().map(String::as_str), Some("Kota Bukittinggi"));
        assert_eq!(searched("bukitinggi", 3).first().map(String::as_str), Some("Kota Bukittinggi"));
        assert_eq!(searched("tanjungpinang", 3).first().map(String::as_str), Some("Kota Tanjung Pinang"));
        assert_eq!(searched("solo", 3).first().map(String::as_str), Some("Kota Surakarta"));
    }

    #[test]
    fn search_returns_both_blitars_and_prefers_the_kind_asked_for() {
        assert_eq!(searched("Blitar", 5), vec!["Kabupaten Blitar", "Kota Blitar"]);
        assert_eq!(searched("kota blitar", 5), vec!["Kota Blitar", "Kabupaten Blitar"]);
        assert_eq!(searched("Solok", 5), vec!["Kabupaten Solok", "Kota Solok", "Kabupaten Solok Selatan"]);
    }

    #[test]
    fn search_respects_limit_and_empty_queries() {
        assert!(searched("", 5).is_empty());
        assert!(searched("   \t\n", 5).is_empty());
        assert!(searched("🙂", 5).is_empty());
        assert!(searched("blitar", 0).is_empty());
        assert_eq!(searched("blitar", 1), vec!["Kabupaten Blitar"]);
        assert!(searched("ba", 3).len() <= 3);
        assert!(searched("qqqqqqqq", 5).is_empty());
    }

    #[test]
    fn search_matches_inside_names() {
        let hits = searched("tinggi", 5);
        assert!(hits.contains(&"Kota Bukittinggi".to_owned()), "{hits:?}");
        assert!(hits.contains(&"Kota Tebing Tinggi".to_owned()), "{hits:?}");
    }

    #[test]
    fn survives_hostile_input() {
        let (index, _) = index();
        let long = "Magetan ".repeat(100_000);
        assert!(index.resolve(&long).is_err());
        let _ = index.search(&long, 5);
        for text in ["\u{301}\u{301}\u{301}", "İstanbul", "ﬁ", "\0", "Kota\u{200B}Blitar", "ǅ", "🏳️‍🌈 Kota"]
        {
            let _ = normalise(text);
            let _ = index.resolve(text);
            let _ = index.search(text, 3);
        }
    }

    /// The folding `words_of` did with the standard library's Unicode tables: the oracle for
    /// text in Latin letters.
    fn words_by_unicode_tables(name: &str) -> Vec<String> {
        let mut text = String::new();
        for lower in name.chars().flat_map(char::to_lowercase) {
            if is_combining(lower) {
                continue;
            }
            match fold_latin(lower) {
                Some(plain) => text.push_str(plain),
                None if lower.is_alphanumeric() => text.push(lower),
                None => text.push(' '),
            }
        }
        text.split_whitespace().map(str::to_owned).collect()
    }

    proptest! {
        #[test]
        fn latin_text_folds_as_the_unicode_tables_fold_it(
            text in "[a-zA-Z0-9 .,'()/\\-àáâãäåāăąÀÁÂÃÄÅĀĂĄæÆçćčÇĆČďđĎĐèéêëēėęěÈÉÊËĒĖĘĚìíîïīįıÌÍÎÏĪĮİñńňÑŃŇòóôõöøōőÒÓÔÕÖØŌŐœŒřŘśšşŚŠŞßẞťţŤŢùúûüūůűųÙÚÛÜŪŮŰŲýÿÝŸźżžŹŻŽ\u{301}\u{308}]{0,40}"
        ) {
            let words: Vec<String> = words_of(&text)
                .into_iter()
                .flat_map(|word| word.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
                .collect();
            let expected: Vec<String> = words_by_unicode_tables(&text)
                .into_iter()
                .map(|word| match word.as_str() {
                    "kab" => "kabupaten".to_owned(),
                    "kep" => "kepulauan".to_owned(),
                    "adm" => "administrasi".to_owned(),
                    _ => word,
                })
                .collect();
            prop_assert_eq!(words, expected);
        }

        #[test]
        fn never_panics(text in any::<String>(), limit in 0usize..10) {
            let (index, regions) = index();
            let _ = normalise(&text);
            match index.resolve(&text) {
                Ok(i) => prop_assert!(i < regions.len()),
                Err(list) => prop_assert!(list.len() <= 3 && list.iter().all(|&i| i < regions.len())),
            }
            let hits = index.search(&text, limit);
            prop_assert!(hits.len() <= limit && hits.iter().all(|&i| i < regions.len()));
        }

        #[test]
        fn case_and_spacing_do_not_matter(pick in any::<usize>(), upper in any::<bool>()) {
            let (index, regions) = index();
            let pick = pick % regions.len();
            let name = &regions[pick].name;
            let varied = if upper { name.to_uppercase() } else { format!("  {}  ", name.replace(' ', "   ")) };
            prop_assert_eq!(index.resolve(&varied), Ok(pick));
        }
    }
}
