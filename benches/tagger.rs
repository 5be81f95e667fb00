//! Benchmark (criterion) of the LAC tagger on the seed article (`tests/data/lac_golden.json`'s
//! first text, 3.3 k chars, traditional): chars per second ("elem/s"), one core, and the time
//! to load the model.
//!
//! Run with `cargo bench --bench tagger`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qunxiang::analysis::tagger::Tagger;

fn seed_article() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lac_golden.json");
    let golden: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    golden[0]["text"].as_str().unwrap().to_string()
}

fn benches(c: &mut Criterion) {
    let started = std::time::Instant::now();
    let tagger = Tagger::get();
    eprintln!(
        "tagger loaded in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let text = seed_article();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(text.chars().count() as u64));
    group.bench_function("tag seed article", |b| {
        b.iter(|| tagger.tag(black_box(&text)))
    });
    group.finish();
}

criterion_group! {
    name = tagger;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(tagger);
