//! Any input opens safely: encodings, HTML, JSON, stdin, hostile bytes. Each case through the
//! public loading API and through the binary (`--json`).

use std::process::Output;

use qunxiang::source::Format;
use qunxiang::{Converters, Input, LoadError, LoadOptions};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn load(path: &std::path::Path) -> Result<qunxiang::Loaded, LoadError> {
    qunxiang::load(
        &Input::Path(path.into()),
        LoadOptions::default(),
        &Converters::new(),
    )
}

mod common;

fn qx(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(args, &[], stdin)
}

fn json_of(path: &std::path::Path) -> (serde_json::Value, String) {
    let out = qx(&["--json", path.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A short simplified article: headline, then a paragraph.
fn article(body: &[u8]) -> Vec<u8> {
    let mut v = "社区故事\n\n".as_bytes().to_vec();
    v.extend_from_slice(body);
    v
}

#[test]
fn utf8_with_bad_bytes_keeps_the_rest_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        &dir,
        "a.txt",
        &article(b"abc\xff\xfe\xe4\xb8\xad\xe6\x96\x87"),
    );
    let l = load(&p).unwrap();
    assert_eq!(l.article.paragraphs, ["abc\u{FFFD}\u{FFFD}中文"]);
    assert_eq!((l.replaced, l.encoding), (2, "UTF-8"));
    let (v, err) = json_of(&p);
    assert_eq!(v["paragraphs"][0], "abc\u{FFFD}\u{FFFD}中文");
    assert!(err.contains("2 malformed byte sequences"), "{err}");
}

#[test]
fn one_bad_line_in_three_and_a_truncated_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = "第一行写社区。\n第二".as_bytes().to_vec();
    b.push(0xff);
    b.extend_from_slice("行写干部。\n第三行写居民。".as_bytes());
    let l = load(&write(&dir, "b.txt", &b)).unwrap();
    // The first line is a sentence: text, not a headline (its start stands in for one).
    assert_eq!(l.article.headline, "第一行写社区。");
    assert_eq!(
        l.article.paragraphs,
        ["第一行写社区。", "第二\u{FFFD}行写干部。", "第三行写居民。"]
    );
    assert_eq!(l.replaced, 1);
    let l = load(&write(
        &dir,
        "c.txt",
        &article(b"\xe5\xa4\xb4\xe5\x8f\x91\xe4"),
    ))
    .unwrap();
    assert_eq!(l.article.paragraphs, ["头发\u{FFFD}"]);
    assert_eq!(l.replaced, 1);
}

#[test]
fn gbk_big5_utf16_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    let l = load(&write(&dir, "gbk.txt", b"\xb2\xe2\xca\xd4")).unwrap();
    assert_eq!(
        (l.article.headline.as_str(), l.encoding),
        ("测试", "gb18030")
    );
    let l = load(&write(&dir, "big5.txt", b"\xb4\xfa\xb8\xd5")).unwrap();
    assert_eq!((l.article.headline.as_str(), l.encoding), ("測試", "Big5"));
    let l = load(&write(
        &dir,
        "bom.txt",
        b"\xef\xbb\xbf\xe5\xa4\xb4\xe5\x8f\x91\r\n",
    ))
    .unwrap();
    assert_eq!(l.article.headline, "头发");
    let mut u16le = vec![0xff, 0xfe];
    for c in "头发\r\n正文".encode_utf16() {
        u16le.extend_from_slice(&c.to_le_bytes());
    }
    let l = load(&write(&dir, "u16.txt", &u16le)).unwrap();
    assert_eq!(
        (
            l.article.headline.as_str(),
            l.article.paragraphs[0].as_str()
        ),
        ("头发", "正文")
    );
    let mut u16be = vec![0xfe, 0xff];
    for c in "头发".encode_utf16() {
        u16be.extend_from_slice(&c.to_be_bytes());
    }
    assert_eq!(
        load(&write(&dir, "u16be.txt", &u16be))
            .unwrap()
            .article
            .headline,
        "头发"
    );
    // CR line ends.
    let l = load(&write(
        &dir,
        "cr.txt",
        "标题\r第一段。\r第二段。".as_bytes(),
    ))
    .unwrap();
    assert_eq!(l.article.paragraphs, ["第一段。", "第二段。"]);
    // Through the binary, with --encoding overriding detection.
    let p = write(&dir, "big5-2.txt", b"\xb4\xfa\xb8\xd5");
    let out = qx(&["--json", "--encoding", "gbk", p.to_str().unwrap()], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["headline"], "代刚");
    assert_eq!(
        qx(
            &["--json", "--encoding", "klingon", p.to_str().unwrap()],
            None
        )
        .status
        .code(),
        Some(2)
    );
}

