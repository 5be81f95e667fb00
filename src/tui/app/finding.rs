//! Finding the people while the reader is open: the analysis runs in a background thread
//! at a lower priority ([`super::spawn_background`]) over the article's paragraphs, shared
//! with it, and sends the people of each part of the article as that part is done
//! ([`crate::analysis::analyse_in_parts`]: in reading order, a compilation's articles a
//! batch at a time, a single article as one part). The event loop takes the parts
//! ([`App::poll_analysis`]) and [`App::receive`] adds them: the list fills in, the
//! selection stays, the status bar shows how far the analysis has got.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{App, ViewKind, views};
use crate::analysis::Analysis;

/// What the analysis thread sends.
#[derive(Debug)]
pub enum Found {
    /// The analysis of paragraphs `range`: their people (paragraph indices absolute) and
    /// their kinds (`kinds[0]` is paragraph `range.start`'s).
    Part(Analysis, Range<usize>),
    /// Every paragraph is analysed.
    Done,
}

/// The state of an analysis under way (see [`App::finding`]).
#[derive(Debug, Default)]
pub struct Finding {
    /// Paragraphs analysed so far: the end of the last part taken.
    pub covered: usize,
    /// The thread's parts; `None` until [`App::start_analysis`].
    parts: Option<Receiver<Found>>,
    /// Set to stop the thread at its next part.
    stop: Arc<AtomicBool>,
}

impl Drop for Finding {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl App {
    /// Whether the analysis is still finding people.
    pub fn analysing(&self) -> bool {
        self.finding.is_some()
    }

    /// How far the analysis has got, in percent of the paragraphs, while it runs.
    pub fn progress(&self) -> Option<usize> {
        let f = self.finding.as_ref()?;
        let n = self.original.paragraphs.len();
        Some((f.covered * 100).checked_div(n).unwrap_or(0).min(99))
    }

    /// Starts the analysis of the article in a background thread at a lower priority,
    /// when the people are still to be found and it has not started. The thread shares
    /// the article (its paragraphs and the kinds cleaning gave) and stops at its next part
    /// once the reader is gone or [`App::stop_analysis`] is called.
    pub fn start_analysis(&mut self) {
        let Some(f) = &mut self.finding else { return };
        if f.parts.is_some() || f.stop.load(Ordering::Relaxed) {
            return;
        }
        let (tx, rx) = channel();
        let stop = Arc::clone(&f.stop);
        let article = Arc::clone(&self.original);
        views::spawn_background(move || {
            crate::analysis::analyse_in_parts(
                &article.paragraphs,
                &article.kinds,
                |part, range| {
                    !stop.load(Ordering::Relaxed) && tx.send(Found::Part(part, range)).is_ok()
                },
            );
            if !stop.load(Ordering::Relaxed) {
                let _ = tx.send(Found::Done);
            }
        });
        f.parts = Some(rx);
    }

    /// Stops the analysis: the thread ends at its next part (it is not waited for), and
    /// the people found so far stay.
    pub fn stop_analysis(&mut self) {
        if let Some(f) = &mut self.finding {
            f.stop.store(true, Ordering::Relaxed);
            f.parts = None;
        }
    }

    /// Takes what the analysis thread has sent. Returns whether anything arrived.
    pub fn poll_analysis(&mut self) -> bool {
        let mut arrived = false;
        loop {
            let Some(rx) = self.finding.as_ref().and_then(|f| f.parts.as_ref()) else {
                return arrived;
            };
            match rx.try_recv() {
                Ok(found) => self.receive(found),
                Err(TryRecvError::Empty) => return arrived,
                // The thread ended without finishing (it panicked): what it found stays.
                Err(TryRecvError::Disconnected) => {
                    self.receive(Found::Done);
                    self.message = Some("finding people stopped with an error".into());
                }
            }
            arrived = true;
        }
    }

    /// Waits for the analysis to finish and takes everything it sends (for tests and
    /// benchmarks); starts it first when needed (not once stopped).
    pub fn wait_analysis(&mut self) {
        self.start_analysis();
        while let Some(rx) = self.finding.as_ref().and_then(|f| f.parts.as_ref()) {
            match rx.recv() {
                Ok(found) => self.receive(found),
                Err(_) => self.receive(Found::Done),
            }
        }
    }

    /// Takes a message of the analysis: a part's people are added after those already
    /// found (so every index, and the selection, stays), its kinds replace cleaning's, and
    /// the conversion on screen learns of the new people (their labels converted when in
    /// view, figures and quotes when selected). The first people found open the panes
    /// when the user has done nothing yet; otherwise the view stays as it is.
    pub fn receive(&mut self, found: Found) {
        let Found::Part(part, range) = found else {
            self.finding = None;
            self.restore_person();
            views::release_free_memory();
            return;
        };
        if let Some(f) = &mut self.finding {
            f.covered = f.covered.max(range.end);
        }
        for (i, k) in range.zip(part.kinds) {
            if let Some(slot) = self.kinds.get_mut(i) {
                *slot = k;
            }
        }
        // The article view's segments are styled by kind.
        self.article_gen += 1;
        self.marks_gen += 1;
        if part.profiles.is_empty() {
            return;
        }
        let first = self.people.len();
        self.people.extend(part.profiles);
        self.index.add(first, &self.people[first..]);
        self.add_to_views(first);
        if first == 0 && !self.acted && self.view == ViewKind::Article {
            self.view = ViewKind::Profiles;
        }
        self.ensure_converted(self.selected);
        self.ensure_labels(self.selected);
        self.restore_person();
    }
}
