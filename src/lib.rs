//! qunxiang (群像): a terminal reader for Chinese feature articles that profile several
//! people in turn.
//!
//! The data flow runs one way: bytes → [`source`] (decode, sanitize) → [`article`] (clean,
//! extract) → [`convert`] (OpenCC, from the original) → [`tui`] (panes). [`load`] does the
//! first three steps.

pub mod analysis;
pub mod article;
pub mod convert;
pub mod eval;
pub mod source;
pub mod testing;
pub mod text;
pub mod tui;

pub use article::{Article, Profile, Quote, Region, SourceScript, Stat};
pub use convert::{ConvertError, Converters, Script};
pub use source::{Input, LoadError};

/// An article loaded from an input.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The input's name for messages (path, `<stdin>`, `<bundled article>`).
    pub name: String,
    /// The extracted article in its original script.
    pub article: Article,
    /// How many malformed byte sequences were replaced with U+FFFD while decoding.
    pub replaced: usize,
    /// The encoding the input was decoded with (WHATWG name).
    pub encoding: &'static str,
    /// What the input held.
    pub format: source::Format,
    /// Whether `article.profiles` and `article.kinds` are the analysis's result. False
    /// when loaded with [`LoadOptions::defer_analysis`]: the article then has its text and
    /// the kinds cleaning gave, no profiles, and the reader runs the analysis itself
    /// ([`analysis::analyse_in_parts`] over `article.paragraphs` and `article.kinds`).
    pub analysed: bool,
}

/// How to read an input.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Leave out the analysis (who is profiled, figures, quotes): the article comes back
    /// with its paragraphs and the kinds cleaning gave, no profiles, and
    /// [`Loaded::analysed`] false, for a reader that shows the text at once and analyses
    /// in the background. The reader's own JSON is read back analysed either way.
    pub defer_analysis: bool,
}

/// Reads (or fetches, for a URL), decodes, sanitizes and extracts an input; detects its
/// script with `converters`. See [`load_bytes`].
///
/// Errors: [`LoadError`] when the input cannot be read, or as [`load_bytes`].
pub fn load(
    input: &Input,
    options: LoadOptions,
    converters: &Converters,
) -> Result<Loaded, LoadError> {
    let name = input.display_name();
    if let Input::Url(url) = input {
        // A page: decoded by the HTTP charset, then the page's meta, then the bytes.
        let page = source::fetch(url, &name)?;
        let text =
            source::text_from_bytes_declared(&page.bytes, &name, options.encoding, page.charset)?;
        let ext = page.is_html().then_some("html");
        return load_text(text, name, ext, options, converters);
    }
    let bytes = source::read_bytes(input)?;
    let text = source::text_from_bytes(&bytes, &name, options.encoding)?;
    drop(bytes); // the input's size less at the peak of what follows
    load_text(
        text,
        name,
        input.extension().as_deref(),
        options,
        converters,
    )
}

/// Decodes, sanitizes and extracts the bytes of an input called `name` with file extension
/// `ext`. Plain text and HTML are extracted; the reader's own JSON is read back as it is
/// (every string sanitized).
///
/// Errors: [`LoadError`] when the bytes are empty, binary, hold no text, or are JSON that is
/// not an article (with line and column).
pub fn load_bytes(
    bytes: &[u8],
    name: String,
    ext: Option<&str>,
    options: LoadOptions,
    converters: &Converters,
) -> Result<Loaded, LoadError> {
    let text = source::text_from_bytes(bytes, &name, options.encoding)?;
    load_text(text, name, ext, options, converters)
}

/// Extracts decoded, sanitized text (see [`load_bytes`]).
fn load_text(
    text: source::Text,
    name: String,
    ext: Option<&str>,
    options: LoadOptions,
    converters: &Converters,
) -> Result<Loaded, LoadError> {
    let format = source::sniff(ext, &text.text);
    let defer = options.defer_analysis && format != source::Format::Json;
    let article = match format {
        source::Format::Json => read_json(&text.text, &name)?,
        source::Format::Html => {
            let page = source::page::extract(&text.text);
            let plain = source::sanitize(&page.text);
            if plain.trim().is_empty() {
                return Err(LoadError::NoText { name });
            }
            let mut article = extract_with(plain, converters, defer);
            // The page's chrome (what Readability left out) comes first, in page order,
            // then what cleaning set apart.
            let mut dropped: Vec<String> =
                page.dropped.iter().map(|d| source::sanitize(d)).collect();
            dropped.append(&mut article.dropped);
            article.dropped = dropped;
            article
        }
        source::Format::Text => extract_with(text.text, converters, defer),
    };
    Ok(Loaded {
        name,
        article,
        replaced: text.replaced,
        encoding: text.encoding,
        format,
        analysed: !defer,
    })
}

