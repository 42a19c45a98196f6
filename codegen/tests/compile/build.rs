//! Generates every construct fixture into OUT_DIR with the build.rs builder (default, strict,
//! and `unknown_fields = "keep"`), and a module list.
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
    guide_examples(&mut all);
    writeln!(
        all,
        "/// `settings_replace.json` with settings given to the builder.\npub mod builder_settings {{ include!(concat!(env!(\"OUT_DIR\"), \"/builder_settings.rs\")); }}"
    )
    .unwrap();
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("all.rs"), all).expect("write all.rs");
}

/// The JSON examples of docs/guide.md's "Customising the output", each with the `toml` block
/// right after it as its `wiregen.toml` types: generated into `guide_N` modules, compiled with
/// the rest (the `it` tests check the Rust the guide shows).
fn guide_examples(all: &mut String) {
    let guide = Path::new("../../../docs/guide.md");
    println!("cargo:rerun-if-changed={}", guide.display());
    let text = std::fs::read_to_string(guide).expect("docs/guide.md");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let blocks = fenced_blocks(&text, "## Customising the output");
    for (i, (lang, body)) in blocks.iter().enumerate() {
        if lang != "json" {
            continue;
        }
        let dir = out.join(format!("guide_{i}"));
        std::fs::create_dir_all(&dir).expect("guide example directory");
        std::fs::write(dir.join("api.json"), body).expect("write example");
        let types = match blocks.get(i + 1) {
            Some((lang, toml)) if lang == "toml" => toml.as_str(),
            _ => "",
        };
        std::fs::write(
            dir.join("wiregen.toml"),
            format!(
                "[[protocol]]\nname = \"guide\"\ninput = \"api.json\"\noutput = \"api.rs\"\n{types}"
            ),
        )
        .expect("write example config");
        let config =
            wiregen::config::load(&dir.join("wiregen.toml")).unwrap_or_else(|e| panic!("{e}"));
        let code = wiregen::generate(&dir.join("api.json"), &config.protocols[0].rust_options())
            .unwrap_or_else(|e| panic!("guide example {i}: {e}"))
            .code;
        std::fs::write(dir.join("api.rs"), code).expect("write example code");
        writeln!(
            all,
            "/// Example {i} of docs/guide.md, \"Customising the output\".\npub mod guide_{i} {{ include!(concat!(env!(\"OUT_DIR\"), \"/guide_{i}/api.rs\")); }}"
        )
        .unwrap();
    }
}

include!("../shared/guide_blocks.rs");
