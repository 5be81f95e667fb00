//! Attaching text to the profiled people: the paragraphs about each person, their section
//! heading, their figures and their quotes.
//!
//! - **Paragraphs**: those that mention the person, and the paragraphs after a mention that
//!   mention no other profiled person (the text goes on about them), up to the next heading.
//! - **Heading**: a pull-quote line (a short paragraph wholly in quote marks, after an
//!   optional `label：` prefix) whose section first mentions the person.
//! - **Figures** ([`crate::article::stats`]) go to the person their sentence names (the
//!   nearest mention before the figure, else the first after it in the same sentence, shared by
//!   an enumeration), else to the person the paragraph is about.
//! - **Quotes** go to their speaker: a name or a pronoun in the clause before the opening mark
//!   or the sentence after the closing one (with a speech verb or a colon), a `name：` label,
//!   else to the one person the paragraph is about when no one else speaks there.

use super::candidates::Mention;
use super::people::Person;
use super::tagger::{Tag, Token};
use crate::article::ParagraphKind;
use crate::article::model::{Quote, Stat};
use crate::article::quotes;

/// Words that make a sentence about several people at once.
const PLURAL: &[&str] = &[
    "他们", "他們", "她们", "她們", "三人", "两人", "兩人", "二人", "夫妻", "夫妇", "夫婦", "一家",
    "二人", "俩", "倆",
];

/// Sentence-ending marks.
const SENTENCE_END: &[char] = &['。', '！', '!', '？', '?', '；', ';'];

/// Whom each paragraph is about: `focus[i]` is the profiled person (index into `people`)
/// paragraph `i` continues about, if any. Mentions are `(paragraph, start, person)`.
pub fn focus(
    n: usize,
    kinds: &[ParagraphKind],
    owned: &[(usize, usize, usize)],
) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    let mut cur = None;
    let mut k = 0;
    for (i, slot) in out.iter_mut().enumerate() {
        // A heading, or a caption that names no profiled person (such as the headline
        // repeated between sections), ends what the text was about.
        // (A caption right under the caption line that named the person, such as a photo
        // of them, does not.)
        let named_here = !in_para(owned, i).is_empty();
        let after_caption_line = i > 0
            && kinds.get(i - 1) == Some(&ParagraphKind::Caption)
            && !in_para(owned, i - 1).is_empty();
        match kinds.get(i) {
            Some(ParagraphKind::Heading) => cur = None,
            Some(ParagraphKind::Caption) if !named_here && !after_caption_line => cur = None,
            _ => {}
        }
        let mut last = cur;
        while k < owned.len() && owned[k].0 == i {
            last = Some(owned[k].2);
            k += 1;
        }
        *slot = last.or(cur);
        cur = last;
    }
    out
}

/// The text of a section heading: a pull-quote ([`pull_quote`]), a bracketed title
/// (`【把荒山变成金山】`), or, for a line the layout makes a heading (`layout_heading`: a
/// short line under a section number or over a caption line), the line itself. A section
/// number alone (`02`, `▍01`) is structure, not a heading, and gives `None`; so does a
/// number before the title, which is dropped (`02 “我們是黨員…”` → `我們是黨員…`).
pub fn heading_text(p: &str, layout_heading: bool) -> Option<String> {
    let t = p.trim();
    if crate::article::clean::is_section_number(t) {
        return None;
    }
    // A leading section number (`02 `, `一、`) is not part of the title.
    let t = match t.split_once([' ', '\u{3000}', '、']) {
        Some((num, rest)) if crate::article::clean::is_section_number(num) && !rest.is_empty() => {
            rest.trim()
        }
        _ => t,
    };
    if let Some(q) = pull_quote(t) {
        return Some(q);
    }
    let n = t.chars().count();
    if let Some(inner) = t.strip_prefix('【').and_then(|x| x.strip_suffix('】')) {
        if (2..=30).contains(&inner.chars().count()) {
            return Some(inner.to_string());
        }
    }
    (layout_heading && (2..=30).contains(&n) && !t.ends_with(['。', '，', '：', ':']))
        .then(|| t.to_string())
}

