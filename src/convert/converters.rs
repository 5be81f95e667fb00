//! The converter cache: OpenCC converters built on first use, shared between threads and
//! released when no longer shown; one string converted, large texts on all cores.

use std::sync::{Arc, Mutex, OnceLock};

use opencc_rust::OpenCC;

use super::char_table::CharTable;
use super::config::Config;
use super::corrections::Corrections;
use super::error::ConvertError;
use super::script::{Script, Traditional};
use crate::article::{Region, SourceScript};

/// Texts of at least this many bytes are converted on all cores ([`Converters::convert_str`]).
pub const PARALLEL_BYTES: usize = 256 * 1024;

/// Cuts `text` into at most `n` pieces of about equal size, each ending at a line end
/// (the last at the text's end). Joined, the pieces are `text`.
pub fn split_at_lines(text: &str, n: usize) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        // Bytes, not chars: a line feed byte is never inside a multi-byte character.
        let target = (text.len() * k / n).max(start);
        match text.as_bytes()[target..].iter().position(|&b| b == b'\n') {
            Some(i) if target + i + 1 < text.len() => {
                let end = target + i + 1;
                pieces.push(&text[start..end]);
                start = end;
            }
            _ => break,
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// How many [`Config`]s there are.
const CONFIGS: usize = 14;

/// How many pieces per core [`Converters::convert_str`] cuts a large text into, so a core
/// that finishes early takes another.
const PIECES_PER_THREAD: usize = 4;

/// A converter as built: shared with the conversions using it, or why it could not be.
type Built = Result<Arc<OpenCC>, ConvertError>;

/// OpenCC converters, built on first use and then shared (OpenCC objects are `Send + Sync`).
pub struct Converters {
    /// One cell per [`Config`], indexed by its discriminant.
    built: [Mutex<Option<Built>>; CONFIGS],
    /// Character tables for detection, per [`Config`]; `None` when OpenCC cannot be loaded.
    pub(super) tables: [OnceLock<Option<CharTable>>; CONFIGS],
    pub(super) corrections: Corrections,
    /// Why the vendored data could not be loaded, once it could not: conversions then use the
    /// system's data ([`Converters::data_status`]).
    pub(super) fallback: OnceLock<String>,
    /// Use OpenCC's Taiwan phrase layer (s2twp, tw2sp) for Taiwan forms.
    pub taiwan_phrases: bool,
    /// The traditional form the toggle key converts simplified text to
    /// ([`Script::toggled`]); OpenCC's standard forms by default.
    pub traditional: Traditional,
}

impl std::fmt::Debug for Converters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converters")
            .field("taiwan_phrases", &self.taiwan_phrases)
            .field("traditional", &self.traditional)
            .finish_non_exhaustive()
    }
}

impl Default for Converters {
    fn default() -> Self {
        Self::new()
    }
}

impl Converters {
    /// Converters with the user's dictionaries from the environment ([`Corrections::from_env`]).
    pub fn new() -> Self {
        Self::with(Corrections::from_env(), false)
    }

    /// Converters with the given dictionaries and Taiwan phrase setting.
    pub fn with(corrections: Corrections, taiwan_phrases: bool) -> Self {
        Converters {
            built: std::array::from_fn(|_| Mutex::new(None)),
            tables: std::array::from_fn(|_| OnceLock::new()),
            corrections,
            fallback: OnceLock::new(),
            taiwan_phrases,
            traditional: Traditional::Standard,
        }
    }

    /// The converter for `config`, built on first use (and again after
    /// [`Converters::release`]). Threads asking for the same config while it is built wait
    /// for it.
    pub(super) fn get(&self, config: Config) -> Result<Arc<OpenCC>, ConvertError> {
        let mut slot = self.built[config as usize]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.get_or_insert_with(|| self.open(config).map(Arc::new))
            .clone()
    }

