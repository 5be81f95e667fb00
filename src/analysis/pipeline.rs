//! The analysis stages run in order over tagged paragraphs (see the parent module).

use super::tagger::Token;
use super::{attach, candidates, people, scoring};
use crate::article::ParagraphKind;
use crate::article::model::{Profile, Span};

/// The quoted char ranges of a paragraph: the insides of “…”, 「…」, 『…』 and ‘…’.
fn quoted_ranges(c: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, &ch) in c.iter().enumerate() {
        let close = match ch {
            '“' | '「' | '『' | '‘' => {
                stack.push((ch, i + 1));
                continue;
            }
            '”' => '“',
            '」' => '「',
            '』' => '『',
            '’' => '‘',
            _ => continue,
        };
        if let Some(k) = stack.iter().rposition(|&(o, _)| o == close) {
            let (_, s) = stack[k];
            stack.truncate(k);
            if stack.is_empty() {
                out.push((s, i));
            }
        }
    }
    out
}

/// The mentions (sorted by paragraph) in paragraph `i`.
fn in_para(mentions: &[candidates::Mention], i: usize) -> &[candidates::Mention] {
    let a = mentions.partition_point(|m| m.paragraph < i);
    let b = mentions.partition_point(|m| m.paragraph <= i);
    &mentions[a..b]
}

/// What the analysis finds: the profiled people, and the paragraph kinds refined with the
/// layout it recognised (caption lines that end in a name, pull-quote headings).
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The profiled people in order of first mention.
    pub profiles: Vec<Profile>,
    /// One kind per paragraph.
    pub kinds: Vec<ParagraphKind>,
}

/// The stages up to scoring: each paragraph's chars, the candidate mentions, the kinds
/// refined with the layout found (caption lines, headings), and every person with a score.
struct Scored {
    chars: Vec<Vec<char>>,
    mentions: Vec<candidates::Mention>,
    kinds: Vec<ParagraphKind>,
    persons: Vec<people::Person>,
}

fn scored(paragraphs: &[String], kinds: &[ParagraphKind], tokens: &[Vec<Token>]) -> Scored {
    let chars: Vec<Vec<char>> = paragraphs
        .iter()
        .map(|p| crate::article::chars_of(p))
        .collect();
    let mentions = candidates::find(&chars, kinds, tokens);
    let input_kinds = kinds;
    let mut kinds: Vec<ParagraphKind> = (0..paragraphs.len())
        .map(|i| kinds.get(i).copied().unwrap_or_default())
        .collect();
    for m in &mentions {
        if m.cue == candidates::Cue::Caption {
            kinds[m.paragraph] = ParagraphKind::Caption;
        }
    }
    // Headings: pull-quotes and bracketed titles anywhere; a short line under a section
    // number, or right over a caption line that names someone (the genre's section head).
    for (i, p) in paragraphs.iter().enumerate() {
        if kinds[i] != ParagraphKind::Text {
            continue;
        }
        if crate::article::clean::is_section_number(p) {
            kinds[i] = ParagraphKind::Heading;
            continue;
        }
        let short = p.chars().count() <= 30
            && !p.trim_end().ends_with(['。', '，', '；', '？', '?'])
            && !p.contains(['：', ':']);
        let under_number = i > 0 && crate::article::clean::is_section_number(&paragraphs[i - 1]);
        // (a caption line the analysis found, not a photo caption the cleaning marked)
        let over_caption = kinds.get(i + 1) == Some(&ParagraphKind::Caption)
            && input_kinds.get(i + 1) != Some(&ParagraphKind::Caption)
            && in_para(&mentions, i + 1)
                .iter()
                .any(|m| m.cue == candidates::Cue::Caption);
        // A line of dialogue (`馮Sir：「…」`) is not a heading, though shaped like one.
        let spoken = in_para(&mentions, i).iter().any(|m| {
            m.start == 0
                && p.chars()
                    .nth(m.end)
                    .is_some_and(|c| matches!(c, '：' | ':'))
        });
        // Nor is a line of a run of quoted lines (`“快点来，卸货！”` / `“我的。”`): a
        // pull-quote heading stands between prose, not next to another short quoted line.
        let quoted_line = |j: usize| {
            paragraphs.get(j).is_some_and(|q| {
                let q = q.trim();
                q.chars().count() <= 40 && q.starts_with(['“', '「']) && q.ends_with(['”', '」'])
            })
        };
        let dialogue = (i > 0 && quoted_line(i - 1)) || quoted_line(i + 1);
        if (attach::heading_text(p, false).is_some() && !spoken && !dialogue)
            || (short
                && (under_number || over_caption)
                && in_para(&mentions, i).is_empty()
                && attach::heading_text(p, true).is_some())
        {
            kinds[i] = ParagraphKind::Heading;
        }
    }
    let mut defined = candidates::bracket_aliases(&chars, &mentions);
    defined.extend(candidates::name_line_aliases(&mentions));
    defined.extend(candidates::honorific_aliases(&chars, &mentions));
    let mut persons = people::group(&mentions, &defined);
    let quoted: Vec<Vec<(usize, usize)>> = chars.iter().map(|c| quoted_ranges(c)).collect();
    let text = people::Text {
        chars: &chars,
        kinds: &kinds,
        tokens,
        quoted: &quoted,
    };
    scoring::score(&text, &mentions, &mut persons);
    Scored {
        chars,
        mentions,
        kinds,
        persons,
    }
}

