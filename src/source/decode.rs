//! Bytes to text: encoding detection and decoding with `encoding_rs` (the WHATWG Encoding
//! Standard's decoders) and `chardetng` (Firefox's detector).
//!
//! Order of decisions:
//! 1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides.
//! 2. UTF-16 without a BOM when NUL bytes are frequent and one byte order reads as text
//!    (ASCII, CJK, CJK punctuation) for at least 80% of the characters, more than the other
//!    ([`utf16_without_bom`]).
//! 3. UTF-8 when the bytes are UTF-8, or mostly so: at least as many valid multi-byte
//!    sequences as invalid ones (one bad byte does not change the encoding of a file).
//! 4. Otherwise chardetng's guess when it is GBK (decoded as its superset GB18030) or Big5.
//!    Other guesses (EUC-KR, Shift_JIS, windows-1252, …) are not taken: the reader is for
//!    Chinese articles, and chardetng gives such guesses for short Big5 samples.
//! 5. Otherwise GB18030 or Big5, whichever decodes with fewer errors and more common
//!    characters (GB2312 level 1, Big5 frequently-used range); ties go to Big5, since
//!    chardetng recognises GBK text well. UTF-8 when neither yields a common character.

use std::borrow::Cow;

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// How many bytes the detector looks at.
const SAMPLE: usize = 1 << 20;

/// Counts (valid multi-byte sequences, invalid sequences) in `bytes` read as UTF-8.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let mut multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (multibyte, invalid)
}

/// Characters of `text` that are common Chinese characters: GB2312 level 1 (GBK lead byte
/// 0xB0–0xD7) or Big5 frequently used (lead byte 0xA4–0xC6).
fn common_chars(text: &str) -> usize {
    let mut buf = [0u8; 4];
    text.chars()
        .filter(|c| !c.is_ascii())
        .filter(|c| {
            let s = c.encode_utf8(&mut buf);
            let (g, _, g_err) = GBK.encode(s);
            let (b, _, b_err) = BIG5.encode(s);
            (!g_err && g.len() == 2 && (0xB0..=0xD7).contains(&g[0]))
                || (!b_err && b.len() == 2 && (0xA4..=0xC6).contains(&b[0]))
        })
        .count()
}

/// How many bytes from the start [`utf16_without_bom`] and the binary check look at.
pub const UTF16_SAMPLE: usize = 64 * 1024;

/// Whether `c` is a character of ordinary text in a Chinese article: printable ASCII and
/// whitespace, CJK ideographs (the main block and extension A), CJK punctuation, full-width
/// forms, dashes, quotation marks and the ellipsis.
fn ordinary(c: char) -> bool {
    matches!(c, ' '..='~' | '\t' | '\n' | '\r' | '\u{2010}'..='\u{2027}' | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// UTF-16LE or UTF-16BE for text in UTF-16 without a byte-order mark: NUL bytes make up at
/// least 0.2% of the first [`UTF16_SAMPLE`] bytes (ASCII characters, line ends and
/// ideographs such as 一 U+4E00 have a zero byte), and the sample read in one byte order is
/// at least 80% ordinary text, more than in the other. Random bytes (a quarter to a third
/// ordinary characters either way) and text in other encodings (no NUL) are not UTF-16.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE) & !1];
    let nuls = memchr::memchr_iter(0, sample).count();
    if nuls < 2 || nuls * 500 < sample.len() {
        return None;
    }
    let score = |enc: &'static Encoding| {
        let (text, _) = enc.decode_without_bom_handling(sample);
        let (mut all, mut ok) = (0usize, 0usize);
        for c in text.chars() {
            all += 1;
            ok += usize::from(ordinary(c));
        }
        (ok, all)
    };
    let (le, be) = (score(UTF_16LE), score(UTF_16BE));
    let (best, (ok, all), other) = if le.0 >= be.0 {
        (UTF_16LE, le, be.0)
    } else {
        (UTF_16BE, be, le.0)
    };
    (ok * 5 >= all * 4 && ok > other).then_some(best)
}

/// Detects the encoding of `bytes` (see the module documentation for the rules).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    let mut end = bytes.len().min(SAMPLE);
    // Do not cut a UTF-8 sequence at the sample's end.
    while end < bytes.len() && end > 0 && (bytes[end] & 0xC0) == 0x80 && bytes.len() - end < 4 {
        end += 1;
    }
    let sample = &bytes[..end];
    let (multibyte, invalid) = utf8_stats(sample);
    if invalid == 0 || multibyte >= invalid {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    if guess == GBK {
        return GB18030;
    }
    if guess == GB18030 || guess == BIG5 {
        return guess;
    }
    let score = |enc: &'static Encoding| {
        let (text, _) = enc.decode_without_bom_handling(sample);
        let errors = text.matches('\u{FFFD}').count();
        (common_chars(&text), std::cmp::Reverse(errors))
    };
    let (gb, big5) = (score(GB18030), score(BIG5));
    if gb.0 == 0 && big5.0 == 0 {
        UTF_8
    } else if (gb.1, gb.0) > (big5.1, big5.0) {
        GB18030
    } else {
        BIG5
    }
}

