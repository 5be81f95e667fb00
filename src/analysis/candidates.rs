//! Candidates: every place the text may name a person, from the tagger's person tags and
//! from the layout (name lines, vox-pop labels, Q&A answer labels, `李小姐`-style labels).
//!
//! A candidate is a [`Mention`]: a char span of one paragraph and the name it gives. Whether
//! the person is profiled is decided later ([`super::people`]).

use super::tagger::{Tag, Token};
use crate::article::ParagraphKind;

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The tagger tagged the span as a person (LAC's `PER`).
    Tagged,
    /// A line of its own that holds only the name, or the name and an age in brackets
    /// (`何志偉`, `何志偉（47歲）`): the vox-pop and caption layout.
    NameLine,
    /// `name：` opening a paragraph: a Q&A answer or vox-pop label.
    AnswerLabel,
    /// The name ending a caption line that gives the role before it
    /// (`東湖鎮新華社區黨支部書記…副指揮長林建宏`), or named in a photo caption.
    Caption,
}

/// One candidate mention: chars `start..end` of paragraph `paragraph` name `name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Char offset of the first char of the name.
    pub start: usize,
    /// Char offset one past the name.
    pub end: usize,
    /// The name as written (`chars[start..end]`).
    pub name: String,
    /// How it was found.
    pub cue: Cue,
}

/// Honorifics and labels written right after a surname or name (`李小姐`, `馮Sir`, `施淑惠小姐`).
/// After a full name they are not part of it; after a surname alone they make the label
/// that names the person (corpus README, "Who is a profile").
pub const HONORIFICS: &[&str] = &[
    "小姐", "先生", "女士", "太太", "同學", "同学", "伯伯", "阿姨", "婆婆", "奶奶", "爺爺", "爷爷",
    "Sir", "sir", "老師", "老师", "師傅", "师傅", "阿嬤", "阿嬷", "阿公",
];

/// Titles of an elder written after a full name in the genre (`X老人`, `X老汉`): after a
/// 的-clause they mark where the name ends.
const ELDER_TITLES: &[&str] = &["老人", "老汉", "老漢", "老大爷", "老大爺", "老奶奶"];

/// Kinship titles after a nickname that together name a person (`妞妞奶奶`, `王阿姨`).
pub const KIN_TITLES: &[&str] = &[
    "奶奶", "爺爺", "爷爷", "婆婆", "公公", "伯伯", "叔叔", "阿姨", "大爷", "大爺", "大妈", "大媽",
];

/// Aliases the article defines in brackets right after a name (`馮志強（馮Sir）`,
/// `何美玲（阿玲）`): `(alias, name)` pairs, the alias two to six chars without digits.
pub fn bracket_aliases(chars: &[Vec<char>], mentions: &[Mention]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in mentions {
        let c = &chars[m.paragraph];
        if !c.get(m.end).is_some_and(|x| OPEN.contains(x)) {
            continue;
        }
        let Some(close) = c[m.end + 1..]
            .iter()
            .take(8)
            .position(|x| CLOSE.contains(x))
        else {
            continue;
        };
        let alias: String = c[m.end + 1..m.end + 1 + close].iter().collect();
        let n = alias.chars().count();
        if (2..=6).contains(&n)
            && !alias.chars().any(|x| x.is_numeric() || x.is_whitespace())
            && alias != m.name
        {
            out.push((alias, m.name.clone()));
        }
    }
    out
}

/// Last characters of job titles and kin words the tagger sometimes takes for a name
/// (`驗樓師`, `老阿奶`), and which Chinese personal names of three or more characters do
/// not end with.
const NOT_LAST_IN_NAMES: &str = "师師员員长長者官警匠奶婆爷爺伯叔姨嫂";

/// Kin words and forms of address that are not names on their own.
const KIN_WORDS: &[&str] = &[
    "奶奶", "爷爷", "爺爺", "婆婆", "公公", "阿姨", "叔叔", "伯伯", "阿婆", "阿公", "阿伯", "大爷",
    "大爺", "大妈", "大媽", "老爸", "老妈", "老媽", "阿嬤", "阿嫲", "阿媽", "阿妈", "阿爸", "阿母",
    "阿爺", "阿爷",
];

