//! Bytes to text: UTF-8 (strict or lossy) or a detected legacy encoding, and the binary
//! check.
//!
//! Arabic news still circulates in windows-1256 and ISO-8859-6; with `Encoding::Auto`
//! non-UTF-8 input is decoded with the encoding `chardetng` guesses. Binary data is
//! recognised by NUL bytes or a high share of control characters in the first 8 KiB.

use crate::{ErrorKind, Options};

/// How to turn bytes into text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a leading BOM is dropped).
    #[default]
    Utf8,
    /// UTF-8 when valid, else the encoding detected by `chardetng`.
    Auto,
    /// A named encoding (WHATWG label such as `windows-1256`).
    Named(String),
}

impl std::str::FromStr for Encoding {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "auto" => Ok(Encoding::Auto),
            other => encoding_rs::Encoding::for_label(other.as_bytes())
                .map(|_| Encoding::Named(other.to_string()))
                .ok_or_else(|| format!("unknown encoding {s:?} (try utf-8, auto or windows-1256)")),
        }
    }
}

/// True when the bytes look like binary data rather than text.
pub fn looks_binary(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return None;
    }
    if let Some(i) = head.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {i}"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 10 > head.len() {
        return Some(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        ));
    }
    None
}

/// Checks decoded text for binary content.
pub fn check_text(text: &str) -> Result<(), ErrorKind> {
    match looks_binary(text.as_bytes()) {
        Some(why) => Err(ErrorKind::Binary(why)),
        None => Ok(()),
    }
}

/// Decodes a whole document.
pub fn decode(mut raw: Vec<u8>, opts: &Options) -> Result<String, ErrorKind> {
    if let Some(why) = looks_binary(&raw) {
        return Err(ErrorKind::Binary(why));
    }
    if raw.starts_with(&[0xEF, 0xBB, 0xBF]) {
        raw.drain(..3);
    }
    let named = match &opts.encoding {
        Encoding::Named(label) => encoding_rs::Encoding::for_label(label.as_bytes()),
        _ => None,
    };
    if let Some(enc) = named {
        let (text, _, _) = enc.decode(&raw);
        return Ok(text.into_owned());
    }
    match String::from_utf8(raw) {
        Ok(s) => Ok(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let raw = e.into_bytes();
            if opts.encoding == Encoding::Auto {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(&raw, true);
                let enc = det.guess(None, chardetng::Utf8Detection::Allow);
                let (text, _, _) = enc.decode(&raw);
                Ok(text.into_owned())
            } else if opts.lossy {
                Ok(String::from_utf8_lossy(&raw).into_owned())
            } else {
                Err(ErrorKind::InvalidUtf8 { offset })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1256_is_detected() {
        // «قال الرئيس» in windows-1256.
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1256.encode("قال الرئيس إن الجيش انسحب من المدينة");
        let opts = Options {
            encoding: Encoding::Auto,
            ..Default::default()
        };
        assert_eq!(
            decode(bytes.to_vec(), &opts).unwrap(),
            "قال الرئيس إن الجيش انسحب من المدينة"
        );
        let strict = Options::default();
        assert!(matches!(
            decode(bytes.to_vec(), &strict),
            Err(ErrorKind::InvalidUtf8 { offset: 0 })
        ));
    }

    #[test]
    fn bom_and_labels() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc".to_vec(), &Options::default()).unwrap(),
            "abc"
        );
        assert!("windows-1256".parse::<Encoding>().is_ok());
        assert!("klingon".parse::<Encoding>().is_err());
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"abc\0def").is_some());
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, 7, 8, 9, b'a']).is_some());
        assert!(looks_binary("نص\nعادي\tجدا".as_bytes()).is_none());
    }
}
