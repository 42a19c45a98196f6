//! Generation benchmarks: the synthetic draft-07 schema of `scale_input` (1,000 and 4,000
//! definitions) through the in-process pipeline — the JSON Schema frontend alone (`load`: parse,
//! `$ref`s, lowering to IR), and schema text → formatted Rust (`generate`: frontend, classify,
//! check, model, backend, prettyplease). No process start and no file I/O; the end-to-end CLI
//! figures and the comparison with cargo-typify are in BENCHMARKS.md (`scripts/gen-scale.sh`).

mod scale_input;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    let path = Path::new("scale.json");
    let options = wiregen::RustOptions::default();
    for n in [1_000, 4_000] {
        let text = scale_input::scale_schema(n);
        group.bench_function(format!("load_{n}"), |b| {
            b.iter(|| wiregen::frontend::load_str(path, black_box(&text)).unwrap())
        });
        group.bench_function(format!("generate_{n}"), |b| {
            b.iter(|| wiregen::generate_str(path, black_box(&text), &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
