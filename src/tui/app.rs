//! Reader state and the one `update` that changes it (The Elm Architecture).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use ratatui::text::Line;

use crate::article::Article;
use crate::convert::{ConvertError, Converters, Script};
use crate::{Loaded, Profile};

use super::keymap::Action;

/// Key of the wrapped-line cache: pane, script, selected profile, inner width in columns.
pub(crate) type WrapKey = (Pane, Script, usize, u16);

/// The panes that can take focus, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list of profiled people.
    People,
    /// The selected person's figures.
    Figures,
    /// The selected person's quotes.
    Quotes,
    /// The full text of the selected person's section.
    Text,
}

impl Pane {
    /// All panes in Tab order.
    pub const ALL: [Pane; 4] = [Pane::People, Pane::Figures, Pane::Quotes, Pane::Text];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::People => "People",
            Pane::Figures => "Figures",
            Pane::Quotes => "Quotes",
            Pane::Text => "Text",
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }
}

/// Scroll position of a pane, with the bounds the last frame measured.
#[derive(Debug, Default)]
pub struct Scroll {
    /// First wrapped line shown.
    pub offset: Cell<usize>,
    /// Largest useful offset (wrapped lines minus visible height), set when drawn.
    pub max: Cell<usize>,
    /// Visible height in lines, set when drawn.
    pub height: Cell<usize>,
}

impl Scroll {
    fn by(&self, delta: isize) {
        let o = self
            .offset
            .get()
            .saturating_add_signed(delta)
            .min(self.max.get());
        self.offset.set(o);
    }
    fn page(&self) -> isize {
        self.height.get().saturating_sub(1).max(1) as isize
    }
    /// Applies a scrolling action (line, page, top, bottom); others do nothing.
    fn apply(&self, action: Action) {
        match action {
            Action::Up => self.by(-1),
            Action::Down => self.by(1),
            Action::PageUp => self.by(-self.page()),
            Action::PageDown => self.by(self.page()),
            Action::Top => self.offset.set(0),
            Action::Bottom => self.offset.set(self.max.get()),
            _ => {}
        }
    }
}

/// Everything the reader shows; drawing only reads it.
pub struct App {
    /// The input's name (path, `<stdin>`, `<bundled article>`).
    pub name: String,
    /// The article as extracted, in its original script. Never modified.
    pub original: Article,
    /// Malformed byte sequences replaced while decoding.
    pub replaced: usize,
    /// The encoding the input was decoded with (WHATWG name).
    pub encoding: &'static str,
    /// The script on screen.
    pub script: Script,
    /// Conversions of `original`, per script (always made from `original`).
    views: HashMap<Script, Article>,
    /// A conversion running in the background.
    pending: Option<(Script, Receiver<Result<Article, ConvertError>>)>,
    converters: Arc<Converters>,
    /// Index of the selected profile.
    pub selected: usize,
    /// The focused pane.
    pub focus: Pane,
    /// The detail pane shown when only one fits (medium layout); follows focus.
    pub detail_tab: Pane,
    /// Scroll state per pane, indexed like [`Pane::ALL`].
    pub scroll: [Scroll; 4],
    /// Whether the help overlay is open.
    pub help: bool,
    /// Scroll state of the help overlay.
    help_scroll: Scroll,
    /// Whether the last frame showed the text pane beside the list (wide layout); set when
    /// drawn. Otherwise page keys with the list focused scroll the detail tab shown.
    pub text_visible: Cell<bool>,
    /// A one-off message for the status bar (e.g. a conversion error).
    pub message: Option<String>,
    /// Set by [`Action::Quit`].
    pub quit: bool,
    /// Set by [`Action::Suspend`]; the event loop suspends and clears it.
    pub suspend: bool,
    /// Wrapped-line cache for the panes: (pane, script, profile, width) → lines.
    pub(crate) wrap_cache: RefCell<HashMap<WrapKey, Rc<Vec<Line<'static>>>>>,
}

