//! A `crate` that is not a path.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type", crate = "not a path")]
enum Message {
    Ping,
}

fn main() {}
