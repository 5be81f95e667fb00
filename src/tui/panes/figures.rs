//! The selected person's figures: each as written, then the clause it stands in.

use ratatui::text::Line;

use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_hanging;

/// Figure items wrapped to `width` columns, one list of lines per figure:
/// `42歲  今年42歲的王芳…`, the figure highlighted, the clause's wrapped lines under the
/// clause (a hanging indent). One item saying so, and what to press, when there are none ([`super::empty_item`]).
pub fn items(app: &App, width: usize) -> Vec<Vec<Line<'static>>> {
    let Some(p) = app.profile() else {
        return Vec::new();
    };
    if p.stats.is_empty() {
        return vec![super::empty_item("figures", &p.name, width)];
    }
    p.stats
        .iter()
        .map(|s| {
            let item = format!("{}  {}", s.text, s.context);
            let mut h = vec![(0..s.text.len(), theme::figure())];
            h.extend(super::search_marks(app, &item));
            let head = s.text.len() + 2;
            styled_hanging(&item, width, head, &super::text::layer(h), theme::dim())
        })
        .collect()
}
