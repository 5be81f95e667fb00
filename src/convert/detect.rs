//! Telling the script of a text (traditional or simplified) and, for traditional text, its
//! region (Taiwan or Hong Kong forms), through per-config character tables that OpenCC
//! builds once and that are cached with the configs.

use super::char_table::CharTable;
use super::open::ConfigDir;
use super::{Config, Converters};
use crate::article::{Region, SourceScript};

/// How much of a text (bytes, from its start) [`Converters::detect`] reads: enough for a
/// few hundred regional forms in a traditional text, and a short article whole.
pub const DETECT_BYTES: usize = 64 * 1024;

/// How many CJK characters [`Converters::detect`] reads to tell traditional from simplified
/// text (a fifth to a half of them change in traditional text).
pub const SCRIPT_CJK_CHARS: usize = 1000;

/// Characters of written Cantonese (嘅 咗 喺 唔 冇 佢 哋 …): Hong Kong writing quotes and
/// narrates in them; Taiwan writing does not use them.
const CANTONESE_CHARS: &str = "嘅咗喺唔冇佢哋啲嚟嗰乜噉睇搵啱咁嘢畀攞嘞喎啫囉㗎嚿揸攰諗";

/// Words of Hong Kong writing: its institutions, currency, housing and transport terms and
/// districts, which Taiwan writing does not use (or names otherwise).
const HONG_KONG_WORDS: &[&str] = &[
    "香港",
    "港人",
    "九龍",
    "新界",
    "港島",
    "立法會",
    "區議會",
    "特首",
    "特區政府",
    "港元",
    "港幣",
    "港鐵",
    "屋邨",
    "公屋",
    "居屋",
    "劏房",
    "的士",
    "警務處",
    "食環署",
    "社署",
    "元朗",
    "沙田",
    "旺角",
    "灣仔",
    "荃灣",
    "將軍澳",
    "屯門",
    "觀塘",
    "中環",
    "深水埗",
];

/// Words of Taiwan writing: its institutions, currency, local government and transport
/// terms and cities, which Hong Kong writing does not use (or names otherwise).
const TAIWAN_WORDS: &[&str] = &[
    "臺灣",
    "台灣",
    "臺北",
    "台北",
    "新北",
    "臺中",
    "台中",
    "臺南",
    "台南",
    "高雄",
    "桃園",
    "新竹",
    "嘉義",
    "屏東",
    "宜蘭",
    "花蓮",
    "立法院",
    "行政院",
    "里長",
    "鄉公所",
    "區公所",
    "縣府",
    "市府",
    "捷運",
    "計程車",
    "機車",
    "健保",
    "新台幣",
    "新臺幣",
    "國中",
    "國小",
];

/// How many times the Hong Kong and the Taiwan signals of [`CANTONESE_CHARS`],
/// [`HONG_KONG_WORDS`] and [`TAIWAN_WORDS`] occur in `text` (non-overlapping, leftmost
/// longest).
pub fn region_words(text: &str) -> (usize, usize) {
    static WORDS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let Some(ac) = WORDS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(HONG_KONG_WORDS.iter().chain(TAIWAN_WORDS))
                .ok()
        })
        .as_ref()
    else {
        return (0, 0);
    };
    let (mut hk, mut tw) = (
        text.chars()
            .filter(|c| CANTONESE_CHARS.contains(*c))
            .count(),
        0,
    );
    for m in ac.find_iter(text) {
        if m.pattern().as_usize() < HONG_KONG_WORDS.len() {
            hk += 1;
        } else {
            tw += 1;
        }
    }
    (hk, tw)
}

/// The region [`region_words`] tells: at least [`REGION_WORDS`] signals of one region and
/// at least twice as many as of the other; `None` otherwise.
fn region_by_words(text: &str) -> Option<Region> {
    let (hk, tw) = region_words(text);
    if hk >= REGION_WORDS && hk >= 2 * tw {
        Some(Region::HongKong)
    } else if tw >= REGION_WORDS && tw >= 2 * hk {
        Some(Region::Taiwan)
    } else {
        None
    }
}

/// How many signals of a region's writing [`region_by_words`] wants.
const REGION_WORDS: usize = 3;

impl Converters {
    /// The character table of `config` ([`CharTable`]): read from the cache, else built with
    /// OpenCC (about 30 ms) and cached. `None` when OpenCC cannot be loaded.
    fn char_table(&self, config: Config) -> Option<&CharTable> {
        self.tables[config as usize]
            .get_or_init(|| {
                let ConfigDir { dir, data, .. } = self.config_dir(config).ok()?;
                let name = format!("{}.{}.chars", config.name(), data.fingerprint());
                let path = dir.as_ref().map(|d| d.join(&name));
                if let Some(t) = path
                    .as_ref()
                    .and_then(|p| std::fs::read(p).ok())
                    .and_then(|b| CharTable::from_bytes(&b))
                {
                    return Some(t);
                }
                let cc = self.get(config).ok()?;
                let table = CharTable::build(&cc);
                // A cache that cannot be written (or none) only costs the next start the build.
                if let (Some(dir), Some(path)) = (dir, path) {
                    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
                    if std::fs::write(&tmp, table.to_bytes()).is_ok() {
                        let _ = std::fs::rename(&tmp, &path);
                    }
                }
                Some(table)
            })
            .as_ref()
    }

