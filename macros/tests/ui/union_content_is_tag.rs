//! `content` and `tag` naming the same member.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type", content = "type")]
enum Message {
    Ping,
}

fn main() {}
