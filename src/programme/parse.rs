//! Reading and checking the programme CSV files.

use super::{
    CitationKind, Cohort, Confidence, Membership, Pillar, PillarCitation, Programme, ProvinceMembership, Source,
    Subject,
};
use crate::csv_text::{self, Record};
use crate::keyword::{Keyword, UnknownKeyword};
use crate::quoted::Quoted;
use crate::region::RegionCode;
use std::fmt;

pub const MEMBERS: &str = "members.csv";
pub const PILLARS: &str = "pillars.csv";
pub const COHORTS: &str = "cohorts.csv";

pub const MEMBER_COLUMNS: &[&str] =
    &["code", "name", "year", "confidence", "confidence_note", "source_url", "source_title", "note"];
pub const PILLAR_COLUMNS: &[&str] = &["code", "name", "year", "pillars", "kind", "source_url", "quote", "label"];
pub const COHORT_COLUMNS: &[&str] = &["year", "official", "repeats", "running_total", "note", "source_url"];

/// A keyword as people write it in a data file: any case, spaces around it. Keys are ASCII, so
/// ASCII case folding finds them, and spares the WebAssembly str::to_lowercase (kilobytes).
pub(super) fn data_word<K: Keyword>(text: &str) -> Result<K, UnknownKeyword> {
    K::from_key(&text.trim().to_ascii_lowercase()).map_err(|_| UnknownKeyword::of::<K>(text))
}

/// A pillar by its key or the programme's name: "governance", "Smart Governance".
pub(super) fn data_pillar(text: &str) -> Result<Pillar, UnknownKeyword> {
    let words: Vec<String> = text.split_whitespace().map(str::to_ascii_lowercase).collect();
    let key = match words.as_slice() {
        [smart, key] if smart == "smart" => key.as_str(),
        [key] => key.as_str(),
        _ => "",
    };
    Pillar::from_key(key).map_err(|_| UnknownKeyword::of::<Pillar>(text))
}

/// What is wrong with the programme data, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeError {
    /// "members.csv", "pillars.csv" or "cohorts.csv".
    pub file: &'static str,
    /// The 1-based line the offending record starts on; 0 for the file as a whole.
    pub line: u64,
    pub message: String,
}

impl fmt::Display for ProgrammeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{} line {}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for ProgrammeError {}

/// The programme, or its first problem (what the map shows when a file is refused).
pub fn programme(members: &str, pillars: &str, cohorts: &str) -> Result<Programme, ProgrammeError> {
    checked(members, pillars, cohorts).map_err(|mut problems| problems.swap_remove(0))
}

/// The programme, or every problem in file order: cohorts first (the other files are checked
/// against its years only when it is sound), then members, then pillars. Never empty on `Err`.
pub fn checked(members: &str, pillars: &str, cohorts: &str) -> Result<Programme, Vec<ProgrammeError>> {
    let cohorts = read_cohorts(cohorts).map_err(|problem| vec![problem])?;
    let cohorts = cohorts?;
    // Sorted and distinct, as `read_cohorts` returns the cohorts.
    let years: Vec<u16> = cohorts.iter().map(|cohort| cohort.year).collect();
    let mut problems = Vec::new();
    let (members, provinces, lines) = match read_members(members, &years) {
        Ok((members, row_problems)) => {
            problems.extend(row_problems);
            members
        }
        Err(problem) => {
            problems.push(problem);
            Default::default()
        }
    };
    match read_pillars(pillars, &years, &members, &provinces, &lines) {
        Ok((_, row_problems)) if !problems.is_empty() || !row_problems.is_empty() => problems.extend(row_problems),
        Ok((citations, _)) => return Ok(Programme::new(cohorts, members, provinces, citations)),
        Err(problem) => problems.push(problem),
    }
    Err(problems)
}

/// Runs `check` on every row, keeping what passes and every problem.
fn each_row(rows: &[Row], mut check: impl FnMut(&Row) -> Result<(), ProgrammeError>) -> Vec<ProgrammeError> {
    rows.iter().filter_map(|row| check(row).err()).collect()
}

/// One data record with its line, for error messages.
struct Row {
    file: &'static str,
    line: u64,
    record: Record,
    columns: &'static [&'static str],
}

