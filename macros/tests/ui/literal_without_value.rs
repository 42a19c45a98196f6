//! `Literal` without `value`.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
struct Version;

fn main() {}
