//! The `rasd` command line.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use rasd::batch::{self, Outcome};
use rasd::pipeline::{Pipeline, PipelineOptions};
use rasd::store_cmd;
use rasd_read::{parse_date, Encoding, Options, Reader};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// rasd (رصد, "monitoring") reads Arabic news and writes down the world it describes:
/// entities, times, quantities and PLOVER events with actors, place, date, casualties and
/// attribution, every value with the character offsets it came from.
#[derive(Parser, Debug)]
#[command(name = "rasd", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract one JSON record per document (JSON Lines) from text, HTML or JSONL inputs.
    ///
    /// Inputs are files, directories (read recursively, in sorted order) or `-` for standard
    /// input; `.gz` files are decompressed. A document that cannot be read is reported on
    /// standard error with its file (and line) and skipped; the exit code is 0 when every
    /// document succeeded, 1 when some failed, 2 for usage errors.
    Extract(ExtractArgs),
    /// Score records against gold files, exactly as the reference scorer `score.py` does.
    Eval(EvalArgs),
    /// Print the sources and licences of the data shipped inside this binary.
    About,
    /// Measure throughput (MB/s, documents/s) and peak memory of the full pipeline on the
    /// SaudiNewsNet corpus, single-threaded and on all cores.
    Bench(BenchArgs),
    /// Tag a token-per-line CoNLL file with the statistical NER tagger (IOB2 over
    /// PERS/LOC/ORG/MISC, ANERcorp's labels); writes `TOKEN TAG` lines.
    Tag(rasd::ner_cmd::TagArgs),
    /// Score CoNLL NER output conlleval-style: micro and per-type P/R/F1.
    EvalNer(rasd::ner_cmd::EvalNerArgs),
    /// Retrain the tagger's model from ANERcorp train (deterministic for a seed).
    TrainNer(rasd::ner_cmd::TrainNerArgs),
    /// Add the rule recogniser's hints to a CoNLL file as a middle column (`TOKEN HINT
    /// TAG`), the input `rasd-tagger-tool train` and `scripts/tagger/cv.sh -t` learn from.
    NerHints(rasd::ner_cmd::NerHintsArgs),
    /// Serve a corpus over HTTP: JSON API (`/api/…`, OpenAPI at `/api/openapi.json`) and a
    /// web UI with map, timeline and document view. Binds loopback by default.
    Serve(rasd_serve::ServeArgs),
    /// Ingest documents into a corpus store (SQLite): dedup, entities, fused events, full text.
    Ingest(store_cmd::IngestArgs),
    /// Full-text search of a store (clitic- and diacritic-insensitive, ranked, with snippets).
    Search(store_cmd::SearchArgs),
    /// Fused events of a store (JSON, CSV, GeoJSON, PLOVER).
    Events(store_cmd::EventsArgs),
    /// Corpus entities of a store with document counts and co-occurring actors.
    Entities(store_cmd::EntitiesArgs),
    /// Counts of a store.
    Stats(store_cmd::StatsArgs),
    /// Store maintenance.
    Db(store_cmd::DbArgs),
    /// Benchmark the store on SaudiNewsNet: ingest rate, size, query latency.
    BenchStore(store_cmd::BenchStoreArgs),
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Files, directories or `-` (standard input).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Document id (single document only; default: the file stem, or a content hash).
    #[arg(long)]
    id: Option<String>,
    /// Publication date YYYY-MM-DD, the anchor for relative times (for documents that carry none).
    #[arg(long, value_parser = parse_date_arg)]
    date: Option<jiff::civil::Date>,
    /// Pretty-print each record (indented JSON instead of one line per document).
    #[arg(long)]
    pretty: bool,
    /// Output shape: `json` (one record per document), `plover` (one PLOVER event per
    /// line), `csv` (ACLED-like columns, one event per row) or `geojson` (a
    /// FeatureCollection of located events).
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    format: OutputFormat,
    /// Leave the original text out of the records.
    #[arg(long)]
    no_text: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
    #[arg(long)]
    lossy: bool,
    /// Input encoding: utf-8 (default), auto (detect legacy encodings such as windows-1256) or a label.
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    encoding: Encoding,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_bytes: u64,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Write records to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Also let the statistical NER tagger propose person names (more recall on names no
    /// list has; costs about 30 % of the throughput and ~40 ms of start-up).
    #[arg(long)]
    tagger: bool,
}

/// Shapes `rasd extract` can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// Document records (SCHEMA.md), JSON Lines.
    Json,
    /// PLOVER JSON Lines, one event per line.
    Plover,
    /// ACLED-like CSV, one event per row.
    Csv,
    /// GeoJSON FeatureCollection of located events.
    Geojson,
}

/// The writer behind `--format`.
enum Sink<W: Write> {
    Json { w: W, pretty: bool },
    Plover(rasd_events::export::PloverWriter<W>),
    Csv(Box<rasd_events::export::CsvWriter<W>>),
    Geojson(rasd_events::export::GeoJsonWriter<W>),
}

impl<W: Write> Sink<W> {
    fn new(format: OutputFormat, w: W, pretty: bool) -> io::Result<Self> {
        Ok(match format {
            OutputFormat::Json => Sink::Json { w, pretty },
            OutputFormat::Plover => Sink::Plover(rasd_events::export::PloverWriter::new(w)),
            OutputFormat::Csv => Sink::Csv(Box::new(rasd_events::export::CsvWriter::new(w)?)),
            OutputFormat::Geojson => Sink::Geojson(rasd_events::export::GeoJsonWriter::new(w)),
        })
    }

