//! The binary from the outside: --json, --script, --help, --version, bad input, the asset.

use std::process::{Command, Output};

use sha2::{Digest, Sha256};

mod common;

fn qx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qunxiang"))
        .args(args)
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = qx(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_asset_is_the_seed_byte_for_byte() {
    let asset = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/article.txt")).unwrap();
    assert_eq!(asset.len(), 9173);
    let digest = Sha256::digest(&asset);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "5d8726a1eda73ab19329e117a61e88cb4340144f0139ed151e9a5cc8e58c223c"
    );
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/000_24aedef3767f5ba4.txt"
    );
    if let Ok(seed) = std::fs::read(seed) {
        assert_eq!(seed, asset);
    }
}

#[test]
fn json_has_the_fixed_shape() {
    let v = json(&["--json"]);
    assert_eq!(
        v["headline"],
        "新疆兵團第十二師|基層黨員幹部舍小家為大家,奔赴戰“疫”一線"
    );
    assert_eq!(v["script"], "traditional");
    assert!(v["byline"].as_str().unwrap().contains("馮曉玲"));
    // The stand-off shape: the paragraphs once, people pointing into them.
    let paragraphs = v["paragraphs"].as_array().unwrap();
    assert!(paragraphs.iter().all(serde_json::Value::is_string));
    assert_eq!(v["kinds"].as_array().unwrap().len(), paragraphs.len());
    assert!(v["dropped"].is_array());
    assert!(v.get("lead").is_none() && v.get("closing").is_none() && v.get("captions").is_none());
    let p = &v["profiles"][1];
    assert_eq!(p["name"], "呂俊傑");
    assert!(p["aliases"].is_array() && p["mentions"].is_array());
    assert_eq!(p["sure"], true);
    assert!(p.get("number").is_none() && p.get("caption").is_none());
    let own: Vec<u64> = p["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_u64().unwrap())
        .collect();
    assert!(own.iter().all(|&i| (i as usize) < paragraphs.len()));
    let stat = p["stats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == "七八十戶")
        .unwrap();
    assert_eq!(stat["value"], 70.0);
    assert_eq!(stat["unit"], "戶");
    assert_eq!(stat["approx"], true);
    assert!(stat["paragraph"].is_u64());
    assert!(stat["context"].as_str().unwrap().contains("七八十戶"));
    // `paragraph` indexes the article's paragraphs, `offset` counts characters in it.
    let at = paragraphs[stat["paragraph"].as_u64().unwrap() as usize]
        .as_str()
        .unwrap()
        .chars()
        .skip(stat["offset"].as_u64().unwrap() as usize)
        .take(4)
        .collect::<String>();
    assert_eq!(at, "七八十戶");
    assert!(p["quotes"][0]["text"].is_string() && p["quotes"][0]["paragraph"].is_u64());
}

#[test]
fn json_in_simplified_script() {
    let v = json(&["--json", "--script", "simplified"]);
    assert_eq!(
        v["headline"],
        "新疆兵团第十二师|基层党员干部舍小家为大家,奔赴战“疫”一线"
    );
    let names: Vec<&str> = v["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["陈柯", "吕俊杰", "拜锐"]);
    assert_eq!(v["script"], "simplified");
}

#[test]
fn a_file_and_stdin_open_like_the_bundled_article() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/article.txt");
    assert_eq!(json(&["--json", path]), json(&["--json"]));
    let out = common::run(&["--json", "-"], &[], Some(&std::fs::read(path).unwrap()));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, json(&["--json"]));
    // A pipe is read without `-`.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/01_liuwan_community_cadres.txt"
    );
    let piped = common::run(&["--json"], &[], Some(&std::fs::read(fixture).unwrap()));
    assert!(piped.status.success());
    let v: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    assert_eq!(v, json(&["--json", fixture]));
    // So is a file given as standard input (`qunxiang < a.txt`).
    let redirected = Command::new(env!("CARGO_BIN_EXE_qunxiang"))
        .arg("--json")
        .stdin(std::fs::File::open(fixture).unwrap())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&redirected.stdout).unwrap();
    assert_eq!(v, json(&["--json", fixture]));
    // A device (/dev/null, what a job without input gets) or an empty pipe is not
    // standard input to read: the bundled article opens (qx's standard input is /dev/null).
    let empty = common::run(&["--json"], &[], None);
    let v: serde_json::Value = serde_json::from_slice(&empty.stdout).unwrap();
    assert_eq!(v, json(&["--json"]));
}