/// Characters that follow a name as a verb or a plural rather than end it (`王芳说，`).
const NOT_AFTER_NAMES: &str = "说說讲講道称稱笑哭问問答等们們去来來走看想写寫做";

/// A name line over a name line with an age that spells the name differently
/// (`馮佩玲` over `馮佩珊（63歲）`: the caption and the label disagree): the bracketed one is
/// the label the article gives the person, the other an alias of it. `(alias, name)` pairs.
pub fn name_line_aliases(mentions: &[Mention]) -> Vec<(String, String)> {
    let lines: Vec<&Mention> = mentions.iter().filter(|m| m.cue == Cue::NameLine).collect();
    let mut out = Vec::new();
    for w in lines.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ca, cb): (Vec<char>, Vec<char>) = (a.name.chars().collect(), b.name.chars().collect());
        if b.paragraph <= a.paragraph + 2
            && a.name != b.name
            && ca.len() == cb.len()
            && ca.first() == cb.first()
        {
            out.push((a.name.clone(), b.name.clone()));
        }
    }
    out
}

/// A full name written with an honorific (`邱淑貞女士`) and later called by surname and
/// honorific (`邱女士`): `(label, name)` pairs, when one full name of that surname carries
/// that honorific. A label never written after a full name (a vox-pop's `何同學` beside
/// its `何志偉`) stays a person of its own.
pub fn honorific_aliases(chars: &[Vec<char>], mentions: &[Mention]) -> Vec<(String, String)> {
    let mut owners: std::collections::HashMap<String, Vec<&str>> = Default::default();
    for m in mentions {
        let name: Vec<char> = m.name.chars().collect();
        if name.len() < 3 || !name.iter().all(|&c| is_han(c)) {
            continue;
        }
        if let Some(h) = honorific_at(&chars[m.paragraph], m.end) {
            let h: String = chars[m.paragraph][m.end..m.end + h].iter().collect();
            let label = format!("{}{h}", name[0]);
            let v = owners.entry(label).or_default();
            if !v.contains(&m.name.as_str()) {
                v.push(&m.name);
            }
        }
    }
    let mut out: Vec<(String, String)> = owners
        .into_iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(label, v)| (label, v[0].to_string()))
        .collect();
    out.sort();
    out
}

/// Characters that never occur in a personal name but are frequent in text the tagger
/// mistakes for one: Cantonese function characters (佢, 哋, 嘅, 咁, 唔, …) and particles.
const NOT_IN_NAMES: &str = "佢哋嘅咁唔啲俾嘢咩瞓喺嚟咗嗰噉冇乜嘢啱嚿揦攰諗睇咪呢囉喇嘛呀吖的了着著是在和与與及或也都就又還还很";

/// True when `c` is a CJK ideograph (the BMP blocks names are written in).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// True when `name` can be a personal name: two to four Han characters (five or six with a
/// middle dot, as in transliterations), or a Latin-script name of one to three capitalised
/// words, without digits or punctuation, and none of [`NOT_IN_NAMES`]. An anonymised name
/// (`張某`, `李某某`) is not a name.
pub fn plausible_name(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    if HONORIFICS.contains(&name) {
        return false;
    }
    // A surname with an English honorific, as Hong Kong copy writes it (`馮Sir`, `何Sir`).
    for h in ["Sir", "sir", "Madam", "madam"] {
        if let Some(s) = name.strip_suffix(h) {
            let n = s.chars().count();
            return (1..=2).contains(&n) && s.chars().all(is_han);
        }
    }
    if chars.iter().all(|&c| is_han(c)) {
        return (2..=4).contains(&n)
            && !chars.iter().any(|&c| NOT_IN_NAMES.contains(c))
            && !name.ends_with('某')
            && !(n >= 3 && NOT_LAST_IN_NAMES.contains(chars[n - 1]))
            && !KIN_WORDS.contains(&name);
    }
    if chars
        .iter()
        .all(|&c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '.')
    {
        let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
        return (1..=3).contains(&words.len())
            && n >= 2
            && n <= 24
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
    }
    false
}

