//! Wrapping by display width with CJK line-breaking rules.
//!
//! ratatui's `Paragraph` wraps only at spaces, which leaves Chinese text unwrapped or cut.
//! Break opportunities come from Unicode's line-breaking algorithm (UAX #14, through the
//! `unicode-linebreak` crate), restricted by the CJK line-start and line-end rules (禁則,
//! as in W3C's "Requirements for Chinese Text Layout", section 3.1.7): no line starts with a
//! closing or pause mark from [`NO_LINE_START`] and none ends with an opening mark from
//! [`NO_LINE_END`]. Widths are display columns from `unicode-width`, counted per grapheme
//! cluster (`unicode-segmentation`), so a wide character is never split.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Characters that must not begin a line (closing brackets, pause and stop marks).
pub const NO_LINE_START: &str = "，。、；：？！）」』》〉】〕”’…—,.;:?!)]}%·～";

/// Characters that must not end a line (opening brackets and quotation marks).
pub const NO_LINE_END: &str = "「『（《〈【〔“‘([{";

/// Display width in terminal columns of `s` (`unicode-width`, East Asian Wide = 2 columns).
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `width` display columns, ending with `…` when it was cut; whole
/// grapheme clusters only, so a wide character is never split. `width == 0` gives `""`.
pub fn truncate(s: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if s.width() <= width {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// Wraps `text` into lines of at most `width` display columns.
///
/// Returns the lines as byte ranges into `text` (start, end), so callers can map styled spans
/// (highlights) onto the wrapped lines. Spaces at a break are left at the end of the line
/// they follow and are not counted against the width. `\n` forces a break. A grapheme wider
/// than `width` gets a line of its own. `width == 0` gives no lines.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let mut para_start = 0;
    for para in text.split('\n') {
        wrap_paragraph(para, para_start, width, &mut lines);
        para_start += para.len() + 1;
    }
    lines
}

/// Wraps `text` like [`wrap_ranges`] and returns the lines as owned strings, trailing spaces
/// removed.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_ranges(text, width)
        .into_iter()
        .map(|(s, e)| text[s..e].trim_end_matches(' ').to_string())
        .collect()
}

/// Byte offsets inside `para` where a line may break, after the CJK rules are applied.
fn break_points(para: &str) -> Vec<usize> {
    let mut points: Vec<usize> = linebreaks(para)
        .filter(|&(i, op)| op == BreakOpportunity::Allowed && i < para.len())
        .map(|(i, _)| i)
        .filter(|&i| {
            let next = para[i..].chars().next();
            let prev = para[..i].chars().next_back();
            !next.is_some_and(|c| NO_LINE_START.contains(c))
                && !prev.is_some_and(|c| NO_LINE_END.contains(c))
        })
        .collect();
    // UAX #14 treats “ ” as ambiguous quotation (QU) and never breaks next to them; in
    // Chinese text a break before an opening mark or after a closing one is allowed.
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in para.char_indices() {
        if let Some((_, p)) = prev {
            let before_open = "“‘".contains(c) && !NO_LINE_END.contains(p);
            let after_close = "”’".contains(p) && !NO_LINE_START.contains(c);
            if (before_open || after_close) && is_cjkish(p) | is_cjkish(c) {
                points.push(i);
            }
        }
        prev = Some((i, c));
    }
    points.sort_unstable();
    points.dedup();
    // Only between grapheme clusters: a combining mark after a space (` \u{f71}`) forms
    // one cluster with it, and a break inside would leave the space's line wider than
    // counted.
    let bounds: Vec<usize> = para.grapheme_indices(true).map(|(i, _)| i).collect();
    points.retain(|i| bounds.binary_search(i).is_ok());
    points
}

fn is_cjkish(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2) || "“”‘’".contains(c)
}

