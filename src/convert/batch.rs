//! Many strings converted in one OpenCC call: joined by line ends, converted, split again.

use super::config::Config;
use super::converters::Converters;
use super::error::ConvertError;
use super::names::Names;

impl Converters {
    /// Converts every string `each` visits with `config`, in one OpenCC call, `names` as
    /// names: the strings are joined by `\n` and split again (string by string if the line
    /// count were to change). `each` must visit the same strings in the same order each
    /// time it is called.
    pub(super) fn convert_each(
        &self,
        config: Config,
        names: &Names,
        mut each: impl FnMut(&mut dyn FnMut(&mut String)),
    ) -> Result<(), ConvertError> {
        let mut sources: Vec<String> = Vec::new();
        each(&mut |s: &mut String| sources.push(std::mem::take(s)));
        let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
        let mut converted = self.convert_many(config, &refs, names);
        // On an error every string gets its original back.
        let mut out = match &mut converted {
            Ok(c) => std::mem::take(c).into_iter(),
            Err(_) => sources.into_iter(),
        };
        each(&mut |s: &mut String| *s = out.next().unwrap_or_default());
        converted.map(|_| ())
    }

    /// Converts each of `strings` with `config`, in one OpenCC call (joined by `\n` and
    /// split again; string by string if the line count were to change).
    pub(super) fn convert_lines(
        &self,
        config: Config,
        strings: &[&str],
    ) -> Result<Vec<String>, ConvertError> {
        let pieces: usize = strings.iter().map(|s| 1 + s.matches('\n').count()).sum();
        let mut joined = String::with_capacity(strings.iter().map(|s| s.len() + 1).sum());
        for s in strings {
            joined.push_str(s);
            joined.push('\n');
        }
        let converted = self.convert_str(config, &joined)?;
        drop(joined);
        let mut lines = converted.split('\n');
        if converted.matches('\n').count() == pieces {
            return Ok(strings
                .iter()
                .map(|s| {
                    let n = 1 + s.matches('\n').count();
                    let mut out = String::new();
                    for (i, l) in lines.by_ref().take(n).enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str(l);
                    }
                    out
                })
                .collect());
        }
        strings
            .iter()
            .map(|s| self.convert_str(config, s))
            .collect()
    }
}