impl App {
    /// A reader on `loaded`, showing `script` first. Converts synchronously when `script`
    /// needs it; an error leaves the original on screen with the message in the status bar.
    pub fn new(loaded: Loaded, converters: Arc<Converters>, script: Script) -> Self {
        let mut app = App {
            name: loaded.name,
            original: loaded.article,
            replaced: loaded.replaced,
            encoding: loaded.encoding,
            script: Script::Original,
            views: HashMap::new(),
            pending: None,
            converters,
            selected: 0,
            focus: Pane::People,
            detail_tab: Pane::Figures,
            scroll: Default::default(),
            help: false,
            help_scroll: Scroll::default(),
            text_visible: Cell::new(true),
            message: None,
            quit: false,
            suspend: false,
            wrap_cache: RefCell::new(HashMap::new()),
        };
        app.set_script(script);
        app
    }

    /// Starts converting the script `t` would switch to in a background thread, so the
    /// first toggle does not wait for OpenCC's dictionary load.
    pub fn prefetch(&mut self) {
        let target = self.script.toggled(self.original.source());
        if self.views.contains_key(&target) || target == Script::Original {
            return;
        }
        let (tx, rx) = channel();
        let converters = Arc::clone(&self.converters);
        let article = self.original.clone();
        std::thread::spawn(move || {
            let _ = tx.send(converters.convert_article(&article, target));
        });
        self.pending = Some((target, rx));
    }

    /// Takes a finished background conversion, if any. Returns whether one arrived.
    pub fn poll_background(&mut self) -> bool {
        let Some((script, rx)) = &self.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok(result) => {
                let script = *script;
                self.pending = None;
                if let Ok(article) = result {
                    self.views.insert(script, article);
                }
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// The article as shown: the original or its conversion to the current script.
    pub fn article(&self) -> &Article {
        match self.script {
            Script::Original => &self.original,
            s => self.views.get(&s).unwrap_or(&self.original),
        }
    }

    /// The selected profile as shown, if the article has any.
    pub fn profile(&self) -> Option<&Profile> {
        self.article().profiles.get(self.selected)
    }

    /// Scroll state of the help overlay.
    pub fn scroll_of_help(&self) -> &Scroll {
        &self.help_scroll
    }

    /// Scroll state of `pane`.
    pub fn scroll_of(&self, pane: Pane) -> &Scroll {
        &self.scroll[pane.index()]
    }

    fn set_script(&mut self, script: Script) {
        if script != Script::Original && !self.views.contains_key(&script) {
            // Take the background result when it is this script; else convert now.
            if let Some((s, rx)) = self.pending.take() {
                if s == script {
                    if let Ok(Ok(a)) = rx.recv() {
                        self.views.insert(script, a);
                    }
                } else {
                    self.pending = Some((s, rx));
                }
            }
            if !self.views.contains_key(&script) {
                match self.converters.convert_article(&self.original, script) {
                    Ok(a) => {
                        self.views.insert(script, a);
                    }
                    Err(e) => {
                        self.message = Some(e.to_string());
                        return;
                    }
                }
            }
        }
        self.script = script;
    }

    fn select(&mut self, i: usize) {
        let n = self.original.profiles.len();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        if i != self.selected {
            self.selected = i;
            for p in [Pane::Figures, Pane::Quotes, Pane::Text] {
                self.scroll_of(p).offset.set(0);
            }
        }
    }

    /// The one place state changes: applies an action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if self.help {
            match action {
                Action::Help | Action::Back => self.help = false,
                Action::Quit => self.quit = true,
                Action::Suspend => self.suspend = true,
                a => self.help_scroll.apply(a),
            }
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
        match action {
            Action::Up if people => self.select(self.selected.saturating_sub(1)),
            Action::Down if people => self.select(self.selected + 1),
            Action::Top if people => self.select(0),
            Action::Bottom if people => self.select(usize::MAX),
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => self.scroll_of(target).apply(action),
            Action::Jump(i) => {
                if i < self.original.profiles.len() {
                    self.select(i);
                }
            }
            Action::NextPane => self.focus_pane(Pane::ALL[(self.focus.index() + 1) % 4]),
            Action::PrevPane => self.focus_pane(Pane::ALL[(self.focus.index() + 3) % 4]),
            Action::ToggleScript => {
                self.set_script(self.script.toggled(self.original.source()));
                self.prefetch();
            }
            Action::CycleScript => self.set_script(self.script.cycled()),
            Action::Help => {
                self.help = true;
                self.help_scroll.offset.set(0);
            }
            Action::Back | Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::People {
            self.detail_tab = pane;
        }
    }
}
