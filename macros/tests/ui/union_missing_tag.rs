//! A union without `tag`.
use wiregen_runtime as wg;

#[derive(wg::Union)]
enum Message {
    Ping,
}

fn main() {}
