//! Direct quotes: speech in quotation marks, attributed to the profiled person.
//!
//! Marks pair per paragraph: “…” and 「…」 are outer marks (whichever opens first), the other
//! kind and ‘…’ 『…』 nest inside and stay in the text. A second opening mark of the same kind
//! before a close means the first was never closed: the scan restarts there, so an unbalanced
//! mark never shifts later quotes. A paragraph that ends inside a quote continues into the
//! next paragraph when that one opens with the same mark (the convention for speech over
//! several paragraphs). A closing mark with no opening one ends a quote that started at the
//! paragraph's beginning when the text before it ends like a sentence (the opening mark was
//! lost); otherwise it is ignored.
//!
//! Not quotes: short terms without clause punctuation (scare quotes: “逆行”, “熱線”), and
//! unattributed slogans made of short parallel clauses. Speech attributed to someone else
//! (a speaker clause with a speech verb that names neither the person nor 他/她) is left out.

use super::model::Quote;

/// Speech verbs (both scripts) that attribute a quote, before a colon or after the close.
pub const SPEECH_VERBS: &[&str] = &[
    "說", "说", "道", "表示", "告訴", "告诉", "坦言", "介紹", "介绍", "感慨", "笑言", "回憶",
    "回忆", "強調", "强调", "解釋", "解释", "稱", "称", "問", "问", "答", "喊", "叮囑", "叮嘱",
    "提醒", "直言", "談到", "谈到", "補充", "补充", "感嘆", "感叹", "講", "讲", "透露", "寫道",
    "写道", "的話", "的话",
];

/// Sentence and clause punctuation inside a quote that marks it as speech, not a term.
const SPEECH_PUNCT: &[char] = &[
    '，', ',', '。', '！', '!', '？', '?', '；', ';', '…', '、', '：', ':',
];
/// Marks that end a sentence.
const SENTENCE_END: &[char] = &['。', '！', '!', '？', '?', '…'];
/// Pronouns that refer back to the profiled person in a speaker clause.
const PRONOUNS: &[&str] = &["他", "她"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double, // “ ”
    Corner, // 「 」
}

fn opener(c: char) -> Option<Kind> {
    match c {
        '“' => Some(Kind::Double),
        '「' => Some(Kind::Corner),
        _ => None,
    }
}

fn closer(c: char) -> Option<Kind> {
    match c {
        '”' => Some(Kind::Double),
        '」' => Some(Kind::Corner),
        _ => None,
    }
}

/// A quoted span found by pairing marks: paragraph, char range of the inner text, and for a
/// quote that runs on, the extra paragraphs' inner texts.
struct Span {
    paragraph: usize,
    start: usize,
    text: String,
    /// Paragraph and char index just after the closing mark (for the speaker after it).
    after: (usize, usize),
}

fn pair_marks(paragraphs: &[Vec<char>]) -> Vec<Span> {
    let mut spans = Vec::new();
    // An open quote carried over from the previous paragraph: (paragraph, start, text so far).
    let mut carry: Option<(usize, usize, Kind, String)> = None;
    for (pi, chars) in paragraphs.iter().enumerate() {
        let mut open: Option<(Kind, usize)> = None;
        let mut seen_mark = false;
        let mut cont = carry
            .take()
            .filter(|(_, _, k, _)| chars.first().and_then(|&c| opener(c)) == Some(*k));
        for (i, &c) in chars.iter().enumerate() {
            if let Some(k) = opener(c) {
                if cont.is_some() && i == 0 {
                    open = Some((k, 0));
                } else if open.is_none_or(|(ok, _)| ok == k) {
                    cont = None;
                    open = Some((k, i));
                }
                seen_mark = true;
            } else if let Some(k) = closer(c) {
                match open {
                    Some((ok, s)) if ok == k => {
                        let inner: String = chars[s + 1..i].iter().collect();
                        if let Some((cp, cs, _, mut text)) = cont.take() {
                            text.push('\n');
                            text.push_str(&inner);
                            spans.push(Span {
                                paragraph: cp,
                                start: cs,
                                text,
                                after: (pi, i + 1),
                            });
                        } else {
                            spans.push(Span {
                                paragraph: pi,
                                start: s + 1,
                                text: inner,
                                after: (pi, i + 1),
                            });
                        }
                        open = None;
                    }
                    None if !seen_mark && i > 0 && SENTENCE_END.contains(&chars[i - 1]) => {
                        // The opening mark was lost: the quote starts at the paragraph.
                        let inner: String = chars[..i].iter().collect();
                        spans.push(Span {
                            paragraph: pi,
                            start: 0,
                            text: inner,
                            after: (pi, i + 1),
                        });
                    }
                    _ => {}
                }
                seen_mark = true;
            }
        }
        if let Some((k, s)) = open {
            let inner: String = chars[s + 1..].iter().collect();
            carry = match cont {
                Some((cp, cs, _, mut text)) => {
                    text.push('\n');
                    text.push_str(&inner);
                    Some((cp, cs, k, text))
                }
                None => Some((pi, s + 1, k, inner)),
            };
        }
    }
    spans
}

