//! The article in the script on screen: conversions of the original, made at once for what
//! is on screen and in the background for the rest.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::channel;

use super::{App, Pane, ViewKind};
use crate::Profile;
use crate::article::Article;
use crate::convert::{Config, Script, TEXT_BATCH_BYTES, outline};

/// A conversion of the article to one script, possibly partial.
///
/// Paragraphs belong to the article and are converted once each, whoever they are about:
/// a paragraph not converted yet is an empty placeholder. A profile is in one of three
/// states: its outline in the original script (labels, mentions, paragraph indices; no
/// figures or quotes), its outline with converted labels (what the background conversion
/// and the list rows on screen give), or whole (quotes converted too, and the figures the
/// figures pane can show: the selected profile, converted when it is selected; its other
/// figures are converted as they come on screen, see [`App::ensure_figures`]).
pub(super) struct Conversion {
    /// The article.
    pub(super) article: Article,
    /// Which paragraphs are converted.
    converted: Vec<bool>,
    /// Which dropped lines (page chrome) are converted.
    dropped: Vec<bool>,
    /// Which profiles' labels (name, aliases, role, heading) are converted.
    labels: Vec<bool>,
    /// Which profiles have their quotes converted too.
    whole: Vec<bool>,
    /// For each profile converted whole, which of its figures are converted (the others are
    /// as in the original until they come on screen).
    figures: std::collections::HashMap<usize, Vec<bool>>,
}

impl Conversion {
    /// A conversion begun by [`crate::Converters::convert_head`] (of the text, which has
    /// no profiles) with the [`outline`]s of `people`: no paragraph or profile converted
    /// yet.
    fn begun(mut article: Article, people: &[Profile]) -> Self {
        article.profiles = people.iter().map(outline).collect();
        let (n, p) = (article.paragraphs.len(), article.profiles.len());
        Conversion {
            converted: vec![false; n],
            dropped: vec![false; article.dropped.len()],
            article,
            labels: vec![false; p],
            whole: vec![false; p],
            figures: Default::default(),
        }
    }

    /// Adds the [`outline`]s of people the analysis found since, nothing converted.
    fn add_people(&mut self, people: &[Profile]) {
        self.article.profiles.extend(people.iter().map(outline));
        self.labels.resize(self.article.profiles.len(), false);
        self.whole.resize(self.article.profiles.len(), false);
    }

    /// Takes from a batch of the background conversion what this one has not converted
    /// yet.
    fn merge(&mut self, batch: Batch) {
        match batch {
            Batch::Paragraphs(indices, texts) => {
                for (i, text) in indices.into_iter().zip(texts) {
                    if self.converted.get(i) == Some(&false) {
                        self.article.paragraphs[i] = text;
                        self.converted[i] = true;
                    }
                }
            }
            Batch::Dropped(indices, texts) => {
                for (i, text) in indices.into_iter().zip(texts) {
                    if self.dropped.get(i) == Some(&false) {
                        self.article.dropped[i] = text;
                        self.dropped[i] = true;
                    }
                }
            }
            Batch::Labels(labels) => {
                let profiles = self.article.profiles.iter_mut().zip(&mut self.labels);
                for ((p, done), row) in profiles.zip(labels) {
                    if !*done {
                        set_labels(p, row);
                        *done = true;
                    }
                }
            }
        }
    }

    /// Whether every paragraph and dropped line is converted (what the article view
    /// reads).
    pub(super) fn text_complete(&self) -> bool {
        self.converted.iter().all(|&t| t) && self.dropped.iter().all(|&t| t)
    }
}

/// What the background conversion sends, a batch at a time, in this order: paragraphs
/// (indices and their texts converted), dropped lines (likewise), then the labels of the
/// people found when it began ([`label_rows`]). A batch is merged as it arrives, so what was
/// converted stays when the conversion is stopped.
pub(crate) enum Batch {
    /// Paragraphs by index, and their conversions.
    Paragraphs(Vec<usize>, Vec<String>),
    /// Dropped lines by index, and their conversions.
    Dropped(Vec<usize>, Vec<String>),
    /// The labels of the first people, converted.
    Labels(Vec<Profile>),
}

