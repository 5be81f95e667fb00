//! Direct quotes: pairing quotation marks and telling speech from terms. Who said a quote
//! is decided by the analysis ([`crate::analysis::speakers`]).
//!
//! Marks pair per paragraph: “…” and 「…」 are outer marks (whichever opens first), the other
//! kind and ‘…’ 『…』 nest inside and stay in the text. An ASCII `"` closes an open “ and
//! otherwise opens a quote ("…" and the mismatched “…" both occur in real copy). A second opening mark of the same kind
//! before a close means the first was never closed: the scan restarts there, so an unbalanced
//! mark never shifts later quotes. A paragraph that ends inside a quote continues into the
//! next paragraph when that one opens with the same mark (the convention for speech over
//! several paragraphs). A closing mark with no opening one ends a quote that started at the
//! paragraph's beginning when the text before it ends like a sentence (the opening mark was
//! lost); otherwise it is ignored.
//!
//! Not quotes: short terms without clause punctuation (scare quotes: “逆行”, “熱線”), and
//! unattributed slogans made of short parallel clauses.

/// Speech verbs (both scripts) that attribute a quote, before a colon or after the close.
pub const SPEECH_VERBS: &[&str] = &[
    "說", "说", "道", "表示", "告訴", "告诉", "坦言", "介紹", "介绍", "感慨", "笑言", "回憶",
    "回忆", "強調", "强调", "解釋", "解释", "稱", "称", "問", "问", "答", "喊", "叮囑", "叮嘱",
    "提醒", "直言", "談到", "谈到", "補充", "补充", "感嘆", "感叹", "講", "讲", "透露", "寫道",
    "写道", "的話", "的话", "談起", "谈起", "回應", "回应", "坦承",
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
pub(crate) struct Span {
    pub(crate) paragraph: usize,
    pub(crate) start: usize,
    pub(crate) text: String,
    /// Paragraph and char index just after the closing mark (for the speaker after it).
    pub(crate) after: (usize, usize),
}

pub(crate) fn pair_marks(paragraphs: &[Vec<char>]) -> Vec<Span> {
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
            // An ASCII `"` closes an open “ (mismatched pairs such as “…" occur in real
            // copy) and otherwise opens a quote of its own ("…").
            let c = match (c, open) {
                ('"', Some((Kind::Double, _))) => '”',
                ('"', None) => '“',
                (x, _) => x,
            };
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

/// The speaker clause before an opening mark: from the last sentence end up to the mark,
/// when it ends with a colon or a speech verb; and whether it ends with a colon.
pub(crate) fn clause_before(chars: &[char], start: usize) -> (String, bool) {
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
pub(crate) fn sentence_after(chars: &[char], from: usize) -> String {
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
pub(crate) fn is_term(text: &str, next: Option<char>) -> bool {
    (text.chars().count() <= 10 && !text.contains(SPEECH_PUNCT))
        || (next == Some('的') && text.chars().count() <= 20)
}

/// A slogan: unattributed, without first or second person or speech particles, and either
/// three or more
/// parallel short clauses (each at most eight characters, lengths within two of each
/// other: 聽安排,不出門,宅在家,養精神) or two equal clauses of at most four (要想富，先修路).
pub(crate) fn is_slogan(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(ps: &[&str]) -> Vec<String> {
        let chars: Vec<Vec<char>> = ps.iter().map(|p| p.chars().collect()).collect();
        pair_marks(&chars).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn unbalanced_marks_do_not_shift_later_quotes() {
        assert_eq!(
            spans(&[
                "我们是党员，要冲在前面！”他说。后来“热线”来了。",
                "“第二句话，很长很长。”王芳说。"
            ]),
            vec!["我们是党员，要冲在前面！", "热线", "第二句话，很长很长。"]
        );
        // An opener that never closes is dropped at the next opener.
        assert_eq!(
            spans(&["“开头没有结束，“真正的话，在这里。”王芳说"]),
            vec!["真正的话，在这里。"]
        );
    }

    #[test]
    fn speech_over_two_paragraphs_is_one_quote() {
        assert_eq!(
            spans(&["王芳说：“第一段话，", "“第二段话。”"]),
            vec!["第一段话，\n第二段话。"]
        );
    }

    #[test]
    fn nested_marks_stay_inside() {
        assert_eq!(
            spans(&["“这是对我们的‘大考’，不退。”王芳说。"]),
            vec!["这是对我们的‘大考’，不退。"]
        );
    }

    #[test]
    fn terms_and_slogans() {
        assert!(is_term("热线", Some('。')));
        assert!(!is_term("我们不退，坚持到底。", None));
        assert!(is_slogan("听安排，不出门，宅在家，养精神！"));
        assert!(!is_slogan("我们不退，坚持到底。"));
    }
}
