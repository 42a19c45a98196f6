//! A union variant with named fields.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Spawn { id: u32 },
}

fn main() {}
