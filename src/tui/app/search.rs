//! Search over the headline and every paragraph, in either script: the prompt (a line
//! editor, history), searching as the user types, on another thread for a long article,
//! and moving between matches.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::searcher::{self, CharHit, Job, Outcome, Progress, SharedIndex};
use super::{App, Pane, ViewKind};
use crate::convert::Config;

/// Articles up to this many bytes of text are searched on the thread that reads keys
/// (a few milliseconds); longer ones on another thread, with progress in the status bar
/// and Esc to cancel.
pub const INLINE_BYTES: usize = 512 * 1024;

/// How many queries the prompt's history keeps.
pub const HISTORY_MAX: usize = 100;

/// A search match: where it is (`None` for the headline, else an index into
/// [`crate::Article::paragraphs`]) and its character range there. Character offsets are
/// the same in every script (conversion goes character for character), so a match stays
/// where it is when the script changes; [`App::hit_bytes`] gives its bytes in the text
/// on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The paragraph, or `None` for the headline.
    pub paragraph: Option<usize>,
    /// Character range (Unicode scalar values) in the text.
    pub chars: Range<usize>,
}

/// A search: the query as typed, its matches, the current match.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query as typed.
    pub query: String,
    /// Matches, in reading order (the headline, then the paragraphs).
    pub hits: Vec<Hit>,
    /// Index of the current match in `hits`.
    pub current: usize,
    /// The query in every script (as typed, 简体, 繁體, 台灣正體, 香港繁體), to mark matches in
    /// the lists (people, figures, quotes) whatever script they are shown in.
    pub terms: Vec<String>,
}

impl Search {
    /// Byte ranges in `text` where one of the query's forms occurs, sorted, not overlapping.
    pub fn ranges_in(&self, text: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for t in self.terms.iter().filter(|t| !t.is_empty()) {
            out.extend(text.match_indices(t.as_str()).map(|(i, m)| i..i + m.len()));
        }
        out.sort_by_key(|r| r.start);
        let mut end = 0;
        out.retain(|r| {
            let keep = r.start >= end;
            if keep {
                end = r.end;
            }
            keep
        });
        out
    }
}

/// A search under way on another thread.
pub struct Running {
    /// The query.
    pub query: String,
    /// How far it has got; set its `cancel` to stop it.
    pub progress: Arc<Progress>,
    /// Whether to go to the first match when it is done (the query was submitted), or
    /// only to mark the matches (typing).
    pub go: bool,
    rx: Receiver<Option<Outcome>>,
}

/// Byte ranges in `text` of the character ranges `chars` (ascending by start), in one pass;
/// ranges past the end of `text` end at its end.
fn bytes_of(text: &str, chars: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let (mut at, mut byte) = (0usize, it.next().unwrap_or(0));
    let mut advance = |to: usize, at: &mut usize, byte: &mut usize| {
        while *at < to {
            match it.next() {
                Some(b) => *byte = b,
                None => {
                    *byte = text.len();
                    *at = to;
                    return;
                }
            }
            *at += 1;
        }
    };
    for r in chars {
        if r.start < at {
            continue; // not ascending: skipped rather than scanned again
        }
        advance(r.start, &mut at, &mut byte);
        let start = byte;
        advance(r.end, &mut at, &mut byte);
        out.push(start..byte);
    }
    out
}

impl App {
    /// The text of place `place` as shown (`None` the headline).
    fn place_text(&self, place: Option<usize>) -> &str {
        let a = self.article();
        match place {
            None => &a.headline,
            Some(k) => a.paragraphs.get(k).map_or("", String::as_str),
        }
    }

    /// The byte range of `hit` in the text on screen.
    pub fn hit_bytes(&self, hit: &Hit) -> Range<usize> {
        let text = self.place_text(hit.paragraph);
        bytes_of(text, std::iter::once(hit.chars.clone()))
            .pop()
            .unwrap_or(0..0)
    }

    /// Marks to draw in the headline (`None`) or paragraph `place`: search matches and the
    /// jump target, as byte ranges; `true` for the current one. Costs the matches in that
    /// place, not all of them.
    pub fn marks_in(&self, place: Option<usize>) -> Vec<(Range<usize>, bool)> {
        let mut out: Vec<(Range<usize>, bool)> = Vec::new();
        if let Some(s) = &self.search {
            let first = s.hits.partition_point(|h| h.paragraph < place);
            let last = first + s.hits[first..].partition_point(|h| h.paragraph == place);
            let text = self.place_text(place);
            let ranges = bytes_of(text, s.hits[first..last].iter().map(|h| h.chars.clone()));
            out.extend(
                ranges
                    .into_iter()
                    .zip(first..)
                    .map(|(r, i)| (r, i == s.current)),
            );
        }
        if let Some((k, r)) = &self.mark
            && Some(*k) == place
        {
            out.push((r.clone(), true));
        }
        out
    }

