//! `self_tagged` in an adjacently tagged union.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type", content = "data")]
enum Message {
    #[wiregen(self_tagged)]
    Open(wg::Value),
}

fn main() {}
