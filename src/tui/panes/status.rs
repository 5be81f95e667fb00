//! The status bar: person i/N, script, how far finding people has got, messages, key hints
//! from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::text::wrap::{display_width, truncate};
use crate::tui::app::{App, Pane, ViewKind};
use crate::tui::keymap::Place;

/// What the status bar says, before a percentage, while the background conversion of the
/// script on screen runs ([`App::conversion_progress`]).
pub const CONVERTING: &str = "converting…";

/// Draws the one-line status bar.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let n = app.profiles().len();
    // A conversion made with the system's OpenCC data (the vendored data could not be loaded,
    // or QUNXIANG_OPENCC_DATA names a directory) says so; the vendored data goes unsaid.
    let mut script = app.script.label(app.original.source());
    if app.script != crate::convert::Script::Original && !app.converters.bundled_data() {
        script.push_str(&format!(" · {}", app.converters.data_label()));
    }
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
    let searching = app.search_progress().map(|p| format!("searching… {p}%"));
    if let Some(input) = &app.input {
        // The prompt: the query scrolled so the cursor shows, the cursor reversed, then
        // how many matches the query as typed has.
        let width = area.width as usize;
        let found = match (&searching, &app.search) {
            (Some(p), _) => p.clone(),
            (None, Some(s)) if s.query == input.value() => match s.hits.len() {
                0 => "no match".to_string(),
                n => count(n, "match", "matches"),
            },
            _ => String::new(),
        };
        let tail = format!("   {found} · Enter go · Esc cancel · ↑↓ history");
        let room = width
            .saturating_sub(2 + display_width(&tail).min(width / 2))
            .max(1);
        let scroll = input.visual_scroll(room.saturating_sub(1));
        let value: String = input.value().chars().collect();
        let mut shown = String::new();
        let mut before = 0; // columns of the cut-off start
        let mut col = 0;
        let (mut pre, mut at, mut post) = (String::new(), String::from(" "), String::new());
        for (i, ch) in value.chars().enumerate() {
            let w = display_width(ch.encode_utf8(&mut [0; 4]));
            if before < scroll {
                before += w;
                continue;
            }
            if col + w > room {
                break;
            }
            col += w;
            shown.push(ch);
            match i.cmp(&input.cursor()) {
                std::cmp::Ordering::Less => pre.push(ch),
                std::cmp::Ordering::Equal => at = ch.to_string(),
                std::cmp::Ordering::Greater => post.push(ch),
            }
        }
        let tail = truncate(&tail, width.saturating_sub(2 + col + 1)).into_owned();
        let line = Line::from(vec![
            Span::raw(format!(" /{pre}")),
            Span::styled(
                at,
                theme::focus().add_modifier(ratatui::style::Modifier::REVERSED),
            ),
            Span::raw(post),
            Span::styled(tail, theme::dim()),
        ]);
        frame.render_widget(Paragraph::new(line).style(theme::selected()), area);
        return;
    }
    if let Some(p) = &searching {
        left.push_str(&format!(" │ {p} (Esc cancels)"));
    } else if let Some(p) = app.conversion_progress() {
        left.push_str(&format!(" │ {CONVERTING} {p}% (Esc stops)"));
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
    // left part gives up "(original)" for the first of them, and room (cut with …) so
    // that `? help` always shows when the bar is wide enough for it.
    let width = area.width as usize;
    let place = Place {
        article: app.view == ViewKind::Article,
        compare: app.view == ViewKind::Compare,
        // Enter and y act on an item: only a pane that has some offers them.
        items: match app.focus {
            Pane::Figures => app.profile().is_some_and(|p| !p.stats.is_empty()),
            Pane::Quotes => app.profile().is_some_and(|p| !p.quotes.is_empty()),
            _ => false,
        },
        searched: app.search.as_ref().is_some_and(|s| !s.hits.is_empty()),
    };
    // The help key as the key table has it (the config may change it).
    let hints = app.keys.hints(place);
    let help = hints
        .iter()
        .find(|(_, what)| *what == "help")
        .map_or(String::new(), |(k, what)| format!("{k} {what}"));
    let reserve = display_width(&help) + 2;
    // The most wanted hint where the user is (`j/k move` in the list, `y copy` in the
    // figures): worth more than the script's "(original)", which goes first when short of
    // room.
    let first = hints
        .iter()
        .map(|(k, what)| format!("{k} {what}"))
        .find(|h| *h != help)
        .map_or(0, |h| display_width(&h) + 2);
    if display_width(&left) + reserve + first + 1 > width {
        left = left.replacen(" (original)", "", 1);
    }
    if display_width(&left) + reserve + 1 > width {
        left = truncate(&left, width.saturating_sub(reserve + 1)).into_owned();
    }
    let mut room = width.saturating_sub(display_width(&left) + 2);
    let mut shown: Vec<String> = Vec::new();
    if room >= display_width(&help) {
        room -= display_width(&help);
        for (k, h) in &hints {
            let item = format!("{k} {h}");
            let w = display_width(&item) + 2;
            if item == help || w > room {
                continue;
            }
            room -= w;
            shown.push(item);
        }
        if !help.is_empty() {
            shown.push(help.clone());
        }
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
