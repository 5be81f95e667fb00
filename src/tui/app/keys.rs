//! Key handling: [`App::update`], the one place an [`Action`] changes the reader's state,
//! and what the actions do that belongs to no other part (Esc going back, copying, the
//! mouse, jumping from a figure or quote to the text).

use super::{App, Pane, Target, ViewKind};
use crate::convert::Script;
use crate::tui::keymap::{Action, Mouse, MouseKind};

/// The longest OSC 52 copy sequence the reader sends, in bytes: `ESC ] 52 ; c ;` (7 bytes),
/// the text in base64, BEL. 100,000 is hterm's limit (chromium hterm `etc/osc52.sh`, also
/// the default of Google's osc52.vim); xterm takes more, kitty takes longer copies only in
/// chunks, GNU screen far less. A terminal drops a longer sequence silently.
pub const OSC52_MAX_BYTES: usize = 100_000;

/// The most text, in UTF-8 bytes, whose OSC 52 sequence fits in [`OSC52_MAX_BYTES`]
/// (base64 makes 4 bytes of every 3): 74,994 bytes, about 25,000 CJK characters.
pub const OSC52_MAX_TEXT_BYTES: usize = (OSC52_MAX_BYTES - 8) / 4 * 3;

/// The length in bytes of the OSC 52 sequence that copies `text` (see [`OSC52_MAX_BYTES`]).
pub fn osc52_len(text: &str) -> usize {
    8 + text.len().div_ceil(3) * 4
}

impl App {
    /// Jumps from the selected figure or quote to where it stands: in the text pane, or in
    /// the article view when its paragraph is not among the person's.
    fn activate(&mut self) {
        let Some(p) = self.profile() else { return };
        let target = match self.focus {
            Pane::Figures => p
                .stats
                .get(self.items[0])
                .map(|s| (s.paragraph, s.offset, s.text.clone())),
            Pane::Quotes => p.quotes.get(self.items[1]).map(|q| {
                let first = q.text.split('\n').next().unwrap_or("");
                (q.paragraph, q.offset, first.to_string())
            }),
            _ => None,
        };
        let Some((paragraph, offset, text)) = target else {
            return;
        };
        let own = p.paragraphs.contains(&paragraph);
        if !own {
            // A paragraph about others: shown in the article view.
            self.ensure_paragraphs(vec![paragraph]);
        }
        let Some(para) = self.article().paragraphs.get(paragraph) else {
            return;
        };
        let Some(range) = crate::tui::lines::locate(para, &text, offset) else {
            return;
        };
        self.marks_gen += 1;
        if own {
            self.pending_jump.set(Some((paragraph, range.start)));
            self.mark = Some((paragraph, range));
            self.focus_pane(Pane::Text);
        } else {
            self.show_in_article(paragraph + 1, range.start);
        }
    }

    /// Number of items in the figures (0) or quotes (1) pane of the selected profile.
    fn item_count(&self, which: usize) -> usize {
        self.profile().map_or(0, |p| {
            if which == 0 {
                p.stats.len()
            } else {
                p.quotes.len()
            }
        })
    }

    /// The one place state changes: applies an action.
    pub fn update(&mut self, action: Action) {
        // Under the "too small" notice nothing else is on screen: only quitting and
        // suspending act, so no key changes what the user cannot see.
        if self.too_small.get()
            && !matches!(action, Action::Quit | Action::Interrupt | Action::Suspend)
        {
            return;
        }
        self.acted = true;
        let comparing = self.view == ViewKind::Compare;
        if matches!(action, Action::ToggleScript | Action::CycleScript) {
            self.compare_restore = None; // the script is the user's choice now
        }
        self.apply(action);
        if self.quit {
            self.stop_analysis();
            self.cancel_search();
        }
        self.ensure_on_screen();
        // The compare view switched from the original script to show a conversion beside
        // it; leaving the view goes back to the original.
        if comparing
            && self.view != ViewKind::Compare
            && let Some(script) = self.compare_restore.take()
        {
            self.set_script(script);
            self.refresh_search();
        }
    }

