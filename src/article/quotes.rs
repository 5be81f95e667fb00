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

#[derive(Debug, PartialEq, Clone, Copy)]
enum Speaker {
    /// No speaker clause: an unattributed quote.
    Unattributed,
    /// The profiled person, by a pronoun or the sentence's subject.
    Person,
    /// The profiled person, named as the subject of the speech verb.
    Named,
    /// Someone else.
    Other,
}

/// A grammatical gender, from 他 and 她 and from kinship words.
#[derive(Debug, PartialEq, Clone, Copy)]
enum Gender {
    Male,
    Female,
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

/// Female and male subject words among [`OTHER_SUBJECTS`] and kin (for 她 and 他).
const FEMALE: &[&str] = &[
    "妻子", "母亲", "母親", "妈妈", "媽媽", "女儿", "女兒", "阿姨", "奶奶", "婆婆", "姐姐", "妹妹",
];
const MALE: &[&str] = &[
    "丈夫", "父亲", "父親", "爸爸", "儿子", "兒子", "大爷", "大爺", "爷爷", "爺爺", "哥哥", "弟弟",
];

/// Characters that, before a name in a clause, make it an object rather than the subject
/// (给何静写信, 拉着罗建平的手, 向王芳问好).
const OBJECT_MARKS: &str = "给給向对對跟和与與替为為把被让讓叫问問拉握找帮幫";

/// Adverbs and verbs a clause can open with when its subject is left out (it is the
/// sentence's subject): 迅速撥通了電話, 回忆起当时的情景, 笑着说.
const NO_SUBJECT_STARTS: &[&str] = &[
    "迅速", "马上", "馬上", "立即", "立刻", "随即", "隨即", "便", "就", "却", "卻", "又", "还",
    "還", "也", "都", "再", "才", "赶紧", "趕緊", "连忙", "連忙", "急忙", "笑", "轻声", "輕聲",
    "大声", "大聲", "然后", "然後", "接着", "接著", "随后", "隨後", "于是", "於是", "顿时", "頓時",
    "转身", "轉身", "说起", "說起", "谈起", "談起", "谈到", "談到", "提起", "回忆", "回憶", "想起",
    "事后", "事後",
];

/// The pronoun (and its gender) a clause begins with, within its first three characters
/// (随后她说), not 他们/她们 and not 她的 (王奶奶拉着她的手说 is not hers).
fn leading_pronoun(clause: &str) -> Option<Gender> {
    let chars: Vec<char> = super::chars_of(clause);
    chars.iter().take(3).enumerate().find_map(|(i, c)| {
        let g = match c {
            '他' => Gender::Male,
            '她' => Gender::Female,
            _ => return None,
        };
        (!matches!(chars.get(i + 1), Some('的' | '們' | '们'))).then_some(g)
    })
}

/// Whether one of `names` is the subject of `clause`: it appears, and what comes before it
/// in the clause is short (up to eight characters, such as 34歲的 or 对此) and holds no
/// [`OBJECT_MARKS`] character.
fn names_subject(clause: &str, names: &[String]) -> bool {
    names.iter().filter(|n| !n.is_empty()).any(|n| {
        clause
            .match_indices(n.as_str())
            .next()
            .is_some_and(|(i, _)| {
                let before = &clause[..i];
                before.chars().count() <= 8 && !before.contains(|c| OBJECT_MARKS.contains(c))
            })
    })
}

/// What one comma-clause says of the speaker: `Some` when it has a subject of its own,
/// `None` when it leaves the subject out (or names no one).
fn clause_subject(
    clause: &str,
    names: &[String],
    gender: Option<Gender>,
    others: &[Gender],
) -> Option<Speaker> {
    let clause = clause.trim_start_matches(['“', '”', '「', '」', ' ']);
    if names_subject(clause, names) {
        return Some(Speaker::Named);
    }
    if let Some(g) = leading_pronoun(clause) {
        // 他/她 refer to the person unless the person's gender differs, or someone of
        // that gender was just named (母親…，她笑說).
        let person = gender.is_none_or(|pg| pg == g) && !others.contains(&g);
        return Some(if person {
            Speaker::Person
        } else {
            Speaker::Other
        });
    }
    if OTHER_SUBJECTS.iter().any(|w| clause.starts_with(w)) {
        return Some(Speaker::Other);
    }
    if NO_SUBJECT_STARTS.iter().any(|w| clause.starts_with(w))
        || SPEECH_VERBS.iter().any(|v| clause.starts_with(v))
    {
        return None;
    }
    // A clause with a speech verb and a subject we do not know (老刘逢人便这样说).
    SPEECH_VERBS
        .iter()
        .any(|v| clause.contains(v))
        .then_some(Speaker::Other)
}

/// Genders of the other people a sentence names as subjects (母親…, 丈夫…), in order. A
/// clause that also holds the pronoun of that gender (母亲心疼她) is about the person, not
/// a new speaker, and is not counted.
fn named_others(sentence: &str) -> Vec<Gender> {
    let mut out = Vec::new();
    for c in sentence.split(['，', ',']) {
        let has = |p: char| {
            let chars: Vec<char> = super::chars_of(c);
            chars
                .iter()
                .enumerate()
                .any(|(i, &x)| x == p && !matches!(chars.get(i + 1), Some('們' | '们')))
        };
        if FEMALE.iter().any(|w| c.contains(w)) && !has('她') {
            out.push(Gender::Female);
        }
        if MALE.iter().any(|w| c.contains(w)) && !has('他') {
            out.push(Gender::Male);
        }
    }
    out
}

/// Whether `quote` names the person (by name or a form of address) outside the quotes it
/// nests (‘杨老师好’ is someone else's words inside hers): then it is said to or about
/// them, not by them, unless a clause names them as the speaker.
fn mentions_person(quote: &str, names: &[String]) -> bool {
    let mut own = String::new();
    let mut depth = 0usize;
    for c in quote.chars() {
        match c {
            '‘' | '『' | '「' => depth += 1,
            '’' | '』' | '」' => depth = depth.saturating_sub(1),
            c if depth == 0 => own.push(c),
            _ => {}
        }
    }
    names
        .iter()
        .filter(|n| n.chars().count() >= 2)
        .any(|n| own.contains(n.as_str()))
}

/// The speaker of a clause before the quote: the last comma-clause's subject; if it has
/// none, the sentence's (any clause naming the person); else someone else when the clause
/// ends with a colon (`colon`) or has a speech verb.
fn speaker_before(clause: &str, names: &[String], gender: Option<Gender>, colon: bool) -> Speaker {
    if clause.is_empty() {
        return Speaker::Unattributed;
    }
    let others = named_others(clause);
    let mut parts: Vec<&str> = clause.split(['，', ',']).collect();
    let last = parts.pop().unwrap_or(clause);
    // Other people named before the last clause decide what a pronoun in it means.
    let before_last: Vec<Gender> = named_others(&parts.join("，"));
    if let Some(s) = clause_subject(last, names, gender, &before_last) {
        return s;
    }
    if parts.iter().any(|c| names_subject(c, names)) {
        return Speaker::Named;
    }
    if parts.iter().any(|c| {
        leading_pronoun(c).is_some_and(|g| gender.is_none_or(|pg| pg == g) && !others.contains(&g))
    }) {
        return Speaker::Person;
    }
    if colon || SPEECH_VERBS.iter().any(|v| clause.contains(v)) {
        Speaker::Other
    } else {
        Speaker::Unattributed
    }
}

/// The speaker of the sentence after a closing mark: the first comma-clause with a subject
/// of its own decides (”赵海川说 / ”回忆起当时的情景，赵海川语气平静 / ”事后，老刘逢人便这样说).
fn speaker_after(sentence: &str, names: &[String], gender: Option<Gender>) -> Speaker {
    let others = named_others(sentence);
    for c in sentence.split(['，', ',']) {
        if let Some(s) = clause_subject(c, names, gender, &others) {
            return s;
        }
    }
    Speaker::Unattributed
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

/// The sentence after a closing mark, up to the sentence's end or the next quotation, at
/// most 40 characters.
fn sentence_after(chars: &[char], from: usize) -> String {
    let rest = chars.get(from..).unwrap_or(&[]);
    let e = rest
        .iter()
        .position(|c| {
            SENTENCE_END.contains(c) || opener(*c).is_some() || matches!(c, '：' | ':' | '；' | ';')
        })
        .unwrap_or(rest.len())
        .min(40);
    rest[..e].iter().collect()
}

/// A scare-quoted term or a title: short, no clause punctuation inside; or any quotation
/// followed by 的 (“不忘初心、牢记使命”的红色标语), which modifies a noun.
fn is_term(text: &str, next: Option<char>) -> bool {
    (text.chars().count() <= 10 && !text.contains(SPEECH_PUNCT))
        || (next == Some('的') && text.chars().count() <= 20)
}

/// A slogan: unattributed, without first or second person or speech particles, and either
/// three or more
/// parallel short clauses (each at most eight characters, lengths within two of each
/// other: 聽安排,不出門,宅在家,養精神) or two equal clauses of at most four (要想富，先修路).
fn is_slogan(text: &str) -> bool {
    let clauses: Vec<usize> = text
        .split(SPEECH_PUNCT)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| c.chars().count())
        .collect();
    let (min, max) = (
        clauses.iter().min().copied().unwrap_or(0),
        clauses.iter().max().copied().unwrap_or(0),
    );
    let parallel = (clauses.len() >= 3 && max <= 8 && max - min <= 2)
        || (clauses.len() == 2 && max <= 4 && max == min);
    // Speech has persons and particles (了, 的, 吗, 是 …); slogans do without.
    parallel && !text.contains(|c| "我你咱您了的吗嗎呢啊吧是".contains(c))
}

/// The person's gender from the pronouns of their section: the one used at least twice as
/// often as the other, if any.
fn gender_of(paragraphs: &[String]) -> Option<Gender> {
    let count = |p: char| {
        paragraphs
            .iter()
            .map(|t| {
                let chars: Vec<char> = super::chars_of(t);
                chars
                    .iter()
                    .enumerate()
                    .filter(|&(i, &c)| c == p && !matches!(chars.get(i + 1), Some('們' | '们')))
                    .count()
            })
            .sum::<usize>()
    };
    let (he, she) = (count('他'), count('她'));
    if he >= 2 * she.max(1) {
        Some(Gender::Male)
    } else if she >= 2 * he.max(1) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Finds the quotes of the person called `name` in their section's `paragraphs`.
/// `Quote::paragraph` indexes that slice and `Quote::offset` counts chars.
pub fn find_quotes(paragraphs: &[String], name: &str) -> Vec<Quote> {
    let chars: Vec<Vec<char>> = paragraphs.iter().map(|p| super::chars_of(p)).collect();
    let names = super::profiles::aliases(name);
    let gender = gender_of(paragraphs);
    let mut quotes = Vec::new();
    for span in pair_marks(&chars) {
        let text = span.text.trim().to_string();
        let (ap, ai) = span.after;
        if text.is_empty() || is_term(&text, chars[ap].get(ai).copied()) {
            continue;
        }
        let before = clause_before(&chars[span.paragraph], span.start);
        let after = sentence_after(&chars[ap], ai);
        let mut who = match speaker_before(&before.0, &names, gender, before.1) {
            Speaker::Unattributed => speaker_after(&after, &names, gender),
            s => s,
        };
        if matches!(who, Speaker::Person | Speaker::Unattributed) && mentions_person(&text, &names)
        {
            who = Speaker::Other; // 何阿姨，谢谢您…; 要不是赵医生来得快…
        }
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
