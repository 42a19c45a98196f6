// The input does not exist: one error on the path, naming the file.
mod api {
    wiregen_runtime::include_protocol!("schemas/missing.json");
}

fn main() {}