/// True when `p` is a pull-quote heading: short, its text (after an optional label of up to
/// eight chars and a colon) wholly inside one pair of quote marks. Returns the text inside.
pub fn pull_quote(p: &str) -> Option<String> {
    let t = p.trim();
    if t.chars().count() > 40 {
        return None;
    }
    let body = match t.find(['：', ':']) {
        Some(i) if t[..i].chars().count() <= 8 => t[i..].trim_start_matches(['：', ':']).trim(),
        _ => t,
    };
    // A pull-quote is a phrase, not a sentence of dialogue: four chars or more, and not
    // ending with a full stop inside the marks.
    let inner = body
        .strip_prefix('“')
        .and_then(|b| b.strip_suffix('”'))
        .or_else(|| body.strip_prefix('「').and_then(|b| b.strip_suffix('」')))?;
    // At most two clauses: longer runs of short clauses are slogans (聽安排,不出門,宅在家…).
    let n = inner.chars().count();
    let clauses = inner.matches(['，', ',', '、']).count() + 1;
    ((4..=24).contains(&n)
        && clauses <= 2
        && !inner.ends_with(['.', '？', '?'])
        && !inner.contains(['“', '”', '「', '」', '。']))
    .then(|| inner.to_string())
}

/// The entries of `sorted` (sorted by paragraph first) in paragraph `i`.
fn in_para<T: Copy>(sorted: &[(usize, usize, T)], i: usize) -> &[(usize, usize, T)] {
    let a = sorted.partition_point(|o| o.0 < i);
    let b = sorted.partition_point(|o| o.0 <= i);
    &sorted[a..b]
}

/// The sentence around char `i`: its start and end.
/// A sentence end inside quote marks (`。”`) does not end the sentence: the speech tag
/// after the closing mark belongs to it (`“…24小時在值守。”林建宏說。`).
fn sentence(c: &[char], i: usize) -> (usize, usize) {
    let i = i.min(c.len());
    let ends_at = |k: usize| {
        SENTENCE_END.contains(&c[k])
            && !c.get(k + 1).is_some_and(|x| matches!(x, '”' | '」' | '』'))
    };
    let s = (0..i).rev().find(|&k| ends_at(k)).map_or(0, |k| k + 1);
    let e = (i..c.len()).find(|&k| ends_at(k)).unwrap_or(c.len());
    (s, e)
}

/// Everything attached to the profiled people.
pub struct Attached {
    /// Per person: the paragraphs about them, ascending.
    pub paragraphs: Vec<Vec<usize>>,
    /// Per person: their heading, if any.
    pub headings: Vec<Option<String>>,
    /// Per person: their figures.
    pub stats: Vec<Vec<Stat>>,
    /// Per person: their quotes.
    pub quotes: Vec<Vec<Quote>>,
}

