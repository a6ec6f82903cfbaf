//! A developer's own indicator: a CSV with a code or name column and a value per
//! kabupaten/kota, matched to the atlas with a report of every row that did not match.
//!
//! Files come from spreadsheets: UTF-8 with or without BOM, `,` or `;` between fields,
//! decimal commas where `;` separates, codes as `35.20` or `3520`, names with or without
//! "Kabupaten"/"Kab."/"Kota".

use crate::csv_text;
use crate::names::NameIndex;
use crate::quoted::Quoted;
use crate::region::{Region, RegionCode};
use serde::Serialize;
use std::fmt;

const CODE_COLUMNS: &[&str] = &["kode", "code", "kode_kemendagri", "kode_wilayah", "kemendagri", "id"];
const NAME_COLUMNS: &[&str] = &["nama", "name", "wilayah", "kabupaten_kota", "kab_kota", "kabkota", "region", "daerah"];
const VALUE_COLUMNS: &[&str] = &["nilai", "value", "indikator", "indicator", "jumlah"];
/// No indicator has more rows than this many times the regions; beyond it, refuse.
const MAX_ROWS: usize = 100_000;

/// A matched indicator: a value (or none) per region, in atlas order.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// The value column's header, for the legend.
    pub label: String,
    pub values: Vec<Option<f64>>,
    /// Rows read (not counting the header).
    pub rows: usize,
    pub problems: Vec<RowProblem>,
}

/// A row that could not be used, with its 1-based line number in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub line: usize,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// No region has this code or name; the closest official names follow.
    NoMatch { text: String, closest: Vec<String> },
    /// The value is not a number.
    BadValue { value: String },
    /// The region was already given on an earlier line.
    Duplicate { region: String, first_line: usize },
    /// The row has fewer fields than the header.
    Short,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match &self.problem {
            Problem::NoMatch { text, closest } if closest.is_empty() => {
                write!(f, "{} matches no kabupaten/kota", Quoted(text))
            }
            Problem::NoMatch { text, closest } => {
                write!(f, "{} matches no kabupaten/kota; closest: {}", Quoted(text), closest.join(", "))
            }
            Problem::BadValue { value } => write!(f, "value {} is not a number", Quoted(value)),
            Problem::Duplicate { region, first_line } => {
                write!(f, "{region} is already given on line {first_line}")
            }
            Problem::Short => write!(f, "fewer fields than the header"),
        }
    }
}

/// What loading an indicator found.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorReport {
    pub label: String,
    pub rows: usize,
    pub matched: usize,
    /// One sentence per row that could not be used, with its line number.
    pub problems: Vec<String>,
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorError(pub String);

impl fmt::Display for IndicatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for IndicatorError {}

/// An indicator file read but not yet matched to regions: the header's columns found, every
/// data row's key texts and value parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRows {
    /// The value column's header, for the legend.
    pub label: String,
    pub rows: Vec<IndicatorRow>,
}

/// One data row: its 1-based line, the code and name fields (trimmed; empty when the file has no
/// such column) and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub line: u32,
    pub code: String,
    pub name: String,
    pub value: RowValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowValue {
    Number(f64),
    /// An empty field: the region is given, without a value.
    Empty,
    /// Not a number: the field's first 40 characters.
    Bad(String),
    /// The row has fewer fields than the header.
    Short,
}

impl IndicatorRows {
    /// Reads an indicator file: finds the code, name and value columns in the header and parses
    /// every row's value; fails when the header has no key or value column.
    pub fn from_csv(text: &str) -> Result<IndicatorRows, IndicatorError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter = sniff_delimiter(text);
        let mut records = csv_text::records(text, delimiter);
        let header = records.next().map(|record| record.fields).unwrap_or_default();
        // The column names are ASCII: ASCII case folding finds them, and spares the WebAssembly
        // str::to_lowercase (kilobytes).
        let headers: Vec<String> =
            header.iter().map(|h| h.trim().to_ascii_lowercase().replace([' ', '-', '/'], "_")).collect();
        let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
        let code_column = find(CODE_COLUMNS);
        let name_column = find(NAME_COLUMNS);
        if code_column.is_none() && name_column.is_none() {
            return Err(IndicatorError(format!(
                "line 1: no column of codes ({}) or names ({}) in the header",
                CODE_COLUMNS.join(", "),
                NAME_COLUMNS.join(", ")
            )));
        }
        let value_column = find(VALUE_COLUMNS)
            .or_else(|| (0..headers.len()).find(|&i| Some(i) != code_column && Some(i) != name_column))
            .ok_or_else(|| IndicatorError("line 1: no value column besides the code and name".to_owned()))?;
        let label = header.get(value_column).map_or("", |h| h.trim()).to_owned();
        let widest = value_column.max(code_column.unwrap_or(0)).max(name_column.unwrap_or(0));
        let mut rows = Vec::new();
        for record in records {
            let line = u32::try_from(record.line).unwrap_or(u32::MAX);
            if rows.len() == MAX_ROWS {
                return Err(IndicatorError(format!("line {line}: more than {MAX_ROWS} rows")));
            }
            let field = |column: Option<usize>| column.and_then(|c| record.get(c)).unwrap_or("").trim();
            let value = match field(Some(value_column)) {
                _ if record.fields.len() <= widest => RowValue::Short,
                "" => RowValue::Empty,
                raw => parse_number(raw, delimiter)
                    .map_or_else(|| RowValue::Bad(raw.chars().take(40).collect()), RowValue::Number),
            };
            rows.push(IndicatorRow {
                line,
                code: field(code_column).to_owned(),
                name: field(name_column).to_owned(),
                value,
            });
        }
        Ok(IndicatorRows { label, rows })
    }
}

