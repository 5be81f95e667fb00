//! The status bar: person i/N, script, messages, key hints from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::tui::app::App;
use crate::tui::keymap::hints;

/// Draws the one-line status bar.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let article = app.article();
    let n = article.profiles.len();
    let mut left = match app.profile() {
        Some(p) => format!(
            " {}/{} {} │ {}",
            app.selected + 1,
            n,
            p.name,
            app.script.label(app.original.script)
        ),
        None => format!(
            " no profiles found │ {}",
            app.script.label(app.original.script)
        ),
    };
    if let Some(m) = &app.message {
        left.push_str(&format!(" │ {m}"));
    } else if app.replaced > 0 {
        left.push_str(&format!(
            " │ {} invalid byte sequences replaced",
            app.replaced
        ));
    }
    let hint: Vec<String> = hints().map(|(k, h)| format!("{k} {h}")).collect();
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" │ "),
        Span::styled(hint.join("  "), theme::DIM),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme::SELECTED), area);
}
