//! `deny_unknown_fields` on an internally tagged union: the payload structs decide.
use wiregen_runtime as wg;

#[derive(wg::Union)]
#[wiregen(tag = "type", deny_unknown_fields)]
enum Message {
    Ping,
}

fn main() {}
