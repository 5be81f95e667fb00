//! The status bar: person i/N, script, how far finding people has got, messages, key hints
//! from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::text::wrap::{display_width, truncate};
use crate::tui::app::{App, Pane, ViewKind};
use crate::tui::keymap::{Place, hints};

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
            " │ {}: {}",
            app.encoding,
            count(
                app.replaced,
                "bad byte sequence replaced",
                "bad byte sequences replaced"
            )
        ));
    } else if app.encoding != "UTF-8" {
        left.push_str(&format!(" │ {}", app.encoding));
    }
    // Hints right-aligned, the most wanted where the user is first (see `hints`). The
    // left part gives up room (cut with …) so that `? help` always shows when the bar is
    // wide enough for it.
    let width = area.width as usize;
    let place = Place {
        article: app.view == ViewKind::Article,
        compare: app.view == ViewKind::Compare,
        items: matches!(app.focus, Pane::Figures | Pane::Quotes),
        searched: app.search.as_ref().is_some_and(|s| !s.hits.is_empty()),
    };
    let help = "? help";
    let reserve = display_width(help) + 2;
    if display_width(&left) + reserve + 1 > width {
        // Short of room, the script's name goes without "(original)" first.
        left = left.replacen(" (original)", "", 1);
    }
    if display_width(&left) + reserve + 1 > width {
        left = truncate(&left, width.saturating_sub(reserve + 1)).into_owned();
    }
    let mut room = width.saturating_sub(display_width(&left) + 2);
    let mut shown: Vec<String> = Vec::new();
    if room >= display_width(help) {
        room -= display_width(help);
        for (k, h) in hints(place) {
            let item = format!("{k} {h}");
            let w = display_width(&item) + 2;
            if item == help || w > room {
                continue;
            }
            room -= w;
            shown.push(item);
        }
        shown.push(help.to_string());
    }
    let hint = shown.join("  ");
    let pad = width.saturating_sub(display_width(&left) + display_width(&hint) + 1);
    let left = Span::raw(left);
    let line = Line::from(vec![
        left,
        Span::raw(" ".repeat(pad)),
        Span::styled(hint, theme::dim()),
        Span::raw(" "),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme::selected()), area);
}

/// `n` and the singular or plural noun phrase: `1 bad byte sequence replaced`, `2 bad byte
/// sequences replaced`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
