//! Real pages: the article and nothing else (issue 15). On the corpus's saved pages and
//! pasted page texts (`../shared/corpus/`; skipped when it is absent, as in
//! tests/corpus.rs): the headline is the gold headline, nothing set apart as chrome holds a
//! gold name, quote or figure, and the chrome named here is not in the body. On pages of
//! our own writing in the shape of real ones: each kind of boilerplate is set apart.

use qunxiang::eval::Gold;
use qunxiang::{Article, Converters, LoadOptions};
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    [
        std::env::var_os("QUNXIANG_CORPUS").map(PathBuf::from),
        Some(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus"
        ))),
        Some(PathBuf::from("/work/shared/corpus")),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.join("README.md").exists())
}

fn load(bytes: &[u8], name: &str, ext: &str, c: &Converters) -> Article {
    qunxiang::load_bytes(bytes, name.into(), Some(ext), LoadOptions::default(), c)
        .unwrap()
        .article
}

/// Every article of the corpus with its gold, loaded as the reader loads it.
fn corpus_articles(dir: &PathBuf) -> Vec<(String, Article, Gold)> {
    let c = Converters::new();
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".gold.json")
                .map(str::to_string)
        })
        .collect();
    stems.sort();
    stems
        .into_iter()
        .map(|stem| {
            let (path, ext) = ["txt", "html"]
                .iter()
                .map(|e| (dir.join(format!("{stem}.{e}")), *e))
                .find(|(p, _)| p.exists())
                .unwrap();
            let article = load(&std::fs::read(&path).unwrap(), &stem, ext, &c);
            let gold: Gold = serde_json::from_str(
                &std::fs::read_to_string(dir.join(format!("{stem}.gold.json"))).unwrap(),
            )
            .unwrap();
            (stem, article, gold)
        })
        .collect()
}

#[test]
fn corpus_pages_give_the_article_and_nothing_else() {
    let Some(dir) = corpus() else {
        eprintln!("corpus not found (set QUNXIANG_CORPUS): skipped");
        return;
    };
    let all = corpus_articles(&dir);
    assert_eq!(all.len(), 21);
    for (stem, a, gold) in &all {
        if let Some(h) = &gold.headline {
            assert_eq!(&a.headline, h, "{stem}: headline");
        }
        // Nothing set apart holds a gold name, quote or figure.
        for p in &gold.profiles {
            let mut items = vec![p.name.clone()];
            items.extend(p.quotes.iter().cloned());
            items.extend(
                p.stats
                    .iter()
                    .map(|s| format!("{}{}", s.value, s.unit.as_deref().unwrap_or(""))),
            );
            for d in &a.dropped {
                for item in &items {
                    assert!(
                        !d.contains(item.as_str()),
                        "{stem}: {item} dropped in {d:?}"
                    );
                }
            }
        }
    }
    // Named chrome of each page with chrome: not in the body, set apart instead.
    let chrome: &[(&str, &[&str])] = &[
        (
            "04_",
            &["详细内容_页头", "扫码关注", "中工网微信", "分享到"],
        ),
        (
            "15_",
            &[
                "請更新您的瀏覽器",
                "中華日報",
                "更新於",
                "reaction icon",
                "留言 0",
                "沒有留言",
            ],
        ),
        ("16_", &["◤母親節蛋糕推薦◢", "手作造型蛋糕", "鈔票蛋糕"]),
        ("18_", &["字級"]),
        ("19_", &["|||", "![]()"]),
        (
            "20_",
            &["首页|新闻", "京ICP备", "责任编辑", "上一页", "发稿时间"],
        ),
        ("21_", &["志愿者 首页", "请勿盗版", "<%@"]),
    ];
    for (prefix, strings) in chrome {
        let (stem, a, _) = all.iter().find(|(s, _, _)| s.starts_with(prefix)).unwrap();
        for s in *strings {
            // 中華日報 is the outlet's line; the text may name the paper.
            let in_body = if *s == "中華日報" {
                a.paragraphs.iter().any(|p| p == s)
            } else {
                a.paragraphs.iter().any(|p| p.contains(s)) || a.headline.contains(s)
            };
            assert!(!in_body, "{stem}: {s:?} in the body");
            assert!(
                a.dropped.iter().any(|d| d.contains(s)),
                "{stem}: {s:?} not set apart: {:?}",
                a.dropped
            );
        }
    }
    // The reporter's line at the end of the saved page is its byline; the photo caption
    // pasted twice is there once.
    let (_, a20, _) = all.iter().find(|(s, _, _)| s.starts_with("20_")).unwrap();
    assert_eq!(
        a20.byline.as_deref(),
        Some("中青报·中青网记者 魏其濛 来源：中国青年报")
    );
    let (_, a15, _) = all.iter().find(|(s, _, _)| s.starts_with("15_")).unwrap();
    assert_eq!(a15.byline.as_deref(), Some("記者湯朝村/嘉義市報導"));
    assert_eq!(
        a15.paragraphs
            .iter()
            .filter(|p| p.starts_with("五月勞動月系列活動開跑"))
            .count(),
        1
    );
}

