//! The JSON config OpenCC loads for a configuration: OpenCC's config files chained, with
//! the correction dictionaries in front of the first step's.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use super::config::Config;
use super::data_source::DataSource;
use super::error::ConvertError;

/// Rewrites every `"file": "X.ocd2"` in an OpenCC config value to an absolute path in `data`.
fn absolutize(v: &mut Value, data: &Path) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(f)) = map.get_mut("file")
                && !Path::new(f.as_str()).is_absolute()
            {
                *f = data.join(&*f).display().to_string();
            }
            map.values_mut().for_each(|x| absolutize(x, data));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| absolutize(x, data)),
        _ => {}
    }
}

/// Rewrites every `"file": NAME` in a config value to the path `paths` gives for NAME, and
/// its `type` to `ocd2` when that path is a compiled dictionary (`.ocd2`).
pub(super) fn locate(v: &mut Value, paths: &std::collections::HashMap<String, String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(f)) = map.get_mut("file")
                && let Some(p) = paths.get(f.as_str())
            {
                *f = p.clone();
                if p.ends_with(".ocd2") {
                    map.insert("type".into(), "ocd2".into());
                }
            }
            map.values_mut().for_each(|x| locate(x, paths));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| locate(x, paths)),
        _ => {}
    }
}

/// The file names a config value's dictionaries name, in order, each once.
pub(super) fn files_named(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(f)) = map.get("file")
                && !out.contains(f)
            {
                out.push(f.clone());
            }
            map.values().for_each(|x| files_named(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| files_named(x, out)),
        _ => {}
    }
}

/// Puts text dictionaries `names` (file names of [`BuiltConfig::own_files`]) in front of
/// `dict` in a group (libopencc 1.1's groups take the first dictionary that matches).
fn prepend(dict: &mut Value, names: &[&str]) {
    if names.is_empty() {
        return;
    }
    let mut dicts: Vec<Value> = names
        .iter()
        .map(|f| json!({"type": "text", "file": f}))
        .collect();
    dicts.push(dict.take());
    *dict = json!({"type": "group", "dicts": dicts});
}

/// The text dictionaries of `dict` in the order a libopencc 1.1 group tries them (depth
/// first), with their contents from `data`; `None` when one is not there (a system data
/// directory's `.ocd2` file).
fn leaves<'a>(
    dict: &Value,
    data: &'a BTreeMap<String, String>,
    out: &mut Vec<(String, &'a str)>,
) -> Option<()> {
    match dict["type"].as_str()? {
        "group" => dict["dicts"]
            .as_array()?
            .iter()
            .try_for_each(|d| leaves(d, data, out)),
        "text" => {
            let file = dict["file"].as_str()?;
            let contents = data.get(file)?;
            out.push((file.to_string(), contents.as_str()));
            Some(())
        }
        _ => None,
    }
}

/// Makes `dict`, with the dictionaries `front` (file name, contents) in front of it, one
/// text dictionary ([`super::data::flatten_group`]): the same matches as libopencc 1.1's
/// group of them ([`prepend`]), one lookup per position where the group makes one per
/// dictionary that misses. The flattened dictionary is named after its parts (`+`-joined)
/// and added to `own`. Where a dictionary of `dict` is not a text dictionary of `data` or
/// `own` (a system data directory's `.ocd2`), `front` is put in front in a group instead.
fn flatten_front(
    dict: &mut Value,
    front: &[(String, String)],
    data: &BTreeMap<String, String>,
    own: &mut BTreeMap<String, String>,
) {
    let mut parts: Vec<(String, &str)> =
        front.iter().map(|(n, c)| (n.clone(), c.as_str())).collect();
    match leaves(dict, data, &mut parts) {
        Some(()) if parts.len() > 1 => {
            let name = parts
                .iter()
                .map(|(n, _)| n.trim_end_matches(".txt"))
                .collect::<Vec<_>>()
                .join("+")
                + ".txt";
            if !own.contains_key(&name) {
                let contents: Vec<&str> = parts.iter().map(|(_, c)| *c).collect();
                let flat = super::data::flatten_group(&contents);
                own.insert(name.clone(), flat);
            }
            *dict = json!({"type": "text", "file": name});
        }
        Some(()) => {}
        None => {
            for (name, contents) in front {
                own.insert(name.clone(), contents.clone());
            }
            let names: Vec<&str> = front.iter().map(|(n, _)| n.as_str()).collect();
            prepend(dict, &names);
        }
    }
}

