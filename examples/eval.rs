//! `make eval`: scores extraction over the real articles of `../shared/corpus/` (and any
//! other folder of `NAME.txt`/`NAME.html` + `NAME.gold.json` given as arguments), one row
//! per article and the totals. `-v` lists every miss and false positive with the analysis's
//! reasons.
//!
//! Usage: `cargo run --release --example eval -- [-v] [FOLDER…] [--only PREFIX]`

use qunxiang::eval::{Counts, Gold, Score, score, squash};
use qunxiang::{Converters, LoadOptions};
use std::path::{Path, PathBuf};

/// The gold files of a folder with their article (`.txt` or `.html`), sorted by name.
fn articles(dir: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("eval: cannot read {}", dir.display());
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".gold.json") else {
            continue;
        };
        for ext in ["txt", "html"] {
            let p = dir.join(format!("{stem}.{ext}"));
            if p.exists() {
                out.push((stem.to_string(), p, e.path()));
                break;
            }
        }
    }
    out.sort();
    out
}

fn pct(c: Counts) -> String {
    format!(
        "R {:>5.1}% P {:>5.1}%",
        100.0 * c.recall(),
        100.0 * c.precision()
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let mut dirs: Vec<PathBuf> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "--only"))
        .map(|(_, a)| PathBuf::from(a))
        .collect();
    if dirs.is_empty() {
        dirs.push(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus"
        )));
    }
    let converters = Converters::new();
    let mut total = Score::default();
    println!(
        "{:<42} {:>8} {:>7} {:>5} {:>11} {:>11}",
        "article", "people", "roles", "head", "figures", "quotes"
    );
    for dir in &dirs {
        for (stem, path, gold_path) in articles(dir) {
            if only.as_ref().is_some_and(|o| !stem.starts_with(o.as_str())) {
                continue;
            }
            let gold: Gold = match std::fs::read_to_string(&gold_path)
                .map_err(|e| e.to_string())
                .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
            {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("eval: {}: {e}", gold_path.display());
                    continue;
                }
            };
            let bytes = std::fs::read(&path).unwrap_or_default();
            let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
            let loaded = match qunxiang::load_bytes(
                &bytes,
                stem.clone(),
                ext.as_deref(),
                LoadOptions::default(),
                &converters,
            ) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("eval: {stem}: {e}");
                    continue;
                }
            };
            let a = &loaded.article;
            let s = score(a, &gold);
            let frac = |c: Counts| format!("{}/{}", c.tp, c.tp + c.fn_);
            println!(
                "{:<42} {:>5}+{:<2} {:>7} {:>5} {:>7}+{:<3} {:>7}+{:<3}",
                &stem.chars().take(42).collect::<String>(),
                frac(s.profiles),
                s.profiles.fp,
                frac(s.roles),
                frac(s.headings),
                frac(s.stats),
                s.stats.fp,
                frac(s.quotes),
                s.quotes.fp
            );
            if verbose {
                report(a, &gold);
            }
            total.add(&s);
        }
    }
    println!("(n/m: found of gold; +k: found but not in the gold)");
    println!("profiles {}", pct(total.profiles));
    println!("roles    {}", pct(total.roles));
    println!("headings {}", pct(total.headings));
    println!("figures  {}", pct(total.stats));
    println!("quotes   {}", pct(total.quotes));
}

/// Prints what differs from the gold for one article.
fn report(a: &qunxiang::Article, gold: &Gold) {
    let explained = qunxiang::analysis::explain_article(a);
    let why = |name: &str| {
        explained
            .iter()
            .find(|e| e.0 == name)
            .map_or("not a candidate".to_string(), |e| {
                format!("score {} {:?}", e.1, e.2)
            })
    };
    for g in &gold.profiles {
        let Some(p) = a.profiles.iter().find(|p| p.name == g.name) else {
            println!("    missed {} ({})", g.name, why(&g.name));
            continue;
        };
        if g.role.as_deref().map(squash) != p.role.as_deref().map(squash) {
            println!(
                "    role of {}: gold {:?}, found {:?}",
                g.name, g.role, p.role
            );
        }
        if std::env::var_os("EVAL_SCORES").is_some() {
            println!("    found {} ({})", g.name, why(&g.name));
        }
        if g.heading != p.heading {
            println!(
                "    heading of {}: gold {:?}, found {:?}",
                g.name, g.heading, p.heading
            );
        }
        let gs: Vec<String> = g
            .stats
            .iter()
            .map(|x| squash(&format!("{}{}", x.value, x.unit.as_deref().unwrap_or(""))))
            .collect();
        let fs: Vec<String> = p.stats.iter().map(|x| squash(&x.text)).collect();
        let miss: Vec<&String> = gs.iter().filter(|x| !fs.contains(x)).collect();
        let extra: Vec<&String> = fs.iter().filter(|x| !gs.contains(x)).collect();
        if !miss.is_empty() || !extra.is_empty() {
            println!(
                "    figures of {}: missed {:?}, extra {:?}",
                g.name, miss, extra
            );
        }
        if std::env::var_os("EVAL_FIGURES").is_some() {
            for x in &p.stats {
                let mark = if gs.contains(&squash(&x.text)) {
                    "+"
                } else {
                    "-"
                };
                println!("      {mark} {} {} | {}", g.name, x.text, around(a, x));
            }
        }
        let gq: Vec<String> = g.quotes.iter().map(|q| squash(q)).collect();
        for q in &p.quotes {
            if !gq.contains(&squash(&q.text)) {
                println!(
                    "    extra quote of {}: {}",
                    g.name,
                    q.text.chars().take(40).collect::<String>()
                );
            }
        }
        let fq: Vec<String> = p.quotes.iter().map(|q| squash(&q.text)).collect();
        for q in &g.quotes {
            if !fq.contains(&squash(q)) {
                println!(
                    "    missed quote of {}: {}",
                    g.name,
                    q.chars().take(40).collect::<String>()
                );
            }
        }
    }
    for p in &a.profiles {
        if !gold.profiles.iter().any(|g| g.name == p.name) {
            println!(
                "    not in gold: {} role {:?} ({})",
                p.name,
                p.role,
                why(&p.name)
            );
        }
    }
}

/// The text around a figure: up to 40 chars before it and 15 after, with the figure in
/// brackets (for `EVAL_FIGURES=1`, which lists every figure found for a gold person, `+`
/// when the gold has it, `-` when not).
fn around(a: &qunxiang::Article, x: &qunxiang::article::Stat) -> String {
    let Some(p) = a.paragraphs.get(x.paragraph) else {
        return String::new();
    };
    let c: Vec<char> = p.chars().collect();
    let n = x.text.chars().count();
    let (s, e) = (x.offset.min(c.len()), (x.offset + n).min(c.len()));
    let before: String = c[s.saturating_sub(40)..s].iter().collect();
    let fig: String = c[s..e].iter().collect();
    let after: String = c[e..(e + 15).min(c.len())].iter().collect();
    format!("{before}[{fig}]{after}").replace('\n', " ")
}
