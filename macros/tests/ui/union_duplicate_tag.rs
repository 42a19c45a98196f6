//! Two union variants with the same tag.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    #[wiregen(rename = "ping")]
    Ping,
    #[wiregen(rename = "ping")]
    Pong,
}

fn main() {}
