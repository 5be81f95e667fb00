//! Reader state and the one `update` that changes it (The Elm Architecture).
//!
//! The state types are in `types`, the key handling (`update`) in `keys`, the conversions
//! of the article to the script on screen in `views`, search in `search`, the views that fill the screen (article,
//! compare) in `full`, the analysis that finds the people while the reader is open in
//! `finding`.

mod finding;
mod full;
mod keys;
mod search;
pub mod searcher;
mod types;
mod views;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::Loaded;
use crate::article::{Article, ParagraphKind, Profile};
use crate::convert::{ConvertError, Converters, Script};

pub use super::keymap::Action;
pub use finding::{Finding, Found};
pub use keys::{OSC52_MAX_BYTES, OSC52_MAX_TEXT_BYTES, osc52_len};
pub use search::{HISTORY_MAX, Hit, INLINE_BYTES, Running, Search};
pub use types::{Pane, ParagraphIndex, Place, Scroll, Target, ViewKind};
pub use views::{SHOWN_CONVERSION_BYTES, release_free_memory, spawn_background};

/// The notice of the status bar when the article has no profiles.
pub const NO_PEOPLE: &str = "no people found — showing the article";

/// The notice of the status bar while the analysis runs, before the percentage of the
/// paragraphs it has covered.
pub const FINDING: &str = "finding people…";

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
    /// A conversion running in the background: its script, what it sends, its progress
    /// and cancellation.
    pending: Vec<(Script, Receiver<Background>, Arc<searcher::Progress>)>,
    /// The script whose background conversion Esc stopped: not started again until
    /// another script is shown (what is on screen is still converted as it comes).
    stopped: Option<Script>,
    /// The converters (shared with background conversions).
    pub(crate) converters: Arc<Converters>,
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
    /// Scroll state of the article view (its height and width).
    pub article_scroll: Scroll,
    /// Text to copy to the clipboard (OSC 52), taken by the event loop.
    pub clipboard: Option<String>,
    /// Where the last frame drew each pane and tab, for the mouse; set when drawn.
    pub regions: RefCell<Vec<(Target, ratatui::layout::Rect)>>,
    /// A one-off message for the status bar (e.g. a conversion error).
    pub message: Option<String>,
    /// The key table: [`super::keymap::KEYMAP`] with the config file's overrides.
    pub keys: super::keymap::KeyTable,
    /// Set by [`Action::Quit`].
    pub quit: bool,
    /// Set by [`Action::Suspend`]; the event loop suspends and clears it.
    pub suspend: bool,
    /// Lines the panes wrapped and styled, kept between frames (filled when drawn).
    pub(crate) drawn: super::cache::Drawn,
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
    /// Generation of the selected profile's figures as shown: changes whenever more of
    /// them are converted ([`App::ensure_figures`]); part of the figures pane's cache key.
    pub items_gen: usize,
    /// The first figure item the figures pane showed; set when drawn.
    pub figures_shown: Cell<usize>,
    /// Generation of the conversions: changes whenever a view's text changes.
    pub(crate) article_gen: usize,
    /// Whether the article view lists the lines set apart as page chrome (`v` toggles;
    /// shown at first). Hidden, one dim line says how many there are.
    pub show_chrome: bool,
    /// The article view's position: segment (0 the headline and byline, 1 + i paragraph
    /// i, then the dropped lines) and line within it; line keys move it past either end,
    /// and drawing brings it back into range.
    pub article_pos: Cell<(usize, isize)>,
    /// The first and last segment of the article view on screen; set when drawn.
    pub article_shown: Cell<(usize, usize)>,
    /// Where the article view stands, as an offset and the largest offset for the
    /// position shown on its border (in segments, a segment counting 100 of its lines);
    /// set when drawn.
    pub article_progress: Cell<(usize, usize)>,
    /// The compare view's position: segment (the `k`th paragraph compared, see
    /// [`super::panes::compare::compared`]) and line within it; line keys move it past
    /// either end, and drawing brings it back into range.
    pub compare_pos: Cell<(usize, isize)>,
    /// Where the compare view stands, as [`App::article_progress`] for the article view;
    /// set when drawn.
    pub compare_progress: Cell<(usize, usize)>,
    /// The compare view's height in rows and the width of each column, in display
    /// columns; set when drawn (0 before the first frame).
    pub compare_scroll: Scroll,
    /// The script to go back to when the compare view closes, when opening it switched
    /// away from the original.
    compare_restore: Option<Script>,
    /// The article view's widest text, in display columns (bar included): on a wider
    /// screen its column is centred. [`DEFAULT_MAX_WIDTH`] unless the config says.
    pub max_width: usize,
    /// A remembered place whose person the analysis has not found yet (see
    /// [`super::state`]).
    pub(crate) pending_place: Option<Place>,
    /// Whether the last frame was too small for anything but a notice; set when drawn.
    pub too_small: Cell<bool>,
}

/// What a background conversion sends, a batch at a time (see `views::Batch`).
type Background = Result<views::Batch, ConvertError>;

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
            stopped: None,
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
            keys: Default::default(),
            quit: false,
            suspend: false,
            drawn: Default::default(),
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
            items_gen: 0,
            figures_shown: Cell::new(0),
            article_gen: 0,
            show_chrome: true,
            article_pos: Cell::new((0, 0)),
            article_shown: Cell::new((0, 0)),
            article_progress: Cell::new((0, 0)),
            compare_pos: Cell::new((0, 0)),
            compare_progress: Cell::new((0, 0)),
            compare_scroll: Scroll::default(),
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
