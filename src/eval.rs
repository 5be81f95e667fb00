//! Scoring extraction against hand-made gold (the format of `../shared/corpus/README.md`):
//! what `make eval` prints and what the corpus test holds to.
//!
//! Matching: a profile matches the gold profile of the same name (exact). Roles and headings
//! count on matched profiles when equal. Figures compare the figure's text with the gold
//! `value` + `unit`, quotes their text, both with whitespace removed and as multisets per
//! matched profile; everything found for an unmatched profile is a false positive and
//! everything in an unmatched gold profile a miss.

use crate::article::Article;
use serde::Deserialize;

/// A gold file: what a correct extractor reports for one article.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The headline as printed, or null.
    pub headline: Option<String>,
    /// The profiled people in order of first appearance.
    pub profiles: Vec<GoldProfile>,
}

/// One profiled person of a gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldProfile {
    /// The name as written.
    pub name: String,
    /// The role, or null.
    pub role: Option<String>,
    /// The section heading, or null.
    pub heading: Option<String>,
    /// The figures (only `value` and `unit` are compared).
    #[serde(default)]
    pub stats: Vec<GoldStat>,
    /// The quotes' texts.
    #[serde(default)]
    pub quotes: Vec<String>,
}

/// One gold figure.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStat {
    /// The number as written (`42`, `三十`, `100多`).
    pub value: String,
    /// The unit or measure word, or null.
    pub unit: Option<String>,
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found and in the gold.
    pub tp: usize,
    /// Found, not in the gold.
    pub fp: usize,
    /// In the gold, not found.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn); 1 when the gold is empty.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Adds another article's counts.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The counts of every field for one article (or a sum of articles).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Profiles, by name.
    pub profiles: Counts,
    /// Roles of matched profiles.
    pub roles: Counts,
    /// Headings of matched profiles.
    pub headings: Counts,
    /// Figures (value and unit).
    pub stats: Counts,
    /// Quotes (text).
    pub quotes: Counts,
}

impl Score {
    /// Adds another article's score.
    pub fn add(&mut self, o: &Score) {
        self.profiles.add(o.profiles);
        self.roles.add(o.roles);
        self.headings.add(o.headings);
        self.stats.add(o.stats);
        self.quotes.add(o.quotes);
    }
}

/// Text with every whitespace char removed (the gold stores `42 岁` as `42` + `岁`).
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// Multiset overlap of two lists of strings: (matched, left unmatched in `found`).
fn overlap(gold: &[String], found: &[String]) -> (usize, usize) {
    let mut left: Vec<&String> = found.iter().collect();
    let mut tp = 0;
    for g in gold {
        if let Some(i) = left.iter().position(|f| *f == g) {
            left.swap_remove(i);
            tp += 1;
        }
    }
    (tp, left.len())
}

fn field(gold: Option<&str>, found: Option<&str>) -> Counts {
    let mut c = Counts::default();
    match (gold, found) {
        (Some(g), Some(f)) if squash(g) == squash(f) => c.tp = 1,
        (Some(_), Some(_)) => {
            c.fn_ = 1;
            c.fp = 1;
        }
        (Some(_), None) => c.fn_ = 1,
        (None, Some(_)) => c.fp = 1,
        (None, None) => {}
    }
    c
}

/// Scores `article` against `gold`.
pub fn score(article: &Article, gold: &Gold) -> Score {
    let mut s = Score::default();
    let stat_texts = |p: &crate::article::Profile| -> Vec<String> {
        p.stats.iter().map(|x| squash(&x.text)).collect()
    };
    let quote_texts = |p: &crate::article::Profile| -> Vec<String> {
        p.quotes.iter().map(|x| squash(&x.text)).collect()
    };
    let mut used = vec![false; article.profiles.len()];
    for g in &gold.profiles {
        let gs: Vec<String> = g
            .stats
            .iter()
            .map(|x| squash(&format!("{}{}", x.value, x.unit.as_deref().unwrap_or(""))))
            .collect();
        let gq: Vec<String> = g.quotes.iter().map(|q| squash(q)).collect();
        let found = article
            .profiles
            .iter()
            .enumerate()
            .position(|(i, p)| !used[i] && p.name == g.name);
        match found {
            Some(i) => {
                used[i] = true;
                let p = &article.profiles[i];
                s.profiles.tp += 1;
                s.roles.add(field(g.role.as_deref(), p.role.as_deref()));
                s.headings
                    .add(field(g.heading.as_deref(), p.heading.as_deref()));
                let (tp, fp) = overlap(&gs, &stat_texts(p));
                s.stats.add(Counts {
                    tp,
                    fp,
                    fn_: gs.len() - tp,
                });
                let (tp, fp) = overlap(&gq, &quote_texts(p));
                s.quotes.add(Counts {
                    tp,
                    fp,
                    fn_: gq.len() - tp,
                });
            }
            None => {
                s.profiles.fn_ += 1;
                s.roles.fn_ += usize::from(g.role.is_some());
                s.headings.fn_ += usize::from(g.heading.is_some());
                s.stats.fn_ += gs.len();
                s.quotes.fn_ += gq.len();
            }
        }
    }
    for (i, p) in article.profiles.iter().enumerate() {
        if !used[i] {
            s.profiles.fp += 1;
            s.roles.fp += usize::from(p.role.is_some());
            s.headings.fp += usize::from(p.heading.is_some());
            s.stats.fp += p.stats.len();
            s.quotes.fp += p.quotes.len();
        }
    }
    s
}