const HOSTILE: &str = "头条\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07\u{202E}";

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{HOSTILE}\n\n正文{HOSTILE}\u{9b}31m\u{7f}\0。\n");
    let p = write(&dir, "h.txt", text.as_bytes());
    let l = load(&p).unwrap();
    assert_eq!(l.article.headline, "头条");
    assert_eq!(l.article.paragraphs, ["正文头条。"]);
    let (v, _) = json_of(&p);
    assert_eq!(v["headline"], "头条");
    assert_eq!(v["paragraphs"][0], "正文头条。");
    let out = qx(&["--snapshot", "80x24", p.to_str().unwrap()], None);
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.contains("头条"));
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "{screen:?}"
    );
    assert!(!screen.contains("PWNED") && !screen.contains('\u{202E}'));
}

#[test]
fn hostile_json_strings_are_sanitized_too() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"headline":"头条\u001b]0;PWNED\u0007\u202e","byline":null,"script":"simplified",
        "paragraphs":["正文\u001b[2J","王芳说。"],"kinds":["text","text"],"dropped":["分享\u0007到"],
        "profiles":[{"name":"王\u0000芳","aliases":["小\u001b[1m王"],"role":null,"heading":null,
        "mentions":[{"paragraph":1,"start":0,"end":2}],"paragraphs":[1],"sure":false,
        "stats":[],"quotes":[]}]}"#;
    let l = load(&write(&dir, "a.json", json.as_bytes())).unwrap();
    assert_eq!(l.format, Format::Json);
    assert_eq!(l.article.headline, "头条");
    assert_eq!(l.article.paragraphs, ["正文", "王芳说。"]);
    assert_eq!(l.article.dropped, ["分享到"]);
    let p = &l.article.profiles[0];
    assert_eq!(
        (p.name.as_str(), p.aliases.as_slice()),
        ("王芳", &["小王".to_string()][..])
    );
    assert!(!p.sure);
}

/// JSON whose references point past the text: paragraph indices, mentions, figures and
/// quotes out of range.
const DANGLING: &str = r#"{"headline":"社区故事","byline":null,"script":"simplified",
    "paragraphs":["第一段。","王芳说：“我们在。”3人值守。"],"kinds":["heading","text","caption","list"],
    "profiles":[{"name":"王芳","role":"书记","heading":"标题","paragraphs":[9,1,1,0,40],
      "mentions":[{"paragraph":1,"start":0,"end":2},{"paragraph":5,"start":0,"end":2},{"paragraph":1,"start":3,"end":99},{"paragraph":1,"start":4,"end":2}],
      "stats":[{"text":"3人","value":3,"unit":"人","approx":false,"context":"3人值守","paragraph":1,"offset":11},
               {"text":"3人","value":3,"unit":"人","approx":false,"context":"3人","paragraph":7},
               {"text":"3人","value":3,"unit":"人","approx":false,"context":"3人","paragraph":1,"offset":500}],
      "quotes":[{"text":"我们在。","paragraph":1,"offset":5},{"text":"x","paragraph":3},{"text":"x","paragraph":1,"offset":77},
                {"text":"我们在。","paragraph":1,"offset":15},{"text":"我们在。\n第二行","paragraph":1,"offset":13}]},
     {"name":"李明","role":null,"heading":null,"paragraphs":[12],"stats":[],"quotes":[{"text":"x","paragraph":12}]}]}"#;

