//! The full text of the selected person's section (or of the whole article when it has no
//! profiles), with figures and quotes highlighted.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Line;

use super::theme;
use crate::Profile;
use crate::tui::app::App;
use crate::tui::lines::{locate, styled_lines};

/// Highlights in paragraph `pi` of `p`: quotes and figures, as sorted, disjoint byte ranges.
fn highlights(p: &Profile, pi: usize) -> Vec<(Range<usize>, Style)> {
    let para = &p.paragraphs[pi];
    let mut h: Vec<(Range<usize>, Style)> = Vec::new();
    for q in p.quotes.iter().filter(|q| q.paragraph == pi) {
        let first = q.text.split('\n').next().unwrap_or("");
        if let Some(r) = locate(para, first, q.offset) {
            h.push((r, theme::QUOTE));
        }
    }
    for s in p.stats.iter().filter(|s| s.paragraph == pi) {
        if let Some(r) = locate(para, &s.text, s.offset) {
            // A figure inside a quote splits the quote's range.
            if let Some(k) = h
                .iter()
                .position(|(q, _)| q.start <= r.start && r.end <= q.end)
            {
                let (q, st) = h.remove(k);
                h.push((q.start..r.start, st));
                h.push((r.end..q.end, st));
            }
            h.push((r, theme::FIGURE));
        }
    }
    h.retain(|(r, _)| r.start < r.end);
    h.sort_by_key(|(r, _)| r.start);
    // Drop overlaps (two figures found at the same place after conversion).
    let mut end = 0;
    h.retain(|(r, _)| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    h
}

/// Text lines wrapped to `width` columns: heading, caption, then paragraphs separated by a
/// blank line.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let article = app.article();
    let mut out = Vec::new();
    let Some(p) = app.profile() else {
        for (i, para) in article.lead.iter().chain(&article.closing).enumerate() {
            if i > 0 {
                out.push(Line::default());
            }
            out.extend(styled_lines(para, width, &[], Style::default()));
        }
        return out;
    };
    if let Some(h) = &p.heading {
        out.extend(styled_lines(h, width, &[], theme::STRONG));
    }
    let caption = match &p.role {
        Some(r) => format!("{r}{}", p.name),
        None => p.name.clone(),
    };
    out.extend(styled_lines(&caption, width, &[], theme::DIM));
    for (pi, para) in p.paragraphs.iter().enumerate() {
        out.push(Line::default());
        out.extend(styled_lines(
            para,
            width,
            &highlights(p, pi),
            Style::default(),
        ));
    }
    out
}
