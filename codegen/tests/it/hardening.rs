//! Regression tests of issue 11 (the hardened generator): each input once crashed, hung or
//! read a file it should not have. Each runs the whole pipeline on a thread with a time
//! budget, so a regression fails the test instead of aborting the test binary.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Runs `f` on its own thread (8 MiB stack, like a build script's main thread); fails on a
/// panic or after `budget`.
pub fn bounded<T: Send + 'static>(
    budget: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            let _ = tx.send(r);
        })
        .map_err(|e| e.to_string())?;
    match rx.recv_timeout(budget) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(_)) => Err("panicked".into()),
        Err(_) => Err(format!("did not finish within {budget:?}")),
    }
}

/// Generates from `text` saved as `name` in a fresh directory; the error text, or "ok".
fn outcome(name: &str, text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write input");
    let shown = dir.path().display().to_string();
    let out = bounded(Duration::from_secs(10), move || {
        match wiregen::generate(&path, &wiregen::RustOptions::default()) {
            Ok(_) => "ok".to_string(),
            Err(d) => d.to_string(),
        }
    })
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    (dir, out.replace(&shown, "DIR"))
}

fn error_of(name: &str, text: &str) -> String {
    let (_dir, out) = outcome(name, text);
    assert_ne!(out, "ok", "{name} generated without error");
    assert!(out.contains("hint:"), "no hint: {out}");
    out
}

