//! Names converted as names, a layer OpenCC does not have: people's names (the analysis's
//! profiles' names and aliases, or the tagger's person words) are converted apart from the
//! words around them, surname and given name each alone, and from simplified script a
//! surname whose character
//! OpenCC converts as a common word keeps its surname form (范 stays 范, not 範; 余 stays 余,
//! not 餘; 于 stays 于, not 於; 钟 becomes 鍾, not 鐘).

use aho_corasick::{AhoCorasick, MatchKind};

use super::config::Config;
use crate::article::Profile;

/// Surnames whose simplified character stands for several traditional ones, with the form
/// the surname takes in traditional script (OpenCC's `STCharacters` lists the common word's
/// first: 范 範, 余 餘, 于 於, 朴 樸, 党 黨, 干 幹, 后 後, 占 佔, 种 種, 岳 嶽, 郁 鬱, 游 遊;
/// the others are OpenCC's first form too, kept here so that no phrase takes them: 钟 鍾 not
/// 鐘, 谷 谷 not 穀, 姜 姜 not 薑, 叶 葉, 万 萬, 云 雲, 松 松 not 鬆, 胡 胡 not 鬍, 周 周 not 週).
/// The forms are those of the surnames in Taiwan's and Hong Kong's usage.
pub const SURNAMES_S2T: &[(char, char)] = &[
    ('范', '范'),
    ('余', '余'),
    ('于', '于'),
    ('叶', '葉'),
    ('钟', '鍾'),
    ('谷', '谷'),
    ('姜', '姜'),
    ('万', '萬'),
    ('云', '雲'),
    ('付', '付'),
    ('朴', '朴'),
    ('党', '党'),
    ('干', '干'),
    ('后', '后'),
    ('占', '占'),
    ('种', '种'),
    ('岳', '岳'),
    ('郁', '郁'),
    ('游', '游'),
    ('沈', '沈'),
    ('松', '松'),
    ('胡', '胡'),
    ('周', '周'),
    ('曲', '曲'),
    ('卜', '卜'),
    ('仇', '仇'),
    ('凌', '凌'),
    ('苏', '蘇'),
];

/// The traditional surname form of `c` ([`SURNAMES_S2T`]), if it is one of those surnames.
pub fn surname_s2t(c: char) -> Option<char> {
    SURNAMES_S2T.iter().find(|(s, _)| *s == c).map(|(_, t)| *t)
}

/// A set of names to convert as names (strings of the source script), found in texts by
/// leftmost-longest matching. Names of fewer than two characters, or without a CJK
/// character, are left out (a one-character alias would match everywhere).
#[derive(Debug, Default)]
pub struct Names {
    ac: Option<AhoCorasick>,
}

/// Whether `c` is a CJK unified ideograph (the main block or extension A).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

impl Names {
    /// The names `names` (duplicates, one-character names and names without CJK characters
    /// left out).
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Names {
        let mut kept: Vec<String> = names
            .into_iter()
            .map(|n| n.as_ref().trim().to_string())
            .filter(|n| n.chars().count() >= 2 && n.chars().any(is_cjk) && !n.contains('\n'))
            .collect();
        kept.sort();
        kept.dedup();
        if kept.is_empty() {
            return Names::default();
        }
        Names {
            ac: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&kept)
                .ok(),
        }
    }

    /// The names and aliases of `profiles`.
    pub fn of_profiles(profiles: &[Profile]) -> Names {
        Names::new(
            profiles
                .iter()
                .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)),
        )
    }

    /// Whether there is no name to look for.
    pub fn is_empty(&self) -> bool {
        self.ac.is_none()
    }

    /// `text` cut at the names it holds: (piece, whether it is a name), in order; joined,
    /// the pieces are `text`. One piece, not a name, when no name occurs.
    pub fn pieces<'a>(&self, text: &'a str) -> Vec<(&'a str, bool)> {
        let Some(ac) = &self.ac else {
            return vec![(text, false)];
        };
        let mut out = Vec::new();
        let mut at = 0;
        for m in ac.find_iter(text) {
            if m.start() > at {
                out.push((&text[at..m.start()], false));
            }
            out.push((&text[m.start()..m.end()], true));
            at = m.end();
        }
        if at < text.len() || out.is_empty() {
            out.push((&text[at..], false));
        }
        out
    }
}

