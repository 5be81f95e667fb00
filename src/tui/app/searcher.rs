//! The search itself, apart from the reader's state: an index of the article's text in one
//! script, and a scan of it for a query that can run on another thread, report how far it
//! has got and stop when asked.
//!
//! Matching ignores the script: the index holds the headline and every paragraph in
//! simplified script (OpenCC `t2s` from the original), ASCII letters lower-cased, and the
//! query is brought to the same form. Matches are found in the index and reported as
//! character ranges (Unicode scalar values) of the original, which the conversions to
//! other scripts keep ([`crate::convert`] converts character for character but for a few
//! phrases). Where `t2s` changed a paragraph's length, that paragraph is searched as it is
//! in the original, for every form of the query instead.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::article::Article;
use crate::convert::{ConvertError, Converters, Script};

/// How many bytes of text the index converts in one OpenCC call: the steps at which a
/// background search reports progress and notices that it was cancelled.
const CHUNK_BYTES: usize = 256 * 1024;

/// The text to search: the headline (place 0) and the paragraphs (place 1 + i), in
/// simplified script with ASCII lower-cased.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The normalised texts, by place.
    texts: Vec<String>,
    /// Whether each normalised text has as many characters as the original (so character
    /// offsets carry over).
    aligned: Vec<bool>,
}

/// A match as the scan finds it: the place (`None` for the headline, else a paragraph) and
/// a character range of the original text there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharHit {
    /// The paragraph, or `None` for the headline.
    pub paragraph: Option<usize>,
    /// Character range (Unicode scalar values) in the text.
    pub chars: Range<usize>,
}

/// Shared with a search running on another thread: how many places it has done (the
/// index counts once more when it is built) and a flag that stops it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Units of work done: places indexed plus places scanned.
    pub done: AtomicUsize,
    /// Units of work in all.
    pub total: AtomicUsize,
    /// Set to stop the search; it then returns `None`.
    pub cancel: AtomicBool,
}

impl Progress {
    /// How far the search has got, in percent (0 before it knows its work).
    pub fn percent(&self) -> usize {
        let total = self.total.load(Ordering::Relaxed);
        (self.done.load(Ordering::Relaxed) * 100)
            .checked_div(total)
            .unwrap_or(0)
            .min(100)
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn step(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }
}

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

impl SearchIndex {
    /// Builds the index of `article` (converting it to simplified script in chunks of
    /// [`CHUNK_BYTES`] unless it is simplified already). Returns `Ok(None)` when
    /// `progress` is cancelled midway.
    ///
    /// Errors: a conversion error from OpenCC.
    pub fn build(
        article: &Article,
        converters: &Converters,
        progress: &Progress,
    ) -> Result<Option<SearchIndex>, ConvertError> {
        let places = std::iter::once(&article.headline).chain(&article.paragraphs);
        let mut texts: Vec<String> = Vec::with_capacity(article.paragraphs.len() + 1);
        let mut batch: Vec<String> = Vec::new();
        let mut bytes = 0;
        let source = article.source();
        let names = crate::convert::Names::of_profiles(&article.profiles);
        let flush = |batch: &mut Vec<String>, texts: &mut Vec<String>| {
            let n = batch.len();
            converters.convert_in_place(source, Script::Simplified, &names, |f| {
                batch.iter_mut().for_each(&mut *f)
            })?;
            texts.extend(batch.drain(..).map(|t| lower(&t)));
            progress.step(n);
            Ok::<(), ConvertError>(())
        };
        for p in places {
            if progress.cancelled() {
                return Ok(None);
            }
            bytes += p.len();
            batch.push(p.clone());
            if bytes >= CHUNK_BYTES {
                flush(&mut batch, &mut texts)?;
                bytes = 0;
            }
        }
        flush(&mut batch, &mut texts)?;
        let originals = std::iter::once(&article.headline).chain(&article.paragraphs);
        let aligned = texts
            .iter()
            .zip(originals)
            .map(|(t, o)| t.chars().count() == o.chars().count())
            .collect();
        Ok(Some(SearchIndex { texts, aligned }))
    }

