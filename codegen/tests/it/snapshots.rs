//! Snapshot tests: every construct fixture → Rust, and the Spindle protocol → Rust. A change in
//! output shows up as a reviewable diff under `snapshots/`.

use crate::{fixtures, generate, json_files, repo_root};

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn every_construct_fixture_generates_the_snapshotted_rust() {
    let files = json_files(&fixtures("jsonschema"));
    assert!(files.len() >= 15, "fixtures missing: {files:?}");
    for path in files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let out = generate(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        settings().bind(|| insta::assert_snapshot!(format!("construct__{name}"), out.code));
    }
}

#[test]
fn strict_setting_rejects_unknown_members_in_generated_code() {
    let path = fixtures("jsonschema").join("tagged_unions.json");
    let options = wiregen::RustOptions {
        source_label: "tagged_unions.json".into(),
        strict: true,
        ..Default::default()
    };
    let out = wiregen::generate(&path, &options).unwrap();
    settings().bind(|| insta::assert_snapshot!("construct__tagged_unions_strict", out.code));
}

#[test]
fn keep_setting_adds_a_flattened_map_of_unknown_members_to_every_struct() {
    let path = fixtures("jsonschema").join("unknown_fields.json");
    let options = wiregen::RustOptions {
        source_label: "unknown_fields.json".into(),
        unknown_fields: Some(wiregen::config::UnknownFields::Keep),
        ..Default::default()
    };
    let out = wiregen::generate(&path, &options).unwrap();
    settings().bind(|| insta::assert_snapshot!("construct__unknown_fields_keep", out.code));
}

#[test]
fn every_protocol_version_generates_the_snapshotted_rust() {
    let root = repo_root();
    let config = wiregen::config::load(&root.join("wiregen.toml")).unwrap();
    for p in &config.protocols {
        for (version, input) in &p.versions {
            let mut options = p.rust_options();
            options.source_label = input.display().to_string();
            let out = wiregen::generate(&root.join(input), &options)
                .unwrap_or_else(|e| panic!("{version}: {e}"));
            settings().bind(|| {
                insta::assert_snapshot!(format!("protocol__{}__{version}", p.name), out.code)
            });
        }
    }
}