/// Finds every candidate mention in the paragraphs. `tokens[i]` are the tagger's words of
/// `paragraphs[i]` (char offsets); `kinds[i]` its layout kind.
pub fn find(chars: &[Vec<char>], kinds: &[ParagraphKind], tokens: &[Vec<Token>]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (pi, toks) in tokens.iter().enumerate() {
        let text = &chars[pi];
        if let Some(m) = name_line(text, pi, toks) {
            out.push(m);
            continue;
        }
        latin_names(text, pi, &mut out);
        let label = answer_label(text, pi, kinds.get(pi).copied().unwrap_or_default());
        let mut k = 0;
        while k < toks.len() {
            let t = toks[k];
            k += 1;
            if t.tag != Tag::Per {
                continue;
            }
            let (mut start, mut end) = (t.start, t.end);
            // Repair a name the tagger cut short before a clause mark: two chars and one
            // more (`王建` `华` `,`), or a surname and two more (`孙` `立` `群` `，`).
            let clause_mark = |i: usize| {
                i >= text.len() || "，,、；;。：:（(".contains(text[i]) || text[i].is_whitespace()
            };
            let len = end - start;
            if (len == 2 || len == 1)
                && !clause_mark(end)
                && (end..end + (3 - len)).all(|i| {
                    i < text.len()
                        && is_han(text[i])
                        && !NOT_AFTER_NAMES.contains(text[i])
                        && !NOT_IN_NAMES.contains(text[i])
                })
                && clause_mark(end + 3 - len)
                && toks.get(k).is_some_and(|n| n.tag != Tag::Per)
            {
                let new_end = end + 3 - len;
                while toks.get(k).is_some_and(|n| n.start < new_end) {
                    k += 1;
                }
                end = new_end;
            }
            // Trim spaces the tagger kept at the edges.
            while start < end && text[start].is_whitespace() {
                start += 1;
            }
            while end > start && text[end - 1].is_whitespace() {
                end -= 1;
            }
            let mut name: String = text[start..end].iter().collect();
            // A surname alone before an honorific: the label is the name (李小姐).
            if name.chars().count() == 1 {
                if let Some(h) = honorific_at(text, end) {
                    end += h;
                    name = text[start..end].iter().collect();
                    if toks.get(k).is_some_and(|n| n.start < end) {
                        k += 1;
                    }
                    out.push(Mention {
                        paragraph: pi,
                        start,
                        end,
                        name,
                        cue: Cue::Tagged,
                    });
                }
                continue;
            }
            // A nickname with a kinship title is a label that names the person (`妞妞奶奶`).
            if name.chars().count() == 2 {
                if let Some(h) = KIN_TITLES.iter().find(|h| {
                    let n = h.chars().count();
                    text.len() >= end + n && text[end..end + n].iter().copied().eq(h.chars())
                }) {
                    end += h.chars().count();
                    name = text[start..end].iter().collect();
                    if toks.get(k).is_some_and(|n| n.start < end) {
                        k += 1;
                    }
                    out.push(Mention {
                        paragraph: pi,
                        start,
                        end,
                        name,
                        cue: Cue::Tagged,
                    });
                    continue;
                }
            }
            // A name the tagger cut one char short before an honorific (`施淑` `惠` `小姐`),
            // or, after a 的-clause, before an elder's title (`…的柳晚` `增` `老人`, where
            // the tagger read the last char as a verb).
            if name.chars().count() == 2
                && end < text.len()
                && is_han(text[end])
                && (honorific_at(text, end + 1).is_some()
                    || (start > 0
                        && text[start - 1] == '的'
                        && !NOT_AFTER_NAMES.contains(text[end])
                        && !NOT_IN_NAMES.contains(text[end])
                        && ELDER_TITLES.iter().any(|h| {
                            text.len() >= end + 1 + h.chars().count()
                                && text[end + 1..end + 1 + h.chars().count()]
                                    .iter()
                                    .copied()
                                    .eq(h.chars())
                        })))
            {
                end += 1;
                name = text[start..end].iter().collect();
                if toks.get(k).is_some_and(|n| n.start < end) {
                    k += 1;
                }
            }
            // A Taiwanese married name (the husband's surname, her own, a two-char given
            // name: `馮鄭` `雅芬` `女士`) the tagger cut after the two surnames, before an
            // honorific.
            if name.chars().count() == 2
                && end + 2 < text.len()
                && (end..end + 2).all(|i| is_han(text[i]) && !NOT_IN_NAMES.contains(text[i]))
                && honorific_at(text, end + 2).is_some()
                && toks
                    .get(k)
                    .is_some_and(|n| n.tag != Tag::Per && n.end <= end + 2)
            {
                end += 2;
                name = text[start..end].iter().collect();
                while toks.get(k).is_some_and(|n| n.start < end) {
                    k += 1;
                }
            }
            // An honorific the tagger kept inside the name (施淑惠小姐) is not part of it.
            for h in HONORIFICS {
                if let Some(stem) = name.strip_suffix(h) {
                    if stem.chars().count() >= 2 {
                        end -= h.chars().count();
                        name = stem.to_string();
                    }
                    break;
                }
            }
            if !plausible_name(&name) {
                continue;
            }
            let cue = match label {
                Some((s, e)) if s == start && e == end => Cue::AnswerLabel,
                _ => Cue::Tagged,
            };
            out.push(Mention {
                paragraph: pi,
                start,
                end,
                name,
                cue,
            });
        }
        if let Some((s, e)) = label {
            if !out.iter().any(|m| m.paragraph == pi && m.start == s) {
                let name: String = text[s..e].iter().collect();
                if plausible_name(&name) && toks.iter().any(|t| t.start == s && t.tag == Tag::Per) {
                    out.push(Mention {
                        paragraph: pi,
                        start: s,
                        end: e,
                        name,
                        cue: Cue::AnswerLabel,
                    });
                }
            }
        }
    }
    fill_enumerations(chars, &mut out);
    add_untagged_occurrences(chars, tokens, &mut out);
    extend_to_known_names(chars, &mut out);
    // One mention per span: where two overlap (a Latin name inside a tagged one, a label
    // and a tag), the earlier and then longer one is kept.
    out.sort_by_key(|m| (m.paragraph, m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if kept
            .last()
            .is_some_and(|k| k.paragraph == m.paragraph && m.start < k.end)
        {
            continue;
        }
        kept.push(m);
    }
    mark_captions(chars, kinds, &mut kept);
    kept
}

/// A mention the tagger cut short where the text goes on with a longer name found elsewhere
/// (`馮鄭` before `雅芬` where `馮鄭雅芬女士` made the four-char name): the longer name.
/// Only Han names of three or more chars extend, and only the mentions they begin with.
fn extend_to_known_names(chars: &[Vec<char>], out: &mut [Mention]) {
    // The longer names by their first char, so each mention looks at a few.
    let mut longer: std::collections::HashMap<char, Vec<Vec<char>>> = Default::default();
    for m in out.iter() {
        let name: Vec<char> = m.name.chars().collect();
        if name.len() >= 3 && name.iter().all(|&c| is_han(c)) {
            let v = longer.entry(name[0]).or_default();
            if !v.contains(&name) {
                v.push(name);
            }
        }
    }
    for m in out.iter_mut() {
        let text = &chars[m.paragraph];
        let name: Vec<char> = m.name.chars().collect();
        let Some(candidates) = name.first().and_then(|c| longer.get(c)) else {
            continue;
        };
        let best = candidates
            .iter()
            .filter(|l| {
                l.len() > name.len()
                    && l.starts_with(&name)
                    && text.get(m.start..m.start + l.len()) == Some(l.as_slice())
            })
            .max_by_key(|l| l.len());
        if let Some(l) = best {
            m.end = m.start + l.len();
            m.name = l.iter().collect();
        }
    }
}

/// An item of an enumeration of names that the tagger did not take for one (`X、牛新春、Y`,
/// where it read 牛 / 新春 as two nouns): two or three Han chars between `、` marks, with a
/// name right before and right after it, is a name too.
fn fill_enumerations(chars: &[Vec<char>], out: &mut Vec<Mention>) {
    let mut found = Vec::new();
    // One sort of all mentions by place, so that neighbours are adjacent: linear in the
    // mentions, not paragraphs × mentions.
    let mut sorted: Vec<&Mention> = out.iter().collect();
    sorted.sort_by_key(|m| (m.paragraph, m.start));
    for w in sorted.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (pi, text) = (a.paragraph, &chars[a.paragraph]);
        if b.paragraph == pi {
            // `a、ITEM、b`: the gap is one item between two separators.
            let (s, e) = (a.end + 1, b.start.saturating_sub(1));
            if b.start < a.end + 4 || text[a.end] != '、' || text[e] != '、' {
                continue;
            }
            if !(2..=3).contains(&(e - s)) || !text[s..e].iter().all(|&c| is_han(c)) {
                continue;
            }
            let name: String = text[s..e].iter().collect();
            if plausible_name(&name) {
                found.push(Mention {
                    paragraph: pi,
                    start: s,
                    end: e,
                    name,
                    cue: Cue::Tagged,
                });
            }
        }
    }
    out.extend(found);
}

