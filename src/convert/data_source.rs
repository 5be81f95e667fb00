//! Where OpenCC's data comes from: the vendored data ([`super::data`]) or an OpenCC data
//! directory (`QUNXIANG_OPENCC_DATA`, else the system's), and its fingerprint.

use std::path::{Path, PathBuf};

use super::error::ConvertError;
use super::files::fingerprint;

/// Directories searched for OpenCC's data (configs and `.ocd2` dictionaries), after the
/// directory named by the environment variable `QUNXIANG_OPENCC_DATA`.
pub const OPENCC_DATA_DIRS: &[&str] = &[
    "/usr/share/opencc",
    "/usr/local/share/opencc",
    "/opt/homebrew/share/opencc",
    "/usr/lib/x86_64-linux-gnu/opencc",
];

/// Finds OpenCC's data directory ([`OPENCC_DATA_DIRS`], after `QUNXIANG_OPENCC_DATA`).
pub fn data_dir() -> Result<PathBuf, ConvertError> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("QUNXIANG_OPENCC_DATA") {
        candidates.push(d.into());
    }
    candidates.extend(OPENCC_DATA_DIRS.iter().map(PathBuf::from));
    candidates
        .iter()
        .find(|d| d.join("t2s.json").is_file())
        .cloned()
        .ok_or_else(|| ConvertError::NoDataDir {
            searched: candidates
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Where OpenCC's data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// OpenCC's vendored data ([`super::data::UPSTREAM_VERSION`]), rewritten for libopencc
    /// 1.1 ([`super::data`]); the default.
    Upstream,
    /// An OpenCC data directory in libopencc's own format (configs and `.ocd2`
    /// dictionaries): the directory named by `QUNXIANG_OPENCC_DATA`, or the system's when
    /// the vendored data cannot be loaded.
    System(PathBuf),
}

impl DataSource {
    /// A fingerprint of the data: of the vendored files, or of the directory's files
    /// (names, sizes, modification times).
    pub fn fingerprint(&self) -> String {
        match self {
            DataSource::Upstream => format!("upstream-{}", super::data::fingerprint()),
            DataSource::System(dir) => dir_fingerprint(dir),
        }
    }

    /// A line for the user: `OpenCC 1.4.2 data (bundled)`, or `OpenCC data of DIR`.
    pub fn describe(&self) -> String {
        match self {
            DataSource::Upstream => {
                format!("OpenCC {} data (bundled)", super::data::UPSTREAM_VERSION)
            }
            DataSource::System(dir) => format!("OpenCC data of {}", dir.display()),
        }
    }
}

/// A fingerprint of a directory's files (names, sizes, modification times).
fn dir_fingerprint(data: &Path) -> String {
    let mut parts: Vec<String> = std::fs::read_dir(data)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| {
                    let meta = e.metadata().ok();
                    let modified = meta
                        .as_ref()
                        .and_then(|m| m.modified().ok())
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    format!(
                        "{}:{}:{modified}",
                        e.file_name().to_string_lossy(),
                        meta.map_or(0, |m| m.len())
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    parts.push(data.display().to_string());
    parts.sort();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    fingerprint(&refs)
}
