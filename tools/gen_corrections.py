#!/usr/bin/env python3
"""Regenerates assets/opencc/corrections_s2t.txt and corrections_t2s.txt, qunxiang's
corrections to OpenCC's conversions between simplified and traditional script (OpenCC text
dictionaries: key TAB value), against the OpenCC data the reader uses: OpenCC 1.4.2's, vendored
in assets/opencc/upstream/ (tools/fetch_opencc_data.py), run by the system's libopencc 1.1
exactly as the reader runs it (src/convert/data.rs: comments stripped, "union" groups merged,
1.1 configs with mmseg segmentation).

Each kind of error (a family) is generated from a rule, not listed string by string, and
says where it comes from. Values are taken from OpenCC itself and then corrected at the one
place the rule names, so every other character keeps OpenCC's own conversion. An entry that
does not change OpenCC's output is dropped, so each one is a correction; the count per family
is printed.

Run from the repository root (Debian: libopencc1.1 installed):
    python3 tools/gen_corrections.py
"""
import ctypes
import json
import tempfile
from pathlib import Path

UPSTREAM = Path("assets/opencc/upstream")


def strip(text):
    return "".join(l + "\n" for l in text.splitlines() if l.strip() and not l.startswith("#"))


def rewrite_dict(d, out, files):
    """A 1.4 dictionary value rewritten for libopencc 1.1 (see src/convert/data.rs)."""
    if d["type"] == "group" and d.get("match_policy") == "union":
        names = []

        def texts(x):
            if x["type"] == "group":
                for y in x["dicts"]:
                    texts(y)
            else:
                names.append(x["file"])
        texts(d)
        name = "+".join(n[:-4] for n in names) + ".txt"
        seen, lines = set(), []
        for n in names:
            for l in strip((UPSTREAM / "dictionary" / n).read_text(encoding="utf-8")).splitlines():
                k = l.split("\t")[0]
                if k not in seen:
                    seen.add(k)
                    lines.append(l + "\n")
        (out / name).write_text("".join(lines), encoding="utf-8")
        return {"type": "text", "file": str(out / name)}
    if d["type"] == "group":
        return {"type": "group", "dicts": [rewrite_dict(x, out, files) for x in d["dicts"]]}
    name = d["file"]
    (out / name).write_text(strip((UPSTREAM / "dictionary" / name).read_text(encoding="utf-8")),
                            encoding="utf-8")
    return {"type": "text", "file": str(out / name)}


class OpenCC:
    """OpenCC 1.4.2's config `name` through the system's libopencc 1.1."""
    lib = ctypes.CDLL("libopencc.so.1.1")
    lib.opencc_open.restype = ctypes.c_void_p
    lib.opencc_open.argtypes = [ctypes.c_char_p]
    lib.opencc_convert_utf8.restype = ctypes.POINTER(ctypes.c_char)
    lib.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.opencc_convert_utf8_free.argtypes = [ctypes.POINTER(ctypes.c_char)]

    def __init__(self, name, tmp):
        c = json.loads((UPSTREAM / "config" / f"{name}.json").read_text(encoding="utf-8"))
        out = Path(tmp)
        chain = [{"dict": rewrite_dict(s["dict"], out, None)} for s in c["conversion_chain"]]
        seg = c.get("segmentation")
        seg = rewrite_dict(seg["dict"], out, None) if seg else chain[0]["dict"]
        cfg = {"name": name, "segmentation": {"type": "mmseg", "dict": seg},
               "conversion_chain": chain}
        path = out / f"{name}.json"
        path.write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
        self.od = self.lib.opencc_open(str(path).encode())
        if self.od in (None, 2**64 - 1, -1):
            raise SystemExit(f"libopencc could not load {path}")

    def __call__(self, words):
        data = "\n".join(words).encode()
        p = self.lib.opencc_convert_utf8(self.od, data, len(data))
        if not p:
            raise SystemExit("libopencc failed to convert")
        out = ctypes.string_at(p).decode()
        self.lib.opencc_convert_utf8_free(p)
        out = out.split("\n")
        assert len(out) == len(words), (len(out), len(words))
        return out


_tmp = tempfile.TemporaryDirectory()
s2t = OpenCC("s2t", _tmp.name)
t2s = OpenCC("t2s", _tmp.name)
tw2s = OpenCC("tw2s", _tmp.name)
s2tw = OpenCC("s2tw", _tmp.name)

# Values are the prefix and the word converted separately, so the word keeps OpenCC's own
# phrase conversion (发布 發佈) once the prefix no longer swallows its first character.

