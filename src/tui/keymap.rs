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
    /// The action's name in the config file's `[keys]` table (kebab-case); empty for the
    /// rows whose keys cannot be changed (the digits, and Ctrl-c, which always quits).
    pub name: &'static str,
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
        name: "up",
        label: "↑ k",
        help: "previous person, figure or quote (pane focused), or scroll up",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Down), Key::Plain(Char('j'))],
        action: Action::Down,
        name: "down",
        label: "↓ j",
        help: "next person, figure or quote (pane focused), or scroll down",
        hints: &[Hint("j/k", "move", Where::Panes)],
    },
    Binding {
        keys: &[Key::Plain(Tab), Key::Plain(Char('l')), Key::Plain(Right)],
        action: Action::NextPane,
        name: "next-pane",
        label: "Tab l →",
        help: "focus the next pane (from the article or compare view: back to the panes)",
        hints: &[Hint("Tab", "pane", Where::Panes)],
    },
    Binding {
        keys: &[Key::Plain(BackTab), Key::Plain(Char('h')), Key::Plain(Left)],
        action: Action::PrevPane,
        name: "prev-pane",
        label: "S-Tab h ←",
        help: "focus the previous pane",
        hints: &[],
    },
    Binding {
        keys: &[Key::Digits],
        action: Action::Jump(0),
        name: "",
        label: "1-9",
        help: "jump to person 1-9",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(PageUp), Key::Plain(Char('b')), Key::Ctrl('b')],
        action: Action::PageUp,
        name: "page-up",
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
        name: "page-down",
        label: "PgDn Space f C-f",
        help: "scroll a page down (likewise)",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('u')), Key::Ctrl('u')],
        action: Action::HalfPageUp,
        name: "half-page-up",
        label: "u C-u",
        help: "scroll half a page up",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('d')), Key::Ctrl('d')],
        action: Action::HalfPageDown,
        name: "half-page-down",
        label: "d C-d",
        help: "scroll half a page down",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('g')), Key::Plain(Home)],
        action: Action::Top,
        name: "top",
        label: "g Home",
        help: "first person, or top of the focused pane",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('G')), Key::Plain(End)],
        action: Action::Bottom,
        name: "bottom",
        label: "G End",
        help: "last person, or bottom of the focused pane",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('t'))],
        action: Action::ToggleScript,
        name: "toggle-script",
        label: "t",
        help: "switch traditional / simplified script (OpenCC)",
        hints: &[Hint("t", "简/繁", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Plain(Char('T'))],
        action: Action::CycleScript,
        name: "cycle-script",
        label: "T",
        help: "next script: original, 简体, 繁體, 台灣正體, 香港繁體",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('/'))],
        action: Action::Search,
        name: "search",
        label: "/",
        help: "search (简/繁 alike: a query in either script finds both)",
        hints: &[Hint("/", "search", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Plain(Char('n'))],
        action: Action::NextMatch,
        name: "next-match",
        label: "n",
        help: "next search match",
        hints: &[Hint("n/N", "match", Where::Searched)],
    },
    Binding {
        keys: &[Key::Plain(Char('N'))],
        action: Action::PrevMatch,
        name: "prev-match",
        label: "N",
        help: "previous search match",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Enter)],
        action: Action::Activate,
        name: "go-to",
        label: "Enter",
        help: "in figures or quotes: jump to the selected one in the text",
        hints: &[Hint("Enter", "go to", Where::Items)],
    },
    Binding {
        keys: &[Key::Plain(Char('a'))],
        action: Action::ToggleView,
        name: "article",
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
        name: "compare",
        label: "c",
        help: "compare view: the original beside its conversion (c again: back)",
        hints: &[Hint("c", "back", Where::Compare)],
    },
    Binding {
        keys: &[Key::Plain(Char('v'))],
        action: Action::ToggleChrome,
        name: "chrome",
        label: "v",
        help: "article view: show / hide the lines set apart as page chrome (dim, at the end)",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('y'))],
        action: Action::Copy,
        name: "copy",
        label: "y",
        help: "copy the selected quote or figure (or the name) to the clipboard",
        hints: &[Hint("y", "copy", Where::Items)],
    },
    Binding {
        keys: &[Key::Plain(Esc)],
        action: Action::Back,
        name: "back",
        label: "Esc",
        help: "back: close help or prompt, stop a running search or conversion, clear the search, leave a view; never quits",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('q'))],
        action: Action::Quit,
        name: "quit",
        label: "q",
        help: "quit (in help: close it)",
        hints: &[Hint("q", "quit", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        action: Action::Interrupt,
        name: "",
        label: "Ctrl-c",
        help: "quit from anywhere",
        hints: &[],
    },
    Binding {
        keys: &[Key::Plain(Char('?'))],
        action: Action::Help,
        name: "help",
        label: "?",
        help: "open / close this help",
        hints: &[Hint("?", "help", Where::Anywhere)],
    },
    Binding {
        keys: &[Key::Ctrl('z')],
        action: Action::Suspend,
        name: "suspend",
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

/// The action for a key event in the default table ([`KEYMAP`]; the config file's is
/// [`KeyTable::action_for`]), or `None` for keys the table does not list and for key
/// releases. While the search prompt is open (`typing`), keys edit the prompt as
/// readline does (tui-input's bindings: ← → Home End, Ctrl-a/e/b/f, Ctrl-w, Ctrl-u,
/// Ctrl-k, Ctrl-y, Alt-b/f, Backspace, Delete), Up and Down recall earlier queries, Enter
/// searches, Esc closes it; Ctrl-c still quits.
pub fn action_for(ev: &KeyEvent, typing: bool) -> Option<Action> {
    static DEFAULT: std::sync::LazyLock<KeyTable> = std::sync::LazyLock::new(KeyTable::default);
    DEFAULT.action_for(ev, typing)
}

/// The action for a key pressed in the search prompt (see [`action_for`]).
fn prompt_action(ev: &KeyEvent) -> Option<Action> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        Char('c') if ctrl => Some(Action::Interrupt),
        Enter => Some(Action::InputSubmit),
        Esc => Some(Action::InputCancel),
        Up => Some(Action::HistoryPrev),
        Down => Some(Action::HistoryNext),
        _ => tui_input::backend::crossterm::to_input_request(&crossterm::event::Event::Key(*ev))
            .map(Action::Edit),
    }
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

/// Parses a key as the config file's `[keys]` table writes it: one character (`j`, `G`,
/// `?`), `C-x` for Ctrl with a letter, or a name: `Space`, `Tab`, `S-Tab`, `Enter`, `Esc`,
/// `Backspace`, `Delete`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`
/// (the names of `--keys`, which may also be written in angle brackets: `<Tab>`).
///
/// Errors: one line saying what is not a key and how keys are written.
pub fn parse_key(s: &str) -> Result<Key, String> {
    let name = s
        .strip_prefix('<')
        .and_then(|n| n.strip_suffix('>'))
        .unwrap_or(s);
    let mut chars = name.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => Char(c),
        _ => match name {
            "Space" => Char(' '),
            "Tab" => Tab,
            "S-Tab" | "BackTab" => BackTab,
            "Enter" => Enter,
            "Esc" => Esc,
            "Backspace" => Backspace,
            "Delete" | "Del" => Delete,
            "Up" => Up,
            "Down" => Down,
            "Left" => Left,
            "Right" => Right,
            "PgUp" | "PageUp" => PageUp,
            "PgDn" | "PageDown" => PageDown,
            "Home" => Home,
            "End" => End,
            n => {
                let ctrl = n.strip_prefix("C-").or_else(|| n.strip_prefix("Ctrl-"));
                let mut cs = ctrl.unwrap_or("").chars();
                return match (cs.next(), cs.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() => {
                        Ok(Key::Ctrl(c.to_ascii_lowercase()))
                    }
                    _ => Err(format!(
                        "{s:?} is not a key: write one character, C-x for Ctrl with a letter, \
                         or Space, Tab, S-Tab, Enter, Esc, Backspace, Delete, Up, Down, Left, \
                         Right, PgUp, PgDn, Home, End"
                    )),
                };
            }
        },
    };
    Ok(Key::Plain(code))
}

