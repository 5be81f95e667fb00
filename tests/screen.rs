//! Whole-screen tests on ratatui's TestBackend: snapshots at 120x40 and 80x24 in both
//! scripts, key handling, and sizes down to 0x0.

use std::sync::Arc;

use qunxiang::tui::{Action, App, parse_keys, snapshot};
use qunxiang::{Converters, Input, Script};

fn app(script: Script) -> App {
    let c = Arc::new(Converters::new());
    let loaded = qunxiang::load(&Input::Bundled, Default::default(), &c).unwrap();
    App::new(loaded, c, script)
}

fn screen(script: Script, w: u16, h: u16, keys: &str) -> String {
    snapshot(&mut app(script), w, h, &parse_keys(keys).unwrap())
}

#[test]
fn snapshot_120x40_original() {
    let s = screen(Script::Original, 120, 40, "");
    for name in ["陳柯", "呂俊傑", "拜銳"] {
        assert!(s.contains(name));
    }
    assert!(s.contains("1/3 陳柯"));
    insta::assert_snapshot!(s);
}

#[test]
fn snapshot_120x40_simplified() {
    let s = screen(Script::Simplified, 120, 40, "");
    assert!(s.contains("吕俊杰") && !s.contains("呂俊傑"));
    insta::assert_snapshot!(s);
}

#[test]
fn snapshot_80x24_original_second_person() {
    let s = screen(Script::Original, 80, 24, "j");
    assert!(s.contains("2/3 呂俊傑"));
    assert!(s.contains("1597戶"));
    insta::assert_snapshot!(s);
}

#[test]
fn snapshot_80x24_simplified_quotes_tab() {
    let s = screen(Script::Simplified, 80, 24, "j<Tab><Tab><Tab>");
    assert!(s.contains("从腊月二十九到现在"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn snapshot_help_overlay() {
    let s = screen(Script::Original, 100, 30, "?");
    for k in [
        "S-Tab h ←",
        "1-9",
        "PgUp b C-b",
        "d C-d",
        "g Home",
        "G End",
        "t ",
        "Ctrl-c",
    ] {
        assert!(s.contains(k), "help lacks {k}");
    }
    insta::assert_snapshot!(s);
    // The mouse is listed after the keys.
    let end = screen(Script::Original, 100, 30, "?G");
    assert!(
        end.contains("mouse") && end.contains("the wheel scrolls"),
        "{end}"
    );
}

#[test]
fn t_twice_shows_the_original_again() {
    let original = screen(Script::Original, 100, 30, "j");
    let toggled = screen(Script::Original, 100, 30, "jt");
    assert!(toggled.contains("吕俊杰") && toggled.contains("简体"));
    assert!(!toggled.contains("呂俊傑"));
    assert_eq!(screen(Script::Original, 100, 30, "jtt"), original);
    // And the article held by the app is the original, byte for byte.
    let mut a = app(Script::Original);
    let before: qunxiang::Article = (*a.original).clone();
    snapshot(&mut a, 100, 30, &parse_keys("tt").unwrap());
    assert_eq!(a.article(), &before);
}

#[test]
fn at_100x30_the_first_screen_and_moving_down() {
    let s = screen(Script::Original, 100, 30, "");
    for name in ["陳柯", "呂俊傑", "拜銳"] {
        assert!(s.contains(name));
    }
    let s = screen(Script::Original, 100, 30, "j");
    assert!(s.contains("七八十戶") || s.contains("35歲"), "{s}");
    let s = screen(Script::Original, 100, 30, "j<Tab><Tab><Tab>");
    assert!(s.contains("從臘月二十九到現在"), "{s}");
}

#[test]
fn keys_move_focus_jump_and_scroll() {
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &parse_keys("3").unwrap());
    assert_eq!(a.selected, 2);
    snapshot(&mut a, 120, 40, &parse_keys("9gG").unwrap());
    assert_eq!(a.selected, 2, "9 is out of range; G goes to the last");
    snapshot(&mut a, 120, 40, &parse_keys("<S-Tab>").unwrap());
    assert_eq!(a.focus, qunxiang::tui::Pane::Text);
    let s = snapshot(&mut a, 120, 40, &parse_keys("G").unwrap());
    assert!(
        s.contains("因為睡眠少") || s.contains("堅持到底。"),
        "the end of the section is reachable:\n{s}"
    );
    assert!(a.scroll_of(qunxiang::tui::Pane::Text).offset.get() > 0);
    snapshot(&mut a, 120, 40, &parse_keys("q").unwrap());
    assert!(a.quit);
}

#[test]
fn tiny_sizes_never_panic_and_say_too_small() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 10),
        (80, 0),
        (80, 1),
        (39, 24),
        (40, 9),
        (40, 10),
        (40, 12),
        (60, 20),
    ] {
        let s = screen(Script::Original, w, h, "jt?<Tab>G");
        if w >= 40 && h >= 10 {
            assert!(!s.contains("too small"), "{w}x{h}");
        }
        if (w, h) == (39, 24) {
            assert!(s.contains("Terminal too small"), "{s}");
        }
    }
}

#[test]
fn at_80x24_everything_is_reachable() {
    // Text, figures and quotes each get the pane by Tab; each one scrolls to its end.
    for (keys, needle) in [
        ("3<Tab>G", "因為睡眠少"),
        ("3<Tab><Tab>G", "100多個"),
        ("3<Tab><Tab><Tab>G", "我都會堅持到底"),
    ] {
        let s = screen(Script::Original, 80, 24, keys);
        assert!(s.contains(needle), "{keys}: {s}");
    }
}

#[test]
fn help_wraps_and_scrolls_on_a_small_terminal() {
    let top = screen(Script::Original, 45, 12, "?");
    assert!(
        top.contains("previous person") && !top.contains("Ctrl-z"),
        "{top}"
    );
    let bottom = screen(Script::Original, 45, 12, "?G");
    assert!(
        bottom.contains("Ctrl-z") && bottom.contains("closes it"),
        "{bottom}"
    );
    // Esc closes the help without quitting, and so does q (as in less and man).
    let mut a = app(Script::Original);
    snapshot(&mut a, 45, 12, &parse_keys("?<Esc>").unwrap());
    assert!(!a.help && !a.quit);
    snapshot(&mut a, 45, 12, &parse_keys("?q").unwrap());
    assert!(!a.help && !a.quit);
    // Ctrl-c quits from the help.
    snapshot(&mut a, 45, 12, &parse_keys("?<C-c>").unwrap());
    assert!(a.quit);
}

#[test]
fn narrow_shows_one_pane_titled_with_the_person() {
    let s = screen(Script::Original, 70, 20, "j<Tab><Tab>");
    assert!(s.contains("Figures 11 · 呂俊傑"), "{s}");
    assert!(!s.contains("Who"));
}

#[test]
fn page_keys_with_the_list_focused_scroll_the_pane_shown() {
    // Medium layout: the Figures tab is shown beside the list; PgDn scrolls it.
    let mut a = app(Script::Original);
    let s = snapshot(
        &mut a,
        90,
        16,
        &parse_keys("j<Tab><Tab><Esc><PgDn>").unwrap(),
    );
    assert_eq!(a.focus, qunxiang::tui::Pane::People);
    assert!(
        a.scroll_of(qunxiang::tui::Pane::Figures).offset.get() > 0,
        "{s}"
    );
    assert!(s.contains("七八十戶") && !s.contains("35歲"), "{s}");
    assert_eq!(a.scroll_of(qunxiang::tui::Pane::Text).offset.get(), 0);
    // Wide layout: the text is beside the list; PgDn scrolls the text.
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &parse_keys("<PgDn>").unwrap());
    assert!(a.scroll_of(qunxiang::tui::Pane::Text).offset.get() > 0);
}

