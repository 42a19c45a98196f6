//! A negated string constant.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = -"2.0")]
struct Version;

fn main() {}
