//! Rule tests for attribution, factuality and disputes, on made-up news sentences.

use super::*;
use crate::testing::DocBuilder;
use crate::EventCoder;
use rasd_doc::{EntityType, Event, Plover};

fn run(b: DocBuilder) -> Document {
    let mut d = b.doc;
    EventCoder.process(&mut d);
    Attributor.process(&mut d);
    d
}

fn one(d: &Document, t: Plover) -> &Event {
    let v: Vec<&Event> = d.events.iter().filter(|e| e.etype == t).collect();
    assert_eq!(v.len(), 1, "expected one {t}: {:#?}", d.events);
    v[0]
}

fn by(d: &Document, e: &Event) -> String {
    e.attribution
        .by
        .map(|a| d.slice(a.span).to_string())
        .unwrap_or_default()
}

fn cue(d: &Document, e: &Event) -> String {
    e.attribution
        .cue
        .map(|c| d.slice(c).to_string())
        .unwrap_or_default()
}

#[test]
fn plain_statement_is_asserted() {
    let d = run(DocBuilder::new("قصفت الطائرات الروسية مدينة إدلب.")
        .entity(EntityType::LOC, &["مدينة إدلب"]));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.attribution.stance, Stance::Asserted);
    assert!(e.attribution.by.is_none());
}

#[test]
fn reporting_verb_names_the_source() {
    let d = run(
        DocBuilder::new("قال مصدر أمني إن مسلحين هاجموا نقطة تفتيش في العريش.")
            .entity(EntityType::LOC, &["العريش"]),
    );
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "مصدر أمني");
    assert_eq!(cue(&d, e), "قال");
}

#[test]
fn words_describing_a_statement_are_not_its_source() {
    // «منفصل» is how the statement was made; the army that «قال» it is the source.
    let d = run(DocBuilder::new(
        "وقال الجيش المصري في بيان منفصل إن قواته قتلت عشرة مسلحين في رفح.",
    )
    .entity(EntityType::ORG, &["الجيش المصري"])
    .entity(EntityType::LOC, &["رفح"]));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(by(&d, e), "الجيش المصري");
    // A modifier followed by the source: the source.
    let d = run(DocBuilder::new(
        "اعتقلت الشرطة عشرة أشخاص، بحسب بيان مشترك للجيش والشرطة.",
    ));
    let e = one(&d, Plover::COERCE);
    assert!(by(&d, e).contains("جيش"), "{}", by(&d, e));
    // «صادر عن X»: X.
    let d = run(
        DocBuilder::new("اعتقلت الشرطة عشرة أشخاص، وفق بيان صادر عن وزارة الداخلية.")
            .entity(EntityType::ORG, &["وزارة الداخلية"]),
    );
    let e = one(&d, Plover::COERCE);
    assert_eq!(by(&d, e), "وزارة الداخلية");
    // A construct head before a definite word is the source itself.
    let d = run(
        DocBuilder::new("اعتقلت الشرطة عشرة أشخاص، وفقا لبيان وزارة الداخلية.")
            .entity(EntityType::ORG, &["وزارة الداخلية"]),
    );
    let e = one(&d, Plover::COERCE);
    assert_eq!(by(&d, e), "وزارة الداخلية");
}

#[test]
fn according_to_before_and_after() {
    let d = run(DocBuilder::new(
        "وفقا لوكالة الأنباء الرسمية، اعتقلت الشرطة عشرة أشخاص.",
    ));
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "وكالة الأنباء الرسمية");
    let d = run(DocBuilder::new("اعتقلت الشرطة عشرة أشخاص، حسب شهود عيان."));
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "شهود عيان");
}

#[test]
fn direct_quote_keeps_its_speaker() {
    let d = run(
        DocBuilder::new("وقال المتحدث باسم الجيش: «قتلنا عشرين إرهابيا في الغارة».").qty(
            "عشرين إرهابيا",
            20.0,
            "militant",
        ),
    );
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "المتحدث باسم الجيش");
}

#[test]
fn denial_of_an_event_in_its_complement() {
    let d = run(DocBuilder::new("نفى الجيش قصف المستشفى في مدينة تعز.")
        .entity(EntityType::LOC, &["مدينة تعز"]));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.attribution.stance, Stance::Denied);
    assert_eq!(by(&d, e), "الجيش");
    assert_eq!(e.disputed_by.len(), 1);
    assert_eq!(d.slice(e.disputed_by[0].by.span), "الجيش");
    let d = run(DocBuilder::new(
        "نفت الشرطة أنها اعتقلت الصحفي في المظاهرة.",
    ));
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Denied);
}

