//! Runs the adapter binary on scripted DAP sessions over pipes and checks every message it
//! writes. `@vscode/debugadapter-testsupport`'s `DebugClient` drives the same binary in
//! `scripts/dap-interop.sh`.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use wiregen_runtime::serde_json::{self, Value};

/// Pipes `messages` into the binary with `Content-Length` framing; returns the messages it
/// wrote, after checking their framing.
fn session(messages: &[Value]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dap-adapter"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the example binary runs");
    let mut stdin = child.stdin.take().unwrap();
    for m in messages {
        let body = m.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    }
    drop(stdin);
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let mut out = Vec::new();
    let mut rest = &stdout[..];
    while !rest.is_empty() {
        let text = std::str::from_utf8(rest).unwrap();
        let (header, _) = text
            .split_once("\r\n\r\n")
            .expect("a header ends with CRLF CRLF");
        let len: usize = header
            .strip_prefix("Content-Length: ")
            .expect("a Content-Length header")
            .parse()
            .unwrap();
        let start = header.len() + 4;
        out.push(serde_json::from_slice(&rest[start..start + len]).unwrap());
        rest = &rest[start + len..];
    }
    out
}

#[cfg(not(dap_spec))]
#[test]
fn built_without_the_dap_spec_the_binary_says_so() {
    println!("dap-adapter: skipped: the DAP spec is not in .cache (run scripts/wild-corpus.sh)");
    assert!(session(&[]).is_empty());
}

#[cfg(dap_spec)]
mod with_spec {
    use super::*;
    use wiregen_runtime::serde_json::json;

    /// A program of four statements, in a file of its own per test.
    fn program(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        std::fs::write(&path, "let a = 1\nlet b = 2\nprint(a + b)\nexit\n").unwrap();
        path.to_string_lossy().into_owned()
    }

    fn request(seq: i64, command: &str, arguments: Value) -> Value {
        json!({"seq": seq, "type": "request", "command": command, "arguments": arguments})
    }

    /// The messages without their `seq`, after checking that the adapter numbers them 1, 2, …
    fn unnumbered(out: Vec<Value>) -> Vec<Value> {
        out.into_iter()
            .enumerate()
            .map(|(i, mut m)| {
                assert_eq!(m["seq"], json!(i + 1), "{m}");
                m.as_object_mut().unwrap().remove("seq");
                m
            })
            .collect()
    }

    #[test]
    fn a_session_stops_on_entry_then_on_a_breakpoint_then_runs_to_the_end() {
        let path = program("session.prog");
        let out = unnumbered(session(&[
            request(
                1,
                "initialize",
                json!({"adapterID": "toy", "linesStartAt1": true}),
            ),
            request(
                2,
                "setBreakpoints",
                json!({"source": {"path": path},
                "breakpoints": [{"line": 3}, {"line": 9}]}),
            ),
            request(
                3,
                "launch",
                json!({"program": path, "stopOnEntry": true,
                "trace": {"level": "verbose"}, "noDebug": false}),
            ),
            request(4, "configurationDone", json!(null)),
            json!({"seq": 5, "type": "request", "command": "threads"}),
            request(6, "stackTrace", json!({"threadId": 1})),
            request(7, "continue", json!({"threadId": 1})),
            request(8, "stackTrace", json!({"threadId": 1})),
            request(9, "continue", json!({"threadId": 1})),
            request(10, "disconnect", json!({})),
        ]));
        let response = |request_seq: i64, command: &str, body: Value| {
            json!({"type": "response", "request_seq": request_seq, "success": true,
                "command": command, "body": body})
        };
        let event =
            |event: &str, body: Value| json!({"type": "event", "event": event, "body": body});
        assert_eq!(
            out[0],
            response(
                1,
                "initialize",
                json!({"supportsConfigurationDoneRequest": true})
            )
        );
        assert_eq!(out[1], json!({"type": "event", "event": "initialized"}));
        let source = json!({"path": path});
        assert_eq!(
            out[2],
            response(
                2,
                "setBreakpoints",
                json!({"breakpoints": [
                    {"id": 3, "verified": true, "source": source, "line": 3},
                    {"verified": false, "source": source, "line": 9,
                        "message": format!("line 9 is not in `{path}` (4 lines)")}
                ]})
            )
        );
        assert_eq!(out[3], response(3, "launch", Value::Null));
        // The launch arguments re-encoded from the typed struct: the declared `noDebug` first,
        // then every undeclared key in the order received.
        let echo = format!(
            "launch {}\n",
            json!({"noDebug": false, "program": path, "stopOnEntry": true,
                "trace": {"level": "verbose"}})
        );
        assert_eq!(
            out[4],
            event("output", json!({"category": "console", "output": echo}))
        );
        assert_eq!(out[5], response(4, "configurationDone", Value::Null));
        assert_eq!(
            out[6],
            event(
                "stopped",
                json!({"reason": "entry", "threadId": 1, "allThreadsStopped": true})
            )
        );
        assert_eq!(
            out[7],
            response(
                5,
                "threads",
                json!({"threads": [{"id": 1, "name": "main"}]})
            )
        );
        let frame = |line: i64, name: &str| {
            json!({"stackFrames": [{"id": 1, "name": name,
                "source": {"name": "session.prog", "path": path}, "line": line, "column": 1}],
                "totalFrames": 1})
        };
        assert_eq!(out[8], response(6, "stackTrace", frame(1, "let a = 1")));
        assert_eq!(
            out[9],
            response(7, "continue", json!({"allThreadsContinued": true}))
        );
        assert_eq!(
            out[10],
            event(
                "stopped",
                json!({"reason": "breakpoint", "threadId": 1,
                "allThreadsStopped": true, "hitBreakpointIds": [3]})
            )
        );
        assert_eq!(out[11], response(8, "stackTrace", frame(3, "print(a + b)")));
        assert_eq!(
            out[12],
            response(9, "continue", json!({"allThreadsContinued": true}))
        );
        assert_eq!(out[13], event("exited", json!({"exitCode": 0})));
        assert_eq!(out[14], json!({"type": "event", "event": "terminated"}));
        assert_eq!(out[15], response(10, "disconnect", Value::Null));
        assert_eq!(out.len(), 16);
    }

