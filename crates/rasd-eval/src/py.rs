//! Python value semantics over `serde_json::Value`.
//!
//! The reference scorer `score.py` works on whatever `json.load` returns, so its
//! behaviour on odd input follows Python's rules: truthiness, `==` across
//! `int`/`float`/`bool`, `str()`/`repr()` of values, iteration over strings (code
//! points) and dicts (keys), `dict.get` versus `dict[key]`. This module reproduces
//! those rules so that the scorer in this crate gives the same numbers — and fails
//! exactly where Python would raise — for any record version.

use serde_json::Value;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::Write as _;

/// A point where `score.py` would raise an exception; carries a readable reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Crash(pub(crate) String);

/// Result of an operation that may hit a [`Crash`].
pub(crate) type PyResult<T> = Result<T, Crash>;

/// The empty list, used for `d.get(key, [])` defaults.
pub(crate) static EMPTY_LIST: Value = Value::Array(Vec::new());

/// Python's name for the type a JSON value is loaded as.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// A short description of a value for error messages: its Python type and repr.
pub(crate) fn describe(v: &Value) -> String {
    let mut r = repr(v);
    if r.chars().count() > 60 {
        r = r.chars().take(57).collect::<String>() + "...";
    }
    format!("{} {}", type_name(v), r)
}

/// Python truthiness: `None`, `False`, `0`, `0.0`, `""`, `[]` and `{}` are false.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => match num_of(n) {
            Num::Int(i) => i != 0,
            Num::Float(f) => f != 0.0,
        },
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A Python number: `int` (bools included, as in Python) or `float`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num {
    /// An `int` (or `bool`).
    Int(i128),
    /// A `float`.
    Float(f64),
}

fn num_of(n: &serde_json::Number) -> Num {
    if let Some(i) = n.as_i64() {
        Num::Int(i128::from(i))
    } else if let Some(u) = n.as_u64() {
        Num::Int(i128::from(u))
    } else {
        Num::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// The value as a Python number when `isinstance(v, (int, float))` holds.
pub(crate) fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(i128::from(*b))),
        Value::Number(n) => Some(num_of(n)),
        _ => None,
    }
}

/// Exact comparison of an int with a float, as Python does it (no rounding of the int).
fn cmp_int_float(a: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    // 2^126 is exactly representable; beyond it every i128 is on one side.
    const LIMIT: f64 = 85_070_591_730_234_615_865_843_651_857_942_052_864.0;
    if f >= LIMIT {
        return Some(Ordering::Less);
    }
    if f <= -LIMIT {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i128; // exact: |t| < 2^126
    match a.cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

/// Python's ordering of two numbers (`None` only for NaN).
pub(crate) fn num_cmp(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => cmp_int_float(x, y),
        (Num::Float(x), Num::Int(y)) => cmp_int_float(y, x).map(Ordering::reverse),
    }
}

/// `abs(a - b) < 1e-9` with Python's arithmetic (exact for two ints).
pub(crate) fn num_close(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        _ => (to_f64(a) - to_f64(b)).abs() < 1e-9,
    }
}

fn to_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// Python `==` between two loaded JSON values (`1 == 1.0 == True`, dicts unordered).
pub(crate) fn eq(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return num_cmp(x, y) == Some(Ordering::Equal);
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => false,
    }
}

/// `==` against a string literal.
pub(crate) fn eq_str(a: &Value, s: &str) -> bool {
    matches!(a, Value::String(x) if x == s)
}

/// `str(v)` as Python prints it (also what f-strings and `format` give).
pub(crate) fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        _ => repr(v),
    }
}

/// `str()` of an optional value, where absence is Python's `None`.
pub(crate) fn str_opt(v: Option<&Value>) -> String {
    v.map_or_else(|| "None".to_string(), str_of)
}

/// `repr(v)` as Python prints it.
pub(crate) fn repr(v: &Value) -> String {
    let mut out = String::new();
    repr_into(v, &mut out);
    out
}

fn repr_into(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number_repr(n)),
        Value::String(s) => out.push_str(&str_repr(s)),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(x, out);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&str_repr(k));
                out.push_str(": ");
                repr_into(x, out);
            }
            out.push('}');
        }
    }
}

