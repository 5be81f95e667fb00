//! The compare view: the selected person's paragraphs (the whole article when it has no
//! profiles) in the original script beside their conversion, paragraph by paragraph, each
//! pair starting on the same row. The characters that differ between a paragraph and its
//! conversion are marked on both sides ([`changed`], [`super::theme::changed`]).
//!
//! Like the article view, the view is cut into segments, one per paragraph compared
//! ([`App::compared`]), each wrapped when it first comes on screen and kept ([`segment_lines`]); the reader converts
//! the paragraphs it can show before drawing and the rest in the background
//! ([`App::ensure_on_screen`]), so opening and scrolling it costs what is on screen.

use std::ops::Range;
use std::rc::Rc;

use ratatui::style::Style;
use ratatui::text::Line;

use super::article::{progress, settle};
use super::text::{Block, blocks};
use super::theme;
use crate::Article;
use crate::article::ParagraphKind;
use crate::tui::app::App;
use crate::tui::lines::styled_hanging;

/// Lines for the two columns (original, converted), each `width` columns wide, with the
/// paragraphs `indices` (a person's; every paragraph for `None`), whose kinds are `kinds`,
/// aligned: a shorter paragraph is padded with blank lines. The characters of a paragraph that
/// its conversion changes are marked on both sides ([`changed`]). The whole text at once:
/// the view itself wraps a segment at a time ([`visible`]).
pub fn columns(
    original: &Article,
    converted: &Article,
    kinds: &[ParagraphKind],
    indices: Option<&[usize]>,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    pair(
        blocks(&original.paragraphs, kinds, indices),
        blocks(&converted.paragraphs, kinds, indices),
        width,
    )
}

/// The blocks `a` of the original and `b` of the conversion side by side (see [`columns`]).
fn pair(
    a: Vec<Block<'_>>,
    b: Vec<Block<'_>>,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (a, b) in a.into_iter().zip(b) {
        let Block {
            text,
            style,
            gap,
            head,
            ..
        } = a;
        if gap {
            left.push(Line::default());
            right.push(Line::default());
        }
        let (ca, cb) = changed(text, b.text);
        let mark = |ranges: Vec<Range<usize>>| -> Vec<(Range<usize>, Style)> {
            ranges
                .into_iter()
                .map(|r| (r, style.patch(theme::changed())))
                .collect()
        };
        let l = styled_hanging(text, width, head, &mark(ca), style);
        let r = styled_hanging(b.text, width, b.head, &mark(cb), b.style);
        let n = l.len().max(r.len());
        left.extend(
            l.into_iter()
                .chain(std::iter::repeat_with(|| {
                    Line::styled("", Style::default())
                }))
                .take(n),
        );
        right.extend(
            r.into_iter()
                .chain(std::iter::repeat_with(Line::default))
                .take(n),
        );
    }
    (left, right)
}

/// The two columns' lines of segment `k` of the compare view at `width` columns each: the
/// blank line before the paragraph (none before the first, nor between a heading and its
/// caption), a dim [`super::text::GAP`] line where the person's paragraphs skip some, then
/// the paragraph beside its conversion ([`columns`] of the whole text, a piece at a time).
pub fn segment(app: &App, k: usize, width: usize) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let i = app.compared_paragraph(k);
    if i >= app.original.paragraphs.len() {
        return (Vec::new(), Vec::new());
    }
    // The block before, for the blank and gap lines, then left out.
    let window = match k.checked_sub(1).map(|j| app.compared_paragraph(j)) {
        Some(p) if p < app.original.paragraphs.len() => vec![p, i],
        _ => vec![i],
    };
    let skip = window.len() - 1;
    fn side<'a>(
        a: &'a Article,
        kinds: &[ParagraphKind],
        window: &[usize],
        skip: usize,
    ) -> Vec<Block<'a>> {
        let mut b = blocks(&a.paragraphs, kinds, Some(window));
        b.drain(..skip.min(b.len()));
        b
    }
    pair(
        side(&app.original, &app.kinds, &window, skip),
        side(app.article(), &app.kinds, &window, skip),
        width,
    )
}

/// [`segment`], wrapped once per script, width, text and selected person, and kept in the
/// app.
pub fn segment_lines(
    app: &App,
    k: usize,
    width: usize,
) -> Rc<(Vec<Line<'static>>, Vec<Line<'static>>)> {
    let key = (
        app.script,
        width,
        app.article_gen,
        app.selected,
        usize::from(app.people.is_empty()),
    );
    app.drawn
        .compare
        .borrow_mut()
        .get(key, k, || segment(app, k, width))
}