/// Attaches paragraphs, headings, figures and quotes to `people` (the profiled ones, each
/// with mentions indexing `mentions`); `others` are mentions of people not profiled (their
/// speech and figures are nobody's).
pub fn attach(
    paragraphs: &[String],
    chars: &[Vec<char>],
    tokens: &[Vec<Token>],
    kinds: &[ParagraphKind],
    mentions: &[Mention],
    people: &[Person],
    others: &[usize],
) -> Attached {
    let n = paragraphs.len();
    // Mentions of profiled people in reading order: (paragraph, start, person).
    let mut owned: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in people.iter().enumerate() {
        for &k in &p.mentions {
            owned.push((mentions[k].paragraph, mentions[k].start, pi));
        }
    }
    owned.sort_unstable();
    let mut kinds_h: Vec<ParagraphKind> = (0..n)
        .map(|i| kinds.get(i).copied().unwrap_or_default())
        .collect();
    let pulls: Vec<Option<String>> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| heading_text(p, kinds.get(i) == Some(&ParagraphKind::Heading)))
        .collect();
    for (i, q) in pulls.iter().enumerate() {
        if q.is_some() {
            kinds_h[i] = ParagraphKind::Heading;
        }
    }
    let focus = focus(n, &kinds_h, &owned);
    // Whom the text is about at char `at` of paragraph `i`: the last profiled person named
    // before it in the paragraph, else the one the previous paragraph ended about.
    let focus_at = |i: usize, at: usize| -> Option<usize> {
        in_para(&owned, i)
            .iter()
            .filter(|o| o.1 < at)
            .last()
            .map(|o| o.2)
            .or_else(|| {
                if i == 0 || kinds_h[i] == ParagraphKind::Heading {
                    None
                } else {
                    focus[i - 1]
                }
            })
    };
    let mut out = Attached {
        paragraphs: vec![Vec::new(); people.len()],
        headings: vec![None; people.len()],
        stats: vec![Vec::new(); people.len()],
        quotes: vec![Vec::new(); people.len()],
    };
    // Paragraphs: mentioned, or continued about.
    for i in 0..n {
        let mut here: Vec<usize> = in_para(&owned, i).iter().map(|o| o.2).collect();
        here.dedup();
        if here.is_empty() {
            if let Some(f) = focus[i] {
                if kinds_h[i] != ParagraphKind::Heading {
                    here.push(f);
                }
            }
        }
        for p in here {
            if out.paragraphs[p].last() != Some(&i) {
                out.paragraphs[p].push(i);
            }
        }
    }
    // Headings: a pull-quote whose section's first profiled mention is the person.
    for (i, q) in pulls.iter().enumerate() {
        let Some(q) = q else { continue };
        // The section runs to the next heading; its person is the one it names most
        // (the first named on a tie).
        let next_heading = (i + 1..n)
            .find(|&j| pulls[j].is_some() || kinds_h[j] == ParagraphKind::Heading)
            .unwrap_or(n);
        let mut counts: Vec<(usize, usize)> = Vec::new(); // (person, count) in order of first mention
        let (a, b) = (
            owned.partition_point(|o| o.0 <= i),
            owned.partition_point(|o| o.0 < next_heading),
        );
        for o in &owned[a..b] {
            match counts.iter_mut().find(|c| c.0 == o.2) {
                Some(c) => c.1 += 1,
                None => counts.push((o.2, 1)),
            }
        }
        let best = counts.iter().fold(None::<(usize, usize)>, |b, &c| match b {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        });
        if let Some((p, _)) = best {
            if out.headings[p].is_none() {
                out.headings[p] = Some(q.clone());
                out.paragraphs[p].push(i);
                out.paragraphs[p].sort_unstable();
                out.paragraphs[p].dedup();
            }
        }
    }
    // Figures.
    let mut other_at: Vec<(usize, usize, ())> = others
        .iter()
        .map(|&k| (mentions[k].paragraph, mentions[k].start, ()))
        .collect();
    other_at.sort_unstable_by_key(|o| (o.0, o.1));
    for i in 0..n {
        if kinds_h[i] == ParagraphKind::Heading {
            continue;
        }
        let stats = crate::article::stats::find_stats(std::slice::from_ref(&paragraphs[i]));
        let c = &chars[i];
        let here: Vec<&(usize, usize, usize)> = in_para(&owned, i).iter().collect();
        for mut st in stats {
            st.paragraph = i;
            // `三人`, `兩人` name the group, as a pronoun would, rather than count anything.
            if PLURAL.contains(&st.text.as_str()) {
                continue;
            }
            let (s, e) = sentence(c, st.offset);
            // A name later in the figure's own clause is the one a 的-clause describes
            // (`隐姓埋名30年的一等功臣刘守业`): it comes first.
            let clause_end = c[st.offset..e]
                .iter()
                .position(|x| "，,：:".contains(*x))
                .map_or(e, |k| st.offset + k);
            let later_in_clause = here.iter().find(|o| o.1 > st.offset && o.1 < clause_end);
            let before = if later_in_clause.is_some() {
                None
            } else {
                here.iter().filter(|o| o.1 >= s && o.1 < st.offset).last()
            };
            let after =
                later_in_clause.or_else(|| here.iter().find(|o| o.1 > st.offset && o.1 < e));
            let owners: Vec<usize> = match (before, after) {
                (Some(b), _) => vec![b.2],
                (None, Some(a)) => {
                    // The enumeration the first name after opens shares the figure.
                    let mut v = vec![a.2];
                    let mut end = mentions_end(mentions, people, a);
                    for o in here.iter().filter(|o| o.1 > a.1 && o.1 < e) {
                        if o.1 == end + 1 && "、和与與及".contains(c[end]) {
                            v.push(o.2);
                            end = mentions_end(mentions, people, o);
                        }
                    }
                    v
                }
                (None, None) => {
                    let other_in_sentence =
                        in_para(&other_at, i).iter().any(|o| o.1 >= s && o.1 < e);
                    let sent: String = c[s..e].iter().collect();
                    if PLURAL.iter().any(|w| sent.contains(w)) {
                        // Said of them together (`三人各自投資3萬元`): each person named in
                        // this paragraph, or the one before, shares it.
                        let mut v: Vec<usize> = Vec::new();
                        for para in [i, i.saturating_sub(1)] {
                            for o in in_para(&owned, para) {
                                if !v.contains(&o.2) {
                                    v.push(o.2);
                                }
                            }
                            if v.len() >= 2 {
                                break;
                            }
                        }
                        if v.len() >= 2 {
                            v
                        } else {
                            focus_at(i, st.offset).into_iter().collect()
                        }
                    } else {
                        match focus_at(i, st.offset) {
                            Some(f) if !other_in_sentence => vec![f],
                            _ => vec![],
                        }
                    }
                }
            };
            for p in owners {
                // Figures come in reading order: a repeat can only be the last one.
                if !out.stats[p]
                    .last()
                    .is_some_and(|x: &Stat| x.paragraph == st.paragraph && x.offset == st.offset)
                {
                    out.stats[p].push(st.clone());
                }
            }
        }
    }
    // Quotes.
    let names: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            std::iter::once(p.name.clone())
                .chain(p.aliases.iter().cloned())
                .collect()
        })
        .collect();
    let other_names: Vec<String> = others.iter().map(|&k| mentions[k].name.clone()).collect();
    for span in quotes::pair_marks(chars) {
        let text = span.text.trim().to_string();
        let (ap, ai) = span.after;
        if text.is_empty() {
            continue;
        }
        let pi = span.paragraph;
        // Names, titles and slogans in quote marks are terms: short and without clause
        // punctuation (longer ones when nothing attributes them).
        let no_punct = !text.contains([
            '，', ',', '。', '！', '!', '？', '?', '；', ';', '…', '、', '：', ':',
        ]);
        let clause = is_clause(&tokens[pi], span.start, span.start + text.chars().count());
        let term = quotes::is_term(&text, chars[ap].get(ai).copied())
            || (no_punct && text.chars().count() <= 24);
        let spoken_term =
            no_punct && clause && text.chars().count() >= 3 && chars[ap].get(ai) != Some(&'的');
        let (before, colon) = quotes::clause_before(&chars[pi], span.start);
        let after = quotes::sentence_after(&chars[ap], ai);
        // The person named in a speech clause: the last name before the speech verb that
        // is not its addressee (`张晓雯听到刘海涛说` → 刘海涛; `对她说`, `告诉张晓雯` name the
        // listener). Profiled people are `Some(Some(i))`, others `Some(None)`.
        let named = |clause: &str| -> Option<Option<usize>> {
            let verb = quotes::SPEECH_VERBS
                .iter()
                .chain(THOUGHT_VERBS)
                .filter_map(|v| clause.find(v))
                .min()
                .unwrap_or(clause.len());
            let head = &clause[..verb];
            let mut best: Option<(usize, Option<usize>)> = None;
            let all = names
                .iter()
                .enumerate()
                .flat_map(|(p, ns)| ns.iter().map(move |n| (n.as_str(), Some(p))))
                .chain(other_names.iter().map(|n| (n.as_str(), None)));
            for (nm, who) in all {
                if let Some(at) = head.rfind(nm) {
                    let addressee = ["对", "對", "向", "跟", "给", "給"]
                        .iter()
                        .any(|p| head[..at].ends_with(p));
                    if !addressee && best.is_none_or(|b| at > b.0) {
                        best = Some((at, who));
                    }
                }
            }
            best.map(|b| b.1)
        };
        // Whom 他/她 stands for at a quote: the subject (first name) of the sentence the
        // quote opens in, else the person the text is about.
        let subject_at = |i: usize, at: usize| -> Option<usize> {
            let (sent, _) = sentence(&chars[i], at.saturating_sub(1));
            in_para(&owned, i)
                .iter()
                .find(|o| o.1 >= sent && o.1 < at)
                .map(|o| o.2)
                .or_else(|| focus_at(i, at))
        };
        let pronoun = |clause: &str| {
            let c = clause.trim_start_matches(['，', ',', ' ']);
            c.starts_with(['他', '她'])
                && !c.starts_with("他们")
                && !c.starts_with("她们")
                && !c.starts_with("他們")
                && !c.starts_with("她們")
        };
        // Someone else opens the sentence after the quote: a group or an indefinite person.
        let someone_else = |clause: &str| {
            let c = clause.trim_start_matches(['，', ',', ' ']);
            [
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
                "记者",
                "記者",
                "对方",
                "對方",
                "旁人",
                "别人",
                "別人",
            ]
            .iter()
            .any(|w| c.starts_with(w))
        };
        // The speaker: named (or a pronoun) in the speech clause before the opening mark;
        // else named right after the closing mark (`“不是！”马志刚瞪着他`) or before the
        // speech verb of the sentence after; else a thinking verb before the mark
        // (`陈建平觉得“…”`); else the `name：` label; else the person the text is about, when
        // the nearest name before the quote is theirs. A speech clause that names no one
        // (`有消息说“…”`) gives the quote to no one.
        let after_t = after.trim_start_matches(['，', ',', ' ']);
        let first_after = named_at_start(after_t, &names, &other_names);
        let thought = thought_before(&chars[pi], span.start);
        let speaker: Option<Option<usize>> = if !before.is_empty() {
            Some(named(&before).unwrap_or_else(|| {
                if pronoun(&before) || pronoun(before.rsplit(['，', ',']).next().unwrap_or("")) {
                    subject_at(pi, span.start)
                } else {
                    None
                }
            }))
        } else if let Some(w) = first_after {
            Some(w)
        } else if someone_else(after_t) {
            Some(None)
        } else if has_speech_verb(&after) {
            Some(named(after_t).unwrap_or_else(|| {
                if pronoun(after_t) {
                    subject_at(pi, span.start)
                } else {
                    None
                }
            }))
        } else if let Some(t) = &thought {
            named(t).or_else(|| pronoun(t).then(|| subject_at(pi, span.start)))
        } else {
            // The clause right before the quote has the speaker as its subject
            // (`张晓雯一个人回了成都，“我真的接受不了。”`, `他不愿多谈…，“那就是一场噩梦”`).
            clause_subject(&chars[pi], span.start).and_then(|(at, pron)| {
                if pron {
                    subject_at(pi, span.start).map(Some)
                } else {
                    in_para(&owned, pi)
                        .iter()
                        .find(|o| o.1 == at)
                        .map(|o| Some(o.2))
                }
            })
        };
        // A term counts as speech only when a speech or thought verb introduces it.
        // A short quote without punctuation is speech only when a clause of its own and
        // attributed by a speech or thought verb or a name right after it; else a term.
        if term && !(spoken_term && speaker.is_some_and(|w| w.is_some())) {
            continue;
        }
        let who = match speaker {
            Some(w) => w,
            None => {
                let label = label_speaker(&chars[pi], &names);
                if label.is_some() {
                    label
                } else if quotes::is_slogan(&text) || colon {
                    None
                } else {
                    // The subject of the sentence the quote closes (its first name), else
                    // whoever the paragraph has speaking (`X说，…`), else the person the
                    // text is about; no one when someone unprofiled is named nearer.
                    let c = &chars[pi];
                    let (sent, _) = sentence(c, span.start.saturating_sub(1));
                    let last_owned = in_para(&owned, pi)
                        .iter()
                        .filter(|o| o.1 < span.start)
                        .last()
                        .map(|o| o.1);
                    let last_other = in_para(&other_at, pi)
                        .iter()
                        .filter(|o| o.1 < span.start)
                        .last()
                        .map(|o| o.1);
                    let subject = in_para(&owned, pi)
                        .iter()
                        .find(|o| o.1 >= sent && o.1 < span.start)
                        .map(|o| o.2);
                    let speaking = in_para(&owned, pi)
                        .iter()
                        .filter(|o| o.1 < span.start)
                        .filter(|o| {
                            let e = mentions_end(mentions, people, o);
                            quotes::SPEECH_VERBS.iter().any(|v| {
                                let n = v.chars().count();
                                c.len() >= e + n && c[e..e + n].iter().copied().eq(v.chars())
                            })
                        })
                        .last()
                        .map(|o| o.2);
                    match (last_owned, last_other) {
                        (_, Some(o)) if last_owned.is_none_or(|w| o > w) => None,
                        _ => subject.or(speaking).or_else(|| focus_at(pi, span.start)),
                    }
                }
            }
        };
        if let Some(p) = who {
            // A quote that names its own speaker is addressed to them, not said by them.
            if names[p].iter().any(|nm| text.contains(nm.as_str())) {
                continue;
            }
            out.quotes[p].push(Quote {
                text,
                paragraph: pi,
                offset: span.start,
            });
        }
    }
    out
}