#[test]
fn empty_enum_is_an_error_not_a_panic() {
    let e = error_of("e.json", r#"{"$defs":{"A":{"enum":[]}}}"#);
    assert!(
        e.contains("`enum` lists no value") && e.contains("(at /$defs/A)"),
        "{e}"
    );
}

#[test]
fn allof_merging_a_ref_that_contains_it_is_a_cycle_error() {
    let e = error_of(
        "c.json",
        r##"{"$defs":{"A":{"type":"object","properties":{"x":{"allOf":[{"$ref":"#/$defs/A"},{"type":"object"}]}}}}}"##,
    );
    assert!(e.contains("cycle through AX → AX"), "{e}");
    assert!(e.contains("(at /$defs/A/properties/x)"), "{e}");
    let e = error_of(
        "c.json",
        r##"{"$defs":{"A":{"type":"object","properties":{"x":{"allOf":[{"$ref":"#/$defs/A"},{"type":"object","properties":{"y":{"oneOf":[{"type":"object","properties":{"k":{"const":"a"}}},{"allOf":[{"$ref":"#/$defs/A"},{"type":"object"}]}]}}}]}}}}}"##,
    );
    assert!(e.contains("cycle through"), "{e}");
}

#[test]
fn partial_of_a_type_containing_it_is_a_cycle_error() {
    for src in [
        "export interface A { a: Partial<A> }\n",
        "export interface Tree { children: Array<Partial<Tree>> }\n",
        "export interface A { a?: Required<A>; b: Omit<A, 'a'> }\n",
    ] {
        let e = error_of("a.ts", src);
        assert!(e.contains("cycle through"), "{src}: {e}");
    }
}

#[test]
fn indexed_access_of_itself_is_an_error() {
    let e = error_of("a.ts", "export interface A { x: A['x'] }\n");
    assert!(
        e.contains("refers to itself") && e.contains("a.ts:1:25"),
        "{e}"
    );
}

#[test]
fn refs_outside_the_schema_directory_are_refused_without_printing_the_file() {
    for target in ["/proc/self/environ", "/etc/passwd", "../../x.json"] {
        let text = format!(
            r#"{{"$defs":{{"A":{{"type":"object","properties":{{"x":{{"$ref":"{target}"}}}}}}}}}}"#
        );
        let (_dir, e) = outcome("s.json", &text);
        assert!(
            e.contains("outside the directories wiregen may read") || e.contains("No such file"),
            "{target}: {e}"
        );
        assert!(e.contains("(at /$defs/A/properties/x)"), "{e}");
        assert!(!e.contains("PATH=") && !e.contains("root:"), "{e}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_schema_directory_is_refused_and_not_inlined() {
    let outer = tempfile::tempdir().unwrap();
    let secret = outer.path().join("secret.json");
    std::fs::write(
        &secret,
        r#"{"$defs":{"S":{"description":"TOKEN=hunter2","type":"object"}}}"#,
    )
    .unwrap();
    let root = outer.path().join("schemas");
    std::fs::create_dir(&root).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("link.json")).unwrap();
    let entry = root.join("api.json");
    std::fs::write(
        &entry,
        r##"{"$defs":{"A":{"type":"object","properties":{"x":{"$ref":"link.json#/$defs/S"}}}}}"##,
    )
    .unwrap();
    let e = wiregen::generate(&entry, &wiregen::RustOptions::default()).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("outside the directories"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    // An explicit root widens the policy.
    let wide = wiregen::RustOptions {
        allowed_roots: vec![outer.path().to_path_buf()],
        ..Default::default()
    };
    let out = wiregen::generate(&entry, &wide).unwrap();
    assert!(out.code.contains("hunter2"));
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_stdin_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut targets: Vec<String> = vec![
        "/dev/zero".into(),
        "/dev/urandom".into(),
        "/dev/stdin".into(),
    ];
    if made {
        targets.push("fifo.json".into());
    }
    for target in targets {
        let entry = dir.path().join("s.json");
        std::fs::write(
            &entry,
            format!(r#"{{"$defs":{{"A":{{"type":"object","properties":{{"x":{{"$ref":"{target}"}}}}}}}}}}"#),
        )
        .unwrap();
        // Even with the whole file system allowed, nothing but regular files is read.
        let options = wiregen::RustOptions {
            allowed_roots: vec![PathBuf::from("/")],
            ..Default::default()
        };
        let e = bounded(Duration::from_secs(5), move || {
            wiregen::generate(&entry, &options)
                .map(|_| ())
                .unwrap_err()
                .to_string()
        })
        .unwrap_or_else(|e| panic!("{target}: {e}"));
        assert!(e.contains("not a regular file"), "{target}: {e}");
    }
    // The entry itself is held to the same rules.
    let e = bounded(Duration::from_secs(5), || {
        wiregen::generate(Path::new("/dev/zero"), &wiregen::RustOptions::default())
            .map(|_| ())
            .unwrap_err()
            .to_string()
    })
    .unwrap();
    assert!(e.contains("not a regular file"), "{e}");
}

#[test]
fn typescript_imports_outside_the_package_directory_are_refused() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(
        outer.path().join("secret.ts"),
        "export interface S { a: string }\n",
    )
    .unwrap();
    let root = outer.path().join("pkg");
    std::fs::create_dir(&root).unwrap();
    let entry = root.join("index.ts");
    std::fs::write(
        &entry,
        "import { S } from '../secret';\nexport interface A { s: S }\n",
    )
    .unwrap();
    let text = wiregen::generate(&entry, &wiregen::RustOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("outside the directories") && text.contains("index.ts:1:"),
        "{text}"
    );
}

/// Checks that no doc comment of `code` holds a code block rustdoc would compile: every
/// fence is a `text` fence (or closes one), no line is indented as code, and no control or
/// bidi character is left in the file.
fn assert_inert_docs(code: &str) {
    for c in code.chars() {
        assert!(
            c == '\n' || !(c.is_control() || wiregen::diag::is_bidi_control(c)),
            "raw {c:?} in the output"
        );
    }
    let mut open_fence = false;
    for line in code.lines() {
        let trimmed = line.trim_start();
        let Some(doc) = trimmed
            .strip_prefix("///")
            .or_else(|| trimmed.strip_prefix("//!"))
        else {
            assert!(!trimmed.starts_with("#[doc"), "unformatted doc: {line}");
            open_fence = false;
            continue;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        let body = doc.trim_start_matches(['>', '-', '*', '+', ' ']);
        let info = body.trim_start_matches(['`', '~']).trim();
        // A backtick "fence" whose info string holds a backtick is inline code.
        let fence = body.starts_with("~~~") || (body.starts_with("```") && !info.contains('`'));
        if fence {
            if open_fence {
                if info.is_empty() {
                    open_fence = false;
                }
            } else {
                assert_eq!(info, "text", "a code fence that is not text: {line}");
                open_fence = true;
            }
        } else if !open_fence {
            assert!(!doc.starts_with("    "), "indented code in docs: {line}");
        }
    }
}

const INJECTION: &str = r#"{
  "description": "```\nstd::process::exit(1);\n```",
  "$defs": {
    "A": {
      "description": "    panic!(\"indented\");\n\n```rust\npanic!(\"fenced\")",
      "type": "object",
      "properties": {
        "x\n```\npanic!()": {"type": "object", "properties": {"b": {"type": "string"}}},
        "y": {"type": "string", "pattern": "\n```\npanic!()\n", "deprecated": "```\npanic!()"},
        "z": {"type": "string", "description": "\u202e\r\u0000\u001b[2J"}
      }
    },
    "Q\"uote'd": {"type": "object", "title": "~~~\npanic!()"},
    "Mode": {"enum": ["```\npanic!()", "\tpanic!(1)"]},
    "Event": {"oneOf": [
      {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "\n```\npanic!(\"tag\")\n"}}},
      {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "ok"}}}
    ]},
    "P": {"type": "object", "properties": {"a": {"type": "number"}}}
  },
  "x-wiregen": {"jsonrpc": {"methods": {
    "m\n```\npanic!(\"method\")\n": {"params": "P", "result": "P", "direction": "client → server", "description": "```\npanic!()"}
  }, "errors": {"E\n```\nx": {"code": -32010, "description": "    panic!()"}}}}
}"#;

