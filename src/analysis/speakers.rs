//! Who said a quote: the speaker of each quoted span, among the profiled people.
//!
//! The rules follow how Chinese news copy attributes speech (and the corpus README's
//! conventions for what counts as a quote): a name or a pronoun in the speech clause before
//! the opening mark (`X說：「…」`, `但她笑說，「…」`), a name or a speech tag right after
//! the closing mark (`“…”X说。`, `“…”他说。`), a verb of thinking or feeling before it
//! (`感到“…”`), a `name：` label, else the subject of the sentence the quote sits in (the
//! nearest comma-clause before the quote that opens with a name or a pronoun:
//! `X瘪了瘪嘴，她现在是…，“…”`). A clause whose subject is someone else (a group, an
//! unprofiled person, a non-person noun such as 领导) gives the quote to no one.
//!
//! Not quotes: pull-quote headings, scare-quoted terms and titles, slogans, inscriptions
//! (`写着“…”`), quotes after a dash that define a term, and quotes that name or address
//! their own speaker (`来小X，干了`).

use super::candidates::Mention;
use super::people::Person;
use super::tagger::{Tag, Token};
use crate::article::ParagraphKind;
use crate::article::model::Quote;
use crate::article::quotes::{self, SPEECH_VERBS};

/// Sentence-ending marks.
const SENTENCE_END: &[char] = &['。', '！', '!', '？', '?', '；', ';'];

/// Verbs of thinking and feeling that introduce quoted thoughts (`觉得“…”`, `感到“…”`).
pub const THOUGHT_VERBS: &[&str] = &[
    "觉得", "覺得", "心想", "想着", "想著", "感觉", "感覺", "以为", "以為", "形容", "认为", "認為",
    "感到", "担心", "擔心", "怀疑", "懷疑", "反应", "反應", "心里", "心裡", "念叨", "嘀咕",
];

/// Verbs of writing on a surface: what follows in quote marks is an inscription, not speech.
const INSCRIPTION: &[&str] = &[
    "写着", "寫著", "印着", "印著", "标着", "標著", "刻着", "刻著", "贴着", "貼著", "挂着", "掛著",
    "写有", "寫有", "印有", "标有", "標有", "刻有",
];

/// Nouns of written or recited text: a quote after `…的一句台词：` or `…发来的短信：` cites
/// that text, it is not the person's speech.
const TEXT_NOUNS: &[&str] = &[
    "台词", "臺詞", "歌词", "歌詞", "短信", "簡訊", "标语", "標語", "口号", "口號", "横幅", "橫幅",
    "诗句", "詩句", "名言", "留言", "纸条", "紙條", "字样", "字樣", "书上", "書上", "信上",
];

/// Nouns for people that are not named (kin and generic roles): a clause they open has a
/// speaker who is not one of the profiled people (`父亲对她说：`, `领导倒满酒，“…”`).
const PERSON_NOUNS: &[&str] = &[
    "领导", "領導", "老师", "老師", "医生", "醫生", "同学", "同學", "朋友", "邻居", "鄰居", "记者",
    "記者", "司机", "司機", "老板", "老闆", "同事", "网友", "網友",
];

/// Words opening a clause whose subject is a group or an indefinite person.
const SOMEONE_ELSE: &[&str] = &[
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
const OPENERS: &[&str] = &[
    "但是", "可是", "不过", "不過", "于是", "於是", "然而", "而且", "但", "而", "可", "却", "卻",
    "也", "又", "还", "還", "便", "就", "并", "並", "再",
];

/// What the speaker rules need of the analysed text.
pub struct Context<'a> {
    /// Each paragraph's chars.
    pub chars: &'a [Vec<char>],
    /// Each paragraph's tokens.
    pub tokens: &'a [Vec<Token>],
    /// Each paragraph's kind, pull-quote headings marked [`ParagraphKind::Heading`].
    pub kinds: &'a [ParagraphKind],
    /// Every mention found.
    pub mentions: &'a [Mention],
    /// The profiled people.
    pub people: &'a [Person],
    /// Mentions (indices into `mentions`) of people who are not profiled.
    pub others: &'a [usize],
    /// Whom each paragraph is about (see [`super::attach::focus`]).
    pub focus: &'a [Option<usize>],
}

