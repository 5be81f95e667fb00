//! Building wrapped, styled ratatui lines from plain text.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::wrap::{display_width, wrap_ranges};

/// Wraps `text` to `width` display columns (see [`crate::text::wrap`]) and styles it:
/// `base` everywhere, patched with the style of each highlight (byte ranges into `text`,
/// not overlapping, in order). Linear in the text and the highlights: each line looks only
/// at the highlights from the first that ends after its start.
pub fn styled_lines(
    text: &str,
    width: usize,
    highlights: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Line<'static>> {
    styled_ranges(text, &wrap_ranges(text, width), 0, highlights, base)
}

/// Like [`styled_lines`], with a hanging indent: the first `head` bytes of `text` (a list
/// item's marker, a figure before its clause, an opening quotation mark) stay at the start
/// of the first line, and the lines after it continue under the text that follows them,
/// not at column 0 ([`hanging_ranges`]).
pub fn styled_hanging(
    text: &str,
    width: usize,
    head: usize,
    highlights: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Line<'static>> {
    let (indent, ranges) = hanging_ranges(text, width, head);
    styled_ranges(text, &ranges, indent, highlights, base)
}

/// The narrowest a hanging indent leaves the text, in display columns: below it the lines
/// wrap from column 0 ([`hanging_ranges`]).
pub const MIN_HANGING_TEXT: usize = 10;

/// The lines of `text` wrapped to `width` display columns with a hanging indent after its
/// first `head` bytes: the indent in columns (the display width of `text[..head]`, 0 when
/// `head` is 0, is not a char boundary, or would leave fewer than [`MIN_HANGING_TEXT`]
/// columns), and each line as a byte range into `text` (the first from 0, with the head).
/// Lines after the first are `indent` columns narrower and are drawn after `indent` spaces.
pub fn hanging_ranges(text: &str, width: usize, head: usize) -> (usize, Vec<(usize, usize)>) {
    let plain = || (0, wrap_ranges(text, width));
    if head == 0 || head > text.len() || !text.is_char_boundary(head) {
        return plain();
    }
    let indent = display_width(&text[..head]);
    if indent == 0 || indent + MIN_HANGING_TEXT > width {
        return plain();
    }
    let mut ranges: Vec<(usize, usize)> = wrap_ranges(&text[head..], width - indent)
        .into_iter()
        .map(|(s, e)| (s + head, e + head))
        .collect();
    match ranges.first_mut() {
        Some(first) => first.0 = 0,
        None => ranges.push((0, head)),
    }
    (indent, ranges)
}

/// The lines at byte `ranges` of `text`, styled as [`styled_lines`] does, each after the
/// first led by `indent` spaces.
fn styled_ranges(
    text: &str,
    ranges: &[(usize, usize)],
    indent: usize,
    highlights: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Line<'static>> {
    let mut first = 0;
    ranges
        .iter()
        .enumerate()
        .map(|(n, &(s, e))| {
            while first < highlights.len() && highlights[first].0.end <= s {
                first += 1;
            }
            let mut spans = Vec::new();
            if n > 0 && indent > 0 {
                spans.push(Span::raw(" ".repeat(indent)));
            }
            let mut pos = s;
            for (r, style) in &highlights[first..] {
                if r.start >= e {
                    break;
                }
                let hs = r.start.max(pos);
                let he = r.end.min(e);
                if hs >= he {
                    continue;
                }
                if hs > pos {
                    spans.push(Span::styled(text[pos..hs].to_string(), base));
                }
                spans.push(Span::styled(text[hs..he].to_string(), base.patch(*style)));
                pos = he;
            }
            if pos < e {
                spans.push(Span::styled(
                    text[pos..e].trim_end_matches(' ').to_string(),
                    base,
                ));
            }
            Line::from(spans)
        })
        .collect()
}

