//! Scoring: who is profiled rather than merely mentioned (issue 11, "Who is profiled").
//!
//! For: introduced by a name line, a caption or an answer label; a role phrase right before
//! the name (shared by the names of an enumeration); a 的-clause or `名叫` before the name;
//! an age next to it; an appositive; an entry of a described list; a named family; speech
//! attributed to them; several mentions. Against: a reporter's, editor's or photographer's
//! credit; an official's or expert's title; a bare roll-call of names; a group noun; a name
//! that mostly modifies a noun (`X玩具`); a name in a work's title (`《X传》`); one of a class
//! (`X等…`); a donor's or commenter's role (`爱心人士`); a Q&A's topics (named only in its
//! questions and in others' answers); mentions only inside someone's quoted speech. No signal
//! alone decides; [`super::people::PROFILED`] is the threshold. The weights were set on
//! `../shared/corpus/` (`make eval`, `EVAL_SCORES=1` prints them per person).

use super::candidates::{Cue, HONORIFICS, Mention};
use super::people::{Person, Text};
use super::roles;
use super::tagger::Tag;
use crate::article::ParagraphKind;

fn at(chars: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    chars.len() >= i + n && chars[i..i + n].iter().copied().eq(s.chars())
}

fn ends_at(chars: &[char], end: usize, s: &str) -> bool {
    let n = s.chars().count();
    end >= n && chars[end - n..end].iter().copied().eq(s.chars())
}

