//! Separating article text from what is not: repeated headlines, image captions, the
//! byline, and page furniture (share buttons, related-article lists).

/// Text split into the parts that precede profile detection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The headline (the first line), once.
    pub headline: String,
    /// The byline without brackets (`記者:…`), when the text has one.
    pub byline: Option<String>,
    /// Article paragraphs in order, trimmed, without headline, byline, captions, furniture.
    pub body: Vec<String>,
    /// Photo captions set aside (`圖為…`, `▲…`). Repeats of the headline, which pages use as
    /// image captions, are dropped.
    pub captions: Vec<String>,
}

/// Markers of page furniture that ends the article: everything from such a line on is not
/// article text. Both scripts are listed.
pub const TAIL_MARKERS: &[&str] = &[
    "分享到",
    "分享至",
    "相關文章",
    "相关文章",
    "相關閱讀",
    "相关阅读",
    "相關新聞",
    "相关新闻",
    "推薦閱讀",
    "推荐阅读",
    "延伸閱讀",
    "延伸阅读",
    "責任編輯",
    "责任编辑",
    "返回搜狐",
    "【糾錯】",
    "【纠错】",
    "熱門推薦",
    "热门推荐",
];

/// Short lines that are page chrome wherever they appear.
pub const FURNITURE_LINES: &[&str] = &[
    "打印",
    "關閉",
    "关闭",
    "列印",
    "收藏",
    "點贊",
    "点赞",
    "評論",
    "评论",
    "分享",
    "返回頂部",
    "返回顶部",
    "字號",
    "字号",
];

/// Words that make a leading bracket a byline: `(記者:…)`, `（通讯员 …）`, `（文/…）`.
pub const BYLINE_WORDS: &[&str] = &[
    "記者",
    "记者",
    "通訊員",
    "通讯员",
    "作者",
    "來源",
    "来源",
    "文/",
    "文／",
    "圖/",
    "图/",
    "攝影",
    "摄影",
];

/// A first line longer than this many chars is text, not a headline.
pub const MAX_HEADLINE_CHARS: usize = 120;
/// How many chars of such a line stand in for the headline.
pub const SHORT_HEADLINE_CHARS: usize = 40;

/// Trims ASCII and Unicode whitespace, including U+3000 IDEOGRAPHIC SPACE and U+00A0.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

fn is_tail_marker(p: &str) -> bool {
    p.chars().count() <= 40 && TAIL_MARKERS.iter().any(|m| p.starts_with(m))
}

fn is_furniture(p: &str) -> bool {
    let core = p.trim_end_matches([':', '：']);
    FURNITURE_LINES.contains(&core)
}

fn is_photo_caption(p: &str) -> bool {
    p.starts_with("圖為") || p.starts_with("图为") || p.starts_with('▲') || p.starts_with('△')
}

/// Splits a leading byline off a paragraph: `(記者:馮曉玲)“我志願…` gives
/// `Some(("記者:馮曉玲", "“我志願…"))`. Brackets are `()` or `（）`; the bracket must close
/// within 40 characters and contain one of [`BYLINE_WORDS`].
pub fn split_byline(p: &str) -> Option<(String, String)> {
    let rest = p.strip_prefix('(').or_else(|| p.strip_prefix('（'))?;
    let close = rest.find([')', '）'])?;
    let inner = &rest[..close];
    if inner.chars().count() > 40 || !BYLINE_WORDS.iter().any(|w| inner.contains(w)) {
        return None;
    }
    let after = &rest[close + rest[close..].chars().next()?.len_utf8()..];
    Some((trim(inner).to_string(), trim(after).to_string()))
}

/// A whole-line byline such as `记者 张三 通讯员 李四` or `本報記者 王五`.
fn is_byline_line(p: &str) -> bool {
    p.chars().count() <= 30
        && !p.contains(['。', '，', ','])
        && [
            "記者",
            "记者",
            "本報記者",
            "本报记者",
            "通訊員",
            "通讯员",
            "文/",
            "文／",
        ]
        .iter()
        .any(|w| p.starts_with(w))
}

/// Cleans sanitized text (see [`crate::source::sanitize()`]).
///
/// Lines are trimmed and blank lines dropped; the first line is the headline (unless it is
/// longer than [`MAX_HEADLINE_CHARS`]: then it is text, and its start stands in for the
/// headline), and every later line equal to it is an image caption. Page furniture from the first tail marker
/// ([`TAIL_MARKERS`]) on is dropped, as are chrome lines ([`FURNITURE_LINES`]) anywhere. A
/// byline in brackets at the start of the first paragraph, or on a line of its own among the
/// first three, is taken out of the text.
pub fn clean(text: &str) -> Cleaned {
    let mut lines: Vec<&str> = text.lines().map(trim).filter(|l| !l.is_empty()).collect();
    let Some(&headline) = lines.first() else {
        return Cleaned::default();
    };
    if let Some(cut) = lines.iter().skip(1).position(|l| is_tail_marker(l)) {
        lines.truncate(cut + 1);
    }
    let mut out = Cleaned {
        headline: headline.to_string(),
        ..Cleaned::default()
    };
    if headline.chars().count() > MAX_HEADLINE_CHARS {
        // Not a headline but text: keep it as the first paragraph, and show its start.
        out.headline = headline
            .chars()
            .take(SHORT_HEADLINE_CHARS)
            .chain(['…'])
            .collect();
        out.body.push(headline.to_string());
    }
    for &l in &lines[1..] {
        if l == headline {
            continue; // the headline repeated as an image caption
        } else if is_photo_caption(l) {
            out.captions.push(l.to_string());
        } else if !is_furniture(l) {
            out.body.push(l.to_string());
        }
    }
    if let Some(i) = out.body.iter().take(3).position(|p| is_byline_line(p)) {
        out.byline = Some(out.body.remove(i));
    } else if let Some((byline, rest)) = out.body.first().and_then(|p| split_byline(p)) {
        out.byline = Some(byline);
        if rest.is_empty() {
            out.body.remove(0);
        } else {
            out.body[0] = rest;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headline_is_one_headline_and_furniture_is_dropped() {
        let c = clean(
            "标题\n\n标题\n（记者 李明）第一段。\n标题\n第二段。\n分享到:\n相关文章:\n别的\n",
        );
        assert_eq!(c.headline, "标题");
        assert_eq!(c.byline.as_deref(), Some("记者 李明"));
        assert_eq!(c.body, vec!["第一段。", "第二段。"]);
    }

    #[test]
    fn a_bracket_without_byline_words_stays_text() {
        assert_eq!(split_byline("（一）社区"), None);
    }
}