fn wrap_paragraph(para: &str, offset: usize, width: usize, lines: &mut Vec<(usize, usize)>) {
    if para.is_empty() {
        lines.push((offset, offset));
        return;
    }
    let points = break_points(para);
    // Segments between break points; each is placed whole when it fits.
    let mut seg_bounds = Vec::with_capacity(points.len() + 2);
    seg_bounds.push(0);
    seg_bounds.extend(points);
    seg_bounds.push(para.len());

    let mut line_start = 0;
    let mut line_width = 0; // columns used, without trailing spaces
    let mut pending_spaces = 0;
    for w in seg_bounds.windows(2) {
        let seg = &para[w[0]..w[1]];
        let body = seg.trim_end_matches(' ');
        let body_w = body.width();
        let spaces = seg.len() - body.len();
        if line_width + pending_spaces + body_w <= width {
            line_width += pending_spaces + body_w;
            pending_spaces = spaces;
            continue;
        }
        // The segment does not fit on the current line.
        if line_width > 0 || pending_spaces > 0 {
            lines.push((offset + line_start, offset + w[0]));
            line_start = w[0];
            line_width = 0;
        }
        if body_w <= width {
            line_width = body_w;
            pending_spaces = spaces;
            continue;
        }
        // Longer than a whole line: break by grapheme cluster.
        let mut pos = w[0];
        for g in body.graphemes(true) {
            let gw = g.width();
            if line_width + gw > width && line_width > 0 {
                lines.push((offset + line_start, offset + pos));
                line_start = pos;
                line_width = 0;
            }
            line_width += gw;
            pos += g.len();
        }
        pending_spaces = spaces;
    }
    lines.push((offset + line_start, offset + para.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_whole_characters_and_marks_the_cut() {
        assert_eq!(truncate("研究員", 6), "研究員");
        assert_eq!(truncate("農業科學研究院研究員", 9), "農業科學…");
        assert_eq!(truncate("農業科學研究院研究員", 8), "農業科…");
        assert_eq!(truncate("ab", 1), "…");
        assert_eq!(truncate("ab", 0), "");
    }

    #[test]
    fn cjk_rules_move_a_character_down() {
        assert_eq!(
            wrap("一二三四五，六七八九。", 10),
            vec!["一二三四", "五，六七八", "九。"]
        );
    }

    #[test]
    fn mixed_latin_and_chinese_fill_the_line() {
        assert_eq!(
            wrap("我用 ratatui 写了一个新闻阅读器", 20),
            vec!["我用 ratatui 写了一", "个新闻阅读器"]
        );
    }

    #[test]
    fn opening_quote_does_not_end_a_line() {
        // Width 8 = four wide chars: “ would end line 1, so it moves down with 你.
        assert_eq!(wrap("我说：“你好。”", 8), vec!["我说：", "“你好。”"]);
    }

    #[test]
    fn a_break_never_splits_a_grapheme_cluster() {
        // Found by tests/props.rs: a space and the combining mark after it are one cluster.
        for line in wrap("\u{fe76} \u{f71}\u{a490}", 1) {
            let clusters = line.graphemes(true).count();
            assert!(line.width() <= 1 || clusters == 1, "{line:?}");
        }
    }

    #[test]
    fn a_wide_char_never_splits_and_zero_width_gives_nothing() {
        assert_eq!(wrap("中文", 1), vec!["中", "文"]);
        assert!(wrap("中文", 0).is_empty());
    }

    #[test]
    fn newlines_force_breaks_and_empty_lines_stay() {
        assert_eq!(wrap("甲\n\n乙", 10), vec!["甲", "", "乙"]);
    }

    #[test]
    fn graphemes_are_never_split_and_have_their_width() {
        // e + combining acute is one column; a ZWJ family and a heart with VS16 are one
        // cluster each, two columns wide; nothing is cut inside a cluster.
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("\u{200B}"), 0);
        let family = "👩\u{200D}👩\u{200D}👧";
        assert_eq!(display_width(family), 2);
        let text = format!("中{family}文❤\u{FE0F}字e\u{301}");
        for width in 2..8 {
            for line in wrap(&text, width) {
                assert!(
                    !line.starts_with('\u{200D}')
                        && !line.starts_with('\u{FE0F}')
                        && !line.starts_with('\u{301}'),
                    "{line:?}"
                );
                assert!(display_width(&line) <= width, "{line:?} at {width}");
            }
        }
        assert_eq!(
            wrap(&text, 4),
            vec![
                format!("中{family}"),
                "文❤\u{FE0F}".to_string(),
                "字e\u{301}".to_string()
            ]
        );
    }

    #[test]
    fn ranges_cover_the_text() {
        let t = "今年42歲的王芳從事社區工作已9年。";
        let r = wrap_ranges(t, 12);
        assert_eq!(r.first().unwrap().0, 0);
        assert_eq!(r.last().unwrap().1, t.len());
        for w in r.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
    }
}
