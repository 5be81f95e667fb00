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

/// Key of the wrapped-line cache: pane, script, selected profile, inner width in columns,
/// and the generation of the marks (search matches, jump target) drawn in it.
pub(crate) type WrapKey = (Pane, Script, usize, u16, usize);

/// A search match: profile index (0 when the article has none), block of the text pane
/// ([`super::panes::text::blocks`]) and byte range in the block's text as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the profile.
    pub profile: usize,
    /// Index of the block in the text pane.
    pub block: usize,
    /// Byte range in the block's text, in the script on screen.
    pub range: std::ops::Range<usize>,
}

/// A search: the query as typed, its matches in the script on screen, the current match.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query as typed.
    pub query: String,
    /// Matches, in reading order.
    pub hits: Vec<Hit>,
    /// Index of the current match in `hits`.
    pub current: usize,
    /// The query in every script (as typed, 简体, 繁體, 台灣正體, 香港繁體), to mark matches in
    /// the lists (people, figures, quotes) whatever script they are shown in.
    pub terms: Vec<String>,
}

impl Search {
    /// Byte ranges in `text` where one of the query's forms occurs, sorted, not overlapping.
    pub fn ranges_in(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for t in self.terms.iter().filter(|t| !t.is_empty()) {
            out.extend(text.match_indices(t.as_str()).map(|(i, m)| i..i + m.len()));
        }
        out.sort_by_key(|r| r.start);
        let mut end = 0;
        out.retain(|r| {
            let keep = r.start >= end;
            if keep {
                end = r.end;
            }
            keep
        });
        out
    }
}

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

/// What a mouse click can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A pane (its whole bordered area).
    Pane(Pane),
    /// A tab of a tab bar that shows `Pane`.
    Tab(Pane),
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
    pub(crate) fn by(&self, delta: isize) {
        let o = self
            .offset
            .get()
            .saturating_add_signed(delta)
            .min(self.max.get());
        self.offset.set(o);
    }
    pub(crate) fn page(&self) -> isize {
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

/// Which view fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// People, figures, quotes and the selected person's text in panes.
    Profiles,
    /// The whole article from start to end.
    Article,
    /// The selected profile in the original script beside its conversion.
    Compare,
}

/// A conversion of the article to one script, possibly partial.
///
/// A profile is in one of three states: its label only ([`Profile::label`]: no paragraphs,
/// figures or quotes; in the original script unless `labels` says otherwise), its text
/// (labels and paragraphs converted, no figures or quotes: what the background conversion
/// gives, at about the size of the text), or whole (figures and quotes too: the selected
/// profile, converted when it is selected).
struct Conversion {
    /// The article.
    article: Article,
    /// Which profiles have their figures and quotes converted too.
    whole: Vec<bool>,
    /// Which profiles have their paragraphs converted.
    text: Vec<bool>,
    /// Which profiles' labels (name, role, heading, caption, number) are converted.
    labels: Vec<bool>,
}

impl Conversion {
    /// A finished conversion: every profile converted whole.
    fn whole(article: Article) -> Self {
        let n = article.profiles.len();
        Conversion {
            article,
            whole: vec![true; n],
            text: vec![true; n],
            labels: vec![true; n],
        }
    }

    /// Takes the profiles of a text conversion ([`Converters::convert_article_text`]) that
    /// this view has not converted whole.
    fn merge_text(&mut self, converted: Article) {
        for (k, p) in converted.profiles.into_iter().enumerate() {
            if !self.whole[k] {
                self.article.profiles[k] = p;
                self.text[k] = true;
                self.labels[k] = true;
            }
        }
    }

    /// Whether every profile's text is converted.
    fn complete(&self) -> bool {
        self.text.iter().all(|&t| t)
    }
}

/// How many list rows before and after the selected profile have their labels converted
/// when a script is shown or the selection moves; at least as many as the people pane
/// last showed.
const LABEL_WINDOW: usize = 50;

