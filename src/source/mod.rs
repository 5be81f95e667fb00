//! Bytes to clean text: reading the input, decoding, sanitizing, and telling plain text,
//! HTML and the reader's own JSON apart.

pub mod decode;
pub mod html;
pub mod page;
pub mod sanitize;
pub mod url;

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
    /// A web page to fetch ([`url::fetch`]): an `http://` or `https://` address.
    Url(String),
}

impl Input {
    /// The file extension, lower-cased, for a path with one.
    pub fn extension(&self) -> Option<String> {
        match self {
            Input::Path(p) => p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase),
            _ => None,
        }
    }

    /// How the input is named in messages: the path, `<stdin>` or `<bundled article>`.
    /// Control and bidi characters in a path are shown escaped (`\u{1b}`, `\n`), never
    /// sent to the terminal ([`sanitize::for_message`]).
    pub fn display_name(&self) -> String {
        match self {
            Input::Bundled => "<bundled article>".to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(p) => sanitize::for_message(&p.display().to_string()),
            Input::Url(u) => sanitize::for_message(u),
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
    #[error("{name}: looks like a binary file, not text")]
    Binary { name: String },
    #[error("{name}: invalid article JSON at line {line}, column {column}: {message}")]
    BadJson {
        name: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{name}: cannot fetch: {message}")]
    Fetch { name: String, message: String },
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
    /// How many malformed byte sequences were replaced with U+FFFD while decoding.
    pub replaced: usize,
    /// The encoding the bytes were decoded with (WHATWG name, e.g. `UTF-8`, `gb18030`).
    pub encoding: &'static str,
}

/// The kind of document an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one paragraph per line.
    Text,
    /// An HTML page ([`page::extract`]).
    Html,
    /// The reader's own JSON (what `--json` prints).
    Json,
}

/// Reads the raw bytes of an input, refusing inputs over [`MAX_INPUT_BYTES`] (files,
/// devices, pipes and standard input alike: a device such as `/dev/zero` has no size to
/// check first) and inputs whose first [`decode::UTF16_SAMPLE`] bytes are binary in every
/// encoding ([`looks_binary`]: NUL bytes, random bytes), which are not read further.
///
/// Errors: [`LoadError`] naming the input (missing, directory, permission, too large,
/// binary, I/O).
pub fn read_bytes(input: &Input) -> Result<Vec<u8>, LoadError> {
    let name = input.display_name();
    match input {
        Input::Bundled => Ok(BUNDLED_ARTICLE.as_bytes().to_vec()),
        Input::Stdin => read_limited(std::io::stdin().lock(), name, None),
        Input::Path(p) => read_file(p, name),
        Input::Url(u) => Ok(fetch(u, &name)?.bytes),
    }
}

/// Fetches the page at `url` ([`url::fetch`] with its default limits), named `name` in
/// errors.
///
/// Errors: [`LoadError::Fetch`] with one line saying why.
pub fn fetch(url: &str, name: &str) -> Result<url::Fetched, LoadError> {
    url::fetch(url, &url::FetchOptions::default()).map_err(|message| LoadError::Fetch {
        name: name.to_string(),
        message,
    })
}

/// Reads `reader` to its end, or to the first byte over [`MAX_INPUT_BYTES`]; stops after
/// the first [`decode::UTF16_SAMPLE`] bytes when they are binary ([`looks_binary`]). `size`
/// is the size the input says it has, if any (to reserve memory once).
fn read_limited(
    mut reader: impl Read,
    name: String,
    size: Option<u64>,
) -> Result<Vec<u8>, LoadError> {
    let io = |source: std::io::Error, name: &str| LoadError::Io {
        name: name.to_string(),
        source,
    };
    let head_len = decode::UTF16_SAMPLE as u64;
    let mut buf =
        Vec::with_capacity(size.map_or(head_len, |s| s.min(MAX_INPUT_BYTES) + 1) as usize);
    (&mut reader)
        .take(head_len)
        .read_to_end(&mut buf)
        .map_err(|e| io(e, &name))?;
    if looks_binary(&buf) {
        return Err(LoadError::Binary { name });
    }
    if buf.len() as u64 == head_len {
        reader
            .take(MAX_INPUT_BYTES + 1 - head_len)
            .read_to_end(&mut buf)
            .map_err(|e| io(e, &name))?;
    }
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            name,
            size: buf.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(buf)
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
    let file = std::fs::File::open(path).map_err(|e| io(e, name.clone()))?;
    let size = meta.is_file().then_some(meta.len());
    read_limited(file, name, size)
}

/// Decodes bytes with `encoding`, or with the detected one ([`decode::detect`]), and
/// sanitizes the text. Malformed sequences become U+FFFD and are counted in
/// [`Text::replaced`]; the rest of the input is kept.
pub fn decode(bytes: &[u8], encoding: Option<&'static encoding_rs::Encoding>) -> Text {
    let enc = encoding.unwrap_or_else(|| decode::detect(bytes));
    let (text, replaced) = decode::decode_with(enc, bytes);
    Text {
        text: sanitize(&text),
        replaced,
        encoding: enc.name(),
    }
}

/// Whether text decoded as `c` shows binary: a C0 control other than tab, line feed,
/// carriage return, form feed, BEL and ESC (which end and start terminal sequences in
/// text), a C1 control, a private-use character (U+E000–U+F8FF)
/// or a noncharacter. Text in any encoding the reader supports has (almost) none; random
/// bytes have 10% (C0 controls read in an ASCII-compatible encoding, private-use characters
/// and unpaired surrogates read as UTF-16).
fn binary_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}' | '\u{07}' | '\u{1b}'))
        || matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{FDD0}'..='\u{FDEF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Whether `bytes` decoded with `encoding` look binary: in the first
/// [`decode::UTF16_SAMPLE`] bytes, at least 4 characters that are not text
/// ([`binary_char`]; for UTF-16 also unpaired surrogates) making up more than 5% of them.
/// In an ASCII-compatible encoding these are the bytes below 0x20 (no multi-byte sequence
/// of GB18030, Big5 or UTF-8 holds one), so the check is on bytes; UTF-16 is decoded.
///
/// Text in the encoding it is decoded with is not binary (a stray NUL in text is not
/// enough); UTF-16 without a BOM read as UTF-8 is (every ASCII character brings a NUL).
pub fn looks_binary_as(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> bool {
    let sample = &bytes[..bytes.len().min(decode::UTF16_SAMPLE)];
    let (bad, all) = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        let (text, _) = encoding.decode_with_bom_removal(sample);
        let mut n = (0usize, 0usize);
        for c in text.chars() {
            n.0 += usize::from(binary_char(c) || c == '\u{FFFD}');
            n.1 += 1;
        }
        n
    } else {
        let bad = sample
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x07 | 0x1b))
            .count();
        (bad, sample.len())
    };
    bad >= 4 && bad * 20 > all
}