/// Who a clause or a speech tag points to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    /// A profiled person (index into `people`).
    Person(usize),
    /// Someone who is not profiled: a group, an unprofiled name, a non-person noun.
    Nobody,
}

/// What opens a clause as its subject.
#[derive(Clone, Copy)]
enum Opener {
    /// A mention; `true` when it is a possessor (`X的…`).
    Named(Placed, bool),
    /// 他 or 她 at this char offset.
    Pronoun(usize),
    /// A group, a plural pronoun or two people joined (`他和妻子`).
    Group,
}

/// A mention placed in the text: paragraph, char range, and the profiled person (if any).
#[derive(Clone, Copy)]
struct Placed {
    paragraph: usize,
    start: usize,
    end: usize,
    who: Option<usize>,
}

struct Resolver<'a> {
    cx: &'a Context<'a>,
    /// All mentions, profiled and not, sorted by place.
    placed: Vec<Placed>,
    /// Per person: name and aliases.
    names: Vec<Vec<String>>,
    /// Names of people not profiled.
    other_names: Vec<String>,
}

/// The quotes of each profiled person (indexed like `cx.people`), in reading order.
pub fn quotes(cx: &Context) -> Vec<Vec<Quote>> {
    let mut placed: Vec<Placed> = Vec::new();
    for (pi, p) in cx.people.iter().enumerate() {
        for &k in &p.mentions {
            let m = &cx.mentions[k];
            placed.push(Placed {
                paragraph: m.paragraph,
                start: m.start,
                end: m.end,
                who: Some(pi),
            });
        }
    }
    for &k in cx.others {
        let m = &cx.mentions[k];
        placed.push(Placed {
            paragraph: m.paragraph,
            start: m.start,
            end: m.end,
            who: None,
        });
    }
    placed.sort_unstable_by_key(|m| (m.paragraph, m.start));
    let names: Vec<Vec<String>> = cx
        .people
        .iter()
        .map(|p| {
            std::iter::once(p.name.clone())
                .chain(p.aliases.iter().cloned())
                .collect()
        })
        .collect();
    let mut other_names: Vec<String> = cx
        .others
        .iter()
        .map(|&k| cx.mentions[k].name.clone())
        .collect();
    other_names.sort();
    other_names.dedup();
    let r = Resolver {
        cx,
        placed,
        names,
        other_names,
    };
    let mut out = vec![Vec::new(); cx.people.len()];
    let spans = quotes::pair_marks(cx.chars);
    for (k, span) in spans.iter().enumerate() {
        if let Some((p, q)) = r.quote(&spans, k) {
            out[p].push(q);
        }
        let _ = span;
    }
    out
}

