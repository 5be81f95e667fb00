//! The selected person's quotes, each in quotation marks, a blank line between.

use ratatui::text::Line;

use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_lines;

/// Quote lines wrapped to `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(p) = app.profile() else {
        return Vec::new();
    };
    if p.quotes.is_empty() {
        return styled_lines("no quotes", width, &[], theme::DIM);
    }
    let mut out = Vec::new();
    for (i, q) in p.quotes.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.extend(styled_lines(
            &format!("“{}”", q.text),
            width,
            &[],
            theme::QUOTE,
        ));
    }
    out
}
