//! Script conversion through the reader's own conversion (OpenCC 1.1 plus the reader's
//! corrections), via `qunxiang convert` and the library.

use std::process::Command;

use qunxiang::convert::{Config, Converters, Corrections};
use qunxiang::tui::{App, parse_keys, snapshot};
use qunxiang::{Input, Region, Script, SourceScript};

mod common;

fn convert(args: &[&str], text: &str) -> String {
    let args: Vec<&str> = ["convert"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let out = common::run(
        &args,
        &[("QUNXIANG_DICT_DIR", "/nonexistent")],
        Some(text.as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn s2t(text: &str) -> String {
    convert(&["--to", "traditional"], text)
}

#[test]
fn corrections_where_opencc_1_1_is_wrong() {
    for (s, t) in [
        ("被发明", "被發明"),
        ("经济一直发展", "經濟一直發展"),
        ("嗓子一直发炎", "嗓子一直發炎"),
        ("不断发生", "不斷發生"),
        ("去干扰", "去干擾"),
        ("干看", "乾看"),
        ("这是只有一种可能", "這是只有一種可能"),
        ("一只只小鸟", "一隻隻小鳥"),
    ] {
        assert_eq!(s2t(s), t, "{s}");
    }
}

#[test]
fn corrections_fix_the_kind_not_only_the_listed_strings() {
    // 髮 after an adverb, other 发-words; 干 after other 幹 phrases; 只 "only" before other verbs.
    for (s, t) in [
        ("一直发烧", "一直發燒"),
        ("不断发展", "不斷發展"),
        ("被发布", "被發佈"),
        ("能干预", "能干預"),
        ("干等", "乾等"),
        ("这是只能如此", "這是只能如此"),
    ] {
        assert_eq!(s2t(s), t, "{s}");
    }
}

#[test]
fn what_must_stay_right() {
    for (s, t) in [
        ("头发", "頭髮"),
        ("理发", "理髮"),
        ("发现", "發現"),
        ("干杯", "乾杯"),
        ("饼干", "餅乾"),
        ("关系", "關係"),
        ("系鞋带", "繫鞋帶"),
        ("准确", "準確"),
        ("以后", "以後"),
        ("皇后", "皇后"),
        ("台风", "颱風"),
        ("冲锋", "衝鋒"),
        ("冲茶", "沖茶"),
        ("白发生长", "白髮生長"),
    ] {
        assert_eq!(s2t(s), t, "{s}");
    }
    assert_eq!(convert(&["--to", "simplified"], "乾隆"), "乾隆");
}

#[test]
fn taiwan_and_hong_kong_forms() {
    assert_eq!(convert(&["--to", "taiwan"], "里面"), "裡面");
    assert_eq!(convert(&["--to", "traditional"], "里面"), "裏面");
    assert_eq!(
        convert(&["--to", "simplified"], "看著 著急 裡面"),
        "看着 着急 里面"
    );
    assert_eq!(
        convert(&["--from", "taiwan", "--to", "simplified"], "看著 著急"),
        "看着 着急"
    );
    assert_eq!(convert(&["--to", "hongkong"], "卫生"), "衞生");
    // OpenCC 1.1's TWVariantsRev turns 參 into 蔘 (ginseng); the correction keeps 參.
    assert_eq!(
        convert(&["--from", "taiwan", "--to", "traditional"], "報名參加"),
        "報名參加"
    );
    assert_eq!(
        convert(&["--from", "taiwan", "--to", "hongkong"], "參加"),
        "參加"
    );
    // Phrase conversion only on request.
    assert_eq!(convert(&["--to", "taiwan"], "软件"), "軟件");
    assert_eq!(
        convert(&["--to", "taiwan", "--taiwan-phrases"], "软件"),
        "軟體"
    );
    // Simplified text never goes through a traditional-to-simplified config.
    assert_eq!(convert(&["--to", "simplified"], "什么"), "什么");
    assert_eq!(
        convert(&["--to", "simplified", "--taiwan-phrases"], "什么"),
        "什么"
    );
}

#[test]
fn convert_is_line_for_line_and_reads_files() {
    assert_eq!(s2t("头发\n\n发现\r\n"), "頭髮\n\n發現\r\n");
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "头发").unwrap();
    assert_eq!(
        convert(&["--to", "traditional", f.to_str().unwrap()], ""),
        "頭髮"
    );
}

#[test]
fn the_region_is_detected() {
    let c = Converters::new();
    assert_eq!(
        c.detect(qunxiang::source::BUNDLED_ARTICLE),
        (SourceScript::Traditional, Some(Region::Taiwan))
    );
    let loaded = qunxiang::load(&Input::Bundled, Default::default(), &c).unwrap();
    assert_eq!(loaded.article.region, Some(Region::Taiwan));
}

#[test]
fn every_script_and_back_shows_the_original_bytes() {
    let c = std::sync::Arc::new(Converters::new());
    let loaded = qunxiang::load(&Input::Bundled, Default::default(), &c).unwrap();
    let original = loaded.article.clone();
    let mut app = App::new(loaded, c.clone(), Script::Original);
    let first = snapshot(&mut app, 120, 40, &[]);
    // T cycles: simplified, traditional, Taiwan, Hong Kong, original.
    let mut screens = Vec::new();
    for _ in 0..5 {
        screens.push(snapshot(&mut app, 120, 40, &parse_keys("T").unwrap()));
    }
    assert!(screens[0].contains("陈柯") && screens[0].contains("简体"));
    assert!(
        screens[1].contains("繁體") && screens[1].contains("爲大家"),
        "OpenCC standard forms"
    );
    assert!(screens[2].contains("台灣正體"));
    assert!(screens[3].contains("香港繁體"));
    assert_eq!(screens[4], first);
    // The text the reader holds and the people it shows are the original's, byte for byte.
    let mut shown = app.article().clone();
    shown.profiles = app.profiles().to_vec();
    assert_eq!(shown, original);
    // Every string of the article converts together, always from the original.
    let s = c.convert_article(&original, Script::Simplified).unwrap();
    let back = c.convert_article(&s, Script::Traditional).unwrap();
    assert_ne!(
        back, original,
        "chaining conversions does not give the original back"
    );
    assert_eq!(
        c.convert_article(&original, Script::Original).unwrap(),
        original
    );
}

#[test]
fn a_user_dictionary_goes_first_and_bad_lines_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s2t.txt"),
        "# my words\n头发\t頭髮髮\n\nbroken line\n",
    )
    .unwrap();
    let c = Converters::with(
        Corrections {
            user_dir: Some(dir.path().into()),
        },
        false,
    );
    assert_eq!(
        c.convert_str(Config::S2t, "头发和发现").unwrap(),
        "頭髮髮和發現"
    );
}

#[test]
fn a_broken_opencc_data_dir_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t2s.json"), "{ not json").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_qunxiang"))
        .args(["--json"])
        .env("QUNXIANG_OPENCC_DATA", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("t2s.json") && err.contains(dir.path().to_str().unwrap()),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    std::fs::write(dir.path().join("t2s.json"), r#"{"segmentation":{"type":"mmseg","dict":{"type":"ocd2","file":"Missing.ocd2"}},"conversion_chain":[{"dict":{"type":"ocd2","file":"Missing.ocd2"}}]}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_qunxiang"))
        .args(["--json"])
        .env("QUNXIANG_OPENCC_DATA", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("OpenCC could not load config t2s"), "{err}");
}

#[test]
fn a_large_text_keeps_its_corrections_where_they_occur_and_nowhere_else() {
    // Over PARALLEL_BYTES the text is converted in pieces on all cores: the piece with a
    // correction is corrected, and the whole reads like one piece.
    let c = Converters::new();
    let plain_line = "她的头发很长，我们一起出发。\n";
    let mut text = plain_line.repeat(12_000);
    let middle = text.len() / 2;
    let cut = text[middle..].find('\n').unwrap() + middle + 1;
    text.insert_str(cut, "经济一直发展，头发也长了。\n");
    assert!(text.len() > qunxiang::convert::PARALLEL_BYTES);
    let out = c.convert_str(Config::S2t, &text).unwrap();
    assert_eq!(out.lines().count(), 12_001);
    assert_eq!(
        out.lines()
            .filter(|l| *l == "經濟一直發展，頭髮也長了。")
            .count(),
        1,
        "the corrected line"
    );
    assert_eq!(
        out.lines()
            .filter(|l| *l == "她的頭髮很長，我們一起出發。")
            .count(),
        12_000
    );
}

#[test]
fn a_taiwan_particle_before_a_rare_zhu_word_becomes_zhe() {
    // TWVariantsRevPhrases keeps 著白 whole, which took the particle of 戴著 in the bundled
    // article; the words 著名, 巨著 and 顯著 keep their 著.
    let c = Converters::new();
    let taiwan = (SourceScript::Traditional, Some(Region::Taiwan));
    let text = "她戴著白口罩，穿著迷彩服，戴著紅袖標。著名作家的巨著很顯著。";
    assert_eq!(
        c.convert_text(text, taiwan, Script::Simplified).unwrap(),
        "她戴着白口罩，穿着迷彩服，戴着红袖标。著名作家的巨著很显著。"
    );
    let standard = (SourceScript::Traditional, None);
    assert_eq!(
        c.convert_text("他沿著白線走", standard, Script::Simplified)
            .unwrap(),
        "他沿着白线走"
    );
}

/// Runs the binary with `envs` set, `remove` removed from its environment and `stdin`.
fn run_env(
    args: &[&str],
    envs: &[(&str, &str)],
    remove: &[&str],
    stdin: &str,
) -> std::process::Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qunxiang"));
    cmd.args(args).envs(envs.iter().copied());
    for r in remove {
        cmd.env_remove(r);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn without_a_writable_cache_everything_works_with_one_warning() {
    let no_dict = ("QUNXIANG_DICT_DIR", "/nonexistent");
    let cached = run_env(&["--json", "--script", "simplified"], &[no_dict], &[], "");
    assert!(cached.status.success());
    let home = tempfile::tempdir().unwrap();
    let missing_home = home.path().join("gone");
    let missing_home = missing_home.to_str().unwrap();
    let proc_warning = "qunxiang: warning: cannot write the cache /proc/qunxiang/opencc/";
    let home_warning = "qunxiang: warning: no cache directory (neither XDG_CACHE_HOME nor an existing HOME); OpenCC configs are built without a cache (slower start)\n";
    // Every command failed: "cannot write OpenCC configs to /proc/qunxiang/opencc/…".
    for (envs, remove, warning) in [
        (vec![("XDG_CACHE_HOME", "/proc")], vec![], proc_warning),
        // No temporary directory either: in-memory files.
        (
            vec![("XDG_CACHE_HOME", "/proc"), ("TMPDIR", "/proc")],
            vec![],
            proc_warning,
        ),
        (
            vec![("HOME", missing_home)],
            vec!["XDG_CACHE_HOME"],
            home_warning,
        ),
    ] {
        let envs: Vec<_> = envs.into_iter().chain([no_dict]).collect();
        let out = run_env(&["--json", "--script", "simplified"], &envs, &remove, "");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{err}");
        assert_eq!(out.stdout, cached.stdout, "{envs:?}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(warning) && err.ends_with("(slower start)\n"),
            "{err}"
        );
        let out = run_env(
            &["convert", "--to", "traditional"],
            &envs,
            &remove,
            "头发\n",
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "頭髮\n");
        assert!(out.status.success());
        // The input's own error is the one that ends the run.
        let out = run_env(&["--json", "/nonexistent/a.txt"], &envs, &remove, "");
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.ends_with("\nqunxiang: /nonexistent/a.txt: no such file\n"),
            "{err}"
        );
    }
    assert!(
        !std::path::Path::new(missing_home).exists(),
        "a missing home is not made"
    );
}

#[test]
fn bad_lines_of_a_user_dictionary_are_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let long = "长".repeat(2000);
    let dict = format!(
        "头发\t頭髮髮\n头发\t頭髮\n发现\0\t發見\n{long}\t長\n才\t纔\x1b]0;PWNED\x07\n干净\t乾淨淨\n"
    );
    std::fs::write(dir.path().join("s2t.txt"), dict).unwrap();
    let corrections = Corrections {
        user_dir: Some(dir.path().into()),
    };
    let path = dir.path().join("s2t.txt");
    let path = path.display();
    assert_eq!(
        corrections.check(),
        [
            format!("{path}: line 2: duplicate key 头发 (first on line 1); line skipped"),
            format!("{path}: line 3: holds a NUL byte; line skipped"),
            format!("{path}: line 4: 6004 bytes, longer than 1000; line skipped"),
            format!("{path}: line 5: holds the control character \\u{{1b}}; line skipped"),
        ]
    );
    // Each of these lines made OpenCC refuse the dictionary and every conversion failed.
    let c = Converters::with(corrections, false);
    assert_eq!(
        c.convert_str(Config::S2t, "头发干净和发现才").unwrap(),
        "頭髮髮乾淨淨和發現才"
    );
    let dir_s = dir.path().to_str().unwrap();
    let out = run_env(
        &["convert", "--to", "traditional"],
        &[("QUNXIANG_DICT_DIR", dir_s)],
        &[],
        "头发干净和发现才\n",
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "頭髮髮乾淨淨和發現才\n"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 4, "{err}");
    assert!(
        err.lines()
            .all(|l| l.starts_with(&format!("qunxiang: warning: {path}: line ")))
    );
    assert!(!err.contains('\x1b') && !err.contains('\0'));
}