#[test]
fn simplified_source_is_detected_and_converted_with_s2t() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "社区干部的故事\n\n第一段写的是头发和发展。\n").unwrap();
    let v = json(&["--json", f.to_str().unwrap()]);
    assert_eq!(v["script"], "simplified");
    assert_eq!(v["profiles"].as_array().unwrap().len(), 0);
    assert_eq!(v["paragraphs"][0], "第一段写的是头发和发展。");
    let v = json(&["--json", "--script", "traditional", f.to_str().unwrap()]);
    assert_eq!(v["headline"], "社區幹部的故事");
    assert_eq!(v["paragraphs"][0], "第一段寫的是頭髮和發展。");
}

fn assert_one_line_error(args: &[&str], needle: &str) {
    let out = qx(args);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err} lacks {needle}");
    assert!(!err.contains("panicked"));
}

#[test]
fn bad_input_gives_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert_one_line_error(
        &["--json", "/no/such/file.txt"],
        "/no/such/file.txt: no such file",
    );
    assert_one_line_error(&["--json", d], "is a directory");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_one_line_error(
        &["--json", empty.to_str().unwrap()],
        "empty.txt: the file is empty",
    );
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, "\n\n \n").unwrap();
    assert_one_line_error(
        &["--json", blank.to_str().unwrap()],
        "blank.txt: the file holds no text",
    );
    // Opening the reader on a missing file fails the same way before the terminal is touched.
    assert_one_line_error(&["/no/such/file.txt"], "no such file");
}

#[test]
fn json_of_the_old_shape_gives_one_line_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let old = r#"{"headline":"社区故事","byline":null,"script":"simplified","region":null,
  "lead":["第一段。"],"closing":[],"captions":[],
  "profiles":[{"name":"王芳","role":null,"heading":null,"number":null,"caption":null,
    "paragraphs":["王芳说。"],"stats":[],"quotes":[]}]}"#;
    let f = dir.path().join("old.json");
    std::fs::write(&f, old).unwrap();
    for args in [
        &["--json", f.to_str().unwrap()][..],
        &["--snapshot", "80x24", f.to_str().unwrap()],
    ] {
        assert_one_line_error(args, "old.json: ");
        assert_one_line_error(
            args,
            "JSON in the old qunxiang shape (profiles own their paragraphs)",
        );
        assert_one_line_error(args, "re-export it with this version's --json");
    }
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("secret.txt");
    std::fs::write(&f, "标题\n正文").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&f).is_ok() {
        return; // running as root: permissions do not apply
    }
    assert_one_line_error(
        &["--json", f.to_str().unwrap()],
        "secret.txt: permission denied",
    );
}

