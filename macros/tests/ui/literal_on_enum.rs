//! `Literal` on an enum.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = "2.0")]
enum Version {
    Two,
}

fn main() {}