impl Indicator {
    /// Reads an indicator file against the atlas regions (and their name index).
    pub fn from_csv(text: &str, regions: &[Region], names: &NameIndex) -> Result<Indicator, IndicatorError> {
        Ok(Indicator::from_rows(&IndicatorRows::from_csv(text)?, regions, names))
    }

    /// Matches read rows to the atlas regions by code, else by name, reporting every row that
    /// matches none, repeats a region or has no number.
    pub fn from_rows(read: &IndicatorRows, regions: &[Region], names: &NameIndex) -> Indicator {
        // A sorted index, not a HashMap: no hashing code in the WebAssembly. Of regions with one
        // code, the last answers.
        let by_code = crate::order::sorted_indices(regions.len(), &|a, b| regions[a].code.cmp(&regions[b].code));
        let region_of =
            |code: RegionCode| crate::order::run_of(&by_code, |&index| regions[index].code.cmp(&code)).last().copied();
        let mut values = vec![None; regions.len()];
        let mut seen: Vec<Option<usize>> = vec![None; regions.len()];
        let mut problems = Vec::new();
        for row in &read.rows {
            let line = row.line as usize;
            if row.value == RowValue::Short {
                problems.push(RowProblem { line, problem: Problem::Short });
                continue;
            }
            let by_code_match = row.code.parse::<RegionCode>().ok().and_then(region_of);
            let region = match by_code_match {
                Some(index) => index,
                None => match names.resolve(&row.name) {
                    Ok(index) => index,
                    Err(closest) => {
                        let text = if row.name.is_empty() { &row.code } else { &row.name };
                        problems.push(RowProblem {
                            line,
                            problem: Problem::NoMatch {
                                text: text.chars().take(80).collect(),
                                closest: closest.iter().map(|&i| regions[i].name.clone()).collect(),
                            },
                        });
                        continue;
                    }
                },
            };
            if let Some(first_line) = seen[region] {
                problems.push(RowProblem {
                    line,
                    problem: Problem::Duplicate { region: regions[region].name.clone(), first_line },
                });
                continue;
            }
            seen[region] = Some(line);
            match &row.value {
                RowValue::Number(value) => values[region] = Some(*value),
                RowValue::Bad(value) => {
                    problems.push(RowProblem { line, problem: Problem::BadValue { value: value.clone() } })
                }
                RowValue::Empty | RowValue::Short => {}
            }
        }
        Indicator { label: read.label.clone(), values, rows: read.rows.len(), problems }
    }

    pub fn matched(&self) -> usize {
        self.values.iter().filter(|value| value.is_some()).count()
    }
}

/// Class breaks for an indicator: quantiles, so each class holds about as many regions.
#[derive(Clone, Debug, PartialEq)]
pub struct Bins {
    /// The smallest value of each class, ascending; the first is the overall minimum.
    pub lowers: Vec<f64>,
    /// The smallest and largest value that falls in each class, for the legend.
    pub ranges: Vec<(f64, f64)>,
}

impl Bins {
    /// At most this many classes: more cannot be told apart on a map.
    pub const MAX_CLASSES: usize = 5;

