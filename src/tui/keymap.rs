//! The one key table: key events become [`Action`]s, and the help overlay and the status-bar
//! hints are generated from the same table, so they cannot drift from it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the user asked for. Only [`super::app::App::update`] acts on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Previous person (people list focused) or scroll the focused pane up one line.
    Up,
    /// Next person (people list focused) or scroll the focused pane down one line.
    Down,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Select person N (0-based).
    Jump(usize),
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// Scroll half a page up.
    HalfPageUp,
    /// Scroll half a page down.
    HalfPageDown,
    /// First person, or the top of the focused pane.
    Top,
    /// Last person, or the bottom of the focused pane.
    Bottom,
    /// Switch between traditional and simplified script.
    ToggleScript,
    /// Go to the next of all scripts (original, 简体, 繁體, 台灣正體, 香港繁體).
    CycleScript,
    /// Open or close the help overlay.
    Help,
    /// Back or cancel: close the help overlay, clear the search, leave the article or
    /// compare view, focus the people list. Never quits.
    Back,
    /// `q`: quit, or close the help overlay when it is open.
    Quit,
    /// Ctrl-c: quit from anywhere (help and the search prompt included).
    Interrupt,
    /// Suspend to the shell (job control); `fg` resumes with a full redraw.
    Suspend,
    /// Open the search prompt.
    Search,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Jump from the selected figure or quote to where it stands in the text.
    Activate,
    /// An edit in the search prompt (a character, cursor movement, Ctrl-w, Ctrl-u, …).
    Edit(tui_input::InputRequest),
    /// The previous query of the history, in the search prompt (Up).
    HistoryPrev,
    /// The next query of the history, in the search prompt (Down).
    HistoryNext,
    /// Run the search typed in the prompt.
    InputSubmit,
    /// Close the search prompt without searching.
    InputCancel,
    /// A mouse click or wheel turn.
    Mouse(Mouse),
    /// Switch between the profiles view and the article view.
    ToggleView,
    /// Copy the selected quote or figure to the clipboard (OSC 52).
    Copy,
    /// Switch to the compare view (original beside converted) and back.
    Compare,
    /// Show or hide, at the end of the article view, the lines set apart as page chrome.
    ToggleChrome,
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// Left button pressed.
    Click,
    /// Wheel turned up.
    WheelUp,
    /// Wheel turned down.
    WheelDown,
}

/// A mouse event at a cell (column, row) of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// What happened.
    pub kind: MouseKind,
    /// Column, 0-based.
    pub column: u16,
    /// Row, 0-based.
    pub row: u16,
}

/// The action for a mouse event: left clicks and wheel turns; other events are ignored.
pub fn mouse_action(ev: &crossterm::event::MouseEvent) -> Option<Action> {
    use crossterm::event::{MouseButton, MouseEventKind};
    let kind = match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
        MouseEventKind::ScrollUp => MouseKind::WheelUp,
        MouseEventKind::ScrollDown => MouseKind::WheelDown,
        _ => return None,
    };
    Some(Action::Mouse(Mouse {
        kind,
        column: ev.column,
        row: ev.row,
    }))
}

/// A key as the table lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Ctrl or Alt (Shift is part of the char or of BackTab).
    Plain(KeyCode),
    /// Ctrl with a letter.
    Ctrl(char),
    /// The digits 1–9: [`Action::Jump`].
    Digits,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that trigger the action.
    pub keys: &'static [Key],
    /// The action; for [`Key::Digits`] the index comes from the digit.
    pub action: Action,
    /// How the keys are written in help and hints.
    pub label: &'static str,
    /// What the action does, for the help overlay.
    pub help: &'static str,
    /// Keys and short text for the status bar, and where each is shown.
    pub hints: &'static [Hint],
}

/// A status-bar hint: the keys, a word or two, and where it applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint(pub &'static str, pub &'static str, pub Where);

