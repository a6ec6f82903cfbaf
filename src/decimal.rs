//! Decimal text to `f64` as `str::parse` reads it. The syntax is checked here, and in the browser
//! the host converts the digits: core's converter (dec2flt and its power-of-five table) would add
//! about 17 KB to the WebAssembly, and both round correctly.

/// `text.parse::<f64>().ok()`.
pub fn parse_f64(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let sign = if text.starts_with('-') { -1.0 } else { 1.0 };
    if unsigned.eq_ignore_ascii_case("inf") || unsigned.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY.copysign(sign))
    } else if unsigned.eq_ignore_ascii_case("nan") {
        Some(f64::NAN.copysign(sign))
    } else if is_decimal(unsigned) {
        convert(text)
    } else {
        None
    }
}

/// Digits with at most one point, at least one digit, then maybe an exponent: `e` or `E`, a
/// sign, digits.
fn is_decimal(text: &str) -> bool {
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent.strip_prefix(['+', '-']).unwrap_or(exponent))),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    digits(whole)
        && digits(fraction)
        && !(whole.is_empty() && fraction.is_empty())
        && exponent.is_none_or(|exponent| !exponent.is_empty() && digits(exponent))
}

#[cfg(target_arch = "wasm32")]
fn convert(decimal: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(decimal))
}

#[cfg(not(target_arch = "wasm32"))]
fn convert(decimal: &str) -> Option<f64> {
    decimal.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) -> bool {
        match (parse_f64(text), text.parse::<f64>().ok()) {
            (Some(ours), Some(core)) => ours.to_bits() == core.to_bits(),
            (ours, core) => ours.is_none() && core.is_none(),
        }
    }

    #[test]
    fn reads_what_core_reads() {
        for text in [
            "0",
            "-0",
            "+1.5",
            "1.",
            ".5",
            ".",
            "",
            "+",
            "-",
            "1e5",
            "1E-5",
            "1.e5",
            ".e5",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1_000",
            " 1",
            "1 ",
            "0x10",
            "inf",
            "-Infinity",
            "INF",
            "infinit",
            "NaN",
            "-nan",
            "+-1",
            "1e400",
            "1e-400",
            "12,5",
            "١",
        ] {
            assert!(same(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_core(text in "[+-]?[0-9.eE+-]{0,8}|[+-]?(inf|Infinity|nan|NaN|in)") {
            prop_assert!(same(&text), "{:?}", text);
        }
    }
}
