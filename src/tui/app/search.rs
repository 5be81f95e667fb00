//! Search over the headline and every paragraph, in either script, and moving between
//! matches.

use std::ops::Range;

use super::{App, Pane, ViewKind};
use crate::convert::{Config, Script};

/// A search match: where it is (`None` for the headline, else an index into
/// [`crate::Article::paragraphs`]) and its byte range in that text as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The paragraph, or `None` for the headline.
    pub paragraph: Option<usize>,
    /// Byte range in the text, in the script on screen.
    pub range: Range<usize>,
}

/// A search: the query as typed, its matches in the script on screen, the current match.
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

impl App {
    /// Marks to draw in the headline (`None`) or paragraph `place`: search matches and the
    /// jump target, as byte ranges; `true` for the current one.
    pub fn marks_in(&self, place: Option<usize>) -> Vec<(Range<usize>, bool)> {
        let mut out: Vec<(Range<usize>, bool)> = Vec::new();
        if let Some(s) = &self.search {
            for (i, h) in s.hits.iter().enumerate() {
                if h.paragraph == place {
                    out.push((h.range.clone(), i == s.current));
                }
            }
        }
        if let Some((k, r)) = &self.mark
            && Some(*k) == place
        {
            out.push((r.clone(), true));
        }
        out
    }

    /// Finds `query` in the headline and every paragraph, ignoring the script: the query
    /// and the text are both compared in simplified script (OpenCC `t2s` for the query, the
    /// article's own conversion for the text), and matches are mapped back to the script on
    /// screen by character offset (or found directly in the text on screen where a
    /// conversion changed a paragraph's length). ASCII letters match without regard to case.
    ///
    /// Searches the view on screen as it is: make it complete first (search and refresh do).
    pub fn find(&self, query: &str) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let simplified_query = self
            .converters
            .convert_str(Config::T2s, query)
            .unwrap_or_else(|_| query.to_string())
            .to_ascii_lowercase();
        let typed = query.to_ascii_lowercase();
        // A simplified source compares with itself (see `ensure_simplified`).
        let simplified = self
            .complete_view(Script::Simplified)
            .unwrap_or(&self.original);
        let shown = self.article();
        let texts = std::iter::once((None, &shown.headline, &simplified.headline)).chain(
            shown
                .paragraphs
                .iter()
                .zip(&simplified.paragraphs)
                .enumerate()
                .map(|(i, (a, b))| (Some(i), a, b)),
        );
        let mut hits = Vec::new();
        for (place, text, normal) in texts {
            let lower = normal.to_ascii_lowercase();
            let same_length = text.chars().count() == normal.chars().count();
            let (hay, needle) = if same_length {
                (lower, simplified_query.as_str())
            } else {
                (text.to_ascii_lowercase(), typed.as_str())
            };
            for (i, m) in hay.match_indices(needle) {
                let (c0, len) = (hay[..i].chars().count(), m.chars().count());
                let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
                hits.push(super::Hit {
                    paragraph: place,
                    range: byte(c0)..byte(c0 + len),
                });
            }
        }
        hits
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

    /// Runs a search for `query` and goes to its first match at or after what is being
    /// read (the top of the article view, or the selected person's first paragraph).
    pub(super) fn submit_search(&mut self, query: String) {
        self.ensure_simplified();
        self.ensure_all_converted();
        let hits = self.find(&query);
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
        if found {
            self.go_to_hit(first);
        }
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
        match hit.paragraph {
            Some(k) if !owners.is_empty() && self.view != ViewKind::Article => {
                self.view = ViewKind::Profiles;
                self.focus_pane(Pane::Text);
                self.pending_jump.set(Some((k, hit.range.start)));
            }
            place => self.show_in_article(place.map_or(0, |k| k + 1), hit.range.start),
        }
    }

    /// Recomputes the matches of the current search for the script on screen.
    pub(super) fn refresh_search(&mut self) {
        if let Some(q) = self.search.as_ref().map(|s| s.query.clone()) {
            self.ensure_all_converted();
            let hits = self.find(&q);
            if let Some(s) = &mut self.search {
                s.current = s.current.min(hits.len().saturating_sub(1));
                s.hits = hits;
            }
            self.marks_gen += 1;
        }
    }

    /// Goes to the next (`forward`) or previous search match.
    pub(super) fn next_match(&mut self, forward: bool) {
        let Some(s) = &self.search else {
            self.message = Some("no search yet: press / to search".into());
            return;
        };
        let n = s.hits.len();
        if n == 0 {
            return; // the status bar already says "no match for …"
        }
        let i = if forward {
            (s.current + 1) % n
        } else {
            (s.current + n - 1) % n
        };
        self.go_to_hit(i);
    }
}
