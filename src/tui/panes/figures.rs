//! The selected person's figures: each as written, then the clause it stands in.

use ratatui::text::Line;

use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_lines;

/// Figure lines wrapped to `width` columns: `39歲  今年39歲的陳柯…`, the figure highlighted.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(p) = app.profile() else {
        return Vec::new();
    };
    if p.stats.is_empty() {
        return styled_lines("no figures", width, &[], theme::DIM);
    }
    let mut out = Vec::new();
    for s in &p.stats {
        let item = format!("{}  {}", s.text, s.context);
        out.extend(styled_lines(
            &item,
            width,
            &[(0..s.text.len(), theme::FIGURE)],
            theme::DIM,
        ));
    }
    out
}
