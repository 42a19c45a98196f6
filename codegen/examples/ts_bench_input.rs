//! Prints the synthetic TypeScript protocol of the benchmarks: `cargo run --release -p wiregen
//! --example ts_bench_input -- 5000 > bench.ts` (see BENCHMARKS.md and scripts/ts-bench.sh).

#[path = "../benches/ts_input.rs"]
mod ts_input;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000);
    print!("{}", ts_input::ts_input(n));
}
