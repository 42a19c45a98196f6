//! An `other` variant that does not hold a `Value`.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Ping,
    #[wiregen(other)]
    Unknown(String),
}

fn main() {}
