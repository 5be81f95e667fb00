//! A web page to article text: the main content found by Mozilla's Readability algorithm
//! (the `dom_smoothie` crate, a Rust port of readability.js), the headline from the page's
//! metadata, and every other visible block of the page kept apart as page chrome.
//!
//! Readability scores the page's containers by their text (commas, length, link density,
//! class and id names such as `comment`, `footer`, `article`) and keeps the best one with
//! its siblings of similar score. What it keeps is split into paragraphs by our own block
//! splitting ([`super::html`]), so the rest of the reader sees the same text as from a
//! pasted article. When Readability finds nothing (a page without a body of text, a
//! fragment), the whole page goes through the hand-written path
//! ([`super::html::html_to_text`]).

use scraper::{Html, Selector};

use super::html::{HIDDEN, blocks, bound_depth, collapse, first_text, html_to_text, paragraphs};

/// Pages with more elements than this are not given to Readability (its scoring walks the
/// candidates' ancestors at every paragraph); the hand-written path reads them. A news page
/// has 500 to 5,000 elements.
pub const MAX_READABILITY_ELEMENTS: usize = 60_000;

/// An HTML page as article text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The article text for [`crate::article::clean::clean`]: the headline on the first
    /// line (when the page has one), then one paragraph per line with blank lines between.
    pub text: String,
    /// The page's other visible blocks (menus, link lists, footers, related links), in
    /// document order, whitespace collapsed: page chrome, kept so nothing is lost.
    pub dropped: Vec<String>,
    /// Whether Readability found the article (false: the hand-written path read the whole
    /// page and `dropped` is empty).
    pub readability: bool,
}

/// The article of an HTML page (see the module documentation). Never fails: a page where
/// nothing is found gives the hand-written path's text, which may be empty. Linear in the
/// page's size for the walks here; the nesting is bounded first ([`bound_depth`]).
pub fn extract(html: &str) -> Page {
    let html = bound_depth(html);
    let doc = Html::parse_document(&html);
    let headline = headline(&doc);
    let elements = doc.tree.nodes().filter(|n| n.value().is_element()).count();
    let kept = if elements <= MAX_READABILITY_ELEMENTS {
        readability_blocks(&html)
    } else {
        None
    };
    let Some(kept) = kept.filter(|k| !k.is_empty()) else {
        let mut text = html_to_text(&html);
        // The hand-written path takes the first h1 or the title; the metadata's headline
        // is better when the page has one.
        if let Some(h) = &headline
            && let Some(first) = text.split("\n\n").next()
            && first != h
        {
            let first = first.to_string();
            let rest: Vec<&str> = text
                .split("\n\n")
                .filter(|b| !b.is_empty() && *b != first && b != h)
                .collect();
            let mut joined = format!("{h}\n\n{}", rest.join("\n\n"));
            if !rest.is_empty() {
                joined.push_str("\n\n");
            }
            text = joined;
        }
        return Page {
            text,
            dropped: Vec::new(),
            readability: false,
        };
    };
    let same = |a: &str, b: &str| squeeze(a) == squeeze(b);
    let mut text = String::new();
    if let Some(h) = &headline {
        text.push_str(h);
        text.push_str("\n\n");
    }
    let body: Vec<&String> = kept
        .iter()
        .filter(|b| headline.as_ref().is_none_or(|h| !same(b, h)))
        .collect();
    for b in &body {
        text.push_str(b);
        text.push_str("\n\n");
    }
    // Every visible block of the page that is not kept, in document order (a block kept
    // twice is taken out twice).
    let mut left: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for b in &kept {
        *left.entry(squeeze(b)).or_default() += 1;
    }
    let mut dropped = Vec::new();
    for b in blocks(doc.root_element(), HIDDEN) {
        let key = squeeze(&b);
        if headline.as_ref().is_some_and(|h| squeeze(h) == key) {
            continue;
        }
        match left.get_mut(&key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => dropped.push(b),
        }
    }
    Page {
        text,
        dropped,
        readability: true,
    }
}

/// `s` without whitespace, to compare blocks split at different elements.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The blocks of the content Readability keeps, or `None` when it finds none.
fn readability_blocks(html: &str) -> Option<Vec<String>> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        disable_json_ld: true,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let content = Html::parse_fragment(&article.content);
    let kept = paragraphs(content.root_element());
    (!kept.is_empty()).then_some(kept)
}

/// Separators between a page's title and its site's name (`标题_新闻频道_中国青年网`,
/// `Title - Site`, `標題｜某報`).
const TITLE_SEPARATORS: &[&str] = &[
    "_", "|", "｜", " - ", " — ", " – ", " -- ", "--", " :: ", " » ",
];