/// [`super::analyse`] with the tokens given: `tokens[i]` are the tagger's words of
/// `paragraphs[i]`. Never fails; an article where no one is profiled gives no profiles.
pub fn analyse_tagged(
    paragraphs: &[String],
    kinds: &[ParagraphKind],
    tokens: &[Vec<Token>],
) -> Analysis {
    let Scored {
        chars,
        mentions,
        kinds,
        persons,
    } = scored(paragraphs, kinds, tokens);
    let (profiled, rest): (Vec<people::Person>, Vec<people::Person>) = persons
        .into_iter()
        .partition(|p| p.score >= people::PROFILED);
    let others: Vec<usize> = rest
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .collect();
    let a = attach::attach(
        paragraphs, &chars, tokens, &kinds, &mentions, &profiled, &others,
    );
    let mut profiles = Vec::with_capacity(profiled.len());
    for (i, p) in profiled.into_iter().enumerate() {
        profiles.push(Profile {
            mentions: p
                .mentions
                .iter()
                .map(|&k| Span {
                    paragraph: mentions[k].paragraph,
                    start: mentions[k].start,
                    end: mentions[k].end,
                })
                .collect(),
            name: p.name,
            aliases: p.aliases,
            role: p.role,
            heading: a.headings[i].clone(),
            paragraphs: a.paragraphs[i].clone(),
            stats: a.stats[i].clone(),
            quotes: a.quotes[i].clone(),
            sure: p.score >= people::SURE,
        });
    }
    Analysis { profiles, kinds }
}