/// Where a [`Hint`] applies. Hints for a place take precedence over general ones when the
/// status bar is short of room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// Everywhere, as room allows (lowest priority first in the table's reverse order).
    Anywhere,
    /// In the panes.
    Panes,
    /// With the figures or quotes pane focused.
    Items,
    /// In the article view.
    Article,
    /// In the compare view.
    Compare,
    /// After a search with matches.
    Searched,
}

/// What the status bar knows of where the user is, to choose hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// The article view is open.
    pub article: bool,
    /// The compare view is open.
    pub compare: bool,
    /// The figures or quotes pane is focused (in the panes).
    pub items: bool,
    /// A search with matches is active.
    pub searched: bool,
}

impl Where {
    fn applies(self, p: Place) -> bool {
        let panes = !p.article && !p.compare;
        match self {
            Where::Anywhere => true,
            Where::Panes => panes,
            Where::Items => panes && p.items,
            Where::Article => p.article,
            Where::Compare => p.compare,
            Where::Searched => p.searched,
        }
    }
}

use KeyCode::*;

/// The key table, in the order the help overlay lists it.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[Key::Plain(Up), Key::Plain(Char('k'))],
        action: Action::Up,
        label: "↑ k",
        help: "previous person, figure or quote (pane focused), or scroll up",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Down), Key::Plain(Char('j'))],
        action: Action::Down,
        label: "↓ j",
        help: "next person, figure or quote (pane focused), or scroll down",
        hints: &[Hint("j/k", "move", Where::Panes)],
    },
    Binding {
        keys: &[Key::Plain(Tab), Key::Plain(Char('l')), Key::Plain(Right)],
        action: Action::NextPane,
        label: "Tab l →",
        help: "focus the next pane (from the article or compare view: back to the panes)",
        hints: &[Hint("Tab", "pane", Where::Panes)],
    },
    Binding {
        keys: &[Key::Plain(BackTab), Key::Plain(Char('h')), Key::Plain(Left)],
        action: Action::PrevPane,
        label: "S-Tab h ←",
        help: "focus the previous pane",
        hints: &[],
    },
    Binding {
        keys: &[Key::Digits],
        action: Action::Jump(0),
        label: "1-9",
        help: "jump to person 1-9",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(PageUp), Key::Plain(Char('b')), Key::Ctrl('b')],
        action: Action::PageUp,
        label: "PgUp b C-b",
        help: "scroll a page up (with the list focused: the text, or the tab shown)",
        hints: &[],
    },
    Binding {
        keys: &[
            Key::Plain(PageDown),
            Key::Plain(Char(' ')),
            Key::Plain(Char('f')),
            Key::Ctrl('f'),
        ],
        action: Action::PageDown,
        label: "PgDn Space f C-f",
        help: "scroll a page down (likewise)",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('u')), Key::Ctrl('u')],
        action: Action::HalfPageUp,
        label: "u C-u",
        help: "scroll half a page up",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('d')), Key::Ctrl('d')],
        action: Action::HalfPageDown,
        label: "d C-d",
        help: "scroll half a page down",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('g')), Key::Plain(Home)],
        action: Action::Top,
        label: "g Home",
        help: "first person, or top of the focused pane",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('G')), Key::Plain(End)],
        action: Action::Bottom,
        label: "G End",
        help: "last person, or bottom of the focused pane",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('t'))],
        action: Action::ToggleScript,
        label: "t",
        help: "switch traditional / simplified script (OpenCC)",
        hints: &[Hint("t", "简/繁", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Plain(Char('T'))],
        action: Action::CycleScript,
        label: "T",
        help: "next script: original, 简体, 繁體, 台灣正體, 香港繁體",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('/'))],
        action: Action::Search,
        label: "/",
        help: "search (简/繁 alike: a query in either script finds both)",
        hints: &[Hint("/", "search", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Plain(Char('n'))],
        action: Action::NextMatch,
        label: "n",
        help: "next search match",
        hints: &[Hint("n/N", "match", Where::Searched)],
    },
    Binding {
        keys: &[Key::Plain(Char('N'))],
        action: Action::PrevMatch,
        label: "N",
        help: "previous search match",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Enter)],
        action: Action::Activate,
        label: "Enter",
        help: "in figures or quotes: jump to the selected one in the text",
        hints: &[Hint("Enter", "go to", Where::Items)],
    },
    Binding {
        keys: &[Key::Plain(Char('a'))],
        action: Action::ToggleView,
        label: "a",
        help: "article view: the whole article, the person's paragraphs marked (a: back)",
        hints: &[
            Hint("a", "back", Where::Article),
            Hint("a", "article", Where::Panes),
        ],
    },
    Binding {
        keys: &[Key::Plain(Char('c'))],
        action: Action::Compare,
        label: "c",
        help: "compare view: the original beside its conversion (c again: back)",
        hints: &[Hint("c", "back", Where::Compare)],
    },
    Binding {
        keys: &[Key::Plain(Char('v'))],
        action: Action::ToggleChrome,
        label: "v",
        help: "article view: show / hide the lines set apart as page chrome (dim, at the end)",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('y'))],
        action: Action::Copy,
        label: "y",
        help: "copy the selected quote or figure (or the name) to the clipboard",
        hints: &[Hint("y", "copy", Where::Items)],
    },
    Binding {
        keys: &[Key::Plain(Esc)],
        action: Action::Back,
        label: "Esc",
        help: "back: close help or prompt, clear the search, leave a view; never quits",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('q'))],
        action: Action::Quit,
        label: "q",
        help: "quit (in help: close it)",
        hints: &[Hint("q", "quit", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        action: Action::Interrupt,
        label: "Ctrl-c",
        help: "quit from anywhere",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('?'))],
        action: Action::Help,
        label: "?",
        help: "open / close this help",
        hints: &[Hint("?", "help", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Ctrl('z')],
        action: Action::Suspend,
        label: "Ctrl-z",
        help: "suspend to the shell (fg resumes)",
        hints: &[],
    },
];

