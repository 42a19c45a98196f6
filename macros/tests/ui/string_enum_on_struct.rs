//! `StringEnum` on a struct.
use wiregen_runtime as wg;

#[derive(wg::StringEnum)]
struct Level(String);

fn main() {}