    /// How many places (headline and paragraphs) the index holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether the index holds no place.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// The query's normal form: trimmed, in simplified script, ASCII lower-cased.
pub fn normal_query(query: &str, converters: &Converters) -> String {
    let q = query.trim();
    let simplified = converters
        .convert_str(crate::convert::Config::T2s, q)
        .unwrap_or_else(|_| q.to_string());
    lower(&simplified)
}

/// Character ranges of the non-overlapping occurrences of `needle` in `hay`, in one pass.
fn char_ranges(hay: &str, needle: &str, out: &mut Vec<Range<usize>>) {
    if needle.is_empty() {
        return;
    }
    let len = needle.chars().count();
    let (mut byte, mut chars) = (0, 0);
    for (i, _) in hay.match_indices(needle) {
        chars += hay[byte..i].chars().count();
        out.push(chars..chars + len);
        chars += len;
        byte = i + needle.len();
    }
}

/// Finds `query` (its [`normal_query`] `normal`, and its `forms` in every script for the
/// places the index could not align) in `index`, over the texts of `article` (the
/// original). Matches come in reading order. Returns `None` when `progress` is cancelled.
pub fn scan(
    article: &Article,
    index: &SearchIndex,
    normal: &str,
    forms: &[String],
    progress: &Progress,
) -> Option<Vec<CharHit>> {
    let mut hits = Vec::new();
    let mut ranges = Vec::new();
    let originals = std::iter::once(&article.headline).chain(&article.paragraphs);
    for (k, (text, original)) in index.texts.iter().zip(originals).enumerate() {
        if k % 1024 == 1023 {
            if progress.cancelled() {
                return None;
            }
            progress.step(1024);
        }
        ranges.clear();
        if index.aligned[k] {
            char_ranges(text, normal, &mut ranges);
        } else {
            let hay = lower(original);
            for f in forms {
                char_ranges(&hay, &lower(f), &mut ranges);
            }
            ranges.sort_by_key(|r| r.start);
            let mut end = 0;
            ranges.retain(|r| {
                let keep = r.start >= end;
                end = end.max(r.end);
                keep
            });
        }
        let paragraph = k.checked_sub(1);
        hits.extend(ranges.drain(..).map(|chars| CharHit { paragraph, chars }));
    }
    Some(hits)
}

/// The search index of one article, shared between the reader and its searches: built
/// once, by the first search that needs it, while later ones wait for it rather than
/// build their own.
pub type SharedIndex = Arc<Mutex<Option<Arc<SearchIndex>>>>;

/// A search to run: what it needs from the reader, all shared or owned, so it can run on
/// another thread.
pub struct Job {
    /// The original article.
    pub article: Arc<Article>,
    /// The converters (for the index).
    pub converters: Arc<Converters>,
    /// The index, built by the first job that needs it.
    pub index: SharedIndex,
    /// Progress and cancellation of building the index: apart from the scan's, so that a
    /// new query (a key typed) stops the scan of the old one but not the index.
    pub index_progress: Arc<Progress>,
    /// The query's normal form ([`normal_query`]).
    pub normal: String,
    /// The query in every script.
    pub forms: Vec<String>,
    /// Progress and cancellation of the scan.
    pub progress: Arc<Progress>,
}

/// What a finished job gives: the matches.
pub type Outcome = Result<Vec<CharHit>, ConvertError>;

impl Job {
    /// Runs the search: builds the index when there is none (or waits for the job that
    /// builds it), then scans it. `None` when cancelled.
    pub fn run(self) -> Option<Outcome> {
        let places = self.article.paragraphs.len() + 1;
        self.progress.total.store(places, Ordering::Relaxed);
        let index = {
            let mut slot = self.index.lock().unwrap_or_else(|e| e.into_inner());
            if self.progress.cancelled() {
                return None;
            }
            match &*slot {
                Some(i) => Arc::clone(i),
                None => {
                    self.index_progress.total.store(places, Ordering::Relaxed);
                    let built =
                        SearchIndex::build(&self.article, &self.converters, &self.index_progress);
                    match built {
                        Ok(Some(i)) => {
                            let i = Arc::new(i);
                            *slot = Some(Arc::clone(&i));
                            i
                        }
                        Ok(None) => return None,
                        Err(e) => return Some(Err(e)),
                    }
                }
            }
        };
        let hits = scan(
            &self.article,
            &index,
            &self.normal,
            &self.forms,
            &self.progress,
        )?;
        Some(Ok(hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(headline: &str, paragraphs: &[&str], script: crate::SourceScript) -> Article {
        Article {
            headline: headline.into(),
            byline: None,
            script,
            region: None,
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            kinds: Vec::new(),
            profiles: Vec::new(),
            dropped: Vec::new(),
        }
    }

    #[test]
    fn char_ranges_count_characters_not_bytes() {
        let mut out = Vec::new();
        char_ranges("王芳说，王芳笑了。abc王芳", "王芳", &mut out);
        assert_eq!(out, vec![0..2, 4..6, 12..14]);
        out.clear();
        char_ranges("aaaa", "aa", &mut out);
        assert_eq!(out, vec![0..2, 2..4], "not overlapping");
    }

    #[test]
    fn a_traditional_article_is_found_with_a_query_in_either_script() {
        let c = Converters::new();
        let a = article(
            "社區裡的一天",
            &["李明在社區工作了十年。", "Hello 社區"],
            crate::SourceScript::Traditional,
        );
        let progress = Progress::default();
        let index = SearchIndex::build(&a, &c, &progress).unwrap().unwrap();
        assert_eq!(index.len(), 3);
        for q in ["社区", "社區"] {
            let hits = scan(&a, &index, &normal_query(q, &c), &[], &progress).unwrap();
            let places: Vec<(Option<usize>, Range<usize>)> =
                hits.into_iter().map(|h| (h.paragraph, h.chars)).collect();
            assert_eq!(
                places,
                vec![(None, 0..2), (Some(0), 3..5), (Some(1), 6..8)],
                "{q}"
            );
        }
        let hits = scan(&a, &index, &normal_query("HELLO", &c), &[], &progress).unwrap();
        assert_eq!(hits.len(), 1, "ASCII letters match without regard to case");
    }

    #[test]
    fn a_cancelled_search_stops() {
        let c = Converters::new();
        let a = article("", &["王芳"; 10], crate::SourceScript::Simplified);
        let progress = Progress::default();
        progress.cancel.store(true, Ordering::Relaxed);
        assert!(SearchIndex::build(&a, &c, &progress).unwrap().is_none());
    }
}