/// The end of the mention at `(paragraph, start)` of `o` (mentions are sorted by place).
fn mentions_end(mentions: &[Mention], _people: &[Person], o: &(usize, usize, usize)) -> usize {
    let k = mentions.partition_point(|m| (m.paragraph, m.start) < (o.0, o.1));
    mentions
        .get(k)
        .filter(|m| m.paragraph == o.0 && m.start == o.1)
        .map_or(o.1, |m| m.end)
}

/// True when the tokens of chars `start..end` make a clause (speech or a thought), not a
/// name or a term: two words or more, one of them a verb, an adverb or a pronoun
/// (`震源肯定是北川`, `很踏实`, not `訪惠聚`, `逆行`, `心理醫生`).
fn is_clause(tokens: &[Token], start: usize, end: usize) -> bool {
    let inside: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.start >= start && t.end <= end && t.tag != Tag::W)
        .collect();
    inside.len() >= 2
        && inside.iter().any(|t| {
            matches!(
                t.tag,
                Tag::V | Tag::D | Tag::R | Tag::Vd | Tag::Ad | Tag::Xc
            )
        })
}

/// The person named at the very start of `s` (profiled: `Some(Some(i))`; not profiled:
/// `Some(None)`).
fn named_at_start(s: &str, names: &[Vec<String>], others: &[String]) -> Option<Option<usize>> {
    for (p, ns) in names.iter().enumerate() {
        if ns.iter().any(|n| s.starts_with(n.as_str())) {
            return Some(Some(p));
        }
    }
    others
        .iter()
        .any(|n| s.starts_with(n.as_str()))
        .then_some(None)
}

