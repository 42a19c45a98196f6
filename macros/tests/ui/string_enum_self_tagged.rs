//! A union-only key on a string enum variant.
use wiregen_runtime as wg;

#[derive(wg::StringEnum)]
enum Level {
    #[wiregen(self_tagged)]
    Info,
}

fn main() {}
