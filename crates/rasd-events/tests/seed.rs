//! The seed article's first paragraph, with its entities and time marked by hand: the
//! joint operations are an ASSAULT, reported «وفقا لمعلوماتنا», and disputed by Algeria's
//! denial («نفت بشدة هذه المعلومة») two clauses earlier.

use rasd_doc::{Document, EntityType, Plover, Record, Stage, Stance, TimeType};
use rasd_events::testing::DocBuilder;
use rasd_events::{Attributor, EventCoder};

fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seed.txt");
    std::fs::read_to_string(path).expect("samples/seed.txt")
}

fn first_paragraph() -> String {
    let s = seed();
    s.split("\n\n")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn run(mut d: Document) -> Document {
    EventCoder.process(&mut d);
    Attributor.process(&mut d);
    d
}

#[test]
fn joint_operations_are_a_reported_assault_disputed_by_algeria() {
    let d = DocBuilder::new(&first_paragraph())
        .published("2014-06-12")
        .entity_of(EntityType::ORG, &["القوات الأميركية"], "USA")
        .country(&["الجزائر"], "DZA")
        .country(&["ليبيا"], "LBY")
        .entity_of(EntityType::ORG, &["فوج المظليين الرابع"], "DZA")
        .entity_of(
            EntityType::ORG,
            &["مجموعة التدخل الخاصة الجزائرية", "GIS"],
            "DZA",
        )
        .entity_of(EntityType::ORG, &["الفيلق 317"], "USA")
        .time("منذ أسبوع", 0, TimeType::DURATION, "P1W")
        .build();
    let d = run(d);
    let ops: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.etype == Plover::ASSAULT && d.slice(e.trigger).contains("عمليات"))
        .collect();
    assert_eq!(ops.len(), 1, "{:#?}", d.events);
    let e = ops[0];
    assert_eq!(e.attribution.stance, Stance::Reported);
    let by = e
        .attribution
        .by
        .map(|a| d.slice(a.span))
        .unwrap_or_default();
    assert!(by.contains("معلوماتنا"), "by = {by}");
    let disputes: Vec<(&str, &str)> = e
        .disputed_by
        .iter()
        .map(|x| {
            (
                d.slice(x.by.span),
                x.cue.map(|c| d.slice(c)).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(disputes, vec![("الجزائر", "نفت بشدة")]);
    assert!(e.disputed_by.iter().all(|x| x.stance == Stance::Denied));
    // Parties from both mentions: the first sentence and «بهذه العمليات».
    let actors: Vec<&str> = e.actor.iter().map(|a| d.slice(a.span)).collect();
    assert!(actors.contains(&"القوات الأميركية"), "{actors:?}");
    assert!(
        actors.contains(&"مجموعة التدخل الخاصة الجزائرية"),
        "{actors:?}"
    );
    let recipients: Vec<&str> = e.recipient.iter().map(|a| d.slice(a.span)).collect();
    assert_eq!(recipients, vec!["الجهاديين"]);
    let places: Vec<&str> = e.location.iter().map(|a| d.slice(a.span)).collect();
    assert_eq!(places, vec!["ليبيا"]);
    assert_eq!(e.date.as_ref().map(|x| x.value.as_str()), Some("P1W"));
    // «التي لم تنفها مصادر أمنية جزائرية» is not a denial.
    assert!(d.events.iter().all(|e| e.disputed_by.len() <= 1));
    // The prohibition «يمنع الجيش من الانتشار» is no deployment.
    assert!(d.events.iter().all(|e| e.etype != Plover::MOBILIZE));
}

#[test]
fn the_whole_seed_without_entity_layers_is_safe() {
    let d = run(DocBuilder::new(&seed()).published("2014-06-12").build());
    let rec = Record::from_document(&d, true);
    rec.check_spans(&d.text).unwrap();
    assert!(!d.events.is_empty());
}