/// Gives the memory the allocator holds free back to the system (glibc's `malloc_trim`):
/// loading or converting a long compilation frees much of what it used, and glibc would
/// otherwise keep it, counted in every later peak. Does nothing elsewhere.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap memory; it has no other effect.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Runs `work` on a new thread at a lower scheduling priority (nice 10, Linux applies it to
/// the calling thread and the threads it starts), so background conversion never takes a
/// core from the thread that draws and reads keys.
pub fn spawn_background(work: impl FnOnce() + Send + 'static) {
    std::thread::spawn(move || {
        // SAFETY: setpriority only changes this thread's nice value; failure is harmless.
        #[cfg(target_os = "linux")]
        unsafe {
            libc::setpriority(libc::PRIO_PROCESS, 0, 10);
        }
        work();
    });
}

/// Everything the reader shows; drawing only reads it.
pub struct App {
    /// The input's name (path, `<stdin>`, `<bundled article>`).
    pub name: String,
    /// The article as extracted, in its original script. Never modified; shared with
    /// background conversions.
    pub original: Arc<Article>,
    /// Malformed byte sequences replaced while decoding.
    pub replaced: usize,
    /// The encoding the input was decoded with (WHATWG name).
    pub encoding: &'static str,
    /// The script on screen.
    pub script: Script,
    /// Conversions of `original`, per script (always made from `original`).
    views: HashMap<Script, Conversion>,
    /// A conversion running in the background.
    pending: Vec<(Script, Receiver<Result<Article, ConvertError>>)>,
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
    /// Scroll state of the article view.
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
    /// The search prompt's text while the user types a query after `/`.
    pub input: Option<String>,
    /// The last search, if any.
    pub search: Option<Search>,
    /// The text a jump landed on (block, byte range), highlighted in the text pane.
    pub mark: Option<(usize, std::ops::Range<usize>)>,
    /// A jump the text pane has yet to scroll to (block, byte); taken when drawn.
    pub pending_jump: Cell<Option<(usize, usize)>>,
    /// Selected item in the figures and quotes panes.
    pub items: [usize; 2],
    /// Generation of the marks; part of the wrap cache key.
    pub marks_gen: usize,
    /// Generation of the conversions: changes whenever a view's text changes.
    pub(crate) article_gen: usize,
    /// The article view's wrapped lines per segment, for one script, width and text
    /// (see [`super::panes::article::segment_lines`]).
    pub(crate) article_lines: RefCell<ArticleSegments>,
    /// The article view's position: segment (0 the headline and lead, 1 + k profile k, then
    /// the closing) and line within it; lines keys move it past either end, and drawing
    /// brings it back into range ([`super::panes::article::visible`]).
    pub article_pos: Cell<(usize, isize)>,
    /// The script to go back to when the compare view closes, when opening it switched
    /// away from the original.
    compare_restore: Option<Script>,
    /// Whether the last frame was too small for anything but a notice; set when drawn.
    pub too_small: Cell<bool>,
}