#[test]
fn schema_text_never_becomes_a_doctest() {
    let (_dir, e) = outcome("inj.json", INJECTION);
    // The schema must generate: the docs are what is checked.
    assert!(e == "ok", "{e}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inj.json");
    std::fs::write(&path, INJECTION).unwrap();
    for strict in [false, true] {
        let options = wiregen::RustOptions {
            strict,
            ..Default::default()
        };
        let code = wiregen::generate(&path, &options).unwrap().code;
        assert!(code.contains("```text"), "{code}");
        assert!(!code.contains("doc(alias = \"Q\\\"uote"), "{code}");
        assert_inert_docs(&code);
    }
}

#[test]
fn typescript_text_never_becomes_a_doctest() {
    let src = "/**\n * Fenced:\n *\n * ```ts\n * process.exit(1)\n * ```\n *\n *     indented();\n */\n\
export interface A {\n  /** @deprecated ```\n   * panic!() */\n  a: string;\n  kind: \"\\n```\\npanic!()\\n\";\n}\n\
export type M = \"```\" | \"    x\" | \"a\\u202eb\";\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ts");
    std::fs::write(&path, src).unwrap();
    let code = wiregen::generate(&path, &wiregen::RustOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .code;
    assert_inert_docs(&code);
}

/// Generates `text` as `name` and returns how long it took; panics on a crash or a hang.
fn timed(name: &str, text: String) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, &text).unwrap();
    let start = std::time::Instant::now();
    bounded(Duration::from_secs(20), move || {
        let _ = wiregen::generate(&path, &wiregen::RustOptions::default());
    })
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    start.elapsed()
}

