//! The panes, one widget per file. Each builds its lines from [`App`] state and draws them;
//! none changes state except the scroll bounds it measures.

pub mod article;
pub mod compare;
pub mod figures;
pub mod help;
pub mod info;
pub mod people;
pub mod quotes;
pub mod status;
pub mod text;

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Pane, Scroll};
pub use super::cache::ListLines;

/// Styles. The default theme uses bold, reverse and two accent colours (yellow, cyan) that
/// read on dark and light backgrounds; the monochrome theme uses only bold, underline,
/// italic, dim and reverse. Monochrome is chosen with `--theme mono` or by the `NO_COLOR`
/// environment variable (no-color.org), once at start ([`theme::set_monochrome`]).
pub mod theme {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    static MONO: AtomicBool = AtomicBool::new(false);

    /// Chooses the monochrome theme (for the whole process).
    pub fn set_monochrome(mono: bool) {
        MONO.store(mono, Ordering::Relaxed);
    }

    fn mono() -> bool {
        MONO.load(Ordering::Relaxed)
    }

    /// Figures, in lists and in the text.
    pub fn figure() -> Style {
        if mono() {
            Style::new()
                .add_modifier(Modifier::BOLD)
                .add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        }
    }
    /// Quotes in the text.
    pub fn quote() -> Style {
        if mono() {
            Style::new().add_modifier(Modifier::ITALIC)
        } else {
            Style::new().fg(Color::Cyan)
        }
    }
    /// Where the text names the selected person.
    pub fn mention() -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
    /// The bar beside the selected person's paragraphs in the article view.
    pub fn bar() -> Style {
        focus()
    }
    /// Names and headings.
    pub fn strong() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    /// Secondary text (roles, contexts).
    pub fn dim() -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    /// The selected row and the status bar.
    pub fn selected() -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Characters a conversion changed, in the compare view.
    pub fn changed() -> Style {
        if mono() {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().fg(Color::Magenta)
        }
    }
    /// Border of the focused pane.
    pub fn focus() -> Style {
        if mono() {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        }
    }
}

/// A bordered block titled with the pane's name, highlighted when focused.
pub fn pane_block(app: &App, pane: Pane, title: String) -> Block<'static> {
    let b = Block::bordered().title(title);
    if app.focus == pane {
        b.border_style(theme::focus()).title_style(theme::focus())
    } else {
        b
    }
}

/// Draws `lines` (already wrapped to the inner width) in `area` inside `block`, scrolled by
/// `scroll`'s offset, which is clamped; records the visible height and largest offset for
/// [`App::update`].
pub fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    block: Block<'static>,
    scroll: &Scroll,
    lines: &[Line<'static>],
) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let h = inner.height as usize;
    let max = lines.len().saturating_sub(h);
    scroll.max.set(max);
    scroll.height.set(h);
    let offset = scroll.offset.get().min(max);
    scroll.offset.set(offset);
    let visible: Vec<Line<'static>> = lines.iter().skip(offset).take(h).cloned().collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// Where a view scrolled to `offset` of `max` stands, as less and vim say it: `Top`,
/// `End`, or a percentage of the way (`42%`); `None` when everything fits.
pub fn position_label(offset: usize, max: usize) -> Option<String> {
    match (offset, max) {
        (_, 0) => None,
        (0, _) => Some("Top".into()),
        (o, m) if o >= m => Some("End".into()),
        (o, m) => Some(format!("{}%", o * 100 / m)),
    }
}

/// [`draw_scrolled`] with where the view stands: [`position_label`] at the right of the
/// bottom border, and a scrollbar over the right border.
pub fn draw_scrolled_with_position(
    frame: &mut Frame,
    area: Rect,
    block: Block<'static>,
    scroll: &Scroll,
    lines: &[Line<'static>],
) {
    let h = block.inner(area).height as usize;
    let max = lines.len().saturating_sub(h);
    let offset = scroll.offset.get().min(max);
    let block = match position_label(offset, max) {
        Some(l) => block.title_bottom(Line::from(format!(" {l} ")).right_aligned()),
        None => block,
    };
    draw_scrolled(frame, area, block, scroll, lines);
    draw_scrollbar(frame, area, offset, max);
}

/// A scrollbar over the right border of `area` for a view at `offset` of `max` (none
/// when everything fits or the border is too short for one).
pub fn draw_scrollbar(frame: &mut Frame, area: Rect, offset: usize, max: usize) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
    if max == 0 || area.height < 5 {
        return;
    }
    let mut state = ScrollbarState::new(max + 1).position(offset);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(None);
    let inner = area.inner(ratatui::layout::Margin {
        horizontal: 0,
        vertical: 1,
    });
    frame.render_stateful_widget(bar, inner, &mut state);
}