    #[test]
    fn without_stop_on_entry_the_program_runs_to_the_end_and_disconnect_is_the_last_message() {
        let path = program("no-stop.prog");
        let out = unnumbered(session(&[
            request(1, "initialize", json!({"adapterID": "toy"})),
            request(2, "configurationDone", json!({})),
            request(3, "launch", json!({"program": path})),
            request(4, "disconnect", json!({})),
            request(5, "threads", json!(null)),
        ]));
        let kinds: Vec<&Value> = out
            .iter()
            .map(|m| {
                if m["type"] == "event" {
                    &m["event"]
                } else {
                    &m["command"]
                }
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "initialize",
                "initialized",
                "configurationDone",
                "launch",
                "output",
                "exited",
                "terminated",
                "disconnect"
            ]
        );
        // The adapter stopped reading after `disconnect`: `threads` is not answered.
    }

    #[test]
    fn bad_requests_get_failed_responses_that_name_the_problem() {
        let out = unnumbered(session(&[
            request(1, "launch", json!({"stopOnEntry": true})),
            request(2, "setBreakpoints", json!({"breakpoints": []})),
            request(3, "stackTrace", json!({"threadId": 1})),
            request(
                4,
                "readMemory",
                json!({"memoryReference": "0x0", "count": 1}),
            ),
            request(5, "noSuchCommand", json!({})),
            json!({"seq": 6, "type": "event", "event": "stopped", "body": {}}),
            json!({"seq": 7, "type": "request", "command": "continue", "arguments": 1}),
        ]));
        let failed = |m: &Value| {
            assert_eq!(m["success"], json!(false), "{m}");
            (
                m["request_seq"].as_i64().unwrap(),
                m["command"].clone(),
                m["message"].as_str().unwrap().to_string(),
            )
        };
        let (seq, command, message) = failed(&out[0]);
        assert_eq!((seq, command), (1, json!("launch")));
        assert!(message.contains("`program`"), "{message}");
        let (seq, command, message) = failed(&out[1]);
        assert_eq!((seq, command), (2, json!("setBreakpoints")));
        assert!(message.contains("source"), "{message}");
        assert_eq!(failed(&out[2]).2, "the program is not stopped");
        assert_eq!(failed(&out[3]).2, "unsupported request `readMemory`");
        assert_eq!(failed(&out[4]).2, "unsupported request `noSuchCommand`");
        // The event is not answered; arguments of the wrong type are.
        let (seq, command, _) = failed(&out[5]);
        assert_eq!((seq, command), (7, json!("continue")));
        assert_eq!(out.len(), 6);
    }
}
