//! Figures: numbers with their measure words (42歲, 200多名, 五六十戶, 上千個).
//!
//! A figure is a run of Arabic or Chinese numerals followed by a measure word or unit from
//! [`UNITS`]. Dates (2月6日, 2013年), clock times (14時30分, 凌晨1時), ordinals (第二天) and
//! idioms with a bare numeral (一天, 千家萬戶) are not figures.

use super::model::Stat;

/// Measure words and units recognised after a number, longest first where one is a prefix
/// of another (人次 before 人, 個小時 before 個). Both scripts.
#[rustfmt::skip]
pub const UNITS: &[&str] = &[
    "平方公里", "平方米", "平米", "個多小時", "个多小时", "個小時", "个小时", "個多月", "个多月", "個月", "个月", "個星期", "个星期",
    "個多星期", "个多星期", "星期",
    "小時", "小时", "分鐘", "分钟", "公里", "公斤", "公頃", "公顷", "萬元", "万元", "億元", "亿元",
    "單元", "单元", "人次", "架次", "輛次", "辆次", "車次", "车次", "班次", "場次", "场次", "户次", "戶次",
    "歲", "岁", "年", "戶", "户", "人", "名", "個", "个", "棟", "栋", "次", "天", "元", "位", "家", "輛",
    "辆", "間", "间", "套", "件", "份", "頓", "顿", "場", "场", "所", "條", "条", "項", "项", "張", "张",
    "臺", "台", "批", "袋", "箱", "包", "斤", "噸", "吨", "米", "畝", "亩", "隻", "只", "本", "篇", "封",
    "通", "遍", "趟", "週", "周", "倍", "%", "％", "屆", "届", "任", "組", "组", "支", "座", "株", "棵",
    "車", "车", "盒", "瓶", "片", "期", "輪", "轮", "層", "层", "床", "塊", "块", "枚", "把", "處", "处",
    "種", "种", "公噸", "公吨", "甲", "類", "类", "圈", "例", "步", "艘", "架", "道", "起", "堂", "雙", "双", "里", "窯", "窑", "度", "成", "餐",
    "課", "课", "部", "根", "頁", "页", "首", "幅", "桌", "碗", "口", "畦", "罐", "筐",
    "代", "载", "載", "科", "旬", "夜",
];

/// Chinese numeral digits and their values (〇, ○ and 零 are zero; 兩/两 are two).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        // ○ (U+25CB, a white circle) stands for zero in years typed in Taiwan (二○○七年).
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '兩' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese numeral multipliers: 十 百 千 (within a section) and 萬/万 億/亿 (section ends).
fn cn_multiplier(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1_000.0,
        '萬' | '万' => 10_000.0,
        '億' | '亿' => 100_000_000.0,
        _ => return None,
    })
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || is_wide_digit(c) || cn_digit(c).is_some() || cn_multiplier(c).is_some()
}

/// Full-width digits (`２５年`), as some Chinese copy writes numbers.
fn is_wide_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Parses a run of numerals: Arabic (`1280`, `1.5`), Chinese (`二十九`, `一〇四`, `兩`), or
/// Arabic with Chinese multipliers (`5萬`, `1.5万`). Two adjacent Chinese digits before a
/// multiplier (`五六十`, `四五百`) are an approximation: the lower one is taken.
///
/// Returns `(value, approx)`, or `None` when the run is not a number.
pub fn parse_numeral(run: &str) -> Option<(f64, bool)> {
    if run.chars().any(is_wide_digit) {
        let narrow: String = run
            .chars()
            .map(|c| {
                if is_wide_digit(c) {
                    char::from(b'0' + (c as u32 - '０' as u32) as u8)
                } else {
                    c
                }
            })
            .collect();
        return parse_numeral(&narrow);
    }
    let arabic_end = run
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(run.len());
    if arabic_end > 0 {
        let n: f64 = run[..arabic_end].replace(',', "").parse().ok()?;
        let mut value = n;
        for c in run[arabic_end..].chars() {
            value *= cn_multiplier(c)?;
        }
        return Some((value, false));
    }
    let chars: Vec<char> = super::chars_of(run);
    if chars.iter().all(|&c| cn_digit(c).is_some()) {
        // Digit by digit: 一〇四 = 104.
        let mut v = 0.0;
        for c in &chars {
            v = v * 10.0 + f64::from(cn_digit(*c)?);
        }
        return Some((v, false));
    }
    let (mut total, mut section, mut digit) = (0.0f64, 0.0f64, None::<f64>);
    let mut approx = false;
    let mut prev_digit = false;
    for &c in &chars {
        if let Some(d) = cn_digit(c) {
            if prev_digit && d != 0 && digit.is_some_and(|x| x != 0.0) {
                approx = true; // 五六十: keep 五
            } else {
                digit = Some(f64::from(d));
            }
            prev_digit = d != 0;
        } else if let Some(m) = cn_multiplier(c) {
            prev_digit = false;
            if m >= 10_000.0 {
                section = (section + digit.unwrap_or(0.0)) * m;
                if section == 0.0 {
                    section = m;
                }
                total += section;
                section = 0.0;
            } else {
                section += digit.unwrap_or(1.0) * m;
            }
            digit = None;
        }
    }
    Some((total + section + digit.unwrap_or(0.0), approx))
}

