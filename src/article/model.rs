//! The article model: what analysis produces, what `--json` prints, what the panes show.
//!
//! A **stand-off** model: the article body is held once, as paragraphs in reading order
//! ([`Article::paragraphs`], each with a [`ParagraphKind`]); people are annotations over it
//! ([`Profile`]) that point into those paragraphs by index and character range. Several people
//! may share a paragraph, and a person's paragraphs need not be contiguous.
//!
//! Offsets are character offsets (Unicode scalar values), never bytes. The field names of the
//! JSON shape are fixed (see README.md, "JSON shape").

use serde::{Deserialize, Serialize};

/// The script an article's text is written in, as detected from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceScript {
    /// Traditional Chinese characters (繁體).
    Traditional,
    /// Simplified Chinese characters (简体).
    Simplified,
}

/// The regional forms of traditional text, where the text shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// Taiwan forms (裡, 著, 為), OpenCC's TWVariants.
    Taiwan,
    /// Hong Kong forms (裏, 着, 衞), OpenCC's HKVariants.
    #[serde(rename = "hongkong")]
    HongKong,
}

/// What a paragraph of the body is, as the layout shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Running text.
    #[default]
    Text,
    /// A section heading: a short line, often a pull-quote in quotation marks or numbered.
    Heading,
    /// A photo caption (`▲图为…`, `圖／…`, a short line that names a person under a photo).
    Caption,
    /// A name line or an entry of a described list (`何志偉（47歲）`, `张三 11年…的民警`).
    #[serde(rename = "list")]
    ListItem,
    /// A question of a Q&A (`Q：…`, `問：…`).
    Question,
    /// An answer of a Q&A, labelled with its speaker (`A：…`, `王明：…`).
    Answer,
}

/// One article of the group-profile (人物群像) genre, analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline, once; empty when the text has none.
    pub headline: String,
    /// The byline without its brackets, e.g. `記者:…`; `None` when the article has none.
    pub byline: Option<String>,
    /// The script of the text (of the original, or of the conversion when converted).
    pub script: SourceScript,
    /// For traditional text, the regional forms it uses (`taiwan`, `hongkong`), or `null`
    /// for OpenCC's standard forms or simplified text.
    #[serde(default)]
    pub region: Option<Region>,
    /// The article body in reading order, without headline, byline and page chrome.
    pub paragraphs: Vec<String>,
    /// The kind of each paragraph, parallel to `paragraphs` (missing entries are text).
    #[serde(default)]
    pub kinds: Vec<ParagraphKind>,
    /// The profiled people in order of first appearance.
    pub profiles: Vec<Profile>,
    /// Lines set apart as page chrome (menus, prompts, footers, crawler lines): not article
    /// text, kept so nothing is silently lost.
    #[serde(default)]
    pub dropped: Vec<String>,
}

/// A character range in one paragraph of [`Article::paragraphs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Character offset (Unicode scalar values) of the start in that paragraph.
    pub start: usize,
    /// Character offset one past the end.
    pub end: usize,
}

/// One profiled person: an annotation over the article's paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The person's name as written (a full name, or the label the article gives when that
    /// is all it gives: `李小姐`, `妞妞奶奶`).
    pub name: String,
    /// Other forms the article uses for the person (given name, nickname, `老王`, `馮Sir`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The role: a caption's text before the name, else the role phrase written directly
    /// before the name (after a 的-clause, only the noun after the last 的).
    pub role: Option<String>,
    /// The section heading that opens the person's section, without quotation marks or
    /// section number, when the article has one.
    pub heading: Option<String>,
    /// Where the article names the person (by name or alias), in reading order.
    #[serde(default)]
    pub mentions: Vec<Span>,
    /// Indices into [`Article::paragraphs`] of the paragraphs about the person, ascending.
    pub paragraphs: Vec<usize>,
    /// Figures about the person, in reading order.
    pub stats: Vec<Stat>,
    /// The person's direct quotes, in reading order.
    pub quotes: Vec<Quote>,
    /// False when the analysis is not sure the person is profiled (shown marked in the list).
    #[serde(default = "yes")]
    pub sure: bool,
}

fn yes() -> bool {
    true
}

/// A figure: a number with its measure word, as written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stat {
    /// The figure exactly as written, e.g. `200多名`, `五六十戶`, `上千個`.
    pub text: String,
    /// The normalised number: `五六十` → 50, `200多` → 200, `一〇四` → 104. Whole numbers
    /// are written to JSON as integers (`1280`, not `1280.0`).
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
    /// The measure word or unit as written, e.g. `歲`, `戶`, `小時`.
    pub unit: String,
    /// True for approximate figures (`多`, `餘`, `上千`, `近`, `五六十`, …); `value` is then
    /// the lower bound.
    pub approx: bool,
    /// The clause the figure stands in (between clause punctuation).
    pub context: String,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Character offset (Unicode scalar values, not bytes) of `text` in that paragraph.
    #[serde(default)]
    pub offset: usize,
    /// What is counted, where the clause says it right after the figure (`200多名老黨員` →
    /// `老黨員`, `上千個電話` → `電話`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Writes a whole number below 2^53 as a JSON integer, anything else as a float.
