//! Clauses, speech verbs and the words that tell who speaks: the word lists and the small
//! char-level helpers the speaker rules ([`super::speakers`]) are built from. Offsets are
//! char indices into one paragraph.
//!
//! The lists are the genre's: speech and thought verbs of news copy in both scripts, nouns
//! of cited text, kin and role nouns, group words, and words that only look like speech
//! verbs (`知道` holds `道`).

use super::tagger::{Tag, Token};
use crate::article::quotes::SPEECH_VERBS;

/// How far back (chars) a walk over clauses and sentences looks: beyond it the text is
/// about someone else anyway, and the bound keeps the speaker rules linear in the input.
pub(crate) const WINDOW: usize = 300;

/// Sentence-ending marks.
pub(crate) const SENTENCE_END: &[char] = &['。', '！', '!', '？', '?', '；', ';'];

/// Verbs of thinking and feeling that introduce quoted thoughts (`觉得“…”`, `感到“…”`).
pub const THOUGHT_VERBS: &[&str] = &[
    "觉得", "覺得", "心想", "想着", "想著", "感觉", "感覺", "以为", "以為", "形容", "认为", "認為",
    "感到", "担心", "擔心", "怀疑", "懷疑", "反应", "反應", "心里", "心裡", "念叨", "嘀咕",
];

/// Verbs of writing on a surface: what follows in quote marks is an inscription, not speech.
pub(crate) const INSCRIPTION: &[&str] = &[
    "写着", "寫著", "印着", "印著", "标着", "標著", "刻着", "刻著", "贴着", "貼著", "挂着", "掛著",
    "写有", "寫有", "印有", "标有", "標有", "刻有",
];

/// Nouns of written or recited text: a quote after `…的一句台词：` or `…发来的短信：` cites
/// that text, it is not the person's speech.
pub(crate) const TEXT_NOUNS: &[&str] = &[
    "台词", "臺詞", "歌词", "歌詞", "短信", "簡訊", "标语", "標語", "口号", "口號", "横幅", "橫幅",
    "诗句", "詩句", "名言", "留言", "纸条", "紙條", "字样", "字樣", "书上", "書上", "信上",
];

/// Nouns for people that are not named (kin and generic roles): a clause they open has a
/// speaker who is not one of the profiled people (`父亲对她说：`, `领导倒满酒，“…”`).
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "领导", "領導", "老师", "老師", "医生", "醫生", "同学", "同學", "朋友", "邻居", "鄰居", "记者",
    "記者", "司机", "司機", "老板", "老闆", "同事", "网友", "網友", "老伴", "客户", "客戶",
];

/// Words opening a clause whose subject is a group or an indefinite person.
pub(crate) const SOMEONE_ELSE: &[&str] = &[
    "大家",
    "有人",
    "众人",
    "眾人",
    "一位",
    "一名",
    "一个",
    "一個",
    "同学们",
    "同學們",
    "他们",
    "他們",
    "她们",
    "她們",
    "我们",
    "我們",
    "记者",
    "記者",
    "对方",
    "對方",
    "旁人",
    "别人",
    "別人",
    "两人",
    "兩人",
    "二人",
    "三人",
    "夫妻",
    "夫妇",
    "夫婦",
    "俩",
    "倆",
    "小朋友",
    "孩子们",
    "孩子們",
    "网友",
    "網友",
    "村民们",
    "村民們",
    "居民们",
    "居民們",
];

/// Conjunctions and adverbs that may open a clause before its subject (`但她笑說`).
pub(crate) const OPENERS: &[&str] = &[
    "但是", "可是", "不过", "不過", "于是", "於是", "然而", "而且", "但", "而", "可", "却", "卻",
    "也", "又", "还", "還", "便", "就", "并", "並", "再",
];

/// The start of the sentence that runs up to char `end` (a sentence end followed by a
/// closing quote mark does not end it).
pub(crate) fn sentence_start(c: &[char], end: usize) -> usize {
    let end = end.min(c.len());
    // Sentences are short: looking back at most WINDOW chars keeps every walk linear.
    (end.saturating_sub(WINDOW)..end)
        .rev()
        .find(|&k| {
            SENTENCE_END.contains(&c[k])
                && !c.get(k + 1).is_some_and(|x| matches!(x, '”' | '」' | '』'))
        })
        .map_or(0, |k| k + 1)
}

/// One past the end of the sentence holding char `at`: its end mark, or the paragraph's
/// end; a mark right before a closing quote mark (`。”`) does not end it. Looks ahead at
/// most [`WINDOW`] chars, like [`sentence_start`] looks back.
pub(crate) fn sentence_end(c: &[char], at: usize) -> usize {
    let at = at.min(c.len());
    (at..(at + WINDOW).min(c.len()))
        .find(|&k| {
            SENTENCE_END.contains(&c[k])
                && !c.get(k + 1).is_some_and(|x| matches!(x, '”' | '」' | '』'))
        })
        .unwrap_or(c.len().min(at + WINDOW))
}

/// The start of the clause (split at commas, colons and quote marks) that ends at char
/// `end`, not before `start`.
pub(crate) fn clause_start(c: &[char], start: usize, end: usize) -> usize {
    let start = start.max(end.saturating_sub(WINDOW));
    c[start..end]
        .iter()
        .rposition(|x| "，,：:、“”「」。！？!?；;…）)】".contains(*x))
        .map_or(start, |k| start + k + 1)
}

