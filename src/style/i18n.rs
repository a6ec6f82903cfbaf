//! Every string the map shows, in Bahasa Indonesia (the default) and English.

use super::{Class, Colouring, Mode, PillarFocus};
use crate::keyword::keyword_enum;
use crate::programme::{AsOf, Confidence, Identified, Pillar};

keyword_enum! {
    /// The language of every word the map shows.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Lang("lang") {
        /// Bahasa Indonesia, the default.
        #[default]
        Id = "id",
        En = "en",
    }
}

/// Picks the string of the language.
fn pick<T>(lang: Lang, id: T, en: T) -> T {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

pub fn pillar_name(lang: Lang, pillar: Pillar) -> &'static str {
    match pillar {
        Pillar::Governance => pick(lang, "Tata kelola", "Governance"),
        Pillar::Branding => pick(lang, "Branding daerah", "Branding"),
        Pillar::Economy => pick(lang, "Ekonomi", "Economy"),
        Pillar::Living => pick(lang, "Kualitas hidup", "Living"),
        Pillar::Society => pick(lang, "Masyarakat", "Society"),
        Pillar::Environment => pick(lang, "Lingkungan", "Environment"),
    }
}

pub fn class_label(lang: Lang, class: Class, pillar: PillarFocus) -> String {
    match class {
        Class::Joined(year) => year.to_string(),
        Class::PillarCount(count) => match lang {
            Lang::Id => format!("{count} pilar"),
            Lang::En if count == 1 => "1 pillar".to_owned(),
            Lang::En => format!("{count} pillars"),
        },
        Class::Cites => match pillar {
            PillarFocus::One(pillar) => format!("{}: {}", pick(lang, "Menyebut", "Cites"), pillar_name(lang, pillar)),
            PillarFocus::Count => pick(lang, "Menyebut pilar ini", "Cites this pillar").to_owned(),
        },
        Class::OtherPillars => pick(lang, "Pilar lain saja", "Other pillars only").to_owned(),
        Class::UnknownPillars => pick(lang, "Anggota, pilar belum diketahui", "Member, pillars unknown").to_owned(),
        Class::NotMember => pick(lang, "Belum bergabung", "Not (yet) a member").to_owned(),
        Class::Bin { index, of } => format!("{} {} / {of}", pick(lang, "Kelas", "Class"), index + 1),
        Class::NoValue => pick(lang, "Tanpa nilai", "No value").to_owned(),
    }
}

pub(super) fn doubtful_label(lang: Lang) -> String {
    pick(lang, "Tahun pertama diragukan (garis putus)", "First year doubtful (dashed outline)").to_owned()
}

pub(super) fn repeat_label(lang: Lang) -> String {
    pick(lang, "Terpilih lagi (arsir)", "Selected again (hatched)").to_owned()
}

pub(super) fn legend_title(lang: Lang, colouring: Colouring) -> String {
    match (colouring.mode, colouring.pillar) {
        (Mode::Cohort | Mode::Indicator, _) => pick(lang, "Tahun pertama bergabung", "Year first joined").to_owned(),
        (Mode::Pillar, PillarFocus::Count) => {
            pick(lang, "Jumlah pilar menurut sumber", "Pillars named by sources").to_owned()
        }
        (Mode::Pillar, PillarFocus::One(pillar)) => {
            format!("{} {}", pick(lang, "Pilar", "Pillar"), pillar_name(lang, pillar))
        }
    }
}

/// A number as people of the language write it: "1.234,5" in Indonesian, "1,234.5" in English,
/// with at most two decimals.
pub fn number(lang: Lang, value: f64) -> String {
    let (group, decimal) = pick(lang, ('.', ','), (',', '.'));
    // Integer arithmetic: core's float formatting would add kilobytes to the WebAssembly.
    let hundredths = (value * 100.0).round() as i64;
    let (whole, fraction) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
    let digits = whole.to_string();
    let mut text = String::from(if hundredths < 0 { "-" } else { "" });
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push(group);
        }
        text.push(digit);
    }
    if fraction > 0 {
        text.push(decimal);
        text.push_str(format!("{fraction:02}").trim_end_matches('0'));
    }
    text
}

/// A legend class of an indicator: "12,5 – 20" or a single value.
pub fn value_range(lang: Lang, lo: f64, hi: f64) -> String {
    if number(lang, lo) == number(lang, hi) {
        number(lang, lo)
    } else {
        format!("{} – {}", number(lang, lo), number(lang, hi))
    }
}