#[test]
fn denial_of_a_claim_disputes_the_earlier_event() {
    let d = run(
        DocBuilder::new("اعتقلت الشرطة الناشط في بنزرت. لكن السلطات نفت بشدة هذه الأنباء.")
            .entity(EntityType::LOC, &["بنزرت"]),
    );
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Asserted);
    assert_eq!(e.disputed_by.len(), 1);
    assert_eq!(d.slice(e.disputed_by[0].by.span), "السلطات");
    assert_eq!(e.disputed_by[0].cue.map(|c| d.slice(c)), Some("نفت بشدة"));
}

#[test]
fn a_denial_that_did_not_happen_disputes_nothing() {
    let d = run(
        DocBuilder::new("اعتقلت الشرطة الناشط في بنزرت، وهي معلومات لم تنفها السلطات.")
            .entity(EntityType::LOC, &["بنزرت"]),
    );
    let e = one(&d, Plover::COERCE);
    assert!(e.disputed_by.is_empty(), "{:?}", e.disputed_by);
}

#[test]
fn the_denier_disputes_the_events_it_takes_part_in() {
    let d = run(DocBuilder::new(
        "قصفت القوات الجزائرية معسكرا للمسلحين، وتظاهر الطلاب في تونس. ونفت الجزائر هذه المعلومات.",
    )
    .country(&["الجزائر"], "DZA")
    .country(&["تونس"], "TUN"));
    let a = one(&d, Plover::ASSAULT);
    assert_eq!(a.disputed_by.len(), 1);
    let p = one(&d, Plover::PROTEST);
    assert!(p.disputed_by.is_empty());
}

#[test]
fn hedges_make_it_uncertain() {
    let d = run(DocBuilder::new("يبدو أن الجيش انسحب من المدينة."));
    let e = one(&d, Plover::RETREAT);
    assert_eq!(e.attribution.stance, Stance::Uncertain);
    assert_eq!(cue(&d, e), "يبدو");
    let d = run(DocBuilder::new("قد ينسحب الجيش من المدينة."));
    assert_eq!(
        one(&d, Plover::RETREAT).attribution.stance,
        Stance::Uncertain
    );
}

#[test]
fn a_party_announcing_its_own_attacks_in_the_future_threatens() {
    // «أعلن الحزب أنه سيصعد الهجمات»: the announcement is a threat made now, told by
    // the outlet; the attack it announces has not happened.
    let b = DocBuilder::new("وقال الحزب في بيان إنه سيصعد الهجمات على مواقع الجيش غدا.")
        .entity(EntityType::ORG, &["الحزب"])
        .time("غدا", 0, rasd_doc::TimeType::DATE, "2015-08-06");
    let d = run(b);
    let e = one(&d, Plover::THREATEN);
    assert_eq!(e.attribution.stance, Stance::Reported, "{e:#?}");
    assert_eq!(by(&d, e), "الحزب");
    // Dated the day it was said (the document's date), not the day of the attack.
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2015-08-05")
    );
    assert!(
        d.events.iter().all(|e| e.etype != Plover::ASSAULT),
        "{:#?}",
        d.events
    );
    // A condition is no threat of the party's own, and an attack nobody does is none.
    for s in [
        "إذا هاجمت القوات المدينة فإن الجماعة ستقصف مواقعها.",
        "وستشهد المدينة هجمات جديدة.",
    ] {
        let d = run(DocBuilder::new(s));
        assert!(
            d.events.iter().all(|e| e.etype != Plover::THREATEN),
            "{s}: {:#?}",
            d.events
        );
    }
}

#[test]
fn a_participle_after_a_denial_is_not_denied() {
    // «نفى الرئيس الاتهامات …، متهما قوى خارجية بنشر الدعاية»: he denies, and accuses.
    let b = DocBuilder::new(
        "نفى الرئيس الاتهامات بأن بلاده تساعد التنظيم، متهما قوى خارجية بنشر الدعاية.",
    );
    let d = run(b);
    let e = one(&d, Plover::ACCUSE);
    assert_ne!(e.attribution.stance, Stance::Denied, "{e:#?}");
    assert!(e.disputed_by.is_empty(), "{e:#?}");
}

