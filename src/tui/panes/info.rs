//! Who the selected person is: name, full role, section heading.

use ratatui::text::Line;

use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_lines;

/// The info lines for the selected person, wrapped to `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(p) = app.profile() else {
        return styled_lines(&app.article().headline, width, &[], theme::strong());
    };
    let mut out = styled_lines(&p.name, width, &[], theme::strong());
    if let Some(r) = &p.role {
        out.extend(styled_lines(r, width, &[], theme::dim()));
    }
    if let Some(h) = &p.heading {
        let h = match &p.number {
            Some(n) => format!("{n} “{h}”"),
            None => format!("“{h}”"),
        };
        out.extend(styled_lines(
            &h,
            width,
            &[],
            ratatui::style::Style::default(),
        ));
    }
    out
}
