//! Finding the profile sections: section number, heading, caption (role and name).
//!
//! The genre's layout: an optional section number line (`02`, `二、`, `（二）`), an optional
//! heading (a short line, usually in quotation marks), then a caption line that gives the
//! role and ends with the person's name. The name is the caption's tail that the section's
//! text keeps mentioning: among tails of two to four characters, the longest one mentioned at
//! least half as often as its two-character end (so 李建國 beats 建國, and 長李建國, never
//! mentioned, loses; a person also called by the given name alone keeps the surname),
//! preferring a tail that begins with a common surname.

use std::collections::HashMap;

/// Common Chinese surnames (single characters, both scripts), from the most frequent
/// surnames of the national household registry lists (百家姓 order is not used).
pub const COMMON_SURNAMES: &str = "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何林高羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧肖田董袁潘於于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閆闫段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤常溫温康施文牛樊葛邢安齊齐易喬乔伍龐庞顏颜倪莊庄聶聂章魯鲁岳翟殷詹申歐欧耿關关蘭兰焦俞左柳甘祝包寧宁尚符舒阮柯紀纪梅童淩凌畢毕單单季裴霍塗涂成苗谷盛曲翁冉駱骆藍蓝路游辛靳管柴蒙鮑鲍華华喻祁蒲房滕屈饒饶解牟艾尤陽阳時时穆農农司卓古吉繆缪簡简車车項项連连蘆芦麥麦褚婁娄竇窦戚岑景黨党宮宫費费卜冷晏席衛卫米柏宗瞿桂全佟應应臧閔闵苟鄔邬邊边卞姬師师和仇欒栾隋商刁沙榮荣巫寇桑郎甄叢丛仲虞敖鞏巩明佘池查麻苑遲迟鄺邝";

/// Words that end a role and are never a name on their own (書記, 主任, 隊長, …).
pub const TITLE_WORDS: &[&str] = &[
    "書記",
    "书记",
    "主任",
    "隊長",
    "队长",
    "院長",
    "院长",
    "局長",
    "局长",
    "醫生",
    "医生",
    "護士",
    "护士",
    "民警",
    "老師",
    "老师",
    "教師",
    "教师",
    "幹部",
    "干部",
    "站長",
    "站长",
    "社長",
    "社长",
    "所長",
    "所长",
    "組長",
    "组长",
    "班長",
    "班长",
    "校長",
    "校长",
    "主席",
    "委員",
    "委员",
    "成員",
    "成员",
    "隊員",
    "队员",
    "黨員",
    "党员",
    "群眾",
    "群众",
    "居民",
    "同志",
    "代表",
    "經理",
    "经理",
    "員工",
    "员工",
    "村民",
    "記者",
    "记者",
    "專幹",
    "专干",
    "揮長",
    "挥长",
    "負責人",
    "负责人",
    "志願者",
    "志愿者",
    "網格員",
    "网格员",
    "主管",
    "部長",
    "部长",
    "處長",
    "处长",
    "科長",
    "科长",
    "廠長",
    "厂长",
    "鎮長",
    "镇长",
    "村長",
    "村长",
    "鄉長",
    "乡长",
    "縣長",
    "县长",
    "市長",
    "市长",
    "警官",
    "教授",
    "工程師",
    "工程师",
];

