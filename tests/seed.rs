//! Extraction of the bundled article: the values the first issue lists, written by hand
//! from the article.

use qunxiang::{Article, Converters, Input, Script, SourceScript};

fn seed() -> Article {
    qunxiang::load(&Input::Bundled, Default::default(), &Converters::new())
        .unwrap()
        .article
}

fn stat_texts(a: &Article, i: usize) -> Vec<&str> {
    a.profiles[i]
        .stats
        .iter()
        .map(|s| s.text.as_str())
        .collect()
}

fn quote_texts(a: &Article) -> Vec<&str> {
    a.profiles
        .iter()
        .flat_map(|p| p.quotes.iter().map(|q| q.text.as_str()))
        .collect()
}

#[test]
fn headline_byline_script() {
    let a = seed();
    assert_eq!(
        a.headline,
        "新疆兵團第十二師|基層黨員幹部舍小家為大家,奔赴戰“疫”一線"
    );
    assert!(a.byline.as_deref().unwrap().contains("馮曉玲"));
    assert_eq!(a.script, SourceScript::Traditional);
}

#[test]
fn byline_is_not_a_paragraph_and_captions_are_set_apart() {
    let a = seed();
    assert!(
        a.paragraphs[0].starts_with("“我志願加入中國共產黨"),
        "{}",
        a.paragraphs[0]
    );
    assert!(!a.paragraphs.iter().any(|p| p.contains("記者:馮曉玲")));
    // The headline repeated above the text is set apart; between sections it is the page's
    // image caption, kept in place as a caption.
    assert!(a.dropped.contains(&a.headline));
    for (i, p) in a.paragraphs.iter().enumerate() {
        if *p == a.headline {
            assert_eq!(a.kind(i), qunxiang::article::ParagraphKind::Caption);
        }
    }
    assert!(
        !a.paragraphs
            .iter()
            .any(|p| p.starts_with("分享到") || p.starts_with("相關文章"))
    );
    assert_eq!(a.kinds.len(), a.paragraphs.len());
}

#[test]
fn profiles_names_roles_headings() {
    let a = seed();
    let names: Vec<&str> = a.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["陳柯", "呂俊傑", "拜銳"]);
    assert_eq!(
        a.profiles[0].role.as_deref(),
        Some("頭屯河農場大門院社區副書記、副主任、新冠肺炎疫情防控工作指揮部副指揮長")
    );
    assert_eq!(
        a.profiles[1].role.as_deref(),
        Some("西山農牧場工業園社區黨支部臨時負責人、新冠肺炎疫情防控工作指揮部指揮長")
    );
    assert_eq!(
        a.profiles[2].role.as_deref(),
        Some("十二師駐一〇四團西城西社區“訪惠聚”工作隊隊長、第一書記")
    );
    let headings: Vec<&str> = a
        .profiles
        .iter()
        .map(|p| p.heading.as_deref().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "守護家園,我們義不容辭",
            "我們是黨員,就要衝在最前面",
            "疫情不止 我們不退 堅持到底!"
        ]
    );
}

/// The paragraphs about person `i`, as text.
fn paragraphs_of(a: &Article, i: usize) -> Vec<&str> {
    a.profiles[i]
        .paragraphs
        .iter()
        .map(|&k| a.paragraphs[k].as_str())
        .collect()
}

#[test]
fn paragraphs_in_reading_order_and_each_persons() {
    let a = seed();
    for p in &a.profiles {
        assert!(p.paragraphs.windows(2).all(|w| w[0] < w[1]), "{}", p.name);
        assert!(p.paragraphs.iter().all(|&k| k < a.paragraphs.len()));
    }
    let starts = |i: usize, start: &str| paragraphs_of(&a, i).iter().any(|p| p.starts_with(start));
    assert!(starts(0, "“今年春節不尋常"));
    assert!(starts(1, "我們是黨員,就要衝在最前面!”"));
    assert!(starts(2, "因為睡眠少"));
    // The article ends with its closing, which is about nobody in particular.
    let last = a.paragraphs.len() - 1;
    assert_eq!(a.paragraphs[last], "十二師基層黨員幹部你們都是好樣的!");
    assert!(!a.profiles.iter().any(|p| p.paragraphs.contains(&last)));
    // Every figure and quote points into its person's paragraphs.
    for p in &a.profiles {
        let own = |k: usize| p.paragraphs.contains(&k);
        assert!(p.stats.iter().all(|s| own(s.paragraph)), "{}", p.name);
        assert!(p.quotes.iter().all(|q| own(q.paragraph)), "{}", p.name);
    }
}

#[test]
fn figures_per_person() {
    let a = seed();
    for (i, expected) in [
        vec!["39歲", "7年", "16名", "5名", "100多名", "10歲"],
        vec![
            "35歲",
            "8年",
            "1597戶",
            "2596人",
            "95戶",
            "313人",
            "13人",
            "七八十戶",
            "4歲",
        ],
        vec!["1590戶", "4787名", "28棟", "90個", "131人", "100多個"],
    ]
    .into_iter()
    .enumerate()
    {
        let got = stat_texts(&a, i);
        for e in expected {
            assert!(
                got.contains(&e),
                "{} lacks {e}: {got:?}",
                a.profiles[i].name
            );
        }
    }
}

