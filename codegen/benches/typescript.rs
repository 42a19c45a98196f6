//! TypeScript frontend benchmarks: a synthetic protocol (`ts_input`) of 500 and 5,000
//! declarations → IR (parse, resolve, lower), and → JSON Schema (`wiregen ts2schema`).
//! Figures and the comparison with ts-json-schema-generator: BENCHMARKS.md.

mod ts_input;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("typescript");
    group.sample_size(10);
    for n in [500, 5_000] {
        let text = ts_input::ts_input(n);
        let path = Path::new("bench.ts");
        group.bench_function(format!("load_{n}"), |b| {
            b.iter(|| wiregen::frontend::typescript::load_str(path, black_box(&text)).unwrap())
        });
        group.bench_function(format!("ts2schema_{n}"), |b| {
            b.iter(|| {
                let module =
                    wiregen::frontend::typescript::load_str(path, black_box(&text)).unwrap();
                wiregen::backend::jsonschema::emit(&module)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
