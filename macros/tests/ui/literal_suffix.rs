//! A `Literal` constant with a type suffix.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = 2u8)]
struct Version;

fn main() {}