/// Whether bytes look binary whatever the encoding: read with the encoding of their
/// byte-order mark when they have one, else as an ASCII-compatible encoding and as UTF-16 in
/// both byte orders ([`looks_binary_as`]). Random bytes and NUL bytes do; text in UTF-8,
/// UTF-16 (with or without a BOM), GB18030/GBK or Big5 does not.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return looks_binary_as(bytes, enc);
    }
    [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
    ]
    .iter()
    .all(|&enc| looks_binary_as(bytes, enc))
}

/// The format of a text: from the file extension `ext` (without the dot) when the content
/// agrees (`.json` that starts with `{`, `.html`/`.htm` that starts with `<`), else from the
/// content.
pub fn sniff(ext: Option<&str>, text: &str) -> Format {
    let t = text.trim_start();
    match ext.map(str::to_ascii_lowercase).as_deref() {
        Some("json") if t.starts_with('{') => return Format::Json,
        Some("html" | "htm" | "xhtml") if t.starts_with('<') => return Format::Html,
        _ => {}
    }
    if t.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok() {
        Format::Json
    } else if html::looks_like_html(t) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Decodes the bytes of the input called `name` ([`decode()`]) and checks there is text.
///
/// Errors: [`LoadError::Empty`] for zero bytes, [`LoadError::Binary`] for content that is
/// binary in the encoding given or detected ([`looks_binary_as`]), and [`LoadError::NoText`] when nothing but whitespace remains after
/// sanitizing.
pub fn text_from_bytes(
    bytes: &[u8],
    name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Text, LoadError> {
    text_from_bytes_declared(bytes, name, encoding, None)
}

/// [`text_from_bytes`] for bytes whose source declares their encoding (`declared`: the
/// charset of an HTTP `Content-Type`): without `encoding`, the encoding is the BOM's, else
/// UTF-8 for plainly UTF-8 bytes, else the declared one, else the page's own
/// `<meta charset>`, when it reads the bytes ([`decode::detect_declared`]), else the bytes'
/// ([`decode::detect`]).
///
/// Errors: as [`text_from_bytes`].
pub fn text_from_bytes_declared(
    bytes: &[u8],
    name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Text, LoadError> {
    let name = || name.to_string();
    if bytes.is_empty() {
        return Err(LoadError::Empty { name: name() });
    }
    // Binary or not is judged in the encoding the text is read with: UTF-16 without a BOM
    // read as UTF-8 looks binary, read as UTF-16 (`--encoding utf-16le`) it is text.
    let enc = encoding.unwrap_or_else(|| {
        decode::detect_declared(bytes, declared.or_else(|| decode::declared_charset(bytes)))
    });
    if looks_binary_as(bytes, enc) {
        return Err(LoadError::Binary { name: name() });
    }
    let text = decode(bytes, Some(enc));
    if text.text.trim().is_empty() {
        return Err(LoadError::NoText { name: name() });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_become_replacement_chars_and_the_rest_is_kept() {
        let t = decode(b"abc\xff\xfe\xe4\xb8\xad\xe6\x96\x87", None);
        assert_eq!(t.text, "abc\u{FFFD}\u{FFFD}中文");
        assert_eq!(t.replaced, 2);
    }

    #[test]
    fn bom_and_crlf() {
        let t = decode(b"\xEF\xBB\xBF\xe5\xa4\xb4\xe5\x8f\x91\r\n", None);
        assert_eq!(t.text, "头发\n");
        assert_eq!(t.replaced, 0);
    }

    #[test]
    fn forced_encoding() {
        let t = decode(b"\xb4\xfa\xb8\xd5", Some(encoding_rs::GBK));
        assert_eq!(t.text, "代刚");
    }

    #[test]
    fn binary_and_formats() {
        assert!(looks_binary(
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0"
        ));
        assert!(!looks_binary("头发\n".as_bytes()));
        let p = Some("txt");
        assert_eq!(sniff(p, "{\"headline\": \"x\"}"), Format::Json);
        assert_eq!(sniff(p, "<!doctype html><p>x</p>"), Format::Html);
        assert_eq!(sniff(Some("json"), "{ broken"), Format::Json);
        assert_eq!(sniff(p, "{ broken"), Format::Text);
        assert_eq!(sniff(p, "标题\n正文"), Format::Text);
    }
}