/// The persons found with their scores and signals, profiled or not: for `make eval`'s
/// report of why someone was or was not kept.
pub fn explain(
    paragraphs: &[String],
    kinds: &[ParagraphKind],
    tokens: &[Vec<Token>],
) -> Vec<(String, i32, Vec<&'static str>)> {
    scored(paragraphs, kinds, tokens)
        .persons
        .into_iter()
        .map(|p| (p.name, p.score, p.why))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::article::ParagraphKind;

    fn run(ps: &[&str]) -> super::Analysis {
        let ps: Vec<String> = ps.iter().map(|s| s.to_string()).collect();
        crate::analysis::analyse(&ps, &vec![ParagraphKind::Text; ps.len()])
    }

    #[test]
    fn a_caption_line_gives_the_role_and_a_pull_quote_the_heading() {
        // A pull-quote heading, then role + name on a line of its own.
        let a = run(&[
            "“我們是黨員,就要站在前面”",
            "東湖鎮新華社區黨支部書記、防汛工作指揮部副指揮長林建宏",
            "今年42歲的林建宏已有12年黨齡。“社區有居民1284戶2317人。”林建宏清晰地向記者介紹轄區情況。",
        ]);
        assert_eq!(a.profiles.len(), 1);
        let p = &a.profiles[0];
        assert_eq!(p.name, "林建宏");
        assert_eq!(
            p.role.as_deref(),
            Some("東湖鎮新華社區黨支部書記、防汛工作指揮部副指揮長")
        );
        assert_eq!(p.heading.as_deref(), Some("我們是黨員,就要站在前面"));
        assert_eq!(
            a.kinds[..2],
            [ParagraphKind::Heading, ParagraphKind::Caption]
        );
        let stats: Vec<&str> = p.stats.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(stats, ["42歲", "12年", "1284戶", "2317人"]);
        assert_eq!(p.quotes[0].text, "社區有居民1284戶2317人。");
        assert_eq!(p.paragraphs, [0, 1, 2]);
    }

    #[test]
    fn reporters_and_officials_are_not_profiles() {
        // A reporter's credit and the mayor who presents the awards.
        let a = run(&[
            "勞動節表揚大會開跑,市府表揚40位模範勞工。(記者許文華攝)",
            "何美玲市長也親自表揚四十位模範勞工,向所有無名英雄致上最高敬意。",
            "得獎模範勞工中,施淑惠小姐,是今年受獎者中工作年資最長,前後有三十五年,積極推廣花卉栽種及社區發展,深獲里民讚賞;蔡美玲小姐為理燙髮美容工會優秀會務人員,用心規畫職能課程及推廣公益。",
        ]);
        let names: Vec<&str> = a.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["施淑惠", "蔡美玲"]);
        assert!(a.profiles[0].stats.iter().any(|s| s.text == "三十五年"));
    }

    #[test]
    fn a_quote_goes_to_its_speaker_not_to_the_nearest_name() {
        // A listener named before the speaker: the speaker gets the quote.
        let a = run(&[
            "班长陈建平、学习委员张晓雯和同桌刘海涛都在教室里。",
            "大概过了四五个小时，张晓雯听到刘海涛说：“我旁边还有人！”接着，张晓雯被拉了出去。",
            "“到现在也不知道是谁。”张晓雯说。",
        ]);
        let quotes = |n: &str| -> Vec<String> {
            a.profiles
                .iter()
                .find(|p| p.name == n)
                .map(|p| p.quotes.iter().map(|q| q.text.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(quotes("刘海涛"), ["我旁边还有人！"]);
        assert_eq!(quotes("张晓雯"), ["到现在也不知道是谁。"]);
    }

    fn names(a: &super::Analysis) -> Vec<&str> {
        a.profiles.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_vox_pop_of_name_lines_with_ages_and_labels() {
        // A vox-pop layout: a name line, then the name with an age, then the answers; a
        // person known by a label; a bare line that spells the name differently.
        let a = run(&[
            "何志偉",
            "何志偉（47歲）",
            "我要守護： 要守護嘅事實在太多，今朝都迫自己用15分鐘整好道具出嚟遊行。",
            "退休司機（60歲）",
            "我要守護： 香港人享有嘅自由同法治。",
            "馮佩玲",
            "馮佩珊（63歲）",
            "我想香港： 搵返力量。",
        ]);
        assert_eq!(names(&a), ["何志偉", "退休司機", "馮佩珊"]);
        assert!(a.profiles[0].stats.iter().any(|s| s.text == "47歲"));
        assert!(a.profiles[2].aliases.contains(&"馮佩玲".to_string()));
    }

    #[test]
    fn aliases_defined_in_brackets_and_given_names() {
        // Aliases defined in brackets after the names, then used alone.
        let a = run(&[
            "發起人67歲的周美華（美華）笑言：「其實我哋好鬆散下」。",
            "美華認識了64歲的退休教師馮志強（馮Sir），大家一拍即合。",
            "馮Sir說：「我哋無咩所謂邊個核心，無咁嘅分野。」",
        ]);
        assert_eq!(names(&a), ["周美華", "馮志強"]);
        let tam = &a.profiles[1];
        assert_eq!(tam.role.as_deref(), Some("退休教師"));
        assert!(tam.aliases.contains(&"馮Sir".to_string()));
        assert_eq!(tam.quotes[0].text, "我哋無咩所謂邊個核心，無咁嘅分野。");
    }

    #[test]
    fn an_enumeration_shares_its_role_and_a_roll_call_is_not_profiled() {
        // Described entries, then a bare list of names.
        let a = run(&[
            "坚持6年每个周末为光荣院老人送包子的“包子夫妻”马建军、高秀英;路遇车祸紧急施救帮助4名伤员脱离危险的最美护士唐敏;勇斗歹徒英勇殉职的公安干警罗斌、宋杰等身边好人光荣上榜。",
            "在昆明交流活动现场,孙建、钱梅、周涛、吴刚等全国道德模范与观众互动交流。",
        ]);
        assert_eq!(names(&a), ["马建军", "高秀英", "唐敏", "罗斌", "宋杰"]);
        assert_eq!(a.profiles[1].role.as_deref(), Some("“包子夫妻”"));
        assert_eq!(a.profiles[4].role.as_deref(), Some("公安干警"));
        let six: Vec<&str> = a.profiles[1]
            .stats
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(six, ["6年"]);
        assert!(a.profiles[2].stats.iter().any(|s| s.text == "4名"));
    }

    #[test]
    fn numbered_sections_with_a_heading_and_a_name_first_caption() {
        let a = run(&[
            "▍01",
            "冲在最前面的人",
            "黄海峰 | 城南特勤站站长",
            "走进城南特勤站，42岁的黄海峰正在训练。“站长就得第一个进去。”黄海峰说。",
        ]);
        assert_eq!(names(&a), ["黄海峰"]);
        let p = &a.profiles[0];
        assert_eq!(p.role.as_deref(), Some("城南特勤站站长"));
        assert_eq!(p.heading.as_deref(), Some("冲在最前面的人"));
        assert_eq!(
            a.kinds[..3],
            [
                ParagraphKind::Heading,
                ParagraphKind::Heading,
                ParagraphKind::Caption
            ]
        );
    }

    #[test]
    fn no_one_in_text_without_people() {
        let a = run(&["今天天气很好。", "", "\u{0}"]);
        assert!(a.profiles.is_empty());
        assert_eq!(a.kinds.len(), 3);
    }

    #[test]
    fn topics_of_questions_characters_titles_and_donors_are_not_profiles() {
        // Kinds as the cleaning stage gives them (`Q：` lines are questions).
        let run = |ps: &[&str]| {
            let ps: Vec<String> = ps.iter().map(|s| s.to_string()).collect();
            let kinds: Vec<ParagraphKind> = ps
                .iter()
                .map(|p| crate::article::clean::kind_of(p))
                .collect();
            crate::analysis::analyse(&ps, &kinds)
        };
        let a = run(&[
            "Q：今年的狀元有什麼心得？",
            "陳嘉豪：我覺得最重要是休息。",
            "林思穎：我每天只讀三小時書。",
            "Q：已故作家周慕雲的遺孀白淑貞出國，有何看法？",
            "陳嘉豪：我覺得白淑貞可以離開是好事。",
            "林思穎：白淑貞終於自由了，我讀過《周慕雲傳》。",
        ]);
        let names: Vec<&str> = a.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["陳嘉豪", "林思穎"]);
        let a = run(&[
            "28岁的外卖骑手潘志刚每天骑行一百多公里。潘志刚说：“累是累，但心里踏实。”",
            "他的女儿最喜欢的灰太狼玩具丢了，潘志刚又买了两只灰太狼玩具。",
            "“希望孩子开开心心。”爱心人士郝先生说。",
        ]);
        let names: Vec<&str> = a.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["潘志刚"]);
    }

    #[test]
    fn a_place_before_the_name_a_title_across_words_and_a_tagged_quotation() {
        // `…的河南X`: the place does not hide the 的-clause; 县长 across 某县 / 长安镇 is no
        // official's title; `“…”X摇摇头说` and `X…“…”她笑着说` are speech of the one named.
        let a = run(&[
            "榜单上有照顾瘫痪婆婆20年的河南贺秀兰；有坚守深山教学点12年的甘肃骆永刚。",
            "奋不顾身救起落水儿童的绩溪县长安镇村民柏德顺也在其中。",
            "“那几年最难，现在好多了。”詹国梁摇摇头说。",
            "庞慧芬不会上网，她说起往事：“我就是个普通人。”她笑着说。",
        ]);
        assert_eq!(
            names(&a),
            ["贺秀兰", "骆永刚", "柏德顺", "詹国梁", "庞慧芬"]
        );
        assert_eq!(a.profiles[2].role.as_deref(), Some("绩溪县长安镇村民"));
    }

    #[test]
    fn a_caption_sentence_gives_the_noun_after_its_de_and_a_quoted_event_name_is_no_quote() {
        let a = run(&[
            "縣長林大同表揚82歲的志工邱美蘭。（記者王小明攝）",
            "縣府今天舉辦「年度志願服務聯合表揚」活動，82歲的邱美蘭長期照顧獨居老人。",
            "邱美蘭表示，「陪伴是最重要的。」",
        ]);
        assert_eq!(names(&a), ["邱美蘭"]);
        assert_eq!(a.profiles[0].role.as_deref(), Some("志工"));
        let quotes: Vec<&str> = a.profiles[0]
            .quotes
            .iter()
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(quotes, ["陪伴是最重要的。"]);
    }

    #[test]
    fn a_street_vox_pop_and_a_councillor_with_a_section_of_his_own() {
        let a = run(&[
            "市民蔡太表示，街上仍然有部分市民佩戴口罩。",
            "遊客周小姐指，既然復常就不需再戴口罩。",
        ]);
        assert_eq!(names(&a), ["蔡太", "周小姐"]);
        let a = run(&[
            "端傳媒記者走訪了十多名辭職議員。",
            "梁啟聰：街坊的「道別飯」",
            "在沙田區議員梁啟聰的辦事處內，牆上掛滿了相片。即將告別區議會，梁啟聰說近日有不少街坊前來道別。",
            "2020年上任區議員，梁啟聰很喜歡這裏的人情味。",
        ]);
        assert_eq!(names(&a), ["梁啟聰"]);
    }

    #[test]
    fn a_roster_of_names_with_descriptions() {
        // An award list: names (one the tagger splits), a space, what they did.
        let a = run(&[
            "好人榜名单",
            "钱秀梅 12年照顾瘫痪邻居的社区志愿者",
            "蒋立军、牛新春、韦德林 合力冰河救人不留名的三位英雄",
        ]);
        assert_eq!(names(&a), ["钱秀梅", "蒋立军", "牛新春", "韦德林"]);
        let roles: Vec<Option<&str>> = a.profiles.iter().map(|p| p.role.as_deref()).collect();
        assert_eq!(
            roles,
            [Some("社区志愿者"), Some("英雄"), Some("英雄"), Some("英雄")]
        );
    }

    #[test]
    fn a_count_of_the_group_is_nobody_s_figure() {
        let a = run(&[
            "本月共有9人上榜。9人中，有守护社区12年的民警贺秀兰，有照顾邻居老人8年的退休教师骆永刚。",
        ]);
        assert_eq!(names(&a), ["贺秀兰", "骆永刚"]);
        let figures = |i: usize| -> Vec<&str> {
            a.profiles[i]
                .stats
                .iter()
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(figures(0), ["12年"]);
        assert_eq!(figures(1), ["8年"]);
    }

    #[test]
    fn an_expert_honoured_in_a_list_an_elder_cut_by_the_tagger_and_a_latin_name() {
        let a = run(&[
            "本月上榜的好人有：江苏南通，退伍军人蒋立平跳入河中救起两名落水儿童；\
             浙江丽水，农科院研究员陈一鸣一心为农，将生命投身于乡村振兴；\
             四川绵阳，消防队长许俊峰在灭火救援中冲在前面。",
        ]);
        assert!(names(&a).contains(&"陈一鸣"), "{:?}", names(&a));
        let a = run(&["几十年如一日守护山村的柳晚增老人退休不退岗，他说：“我要守好小卖铺。”"]);
        assert_eq!(names(&a), ["柳晚增"]);
        let a = run(&["從事保險業的Kevin質疑獎勵的成效，他說：「養小朋友這麼多錢，不敢生。」"]);
        assert_eq!(names(&a), ["Kevin"]);
        let a = run(&["旅程第十天，來到斯里蘭卡的Kandy，在巴士上已經有濃厚的印度風情。"]);
        assert!(names(&a).is_empty(), "{:?}", names(&a));
    }

    #[test]
    fn a_standard_biography_gives_the_role_of_its_first_sentence() {
        let a = run(&[
            "501  龚翠屏",
            "龚翠屏，女，汉族，1970年3月生，甘肃省某县某乡某村村民。",
            "龚翠屏二十年如一日照顾瘫痪的婆婆。",
        ]);
        assert_eq!(names(&a), ["龚翠屏"]);
        assert_eq!(
            a.profiles[0].role.as_deref(),
            Some("甘肃省某县某乡某村村民")
        );
    }

    #[test]
    fn a_role_after_the_name_and_a_young_worker_called_by_surname() {
        // A teacher introduced by what she became, mentioned once; a courier called 小X by
        // his surname later (one person, not two).
        let a = run(&[
            "在城北的小学里，青年教师范晓云担任了8年班主任工作。",
            "大学毕业后钟米朵便回到了家乡某县某乡成为一名乡村教师，12年来她以学校为家。",
            "快递员贺长青负责五个小区的投送业务，每天跑上跑下。",
            "刚开始工作的时候，小贺经常因为打扰到客户休息被埋怨。",
        ]);
        assert_eq!(names(&a), ["范晓云", "钟米朵", "贺长青"]);
        assert!(a.profiles[2].aliases.contains(&"小贺".to_string()));
        // The role convention counts only a role before the name.
        assert_eq!(a.profiles[1].role, None);
    }

    #[test]
    fn dialogue_lines_and_a_quotation_broken_over_lines_are_no_headings() {
        let a = run(&[
            "1月22日，天还未亮，快递站已是灯火通明。",
            "“快点来，卸货！”",
            "“我的。”",
            "36岁的快递员贺长青拿着扫码机熟练地挑拣快递，他每天要配送100多单。",
            "“最近快递有不少是年货。”贺长青说。",
        ]);
        assert_eq!(names(&a), ["贺长青"]);
        assert_eq!(a.profiles[0].heading, None);
        let b = run(&[
            "“不为当英雄，",
            "但决不做逃兵！”",
            "急救中心的护士庞晓琴",
            "不幸被感染，痊愈出院第二天，28岁的庞晓琴选择重返一线。",
        ]);
        assert_eq!(names(&b), ["庞晓琴"]);
        assert_eq!(b.profiles[0].heading, None);
    }

    #[test]
    fn taiwanese_married_names_a_surname_with_an_honorific_and_a_mayor() {
        // Married names (husband's surname, her own, given name), cut by the tagger after
        // the two surnames; a mother called 邱女士 after 邱淑貞女士; a mayor who presents.
        let a = run(&[
            "綠島鄉88歲的馮鄭雅芬女士是今年度最高齡的模範母親。",
            "最高齡的馮鄭雅芬則因天候因素未到場領獎。",
            "另一位受獎人是力行里邱淑貞女士，先生因病過世後，邱女士獨自撫養3位子女。",
            "子女各自成家立業後，邱女士便投入志工服務23年。",
            "最年長則是84歲的唐林秋月阿嬤，獲選「毅力媽媽」。",
            "溫世明市長致詞表示，母親們令人感動。溫世明說，要感謝每一位媽媽。",
        ]);
        assert_eq!(names(&a), ["馮鄭雅芬", "邱淑貞", "唐林秋月"]);
        assert!(a.profiles[1].aliases.contains(&"邱女士".to_string()));
    }

    #[test]
    fn an_honouree_named_once_is_a_profile_and_help_received_is_no_honour() {
        let a = run(&[
            "刚踏上环卫小船的时候，罗美玲夫妻也没想到这份工作，一做就是18年。",
            "那一年，罗美玲33岁，皮肤还没那么黑。",
            "社会认可了他们：罗美玲获得了全国五一劳动奖章，邵春燕也被评为“二十佳城市美容师”。",
            "后来，唐立新获得了帮助，搬进了新家。",
        ]);
        assert_eq!(names(&a), ["罗美玲", "邵春燕"]);
    }

    #[test]
    fn latin_names_that_act_as_people_and_a_brand_that_does_not() {
        let a = run(&[
            "Vivian著急起来。公寓交给经纪放盘已经半年，看过的买家十几个，都没有回音。",
            "急性子的Vivian立刻约对方见面详谈，放下电话后终于松一口气。",
            "“这套房子能不能先不卖？”一直没出声的丈夫Marcus突然问。Vivian才发现，丈夫还是想留下。",
            "那天，还有一个中学好友Grace没来。为了移民，Grace刚刚辞去工作。",
            "Apple推出新手机，Apple的股价上涨，Apple在香港开了新店。",
        ]);
        assert_eq!(names(&a), ["Vivian", "Marcus", "Grace"]);
    }

    #[test]
    fn a_name_line_s_role_is_its_first_clause() {
        let a = run(&[
            "「移民，要耐得住寂寞」",
            "詹立文，燒臘店老闆，1969年來台",
            "詹立文早在學徒時期就領悟，習得一技之長，無論到哪都能安身。",
            "清晨6點半，詹立文拉開市場旁燒臘店的門，熱好火爐；從香港落腳台灣40多年。",
        ]);
        assert_eq!(names(&a), ["詹立文"]);
        assert_eq!(a.profiles[0].role.as_deref(), Some("燒臘店老闆"));
        assert_eq!(a.profiles[0].heading.as_deref(), Some("移民，要耐得住寂寞"));
    }

    #[test]
    fn an_age_right_after_the_name_a_this_introduction_and_a_publication_label() {
        let a = run(&[
            "《求是》韦立：",
            "今年81岁的钱仁超在1984年成为第一批内燃机车司机。他的儿子钱文55岁，目前也是机车司机。孙子钱勇伟31岁，在2017年成为电力机车司机。钱勇伟说，钢轨承载着家族的光荣。",
            "2020年初冬，我在某县见到了单冬梅。这位“85后”农村妇女，脸上却刻着超越年龄的风霜。",
        ]);
        assert_eq!(names(&a), ["钱仁超", "钱文", "钱勇伟", "单冬梅"]);
    }
}
