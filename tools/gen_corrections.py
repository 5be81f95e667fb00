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
发给 发往 发至 发向 发到 发回 发自 发于 发觉 发誓 发掘 发布会 发言人 发展中 发财""".split()

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

# The families below come from the peer sweep of qunxiang issue 13 (the corpus articles, the
# bundled article and the test fixtures converted by qunxiang, opencc-fmmseg, opencc-jieba-rs
# and, as an oracle only, zhconv; each disagreement judged by hand) and from OpenCC's issues.

# Kind 10: STPhrases keeps the particle 了 after a verb with identity entries (上了 想了 先了 去了
# …), and they take the 了 of 了解 "understand" (瞭解): 座谈会上了解 stayed 座談會上了解, 他想了解
# 他想了解. Prefixes: those of the X了 entries after which 了解 "understand" is the usual reading.
# Guards: 了 followed by a 解-word (上了解放军, 想了解决办法) keeps OpenCC's output.
LIAOJIE_PREFIXES = ["上", "想", "先", "去", "来", "不", "会", "要", "好", "难", "早", "少"]
JIE_WORDS = """解放 解决 解释 解答 解读 解说 解围 解除 解散 解药 解酒 解题 解析 解开 解锁 解救
解馋 解渴 解闷 解手 解雇 解约 解冻 解体 解封 解脱 解禁 解毒 解气 解乏 解难 解聘 解剖""".split()
stphrases_keys = {l.split("\t")[0] for l in
                  strip((UPSTREAM / "dictionary" / "STPhrases.txt").read_text(encoding="utf-8")).splitlines()}
liaojie_prefixes = [p for p in LIAOJIE_PREFIXES if p + "了" in stphrases_keys]
liaojie = joined(liaojie_prefixes, ["了解"])
liaojie_guards = [p + "了" + w for p in liaojie_prefixes for w in JIE_WORDS]

# Kind 11: STPhrases' 个中 箇中 ("therein") takes the 个 of a measure word before a 中-word:
# 一个中年 became 一箇中年, 数个中的 數箇中的 (OpenCC issue #201, closed: "一个中年 -> 一箇中年 …").
GE_PREFIXES = """一 两 几 数 多 这 那 每 某 半 整 各 哪 三 四 五 六 七 八 九 十 上 下""".split()
ZHONG_WORDS = """中年 中国 中间 中学 中心 中的 中文 中医 中层 中等 中立 中午 中型 中专 中小 中方
中介 中队 中转 中部 中标 中药 中餐 中老年 中学生 中年人 中国人 中间商""".split()

# Kind 12: STPhrases' 格里 (a transliteration: 格里高利) takes the 里 "inside" after a noun ending in
# 格: 网格里 stayed 網格里 (corpus sweep: "网格里的守夜人"), 性格里, 风格里.
GE_NOUNS = """网格 性格 风格 方格 空格 人格 规格 品格 格子 格局 表格 价格 资格 框格 窗格 栅格
天格 画格 底格""".split()

# Kind 13: STPhrases' 开面 開面 takes the 面 of a 麵-word after 开: 开面包车 became 開面包車 (corpus
# sweep: "开面包车送货"), 开面馆 開面館. The words: 面-words OpenCC converts to 麪 on their own.
MIAN_WORDS = """面包 面包车 面馆 面粉 面条 面食 面团 面店 面包店 面粉厂 面包房 面铺 面摊""".split()

# Kind 14: STPhrases' 一干 一干 ("a whole group": 一干人等) takes 干 "do" before 就/便/到/了:
# 在这里一干就是19年 stayed 一干就是 (corpus sweep; every peer writes 一幹就是).
YIGAN = ["一干就", "一干便", "一干到", "一干了", "一干多年", "一干几十年", "一干十几年"]

# Kind 15: STPhrases' 制为 製爲 ("made into") takes the 制 of a system noun ending in 制 before 为,
# and 制成 製成 before 成为: 首长负责制为核心 became 首長負責製爲核心 (corpus sweep).
SYSTEM_NOUNS = """负责制 承包制 会员制 合同制 聘任制 聘用制 双轨制 轮换制 值班制 登记制 审批制
备案制 问责制 积分制 计件制 年薪制 股份制 公司制 共和制 君主制 总统制 议会制 学分制 淘汰制
实名制 预约制 河长制 林长制 责任制 代理制 终身制 任期制 注册制 核准制 配给制 包干制 分餐制
首长负责制 岗位责任制""".split()

# Kind 16: a 制 phrase of STPhrases (家制 家制, 米制 米制 "metric") takes the 制 of a 製-word after
# it: 一家制衣厂 stayed 一家制衣廠 (corpus sweep), 国家制造业 國家制造業, 七奈米制程 七奈米制程
# (OpenCC issue #805, open). The words: ZHI_WORDS OpenCC converts to 製, and 制程.
ZHI_PREFIXES = ["家", "米"]

# Kind 17: STPhrases' 文采 ("literary talent") takes the 采 of a 採-word after a language's 文:
# 接受BBC中文采访 became 中文采訪 (OpenCC issue #805, open).
WEN_PREFIXES = ["中文", "英文", "日文", "韩文", "法文", "德文", "俄文", "外文", "藏文", "图文"]
CAI_WORDS = ["采访", "采用", "采取", "采集", "采购", "采纳", "采写", "采编", "采信", "采样"]

# Kind 18: a 曆 phrase of STPhrases (年历 年曆, 国历 國曆, 大历 大曆 an era name, 日历, 农历) takes the
# 历 of a 歷-word: 百年历史 became 百年曆史, 伟大历程 偉大曆程, 中国历代 中國曆代 (OpenCC issue #349,
# closed: 「曆」與「歷」轉換錯誤).
LI_PREFIXES = ["年", "国", "大", "长", "日", "农", "阳", "阴"]
LI_WORDS = """历史 历程 历代 历届 历来 历经 历任 历险 历练 历次 历尽 历史性
历史上""".split()

# Kind 22: STPhrases' 下面条 下麪條 ("cook noodles") takes the 条 of a 条-word: 下面条件 became
# 下麪條件 (found while writing the tests of this sweep; 下面条款, 下面条例 the same).
TIAO_WORDS = ["条件", "条款", "条例", "条约", "条目", "条文", "条规", "条理", "条状", "条形"]

# Kind 24: STPhrases' 高几 and 矮几 (a tall or low side table, 几) take 几 "how many" (幾) before a
# number or a unit: 提高几倍 stayed 提高几倍, 矮几公分 矮几公分 (OpenCC issue #349, closed).
JI_PREFIXES = ["高", "矮"]
JI_UNITS = """倍 公分 厘米 毫米 米 寸 尺 岁 个 年 分 度 级 层 斤 公斤 点 十 百 千 万 次 名 位 成 分钟
档 截 头""".split()

# Kind 25: the reverse of kind 19. STPhrases' dried-food phrases 菜干 鱼干 豆干 肉干 虾干 (乾) take
# the 干 of a following 幹-word: 洗菜干活 became 洗菜乾活, 打鱼干活 打魚乾活, 土豆干活 土豆乾活
# (found while testing kind 19). The foods: those whose X干 is an STPhrases 乾 phrase.
FOOD_CHARS = ["菜", "鱼", "豆", "肉", "虾", "果", "笋"]
GAN_DO_WORDS = ["干活", "干啥", "干嘛", "干吗", "干什么", "干劲", "干完", "干起", "干到", "干部", "干事"]

# Kind 1 again (OpenCC issue #349, closed: 皮膚髮炎, 恭祝髮財, 總髮電量, 總髮行): the hair phrases
# 肤发 膚髮, 祝发 祝髮 and 总发 總髮 take the 发 of a following 发-word the same way.
HAIR_PREFIXES_349 = ["肤", "祝", "总"]

# Kind 19: 干 "dry" (乾) in dried food and dry things, which OpenCC turns into 幹 (OpenCC issue
# #349, closed: 幹辣椒 幹樹枝 甩幹 辣椒幹 麪包幹; #201: 乾鍋雞 …). Three shapes: 干 before a thing
# (干辣椒), a food before 干 (辣椒干), a drying verb before 干 (甩干). Only words where 干 cannot be
# 幹 "do" or 干部 "cadre" (so no 抽干, 晒干部 …), and no single-character food before 干, which
# may come before work (洗菜干活).
DRY_BEFORE = """辣椒 树枝 豆腐 食品 面包 馒头 柴 木柴 树叶 花 鱼 虾 菜 米饭 衣服 毛巾 布 土 沙
海带 香菇 木耳 红枣 桂圆 辣椒面""".split()
DRY_AFTER = """辣椒 面包 地瓜 萝卜 牛肉 猪肉 鱿鱼 小鱼 小虾 豆腐 芒果 葡萄 杏 荔枝 笋 梅菜 香菇
柿子 红薯 鸡肉 鸭肉 苹果 香蕉 草莓 水果""".split()
DRY_VERBS = """甩 烘 晾 风 吹 擦 拧 沥 烤 吸 榨 喝 焙 阴 催 舔 烧""".split()

families.append(("X了 takes 了解's 了", "qunxiang issue 13 peer sweep (会上了解 想了解 先了解)",
                 liaojie))
families.append(("个中 takes a measure word's 个 before a 中-word",
                 "OpenCC issue #201 (一个中年 一箇中年, closed)",
                 joined([p + "个" for p in GE_PREFIXES], ZHONG_WORDS)))
families.append(("格里 takes 里 'inside' after a 格-noun", "qunxiang issue 13 peer sweep (网格里)",
                 {k: fix_at(k, v, len(k) - 1, "裏") for k, v in
                  zip([n + "里" for n in GE_NOUNS], s2t([n + "里" for n in GE_NOUNS]))}))
families.append(("开面 takes a 麵-word's 面", "qunxiang issue 13 peer sweep (开面包车)",
                 joined(["开"], [w for w, v in zip(MIAN_WORDS, s2t(MIAN_WORDS)) if v.startswith("麪")])))
families.append(("一干 takes 干 'do' before 就/便/到", "qunxiang issue 13 peer sweep (一干就是19年)",
                 {k: fix_at(k, v, 1, "幹") for k, v in zip(YIGAN, s2t(YIGAN))}))
families.append(("制为/制成 takes a system noun's 制", "qunxiang issue 13 peer sweep (负责制为核心)",
                 joined(SYSTEM_NOUNS, ["为", "成为"])))
zhi_words = [w for w, v in zip(ZHI_WORDS + ["制程"], s2t(ZHI_WORDS + ["制程"])) if v.startswith("製")]
families.append(("家制/米制 takes a 製-word's 制",
                 "qunxiang issue 13 peer sweep (一家制衣厂); OpenCC issue #805 (七奈米制程, open)",
                 joined(ZHI_PREFIXES, zhi_words)))
families.append(("文采 takes a 採-word's 采", "OpenCC issue #805 (中文采访 中文采訪, open)",
                 joined(WEN_PREFIXES, CAI_WORDS)))
li_words = [w for w, v in zip(LI_WORDS, s2t(LI_WORDS)) if v.startswith("歷")]
families.append(("a 曆 phrase takes a 歷-word's 历", "OpenCC issue #349 (百年曆史 偉大曆程, closed)",
                 joined(LI_PREFIXES, li_words)))
families.append(("hair phrase 肤发/祝发/总发 takes a 发-word's 发",
                 "OpenCC issue #349 (皮膚髮炎 恭祝髮財 總髮行, closed)",
                 joined(HAIR_PREFIXES_349, FA_WORDS)))
dry_keys = (["干" + w for w in DRY_BEFORE] + [w + "干" for w in DRY_AFTER]
            + [w + "干" for w in DRY_VERBS])
families.append(("干 'dry' in dried things is 乾", "OpenCC issues #349 (幹辣椒 甩幹 辣椒幹, closed), #201",
                 {k: v.replace("幹", "乾") for k, v in zip(dry_keys, s2t(dry_keys))}))
families.append(("下面条 takes a 条-word's 条", "qunxiang issue 13 (下面条件 下麪條件)",
                 joined(["下面"], TIAO_WORDS)))
ji_keys = [p + "几" + u for p in JI_PREFIXES for u in JI_UNITS]
families.append(("高几/矮几 takes 几 'how many' before a unit", "OpenCC issue #349 (提高几倍, 矮几公分, closed)",
                 {k: fix_at(k, v, 1, "幾") for k, v in zip(ji_keys, s2t(ji_keys))}))
foods = [f for f, v in zip(FOOD_CHARS, s2t([f + "干" for f in FOOD_CHARS])) if v.endswith("乾")]
families.append(("a dried-food phrase takes a 幹-word's 干", "qunxiang issue 13 (洗菜干活 洗菜乾活)",
                 joined(foods, GAN_DO_WORDS)))
# Every entry must actually differ from what OpenCC gives, or it is not a correction.
entries = {}
for name, source, fam in families:
    keys = sorted(fam)
    kept = {k: fam[k] for k, v in zip(keys, s2t(keys)) if v != fam[k]}
    print(f"s2t family {name!r} ({source}): {len(kept)} of {len(fam)} entries change OpenCC's output")
    entries.update(kept)
# Guards of kind 10: once 上了解 is an entry, 上了解放军 would be cut 上了解|放军; a longer entry
# keeps OpenCC's own output there (上了解放軍). Added only for the prefixes whose entry is kept.
guards = [g for g in liaojie_guards if g[:3] in entries]
entries.update(zip(guards, s2t(guards)))
print(f"s2t guards of '了解' (上了解放 keeps 了): {len(guards)} entries that keep OpenCC's output")

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

# Kind 20: 著 of authorship and renown, which simplified script keeps as 著, taken for the
# particle by TWVariantsRev: 原著 became 原着, 專著 专着, 土著 土着, and a byline 高爾基　著
# (ideographic space) 高尔基　着 (OpenCC issue #963, open; its pull request #1446, closed
# unmerged). Only words that cannot end in the particle: not 編著 譯著 論著 合著 著有 著書 著錄
# (編著故事, 翻譯著, 討論著, 配合著, 過著有尊嚴的生活, 拿著書, 記著錄音 are the particle).
AUTHOR_ZHU_WORDS = ["原著", "專著", "遺著", "所著", "名著", "巨著", "拙著", "土著", "昭著", "卓著",
                    "　著"]
author = {k: "".join("著" if c == "著" else x for c, x in zip(k, v))
          for k, v in zip(AUTHOR_ZHU_WORDS, tw2s(AUTHOR_ZHU_WORDS))}
# Kind 21: a verb's particle 著 before 名為/名叫 "named" is taken by 著名 "famous": 生活著名為XX的
# 種族 became 生活著名为 (OpenCC issue #989, open). The verbs: PARTICLE_VERBS and verbs of
# living and having (生活, 居住, 住, 養, 有 …), which a name often follows.
NAMED = ["名為", "名叫"]
named_verbs = sorted(set(verbs) | {"生活", "居住", "存在", "住", "活", "養", "有", "擁有", "坐落", "躺"})
named_tails = dict(zip(NAMED, t2s(NAMED)))
named_simple = dict(zip(named_verbs, t2s(named_verbs)))
named = {v + "著" + t: named_simple[v] + "着" + named_tails[t] for v in named_verbs for t in NAMED}
# Kind 23: TWVariantsRevPhrases' 合著 ("co-authored") takes the particle 著 of a verb ending in 合:
# 配合著音樂 stayed 配合著音乐 (found while writing the tests of kind 20; 結合著, 融合著 the same).
# Not 聯合 (聯合著作), and not after a noun (兩人合著).
HE_VERBS = ["配合", "結合", "融合", "混合", "符合", "迎合", "吻合", "整合", "適合", "揉合", "糅合",
            "撮合", "縫合", "貼合", "磨合", "契合"]
he_simple = dict(zip(HE_VERBS, t2s(HE_VERBS)))
he = {v + "著": he_simple[v] + "着" for v in HE_VERBS}
for name, source, fam in [("verb in 合 before the particle 著", "qunxiang issue 13 (配合著 配合著)", he),
                          ("著 of authorship stays 著", "OpenCC issue #963 / PR #1446 (原著 原着)", author),
                          ("verb 著 before 名為/名叫", "OpenCC issue #989 (生活著名為 生活著名为)", named)]:
    keys = sorted(fam)
    kept = {k: fam[k] for k, v in zip(keys, tw2s(keys)) if v != fam[k]}
    print(f"t2s family {name!r} ({source}): {len(kept)} of {len(fam)} entries change OpenCC's output")
    t2s_entries.update(kept)
with open("assets/opencc/corrections_t2s.txt", "w", encoding="utf-8") as f:
    for k in sorted(t2s_entries):
        f.write(f"{k}\t{t2s_entries[k]}\n")
print(len(t2s_entries), "entries in corrections_t2s.txt")