/// Who a speaker clause names.
#[derive(Debug, PartialEq)]
enum Speaker {
    /// No speaker clause: an unattributed quote.
    Unattributed,
    /// The profiled person (by name, given name, or pronoun).
    Person,
    /// A speech verb with a subject that is not the person.
    Other,
}

/// Words that open a clause with its own subject other than the profiled person: a counted
/// someone (一个学生), family, neighbours, colleagues, the reporter, a crowd.
pub const OTHER_SUBJECTS: &[&str] = &[
    "一个", "一個", "一位", "一名", "有人", "有位", "有个", "有個", "几位", "幾位", "妻子", "丈夫",
    "老伴", "母亲", "母親", "父亲", "父親", "妈妈", "媽媽", "爸爸", "儿子", "兒子", "女儿", "女兒",
    "孩子", "家人", "同事", "学生", "學生", "村民", "居民", "患者", "病人", "老人", "领导", "領導",
    "记者", "記者", "网友", "網友", "群众", "群眾", "大家", "他们", "他們", "她们", "她們", "邻居",
    "鄰居", "乡亲", "鄉親", "队员", "隊員", "战友", "戰友", "阿姨", "大爷", "大爺", "奶奶", "爷爷",
    "爺爺", "老师", "老師",
];

/// Whether `clause` begins with 他/她 (within its first three characters, as in 随后她说),
/// not 他们/她们 and not 她的 (王奶奶拉着她的手说 is not hers).
fn starts_with_pronoun(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    chars.iter().take(3).enumerate().any(|(i, c)| {
        PRONOUNS.iter().any(|p| p.starts_with(*c))
            && !matches!(chars.get(i + 1), Some('的' | '們' | '们'))
    })
}

/// Who a speaker clause names. The subject of the speech verb is looked for in the last
/// comma-clause: the person when it holds one of `names` or begins with 他/她; someone else
/// when it begins with another subject ([`OTHER_SUBJECTS`]). A last clause without a
/// subject of its own (迅速撥通了電話) shares the sentence's: the person when any clause
/// names them or begins with 他/她. Otherwise someone else when there is a speech verb or
/// the clause ends with a colon (`colon`), else unattributed.
fn speaker(clause: &str, names: &[String], colon: bool) -> Speaker {
    if clause.is_empty() {
        return Speaker::Unattributed;
    }
    let named = |c: &str| {
        names
            .iter()
            .any(|n| !n.is_empty() && c.contains(n.as_str()))
    };
    let last = clause.rsplit(['，', ',']).next().unwrap_or(clause);
    if named(last) || starts_with_pronoun(last) {
        return Speaker::Person;
    }
    let last = last.trim_start_matches(['“', '”', '「', '」', ' ']);
    if OTHER_SUBJECTS.iter().any(|w| last.starts_with(w)) {
        return Speaker::Other;
    }
    if named(clause) || clause.split(['，', ',']).any(starts_with_pronoun) {
        return Speaker::Person;
    }
    if colon || SPEECH_VERBS.iter().any(|v| clause.contains(v)) {
        Speaker::Other
    } else {
        Speaker::Unattributed
    }
}

/// The speaker clause before an opening mark: from the last sentence end up to the mark,
/// when it ends with a colon or a speech verb; and whether it ends with a colon.
fn clause_before(chars: &[char], start: usize) -> (String, bool) {
    let open = start.saturating_sub(1);
    let s = chars[..open]
        .iter()
        .rposition(|c| SENTENCE_END.contains(c) || closer(*c).is_some())
        .map_or(0, |i| i + 1);
    let clause: String = chars[s..open].iter().collect();
    let core = clause.trim_end_matches([':', '：', ',', '，']);
    let colon = clause.ends_with([':', '：']);
    if colon || SPEECH_VERBS.iter().any(|v| core.ends_with(v)) {
        (core.to_string(), colon)
    } else {
        (String::new(), false)
    }
}

