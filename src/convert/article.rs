//! Converting an article of the stand-off model: its paragraphs once (they belong to the
//! article, not to a profile), its headline, byline and dropped lines, and per profile its
//! labels (name, aliases, role, heading) and its figure and quote texts. Always from the
//! original; figure and quote offsets, paragraph indices and mentions are kept as they are
//! (they count characters of the original, which a conversion keeps).

use super::{Config, ConvertError, Converters, Names, Script};
use crate::article::{Article, Profile, Region, SourceScript};

/// How much paragraph text (bytes) [`Converters::convert_article`] converts per OpenCC
/// call: large enough to use all cores ([`super::PARALLEL_BYTES`]), small enough to keep
/// the copies it makes small.
pub const BATCH_BYTES: usize = 1 << 20;

/// How much paragraph text (bytes) [`Converters::convert_article_text`] converts per OpenCC
/// call: below [`super::PARALLEL_BYTES`], so the reader's background conversion keeps to
/// one core and its working copies stay small.
pub const TEXT_BATCH_BYTES: usize = 128 * 1024;

/// The end of the batch of `paragraphs` that starts at `start`: about `batch_bytes`, at
/// least one paragraph.
fn batch_end(paragraphs: &[String], start: usize, batch_bytes: usize) -> usize {
    let mut end = start;
    let mut bytes = 0;
    while end < paragraphs.len() && (end == start || bytes < batch_bytes) {
        bytes += paragraphs[end].len();
        end += 1;
    }
    end
}

/// The end of the batch of `profiles` that starts at `start`: about `batch_bytes` of
/// figure contexts and quotes, at least one profile.
fn body_batch_end(profiles: &[Profile], start: usize, batch_bytes: usize) -> usize {
    let mut end = start;
    let mut bytes = 0;
    while end < profiles.len() && (end == start || bytes < batch_bytes) {
        let p = &profiles[end];
        bytes += p.stats.iter().map(|s| s.context.len() + 16).sum::<usize>();
        bytes += p.quotes.iter().map(|q| q.text.len()).sum::<usize>();
        end += 1;
    }
    end
}

/// `p` without its figures and quotes: labels, mentions and paragraph indices (what a
/// list row and the panes' structure need).
pub fn outline(p: &Profile) -> Profile {
    Profile {
        name: p.name.clone(),
        aliases: p.aliases.clone(),
        role: p.role.clone(),
        heading: p.heading.clone(),
        mentions: p.mentions.clone(),
        paragraphs: p.paragraphs.clone(),
        stats: Vec::new(),
        quotes: Vec::new(),
        sure: p.sure,
    }
}

impl Converters {
    /// Returns `article` in `target` script: a clone of the original when no conversion
    /// applies, else every string converted ([`Article::for_each_string_mut`]), with
    /// `script` and `region` set to the result's. Paragraphs are converted in batches of
    /// about [`BATCH_BYTES`] (on all cores when large), figures and quotes in batches of
    /// profiles of about that size, so the work never holds more than a batch twice.
    pub fn convert_article(
        &self,
        article: &Article,
        target: Script,
    ) -> Result<Article, ConvertError> {
        let Some(config) = self.config_for(article.source(), target) else {
            return Ok(article.clone());
        };
        let mut out = self.convert_text_batched(config, article, target, BATCH_BYTES)?;
        let names = Names::of_profiles(&article.profiles);
        let mut start = 0;
        while start < article.profiles.len() {
            let end = body_batch_end(&article.profiles, start, BATCH_BYTES);
            let mut batch: Vec<Profile> = article.profiles[start..end].to_vec();
            self.convert_each(config, &names, |f| {
                for p in &mut batch {
                    p.for_each_body_string_mut(&mut *f);
                }
            })?;
            for (k, p) in (start..end).zip(batch) {
                out.profiles[k].stats = p.stats;
                out.profiles[k].quotes = p.quotes;
            }
            start = end;
        }
        Ok(out)
    }

    /// [`Converters::convert_article`] without figures and quotes: headline, byline,
    /// dropped lines, every paragraph and every profile's labels in `target` script, each
    /// profile's `stats` and `quotes` empty (its mentions and paragraph indices kept). What
    /// the reader's background conversion makes (about the size of the text; a profile's
    /// figures and quotes are converted when it is shown, [`Converters::convert_profile`]).
    /// Paragraphs go through OpenCC in batches of [`TEXT_BATCH_BYTES`], on one core.
    pub fn convert_article_text(
        &self,
        article: &Article,
        target: Script,
    ) -> Result<Article, ConvertError> {
        match self.config_for(article.source(), target) {
            Some(config) => self.convert_text_batched(config, article, target, TEXT_BATCH_BYTES),
            None => {
                let mut out = self.convert_head(article, target)?;
                out.paragraphs = article.paragraphs.clone();
                out.dropped = article.dropped.clone();
                Ok(out)
            }
        }
    }

    /// [`Converters::convert_article_text`] with `config`, paragraphs in batches of
    /// `batch_bytes`.
    fn convert_text_batched(
        &self,
        config: Config,
        article: &Article,
        target: Script,
        batch_bytes: usize,
    ) -> Result<Article, ConvertError> {
        let mut out = self.convert_head(article, target)?;
        let names = Names::of_profiles(&article.profiles);
        out.paragraphs = self.convert_batched(config, &article.paragraphs, &names, batch_bytes)?;
        out.dropped = self.convert_batched(config, &article.dropped, &names, batch_bytes)?;
        self.convert_each(config, &names, |f| {
            for p in &mut out.profiles {
                p.for_each_label_string_mut(&mut *f);
            }
        })?;
        Ok(out)
    }

