//! The compare view: the selected person's paragraphs (the whole article when it has no
//! profiles) in the original script beside their conversion, paragraph by paragraph, each
//! pair starting on the same row.

use ratatui::style::Style;
use ratatui::text::Line;

use super::text::{Block, blocks};
use crate::Article;
use crate::article::ParagraphKind;
use crate::tui::lines::styled_lines;

/// Lines for the two columns (original, converted), each `width` columns wide, with the
/// paragraphs `indices` (a person's; every paragraph for `None`), whose kinds are `kinds`,
/// aligned: a shorter paragraph is padded with blank lines.
pub fn columns(
    original: &Article,
    converted: &Article,
    kinds: &[ParagraphKind],
    indices: Option<&[usize]>,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (a, b) in blocks(&original.paragraphs, kinds, indices)
        .into_iter()
        .zip(blocks(&converted.paragraphs, kinds, indices))
    {
        let Block {
            text, style, gap, ..
        } = a;
        if gap {
            left.push(Line::default());
            right.push(Line::default());
        }
        let l = styled_lines(text, width, &[], style);
        let r = styled_lines(b.text, width, &[], b.style);
        let n = l.len().max(r.len());
        left.extend(
            l.into_iter()
                .chain(std::iter::repeat_with(|| {
                    Line::styled("", Style::default())
                }))
                .take(n),
        );
        right.extend(
            r.into_iter()
                .chain(std::iter::repeat_with(Line::default))
                .take(n),
        );
    }
    (left, right)
}
