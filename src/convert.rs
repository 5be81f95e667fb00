//! Script conversion through OpenCC (the system library, via opencc-rust 1.1).
//!
//! - Conversion always starts from the original article, never from an earlier conversion:
//!   OpenCC's mappings are many-to-one (發/髮 → 发), so converting back does not restore the
//!   original.
//! - The OpenCC configuration follows from the source (script and region, detected from the
//!   text) and the target ([`Config::for_source`]); a configuration that would run in the
//!   wrong direction is never chosen.
//! - Every configuration is built from OpenCC's own JSON configs, with the reader's
//!   corrections (an OpenCC text dictionary, `assets/opencc/corrections_s2t.txt`) and the
//!   user's own dictionaries placed in front of OpenCC's dictionaries ([`Corrections`]).
//! - [`Converters`] builds each configuration once and shares it between threads.

use std::ffi::CStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use opencc_rust::OpenCC;
use serde_json::{Value, json};

use crate::article::{Article, Profile, Region, SourceScript};

/// Directories searched for OpenCC's data (configs and `.ocd2` dictionaries), after the
/// directory named by the environment variable `QUNXIANG_OPENCC_DATA`.
pub const OPENCC_DATA_DIRS: &[&str] = &[
    "/usr/share/opencc",
    "/usr/local/share/opencc",
    "/opt/homebrew/share/opencc",
    "/usr/lib/x86_64-linux-gnu/opencc",
];

/// The reader's corrections to OpenCC 1.1's simplified-to-traditional conversion, an OpenCC
/// text dictionary (see `assets/opencc/README.md`).
pub const CORRECTIONS_S2T: &str = include_str!("../assets/opencc/corrections_s2t.txt");

/// The reader's corrections to OpenCC 1.1's Taiwan-to-standard traditional conversion
/// (TWVariantsRev maps 參 to 蔘, the ginseng form, everywhere).
pub const CORRECTIONS_TW2T: &str = include_str!("../assets/opencc/corrections_tw2t.txt");

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
    /// Traditional (Hong Kong) → simplified.
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
            Config::Hk2s => &["hk2s.json"],
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

/// Text dictionaries placed in front of OpenCC's own: the user's, then the reader's.
///
/// The user's are OpenCC text dictionaries (one `key<TAB>value` line each) named `s2t.txt`
/// (applied when converting from simplified) and `t2s.txt` (when converting to simplified)
/// in the directory `QUNXIANG_DICT_DIR`, else `$XDG_CONFIG_HOME/qunxiang`, else
/// `~/.config/qunxiang`.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    /// Directory of the user's dictionaries, if any.
    pub user_dir: Option<PathBuf>,
}

impl Corrections {
    /// The user's dictionary directory from the environment (see the type's documentation).
    pub fn from_env() -> Self {
        let dir = std::env::var_os("QUNXIANG_DICT_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_CONFIG_HOME")
                    .map(PathBuf::from)
                    .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
                    .map(|c| c.join("qunxiang"))
            });
        Corrections { user_dir: dir }
    }

    /// Text dictionaries for `direction` (`s2t`, `t2s` or `tw2t`) as (file name, contents),
    /// the user's first.
    fn dictionaries(&self, direction: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(dir) = &self.user_dir
            && let Ok(text) = std::fs::read_to_string(dir.join(format!("{direction}.txt")))
        {
            out.push((format!("user_{direction}.txt"), clean_dictionary(&text)));
        }
        let bundled = match direction {
            "s2t" => CORRECTIONS_S2T,
            "tw2t" => CORRECTIONS_TW2T,
            _ => return out,
        };
        out.push((format!("corrections_{direction}.txt"), bundled.to_string()));
        out
    }
}

/// Keeps the lines of a text dictionary that OpenCC can read (`key<TAB>value`), so a
/// stray comment or blank line in a user's file does not stop the conversion.
fn clean_dictionary(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| {
            l.split_once('\t')
                .is_some_and(|(k, v)| !k.is_empty() && !v.trim().is_empty())
        })
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