/// A section number on a line of its own, or at the start of a heading.
/// Returns the number as written and the rest of the line.
pub fn split_section_number(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let chars: Vec<char> = super::chars_of(t);
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut i;
    let number: String;
    if chars.first().is_some_and(|&c| c == '(' || c == '（') {
        i = 1;
        while i < chars.len() && (cn(chars[i]) || chars[i].is_ascii_digit()) {
            i += 1;
        }
        if i == 1 || i >= chars.len() || !matches!(chars[i], ')' | '）') {
            return None;
        }
        i += 1;
        number = chars[..i].iter().collect();
    } else if chars.first().is_some_and(|c| c.is_ascii_digit()) {
        i = 0;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > 2 {
            return None;
        }
        number = chars[..i].iter().collect();
        if i < chars.len() && matches!(chars[i], '、' | '.' | '．' | ' ' | '\u{3000}') {
            i += 1;
        } else if i < chars.len() {
            return None; // 42歲…: a figure, not a number
        }
    } else if chars.first().is_some_and(|&c| cn(c)) {
        i = 0;
        while i < chars.len() && cn(chars[i]) && i < 3 {
            i += 1;
        }
        number = chars[..i].iter().collect();
        if i < chars.len() && matches!(chars[i], '、' | '．') {
            i += 1;
        } else if i < chars.len() {
            return None;
        }
    } else {
        return None;
    }
    let rest: String = chars[i..].iter().collect();
    Some((number, rest.trim().to_string()))
}

/// Strips outer quotation marks or brackets from a heading: “…”, 「…」, 【…】, 『…』.
pub fn strip_heading_marks(s: &str) -> Option<&str> {
    for (o, c) in [
        ('“', '”'),
        ('「', '」'),
        ('【', '】'),
        ('『', '』'),
        ('"', '"'),
    ] {
        if let Some(inner) = s.strip_prefix(o).and_then(|r| r.strip_suffix(c)) {
            return Some(inner);
        }
    }
    None
}

const SENTENCE_MARKS: &[char] = &['。', '！', '!', '？', '?', '；', ';'];

/// A heading: a short line in quotation marks (up to 40 chars inside), or a short bare line
/// (up to 24 chars) without sentence or clause punctuation. Returns the text without marks.
fn heading_text(line: &str) -> Option<String> {
    if let Some(inner) = strip_heading_marks(line) {
        return (inner.chars().count() <= 40 && !inner.contains(['“', '”']))
            .then(|| inner.to_string());
    }
    let n = line.chars().count();
    (n <= 24 && !line.contains(SENTENCE_MARKS) && !line.contains(['，', ',']))
        .then(|| line.to_string())
}

fn is_name_char(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '·' | '•')
}

/// Function characters that do not occur in personal names (的, 了, 是, 在, 着, 们, …).
pub const NOT_IN_NAMES: &str =
    "的了是在和着著与與或及之其这這那个個们們地得也都就还還又很把被给給从從向对對为為吗嗎呢吧啊";

/// Whether `name` can be a personal name: name characters only, none of [`NOT_IN_NAMES`].
fn plausible_name(name: &str) -> bool {
    name.chars()
        .all(|c| is_name_char(c) && !NOT_IN_NAMES.contains(c))
}

/// Characters that end a role phrase's title (書記, 主任, 隊長, 護士, 志願者, 攤主, 騎手, …).
pub const TITLE_ENDINGS: &str = "長长記记任員员師师生士手主工人者官警家姐嫂哥叔姨伯民機机部范範兵板闆練练計计理潔洁户戶友匠農农娘嬸婶婆爺爷媽妈爸長";

/// Characters before which a role phrase in running prose starts (是永安社區志工隊隊長,
/// 提起三任老支部書記): verbs, particles and counters that are not part of the role.
const ROLE_STOPS: &str = "的是了起任位名个個和与與及说說叫为為当當由把被让讓对對在从從向给給跟同";

/// Speech verbs and other words that, right after a name, show the line is a sentence.
const NOT_A_NAME_END: &[&str] = &["说", "說", "表示", "告诉", "告訴", "笑", "今年"];

/// Whether `c` is one of [`COMMON_SURNAMES`] (a set built once).
fn is_surname(c: char) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<char>> = std::sync::OnceLock::new();
    SET.get_or_init(|| COMMON_SURNAMES.chars().collect())
        .contains(&c)
}

fn is_surname_start(t: &str) -> bool {
    t.chars().next().is_some_and(is_surname)
}

/// A role phrase: ends like a title ([`TITLE_ENDINGS`]), 2 to 40 chars.
fn looks_like_role(s: &str) -> bool {
    let n = s.chars().count();
    (2..=40).contains(&n)
        && s.chars()
            .next_back()
            .is_some_and(|c| TITLE_ENDINGS.contains(c))
}