/// How many bytes from the start of a page [`declared_charset`] searches.
pub const META_SCAN: usize = 8192;

/// The encoding a charset label names (any WHATWG label: `gb2312`, `GBK`, `big5`,
/// `utf-8`, …; quotes and whitespace around it ignored), GBK widened to its superset
/// GB18030. UTF-16 labels give `None`: a page read as text cannot declare them (the WHATWG
/// rule for `<meta>`).
pub fn charset_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(['"', '\'']).trim();
    let enc = Encoding::for_label(label.as_bytes())?;
    if enc == UTF_16LE || enc == UTF_16BE {
        return None;
    }
    Some(if enc == GBK { GB18030 } else { enc })
}

/// The charset of a `Content-Type` value (`text/html; charset=gbk` → GB18030), if it
/// names one ([`charset_label`]).
pub fn content_type_charset(value: &str) -> Option<&'static Encoding> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let label: String = rest
        .trim_start()
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '>' | '/' | ','))
        .collect();
    charset_label(&label)
}

/// The encoding an HTML page declares in its first [`META_SCAN`] bytes: the first
/// `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` that
/// names a known encoding ([`charset_label`]). ASCII case is ignored.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = memchr::memmem::find(&lower[from..], b"<meta") {
        let at = from + k + 5;
        let end = memchr::memchr(b'>', &lower[at..]).map_or(lower.len(), |e| at + e);
        let tag = String::from_utf8_lossy(&lower[at..end]);
        if let Some(enc) = content_type_charset(&tag) {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// Whether the first [`SAMPLE`] bytes read as UTF-8 hold multi-byte characters and no
/// malformed sequence (a sequence cut at the sample's end aside).
fn plainly_utf8(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let (multibyte, mut invalid) = utf8_stats(sample);
    if invalid == 1 && sample.len() < bytes.len() {
        // The sample may cut the last character.
        let tail = &sample[sample.len().saturating_sub(3)..];
        if std::str::from_utf8(tail).is_err() {
            invalid = 0;
        }
    }
    multibyte > 0 && invalid == 0
}

/// The encoding to read bytes with when their source declares one (an HTTP header's or a
/// page's charset, `declared`), in this order: a byte-order mark; UTF-8 when the bytes are
/// plainly UTF-8 (multi-byte characters and no malformed sequence: a page re-encoded as
/// UTF-8 often keeps its old `charset=gb2312`, while GBK or Big5 text is almost never
/// valid UTF-8); the declared encoding when it reads the first [`SAMPLE`] bytes with at
/// most one malformed sequence in 1,000 characters; else the bytes alone ([`detect`]).
pub fn detect_declared(bytes: &[u8], declared: Option<&'static Encoding>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    let Some(declared) = declared else {
        return detect(bytes);
    };
    if plainly_utf8(bytes) {
        return UTF_8;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let (text, errors) = decode_with(declared, sample);
    if errors * 1000 <= text.chars().count().max(1000) {
        declared
    } else {
        detect(bytes)
    }
}

/// How many bytes of output each call of the decoder is given (see [`decode_with`]).
pub const DECODE_CHUNK: usize = 64 * 1024;

/// Decodes `bytes` with `encoding` (a BOM of that encoding is removed), replacing each
/// malformed sequence with U+FFFD. Returns the text and the number of replacements; valid
/// UTF-8 without a BOM is borrowed, not copied.
///
/// Linear in the input however many sequences are malformed: one decoder runs over the
/// whole input, writing into a buffer of [`DECODE_CHUNK`] bytes that is reused; a malformed
/// sequence costs a call that goes on where the last one stopped. (Handing the decoder the
/// output string's spare capacity instead, as `decode_to_string_without_replacement` does,
/// touches every page of that capacity on each call: quadratic with a bad byte every few
/// bytes.)
pub fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, usize) {
    let (text, replaced, _) = decode_counted(encoding, bytes);
    (text, replaced)
}