    fn write(&mut self, rec: &rasd_doc::Record) -> io::Result<()> {
        match self {
            Sink::Json { w, pretty } => {
                let s = if *pretty {
                    serde_json::to_string_pretty(rec)
                } else {
                    serde_json::to_string(rec)
                };
                writeln!(w, "{}", s.map_err(io::Error::other)?)
            }
            Sink::Plover(p) => p.write(rec),
            Sink::Csv(c) => c.write(rec),
            Sink::Geojson(g) => {
                g.write(rec);
                Ok(())
            }
        }
    }

    fn finish(self) -> io::Result<()> {
        let mut w = match self {
            Sink::Json { w, .. } => w,
            Sink::Plover(p) => p.finish()?,
            Sink::Csv(c) => (*c).finish()?,
            Sink::Geojson(g) => g.finish()?,
        };
        w.flush()
    }
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// Gold files (`*.gold.json`) or directories holding them.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// Records to score (JSON Lines, as written by `rasd extract`).
    #[arg(long)]
    system: PathBuf,
    /// Print `{"summary": …, "details": …}` as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct BenchArgs {
    /// Folder of SaudiNewsNet daily zips.
    #[arg(long, default_value = "../shared/data/saudinewsnet")]
    corpus: PathBuf,
    /// Use at most this many articles (0 = all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
    /// Also report the time spent in each stage.
    #[arg(long)]
    stages: bool,
    /// Measure the pipeline with the NER tagger's person names (`extract --tagger`).
    #[arg(long)]
    tagger: bool,
}

fn parse_date_arg(s: &str) -> Result<jiff::civil::Date, String> {
    parse_date(s)
        .filter(|_| s.trim().len() == 10)
        .ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    s.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Eval(a) => eval(a),
        Command::Tag(a) => rasd::ner_cmd::tag(a).map(|_| ExitCode::SUCCESS),
        Command::EvalNer(a) => rasd::ner_cmd::eval_ner(a).map(|_| ExitCode::SUCCESS),
        Command::TrainNer(a) => rasd::ner_cmd::train_ner(a).map(|_| ExitCode::SUCCESS),
        Command::NerHints(a) => rasd::ner_cmd::ner_hints(a).map(|_| ExitCode::SUCCESS),
        Command::About => {
            print!("{}", rasd::about());
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest(a) => store_cmd::ingest(a),
        Command::Search(a) => store_cmd::search(a),
        Command::Events(a) => store_cmd::events(a),
        Command::Entities(a) => store_cmd::entities(a),
        Command::Stats(a) => store_cmd::stats(a),
        Command::Db(a) => store_cmd::db(a),
        Command::BenchStore(a) => store_cmd::bench(a),
        Command::Bench(a) => {
            rasd::bench::run(&a.corpus, a.limit, a.stages, a.tagger).map(|_| ExitCode::SUCCESS)
        }
        Command::Serve(a) => {
            let pipeline = std::sync::Arc::new(Pipeline::standard());
            let extractor = std::sync::Arc::new(move |doc| pipeline.extract(doc, true));
            rasd_serve::run(a, extractor).map(|_| ExitCode::SUCCESS)
        }
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let single = a.inputs.len() == 1 && !a.inputs[0].is_dir();
    if a.id.is_some() && !single {
        bail!("--id names a single document; give one file or `-`");
    }
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting --threads")?;
    }
    let reader = Reader::new(Options {
        max_bytes: a.max_bytes,
        lossy: a.lossy,
        encoding: a.encoding.clone(),
        id: a.id.clone(),
        date: a.date,
    });
    let pipeline = Pipeline::new(PipelineOptions { tagger: a.tagger });
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let progress = (!a.quiet && io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents  {per_sec}  {elapsed_precise}  {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    });
    let mut out = Sink::new(a.format, out, a.pretty)?;
    let mut write_error: Option<io::Error> = None;
    let sink = |o: Outcome| -> bool {
        if let Some(pb) = &progress {
            pb.inc(1);
        }
        match o {
            Ok(rec) => {
                if let Err(e) = out.write(&rec) {
                    write_error = Some(e);
                    return false;
                }
            }
            Err(e) => {
                let msg = format!("rasd: skipped {e}");
                match &progress {
                    Some(pb) => pb.println(msg),
                    None => eprintln!("{msg}"),
                }
            }
        }
        true
    };
    let summary = batch::run(&a.inputs, &reader, &pipeline, !a.no_text, sink);
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if let Some(e) = write_error {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        bail!("writing records: {e}");
    }
    if let Err(e) = out.finish() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            bail!("writing records: {e}");
        }
    }
    if summary.failed > 0 {
        if !a.quiet {
            eprintln!(
                "rasd: {} of {} documents failed; {} records written",
                summary.failed,
                summary.ok + summary.failed,
                summary.ok
            );
        }
        return Ok(ExitCode::from(1));
    }
    if summary.ok == 0 {
        if !a.quiet {
            eprintln!("rasd: no documents found in the inputs");
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(a: EvalArgs) -> Result<ExitCode> {
    let golds = rasd_eval::load_gold(&a.gold)?;
    if golds.is_empty() {
        bail!(
            "no *.gold.json files in {}",
            a.gold
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let records = rasd_eval::load_system(&a.system)?;
    let report = rasd_eval::score(&golds, &records)?;
    if a.json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}
