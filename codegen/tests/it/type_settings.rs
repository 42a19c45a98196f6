//! Per-type settings: the same keys from a schema's `x-wiregen` hints, a TypeScript `@wiregen`
//! tag, `wiregen.toml`'s `[protocol.types.Name]` and the builder give the same code; the
//! options override the hints key by key; bad names, keys and values are located.

use crate::{fixtures, portable};
use std::collections::BTreeMap;
use std::path::Path;
use wiregen::config::{TypeSettings, UnknownFields};

/// The fixtures whose types carry `x-wiregen` hints.
const FIXTURES: &[&str] = &[
    "settings_derives",
    "settings_order",
    "settings_rename",
    "settings_replace",
    "settings_strict",
    "settings_tag",
];

/// The schema without its hints (each on a line of its own, the last member of its
/// definition; removed as text so member order stays), and the hints by type name.
fn strip_hints(text: &str) -> (String, Vec<(String, serde_json::Value)>) {
    let schema: serde_json::Value = serde_json::from_str(text).unwrap();
    let hints: Vec<(String, serde_json::Value)> = schema["$defs"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(n, d)| d.get("x-wiregen").map(|h| (n.clone(), h.clone())))
        .collect();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("\"x-wiregen\"") {
            let prev = lines.last_mut().unwrap();
            *prev = prev.trim_end().trim_end_matches(',').to_string();
        } else {
            lines.push(line.to_string());
        }
    }
    let plain = lines.join("\n");
    assert!(
        !plain.contains("\"x-wiregen\""),
        "a hint spans lines: {plain}"
    );
    (plain, hints)
}

fn options(label: &str) -> wiregen::RustOptions {
    wiregen::RustOptions {
        source_label: label.into(),
        ..Default::default()
    }
}

#[test]
fn hints_config_and_builder_give_the_same_code_for_every_setting() {
    for name in FIXTURES {
        let file = format!("{name}.json");
        let path = fixtures("jsonschema").join(&file);
        let from_hints = wiregen::generate(&path, &options(&file)).unwrap().code;
        let (plain, hints) = strip_hints(&std::fs::read_to_string(&path).unwrap());
        assert!(!hints.is_empty(), "{name} has no hints");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(&file), &plain).unwrap();
        let types: BTreeMap<String, TypeSettings> = hints
            .iter()
            .map(|(n, h)| (n.clone(), serde_json::from_value(h.clone()).unwrap()))
            .collect();

        // Library options.
        let lib = wiregen::RustOptions {
            types: types.clone(),
            ..options(&file)
        };
        let from_options = wiregen::generate(&dir.path().join(&file), &lib)
            .unwrap()
            .code;
        assert_eq!(
            from_options, from_hints,
            "{name}: options differ from hints"
        );

        // wiregen.toml.
        let mut toml =
            format!("[[protocol]]\nname = \"p\"\ninput = \"{file}\"\noutput = \"out.rs\"\n");
        for (n, h) in &hints {
            toml.push_str(&format!(
                "[protocol.types.{n}]\n{}",
                toml::to_string(h).unwrap()
            ));
        }
        std::fs::write(dir.path().join("wiregen.toml"), &toml).unwrap();
        let config = wiregen::config::load(&dir.path().join("wiregen.toml")).unwrap();
        let mut from_config = config.protocols[0].rust_options();
        from_config.source_label = file.clone();
        let code = wiregen::generate(&dir.path().join(&file), &from_config)
            .unwrap()
            .code;
        assert_eq!(
            code, from_hints,
            "{name}: wiregen.toml differs from hints\n{toml}"
        );

        // The build.rs builder.
        let mut builder = wiregen::Builder::new()
            .input(dir.path().join(&file))
            .out_dir(dir.path().join("out"))
            .quiet(true);
        for (n, s) in &types {
            builder = builder.type_settings(n.clone(), s.clone());
        }
        let written = builder.generate().unwrap();
        let code = std::fs::read_to_string(&written[0]).unwrap();
        assert_eq!(code, from_hints, "{name}: the builder differs from hints");
    }
}

#[test]
fn options_override_a_schema_hint_key_by_key() {
    let path = fixtures("jsonschema").join("settings_rename.json");
    let mut types = BTreeMap::new();
    types.insert(
        "Task".to_string(),
        TypeSettings {
            derives: vec!["PartialOrd".into()],
            ..Default::default()
        },
    );
    let code = wiregen::generate(
        &path,
        &wiregen::RustOptions {
            types: types.clone(),
            ..options("r")
        },
    )
    .unwrap()
    .code;
    // The hint's `rename` stays, the option adds a derive.
    assert!(code.contains("pub struct Job {"), "{code}");
    assert!(
        code.contains("#[derive(Eq, Hash, PartialOrd)]\npub struct Job"),
        "{code}"
    );
    types.get_mut("Task").unwrap().rename = Some("Work".into());
    let code = wiregen::generate(
        &path,
        &wiregen::RustOptions {
            types,
            ..options("r")
        },
    )
    .unwrap()
    .code;
    assert!(
        code.contains("pub struct Work {") && code.contains("Vec<Work>"),
        "{code}"
    );
}

