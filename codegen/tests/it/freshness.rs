//! Determinism and freshness: the same input gives byte-identical output, and the checked-in
//! `generated/` matches what the schemas produce now.

use crate::{fixtures, generate, json_files, repo_root};

#[test]
fn generating_twice_gives_identical_bytes() {
    for path in json_files(&fixtures("jsonschema")) {
        let a = generate(&path).unwrap().code;
        let b = generate(&path).unwrap().code;
        assert_eq!(a, b, "{} is not deterministic", path.display());
    }
}

#[test]
fn checked_in_generated_code_is_fresh() {
    let root = repo_root();
    let config = wiregen::config::load(&root.join("wiregen.toml")).unwrap();
    for p in &config.protocols {
        let out = wiregen::generate(&root.join(&p.input), &p.rust_options())
            .unwrap_or_else(|e| panic!("{e}"));
        let on_disk = std::fs::read_to_string(root.join(&p.output)).unwrap_or_default();
        assert!(
            on_disk == out.code,
            "{} is stale; run `cargo run -p wiregen -- generate` and commit the result",
            p.output.display()
        );
    }
}

#[test]
fn every_schema_version_in_the_config_generates() {
    let root = repo_root();
    let config = wiregen::config::load(&root.join("wiregen.toml")).unwrap();
    for p in &config.protocols {
        for (version, input) in &p.versions {
            let out = wiregen::generate(&root.join(input), &p.rust_options());
            assert!(
                out.is_ok(),
                "{} {version}: {}",
                p.name,
                out.err().map(|e| e.to_string()).unwrap_or_default()
            );
        }
    }
}

#[test]
fn generated_files_are_rustfmt_stable() {
    let mut files: Vec<(String, String)> = Vec::new();
    for path in json_files(&fixtures("jsonschema")) {
        files.push((path.display().to_string(), generate(&path).unwrap().code));
    }
    let root = repo_root();
    let config = wiregen::config::load(&root.join("wiregen.toml")).unwrap();
    for p in &config.protocols {
        for input in p.versions.values().chain(std::iter::once(&p.input)) {
            let code = wiregen::generate(&root.join(input), &p.rust_options())
                .unwrap()
                .code;
            files.push((input.display().to_string(), code));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for (i, (name, code)) in files.iter().enumerate() {
        let file = dir.path().join(format!("f{i}.rs"));
        std::fs::write(&file, code).unwrap();
        let out = std::process::Command::new(
            std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into()),
        )
        .args(["--edition", "2024", "--check"])
        .arg(&file)
        .output()
        .expect(
            "rustfmt is part of the Rust toolchain; install it with `rustup component add rustfmt`",
        );
        assert!(
            out.status.success(),
            "rustfmt would reformat the output of {name}:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
