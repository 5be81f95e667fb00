//! The article view: the whole article from start to end (headline, byline, every
//! paragraph in reading order with its kind's style, then the lines set apart as page
//! chrome), figures, quotes and search matches marked, and a bar beside each paragraph
//! about the selected person.
//!
//! The view is cut into segments: 0 holds the headline and byline, 1 + i paragraph i
//! (a blank line, none between a heading and its caption, then the paragraph), n + 1 the
//! rule over the dropped lines (with their count; alone while `v` hides them), and n + 2 + j
//! dropped line j (a page may set megabytes apart). A segment is
//! wrapped when it first comes on screen and kept for its script, width, text, selected
//! person and marks, so the view of a long compilation costs what is on screen, not the
//! document.

use std::rc::Rc;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{hanging_head, highlights_at_offsets, kind_style, layer, search_highlights};
use super::theme;
use crate::article::ParagraphKind;
use crate::tui::app::App;
use crate::tui::lines::{hanging_ranges, styled_hanging, styled_lines};

/// Columns left of the paragraphs: the selected person's bar and a space (see `margin`).
pub const MARGIN: usize = 2;

/// The bar beside a paragraph about the selected person.
pub const BAR: &str = "┃ ";

/// How many segments the article view has: headline, one per paragraph, the rule over the
/// dropped lines, one per dropped line while they are shown.
pub fn segment_count(app: &App) -> usize {
    let a = app.article();
    let chrome = if app.show_chrome { a.dropped.len() } else { 0 };
    a.paragraphs.len() + 2 + chrome
}

/// The margin left of the paragraphs: [`MARGIN`] columns, none when the article has no
/// profiles (no bar to show; while the analysis runs there may be).
fn margin(app: &App) -> usize {
    if app.people.is_empty() && !app.analysing() {
        0
    } else {
        MARGIN
    }
}

/// Width of the paragraphs' text in a view `width` columns wide.
fn text_width(app: &App, width: usize) -> usize {
    width.saturating_sub(margin(app)).max(1)
}

/// The lines of segment `seg` wrapped to `width` columns (empty past the last segment).
pub fn segment(app: &App, seg: usize, width: usize) -> Vec<Line<'static>> {
    let a = app.article();
    let n = a.paragraphs.len();
    let mut out = Vec::new();
    if seg == 0 {
        let h = layer(search_highlights(app, None));
        out.extend(styled_lines(&a.headline, width, &h, theme::strong()));
        if let Some(b) = &a.byline {
            out.extend(styled_lines(b, width, &[], theme::dim()));
        }
    } else if seg <= n {
        let i = seg - 1;
        let text = &a.paragraphs[i];
        let mut h = highlights_at_offsets(app, i, text);
        h.extend(search_highlights(app, Some(i)));
        let mine = app.index.owners_of(i).contains(&app.selected);
        let (bar, style) = match (mine, margin(app)) {
            (_, 0) => ("", Style::default()),
            (true, _) => (BAR, theme::bar()),
            (false, _) => ("  ", Style::default()),
        };
        // A blank line before each paragraph, but between a heading and its caption.
        let caption = app.kind(i) == ParagraphKind::Caption;
        if !(caption && i > 0 && app.kind(i - 1) == ParagraphKind::Heading) {
            out.push(Line::default());
        }
        let lines = styled_hanging(
            text,
            text_width(app, width),
            hanging_head(text),
            &layer(h),
            kind_style(app.kind(i)),
        );
        for mut line in lines {
            if !bar.is_empty() {
                line.spans.insert(0, Span::styled(bar, style));
            }
            out.push(line);
        }
    } else if seg == n + 1 && !a.dropped.is_empty() {
        out.push(Line::default());
        let rule = if app.show_chrome {
            format!("── set apart as page chrome: {} ──", a.dropped.len())
        } else {
            format!(
                "── set apart as page chrome: {}, hidden (v shows them) ──",
                a.dropped.len()
            )
        };
        out.extend(styled_lines(&rule, width, &[], theme::dim()));
    } else if let Some(d) = (seg.checked_sub(n + 2))
        .and_then(|j| a.dropped.get(j))
        .filter(|_| app.show_chrome)
    {
        out.extend(styled_lines(d, width, &[], theme::dim()));
    }
    out
}

