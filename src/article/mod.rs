//! The article model and extraction: clean text → [`Article`].

pub mod clean;
pub mod model;
pub mod profiles;
pub mod quotes;
pub mod stats;

pub use model::{Article, Profile, Quote, Region, SourceScript, Stat};

/// Extracts an article from sanitized text (see [`crate::source::sanitize()`]).
///
/// `script` is the detected script of the text ([`crate::convert::detect_script`]). Never
/// fails: an article where no profile is found has an empty `profiles` and its whole text in
/// `lead`.
pub fn extract(text: &str, script: SourceScript) -> Article {
    extract_cleaned(clean::clean(text), script)
}

/// [`extract`] from text already cleaned ([`clean::clean`]), so a caller can free the
/// text first (a long compilation's text is as large as its paragraphs).
pub fn extract_cleaned(cleaned: clean::Cleaned, script: SourceScript) -> Article {
    let mut body = cleaned.body;
    let sections = profiles::find_sections_in_articles(&body);
    let mut article = Article {
        headline: cleaned.headline,
        byline: cleaned.byline,
        script,
        region: None,
        lead: Vec::new(),
        profiles: Vec::new(),
        closing: Vec::new(),
        captions: cleaned.captions,
    };
    let Some(first) = sections.first() else {
        article.lead = body;
        return article;
    };
    // Paragraphs are moved out of the body, never copied (a compilation's body is its size).
    let take = |body: &mut [String], range: std::ops::Range<usize>| -> Vec<String> {
        body[range].iter_mut().map(std::mem::take).collect()
    };
    article.lead = take(&mut body, 0..first.start);
    for (k, s) in sections.iter().enumerate() {
        let end = sections.get(k + 1).map_or(body.len(), |n| n.start);
        let mut paragraphs = take(&mut body, s.body_start..end);
        if k + 1 == sections.len() {
            let others: Vec<String> = sections.iter().map(|o| o.name.clone()).collect();
            let c = profiles::closing_start(&paragraphs, &s.name, &others);
            article.closing = paragraphs.split_off(c);
        }
        article.profiles.push(Profile {
            name: s.name.clone(),
            role: s.role.clone(),
            heading: s.heading.clone(),
            caption: s.caption.clone(),
            number: s.number.clone(),
            paragraphs,
            stats: Vec::new(),
            quotes: Vec::new(),
        });
    }
    find_figures_and_quotes(&mut article.profiles);
    article
}

/// The chars of `s` in a vector allocated once at its exact size (`collect` from `Chars`
/// grows it several times, a cost that shows over a compilation's 50,000 paragraphs).
pub(crate) fn chars_of(s: &str) -> Vec<char> {
    let mut v = Vec::with_capacity(s.chars().count());
    v.extend(s.chars());
    v
}

/// Inputs of at least this many items go through [`par_map`] on all cores.
const PARALLEL_ITEMS: usize = 4096;

/// `items.iter().map(f).collect()`, on all cores for long inputs (cut into one run of
/// items per core, results in order). For per-line and per-paragraph work whose result
/// depends on its item alone. A panic in `f` is passed on.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    par_map_from(items, PARALLEL_ITEMS, f)
}

/// [`par_map`] for fewer, larger items (the articles of a compilation): on all cores from
/// [`PARALLEL_PROFILES`] items.
pub(crate) fn par_map_weighted<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    par_map_from(items, PARALLEL_PROFILES, f)
}

fn par_map_from<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if items.len() < min || threads < 2 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Profiles below this many are extracted on one thread.
const PARALLEL_PROFILES: usize = 64;

/// Fills in every profile's figures and quotes from its paragraphs; on all cores for long
/// compilations (profiles are independent, so the result is the same).
fn find_figures_and_quotes(profiles: &mut [Profile]) {
    let found = par_map_weighted(profiles, |p| {
        let mut stats = stats::find_stats(&p.paragraphs);
        let mut quotes = quotes::find_quotes(&p.paragraphs, &p.name);
        // Kept for the reader's lifetime: no spare capacity (a compilation has 50,000).
        stats.shrink_to_fit();
        quotes.shrink_to_fit();
        (stats, quotes)
    });
    for (p, (stats, quotes)) in profiles.iter_mut().zip(found) {
        p.stats = stats;
        p.quotes = quotes;
    }
}