/// Document-level candidates: every other occurrence of a name the tagger found somewhere
/// (it tags the same name differently in different sentences, as `nz` in a caption line and
/// `PER` in the text), where no mention covers it already.
fn add_untagged_occurrences(chars: &[Vec<char>], tokens: &[Vec<Token>], out: &mut Vec<Mention>) {
    let mut names: Vec<String> = out
        .iter()
        .filter(|m| m.name.chars().count() >= 2 && m.name.chars().all(is_han))
        .map(|m| m.name.clone())
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return;
    }
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&names)
    else {
        return;
    };
    let mut covered: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for m in out.iter() {
        for i in m.start..m.end {
            covered.insert((m.paragraph, i));
        }
    }
    let mut added = Vec::new();
    for (pi, c) in chars.iter().enumerate() {
        let s: String = c.iter().collect();
        // Byte offsets to char offsets.
        let starts: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
        let to_char = |b: usize| starts.partition_point(|&x| x < b);
        for hit in ac.find_iter(&s) {
            let (st, en) = (to_char(hit.start()), to_char(hit.end()));
            if (st..en).any(|i| covered.contains(&(pi, i))) {
                continue;
            }
            // Where the tagger reads the span as a place or a time, or as part of a longer
            // word, it is not this name (an exact organisation tag is a common slip).
            let toks = &tokens[pi];
            let at_start = toks.iter().find(|t| t.start <= st && st < t.end);
            if at_start.is_some_and(|t| {
                matches!(t.tag, Tag::Loc | Tag::Time | Tag::Ns) || t.start < st || t.end > en
            }) {
                continue;
            }
            // Not inside a longer run of Han chars that reads as another name: the char
            // before must not be a Han char the tagger joined to it (checked by the
            // tagger's own mentions elsewhere); accept, the grouping decides.
            added.push(Mention {
                paragraph: pi,
                start: st,
                end: en,
                name: names[hit.pattern().as_usize()].clone(),
                cue: Cue::Tagged,
            });
        }
    }
    out.extend(added);
    out.sort_by_key(|m| (m.paragraph, m.start));
}

