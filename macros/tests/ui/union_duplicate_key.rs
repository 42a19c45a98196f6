//! The same key twice.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
#[wiregen(tag = "kind")]
enum Message {
    Ping,
}

fn main() {}
