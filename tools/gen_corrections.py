#!/usr/bin/env python3
"""Regenerates assets/opencc/corrections_s2t.txt and corrections_t2s.txt, qunxiang's
corrections to OpenCC 1.1's conversions between simplified and traditional script (OpenCC text
dictionaries: key TAB value).

Each kind of error is generated from a rule, not listed string by string. Values are taken
from the `opencc` command itself (configuration s2t) and then corrected at the one place the
rule names, so every other character keeps OpenCC's own conversion.

Run from the repository root with Debian's opencc package installed:
    python3 tools/gen_corrections.py
"""
import subprocess

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


def s2t(words):
    out = subprocess.run(["opencc", "-c", "s2t"], input="\n".join(words), capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[: len(words)]


def fix_at(key, value, index, char):
    """Puts `char` at position `index` of value (keys and values have equal lengths)."""
    assert len(key) == len(value), (key, value)
    return value[:index] + char + value[index + 1:]


def joined(prefixes, words):
    """Entries prefix+word -> s2t(prefix) + s2t(word)."""
    pairs = [(p, w) for p in prefixes for w in words]
    conv = s2t([x for pair in pairs for x in pair])
    return {p + w: conv[2 * i] + conv[2 * i + 1] for i, (p, w) in enumerate(pairs)}


entries = {}
entries.update(joined(HAIR_PREFIXES, FA_WORDS))
entries.update(joined(GAN_PREFIXES, GAN_WORDS))
for k, v in zip(DRY_WORDS, s2t(DRY_WORDS)):
    entries[k] = fix_at(k, v, 0, "乾")
entries.update(joined(ONLY_PREFIXES, ONLY_WORDS))
for k, v in zip(REDUPLICATED, s2t(REDUPLICATED)):
    entries[k] = v.replace("只", "隻")
# Every entry must actually differ from what OpenCC 1.1 gives, or it is not a correction.
keys = sorted(entries)
for k, v in zip(keys, s2t(keys)):
    if v == entries[k]:
        del entries[k]

with open("assets/opencc/corrections_s2t.txt", "w", encoding="utf-8") as f:
    for k in sorted(entries):
        f.write(f"{k}\t{entries[k]}\n")
print(len(entries), "entries in corrections_s2t.txt")

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


def t2s(words):
    out = subprocess.run(["opencc", "-c", "t2s"], input="\n".join(words), capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[: len(words)]


verbs = sorted(set(PARTICLE_VERBS))
tails = [w[1:] for w in RARE_ZHU_WORDS]
conv = t2s(verbs + tails)
simple_verb = dict(zip(verbs, conv[: len(verbs)]))
simple_tail = dict(zip(tails, conv[len(verbs):]))
t2s_entries = {
    v + "著" + t: simple_verb[v] + "着" + simple_tail[t] for v in verbs for t in tails
}
with open("assets/opencc/corrections_t2s.txt", "w", encoding="utf-8") as f:
    for k in sorted(t2s_entries):
        f.write(f"{k}\t{t2s_entries[k]}\n")
print(len(t2s_entries), "entries in corrections_t2s.txt")
