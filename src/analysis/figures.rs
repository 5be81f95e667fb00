//! Whose figure: rules of the genre that make a figure found in a sentence nobody's, because
//! it counts a group, a list or the whole event rather than one profiled person (the corpus
//! README's gold conventions: "figures that describe the whole event rather than a person"
//! are left out). [`super::attach`] calls them before giving a figure to anyone.
//!
//! All offsets are char offsets (Unicode scalar values) into one paragraph's chars.

/// Units of a count of people.
pub const PEOPLE_UNITS: &[&str] = &["人", "位", "名"];

/// Words that make a count of people a total (`共有275位`, `總共有10位`, `包含6名`): the count
/// of a whole group or event, never one person's figure. A bare 有 is not one: `她负责的
/// 网格里，行动不便的老人有19位` counts the people of the person's work.
const EXISTENTIAL: &[&str] = &[
    "共有", "共計", "共计", "合計", "合计", "總計", "总计", "總共", "总共", "包含", "包括", "共",
];

/// Approximations that may stand between [`EXISTENTIAL`] and the count (`共有近9000人`).
const APPROX: &[&str] = &[
    "大約", "大约", "將近", "将近", "超過", "超过", "約", "约", "近", "逾",
];

/// Words of an event or a whole (a month's award list, a campaign, a city's total). A
/// sentence with one that names no profiled person before the figure, nor in its clause,
/// nor anyone by a singular pronoun, counts the event.
const EVENT_WORDS: &[&str] = &[
    "本月",
    "本届",
    "本屆",
    "本次",
    "本期",
    "活动",
    "活動",
    "大会",
    "大會",
    "名单",
    "名單",
    "榜单",
    "榜單",
    "评选",
    "評選",
    "评议",
    "評議",
    "同比",
    "候选人",
    "候選人",
    "浏览量",
    "瀏覽量",
];

fn ends_with_at(c: &[char], end: usize, w: &str) -> bool {
    let n = w.chars().count();
    end >= n && c[end - n..end].iter().copied().eq(w.chars())
}

/// True when the count of people at `offset` totals a list just before it: after 等
/// (`张某等6人`), or right after a name, or a name and its
/// bracket (`X、Y、Z3位博士`, `X（右）三名狀元`). `name_ends(k)` tells whether a name
/// ends at char `k`.
pub fn totals_a_list(
    c: &[char],
    offset: usize,
    unit: &str,
    name_ends: &dyn Fn(usize) -> bool,
) -> bool {
    if !PEOPLE_UNITS.contains(&unit) {
        return false; // `民间借贷等6类纠纷`: a count of things the person handles
    }
    let mut k = offset;
    while k > 0 && c[k - 1] == ' ' {
        k -= 1;
    }
    if k > 0 && c[k - 1] == '等' {
        return true;
    }
    if k > 0 && matches!(c[k - 1], '）' | ')') {
        // Back over the bracket to the name.
        match c[..k - 1].iter().rposition(|&x| matches!(x, '（' | '(')) {
            Some(open) if k - 1 - open <= 6 => k = open,
            _ => return false,
        }
    }
    name_ends(k)
}

/// True when the count of people at `offset` is existential (`共有275位`, `有近9000人`,
/// `包含6名`): it counts a group or the event.
pub fn existential(c: &[char], offset: usize, unit: &str) -> bool {
    if !PEOPLE_UNITS.contains(&unit) {
        return false;
    }
    let mut k = offset;
    if let Some(a) = APPROX.iter().find(|a| ends_with_at(c, k, a)) {
        k -= a.chars().count();
    }
    EXISTENTIAL.iter().any(|w| ends_with_at(c, k, w))
}

/// True when `sentence` speaks of the event or the whole ([`EVENT_WORDS`]).
pub fn event_sentence(sentence: &[char]) -> bool {
    let s: String = sentence.iter().collect();
    EVENT_WORDS.iter().any(|w| s.contains(w))
}

