//! Benchmark (criterion) of the analysis stage (issue 11): tagging and the rules, on the
//! bundled article and on a 1 MB compilation of the fixture articles; throughput in chars
//! per second ("elem/s"). Budget: at least 100k chars/s on 2 cores.
//!
//! Run with `cargo bench --bench analysis`. The 10 MB figures in BENCHMARKS.md were taken
//! with `--json` on the compilation (see there).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qunxiang::article::clean;
use qunxiang::{Converters, Script};

fn benches(c: &mut Criterion) {
    let bundled = include_str!("../assets/article.txt").to_string();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mb = qunxiang::testing::compilation(&dir, 1_000_000, Script::Original, &Converters::new())
        .expect("fixtures");
    let mut group = c.benchmark_group("analysis");
    for (name, text) in [("bundled article", &bundled), ("1 MB compilation", &mb)] {
        let cleaned = clean::clean(text);
        let chars: usize = cleaned.body.iter().map(|p| p.chars().count()).sum();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_function(name, |b| {
            b.iter(|| qunxiang::analysis::analyse(black_box(&cleaned.body), &cleaned.kinds))
        });
    }
    group.finish();
}

criterion_group! {
    name = analysis;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(analysis);
