//! Opening a URL (issue 15): against a server on 127.0.0.1 started inside the test (no
//! other address is ever contacted): UTF-8, GBK declared in the header, a meta that lies,
//! a redirect, a 404, a time-out and a body over the size limit.

use qunxiang::source::url::{FetchOptions, fetch};
use qunxiang::{Converters, Input, LoadOptions};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// The article every page holds (invented), as HTML paragraphs.
const BODY: &str = "<p>清晨六点，网格员周玉兰已经走在桐川社区的小巷里。她今年52岁，在社区工作了18年，负责的网格里住着312户人家。</p>\
<p>“谁家老人一个人住，谁家孩子在外地，我心里都有数。”周玉兰说。每天早上，她要先去看望独居的几位老人，再去菜市场转一圈。</p>\
<p>另一位网格员韩志刚刚满30岁，是社区里最年轻的网格员。他把网格里的事情都记在一个小本子上，两年下来已经写满了6本。</p>";

fn page(meta: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>桐川社区的网格员_桐川网</title></head><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/n\">新闻</a></div><div class=\"article\">{BODY}</div><div class=\"footer\">版权所有 桐川网</div></body></html>"
    )
}

/// The response for a request path: status line, headers, body; `/slow` waits first.
fn respond(path: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
    let html = |ct: &str, body: Vec<u8>| {
        (
            "200 OK".to_string(),
            vec![("Content-Type".to_string(), ct.to_string())],
            body,
        )
    };
    match path {
        "/utf8" => html("text/html; charset=utf-8", page("").into_bytes()),
        "/gbk" => {
            let text = page("");
            let (bytes, _, _) = encoding_rs::GBK.encode(&text);
            html("text/html; charset=GBK", bytes.into_owned())
        }
        "/lying" => html(
            "text/html",
            page(r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#)
                .into_bytes(),
        ),
        "/redirect" => (
            "302 Found".to_string(),
            vec![("Location".to_string(), "/utf8".to_string())],
            Vec::new(),
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            html("text/html", page("").into_bytes())
        }
        "/big" => html("text/plain", vec![b'a'; 2 * 1024 * 1024]),
        _ => (
            "404 Not Found".to_string(),
            vec![("Content-Type".to_string(), "text/plain".to_string())],
            b"not here".to_vec(),
        ),
    }
}

fn serve(mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
        if request.len() > 64 * 1024 {
            return;
        }
    }
    let line = String::from_utf8_lossy(&request);
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, headers, body) = respond(&path);
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Starts the server on a free port of 127.0.0.1 and returns its base URL. It serves at
/// most 40 connections, each in its own thread, and stops when the test process ends.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(40).flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    format!("http://{addr}")
}

fn local() -> FetchOptions {
    FetchOptions {
        proxy_from_env: false,
        ..FetchOptions::default()
    }
}

#[test]
fn pages_are_decoded_by_header_then_meta_then_bytes() {
    let base = server();
    let utf8 = fetch(&format!("{base}/utf8"), &local()).unwrap();
    assert!(utf8.is_html());
    assert_eq!(utf8.charset, Some(encoding_rs::UTF_8));
    let gbk = fetch(&format!("{base}/gbk"), &local()).unwrap();
    assert_eq!(gbk.charset, Some(encoding_rs::GB18030));
    let text =
        qunxiang::source::text_from_bytes_declared(&gbk.bytes, "gbk", None, gbk.charset).unwrap();
    assert_eq!(text.encoding, "gb18030");
    assert!(text.text.contains("网格员周玉兰"));
    // The meta says gb2312; the bytes are UTF-8.
    let lying = fetch(&format!("{base}/lying"), &local()).unwrap();
    assert_eq!(lying.charset, None);
    let text =
        qunxiang::source::text_from_bytes_declared(&lying.bytes, "lying", None, None).unwrap();
    assert_eq!(text.encoding, "UTF-8");
    assert!(text.text.contains("网格员周玉兰"));
    // A redirect is followed.
    let moved = fetch(&format!("{base}/redirect"), &local()).unwrap();
    assert_eq!(moved.bytes, utf8.bytes);
}

#[test]
fn a_fetched_page_is_read_like_a_saved_one() {
    let base = server();
    let c = Converters::new();
    for path in ["/utf8", "/gbk", "/lying", "/redirect"] {
        let loaded = qunxiang::load(
            &Input::Url(format!("{base}{path}")),
            LoadOptions::default(),
            &c,
        )
        .unwrap();
        let a = loaded.article;
        assert_eq!(a.headline, "桐川社区的网格员", "{path}");
        assert_eq!(a.paragraphs.len(), 3, "{path}: {:?}", a.paragraphs);
        assert!(a.dropped.iter().any(|d| d.contains("版权所有")), "{path}");
        let names: Vec<&str> = a.profiles.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"周玉兰"), "{path}: {names:?}");
    }
}

#[test]
fn failures_are_one_line_each() {
    let base = server();
    assert_eq!(
        fetch(&format!("{base}/missing"), &local()).unwrap_err(),
        "HTTP 404 Not Found"
    );
    let quick = FetchOptions {
        timeout: Duration::from_millis(500),
        ..local()
    };
    let slow = fetch(&format!("{base}/slow"), &quick).unwrap_err();
    assert!(slow.contains("timed out"), "{slow}");
    let small = FetchOptions {
        max_bytes: 1024 * 1024,
        ..local()
    };
    let big = fetch(&format!("{base}/big"), &small).unwrap_err();
    assert_eq!(big, "the page is over the limit of 1048576 bytes");
    // Nothing listens on this port once the listener is dropped.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let refused = fetch(&format!("http://127.0.0.1:{port}/"), &local()).unwrap_err();
    assert!(!refused.contains('\n'), "{refused}");
    // The binary prints the URL and the reason on one line and exits 1.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qunxiang"))
        .args(["--json", &format!("{base}/missing")])
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        format!("qunxiang: {base}/missing: cannot fetch: HTTP 404 Not Found")
    );
}