#[test]
fn figure_values_units_and_context() {
    let a = seed();
    let find = |i: usize, t: &str| {
        a.profiles[i]
            .stats
            .iter()
            .find(|s| s.text == t)
            .unwrap()
            .clone()
    };
    let s = find(1, "七八十戶");
    assert_eq!((s.value, s.unit.as_str(), s.approx), (70.0, "戶", true));
    assert_eq!(s.context, "平均每天要給七八十戶隔離家庭送生活用品或藥品等");
    let s = find(0, "100多名");
    assert_eq!((s.value, s.unit.as_str(), s.approx), (100.0, "名", true));
    let s = find(0, "上百個");
    assert_eq!((s.value, s.approx), (100.0, true));
    let s = find(1, "1597戶");
    assert_eq!(
        (s.value, s.approx, s.context.as_str()),
        (1597.0, false, "社區有居民1597戶2596人")
    );
    assert_eq!(
        a.paragraphs[s.paragraph]
            .chars()
            .skip(s.offset)
            .take(5)
            .collect::<String>(),
        "1597戶"
    );
}

#[test]
fn dates_and_clock_times_are_not_figures() {
    let a = seed();
    let all: Vec<&str> = a
        .profiles
        .iter()
        .flat_map(|p| p.stats.iter().map(|s| s.text.as_str()))
        .collect();
    for bad in [
        "2月6日",
        "6日",
        "14時",
        "30分",
        "1時",
        "4時",
        "19時",
        "22時",
        "21時",
        "第二天",
        "一天",
    ] {
        assert!(
            !all.iter().any(|t| t.contains(bad) || *t == bad),
            "{bad} in {all:?}"
        );
    }
}

#[test]
fn quotes_include_the_speech_and_not_the_terms() {
    let a = seed();
    let q0: Vec<&str> = a.profiles[0]
        .quotes
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    assert!(q0.contains(&"疫情來勢洶洶,雖然我沒有這方面的經驗,但社區是抗擊疫情的第一道防線,黨員幹部必須衝在前面,守護好家園。"));
    let q2: Vec<&str> = a.profiles[2]
        .quotes
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    assert!(
        q2.contains(&"街里街坊,我幾乎都叫得上名字,家屬幾乎我都認識,為了阻斷疫情,希望大夥理解。")
    );
    let all = quote_texts(&a);
    for term in [
        "疫",
        "逆行",
        "訪惠聚",
        "街坊",
        "跑腿員",
        "心理醫生",
        "熱線",
        "大考",
        "跑腿",
    ] {
        assert!(!all.contains(&term), "{term} is a term, not a quote");
    }
    // ‘大考’ stays inside its quote.
    assert!(
        all.iter()
            .any(|q| q.starts_with("疫情就是對我們基層幹部的‘大考’"))
    );
}

#[test]
fn a_lost_opening_mark_does_not_shift_later_quotes() {
    let a = seed();
    let q1: Vec<&str> = a.profiles[1]
        .quotes
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    // Every quote after the damaged paragraph starts where its own opening mark is.
    assert!(
        q1.contains(&"從臘月二十九到現在,我和社區全體工作人員24小時在值守。"),
        "{q1:?}"
    );
    assert!(q1.contains(&"平均每天要給七八十戶隔離家庭送生活用品或藥品等。"));
    assert!(
        !q1.iter().any(|q| q.contains("疫情當前,呂俊傑挺身而出")),
        "{q1:?}"
    );
    for q in &a.profiles[1].quotes {
        let p = &a.paragraphs[q.paragraph];
        let first = q.text.split('\n').next().unwrap();
        assert_eq!(
            p.chars()
                .skip(q.offset)
                .take(first.chars().count())
                .collect::<String>(),
            first
        );
    }
}

#[test]
fn simplified_conversion_of_every_string() {
    let c = Converters::new();
    let a = seed();
    let s = c.convert_article(&a, Script::Simplified).unwrap();
    assert_eq!(
        s.headline,
        "新疆兵团第十二师|基层党员干部舍小家为大家,奔赴战“疫”一线"
    );
    let names: Vec<&str> = s.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["陈柯", "吕俊杰", "拜锐"]);
    assert_eq!(s.script, SourceScript::Simplified);
    assert!(s.profiles[1].stats.iter().any(|st| st.text == "1597户"));
    assert!(s.byline.unwrap().contains("冯晓玲"));
    // The original is untouched, and converting the original to itself is the original.
    assert_eq!(c.convert_article(&a, Script::Original).unwrap(), a);
    // The seed uses Taiwan forms: shown in Taiwan forms it is the original.
    assert_eq!(c.convert_article(&a, Script::Taiwan).unwrap(), a);
    let standard = c.convert_article(&a, Script::Traditional).unwrap();
    assert!(
        standard
            .paragraphs
            .iter()
            .any(|p| p.contains("報名參加成爲志願者")),
        "參 stays 參"
    );
    // Converting keeps the structure: paragraph count, kinds, indices, offsets.
    assert_eq!(standard.paragraphs.len(), a.paragraphs.len());
    assert_eq!(standard.kinds, a.kinds);
    for (p, q) in s.profiles.iter().zip(&a.profiles) {
        assert_eq!(p.paragraphs, q.paragraphs);
        assert_eq!(p.mentions, q.mentions);
        let offsets = |p: &qunxiang::Profile| -> Vec<(usize, usize)> {
            p.stats.iter().map(|s| (s.paragraph, s.offset)).collect()
        };
        assert_eq!(offsets(p), offsets(q));
    }
}
