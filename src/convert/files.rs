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
