//! Generates every construct fixture into OUT_DIR with the build.rs builder, and a module list.
use std::fmt::Write as _;
use std::path::Path;
use wiregen::config::TypeSettings;

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
    for name in &names {
        builder = builder.input(dir.join(format!("{name}.json")));
        strict = strict.input_as(
            dir.join(format!("{name}.json")),
            format!("strict_{name}.rs"),
        );
    }
    builder.generate().unwrap_or_else(|e| panic!("{e}"));
    strict.generate().unwrap_or_else(|e| panic!("{e}"));
    // Per-type settings from the builder (the fixtures carry theirs as `x-wiregen` hints),
    // overriding a hint: a replacement by a type of this crate, a rename, an ordering.
    wiregen::Builder::new()
        .input_as(dir.join("settings_replace.json"), "builder_settings.rs")
        .type_settings(
            "Labels",
            TypeSettings {
                replace: Some("crate::replacements::Labels".into()),
                derives: ["Eq", "Hash", "PartialOrd", "Ord"]
                    .map(String::from)
                    .to_vec(),
                ..Default::default()
            },
        )
        .type_settings(
            "Peer",
            TypeSettings {
                rename: Some("Node".into()),
                derives: vec!["PartialOrd".into(), "Ord".into()],
                ..Default::default()
            },
        )
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut all = String::new();
    for name in &names {
        for (module, file) in [
            (name.clone(), name.clone()),
            (format!("strict_{name}"), format!("strict_{name}")),
        ] {
            writeln!(all, "/// Generated from fixture `{name}.json`.").unwrap();
            writeln!(
                all,
                "pub mod {module} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{file}.rs\")); }}"
            )
            .unwrap();
        }
    }
    writeln!(
        all,
        "/// `settings_replace.json` with settings given to the builder.\npub mod builder_settings {{ include!(concat!(env!(\"OUT_DIR\"), \"/builder_settings.rs\")); }}"
    )
    .unwrap();
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("all.rs"), all).expect("write all.rs");
}
