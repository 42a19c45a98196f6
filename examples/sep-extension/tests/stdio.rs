//! Runs the extension binary with frames piped into its stdin and checks every frame it writes.

use std::io::Write;
use std::process::{Command, Stdio};

/// Pipes `input` into the binary; returns its stdout lines.
fn session(input: &str) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sep-extension"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the example binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn answers_initialize_tools_unknown_methods_and_shutdown() {
    let frames = session(concat!(
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"hostVersion":"1.0"}}"#,
        "\n",
        r#"{"jsonrpc":"2.0","method":"log","params":{"level":"info"}}"#,
        "\n",
        r#"{"jsonrpc":"2.0","id":2,"method":"tool/execute","params":{"name":"echo","input":{"text":"hi"}}}"#,
        "\n",
        r#"{"jsonrpc":"2.0","id":3,"method":"nope","params":{}}"#,
        "\n",
        r#"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#,
        "\n",
        r#"{"jsonrpc":"2.0","id":5,"method":"initialize","params":{}}"#,
        "\n",
    ));
    assert_eq!(frames.len(), 4, "{frames:#?}");
    assert_eq!(
        frames[0],
        r#"{"jsonrpc":"2.0","id":1,"result":{"name":"echo","tools":["echo"]}}"#
    );
    assert_eq!(
        frames[1],
        r#"{"jsonrpc":"2.0","id":2,"result":{"output":"hi"}}"#
    );
    assert!(
        frames[2].starts_with(r#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"#),
        "{}",
        frames[2]
    );
    assert!(frames[2].contains("nope"), "{}", frames[2]);
    assert_eq!(frames[3], r#"{"jsonrpc":"2.0","id":4,"result":null}"#);
}

#[test]
fn the_readme_command_prints_the_initialize_response() {
    let frames =
        session("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}\n");
    assert_eq!(
        frames,
        [r#"{"jsonrpc":"2.0","id":1,"result":{"name":"echo","tools":["echo"]}}"#]
    );
}