    /// Quantile classes of the finite values; `None` when there is none.
    pub fn quantiles(values: &[Option<f64>]) -> Option<Bins> {
        let finite: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
        let sorted = crate::order::sort_by(finite, &|a, b| a.total_cmp(b));
        let first = *sorted.first()?;
        let mut lowers = vec![first];
        for k in 1..Self::MAX_CLASSES {
            let candidate = sorted[k * sorted.len() / Self::MAX_CLASSES];
            if candidate > *lowers.last().unwrap_or(&first) {
                lowers.push(candidate);
            }
        }
        let ranges = (0..lowers.len())
            .map(|class| {
                let upper = lowers.get(class + 1).copied().unwrap_or(f64::INFINITY);
                let inside = sorted.iter().copied().filter(|&v| v >= lowers[class] && v < upper);
                let max = inside.fold(lowers[class], f64::max);
                (lowers[class], max)
            })
            .collect();
        Some(Bins { lowers, ranges })
    }

    /// The class of a value: the last class whose lower bound it reaches.
    pub fn class_of(&self, value: f64) -> usize {
        self.lowers.partition_point(|&lower| lower <= value).saturating_sub(1)
    }

    pub fn len(&self) -> usize {
        self.lowers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lowers.is_empty()
    }
}

/// An indicator ready to draw: its values in atlas order and their classes.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub label: String,
    pub values: Vec<Option<f64>>,
    pub bins: Bins,
}

/// The start of [`Layer::to_bytes`]: name and version.
const LAYER_MAGIC: &[u8; 5] = b"PCIL\x01";

impl Layer {
    /// `None` when no row matched a region: there is nothing to draw.
    pub fn new(indicator: &Indicator) -> Option<Layer> {
        Layer::from_values(indicator.label.clone(), indicator.values.clone())
    }

    fn from_values(label: String, values: Vec<Option<f64>>) -> Option<Layer> {
        Some(Layer { bins: Bins::quantiles(&values)?, label, values })
    }

    /// The label and the values, as the CSV reader's wasm, which reads and matches the file, hands
    /// them to the map's, which carries no CSV parser.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = LAYER_MAGIC.to_vec();
        bytes.extend(postcard::to_allocvec(&(&self.label, &self.values)).unwrap_or_default());
        bytes
    }

    /// A layer from [`Layer::to_bytes`], its classes made again; refuses other or damaged bytes
    /// and a layer without a value.
    pub fn from_bytes(bytes: &[u8]) -> Result<Layer, IndicatorError> {
        let body = bytes
            .strip_prefix(LAYER_MAGIC)
            .ok_or_else(|| IndicatorError("not an indicator layer of this version".to_owned()))?;
        let (label, values): (String, Vec<Option<f64>>) = postcard::from_bytes(body)
            .map_err(|e| IndicatorError(format!("an indicator layer: {}", crate::asset::damage(&e))))?;
        Layer::from_values(label, values).ok_or_else(|| IndicatorError("an indicator layer without a value".to_owned()))
    }

    pub fn matched(&self) -> usize {
        self.values.iter().flatten().count()
    }
}

