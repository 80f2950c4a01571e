//! Arabic full-text search: folded, clitic-stripped FTS5 index, BM25 ranking, snippets
//! mapped back to the original text.
//!
//! SQLite's `unicode61` tokenizer splits words at harakat and keeps tatweel, and knows no
//! clitics, so the store indexes a derived copy instead of the text: the text is folded
//! with `rasd_text::normalize` (diacritics and tatweel removed, alef/ya/ta-marbuta variants
//! unified, digits ASCII) and each word is replaced by its stem under the clitic analyser's
//! best segmentation (`rasd_text::primary`: وبالجزائر → جزائر). One stem per word keeps
//! word positions, so phrase queries work. Queries go through the same function, so
//! «الجزائر» and «وبالجزائر» meet at «جزائر», and diacritics in the query are ignored.
//! Snippets are cut from the original text: the hit's text is re-tokenised with its
//! alignment and the matched words are marked at their original offsets.

use crate::{Error, Result, Store};
use rasd_doc::TokenKind;
use rasd_text::{normalize, primary, tokenise::tokenise};
use rusqlite::params_from_iter;
use serde::Serialize;
use std::collections::HashSet;

/// A word of a text: its byte range in the original text and its search form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// First byte in the original text.
    pub start: usize,
    /// One past the last byte in the original text.
    pub end: usize,
    /// Folded, clitic-stripped form.
    pub form: String,
}

/// The words of `text` with their search forms and original byte ranges.
pub fn words(text: &str) -> Vec<Word> {
    let norm = normalize(text);
    let mut out = Vec::new();
    for t in tokenise(&norm.text) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        let w = t.span.slice(&norm.text);
        let orig = norm.to_original(t.span);
        let form = if t.kind == TokenKind::Arabic {
            let last = orig.slice(text).chars().next_back();
            primary(w, last).stem(w).to_string()
        } else {
            w.to_lowercase()
        };
        if form.is_empty() {
            continue;
        }
        out.push(Word {
            start: orig.start,
            end: orig.end,
            form,
        });
    }
    out
}

/// The indexed form of a text: search forms separated by spaces.
pub fn index_form(text: &str) -> String {
    let ws = words(text);
    let mut s = String::with_capacity(text.len());
    for w in ws {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.form);
    }
    s
}

/// A parsed query: terms (each a phrase of search forms), all required.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Phrases; a bare word is a one-form phrase.
    pub terms: Vec<Vec<String>>,
}

impl Query {
    /// Parses a query: words and "quoted phrases", folded and clitic-stripped like the index.
    pub fn parse(q: &str) -> Query {
        let mut terms = Vec::new();
        for (i, part) in q.split('"').enumerate() {
            if i % 2 == 1 {
                let forms: Vec<String> = words(part).into_iter().map(|w| w.form).collect();
                if !forms.is_empty() {
                    terms.push(forms);
                }
            } else {
                for w in words(part) {
                    terms.push(vec![w.form]);
                }
            }
        }
        Query { terms }
    }

