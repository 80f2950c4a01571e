//! Property test: for arbitrary Unicode input every span the pipeline emits slices the
//! original text exactly (code points), and sentences lie inside the text.

use proptest::prelude::*;
use rasd::pipeline::Pipeline;
use rasd_doc::{Document, Meta};
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::standard);

/// Arabic-heavy text with the characters normalisation touches: harakat, tatweel, NBSP,
/// bidi and zero-width controls, Arabic-Indic digits, presentation forms, punctuation.
fn arabic_noise() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        " ",
        "\u{a0}",
        "الجزائر",
        "وبالجزائر",
        "للجيش",
        "ـــ",
        "\u{64e}",
        "\u{651}",
        "\u{200f}",
        "\u{200d}",
        "٢٠١٤",
        "۲۵",
        "٫",
        "٬",
        "،",
        "؛",
        "؟",
        ".",
        "!",
        "…",
        "«",
        "»",
        "\n",
        "\n\n",
        "\u{FEFB}",
        "\u{FE8E}",
        "GIS",
        "(",
        ")",
        "3.5",
        "10:30",
        "ﷺ",
        "é",
        "\u{301}",
        "🙂",
        "\r\n",
        "\t",
        "ة",
        "ى",
        "أ",
        "ٱ",
        "ک",
        "ی",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn check(text: String) -> Result<(), TestCaseError> {
    let doc = Document::new(
        Meta {
            id: "p".into(),
            ..Default::default()
        },
        text.clone(),
    );
    let rec = PIPELINE.extract(doc, false);
    prop_assert!(
        rec.check_spans(&text).is_ok(),
        "{:?}",
        rec.check_spans(&text)
    );
    let n = text.chars().count();
    for s in &rec.sentences {
        prop_assert!(s.start < s.end && s.end <= n);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_slice_any_unicode(text in "\\PC{0,200}") {
        check(text)?;
    }

    #[test]
    fn spans_slice_arabic_noise(text in arabic_noise()) {
        check(text)?;
    }
}
