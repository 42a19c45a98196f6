//! Generates every construct fixture into OUT_DIR with the build.rs builder (default, strict,
//! and `unknown_fields = "keep"`), and a module list.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("../fixtures/jsonschema");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    names.sort();
    let mut builder = wiregen::Builder::new();
    let mut strict = wiregen::Builder::new().strict(true);
    let mut keep = wiregen::Builder::new().unknown_fields(wiregen::config::UnknownFields::Keep);
    for name in &names {
        builder = builder.input(dir.join(format!("{name}.json")));
        strict = strict.input_as(
            dir.join(format!("{name}.json")),
            format!("strict_{name}.rs"),
        );
        keep = keep.input_as(dir.join(format!("{name}.json")), format!("keep_{name}.rs"));
    }
    builder.generate().unwrap_or_else(|e| panic!("{e}"));
    strict.generate().unwrap_or_else(|e| panic!("{e}"));
    keep.generate().unwrap_or_else(|e| panic!("{e}"));
    let mut all = String::new();
    for name in &names {
        for (module, file) in [
            (name.clone(), name.clone()),
            (format!("strict_{name}"), format!("strict_{name}")),
            (format!("keep_{name}"), format!("keep_{name}")),
        ] {
            writeln!(all, "/// Generated from fixture `{name}.json`.").unwrap();
            writeln!(
                all,
                "pub mod {module} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{file}.rs\")); }}"
            )
            .unwrap();
        }
    }
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("all.rs"), all).expect("write all.rs");
}
