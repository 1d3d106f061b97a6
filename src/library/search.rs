//! Full-text search. A query is words and "phrases" (all must match,
//! ranked by FTS5's bm25 with the title weighing most), narrowed by
//! fields: `title:`, `byline:`, `site:` (in the article), `speaker:` and
//! `quote:` (on one and the same quote: `speaker:Vole quote:"never again"`
//! finds the articles where Vole said it), and `tag:`. A word ending in
//! `*` matches as a prefix; the library screen makes the word being typed
//! one. User text never reaches FTS5's syntax: every term is quoted.

mod parse;
mod snippet;

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

pub use parse::{Query, Term, parse_query};
use snippet::clean_snippet;
pub use snippet::{MATCH_END, MATCH_START, highlights, mark_matches};

use super::Library;
use super::store::{SUMMARY_COLUMNS, Summary, summary_from_row};
use crate::error::Result;
use crate::model::sanitize;

/// How to search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// At most this many articles, best first.
    pub limit: Option<usize>,
    /// Whether to make snippets (they cost a pass over each hit's text).
    pub snippets: bool,
    /// Only articles not marked read.
    pub unread: bool,
    /// Whether the last word is a prefix (search as you type).
    pub prefix_last: bool,
}

/// An article found, with where the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The article.
    pub summary: Summary,
    /// A few words around the best match, each match between
    /// [`MATCH_START`] and [`MATCH_END`].
    pub snippet: Option<String>,
    /// The best quote matching `speaker:` and `quote:`, if they were asked.
    pub quote: Option<QuoteHit>,
}

/// A quote that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteHit {
    /// Its speakers' names, joined with " & ".
    pub speaker: Option<String>,
    /// The quote (or the part around the match) with marked matches.
    pub text: String,
    /// Its index among the article's quotes.
    pub ordinal: usize,
}

/// Words of context in a snippet.
const SNIPPET_TOKENS: usize = 14;

/// The SQL after `WHERE …` that narrows by tags, site and read state.
fn narrow(query: &Query, unread: bool, sql: &mut String, args: &mut Vec<Value>) {
    for tag in &query.tags {
        sql.push_str(" AND a.id IN (SELECT article_id FROM tags WHERE tag = ?)");
        args.push(Value::Text(tag.clone()));
    }
    for site in &query.sites {
        sql.push_str(" AND a.site LIKE ? ESCAPE '\\'");
        let escaped = site.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        args.push(Value::Text(format!("%{escaped}%")));
    }
    if unread {
        sql.push_str(" AND a.read = 0");
    }
}

fn limit_of(limit: Option<usize>) -> i64 {
    limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX))
}

impl Library {
    /// Searches the library (see the module's documentation for the query
    /// language). A query with no words lists what its filters leave,
    /// newest first.
    pub fn search(&self, text: &str, options: &SearchOptions) -> Result<Vec<Hit>> {
        let query = parse_query(text, options.prefix_last);
        let run = || -> rusqlite::Result<Vec<Hit>> {
            if let Some(matching) = query.article_match() {
                self.search_articles(&query, &matching, options)
            } else if let Some(matching) = query.quote_match() {
                self.search_quotes(&query, &matching, options)
            } else {
                let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a WHERE 1");
                let mut args = Vec::new();
                narrow(&query, options.unread, &mut sql, &mut args);
                sql.push_str(" ORDER BY a.saved_at DESC, a.id DESC LIMIT ?");
                args.push(Value::Integer(limit_of(options.limit)));
                let mut statement = self.conn.prepare_cached(&sql)?;
                let rows = statement.query_map(params_from_iter(args), summary_from_row)?;
                rows.map(|row| row.map(|summary| Hit { summary, snippet: None, quote: None })).collect()
            }
        };
        run().map_err(|e| self.read_error(&e))
    }

    /// The ids of every article `text` finds, best first, its last word a
    /// prefix: what the library screen filters by as you type.
    pub fn search_ids(&self, text: &str) -> Result<Vec<i64>> {
        let query = parse_query(text, true);
        let options = SearchOptions { prefix_last: true, ..SearchOptions::default() };
        let articles = |best: &[(i64, i64)]| best.iter().map(|(article, _)| *article).collect::<Vec<_>>();
        let run = || -> rusqlite::Result<Vec<i64>> {
            let (sql, args) = if let Some(matching) = query.article_match() {
                let within = match query.quote_match() {
                    Some(quotes) => {
                        Some(articles(&self.best_quotes(&query, &quotes, &options, usize::MAX, false)?))
                    }
                    None => None,
                };
                article_sql(&query, &matching, &options, "a.id", within.as_deref())
            } else if let Some(quotes) = query.quote_match() {
                return Ok(articles(&self.best_quotes(&query, &quotes, &options, usize::MAX, true)?));
            } else {
                let mut sql = String::from("SELECT a.id FROM articles a WHERE 1");
                let mut args = Vec::new();
                narrow(&query, false, &mut sql, &mut args);
                sql.push_str(" ORDER BY a.saved_at DESC, a.id DESC");
                (sql, args)
            };
            let mut statement = self.conn.prepare_cached(&sql)?;
            let rows = statement.query_map(params_from_iter(args), |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.read_error(&e))
    }

    fn search_articles(
        &self,
        query: &Query,
        matching: &str,
        options: &SearchOptions,
    ) -> rusqlite::Result<Vec<Hit>> {
        let columns = if options.snippets {
            format!("{SUMMARY_COLUMNS}, snippet(article_fts, -1, char(1), char(2), '…', {SNIPPET_TOKENS})")
        } else {
            format!("{SUMMARY_COLUMNS}, NULL")
        };
        // The quotes first, in one pass: the articles they are in narrow
        // the article search, and each hit shows its best quote.
        let quotes = match query.quote_match() {
            Some(quotes) => Some((self.best_quotes(query, &quotes, options, usize::MAX, false)?, quotes)),
            None => None,
        };
        let within =
            quotes.as_ref().map(|(best, _)| best.iter().map(|(article, _)| *article).collect::<Vec<_>>());
        let (sql, args) = article_sql(query, matching, options, &columns, within.as_deref());
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(args), |row| {
            let snippet: Option<String> = row.get(13)?;
            Ok(Hit {
                summary: summary_from_row(row)?,
                snippet: snippet.as_deref().map(clean_snippet),
                quote: None,
            })
        })?;
        let mut hits = rows.collect::<rusqlite::Result<Vec<Hit>>>()?;
        if let Some((best, matching)) = quotes {
            let best: HashMap<i64, i64> = best.into_iter().collect();
            for hit in &mut hits {
                if let Some(quote) = best.get(&hit.summary.id) {
                    hit.quote = self.quote_hit(&matching, *quote)?;
                }
            }
        }
        Ok(hits)
    }