/// Text a caption's name is looked up in: one string, or the paragraphs after the caption
/// (searched one by one, never joined, so no copy is made and no match spans two).
pub trait Mentions {
    /// How many times `name` occurs (non-overlapping).
    fn mentions(&self, name: &str) -> usize;
}

impl Mentions for str {
    fn mentions(&self, name: &str) -> usize {
        memchr::memmem::find_iter(self.as_bytes(), name.as_bytes()).count()
    }
}

impl Mentions for [String] {
    fn mentions(&self, name: &str) -> usize {
        let finder = memchr::memmem::Finder::new(name.as_bytes());
        self.iter()
            .map(|p| finder.find_iter(p.as_bytes()).count())
            .sum()
    }
}

/// A caption that gives the name first: `張建國，某村黨支部書記`, `黃詠琪：某醫院護士`,
/// `陳建華：退休教師，義務輔導學生十二年。` (a sentence caption: the role is its first
/// clause). The name (2 to 5 characters) must be mentioned in the following text `after`.
pub fn split_name_first(
    line: &str,
    after: &(impl Mentions + ?Sized),
) -> Option<(Option<String>, String)> {
    if line.chars().count() > 60 || line.trim_end_matches(['。', '.']).contains(SENTENCE_MARKS) {
        return None;
    }
    let (head, rest) =
        line.split_once(['，', ',', '：', ':', ' ', '\u{3000}', '|', '｜', '（', '('])?;
    let head = head.trim();
    // `name（role）`: the role is what the brackets hold.
    let rest = match line[head.len()..].trim_start().chars().next() {
        Some('（' | '(') => rest.split([')', '）']).next().unwrap_or(rest),
        _ => rest,
    };
    let n = head.chars().count();
    if !(2..=5).contains(&n) || !plausible_name(head) {
        return None;
    }
    if head
        .chars()
        .next_back()
        .is_some_and(|c| TITLE_ENDINGS.contains(c))
        && !is_surname_start(head)
        || TITLE_WORDS.iter().any(|t| head.ends_with(t))
        || NOT_A_NAME_END.iter().any(|v| head.ends_with(v))
        || after.mentions(head) == 0
    {
        return None;
    }
    let role = rest
        .split(['，', ',', '。', '；', ';'])
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || "、:：—-|｜".contains(c));
    if role.is_empty() || role.chars().count() > 40 {
        return None;
    }
    // A headline cut at a space or bar (颱風過後 他們讓老社區重新站起來, 國際護士節｜四位前線
    // 護士：守護病人) is not a caption: a head that does not begin with a common surname
    // needs a role that reads as one, with no colon of a headline's own.
    if !is_surname_start(head) && (!looks_like_role(role) || role.contains(['：', ':'])) {
        return None;
    }
    Some((Some(role.to_string()), head.to_string()))
}

