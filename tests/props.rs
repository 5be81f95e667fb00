//! Property tests: arbitrary input never panics, from bytes through decoding, extraction,
//! conversion and rendering at arbitrary sizes (0x0 included).

use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use qunxiang::convert::Config;
use qunxiang::text::wrap::{display_width, wrap};
use qunxiang::tui::{App, parse_keys, snapshot};
use qunxiang::{Converters, LoadOptions, Script};

fn converters() -> Arc<Converters> {
    static C: OnceLock<Arc<Converters>> = OnceLock::new();
    Arc::clone(C.get_or_init(|| Arc::new(Converters::new())))
}

/// Bytes that look like articles often enough to reach extraction: pieces of the genre
/// (headings, captions, quotes, figures, furniture) mixed with arbitrary bytes.
fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("新疆兵團第十二師\n".as_bytes().to_vec()),
        Just("“守護家園,我們義不容辭”\n".as_bytes().to_vec()),
        Just("社区党支部书记王小明\n".as_bytes().to_vec()),
        Just("“我们不退，坚持到底。”王小明说。\n".as_bytes().to_vec()),
        Just(
            "今年39歲的陳柯有1597戶七八十戶100多名上百個\n"
                .as_bytes()
                .to_vec()
        ),
        Just("02\n".as_bytes().to_vec()),
        Just("分享到:\n".as_bytes().to_vec()),
        Just("<p>".as_bytes().to_vec()),
        Just("{\"headline\":".as_bytes().to_vec()),
        Just("\x1b]0;x\x07\u{202e}\t\r\n".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..40),
        "\\PC{0,30}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_convert_and_render(
        bytes in article_bytes(),
        ext in prop_oneof![Just(None), Just(Some("txt")), Just(Some("html")), Just(Some("json"))],
        w in 0u16..140,
        h in 0u16..45,
        keys in "[jkgGtTacny?123 \\t]{0,10}",
    ) {
        let c = converters();
        if let Ok(loaded) = qunxiang::load_bytes(&bytes, "prop".into(), ext, LoadOptions::default(), &c) {
            for script in [Script::Simplified, Script::Traditional] {
                let converted = c.convert_article(&loaded.article, script).unwrap();
                prop_assert_eq!(converted.profiles.len(), loaded.article.profiles.len());
            }
            let mut app = App::new(loaded, c, Script::Original);
            let keys = parse_keys(&keys.replace('\t', "<Tab>")).unwrap();
            let screen = snapshot(&mut app, w, h, &keys);
            prop_assert!(!screen.chars().any(|ch| ch.is_control() && ch != '\n'));
        }
    }

    #[test]
    fn conversion_never_panics(s in "\\PC*|[\\x00-\\x{7f}]*") {
        let c = converters();
        for config in [Config::T2s, Config::S2t, Config::S2tw, Config::Tw2s, Config::Hk2tw] {
            let out = c.convert_str(config, &s).unwrap();
            prop_assert!(!out.contains('\0'));
        }
    }

    #[test]
    fn wrapped_lines_fit(s in "\\PC{0,200}", width in 1usize..60) {
        let clean = qunxiang::source::sanitize(&s);
        for line in wrap(&clean, width) {
            // A line fits, or is a single grapheme wider than the width, alone on its line.
            let single = unicode_segmentation::UnicodeSegmentation::graphemes(line.as_str(), true).count() == 1;
            prop_assert!(display_width(&line) <= width || single, "{:?} at {}", line, width);
        }
    }
}
