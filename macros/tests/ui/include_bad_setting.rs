// Bad settings are errors on their own tokens; the code is still generated with the valid
// settings, so the use of `api::Greeting` below does not cascade into more errors.
mod api {
    wiregen_runtime::include_protocol!(
        "../../../../macros/tests/ui/include/greeting.json",
        strict = "yes",
        extra_derive = ["Eq"],
    );
}

fn main() {
    let g = api::Greeting { text: "hi".into() };
    let _ = wiregen_runtime::to_string(&g);
}