/// The lines the compare view shows in `height` rows of two columns `width` columns wide
/// (left, right). Brings the view's position ([`App::compare_pos`]) into range, as the
/// article view does ([`settle`]); the paragraphs compared are [`App::compared`], and records where it stands
/// ([`App::compare_progress`]). Only the segments on screen, and at the end those of the
/// last screen, are wrapped.
pub fn visible(app: &App, width: usize, height: usize) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    app.compare_scroll.height.set(height);
    app.compare_scroll.width.set(width);
    let count = app.compare_count();
    let (mut left, mut right) = (Vec::with_capacity(height), Vec::with_capacity(height));
    if count == 0 {
        app.compare_pos.set((0, 0));
        app.compare_progress.set((0, 0));
        return (left, right);
    }
    let len = |k: usize| segment_lines(app, k, width).0.len() as isize;
    let ((seg, line), last) = settle(app.compare_pos.get(), count, height, len);
    app.compare_pos.set((seg, line));
    app.compare_progress.set(progress((seg, line), last));
    let mut skip = line.max(0) as usize;
    for k in seg..count {
        if left.len() >= height {
            break;
        }
        let lines = segment_lines(app, k, width);
        let take = height - left.len();
        left.extend(lines.0.iter().skip(skip).take(take).cloned());
        right.extend(lines.1.iter().skip(skip).take(take).cloned());
        skip = 0;
    }
    (left, right)
}

/// Segments longer than this many characters whose two sides differ in length are marked
/// whole rather than diffed (a character diff takes time in the product of the lengths).
pub const MAX_DIFF_CHARS: usize = 2000;

/// Punctuation OpenCC never converts (the same in both scripts): [`changed`] compares text
/// between them segment by segment, so a conversion that changes a word's length (a phrase
/// layer's 程式碼 → 程序代码) shifts nothing beyond its segment.
const ANCHORS: &[char] = &['。', '，', '、', '；', '：', '？', '！', '\n'];

/// The byte ranges of the characters that differ between `a` and its conversion `b`: those
/// in `a` and those in `b`, each in order, neighbouring characters joined into one range.
///
/// Both are cut after each of [`ANCHORS`]; when they have as many segments, segments are
/// compared pairwise, else the texts whole. Two segments with as many characters (OpenCC's
/// character and most phrase mappings keep the count) are compared position by position;
/// otherwise by a character diff (Myers, from the `similar` crate) when neither is longer
/// than [`MAX_DIFF_CHARS`] characters, else what lies between their common start and end is
/// marked whole. Linear in the text but for those diffs.
pub fn changed(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut out_a, mut out_b) = (Vec::new(), Vec::new());
    if a == b {
        return (out_a, out_b);
    }
    let sa: Vec<Range<usize>> = segments(a).collect();
    let sb: Vec<Range<usize>> = segments(b).collect();
    if sa.len() == sb.len() {
        for (ra, rb) in sa.into_iter().zip(sb) {
            if a[ra.clone()] != b[rb.clone()] {
                compare(a, ra, b, rb, &mut out_a, &mut out_b);
            }
        }
    } else {
        compare(a, 0..a.len(), b, 0..b.len(), &mut out_a, &mut out_b);
    }
    (out_a, out_b)
}

/// The byte ranges of `text`'s pieces, each ending after one of [`ANCHORS`] (the last at the
/// text's end).
fn segments(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.char_indices()
        .filter(|(_, c)| ANCHORS.contains(c))
        .map(|(i, c)| i + c.len_utf8())
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let r = start..end;
            start = end;
            (!r.is_empty()).then_some(r)
        })
}