/// Separators between a name and its role on a caption line (`黄海峰 | 城南特勤站站长`).
pub const CAPTION_SEPARATORS: &str = "|｜，,：: 　、/／";

/// Marks mentions in caption lines: a short line without sentence punctuation that ends
/// with a name (the role before it), and every name of a photo caption.
fn mark_captions(chars: &[Vec<char>], kinds: &[ParagraphKind], out: &mut [Mention]) {
    let mut i = 0;
    while i < out.len() {
        let pi = out[i].paragraph;
        let mut j = i;
        while j < out.len() && out[j].paragraph == pi {
            j += 1;
        }
        let text = &chars[pi];
        let kind = kinds.get(pi).copied().unwrap_or_default();
        let last = &out[j - 1];
        let first = &out[i];
        let no_sentence = !text.iter().any(|c| "。！？!?；;".contains(*c));
        // `role name` (the role before, the name ending the line) …
        let role_first = text.len() <= 60
            && j - i == 1
            && no_sentence
            && !text.iter().any(|c| "，,".contains(*c))
            && last.end == text.len()
            && last.start > 0;
        // … or `name | role`, `name，role`, `name：role` (the name opening the line).
        let lead = text
            .iter()
            .take_while(|c| matches!(c, '—' | '-' | '─' | ' '))
            .count();
        let name_first = text.len() <= 60
            && j - i == 1
            && no_sentence
            && first.start == lead
            && text
                .get(first.end)
                .is_some_and(|c| CAPTION_SEPARATORS.contains(*c))
            && text.len() >= first.end + 3;
        let caption_line = role_first || name_first;
        if caption_line || kind == ParagraphKind::Caption {
            for m in out[i..j].iter_mut() {
                if m.cue == Cue::Tagged {
                    m.cue = Cue::Caption;
                }
            }
        }
        i = j;
    }
}