/// Prefixes that make a figure approximate and are part of it as written (about, nearly,
/// up to a hundred): 約3000元, 近百名, 上百次.
const APPROX_PREFIXES: &[&str] = &["大約", "大约", "將近", "将近", "約", "约", "近", "上"];
/// Prefixes that make a figure approximate but are not part of it (more than): 超過120萬.
const MORE_THAN: &[&str] = &["超過", "超过", "逾", "多達", "多达"];
/// Characters that make 約 the end of a word rather than a prefix (簽約, 合約, 節約).
const NOT_BEFORE_YUE: &str = "簽签合契制預预節节相公條条履締缔隱隐婚";
/// Characters that make 近 the end of a word rather than a prefix (最近, 附近, 接近).
const NOT_BEFORE_JIN: &str = "最附接靠臨临逼貼贴將将";
/// Suffixes after the numeral that make a figure approximate (100多, 20餘).
const APPROX_SUFFIXES: &[char] = &['多', '餘', '余', '來', '来'];
/// Prefixes for "some tens" (幾十, 數百): approximate, lower bound two of the multiplier.
const SEVERAL: &[char] = &['幾', '几', '數', '数'];

/// Finds the figures in `paragraphs`; `Stat::paragraph` indexes that slice.
pub fn find_stats(paragraphs: &[String]) -> Vec<Stat> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        find_in_paragraph(p, pi, &mut out);
    }
    out
}

fn find_in_paragraph(p: &str, pi: usize, out: &mut Vec<Stat>) {
    let chars: Vec<char> = super::chars_of(p);
    let mut i = 0;
    while i < chars.len() {
        if let Some((stat, end)) = figure_at(&chars, i, pi) {
            out.push(stat);
            i = end;
        } else {
            // Skip the rest of a numeral run so 1280 is not read again as 597.
            if is_numeral(chars[i]) || chars[i] == '.' {
                while i < chars.len() && (is_numeral(chars[i]) || chars[i] == '.') {
                    i += 1;
                }
            } else {
                i += 1;
            }
        }
    }
}

