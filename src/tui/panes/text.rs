//! The paragraphs about the selected person (or the whole article when it has no
//! profiles), with the person's mentions, figures, quotes and search matches marked.
//!
//! The pane shows a list of [`Block`]s: the person's paragraphs by index, in reading
//! order, a blank line before each (none between a heading and its caption), and a dim `⋯`
//! line where the person's paragraphs skip some of the article's. Search matches and jumps
//! address a paragraph and a byte range in its text.

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::theme;
use crate::Profile;
use crate::article::ParagraphKind;
use crate::tui::app::App;
use crate::tui::lines::{
    char_bytes, hanging_ranges, list_marker, locate_at, styled_hanging, styled_lines,
};

/// The line that stands for paragraphs left out between two of the person's.
pub const GAP: &str = "⋯";

/// One block of the text pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Block<'a> {
    /// The block's text.
    pub text: &'a str,
    /// Its base style.
    pub style: Style,
    /// The paragraph it shows (an index into [`crate::Article::paragraphs`]); `None` for
    /// a gap.
    pub paragraph: Option<usize>,
    /// Whether a blank line goes before it.
    pub gap: bool,
    /// The bytes its wrapped lines hang after (a list marker, [`list_marker`]); 0 for
    /// none.
    pub head: usize,
}

/// The bytes of a paragraph its wrapped lines hang after: the list marker it begins with
/// ([`list_marker`]: `1.`, `（一）`, `•`, …), whatever its kind (cleaning calls a numbered
/// item text, a heading or a list item by its length and neighbours), else none.
pub fn hanging_head(text: &str) -> usize {
    list_marker(text)
}

/// The base style of a paragraph of kind `kind`: headings and questions bold, captions dim.
pub fn kind_style(kind: ParagraphKind) -> Style {
    match kind {
        ParagraphKind::Heading | ParagraphKind::Question => theme::strong(),
        ParagraphKind::Caption => theme::dim(),
        ParagraphKind::Text | ParagraphKind::ListItem | ParagraphKind::Answer => Style::default(),
    }
}

/// The blocks of the text pane for the paragraphs `indices` (a person's, with a gap line
/// where they skip some) of `paragraphs`, whose kinds are `kinds`, or for every paragraph
/// when `indices` is `None`.
pub fn blocks<'a>(
    paragraphs: &'a [String],
    kinds: &[ParagraphKind],
    indices: Option<&[usize]>,
) -> Vec<Block<'a>> {
    let all: Vec<usize>;
    let indices: &[usize] = match indices {
        Some(i) => i,
        None => {
            all = (0..paragraphs.len()).collect();
            &all
        }
    };
    let mut out = Vec::with_capacity(indices.len());
    let mut previous: Option<(usize, ParagraphKind)> = None;
    for &i in indices {
        let Some(text) = paragraphs.get(i) else {
            continue;
        };
        let kind = kinds.get(i).copied().unwrap_or_default();
        if let Some((p, _)) = previous
            && i != p + 1
        {
            out.push(Block {
                text: GAP,
                style: theme::dim(),
                paragraph: None,
                gap: true,
                head: 0,
            });
        }
        let after_heading = matches!(previous, Some((p, ParagraphKind::Heading)) if p + 1 == i);
        out.push(Block {
            text,
            style: kind_style(kind),
            paragraph: Some(i),
            gap: previous.is_some() && !(after_heading && kind == ParagraphKind::Caption),
            head: hanging_head(text),
        });
        previous = Some((i, kind));
    }
    out
}