    /// The query in every script OpenCC can give it (as typed, 简体, 繁體, 台灣正體, 香港繁體).
    fn query_forms(&self, query: &str) -> Vec<String> {
        let q = query.trim();
        let mut forms = vec![q.to_string()];
        for c in [Config::T2s, Config::S2t, Config::S2tw, Config::S2hk] {
            if let Ok(f) = self.converters.convert_str(c, q)
                && !forms.contains(&f)
            {
                forms.push(f);
            }
        }
        forms
    }

    /// Finds `query` in the headline and every paragraph, ignoring the script (see
    /// [`searcher`]), at once on this thread. Matches in reading order.
    pub fn find(&mut self, query: &str) -> Vec<Hit> {
        let job = self.job(query, Arc::new(Progress::default()));
        match job.run() {
            Some(Ok(hits)) => hits.into_iter().map(hit).collect(),
            Some(Err(e)) => {
                self.message = Some(e.to_string());
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn job(&self, query: &str, progress: Arc<Progress>) -> Job {
        Job {
            article: Arc::clone(&self.original),
            converters: Arc::clone(&self.converters),
            index: Arc::clone(&self.search_index),
            index_progress: Arc::clone(&self.index_progress),
            normal: searcher::normal_query(query, &self.converters),
            forms: self.query_forms(query),
            progress,
        }
    }

    /// Starts a search for `query`, stopping one under way: at once for a short article,
    /// else on another thread ([`INLINE_BYTES`]). `go`: go to the first match when done
    /// (else only mark the matches, as while typing). An empty query clears the search.
    pub(super) fn start_search(&mut self, query: String, go: bool) {
        self.stop_scan();
        if query.trim().is_empty() {
            self.search = None;
            self.marks_gen += 1;
            return;
        }
        let progress = Arc::new(Progress::default());
        let job = self.job(&query, Arc::clone(&progress));
        if self.text_bytes < self.search_inline_bytes {
            let outcome = job.run();
            self.finish_search(query, outcome, go);
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(job.run());
        });
        self.searching = Some(Running {
            query,
            progress,
            go,
            rx,
        });
    }

    /// Stops the scan under way, if any, but not the building of the index (a key typed
    /// in the prompt: the next query needs the index too).
    fn stop_scan(&mut self) {
        if let Some(r) = self.searching.take() {
            r.progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Stops the search under way, if any, the building of the index included (Esc,
    /// quitting); the next search starts the index again.
    pub(super) fn cancel_search(&mut self) {
        if self.searching.is_some() {
            self.stop_scan();
            self.index_progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
            self.index_progress = Arc::new(Progress::default());
        }
    }

    /// Takes the result of the search under way when it is done. Returns whether it was.
    pub fn poll_search(&mut self) -> bool {
        let Some(r) = &self.searching else {
            return false;
        };
        match r.rx.try_recv() {
            Ok(outcome) => {
                let r = self.searching.take().expect("checked above");
                self.finish_search(r.query, outcome, r.go);
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.searching = None;
                true
            }
        }
    }

    /// Waits for the search under way and takes its result (headless snapshots and
    /// tests, which show the screen once everything asked for is done).
    pub fn wait_search(&mut self) {
        if let Some(r) = self.searching.take() {
            let outcome = r.rx.recv().ok().flatten();
            self.finish_search(r.query, outcome, r.go);
        }
    }

    /// Takes a finished search: keeps the index for the next one, marks the matches, and
    /// with `go` goes to the first at or after what is being read (the top of the article
    /// view, or the selected person's first paragraph).
    fn finish_search(&mut self, query: String, outcome: Option<Outcome>, go: bool) {
        let hits: Vec<Hit> = match outcome {
            Some(Ok(hits)) => hits.into_iter().map(hit).collect(),
            Some(Err(e)) => {
                self.message = Some(e.to_string());
                return;
            }
            None => return,
        };
        let from = match self.view {
            ViewKind::Article => self.article_shown.get().0.checked_sub(1),
            _ => self
                .people
                .get(self.selected)
                .and_then(|p| p.paragraphs.first().copied()),
        };
        let first = hits.iter().position(|h| h.paragraph >= from).unwrap_or(0);
        let found = !hits.is_empty();
        let terms = self.query_forms(&query);
        self.search = Some(Search {
            query,
            hits,
            current: first,
            terms,
        });
        self.marks_gen += 1;
        if go && found {
            self.go_to_hit(first);
        }
    }

    /// The prompt's text changed: search for it as typed, marking the matches.
    pub(super) fn typed(&mut self) {
        let query = self.input.as_ref().map_or("", |i| i.value()).to_string();
        self.start_search(query, false);
    }

    /// Enter in the prompt: closes it, keeps the query in the history, and goes to the
    /// first match (when the search as typed is done; else when it is).
    pub(super) fn submit(&mut self) {
        let query = self
            .input
            .take()
            .map(|i| i.value().to_string())
            .unwrap_or_default();
        self.history_at = None;
        if query.trim().is_empty() {
            // An empty prompt closes without searching.
            self.search = self.search_before.take();
            self.marks_gen += 1;
            return;
        }
        self.search_before = None;
        self.history.retain(|q| *q != query);
        self.history.push(query.clone());
        let excess = self.history.len().saturating_sub(HISTORY_MAX);
        self.history.drain(..excess);
        self.history_changed = true;
        match &mut self.searching {
            Some(r) if r.query == query => r.go = true,
            _ => match &self.search {
                Some(s) if s.query == query => {
                    let first = s.current;
                    if !s.hits.is_empty() {
                        self.go_to_hit(first);
                    }
                }
                _ => self.start_search(query, true),
            },
        }
    }

    /// Esc in the prompt: closes it, stops the search as typed, and brings back the
    /// search there was before.
    pub(super) fn cancel_prompt(&mut self) {
        self.input = None;
        self.history_at = None;
        self.cancel_search();
        self.search = self.search_before.take();
        self.marks_gen += 1;
    }

    /// Up (`back`) or Down in the prompt: the previous or next query of the history.
    pub(super) fn recall(&mut self, back: bool) {
        let n = self.history.len();
        if n == 0 {
            return;
        }
        let at = match (self.history_at, back) {
            (None, true) => Some(n - 1),
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
        };
        self.history_at = at;
        let value = at.map_or(String::new(), |i| self.history[i].clone());
        self.input = Some(tui_input::Input::new(value));
        self.typed();
    }

    /// Moves to search match `i`. A match in a paragraph about someone selects that person
    /// (the selected one when it is about them too) and, from the panes, scrolls the text
    /// pane to it; a match in the headline or in a paragraph about nobody, or any match
    /// while the article view is open, is shown in the article view.
    pub(super) fn go_to_hit(&mut self, i: usize) {
        let Some(hit) = self.search.as_ref().and_then(|s| s.hits.get(i)).cloned() else {
            return;
        };
        if let Some(s) = &mut self.search {
            s.current = i;
        }
        self.mark = None;
        self.marks_gen += 1;
        let owners = hit
            .paragraph
            .map_or(Vec::new(), |k| self.index.owners_of(k).to_vec());
        if let Some(&first) = owners.first()
            && !owners.contains(&self.selected)
        {
            self.select(first);
        }
        if let Some(k) = hit.paragraph {
            // The byte offset is taken in the text as shown, converted first.
            self.ensure_paragraphs(vec![k]);
        }
        let byte = self.hit_bytes(&hit).start;
        match hit.paragraph {
            Some(k) if !owners.is_empty() && self.view != ViewKind::Article => {
                self.view = ViewKind::Profiles;
                self.focus_pane(Pane::Text);
                self.pending_jump.set(Some((k, byte)));
            }
            place => self.show_in_article(place.map_or(0, |k| k + 1), byte),
        }
    }

    /// The script on screen changed: matches keep their characters, only their marks are
    /// drawn again.
    pub(super) fn refresh_search(&mut self) {
        if self.search.is_some() {
            self.marks_gen += 1;
        }
    }

    /// Goes to the next (`forward`) or previous search match, saying so when it wraps
    /// around the end of the article.
    pub(super) fn next_match(&mut self, forward: bool) {
        let Some(s) = &self.search else {
            self.message = Some("no search yet: press / to search".into());
            return;
        };
        let n = s.hits.len();
        if n == 0 {
            return; // the status bar already says "no match for …"
        }
        let (i, wrapped) = if forward {
            ((s.current + 1) % n, s.current + 1 == n)
        } else {
            ((s.current + n - 1) % n, s.current == 0)
        };
        self.go_to_hit(i);
        if wrapped && n > 1 {
            self.message = Some(if forward {
                "search wrapped to the first match".into()
            } else {
                "search wrapped to the last match".into()
            });
        }
    }

    /// How far the search under way has got, in percent, when one is: the building of
    /// the index until it is done, then the scan.
    pub fn search_progress(&self) -> Option<usize> {
        let r = self.searching.as_ref()?;
        let indexed = self
            .search_index
            .try_lock()
            .is_ok_and(|slot| slot.is_some());
        Some(if indexed {
            r.progress.percent()
        } else {
            self.index_progress.percent()
        })
    }
}

fn hit(h: CharHit) -> Hit {
    Hit {
        paragraph: h.paragraph,
        chars: h.chars,
    }
}

/// The index type of the app's fields.
pub(super) type Index = SharedIndex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_of_maps_character_ranges_in_one_pass() {
        let text = "王芳说abc王芳";
        let got = bytes_of(text, [0..2, 6..8].into_iter());
        assert_eq!(got, vec![0..6, 12..18]);
        assert_eq!(&text[got[1].clone()], "王芳");
        // Past the end: clamped.
        assert_eq!(bytes_of("ab", std::iter::once(1..9)), vec![1..2]);
    }
}
