//! A long compilation in the reader: a toggle converts only what is on screen at once, and
//! whatever the reader shows of a partial conversion equals the complete conversion.

use std::path::Path;
use std::sync::Arc;

use qunxiang::tui::{Action, App, parse_keys, snapshot};
use qunxiang::{Converters, LoadOptions, Script};

/// The fixtures directory.
fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `text` loaded as a plain-text file called `compilation`.
fn load(text: &str, c: &Converters) -> qunxiang::Loaded {
    qunxiang::load_bytes(
        text.as_bytes(),
        "compilation".into(),
        None,
        LoadOptions::default(),
        c,
    )
    .unwrap()
}

/// The article the reader shows: its text with the people found.
fn whole(app: &App) -> qunxiang::Article {
    let mut a = (*app.original).clone();
    a.profiles = app.people.clone();
    a.kinds = app.kinds.clone();
    a
}

/// A traditional compilation of the fixtures, about 400 KB (some 300 profiles), loaded.
fn compilation_app() -> (App, Arc<Converters>) {
    let c = Arc::new(Converters::new());
    let text =
        qunxiang::testing::compilation(&fixtures(), 400_000, Script::Traditional, &c).unwrap();
    let app = App::new(load(&text, &c), Arc::clone(&c), Script::Original);
    (app, c)
}

#[test]
fn a_toggle_shows_the_same_as_a_complete_conversion_wherever_the_reader_goes() {
    let (mut app, c) = compilation_app();
    let n = app.people.len();
    // More people than the label window after the first row (50) and a screen of rows
    // (38): the last screen's rows are converted only when the reader gets there.
    assert!(n > 100, "{n} profiles");
    let complete = c.convert_article(&whole(&app), Script::Simplified).unwrap();
    // The generator writes its headline in simplified script and converts the articles.
    assert_eq!(app.original.headline, "先进事迹汇编");
    assert_eq!(app.original.script, qunxiang::SourceScript::Traditional);
    assert_ne!(complete.profiles, app.people);

    app.update(Action::ToggleScript);
    assert_eq!(app.script, Script::Simplified);
    let screen = snapshot(&mut app, 120, 40, &[]);
    assert!(screen.contains("先进事迹汇编"), "{screen}");
    // The rows on screen and the selected profile are converted, whether or not the
    // background conversion has arrived.
    for i in 0..38 {
        assert_eq!(app.article().profiles[i].name, complete.profiles[i].name);
        assert_eq!(app.article().profiles[i].role, complete.profiles[i].role);
    }
    assert_eq!(app.profile(), complete.profiles.first());

    // The last person: selected, converted whole, and the rows above it too.
    app.update(Action::Bottom);
    assert_eq!(app.selected, n - 1);
    let screen = snapshot(&mut app, 120, 40, &[]);
    assert_eq!(app.profile(), complete.profiles.last());
    for i in n - 38..n {
        assert_eq!(app.article().profiles[i].name, complete.profiles[i].name);
    }
    assert!(screen.contains(&format!("{n}/{n}")), "{screen}");

    // The article view converts what it shows at once (at the selected person's first
    // paragraph), the rest comes with the background conversion; figures are marked where
    // the complete conversion has them (placed by the original's offsets).
    app.update(Action::ToggleView);
    snapshot(&mut app, 120, 40, &[]);
    let (first, last) = app.article_shown.get();
    assert!(first > 1 && last > first, "{first}..{last}");
    for i in first - 1..last.min(complete.paragraphs.len()) {
        assert_eq!(
            app.article().paragraphs[i],
            complete.paragraphs[i],
            "paragraph {i}"
        );
    }
    app.wait_background();
    let shown = app.article();
    assert_eq!(shown.headline, complete.headline);
    assert_eq!(shown.paragraphs, complete.paragraphs);
    assert_eq!(shown.dropped, complete.dropped);
    for (k, (p, q)) in shown.profiles.iter().zip(&complete.profiles).enumerate() {
        assert_eq!(
            (&p.name, &p.aliases, &p.role, &p.heading, &p.paragraphs),
            (&q.name, &q.aliases, &q.role, &q.heading, &q.paragraphs),
            "profile {k}"
        );
    }
    // A person from the middle of the list who has figures.
    let k = (n / 2..n)
        .find(|&k| !complete.profiles[k].stats.is_empty())
        .expect("someone has figures");
    let figure = qunxiang::tui::panes::theme::figure();
    let mut places: Vec<usize> = complete.profiles[k]
        .stats
        .iter()
        .map(|s| s.paragraph)
        .collect();
    places.dedup();
    assert!(!places.is_empty(), "profile {k} has figures");
    for i in places {
        let marked: Vec<String> = qunxiang::tui::panes::article::segment(&app, i + 1, 200)
            .iter()
            .flat_map(|l| l.spans.iter())
            .filter(|s| s.style.fg == figure.fg)
            .map(|s| s.content.to_string())
            .collect();
        // Every profile's figures in that paragraph, once each, in reading order.
        let mut expected: Vec<(usize, &str)> = complete
            .profiles
            .iter()
            .flat_map(|p| &p.stats)
            .filter(|s| s.paragraph == i)
            .map(|s| (s.offset, s.text.as_str()))
            .collect();
        expected.sort();
        expected.dedup();
        let expected: Vec<&str> = expected.into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            marked, expected,
            "figures of paragraph {i} marked in the article view"
        );
    }
    // Back to the original: the original, byte for byte.
    app.update(Action::ToggleView);
    app.update(Action::ToggleScript);
    assert_eq!(app.article(), &*app.original);
}

