//! The TypeScript frontend: per-construct snapshots (IR dump and Rust), the `ts2schema`
//! round trip (TS → IR → JSON Schema → IR gives the same IR), `generated/` reproduced from
//! the TypeScript versions of the seed protocols, notes for JavaScript API, and the
//! differential test against ts-json-schema-generator (run by `scripts/ts-differential.sh`).

use crate::{fixtures, repo_root};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every TypeScript fixture: `ts/*.ts`, and `ts/<dir>/index.ts` for multi-file packages;
/// (construct name, entry path), sorted.
pub fn ts_fixtures() -> Vec<(String, PathBuf)> {
    let dir = fixtures("ts");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() && path.join("index.ts").is_file() {
            out.push((name, path.join("index.ts")));
        } else if path.extension().is_some_and(|e| e == "ts") {
            out.push((name, path));
        }
    }
    out.sort();
    out
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

fn label(path: &Path) -> String {
    path.strip_prefix(fixtures("ts"))
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_ts_fixture_snapshots_its_ir_and_rust() {
    let all = ts_fixtures();
    assert!(all.len() >= 18, "fixtures missing: {all:?}");
    for (name, path) in all {
        let module = wiregen::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ir = wiregen::dump::dump(&module);
        settings().bind(|| insta::assert_snapshot!(format!("ts__{name}__ir"), ir));
        let options = wiregen::RustOptions {
            source_label: label(&path),
            ..Default::default()
        };
        let out = wiregen::generate(&path, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        settings().bind(|| insta::assert_snapshot!(format!("ts__{name}__rust"), out.code));
    }
}

/// TS → IR → JSON Schema → IR: the same IR, before and after `classify`.
#[test]
fn ts2schema_output_reads_back_as_the_same_ir() {
    for (name, path) in ts_fixtures() {
        let from_ts = wiregen::frontend::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let schema = wiregen::backend::jsonschema::emit(&from_ts);
        let json_path = path.with_extension("json");
        let from_json = wiregen::frontend::jsonschema::load_str(&json_path, &schema)
            .unwrap_or_else(|e| panic!("{name}: the schema does not load: {e}\n{schema}"));
        let (a, b) = (
            wiregen::dump::dump(&from_ts),
            wiregen::dump::dump(&from_json),
        );
        assert!(
            a == b,
            "{name}: the round trip changes the IR\n{}",
            diff(&a, &b)
        );
        let (mut a, mut b) = (from_ts, from_json);
        wiregen::classify::classify(&mut a);
        wiregen::classify::classify(&mut b);
        assert_eq!(
            wiregen::dump::dump(&a),
            wiregen::dump::dump(&b),
            "{name} (classified)"
        );
    }
}

fn diff(a: &str, b: &str) -> String {
    similar::TextDiff::from_lines(a, b)
        .unified_diff()
        .header("typescript", "json schema")
        .to_string()
}

/// The TypeScript entry of a seed protocol version, when it has one: `schemas/<p>/ts/<v>.ts`
/// or `schemas/<p>/ts/<v>/index.ts`.
fn seed_ts(protocol: &str, version: &str) -> Option<PathBuf> {
    let dir = repo_root().join("schemas").join(protocol).join("ts");
    [
        dir.join(format!("{version}.ts")),
        dir.join(version).join("index.ts"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

#[test]
fn generated_code_is_the_same_from_typescript_and_from_json_schema() {
    let root = repo_root();
    let config = wiregen::config::load(&root.join("wiregen.toml")).unwrap();
    let mut compared = 0;
    for p in &config.protocols {
        for (version, input) in &p.versions {
            let Some(ts) = seed_ts(&p.name, version) else {
                continue;
            };
            // The same options (source label included), so the files must be byte-identical.
            let options = wiregen::RustOptions {
                source_label: input.to_string_lossy().replace('\\', "/"),
                ..p.rust_options()
            };
            let from_json = wiregen::generate(&root.join(input), &options)
                .unwrap_or_else(|e| panic!("{} {version} (JSON Schema): {e}", p.name));
            let from_ts = wiregen::generate(&ts, &options)
                .unwrap_or_else(|e| panic!("{} {version} ({}): {e}", p.name, ts.display()));
            assert!(
                from_ts.code == from_json.code,
                "{} {version}: Rust from {} differs from Rust from {}\n{}",
                p.name,
                ts.display(),
                input.display(),
                diff(&from_ts.code, &from_json.code)
            );
            if *input == p.input {
                let on_disk = std::fs::read_to_string(root.join(&p.output)).unwrap_or_default();
                assert!(
                    on_disk == from_ts.code,
                    "{} is not what {} generates",
                    p.output.display(),
                    ts.display()
                );
            }
            compared += 1;
        }
    }
    assert!(
        compared >= 4,
        "every seed protocol needs a TypeScript version ({compared} found)"
    );
}

#[test]
fn javascript_api_is_skipped_with_notes() {
    let out = crate::generate(&fixtures("ts").join("js_api.ts")).unwrap();
    let notes: Vec<String> = out
        .warnings
        .iter()
        .filter(|d| d.severity == wiregen::Severity::Note)
        .map(|d| crate::portable(&d.to_string()))
        .collect();
    let all = notes.join("\n");
    assert!(all.contains("`ProcessHandle` has only methods"), "{all}");
    assert!(all.contains("`Listener` is a function type"), "{all}");
    assert!(
        all.contains("`Request.onReply` is a method or function"),
        "{all}"
    );
    assert!(all.contains("ts/js_api.ts:8:3"), "{all}");
    assert!(
        !out.code.contains("on_reply") && !out.code.contains("ProcessHandle"),
        "{}",
        out.code
    );
}

/// Allow-list entries: in `fixture`, the IR of `ty` (`*`: every type) may differ between
/// wiregen's TypeScript frontend and the JSON Schema of ts-json-schema-generator. A row of
/// ALLOWLIST.md names one fixture and a comma-separated list of types.
fn allowlist() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixtures("ts").join("ALLOWLIST.md")).unwrap();
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let (Some(fixture), Some(types)) = (cells.first(), cells.get(1)) else {
            continue;
        };
        let fixture = fixture.trim_start_matches('|').trim().trim_matches('`');
        for ty in types.split(", ") {
            out.push((fixture.to_string(), ty.trim_matches('`').to_string()));
        }
    }
    out
}

/// The dump split per type: first line of each block → the block.
fn blocks(dump: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current = String::new();
    for line in dump.lines() {
        if line.starts_with("title:") || line.starts_with("docs:") {
            current = "(module)".into();
        } else if !line.starts_with(' ') {
            let head: Vec<&str> = line.split_whitespace().collect();
            current = head.get(1).map(|s| s.to_string()).unwrap_or_default();
        }
        let block: &mut String = out.entry(current.clone()).or_default();
        block.push_str(line);
        block.push('\n');
    }
    out
}

/// Run by `scripts/ts-differential.sh`, which converts every fixture with the reference
/// converter into `$WIREGEN_TS_DIFFERENTIAL/<fixture>.json`; skipped without it.
#[test]
fn differential_against_ts_json_schema_generator() {
    let Ok(dir) = std::env::var("WIREGEN_TS_DIFFERENTIAL") else {
        eprintln!(
            "skipped: WIREGEN_TS_DIFFERENTIAL is not set (scripts/ts-differential.sh sets it)"
        );
        return;
    };
    let allowed = allowlist();
    let mut used = vec![false; allowed.len()];
    let mut failures = Vec::new();
    for (name, path) in ts_fixtures() {
        let reference = Path::new(&dir).join(format!("{name}.json"));
        let ours = wiregen::load(&path).map(|m| wiregen::dump::dump(&m));
        let theirs = wiregen::load(&reference).map(|m| wiregen::dump::dump(&m));
        let (ours, theirs) = match (ours, theirs) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => {
                let whole = allowed.iter().position(|(f, t)| *f == name && t == "*");
                match whole {
                    Some(i) => used[i] = true,
                    None => failures.push(format!(
                        "{name}: one side does not load: ours {:?}, reference {:?}",
                        a.err().map(|e| e.to_string()),
                        b.err().map(|e| e.to_string())
                    )),
                }
                continue;
            }
        };
        let (a, b) = (blocks(&ours), blocks(&theirs));
        let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for key in keys {
            if a.get(key) == b.get(key) {
                continue;
            }
            let entry = allowed
                .iter()
                .position(|(f, t)| *f == name && (t == key || t == "*"));
            match entry {
                Some(i) => used[i] = true,
                None => failures.push(format!(
                    "{name}: `{key}` differs\n--- wiregen\n{}--- reference\n{}",
                    a.get(key).cloned().unwrap_or_default(),
                    b.get(key).cloned().unwrap_or_default()
                )),
            }
        }
    }
    let stale: Vec<String> = allowed
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((f, t), _)| format!("{f} / {t}"))
        .collect();
    assert!(
        failures.is_empty(),
        "differences not in ALLOWLIST.md:\n{}",
        failures.join("\n")
    );
    assert!(
        stale.is_empty(),
        "ALLOWLIST.md entries that match no difference: {stale:?}"
    );
}