/// `repr` of a JSON number: ints in decimal, floats as Python's shortest repr.
pub(crate) fn number_repr(n: &serde_json::Number) -> String {
    match num_of(n) {
        Num::Int(i) => i.to_string(),
        Num::Float(f) => float_repr(f),
    }
}

/// Python's `float.__repr__`: shortest round-trip digits; scientific notation when
/// the decimal exponent is below -4 or at least 16, with a signed two-digit exponent.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits, e.g. "-1.5e-5".
    let sci = format!("{:e}", f);
    let (neg, body) = match sci.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, sci.as_str()),
    };
    let (mant, exp) = body.split_once('e').unwrap_or((body, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let ndig = digits.len();
    let decpt = exp + 1; // value = 0.DIGITS * 10^decpt
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if !(-4 < decpt && decpt <= 16) {
        let (first, rest) = digits.split_at(1.min(ndig));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat(decpt.unsigned_abs() as usize));
        out.push_str(&digits);
    } else {
        // 1 <= decpt <= 16
        let point = decpt.unsigned_abs() as usize;
        if point >= ndig {
            out.push_str(&digits);
            out.push_str(&"0".repeat(point - ndig));
            out.push_str(".0");
        } else {
            let (int, frac) = digits.split_at(point);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        }
    }
    out
}

/// Whether Python's `str.isprintable` holds for a non-ASCII character (used by
/// `repr`). Python consults the full Unicode category table; this covers the
/// categories that occur in practice (Cc, Zs, Zl, Zp, Cf, Co and the noncharacters),
/// not unassigned code points.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    let nonprint: &[(u32, u32)] = &[
        (0x80, 0xA0),
        (0xAD, 0xAD),
        (0x600, 0x605),
        (0x61C, 0x61C),
        (0x6DD, 0x6DD),
        (0x70F, 0x70F),
        (0x890, 0x891),
        (0x8E2, 0x8E2),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200F),
        (0x2028, 0x202F),
        (0x205F, 0x2064),
        (0x2066, 0x206F),
        (0x3000, 0x3000),
        (0xE000, 0xF8FF),
        (0xFDD0, 0xFDEF),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x13438),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
        (0xF0000, 0x10FFFF),
    ];
    if u & 0xFFFE == 0xFFFE {
        return false;
    }
    !nonprint.iter().any(|&(lo, hi)| (lo..=hi).contains(&u))
}

/// Python's `repr` of a `str`.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7F => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) <= 0xFF => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isspace` / regex `\s` for one character.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `for x in v`: list items, a string's code points, a dict's keys; anything else raises.
pub(crate) fn iter(v: &Value) -> PyResult<Vec<Cow<'_, Value>>> {
    match v {
        Value::Array(a) => Ok(a.iter().map(Cow::Borrowed).collect()),
        Value::String(s) => Ok(s
            .chars()
            .map(|c| Cow::Owned(Value::String(c.to_string())))
            .collect()),
        Value::Object(o) => Ok(o
            .keys()
            .map(|k| Cow::Owned(Value::String(k.clone())))
            .collect()),
        _ => Err(Crash(format!(
            "expected a list, found {} (not iterable)",
            describe(v)
        ))),
    }
}

/// `v or []` iterated: falsy values give nothing.
pub(crate) fn iter_or_empty(v: Option<&Value>) -> PyResult<Vec<Cow<'_, Value>>> {
    match v {
        Some(x) if truthy(x) => iter(x),
        _ => Ok(Vec::new()),
    }
}

/// `obj.get(key)`: `None` when absent; raises when `obj` is not a dict.
pub(crate) fn get<'a>(obj: &'a Value, key: &str) -> PyResult<Option<&'a Value>> {
    match obj {
        Value::Object(o) => Ok(o.get(key)),
        _ => Err(Crash(format!(
            "expected an object to read \"{key}\" from, found {}",
            describe(obj)
        ))),
    }
}

/// `obj.get(key, [])`.
pub(crate) fn get_or_list<'a>(obj: &'a Value, key: &str) -> PyResult<&'a Value> {
    Ok(get(obj, key)?.unwrap_or(&EMPTY_LIST))
}

