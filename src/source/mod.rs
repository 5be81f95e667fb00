//! Bytes to clean text: reading the input, decoding, sanitizing.

pub mod sanitize;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use sanitize::sanitize;

/// The bundled default article (`assets/article.txt`), compiled into the binary.
pub const BUNDLED_ARTICLE: &str = include_str!("../../assets/article.txt");

/// Inputs larger than this many bytes (256 MiB) are refused before they are read.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// The article compiled into the binary ([`BUNDLED_ARTICLE`]).
    Bundled,
    /// Standard input (the CLI's `-`).
    Stdin,
    /// A file on disk.
    Path(PathBuf),
}

impl Input {
    /// How the input is named in messages: the path, `<stdin>` or `<bundled article>`.
    pub fn display_name(&self) -> String {
        match self {
            Input::Bundled => "<bundled article>".to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(p) => p.display().to_string(),
        }
    }
}

/// Why an input could not be read. Every variant names the input in its message.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: is a directory, not a file")]
    IsDirectory { name: String },
    #[error("{name}: permission denied")]
    PermissionDenied { name: String },
    #[error("{name}: the file is empty")]
    Empty { name: String },
    #[error("{name}: the file holds no text (only blank lines or control characters)")]
    NoText { name: String },
    #[error("{name}: {size} bytes is over the limit of {limit} bytes")]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("{name}: cannot read: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
}

/// Decoded, sanitized text of an input.
#[derive(Debug, Clone)]
pub struct Text {
    /// Sanitized text ([`sanitize()`]): LF line ends, no control characters.
    pub text: String,
    /// How many invalid byte sequences were replaced with U+FFFD while decoding.
    pub replaced: usize,
}

/// Reads the raw bytes of an input, refusing files over [`MAX_INPUT_BYTES`].
///
/// Errors: [`LoadError`] naming the input (missing, directory, permission, too large, I/O).
pub fn read_bytes(input: &Input) -> Result<Vec<u8>, LoadError> {
    let name = input.display_name();
    match input {
        Input::Bundled => Ok(BUNDLED_ARTICLE.as_bytes().to_vec()),
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|source| LoadError::Io {
                    name: name.clone(),
                    source,
                })?;
            if buf.len() as u64 > MAX_INPUT_BYTES {
                return Err(LoadError::TooLarge {
                    name,
                    size: buf.len() as u64,
                    limit: MAX_INPUT_BYTES,
                });
            }
            Ok(buf)
        }
        Input::Path(p) => read_file(p, name),
    }
}

fn read_file(path: &Path, name: String) -> Result<Vec<u8>, LoadError> {
    let io = |source: std::io::Error, name: String| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { name },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { name },
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory { name },
        _ => LoadError::Io { name, source },
    };
    let meta = std::fs::metadata(path).map_err(|e| io(e, name.clone()))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { name });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            name,
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut buf = Vec::new();
    std::fs::File::open(path)
        .map_err(|e| io(e, name.clone()))?
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| io(e, name.clone()))?;
    Ok(buf)
}

/// Decodes UTF-8 bytes (a leading BOM is dropped) and sanitizes the text.
///
/// Invalid sequences become U+FFFD and are counted in [`Text::replaced`]; the rest of the
/// input is kept. Other encodings are not detected yet.
pub fn decode(bytes: &[u8]) -> Text {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut replaced = 0;
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            replaced += 1;
            text.push('\u{FFFD}');
        }
    }
    Text {
        text: sanitize(&text),
        replaced,
    }
}

/// Reads and decodes an input: [`read_bytes`] then [`decode`].
///
/// Errors: those of [`read_bytes`], plus [`LoadError::Empty`] for zero bytes and
/// [`LoadError::NoText`] when nothing but whitespace remains after sanitizing.
pub fn load_text(input: &Input) -> Result<Text, LoadError> {
    let bytes = read_bytes(input)?;
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            name: input.display_name(),
        });
    }
    let text = decode(&bytes);
    if text.text.trim().is_empty() {
        return Err(LoadError::NoText {
            name: input.display_name(),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_become_replacement_chars_and_the_rest_is_kept() {
        let t = decode(b"abc\xff\xfe\xe4\xb8\xad\xe6\x96\x87");
        assert_eq!(t.text, "abc\u{FFFD}\u{FFFD}中文");
        assert_eq!(t.replaced, 2);
    }

    #[test]
    fn bom_and_crlf() {
        let t = decode(b"\xEF\xBB\xBF\xe5\xa4\xb4\xe5\x8f\x91\r\n");
        assert_eq!(t.text, "头发\n");
        assert_eq!(t.replaced, 0);
    }
}