    /// Detects the script of `text`, and for traditional text the region, from the first
    /// [`DETECT_BYTES`] bytes:
    /// - traditional when OpenCC `t2s` changes more than 2% of its first
    ///   [`SCRIPT_CJK_CHARS`] CJK characters (traditional text typically has 15–40% that
    ///   change, simplified text almost none);
    /// - the region whose words occur in it ([`region_words`]: written Cantonese, Hong Kong's
    ///   and Taiwan's institutions, places and terms), when at least three do and at least
    ///   twice as many as the other region's (Hong Kong writing often uses the forms OpenCC
    ///   calls Taiwan's, 裡 and 著);
    /// - else regional forms when OpenCC `tw2t` (TWVariantsRev) or `hk2t` (HKVariantsRev)
    ///   changes more than 1% of them, OpenCC's standard forms otherwise;
    /// - Taiwan forms when the characters only `tw2t` changes, plus 裡 and 著, are at least as
    ///   many as those only `hk2t` changes, plus 裏 and 着; Hong Kong forms otherwise.
    ///
    /// Characters are judged one by one, through each config's [`CharTable`] (what OpenCC
    /// does to the character alone), so detection costs table lookups rather than three
    /// OpenCC conversions (OpenCC 1.1 converts about 5 MB/s, which made detection most of
    /// the time a short article took to open). Falls back to simplified, no region, when
    /// OpenCC cannot be loaded.
    pub fn detect(&self, text: &str) -> (SourceScript, Option<Region>) {
        let mut end = text.len().min(DETECT_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cjk = |c: &char| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}');
        let sample: Vec<char> = text[..end].chars().filter(cjk).collect();
        let head = &sample[..sample.len().min(SCRIPT_CJK_CHARS)];
        if head.is_empty() {
            return (SourceScript::Simplified, None);
        }
        let (t2s, (tw, hk)) = std::thread::scope(|scope| {
            let regional =
                scope.spawn(|| (self.char_table(Config::Tw2t), self.char_table(Config::Hk2t)));
            let t2s = self.char_table(Config::T2s);
            (t2s, regional.join().unwrap_or((None, None)))
        });
        let Some(t2s) = t2s else {
            return (SourceScript::Simplified, None);
        };
        if head.iter().filter(|&&c| t2s.changes(c)).count() * 50 <= head.len() {
            return (SourceScript::Simplified, None);
        }
        // Hong Kong writing uses Taiwan's forms as often as its own (裡, 著), so the words
        // decide first.
        if let Some(region) = region_by_words(&text[..end]) {
            return (SourceScript::Traditional, Some(region));
        }
        let changes = |t: Option<&CharTable>, c: char| t.is_some_and(|t| t.changes(c));
        let count = |keep: &dyn Fn(char) -> bool| sample.iter().filter(|&&c| keep(c)).count();
        if count(&|c| changes(tw, c)).max(count(&|c| changes(hk, c))) * 100 <= sample.len() {
            return (SourceScript::Traditional, None);
        }
        // Forms only one of the two regions uses (為 is both Taiwan's and Hong Kong's).
        let taiwan = count(&|c| changes(tw, c) && !changes(hk, c) || "裡著".contains(c));
        let hong_kong = count(&|c| changes(hk, c) && !changes(tw, c) || "裏着".contains(c));
        let region = if taiwan >= hong_kong {
            Region::Taiwan
        } else {
            Region::HongKong
        };
        (SourceScript::Traditional, Some(region))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_tables_hold_what_opencc_changes_and_survive_the_cache() {
        for _ in 0..2 {
            // The second round reads the tables the first one cached.
            let c = Converters::new();
            let t2s = c.char_table(Config::T2s).expect("t2s table");
            assert!(t2s.changes('頭') && t2s.changes('髮') && t2s.changes('㑳'));
            assert!(!t2s.changes('头') && !t2s.changes('发') && !t2s.changes('a'));
            let tw = c.char_table(Config::Tw2t).expect("tw2t table");
            assert!(tw.changes('裡') && !tw.changes('裏') && !tw.changes('頭'));
            let hk = c.char_table(Config::Hk2t).expect("hk2t table");
            assert!(hk.changes('衞') && !hk.changes('衛'));
        }
        let bytes = CharTable(vec![5; CharTable::WORDS]).to_bytes();
        assert_eq!(CharTable::from_bytes(&bytes).map(|t| t.0[3]), Some(5));
        assert!(CharTable::from_bytes(&bytes[1..]).is_none());
    }

    #[test]
    fn detects_script_and_region() {
        let c = Converters::new();
        assert_eq!(
            c.detect("基層黨員幹部舍小家為大家，在群裡看著"),
            (SourceScript::Traditional, Some(Region::Taiwan))
        );
        assert_eq!(
            c.detect("基层党员干部舍小家为大家"),
            (SourceScript::Simplified, None)
        );
        assert_eq!(
            c.detect("醫護人員在病房裏着急地工作，為市民衞生把關"),
            (SourceScript::Traditional, Some(Region::HongKong))
        );
        assert_eq!(
            c.detect("基層黨員幹部舍小家爲大家"),
            (SourceScript::Traditional, None)
        );
        // Hong Kong writing with the forms OpenCC calls Taiwan's (裡, 著): its words decide.
        let hk = "陳大文話：「我哋喺屋邨住咗廿年，樓下嘅街市都冇咗。」他在公屋裡看著窗外。";
        assert_eq!(region_words(hk), (8, 0));
        assert_eq!(
            c.detect(hk),
            (SourceScript::Traditional, Some(Region::HongKong))
        );
        let tw = "林小美在臺北捷運站旁開店，每天騎機車送貨，裡面擺著花。";
        assert_eq!(region_words(tw), (0, 3));
        assert_eq!(
            c.detect(tw),
            (SourceScript::Traditional, Some(Region::Taiwan))
        );
        // Two signals are not enough, nor three against two.
        assert_eq!(region_words("他說佢冇來"), (2, 0));
        assert_eq!(
            c.detect("醫護人員在病房裏着急地工作，為市民衞生把關，佢冇走"),
            (SourceScript::Traditional, Some(Region::HongKong))
        );
    }
}