/// `;` when the header line has more of them than commas: spreadsheets in Indonesian locales
/// write `;` because the comma is the decimal mark.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// A finite number; with `;` as separator, a decimal comma is accepted ("12,5").
fn parse_number(raw: &str, delimiter: u8) -> Option<f64> {
    let raw = if delimiter == b';' { raw.replace(',', ".") } else { raw.to_owned() };
    crate::decimal::parse_f64(&raw).filter(|value| value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> Result<Indicator, IndicatorError> {
        let regions = crate::names::tests::regions();
        Indicator::from_csv(text, &regions, &NameIndex::new(&regions))
    }

    #[test]
    fn matches_codes_and_names_with_bom_and_semicolons() {
        let indicator = read("\u{feff}kode;nama;nilai\n3520;Magetan;12,5\n;Kota Bukittinggi;3\n").unwrap();
        assert_eq!(indicator.values[..4], [Some(12.5), None, None, Some(3.0)]);
        assert_eq!(indicator.matched(), 2);
        assert!(indicator.problems.is_empty(), "{:?}", indicator.problems);
        assert_eq!(indicator.label, "nilai");
    }

    #[test]
    fn reports_unmatched_ambiguous_duplicate_and_bad_rows() {
        let indicator =
            read("name,value\nMagetn,1\nBlitar,2\nKab. Magetan,3\nKota Bukittinggi,abc\nKota Bukittinggi,4\n").unwrap();
        let lines: Vec<String> = indicator.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[0].starts_with("line 2: \"Magetn\"") && lines[0].contains("Kabupaten Magetan"), "{}", lines[0]);
        assert!(lines[1].starts_with("line 3: \"Blitar\"") && lines[1].contains("Kota Blitar"), "{}", lines[1]);
        assert!(lines[2].starts_with("line 5: value \"abc\""), "{}", lines[2]);
        assert!(lines[3].contains("already given on line 5"), "{}", lines[3]);
        assert_eq!(indicator.values[0], Some(3.0));
    }

    #[test]
    fn reads_headers_in_any_case() {
        let indicator = read("Kode Wilayah,NAMA,Nilai\n3520,Magetan,1\n").unwrap();
        assert_eq!(indicator.matched(), 1);
        assert_eq!(indicator.label, "Nilai");
    }

    #[test]
    fn reads_each_rows_value_apart_from_matching_it() {
        let rows = IndicatorRows::from_csv("kode;nama;nilai\n3520;Magetan;12,5\n;Blitar;\n3577;;abc\n;Kota\n").unwrap();
        assert_eq!(rows.label, "nilai");
        let values: Vec<&RowValue> = rows.rows.iter().map(|row| &row.value).collect();
        assert_eq!(
            values,
            [&RowValue::Number(12.5), &RowValue::Empty, &RowValue::Bad("abc".to_owned()), &RowValue::Short]
        );
        assert_eq!((rows.rows[0].line, rows.rows[0].code.as_str(), rows.rows[1].name.as_str()), (2, "3520", "Blitar"));
        let error = Layer::from_bytes(b"PCPG\x02").unwrap_err();
        assert!(error.to_string().contains("not an indicator layer"), "{error}");
    }

    #[test]
    fn refuses_files_without_a_key_column() {
        let error = read("foo,bar\n1,2\n").unwrap_err();
        assert!(error.to_string().contains("no column of codes"), "{error}");
    }

    #[test]
    fn quantile_classes_hold_about_as_many_values() {
        let values: Vec<Option<f64>> = (1..=100).map(|v| Some(f64::from(v))).chain([None]).collect();
        let bins = Bins::quantiles(&values).unwrap();
        assert_eq!(bins.lowers, [1.0, 21.0, 41.0, 61.0, 81.0]);
        assert_eq!(bins.ranges[0], (1.0, 20.0));
        assert_eq!(bins.ranges[4], (81.0, 100.0));
        assert_eq!(bins.class_of(20.5), 0);
        assert_eq!(bins.class_of(100.0), 4);
    }

    #[test]
    fn equal_values_make_one_class() {
        let bins = Bins::quantiles(&[Some(3.0), Some(3.0), None]).unwrap();
        assert_eq!(bins.len(), 1);
        assert_eq!(bins.ranges, [(3.0, 3.0)]);
        assert!(Bins::quantiles(&[None, None]).is_none());
    }

    proptest! {
        /// Against a brute-force oracle: a value's class is the count of lower bounds it reaches,
        /// and the class's range contains it.
        #[test]
        fn class_of_agrees_with_counting(values in proptest::collection::vec(proptest::option::of(-1e6f64..1e6), 1..60)) {
            if let Some(bins) = Bins::quantiles(&values) {
                prop_assert!(bins.len() <= Bins::MAX_CLASSES);
                prop_assert!(bins.lowers.windows(2).all(|w| w[0] < w[1]));
                for value in values.iter().flatten() {
                    let class = bins.class_of(*value);
                    prop_assert_eq!(class, bins.lowers.iter().filter(|&&l| l <= *value).count() - 1);
                    let (lo, hi) = bins.ranges[class];
                    prop_assert!(lo <= *value && *value <= hi);
                }
            }
        }

        #[test]
        fn never_panics(text in "(?s).{0,400}") {
            let _ = read(&text);
        }

        #[test]
        fn never_panics_on_csv_like_input(text in "(kode|nama|nilai|[a-z0-9.,;\"\n ]){0,60}") {
            let _ = read(&text);
        }

        /// The layer the CSV reader's wasm hands the map arrives as it was made.
        #[test]
        fn layers_survive_their_bytes(text in "(kode|nama|nilai|3520|Magetan|abc|[0-9.,;\n ]){0,60}") {
            if let Some(layer) = read(&text).ok().as_ref().and_then(Layer::new) {
                prop_assert_eq!(Layer::from_bytes(&layer.to_bytes()).unwrap(), layer);
            }
        }

        /// Damaged or foreign bytes are refused, never a panic.
        #[test]
        fn damaged_layers_are_refused(cut in 0usize..200, flip in 0usize..200, byte: u8) {
            let layer = Layer::new(&read("kode;nama;nilai\n3520;Magetan;12,5\n;Kota Bukittinggi;3\n").unwrap()).unwrap();
            let mut bytes = layer.to_bytes();
            bytes.truncate(cut.max(1));
            if let Some(b) = bytes.get_mut(flip) {
                *b ^= byte;
            }
            let _ = Layer::from_bytes(&bytes);
            prop_assert!(Layer::from_bytes(&bytes[..bytes.len().min(4)]).is_err());
        }
    }
}
