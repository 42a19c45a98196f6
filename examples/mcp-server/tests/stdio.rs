//! Runs the server binary on a scripted MCP session and checks every frame it writes. The
//! official TypeScript SDK client drives the same binary in `scripts/mcp-interop.sh`.

use std::io::Write;
use std::process::{Command, Stdio};
use wiregen_runtime::serde_json::{self, Value};

/// Pipes `frames` into the binary, one per line; returns the frames it wrote.
fn session(frames: &[Value]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mcp-server"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the example binary runs");
    let mut stdin = child.stdin.take().unwrap();
    for f in frames {
        writeln!(stdin, "{f}").unwrap();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[cfg(not(mcp_spec))]
#[test]
fn built_without_the_mcp_spec_the_binary_says_so() {
    println!("mcp-server: skipped: the MCP spec is not in .cache (run scripts/wild-corpus.sh)");
    assert!(session(&[]).is_empty());
}

#[cfg(mcp_spec)]
#[test]
fn a_session_initializes_lists_calls_with_progress_cancels_a_waiting_call_and_ends_with_stdin() {
    use wiregen_runtime::serde_json::json;
    let out = session(&[
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}),
        // A call that waits a minute, cancelled below: it never gets a response, and the
        // requests after it are answered while it waits.
        json!({"jsonrpc": "2.0", "id": "w", "method": "tools/call", "params": {
            "name": "wait", "arguments": {}, "_meta": {"progressToken": "t-w"}}}),
        json!({"jsonrpc": "2.0", "id": "c", "method": "tools/call", "params": {
            "name": "add", "arguments": {"a": 2, "b": 3.5}, "_meta": {"progressToken": 7}}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "ping"}),
        json!({"jsonrpc": "2.0", "method": "notifications/cancelled",
            "params": {"requestId": "w", "reason": "no longer needed"}}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "mul"}}),
        json!({"jsonrpc": "2.0", "id": 4, "method": "resources/list"}),
        json!({"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": {"arguments": {}}}),
    ]);
    // Requests run concurrently: responses are matched by id, not by position.
    let response = |id: Value| {
        let found: Vec<&Value> = out.iter().filter(|m| m["id"] == id).collect();
        assert_eq!(found.len(), 1, "one response to {id}: {out:?}");
        found[0].clone()
    };
    assert_eq!(
        response(json!(0))["result"]["protocolVersion"],
        json!("2025-06-18")
    );
    let tools = &response(json!(1))["result"]["tools"];
    assert_eq!(tools[0]["name"], json!("add"));
    assert_eq!(tools[1]["name"], json!("wait"));
    assert_eq!(
        response(json!("c")),
        json!({"jsonrpc": "2.0", "id": "c", "result": {
            "content": [{"type": "text", "text": "5.5"}], "structuredContent": {"sum": 5.5}}})
    );
    assert_eq!(
        response(json!(2)),
        json!({"jsonrpc": "2.0", "id": 2, "result": {}})
    );
    assert_eq!(response(json!(3))["error"]["code"], json!(-32602));
    assert_eq!(response(json!(4))["error"]["code"], json!(-32601));
    let missing_name = response(json!(5));
    assert_eq!(missing_name["error"]["code"], json!(-32602));
    assert!(
        missing_name["error"]["message"]
            .as_str()
            .unwrap()
            .contains("name"),
        "{missing_name}"
    );
    // Progress goes out before its call's response, through the connection's client.
    let position = |m: &Value| out.iter().position(|o| o == m).unwrap();
    let add_progress = json!({"jsonrpc": "2.0", "method": "notifications/progress",
        "params": {"progressToken": 7, "progress": 1, "total": 1}});
    assert!(position(&add_progress) < position(&response(json!("c"))));
    // The waiting call was aborted: no response, and no progress but its start (which it
    // may or may not have reached before the cancellation).
    assert!(out.iter().all(|m| m["id"] != json!("w")), "{out:?}");
    let waited: Vec<&Value> = out
        .iter()
        .filter(|m| m["params"]["progressToken"] == json!("t-w"))
        .collect();
    assert!(
        waited.iter().all(|m| m["params"]["progress"] == json!(0)),
        "{waited:?}"
    );
    assert_eq!(out.len() - waited.len(), 8, "{out:?}");
}