    /// Drops the converters of every config but those in `keep`, so the dictionaries of a
    /// script no longer shown do not stay in memory (s2t, s2tw and s2hk take 5 to 10 MB
    /// each). A conversion under way keeps its converter until it ends; a later use builds
    /// it again.
    ///
    /// Never waits: a converter being built (by another thread) is left alone.
    pub fn release(&self, keep: &[Config]) {
        for (k, slot) in self.built.iter().enumerate() {
            if !keep.iter().any(|c| *c as usize == k)
                && let Ok(mut slot) = slot.try_lock()
            {
                let old = slot.take();
                drop(slot);
                drop(old);
            }
        }
    }

    /// Builds the converter for `config` now, so later conversions do not wait for the
    /// dictionary load (s2t takes tens of milliseconds).
    pub fn warm(&self, config: Config) -> Result<(), ConvertError> {
        self.get(config).map(|_| ())
    }

    /// The configuration for `target` from `source`, with this set's phrase setting.
    pub fn config_for(
        &self,
        source: (SourceScript, Option<Region>),
        target: Script,
    ) -> Option<Config> {
        Config::for_source(source, target, self.taiwan_phrases)
    }

    /// Converts one string with `config`. NUL bytes (which make opencc-rust panic) are
    /// removed first; OpenCC's `convert_to_buffer` is never used.
    ///
    /// Text longer than [`PARALLEL_BYTES`] is cut at line ends into [`PIECES_PER_THREAD`]
    /// pieces per core, converted in parallel (each core taking the next piece when it is
    /// done) and joined: OpenCC never matches across a line end, so the result equals a
    /// one-piece conversion.
    pub fn convert_str(&self, config: Config, text: &str) -> Result<String, ConvertError> {
        let cleaned;
        let text = if text.contains('\0') {
            cleaned = text.replace('\0', "");
            cleaned.as_str()
        } else {
            text
        };
        let cc = self.get(config)?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if text.len() < PARALLEL_BYTES || threads < 2 {
            return Ok(cc.convert(text));
        }
        let pieces = split_at_lines(text, threads * PIECES_PER_THREAD);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut converted: Vec<(usize, String)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads.min(pieces.len()))
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            match pieces.get(i) {
                                Some(p) => done.push((i, cc.convert(p))),
                                None => return done,
                            }
                        }
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        converted.sort_unstable_by_key(|(i, _)| *i);
        Ok(converted.into_iter().map(|(_, s)| s).collect())
    }

    /// Converts `text`, whose source is `source`, to `target`: the text itself when no
    /// conversion applies.
    pub fn convert_text(
        &self,
        text: &str,
        source: (SourceScript, Option<Region>),
        target: Script,
    ) -> Result<String, ConvertError> {
        match self.config_for(source, target) {
            Some(c) => self.convert_str(c, text),
            None => Ok(text.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t2s_and_s2t_with_the_real_library() {
        let c = Converters::new();
        assert_eq!(c.convert_str(Config::T2s, "頭髮發現").unwrap(), "头发发现");
        assert_eq!(c.convert_str(Config::S2t, "头发").unwrap(), "頭髮");
        assert_eq!(c.convert_str(Config::T2s, "a\0b").unwrap(), "ab");
    }

    #[test]
    fn parallel_conversion_equals_one_piece() {
        let c = Converters::new();
        // Line lengths that put the cut points inside characters.
        let line = "头发和发展，这是只有一种可能。一只只小鸟飞过干涸的河床\n";
        let text = line.repeat(PARALLEL_BYTES / line.len() + 100);
        let whole = c.get(Config::S2t).unwrap().convert(&text);
        assert_eq!(c.convert_str(Config::S2t, &text).unwrap(), whole);
        assert_eq!(split_at_lines("a\nb\nc", 3).concat(), "a\nb\nc");
        assert_eq!(split_at_lines("abc", 4), vec!["abc"]);
        let odd = "中文\n".repeat(7);
        for n in 1..6 {
            assert_eq!(split_at_lines(&odd, n).concat(), odd);
        }
    }
}
