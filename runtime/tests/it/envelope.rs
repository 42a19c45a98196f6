//! Typed envelopes: the request id kept as sent, unknown methods and broken frames still
//! addressable, responses typed per method.

use wiregen_runtime::jsonrpc::{
    self, ErrorObject, Id, Incoming, Reply, Response, codes, request_id_of,
};
use wiregen_runtime::{Deserialize, RawValue, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wiregen_runtime::serde")]
struct Query {
    text: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Requests {
    Search(Query),
}

impl Requests {
    fn decode(method: &str, params: Option<&RawValue>) -> Reply<Self> {
        match method {
            "search" => jsonrpc::decode_params(method, params).map(Requests::Search),
            _ => Err(ErrorObject::method_not_found(method)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Notes {
    Cancel(i64),
}

impl Notes {
    fn decode(method: &str, params: Option<&RawValue>) -> Reply<Self> {
        match method {
            "cancel" => jsonrpc::decode_params(method, params).map(Notes::Cancel),
            _ => Err(ErrorObject::method_not_found(method)),
        }
    }
}

enum Search {}
impl jsonrpc::Request for Search {
    const METHOD: &'static str = "search";
    type Params = Query;
    type Result = Vec<String>;
}

fn parse(frame: &str) -> Result<Incoming<Requests, Notes>, jsonrpc::DecodeError> {
    Incoming::parse(frame.as_bytes(), Requests::decode, Notes::decode)
}

#[test]
fn a_request_keeps_its_id_as_sent_beside_the_typed_params() {
    let m = parse(r#"{"jsonrpc":"2.0","id":"7","method":"search","params":{"text":"x"}}"#).unwrap();
    let Incoming::Request(call) = &m else {
        panic!("{m:?}")
    };
    assert_eq!(call.request_id(), &Id::String("7".into()));
    assert_eq!(call.request, Requests::Search(Query { text: "x".into() }));
    let reply = call.reply(Ok(&vec!["a"]));
    assert_eq!(
        String::from_utf8(reply).unwrap(),
        r#"{"jsonrpc":"2.0","id":"7","result":["a"]}"#
    );
    let m = parse(r#"{"jsonrpc":"2.0","id":7,"method":"search","params":{"text":"x"}}"#).unwrap();
    assert_eq!(m.request_id(), Some(&Id::Number(7)));
}

#[test]
fn an_unknown_method_is_kept_with_its_id_and_params() {
    let m = parse(r#"{"jsonrpc":"2.0","id":3,"method":"later/thing","params":[1]}"#).unwrap();
    let Incoming::Unknown { id, method, params } = &m else {
        panic!("{m:?}")
    };
    assert_eq!((id, method.as_str()), (&Some(Id::Number(3)), "later/thing"));
    assert_eq!(params.as_deref().map(RawValue::get), Some("[1]"));
    assert_eq!(m.correlation_id(), Some(&Id::Number(3)));
    let m = parse(r#"{"jsonrpc":"2.0","method":"later/note"}"#).unwrap();
    assert!(matches!(&m, Incoming::Unknown { id: None, .. }), "{m:?}");
    let m = parse(r#"{"jsonrpc":"2.0","method":"cancel","params":4}"#).unwrap();
    assert!(
        matches!(m, Incoming::Notification(Notes::Cancel(4))),
        "{m:?}"
    );
}

#[test]
fn bad_params_are_an_error_naming_the_field_addressed_to_the_request() {
    let e =
        parse(r#"{"jsonrpc":"2.0","id":"q1","method":"search","params":{"text":5}}"#).unwrap_err();
    assert_eq!(e.request_id(), Some(&Id::String("q1".into())));
    assert_eq!(e.error().code, codes::INVALID_PARAMS);
    assert!(e.error().message.contains("text"), "{}", e.error().message);
    let reply = String::from_utf8(e.reply().unwrap()).unwrap();
    assert!(
        reply.starts_with(r#"{"jsonrpc":"2.0","id":"q1","error":{"code":-32602"#),
        "{reply}"
    );
    let e = parse(r#"{"jsonrpc":"2.0","method":"cancel","params":"soon"}"#).unwrap_err();
    assert_eq!((e.request_id(), e.reply()), (None, None));
}

#[test]
fn a_frame_that_is_no_json_rpc_still_names_its_request() {
    let e = parse(r#"{"jsonrpc":"1.0","id":9,"method":"search"}"#).unwrap_err();
    assert_eq!(e.correlation_id(), Some(&Id::Number(9)));
    assert_eq!(e.error().code, codes::INVALID_REQUEST);
    assert_eq!(
        request_id_of(br#"{"params":{"deep":[1,{"id":2}]},"id":"x","method":4}"#),
        Some(Id::String("x".into()))
    );
    assert_eq!(request_id_of(br#"{"id":{"no":1}}"#), None);
    assert_eq!(request_id_of(b"[1,2]"), None);
    let e = parse(r#"{"jsonrpc":"2.0","id":1,"#).unwrap_err();
    assert_eq!(e.error().code, codes::PARSE_ERROR);
    assert_eq!(
        String::from_utf8(e.reply().unwrap()).unwrap(),
        r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error: EOF while parsing a value at line 1 column 24"}}"#
    );
}

#[test]
fn responses_decode_to_the_result_type_of_their_method() {
    let m = parse(r#"{"jsonrpc":"2.0","id":5,"result":["a","b"]}"#).unwrap();
    let Incoming::Response(raw) = m else {
        panic!("{m:?}")
    };
    let typed = raw.decode::<Search>().unwrap();
    assert_eq!(typed.request_id(), &Id::Number(5));
    assert_eq!(typed.result, Ok(vec!["a".to_string(), "b".to_string()]));
    let r = Response::<Vec<String>>::parse(
        br#"{"jsonrpc":"2.0","id":5,"error":{"code":-32001,"message":"busy"}}"#,
    )
    .unwrap();
    assert_eq!(r.result, Err(ErrorObject::new(-32001, "busy")));
    let e =
        Response::<Vec<String>>::parse(br#"{"jsonrpc":"2.0","id":6,"result":[1]}"#).unwrap_err();
    assert_eq!(e.request_id(), Some(&Id::Number(6)));
    assert!(e.error().message.contains("[0]"), "{}", e.error().message);
}