/// [`decode_with`], also returning how many bytes of output space the decoder was offered
/// in all (the bound on the work of its calls: at most [`DECODE_CHUNK`] per call).
pub fn decode_counted<'a>(
    encoding: &'static Encoding,
    bytes: &'a [u8],
) -> (Cow<'a, str>, usize, usize) {
    if encoding == UTF_8
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return (Cow::Borrowed(text), 0, 0);
    }
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut out: Vec<u8> = Vec::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .map_or(bytes.len(), |n| n.min(bytes.len().saturating_mul(2)))
            .saturating_add(16),
    );
    let mut buf = vec![0u8; DECODE_CHUNK];
    let mut replaced = 0;
    let mut offered = 0;
    let mut src = bytes;
    loop {
        offered += buf.len();
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(src, &mut buf, true);
        out.extend_from_slice(&buf[..written]);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => {
                out.extend_from_slice("\u{FFFD}".as_bytes());
                replaced += 1;
            }
        }
    }
    // The decoder writes UTF-8 only; the check is linear and never fails.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (Cow::Owned(text), replaced, offered)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> (String, usize, &'static str) {
        let enc = detect(bytes);
        let (t, n) = decode_with(enc, bytes);
        (t.into_owned(), n, enc.name())
    }

    #[test]
    fn utf8_with_bad_bytes_stays_utf8() {
        assert_eq!(
            auto(b"abc\xff\xfe\xe4\xb8\xad\xe6\x96\x87"),
            ("abc\u{FFFD}\u{FFFD}中文".into(), 2, "UTF-8")
        );
        assert_eq!(
            auto(
                "头发"
                    .as_bytes()
                    .iter()
                    .chain(b"\xe4")
                    .copied()
                    .collect::<Vec<_>>()
                    .as_slice()
            )
            .1,
            1
        );
        let mut bytes = "第一行\n第二".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice("行\n第三行".as_bytes());
        assert_eq!(
            auto(&bytes),
            ("第一行\n第二\u{FFFD}行\n第三行".into(), 1, "UTF-8")
        );
        assert_eq!(
            auto(b"abc\n\xff\nxyz"),
            ("abc\n\u{FFFD}\nxyz".into(), 1, "UTF-8")
        );
    }

    #[test]
    fn gbk_and_big5() {
        assert_eq!(auto(b"\xb2\xe2\xca\xd4"), ("测试".into(), 0, "gb18030"));
        assert_eq!(auto(b"\xb4\xfa\xb8\xd5"), ("測試".into(), 0, "Big5"));
    }

    #[test]
    fn boms() {
        assert_eq!(
            auto(b"\xef\xbb\xbf\xe5\xa4\xb4\xe5\x8f\x91\r\n"),
            ("头发\r\n".into(), 0, "UTF-8")
        );
        assert_eq!(
            auto(b"\xff\xfe\x34\x59\xd1\x53"),
            ("头发".into(), 0, "UTF-16LE")
        );
        assert_eq!(
            auto(b"\xfe\xff\x59\x34\x53\xd1"),
            ("头发".into(), 0, "UTF-16BE")
        );
    }

    #[test]
    fn declared_charsets() {
        let page = |meta: &str, body: &[u8]| {
            let mut b = format!("<html><head>{meta}</head><body><p>").into_bytes();
            b.extend_from_slice(body);
            b
        };
        // Big5 bytes that GBK also reads (測試 / 代刚): the page's meta decides.
        let big5 = page(r#"<meta charset="big5">"#, b"\xb4\xfa\xb8\xd5");
        assert_eq!(declared_charset(&big5), Some(BIG5));
        assert_eq!(detect_declared(&big5, declared_charset(&big5)), BIG5);
        let gbk = page(
            r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">"#,
            b"\xb4\xfa\xb8\xd5",
        );
        assert_eq!(declared_charset(&gbk), Some(GB18030));
        // A meta that lies: the bytes are UTF-8.
        let lying = page(r#"<meta charset=gb2312>"#, "网格员".as_bytes());
        assert_eq!(detect_declared(&lying, declared_charset(&lying)), UTF_8);
        // A declared encoding that the bytes are not (many errors): the bytes decide.
        let (gbk_text, _, _) = GBK.encode("这是网格员周玉兰的一天，她在社区工作了十八年。");
        let gbk_as_utf8 = page("<meta charset=utf-8>", &gbk_text);
        assert_eq!(
            detect_declared(&gbk_as_utf8, declared_charset(&gbk_as_utf8)),
            GB18030
        );
        assert_eq!(
            content_type_charset("text/html; charset=\"GBK\""),
            Some(GB18030)
        );
        assert_eq!(content_type_charset("text/html"), None);
        assert_eq!(charset_label("utf-16le"), None);
        assert_eq!(declared_charset(b"<p>charset=big5</p>"), None);
    }
}
