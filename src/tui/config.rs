//! The reader's settings file: `config.toml` in the XDG config directory
//! (`$XDG_CONFIG_HOME/qunxiang/`, by default `~/.config/qunxiang/`), or the file
//! `QUNXIANG_CONFIG` names. TOML, parsed with the `toml` crate; every key optional:
//!
//! ```toml
//! theme = "mono"            # default | mono
//! script = "simplified"     # script of the first screen: original | simplified |
//!                           # traditional | taiwan | hongkong
//! max-width = 80            # widest line of the article view, in columns (20-1000)
//! traditional = "taiwan"    # what `t` converts simplified text to: standard | taiwan |
//!                           # hongkong
//! taiwan-phrases = false    # OpenCC's Taiwan phrase layer for Taiwan forms
//! remember = true           # reopen a file where it was left
//!
//! [keys]                    # an action's keys, in place of the default ones
//! quit = ["q", "Q"]
//! down = ["j", "Down", "C-n"]
//! compare = []              # no key
//! ```
//!
//! Options on the command line win over the file. A file that cannot be read or has a
//! bad key or value is reported in one line naming the line and the key, and ignored
//! whole: the reader opens with its defaults.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;
use toml::Spanned;

use super::keymap::{Key, KeyTable, parse_key};
use crate::convert::{Script, Traditional};

/// The settings, each `None` when the file does not set it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Config {
    /// Monochrome theme (`theme = "mono"`) or the default one.
    pub mono: Option<bool>,
    /// The script of the first screen.
    pub script: Option<Script>,
    /// The article view's widest line, in display columns.
    pub max_width: Option<usize>,
    /// The traditional form `t` converts simplified text to.
    pub traditional: Option<Traditional>,
    /// OpenCC's Taiwan phrase layer.
    pub taiwan_phrases: Option<bool>,
    /// Whether to reopen a file where it was left (default true).
    pub remember: Option<bool>,
    /// The `[keys]` table: (action name, its keys), by action name; see
    /// [`KeyTable::with_overrides`].
    pub keys: Vec<(String, Vec<Key>)>,
}

/// An action's keys as written: one key or a list.
#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    theme: Option<Spanned<String>>,
    script: Option<Spanned<String>>,
    max_width: Option<Spanned<i64>>,
    traditional: Option<Spanned<String>>,
    taiwan_phrases: Option<bool>,
    remember: Option<bool>,
    keys: Option<BTreeMap<String, Spanned<Keys>>>,
}

/// Where the config file is: `QUNXIANG_CONFIG`, else `config.toml` in the XDG config
/// directory (`None` when there is no home directory to find it from).
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUNXIANG_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "qunxiang").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config file at `path`. A missing file is no config. Errors: one line naming
/// the file, and for a bad key or value its line and key, with what is wrong.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Line number (from 1) and key of the line of `text` where byte `at` stands.
fn line_of(text: &str, at: usize) -> (usize, String) {
    let at = at.min(text.len());
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let whole = text[start..].lines().next().unwrap_or("");
    let key = whole.split('=').next().unwrap_or("").trim().to_string();
    (line, key)
}

fn at(text: &str, span: Range<usize>, what: &str) -> String {
    let (line, key) = line_of(text, span.start);
    format!("line {line} ({key}): {what}")
}

/// Parses the text of a config file. Errors: `line N (key): what is wrong`.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: File = toml::from_str(text).map_err(|e| {
        let what = e.message().trim().replace('\n', " ");
        match e.span() {
            Some(span) => at(text, span, &what),
            None => what,
        }
    })?;
    let mono = match file.theme {
        None => None,
        Some(t) => match t.get_ref().as_str() {
            "default" => Some(false),
            "mono" => Some(true),
            other => {
                return Err(at(
                    text,
                    t.span(),
                    &format!("unknown theme {other:?}, expected \"default\" or \"mono\""),
                ));
            }
        },
    };
    let script = match file.script {
        None => None,
        Some(s) => Some(Script::from_str(s.get_ref(), true).map_err(|_| {
            at(
                text,
                s.span(),
                &format!(
                    "unknown script {:?}, expected original, simplified, traditional, taiwan or hongkong",
                    s.get_ref()
                ),
            )
        })?),
    };
    let traditional = match file.traditional {
        None => None,
        Some(s) => Some(Traditional::from_str(s.get_ref(), true).map_err(|_| {
            at(
                text,
                s.span(),
                &format!(
                    "unknown traditional form {:?}, expected standard, taiwan or hongkong",
                    s.get_ref()
                ),
            )
        })?),
    };
    let max_width = match file.max_width {
        None => None,
        Some(w) => match usize::try_from(*w.get_ref()) {
            Ok(n) if (20..=1000).contains(&n) => Some(n),
            _ => {
                return Err(at(
                    text,
                    w.span(),
                    &format!("{} columns is out of range (20-1000)", w.get_ref()),
                ));
            }
        },
    };
    Ok(Config {
        mono,
        script,
        max_width,
        traditional,
        taiwan_phrases: file.taiwan_phrases,
        remember: file.remember,
        keys: keys(text, file.keys.unwrap_or_default())?,
    })
}

