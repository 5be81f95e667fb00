//! Short forms of roles for narrow panes: `頭屯河農場大門院社區副書記、副主任…` → `副書記`.
//!
//! The people list has room for a few characters of a role; these rules keep the title
//! (the part after the last organisation word) rather than the start of the phrase.

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
        None => {
            let tail: String = first
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            // Not from inside a title or a nickname: after its closing mark
            // (城市台节目《楼市夜话》主播 → 主播, not 真》主播).
            match tail.rfind(['》', '」', '”', '』']) {
                Some(i)
                    if tail[i..].chars().count() > 2
                        && !tail[..i].contains(['《', '「', '“', '『']) =>
                {
                    tail[i..].chars().skip(1).collect()
                }
                _ => tail,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_role_is_not_cut_inside_a_title() {
        assert_eq!(short_role("城市台节目《楼市夜话》主播"), "主播");
    }

    #[test]
    fn short_roles() {
        assert_eq!(short_role("某某农场社区副书记、副主任"), "副书记");
        assert_eq!(
            short_role("十二师驻某团某社区“访惠聚”工作队队长、第一书记"),
            "队长"
        );
        assert_eq!(short_role("护士长"), "护士长");
        // No word cut in two.
        assert_eq!(short_role("沅城市消防救援支队特勤站站长"), "站长");
        assert_eq!(short_role("沅城市纺织产业园质检员"), "质检员");
        assert_eq!(short_role("沅城市农业科学研究院研究员"), "研究员");
        assert_eq!(short_role("沅城市人民法院立案庭法官"), "法官");
        assert_eq!(short_role("某某市人民医院院长"), "院长");
        assert_eq!(short_role("手工作坊負責人"), "負責人");
    }
}