/// True when `text` names someone by a singular personal pronoun (他, 她, 我; not 他們),
/// outside quote marks (`“我推荐我评议身边好人”活动` is a campaign's name).
pub fn singular_pronoun(text: &[char]) -> bool {
    let mut depth = 0usize;
    text.iter().enumerate().any(|(i, &x)| {
        match x {
            '“' | '「' | '『' => depth += 1,
            '”' | '」' | '』' => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0
            && matches!(x, '他' | '她' | '我')
            && !matches!(text.get(i + 1), Some('们' | '們'))
    })
}

/// Words that credit a photo: a bracket holding one is a caption's credit
/// (`（王某 摄）`, `（翻攝自…臉書）`, `（受访者供图）`).
const PHOTO_CREDITS: &[&str] = &["摄", "攝", "供图", "供圖", "图片来源", "圖片來源"];

/// True when the figure at `offset` stands in a photo caption: inside a bracket that credits
/// a photo ([`PHOTO_CREDITS`]), or in the sentence `s..e` right before one (captions glued
/// to a paragraph: `一家人上車後兩小時睡著了。（翻攝自…）`).
pub fn in_photo_caption(c: &[char], offset: usize, (s, e): (usize, usize)) -> bool {
    let credit = |open: usize| -> bool {
        let close = c[open..]
            .iter()
            .position(|&x| matches!(x, '）' | ')'))
            .map_or(c.len(), |k| open + k);
        let inner: String = c[open..close].iter().collect();
        PHOTO_CREDITS.iter().any(|w| inner.contains(w))
    };
    // Inside a bracket: the nearest open bracket before, with no close between.
    if let Some(open) = c[..offset]
        .iter()
        .rposition(|&x| matches!(x, '（' | '(' | '）' | ')'))
        && matches!(c[open], '（' | '(')
        && credit(open)
    {
        return true;
    }
    let _ = s;
    let mut k = e;
    while k < c.len() && matches!(c[k], '。' | ' ' | '”' | '」') {
        k += 1;
    }
    k < c.len() && matches!(c[k], '（' | '(') && credit(k)
}

/// True when the clause before the figure at `offset` (from `clause_start`) is the
/// reporter's own act (`記者詢問三位狀元`, `记者采访了两所高校`). The caller checks that
/// no name follows in the clause (`記者資歷逾15年的X` is X's).
pub fn reporter_s(c: &[char], clause_start: usize, offset: usize) -> bool {
    let clause: String = c[clause_start..offset].iter().collect();
    let clause = clause.trim_start();
    clause.starts_with("记者") || clause.starts_with("記者")
}

/// Units of a span of years.
const YEARS: &[&str] = &["年", "載", "载"];

/// True when a span of years opens its clause and frames the time since an event
/// (`十年来，…`, `十年間，…`, `十年过去，…`): said of no one when the sentence names no
/// one (the caller checks).
pub fn years_since(c: &[char], clause_start: usize, offset: usize, end: usize, unit: &str) -> bool {
    let opens = c[clause_start..offset]
        .iter()
        .all(|&x| x == ' ' || "近约約".contains(x));
    opens
        && YEARS.contains(&unit)
        && ["来", "來", "间", "間", "过去", "過去"].iter().any(|w| {
            c[end..]
                .iter()
                .copied()
                .take(w.chars().count())
                .eq(w.chars())
        })
}

/// True when the figure at `offset..end` stands inside a short run in quote marks (a term
/// or slogan such as `‘三个代表’`, `「三個人一條心」`): at most 12 chars between the marks,
/// with no sentence end inside.
pub fn in_quoted_term(c: &[char], offset: usize, end: usize) -> bool {
    const OPEN: &str = "“「『‘\"";
    const CLOSE: &str = "”」』’\"";
    let open = c[..offset]
        .iter()
        .rposition(|&x| OPEN.contains(x) || CLOSE.contains(x));
    let close = c[end..]
        .iter()
        .position(|&x| CLOSE.contains(x) || (OPEN.contains(x) && x != '"'));
    match (open, close) {
        (Some(o), Some(k)) if OPEN.contains(c[o]) && CLOSE.contains(c[end + k]) => {
            let inner = &c[o + 1..end + k];
            inner.len() <= 12 && !inner.iter().any(|x| "。！？!?；;".contains(*x))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn at(c: &[char], w: &str) -> usize {
        let w: Vec<char> = w.chars().collect();
        c.windows(w.len()).position(|x| x == w.as_slice()).unwrap()
    }

    #[test]
    fn a_count_after_a_list_totals_it() {
        let c = chars(
            "张某某、李某某等6人入选，王某某、赵某某3位博士，刘某某（右）三名状元，借贷等7类纠纷，帮助4名伤员",
        );
        // Names end at these chars (as the analysis would find them).
        let ends = [
            at(&c, "、李"),
            at(&c, "等6"),
            at(&c, "、赵"),
            at(&c, "3位"),
            at(&c, "（右"),
        ];
        let name_ends = |k: usize| ends.contains(&k);
        assert!(totals_a_list(&c, at(&c, "6人"), "人", &name_ends));
        assert!(totals_a_list(&c, at(&c, "3位"), "位", &name_ends));
        assert!(totals_a_list(&c, at(&c, "三名"), "名", &name_ends));
        assert!(!totals_a_list(&c, at(&c, "7类"), "类", &name_ends));
        assert!(!totals_a_list(&c, at(&c, "4名"), "名", &name_ends));
    }

    #[test]
    fn an_existential_count_of_people_is_the_group_s() {
        let c = chars(
            "今年共有275位劳工获奖，总共有近300名同学，其中老人有15人，他帮助了4名伤员，全国已有106间医院",
        );
        assert!(existential(&c, at(&c, "275位"), "位"));
        assert!(existential(&c, at(&c, "300名"), "名"));
        assert!(!existential(&c, at(&c, "15人"), "人"));
        assert!(!existential(&c, at(&c, "4名"), "名"));
        assert!(!existential(&c, at(&c, "106间"), "间"));
    }

    #[test]
    fn captions_the_reporter_and_years_since_an_event() {
        let c = chars("村里只剩下两棵老树。（张某某 摄）他们走了十几里路。");
        let (s, e) = (0, at(&c, "（"));
        assert!(in_photo_caption(&c, at(&c, "两棵"), (s, e)));
        let e2 = c.len();
        assert!(!in_photo_caption(
            &c,
            at(&c, "十几里"),
            (at(&c, "他们"), e2)
        ));
        let c = chars("（今年的聚会上，周某某给三个孩子拍照。赵某 摄）");
        assert!(in_photo_caption(&c, at(&c, "三个"), (1, at(&c, "。"))));
        let c = chars("记者询问三位状元的心得，记者见到了5位医生");
        assert!(reporter_s(&c, 0, at(&c, "三位")));
        let c = chars("十年来，许多人做过同样的梦；他在村里住了十年");
        assert!(years_since(&c, 0, 0, 2, "年"));
        let k = c.len() - 2;
        assert!(!years_since(&c, at(&c, "他在"), k, k + 2, "年"));
    }

    #[test]
    fn event_words_pronouns_and_quoted_terms() {
        assert!(event_sentence(&chars("本月活动页面浏览量达1200万人次")));
        assert!(!event_sentence(&chars("他在村里干了二十年")));
        assert!(singular_pronoun(&chars("她一共领回了500元")));
        assert!(!singular_pronoun(&chars("他们又办了两次导赏团")));
        assert!(!singular_pronoun(&chars(
            "“我推荐我评议身边好人”活动共收到线索239万件"
        )));
        let c = chars("但庆幸“三个人一条心”，他说：“我在这里干了十三年，做到第六年就想走了。”");
        assert!(in_quoted_term(&c, at(&c, "三个"), at(&c, "三个") + 2));
        assert!(!in_quoted_term(&c, at(&c, "十三年"), at(&c, "十三年") + 3));
    }
}
