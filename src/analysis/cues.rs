//! The cues scoring reads around one mention: what is written after or before a name that
//! says the text presents, honours, quotes or credits that person, and the titles that
//! make an official ([`super::scoring`] weighs them).

use super::candidates::Mention;
use super::people::Text;
use super::roles;
use super::tagger::Tag;

/// Whether `s` is written at char `i` of `chars`.
pub(super) fn at(chars: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    chars.len() >= i + n && chars[i..i + n].iter().copied().eq(s.chars())
}

/// Whether `s` is written right before char `end` of `chars`.
pub(super) fn ends_at(chars: &[char], end: usize, s: &str) -> bool {
    let n = s.chars().count();
    end >= n && chars[end - n..end].iter().copied().eq(s.chars())
}

/// Speech verbs right after a name (`王芳说`, `林建宏告訴記者`).
pub(super) const SPEECH_AFTER: &[&str] = &[
    "说",
    "說",
    "表示",
    "告诉",
    "告訴",
    "坦言",
    "笑言",
    "笑说",
    "笑說",
    "回忆",
    "回憶",
    "介绍",
    "介紹",
    "直言",
    "感慨",
    "感叹",
    "感嘆",
    "说道",
    "說道",
    "指",
    "称",
    "稱",
    "强调",
    "強調",
    "透露",
    "笑着说",
    "笑著說",
];

/// Words right before a name that make it a credit, not a subject (reporters, editors,
/// photographers): `记者 王明`, `通讯员 李华`, `文|王一然`, `責任編輯：…`.
pub(super) const CREDIT_BEFORE: &[&str] = &[
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "作者",
    "编辑",
    "編輯",
    "摄影",
    "攝影",
    "撰文",
    "文|",
    "文/",
    "文／",
    "图/",
    "圖/",
    "图／",
    "圖／",
    "整理",
    "采写",
    "採寫",
    "主编",
    "主編",
    "校对",
    "校對",
];

/// Words right after a name that make it a credit (`王一然 摄`, `林佳蓉／屏東報導`).
pub(super) const CREDIT_AFTER: &[&str] = &[
    "摄",
    "攝",
    "报道",
    "報導",
    "报导",
    "/摄",
    "／攝",
    "/攝",
    "／摄",
    "整理",
    "撰",
    "/编辑",
    "／编辑",
    "/編輯",
    "／編輯",
    "/责编",
    "／责编",
    "/責編",
    "／責編",
];

/// Government titles (`X市長`, `縣長某某`): the official presents or speaks about a policy.
pub(super) const GOVERNMENT_TITLES: &[&str] = &[
    "市长", "市長", "县长", "縣長", "区长", "區長", "省长", "省長", "部长", "部長", "局长", "局長",
    "议长", "議長", "总统", "總統", "总理", "總理", "特首", "署长", "署長", "厅长", "廳長", "首相",
];

/// Titles of experts: quoted for comment they count against being profiled, but in an entry
/// of a list of honourees they are the person's job.
pub(super) const EXPERT_TITLES: &[&str] = &[
    "教授",
    "专家",
    "專家",
    "学者",
    "學者",
    "研究员",
    "研究員",
    "分析师",
    "分析師",
];

/// Other titles of people who speak for an institution, and the institutions of experts.
const INSTITUTION_TITLES: &[&str] = &[
    "主席",
    "议员",
    "議員",
    "主委",
    "秘书长",
    "秘書長",
    "发言人",
    "發言人",
    "总书记",
    "總書記",
    "总裁",
    "總裁",
    "董事长",
    "董事長",
    "行政長官",
    "行政长官",
    "研究所",
    "研究院",
    "研究中心",
    "智库",
    "智庫",
];

/// Titles of officials who present awards or speak about a policy, and of experts quoted
/// for comment: a role with one of these counts against being profiled.
pub(super) fn official_titles() -> impl Iterator<Item = &'static str> {
    GOVERNMENT_TITLES
        .iter()
        .chain(EXPERT_TITLES)
        .chain(INSTITUTION_TITLES)
        .copied()
}