    fn apply(&mut self, action: Action) {
        self.message = None;
        if let Some(input) = &mut self.input {
            match action {
                Action::Edit(req) if input.handle(req).is_some_and(|c| c.value) => {
                    self.history_at = None;
                    self.typed();
                }
                Action::HistoryPrev => self.recall(true),
                Action::HistoryNext => self.recall(false),
                Action::InputCancel | Action::Back => self.cancel_prompt(),
                Action::Interrupt => self.quit = true,
                Action::InputSubmit => self.submit(),
                _ => {}
            }
            return;
        }
        if self.help {
            match action {
                // q and Esc close the help, as in less and man; Ctrl-c quits.
                Action::Help | Action::Back | Action::Quit => self.help = false,
                Action::Interrupt => self.quit = true,
                Action::Suspend => self.suspend = true,
                Action::Mouse(m) => self.help_scroll.wheel(m),
                a => self.help_scroll.apply(a),
            }
            return;
        }
        if self.view != ViewKind::Profiles && self.apply_in_view(action) {
            return;
        }
        let people = self.focus == Pane::People;
        // With the list focused, scrolling keys move the text pane, or the detail pane shown
        // when the text is not beside the list.
        let target = match (people, self.text_visible.get()) {
            (true, true) => Pane::Text,
            (true, false) => self.detail_tab,
            (false, _) => self.focus,
        };
        // In the figures and quotes panes, line keys move the selected item.
        let list = match self.focus {
            Pane::Figures => Some(0),
            Pane::Quotes => Some(1),
            _ => None,
        };
        match action {
            Action::Up if people => self.select(self.selected.saturating_sub(1)),
            Action::Down if people => self.select(self.selected + 1),
            Action::Top if people => self.select(0),
            Action::Bottom if people => self.select(usize::MAX),
            Action::Up | Action::Down | Action::Top | Action::Bottom if list.is_some() => {
                let w = list.unwrap_or(0);
                let last = self.item_count(w).saturating_sub(1);
                self.items[w] = match action {
                    Action::Up => self.items[w].saturating_sub(1),
                    Action::Down => (self.items[w] + 1).min(last),
                    Action::Top => 0,
                    _ => last,
                };
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::Top
            | Action::Bottom => self.scroll_of(target).apply(action),
            Action::Jump(i) => {
                if i < self.people.len() {
                    self.select(i);
                }
            }
            Action::NextPane | Action::PrevPane => {
                let order = self.pane_order();
                let at = order.iter().position(|&p| p == self.focus).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { 3 };
                self.focus_pane(order[(at + step) % 4]);
            }
            Action::ToggleScript => {
                let form = self.converters.traditional;
                self.set_script(self.script.toggled(self.original.source(), form));
                self.refresh_search();
                self.prefetch();
            }
            Action::CycleScript => {
                self.set_script(self.script.cycled());
                self.refresh_search();
            }
            Action::Search => {
                self.input = Some(tui_input::Input::default());
                self.search_before = self.search.clone();
                self.history_at = None;
            }
            Action::NextMatch | Action::PrevMatch => self.next_match(action == Action::NextMatch),
            Action::Activate => self.activate(),
            Action::Help => {
                self.help = true;
                self.help_scroll.offset.set(0);
            }
            Action::Back => self.back(),
            Action::Quit | Action::Interrupt => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Mouse(m) => self.mouse(m),
            Action::ToggleView => match self.view {
                ViewKind::Article if self.people.is_empty() => {
                    self.message = Some(if self.finding.is_some() {
                        "no people found yet".into()
                    } else {
                        "no people to show in the panes".into()
                    });
                }
                ViewKind::Article => self.leave_article(),
                ViewKind::Profiles | ViewKind::Compare => {
                    self.show_person(self.selected);
                    self.view = ViewKind::Article;
                }
            },
            Action::Copy => self.copy(),
            Action::ToggleChrome => {
                self.show_chrome = !self.show_chrome;
                self.article_gen += 1; // the last segment's lines change
            }
            Action::Compare => {
                if self.view == ViewKind::Compare {
                    self.view = self.home_view();
                } else {
                    // Compare with the script on screen, or with the one `t` would show.
                    if self.script == Script::Original {
                        let form = self.converters.traditional;
                        self.set_script(self.script.toggled(self.original.source(), form));
                        self.compare_restore = Some(Script::Original);
                    }
                    self.ensure_converted(self.selected);
                    self.compare_pos.set((0, 0));
                    // What is on screen is converted after the action (`ensure_on_screen`),
                    // the rest in the background.
                    self.view = ViewKind::Compare;
                }
            }
            Action::Edit(_)
            | Action::HistoryPrev
            | Action::HistoryNext
            | Action::InputSubmit
            | Action::InputCancel => {}
        }
    }

    /// Esc: goes back one step, never out of the program. It stops a search under way,
    /// then the background conversion of the script on screen, then clears the search and the
    /// jump mark first, then leaves the article or compare view, then focuses the people
    /// list; with nothing left to undo it says how to quit.
    fn back(&mut self) {
        if self.searching.is_some() {
            self.cancel_search();
            self.message = Some("search cancelled".into());
        } else if self.stop_background() {
            self.message = Some("conversion stopped: the rest is converted as it is shown".into());
        } else if self.search.is_some() || self.mark.is_some() {
            self.search = None;
            self.mark = None;
            self.marks_gen += 1;
        } else if self.view == ViewKind::Article && self.home_view() == ViewKind::Profiles {
            self.leave_article();
        } else if self.view == ViewKind::Compare {
            self.view = self.home_view();
        } else if self.view == ViewKind::Profiles && self.focus != Pane::People {
            self.focus_pane(Pane::People);
        } else {
            self.message = Some("q quits".into());
        }
    }

    /// Puts the selected quote (quotes pane), figure with its clause (figures pane), or the
    /// person's name and role (elsewhere) on [`App::clipboard`] and says so in the status bar;
    /// a text whose OSC 52 sequence would be over [`OSC52_MAX_BYTES`] is not copied, and the
    /// status bar says why.
    fn copy(&mut self) {
        let Some(p) = self.profile() else {
            self.message = Some("nothing to copy".into());
            return;
        };
        let text = match self.focus {
            Pane::Figures => p
                .stats
                .get(self.items[0])
                .map(|s| format!("{}  {}", s.text, s.context)),
            Pane::Quotes => p.quotes.get(self.items[1]).map(|q| q.text.clone()),
            _ => Some(match &p.role {
                Some(r) => format!("{} {r}", p.name),
                None => p.name.clone(),
            }),
        };
        if let Some(t) = text {
            if osc52_len(&t) > OSC52_MAX_BYTES {
                self.message = Some(format!(
                    "not copied: too long for the terminal's clipboard ({} bytes, at most \
                     {OSC52_MAX_TEXT_BYTES} through OSC 52)",
                    t.len()
                ));
                return;
            }
            let preview: String = t.chars().take(16).collect();
            self.message = Some(format!("copied to the clipboard: {preview}…"));
            self.clipboard = Some(t);
        }
    }

    /// A click focuses the pane or tab under the pointer (and in the people list selects
    /// the person); the wheel scrolls the pane under the pointer, or moves through people.
    fn mouse(&mut self, m: Mouse) {
        let hit = self
            .regions
            .borrow()
            .iter()
            .rev()
            .find(|(_, r)| r.contains(ratatui::layout::Position::new(m.column, m.row)))
            .copied();
        let Some((target, rect)) = hit else { return };
        match (target, m.kind) {
            (Target::Tab(p), MouseKind::Click) => self.focus_pane(p),
            (Target::Pane(Pane::People), MouseKind::Click) => {
                self.focus_pane(Pane::People);
                let row = usize::from(m.row.saturating_sub(rect.y + 1));
                if m.row > rect.y && m.row + 1 < rect.y + rect.height {
                    self.select(self.scroll_of(Pane::People).offset.get() + row);
                }
            }
            (Target::Pane(p), MouseKind::Click) => self.focus_pane(p),
            (Target::Pane(Pane::People), MouseKind::WheelUp) => {
                self.select(self.selected.saturating_sub(1))
            }
            (Target::Pane(Pane::People), MouseKind::WheelDown) => self.select(self.selected + 1),
            (Target::Pane(p), MouseKind::WheelUp) => self.scroll_of(p).by(-3),
            (Target::Pane(p), MouseKind::WheelDown) => self.scroll_of(p).by(3),
            (Target::Tab(_), _) => {}
        }
    }
}
