//! Rule tests for the events stage, each on its own made-up news sentence.

use super::*;
use crate::testing::DocBuilder;
use rasd_doc::TimeType::*;

fn run(b: DocBuilder) -> (Document, Vec<Event>) {
    let ev = code(&b.doc);
    (b.doc, ev)
}

fn texts(d: &Document, args: &[Arg]) -> Vec<String> {
    args.iter().map(|a| d.slice(a.span).to_string()).collect()
}

/// [`run`] on `text` with the named entities `ents` (one mention each).
fn run_named(text: &str, ents: &[(EntityType, &str)]) -> (Document, Vec<Event>) {
    let b = ents
        .iter()
        .fold(DocBuilder::new(text), |b, &(t, name)| b.entity(t, &[name]));
    run(b)
}

fn only(ev: &[Event], t: Plover) -> &Event {
    let v: Vec<&Event> = ev.iter().filter(|e| e.etype == t).collect();
    assert_eq!(v.len(), 1, "expected one {t}: {ev:#?}");
    v[0]
}

#[test]
fn verb_subject_object_with_place_time_and_count() {
    let b = DocBuilder::new("اعتقلت الشرطة التونسية ثلاثة مشتبه بهم في سوسة أمس.")
        .entity(EntityType::LOC, &["سوسة"])
        .time("أمس", 0, DATE, "2015-08-04")
        .qty("ثلاثة مشتبه بهم", 3.0, "suspect");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(e.mode.as_deref(), Some("arrest"));
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة التونسية"]);
    assert_eq!(texts(&d, &e.recipient), vec!["ثلاثة مشتبه بهم"]);
    assert_eq!(texts(&d, &e.location), vec!["سوسة"]);
    assert_eq!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("2015-08-04")
    );
    assert_eq!(e.size.arrested, Some(3.0));
}

