//! JSON-RPC support: frame parsing, the router's answers, ndjson framing.

use std::io::Cursor;
use wiregen_runtime::jsonrpc::{
    self, ErrorObject, Frame, Id, Outbox, Reply, Router, codes, ndjson,
};

enum Echo {}
impl jsonrpc::Request for Echo {
    const METHOD: &'static str = "echo";
    type Params = Params;
    type Result = String;
}

enum Note {}
impl jsonrpc::Notification for Note {
    const METHOD: &'static str = "note";
    type Params = String;
}

#[derive(Debug, wiregen_runtime::Serialize, wiregen_runtime::Deserialize)]
#[serde(crate = "wiregen_runtime::serde")]
struct Params {
    text: String,
}

#[derive(Default)]
struct Server {
    notes: Vec<String>,
}

fn echo(_: &mut Server, p: Params, out: &mut Outbox) -> Reply<String> {
    out.notify::<Note>(&format!("echoing {}", p.text));
    if p.text.is_empty() {
        Err(ErrorObject::new(-32010, "empty"))
    } else {
        Ok(p.text)
    }
}

fn note(s: &mut Server, p: String, _: &mut Outbox) {
    s.notes.push(p);
}

fn router() -> Router<Server> {
    Router::new()
        .request::<Echo>(echo)
        .notification::<Note>(note)
}

fn handle(frame: &str) -> (Vec<String>, Server) {
    let mut server = Server::default();
    let handled = router().handle(&mut server, frame.as_bytes());
    (
        handled
            .frames
            .into_iter()
            .map(|f| String::from_utf8(f).unwrap())
            .collect(),
        server,
    )
}

