//! Reader state and the one `update` that changes it (The Elm Architecture).
//!
//! The state types are in `types`, the conversions of the article to the script on
//! screen in `views`, search in `search`, the views that fill the screen (article,
//! compare) in `full`, the analysis that finds the people while the reader is open in
//! `finding`.

mod finding;
mod full;
mod search;
pub mod searcher;
mod types;
mod views;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use ratatui::text::Line;

use crate::Loaded;
use crate::article::{Article, ParagraphKind, Profile};
use crate::convert::{ConvertError, Converters, Script};

pub use super::keymap::Action;
pub use finding::{Finding, Found};
pub use search::{HISTORY_MAX, Hit, INLINE_BYTES, Running, Search};
pub use types::{Pane, ParagraphIndex, Scroll, Target, ViewKind};
pub use views::{release_free_memory, spawn_background};

/// Key of the wrapped-line cache: pane, script, selected profile, inner width in columns,
/// and the generation of the marks (search matches, jump target) drawn in it.
pub(crate) type WrapKey = (Pane, Script, usize, u16, usize);

/// The notice of the status bar when the article has no profiles.
pub const NO_PEOPLE: &str = "no people found — showing the article";

/// The notice of the status bar while the analysis runs, before the percentage of the
/// paragraphs it has covered.
pub const FINDING: &str = "finding people…";

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

/// The article view's widest text by default, in display columns: 44 CJK characters and
/// the bar, a comfortable line.
pub const DEFAULT_MAX_WIDTH: usize = 90;

/// Everything the reader shows; drawing only reads it.
pub struct App {
    /// The input's name (path, `<stdin>`, `<bundled article>`).
    pub name: String,
    /// The article's text as extracted, in its original script: headline, byline,
    /// paragraphs, dropped lines (its `profiles` are empty: the people are in
    /// [`App::people`], which the analysis fills while the reader is open). Never
    /// modified; shared with background work (conversions, the analysis).
    pub original: Arc<Article>,
    /// The profiled people, in the original script, in order of first appearance. Only
    /// grows: the analysis appends the people of each part of the article as it is done.
    pub people: Vec<Profile>,
    /// The kind of each paragraph (as many as paragraphs): the analysis's where it has
    /// been, cleaning's elsewhere.
    pub kinds: Vec<ParagraphKind>,
    /// The analysis under way, until it has covered every paragraph (`None` then).
    pub finding: Option<Finding>,
    /// Whether the user has done anything yet (an action reached [`App::update`]). Until
    /// then the first people found open the panes; afterwards the view stays.
    pub acted: bool,
    /// Where each paragraph of `original` stands among the profiles.
    pub index: ParagraphIndex,
    /// Malformed byte sequences replaced while decoding.
    pub replaced: usize,
    /// The encoding the input was decoded with (WHATWG name).
    pub encoding: &'static str,
    /// The script on screen.
    pub script: Script,
    /// Conversions of `original`, per script (always made from `original`).
    views: HashMap<Script, views::Conversion>,
    /// A conversion running in the background.
    pending: Vec<(Script, Receiver<Background>)>,
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
    /// The view on screen.
    pub view: ViewKind,
    /// Scroll state of the article view (its height) and of the compare view.
    pub article_scroll: Scroll,
    /// Text to copy to the clipboard (OSC 52), taken by the event loop.
    pub clipboard: Option<String>,
    /// Where the last frame drew each pane and tab, for the mouse; set when drawn.
    pub regions: RefCell<Vec<(Target, ratatui::layout::Rect)>>,
    /// A one-off message for the status bar (e.g. a conversion error).
    pub message: Option<String>,
    /// Set by [`Action::Quit`].
    pub quit: bool,
    /// Set by [`Action::Suspend`]; the event loop suspends and clears it.
    pub suspend: bool,
    /// Wrapped-line cache for the panes (see [`WrapKey`]).
    pub(crate) wrap_cache: RefCell<HashMap<WrapKey, Rc<Vec<Line<'static>>>>>,
    /// Wrapped items of the figures and quotes panes, by the same key as `wrap_cache`.
    pub(crate) list_cache: RefCell<HashMap<WrapKey, Rc<super::panes::ListLines>>>,
    /// The search prompt (a line editor) while the user types a query after `/`.
    pub input: Option<tui_input::Input>,
    /// The search whose matches are marked: the last one submitted, or while the prompt
    /// is open the one as typed.
    pub search: Option<Search>,
    /// The search there was when the prompt opened, brought back by Esc.
    search_before: Option<Search>,
    /// A search under way on another thread.
    pub searching: Option<Running>,
    /// The search index, built by the first search and kept for the next.
    search_index: search::Index,
    /// Progress and cancellation of building the search index.
    index_progress: Arc<searcher::Progress>,
    /// Articles with fewer bytes of text than this are searched at once, on this thread
    /// ([`INLINE_BYTES`]; tests set 0 to search in the background).
    pub search_inline_bytes: usize,
    /// Bytes of text in the article (headline and paragraphs).
    text_bytes: usize,
    /// Queries submitted, oldest first (at most [`HISTORY_MAX`]); Up and Down in the
    /// prompt recall them.
    pub history: Vec<String>,
    /// Whether `history` changed since it was loaded (the caller saves it).
    pub history_changed: bool,
    /// The query of the history the prompt shows (Up/Down), if any.
    history_at: Option<usize>,
    /// The text a jump landed on (paragraph, byte range), highlighted in the text pane.
    pub mark: Option<(usize, std::ops::Range<usize>)>,
    /// A jump the text pane has yet to scroll to (paragraph, byte); taken when drawn.
    pub pending_jump: Cell<Option<(usize, usize)>>,
    /// A jump the article view has yet to scroll to (segment, byte); taken when drawn.
    pub article_jump: Cell<Option<(usize, usize)>>,
    /// Selected item in the figures and quotes panes.
    pub items: [usize; 2],
    /// Generation of the marks; part of the wrap cache key.
    pub marks_gen: usize,
    /// Generation of the conversions: changes whenever a view's text changes.
    pub(crate) article_gen: usize,
    /// Whether the article view lists the lines set apart as page chrome (`v` toggles;
    /// shown at first). Hidden, one dim line says how many there are.
    pub show_chrome: bool,
    /// The article view's wrapped lines per segment (see
    /// [`super::panes::article::segment_lines`]).
    pub(crate) article_lines: RefCell<ArticleSegments>,
    /// The article view's position: segment (0 the headline and byline, 1 + i paragraph
    /// i, then the dropped lines) and line within it; line keys move it past either end,
    /// and drawing brings it back into range ([`super::panes::article::visible`]).
    pub article_pos: Cell<(usize, isize)>,
    /// The first and last segment of the article view on screen; set when drawn.
    pub article_shown: Cell<(usize, usize)>,
    /// Where the article view stands, as an offset and the largest offset for
    /// [`super::panes::position_label`] (in segments, a segment counting 100 of its lines);
    /// set when drawn.
    pub article_progress: Cell<(usize, usize)>,
    /// The script to go back to when the compare view closes, when opening it switched
    /// away from the original.
    compare_restore: Option<Script>,
    /// The article view's widest text, in display columns (bar included): on a wider
    /// screen its column is centred. [`DEFAULT_MAX_WIDTH`] unless the config says.
    pub max_width: usize,
    /// A remembered place whose person the analysis has not found yet (see
    /// [`super::state`]).
    pub(crate) pending_place: Option<super::state::Place>,
    /// Whether the last frame was too small for anything but a notice; set when drawn.
    pub too_small: Cell<bool>,
}

