//! A `Literal` integer outside the JSON integer range.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = -9223372036854775809)]
struct Version;

fn main() {}