/// The length in chars of an honorific starting at `at`, if one does.
fn honorific_at(text: &[char], at: usize) -> Option<usize> {
    HONORIFICS.iter().find_map(|h| {
        let n = h.chars().count();
        (text.len() >= at + n && text[at..at + n].iter().copied().eq(h.chars())).then_some(n)
    })
}

/// Brackets that hold an age or a note after a name line (`何志偉（47歲）`).
const OPEN: &[char] = &['（', '('];
const CLOSE: &[char] = &['）', ')'];

/// A paragraph that is only a name, optionally followed by a bracket (`何志偉`,
/// `何志偉（47歲）`, `退休司機（60歲）`, `Cathy（22歲）`): the name, as a [`Cue::NameLine`].
/// Without a bracket the line must be a plausible name; with an age bracket any label of up
/// to six chars without punctuation is taken (vox-pops name some people by a label).
fn name_line(text: &[char], pi: usize, toks: &[Token]) -> Option<Mention> {
    let n = text.len();
    if n == 0 || n > 24 {
        return None;
    }
    let open = text.iter().position(|c| OPEN.contains(c));
    let (end, bracket) = match open {
        Some(o) if text.last().is_some_and(|c| CLOSE.contains(c)) => (o, Some(&text[o + 1..n - 1])),
        Some(_) => return None,
        None => (n, None),
    };
    // Or an age after a space (`黃先生 53歲`, Hong Kong vox-pop copy).
    let is_age = |b: &[char]| {
        b.iter()
            .any(|c| c.is_ascii_digit() || "０１２３４５６７８９".contains(*c))
            && b.iter().any(|c| "歲岁後后".contains(*c))
            && b.len() <= 6
    };
    let spaced = (open.is_none())
        .then(|| text.iter().rposition(|c| c.is_whitespace()))
        .flatten()
        .filter(|&w| w > 0 && w + 1 < n && is_age(&text[w + 1..]));
    let (end, bracket) = match spaced {
        Some(w) if bracket.is_none() => (w, Some(&text[w + 1..])),
        _ => (end, bracket),
    };
    let mut e = end;
    while e > 0 && text[e - 1].is_whitespace() {
        e -= 1;
    }
    let name: String = text[..e].iter().collect();
    // An age (`47歲`) or a birth cohort (`70後`) in the bracket or after the space.
    let aged = bracket.is_some_and(is_age);
    // A surname and an honorific alone on a line (`黃先生`) name the person who follows.
    let label = bracket.is_none()
        && name.chars().count() == 3
        && name.chars().next().is_some_and(is_han)
        && honorific_at(&text[..e], 1) == Some(2);
    let ok = if aged {
        let c = name.chars().count();
        (2..=6).contains(&c)
            && name
                .chars()
                .all(|c| is_han(c) || c.is_ascii_alphabetic() || c == ' ')
    } else {
        // A bare line is a name only when the tagger reads it as one, or a label.
        bracket.is_none()
            && plausible_name(&name)
            && (label
                || toks
                    .iter()
                    .any(|t| t.tag == Tag::Per && t.start == 0 && t.end >= e))
    };
    ok.then(|| Mention {
        paragraph: pi,
        start: 0,
        end: e,
        name,
        cue: Cue::NameLine,
    })
}

