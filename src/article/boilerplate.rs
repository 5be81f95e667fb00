//! Boilerplate in pasted page text, block by block, by the lines' shape and their
//! neighbourhood rather than by lists of phrases: the method of jusText (Jan Pomikálek,
//! "Removing Boilerplate and Duplicate Content from Web Corpora", 2011), with lengths for
//! Chinese text (a Chinese character carries about as much as an English word).
//!
//! 1. Each line gets a class from its own shape ([`Class`]): `Bad` for lines that are
//!    chrome by their form (a repeat of a line just above, a counter such as `留言 0`, a
//!    label between ornaments such as `◤推薦◢`, a publishing line, and whatever the caller
//!    already knows to be chrome); `Good` for running text; `NearGood` for a short sentence;
//!    `Short` for a short line without a sentence; `Keep` for lines with a role of their
//!    own that later steps read (captions, bylines, datelines, section numbers, questions
//!    and answers), which are never changed and are not neighbours.
//! 2. A short line right above running text introduces it (a heading, a subtitle): it is
//!    `NearGood`.
//! 3. Context, as jusText revises it: a `NearGood` line is bad when the nearest `Good` or
//!    `Bad` lines on both sides are bad; a `Short` line is good between good lines, bad
//!    between bad ones, and when good on one side and bad on the other it is bad, unless a
//!    `NearGood` line stands between it and the bad side. The page's edges count as bad
//!    (above the first line: the headline, which is not text).

/// The class of a line (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Running text.
    Good,
    /// A short sentence: text near text, chrome near chrome.
    NearGood,
    /// A short line without a sentence: decided by its neighbours.
    Short,
    /// Chrome.
    Bad,
    /// A line with a role of its own (caption, byline, section number): kept as it is.
    Keep,
}

/// A line of at least this many chars with clause punctuation is running text.
pub const GOOD_CHARS: usize = 25;
/// A line of at least this many chars is running text whatever its punctuation.
pub const LONG_CHARS: usize = 50;
/// A line of at least this many chars with a sentence or clause mark is a short sentence
/// ([`Class::NearGood`]); shorter ones, and lines without such a mark, are
/// [`Class::Short`].
pub const NEAR_GOOD_CHARS: usize = 5;
/// A line equal to one of this many lines above it is a repeat (a caption or a block
/// pasted twice), when it has at least [`REPEAT_MIN_CHARS`] chars.
pub const REPEAT_WINDOW: usize = 10;
/// The shortest line taken for a repeat.
pub const REPEAT_MIN_CHARS: usize = 8;

const CLAUSE_MARKS: &[char] = &[
    '。', '，', ',', '！', '？', '!', '?', '；', '、', '：', '」', '”',
];

/// A counter of a page widget: digits alone (`0 0`), or a word or two and a number after
/// a space (`留言 0`, `分享 12`), in at most 12 chars.
pub fn is_counter(l: &str) -> bool {
    let n = l.chars().count();
    if n > 12 || !l.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let only_numbers = l.chars().all(|c| c.is_ascii_digit() || c.is_whitespace());
    let word_then_number = l.rsplit_once(' ').is_some_and(|(w, d)| {
        !w.trim().is_empty() && !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())
    });
    only_numbers || word_then_number
}

/// Whether `c` is an ornament: a geometric shape, arrow or box-drawing character (not the
/// ▲ △ that start photo captions).
fn ornament(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{2500}'..='\u{25FF}' | '\u{2600}'..='\u{27BF}')
        && !matches!(c, '▲' | '△')
}

/// A label between ornaments (`◤母親節蛋糕推薦◢`, `■相关链接■`): a promotion's or a
/// widget's title, at most 20 chars.
pub fn is_ornamented_label(l: &str) -> bool {
    l.chars().count() <= 20
        && l.chars().next().is_some_and(ornament)
        && l.chars().last().is_some_and(ornament)
}

/// The class of a line from its shape alone: `Good`, `NearGood` or `Short` by length and
/// punctuation (chars, not bytes), `Bad` for a counter or an ornamented label.
pub fn shape_class(l: &str) -> Class {
    let n = l.chars().count();
    let marks = l.contains(CLAUSE_MARKS);
    if is_counter(l) || is_ornamented_label(l) {
        Class::Bad
    } else if n >= LONG_CHARS || (n >= GOOD_CHARS && marks) {
        Class::Good
    } else if n >= NEAR_GOOD_CHARS && marks {
        Class::NearGood
    } else {
        Class::Short
    }
}

/// Whether `lines[i]` repeats one of the [`REPEAT_WINDOW`] lines above it. A question
/// (`1. 對香港未來有甚麼期望？`) is never a repeat: a vox-pop asks each person the same ones.
pub fn is_repeat(lines: &[&str], i: usize) -> bool {
    lines[i].chars().count() >= REPEAT_MIN_CHARS
        && !lines[i].trim_end().ends_with(['？', '?'])
        && lines[i.saturating_sub(REPEAT_WINDOW)..i].contains(&lines[i])
}

