//! `self_tagged` on a unit variant.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    #[wiregen(self_tagged)]
    Ping,
}

fn main() {}
