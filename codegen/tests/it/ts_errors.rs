//! Bad TypeScript input: syntax errors, unsupported constructs, missing imports and unknown
//! names each give file:line:col, the construct's source text and a hint; nothing panics,
//! also on truncated and mutated fixtures. And the CLI's `ts2schema` and `generate FILE.ts`.

use crate::{fixtures, generate, portable};
use proptest::prelude::*;
use std::path::PathBuf;

fn error_text(name: &str) -> String {
    let path = fixtures("errors/ts").join(name);
    match generate(&path) {
        Ok(_) => panic!("{name} generated without error"),
        Err(d) => portable(&d.to_string()),
    }
}

fn ts_error_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures("errors/ts"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .collect();
    files.sort();
    files
}

#[test]
fn syntax_errors_are_located() {
    let text = error_text("syntax_error.ts");
    assert!(
        text.contains("TypeScript syntax error: Unexpected token: `;`"),
        "{text}"
    );
    assert!(text.contains("errors/ts/syntax_error.ts:4:9"), "{text}");
    assert!(text.contains("hint:"), "{text}");
}

#[test]
fn unsupported_constructs_name_the_construct_and_its_source() {
    let text = error_text("conditional_type.ts");
    assert!(
        text.contains("unsupported TypeScript construct: conditional type: `string extends number ? boolean : string`"),
        "{text}"
    );
    assert!(text.contains("conditional_type.ts:5:10"), "{text}");
    assert!(text.contains("write the resulting type out"), "{text}");
    let text = error_text("unsupported_constructs.ts");
    for expected in [
        "`symbol` type",
        "`bigint` type",
        "an optional or rest tuple element: `[string, ...number[]]`",
        "key remapping (`as`) in a mapped type",
        "`this` type",
        "a function type is not JSON data: `(x: number) => void`",
        "`never` has no values",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(text.contains("7 errors"), "{text}");
}

#[test]
fn missing_files_and_names_are_located_at_the_import() {
    let text = error_text("missing_file.ts");
    assert!(
        text.contains("cannot find the module `./does-not-exist.js`"),
        "{text}"
    );
    assert!(text.contains("missing_file.ts:1:15"), "{text}");
    assert!(text.contains("does-not-exist.ts"), "{text}");
    assert!(
        !text.contains("Payload"),
        "the use of a missing import is not reported twice: {text}"
    );
    let text = error_text("missing_name.ts");
    assert!(
        text.contains("`./helpers/common.js` has no export named `Missing`"),
        "{text}"
    );
    assert!(text.contains("missing_name.ts:1:23"), "{text}");
    assert!(text.contains("hint: it exports `Shared`"), "{text}");
}

#[test]
fn unknown_and_non_json_types_have_hints() {
    let text = error_text("unknown_types.ts");
    assert!(text.contains("`Date` is not a JSON value"), "{text}");
    assert!(
        text.contains("`ZodType` is imported from `zod`, which wiregen does not read"),
        "{text}"
    );
    assert!(text.contains("cannot find type `Kind`"), "{text}");
    assert!(text.contains("import type { Kind }"), "{text}");
    assert!(
        text.contains("`Set` is not a JSON value: `Set<string>`"),
        "{text}"
    );
}

#[test]
fn typeof_of_a_value_that_is_not_a_literal_const_is_an_error() {
    let text = error_text("typeof_value.ts");
    assert!(
        text.contains("`typeof` of a value: `typeof version`")
            && text.contains("typeof_value.ts:6:12")
            && text.contains("`typeof started`")
            && text.contains("hint: `typeof X` is the literal of a `const X"),
        "{text}"
    );
}

#[test]
fn members_without_a_separator_are_a_syntax_error() {
    let text = error_text("missing_separator.ts");
    assert!(
        text.contains("TypeScript syntax error: `;` expected: `string;`")
            && text.contains("errors/ts/missing_separator.ts:3:8")
            && text.contains("hint: separate members with `;`"),
        "{text}"
    );
}

#[test]
fn untyped_members_are_errors() {
    let text = error_text("untyped_member.ts");
    assert!(
        text.contains("the member `extra` has no type (implicitly `any`)")
            && text.contains("errors/ts/untyped_member.ts:4:3")
            && text.contains("hint: write its type: `extra: unknown`"),
        "{text}"
    );
}

#[test]
fn extends_cycles_are_found_by_the_declarations_being_expanded() {
    let text = error_text("extends_cycle.ts");
    assert!(
        text.contains("`B` refers to itself through `extends` or utility types")
            && text.contains("errors/ts/extends_cycle.ts:2:28"),
        "{text}"
    );
}

#[test]
fn kept_members_of_platform_types_are_errors_naming_the_type() {
    let text = error_text("kept_platform_member.ts");
    assert!(
        text.contains("`Uint8Array` is not a JSON value")
            && text.contains("kept_platform_member.ts:4:9")
            && text.contains("`AbortSignal` is a JavaScript object, not a JSON value")
            && text.contains("kept_platform_member.ts:5:11")
            && text.contains("hint: it belongs to JavaScript API"),
        "{text}"
    );
}

#[test]
fn unsupported_constructs_nothing_uses_are_warnings() {
    let out = generate(&fixtures("errors/ts").join("unreached_unsupported.ts")).unwrap();
    let text = portable(&out.warnings.to_string());
    assert!(
        text.contains(
            "warning[W0006]: `Unwrap` uses an unsupported TypeScript construct (conditional type"
        ),
        "{text}"
    );
    assert!(text.contains("unreached_unsupported.ts:2:18"), "{text}");
    assert!(out.code.contains("pub struct Plain"), "{}", out.code);
}

#[test]
fn error_report_snapshot_shows_every_typescript_error_in_full() {
    let mut all = String::new();
    for path in ts_error_files() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let text = match generate(&path) {
            Ok(out) => portable(&out.warnings.to_string()),
            Err(d) => portable(&d.to_string()),
        };
        all.push_str(&format!("== {name}\n{text}\n\n"));
    }
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(crate::repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_snapshot!("errors__typescript", all));
}

fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(read_corpus)
}

fn read_corpus() -> Vec<String> {
    let mut texts: Vec<String> = crate::typescript::ts_fixtures()
        .into_iter()
        .map(|(_, p)| p)
        .chain(ts_error_files())
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.push(
        std::fs::read_to_string(crate::repo_root().join("schemas/lumiverse-spindle/ts/0.4.46.ts"))
            .unwrap(),
    );
    texts
}

fn run(text: &str) {
    let path = fixtures("ts").join("mutated.ts");
    let _ = wiregen::generate_str(&path, text, &wiregen::RustOptions::default());
}

#[test]
fn every_truncation_of_every_typescript_fixture_is_handled() {
    for text in corpus() {
        crate::robustness::each_truncation(text, 61, run);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_typescript_never_panics(index in 0usize..64, edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..8, any::<u8>()), 1..6)) {
        let texts = corpus();
        let tokens: [&[u8]; 8] = [b"{", b"}", b"|", b"&", b"<T>", b" extends ", b"[K in keyof T]", b"typeof "];
        if let Some(text) = crate::robustness::mutate(&texts[index % texts.len()], &edits, &tokens) {
            run(&text);
        }
    }
}

#[test]
fn deeply_nested_types_are_errors_not_stack_overflows() {
    for (open, close) in [("Array<", ">"), ("{ a: ", " }"), ("(", ")"), ("[", "]")] {
        for n in [200, 5_000, 50_000] {
            let text = format!(
                "export type Deep = {}string{};",
                open.repeat(n),
                close.repeat(n)
            );
            let err = wiregen::generate_str(
                &fixtures("ts").join("deep.ts"),
                &text,
                &wiregen::RustOptions::default(),
            )
            .unwrap_err()
            .to_string();
            assert!(
                err.contains("levels deep") && err.contains("deep.ts:1:"),
                "{open} {n}: {err}"
            );
        }
    }
}

fn wiregen_bin(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wiregen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run wiregen")
}

#[test]
fn cli_ts2schema_writes_a_schema_that_generates_the_same_rust() {
    let dir = tempfile::tempdir().unwrap();
    let entry = fixtures("ts").join("multi_file/index.ts");
    let out = dir.path().join("schema.json");
    let o = wiregen_bin(
        dir.path(),
        &["ts2schema", entry.to_str().unwrap(), "-o", "schema.json"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let schema = std::fs::read_to_string(&out).unwrap();
    assert!(
        schema.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""),
        "{schema}"
    );
    assert!(
        schema.contains("\"Hello\": {") && schema.contains("\"$ref\": \"#/$defs/Ids\""),
        "{schema}"
    );
    let options = wiregen::RustOptions {
        source_label: "x".into(),
        ..Default::default()
    };
    let from_ts = wiregen::generate(&entry, &options).unwrap().code;
    let from_json = wiregen::generate(&out, &options).unwrap().code;
    assert_eq!(from_ts, from_json);
    // Errors: located, exit 2, nothing written.
    let bad = fixtures("errors/ts").join("syntax_error.ts");
    let o = wiregen_bin(
        dir.path(),
        &["ts2schema", bad.to_str().unwrap(), "-o", "bad.json"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("syntax_error.ts:4:9"));
    assert!(!dir.path().join("bad.json").exists());
}

#[test]
fn cli_generate_and_config_accept_typescript_inputs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ts")).unwrap();
    for f in ["index.ts", "messages.ts", "common.ts"] {
        std::fs::copy(
            fixtures("ts").join("multi_file").join(f),
            dir.path().join("ts").join(f),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("wiregen.toml"),
        "[[protocol]]\nname = \"demo\"\noutput = \"out/demo.rs\"\ngenerate = \"1\"\n[protocol.versions]\n\"1\" = \"ts/index.ts\"\n",
    )
    .unwrap();
    let o = wiregen_bin(dir.path(), &["generate"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let code = std::fs::read_to_string(dir.path().join("out/demo.rs")).unwrap();
    assert!(
        code.contains("// Source: ts/index.ts") && code.contains("pub enum Message"),
        "{code}"
    );
    let o = wiregen_bin(dir.path(), &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = wiregen_bin(dir.path(), &["generate", "ts/messages.ts"]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("pub struct Hello"));
}