/// For each line, the nearest class above it among `Good` and `Bad` (and `NearGood`
/// unless `skip_near`), skipping `Short` and `Keep`; `edge` above the first line. One
/// pass; `forward: false` gives the nearest below instead (the far edge is `Bad`).
fn nearest(classes: &[Class], skip_near: bool, forward: bool, edge: Class) -> Vec<Class> {
    let counts = |c: Class| match c {
        Class::Good | Class::Bad => true,
        Class::NearGood => !skip_near,
        Class::Short | Class::Keep => false,
    };
    let mut out = vec![Class::Bad; classes.len()];
    let mut last = edge;
    if forward {
        for (i, &c) in classes.iter().enumerate() {
            out[i] = last;
            if counts(c) {
                last = c;
            }
        }
    } else {
        for (i, &c) in classes.iter().enumerate().rev() {
            out[i] = last;
            if counts(c) {
                last = c;
            }
        }
    }
    out
}

/// Revises the classes of lines by their neighbourhood (steps 2 and 3 of the module
/// documentation) and returns, for each line, whether it is chrome. The first line's
/// upper neighbour is the page's edge, counted as good when `text_above` (the text began
/// above the first line), else bad; below the last line is the bad edge. Linear in the
/// number of lines. Without any `Good` line, only `Bad` lines are chrome.
pub fn revise(mut classes: Vec<Class>, text_above: bool) -> Vec<bool> {
    if !classes.contains(&Class::Good) {
        // No running text to judge by (a list of short lines, a poem): only the lines bad
        // by their shape are chrome.
        return classes.iter().map(|&c| c == Class::Bad).collect();
    }
    // Step 2: a short line right above running text (bylines and captions between) is
    // its heading.
    let mut next_not_keep = None;
    for i in (0..classes.len()).rev() {
        let c = classes[i];
        if c == Class::Short && next_not_keep == Some(Class::Good) {
            classes[i] = Class::NearGood;
        }
        if c != Class::Keep {
            next_not_keep = Some(c);
        }
    }
    let top = if text_above { Class::Good } else { Class::Bad };
    let prev_strict = nearest(&classes, true, true, top);
    let prev_any = nearest(&classes, false, true, top);
    let next_strict = nearest(&classes, true, false, Class::Bad);
    let next_any = nearest(&classes, false, false, Class::Bad);
    (0..classes.len())
        .map(|i| match classes[i] {
            Class::Good | Class::Keep => false,
            Class::Bad => true,
            Class::NearGood => prev_strict[i] == Class::Bad && next_strict[i] == Class::Bad,
            Class::Short => match (prev_strict[i], next_strict[i]) {
                (Class::Good, Class::Good) => false,
                (Class::Bad, Class::Bad) => true,
                (prev, next) => {
                    !((prev == Class::Bad && prev_any[i] == Class::NearGood)
                        || (next == Class::Bad && next_any[i] == Class::NearGood))
                }
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrome(lines: &[&str]) -> Vec<&'static str> {
        let classes = (0..lines.len())
            .map(|i| {
                if is_repeat(lines, i) {
                    Class::Bad
                } else {
                    shape_class(lines[i])
                }
            })
            .collect();
        revise(classes, false)
            .into_iter()
            .map(|b| if b { "x" } else { "." })
            .collect()
    }

    #[test]
    fn shapes() {
        assert!(is_counter("留言 0"));
        assert!(is_counter("0 0"));
        assert!(!is_counter("2019年"));
        assert!(!is_counter("第3节"));
        assert!(is_ornamented_label("◤春季新品推荐◢"));
        assert!(!is_ornamented_label("▲图为社区。"));
        assert_eq!(shape_class("桐川日报"), Class::Short);
        assert_eq!(shape_class("没有留言。"), Class::NearGood);
        assert_eq!(shape_class("人气蛋糕 限定款"), Class::Short);
        assert_eq!(
            shape_class("她今年52岁，在社区工作了18年。"),
            Class::NearGood
        );
        assert_eq!(
            shape_class("清晨六点，网格员周玉兰已经走在桐川社区的小巷里，她负责312户人家。"),
            Class::Good
        );
    }

    #[test]
    fn neighbourhood_decides_short_lines() {
        let para = "清晨六点，网格员周玉兰已经走在桐川社区的小巷里，她负责312户人家。";
        let other = "另一位网格员韩志刚刚满30岁，是社区里最年轻的网格员，他把事情都记在小本子上。";
        // An outlet name under the headline and a comment widget at the end are chrome;
        // a heading between paragraphs and one right above the first paragraph are text.
        assert_eq!(
            chrome(&[
                "桐川日报",
                "留言 0",
                "守护老街的人",
                para,
                "“我心里有数”",
                other,
                "留言 0",
                "没有留言。"
            ]),
            ["x", "x", ".", ".", ".", ".", "x", "x"]
        );
        // A promotion at the end: an ornamented label and short lines after the text.
        assert_eq!(
            chrome(&[
                para,
                "◤春季新品推荐◢",
                "手作蛋糕 现正优惠7折起",
                "人气蛋糕 限定款"
            ]),
            [".", "x", "x", "x"]
        );
        // A block pasted twice.
        let _ = "另一位网格员韩志刚刚满30岁，是社区里最年轻的网格员，他把事情都记在小本子上。";
        assert_eq!(chrome(&[para, other, para, other]), [".", ".", "x", "x"]);
        // A short sentence between chrome is chrome, near text it is text.
        assert_eq!(
            chrome(&[para, "留言 0", "请先登录再发表评论。", "0 0"]),
            [".", "x", "x", "x"]
        );
        assert_eq!(chrome(&[para, "她笑着说，值了。", "0 0"]), [".", ".", "x"]);
        // Nothing but short lines: only the bad ones go.
        assert_eq!(chrome(&["第一段。", "第二段", "留言 0"]), [".", ".", "x"]);
    }
}