#[test]
fn search_ignores_the_script() {
    // A simplified query finds traditional text, and the reverse.
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 120, 40, &parse_keys("/吕俊杰<Enter>").unwrap());
    let hits = a.search.as_ref().unwrap().hits.len();
    assert!(hits >= 10, "{hits}");
    assert!(s.contains(&format!("match 1/{hits} 吕俊杰")), "{s}");
    assert_eq!(a.selected, 1, "the first match is 呂俊傑's");
    let mut b = app(Script::Simplified);
    snapshot(&mut b, 120, 40, &parse_keys("/呂俊傑<Enter>").unwrap());
    assert_eq!(b.search.as_ref().unwrap().hits.len(), hits);
    // 髮炎 (as the article writes it) is found as 发炎.
    let mut c = app(Script::Original);
    snapshot(&mut c, 120, 40, &parse_keys("/发炎<Enter>").unwrap());
    let h = &c.search.as_ref().unwrap().hits;
    assert_eq!(h.len(), 1);
    let paragraph = &c.article().paragraphs[h[0].paragraph.unwrap()];
    assert_eq!(&paragraph[c.hit_bytes(&h[0])], "髮炎");
}

#[test]
fn n_and_shift_n_move_between_matches_and_scroll_the_text() {
    let mut a = app(Script::Original);
    snapshot(&mut a, 100, 30, &parse_keys("/24小時<Enter>").unwrap());
    let s = a.search.clone().unwrap();
    assert_eq!(s.hits.len(), 3, "one in each profile");
    assert_eq!(a.selected, 0);
    let screen = snapshot(&mut a, 100, 30, &parse_keys("n").unwrap());
    assert_eq!((a.selected, a.search.as_ref().unwrap().current), (1, 1));
    assert!(screen.contains("match 2/3"));
    snapshot(&mut a, 100, 30, &parse_keys("n").unwrap());
    assert_eq!(a.selected, 2);
    let screen = snapshot(&mut a, 100, 30, &parse_keys("").unwrap());
    assert!(
        screen.contains("所有小區樓棟裡"),
        "the match is scrolled into view:\n{screen}"
    );
    snapshot(&mut a, 100, 30, &parse_keys("N").unwrap());
    assert_eq!(a.selected, 1);
    // Esc clears the search; Esc never quits.
    snapshot(&mut a, 100, 30, &parse_keys("<Esc><Esc><Esc>").unwrap());
    assert!(a.search.is_none() && !a.quit);
    let screen = snapshot(&mut a, 100, 30, &parse_keys("/沒有這個詞<Enter>").unwrap());
    assert!(screen.contains("no match for 沒有這個詞"), "{screen}");
}

#[test]
fn enter_on_a_figure_or_quote_jumps_to_it_in_the_text() {
    let mut a = app(Script::Original);
    // 拜銳's last figure, 24小時, stands in paragraph 8 of 10.
    let s = snapshot(&mut a, 120, 40, &parse_keys("3<Tab>G<Enter>").unwrap());
    assert_eq!(a.focus, qunxiang::tui::Pane::Text);
    let (paragraph, range) = a.mark.clone().unwrap();
    assert!(a.profile().unwrap().paragraphs.contains(&paragraph));
    assert_eq!(&a.article().paragraphs[paragraph][range], "24小時");
    assert!(a.scroll_of(qunxiang::tui::Pane::Text).offset.get() > 0);
    assert!(s.contains("24小時不關機"), "{s}");
    // The last quote of 陳柯.
    let mut b = app(Script::Original);
    snapshot(
        &mut b,
        80,
        24,
        &parse_keys("<Tab><Tab><Tab>G<Enter>").unwrap(),
    );
    let (paragraph, range) = b.mark.clone().unwrap();
    assert!(b.article().paragraphs[paragraph][range].starts_with("10歲的兒子"));
}

#[test]
fn the_mouse_selects_people_tabs_and_panes_and_scrolls() {
    use qunxiang::tui::Action;
    use qunxiang::tui::keymap::{Mouse, MouseKind};
    let click = |column, row| {
        Action::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        })
    };
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &[]);
    // The people list starts at row 1 with its border; row 4 is the third person.
    a.update(click(5, 4));
    assert_eq!((a.selected, a.focus), (2, qunxiang::tui::Pane::People));
    // A click in the text pane (right column) focuses it; the wheel scrolls it.
    a.update(click(100, 20));
    assert_eq!(a.focus, qunxiang::tui::Pane::Text);
    snapshot(&mut a, 120, 40, &[]);
    a.update(Action::Mouse(Mouse {
        kind: MouseKind::WheelDown,
        column: 100,
        row: 20,
    }));
    assert_eq!(a.scroll_of(qunxiang::tui::Pane::Text).offset.get(), 3);
    // Medium layout: the tab bar's "Quotes" tab.
    let mut b = app(Script::Original);
    let s = snapshot(&mut b, 90, 24, &[]);
    let row = s
        .lines()
        .position(|l| l.contains("Figures │ Quotes"))
        .unwrap() as u16;
    let col = s
        .lines()
        .nth(row as usize)
        .unwrap()
        .chars()
        .take_while(|&c| c != 'Q')
        .count() as u16;
    b.update(click(col, row));
    assert_eq!(b.detail_tab, qunxiang::tui::Pane::Quotes);
}

#[test]
fn monochrome_theme_has_no_colours() {
    use ratatui::{Terminal, backend::TestBackend, style::Color};
    let a = app(Script::Original);
    qunxiang::tui::panes::theme::set_monochrome(true);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let frame = t.draw(|f| qunxiang::tui::ui::draw(f, &a)).unwrap();
    let coloured = frame
        .buffer
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count();
    qunxiang::tui::panes::theme::set_monochrome(false);
    assert_eq!(coloured, 0);
    // The theme is chosen once at start: a reader keeps its styled lines, so a new one.
    let a = app(Script::Original);
    let frame = t.draw(|f| qunxiang::tui::ui::draw(f, &a)).unwrap();
    assert!(
        frame.buffer.content().iter().any(|c| c.fg == Color::Yellow),
        "figures are yellow by default"
    );
}

#[test]
fn the_article_view_reads_the_whole_article_at_the_selected_person() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 100, 30, &parse_keys("3a").unwrap());
    assert!(s.contains("Article"));
    assert!(
        s.contains("十二師駐一〇四團西城西社區“訪惠聚”工作隊隊長、第一書記拜銳"),
        "{s}"
    );
    let end = snapshot(&mut a, 100, 30, &parse_keys("G").unwrap());
    assert!(
        end.contains("十二師基層黨員幹部你們都是好樣的!"),
        "the closing is at the end:\n{end}"
    );
    let top = snapshot(&mut a, 100, 30, &parse_keys("g").unwrap());
    assert!(
        top.contains("(記者:馮曉玲)") || top.contains("記者:馮曉玲"),
        "{top}"
    );
    assert!(
        top.contains("“我志願加入中國共產黨"),
        "the lead opens the article view:\n{top}"
    );
    snapshot(&mut a, 100, 30, &parse_keys("a").unwrap());
    assert_eq!(a.view, qunxiang::tui::app::ViewKind::Profiles);
}

#[test]
fn the_article_view_follows_a_toggle_made_while_it_is_open() {
    // Its wrapped lines are kept between frames; a toggle must not leave the old ones.
    let mut a = app(Script::Original);
    let before = snapshot(&mut a, 100, 30, &parse_keys("a").unwrap());
    assert!(before.contains("記者:馮曉玲"), "{before}");
    let after = snapshot(&mut a, 100, 30, &parse_keys("t").unwrap());
    assert!(after.contains("记者:冯晓玲"), "{after}");
    assert!(!after.contains("馮曉玲"), "{after}");
    let back = snapshot(&mut a, 100, 30, &parse_keys("t").unwrap());
    assert_eq!(back, before);
}

