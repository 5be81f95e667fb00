//! What the reader remembers between runs, in the XDG state directory
//! (`$XDG_STATE_HOME/qunxiang/`, by default `~/.local/state/qunxiang/`):
//!
//! - `places.json`: per article, keyed by a hash of its text (so a file moved or piped in
//!   is known again, and a changed one is not), where the reader was left: the person, the
//!   view, the script and the scroll position. The [`MAX_PLACES`] most recent are kept.
//! - `search-history`: the search prompt's history, one query a line, oldest first.
//!
//! Everything here is best effort: a state file that cannot be read is taken as empty,
//! and one that cannot be written is not (the reader works the same, it only forgets).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use clap::ValueEnum;

pub use super::app::Place;
use super::app::{App, HISTORY_MAX, Pane, ViewKind};
use crate::article::Article;
use crate::convert::Script;

/// How many articles' places `places.json` keeps (the most recently left).
pub const MAX_PLACES: usize = 500;

/// The state directory, `None` when there is no home directory to find it from.
/// `QUNXIANG_STATE_DIR` names another (tests).
pub fn dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUNXIANG_STATE_DIR") {
        return Some(PathBuf::from(p));
    }
    let d = directories::ProjectDirs::from("", "", "qunxiang")?;
    // ProjectDirs gives a state directory on Linux; elsewhere the data directory serves.
    Some(d.state_dir().unwrap_or(d.data_local_dir()).to_path_buf())
}

/// A hash of the article's text (headline, byline and paragraphs): 64-bit FNV-1a, written
/// in hex. Stable across runs and builds (unlike std's `DefaultHasher`).
pub fn key(article: &Article) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(&article.headline);
    eat(article.byline.as_deref().unwrap_or(""));
    for p in &article.paragraphs {
        eat(p);
    }
    format!("{h:016x}")
}

fn read_places(dir: &Path) -> HashMap<String, Place> {
    std::fs::read(dir.join("places.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// The place the reader was left at in the article with hash `key`.
pub fn load_place(dir: &Path, key: &str) -> Option<Place> {
    read_places(dir).remove(key)
}

/// Writes a file whole or not at all (a temporary file renamed over it).
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// Saves `place` for the article with hash `key`, keeping the [`MAX_PLACES`] most recent.
///
/// Errors: the state directory or file cannot be written.
pub fn save_place(dir: &Path, key: &str, place: Place) -> std::io::Result<()> {
    let mut places = read_places(dir);
    places.insert(key.to_string(), place);
    if places.len() > MAX_PLACES {
        let mut times: Vec<u64> = places.values().map(|p| p.time).collect();
        times.sort_unstable_by(|a, b| b.cmp(a));
        let cut = times[MAX_PLACES - 1];
        places.retain(|_, p| p.time >= cut);
    }
    let bytes = serde_json::to_vec(&places).map_err(std::io::Error::other)?;
    write_atomic(&dir.join("places.json"), &bytes)
}

/// The search history, oldest first (empty when there is none).
pub fn load_history(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("search-history")).unwrap_or_default();
    let mut h: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(crate::source::sanitize)
        .collect();
    let excess = h.len().saturating_sub(HISTORY_MAX);
    h.drain(..excess);
    h
}

/// Saves the search history, one query a line.
///
/// Errors: the state directory or file cannot be written.
pub fn save_history(dir: &Path, history: &[String]) -> std::io::Result<()> {
    let mut text = String::new();
    for q in history {
        text.push_str(&q.replace(['\n', '\r'], " "));
        text.push('\n');
    }
    write_atomic(&dir.join("search-history"), text.as_bytes())
}

fn script_name(s: Script) -> String {
    s.to_possible_value()
        .map_or_else(|| "original".into(), |v| v.get_name().to_string())
}

impl App {
    /// Where the reader is now, to be saved on the way out.
    pub fn place(&self) -> Place {
        let time = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Place {
            person: self.people.get(self.selected).map(|p| p.name.clone()),
            view: if self.view == ViewKind::Article {
                "article".into()
            } else {
                "profiles".into()
            },
            script: script_name(self.script),
            text_offset: self.scroll_of(Pane::Text).offset.get(),
            article_segment: self.article_pos.get().0,
            time,
        }
    }

    /// The script a saved place was in, if it names one.
    pub fn script_of(place: &Place) -> Option<Script> {
        Script::from_str(&place.script, true).ok()
    }

    /// Goes back to `place` as far as what is known allows: the article view at once;
    /// the person once the analysis has found them ([`App::restore_person`] is called as
    /// people arrive), unless the user has pressed a key by then.
    pub fn restore(&mut self, place: Place) {
        if place.view == "article" {
            self.view = ViewKind::Article;
            self.article_pos.set((place.article_segment, 0));
        }
        self.pending_place = Some(place);
        self.restore_person();
    }

    /// Selects the person of the place being restored when they are among the people
    /// found (and the user has not acted yet); forgets the place once the analysis is
    /// done without finding them.
    pub(crate) fn restore_person(&mut self) {
        let Some(place) = &self.pending_place else {
            return;
        };
        if self.acted {
            self.pending_place = None;
            return;
        }
        let found = place
            .person
            .as_ref()
            .and_then(|name| self.people.iter().position(|p| p.name == *name));
        match found {
            Some(k) => {
                let place = self.pending_place.take().expect("checked above");
                self.select(k);
                if place.view != "article" {
                    self.view = ViewKind::Profiles;
                }
                self.scroll_of(Pane::Text).offset.set(place.text_offset);
            }
            None if self.finding.is_none() => self.pending_place = None,
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_kept_per_key_and_the_oldest_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let place = |time| Place {
            person: Some("王芳".into()),
            view: "profiles".into(),
            script: "simplified".into(),
            text_offset: 7,
            article_segment: 0,
            time,
        };
        assert_eq!(load_place(dir.path(), "a"), None);
        save_place(dir.path(), "a", place(1)).unwrap();
        assert_eq!(load_place(dir.path(), "a"), Some(place(1)));
        for i in 0..MAX_PLACES as u64 {
            save_place(dir.path(), &format!("k{i}"), place(10 + i)).unwrap();
        }
        assert_eq!(load_place(dir.path(), "a"), None, "the oldest goes first");
        assert!(load_place(dir.path(), "k0").is_some());
    }

    #[test]
    fn history_round_trips_one_query_a_line() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load_history(dir.path()).is_empty());
        save_history(dir.path(), &["社区".into(), "two\nlines".into()]).unwrap();
        assert_eq!(load_history(dir.path()), ["社区", "two lines"]);
    }
}
