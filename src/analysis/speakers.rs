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

use super::clauses::*;

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
    for k in 0..spans.len() {
        if let Some((p, q)) = r.quote(&spans, k) {
            out[p].push(q);
        }
    }
    out
}

impl Resolver<'_> {
    /// The mentions in paragraph `i` that start in chars `from..to`.
    fn in_range(&self, i: usize, from: usize, to: usize) -> &[Placed] {
        let a = self
            .placed
            .partition_point(|m| (m.paragraph, m.start) < (i, from));
        let b = self
            .placed
            .partition_point(|m| (m.paragraph, m.start) < (i, to));
        &self.placed[a..b.max(a)]
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
        // A quotation right before a noun that ends the clause names it (`「…聯合表揚」活動，`,
        // `“…”精神。`); a noun that goes on is a speaker's role (`“…”老人说`, `“…”体育生X说`).
        let names_noun = ap == pi && {
            let toks = &cx.tokens[pi];
            toks.iter().position(|t| t.start == ai).is_some_and(|j| {
                matches!(toks[j].tag, Tag::N | Tag::Nz | Tag::Nw)
                    && toks.get(j + 1).is_none_or(|t| t.tag == Tag::W)
            })
        };
        let term = quotes::is_term(&text, next) || (no_punct && len <= 24) || names_noun;
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
        let floor = end.saturating_sub(WINDOW);
        while end > floor {
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
        let floor = open.saturating_sub(WINDOW);
        loop {
            if let Some(w) = self.sentence_subject(i, end) {
                return Some(w);
            }
            let start = sentence_start(c, end);
            if start <= floor {
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
            .in_range(i, from, first_verb)
            .iter()
            .find(|m| !in_brackets(c, m.start))
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
        // Nouns may stand between the 的 and the name (`…的会计X今年…`).
        let after_de = |m: &Placed| {
            let Some(de) = c[from..m.start].iter().rposition(|&x| x == '的') else {
                return false;
            };
            let de = from + de;
            !toks.iter().any(|t| {
                t.start > de
                    && t.end <= m.start
                    && !matches!(t.tag, Tag::N | Tag::Nz | Tag::Org | Tag::Loc | Tag::W)
            })
        };
        if let Some(m) = self.in_range(i, from + 1, ce).iter().find(|m| {
            m.start > from
                && after_de(m)
                && !c[from..m.start].iter().any(|&x| matches!(x, '他' | '她'))
                && toks.iter().find(|t| t.start >= m.end).is_some_and(|t| {
                    t.start == m.end
                        && matches!(
                            t.tag,
                            Tag::V | Tag::Vd | Tag::D | Tag::Ad | Tag::P | Tag::Time | Tag::T
                        )
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
            if let Some(m) = self.in_range(i, first_verb + 1, first_verb + 2).first() {
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
        let sent = (open.saturating_sub(WINDOW)..open)
            .rev()
            .find(|&k| SENTENCE_END.contains(&c[k]))
            .map_or(open.saturating_sub(WINDOW), |k| k + 1);
        let here = self.in_range(i, at.saturating_sub(4 * WINDOW), at);
        let last = here.last();
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

#[cfg(test)]
mod tests;
