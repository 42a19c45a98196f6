//! Two string enum variants with the same string.
use wiregen_runtime as wg;

#[derive(wg::StringEnum)]
enum Level {
    #[wiregen(rename = "info")]
    Info,
    #[wiregen(rename = "info")]
    Information,
}

fn main() {}