/// Writes `schema` (a `$defs` object) into a temporary directory and generates it.
fn generate_defs(defs: serde_json::Value) -> Result<wiregen::Output, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    std::fs::write(&path, serde_json::json!({ "$defs": defs }).to_string()).unwrap();
    wiregen::generate(&path, &options("s.json")).map_err(|d| portable(&d.to_string()))
}

#[test]
fn unknown_hint_keys_are_warnings_naming_the_nearest_key() {
    let out = generate_defs(serde_json::json!({
        "Id": {"type": "string", "x-wiregen": {"renam": "Key", "derives": ["PartialOrd"]}}
    }))
    .unwrap();
    let text = out.warnings.to_string();
    assert!(
        text.contains("unknown wiregen setting `renam` on `Id` is ignored")
            && text.contains("did you mean `rename`?")
            && text.contains("(at /$defs/Id/x-wiregen)"),
        "{text}"
    );
}

#[test]
fn bad_setting_values_are_located_errors() {
    let err = generate_defs(serde_json::json!({
        "Id": {"type": "object", "properties": {"a": {"type": "string"}}, "x-wiregen": {"rename": "not an ident", "tag": "a"}},
        "Ip": {"type": "string", "x-wiregen": {"replace": "no such path!"}},
        "Use": {"type": "object", "properties": {"ip": {"$ref": "#/$defs/Ip"}}},
        "Odd": {"type": "string", "x-wiregen": {"strict": "yes"}}
    }))
    .unwrap_err();
    assert!(err.contains("invalid wiregen setting on `Odd`"), "{err}");
    assert!(err.contains("(at /$defs/Odd/x-wiregen)"), "{err}");
    let err = generate_defs(serde_json::json!({
        "Id": {"type": "object", "properties": {"a": {"type": "string"}}, "x-wiregen": {"rename": "not an ident", "tag": "a"}},
    }))
    .unwrap_err();
    assert!(
        err.contains("`rename` of `Id`: `not an ident` is not a Rust identifier"),
        "{err}"
    );
    assert!(
        err.contains("`tag` of `Id`: only a union has a tag"),
        "{err}"
    );
    assert!(err.contains("(at /$defs/Id)"), "{err}");
    let err = generate_defs(serde_json::json!({
        "Ip": {"type": "string", "x-wiregen": {"replace": "no such path!"}},
        "Use": {"type": "object", "properties": {"ip": {"$ref": "#/$defs/Ip"}}}
    }))
    .unwrap_err();
    assert!(
        err.contains("`replace` of `Ip`: `no such path!` is not a Rust path"),
        "{err}"
    );
}

#[test]
fn a_derive_a_union_cannot_have_names_its_catch_all() {
    let err = generate_defs(serde_json::json!({
        "Event": {
            "oneOf": [
                {"type": "object", "properties": {"type": {"const": "a"}}, "required": ["type"]},
                {"type": "object", "properties": {"type": {"const": "b"}}, "required": ["type"]}
            ],
            "x-wiregen": {"derives": ["Hash", "Default"]}
        }
    }))
    .unwrap_err();
    assert!(
        err.contains("asks for `Hash`, but the `Unknown(wg::Value)` catch-all (any JSON value, `wg::Value`) does not implement it"),
        "{err}"
    );
    assert!(err.contains("strict = true"), "{err}");
    assert!(
        err.contains("asks for `Default`, but a union has no default variant"),
        "{err}"
    );
    // Strict, the same union hashes.
    let out = generate_defs(serde_json::json!({
        "Event": {
            "oneOf": [
                {"type": "object", "properties": {"type": {"const": "a"}}, "required": ["type"]},
                {"type": "object", "properties": {"type": {"const": "b"}}, "required": ["type"]}
            ],
            "x-wiregen": {"derives": ["Hash"], "strict": true}
        }
    }))
    .unwrap();
    assert!(
        out.code.contains("#[derive(Eq, Hash)]\npub enum Event"),
        "{}",
        out.code
    );
}

#[test]
fn typescript_wiregen_tags_carry_the_same_settings() {
    let dir = tempfile::tempdir().unwrap();
    let ts = dir.path().join("api.ts");
    std::fs::write(
        &ts,
        "/**\n * A unit of work.\n * @wiregen rename=Job derives=PartialOrd,Ord strict\n */\nexport interface Task {\n  id: string;\n}\n\n/** @wiregen replace=std::net::IpAddr derives=Eq,Hash colour=red */\nexport type Address = string;\n\n/** Where a job runs. */\nexport interface Placement {\n  task: Task;\n  host: Address;\n}\n",
    )
    .unwrap();
    let out = wiregen::generate(&ts, &options("api.ts")).unwrap_or_else(|d| panic!("{d}"));
    assert!(
        out.code.contains(
            "#[serde(deny_unknown_fields)]\n#[derive(Eq, Hash, PartialOrd, Ord)]\npub struct Job {"
        ),
        "{}",
        out.code
    );
    assert!(
        out.code.contains("pub host: std::net::IpAddr,"),
        "{}",
        out.code
    );
    assert!(
        out.code
            .contains("#[derive(Eq, Hash)]\npub struct Placement"),
        "{}",
        out.code
    );
    let warnings = out.warnings.to_string();
    assert!(
        warnings.contains("unknown wiregen setting `colour` on `Address`"),
        "{warnings}"
    );
}

