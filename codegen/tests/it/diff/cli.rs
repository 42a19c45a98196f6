//! `wiregen diff` as a binary: the three formats, `--fail-on` exit codes (4 at or above the
//! level, with and without `--strict`), `--protocol` versions from wiregen.toml, and input
//! errors (exit 2).

use super::settings;
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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The directory of the per-rule cases; paths in arguments are relative to it.
fn cases() -> PathBuf {
    fixtures("diff")
}

fn diff(case: &str, extra: &[&str]) -> Output {
    let (old, new) = (format!("{case}/old.json"), format!("{case}/new.json"));
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    args.extend_from_slice(extra);
    wiregen(&cases(), &args)
}

#[test]
fn diff_help_documents_verdicts_levels_and_exit_codes() {
    let o = wiregen(Path::new("."), &["diff", "--help"]);
    assert!(o.status.success(), "{}", stderr(&o));
    settings().bind(|| insta::assert_snapshot!("diff__help", stdout(&o)));
}

#[test]
fn text_report_is_plain_when_not_a_terminal() {
    let o = diff("nullable-added", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("wiregen diff: nullable-added/old.json → nullable-added/new.json\n"),
        "{out}"
    );
    assert!(
        out.contains("~ palette: nullable added (Palette → Palette | null)"),
        "{out}"
    );
    assert!(
        !out.contains('\x1b'),
        "colour codes in piped output:\n{out}"
    );
}

#[test]
fn json_report_follows_the_documented_schema() {
    let o = diff("field-added-required", &["--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["schema"], "wiregen-diff/1");
    assert_eq!(v["summary"]["changes"], 2);
    assert_eq!(v["summary"]["sender_breaking"], 2);
    assert_eq!(v["summary"]["receiver_breaking"], 0);
    assert_eq!(v["summary"]["strict"]["receiver_breaking"], 2);
    let c = &v["changes"][0];
    assert_eq!(
        c["group"],
        serde_json::json!({"scope": "type", "name": "User", "kind": "struct"})
    );
    assert_eq!(c["rule"], "field-added-required");
    assert_eq!(c["path"], "email");
    assert_eq!(
        c["segments"],
        serde_json::json!([{"kind": "field", "name": "email"}])
    );
    assert_eq!(
        c["old_senders_new_receivers"],
        serde_json::json!({"verdict": "breaking", "default": "breaking", "strict": "breaking"})
    );
    assert_eq!(
        c["new_senders_old_receivers"],
        serde_json::json!({"verdict": "tolerated", "default": "ok", "strict": "breaking"})
    );
    assert_eq!(c["rust_api"], "breaking");
}

#[test]
fn markdown_report_is_one_table_for_a_pull_request() {
    let o = diff("variant-moved", &["--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("### wiregen diff: `variant-moved/old.json` → `variant-moved/new.json`"),
        "{out}"
    );
    assert!(
        out.contains(
            "| - | `ClientMessage` | `ping`: variant removed<br>_note: moved to `ServerMessage`"
        ),
        "{out}"
    );
}

#[test]
fn fail_on_exits_4_at_or_above_the_level() {
    // (case, level, strict, expected exit code)
    let table: &[(&str, &str, bool, i32)] = &[
        // Breaks old receivers only.
        ("nullable-added", "receiver-breaking", false, 4),
        ("nullable-added", "sender-breaking", false, 0),
        ("nullable-added", "breaking", false, 4),
        ("nullable-added", "api-breaking", false, 4),
        ("nullable-added", "none", false, 0),
        // Breaks old senders only.
        ("field-made-required", "sender-breaking", false, 4),
        ("field-made-required", "receiver-breaking", false, 0),
        // Tolerated by wiregen's decoders, breaking for strict receivers; breaks the Rust API.
        ("variant-added", "breaking", false, 0),
        ("variant-added", "breaking", true, 4),
        ("variant-added", "receiver-breaking", true, 4),
        ("variant-added", "sender-breaking", true, 0),
        ("variant-added", "api-breaking", false, 4),
        // Breaks nothing.
        ("default-added", "api-breaking", true, 0),
        ("no-change", "api-breaking", true, 0),
    ];
    for &(case, level, strict, code) in table {
        let mut args = vec!["--fail-on", level];
        if strict {
            args.push("--strict");
        }
        let o = diff(case, &args);
        assert_eq!(
            o.status.code(),
            Some(code),
            "{case} --fail-on {level} (strict: {strict}):\n{}",
            stderr(&o)
        );
        if code == 4 {
            assert!(
                stderr(&o).contains(&format!("at or above `--fail-on {level}`")),
                "{}",
                stderr(&o)
            );
            assert!(
                !stdout(&o).is_empty(),
                "the report is printed before failing"
            );
        }
    }
}

/// A repository whose protocol `demo` has versions 1 (strict) and 2, from the rule cases.
fn repo(strict: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let schemas = dir.path().join("schemas");
    std::fs::create_dir_all(&schemas).unwrap();
    for (version, file) in [("1", "old.json"), ("2", "new.json")] {
        let text = std::fs::read_to_string(cases().join("variant-added").join(file)).unwrap();
        std::fs::write(schemas.join(format!("{version}.json")), text).unwrap();
    }
    std::fs::write(
        dir.path().join("wiregen.toml"),
        format!(
            "[settings]\nstrict = {strict}\n[[protocol]]\nname = \"demo\"\noutput = \"out/demo.rs\"\ngenerate = \"2\"\n[protocol.versions]\n\"1\" = \"schemas/1.json\"\n\"2\" = \"schemas/2.json\"\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn protocol_versions_come_from_wiregen_toml_with_its_strict_setting() {
    let lenient = repo(false);
    let o = wiregen(
        &lenient.path().join("schemas"),
        &[
            "diff",
            "--protocol",
            "demo",
            "1",
            "2",
            "--fail-on",
            "breaking",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("wiregen diff: demo 1 → demo 2\n"),
        "{}",
        stdout(&o)
    );
    // A strict protocol's receivers reject unknown tags: a new variant breaks them.
    let strict = repo(true);
    let o = wiregen(
        strict.path(),
        &[
            "diff",
            "--protocol",
            "demo",
            "1",
            "2",
            "--fail-on",
            "breaking",
        ],
    );
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("(judged for strict receivers)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_protocols_and_versions_are_input_errors_with_hints() {
    let repo = repo(false);
    let o = wiregen(repo.path(), &["diff", "--protocol", "demo", "1", "9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("protocol `demo` has no version `9`")
            && stderr(&o).contains("known versions: 1, 2"),
        "{}",
        stderr(&o)
    );
    let o = wiregen(repo.path(), &["diff", "--protocol", "nope", "1", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("known protocols: demo"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn broken_or_missing_inputs_exit_2_with_located_errors() {
    let bad = fixtures("errors").join("bad_json.json");
    let good = cases().join("type-added/old.json");
    let o = wiregen(
        Path::new("."),
        &["diff", &good.to_string_lossy(), &bad.to_string_lossy()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("bad_json.json:") && stderr(&o).contains("nothing was compared"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    let o = wiregen(&cases(), &["diff", "type-added/old.json", "missing.json"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("missing.json"), "{}", stderr(&o));
}
