//! Building wrapped, styled ratatui lines from plain text.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::wrap::wrap_ranges;

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
    let mut first = 0;
    wrap_ranges(text, width)
        .into_iter()
        .map(|(s, e)| {
            while first < highlights.len() && highlights[first].0.end <= s {
                first += 1;
            }
            let mut spans = Vec::new();
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
}