#[test]
fn search_right_after_a_toggle_finds_people_far_down_the_list() {
    let (mut app, c) = compilation_app();
    let n = app.people.len();
    app.update(Action::ToggleScript);
    let complete = c.convert_article(&whole(&app), Script::Simplified).unwrap();
    // The last person's name, typed in simplified script.
    let name = complete.profiles[n - 1].name.clone();
    app.update(Action::Search);
    for ch in name.chars() {
        app.update(Action::Edit(tui_input::InputRequest::InsertChar(ch)));
    }
    app.update(Action::InputSubmit);
    let search = app.search.as_ref().expect("a search");
    assert!(
        search.hits.iter().any(|h| h
            .paragraph
            .is_some_and(|i| app.index.owners_of(i).contains(&(n - 1)))),
        "no hit in profile {n}'s paragraphs for {name}"
    );
    // Every hit is in converted text, so the text it marks is the name as shown: once the
    // background conversion is in (on a slow machine some paragraphs far down may still be
    // waiting for it; drawing converts those on screen first).
    let hits = search.hits.clone();
    app.wait_background();
    for h in &hits {
        let text = match h.paragraph {
            Some(i) => &app.article().paragraphs[i],
            None => &app.article().headline,
        };
        assert_eq!(&text[app.hit_bytes(h)], name);
    }
}

#[test]
fn a_compilation_mixing_layouts_finds_each_articles_people() {
    // Fixture 01 gives its people captions; fixture 04 introduces them in running prose.
    // One after the other in a compilation, each article's people must still be found, in
    // order (before, 04's people were lost inside 01's last section). Who they are is
    // what each fixture's hand-written `.expected.json` says.
    let read = |f: &str| std::fs::read_to_string(fixtures().join(f)).unwrap();
    let expected = |f: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&read(f)).unwrap();
        v["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    let text = format!(
        "先进事迹汇编\n\n第1篇\n\n{}\n\n第2篇\n\n{}\n",
        read("01_liuwan_community_cadres.txt"),
        read("04_haipu_typhoon_neighbors.txt")
    );
    let loaded = load(&text, &Converters::new());
    let names: Vec<&str> = loaded
        .article
        .profiles
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let first = expected("01_liuwan_community_cadres.expected.json");
    let second = expected("04_haipu_typhoon_neighbors.expected.json");
    let at = |name: &String| names.iter().position(|n| n == name);
    for name in first.iter().chain(&second) {
        assert!(at(name).is_some(), "{name} not found: {names:?}");
    }
    let last_of_first = first.iter().filter_map(at).max().unwrap();
    let first_of_second = second.iter().filter_map(at).min().unwrap();
    assert!(last_of_first < first_of_second, "{names:?}");
}

