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

/// The traditional form simplified text is converted to by the toggle key `t`: OpenCC's
/// standard forms (the default), Taiwan's (台灣正體) or Hong Kong's (香港繁體). Set by
/// `--traditional`, the config file's `traditional`, else by a traditional `--script` or
/// config `script`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Traditional {
    /// OpenCC's standard traditional forms (繁體).
    #[default]
    Standard,
    /// Taiwan forms (台灣正體).
    Taiwan,
    /// Hong Kong forms (香港繁體).
    #[value(name = "hongkong")]
    HongKong,
}

impl Traditional {
    /// The script of this form.
    pub fn script(self) -> Script {
        match self {
            Traditional::Standard => Script::Traditional,
            Traditional::Taiwan => Script::Taiwan,
            Traditional::HongKong => Script::HongKong,
        }
    }

    /// The traditional form `script` is, `None` for the original and simplified.
    pub fn of(script: Script) -> Option<Traditional> {
        match script {
            Script::Traditional => Some(Traditional::Standard),
            Script::Taiwan => Some(Traditional::Taiwan),
            Script::HongKong => Some(Traditional::HongKong),
            Script::Original | Script::Simplified => None,
        }
    }
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

    /// What `t` switches to: simplified from any traditional form, from simplified the
    /// traditional form `traditional` (the reader's setting: OpenCC's standard forms, Taiwan's
    /// or Hong Kong's); shown as [`Script::Original`] when the original is in that script.
    pub fn toggled(
        self,
        source: (SourceScript, Option<Region>),
        traditional: Traditional,
    ) -> Script {
        let (shown, _) = self.shown(source);
        match (shown, source.0) {
            (SourceScript::Traditional, SourceScript::Traditional) => Script::Simplified,
            (SourceScript::Simplified, SourceScript::Simplified) => traditional.script(),
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
        let std = Traditional::Standard;
        assert_eq!(Script::Original.toggled(trad, std), Script::Simplified);
        assert_eq!(Script::Simplified.toggled(trad, std), Script::Original);
        assert_eq!(Script::Original.toggled(simp, std), Script::Traditional);
        assert_eq!(Script::Traditional.toggled(trad, std), Script::Simplified);
        assert_eq!(Script::Taiwan.toggled(simp, std), Script::Original);
        // From simplified, the reader's traditional form; back to the original from any.
        let tw = Traditional::Taiwan;
        assert_eq!(Script::Original.toggled(simp, tw), Script::Taiwan);
        assert_eq!(Script::Taiwan.toggled(simp, tw), Script::Original);
        assert_eq!(Script::HongKong.toggled(simp, tw), Script::Original);
        assert_eq!(
            Script::Simplified.toggled(simp, Traditional::HongKong),
            Script::HongKong
        );
        // Traditional text toggles to simplified whatever the setting.
        let taiwan = (SourceScript::Traditional, Some(Region::Taiwan));
        assert_eq!(Script::Original.toggled(taiwan, tw), Script::Simplified);
        assert_eq!(Script::Simplified.toggled(taiwan, tw), Script::Original);
        assert_eq!(
            Traditional::of(Script::HongKong),
            Some(Traditional::HongKong)
        );
        assert_eq!(Traditional::of(Script::Simplified), None);
    }
}