/// Detects the script of `text` and extracts it; the text is freed once cleaned. With
/// `defer`, the article is the cleaned text without analysis (no profiles, the kinds
/// cleaning gave); its paragraphs are moved, never copied, either way.
fn extract_with(text: String, converters: &Converters, defer: bool) -> Article {
    let (script, region) = converters.detect(&text);
    let cleaned = article::clean::clean(&text);
    drop(text);
    let mut article = if defer {
        article::unanalysed(cleaned, script)
    } else {
        analysis::extract_cleaned(cleaned, script)
    };
    article.region = region;
    article
}

/// Reads an article from the JSON `--json` prints. Every string is sanitized, and
/// references that point past the paragraphs (a profile's paragraph indices and mentions,
/// figures and quotes) are dropped ([`Article::drop_dangling`]), so a hand-edited file
/// cannot make the panes index out of bounds.
///
/// Errors: [`LoadError::BadJson`] with the line and column serde_json reports; for JSON
/// in the shape earlier versions printed (top-level `lead` or `closing`, or profiles that
/// hold their paragraphs' text), one line that says so instead of serde's message.
pub fn read_json(text: &str, name: &str) -> Result<Article, LoadError> {
    let parsed: Result<Article, _> = serde_json::from_str(text);
    // The old shape is looked for when the new one does not parse, or when the text holds
    // a key of the old shape (a new-shape file with a stray `lead` would lose its text).
    let suspect = parsed.is_err() || text.contains("\"lead\"") || text.contains("\"closing\"");
    if suspect && let Some((line, column)) = old_shape(text, parsed.as_ref().err()) {
        return Err(LoadError::BadJson {
            name: name.to_string(),
            line,
            column,
            message: OLD_SHAPE.to_string(),
        });
    }
    let mut article = parsed.map_err(|e| LoadError::BadJson {
        name: name.to_string(),
        line: e.line(),
        column: e.column(),
        message: {
            let m = e.to_string();
            let at = format!(" at line {} column {}", e.line(), e.column());
            source::sanitize(m.strip_suffix(&at).unwrap_or(&m))
        },
    })?;
    article.for_each_string_mut(|s| *s = source::sanitize(s));
    article.drop_dangling();
    Ok(article)
}

/// What [`read_json`] says of JSON in the old shape.
const OLD_SHAPE: &str = "JSON in the old qunxiang shape (profiles own their paragraphs); \
re-export it with this version's --json";

/// Where `text` shows it is JSON in the shape of earlier versions (top-level `lead` or
/// `closing`, or a profile whose `paragraphs` holds strings), as a line and column; `None`
/// when it does not. `error` is the new shape's parse error, if any: it points at the first
/// string among a profile's paragraphs.
fn old_shape(text: &str, error: Option<&serde_json::Error>) -> Option<(usize, usize)> {
    use serde::Deserialize;
    use serde::de::IgnoredAny;
    #[derive(Deserialize)]
    struct Old {
        #[serde(default)]
        lead: Option<IgnoredAny>,
        #[serde(default)]
        closing: Option<IgnoredAny>,
        #[serde(default)]
        profiles: Vec<OldProfile>,
    }
    #[derive(Deserialize)]
    struct OldProfile {
        #[serde(default)]
        paragraphs: Vec<serde_json::Value>,
    }
    let old: Old = serde_json::from_str(text).ok()?;
    let strings = old
        .profiles
        .iter()
        .any(|p| p.paragraphs.iter().any(serde_json::Value::is_string));
    if strings && let Some(e) = error {
        return Some((e.line(), e.column()));
    }
    if !(strings || old.lead.is_some() || old.closing.is_some()) {
        return None;
    }
    // The first key of the old shape, else the start.
    let at = ["\"lead\"", "\"closing\"", "\"paragraphs\""]
        .iter()
        .filter_map(|k| text.find(k))
        .min()
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}