    /// The FTS5 MATCH expression.
    pub fn fts(&self) -> String {
        self.terms
            .iter()
            .map(|t| format!("\"{}\"", t.join(" ").replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    fn forms(&self) -> HashSet<&str> {
        self.terms.iter().flatten().map(String::as_str).collect()
    }
}

/// Filters of a search.
#[derive(Clone, Debug, Default)]
pub struct SearchFilter {
    /// Published on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// Published on or before (YYYY-MM-DD).
    pub to: Option<String>,
    /// Outlet (exact).
    pub outlet: Option<String>,
    /// Documents mentioning a corpus entity whose folded name contains this (or English name equal).
    pub entity: Option<String>,
    /// Documents with an event of this PLOVER type.
    pub event_type: Option<String>,
    /// Maximum hits.
    pub limit: usize,
}

/// A highlighted range of the original text, in code points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A search hit.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// BM25 score (lower is better, as SQLite reports it).
    pub score: f64,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Excerpt of the original text with matches between `[` and `]`.
    pub snippet: String,
    /// Every matched word in the original text (code points).
    pub highlights: Vec<Highlight>,
}

/// A piece of a snippet: original text, and whether it is a matched word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// Original text (untrusted).
    pub text: String,
    /// True for a matched word.
    pub hit: bool,
}

/// The code-point ranges of every matched word of `text`.
fn highlights(text: &str, ws: &[Word], matched: &[usize]) -> Vec<Highlight> {
    let mut out = Vec::with_capacity(matched.len());
    let mut cp = 0usize;
    let mut at = 0usize;
    for &i in matched {
        if let Some(w) = ws.get(i) {
            cp += text
                .get(at..w.start)
                .map(|s| s.chars().count())
                .unwrap_or(0);
            let len = text
                .get(w.start..w.end)
                .map(|s| s.chars().count())
                .unwrap_or(0);
            out.push(Highlight {
                start: cp,
                end: cp + len,
            });
            cp += len;
            at = w.end;
        }
    }
    out
}

/// The passage of about `width` words around the first match, cut into plain and matched
/// pieces of the original text (`…` pieces mark cut ends), and the code-point ranges of
/// all matches.
pub fn snippet_pieces(text: &str, q: &Query, width: usize) -> (Vec<Piece>, Vec<Highlight>) {
    let forms = q.forms();
    let ws = words(text);
    let matched: Vec<usize> = ws
        .iter()
        .enumerate()
        .filter(|(_, w)| forms.contains(w.form.as_str()))
        .map(|(i, _)| i)
        .collect();
    let hl = highlights(text, &ws, &matched);
    let first = matched.first().copied().unwrap_or(0);
    let lo = first.saturating_sub(width / 3);
    let hi = (lo + width).min(ws.len());
    let (Some(a), Some(b)) = (ws.get(lo), ws.get(hi.saturating_sub(1))) else {
        return (Vec::new(), hl);
    };
    let mut pieces = Vec::new();
    let plain = |pieces: &mut Vec<Piece>, t: &str| {
        if !t.is_empty() {
            pieces.push(Piece {
                text: t.to_string(),
                hit: false,
            });
        }
    };
    if lo > 0 {
        plain(&mut pieces, "…");
    }
    let mut pos = a.start;
    for &i in matched.iter().filter(|&&i| i >= lo && i < hi) {
        if let Some(w) = ws.get(i) {
            plain(&mut pieces, text.get(pos..w.start).unwrap_or(""));
            pieces.push(Piece {
                text: text.get(w.start..w.end).unwrap_or("").to_string(),
                hit: true,
            });
            pos = w.end;
        }
    }
    plain(&mut pieces, text.get(pos..b.end).unwrap_or(""));
    if hi < ws.len() {
        plain(&mut pieces, "…");
    }
    (pieces, hl)
}

/// Builds a snippet of about `width` words around the first match, matches bracketed,
/// and the code-point ranges of all matches.
pub fn snippet(text: &str, q: &Query, width: usize) -> (String, Vec<Highlight>) {
    let (pieces, hl) = snippet_pieces(text, q, width);
    let mut s = String::new();
    for p in &pieces {
        if p.hit {
            s.push('[');
            s.push_str(&p.text);
            s.push(']');
        } else {
            s.push_str(&p.text);
        }
    }
    (s.split_whitespace().collect::<Vec<_>>().join(" "), hl)
}

/// A hit of [`Store::search_page`]: the hit and its snippet as pieces.
#[derive(Clone, Debug, Serialize)]
pub struct PageHit {
    /// The hit (snippet string, highlights, metadata).
    pub hit: Hit,
    /// The snippet as plain and matched pieces of the original text.
    pub pieces: Vec<Piece>,
}

/// Appends the filter conditions (over `docs d`) of a search.
fn filter_sql(
    f: &SearchFilter,
    entity_key: Option<&str>,
    sql: &mut String,
    args: &mut Vec<String>,
) {
    if let Some(v) = &f.from {
        sql.push_str(" AND d.published >= ?");
        args.push(v.clone());
    }
    if let Some(v) = &f.to {
        sql.push_str(" AND substr(d.published, 1, 10) <= ?");
        args.push(v.clone());
    }
    if let Some(v) = &f.outlet {
        sql.push_str(" AND d.outlet = ?");
        args.push(v.clone());
    }
    if let Some(v) = &f.entity {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM doc_entities de JOIN entities en ON en.rowid = de.entity
               WHERE de.doc = d.rowid AND (instr(en.folded, ?) > 0 OR lower(en.name_en) = lower(?)))",
        );
        args.push(rasd_text::fold(v));
        args.push(v.clone());
    }
    if let Some(k) = entity_key {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM doc_entities de JOIN entities en ON en.rowid = de.entity
               WHERE de.doc = d.rowid AND en.key = ?)",
        );
        args.push(k.to_string());
    }
    if let Some(v) = &f.event_type {
        sql.push_str(" AND EXISTS (SELECT 1 FROM events e WHERE e.doc = d.rowid AND e.type = ?)");
        args.push(v.to_ascii_uppercase());
    }
}

