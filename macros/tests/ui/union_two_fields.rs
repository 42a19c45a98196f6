//! A union variant with two fields.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Spawn(u32, String),
}

fn main() {}
