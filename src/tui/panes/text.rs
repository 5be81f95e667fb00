//! The full text of the selected person's section (or of the whole article when it has no
//! profiles), with figures, quotes and search matches highlighted.
//!
//! The pane shows a list of [`Block`]s: the heading, the caption (role and name), then the
//! paragraphs, a blank line before each paragraph. Search matches and jumps address a block
//! and a byte range in its text.

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::theme;
use crate::text::wrap::wrap_ranges;
use crate::tui::app::App;
use crate::tui::lines::{locate, styled_lines};
use crate::{Article, Profile};

/// One block of the text pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block's text.
    pub text: String,
    /// Its base style.
    pub style: Style,
    /// For a profile paragraph, its index in the profile's `paragraphs`.
    pub paragraph: Option<usize>,
    /// Whether a blank line goes before it.
    pub gap: bool,
}

/// The blocks of the text pane for profile `selected` of `article` (heading, caption as
/// written when the section has one, paragraphs), or for the whole text (lead and closing) when it has no profiles.
pub fn blocks(article: &Article, selected: usize) -> Vec<Block> {
    let block = |text: &str, style, paragraph, gap| Block {
        text: text.to_string(),
        style,
        paragraph,
        gap,
    };
    let Some(p) = article.profiles.get(selected) else {
        return article
            .lead
            .iter()
            .chain(&article.closing)
            .enumerate()
            .map(|(i, t)| block(t, Style::default(), None, i > 0))
            .collect();
    };
    let mut out = Vec::new();
    if let Some(h) = &p.heading {
        out.push(block(h, theme::strong(), None, false));
    }
    if let Some(c) = &p.caption {
        out.push(block(c, theme::dim(), None, false));
    }
    for (i, para) in p.paragraphs.iter().enumerate() {
        out.push(block(para, Style::default(), Some(i), true));
    }
    out
}

/// Index of the block that holds paragraph `paragraph` of profile `p`.
pub fn paragraph_block(p: &Profile, paragraph: usize) -> usize {
    usize::from(p.heading.is_some()) + usize::from(p.caption.is_some()) + paragraph
}

/// Highlights in paragraph `pi` of `p`: quotes and figures, as byte ranges (figures after
/// the quotes they stand in; see `layer`).
pub fn highlights(p: &Profile, pi: usize) -> Vec<(Range<usize>, Style)> {
    let para = &p.paragraphs[pi];
    let mut h: Vec<(Range<usize>, Style)> = Vec::new();
    for q in p.quotes.iter().filter(|q| q.paragraph == pi) {
        let first = q.text.split('\n').next().unwrap_or("");
        if let Some(r) = locate(para, first, q.offset) {
            h.push((r, theme::quote()));
        }
    }
    for s in p.stats.iter().filter(|s| s.paragraph == pi) {
        if let Some(r) = locate(para, &s.text, s.offset) {
            h.push((r, theme::figure()));
        }
    }
    h
}

/// Highlights for paragraph `pi` as shown (`para`), from the figures and quotes of the
/// same profile in another script (`from`, the original): placed by their character
/// offsets and lengths, which a conversion keeps. For views that hold a profile's text
/// but not its figures and quotes (see [`crate::tui::App::article`]).
pub fn highlights_at_offsets(from: &Profile, para: &str, pi: usize) -> Vec<(Range<usize>, Style)> {
    let byte = |c: usize| para.char_indices().nth(c).map_or(para.len(), |(b, _)| b);
    let range = |offset: usize, text: &str| byte(offset)..byte(offset + text.chars().count());
    let mut h: Vec<(Range<usize>, Style)> = Vec::new();
    for q in from.quotes.iter().filter(|q| q.paragraph == pi) {
        let first = q.text.split('\n').next().unwrap_or("");
        h.push((range(q.offset, first), theme::quote()));
    }
    for s in from.stats.iter().filter(|s| s.paragraph == pi) {
        h.push((range(s.offset, &s.text), theme::figure()));
    }
    h
}

/// Makes ranges disjoint and sorted: a later range cuts the parts of earlier ones it covers
/// (search over figures over quotes).
pub fn layer(ranges: Vec<(Range<usize>, Style)>) -> Vec<(Range<usize>, Style)> {
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    for (r, st) in ranges {
        if r.start >= r.end {
            continue;
        }
        let mut kept = Vec::new();
        for (o, ost) in out.drain(..) {
            if o.end <= r.start || o.start >= r.end {
                kept.push((o, ost));
                continue;
            }
            if o.start < r.start {
                kept.push((o.start..r.start, ost));
            }
            if o.end > r.end {
                kept.push((r.end..o.end, ost));
            }
        }
        kept.push((r, st));
        out = kept;
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Style of a search match, and of the current one.
const MATCH: Style = Style::new().add_modifier(Modifier::REVERSED);
const CURRENT: Style = Style::new()
    .add_modifier(Modifier::REVERSED)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);

/// Text lines wrapped to `width` columns, with figures, quotes, search matches and the
/// target of the last jump highlighted.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let article = app.article();
    let profile = app.profile();
    let mut out = Vec::new();
    for (bi, b) in blocks(article, app.selected).iter().enumerate() {
        if b.gap {
            out.push(Line::default());
        }
        let mut h = match (profile, b.paragraph) {
            (Some(p), Some(pi)) => highlights(p, pi),
            _ => Vec::new(),
        };
        h.extend(
            app.marks_in(bi)
                .into_iter()
                .map(|(r, current)| (r, if current { CURRENT } else { MATCH })),
        );
        out.extend(styled_lines(&b.text, width, &layer(h), b.style));
    }
    out
}

/// The wrapped line (at `width` columns) that shows byte `byte` of block `block`.
pub fn line_of(app: &App, width: usize, block: usize, byte: usize) -> usize {
    let mut line = 0;
    for (bi, b) in blocks(app.article(), app.selected).iter().enumerate() {
        line += usize::from(b.gap);
        let ranges = wrap_ranges(&b.text, width);
        if bi == block {
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
        let l = layer(vec![(0..10, a), (3..5, b)]);
        assert_eq!(l, vec![(0..3, a), (3..5, b), (5..10, a)]);
    }
}
