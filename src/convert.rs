//! Script conversion through OpenCC (the system library, via opencc-rust 1.1).
//!
//! Conversion always starts from the original article, never from an earlier conversion:
//! OpenCC's mappings are many-to-one (發/髮 → 发), so converting back does not restore the
//! original. [`Converters`] builds each OpenCC config once and is shared between threads.

use std::sync::OnceLock;

use opencc_rust::{DefaultConfig, OpenCC};

use crate::article::{Article, SourceScript};

/// Where OpenCC 1.1 on Debian looks for its configs and dictionaries.
pub const OPENCC_DATA_DIR: &str = "/usr/share/opencc";

/// The script a reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Script {
    /// The text as written, byte for byte.
    Original,
    /// Simplified characters (OpenCC `t2s` from a traditional source).
    Simplified,
    /// Traditional characters (OpenCC `s2t` from a simplified source).
    Traditional,
}

impl Script {
    /// A short label for the status bar, in the script's own characters.
    pub fn label(self, source: SourceScript) -> &'static str {
        match (self, source) {
            (Script::Original, SourceScript::Traditional) => "繁體 (original)",
            (Script::Original, SourceScript::Simplified) => "简体 (original)",
            (Script::Simplified, _) => "简体",
            (Script::Traditional, _) => "繁體",
        }
    }

    /// What `t` switches to: the other script of the pair traditional/simplified, shown as
    /// [`Script::Original`] when that is the script the original is written in.
    pub fn toggled(self, source: SourceScript) -> Script {
        let shown = match self {
            Script::Original => source,
            Script::Simplified => SourceScript::Simplified,
            Script::Traditional => SourceScript::Traditional,
        };
        match (shown, source) {
            (SourceScript::Traditional, SourceScript::Traditional) => Script::Simplified,
            (SourceScript::Simplified, SourceScript::Simplified) => Script::Traditional,
            _ => Script::Original,
        }
    }
}

/// Why conversion could not run.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ConvertError {
    #[error(
        "OpenCC config {config} could not be loaded (looked in {OPENCC_DATA_DIR}); install libopencc-dev and opencc-data"
    )]
    Config { config: &'static str },
}

/// OpenCC converters, built on first use and then shared (OpenCC objects are `Send + Sync`).
#[derive(Default)]
pub struct Converters {
    t2s: OnceLock<Result<OpenCC, ConvertError>>,
    s2t: OnceLock<Result<OpenCC, ConvertError>>,
}

impl std::fmt::Debug for Converters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converters").finish_non_exhaustive()
    }
}

fn open(config: DefaultConfig) -> Result<OpenCC, ConvertError> {
    let name = config.get_file_name();
    OpenCC::new(name).map_err(|_| ConvertError::Config { config: name })
}

impl Converters {
    /// New, with no config loaded yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The OpenCC converter (as its config name) that turns `source` into `target`, or
    /// `None` when the text is shown as it is (original, or already in that script).
    pub fn config_for(source: SourceScript, target: Script) -> Option<DefaultConfig> {
        match (source, target) {
            (SourceScript::Traditional, Script::Simplified) => Some(DefaultConfig::T2S),
            (SourceScript::Simplified, Script::Traditional) => Some(DefaultConfig::S2T),
            _ => None,
        }
    }