#[test]
fn people_found_after_a_toggle_are_converted_as_they_come() {
    use qunxiang::tui::app::{Found, ViewKind};
    let c = Arc::new(Converters::new());
    let text =
        qunxiang::testing::compilation(&fixtures(), 400_000, Script::Traditional, &c).unwrap();
    let analysed = App::new(load(&text, &c), Arc::clone(&c), Script::Original);
    let options = LoadOptions {
        defer_analysis: true,
        ..Default::default()
    };
    let deferred = qunxiang::load_bytes(text.as_bytes(), "c".into(), None, options, &c).unwrap();
    let mut parts = Vec::new();
    qunxiang::analysis::analyse_in_parts(
        &deferred.article.paragraphs,
        &deferred.article.kinds,
        |part, range| {
            parts.push(Found::Part(part, range));
            true
        },
    );
    assert!(parts.len() >= 3, "{} parts", parts.len());
    let mut app = App::new(deferred, Arc::clone(&c), Script::Original);
    snapshot(&mut app, 120, 40, &[]);
    let mut parts = parts.into_iter();
    app.receive(parts.next().unwrap());
    assert_eq!(app.view, ViewKind::Profiles);
    // A toggle while the analysis goes on: its background conversion has the people found
    // so far; the others arrive during it and after it.
    app.update(Action::ToggleScript);
    for (k, found) in parts.enumerate() {
        app.receive(found);
        if k == 0 {
            app.wait_background();
        }
        snapshot(&mut app, 120, 40, &[]);
    }
    app.receive(Found::Done);
    app.wait_background();
    let n = app.people.len();
    assert_eq!(app.people, analysed.people);
    let complete = c
        .convert_article(&whole(&analysed), Script::Simplified)
        .unwrap();
    // The rows on screen, the selected person whole, wherever the reader goes.
    snapshot(&mut app, 120, 40, &[]);
    for i in 0..38 {
        assert_eq!(
            app.article().profiles[i].name,
            complete.profiles[i].name,
            "row {i}"
        );
    }
    assert_eq!(app.profile(), complete.profiles.first());
    app.update(Action::Bottom);
    let screen = snapshot(&mut app, 120, 40, &[]);
    assert!(screen.contains(&format!("{n}/{n}")), "{screen}");
    assert_eq!(app.profile(), complete.profiles.last());
    for i in n - 38..n {
        assert_eq!(
            app.article().profiles[i].name,
            complete.profiles[i].name,
            "row {i}"
        );
    }
    // Every row, wherever the list goes, and the whole text once the article view is
    // open and the background conversion is in.
    for i in (0..n).step_by(30) {
        app.update(Action::Jump(i));
        snapshot(&mut app, 120, 40, &[]);
        for k in i.saturating_sub(38)..(i + 38).min(n) {
            let (p, q) = (&app.article().profiles[k], &complete.profiles[k]);
            assert_eq!(
                (&p.name, &p.aliases, &p.role, &p.heading, &p.paragraphs),
                (&q.name, &q.aliases, &q.role, &q.heading, &q.paragraphs),
                "profile {k} with {i} selected"
            );
        }
    }
    app.update(Action::ToggleView);
    snapshot(&mut app, 120, 40, &[]);
    app.wait_background();
    assert_eq!(app.article().paragraphs, complete.paragraphs);
}

/// An invented page in traditional script: one paragraph, and `lines` lines of about 600
/// characters each set apart as page chrome (a page can set megabytes apart).
fn chrome_page(lines: usize) -> String {
    let dropped: Vec<String> = (0..lines)
        .map(|i| format!("\"第{i}條：{}\"", "理髮店的頭髮".repeat(100)))
        .collect();
    format!(
        r#"{{"headline":"理髮店","byline":null,"script":"traditional",
"paragraphs":["社區書記李明今年45歲。"],"kinds":["text"],
"profiles":[{{"name":"李明","role":"社區書記","paragraphs":[0],
"mentions":[{{"paragraph":0,"start":4,"end":6}}],"stats":[],"quotes":[]}}],
"dropped":[{}]}}"#,
        dropped.join(",")
    )
}

#[test]
fn page_chrome_is_converted_as_it_comes_on_screen() {
    let c = Arc::new(Converters::new());
    let loaded = qunxiang::load_bytes(
        chrome_page(400).as_bytes(),
        "page".into(),
        Some("json"),
        LoadOptions::default(),
        &c,
    )
    .unwrap();
    assert_eq!(loaded.article.dropped.len(), 400);
    let complete = c
        .convert_article(&loaded.article, Script::Simplified)
        .unwrap();
    assert_eq!(
        complete.dropped[7],
        format!("第7条：{}", "理发店的头发".repeat(100))
    );
    let mut app = App::new(loaded, Arc::clone(&c), Script::Original);
    snapshot(&mut app, 120, 40, &[]);

    // The toggle converts the headline and what is on screen; none of the 400 lines of
    // chrome (the background conversion brings them).
    app.update(Action::ToggleScript);
    assert_eq!(app.article().headline, "理发店");
    assert!(app.article().dropped.iter().all(String::is_empty));

    // The article view at its end shows the last lines of chrome, converted.
    app.update(Action::ToggleView);
    app.update(Action::Bottom);
    let screen = snapshot(&mut app, 120, 40, &[]);
    assert!(screen.contains("第399条："), "{screen}");
    assert_eq!(app.article().dropped[399], complete.dropped[399]);
    let (_, last) = app.article_shown.get();
    assert_eq!(
        last,
        1 + 1 + 400,
        "the last segment, dropped line 399, is shown"
    );

    // Then the rest, from the background.
    app.wait_background();
    assert_eq!(app.article().dropped, complete.dropped);
    // `v` hides them: the rule alone ends the view.
    app.update(Action::ToggleChrome);
    let screen = snapshot(&mut app, 120, 40, &[]);
    assert!(
        screen.contains("set apart as page chrome: 400, hidden"),
        "{screen}"
    );
    assert!(!screen.contains("第399条："), "{screen}");
}