/// How a key is written in the help overlay and the hints of a changed key table: the
/// form [`parse_key`] reads.
pub fn key_name(key: Key) -> String {
    match key {
        Key::Ctrl(c) => format!("C-{c}"),
        Key::Digits => "1-9".into(),
        Key::Plain(code) => match code {
            Char(' ') => "Space".into(),
            Char(c) => c.to_string(),
            Tab => "Tab".into(),
            BackTab => "S-Tab".into(),
            Enter => "Enter".into(),
            Esc => "Esc".into(),
            Backspace => "Backspace".into(),
            Delete => "Delete".into(),
            Up => "↑".into(),
            Down => "↓".into(),
            Left => "←".into(),
            Right => "→".into(),
            PageUp => "PgUp".into(),
            PageDown => "PgDn".into(),
            Home => "Home".into(),
            End => "End".into(),
            other => format!("{other:?}"),
        },
    }
}

/// The names of the actions whose keys the config file can change, in table order.
pub fn action_names() -> impl Iterator<Item = &'static str> {
    KEYMAP.iter().map(|b| b.name).filter(|n| !n.is_empty())
}

/// The key table in use: [`KEYMAP`] with the config file's `[keys]` overrides. An override
/// replaces all the keys of its action, and a key it takes from another action is no
/// longer that action's; the other keys stay as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTable {
    /// The keys of each row of [`KEYMAP`], in its order.
    keys: Vec<Vec<Key>>,
    /// Whether a row's keys differ from [`KEYMAP`]'s (its label is then made from them).
    changed: Vec<bool>,
    /// The rows the config file set, looked at first.
    set: Vec<usize>,
}

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable {
            keys: KEYMAP.iter().map(|b| b.keys.to_vec()).collect(),
            changed: vec![false; KEYMAP.len()],
            set: Vec::new(),
        }
    }
}

