//! Make article text safe to draw in a terminal and to hand to OpenCC.
//!
//! Nothing that comes from an article may reach the terminal as a control sequence, and
//! opencc-rust 1.1's `convert` panics on NUL. [`sanitize`] is applied once, right after
//! decoding, so every later stage (extraction, conversion, wrapping, drawing) sees clean text.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Tab stops are every 8 display columns, as in a terminal.
pub const TAB_STOP: usize = 8;

/// Returns `true` for the bidirectional formatting characters of Unicode UAX #9 that can
/// reorder what is shown (LRE, RLE, PDF, LRO, RLO U+202A–U+202E; LRI, RLI, FSI, PDI
/// U+2066–U+2069; LRM, RLM U+200E/U+200F; ALM U+061C).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Cleans decoded text so it can be drawn and converted safely.
///
/// - CRLF and lone CR become LF.
/// - ESC sequences (CSI `ESC [`, OSC `ESC ]` up to BEL or ST, DCS/SOS/PM/APC up to ST, and
///   two-character escapes) are removed whole, as are their 8-bit C1 forms (U+009B CSI,
///   U+009D OSC, U+0090 DCS, …); every other C0 and C1 control, DEL and NUL is removed.
/// - Bidi controls ([`is_bidi_control`]) and U+FEFF (byte-order mark / ZWNBSP) are removed.
/// - Tabs are expanded to spaces up to the next tab stop ([`TAB_STOP`] display columns,
///   counted from the start of the line with `unicode-width`).
///
/// Line feeds are kept. The result never contains a char below U+0020 other than `\n`.
pub fn sanitize(input: &str) -> String {
    // Most text has nothing to clean: find the first char that needs work and copy up to it.
    let needs_work =
        |c: char| c != '\n' && (c.is_control() || c == '\u{FEFF}' || is_bidi_control(c));
    let Some(first) = input.find(needs_work) else {
        return input.to_string();
    };
    let mut out = String::with_capacity(input.len());
    out.push_str(&input[..first]);
    let mut chars = input[first..].chars().peekable();
    // The display column in the current line, kept up to date char by char (measuring the
    // line at each tab would be quadratic in a long line of tabs).
    let mut col = out[out.rfind('\n').map_or(0, |i| i + 1)..].width();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                col = 0;
            }
            '\n' => {
                out.push('\n');
                col = 0;
            }
            '\t' => {
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() => {}
            '\u{FEFF}' => {}
            c if is_bidi_control(c) => {}
            c => {
                out.push(c);
                col += c.width().unwrap_or(0);
            }
        }
    }
    out
}

/// Makes `s` (a file name, a user's dictionary line) safe to print in a one-line message:
/// control characters (line ends and tabs included), bidi controls and U+FEFF are shown
/// escaped as Rust does (`\n`, `\u{1b}`, `\u{202e}`), so the message stays on one line, the
/// terminal receives no control sequence, and the name can still be told apart.
pub fn for_message(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || c == '\u{FEFF}' || is_bidi_control(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// Skips what follows an ESC: a CSI, a control string, or one character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // A two-character escape (ESC c, ESC 7, ESC ( B …): the next char is part of it
        // when it is an intermediate byte.
        Some('(' | ')' | '*' | '+' | '#' | '%') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte (0x40–0x7E).
fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !(' '..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips a control string (OSC, DCS, …) up to BEL, ST (`ESC \` or U+009C), or a line end.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_and_bidi() {
        let s = "头条\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07\u{202E}";
        assert_eq!(sanitize(s), "头条");
    }

    #[test]
    fn keeps_newlines_and_expands_tabs() {
        assert_eq!(sanitize("a\tb\r\n中\tx\ry"), "a       b\n中      x\ny");
    }

    #[test]
    fn removes_nul_del_c1_and_bom() {
        assert_eq!(sanitize("\u{feff}头\0发\u{7f}\u{85}\u{9b}31m好"), "头发好");
    }

    #[test]
    fn c1_osc_is_removed_whole() {
        assert_eq!(sanitize("a\u{9d}0;title\u{9c}b"), "ab");
    }
}