#[test]
fn subject_before_verb_and_place_object_is_location() {
    let b = DocBuilder::new("الجيش السوري قصف بلدة خان شيخون بالبراميل.")
        .entity(EntityType::LOC, &["بلدة خان شيخون"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الجيش السوري"]);
    assert!(e.recipient.is_empty());
    assert_eq!(texts(&d, &e.location), vec!["بلدة خان شيخون"]);
}

#[test]
fn passive_with_agent_phrase() {
    let b = DocBuilder::new("اغتيل الصحفي سمير قصير على يد مسلحين مجهولين في بيروت.")
        .entity(EntityType::PER, &["سمير قصير"])
        .entity(EntityType::LOC, &["بيروت"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(e.mode.as_deref(), Some("targeted"));
    assert_eq!(texts(&d, &e.recipient), vec!["الصحفي سمير قصير"]);
    assert_eq!(e.recipient[0].entity, Some(0));
    assert_eq!(texts(&d, &e.actor), vec!["مسلحين مجهولين"]);
    assert_eq!(texts(&d, &e.location), vec!["بيروت"]);
}

#[test]
fn nominal_trigger_with_nationality_and_merged_casualties() {
    let b = DocBuilder::new("أسفرت غارة أمريكية على مدينة الرقة عن مقتل عشرين مدنيا.")
        .entity(EntityType::LOC, &["مدينة الرقة"])
        .qty("عشرين مدنيا", 20.0, "civilian");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(e.mode.as_deref(), Some("aerial"));
    assert_eq!(texts(&d, &e.actor), vec!["أمريكية"]);
    assert_eq!(texts(&d, &e.recipient), vec!["عشرين مدنيا"]);
    assert_eq!(texts(&d, &e.location), vec!["مدينة الرقة"]);
    assert_eq!(e.size.dead, Some(20.0));
}

#[test]
fn light_verb_lends_its_subject() {
    let b = DocBuilder::new("شنت طائرات التحالف غارات على مواقع تنظيم داعش قرب الموصل.")
        .entity(EntityType::ORG, &["تنظيم داعش"])
        .entity(EntityType::LOC, &["الموصل"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["طائرات التحالف"]);
    assert_eq!(texts(&d, &e.recipient), vec!["تنظيم داعش"]);
    assert_eq!(texts(&d, &e.location), vec!["الموصل"]);
    assert_eq!(e.mode.as_deref(), Some("aerial"));
}

#[test]
fn meeting_with_counterpart() {
    let b = DocBuilder::new("التقى وزير الخارجية السعودي نظيره الإيراني في بغداد.")
        .entity(EntityType::LOC, &["بغداد"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.actor), vec!["وزير الخارجية السعودي"]);
    assert_eq!(texts(&d, &e.recipient), vec!["نظيره الإيراني"]);
    assert_eq!(texts(&d, &e.location), vec!["بغداد"]);
}

#[test]
fn omitted_subject_is_the_previous_person() {
    let b = DocBuilder::new("وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر. والتقى بالرئيس عبد المجيد تبون في قصر المرادية.")
        .entity(EntityType::PER, &["إيمانويل ماكرون"])
        .country(&["الجزائر"], "DZA")
        .entity(EntityType::PER, &["عبد المجيد تبون"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(e.actor.len(), 1);
    assert_eq!(e.actor[0].entity, Some(0), "{:?}", texts(&d, &e.actor));
    assert_eq!(e.recipient[0].entity, Some(2));
}

#[test]
fn clash_with_takes_the_other_side_as_recipient() {
    // Dyadic coding (PLOVER actor/recipient, ACLED actor1/actor2): the side the clause is
    // about acts, «مع X» is the opponent.
    let b = DocBuilder::new("اشتبكت قوات الأمن مع مسلحين في شمال سيناء.")
        .entity(EntityType::LOC, &["شمال سيناء"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["قوات الأمن"]);
    assert_eq!(texts(&d, &e.recipient), vec!["مسلحين"]);
    let b = DocBuilder::new("وقعت مواجهات بين الجيش ومسلحين قبليين قرب الحدود.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(
        texts(&d, &e.actor),
        vec!["الجيش", "مسلحين قبليين"],
        "{ev:#?}"
    );
}

#[test]
fn governed_masdars_are_not_events() {
    let (_, ev) = run(DocBuilder::new(
        "يمنع القانون الجيش من الانتشار خارج الحدود.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::MOBILIZE), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("طالب المحتجون بالإفراج عن المعتقلين."));
    assert!(ev.iter().any(|e| e.etype == Plover::REQUEST));
    assert!(ev.iter().all(|e| e.etype != Plover::RETREAT), "{ev:#?}");
}

#[test]
fn context_words_disambiguate() {
    let (_, ev) = run(DocBuilder::new("نشرت الصحيفة تقريرا عن الفساد."));
    assert!(ev.is_empty(), "{ev:#?}");
    let (d, ev) = run(DocBuilder::new("نشرت الحكومة قوات إضافية في المدينة."));
    let e = only(&ev, Plover::MOBILIZE);
    assert_eq!(texts(&d, &e.actor), vec!["الحكومة"]);
}

#[test]
fn gapped_idiom_keeps_subject_inside() {
    let b = DocBuilder::new("ألقت قوات الأمن القبض على ثلاثة مهربين.").qty(
        "ثلاثة مهربين",
        3.0,
        "smuggler",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["قوات الأمن"]);
    assert_eq!(texts(&d, &e.recipient), vec!["ثلاثة مهربين"]);
    assert_eq!(e.size.arrested, Some(3.0));
}

#[test]
fn words_inside_names_are_not_triggers() {
    let b = DocBuilder::new("تتبع الوحدة قيادة العمليات الخاصة في شتوتغارت.")
        .entity(EntityType::ORG, &["قيادة العمليات الخاصة"])
        .entity(EntityType::LOC, &["شتوتغارت"]);
    let (_, ev) = run(b);
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn one_event_per_sentence_for_repeated_triggers() {
    let b = DocBuilder::new("استهدف مسلحون حافلة للجيش بعبوة ناسفة مما أسفر عن مقتل خمسة جنود.")
        .qty("خمسة جنود", 5.0, "soldier");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(e.mode.as_deref(), Some("explosives"));
    assert_eq!(texts(&d, &e.actor), vec!["مسلحون"]);
    assert_eq!(e.size.dead, Some(5.0));
}

#[test]
fn passive_auxiliary_and_inferred_date() {
    let b = DocBuilder::new("تم اعتقال خمسة أشخاص في الرياض.")
        .entity(EntityType::LOC, &["الرياض"])
        .qty("خمسة أشخاص", 5.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert!(e.actor.is_empty());
    assert_eq!(texts(&d, &e.recipient), vec!["خمسة أشخاص"]);
    assert_eq!(e.size.arrested, Some(5.0));
    let date = e.date.as_ref().unwrap();
    assert!(date.inferred && date.value == "2015-08-05" && date.time.is_none());
    assert!(d.slice(e.trigger).starts_with("تم"));
}

#[test]
fn relative_pronoun_antecedent_is_subject() {
    let b = DocBuilder::new("طلبت واشنطن دعم المغرب التي وافقت على الفور.")
        .country(&["واشنطن"], "USA")
        .country(&["المغرب"], "MAR");
    let (_, ev) = run(b);
    let e = only(&ev, Plover::AGREE);
    assert_eq!(e.actor[0].entity, Some(1));
    let r = only(&ev, Plover::REQUEST);
    assert_eq!(r.actor[0].entity, Some(0));
}

#[test]
fn possessive_pronoun_links_forces_to_their_state() {
    let b = DocBuilder::new("وافقت تركيا، وقامت قواتها بغارة على مواقع حزب العمال.")
        .country(&["تركيا"], "TUR")
        .entity(EntityType::ORG, &["حزب العمال"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["قواتها"]);
    assert_eq!(e.actor[0].entity, Some(0));
    assert_eq!(e.recipient[0].entity, Some(1));
}

#[test]
fn works_without_entities_times_or_quantities() {
    let (d, ev) = run(DocBuilder::new("تظاهر آلاف الطلاب ضد الحكومة وسط العاصمة."));
    let e = only(&ev, Plover::PROTEST);
    assert_eq!(texts(&d, &e.recipient), vec!["الحكومة"]);
    assert!(e.location.is_empty());
    let (_, ev) = run(DocBuilder::new(""));
    assert!(ev.is_empty());
}

#[test]
fn spans_stay_on_char_boundaries() {
    let b = DocBuilder::new("وقصفتْ الطائراتُ مواقعَ المسلحينَ فجرَ اليوم، وقُتِلَ 12 مسلحاً.").qty(
        "12 مسلحاً",
        12.0,
        "fighter",
    );
    let (d, ev) = run(b);
    assert!(!ev.is_empty());
    let r = rasd_doc::Record::from_document(
        &Document {
            events: ev,
            ..d.clone()
        },
        true,
    );
    r.check_spans(&d.text).unwrap();
}

#[test]
fn gapped_idiom_subject_unknown_to_the_lexicons() {
    let (d, ev) = run(DocBuilder::new(
        "وألقى مكتب التحقيقات الفيدرالي القبض على شاب في نيويورك.",
    ));
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["مكتب التحقيقات الفيدرالي"]);
}

#[test]
fn there_is_is_not_a_congratulation() {
    let (_, ev) = run(DocBuilder::new(
        "فهناك شخص ما في الخارج يدرك كيف يعمل الهاتف.",
    ));
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn what_one_can_do_has_not_happened() {
    let (_, ev) = run(DocBuilder::new(
        "ويمكنها إسقاط الدبابات والجنود في مناطق صعبة.",
    ));
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn a_killing_verb_without_object_is_passive() {
    let (d, ev) = run(DocBuilder::new(
        "وقال مسؤولون إن سبعة جنود ليبيين قتلوا اليوم في هجوم على نقطة تفتيش.",
    ));
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        e.actor.is_empty(),
        "{:?} {:?}",
        texts(&d, &e.actor),
        texts(&d, &e.recipient)
    );
    assert_eq!(texts(&d, &e.recipient), vec!["جنود ليبيين"]);
    let (d, ev) = run(DocBuilder::new("قتل المسلحون الجنود عند الحاجز."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["المسلحون"]);
    assert_eq!(texts(&d, &e.recipient), vec!["الجنود"]);
}

#[test]
fn a_reflexive_object_makes_a_killing_verb_active() {
    // «فجر X نفسه»: X blew himself up; the verb has an object, so X is the doer.
    for (text, doer) in [
        ("فجر انتحاري نفسه في سوق مزدحمة.", "انتحاري"),
        ("وقال الشرطي إن مسلحا فجر نفسه قرب الحاجز.", "مسلحا"),
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        let e = only(&ev, Plover::ASSAULT);
        assert_eq!(texts(&d, &e.actor), vec![doer], "{text}");
        assert!(
            e.recipient.is_empty(),
            "{text}: {:?}",
            texts(&d, &e.recipient)
        );
    }
}

#[test]
fn min_bayna_is_among_not_by() {
    // «من بينهم» after an attack noun lists some of the victims; it names no doer.
    for text in [
        "وقتل 15 شخصا في الهجوم من بينهم نساء وأطفال.",
        "وأشار إلى مقتل 15 شخصا في الهجوم من بينهم جنود.",
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        let e = only(&ev, Plover::ASSAULT);
        assert!(e.actor.is_empty(), "{text}: {:?}", texts(&d, &e.actor));
    }
    // «من» + a party after an attack noun is still its doer.
    let (d, ev) = run(DocBuilder::new("وقتل 15 شخصا في هجوم من مسلحين على السوق."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["مسلحين"]);
}

#[test]
fn li_after_an_act_noun_names_its_receiver_or_its_holder() {
    // Where the frame reads «لـ» as the receiver (aid, a visit's host), an adjective
    // between does not make it an owner; «لل» (لـ + article) is «لـ» too.
    for (text, name) in [
        ("وقدم البنك الدولي قرضا عاجلا لمصر.", "مصر"),
        ("وقدم البنك الدولي قرضا لليونان.", "لليونان"),
    ] {
        let b = DocBuilder::new(text)
            .entity(EntityType::ORG, &["البنك الدولي"])
            .country(&[name], "XXX");
        let (d, ev) = run(b);
        let e = only(&ev, Plover::AID);
        assert_eq!(texts(&d, &e.actor), vec!["البنك الدولي"], "{text}");
        assert_eq!(texts(&d, &e.recipient), vec![name], "{text}");
    }
    let b = DocBuilder::new("وقال الوزير إنه تسلم المقاتلات خلال زيارة رسمية لفرنسا.")
        .country(&["فرنسا"], "FRA");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert!(texts(&d, &e.actor).is_empty(), "{e:#?}");
    // A person after «لـ» is still the visitor.
    let b = DocBuilder::new("وكانت السفارة تنتظر زيارة محتملة لجون كيري إلى هافانا.")
        .entity(EntityType::PER, &["لجون كيري"])
        .entity(EntityType::LOC, &["هافانا"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.actor), vec!["لجون كيري"], "{e:#?}");
    // The holder of a meeting after «لـ» is its actor; after a nisba that named the
    // doer, «لـ» + a state is the one attacked, never a second doer.
    let b =
        DocBuilder::new("وقال نتنياهو في بداية الاجتماع الأسبوعي للحكومة الإسرائيلية إن الاتفاق سيئ.")
            .entity(EntityType::ORG, &["للحكومة الإسرائيلية"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.actor), vec!["للحكومة الإسرائيلية"], "{e:#?}");
    let b = DocBuilder::new("وقال إن الغزو الأميركي للعراق كان خطأ.").country(&["للعراق"], "IRQ");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        !texts(&d, &e.actor).iter().any(|a| a.contains("عراق")),
        "{:?}",
        texts(&d, &e.actor)
    );
}

#[test]
fn a_postponed_visit_keeps_its_visitor() {
    // «تم» makes the postponing passive, not the visit.
    let b = DocBuilder::new(
        "وأفاد مصدر دبلوماسي أنه تم تأجيل زيارة وزير الخارجية الإيراني محمد جواد ظريف إلى تركيا.",
    )
    .entity(EntityType::PER, &["محمد جواد ظريف"])
    .country(&["تركيا"], "TUR");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(
        texts(&d, &e.actor),
        vec!["وزير الخارجية الإيراني محمد جواد ظريف"],
        "{e:#?}"
    );
    assert_eq!(texts(&d, &e.recipient), vec!["تركيا"]);
}

#[test]
fn a_masdar_takes_its_doer_in_the_genitive_and_its_object_in_the_accusative() {
    // «اقتحام الشرطة الإسرائيلية المسجد الأقصى»: a force in the genitive, then a definite
    // object with no preposition.
    let b = DocBuilder::new("وأدان البيان اقتحام الشرطة الإسرائيلية المسجد الأقصى.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة الإسرائيلية"], "{e:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["المسجد الأقصى"], "{e:#?}");
    // A title and a name after it are one person; a death noun takes no object.
    for b in [
        DocBuilder::new("وأكد مقتل زعيم القاعدة أسامة بن لادن في الغارة.")
            .entity(EntityType::ORG, &["القاعدة"])
            .entity(EntityType::PER, &["أسامة بن لادن"]),
        DocBuilder::new("وأعلنت مقتل جميع عناصر داعش المشاركين في الهجوم.")
            .entity(EntityType::ORG, &["داعش"]),
    ] {
        let (d, ev) = run(b);
        let e = ev
            .iter()
            .find(|e| d.slice(e.trigger).contains("مقتل"))
            .expect("a killing");
        assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    }
}

#[test]
fn operations_that_are_not_military() {
    let (_, ev) = run(DocBuilder::new(
        "وقالت القوات إن خمس عمليات إغاثة قام بها رجال الأمن أنقذت المهاجرين.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn an_explosion_of_a_state_of_affairs_is_no_attack() {
    // The genitive after «انفجار» tells a metaphor («انفجار السلم الاجتماعي», «انفجار
    // الاحتقان») or a volcano from a bomb.
    for text in [
        "حذر من انفجار السلم الاجتماعي في لبنان.",
        "ويخشى المراقبون انفجار الاحتقان في الشارع.",
        "أدى انفجار البركان إلى إجلاء السكان.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::ASSAULT),
            "{text}: {ev:#?}"
        );
    }
    let (_, ev) = run(DocBuilder::new(
        "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد.",
    ));
    only(&ev, Plover::ASSAULT);
}

#[test]
fn a_feminine_verb_does_not_take_a_masculine_plural_subject() {
    let (d, ev) = run(
        DocBuilder::new("وتقدمت القوات الحكومية، وطردت الاثنين الحوثيين من المدينة.")
            .time("الاثنين", 0, DATE, "2015-08-03")
            .entity(EntityType::ORG, &["الحوثيين"]),
    );
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        !texts(&d, &e.actor).contains(&"الحوثيين".to_string()),
        "{:?}",
        texts(&d, &e.actor)
    );
    assert_eq!(texts(&d, &e.recipient), vec!["الحوثيين"]);
}

#[test]
fn an_attack_from_someone() {
    let (d, ev) = run(DocBuilder::new(
        "تعرضت الجبهة لهجوم مضاد من القوات الحكومية.",
    ));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["القوات الحكومية"]);
    assert_eq!(texts(&d, &e.recipient), vec!["الجبهة"]);
}

#[test]
fn members_of_a_force_are_not_its_attackers() {
    let b = DocBuilder::new("أسفر الانفجار عن إصابة ثلاثة أفراد من القوات المسلحة.").qty(
        "ثلاثة أفراد",
        3.0,
        "member",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        e.actor.is_empty(),
        "{:?} {:?}",
        texts(&d, &e.actor),
        texts(&d, &e.recipient)
    );
    assert_eq!(e.size.injured, Some(3.0));
}

#[test]
fn adjectives_after_a_name_stay_with_it() {
    let b = DocBuilder::new("وقالت الوزارة إن عناصر داعش الإرهابي هاجمت مواقع الجيش.")
        .entity(EntityType::ORG, &["داعش"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["داعش الإرهابي"]);
    assert_eq!(e.actor[0].entity, Some(0));
}

#[test]
fn coordinated_verb_shares_the_previous_subject() {
    let b = DocBuilder::new("قال المتحدث إن الشرطة دخلت مبنى البلدية واشتبكت مع عصابة مسلحة.")
        .entity(EntityType::ORG, &["الشرطة"])
        .entity(EntityType::LOC, &["مبنى البلدية"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        texts(&d, &e.actor).contains(&"الشرطة".to_string()),
        "{:?} {ev:#?}",
        texts(&d, &e.actor)
    );
    assert!(!texts(&d, &e.actor).contains(&"مبنى البلدية".to_string()));
}

#[test]
fn coordinated_verb_shares_a_known_verbs_subject() {
    let b = DocBuilder::new("انتشرت الشرطة في المدينة واعتقلت ثلاثة مشتبه بهم.")
        .entity(EntityType::ORG, &["الشرطة"])
        .entity(EntityType::LOC, &["المدينة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة"]);
}

#[test]
fn coordinated_verb_with_other_agreement_keeps_its_own_subject() {
    // «وقصفوا» (they) does not share the feminine subject of «دخلت».
    let b =
        DocBuilder::new("دخلت الشرطة البلدة وقصفوا المسلحين.").entity(EntityType::ORG, &["الشرطة"]);
    let (d, ev) = run(b);
    for e in ev.iter().filter(|e| e.etype == Plover::ASSAULT) {
        assert!(
            !texts(&d, &e.actor).contains(&"الشرطة".to_string()),
            "{ev:#?}"
        );
    }
}

#[test]
fn owner_of_an_unread_object_noun_is_the_recipient() {
    let b = DocBuilder::new("جمدت فرنسا أموال الرئيس السابق سامي الخوري.")
        .country(&["فرنسا"], "FRA")
        .entity(EntityType::PER, &["سامي الخوري"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::SANCTION);
    assert_eq!(texts(&d, &e.actor), vec!["فرنسا"]);
    assert!(
        texts(&d, &e.recipient)
            .iter()
            .any(|t| t.contains("سامي الخوري")),
        "{ev:#?}"
    );
}

#[test]
fn relative_pronoun_is_the_subject_not_the_noun_after_the_verb() {
    let b = DocBuilder::new("وأكد البيان أن القوة البحرية الأوروبية التي تجوب البحر الأحمر مستعدة.")
        .entity(EntityType::ORG, &["القوة البحرية الأوروبية"])
        .entity(EntityType::LOC, &["البحر الأحمر"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::MOBILIZE);
    assert_eq!(texts(&d, &e.actor), vec!["القوة البحرية الأوروبية"]);
    assert_eq!(texts(&d, &e.location), vec!["البحر الأحمر"]);
}

#[test]
fn announcing_authority_makes_the_arrest_it_announces() {
    let b = DocBuilder::new("وأعلنت الشرطة المغربية، الثلاثاء، اعتقال خمسة أشخاص في طنجة.")
        .entity(EntityType::LOC, &["طنجة"])
        .time("الثلاثاء", 0, DATE, "2015-03-10");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة المغربية"]);
}

#[test]
fn announced_arrest_by_someone_else_keeps_no_announcer_actor() {
    // A clause between the statement and the masdar breaks the link.
    let b = DocBuilder::new("وأعلنت الشرطة المغربية أن الجيش نفذ اعتقال خمسة أشخاص.");
    let (d, ev) = run(b);
    if let Some(e) = ev.iter().find(|e| e.etype == Plover::COERCE) {
        assert!(
            !texts(&d, &e.actor).contains(&"الشرطة المغربية".to_string()),
            "{ev:#?}"
        );
    }
}

#[test]
fn relative_clause_on_an_event_noun_takes_no_earlier_subject() {
    let b =
        DocBuilder::new("نشرت وكالة رويترز تقريرا. وتزايدت الهجمات التي تستهدف الشرطة الليبية.")
            .entity(EntityType::ORG, &["وكالة رويترز"])
            .entity(EntityType::ORG, &["الشرطة الليبية"]);
    let (d, ev) = run(b);
    for e in ev.iter().filter(|e| e.etype == Plover::ASSAULT) {
        assert!(
            !texts(&d, &e.actor).contains(&"وكالة رويترز".to_string()),
            "{ev:#?}"
        );
        assert!(
            !texts(&d, &e.actor).contains(&"الشرطة الليبية".to_string()),
            "{ev:#?}"
        );
    }
}

#[test]
fn shared_subject_reaches_across_a_bracketed_date() {
    let b = DocBuilder::new(
        "قال الناطق إن الشرطة دخلت الحي يوم الاثنين (3 مايو) واشتبكت مع عصابة مسلحة.",
    )
    .entity(EntityType::ORG, &["الشرطة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        texts(&d, &e.actor).contains(&"الشرطة".to_string()),
        "{ev:#?}"
    );
}

#[test]
fn casualty_partitive_names_the_victims_and_bare_counts_are_no_party() {
    // «مقتل 12 وإصابة 20 من المسلحين»: the counts go to size, «من X» is whose dead they are.
    let b = DocBuilder::new("أشار مسؤول محلي إلى مقتل 12 وإصابة 20 من المسلحين في القرية.")
        .qty("12", 12.0, "person")
        .qty("20", 20.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["المسلحين"], "{ev:#?}");
    assert_eq!(e.size.dead, Some(12.0));
    // A count alone is not a party: the role stays empty rather than «8».
    let b = DocBuilder::new("أسفر القصف عن مقتل 8 في السوق.").qty("8", 8.0, "person");
    let (d, ev) = run(b);
    assert!(
        ev.iter()
            .all(|e| texts(&d, &e.recipient).iter().all(|t| t != "8")),
        "{ev:#?}"
    );
}

#[test]
fn min_after_an_attack_noun_names_the_doer() {
    // «غارات مكثفة من التحالف»: «من» + a force after the noun and its adjectives is the actor.
    // «التحالف» is a descriptor even when no recogniser names it.
    let b = DocBuilder::new("تقدمت القوات العراقية مدعومة بغارات مكثفة من التحالف نحو المدينة.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["التحالف"], "{ev:#?}");
    // Not after a casualty noun, where «من» is partitive.
    let b = DocBuilder::new("أعلن المستشفى إصابة عشرة من المتظاهرين.").qty("عشرة", 10.0, "person");
    let (d, ev) = run(b);
    assert!(ev.iter().all(|e| texts(&d, &e.actor).is_empty()), "{ev:#?}");
}

#[test]
fn nationality_adjective_stands_for_the_country_named_in_the_document() {
    let b = DocBuilder::new("قالت فرنسا إن الغارات الفرنسية أصابت مخازن أسلحة.")
        .country(&["فرنسا"], "FRA");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الفرنسية"], "{ev:#?}");
    assert_eq!(e.actor[0].entity, Some(0));
    // No such country in the document: the adjective stays unlinked.
    let (d, ev) = run(DocBuilder::new("أصابت الغارات الفرنسية مخازن أسلحة."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الفرنسية"]);
    assert_eq!(e.actor[0].entity, None);
}

#[test]
fn coordinated_victims_of_an_unmarked_passive() {
    // «قتل شرطي وثلاثة مدنيين»: both are victims; neither killed the other.
    let b = DocBuilder::new("قتل شرطي وثلاثة مدنيين في انفجار عبوة ناسفة.").qty(
        "ثلاثة مدنيين",
        3.0,
        "civilian",
    );
    let (d, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert!(
        e.actor.is_empty(),
        "{:?} {:?}",
        texts(&d, &e.actor),
        texts(&d, &e.recipient)
    );
    let r = texts(&d, &e.recipient);
    assert!(r.iter().any(|t| t.contains("شرطي")), "{r:?}");
    assert!(r.iter().any(|t| t.contains("ثلاثة مدنيين")), "{r:?}");
    // The quantity layer may include the conjunction in its text.
    let b =
        DocBuilder::new("قتل جندي وخمسة مدنيين في قصف مدفعي.").qty("وخمسة مدنيين", 5.0, "civilian");
    let (d, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.recipient).len(), 2, "{ev:#?}");
}

#[test]
fn agreeing_party_answers_the_requester() {
    // «طلبت X دعم Y التي وافقت»: Y agreed to X's request.
    let b = DocBuilder::new("وطلبت الحكومة اليمنية دعم مصر التي وافقت على الفور.")
        .country(&["مصر"], "EGY");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::AGREE);
    assert_eq!(texts(&d, &e.actor), vec!["مصر"], "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["الحكومة اليمنية"], "{ev:#?}");
}

#[test]
fn min_after_a_count_is_partitive_never_the_doer() {
    // The explosion's clause runs on to «من أبطال الشرطة»: whose members were hurt, not who
    // set off the bomb.
    let b =
        DocBuilder::new("قال المتحدث إن الانفجار أسفر عن إصابة أربعة أفراد آخرين من أبطال الشرطة.")
            .qty("أربعة أفراد", 4.0, "person");
    let (d, ev) = run(b);
    for e in ev.iter().filter(|e| e.etype == Plover::ASSAULT) {
        assert!(
            texts(&d, &e.actor).iter().all(|t| !t.contains("الشرطة")),
            "{ev:#?}"
        );
    }
    assert!(
        ev.iter()
            .any(|e| texts(&d, &e.recipient).iter().any(|t| t.contains("الشرطة"))),
        "{ev:#?}"
    );
}

#[test]
fn quantified_or_predicate_nouns_are_no_events() {
    let (_, ev) = run(DocBuilder::new(
        "وقال الزعيم إن أي اعتداء على المتظاهرين السلميين هو اعتداء على الشعب كله.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("ودان الزعيم كل هجوم على المدنيين."));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    // A told attack still counts.
    let (_, ev) = run(DocBuilder::new("وقع اعتداء على المتظاهرين في الساحة."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn expulsion_is_a_sanction_only_for_envoys_and_residents() {
    let (_, ev) = run(DocBuilder::new("وطردت الحكومة السفير الإيراني من البلاد."));
    assert!(ev.iter().any(|e| e.etype == Plover::SANCTION), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new(
        "وطردت الاثنين المسلحين من آخر معاقلهم في الجنوب.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::SANCTION), "{ev:#?}");
}

#[test]
fn complementiser_pronoun_is_the_speaker_and_the_verb_stays_active() {
    // «يقول الجيش إنه قتل …»: the army killed; the count after the verb is its object.
    let b = DocBuilder::new("ويقول الجيش إنه قتل أكثر من مئتي مسلح في المنطقة.").qty(
        "أكثر من مئتي مسلح",
        200.0,
        "fighter",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الجيش"], "{ev:#?}");
    assert_eq!(
        texts(&d, &e.recipient),
        vec!["أكثر من مئتي مسلح"],
        "{ev:#?}"
    );
}

#[test]
fn possessive_on_a_light_verbs_noun_is_its_subject() {
    // «قالت المعارضة إنها كثفت قصفها على …»: the opposition shelled; «ها» is not the target.
    let b = DocBuilder::new("قالت المعارضة المسلحة في الجنوب إنها كثفت قصفها على مواقع الجيش.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["المعارضة المسلحة"], "{ev:#?}");
    assert!(texts(&d, &e.recipient).iter().all(|t| t != "ها"), "{ev:#?}");
}

#[test]
fn bi_wasita_names_the_agent_of_a_passive() {
    // «بواسطة X» after a passive is its agent, like «من قبل X».
    let b =
        DocBuilder::new("وأصيب ثلاثة جنود في انفجار عبوة ناسفة تم زرعها بواسطة مسلحين قرب الجسر.")
            .qty("ثلاثة جنود", 3.0, "soldier");
    let (d, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert!(
        texts(&d, &e.actor).iter().any(|t| t.contains("مسلحين")),
        "{ev:#?}"
    );
    assert!(texts(&d, &e.recipient)
        .iter()
        .all(|t| !t.contains("مسلحين")));
}

#[test]
fn place_of_the_report_is_not_the_place_of_the_event() {
    // The speaker's «في سوريا» stands before the complementiser; the shelling is in Daraa.
    let b = DocBuilder::new(
        "قالت المعارضة المسلحة في سوريا إنها كثفت قصفها على منطقة رئيسية لقوات الأسد بوسط درعا أمس.",
    )
    .country(&["سوريا"], "SYR")
    .entity(EntityType::LOC, &["درعا"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.location), vec!["درعا"], "{ev:#?}");
}

#[test]
fn owner_after_adjectives_or_coordinated_nouns_is_the_target() {
    let b = DocBuilder::new("كثف الجيش قصفه على منطقة رئيسية لقوات المعارضة قرب المدينة.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["قوات المعارضة"], "{ev:#?}");
    let b = DocBuilder::new("شنت الطائرات غارات على مواقع وتحصينات المسلحين شمال البلدة.");
    let (d, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert_eq!(texts(&d, &e.recipient), vec!["المسلحين"], "{ev:#?}");
}

#[test]
fn li_phrase_after_a_trigger_and_adjective_is_no_doer() {
    let b = DocBuilder::new("وجهت الشرطة ضربات استباقية للإرهابيين في الأحياء الشرقية.");
    let (d, ev) = run(b);
    for e in &ev {
        assert!(
            texts(&d, &e.actor).iter().all(|t| !t.contains("للإرهابيين")),
            "{ev:#?}"
        );
    }
}

#[test]
fn owner_of_the_targeted_object_is_no_actor() {
    let b = DocBuilder::new("قتل شخصان مع وقوع عملية انتحارية استهدفت مركزا للشرطة وأوقعت قتيلين.");
    let (d, ev) = run(b);
    for e in &ev {
        assert!(
            texts(&d, &e.actor).iter().all(|t| !t.contains("للشرطة")),
            "{ev:#?}"
        );
    }
}

#[test]
fn resumptive_light_verb_after_an_event_noun_names_the_doer() {
    let b = DocBuilder::new("قتل ثلاثة جنود في تفجير انتحاري نفذه مسلحون قرب الحدود.").qty(
        "ثلاثة جنود",
        3.0,
        "soldier",
    );
    let (d, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert_eq!(texts(&d, &e.actor), vec!["مسلحون"], "{ev:#?}");
    let (d, ev) = run(DocBuilder::new(
        "تعرضت القرية لهجوم شنه مقاتلون قبليون فجرا.",
    ));
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        texts(&d, &e.actor).iter().any(|t| t.contains("مقاتلون")),
        "{ev:#?}"
    );
}

#[test]
fn light_verb_subject_before_a_recapture_purpose() {
    let b = DocBuilder::new(
        "وأطلقت قوات الأمن والجماعات المسلحة المتحالفة معها في أبريل عملية عسكرية في محافظة الأنبار لاستعادتها من أيدي داعش.",
    )
    .entity(EntityType::ORG, &["داعش"])
    .entity(EntityType::LOC, &["محافظة الأنبار"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(
        texts(&d, &e.actor).iter().any(|t| t.contains("قوات الأمن")),
        "{ev:#?}"
    );
    assert!(
        texts(&d, &e.actor).iter().all(|t| !t.contains("داعش")),
        "{ev:#?}"
    );
}

#[test]
fn unknown_definite_word_after_the_verb_is_its_subject() {
    // No layer knows «البارزاني»; the party after it is the one called on.
    let b = DocBuilder::new("ودعا البارزاني حزب العمال للانسحاب من المنطقة.")
        .entity(EntityType::ORG, &["حزب العمال"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.actor), vec!["البارزاني"], "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["حزب العمال"], "{ev:#?}");
}

#[test]
fn fall_into_the_hands_of_names_the_captor() {
    let b =
        DocBuilder::new("وتسعى الحكومة لاستعادة المدينة بعد سقوطها في يد مسلحين في مايو الماضي.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["مسلحين"], "{ev:#?}");
    // A fall with no hands is no seizure («سقوط الأمطار»).
    let (_, ev) = run(DocBuilder::new("أدى سقوط الأمطار إلى إغلاق الطرق."));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn leaders_fleeing_is_a_retreat() {
    let b = DocBuilder::new("وأكد المتحدث هرب قادة التنظيم من المدينة إلى الحدود.");
    let (_, ev) = run(b);
    assert!(ev.iter().any(|e| e.etype == Plover::RETREAT), "{ev:#?}");
}

#[test]
fn a_number_of_leaders_is_the_subject_not_the_speaker() {
    // «مؤكدا هرب عدد من قادة التنظيم»: the leaders fled; the speaker did not.
    let b = DocBuilder::new("وقال المحافظ سمير علي مؤكدا هرب عدد من قادة التنظيم من المدينة.")
        .entity(EntityType::PER, &["سمير علي"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::RETREAT);
    assert!(
        texts(&d, &e.actor).iter().all(|t| !t.contains("سمير")),
        "{ev:#?}"
    );
    assert!(
        texts(&d, &e.actor)
            .iter()
            .any(|t| t.contains("قادة التنظيم")),
        "{ev:#?}"
    );
}

#[test]
fn origin_and_destination_of_a_movement_are_places() {
    let b = DocBuilder::new("وفر قادة التنظيم من الفلوجة إلى سورية.")
        .entity(EntityType::LOC, &["الفلوجة"])
        .country(&["سورية"], "SYR");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::RETREAT);
    assert_eq!(texts(&d, &e.location), vec!["الفلوجة", "سورية"], "{ev:#?}");
}

#[test]
fn worshippers_are_the_targets_of_an_attack() {
    let b = DocBuilder::new("وأعلن التنظيم مسؤوليته عن استهداف المصلين في مسجد البلدة.");
    let (d, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert_eq!(texts(&d, &e.recipient), vec!["المصلين"], "{ev:#?}");
}

#[test]
fn listed_acts_share_the_doer_of_the_list() {
    // Events as the coder leaves them for «نفذ التنظيم عمليات شملت استهداف المصلين …،
    // وإطلاق النار على دورية …»: the second act names a target of its own but no doer.
    let arg = |s: usize, e: Option<usize>| Arg {
        entity: e,
        span: Span::new(s, s + 4),
    };
    let ev = |start: usize, actor: Vec<Arg>, rcp: Vec<Arg>| Event {
        etype: Plover::ASSAULT,
        mode: None,
        sentence: 0,
        trigger: Span::new(start, start + 4),
        actor,
        recipient: rcp,
        location: Vec::new(),
        date: None,
        size: Size::default(),
        attribution: Attribution::default(),
        disputed_by: Vec::new(),
        confidence: 0.5,
    };
    let mut events = vec![
        ev(10, vec![arg(0, Some(0))], vec![arg(20, None)]),
        ev(40, Vec::new(), vec![arg(50, None)]),
        // In another sentence nothing is shared.
        Event {
            sentence: 1,
            ..ev(90, Vec::new(), vec![arg(95, None)])
        },
        // The doer cannot be its own target.
        ev(60, Vec::new(), vec![arg(70, Some(0))]),
    ];
    share_list_doer(&mut events);
    assert_eq!(events[1].actor.len(), 1);
    assert_eq!(events[1].actor[0].entity, Some(0));
    assert!(events[2].actor.is_empty());
    assert!(events[3].actor.is_empty());
}

#[test]
fn supplying_information_is_cooperation() {
    let b = DocBuilder::new("وذكرت المصادر أن الأردن زودت العراق بمعلومات مهمة حول الخلايا.")
        .country(&["الأردن"], "JOR")
        .country(&["العراق"], "IRQ");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COOPERATE);
    assert_eq!(texts(&d, &e.actor), vec!["الأردن"], "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["العراق"], "{ev:#?}");
    assert!(ev.iter().all(|e| e.etype != Plover::AID), "{ev:#?}");
}

#[test]
fn after_a_complementiser_the_noun_before_the_verb_is_the_subject() {
    let b = DocBuilder::new("وأكدت المصادر أن الشرطة اعتقلت المسلحين في الحي.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة"], "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["المسلحين"], "{ev:#?}");
}

#[test]
fn each_event_takes_the_nearest_date_of_its_sentence() {
    // Two dates in one long sentence: every event is dated by the nearer one, the earlier
    // on a tie (the dating is a binary search over the document's dated tokens).
    let text = "قتل جندي أمس وقتل جندي وقتل جندي وقتل جندي وقتل جندي اليوم وقتل جندي.";
    let b = DocBuilder::new(text)
        .time("أمس", 0, DATE, "2015-08-04")
        .time("اليوم", 0, DATE, "2015-08-05");
    let (d, ev) = run(b);
    let dates: Vec<(String, String)> = ev
        .iter()
        .map(|e| {
            let at = d.slice(e.trigger).to_string();
            let date = e.date.as_ref().map(|x| x.value.clone()).unwrap_or_default();
            (at, date)
        })
        .collect();
    assert_eq!(dates.len(), 6, "{dates:?}");
    let values: Vec<&str> = dates.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(
        values,
        vec![
            "2015-08-04",
            "2015-08-04",
            "2015-08-04",
            "2015-08-05",
            "2015-08-05",
            "2015-08-05"
        ],
        "{dates:?}"
    );
}

#[test]
fn the_time_of_the_report_does_not_date_the_event() {
    let b = DocBuilder::new(
        "وأعلن مكتب المحافظ أمس أن جنديين قتلا وأصيب ثلاثة في تفجير نفذه مسلحون خلال ليل أول من أمس.",
    )
    .time("أمس", 0, DATE, "2015-08-02")
    .time("ليل أول من أمس", 0, DATE, "2015-08-01");
    let (_, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert_eq!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("2015-08-01"),
        "{ev:#?}"
    );
}

#[test]
fn a_time_only_of_the_report_dates_the_event_as_a_bound() {
    // «أمس» dates the officials' statement: the clashes happened then or before.
    let b = DocBuilder::new("قال مسؤولون أمس إن العشرات سقطوا قتلى في اشتباكات بين قبيلتين.").time(
        "أمس",
        0,
        DATE,
        "2015-07-21",
    );
    let (_, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    let date = e.date.as_ref().expect("a date");
    assert!(
        date.value == "2015-07-21" && !date.inferred && date.reported,
        "{date:?}"
    );
    // A time of the event's own clause is its date.
    let b = DocBuilder::new("قال مسؤولون إن العشرات سقطوا قتلى أمس في اشتباكات بين قبيلتين.").time(
        "أمس",
        0,
        DATE,
        "2015-07-21",
    );
    let (_, ev) = run(b);
    let date = only(&ev, Plover::ASSAULT).date.clone().expect("a date");
    assert!(!date.reported, "{date:?}");
}

#[test]
fn a_time_of_a_trailing_report_clause_dates_the_report() {
    // «، كما أعلنت الحكومة مساء الأحد» reports the ambush: the ambush was then or before.
    for tail in [
        "، كما أعلنت الحكومة مساء الأحد.",
        "، قالت الحكومة مساء الأحد.",
    ] {
        let text = format!("قتل جنديان وأصيب أربعة آخرون في كمين نصبه مسلحون قرب الحدود{tail}");
        let b = DocBuilder::new(&text).time("مساء الأحد", 0, DATE, "2015-08-02TEV");
        let (_, ev) = run(b);
        let date = only(&ev, Plover::ASSAULT).date.clone().expect("a date");
        assert!(
            date.value == "2015-08-02TEV" && date.reported,
            "{tail}: {date:?}"
        );
    }
    // A time of the event's clause before the report clause is the event's.
    let b = DocBuilder::new("قتل جنديان في كمين مساء السبت، كما أعلنت الحكومة الأحد.")
        .time("مساء السبت", 0, DATE, "2015-08-01TEV")
        .time("الأحد", 0, DATE, "2015-08-02");
    let (_, ev) = run(b);
    let date = only(&ev, Plover::ASSAULT).date.clone().expect("a date");
    assert!(date.value == "2015-08-01TEV" && !date.reported, "{date:?}");
}

#[test]
fn a_time_between_an_announcement_and_its_event_dates_the_announcement() {
    // «أعلنت الوزارة الأحد مقتل …»: Sunday is when the ministry spoke; the soldiers were
    // killed on Friday evening, told after the event with no comma between.
    let b = DocBuilder::new(
        "أعلنت الوزارة الأحد مقتل تسعة جنود إثر تعرضهم لإطلاق نار من «مجموعة إرهابية» مساء الجمعة.",
    )
    .time("الأحد", 0, DATE, "2015-07-19")
    .time("مساء الجمعة", 0, DATE, "2015-07-17TEV");
    let (_, ev) = run(b);
    let date = only(&ev, Plover::ASSAULT).date.clone().expect("a date");
    assert!(date.value == "2015-07-17TEV" && !date.reported, "{date:?}");
    // With no such time, the announcement's time stands, as a bound.
    let b = DocBuilder::new(
        "أعلنت الوزارة الأحد مقتل تسعة جنود في هجوم، وتعهدت بملاحقة المهاجمين يوم الجمعة.",
    )
    .time("الأحد", 0, DATE, "2015-07-19")
    .time("يوم الجمعة", 0, DATE, "2015-07-24");
    let (_, ev) = run(b);
    let date = only(&ev, Plover::ASSAULT).date.clone().expect("a date");
    assert!(date.value == "2015-07-19" && date.reported, "{date:?}");
}

#[test]
fn a_reference_to_now_or_the_past_is_no_event_date() {
    // PRESENT_REF and PAST_REF begin with a P like durations; neither is a calendar date.
    let b = DocBuilder::new("رفضت إيران الآن المطالب الأمريكية.")
        .time("الآن", 0, DATE, "PRESENT_REF")
        .published("2015-07-21");
    let (_, ev) = run(b);
    let date = only(&ev, Plover::REJECT).date.clone().expect("a date");
    assert!(date.value == "2015-07-21" && date.inferred, "{date:?}");
}

#[test]
fn in_the_face_of_is_no_confrontation() {
    // «في مواجهة» is a preposition (in the face of, against); a confrontation that
    // breaks out and clashes in the plural are events.
    let (_, ev) = run(DocBuilder::new(
        "وينشر الاتحاد الإفريقي آلاف الجنود لمساعدة الحكومة في مواجهة حركة الشباب.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    for text in [
        "واندلعت مواجهة مسلحة بين الجيش والمسلحين.",
        "وقتل خمسة جنود في مواجهات مع المسلحين.",
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter()
                .any(|e| e.etype == Plover::ASSAULT && d.slice(e.trigger).contains("مواجه")),
            "{text}: {ev:#?}"
        );
    }
}

#[test]
fn a_copula_sentence_after_the_event_gives_its_date() {
    let b = DocBuilder::new(
        "ونفذت قواتها غارة على معسكر للمسلحين. وكانت بتاريخ 3 مارس 2012 قرب الحدود.",
    )
    .time("3 مارس 2012", 0, DATE, "2012-03-03")
    .published("2014-06-12");
    let (_, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("2012-03-03"),
        "{ev:#?}"
    );
    // Any other next sentence does not.
    let b = DocBuilder::new(
        "ونفذت قواتها غارة على معسكر للمسلحين. وفي 3 مارس 2012 زار الوزير المدينة.",
    )
    .time("3 مارس 2012", 0, DATE, "2012-03-03")
    .published("2014-06-12");
    let (_, ev) = run(b);
    let e = ev
        .iter()
        .find(|e| e.etype == Plover::ASSAULT)
        .expect("an assault");
    assert_eq!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("2014-06-12"),
        "{ev:#?}"
    );
}

#[test]
fn a_verb_with_a_pronoun_is_no_leaders_noun() {
    // «بدعم قاده قطاع العقارات»: support that the sector led — nobody named «قادة».
    let (d, ev) = run(DocBuilder::new(
        "ارتفعت البورصة أمس بدعم قاده قطاع العقارات.",
    ));
    for e in &ev {
        assert!(
            texts(&d, &e.recipient).iter().all(|t| t != "قاده"),
            "{ev:#?}"
        );
        assert!(texts(&d, &e.actor).iter().all(|t| t != "قاده"), "{ev:#?}");
    }
}

#[test]
fn body_name_nouns_are_no_events() {
    // «وحدة الدعم», «لجنة التحقيق»: the field of a body, not an act.
    let (_, ev) = run(DocBuilder::new("قدمت وحدة الدعم النفسي خدماتها للاجئين."));
    assert!(ev.iter().all(|e| e.etype != Plover::SUPPORT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("قالت لجنة التحقيق إن التقرير جاهز."));
    assert!(ev.iter().all(|e| e.etype != Plover::ACCUSE), "{ev:#?}");
    // Without a body head the masdar is still the event.
    let (_, ev) = run(DocBuilder::new("أعلنت الحكومة الدعم الكامل للجيش."));
    assert!(ev.iter().any(|e| e.etype == Plover::SUPPORT), "{ev:#?}");
}

#[test]
fn counted_words_are_no_verbs() {
    // «40 طالبا» is forty students, not «طالب» (demanded).
    let (_, ev) = run(DocBuilder::new("شارك في الدورة 40 طالبا من المدارس."));
    assert!(ev.iter().all(|e| e.etype != Plover::REQUEST), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("طالب المتظاهرون بإقالة الوزير."));
    assert!(ev.iter().any(|e| e.etype == Plover::REQUEST), "{ev:#?}");
}

#[test]
fn sports_attacks_are_no_assaults() {
    let (_, ev) = run(DocBuilder::new(
        "قال مدرب المنتخب إن الهجوم كان ضعيفا في المباراة أمام الجزائر.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("قتل ثلاثة جنود في هجوم على حاجز للجيش."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn declines_are_no_concessions() {
    let (_, ev) = run(DocBuilder::new("وتراجع مستوى الخدمات العامة في المدينة."));
    assert!(ev.iter().all(|e| e.etype != Plover::CONCEDE), "{ev:#?}");
}

#[test]
fn terrorist_acts_as_a_class_are_no_events() {
    // The class of acts in commentary.
    let (_, ev) = run(DocBuilder::new(
        "وقال الوزير إن الجيش يواجه الهجمات الإرهابية بحزم.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    // A relative clause makes them specific acts; so does a demonstrative.
    let (_, ev) = run(DocBuilder::new(
        "وقال الوزير إن الهجمات الإرهابية التي استهدفت الجيش أمس فشلت.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new(
        "وقال الوزير إن الجيش يواجه هذه الهجمات الإرهابية بحزم.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn acts_that_keep_happening_are_a_series_not_one_event() {
    for text in [
        "ودعا الرئيس إلى مراجعة العلاقات في ظل الاعتداءات المتواصلة ضد الشعب.",
        "وقال الوزير إن هذه التوغلات المتكررة انتهاك للسيادة.",
        "وحذرت السفارة رعاياها من هجمات متزايدة في العاصمة.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::ASSAULT),
            "{text}: {ev:#?}"
        );
    }
    // A count numbers acts that each happened.
    let (_, ev) = run(DocBuilder::new(
        "وقتل عشرة جنود في ثلاث هجمات متتالية على مواقع الجيش.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
    // An indefinite adjective after a definite noun is a predicate: the talks go on.
    let (_, ev) = run(DocBuilder::new(
        "وقال المتحدث إن المحادثات مستمرة مع الحكومة.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::CONSULT), "{ev:#?}");
}

#[test]
fn sports_meetings_and_market_demand_are_no_events() {
    let (_, ev) = run(DocBuilder::new("ويلتقي الفريق في المباراة الأولى مع الأهلي."));
    assert!(ev.iter().all(|e| e.etype != Plover::CONSULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("ويلتقي الوزير مع نظيره الأردني في عمان."));
    assert!(ev.iter().any(|e| e.etype == Plover::CONSULT), "{ev:#?}");
    // «الطلب» on a market is demand, not a request.
    let (_, ev) = run(DocBuilder::new("وتشير التوقعات إلى نمو الطلب على النفط."));
    assert!(ev.iter().all(|e| e.etype != Plover::REQUEST), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("وجاء التدخل بناء على طلب الرئيس اليمني."));
    assert!(ev.iter().any(|e| e.etype == Plover::REQUEST), "{ev:#?}");
    // «يتصل بشبكة طرق»: connects, not a phone call.
    let (_, ev) = run(DocBuilder::new("ويتصل المشروع بشبكة من الطرق الرئيسة."));
    assert!(ev.iter().all(|e| e.etype != Plover::CONSULT), "{ev:#?}");
}

#[test]
fn accident_deaths_are_no_assaults() {
    let (_, ev) = run(DocBuilder::new("مقتل 11 شخصا في تدافع بمعبد شرق الهند."));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new(
        "لقي ثلاثة أشخاص مصرعهم في حادث مروري قرب المدينة.",
    ));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("مقتل 11 شخصا في هجوم على معبد شرق الهند."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn kinds_of_acts_and_figurative_blasts_are_no_events() {
    // «سياسة القمع»: a policy named, not one act.
    let (_, ev) = run(DocBuilder::new(
        "وقال إن النظام ينتهج سياسة القمع والقتل بحق المعارضين.",
    ));
    assert!(
        ev.iter()
            .all(|e| e.etype != Plover::ASSAULT && e.etype != Plover::COERCE),
        "{ev:#?}"
    );
    let (_, ev) = run(DocBuilder::new("وأدى ذلك إلى تفجير العنف في البلاد."));
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("وأدى ذلك إلى تفجير السيارة في البلاد."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn a_sports_report_has_no_political_events() {
    let (_, ev) = run(DocBuilder::new(
        "وافق النادي على تمديد عقد المدرب. وقال المدرب إن اللاعب سيغيب عن المباراة المقبلة في الدوري بعد أن استقال مساعده. والتقى الفريق في الملعب.",
    ));
    assert!(ev.is_empty(), "{ev:#?}");
    // One match named in a war report leaves its events.
    let (_, ev) = run(DocBuilder::new(
        "قتل ثلاثة جنود في هجوم على حاجز للجيش قرب الملعب، وقصفت الطائرات مواقع المسلحين.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn an_arts_report_has_no_political_events() {
    // A television drama's plot and cast: the characters' quarrels and a director's
    // praise are no PLOVER events.
    let (_, ev) = run(DocBuilder::new(
        "قالت الممثلة إن شخصيتها في المسلسل تتهم زوجها بالخيانة. وأشاد المخرج بأداء الفنان في الحلقة الأخيرة، ورفض الممثل التعليق على الفيلم.",
    ));
    assert!(ev.is_empty(), "{ev:#?}");
    // A film named in a war report leaves its events.
    let (_, ev) = run(DocBuilder::new(
        "قتل ثلاثة جنود في هجوم على حاجز للجيش قرب دار السينما، وقصفت الطائرات مواقع المسلحين.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn an_attack_on_a_stadium_is_an_assault() {
    let (_, ev) = run(DocBuilder::new(
        "قتل خمسة أشخاص في هجوم انتحاري على الملعب البلدي في المدينة.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn habitual_relative_clauses_are_no_events() {
    // What a party habitually or currently does, said of it in a relative clause.
    for text in [
        "وقال المتحدث إن الميليشيات التي تحاصر المدينة رفضت الهدنة.",
        "وتضاعفت الهجمات التي تستهدف القوات المسلحة منذ عامين.",
        "وقال إن القوات التي تدعمها السعودية تقدمت نحو عدن.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter()
                .all(|e| !matches!(e.etype, Plover::ASSAULT | Plover::SUPPORT)),
            "{text}: {ev:#?}"
        );
    }
    // A perfect verb in the relative clause reports an act; so does a main-clause verb.
    let (_, ev) = run(DocBuilder::new(
        "وقال المتحدث إن الميليشيات التي حاصرت المدينة أمس انسحبت.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new(
        "وقال المتحدث إن الهجمات التي استهدفت القوات أمس فشلت.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("وتحاصر الميليشيات المدينة منذ أسبوع."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn an_imperfect_after_haythu_sets_the_scene() {
    // «حيث» + imperfect says what goes on in a place, not an act the article reports.
    for text in [
        "وقتل عشرة جنود في ولاية لوغار حيث ينتشر المتمردون.",
        "ويبرز القتال الفوضى في البلاد حيث تدعم جماعات مسلحة حكومتين.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter()
                .all(|e| !matches!(e.etype, Plover::MOBILIZE | Plover::SUPPORT)),
            "{text}: {ev:#?}"
        );
    }
    // The perfect after «حيث» reports an act; a future is a plan, kept as hypothetical.
    let (_, ev) = run(DocBuilder::new(
        "وكان رمضان دمويا في البلاد حيث استهدف انتحاريون عددا من المساجد.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new(
        "وقال الوزير إنه سيتوجه إلى طهران حيث سيلتقي الرئيس الإيراني.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::CONSULT), "{ev:#?}");
}

#[test]
fn a_clause_after_an_indefinite_noun_describes_it() {
    // No relative pronoun after an indefinite head: the clause still describes it.
    for text in [
        "وقال إن التنظيم يقود حربا لصالح دول تستهدف السعودية.",
        "وألقت الشرطة القبض على خلايا تستهدف أمن البلدين.",
        "وحذر الوزير من جماعات تهاجم المدنيين.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::ASSAULT),
            "{text}: {ev:#?}"
        );
    }
    // A pronoun on the verb taking up an indefinite party noun makes the clause that
    // noun's, wherever the noun stands.
    for text in [
        "وسبق أن سحقت الجبهة مقاتلين تدعمهم الولايات المتحدة في سوريا.",
        "وقال سكان إن مقاتلين يمنيين تدعمهم الضربات الجوية يحاصرون المدينة.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::SUPPORT),
            "{text}: {ev:#?}"
        );
    }
    // An indefinite subject of a main clause (a headline) still reports an act; so does
    // a verb with a pronoun after a word that is no party («وهو ما يعارضه المؤتمر»).
    let (_, ev) = run(DocBuilder::new("مسلحون يهاجمون قرية في شمال البلاد."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
    let (_, ev) = run(DocBuilder::new("وهو ما يعارضه المؤتمر الوطني العام."));
    assert!(ev.iter().any(|e| e.etype == Plover::REJECT), "{ev:#?}");
    // After a name the verb is the clause's own: «… جندي أميركي في بغداد يساعدون …».
    let (_, ev) = run(DocBuilder::new(
        "ويذكر أن ثلاثة آلاف جندي أميركي في العراق يساعدون العراقيين.",
    )
    .entity(EntityType::LOC, &["العراق"]));
    assert!(ev.iter().any(|e| e.etype == Plover::AID), "{ev:#?}");
}

#[test]
fn an_operation_named_by_its_masdar_is_one_event_of_that_kind() {
    let (_, ev) = run(DocBuilder::new(
        "ونفذ الجيش اللبناني عمليات دهم في منطقة البقاع.",
    ));
    assert!(ev.iter().any(|e| e.etype == Plover::COERCE), "{ev:#?}");
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    // An operation with no masdar after it is still an attack.
    let (_, ev) = run(DocBuilder::new("ونفذ الجيش عملية عسكرية في منطقة البقاع."));
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn an_accusative_form_never_carries_the_article() {
    // «والدهما» is «والد» + «هما» (their father), not «و + ال + دهما» (a raid).
    let (d, ev) = run(DocBuilder::new(
        "وأنهت الانتفاضة حكم والدهما معمر القذافي الذي ألقى مسلحون القبض عليه وقتلوه.",
    ));
    assert!(
        ev.iter().all(|e| d.slice(e.trigger) != "والدهما"),
        "{ev:#?}"
    );
    // The indefinite accusative itself is still a trigger.
    let (d, ev) = run(DocBuilder::new("ونفذت قوات الأمن دهما واسعا في البقاع."));
    assert!(ev.iter().any(|e| d.slice(e.trigger) == "دهما"), "{ev:#?}");
}

#[test]
fn adjective_descriptor_after_a_plain_noun_is_no_party() {
    // «عسكري», «مدني», «مسلح», «إرهابي»: adjectives of the noun before them, in either
    // definiteness, not soldiers, civilians or gunmen.
    for text in [
        "قتل ثلاثة جنود في هجوم على حاجز عسكري في مدينة العريش.",
        "هاجم المسلحون الحاجز العسكري في سيناء.",
        "قصفت الطائرات مستشفى مدنيا في المدينة.",
        "أصيب خمسة أشخاص في هجوم مسلح على حاجز أمني.",
        "قتل عشرة أشخاص في هجوم إرهابي على مبنى حكومي.",
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        let e = only(&ev, Plover::ASSAULT);
        for t in texts(&d, &e.actor)
            .iter()
            .chain(texts(&d, &e.recipient).iter())
        {
            assert!(
                !["عسكري", "العسكري", "مدنيا", "مسلح", "إرهابي"].contains(&t.as_str()),
                "{text}: {ev:#?}"
            );
        }
    }
}

#[test]
fn adjective_descriptor_stays_a_person_after_a_verb_or_victim_noun() {
    let (d, ev) = run(DocBuilder::new("قتل عسكري في انفجار عبوة ناسفة."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["عسكري"], "{ev:#?}");
    let (d, ev) = run(DocBuilder::new("أدان الوزير مقتل مدني برصاص قناص."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["مدني"], "{ev:#?}");
}

#[test]
fn sound_plural_keeping_its_nun_takes_no_genitive() {
    // «مسلحون الحاجز» is two phrases (in construct it would be «مسلحو الحاجز»).
    let (d, ev) = run(DocBuilder::new("هاجم مسلحون الحاجز في سيناء."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["مسلحون"], "{ev:#?}");
}

#[test]
fn event_noun_subject_leaves_the_object_to_the_verb() {
    // The strikes did the targeting; the positions' owner is the party hit, not the doer.
    let b = DocBuilder::new("استهدفت غارات جوية مواقع داعش في الرقة.")
        .entity(EntityType::ORG, &["داعش"])
        .entity(EntityType::LOC, &["الرقة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(texts(&d, &e.actor).is_empty(), "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["داعش"], "{ev:#?}");
    // The event noun's own doer stays its actor.
    let b = DocBuilder::new("قتلت غارة جوية إسرائيلية خمسة مدنيين في غزة.")
        .entity(EntityType::LOC, &["غزة"])
        .qty("خمسة مدنيين", 5.0, "civilian");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["خمسة مدنيين"], "{ev:#?}");
}

#[test]
fn owner_with_li_after_an_adjective_of_the_object() {
    let b = DocBuilder::new("هاجمت مجموعة مسلحة موقعا عسكريا للمتمردين شمال البلاد.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["للمتمردين"], "{ev:#?}");
}

#[test]
fn first_person_verb_is_the_quoted_speaker_not_the_last_name() {
    // «we» is the speaker named by the reporting verb, not the last person mentioned.
    let b = DocBuilder::new(
        "وقال الأحمدي في تصريحات للصحيفة عن الرئيس أوباما: ندعو كل الأطراف إلى الحوار.",
    )
    .entity(EntityType::PER, &["الأحمدي", "أوباما"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.actor), vec!["الأحمدي"], "{ev:#?}");
    // With no overt speaker nobody is guessed.
    let b = DocBuilder::new("دافع الرئيس أوباما عن الاتفاق. وقال: وقعنا على اتفاق تاريخي مع إيران.")
        .entity(EntityType::PER, &["أوباما"])
        .entity(EntityType::LOC, &["إيران"]);
    let (d, ev) = run(b);
    for e in ev.iter().filter(|e| d.slice(e.trigger) == "وقعنا") {
        assert!(texts(&d, &e.actor).iter().all(|t| t != "أوباما"), "{ev:#?}");
    }
}

#[test]
fn count_after_a_conjoined_word_is_no_genitive_of_the_trigger() {
    // «واختفى 15 آخرون» is a clause of its own, not the doer of the reinforcements.
    let b = DocBuilder::new("أرسلت الحكومة تعزيزات واختفى 15 آخرون منذ ذلك الحين.").qty(
        "15 آخرون",
        15.0,
        "person",
    );
    let (d, ev) = run(b);
    for e in &ev {
        assert!(
            texts(&d, &e.actor).iter().all(|t| !t.contains("آخرون")),
            "{ev:#?}"
        );
    }
}

#[test]
fn object_of_a_verb_and_its_bi_masdar_is_no_subject() {
    // «أمر باعتقال X»: X is to be arrested; the one who ordered is not after the phrase.
    let b = DocBuilder::new("وصدر أمر باعتقال 275 متهما بالانتماء لتلك المنظمات.").qty(
        "275 متهما",
        275.0,
        "suspect",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::REQUEST);
    assert!(texts(&d, &e.actor).is_empty(), "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["275 متهما"], "{ev:#?}");
}

#[test]
fn arrest_verb_with_only_a_person_before_it_is_passive() {
    // Unvocalised «اعتقل» is also «اُعتقل»: with no object and a person before it, the
    // person was arrested.
    let b = DocBuilder::new("وكان الرجل قد اعتقل بعد أحداث السفارة.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.recipient), vec!["الرجل"]);
    // A force before it does the arresting.
    let b = DocBuilder::new("وقال المتحدث إن الشرطة اعتقلت أمس في المدينة.").time(
        "أمس",
        0,
        DATE,
        "2015-08-04",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة"]);
    assert!(e.recipient.is_empty());
}

#[test]
fn unread_words_after_a_reported_complementiser_are_the_subject() {
    let b = DocBuilder::new("قال الجهاز في بيان إن خليل حزران اعتقل في المطار.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.recipient), vec!["خليل حزران"]);
    let b = DocBuilder::new("وأوضح المصراتي أن بلمختار رفض العرض.");
    let (d, ev) = run(b);
    assert_eq!(texts(&d, &only(&ev, Plover::REJECT).actor), vec!["بلمختار"]);
    // A person descriptor may stand before the name.
    let b =
        DocBuilder::new("وأعلن الجهاز، بعد رفع قرار بحظر النشر، أن المشتبه به خليل حزران اعتقل.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.recipient), vec!["المشتبه به خليل حزران"]);
    // Not in a quotation, nor after «لأن», nor without a reporting verb.
    for t in [
        "وقالت: «كان الحكم عادلا لأن كل الأدلة تدعم موقفي».",
        "ويبدو أن مركبة قد دهستها.",
    ] {
        let (d, ev) = run(DocBuilder::new(t));
        for e in &ev {
            assert!(e.actor.is_empty(), "{t}: {:?}", texts(&d, &e.actor));
        }
    }
}

#[test]
fn suspect_keeps_its_preposition_and_pronoun() {
    let b = DocBuilder::new("وأضاف أن المشتبه به اعتقل في المطار.");
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::COERCE).recipient),
        vec!["المشتبه به"]
    );
}

#[test]
fn times_and_a_parenthesis_do_not_count_in_an_idiom_gap() {
    let b = DocBuilder::new("وجهت السلطات الإسرائيلية اليوم (الأحد) اتهامات إلى الرجل.").time(
        "اليوم",
        0,
        DATE,
        "2015-08-02",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["السلطات الإسرائيلية"]);
}

#[test]
fn casualties_among_a_side_are_the_side_hit() {
    let b = DocBuilder::new("وأسفر الهجوم عن سقوط قتلى وجرحى بين عناصر الميليشيات.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.recipient), vec!["الميليشيات"]);
}

#[test]
fn manage_to_lends_its_subject_even_across_a_long_subject() {
    let b = DocBuilder::new("تمكن حرس الحدود الليبي أول من أمس من توقيف ثلاثة أشخاص.")
        .entity(EntityType::ORG, &["حرس الحدود الليبي"])
        .time("أول من أمس", 0, DATE, "2015-08-01")
        .qty("ثلاثة أشخاص", 3.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["حرس الحدود الليبي"]);
    assert_eq!(texts(&d, &e.recipient), vec!["ثلاثة أشخاص"]);
    let b = DocBuilder::new("ونجحت القوات العراقية في تحرير البلدة من المسلحين.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["القوات العراقية"]);
    // Liberating a place from someone acts on them.
    assert_eq!(texts(&d, &e.recipient), vec!["المسلحين"]);
}

#[test]
fn a_light_verb_joined_by_wa_shares_the_previous_subject() {
    let b = DocBuilder::new("وهاجمت القوات المسلحين في المدينة وتمكنت من اعتقال ثلاثة أشخاص.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["القوات"]);
}

#[test]
fn open_fire_idiom_takes_the_plural_noun() {
    let b = DocBuilder::new("وفتحت قوات النظام نيران رشاشاتها على المتظاهرين.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["قوات النظام"]);
    assert_eq!(texts(&d, &e.recipient), vec!["المتظاهرين"]);
}

#[test]
fn killed_and_wounded_verbs_of_one_sentence_are_one_event() {
    let b = DocBuilder::new("قتل ثلاثة جنود وجرح تسعة آخرون في تفجير سيارة مفخخة عند نقطة تفتيش.")
        .qty("ثلاثة جنود", 3.0, "soldier")
        .qty("تسعة آخرون", 9.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(e.size.dead, Some(3.0));
    assert_eq!(e.size.injured, Some(9.0));
    assert!(texts(&d, &e.recipient).contains(&"ثلاثة جنود".to_string()));
}

#[test]
fn an_event_noun_opening_the_clause_is_the_subject_and_duals_are_events() {
    // «التفجيرين» (dual) is the subject: «مقاتلين» after the verb is the side hit.
    let b = DocBuilder::new("وقالت الشرطة إن التفجيرين استهدفا مقاتلين في فصائل مسلحة.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.recipient), vec!["مقاتلين"]);
    // A bare noun before the verb is no event: the phrase after the verb stays its subject.
    let b = DocBuilder::new("وقالت الشرطة إن المسلحين استهدفوا دورية.");
    let (_, ev) = run(b);
    assert!(ev
        .iter()
        .all(|e| e.etype != Plover::ASSAULT || e.recipient.len() <= 1));
}

#[test]
fn what_follows_a_temporal_connective_is_another_event() {
    // The arguments of «هجوم» stop at «بعد»; the casualties after it are an event of their
    // own, not this attack's consequence.
    let b = DocBuilder::new("ويأتي هجوم أمس بعد أيام على مقتل سبعة جنود في شمال سيناء.").qty(
        "سبعة جنود",
        7.0,
        "soldier",
    );
    let (d, ev) = run(b);
    let attacks: Vec<&Event> = ev.iter().filter(|e| e.etype == Plover::ASSAULT).collect();
    assert_eq!(attacks.len(), 2, "{ev:#?}");
    assert!(
        attacks[0].recipient.is_empty(),
        "{:?}",
        texts(&d, &attacks[0].recipient)
    );
    assert_eq!(texts(&d, &attacks[1].recipient), vec!["سبعة جنود"]);
    // The act after casualties told first caused them: one event.
    let b = DocBuilder::new("قتل 50 شخصا بعد تفجيرين انتحاريين في المدينة.").qty(
        "50 شخصا",
        50.0,
        "person",
    );
    let (_, ev) = run(b);
    assert_eq!(only(&ev, Plover::ASSAULT).size.dead, Some(50.0));
    // «من قبل» names the doer; it is no connective.
    let b = DocBuilder::new("تعرضت دورية لهجوم من قبل مسلحين.");
    let (d, ev) = run(b);
    assert_eq!(texts(&d, &only(&ev, Plover::ASSAULT).actor), vec!["مسلحين"]);
}

#[test]
fn a_place_that_only_locates_another_is_no_party_and_no_location() {
    // Across a border: Iran neither bombed Mandali nor is where it happened.
    let b = DocBuilder::new(
        "قتل أربعة أشخاص في تفجير سيارة مفخخة في بلدة مندلي القريبة من الحدود مع إيران.",
    )
    .entity(EntityType::LOC, &["مندلي"])
    .country(&["إيران"], "IRN")
    .qty("أربعة أشخاص", 4.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.location), vec!["مندلي"]);
    // After a distance: Tripoli only says where Sabha lies.
    let b = DocBuilder::new(
        "وأوضح المسؤول من سبها الواقعة على مسافة 700 كيلومتر جنوبي طرابلس، قتل 29 فردا من الطوارق.",
    )
    .entity(EntityType::LOC, &["سبها", "طرابلس"])
    .qty("29 فردا", 29.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(!texts(&d, &e.location).contains(&"طرابلس".to_string()));
    // A place after «في» is the event's place.
    let b = DocBuilder::new("قتل 29 فردا في طرابلس.")
        .entity(EntityType::LOC, &["طرابلس"])
        .qty("29 فردا", 29.0, "person");
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::ASSAULT).location),
        vec!["طرابلس"]
    );
}

#[test]
fn an_attack_recalled_after_a_connective_is_another_attack() {
    // «هذا الهجوم الذي يأتي بعد سلسلة هجمات في كابول»: two attacks, not one.
    let b = DocBuilder::new(
        "وتبنت الحركة الهجوم على الحاجز الذي يأتي بعد هجمات في كابول أوقعت 51 قتيلا.",
    )
    .entity(EntityType::LOC, &["كابول"])
    .qty("51 قتيلا", 51.0, "dead");
    let (_, ev) = run(b);
    let attacks: Vec<&Event> = ev.iter().filter(|e| e.etype == Plover::ASSAULT).collect();
    assert!(attacks.len() >= 2, "{ev:#?}");
    assert!(attacks[0].size.dead.is_none(), "{:?}", attacks[0].size);
}

#[test]
fn an_event_or_place_noun_is_no_adjective_of_the_subject() {
    let b = DocBuilder::new("وحررت القوات المدينة من المسلحين.");
    let (d, ev) = run(b);
    assert_eq!(texts(&d, &only(&ev, Plover::ASSAULT).actor), vec!["القوات"]);
    let b = DocBuilder::new("استنكرت الحكومة الهجوم على السفارة.");
    let (d, ev) = run(b);
    assert_eq!(texts(&d, &only(&ev, Plover::ACCUSE).actor), vec!["الحكومة"]);
    // After a name too.
    let b = DocBuilder::new("عارض الكونغرس الاتفاق.").entity(EntityType::ORG, &["الكونغرس"]);
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::REJECT).actor),
        vec!["الكونغرس"]
    );
    // A true adjective still belongs to the phrase.
    let b = DocBuilder::new("هاجمت القوات المسلحة المدينة.");
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::ASSAULT).actor),
        vec!["القوات المسلحة"]
    );
}

#[test]
fn judging_what_someone_said_targets_the_speaker() {
    let b = DocBuilder::new("أدانت مصر تصريحات المالكي.")
        .country(&["مصر"], "EGY")
        .entity(EntityType::PER, &["المالكي"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["مصر"]);
    assert_eq!(texts(&d, &e.recipient), vec!["المالكي"]);
    // A manner adverb between («بشدة») does not hide the object.
    let b = DocBuilder::new("أدانت مصر بشدة تصريحات المالكي.")
        .country(&["مصر"], "EGY")
        .entity(EntityType::PER, &["المالكي"]);
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::ACCUSE).recipient),
        vec!["المالكي"]
    );
}

#[test]
fn declining_to_be_named_is_no_rejection() {
    let b = DocBuilder::new("وقال أحد المسؤولين ورفض نشر اسمه لرويترز إن الدلائل تشير إلى تفجير.");
    let (_, ev) = run(b);
    assert!(ev.iter().all(|e| e.etype != Plover::REJECT), "{ev:#?}");
}

#[test]
fn sites_are_what_attacks_and_raids_hit() {
    // The object of an attack verb.
    let b = DocBuilder::new("استهدف مسلحون فندقا في مدينة سيفاري.")
        .entity(EntityType::LOC, &["مدينة سيفاري"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["مسلحون"]);
    assert_eq!(texts(&d, &e.recipient), vec!["فندقا"]);
    // A site after the verb is its object, never its subject; its owner after «لـ» is
    // part of it.
    let b = DocBuilder::new("واستهدفت مواقع للحوثيين في صعدة.")
        .entity(EntityType::ORG, &["للحوثيين"])
        .entity(EntityType::LOC, &["صعدة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.recipient), vec!["للحوثيين"]);
    // Victims and the site hit in one sentence are one attack.
    let b = DocBuilder::new("قتل مسلح 38 سائحا في هجوم على فندق في سوسة.")
        .entity(EntityType::LOC, &["سوسة"])
        .qty("38 سائحا", 38.0, "tourist");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.recipient), vec!["38 سائحا", "فندق"]);
}

#[test]
fn sites_are_no_party_of_other_events() {
    // A visit to a mosque names no party visited.
    let b = DocBuilder::new("وزار الرئيس المسجد الكبير.");
    let (_, ev) = run(b);
    assert!(ev.iter().all(|e| e.recipient.is_empty()), "{ev:#?}");
}

#[test]
fn form_one_condemn_and_whole_words() {
    // «دان» condemns as «أدان» does.
    let b = DocBuilder::new("ودان مجلس الأمن الهجوم على السفارة.")
        .entity(EntityType::ORG, &["مجلس الأمن"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["مجلس الأمن"]);
    // «فدان» is an acre, not ف + «دان».
    let (_, ev) = run(DocBuilder::new("وزرعت الوزارة ألف فدان في الدلتا."));
    assert!(ev.iter().all(|e| e.etype != Plover::ACCUSE), "{ev:#?}");
}

#[test]
fn a_title_of_an_organisation_is_one_phrase() {
    // «الأمين العام للأمم المتحدة»: the title's body after «لـ» is part of the actor, and
    // stands for it when no name follows.
    let b = DocBuilder::new("واستنكر الأمين العام للأمم المتحدة الهجوم على المسجد.")
        .entity(EntityType::ORG, &["للأمم المتحدة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الأمين العام للأمم المتحدة"]);
    assert!(e.actor[0].entity.is_some());
    assert!(e.recipient.is_empty(), "{:?}", texts(&d, &e.recipient));
    // With a name after it, the name is the actor.
    let b = DocBuilder::new("ودان المتحدث باسم وزارة الخارجية أحمد أبو زيد الهجوم.")
        .entity(EntityType::ORG, &["وزارة الخارجية"])
        .entity(EntityType::PER, &["أحمد أبو زيد"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(
        texts(&d, &e.actor),
        vec!["المتحدث باسم وزارة الخارجية أحمد أبو زيد"]
    );
    // «الأمين» is a title only in «الأمين العام»: «ولي العهد الأمين» is an adjective.
    let b = DocBuilder::new("وثمن الأمين جهود ولي العهد الأمين.");
    let (d, ev) = run(b);
    assert!(
        ev.iter()
            .all(|e| texts(&d, &e.actor).iter().all(|t| t != "الأمين")),
        "{ev:#?}"
    );
    // Right after the title, «لـ» names whom the official spoke to.
    let b = DocBuilder::new("وانتقد الوزير لقناة الجزيرة الحكومة.")
        .entity(EntityType::ORG, &["الجزيرة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير"]);
}

#[test]
fn time_in_a_relative_clause_about_a_party_does_not_date_the_event() {
    // The date belongs to «يسيطر», the clause about the group, not to the bombing.
    let b = DocBuilder::new(
        "وانفجرت سيارة مفخخة في الزعفرانية في هجوم تبناه التنظيم الذي يسيطر على مساحات منذ حزيران 2014.",
    )
    .entity(EntityType::LOC, &["الزعفرانية"])
    .time("حزيران 2014", 0, DATE, "2014-06");
    let (_, ev) = run(b);
    for e in &ev {
        assert_ne!(
            e.date.as_ref().map(|x| x.value.as_str()),
            Some("2014-06"),
            "{e:#?}"
        );
    }
    // So does a time in a clause about a place with an adjective and a comma before it.
    let b = DocBuilder::new(
        "وقتل شرطيان في الهجوم على المركز في ولاية البنجاب الشمالية، التي تم تقسيمها في 1947 بين الهند وباكستان.",
    )
    .entity(EntityType::LOC, &["البنجاب"])
    .time("1947", 0, DATE, "1947");
    let (_, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_ne!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("1947"),
        "{e:#?}"
    );
    // A relative clause right after the trigger describes the event itself and keeps its time.
    let b = DocBuilder::new("وقع الهجوم الذي استهدف الفندق يوم الاثنين في سوسة.")
        .entity(EntityType::LOC, &["سوسة"])
        .time("يوم الاثنين", 0, DATE, "2015-07-27");
    let (_, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("2015-07-27")
    );
    // A comma closes the relative clause: the time after it is the main verb's.
    let b = DocBuilder::new(
        "وتعهد قائد الجيش الذي ما زال يلعب دورا سياسيا، أمس الاثنين باحترام نتائج الانتخابات.",
    )
    .time("أمس الاثنين", 0, DATE, "2015-07-20");
    let (_, ev) = run(b);
    let e = only(&ev, Plover::AGREE);
    assert_eq!(
        e.date.as_ref().map(|x| x.value.as_str()),
        Some("2015-07-20")
    );
}

#[test]
fn a_name_in_quotes_is_one_phrase_with_its_head() {
    // The quotes neither end the clause nor cut the genitive off its head.
    let b = DocBuilder::new("وهاجمت جماعة «أنصار الله» مواقع الجيش اليمني في تعز.")
        .entity(EntityType::ORG, &["أنصار الله"])
        .entity(EntityType::ORG, &["الجيش اليمني"])
        .entity(EntityType::LOC, &["تعز"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["جماعة «أنصار الله»"]);
    assert_eq!(e.actor[0].entity, Some(0));
    assert_eq!(
        e.recipient.first().and_then(|a| a.entity),
        Some(1),
        "{e:#?}"
    );
    assert_eq!(texts(&d, &e.location), vec!["تعز"]);
    let b = DocBuilder::new("قتل 30 شخصا في هجمات تبناها تنظيم \"داعش\" في العراق.")
        .entity(EntityType::ORG, &["داعش"])
        .entity(EntityType::LOC, &["العراق"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["تنظيم \"داعش\""]);
    assert_eq!(e.actor[0].entity, Some(0));
    // A title before a quoted name: the phrase ends at the closing quote.
    let b = DocBuilder::new("واتهم الرئيس «أوباما» إيران بدعم الإرهاب.")
        .entity(EntityType::PER, &["أوباما"])
        .entity(EntityType::LOC, &["إيران"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الرئيس «أوباما»"]);
}

#[test]
fn a_pronoun_before_the_verb_is_its_subject() {
    // «هم» before the verb stands for the phrase before it; the phrase after the verb is
    // the object. «التي هي تقاتل» is a relative clause: a habit, no event.
    for (text, actor) in [
        ("وقال إن المسلحين هم هاجموا الجيش في حلب.", "المسلحين"),
        ("وقال إن المسلحين هم من هاجموا الجيش في حلب.", "المسلحين"),
    ] {
        let b = DocBuilder::new(text).entity(EntityType::LOC, &["حلب"]);
        let (d, ev) = run(b);
        let e = ev
            .iter()
            .find(|e| e.etype == Plover::ASSAULT)
            .unwrap_or_else(|| panic!("no event for {text}: {ev:#?}"));
        assert_eq!(texts(&d, &e.actor), vec![actor], "{text}");
        assert_eq!(texts(&d, &e.recipient), vec!["الجيش"], "{text}");
    }
    let b = DocBuilder::new("وقصفت تركيا المقاتلين الأكراد الذين هم يقاتلون الجيش في حلب.")
        .entity(EntityType::LOC, &["تركيا"])
        .entity(EntityType::LOC, &["حلب"]);
    let (d, ev) = run(b);
    assert!(
        !ev.iter().any(|e| d.slice(e.trigger).contains("يقاتلون")),
        "{ev:#?}"
    );
}

#[test]
fn the_act_of_a_charge_is_no_event() {
    // What someone is charged with is alleged, not reported as done.
    for text in [
        "وأعادت السلطات الجزولي المتهم بتأييد داعش إلى المعتقل.",
        "واعتقلت الشرطة رجلا بتهمة مهاجمة السفارة.",
        "ومثل أمام المحكمة ثلاثة متهمين بتفجير المسجد.",
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter()
                .all(|e| matches!(e.etype, Plover::COERCE | Plover::SANCTION)),
            "{text}: {:?}",
            ev.iter().map(|e| d.slice(e.trigger)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_written_shadda_rules_out_a_verb_reading() {
    // «وعدّ» is «و» + «عدّ» (considered), not «وعد» (promised).
    let (d, ev) = run(DocBuilder::new(
        "وعدّ الأمين العام التصريحات تدخلا في الشؤون الداخلية.",
    ));
    assert!(
        !ev.iter().any(|e| e.etype == Plover::AGREE),
        "{:?}",
        ev.iter().map(|e| d.slice(e.trigger)).collect::<Vec<_>>()
    );
    // Without vowel signs, and with the promise's own vowels, it is still a promise.
    for text in [
        "وعد الرئيس الناخبين بإصلاحات واسعة.",
        "وَعَدَ الرئيس الناخبين بإصلاحات واسعة.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        only(&ev, Plover::AGREE);
    }
}

#[test]
fn what_efforts_and_plots_aim_at_is_no_event() {
    for text in [
        "وتندرج التصريحات ضمن مساعي المالكي المكشوفة لتخريب علاقات العراق.",
        "وأحبطت الشرطة مخططات لاستهداف المساجد.",
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        assert!(
            !ev.iter()
                .any(|e| matches!(e.etype, Plover::PROTEST | Plover::ASSAULT)),
            "{text}: {:?}",
            ev.iter().map(|e| d.slice(e.trigger)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_indefinite_accusative_is_never_the_subject() {
    // «أحزابا» carries the accusative tanween: the object, not the subject after the verb.
    let b = DocBuilder::new("وانتقد أحزابا كردية في البرلمان.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert!(e.actor.is_empty(), "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["أحزابا كردية"]);
    // Nor the genitive of an attack noun: «جنودا» is what the attack hit.
    let (d, ev) = run(DocBuilder::new("استهدف هجوم جنودا في المدينة."));
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["جنودا"]);
    // The nominative plural after the verb stays the subject.
    let (d, ev) = run(DocBuilder::new("وانتقد نواب أكراد الحكومة."));
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["نواب"]);
}

#[test]
fn an_attack_noun_after_an_attack_verb_is_its_subject() {
    // «وقد استهدف الهجوم …»: the attack did it; nobody named before is its dropped subject.
    let b = DocBuilder::new(
        "وتوجه رئيس الوزراء أحمد داود أوغلو إلى المدينة. وقد استهدف الهجوم مقرا للحزب في المدينة.",
    )
    .entity(EntityType::PER, &["أحمد داود أوغلو"]);
    let (d, ev) = run(b);
    assert!(
        ev.iter()
            .all(|e| !texts(&d, &e.actor).contains(&"أحمد داود أوغلو".to_string())),
        "{ev:#?}"
    );
    // A phrase before the verb is still its subject.
    let (d, ev) = run(DocBuilder::new("وكان الجيش قد استهدف مواقع المسلحين."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الجيش"]);
    // After other verbs a noun of their own type is the object: the subject stays.
    let b = DocBuilder::new("وكانت شركة غازبروم قد وقعت مذكرة تفاهم مع شركة شل.")
        .entity(EntityType::ORG, &["شركة غازبروم", "شركة شل"]);
    let (d, ev) = run(b);
    assert!(
        ev.iter()
            .any(|e| texts(&d, &e.actor) == vec!["شركة غازبروم"]),
        "{ev:#?}"
    );
}

#[test]
fn a_verb_opening_the_relative_clause_of_an_attack_noun_tells_that_attack() {
    // «في هجوم مسلح استهدف مركزا للأمن»: «an attack that targeted a centre» — one event
    // with the wounded, and the centre is no other victim.
    let b = DocBuilder::new("وأصيب سبعة أشخاص بجروح في هجوم مسلح استهدف مركزا للأمن في المدينة.")
        .qty("سبعة أشخاص", 7.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{ev:#?}");
    let r = texts(&d, &e.recipient);
    assert!(
        r.contains(&"سبعة أشخاص".to_string()) && r.contains(&"مركزا للأمن".to_string()),
        "{r:?}"
    );
    // The phrase after such a verb is its object, never its subject.
    let (d, ev) = run(DocBuilder::new("وقالت الشرطة إن تفجيرا استهدف الجنود."));
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["الجنود"]);
}

#[test]
fn a_verb_after_the_relative_pronoun_of_a_definite_attack_noun_tells_that_attack() {
    // «في الهجوم الانتحاري، الذي استهدف قاعدة»: the pronoun stands for the attack, the
    // verb's subject — one event with the dead, and the base is no other victim.
    for text in [
        "وقتل ثلاثة جنود في الهجوم الانتحاري، الذي استهدف قاعدة للقوات الأجنبية في كابول.",
        "وقتل ثلاثة جنود في أحد هذه الهجمات التي استهدفت قاعدة للقوات الأجنبية في كابول.",
    ] {
        let b = DocBuilder::new(text).qty("ثلاثة جنود", 3.0, "soldier");
        let (d, ev) = run(b);
        let e = only(&ev, Plover::ASSAULT);
        assert!(e.actor.is_empty(), "{text}: {ev:#?}");
        let r = texts(&d, &e.recipient);
        assert!(
            r.contains(&"ثلاثة جنود".to_string()) && r.contains(&"قاعدة للقوات الأجنبية".to_string()),
            "{text}: {r:?}"
        );
    }
}

#[test]
fn after_a_noun_that_governs_a_masdar_a_homograph_is_the_masdar() {
    // «عدم تكرار قصف المدنيين»: «قصف» is the masdar (shelling civilians), not the verb
    // «shelled» with the civilians for its subject.
    let (d, ev) = run(DocBuilder::new(
        "وطالبت الحكومة بعدم تكرار قصف المدنيين في القرى الحدودية.",
    ));
    for e in ev.iter().filter(|e| e.etype == Plover::ASSAULT) {
        assert!(
            !texts(&d, &e.actor).iter().any(|a| a.contains("المدنيين")),
            "{ev:#?}"
        );
    }
}

#[test]
fn a_masdar_with_an_object_after_li_has_its_doer_in_the_genitive() {
    // «استهداف قوات الأسد للمدنيين»: the genitive does it, «لـ» names whom.
    let (d, ev) = run(DocBuilder::new(
        "وأدانت المنظمة استهداف قوات الأسد للمدنيين في درعا.",
    ));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["قوات الأسد"], "{ev:#?}");
    assert!(
        texts(&d, &e.recipient).iter().any(|r| r.contains("مدنيين")),
        "{ev:#?}"
    );
    // «لـ» before a masdar says why: the genitive stays the one arrested.
    let (d, ev) = run(DocBuilder::new(
        "وقالت الشرطة إن اعتقال المتهم جاء لاستجوابه.",
    ));
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.recipient), vec!["المتهم"], "{ev:#?}");
    assert!(
        !texts(&d, &e.actor).contains(&"المتهم".to_string()),
        "{ev:#?}"
    );
}

#[test]
fn a_force_in_the_genitive_of_shelling_is_its_doer() {
    // «جراء قصف القوات الحكومية»: the forces shell; «قصف المدنيين»: civilians are shelled.
    let b = DocBuilder::new("وقتل ثلاثة مدنيين جراء قصف القوات الحكومية على البلدة.").qty(
        "ثلاثة مدنيين",
        3.0,
        "civilian",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["القوات الحكومية"], "{ev:#?}");
    // A force owning the site hit is the target's owner, not the doer.
    let (d, ev) = run(DocBuilder::new("واستمر قصف مواقع الجيش في المدينة."));
    for e in ev.iter().filter(|e| e.etype == Plover::ASSAULT) {
        assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    }
}

#[test]
fn a_nationality_after_a_casualty_word_is_the_victims() {
    // «مقتل رضيع فلسطيني»: a Palestinian infant died; the nisba names no doer, unlike
    // «غارة إسرائيلية».
    let (d, ev) = run(DocBuilder::new("وأسفر حريق عمدي عن مقتل رضيع فلسطيني."));
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{:?}", texts(&d, &e.actor));
    assert_eq!(texts(&d, &e.recipient), vec!["رضيع فلسطيني"]);
    for text in [
        "وأسفر الانفجار عن مقتل مسن فلسطيني.",
        "وأعلن عن مقتل فلسطيني في المدينة.",
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        for e in &ev {
            assert!(e.actor.is_empty(), "{text}: {:?}", texts(&d, &e.actor));
        }
    }
    let (d, ev) = run(DocBuilder::new("وقتل جندي في غارة إسرائيلية على القرية."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["إسرائيلية"]);
}

#[test]
fn in_cooperation_with_is_how_another_act_was_done() {
    // «بالتعاون مع الجيش»: an adverbial of the arrest, not a cooperation event.
    for text in [
        "واعتقلت الشرطة بالتعاون مع الجيش خمسة مشتبهين في المدينة.",
        "ونفذت القوات الأمنية حملة دهم بالتنسيق مع الاستخبارات.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(!ev.is_empty(), "{text}");
        assert!(
            ev.iter().all(|e| e.etype != Plover::COOPERATE),
            "{text}: {ev:#?}"
        );
    }
    // Cooperation as the matter itself stays an event.
    let (_, ev) = run(DocBuilder::new(
        "وتعاونت الشرطة مع الجيش في ملاحقة المهربين.",
    ));
    only(&ev, Plover::COOPERATE);
}

#[test]
fn what_talks_touch_upon_is_their_matter() {
    // «المباحثات تطرقت إلى سورية»: Syria is the matter of the talks, not where they
    // were held nor with whom.
    let b = DocBuilder::new("وأشار إلى أن المباحثات مع الوزير الإيطالي تطرقت إلى سورية.")
        .entity(EntityType::LOC, &["سورية"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.recipient), vec!["الوزير الإيطالي"]);
    assert!(e.location.is_empty(), "{:?}", texts(&d, &e.location));
}

#[test]
fn admitting_an_event_is_no_recognition() {
    // «اعترف حزب الله بمقتل اثنين من عناصره»: an admission of deaths, not support.
    let b = DocBuilder::new("اعترف حزب الله بمقتل اثنين من عناصره في غارة على القرية.")
        .entity(EntityType::ORG, &["حزب الله"]);
    let (_, ev) = run(b);
    assert!(ev.iter().all(|e| e.etype != Plover::SUPPORT), "{ev:#?}");
    // Recognising a state or a government is.
    let b = DocBuilder::new("واعترفت السويد بدولة فلسطين.")
        .entity(EntityType::LOC, &["السويد"])
        .entity(EntityType::LOC, &["دولة فلسطين"]);
    let (_, ev) = run(b);
    only(&ev, Plover::SUPPORT);
}

#[test]
fn the_price_paid_is_no_praise() {
    // «يدفع ثمنه»: «ثمن» is the price, not «ثمّن» (praised).
    for text in [
        "وقال إن الشعب يدفع ثمنه كل يوم.",
        "ستدفع إسرائيل ثمنا باهظا له.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::SUPPORT),
            "{text}: {ev:#?}"
        );
    }
    let (_, ev) = run(DocBuilder::new("وثمن الوزير دور المملكة في دعم الاستقرار."));
    assert!(ev.iter().any(|e| e.etype == Plover::SUPPORT), "{ev:#?}");
}

#[test]
fn a_circumstantial_participle_is_done_by_the_speaker() {
    // «وقال الوزير …، مطالبا المعارضة بالعودة إلى الحوار»: the minister demands, the
    // opposition is asked.
    let (d, ev) = run(DocBuilder::new(
        "وقال الوزير في بيان إن الحكومة لن تتراجع، مطالبا المعارضة بالعودة إلى الحوار.",
    ));
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير"]);
    assert_eq!(texts(&d, &e.recipient), vec!["المعارضة"]);
    // With nobody to do it, «متهما» is a bare adjective: no event.
    let (_, ev) = run(DocBuilder::new("وكان متهما في القضية منذ سنوات."));
    assert!(ev.iter().all(|e| e.etype != Plover::ACCUSE), "{ev:#?}");
}

#[test]
fn a_first_person_imperfect_has_the_speaker_for_subject() {
    // «نطالب حزب العمال»: «we demand» — the party after the verb is whom it asks.
    let b = DocBuilder::new("وقال وزير الخارجية: نطالب الحكومة التركية بوقف القصف.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.actor), vec!["وزير الخارجية"]);
    assert_eq!(texts(&d, &e.recipient), vec!["الحكومة التركية"]);
    // With no speaker in reach nobody is the subject, least of all the object.
    let (d, ev) = run(DocBuilder::new("لهذا نحن نطالب حزب العمال بإخراج قواعده."));
    let e = only(&ev, Plover::REQUEST);
    assert!(e.actor.is_empty(), "{ev:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["حزب العمال"]);
}

#[test]
fn what_a_pretext_or_a_hope_is_for_is_no_event() {
    for (text, trigger) in [
        (
            "وذلك لكي لا يعطي أي مبرر للحكومة التركية لقصف المدنيين.",
            "لقصف",
        ),
        (
            "وقضت الهجمات على أي آمال لعقد محادثات السلام مع الحكومة.",
            "محادثات",
        ),
        ("وكان ذلك ذريعة لاعتقال قادة المعارضة.", "لاعتقال"),
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| !d.slice(e.trigger).contains(trigger)),
            "{text}: {ev:#?}"
        );
    }
}

#[test]
fn a_noun_in_iyya_after_a_name_is_not_its_adjective() {
    // «أعلنت حركة طالبان المسؤولية»: the responsibility is claimed, not part of the name;
    // a nisba after a name still is («حركة طالبان الأفغانية»).
    let b = DocBuilder::new("وأعلنت حركة طالبان المسؤولية عن هجوم أمس في المدينة.")
        .entity(EntityType::ORG, &["حركة طالبان"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["حركة طالبان"]);
    let b = DocBuilder::new("واستهدفت حركة طالبان الأفغانية قاعدة عسكرية.")
        .entity(EntityType::ORG, &["حركة طالبان"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["حركة طالبان الأفغانية"]);
}

#[test]
fn a_killing_without_a_doer_after_an_act_tells_its_dead() {
    // «تعرضت مفرزة … لإطلاق نار …، موضحا انه استشهد تسعة عسكريين»: one attack.
    let b = DocBuilder::new(
        "تعرضت مفرزة للجيش لإطلاق نار من طرف مجموعة إرهابية، موضحا انه استشهد تسعة عسكريين.",
    )
    .qty("تسعة عسكريين", 9.0, "soldier");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["مجموعة إرهابية"]);
    let r = texts(&d, &e.recipient);
    assert!(
        r.contains(&"مفرزة".to_string()) && r.contains(&"تسعة عسكريين".to_string()),
        "{r:?}"
    );
    // «فيما», «كما» add another happening: the killing after them is told apart.
    let b = DocBuilder::new(
        "واستهدف تفجير طلابا في المدينة، فيما قتل عنصران من القوات الكردية في تفجير مستودع.",
    )
    .qty("عنصران", 2.0, "person");
    let (_, ev) = run(b);
    assert_eq!(
        ev.iter().filter(|e| e.etype == Plover::ASSAULT).count(),
        2,
        "{ev:#?}"
    );
    // Two killings stay two incidents.
    let (_, ev) = run(DocBuilder::new("قتل جندي أمس في درعا، وقتل شرطي في حمص."));
    assert_eq!(
        ev.iter().filter(|e| e.etype == Plover::ASSAULT).count(),
        2,
        "{ev:#?}"
    );
}

#[test]
fn the_fight_someone_travels_or_joins_for_is_an_aim() {
    // «سافروا إلى سوريا للقتال في صفوف تنظيم داعش»: nobody fought anybody yet.
    let b = DocBuilder::new(
        "وقال التنظيم إن آلافا من مواطنيها سافروا إلى سوريا للقتال في صفوف تنظيم داعش.",
    )
    .entity(EntityType::LOC, &["سوريا"])
    .entity(EntityType::ORG, &["تنظيم داعش"]);
    let (_, ev) = run(b);
    assert!(ev.iter().all(|e| e.etype != Plover::ASSAULT), "{ev:#?}");
    // Fighting told as an act is one.
    let b = DocBuilder::new("واندلع القتال في صفوف تنظيم داعش في سوريا أمس.")
        .entity(EntityType::LOC, &["سوريا"])
        .entity(EntityType::ORG, &["تنظيم داعش"]);
    let (_, ev) = run(b);
    assert!(ev.iter().any(|e| e.etype == Plover::ASSAULT), "{ev:#?}");
}

#[test]
fn a_count_of_the_events_is_no_party_to_them() {
    // «نحو عشر غارات استهدفت»: the count phrase holds a trigger; it is how many.
    let b = DocBuilder::new("وقال الجيش إن نحو عشر غارات استهدفت مواقع في سوريا.")
        .entity(EntityType::LOC, &["سوريا"])
        .qty("نحو عشر غارات", 10.0, "airstrike");
    let (_, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{ev:#?}");
    // A pronoun on the trigger word is a party: «اعتقلته» names whom.
    let b = DocBuilder::new("وصل محمد إلى المطار. وقالت الشرطة إنها اعتقلته أمس.")
        .entity(EntityType::PER, &["محمد"]);
    let (_, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert!(!e.recipient.is_empty(), "{ev:#?}");
}

#[test]
fn holding_someone_responsible_names_the_accuser_and_the_accused() {
    // «حمّل X Y المسؤولية»: subject, then object, inside the idiom's gap; the noun may
    // carry a pronoun («مسؤوليته»).
    let b = DocBuilder::new("وحملت الحكومة التركية مسلحي التنظيم مسؤوليته.")
        .entity(EntityType::ORG, &["الحكومة التركية"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الحكومة التركية"]);
    assert_eq!(texts(&d, &e.recipient), vec!["مسلحي التنظيم"]);
    // After «إنها» the speaker holds the one phrase in the gap responsible.
    let b = DocBuilder::new("وقالت الحركة إنها تحمل قوات الاحتلال المسؤولية الكاملة.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الحركة"]);
    assert_eq!(texts(&d, &e.recipient), vec!["قوات الاحتلال"]);
}

#[test]
fn a_construct_plural_takes_its_genitive() {
    // «مقاتلو», «مسلحي»: a sound plural without its ن is followed by its genitive.
    let b = DocBuilder::new("وهاجم مقاتلو الحركة مواقع الجيش.");
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::ASSAULT).actor),
        vec!["مقاتلو الحركة"]
    );
    let b = DocBuilder::new("وأطلق مسلحو (داعش) النار على المواطنين.")
        .entity(EntityType::ORG, &["داعش"]);
    let (d, ev) = run(b);
    assert_eq!(
        texts(&d, &only(&ev, Plover::ASSAULT).actor),
        vec!["مسلحو (داعش)"]
    );
}

#[test]
fn a_count_after_a_verb_with_its_subject_before_is_the_object() {
    // «قتل 20 مسلحا» alone reads as passive; after «إن الجيش» the army did it.
    let b =
        DocBuilder::new("وقالت المصادر إن الجيش قتل 20 مسلحا.").qty("20 مسلحا", 20.0, "militant");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الجيش"]);
    assert_eq!(texts(&d, &e.recipient), vec!["20 مسلحا"]);
    // Not the phrase before a second verb of the clause.
    let b = DocBuilder::new("وقالت المصادر إن الجيش قتل 20 مسلحا واعتقل 30 آخرين.")
        .qty("20 مسلحا", 20.0, "militant")
        .qty("30 آخرين", 30.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert!(
        !texts(&d, &e.actor).contains(&"20 مسلحا".to_string()),
        "{:?}",
        texts(&d, &e.actor)
    );
}

#[test]
fn people_of_a_place_are_people() {
    // «50 عائلة من نازحي صلاح الدين»: the families (displaced people of a province) are
    // the ones seized, not a place.
    let b = DocBuilder::new("واحتجز المسلحون 50 عائلة من نازحي صلاح الدين.")
        .entity(EntityType::LOC, &["صلاح الدين"])
        .qty("50 عائلة", 50.0, "family");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.recipient), vec!["نازحي صلاح الدين"]);
    // A count of people from a place is the count.
    let b = DocBuilder::new("واعتقلت الشرطة 20 شخصا من الفلوجة.")
        .entity(EntityType::LOC, &["الفلوجة"])
        .qty("20 شخصا", 20.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.recipient), vec!["20 شخصا"]);
}

#[test]
fn a_quotation_may_open_inside_an_idiom() {
    // «أنهما تحملان «قوات الاحتلال المسؤولية …»: the dual pronoun is the speakers, the
    // quoted phrase the accused.
    let b = DocBuilder::new(
        "وأكدت الحركتان في بيان أنهما تحملان «قوات الاحتلال المسؤولية الكاملة عن الجريمة.",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.recipient), vec!["قوات الاحتلال"]);
}

#[test]
fn positions_are_no_deployment() {
    // «تمركزات» (positions) is a place, not the act of taking position («تمركز قواته»).
    let b = DocBuilder::new("وقصفت المدفعية تمركزات قوات النظام في المدينة.");
    let (_d, ev) = run(b);
    assert!(ev.iter().all(|e| e.etype != Plover::MOBILIZE), "{ev:#?}");
    let b = DocBuilder::new("وأعلن الجيش تمركز قواته على الحدود.");
    let (_d, ev) = run(b);
    only(&ev, Plover::MOBILIZE);
}

#[test]
fn a_capital_in_talk_between_governments_stands_for_its_government() {
    // Capitals (GeoNames PPLC) as named in the text; Turkey a country.
    let build = |text: &str, capitals: &[&str]| {
        let mut b = DocBuilder::new(text);
        if text.contains("تركيا") {
            b = b.country(&["تركيا"], "TUR");
        }
        for c in capitals {
            b = b.entity(EntityType::LOC, &[c]);
        }
        for e in &mut b.doc.entities {
            if let (Some(g), None) = (e.geo.as_mut(), e.subtype.as_deref()) {
                g.feature = Some("PPLC".to_string());
            }
        }
        b
    };
    // The one accused or called on.
    let (d, ev) = run(build("واتهمت تركيا دمشق بدعم الإرهاب.", &["دمشق"]));
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.recipient), vec!["دمشق"], "{e:#?}");
    assert!(e.location.is_empty(), "{e:#?}");
    // The one speaking, after the verb or before it.
    let (d, ev) = run(build("رفضت دمشق هذه الخطوة.", &["دمشق"]));
    assert_eq!(texts(&d, &only(&ev, Plover::REJECT).actor), vec!["دمشق"]);
    let (d, ev) = run(build(
        "وقالت الوزارة إن سيول دعت بيونغ يانغ للحوار.",
        &["سيول", "بيونغ يانغ"],
    ));
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.actor), vec!["سيول"], "{e:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["بيونغ يانغ"], "{e:#?}");
    // A capital visited or shelled is where it happens.
    let (d, ev) = run(build("وزار الوزير التركي بغداد.", &["بغداد"]));
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.location), vec!["بغداد"], "{e:#?}");
    let (d, ev) = run(build("وقصفت الطائرات دمشق.", &["دمشق"]));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.location), vec!["دمشق"], "{e:#?}");
}

#[test]
fn a_call_for_dialogue_names_the_one_called_on_inside_it() {
    // «دعا X إلى الحوار»: the subject, then the one called on, stand inside the idiom.
    let b = DocBuilder::new("ودعت تركيا سوريا إلى الحوار.")
        .country(&["تركيا"], "TUR")
        .country(&["سوريا"], "SYR");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.actor), vec!["تركيا"], "{e:#?}");
    assert_eq!(texts(&d, &e.recipient), vec!["سوريا"], "{e:#?}");
}

#[test]
fn a_site_or_a_count_of_sites_before_an_attack_verb_is_its_target() {
    // «دمرت» is unmarked for voice: schools are destroyed, they destroy nothing.
    let b = DocBuilder::new("وقال المسؤول إن 20 منزلا دمرت في حلب.")
        .entity(EntityType::LOC, &["حلب"])
        .qty("20 منزلا", 20.0, "house");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{e:#?}");
    assert!(
        texts(&d, &e.recipient).iter().any(|t| t.ends_with("منزلا")),
        "{e:#?}"
    );
    // A name ending in a site word is no site («تنظيم القاعدة» takes the city).
    let b = DocBuilder::new("وقال المسؤول إن تنظيم القاعدة هاجم في درنة.")
        .entity(EntityType::ORG, &["تنظيم القاعدة"])
        .entity(EntityType::LOC, &["درنة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["تنظيم القاعدة"], "{e:#?}");
}

#[test]
fn whoever_sets_an_ambush_does_the_killing_in_it() {
    // «نصب» is a light verb of «كمين», like «شن» of «هجوم».
    let b = DocBuilder::new("وقتل ثلاثة جنود في كمين نصبه مسلحون قرب الحدود.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["مسلحون"], "{e:#?}");
}

#[test]
fn whoever_reaches_an_agreement_makes_it() {
    // «توصل» is a light verb of an agreement after «إلى» or «لـ»; the speaker's «إنه»
    // before it is the one who agreed.
    let b = DocBuilder::new("قال الوزير إنه توصل لاتفاق مع نظيره الروسي بشأن القرار.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::AGREE);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير"], "{e:#?}");
    let b = DocBuilder::new("وتوصلت الحكومة والقوى الكبرى إلى اتفاق تاريخي أمس.")
        .entity(EntityType::ORG, &["الحكومة"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::AGREE);
    assert!(texts(&d, &e.actor).iter().any(|a| a == "الحكومة"), "{e:#?}");
}

#[test]
fn rebels_resistance_and_houthis_make_a_capture_military() {
    // «سيطر» needs an armed party near (a fire or prices «سيطرت» on nothing); rebels,
    // the resistance, the Houthis and the coup's militias are armed parties.
    for subject in ["الحوثيون", "الثوار", "رجال المقاومة", "الانقلابيون"]
    {
        let b = DocBuilder::new(&format!("وكان {subject} سيطروا على المدينة في سبتمبر."));
        let (_, ev) = run(b);
        assert_eq!(ev.len(), 1, "{subject}: {ev:#?}");
    }
    let (_, ev) = run(DocBuilder::new("وسيطر رجال الإطفاء على الحريق في المبنى."));
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn a_short_phrase_may_stand_between_the_subject_and_the_object() {
    // «اتهم المتمردون من جانبهم القوات الحكومية»: the object after «من جانبهم».
    let (d, ev) = run(DocBuilder::new(
        "اتهم المتمردون من جانبهم القوات الحكومية بإطلاق النار.",
    ));
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.recipient), vec!["القوات الحكومية"], "{e:#?}");
    // Not over a phrase the frame reads: «اجتمع X مع Y رئيس …» met Y.
    let b = DocBuilder::new("اجتمع الأمير مع سمير جعجع رئيس الحزب.")
        .entity(EntityType::PER, &["سمير جعجع"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.recipient), vec!["سمير جعجع"], "{e:#?}");
}

#[test]
fn a_named_agreement_never_acts_and_is_the_object_only_of_a_stance() {
    let deal = |t: &str| {
        DocBuilder::new(t)
            .entity(EntityType::PER, &["نتنياهو"])
            .entity(EntityType::ORG, &["الكونغرس"])
            .thing(&["الاتفاق النووي"], "m:jcpoa")
    };
    // Rejecting it: the agreement is what is rejected.
    let (d, ev) = run(deal("وعارض نتنياهو الاتفاق النووي بشدة أمام الكونغرس."));
    let e = only(&ev, Plover::REJECT);
    assert_eq!(texts(&d, &e.actor), vec!["نتنياهو"]);
    assert_eq!(texts(&d, &e.recipient), vec!["الاتفاق النووي"]);
    // The agreement «that was concluded» is no doer of anything.
    let (d, ev) = run(deal(
        "وقال نتنياهو إن الاتفاق النووي الذي أبرم يوم الثلاثاء سيعرض على الكونغرس.",
    ));
    for e in &ev {
        assert!(
            !texts(&d, &e.actor).contains(&"الاتفاق النووي".to_string()),
            "{ev:#?}"
        );
    }
    // With nobody signing, «after the signing of the deal» is background, no event.
    let (d, ev) = run(deal("وزار نتنياهو الكونغرس بعد توقيع الاتفاق النووي."));
    assert!(
        ev.iter()
            .all(|e| !texts(&d, &e.recipient).contains(&"الاتفاق النووي".to_string())),
        "{ev:#?}"
    );
}

#[test]
fn a_visits_genitive_state_is_its_host() {
    let (d, ev) = run(DocBuilder::new(
        "وبدأ الرئيس الفرنسي زيارة السعودية أمس، بعد زيارة الوزير إلى الأردن.",
    )
    .country(&["السعودية"], "SAU")
    .country(&["الأردن"], "JOR")
    .time("أمس", 0, DATE, "2015-08-04"));
    let visits: Vec<&Event> = ev.iter().filter(|e| e.etype == Plover::CONSULT).collect();
    assert_eq!(visits.len(), 2, "{ev:#?}");
    assert_eq!(texts(&d, &visits[0].actor), vec!["الرئيس الفرنسي"]);
    assert_eq!(texts(&d, &visits[0].recipient), vec!["السعودية"]);
    // A person in the genitive is still the visitor.
    assert_eq!(texts(&d, &visits[1].actor), vec!["الوزير"]);
    assert_eq!(texts(&d, &visits[1].recipient), vec!["الأردن"]);
}

#[test]
fn a_listed_agreement_s_name_reports_no_agreement() {
    let (_, ev) = run(DocBuilder::new(
        "وبحث الوزير مع نظيره الأوضاع في سوريا، واتفاق خمسة زائد واحد مع إيران.",
    )
    .country(&["إيران"], "IRN")
    .country(&["سوريا"], "SYR")
    .thing(&["اتفاق خمسة زائد واحد"], "m:jcpoa"));
    assert!(ev.iter().all(|e| e.etype != Plover::AGREE), "{ev:#?}");
}

#[test]
fn a_state_after_a_preposition_is_no_omitted_subject() {
    let (d, ev) = run(DocBuilder::new(
        "قالت وزارة الداخلية إن الانفجار وقع في السعودية. اعتقلت ثلاثة مشتبه بهم بعد ساعات.",
    )
    .entity(EntityType::ORG, &["وزارة الداخلية"])
    .country(&["السعودية"], "SAU"));
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["وزارة الداخلية"]);
}

#[test]
fn any_party_as_subject_names_nobody() {
    // «أي جهة» is an overt subject that names nobody: the state named before is not the
    // omitted subject of the claim, nor of an attack verb.
    let b = DocBuilder::new(
        "قتل عشرون شخصا في هجوم انتحاري في أفغانستان. ولم تعلن أي جهة مسؤوليتها عن الهجوم.",
    )
    .country(&["أفغانستان"], "AFG");
    let (d, ev) = run(b);
    let attacks = || ev.iter().filter(|e| e.etype == Plover::ASSAULT);
    assert!(attacks().all(|e| texts(&d, &e.actor).is_empty()), "{ev:#?}");
    let b = DocBuilder::new("زار الوزير أفغانستان. ولم تهاجم أي جهة القافلة.")
        .country(&["أفغانستان"], "AFG");
    let (d, ev) = run(b);
    assert!(
        ev.iter()
            .filter(|e| e.etype == Plover::ASSAULT)
            .all(|e| texts(&d, &e.actor).is_empty()),
        "{ev:#?}"
    );
    // «أي» quantifying the object leaves the subject before the verb in place.
    let b = DocBuilder::new("وأكد الوزير أن بلاده لم تقدم أي امتيازات أو تنازلات خلال المفاوضات.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONCEDE);
    assert_eq!(texts(&d, &e.actor), vec!["بلاده"], "{ev:#?}");
    // A named claimer still acts.
    let b = DocBuilder::new("قتل عشرون شخصا في هجوم. وأعلنت حركة طالبان مسؤوليتها عن الهجوم.")
        .entity_of(EntityType::ORG, &["حركة طالبان"], "AFG");
    let (d, ev) = run(b);
    assert!(
        ev.iter()
            .any(|e| e.etype == Plover::ASSAULT && texts(&d, &e.actor) == vec!["حركة طالبان"]),
        "{ev:#?}"
    );
}

#[test]
fn a_preposition_with_its_pronoun_stands_between_a_verb_and_its_arguments() {
    // «فيها», «عليهم», «له»: a whole prepositional phrase in one word, skipped like an
    // adverb on the way to the subject and the object.
    let b = DocBuilder::new("وهي رسالة اتهم فيها الوزير الحكومة بالفساد.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير"]);
    assert_eq!(texts(&d, &e.recipient), vec!["الحكومة"]);
    // Inside an idiom's gap: the subject, then the one held responsible.
    let b = DocBuilder::new("وحمل الوزير فيها الحكومة مسؤولية الخسائر.");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير"]);
    assert_eq!(texts(&d, &e.recipient), vec!["الحكومة"]);
    // A count after the pronoun's preposition still reads as the victims of a verb
    // with no subject of its own …
    let b = DocBuilder::new("وهو التمرد الذي قتل فيه 40 شخصا.").qty("40 شخصا", 40.0, "person");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.actor.is_empty(), "{e:?}");
    assert_eq!(texts(&d, &e.recipient), vec!["40 شخصا"]);
    // … but not when an idiom's gap holds the subject.
    let b = DocBuilder::new("وبلغ عدد الذين ألقت الشرطة القبض عليهم 431 شخصا.").qty(
        "431 شخصا",
        431.0,
        "person",
    );
    let (d, ev) = run(b);
    let e = only(&ev, Plover::COERCE);
    assert_eq!(texts(&d, &e.actor), vec!["الشرطة"]);
}

#[test]
fn a_description_after_a_title_is_another_person() {
    // A title is one phrase with a name after it, not with another title's description.
    let b = DocBuilder::new("واستقبل الوزير السفير الأمريكي في مكتبه.").nominal(&["السفير الأمريكي"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير"]);
    assert_eq!(texts(&d, &e.recipient), vec!["السفير الأمريكي"]);
    let b = DocBuilder::new("واستقبل الوزير عادل الجبير السفير في مكتبه.")
        .entity(EntityType::PER, &["عادل الجبير"]);
    let (d, ev) = run(b);
    let e = only(&ev, Plover::CONSULT);
    assert_eq!(texts(&d, &e.actor), vec!["الوزير عادل الجبير"]);
}

#[test]
fn keen_on_and_receiving_visitors_are_no_events() {
    // «يُقبِل على» (is keen on) is spelt like «يَقبَل» (accepts); a place receiving its
    // visitors is no meeting.
    let b = DocBuilder::new("وتنتشر الصدريات في المدينة، ويقبل عليها المتطرفون بشدة.");
    let (_, ev) = run(b);
    assert!(ev.iter().all(|e| e.etype != Plover::AGREE), "{ev:?}");
    let b = DocBuilder::new("وتقول الحكومة إنها لا تقبل هذه الشروط.");
    let (_, ev) = run(b);
    only(&ev, Plover::AGREE);
    let b = DocBuilder::new("وتستقبل الحديقة زوارها يوميا.");
    let (_, ev) = run(b);
    assert!(ev.iter().all(|e| e.etype != Plover::CONSULT), "{ev:?}");
}

#[test]
fn admitting_a_fact_is_no_recognition() {
    // «اعترف بـ» recognises a state or a government; admitting that something is true or
    // owning a failure is no SUPPORT.
    for text in [
        "واعترفت الشركة الكويتية بصحة التسريبات بشكل غير مباشر.",
        "واعترف الوزير بمسؤوليته عن الخسائر.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::SUPPORT),
            "{text}: {ev:?}"
        );
    }
    let b = DocBuilder::new("واعترفت السويد بدولة فلسطين أمس.").country(&["السويد"], "SWE");
    let (_, ev) = run(b);
    only(&ev, Plover::SUPPORT);
}

#[test]
fn the_object_follows_the_subjects_description() {
    // A post-verbal subject described by its side, its recognition or its leader keeps
    // that description; the verb's object comes after it, not inside it.
    for (text, ents, actor, object) in [
        (
            "وتقاتل القوات الموالية للحكومة المعترف بها دوليا جماعات إسلامية في بنغازي.",
            vec![],
            "القوات الموالية",
            "جماعات إسلامية",
        ),
        (
            "واتهم حزب العدالة بقيادة رئيس الوزراء أحمد داود أوغلو حزب العمال بالهجوم.",
            vec![
                (EntityType::ORG, "حزب العدالة"),
                (EntityType::PER, "أحمد داود أوغلو"),
                (EntityType::ORG, "حزب العمال"),
            ],
            "حزب العدالة",
            "حزب العمال",
        ),
        (
            "وحذر ائتلاف الوطنية بزعامة نائب رئيس الجمهورية إياد علاوي الحكومة من غضب الشعب.",
            vec![
                (EntityType::ORG, "ائتلاف الوطنية"),
                (EntityType::PER, "إياد علاوي"),
            ],
            "ائتلاف الوطنية",
            "الحكومة",
        ),
    ] {
        let (d, ev) = run_named(text, &ents);
        let e = ev.first().unwrap_or_else(|| panic!("{text}: no event"));
        assert_eq!(texts(&d, &e.actor), vec![actor], "{text}: {ev:#?}");
        assert_eq!(texts(&d, &e.recipient), vec![object], "{text}: {ev:#?}");
    }
}

#[test]
fn a_verb_carrying_its_plural_subject_has_the_object_after_it() {
    // «-وا» / «-ون» mark the subject on the verb; a verb before its subject would be
    // singular, so the phrase after a plural-marked verb is its object: the party named
    // is found, and the forces after the verb are never the doer.
    for (text, party) in [
        ("فما زال الثوار يحشدون قواتهم استعدادا للمعركة.", "الثوار"),
        (
            "وأكد البيان أن المسلحين هاجموا عناصر من قوات الأمن بالأسلحة.",
            "قوات الأمن",
        ),
    ] {
        let (d, ev) = run(DocBuilder::new(text));
        let e = ev.first().unwrap_or_else(|| panic!("{text}: no event"));
        let all: Vec<String> = texts(&d, &e.actor)
            .into_iter()
            .chain(texts(&d, &e.recipient))
            .collect();
        assert!(all.iter().any(|t| t.contains(party)), "{text}: {ev:#?}");
        assert!(
            !texts(&d, &e.actor).iter().any(|t| t.contains("قوات")),
            "{text}: {ev:#?}"
        );
    }
    // The Gulf ministers ask Kerry: Kerry is asked, not asking.
    let (d, ev) = run(DocBuilder::new(
        "وقالت مصادر إن وزراء خارجية الخليج سيطالبون كيري بتقديم توضيحات.",
    )
    .entity(EntityType::PER, &["كيري"]));
    let e = only(&ev, Plover::REQUEST);
    assert_eq!(texts(&d, &e.recipient), vec!["كيري"], "{ev:#?}");
    assert!(
        !texts(&d, &e.actor).contains(&"كيري".to_string()),
        "{ev:#?}"
    );
}

#[test]
fn an_adverb_between_subject_and_object_is_skipped() {
    for (text, ents, object) in [
        (
            "واتهمت الحكومة رسميا حزب العمال الكردستاني بالهجوم.",
            vec![(EntityType::ORG, "حزب العمال الكردستاني")],
            "حزب العمال الكردستاني",
        ),
        (
            "واستنكر الأمين العام، بشدة، تصريحات نوري المالكي.",
            vec![(EntityType::PER, "نوري المالكي")],
            "نوري المالكي",
        ),
    ] {
        let (d, ev) = run_named(text, &ents);
        let e = ev.first().unwrap_or_else(|| panic!("{text}: no event"));
        assert_eq!(texts(&d, &e.recipient), vec![object], "{text}: {ev:#?}");
    }
}

#[test]
fn the_pronoun_of_the_matter_is_nobody() {
    // «أنه» before a feminine verb with its own subject after it stands for nobody: the
    // reporter is not the doer. «إنه قتل» with no such subject still is the speaker.
    let (d, ev) = run(DocBuilder::new(
        "أعلن المرصد السوري لحقوق الإنسان أنه قصفت قوات النظام مناطق في حرستا.",
    )
    .entity(EntityType::ORG, &["المرصد السوري لحقوق الإنسان"]));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["قوات النظام"], "{ev:#?}");
    let (d, ev) = run(DocBuilder::new("وقال الجيش إنه قتل 20 مسلحا في الغارة."));
    let e = only(&ev, Plover::ASSAULT);
    assert_eq!(texts(&d, &e.actor), vec!["الجيش"], "{ev:#?}");
}

#[test]
fn a_feminine_verb_does_not_take_a_masculine_person_after_it_as_subject() {
    // «أوقفت المواطن»: the citizen is the one arrested, whoever did it.
    let (d, ev) = run(DocBuilder::new(
        "وقال البيان إن قوة من الجيش في محلة بريتال، أوقفت المواطن فرحات إسماعيل.",
    ));
    let e = only(&ev, Plover::COERCE);
    assert!(
        !texts(&d, &e.actor).iter().any(|t| t.contains("المواطن")),
        "{ev:#?}"
    );
    assert!(
        texts(&d, &e.recipient)
            .iter()
            .any(|t| t.contains("المواطن")),
        "{ev:#?}"
    );
}

#[test]
fn a_time_set_off_between_subject_and_object_is_passed_over() {
    // A time between the subject and the object, in commas or with a bracketed weekday,
    // and quotation marks around the object's name do not hide the object.
    for (text, times) in [
        (
            "اتهمت الحكومة البريطانية، أمس، إسبانيا بانتهاك سيادتها.",
            &["أمس"][..],
        ),
        (
            "اتهمت الحكومة البريطانية أمس (الأحد) إسبانيا بانتهاك سيادتها.",
            &["أمس", "الأحد"],
        ),
        (
            "اتهمت الحكومة البريطانية، أمس (الأحد)، إسبانيا بانتهاك سيادتها.",
            &["أمس", "الأحد"],
        ),
        (
            "اتهمت الحكومة البريطانية اليوم \"إسبانيا\" بانتهاك سيادتها.",
            &["اليوم"],
        ),
    ] {
        let b = times.iter().fold(
            DocBuilder::new(text)
                .entity(EntityType::ORG, &["الحكومة البريطانية"])
                .country(&["إسبانيا"], "ESP"),
            |b, t| b.time(t, 0, DATE, "2015-08-02"),
        );
        let (d, ev) = run(b);
        let e = only(&ev, Plover::ACCUSE);
        assert_eq!(texts(&d, &e.actor), vec!["الحكومة البريطانية"], "{text}");
        assert_eq!(texts(&d, &e.recipient), vec!["إسبانيا"], "{text}: {ev:#?}");
    }
    // A bracket holding words, and quotes around more than a name, still end the clause.
    let b = DocBuilder::new("اتهمت الحكومة البريطانية (في بيان مطول) إسبانيا بانتهاك سيادتها.")
        .entity(EntityType::ORG, &["الحكومة البريطانية"])
        .country(&["إسبانيا"], "ESP");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ACCUSE);
    assert!(e.recipient.is_empty(), "{:?}", texts(&d, &e.recipient));
}

#[test]
fn a_year_before_min_is_no_count() {
    // «من» after a count is partitive (the side hit); after the year of a date it is not.
    let b = DocBuilder::new("شن الجيش هجوما تم في يناير 2013 بمبادرة من فرنسا.")
        .country(&["فرنسا"], "FRA")
        .time("في يناير 2013", 0, DATE, "2013-01");
    let (d, ev) = run(b);
    let e = only(&ev, Plover::ASSAULT);
    assert!(e.recipient.is_empty(), "{:?}", texts(&d, &e.recipient));
}

#[test]
fn an_interview_is_no_talks() {
    // «حوار» with a newspaper or a channel is an interview, not a dialogue between parties.
    for text in [
        "وفيما يلي حوار «الشرق الأوسط» مع أكسل بنسلر.",
        "وقال الوزير في حوار صحفي مع الصحيفة إن الحكومة مستعدة.",
        "وأكد الوزير في حوار أجرته معه قناة العربية أن الحكومة مستعدة.",
    ] {
        let (_, ev) = run(DocBuilder::new(text));
        assert!(
            ev.iter().all(|e| e.etype != Plover::CONSULT),
            "{text}: {ev:#?}"
        );
    }
    let (_, ev) = run(DocBuilder::new(
        "وانطلقت جولة الحوار بين الحكومة والمعارضة في جنيف.",
    ));
    only(&ev, Plover::CONSULT);
}
