//! Analysis: who the article profiles, and what it says of each.
//!
//! The flow, one stage a module:
//!
//! ```text
//! paragraphs ──tagger──▶ tokens and tags ──candidates──▶ mentions ──people──▶ persons (scored)
//!            ──attach──▶ profiles (paragraphs, heading, figures, quotes)
//! ```
//!
//! The tagger is LAC (Baidu's lexical analyser), behind [`tagger::Tagger`]; nothing else here
//! sees the model. Everything else is rules of the genre (issue 11), measured on the real
//! articles of `../shared/corpus/` with `make eval`.

pub mod attach;
pub mod candidates;
mod clauses;
mod cues;
pub mod figures;
pub mod people;
pub mod pipeline;
pub mod roles;
pub mod scoring;
pub mod speakers;
pub mod tagger;

use crate::article::ParagraphKind;
pub use pipeline::{Analysis, analyse_tagged, explain};
use tagger::Tagger;

/// Extracts an article from sanitized text (see [`crate::source::sanitize()`]): cleaning
/// ([`crate::article::clean`]), then analysis ([`analyse`]) as its own stage.
///
/// `script` is the detected script of the text. Never fails: an article where no one is
/// profiled has an empty `profiles`, its text all in `paragraphs`.
pub fn extract(text: &str, script: crate::article::SourceScript) -> crate::article::Article {
    extract_cleaned(crate::article::clean::clean(text), script)
}

/// [`extract`] from text already cleaned ([`crate::article::clean::clean`]), so a caller can free the
/// text first (a long compilation's text is as large as its paragraphs). The paragraphs
/// are analysed ([`analyse`]) and moved into the article, never copied.
pub fn extract_cleaned(
    cleaned: crate::article::clean::Cleaned,
    script: crate::article::SourceScript,
) -> crate::article::Article {
    let analysis = analyse(&cleaned.body, &cleaned.kinds);
    let mut article = crate::article::unanalysed(cleaned, script);
    article.kinds = analysis.kinds;
    article.profiles = analysis.profiles;
    article
}

/// Tags every paragraph (on all cores for many paragraphs) and analyses them: the
/// profiled people of the article, in order of first mention. See [`analyse_tagged`].
pub fn analyse(paragraphs: &[String], kinds: &[ParagraphKind]) -> Analysis {
    let starts = article_starts(paragraphs);
    if starts.len() <= 1 {
        return analyse_tagged(paragraphs, kinds, &tag_all(paragraphs));
    }
    // A compilation: each article is tagged and analysed on its own (its tokens freed
    // before the next), the articles spread over all cores.
    let tagger = Tagger::get();
    each_article(paragraphs, kinds, &starts, |r, k| {
        analyse_tagged(&paragraphs[r.clone()], k, &tagger.tag_many(&paragraphs[r]))
    })
}

/// [`analyse`] in parts, for a reader that shows the text at once and fills the people in
/// as they are found: `on_part(part, range)` receives, in reading order, the analysis of
/// the paragraphs `range` (a compilation's articles, a batch of them at a time on all
/// cores; a single article as one part), with paragraph indices already absolute and
/// `part.kinds` covering `range`. Returning `false` from `on_part` stops the analysis (the
/// reader was closed). The parts together equal [`analyse`]'s result.
pub fn analyse_in_parts(
    paragraphs: &[String],
    kinds: &[ParagraphKind],
    mut on_part: impl FnMut(Analysis, std::ops::Range<usize>) -> bool,
) {
    let starts = article_starts(paragraphs);
    if starts.len() <= 1 {
        on_part(
            analyse_tagged(paragraphs, kinds, &tag_all(paragraphs)),
            0..paragraphs.len(),
        );
        return;
    }
    /// Articles analysed between two reports.
    const BATCH: usize = 16;
    let tagger = Tagger::get();
    for chunk in starts.chunks(BATCH) {
        let from = chunk[0];
        let to = starts
            .get(starts.partition_point(|&s| s <= *chunk.last().unwrap_or(&from)))
            .copied()
            .unwrap_or(paragraphs.len());
        let local: Vec<usize> = chunk.iter().map(|s| s - from).collect();
        let k: Vec<ParagraphKind> = (from..to)
            .map(|i| kinds.get(i).copied().unwrap_or_default())
            .collect();
        let ps = &paragraphs[from..to];
        let mut part = each_article(ps, &k, &local, |r, kk| {
            analyse_tagged(&ps[r.clone()], kk, &tagger.tag_many(&ps[r]))
        });
        for p in &mut part.profiles {
            p.paragraphs.iter_mut().for_each(|i| *i += from);
            p.mentions.iter_mut().for_each(|m| m.paragraph += from);
            p.stats.iter_mut().for_each(|s| s.paragraph += from);
            p.quotes.iter_mut().for_each(|q| q.paragraph += from);
        }
        if !on_part(part, from..to) {
            return;
        }
    }
}