impl KeyTable {
    /// The table with `overrides` applied: (action name, its keys), in order (a later one
    /// for the same action wins). An empty list of keys leaves the action without a key.
    ///
    /// Errors: an unknown action name, or Ctrl-c given to an action (it always quits),
    /// as one line.
    pub fn with_overrides(overrides: &[(String, Vec<Key>)]) -> Result<KeyTable, String> {
        let mut t = KeyTable::default();
        for (name, keys) in overrides {
            let row = KEYMAP
                .iter()
                .position(|b| !b.name.is_empty() && b.name == name)
                .ok_or_else(|| {
                    format!(
                        "unknown action {name:?}; the actions are {}",
                        action_names().collect::<Vec<_>>().join(", ")
                    )
                })?;
            if keys.contains(&Key::Ctrl('c')) {
                return Err("C-c always quits; it cannot be given to another action".into());
            }
            for (r, ks) in t.keys.iter_mut().enumerate() {
                if r != row && ks.iter().any(|k| keys.contains(k)) {
                    ks.retain(|k| !keys.contains(k));
                    t.changed[r] = true;
                }
            }
            t.keys[row] = keys.clone();
            t.changed[row] = keys.as_slice() != KEYMAP[row].keys;
            t.set.retain(|&r| r != row);
            t.set.push(row);
        }
        Ok(t)
    }

    /// The keys of row `row` of [`KEYMAP`] (none past its end).
    pub fn keys(&self, row: usize) -> &[Key] {
        self.keys.get(row).map_or(&[], Vec::as_slice)
    }

    /// How row `row`'s keys are written in the help overlay: the table's label, or when
    /// the config changed them, their names ([`key_name`]), `-` for none.
    pub fn label(&self, row: usize) -> String {
        if !self.changed.get(row).copied().unwrap_or(false) {
            return KEYMAP.get(row).map_or("", |b| b.label).to_string();
        }
        let names: Vec<String> = self.keys(row).iter().map(|&k| key_name(k)).collect();
        if names.is_empty() {
            "-".into()
        } else {
            names.join(" ")
        }
    }

