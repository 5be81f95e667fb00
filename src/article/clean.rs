//! Separating article text from what is not: crawler lines, repeated headlines, photo
//! captions, the byline, page furniture (share buttons, related links, app prompts, privacy
//! banners, footers), and pinyin annotations that machine conversion puts inside words.

use super::boilerplate::{self, Class};
use super::chrome::{
    is_button_row, is_page_head, is_prose, is_publish_line, is_section_label, split_long,
    strip_widget_label,
};
use super::model::ParagraphKind;

/// Text split into the parts that precede analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The headline, once.
    pub headline: String,
    /// The byline without brackets (`記者:…`), when the text has one.
    pub byline: Option<String>,
    /// Article paragraphs in reading order, trimmed, without headline, byline and page
    /// chrome. Photo captions stay in place (they name people and give their roles), as do
    /// repeats of the headline that pages use as image captions between sections.
    pub body: Vec<String>,
    /// The kind of each paragraph of `body` (parallel to it).
    pub kinds: Vec<ParagraphKind>,
    /// Page chrome set apart (crawler lines, menus, prompts, footers): kept, not text.
    pub dropped: Vec<String>,
}

/// Markers of page furniture that ends the article: everything from such a line on is not
/// article text (share buttons, related links, editor lines, copyright and privacy
/// footers). Both scripts.
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
    "版權所有",
    "版权所有",
    "Copyright",
    "©",
    "本網站使用",
    "本网站使用",
    "未經授權",
    "未经授权",
];

/// At most this many characters after a tail marker are page furniture; more is text.
pub const TAIL_MAX_CHARS: usize = 3000;

/// Words that make a short line page chrome wherever it appears (buttons, prompts, banners).
pub const FURNITURE_WORDS: &[&str] = &[
    "打印",
    "關閉",
    "关闭",
    "列印",
    "收藏",
    "點贊",
    "点赞",
    "評論",
    "评论",
    "返回頂部",
    "返回顶部",
    "字號",
    "字号",
    "點擊進入",
    "点击进入",
    "掃一掃",
    "扫一扫",
    "打開APP",
    "打开APP",
    "下載APP",
    "下载APP",
    "閱讀全文",
    "阅读全文",
    "查看原文",
    "上一篇",
    "下一篇",
    "關注我們",
    "关注我们",
    "客戶端",
    "客户端",
    "隱私政策",
    "隐私政策",
    "Cookie",
    "cookie",
    "【打印】",
    "【关闭】",
    "【關閉】",
    "點擊查看",
    "点击查看",
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
    p.chars().count() <= 80
        && TAIL_MARKERS
            .iter()
            .any(|m| p.starts_with(m) || (m.len() > 3 && p.contains(m)))
}

fn has_cjk(p: &str) -> bool {
    p.chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
}

fn has_kana(p: &str) -> bool {
    p.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}'))
}

/// Page chrome: a short line with a [`FURNITURE_WORDS`] word, a line in Japanese kana (a
/// prompt; Chinese articles do not use kana), or a line of Latin text without any Chinese
/// character that is not a section number.
pub fn is_furniture(p: &str) -> bool {
    let n = p.chars().count();
    (n <= 30 && FURNITURE_WORDS.iter().any(|w| p.contains(w)))
        || has_kana(p)
        || (n <= 80 && !has_cjk(p) && p.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3)
}

/// A crawler or dateline line before the headline: a date (2020-02-15, 2020年2月15日) with a
/// clock time or a source/author word, in a short line.
pub fn is_dateline(p: &str) -> bool {
    if p.chars().count() > 60 {
        return false;
    }
    let digits: Vec<char> = super::chars_of(p);
    let has_date = digits.windows(5).any(|w| {
        w[..4].iter().all(|c| c.is_ascii_digit()) && matches!(w[4], '-' | '/' | '年' | '.')
    });
    let has_time = digits
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == ':' && w[2].is_ascii_digit());
    has_date
        && (has_time
            || [
                "来源", "來源", "发布", "發布", "發佈", "作者", "编辑", "編輯", "时间", "時間",
            ]
            .iter()
            .any(|w| p.contains(w)))
}