/// The byte length of the marker that begins a list item, with the spaces after it: a
/// bullet (`•`, `·`, `●`, `○`, `■`, `□`, `◆`, `◇`, `▪`, `▶`, `►`, `★`, `☆`, `-`, `*`), a
/// circled or bracketed number (`①`-`⑳`, `⑴`-`⒇`, `⒈`-`⒛`, `❶`-`❿`), a number of up to
/// three digits (ASCII or full-width) or Chinese numerals followed by `.`, `．`, `、`, `)`,
/// `）` or `:`, or one in brackets (`(1)`, `（一）`); 0 when the item has none (a name line
/// such as `王芳（42歲）` has none). Used for the hanging indent of list items
/// ([`styled_hanging`]).
pub fn list_marker(text: &str) -> usize {
    const BULLETS: &[char] = &[
        '•', '·', '●', '○', '■', '□', '◆', '◇', '▪', '▶', '►', '★', '☆', '-', '*',
    ];
    let numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    };
    let numbered =
        |c: char| ('\u{2460}'..='\u{249b}').contains(&c) || ('\u{2776}'..='\u{2793}').contains(&c);
    let mut chars = text.char_indices();
    let Some((_, c)) = chars.next() else { return 0 };
    let end = if BULLETS.contains(&c) || numbered(c) {
        c.len_utf8()
    } else if c == '(' || c == '（' {
        let mut n = 0;
        let mut end = 0;
        for (i, d) in chars.by_ref() {
            if numeral(d) && n < 3 {
                n += 1;
            } else if n > 0 && (d == ')' || d == '）') {
                end = i + d.len_utf8();
                break;
            } else {
                break;
            }
        }
        end
    } else if numeral(c) {
        let mut n = 1;
        let mut end = 0;
        for (i, d) in chars.by_ref() {
            if numeral(d) && n < 3 {
                n += 1;
            } else if matches!(d, '.' | '．' | '、' | ')' | '）' | ':') {
                end = i + d.len_utf8();
                break;
            } else {
                break;
            }
        }
        end
    } else {
        0
    };
    if end == 0 || end >= text.len() {
        return 0;
    }
    // A bullet or a "1." needs a space after it (`-3度`, `1.5万` are no markers); a
    // number closed by 、 or a bracket does not.
    let rest = &text[end..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len();
    let closed = text[..end].ends_with(['、', ')', '）']) || numbered(c);
    if spaces == 0 && !closed {
        return 0;
    }
    if spaces == rest.len() {
        return 0;
    }
    end + spaces
}

/// Byte offsets in `text` of the characters at char offsets `chars` (Unicode scalar
/// values, in any order), in the same order; an offset at or past the end gives
/// `text.len()`. One pass over the text whatever the number of offsets (plus sorting
/// them), where asking `char_indices().nth` for each would walk the text once per offset.
pub fn char_bytes(text: &str, chars: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..chars.len()).collect();
    order.sort_unstable_by_key(|&k| chars[k]);
    let mut out = vec![text.len(); chars.len()];
    let mut next = order.iter().peekable();
    for (c, (b, _)) in text.char_indices().enumerate() {
        while let Some(&&k) = next.peek() {
            if chars[k] != c {
                break;
            }
            out[k] = b;
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
    }
    out
}

/// How far, in bytes either side, [`locate_at`] looks for a text that is not where its
/// offset says (a conversion that changes a phrase's length shifts what follows it by a
/// character or two; 1 KiB is about 340 CJK characters).
pub const LOCATE_WINDOW: usize = 1024;

/// The byte range of `needle` in `hay`: at byte `at` when it stands there, else its
/// occurrence nearest to `at` within [`LOCATE_WINDOW`] bytes either side; `None` when
/// there is none. Bounded work per call, so marking many items in one long paragraph
/// stays linear.
pub fn locate_at(hay: &str, needle: &str, at: usize) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    if hay.get(at..).is_some_and(|t| t.starts_with(needle)) {
        return Some(at..at + needle.len());
    }
    let mut lo = at.saturating_sub(LOCATE_WINDOW).min(hay.len());
    while !hay.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = at
        .saturating_add(LOCATE_WINDOW + needle.len())
        .min(hay.len());
    while !hay.is_char_boundary(hi) {
        hi += 1;
    }
    hay[lo..hi]
        .match_indices(needle)
        .map(|(b, _)| lo + b)
        .min_by_key(|&b| b.abs_diff(at))
        .map(|b| b..b + needle.len())
}

