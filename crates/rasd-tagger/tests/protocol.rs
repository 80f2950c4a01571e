//! Integration tests: deterministic training on a tiny corpus, CoNLL round trip on the
//! real ANERcorp test file when the shared data is present, and robustness of tagging.

use rasd_tagger::{eval_conll, train, DevSpec, Tagger, TrainParams};
use std::path::{Path, PathBuf};

fn tiny_corpus() -> String {
    let mut s = String::new();
    let people = ["محمد", "أحمد", "خالد", "سمير", "علي"];
    let places = ["القاهرة", "بغداد", "دمشق", "الرياض", "عمان"];
    for (i, p) in people.iter().enumerate() {
        let c = places[(i * 2) % places.len()];
        s.push_str(&format!(
            "قال O\n{p} B-PERS\nحسن I-PERS\nفي O\n{c} B-LOC\nإن O\nوزارة B-ORG\nالخارجية I-ORG\nتعمل O\n. O\n\n"
        ));
        s.push_str(&format!(
            "وصل O\n{p} B-PERS\nإلى O\n{c} B-LOC\nأمس O\n. O\n\n"
        ));
    }
    s
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("rasd_tagger_test_{}_{name}", std::process::id()))
}

#[test]
fn training_is_deterministic_and_learns() {
    let train_path = tmp("train.txt");
    std::fs::write(&train_path, tiny_corpus()).unwrap();
    let params = TrainParams {
        seed: 7,
        max_epochs: 5,
        verbose: false,
        gaz_folds: 3,
        ..TrainParams::default()
    };
    let (m1, m2, m3) = (tmp("m1"), tmp("m2"), tmp("m3"));
    let r1 = train(&train_path, &DevSpec::SplitLast(0.2), &m1, &[], &params).unwrap();
    train(&train_path, &DevSpec::SplitLast(0.2), &m2, &[], &params).unwrap();
    let b1 = std::fs::read(&m1).unwrap();
    let b2 = std::fs::read(&m2).unwrap();
    assert_eq!(b1, b2, "same seed must give the same model bytes");
    assert!(r1.dev_scores.is_some());
    assert!(r1.epochs >= 1 && r1.epochs <= 5);
    // a different seed still trains (and the model tags the training data well)
    let p3 = TrainParams { seed: 8, ..params };
    train(&train_path, &DevSpec::None, &m3, &[], &p3).unwrap();
    let t = Tagger::load(&m3).unwrap();
    let gold = tiny_corpus();
    let pred = t.tag_conll(&gold);
    let s = eval_conll(&gold, &pred);
    assert!(s.micro.f1() > 80.0, "{}", s.report());
    for p in [&train_path, &m1, &m2, &m3] {
        let _ = std::fs::remove_file(p);
    }
}

#[test]
fn training_rejects_empty_input() {
    let p = tmp("empty.txt");
    std::fs::write(&p, "\n\n").unwrap();
    let params = TrainParams {
        verbose: false,
        ..TrainParams::default()
    };
    assert!(train(&p, &DevSpec::None, &tmp("never"), &[], &params).is_err());
    assert!(train(
        Path::new("/nonexistent/x"),
        &DevSpec::None,
        &tmp("n2"),
        &[],
        &params
    )
    .is_err());
    let _ = std::fs::remove_file(p);
}

fn shared_file(name: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        manifest.join("../../../shared/data/anercorp").join(name),
        manifest.join("../../shared/data/anercorp").join(name),
        PathBuf::from("/work/shared/data/anercorp").join(name),
    ]
    .into_iter()
    .find(|p| p.exists())
}

#[test]
fn conll_roundtrip_on_anercorp_test_file() {
    let Some(path) = shared_file("ANERCorp_CamelLab_test.txt") else {
        eprintln!("shared ANERcorp data not found; skipping");
        return;
    };
    let input = std::fs::read_to_string(path).unwrap();
    let out = Tagger::embedded().tag_conll(&input);
    let in_lines: Vec<&str> = input.lines().collect();
    let out_lines: Vec<&str> = out.lines().collect();
    assert_eq!(in_lines.len(), out_lines.len());
    for (a, b) in in_lines.iter().zip(&out_lines) {
        assert_eq!(a.split_whitespace().next(), b.split_whitespace().next());
        if !a.trim().is_empty() {
            assert_eq!(b.split(' ').count(), 2);
        }
    }
}

