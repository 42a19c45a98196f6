// A schema error: reported with its JSON pointer, once.
mod api {
    wiregen_runtime::include_protocol!("../../../../macros/tests/ui/include/bad.json");
}

fn main() {}
