//! Building wrapped, styled ratatui lines from plain text.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::wrap::wrap_ranges;

/// Wraps `text` to `width` display columns (see [`crate::text::wrap`]) and styles it:
/// `base` everywhere, patched with the style of each highlight (byte ranges into `text`,
/// not overlapping, in order).
pub fn styled_lines(
    text: &str,
    width: usize,
    highlights: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Line<'static>> {
    wrap_ranges(text, width)
        .into_iter()
        .map(|(s, e)| {
            let mut spans = Vec::new();
            let mut pos = s;
            for (r, style) in highlights {
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

/// The byte range of `needle` in `hay`, preferring the occurrence that starts at char offset
/// `char_offset`; falls back to the first occurrence (conversion can shift offsets).
pub fn locate(hay: &str, needle: &str, char_offset: usize) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    if let Some((b, _)) = hay.char_indices().nth(char_offset)
        && hay[b..].starts_with(needle)
    {
        return Some(b..b + needle.len());
    }
    hay.find(needle).map(|b| b..b + needle.len())
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
        assert_eq!(locate("5名和5名", "5名", 9), Some(0..4));
    }
}