/// The subject of the comma-clause right before a quote opening at char `start`: the char
/// offset of its first char when it starts with a name (to be matched against the
/// mentions), or `pron` when it starts with 他/她 (not 他们/她们).
fn clause_subject(c: &[char], start: usize) -> Option<(usize, bool)> {
    let open = start.checked_sub(1)?;
    let comma = open.checked_sub(1)?;
    if !matches!(c.get(comma), Some('，' | ',')) {
        return None;
    }
    let from = c[..comma]
        .iter()
        .rposition(|x| "，,。！？!?；;：:”」".contains(*x))
        .map_or(0, |i| i + 1);
    let from = from
        + c[from..comma]
            .iter()
            .take_while(|x| x.is_whitespace())
            .count();
    match c.get(from..from + 2) {
        Some([p, q]) if matches!(p, '他' | '她') && !matches!(q, '们' | '們') => {
            Some((from, true))
        }
        _ => Some((from, false)),
    }
}

/// Verbs of thinking and feeling that introduce quoted thoughts (`觉得“…”`).
const THOUGHT_VERBS: &[&str] = &[
    "觉得", "覺得", "心想", "想着", "想著", "感觉", "感覺", "以为", "以為", "形容", "认为", "認為",
];

/// The clause before an opening mark at `start` when it ends with a thinking verb.
fn thought_before(c: &[char], start: usize) -> Option<String> {
    let open = start.checked_sub(1)?;
    let s = c[..open]
        .iter()
        .rposition(|x| "。！？!?；;，,”」".contains(*x))
        .map_or(0, |i| i + 1);
    let clause: String = c[s..open].iter().collect();
    THOUGHT_VERBS
        .iter()
        .any(|v| clause.ends_with(v))
        .then_some(clause)
}

fn has_speech_verb(s: &str) -> bool {
    quotes::SPEECH_VERBS.iter().any(|v| s.contains(v))
}

/// `name：` opening the paragraph: the person it names.
fn label_speaker(c: &[char], names: &[Vec<String>]) -> Option<usize> {
    let colon = c.iter().take(8).position(|&x| x == '：' || x == ':')?;
    let label: String = c[..colon].iter().collect();
    names.iter().position(|ns| ns.iter().any(|n| *n == label))
}