#[test]
fn y_copies_the_selected_quote_or_figure() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 100, 30, &parse_keys("<Tab><Tab><Tab>jy").unwrap());
    assert_eq!(
        a.clipboard.as_deref(),
        Some(
            "疫情來勢洶洶,雖然我沒有這方面的經驗,但社區是抗擊疫情的第一道防線,黨員幹部必須衝在前面,守護好家園。"
        )
    );
    assert!(s.contains("copied to the clipboard"), "{s}");
    let mut b = app(Script::Simplified);
    snapshot(&mut b, 100, 30, &parse_keys("<Tab><Tab>y").unwrap());
    assert_eq!(
        b.clipboard.as_deref(),
        Some("100多名  100多名老党员、社区居民纷纷报名参加成为志愿者")
    );
}

/// One profile, 李明, with two quotes: `short` and `long` characters of 话 (3 bytes each).
fn quotes_json(short: usize, long: usize) -> String {
    let (a, b) = ("话".repeat(short), "话".repeat(long));
    format!(
        r#"{{"headline":"标题","byline":null,"script":"simplified","paragraphs":["李明说：“{a}”","李明说：“{b}”"],
        "profiles":[{{"name":"李明","paragraphs":[0,1],"stats":[],
          "quotes":[{{"text":"{a}","paragraph":0,"offset":4}},{{"text":"{b}","paragraph":1,"offset":4}}]}}]}}"#
    )
}

#[test]
fn y_refuses_a_copy_longer_than_terminals_take_and_says_so() {
    // 24,998 characters are 74,994 bytes: exactly the limit. One more is over it.
    let json = quotes_json(24_998, 24_999);
    let c = Arc::new(Converters::new());
    let load = || {
        qunxiang::load_bytes(
            json.as_bytes(),
            "q.json".into(),
            Some("json"),
            Default::default(),
            &c,
        )
        .unwrap()
    };
    let mut a = App::new(load(), c.clone(), Script::Original);
    let s = snapshot(&mut a, 200, 30, &parse_keys("<Tab><Tab>y").unwrap());
    assert_eq!(a.clipboard.as_ref().map(|t| t.len()), Some(74_994));
    assert!(s.contains("copied to the clipboard"), "{s}");
    let mut b = App::new(load(), c.clone(), Script::Original);
    let s = snapshot(&mut b, 200, 30, &parse_keys("<Tab><Tab>jy").unwrap());
    assert_eq!(b.clipboard, None);
    assert!(
        s.contains("not copied: too long for the terminal's clipboard (74997 bytes, at most 74994 through OSC 52)"),
        "{s}"
    );
    assert_eq!(qunxiang::tui::app::osc52_len(&"话".repeat(24_998)), 100_000);
}

#[test]
fn a_paragraph_with_twenty_thousand_figures_draws_marks_and_toggles() {
    let json = qunxiang::testing::many_figures_json(20_000);
    let c = Arc::new(Converters::new());
    let loaded = qunxiang::load_bytes(
        json.as_bytes(),
        "f.json".into(),
        Some("json"),
        Default::default(),
        &c,
    )
    .unwrap();
    assert_eq!(loaded.article.profiles[0].stats.len(), 20_000);
    let mut a = App::new(loaded, c, Script::Original);
    let s = snapshot(&mut a, 120, 40, &parse_keys("<Tab>jj").unwrap());
    assert!(s.contains("Figures 20000"), "{s}");
    assert!(s.contains("养了2头牛，养了3头牛"), "{s}");
    // The third figure is selected; the list shows the items around it.
    assert!(s.contains("4头  养了4头牛"), "{s}");
    // Every figure on screen in the text is marked (yellow), none off by a character.
    use ratatui::{Terminal, backend::TestBackend, style::Color};
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let frame = t.draw(|f| qunxiang::tui::ui::draw(f, &a)).unwrap();
    let buf = frame.buffer;
    let text_pane = qunxiang::tui::buffer_text(buf)
        .lines()
        .position(|l| l.contains("养了2头牛"))
        .map(|y| y as u16);
    let y = text_pane.expect("the text pane shows the figures' paragraph");
    let row: Vec<(&str, bool)> = (60..120u16)
        .map(|x| (buf[(x, y)].symbol(), buf[(x, y)].fg == Color::Yellow))
        .filter(|(s, _)| !s.trim().is_empty())
        .collect();
    // 2头, 3头, 4头 and 5头 at least.
    assert!(row.iter().filter(|(_, y)| *y).count() >= 8, "{row:?}");
    for (sym, yellow) in &row {
        let digit_or_unit = sym.chars().all(|c| c.is_ascii_digit()) || *sym == "头";
        assert_eq!(digit_or_unit, *yellow, "{sym} in {row:?}");
    }
    // t converts the figures with the text; a second t shows the original again.
    let s = snapshot(&mut a, 120, 40, &parse_keys("t").unwrap());
    assert!(s.contains("養了2頭牛"), "{s}");
    // Only the figures the pane can show are converted: around the first item shown and
    // the selected one (a screen and ten more either way) and the last screen.
    let converted = |a: &App| -> Vec<usize> {
        let stats = &a.profile().unwrap().stats;
        (0..stats.len())
            .filter(|&k| stats[k].context.contains('頭'))
            .collect()
    };
    // The pane is 15 rows high: 25 items either way, and the last 25.
    assert_eq!(a.scroll_of(qunxiang::tui::Pane::Figures).height.get(), 15);
    let first: Vec<usize> = (0..50).collect();
    assert_eq!(
        converted(&a),
        [&first[..], &(19_975..20_000).collect::<Vec<_>>()].concat()
    );
    // G selects the last figure: the 25 before it too; the list shows them converted.
    let s = snapshot(&mut a, 120, 40, &parse_keys("G").unwrap());
    assert_eq!(a.items[0], 19_999);
    // The last figure is the 20,000th: 19,999 % 97 + 2 = 19 head of cattle.
    assert!(s.contains("│19頭  養了19頭牛"), "{s}");
    assert!(
        !s.contains('头'),
        "every figure item on screen is converted: {s}"
    );
    assert_eq!(
        converted(&a),
        [&first[..], &(19_974..20_000).collect::<Vec<_>>()].concat()
    );
    // The next key converts around the first item the frame showed (19,985) too.
    let s = snapshot(&mut a, 120, 40, &parse_keys("k").unwrap());
    assert!(
        !s.contains('头'),
        "every figure item on screen is converted: {s}"
    );
    assert_eq!(a.figures_shown.get(), 19_985);
    assert_eq!(
        converted(&a),
        [&first[..], &(19_960..20_000).collect::<Vec<_>>()].concat()
    );
    let s = snapshot(&mut a, 120, 40, &parse_keys("t").unwrap());
    assert!(s.contains("养了2头牛"), "{s}");
}

#[test]
fn a_very_long_line_shows_converted_wherever_the_article_view_stands() {
    // 2 MB in one line: about 230 paragraphs of 3,000 chars, each dozens of lines long.
    let text = qunxiang::testing::single_line(2_000_000);
    let c = Arc::new(Converters::new());
    let options = qunxiang::LoadOptions {
        defer_analysis: true,
        ..Default::default()
    };
    let loaded =
        qunxiang::load_bytes(text.as_bytes(), "l.txt".into(), Some("txt"), options, &c).unwrap();
    assert!(loaded.article.paragraphs.len() > 200);
    let mut a = App::new(loaded, c, Script::Original);
    for keys in ["t", "G", "<PgUp><PgUp><PgUp>", "g", "<PgDn><PgDn>"] {
        let s = snapshot(&mut a, 120, 40, &parse_keys(keys).unwrap());
        assert!(
            s.contains("天氣很好") && !s.contains("天气"),
            "{keys}:\n{s}"
        );
    }
}