# Kind 1: a hair phrase of STPhrases (直发 直髮, 被发 被髮, 断发 斷髮) swallows the 发 of a
# following 发-word after an adverb or the passive 被 (一直发展, 被发明, 不断发生).
HAIR_PREFIXES = ["直", "被", "断"]
FA_WORDS = """发展 发生 发明 发现 发炎 发出 发布 发挥 发动 发起 发表 发行 发放 发射 发言 发热
发烧 发病 发电 发达 发送 发力 发芽 发光 发火 发怒 发愁 发抖 发呆 发扬 发育 发酵 发作 发票
发货 发售 发掘 发奋 发誓 发声 发问 发文 发信 发源 发疯 发霉 发胖 发亮 发黄 发红 发白 发黑
发软 发麻 发痒 发酸 发臭 发冷 发烫 发慌 发急 发笑 发威 发狂 发难 发泄 发落 发包 发兵 发还
发给 发往 发至 发向 发到 发回 发自 发于 发觉 发誓 发掘 发布会 发言人 发展中""".split()

# Kind 2: a 幹 phrase of STPhrases (去干 去幹, 能干 能幹, 苦干 苦幹, 实干 實幹, 大干 大幹, 肯干, 敢干)
# swallows the 干 of 干扰/干预/干涉, which stays 干.
GAN_PREFIXES = ["去", "能", "苦", "实", "大", "肯", "敢", "巧", "硬", "蛮"]
GAN_WORDS = ["干扰", "干预", "干涉", "干犯"]
# Kind 3: 干 for "in vain, doing nothing but" before a verb is 乾 (干看 乾看, 干等 乾等).
DRY_WORDS = ["干看", "干等", "干坐", "干笑", "干哭", "干耗", "干着急", "干瞪眼", "干嚎", "干咳"]

# Kind 4: 只 meaning "only" after a word that a 隻 phrase of STPhrases ends in (是只 是隻),
# before a verb or 有.
ONLY_PREFIXES = ["是"]
ONLY_WORDS = """只有 只是 只要 只能 只会 只在 只想 只剩 只好 只得 只需 只用 只为 只靠 只管 只顾
只知道 只不过 只怕""".split()
# Kind 5: a reduplicated measure word: 一只只 (一隻隻), not 一隻只.
REDUPLICATED = ["一只只", "一只一只"]

# Kind 7: the particle 了 before 如何/如此/如下 is taken by STPhrases' 了如 瞭如 (a piece of
# 了如指掌, which has its own entry): 展示了如何 became 展示瞭如何.
LE_RU_WORDS = ["如何", "如此", "如下", "如今", "如同", "如果", "如实"]
# Kind 8: STPhrases' 参与制 參與制 (participatory system) takes the 制 of a 製-word after 参与:
# 参与制造 became 參與制造. The words: 制-words OpenCC converts to 製 on their own.
ZHI_WORDS = """制造 制作 制品 制成 制片 制图 制药 制衣 制备 制剂 制糖 制茶 制革 制陶 制版 制冷
制造业 制造商""".split()

# Kind 9: STPhrases' 并发 併發 (concurrent; a complication) takes the conjunction 并 "and" before
# a 发-verb: 并发布 became 併發布 (a news lead: "…举办…活动，并发布9月榜单"). The words: FA_WORDS;
# 并发症 and 高并发, which are 併發, are not among the keys.
AND_PREFIXES = ["并"]


def fix_at(key, value, index, char):
    """Puts `char` at position `index` of value (keys and values have equal lengths)."""
    assert len(key) == len(value), (key, value)
    return value[:index] + char + value[index + 1:]


def joined(prefixes, words):
    """Entries prefix+word -> s2t(prefix) + s2t(word)."""
    pairs = [(p, w) for p in prefixes for w in words]
    conv = s2t([x for pair in pairs for x in pair])
    return {p + w: conv[2 * i] + conv[2 * i + 1] for i, (p, w) in enumerate(pairs)}


# Families: (name, source, entries).
families = []
families.append(("hair phrase takes a 发-word's 发",
                 "qunxiang issue (一直发展 一直髮展, OpenCC 1.1.6)",
                 joined(HAIR_PREFIXES, FA_WORDS)))
families.append(("幹 phrase takes 干扰/干预/干涉's 干", "qunxiang issue (去干扰 去幹擾)",
                 joined(GAN_PREFIXES, GAN_WORDS)))
families.append(("干 'doing nothing but' is 乾", "qunxiang issue (干看 幹看)",
                 {k: fix_at(k, v, 0, "乾") for k, v in zip(DRY_WORDS, s2t(DRY_WORDS))}))
families.append(("是只 takes 只 'only'", "qunxiang issue (这是只有 這是隻有)",
                 joined(ONLY_PREFIXES, ONLY_WORDS)))
families.append(("reduplicated measure word 一只只", "qunxiang issue (一只只 一隻只)",
                 {k: v.replace("只", "隻") for k, v in zip(REDUPLICATED, s2t(REDUPLICATED))}))
families.append(("了如 takes the particle 了 before 如何/如此",
                 "OpenCC issue #1497 (展示了如何 展示瞭如何, open)",
                 {"了" + w: "了" + v for w, v in zip(LE_RU_WORDS, s2t(LE_RU_WORDS))}))
families.append(("参与制 takes a 製-word's 制",
                 "OpenCC issue #1497 (参与制造 參與制造, open)",
                 joined(["参与"], [w for w, v in zip(ZHI_WORDS, s2t(ZHI_WORDS))
                                  if v.startswith("製")])))