impl Resolver<'_> {
    /// The mentions in paragraph `i`.
    fn in_para(&self, i: usize) -> &[Placed] {
        let a = self.placed.partition_point(|m| m.paragraph < i);
        let b = self.placed.partition_point(|m| m.paragraph <= i);
        &self.placed[a..b]
    }

    /// The quote of span `k` and its speaker, if it is a profiled person's speech.
    fn quote(&self, spans: &[quotes::Span], k: usize) -> Option<(usize, Quote)> {
        let cx = self.cx;
        let span = &spans[k];
        let pi = span.paragraph;
        if cx.kinds.get(pi) == Some(&ParagraphKind::Heading) {
            return None;
        }
        let text = span.text.trim().to_string();
        if text.is_empty() {
            return None;
        }
        let c = &cx.chars[pi];
        let (ap, ai) = span.after;
        let len = text.chars().count();
        let no_punct = !text.contains([
            '，', ',', '。', '！', '!', '？', '?', '；', ';', '…', '、', '：', ':',
        ]);
        let clause = is_clause(&cx.tokens[pi], span.start, span.start + len);
        let next = cx.chars[ap].get(ai).copied();
        let term = quotes::is_term(&text, next) || (no_punct && len <= 24);
        let (before, colon) = quotes::clause_before(c, span.start);
        let open = span.start.saturating_sub(1);
        let lead = clause_text(c, open);
        let cited = TEXT_NOUNS.iter().any(|w| {
            before.trim_end().ends_with(w) || lead.trim_end_matches([' ', '：', ':']).ends_with(w)
        });
        if cited
            || INSCRIPTION.iter().any(|v| lead.ends_with(v))
            || lead.ends_with("——")
            || lead.ends_with('—')
        {
            return None;
        }
        // The speech tag after the quote. A run of adjacent quotes (`“…”“…”小朋友们说`) takes
        // a group's tag from the last one, but not a person's: adjacent quotes are often a
        // dialogue (`“我想你啦！”“怎么这么肉麻！”X嗔笑着`).
        let mut last = k;
        while let Some(nx) = spans.get(last + 1) {
            let (lp, li) = spans[last].after;
            let gap = cx.chars[lp].get(li..).unwrap_or(&[]);
            let ws = gap.iter().take_while(|x| x.is_whitespace()).count();
            if nx.paragraph == lp && nx.start == li + ws + 1 {
                last += 1;
            } else {
                break;
            }
        }
        let run_group = last > k && {
            let (lp, li) = spans[last].after;
            starts_someone_else(&quotes::sentence_after(&cx.chars[lp], li))
        };
        let after = quotes::sentence_after(&cx.chars[ap], ai);
        // A sentence of several clauses that ends in a speech verb right before the next
        // opening mark is that quote's tag, not this one's (`“…。”他…，有时也会说“…”`).
        let tail = after.trim_end_matches(['，', ',', '：', ':', ' ']);
        let next_open = cx.chars[ap]
            .get(ai + after.chars().count())
            .is_some_and(|&x| matches!(x, '“' | '「'));
        let after = if next_open && tail.contains(['，', ',']) && has_speech_verb_end(tail) {
            String::new()
        } else {
            after
        };
        let after_t = after.trim_start_matches(['，', ',', ' ']).to_string();
        let thought = thought_before(c, span.start);
        let speaker: Option<Who> = if !before.is_empty() {
            // The speech clause is the last comma-clause; when it names no one, the
            // sentence's subject speaks (`X看着她，笑着说：`, not `X梦见父亲，父亲…对她说：`).
            let last_clause = before.rsplit(['，', ',']).next().unwrap_or("");
            Some(self.in_clause(last_clause).unwrap_or_else(|| {
                if starts_someone_else(last_clause) || unnamed_speaker(last_clause) {
                    Who::Nobody
                } else if pronoun(last_clause) {
                    self.pronoun_at(pi, span.start)
                } else {
                    self.sentence_subject(pi, open).unwrap_or(Who::Nobody)
                }
            }))
        } else if run_group {
            Some(Who::Nobody)
        } else if let Some(w) = self
            .named_at_start(&after_t)
            .filter(|_| has_speech_verb(&after) || !text.ends_with(['。', '．', '.']))
        {
            // `“不是！”X瞪着他`; after a full stop a name opens the next sentence instead,
            // unless a speech verb follows (`“…。”X说`).
            Some(w)
        } else if starts_someone_else(&after_t) {
            Some(Who::Nobody)
        } else if has_speech_verb(&after) {
            Some(self.in_clause(&after_t).unwrap_or_else(|| {
                if pronoun(&after_t) {
                    self.pronoun_at(pi, span.start)
                } else {
                    Who::Nobody
                }
            }))
        } else if pronoun(&after_t) && ap == pi {
            // `“…”，他拿着烟的手垂下来`: the pronoun opening the clause after is the speaker.
            Some(self.pronoun_at(pi, span.start))
        } else if let Some(t) = &thought {
            Some(self.in_clause(t).unwrap_or_else(|| {
                if pronoun(t) {
                    self.pronoun_at(pi, span.start)
                } else {
                    self.sentence_subject(pi, open).unwrap_or(Who::Nobody)
                }
            }))
        } else {
            None
        };
        // A term counts as speech only when a speech tag, a thinking verb or a colon clause
        // gives it a speaker and it is a clause of its own (`感到“很踏实”`, not `“逆行”`).
        let spoken_term = no_punct && clause && len >= 3 && next != Some('的');
        // A spoken term with no tag is speech when it ends its clause and the sentence has a
        // profiled subject (`X瘪了瘪嘴，…，“没必要装得很沉痛嘛”。`).
        let ends_clause = next.is_none_or(|x| "，,。！？!?；;：:…）)".contains(x));
        // … and opens one: after a comma or a conjunction (`因为“…”`), not inside a phrase
        // (`被评为“…”`, `印象是“…”`).
        let opens_clause = open == 0
            || "，,：:。！？!?；;".contains(c[open - 1])
            || cx.tokens[pi]
                .iter()
                .find(|t| t.end == open)
                .is_some_and(|t| t.tag == Tag::C)
            || c[..open].ends_with(&['因', '为'])
            || c[..open].ends_with(&['因', '為']);
        let introduced = !before.is_empty() || thought.is_some();
        let speaker = match speaker {
            Some(_) if term && !introduced && !opens_clause => None,
            None if term && spoken_term && ends_clause && opens_clause => self
                .sentence_subject(pi, open)
                .filter(|w| matches!(w, Who::Person(_))),
            s => s,
        };
        let attributed = matches!(speaker, Some(Who::Person(_)));
        if term && !(spoken_term && attributed) {
            return None;
        }
        let who = match speaker {
            Some(w) => w,
            None => {
                if let Some(p) = label_speaker(c, &self.names) {
                    Who::Person(p)
                } else if quotes::is_slogan(&text) || colon {
                    Who::Nobody
                } else {
                    let start = sentence_start(c, open);
                    let prev = (start == open && start > 0).then(|| sentence_start(c, start - 1));
                    self.speech_opening(pi, start, open)
                        .or_else(|| prev.and_then(|ps| self.speech_opening(pi, ps, start)))
                        .or_else(|| self.topic_subject(pi, open))
                        .or_else(|| self.fallback(pi, span.start))
                        .unwrap_or(Who::Nobody)
                }
            }
        };
        let Who::Person(p) = who else { return None };
        // A quote that names its speaker, or calls them 小X/老X, is addressed to them.
        let addressed = self.names[p].iter().any(|nm| {
            text.contains(nm.as_str())
                || (nm.chars().count() >= 2
                    && nm.chars().all(is_han)
                    && nm.chars().next().is_some_and(|s| {
                        text.contains(&format!("小{s}")) || text.contains(&format!("老{s}"))
                    }))
        });
        if addressed {
            return None;
        }
        Some((
            p,
            Quote {
                text,
                paragraph: pi,
                offset: span.start,
            },
        ))
    }

    /// The person named in a speech clause: the last name before the speech verb that is
    /// not its addressee (`A听到B说` → B; `对她说`, `告诉A` name the listener).
    fn in_clause(&self, clause: &str) -> Option<Who> {
        let masked = mask_not_speech(clause);
        let verb = SPEECH_VERBS
            .iter()
            .chain(THOUGHT_VERBS)
            .filter_map(|v| masked.find(v))
            .min()
            .unwrap_or(clause.len());
        let head = &clause[..verb];
        let mut best: Option<(usize, Who)> = None;
        let all = self
            .names
            .iter()
            .enumerate()
            .flat_map(|(p, ns)| ns.iter().map(move |n| (n.as_str(), Who::Person(p))))
            .chain(self.other_names.iter().map(|n| (n.as_str(), Who::Nobody)));
        for (nm, who) in all.filter(|(nm, _)| !nm.is_empty()) {
            if let Some(at) = head.rfind(nm) {
                let addressee = ["对", "對", "向", "跟", "给", "給"]
                    .iter()
                    .any(|p| head[..at].ends_with(p));
                // A name followed by 的 modifies a noun (`X的同路人`): not the speaker.
                let possessive = head[at + nm.len()..].starts_with('的');
                if !addressee && !possessive && best.is_none_or(|b| at > b.0) {
                    best = Some((at, who));
                }
            }
        }
        best.map(|b| b.1)
    }

    /// The person named at the very start of `s`.
    fn named_at_start(&self, s: &str) -> Option<Who> {
        for (p, ns) in self.names.iter().enumerate() {
            if ns
                .iter()
                .any(|n| !n.is_empty() && s.starts_with(n.as_str()))
            {
                return Some(Who::Person(p));
            }
        }
        self.other_names
            .iter()
            .any(|n| !n.is_empty() && s.starts_with(n.as_str()))
            .then_some(Who::Nobody)
    }

    /// Whom 他/她 stands for at char `at` of paragraph `i`: the subject of the nearest
    /// clause before it that opens with a name (`X的…` included, not a name in brackets such
    /// as a byline), walking back over the paragraph; else the person the previous paragraph
    /// ended about.
    fn pronoun_at(&self, i: usize, at: usize) -> Who {
        let c = &self.cx.chars[i];
        let mut end = at.min(c.len());
        while end > 0 {
            let cs = clause_start(c, 0, end);
            if let Some(Opener::Named(m, _)) = self.clause_opener(i, cs, end) {
                if !in_brackets(c, m.start) {
                    return m.who.map_or(Who::Nobody, Who::Person);
                }
            }
            if cs == 0 {
                break;
            }
            end = cs - 1;
        }
        let prev = (i > 0 && self.cx.kinds.get(i) != Some(&ParagraphKind::Heading))
            .then(|| self.cx.focus[i - 1])
            .flatten();
        prev.map_or(Who::Nobody, Who::Person)
    }

    /// The speaker of a sentence of paragraph `i` (chars `start..end`) that opens with a
    /// speech clause (`X坦言，…`, `X说，…`): the person that clause names.
    fn speech_opening(&self, i: usize, start: usize, end: usize) -> Option<Who> {
        let c = &self.cx.chars[i];
        let first_end = (start..end).find(|&k| matches!(c[k], '，' | ','))?;
        let clause: String = c[start..first_end].iter().collect();
        if !has_speech_verb_end(clause.trim_end()) {
            return None;
        }
        self.in_clause(&clause).or_else(|| {
            pronoun(&clause).then(|| {
                self.pronoun_at(
                    i,
                    start
                        + clause
                            .find(['他', '她'])
                            .map_or(0, |b| clause[..b].chars().count()),
                )
            })
        })
    }

    /// The subject of the sentence up to char `open` ([`Self::sentence_subject`]); when that
    /// sentence has none, the topic goes on from the sentences before it in the paragraph
    /// (zero anaphora): the nearest earlier subject.
    fn topic_subject(&self, i: usize, open: usize) -> Option<Who> {
        let c = &self.cx.chars[i];
        let mut end = open;
        loop {
            if let Some(w) = self.sentence_subject(i, end) {
                return Some(w);
            }
            let start = sentence_start(c, end);
            if start == 0 {
                return None;
            }
            end = start - 1;
        }
    }

    /// The subject of the sentence in paragraph `i` that runs up to char `open`: walking
    /// back over its clauses (split at commas and colons), the first that opens with a
    /// subject. A clause opening with a verb, a preposition or a possessive (`X的眼睛`) has
    /// none that can speak (the walk goes on); one that opens with a name, a pronoun, a group
    /// or two people joined (`他和妻子`) has one. `None` when the sentence names no subject
    /// before `open`.
    fn sentence_subject(&self, i: usize, open: usize) -> Option<Who> {
        let c = &self.cx.chars[i];
        let start = sentence_start(c, open);
        let mut end = open;
        while end > start {
            let cs = clause_start(c, start, end);
            match self.clause_opener(i, cs, end) {
                Some(Opener::Named(m, false)) => {
                    return Some(m.who.map_or(Who::Nobody, Who::Person));
                }
                Some(Opener::Pronoun(k)) => return Some(self.pronoun_at(i, k)),
                Some(Opener::Group) => return Some(Who::Nobody),
                Some(Opener::Named(_, true)) | None => {}
            }
            if cs == start {
                break;
            }
            end = cs - 1;
        }
        None
    }

    /// What opens the clause `cs..ce` of paragraph `i` as its subject, if anything: a
    /// mention or 他/她 before the clause's first verb or preposition, or a group.
    fn clause_opener(&self, i: usize, cs: usize, ce: usize) -> Option<Opener> {
        let c = &self.cx.chars[i];
        let toks = &self.cx.tokens[i];
        // Quoted words (`被“领导脾气大”这一问题所困`) have no subject of the sentence.
        if cs > 0 && matches!(c[cs - 1], '“' | '「' | '『') {
            return None;
        }
        let text: String = c[cs..ce].iter().collect();
        let t = text.trim_start();
        let skipped = text.chars().count() - t.chars().count();
        let (t, skipped) = match OPENERS
            .iter()
            .find_map(|o| t.strip_prefix(o).map(|r| (r, o)))
        {
            Some((r, o)) => (r, skipped + o.chars().count()),
            None => (t, skipped),
        };
        if starts_someone_else(t) {
            return Some(Opener::Group);
        }
        let from = cs + skipped;
        let first_verb = toks
            .iter()
            .filter(|t| t.start >= from && t.start < ce)
            .find(|t| matches!(t.tag, Tag::V | Tag::Vd | Tag::P | Tag::A))
            .map_or(ce, |t| t.start);
        let joint = |e: usize| {
            // A bracket right after the name (`X（左）、Y`) is skipped.
            let e = if matches!(c.get(e), Some('（' | '(')) {
                c[e..]
                    .iter()
                    .position(|&x| x == '）' || x == ')')
                    .map_or(e, |k| e + k + 1)
            } else {
                e
            };
            matches!(
                c.get(e),
                Some('和' | '与' | '與' | '跟' | '同' | '及' | '、')
            ) || matches!(c.get(e..e + 2), Some(['以', '及']))
        };
        // `X和Y的…`: X is a possessor, not one of a group.
        let possessed = |e: usize| c[e..first_verb.max(e)].contains(&'的');
        if let Some(m) = self
            .in_para(i)
            .iter()
            .find(|m| m.start >= from && m.start < first_verb && !in_brackets(c, m.start))
        {
            if joint(m.end) {
                // `X和Y的同路人`: a possessor; `X和Y`: a group.
                return Some(if possessed(m.end) {
                    Opener::Named(*m, true)
                } else {
                    Opener::Group
                });
            }
            return Some(Opener::Named(*m, c.get(m.end) == Some(&'的')));
        }
        // A name after a 的-clause that opens the clause is its head (`擔任房仲的X談起…`).
        if let Some(m) = self.in_para(i).iter().find(|m| {
            m.start > from
                && m.start < ce
                && c[m.start - 1] == '的'
                && !c[from..m.start].iter().any(|&x| matches!(x, '他' | '她'))
                && toks.iter().find(|t| t.start >= m.end).is_some_and(|t| {
                    t.start == m.end
                        && matches!(t.tag, Tag::V | Tag::Vd | Tag::D | Tag::Ad | Tag::P)
                })
        }) {
            return Some(Opener::Named(*m, false));
        }
        // An existential clause (`更有幾位老人參與`, `没有看到…`) has no subject.
        if toks
            .iter()
            .find(|t| t.start >= from && t.start < ce && t.tag != Tag::D && t.tag != Tag::W)
            .is_some_and(|t| {
                t.tag == Tag::V && matches!(c[t.start..t.end], ['有'] | ['没', '有'] | ['沒', '有'])
            })
        {
            return None;
        }
        // A kin word or a role noun opening the clause: someone unnamed is its subject.
        let opening: String = c[from..first_verb.min(from + 4)].iter().collect();
        if PERSON_NOUNS.iter().any(|w| opening.starts_with(w))
            || (1..=opening.chars().count())
                .any(|n| super::roles::is_kin(&opening.chars().take(n).collect::<String>()))
        {
            return Some(Opener::Group);
        }
        // A causative verb makes its object the subject of what follows (`令她了解…`).
        let causes = matches!(c.get(first_verb), Some('令' | '让' | '讓' | '使'));
        if causes {
            if let Some(m) = self.in_para(i).iter().find(|m| m.start == first_verb + 1) {
                return Some(Opener::Named(*m, false));
            }
        }
        let causative = causes && matches!(c.get(first_verb + 1), Some('他' | '她'));
        let limit = if causative {
            first_verb + 2
        } else {
            first_verb
        };
        let k = (from..limit).find(|&k| matches!(c[k], '他' | '她'))?;
        Some(if matches!(c.get(k + 1), Some('们' | '們')) {
            Opener::Group
        } else if joint(k + 1) && !possessed(k + 1) {
            Opener::Group
        } else if joint(k + 1) {
            Opener::Pronoun(k)
        } else if c.get(k + 1) == Some(&'的') {
            return None;
        } else {
            Opener::Pronoun(k)
        })
    }

    /// When nothing in the sentence attributes the quote: the first profiled person named in
    /// its sentence, else whoever the paragraph has speaking (`X说，…`), else the person the
    /// text is about; no one when an unprofiled person is named nearer.
    fn fallback(&self, i: usize, at: usize) -> Option<Who> {
        let c = &self.cx.chars[i];
        let open = at.saturating_sub(1);
        let sent = (0..open)
            .rev()
            .find(|&k| SENTENCE_END.contains(&c[k]))
            .map_or(0, |k| k + 1);
        let here = self.in_para(i);
        let last = here.iter().filter(|m| m.start < at).last();
        if let Some(m) = last {
            if m.who.is_none() {
                return Some(Who::Nobody);
            }
        }
        let subject = here
            .iter()
            .find(|m| m.start >= sent && m.start < at)
            .and_then(|m| m.who);
        let speaking = here
            .iter()
            .filter(|m| m.start < at)
            .filter(|m| {
                SPEECH_VERBS.iter().any(|v| {
                    let n = v.chars().count();
                    c.len() >= m.end + n && c[m.end..m.end + n].iter().copied().eq(v.chars())
                })
            })
            .last()
            .and_then(|m| m.who);
        let focus = here.iter().filter(|m| m.start < at).last().map_or_else(
            || {
                (i > 0 && self.cx.kinds.get(i) != Some(&ParagraphKind::Heading))
                    .then(|| self.cx.focus[i - 1])
                    .flatten()
            },
            |m| m.who,
        );
        subject.or(speaking).or(focus).map(Who::Person)
    }
}

