//! HTML to article text, with a real HTML parser (`scraper`, built on html5ever).
//!
//! Script, style, navigation, header, footer, form and similar page chrome are dropped;
//! every block element (p, div, h1–h6, li, blockquote, section, article, figcaption, br, …)
//! becomes a paragraph. The headline comes from the first `h1`, else from `title`.

use scraper::{ElementRef, Html, Node, Selector};

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

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn walk(el: ElementRef<'_>, blocks: &mut Vec<String>, current: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(blocks, current);
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    walk(child_el, blocks, current);
                }
                if block {
                    flush(blocks, current);
                }
            }
            _ => {}
        }
    }
}

fn flush(blocks: &mut Vec<String>, current: &mut String) {
    let p = collapse(current);
    if !p.is_empty() {
        blocks.push(p);
    }
    current.clear();
}

/// Converts an HTML document to article text: the headline on the first line, then one
/// paragraph per line with blank lines between. Never fails: html5ever repairs any input.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let first_text = |sel: &str| {
        let s = Selector::parse(sel).ok()?;
        doc.select(&s)
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let headline = first_text("h1").or_else(|| first_text("title"));
    let mut blocks = Vec::new();
    let mut current = String::new();
    walk(doc.root_element(), &mut blocks, &mut current);
    flush(&mut blocks, &mut current);
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
}
