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
//! - **Quotes** go to their speaker ([`super::speakers`]).

use super::candidates::Mention;
use super::people::Person;
use super::tagger::Token;
use crate::article::ParagraphKind;
use crate::article::model::{Quote, Stat};

/// Words that make a sentence about several people at once.
const PLURAL: &[&str] = &[
    "他们", "他們", "她们", "她們", "三人", "两人", "兩人", "二人", "夫妻", "夫妇", "夫婦", "一家",
    "二人", "俩", "倆",
];

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
    // A line that closes a quotation it did not open (or opens one it does not close) is
    // part of a quotation broken over lines, not a title.
    let opens = t.matches(['“', '「']).count();
    let closes = t.matches(['”', '」']).count();
    (layout_heading
        && (2..=30).contains(&n)
        && !t.ends_with(['。', '，', '：', ':'])
        && opens == closes)
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

/// The sentence around char `i`: its start and end ([`super::clauses`], each bounded to
/// a window of chars so that every walk stays linear). A sentence end inside quote marks (`。”`) does not end the sentence: the speech tag
/// after the closing mark belongs to it (`“…24小時在值守。”林建宏說。`).
fn sentence(c: &[char], i: usize) -> (usize, usize) {
    (
        super::clauses::sentence_start(c, i),
        super::clauses::sentence_end(c, i),
    )
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
        .map(|(i, p)| {
            // The analysis decided which lines are headings (a pull-quote among dialogue
            // is none: `super::pipeline`).
            (kinds.get(i) == Some(&ParagraphKind::Heading))
                .then(|| heading_text(p, true))
                .flatten()
        })
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
        // A heading over a section that names many people (`某某名单`) is the list's title,
        // not one person's heading.
        if counts.len() >= 4 {
            continue;
        }
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
            // A count of people that opens a list of the profiled (`14人中，有…X，…Y`,
            // `入选的4位好人是：`) counts the group, not one of them.
            let people_count = matches!(st.unit.as_str(), "人" | "位" | "名");
            let after_fig = st.offset + st.text.chars().count();
            // Two different profiled people in the sentence (looked for only for a count
            // of people).
            let two_profiled = || {
                let mut people = here.iter().filter(|o| o.1 >= s && o.1 < e).map(|o| o.2);
                people
                    .next()
                    .is_some_and(|first| people.any(|other| other != first))
            };
            // The figure's own clause, to the next comma or colon. A name later in it is the
            // one a 的-clause describes (`隐姓埋名30年的一等功臣刘守业`): it comes first.
            let clause_end = c[st.offset..e]
                .iter()
                .position(|x| "，,：:".contains(*x))
                .map_or(e, |k| st.offset + k);
            // A figure in brackets right after a name is that person's (`X（30歲）、Y（29歲）`).
            let bracketed = (st.offset > 0 && matches!(c[st.offset - 1], '（' | '('))
                .then(|| {
                    here.iter()
                        .find(|o| mentions_end(mentions, people, o) + 1 == st.offset)
                })
                .flatten();
            let later_in_clause = here
                .iter()
                .find(|o| o.1 > st.offset && o.1 < clause_end)
                .filter(|_| bracketed.is_none());
            if nobody_s(
                c,
                i,
                &st,
                (s, e),
                mentions,
                &here,
                later_in_clause.is_some(),
            ) {
                continue;
            }
            // A figure whose clause names no one, given to the enumeration a later clause
            // opens (`夺走了19条生命，也改变了X、Y和Z的人生`), is the event's.
            if later_in_clause.is_none() && !here.iter().any(|o| o.1 >= s && o.1 < st.offset) {
                let first_after = here.iter().find(|o| o.1 > st.offset && o.1 < e);
                if first_after.is_some_and(|a| {
                    let end = mentions_end(mentions, people, a);
                    c.get(end).is_some_and(|x| "、和与與及".contains(*x))
                        && here.iter().any(|o| o.1 > end && o.1 < e && o.2 != a.2)
                }) {
                    continue;
                }
            }
            if people_count
                && (c
                    .get(after_fig)
                    .is_some_and(|x| matches!(x, '中' | '里' | '裡'))
                    || (two_profiled()
                        && here.iter().any(|o| o.1 > st.offset && o.1 < e)
                        && !here.iter().any(|o| o.1 >= s && o.1 < st.offset)
                        && later_in_clause.is_none()))
            {
                continue;
            }
            let before = if later_in_clause.is_some() {
                None
            } else {
                bracketed.or_else(|| here.iter().filter(|o| o.1 >= s && o.1 < st.offset).last())
            };
            let after =
                later_in_clause.or_else(|| here.iter().find(|o| o.1 > st.offset && o.1 < e));
            let owners: Vec<usize> = match (before, after) {
                (Some(b), _) => {
                    // Names joined before it share it (`X与Y成功地向这5家公司…`).
                    let mut v = vec![b.2];
                    let mut start = b.1;
                    for o in here.iter().rev().filter(|o| o.1 < b.1) {
                        let end = mentions_end(mentions, people, o);
                        if end + 1 == start && "、和与與及".contains(c[end]) {
                            if !v.contains(&o.2) {
                                v.push(o.2);
                            }
                            start = o.1;
                        }
                    }
                    v
                }
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
                        // Said of them together (`三人各自投資3萬元`): each person named
                        // before it in this paragraph, else those of the one before, share
                        // it (a plural points back; a person named later is not among them,
                        // and a team's figures told by its leader, `领队X介绍说，…他们…`,
                        // are the leader's).
                        let mut v: Vec<usize> = Vec::new();
                        for para in [i, i.saturating_sub(1)] {
                            for o in in_para(&owned, para)
                                .iter()
                                .filter(|o| o.0 != i || o.1 < st.offset)
                            {
                                if !v.contains(&o.2) {
                                    v.push(o.2);
                                }
                            }
                            if !v.is_empty() {
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
    out.quotes = super::speakers::quotes(&super::speakers::Context {
        chars,
        tokens,
        kinds: &kinds_h,
        mentions,
        people,
        others,
        focus: &focus,
    });
    out
}

/// True when the figure `st` of paragraph `i` (chars `c`, in the sentence `s..e`) is
/// nobody's ([`super::figures`]): a term in quote marks, the total of a list or of an
/// existential count of people, a figure of a sentence that counts a group, or of one about
/// the event that names no profiled person before the figure nor in its clause
/// (`named_in_clause`), nor anyone by a singular pronoun.
fn nobody_s(
    c: &[char],
    i: usize,
    st: &Stat,
    (s, e): (usize, usize),
    mentions: &[Mention],
    here: &[&(usize, usize, usize)],
    named_in_clause: bool,
) -> bool {
    use super::figures;
    let end = st.offset + st.text.chars().count();
    let clause_start = c[s..st.offset]
        .iter()
        .rposition(|x| "，,：:；;".contains(*x))
        .map_or(s, |k| s + k + 1);
    if figures::in_quoted_term(c, st.offset, end)
        || figures::in_photo_caption(c, st.offset, (s, e))
        || (!named_in_clause && figures::reporter_s(c, clause_start, st.offset))
    {
        return true;
    }
    let (a, b) = (
        mentions.partition_point(|m| m.paragraph < i),
        mentions.partition_point(|m| m.paragraph <= i),
    );
    let name_ends = |k: usize| mentions[a..b].iter().any(|m| m.end == k);
    if figures::totals_a_list(c, st.offset, &st.unit, &name_ends)
        || figures::existential(c, st.offset, &st.unit)
    {
        return true;
    }
    let named_before = here.iter().any(|o| o.1 >= s && o.1 < st.offset);
    if named_before || named_in_clause || figures::singular_pronoun(&c[s..e]) {
        return false;
    }
    if figures::event_sentence(&c[s..e]) {
        return true;
    }
    let named_in_sentence = here.iter().any(|o| o.1 >= s && o.1 < e);
    if !named_in_sentence && figures::years_since(c, clause_start, st.offset, end, &st.unit) {
        return true;
    }
    // A sentence that counts a group (`總共有10位居民，年齡介於20歲到30歲`) speaks of the
    // group in all its figures.
    !named_in_sentence
        && crate::article::stats::find_stats(&[c[s..e].iter().collect()])
            .iter()
            .any(|x| figures::existential(&c[s..e], x.offset, &x.unit))
}

/// The end of the mention at `(paragraph, start)` of `o` (mentions are sorted by place).
fn mentions_end(mentions: &[Mention], _people: &[Person], o: &(usize, usize, usize)) -> usize {
    let k = mentions.partition_point(|m| (m.paragraph, m.start) < (o.0, o.1));
    mentions
        .get(k)
        .filter(|m| m.paragraph == o.0 && m.start == o.1)
        .map_or(o.1, |m| m.end)
}