impl Row {
    fn err(&self, message: impl Into<String>) -> ProgrammeError {
        ProgrammeError { file: self.file, line: self.line, message: message.into() }
    }

    fn index(&self, column: &str) -> usize {
        self.columns.iter().position(|name| *name == column).unwrap_or(usize::MAX)
    }

    /// The field as written (notes and quotes keep their spacing).
    fn raw(&self, column: &str) -> &str {
        self.record.get(self.index(column)).unwrap_or("")
    }

    fn get(&self, column: &str) -> &str {
        self.raw(column).trim()
    }

    fn required(&self, column: &str) -> Result<&str, ProgrammeError> {
        let value = self.get(column);
        if value.is_empty() {
            Err(self.err(format!("{column} is empty")))
        } else {
            Ok(value)
        }
    }

    fn number(&self, column: &str) -> Result<u16, ProgrammeError> {
        let text = self.required(column)?;
        text.parse::<u16>()
            .map_err(|_| self.err(format!("{column} {} is not a whole number from 0 to 65535", Quoted(text))))
    }

    fn url(&self, column: &str) -> Result<&str, ProgrammeError> {
        let url = self.required(column)?;
        let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or("");
        if rest.is_empty() || url.chars().any(char::is_whitespace) {
            return Err(self.err(format!("{column} {} is not an http(s) URL", Quoted(url))));
        }
        Ok(url)
    }

    /// A year that must be one of the cohort years.
    fn cohort_year(&self, text: &str, years: &[u16]) -> Result<u16, ProgrammeError> {
        let year =
            text.parse::<u16>().map_err(|_| self.err(format!("year {} is not a year such as 2018", Quoted(text))))?;
        if !years.contains(&year) {
            let known: Vec<String> = years.iter().map(u16::to_string).collect();
            return Err(self.err(format!(
                "year {year} is not a cohort year of the programme (cohorts.csv has {})",
                known.join(", ")
            )));
        }
        Ok(year)
    }
}

/// Splits a file into checked rows: the header must be exactly `columns`, every record must
/// have as many fields.
fn read_rows(file: &'static str, text: &str, columns: &'static [&'static str]) -> Result<Vec<Row>, ProgrammeError> {
    let mut records = csv_text::records(text, b',');
    let expected = columns.join(",");
    let Some(header) = records.next() else {
        return Err(ProgrammeError { file, line: 0, message: format!("empty file; expected the header {expected}") });
    };
    let found: Vec<&str> = header.fields.iter().map(|field| field.trim().trim_start_matches('\u{feff}')).collect();
    if found != columns {
        return Err(ProgrammeError {
            file,
            line: header.line,
            message: format!("expected the header {expected}, found {}", found.join(",")),
        });
    }
    let mut rows = Vec::new();
    for record in records {
        let line = record.line;
        if record.fields.len() != columns.len() {
            return Err(ProgrammeError {
                file,
                line,
                message: format!(
                    "expected {} fields ({expected}), found {} (a stray comma or an unclosed quote?)",
                    columns.len(),
                    record.fields.len()
                ),
            });
        }
        rows.push(Row { file, line, record, columns });
    }
    Ok(rows)
}

/// A map as a Vec sorted by key, for the checks' look-ups: a HashMap would add hashing code to
/// the WebAssembly.
struct SortedMap<K, V>(Vec<(K, V)>);

impl<K: Ord, V> SortedMap<K, V> {
    fn new() -> Self {
        SortedMap(Vec::new())
    }

    fn get(&self, key: &K) -> Option<&V> {
        self.0.binary_search_by(|(k, _)| k.cmp(key)).ok().map(|index| &self.0[index].1)
    }

    /// As `HashMap::insert`: the value `value` replaces, if any.
    fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(index) => Some(std::mem::replace(&mut self.0[index].1, value)),
            Err(index) => {
                self.0.insert(index, (key, value));
                None
            }
        }
    }
}