    /// The action for a key event (see [`action_for`]), through this table: the keys the
    /// config set first, then the rest in table order.
    pub fn action_for(&self, ev: &KeyEvent, typing: bool) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        if typing {
            return prompt_action(ev);
        }
        let rows = self.set.iter().copied().chain(0..KEYMAP.len());
        for r in rows {
            for &k in self.keys(r) {
                if let Some(n) = matches(k, ev) {
                    return Some(match (KEYMAP[r].action, n) {
                        (Action::Jump(_), Some(n)) => Action::Jump(n),
                        (a, _) => a,
                    });
                }
            }
        }
        None
    }

    /// Status-bar hints for `place` (see [`hints`]), their keys as this table has them:
    /// a key of the hint whose action the config changed is written as the action's first
    /// key now, and a hint whose action has no key left is not shown.
    pub fn hints(&self, place: Place) -> Vec<(String, &'static str)> {
        hints(place)
            .into_iter()
            .filter_map(|(keys, what)| {
                let parts: Option<Vec<String>> =
                    keys.split('/').map(|part| self.hint_key(part)).collect();
                parts.map(|p| (p.join("/"), what))
            })
            .collect()
    }

    /// The key written `part` in a hint of [`KEYMAP`], as this table has it (`None` when
    /// its action has no key left).
    fn hint_key(&self, part: &str) -> Option<String> {
        let Ok(key) = parse_key(part) else {
            return Some(part.to_string());
        };
        let Some(row) = KEYMAP.iter().position(|b| b.keys.contains(&key)) else {
            return Some(part.to_string());
        };
        if !self.changed[row] || self.keys[row].contains(&key) {
            return Some(part.to_string());
        }
        self.keys[row].first().map(|&k| key_name(k))
    }
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

    fn table(overrides: &[(&str, &[Key])]) -> Result<KeyTable, String> {
        let o: Vec<(String, Vec<Key>)> = overrides
            .iter()
            .map(|(n, k)| (n.to_string(), k.to_vec()))
            .collect();
        KeyTable::with_overrides(&o)
    }

    #[test]
    fn the_config_can_change_an_actions_keys() {
        let none = KeyModifiers::NONE;
        let t = table(&[
            ("quit", &[Key::Plain(Char('x'))]),
            ("down", &[Key::Ctrl('n'), Key::Plain(Char('k'))]),
            ("compare", &[]),
        ])
        .unwrap();
        let act = |code, m| t.action_for(&key(code, m), false);
        assert_eq!(act(Char('x'), none), Some(Action::Quit));
        assert_eq!(act(Char('q'), none), None, "q is no longer quit");
        assert_eq!(act(Char('n'), KeyModifiers::CONTROL), Some(Action::Down));
        assert_eq!(act(Char('k'), none), Some(Action::Down), "k taken from up");
        assert_eq!(act(Up, none), Some(Action::Up), "up keeps its other key");
        assert_eq!(act(Char('j'), none), None);
        assert_eq!(act(Char('c'), none), None, "compare has no key");
        assert_eq!(act(Char('3'), none), Some(Action::Jump(2)));
        assert_eq!(
            act(Char('c'), KeyModifiers::CONTROL),
            Some(Action::Interrupt)
        );
        // The prompt's keys stay.
        assert_eq!(
            t.action_for(&key(Char('x'), none), true),
            Some(Action::Edit(tui_input::InputRequest::InsertChar('x')))
        );

        let row = |a| KEYMAP.iter().position(|b| b.action == a).unwrap();
        assert_eq!(t.label(row(Action::Quit)), "x");
        assert_eq!(t.label(row(Action::Down)), "C-n k");
        assert_eq!(t.label(row(Action::Up)), "↑");
        assert_eq!(t.label(row(Action::Compare)), "-");
        assert_eq!(t.label(row(Action::Search)), "/");
        let h = t.hints(Place::default());
        assert!(h.contains(&("C-n/↑".to_string(), "move")), "{h:?}");
        assert!(h.contains(&("x".to_string(), "quit")), "{h:?}");
        let compare = Place {
            compare: true,
            ..Place::default()
        };
        assert!(!t.hints(compare).iter().any(|(_, w)| *w == "back"));
    }

    #[test]
    fn bad_overrides_are_refused_in_one_line() {
        assert!(
            table(&[("qiut", &[Key::Plain(Char('x'))])])
                .unwrap_err()
                .starts_with("unknown action \"qiut\"; the actions are up, down, next-pane,")
        );
        assert_eq!(
            table(&[("search", &[Key::Ctrl('c')])]).unwrap_err(),
            "C-c always quits; it cannot be given to another action"
        );
        assert!(table(&[("interrupt", &[])]).is_err());
        assert_eq!(table(&[]).unwrap(), KeyTable::default());
    }

    #[test]
    fn keys_are_written_as_the_config_writes_them() {
        assert_eq!(parse_key("j"), Ok(Key::Plain(Char('j'))));
        assert_eq!(parse_key("G"), Ok(Key::Plain(Char('G'))));
        assert_eq!(parse_key("C-F"), Ok(Key::Ctrl('f')));
        assert_eq!(parse_key("Ctrl-d"), Ok(Key::Ctrl('d')));
        assert_eq!(parse_key("<PgDn>"), Ok(Key::Plain(PageDown)));
        assert_eq!(parse_key("Space"), Ok(Key::Plain(Char(' '))));
        assert_eq!(parse_key("S-Tab"), Ok(Key::Plain(BackTab)));
        assert!(parse_key("").is_err());
        assert!(parse_key("C-1").is_err());
        assert!(parse_key("Hyper-x").unwrap_err().contains("is not a key"));
        for k in ["j", "C-f", "Space", "Tab", "S-Tab", "PgDn", "Enter"] {
            assert_eq!(key_name(parse_key(k).unwrap()), k);
        }
    }
}