/// OpenCC's own test cases of the vendored data (`testcases.json`): (id, config, input,
/// expected). The file has trailing commas, which are removed first.
fn upstream_cases() -> Vec<(String, String, String, String)> {
    let mut text = String::new();
    // A comma seen and the whitespace after it, until the next character decides.
    let mut pending: Option<String> = None;
    for c in qunxiang::convert::UPSTREAM_TESTCASES.chars() {
        match &mut pending {
            Some(ws) if c.is_whitespace() => ws.push(c),
            Some(ws) => {
                if c != '}' && c != ']' {
                    text.push(',');
                }
                text.push_str(ws);
                pending = None;
            }
            None => {}
        }
        if c == ',' && pending.is_none() {
            pending = Some(String::new());
        } else if pending.is_none() {
            text.push(c);
        }
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    for case in v["cases"].as_array().unwrap() {
        for (config, expected) in case["expected"].as_object().unwrap() {
            out.push((
                case["id"].as_str().unwrap().to_string(),
                config.clone(),
                case["input"].as_str().unwrap().to_string(),
                expected.as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

#[test]
fn opencc_upstream_test_cases_pass_through_the_vendored_data() {
    // The vendored OpenCC 1.4.2 data, rewritten for libopencc 1.1, against OpenCC's own test
    // cases: each config alone, as OpenCC ships it.
    let cases = upstream_cases();
    assert_eq!(cases.len(), 556);
    let mut converters = std::collections::HashMap::new();
    let mut failed = Vec::new();
    for (id, config, input, expected) in &cases {
        let cc = converters
            .entry(config.clone())
            .or_insert_with(|| Converters::open_upstream(&format!("{config}.json")).unwrap());
        let got = cc.convert(input);
        if &got != expected {
            failed.push(format!(
                "{id} {config}: {input} → {got}, expected {expected}"
            ));
        }
    }
    assert_eq!(
        failed,
        Vec::<String>::new(),
        "{} of {} pass",
        cases.len() - failed.len(),
        cases.len()
    );
}

#[test]
fn opencc_upstream_test_cases_through_the_readers_conversion() {
    // The same cases through the reader's conversion (qunxiang's corrections in front), for
    // the configs the reader runs.
    let c = Converters::with(Corrections { user_dir: None }, false);
    let configs = [
        Config::S2t,
        Config::S2tw,
        Config::S2twp,
        Config::S2hk,
        Config::T2s,
        Config::Tw2s,
        Config::Tw2sp,
        Config::Hk2s,
        Config::T2tw,
        Config::T2hk,
        Config::Tw2t,
        Config::Hk2t,
    ];
    let mut failed = Vec::new();
    let mut run = 0;
    for (id, name, input, expected) in upstream_cases() {
        let Some(&config) = configs.iter().find(|c| c.name() == name) else {
            continue;
        };
        run += 1;
        let got = c.convert_str(config, &input).unwrap();
        if got != expected {
            failed.push(format!("{id} {name}: {input} → {got}, expected {expected}"));
        }
    }
    assert_eq!(run, 530);
    // The one failure is by design: the reader's hk2s is OpenCC's hk2t then tw2s, because
    // Hong Kong's press writes the particle 着 as 著 (看著, 慰藉著), as Taiwan does; OpenCC's
    // hk2s reads 著 as the 著 of 著名 and keeps it.
    assert_eq!(
        failed,
        [
            "BYVoid_OpenCC_Issue_767_solace hk2s: 慰藉著受傷的心靈 慰藉着受伤的心灵 → 慰藉着受伤的心灵 慰藉着受伤的心灵, expected 慰藉著受伤的心灵 慰藉着受伤的心灵"
        ],
        "{} of {run} pass",
        run - failed.len()
    );
}

#[test]
fn the_corpus_traditional_articles_get_their_region() {
    // Hong Kong's press writes 裡 and 著 as Taiwan does; its words tell it apart.
    let dir = std::env::var("QUNXIANG_CORPUS").unwrap_or_else(|_| "../shared/corpus".into());
    let c = Converters::new();
    let mut seen = 0;
    for (prefix, region) in [
        ("10_", Some(Region::HongKong)),
        ("11_", Some(Region::HongKong)),
        ("12_", Some(Region::HongKong)),
        ("13_", Some(Region::HongKong)),
        ("14_", Some(Region::HongKong)),
        ("15_", Some(Region::Taiwan)),
        ("16_", Some(Region::Taiwan)),
        ("17_", Some(Region::Taiwan)),
        ("18_", Some(Region::Taiwan)),
        ("19_", None),
    ] {
        let Some(path) = std::fs::read_dir(&dir).ok().and_then(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).find(|p| {
                let n = p.file_name().unwrap().to_string_lossy().to_string();
                n.starts_with(prefix) && n.ends_with(".txt")
            })
        }) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            c.detect(&text),
            (SourceScript::Traditional, region),
            "{}",
            path.display()
        );
        seen += 1;
    }
    eprintln!("{seen} corpus articles checked");
}

/// An article with one paragraph and one person named `name` (aliases `aliases`).
fn article_with(paragraph: &str, name: &str, aliases: &[&str]) -> qunxiang::Article {
    let json = serde_json::json!({
        "headline": "", "byline": null, "script": "simplified", "region": null,
        "paragraphs": [paragraph], "kinds": ["text"], "dropped": [],
        "profiles": [{
            "name": name, "aliases": aliases, "role": null, "heading": null,
            "mentions": [], "paragraphs": [0], "stats": [],
            "quotes": [{"text": paragraph, "paragraph": 0, "offset": 0}], "sure": true
        }]
    });
    serde_json::from_value(json).unwrap()
}

#[test]
fn names_are_converted_as_names() {
    let c = Converters::with(Corrections { user_dir: None }, false);
    // OpenCC converts these surnames as common words: 範, 餘, 於, 黨, 嶽 (钟 it gives 鍾).
    for (text, name, plain, traditional, taiwan) in [
        (
            "范文华来了",
            "范文华",
            "範文華來了",
            "范文華來了",
            "范文華來了",
        ),
        ("余大海说", "余大海", "餘大海說", "余大海說", "余大海說"),
        (
            "于小红的家",
            "于小红",
            "於小紅的家",
            "于小紅的家",
            "于小紅的家",
        ),
        (
            "钟志明表示",
            "钟志明",
            "鍾志明表示",
            "鍾志明表示",
            "鍾志明表示",
        ),
        ("党小兵说", "党小兵", "黨小兵說", "党小兵說", "党小兵說"),
        ("岳小山说", "岳小山", "嶽小山說", "岳小山說", "岳小山說"),
        // A name is converted alone: 白发 would become 白髮 with the 发 of the name.
        (
            "班长白发明在",
            "白发明",
            "班長白髮明在",
            "班長白發明在",
            "班長白發明在",
        ),
    ] {
        let simp = (SourceScript::Simplified, None);
        assert_eq!(
            c.convert_text(text, simp, Script::Traditional).unwrap(),
            plain,
            "{text}"
        );
        let article = article_with(text, name, &[]);
        for (script, expected) in [(Script::Traditional, traditional), (Script::Taiwan, taiwan)] {
            let a = c.convert_article(&article, script).unwrap();
            assert_eq!(a.paragraphs[0], expected, "{text}");
            assert_eq!(a.profiles[0].quotes[0].text, expected, "{text}");
        }
    }
    // Aliases too, and the panes' piecemeal conversions.
    let article = article_with("老范和范小明", "范小明", &["老范"]);
    let shown = c
        .convert_paragraphs(&article, &[0], Script::HongKong)
        .unwrap();
    assert_eq!(shown, ["老范和范小明"]);
    let mut profiles = article.profiles.clone();
    c.convert_labels(&mut profiles, article.source(), Script::Traditional)
        .unwrap();
    assert_eq!(profiles[0].name, "范小明");
    // Other words with those characters stay OpenCC's: 范围, 其余, 于是, 时钟.
    let article = article_with("范围其余于是时钟，范小明", "范小明", &[]);
    assert_eq!(
        c.convert_article(&article, Script::Traditional)
            .unwrap()
            .paragraphs[0],
        "範圍其餘於是時鐘，范小明"
    );
}

#[test]
fn qunxiang_convert_finds_names_with_the_tagger() {
    assert_eq!(
        s2t("记者范文华报道，余大海和于小红昨天来到钟志明家。\n"),
        "記者范文華報道，余大海和于小紅昨天來到鍾志明家。\n"
    );
    // Words, not names: OpenCC's own conversion.
    assert_eq!(s2t("范围其余\n"), "範圍其餘\n");
}

#[test]
fn taiwan_forms_write_fabu() {
    // Taiwan writes 發布; OpenCC's STPhrases gives 發佈, which OpenCC's standard forms keep.
    assert_eq!(
        convert(&["--to", "taiwan"], "发布 新闻发布会 被发布 一直发展\n"),
        "發布 新聞發布會 被發布 一直發展\n"
    );
    assert_eq!(
        convert(&["--to", "taiwan", "--taiwan-phrases"], "发布会\n"),
        "發布會\n"
    );
    assert_eq!(s2t("发布 新闻发布会\n"), "發佈 新聞發佈會\n");
    assert_eq!(convert(&["--to", "hongkong"], "发布\n"), "發佈\n");
}

#[test]
fn t_converts_simplified_text_to_the_readers_traditional_form() {
    // An invented simplified article: 这里 and 发布 take different forms in OpenCC's
    // standard (這裏, 發佈), Taiwan (這裡, 發布) and Hong Kong (這裏, 發佈) traditional.
    let dir = std::env::temp_dir().join(format!("qunxiang-trad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "社区新闻发布会\n\n记者 林小雨\n\n社区在这里召开新闻发布会，居民们说着家常。\n",
    )
    .unwrap();
    let config = dir.join("config.toml");
    let state = dir.join("state");
    let screen = |args: &[&str], config_text: &str| {
        std::fs::write(&config, config_text).unwrap();
        let mut all = vec!["--snapshot", "100x20", "--no-wait", "--fresh"];
        all.extend_from_slice(args);
        all.push(article.to_str().unwrap());
        let out = common::run(
            &all,
            &[
                ("QUNXIANG_CONFIG", config.to_str().unwrap()),
                ("QUNXIANG_STATE_DIR", state.to_str().unwrap()),
                ("QUNXIANG_DICT_DIR", "/nonexistent"),
            ],
            None,
        );
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let standard = screen(&["--keys", "t"], "");
    assert!(
        standard.contains("這裏召開新聞發佈會") && standard.contains("繁體"),
        "{standard}"
    );
    let taiwan = screen(&["--keys", "t", "--traditional", "taiwan"], "");
    assert!(
        taiwan.contains("這裡召開新聞發布會") && taiwan.contains("台灣正體"),
        "{taiwan}"
    );
    let hong_kong = screen(&["--keys", "t"], "traditional = \"hongkong\"\n");
    assert!(hong_kong.contains("香港繁體"), "{hong_kong}");
    // A traditional --script says where the reader lives: t goes back to the original
    // (simplified), then to that form again.
    let back = screen(&["--script", "taiwan", "--keys", "tt"], "");
    assert!(
        back.contains("這裡召開新聞發布會") && back.contains("台灣正體"),
        "{back}"
    );
    // The option wins over the config file.
    let option = screen(
        &["--keys", "t", "--traditional", "standard"],
        "traditional = \"taiwan\"\n",
    );
    assert!(option.contains("這裏召開新聞發佈會"), "{option}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn taiwan_phrase_layers_stay_opt_in() {
    // OpenCC's Taiwan phrase layers rewrite words, and some wrongly: s2twp turns 禁用
    // (forbid the use of) into 停用 (stop using), and tw2sp reads 一行程式碼 (a line of code)
    // as 一 + 行程 (a process, 进程) + 式碼. Off by default; --taiwan-phrases turns them on.
    let plain = Converters::with(Corrections { user_dir: None }, false);
    let phrases = Converters::with(Corrections { user_dir: None }, true);
    let simp = (SourceScript::Simplified, None);
    let taiwan = (SourceScript::Traditional, Some(Region::Taiwan));
    assert_eq!(plain.config_for(simp, Script::Taiwan), Some(Config::S2tw));
    assert_eq!(
        plain.config_for(taiwan, Script::Simplified),
        Some(Config::Tw2s)
    );
    assert_eq!(
        plain
            .convert_text("禁用这个软件", simp, Script::Taiwan)
            .unwrap(),
        "禁用這個軟件"
    );
    assert_eq!(
        phrases
            .convert_text("禁用这个软件", simp, Script::Taiwan)
            .unwrap(),
        "停用這個軟體"
    );
    assert_eq!(
        plain
            .convert_text("一行程式碼", taiwan, Script::Simplified)
            .unwrap(),
        "一行程式码"
    );
    assert_eq!(
        phrases
            .convert_text("一行程式碼", taiwan, Script::Simplified)
            .unwrap(),
        "一进程式码"
    );
}

#[test]
fn place_names_are_converted_as_names() {
    // Real county- and township-level names from the vendored division list.
    assert_eq!(
        s2t("他在于都县工作，住在于洪区。\n"),
        "他在于都縣工作，住在于洪區。\n"
    );
    assert_eq!(s2t("余家镇和范家屯镇的居民\n"), "余家鎮和范家屯鎮的居民\n");
    // OpenCC's own phrases decide where they know the place.
    assert_eq!(
        s2t("余杭区、谷城县、范县和平顶山市城乡一体化示范区\n"),
        "餘杭區、穀城縣、范縣和平頂山市城鄉一體化示範區\n"
    );
    // OpenCC alone (the reader's conversion without the name layers) gets these wrong.
    let c = Converters::with(Corrections { user_dir: None }, false);
    assert_eq!(
        c.convert_str(Config::S2t, "他在于都县工作，住在于洪区。余家镇")
            .unwrap(),
        "他在於都縣工作，住在於洪區。餘家鎮"
    );
    // A short form is no place name here: 位于都市 is 位於都市.
    assert_eq!(s2t("位于都市中心，其余的人\n"), "位於都市中心，其餘的人\n");
    assert_eq!(
        convert(&["--to", "taiwan"], "于洪区的余家镇\n"),
        "于洪區的余家鎮\n"
    );
    // From traditional script nothing changes: the list is of simplified names.
    assert_eq!(
        convert(&["--to", "simplified"], "於是他去了餘杭區\n"),
        "于是他去了余杭区\n"
    );
}

#[test]
fn the_status_bar_names_the_systems_data_when_it_is_used() {
    let system = qunxiang::convert::data_dir().expect("the system's OpenCC data");
    let screen = |envs: &[(&str, &str)]| {
        let mut all = vec![
            ("QUNXIANG_CONFIG", "/nonexistent"),
            ("QUNXIANG_STATE_DIR", "/nonexistent"),
        ];
        all.extend_from_slice(envs);
        let out = common::run(
            &[
                "--snapshot",
                "160x20",
                "--no-wait",
                "--fresh",
                "--keys",
                "t",
            ],
            &all,
            None,
        );
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let system = screen(&[("QUNXIANG_OPENCC_DATA", system.to_str().unwrap())]);
    assert!(system.contains("简体 · OpenCC system data"), "{system}");
    let bundled = screen(&[]);
    assert!(
        bundled.contains("简体") && !bundled.contains("OpenCC system data"),
        "{bundled}"
    );
}

#[test]
fn corrections_from_opencc_issue_1497() {
    // Must change: the particle 了 before 如何 and 如此, 製 after 参与.
    assert_eq!(
        s2t("展示了如何 学习了如何 了解了如何 到了如此地步 参与制造 参与制作\n"),
        "展示了如何 學習了如何 瞭解了如何 到了如此地步 參與製造 參與製作\n"
    );
    // Must not touch: 了如指掌, and 制 that stays 制 after 参与.
    assert_eq!(
        s2t("了如指掌 参与制定 参与制度建设\n"),
        "瞭如指掌 參與制定 參與制度建設\n"
    );
}

#[test]
fn the_conjunction_bing_before_a_fa_verb() {
    // Must change: 并 "and" before a 发-verb, which STPhrases' 并发 (concurrent) took.
    assert_eq!(
        s2t("举办活动，并发布9月榜单 并发出通知 并发挥作用\n"),
        "舉辦活動，並發佈9月榜單 並發出通知 並發揮作用\n"
    );
    // Must not touch: 并发症 and 高并发, which are 併發.
    assert_eq!(s2t("并发症 高并发\n"), "併發症 高併發\n");
}

#[test]
fn families_from_the_peer_sweep() {
    // Must change: 了解 after 上/想/先 (an identity X了 phrase took its 了), 网格里 / 性格里
    // ("inside"), 开面包车 / 开面馆, 一干就是 ("do"), a system noun's 制 before 为 / 成为,
    // 一家制衣厂 / 国家制造业.
    assert_eq!(
        s2t("座谈会上了解情况 他想了解 先了解 网格里 性格里 开面包车 开面馆 一干就是十年\n"),
        "座談會上瞭解情況 他想瞭解 先瞭解 網格裏 性格裏 開麪包車 開麪館 一幹就是十年\n"
    );
    assert_eq!(
        s2t("以首长负责制为核心 股份制成为主流 一家制衣厂 国家制造业 下面条件\n"),
        "以首長負責制爲核心 股份制成爲主流 一家製衣廠 國家製造業 下面條件\n"
    );
    // Taiwan forms take the same corrections.
    assert_eq!(
        convert(&["--to", "taiwan"], "网格里 他想了解 开面包车\n"),
        "網格裡 他想瞭解 開麵包車\n"
    );
    // Must not touch: 了 before a 解-word, 格里 of a transliteration, 一干人等 ("all of them"),
    // 制为 "made into", 米制 alone, 表面 before 粉尘.
    assert_eq!(
        s2t("上了解放军的车 想了解决办法 吃了解药 格里高利 一干人等 复制为 公制 表面粉尘\n"),
        "上了解放軍的車 想了解決辦法 喫了解藥 格里高利 一干人等 複製爲 公制 表面粉塵\n"
    );
}

#[test]
fn families_from_opencc_issues() {
    // Must change: #201 (个中 箇中 took a measure word's 个), #805 (文采 and 米制 took 采访 and
    // 制程), #349 (曆 phrases took 历史 / 历程; 肤发 祝发 总发 took a 发-word; 干 "dry").
    assert_eq!(
        s2t("一个中年人 数个中的 接受中文采访 七纳米制程 百年历史 伟大历程 中国历代\n"),
        "一個中年人 數個中的 接受中文採訪 七納米製程 百年歷史 偉大歷程 中國歷代\n"
    );
    assert_eq!(
        s2t("皮肤发炎 恭祝发财 总发行量 干辣椒 干树枝 辣椒干 甩干\n"),
        "皮膚發炎 恭祝發財 總發行量 乾辣椒 乾樹枝 辣椒乾 甩乾\n"
    );
    assert_eq!(s2t("提高几倍 矮几公分\n"), "提高幾倍 矮幾公分\n");
    // Must not touch: 个中 "therein", 文采, 米制 alone, a calendar, hair, 干部 and 干 "do", a
    // side table (茶几, 高几 alone).
    assert_eq!(
        s2t("个中滋味 文采出众 米制 农历新年 日历 白发苍苍 白发生长 干部 干活 能干\n"),
        "箇中滋味 文采出衆 米制 農曆新年 日曆 白髮蒼蒼 白髮生長 幹部 幹活 能幹\n"
    );
    assert_eq!(s2t("茶几 一张高几\n"), "茶几 一張高几\n");
    assert_eq!(s2t("种菜干活\n"), "種菜幹活\n");
    // A dried-food phrase (菜干 鱼干 豆干, 乾) no longer takes the 干 of 干活, and keeps its own.
    assert_eq!(
        s2t("洗菜干活 打鱼干活 土豆干活 吃肉干活 一包鱼干 豆干\n"),
        "洗菜幹活 打魚幹活 土豆幹活 喫肉幹活 一包魚乾 豆乾\n"
    );
}

#[test]
fn taiwan_zhu_of_authorship_and_before_a_name() {
    let tw2s = |text: &str| convert(&["--from", "taiwan", "--to", "simplified"], text);
    // Must change: #963 (原著 專著 土著 and a byline after an ideographic space keep 著), #989
    // (a verb's particle before 名為 / 名叫 is 着), the particle after a verb in 合 (合著 took it).
    assert_eq!(
        tw2s("改編自原著 一部專著 土著 高爾基　著 生活著名為阿明的人 住著名叫阿華的老人\n"),
        "改编自原著 一部专著 土著 高尔基　著 生活着名为阿明的人 住着名叫阿华的老人\n"
    );
    assert_eq!(tw2s("配合著音樂 結合著\n"), "配合着音乐 结合着\n");
    // Must not touch: 合著 "co-authored" after a noun.
    assert_eq!(tw2s("兩人合著\n"), "两人合著\n");
    // Must not touch: the particle elsewhere, 著名 "famous", 討論著 and 著有 after the particle.
    assert_eq!(
        tw2s("看著 著急 著名作家 討論著 過著有尊嚴的生活\n"),
        "看着 着急 著名作家 讨论着 过着有尊严的生活\n"
    );
}
