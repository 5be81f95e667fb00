//! Script conversion through OpenCC (the system library, via opencc-rust 1.1), with OpenCC
//! 1.4.2's data rewritten for it (`data`).
//!
//! - Conversion always starts from the original article, never from an earlier conversion:
//!   OpenCC's mappings are many-to-one (發/髮 → 发), so converting back does not restore the
//!   original.
//! - The OpenCC configuration follows from the source (script and region, detected from the
//!   text) and the target ([`Config::for_source`]); a configuration that would run in the
//!   wrong direction is never chosen.
//! - Every configuration is built from OpenCC's own configs (the vendored 1.4.2 ones, else
//!   the system's: [`Converters::data_status`]), with the reader's
//!   corrections (an OpenCC text dictionary, `assets/opencc/corrections_s2t.txt`) and the
//!   user's own dictionaries placed in front of OpenCC's dictionaries ([`Corrections`]).
//! - [`Converters`] builds each configuration once and shares it between threads.
//!
//! OpenCC's vendored data is rewritten for libopencc 1.1 in `data`, the configs on disk are
//! built in `setup`, scripts detected in `detect`, and articles
//! (the stand-off model: paragraphs once, then each profile's labels, figures and quotes)
//! converted in `article`.

use std::sync::{Arc, Mutex, OnceLock};

use opencc_rust::OpenCC;

use crate::article::{Region, SourceScript};

mod article;
mod data;
mod detect;
mod names;
mod setup;

pub use article::{BATCH_BYTES, TEXT_BATCH_BYTES, outline};
pub use data::{
    UPSTREAM_TESTCASES, UPSTREAM_VERSION, merge_dictionaries, rewrite_config, strip_dictionary,
};
pub use detect::{DETECT_BYTES, SCRIPT_CJK_CHARS, region_words};
pub use names::{
    NAMES_BYTES, Names, SURNAMES_S2T, find_names, name_parts, surname_form, surname_s2t,
};
pub use setup::{
    CORRECTIONS_S2T, CORRECTIONS_S2TW, CORRECTIONS_T2S, CORRECTIONS_TW2T, Corrections, DataSource,
    OPENCC_DATA_DIRS, build_config_json, data_dir,
};

use detect::CharTable;
use setup::ConfigDir;

/// The script a reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Script {
    /// The text as written, byte for byte.
    Original,
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters, OpenCC's standard forms (繁體).
    Traditional,
    /// Traditional characters, Taiwan forms (台灣正體: 裡, 著, 為).
    Taiwan,
    /// Traditional characters, Hong Kong forms (香港繁體).
    #[value(name = "hongkong")]
    HongKong,
}

/// The name of a script as readers know it: 简体, 繁體, 台灣正體, 香港繁體.
pub fn script_name(script: SourceScript, region: Option<Region>) -> &'static str {
    match (script, region) {
        (SourceScript::Simplified, _) => "简体",
        (SourceScript::Traditional, None) => "繁體",
        (SourceScript::Traditional, Some(Region::Taiwan)) => "台灣正體",
        (SourceScript::Traditional, Some(Region::HongKong)) => "香港繁體",
    }
}

impl Script {
    /// All scripts, in the order the cycle key goes through them.
    pub const ALL: [Script; 5] = [
        Script::Original,
        Script::Simplified,
        Script::Traditional,
        Script::Taiwan,
        Script::HongKong,
    ];

    /// The script and region of text shown in this script, for a source `source`.
    pub fn shown(self, source: (SourceScript, Option<Region>)) -> (SourceScript, Option<Region>) {
        match self {
            Script::Original => source,
            Script::Simplified => (SourceScript::Simplified, None),
            Script::Traditional => (SourceScript::Traditional, None),
            Script::Taiwan => (SourceScript::Traditional, Some(Region::Taiwan)),
            Script::HongKong => (SourceScript::Traditional, Some(Region::HongKong)),
        }
    }

    /// A label for the status bar: the script's name, and `(original)` for the original.
    pub fn label(self, source: (SourceScript, Option<Region>)) -> String {
        let (s, r) = self.shown(source);
        match self {
            Script::Original => format!("{} (original)", script_name(s, r)),
            _ => script_name(s, r).to_string(),
        }
    }