/// Verbs of an honour given to the person named before them (`X被评为“最美…”`, `X荣获…`,
/// `X当选…`): an honouree of the story. [`HONOUR_OBJECT_VERBS`] count only before an
/// award (`X获得全国五一劳动奖章`, not `X获得了帮助`).
pub(super) const HONOUR_VERBS: &[&str] = &[
    "被评为",
    "被評為",
    "被授予",
    "荣获",
    "榮獲",
    "获评",
    "獲評",
    "当选",
    "當選",
    "入选",
    "入選",
    "获颁",
    "獲頒",
];

/// Verbs that make an honour only with an award after them ([`HONOUR_AWARDS`]).
pub(super) const HONOUR_OBJECT_VERBS: &[&str] = &["获得", "獲得", "获", "獲"];

/// What an award's name ends in.
pub(super) const HONOUR_AWARDS: &[&str] = &[
    "奖章",
    "獎章",
    "称号",
    "稱號",
    "荣誉",
    "榮譽",
    "勋章",
    "勳章",
    "奖状",
    "獎狀",
    "金奖",
    "金獎",
    "劳动奖",
    "勞動獎",
    "志工獎",
    "志愿者奖",
];

/// Copulas that put a role after the name (`X是一名快递员`, `X成为一名乡村教师`): the
/// person is introduced by what they are, though the role convention counts only roles
/// written before the name.
pub(super) const PREDICATE_ROLE: &[&str] = &[
    "是一名",
    "是一位",
    "是一个",
    "是一個",
    "是個",
    "成为一名",
    "成为一位",
    "成為一名",
    "成為一位",
    "作为一名",
    "作為一名",
    "当了一名",
    "當了一名",
    "當上了",
    "当上了",
];

/// Marks that end a sentence.
const SENTENCE_END: &str = "。！？!?；;";

/// Marks that end a clause.
const CLAUSE_END: &str = "，,。；;：:！？!?、";

/// The first char at or after `from` in `c` that is one of `marks`; `c.len()` when none.
fn next_mark(c: &[char], from: usize, marks: &str) -> usize {
    c[from.min(c.len())..]
        .iter()
        .position(|x| marks.contains(*x))
        .map_or(c.len(), |i| from + i)
}

/// `end`, or the start of the next mention when it comes first in mention `k`'s
/// paragraph: how far a cue after mention `k` may be looked for.
fn before_next(mentions: &[Mention], k: usize, end: usize) -> usize {
    mentions
        .get(k + 1)
        .filter(|o| o.paragraph == mentions[k].paragraph)
        .map_or(end, |o| o.start.min(end))
}

/// True when the sentence after mention `k`'s opens by presenting them (`我见到了X。这位
/// “85后”农村妇女…`, `…的X，這位…`): 这位/這位/这名/這名 within the next sentence's first
/// chars, no other name between.
pub(super) fn introduced_after(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let end = next_mark(c, m.end, SENTENCE_END);
    if end == c.len() {
        return false;
    }
    let stop = end + 1;
    if before_next(mentions, k, stop + 4) < stop + 4 {
        return false;
    }
    ["这位", "這位", "这名", "這名"]
        .iter()
        .any(|w| (stop..(stop + 2).min(c.len())).any(|j| at(c, j, w)))
}

/// True when mention `k` is the one honoured in its clause: an honour verb
/// ([`HONOUR_VERBS`], or [`HONOUR_OBJECT_VERBS`] with an award after it) within eight
/// chars after the name, before any clause mark or other name (`X也被評為“…美容師”`,
/// `X获得了全国五一劳动奖章`).
pub(super) fn honour_after(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let clause_end = next_mark(c, m.end, CLAUSE_END);
    let next = before_next(mentions, k, clause_end.min(m.end + 8));
    (m.end..next).any(|j| {
        HONOUR_VERBS.iter().any(|v| at(c, j, v))
            || HONOUR_OBJECT_VERBS.iter().any(|v| {
                at(c, j, v) && {
                    let rest: String = c[j..clause_end].iter().collect();
                    HONOUR_AWARDS.iter().any(|a| rest.contains(a))
                }
            })
    })
}