/// [`analyse_tagged`] article by article: a compilation (先進事蹟彙編) holds many articles,
/// each with its own people, and a name in one is not a mention in another. The parts are
/// analysed on all cores and their results put back in reading order.
pub fn analyse_articles(
    paragraphs: &[String],
    kinds: &[ParagraphKind],
    tokens: &[Vec<tagger::Token>],
) -> Analysis {
    let starts = article_starts(paragraphs);
    if starts.len() <= 1 {
        return analyse_tagged(paragraphs, kinds, tokens);
    }
    each_article(paragraphs, kinds, &starts, |r, k| {
        analyse_tagged(&paragraphs[r.clone()], k, &tokens[r])
    })
}

/// Runs `f(paragraph range, kinds)` on each article of a compilation (articles starting at
/// `starts`) on all cores, and puts the results back in reading order with paragraph
/// indices made absolute.
pub(crate) fn each_article(
    paragraphs: &[String],
    kinds: &[ParagraphKind],
    starts: &[usize],
    f: impl Fn(std::ops::Range<usize>, &[ParagraphKind]) -> Analysis + Sync,
) -> Analysis {
    let ranges: Vec<std::ops::Range<usize>> = starts
        .iter()
        .enumerate()
        .map(|(k, &s)| s..starts.get(k + 1).copied().unwrap_or(paragraphs.len()))
        .collect();
    let kind_of = |i: usize| kinds.get(i).copied().unwrap_or_default();
    let parts = crate::article::par_map_from(&ranges, 2, |r| {
        let k: Vec<ParagraphKind> = r.clone().map(kind_of).collect();
        f(r.clone(), &k)
    });
    let mut out = Analysis {
        profiles: Vec::new(),
        kinds: Vec::with_capacity(paragraphs.len()),
    };
    for (r, mut part) in ranges.into_iter().zip(parts) {
        let base = r.start;
        for p in &mut part.profiles {
            p.paragraphs.iter_mut().for_each(|i| *i += base);
            p.mentions.iter_mut().for_each(|m| m.paragraph += base);
            p.stats.iter_mut().for_each(|s| s.paragraph += base);
            p.quotes.iter_mut().for_each(|q| q.paragraph += base);
        }
        out.profiles.extend(part.profiles);
        out.kinds.extend(part.kinds);
    }
    out
}

/// Where the articles of a compilation start: at the first paragraph and at each headline
/// above a byline line inside the body ([`crate::article::clean::is_byline_line`]:
/// 記者…, 通訊員…, …報導). A single article has its byline above the body (taken out by
/// cleaning), so it is one part.
pub fn article_starts(paragraphs: &[String]) -> Vec<usize> {
    let mut starts = vec![0];
    for i in 2..paragraphs.len() {
        let headline = &paragraphs[i - 1];
        if crate::article::clean::is_byline_line(&paragraphs[i])
            && headline.chars().count() <= 40
            && !headline.contains(['。', '！', '？', '；'])
            && starts.last().is_some_and(|&s| i - 1 > s + 1)
        {
            starts.push(i - 1);
        }
    }
    starts
}

/// Texts of at least this many chars in all are tagged on all cores.
const PARALLEL_CHARS: usize = 2048;

/// The tagger's words for every paragraph, in order. The paragraphs are cut into one run
/// per core of about equal length in chars (tagging costs per char), so an article of a
/// few paragraphs uses both cores too.
pub fn tag_all(paragraphs: &[String]) -> Vec<Vec<tagger::Token>> {
    let tagger = Tagger::get();
    let total: usize = paragraphs.iter().map(|p| p.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || total < PARALLEL_CHARS || paragraphs.len() < 2 {
        return tagger.tag_many(paragraphs);
    }
    // Cut points at equal shares of the bytes (a proxy for chars).
    let share = total.div_ceil(threads);
    let mut runs: Vec<&[String]> = Vec::with_capacity(threads);
    let (mut from, mut acc) = (0, 0);
    for (i, p) in paragraphs.iter().enumerate() {
        acc += p.len();
        if acc >= share && runs.len() + 1 < threads {
            runs.push(&paragraphs[from..=i]);
            from = i + 1;
            acc = 0;
        }
    }
    runs.push(&paragraphs[from..]);
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .into_iter()
            .map(|run| scope.spawn(move || tagger.tag_many(run)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The persons [`analyse`] considers in an analysed article, profiled or not, with their
/// score and the signals behind it (`make eval -v` prints them).
pub fn explain_article(article: &crate::article::Article) -> Vec<(String, i32, Vec<&'static str>)> {
    let tokens = tag_all(&article.paragraphs);
    let mut out = Vec::new();
    let starts = article_starts(&article.paragraphs);
    for (k, &s) in starts.iter().enumerate() {
        let e = starts
            .get(k + 1)
            .copied()
            .unwrap_or(article.paragraphs.len());
        let kinds: Vec<ParagraphKind> = (s..e).map(|i| article.kind(i)).collect();
        out.extend(explain(&article.paragraphs[s..e], &kinds, &tokens[s..e]));
    }
    out
}