    /// What `t` switches to: simplified from any traditional form, traditional from
    /// simplified; shown as [`Script::Original`] when the original is in that script.
    pub fn toggled(self, source: (SourceScript, Option<Region>)) -> Script {
        let (shown, _) = self.shown(source);
        match (shown, source.0) {
            (SourceScript::Traditional, SourceScript::Traditional) => Script::Simplified,
            (SourceScript::Simplified, SourceScript::Simplified) => Script::Traditional,
            _ => Script::Original,
        }
    }

    /// The next script in [`Script::ALL`], for the key that cycles through all of them.
    pub fn cycled(self) -> Script {
        let i = Script::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Script::ALL[(i + 1) % Script::ALL.len()]
    }
}

/// An OpenCC configuration: one of OpenCC's own, or two of them run one after the other
/// (between Taiwan and Hong Kong forms, through OpenCC's standard forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
pub enum Config {
    /// Traditional (OpenCC standard) → simplified.
    T2s,
    /// Traditional (Taiwan) → simplified.
    Tw2s,
    /// Traditional (Taiwan) → simplified with Taiwan phrases (軟體 → 软件).
    Tw2sp,
    /// Traditional (Hong Kong) → simplified: OpenCC's hk2t, then tw2s (Hong Kong writing
    /// often uses the forms OpenCC calls Taiwan's, 裡 and the particle 著).
    Hk2s,
    /// Simplified → traditional (OpenCC standard).
    S2t,
    /// Simplified → traditional (Taiwan).
    S2tw,
    /// Simplified → traditional (Taiwan) with Taiwan phrases (软件 → 軟體).
    S2twp,
    /// Simplified → traditional (Hong Kong).
    S2hk,
    /// Traditional (standard) → Taiwan forms.
    T2tw,
    /// Traditional (standard) → Hong Kong forms.
    T2hk,
    /// Taiwan forms → traditional (standard).
    Tw2t,
    /// Hong Kong forms → traditional (standard).
    Hk2t,
    /// Taiwan forms → Hong Kong forms (tw2t, then t2hk).
    Tw2hk,
    /// Hong Kong forms → Taiwan forms (hk2t, then t2tw).
    Hk2tw,
}

impl Config {
    /// The configuration's name (OpenCC's config name where it is one of OpenCC's own).
    pub fn name(self) -> &'static str {
        match self {
            Config::T2s => "t2s",
            Config::Tw2s => "tw2s",
            Config::Tw2sp => "tw2sp",
            Config::Hk2s => "hk2s",
            Config::S2t => "s2t",
            Config::S2tw => "s2tw",
            Config::S2twp => "s2twp",
            Config::S2hk => "s2hk",
            Config::T2tw => "t2tw",
            Config::T2hk => "t2hk",
            Config::Tw2t => "tw2t",
            Config::Hk2t => "hk2t",
            Config::Tw2hk => "tw2hk",
            Config::Hk2tw => "hk2tw",
        }
    }

    /// OpenCC's JSON config files this configuration runs, in order.
    pub fn stock_files(self) -> &'static [&'static str] {
        match self {
            Config::Tw2hk => &["tw2t.json", "t2hk.json"],
            Config::Hk2tw => &["hk2t.json", "t2tw.json"],
            Config::T2s => &["t2s.json"],
            Config::Tw2s => &["tw2s.json"],
            Config::Tw2sp => &["tw2sp.json"],
            // Hong Kong writing often uses the forms OpenCC calls Taiwan's (裡, the particle
            // 著), which hk2s leaves: Hong Kong forms to standard ones, then tw2s.
            Config::Hk2s => &["hk2t.json", "tw2s.json"],
            Config::S2t => &["s2t.json"],
            Config::S2tw => &["s2tw.json"],
            Config::S2twp => &["s2twp.json"],
            Config::S2hk => &["s2hk.json"],
            Config::T2tw => &["t2tw.json"],
            Config::T2hk => &["t2hk.json"],
            Config::Tw2t => &["tw2t.json"],
            Config::Hk2t => &["hk2t.json"],
        }
    }

    /// The direction of corrections that apply: `s2t` for configurations from simplified,
    /// `t2s` for those to simplified, `tw2t` from Taiwan forms to other traditional forms,
    /// none otherwise.
    pub fn corrections(self) -> Option<&'static str> {
        match self {
            Config::S2t | Config::S2tw | Config::S2twp | Config::S2hk => Some("s2t"),
            Config::T2s | Config::Tw2s | Config::Tw2sp | Config::Hk2s => Some("t2s"),
            Config::Tw2t | Config::Tw2hk => Some("tw2t"),
            _ => None,
        }
    }

    /// The configuration that turns text of `source` (script, region) into `target`, or
    /// `None` when the text is shown as it is. `taiwan_phrases` uses OpenCC's Taiwan phrase
    /// layer (s2twp, tw2sp), which is off by default: it is known to damage text
    /// (电视频段 → 電影片段). Simplified text never goes through a config that starts from
    /// traditional, and the reverse.
    pub fn for_source(
        source: (SourceScript, Option<Region>),
        target: Script,
        taiwan_phrases: bool,
    ) -> Option<Config> {
        use Region::*;
        use SourceScript::*;
        match (source, target) {
            (_, Script::Original) => None,
            ((Simplified, _), Script::Simplified) => None,
            ((Simplified, _), Script::Traditional) => Some(Config::S2t),
            ((Simplified, _), Script::Taiwan) if taiwan_phrases => Some(Config::S2twp),
            ((Simplified, _), Script::Taiwan) => Some(Config::S2tw),
            ((Simplified, _), Script::HongKong) => Some(Config::S2hk),
            ((Traditional, None), Script::Simplified) => Some(Config::T2s),
            ((Traditional, None), Script::Traditional) => None,
            ((Traditional, None), Script::Taiwan) => Some(Config::T2tw),
            ((Traditional, None), Script::HongKong) => Some(Config::T2hk),
            ((Traditional, Some(Taiwan)), Script::Simplified) if taiwan_phrases => {
                Some(Config::Tw2sp)
            }
            ((Traditional, Some(Taiwan)), Script::Simplified) => Some(Config::Tw2s),
            ((Traditional, Some(Taiwan)), Script::Traditional) => Some(Config::Tw2t),
            ((Traditional, Some(Taiwan)), Script::Taiwan) => None,
            ((Traditional, Some(Taiwan)), Script::HongKong) => Some(Config::Tw2hk),
            ((Traditional, Some(HongKong)), Script::Simplified) => Some(Config::Hk2s),
            ((Traditional, Some(HongKong)), Script::Traditional) => Some(Config::Hk2t),
            ((Traditional, Some(HongKong)), Script::Taiwan) => Some(Config::Hk2tw),
            ((Traditional, Some(HongKong)), Script::HongKong) => None,
        }
    }
}