#[test]
fn search_marks_matches_in_the_lists_too() {
    use ratatui::style::Modifier;
    use ratatui::{Terminal, backend::TestBackend};
    // A simplified query on the traditional article marks 社區 in the figures pane.
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &parse_keys("/社区<Enter>").unwrap());
    let s = a.search.as_ref().unwrap();
    assert!(s.terms.contains(&"社區".to_string()), "{:?}", s.terms);
    assert_eq!(s.ranges_in("16名社區幹部中有5名黨員"), vec![5..11]);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let frame = t.draw(|f| qunxiang::tui::ui::draw(f, &a)).unwrap();
    let buf = frame.buffer;
    // Find 社 in the figures pane (left of the text pane, below the Who box) and check its style.
    let marked = (0..40u16)
        .flat_map(|y| (24..70u16).map(move |x| (x, y)))
        .any(|(x, y)| {
            buf[(x, y)].symbol() == "社" && buf[(x, y)].modifier.contains(Modifier::REVERSED)
        });
    assert!(marked, "a match in the figures pane is reversed");
}

#[test]
fn the_compare_view_aligns_original_and_conversion() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 100, 20, &parse_keys("2c").unwrap());
    let row = s
        .lines()
        .find(|l| l.contains("我們是黨員,就要衝在最前面!”"))
        .expect("original paragraph");
    assert!(
        row.contains("我们是党员,就要冲在最前面!”"),
        "converted beside it:\n{s}"
    );
    assert!(s.contains("Original · 台灣正體") && s.contains("简体 (c: back)"));
    // j scrolls both columns together; 3 goes to the third person's text.
    let (seg, line) = a.compare_pos.get();
    let down = snapshot(&mut a, 100, 20, &parse_keys("jjjj").unwrap());
    let w = a.compare_scroll.width.get();
    let lines = |k| qunxiang::tui::panes::compare::segment(&a, k, w).0.len() as isize;
    // Four lines down from where it stood, counted across the segments passed.
    let (seg2, line2) = a.compare_pos.get();
    assert_eq!(
        (seg..seg2).map(lines).sum::<isize>() + line2 - line,
        4,
        "{:?} → {:?}",
        (seg, line),
        (seg2, line2)
    );
    assert!(
        !down.contains("西山農牧場工業園") && down.contains("我們是黨員,就要衝在最前面!”"),
        "{down}"
    );
    let third = snapshot(&mut a, 100, 20, &parse_keys("3").unwrap());
    assert!(
        third.contains("戴著白口罩") && third.contains("3/3"),
        "{third}"
    );
    snapshot(&mut a, 100, 20, &parse_keys("c").unwrap());
    assert_eq!(a.view, qunxiang::tui::app::ViewKind::Profiles);
}

/// Every view at every size of issue 5, in two scripts: the screens are reviewed snapshots,
/// and none may panic or cut a pane's border.
#[test]
fn snapshots_of_each_view_at_each_size() {
    for (w, h) in [(120, 40), (100, 30), (80, 24), (60, 20), (40, 12)] {
        for script in [Script::Original, Script::Simplified] {
            for (view, keys) in [
                ("profiles", "j"),
                ("article", "ja"),
                ("compare", "jc"),
                ("help", "?"),
            ] {
                let s = screen(script, w, h, keys);
                for line in s.lines() {
                    assert!(display_width(line) <= w as usize, "{view} {w}x{h}: {line}");
                }
                let name = format!("view_{view}_{w}x{h}_{script:?}").to_lowercase();
                insta::assert_snapshot!(name, s);
            }
        }
    }
}

fn display_width(s: &str) -> usize {
    qunxiang::text::wrap::display_width(s)
}

#[test]
fn the_article_view_scrolls_line_by_line_across_sections_and_stops_at_both_ends() {
    use qunxiang::tui::panes::article::{segment, segment_count, visible};
    let mut a = app(Script::Original);
    a.update(Action::ToggleView);
    a.update(Action::Top);
    let (w, h) = (60, 12);
    // The whole article, wrapped in one piece, written out for comparison.
    let full: Vec<String> = (0..segment_count(&a))
        .flat_map(|s| segment(&a, s, w))
        .map(|l| l.to_string())
        .collect();
    assert!(full.len() > 3 * h, "{} lines", full.len());
    let last = full.len() - h;
    let shown =
        |a: &App| -> Vec<String> { visible(a, w, h).iter().map(|l| l.to_string()).collect() };
    assert_eq!(shown(&a), full[..h]);
    // One line at a time, past the end: always the next window, then the last one.
    for i in 1..=last + 3 {
        a.update(Action::Down);
        let top = i.min(last);
        assert_eq!(shown(&a), full[top..top + h], "after {i} lines down");
    }
    // A page up from the end, then back up past the start.
    a.update(Action::PageUp);
    assert_eq!(shown(&a), full[last - (h - 1)..last + 1]);
    for _ in 0..last + 3 {
        a.update(Action::Up);
    }
    assert_eq!(shown(&a), full[..h]);
    a.update(Action::Bottom);
    assert_eq!(shown(&a), full[last..]);
    // A digit jumps to that person's first paragraph, marked with the bar, at the top.
    a.update(Action::Jump(1));
    let top = shown(&a);
    let first = a.people[1].paragraphs[0];
    let start: String = a.original.paragraphs[first].chars().take(8).collect();
    assert!(top[0].starts_with(&format!("┃ {start}")), "{top:?}");
    assert!(top.iter().any(|l| l.contains("呂俊傑")), "{top:?}");
}

#[test]
fn leaving_the_compare_view_goes_back_to_the_script_it_started_from() {
    let mut a = app(Script::Original);
    snapshot(&mut a, 100, 30, &parse_keys("c").unwrap());
    assert_eq!(a.script, Script::Simplified);
    let back = snapshot(&mut a, 100, 30, &parse_keys("c").unwrap());
    assert_eq!(a.script, Script::Original);
    assert!(back.contains("呂俊傑") || back.contains("陳柯"), "{back}");
    // Tab leaves it too; a toggle inside it is the user's choice and stays.
    snapshot(&mut a, 100, 30, &parse_keys("c<Tab>").unwrap());
    assert_eq!(a.script, Script::Original);
    snapshot(&mut a, 100, 30, &parse_keys("cTc").unwrap());
    assert_eq!(a.script, Script::Traditional);
}

#[test]
fn n_after_a_search_without_matches_says_so_once() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 120, 40, &parse_keys("/xyz<Enter>n").unwrap());
    assert_eq!(s.matches("no match for xyz").count(), 1, "{s}");
}

#[test]
fn the_article_view_marks_the_selected_person_and_leaving_it_goes_on_with_what_was_read() {
    let mut a = app(Script::Original);
    // The first line of person `k`'s first paragraph, with the bar.
    let barred = |a: &App, k: usize| {
        let first = a.people[k].paragraphs[0];
        let start: String = a.original.paragraphs[first].chars().take(8).collect();
        format!("┃ {start}")
    };
    let first = snapshot(&mut a, 100, 30, &parse_keys("a").unwrap());
    assert!(first.contains(" 1/3 陳柯 │"), "{first}");
    assert!(first.contains(&barred(&a, 0)), "{first}");
    // A digit selects the person there: the bar moves to their paragraphs.
    let third = snapshot(&mut a, 100, 30, &parse_keys("3").unwrap());
    assert!(third.contains(" 3/3 拜銳 │"), "{third}");
    assert!(third.contains(&barred(&a, 2)), "{third}");
    assert!(!third.contains(&barred(&a, 0)), "{third}");
    // Scrolled to where a paragraph about 呂俊傑 (and not 拜銳) is on top, leaving selects him.
    snapshot(&mut a, 100, 30, &parse_keys("g").unwrap());
    for _ in 0..300 {
        let (top, _) = a.article_shown.get();
        let i = top.saturating_sub(1);
        if top > 0 && a.index.owners_of(i).first() == Some(&1) {
            break;
        }
        snapshot(&mut a, 100, 30, &parse_keys("j").unwrap());
    }
    let second = snapshot(&mut a, 100, 30, &parse_keys("a").unwrap());
    assert_eq!(a.view, qunxiang::tui::app::ViewKind::Profiles);
    assert_eq!(a.selected, 1, "{second}");
    // With the selected person on screen, leaving keeps them.
    snapshot(&mut a, 100, 30, &parse_keys("aa").unwrap());
    assert_eq!(a.selected, 1);
}

