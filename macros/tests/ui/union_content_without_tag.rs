//! `content` without `tag`.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(content = "data")]
enum Message {
    Ping,
}

fn main() {}