/// Why conversion could not run. Every message names what is missing.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ConvertError {
    #[error(
        "OpenCC data not found: none of {searched} holds t2s.json (install opencc-data, or set QUNXIANG_OPENCC_DATA)"
    )]
    NoDataDir { searched: String },
    #[error("OpenCC config {path} is missing or unreadable: {reason}")]
    StockConfig { path: String, reason: String },
    #[error("OpenCC could not load config {config} ({path}): {reason}")]
    Load {
        config: &'static str,
        path: String,
        reason: String,
    },
    #[error("cannot write OpenCC configs to {dir}: {reason}")]
    CacheDir { dir: String, reason: String },
}

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

/// How many pieces per core [`Converters::convert_str`] cuts a large text into, so a
/// correction in one place sends only a small piece through the slower corrected config.
const PIECES_PER_THREAD: usize = 16;

/// A configuration's stock OpenCC converter and the keys of qunxiang's dictionaries for
/// it (see [`Converters::convert_str`]).
struct Plain {
    cc: OpenCC,
    keys: aho_corasick::AhoCorasick,
}

/// A converter as built: shared with the conversions using it, or why it could not be.
type Built = Result<Arc<OpenCC>, ConvertError>;

/// OpenCC converters, built on first use and then shared (OpenCC objects are `Send + Sync`).
pub struct Converters {
    /// One cell per [`Config`], indexed by its discriminant.
    built: [Mutex<Option<Built>>; CONFIGS],
    /// Character tables for detection, per [`Config`]; `None` when OpenCC cannot be loaded.
    tables: [OnceLock<Option<CharTable>>; CONFIGS],
    /// Stock converters for large texts without corrections, per [`Config`].
    plain: [OnceLock<Option<Plain>>; CONFIGS],
    corrections: Corrections,
    /// Why the vendored data could not be loaded, once it could not: conversions then use the
    /// system's data ([`Converters::data_status`]).
    fallback: OnceLock<String>,
    /// Use OpenCC's Taiwan phrase layer (s2twp, tw2sp) for Taiwan forms.
    pub taiwan_phrases: bool,
    /// Convert pieces of large texts that need no correction with OpenCC's own config
    /// ([`Converters::convert_str`]): a third faster, at the cost of a second copy of the
    /// config's dictionaries in memory (about 10 MB for s2t). For one-shot conversions
    /// (`qunxiang convert`, `--json --script`); the reader leaves it off.
    pub stock_pieces: bool,
}

