//! People: candidate mentions grouped into persons, and a score that decides who is
//! profiled rather than merely mentioned.
//!
//! Grouping: a mention joins the person whose name it equals; a two-char given name joins
//! the one full name it ends (`美華` → `周美華`); `阿X`/`小X`/`老X` joins the one name ending
//! in X (`阿偉` → `何志偉`), `老X`, and `小X` when none ends in X, the one whose surname is X
//! (`小梁` → `梁某某`); an alias the article defines in brackets joins its name
//! (`馮志強（馮Sir）`); a name the tagger cut short or ran on joins the longer or shorter
//! form it is a prefix of, named by the more frequent form; a Latin first name joins the
//! full Latin name.
//!
//! Who of them is profiled is decided by [`super::scoring`].

use super::candidates::{Mention, is_han};
use super::tagger::Token;
use crate::article::ParagraphKind;

/// The score at or above which a person is profiled.
pub const PROFILED: i32 = 3;
/// The score at or above which the analysis is sure.
pub const SURE: i32 = 5;

/// One person: the mentions that name them and what the analysis found about them.
#[derive(Debug, Clone)]
pub struct Person {
    /// The name (the most frequent full form).
    pub name: String,
    /// Other forms used (given name, nickname, label).
    pub aliases: Vec<String>,
    /// Indices into the mention list, in reading order.
    pub mentions: Vec<usize>,
    /// The role (see [`roles`]), if any.
    pub role: Option<String>,
    /// The profiled score (see the module doc).
    pub score: i32,
    /// Why: the signals that made the score, for `make eval`'s report.
    pub why: Vec<&'static str>,
}

/// What the grouping and scoring need of the text.
pub struct Text<'a> {
    /// Each paragraph's chars.
    pub chars: &'a [Vec<char>],
    /// Each paragraph's kind.
    pub kinds: &'a [ParagraphKind],
    /// Each paragraph's tokens.
    pub tokens: &'a [Vec<Token>],
    /// Each paragraph's quoted ranges (char ranges inside quote marks).
    pub quoted: &'a [Vec<(usize, usize)>],
}

/// Groups `mentions` into persons (see the module doc), in order of first mention.
pub fn group(mentions: &[Mention], defined: &[(String, String)]) -> Vec<Person> {
    use std::collections::HashMap;
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        *freq.entry(m.name.as_str()).or_default() += 1;
    }
    let names: Vec<&str> = {
        let mut v: Vec<&str> = freq.keys().copied().collect();
        v.sort_unstable();
        v
    };
    // Indexes of the distinct names, so each lookup below is a hash probe, not a scan.
    let mut by_prefix: HashMap<String, Vec<&str>> = HashMap::new(); // all chars but the last
    let mut by_last2: HashMap<String, Vec<&str>> = HashMap::new(); // last two chars, full names
    let mut by_last: HashMap<char, Vec<&str>> = HashMap::new(); // last char, full names
    let mut by_first: HashMap<char, Vec<&str>> = HashMap::new(); // first char, full names
    let mut by_word: HashMap<&str, Vec<&str>> = HashMap::new(); // first word of Latin names
    let full = |n: &str| n.chars().count() >= 3 || !n.chars().all(is_han);
    for &o in &names {
        let c: Vec<char> = o.chars().collect();
        if c.iter().all(|&x| is_han(x)) && c.len() >= 2 {
            by_prefix
                .entry(c[..c.len() - 1].iter().collect())
                .or_default()
                .push(o);
        }
        if full(o) && c.iter().all(|&x| is_han(x)) {
            by_last2
                .entry(c[c.len() - 2..].iter().collect())
                .or_default()
                .push(o);
            by_last.entry(c[c.len() - 1]).or_default().push(o);
            by_first.entry(c[0]).or_default().push(o);
        }
        if o.is_ascii() {
            if let Some((w, _)) = o.split_once(' ') {
                by_word.entry(w).or_default().push(o);
            }
        }
    }
    let one = |v: Option<&Vec<&str>>, n: &str| -> Option<String> {
        let hits: Vec<&&str> = v
            .map(|v| v.iter().filter(|o| **o != n).collect())
            .unwrap_or_default();
        (hits.len() == 1).then(|| hits[0].to_string())
    };
    // Resolve each distinct name to the canonical name it joins.
    let canon = |n: &str| -> String {
        if let Some((_, full)) = defined.iter().find(|(a, _)| a == n) {
            return full.clone();
        }
        let chars: Vec<char> = n.chars().collect();
        let han = chars.iter().all(|&c| is_han(c));
        // A name the tagger cut short or ran on: the more frequent form wins.
        if han {
            let longer = one(by_prefix.get(n), n);
            let shorter = (chars.len() >= 3)
                .then(|| chars[..chars.len() - 1].iter().collect::<String>())
                .filter(|s| freq.contains_key(s.as_str()));
            for o in longer.into_iter().chain(shorter) {
                let (fo, fn_) = (freq[o.as_str()], freq[n]);
                if fo > fn_ || (fo == fn_ && o.chars().count() > chars.len()) {
                    return o;
                }
            }
        }
        if chars.len() == 2 && han {
            if let Some(o) = one(by_last2.get(n), n) {
                return o;
            }
            if matches!(chars[0], '阿' | '小' | '老') {
                let x = chars[1];
                let mut hits: Vec<&str> = by_last.get(&x).cloned().unwrap_or_default();
                // 老 and the surname (`老王`); 小 and the surname (`小梁` of a young
                // courier) when no full name ends in X.
                if chars[0] == '老' || (chars[0] == '小' && hits.is_empty()) {
                    hits.extend(by_first.get(&x).cloned().unwrap_or_default());
                }
                hits.sort_unstable();
                hits.dedup();
                if let Some(o) = one(Some(&hits), n) {
                    return o;
                }
            }
        }
        if n.is_ascii() && !n.contains(' ') {
            if let Some(o) = one(by_word.get(n), n) {
                return o;
            }
        }
        n.to_string()
    };
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let resolved: HashMap<&str, String> = names.iter().map(|n| (*n, canon(n))).collect();
    for (k, m) in mentions.iter().enumerate() {
        // Follow one more step: an alias of a name that itself joined another.
        let mut c = resolved[m.name.as_str()].clone();
        if let Some(c2) = resolved.get(c.as_str()) {
            c = c2.clone();
        }
        let i = *index.entry(c.clone()).or_insert_with(|| {
            people.push(Person {
                name: c.clone(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                role: None,
                score: 0,
                why: Vec::new(),
            });
            people.len() - 1
        });
        let p = &mut people[i];
        p.mentions.push(k);
        // A form the tagger cut short or ran on (`X闰` or `X闰苟板` of `X闰苟`) counts as a
        // mention but is no alias.
        let cut_short = (p.name.starts_with(m.name.as_str())
            || (m.name.starts_with(p.name.as_str())
                && m.name.chars().count() == p.name.chars().count() + 1))
            && m.name.chars().all(is_han);
        if m.name != p.name && !cut_short && !p.aliases.contains(&m.name) {
            p.aliases.push(m.name.clone());
        }
    }
    people
}
