//! `Union` on a struct.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
struct Message {
    id: u32,
}

fn main() {}
