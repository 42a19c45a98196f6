//! Generated code is a product: every construct fixture and every protocol output, written
//! into a scratch crate that depends only on `wiregen-runtime`, must pass
//! `cargo clippy -- -D warnings` with `missing_docs` denied, also with every standard extra
//! derive asked for (`Eq`, `Hash`, `Ord`, `Default`, `Copy`).

use crate::{fixtures, generate, json_files, repo_root};
use std::fmt::Write as _;
use std::process::Command;

#[test]
fn generated_code_is_clippy_clean_with_warnings_denied() {
    let root = repo_root();
    let krate = root.join("target/wiregen-clippy-check");
    let src = krate.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).unwrap();
    let runtime = root.join("runtime");
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"wiregen-clippy-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nwiregen-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .unwrap();
    if let Ok(lock) = std::fs::read(root.join("Cargo.lock")) {
        std::fs::write(krate.join("Cargo.lock"), lock).unwrap();
    }
    let mut lib = String::from(
        "//! Generated code under the strictest lints.\n#![deny(missing_docs, warnings)]\n",
    );
    let mut modules: Vec<(String, String)> = Vec::new();
    for path in json_files(&fixtures("jsonschema")) {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        modules.push((name.clone(), generate(&path).unwrap().code));
        let strict = wiregen::generate(
            &path,
            &wiregen::RustOptions {
                strict: true,
                ..Default::default()
            },
        )
        .unwrap();
        modules.push((format!("strict_{name}"), strict.code));
        // Every standard derive a user may ask for: added only where every member allows it.
        let derives = wiregen::generate(
            &path,
            &wiregen::RustOptions {
                extra_derives: ["Eq", "Hash", "PartialOrd", "Ord", "Default", "Copy"]
                    .map(String::from)
                    .to_vec(),
                ..Default::default()
            },
        )
        .unwrap();
        modules.push((format!("derives_{name}"), derives.code));
        // Kept unknown members, with every standard derive (the kept map is never `Copy`).
        let keep = wiregen::generate(
            &path,
            &wiregen::RustOptions {
                unknown_fields: Some(wiregen::config::UnknownFields::Keep),
                extra_derives: ["Eq", "Hash", "PartialOrd", "Ord", "Default", "Copy"]
                    .map(String::from)
                    .to_vec(),
                ..Default::default()
            },
        )
        .unwrap();
        modules.push((format!("keep_{name}"), keep.code));
    }
    let config = wiregen::config::load(&root.join("wiregen.toml")).unwrap();
    for p in &config.protocols {
        for (version, input) in &p.versions {
            let name = format!("{}_{}", p.name, version).replace(['-', '.'], "_");
            modules.push((
                name,
                wiregen::generate(&root.join(input), &p.rust_options())
                    .unwrap()
                    .code,
            ));
        }
    }
    for (name, code) in &modules {
        std::fs::write(src.join(format!("{name}.rs")), code).unwrap();
        writeln!(lib, "/// `{name}`.\npub mod {name};").unwrap();
    }
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"])
        .current_dir(&krate)
        .env(
            "CARGO_TARGET_DIR",
            root.join("target/wiregen-clippy-check/target"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo clippy");
    assert!(
        out.status.success(),
        "clippy found problems in generated code ({} modules):\n{}",
        modules.len(),
        String::from_utf8_lossy(&out.stderr)
    );
}
