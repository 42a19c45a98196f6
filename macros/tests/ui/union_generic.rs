//! A generic union.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message<T> {
    Data(T),
}

fn main() {}