#[test]
fn settings_for_a_type_the_protocol_lacks_name_the_nearest_type() {
    let path = fixtures("jsonschema").join("settings_rename.json");
    let mut types = BTreeMap::new();
    types.insert("Queu".to_string(), TypeSettings::default());
    let err = wiregen::generate(
        &path,
        &wiregen::RustOptions {
            types,
            ..options("r")
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("the protocol has no type `Queu`") && err.contains("did you mean `Queue`?"),
        "{err}"
    );
}

#[test]
fn unknown_fields_is_read_from_every_front_door() {
    let c = wiregen::config::parse(
        Path::new("wiregen.toml"),
        "[settings.types.Note]\nunknown_fields = \"keep\"\n[[protocol]]\nname = \"p\"\ninput = \"a.json\"\noutput = \"a.rs\"\n[protocol.types.Note]\nstrict = true\n",
    )
    .unwrap();
    let note = &c.protocols[0].types["Note"];
    assert_eq!(note.unknown_fields, Some(UnknownFields::Keep));
    assert_eq!(note.strict, Some(true));
    let out = generate_defs(serde_json::json!({
        "Note": {"type": "object", "properties": {"t": {"type": "string"}}, "x-wiregen": {"unknown_fields": "reject"}}
    }));
    assert!(out.is_ok(), "{out:?}");
    let err = generate_defs(serde_json::json!({
        "Note": {"type": "object", "x-wiregen": {"unknown_fields": "drop"}}
    }))
    .unwrap_err();
    assert!(err.contains("unknown variant `drop`"), "{err}");
}

include!("../shared/guide_blocks.rs");

#[test]
fn the_guide_shows_the_rust_its_customising_examples_generate() {
    let guide = std::fs::read_to_string(crate::repo_root().join("docs/guide.md")).unwrap();
    let blocks = fenced_blocks(&guide, "## Customising the output");
    let mut code = String::new();
    let mut checked = 0;
    for (i, (lang, body)) in blocks.iter().enumerate() {
        match lang.as_str() {
            "json" => {
                let dir = tempfile::tempdir().unwrap();
                std::fs::write(dir.path().join("api.json"), body).unwrap();
                let types = match blocks.get(i + 1) {
                    Some((l, t)) if l == "toml" => t.as_str(),
                    _ => "",
                };
                std::fs::write(
                    dir.path().join("wiregen.toml"),
                    format!("[[protocol]]\nname = \"g\"\ninput = \"api.json\"\noutput = \"api.rs\"\n{types}"),
                )
                .unwrap();
                let config = wiregen::config::load(&dir.path().join("wiregen.toml"))
                    .unwrap_or_else(|e| panic!("example {i}: {e}"));
                code = wiregen::generate(
                    &dir.path().join("api.json"),
                    &config.protocols[0].rust_options(),
                )
                .unwrap_or_else(|e| panic!("example {i}: {e}"))
                .code;
            }
            "toml" => {
                let config = format!(
                    "[[protocol]]\nname = \"g\"\ninput = \"a.json\"\noutput = \"a.rs\"\n{body}"
                );
                wiregen::config::parse(Path::new("wiregen.toml"), &config)
                    .unwrap_or_else(|e| panic!("example {i}: {e}"));
            }
            "rust" => {
                let lines: std::collections::BTreeSet<&str> = code.lines().map(str::trim).collect();
                for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    assert!(
                        lines.contains(line),
                        "guide block {i}: `{line}` is not in\n{code}"
                    );
                }
                checked += 1;
            }
            _ => {}
        }
    }
    assert!(checked >= 7, "only {checked} Rust blocks checked");
}

#[test]
fn a_rename_onto_a_taken_name_is_resolved_by_the_model_with_a_warning() {
    let path = fixtures("jsonschema").join("settings_rename.json");
    let mut types = BTreeMap::new();
    types.insert(
        "Task".to_string(),
        TypeSettings {
            rename: Some("Queue".into()),
            ..Default::default()
        },
    );
    let out = wiregen::generate(
        &path,
        &wiregen::RustOptions {
            types,
            ..options("r")
        },
    )
    .unwrap_or_else(|d| panic!("{d}"));
    // `Task` comes first in the protocol, so it keeps `Queue`; the protocol's `Queue` is numbered.
    assert!(
        out.code
            .contains("pub struct Queue {\n    /// The `id` member."),
        "{}",
        out.code
    );
    assert!(
        out.code.contains("pub struct Queue2 {") && out.code.contains("Vec<Queue>"),
        "{}",
        out.code
    );
    let warnings = out.warnings.to_string();
    assert!(
        warnings.contains("both become `Queue` in Rust"),
        "{warnings}"
    );
}