/// A candidate caption: the role and the name at its end, judged by how often the following
/// text (`after`) mentions the name; or a name-first caption ([`split_name_first`]).
pub fn split_caption(
    line: &str,
    after: &(impl Mentions + ?Sized),
) -> Option<(Option<String>, String)> {
    let line = line.trim_start_matches(['—', '-', '─', ' ']);
    let n = line.chars().count();
    if !(2..=80).contains(&n) || strip_heading_marks(line).is_some() {
        return None;
    }
    if line.starts_with(['“', '「', '【', '(', '（']) {
        return None;
    }
    if let Some(c) = split_name_first(line, after) {
        return Some(c);
    }
    if line.contains(SENTENCE_MARKS) || line.contains(['，', ',']) {
        return None;
    }
    let chars: Vec<char> = super::chars_of(line);
    let run = chars.iter().rev().take_while(|&&c| is_name_char(c)).count();
    if run < 2 {
        return None;
    }
    let tail = |l: usize| chars[chars.len() - l..].iter().collect::<String>();
    // A name with a middle dot (热依拉·买买提) keeps its whole part after the dot, and one to
    // four characters before it.
    let after_dot = chars
        .iter()
        .rev()
        .take(run)
        .position(|&c| c == '·' || c == '•');
    let (shortest, longest) = match after_dot {
        Some(d) if d > 0 && d + 1 < run => (d + 2, (d + 5).min(run)),
        _ => (2, run.min(4)),
    };
    let base = tail(shortest);
    if after_dot.is_none()
        && TITLE_WORDS
            .iter()
            .any(|t| t.ends_with(base.as_str()) || base.ends_with(t))
    {
        return None;
    }
    let base_count = after.mentions(&base);
    if base_count == 0 {
        return None;
    }
    let candidates: Vec<String> = (shortest..=longest)
        .map(tail)
        .take_while(|t| after.mentions(t) * 2 >= base_count)
        .collect();
    let candidates: Vec<String> = candidates
        .into_iter()
        .filter(|t| plausible_name(t))
        .collect();
    let name = candidates
        .iter()
        .rev()
        .find(|t| is_surname_start(t))
        .or(candidates.last())?
        .clone();
    if base_count < 2 && !is_surname_start(&name) && after_dot.is_none() {
        return None;
    }
    let role: String = chars[..chars.len() - name.chars().count()].iter().collect();
    let role = role
        .trim_matches(|c: char| c.is_whitespace() || "、,，:：—-·|｜".contains(c))
        .to_string();
    if role.is_empty() {
        return None; // a bare name is a roll-call line, not a caption
    }
    // A heading that happens to end in a word the text repeats (开着货车送物资) is not a
    // caption: the part before the name must read as a role, unless the name is a
    // surname-led name the text keeps using.
    let mentions = after.mentions(&name);
    if !(looks_like_role(&role) || is_surname_start(&name) && mentions >= 3) {
        return None;
    }
    Some((Some(role), name))
}

/// Organisation words after which a role's title begins (社區副書記 → 副書記), both scripts.
pub const ORGANISATION_SUFFIXES: &[&str] = &[
    "工作隊",
    "工作队",
    "黨支部",
    "党支部",
    "黨委",
    "党委",
    "委員會",
    "委员会",
    "居委會",
    "居委会",
    "社區",
    "社区",
    "醫院",
    "医院",
    "中心",
    "公司",
    "學校",
    "学校",
    "派出所",
    "衛生院",
    "卫生院",
    "指揮部",
    "指挥部",
    "辦公室",
    "办公室",
    "院",
    "庭",
    "園",
    "园",
    "村",
    "鎮",
    "镇",
    "局",
    "站",
    "所",
    "科",
    "部",
    "處",
    "处",
    "廠",
    "厂",
];

/// A short form of a role for lists: the first of its parts (split at 、，,), and of that
/// the title after the last organisation word ([`ORGANISATION_SUFFIXES`]), e.g.
/// `某社區副書記、副主任` → `副書記`. Roles of up to six characters are kept whole.
pub fn short_role(role: &str) -> String {
    let first = role
        .split(['、', '，', ',', ' '])
        .find(|s| !s.is_empty())
        .unwrap_or(role);
    if first.chars().count() <= 6 {
        return first.to_string();
    }
    // The last cut after an organisation word that leaves a title of two characters or
    // more (特勤站站長 → 站長, not 長).
    let cut = ORGANISATION_SUFFIXES
        .iter()
        .flat_map(|o| first.match_indices(o).map(|(i, _)| i + o.len()))
        .filter(|&i| first[i..].chars().count() >= 2)
        .max();
    if let Some(i) = cut {
        return first[i..].trim_start_matches(['”', '」']).to_string();
    }
    // Else the title it ends with (手工作坊負責人 → 負責人), else its last four characters.
    match TITLE_WORDS
        .iter()
        .filter(|t| first.ends_with(*t))
        .max_by_key(|t| t.len())
    {
        Some(t) => t.to_string(),
        None => first
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect(),
    }
}