families.append(("并发 takes the conjunction 并 before a 发-verb",
                 "qunxiang issue 13 (并发布 併發布 in corpus 05's lead)",
                 joined(AND_PREFIXES, FA_WORDS)))
# Every entry must actually differ from what OpenCC gives, or it is not a correction.
entries = {}
for name, source, fam in families:
    keys = sorted(fam)
    kept = {k: fam[k] for k, v in zip(keys, s2t(keys)) if v != fam[k]}
    print(f"s2t family {name!r} ({source}): {len(kept)} of {len(fam)} entries change OpenCC's output")
    entries.update(kept)

with open("assets/opencc/corrections_s2t.txt", "w", encoding="utf-8") as f:
    for k in sorted(entries):
        f.write(f"{k}\t{entries[k]}\n")
print(len(entries), "entries in corrections_s2t.txt")

# Simplified to Taiwan forms (corrections_s2tw.txt, configs s2tw and s2twp, in front of
# corrections_s2t.txt). Family: Taiwan writes 發布 (the Ministry of Education's form), OpenCC's
# STPhrases gives 發佈 and TWVariants leaves it (source: qunxiang issue 13, "发布 becomes 發佈
# even in 台灣正體"). Keys: every STPhrases key and every s2t correction holding 发布.
stphrases = (UPSTREAM / "dictionary" / "STPhrases.txt").read_text(encoding="utf-8")
fabu = sorted({l.split("\t")[0] for l in strip(stphrases).splitlines() if "发布" in l.split("\t")[0]}
              | {k for k in entries if "发布" in k})
fabu_values = [entries.get(k) or v for k, v in zip(fabu, s2t(fabu))]
s2tw_family = {k: v.replace("發佈", "發布") for k, v in zip(fabu, fabu_values)}
keys = sorted(s2tw_family)
s2tw_entries = {k: s2tw_family[k] for k, v in zip(keys, s2tw(keys)) if v != s2tw_family[k]}
print(f"s2tw family 'Taiwan writes 發布' (qunxiang issue 13): "
      f"{len(s2tw_entries)} of {len(s2tw_family)} entries change OpenCC's output")
with open("assets/opencc/corrections_s2tw.txt", "w", encoding="utf-8") as f:
    for k in sorted(s2tw_entries):
        f.write(f"{k}\t{s2tw_entries[k]}\n")

# Traditional to simplified (corrections_t2s.txt, configs t2s, tw2s, tw2sp, hk2s).
# Kind 6: Taiwan forms write the aspect particle 着 as 著, and TWVariantsRev turns it into 着
# only outside phrases. TWVariantsRevPhrases keeps rare words that begin with 著 (著白, 著式,
# 著志, 著於), which swallow the particle of a verb before them: 戴著白口罩 stayed 戴著白口罩.
# Only these rare words are used: after a verb, 著名, 著作, 著稱 … may well be the words
# themselves (看著名畫), so they are left to OpenCC.
PARTICLE_VERBS = """戴 穿 帶 看 拿 握 抱 背 扛 提 牽 領 陪 跟 追 盯 望 想 說 笑 哭 喊 叫 唱 寫
聽 等 守 站 坐 躺 跪 蹲 走 跑 靠 擋 頂 撐 扶 拉 推 拖 抬 端 捧 揹 挑 載 開 亮 冒 閃 掛 貼 插 鋪
堆 放 擺 藏 留 懸 繫 綁 纏 忙 盼 記 念 愛 怕 摸 數 趕 圍 繞 沿 順 朝 向 對 隨 照 接 連 刷 塗 染
泛 透 露 閃 飄 揚 舉 搖 敲 寫 畫 刻 印 裹 包 蓋 披 圍 繫 戴""".split()
RARE_ZHU_WORDS = ["著白", "著式", "著志", "著於"]


verbs = sorted(set(PARTICLE_VERBS))
tails = [w[1:] for w in RARE_ZHU_WORDS]
conv = t2s(verbs + tails)
simple_verb = dict(zip(verbs, conv[: len(verbs)]))
simple_tail = dict(zip(tails, conv[len(verbs):]))
t2s_family = {
    v + "著" + t: simple_verb[v] + "着" + simple_tail[t] for v in verbs for t in tails
}
# Dropped when Taiwan's conversion (tw2s, where the particle is written 著) gives it already.
keys = sorted(t2s_family)
t2s_entries = {k: t2s_family[k] for k, v in zip(keys, tw2s(keys)) if v != t2s_family[k]}
print(f"t2s family 'verb 著 before a rare 著-word' (qunxiang issue, 戴著白口罩): "
      f"{len(t2s_entries)} of {len(t2s_family)} entries change OpenCC's output")
with open("assets/opencc/corrections_t2s.txt", "w", encoding="utf-8") as f:
    for k in sorted(t2s_entries):
        f.write(f"{k}\t{t2s_entries[k]}\n")
print(len(t2s_entries), "entries in corrections_t2s.txt")
