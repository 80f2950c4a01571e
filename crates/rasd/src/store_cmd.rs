//! The corpus-store subcommands: `ingest`, `search`, `events`, `entities`, `stats`,
//! `db check` and `bench-store`, thin wrappers around `rasd-store`.
//!
//! Kept out of `main.rs` so the CLI file only gains the variants and dispatch lines.
//! Ingest overlaps extraction and storage: documents are processed in parallel batches
//! (the same `batch::run` as `extract`, plus WARC files) while a writer thread commits
//! records to SQLite, one transaction per batch, so a kill loses at most the open batch
//! and a rerun skips what was committed.

use crate::batch::{self, Outcome};
use crate::pipeline::{Pipeline, PipelineOptions};
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use rasd_doc::Record;
use rasd_read::{Options, Reader};
use rasd_store::{EventFilter, IngestStats, Prepared, SearchFilter, Store};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

/// `rasd ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, directories, JSONL, HTML, .gz or WARC (.warc, .warc.gz) files.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The store (created if missing).
    #[arg(long)]
    pub db: PathBuf,
    /// Documents per transaction (a kill loses at most the open one; larger batches write
    /// fewer, larger full-text segments).
    #[arg(long, default_value_t = DEFAULT_BATCH)]
    pub batch: usize,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
    #[arg(long)]
    pub lossy: bool,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Also let the statistical NER tagger propose person names (as `extract --tagger`).
    #[arg(long)]
    pub tagger: bool,
}

/// `rasd search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words and "quoted phrases"; all must occur (clitics, diacritics and letter variants ignored).
    pub query: String,
    /// The store.
    #[arg(long)]
    pub db: PathBuf,
    /// Published on or after YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Published on or before YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
    /// Only this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only documents mentioning this entity.
    #[arg(long)]
    pub entity: Option<String>,
    /// Only documents with an event of this PLOVER type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Maximum hits.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

/// `rasd events`.
#[derive(Args, Debug)]
pub struct EventsArgs {
    /// The store.
    #[arg(long)]
    pub db: PathBuf,
    /// PLOVER type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Actor or recipient name.
    #[arg(long)]
    pub actor: Option<String>,
    /// Country of the event's place (as the records code it).
    #[arg(long)]
    pub country: Option<String>,
    /// Event date on or after YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Event date on or before YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
    /// minlon,minlat,maxlon,maxlat.
    #[arg(long, value_parser = parse_bbox)]
    pub bbox: Option<Bbox>,
    /// At least this many dead in some report.
    #[arg(long)]
    pub min_dead: Option<f64>,
    /// At most this many fused events, most recent first (0 = all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// JSON array of fused events.
    #[arg(long, group = "fmt")]
    pub json: bool,
    /// ACLED-like CSV.
    #[arg(long, group = "fmt")]
    pub csv: bool,
    /// GeoJSON FeatureCollection of located events.
    #[arg(long, group = "fmt")]
    pub geojson: bool,
    /// PLOVER JSON Lines.
    #[arg(long, group = "fmt")]
    pub plover: bool,
    /// Parquet file (needs the `parquet` cargo feature).
    #[arg(long, group = "fmt")]
    pub parquet: Option<PathBuf>,
}

/// A bounding box.
#[derive(Clone, Copy, Debug)]
pub struct Bbox(pub [f64; 4]);

fn parse_bbox(s: &str) -> Result<Bbox, String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|e| format!("--bbox: {e}"))?;
    match v.as_slice() {
        [a, b, c, d] => Ok(Bbox([*a, *b, *c, *d])),
        _ => Err("--bbox takes minlon,minlat,maxlon,maxlat".into()),
    }
}

/// `rasd entities`.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    /// The store.
    #[arg(long)]
    pub db: PathBuf,
    /// PER | ORG | LOC | MISC.
    #[arg(long = "type")]
    pub etype: Option<String>,
    /// Affiliation or place country code.
    #[arg(long)]
    pub country: Option<String>,
    /// Maximum entities.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