/// A profile section found in the body: indices into the body paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Index of the first line of the section (number, heading, caption, or the paragraph
    /// that introduces the person).
    pub start: usize,
    /// Index of the section's first paragraph (after its heading and caption).
    pub body_start: usize,
    /// Section number as written.
    pub number: Option<String>,
    /// Heading without marks.
    pub heading: Option<String>,
    /// Role from the caption or the introducing phrase.
    pub role: Option<String>,
    /// The caption line as written, when it stands apart from the paragraphs.
    pub caption: Option<String>,
    /// The person's name.
    pub name: String,
}

/// The longest caption line, in characters (a number and a sentence caption included).
const MAX_CAPTION_CHARS: usize = 90;

/// How many paragraphs after a caption are searched for mentions of the name.
const MENTION_WINDOW: usize = 40;

/// Where the articles of a compilation (先進事蹟彙編) start in `body`: at its first line and
/// at the headline above each byline line inside the body
/// ([`super::clean::is_byline_line`]: 記者…, 通訊員…, …報導). A single article has its
/// byline above the body, so it is one part.
pub fn article_starts(body: &[String]) -> Vec<usize> {
    let mut starts = vec![0];
    for i in 2..body.len() {
        let headline = &body[i - 1];
        if super::clean::is_byline_line(&body[i])
            && headline.chars().count() <= 40
            && !headline.contains(SENTENCE_MARKS)
            && !headline.ends_with(['。', '，'])
            && starts.last().is_some_and(|&s| i - 1 > s + 1)
        {
            starts.push(i - 1);
        }
    }
    starts
}

/// The sections of a body that may hold several articles: each part from
/// [`article_starts`] is searched on its own ([`find_sections`]), so a compilation can mix
/// layouts (captions in one article, people introduced in prose in the next). A part with
/// no section continues the section before it.
pub fn find_sections_in_articles(body: &[String]) -> Vec<Section> {
    let starts = article_starts(body);
    if starts.len() == 1 {
        return find_sections(body);
    }
    // Articles are independent: on all cores for a long compilation.
    let parts: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .map(|(k, &from)| (from, starts.get(k + 1).copied().unwrap_or(body.len())))
        .collect();
    let found = super::par_map_weighted(&parts, |&(from, to)| {
        let mut sections = find_sections(&body[from..to]);
        for s in &mut sections {
            s.start += from;
            s.body_start += from;
        }
        sections
    });
    found.into_iter().flatten().collect()
}

/// Finds the profile sections in the cleaned body paragraphs, in order. Three layouts are
/// tried in turn, and the first that finds a profile wins:
/// 1. captions ([`split_caption`]), each with an optional heading and section number before
///    it (or a number on the caption's own line);
/// 2. headings without captions (a quoted or bracketed line, or a numbered one), each
///    section's person being the one its text names most ([`prose_people`]);
/// 3. people introduced in running prose by a role phrase (`…理事長林志明說`), each
///    section starting at the paragraph that introduces its person.
pub fn find_sections(body: &[String]) -> Vec<Section> {
    let by_caption = caption_sections(body);
    if !by_caption.is_empty() {
        return by_caption;
    }
    let people = prose_people(body);
    let by_heading = heading_sections(body, &people);
    if by_heading.len() >= 2 {
        return by_heading;
    }
    prose_sections(&people)
}

/// A caption found on a line: the section number on the line itself, the line without it,
/// the role and the name.
type CaptionLine = (Option<String>, String, Option<String>, String);

/// The caption on line `i` of `body`, if it holds one ([`split_caption`], names counted in
/// the [`MENTION_WINDOW`] paragraphs below).
fn caption_at(body: &[String], i: usize) -> Option<CaptionLine> {
    // Captions are short lines; most paragraphs are not, and cost nothing more.
    if body[i].chars().count() > MAX_CAPTION_CHARS {
        return None;
    }
    let end = (i + 1 + MENTION_WINDOW).min(body.len());
    let after = &body[i + 1..end];
    // A number on the caption's own line: （一）陳建華：退休教師，…
    let (own_number, line) = match split_section_number(&body[i]) {
        Some((n, rest)) if !rest.is_empty() => (Some(n), rest),
        _ => (None, body[i].clone()),
    };
    let (role, name) = split_caption(&line, after)?;
    Some((own_number, line, role, name))
}