/// Words right before a name that make it a credit, not a subject (reporters, editors,
/// photographers): `记者 王明`, `通讯员 李华`, `文|王一然`, `責任編輯：…`.
const CREDIT_BEFORE: &[&str] = &[
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
const CREDIT_AFTER: &[&str] = &[
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

/// Titles of officials who present awards or speak about a policy, and of experts quoted
/// for comment: a role with one of these counts against being profiled.
const OFFICIAL_TITLES: &[&str] = &[
    "市长",
    "市長",
    "县长",
    "縣長",
    "区长",
    "區長",
    "省长",
    "省長",
    "主席",
    "总统",
    "總統",
    "部长",
    "部長",
    "局长",
    "局長",
    "议员",
    "議員",
    "特首",
    "总理",
    "總理",
    "主委",
    "厅长",
    "廳長",
    "署长",
    "署長",
    "秘书长",
    "秘書長",
    "发言人",
    "發言人",
    "总书记",
    "總書記",
    "教授",
    "专家",
    "專家",
    "学者",
    "學者",
    "研究员",
    "研究員",
    "分析师",
    "分析師",
    "首相",
    "总裁",
    "總裁",
    "董事长",
    "董事長",
    "行政長官",
    "议长",
    "議長",
    "行政长官",
    "特首",
    "研究所",
    "研究院",
    "研究中心",
    "智库",
    "智庫",
];

/// Verbs of an honour given to the person named before them (`X被评为“最美…”`, `X荣获…`,
/// `X当选…`): an honouree of the story. [`HONOUR_OBJECT_VERBS`] count only before an
/// award (`X获得全国五一劳动奖章`, not `X获得了帮助`).
const HONOUR_VERBS: &[&str] = &[
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
const HONOUR_OBJECT_VERBS: &[&str] = &["获得", "獲得", "获", "獲"];

/// What an award's name ends in.
const HONOUR_AWARDS: &[&str] = &[
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

/// Verbs of what a person says, thinks or feels, right after a name (within two chars of
/// manner: `X才发现`, `X剛剛告別`): a Latin-script candidate doing one is a person.
const PERSON_VERBS: &[&str] = &[
    "说", "說", "表示", "认为", "認為", "担心", "擔心", "发现", "發現", "著急", "着急", "觉得",
    "覺得", "笑", "问", "問", "回忆", "回憶", "坦言", "希望", "决定", "決定", "告诉", "告訴",
    "心想", "记得", "記得", "告別", "告别", "准备", "準備", "打算", "形容", "感到", "立刻", "突然",
];

/// Government titles written after a name (`X市長`, `X縣長`): the official presents.
const GOVERNMENT_TITLES: &[&str] = &[
    "市长", "市長", "县长", "縣長", "区长", "區長", "省长", "省長", "部长", "部長", "局长", "局長",
    "议长", "議長", "总统", "總統", "总理", "總理", "特首", "署长", "署長", "厅长", "廳長", "首相",
];

/// Titles of experts among [`OFFICIAL_TITLES`]: in an entry of a list of honourees they are
/// the person's job, not the mark of a commenter.
const EXPERT_TITLES: &[&str] = &[
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

/// True when `role` ends in an expert's title ([`EXPERT_TITLES`]).
fn is_expert(role: &str) -> bool {
    EXPERT_TITLES.iter().any(|t| role.ends_with(t))
}

/// Words after a name that make it the name of an honoured family or couple (`王强家庭`,
/// `赵红一家`, `李明、张芳夫妇`): the 最美家庭 layout.
/// Copulas that put a role after the name (`X是一名快递员`, `X成为一名乡村教师`): the
/// person is introduced by what they are, though the role convention counts only roles
/// written before the name.
const PREDICATE_ROLE: &[&str] = &[
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

const FAMILY: &[&str] = &["家庭", "一家", "夫妇", "夫婦", "夫妻", "全家"];

/// Words before a noun that make it a group, not a person (`不少藍絲`, `一些粉丝`).
const QUANTIFIERS: &[&str] = &[
    "不少", "很多", "許多", "许多", "一些", "有些", "部分", "這些", "这些", "那些", "眾多", "众多",
    "大批",
];

/// Speech verbs right after a name (`王芳说`, `林建宏告訴記者`).
const SPEECH_AFTER: &[&str] = &[
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

/// True when the mention stands inside quote marks (a vocative or reported name).
fn in_quote(text: &Text, m: &Mention) -> bool {
    text.quoted[m.paragraph]
        .iter()
        .any(|&(s, e)| s <= m.start && m.end <= e)
}

/// Enumeration neighbours: true when the mention is directly preceded by `、`, `和`, `与`,
/// `與`, `及` and the mention before that separator ends right there.
fn follows_in_enumeration(mentions: &[Mention], k: usize) -> Option<usize> {
    let m = &mentions[k];
    let prev = k.checked_sub(1)?;
    let p = &mentions[prev];
    (p.paragraph == m.paragraph && p.end + 1 == m.start).then_some(prev)
}

/// Scores each person (see the module doc) and sets their role.
pub fn score(text: &Text, mentions: &[Mention], people: &mut [Person]) {
    // Roles per mention first: an enumeration shares the role of its first name.
    let mut role_of: Vec<Option<String>> = vec![None; mentions.len()];
    let mut enum_len: Vec<usize> = vec![1; mentions.len()];
    let mut bio = vec![false; mentions.len()];
    let on_roster: Vec<bool> = (0..mentions.len())
        .map(|k| roster_line(text, mentions, k))
        .collect();
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let chars = &text.chars[m.paragraph];
        let kind = text.kinds.get(m.paragraph).copied().unwrap_or_default();
        let caption = m.cue == Cue::Caption || kind == ParagraphKind::Caption;
        role_of[k] = if caption {
            let floor = if k > 0 && mentions[k - 1].paragraph == m.paragraph {
                mentions[k - 1].end
            } else {
                0
            };
            let lead = chars
                .iter()
                .take_while(|c| matches!(c, '—' | '-' | '─' | ' '))
                .count();
            let name_first = m.start == lead
                && chars.len() <= 60
                && !chars.iter().any(|c| "。！？!?；;".contains(*c))
                && chars
                    .get(m.end)
                    .is_some_and(|c| super::candidates::CAPTION_SEPARATORS.contains(*c));
            if name_first && on_roster[k] {
                roster_role(chars)
            } else if name_first {
                roles::caption_role_after(chars, m.end)
            } else {
                roles::caption_role_from(chars, floor, m.start)
                    .and_then(|r| caption_sentence_role(&text.tokens[m.paragraph], m.start, r))
            }
        } else {
            roles::role_before(chars, &text.tokens[m.paragraph], m.start)
        };
        // A section number (`501  X`) is no role: a role has a letter or a Han char.
        if role_of[k]
            .as_deref()
            .is_some_and(|r| !r.chars().any(char::is_alphabetic))
        {
            role_of[k] = None;
        }
        // The standard biography of award lists (`X，女，汉族，1973年5月生，…村村民。`): the
        // sentence's last clause.
        if let Some(r) = bio_role(chars, m) {
            role_of[k] = Some(r);
            bio[k] = true;
        }
        if role_of[k].is_none() && on_roster[k] {
            role_of[k] = roster_role(chars);
        }
        // An age alone (`20歲`, from a name line `X 20歲`) is no role.
        if role_of[k].as_deref().is_some_and(|r| {
            r.chars().count() <= 6
                && r.chars().any(|c| c.is_ascii_digit())
                && r.chars().any(|c| "歲岁".contains(c))
        }) {
            role_of[k] = None;
        }
        if role_of[k].is_none()
            && caption
            && k > 0
            && mentions[k - 1].paragraph == m.paragraph
            && joined(&chars[mentions[k - 1].end..m.start])
        {
            // A caption's later names share the role before its first (`…狀元周立仁（左）、吳嘉文`).
            role_of[k] = role_of[k - 1].clone();
        }
        if role_of[k].is_none() {
            if let Some(prev) = follows_in_enumeration(mentions, k) {
                if "、和与與及".contains(chars[m.start - 1]) {
                    role_of[k] = role_of[prev].clone();
                    enum_len[k] = enum_len[prev] + 1;
                }
            }
        }
    }
    // Names in a run of three or more with no role are a roll-call.
    let mut roll_call = vec![false; mentions.len()];
    for k in 0..mentions.len() {
        if enum_len[k] >= 3 && role_of[k].is_none() {
            let mut j = k;
            loop {
                roll_call[j] = true;
                if enum_len[j] == 1 {
                    break;
                }
                j -= 1;
            }
        }
    }
    let semicolons: Vec<usize> = text
        .chars
        .iter()
        .map(|c| c.iter().filter(|x| matches!(x, '；' | ';')).count())
        .collect();
    // The titles of works (`《…》`) in the text.
    let titles: Vec<String> = text
        .chars
        .iter()
        .flat_map(|c| {
            let mut out = Vec::new();
            let mut open = None;
            for (i, &x) in c.iter().enumerate() {
                match x {
                    '《' => open = Some(i),
                    '》' => {
                        if let Some(o) = open.take() {
                            if i - o <= 40 {
                                out.push(c[o + 1..i].iter().collect::<String>());
                            }
                        }
                    }
                    _ => {}
                }
            }
            out
        })
        .collect();
    // Paragraphs opened by an answer label (`X：…` in a Q&A).
    let mut label_paras: Vec<usize> = mentions
        .iter()
        .filter(|m| m.cue == Cue::AnswerLabel)
        .map(|m| m.paragraph)
        .collect();
    label_paras.sort_unstable();
    label_paras.dedup();
    for p in people.iter_mut() {
        let mut s = 0;
        let mut why = Vec::new();
        let outside: Vec<usize> = p
            .mentions
            .iter()
            .copied()
            .filter(|&k| !in_quote(text, &mentions[k]))
            .collect();
        let credits = p
            .mentions
            .iter()
            .filter(|&&k| is_credit(text, &mentions[k]))
            .count();
        if credits * 2 >= p.mentions.len() {
            p.score = -10;
            p.why = vec!["credit"];
            continue;
        }
        // A group noun the tagger took for a name (`不少藍絲`, `是藍絲`, `藍絲們`).
        let generic = p
            .mentions
            .iter()
            .filter(|&&k| {
                let m = &mentions[k];
                let c = &text.chars[m.paragraph];
                QUANTIFIERS.iter().any(|q| ends_at(c, m.start, q))
                    || ["们", "們", "間", "间"].iter().any(|w| at(c, m.end, w))
                    || (ends_at(c, m.start, "是")
                        && c.get(m.end).is_some_and(|x| "，,。".contains(*x)))
            })
            .count();
        if generic * 2 >= p.mentions.len() && generic > 0 {
            p.score = -10;
            p.why = vec!["group noun"];
            continue;
        }
        let n = outside.len();
        // Latin-script candidates are found by shape alone (brands and places look the
        // same): mentions and 的-clauses count for them only once a mention acts as a person
        // does (`Sabrina著急起来`, `Tina剛剛告別職場`, `丈夫Jonathan突然問`).
        let latin = p.name.is_ascii()
            && !outside.iter().any(|&k| {
                let m = &mentions[k];
                let c = &text.chars[m.paragraph];
                (m.end..(m.end + 3).min(c.len())).any(|j| PERSON_VERBS.iter().any(|v| at(c, j, v)))
                    || role_of[k]
                        .as_deref()
                        .is_some_and(|r| roles::is_kin(r) || roles::is_personal(r))
            });
        let honorific = outside.iter().any(|&k| {
            let m = &mentions[k];
            m.name.chars().count() >= 2
                && HONORIFICS
                    .iter()
                    .any(|h| at(&text.chars[m.paragraph], m.end, h))
        });
        if latin {
        } else if n >= 3 {
            s += 3;
            why.push("mentioned 3+");
        } else if n == 2 {
            s += 1;
            why.push("mentioned twice");
        }
        let labelled = p
            .mentions
            .iter()
            .any(|&k| matches!(mentions[k].cue, Cue::NameLine | Cue::AnswerLabel));
        if labelled {
            s += 3;
            why.push("name line or label");
        }
        if p.mentions.iter().any(|&k| {
            mentions[k].cue == Cue::Caption
                || text.kinds.get(mentions[k].paragraph) == Some(&ParagraphKind::Caption)
        }) {
            s += 3;
            why.push("caption");
        }
        // The role: the first mention that has one (captions first, then a biography).
        let role_at = outside
            .iter()
            .filter(|&&k| mentions[k].cue == Cue::Caption)
            .chain(outside.iter().filter(|&&k| bio[k]))
            .chain(outside.iter())
            .find_map(|&k| role_of[k].clone().map(|r| (k, r)));
        // A government title right after the name (`X市長致詞`) makes an official too (an
        // expert's, `X教授`, may stand in a list of honourees).
        let titled_after = outside.iter().any(|&k| {
            let m = &mentions[k];
            GOVERNMENT_TITLES
                .iter()
                .any(|t| at(&text.chars[m.paragraph], m.end, t))
        });
        let official = titled_after
            || role_at
                .as_ref()
                .is_some_and(|(k, r)| is_official(text, &mentions[*k], r));
        let role = role_at.map(|(_, r)| r);
        if role.is_none() && official {
            s -= if labelled { 3 } else { 6 };
            why.push("official or expert");
        }
        if let Some(r) = &role {
            if official {
                // An official with a name line or a label of their own is the subject of a
                // section (`X：街坊的「道別飯」` over a councillor's story), not a presenter.
                s -= if labelled { 3 } else { 6 };
                why.push("official or expert");
            } else if roles::is_kin(r) {
                // Someone's mother or son: often a person in someone else's story.
                s += 1;
                why.push("kin role");
            } else if roles::is_personal(r) {
                s += 3;
                why.push("role");
            } else {
                s += 1;
                why.push("role (not personal)");
            }
        }
        let mut de = false;
        let mut age = false;
        let mut speech = false;
        let mut quoted_speech = false;
        let mut tagged_quote = false;
        let mut family = false;
        let mut appositive = false;
        let mut list_entry = false;
        let mut roster = false;
        let mut predicate = false;
        let mut honoured = false;
        let mut introduced = false;
        for &k in &outside {
            let m = &mentions[k];
            let c = &text.chars[m.paragraph];
            // An entry of a described list: the paragraph is cut into entries by
            // semicolons, and this one describes this person alone (`…;在山西运城,大爱母亲
            // 孙丽华20余载照顾邻居老人、扶弱济困;…`).
            if semicolons[m.paragraph] >= 2 {
                let s = c[..m.start]
                    .iter()
                    .rposition(|x| matches!(x, '；' | ';' | '。'))
                    .map_or(0, |i| i + 1);
                let e = c[m.end..]
                    .iter()
                    .position(|x| matches!(x, '；' | ';' | '。'))
                    .map_or(c.len(), |i| m.end + i);
                let lo = mentions.partition_point(|o| (o.paragraph, o.start) < (m.paragraph, s));
                let others = mentions[lo..]
                    .iter()
                    .take_while(|o| o.paragraph == m.paragraph && o.start < e)
                    .filter(|o| o.end <= e && o.name != m.name)
                    .count();
                if others == 0 && e - s >= 12 {
                    list_entry = true;
                }
            }
            if on_roster[k] {
                roster = true;
            }
            if predicate_role(text, mentions, k) {
                predicate = true;
            }
            if honour_after(text, mentions, k) {
                honoured = true;
            }
            if introduced_after(text, mentions, k) {
                introduced = true;
            }
            // Introduced as the subject of its own description: `施淑惠小姐，是…`,
            // `蔡美玲小姐為…`, `王某，…`, at the start of a clause.
            let mut e = m.end;
            if let Some(h) = HONORIFICS.iter().find(|h| at(c, e, h)) {
                e += h.chars().count();
            }
            let clause_start = m.start == 0 || "，,。；;：:！？!?、".contains(c[m.start - 1]);
            if clause_start
                && e < c.len()
                && (matches!(c[e], '，' | ',') || at(c, e, "為") || at(c, e, "为"))
                && e > m.end
            {
                appositive = true;
            }
            let mut before = role_of[k]
                .as_ref()
                .map_or(m.start, |r| m.start.saturating_sub(r.chars().count()));
            // A place between the clause and the name (`…的山西X`, `…的江西X`).
            if let Some(t) = text.tokens[m.paragraph]
                .iter()
                .find(|t| t.end == before && matches!(t.tag, Tag::Loc | Tag::Ns))
            {
                if t.start > 0 && c[t.start - 1] == '的' {
                    before = t.start;
                }
            }
            if before > 0 && c[before - 1] == '的' && before >= 5 {
                de = true;
            }
            if ends_at(c, m.start, "名叫") || ends_at(c, m.start, "叫做") {
                de = true;
            }
            if age_near(c, before, m.end) {
                age = true;
            }
            if FAMILY.iter().any(|w| at(c, m.end, w)) {
                family = true;
            }
            let close_before = m.start > 0 && matches!(c[m.start - 1], '”' | '」');
            // `“…”X说`: a quotation that no colon gave to someone before, then the name
            // and its speech verb after at most six chars of manner (`摇摇头`).
            if close_before
                && !latin
                && opened_after_colon(c, m.start - 1) == Some(false)
                && (m.end..(m.end + 7).min(c.len())).any(|j| {
                    SPEECH_AFTER.iter().any(|v| at(c, j, v))
                        && !c[m.end..j].iter().any(|x| "，,。；;：:".contains(*x))
                })
            {
                tagged_quote = true;
            }
            let verb = SPEECH_AFTER
                .iter()
                .find(|v| at(c, m.end, v))
                .map(|v| v.chars().count());
            if close_before
                || verb.is_some_and(|n| {
                    let rest: String = c[m.end + n..(m.end + n + 3).min(c.len())].iter().collect();
                    rest.contains(['“', '「'])
                })
            {
                quoted_speech = true;
            }
            if !latin && pronoun_speech_after(text, mentions, k) {
                tagged_quote = true;
            }
            if SPEECH_AFTER.iter().any(|v| at(c, m.end, v))
                || (m.end + 1 < c.len()
                    && matches!(c[m.end], '：' | ':')
                    && matches!(c[m.end + 1], '“' | '「'))
                || (m.start > 0 && matches!(c[m.start - 1], '”' | '」'))
            {
                speech = true;
            }
        }
        if list_entry {
            s += 2;
            why.push("list entry");
            // An expert's title in an entry of a list of honourees (`…；浙江某地，农科院研究员
            // X一心为农，…；`) is their job: the entry narrates their deed, not a comment.
            if official && role.as_deref().is_some_and(is_expert) {
                s += if labelled { 3 } else { 6 };
                s += 3;
                why.push("expert honoured in a list");
            }
        }
        if roster {
            s += 3;
            why.push("roster line");
        }
        if appositive {
            s += 2;
            why.push("appositive");
        }
        if introduced && !official {
            s += 3;
            why.push("introduced (这位…)");
        }
        if honoured && !official {
            s += 3;
            why.push("honoured");
        }
        if predicate && !official && role.as_deref().is_none_or(|r| !roles::is_personal(r)) {
            s += 3;
            why.push("role after the name");
        }
        // A Latin name after a 的-clause counts when the tagger, too, reads it as a person's
        // (`從事保險業的Kevin`), not by its shape alone, and the clause is no place
        // (`來到斯里蘭卡的Kandy`).
        let latin_person = latin
            && outside.iter().any(|&k| {
                let m = &mentions[k];
                let toks = &text.tokens[m.paragraph];
                toks.iter()
                    .any(|t| t.start == m.start && t.end == m.end && t.tag == Tag::Per)
                    && !toks
                        .iter()
                        .any(|t| t.end + 1 == m.start && matches!(t.tag, Tag::Loc | Tag::Org))
            });
        if de && (!latin || latin_person) {
            s += 3;
            why.push("的-clause");
        }
        if honorific {
            s += 1;
            why.push("honorific");
        }
        if age {
            s += 2;
            why.push("age");
        }
        if tagged_quote {
            s += 3;
            why.push("quotation tagged with the name");
        } else if quoted_speech {
            s += 2;
            why.push("quoted speech");
        } else if speech {
            s += 1;
            why.push("speech");
        }
        if family {
            s += 3;
            why.push("family");
        }
        if !roster && p.mentions.iter().all(|&k| roll_call[k]) {
            s -= 3;
            why.push("roll-call");
        }
        // A name that modifies a noun in most of its mentions is a character, a brand or a
        // form, not a person of the story (`X玩具`, `X比赛`).
        let modifier = outside
            .iter()
            .filter(|&&k| {
                let m = &mentions[k];
                let c = &text.chars[m.paragraph];
                text.tokens[m.paragraph]
                    .iter()
                    .find(|t| t.start >= m.end)
                    .is_some_and(|t| {
                        t.start == m.end
                            && matches!(t.tag, Tag::N | Tag::Nz)
                            && !HONORIFICS.iter().any(|h| at(c, m.end, h))
                            && !FAMILY.iter().any(|w| at(c, m.end, w))
                            && !at(c, m.end, "家")
                    })
            })
            .count();
        if !latin && outside.len() >= 2 && modifier * 2 > outside.len() {
            s -= 4;
            why.push("modifies a noun");
        }
        // Named in a work's title (`《X传》`): the subject of a book or a film.
        if p.mentions.iter().any(|&k| in_title(text, &mentions[k]))
            || (p.name.chars().count() >= 2 && titles.iter().any(|t| t.contains(&p.name)))
        {
            s -= 3;
            why.push("in a title");
        }
        // One of a class (`X等互联网巨头`): a public figure cited as an example.
        if p.role.is_none()
            && role.is_none()
            && outside.iter().any(|&k| {
                let m = &mentions[k];
                at(&text.chars[m.paragraph], m.end, "等")
            })
        {
            s -= 2;
            why.push("one of a class");
        }
        // A donor or a commenter (`爱心人士X`, `业内人士X`) who only supplies a quote.
        if role.as_deref().is_some_and(|r| r.ends_with("人士")) {
            s -= 3;
            why.push("donor or commenter");
        }
        // In a Q&A, people named only inside questions and answers are their topics; the
        // interviewees are the answer labels.
        let qa = text.kinds.contains(&ParagraphKind::Question) && label_paras.len() >= 2;
        if qa
            && p.mentions.iter().all(|&k| {
                let i = mentions[k].paragraph;
                mentions[k].cue != Cue::AnswerLabel
                    && (matches!(
                        text.kinds.get(i),
                        Some(ParagraphKind::Question | ParagraphKind::Answer)
                    ) || label_paras.binary_search(&i).is_ok())
            })
        {
            s -= 6;
            why.push("topic of a question");
        }
        p.score = s;
        p.why = why;
        p.role = role;
    }
}

/// True when the sentence after mention `k`'s opens by presenting them (`我见到了X。这位
/// “85后”农村妇女…`, `…的X，這位…`): 这位/這位/这名/這名 within the next sentence's first
/// chars, no other name between.
fn introduced_after(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let Some(stop) = c[m.end..]
        .iter()
        .position(|x| "。！？!?；;".contains(*x))
        .map(|i| m.end + i + 1)
    else {
        return false;
    };
    if mentions
        .get(k + 1)
        .is_some_and(|o| o.paragraph == m.paragraph && o.start < stop + 4)
    {
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
fn honour_after(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let clause_end = c[m.end..]
        .iter()
        .position(|x| "，,。；;：:！？!?、".contains(*x))
        .map_or(c.len(), |i| m.end + i);
    let next = mentions
        .get(k + 1)
        .filter(|o| o.paragraph == m.paragraph)
        .map_or(clause_end, |o| o.start.min(clause_end));
    let rest = |j: usize| c[j..clause_end].iter().collect::<String>();
    (m.end..next.min(m.end + 8)).any(|j| {
        HONOUR_VERBS.iter().any(|v| at(c, j, v))
            || HONOUR_OBJECT_VERBS.iter().any(|v| {
                at(c, j, v) && {
                    let r = rest(j);
                    HONOUR_AWARDS.iter().any(|a| r.contains(a))
                }
            })
    })
}

/// True when mention `k` is followed in its sentence, within 30 chars and before any other
/// name, by a copula ([`PREDICATE_ROLE`]) and a personal role that is no official's
/// (`X便回到了家乡…成为一名乡村教师`): the role is the phrase after the copula up to the
/// clause's end, after its last 的.
fn predicate_role(text: &Text, mentions: &[Mention], k: usize) -> bool {
    let m = &mentions[k];
    let c = &text.chars[m.paragraph];
    let limit = c[m.end..]
        .iter()
        .position(|x| "。！？!?；;".contains(*x))
        .map_or(c.len(), |i| m.end + i)
        .min(m.end + 30);
    let next = mentions
        .get(k + 1)
        .filter(|o| o.paragraph == m.paragraph)
        .map_or(limit, |o| o.start.min(limit));
    (m.end..next).any(|j| {
        PREDICATE_ROLE.iter().any(|w| {
            if !at(c, j, w) {
                return false;
            }
            let from = j + w.chars().count();
            let to = c[from..]
                .iter()
                .position(|x| "，,。；;：:！？!?、".contains(*x))
                .map_or(c.len(), |i| from + i);
            let phrase: String = c[from..to].iter().collect();
            let noun = phrase.rsplit(['的']).next().unwrap_or("");
            !noun.is_empty()
                && noun.chars().count() <= 10
                && roles::is_personal(noun)
                && !OFFICIAL_TITLES.iter().any(|t| noun.contains(t))
        })
    })
}

/// True when the role holds an official's or expert's title ([`OFFICIAL_TITLES`]) that
/// starts or ends a word of the tagger's: `绩溪县长安镇…老人` holds 县长 across two words
/// (绩溪县 / 长安镇) and is no official's role; inside an organisation's name a title
/// counts (`北市府劳动局长…`, `…研究所`). A role taken from elsewhere than the text
/// right before the mention falls back to the plain substring test.
fn is_official(text: &Text, m: &Mention, role: &str) -> bool {
    let c = &text.chars[m.paragraph];
    let n = role.chars().count();
    let from = m.start.saturating_sub(n);
    let here: String = c[from..m.start].iter().collect();
    if here != role {
        return OFFICIAL_TITLES.iter().any(|t| role.contains(t));
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
    OFFICIAL_TITLES.iter().any(|t| {
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
fn joined(gap: &[char]) -> bool {
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
fn caption_sentence_role(
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
fn roster_line(text: &Text, mentions: &[Mention], k: usize) -> bool {
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
fn bio_role(c: &[char], m: &Mention) -> Option<String> {
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
fn roster_role(c: &[char]) -> Option<String> {
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
fn opened_after_colon(c: &[char], close: usize) -> Option<bool> {
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
const PRONOUNS: &[&str] = &["他", "她"];

/// True when, after mention `k` and before the next name in its paragraph, a quotation is
/// closed and followed by a pronoun and a speech verb (`X不会上网，…“我就是…”她乐呵呵地
/// 说`): the person named speaks, though the tag names them by a pronoun. The verb may come
/// after up to six chars of manner (`乐呵呵地`).
fn pronoun_speech_after(text: &Text, mentions: &[Mention], k: usize) -> bool {
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
fn in_title(text: &Text, m: &Mention) -> bool {
    let c = &text.chars[m.paragraph];
    let open = c[..m.start].iter().rposition(|&x| x == '《');
    let close = c[..m.start].iter().rposition(|&x| x == '》');
    open.is_some_and(|o| close.is_none_or(|cl| cl < o))
        && c[m.end..].iter().take(20).any(|&x| x == '》')
}

/// True when the mention is a credit line's name (reporter, editor, photographer).
fn is_credit(text: &Text, m: &Mention) -> bool {
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
fn age_near(c: &[char], start: usize, end: usize) -> bool {
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
