//! Roles: the phrase that says what a person is, written directly before the name
//! (`公安干警罗斌`, `“包子夫妻”马建军`, `东湖镇党委书记周丽`), or the caption text
//! before the name. After a 的-clause only the noun phrase after the last 的 counts
//! (`擔任房仲的蔡明哲` → none; `這個醫療服務隊的領隊趙明` → `領隊`): the corpus README's
//! role convention.

use super::tagger::{Tag, Token};

/// Tags a role phrase is made of: nouns of every kind, places and organisations (the unit a
/// cadre belongs to), adjectives and numerals inside the phrase (`最美护士`, `八旬老人`,
/// `一等功臣`), verbal nouns (`志愿`), localisers (`社区`).
fn role_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::N
            | Tag::Nz
            | Tag::Nw
            | Tag::Nt
            | Tag::Ns
            | Tag::Nr
            | Tag::Org
            | Tag::Loc
            | Tag::Vn
            | Tag::An
            | Tag::A
            | Tag::M
            | Tag::S
            | Tag::F
            | Tag::Time
    )
}

/// Quote and title marks that may wrap a nickname or a programme name inside a role.
const ROLE_MARKS: &[char] = &['“', '”', '「', '」', '《', '》', '"', '『', '』'];

/// Nouns that end a role: a role phrase ends in one of these or in a word the tagger calls
/// a noun of at least two chars. Single-char heads are common (员, 长, 师, 生).
const HEADS: &[char] = &[
    '员', '員', '长', '長', '师', '師', '生', '人', '者', '家', '手', '警', '官', '工', '士', '娘',
    '妈', '媽', '爸', '嫂', '姐', '哥', '农', '農', '兵', '匠', '主', '记', '記',
];

/// Words that are never part of a role even where the tagger calls them nouns: reporting
/// words and time words that open a clause (`记者`, `今年`), generic fillers.
const NOT_ROLE: &[&str] = &[
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "今年",
    "如今",
    "目前",
    "当时",
    "當時",
    "其中",
    "近日",
    "日前",
];

/// The role written directly before the name that starts at char `start` of a paragraph,
/// from the paragraph's `tokens` and `chars`. `None` when the word before the name is not
/// part of a role (a verb, a particle, punctuation, the start of the paragraph).
pub fn role_before(chars: &[char], tokens: &[Token], start: usize) -> Option<String> {
    // Tokens that end at or before the name.
    let last = tokens.iter().rposition(|t| t.end <= start)?;
    if tokens[last].end != start {
        return None;
    }
    let mut first = last + 1;
    let mut k = last + 1;
    while k > 0 {
        let t = tokens[k - 1];
        let text: String = chars[t.start..t.end].iter().collect();
        let is_mark = t.end - t.start == 1 && ROLE_MARKS.contains(&chars[t.start]);
        if is_mark {
            let c = chars[t.start];
            if matches!(c, '“' | '「' | '《' | '『') {
                break; // an opening mark with no closing one before the name
            }
            // A closing mark: the quoted part is a nickname or a title (`“油条夫妻”`,
            // `《樓盤傳真》`) when it is short and holds no clause punctuation; else it is
            // speech, and the role (if any) starts after it.
            let open_at = chars[..t.start]
                .iter()
                .rposition(|x| matches!(x, '“' | '「' | '《' | '『' | '"'))
                .filter(|&o| t.start - o <= 12);
            let Some(o) = open_at else { break };
            if chars[o + 1..t.start]
                .iter()
                .any(|x| "，,。！？!?；;：:、…".contains(*x))
            {
                break;
            }
            let Some(ko) = tokens[..k].iter().rposition(|x| x.start == o) else {
                break;
            };
            k = ko;
            first = k;
            continue;
        }
        // A kin word the tagger took for a person right before the name (`老阿奶马秀兰`).
        let kin_person = t.tag == Tag::Per && k == last + 1 && t.end - t.start <= 3;
        if !(role_tag(t.tag) || kin_person) || NOT_ROLE.contains(&text.as_str()) {
            break;
        }
        k -= 1;
        first = k;
    }
    if first > last {
        return None;
    }
    // Leading numerals or adjectives alone are not a role's start when a noun follows
    // them only as a measure (`两名医生`): drop leading measure words and numerals that are
    // followed by a measure word.
    while first <= last && matches!(tokens[first].tag, Tag::M | Tag::Time | Tag::F) && first < last
    {
        let t = tokens[first];
        let s: String = chars[t.start..t.end].iter().collect();
        // Keep numerals that are part of the role (`八旬老人`, `９０后大学生党员`).
        if s.ends_with('旬') || s.ends_with('后') || s.ends_with('後') || s.contains('等') {
            break;
        }
        first += 1;
    }
    let from = tokens[first].start;
    let role: String = chars[from..start].iter().collect();
    let role = role.trim().to_string();
    let n = role.chars().count();
    if n < 2 {
        return None;
    }
    // The role must end in a noun-like head: a head char, a closing mark, or a noun token.
    let lt = tokens[last];
    let last_char = chars[start - 1];
    let head_ok = HEADS.contains(&last_char)
        || ROLE_MARKS.contains(&last_char)
        || (matches!(
            lt.tag,
            Tag::N | Tag::Nz | Tag::Nt | Tag::Org | Tag::Nw | Tag::Per
        ) && lt.end - lt.start >= 2);
    head_ok.then_some(role)
}