    fn search_quotes(
        &self,
        query: &Query,
        matching: &str,
        options: &SearchOptions,
    ) -> rusqlite::Result<Vec<Hit>> {
        let best = self.best_quotes(query, matching, options, options.limit.unwrap_or(usize::MAX), true)?;
        let ids: Vec<i64> = best.iter().map(|(article, _)| *article).collect();
        let summaries = self.summaries_in_order(&ids)?;
        let best: HashMap<i64, i64> = best.into_iter().collect();
        summaries
            .into_iter()
            .map(|summary| {
                let quote = match best.get(&summary.id) {
                    Some(quote) => self.quote_hit(matching, *quote)?,
                    None => None,
                };
                Ok(Hit { summary, snippet: None, quote })
            })
            .collect()
    }

    /// A quote of each article that has one matching `matching` (an FTS5
    /// expression over `quote_fts`): (article, quote) pairs for at most
    /// `limit` articles. `ranked`: the best quote of each, best first;
    /// else the first in reading order of each, in no order (when the
    /// article search ranks, ranking every quote too would be wasted).
    fn best_quotes(
        &self,
        query: &Query,
        matching: &str,
        options: &SearchOptions,
        limit: usize,
        ranked: bool,
    ) -> rusqlite::Result<Vec<(i64, i64)>> {
        let mut narrowing = String::new();
        let mut args = vec![Value::Text(matching.to_owned())];
        narrow(query, options.unread, &mut narrowing, &mut args);
        // The articles table is joined only when it narrows something.
        let mut sql = format!(
            "SELECT q.article_id, q.id FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid{} \
             WHERE quote_fts MATCH ?{narrowing}",
            if narrowing.is_empty() { "" } else { " JOIN articles a ON a.id = q.article_id" }
        );
        sql.push_str(if ranked { " ORDER BY quote_fts.rank" } else { " ORDER BY quote_fts.rowid" });
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(params_from_iter(args))?;
        let mut seen = HashSet::new();
        let mut found = Vec::new();
        while found.len() < limit
            && let Some(row) = rows.next()?
        {
            let article: i64 = row.get(0)?;
            if seen.insert(article) {
                found.push((article, row.get(1)?));
            }
        }
        Ok(found)
    }

    /// A matching quote's snippet and speakers.
    fn quote_hit(&self, matching: &str, quote: i64) -> rusqlite::Result<Option<QuoteHit>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT q.ordinal, snippet(quote_fts, 1, char(1), char(2), '…', 40),
                (SELECT group_concat(s.name, ' & ') FROM quote_speakers qs JOIN speakers s ON s.id = qs.speaker_id
                 WHERE qs.quote_id = q.id)
             FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid
             WHERE quote_fts MATCH ?1 AND quote_fts.rowid = ?2",
        )?;
        statement
            .query_row(rusqlite::params![matching, quote], |row| {
                let text: Option<String> = row.get(1)?;
                Ok(QuoteHit {
                    speaker: sanitize::clean_field(row.get(2)?),
                    text: clean_snippet(&text.unwrap_or_default()),
                    ordinal: row.get::<_, i64>(0)?.max(0) as usize,
                })
            })
            .optional()
    }
}

/// The statement for a search with article terms: `columns` of each
/// article, best first.
fn article_sql(
    query: &Query,
    matching: &str,
    options: &SearchOptions,
    columns: &str,
    within: Option<&[i64]>,
) -> (String, Vec<Value>) {
    let mut sql = format!(
        "SELECT {columns} FROM article_fts JOIN articles a ON a.id = article_fts.rowid WHERE article_fts MATCH ?"
    );
    let mut args = vec![Value::Text(matching.to_owned())];
    if let Some(ids) = within {
        sql.push_str(" AND a.id IN (SELECT value FROM json_each(?))");
        args.push(Value::Text(serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())));
    }
    narrow(query, options.unread, &mut sql, &mut args);
    sql.push_str(" ORDER BY article_fts.rank LIMIT ?");
    args.push(Value::Integer(limit_of(options.limit)));
    (sql, args)
}