/// A segment of a title this short (in chars) at its end is a site or section name.
const MAX_SITE_NAME_CHARS: usize = 15;

/// A page title without the site's and section's names at its end (`标题_新闻频道_中国青年网`
/// → `标题`): segments after a [`TITLE_SEPARATORS`] separator of at most
/// [`MAX_SITE_NAME_CHARS`] chars, shorter than what stays before them, are cut one by one,
/// as is the page's `og:site_name` at either end.
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let mut t = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in TITLE_SEPARATORS {
            if let Some(rest) = t
                .strip_suffix(site)
                .and_then(|r| r.trim_end().strip_suffix(sep.trim()))
            {
                t = rest.trim_end();
            }
            if let Some(rest) = t
                .strip_prefix(site)
                .and_then(|r| r.trim_start().strip_prefix(sep.trim()))
            {
                t = rest.trim_start();
            }
        }
    }
    loop {
        let cut = TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|at| (at, at + sep.len())))
            .max();
        let Some((at, after)) = cut else { break };
        let (head, tail) = (t[..at].trim_end(), t[after..].trim());
        let n = tail.chars().count();
        if n <= MAX_SITE_NAME_CHARS && head.chars().count() > n.max(4) {
            t = head;
        } else {
            break;
        }
    }
    t.to_string()
}