/// The labels (name, aliases, role, heading) of `people`, nothing else: what a background
/// conversion converts of the people found so far.
fn label_rows(people: &[Profile]) -> Vec<Profile> {
    people
        .iter()
        .map(|p| Profile {
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            role: p.role.clone(),
            heading: p.heading.clone(),
            mentions: Vec::new(),
            paragraphs: Vec::new(),
            stats: Vec::new(),
            quotes: Vec::new(),
            sure: p.sure,
        })
        .collect()
}

/// Gives `p` the labels of `row` (its mentions, paragraphs, figures and quotes stay).
fn set_labels(p: &mut Profile, row: Profile) {
    p.name = row.name;
    p.aliases = row.aliases;
    p.role = row.role;
    p.heading = row.heading;
}

/// The segments of a view of `count` segments (at least one) that it can show from
/// position `pos` (segment, line within it) in a screen of `scroll`'s height and width, the
/// `s`th holding `bytes(s)` bytes of text: a screen and ten lines either way, and the last
/// screen, which bounds scrolling (ascending within each of the two runs).
///
/// A segment takes at least one line, and at least its bytes / (4 x width): a line holds
/// at most `width` chars of at most 4 bytes. Counting segments by these lower bounds covers
/// the lines a screen can show, and keeps the work of a toggle to about a screen's text
/// when paragraphs are long (a 14 MB line is cut into thousands of 3,000-char paragraphs,
/// each many lines long). Line keys move at most one segment per line. Before the first
/// frame (height 0) a screen counts 100 lines.
fn window(
    count: usize,
    pos: (usize, isize),
    scroll: &super::Scroll,
    bytes: impl Fn(usize) -> usize,
) -> impl Iterator<Item = usize> {
    let h = match scroll.height.get() {
        0 => 100,
        height => height + 10,
    };
    let width = scroll.width.get();
    let (seg, line) = pos;
    let seg = seg.min(count.saturating_sub(1));
    let back = h.saturating_add(line.min(0).unsigned_abs());
    let ahead = h.saturating_add(line.max(0).unsigned_abs());
    let lines = |s: usize| match width {
        0 => 1,
        w => (bytes(s) / (4 * w)).max(1),
    };
    let (mut lo, mut covered) = (seg, 0);
    while lo > 0 && covered < back {
        lo -= 1;
        covered += lines(lo);
    }
    let (mut hi, mut covered) = (seg, 0);
    while hi < count && covered <= ahead {
        covered += lines(hi);
        hi += 1;
    }
    let (mut tail, mut covered) = (count, 0);
    while tail > 0 && covered < h {
        tail -= 1;
        covered += lines(tail);
    }
    (lo..hi).chain(tail.max(hi)..count)
}

/// Articles with less text than this, in bytes, have their background conversion neither
/// shown in the status bar nor stopped by Esc: it takes a blink (OpenCC converts several MB
/// a second).
pub const SHOWN_CONVERSION_BYTES: usize = 512 * 1024;

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

impl App {
    /// Builds the OpenCC config for the script `t` would switch to in a background thread,
    /// so the first toggle does not wait for OpenCC's dictionary load. (The conversion
    /// itself waits for the toggle: made ahead, it would double the memory a long
    /// compilation takes from the start.)
    pub fn prefetch(&mut self) {
        let target = self
            .script
            .toggled(self.original.source(), self.converters.traditional);
        if let Some(config) = self.converters.config_for(self.original.source(), target) {
            let converters = Arc::clone(&self.converters);
            spawn_background(move || {
                let _ = converters.warm(config);
            });
        }
    }