/// Marks of profile `p` in paragraph `i` as shown (`para`): its mentions, quotes and
/// figures, as byte ranges (figures after the quotes they stand in, both after mentions;
/// see [`layer`]). Mentions are placed by their offsets; quotes and figures by their text
/// at or near their offset ([`locate_at`]), a figure whose text is not there by its offset
/// and length. One pass over the paragraph for all the
/// offsets ([`char_bytes`]), so the work is linear in the paragraph and the marks.
pub fn highlights(p: &Profile, i: usize, para: &str) -> Vec<(Range<usize>, Style)> {
    let mentions: Vec<_> = p.mentions.iter().filter(|m| m.paragraph == i).collect();
    let quotes: Vec<_> = p.quotes.iter().filter(|q| q.paragraph == i).collect();
    let stats: Vec<_> = p.stats.iter().filter(|s| s.paragraph == i).collect();
    let mut offsets: Vec<usize> =
        Vec::with_capacity(2 * mentions.len() + quotes.len() + stats.len());
    offsets.extend(mentions.iter().flat_map(|m| [m.start, m.end]));
    offsets.extend(quotes.iter().map(|q| q.offset));
    offsets.extend(stats.iter().map(|s| s.offset));
    let bytes = char_bytes(para, &offsets);
    let (mention_bytes, rest) = bytes.split_at(2 * mentions.len());
    let (quote_bytes, stat_bytes) = rest.split_at(quotes.len());
    let mut h: Vec<(Range<usize>, Style)> = Vec::with_capacity(offsets.len());
    for b in mention_bytes.chunks(2) {
        h.push((b[0]..b[1], theme::mention()));
    }
    for (q, &at) in quotes.iter().zip(quote_bytes) {
        let first = q.text.split('\n').next().unwrap_or("");
        if let Some(r) = locate_at(para, first, at) {
            h.push((r, theme::quote()));
        }
    }
    // A figure not converted yet (see `App::ensure_figures`) is not found in a converted
    // paragraph by its text: it is marked by its offset and length in characters then,
    // which a conversion keeps (one more pass for those).
    let mut unfound: Vec<(usize, usize)> = Vec::new();
    for (s, &at) in stats.iter().zip(stat_bytes) {
        match locate_at(para, &s.text, at) {
            Some(r) => h.push((r, theme::figure())),
            None => unfound.push((s.offset, s.offset + s.text.chars().count())),
        }
    }
    if !unfound.is_empty() {
        let ends: Vec<usize> = unfound.iter().flat_map(|&(a, b)| [a, b]).collect();
        for b in char_bytes(para, &ends).chunks(2) {
            h.push((b[0]..b[1], theme::figure()));
        }
    }
    h
}

/// Figures and quotes of every profile in paragraph `i` as shown (`para`), placed by the
/// original's character offsets and lengths ([`crate::tui::app::ParagraphIndex::marks`]),
/// which a conversion keeps: for views that hold the text but not every profile's figures
/// and quotes (the article view). One pass over the paragraph ([`char_bytes`]).
pub fn highlights_at_offsets(app: &App, i: usize, para: &str) -> Vec<(Range<usize>, Style)> {
    let marks = app.index.marks.get(i).map_or(&[][..], Vec::as_slice);
    let offsets: Vec<usize> = marks
        .iter()
        .flat_map(|&(offset, len, _)| [offset, offset + len])
        .collect();
    let bytes = char_bytes(para, &offsets);
    marks
        .iter()
        .zip(bytes.chunks(2))
        .map(|(&(_, _, quote), b)| {
            let style = if quote {
                theme::quote()
            } else {
                theme::figure()
            };
            (b[0]..b[1], style)
        })
        .collect()
}

