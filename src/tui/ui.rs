//! Drawing a frame from [`App`] state: the layout by terminal size, then the panes.
//!
//! - Wide (at least [`WIDE`] columns): people | info, figures, quotes | text.
//! - Medium: people | info and one of figures/quotes/text under a tab bar.
//! - Narrow (below [`MEDIUM`] columns): one pane at a time under a tab bar, the person's
//!   name in the pane's title.
//! - Below [`MIN_WIDTH`]x[`MIN_HEIGHT`]: a short "terminal too small" notice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Tabs};

use super::app::{App, Pane, Target, ViewKind};
use super::panes::{
    self, cached, cached_list, draw_scrolled_selected, inner_width, pane_block, theme,
};
use crate::text::wrap::{display_width, truncate, wrap};

/// Smallest terminal, in columns, that shows panes.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal, in rows, that shows panes.
pub const MIN_HEIGHT: u16 = 10;
/// From this many columns on, three columns side by side.
pub const WIDE: u16 = 120;
/// From this many columns on, the people list stays beside the details.
pub const MEDIUM: u16 = 80;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    app.regions.borrow_mut().clear();
    app.too_small
        .set(area.width < MIN_WIDTH || area.height < MIN_HEIGHT);
    if app.too_small.get() {
        draw_too_small(frame, area);
        return;
    }
    let [top, main, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_headline(frame, top, app);
    app.text_visible.set(area.width >= WIDE);
    // The compare view's size, known before it is first drawn: opening it converts what
    // it will show ([`App::ensure_on_screen`]).
    let [left, right] = compare_columns(main);
    app.compare_scroll
        .height
        .set(left.height.saturating_sub(2) as usize);
    app.compare_scroll
        .width
        .set(inner_width(left).min(inner_width(right)));
    if app.view == ViewKind::Article {
        draw_article(frame, main, app);
    } else if app.view == ViewKind::Compare {
        draw_compare(frame, main, app);
    } else if area.width >= WIDE {
        draw_wide(frame, main, app);
    } else if area.width >= MEDIUM {
        draw_medium(frame, main, app);
    } else {
        draw_narrow(frame, main, app);
    }
    panes::status::draw(frame, bottom, app);
    if app.help {
        panes::help::draw(frame, main, app);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let msg = format!("Terminal too small: needs {MIN_WIDTH}x{MIN_HEIGHT}. q quits.");
    let lines: Vec<Line> = wrap(&msg, area.width as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The headline and byline on one line; a headline too long for it ends with …, and the
/// byline shows in what room is left.
fn draw_headline(frame: &mut Frame, area: Rect, app: &App) {
    let a = app.article();
    let width = area.width as usize;
    let headline = truncate(&a.headline, width);
    let room = width.saturating_sub(display_width(&headline));
    let mut spans = vec![Span::styled(headline.into_owned(), theme::strong())];
    if let Some(b) = &a.byline
        && room > 4
    {
        let byline = truncate(b, room - 2);
        spans.push(Span::styled(format!("  {byline}"), theme::dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_list_pane(frame: &mut Frame, area: Rect, app: &App, pane: Pane, narrow: bool) {
    let w = inner_width(area);
    let n = match (pane, app.profile()) {
        (Pane::Figures, Some(p)) => format!(" {}", p.stats.len()),
        (Pane::Quotes, Some(p)) => format!(" {}", p.quotes.len()),
        _ => String::new(),
    };
    let title = match (narrow, app.profile()) {
        (true, Some(p)) => format!("{}{n} · {}", pane.title(), p.name),
        _ => format!("{}{n}", pane.title()),
    };
    let block = pane_block(app, pane, title);
    app.regions.borrow_mut().push((Target::Pane(pane), area));
    let scroll = app.scroll_of(pane);
    match pane {
        Pane::Figures | Pane::Quotes => {
            let which = usize::from(pane == Pane::Quotes);
            let items = cached_list(app, pane, w as u16, || {
                if pane == Pane::Figures {
                    panes::figures::items(app, w)
                } else {
                    panes::quotes::items(app, w)
                }
            });
            let selected = app.items[which].min(items.len().saturating_sub(1));
            let sel_range = items.range(selected);
            // Keep the selected item in view while the pane has focus.
            let h = area.height.saturating_sub(2) as usize;
            let off = scroll.offset.get();
            if app.focus != pane {
            } else if sel_range.start < off {
                scroll.offset.set(sel_range.start);
            } else if h > 0 && sel_range.end > off + h {
                scroll
                    .offset
                    .set(sel_range.end.saturating_sub(h).min(sel_range.start));
            }
            if pane == Pane::Figures {
                let off = scroll.offset.get();
                let first = items
                    .starts
                    .partition_point(|&s| s <= off)
                    .saturating_sub(1);
                app.figures_shown.set(first);
            }
            let focused = (app.focus == pane).then(|| (sel_range, theme::selected()));
            draw_scrolled_selected(frame, area, block, scroll, &items.lines, focused);
        }
        _ => {
            let lines = cached(app, pane, w as u16, || panes::text::lines(app, w));
            if let Some((paragraph, byte)) = app.pending_jump.take() {
                // Put the jump target a third of the way down the pane.
                let line = panes::text::line_of(app, w, paragraph, byte);
                let h = area.height.saturating_sub(2) as usize;
                scroll.offset.set(line.saturating_sub(h / 3));
            }
            panes::draw_scrolled_with_position(frame, area, block, scroll, &lines);
        }
    }
}

/// The "Who" box's lines for a box `width` columns wide, and its height (at most `max`).
fn info_box(app: &App, width: u16, max: u16) -> (Vec<Line<'static>>, u16) {
    let lines = panes::info::lines(app, width.saturating_sub(2) as usize);
    let height = (lines.len() as u16 + 2).min(max);
    (lines, height)
}

fn draw_info(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title("Who")),
        area,
    );
}

fn people_width(total: u16) -> u16 {
    (total / 5).clamp(18, 28)
}

fn draw_wide(frame: &mut Frame, area: Rect, app: &App) {
    let [list, details, text] = Layout::horizontal([
        Constraint::Length(people_width(area.width)),
        Constraint::Percentage(38),
        Constraint::Fill(1),
    ])
    .areas(area);
    panes::people::draw(frame, list, app);
    let (who, ih) = info_box(app, details.width, details.height / 3);
    let [info, figs, quotes] = Layout::vertical([
        Constraint::Length(ih),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(details);
    draw_info(frame, info, who);
    draw_list_pane(frame, figs, app, Pane::Figures, false);
    draw_list_pane(frame, quotes, app, Pane::Quotes, false);
    draw_list_pane(frame, text, app, Pane::Text, false);
}

fn tab_bar(frame: &mut Frame, area: Rect, panes: &[Pane], current: Pane, app: &App) {
    let titles: Vec<&str> = panes.iter().map(|p| p.title()).collect();
    // Where each title lands (ratatui's Tabs: one space each side, a divider between).
    let mut x = area.x;
    for (p, t) in panes.iter().zip(&titles) {
        let w = t.len() as u16 + 2;
        let r = Rect {
            x,
            y: area.y,
            width: w.min(area.right().saturating_sub(x)),
            height: 1,
        };
        app.regions.borrow_mut().push((Target::Tab(*p), r));
        x = x.saturating_add(w + 1);
    }
    let sel = panes.iter().position(|&p| p == current);
    frame.render_widget(
        Tabs::new(titles)
            .select(sel)
            .highlight_style(theme::focus()),
        area,
    );
}

fn draw_medium(frame: &mut Frame, area: Rect, app: &App) {
    let [list, right] = Layout::horizontal([
        Constraint::Length(people_width(area.width)),
        Constraint::Fill(1),
    ])
    .areas(area);
    panes::people::draw(frame, list, app);
    let (who, ih) = info_box(app, right.width, right.height / 3);
    let [info, tabs, detail] = Layout::vertical([
        Constraint::Length(ih),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(right);
    draw_info(frame, info, who);
    let details = [Pane::Text, Pane::Figures, Pane::Quotes];
    tab_bar(frame, tabs, &details, app.detail_tab, app);
    draw_list_pane(frame, detail, app, app.detail_tab, false);
}

fn draw_narrow(frame: &mut Frame, area: Rect, app: &App) {
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    tab_bar(frame, tabs, &app.pane_order(), app.focus, app);
    if app.focus == Pane::People {
        panes::people::draw(frame, body, app);
        return;
    }
    draw_list_pane(frame, body, app, app.focus, true);
}

fn draw_article(frame: &mut Frame, area: Rect, app: &App) {
    let title = if app.people.is_empty() {
        " Article "
    } else {
        " Article (a: back to profiles) "
    };
    let block = Block::bordered().title(title).border_style(theme::focus());
    let mut inner = block.inner(area);
    // A readable column, centred on a wide screen.
    let width = inner_width(area).min(app.max_width.max(20));
    inner.x += (inner.width - width as u16) / 2;
    inner.width = width as u16;
    let lines = panes::article::visible(app, width, inner.height as usize);
    let (offset, max) = app.article_progress.get();
    let block = match panes::position_label(offset, max) {
        Some(l) => block.title_bottom(Line::from(format!(" {l} ")).right_aligned()),
        None => block,
    };
    frame.render_widget(block, area);
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), inner);
    panes::draw_scrollbar(frame, area, offset, max);
}

/// The compare view's two columns in `area`.
fn compare_columns(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(area)
}

fn draw_compare(frame: &mut Frame, area: Rect, app: &App) {
    let [left, right] = compare_columns(area);
    let w = inner_width(left).min(inner_width(right));
    let h = left.height.saturating_sub(2) as usize;
    let (l, r) = panes::compare::visible(app, w, h);
    let source = app.original.source();
    let left_title = format!(
        " Original · {} ",
        crate::convert::script_name(source.0, source.1)
    );
    let right_title = format!(" {} (c: back) ", app.script.label(source));
    // Both columns scroll together; where they stand shows under the right one.
    let (offset, max) = app.compare_progress.get();
    let right_block = Block::bordered()
        .title(right_title)
        .border_style(theme::focus());
    let right_block = match panes::position_label(offset, max) {
        Some(label) => right_block.title_bottom(Line::from(format!(" {label} ")).right_aligned()),
        None => right_block,
    };
    for (area, block, lines) in [
        (left, Block::bordered().title(left_title), l),
        (right, right_block, r),
    ] {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new(lines), inner);
    }
    panes::draw_scrollbar(frame, right, offset, max);
}