/// Lines for `pane` at inner `width`, from the app's wrap cache or built by `build`. The
/// cache keeps only lines drawn with the current marks.
pub fn cached(
    app: &App,
    pane: Pane,
    width: u16,
    build: impl FnOnce() -> Vec<Line<'static>>,
) -> Rc<Vec<Line<'static>>> {
    let key = (pane.index(), app.script, app.selected, width, app.marks_gen);
    if let Some(l) = app.drawn.wrap.borrow().get(&key) {
        return Rc::clone(l);
    }
    let lines = Rc::new(build());
    let mut cache = app.drawn.wrap.borrow_mut();
    // Lines drawn with older marks (a previous search or jump) are never shown again.
    cache.retain(|k, _| k.4 == app.marks_gen);
    cache.insert(key, Rc::clone(&lines));
    lines
}

/// The items of list pane `pane` at inner `width`, from the app's list cache or built by
/// `build` (wrapping every item: once per person, script, width, marks and figures
/// converted ([`App::items_gen`]), not per frame).
pub fn cached_list(
    app: &App,
    pane: Pane,
    width: u16,
    build: impl FnOnce() -> Vec<Vec<Line<'static>>>,
) -> Rc<ListLines> {
    // The figures converted matter only in a conversion (the original's are as they are):
    // 0 for the original, whose lines stay cached while more figures are converted.
    let items = if app.shows_conversion() {
        app.items_gen + 1
    } else {
        0
    };
    let key = (
        (pane.index(), app.script, app.selected, width, app.marks_gen),
        items,
    );
    if let Some(l) = app.drawn.list.borrow().get(&key) {
        return Rc::clone(l);
    }
    let lines = Rc::new(ListLines::new(build()));
    let mut cache = app.drawn.list.borrow_mut();
    cache.retain(|k, _| k.0.4 == app.marks_gen && (k.1 == 0 || k.1 == app.items_gen + 1));
    cache.insert(key, Rc::clone(&lines));
    lines
}

/// Like [`draw_scrolled`], with the lines `selected` (if any) patched with `style`: only
/// the lines on screen are copied and styled.
pub fn draw_scrolled_selected(
    frame: &mut Frame,
    area: Rect,
    block: Block<'static>,
    scroll: &Scroll,
    lines: &[Line<'static>],
    selected: Option<(std::ops::Range<usize>, Style)>,
) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let h = inner.height as usize;
    let max = lines.len().saturating_sub(h);
    scroll.max.set(max);
    scroll.height.set(h);
    let offset = scroll.offset.get().min(max);
    scroll.offset.set(offset);
    let visible: Vec<Line<'static>> = lines
        .iter()
        .enumerate()
        .skip(offset)
        .take(h)
        .map(|(i, l)| match &selected {
            Some((r, style)) if r.contains(&i) => l.clone().patch_style(*style),
            _ => l.clone(),
        })
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// Inner width of a bordered pane in `area`.
pub fn inner_width(area: Rect) -> usize {
    area.width.saturating_sub(2) as usize
}

/// Blanks the wide characters just left of `area` whose right half `area` now covers (a
/// popup over CJK text), so no half character is drawn and the popup's border stays whole.
pub fn clear_cut_wide_chars(buf: &mut ratatui::buffer::Buffer, area: Rect) {
    if area.x == 0 || area.x <= buf.area.x {
        return;
    }
    for y in area.top()..area.bottom().min(buf.area.bottom()) {
        let cell = &mut buf[(area.x - 1, y)];
        if crate::text::wrap::display_width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Search matches in a list item's `text` (figures, quotes), reversed, for the last search.
pub fn search_marks(app: &App, text: &str) -> Vec<(std::ops::Range<usize>, Style)> {
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    app.search.as_ref().map_or_else(Vec::new, |s| {
        s.ranges_in(text)
            .into_iter()
            .map(|r| (r, reversed))
            .collect()
    })
}

/// The one item of an empty figures or quotes pane: what is missing, for whom, and what
/// to press instead, wrapped to `width` columns, dim.
pub fn empty_item(what: &str, name: &str, width: usize) -> Vec<Line<'static>> {
    let text = format!("No {what} found for {name}. Tab: next pane · a: the whole article");
    crate::tui::lines::styled_lines(&text, width, &[], theme::dim())
}
