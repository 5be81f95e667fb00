//! The article view: the whole article from start to end (headline, byline, lead, every
//! section with its number, heading and caption, closing), figures and quotes highlighted.

use std::rc::Rc;

use ratatui::style::Style;
use ratatui::text::Line;

use super::text::{Block, blocks};
use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_lines;

/// [`lines`], wrapped once per script, width and text and kept: the article view of a
/// long compilation wraps the whole document, which must not happen on every frame.
pub fn cached_lines(app: &App, width: usize) -> Rc<(Vec<Line<'static>>, Vec<usize>)> {
    let key = (app.script, width, app.article_gen);
    if let Some((k, l)) = &*app.article_lines.borrow()
        && *k == key
    {
        return Rc::clone(l);
    }
    let l = Rc::new(lines(app, width));
    *app.article_lines.borrow_mut() = Some((key, Rc::clone(&l)));
    l
}

/// The article's lines wrapped to `width` columns, and the line where each profile's
/// section starts.
pub fn lines(app: &App, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let a = app.article();
    let mut out = Vec::new();
    let mut starts = Vec::new();
    let push = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        out.extend(styled_lines(text, width, &[], style));
    };
    push(&mut out, &a.headline, theme::strong());
    if let Some(b) = &a.byline {
        push(&mut out, b, theme::dim());
    }
    for p in &a.lead {
        out.push(Line::default());
        push(&mut out, p, Style::default());
    }
    for (k, p) in a.profiles.iter().enumerate() {
        out.push(Line::default());
        out.push(Line::styled("─".repeat(width.min(40)), theme::dim()));
        starts.push(out.len());
        if let Some(n) = &p.number {
            push(&mut out, n, theme::strong());
        }
        let body = blocks(a, k);
        for Block {
            text,
            style,
            paragraph,
            gap,
        } in body
        {
            if gap {
                out.push(Line::default());
            }
            let h = match paragraph {
                Some(pi) => super::text::layer(super::text::highlights(p, pi)),
                None => Vec::new(),
            };
            out.extend(styled_lines(&text, width, &h, style));
        }
    }
    for p in &a.closing {
        out.push(Line::default());
        push(&mut out, p, Style::default());
    }
    (out, starts)
}
