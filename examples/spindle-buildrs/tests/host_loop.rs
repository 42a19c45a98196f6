//! The host loop end to end: worker lines in, reply lines out.

use spindle_buildrs::host::{Host, serve};
use wiregen_runtime::Value;

/// Runs the loop; reply lines come back as JSON values (key order is not part of the test).
fn run(input: &str) -> (Vec<Value>, Host) {
    let mut host = Host::default();
    let mut out = Vec::new();
    serve(&mut host, input.as_bytes(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines = text
        .lines()
        .map(|l| wiregen_runtime::from_str(l).unwrap())
        .collect();
    (lines, host)
}

fn values(lines: &[&str]) -> Vec<Value> {
    lines
        .iter()
        .map(|l| wiregen_runtime::from_str(l).unwrap())
        .collect()
}

#[test]
fn spawns_gets_and_stops_a_backend_process() {
    let (lines, _) = run(concat!(
        r#"{"type":"backend_process_spawn","requestId":"r1","options":{"entry":"dist/worker.js"}}"#,
        "\n",
        r#"{"type":"backend_process_get","requestId":"r2","processId":"p1"}"#,
        "\n\n",
        r#"{"type":"backend_process_stop","requestId":"r3","processId":"p1"}"#,
        "\n",
    ));
    assert_eq!(
        lines,
        values(&[
            r#"{"type":"response","requestId":"r1","result":{"processId":"p1"}}"#,
            r#"{"type":"response","requestId":"r2","result":{"processId":"p1","entry":"dist/worker.js","state":"running"}}"#,
            r#"{"type":"response","requestId":"r3","result":{"stopped":true}}"#,
        ])
    );
}

#[test]
fn unhandled_requests_get_an_error_and_bad_lines_name_the_field() {
    let (lines, host) = run(concat!(
        r#"{"type":"backend_process_list","requestId":"r9"}"#,
        "\n",
        r#"{"type":"backend_process_get","requestId":"r2","processId":7}"#,
        "\n",
    ));
    assert_eq!(host.unhandled, ["backend_process_list"]);
    assert_eq!(
        lines[..1],
        values(&[
            r#"{"type":"error","requestId":"r9","message":"`backend_process_list` is not supported by this host"}"#
        ])
    );
    let message = lines[1]["message"].as_str().unwrap();
    assert!(message.starts_with("processId: invalid type"), "{message}");
}
