//! A string enum variant with a field, not marked `other`.
use wiregen_runtime as wg;

#[derive(wg::StringEnum)]
enum Level {
    Info,
    Custom(String),
}

fn main() {}