/// Compound surnames: a name that starts with one of them has it as its surname.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "慕容",
    "尉迟", "尉遲", "公孙", "公孫", "夏侯", "司徒", "端木", "长孙", "長孫", "宇文",
];

/// A name cut into the parts converted one by one: a familiar prefix (老, 小, 阿: 老范), the
/// surname (a compound one, else the first character), the given name; each with whether
/// it is the surname. A name of one part (no given name) is its own surname.
pub fn name_parts(name: &str) -> Vec<(&str, bool)> {
    let first_len = |s: &str| s.chars().next().map_or(0, char::len_utf8);
    let (prefix, rest) = match name.chars().next() {
        Some('老' | '小' | '阿') if name.chars().count() == 2 => name.split_at(first_len(name)),
        _ => ("", name),
    };
    let cut = COMPOUND_SURNAMES
        .iter()
        .find(|c| rest.starts_with(*c) && rest.len() > c.len())
        .map_or_else(|| first_len(rest), |c| c.len());
    let (surname, given) = rest.split_at(cut);
    [(prefix, false), (surname, true), (given, false)]
        .into_iter()
        .filter(|(p, _)| !p.is_empty())
        .collect()
}

/// A surname's conversion `converted` (of the surname `source` alone, with `config`) in
/// surname form: from simplified script, a surname of [`SURNAMES_S2T`] takes the form given
/// there; other conversions are returned as they are.
pub fn surname_form(config: Config, source: &str, converted: String) -> String {
    let from_simplified = matches!(
        config,
        Config::S2t | Config::S2tw | Config::S2twp | Config::S2hk
    );
    let mut chars = source.chars();
    match (chars.next().and_then(surname_s2t), chars.next()) {
        (Some(form), None) if from_simplified => form.to_string(),
        _ => converted,
    }
}

/// The person names the tagger finds in `text` (LAC's `PER` words of two or more
/// characters), for converting text that has not been analysed (`qunxiang convert`). Only
/// clauses (cut at line ends and sentence and clause punctuation) that hold one of the
/// surnames of [`SURNAMES_S2T`] are tagged, and nothing when `text` is longer than
/// [`NAMES_BYTES`]: tagging costs about 100 times what OpenCC does per character.
pub fn find_names(text: &str) -> Names {
    if text.len() > NAMES_BYTES {
        return Names::default();
    }
    let clauses: Vec<String> = text
        .split(|c: char| "\n。！？；，、：!?;".contains(c))
        .filter(|c| c.chars().any(|ch| surname_s2t(ch).is_some()))
        .map(str::to_string)
        .collect();
    if clauses.is_empty() {
        return Names::default();
    }
    let tagged = crate::analysis::tag_all(&clauses);
    let mut names = Vec::new();
    for (clause, tokens) in clauses.iter().zip(&tagged) {
        let chars: Vec<char> = clause.chars().collect();
        for t in tokens {
            if t.tag == crate::analysis::tagger::Tag::Per && t.end <= chars.len() {
                names.push(chars[t.start..t.end].iter().collect::<String>());
            }
        }
    }
    Names::new(names)
}

/// Texts longer than this (bytes) are converted without looking for names in them
/// ([`find_names`]).
pub const NAMES_BYTES: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cut_text_and_surnames_keep_their_form() {
        let names = Names::new(["范小明", "小明", "A", "余", "范小明"]);
        assert_eq!(
            names.pieces("范小明说小明来了"),
            [
                ("范小明", true),
                ("说", false),
                ("小明", true),
                ("来了", false)
            ]
        );
        assert_eq!(names.pieces("没有"), [("没有", false)]);
        assert_eq!(names.pieces(""), [("", false)]);
        assert!(Names::new(["甲", "ab"]).is_empty());
        assert_eq!(surname_form(Config::S2t, "范", "範".into()), "范");
        assert_eq!(surname_form(Config::S2hk, "钟", "鐘".into()), "鍾");
        assert_eq!(surname_form(Config::S2t, "白", "白".into()), "白");
        assert_eq!(surname_form(Config::T2s, "範", "范".into()), "范");
        assert_eq!(name_parts("白发明"), [("白", true), ("发明", false)]);
        assert_eq!(name_parts("老范"), [("老", false), ("范", true)]);
        assert_eq!(name_parts("欧阳小明"), [("欧阳", true), ("小明", false)]);
        assert_eq!(name_parts("欧阳"), [("欧", true), ("阳", false)]);
        assert_eq!(name_parts("小明"), [("小", false), ("明", true)]);
    }
}