/// True when mention `k` is followed in its sentence, within 30 chars and before any other
/// name, by a copula ([`PREDICATE_ROLE`]) and a personal role that is no official's
/// (`X便回到了家乡…成为一名乡村教师`): the role is the phrase after the copula up to the
/// clause's end, after its last 的.
pub(super) fn predicate_role(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let next = before_next(
        mentions,
        k,
        next_mark(c, m.end, SENTENCE_END).min(m.end + 30),
    );
    (m.end..next).any(|j| {
        PREDICATE_ROLE.iter().any(|w| {
            if !at(c, j, w) {
                return false;
            }
            let from = j + w.chars().count();
            let phrase: String = c[from..next_mark(c, from, CLAUSE_END)].iter().collect();
            let noun = phrase.rsplit(['的']).next().unwrap_or("");
            !noun.is_empty()
                && noun.chars().count() <= 10
                && roles::is_personal(noun)
                && !official_titles().any(|t| noun.contains(t))
        })
    })
}

/// True when the role holds an official's or expert's title ([`official_titles`]) that
/// starts or ends a word of the tagger's: `绩溪县长安镇…老人` holds 县长 across two words
/// (绩溪县 / 长安镇) and is no official's role; inside an organisation's name a title
/// counts (`北市府劳动局长…`, `…研究所`). A role taken from elsewhere than the text
/// right before the mention falls back to the plain substring test.
pub(super) fn is_official(text: &Text, m: &Mention, role: &str) -> bool {
    let c = &text.chars[m.paragraph];
    let n = role.chars().count();
    let from = m.start.saturating_sub(n);
    let here: String = c[from..m.start].iter().collect();
    if here != role {
        return official_titles().any(|t| role.contains(t));
    }
    let tokens = &text.tokens[m.paragraph];
    let starts: Vec<usize> = tokens
        .iter()
        .filter(|t| t.start >= from && t.start < m.start)
        .map(|t| t.start - from)
        .collect();
    let ends: Vec<usize> = tokens
        .iter()
        .filter(|t| t.end > from && t.end <= m.start)
        .map(|t| t.end - from)
        .collect();
    official_titles().any(|t| {
        role.match_indices(t).any(|(b, _)| {
            let i = role[..b].chars().count();
            let j = i + t.chars().count();
            starts.contains(&i)
                || ends.contains(&j)
                || tokens.iter().any(|k| {
                    matches!(k.tag, Tag::Org | Tag::Nt) && k.start <= from + i && from + j <= k.end
                })
        })
    })
}

/// True when `gap`, the text between two names, only joins them: `、`, `和`, `与`, `與`,
/// `及` or spaces, and bracketed positions (`（左）、`); not a verb (`X表揚Y`).
pub(super) fn joined(gap: &[char]) -> bool {
    let mut depth = 0usize;
    let mut any = false;
    for &c in gap {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if "、和与與及".contains(c) => any = true,
            _ if c.is_whitespace() => {}
            _ => return false,
        }
    }
    any
}

/// A caption that is a sentence (`縣長某某表揚80歲的志工X`, `市長某某表揚X等績優志工`):
/// after a 的-clause only the noun after the last 的 is the role (`志工`); a verb right
/// before the name is no role (`表揚`). `tokens` are the caption's words, `start` the
/// name's first char.
pub(super) fn caption_sentence_role(
    tokens: &[super::tagger::Token],
    start: usize,
    role: String,
) -> Option<String> {
    if tokens
        .iter()
        .find(|t| t.end == start)
        .is_some_and(|t| matches!(t.tag, Tag::V | Tag::Vd))
    {
        return None;
    }
    match role.rsplit_once('的') {
        Some((_, noun)) if noun.chars().count() >= 2 => Some(noun.to_string()),
        Some(_) => None,
        None => Some(role),
    }
}