fn starts_with_at(chars: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

fn ends_with_at(chars: &[char], end: usize, s: &str) -> bool {
    let n = s.chars().count();
    end >= n && starts_with_at(chars, end - n, s)
}

/// Tries to read a figure whose numeral run starts at `start`. Returns it and the char index
/// after it.
fn figure_at(chars: &[char], start: usize, pi: usize) -> Option<(Stat, usize)> {
    let c = chars[start];
    if c != '百' && !is_numeral(c) {
        return None; // most characters: nothing to read
    }
    // 百分之八十
    if starts_with_at(chars, start, "百分之") {
        let mut e = start + 3;
        while e < chars.len() && is_numeral(chars[e]) {
            e += 1;
        }
        let (v, approx) = parse_numeral(&chars[start + 3..e].iter().collect::<String>())?;
        return Some((make_stat(chars, start, e, v, "%", approx, pi), e));
    }
    let c = chars[start];
    if !is_numeral(c) {
        return None;
    }
    if start > 0 && (chars[start - 1].is_ascii_alphanumeric() || chars[start - 1] == '.') {
        return None;
    }
    let mut end = start;
    while end < chars.len()
        && (is_numeral(chars[end]) || (chars[end] == '.' && chars[start].is_ascii_digit()))
    {
        end += 1;
    }
    // `3 万多元`: a space between Arabic digits and 万/億 (as in `42 岁`) is inside the number.
    if chars.get(end) == Some(&' ')
        && chars[end - 1].is_ascii_digit()
        && chars
            .get(end + 1)
            .is_some_and(|&m| cn_multiplier(m).is_some_and(|v| v >= 10_000.0))
    {
        end += 1;
        while end < chars.len() && cn_multiplier(chars[end]).is_some() {
            end += 1;
        }
    }
    let run: String = chars[start..end].iter().filter(|c| **c != ' ').collect();
    if start > 0 && chars[start - 1] == '第' {
        return None; // ordinal
    }
    if run.chars().all(|c| matches!(c, '零' | '〇')) {
        return None; // 零件, 零星
    }
    // The decimals of a number written in words (`一點五%`, 1.5 per cent) are no figure of
    // their own.
    if start >= 2 && matches!(chars[start - 1], '點' | '点') && is_numeral(chars[start - 2]) {
        return None;
    }
    let (mut value, mut approx) = parse_numeral(&run)?;
    let mut text_start = start;
    // Prefixes: 幾十, 上百, 近百, 約…; 超過 makes it approximate without being part of it.
    if start > 0 && SEVERAL.contains(&chars[start - 1]) {
        text_start = start - 1;
        approx = true;
        value *= 2.0;
    } else if let Some(pre) = APPROX_PREFIXES
        .iter()
        .find(|p| ends_with_at(chars, start, p))
    {
        let n = pre.chars().count();
        let before = if start > n {
            Some(chars[start - n - 1])
        } else {
            None
        };
        let word_end = match *pre {
            "約" | "约" => before.is_some_and(|b| NOT_BEFORE_YUE.contains(b)),
            "近" => before.is_some_and(|b| NOT_BEFORE_JIN.contains(b)),
            _ => false,
        };
        // 上 only before a bare multiplier (上百, 上千, 上萬).
        if !word_end && (*pre != "上" || cn_multiplier(chars[start]).is_some()) {
            // 上 is part of the figure as written (上千); 近, 約 and 大約 are not (the
            // corpus gold: 近20万元 → 20万元).
            if *pre == "上" || (run.chars().count() == 1 && cn_multiplier(c).is_some()) {
                text_start = start - n; // 上千, 近百: the bare multiplier needs its prefix
            }
            approx = true;
        }
    } else if MORE_THAN.iter().any(|p| ends_with_at(chars, start, p)) {
        approx = true;
    }
    let bare_multiplier = run.chars().count() == 1 && cn_multiplier(c).is_some() && c != '十';
    // 一 is the article "a" (一天, 一名), except in durations (一个月, 一个多月, 一夜).
    let one_duration = run == "一"
        && [
            "个月",
            "個月",
            "个多月",
            "個多月",
            "夜",
            "个多小时",
            "個多小時",
        ]
        .iter()
        .any(|u| starts_with_at(chars, end, u));
    // `萬一` (in case), `万一`: a run that opens with 萬/億 and no prefix is a word.
    if text_start == start
        && cn_multiplier(c).is_some_and(|m| m >= 10_000.0)
        && chars.get(start + 1).is_some_and(|&d| cn_digit(d).is_some())
    {
        return None;
    }
    // 万把块, 千把人: a bare multiplier and 把 (about) make an approximate figure.
    let ba = bare_multiplier && chars.get(end) == Some(&'把');
    if ba {
        approx = true;
    }
    if (run == "一" || bare_multiplier) && !approx && !one_duration {
        return None; // 一天, 一名 (the article "a"), 千家萬戶: idioms, not figures
    }
    let mut pos = end;
    // Some copy puts one ASCII space between the number and what follows (`42 岁`,
    // `400 多元`, `2017 年`): read on past it.
    if chars.get(pos) == Some(&' ')
        && chars
            .get(pos + 1)
            .is_some_and(|c| !c.is_ascii() && !c.is_whitespace())
    {
        pos += 1;
    }
    // 十幾, 二十几: some more than the tens.
    let several_more =
        |s: char| matches!(s, '幾' | '几') && cn_multiplier(chars[end - 1]).is_some();
    if let Some(&s) = chars.get(pos)
        && (APPROX_SUFFIXES.contains(&s) || several_more(s))
    {
        approx = true;
        pos += 1;
        if let Some(m) = chars.get(pos).and_then(|&m| cn_multiplier(m))
            && m >= 10_000.0
        {
            value *= m; // 10多萬
            pos += 1;
        }
    }
    if ba {
        pos += 1;
    }
    let cn_run = run
        .chars()
        .all(|c| cn_digit(c).is_some() || cn_multiplier(c).is_some());
    // A score (`得分为41分`, `考了90分`): 分 after a word of marks is not minutes.
    let before: String = chars[start.saturating_sub(8)..start].iter().collect();
    if chars.get(pos) == Some(&'分')
        && [
            "得分", "分数", "分數", "考了", "考到", "成绩", "成績", "打了", "拿了", "得了",
        ]
        .iter()
        .any(|w| before.contains(w))
    {
        return Some((
            make_stat(chars, text_start, pos + 1, value, "分", approx, pi),
            pos + 1,
        ));
    }
    // `休息了五日`: Chinese numerals and 日 after a verb are a duration, not a date.
    if chars.get(pos) == Some(&'日')
        && cn_run
        && start > 0
        && "了整共花足满滿再".contains(chars[start - 1])
    {
        return Some((
            make_stat(chars, text_start, pos + 1, value, "日", approx, pi),
            pos + 1,
        ));
    }
    // Dates and times are not figures.
    if let Some(&next) = chars.get(pos) {
        if matches!(next, '月' | '日' | '號' | '号' | '時' | '时' | '分' | '秒')
            && !(starts_with_at(chars, pos, "分鐘") || starts_with_at(chars, pos, "分钟"))
        {
            return None;
        }
        if matches!(next, '點' | '点') {
            return None; // 凌晨四五點
        }
        if matches!(next, '年')
            && (run.chars().count() == 4 && !approx || chars.get(pos + 1) == Some(&'代'))
        {
            return None; // a year: 2013年, 二〇二〇年; a decade: 90年代
        }
        // A year of the Republic of China calendar (民國90年, 114年度) or a school or
        // fiscal year (年度).
        if matches!(next, '年')
            && (chars.get(pos + 1) == Some(&'度')
                || ends_with_at(chars, start, "民國")
                || ends_with_at(chars, start, "民国"))
        {
            return None;
        }
    }
    // A number with 萬/億 needs no measure word: 粉絲12萬.
    let multiplied = chars[start..pos]
        .iter()
        .any(|c| matches!(c, '萬' | '万' | '億' | '亿'))
        && chars[start..pos]
            .iter()
            .any(|&c| c.is_ascii_digit() || is_wide_digit(c) || cn_digit(c).is_some());
    // `五六千`: a range of Chinese digits before 百/千/万 needs no measure word at a clause end.
    let range = approx
        && cn_run
        && chars[start..end]
            .iter()
            .filter(|c| cn_digit(**c).is_some())
            .count()
            == 2
        && cn_multiplier(chars[end - 1]).is_some()
        && chars
            .get(pos)
            .is_none_or(|c| "，,。；;！？!?、".contains(*c));
    let (unit, e) = match UNITS.iter().find(|u| starts_with_at(chars, pos, u)) {
        Some(u) => (*u, pos + u.chars().count()),
        None if multiplied || range => ("", pos),
        None => return None,
    };
    // A numeral and measure word that open a noun are no count: 三轮车 (a tricycle).
    if matches!(unit, "轮" | "輪") && chars.get(e).is_some_and(|c| matches!(c, '车' | '車')) {
        return None;
    }
    // Relative time anchors (the corpus gold's conventions): years or an age before 前 or
    // after 后 (`十年前`, `八年后`, `三十歲前`), and anniversaries (`十周年`).
    if is_anchor(chars, unit, e) {
        return None;
    }
    // `一家三口`: the size of a family names it, as 三人 does; it counts nothing of theirs.
    if unit == "口" && text_start > 0 && chars[text_start - 1] == '家' {
        return None;
    }
    // `一个月收入有五六千`: 一 is "per" before a rate of pay, not a duration of a month.
    if one_duration
        && [
            "收入", "工资", "工資", "月薪", "能挣", "能掙", "挣", "掙", "赚", "賺",
        ]
        .iter()
        .any(|w| starts_with_at(chars, e, w))
    {
        return None;
    }
    // `三天兩夜`: the nights of a stay of days are part of its one duration.
    if unit == "夜"
        && text_start >= 2
        && chars[text_start - 1] == '天'
        && is_numeral(chars[text_start - 2])
    {
        return None;
    }
    Some((make_stat(chars, text_start, e, value, unit, approx, pi), e))
}

/// Words after a figure of years or of age that make it a point in time relative to
/// another (before, after), not a duration.
const ANCHOR_AFTER: &[&str] = &[
    "以前", "之前", "以後", "以后", "之後", "之后", "前", "後", "后",
];

/// True when the figure with `unit` ending at char `e` is a relative time anchor: years or
/// an age followed by [`ANCHOR_AFTER`] (`十年前`, `八年後`, `三十歲前`), or an anniversary
/// (`十周年`, `20週年`). `前後`/`前后` (before and after) counts too.
fn is_anchor(chars: &[char], unit: &str, e: usize) -> bool {
    match unit {
        "年" | "載" | "载" | "歲" | "岁" => {
            ANCHOR_AFTER.iter().any(|w| starts_with_at(chars, e, w))
        }
        "周" | "週" => chars.get(e) == Some(&'年'),
        _ => false,
    }
}

fn make_stat(
    chars: &[char],
    start: usize,
    end: usize,
    value: f64,
    unit: &str,
    approx: bool,
    pi: usize,
) -> Stat {
    Stat {
        text: chars[start..end].iter().collect(),
        value,
        unit: unit.to_string(),
        approx,
        context: clause_around(chars, start, end),
        paragraph: pi,
        offset: start,
        label: label_after(chars, end),
    }
}

/// Characters that end a label: particles, verbs and prepositions that follow the counted
/// noun (`131人是…`, `16名社區幹部中有…`, `200多名老黨員報名`).
const LABEL_STOPS: &str = "的是在了和与與及或中里裡裏有为為被把将將给給向从從到都也就还還又才每共约約多余餘左右以上下前后後报報参參来來去说說做进進加接送开開走坚堅留出回当當帮幫不没沒";

/// What is counted: the two to four Chinese characters right after a figure, up to
/// punctuation, a number or a [`LABEL_STOPS`] character; `None` when there are fewer than
/// two.
fn label_after(chars: &[char], end: usize) -> Option<String> {
    let label: String = chars[end..]
        .iter()
        .take_while(|&&c| {
            matches!(c, '\u{4e00}'..='\u{9fff}') && !LABEL_STOPS.contains(c) && !is_numeral(c)
        })
        .take(4)
        .collect();
    (label.chars().count() >= 2).then_some(label)
}

/// Clause punctuation: a figure's context runs between two of these.
/// Quotation marks do not end a clause (a scare-quoted term stays inside its clause); they
/// are trimmed from the clause's ends.
pub const CLAUSE_MARKS: &[char] = &[
    '，', ',', '。', '；', ';', '！', '!', '？', '?', '：', ':', '…', '（', '）', '(', ')',
];

/// The clause around chars `start..end`, trimmed of spaces and of quotation marks at its
/// ends.
fn clause_around(chars: &[char], start: usize, end: usize) -> String {
    let s = chars[..start]
        .iter()
        .rposition(|c| CLAUSE_MARKS.contains(c))
        .map_or(0, |i| i + 1);
    let e = chars[end..]
        .iter()
        .position(|c| CLAUSE_MARKS.contains(c))
        .map_or(chars.len(), |i| end + i);
    let clause: String = chars[s..e].iter().collect();
    clause
        .trim_matches(|c: char| c.is_whitespace() || "“”「」‘’『』".contains(c))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<(String, f64, bool)> {
        find_stats(&[p.to_string()])
            .into_iter()
            .map(|s| (s.text, s.value, s.approx))
            .collect()
    }

    #[test]
    fn numerals() {
        assert_eq!(parse_numeral("一〇四"), Some((104.0, false)));
        assert_eq!(parse_numeral("二十九"), Some((29.0, false)));
        assert_eq!(parse_numeral("七八十"), Some((70.0, true)));
        assert_eq!(parse_numeral("1.5万"), Some((15000.0, false)));
        assert_eq!(parse_numeral("兩"), Some((2.0, false)));
        assert_eq!(parse_numeral("一百零五"), Some((105.0, false)));
        assert_eq!(parse_numeral("三万五千"), Some((35000.0, false)));
    }

    #[test]
    fn figures_with_approximations() {
        assert_eq!(
            texts("社区有居民1280户2310人，近百名志愿者，上百个电话，100多名党员，七八十户"),
            vec![
                ("1280户".to_string(), 1280.0, false),
                ("2310人".to_string(), 2310.0, false),
                ("近百名".to_string(), 100.0, true),
                ("上百个".to_string(), 100.0, true),
                ("100多名".to_string(), 100.0, true),
                ("七八十户".to_string(), 70.0, true),
            ]
        );
    }

    #[test]
    fn dates_times_ordinals_and_idioms_are_not_figures() {
        assert!(
            texts(
                "2月6日，2013年，凌晨1时，14时30分，第二天，一天，千家万户，四五点，骑电动三轮车，二○○七年，民國90年，114年度"
            )
            .is_empty()
        );
    }

    #[test]
    fn anchors_in_time_nights_of_a_stay_and_decimals_are_not_figures() {
        let t: Vec<String> = texts(
            "十年前他来到村里，八年后又回来，三十歲前生完小孩，建校十周年，营地住了三天兩夜，\
             增长了一點五%，干了二十年，活到九十岁，一家三口，一个月收入有五千元，找了一个月。",
        )
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(t, ["三天", "二十年", "九十岁", "五千元", "一个月"]);
    }

    #[test]
    fn context_is_the_clause() {
        let s = find_stats(&["他说，社区有居民1280户，很多。".to_string()]);
        assert_eq!(s[0].context, "社区有居民1280户");
        assert_eq!(s[0].offset, 8);
    }

    #[test]
    fn a_scare_quoted_term_stays_in_the_context() {
        let s = find_stats(&["他口中的“街坊”是1460户居民，“三年”的工作。".to_string()]);
        assert_eq!(s[0].context, "他口中的“街坊”是1460户居民");
    }

    #[test]
    fn labels_say_what_is_counted() {
        let s = find_stats(&[
            "200多名老党员报名，16名社区干部中有5名党员，131人是居家隔离，一天接上千个电话。"
                .to_string(),
        ]);
        let labels: Vec<Option<&str>> = s.iter().map(|s| s.label.as_deref()).collect();
        assert_eq!(
            labels,
            vec![
                Some("老党员"),
                Some("社区干部"),
                Some("党员"),
                None,
                Some("电话")
            ]
        );
    }

    #[test]
    fn percent_in_words() {
        assert_eq!(
            texts("百分之八十的居民"),
            vec![("百分之八十".to_string(), 80.0, false)]
        );
    }

    #[test]
    fn money_with_a_space_scores_durations_in_days_and_bare_ranges() {
        let t: Vec<String> = texts(
            "他开了3 万多元工资，带回万把块钱，旺季收入有五六千，测试得分为41分，整整休息了五日；\
             十月五日出发，14时30分到，万一下雨就改期。",
        )
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(t, ["3 万多元", "万把块", "五六千", "41分", "五日"]);
        let (_, v, approx) = texts("开了3 万多元工资").remove(0);
        assert_eq!((v, approx), (30000.0, true));
    }
}
