//! Building a configuration's converter: its dictionaries and JSON config written (to the
//! cache, else to scratch files) and loaded by libopencc; the fall back to the system's
//! data when the vendored data cannot be loaded.

use std::ffi::CStr;
use std::path::PathBuf;

use opencc_rust::OpenCC;

use super::config::Config;
use super::config_json::{build_config_json, files_named, locate};
use super::converters::Converters;
use super::corrections::CORRECTIONS_S2TW;
use super::data_source::{DataSource, data_dir};
use super::error::{ConvertError, warn};
use super::files::{Scratch, cache_dir, compiled, fingerprint, warn_no_cache, write_once};

/// The last error message of the OpenCC C library.
fn opencc_last_error() -> String {
    // SAFETY: opencc_error returns a pointer to a NUL-terminated string owned by the
    // library (or null); it is only read here, right after the failing call.
    unsafe {
        let p = opencc_rust::opencc_error();
        if p.is_null() {
            String::new()
        } else {
            CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    }
}

/// Where a configuration's files are cached, and the dictionaries it adds.
pub(super) struct ConfigDir {
    /// The cache directory of the configuration; `None` when there is no cache directory.
    pub(super) dir: Option<PathBuf>,
    /// The cache directory of the rewritten vendored data, shared by every configuration.
    pub(super) data_dir: Option<PathBuf>,
    pub(super) data: DataSource,
    pub(super) dicts: Vec<(String, String)>,
}

/// Why a configuration could not be built in the cache: the cache (the files could not be
/// written) or the configuration itself.
enum Failure {
    Cache(std::io::Error),
    Convert(ConvertError),
}

impl Converters {
    /// The data conversions use: the directory named by `QUNXIANG_OPENCC_DATA` when it is
    /// set, else the vendored data, unless it could not be loaded by this set before
    /// ([`Converters::data_status`]): then the system's data directory ([`data_dir`]).
    pub(super) fn data_source(&self) -> Result<DataSource, ConvertError> {
        if std::env::var_os("QUNXIANG_OPENCC_DATA").is_some() || self.fallback.get().is_some() {
            return data_dir().map(DataSource::System);
        }
        Ok(DataSource::Upstream)
    }

    /// Which OpenCC data conversions use, in one line for the user, with the reason when the
    /// vendored data could not be loaded and the system's is used instead.
    pub fn data_status(&self) -> String {
        let source = self
            .data_source()
            .map_or_else(|e| e.to_string(), |s| s.describe());
        match self.fallback.get() {
            Some(why) => format!("{source}: the bundled data could not be loaded ({why})"),
            None => source,
        }
    }

    /// The data conversions use, in a few words for the status bar: `OpenCC 1.4.2` for the
    /// vendored data, `OpenCC system data` for a data directory (the system's after a
    /// fallback, or `QUNXIANG_OPENCC_DATA`'s).
    pub fn data_label(&self) -> String {
        match self.data_source() {
            Ok(DataSource::Upstream) => format!("OpenCC {}", super::data::UPSTREAM_VERSION),
            _ => "OpenCC system data".to_string(),
        }
    }

    /// Whether conversions use the vendored data ([`Converters::data_label`]).
    pub fn bundled_data(&self) -> bool {
        matches!(self.data_source(), Ok(DataSource::Upstream))
    }

    /// OpenCC's vendored config `file` (`s2t.json`, `jp2t.json`, …) alone, rewritten for
    /// libopencc 1.1 ([`super::data`]), without qunxiang's dictionaries and never from the
    /// system's data: for checking the vendored data against OpenCC's own test cases. The
    /// files are written to a private temporary directory, removed once OpenCC has read
    /// them. Errors name the config and why it could not be loaded.
    pub fn open_upstream(file: &str) -> Result<OpenCC, ConvertError> {
        let err = |reason: String| ConvertError::StockConfig {
            path: format!("assets/opencc/upstream/config/{file}"),
            reason,
        };
        let (mut json, files) = super::data::rewrite_config(file).map_err(err)?;
        let mut scratch = Scratch::new_dir().map_err(|e| err(e.to_string()))?;
        let mut paths = std::collections::HashMap::new();
        for (name, contents) in &files {
            let path = scratch
                .write(name, contents)
                .map_err(|e| err(e.to_string()))?;
            paths.insert(name.clone(), path.display().to_string());
        }
        locate(&mut json, &paths);
        let path = scratch
            .write("config.json", &json.to_string())
            .map_err(|e| err(e.to_string()))?;
        let p = path
            .to_str()
            .ok_or_else(|| err("path is not UTF-8".into()))?;
        OpenCC::new(p).map_err(|_| err(opencc_last_error()))
    }

    /// The cache directory of `config` with this set's dictionaries, and those dictionaries
    /// (file name, contents).
    pub(super) fn config_dir(&self, config: Config) -> Result<ConfigDir, ConvertError> {
        let mut dicts = config
            .corrections()
            .map(|d| self.corrections.dictionaries(d))
            .unwrap_or_default();
        // Taiwan's forms (發布) after the user's dictionaries, before the reader's s2t ones.
        if matches!(config, Config::S2tw | Config::S2twp) {
            let users = dicts.iter().filter(|(n, _)| n.starts_with("user_")).count();
            let taiwan = (
                "corrections_s2tw.txt".to_string(),
                CORRECTIONS_S2TW.to_string(),
            );
            dicts.insert(users, taiwan);
        }
        self.config_dir_with(config, dicts)
    }

    /// [`Converters::config_dir`] with the dictionaries `dicts` (file name, contents).
    pub(super) fn config_dir_with(
        &self,
        config: Config,
        dicts: Vec<(String, String)>,
    ) -> Result<ConfigDir, ConvertError> {
        let data = self.data_source()?;
        let data_fp = data.fingerprint();
        let mut parts: Vec<&str> = vec![config.name()];
        parts.extend(dicts.iter().map(|(_, c)| c.as_str()));
        parts.push(&data_fp);
        let dir = cache_dir().map(|c| c.join(fingerprint(&parts)));
        let data_dir = match data {
            DataSource::Upstream => cache_dir().map(|c| c.join(&data_fp)),
            DataSource::System(_) => None,
        };
        Ok(ConfigDir {
            dir,
            data_dir,
            data,
            dicts,
        })
    }

    /// Builds the converter of `config` ([`Converters::open_dir`]); when the vendored data
    /// cannot be loaded, says why in one line (once) and uses the system's data from then on.
    pub(super) fn open(&self, config: Config) -> Result<OpenCC, ConvertError> {
        let cd = self.config_dir(config)?;
        match self.open_dir(config, &cd) {
            Err(ConvertError::Load { reason, .. } | ConvertError::StockConfig { reason, .. })
                if cd.data == DataSource::Upstream =>
            {
                let _ = self.fallback.set(reason);
                warn(&format!("{}; using the system's", self.data_status()));
                let cd = self.config_dir(config)?;
                self.open_dir(config, &cd)
            }
            result => result,
        }
    }

    /// Builds the converter of `config` from `cd`: from the files cached for it (written
    /// first when they are not there), else, when the cache directory cannot be written (or
    /// there is none), from files that last only while OpenCC reads them ([`Scratch`]), with
    /// a one-line warning the first time. The cache only saves the files' writing.
    pub(super) fn open_dir(&self, config: Config, cd: &ConfigDir) -> Result<OpenCC, ConvertError> {
        let cache_error = match (&cd.dir, &cd.data_dir) {
            (Some(dir), data_dir) => match open_in(config, cd, true, |shared, name, contents| {
                let dir = match (shared, data_dir) {
                    (true, Some(d)) => d,
                    _ => dir,
                };
                std::fs::create_dir_all(dir)?;
                write_once(dir, name, contents)
            }) {
                Ok(cc) => return Ok(cc),
                Err(Failure::Convert(e)) => return Err(e),
                Err(Failure::Cache(e)) => format!("cannot write the cache {}: {e}", dir.display()),
            },
            (None, _) => {
                "no cache directory (neither XDG_CACHE_HOME nor an existing HOME)".to_string()
            }
        };
        let scratch_error = |e: std::io::Error| ConvertError::CacheDir {
            dir: std::env::temp_dir().display().to_string(),
            reason: format!("{cache_error}; {e}"),
        };
        let mut scratch = Scratch::new().map_err(scratch_error)?;
        let mut result = open_in(config, cd, false, |_, name, contents| {
            scratch.write(name, contents)
        });
        if matches!(result, Err(Failure::Cache(_))) && !matches!(scratch, Scratch::Dir(_)) {
            // In-memory files may be refused (a sandbox): a private temporary directory.
            scratch = Scratch::new_dir().map_err(scratch_error)?;
            result = open_in(config, cd, false, |_, name, contents| {
                scratch.write(name, contents)
            });
        }
        match result {
            Ok(cc) => {
                warn_no_cache(&cache_error);
                Ok(cc)
            }
            Err(Failure::Convert(e)) => Err(e),
            Err(Failure::Cache(e)) => Err(scratch_error(e)),
        }
    }
}

/// Builds the converter of `config` from files written with `write` (shared, name,
/// contents → the path OpenCC reads; `shared` for the rewritten vendored data, which every
/// configuration uses): the data's dictionaries, those of `cd`, then the config's JSON.
/// With `compile` (files written to the cache), the dictionaries are loaded compiled where
/// they can be ([`compiled`]).
fn open_in(
    config: Config,
    cd: &ConfigDir,
    compile: bool,
    mut write: impl FnMut(bool, &str, &str) -> std::io::Result<PathBuf>,
) -> Result<OpenCC, Failure> {
    let built = build_config_json(config, &cd.data, &cd.dicts).map_err(Failure::Convert)?;
    let mut json = built.json;
    let mut named = Vec::new();
    files_named(&json, &mut named);
    let mut paths = std::collections::HashMap::new();
    for (shared, files) in [(true, &built.data_files), (false, &built.own_files)] {
        for (name, contents) in files.iter().filter(|(n, _)| named.contains(n)) {
            let mut path = write(shared, name, contents).map_err(Failure::Cache)?;
            if compile && let Some(ocd2) = compiled(&path) {
                path = ocd2;
            }
            paths.insert(name.clone(), path.display().to_string());
        }
    }
    locate(&mut json, &paths);
    let path = write(false, &format!("{}.json", config.name()), &json.to_string())
        .map_err(Failure::Cache)?;
    let load_err = |reason: String| {
        Failure::Convert(ConvertError::Load {
            config: config.name(),
            path: path.display().to_string(),
            reason,
        })
    };
    // opencc-rust unwraps the path as UTF-8 and as a C string: check both first.
    let p = path
        .to_str()
        .filter(|p| !p.contains('\0'))
        .ok_or_else(|| load_err("path is not UTF-8".into()))?;
    OpenCC::new(p).map_err(|_| load_err(opencc_last_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_data_by_default_and_the_systems_after_a_failure() {
        let c = Converters::new();
        if std::env::var_os("QUNXIANG_OPENCC_DATA").is_none() {
            assert_eq!(c.data_status(), "OpenCC 1.4.2 data (bundled)");
            assert_eq!(c.data_label(), "OpenCC 1.4.2");
            // OpenCC 1.1.6's data gives 賽後覆盤 and 小醜.
            assert_eq!(
                c.convert_str(Config::S2t, "赛后复盘的小丑").unwrap(),
                "賽後復盤的小丑"
            );
        }
        let _ = c.fallback.set("a reason".into());
        let c2 = Converters::new();
        let _ = c2.fallback.set("a reason".into());
        assert!(
            c2.data_status().starts_with("OpenCC data of /")
                && c2
                    .data_status()
                    .ends_with(": the bundled data could not be loaded (a reason)"),
            "{}",
            c2.data_status()
        );
        assert_eq!(c2.data_label(), "OpenCC system data");
        assert_eq!(c2.convert_str(Config::S2t, "头发").unwrap(), "頭髮");
    }
}