/// The subtitle and screen-reader summary of an indicator view.
pub fn indicator_summary(lang: Lang, label: &str, matched: usize, regions: usize, min: f64, max: f64) -> String {
    match lang {
        Lang::Id => format!(
            "{label}: {matched} dari {regions} kabupaten/kota bernilai, dari {} sampai {}",
            number(lang, min),
            number(lang, max)
        ),
        Lang::En => format!(
            "{label}: {matched} of {regions} regencies and cities have a value, from {} to {}",
            number(lang, min),
            number(lang, max)
        ),
    }
}

pub fn title(lang: Lang) -> &'static str {
    pick(lang, "Gerakan Menuju Kota Cerdas", "Indonesia's Smart City Movement")
}

/// "Members by 2021: 138 of 514 identified (officially 141)".
/// "Members by 2019: 97 of 100 confirmed, +5 doubtful · 514 regencies/cities": the members as
/// of the year against the official running total, worded as the cohort lines are.
pub fn subtitle(lang: Lang, year: u16, members: Identified, regions: usize, official_total: Option<u16>) -> String {
    let status = cohort_status(lang, members, official_total);
    match lang {
        Lang::Id => format!("Anggota per {year}: {status} · {regions} kabupaten/kota"),
        Lang::En => format!("Members by {year}: {status} · {regions} regencies/cities"),
    }
}

/// "2017: 25 of 25 confirmed, +1 doubtful": the confirmed members against the official count,
/// then those listed on inferred or conflicting evidence. Never "N of M" with N above M.
pub fn identified(lang: Lang, year: u16, identified: Identified, official: u16) -> String {
    format!("{year}: {}", cohort_status(lang, identified, Some(official)))
}

fn cohort_status(lang: Lang, Identified { confirmed, doubtful }: Identified, official: Option<u16>) -> String {
    let confirmed_text = match (lang, official) {
        (Lang::Id, Some(official)) if confirmed <= usize::from(official) => {
            format!("{confirmed} dari {official} terkonfirmasi")
        }
        (Lang::En, Some(official)) if confirmed <= usize::from(official) => {
            format!("{confirmed} of {official} confirmed")
        }
        (Lang::Id, Some(official)) => format!("{confirmed} terkonfirmasi (resmi {official})"),
        (Lang::En, Some(official)) => format!("{confirmed} confirmed (officially {official})"),
        (Lang::Id, None) => format!("{confirmed} terkonfirmasi"),
        (Lang::En, None) => format!("{confirmed} confirmed"),
    };
    match (lang, doubtful) {
        (_, 0) => confirmed_text,
        (Lang::Id, _) => format!("{confirmed_text}, +{doubtful} diragukan"),
        (Lang::En, _) => format!("{confirmed_text}, +{doubtful} doubtful"),
    }
}

/// The sentence a screen reader hears for the whole view.
pub fn summary(lang: Lang, year: u16, members: usize, regions: usize, cohort: Option<(Identified, u16)>) -> String {
    let head = match lang {
        Lang::Id => format!("{members} dari {regions} kabupaten/kota teridentifikasi telah bergabung per {year}"),
        Lang::En => format!("{members} of {regions} regencies and cities are identified as having joined by {year}"),
    };
    match cohort {
        Some((found, official)) => match lang {
            Lang::Id => format!("{head}; angkatan {year}: {}.", cohort_status(lang, found, Some(official))),
            Lang::En => format!("{head}; the {year} cohort: {}.", cohort_status(lang, found, Some(official))),
        },
        None => format!("{head}."),
    }
}

/// How firmly the sources place a membership, as the language says it.
pub fn confidence(lang: Lang, confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Confirmed => pick(lang, "terkonfirmasi", "confirmed"),
        Confidence::Inferred => pick(lang, "dugaan", "inferred"),
        Confidence::Conflicting => pick(lang, "sumber bertentangan", "sources conflict"),
    }
}

/// The boundary source's credit, whose text the asset carries in Indonesian, and the date the
/// page says its programme data is current as of.
pub fn attribution(lang: Lang, source: &str, as_of: Option<AsOf>) -> String {
    let source = source.strip_prefix("Batas wilayah: ").unwrap_or(source);
    let credit = match lang {
        Lang::Id => format!("Batas wilayah: {source} · Data program: sumber per baris (peta-cerdas)"),
        Lang::En => format!("Boundaries: {source} · Programme data: a source per row (peta-cerdas)"),
    };
    match as_of {
        Some(date) => format!("{credit} · {}", data_as_of(lang, date)),
        None => credit,
    }
}

/// "Data per 30 Juni 2025" / "Data as of 30 June 2025".
pub fn data_as_of(lang: Lang, AsOf { year, month, day }: AsOf) -> String {
    const BULAN: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let index = usize::from(month.clamp(1, 12)) - 1;
    match lang {
        Lang::Id => format!("Data per {day} {} {year}", BULAN[index]),
        Lang::En => format!("Data as of {day} {} {year}", MONTHS[index]),
    }
}
