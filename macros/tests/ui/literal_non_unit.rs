//! `Literal` on a struct with fields.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = "2.0")]
struct Version(String);

fn main() {}