#[test]
fn json_with_dangling_references_loads_and_renders_without_panic() {
    use qunxiang::tui::{App, parse_keys, snapshot};
    let dir = tempfile::tempdir().unwrap();
    let l = load(&write(&dir, "dangling.json", DANGLING.as_bytes())).unwrap();
    let a = &l.article;
    assert_eq!(a.kinds.len(), 2, "kinds past the paragraphs are cut");
    let p = &a.profiles[0];
    assert_eq!(
        p.paragraphs,
        [0, 1],
        "out of range dropped, sorted, once each"
    );
    assert_eq!(p.mentions.len(), 1);
    assert_eq!(p.stats.len(), 1);
    assert_eq!(
        p.quotes
            .iter()
            .map(|q| (q.paragraph, q.offset))
            .collect::<Vec<_>>(),
        [(1, 5)],
        "quotes whose offset or first line runs past the paragraph's 15 chars are dropped"
    );
    assert!(a.profiles[1].paragraphs.is_empty() && a.profiles[1].quotes.is_empty());
    // Every view, every key that reads the references, at several sizes, in two scripts.
    let c = std::sync::Arc::new(Converters::new());
    for script in [qunxiang::Script::Original, qunxiang::Script::Traditional] {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            for keys in [
                "",
                "j",
                "<Tab><Enter>",
                "<Tab><Tab><Enter>",
                "a",
                "ja",
                "c",
                "jc",
                "/王<Enter>nn",
                "ty",
            ] {
                let l = load(&write(&dir, "dangling.json", DANGLING.as_bytes())).unwrap();
                let mut app = App::new(l, c.clone(), script);
                let s = snapshot(&mut app, w, h, &parse_keys(keys).unwrap());
                assert!(
                    s.contains("社区故事") || s.contains("社區故事"),
                    "{keys} at {w}x{h}:\n{s}"
                );
            }
        }
    }
}

#[test]
fn html_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<!DOCTYPE html><html><head><title>站点</title><script>var x='<p>脚本</p>';</script></head><body>\
        <nav>首页</nav><h1>三位社区干部</h1><p>（记者 李明）第一段讲社区。</p><div>第二段讲居民。</div>\
        <footer>版权</footer></body></html>";
    for name in ["a.html", "a.txt", "noext"] {
        let l = load(&write(&dir, name, html.as_bytes())).unwrap();
        assert_eq!(l.format, Format::Html, "{name}");
        assert_eq!(l.article.headline, "三位社区干部");
        assert_eq!(l.article.byline.as_deref(), Some("记者 李明"));
        assert_eq!(l.article.paragraphs, ["第一段讲社区。", "第二段讲居民。"]);
    }
    // HTML on standard input.
    let out = qx(&["--json", "-"], Some(html.as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["headline"], "三位社区干部");
}

#[test]
fn json_output_opens_again_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = qx(&["--json"], None);
    let first: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for name in ["seed.json", "seed.txt"] {
        let p = write(&dir, name, &out.stdout);
        let (again, _) = json_of(&p);
        assert_eq!(again, first, "{name}");
    }
}

