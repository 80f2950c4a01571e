//! Tests of the resolve stage on a fixture knowledge base (not the seed).

use super::*;
use rasd_doc::Meta;
use rasd_kb::{compile, source::Sources};
use rasd_recognise::Recogniser;
use rasd_text::{Normaliser, Segmenter};

fn fixture() -> Kb {
    let mut s = Sources::default();
    s.read_str(
        "places.tsv",
        "id\tkind\tname_en\tnames_ar\tlat\tlon\tcc2\tcc3\tadmin1\tfeature\tpopulation\tgeonames\twikidata\tparent\tsources\n\
         c:LY\tcountry\tLibya\tليبيا\t27\t17\tLY\tLBY\t\tPCLI\t6000000\t\t\t\tne\n\
         c:LB\tcountry\tLebanon\tلبنان\t33.9\t35.8\tLB\tLBN\t\tPCLI\t5000000\t\t\t\tne\n\
         c:FR\tcountry\tFrance\tفرنسا\t46\t2\tFR\tFRA\t\tPCLI\t67000000\t\t\t\tne\n\
         c:US\tcountry\tUnited States\tالولايات المتحدة\t39\t-98\tUS\tUSA\t\tPCLI\t330000000\t\t\t\tne\n\
         c:SA\tcountry\tSaudi Arabia\tالسعودية|المملكة العربية السعودية\t24\t45\tSA\tSAU\t\tPCLI\t30000000\t\t\t\tne\n\
         c:JO\tcountry\tJordan\tالأردن\t31\t36\tJO\tJOR\t\tPCLI\t10000000\t\t\t\tne\n\
         gn:1\tcity\tTripoli\tطرابلس\t32.89\t13.19\tLY\tLBY\t\tPPLC\t1150989\t2210247\t\tc:LY\tgn\n\
         gn:2\tcity\tTripoli\tطرابلس\t34.43\t35.84\tLB\tLBN\t\tPPLA\t229398\t266826\t\tc:LB\tgn\n\
         gn:3\tcity\tParis\tباريس\t48.85\t2.35\tFR\tFRA\t\tPPLC\t2100000\t2988507\t\tc:FR\tgn\n\
         gn:4\ttown\tParis\tباريس\t33.66\t-95.55\tUS\tUSA\t\tPPL\t25000\t4717560\t\tc:US\tgn\n\
         gn:5\tcity\tBeirut\tبيروت\t33.89\t35.5\tLB\tLBN\t\tPPLC\t1900000\t276781\t\tc:LB\tgn\n",
    );
    s.read_str(
        "people.tsv",
        "key\tname_en\tcountry\tsector\trole\taffiliation\twikidata\tnames_ar\n\
         p:haftar\tKhalifa Haftar\tLBY\tMIL\tcommander\tLNA\t\tخليفة حفتر\n\
         p:mikati\tNajib Mikati\tLBN\tGOV\tpm\t\t\tنجيب ميقاتي\n\
         p:jubeir\tAdel al-Jubeir\tSAU\tGOV\tfm\t\t\tعادل الجبير\n",
    );
    s.read_str(
        "orgs.tsv",
        "key\tname_en\tcountry\tsector\tsubtype\twikidata\tnames_ar\n\
         st:lna\tLibyan National Army\tLBY\tMIL\tmilitary\tQ1\tالجيش الوطني الليبي\n",
    );
    s.read_str(
        "gentilics.tsv",
        "iso3\tforms\nLBY\tليبي\nLBN\tلبناني\nFRA\tفرنسي\nUSA\tأمريكي|أميركي\nEGY\tمصري\nSAU\tسعودي\nJOR\tأردني\n",
    );
    Kb::from_compiled(compile::compile(&s).unwrap()).unwrap()
}

fn run(kb: &Kb, lx: &Lexicon, text: &str) -> (Document, Vec<Entity>) {
    let mut d = Document::new(Meta::default(), text.to_string());
    Normaliser.process(&mut d);
    Segmenter.process(&mut d);
    Recogniser::with_kb(kb, lx).process(&mut d);
    let ents = Resolver::with_kb(kb, lx).resolve(&d);
    (d, ents)
}