#[test]
fn the_builder_generates_from_typescript_and_reports_every_package_file() {
    let dir = tempfile::tempdir().unwrap();
    let entry = repo_root().join("schemas/stina-extension-api/ts/0.22.0/index.ts");
    let written = wiregen::Builder::new()
        .input_as(&entry, "stina.rs")
        .out_dir(dir.path())
        .quiet(true)
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    let code = std::fs::read_to_string(&written[0]).unwrap();
    assert!(code.contains("pub enum HostToWorkerMessage"), "{code}");
    // Every file of the package (and the manifest) is reported for `rerun-if-changed`.
    let files: Vec<String> = wiregen::load(&entry)
        .unwrap()
        .files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for f in [
        "index.ts",
        "permissions.ts",
        "background.ts",
        "messages.ts",
        "types.ts",
        "index.manifest.json",
    ] {
        assert!(files.iter().any(|x| x == f), "{f} missing from {files:?}");
    }
}

fn ts_dump(fixture: &str) -> String {
    let path = fixtures("ts").join(fixture);
    wiregen::dump::dump(&wiregen::load(&path).unwrap_or_else(|e| panic!("{fixture}: {e}")))
}

#[test]
fn typeof_of_a_literal_const_is_that_literal() {
    let ir = ts_dump("typeof_const.ts");
    for expected in [
        "- jsonrpc (required): \"2.0\"",
        "- version (required): \"2025-06-18\"",
        "- enabled (required): true",
        "- kind (required): \"ping\"",
        "- code (required): -32042",
    ] {
        assert!(ir.contains(expected), "{expected}\n{ir}");
    }
    // The constants themselves are values, not types.
    assert!(!ir.contains("JSONRPC_VERSION"), "{ir}");
}

