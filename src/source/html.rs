//! HTML to article text, with a real HTML parser (`scraper`, built on html5ever).
//!
//! Script, style, navigation, header, footer, form and similar page chrome are dropped;
//! every block element (p, div, h1–h6, li, blockquote, section, article, figcaption, br, …)
//! becomes a paragraph. The headline comes from the first `h1`, else from `title`.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text.
pub const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "form", "button",
    "select", "textarea", "iframe", "svg", "canvas", "aside", "head", "menu",
];

/// Elements that end a paragraph.
pub const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "br",
    "hr",
    "tr",
    "table",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "body",
];

/// Returns true when `text` looks like an HTML document (a doctype, or an `<html>`, `<body>`,
/// `<p>` or `<div>` tag near the start).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && ["<body", "<p>", "<p ", "<div", "<h1", "<head", "<meta"]
                .iter()
                .any(|t| head.contains(t)))
}

pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A step of [`traverse`].
enum Event<'a> {
    /// An element opens; its children follow unless the visitor answers [`Step::Skip`].
    Open(ElementRef<'a>),
    /// A text node.
    Text(&'a str),
    /// An element whose children were visited closes.
    Close(ElementRef<'a>),
}

/// What a [`traverse`] visitor answers.
#[derive(PartialEq)]
enum Step {
    /// Go on (into an opened element's children).
    Descend,
    /// Go on, but skip an opened element's children (it gets no [`Event::Close`]).
    Skip,
    /// End the traversal.
    Stop,
}

/// Visits the nodes under `root` in document order without recursion, so no depth of
/// nesting (70,000 nested elements) can overflow the stack; each node is visited once.
fn traverse<'a>(root: ElementRef<'a>, mut visit: impl FnMut(Event<'a>) -> Step) {
    let root_id = root.id();
    let mut next = root.first_child();
    while let Some(node) = next {
        let step = match (ElementRef::wrap(node), node.value()) {
            (Some(el), _) => visit(Event::Open(el)),
            (None, Node::Text(t)) => visit(Event::Text(t)),
            _ => Step::Skip,
        };
        if step == Step::Stop {
            return;
        }
        if step == Step::Descend {
            if let Some(child) = node.first_child() {
                next = Some(child);
                continue;
            }
            if let Some(el) = ElementRef::wrap(node)
                && visit(Event::Close(el)) == Step::Stop
            {
                return;
            }
        }
        // On to the next sibling of the node or of its nearest ancestor that has one,
        // closing each ancestor left on the way.
        let mut cur = node;
        next = loop {
            if let Some(sibling) = cur.next_sibling() {
                break Some(sibling);
            }
            match cur.parent() {
                Some(parent) if parent.id() != root_id => {
                    cur = parent;
                    if let Some(el) = ElementRef::wrap(cur)
                        && visit(Event::Close(el)) == Step::Stop
                    {
                        return;
                    }
                }
                _ => break None,
            }
        };
    }
}

fn flush(blocks: &mut Vec<String>, current: &mut String) {
    let p = collapse(current);
    if !p.is_empty() {
        blocks.push(p);
    }
    current.clear();
}

/// Elements whose content is never shown on the page (a subset of [`DROPPED`]: menus,
/// headers, footers and forms are shown, as page chrome).
pub const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "select",
    "textarea", "button",
];

/// The paragraphs under `root`: the text between block elements, whitespace collapsed,
/// without the dropped elements ([`DROPPED`]).
pub(crate) fn paragraphs(root: ElementRef<'_>) -> Vec<String> {
    blocks(root, DROPPED)
}

/// The text blocks under `root` (as [`paragraphs`]) leaving out the elements named in
/// `skip` and their content.
pub(crate) fn blocks(root: ElementRef<'_>, skip: &[&str]) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    traverse(root, |event| match event {
        Event::Text(t) => {
            current.push_str(t);
            Step::Descend
        }
        Event::Open(el) if skip.contains(&el.value().name()) => Step::Skip,
        Event::Open(el) | Event::Close(el) => {
            if BLOCKS.contains(&el.value().name()) {
                flush(&mut blocks, &mut current);
            }
            Step::Descend
        }
    });
    flush(&mut blocks, &mut current);
    blocks
}

