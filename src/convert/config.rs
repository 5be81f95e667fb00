//! OpenCC configurations: which of OpenCC's configs turns text of a source script into a
//! target script, and which correction direction applies to each.

use super::script::Script;
use crate::article::{Region, SourceScript};

/// An OpenCC configuration: one of OpenCC's own, or two of them run one after the other
/// (between Taiwan and Hong Kong forms, through OpenCC's standard forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
pub enum Config {
    /// Traditional (OpenCC standard) → simplified.
    T2s,
    /// Traditional (Taiwan) → simplified.
    Tw2s,
    /// Traditional (Taiwan) → simplified with Taiwan phrases (軟體 → 软件).
    Tw2sp,
    /// Traditional (Hong Kong) → simplified: OpenCC's hk2t, then tw2s (Hong Kong writing
    /// often uses the forms OpenCC calls Taiwan's, 裡 and the particle 著).
    Hk2s,
    /// Simplified → traditional (OpenCC standard).
    S2t,
    /// Simplified → traditional (Taiwan).
    S2tw,
    /// Simplified → traditional (Taiwan) with Taiwan phrases (软件 → 軟體).
    S2twp,
    /// Simplified → traditional (Hong Kong).
    S2hk,
    /// Traditional (standard) → Taiwan forms.
    T2tw,
    /// Traditional (standard) → Hong Kong forms.
    T2hk,
    /// Taiwan forms → traditional (standard).
    Tw2t,
    /// Hong Kong forms → traditional (standard).
    Hk2t,
    /// Taiwan forms → Hong Kong forms (tw2t, then t2hk).
    Tw2hk,
    /// Hong Kong forms → Taiwan forms (hk2t, then t2tw).
    Hk2tw,
}

impl Config {
    /// The configuration's name (OpenCC's config name where it is one of OpenCC's own).
    pub fn name(self) -> &'static str {
        match self {
            Config::T2s => "t2s",
            Config::Tw2s => "tw2s",
            Config::Tw2sp => "tw2sp",
            Config::Hk2s => "hk2s",
            Config::S2t => "s2t",
            Config::S2tw => "s2tw",
            Config::S2twp => "s2twp",
            Config::S2hk => "s2hk",
            Config::T2tw => "t2tw",
            Config::T2hk => "t2hk",
            Config::Tw2t => "tw2t",
            Config::Hk2t => "hk2t",
            Config::Tw2hk => "tw2hk",
            Config::Hk2tw => "hk2tw",
        }
    }

    /// OpenCC's JSON config files this configuration runs, in order.
    pub fn stock_files(self) -> &'static [&'static str] {
        match self {
            Config::Tw2hk => &["tw2t.json", "t2hk.json"],
            Config::Hk2tw => &["hk2t.json", "t2tw.json"],
            Config::T2s => &["t2s.json"],
            Config::Tw2s => &["tw2s.json"],
            Config::Tw2sp => &["tw2sp.json"],
            // Hong Kong writing often uses the forms OpenCC calls Taiwan's (裡, the particle
            // 著), which hk2s leaves: Hong Kong forms to standard ones, then tw2s.
            Config::Hk2s => &["hk2t.json", "tw2s.json"],
            Config::S2t => &["s2t.json"],
            Config::S2tw => &["s2tw.json"],
            Config::S2twp => &["s2twp.json"],
            Config::S2hk => &["s2hk.json"],
            Config::T2tw => &["t2tw.json"],
            Config::T2hk => &["t2hk.json"],
            Config::Tw2t => &["tw2t.json"],
            Config::Hk2t => &["hk2t.json"],
        }
    }

    /// Whether the configuration converts from simplified script.
    pub fn from_simplified(self) -> bool {
        matches!(
            self,
            Config::S2t | Config::S2tw | Config::S2twp | Config::S2hk
        )
    }

    /// The direction of corrections that apply: `s2t` for configurations from simplified,
    /// `t2s` for those to simplified, `tw2t` from Taiwan forms to other traditional forms,
    /// none otherwise.
    pub fn corrections(self) -> Option<&'static str> {
        match self {
            Config::S2t | Config::S2tw | Config::S2twp | Config::S2hk => Some("s2t"),
            Config::T2s | Config::Tw2s | Config::Tw2sp | Config::Hk2s => Some("t2s"),
            Config::Tw2t | Config::Tw2hk => Some("tw2t"),
            _ => None,
        }
    }

    /// The configuration that turns text of `source` (script, region) into `target`, or
    /// `None` when the text is shown as it is. `taiwan_phrases` uses OpenCC's Taiwan phrase
    /// layer (s2twp, tw2sp), which is off by default: it is known to damage text
    /// (电视频段 → 電影片段). Simplified text never goes through a config that starts from
    /// traditional, and the reverse.
    pub fn for_source(
        source: (SourceScript, Option<Region>),
        target: Script,
        taiwan_phrases: bool,
    ) -> Option<Config> {
        use Region::*;
        use SourceScript::*;
        match (source, target) {
            (_, Script::Original) => None,
            ((Simplified, _), Script::Simplified) => None,
            ((Simplified, _), Script::Traditional) => Some(Config::S2t),
            ((Simplified, _), Script::Taiwan) if taiwan_phrases => Some(Config::S2twp),
            ((Simplified, _), Script::Taiwan) => Some(Config::S2tw),
            ((Simplified, _), Script::HongKong) => Some(Config::S2hk),
            ((Traditional, None), Script::Simplified) => Some(Config::T2s),
            ((Traditional, None), Script::Traditional) => None,
            ((Traditional, None), Script::Taiwan) => Some(Config::T2tw),
            ((Traditional, None), Script::HongKong) => Some(Config::T2hk),
            ((Traditional, Some(Taiwan)), Script::Simplified) if taiwan_phrases => {
                Some(Config::Tw2sp)
            }
            ((Traditional, Some(Taiwan)), Script::Simplified) => Some(Config::Tw2s),
            ((Traditional, Some(Taiwan)), Script::Traditional) => Some(Config::Tw2t),
            ((Traditional, Some(Taiwan)), Script::Taiwan) => None,
            ((Traditional, Some(Taiwan)), Script::HongKong) => Some(Config::Tw2hk),
            ((Traditional, Some(HongKong)), Script::Simplified) => Some(Config::Hk2s),
            ((Traditional, Some(HongKong)), Script::Traditional) => Some(Config::Hk2t),
            ((Traditional, Some(HongKong)), Script::Taiwan) => Some(Config::Hk2tw),
            ((Traditional, Some(HongKong)), Script::HongKong) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_the_wrong_direction() {
        let simp = (SourceScript::Simplified, None);
        for target in Script::ALL {
            for phrases in [false, true] {
                let c = Config::for_source(simp, target, phrases);
                assert!(
                    !matches!(
                        c,
                        Some(Config::Tw2sp | Config::Tw2s | Config::T2s | Config::Hk2s)
                    ),
                    "{c:?}"
                );
            }
        }
    }
}