fn find<'a>(d: &Document, ents: &'a [Entity], text: &str) -> &'a Entity {
    ents.iter()
        .find(|e| e.mentions.iter().any(|m| d.slice(m.span) == text))
        .unwrap_or_else(|| panic!("no entity for {text}: {ents:?}"))
}

#[test]
fn tripoli_follows_the_story_country() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    let (d, e) = run(
        &kb,
        &lx,
        "اشتبكت الميليشيات في ليبيا أمس. وقال سكان في طرابلس إن الوضع هادئ.",
    );
    let g = find(&d, &e, "طرابلس").geo.clone().unwrap();
    assert_eq!(g.country.as_deref(), Some("LY"));
    assert_eq!(g.resolution, 4);
    let (d, e) = run(
        &kb,
        &lx,
        "قال رئيس الحكومة اللبنانية نجيب ميقاتي في بيروت إن لبنان يمر بأزمة. وشهدت طرابلس اشتباكات.",
    );
    let g = find(&d, &e, "طرابلس").geo.clone().unwrap();
    assert_eq!(g.country.as_deref(), Some("LB"));
}

#[test]
fn apposition_beats_the_story_country() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    // A story about the United States, a city named with its country in brackets.
    let (d, e) = run(
        &kb,
        &lx,
        "أعلنت الولايات المتحدة أن الجنود الأمريكيين والخبراء الأمريكيين سيجتمعون في باريس (فرنسا) الأسبوع المقبل.",
    );
    let g = find(&d, &e, "باريس").geo.clone().unwrap();
    assert_eq!(g.country.as_deref(), Some("FR"));
    assert!((g.lat - 48.85).abs() < 0.01);
}

#[test]
fn surnames_cluster_and_canonical_names_come_from_the_kb() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    let (d, e) = run(
        &kb,
        &lx,
        "أعلن خليفة حفتر بدء الهجوم. وقال حفتر إن قواته تقدمت، وأكد للجيش الوطني الليبي دعمه.",
    );
    let h = find(&d, &e, "حفتر");
    assert_eq!(h.mentions.len(), 2);
    assert_eq!(h.name, "خليفة حفتر");
    assert_eq!(h.country.as_deref(), Some("LBY"));
    let lna = find(&d, &e, "للجيش الوطني الليبي");
    assert_eq!(lna.name, "الجيش الوطني الليبي");
    assert_eq!(lna.kb.wikidata.as_deref(), Some("Q1"));
    // Ordered by first mention.
    assert_eq!(e[0].name, "خليفة حفتر");
}

#[test]
fn country_and_sector_from_names_and_titles() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    let (d, e) = run(
        &kb,
        &lx,
        "أعلنت وزارة الدفاع الفرنسية أن العقيد المصري سامي عنان وصل.",
    );
    let m = find(&d, &e, "وزارة الدفاع الفرنسية");
    assert_eq!(m.country.as_deref(), Some("FRA"));
    assert_eq!(m.sector.as_deref(), Some("GOV"));
    let p = find(&d, &e, "سامي عنان");
    assert_eq!(p.country.as_deref(), Some("EGY"));
    assert_eq!(p.sector.as_deref(), Some("MIL"));
}

#[test]
fn nominals_attach_only_when_unambiguous() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    // One person before the nominal: it attaches.
    let (d, e) = run(
        &kb,
        &lx,
        "وصل اللواء خليفة حفتر أمس. ورفض اللواء السابق الدعوة.",
    );
    let h = find(&d, &e, "خليفة حفتر");
    assert!(h
        .mentions
        .iter()
        .any(|m| m.kind == MentionKind::Nominal && d.slice(m.span) == "اللواء السابق"));
    // Two people introduced with the same title: ambiguous, dropped.
    let (d, e) = run(
        &kb,
        &lx,
        "التقى اللواء خليفة حفتر اللواء سامي عنان. ورفض اللواء السابق الدعوة.",
    );
    assert!(e.iter().all(|x| x
        .mentions
        .iter()
        .all(|m| m.kind == MentionKind::Name || d.slice(m.span) != "اللواء السابق")));
}

#[test]
fn empty_document() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    let (_, e) = run(&kb, &lx, "");
    assert!(e.is_empty());
}