#[test]
fn help_and_version() {
    let out = qx(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for opt in [
        "--json",
        "--script",
        "--snapshot",
        "original",
        "simplified",
        "traditional",
    ] {
        assert!(help.contains(opt), "--help lacks {opt}");
    }
    let out = qx(&["--version"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("qunxiang {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(qx(&["--script", "klingon"]).status.code(), Some(2));
    // A screen of no size is a usage error, not an empty snapshot.
    let zero = qx(&["--snapshot", "0x0"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("at least 1 column and 1 row"));
    let one = qx(&["--snapshot", "1x1"]);
    assert!(one.status.success());
    assert_eq!(String::from_utf8(one.stdout).unwrap(), "T\n");
    // A screen too large to allocate is a usage error too (it used to abort on 206 GB).
    for size in ["65535x65535", "1001x10", "10x1001"] {
        let huge = qx(&["--snapshot", size]);
        assert_eq!(huge.status.code(), Some(2), "{size}");
        let err = String::from_utf8_lossy(&huge.stderr);
        assert!(
            err.contains("over the limit of 1000 columns and 1000 rows"),
            "{size}: {err}"
        );
    }
}

#[test]
fn the_reader_refuses_a_non_terminal_stdout() {
    assert_one_line_error(&[], "not a terminal");
}

/// A compilation of the fixtures of about `bytes` bytes, written to a temporary file.
fn compilation_file(bytes: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let c = qunxiang::Converters::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = qunxiang::testing::compilation(&dir, bytes, qunxiang::Script::Original, &c).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("compilation.txt");
    std::fs::write(&path, text).unwrap();
    (tmp, path)
}

#[test]
fn snapshot_no_wait_draws_the_first_frame_before_any_analysis() {
    // 2 MB: the analysis would take seconds; --no-wait does none of it.
    let (_tmp, path) = compilation_file(2_000_000);
    let f = path.to_str().unwrap();
    let out = qx(&["--snapshot", "120x40", "--no-wait", f]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    // The text at once, in the article view, and the progress instead of a verdict.
    assert!(
        s.contains("先进事迹汇编") && s.contains("┌ Article "),
        "{s}"
    );
    assert!(s.contains("finding people… 0%"), "{s}");
    assert!(!s.contains("no people found"), "{s}");
    // The bundled article too; --no-wait only goes with --snapshot.
    let s = String::from_utf8(qx(&["--snapshot", "100x30", "--no-wait"]).stdout).unwrap();
    assert!(
        s.contains("finding people… 0%") && s.contains("新疆兵團第十二師"),
        "{s}"
    );
    assert_eq!(qx(&["--no-wait"]).status.code(), Some(2));
    assert_eq!(qx(&["--json", "--no-wait"]).status.code(), Some(2));
}

#[test]
fn json_and_snapshot_wait_for_every_profile() {
    let (_tmp, path) = compilation_file(200_000);
    let f = path.to_str().unwrap();
    let c = qunxiang::Converters::new();
    let loaded =
        qunxiang::load(&qunxiang::Input::Path(path.clone()), Default::default(), &c).unwrap();
    let names: Vec<&str> = loaded
        .article
        .profiles
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(names.len() > 20, "{names:?}");
    let v = json(&["--json", f]);
    let printed: Vec<&str> = v["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(printed, names);
    let out = qx(&["--snapshot", "120x40", "--keys", "G", f]);
    let s = String::from_utf8(out.stdout).unwrap();
    let n = names.len();
    assert!(
        s.contains(&format!("People {n}")) && s.contains(&format!("{n}/{n} ")),
        "{s}"
    );
    assert!(!s.contains("finding people"), "{s}");
}

/// The manual page and the completion scripts come from the command-line definition.
#[test]
fn man_page_and_completions() {
    let man = qx(&["man"]);
    assert!(man.status.success());
    let page = String::from_utf8(man.stdout).unwrap();
    assert!(page.contains(".TH qunxiang 1"), "{page}");
    assert!(
        page.contains("\\-\\-fresh") && page.contains("\\-\\-snapshot"),
        "{page}"
    );
    for (shell, needle) in [
        ("bash", "_qunxiang()"),
        ("zsh", "#compdef qunxiang"),
        ("fish", "complete -c qunxiang"),
    ] {
        let out = qx(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(needle), "{shell}: {script}");
        assert!(script.contains("fresh"), "{shell} completes --fresh");
    }
    assert_eq!(qx(&["completions", "tcsh"]).status.code(), Some(2));
}