/// True when char `at` is inside round brackets (a byline such as `（记者X）`).
pub(crate) fn in_brackets(c: &[char], at: usize) -> bool {
    let from = at.saturating_sub(WINDOW);
    let open = c[from..at].iter().rposition(|&x| x == '（' || x == '(');
    let close = c[from..at].iter().rposition(|&x| x == '）' || x == ')');
    match (open, close) {
        (Some(o), Some(cl)) => o > cl,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The comma-clause ending at char `end` (exclusive).
pub(crate) fn clause_text(c: &[char], end: usize) -> String {
    let end = end.min(c.len());
    let from = end.saturating_sub(WINDOW);
    let s = c[from..end]
        .iter()
        .rposition(|x| "。！？!?；;，,”」".contains(*x))
        .map_or(from, |i| from + i + 1);
    c[s..end.min(c.len())].iter().collect()
}

/// True when the tokens of chars `start..end` make a clause (speech or a thought), not a
/// name or a term: two words or more, one of them a verb, an adverb, an adjective or a
/// pronoun (`震源肯定是北川`, `很踏实`, `老师好`; not `訪惠聚`, `逆行`, `心理醫生`).
pub(crate) fn is_clause(tokens: &[Token], start: usize, end: usize) -> bool {
    let inside: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.start >= start && t.end <= end && t.tag != Tag::W)
        .collect();
    inside.len() >= 2
        && inside.iter().any(|t| {
            matches!(
                t.tag,
                Tag::V | Tag::D | Tag::R | Tag::Vd | Tag::Ad | Tag::Xc | Tag::A
            )
        })
}

/// The clause before an opening mark at `start` when it ends with a thinking verb.
pub(crate) fn thought_before(c: &[char], start: usize) -> Option<String> {
    let open = start.checked_sub(1)?;
    let clause = clause_text(c, open);
    THOUGHT_VERBS
        .iter()
        .any(|v| clause.ends_with(v))
        .then_some(clause)
}

/// True when `s` ends with a speech verb (`…地说`).
pub(crate) fn has_speech_verb_end(s: &str) -> bool {
    let s = mask_not_speech(s);
    SPEECH_VERBS.iter().any(|v| s.ends_with(v))
}

/// Words that contain a speech verb's characters without being speech (`知道`, `问题`).
pub(crate) const NOT_SPEECH: &[&str] = &[
    "知道",
    "味道",
    "道路",
    "道理",
    "道德",
    "道歉",
    "难道",
    "難道",
    "报道",
    "報道",
    "街道",
    "渠道",
    "频道",
    "頻道",
    "小说",
    "小說",
    "称为",
    "稱為",
    "名称",
    "名稱",
    "问题",
    "問題",
    "答案",
    "答应",
    "答應",
    "回答问",
    "说明",
    "說明",
];

/// `s` with the words of [`NOT_SPEECH`] blanked out (same byte length).
pub(crate) fn mask_not_speech(s: &str) -> String {
    let mut out = s.to_string();
    for w in NOT_SPEECH {
        out = out.replace(w, &"　".repeat(w.chars().count()));
    }
    out
}

/// True when `s` holds a speech verb (not inside [`NOT_SPEECH`] words).
pub(crate) fn has_speech_verb(s: &str) -> bool {
    let s = mask_not_speech(s);
    SPEECH_VERBS.iter().any(|v| s.contains(v))
}

/// True when `clause` opens (after a conjunction) with 他 or 她, not 他们/她们.
pub(crate) fn pronoun(clause: &str) -> bool {
    let c = clause.trim_start_matches(['，', ',', ' ']);
    let c = OPENERS.iter().find_map(|o| c.strip_prefix(o)).unwrap_or(c);
    c.starts_with(['他', '她'])
        && !["他们", "她们", "他們", "她們"]
            .iter()
            .any(|p| c.starts_with(p))
}

/// True when the speaker of a speech clause is an unnamed person: the words before its
/// speech verb end with 人, a plural or a person noun (`守门的人说`, `旁边的老师说`).
pub(crate) fn unnamed_speaker(clause: &str) -> bool {
    let masked = mask_not_speech(clause);
    let Some(v) = SPEECH_VERBS.iter().filter_map(|v| masked.find(v)).min() else {
        return false;
    };
    let head = clause[..v].trim_end_matches(['地', '着', '著']);
    let head = head.trim_end_matches(|c: char| "笑又也就还還都再".contains(c));
    head.ends_with(['人', '们', '們'])
        || head.contains("有人")
        || head.contains("有消息")
        || PERSON_NOUNS.iter().any(|w| head.ends_with(w))
        || super::roles::is_kin(
            head.chars()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .iter()
                .rev()
                .collect::<String>()
                .as_str(),
        )
}

/// True when `clause` opens with a group or an indefinite person (`大家`, `兩人`, `有人`).
pub(crate) fn starts_someone_else(clause: &str) -> bool {
    let c = clause.trim_start_matches(['，', ',', ' ']);
    let c = OPENERS.iter().find_map(|o| c.strip_prefix(o)).unwrap_or(c);
    SOMEONE_ELSE.iter().any(|w| c.starts_with(w))
}

pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `name：` opening the paragraph: the person it names.
pub(crate) fn label_speaker(c: &[char], names: &[Vec<String>]) -> Option<usize> {
    let colon = c.iter().take(8).position(|&x| x == '：' || x == ':')?;
    let label: String = c[..colon].iter().collect();
    names.iter().position(|ns| ns.iter().any(|n| *n == label))
}