fn caption_sections(body: &[String]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    // Each line is judged on its own, on all cores for a long body.
    let lines: Vec<usize> = (0..body.len()).collect();
    let found = super::par_map(&lines, |&i| caption_at(body, i));
    for (i, found) in found.into_iter().enumerate() {
        let Some((own_number, line, role, name)) = found else {
            continue;
        };
        let floor = sections.last().map_or(0, |s| s.body_start + 1);
        let mut start = i;
        let mut heading = None;
        let mut number = own_number.clone();
        if i > floor && own_number.is_none() {
            if let Some((num, rest)) = split_section_number(&body[i - 1]) {
                number = Some(num);
                heading = if rest.is_empty() {
                    None
                } else {
                    heading_text(&rest)
                };
                start = i - 1;
            } else if let Some(h) = heading_text(&body[i - 1]) {
                heading = Some(h);
                start = i - 1;
                if i - 1 > floor
                    && let Some((num, rest)) = split_section_number(&body[i - 2])
                    && rest.is_empty()
                {
                    number = Some(num);
                    start = i - 2;
                }
            }
        }
        // A caption that is a sentence (陳建華：退休教師，義務輔導學生十二年。) is also text.
        let sentence = line.ends_with('。') || line.matches(['，', ',']).count() >= 2;
        let body_start = if sentence { i } else { i + 1 };
        // The caption as written (for a number on its own line, without the number).
        let caption = (!sentence).then(|| line.trim().to_string());
        sections.push(Section {
            start,
            body_start,
            number,
            heading,
            role,
            caption,
            name,
        });
    }
    sections
}

/// A person introduced in running prose, with the role phrase before the name.
#[derive(Debug, Clone, PartialEq)]
pub struct ProsePerson {
    /// The name (2 or 3 characters, beginning with a common surname).
    pub name: String,
    /// The role phrase before the name (or before a list of names sharing it).
    pub role: String,
    /// Index of the paragraph that introduces the person.
    pub paragraph: usize,
}

/// The role phrase that ends at char `end` of `chars`: back to the clause start, then cut
/// after the last [`ROLE_STOPS`] character. `None` unless it looks like a role.
fn role_before(chars: &[char], end: usize) -> Option<String> {
    let clause_start = chars[..end]
        .iter()
        .rposition(|c| "，,。；;：:！!？?“”「」（）()…—".contains(*c) || c.is_whitespace())
        .map_or(0, |i| i + 1);
    let clause = &chars[clause_start..end];
    let cut = clause
        .iter()
        .rposition(|c| ROLE_STOPS.contains(*c))
        .map_or(0, |i| i + 1);
    let role: String = clause[cut..].iter().collect();
    looks_like_role(&role).then_some(role)
}