/// The headline of a page: `og:title` (or `twitter:title`) or `<title>` without the
/// site's name ([`strip_site_name`]), unless the first `h1` is the same title more cleanly
/// (the title holds it, or it holds the title) or the title is shorter than the `h1` (a
/// site's name as the title: `BBS`); the `h1` alone when there is no title. `None` for a
/// page with neither.
pub fn headline(doc: &Html) -> Option<String> {
    let meta = |css: &str| {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .find_map(|e| e.value().attr("content").map(collapse))
            .filter(|s| !s.is_empty())
    };
    let site = meta(r#"meta[property="og:site_name"]"#);
    let title = meta(r#"meta[property="og:title"]"#)
        .or_else(|| meta(r#"meta[name="twitter:title"]"#))
        .or_else(|| first_text(doc.root_element(), "title"))
        .map(|t| strip_site_name(&t, site.as_deref()))
        .filter(|t| !t.is_empty());
    let h1 = first_text(doc.root_element(), "h1").filter(|h| !h.is_empty());
    match (title, h1) {
        (Some(t), Some(h)) => {
            let (st, sh) = (squeeze(&t), squeeze(&h));
            let h_better = (st.contains(&sh) && sh.chars().count() >= 5)
                || sh.contains(&st)
                || st.chars().count() < sh.chars().count().min(5);
            Some(if h_better { h } else { t })
        }
        (t, h) => t.or(h),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A news page in the shape of a real one: a site menu, a breadcrumb, the article, a
    /// list of related links and a footer (all text invented).
    const NEWS_PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>桐川社区三位网格员的一天_社会频道_桐川新闻网</title></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">要闻</a></li><li><a href="/b">社会</a></li>
<li><a href="/c">图片</a></li><li><a href="/d">视频</a></li></ul></div>
<div class="crumb">首页 &gt; 社会 &gt; 正文</div>
<div class="article"><div class="title">桐川社区三位网格员的一天</div>
<p>清晨六点，网格员周玉兰已经走在桐川社区的小巷里。她今年52岁，在社区工作了18年，负责的网格里住着312户人家。</p>
<p>“谁家老人一个人住，谁家孩子在外地，我心里都有数。”周玉兰说。每天早上，她要先去看望独居的几位老人，再去菜市场转一圈。</p>
<p>另一位网格员韩志刚刚满30岁，是社区里最年轻的网格员。他把网格里的事情都记在一个小本子上，两年下来已经写满了6本。</p>
<p>第三位网格员邵晓梅原来是一名小学教师，退休后主动报名当网格员。她说，能帮邻居们解决一些小事，心里很踏实，也很高兴。</p>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">桐川举办社区运动会</a></li>
<li><a href="/2">桐川新建三座口袋公园</a></li><li><a href="/3">社区食堂开张了</a></li></ul></div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图</p><p>版权所有 桐川新闻网 备案号：桐ICP备00000000号</p></div>
</body></html>"#;

    #[test]
    fn readability_keeps_the_article_and_sets_the_page_apart() {
        let page = extract(NEWS_PAGE);
        assert!(page.readability);
        let paras: Vec<&str> = page.text.split("\n\n").filter(|p| !p.is_empty()).collect();
        assert_eq!(paras[0], "桐川社区三位网格员的一天");
        assert_eq!(paras.len(), 5, "{paras:?}");
        assert!(paras[1].starts_with("清晨六点"));
        assert!(paras[4].starts_with("第三位网格员"));
        for chrome in [
            "首页",
            "相关新闻",
            "桐川举办社区运动会",
            "版权所有 桐川新闻网 备案号：桐ICP备00000000号",
        ] {
            assert!(!page.text.contains(chrome), "{chrome} in the text");
            assert!(
                page.dropped.iter().any(|d| d.contains(chrome)),
                "{chrome} not set apart"
            );
        }
    }

    #[test]
    fn the_headline_comes_from_the_metadata_without_the_site_name() {
        assert_eq!(
            strip_site_name("桐川社区三位网格员的一天_社会频道_桐川新闻网", None),
            "桐川社区三位网格员的一天"
        );
        assert_eq!(
            strip_site_name("社区网格员群像 - 桐川新闻网", None),
            "社区网格员群像"
        );
        assert_eq!(
            strip_site_name("桐川新闻｜社区网格员群像", Some("桐川新闻")),
            "社区网格员群像"
        );
        // A separator inside the headline, with a long part after it, stays.
        assert_eq!(
            strip_site_name("第十二师|基层党员干部舍小家为大家奔赴一线", None),
            "第十二师|基层党员干部舍小家为大家奔赴一线"
        );
        let doc = Html::parse_document(
            r#"<head><meta property="og:title" content="网格员的一天"><title>网格员的一天 - 桐川网</title></head><body><h1>桐川网</h1></body>"#,
        );
        assert_eq!(headline(&doc).as_deref(), Some("网格员的一天"));
        // A site's name as the title: the h1 is the headline.
        let doc = Html::parse_document("<title>BBS</title><h1>社区网格员群像</h1>");
        assert_eq!(headline(&doc).as_deref(), Some("社区网格员群像"));
        let doc = Html::parse_document("<p>正文</p>");
        assert_eq!(headline(&doc), None);
    }

    #[test]
    fn a_fragment_without_an_article_goes_the_hand_written_way() {
        let page = extract("<h1>标题</h1><p>正文</p>");
        assert!(page.text.starts_with("标题\n\n"), "{:?}", page.text);
        assert!(page.text.contains("正文"));
        assert_eq!(extract(&"<q>".repeat(70_000)).text, "");
    }

    #[test]
    fn deep_pages_are_bounded_before_readability() {
        // 70,000 nested divs of text (bounded to 512 levels first): no stack overflow.
        let deep = format!(
            "<title>深</title><h1>标题</h1>{}{}",
            "<div>清晨六点，网格员已经走在社区的小巷里。".repeat(70_000),
            "</div>".repeat(70_000)
        );
        let page = extract(&deep);
        assert!(page.text.starts_with("标题\n\n"), "{:?}", &page.text[..40]);
        // Readability keeps the deep end; what it leaves of the outer levels is set apart.
        let kept = page.text.matches("小巷").count();
        let apart: usize = page.dropped.iter().map(|d| d.matches("小巷").count()).sum();
        assert!(kept > 60_000, "{kept}");
        assert_eq!(kept + apart, 70_000);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(100))]
        /// Any soup of page elements, text and broken tags goes through Readability or the
        /// hand-written path without a panic, and every char it keeps or sets apart is in
        /// the page.
        #[test]
        fn any_page_soup_is_read(parts in proptest::collection::vec(0usize..24, 0..600)) {
            const BITS: [&str; 24] = [
                "<div class=\"article\">", "</div>", "<p>", "</p>", "<h1>", "</h1>",
                "<title>", "</title>", "<nav>", "</nav>", "<ul><li><a href=\"/x\">首页</a>",
                "</ul>", "<script>var a='<p>';</script>", "<!--", "-->", "<table><tr><td>",
                "<br>", "<meta charset=big5>", "<img src=x>", "<",
                "清晨六点，网格员周玉兰已经走在桐川社区的小巷里，她负责312户人家。",
                "文", "<meta property=\"og:title\" content=\"网格员\">", "&amp;&#x4e2d;",
            ];
            let html: String = parts.iter().map(|&i| BITS[i]).collect();
            let page = extract(&html);
            // Nothing is made up: every char shown is in the page (entities decoded).
            for c in page.text.chars().chain(page.dropped.iter().flat_map(|d| d.chars())) {
                proptest::prop_assert!(c.is_whitespace() || html.contains(c) || c == '中', "{:?}", c);
            }
        }
    }
}
