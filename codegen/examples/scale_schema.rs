//! Prints the synthetic draft-07 schema of the generation benchmarks: `cargo run --release -p
//! wiregen --example scale_schema -- 4000 > scale.json` (see BENCHMARKS.md and
//! scripts/gen-scale.sh).

#[path = "../benches/scale_input.rs"]
mod scale_input;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000);
    print!("{}", scale_input::scale_schema(n));
}