/// [`segment`], wrapped once per script, width, text, selected person and marks, and kept
/// in the app.
pub fn segment_lines(app: &App, seg: usize, width: usize) -> Rc<Vec<Line<'static>>> {
    let key = (
        app.script,
        width,
        app.article_gen,
        app.selected,
        app.marks_gen,
    );
    app.drawn
        .article
        .borrow_mut()
        .get(key, seg, || segment(app, seg, width))
}

/// The line of segment `seg` (at `width` columns) that shows byte `byte` of its text.
fn line_in_segment(app: &App, seg: usize, width: usize, byte: usize) -> usize {
    let a = app.article();
    let (text, w, head) = match seg {
        0 => (a.headline.as_str(), width, 0),
        s => match a.paragraphs.get(s - 1) {
            Some(p) => (p.as_str(), text_width(app, width), hanging_head(p)),
            None => return 0,
        },
    };
    // Lines before the text: the segment's blank line, if it has one.
    let lines = segment_lines(app, seg, width);
    let before = lines.iter().take_while(|l| l.width() == 0).count().min(1);
    let (_, ranges) = hanging_ranges(text, w, head);
    before
        + ranges
            .iter()
            .position(|&(_, e)| byte < e)
            .unwrap_or(ranges.len().saturating_sub(1))
}

/// The last position (segment, line) of a view of `count` segments, the `s`th `len(s)`
/// lines long, that still fills `height` rows: back from the end by one screen (segment 0
/// line 0 when everything fits). Measures only the segments of that last screen.
pub fn last_screen(count: usize, height: usize, len: impl Fn(usize) -> isize) -> (usize, isize) {
    let mut rest = height as isize;
    let mut last = (count.saturating_sub(1), 0);
    for s in (0..count).rev() {
        let l = len(s);
        if l >= rest {
            return (s, l - rest);
        }
        rest -= l;
        last = (s, 0);
    }
    last
}

/// Brings a position (segment, line within it) of a view of `count` segments (at least
/// one), the `s`th `len(s)` lines long, into range for a screen of `height` rows: lines
/// moved past a segment's start or end move into the segments before or after, and the
/// position goes no further down than [`last_screen`]. A segment past the last means the
/// end. Returns the position and [`last_screen`]. Measures only the segments it passes
/// and those of the last screen.
pub fn settle(
    pos: (usize, isize),
    count: usize,
    height: usize,
    len: impl Fn(usize) -> isize,
) -> ((usize, isize), (usize, isize)) {
    let (mut seg, mut line) = pos;
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
    let last = last_screen(count, height, &len);
    ((seg, line).min(last), last)
}

/// Where position `pos` stands in a view whose last position is `last`, as an offset and
/// the largest offset for the position label and the scrollbar ([`super::position_label`]),
/// in segments, a segment counting 100 of its lines: equal at the last position.
pub fn progress(pos: (usize, isize), last: (usize, isize)) -> (usize, usize) {
    let units = |(s, l): (usize, isize)| s * 100 + (l.max(0) as usize).min(99);
    if pos >= last {
        (units(last), units(last))
    } else {
        (units(pos), units(last))
    }
}

/// The lines the article view shows in `height` rows of `width` columns. Takes a pending
/// jump ([`App::article_jump`]: its target a third of the way down), then brings the
/// view's position ([`App::article_pos`]) into range: lines moved past a segment's end,
/// and no further down than the last full screen. Only the segments on screen, and at the
/// end of the article those of the last screen, are wrapped. Records the segments shown
/// ([`App::article_shown`]).
pub fn visible(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    app.article_scroll.height.set(height);
    app.article_scroll.width.set(width);
    let count = segment_count(app);
    if let Some((seg, byte)) = app.article_jump.take() {
        let line = line_in_segment(app, seg, width, byte) as isize;
        app.article_pos.set((seg, line - (height / 3) as isize));
    }
    let len = |seg: usize| segment_lines(app, seg, width).len() as isize;
    let ((seg, line), last) = settle(app.article_pos.get(), count, height, len);
    app.article_pos.set((seg, line));
    app.article_progress.set(progress((seg, line), last));
    let mut out = Vec::with_capacity(height);
    let mut skip = line.max(0) as usize;
    let mut end = seg;
    for s in seg..count {
        if out.len() >= height {
            break;
        }
        let lines = segment_lines(app, s, width);
        out.extend(lines.iter().skip(skip).take(height - out.len()).cloned());
        skip = 0;
        end = s;
    }
    app.article_shown.set((seg, end));
    out
}