    /// Starts converting the whole article's text to `target` in a background thread,
    /// unless it is done, under way, or stopped by Esc ([`App::stop_background`]). The
    /// thread converts the paragraphs and dropped lines not converted when it starts, in
    /// batches of about [`crate::convert::TEXT_BATCH_BYTES`], sends each as it is done
    /// ([`Batch`]), says how far it has got ([`App::conversion_progress`]) and stops at the
    /// next batch when cancelled. The text goes with the labels of the people found so far;
    /// people found later have theirs converted as they come into view
    /// ([`App::ensure_labels`]).
    fn convert_in_background(&mut self, target: Script) {
        let Some(view) = self.views.get(&target) else {
            return;
        };
        if view.text_complete()
            || self.stopped == Some(target)
            || self.pending.iter().any(|(s, _, _)| *s == target)
        {
            return;
        }
        let paragraphs: Vec<usize> = (0..view.converted.len())
            .filter(|&i| !view.converted[i])
            .collect();
        let dropped: Vec<usize> = (0..view.dropped.len())
            .filter(|&i| !view.dropped[i])
            .collect();
        let (tx, rx) = channel();
        let converters = Arc::clone(&self.converters);
        let article = Arc::clone(&self.original);
        let mut rows = label_rows(&self.people);
        let progress = Arc::new(super::searcher::Progress::default());
        let bytes = |texts: &[String], indices: &[usize]| -> usize {
            indices.iter().map(|&i| texts[i].len()).sum()
        };
        progress.total.store(
            bytes(&article.paragraphs, &paragraphs) + bytes(&article.dropped, &dropped) + 1,
            Ordering::Relaxed,
        );
        let shared = Arc::clone(&progress);
        spawn_background(move || {
            let progress = shared;
            for (dropped, indices) in [(false, paragraphs), (true, dropped)] {
                let texts = if dropped {
                    &article.dropped
                } else {
                    &article.paragraphs
                };
                let mut start = 0;
                while start < indices.len() {
                    if progress.cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let mut end = start;
                    let mut size = 0;
                    while end < indices.len()
                        && (end == start || size + texts[indices[end]].len() <= TEXT_BATCH_BYTES)
                    {
                        size += texts[indices[end]].len();
                        end += 1;
                    }
                    let batch = indices[start..end].to_vec();
                    let converted = if dropped {
                        converters.convert_dropped(&article, &batch, target)
                    } else {
                        converters.convert_paragraphs(&article, &batch, target)
                    };
                    let message = converted.map(|texts| {
                        if dropped {
                            Batch::Dropped(batch, texts)
                        } else {
                            Batch::Paragraphs(batch, texts)
                        }
                    });
                    let failed = message.is_err();
                    if tx.send(message).is_err() || failed {
                        return;
                    }
                    progress.done.fetch_add(size, Ordering::Relaxed);
                    start = end;
                }
            }
            let labels = converters
                .convert_labels(&mut rows, article.source(), target)
                .map(|()| Batch::Labels(rows));
            let _ = tx.send(labels);
            progress.done.fetch_add(1, Ordering::Relaxed);
        });
        self.pending.push((target, rx, progress));
    }

    /// How far the background conversion of the script on screen has got, in percent of
    /// the bytes it converts; `None` when none runs, or when the article has less than
    /// [`SHOWN_CONVERSION_BYTES`] of text (converted in a blink: neither shown nor stopped).
    pub fn conversion_progress(&self) -> Option<usize> {
        if self.text_bytes < SHOWN_CONVERSION_BYTES {
            return None;
        }
        self.pending
            .iter()
            .find(|(s, _, _)| *s == self.script)
            .map(|(_, _, p)| p.percent())
    }

    /// Stops the background conversion of the script on screen (Esc): what it converted
    /// stays; it is not started again until another script is shown, and what comes on
    /// screen is still converted as it comes. Returns whether one was running.
    pub(super) fn stop_background(&mut self) -> bool {
        self.poll_background();
        if self.conversion_progress().is_none() {
            return false;
        }
        let script = self.script;
        let Some(k) = self.pending.iter().position(|(s, _, _)| *s == script) else {
            return false;
        };
        let (_, _, progress) = self.pending.remove(k);
        progress.cancel.store(true, Ordering::Relaxed);
        self.stopped = Some(script);
        true
    }

    /// Waits for every background conversion under way and takes what it sends (for
    /// benchmarks and tests that must not leave work running).
    pub fn wait_background(&mut self) {
        for (script, rx, _) in std::mem::take(&mut self.pending) {
            let mut arrived = false;
            for batch in rx.iter() {
                match batch {
                    Ok(batch) => arrived |= self.merge(script, batch),
                    Err(e) => self.message = Some(e.to_string()),
                }
            }
            if arrived {
                self.marks_gen += 1;
                release_free_memory();
            }
        }
    }

    /// Takes a batch of the background conversion into the view of `script`, if that
    /// view is still kept.
    fn merge(&mut self, script: Script, batch: Batch) -> bool {
        let Some(view) = self.views.get_mut(&script) else {
            return false;
        };
        view.merge(batch);
        self.article_gen += 1;
        true
    }

