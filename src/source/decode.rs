//! Bytes to text: encoding detection and decoding with `encoding_rs` (the WHATWG Encoding
//! Standard's decoders) and `chardetng` (Firefox's detector).
//!
//! Order of decisions:
//! 1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides.
//! 2. UTF-8 when the bytes are UTF-8, or mostly so: at least as many valid multi-byte
//!    sequences as invalid ones (one bad byte does not change the encoding of a file).
//! 3. Otherwise chardetng's guess when it is GBK (decoded as its superset GB18030) or Big5.
//!    Other guesses (EUC-KR, Shift_JIS, windows-1252, …) are not taken: the reader is for
//!    Chinese articles, and chardetng gives such guesses for short Big5 samples.
//! 4. Otherwise GB18030 or Big5, whichever decodes with fewer errors and more common
//!    characters (GB2312 level 1, Big5 frequently-used range); ties go to Big5, since
//!    chardetng recognises GBK text well. UTF-8 when neither yields a common character.

use std::borrow::Cow;

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8};

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

/// Detects the encoding of `bytes` (see the module documentation for the rules).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
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

/// Decodes `bytes` with `encoding` (a BOM of that encoding is removed), replacing each
/// malformed sequence with U+FFFD. Returns the text and the number of replacements; valid
/// UTF-8 without a BOM is borrowed, not copied.
pub fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, usize) {
    if encoding == UTF_8
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return (Cow::Borrowed(text), 0);
    }
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut out = String::new();
    let mut replaced = 0;
    let mut src = bytes;
    loop {
        let need = decoder
            .max_utf8_buffer_length_without_replacement(src.len())
            .unwrap_or(src.len() * 3 + 16);
        out.reserve(need.max(16));
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return (Cow::Owned(out), replaced),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => {
                out.push('\u{FFFD}');
                replaced += 1;
            }
        }
    }
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
}
