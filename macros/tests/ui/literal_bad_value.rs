//! A `Literal` constant that is not a JSON scalar.
use wiregen_runtime as wg;

#[derive(wg::Literal)]
#[wiregen(value = b'x')]
struct Version;

fn main() {}
