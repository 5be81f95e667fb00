//! The selected person's quotes, each in quotation marks.

use ratatui::text::Line;

use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_hanging;

/// Quote items wrapped to `width` columns, one list of lines per quote, its wrapped lines
/// under the text after the opening quotation mark, a blank line after each but the last. One item saying so, and what to press, when there are none ([`super::empty_item`]).
pub fn items(app: &App, width: usize) -> Vec<Vec<Line<'static>>> {
    let Some(p) = app.profile() else {
        return Vec::new();
    };
    if p.quotes.is_empty() {
        return vec![super::empty_item("quotes", &p.name, width)];
    }
    let n = p.quotes.len();
    p.quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let text = format!("“{}”", q.text);
            let mut lines = styled_hanging(
                &text,
                width,
                "“".len(),
                &super::search_marks(app, &text),
                theme::quote(),
            );
            if i + 1 < n {
                lines.push(Line::default());
            }
            lines
        })
        .collect()
}
