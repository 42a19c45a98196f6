//! An unknown key on the enum.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type", untagged)]
enum Message {
    Ping,
}

fn main() {}
