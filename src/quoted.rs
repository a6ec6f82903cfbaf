//! Input quoted in a message, as `{:?}` quotes a string, through `Display`.
//!
//! The shipped WebAssembly is built with `-Zfmt-debug=none`, which leaves every `Debug` output
//! empty (and its code out); messages that quote what a reader or a file gave use this instead.

use std::fmt::{self, Display, Write};

/// `text` in double quotes, with quotes, backslashes and control characters escaped.
pub struct Quoted<'a>(pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' | '\\' => write!(f, "\\{c}")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                // The rest as `escape_debug` writes them, without the Unicode tables of printable
                // characters it carries (a kilobyte of WebAssembly).
                c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Against `{:?}` as the oracle, over letters, quotes, backslashes and control characters.
        #[test]
        fn quotes_as_debug_does(text in "[a-zA-Z0-9 ,.'\"\\\\éü–—\u{0}-\u{1f}\u{7f}]{0,30}") {
            prop_assert_eq!(Quoted(&text).to_string(), format!("{text:?}"));
        }
    }
}