#[test]
fn conditions_questions_and_future_are_hypothetical() {
    for s in [
        "إذا هاجمت القوات المدينة فإن الجماعة سترد.",
        "هل تنسحب القوات من المدينة؟",
        "ستنسحب القوات من المدينة خلال أيام.",
        "يعتزم الجيش نشر قوات على الحدود.",
    ] {
        let d = run(DocBuilder::new(s));
        assert!(!d.events.is_empty(), "{s}");
        assert!(
            d.events
                .iter()
                .all(|e| e.attribution.stance == Stance::Hypothetical),
            "{s}: {:#?}",
            d.events
        );
    }
}

#[test]
fn a_postponed_or_cancelled_act_did_not_happen() {
    for (b, word) in [
        (
            DocBuilder::new("وأفاد مصدر أنه تم تأجيل زيارة وزير الخارجية إلى تركيا.")
                .entity(EntityType::LOC, &["تركيا"]),
            "تأجيل",
        ),
        (
            DocBuilder::new("وأعلن الاتحاد الأوروبي إلغاء الاجتماع مع تركيا.")
                .entity(EntityType::ORG, &["الاتحاد الأوروبي"])
                .entity(EntityType::LOC, &["تركيا"]),
            "إلغاء",
        ),
    ] {
        let text = b.doc.text.clone();
        let d = run(b);
        let e = one(&d, Plover::CONSULT);
        assert_eq!(e.attribution.stance, Stance::Negated, "{text}");
        assert_eq!(cue(&d, e), word, "{text}");
    }
    // A postponement after the act is no cue: the visit took place.
    let d = run(DocBuilder::new("وزار الوزير موسكو بعد تأجيل دام أسبوعا.")
        .entity(EntityType::LOC, &["موسكو"]));
    let e = one(&d, Plover::CONSULT);
    assert_ne!(e.attribution.stance, Stance::Negated);
}

#[test]
fn negation_before_the_trigger() {
    let d = run(DocBuilder::new(
        "لم يتم اعتقال أي مشتبه به في الهجوم حتى الآن.",
    ));
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Negated);
    assert_eq!(cue(&d, e), "لم");
}

#[test]
fn contrast_ends_the_denial_scope() {
    let d = run(DocBuilder::new(
        "نفت الحكومة ذلك، لكن وفقا لمصادر محلية فإن الجيش قصف القرية.",
    ));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "مصادر محلية");
}

#[test]
fn mentions_across_sentences_merge_with_the_reported_stance() {
    let d = run(DocBuilder::new(
        "هاجم مسلحون قافلة للجيش في سيناء. وقال مصدر عسكري إن هذا الهجوم أسفر عن مقتل جنديين.",
    )
    .entity(EntityType::LOC, &["سيناء"])
    .qty("جنديين", 2.0, "soldier"));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.sentence, 0);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "مصدر عسكري");
    assert_eq!(e.size.dead, Some(2.0));
}

#[test]
fn a_source_the_chunker_does_not_know_is_still_a_source() {
    let d = run(DocBuilder::new(
        "وأعلن مكتب التحقيقات الفيدرالي أن المسلحين قتلوا ثلاثة جنود في القاعدة.",
    ));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "مكتب التحقيقات الفيدرالي");
}

#[test]
fn emphatic_qad_with_a_perfect_is_not_a_hedge() {
    let d = run(DocBuilder::new(
        "وكان المسلح قد أطلق النار على مركزين للشرطة في المدينة.",
    ));
    assert_eq!(
        one(&d, Plover::ASSAULT).attribution.stance,
        Stance::Asserted
    );
}

#[test]
fn only_once_is_not_negation() {
    let d = run(DocBuilder::new("ولم تعتقل الشرطة المتهم سوى مرة واحدة."));
    assert_eq!(one(&d, Plover::COERCE).attribution.stance, Stance::Asserted);
}

#[test]
fn according_to_what_a_paper_reported() {
    let d = run(DocBuilder::new(
        "اعتقلت الشرطة خمسة مسلحين، وفق ما نقلت صحيفة الوطن.",
    ));
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert_eq!(by(&d, e), "صحيفة الوطن");
}