/// True when mention `k` is on a roster line: a paragraph that opens with names joined by
/// `、` (the mention among them), then a space and a description of at least eight Han
/// chars (`X 11年守护社区…的民警`, `X、Y 合力黄河救人不留名的五位英雄`): the layout of
/// award lists (好人榜 名单).
pub(super) fn roster_line(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let Some(w) = c.iter().position(|x| x.is_whitespace()) else {
        return false;
    };
    if m.end > w || w == 0 {
        return false;
    }
    let lo = mentions.partition_point(|o| o.paragraph < m.paragraph);
    let mut pos = 0;
    for o in mentions[lo..]
        .iter()
        .take_while(|o| o.paragraph == m.paragraph && o.start < w)
    {
        if o.start != pos {
            return false;
        }
        pos = o.end;
        if pos < w && c[pos] == '、' {
            pos += 1;
        }
    }
    // The description opens with a word or a number, not a caption's separator (`X | …`).
    let opens = c[w..]
        .iter()
        .find(|x| !x.is_whitespace())
        .is_some_and(|&x| super::candidates::is_han(x) || x.is_numeric() || "“「".contains(x));
    pos == w
        && opens
        && c[w..]
            .iter()
            .filter(|&&x| super::candidates::is_han(x))
            .count()
            >= 8
}

/// The role of a standard biography (`X，男，1957年8月生，某镇某村村民。`, `X，女，汉族，…`):
/// the last clause of the sentence that opens with the name and its sex, when that clause
/// is not the birth date; two to forty chars.
pub(super) fn bio_role(c: &[char], m: &Mention) -> Option<String> {
    let sex = ["，男，", "，女，", ",男,", ",女,"]
        .iter()
        .any(|w| at(c, m.end, w));
    if !sex || !(m.start == 0 || "。！？\n".contains(c[m.start - 1])) {
        return None;
    }
    let end = c[m.end..]
        .iter()
        .position(|x| matches!(x, '。' | '；' | ';'))
        .map_or(c.len(), |i| m.end + i);
    let from = c[m.end..end]
        .iter()
        .rposition(|x| matches!(x, '，' | ','))
        .map(|i| m.end + i + 1)?;
    let clause: String = c[from..end].iter().collect();
    let n = clause.chars().count();
    let birth = clause.ends_with('生') && clause.contains('年');
    ((2..=40).contains(&n) && !birth).then_some(clause)
}

/// The role a roster line gives (`X、Y 合力黄河救人不留名的五位英雄`): its description after
/// the last 的, without a trailing bracket or a leading count (`五位`); two to twenty chars.
pub(super) fn roster_role(c: &[char]) -> Option<String> {
    let w = c.iter().position(|x| x.is_whitespace())?;
    let mut desc: Vec<char> = c[w + 1..].to_vec();
    if let Some(o) = desc.iter().rposition(|x| matches!(x, '（' | '(')) {
        desc.truncate(o);
    }
    let from = desc.iter().rposition(|&x| x == '的').map_or(0, |i| i + 1);
    let mut noun = &desc[from..];
    if noun.len() > 2
        && "一二三四五六七八九十两兩0123456789".contains(noun[0])
        && "位名个個".contains(noun[1])
    {
        noun = &noun[2..];
    }
    let role: String = noun.iter().collect::<String>().trim().to_string();
    (2..=20).contains(&role.chars().count()).then_some(role)
}

/// For the closing quote mark at `close`: whether its opening mark follows a colon
/// (`X直言：“…”`, speech already given to someone); `None` when no opening mark is found
/// in the paragraph.
pub(super) fn opened_after_colon(c: &[char], close: usize) -> Option<bool> {
    let (open, shut) = if c[close] == '”' {
        ('“', '”')
    } else {
        ('「', '」')
    };
    let mut depth = 0usize;
    for i in (0..close).rev() {
        if c[i] == shut {
            depth += 1;
        } else if c[i] == open {
            if depth == 0 {
                return Some(i > 0 && matches!(c[i - 1], '：' | ':'));
            }
            depth -= 1;
        }
    }
    None
}