/// The speaker clause after a closing mark: up to the next clause mark, when it holds a
/// speech verb.
fn clause_after(chars: &[char], from: usize) -> String {
    let rest = chars.get(from..).unwrap_or(&[]);
    let e = rest
        .iter()
        .position(|c| SPEECH_PUNCT.contains(c) || opener(*c).is_some())
        .unwrap_or(rest.len());
    let clause: String = rest[..e].iter().collect();
    if clause.chars().count() <= 20 && SPEECH_VERBS.iter().any(|v| clause.contains(v)) {
        clause
    } else {
        String::new()
    }
}

/// A scare-quoted term or a title: short, no clause punctuation inside.
fn is_term(text: &str) -> bool {
    text.chars().count() <= 10 && !text.contains(SPEECH_PUNCT)
}

/// A slogan: unattributed, at least two clauses, every clause at most seven characters, and
/// no first or second person (今年春節不尋常,聽從指揮家中宅,…).
fn is_slogan(text: &str) -> bool {
    let clauses: Vec<&str> = text
        .split(SPEECH_PUNCT)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    clauses.len() >= 2
        && clauses.iter().all(|c| c.chars().count() <= 7)
        && !["我", "你", "咱", "您"].iter().any(|p| text.contains(p))
}

/// Finds the quotes of the person called `name` in their section's `paragraphs`.
/// `Quote::paragraph` indexes that slice and `Quote::offset` counts chars.
pub fn find_quotes(paragraphs: &[String], name: &str) -> Vec<Quote> {
    let chars: Vec<Vec<char>> = paragraphs.iter().map(|p| p.chars().collect()).collect();
    let names = super::profiles::aliases(name);
    let mut quotes = Vec::new();
    for span in pair_marks(&chars) {
        let text = span.text.trim().to_string();
        if text.is_empty() || is_term(&text) {
            continue;
        }
        let before = clause_before(&chars[span.paragraph], span.start);
        let (ap, ai) = span.after;
        let after = clause_after(&chars[ap], ai);
        let who = match speaker(&before.0, &names, before.1) {
            Speaker::Unattributed => speaker(&after, &names, false),
            s => s,
        };
        match who {
            Speaker::Other => continue,
            Speaker::Unattributed if is_slogan(&text) => continue,
            _ => {}
        }
        quotes.push(Quote {
            text,
            paragraph: span.paragraph,
            offset: span.start,
        });
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(ps: &[&str], name: &str) -> Vec<String> {
        let ps: Vec<String> = ps.iter().map(|s| s.to_string()).collect();
        find_quotes(&ps, name).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn speech_is_kept_and_terms_are_not() {
        assert_eq!(
            q(
                &["他是居民的“热线”。“我们不退，坚持到底。”王芳说。"],
                "王芳"
            ),
            vec!["我们不退，坚持到底。"]
        );
    }

    #[test]
    fn someone_elses_speech_is_left_out() {
        assert!(q(&["居民李大爷说：“她每天都来，真不容易。”"], "王芳").is_empty());
        assert_eq!(
            q(&["她笑着说：“没什么，应该的。”"], "王芳"),
            vec!["没什么，应该的。"]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_shift_later_quotes() {
        assert_eq!(
            q(
                &[
                    "我们是党员，要冲在前面！”他说。后来“热线”来了。",
                    "“第二句话，很长很长。”王芳说。"
                ],
                "王芳"
            ),
            vec!["我们是党员，要冲在前面！", "第二句话，很长很长。"]
        );
        // An opener that never closes is dropped at the next opener.
        assert_eq!(
            q(&["“开头没有结束，“真正的话，在这里。”王芳说"], "王芳"),
            vec!["真正的话，在这里。"]
        );
    }

    #[test]
    fn speech_over_two_paragraphs_is_one_quote() {
        assert_eq!(
            q(&["王芳说：“第一段话，", "“第二段话。”"], "王芳"),
            vec!["第一段话，\n第二段话。"]
        );
    }

    #[test]
    fn nested_marks_stay_inside() {
        assert_eq!(
            q(&["“这是对我们的‘大考’，不退。”王芳说。"], "王芳"),
            vec!["这是对我们的‘大考’，不退。"]
        );
    }

    #[test]
    fn slogans_are_not_quotes() {
        assert!(q(&["“听安排，不出门，宅在家，养精神！”"], "王芳").is_empty());
    }
}