fn is_photo_caption(p: &str) -> bool {
    let n = p.chars().count();
    // A caption that ends with the photographer's credit (`…梁家豪（右）。張曉晴攝`) or
    // places people in the photo (`（左）`, `左起`).
    let credit_end = n <= 120
        && ["攝", "摄", "攝)", "摄)", "攝）", "摄）", "供圖", "供图"]
            .iter()
            .any(|w| p.trim_end_matches(['。', ' ']).ends_with(w))
        && !p.contains("報導")
        && !p.contains("报道");
    let placed = n <= 120
        && ["（左）", "（右）", "（中）", "(左)", "(右)", "左起", "右起"]
            .iter()
            .any(|w| p.contains(w));
    credit_end
        || placed
        || p.starts_with("圖為")
        || p.starts_with("图为")
        || p.starts_with('▲')
        || p.starts_with('△')
        || ((p.starts_with('（') || p.starts_with('('))
            && p.chars().count() <= 30
            && ["攝影", "摄影", "圖/", "图/", "供圖", "供图"]
                .iter()
                .any(|w| p.contains(w)))
}

/// Splits a leading byline off a paragraph: `(記者:王小明)“今天…` gives
/// `Some(("記者:王小明", "“今天…"))`. Brackets are `()`, `（）`, `〔〕` or `[]`; the bracket must close
/// within 40 characters and contain one of [`BYLINE_WORDS`]. Text before the bracket that
/// names the paper (`桐川日报讯`) stays with the paragraph.
pub fn split_byline(p: &str) -> Option<(String, String)> {
    let open = p.find(['(', '（', '〔', '['])?;
    let before = &p[..open];
    if before.chars().count() > 12 || before.contains(['。', '，', ',']) {
        return None;
    }
    let rest = &p[open + p[open..].chars().next()?.len_utf8()..];
    let close = rest.find([')', '）', '〕', ']'])?;
    let inner = &rest[..close];
    if inner.chars().count() > 40 || !BYLINE_WORDS.iter().any(|w| inner.contains(w)) {
        return None;
    }
    let after = &rest[close + rest[close..].chars().next()?.len_utf8()..];
    Some((trim(inner).to_string(), format!("{before}{}", trim(after))))
}

/// A source line of a web page: a short line with 来源/來源 and an author or a date word.
fn is_source_line(p: &str) -> bool {
    p.chars().count() <= 80
        && ["来源", "來源"].iter().any(|w| p.contains(w))
        && [
            "作者", "记者", "記者", "发布", "發布", "發佈", "时间", "時間", "编辑", "編輯",
        ]
        .iter()
        .any(|w| p.contains(w))
}

/// Labels a colon may follow in a byline line (`记者：王明`, `来源：某报`).
const BYLINE_LABELS: &[&str] = &[
    "記者",
    "记者",
    "通訊員",
    "通讯员",
    "作者",
    "來源",
    "来源",
    "編輯",
    "编辑",
    "攝影",
    "摄影",
    "文",
    "圖",
    "图",
];

/// Whether every colon of `p` follows one of [`BYLINE_LABELS`] (spaces between allowed).
fn colons_are_labels(p: &str) -> bool {
    p.match_indices(['：', ':']).all(|(at, _)| {
        let before = p[..at].trim_end();
        BYLINE_LABELS.iter().any(|l| before.ends_with(l))
    })
}

/// A whole-line byline such as `记者 张三 通讯员 李四`, `本報記者 王五`, `记者：王明` or
/// `澜江日报记者 周晓雯 来源：澜江日报`: at most 40 characters, no clause punctuation, a
/// colon only after a label ([`BYLINE_LABELS`]), and a byline word (記者, 通訊員, 文/,
/// 報導, both scripts) with something after it (`记者：` alone is a label).
pub fn is_byline_line(p: &str) -> bool {
    p.chars().count() <= 40
        && !p.contains(['。', '，', ','])
        && colons_are_labels(p)
        && !p.trim_end().ends_with(['：', ':'])
        && [
            "記者",
            "记者",
            "通訊員",
            "通讯员",
            "文/",
            "文／",
            "報導",
            "报道",
        ]
        .iter()
        .any(|w| p.contains(w))
}

