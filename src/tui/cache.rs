//! Lines the panes have wrapped and styled, kept between frames: the panes fill these
//! caches when they draw, and the reader state ([`super::app::App`]) only holds them
//! ([`Drawn`]), so the state never depends on how a pane draws.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ratatui::text::Line;

use crate::convert::Script;

/// Key of the wrapped-line cache: the pane (its index in Tab order, `Pane::index`),
/// script, selected profile, inner width in columns, and the generation of the marks
/// (search matches, jump target) drawn in it.
pub type WrapKey = (usize, Script, usize, u16, usize);

/// What the wrapped lines of the article and compare views depend on: script, width in
/// columns, the generation of the conversions, the selected profile (its paragraphs are
/// marked, or compared) and the generation of the marks (the compare view: whether there
/// are people, which decides what it compares).
pub type ArticleKey = (Script, usize, usize, usize, usize);

/// Wrapped segments of a view cut into segments (the article view, the compare view), each
/// wrapped when first drawn: the view of a long compilation wraps what is on screen, not
/// the whole document.
pub struct Segments<T> {
    /// What the lines were wrapped for.
    pub key: Option<ArticleKey>,
    /// Lines per segment.
    pub lines: HashMap<usize, Rc<T>>,
}

impl<T> Default for Segments<T> {
    fn default() -> Self {
        Segments {
            key: None,
            lines: HashMap::new(),
        }
    }
}

impl<T> Segments<T> {
    /// The lines of segment `seg` wrapped for `key`: kept ones, or `build`'s (every kept
    /// segment is dropped when the key changes).
    pub fn get(&mut self, key: ArticleKey, seg: usize, build: impl FnOnce() -> T) -> Rc<T> {
        if self.key != Some(key) {
            self.key = Some(key);
            self.lines.clear();
        }
        Rc::clone(self.lines.entry(seg).or_insert_with(|| Rc::new(build())))
    }
}

/// The article view's segments (0 the headline and byline, 1 + i paragraph i, then the
/// dropped lines), each a list of lines.
pub type ArticleSegments = Segments<Vec<Line<'static>>>;

/// The compare view's segments (one per paragraph compared), each the lines of the left
/// and the right column, as many on each side.
pub type CompareSegments = Segments<(Vec<Line<'static>>, Vec<Line<'static>>)>;

/// The wrapped items of a list pane (figures, quotes) as one run of lines.
pub struct ListLines {
    /// Every item's lines, in order.
    pub lines: Vec<Line<'static>>,
    /// Where each item's lines start in `lines`, and `lines.len()` last.
    pub starts: Vec<usize>,
}

impl ListLines {
    /// Flattens `items` (each a list of lines).
    pub fn new(items: Vec<Vec<Line<'static>>>) -> ListLines {
        let mut lines = Vec::with_capacity(items.iter().map(Vec::len).sum());
        let mut starts = Vec::with_capacity(items.len() + 1);
        for item in items {
            starts.push(lines.len());
            lines.extend(item);
        }
        starts.push(lines.len());
        ListLines { lines, starts }
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lines of item `i` (empty past the end).
    pub fn range(&self, i: usize) -> std::ops::Range<usize> {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&s), Some(&e)) => s..e,
            _ => 0..0,
        }
    }
}

/// Every cache of drawn lines, held by the app and filled by the panes.
#[derive(Default)]
pub struct Drawn {
    /// Wrapped lines of the text, who and help panes (see [`WrapKey`]).
    pub wrap: RefCell<HashMap<WrapKey, Rc<Vec<Line<'static>>>>>,
    /// Wrapped items of the figures and quotes panes, by the same key as `wrap` and the
    /// generation of the figures converted (`App::items_gen`).
    pub list: RefCell<HashMap<(WrapKey, usize), Rc<ListLines>>>,
    /// The article view's wrapped lines per segment.
    pub article: RefCell<ArticleSegments>,
    /// The compare view's wrapped lines per segment.
    pub compare: RefCell<CompareSegments>,
}
