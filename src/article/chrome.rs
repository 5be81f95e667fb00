//! Page chrome and page layout in plain text: lines that are not article text (menus,
//! breadcrumbs, button rows, section labels, publishing lines) and the shape of lines
//! (running text, overlong lines). Used by [`super::clean`].

/// A publishing line of a news page (`更新於 04月26日13:40 • 發布於 04月26日13:40`).
pub(crate) fn is_publish_line(l: &str) -> bool {
    l.chars().count() <= 60
        && [
            "發布於",
            "发布于",
            "更新於",
            "更新于",
            "發佈於",
            "发表于",
            "發表於",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// A headline without the label of a page widget glued to its end (`…崇尚減法人生字級：`:
/// the font-size widget). A headline does not end with a colon; one to three chars and a
/// colon at its end are a widget's label.
pub(crate) fn strip_widget_label(h: &str) -> &str {
    let Some(body) = h.strip_suffix(['：', ':']) else {
        return h;
    };
    let cut = body.char_indices().rev().nth(1).map_or(0, |(b, _)| b);
    let label = &body[cut..];
    if label.chars().count() == 2
        && label.chars().all(|c| c > '\u{2e80}')
        && body.chars().count() > 6
    {
        body[..cut].trim_end()
    } else {
        h
    }
}

/// A section label above the headline (`新闻`, `生活`): three chars or fewer, no digits
/// (a section number is structure), no punctuation.
pub(crate) fn is_section_label(l: &str) -> bool {
    let n = l.chars().count();
    n <= 3 && l.chars().all(|c| c.is_alphabetic()) && !l.chars().any(|c| c.is_ascii_digit())
}

/// A page-template line above the headline: a breadcrumb (`当前位置:…`, `首页 > 新闻`), a
/// template block name (`详细内容_页头`), or a menu of three or more `|`-separated items.
pub(crate) fn is_page_head(l: &str) -> bool {
    let n = l.chars().count();
    let separators = l.matches(['|', '｜']).count();
    (separators >= 3 && !is_prose(l))
        || n <= 60
            && !is_prose(l)
            && (l.contains('_')
                || l.contains(" > ")
                || l.contains('>')
                || l.contains('»')
                || [
                    "当前位置",
                    "當前位置",
                    "您的位置",
                    "您现在的位置",
                    "您現在的位置",
                ]
                .iter()
                .any(|w| l.starts_with(w)))
}

/// The longest paragraph kept whole, in chars; longer lines are cut by [`split_long`].
pub const MAX_PARAGRAPH_CHARS: usize = 3000;

/// `line` cut into pieces of at most [`MAX_PARAGRAPH_CHARS`] chars, each ending at the last
/// sentence end (。！？!?) within the limit, else at the limit. Short lines are one piece.
pub fn split_long(line: &str) -> Vec<&str> {
    if line.len() <= MAX_PARAGRAPH_CHARS {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut rest = line;
    // Byte offset of the char just past the limit, while there is one: each step reads
    // one piece, not the whole rest (counting the rest's chars made a 14 MB line quadratic).
    while let Some((limit, _)) = rest.char_indices().nth(MAX_PARAGRAPH_CHARS) {
        let cut = rest[..limit]
            .rfind(['。', '！', '？', '!', '?'])
            .map(|b| b + rest[b..].chars().next().map_or(1, char::len_utf8))
            .filter(|&b| b > limit / 2)
            .unwrap_or(limit);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A row of bracketed buttons (`[保存] [打印] [关闭]`): most of its chars inside brackets.
pub(crate) fn is_button_row(l: &str) -> bool {
    let mut inside = 0;
    let mut total = 0;
    let mut depth = 0;
    for c in l.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '[' | '【' => depth += 1,
            ']' | '】' => depth = 0,
            _ if depth > 0 => {
                inside += 1;
                total += 1;
            }
            _ => total += 1,
        }
    }
    total >= 6 && inside * 3 >= total * 2 && l.matches(['[', '【']).count() >= 3
}

/// A line of running text: at least 60 chars with clause or sentence punctuation.
pub(crate) fn is_prose(l: &str) -> bool {
    l.chars().count() >= 60 && l.contains(['。', '，', ','])
}