/// True when a role names a person's position (it ends in a person noun such as 员, 长, 师,
/// or a quoted nickname), rather than an organisation or a thing (`國際品牌`).
pub fn is_personal(role: &str) -> bool {
    // A work's title alone (`《求是》`) is a publication, not a position.
    if role.starts_with('《') && role.ends_with('》') && role.matches('《').count() == 1 {
        return false;
    }
    role.chars()
        .last()
        .is_some_and(|c| HEADS.contains(&c) || ROLE_MARKS.contains(&c))
        || role.ends_with("主播")
        || role.ends_with("狀元")
        || role.ends_with("状元")
        || role.ends_with("博士")
        || role.ends_with("书记")
        || role.ends_with("書記")
        || role.ends_with("代表")
        || role.ends_with("女儿")
        || role.ends_with("女兒")
        || role.ends_with("儿子")
        || role.ends_with("兒子")
        || role.ends_with("老婆")
        || role.ends_with("同桌")
        || role.ends_with("主任")
        || role.ends_with("干警")
        || role.ends_with("幹警")
        || role.ends_with("功臣")
        || role.ends_with("神探")
        || role.ends_with("孝子")
        || role.ends_with("母亲")
        || role.ends_with("母親")
        || role.ends_with("法医")
        || role.ends_with("法醫")
        || role.ends_with("村民")
        || role.ends_with("居民")
        || role.ends_with("农民")
        || role.ends_with("農民")
        || role.ends_with("老板")
        || role.ends_with("老闆")
        || role.ends_with("老总")
        || role.ends_with("同学")
        || role.ends_with("同學")
        || role.ends_with("阿奶")
        || role.ends_with("老總")
        || [
            "市民", "遊客", "游客", "旅客", "街坊", "乘客", "顧客", "顾客", "家長", "家长", "男孩",
            "女孩", "小伙", "小夥", "姑娘", "少年", "少女", "好友", "朋友", "同事", "室友", "闺蜜",
            "閨蜜",
        ]
        .iter()
        .any(|w| role.ends_with(w))
}

/// True when the role is a kinship word alone (`妈妈`, `女兒`, `大兒子`): the person is
/// introduced through someone else.
pub fn is_kin(role: &str) -> bool {
    const KIN: &[&str] = &[
        "妈妈", "媽媽", "爸爸", "父亲", "父親", "母亲", "母親", "妻子", "丈夫", "老婆", "老公",
        "儿子", "兒子", "女儿", "女兒", "孙女", "孫女", "孙子", "孫子", "哥哥", "姐姐", "弟弟",
        "妹妹", "奶奶", "爷爷", "爺爺", "外婆", "外公", "太太", "遗孀", "遺孀", "叔叔", "叔",
        "伯伯", "伯", "舅舅", "舅", "姑姑", "姑", "姨", "婆婆", "公公", "岳母", "岳父", "嫂子",
        "侄子", "侄女", "姪子", "姪女",
    ];
    let r = role.trim_start_matches(['大', '小', '二', '三', '四', '老']);
    KIN.iter().any(|k| r == *k || role == *k)
}

/// The role a caption gives: the caption's text right before the name, back to the last
/// clause mark or bracket (`某社區副書記、副主任王芳` → `某社區副書記、副主任`), trimmed of
/// separators; `None` when nothing is there (a name after `、` shares the role before the
/// first name: the caller handles that).
pub fn caption_role(chars: &[char], start: usize) -> Option<String> {
    caption_role_from(chars, 0, start)
}

/// [`caption_role`] not reaching back before char `floor` (the end of the previous name in
/// the caption).
pub fn caption_role_from(chars: &[char], floor: usize, start: usize) -> Option<String> {
    let start = start.min(chars.len());
    let floor = floor.min(start);
    let from = chars[floor.min(start)..start]
        .iter()
        .rposition(|c| "，,。；;：:（）()!！?？|｜".contains(*c))
        .map_or(floor.min(start), |i| floor.min(start) + i + 1);
    let from = from.max(floor);
    let s: String = chars[from..start].iter().collect();
    let s = s.trim_matches(|c: char| c.is_whitespace() || "、▲△●■◆/／—-─".contains(c));
    let n = s.chars().count();
    ((2..=60).contains(&n)).then(|| s.to_string())
}

/// The role a caption line gives after the name that opens it (`黄海峰 | 城南特勤站站长` →
/// `城南特勤站站长`): the rest of the line after the separator.
pub fn caption_role_after(chars: &[char], end: usize) -> Option<String> {
    let s: String = chars.get(end..).unwrap_or(&[]).iter().collect();
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || super::candidates::CAPTION_SEPARATORS.contains(c) || "—-─".contains(c)
    });
    // A name line's role is its first clause (`X，燒臘店老闆，1969年來台` → 燒臘店老闆).
    let s = s.split(['，', ',', '；', ';']).next().unwrap_or(s).trim();
    let n = s.chars().count();
    ((2..=40).contains(&n)).then(|| s.to_string())
}