impl std::fmt::Debug for Converters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converters")
            .field("taiwan_phrases", &self.taiwan_phrases)
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
            plain: std::array::from_fn(|_| OnceLock::new()),
            corrections,
            fallback: OnceLock::new(),
            taiwan_phrases,
            stock_pieces: false,
        }
    }

    /// The converter for `config`, built on first use (and again after
    /// [`Converters::release`]). Threads asking for the same config while it is built wait
    /// for it.
    fn get(&self, config: Config) -> Result<Arc<OpenCC>, ConvertError> {
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
    /// pieces per core, converted in parallel and joined: OpenCC never matches across a
    /// line end, so the result equals a one-piece conversion. With
    /// [`Converters::stock_pieces`], a piece in which no key of qunxiang's dictionaries for
    /// `config` occurs goes through OpenCC's own config, which converts it the same, a third
    /// faster.
    pub fn convert_str(&self, config: Config, text: &str) -> Result<String, ConvertError> {
        let cleaned;
        let text = if text.contains('\0') {
            cleaned = text.replace('\0', "");
            cleaned.as_str()
        } else {
            text
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if text.len() < PARALLEL_BYTES {
            return Ok(self.get(config)?.convert(text));
        }
        // Large text: pieces that none of qunxiang's dictionary keys occur in go through
        // OpenCC's own config (a third faster: no text dictionary to try at each position),
        // the others through the corrected one; the pieces are split among the cores. The
        // two converters are built at the same time (each takes about 0.1 s).
        let (cc, plain) = if self.stock_pieces {
            std::thread::scope(|scope| {
                let plain = scope.spawn(|| self.plain(config));
                let cc = self.get(config);
                (cc, plain.join().ok().flatten())
            })
        } else {
            (self.get(config), None)
        };
        let cc = cc?;
        let pieces = split_at_lines(text, threads * PIECES_PER_THREAD);
        let convert = |piece: &str| match plain {
            Some(p) if !p.keys.is_match(piece) => p.cc.convert(piece),
            _ => cc.convert(piece),
        };
        let per_thread = pieces.len().div_ceil(threads.max(1));
        let converted: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = pieces
                .chunks(per_thread)
                .map(|group| scope.spawn(|| group.iter().map(|p| convert(p)).collect::<String>()))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        Ok(converted.concat())
    }

    /// OpenCC's own converter for `config` (its config without qunxiang's dictionaries)
    /// and the keys of those dictionaries; `None` when `config` adds no dictionary or the
    /// config cannot be loaded. Text in which no key occurs converts the same through either
    /// converter.
    fn plain(&self, config: Config) -> Option<&Plain> {
        self.plain[config as usize]
            .get_or_init(|| {
                let ConfigDir { dicts, .. } = self.config_dir(config).ok()?;
                let keys: Vec<&str> = dicts
                    .iter()
                    .flat_map(|(_, c)| c.lines().filter_map(|l| l.split_once('\t')))
                    .map(|(k, _)| k)
                    .filter(|k| !k.is_empty())
                    .collect();
                if keys.is_empty() {
                    return None;
                }
                let keys = aho_corasick::AhoCorasick::new(keys).ok()?;
                let bare = self.config_dir_with(config, Vec::new()).ok()?;
                let cc = self.open_dir(config, &bare).ok()?;
                Some(Plain { cc, keys })
            })
            .as_ref()
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

    /// [`Converters::convert_text`] with the names `names` converted as names
    /// ([`Names`]: apart from the words around them, a surname in its surname form).
    pub fn convert_text_names(
        &self,
        text: &str,
        source: (SourceScript, Option<Region>),
        target: Script,
        names: &Names,
    ) -> Result<String, ConvertError> {
        match self.config_for(source, target) {
            Some(c) if !names.is_empty() => Ok(self
                .convert_many(c, &[text], names)?
                .pop()
                .unwrap_or_default()),
            Some(c) => self.convert_str(c, text),
            None => Ok(text.to_string()),
        }
    }

    /// Converts every string `each` visits with `config`, in one OpenCC call, `names` as
    /// names: the strings are joined by `\n` and split again (string by string if the line
    /// count were to change). `each` must visit the same strings in the same order each
    /// time it is called.
    fn convert_each(
        &self,
        config: Config,
        names: &Names,
        mut each: impl FnMut(&mut dyn FnMut(&mut String)),
    ) -> Result<(), ConvertError> {
        let mut sources: Vec<String> = Vec::new();
        each(&mut |s: &mut String| sources.push(std::mem::take(s)));
        let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
        let mut converted = self.convert_many(config, &refs, names);
        // On an error every string gets its original back.
        let mut out = match &mut converted {
            Ok(c) => std::mem::take(c).into_iter(),
            Err(_) => sources.into_iter(),
        };
        each(&mut |s: &mut String| *s = out.next().unwrap_or_default());
        converted.map(|_| ())
    }

    /// Converts each of `strings` with `config`, in one OpenCC call, the names `names` as
    /// names: each string is cut at the names it holds ([`Names::pieces`]) and each name
    /// into its parts ([`name_parts`]), every piece is converted on a line of its own (so
    /// OpenCC's phrases never take a name's character together with its neighbours'), and a
    /// surname takes its surname form ([`surname_form`]).
    fn convert_many(
        &self,
        config: Config,
        strings: &[&str],
        names: &Names,
    ) -> Result<Vec<String>, ConvertError> {
        if names.is_empty() {
            return self.convert_lines(config, strings);
        }
        // Each string as pieces (text, or a name's parts), each piece with whether it is a
        // surname.
        let cut: Vec<Vec<(&str, bool)>> = strings
            .iter()
            .map(|s| {
                names
                    .pieces(s)
                    .into_iter()
                    .flat_map(|(p, is_name)| match is_name {
                        true => name_parts(p),
                        false => vec![(p, false)],
                    })
                    .collect()
            })
            .collect();
        let flat: Vec<&str> = cut.iter().flatten().map(|(p, _)| *p).collect();
        let mut converted = self.convert_lines(config, &flat)?.into_iter();
        Ok(cut
            .iter()
            .map(|pieces| {
                pieces
                    .iter()
                    .map(|&(p, surname)| {
                        let c = converted.next().unwrap_or_default();
                        if surname {
                            surname_form(config, p, c)
                        } else {
                            c
                        }
                    })
                    .collect()
            })
            .collect())
    }

    /// Converts each of `strings` with `config`, in one OpenCC call (joined by `\n` and
    /// split again; string by string if the line count were to change).
    fn convert_lines(&self, config: Config, strings: &[&str]) -> Result<Vec<String>, ConvertError> {
        let pieces: usize = strings.iter().map(|s| 1 + s.matches('\n').count()).sum();
        let mut joined = String::with_capacity(strings.iter().map(|s| s.len() + 1).sum());
        for s in strings {
            joined.push_str(s);
            joined.push('\n');
        }
        let converted = self.convert_str(config, &joined)?;
        drop(joined);
        let mut lines = converted.split('\n');
        if converted.matches('\n').count() == pieces {
            return Ok(strings
                .iter()
                .map(|s| {
                    let n = 1 + s.matches('\n').count();
                    let mut out = String::new();
                    for (i, l) in lines.by_ref().take(n).enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str(l);
                    }
                    out
                })
                .collect());
        }
        strings
            .iter()
            .map(|s| self.convert_str(config, s))
            .collect()
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
    fn never_the_wrong_direction() {
        let simp = (SourceScript::Simplified, None);
        for target in Script::ALL {
            for phrases in [false, true] {
                let c = Config::for_source(simp, target, phrases);
                assert!(
                    !matches!(
                        c,
                        Some(Config::Tw2sp | Config::Tw2s | Config::T2s | Config::Hk2s)
                    ),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn toggle_pairs() {
        let trad = (SourceScript::Traditional, None);
        let simp = (SourceScript::Simplified, None);
        assert_eq!(Script::Original.toggled(trad), Script::Simplified);
        assert_eq!(Script::Simplified.toggled(trad), Script::Original);
        assert_eq!(Script::Original.toggled(simp), Script::Traditional);
        assert_eq!(Script::Traditional.toggled(trad), Script::Simplified);
        assert_eq!(Script::Taiwan.toggled(simp), Script::Original);
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