/// A text in which no person is found.
const NO_PEOPLE: &str = "社区里的一天\n\n清晨六点，社区的广场上已经有人在锻炼。\n\n中午，食堂里坐满了老人。\n\n傍晚，路灯一盏盏亮起来。\n";

fn app_of(text: &str, script: Script) -> App {
    let c = Arc::new(Converters::new());
    let loaded = qunxiang::load_bytes(
        text.as_bytes(),
        "text".into(),
        Some("txt"),
        Default::default(),
        &c,
    )
    .unwrap();
    App::new(loaded, c, script)
}

#[test]
fn a_text_without_people_opens_in_the_article_view_with_a_notice() {
    let mut a = app_of(NO_PEOPLE, Script::Original);
    assert!(a.people.is_empty());
    assert_eq!(a.view, qunxiang::tui::app::ViewKind::Article);
    let s = snapshot(&mut a, 80, 24, &[]);
    assert!(s.contains("no people found — showing the article"), "{s}");
    assert!(s.contains("清晨六点") && s.contains("傍晚"), "{s}");
    insta::assert_snapshot!(s);
    // The panes have nothing to show: a and Tab stay in the article view, t converts it.
    let s = snapshot(&mut a, 80, 24, &parse_keys("a<Tab>t").unwrap());
    assert_eq!(a.view, qunxiang::tui::app::ViewKind::Article);
    assert!(s.contains("清晨六點"), "{s}");
    // Search finds the text there; the compare view compares the whole text.
    let s = snapshot(&mut a, 80, 24, &parse_keys("/路灯<Enter>").unwrap());
    assert!(s.contains("match 1/1"), "{s}");
    let s = snapshot(&mut a, 80, 24, &parse_keys("c").unwrap());
    assert!(s.contains("清晨六点") && s.contains("清晨六點"), "{s}");
    snapshot(&mut a, 80, 24, &parse_keys("c").unwrap());
    assert_eq!(a.view, qunxiang::tui::app::ViewKind::Article);
    for (w, h) in [(120, 40), (40, 12)] {
        let s = snapshot(&mut app_of(NO_PEOPLE, Script::Simplified), w, h, &[]);
        assert!(s.contains("no people found"), "{w}x{h}: {s}");
        insta::assert_snapshot!(format!("no_people_{w}x{h}"), s);
    }
}

/// An article whose one person's paragraphs are not contiguous (1, 2, then 5), with a
/// figure, a quote and mentions, given as the reader's JSON.
const SPREAD: &str = r#"{"headline":"两位邻居","byline":null,"script":"simplified",
  "paragraphs":["开头一段讲小区。","“帮一把”","王芳今年52岁，她说：“我们都在。”","李明在另一栋楼。","李明说了很多。","后来，王芳又来了。"],
  "kinds":["text","heading","text","text","text","text"],
  "profiles":[
    {"name":"王芳","aliases":["芳姐"],"role":"楼长","heading":"帮一把","paragraphs":[1,2,5],
     "mentions":[{"paragraph":2,"start":0,"end":2},{"paragraph":5,"start":3,"end":5}],
     "stats":[{"text":"52岁","value":52,"unit":"岁","approx":false,"context":"王芳今年52岁","paragraph":2,"offset":4}],
     "quotes":[{"text":"我们都在。","paragraph":2,"offset":13}]},
    {"name":"李明","role":null,"heading":null,"paragraphs":[3,4],"sure":false,"stats":[],"quotes":[]}]}"#;

#[test]
fn a_person_whose_paragraphs_are_apart_shows_a_gap_line() {
    use qunxiang::tui::panes::text::{GAP, blocks};
    let mut a = app_of(SPREAD, Script::Original);
    let b = blocks(
        &a.article().paragraphs,
        &a.kinds,
        Some(&a.people[0].paragraphs),
    );
    let shown: Vec<Option<usize>> = b.iter().map(|b| b.paragraph).collect();
    assert_eq!(shown, [Some(1), Some(2), None, Some(5)]);
    assert_eq!(b[2].text, GAP);
    let s = snapshot(&mut a, 120, 40, &[]);
    let text_pane: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("帮一把") || l.contains('⋯'))
        .collect();
    assert!(s.contains('⋯'), "{s}");
    assert!(
        !s.contains("李明在另一栋楼"),
        "another person's paragraph is not in the text pane:\n{s}"
    );
    assert!(s.contains("王芳 · 芳姐") && s.contains("李明?"), "{s}");
    assert!(!text_pane.is_empty());
    insta::assert_snapshot!(s);
    // The mentions are underlined, the figure yellow, the quote cyan.
    use ratatui::style::{Color, Modifier};
    use ratatui::{Terminal, backend::TestBackend};
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let frame = t.draw(|f| qunxiang::tui::ui::draw(f, &a)).unwrap();
    let cells: Vec<(String, ratatui::style::Style)> = (0..40u16)
        .flat_map(|y| (70..120u16).map(move |x| (x, y)))
        .map(|(x, y)| {
            (
                frame.buffer[(x, y)].symbol().to_string(),
                frame.buffer[(x, y)].style(),
            )
        })
        .collect();
    let style_of = |c: &str| {
        cells
            .iter()
            .find(|(s, _)| s == c)
            .map(|(_, st)| *st)
            .unwrap()
    };
    assert!(style_of("芳").add_modifier.contains(Modifier::UNDERLINED));
    assert_eq!(style_of("5").fg, Some(Color::Yellow));
    assert_eq!(style_of("们").fg, Some(Color::Cyan));
    // In the article view the person's paragraphs have the bar, the others not.
    let s = snapshot(&mut a, 80, 24, &parse_keys("a").unwrap());
    assert!(
        s.contains("┃ 后来，王芳又来了。") && s.contains("  李明在另一栋楼。"),
        "{s}"
    );
    // The second person: the list says the analysis is not sure of them.
    let s = snapshot(&mut a, 80, 24, &parse_keys("a2").unwrap());
    assert!(s.contains("2 李明?"), "{s}");
}

#[test]
fn keys_under_the_too_small_notice_change_nothing_but_q_quits() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 30, 8, &parse_keys("tja").unwrap());
    assert!(s.contains("Terminal too small"), "{s}");
    assert_eq!(
        (a.script, a.selected, a.view),
        (Script::Original, 0, qunxiang::tui::app::ViewKind::Profiles)
    );
    snapshot(&mut a, 30, 8, &parse_keys("q").unwrap());
    assert!(a.quit);
}

/// A compilation of the fixtures (about 150 KB, more articles than one part of the
/// analysis holds), loaded without analysis as the reader loads it, and its analysis in
/// the parts the reader's background thread sends.
fn deferred_compilation() -> (App, Vec<qunxiang::tui::app::Found>, qunxiang::Loaded) {
    use qunxiang::tui::app::Found;
    let c = Arc::new(Converters::new());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = qunxiang::testing::compilation(&dir, 150_000, Script::Original, &c).unwrap();
    let load = |defer_analysis| {
        let options = qunxiang::LoadOptions {
            defer_analysis,
            ..Default::default()
        };
        qunxiang::load_bytes(text.as_bytes(), "c".into(), Some("txt"), options, &c).unwrap()
    };
    let (deferred, analysed) = (load(true), load(false));
    assert!(!deferred.analysed && deferred.article.profiles.is_empty());
    assert_eq!(deferred.article.paragraphs, analysed.article.paragraphs);
    let mut parts = Vec::new();
    qunxiang::analysis::analyse_in_parts(
        &deferred.article.paragraphs,
        &deferred.article.kinds,
        |part, range| {
            parts.push(Found::Part(part, range));
            true
        },
    );
    parts.push(Found::Done);
    (App::new(deferred, c, Script::Original), parts, analysed)
}

