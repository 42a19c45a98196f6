//! A `wiregen` attribute on a field.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type")]
enum Message {
    Data(#[wiregen(rename = "x")] wg::Value),
}

fn main() {}