#[test]
fn purpose_names_no_event_but_grief_over_a_killing_is_about_one() {
    let d = run(DocBuilder::new(
        "وصل الوزير إلى الرياض بهدف لقاء نظيره السعودي.",
    ));
    assert!(
        d.events.iter().all(|e| e.etype != Plover::CONSULT),
        "{:#?}",
        d.events
    );
    let d = run(
        DocBuilder::new("أعرب الرئيس عن حزنه لمقتل الجنود الخمسة.").qty(
            "الجنود الخمسة",
            5.0,
            "soldier",
        ),
    );
    assert_eq!(
        one(&d, Plover::ASSAULT).attribution.stance,
        Stance::Asserted
    );
}

#[test]
fn a_question_inside_a_quote_and_a_future_meeting() {
    let d = run(DocBuilder::new(
        "وقال أحد المتظاهرين: كيف تقوم الحكومة بقصف المدنيين؟",
    ));
    assert!(
        d.events
            .iter()
            .all(|e| e.attribution.stance == Stance::Hypothetical),
        "{:#?}",
        d.events
    );
    let d = run(DocBuilder::new(
        "وأعلنت الوزارة أن الوزير سيعقد اجتماعا مع نظيره الروسي.",
    ));
    assert_eq!(
        one(&d, Plover::CONSULT).attribution.stance,
        Stance::Hypothetical
    );
}

#[test]
fn omitted_subject_of_a_reporting_verb_continues_the_source() {
    // «وذكرت» has no subject: the sources named in the sentence before still speak.
    let d = run(DocBuilder::new(
        "وكشفت مصادر أمنية عن رصد عشرات المشتبه بهم. وذكرت أن الشرطة اعتقلت المسلحين في الحي.",
    ));
    let e = one(&d, Plover::COERCE);
    assert_eq!(e.attribution.stance, Stance::Reported);
    assert!(by(&d, e).contains("مصادر"), "{}", by(&d, e));
}

#[test]
fn managed_to_is_not_could() {
    // «تمكن» (managed to) is a perfect verb, not an inflection of «يمكن» (it is possible).
    let d = run(DocBuilder::new("وتمكن الجيش من اعتقال المسلحين."));
    assert_eq!(one(&d, Plover::COERCE).attribution.stance, Stance::Asserted);
    let d = run(DocBuilder::new("ويمكن أن تعتقل الشرطة المسلحين."));
    assert_eq!(
        one(&d, Plover::COERCE).attribution.stance,
        Stance::Hypothetical
    );
}

#[test]
fn denied_charges_dispute_the_accusation() {
    let d = run(DocBuilder::new(
        "وجهت السلطات الإسرائيلية اتهامات إلى الرجل بالتجسس. وقال الجهاز إن الرجل اعترف. \
         وفي مدينة أخرى بدأت الشرطة استجواب الجنود. \
         من جهتها، نفت ليا تسيميل، محامية الرجل، التهم الموجهة إلى موكلها.",
    ));
    let accusations: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| e.etype == Plover::ACCUSE)
        .collect();
    assert_eq!(accusations.len(), 2, "{:#?}", d.events);
    // The charges are the allegation, not the later interrogation.
    let e = accusations[0];
    let by: Vec<String> = e
        .disputed_by
        .iter()
        .map(|x| d.slice(x.by.span).to_string())
        .collect();
    assert_eq!(by, vec!["ليا تسيميل"]);
}

#[test]
fn the_audience_of_a_statement_is_not_its_source() {
    // «أمام الصحافيين» (before the journalists) folds like «إمام» (an imam): it is where
    // the minister spoke, not who spoke.
    let d = run(DocBuilder::new(
        "وقال الوزير أمام الصحافيين إن الطائرات قصفت مواقع المسلحين.",
    ));
    let e = one(&d, Plover::ASSAULT);
    assert_eq!(by(&d, e), "الوزير");
    // With the speaker dropped, the audience still does not stand in for him.
    let d = run(DocBuilder::new(
        "وأكد أمام الصحافيين أن الطائرات قصفت مواقع المسلحين.",
    ));
    let e = one(&d, Plover::ASSAULT);
    assert!(!by(&d, e).contains("الصحافيين"), "{}", by(&d, e));
}
