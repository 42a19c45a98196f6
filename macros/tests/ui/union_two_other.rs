//! Two `other` variants.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Ping,
    #[wiregen(other)]
    Unknown(wg::Value),
    #[wiregen(other)]
    Unknown2(wg::Value),
}

fn main() {}
