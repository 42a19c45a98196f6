//! DAP-style envelopes: requests keep their `seq`, responses correlate by `request_seq` and
//! decode their body per command, broken messages still name their `seq`.

use wiregen_runtime::RawValue;
use wiregen_runtime::jsonrpc::{self, ErrorObject, Id, Reply, codes, dap};

#[derive(Debug, Clone, PartialEq)]
enum Requests {
    Pause(i64),
}

fn requests(command: &str, arguments: Option<&RawValue>) -> Reply<Requests> {
    match command {
        "pause" => jsonrpc::decode_params(command, arguments).map(Requests::Pause),
        _ => Err(ErrorObject::method_not_found(command)),
    }
}

fn events(event: &str, body: Option<&RawValue>) -> Reply<String> {
    match event {
        "exited" => jsonrpc::decode_params(event, body),
        _ => Err(ErrorObject::method_not_found(event)),
    }
}

enum Threads {}
impl jsonrpc::Request for Threads {
    const METHOD: &'static str = "threads";
    type Params = ();
    type Result = Vec<String>;
}

fn parse(frame: &str) -> Result<dap::Incoming<Requests, String>, jsonrpc::DecodeError> {
    dap::Incoming::parse(frame.as_bytes(), requests, events)
}

#[test]
fn requests_events_and_unknown_commands_keep_their_seq() {
    let m = parse(r#"{"seq":3,"type":"request","command":"pause","arguments":1}"#).unwrap();
    assert!(
        matches!(&m, dap::Incoming::Request(c) if c.request == Requests::Pause(1)),
        "{m:?}"
    );
    assert_eq!(m.request_id(), Some(&Id::Number(3)));
    let m = parse(r#"{"seq":4,"type":"event","event":"exited","body":"ok"}"#).unwrap();
    assert!(matches!(&m, dap::Incoming::Event(b) if b == "ok"), "{m:?}");
    let m = parse(r#"{"seq":5,"type":"request","command":"later","arguments":{}}"#).unwrap();
    assert!(
        matches!(&m, dap::Incoming::Unknown { name, .. } if name == "later"),
        "{m:?}"
    );
    assert_eq!(m.request_id(), Some(&Id::Number(5)));
}

#[test]
fn bad_arguments_and_odd_messages_name_the_field_and_the_seq() {
    let e = parse(r#"{"seq":6,"type":"request","command":"pause","arguments":"x"}"#).unwrap_err();
    assert_eq!(e.request_id(), Some(&Id::Number(6)));
    assert_eq!(e.error().code, codes::INVALID_PARAMS);
    let e = parse(r#"{"seq":7,"type":"request"}"#).unwrap_err();
    assert_eq!(
        (e.request_id(), e.error().code),
        (Some(&Id::Number(7)), codes::INVALID_REQUEST)
    );
    let e = parse(r#"{"seq":8,"type":"request","command":{}}"#).unwrap_err();
    assert_eq!(e.request_id(), Some(&Id::Number(8)));
    assert_eq!(dap::seq_of(br#"{"type":5,"seq":9}"#), Some(Id::Number(9)));
}

#[test]
fn responses_correlate_by_request_seq_and_decode_per_command() {
    let m = parse(r#"{"seq":10,"type":"response","request_seq":3,"success":true,"command":"threads","body":["main"]}"#).unwrap();
    let dap::Incoming::Response(r) = m else {
        panic!("{m:?}")
    };
    assert_eq!(r.request_id(), Id::Number(3));
    let body = r.decode::<Threads>().unwrap().result;
    assert!(matches!(&body, Ok(Some(t)) if t == &["main"]), "{body:?}");
    let m = parse(r#"{"seq":11,"type":"response","request_seq":4,"success":false,"command":"threads","message":"notStopped"}"#).unwrap();
    let dap::Incoming::Response(r) = m else {
        panic!("{m:?}")
    };
    assert!(matches!(r.decode::<Threads>().unwrap().result, Err((m, None)) if m == "notStopped"));
    let failed = dap::response_frame::<()>(12, 4, "pause", Err("notStopped"));
    assert_eq!(
        String::from_utf8(failed).unwrap(),
        r#"{"seq":12,"type":"response","request_seq":4,"success":false,"command":"pause","message":"notStopped"}"#
    );
}

#[test]
fn events_leave_out_an_absent_or_null_body_and_keep_a_present_one() {
    let frame = |f: Vec<u8>| String::from_utf8(f).unwrap();
    assert_eq!(
        frame(dap::event_frame(3, "initialized", None::<&()>)),
        r#"{"seq":3,"type":"event","event":"initialized"}"#
    );
    // A generated `Option` body left empty encodes as `null`: no `body` either.
    assert_eq!(
        frame(dap::event_frame(4, "terminated", Some(&None::<i64>))),
        r#"{"seq":4,"type":"event","event":"terminated"}"#
    );
    let body = wiregen_runtime::serde_json::json!({"reason": "entry", "threadId": 1});
    assert_eq!(
        frame(dap::event_frame(5, "stopped", Some(&body))),
        r#"{"seq":5,"type":"event","event":"stopped","body":{"reason":"entry","threadId":1}}"#
    );
}