#[test]
fn people_fill_in_as_the_analysis_proceeds_and_the_selection_stays() {
    use qunxiang::tui::app::ViewKind;
    let (mut a, parts, analysed) = deferred_compilation();
    assert!(parts.len() >= 3, "{} parts", parts.len());
    // The first frame: the text at once, the progress instead of "no people found".
    let s = snapshot(&mut a, 120, 40, &[]);
    assert_eq!(a.view, ViewKind::Article);
    assert!(
        s.contains("finding people… 0%") && s.contains("先进事迹汇编"),
        "{s}"
    );
    assert!(!s.contains("no people found"), "{s}");
    let mut parts = parts.into_iter();
    // The first people open the panes: the user has not done anything yet.
    a.receive(parts.next().unwrap());
    let s = snapshot(&mut a, 120, 40, &[]);
    assert_eq!(a.view, ViewKind::Profiles);
    let n = a.people.len();
    assert!(n >= 3, "{n}");
    assert!(
        s.contains(&format!("People {n}")) && s.contains(&format!("1/{n} ")),
        "{s}"
    );
    assert!(
        s.contains("finding people… ") && !s.contains("finding people… 0%"),
        "{s}"
    );
    // The user moves down; the rest of the people arrive: the list grows after them, the
    // same person stays selected.
    let s = snapshot(&mut a, 120, 40, &parse_keys("jj").unwrap());
    let name = a.people[2].name.clone();
    assert!(s.contains(&format!("3/{n} {name}")), "{s}");
    for found in parts {
        a.receive(found);
        let s = snapshot(&mut a, 120, 40, &[]);
        assert_eq!((a.selected, &a.people[2].name), (2, &name));
        let m = a.people.len();
        assert!(s.contains(&format!("3/{m} {name}")), "{s}");
    }
    assert!(!a.analysing());
    let s = snapshot(&mut a, 120, 40, &[]);
    assert!(!s.contains("finding people"), "{s}");
    // What the parts added up to is what the analysed load has.
    assert_eq!(a.people, analysed.article.profiles);
    let kinds: Vec<_> = (0..a.kinds.len())
        .map(|i| analysed.article.kind(i))
        .collect();
    assert_eq!(a.kinds, kinds);
    // And the screen is the analysed reader's.
    let mut b = App::new(analysed, Arc::new(Converters::new()), Script::Original);
    let keys = parse_keys("jj").unwrap();
    assert_eq!(
        snapshot(&mut b, 120, 40, &keys),
        snapshot(&mut a, 120, 40, &[])
    );
}

#[test]
fn people_found_while_the_user_reads_the_article_do_not_move_the_view() {
    use qunxiang::tui::app::ViewKind;
    let (mut a, parts, _) = deferred_compilation();
    snapshot(&mut a, 80, 24, &parse_keys("jjj").unwrap());
    let at = a.article_pos.get();
    let before = snapshot(&mut a, 80, 24, &[]);
    let mut parts = parts.into_iter();
    a.receive(parts.next().unwrap());
    let after = snapshot(&mut a, 80, 24, &[]);
    assert_eq!(a.view, ViewKind::Article);
    assert_eq!(a.article_pos.get(), at);
    // The same text from the same line on (the bar now marks the first person's
    // paragraphs, and a caption under a heading follows it without a blank line).
    let body = |s: &str| -> Vec<String> {
        s.lines()
            .skip(2)
            .map(|l| l.replace('┃', " "))
            .filter(|l| !l.trim_matches(['│', ' ']).is_empty())
            .take(12)
            .collect()
    };
    assert_eq!(body(&before), body(&after), "{before}\n{after}");
    assert!(after.contains(&format!("1/{} ", a.people.len())), "{after}");
    // a now goes to the panes; a text without people says so only once the analysis ends.
    let s = snapshot(&mut a, 80, 24, &parse_keys("a").unwrap());
    assert_eq!(a.view, ViewKind::Profiles, "{s}");
    let mut none = app_of_deferred(NO_PEOPLE);
    let s = snapshot(&mut none, 80, 24, &parse_keys("a").unwrap());
    assert!(
        s.contains("finding people… 0%") && s.contains("no people found yet"),
        "{s}"
    );
    none.wait_analysis();
    let s = snapshot(&mut none, 80, 24, &[]);
    assert!(s.contains("no people found — showing the article"), "{s}");
    assert_eq!(none.view, ViewKind::Article);
}

fn app_of_deferred(text: &str) -> App {
    let c = Arc::new(Converters::new());
    let options = qunxiang::LoadOptions {
        defer_analysis: true,
        ..Default::default()
    };
    let loaded =
        qunxiang::load_bytes(text.as_bytes(), "text".into(), Some("txt"), options, &c).unwrap();
    App::new(loaded, c, Script::Original)
}

#[test]
fn the_bundled_article_analysed_in_the_background_ends_as_the_analysed_reader() {
    let mut a = app_of_deferred(qunxiang::source::BUNDLED_ARTICLE);
    let first = snapshot(&mut a, 100, 30, &[]);
    assert!(first.contains("finding people… 0%"), "{first}");
    a.wait_analysis();
    assert_eq!(
        snapshot(&mut a, 100, 30, &[]),
        screen(Script::Original, 100, 30, "")
    );
    assert_eq!(
        snapshot(&mut a, 100, 30, &parse_keys("jt").unwrap()),
        screen(Script::Original, 100, 30, "jt")
    );
}

/// Esc is back or cancel in every view and never quits; q and Ctrl-c quit.
#[test]
fn esc_goes_back_in_every_view_and_never_quits() {
    use qunxiang::tui::Pane;
    use qunxiang::tui::app::ViewKind;
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &[]);
    // Article view: Esc goes back to the panes.
    a.update(Action::ToggleView);
    assert_eq!(a.view, ViewKind::Article);
    a.update(Action::Back);
    assert_eq!(a.view, ViewKind::Profiles);
    // Compare view: likewise.
    a.update(Action::Compare);
    assert_eq!(a.view, ViewKind::Compare);
    a.update(Action::Back);
    assert_eq!(a.view, ViewKind::Profiles);
    // A focused pane: Esc goes back to the list.
    a.update(Action::NextPane);
    assert_ne!(a.focus, Pane::People);
    a.update(Action::Back);
    assert_eq!(a.focus, Pane::People);
    // The prompt: Esc closes it.
    a.update(Action::Search);
    a.update(Action::Back);
    assert!(a.input.is_none());
    // Nothing left to undo: Esc says how to quit, and does not.
    for _ in 0..5 {
        a.update(Action::Back);
    }
    assert!(!a.quit);
    let s = snapshot(&mut a, 120, 40, &[]);
    assert!(s.contains("q quits"), "{s}");
    // In the prompt, q is a letter; Ctrl-c quits.
    a.update(Action::Search);
    a.update(Action::Edit(tui_input::InputRequest::InsertChar('q')));
    assert!(!a.quit);
    a.update(Action::Interrupt);
    assert!(a.quit);
    let mut b = app(Script::Original);
    b.update(Action::Quit);
    assert!(b.quit);
}