/// What a background conversion sends: the text converted, and the labels of the people
/// found when it began (see `views::label_rows`).
type Background = Result<(Article, Vec<Profile>), ConvertError>;

/// What the article view's wrapped lines depend on: script, width, [`App::article_gen`],
/// the selected profile (its paragraphs are marked) and [`App::marks_gen`].
pub(crate) type ArticleKey = (Script, usize, usize, usize, usize);

/// Wrapped segments of the article view, each wrapped when first drawn: a long
/// compilation's article view wraps what is on screen, not the whole document.
#[derive(Default)]
pub(crate) struct ArticleSegments {
    /// What the lines were wrapped for.
    pub(crate) key: Option<ArticleKey>,
    /// Lines per segment.
    pub(crate) lines: HashMap<usize, Rc<Vec<Line<'static>>>>,
}

impl App {
    /// A reader on `loaded`, showing `script` first. Converts synchronously what is on
    /// screen when `script` needs it; an error leaves the original on screen with the
    /// message in the status bar. An article without profiles opens in the article view.
    ///
    /// When `loaded` is not analysed ([`Loaded::analysed`]), the reader finds the people
    /// itself: [`App::start_analysis`] starts the analysis in the background (the event
    /// loop does it after the first frame), and until then the status bar says
    /// [`FINDING`] with 0%.
    pub fn new(loaded: Loaded, converters: Arc<Converters>, script: Script) -> Self {
        let mut article = loaded.article;
        // The people move out of the article, which is then text only, shared as it is.
        let people = std::mem::take(&mut article.profiles);
        let n = article.paragraphs.len();
        let kinds: Vec<ParagraphKind> = (0..n).map(|i| article.kind(i)).collect();
        let index = ParagraphIndex::new(n, &people);
        let view = if people.is_empty() {
            ViewKind::Article
        } else {
            ViewKind::Profiles
        };
        let mut app = App {
            name: loaded.name,
            original: Arc::new(article),
            people,
            kinds,
            finding: (!loaded.analysed).then(Finding::default),
            acted: false,
            index,
            replaced: loaded.replaced,
            encoding: loaded.encoding,
            script: Script::Original,
            views: HashMap::new(),
            pending: Vec::new(),
            converters,
            selected: 0,
            focus: Pane::People,
            detail_tab: Pane::Text,
            scroll: Default::default(),
            help: false,
            help_scroll: Scroll::default(),
            text_visible: Cell::new(true),
            regions: RefCell::new(Vec::new()),
            view,
            article_scroll: Scroll::default(),
            clipboard: None,
            message: None,
            quit: false,
            suspend: false,
            wrap_cache: RefCell::new(HashMap::new()),
            list_cache: RefCell::new(HashMap::new()),
            input: None,
            search: None,
            search_before: None,
            searching: None,
            search_index: Default::default(),
            index_progress: Default::default(),
            search_inline_bytes: INLINE_BYTES,
            text_bytes: 0,
            history: Vec::new(),
            history_changed: false,
            history_at: None,
            mark: None,
            pending_jump: Cell::new(None),
            article_jump: Cell::new(None),
            items: [0, 0],
            marks_gen: 0,
            article_gen: 0,
            show_chrome: true,
            article_lines: RefCell::new(ArticleSegments::default()),
            article_pos: Cell::new((0, 0)),
            article_shown: Cell::new((0, 0)),
            article_progress: Cell::new((0, 0)),
            compare_restore: None,
            too_small: Cell::new(false),
            max_width: DEFAULT_MAX_WIDTH,
            pending_place: None,
        };
        app.text_bytes = app.original.headline.len()
            + app
                .original
                .paragraphs
                .iter()
                .map(String::len)
                .sum::<usize>();
        app.set_script(script);
        app
    }