/// The start of the sentence that runs up to char `end` (a sentence end followed by a
/// closing quote mark does not end it).
fn sentence_start(c: &[char], end: usize) -> usize {
    (0..end.min(c.len()))
        .rev()
        .find(|&k| {
            SENTENCE_END.contains(&c[k])
                && !c.get(k + 1).is_some_and(|x| matches!(x, '”' | '」' | '』'))
        })
        .map_or(0, |k| k + 1)
}

/// The start of the clause (split at commas, colons and quote marks) that ends at char
/// `end`, not before `start`.
fn clause_start(c: &[char], start: usize, end: usize) -> usize {
    c[start..end]
        .iter()
        .rposition(|x| "，,：:、“”「」。！？!?；;…）)】".contains(*x))
        .map_or(start, |k| start + k + 1)
}

/// True when char `at` is inside round brackets (a byline such as `（记者X）`).
fn in_brackets(c: &[char], at: usize) -> bool {
    let open = c[..at].iter().rposition(|&x| x == '（' || x == '(');
    let close = c[..at].iter().rposition(|&x| x == '）' || x == ')');
    match (open, close) {
        (Some(o), Some(cl)) => o > cl,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The comma-clause ending at char `end` (exclusive).
fn clause_text(c: &[char], end: usize) -> String {
    let s = c[..end.min(c.len())]
        .iter()
        .rposition(|x| "。！？!?；;，,”」".contains(*x))
        .map_or(0, |i| i + 1);
    c[s..end.min(c.len())].iter().collect()
}

/// True when the tokens of chars `start..end` make a clause (speech or a thought), not a
/// name or a term: two words or more, one of them a verb, an adverb, an adjective or a
/// pronoun (`震源肯定是北川`, `很踏实`, `老师好`; not `訪惠聚`, `逆行`, `心理醫生`).
fn is_clause(tokens: &[Token], start: usize, end: usize) -> bool {
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
fn thought_before(c: &[char], start: usize) -> Option<String> {
    let open = start.checked_sub(1)?;
    let clause = clause_text(c, open);
    THOUGHT_VERBS
        .iter()
        .any(|v| clause.ends_with(v))
        .then_some(clause)
}

/// True when `s` ends with a speech verb (`…地说`).
fn has_speech_verb_end(s: &str) -> bool {
    let s = mask_not_speech(s);
    SPEECH_VERBS.iter().any(|v| s.ends_with(v))
}

/// Words that contain a speech verb's characters without being speech (`知道`, `问题`).
const NOT_SPEECH: &[&str] = &[
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
fn mask_not_speech(s: &str) -> String {
    let mut out = s.to_string();
    for w in NOT_SPEECH {
        out = out.replace(w, &"　".repeat(w.chars().count()));
    }
    out
}

/// True when `s` holds a speech verb (not inside [`NOT_SPEECH`] words).
fn has_speech_verb(s: &str) -> bool {
    let s = mask_not_speech(s);
    SPEECH_VERBS.iter().any(|v| s.contains(v))
}

/// True when `clause` opens (after a conjunction) with 他 or 她, not 他们/她们.
fn pronoun(clause: &str) -> bool {
    let c = clause.trim_start_matches(['，', ',', ' ']);
    let c = OPENERS.iter().find_map(|o| c.strip_prefix(o)).unwrap_or(c);
    c.starts_with(['他', '她'])
        && !["他们", "她们", "他們", "她們"]
            .iter()
            .any(|p| c.starts_with(p))
}

/// True when the speaker of a speech clause is an unnamed person: the words before its
/// speech verb end with 人, a plural or a person noun (`守门的人说`, `旁边的老师说`).
fn unnamed_speaker(clause: &str) -> bool {
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
fn starts_someone_else(clause: &str) -> bool {
    let c = clause.trim_start_matches(['，', ',', ' ']);
    let c = OPENERS.iter().find_map(|o| c.strip_prefix(o)).unwrap_or(c);
    SOMEONE_ELSE.iter().any(|w| c.starts_with(w))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `name：` opening the paragraph: the person it names.
fn label_speaker(c: &[char], names: &[Vec<String>]) -> Option<usize> {
    let colon = c.iter().take(8).position(|&x| x == '：' || x == ':')?;
    let label: String = c[..colon].iter().collect();
    names.iter().position(|ns| ns.iter().any(|n| *n == label))
}