    /// Takes the batches the background conversions have sent. Returns whether one
    /// arrived or one ended (the status bar's percentage changes too).
    pub fn poll_background(&mut self) -> bool {
        let mut changed = false;
        let mut still = Vec::new();
        for (script, rx, progress) in std::mem::take(&mut self.pending) {
            let mut ended = false;
            loop {
                match rx.try_recv() {
                    // A conversion for a script whose view was dropped meanwhile is dropped too.
                    Ok(Ok(batch)) => changed |= self.merge(script, batch),
                    Ok(Err(e)) => self.message = Some(e.to_string()),
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        ended = true;
                        break;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => break,
                }
            }
            if ended {
                // The text pane's lines (keyed by the marks) are drawn again once, with
                // the whole text.
                self.marks_gen += 1;
                changed = true;
                release_free_memory();
            } else {
                still.push((script, rx, progress));
            }
        }
        self.pending = still;
        changed
    }

    /// The article as shown: the original, or its conversion to the current script when
    /// that script needs one. In a conversion (see `Conversion`) the selected profile is
    /// always converted whole, with its paragraphs, and the list rows around it have their
    /// labels; other paragraphs may be empty placeholders until the background conversion
    /// arrives (the article view and search make the conversion complete first). Figures
    /// and quotes keep the original's offsets.
    pub fn article(&self) -> &Article {
        self.views
            .get(&self.script)
            .map_or(&self.original, |v| &v.article)
    }

    /// Whether the script on screen is a conversion of the original (not the original
    /// itself).
    pub fn shows_conversion(&self) -> bool {
        self.views.contains_key(&self.script)
    }

    /// The people as shown: [`App::people`], or their conversion to the current script
    /// (see `Conversion`: the selected one whole, the list rows around it with their
    /// labels converted).
    pub fn profiles(&self) -> &[Profile] {
        self.views
            .get(&self.script)
            .map_or(&self.people, |v| &v.article.profiles)
    }

    /// The selected profile as shown, if the article has any.
    pub fn profile(&self) -> Option<&Profile> {
        self.profiles().get(self.selected)
    }

    /// Adds the people from `first` on (found since) to every conversion kept.
    pub(super) fn add_to_views(&mut self, first: usize) {
        for view in self.views.values_mut() {
            view.add_people(&self.people[first..]);
        }
    }

    /// Shows `script`: at once what is on screen (headline, byline and dropped lines
    /// ([`crate::Converters::convert_head`]), the list rows around the selection, the
    /// selected person's labels, figures, quotes and paragraphs), the rest in the
    /// background; in the article view, everything. The work done at once does not grow
    /// with the article beyond copying the profiles' outlines.
    pub(super) fn set_script(&mut self, script: Script) {
        self.poll_background();
        if script != self.script {
            self.stopped = None; // another script shown: its conversion may run again
        }
        let source = self.original.source();
        let converts = self.converters.config_for(source, script).is_some();
        // One conversion is kept besides the original: on a long compilation each is as
        // large as the original. (Search has its own index, in simplified script.)
        if converts {
            let before = self.views.len();
            self.views.retain(|&k, _| k == script);
            self.pending.retain(|(k, _, _)| *k == script);
            // And the OpenCC dictionaries of other scripts (built again when shown again);
            // t2s normalises search queries.
            let mut keep = vec![Config::T2s];
            keep.extend(self.converters.config_for(source, script));
            self.converters.release(&keep);
            if self.views.len() < before {
                release_free_memory();
            }
        }
        if converts && !self.views.contains_key(&script) {
            match self.converters.convert_head(&self.original, script) {
                Ok(article) => {
                    self.article_gen += 1;
                    self.views
                        .insert(script, Conversion::begun(article, &self.people));
                }
                Err(e) => {
                    self.message = Some(e.to_string());
                    return;
                }
            }
        }
        self.script = script;
        if converts {
            self.convert_in_background(script);
        }
        self.ensure_converted(self.selected);
        self.ensure_labels(self.selected);
        self.ensure_on_screen();
    }