/// Pronouns that stand for the person last named (`她`, `他`).
pub(super) const PRONOUNS: &[&str] = &["他", "她"];

/// True when, after mention `k` and before the next name in its paragraph, a quotation is
/// closed and followed by a pronoun and a speech verb (`X不会上网，…“我就是…”她乐呵呵地
/// 说`): the person named speaks, though the tag names them by a pronoun. The verb may come
/// after up to six chars of manner (`乐呵呵地`).
pub(super) fn pronoun_speech_after(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let end = mentions
        .get(k + 1)
        .filter(|o| o.paragraph == m.paragraph)
        .map_or(c.len(), |o| o.start);
    (m.end..end.min(c.len())).any(|i| {
        matches!(c[i], '”' | '」')
            && PRONOUNS.iter().any(|p| at(c, i + 1, p))
            && (i + 2..(i + 9).min(end.min(c.len()))).any(|j| {
                SPEECH_AFTER.iter().any(|v| at(c, j, v))
                    && !c[i + 2..j].iter().any(|x| "，,。；;".contains(*x))
            })
    })
}

/// True when the mention is inside 《…》 (a title of a book, a film, a programme).
pub(super) fn in_title(text: &Text, m: &Mention) -> bool {
    let c = &text.chars[m.paragraph];
    let open = c[..m.start].iter().rposition(|&x| x == '《');
    let close = c[..m.start].iter().rposition(|&x| x == '》');
    open.is_some_and(|o| close.is_none_or(|cl| cl < o))
        && c[m.end..].iter().take(20).any(|&x| x == '》')
}

/// True when the mention is a credit line's name (reporter, editor, photographer).
pub(super) fn is_credit(text: &Text, m: &Mention) -> bool {
    let c = &text.chars[m.paragraph];
    // Separators between a credit word and the name: spaces, colons, bars, slashes.
    let sep = |ch: char| ch.is_whitespace() || "：:|｜/／丨".contains(ch);
    let mut b = m.start;
    while b > 0 && sep(c[b - 1]) {
        b -= 1;
    }
    let before: String = c[b.saturating_sub(4)..b].iter().collect();
    let after: String = c[m.end..(m.end + 4).min(c.len())].iter().collect();
    let after = after.trim_start();
    CREDIT_BEFORE.iter().any(|w| before.ends_with(w))
        || CREDIT_AFTER.iter().any(|w| after.starts_with(w))
}

/// True when an age is written next to the name: `（47歲）` after it, `，47岁，` after it, or
/// `47岁的` before it.
pub(super) fn age_near(c: &[char], start: usize, end: usize) -> bool {
    let after: String = c[end..(end + 8).min(c.len())].iter().collect();
    let before: String = c[start.saturating_sub(8)..start].iter().collect();
    let aged = |s: &str| {
        let digit = s.chars().any(|ch| {
            ch.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十".contains(ch)
        });
        digit && (s.contains('歲') || s.contains('岁'))
    };
    // `X（47歲）`, `X，47歲，…`, or the age right after the name (`孫子X31歲`).
    let digits = after
        .chars()
        .take_while(|ch| ch.is_ascii_digit() || "０１２３４５６７８９".contains(*ch))
        .count();
    let right_after = (1..=3).contains(&digits)
        && after
            .chars()
            .nth(digits)
            .is_some_and(|ch| ch == '歲' || ch == '岁');
    let after_ok = (after.starts_with(['（', '(', '，', ',']) && aged(&after)) || right_after;
    let before_ok = (before.ends_with("歲的") || before.ends_with("岁的")) && aged(&before);
    after_ok || before_ok
}