/// Finds OpenCC's data directory ([`OPENCC_DATA_DIRS`], after `QUNXIANG_OPENCC_DATA`).
pub fn data_dir() -> Result<PathBuf, ConvertError> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("QUNXIANG_OPENCC_DATA") {
        candidates.push(d.into());
    }
    candidates.extend(OPENCC_DATA_DIRS.iter().map(PathBuf::from));
    candidates
        .iter()
        .find(|d| d.join("t2s.json").is_file())
        .cloned()
        .ok_or_else(|| ConvertError::NoDataDir {
            searched: candidates
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Rewrites every `"file": "X.ocd2"` in an OpenCC config value to an absolute path in `data`.
fn absolutize(v: &mut Value, data: &Path) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(f)) = map.get_mut("file")
                && !Path::new(f.as_str()).is_absolute()
            {
                *f = data.join(&*f).display().to_string();
            }
            map.values_mut().for_each(|x| absolutize(x, data));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| absolutize(x, data)),
        _ => {}
    }
}

/// Puts text dictionaries `texts` (absolute paths) in front of `dict` in a group.
fn prepend(dict: &mut Value, texts: &[String]) {
    if texts.is_empty() {
        return;
    }
    let mut dicts: Vec<Value> = texts
        .iter()
        .map(|f| json!({"type": "text", "file": f}))
        .collect();
    dicts.push(dict.take());
    *dict = json!({"type": "group", "dicts": dicts});
}

/// Builds the JSON of `config`: OpenCC's config files in `data`, chained, with the text
/// dictionaries `texts` in front of the first step's segmentation and conversion dicts.
pub fn build_config_json(
    config: Config,
    data: &Path,
    texts: &[String],
) -> Result<Value, ConvertError> {
    let mut chain: Vec<Value> = Vec::new();
    let mut segmentation = Value::Null;
    for file in config.stock_files() {
        let path = data.join(file);
        let err = |reason: String| ConvertError::StockConfig {
            path: path.display().to_string(),
            reason,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
        let mut v: Value = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
        absolutize(&mut v, data);
        if segmentation.is_null() {
            segmentation = v["segmentation"].take();
        }
        match v["conversion_chain"].take() {
            Value::Array(steps) => chain.extend(steps),
            _ => return Err(err("no conversion_chain".into())),
        }
    }
    if let Some(d) = segmentation.get_mut("dict") {
        prepend(d, texts);
    }
    if let Some(d) = chain.first_mut().and_then(|s| s.get_mut("dict")) {
        prepend(d, texts);
    }
    Ok(json!({
        "name": format!("qunxiang {}", config.name()),
        "segmentation": segmentation,
        "conversion_chain": chain,
    }))
}

/// The directory the built configs and dictionaries are written to:
/// `$XDG_CACHE_HOME/qunxiang/opencc`, else `~/.cache/qunxiang/opencc`, else the system
/// temporary directory.
fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .map(|c| c.join("qunxiang").join("opencc"))
        .unwrap_or_else(|| std::env::temp_dir().join("qunxiang-opencc"))
}

