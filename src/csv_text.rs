//! CSV held in memory: the programme files, a site's indicator, the boundary code lists and the
//! table export, on csv-core's state machine. The text is a `&str` already, so the csv crate's
//! `io::Read` layer (its buffering, error kinds and messages, which the wasm would carry) has
//! nothing to do here, and reading text cannot fail: a stray quote is the caller's question of
//! how many fields a row has.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its fields and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// 1-based, and right for files saved on Windows (`\r\n`) too.
    pub line: u64,
    pub fields: Vec<String>,
}

impl Record {
    pub fn get(&self, index: usize) -> Option<&str> {
        self.fields.get(index).map(String::as_str)
    }
}

/// The records of `text` with fields separated by `delimiter`, in order; blank lines are skipped.
pub fn records(text: &str, delimiter: u8) -> Records<'_> {
    Records {
        bytes: text.as_bytes(),
        at: 0,
        reader: ReaderBuilder::new().delimiter(delimiter).build(),
        output: vec![0; 1024],
        ends: vec![0; 16],
        counted: 0,
        line: 1,
        done: false,
    }
}

/// The iterator of [`records`].
pub struct Records<'a> {
    bytes: &'a [u8],
    /// How far the reader has consumed the text.
    at: usize,
    reader: Reader,
    output: Vec<u8>,
    ends: Vec<usize>,
    /// Line breaks are counted up to here; `line` is the line this byte is on.
    counted: usize,
    line: u64,
    done: bool,
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        // A record never starts with a line break: the ones left here end the previous record.
        let first = self.at + self.bytes[self.at..].iter().take_while(|&&b| matches!(b, b'\r' | b'\n')).count();
        self.line += self.bytes[self.counted..first].iter().filter(|&&b| b == b'\n').count() as u64;
        self.counted = first;
        let (mut written, mut ended) = (0, 0);
        loop {
            // Once the text is consumed, the empty input tells the reader that it has ended.
            let (result, read, wrote, ends) =
                self.reader.read_record(&self.bytes[self.at..], &mut self.output[written..], &mut self.ends[ended..]);
            self.at += read;
            written += wrote;
            ended += ends;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.output.resize(self.output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    let mut start = 0;
                    let fields = self.ends[..ended]
                        .iter()
                        .map(|&end| {
                            // The text was UTF-8 and the reader only drops ASCII quotes.
                            let field = String::from_utf8_lossy(&self.output[start..end]).into_owned();
                            start = end;
                            field
                        })
                        .collect();
                    return Some(Record { line: self.line, fields });
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return None;
                }
            }
        }
    }
}

/// `rows` as CSV text: comma-separated, each record ended by `\n`, a field quoted (its quotes
/// doubled) only where it must be, for a comma, a quote or a line break in it: what csv-core's
/// reader above reads back, and what the csv crate writes. Written here because csv-core's
/// writer, made for every quoting style and terminator, is kilobytes of the WebAssembly.
pub fn write<'a>(rows: impl IntoIterator<Item = &'a [String]>) -> String {
    let mut text = String::new();
    for row in rows {
        for (index, field) in row.iter().enumerate() {
            if index > 0 {
                text.push(',');
            }
            if field.contains([',', '"', '\r', '\n']) {
                text.push('"');
                text.push_str(&field.replace('"', "\"\""));
                text.push('"');
            } else {
                text.push_str(field);
            }
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text, b',').map(|record| record.fields).collect()
    }

    fn lines(text: &str) -> Vec<u64> {
        records(text, b',').map(|record| record.line).collect()
    }

    #[test]
    fn reads_quoted_fields_and_skips_blank_lines() {
        assert_eq!(
            fields("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",\n3,4"),
            [vec!["a", "b"], vec!["x, y", "say \"hi\""], vec!["two\nlines", ""], vec!["3", "4"]]
        );
        assert_eq!(fields(""), Vec::<Vec<String>>::new());
        assert_eq!(records("k;v\n1;2\n", b';').map(|r| r.fields).collect::<Vec<_>>(), [["k", "v"], ["1", "2"]]);
    }

    #[test]
    fn counts_lines_alike_for_unix_and_windows_files() {
        assert_eq!(lines("a,b\n1,2\n3,4\n"), [1, 2, 3]);
        assert_eq!(lines("a,b\r\n1,2\r\n3,4\r\n"), [1, 2, 3]);
        assert_eq!(lines("a,b\r\n\r\n1,2\r\n\"x\r\ny\",z\r\n3,4"), [1, 3, 4, 6]);
        assert_eq!(lines("\n\na\n"), [3]);
    }

    #[test]
    fn writes_what_a_spreadsheet_reads() {
        let rows = [
            vec!["Kabupaten/kota".to_owned(), "Sumber".to_owned()],
            vec!["Kota \"Bandung\"".to_owned(), "https://a, https://b".to_owned()],
            vec![String::new(), "x\ny".to_owned()],
        ];
        assert_eq!(
            write(rows.iter().map(Vec::as_slice)),
            "Kabupaten/kota,Sumber\n\"Kota \"\"Bandung\"\"\",\"https://a, https://b\"\n,\"x\ny\"\n"
        );
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(
            rows in prop::collection::vec(prop::collection::vec("[a-z\",\r\n é]{0,6}", 2..5), 0..8)
        ) {
            let text = write(rows.iter().map(Vec::as_slice));
            let read: Vec<Vec<String>> = records(&text, b',').map(|record| record.fields).collect();
            prop_assert_eq!(read, rows);
        }

        #[test]
        fn any_text_reads_without_panic_and_lines_never_fall(text in "[a-c,;\"\r\n]{0,40}") {
            // Lines are counted by `\n`: records ended by a lone `\r` (old Mac files) share one.
            let lines: Vec<u64> = records(&text, b',').map(|record| record.line).collect();
            prop_assert!(lines.windows(2).all(|pair| pair[0] <= pair[1]), "{:?}", lines);
            prop_assert!(lines.iter().all(|&line| line as usize <= text.matches('\n').count() + 1));
        }
    }
}