    fn get(&self, config: DefaultConfig) -> Result<&OpenCC, ConvertError> {
        let cell = match config {
            DefaultConfig::T2S => &self.t2s,
            DefaultConfig::S2T => &self.s2t,
            _ => unreachable!("only t2s and s2t are used"),
        };
        cell.get_or_init(|| open(config))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Builds the converter for `config` now, so later conversions do not wait for the
    /// dictionary load (s2t takes tens of milliseconds).
    pub fn warm(&self, config: DefaultConfig) -> Result<(), ConvertError> {
        self.get(config).map(|_| ())
    }

    /// Converts one string with `config`. NUL bytes (which make opencc-rust panic) are
    /// removed first; OpenCC's `convert_to_buffer` is never used.
    pub fn convert_str(&self, config: DefaultConfig, text: &str) -> Result<String, ConvertError> {
        let cc = self.get(config)?;
        if text.contains('\0') {
            return Ok(cc.convert(text.replace('\0', "")));
        }
        Ok(cc.convert(text))
    }

    /// Returns `article` in `target` script: a clone of the original for
    /// [`Script::Original`] or when no conversion applies, else every string converted
    /// with one OpenCC call (strings joined by `\n`, split again; string by string if the
    /// line count were to change) and `script` set to the result's script.
    pub fn convert_article(
        &self,
        article: &Article,
        target: Script,
    ) -> Result<Article, ConvertError> {
        let mut out = article.clone();
        let Some(config) = Self::config_for(article.script, target) else {
            return Ok(out);
        };
        let mut joined = String::new();
        let mut pieces = 0usize;
        out.for_each_string_mut(|s| {
            joined.push_str(s);
            joined.push('\n');
            pieces += 1 + s.matches('\n').count();
        });
        let converted = self.convert_str(config, &joined)?;
        let lines: Vec<&str> = converted.split('\n').collect();
        if lines.len() == pieces + 1 {
            let mut it = lines.into_iter();
            out.for_each_string_mut(|s| {
                let n = 1 + s.matches('\n').count();
                *s = it.by_ref().take(n).collect::<Vec<_>>().join("\n");
            });
        } else {
            let mut err = None;
            out.for_each_string_mut(|s| match self.convert_str(config, s) {
                Ok(c) => *s = c,
                Err(e) => err = Some(e),
            });
            if let Some(e) = err {
                return Err(e);
            }
        }
        out.script = match target {
            Script::Simplified => SourceScript::Simplified,
            _ => SourceScript::Traditional,
        };
        Ok(out)
    }

    /// Detects the script of `text`: traditional when OpenCC `t2s` changes more than 2% of
    /// its CJK characters (traditional text typically has 15–40% that change, simplified
    /// text almost none). Looks at the first 64 KiB only. Falls back to simplified when
    /// OpenCC cannot be loaded.
    pub fn detect_script(&self, text: &str) -> SourceScript {
        let mut end = text.len().min(64 * 1024);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        let Ok(converted) = self.convert_str(DefaultConfig::T2S, sample) else {
            return SourceScript::Simplified;
        };
        let cjk = |c: &char| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}');
        let total = sample.chars().filter(cjk).count();
        let changed = sample
            .chars()
            .zip(converted.chars())
            .filter(|(a, b)| a != b && cjk(a))
            .count();
        if total > 0 && changed * 50 > total {
            SourceScript::Traditional
        } else {
            SourceScript::Simplified
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t2s_and_s2t_with_the_real_library() {
        let c = Converters::new();
        assert_eq!(
            c.convert_str(DefaultConfig::T2S, "頭髮發現").unwrap(),
            "头发发现"
        );
        assert_eq!(c.convert_str(DefaultConfig::S2T, "头发").unwrap(), "頭髮");
        assert_eq!(c.convert_str(DefaultConfig::T2S, "a\0b").unwrap(), "ab");
    }

    #[test]
    fn detects_the_script() {
        let c = Converters::new();
        assert_eq!(
            c.detect_script("基層黨員幹部舍小家為大家"),
            SourceScript::Traditional
        );
        assert_eq!(
            c.detect_script("基层党员干部舍小家为大家"),
            SourceScript::Simplified
        );
    }

    #[test]
    fn toggle_pairs() {
        assert_eq!(
            Script::Original.toggled(SourceScript::Traditional),
            Script::Simplified
        );
        assert_eq!(
            Script::Simplified.toggled(SourceScript::Traditional),
            Script::Original
        );
        assert_eq!(
            Script::Original.toggled(SourceScript::Simplified),
            Script::Traditional
        );
        assert_eq!(
            Script::Traditional.toggled(SourceScript::Traditional),
            Script::Simplified
        );
    }
}
