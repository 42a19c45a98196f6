//! An `other` variant without a field.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Ping,
    #[wiregen(other)]
    Unknown,
}

fn main() {}
