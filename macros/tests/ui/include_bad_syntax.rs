// The first argument must be a string literal path.
mod api {
    wiregen_runtime::include_protocol!(schemas::x, strict = true);
}

fn main() {}