/// Makes ranges disjoint and sorted: a later range cuts the parts of earlier ones it covers
/// (search over figures over quotes). O(n log n): the ranges are taken from the last, each
/// keeping the parts that no later one covered, and the covered stretches are kept merged
/// in an ordered map.
pub fn layer(ranges: Vec<(Range<usize>, Style)>) -> Vec<(Range<usize>, Style)> {
    use std::collections::BTreeMap;
    // Start → end of the stretches later ranges cover: disjoint, not touching.
    let mut covered: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    for (r, st) in ranges.into_iter().rev() {
        if r.start >= r.end {
            continue;
        }
        let mut touching: Vec<(usize, usize)> = Vec::new();
        if let Some((&s, &e)) = covered.range(..r.start).next_back()
            && e >= r.start
        {
            touching.push((s, e));
        }
        touching.extend(covered.range(r.start..=r.end).map(|(&s, &e)| (s, e)));
        let mut pos = r.start;
        for &(s, e) in &touching {
            if pos < s.min(r.end) {
                out.push((pos..s.min(r.end), st));
            }
            pos = pos.max(e);
        }
        if pos < r.end {
            out.push((pos..r.end, st));
        }
        let (mut lo, mut hi) = (r.start, r.end);
        for (s, e) in touching {
            covered.remove(&s);
            lo = lo.min(s);
            hi = hi.max(e);
        }
        covered.insert(lo, hi);
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Style of a search match.
pub const MATCH: Style = Style::new().add_modifier(Modifier::REVERSED);
/// Style of the current search match and of a jump's target.
pub const CURRENT: Style = Style::new()
    .add_modifier(Modifier::REVERSED)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);

/// Search marks (and the jump target) of the headline (`None`) or paragraph `place`.
pub fn search_highlights(app: &App, place: Option<usize>) -> Vec<(Range<usize>, Style)> {
    app.marks_in(place)
        .into_iter()
        .map(|(r, current)| (r, if current { CURRENT } else { MATCH }))
        .collect()
}

/// Text lines wrapped to `width` columns, with the person's mentions, figures, quotes,
/// search matches and the target of the last jump highlighted.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let article = app.article();
    let profile = app.profile();
    let indices = profile.map(|p| p.paragraphs.as_slice());
    let blocks = blocks(&article.paragraphs, &app.kinds, indices);
    if blocks.is_empty() {
        let none = if profile.is_some() {
            "no paragraphs about this person"
        } else {
            "no text"
        };
        return styled_lines(none, width, &[], theme::dim());
    }
    let mut out = Vec::new();
    for b in blocks {
        if b.gap {
            out.push(Line::default());
        }
        let mut h = match (profile, b.paragraph) {
            (Some(p), Some(i)) => highlights(p, i, b.text),
            _ => Vec::new(),
        };
        if b.paragraph.is_some() {
            h.extend(search_highlights(app, b.paragraph));
        }
        out.extend(styled_hanging(b.text, width, b.head, &layer(h), b.style));
    }
    out
}

/// The wrapped line (at `width` columns) that shows byte `byte` of paragraph `paragraph`
/// in the text pane (the last line when the pane does not show that paragraph).
pub fn line_of(app: &App, width: usize, paragraph: usize, byte: usize) -> usize {
    let mut line = 0;
    let article = app.article();
    let indices = app.profile().map(|p| p.paragraphs.as_slice());
    for b in blocks(&article.paragraphs, &app.kinds, indices) {
        line += usize::from(b.gap);
        let (_, ranges) = hanging_ranges(b.text, width, b.head);
        if b.paragraph == Some(paragraph) {
            return line
                + ranges
                    .iter()
                    .position(|&(_, e)| byte < e)
                    .unwrap_or(ranges.len().saturating_sub(1));
        }
        line += ranges.len();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn layers_cut_earlier_ranges() {
        let a = Style::new().fg(Color::Red);
        let b = Style::new().fg(Color::Blue);
        let c = Style::new().fg(Color::Green);
        let l = layer(vec![(0..10, a), (3..5, b)]);
        assert_eq!(l, vec![(0..3, a), (3..5, b), (5..10, a)]);
        // Two later ranges inside one earlier; one across two earlier; empty ones dropped.
        let l = layer(vec![(0..10, a), (2..4, b), (6..8, c), (9..9, c)]);
        assert_eq!(
            l,
            vec![(0..2, a), (2..4, b), (4..6, a), (6..8, c), (8..10, a)]
        );
        let l = layer(vec![(0..3, a), (5..9, b), (2..6, c)]);
        assert_eq!(l, vec![(0..2, a), (2..6, c), (6..9, b)]);
        // A later range equal to an earlier one replaces it; touching ones stay apart.
        let l = layer(vec![(4..6, a), (4..6, b), (6..7, c)]);
        assert_eq!(l, vec![(4..6, b), (6..7, c)]);
    }
}