mod robustness {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn fixed() -> &'static (Kb, Lexicon) {
        static F: OnceLock<(Kb, Lexicon)> = OnceLock::new();
        F.get_or_init(|| {
            let kb = fixture();
            let lx = Lexicon::new(&kb);
            (kb, lx)
        })
    }

    fn check(kb: &Kb, lx: &Lexicon, text: &str) -> Result<(), TestCaseError> {
        let (d, ents) = run(kb, lx, text);
        for m in &d.mentions {
            prop_assert!(m.span.end <= d.text.len() && m.span.start <= m.span.end);
            prop_assert!(
                d.text.is_char_boundary(m.span.start) && d.text.is_char_boundary(m.span.end)
            );
        }
        for e in &ents {
            prop_assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                prop_assert!(d.text.get(m.span.start..m.span.end).is_some());
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn any_text_gives_valid_spans(s in "\\PC{0,120}") {
            let (kb, lx) = fixed();
            check(kb, lx, &s)?;
        }

        #[test]
        fn arabic_soup_gives_valid_spans(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("طرابلس"), Just("وبطرابلس"), Just("للجيش"), Just("الوطني"), Just("الليبي"),
                    Just("خليفة"), Just("حفتر"), Just("اللواء"), Just("("), Just(")"), Just("GIS"),
                    Just("عملية"), Just("\""), Just("،"), Just("\n"), Just("وزارة"), Just("الدفاع"),
                    Just("ً"), Just("ـ"), Just("لبنان"), Just("في"), Just("باريس"), Just("12"),
                ],
                0..40,
            )
        ) {
            let (kb, lx) = fixed();
            check(kb, lx, &words.join(" "))?;
            check(kb, lx, &words.concat())?;
        }
    }
}

#[test]
fn the_kingdom_alone_is_the_arab_kingdom_the_article_names() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    let (d, ents) = run(
        &kb,
        &lx,
        "قال الوزير السعودي إن المملكة تدعم ليبيا، وإن وفدا من السعودية زار طرابلس.",
    );
    let e = find(&d, &ents, "المملكة");
    assert_eq!(e.name, "السعودية");
    assert_eq!(
        e.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("SA")
    );
    assert!(e.mentions.iter().any(|m| d.slice(m.span) == "السعودية"));
    let kingdom = |text: &str| {
        let (d, ents) = run(&kb, &lx, text);
        ents.iter().any(|e| {
            e.mentions
                .iter()
                .any(|m| d.slice(m.span).contains("المملكة"))
        })
    };
    // No Arab kingdom named: the word is left alone.
    assert!(!kingdom("قال الوزير الفرنسي إن المملكة تدعم ليبيا."));
    // Two kingdoms named as often: no guess.
    assert!(!kingdom(
        "التقى وزير سعودي ونظيره الأردني في طرابلس، وقالا إن المملكة تدعم ليبيا."
    ));
    // A definite word after it makes another name.
    assert!(!kingdom(
        "قال الوزير السعودي إن المملكة المتحدة تدعم ليبيا."
    ));
    // No place or adjective names a kingdom: a known person of one does.
    let (d, ents) = run(&kb, &lx, "قال عادل الجبير إن المملكة تدعم ليبيا.");
    assert_eq!(find(&d, &ents, "المملكة").name, "السعودية");
    // …but only then: with the kingdoms named as often, the person decides nothing.
    assert!(!kingdom(
        "التقى وزير سعودي ونظيره الأردني، وقال عادل الجبير إن المملكة تدعم ليبيا."
    ));
}

#[test]
fn a_name_without_its_closing_adjective_is_the_organisation_told() {
    let kb = fixture();
    let lx = Lexicon::new(&kb);
    let (d, e) = run(
        &kb,
        &lx,
        "قالت وزارة الداخلية السعودية إن خلية اعتقلت. وأضافت وزارة الداخلية أن التحقيق مستمر.",
    );
    let moi = find(&d, &e, "وزارة الداخلية السعودية");
    assert_eq!(moi.mentions.len(), 2, "{e:?}");
    // With two ministries so named, the short name could be either: it stays apart.
    let (d, e) = run(
        &kb,
        &lx,
        "قالت وزارة الداخلية السعودية ووزارة الداخلية الأردنية إن خلية اعتقلت. \
         وأضافت وزارة الداخلية أن التحقيق مستمر.",
    );
    assert_eq!(
        find(&d, &e, "وزارة الداخلية السعودية").mentions.len(),
        1,
        "{e:?}"
    );
}
