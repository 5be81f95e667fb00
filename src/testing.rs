//! Deterministic large inputs for benchmarks and tests: compilations (先進事蹟彙編) of many
//! profile articles, built from the articles in a fixtures directory; and hostile shapes
//! (one paragraph with thousands of figures, one very long line).

use std::path::Path;

use crate::convert::{Converters, Script};

/// Builds a compilation of about `target_bytes` bytes (UTF-8) from the `.txt` articles in
/// `fixtures` (sorted by name, repeated in order until the size is reached), each under its
/// own numbered heading line, all in `script` (converted with `converters`; the articles as
/// written for [`Script::Original`]). The same inputs always give the same text.
///
/// Errors: reading the directory or a file, or no `.txt` article in it.
pub fn compilation(
    fixtures: &Path,
    target_bytes: usize,
    script: Script,
    converters: &Converters,
) -> std::io::Result<String> {
    let mut paths: Vec<_> = std::fs::read_dir(fixtures)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for p in &paths {
        let text = std::fs::read_to_string(p)?;
        let converted = match script {
            Script::Original => text,
            s => {
                let source = converters.detect(&text);
                converters
                    .convert_text(&text, source, s)
                    .map_err(std::io::Error::other)?
            }
        };
        articles.push(converted);
    }
    if articles.is_empty() {
        return Err(std::io::Error::other(format!(
            "no .txt articles in {}",
            fixtures.display()
        )));
    }
    let mut out = String::from("先进事迹汇编\n\n");
    let mut n = 0;
    while out.len() < target_bytes {
        n += 1;
        out.push_str(&format!("第{n}篇\n\n"));
        out.push_str(&articles[(n - 1) % articles.len()]);
        out.push_str("\n\n");
    }
    Ok(out)
}

/// The reader's JSON for an invented article: one profile, 李明, whose second paragraph
/// holds `n` figures (`养了N头牛，` each, N from 2 to 98), every one in the profile's
/// `stats` at its character offset. A paragraph with many items, for tests and benchmarks
/// of the work per frame and per toggle.
pub fn many_figures_json(n: usize) -> String {
    let mut para = String::from("李明");
    let mut chars = 2;
    let mut stats = Vec::with_capacity(n);
    for i in 0..n {
        let k = i % 97 + 2;
        let item = format!("养了{k}头牛，");
        stats.push(format!(
            r#"{{"text":"{k}头","value":{k},"unit":"头","approx":false,"context":"养了{k}头牛","paragraph":1,"offset":{}}}"#,
            chars + 2
        ));
        chars += item.chars().count();
        para.push_str(&item);
    }
    format!(
        r#"{{"headline":"养牛的人","byline":null,"script":"simplified","paragraphs":["社区书记李明今年45岁。","{para}"],
"profiles":[{{"name":"李明","role":"社区书记","paragraphs":[0,1],
"mentions":[{{"paragraph":0,"start":4,"end":6}},{{"paragraph":1,"start":0,"end":2}}],
"stats":[{}],"quotes":[]}}]}}"#,
        stats.join(",")
    )
}

/// An invented text of a headline and one line of about `bytes` bytes (UTF-8): simplified
/// sentences that differ by a number (`今天天气很好，我们一起去公园散步，走了N步。`), so
/// no piece of the line repeats another. A very long line, for tests and benchmarks of
/// loading and toggling.
pub fn single_line(bytes: usize) -> String {
    let mut out = String::from("一行很长的文章\n\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!("今天天气很好，我们一起去公园散步，走了{i}步。"));
        i += 1;
    }
    out.push('\n');
    out
}
