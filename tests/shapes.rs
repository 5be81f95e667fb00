//! Property test of hostile shapes (issue 12): deep nesting of every container the readers
//! know (HTML elements, JSON arrays and objects, the quote marks 「『“‘), long lines, many
//! marks (figures, quotes) and many search matches, each loaded, converted, searched and
//! drawn. The work must grow linearly with the input: each shape is run at a size and at
//! four times that size, and the second run may allocate at most eight times as much as the
//! first (a linear pass allocates about four times as much, a quadratic one sixteen).
//!
//! The work is counted as bytes allocated (a counting global allocator; this file is a test
//! binary of its own, with one test, so nothing else allocates meanwhile), never as time: a
//! pass that copies or rebuilds what it has read grows its allocations with its steps. A
//! quadratic scan that allocates nothing escapes this count; `benches/hostile.rs` times
//! the known shapes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use qunxiang::tui::{App, parse_keys, snapshot};
use qunxiang::{Converters, LoadOptions, Script};

/// The system allocator, counting the bytes it hands out (a realloc counts its new size).
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to the system allocator unchanged; the counter only adds.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn converters() -> Arc<Converters> {
    static C: OnceLock<Arc<Converters>> = OnceLock::new();
    Arc::clone(C.get_or_init(|| Arc::new(Converters::new())))
}

/// HTML elements nested: blocks, inline elements, tables and lists.
const TAGS: [&str; 10] = [
    "div",
    "q",
    "span",
    "blockquote",
    "p",
    "b",
    "section",
    "ul><li",
    "table><tr><td",
    "font",
];

/// Opening and closing quote marks, nested.
const MARKS: [(&str, &str); 5] = [
    ("「", "」"),
    ("『", "』"),
    ("“", "”"),
    ("‘", "’"),
    ("《", "》"),
];

/// A hostile shape of size `k` (nesting depth, figures, matches or hundreds of chars): the
/// input's bytes, its extension, and a query that finds something in it.
fn shape(
    kind: usize,
    variant: usize,
    closed: bool,
    k: usize,
) -> (Vec<u8>, Option<&'static str>, String) {
    let lead = "社区书记李明今年45岁。";
    match kind {
        // HTML elements nested k deep around text, closed or not.
        0 => {
            let tag = TAGS[variant % TAGS.len()];
            let close: String = tag.rsplit("><").map(|t| format!("</{t}>")).collect();
            let html = format!(
                "<html><head><title>深处的文章</title></head><body><p>{lead}</p>{}李明说：“深处有字。”{}<p>后记。</p></body></html>",
                format!("<{tag}>").repeat(k),
                if closed {
                    close.repeat(k)
                } else {
                    String::new()
                },
            );
            (html.into_bytes(), Some("html"), "深处".into())
        }
        // JSON arrays or objects nested k deep, in a field the reader knows or one it does not.
        1 => {
            let (open, close) = if variant % 2 == 0 {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let field = if variant % 4 < 2 {
                "paragraphs"
            } else {
                "extra"
            };
            let json = format!(
                "{{\"headline\":\"深处\",\"paragraphs\":[\"{lead}\"],\"{field}\":{}1{}}}",
                open.repeat(k),
                if closed {
                    close.repeat(k)
                } else {
                    String::new()
                },
            );
            (json.into_bytes(), Some("json"), "李明".into())
        }
        // Quote marks nested k deep in one paragraph, closed or not.
        2 => {
            let (open, close) = MARKS[variant % MARKS.len()];
            let text = format!(
                "深处的文章\n\n{lead}\n\n李明说：{}好{}\n\n后记。\n",
                open.repeat(k),
                if closed {
                    close.repeat(k)
                } else {
                    String::new()
                },
            );
            (text.into_bytes(), None, "好".into())
        }
        // One line of k hundred chars (no piece repeats another).
        3 => {
            let mut text = format!("一行很长的文章\n\n{lead}");
            for i in 0..k * 5 {
                text.push_str(&format!("今天天气很好走了{i}步。"));
            }
            text.push('\n');
            (text.into_bytes(), None, "天气".into())
        }
        // k figures in one paragraph of the reader's JSON.
        4 => (
            qunxiang::testing::many_figures_json(k).into_bytes(),
            Some("json"),
            "头牛".into(),
        ),
        // k short quotes in one paragraph.
        5 => {
            let mut text = format!("说话的人\n\n{lead}\n\n");
            for i in 0..k {
                text.push_str(&format!("李明说：“第{i}句。”"));
            }
            text.push('\n');
            (text.into_bytes(), None, "句".into())
        }
        // k matches of the query in one paragraph.
        _ => {
            let mut text = format!("搜索的文章\n\n{lead}\n\n");
            for i in 0..k {
                text.push_str(&format!("{i}牛"));
            }
            text.push('\n');
            (text.into_bytes(), None, "牛".into())
        }
    }
}

/// Loads `bytes`, converts the article to both scripts, and draws the reader after a
/// toggle, the article view, its end and a search for `query`. Returns the bytes allocated
/// meanwhile.
fn work(bytes: &[u8], ext: Option<&str>, query: &str) -> usize {
    let c = converters();
    let before = ALLOCATED.load(Ordering::Relaxed);
    if let Ok(loaded) = qunxiang::load_bytes(bytes, "shape".into(), ext, LoadOptions::default(), &c)
    {
        for script in [Script::Simplified, Script::Traditional] {
            c.convert_article(&loaded.article, script).unwrap();
        }
        let mut app = App::new(loaded, Arc::clone(&c), Script::Original);
        let keys = parse_keys(&format!("tjaG/{query}<Enter>n")).unwrap();
        let screen = snapshot(&mut app, 120, 40, &keys);
        assert!(!screen.chars().any(|ch| ch.is_control() && ch != '\n'));
        app.wait_background();
    }
    ALLOCATED.load(Ordering::Relaxed) - before
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 14, ..ProptestConfig::default() })]

    #[test]
    fn hostile_shapes_cost_in_proportion_to_their_size(
        kind in 0usize..7,
        variant in 0usize..10,
        closed in any::<bool>(),
    ) {
        // Depths of 2,000 and 8,000 for nesting; 300 and 1,200 quotes or hundreds of chars
        // (analysed: the tagger is the slow part); 1,200 and 4,800 figures or matches.
        let k = match kind {
            0..=2 => 2_000,
            3 | 5 => 300,
            _ => 1_200,
        };
        let (base, ext, query) = shape(kind, variant, closed, 0);
        let (small, _, _) = shape(kind, variant, closed, k);
        let (large, _, _) = shape(kind, variant, closed, 4 * k);
        // Once first, so what is built once (OpenCC's dictionaries, the tagger) is not
        // counted; what the shape costs at size 0 (the rest of the document, the screen) is
        // taken off both.
        work(&small, ext, &query);
        let fixed = work(&base, ext, &query);
        let a = work(&small, ext, &query).saturating_sub(fixed);
        let b = work(&large, ext, &query).saturating_sub(fixed);
        prop_assert!(
            b <= 8 * a + (16 << 20),
            "shape {}/{}/{}: {} bytes allocated beyond size 0 for {} bytes of input, {} for {}",
            kind, variant, closed, a, small.len(), b, large.len()
        );
    }
}
