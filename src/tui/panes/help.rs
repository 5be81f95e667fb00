//! The help overlay: every key of the key table, wrapped to the popup and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::{draw_scrolled, theme};
use crate::text::wrap::{display_width, wrap};
use crate::tui::app::App;
use crate::tui::keymap::{KEYMAP, KeyTable, MOUSE_HELP};

/// Width of the keys column: the widest label and two spaces.
fn label_width(rows: &[(String, &str)]) -> usize {
    rows.iter()
        .map(|(label, _)| display_width(label))
        .max()
        .unwrap_or(0)
        + 2
}

/// The rows of the overlay: (keys, what they do), the key table's (as `keys` has them)
/// then the mouse's.
fn rows(keys: &KeyTable) -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .enumerate()
        .map(|(i, b)| (keys.label(i), b.help))
        .chain(std::iter::once((MOUSE_HELP.0.to_string(), MOUSE_HELP.1)))
        .collect()
}

/// Help lines for the key table `keys` at an inner width of `width` columns: the keys in
/// a column, the description wrapped beside them (or under them when the column would
/// leave too little room).
pub fn lines(keys: &KeyTable, width: usize) -> Vec<Line<'static>> {
    let rows = rows(keys);
    let label_w = label_width(&rows);
    // Beside the keys when that leaves the text 24 columns (a 40-column terminal lists
    // the keys above their text).
    let beside = width >= label_w + 24;
    let mut out = Vec::new();
    for (label, help) in rows {
        if beside {
            let pad = " ".repeat(label_w - display_width(&label));
            for (i, l) in wrap(help, width - label_w).into_iter().enumerate() {
                let key = if i == 0 {
                    format!("{label}{pad}")
                } else {
                    " ".repeat(label_w)
                };
                out.push(Line::from(vec![
                    Span::styled(key, theme::strong()),
                    Span::raw(l),
                ]));
            }
        } else {
            out.push(Line::styled(label, theme::strong()));
            for l in wrap(help, width.saturating_sub(2)) {
                out.push(Line::raw(format!("  {l}")));
            }
        }
    }
    out.push(Line::default());
    for l in wrap("j/k scroll this help; ?, q or Esc closes it", width) {
        out.push(Line::styled(l, theme::dim()));
    }
    out
}

/// Draws the help overlay centred in `area`, scrolled by the app's help scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let rows = rows(&app.keys);
    let label_w = label_width(&rows);
    let text_w = rows
        .iter()
        .map(|(_, help)| display_width(help))
        .max()
        .unwrap_or(0);
    let w = ((label_w + text_w + 2) as u16).min(area.width);
    let inner_w = w.saturating_sub(2) as usize;
    let lines = lines(&app.keys, inner_w);
    let h = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    super::clear_cut_wide_chars(frame.buffer_mut(), popup);
    // When the keys do not all fit, the bottom border says where the rest is.
    let visible = h.saturating_sub(2) as usize;
    let max = lines.len().saturating_sub(visible);
    let offset = app.scroll_of_help().offset.get().min(max);
    let more = match (offset > 0, offset < max) {
        (false, true) => " more below: j ",
        (true, true) => " more: j below, k above ",
        (true, false) => " more above: k ",
        (false, false) => "",
    };
    let mut block = Block::bordered()
        .title(" Keys ")
        .border_style(theme::focus());
    if !more.is_empty() {
        block = block.title_bottom(Line::styled(more, theme::dim()).right_aligned());
    }
    draw_scrolled(frame, popup, block, app.scroll_of_help(), &lines);
}