/// The pager keys of less and vim: h/l move between panes, f/b and Ctrl-f/Ctrl-b scroll a
/// page, d/u and Ctrl-d/Ctrl-u half a page.
#[test]
fn pager_keys_scroll_pages_and_half_pages() {
    use qunxiang::tui::Pane;
    let mut a = app(Script::Original);
    // Wide layout, list focused: the keys scroll the text beside it.
    snapshot(&mut a, 120, 20, &parse_keys("2").unwrap());
    let text = |a: &App| a.scroll_of(Pane::Text).offset.get();
    let height = a.scroll_of(Pane::Text).height.get();
    assert_eq!(height, 16);
    let max = a.scroll_of(Pane::Text).max.get();
    assert!(max > 30, "{max}");
    snapshot(&mut a, 120, 20, &parse_keys("d").unwrap());
    assert_eq!(text(&a), 8);
    snapshot(&mut a, 120, 20, &parse_keys("u").unwrap());
    assert_eq!(text(&a), 0);
    snapshot(&mut a, 120, 20, &parse_keys("<C-d>").unwrap());
    assert_eq!(text(&a), 8);
    snapshot(&mut a, 120, 20, &parse_keys("<C-u>").unwrap());
    assert_eq!(text(&a), 0);
    snapshot(&mut a, 120, 20, &parse_keys("f").unwrap());
    assert_eq!(text(&a), 15);
    snapshot(&mut a, 120, 20, &parse_keys("b").unwrap());
    assert_eq!(text(&a), 0);
    snapshot(&mut a, 120, 20, &parse_keys("<C-f>").unwrap());
    assert_eq!(text(&a), 15);
    snapshot(&mut a, 120, 20, &parse_keys("<C-b>").unwrap());
    assert_eq!(text(&a), 0);
    // l and h move the focus like Tab and Shift-Tab.
    snapshot(&mut a, 120, 20, &parse_keys("l").unwrap());
    let next = a.focus;
    assert_ne!(next, Pane::People);
    snapshot(&mut a, 120, 20, &parse_keys("h").unwrap());
    assert_eq!(a.focus, Pane::People);
    snapshot(&mut a, 120, 20, &parse_keys("<Tab>").unwrap());
    assert_eq!(a.focus, next);
}

/// The wheel scrolls the article view, the compare view and the help overlay too.
#[test]
fn the_wheel_scrolls_every_view() {
    use qunxiang::tui::keymap::{Mouse, MouseKind};
    let wheel = |kind| {
        Action::Mouse(Mouse {
            kind,
            column: 50,
            row: 10,
        })
    };
    let mut a = app(Script::Original);
    snapshot(&mut a, 100, 30, &parse_keys("a").unwrap());
    let (seg, line) = a.article_pos.get();
    a.update(wheel(MouseKind::WheelDown));
    assert_eq!(a.article_pos.get(), (seg, line + 3));
    a.update(wheel(MouseKind::WheelUp));
    assert_eq!(a.article_pos.get(), (seg, line));

    let mut c = app(Script::Original);
    snapshot(&mut c, 100, 30, &parse_keys("c").unwrap());
    let (seg, line) = c.compare_pos.get();
    c.update(wheel(MouseKind::WheelDown));
    assert_eq!(c.compare_pos.get(), (seg, line + 3));
    c.update(wheel(MouseKind::WheelUp));
    assert_eq!(c.compare_pos.get(), (seg, line));

    let mut h = app(Script::Original);
    snapshot(&mut h, 60, 20, &parse_keys("?").unwrap());
    h.update(wheel(MouseKind::WheelDown));
    assert_eq!(h.scroll_of_help().offset.get(), 3);
    assert!(h.help);
}

/// The first screen at 80x24 explains itself: the text tab first, the place in the text,
/// hints for the focused pane, and an empty pane that says what is missing and what to
/// press.
#[test]
fn at_80x24_the_text_comes_first_and_the_screen_explains_itself() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 80, 24, &[]);
    assert!(s.contains(" Text │ Figures │ Quotes"), "{s}");
    assert!(s.contains("┌Text─"), "{s}");
    assert!(s.contains(" Top ┘"), "{s}");
    assert!(s.contains("j/k move") && s.contains("? help"), "{s}");
    // Tab goes to the text, then the figures: the hints say what Enter and y do there.
    let s = snapshot(&mut a, 80, 24, &parse_keys("<Tab>d").unwrap());
    assert!(s.contains("%") || s.contains("End"), "{s}");
    let s = snapshot(&mut a, 80, 24, &parse_keys("<Tab>").unwrap());
    assert_eq!(a.focus, qunxiang::tui::Pane::Figures);
    assert!(s.contains("Enter go to") && s.contains("y copy"), "{s}");
    // In the article view: a goes back.
    let s = snapshot(&mut a, 80, 24, &parse_keys("a").unwrap());
    assert!(s.contains("a back"), "{s}");
    // A person without figures or quotes.
    let mut b = app_of(SPREAD, Script::Original);
    let s = snapshot(&mut b, 80, 24, &parse_keys("2<Tab><Tab>").unwrap());
    assert!(
        s.contains("No figures found for 李明.") && s.contains("Tab: next pane"),
        "{s}"
    );
    let s = snapshot(&mut b, 80, 24, &parse_keys("<Tab>").unwrap());
    assert!(s.contains("No quotes found for 李明."), "{s}");
}

fn type_in(a: &mut App, text: &str) {
    for ch in text.chars() {
        a.update(Action::Edit(tui_input::InputRequest::InsertChar(ch)));
    }
}

/// Search marks matches as the user types, in the whole article (headline, text about
/// nobody, from the article view too); Esc brings back what was there before.
#[test]
fn search_as_you_type_everywhere() {
    use qunxiang::tui::app::ViewKind;
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &[]);
    a.update(Action::Search);
    type_in(&mut a, "好樣");
    // Matches are marked before Enter; the prompt counts them.
    let hits = a.search.as_ref().map_or(0, |s| s.hits.len());
    assert!(hits >= 1, "{hits}");
    let s = snapshot(&mut a, 120, 40, &[]);
    assert!(s.contains(" /好樣") && s.contains("Enter go"), "{s}");
    assert!(s.contains(&format!("{hits} match")), "{s}");
    // Esc: no search, as before.
    a.update(Action::InputCancel);
    assert!(a.search.is_none() && a.input.is_none());
    // From the article view: the headline's words are found, and the view stays.
    a.update(Action::ToggleView);
    a.update(Action::Search);
    type_in(&mut a, "兵团");
    a.update(Action::InputSubmit);
    assert_eq!(a.view, ViewKind::Article);
    let s = a.search.as_ref().unwrap();
    assert_eq!(
        s.hits[0].paragraph, None,
        "the headline's match comes first"
    );
    // Text about nobody (the article's opening) is found too.
    a.update(Action::Search);
    type_in(&mut a, "铜墙铁壁");
    a.update(Action::InputSubmit);
    let s = a.search.as_ref().unwrap();
    assert!(!s.hits.is_empty());
    let k = s.hits[0].paragraph.unwrap();
    assert!(
        a.index.owners_of(k).is_empty(),
        "paragraph {k} is about nobody"
    );
    assert_eq!(a.view, ViewKind::Article);
}

/// The prompt is a line editor with a history kept across searches.
#[test]
fn the_prompt_edits_like_readline_and_recalls_queries() {
    use tui_input::InputRequest;
    let mut a = app(Script::Original);
    snapshot(&mut a, 120, 40, &[]);
    a.update(Action::Search);
    type_in(&mut a, "24 hours");
    a.update(Action::Edit(InputRequest::DeletePrevWord));
    assert_eq!(a.input.as_ref().unwrap().value(), "24 ");
    a.update(Action::Edit(InputRequest::DeleteLine));
    type_in(&mut a, "小時");
    a.update(Action::Edit(InputRequest::GoToStart));
    type_in(&mut a, "24");
    assert_eq!(a.input.as_ref().unwrap().value(), "24小時");
    a.update(Action::InputSubmit);
    a.update(Action::Search);
    type_in(&mut a, "社區");
    a.update(Action::InputSubmit);
    assert_eq!(a.history, ["24小時", "社區"]);
    a.update(Action::Search);
    a.update(Action::HistoryPrev);
    assert_eq!(a.input.as_ref().unwrap().value(), "社區");
    a.update(Action::HistoryPrev);
    assert_eq!(a.input.as_ref().unwrap().value(), "24小時");
    assert_eq!(
        a.search.as_ref().unwrap().query,
        "24小時",
        "searched as recalled"
    );
    a.update(Action::HistoryNext);
    a.update(Action::HistoryNext);
    assert_eq!(a.input.as_ref().unwrap().value(), "");
}

