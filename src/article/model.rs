//! The article model: what extraction produces, what `--json` prints, what the panes show.
//!
//! The field names of the JSON shape are fixed (see README.md, "JSON shape").

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

/// One extracted feature article of the group-profile (人物群像) genre.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline, once, even when the page repeats it.
    pub headline: String,
    /// The byline without its brackets, e.g. `記者:…`; `None` when the article has none.
    pub byline: Option<String>,
    /// The script of the text (of the original, or of the conversion when converted).
    pub script: SourceScript,
    /// For traditional text, the regional forms it uses (`taiwan`, `hongkong`), or `null`
    /// for OpenCC's standard forms or simplified text.
    #[serde(default)]
    pub region: Option<Region>,
    /// Paragraphs before the first profile, without the byline.
    pub lead: Vec<String>,
    /// The profiles in the order the article gives them.
    pub profiles: Vec<Profile>,
    /// Paragraphs after the last profile that belong to no one (the closing).
    pub closing: Vec<String>,
    /// Image captions: lines set apart from the text (such as the headline repeated between
    /// paragraphs). Not article text; kept so nothing is silently lost.
    #[serde(default)]
    pub captions: Vec<String>,
}

/// One profiled person and their section of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The person's name as written, e.g. a two- to four-character Chinese name.
    pub name: String,
    /// The role as the caption gives it (the caption text before the name), if any.
    pub role: Option<String>,
    /// The section heading without its quotation marks or section number, if any.
    pub heading: Option<String>,
    /// The caption line as written (`某社區副書記王芳`, `张建国，某村党支部书记`), when the
    /// section has one apart from its paragraphs.
    #[serde(default)]
    pub caption: Option<String>,
    /// The section number as written (`02`, `二`), if the section has one.
    #[serde(default)]
    pub number: Option<String>,
    /// The section's paragraphs, in order, without heading and caption.
    pub paragraphs: Vec<String>,
    /// Figures found in `paragraphs`.
    pub stats: Vec<Stat>,
    /// Direct quotes of this person found in `paragraphs`.
    pub quotes: Vec<Quote>,
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
    /// Index into the profile's `paragraphs`.
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
    /// Index into the profile's `paragraphs` of the paragraph where the quote starts.
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

    /// Calls `f` on every string of the article, in a fixed order: headline, byline, lead,
    /// closing, captions, then per profile name, role, heading, number, paragraphs, stat
    /// texts, units and contexts, quote texts. Used to convert the whole article at once.
    pub fn for_each_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        self.for_each_heading_string_mut(&mut f);
        self.lead.iter_mut().for_each(&mut f);
        self.closing.iter_mut().for_each(&mut f);
        for p in &mut self.profiles {
            p.for_each_body_string_mut(&mut f);
        }
    }

    /// Calls `f` on the short strings that lists and headers show: headline, byline,
    /// captions, and per profile name, role, heading, number.
    pub fn for_each_heading_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        f(&mut self.headline);
        if let Some(b) = &mut self.byline {
            f(b);
        }
        self.captions.iter_mut().for_each(&mut f);
        for p in &mut self.profiles {
            p.for_each_label_string_mut(&mut f);
        }
    }
}

impl Profile {
    /// Calls `f` on what lists and headers show of the profile: name, role, heading,
    /// caption, number.
    pub fn for_each_label_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        f(&mut self.name);
        for s in [
            &mut self.role,
            &mut self.heading,
            &mut self.caption,
            &mut self.number,
        ]
        .into_iter()
        .flatten()
        {
            f(s);
        }
    }

    /// The profile without its text (paragraphs, figures, quotes): what a list row needs.
    pub fn label(&self) -> Profile {
        Profile {
            name: self.name.clone(),
            role: self.role.clone(),
            heading: self.heading.clone(),
            caption: self.caption.clone(),
            number: self.number.clone(),
            paragraphs: Vec::new(),
            stats: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// Calls `f` on the profile's text: paragraphs, figure texts, units and contexts, quote
    /// texts (not name, role, heading, number).
    pub fn for_each_body_string_mut(&mut self, mut f: impl FnMut(&mut String)) {
        self.paragraphs.iter_mut().for_each(&mut f);
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
}
