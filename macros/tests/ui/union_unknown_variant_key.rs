//! An unknown key on a variant.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    #[wiregen(alias = "p")]
    Ping,
}

fn main() {}