/// The text (whitespace collapsed) of the first `tag` element in document order whose
/// text is not blank. Linear in the document however deep the nesting: that element is the
/// outermost `tag` around the first non-blank text inside any `tag`.
pub(crate) fn first_text(root: ElementRef<'_>, tag: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut outermost = None;
    let mut found = None;
    traverse(root, |event| match event {
        Event::Open(el) => {
            if el.value().name() == tag {
                if depth == 0 {
                    outermost = Some(el);
                }
                depth += 1;
            }
            Step::Descend
        }
        Event::Close(el) => {
            if el.value().name() == tag {
                depth -= 1;
            }
            Step::Descend
        }
        Event::Text(t) if depth > 0 && !t.trim().is_empty() => {
            found = outermost;
            Step::Stop
        }
        Event::Text(_) => Step::Descend,
    });
    found.map(|el| collapse(&el.text().collect::<String>()))
}

/// The deepest nesting of elements [`bound_depth`] lets through to the HTML parser (as
/// browsers do: Chromium and WebKit cap the tree at 512 levels).
pub const MAX_DEPTH: usize = 512;

/// Elements without content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements whose content is text up to their end tag (never nested, never dropped).
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements the parser never nests in themselves.
const NEVER_NESTED: &[&str] = &["html", "head", "body"];

/// Start tags that close an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Whether the parser closes an open `top` element, the current one, when a `new` element
/// starts (`<p>a<p>b`, `<li>a<li>b`, `<dd>a<dt>b`, …). Only ends the parser always applies
/// are listed: one missed only makes [`bound_depth`] count deeper than the tree is.
fn closes(top: &str, new: &str) -> bool {
    match top {
        "p" => CLOSES_P.contains(&new),
        "li" => new == "li",
        "dt" | "dd" => matches!(new, "dt" | "dd"),
        "option" => matches!(new, "option" | "optgroup"),
        "td" | "th" => matches!(new, "td" | "th"),
        "tr" => new == "tr",
        "thead" | "tbody" | "tfoot" => matches!(new, "thead" | "tbody" | "tfoot"),
        _ => false,
    }
}

/// The ASCII name at the start of `s`, lower-cased, and its length in bytes.
fn tag_name(s: &[u8]) -> (String, usize) {
    let n = s
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':')))
        .unwrap_or(s.len());
    (String::from_utf8_lossy(&s[..n]).to_ascii_lowercase(), n)
}

/// The end of the tag whose attributes start at `from` (just after its `>`), skipping
/// quoted attribute values; whether it ends with `/>`.
fn tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return (i + 1, i > from && b[i - 1] == b'/'),
            b'=' => {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && matches!(b[i], b'"' | b'\'') {
                    let q = b[i];
                    i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |k| i + 1 + k + 1);
                }
            }
            _ => i += 1,
        }
    }
    (b.len(), false)
}

/// Where the end tag `</name` of a raw-text element starts at or after `from` (ASCII case
/// ignored), or the end of `b`.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let at = i + k;
        let rest = &b[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        i = at + 1;
    }
    b.len()
}