/// The byte range of `needle` in `hay`, preferring the occurrence that starts at char
/// offset `char_offset`, else the one nearest to it ([`locate_at`]; conversion can shift
/// offsets). Walks `hay` up to the offset: for one item; many items in one paragraph go
/// through [`char_bytes`] and [`locate_at`].
pub fn locate(hay: &str, needle: &str, char_offset: usize) -> Option<Range<usize>> {
    let at = char_bytes(hay, &[char_offset])[0];
    locate_at(hay, needle, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn highlight_spans_follow_the_wrap() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let lines = styled_lines("一二三四五六", 6, &[(3..12, bold)], Style::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].spans[0].content, "一");
        assert_eq!(lines[0].spans[1].content, "二三");
        assert_eq!(lines[1].spans[0].content, "四");
        assert_eq!(lines[1].spans[1].content, "五六");
    }

    #[test]
    fn locate_prefers_the_offset() {
        assert_eq!(locate("5名和5名", "5名", 3), Some(7..11));
        // Past the end: the nearest occurrence, the last.
        assert_eq!(locate("5名和5名", "5名", 9), Some(7..11));
        // One character off (a conversion shifted it): the nearest, not the first.
        assert_eq!(locate("5名和5名和5名", "5名", 4), Some(7..11));
        assert_eq!(locate("5名和5名", "6名", 0), None);
    }

    #[test]
    fn locate_looks_only_near_the_offset() {
        let far = format!("3人{}", "和".repeat(LOCATE_WINDOW));
        assert_eq!(locate(&far, "3人", 0), Some(0..4));
        assert_eq!(locate(&far, "3人", LOCATE_WINDOW), None);
        assert_eq!(locate(&far, "3人", 300), Some(0..4));
    }

    #[test]
    fn char_bytes_maps_offsets_in_any_order() {
        // 一 and 二 take 3 bytes, a and b one.
        assert_eq!(
            char_bytes("一a二b", &[3, 0, 2, 1, 9, 4]),
            [7, 0, 4, 3, 8, 8]
        );
        assert_eq!(char_bytes("", &[0, 2]), [0, 0]);
        assert_eq!(char_bytes("ab", &[]), Vec::<usize>::new());
    }

    #[test]
    fn highlights_are_found_from_the_line_they_start_on() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        // Width 4: 一二 | 三四 | 五六; marks on 一, on 四五 (across a break) and on 六.
        let lines = styled_lines(
            "一二三四五六",
            4,
            &[(0..3, bold), (9..15, bold), (15..18, bold)],
            Style::default(),
        );
        let spans: Vec<Vec<(&str, bool)>> = lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| (s.content.as_ref(), s.style == bold))
                    .collect()
            })
            .collect();
        assert_eq!(
            spans,
            [
                vec![("一", true), ("二", false)],
                vec![("三", false), ("四", true)],
                vec![("五", true), ("六", true)],
            ]
        );
    }

    fn text_of(lines: &[Line<'static>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn continuation_lines_hang_under_the_text() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        // "42岁  " is 6 columns; the clause wraps at 24 - 6 = 18 columns (9 CJK characters,
        // or 今年 42 岁的王芳已在: 4 + 2 + 12).
        let item = "42岁  今年42岁的王芳已在社区工作了十多年，熟悉每一户人家";
        let lines = styled_hanging(item, 24, "42岁  ".len(), &[(0..5, bold)], Style::default());
        assert_eq!(
            text_of(&lines),
            [
                "42岁  今年42岁的王芳已在",
                "      社区工作了十多年，",
                "      熟悉每一户人家",
            ]
        );
        assert_eq!(lines[0].spans[0].content, "42岁");
        assert_eq!(lines[0].spans[0].style, bold);
        // An opening quotation mark: one column; the text wraps at 19 columns.
        let quote = "“我们是社区的人，就要守好社区的门。”";
        assert_eq!(
            text_of(&styled_hanging(quote, 20, "“".len(), &[], Style::default())),
            ["“我们是社区的人，就", " 要守好社区的门。”"]
        );
        // Too narrow to hang: from column 0, as styled_lines wraps.
        assert_eq!(
            styled_hanging(item, 12, "42岁  ".len(), &[], Style::default()),
            styled_lines(item, 12, &[], Style::default())
        );
        assert_eq!(
            hanging_ranges("42岁  ", 20, "42岁  ".len()),
            (6, vec![(0, 7)])
        );
        assert_eq!(hanging_ranges("ab", 20, 0), (0, vec![(0, 2)]));
    }

    #[test]
    fn list_markers_are_found_and_other_starts_are_not() {
        for (item, marker) in [
            ("• 王芳，社区主任", "• "),
            ("1. 王芳，社区主任", "1. "),
            ("12、王芳，社区主任", "12、"),
            ("（一）王芳，社区主任", "（一）"),
            ("(3) 王芳", "(3) "),
            ("三、王芳", "三、"),
            ("②王芳", "②"),
            ("－王芳", ""),
            ("-3度的早晨", ""),
            ("1.5万元", ""),
            ("2020年，王芳", ""),
            ("王芳（42岁）", ""),
            ("一个人的社区", ""),
            ("•", ""),
            ("", ""),
        ] {
            assert_eq!(&item[..list_marker(item)], marker, "{item}");
        }
    }
}