#[test]
fn bad_json_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        &dir,
        "bad.json",
        b"{\n  \"headline\": \"x\",\n  \"lead\": [\"a\",\n}",
    );
    let err = load(&p).unwrap_err().to_string();
    assert!(
        err.contains("bad.json: invalid article JSON at line 4, column 1"),
        "{err}"
    );
    let p = write(&dir, "shape.json", b"{\"headline\": 5}");
    let err = load(&p).unwrap_err().to_string();
    assert!(
        err.contains("line 1, column 14") && err.contains("expected a string"),
        "{err}"
    );
    let out = qx(&["--json", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(
        stderr.contains("shape.json") && stderr.contains("line 1, column 14"),
        "{stderr}"
    );
}

#[test]
fn odd_files_open_or_say_why_not() {
    let dir = tempfile::tempdir().unwrap();
    // 5 MB on one line: opens, the long line is text and a short start stands in for the
    // headline; it is cut into paragraphs of at most 3,000 chars at sentence ends.
    let big = "社区干部王小明说，今年的工作很忙。".repeat(100_000);
    let l = load(&write(&dir, "big.txt", big.as_bytes())).unwrap();
    assert_eq!(l.article.headline.chars().count(), 41);
    assert_eq!(l.article.paragraphs.concat(), big);
    assert_eq!(l.article.paragraphs.len(), 100_000usize.div_ceil(176));
    assert!(
        l.article
            .paragraphs
            .iter()
            .all(|p| p.chars().count() <= 3000 && p.ends_with('。'))
    );
    let out = qx(
        &[
            "--snapshot",
            "80x24",
            dir.path().join("big.txt").to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    // Only blank lines: a clear error.
    let err = load(&write(&dir, "blank.txt", &b"\n \n\r\n".repeat(1000))).unwrap_err();
    assert!(matches!(err, LoadError::NoText { .. }), "{err}");
    // Only punctuation: opens with no profiles.
    let l = load(&write(&dir, "punct.txt", "，。！？\n……\n“”".as_bytes())).unwrap();
    assert!(l.article.profiles.is_empty());
    // A binary file: a clear error.
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0".to_vec();
    elf.extend(std::iter::repeat_n(0u8, 4000));
    let p = write(&dir, "prog", &elf);
    assert!(matches!(load(&p).unwrap_err(), LoadError::Binary { .. }));
    let out = qx(&["--json", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("prog: looks like a binary file")
    );
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

#[test]
fn deep_html_and_json_give_an_answer_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    // 70,000 nested <q> and nothing else: the recursive walk overflowed the stack (exit
    // 134); now the file is one without text.
    let p = write(&dir, "q.html", "<q>".repeat(70_000).as_bytes());
    let out = qx(&["--json", p.to_str().unwrap()], None);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.ends_with("q.html: the file holds no text (only blank lines or control characters)\n")
    );
    // With text inside and after 70,000 nested blocks.
    let html = format!(
        "<h1>社区故事</h1>{}正文。{}<p>后记。</p>",
        "<div><q>".repeat(70_000),
        "</q></div>".repeat(70_000)
    );
    let l = load(&write(&dir, "div.html", html.as_bytes())).unwrap();
    assert_eq!(l.article.headline, "社区故事");
    assert_eq!(l.article.paragraphs, ["正文。", "后记。"]);
    // JSON nested 70,000 deep: a one-line error with line and column.
    let json = format!(
        "{{\"headline\": {}{}}}",
        "[".repeat(70_000),
        "]".repeat(70_000)
    );
    let p = write(&dir, "deep.json", json.as_bytes());
    let out = qx(&["--json", p.to_str().unwrap()], None);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let expected = "deep.json: invalid article JSON at line 1, column 13: invalid type: sequence, expected a string\n";
    assert!(err.ends_with(expected) && err.lines().count() == 1, "{err}");
    let json = format!(
        "{{\"headline\":\"x\",\"extra\":{}{}}}",
        "{\"a\":".repeat(70_000),
        "}".repeat(70_000)
    );
    let err = load(&write(&dir, "deep2.json", json.as_bytes())).unwrap_err();
    assert!(matches!(err, LoadError::BadJson { line: 1, .. }), "{err}");
}

#[test]
fn random_bytes_are_binary_and_text_in_every_encoding_is_not() {
    use qunxiang::source::{looks_binary, looks_binary_as};
    let dir = tempfile::tempdir().unwrap();
    // 1 MB of random bytes was read as GB18030 (87,537 malformed sequences).
    let random = random_bytes(1 << 20, 0x9E37_79B9_7F4A_7C15);
    assert!(looks_binary(&random));
    let p = write(&dir, "random.txt", &random);
    assert!(matches!(load(&p), Err(LoadError::Binary { .. })));
    let out = qx(&["--json", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "qunxiang: {}: looks like a binary file, not text\n",
            p.display()
        )
    );
    // Random bytes are binary in whichever encoding they are read with.
    use encoding_rs::{GB18030, UTF_8, UTF_16BE, UTF_16LE};
    for enc in [UTF_8, GB18030, encoding_rs::BIG5, UTF_16LE, UTF_16BE] {
        assert!(looks_binary_as(&random, enc), "{}", enc.name());
    }
    // The bundled article (traditional) and its simplified form, in every encoding the
    // reader supports, are text and decode back.
    use encoding_rs::{BIG5, GBK};
    let t = qunxiang::source::BUNDLED_ARTICLE;
    let simp = Converters::new()
        .convert_str(qunxiang::convert::Config::T2s, t)
        .unwrap();
    let s = simp.as_str();
    let le = |text: &str| {
        text.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<_>>()
    };
    let be = |text: &str| {
        text.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<_>>()
    };
    for (name, bytes, encoding, text) in [
        ("utf8", s.as_bytes().to_vec(), "UTF-8", s),
        ("gbk", GBK.encode(s).0.into_owned(), "gb18030", s),
        ("big5", BIG5.encode(t).0.into_owned(), "Big5", t),
        (
            "u16le-bom",
            [&[0xFF, 0xFE][..], &le(t)].concat(),
            "UTF-16LE",
            t,
        ),
        (
            "u16be-bom",
            [&[0xFE, 0xFF][..], &be(s)].concat(),
            "UTF-16BE",
            s,
        ),
        ("u16le", le(t), "UTF-16LE", t),
        ("u16be", be(s), "UTF-16BE", s),
    ] {
        assert!(!looks_binary(&bytes), "{name}");
        let l = load(&write(&dir, &format!("{name}.txt"), &bytes)).unwrap();
        assert_eq!((l.encoding, l.replaced), (encoding, 0), "{name}");
        let headline = text.lines().next().unwrap().trim();
        assert_eq!(l.article.headline, headline, "{name}");
    }
}

#[test]
fn utf16_without_bom_opens_with_encoding_given_and_converts() {
    let dir = tempfile::tempdir().unwrap();
    let text = "社区故事\n\n今年35岁的吕俊杰已有8年党龄。\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let p = write(&dir, "u16.txt", &le);
    // The binary check ran before the override: "looks like a binary file".
    let out = qx(
        &["--json", "--encoding", "utf-16le", p.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["headline"], "社区故事");
    assert_eq!(v["paragraphs"][0], "今年35岁的吕俊杰已有8年党龄。");
    // Read as UTF-8 on purpose, the same bytes are binary (every ASCII char brings a NUL).
    let err = qunxiang::load(
        &Input::Path(p.clone()),
        LoadOptions {
            encoding: Some(encoding_rs::UTF_8),
            ..Default::default()
        },
        &Converters::new(),
    )
    .unwrap_err();
    assert!(matches!(err, LoadError::Binary { .. }), "{err}");
    // convert printed it garbled with raw control bytes; detected now, in both byte orders.
    for (bytes, args) in [
        (le.clone(), &[][..]),
        (
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            &[][..],
        ),
        (le.clone(), &["--encoding", "utf-16le"][..]),
    ] {
        let p = write(&dir, "c.txt", &bytes);
        let mut a = vec!["convert", "--to", "traditional", p.to_str().unwrap()];
        a.extend_from_slice(args);
        let out = qx(&a, None);
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "社區故事\n\n今年35歲的呂俊傑已有8年黨齡。\n"
        );
    }
}

#[test]
fn nul_devices_and_pipes_are_refused_at_once() {
    // /dev/zero has no size: it was read to the 256 MiB limit, then `convert` printed
    // nothing and exited 0.
    for args in [
        &["--json", "/dev/zero"][..],
        &["convert", "--to", "simplified", "/dev/zero"],
    ] {
        let out = qx(args, None);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            "qunxiang: /dev/zero: looks like a binary file, not text\n"
        );
    }
    let out = qx(&["--json", "-"], Some(&[0u8; 32 * 1024]));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "qunxiang: <stdin>: looks like a binary file, not text\n"
    );
    let out = qx(&["--json", "/dev/urandom"], None);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "qunxiang: /dev/urandom: looks like a binary file, not text\n"
    );
}

