//! The query language of the library's search: words and "phrases", a
//! trailing `*` for a prefix, and fields (`title:`, `byline:`, `text:`,
//! `speaker:`, `quote:`, `tag:`, `site:`), turned into FTS5 expressions in
//! which user text is always quoted (never FTS5 syntax).

use crate::library::store::normalize_tag;

/// One word or phrase of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The words (several make a phrase).
    pub words: String,
    /// Whether the last word matches as a prefix.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Terms matched against the whole article, with the column they are
    /// limited to (`None`: any).
    pub article: Vec<(Option<&'static str>, Term)>,
    /// Terms the speaker of a quote must match.
    pub speaker: Vec<Term>,
    /// Terms the text of that same quote must match.
    pub quote: Vec<Term>,
    /// Tags the article must have.
    pub tags: Vec<String>,
    /// Text the article's site name must contain.
    pub sites: Vec<String>,
}

impl Query {
    /// Whether the query asks for nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.article.is_empty()
            && self.speaker.is_empty()
            && self.quote.is_empty()
            && self.tags.is_empty()
            && self.sites.is_empty()
    }

    /// The FTS5 expression over `article_fts`, when the query has article
    /// terms. `speaker:` and `quote:` terms are added on the article's
    /// speakers and quotes columns: that they hold there is necessary (not
    /// sufficient: the one quote is checked in `quote_fts`), and it keeps
    /// the articles to rank few.
    pub(super) fn article_match(&self) -> Option<String> {
        if self.article.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .article
            .iter()
            .map(|(column, term)| match column {
                Some(column) => format!("{column} : {}", fts_string(term)),
                None => fts_string(term),
            })
            .chain(self.speaker.iter().map(|term| format!("speakers : {}", fts_string(term))))
            .chain(self.quote.iter().map(|term| format!("quotes : {}", fts_string(term))))
            .collect();
        Some(parts.join(" AND "))
    }

    pub(super) fn quote_match(&self) -> Option<String> {
        let parts: Vec<String> = (self.speaker.iter().map(|t| format!("speaker : {}", fts_string(t))))
            .chain(self.quote.iter().map(|t| format!("text : {}", fts_string(t))))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" AND "))
    }
}

/// A term as an FTS5 string: quoted, quotes doubled, `*` after for a prefix.
pub(super) fn fts_string(term: &Term) -> String {
    let quoted = format!("\"{}\"", term.words.replace('"', "\"\""));
    if term.prefix { format!("{quoted} *") } else { quoted }
}

/// Whether FTS5's tokenizer finds a word in `text` (a term of punctuation
/// alone would match nothing, or be a syntax error).
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Where the last parsed term went, for `prefix_last`.
#[derive(Clone, Copy)]
enum Slot {
    Article,
    Speaker,
    Quote,
    Other,
}

/// Reads one whitespace-separated token: an optional `field:` and a word
/// or a quoted phrase. Returns (field, text, quoted).
fn token(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> (Option<String>, String, bool) {
    let mut raw = String::new();
    let mut field = None;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            break;
        }
        chars.next();
        if is_quote_mark(c) {
            let mut phrase = String::new();
            while let Some(c) = chars.next_if(|c| !is_quote_mark(*c)) {
                phrase.push(c);
            }
            chars.next();
            if raw.is_empty() {
                return (field, phrase, true);
            }
            raw.push_str(&phrase);
            continue;
        }
        if c == ':' && field.is_none() && !raw.is_empty() && raw.chars().all(char::is_alphabetic) {
            field = Some(std::mem::take(&mut raw).to_lowercase());
            continue;
        }
        raw.push(c);
    }
    (field, raw, false)
}

/// Parses a query; with `prefix_last` the last term, unless a space
/// follows it, matches as a prefix (search as you type).
#[must_use]
pub fn parse_query(text: &str, prefix_last: bool) -> Query {
    let mut query = Query::default();
    let mut chars = text.chars().peekable();
    let mut last = Slot::Other;
    let mut quoted_last = false;
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let (field, raw, quoted) = token(&mut chars);
        let prefix = !quoted && raw.ends_with('*');
        let words = raw.trim_end_matches('*').trim().to_owned();
        let term = Term { words, prefix };
        last = Slot::Other;
        if field.as_deref() == Some("tag") {
            query.tags.extend(normalize_tag(&term.words));
            continue;
        }
        if field.as_deref() == Some("site") {
            if !term.words.is_empty() {
                query.sites.push(term.words);
            }
            continue;
        }
        if !has_word(&term.words) {
            continue;
        }
        (last, quoted_last) = (
            match field.as_deref() {
                Some("speaker" | "who") => {
                    query.speaker.push(term);
                    Slot::Speaker
                }
                Some("quote" | "said") => {
                    query.quote.push(term);
                    Slot::Quote
                }
                Some("title") => push(&mut query, Some("title"), term),
                Some("byline" | "author" | "by") => push(&mut query, Some("byline"), term),
                Some("text" | "body") => push(&mut query, Some("body"), term),
                // An unknown field is no field: "a:b" is searched as words.
                Some(name) => {
                    push(&mut query, None, Term { words: format!("{name} {}", term.words), ..term })
                }
                None => push(&mut query, None, term),
            },
            quoted,
        );
    }
    if prefix_last && !text.ends_with(char::is_whitespace) && !quoted_last {
        let term = match last {
            Slot::Article => query.article.last_mut().map(|(_, term)| term),
            Slot::Speaker => query.speaker.last_mut(),
            Slot::Quote => query.quote.last_mut(),
            Slot::Other => None,
        };
        if let Some(term) = term {
            term.prefix = true;
        }
    }
    query
}

fn push(query: &mut Query, column: Option<&'static str>, term: Term) -> Slot {
    query.article.push((column, term));
    Slot::Article
}
