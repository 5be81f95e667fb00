//! Deterministic large inputs for benchmarks and tests: compilations (先進事蹟彙編) of many
//! profile articles, built from the articles in a fixtures directory.

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