/// Inputs of 100,000 nesting levels and 1,000-long reference chains end quickly (well under
/// a second in a release build; BENCHMARKS.md) with an error or a result. The limit here
/// leaves room for unoptimised test builds on a busy machine.
#[test]
fn deep_nesting_and_long_chains_answer_quickly() {
    let n = 100_000;
    let mut inputs = vec![
        ("a.json", format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (
            "b.json",
            format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n)),
        ),
        (
            "c.ts",
            format!(
                "export type A = {}string{};",
                "{a:".repeat(n),
                "}".repeat(n)
            ),
        ),
        (
            "d.ts",
            format!("export type A = {}string{};", "(".repeat(n), ")".repeat(n)),
        ),
        ("e.ts", format!("export type A = string{};", "[]".repeat(n))),
    ];
    let chain = |body: &dyn Fn(usize) -> String| {
        let defs: Vec<String> = (0..1000)
            .map(|i| format!("\"D{i}\": {}", body(i)))
            .collect();
        format!(
            "{{\"$defs\": {{{}, \"D1000\": {{\"type\": \"object\", \"properties\": {{\"a\": {{\"type\": \"string\"}}}}}}}}}}",
            defs.join(", ")
        )
    };
    inputs.push((
        "f.json",
        chain(&|i| format!("{{\"$ref\": \"#/$defs/D{}\"}}", i + 1)),
    ));
    inputs.push((
        "g.json",
        chain(&|i| {
            format!(
                "{{\"allOf\": [{{\"$ref\": \"#/$defs/D{}\"}}, {{\"type\": \"object\", \"properties\": {{\"p{i}\": {{\"type\": \"string\"}}}}}}]}}",
                i + 1
            )
        }),
    ));
    // A chain of references (an `extends` chain's output grows with the square of its
    // length, every interface holding all its bases' members: `long_extends_chains_are_not_cycles`
    // covers it at 100).
    let ts_chain: String = (0..1000)
        .map(|i| format!("export type I{i} = I{};\n", i + 1))
        .collect::<String>()
        + "export interface I1000 { a: string }\n";
    inputs.push(("h.ts", ts_chain));
    for (name, text) in inputs {
        let took = timed(name, text);
        assert!(took < Duration::from_secs(10), "{name} took {took:?}");
    }
}

/// Reference diamonds double at every level: they are merged once, or run out of steps,
/// instead of running for hours.
#[test]
fn doubling_references_end_in_linear_time() {
    let n = 40;
    let defs: Vec<String> = (0..n)
        .map(|i| format!("\"D{i}\": {{\"allOf\": [{{\"$ref\": \"#/$defs/D{0}\"}}, {{\"$ref\": \"#/$defs/D{0}\"}}]}}", i + 1))
        .collect();
    let json = format!(
        "{{\"$defs\": {{{}, \"D{n}\": {{\"type\": \"object\", \"properties\": {{\"a\": {{\"type\": \"string\"}}}}}}}}}}",
        defs.join(", ")
    );
    let self_merge = r##"{"$defs":{"A":{"type":"object","properties":{"r":{"allOf":[{"type":"object"},{"allOf":[{"$ref":"#/$defs/A/properties/r"},{"$ref":"#/$defs/A/properties/r/allOf/1"}]}]}}}}}"##;
    let ts: String = (0..n)
        .map(|i| format!("export type A{i} = A{0} & A{0};\n", i + 1))
        .collect::<String>()
        + &format!("export type A{n} = {{ a: string }};\n");
    let extends: String = (0..n)
        .map(|i| {
            format!(
                "export interface B{i} extends B{0}, C{0} {{ x{i}: string }}\nexport interface C{i} extends B{0} {{}}\n",
                i + 1
            )
        })
        .collect::<String>()
        + &format!("export interface B{n} {{ a: string }}\nexport interface C{n} {{ b: string }}\n");
    for (name, text) in [
        ("d.json", json),
        ("s.json", self_merge.to_string()),
        ("a.ts", ts),
        ("b.ts", extends),
    ] {
        let took = timed(name, text);
        assert!(took < Duration::from_secs(10), "{name} took {took:?}");
    }
    let e = error_of("s.json", self_merge);
    assert!(
        e.contains("`allOf` merges a schema into itself (cycle through"),
        "{e}"
    );
}

/// A referenced file whose name holds a line break would print `cargo:` directives of the
/// attacker's choosing from the builder's `rerun-if-changed` lines.
#[cfg(unix)]
#[test]
fn file_names_with_line_breaks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x.json\ncargo:rustc-link-arg=-Wl,evil";
    std::fs::write(
        dir.path().join(name),
        r#"{"$defs":{"S":{"type":"string"}}}"#,
    )
    .unwrap();
    let entry = dir.path().join("api.json");
    let schema = serde_json::json!({"$defs": {"A": {"$ref": format!("{name}#/$defs/S")}}});
    std::fs::write(&entry, schema.to_string()).unwrap();
    let e = wiregen::generate(&entry, &wiregen::RustOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("control character") && e.contains("(at /$defs/A)"),
        "{e}"
    );
}
