//! A union key on a literal.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = 1, tag = "type")]
struct Version;

fn main() {}