#[test]
fn embedded_model_loads_and_finds_entities() {
    assert_eq!(Tagger::embedded_error(), None);
    let t = Tagger::embedded();
    assert!(t.model().num_features() > 1000);
    let toks = [
        "وقال",
        "الرئيس",
        "الأمريكي",
        "جورج",
        "بوش",
        "في",
        "واشنطن",
        "إن",
        "الأمم",
        "المتحدة",
        "ستجتمع",
        ".",
    ];
    let tags = t.tag(&toks, None);
    let spans = rasd_tagger::spans(&tags);
    let found: Vec<(String, &str)> = spans
        .iter()
        .map(|s| (toks[s.start..s.end].join(" "), s.etype.as_str()))
        .collect();
    assert!(
        found.contains(&("جورج بوش".to_string(), "PERS")),
        "{found:?}"
    );
    assert!(found.contains(&("واشنطن".to_string(), "LOC")), "{found:?}");
    assert!(tags
        .iter()
        .all(|t| t.confidence > 0.0 && t.confidence <= 1.0));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text: tagging never panics and returns exactly the first column of every
    /// non-blank line, in order, with blank lines where the input had them.
    #[test]
    fn tag_conll_preserves_tokens(text in "(\\PC{0,12}[ \\t]{0,2}(B-LOC|O|x)?\\r?\\n){0,30}") {
        let out = Tagger::embedded().tag_conll(&text);
        let want: Vec<Option<&str>> = text.lines().map(|l| l.split_whitespace().next()).collect();
        let got: Vec<Option<&str>> = out.lines().map(|l| l.split(' ').next().filter(|s| !s.is_empty())).collect();
        proptest::prop_assert_eq!(want, got);
    }

    /// Tagging arbitrary token lists (with or without KB hints) never panics and gives one
    /// tag per token.
    #[test]
    fn tag_any_tokens(toks in proptest::collection::vec("\\PC{0,8}", 0..20),
                      hints in proptest::collection::vec("(LOC-B|PERS-I|ORG-B\\|MISC-I|junk|)", 0..25)) {
        let t: Vec<&str> = toks.iter().map(String::as_str).collect();
        let h: Vec<&str> = hints.iter().map(String::as_str).collect();
        let tags = Tagger::embedded().tag(&t, Some(&h));
        proptest::prop_assert_eq!(tags.len(), t.len());
        let spans = rasd_tagger::spans(&tags);
        proptest::prop_assert!(spans.iter().all(|s| s.start < s.end && s.end <= t.len()));
    }
}

#[test]
fn document_stage_trains_loads_and_tags() {
    let train_path = tmp("train_doc.txt");
    std::fs::write(&train_path, tiny_corpus()).unwrap();
    let params = TrainParams {
        seed: 3,
        max_epochs: 3,
        verbose: false,
        gaz_folds: 3,
        doc_stage: true,
        doc_folds: 3,
        ..TrainParams::default()
    };
    let m = tmp("mdoc");
    train(&train_path, &DevSpec::SplitLast(0.2), &m, &[], &params).unwrap();
    let t = Tagger::load(&m).unwrap();
    assert!(t.model().info().contains("doc_stage=true"));
    let gold = tiny_corpus();
    let pred = t.tag_conll(&gold);
    assert_eq!(pred.lines().count(), gold.lines().count());
    let s = eval_conll(&gold, &pred);
    assert!(s.micro.f1() > 50.0, "{}", s.report());
    for p in [&train_path, &m] {
        let _ = std::fs::remove_file(p);
    }
}

#[test]
fn prototype_table_is_embedded_and_changes_the_model() {
    let train_path = tmp("ptrain.txt");
    std::fs::write(&train_path, tiny_corpus()).unwrap();
    // a prototype table in the cluster-file format: a name unseen in training shares the
    // B-PERS prototype (id 1) of the training names
    let protos = tmp("protos.tsv");
    std::fs::write(
        &protos,
        "# test\nمحمد\t1\t0\t0\nاحمد\t1\t0\t0\nسعيد\t1\t0\t0\nالقاهره\t129\t0\t0\n",
    )
    .unwrap();
    let base = TrainParams {
        seed: 3,
        max_epochs: 4,
        verbose: false,
        gaz_folds: 3,
        kb_dir: None,
        ..TrainParams::default()
    };
    let with = TrainParams {
        protos: Some(protos.clone()),
        ..base.clone()
    };
    let (m0, m1) = (tmp("pm0"), tmp("pm1"));
    train(&train_path, &DevSpec::None, &m0, &[], &base).unwrap();
    train(&train_path, &DevSpec::None, &m1, &[], &with).unwrap();
    assert_ne!(std::fs::read(&m0).unwrap(), std::fs::read(&m1).unwrap());
    let t = Tagger::load(&m1).unwrap();
    let toks = ["وصل", "سعيد", "إلى", "القاهرة", "أمس"];
    let tags = t.tag(&toks, None);
    assert_eq!(tags.len(), toks.len());
    // the tagger reloaded from bytes behaves identically (the table survived the round trip)
    let again = Tagger::load(&m1).unwrap().tag(&toks, None);
    assert_eq!(
        tags.iter().map(|x| x.label).collect::<Vec<_>>(),
        again.iter().map(|x| x.label).collect::<Vec<_>>()
    );
    for p in [&train_path, &protos, &m0, &m1] {
        let _ = std::fs::remove_file(p);
    }
}
