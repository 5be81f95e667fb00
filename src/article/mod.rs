//! The article model and extraction: clean text → [`Article`].

pub mod boilerplate;
pub mod chrome;
pub mod clean;
pub mod model;
pub mod profiles;
pub mod quotes;
pub mod stats;

pub use model::{Article, ParagraphKind, Profile, Quote, Region, SourceScript, Span, Stat};

/// The article of cleaned text before analysis: its paragraphs (moved, not copied), the
/// kinds cleaning gave them, and no profiles yet.
pub fn unanalysed(cleaned: clean::Cleaned, script: SourceScript) -> Article {
    Article {
        headline: cleaned.headline,
        byline: cleaned.byline,
        script,
        region: None,
        paragraphs: cleaned.body,
        kinds: cleaned.kinds,
        profiles: Vec::new(),
        dropped: cleaned.dropped,
    }
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

pub(crate) fn par_map_from<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
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