/// What the article view's wrapped lines depend on: script, width, [`App::article_gen`].
pub(crate) type ArticleKey = (Script, usize, usize);

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
    /// A reader on `loaded`, showing `script` first. Converts synchronously when `script`
    /// needs it; an error leaves the original on screen with the message in the status bar.
    pub fn new(loaded: Loaded, converters: Arc<Converters>, script: Script) -> Self {
        let mut app = App {
            name: loaded.name,
            original: Arc::new(loaded.article),
            replaced: loaded.replaced,
            encoding: loaded.encoding,
            script: Script::Original,
            views: HashMap::new(),
            pending: Vec::new(),
            converters,
            selected: 0,
            focus: Pane::People,
            detail_tab: Pane::Figures,
            scroll: Default::default(),
            help: false,
            help_scroll: Scroll::default(),
            text_visible: Cell::new(true),
            regions: RefCell::new(Vec::new()),
            view: ViewKind::Profiles,
            article_scroll: Scroll::default(),
            clipboard: None,
            message: None,
            quit: false,
            suspend: false,
            wrap_cache: RefCell::new(HashMap::new()),
            input: None,
            search: None,
            mark: None,
            pending_jump: Cell::new(None),
            items: [0, 0],
            marks_gen: 0,
            article_gen: 0,
            article_lines: RefCell::new(ArticleSegments::default()),
            article_pos: Cell::new((0, 0)),
            compare_restore: None,
            too_small: Cell::new(false),
        };
        app.set_script(script);
        app
    }

    /// Builds the OpenCC config for the script `t` would switch to in a background thread,
    /// so the first toggle does not wait for OpenCC's dictionary load. (The conversion
    /// itself waits for the toggle: made ahead, it would double the memory a long
    /// compilation takes from the start.)
    pub fn prefetch(&mut self) {
        let target = self.script.toggled(self.original.source());
        if let Some(config) = self.converters.config_for(self.original.source(), target) {
            let converters = Arc::clone(&self.converters);
            spawn_background(move || {
                let _ = converters.warm(config);
            });
        }
    }

    /// Starts converting the whole article to `target` in a background thread, unless it is
    /// done or under way.
    fn convert_in_background(&mut self, target: Script) {
        let complete = self.views.get(&target).is_some_and(Conversion::complete);
        if complete || target == Script::Original || self.pending.iter().any(|(s, _)| *s == target)
        {
            return;
        }
        let (tx, rx) = channel();
        let converters = Arc::clone(&self.converters);
        let article = Arc::clone(&self.original);
        spawn_background(move || {
            let _ = tx.send(converters.convert_article_text(&article, target));
        });
        self.pending.push((target, rx));
    }

    /// Waits for every background conversion under way and takes its result (for
    /// benchmarks and tests that must not leave work running).
    pub fn wait_background(&mut self) {
        for (script, rx) in std::mem::take(&mut self.pending) {
            if let Ok(Ok(article)) = rx.recv() {
                self.merge_text(script, article);
            }
        }
    }

    /// Takes a text conversion of the whole article into the view of `script`, if that
    /// view is still kept.
    fn merge_text(&mut self, script: Script, article: Article) -> bool {
        let Some(view) = self.views.get_mut(&script) else {
            return false;
        };
        view.merge_text(article);
        self.article_gen += 1;
        self.marks_gen += 1;
        release_free_memory();
        true
    }

    /// Takes finished background conversions. Returns whether one arrived.
    pub fn poll_background(&mut self) -> bool {
        let mut arrived = false;
        let mut still = Vec::new();
        for (script, rx) in std::mem::take(&mut self.pending) {
            match rx.try_recv() {
                // A conversion for a script whose view was dropped meanwhile is dropped too.
                Ok(Ok(article)) => arrived |= self.merge_text(script, article),
                Ok(Err(_)) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {}
                Err(std::sync::mpsc::TryRecvError::Empty) => still.push((script, rx)),
            }
        }
        self.pending = still;
        arrived
    }

    /// The article as shown: the original or its conversion to the current script. In a
    /// conversion (see [`Conversion`]) the selected profile is always converted whole and
    /// the list rows around it have their labels; other profiles may be labels only (until
    /// the background conversion arrives) or text without figures and quotes (the article
    /// view marks those from the original, [`super::panes::text::highlights_at_offsets`]).
    pub fn article(&self) -> &Article {
        match self.script {
            Script::Original => &self.original,
            s => self.views.get(&s).map_or(&self.original, |v| &v.article),
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

    /// Shows `script`: at once what is on screen (headline, lead and closing
    /// ([`Converters::convert_head`]), the list rows around the selection, the selected
    /// profile), the rest in the background. The work done at once does not grow with the
    /// number of profiles beyond copying their labels.
    fn set_script(&mut self, script: Script) {
        self.poll_background();
        // One conversion is kept besides the original (and the simplified one that search
        // compares with): on a long compilation each is as large as the original.
        if script != Script::Original {
            let searching = self.search.is_some();
            let before = self.views.len();
            self.views
                .retain(|&k, _| k == script || searching && k == Script::Simplified);
            self.pending.retain(|(k, _)| *k == script);
            // And the OpenCC dictionaries of other scripts (built again when shown again).
            let source = self.original.source();
            let mut keep = vec![crate::convert::Config::T2s];
            keep.extend(
                std::iter::once(script)
                    .chain(searching.then_some(Script::Simplified))
                    .filter_map(|s| self.converters.config_for(source, s)),
            );
            self.converters.release(&keep);
            if self.views.len() < before {
                release_free_memory();
            }
        }
        if script != Script::Original && !self.views.contains_key(&script) {
            match self.converters.convert_head(&self.original, script) {
                Ok(article) => {
                    let n = article.profiles.len();
                    self.article_gen += 1;
                    self.views.insert(
                        script,
                        Conversion {
                            article,
                            whole: vec![false; n],
                            text: vec![false; n],
                            labels: vec![false; n],
                        },
                    );
                }
                Err(e) => {
                    self.message = Some(e.to_string());
                    return;
                }
            }
            if self.original.profiles.len() > 1 {
                self.convert_in_background(script);
            }
        }
        self.script = script;
        self.ensure_converted(self.selected);
        self.ensure_labels(self.selected);
    }

    /// Converts the labels of the list rows within [`LABEL_WINDOW`] of row `i` in the
    /// current script's view, where the background has not.
    fn ensure_labels(&mut self, i: usize) {
        let source = self.original.source();
        let script = self.script;
        let Some(view) = self.views.get_mut(&script) else {
            return;
        };
        let n = view.labels.len();
        let window = LABEL_WINDOW.max(self.scroll[Pane::People.index()].height.get() + 1);
        let (lo, hi) = (i.saturating_sub(window), (i + window + 1).min(n));
        let Some(first) = (lo..hi).find(|&k| !view.labels[k]) else {
            return;
        };
        let last = (first..hi).rfind(|&k| !view.labels[k]).unwrap_or(first);
        // Rows already converted in between are converted again from their original labels.
        let mut rows: Vec<Profile> = self.original.profiles[first..=last]
            .iter()
            .map(Profile::label)
            .collect();
        match self.converters.convert_labels(&mut rows, source, script) {
            Ok(()) => {
                for (k, row) in (first..=last).zip(rows) {
                    self.article_gen += 1;
                    let p = &mut view.article.profiles[k];
                    if !view.text[k] {
                        *p = row;
                    }
                    view.labels[k] = true;
                }
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// Makes the current script's view complete, every profile's text converted (the article
    /// view and search read every profile): takes the background conversion when it is
    /// under way (waiting for it), else converts the text now.
    fn ensure_all_converted(&mut self) {
        let script = self.script;
        if self.views.get(&script).is_none_or(Conversion::complete) {
            return;
        }
        if let Some(k) = self.pending.iter().position(|(s, _)| *s == script) {
            let (_, rx) = self.pending.remove(k);
            if let Ok(Ok(article)) = rx.recv() {
                self.merge_text(script, article);
                return;
            }
        }
        match self.converters.convert_article_text(&self.original, script) {
            Ok(article) => {
                self.merge_text(script, article);
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// Converts profile `i` of the current script's view whole (labels, text, figures,
    /// quotes) unless it is already.
    fn ensure_converted(&mut self, i: usize) {
        let source = self.original.source();
        let script = self.script;
        let Some(view) = self.views.get_mut(&script) else {
            return;
        };
        if view.whole.get(i).copied().unwrap_or(true) {
            return;
        }
        let Some(original) = self.original.profiles.get(i) else {
            return;
        };
        let mut p = original.clone();
        match self.converters.convert_profile(&mut p, source, script) {
            Ok(()) => {
                view.article.profiles[i] = p;
                self.article_gen += 1;
                view.whole[i] = true;
                view.text[i] = true;
                view.labels[i] = true;
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// The profile whose section is at the top of the article view as last drawn; `None`
    /// above the first section (headline and lead).
    pub fn article_top_profile(&self) -> Option<usize> {
        let n = self.original.profiles.len();
        match self.article_pos.get().0 {
            0 => None,
            seg => Some((seg - 1).min(n.checked_sub(1)?)),
        }
    }

    /// Puts the start of profile `k`'s section at the top of the article view.
    fn show_section(&self, k: usize) {
        self.article_pos
            .set((k + 1, super::panes::article::SECTION_START));
    }

    fn select(&mut self, i: usize) {
        let n = self.original.profiles.len();
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

    /// Marks to draw in block `block` of the text pane: search matches of the selected
    /// profile, and the jump target; `true` for the current one.
    pub fn marks_in(&self, block: usize) -> Vec<(std::ops::Range<usize>, bool)> {
        let mut out: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
        if let Some(s) = &self.search {
            for (i, h) in s.hits.iter().enumerate() {
                if h.profile == self.selected && h.block == block {
                    out.push((h.range.clone(), i == s.current));
                }
            }
        }
        if let Some((b, r)) = &self.mark
            && *b == block
        {
            out.push((r.clone(), true));
        }
        out
    }

    /// Finds `query` in every profile's text, ignoring the script: the query and the text
    /// are both compared in simplified script (OpenCC `t2s` for the query, the article's own
    /// conversion for the text), and matches are mapped back to the script on screen by
    /// character offset (or found directly in the text on screen where a conversion changed
    /// a block's length). ASCII letters match without regard to case.
    ///
    /// Searches the view on screen as it is: make it complete first (search and
    /// refresh do).
    pub fn find(&self, query: &str) -> Vec<Hit> {
        use super::panes::text::blocks;
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let simplified_query = self
            .converters
            .convert_str(crate::convert::Config::T2s, query)
            .unwrap_or_else(|_| query.to_string())
            .to_ascii_lowercase();
        let simplified = match self.views.get(&Script::Simplified) {
            Some(v) if v.complete() => &v.article,
            _ => &self.original, // a simplified source (see `ensure_simplified`)
        };
        let shown = self.article();
        let n = shown.profiles.len().max(1);
        let mut hits = Vec::new();
        for k in 0..n {
            let on_screen = blocks(shown, k);
            let normal = blocks(simplified, k);
            for (bi, (b, nb)) in on_screen.iter().zip(&normal).enumerate() {
                let lower = nb.text.to_ascii_lowercase();
                let same_length = b.text.chars().count() == nb.text.chars().count();
                let starts: Vec<(usize, usize)> = if same_length {
                    lower
                        .match_indices(&simplified_query)
                        .map(|(i, m)| (lower[..i].chars().count(), m.chars().count()))
                        .collect()
                } else {
                    let shown_lower = b.text.to_ascii_lowercase();
                    let q = query.to_ascii_lowercase();
                    shown_lower
                        .match_indices(&q)
                        .map(|(i, m)| (shown_lower[..i].chars().count(), m.chars().count()))
                        .collect()
                };
                for (c0, len) in starts {
                    let byte = |c: usize| {
                        b.text
                            .char_indices()
                            .nth(c)
                            .map_or(b.text.len(), |(i, _)| i)
                    };
                    hits.push(Hit {
                        profile: k,
                        block: bi,
                        range: byte(c0)..byte(c0 + len),
                    });
                }
            }
        }
        hits
    }

    /// Keeps a complete simplified conversion for search to compare against (made once,
    /// from the original; nothing to do for a simplified source).
    fn ensure_simplified(&mut self) {
        if self.original.script == crate::SourceScript::Simplified
            || self
                .views
                .get(&Script::Simplified)
                .is_some_and(Conversion::complete)
        {
            return;
        }
        if let Ok(a) = self
            .converters
            .convert_article(&self.original, Script::Simplified)
        {
            self.views.insert(Script::Simplified, Conversion::whole(a));
        }
    }

    /// The query in every script OpenCC can give it (as typed, 简体, 繁體, 台灣正體, 香港繁體).
    fn query_forms(&self, query: &str) -> Vec<String> {
        use crate::convert::Config;
        let q = query.trim();
        let mut forms = vec![q.to_string()];
        for c in [Config::T2s, Config::S2t, Config::S2tw, Config::S2hk] {
            if let Ok(f) = self.converters.convert_str(c, q)
                && !forms.contains(&f)
            {
                forms.push(f);
            }
        }
        forms
    }

    /// Moves to search match `i`: selects its profile, shows and focuses the text pane, and
    /// scrolls the match into view when next drawn.
    fn go_to_hit(&mut self, i: usize) {
        let Some(hit) = self.search.as_ref().and_then(|s| s.hits.get(i)).cloned() else {
            return;
        };
        if let Some(s) = &mut self.search {
            s.current = i;
        }
        self.select(hit.profile);
        self.mark = None;
        self.focus_pane(Pane::Text);
        self.pending_jump.set(Some((hit.block, hit.range.start)));
        self.marks_gen += 1;
    }

    /// Recomputes the matches of the current search for the script on screen.
    fn refresh_search(&mut self) {
        if let Some(q) = self.search.as_ref().map(|s| s.query.clone()) {
            self.ensure_all_converted();
            let hits = self.find(&q);
            if let Some(s) = &mut self.search {
                s.current = s.current.min(hits.len().saturating_sub(1));
                s.hits = hits;
            }
            self.marks_gen += 1;
        }
    }

    /// Jumps from the selected figure or quote to where it stands in the text.
    fn activate(&mut self) {
        use super::panes::text::paragraph_block;
        let Some(p) = self.profile() else { return };
        let target = match self.focus {
            Pane::Figures => p
                .stats
                .get(self.items[0])
                .map(|s| (s.paragraph, s.offset, s.text.clone())),
            Pane::Quotes => p.quotes.get(self.items[1]).map(|q| {
                (
                    q.paragraph,
                    q.offset,
                    q.text.split('\n').next().unwrap_or("").to_string(),
                )
            }),
            _ => None,
        };
        let Some((paragraph, offset, text)) = target else {
            return;
        };
        let block = paragraph_block(p, paragraph);
        let Some(para) = p.paragraphs.get(paragraph) else {
            return;
        };
        let Some(range) = super::lines::locate(para, &text, offset) else {
            return;
        };
        self.pending_jump.set(Some((block, range.start)));
        self.mark = Some((block, range));
        self.focus_pane(Pane::Text);
        self.marks_gen += 1;
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
        if self.too_small.get() && !matches!(action, Action::Quit | Action::Suspend) {
            return;
        }
        let comparing = self.view == ViewKind::Compare;
        if matches!(action, Action::ToggleScript | Action::CycleScript) {
            self.compare_restore = None; // the script is the user's choice now
        }
        self.apply(action);
        // The compare view switched from the original script to show a conversion beside
        // it; leaving the view goes back to the original.
        if comparing
            && self.view != ViewKind::Compare
            && let Some(script) = self.compare_restore.take()
        {
            self.set_script(script);
            if self.view == ViewKind::Article {
                self.ensure_all_converted();
            }
            self.refresh_search();
        }
    }

    fn apply(&mut self, action: Action) {
        self.message = None;
        if let Some(text) = &mut self.input {
            match action {
                Action::Input(c) => text.push(c),
                Action::InputBackspace => {
                    text.pop();
                }
                Action::InputCancel => self.input = None,
                Action::InputSubmit => {
                    let query = self.input.take().unwrap_or_default();
                    if query.trim().is_empty() {
                        return; // an empty prompt closes without searching
                    }
                    self.ensure_simplified();
                    self.ensure_all_converted();
                    let hits = self.find(&query);
                    // The first match at or after the selected person.
                    let first = hits
                        .iter()
                        .position(|h| h.profile >= self.selected)
                        .unwrap_or(0);
                    let found = !hits.is_empty();
                    let terms = self.query_forms(&query);
                    self.search = Some(Search {
                        query,
                        hits,
                        current: first,
                        terms,
                    });
                    self.marks_gen += 1;
                    if found {
                        self.go_to_hit(first);
                    }
                }
                _ => {}
            }
            return;
        }
        if self.help {
            match action {
                Action::Help | Action::Back => self.help = false,
                Action::Quit => self.quit = true,
                Action::Suspend => self.suspend = true,
                a => self.help_scroll.apply(a),
            }
            return;
        }
        // The article and compare views fill the screen: line keys scroll them, a digit
        // goes to that person there, Tab goes back to the panes.
        if self.view != ViewKind::Profiles {
            match action {
                Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom => {
                    if self.view == ViewKind::Article {
                        let (seg, line) = self.article_pos.get();
                        let page = self.article_scroll.page();
                        self.article_pos.set(match action {
                            Action::Up => (seg, line - 1),
                            Action::Down => (seg, line + 1),
                            Action::PageUp => (seg, line - page),
                            Action::PageDown => (seg, line + page),
                            Action::Top => (0, 0),
                            _ => (usize::MAX, 0),
                        });
                    } else {
                        self.article_scroll.apply(action);
                    }
                    return;
                }
                Action::Jump(i) if i < self.original.profiles.len() => {
                    self.select(i);
                    if self.view == ViewKind::Article {
                        self.show_section(i);
                    } else {
                        self.ensure_converted(i);
                        self.article_scroll.offset.set(0);
                    }
                    return;
                }
                Action::NextPane | Action::PrevPane | Action::Activate => {
                    self.view = ViewKind::Profiles;
                    return;
                }
                Action::NextMatch | Action::PrevMatch | Action::Search => {
                    self.view = ViewKind::Profiles
                }
                _ => {}
            }
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
                if self.view == ViewKind::Article {
                    self.ensure_all_converted();
                }
                self.refresh_search();
                self.prefetch();
            }
            Action::CycleScript => {
                self.set_script(self.script.cycled());
                if self.view == ViewKind::Article {
                    self.ensure_all_converted();
                }
                self.refresh_search();
            }
            Action::Search => self.input = Some(String::new()),
            Action::NextMatch | Action::PrevMatch => {
                let Some(s) = &self.search else {
                    self.message = Some("no search yet: press / to search".into());
                    return;
                };
                let n = s.hits.len();
                if n == 0 {
                    return; // the status bar already says "no match for …"
                }
                let i = if action == Action::NextMatch {
                    (s.current + 1) % n
                } else {
                    (s.current + n - 1) % n
                };
                self.go_to_hit(i);
            }
            Action::Activate => self.activate(),
            Action::Help => {
                self.help = true;
                self.help_scroll.offset.set(0);
            }
            Action::Back if self.search.is_some() || self.mark.is_some() => {
                // Esc clears the search and the jump mark first.
                self.search = None;
                self.mark = None;
                self.marks_gen += 1;
            }
            Action::Back | Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Mouse(m) => self.mouse(m),
            Action::ToggleView => {
                self.view = match self.view {
                    ViewKind::Profiles | ViewKind::Compare => {
                        self.ensure_all_converted();
                        self.show_section(self.selected);
                        ViewKind::Article
                    }
                    ViewKind::Article => {
                        // Back to the panes at the person whose section was on top.
                        if let Some(k) = self.article_top_profile() {
                            self.select(k);
                        }
                        ViewKind::Profiles
                    }
                };
            }
            Action::Copy => self.copy(),
            Action::Compare => {
                if self.view == ViewKind::Compare {
                    self.view = ViewKind::Profiles;
                } else {
                    // Compare with the script on screen, or with the one `t` would show.
                    if self.script == Script::Original {
                        self.set_script(self.script.toggled(self.original.source()));
                        self.compare_restore = Some(Script::Original);
                    }
                    self.ensure_converted(self.selected);
                    self.article_scroll.offset.set(0);
                    self.view = ViewKind::Compare;
                }
            }
            Action::Input(_)
            | Action::InputBackspace
            | Action::InputSubmit
            | Action::InputCancel => {}
        }
    }

    /// Puts the selected quote (quotes pane), figure with its clause (figures pane), or the
    /// person's name and role (elsewhere) on [`App::clipboard`] and says so in the status bar.
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

    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::People {
            self.detail_tab = pane;
        }
    }
}