/// Latin-script names inside Chinese text: one to three capitalised words (`Min Thu`,
/// `Aunt Nyein Chan`, `JESSIE`, `Tommy`), bounded by non-Latin text. The tagger reads them as
/// foreign words, not persons, so they are candidates by their shape; the score decides.
fn latin_names(text: &[char], pi: usize, out: &mut Vec<Mention>) {
    let mut i = 0;
    let n = text.len();
    while i < n {
        if !text[i].is_ascii_alphabetic()
            || (i > 0
                && (text[i - 1].is_ascii_alphanumeric()
                    || matches!(text[i - 1], '@' | '.' | '/' | '#')))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n
            && (text[j].is_ascii_alphabetic()
                || (text[j] == ' ' && j + 1 < n && text[j + 1].is_ascii_uppercase()))
        {
            j += 1;
        }
        let name: String = text[i..j].iter().collect();
        let next_ok = j == n
            || !(text[j].is_ascii_alphanumeric() || matches!(text[j], '.' | '@' | '/' | '-'));
        let caps = name.chars().filter(|c| c.is_ascii_uppercase()).count();
        let all_caps = caps == name.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let shape = if all_caps {
            name.len() >= 4 && !name.contains(' ')
        } else {
            plausible_name(&name)
        };
        if next_ok
            && shape
            && !HONORIFICS.contains(&name.as_str())
            && name
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .all(|c| c.is_ascii_alphabetic())
        {
            out.push(Mention {
                paragraph: pi,
                start: i,
                end: j,
                name,
                cue: Cue::Tagged,
            });
        }
        i = j.max(i + 1);
    }
}

/// `name：` or `name:` opening a paragraph (a Q&A answer or a vox-pop label): the name's char
/// range. The label is at most six chars and is followed by the colon.
fn answer_label(text: &[char], _pi: usize, _kind: ParagraphKind) -> Option<(usize, usize)> {
    let colon = text.iter().take(8).position(|&c| c == '：' || c == ':')?;
    (2..=6).contains(&colon).then_some((0, colon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_non_names() {
        assert!(plausible_name("林建宏"));
        assert!(plausible_name("欧阳明远"));
        assert!(plausible_name("Min Thu"));
        assert!(!plausible_name("張某"));
        assert!(!plausible_name("佢哋"));
        assert!(!plausible_name("刘"));
        assert!(!plausible_name("buy唔buy"));
    }

    #[test]
    fn name_lines() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let per = |n: usize| {
            vec![Token {
                start: 0,
                end: n,
                tag: Tag::Per,
            }]
        };
        assert_eq!(
            name_line(&c("何志偉（47歲）"), 0, &[]).unwrap().name,
            "何志偉"
        );
        assert_eq!(
            name_line(&c("退休司機（60歲）"), 0, &[]).unwrap().name,
            "退休司機"
        );
        assert_eq!(name_line(&c("何志偉"), 0, &per(3)).unwrap().name, "何志偉");
        assert!(name_line(&c("生活"), 0, &[]).is_none());
        assert!(name_line(&c("我要守護：香港"), 0, &[]).is_none());
    }
}
