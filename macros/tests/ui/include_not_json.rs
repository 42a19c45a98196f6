// A syntax error in the input: the error is on the path literal and gives file:line:col.
// (trybuild compiles this in target/tests/trybuild/wiregen-macros, hence the `../`s.)
mod api {
    wiregen_runtime::include_protocol!("../../../../macros/tests/ui/include/not_json.json");
}

fn main() {}