#[test]
fn decoding_with_a_bad_byte_every_six_is_linear() {
    // GBK 中文, then a, then a byte no GBK sequence starts with.
    let run = |mb: usize| {
        let n = mb * 1024 * 1024 / 6;
        let bytes = b"\xd6\xd0\xce\xc4a\xff".repeat(n);
        let (text, replaced, offered) =
            qunxiang::source::decode::decode_counted(encoding_rs::GB18030, &bytes);
        assert_eq!((replaced, text.len()), (n, n * 10));
        assert!(text.starts_with("中文a\u{FFFD}中文a") && text.ends_with("中文a\u{FFFD}"));
        offered
    };
    // The output space handed to the decoder, summed over its calls, bounds its work: 4 times
    // the input, 4 times as much (it was the whole output string's spare capacity at each of
    // the 1.4 million bad bytes: 16 times as much, 3.1 s at 2 MB and 56 s at 8 MB).
    let ratio = run(8) as f64 / run(2) as f64;
    assert!((3.9..4.1).contains(&ratio), "{ratio}");
}

#[test]
fn the_malformed_bytes_warning_and_file_names_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "a\x1b]0;PWNED\x07\u{202e}.txt", &article(b"abc\xff"));
    let out = qx(&["--json", p.to_str().unwrap()], None);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "qunxiang: {}/a\\u{{1b}}]0;PWNED\\u{{7}}\\u{{202e}}.txt: 1 malformed byte sequence (UTF-8) replaced with U+FFFD\n",
            dir.path().display()
        )
    );
    // An error naming such a file, too.
    let missing = dir.path().join("b\x1b[2J\n.txt");
    let err = String::from_utf8(qx(&["--json", missing.to_str().unwrap()], None).stderr).unwrap();
    assert!(
        err.ends_with("/b\\u{1b}[2J\\n.txt: no such file\n"),
        "{err:?}"
    );
    assert_eq!(err.lines().count(), 1);
}
