//! Files OpenCC reads a configuration from: the cache directory (written once, atomically),
//! or scratch files that last while OpenCC reads them; the content fingerprint that names them.

use std::path::{Path, PathBuf};

use super::error::warn;

/// The directory the built configs and dictionaries are cached in:
/// `$XDG_CACHE_HOME/qunxiang/opencc` (an absolute `XDG_CACHE_HOME`), else
/// `~/.cache/qunxiang/opencc` when the home directory exists; `None` otherwise (configs are
/// then built without a cache: [`Converters::open`]).
pub(super) fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|h| h.is_absolute() && h.is_dir())
                .map(|h| h.join(".cache"))
        })?;
    Some(base.join("qunxiang").join("opencc"))
}

/// Writes `contents` to `dir/name` unless it is already there, atomically (write, rename).
pub(super) fn write_once(dir: &Path, name: &str, contents: &str) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    if std::fs::read_to_string(&path).is_ok_and(|c| c == contents) {
        return Ok(path);
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

/// The dictionary `text` (an OpenCC text dictionary in the cache) compiled to OpenCC's binary
/// form (`.ocd2` beside it, which libopencc loads without building its trie: about 0.1 s
/// less per megabyte of dictionary) by the `opencc_dict` command that comes with the opencc
/// command; compiled once, again when the text is newer. `None` when there is no such
/// command or it did not write the file (it exits 0 on failure: the output is checked).
pub(super) fn compiled(text: &Path) -> Option<PathBuf> {
    let ocd2 = text.with_extension("ocd2");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(t), Some(o)) = (modified(text), modified(&ocd2))
        && o >= t
        && std::fs::metadata(&ocd2).is_ok_and(|m| m.len() > 0)
    {
        return Some(ocd2);
    }
    let name = ocd2.file_name()?.to_str()?;
    let tmp = ocd2.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let status = std::process::Command::new("opencc_dict")
        .arg("-i")
        .arg(text)
        .arg("-o")
        .arg(&tmp)
        .args(["-f", "text", "-t", "ocd2"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let written = status.is_ok() && std::fs::metadata(&tmp).is_ok_and(|m| m.len() > 0);
    if written && std::fs::rename(&tmp, &ocd2).is_ok() {
        return Some(ocd2);
    }
    let _ = std::fs::remove_file(&tmp);
    None
}

/// Files a configuration is built from when there is no cache to write them to, for as long
/// as OpenCC reads them (it reads every file while the converter is built): anonymous
/// in-memory files (`memfd`, named through `/proc/self/fd`) where the system has them, else
/// a private directory (mode 0700) made for the purpose in the system's temporary directory,
/// removed with everything in it when this is dropped.
pub(super) enum Scratch {
    #[cfg(target_os = "linux")]
    Memory(Vec<std::fs::File>),
    Dir(PathBuf),
}

impl Scratch {
    pub(super) fn new() -> std::io::Result<Scratch> {
        #[cfg(target_os = "linux")]
        if Path::new("/proc/self/fd").is_dir() {
            return Ok(Scratch::Memory(Vec::new()));
        }
        Self::new_dir()
    }

    /// A new private directory in the temporary directory; never one that exists already.
    pub(super) fn new_dir() -> std::io::Result<Scratch> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let mut last = None;
        for _ in 0..16 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let dir = std::env::temp_dir().join(format!(
                "qunxiang-opencc-{}-{}-{nanos}",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::Relaxed)
            ));
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&dir) {
                Ok(()) => return Ok(Scratch::Dir(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no temporary directory")))
    }

    /// Writes a file named `name` and returns the path OpenCC reads it by.
    pub(super) fn write(&mut self, name: &str, contents: &str) -> std::io::Result<PathBuf> {
        match self {
            #[cfg(target_os = "linux")]
            Scratch::Memory(files) => {
                use std::io::Write;
                use std::os::fd::{AsRawFd, FromRawFd};
                let cname = std::ffi::CString::new(name).map_err(std::io::Error::other)?;
                // SAFETY: memfd_create takes a NUL-terminated name and flags; it returns a
                // new file descriptor that nothing else owns, or -1.
                let fd = unsafe { libc::memfd_create(cname.as_ptr(), libc::MFD_CLOEXEC) };
                if fd < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // SAFETY: `fd` was just created and is owned by the File from here on.
                let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
                file.write_all(contents.as_bytes())?;
                let path = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
                files.push(file);
                Ok(path)
            }
            Scratch::Dir(dir) => {
                let path = dir.join(name);
                std::fs::write(&path, contents)?;
                Ok(path)
            }
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Scratch::Dir(dir) = self {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Says once per process, in one line, that configurations are built without a cache.
pub(super) fn warn_no_cache(why: &str) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SAID: AtomicBool = AtomicBool::new(false);
    if !SAID.swap(true, Ordering::Relaxed) {
        warn(&format!(
            "{why}; OpenCC configs are built without a cache (slower start)"
        ));
    }
}

/// A stable name for contents (FNV-1a, 64 bits), so changed dictionaries get new files.
pub(super) fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_dictionary_is_compiled_once_and_loads_as_ocd2() {
        let dir = Scratch::new_dir().unwrap();
        let Scratch::Dir(path) = &dir else {
            unreachable!("new_dir makes a directory")
        };
        let text = path.join("d.txt");
        std::fs::write(&text, "头发\t頭髮\n发\t發 髮\n").unwrap();
        // The opencc_dict command comes with the opencc command (Debian's `opencc`).
        let Some(ocd2) = compiled(&text) else {
            assert!(
                std::process::Command::new("opencc_dict").output().is_err(),
                "opencc_dict is there but did not compile"
            );
            return;
        };
        assert_eq!(ocd2, path.join("d.ocd2"));
        let first = std::fs::metadata(&ocd2).unwrap().modified().unwrap();
        assert_eq!(compiled(&text), Some(ocd2.clone()));
        assert_eq!(std::fs::metadata(&ocd2).unwrap().modified().unwrap(), first);
        let config = path.join("c.json");
        let dict = serde_json::json!({"type": "ocd2", "file": ocd2.display().to_string()});
        let json = serde_json::json!({
            "segmentation": {"type": "mmseg", "dict": dict},
            "conversion_chain": [{"dict": dict}],
        });
        std::fs::write(&config, json.to_string()).unwrap();
        let cc = opencc_rust::OpenCC::new(config.to_str().unwrap()).unwrap();
        assert_eq!(cc.convert("头发发"), "頭髮發");
        // A file that is not a dictionary: nothing compiled, nothing left behind.
        let bad = path.join("bad.txt");
        std::fs::write(&bad, "no tab here\n").unwrap();
        let _ = compiled(&bad);
        let left: Vec<_> = std::fs::read_dir(path)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
