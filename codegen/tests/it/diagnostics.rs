//! How the CLI prints diagnostics (issue 15): rustc's layout through annotate-snippets, one
//! JSON object per line with `--message-format json`, stable codes that `wiregen explain`
//! and codegen/diagnostics.md explain, and the output options (`--quiet`, `--verbose`,
//! `completions`, `--version`).

use crate::fixtures;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn wiregen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wiregen"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run wiregen")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every error fixture (JSON Schema and TypeScript entry files), relative to the fixture
/// directory, so paths in the output are the same on every machine.
fn error_fixtures() -> Vec<PathBuf> {
    let mut all = Vec::new();
    for dir in ["errors", "errors/ts"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures(dir))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "ts"))
            .map(|p| Path::new(dir).join(p.file_name().unwrap()))
            .collect();
        files.sort();
        all.extend(files);
    }
    all
}

fn snapshot(name: &str, value: String) {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(crate::repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_snapshot!(name, value));
}

#[test]
fn every_error_fixture_renders_in_rustc_layout_with_codes_and_snippets() {
    let root = fixtures("");
    let mut all = String::new();
    for f in error_fixtures() {
        let o = wiregen(&root, &["generate", f.to_str().unwrap()]);
        let err = text(&o.stderr);
        assert!(!err.contains('\u{1b}'), "colour without a terminal: {err}");
        // Some fixtures are valid input with warnings only (unreached constructs).
        assert!(
            err.contains("error[E") || err.contains("warning[W"),
            "{}: {err}",
            f.display()
        );
        let code = o.status.code().unwrap_or(-1);
        all.push_str(&format!("== {} (exit {code})\n{err}\n", f.display()));
    }
    snapshot("cli__diagnostics_human", all);
}

#[test]
fn every_error_fixture_renders_as_one_json_object_per_line() {
    let root = fixtures("");
    let mut all = String::new();
    for f in error_fixtures() {
        let o = wiregen(
            &root,
            &["generate", f.to_str().unwrap(), "--message-format", "json"],
        );
        let err = text(&o.stderr);
        assert!(!err.is_empty(), "{}: no diagnostics", f.display());
        for line in err.lines() {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {line}", f.display()));
            for key in [
                "level", "code", "message", "file", "line", "column", "pointer", "hint",
            ] {
                assert!(
                    v.get(key).is_some(),
                    "{}: no `{key}` in {line}",
                    f.display()
                );
            }
            let code = v["code"].as_str().unwrap_or_default();
            assert!(
                wiregen::render::is_code(code),
                "{}: a diagnostic without a code: {line}",
                f.display()
            );
        }
        let code = o.status.code().unwrap_or(-1);
        all.push_str(&format!("== {} (exit {code})\n{err}\n", f.display()));
    }
    snapshot("cli__diagnostics_json", all);
}

#[test]
fn snippets_show_only_the_referenced_lines() {
    // A long file with an error near its end: the output quotes that line, not the others.
    let dir = tempfile::tempdir().unwrap();
    let mut schema = String::from("{\n  \"$defs\": {\n");
    for i in 0..200 {
        schema.push_str(&format!("    \"T{i}\": {{ \"type\": \"string\" }},\n"));
    }
    schema.push_str("    \"Bad\": { \"type\": \"strng\" }\n  }\n}\n");
    std::fs::write(dir.path().join("long.json"), schema).unwrap();
    let o = wiregen(dir.path(), &["generate", "long.json"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("error[E0010]: unknown type `strng`"), "{err}");
    assert!(err.contains("203 |     \"Bad\""), "{err}");
    assert!(err.contains("did you mean `string`?"), "{err}");
    assert!(
        !err.contains("\"T199\""),
        "an unreferenced line was printed: {err}"
    );
}

#[test]
fn related_locations_are_labelled_in_the_snippet() {
    let root = fixtures("");
    let o = wiregen(&root, &["generate", "jsonschema/field_name_clash.json"]);
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("warning[W0001]"), "{err}");
    assert!(err.contains("`userId` is defined here"), "{err}");
}

#[test]
fn multi_line_spans_are_underlined_from_start_to_end() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.ts"),
        "export interface A {\n  value: string extends number\n    ? boolean\n    : string;\n}\n",
    )
    .unwrap();
    let o = wiregen(dir.path(), &["generate", "a.ts"]);
    let err = text(&o.stderr);
    assert!(err.contains("error[E0022]"), "{err}");
    // The span's first and last lines are both quoted, joined by the multi-line marker.
    assert!(
        err.contains("2 |     value: string extends number"),
        "{err}"
    );
    assert!(err.contains("4 | |     : string;"), "{err}");
}

