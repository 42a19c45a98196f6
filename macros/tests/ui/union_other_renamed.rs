//! An `other` variant with a tag of its own.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Ping,
    #[wiregen(other, rename = "unknown")]
    Unknown(wg::Value),
}

fn main() {}