    /// `texts` converted with `config`, in OpenCC calls of about `batch_bytes` each (at
    /// least one text a call).
    fn convert_batched(
        &self,
        config: Config,
        texts: &[String],
        names: &Names,
        batch_bytes: usize,
    ) -> Result<Vec<String>, ConvertError> {
        let mut out = Vec::with_capacity(texts.len());
        let mut start = 0;
        while start < texts.len() {
            let end = batch_end(texts, start, batch_bytes);
            // Converted from the original's strings, not from a copy, so no copy of the
            // text is made and freed along the way.
            let sources: Vec<&str> = texts[start..end].iter().map(String::as_str).collect();
            out.extend(self.convert_many(config, &sources, names)?);
            start = end;
        }
        Ok(out)
    }

    /// The part of a conversion that costs little whatever the article's size: `article`
    /// with its headline and byline in `target` script, `script` and `region` set to the
    /// result's, every paragraph and every dropped line an empty placeholder (to be
    /// converted with [`Converters::convert_paragraphs`] and
    /// [`Converters::convert_dropped`] as they come on screen: a page can set megabytes
    /// apart as chrome), and each profile's
    /// [`outline`] with its labels in the original script (to be converted with
    /// [`Converters::convert_labels`] and [`Converters::convert_profile`]).
    pub fn convert_head(&self, article: &Article, target: Script) -> Result<Article, ConvertError> {
        let source = article.source();
        let mut out = Article {
            headline: article.headline.clone(),
            byline: article.byline.clone(),
            script: article.script,
            region: article.region,
            paragraphs: vec![String::new(); article.paragraphs.len()],
            kinds: article.kinds.clone(),
            profiles: article.profiles.iter().map(outline).collect(),
            dropped: vec![String::new(); article.dropped.len()],
        };
        let Some(config) = self.config_for(source, target) else {
            return Ok(out);
        };
        let names = Names::of_profiles(&article.profiles);
        self.convert_each(config, &names, |f| {
            f(&mut out.headline);
            if let Some(b) = &mut out.byline {
                f(b);
            }
        })?;
        (out.script, out.region) = target.shown(source);
        Ok(out)
    }

    /// Paragraphs `indices` of `article` in `target` script, in one OpenCC call (copies
    /// of the originals when no conversion applies). Indices out of range give empty
    /// strings.
    pub fn convert_paragraphs(
        &self,
        article: &Article,
        indices: &[usize],
        target: Script,
    ) -> Result<Vec<String>, ConvertError> {
        self.convert_some(article, &article.paragraphs, indices, target)
    }

    /// Dropped lines (page chrome) `indices` of `article` in `target` script, in one
    /// OpenCC call (copies of the originals when no conversion applies). Indices out of
    /// range give empty strings.
    pub fn convert_dropped(
        &self,
        article: &Article,
        indices: &[usize],
        target: Script,
    ) -> Result<Vec<String>, ConvertError> {
        self.convert_some(article, &article.dropped, indices, target)
    }

    /// `texts` (paragraphs or dropped lines of `article`) `indices` in `target` script.
    fn convert_some(
        &self,
        article: &Article,
        texts: &[String],
        indices: &[usize],
        target: Script,
    ) -> Result<Vec<String>, ConvertError> {
        let sources: Vec<&str> = indices
            .iter()
            .map(|&i| texts.get(i).map_or("", String::as_str))
            .collect();
        match self.config_for(article.source(), target) {
            Some(config) => {
                self.convert_many(config, &sources, &Names::of_profiles(&article.profiles))
            }
            None => Ok(sources.into_iter().map(str::to_string).collect()),
        }
    }

    /// Converts the labels (name, aliases, role, heading) of `profiles`, whose text is in
    /// `source` script, to `target`, in one OpenCC call.
    pub fn convert_labels(
        &self,
        profiles: &mut [Profile],
        source: (SourceScript, Option<Region>),
        target: Script,
    ) -> Result<(), ConvertError> {
        let names = Names::of_profiles(profiles);
        self.convert_in_place(source, target, &names, |f| {
            for p in profiles.iter_mut() {
                p.for_each_label_string_mut(&mut *f);
            }
        })
    }

    /// Converts `profile`'s labels and figure and quote texts (its paragraphs belong to
    /// the article: [`Converters::convert_paragraphs`]), whose text is in `source` script,
    /// to `target`, in one OpenCC call.
    pub fn convert_profile(
        &self,
        profile: &mut Profile,
        source: (SourceScript, Option<Region>),
        target: Script,
    ) -> Result<(), ConvertError> {
        let names = Names::of_profiles(std::slice::from_ref(profile));
        self.convert_in_place(source, target, &names, |f| {
            profile.for_each_label_string_mut(&mut *f);
            profile.for_each_body_string_mut(&mut *f);
        })
    }

    /// Converts every string `each` visits, whose text is in `source` script, to
    /// `target`, in one OpenCC call, `names` as names ([`Names`]; the people's names and
    /// aliases: [`Names::of_profiles`]); nothing when no conversion applies. `each` must
    /// visit the same strings in the same order each time it is called. On an error every
    /// string keeps its original.
    pub fn convert_in_place(
        &self,
        source: (SourceScript, Option<Region>),
        target: Script,
        names: &Names,
        each: impl FnMut(&mut dyn FnMut(&mut String)),
    ) -> Result<(), ConvertError> {
        match self.config_for(source, target) {
            Some(config) => self.convert_each(config, names, each),
            None => Ok(()),
        }
    }
}
