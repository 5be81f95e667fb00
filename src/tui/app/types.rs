//! The small state types of the reader: panes, click targets, scroll positions, views,
//! the place remembered between runs.

use std::cell::Cell;

use serde::{Deserialize, Serialize};

use super::Action;

/// The panes that can take focus, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list of profiled people.
    People,
    /// The selected person's figures.
    Figures,
    /// The selected person's quotes.
    Quotes,
    /// The paragraphs about the selected person.
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

    pub(crate) fn index(self) -> usize {
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
    /// Visible width in columns, set when drawn (0 before the first frame); kept by the
    /// article view only.
    pub width: Cell<usize>,
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
    pub(crate) fn half_page(&self) -> isize {
        (self.height.get() / 2).max(1) as isize
    }
    /// Scrolls three lines for a wheel turn; clicks do nothing.
    pub(crate) fn wheel(&self, m: super::super::keymap::Mouse) {
        use super::super::keymap::MouseKind;
        match m.kind {
            MouseKind::WheelUp => self.by(-3),
            MouseKind::WheelDown => self.by(3),
            MouseKind::Click => {}
        }
    }
    /// Applies a scrolling action (line, page, top, bottom); others do nothing.
    pub(crate) fn apply(&self, action: Action) {
        match action {
            Action::Up => self.by(-1),
            Action::Down => self.by(1),
            Action::PageUp => self.by(-self.page()),
            Action::PageDown => self.by(self.page()),
            Action::HalfPageUp => self.by(-self.half_page()),
            Action::HalfPageDown => self.by(self.half_page()),
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
    /// The whole article from start to end, the selected person's paragraphs marked.
    Article,
    /// The selected person's text in the original script beside its conversion.
    Compare,
}

/// Where each paragraph of the original article stands among the profiles: built when the
/// reader opens and extended as the analysis finds more people ([`ParagraphIndex::add`]).
#[derive(Debug, Default)]
pub struct ParagraphIndex {
    /// For each paragraph, the profiles it belongs to, ascending.
    pub owners: Vec<Vec<usize>>,
    /// For each paragraph, the figures and quotes that stand in it, of every profile:
    /// character offset, length in characters, and whether it is a quote (else a figure).
    pub marks: Vec<Vec<(usize, usize, bool)>>,
}

impl ParagraphIndex {
    /// The index of `paragraphs` paragraphs annotated by `profiles`.
    pub fn new(paragraphs: usize, profiles: &[crate::Profile]) -> Self {
        let mut index = ParagraphIndex {
            owners: vec![Vec::new(); paragraphs],
            marks: vec![Vec::new(); paragraphs],
        };
        index.add(0, profiles);
        index
    }

    /// Adds `profiles`, numbered from `first` on (after every profile already indexed, so
    /// each paragraph's owners stay ascending).
    pub fn add(&mut self, first: usize, profiles: &[crate::Profile]) {
        let mut touched: Vec<usize> = Vec::new();
        for (k, p) in (first..).zip(profiles) {
            for &i in &p.paragraphs {
                if let Some(o) = self.owners.get_mut(i)
                    && o.last() != Some(&k)
                {
                    o.push(k);
                }
            }
            for q in &p.quotes {
                let first = q.text.split('\n').next().unwrap_or("");
                if let Some(m) = self.marks.get_mut(q.paragraph) {
                    m.push((q.offset, first.chars().count(), true));
                    touched.push(q.paragraph);
                }
            }
            for s in &p.stats {
                if let Some(m) = self.marks.get_mut(s.paragraph) {
                    m.push((s.offset, s.text.chars().count(), false));
                    touched.push(s.paragraph);
                }
            }
        }
        touched.sort_unstable();
        touched.dedup();
        // Quotes first, so the figures inside them are drawn over them.
        for i in touched {
            let m = &mut self.marks[i];
            m.sort_by_key(|&(offset, len, quote)| (!quote, offset, len));
            m.dedup();
        }
    }

    /// The profiles paragraph `i` belongs to.
    pub fn owners_of(&self, i: usize) -> &[usize] {
        self.owners.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Where the reader was left in one article, as remembered between runs (saved and
/// loaded by [`crate::tui::state`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The selected person's name, in the original script (`None`: no people).
    pub person: Option<String>,
    /// `profiles` or `article`.
    pub view: String,
    /// The script on screen (`original`, `simplified`, …).
    pub script: String,
    /// The text pane's first line shown.
    pub text_offset: usize,
    /// The article view's first segment shown (0 the headline, 1 + i paragraph i).
    pub article_segment: usize,
    /// When it was saved, in seconds since 1970 (the oldest are forgotten first).
    pub time: u64,
}