#[test]
fn declare_module_declarations_are_collected() {
    let path = fixtures("ts").join("namespaces.ts");
    let module = wiregen::load(&path).unwrap();
    let names: Vec<&str> = module.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ProtocolMessage",
            "Request",
            "LaunchArguments",
            "Checksum",
            "ChecksumAlgorithm",
            "Hello",
            "ApiV2Hello",
            "Bye",
            "Shape",
            "Status",
            "Kind"
        ]
    );
    // A name declared twice: the later one is qualified by its namespaces, with a warning.
    let warnings = crate::portable(&module.warnings.to_string());
    assert!(
        warnings
            .contains("two declarations are named `Hello`; this one is generated as `ApiV2Hello`")
            && warnings.contains("ts/namespaces.ts:44:5"),
        "{warnings}"
    );
    // The package's files are real files only (no entry per namespace).
    assert_eq!(module.files.len(), 1, "{:?}", module.files);
}

#[test]
fn export_assignment_of_a_namespace_exports_its_members() {
    let ir = ts_dump("export_assignment.ts");
    assert!(
        ir.contains("struct Ping extra=closed") && ir.contains("struct Pong extra=closed"),
        "{ir}"
    );
}

#[test]
fn script_files_export_every_declaration() {
    let path = fixtures("ts").join("global_script.ts");
    let module = wiregen::load(&path).unwrap();
    let names: Vec<&str> = module.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Point", "Circle"]);
}