/// Writes `contents` to `dir/name` unless it is already there, atomically (write, rename).
fn write_once(dir: &Path, name: &str, contents: &str) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    if std::fs::read_to_string(&path).is_ok_and(|c| c == contents) {
        return Ok(path);
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

/// A stable name for contents (FNV-1a, 64 bits), so changed dictionaries get new files.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The last error message of the OpenCC C library.
fn opencc_last_error() -> String {
    // SAFETY: opencc_error returns a pointer to a NUL-terminated string owned by the
    // library (or null); it is only read here, right after the failing call.
    unsafe {
        let p = opencc_rust::opencc_error();
        if p.is_null() {
            String::new()
        } else {
            CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    }
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

/// How much of a text (bytes, from its start) [`Converters::detect`] reads: enough for a
/// few hundred regional forms in a traditional text, and a short article whole.
pub const DETECT_BYTES: usize = 64 * 1024;

/// How many CJK characters [`Converters::detect`] reads to tell traditional from simplified
/// text (a fifth to a half of them change in traditional text).
pub const SCRIPT_CJK_CHARS: usize = 1000;

/// How much paragraph text (bytes) [`Converters::convert_article`] converts per OpenCC
/// call: large enough to use all cores ([`PARALLEL_BYTES`]), small enough to keep the
/// copies it makes small.
pub const BATCH_BYTES: usize = 1 << 20;

/// How many pieces per core [`Converters::convert_str`] cuts a large text into, so a
/// correction in one place sends only a small piece through the slower corrected config.
const PIECES_PER_THREAD: usize = 16;

/// A configuration's stock OpenCC converter and the keys of qunxiang's dictionaries for
/// it (see [`Converters::convert_str`]).
struct Plain {
    cc: OpenCC,
    keys: aho_corasick::AhoCorasick,
}

/// The end of the batch of `profiles` that starts at `start`: about `batch_bytes` of
/// paragraphs, at least one profile.
fn batch_end(profiles: &[Profile], start: usize, batch_bytes: usize) -> usize {
    let mut end = start;
    let mut bytes = 0;
    while end < profiles.len() && (end == start || bytes < batch_bytes) {
        bytes += profiles[end]
            .paragraphs
            .iter()
            .map(String::len)
            .sum::<usize>();
        end += 1;
    }
    end
}

/// How much paragraph text (bytes) [`Converters::convert_article_text`] converts per OpenCC
/// call: below [`PARALLEL_BYTES`], so the reader's background conversion keeps to one core
/// and its working copies stay small.
pub const TEXT_BATCH_BYTES: usize = 128 * 1024;

/// Where a configuration's files are cached, and the dictionaries it adds.
struct ConfigDir {
    dir: PathBuf,
    data: PathBuf,
    dicts: Vec<(String, String)>,
}

/// The first and last code points of a [`CharTable`]: CJK Unified Ideographs Extension A
/// and the main block (U+3400–U+9FFF), which hold every character OpenCC's `t2s`, `tw2t`
/// and `hk2t` character dictionaries change in practice.
const TABLE_CHARS: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// Which characters of [`TABLE_CHARS`] one configuration changes when each is converted
/// alone (OpenCC's character dictionaries, without phrases): one bit per code point.
/// Built once per configuration and OpenCC data, then cached as a file.
struct CharTable(Vec<u64>);

impl CharTable {
    const WORDS: usize = (0x9FFF - 0x3400 + 1usize).div_ceil(64);

    /// Converts every character of the range, each on a line of its own.
    fn build(cc: &OpenCC) -> CharTable {
        let chars: Vec<char> = TABLE_CHARS.filter_map(char::from_u32).collect();
        let lines: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = cc.convert(&lines);
        let mut bits = vec![0u64; Self::WORDS];
        for (line, &c) in converted.split('\n').zip(&chars) {
            if line.chars().ne([c]) {
                let i = (c as u32 - TABLE_CHARS.start()) as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        CharTable(bits)
    }

    /// Reads a table written by [`CharTable::to_bytes`]; `None` when the size is wrong.
    fn from_bytes(bytes: &[u8]) -> Option<CharTable> {
        (bytes.len() == Self::WORDS * 8).then(|| {
            CharTable(
                bytes
                    .chunks_exact(8)
                    .map(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()))
                    .collect(),
            )
        })
    }

    /// The table as little-endian 64-bit words.
    fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// Whether the configuration changes `c`; `false` outside [`TABLE_CHARS`].
    fn changes(&self, c: char) -> bool {
        let u = c as u32;
        if !TABLE_CHARS.contains(&u) {
            return false;
        }
        let i = (u - TABLE_CHARS.start()) as usize;
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

/// A fingerprint of the OpenCC data directory's files (names, sizes, modification times),
/// so cached character tables are rebuilt when OpenCC's data changes.
fn data_fingerprint(data: &Path) -> String {
    let mut parts: Vec<String> = std::fs::read_dir(data)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| {
                    let meta = e.metadata().ok();
                    let modified = meta
                        .as_ref()
                        .and_then(|m| m.modified().ok())
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    format!(
                        "{}:{}:{modified}",
                        e.file_name().to_string_lossy(),
                        meta.map_or(0, |m| m.len())
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    parts.sort();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    fingerprint(&refs)
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
            taiwan_phrases,
            stock_pieces: false,
        }
    }

    /// The cache directory of `config` with this set's dictionaries, and those dictionaries
    /// (file name, contents).
    fn config_dir(&self, config: Config) -> Result<ConfigDir, ConvertError> {
        let data = data_dir()?;
        let dicts = config
            .corrections()
            .map(|d| self.corrections.dictionaries(d))
            .unwrap_or_default();
        let mut parts: Vec<&str> = vec![config.name()];
        parts.extend(dicts.iter().map(|(_, c)| c.as_str()));
        let data_s = data.display().to_string();
        parts.push(&data_s);
        let dir = cache_dir().join(fingerprint(&parts));
        Ok(ConfigDir { dir, data, dicts })
    }

    fn open(&self, config: Config) -> Result<OpenCC, ConvertError> {
        let ConfigDir { dir, data, dicts } = self.config_dir(config)?;
        let cache_err = |e: std::io::Error| ConvertError::CacheDir {
            dir: dir.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(&dir).map_err(cache_err)?;
        let mut texts = Vec::new();
        for (name, contents) in &dicts {
            texts.push(
                write_once(&dir, name, contents)
                    .map_err(cache_err)?
                    .display()
                    .to_string(),
            );
        }
        let json = build_config_json(config, &data, &texts)?;
        let path = write_once(&dir, &format!("{}.json", config.name()), &json.to_string())
            .map_err(cache_err)?;
        let load_err = |reason: String| ConvertError::Load {
            config: config.name(),
            path: path.display().to_string(),
            reason,
        };
        // opencc-rust unwraps the path as UTF-8 and as a C string: check both first.
        let p = path
            .to_str()
            .filter(|p| !p.contains('\0'))
            .ok_or_else(|| load_err("path is not UTF-8".into()))?;
        OpenCC::new(p).map_err(|_| load_err(opencc_last_error()))
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

    /// The character table of `config` ([`CharTable`]): read from the cache, else built with
    /// OpenCC (about 30 ms) and cached. `None` when OpenCC cannot be loaded.
    fn char_table(&self, config: Config) -> Option<&CharTable> {
        self.tables[config as usize]
            .get_or_init(|| {
                let ConfigDir { dir, data, .. } = self.config_dir(config).ok()?;
                let name = format!("{}.{}.chars", config.name(), data_fingerprint(&data));
                let path = dir.join(&name);
                if let Some(t) = std::fs::read(&path)
                    .ok()
                    .and_then(|b| CharTable::from_bytes(&b))
                {
                    return Some(t);
                }
                let cc = self.get(config).ok()?;
                let table = CharTable::build(&cc);
                // A cache that cannot be written only costs the next start the build.
                let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
                if std::fs::write(&tmp, table.to_bytes()).is_ok() {
                    let _ = std::fs::rename(&tmp, &path);
                }
                Some(table)
            })
            .as_ref()
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
        let cc = self.get(config)?;
        let cleaned;
        let text = if text.contains('\0') {
            cleaned = text.replace('\0', "");
            cleaned.as_str()
        } else {
            text
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if text.len() < PARALLEL_BYTES {
            return Ok(cc.convert(text));
        }
        // Large text: pieces that none of qunxiang's dictionary keys occur in go through
        // OpenCC's own config (a third faster: no text dictionary to try at each position),
        // the others through the corrected one; the pieces are split among the cores.
        let plain = if self.stock_pieces {
            self.plain(config)
        } else {
            None
        };
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

    /// OpenCC's own converter for `config` (its stock JSON, without qunxiang's
    /// dictionaries) and the keys of those dictionaries; `None` when `config` adds no
    /// dictionary, runs two stock configs, or the stock one cannot be loaded. Text in
    /// which no key occurs converts the same through either converter.
    fn plain(&self, config: Config) -> Option<&Plain> {
        self.plain[config as usize]
            .get_or_init(|| {
                let [stock] = config.stock_files() else {
                    return None;
                };
                let ConfigDir { data, dicts, .. } = self.config_dir(config).ok()?;
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
                let path = data.join(stock);
                let cc = OpenCC::new(path.to_str().filter(|p| !p.contains('\0'))?).ok()?;
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

    /// Converts every string `each` visits with `config`, in one OpenCC call: the strings
    /// are joined by `\n` and split again (string by string if the line count were to
    /// change). `each` must visit the same strings in the same order each time it is called.
    fn convert_each(
        &self,
        config: Config,
        mut each: impl FnMut(&mut dyn FnMut(&mut String)),
    ) -> Result<(), ConvertError> {
        let mut joined = String::new();
        let mut pieces = 0usize;
        each(&mut |s: &mut String| {
            joined.push_str(s);
            joined.push('\n');
            pieces += 1 + s.matches('\n').count();
        });
        let converted = self.convert_str(config, &joined)?;
        let lines: Vec<&str> = converted.split('\n').collect();
        if lines.len() == pieces + 1 {
            let mut it = lines.into_iter();
            each(&mut |s: &mut String| {
                let n = 1 + s.matches('\n').count();
                *s = it.by_ref().take(n).collect::<Vec<_>>().join("\n");
            });
            return Ok(());
        }
        let mut err = None;
        each(&mut |s: &mut String| match self.convert_str(config, s) {
            Ok(c) => *s = c,
            Err(e) => err = Some(e),
        });
        err.map_or(Ok(()), Err)
    }

    /// Converts each of `strings` with `config`, in one OpenCC call (joined by `\n` and
    /// split again; string by string if the line count were to change).
    fn convert_many(&self, config: Config, strings: &[&str]) -> Result<Vec<String>, ConvertError> {
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

    /// Returns `article` in `target` script: a clone of the original when no conversion
    /// applies, else every string converted, with `script` and `region` set to the
    /// result's. Profiles are converted in batches of about [`BATCH_BYTES`], each batch in
    /// one OpenCC call (on all cores when large), so the work never holds more than a
    /// batch of the article twice.
    pub fn convert_article(
        &self,
        article: &Article,
        target: Script,
    ) -> Result<Article, ConvertError> {
        let Some(config) = self.config_for(article.source(), target) else {
            return Ok(article.clone());
        };
        let mut out = self.convert_head(article, target)?;
        let mut start = 0;
        while start < article.profiles.len() {
            let end = batch_end(&article.profiles, start, BATCH_BYTES);
            let mut batch = article.profiles[start..end].to_vec();
            self.convert_each(config, |f| {
                for p in &mut batch {
                    p.for_each_label_string_mut(&mut *f);
                    p.for_each_body_string_mut(&mut *f);
                }
            })?;
            out.profiles.splice(start..end, batch);
            start = end;
        }
        Ok(out)
    }

    /// [`Converters::convert_article`] without figures and quotes: every profile's labels
    /// and paragraphs in `target` script, `stats` and `quotes` empty. What the reader keeps
    /// of a whole conversion (about the size of the text; a profile's figures and quotes
    /// are converted when it is shown, [`Converters::convert_profile`]).
    pub fn convert_article_text(
        &self,
        article: &Article,
        target: Script,
    ) -> Result<Article, ConvertError> {
        let text_only = |p: &Profile| Profile {
            paragraphs: p.paragraphs.clone(),
            ..p.label()
        };
        let Some(config) = self.config_for(article.source(), target) else {
            let mut out = self.convert_head(article, target)?;
            out.profiles = article.profiles.iter().map(text_only).collect();
            return Ok(out);
        };
        let mut out = self.convert_head_only(article, target)?;
        out.profiles.reserve_exact(article.profiles.len());
        let mut start = 0;
        while start < article.profiles.len() {
            let end = batch_end(&article.profiles, start, TEXT_BATCH_BYTES);
            // The batch's strings are converted from the original's, not from a copy, so
            // no copy of the text is made and freed along the way.
            let mut sources: Vec<&str> = Vec::new();
            for p in &article.profiles[start..end] {
                sources.push(&p.name);
                sources.extend(
                    [&p.role, &p.heading, &p.caption, &p.number]
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                );
                sources.extend(p.paragraphs.iter().map(String::as_str));
            }
            let mut converted = self.convert_many(config, &sources)?.into_iter();
            let mut next = || converted.next().unwrap_or_default();
            for p in &article.profiles[start..end] {
                let name = next();
                let mut label = |s: &Option<String>| s.as_ref().map(|_| next());
                let (role, heading, caption, number) = (
                    label(&p.role),
                    label(&p.heading),
                    label(&p.caption),
                    label(&p.number),
                );
                out.profiles.push(Profile {
                    name,
                    role,
                    heading,
                    caption,
                    number,
                    paragraphs: p.paragraphs.iter().map(|_| next()).collect(),
                    stats: Vec::new(),
                    quotes: Vec::new(),
                });
            }
            start = end;
        }
        Ok(out)
    }

    /// The part of a conversion that does not depend on the profile shown: `article` with
    /// its headline, byline, captions, lead and closing in `target` script, and each
    /// profile as its [`Profile::label`] in the original script (to be converted by
    /// [`Converters::convert_labels`] and [`Converters::convert_profile`] as they come on
    /// screen). Costs the size of those parts, not of the article.
    pub fn convert_head(&self, article: &Article, target: Script) -> Result<Article, ConvertError> {
        let mut out = self.convert_head_only(article, target)?;
        out.profiles = article.profiles.iter().map(Profile::label).collect();
        Ok(out)
    }

    /// [`Converters::convert_head`] with no profiles at all.
    fn convert_head_only(
        &self,
        article: &Article,
        target: Script,
    ) -> Result<Article, ConvertError> {
        let source = article.source();
        let mut out = Article {
            headline: article.headline.clone(),
            byline: article.byline.clone(),
            script: article.script,
            region: article.region,
            lead: article.lead.clone(),
            profiles: Vec::new(),
            closing: article.closing.clone(),
            captions: article.captions.clone(),
        };
        let Some(config) = self.config_for(source, target) else {
            return Ok(out);
        };
        self.convert_each(config, |f| {
            f(&mut out.headline);
            if let Some(b) = &mut out.byline {
                f(b);
            }
            out.captions.iter_mut().for_each(&mut *f);
            out.lead.iter_mut().for_each(&mut *f);
            out.closing.iter_mut().for_each(&mut *f);
        })?;
        (out.script, out.region) = target.shown(source);
        Ok(out)
    }

    /// Converts the labels (name, role, heading, caption, number) of `profiles`, whose text
    /// is in `source` script, to `target`, in one OpenCC call.
    pub fn convert_labels(
        &self,
        profiles: &mut [Profile],
        source: (SourceScript, Option<Region>),
        target: Script,
    ) -> Result<(), ConvertError> {
        match self.config_for(source, target) {
            Some(config) => self.convert_each(config, |f| {
                for p in profiles.iter_mut() {
                    p.for_each_label_string_mut(&mut *f);
                }
            }),
            None => Ok(()),
        }
    }

    /// Converts `profile` (labels, paragraphs, figures, quotes), whose text is in `source`
    /// script, to `target`.
    pub fn convert_profile(
        &self,
        profile: &mut crate::Profile,
        source: (SourceScript, Option<Region>),
        target: Script,
    ) -> Result<(), ConvertError> {
        match self.config_for(source, target) {
            Some(config) => self.convert_each(config, |f| {
                profile.for_each_label_string_mut(&mut *f);
                profile.for_each_body_string_mut(&mut *f);
            }),
            None => Ok(()),
        }
    }

    /// Detects the script of `text`, and for traditional text the region, from the first
    /// [`DETECT_BYTES`] bytes:
    /// - traditional when OpenCC `t2s` changes more than 2% of its first
    ///   [`SCRIPT_CJK_CHARS`] CJK characters (traditional text typically has 15–40% that
    ///   change, simplified text almost none);
    /// - regional forms when OpenCC `tw2t` (TWVariantsRev) or `hk2t` (HKVariantsRev) changes
    ///   more than 1% of them, OpenCC's standard forms otherwise;
    /// - Taiwan forms when the characters only `tw2t` changes, plus 裡 and 著, are at least as
    ///   many as those only `hk2t` changes, plus 裏 and 着; Hong Kong forms otherwise.
    ///
    /// Characters are judged one by one, through each config's [`CharTable`] (what OpenCC
    /// does to the character alone), so detection costs table lookups rather than three
    /// OpenCC conversions (OpenCC 1.1 converts about 5 MB/s, which made detection most of
    /// the time a short article took to open). Falls back to simplified, no region, when
    /// OpenCC cannot be loaded.
    pub fn detect(&self, text: &str) -> (SourceScript, Option<Region>) {
        let mut end = text.len().min(DETECT_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cjk = |c: &char| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}');
        let sample: Vec<char> = text[..end].chars().filter(cjk).collect();
        let head = &sample[..sample.len().min(SCRIPT_CJK_CHARS)];
        if head.is_empty() {
            return (SourceScript::Simplified, None);
        }
        let (t2s, (tw, hk)) = std::thread::scope(|scope| {
            let regional =
                scope.spawn(|| (self.char_table(Config::Tw2t), self.char_table(Config::Hk2t)));
            let t2s = self.char_table(Config::T2s);
            (t2s, regional.join().unwrap_or((None, None)))
        });
        let Some(t2s) = t2s else {
            return (SourceScript::Simplified, None);
        };
        if head.iter().filter(|&&c| t2s.changes(c)).count() * 50 <= head.len() {
            return (SourceScript::Simplified, None);
        }
        let changes = |t: Option<&CharTable>, c: char| t.is_some_and(|t| t.changes(c));
        let count = |keep: &dyn Fn(char) -> bool| sample.iter().filter(|&&c| keep(c)).count();
        if count(&|c| changes(tw, c)).max(count(&|c| changes(hk, c))) * 100 <= sample.len() {
            return (SourceScript::Traditional, None);
        }
        // Forms only one of the two regions uses (為 is both Taiwan's and Hong Kong's).
        let taiwan = count(&|c| changes(tw, c) && !changes(hk, c) || "裡著".contains(c));
        let hong_kong = count(&|c| changes(hk, c) && !changes(tw, c) || "裏着".contains(c));
        let region = if taiwan >= hong_kong {
            Region::Taiwan
        } else {
            Region::HongKong
        };
        (SourceScript::Traditional, Some(region))
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
    fn character_tables_hold_what_opencc_changes_and_survive_the_cache() {
        for _ in 0..2 {
            // The second round reads the tables the first one cached.
            let c = Converters::new();
            let t2s = c.char_table(Config::T2s).expect("t2s table");
            assert!(t2s.changes('頭') && t2s.changes('髮') && t2s.changes('㑳'));
            assert!(!t2s.changes('头') && !t2s.changes('发') && !t2s.changes('a'));
            let tw = c.char_table(Config::Tw2t).expect("tw2t table");
            assert!(tw.changes('裡') && !tw.changes('裏') && !tw.changes('頭'));
            let hk = c.char_table(Config::Hk2t).expect("hk2t table");
            assert!(hk.changes('衞') && !hk.changes('衛'));
        }
        let bytes = CharTable(vec![5; CharTable::WORDS]).to_bytes();
        assert_eq!(CharTable::from_bytes(&bytes).map(|t| t.0[3]), Some(5));
        assert!(CharTable::from_bytes(&bytes[1..]).is_none());
    }

    #[test]
    fn detects_script_and_region() {
        let c = Converters::new();
        assert_eq!(
            c.detect("基層黨員幹部舍小家為大家，在群裡看著"),
            (SourceScript::Traditional, Some(Region::Taiwan))
        );
        assert_eq!(
            c.detect("基层党员干部舍小家为大家"),
            (SourceScript::Simplified, None)
        );
        assert_eq!(
            c.detect("醫護人員在病房裏着急地工作，為市民衞生把關"),
            (SourceScript::Traditional, Some(Region::HongKong))
        );
        assert_eq!(
            c.detect("基層黨員幹部舍小家爲大家"),
            (SourceScript::Traditional, None)
        );
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

    #[test]
    fn user_dictionary_lines_are_cleaned() {
        assert_eq!(
            clean_dictionary("# comment\n\n头发\t頭髮\nbad line\n"),
            "头发\t頭髮\n"
        );
    }
}