/// A byline line ([`is_byline_line`]) that says it is one: a label and a colon
/// (`记者：王明`, `文/王明` aside) or a byline word first (`记者 王明`, `本报记者 王明`).
/// A headline that mentions reporters (`记者探访一线`) is not one.
pub fn is_labelled_byline(p: &str) -> bool {
    is_byline_line(p)
        && (p.contains(['：', ':'])
            || [
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
                && p.contains(' '))
}

/// Removes pinyin annotations that machine conversion puts after a character, such as
/// `组长(zhǎng)` or `便(biàn)民`: a bracket right after a Chinese character holding one
/// lower-case syllable of up to seven letters with a tone mark (or ü).
pub fn strip_pinyin(line: &str) -> std::borrow::Cow<'_, str> {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    if !line.contains(['(', '（']) {
        return std::borrow::Cow::Borrowed(line); // most lines: nothing to strip, no copy
    }
    let chars: Vec<char> = super::chars_of(line);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '(' | '（') && i > 0 && has_cjk(&chars[i - 1].to_string()) {
            let inner: String = chars[i + 1..]
                .iter()
                .take_while(|&&c| !matches!(c, ')' | '）'))
                .collect();
            let n = inner.chars().count();
            let closes = chars
                .get(i + 1 + n)
                .is_some_and(|&c| matches!(c, ')' | '）'));
            if closes
                && (1..=7).contains(&n)
                && inner
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || TONED.contains(c))
                && inner.chars().any(|c| TONED.contains(c))
            {
                i += n + 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// Cleans sanitized text (see [`crate::source::sanitize()`]).
///
/// - Lines are trimmed, pinyin annotations removed ([`strip_pinyin`]), blank lines dropped.
/// - Crawler lines before the headline ([`is_dateline`], [`is_furniture`]) are dropped.
/// - The first remaining line is the headline, unless it is longer than
///   [`MAX_HEADLINE_CHARS`]: then it is text, and its start stands in for the headline.
///   Every later line equal to the headline is an image caption and is dropped.
/// - Everything from the first tail marker ([`TAIL_MARKERS`]) on is set apart when at
///   most [`TAIL_MAX_CHARS`] characters follow it (else only the marker lines).
/// - Every other line is judged as a block of the page by its shape and its neighbours
///   ([`super::boilerplate`], jusText's method): menus, counters, promotions, repeats,
///   publishing lines and chrome lines ([`is_furniture`]) are set apart in
///   [`Cleaned::dropped`]; photo captions, bylines and section numbers stay in place.
/// - A byline on a line of its own among the first three paragraphs (or first, or last,
///   with a label: `记者：王明`), or in brackets at the start of the first paragraph, is
///   taken out of the text.
pub fn clean(text: &str) -> Cleaned {
    let raw: Vec<&str> = text.lines().collect();
    let stripped: Vec<std::borrow::Cow<str>> = super::par_map(&raw, |l| strip_pinyin(trim(l)))
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    // Lines longer than a paragraph can be (pasted text without line breaks) are cut at
    // sentence ends, so every later pass works on bounded paragraphs.
    let mut lines: Vec<&str> = stripped
        .iter()
        .flat_map(|l| split_long(l.as_ref()))
        .collect();
    let skip = lines
        .iter()
        .enumerate()
        .take_while(|&(i, l)| {
            is_dateline(l)
                || is_furniture(l)
                || is_page_head(l)
                // a section label right above a longer title line
                || (is_section_label(l)
                    && lines.get(i + 1).is_some_and(|n| {
                        n.chars().count() >= 7
                            && has_cjk(n)
                            && !is_prose(n)
                            && !is_dateline(n)
                            && !is_byline_line(n)
                            && !is_source_line(n)
                            && !n.contains('。')
                    }))
        })
        .count()
        .min(lines.len().saturating_sub(1));
    let mut dropped: Vec<String> = lines.drain(..skip).map(str::to_string).collect();
    // The headline is the title line, not the first line of the file: the first of the
    // opening lines (with Chinese text) that a dateline, byline or source line follows
    // closely; above it are prompts and banners of the page. Without such a line, the first
    // line with Chinese text.
    let marker = |l: &str| {
        is_dateline(l)
            || is_byline_line(l)
            || is_source_line(l)
            || is_publish_line(l)
            || (l.chars().count() <= 40 && (l.contains("来源") || l.contains("來源")))
    };
    let opening = lines.len().min(10);
    // The first title-like line above the first marker with no sentence between them (a
    // browser prompt above the title is followed by its explanation, a sentence).
    let titled = (1..opening).find(|&d| marker(lines[d])).and_then(|d| {
        (0..d).find(|&i| {
            let l = lines[i];
            has_cjk(l)
                && l.chars().count() >= 7
                && !is_prose(l)
                && !marker(l)
                && !is_furniture(l)
                && !is_page_head(l)
                && !l.contains('。')
                && !lines[i + 1..d].iter().any(|x| x.contains('。'))
        })
    });
    let first_cjk = lines.iter().position(|l| has_cjk(l)).unwrap_or(0);
    let head_at = titled
        .unwrap_or(first_cjk)
        .min(lines.len().saturating_sub(1));
    dropped.extend(lines.drain(..head_at).map(str::to_string));
    let Some(&headline) = lines.first() else {
        return Cleaned {
            dropped,
            ..Cleaned::default()
        };
    };
    // Furniture at the end of a page: cut from the first tail marker, unless much text
    // follows it (a compilation of articles, each with its own page end): then only the
    // marker lines go.
    let tails = super::par_map(&lines, |l| is_tail_marker(l));
    if let Some(cut) = tails.iter().skip(1).position(|&t| t).map(|c| c + 1) {
        // Counting stops once past the limit: a compilation has megabytes after a marker.
        let mut rest = 0;
        for l in &lines[cut..] {
            rest += l.chars().count();
            if rest > TAIL_MAX_CHARS {
                break;
            }
        }
        // Another article after the marker (a byline with a paragraph below it, as in a
        // compilation) is text too, however short.
        let another_article = lines[cut..]
            .windows(2)
            .any(|w| is_byline_line(w[0]) && w[1].chars().count() > 60);
        // Text after the marker (a long sentence) means the marker was page chrome in the
        // middle (a share bar under the headline), not the end of the article.
        let text_after = lines[cut..].iter().take(200).any(|l| is_prose(l));
        if rest <= TAIL_MAX_CHARS && !another_article && !text_after {
            dropped.extend(lines.drain(cut..).map(str::to_string));
        } else {
            // (The headline line stays, whatever it says.)
            let mut tail = tails.iter().enumerate();
            lines.retain(|l| {
                let t = tail.next().is_some_and(|(i, &t)| t && i > 0);
                if t {
                    dropped.push(l.to_string());
                }
                !t
            });
        }
    }
    let mut out = Cleaned {
        headline: headline.to_string(),
        ..Cleaned::default()
    };
    let is_sentence =
        headline.contains('。') || headline.trim_end().ends_with(['。', '！', '？', '!', '?']);
    // A byline line first (`记者：王明`) is not a headline either.
    let no_headline = headline.chars().count() > MAX_HEADLINE_CHARS
        || is_sentence
        || is_labelled_byline(headline);
    if no_headline {
        // Not a headline but text (an article without a headline): keep it as the first
        // paragraph, and show its start.
        out.headline = if headline.chars().count() > SHORT_HEADLINE_CHARS {
            headline
                .chars()
                .take(SHORT_HEADLINE_CHARS)
                .chain(['…'])
                .collect()
        } else {
            headline.to_string()
        };
        out.body.push(headline.to_string());
        // A photo caption first (`▲…獲獎名單。(圖/社會局提供)`) stays a caption.
        out.kinds.push(if is_photo_caption(headline) {
            ParagraphKind::Caption
        } else {
            ParagraphKind::Text
        });
    } else {
        out.headline = strip_widget_label(headline).to_string();
        if let Some(label) = headline.strip_prefix(out.headline.as_str()) {
            let label = trim(label);
            if !label.is_empty() {
                // A widget's label glued to the title (字級：), set apart.
                dropped.push(label.to_string());
            }
        }
    }
    // What each line is, judged on all cores when there are many.
    // Menu runs: three or more short lines in a row without punctuation (site menus,
    // follow-us blocks, app links).
    let short = |l: &str| {
        l.chars().count() <= 10
            && !l.contains(['。', '，', ',', '！', '!', '？', '?', '：', ':', '“', '「'])
    };
    let mut menu = vec![false; lines.len()];
    let mut i = 1;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && short(lines[j]) {
            j += 1;
        }
        if j - i >= 3 {
            menu[i..j].iter_mut().for_each(|m| *m = true);
        }
        i = j.max(i + 1);
    }
    let rest_lines = lines.get(1..).unwrap_or(&[]);
    let mut menu_iter = menu.get(1..).unwrap_or(&[]).iter();
    let menu_flags: Vec<bool> = rest_lines
        .iter()
        .map(|_| *menu_iter.next().unwrap_or(&false))
        .collect();
    let kinds = super::par_map(rest_lines, |l| {
        if (is_furniture(l) || is_page_head(l) || is_button_row(l)) && !is_photo_caption(l) {
            None
        } else {
            Some(kind_of(l))
        }
    });
    // Boilerplate by shape and neighbourhood (jusText's method, [`super::boilerplate`]):
    // what is chrome by the tests above is bad; lines with a role of their own are kept.
    let classes: Vec<Class> = rest_lines
        .iter()
        .zip(&kinds)
        .zip(&menu_flags)
        .enumerate()
        .map(|(i, ((&l, kind), &in_menu))| match kind {
            _ if l == headline => Class::Keep,
            // A person's name and job (`某某某 地铁引导员`), even in a run of short lines.
            _ if is_name_role_line(l) => Class::Keep,
            // A name in Latin letters over its name line (`Lena` over `Lena（70後）`) is
            // not a line in another language: its neighbours decide.
            None if !in_menu
                && l.chars().count() <= 20
                && !has_cjk(l)
                && rest_lines
                    .get(i + 1)
                    .is_some_and(|n| n.starts_with(l) && n.len() > l.len()) =>
            {
                Class::Short
            }
            None => Class::Bad,
            _ if in_menu => Class::Bad,
            // A caption or a block pasted twice.
            _ if boilerplate::is_repeat(rest_lines, i) => Class::Bad,
            Some(
                ParagraphKind::Caption
                | ParagraphKind::Heading
                | ParagraphKind::Question
                | ParagraphKind::Answer,
            ) => Class::Keep,
            _ if is_byline_line(l)
                || is_source_line(l)
                || is_dateline(l)
                || split_byline(l).is_some() =>
            {
                Class::Keep
            }
            _ if is_publish_line(l) => Class::Bad,
            _ => boilerplate::shape_class(l),
        })
        .collect();
    let chrome = boilerplate::revise(classes, no_headline);
    for ((&l, kind), is_chrome) in rest_lines.iter().zip(kinds).zip(chrome) {
        let kind = if is_chrome {
            None
        } else {
            kind.or_else(|| Some(kind_of(l)))
        };
        match kind {
            // The headline repeated: an image caption between sections.
            _ if l == headline => {
                if out.body.is_empty() {
                    dropped.push(l.to_string());
                } else {
                    out.body.push(l.to_string());
                    out.kinds.push(ParagraphKind::Caption);
                }
            }
            Some(k) => {
                out.body.push(l.to_string());
                out.kinds.push(k);
            }
            None => dropped.push(l.to_string()),
        }
    }
    // Datelines and source lines right under the headline (2024/07/15 05:30,
    // 来源：某报 作者：记者 某某 发布时间：…); one that names an author is the byline.
    let mut k = 0;
    while k < out.body.len().min(3) {
        if is_dateline(&out.body[k]) || is_source_line(&out.body[k]) {
            let line = out.body.remove(k);
            out.kinds.remove(k);
            if out.byline.is_none() && ["作者", "记者", "記者"].iter().any(|w| line.contains(w))
            {
                out.byline = Some(line);
            } else {
                dropped.push(line);
            }
        } else {
            k += 1;
        }
    }
    if out.byline.is_some() {
    } else if no_headline && is_labelled_byline(&out.body[0]) {
        // A byline line first, without a headline above it (`记者：王明`): the byline.
        out.byline = Some(out.body.remove(0));
        out.kinds.remove(0);
    } else if let Some(i) = out.body.iter().take(3).position(|p| is_byline_line(p)) {
        out.byline = Some(out.body.remove(i));
        out.kinds.remove(i);
    } else if let Some((byline, rest)) = out.body.first().and_then(|p| split_byline(p)) {
        out.byline = Some(byline);
        if rest.is_empty() {
            out.body.remove(0);
            out.kinds.remove(0);
        } else {
            out.body[0] = rest;
        }
    }
    // A byline on the last line of a page (`中青网记者 魏其濛 来源：中国青年报`) when none
    // opened the article.
    if out.byline.is_none()
        && out.body.len() > 1
        && out.body.last().is_some_and(|p| is_byline_line(p))
    {
        out.byline = out.body.pop();
        out.kinds.pop();
    }
    if no_headline {
        // The start of the text stands in for the headline, without the byline taken out
        // (and past a photo caption above the text).
        let first = out
            .kinds
            .iter()
            .position(|k| *k != ParagraphKind::Caption)
            .and_then(|i| out.body.get(i))
            .or(out.body.first());
        if let Some(first) = first {
            out.headline = if first.chars().count() > SHORT_HEADLINE_CHARS {
                first
                    .chars()
                    .take(SHORT_HEADLINE_CHARS)
                    .chain(['…'])
                    .collect()
            } else {
                first.clone()
            };
        }
    }
    out.dropped = dropped;
    out
}