/// n past the last match goes to the first and says so; N before the first likewise.
#[test]
fn n_says_when_the_search_wraps() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 100, 30, &parse_keys("/24小時<Enter>nn").unwrap());
    assert!(!s.contains("wrapped"), "{s}");
    let s = snapshot(&mut a, 100, 30, &parse_keys("n").unwrap());
    assert_eq!(a.search.as_ref().unwrap().current, 0);
    assert!(s.contains("search wrapped to the first match"), "{s}");
    let s = snapshot(&mut a, 100, 30, &parse_keys("N").unwrap());
    assert_eq!(a.search.as_ref().unwrap().current, 2);
    assert!(s.contains("search wrapped to the last match"), "{s}");
}

/// A long article is searched on another thread: the keys go on, the status bar shows
/// how far it has got, Esc stops it.
#[test]
fn a_background_search_reports_its_result_and_esc_cancels_it() {
    let mut a = app(Script::Original);
    a.search_inline_bytes = 0; // every article is "long"
    snapshot(&mut a, 100, 30, &[]);
    a.update(Action::Search);
    type_in(&mut a, "24小時");
    a.update(Action::InputSubmit);
    // Under way or done; either way the result arrives and the reader goes to it.
    while a.searching.is_some() {
        a.poll_search();
        std::thread::yield_now();
    }
    let s = a.search.as_ref().expect("the search arrived");
    assert_eq!(s.hits.len(), 3);
    assert_eq!(s.current, 0);
    // Esc while a search runs stops it and says so.
    a.update(Action::Search);
    type_in(&mut a, "社區");
    a.update(Action::InputSubmit);
    if a.searching.is_some() {
        a.update(Action::Back);
        assert!(a.searching.is_none());
        assert_eq!(a.message.as_deref(), Some("search cancelled"));
    }
    assert!(!a.quit);
}

/// Keys set in the config file's `[keys]` table act, and the help overlay and the status
/// bar show them.
#[test]
fn keys_from_the_config_file_act_and_show_in_help_and_hints() {
    let config = qunxiang::tui::config::parse(
        "[keys]\nquit = \"x\"\ndown = [\"C-n\", \"k\"]\nhelp = \"F\"\n",
    )
    .unwrap();
    let mut a = app(Script::Original);
    a.keys = qunxiang::tui::keymap::KeyTable::with_overrides(&config.keys).unwrap();
    let s = snapshot(&mut a, 100, 30, &parse_keys("k").unwrap());
    assert!(s.contains("2/3 呂俊傑"), "k moves down now:\n{s}");
    let status = s.lines().last().unwrap();
    assert!(
        status.contains("C-n/↑ move") && status.contains("x quit") && status.contains("F help"),
        "{status}"
    );
    assert!(!status.contains("? help"), "{status}");
    let help = snapshot(&mut a, 100, 30, &parse_keys("F").unwrap());
    assert!(help.contains(" Keys "), "F opens the help:\n{help}");
    for row in ["C-n k ", "│x ", "│F "] {
        assert!(help.contains(row), "help lacks {row:?}:\n{help}");
    }
    assert!(!help.contains("│q "), "{help}");
    let mut a = app(Script::Original);
    a.keys = qunxiang::tui::keymap::KeyTable::with_overrides(&config.keys).unwrap();
    snapshot(&mut a, 100, 30, &parse_keys("q").unwrap());
    assert!(!a.quit, "q is no longer quit");
    snapshot(&mut a, 100, 30, &parse_keys("x").unwrap());
    assert!(a.quit);
}

/// Wrapped lines continue under their text, not at column 0: a quote's under the text
/// after its opening mark, a figure's clause under the clause, a list item's under the
/// text after its marker; at 80x24 and 40x12.
#[test]
fn wrapped_lines_hang_under_their_text() {
    for (w, h) in [(80, 24), (40, 12)] {
        // The second person's quotes, the first's figures (Tab: people, text, figures,
        // quotes).
        let quotes = screen(Script::Original, w, h, "j<Tab><Tab><Tab>");
        let figures = screen(Script::Original, w, h, "<Tab><Tab>");
        insta::assert_snapshot!(format!("hanging_quotes_{w}x{h}"), quotes);
        insta::assert_snapshot!(format!("hanging_figures_{w}x{h}"), figures);
    }
    let quotes = screen(Script::Original, 40, 12, "j<Tab><Tab><Tab>");
    assert!(
        quotes.contains("│“社區有居民1597戶2596人。疫情發生後,社│\n│ 區居家隔離95戶313人,"),
        "a quote's second line starts under its text:\n{quotes}"
    );
    let figures = screen(Script::Original, 40, 12, "<Tab><Tab>");
    assert!(
        figures.contains("│100多名  100多名老黨員、社區居民紛紛報│\n│         名參加成為志願者"),
        "a figure's clause goes on under the clause:\n{figures}"
    );
    let list = "社区好人榜\n\n\
        （一）王小明：退休教师，义务辅导社区里的孩子做功课已经十二年，风雨无阻，从不收一分钱。\n\n\
        （二）李红梅：菜市场摊主，照顾瘫痪的邻居老人八年，每天送去热饭热菜。\n\n\
        （三）赵大山：货车司机，在高速公路上救出被困的一家三口，自己受了伤。\n";
    let s = snapshot(
        &mut app_of(list, Script::Original),
        40,
        12,
        &parse_keys("a").unwrap(),
    );
    assert!(
        s.contains(
            "│（一）王小明：退休教师，义务辅导社区里│\n│      的孩子做功课已经十二年，风雨无  │"
        ),
        "a list item goes on under the text after its marker:\n{s}"
    );
    insta::assert_snapshot!("hanging_list_items_40x12", s);
}

/// At 40x12 too the screen explains itself: the tabs, the most wanted hint and `? help`
/// (the script's "(original)" gives way to them), the text's place, and an empty pane
/// that says what is missing and what to press.
#[test]
fn at_40x12_the_screen_explains_itself_too() {
    let mut a = app(Script::Original);
    let s = snapshot(&mut a, 40, 12, &[]);
    assert!(s.contains(" People │ Text │ Figures │ Quotes"), "{s}");
    let status = s.lines().last().unwrap();
    assert!(
        status.starts_with(" 1/3 陳柯 │ 台灣正體 ") && status.ends_with("j/k move  ? help"),
        "{s}"
    );
    insta::assert_snapshot!("first_screen_40x12", s);
    let s = snapshot(&mut a, 40, 12, &parse_keys("<Tab>").unwrap());
    assert!(s.contains("┌Text · 陳柯") && s.contains(" Top ┘"), "{s}");
    let mut b = app_of(SPREAD, Script::Original);
    let s = snapshot(&mut b, 40, 12, &parse_keys("2<Tab><Tab>").unwrap());
    assert!(s.contains("│No figures found for 李明."), "{s}");
    insta::assert_snapshot!("empty_figures_40x12", s);
    let s = snapshot(&mut b, 80, 24, &parse_keys("2<Tab><Tab>").unwrap());
    insta::assert_snapshot!("empty_figures_80x24", s);
}
