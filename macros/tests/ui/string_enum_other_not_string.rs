//! A string enum `other` variant that does not hold a `String`.
use wiregen_runtime as wg;

#[derive(wg::StringEnum)]
enum Level {
    Info,
    #[wiregen(other)]
    Other(u32),
}

fn main() {}
