//! The scripts a reader shows (original, simplified, and three traditional forms), their
//! names, and what the toggle and cycle keys switch to.

use crate::article::{Region, SourceScript};

/// The script a reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Script {
    /// The text as written, byte for byte.
    Original,
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters, OpenCC's standard forms (繁體).
    Traditional,
    /// Traditional characters, Taiwan forms (台灣正體: 裡, 著, 為).
    Taiwan,
    /// Traditional characters, Hong Kong forms (香港繁體).
    #[value(name = "hongkong")]
    HongKong,
}

/// The name of a script as readers know it: 简体, 繁體, 台灣正體, 香港繁體.
pub fn script_name(script: SourceScript, region: Option<Region>) -> &'static str {
    match (script, region) {
        (SourceScript::Simplified, _) => "简体",
        (SourceScript::Traditional, None) => "繁體",
        (SourceScript::Traditional, Some(Region::Taiwan)) => "台灣正體",
        (SourceScript::Traditional, Some(Region::HongKong)) => "香港繁體",
    }
}

impl Script {
    /// All scripts, in the order the cycle key goes through them.
    pub const ALL: [Script; 5] = [
        Script::Original,
        Script::Simplified,
        Script::Traditional,
        Script::Taiwan,
        Script::HongKong,
    ];

    /// The script and region of text shown in this script, for a source `source`.
    pub fn shown(self, source: (SourceScript, Option<Region>)) -> (SourceScript, Option<Region>) {
        match self {
            Script::Original => source,
            Script::Simplified => (SourceScript::Simplified, None),
            Script::Traditional => (SourceScript::Traditional, None),
            Script::Taiwan => (SourceScript::Traditional, Some(Region::Taiwan)),
            Script::HongKong => (SourceScript::Traditional, Some(Region::HongKong)),
        }
    }

    /// A label for the status bar: the script's name, and `(original)` for the original.
    pub fn label(self, source: (SourceScript, Option<Region>)) -> String {
        let (s, r) = self.shown(source);
        match self {
            Script::Original => format!("{} (original)", script_name(s, r)),
            _ => script_name(s, r).to_string(),
        }
    }

    /// What `t` switches to: simplified from any traditional form, traditional from
    /// simplified; shown as [`Script::Original`] when the original is in that script.
    pub fn toggled(self, source: (SourceScript, Option<Region>)) -> Script {
        let (shown, _) = self.shown(source);
        match (shown, source.0) {
            (SourceScript::Traditional, SourceScript::Traditional) => Script::Simplified,
            (SourceScript::Simplified, SourceScript::Simplified) => Script::Traditional,
            _ => Script::Original,
        }
    }

    /// The next script in [`Script::ALL`], for the key that cycles through all of them.
    pub fn cycled(self) -> Script {
        let i = Script::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Script::ALL[(i + 1) % Script::ALL.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggle_pairs() {
        let trad = (SourceScript::Traditional, None);
        let simp = (SourceScript::Simplified, None);
        assert_eq!(Script::Original.toggled(trad), Script::Simplified);
        assert_eq!(Script::Simplified.toggled(trad), Script::Original);
        assert_eq!(Script::Original.toggled(simp), Script::Traditional);
        assert_eq!(Script::Traditional.toggled(trad), Script::Simplified);
        assert_eq!(Script::Taiwan.toggled(simp), Script::Original);
    }
}