/// `(obj or {}).get(key)`: a falsy `obj` gives `None`; a truthy non-dict raises.
pub(crate) fn get_in_or_empty<'a>(
    obj: Option<&'a Value>,
    key: &str,
) -> PyResult<Option<&'a Value>> {
    match obj {
        Some(o) if truthy(o) => get(o, key),
        _ => Ok(None),
    }
}

/// `obj[key]`: raises when `obj` is not a dict or lacks `key`.
pub(crate) fn item<'a>(obj: &'a Value, key: &str) -> PyResult<&'a Value> {
    get(obj, key)?.ok_or_else(|| Crash(format!("missing required field \"{key}\"")))
}

/// `bool(obj.get(key))`.
pub(crate) fn get_truthy(obj: &Value, key: &str) -> PyResult<bool> {
    Ok(get(obj, key)?.is_some_and(truthy))
}

/// Raises like Python when a value is used as a dict key but is unhashable.
pub(crate) fn check_hashable(v: &Value, what: &str) -> PyResult<()> {
    match v {
        Value::Array(_) | Value::Object(_) => Err(Crash(format!(
            "{what} must be a string, number or null, found {} (unhashable)",
            describe(v)
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (100.0, "100.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.2345e-7, "1.2345e-07"),
            (-2.5, "-2.5"),
            (0.6667, "0.6667"),
            (123456.789, "123456.789"),
            (1e300, "1e+300"),
            (-0.0, "-0.0"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f}");
        }
    }

    #[test]
    fn repr_of_containers_and_strings() {
        let v = json!({"b": [1, 2.0, true, null], "a": "it's"});
        assert_eq!(repr(&v), r#"{'b': [1, 2.0, True, None], 'a': "it's"}"#);
        assert_eq!(str_repr("a'b\"c"), r#"'a\'b"c'"#);
        assert_eq!(str_repr("x\u{200f}y\u{7f}\n"), "'x\\u200fy\\x7f\\n'");
        assert_eq!(str_repr("حفتر"), "'حفتر'");
        assert_eq!(str_of(&json!("حفتر")), "حفتر");
        assert_eq!(str_opt(None), "None");
    }

    #[test]
    fn python_equality_and_truthiness() {
        assert!(eq(&json!(1), &json!(1.0)));
        assert!(eq(&json!(true), &json!(1)));
        assert!(!eq(&json!("1"), &json!(1)));
        assert!(eq(&json!({"a": 1, "b": 2}), &json!({"b": 2, "a": 1.0})));
        assert!(!eq(&json!(9007199254740993u64), &json!(9007199254740992.0)));
        assert!(!truthy(&json!(0.0)));
        assert!(!truthy(&json!({})));
        assert!(truthy(&json!(" ")));
    }

    #[test]
    fn exact_int_float_ordering() {
        assert_eq!(num_cmp(Num::Int(2), Num::Float(2.5)), Some(Ordering::Less));
        assert_eq!(
            num_cmp(Num::Int(-2), Num::Float(-2.5)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            num_cmp(Num::Float(20.0), Num::Int(20)),
            Some(Ordering::Equal)
        );
        assert_eq!(
            num_cmp(Num::Int(5), Num::Float(f64::INFINITY)),
            Some(Ordering::Less)
        );
    }

    #[test]
    fn iteration_follows_python() {
        assert_eq!(iter(&json!("أب")).unwrap().len(), 2);
        assert_eq!(
            iter(&json!({"x": 1, "y": 2})).unwrap()[1].as_ref(),
            &json!("y")
        );
        assert!(iter(&json!(5)).is_err());
        assert!(iter(&Value::Null).is_err());
        assert!(iter_or_empty(Some(&json!(0))).unwrap().is_empty());
    }

    #[test]
    fn python_whitespace_set() {
        for c in [
            '\u{1c}', '\u{85}', '\u{a0}', '\u{1680}', '\u{2028}', '\u{3000}',
        ] {
            assert!(is_space(c), "{:x}", c as u32);
        }
        for c in ['\u{180e}', '\u{200b}', '\u{feff}', 'x'] {
            assert!(!is_space(c), "{:x}", c as u32);
        }
    }
}
