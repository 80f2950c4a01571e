//! Errors of loading and scoring; each names the file (or document) and what is wrong.

use std::path::PathBuf;

/// Why gold or system input could not be loaded or scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or directory could not be read (missing, unreadable, not UTF-8).
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not valid JSON.
    #[error("{}: invalid JSON: {source}", path.display())]
    GoldJson {
        /// The gold file.
        path: PathBuf,
        /// The parser's error (with line and column).
        #[source]
        source: serde_json::Error,
    },
    /// A gold file is valid JSON but not a document object with an `id`.
    #[error("{}: not a gold document: {message}", path.display())]
    GoldShape {
        /// The gold file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A line of the system JSONL file is not valid JSON.
    #[error("{}:{line}: invalid JSON: {source}", path.display())]
    SystemJson {
        /// The system file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// A line of the system JSONL file is valid JSON but not an object.
    #[error("{}:{line}: a record must be a JSON object, found {found}", path.display())]
    SystemShape {
        /// The system file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The Python type name of what was found.
        found: &'static str,
    },
    /// Gold or system data has a shape the reference scorer cannot handle (it would
    /// raise an exception), e.g. a gold entity without `type`, a mention that is a
    /// number, an `actor` list holding numbers.
    #[error("document {doc} (gold {}): {section}: {message}", path.display())]
    Score {
        /// `str()` of the gold document's `id`.
        doc: String,
        /// The gold file the document came from (empty when built in memory).
        path: PathBuf,
        /// Which part was being scored: entities, times, quantities or events.
        section: &'static str,
        /// What is wrong.
        message: String,
    },
}
