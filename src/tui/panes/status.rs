//! The status bar: person i/N, script, how far finding people has got, messages, key hints
//! from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::text::wrap::display_width;
use crate::tui::app::App;
use crate::tui::keymap::hints;

/// Draws the one-line status bar.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let n = app.profiles().len();
    let script = app.script.label(app.original.source());
    let finding = app
        .progress()
        .map(|p| format!("{} {p}%", crate::tui::app::FINDING));
    let mut left = match (app.profile(), &finding) {
        (Some(p), None) => format!(" {}/{} {} │ {script}", app.selected + 1, n, p.name),
        (Some(p), Some(f)) => format!(" {}/{} {} │ {script} │ {f}", app.selected + 1, n, p.name),
        (None, Some(f)) => format!(" {f} │ {script}"),
        (None, None) if app.view == crate::tui::app::ViewKind::Article => {
            format!(" {} │ {script}", crate::tui::app::NO_PEOPLE)
        }
        (None, None) => format!(" no people found │ {script}"),
    };
    if let Some(q) = &app.input {
        let line = Line::from(vec![
            Span::raw(format!(" /{q}")),
            Span::styled("▏", theme::focus()),
            Span::styled("   Enter search · Esc cancel", theme::dim()),
        ]);
        frame.render_widget(Paragraph::new(line).style(theme::selected()), area);
        return;
    }
    if let Some(s) = &app.search {
        if s.hits.is_empty() {
            left.push_str(&format!(" │ no match for {}", s.query));
        } else {
            left.push_str(&format!(
                " │ match {}/{} {}",
                s.current + 1,
                s.hits.len(),
                s.query
            ));
        }
    }
    if let Some(m) = &app.message {
        left.push_str(&format!(" │ {m}"));
    } else if app.replaced > 0 {
        left.push_str(&format!(
            " │ {}: {} bad byte sequence(s) replaced",
            app.encoding, app.replaced
        ));
    } else if app.encoding != "UTF-8" {
        left.push_str(&format!(" │ {}", app.encoding));
    }
    // Hints that fit, right-aligned; the last ones of the table (help, quit) go first.
    let width = area.width as usize;
    let mut room = width.saturating_sub(display_width(&left) + 3);
    let mut shown: Vec<String> = Vec::new();
    for (k, h) in hints().collect::<Vec<_>>().into_iter().rev() {
        let item = format!("{k} {h}");
        let w = display_width(&item) + if shown.is_empty() { 0 } else { 2 };
        if w > room {
            break;
        }
        room -= w;
        shown.insert(0, item);
    }
    let hint = shown.join("  ");
    let pad = width.saturating_sub(display_width(&left) + display_width(&hint) + 1);
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::styled(hint, theme::dim()),
        Span::raw(" "),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme::selected()), area);
}