/// A section number on a line of its own: `02`, `▍01`, `一、`, `（三）`, `Part 2` is not.
/// A line that names a person and their job, as poster-style features do
/// (`某某某 地铁引导员`): two to four Han chars, one space, and two to twelve Han chars
/// ending in a person noun (员, 者, 师, 长, 工, 手, 警, 官, 士, 生). Short as it is, it is
/// no chrome.
pub fn is_name_role_line(l: &str) -> bool {
    let Some((name, role)) = l.split_once(char::is_whitespace) else {
        return false;
    };
    let role = role.trim();
    let han = |s: &str| s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (2..=4).contains(&name.chars().count())
        && (2..=12).contains(&role.chars().count())
        && han(name)
        && han(role)
        && role
            .chars()
            .last()
            .is_some_and(|c| "员員者师師长長工手警官士生".contains(c))
}

pub fn is_section_number(p: &str) -> bool {
    let t = p.trim_start_matches(['▍', '■', '●', '◆', '▌', '|', '#', ' ']);
    let n = t.chars().count();
    (1..=4).contains(&n)
        && t.chars()
            .any(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        && t.chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十、.．（）()".contains(c))
}

/// The layout kind of a paragraph from its text alone: photo captions; section numbers
/// on a line of their own (`02`, `二、`) and pull-quote lines as headings; `Q：`/`問：` as
/// questions and `A：`/`答：` as answers; everything else text. Caption lines that end in a
/// person's name are recognised later, by the analysis, which knows names.
pub fn kind_of(p: &str) -> ParagraphKind {
    if is_photo_caption(p) {
        ParagraphKind::Caption
    } else if is_section_number(p) {
        ParagraphKind::Heading
    } else if ["Q：", "Q:", "問：", "问：", "Q.", "問:", "问:"]
        .iter()
        .any(|w| p.starts_with(w))
    {
        ParagraphKind::Question
    } else if ["A：", "A:", "答：", "答:"]
        .iter()
        .any(|w| p.starts_with(w))
    {
        ParagraphKind::Answer
    } else {
        ParagraphKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::super::chrome::MAX_PARAGRAPH_CHARS;
    use super::*;

    #[test]
    fn repeated_headline_is_one_headline_and_furniture_is_dropped() {
        let c = clean(
            "标题\n\n标题\n（记者 李明）第一段。\n标题\n第二段。\n分享到:\n相关文章:\n别的\n",
        );
        assert_eq!(c.headline, "标题");
        assert_eq!(c.byline.as_deref(), Some("记者 李明"));
        // The repeat between paragraphs stays in place as an image caption; the one above
        // the text and the page's end are set apart, not lost.
        assert_eq!(c.body, vec!["第一段。", "标题", "第二段。"]);
        assert_eq!(
            c.kinds,
            vec![
                ParagraphKind::Text,
                ParagraphKind::Caption,
                ParagraphKind::Text
            ]
        );
        assert_eq!(c.dropped, vec!["分享到:", "相关文章:", "别的", "标题"]);
    }

    #[test]
    fn a_photo_caption_first_stays_a_caption_and_the_text_stands_in_for_the_headline() {
        let c = clean(
            "▲某市母親節美力媽媽獲獎名單。(圖/社會局提供)\n記者王大明/高雄報導\n今年母親節「美力媽媽」獲獎名單出爐！這次徵選收到86件推薦案，評審後有40位美力媽媽獲獎。",
        );
        assert_eq!(c.kinds[0], ParagraphKind::Caption);
        assert_eq!(c.byline.as_deref(), Some("記者王大明/高雄報導"));
        assert!(
            c.headline.starts_with("今年母親節「美力媽媽」"),
            "{}",
            c.headline
        );
    }

    #[test]
    fn the_headline_is_the_title_line_not_the_first_line() {
        // Pasted page text: a browser prompt and its explanation, a section label, then the
        // title over the outlet and the publishing line.
        let c = clean(
            "請更新您的瀏覽器\n您使用的瀏覽器版本較舊,已不再受支援。\n生活\n嘉市表揚模範勞工代表\n中華日報\n更新於 04月26日13:40 • 發布於 04月26日13:40\n嘉義市政府今天舉辦模範勞工表揚大會。",
        );
        assert_eq!(c.headline, "嘉市表揚模範勞工代表");
        assert_eq!(
            c.dropped[..3],
            [
                "請更新您的瀏覽器",
                "您使用的瀏覽器版本較舊,已不再受支援。",
                "生活"
            ]
        );
        // A browser prompt, then a breadcrumb above the title and the dateline.
        let c = clean(
            "為達最佳瀏覽效果，建議使用新版瀏覽器。\n首頁 > 生活\n82歲阿嬤當30年志工 愛心不退場\n2025/11/16 15:59 記者王小明／屏東報導\n屏東縣政府今天表揚志工。",
        );
        assert_eq!(c.headline, "82歲阿嬤當30年志工 愛心不退場");
        // A vox-pop asks each person the same numbered questions: they are no repeats, and
        // the name line and the `name age` line of the next person stay.
        let c = clean(
            "十個人說十年\n邱小姐\n邱小姐 20歲\n1.  十年來有甚麼感受？\n我覺得變化好大。\n容先生\n容先生 53歲\n1.  十年來有甚麼感受？\n我覺得生活好咗。",
        );
        assert_eq!(
            c.body,
            [
                "邱小姐",
                "邱小姐 20歲",
                "1.  十年來有甚麼感受？",
                "我覺得變化好大。",
                "容先生",
                "容先生 53歲",
                "1.  十年來有甚麼感受？",
                "我覺得生活好咗。"
            ]
        );
        // A poster-style feature: short lines, a name and a job on each person's line.
        let c = clean(
            "守护者\n来源：某客户端 2019年01月29日\n除夕守岁，团圆喜乐\n钟雅琴 地铁引导员\n值守第2年\n她说\n“让乘客准点归家”",
        );
        assert!(c.body.contains(&"钟雅琴 地铁引导员".to_string()));
        // A widget's label glued to the title; a menu line above it.
        let c = clean("首页|新闻|图片|评论\n一家五口賣房環遊世界　崇尚減法人生字級：\n第一段。");
        assert_eq!(c.headline, "一家五口賣房環遊世界　崇尚減法人生");
        // No headline: the first line is a sentence and stays text.
        let c = clean("（记者赵明）中央文明办27日发布9月“中国好人榜”。\n第二段。");
        assert!(c.body[0].starts_with("中央文明办27日"), "{:?}", c.body);
    }

    #[test]
    fn a_tail_marker_as_the_first_line_keeps_it() {
        // Found by tests/props.rs: the first line a share bar and text after the next one.
        let long = "今年41歲的吳美玲有1280戶七八十戶100多名上百個，".repeat(3);
        let c = clean(&format!(
            "分享到:\n“我们不退，坚持到底。”王小明说。\n{long}\n分享到:\n“守護家園”"
        ));
        assert_eq!(c.headline, "分享到:");
        assert_eq!(c.body.len() + c.dropped.len(), 4);
    }

    #[test]
    fn an_overlong_line_is_cut_at_sentence_ends() {
        let sentence = "这是一句很长的话，".repeat(30) + "完了。"; // 273 chars
        let line = sentence.repeat(20); // 5,460 chars
        let parts = split_long(&line);
        assert_eq!(parts.concat(), line);
        assert!(
            parts
                .iter()
                .all(|p| p.chars().count() <= MAX_PARAGRAPH_CHARS && p.ends_with('。'))
        );
        let plain = "字".repeat(7000);
        let parts = split_long(&plain);
        assert_eq!(
            parts.iter().map(|p| p.chars().count()).collect::<Vec<_>>(),
            [3000, 3000, 1000]
        );
    }

    #[test]
    fn a_share_bar_under_the_headline_does_not_end_the_article() {
        let long = "在河北保定，120名市民自发为受伤的司机献血，挽救了他的性命；在湖南岳阳，爱心母亲孙丽华二十余载照顾邻居老人、扶弱济困。";
        let c = clean(&format!(
            "详细内容_页头
当前位置:人物频道-正文
标题
分享到:更多
{long}
扫码关注
中工网微信
中工网微博"
        ));
        assert_eq!(c.headline, "标题");
        assert_eq!(c.body, vec![long]);
        assert_eq!(c.dropped.len(), 6);
    }

    #[test]
    fn crawler_lines_prompts_and_footers() {
        let c = clean(
            "2020-02-15 10:23:41 来源：某日报\n标题\n某日报记者 周晓雯 通讯员 孙立\n第一段。\n扫一扫在手机打开当前页\n\
             Click here to subscribe\nアプリで読む\n第二段。\n▲图为社区。\n（摄影：王五）\n本网站使用Cookie。\n第三段。",
        );
        assert_eq!(c.headline, "标题");
        assert_eq!(c.byline.as_deref(), Some("某日报记者 周晓雯 通讯员 孙立"));
        assert_eq!(
            c.body,
            vec!["第一段。", "第二段。", "▲图为社区。", "（摄影：王五）"]
        );
        assert_eq!(
            c.kinds[2..],
            [ParagraphKind::Caption, ParagraphKind::Caption]
        );
    }

    #[test]
    fn datelines_and_source_lines_under_the_headline() {
        let c = clean("标题\n2024/07/15 05:30\n〔記者林佳蓉／屏東報導〕第一段。\n第二段。");
        assert_eq!(c.byline.as_deref(), Some("記者林佳蓉／屏東報導"));
        assert_eq!(c.body, vec!["第一段。", "第二段。"]);
        let c = clean("标题\n来源：某日报 作者：记者 宋雨桐 发布时间：2024-03-15 09:30\n第一段。");
        assert!(c.byline.unwrap().contains("宋雨桐"));
        assert_eq!(c.body, vec!["第一段。"]);
    }

    #[test]
    fn a_lone_byline_line_is_the_byline() {
        let c = clean("记者：王明\n社区里的三位网格员，每天要走两万步。\n第二段。");
        assert_eq!(c.byline.as_deref(), Some("记者：王明"));
        assert_eq!(
            c.body,
            vec!["社区里的三位网格员，每天要走两万步。", "第二段。"]
        );
        let c = clean("网格员群像\n记者：王明\n第一段。");
        assert_eq!(c.headline, "网格员群像");
        assert_eq!(c.byline.as_deref(), Some("记者：王明"));
        assert_eq!(c.body, vec!["第一段。"]);
        // At the end of a page, with the source.
        let c = clean("网格员群像\n第一段。\n第二段。\n桐川网记者 周晓雯 来源：桐川日报");
        assert_eq!(
            c.byline.as_deref(),
            Some("桐川网记者 周晓雯 来源：桐川日报")
        );
        assert_eq!(c.body, vec!["第一段。", "第二段。"]);
        // A headline about reporters, and a label with nothing after it, are not bylines.
        let c = clean("记者探访社区一线\n第一段。");
        assert_eq!(c.headline, "记者探访社区一线");
        assert!(!is_byline_line("记者："));
        assert!(!is_byline_line("他对记者说：我很好"));
    }

    #[test]
    fn pinyin_annotations_are_removed() {
        assert_eq!(
            strip_pinyin("村电商小组组长(zhǎng)于小梅都(dōu)在便(biàn)民"),
            "村电商小组组长于小梅都在便民"
        );
        // Not annotations: English in brackets, a number, no tone mark.
        assert_eq!(
            strip_pinyin("新冠(COVID-19)和APP(app)和第(3)"),
            "新冠(COVID-19)和APP(app)和第(3)"
        );
    }

    #[test]
    fn a_bracket_without_byline_words_stays_text() {
        assert_eq!(split_byline("（一）社区"), None);
        assert_eq!(
            split_byline("桐川日报讯（记者 邵文涛）6月3日下午"),
            Some(("记者 邵文涛".into(), "桐川日报讯6月3日下午".into()))
        );
    }
}