/// Adds the ranges of the characters that differ between `a[ra]` and `b[rb]` to `out_a` and
/// `out_b` (see [`changed`]).
fn compare(
    a: &str,
    ra: Range<usize>,
    b: &str,
    rb: Range<usize>,
    out_a: &mut Vec<Range<usize>>,
    out_b: &mut Vec<Range<usize>>,
) {
    let ca: Vec<(usize, char)> = a[ra.clone()]
        .char_indices()
        .map(|(i, c)| (ra.start + i, c))
        .collect();
    let cb: Vec<(usize, char)> = b[rb.clone()]
        .char_indices()
        .map(|(i, c)| (rb.start + i, c))
        .collect();
    // The byte range of the characters `chars[i..j]` of a segment ending at byte `end`.
    let bytes = |chars: &[(usize, char)], end: usize, i: usize, j: usize| {
        chars[i].0..chars.get(j).map_or(end, |c| c.0)
    };
    let push = |out: &mut Vec<Range<usize>>, r: Range<usize>| match out.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ if r.is_empty() => {}
        _ => out.push(r),
    };
    if ca.len() == cb.len() {
        for (i, (x, y)) in ca.iter().zip(&cb).enumerate() {
            if x.1 != y.1 {
                push(out_a, bytes(&ca, ra.end, i, i + 1));
                push(out_b, bytes(&cb, rb.end, i, i + 1));
            }
        }
        return;
    }
    let prefix = ca.iter().zip(&cb).take_while(|(x, y)| x.1 == y.1).count();
    let suffix = ca[prefix..]
        .iter()
        .rev()
        .zip(cb[prefix..].iter().rev())
        .take_while(|(x, y)| x.1 == y.1)
        .count();
    let (ma, mb) = (prefix..ca.len() - suffix, prefix..cb.len() - suffix);
    if ma.len() > MAX_DIFF_CHARS || mb.len() > MAX_DIFF_CHARS {
        if !ma.is_empty() {
            push(out_a, bytes(&ca, ra.end, ma.start, ma.end));
        }
        if !mb.is_empty() {
            push(out_b, bytes(&cb, rb.end, mb.start, mb.end));
        }
        return;
    }
    let xa: Vec<char> = ca[ma.clone()].iter().map(|c| c.1).collect();
    let xb: Vec<char> = cb[mb.clone()].iter().map(|c| c.1).collect();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &xa, &xb) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        if !old.is_empty() {
            push(
                out_a,
                bytes(&ca, ra.end, ma.start + old.start, ma.start + old.end),
            );
        }
        if !new.is_empty() {
            push(
                out_b,
                bytes(&cb, rb.end, mb.start + new.start, mb.start + new.end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marked text of `s`, each range in brackets.
    fn marked(s: &str, ranges: &[Range<usize>]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in ranges {
            out.push_str(&s[at..r.start]);
            out.push('[');
            out.push_str(&s[r.clone()]);
            out.push(']');
            at = r.end;
        }
        out.push_str(&s[at..]);
        out
    }

    fn both(a: &str, b: &str) -> (String, String) {
        let (ra, rb) = changed(a, b);
        (marked(a, &ra), marked(b, &rb))
    }

    #[test]
    fn changed_characters_are_marked_on_both_sides() {
        assert_eq!(
            both("头发和发展都在这里。", "頭髮和發展都在這裏。"),
            (
                "[头发]和[发]展都在[这里]。".to_string(),
                "[頭髮]和[發]展都在[這裏]。".to_string()
            )
        );
        assert_eq!(
            both("一样", "一样"),
            ("一样".to_string(), "一样".to_string())
        );
        // A word that changes length shifts nothing after it: the rest of its segment is
        // diffed, the next segments compared as they are.
        assert_eq!(
            both("写一行程式碼，再测试吧。", "写一行程序代码，再測試吧。"),
            (
                "写一行程[式碼]，再[测试]吧。".to_string(),
                "写一行程[序代码]，再[測試]吧。".to_string()
            )
        );
        // Segments that do not pair up: the texts are diffed whole.
        assert_eq!(
            both("软件，发布", "軟體發佈"),
            ("[软件，发布]".to_string(), "[軟體發佈]".to_string())
        );
        // A long segment of another length is marked whole between its common ends.
        let a = format!("甲{}乙", "头".repeat(MAX_DIFF_CHARS + 1));
        let b = format!("甲{}乙", "頭".repeat(MAX_DIFF_CHARS));
        let (ra, rb) = changed(&a, &b);
        assert_eq!((ra, rb), (vec![3..a.len() - 3], vec![3..b.len() - 3]));
    }

    #[test]
    fn the_columns_mark_what_the_conversion_changed() {
        let article = |paragraph: &str| -> Article {
            serde_json::from_value(serde_json::json!({
                "headline": "", "byline": null, "script": "simplified",
                "paragraphs": [paragraph], "profiles": []
            }))
            .unwrap()
        };
        let (l, r) = columns(
            &article("林小雨说着话。"),
            &article("林小雨說着話。"),
            &[ParagraphKind::Text],
            None,
            40,
        );
        let marked = |lines: &[Line<'static>]| -> Vec<String> {
            lines
                .iter()
                .flat_map(|l| &l.spans)
                .filter(|s| s.style == Style::default().patch(theme::changed()))
                .map(|s| s.content.to_string())
                .collect()
        };
        assert_eq!(marked(&l), ["说", "话"]);
        assert_eq!(marked(&r), ["說", "話"]);
    }
}