/// A configuration's JSON and the files it names, to be written before libopencc reads it.
#[derive(Debug)]
pub struct BuiltConfig {
    /// The config, its dictionaries named by bare file name where they are to be written
    /// (then located: `locate`), by absolute path for a system data directory's.
    pub json: Value,
    /// The rewritten vendored data's dictionaries the config names (file name → contents):
    /// the same for every configuration (empty for a data directory).
    pub data_files: BTreeMap<String, String>,
    /// This configuration's own dictionaries (file name → contents): the vendored data's
    /// groups with qunxiang's and the user's dictionaries in front, each flattened into one
    /// ([`flatten_front`]); or, with a data directory, qunxiang's and the user's as they are.
    pub own_files: BTreeMap<String, String>,
}

/// Builds the JSON of `config` from `data`: OpenCC's config files, chained, with the text
/// dictionaries `dicts` (file name, contents; qunxiang's and the user's, first wins) in
/// front of the first step's segmentation and conversion dictionaries. With the vendored
/// data every group (with those in front) is flattened into one text dictionary
/// ([`flatten_front`]: libopencc then looks up one dictionary per position where a group
/// looks up one per dictionary that misses, about a third less work); with a data
/// directory's `.ocd2` files they come first in a group. Errors: a config file that cannot be
/// read or parsed, or a vendored config libopencc 1.1 cannot run.
pub fn build_config_json(
    config: Config,
    data: &DataSource,
    dicts: &[(String, String)],
) -> Result<BuiltConfig, ConvertError> {
    let mut chain: Vec<Value> = Vec::new();
    let mut segmentation = Value::Null;
    let mut files = BTreeMap::new();
    for file in config.stock_files() {
        let mut v = match data {
            DataSource::System(dir) => {
                let path = dir.join(file);
                let err = |reason: String| ConvertError::StockConfig {
                    path: path.display().to_string(),
                    reason,
                };
                let text = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
                let mut v: Value = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
                absolutize(&mut v, dir);
                if !v["conversion_chain"].is_array() {
                    return Err(err("no conversion_chain".into()));
                }
                v
            }
            DataSource::Upstream => {
                let (v, f) = super::data::rewrite_config(file).map_err(|reason| {
                    ConvertError::StockConfig {
                        path: format!("assets/opencc/upstream/config/{file}"),
                        reason,
                    }
                })?;
                files.extend(f);
                v
            }
        };
        // The first explicit segmentation of the chain (the vendored data marks the ones it
        // made up for a config without: see `data`).
        let default = |s: &Value| s.get("default").is_some();
        if segmentation.is_null() || default(&segmentation) && !default(&v["segmentation"]) {
            segmentation = v["segmentation"].take();
        }
        if let Value::Array(steps) = v["conversion_chain"].take() {
            chain.extend(steps);
        }
    }
    if let Some(map) = segmentation.as_object_mut() {
        map.remove("default");
    }
    let mut own = BTreeMap::new();
    if let Some(d) = segmentation.get_mut("dict") {
        flatten_front(d, dicts, &files, &mut own);
    }
    for (i, step) in chain.iter_mut().enumerate() {
        if let Some(d) = step.get_mut("dict") {
            flatten_front(d, if i == 0 { dicts } else { &[] }, &files, &mut own);
        }
    }
    Ok(BuiltConfig {
        json: json!({
            "name": format!("qunxiang {}", config.name()),
            "segmentation": segmentation,
            "conversion_chain": chain,
        }),
        data_files: files,
        own_files: own,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_groups_are_flattened_with_the_dictionaries_in_front() {
        let front = [(
            "corrections_s2t.txt".to_string(),
            "头发\t頭髮\n".to_string(),
        )];
        let built = build_config_json(Config::S2t, &DataSource::Upstream, &front).unwrap();
        // OpenCC 1.4.2's s2t segments with its phrases and characters, as it converts: one
        // flattened dictionary for both.
        let file =
            "corrections_s2t+STPhrases+STPhrases_GeneratedFromRegionalPhrases+STCharacters.txt";
        let dict = json!({"type": "text", "file": file});
        assert_eq!(
            built.json["segmentation"],
            json!({"type": "mmseg", "dict": dict})
        );
        assert_eq!(built.json["conversion_chain"][0]["dict"], dict);
        assert_eq!(built.own_files.keys().collect::<Vec<_>>(), [file]);
        // The correction first; OpenCC's own 头发 entry (behind it in the group) left out.
        let flat = &built.own_files[file];
        assert!(flat.starts_with("头发\t頭髮\n"));
        assert_eq!(flat.lines().filter(|l| l.starts_with("头发\t")).count(), 1);
        // A character's entry stays: 发 has no entry among the phrases.
        assert!(flat.lines().any(|l| l.starts_with("发\t")));

        // s2tw's second step (Taiwan variants) is flattened alone, with nothing in front.
        let tw = build_config_json(Config::S2tw, &DataSource::Upstream, &front).unwrap();
        assert_eq!(
            tw.json["conversion_chain"][1]["dict"],
            json!({"type": "text", "file": "TWVariantsPhrases+TWVariants.txt"})
        );
    }
}