/// People introduced in running prose: a role phrase ([`looks_like_role`]) right before a
/// name of two or three characters that begins with a common surname and is mentioned at
/// least three times in the body; one role may be shared by a list of names
/// (`三任老支部书记于甲、于乙、于丙`). In order of first introduction.
pub fn prose_people(body: &[String]) -> Vec<ProsePerson> {
    // Candidates: a surname right after a role phrase (or after a list of names that
    // follows one). Only their names are counted afterwards, so the work is linear.
    let mut candidates: Vec<(usize, [String; 2], String)> = Vec::new();
    for (pi, p) in body.iter().enumerate() {
        let chars: Vec<char> = super::chars_of(p);
        for i in 1..chars.len() {
            if !is_surname(chars[i]) {
                continue;
            }
            let mut k = i;
            while k > 0 && chars[k - 1] == '、' {
                // Skip back over one listed name: 于甲、于乙、
                let prev = chars[..k - 1]
                    .iter()
                    .rev()
                    .take_while(|&&c| is_name_char(c))
                    .count()
                    .min(3);
                k = k - 1 - prev;
            }
            if k == 0 || !TITLE_ENDINGS.contains(chars[k - 1]) {
                continue;
            }
            let Some(role) = role_before(&chars, k) else {
                continue;
            };
            let name = |l: usize| {
                chars
                    .get(i..i + l)
                    .map(|w| w.iter().collect::<String>())
                    .unwrap_or_default()
            };
            candidates.push((pi, [name(3), name(2)], role));
        }
    }
    let all = body.concat();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut count = |n: &str| -> usize {
        if n.chars().count() < 2 || !n.chars().all(is_name_char) {
            return 0;
        }
        *counts
            .entry(n.to_string())
            .or_insert_with(|| all.matches(n).count())
    };
    let mut people: Vec<ProsePerson> = Vec::new();
    for (pi, names, role) in candidates {
        // The longer name when the text uses it as often as the shorter (于国庆 vs 于国).
        let Some(name) = names.into_iter().find(|n| count(n) >= 3) else {
            continue;
        };
        if !people.iter().any(|q| q.name == name) {
            people.push(ProsePerson {
                name,
                role,
                paragraph: pi,
            });
        }
    }
    people
}

/// Sections that start at headings without captions; each person is the one among
/// `people` (or, failing that, among names at the start of the section's paragraphs) that
/// the section mentions most.
fn heading_sections(body: &[String], people: &[ProsePerson]) -> Vec<Section> {
    let heads: Vec<(usize, Option<String>, String)> = body
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let (num, rest) = match split_section_number(l) {
                Some((n, r)) => (Some(n), r),
                None => (None, l.clone()),
            };
            let h = strip_heading_marks(&rest)?;
            (h.chars().count() <= 30 && !h.contains(SENTENCE_MARKS[0]))
                .then(|| (i, num, h.to_string()))
        })
        .collect();
    let mut sections = Vec::new();
    for (k, (i, num, heading)) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(body.len(), |h| h.0);
        let text = body[i + 1..end].concat();
        let best = people
            .iter()
            .map(|p| (text.matches(p.name.as_str()).count(), p))
            .filter(|(n, _)| *n >= 2)
            .max_by_key(|(n, _)| *n);
        if let Some((_, p)) = best {
            sections.push(Section {
                start: *i,
                body_start: i + 1,
                number: num.clone(),
                heading: Some(heading.clone()),
                role: Some(p.role.clone()),
                caption: None,
                name: p.name.clone(),
            });
        }
    }
    sections
}

/// Sections that start where [`prose_people`] introduces each person; at least two people.
fn prose_sections(people: &[ProsePerson]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for p in people {
        if sections.last().is_some_and(|s| s.start >= p.paragraph) {
            continue; // introduced in the same paragraph as the previous person
        }
        sections.push(Section {
            start: p.paragraph,
            body_start: p.paragraph,
            number: None,
            heading: None,
            role: Some(p.role.clone()),
            caption: None,
            name: p.name.clone(),
        });
    }
    if sections.len() < 2 {
        sections.clear();
    }
    sections
}

/// Forms of address that follow a surname (黃姑娘, 王老師, 李醫生), both scripts.
pub const ADDRESS_TITLES: &[&str] = &[
    "姑娘", "老師", "老师", "醫生", "医生", "師傅", "师傅", "書記", "书记", "主任", "大姐", "大哥",
    "阿姨", "護士", "护士", "隊長", "队长", "警官", "所長", "所长", "院長", "院长", "村長", "村长",
    "站長", "站长", "姐", "哥", "叔", "伯", "嬸", "婶", "奶奶", "爺爺", "爷爷",
];

/// The ways an article refers to a person: the full name, the given name (two characters or
/// more), and for names that begin with a common surname 老X, 小X and X with a form of
/// address ([`ADDRESS_TITLES`]).
pub fn aliases(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let given: String = name.chars().skip(1).collect();
    if given.chars().count() >= 2 {
        out.push(given);
    }
    if is_surname_start(name) && name.chars().count() <= 3 {
        let s: String = name.chars().take(1).collect();
        out.push(format!("老{s}"));
        out.push(format!("小{s}"));
        out.extend(ADDRESS_TITLES.iter().map(|t| format!("{s}{t}")));
    }
    out
}