    /// Converts, in the panes, the selected person's figures the figures pane can show
    /// ([`App::ensure_figures`]); in the article and compare views, the paragraphs they can show from where
    /// they stand (a couple of screens either way, and the last ones, which bound
    /// scrolling) that are not converted yet; the background conversion brings the rest.
    /// So entering a view, a toggle in it and scrolling cost what is on screen, not the
    /// document. The event loop calls it after a resize too.
    pub fn ensure_on_screen(&mut self) {
        if self.view == ViewKind::Profiles {
            self.ensure_figures(self.selected);
            return;
        }
        let compare = self.view == ViewKind::Compare;
        if !(compare || self.view == ViewKind::Article)
            || self
                .views
                .get(&self.script)
                .is_none_or(Conversion::text_complete)
        {
            return;
        }
        if compare {
            let count = self.compare_count();
            let original = &self.original;
            let bytes = |k: usize| {
                original
                    .paragraphs
                    .get(self.compared_paragraph(k))
                    .map_or(0, String::len)
            };
            let segments = window(count, self.compare_pos.get(), &self.compare_scroll, bytes);
            let paragraphs = segments.map(|k| self.compared_paragraph(k)).collect();
            self.ensure_paragraphs(paragraphs);
            self.convert_in_background(self.script);
            return;
        }
        let n = self.original.paragraphs.len();
        // Segments: 0 the headline, 1 + i paragraph i, n + 1 the chrome's rule, n + 2 + j
        // dropped line j (while shown).
        let shown_chrome = if self.show_chrome {
            self.original.dropped.len()
        } else {
            0
        };
        let count = n + 2 + shown_chrome;
        let pos = self
            .article_jump
            .get()
            .map_or(self.article_pos.get(), |(s, _)| (s, 0));
        let original = &self.original;
        let bytes = |s: usize| match s {
            0 => 0,
            s if s <= n => original.paragraphs[s - 1].len(),
            s if s == n + 1 => 0,
            s => original.dropped[s - n - 2].len(),
        };
        let segments = window(count, pos, &self.article_scroll, bytes);
        let (paragraphs, dropped): (Vec<usize>, Vec<usize>) = segments
            .filter(|&s| s > 0 && s != n + 1)
            .partition(|&s| s <= n);
        self.ensure_paragraphs(paragraphs.into_iter().map(|s| s - 1).collect());
        self.ensure_dropped(dropped.into_iter().map(|s| s - n - 2).collect());
        self.convert_in_background(self.script);
    }

