//! Benchmarks (criterion) of hostile shapes, whose cost must follow the screen, not the
//! number of items or the length of a line (issue 12): one paragraph with 20,000 figures
//! (a frame, a move in the figures pane, a toggle) and a 14 MB single line (loading it
//! for the first frame, a toggle, the compare view). Inputs from `qunxiang::testing`.
//!
//! Run with `make bench` (or `cargo bench --bench hostile`); see BENCHMARKS.md for figures.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use qunxiang::convert::Config;
use qunxiang::tui::{App, parse_keys, snapshot};
use qunxiang::{Converters, LoadOptions, Loaded, Script};

fn load(c: &Converters, text: &str, ext: &str, options: LoadOptions) -> Loaded {
    qunxiang::load_bytes(text.as_bytes(), "bench".into(), Some(ext), options, c).unwrap()
}

/// Time of the frame after `keys` on a reader that has drawn its first frame; background
/// conversions are waited for outside the timing.
fn after_keys(c: &Arc<Converters>, loaded: &Loaded, keys: &str, iters: u64) -> Duration {
    let keys = parse_keys(keys).unwrap();
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let mut app = App::new(loaded.clone(), Arc::clone(c), Script::Original);
        snapshot(&mut app, 120, 40, &[]);
        let start = Instant::now();
        black_box(snapshot(&mut app, 120, 40, &keys));
        total += start.elapsed();
        app.wait_background();
    }
    total
}

fn benches(cr: &mut Criterion) {
    let c = Arc::new(Converters::new());
    for config in [Config::T2s, Config::S2t] {
        c.warm(config).expect("OpenCC");
    }

    let figures = load(
        &c,
        &qunxiang::testing::many_figures_json(20_000),
        "json",
        LoadOptions::default(),
    );
    let mut g = cr.benchmark_group("figures_20000");
    g.sample_size(10);
    {
        let mut app = App::new(figures.clone(), Arc::clone(&c), Script::Original);
        snapshot(&mut app, 120, 40, &[]);
        g.bench_function("frame", |b| b.iter(|| snapshot(&mut app, 120, 40, &[])));
        let mut app = App::new(figures.clone(), Arc::clone(&c), Script::Original);
        snapshot(&mut app, 120, 40, &parse_keys("<Tab>").unwrap());
        let jk = parse_keys("jk").unwrap();
        g.bench_function("move_j_k", |b| b.iter(|| snapshot(&mut app, 120, 40, &jk)));
    }
    g.bench_function("first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut app = App::new(figures.clone(), Arc::clone(&c), Script::Original);
                let start = Instant::now();
                black_box(snapshot(&mut app, 120, 40, &[]));
                total += start.elapsed();
            }
            total
        })
    });
    g.bench_function("toggle", |b| {
        b.iter_custom(|iters| after_keys(&c, &figures, "t", iters))
    });
    g.bench_function("article_view", |b| {
        b.iter_custom(|iters| after_keys(&c, &figures, "a", iters))
    });
    g.finish();

    let line = qunxiang::testing::single_line(14_000_000);
    let deferred = LoadOptions {
        defer_analysis: true,
        ..Default::default()
    };
    let mut g = cr.benchmark_group("line_14MB");
    g.sample_size(10);
    g.bench_function("load_deferred", |b| {
        b.iter(|| load(&c, black_box(&line), "txt", deferred))
    });
    let loaded = load(&c, &line, "txt", deferred);
    g.bench_function("toggle", |b| {
        b.iter_custom(|iters| after_keys(&c, &loaded, "t", iters))
    });
    g.bench_function("toggle_twice_T", |b| {
        b.iter_custom(|iters| after_keys(&c, &loaded, "tT", iters))
    });
    // The compare view before any people are found: the whole text is compared.
    g.bench_function("compare", |b| {
        b.iter_custom(|iters| after_keys(&c, &loaded, "c", iters))
    });
    g.bench_function("compare_end_G", |b| {
        b.iter_custom(|iters| after_keys(&c, &loaded, "cG", iters))
    });
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