    /// Scroll state of the help overlay.
    pub fn scroll_of_help(&self) -> &Scroll {
        &self.help_scroll
    }

    /// Scroll state of `pane`.
    pub fn scroll_of(&self, pane: Pane) -> &Scroll {
        &self.scroll[pane.index()]
    }

    /// The kind of paragraph `i` (text past the end).
    pub fn kind(&self, i: usize) -> ParagraphKind {
        self.kinds.get(i).copied().unwrap_or_default()
    }

    /// The view the reader comes back to: the panes, or the article view when the article
    /// has no profiles (yet).
    fn home_view(&self) -> ViewKind {
        if self.people.is_empty() {
            ViewKind::Article
        } else {
            ViewKind::Profiles
        }
    }

    pub(super) fn select(&mut self, i: usize) {
        let n = self.people.len();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        self.poll_background();
        self.ensure_converted(i);
        self.ensure_labels(i);
        if i != self.selected {
            self.selected = i;
            for p in [Pane::Figures, Pane::Quotes, Pane::Text] {
                self.scroll_of(p).offset.set(0);
            }
            self.items = [0, 0];
            self.mark = None;
            self.marks_gen += 1;
        }
    }

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
        let Some(range) = super::lines::locate(para, &text, offset) else {
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
                self.set_script(self.script.toggled(self.original.source()));
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
                        self.set_script(self.script.toggled(self.original.source()));
                        self.compare_restore = Some(Script::Original);
                    }
                    if self.people.is_empty() {
                        self.ensure_all_converted(); // the whole text is compared
                    }
                    self.ensure_converted(self.selected);
                    self.article_scroll.offset.set(0);
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
    /// clears the search and the
    /// jump mark first, then leaves the article or compare view, then focuses the people
    /// list; with nothing left to undo it says how to quit.
    fn back(&mut self) {
        if self.searching.is_some() {
            self.cancel_search();
            self.message = Some("search cancelled".into());
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
    fn mouse(&mut self, m: super::keymap::Mouse) {
        use super::keymap::MouseKind;
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

    /// The panes in the order Tab visits them (and the tab bars show them): as they stand
    /// left to right in the wide layout (people, figures, quotes, text); the text first
    /// after the list where panes share the screen, since it is what is read most.
    pub fn pane_order(&self) -> [Pane; 4] {
        if self.text_visible.get() {
            Pane::ALL
        } else {
            [Pane::People, Pane::Text, Pane::Figures, Pane::Quotes]
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::People {
            self.detail_tab = pane;
        }
    }
}