/// The mouse's row of the help overlay: (label, help). The mouse has no key table row
/// because its actions depend on where the pointer is ([`mouse_action`]).
pub const MOUSE_HELP: (&str, &str) = (
    "mouse",
    "a click selects a person, a tab or a pane; the wheel scrolls what is under the pointer",
);

fn matches(key: Key, ev: &KeyEvent) -> Option<Option<usize>> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    match key {
        Key::Plain(code) => (!ctrl && !alt && ev.code == code).then_some(None),
        Key::Ctrl(c) => (ctrl && ev.code == Char(c)).then_some(None),
        Key::Digits => match ev.code {
            Char(d @ '1'..='9') if !ctrl && !alt => Some(Some(d as usize - '1' as usize)),
            _ => None,
        },
    }
}

/// The action for a key event, or `None` for keys the table does not list and for key
/// releases. While the search prompt is open (`typing`), keys edit the prompt as
/// readline does (tui-input's bindings: ← → Home End, Ctrl-a/e/b/f, Ctrl-w, Ctrl-u,
/// Ctrl-k, Ctrl-y, Alt-b/f, Backspace, Delete), Up and Down recall earlier queries, Enter
/// searches, Esc closes it; Ctrl-c still quits.
pub fn action_for(ev: &KeyEvent, typing: bool) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    if typing {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        return match ev.code {
            Char('c') if ctrl => Some(Action::Interrupt),
            Enter => Some(Action::InputSubmit),
            Esc => Some(Action::InputCancel),
            Up => Some(Action::HistoryPrev),
            Down => Some(Action::HistoryNext),
            _ => {
                tui_input::backend::crossterm::to_input_request(&crossterm::event::Event::Key(*ev))
                    .map(Action::Edit)
            }
        };
    }
    for b in KEYMAP {
        for &k in b.keys {
            if let Some(n) = matches(k, ev) {
                return Some(match (b.action, n) {
                    (Action::Jump(_), Some(n)) => Action::Jump(n),
                    (a, _) => a,
                });
            }
        }
    }
    None
}