/// The cohorts; the outer error is the file's, the inner ones its rows'.
#[allow(clippy::type_complexity)]
fn read_cohorts(text: &str) -> Result<Result<Vec<Cohort>, Vec<ProgrammeError>>, ProgrammeError> {
    let rows = read_rows(COHORTS, text, COHORT_COLUMNS)?;
    if rows.is_empty() {
        return Err(ProgrammeError { file: COHORTS, line: 0, message: "no cohorts".into() });
    }
    let mut first_line = SortedMap::new();
    let mut cohorts = Vec::new();
    let problems = each_row(&rows, |row| {
        let year = row.number("year")?;
        if !(2000..=2100).contains(&year) {
            return Err(row.err(format!("year {year} is outside 2000-2100")));
        }
        if let Some(first) = first_line.insert(year, row.line) {
            return Err(row.err(format!("cohort year {year} is listed twice (first on line {first})")));
        }
        let official = row.number("official")?;
        if official == 0 {
            return Err(row.err("official is 0; a cohort has at least one member"));
        }
        let repeats = row.number("repeats")?;
        if repeats > official {
            return Err(row.err(format!("repeats {repeats} exceed the official count {official}")));
        }
        cohorts.push((
            row.line,
            Cohort {
                year,
                official,
                repeats,
                running_total: row.number("running_total")?,
                note: row.raw("note").to_owned(),
                source_url: row.url("source_url")?.to_owned(),
            },
        ));
        Ok(())
    });
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let cohorts = crate::order::sort_by(cohorts, &|a, b| a.1.year.cmp(&b.1.year));
    let mut total: u32 = 0;
    for (line, cohort) in &cohorts {
        total = total + u32::from(cohort.official) - u32::from(cohort.repeats);
        if u32::from(cohort.running_total) != total {
            return Ok(Err(vec![ProgrammeError {
                file: COHORTS,
                line: *line,
                message: format!(
                    "running_total {} for {} does not add up: the earlier cohorts plus {} new gives {total}",
                    cohort.running_total,
                    cohort.year,
                    cohort.official - cohort.repeats
                ),
            }]));
        }
    }
    Ok(Ok(cohorts.into_iter().map(|(_, cohort)| cohort).collect()))
}

/// A code column: a kab/kota `PP.KK`, a province `PP`, or (where allowed) nothing.
enum Code {
    Region(RegionCode),
    Province(u8),
    None,
}

fn parse_code(row: &Row) -> Result<Code, ProgrammeError> {
    let text = row.get("code");
    if text.is_empty() {
        return Ok(Code::None);
    }
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<u8>() {
            Ok(province) if province >= 11 => Ok(Code::Province(province)),
            _ => Err(row.err(format!("code {} is not a province code (11 to 99)", Quoted(text)))),
        };
    }
    text.parse::<RegionCode>()
        .map(Code::Region)
        .map_err(|_| row.err(format!("code {} is neither a kab/kota code PP.KK nor a province code PP", Quoted(text))))
}

/// Memberships, province memberships, and the line each membership came from.
type Members = (Vec<Membership>, Vec<ProvinceMembership>, Vec<u64>);

/// The members and every row's problem; the error is the file's.
fn read_members(text: &str, years: &[u16]) -> Result<(Members, Vec<ProgrammeError>), ProgrammeError> {
    let rows = read_rows(MEMBERS, text, MEMBER_COLUMNS)?;
    let mut members = Vec::new();
    let mut lines = Vec::new();
    let mut provinces = Vec::new();
    // (code text, year) -> first line; code text -> (name, line)
    let mut seen = SortedMap::new();
    let mut names: SortedMap<String, (String, u64)> = SortedMap::new();
    let problems = each_row(&rows, |row| {
        let code = parse_code(row)?;
        let key = match code {
            Code::Region(code) => code.to_string(),
            Code::Province(province) => province.to_string(),
            Code::None => return Err(row.err("code is empty")),
        };
        let name = row.required("name")?.to_owned();
        let year = row.cohort_year(row.required("year")?, years)?;
        let confidence = data_word::<Confidence>(row.required("confidence")?).map_err(|e| row.err(e.to_string()))?;
        let confidence_note = row.get("confidence_note").to_owned();
        if confidence != Confidence::Confirmed && confidence_note.is_empty() {
            return Err(row.err(format!("confidence_note is empty; it must say why the row is {confidence}")));
        }
        let source = Source { url: row.url("source_url")?.to_owned(), title: row.required("source_title")?.to_owned() };
        let note = row.raw("note").to_owned();
        if let Some(first) = seen.insert((key.clone(), year), row.line) {
            return Err(row.err(format!("{key} ({name}) is listed twice for {year} (first on line {first})")));
        }
        match names.get(&key) {
            Some((other, line)) if *other != name => {
                return Err(row.err(format!(
                    "{key} is named {} here but {} on line {line}",
                    Quoted(&name),
                    Quoted(other)
                )))
            }
            Some(_) => {}
            None => {
                names.insert(key.clone(), (name.clone(), row.line));
            }
        }
        match code {
            Code::Region(code) => {
                members.push(Membership { code, name, year, confidence, confidence_note, source, note });
                lines.push(row.line);
            }
            Code::Province(province) => {
                provinces.push(ProvinceMembership { province, name, year, confidence, confidence_note, source, note })
            }
            Code::None => {}
        }
        Ok(())
    });
    Ok(((members, provinces, lines), problems))
}

