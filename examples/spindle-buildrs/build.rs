//! Generates the Spindle types into OUT_DIR with wiregen's build.rs builder, in strict mode
//! (unknown fields, tags and enum strings are errors), next to the lenient checked-in crate.
fn main() {
    wiregen::Builder::new()
        .input_as("../../schemas/lumiverse-spindle/0.4.46.json", "spindle.rs")
        .strict(true)
        .generate_or_report();
}