/// Text pasted from a news page (written for this test in the shape of a real one): a
/// browser prompt, a site menu, the outlet and publishing line over the article, a share
/// bar, a comment widget, a promotion, related links and the footer.
const PASTED_PAGE: &str = "請更新您的瀏覽器
您使用的瀏覽器版本較舊，已不再受支援。建議您更新瀏覽器版本，以獲得最佳使用體驗。
首頁
新聞
財經
生活
桐川里長群像　守護老街三十年
桐川日報
更新於 05月02日09:10 • 發布於 05月02日09:10
記者周曉雯／桐川報導
桐川老街的清晨，總能看到三位里長的身影。他們一個管水電，一個管長輩，一個管孩子，在老街守了加起來三十年。
「老街的事情就是我的事情。」
今年61歲的里長郭春蘭，十二年前從市場攤販轉任里長，每天早上六點就在里辦公處開門，替長輩量血壓、收包裹。
「孩子放學有地方去，家長才放心。」
另一位里長韓志明今年45歲，把閒置的倉庫改成課後教室，八年來陪伴了超過200個孩子寫功課。
0 0
留言 0
沒有留言。
◤母親節蛋糕推薦◢
手作造型蛋糕 現正優惠7折起
人氣蛋糕 限定款
Copyright © 2026 桐川日報 All rights reserved.";

#[test]
fn each_kind_of_chrome_in_pasted_text_is_set_apart() {
    let c = Converters::new();
    let a = load(PASTED_PAGE.as_bytes(), "pasted", "txt", &c);
    assert_eq!(a.headline, "桐川里長群像　守護老街三十年");
    assert_eq!(a.byline.as_deref(), Some("記者周曉雯／桐川報導"));
    let body: Vec<String> = a
        .paragraphs
        .iter()
        .map(|p| p.chars().take(8).collect())
        .collect();
    assert_eq!(
        body,
        [
            "桐川老街的清晨，",
            "「老街的事情就是",
            "今年61歲的里長",
            "「孩子放學有地方",
            "另一位里長韓志明"
        ]
    );
    for chrome in [
        "請更新您的瀏覽器",
        "首頁",
        "桐川日報",
        "更新於 05月02日09:10 • 發布於 05月02日09:10",
        "0 0",
        "留言 0",
        "沒有留言。",
        "◤母親節蛋糕推薦◢",
        "手作造型蛋糕 現正優惠7折起",
        "人氣蛋糕 限定款",
        "Copyright © 2026 桐川日報 All rights reserved.",
    ] {
        assert!(
            a.dropped.iter().any(|d| d == chrome),
            "{chrome} not set apart: {:?}",
            a.dropped
        );
    }
}

