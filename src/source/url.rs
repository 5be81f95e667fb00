//! Fetching a page the user named by its URL (`qunxiang https://…`), with `ureq` (a
//! blocking HTTP client; TLS through rustls with the Mozilla root certificates of
//! `webpki-roots`, gzip bodies decompressed). Nothing else is ever fetched: the page's
//! links, images and scripts are not followed.

use std::time::Duration;

/// Whether `s` names a web page the reader fetches: it starts with `http://` or
/// `https://` (ASCII case ignored).
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Limits of a fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The whole exchange (connecting, redirects, the body) must end within this time.
    pub timeout: Duration,
    /// Bodies longer than this many bytes (after decompression) are refused.
    pub max_bytes: u64,
    /// How many redirects are followed.
    pub max_redirects: u32,
    /// Whether the proxy of the environment (`HTTPS_PROXY`, `ALL_PROXY`, …) is used.
    pub proxy_from_env: bool,
}

/// The time a fetch may take by default: 30 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest page fetched by default: 32 MiB (news pages are 0.1 to 3 MB).
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: DEFAULT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: 10,
            proxy_from_env: true,
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The body as sent (decompressed).
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, if any (`text/html; charset=gbk`).
    pub content_type: Option<String>,
    /// The encoding the `Content-Type` header names, if any
    /// ([`super::decode::content_type_charset`]).
    pub charset: Option<&'static encoding_rs::Encoding>,
}

impl Fetched {
    /// Whether the server says the body is HTML (`text/html`, `application/xhtml+xml`).
    pub fn is_html(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("html"))
    }
}

/// Fetches `url` with a GET, following redirects.
///
/// Errors: one line saying what went wrong, for the reader to print after the URL: the
/// HTTP status (`HTTP 404 Not Found`), a time-out, a body over the limit, a host not
/// found, a refused connection, a TLS failure, or an address that is not a URL.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, String> {
    let mut config = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("qunxiang/", env!("CARGO_PKG_VERSION")));
    if !options.proxy_from_env {
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config.build().into();
    let mut response = agent.get(url).call().map_err(|e| message(&e, options))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "HTTP {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )
        .trim_end()
        .to_string());
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|e| message(&e, options))?;
    Ok(Fetched {
        charset: content_type
            .as_deref()
            .and_then(super::decode::content_type_charset),
        content_type,
        bytes,
    })
}

/// One line for a ureq error.
fn message(e: &ureq::Error, options: &FetchOptions) -> String {
    match e {
        ureq::Error::Timeout(_) => format!(
            "no complete answer within {} s (timed out)",
            options.timeout.as_secs_f32()
        ),
        ureq::Error::BodyExceedsLimit(_) => {
            format!("the page is over the limit of {} bytes", options.max_bytes)
        }
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "cannot connect".to_string(),
        ureq::Error::TooManyRedirects => {
            format!("more than {} redirects", options.max_redirects)
        }
        ureq::Error::BadUri(u) => format!("not a URL: {u}"),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
            std::io::ErrorKind::TimedOut => format!(
                "no complete answer within {} s (timed out)",
                options.timeout.as_secs_f32()
            ),
            _ => format!("network error: {io}"),
        },
        other => other.to_string(),
    }
    .replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(is_url("https://example.org/a.html"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("article.html"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("http"));
    }
}