#[test]
fn open_objects_keep_their_other_members_in_both_frontends() {
    let ir = ts_dump("maps.ts");
    assert!(ir.contains("struct Settings extra=map<any>"), "{ir}");
    let schema = r#"{"$defs": {
        "True": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": true},
        "Empty": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": {}},
        "Absent": {"type": "object", "properties": {"a": {"type": "string"}}},
        "False": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false}
    }}"#;
    let module = wiregen::frontend::jsonschema::load_str(Path::new("open.json"), schema).unwrap();
    let ir = wiregen::dump::dump(&module);
    for expected in [
        "struct True extra=map<any>",
        "struct Empty extra=map<any>",
        "struct Absent extra=open",
        "struct False extra=closed",
    ] {
        assert!(ir.contains(expected), "{expected}\n{ir}");
    }
}

#[test]
fn optional_never_members_are_left_out_and_documented() {
    let module = wiregen::load(&fixtures("ts").join("never_members.ts")).unwrap();
    let def = |name: &str| {
        let t = module.types.iter().find(|t| t.name == name).unwrap();
        let wiregen::ir::TypeKind::Struct(s) = &t.kind else {
            panic!("{t:?}")
        };
        let wires: Vec<&str> = s.fields.iter().map(|f| f.wire.as_str()).collect();
        let never: Vec<&str> = s.never.iter().map(String::as_str).collect();
        (wires, never)
    };
    assert_eq!(def("Text"), (vec!["type", "text"], vec!["url"]));
    assert_eq!(def("Trimmed"), (vec!["id"], vec!["legacy", "old"]));
    let out = wiregen::generate(
        &fixtures("ts").join("never_members.ts"),
        &Default::default(),
    )
    .unwrap();
    assert!(
        out.code
            .contains("Never present (the protocol rules them out): `legacy`, `old`."),
        "{}",
        out.code
    );
}

#[test]
fn interfaces_extending_record_keep_their_members_and_a_map_of_the_rest() {
    let ir = ts_dump("record_bases.ts");
    assert!(ir.contains("struct Scores extra=map<number>"), "{ir}");
    assert!(ir.contains("- total (required): number"), "{ir}");
    assert!(ir.contains("struct Meta extra=map<any>"), "{ir}");
    assert!(ir.contains("alias Labels = map<string>"), "{ir}");
}

#[test]
fn long_extends_chains_are_not_cycles() {
    let mut text = String::from("export interface T0 { m0: string }\n");
    for i in 1..100 {
        text.push_str(&format!(
            "export interface T{i} extends T{} {{ m{i}: string }}\n",
            i - 1
        ));
    }
    let path = fixtures("ts").join("chain.ts");
    let module =
        wiregen::frontend::typescript::load_str(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    let last = module.types.iter().find(|t| t.name == "T99").unwrap();
    let wiregen::ir::TypeKind::Struct(s) = &last.kind else {
        panic!("{last:?}")
    };
    assert_eq!(s.fields.len(), 100);
    assert_eq!(s.fields[0].wire, "m0");
}

#[test]
fn omit_and_pick_resolve_only_the_members_they_keep() {
    let path = fixtures("ts").join("platform_globals.ts");
    let module = wiregen::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = module.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["WireOptions", "UploadName", "UploadMeta"]);
    let notes = crate::portable(&module.warnings.to_string());
    assert!(
        notes.contains(
            "`RequestOptions` has a member `signal` of type `AbortSignal`: JavaScript API, not wire data; skipped"
        ) && notes.contains("ts/platform_globals.ts:5:1"),
        "{notes}"
    );
}

#[test]
fn literals_beside_their_primitive_are_that_primitive() {
    let ir = ts_dump("open_literal_unions.ts");
    for expected in [
        "- type (required): string",
        "- reason (optional nullable): string",
        "- code (required): number",
        "- flag (required): bool",
    ] {
        assert!(ir.contains(expected), "{expected}\n{ir}");
    }
}
