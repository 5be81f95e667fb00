//! The list of profiled people: number, name (with `?` when the analysis is not sure the
//! person is profiled), short role.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane_block, theme};
use crate::article::profiles::short_role;
use crate::text::wrap::{display_width, truncate};
use crate::tui::app::{App, Pane};

/// Draws the people list; the selected person is shown reversed and kept in view.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    app.regions
        .borrow_mut()
        .push((crate::tui::app::Target::Pane(Pane::People), area));
    let profiles = app.profiles();
    let n = profiles.len();
    let block = pane_block(app, Pane::People, format!("People {n}"));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if n == 0 {
        let none = match app.progress() {
            Some(p) => format!("{} {p}%", crate::tui::app::FINDING),
            None => "no people found".into(),
        };
        frame.render_widget(Paragraph::new(none).style(theme::dim()), inner);
        return;
    }
    let h = inner.height as usize;
    let scroll = app.scroll_of(Pane::People);
    let mut offset = scroll.offset.get();
    if app.selected < offset {
        offset = app.selected;
    } else if h > 0 && app.selected >= offset + h {
        offset = app.selected + 1 - h;
    }
    scroll.offset.set(offset);
    scroll.height.set(h);
    scroll.max.set(n.saturating_sub(h));
    let lines: Vec<Line> = profiles
        .iter()
        .enumerate()
        .skip(offset)
        .take(h)
        .map(|(i, p)| {
            // A name the last search matches is marked.
            let found = app
                .search
                .as_ref()
                .is_some_and(|s| !s.ranges_in(&p.name).is_empty());
            let name_style = if found {
                theme::strong().patch(theme::selected())
            } else {
                theme::strong()
            };
            let number = format!("{} ", i + 1);
            let unsure = if p.sure { "" } else { "?" };
            let room = (inner.width as usize)
                .saturating_sub(display_width(&number) + display_width(&p.name) + unsure.len() + 1);
            let mut spans = vec![Span::raw(number), Span::styled(p.name.clone(), name_style)];
            if !p.sure {
                spans.push(Span::styled(unsure, theme::figure()));
            }
            // A role too long for the row ends with … rather than being clipped at the edge.
            if let Some(r) = &p.role
                && room >= 2
            {
                let role = short_role(r);
                spans.push(Span::styled(
                    format!(" {}", truncate(&role, room)),
                    theme::dim(),
                ));
            }
            let line = Line::from(spans);
            if i == app.selected {
                line.style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