    /// Converts paragraphs `indices` (ascending or not, repeats allowed) in the current
    /// script's view where they are not converted yet, in one OpenCC call.
    pub(super) fn ensure_paragraphs(&mut self, mut indices: Vec<usize>) {
        let script = self.script;
        let Some(view) = self.views.get_mut(&script) else {
            return;
        };
        indices.sort_unstable();
        indices.dedup();
        indices.retain(|&i| view.converted.get(i) == Some(&false));
        if indices.is_empty() {
            return;
        }
        match self
            .converters
            .convert_paragraphs(&self.original, &indices, script)
        {
            Ok(texts) => {
                for (i, t) in indices.into_iter().zip(texts) {
                    view.article.paragraphs[i] = t;
                    view.converted[i] = true;
                }
                self.article_gen += 1;
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// Converts dropped lines `indices` (ascending or not, repeats allowed) in the current
    /// script's view where they are not converted yet, in one OpenCC call.
    fn ensure_dropped(&mut self, mut indices: Vec<usize>) {
        let script = self.script;
        let Some(view) = self.views.get_mut(&script) else {
            return;
        };
        indices.sort_unstable();
        indices.dedup();
        indices.retain(|&i| view.dropped.get(i) == Some(&false));
        if indices.is_empty() {
            return;
        }
        match self
            .converters
            .convert_dropped(&self.original, &indices, script)
        {
            Ok(texts) => {
                for (i, t) in indices.into_iter().zip(texts) {
                    view.article.dropped[i] = t;
                    view.dropped[i] = true;
                }
                self.article_gen += 1;
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// Converts the labels of the list rows within [`LABEL_WINDOW`] of row `i` in the
    /// current script's view, where the background has not.
    pub(super) fn ensure_labels(&mut self, i: usize) {
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
        let mut rows: Vec<Profile> = self.people[first..=last].iter().map(outline).collect();
        match self.converters.convert_labels(&mut rows, source, script) {
            Ok(()) => {
                self.article_gen += 1;
                for (k, row) in (first..=last).zip(rows) {
                    if !view.whole[k] {
                        view.article.profiles[k] = row;
                    }
                    view.labels[k] = true;
                }
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// Converts profile `i` of the current script's view whole (labels, quotes) with the
    /// paragraphs about it that are not converted yet, in one OpenCC call, unless it is
    /// already; then the figures the figures pane can show ([`App::ensure_figures`]).
    pub(super) fn ensure_converted(&mut self, i: usize) {
        let source = self.original.source();
        let script = self.script;
        let Some(view) = self.views.get_mut(&script) else {
            return;
        };
        if view.whole.get(i).copied().unwrap_or(true) {
            return;
        }
        let Some(original) = self.people.get(i) else {
            return;
        };
        let mut p = original.clone();
        let todo: Vec<usize> = p
            .paragraphs
            .iter()
            .copied()
            .filter(|&k| view.converted.get(k) == Some(&false))
            .collect();
        let mut texts: Vec<String> = todo
            .iter()
            .map(|&k| self.original.paragraphs[k].clone())
            .collect();
        let names = crate::convert::Names::of_profiles(&self.people);
        let converted = self
            .converters
            .convert_in_place(source, script, &names, |f| {
                p.for_each_label_string_mut(&mut *f);
                p.quotes.iter_mut().for_each(|q| f(&mut q.text));
                texts.iter_mut().for_each(&mut *f);
            });
        match converted {
            Ok(()) => {
                view.article.profiles[i] = p;
                for (k, t) in todo.into_iter().zip(texts) {
                    view.article.paragraphs[k] = t;
                    view.converted[k] = true;
                }
                self.article_gen += 1;
                view.figures
                    .insert(i, vec![false; view.article.profiles[i].stats.len()]);
                view.whole[i] = true;
                view.labels[i] = true;
            }
            Err(e) => self.message = Some(e.to_string()),
        }
        self.ensure_figures(i);
    }

    /// Converts, in profile `i` of the current script's view (converted whole, see
    /// [`App::ensure_converted`]), the figures the figures pane can show that are not
    /// converted yet, in one OpenCC call: a screen of items and ten more either way around
    /// the first item shown and the selected one (the first ones for a profile not
    /// selected: it opens at its first figure), and the last screen's, which `G` shows. So a
    /// toggle, a selection or a move costs the items on screen, not the profile's figures
    /// (a paragraph can hold 20,000). An item is at least one line.
    pub(super) fn ensure_figures(&mut self, i: usize) {
        let source = self.original.source();
        let script = self.script;
        let Some(view) = self.views.get_mut(&script) else {
            return;
        };
        let Some(done) = view.figures.get_mut(&i) else {
            return;
        };
        let n = done.len();
        let h = match self.scroll[Pane::Figures.index()].height.get() {
            0 => 100,
            height => height + 10,
        };
        let (selected, first) = if i == self.selected {
            (self.items[0], self.figures_shown.get())
        } else {
            (0, 0)
        };
        let mut todo: Vec<usize> = (first.saturating_sub(h)..first.saturating_add(2 * h))
            .chain(selected.saturating_sub(h)..selected.saturating_add(h + 1))
            .chain(n.saturating_sub(h)..n)
            .filter(|&k| k < n && !done[k])
            .collect();
        if todo.is_empty() {
            return;
        }
        todo.sort_unstable();
        todo.dedup();
        let Some(original) = self.people.get(i) else {
            return;
        };
        let mut stats: Vec<crate::article::Stat> =
            todo.iter().map(|&k| original.stats[k].clone()).collect();
        let names = crate::convert::Names::of_profiles(&self.people);
        let converted = self
            .converters
            .convert_in_place(source, script, &names, |f| {
                for s in &mut stats {
                    f(&mut s.text);
                    f(&mut s.unit);
                    f(&mut s.context);
                    if let Some(l) = &mut s.label {
                        f(l);
                    }
                }
            });
        match converted {
            Ok(()) => {
                let shown = &mut view.article.profiles[i].stats;
                for (k, s) in todo.into_iter().zip(stats) {
                    shown[k] = s;
                    done[k] = true;
                }
                self.items_gen += 1;
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }
}