/// Splits the closing off the last section's paragraphs: the longest run of final paragraphs
/// that are not about the person alone. A paragraph is the person's when it mentions them
/// ([`aliases`], or 他/她 but not 他們/她們) or opens with a quotation mark, and mentions none
/// of the other profiled people (`others`): a paragraph that names the group is closing.
/// Returns the index where the closing starts (`paragraphs.len()` when there is none).
pub fn closing_start(paragraphs: &[String], name: &str, others: &[String]) -> usize {
    let names = aliases(name);
    let pronoun = |p: &String| {
        let chars: Vec<char> = super::chars_of(p);
        chars.iter().enumerate().any(|(i, c)| {
            matches!(c, '他' | '她') && !matches!(chars.get(i + 1), Some('們' | '们'))
        })
    };
    let theirs = |p: &String| {
        let about = names.iter().any(|n| p.contains(n.as_str()))
            || pronoun(p)
            || p.starts_with(['“', '「']);
        about && !others.iter().any(|o| o != name && p.contains(o.as_str()))
    };
    let mut k = paragraphs.len();
    while k > 1 && !theirs(&paragraphs[k - 1]) {
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_name_is_the_tail_the_text_mentions() {
        let after = "今年王小明38岁。王小明说，小明很忙。王小明笑了。";
        assert_eq!(
            split_caption("某某社区党支部书记王小明", after),
            Some((Some("某某社区党支部书记".into()), "王小明".into()))
        );
        let after = "李娜说，她很忙。李娜笑了。";
        assert_eq!(
            split_caption("社区医生李娜", after),
            Some((Some("社区医生".into()), "李娜".into()))
        );
    }

    #[test]
    fn sentences_and_bare_names_are_not_captions() {
        assert_eq!(split_caption("王小明说。", "王小明"), None);
        // Headlines inside a compilation, with the head repeated in the text below.
        assert_eq!(
            split_caption("颱風過後 他們讓老社區重新站起來", "颱風過後，颱風過後"),
            None
        );
        assert_eq!(
            split_caption(
                "國際護士節｜四位前線護士：守護病人，也守護初心",
                "國際護士節"
            ),
            None
        );
        assert_eq!(
            split_caption("黃詠琪：某醫院護士", "黃詠琪說"),
            Some((Some("某醫院護士".into()), "黃詠琪".into()))
        );
        assert_eq!(split_caption("王小明", "王小明王小明"), None);
    }

    #[test]
    fn short_roles() {
        assert_eq!(short_role("某某农场社区副书记、副主任"), "副书记");
        assert_eq!(
            short_role("十二师驻某团某社区“访惠聚”工作队队长、第一书记"),
            "队长"
        );
        assert_eq!(short_role("护士长"), "护士长");
        // From a trial on the fixtures: no word cut in two.
        assert_eq!(short_role("沅城市消防救援支队特勤站站长"), "站长");
        assert_eq!(short_role("沅城市纺织产业园质检员"), "质检员");
        assert_eq!(short_role("沅城市农业科学研究院研究员"), "研究员");
        assert_eq!(short_role("沅城市人民法院立案庭法官"), "法官");
        assert_eq!(short_role("某某市人民医院院长"), "院长");
        assert_eq!(short_role("手工作坊負責人"), "負責人");
    }

    #[test]
    fn section_numbers() {
        assert_eq!(split_section_number("02"), Some(("02".into(), "".into())));
        assert_eq!(
            split_section_number("二、守护家园"),
            Some(("二".into(), "守护家园".into()))
        );
        assert_eq!(
            split_section_number("（三）坚持"),
            Some(("（三）".into(), "坚持".into()))
        );
        assert_eq!(split_section_number("39岁的他"), None);
    }
}