fn read_pillars(
    text: &str,
    years: &[u16],
    members: &[Membership],
    provinces: &[ProvinceMembership],
    member_lines: &[u64],
) -> Result<(Vec<PillarCitation>, Vec<ProgrammeError>), ProgrammeError> {
    let rows = read_rows(PILLARS, text, PILLAR_COLUMNS)?;
    let mut citations = Vec::new();
    let problems = each_row(&rows, |row| {
        let name = row.required("name")?.to_owned();
        let year = match row.get("year") {
            "" => None,
            text => Some(row.cohort_year(text, years)?),
        };
        let subject = match parse_code(row)? {
            Code::Region(code) => {
                let listed: Vec<(usize, &Membership)> =
                    members.iter().enumerate().filter(|(_, m)| m.code == code).collect();
                let Some((index, first)) = listed.first() else {
                    return Err(row.err(format!("{code} ({name}) is not a member in members.csv")));
                };
                if first.name != name {
                    let line = member_lines.get(*index).copied().unwrap_or(0);
                    return Err(row.err(format!(
                        "{code} is named {} here but {} in members.csv line {line}",
                        Quoted(&name),
                        Quoted(&first.name)
                    )));
                }
                if let Some(year) = year {
                    if !listed.iter().any(|(_, m)| m.year == year) {
                        return Err(row.err(format!("{code} ({name}) is not listed for {year} in members.csv")));
                    }
                }
                Subject::Region(code)
            }
            Code::Province(province) => {
                let listed: Vec<&ProvinceMembership> = provinces.iter().filter(|p| p.province == province).collect();
                let Some(first) = listed.first() else {
                    return Err(row.err(format!("province {province} ({name}) is not a member in members.csv")));
                };
                if first.name != name {
                    return Err(row.err(format!(
                        "province {province} is named {} here but {} in members.csv",
                        Quoted(&name),
                        Quoted(&first.name)
                    )));
                }
                if let Some(year) = year {
                    if !listed.iter().any(|p| p.year == year) {
                        return Err(row.err(format!("province {province} ({name}) is not listed for {year}")));
                    }
                }
                Subject::Province(province)
            }
            Code::None => Subject::Unresolved,
        };
        let mut pillars = Vec::new();
        for word in row.get("pillars").split('|').map(str::trim).filter(|word| !word.is_empty()) {
            let pillar = data_pillar(word).map_err(|e| row.err(format!("{e}, optionally prefixed with \"smart \"")))?;
            if pillars.contains(&pillar) {
                return Err(row.err(format!("pillar {pillar} is listed twice")));
            }
            pillars.push(pillar);
        }
        let kind = data_word::<CitationKind>(row.required("kind")?).map_err(|e| row.err(e.to_string()))?;
        match kind {
            CitationKind::Unnamed if !pillars.is_empty() => {
                return Err(row.err("kind unnamed means no pillar is named, but pillars is not empty"))
            }
            CitationKind::Stated | CitationKind::Inferred if pillars.is_empty() => {
                return Err(row.err(format!("kind {kind} needs at least one pillar")))
            }
            _ => {}
        }
        citations.push(PillarCitation {
            subject,
            name,
            year,
            pillars,
            kind,
            source_url: row.url("source_url")?.to_owned(),
            quote: {
                row.required("quote")?;
                row.raw("quote").to_owned()
            },
            label: row.required("label")?.to_owned(),
        });
        Ok(())
    });
    Ok((citations, problems))
}
