//! The article view: the whole article from start to end (headline, byline, lead, every
//! section with its number, heading and caption, closing), figures and quotes highlighted.
//!
//! The view is cut into segments: 0 holds the headline, byline and lead, 1 + k the section
//! of profile k, and the last one the closing. A segment is wrapped when it first comes on
//! screen and kept for its script, width and text, so the view of a long compilation costs
//! what is on screen, not the document.

use std::rc::Rc;

use ratatui::style::Style;
use ratatui::text::Line;

use super::text::{Block, blocks};
use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_lines;

/// The line within its segment where a profile's section starts (after the blank line and
/// the rule that open it).
pub const SECTION_START: isize = 2;

/// How many segments the article view has: headline and lead, one per profile, closing.
pub fn segment_count(app: &App) -> usize {
    app.article().profiles.len() + 2
}

/// The lines of segment `seg` wrapped to `width` columns (empty past the last segment).
pub fn segment(app: &App, seg: usize, width: usize) -> Vec<Line<'static>> {
    let a = app.article();
    let mut out = Vec::new();
    let push = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        out.extend(styled_lines(text, width, &[], style));
    };
    let n = a.profiles.len();
    if seg == 0 {
        push(&mut out, &a.headline, theme::strong());
        if let Some(b) = &a.byline {
            push(&mut out, b, theme::dim());
        }
        for p in &a.lead {
            out.push(Line::default());
            push(&mut out, p, Style::default());
        }
    } else if seg <= n {
        let k = seg - 1;
        let p = &a.profiles[k];
        // A conversion may hold this profile's text without its figures and quotes: then
        // the original's mark the text, by offset.
        let original = &app.original.profiles[k];
        let whole =
            p.stats.len() == original.stats.len() && p.quotes.len() == original.quotes.len();
        out.push(Line::default());
        out.push(Line::styled("─".repeat(width.min(40)), theme::dim()));
        if let Some(n) = &p.number {
            push(&mut out, n, theme::strong());
        }
        for Block {
            text,
            style,
            paragraph,
            gap,
        } in blocks(a, k)
        {
            if gap {
                out.push(Line::default());
            }
            let h = match paragraph {
                Some(pi) if whole => super::text::layer(super::text::highlights(p, pi)),
                Some(pi) => {
                    super::text::layer(super::text::highlights_at_offsets(original, &text, pi))
                }
                None => Vec::new(),
            };
            out.extend(styled_lines(&text, width, &h, style));
        }
    } else if seg == n + 1 {
        for p in &a.closing {
            out.push(Line::default());
            push(&mut out, p, Style::default());
        }
    }
    out
}

/// [`segment`], wrapped once per script, width and text and kept in the app.
pub fn segment_lines(app: &App, seg: usize, width: usize) -> Rc<Vec<Line<'static>>> {
    let key = (app.script, width, app.article_gen);
    let mut cache = app.article_lines.borrow_mut();
    if cache.key != Some(key) {
        cache.key = Some(key);
        cache.lines.clear();
    }
    Rc::clone(
        cache
            .lines
            .entry(seg)
            .or_insert_with(|| Rc::new(segment(app, seg, width))),
    )
}

/// The lines the article view shows in `height` rows of `width` columns. Brings the
/// view's position ([`App::article_pos`]) into range first: lines moved past a segment's
/// end, and no further down than the last full screen. Only the segments on screen, and at the end of the article those
/// of the last screen, are wrapped.
pub fn visible(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    app.article_scroll.height.set(height);
    let count = segment_count(app);
    let len = |seg: usize| segment_lines(app, seg, width).len() as isize;
    let (mut seg, mut line) = app.article_pos.get();
    if seg >= count {
        (seg, line) = (count - 1, isize::MAX);
    }
    while line < 0 && seg > 0 {
        seg -= 1;
        line += len(seg);
    }
    line = line.max(0);
    while seg + 1 < count && line >= len(seg) {
        line -= len(seg);
        seg += 1;
    }
    // The last position that still fills the screen: back from the end by one screen.
    let mut rest = height as isize;
    let mut last = (count - 1, 0);
    for s in (0..count).rev() {
        let l = len(s);
        if l >= rest {
            last = (s, l - rest);
            break;
        }
        rest -= l;
        last = (s, 0);
    }
    if (seg, line) > last {
        (seg, line) = last;
    }
    app.article_pos.set((seg, line));
    let mut out = Vec::with_capacity(height);
    let mut skip = line as usize;
    for s in seg..count {
        let lines = segment_lines(app, s, width);
        out.extend(lines.iter().skip(skip).take(height - out.len()).cloned());
        skip = 0;
        if out.len() >= height {
            break;
        }
    }
    out
}
