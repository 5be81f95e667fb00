//! Scoring: who is profiled rather than merely mentioned (issue 11, "Who is profiled"); the
//! cues read around each mention are in [`super::cues`].
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
use super::cues::*;
use super::people::{Person, Text};
use super::roles;
use super::tagger::Tag;
use crate::article::ParagraphKind;

/// Verbs of what a person says, thinks or feels, right after a name (within two chars of
/// manner: `X才发现`, `X剛剛告別`): a Latin-script candidate doing one is a person.
const PERSON_VERBS: &[&str] = &[
    "说", "說", "表示", "认为", "認為", "担心", "擔心", "发现", "發現", "著急", "着急", "觉得",
    "覺得", "笑", "问", "問", "回忆", "回憶", "坦言", "希望", "决定", "決定", "告诉", "告訴",
    "心想", "记得", "記得", "告別", "告别", "准备", "準備", "打算", "形容", "感到", "立刻", "突然",
];

/// True when `role` ends in an expert's title ([`EXPERT_TITLES`]).
fn is_expert(role: &str) -> bool {
    EXPERT_TITLES.iter().any(|t| role.ends_with(t))
}

/// Words after a name that make it the name of an honoured family or couple (`王强家庭`,
/// `赵红一家`, `李明、张芳夫妇`): the 最美家庭 layout.
const FAMILY: &[&str] = &["家庭", "一家", "夫妇", "夫婦", "夫妻", "全家"];

/// Words before a noun that make it a group, not a person (`不少藍絲`, `一些粉丝`).
const QUANTIFIERS: &[&str] = &[
    "不少", "很多", "許多", "许多", "一些", "有些", "部分", "這些", "这些", "那些", "眾多", "众多",
    "大批",
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
        // does (`Vivian著急起来`, `Grace剛剛辭去工作`, `丈夫Marcus突然問`).
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
