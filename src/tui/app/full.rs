//! The views that fill the screen: the article view (every paragraph, the selected
//! person's marked) and the compare view (original beside conversion).

use super::{Action, App, ViewKind};

impl App {
    /// Opens the article view with segment `seg` (0 the headline, 1 + i paragraph i) and
    /// byte `byte` of it a third of the way down, once drawn (the paragraphs around it
    /// converted first, [`App::ensure_on_screen`]).
    pub(super) fn show_in_article(&mut self, seg: usize, byte: usize) {
        self.view = ViewKind::Article;
        self.article_jump.set(Some((seg, byte)));
        self.ensure_on_screen();
    }

    /// Puts the first paragraph about profile `k` at the top of the article view.
    pub(super) fn show_person(&self, k: usize) {
        if let Some(&first) = self.people.get(k).and_then(|p| p.paragraphs.first()) {
            // Line 0 of a paragraph's segment is the blank line before it (none between a
            // heading and its caption).
            let caption = self.kind(first) == crate::article::ParagraphKind::Caption;
            let after_heading =
                first > 0 && self.kind(first - 1) == crate::article::ParagraphKind::Heading;
            let blank = !(caption && after_heading);
            self.article_pos.set((first + 1, isize::from(blank)));
        }
    }

    /// The paragraphs the compare view shows, by index: the selected person's, or every
    /// paragraph (`None`) when the article has no people (yet).
    pub fn compared(&self) -> Option<&[usize]> {
        self.people
            .get(self.selected)
            .map(|p| p.paragraphs.as_slice())
    }

    /// How many segments the compare view has: one per paragraph compared
    /// ([`App::compared`]).
    pub fn compare_count(&self) -> usize {
        self.compared()
            .map_or(self.original.paragraphs.len(), <[usize]>::len)
    }

    /// The paragraph segment `k` of the compare view shows (`usize::MAX` past the end).
    pub fn compared_paragraph(&self, k: usize) -> usize {
        match self.compared() {
            Some(v) => v.get(k).copied().unwrap_or(usize::MAX),
            None if k < self.original.paragraphs.len() => k,
            None => usize::MAX,
        }
    }

    /// Leaves the article view for the panes. When none of the selected person's
    /// paragraphs was on screen, selects the first person one of those on screen is about,
    /// so the panes go on with what was being read.
    pub(super) fn leave_article(&mut self) {
        let (first, last) = self.article_shown.get();
        let shown = first.max(1) - 1..last;
        let on_screen = |k: usize| {
            self.people
                .get(k)
                .is_some_and(|p| p.paragraphs.iter().any(|i| shown.contains(i)))
        };
        if !on_screen(self.selected)
            && let Some(k) = shown
                .clone()
                .find_map(|i| self.index.owners_of(i).first().copied())
        {
            self.select(k);
        }
        // In the wide layout the text pane goes to the first paragraph of the person's
        // that was on screen.
        let top = self
            .people
            .get(self.selected)
            .and_then(|p| p.paragraphs.iter().copied().find(|i| shown.contains(i)));
        if let Some(i) = top
            && self.text_visible.get()
        {
            self.pending_jump.set(Some((i, 0)));
        }
        self.view = ViewKind::Profiles;
    }

    /// Actions in the article and compare views, which fill the screen: line keys and the
    /// wheel move their position (segment, line), a digit goes to that person there, Tab goes back to the panes. Returns whether
    /// the action was taken; the others act as in the panes.
    pub(super) fn apply_in_view(&mut self, action: Action) -> bool {
        let article = self.view == ViewKind::Article;
        let (pos, scroll) = if article {
            (&self.article_pos, &self.article_scroll)
        } else {
            (&self.compare_pos, &self.compare_scroll)
        };
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::Top
            | Action::Bottom => {
                let (seg, line) = pos.get();
                let page = scroll.page();
                let half = scroll.half_page();
                pos.set(match action {
                    Action::Up => (seg, line - 1),
                    Action::Down => (seg, line + 1),
                    Action::PageUp => (seg, line - page),
                    Action::PageDown => (seg, line + page),
                    Action::HalfPageUp => (seg, line - half),
                    Action::HalfPageDown => (seg, line + half),
                    Action::Top => (0, 0),
                    _ => (usize::MAX, 0),
                });
            }
            // The wheel scrolls the view under it (it fills the screen); a click does nothing.
            Action::Mouse(m) => {
                let (seg, line) = pos.get();
                match m.kind {
                    super::super::keymap::MouseKind::WheelUp => pos.set((seg, line - 3)),
                    super::super::keymap::MouseKind::WheelDown => pos.set((seg, line + 3)),
                    super::super::keymap::MouseKind::Click => {}
                }
            }
            Action::Jump(i) if i < self.people.len() => {
                self.select(i);
                if article {
                    self.show_person(i);
                } else {
                    self.ensure_converted(i);
                    self.compare_pos.set((0, 0));
                }
            }
            Action::NextPane | Action::PrevPane | Action::Activate => {
                if article && self.home_view() == ViewKind::Profiles {
                    self.leave_article();
                } else {
                    self.view = self.home_view();
                }
            }
            // A new search or the next match from the compare view goes on in the panes.
            Action::NextMatch | Action::PrevMatch | Action::Search if !article => {
                self.view = self.home_view();
                return false;
            }
            _ => return false,
        }
        true
    }
}