#[test]
fn every_code_in_the_source_is_documented_and_every_documented_code_is_used() {
    let documented = wiregen::render::codes();
    let mut used = std::collections::BTreeSet::new();
    let root = crate::repo_root();
    let mut stack = vec![root.join("codegen/src"), root.join("macros/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for line in source.lines() {
                    if line.trim_start().starts_with("//") {
                        continue;
                    }
                    for piece in line.split('"').skip(1).step_by(2) {
                        if wiregen::render::is_code(piece) {
                            used.insert(piece.to_string());
                        }
                    }
                }
            }
        }
    }
    let documented: std::collections::BTreeSet<String> =
        documented.iter().map(|c| c.to_string()).collect();
    let undocumented: Vec<_> = used.difference(&documented).collect();
    let unused: Vec<_> = documented.difference(&used).collect();
    assert!(
        undocumented.is_empty(),
        "codes used but not in codegen/diagnostics.md: {undocumented:?}"
    );
    assert!(
        unused.is_empty(),
        "documented codes nothing uses: {unused:?}"
    );
}

#[test]
fn explain_prints_the_documented_explanation() {
    let o = wiregen(Path::new("."), &["explain", "e0005"]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    assert!(
        out.starts_with("E0005: a `$ref` points at the network"),
        "{out}"
    );
    assert!(out.contains("never fetches"), "{out}");
    assert!(
        !out.contains("E0006"),
        "the next code's section leaked: {out}"
    );
    let o = wiregen(Path::new("."), &["explain", "E9999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("error[E0043]"));
}

#[test]
fn quiet_prints_errors_only_and_verbose_names_the_files_read() {
    let root = fixtures("");
    let o = wiregen(&root, &["generate", "jsonschema/field_name_clash.json"]);
    assert!(text(&o.stderr).contains("warning[W0001]"));
    let o = wiregen(
        &root,
        &["--quiet", "generate", "jsonschema/field_name_clash.json"],
    );
    assert!(o.status.success());
    assert_eq!(text(&o.stderr), "", "--quiet printed something");
    let o = wiregen(&root, &["generate", "errors/alias_cycle.json", "-q"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("error[E0008]"));
    let o = wiregen(
        &root,
        &["generate", "jsonschema/relative_ref.json", "--verbose"],
    );
    assert!(o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("read: jsonschema/relative_ref.json"), "{err}");
}

#[test]
fn completions_are_printed_for_bash_zsh_and_fish() {
    for (shell, marker) in [
        ("bash", "_wiregen()"),
        ("zsh", "#compdef wiregen"),
        ("fish", "complete -c wiregen"),
    ] {
        let o = wiregen(Path::new("."), &["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let out = text(&o.stdout);
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(out.contains("explain"), "{shell}: subcommands missing");
    }
    let o = wiregen(Path::new("."), &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn version_names_the_commit_when_built_from_a_checkout() {
    let o = wiregen(Path::new("."), &["--version"]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    assert!(
        out.starts_with(concat!("wiregen ", env!("CARGO_PKG_VERSION"))),
        "{out}"
    );
    // The tests run from the repository's checkout, so the build script found git.
    if crate::repo_root().join(".git").exists() {
        assert!(out.contains("(git "), "{out}");
    }
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    use std::ffi::OsStr;
    use wiregen::render::color_choice;
    assert!(color_choice(true, None));
    assert!(!color_choice(false, None));
    assert!(!color_choice(true, Some(OsStr::new("1"))));
    // An empty NO_COLOR does not count (no-color.org).
    assert!(color_choice(true, Some(OsStr::new(""))));
}

#[test]
fn check_hint_names_the_command_a_user_runs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schemas")).unwrap();
    std::fs::copy(
        fixtures("jsonschema").join("presence.json"),
        dir.path().join("schemas/a.json"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("wiregen.toml"),
        "[[protocol]]\nname = \"a\"\ninput = \"schemas/a.json\"\noutput = \"a.rs\"\n",
    )
    .unwrap();
    let o = wiregen(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("error[E0041]: generated files are stale"),
        "{err}"
    );
    assert!(err.contains("run `wiregen generate`"), "{err}");
    assert!(!err.contains("cargo run"), "{err}");
}

#[test]
fn unknown_names_suggest_the_nearest_known_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.ts"),
        "export interface Session { id: string }\nexport interface Message { session: Sesion }\n",
    )
    .unwrap();
    let o = wiregen(dir.path(), &["generate", "a.ts"]);
    let err = text(&o.stderr);
    assert!(
        err.contains("error[E0021]: cannot find type `Sesion`"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `Session`?"), "{err}");
    // A JSON Schema `type` typo, and an unknown keyword close to a known one.
    std::fs::write(
        dir.path().join("b.json"),
        r#"{ "$defs": { "A": { "type": "objct", "propertes": {} } } }"#,
    )
    .unwrap();
    let o = wiregen(dir.path(), &["generate", "b.json"]);
    let err = text(&o.stderr);
    assert!(err.contains("did you mean `object`?"), "{err}");
    assert!(err.contains("did you mean `properties`?"), "{err}");
}
