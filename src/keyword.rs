//! Closed sets of words that data files, links, attributes and API calls use (a mode, a theme, a
//! pillar, …). Each set is listed once, in its enum's [`Keyword::ALL`]; parsing, error messages,
//! the docs and the lists the element imports (written by `contract`) all read that one list.

use crate::quoted::Quoted;
use std::fmt;

/// An enum whose every value has one lowercase key.
pub trait Keyword: Copy + PartialEq + Sized + 'static {
    /// What the word names, for messages: "mode", "theme", "citation kind".
    const WHAT: &'static str;
    /// Every value, in the documented order.
    const ALL: &'static [Self];

    fn key(self) -> &'static str;

    fn keys() -> Vec<&'static str> {
        Self::ALL.iter().map(|value| value.key()).collect()
    }

    /// The value whose key is exactly `text`.
    fn from_key(text: &str) -> Result<Self, UnknownKeyword> {
        Self::ALL.iter().copied().find(|value| value.key() == text).ok_or_else(|| UnknownKeyword::of::<Self>(text))
    }
}

/// A word outside a keyword's set; its message names the valid ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKeyword {
    /// What was being parsed: "mode", "pillar", "confidence".
    pub what: &'static str,
    /// The word, cut to 40 characters (it is user input and goes into a message).
    pub value: String,
    pub valid: Vec<&'static str>,
}

impl UnknownKeyword {
    pub fn of<K: Keyword>(value: &str) -> UnknownKeyword {
        UnknownKeyword { what: K::WHAT, value: value.chars().take(40).collect(), valid: K::keys() }
    }
}

impl fmt::Display for UnknownKeyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {} (expected one of: {})", self.what, Quoted(&self.value), self.valid.join(", "))
    }
}

impl std::error::Error for UnknownKeyword {}

/// Declares a fieldless enum with one key per value, and its [`Keyword`], `key()`, `FromStr`
/// (exact keys) and `Display` (the key).
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $($(#[$variant_meta:meta])* $variant:ident = $key:literal,)+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $crate::keyword::Keyword for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [$name] = &$name::ALL;
            fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }
        }

        impl $name {
            /// Every value, in the documented order.
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];

            pub fn key(self) -> &'static str {
                <$name as $crate::keyword::Keyword>::key(self)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::keyword::UnknownKeyword;
            fn from_str(text: &str) -> Result<$name, $crate::keyword::UnknownKeyword> {
                <$name as $crate::keyword::Keyword>::from_key(text)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}
pub(crate) use keyword_enum;

#[cfg(test)]
mod tests {
    use super::*;

    keyword_enum! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Shade("shade") {
            Pale = "pale",
            Deep = "deep",
        }
    }

    #[test]
    fn parses_every_key_and_names_them_when_a_word_is_unknown() {
        for shade in Shade::ALL {
            assert_eq!(shade.key().parse::<Shade>(), Ok(shade));
            assert_eq!(shade.to_string(), shade.key());
        }
        let error = "Deep".parse::<Shade>().unwrap_err();
        assert_eq!(error, UnknownKeyword { what: "shade", value: "Deep".to_owned(), valid: vec!["pale", "deep"] });
        assert_eq!(error.to_string(), r#"unknown shade "Deep" (expected one of: pale, deep)"#);
        assert_eq!(UnknownKeyword::of::<Shade>(&"x".repeat(100)).value.len(), 40);
    }
}