#[test]
fn requests_get_their_outbox_frames_then_one_response() {
    let (frames, _) =
        handle(r#"{"jsonrpc":"2.0","id":"a","method":"echo","params":{"text":"hi"}}"#);
    assert_eq!(
        frames,
        [
            r#"{"jsonrpc":"2.0","method":"note","params":"echoing hi"}"#,
            r#"{"jsonrpc":"2.0","id":"a","result":"hi"}"#
        ]
    );
}

#[test]
fn handler_errors_unknown_methods_and_bad_params_are_answered() {
    let (frames, _) = handle(r#"{"jsonrpc":"2.0","id":1,"method":"echo","params":{"text":""}}"#);
    assert_eq!(
        frames[1],
        r#"{"jsonrpc":"2.0","id":1,"error":{"code":-32010,"message":"empty"}}"#
    );
    let (frames, _) = handle(r#"{"jsonrpc":"2.0","id":2,"method":"nope"}"#);
    assert_eq!(
        frames,
        [
            r#"{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"method not found: `nope`"}}"#
        ]
    );
    let (frames, _) = handle(r#"{"jsonrpc":"2.0","id":3,"method":"echo","params":{"text":5}}"#);
    assert!(
        frames[0].contains(r#""code":-32602"#)
            && frames[0].contains("text: invalid type: integer `5`"),
        "{}",
        frames[0]
    );
    let (frames, _) = handle(r#"{"jsonrpc":"2.0","id":4,"method":"echo"}"#);
    assert!(frames[0].contains(r#""code":-32602"#), "{}", frames[0]);
}

#[test]
fn notifications_never_get_a_response() {
    let (frames, server) = handle(r#"{"jsonrpc":"2.0","method":"note","params":"x"}"#);
    assert!(frames.is_empty());
    assert_eq!(server.notes, ["x"]);
    let mut server = Server::default();
    let handled = router().handle(&mut server, br#"{"jsonrpc":"2.0","method":"unknown"}"#);
    assert!(handled.frames.is_empty());
    assert_eq!(
        handled.notification_error.map(|e| e.code),
        Some(codes::METHOD_NOT_FOUND)
    );
}

#[test]
fn broken_frames_get_parse_or_invalid_request_errors() {
    let (frames, _) = handle("{not json");
    assert!(
        frames[0].starts_with(r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700"#),
        "{}",
        frames[0]
    );
    let (frames, _) = handle(r#"{"jsonrpc":"1.0","id":7,"method":"echo"}"#);
    assert!(
        frames[0].starts_with(r#"{"jsonrpc":"2.0","id":7,"error":{"code":-32600"#),
        "{}",
        frames[0]
    );
    let (frames, _) = handle(r#"[1,2]"#);
    assert!(frames[0].contains("-32600"), "{}", frames[0]);
}

#[test]
fn responses_are_handed_back_for_correlation() {
    let mut server = Server::default();
    let handled = router().handle(&mut server, br#"{"jsonrpc":"2.0","id":9,"result":null}"#);
    let (id, result) = handled.response.unwrap();
    assert_eq!(id, Id::Number(9));
    assert_eq!(result.unwrap().get(), "null");
    let handled = router().handle(
        &mut server,
        br#"{"jsonrpc":"2.0","id":"x","error":{"code":-1,"message":"no"}}"#,
    );
    assert_eq!(handled.response.unwrap().1.unwrap_err().message, "no");
}

#[test]
fn frames_parse_into_their_kinds() {
    assert!(matches!(
        Frame::parse(br#"{"jsonrpc":"2.0","id":1,"method":"m"}"#),
        Ok(Frame::Request { .. })
    ));
    assert!(matches!(
        Frame::parse(br#"{"jsonrpc":"2.0","method":"m","params":[1]}"#),
        Ok(Frame::Notification { .. })
    ));
    assert!(matches!(
        Frame::parse(br#"{"jsonrpc":"2.0","id":null,"method":"m"}"#),
        Ok(Frame::Notification { .. })
    ));
    assert!(Frame::parse(br#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#).is_err());
}

#[test]
fn request_and_notification_frames_omit_null_params() {
    enum Ping {}
    impl jsonrpc::Request for Ping {
        const METHOD: &'static str = "ping";
        type Params = ();
        type Result = ();
    }
    assert_eq!(
        jsonrpc::request_frame::<Ping>(&Id::Number(1), &()),
        br#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
    );
    let mut out = Outbox::new();
    assert_eq!(out.request::<Ping>(&()), Id::Number(1));
    assert_eq!(out.request::<Ping>(&()), Id::Number(2));
    assert_eq!(out.take().len(), 2);
}

#[test]
fn ndjson_reads_lines_and_skips_blank_ones() {
    let mut reader = ndjson::Reader::new(Cursor::new(b"{\"a\":1}\r\n\n  \n{\"b\":2}".to_vec()));
    assert_eq!(reader.read_frame().unwrap(), Some(&b"{\"a\":1}"[..]));
    assert_eq!(reader.read_frame().unwrap(), Some(&b"{\"b\":2}"[..]));
    assert_eq!(reader.read_frame().unwrap(), None);
    let mut writer = ndjson::Writer::new(Vec::new());
    writer.write_frame(b"{}").unwrap();
    assert!(writer.write_frame(b"{\n}").is_err());
    assert_eq!(writer.into_inner(), b"{}\n");
}

#[test]
fn params_before_method_and_odd_frames_take_the_careful_path_with_the_same_answers() {
    let (frames, _) = handle(r#"{"params":{"text":"hi"},"method":"echo","id":8,"jsonrpc":"2.0"}"#);
    assert_eq!(frames[1], r#"{"jsonrpc":"2.0","id":8,"result":"hi"}"#);
    let (frames, _) = handle(r#"{"jsonrpc":"2.0","id":9,"method":"note","params":"x"}"#);
    assert_eq!(
        frames,
        [
            r#"{"jsonrpc":"2.0","id":9,"error":{"code":-32601,"message":"method not found: `note`"}}"#
        ]
    );
    let (frames, _) =
        handle(r#"{"jsonrpc":"2.0","id":10,"method":"echo","params":{"text":"a"},"extra":1}"#);
    assert_eq!(frames[1], r#"{"jsonrpc":"2.0","id":10,"result":"a"}"#);
    let (frames, _) =
        handle(r#"{"jsonrpc":"2.0","id":11,"method":"echo","params":{"text":"a"}} trailing"#);
    assert!(frames[0].contains("-32700"), "{}", frames[0]);
}