impl Store {
    /// Ranked full-text search with filters and highlighted snippets.
    pub fn search(&self, query: &str, f: &SearchFilter) -> Result<Vec<Hit>> {
        let q = Query::parse(query);
        if q.terms.is_empty() {
            return Err(Error::Invalid(format!(
                "the query {query:?} has no searchable words"
            )));
        }
        let mut sql = String::from(
            "SELECT d.id, bm25(doc_fts) AS score, d.published, d.outlet, d.title, d.url, d.text
             FROM doc_fts JOIN docs d ON d.rowid = doc_fts.rowid
             WHERE doc_fts MATCH ?",
        );
        let mut args: Vec<String> = vec![q.fts()];
        filter_sql(f, None, &mut sql, &mut args);
        sql.push_str(" ORDER BY score LIMIT ?");
        args.push(f.limit.max(1).to_string());
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), hit_row)?;
        let mut hits = Vec::new();
        for row in rows {
            let (id, score, published, outlet, title, url, text) = row?;
            let body = text.as_deref().unwrap_or("");
            let (mut snip, highlights) = snippet(body, &q, 30);
            if highlights.is_empty() {
                if let Some(t) = &title {
                    snip = snippet(t, &q, 30).0;
                }
            }
            hits.push(Hit {
                id,
                score,
                published,
                outlet,
                title,
                url,
                snippet: snip,
                highlights,
            });
        }
        Ok(hits)
    }
}

impl Store {
    /// One page of a search, for the HTTP API: the number of matching documents and the
    /// hits from `offset` (at most `f.limit`), with snippets as pieces. An empty query
    /// lists the documents matching the filters, most recent first; a query with no
    /// searchable words is [`Error::Invalid`]. `entity_key` restricts to documents
    /// mentioning that corpus entity.
    pub fn search_page(
        &self,
        query: &str,
        f: &SearchFilter,
        entity_key: Option<&str>,
        offset: usize,
    ) -> Result<(usize, Vec<PageHit>)> {
        let q = Query::parse(query);
        let browse = query.trim().is_empty();
        if !browse && q.terms.is_empty() {
            return Err(Error::Invalid(format!(
                "the query {query:?} has no searchable words"
            )));
        }
        let (from, order, mut args) = if browse {
            (
                "SELECT d.id, 0.0 AS score, d.published, d.outlet, d.title, d.url, d.text FROM docs d WHERE 1",
                " ORDER BY d.published DESC, d.id",
                Vec::new(),
            )
        } else {
            (
                "SELECT d.id, bm25(doc_fts) AS score, d.published, d.outlet, d.title, d.url, d.text
                 FROM doc_fts JOIN docs d ON d.rowid = doc_fts.rowid WHERE doc_fts MATCH ?",
                " ORDER BY score, d.id",
                vec![q.fts()],
            )
        };
        let mut sql = from.to_string();
        filter_sql(f, entity_key, &mut sql, &mut args);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM ({sql})"))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        sql.push_str(order);
        sql.push_str(" LIMIT ? OFFSET ?");
        args.push(f.limit.max(1).to_string());
        args.push(offset.to_string());
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), hit_row)?;
        let mut hits = Vec::new();
        for row in rows {
            let (id, score, published, outlet, title, url, text) = row?;
            let body = text.as_deref().unwrap_or("");
            let (mut pieces, highlights) = snippet_pieces(body, &q, 30);
            if highlights.is_empty() && !browse {
                if let Some(t) = &title {
                    pieces = snippet_pieces(t, &q, 30).0;
                }
            }
            let snippet = pieces
                .iter()
                .map(|p| {
                    if p.hit {
                        format!("[{}]", p.text)
                    } else {
                        p.text.clone()
                    }
                })
                .collect::<String>();
            hits.push(PageHit {
                hit: Hit {
                    id,
                    score,
                    published,
                    outlet,
                    title,
                    url,
                    snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                    highlights,
                },
                pieces,
            });
        }
        Ok((usize::try_from(total).unwrap_or(0), hits))
    }
}

/// A search hit's columns as both search queries select them: id, score, published,
/// outlet, title, url, text.
type HitRow = (
    String,
    f64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Reads one [`HitRow`].
fn hit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HitRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_diacritics_meet() {
        let a = Query::parse("الجزائر");
        let b = Query::parse("وبالجزائر");
        let c = Query::parse("الجَزَائِر");
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(
            index_form("وبالجزائر قال"),
            format!("{} قال", a.terms[0][0])
        );
    }

    #[test]
    fn phrase_query() {
        let q = Query::parse("\"وزير الخارجية\" ليبيا");
        assert_eq!(q.terms.len(), 2);
        assert_eq!(q.terms[0].len(), 2);
        assert!(q.fts().contains(" AND "));
    }

    #[test]
    fn snippet_marks_original_words() {
        let text = "قال مصدر إن الاجتماع عُقد وبالجَزائرِ أمس.";
        let (s, h) = snippet(text, &Query::parse("الجزائر"), 30);
        assert!(s.contains("[وبالجَزائرِ]"), "{s}");
        assert_eq!(h.len(), 1);
        let got: String = text
            .chars()
            .skip(h[0].start)
            .take(h[0].end - h[0].start)
            .collect();
        assert_eq!(got, "وبالجَزائرِ");
    }
}
