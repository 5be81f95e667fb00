//! Benchmarks (criterion): decode + extract, decode + clean without the analysis (what the
//! reader waits for before its first frame), whole-article conversion, wrapping, rendering
//! one frame, a script toggle, and a key answered while the first search of a 10 MB
//! compilation runs, on the bundled article (9 KB) and on generated compilations of 1 MB
//! and 10 MB (`qunxiang::testing::compilation`). The analysis alone is in
//! `benches/analysis.rs`.
//!
//! Run with `make bench` (or `cargo bench`); see BENCHMARKS.md for figures.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qunxiang::convert::Config;
use qunxiang::tui::app::Action;
use qunxiang::tui::{App, parse_keys, snapshot};
use qunxiang::{Converters, LoadOptions, Script};

fn inputs(c: &Converters) -> Vec<(&'static str, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let big = |n| qunxiang::testing::compilation(&dir, n, Script::Original, c).expect("fixtures");
    vec![
        ("9KB", qunxiang::source::BUNDLED_ARTICLE.to_string()),
        ("1MB", big(1_000_000)),
        ("10MB", big(10_000_000)),
    ]
}

fn benches(cr: &mut Criterion) {
    let c = Arc::new(Converters::new());
    for config in [Config::T2s, Config::Tw2s, Config::S2t] {
        c.warm(config).expect("OpenCC");
    }
    let inputs = inputs(&c);
    let load = |text: &str| {
        qunxiang::load_bytes(
            text.as_bytes(),
            "bench".into(),
            Some("txt"),
            LoadOptions::default(),
            &c,
        )
        .unwrap()
    };

    let mut g = cr.benchmark_group("decode_extract");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| load(black_box(t)))
        });
    }
    g.finish();

    // What the reader waits for: the text decoded and cleaned, no analysis (it runs in the
    // background once the first frame is drawn).
    let deferred = LoadOptions {
        defer_analysis: true,
        ..Default::default()
    };
    let mut g = cr.benchmark_group("decode_clean_deferred");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| {
                qunxiang::load_bytes(
                    black_box(t).as_bytes(),
                    "bench".into(),
                    Some("txt"),
                    deferred,
                    &c,
                )
                .unwrap()
            })
        });
    }
    g.finish();

    // The whole article to the script a toggle shows (traditional for a simplified source,
    // simplified for a traditional one), as `--json --script` does it.
    let one_shot = Converters::new();
    let mut g = cr.benchmark_group("convert_article_toggled");
    g.sample_size(10);
    for (name, text) in &inputs {
        let article = load(text).article;
        let target = Script::Original.toggled(article.source(), Default::default());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &article, |b, a| {
            b.iter(|| one_shot.convert_article(black_box(a), target).unwrap())
        });
    }
    g.finish();

    // Wrapping the whole input at 60 columns, paragraph by paragraph: the throughput of the
    // wrapper (the reader itself wraps only what is on screen).
    let mut g = cr.benchmark_group("wrap");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| {
                t.lines()
                    .map(|l| qunxiang::text::wrap::wrap_ranges(black_box(l), 60).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let mut g = cr.benchmark_group("render_200x50");
    for (name, text) in &inputs {
        let mut app = App::new(load(text), Arc::clone(&c), Script::Original);
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| snapshot(&mut app, 200, 50, &[]))
        });
    }
    g.finish();

    // A toggle: the frame after `t` on a reader showing its first frame. The conversion the
    // toggle leaves to a background thread is waited for outside the timing, so one
    // sample's background work never slows the next.
    let mut g = cr.benchmark_group("toggle");
    g.sample_size(10);
    let t = parse_keys("t").unwrap();
    for (name, text) in &inputs {
        let loaded = load(text);
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    let mut app = App::new(loaded.clone(), Arc::clone(&c), Script::Original);
                    snapshot(&mut app, 120, 40, &[]);
                    let start = std::time::Instant::now();
                    black_box(snapshot(&mut app, 120, 40, &t));
                    total += start.elapsed();
                    app.wait_background();
                }
                total
            })
        });
    }
    g.finish();

    // The first search of a 10 MB compilation builds the search index on another thread
    // (about a second); meanwhile the prompt must answer keys as the event loop does: the
    // key's update, a poll of the search and a frame, within 50 ms. Timed: the second
    // character of a query typed while the search the first started is still running
    // (a sample where it had already finished would not count; the bench says if one did).
    let mut g = cr.benchmark_group("key_during_first_search");
    // One key per sample: each needs a reader whose index is not built yet.
    g.sample_size(10)
        .sampling_mode(criterion::SamplingMode::Flat)
        .warm_up_time(std::time::Duration::from_millis(1))
        .measurement_time(std::time::Duration::from_millis(10));
    let (name, text) = inputs.last().expect("the 10 MB compilation");
    let loaded = load(text);
    let finished_first = std::cell::Cell::new(0usize);
    g.bench_function(BenchmarkId::from_parameter(name), |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let mut app = App::new(loaded.clone(), Arc::clone(&c), Script::Original);
                let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40))
                    .expect("TestBackend cannot fail");
                term.draw(|f| qunxiang::tui::ui::draw(f, &app)).unwrap();
                app.update(Action::Search);
                app.update(Action::Edit(tui_input::InputRequest::InsertChar('社')));
                term.draw(|f| qunxiang::tui::ui::draw(f, &app)).unwrap();
                let start = std::time::Instant::now();
                app.update(Action::Edit(tui_input::InputRequest::InsertChar('区')));
                app.poll_search();
                term.draw(|f| qunxiang::tui::ui::draw(f, &app)).unwrap();
                total += start.elapsed();
                if app.searching.is_none() {
                    finished_first.set(finished_first.get() + 1);
                }
                app.update(Action::InputCancel); // Esc: stops the index being built
            }
            total
        })
    });
    g.finish();
    if finished_first.get() > 0 {
        eprintln!(
            "key_during_first_search: in {} runs the search was done before the key was timed",
            finished_first.get()
        );
    }
}

criterion_group!(group, benches);
criterion_main!(group);