/// A saved page (written for this test): Readability keeps the article; the menu, the
/// related links and the footer are listed apart, and the headline is the page's title
/// without the site's name.
#[test]
fn a_saved_page_gives_its_article_and_lists_the_rest() {
    let html = r#"<!DOCTYPE html><html><head><meta charset="gb2312">
<title>桐川三位網格員的一天_社會頻道_桐川新聞網</title></head><body>
<ul class="menu"><li><a href="/">首頁</a></li><li><a href="/n">新聞</a></li><li><a href="/s">社會</a></li></ul>
<div id="content"><h2 class="title">桐川三位網格員的一天</h2>
<p>清晨六點，網格員周玉蘭已經走在桐川社區的小巷裡。她今年52歲，在社區工作了18年，負責的網格裡住著312戶人家。</p>
<p>「誰家老人一個人住，誰家孩子在外地，我心裡都有數。」周玉蘭說。每天早上，她要先去看望獨居的幾位老人。</p>
<p>另一位網格員韓志剛剛滿30歲，是社區裡最年輕的網格員。他把網格裡的事情都記在一個小本子上，兩年寫滿了6本。</p>
</div>
<div class="related"><h3>相關新聞</h3><ul><li><a href="/1">桐川舉辦社區運動會</a></li><li><a href="/2">社區食堂開張了</a></li></ul></div>
<div class="footer">版權所有 桐川新聞網</div></body></html>"#;
    let c = Converters::new();
    // The meta says gb2312, the bytes are UTF-8.
    let a = load(html.as_bytes(), "page", "html", &c);
    assert_eq!(a.headline, "桐川三位網格員的一天");
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("清晨六點"));
    for chrome in [
        "首頁",
        "相關新聞",
        "桐川舉辦社區運動會",
        "版權所有 桐川新聞網",
    ] {
        assert!(
            a.dropped.iter().any(|d| d == chrome),
            "{chrome}: {:?}",
            a.dropped
        );
    }
    // The same page in Big5, as the meta says: the meta decides (these bytes read as GBK
    // too).
    let big5_page = html.replace("gb2312", "big5");
    let (bytes, _, _) = encoding_rs::BIG5.encode(&big5_page);
    let b = load(&bytes, "page", "html", &c);
    assert_eq!(b.headline, "桐川三位網格員的一天");
    assert_eq!(b.paragraphs, a.paragraphs);
}

/// The article view lists what was set apart, dim, at its end; `v` hides and shows it.
#[test]
fn the_article_view_shows_and_hides_the_chrome() {
    use qunxiang::tui::{App, parse_keys, snapshot};
    let c = std::sync::Arc::new(Converters::new());
    let loaded = qunxiang::load_bytes(
        PASTED_PAGE.as_bytes(),
        "pasted".into(),
        Some("txt"),
        LoadOptions::default(),
        &c,
    )
    .unwrap();
    let n = loaded.article.dropped.len();
    let mut app = App::new(loaded, c, qunxiang::Script::Original);
    // The reader opens in the article view when no one is found, else `a` opens it.
    let open = if app.view == qunxiang::tui::app::ViewKind::Article {
        "G"
    } else {
        "aG"
    };
    let shown = snapshot(&mut app, 100, 60, &parse_keys(open).unwrap());
    assert!(
        shown.contains(&format!("── set apart as page chrome: {n} ──")),
        "{shown}"
    );
    assert!(shown.contains("◤母親節蛋糕推薦◢"), "{shown}");
    let hidden = snapshot(&mut app, 100, 60, &parse_keys("vG").unwrap());
    assert!(
        hidden.contains(&format!(
            "── set apart as page chrome: {n}, hidden (v shows them) ──"
        )),
        "{hidden}"
    );
    assert!(!hidden.contains("◤母親節蛋糕推薦◢"), "{hidden}");
    let again = snapshot(&mut app, 100, 60, &parse_keys("vG").unwrap());
    assert!(again.contains("◤母親節蛋糕推薦◢"), "{again}");
}