fn whole_as_integer<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// A direct quote: speech in quotation marks attributed to the profiled person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The speech without its outer quotation marks; nested marks are kept.
    pub text: String,
    /// Index into [`Article::paragraphs`] of the paragraph where the quote starts.
    pub paragraph: usize,
    /// Character offset (Unicode scalar values) of the quote's text in that paragraph.
    #[serde(default)]
    pub offset: usize,
}

impl Article {
    /// The script and region of the article's text.
    pub fn source(&self) -> (SourceScript, Option<Region>) {
        (self.script, self.region)
    }

    /// The kind of paragraph `i` (text when `kinds` does not say).
    pub fn kind(&self, i: usize) -> ParagraphKind {
        self.kinds.get(i).copied().unwrap_or_default()
    }

    /// Calls `f` on every string of the article, in a fixed order: headline, byline,
    /// dropped lines, per profile its labels (name, aliases, role, heading), paragraphs,
    /// then per profile stat texts, units, contexts and labels, quote texts. Used to convert
    /// the whole article at once.
    pub fn for_each_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        self.for_each_heading_string_mut(&mut f);
        self.paragraphs.iter_mut().for_each(&mut f);
        for p in &mut self.profiles {
            p.for_each_body_string_mut(&mut f);
        }
    }

    /// Calls `f` on the short strings that lists and headers show: headline, byline,
    /// dropped lines, and per profile name, aliases, role, heading.
    pub fn for_each_heading_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        f(&mut self.headline);
        if let Some(b) = &mut self.byline {
            f(b);
        }
        self.dropped.iter_mut().for_each(&mut f);
        for p in &mut self.profiles {
            p.for_each_label_string_mut(&mut f);
        }
    }

    /// Checks the references of every profile against `paragraphs` and drops those that
    /// point past them (paragraph index out of range; a mention, figure or quote that does
    /// not fit in its paragraph: a figure's text, or a quote's first line, counted in chars
    /// from its offset, running past the paragraph's end), so a hand-edited JSON file cannot
    /// make the panes index out of bounds or mark text that is not there. Returns how many
    /// references were dropped.
    pub fn drop_dangling(&mut self) -> usize {
        let lens: Vec<usize> = self.paragraphs.iter().map(|p| p.chars().count()).collect();
        let ok = |i: usize, at: usize| lens.get(i).is_some_and(|&n| at <= n);
        let mut dropped = 0;
        for p in &mut self.profiles {
            let before = p.paragraphs.len() + p.mentions.len() + p.stats.len() + p.quotes.len();
            p.paragraphs.retain(|&i| i < lens.len());
            p.paragraphs.sort_unstable();
            p.paragraphs.dedup();
            p.mentions
                .retain(|m| m.start <= m.end && ok(m.paragraph, m.end));
            p.stats
                .retain(|s| ok(s.paragraph, s.offset + s.text.chars().count()));
            // A quote's first line stands in its paragraph; the rest, after `\n`, in the next.
            p.quotes.retain(|q| {
                let first = q.text.split('\n').next().unwrap_or_default();
                ok(q.paragraph, q.offset + first.chars().count())
            });
            dropped +=
                before - (p.paragraphs.len() + p.mentions.len() + p.stats.len() + p.quotes.len());
        }
        if self.kinds.len() > self.paragraphs.len() {
            self.kinds.truncate(self.paragraphs.len());
        }
        dropped
    }
}

impl Profile {
    /// Calls `f` on what lists and headers show of the profile: name, aliases, role, heading.
    pub fn for_each_label_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        f(&mut self.name);
        self.aliases.iter_mut().for_each(&mut f);
        for s in [&mut self.role, &mut self.heading].into_iter().flatten() {
            f(s);
        }
    }

    /// Calls `f` on the profile's own text: figure texts, units, contexts and labels, quote
    /// texts (not its labels; its paragraphs belong to the article).
    pub fn for_each_body_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        for s in &mut self.stats {
            f(&mut s.text);
            f(&mut s.unit);
            f(&mut s.context);
            if let Some(l) = &mut s.label {
                f(l);
            }
        }
        for q in &mut self.quotes {
            f(&mut q.text);
        }
    }

    /// The profile without its figures and quotes: what a list row needs.
    pub fn label(&self) -> Profile {
        Profile {
            stats: Vec::new(),
            quotes: Vec::new(),
            mentions: Vec::new(),
            ..self.clone()
        }
    }
}
