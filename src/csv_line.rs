//! Line numbers for CSV errors that are right for Windows files too.
//!
//! The csv crate's `Position::line()` (and `byte()`) of a record that follows a `\r\n` points at
//! the `\n`, one line too early, so a spreadsheet saved on Windows would be told about the
//! line above the bad one. The line is counted here from the text instead.

/// The 1-based line on which the record at `position` starts in `text`.
pub fn line_of(text: &str, position: &csv::Position) -> u64 {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(bytes.len());
    // A record never starts with a line break: skip the ones the position was left on.
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<u64> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        reader.records().map(|record| line_of(text, record.unwrap().position().unwrap())).collect()
    }

    #[test]
    fn counts_lines_alike_for_unix_and_windows_files() {
        assert_eq!(lines("a,b\n1,2\n3,4\n"), [1, 2, 3]);
        assert_eq!(lines("a,b\r\n1,2\r\n3,4\r\n"), [1, 2, 3]);
        assert_eq!(lines("\u{feff}a,b\r\n1,2\r\n\r\n3,4"), [1, 2, 4]);
        assert_eq!(lines("a,b\r\n\"multi\r\nline\",2\r\n3,4\r\n"), [1, 2, 4]);
    }
}
