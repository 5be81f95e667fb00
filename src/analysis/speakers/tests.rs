//! Tests of the speaker rules on invented text.
use crate::article::ParagraphKind;

/// The quotes of the profile named `name` after analysing `ps` (invented text).
fn quotes_of(ps: &[&str], name: &str) -> Vec<String> {
    let ps: Vec<String> = ps.iter().map(|s| s.to_string()).collect();
    let a = crate::analysis::analyse(&ps, &vec![ParagraphKind::Text; ps.len()]);
    a.profiles
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} not profiled: {:?}", a.profiles))
        .quotes
        .iter()
        .map(|q| q.text.clone())
        .collect()
}

#[test]
fn the_sentence_subject_speaks_a_quote_without_a_tag() {
    // The subject opens the sentence; the clauses before the quote have none.
    let q = quotes_of(
        &[
            "52岁的护林员韩立新在山里守了二十年。韩立新放下背篓，他现在是村里的护林队长，笑起来露出一口白牙，“守山就是守家嘛”。",
        ],
        "韩立新",
    );
    assert_eq!(q, ["守山就是守家嘛"]);
}

#[test]
fn a_pronoun_stands_for_the_nearest_clause_subject_not_a_compared_name() {
    let q = quotes_of(
        &[
            "45岁的货车司机邵春林常年跑长途，每年有三百天在路上。",
            "37岁的邵春林比同乡邱德旺幸运得多。他已经攒够了首付。“明年就能搬进新房了。”他说。",
        ],
        "邵春林",
    );
    assert_eq!(q, ["明年就能搬进新房了。"]);
}

#[test]
fn a_speech_clause_without_a_name_takes_the_sentence_subject_but_not_a_kin_word() {
    let ps = [
        "退休教师苗淑兰今年六十八岁，在社区办了一个免费书屋。苗淑兰摘下眼镜，笑着说：“书是给孩子们的。”",
        "苗淑兰常梦见老伴，老伴还像从前一样，对她说：“好好活着。”",
    ];
    assert_eq!(quotes_of(&ps, "苗淑兰"), ["书是给孩子们的。"]);
}

#[test]
fn a_group_a_cited_text_and_an_inscription_are_nobody_s_speech() {
    let ps = [
        "志愿者骆永红今年五十岁，骆永红在车站服务了十年，她说：“能帮一个是一个。”",
        "骆永红和丈夫商量后，决定继续留下来，“再干十年”。墙上写着“微笑服务”，手机里是站长发来的短信：“辛苦了，谢谢你们！”",
    ];
    assert_eq!(quotes_of(&ps, "骆永红"), ["能帮一个是一个。"]);
}

#[test]
fn a_short_quote_is_speech_when_a_thought_verb_or_its_own_clause_gives_it_a_speaker() {
    let ps = [
        "38岁的快递员葛长青每天送三百多件包裹。葛长青感到“很踏实”，但在学员眼中，这个师傅“严得很”。",
    ];
    assert_eq!(quotes_of(&ps, "葛长青"), ["很踏实"]);
}

#[test]
fn a_quote_that_calls_its_listener_by_name_is_addressed_to_them() {
    let ps = [
        "在银行工作了三年的会计吴建军今年二十六岁，他说：“这份工作我很喜欢。”",
        "吴建军陪客户吃饭时，客户倒满一杯酒，“来小吴，干了。”",
    ];
    assert_eq!(quotes_of(&ps, "吴建军"), ["这份工作我很喜欢。"]);
}
