//! The extraction pipeline: the ordered list of stages every document goes through.
//!
//! read → normalise → segment → recognise → times/quantities → resolve → events →
//! attribute → emit. Reading happens before (in `rasd-read`), emitting after
//! ([`rasd_doc::Record::from_document`]); in between, each [`Stage`] adds one layer to
//! the [`Document`]. Stages are stateless after construction and shared by all threads.

use crate::ner::TaggerSource;
use rasd_doc::{Document, Record, Stage};
use rasd_events::{Attributor, EventCoder};
use rasd_recognise::Recogniser;
use rasd_resolve::Resolver;
use rasd_text::{Normaliser, Segmenter};
use rasd_timex::TimesAndQuantities;
use std::time::{Duration, Instant};

/// Language identification: script shares decide Arabic-script vs Latin; Persian and
/// Urdu are told from Arabic by their own letters; other languages by `whatlang`.
#[derive(Debug, Default, Clone, Copy)]
pub struct LangId;

impl Stage for LangId {
    fn name(&self) -> &'static str {
        "lang"
    }

    fn process(&self, doc: &mut Document) {
        // The first 1,000 characters decide; no copy of the text is made.
        let end = doc
            .text
            .char_indices()
            .nth(1000)
            .map(|(i, _)| i)
            .unwrap_or(doc.text.len());
        let head = &doc.text[..end];
        let (mut arabic, mut latin, mut persian, mut urdu) = (0usize, 0usize, 0usize, 0usize);
        for c in head.chars() {
            match c {
                'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian += 1,
                'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' => urdu += 1,
                '\u{0621}'..='\u{064A}' => arabic += 1,
                _ if c.is_ascii_alphabetic() => latin += 1,
                '\u{0600}'..='\u{06FF}' if c.is_alphabetic() => arabic += 1,
                _ if !c.is_ascii() && c.is_alphabetic() => latin += 1,
                _ => {}
            }
        }
        let script = arabic + persian + urdu;
        doc.lang = if script == 0 && latin == 0 {
            None
        } else if script >= latin {
            Some(
                if urdu * 50 > script {
                    "ur"
                } else if persian * 50 > script {
                    "fa"
                } else {
                    "ar"
                }
                .to_string(),
            )
        } else {
            whatlang::detect(head).map(|i| i.lang().code().chars().take(2).collect())
        };
    }
}

/// An ordered list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

/// Choices that change what the pipeline computes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PipelineOptions {
    /// Let the statistical tagger propose person names to the recogniser (see
    /// [`crate::ner`]): better recall on names no list has, for about 30 % of the
    /// throughput (4.15 against 5.91 MB/s on one thread, 2026-11-29), so it is opt-in
    /// (`--tagger`).
    pub tagger: bool,
}

impl Pipeline {
    /// The full extraction pipeline with the default options.
    pub fn standard() -> Self {
        Pipeline::new(PipelineOptions::default())
    }

    /// The full extraction pipeline with `opts`.
    pub fn new(opts: PipelineOptions) -> Self {
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(LangId),
            Box::new(Normaliser),
            Box::new(Segmenter),
            Box::new(if opts.tagger {
                Recogniser::new().with_source(Box::new(TaggerSource::embedded()))
            } else {
                Recogniser::new()
            }),
            Box::new(TimesAndQuantities),
            Box::new(Resolver::new()),
            Box::new(EventCoder),
            Box::new(Attributor),
        ];
        Pipeline { stages }
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage on `doc`.
    pub fn run(&self, doc: &mut Document) {
        for s in &self.stages {
            s.process(doc);
        }
    }

    /// Runs every stage, adding the time each took to `times` (same order as stages).
    pub fn run_timed(&self, doc: &mut Document, times: &mut [Duration]) {
        for (s, t) in self.stages.iter().zip(times.iter_mut()) {
            let t0 = Instant::now();
            s.process(doc);
            *t += t0.elapsed();
        }
    }

    /// Runs the pipeline and emits the record.
    pub fn extract(&self, mut doc: Document, with_text: bool) -> Record {
        self.run(&mut doc);
        Record::from_document(&doc, with_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::Meta;

    fn lang(s: &str) -> Option<String> {
        let mut d = Document::new(Meta::default(), s.into());
        LangId.process(&mut d);
        d.lang
    }

    #[test]
    fn languages() {
        assert_eq!(lang("قال الرئيس إن الجيش انسحب").as_deref(), Some("ar"));
        assert_eq!(lang("مرحبا بكم").as_deref(), Some("ar"));
        assert_eq!(
            lang("این یک متن فارسی است که چند کلمه دارد").as_deref(),
            Some("fa")
        );
        assert_eq!(
            lang("The army withdrew from the city after heavy fighting on Monday").as_deref(),
            Some("en")
        );
        assert_eq!(lang("123 456"), None);
    }

    #[test]
    fn pipeline_fills_layers() {
        let p = Pipeline::standard();
        let r = p.extract(
            Document::new(
                Meta {
                    id: "t".into(),
                    ..Default::default()
                },
                "جملة أولى. جملة ثانية".into(),
            ),
            true,
        );
        assert_eq!(r.sentences.len(), 2);
        assert_eq!(r.lang.as_deref(), Some("ar"));
    }
}