/// `rasd stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// The store.
    #[arg(long)]
    pub db: PathBuf,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

/// `rasd db`.
#[derive(Args, Debug)]
pub struct DbArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: DbCommand,
}

/// `rasd db …` subcommands.
#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// Integrity and consistency check; exit 1 on any problem.
    Check {
        /// The store.
        #[arg(long)]
        db: PathBuf,
    },
}

/// `rasd bench-store`.
#[derive(Args, Debug)]
pub struct BenchStoreArgs {
    /// Folder of SaudiNewsNet daily zips.
    #[arg(long, default_value = "../shared/data/saudinewsnet")]
    pub corpus: PathBuf,
    /// Use at most this many articles (0 = all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// Store file (default: a temporary file, removed afterwards).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Documents per transaction, as `rasd ingest --batch`.
    #[arg(long, default_value_t = DEFAULT_BATCH)]
    pub batch: usize,
}

/// Documents per ingest transaction unless `--batch` says otherwise.
pub const DEFAULT_BATCH: usize = 1024;

fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "{} does not exist (create it with `rasd ingest`)",
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// Runs `rasd ingest`.
pub fn ingest(a: IngestArgs) -> Result<ExitCode> {
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting --threads")?;
    }
    let store = Store::open(&a.db).with_context(|| format!("opening {}", a.db.display()))?;
    let reader = Reader::new(Options {
        max_bytes: a.max_bytes,
        lossy: a.lossy,
        ..Default::default()
    });
    let pipeline = Pipeline::new(PipelineOptions { tagger: a.tagger });
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
    let batch_size = a.batch.max(1);
    // The writer thread stores whole batches (one transaction each) while the pipeline
    // works on the next ones; the derived index data is computed in parallel before
    // a batch is handed over, so the single writer does only database work.
    let (tx, rx) = mpsc::sync_channel::<Vec<Prepared>>(2);
    let writer = std::thread::spawn(move || -> Result<IngestStats> {
        let mut store = store;
        let mut total = IngestStats::default();
        for batch in rx {
            total += store.ingest_prepared(&batch)?;
        }
        Ok(total)
    });
    let mut failed = 0usize;
    let mut ok = 0usize;
    let mut writer_gone = false;
    let mut pending: Vec<Record> = Vec::with_capacity(batch_size);
    let send = |pending: &mut Vec<Record>| -> bool {
        let batch: Vec<Prepared> = std::mem::take(pending)
            .into_par_iter()
            .map(Prepared::from_record)
            .collect();
        batch.is_empty() || tx.send(batch).is_ok()
    };
    let mut sink = |o: Outcome| -> bool {
        if let Some(pb) = &progress {
            pb.inc(1);
        }
        match o {
            Ok(rec) => {
                ok += 1;
                pending.push(rec);
                if pending.len() >= batch_size && !send(&mut pending) {
                    writer_gone = true;
                    return false;
                }
            }
            Err(e) => {
                failed += 1;
                let msg = format!("rasd: skipped {e}");
                match &progress {
                    Some(pb) => pb.println(msg),
                    None => eprintln!("{msg}"),
                }
            }
        }
        true
    };
    let (warcs, others): (Vec<PathBuf>, Vec<PathBuf>) = a
        .inputs
        .iter()
        .cloned()
        .partition(|p| rasd_store::warc::is_warc(p));
    if !others.is_empty() {
        batch::run(&others, &reader, &pipeline, true, &mut sink);
    }
    for w in &warcs {
        let docs = rasd_store::warc::read(w, &reader);
        for chunk in docs.into_iter().collect::<Vec<_>>().chunks_mut(256) {
            let outs: Vec<Outcome> = chunk
                .par_iter_mut()
                .map(|d| {
                    let d = std::mem::replace(
                        d,
                        Err(rasd_read::ReadError {
                            origin: String::new(),
                            kind: rasd_read::ErrorKind::Empty,
                        }),
                    );
                    d.and_then(|doc| batch::process_one(&pipeline, doc, true))
                })
                .collect();
            for o in outs {
                if !sink(o) {
                    break;
                }
            }
        }
    }
    if !writer_gone && !send(&mut pending) {
        writer_gone = true;
    }
    drop(tx);
    let stats = match writer.join() {
        Ok(r) => r.context("writing to the store")?,
        Err(_) => bail!("the store writer thread panicked"),
    };
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if writer_gone {
        bail!("the store writer stopped early");
    }
    if !a.quiet {
        eprintln!(
            "rasd: {} documents read, {} added, {} already stored, {} duplicates ({} exact, {} near), {} events, {} failed",
            ok,
            stats.added,
            stats.skipped,
            stats.exact_duplicates + stats.near_duplicates,
            stats.exact_duplicates,
            stats.near_duplicates,
            stats.events,
            failed
        );
    }
    if failed > 0 {
        return Ok(ExitCode::from(1));
    }
    if ok == 0 {
        if !a.quiet {
            eprintln!("rasd: no documents found in the inputs");
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `rasd search`.
pub fn search(a: SearchArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let hits = store.search(
        &a.query,
        &SearchFilter {
            from: a.from,
            to: a.to,
            outlet: a.outlet,
            entity: a.entity,
            event_type: a.event_type,
            limit: a.limit,
        },
    )?;
    let mut out = io::stdout().lock();
    if a.json {
        let v = serde_json::json!({"query": a.query, "hits": hits});
        writeln!(out, "{v}")?;
    } else {
        for (i, h) in hits.iter().enumerate() {
            writeln!(
                out,
                "{}. {}  {}  {}  (bm25 {:.2})\n   {}\n   {}",
                i + 1,
                h.id,
                h.published.as_deref().unwrap_or("-"),
                h.outlet.as_deref().unwrap_or("-"),
                h.score,
                h.title.as_deref().unwrap_or(""),
                h.snippet
            )?;
        }
        if hits.is_empty() {
            eprintln!("rasd: no documents match");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `rasd events`.
pub fn events(a: EventsArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let evs = store.events(&EventFilter {
        event_type: a.event_type,
        actor: a.actor,
        country: a.country,
        from: a.from,
        to: a.to,
        bbox: a.bbox.map(|b| b.0),
        min_dead: a.min_dead,
        limit: a.limit,
    })?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    if let Some(p) = &a.parquet {
        write_parquet(&evs, p)?;
    } else if a.csv {
        rasd_store::to_csv(&evs, &mut out)?;
    } else if a.geojson {
        writeln!(out, "{}", rasd_store::to_geojson(&evs))?;
    } else if a.plover {
        for e in &evs {
            writeln!(out, "{}", rasd_store::to_plover(e))?;
        }
    } else if a.json {
        writeln!(out, "{}", serde_json::to_string(&evs)?)?;
    } else {
        for e in &evs {
            let dead = e
                .size
                .get("dead")
                .map(|r| {
                    if r.min == r.max {
                        format!("  dead {}", r.min)
                    } else {
                        format!("  dead {}–{}", r.min, r.max)
                    }
                })
                .unwrap_or_default();
            writeln!(
                out,
                "{}  {}  {}  {}  {} reports / {} sources  [{}]{}  {}",
                e.id,
                e.date.as_deref().unwrap_or("-"),
                e.etype,
                e.locations.first().map(|l| l.name.as_str()).unwrap_or("-"),
                e.n_reports,
                e.n_sources,
                e.stances.join(", "),
                dead,
                e.actors
                    .iter()
                    .chain(&e.recipients)
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `--parquet OUT`.
#[cfg(feature = "parquet")]
fn write_parquet(evs: &[rasd_store::FusedEvent], p: &Path) -> Result<()> {
    let f = std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?;
    rasd_store::to_parquet(evs, io::BufWriter::new(f))
        .with_context(|| format!("writing {}", p.display()))?;
    eprintln!(
        "rasd: {} fused events written to {}",
        evs.len(),
        p.display()
    );
    Ok(())
}

/// Without the `parquet` feature `--parquet` is an error (exit 2) that says how to get it.
#[cfg(not(feature = "parquet"))]
fn write_parquet(_evs: &[rasd_store::FusedEvent], p: &Path) -> Result<()> {
    bail!(
        "--parquet {}: this rasd was built without the `parquet` cargo feature \
         (rebuild with `cargo build --release --features parquet`); use --csv or --json meanwhile",
        p.display()
    )
}

/// Runs `rasd entities`.
pub fn entities(a: EntitiesArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let rows = store.entities(a.etype.as_deref(), a.country.as_deref(), a.limit)?;
    let mut out = io::stdout().lock();
    if a.json {
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        for r in rows {
            let co: Vec<String> = r
                .co_occurring
                .iter()
                .map(|(n, c)| format!("{n} ({c})"))
                .collect();
            let tags: Vec<&str> = [r.country.as_deref(), r.sector.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            writeln!(
                out,
                "{:>6} docs {:>5} events  {:<4} {}{}{}  {}",
                r.documents,
                r.events,
                r.etype,
                r.name,
                if tags.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", tags.join(" "))
                },
                r.kb.wikidata
                    .as_deref()
                    .map(|q| format!(" {q}"))
                    .unwrap_or_default(),
                co.join(", ")
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `rasd stats`.
pub fn stats(a: StatsArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db)?;
    let s = store.stats()?;
    if a.json {
        println!("{}", serde_json::to_string(&s)?);
    } else if let serde_json::Value::Object(m) = serde_json::to_value(&s)? {
        for (k, v) in m {
            println!("{k:<18} {v}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `rasd db …`.
pub fn db(a: DbArgs) -> Result<ExitCode> {
    match a.command {
        DbCommand::Check { db } => {
            let store = open_existing(&db)?;
            let c = store.check()?;
            if c.problems.is_empty() {
                println!("ok");
                Ok(ExitCode::SUCCESS)
            } else {
                for p in &c.problems {
                    println!("problem: {p}");
                }
                Ok(ExitCode::from(1))
            }
        }
    }
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or(0.0)
}

/// Whose CPU time [`cpu_seconds`] reads.
#[derive(Clone, Copy)]
enum CpuOf {
    Process,
    Thread,
}

/// User + system CPU seconds of this process or of the calling thread, read from
/// `/proc` (Linux); 0 where that is not available, so the bench still runs.
fn cpu_seconds(of: CpuOf) -> f64 {
    let path = match of {
        CpuOf::Process => "/proc/self/stat",
        CpuOf::Thread => "/proc/thread-self/stat",
    };
    let Ok(stat) = std::fs::read_to_string(path) else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // Clock ticks are 100 per second on Linux (USER_HZ).
    (ticks(11) + ticks(12)) / 100.0
}

/// The 1-, 5- and 15-minute load averages (Linux), to read bench figures on a shared machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unavailable".into())
}

/// Runs `rasd bench-store`: ingest SaudiNewsNet into a fresh store, then time queries.
pub fn bench(a: BenchStoreArgs) -> Result<ExitCode> {
    let docs = crate::bench::load_corpus(&a.corpus, a.limit)?;
    let n = docs.len();
    let tmp;
    let path = match &a.db {
        Some(p) => p.clone(),
        None => {
            tmp = std::env::temp_dir().join(format!("rasd-bench-{}.db", std::process::id()));
            tmp.clone()
        }
    };
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let pipeline = Pipeline::standard();
    let store = Store::open(&path)?;
    // As `ingest` does: the pipeline and the index preparation run on the rayon pool
    // while one writer thread stores the previous batch.
    let (tx, rx) = mpsc::sync_channel::<Vec<Prepared>>(2);
    let load0 = load_average();
    let cpu0 = cpu_seconds(CpuOf::Process);
    let t0 = Instant::now();
    let writer = std::thread::spawn(move || -> Result<(Store, f64, f64)> {
        let mut store = store;
        let cpu0 = cpu_seconds(CpuOf::Thread);
        let mut busy = 0.0;
        for batch in rx {
            let t = Instant::now();
            store.ingest_prepared(&batch)?;
            busy += t.elapsed().as_secs_f64();
        }
        Ok((store, busy, cpu_seconds(CpuOf::Thread) - cpu0))
    });
    for chunk in docs.chunks(a.batch.max(1)) {
        let prepared: Vec<Prepared> = chunk
            .par_iter()
            .filter_map(|d| batch::process_one(&pipeline, d.clone(), true).ok())
            .map(Prepared::from_record)
            .collect();
        if tx.send(prepared).is_err() {
            break;
        }
    }
    drop(tx);
    let (store, t_store, cpu_store) = match writer.join() {
        Ok(r) => r?,
        Err(_) => bail!("the store writer thread panicked"),
    };
    let total = t0.elapsed().as_secs_f64();
    let cpu_total = cpu_seconds(CpuOf::Process) - cpu0;
    println!(
        "load average   {load0} before ingest, {} after",
        load_average()
    );
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    println!(
        "ingest         {n} docs in {total:.2} s = {:.0} docs/s (pipeline overlapped with store writes, {} threads + 1 writer)",
        n as f64 / total,
        rayon::current_num_threads(),
    );
    println!(
        "cpu            {cpu_total:.1} s in all = {:.2} ms/doc; writer thread {cpu_store:.1} s CPU ({:.0} docs per CPU-second), {t_store:.1} s busy; pipeline + preparation {:.1} s CPU",
        cpu_total * 1000.0 / n.max(1) as f64,
        n as f64 / cpu_store.max(1e-9),
        cpu_total - cpu_store
    );
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database       {:.1} MB", size as f64 / 1e6);
    let s = store.stats()?;
    println!("stats          {}", serde_json::to_string(&s)?);
    let queries = [
        "السعودية",
        "وزير الداخلية",
        "الرياض",
        "مجلس الوزراء",
        "الأمير",
        "المملكة العربية السعودية",
        "الإرهاب",
        "النفط",
        "\"خادم الحرمين الشريفين\"",
        "وبالرياض",
        "الأمن",
        "جامعة الملك سعود",
        "الحوثيين",
        "الصحة",
        "كورونا",
        "المرور",
        "التعليم",
        "الهلال",
        "سوريا",
        "إيران",
    ];
    let mut lat = Vec::new();
    for _ in 0..5 {
        for q in queries {
            let t = Instant::now();
            let _ = store.search(
                q,
                &SearchFilter {
                    limit: 20,
                    ..Default::default()
                },
            )?;
            lat.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    println!(
        "search         p50 {:.1} ms  p99 {:.1} ms  ({} queries, top 20 with snippets)",
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99),
        lat.len()
    );
    let filters = [
        EventFilter {
            limit: 100,
            ..Default::default()
        },
        EventFilter {
            event_type: Some("ASSAULT".into()),
            limit: 100,
            ..Default::default()
        },
        EventFilter {
            from: Some("2015-06-01".into()),
            to: Some("2015-06-30".into()),
            ..Default::default()
        },
        EventFilter {
            min_dead: Some(5.0),
            ..Default::default()
        },
        EventFilter {
            country: Some("SAU".into()),
            limit: 100,
            ..Default::default()
        },
    ];
    let mut lat = Vec::new();
    for _ in 0..10 {
        for f in &filters {
            let t = Instant::now();
            let _ = store.events(f)?;
            lat.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    println!(
        "events query   p50 {:.1} ms  p99 {:.1} ms  ({} queries)",
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99),
        lat.len()
    );
    if a.db.is_none() {
        drop(store);
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}
