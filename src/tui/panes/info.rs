//! Who the selected person is: name, other names (dim), full role, section heading.

use ratatui::text::Line;

use super::theme;
use crate::tui::app::App;
use crate::tui::lines::styled_lines;

/// The info lines for the selected person, wrapped to `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(p) = app.profile() else {
        return styled_lines(&app.article().headline, width, &[], theme::strong());
    };
    // The name, then the other names the article uses for the person, dim.
    let mut head = p.name.clone();
    if !p.aliases.is_empty() {
        head.push_str(&format!(" · {}", p.aliases.join(", ")));
    }
    let styles = [
        (0..p.name.len(), theme::strong()),
        (p.name.len()..head.len(), theme::dim()),
    ];
    let mut out = styled_lines(&head, width, &styles, ratatui::style::Style::default());
    if let Some(r) = &p.role {
        out.extend(styled_lines(r, width, &[], theme::dim()));
    }
    if let Some(h) = &p.heading {
        let h = format!("“{h}”");
        out.extend(styled_lines(
            &h,
            width,
            &[],
            ratatui::style::Style::default(),
        ));
    }
    out
}