/// The `[keys]` table checked: every name an action's, every value keys, no key given to
/// two actions; in the file's order. Errors: `line N (action): what is wrong`.
fn keys(
    text: &str,
    table: BTreeMap<String, Spanned<Keys>>,
) -> Result<Vec<(String, Vec<Key>)>, String> {
    let mut out: Vec<(String, Vec<Key>)> = Vec::new();
    // In the file's order, so a clash is reported at the later line.
    let mut table: Vec<(String, Spanned<Keys>)> = table.into_iter().collect();
    table.sort_by_key(|(_, spec)| spec.span().start);
    for (name, spec) in table {
        let span = spec.span();
        let written = match spec.into_inner() {
            Keys::One(k) => vec![k],
            Keys::Many(ks) => ks,
        };
        let keys = written
            .iter()
            .map(|k| parse_key(k))
            .collect::<Result<Vec<Key>, String>>()
            .map_err(|e| at(text, span.clone(), &e))?;
        let entry = (name, keys);
        KeyTable::with_overrides(std::slice::from_ref(&entry))
            .map_err(|e| at(text, span.clone(), &e))?;
        for (other, their) in &out {
            if let Some(k) = entry.1.iter().find(|k| their.contains(k)) {
                return Err(at(
                    text,
                    span,
                    &format!("{} is given to {other} too", super::keymap::key_name(*k)),
                ));
            }
        }
        out.push(entry);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read() {
        let c = parse(
            "theme = \"mono\"\nscript = \"simplified\"\nmax-width = 80\ntraditional = \"taiwan\"\ntaiwan-phrases = true\nremember = false\n",
        )
        .unwrap();
        assert_eq!(
            c,
            Config {
                mono: Some(true),
                script: Some(Script::Simplified),
                max_width: Some(80),
                traditional: Some(Traditional::Taiwan),
                taiwan_phrases: Some(true),
                remember: Some(false),
                keys: Vec::new(),
            }
        );
        assert_eq!(parse("").unwrap(), Config::default());
        assert_eq!(
            parse("script = \"HongKong\"").unwrap().script,
            Some(Script::HongKong)
        );
    }

    #[test]
    fn a_bad_value_names_its_line_and_key() {
        let e = parse("theme = \"mono\"\n\nscript = \"klingon\"\n").unwrap_err();
        assert!(
            e.starts_with("line 3 (script): unknown script \"klingon\""),
            "{e}"
        );
        let e = parse("traditional = \"macau\"\n").unwrap_err();
        assert_eq!(
            e,
            "line 1 (traditional): unknown traditional form \"macau\", expected standard, taiwan or hongkong"
        );
        let e = parse("max-width = 5\n").unwrap_err();
        assert_eq!(e, "line 1 (max-width): 5 columns is out of range (20-1000)");
        let e = parse("theme = \"blue\"").unwrap_err();
        assert!(
            e.starts_with("line 1 (theme): unknown theme \"blue\""),
            "{e}"
        );
        let e = parse("# settings\nremember = 3\n").unwrap_err();
        assert!(e.starts_with("line 2 (remember):"), "{e}");
        let e = parse("colour = \"red\"\n").unwrap_err();
        assert!(
            e.starts_with("line 1 (colour):") && e.contains("unknown field"),
            "{e}"
        );
        let e = parse("theme = \n").unwrap_err();
        assert!(e.starts_with("line 1 (theme):"), "{e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }

    #[test]
    fn the_keys_table_sets_an_actions_keys() {
        use crossterm::event::KeyCode;
        let c = parse("theme = \"mono\"\n[keys]\nquit = \"Q\"\ndown = [\"j\", \"C-n\", \"<Down>\"]\ncompare = []\n")
            .unwrap();
        assert_eq!(
            c.keys,
            vec![
                ("quit".to_string(), vec![Key::Plain(KeyCode::Char('Q'))]),
                (
                    "down".to_string(),
                    vec![
                        Key::Plain(KeyCode::Char('j')),
                        Key::Ctrl('n'),
                        Key::Plain(KeyCode::Down)
                    ]
                ),
                ("compare".to_string(), vec![]),
            ]
        );
    }

    #[test]
    fn a_bad_key_names_its_line_and_action() {
        let e = parse("[keys]\nquit = \"q\"\nqiut = \"x\"\n").unwrap_err();
        assert!(
            e.starts_with("line 3 (qiut): unknown action \"qiut\"; the actions are up, down,"),
            "{e}"
        );
        let e = parse("[keys]\n\ndown = [\"j\", \"Ctrl-Shift-x\"]\n").unwrap_err();
        assert!(
            e.starts_with("line 3 (down): \"Ctrl-Shift-x\" is not a key"),
            "{e}"
        );
        let e = parse("[keys]\nsearch = \"C-c\"\n").unwrap_err();
        assert_eq!(
            e,
            "line 2 (search): C-c always quits; it cannot be given to another action"
        );
        let e = parse("[keys]\nquit = [\"q\", \"x\"]\ncopy = \"x\"\n").unwrap_err();
        assert_eq!(e, "line 3 (copy): x is given to quit too");
        let e = parse("[keys]\nquit = 3\n").unwrap_err();
        assert!(e.starts_with("line 2 (quit):"), "{e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }
}
