//! qunxiang (群像): a terminal reader for Chinese feature articles that profile several
//! people in turn.
//!
//! The data flow runs one way: bytes → [`source`] (decode, sanitize) → [`article`] (clean,
//! extract) → [`convert`] (OpenCC, from the original) → [`tui`] (panes). [`load`] does the
//! first three steps.

pub mod article;
pub mod convert;
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
}

/// How to read an input.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Reads, decodes, sanitizes and extracts an input; detects its script with `converters`.
/// See [`load_bytes`].
///
/// Errors: [`LoadError`] when the input cannot be read, or as [`load_bytes`].
pub fn load(
    input: &Input,
    options: LoadOptions,
    converters: &Converters,
) -> Result<Loaded, LoadError> {
    let bytes = source::read_bytes(input)?;
    let name = input.display_name();
    let text = source::text_from_bytes(&bytes, &name, options.encoding)?;
    drop(bytes); // the input's size less at the peak of what follows
    load_text(text, name, input.extension().as_deref(), converters)
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
    load_text(text, name, ext, converters)
}

/// Extracts decoded, sanitized text (see [`load_bytes`]).
fn load_text(
    text: source::Text,
    name: String,
    ext: Option<&str>,
    converters: &Converters,
) -> Result<Loaded, LoadError> {
    let format = source::sniff(ext, &text.text);
    let article = match format {
        source::Format::Json => read_json(&text.text, &name)?,
        source::Format::Html => {
            let plain = source::sanitize(&source::html::html_to_text(&text.text));
            if plain.trim().is_empty() {
                return Err(LoadError::NoText { name });
            }
            extract_with(plain, converters)
        }
        source::Format::Text => extract_with(text.text, converters),
    };
    Ok(Loaded {
        name,
        article,
        replaced: text.replaced,
        encoding: text.encoding,
        format,
    })
}

/// Detects the script of `text` and extracts it; the text is freed once cleaned.
fn extract_with(text: String, converters: &Converters) -> Article {
    let (script, region) = converters.detect(&text);
    let cleaned = article::clean::clean(&text);
    drop(text);
    let mut article = article::extract_cleaned(cleaned, script);
    article.region = region;
    article
}

/// Reads an article from the JSON `--json` prints. Every string is sanitized, and figures
/// and quotes that point past their profile's paragraphs are dropped.
///
/// Errors: [`LoadError::BadJson`] with the line and column serde_json reports.
pub fn read_json(text: &str, name: &str) -> Result<Article, LoadError> {
    let mut article: Article = serde_json::from_str(text).map_err(|e| LoadError::BadJson {
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
    for p in &mut article.profiles {
        let n = p.paragraphs.len();
        p.stats.retain(|s| s.paragraph < n);
        p.quotes.retain(|q| q.paragraph < n);
    }
    Ok(article)
}
