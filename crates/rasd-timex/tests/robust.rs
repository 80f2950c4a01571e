//! The stages never panic and always write valid spans: sorted, non-overlapping, on
//! character boundaries of the original text, quantities never inside times.

mod common;

use proptest::prelude::*;

const WORDS: &[&str] = &[
    "في",
    "من",
    "إلى",
    "بين",
    "و",
    "منذ",
    "قبل",
    "بعد",
    "خلال",
    "الساعة",
    "يوم",
    "عام",
    "سنة",
    "مايو",
    "كانون",
    "الثاني",
    "تشرين",
    "الأول",
    "ربيع",
    "جمادى",
    "ذو",
    "الحجة",
    "رمضان",
    "1436هـ",
    "الجمعة",
    "الماضي",
    "المقبل",
    "أمس",
    "اليوم",
    "غدا",
    "صباح",
    "مساء",
    "ليلا",
    "منتصف",
    "مطلع",
    "أواخر",
    "نحو",
    "أكثر",
    "عشرات",
    "مئات",
    "آلاف",
    "ألف",
    "مليون",
    "ثلاثة",
    "عشر",
    "وعشرين",
    "الحادي",
    "والعشرين",
    "قتيل",
    "جنديين",
    "مقتل",
    "وإصابة",
    "%",
    "بالمائة",
    "١٢",
    "٢٠١٤",
    "3:30",
    "2016/02/22",
    "12-3-2014",
    "-",
    "،",
    ".",
    "(",
    ")",
    "الـ",
    "24",
    "0",
    "99999999999",
    "1,500",
    "3.5",
    "سنوات",
    "أيام",
    "كل",
    "يوميا",
    "الأسبوع",
    "القرن",
    "السبعينيات",
    "صيف",
    "عيد",
    "الفطر",
    "الربع",
    "الثالث",
    "نسبة",
    "سالب",
    "هذا",
    "بقية",
    "العام",
];

fn check(text: &str, published: Option<jiff::civil::Date>) {
    let doc = common::process("p", text, published);
    let mut prev = 0;
    for t in &doc.times {
        assert!(
            t.span.start >= prev && t.span.start < t.span.end,
            "{text:?}: {t:?}"
        );
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prev = t.span.end;
    }
    let mut prev = 0;
    for q in &doc.quantities {
        assert!(
            q.span.start >= prev && q.span.start < q.span.end,
            "{text:?}: {q:?}"
        );
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(
            !doc.times.iter().any(|t| t.span.overlaps(&q.span)),
            "{text:?}"
        );
        prev = q.span.end;
    }
    let rec = rasd_doc::Record::from_document(&doc, true);
    rec.check_spans(text).unwrap();
}

proptest! {
    #[test]
    fn word_soup(idx in proptest::collection::vec(0..WORDS.len(), 0..40), with_date in any::<bool>()) {
        let text: Vec<&str> = idx.iter().map(|&i| WORDS[i]).collect();
        let published = with_date.then(|| "2015-08-05".parse().unwrap());
        check(&text.join(" "), published);
    }

    #[test]
    fn any_text(s in "\\PC{0,80}") {
        check(&s, Some("2014-06-12".parse().unwrap()));
    }
}

/// The combined stage gives exactly what the two stages give.
#[test]
fn combined_stage_equals_the_two_stages() {
    use rasd_doc::{Document, Meta, Stage};
    let text = "قتل 16 مدنيا صباح اليوم، وأصيب العشرات منذ 3 مارس 2014 في غارات استمرت ثلاثة أيام";
    let meta = Meta {
        published: "2014-06-12".parse().ok(),
        ..Default::default()
    };
    let mut a = Document::new(meta.clone(), text.into());
    let mut b = Document::new(meta, text.into());
    for s in [
        &rasd_text::Normaliser as &dyn Stage,
        &rasd_text::Segmenter,
        &rasd_timex::TimeTagger,
        &rasd_timex::QuantityTagger,
    ] {
        s.process(&mut a);
    }
    for s in [
        &rasd_text::Normaliser as &dyn Stage,
        &rasd_text::Segmenter,
        &rasd_timex::TimesAndQuantities,
    ] {
        s.process(&mut b);
    }
    assert_eq!(a.times, b.times);
    assert_eq!(a.quantities, b.quantities);
    assert!(
        a.times.len() >= 3 && a.quantities.len() >= 2,
        "{:?} {:?}",
        a.times,
        a.quantities
    );
}
