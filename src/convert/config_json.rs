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

/// Rewrites every `"file": NAME` in a config value to the path `paths` gives for NAME.
pub(super) fn locate(v: &mut Value, paths: &std::collections::HashMap<String, String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(f)) = map.get_mut("file")
                && let Some(p) = paths.get(f.as_str())
            {
                *f = p.clone();
            }
            map.values_mut().for_each(|x| locate(x, paths));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| locate(x, paths)),
        _ => {}
    }
}

/// Puts text dictionaries `texts` (absolute paths) in front of `dict` in a group.
fn prepend(dict: &mut Value, texts: &[String]) {
    if texts.is_empty() {
        return;
    }
    let mut dicts: Vec<Value> = texts
        .iter()
        .map(|f| json!({"type": "text", "file": f}))
        .collect();
    dicts.push(dict.take());
    *dict = json!({"type": "group", "dicts": dicts});
}

/// Builds the JSON of `config` from `data`: OpenCC's config files, chained, with the text
/// dictionaries `texts` (absolute paths) in front of the first step's segmentation and
/// conversion dicts. For the vendored data, the dictionaries are named by bare file name
/// and returned (name → contents) to be written; for a data directory, by absolute path.
pub fn build_config_json(
    config: Config,
    data: &DataSource,
    texts: &[String],
) -> Result<(Value, BTreeMap<String, String>), ConvertError> {
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
    if let Some(d) = segmentation.get_mut("dict") {
        prepend(d, texts);
    }
    if let Some(d) = chain.first_mut().and_then(|s| s.get_mut("dict")) {
        prepend(d, texts);
    }
    Ok((
        json!({
            "name": format!("qunxiang {}", config.name()),
            "segmentation": segmentation,
            "conversion_chain": chain,
        }),
        files,
    ))
}
