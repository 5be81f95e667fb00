//! qunxiang (群像): a terminal reader for Chinese feature articles that profile several
//! people in turn.
//!
//! The data flow runs one way: bytes → [`source`] (decode, sanitize) → [`article`] (clean,
//! extract) → [`convert`] (OpenCC, from the original) → [`tui`] (panes). [`load`] does the
//! first three steps.

pub mod article;
pub mod convert;
pub mod source;
pub mod text;
pub mod tui;

pub use article::{Article, Profile, Quote, SourceScript, Stat};
pub use convert::{ConvertError, Converters, Script};
pub use source::{Input, LoadError};

/// An article loaded from an input.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The input's name for messages (path, `<stdin>`, `<bundled article>`).
    pub name: String,
    /// The extracted article in its original script.
    pub article: Article,
    /// How many invalid byte sequences were replaced with U+FFFD while decoding.
    pub replaced: usize,
}

/// Reads, decodes, sanitizes and extracts an input; detects its script with `converters`.
///
/// Errors: [`LoadError`] when the input cannot be read or holds no text.
pub fn load(input: &Input, converters: &Converters) -> Result<Loaded, LoadError> {
    let text = source::load_text(input)?;
    Ok(load_str(
        &text.text,
        input.display_name(),
        text.replaced,
        converters,
    ))
}

/// Extracts an article from already sanitized text (see [`source::sanitize()`]).
pub fn load_str(text: &str, name: String, replaced: usize, converters: &Converters) -> Loaded {
    let script = converters.detect_script(text);
    Loaded {
        name,
        article: article::extract(text, script),
        replaced,
    }
}