/// `html` with its element nesting bounded to [`MAX_DEPTH`], for a parser that needs time
/// in proportion to the depth at each tag (html5ever looks through the open elements for a
/// `p` in scope at each block tag: quadratic on 70,000 nested `div`s). One pass over the
/// tags keeps a stack of open elements as the source writes them (void, raw-text and
/// self-closing foreign elements left out, implied ends of `p`, `li`, `dd`, … applied);
/// a start tag deeper than the bound is removed, with its end tag, and its content stays
/// in place. A document within the bound is returned as it is.
pub fn bound_depth(html: &str) -> std::borrow::Cow<'_, str> {
    use std::collections::HashMap;
    let b = html.as_bytes();
    // Open elements: name and whether its tags are removed; how many of each name are open
    // (so an end tag without a start is told in constant time); how many are kept.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut open: HashMap<String, usize> = HashMap::new();
    let mut kept = 0usize;
    let mut foreign = 0usize;
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    let pop = |stack: &mut Vec<(String, bool)>,
               open: &mut HashMap<String, usize>,
               kept: &mut usize,
               foreign: &mut usize| {
        let (name, removed) = stack.pop()?;
        if let Some(n) = open.get_mut(&name) {
            *n -= 1;
        }
        if !removed {
            *kept -= 1;
        }
        if name == "svg" || name == "math" {
            *foreign = foreign.saturating_sub(1);
        }
        Some((name, removed))
    };
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let at = i + k;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |e| at + 4 + e + 3);
            continue;
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            i = memchr::memchr(b'>', rest).map_or(b.len(), |e| at + 1 + e + 1);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_at = at + 1 + usize::from(end_tag);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let (name, len) = tag_name(&b[name_at..]);
        let (end, self_closing) = tag_end(b, name_at + len);
        i = end;
        if end_tag {
            if open.get(&name).copied().unwrap_or(0) == 0 {
                continue;
            }
            while let Some((top, removed)) = pop(&mut stack, &mut open, &mut kept, &mut foreign) {
                if top == name {
                    if removed {
                        out.push_str(&html[copied..at]);
                        copied = end;
                    }
                    break;
                }
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) && foreign == 0 {
            if !self_closing {
                i = raw_text_end(b, end, &name);
            }
            continue;
        }
        if VOID.contains(&name.as_str())
            || NEVER_NESTED.contains(&name.as_str())
            || (self_closing && (foreign > 0 || name == "svg" || name == "math"))
        {
            continue;
        }
        // Implied ends: a new `li` closes the open `li`, a block closes the open `p`.
        if stack.last().is_some_and(|(top, _)| closes(top, &name)) {
            pop(&mut stack, &mut open, &mut kept, &mut foreign);
        }
        let removed = kept >= MAX_DEPTH;
        if removed {
            out.push_str(&html[copied..at]);
            copied = end;
        } else {
            kept += 1;
        }
        if name == "svg" || name == "math" {
            foreign += 1;
        }
        *open.entry(name.clone()).or_insert(0) += 1;
        stack.push((name, removed));
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Converts an HTML document to article text: the headline on the first line, then one
/// paragraph per line with blank lines between. Never fails: html5ever repairs any input.
/// Linear in the input: the nesting is bounded first ([`bound_depth`]) and the tree is
/// walked without recursion.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(&bound_depth(html));
    let root = doc.root_element();
    let headline = first_text(root, "h1").or_else(|| first_text(root, "title"));
    let blocks = paragraphs(root);
    let mut out = String::new();
    if let Some(h) = &headline {
        out.push_str(h);
        out.push_str("\n\n");
    }
    for b in blocks.iter().filter(|b| Some(*b) != headline.as_ref()) {
        out.push_str(b);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_chrome_is_dropped() {
        let html = r#"<!DOCTYPE html><html><head><title>站点 - 标题</title><style>p{}</style></head>
            <body><nav>首页 新闻</nav><h1>社区干部群像</h1><script>alert(1)</script>
            <p>第一段，<b>加粗</b>的字。</p><div>第二段<br>第三段</div><footer>版权所有</footer></body></html>"#;
        assert_eq!(
            html_to_text(html),
            "社区干部群像\n\n第一段，加粗的字。\n\n第二段\n\n第三段\n\n"
        );
    }

    #[test]
    fn title_when_there_is_no_h1() {
        assert!(
            html_to_text("<html><head><title>标题</title></head><body><p>正文</p></body></html>")
                .starts_with("标题\n\n")
        );
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("  <!DOCTYPE html><p>x"));
        assert!(looks_like_html("<div class=a>正文</div>"));
        assert!(!looks_like_html("标题\n<p>不是开头"));
    }

    #[test]
    fn deep_nesting_is_bounded_and_walked_without_recursion() {
        let deep = format!(
            "<h1>标题</h1>{}{}<p>后记</p>",
            "<div>段".repeat(70_000),
            "</div>".repeat(70_000)
        );
        let bounded = bound_depth(&deep);
        assert_eq!(bounded.matches("<div>").count(), MAX_DEPTH);
        let text = html_to_text(&deep);
        let paras: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(paras[0], "标题");
        assert!(
            paras[1..MAX_DEPTH].iter().all(|p| *p == "段"),
            "{:?}",
            &paras[..5]
        );
        // Past the bound the divs' text runs on in the deepest one kept.
        assert_eq!(paras[MAX_DEPTH].chars().count(), 70_000 - MAX_DEPTH + 1);
        assert_eq!(paras[MAX_DEPTH + 1], "后记");
        // No text: nothing but the walk, which must not overflow the stack.
        assert_eq!(html_to_text(&"<q>".repeat(70_000)), "");
    }

    #[test]
    fn depth_counts_what_the_parser_nests() {
        // Implied ends, void elements, comments, raw text and self-closing SVG do not count.
        let flat = format!(
            "{}{}{}{}{}",
            "<p>段".repeat(2000),
            "<ul>".to_string() + &"<li>项".repeat(2000) + "</ul>",
            "<br><img src=x>".repeat(2000),
            "<script>".to_string() + &"<div>".repeat(2000) + "</script>",
            "<svg>".to_string() + &"<path d=\"1>2\"/>".repeat(2000) + "</svg><!-- <div><div> -->",
        );
        assert!(matches!(bound_depth(&flat), std::borrow::Cow::Borrowed(_)));
        let closed = "<div><b>x</b></div>".repeat(5000);
        assert!(matches!(
            bound_depth(&closed),
            std::borrow::Cow::Borrowed(_)
        ));
        // A removed start tag's end tag goes too: the outer div still closes the outer one.
        let deep = format!("{}{}尾", "<div>".repeat(600), "</div>".repeat(600));
        let bounded = bound_depth(&deep);
        assert_eq!(bounded.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(bounded.matches("</div>").count(), MAX_DEPTH);
    }

    #[test]
    fn headline_is_the_first_h1_with_text_even_when_nested() {
        let html = format!(
            "<h1></h1>{}<h1>真标题</h1>",
            "<h1>".repeat(3) + "内" + &"</h1>".repeat(3)
        );
        assert!(html_to_text(&html).starts_with("内\n\n"));
        assert!(html_to_text("<h1> </h1><h1>二</h1><p>正文</p>").starts_with("二\n\n正文"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Any soup of tags, comments, quotes and text: the bound holds, only tags are
        /// removed, and the conversion never panics.
        #[test]
        fn any_tag_soup_is_bounded(parts in proptest::collection::vec(0usize..20, 0..3000)) {
            const BITS: [&str; 20] = [
                "<div>", "</div>", "<p>", "<b>", "</b>", "<script>", "</script>", "<!--", "-->",
                "<a href=\"x>y\">", "文", "<svg>", "<path/>", "</svg>", "<", ">", "'", "\"",
                "<li>", "<table><tr><td>",
            ];
            let html: String = parts.iter().map(|&i| BITS[i]).collect();
            let bounded = bound_depth(&html);
            proptest::prop_assert!(bounded.matches("<div>").count() <= html.matches("<div>").count());
            proptest::prop_assert_eq!(bounded.matches('文').count(), html.matches('文').count());
            let _ = html_to_text(&html);
        }
    }
}
