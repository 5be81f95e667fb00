//! The help overlay: every key of the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme;
use crate::text::wrap::display_width;
use crate::tui::keymap::KEYMAP;

/// Draws the help overlay centred in `area`.
pub fn draw(frame: &mut Frame, area: Rect) {
    let label_w = KEYMAP
        .iter()
        .map(|b| display_width(b.label))
        .max()
        .unwrap_or(0);
    let text_w = KEYMAP
        .iter()
        .map(|b| display_width(b.help))
        .max()
        .unwrap_or(0);
    let w = ((label_w + text_w + 5) as u16).min(area.width);
    let h = (KEYMAP.len() as u16 + 4).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let lines: Vec<Line> = KEYMAP
        .iter()
        .map(|b| {
            let pad = " ".repeat(label_w - display_width(b.label) + 2);
            Line::from(vec![
                Span::styled(format!("{}{pad}", b.label), theme::STRONG),
                Span::raw(b.help),
            ])
        })
        .chain([
            Line::default(),
            Line::styled("? or Esc closes this help", theme::DIM),
        ])
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(" Keys ").border_style(theme::FOCUS)),
        popup,
    );
}