/// Status-bar hints from the table for `place`, most wanted first: those for the place
/// (in table order), then the general ones from the end of the table (help, quit, search,
/// …). The status bar shows as many as fit.
pub fn hints(place: Place) -> Vec<(&'static str, &'static str)> {
    let all = KEYMAP.iter().flat_map(|b| b.hints.iter());
    let applies = |h: &&Hint| h.2 != Where::Anywhere && h.2.applies(place);
    // What is particular to the place before what holds in all the panes.
    let particular = all.clone().filter(applies).filter(|h| h.2 != Where::Panes);
    let panes = all.clone().filter(applies).filter(|h| h.2 == Where::Panes);
    let general = all.filter(|h| h.2 == Where::Anywhere).rev();
    particular
        .chain(panes)
        .chain(general)
        .map(|h| (h.0, h.1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action_for_test(ev: &KeyEvent) -> Option<Action> {
        action_for(ev, false)
    }

    #[test]
    fn typing_goes_to_the_prompt() {
        let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
        use tui_input::InputRequest;
        assert_eq!(
            action_for(&k(Char('q')), true),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
        let ctrl = |c| KeyEvent::new(Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(&ctrl('w'), true),
            Some(Action::Edit(InputRequest::DeletePrevWord))
        );
        assert_eq!(
            action_for(&ctrl('u'), true),
            Some(Action::Edit(InputRequest::DeleteLine))
        );
        assert_eq!(
            action_for(&k(Left), true),
            Some(Action::Edit(InputRequest::GoToPrevChar))
        );
        assert_eq!(action_for(&k(Up), true), Some(Action::HistoryPrev));
        assert_eq!(action_for(&ctrl('c'), true), Some(Action::Interrupt));
        assert_eq!(action_for(&k(Enter), true), Some(Action::InputSubmit));
        assert_eq!(action_for(&k(Esc), true), Some(Action::InputCancel));
    }

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(
            action_for_test(&key(Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for_test(&key(Char('3'), KeyModifiers::NONE)),
            Some(Action::Jump(2))
        );
        assert_eq!(
            action_for_test(&key(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Interrupt)
        );
        assert_eq!(
            action_for_test(&key(Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        for (c, m, a) in [
            ('h', KeyModifiers::NONE, Action::PrevPane),
            ('l', KeyModifiers::NONE, Action::NextPane),
            ('f', KeyModifiers::NONE, Action::PageDown),
            ('b', KeyModifiers::NONE, Action::PageUp),
            ('f', KeyModifiers::CONTROL, Action::PageDown),
            ('b', KeyModifiers::CONTROL, Action::PageUp),
            ('d', KeyModifiers::NONE, Action::HalfPageDown),
            ('u', KeyModifiers::NONE, Action::HalfPageUp),
            ('d', KeyModifiers::CONTROL, Action::HalfPageDown),
            ('u', KeyModifiers::CONTROL, Action::HalfPageUp),
        ] {
            assert_eq!(action_for_test(&key(Char(c), m)), Some(a), "{c} {m:?}");
        }
        assert_eq!(
            action_for_test(&key(Esc, KeyModifiers::NONE)),
            Some(Action::Back)
        );
        assert_eq!(
            action_for_test(&key(Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for_test(&key(BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(action_for_test(&key(Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn hints_come_from_the_table_and_follow_the_place() {
        let panes = Place::default();
        assert_eq!(
            hints(panes),
            vec![
                ("j/k", "move"),
                ("Tab", "pane"),
                ("a", "article"),
                ("?", "help"),
                ("q", "quit"),
                ("/", "search"),
                ("t", "简/繁"),
            ]
        );
        let items = Place {
            items: true,
            searched: true,
            ..panes
        };
        assert_eq!(
            hints(items)[..6],
            [
                ("n/N", "match"),
                ("Enter", "go to"),
                ("y", "copy"),
                ("j/k", "move"),
                ("Tab", "pane"),
                ("a", "article"),
            ]
        );
        let article = Place {
            article: true,
            ..panes
        };
        assert_eq!(hints(article)[..2], [("a", "back"), ("?", "help")]);
        let compare = Place {
            compare: true,
            ..panes
        };
        assert_eq!(hints(compare)[..2], [("c", "back"), ("?", "help")]);
    }
}