/// The compare view of a long single line (no people found yet: the whole text is
/// compared) converts what it shows, not the document: opening it at 120x40 converts the
/// first two paragraphs and the last two (the end bounds scrolling), the background
/// brings the rest, and what it shows equals the complete conversion.
#[test]
fn the_compare_view_converts_what_it_shows() {
    let c = Arc::new(Converters::new());
    let text = "我们的头发很好。".repeat(30_000);
    let mut app = App::new(load(&text, &c), Arc::clone(&c), Script::Original);
    assert!(app.people.is_empty());
    // Loading cuts the line into paragraphs of 3,000 characters.
    let n = app.original.paragraphs.len();
    assert_eq!(n, 80);
    assert_eq!(app.original.paragraphs[0].chars().count(), 3000);
    snapshot(&mut app, 120, 40, &[]);
    app.update(Action::Compare);
    let converted = |app: &App| -> Vec<usize> {
        (0..n)
            .filter(|&i| !app.article().paragraphs[i].is_empty())
            .collect()
    };
    // Columns of 58 columns, 36 rows: a paragraph of 9,000 bytes is at least
    // 9,000 / (4 x 58) = 38 lines, so two cover a screen and ten lines past it, at the top
    // and at the end.
    assert_eq!(
        (
            app.compare_scroll.width.get(),
            app.compare_scroll.height.get()
        ),
        (58, 36)
    );
    assert_eq!(converted(&app), [0, 1, 78, 79]);
    let top = snapshot(&mut app, 120, 40, &[]);
    assert!(top.contains("│我们的头发很好。我们的头发很好。"), "{top}");
    assert!(top.contains("│我們的頭髮很好。我們的頭髮很好。"), "{top}");
    assert!(top.contains(" Top ┘"), "{top}");
    // Paging down converts the next paragraph as it comes near; the end is there already.
    for _ in 0..3 {
        app.update(Action::PageDown);
    }
    assert_eq!(app.compare_pos.get(), (0, 3 * 35));
    assert_eq!(converted(&app), [0, 1, 2, 3, 78, 79]);
    let end = snapshot(&mut app, 120, 40, &parse_keys("G").unwrap());
    assert!(end.contains(" End ┘"), "{end}");
    // The rest from the background: the whole text, as a complete conversion has it.
    app.wait_background();
    let complete = c
        .convert_article(&whole(&app), Script::Traditional)
        .unwrap();
    assert_eq!(app.article().paragraphs, complete.paragraphs);
}

/// The background conversion of a long text shows how far it has got, and Esc stops it:
/// what it converted stays, what comes on screen is still converted, and it starts again
/// when the script is shown anew.
#[test]
fn esc_stops_the_background_conversion_and_keeps_what_it_converted() {
    let c = Arc::new(Converters::new());
    let text = "我们的头发很好。".repeat(30_000);
    assert!(text.len() > qunxiang::tui::app::SHOWN_CONVERSION_BYTES);
    let mut app = App::new(load(&text, &c), Arc::clone(&c), Script::Original);
    let n = app.original.paragraphs.len();
    snapshot(&mut app, 120, 40, &[]);
    let converted = |app: &App| -> Vec<usize> {
        (0..n)
            .filter(|&i| !app.article().paragraphs[i].is_empty())
            .collect()
    };
    app.update(Action::ToggleScript);
    assert!(app.conversion_progress().is_some());
    let s = snapshot(&mut app, 120, 40, &[]);
    assert!(
        s.contains("│ converting… ") && s.contains("% (Esc stops)"),
        "{s}"
    );
    let before = converted(&app);
    app.update(Action::Back);
    assert_eq!(app.conversion_progress(), None);
    assert_eq!(
        app.message.as_deref(),
        Some("conversion stopped: the rest is converted as it is shown")
    );
    let after = converted(&app);
    assert!(
        before.iter().all(|i| after.contains(i)),
        "{before:?} {after:?}"
    );
    // Keys do not start it again; the end of the article view is converted as it is shown.
    let s = snapshot(&mut app, 120, 40, &parse_keys("jG").unwrap());
    assert_eq!(app.conversion_progress(), None);
    assert!(!s.contains("converting…"), "{s}");
    assert!(converted(&app).contains(&(n - 1)));
    assert!(s.contains("我們的頭髮很好。"), "{s}");
    // Shown anew, the script is converted in the background again, to the end.
    app.update(Action::ToggleScript);
    app.update(Action::ToggleScript);
    app.wait_background();
    assert_eq!(converted(&app).len(), n);
    let complete = c
        .convert_article(&whole(&app), Script::Traditional)
        .unwrap();
    assert_eq!(app.article().paragraphs, complete.paragraphs);
}
