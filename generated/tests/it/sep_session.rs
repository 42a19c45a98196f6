//! An end-to-end Smooth Extension Protocol session between two in-process peers over an ndjson
//! byte pipe. Both sides use only the generated method registry (`methods`, `HostServer`,
//! `ExtensionServer`, the routers) and the runtime's JSON-RPC support; every frame on the wire
//! is asserted.

use std::io::Cursor;
use wiregen_generated::smooth_extension_protocol::{
    self as sep, ExtensionServer, HostServer, ProviderCompleteParams, ProviderCompleteResult,
    ProviderDeltaParams, ProviderStreamEvent, methods, provider_stream_event,
};
use wiregen_runtime::jsonrpc::{self, Id, Outbox, Pending, Reply, ndjson};
use wiregen_runtime::serde_json::{Value, json};

/// The extension under test.
#[derive(Default)]
struct Extension {
    initialized: bool,
    shut_down: bool,
}

impl ExtensionServer for Extension {
    fn initialize(
        &mut self,
        params: sep::InitializeParams,
        _: &mut Outbox,
    ) -> Reply<sep::InitializeResult> {
        self.initialized = params.contains_key("hostVersion");
        let mut result = sep::InitializeResult::new();
        result.insert("name".into(), json!("echo-extension"));
        result.insert("tools".into(), json!(["echo"]));
        Ok(result)
    }

    fn tool_execute(
        &mut self,
        params: sep::ToolExecuteParams,
        _: &mut Outbox,
    ) -> Reply<sep::ToolExecuteResult> {
        let text = params
            .get("input")
            .and_then(|i| i.get("text"))
            .cloned()
            .unwrap_or(Value::Null);
        Ok([("output".to_string(), text)].into_iter().collect())
    }

    fn provider_complete(
        &mut self,
        params: ProviderCompleteParams,
        out: &mut Outbox,
    ) -> Reply<ProviderCompleteResult> {
        for chunk in ["Hel", "lo"] {
            let event = ProviderStreamEvent::Delta(provider_stream_event::Delta {
                content: chunk.into(),
            });
            out.notify::<methods::ProviderDelta>(&ProviderDeltaParams {
                request_id: params.request_id.clone(),
                event,
            });
        }
        Ok(ProviderCompleteResult {
            content: Some("Hello".into()),
            finish_reason: Some("stop".into()),
            ..Default::default()
        })
    }

    fn shutdown(&mut self, _: (), _: &mut Outbox) -> Reply<Value> {
        self.shut_down = true;
        Ok(Value::Null)
    }
}

/// The host: it receives the extension's `provider/delta` notifications.
#[derive(Default)]
struct Host {
    deltas: Vec<String>,
}

impl HostServer for Host {
    fn provider_delta(&mut self, params: ProviderDeltaParams, _: &mut Outbox) {
        if let ProviderStreamEvent::Delta(d) = params.event {
            self.deltas
                .push(format!("{}:{}", params.request_id, d.content));
        }
    }
}

/// Writes frames to an ndjson pipe, reads them back line by line on the other side.
fn pipe(frames: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut writer = ndjson::Writer::new(Vec::new());
    for f in frames {
        writer.write_frame(f).unwrap();
    }
    let bytes = writer.into_inner();
    let mut reader = ndjson::Reader::new(Cursor::new(bytes));
    let mut out = Vec::new();
    while let Some(frame) = reader.read_frame().unwrap() {
        out.push(frame.to_vec());
    }
    out
}

fn text(frames: &[Vec<u8>]) -> Vec<String> {
    frames
        .iter()
        .map(|f| String::from_utf8(f.clone()).unwrap())
        .collect()
}

#[test]
fn host_and_extension_hold_a_full_session_over_ndjson() {
    let ext_router = sep::extension_router::<Extension>();
    let host_router = sep::host_router::<Host>();
    let (mut ext, mut host) = (Extension::default(), Host::default());
    let mut pending: Pending<&'static str> = Pending::default();

    // One round trip: the host's frames go through the pipe to the extension, the
    // extension's frames come back through the pipe to the host.
    let round = |frames: Vec<Vec<u8>>,
                 ext: &mut Extension,
                 host: &mut Host,
                 pending: &mut Pending<&'static str>| {
        let mut back = Vec::new();
        for frame in pipe(&frames) {
            back.extend(ext_router.handle(ext, &frame).frames);
        }
        let wire = text(&pipe(&back));
        let mut answers = Vec::new();
        for frame in pipe(&back) {
            let handled = host_router.handle(host, &frame);
            assert!(
                handled.frames.is_empty(),
                "the host never answers notifications or responses: {:?}",
                text(&handled.frames)
            );
            if let Some((id, result)) = handled.response {
                let what = pending
                    .take(&id)
                    .expect("every response answers a pending request");
                answers.push((what, result));
            }
        }
        (wire, answers)
    };

    // initialize
    let mut params = sep::InitializeParams::new();
    params.insert("hostVersion".into(), json!("1.0.0"));
    pending.insert(Id::Number(1), "initialize");
    let (wire, answers) = round(
        vec![jsonrpc::request_frame::<methods::Initialize>(
            &Id::Number(1),
            &params,
        )],
        &mut ext,
        &mut host,
        &mut pending,
    );
    assert_eq!(
        wire,
        [r#"{"jsonrpc":"2.0","id":1,"result":{"name":"echo-extension","tools":["echo"]}}"#]
    );
    assert_eq!(answers[0].0, "initialize");
    assert!(ext.initialized);

    // a tool call
    let call: sep::ToolExecuteParams = [
        ("name".to_string(), json!("echo")),
        ("input".to_string(), json!({"text": "hi"})),
    ]
    .into_iter()
    .collect();
    pending.insert(Id::String("t-1".into()), "tool/execute");
    let (wire, _) = round(
        vec![jsonrpc::request_frame::<methods::ToolExecute>(
            &Id::String("t-1".into()),
            &call,
        )],
        &mut ext,
        &mut host,
        &mut pending,
    );
    assert_eq!(
        wire,
        [r#"{"jsonrpc":"2.0","id":"t-1","result":{"output":"hi"}}"#]
    );

    // a streaming completion: two deltas, then the result
    let complete: ProviderCompleteParams = wiregen_runtime::from_value(json!({
        "request_id": "c1", "provider": "echo", "model": "echo-1", "messages": [{"role": "user", "content": "hello"}], "stream": true
    }))
    .unwrap();
    let frame = jsonrpc::request_frame::<methods::ProviderComplete>(&Id::Number(3), &complete);
    assert_eq!(
        String::from_utf8(frame.clone()).unwrap(),
        r#"{"jsonrpc":"2.0","id":3,"method":"provider/complete","params":{"request_id":"c1","provider":"echo","model":"echo-1","messages":[{"content":"hello","role":"user"}],"stream":true}}"#
    );
    pending.insert(Id::Number(3), "provider/complete");
    let (wire, answers) = round(vec![frame], &mut ext, &mut host, &mut pending);
    assert_eq!(
        wire,
        [
            r#"{"jsonrpc":"2.0","method":"provider/delta","params":{"request_id":"c1","event":{"type":"Delta","content":"Hel"}}}"#,
            r#"{"jsonrpc":"2.0","method":"provider/delta","params":{"request_id":"c1","event":{"type":"Delta","content":"lo"}}}"#,
            r#"{"jsonrpc":"2.0","id":3,"result":{"content":"Hello","finish_reason":"stop"}}"#,
        ]
    );
    assert_eq!(host.deltas, ["c1:Hel", "c1:lo"]);
    let result: ProviderCompleteResult =
        jsonrpc::decode_result(answers[0].1.as_ref().unwrap()).unwrap();
    assert_eq!(result.content.as_deref(), Some("Hello"));

    // an unknown method: -32601 naming it
    pending.insert(Id::Number(4), "unknown");
    let (wire, _) = round(
        vec![br#"{"jsonrpc":"2.0","id":4,"method":"provider/teleport","params":{}}"#.to_vec()],
        &mut ext,
        &mut host,
        &mut pending,
    );
    assert_eq!(
        wire,
        [
            r#"{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"method not found: `provider/teleport`"}}"#
        ]
    );

    // malformed params: -32602 naming the field
    pending.insert(Id::Number(5), "malformed");
    let bad = br#"{"jsonrpc":"2.0","id":5,"method":"provider/complete","params":{"request_id":"c2","provider":"echo","model":7,"messages":[]}}"#;
    let (wire, answers) = round(vec![bad.to_vec()], &mut ext, &mut host, &mut pending);
    assert_eq!(wire.len(), 1);
    assert!(wire[0].starts_with(r#"{"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"invalid params for `provider/complete`: model: invalid type: integer `7`"#), "{}", wire[0]);
    assert!(answers[0].1.is_err());

    // a notification never gets a response, even for an unknown method
    let (wire, _) = round(
        vec![br#"{"jsonrpc":"2.0","method":"no/such/notification"}"#.to_vec()],
        &mut ext,
        &mut host,
        &mut pending,
    );
    assert!(wire.is_empty());

    // shutdown
    pending.insert(Id::Number(6), "shutdown");
    let (wire, _) = round(
        vec![jsonrpc::request_frame::<methods::Shutdown>(
            &Id::Number(6),
            &(),
        )],
        &mut ext,
        &mut host,
        &mut pending,
    );
    assert_eq!(wire, [r#"{"jsonrpc":"2.0","id":6,"result":null}"#]);
    assert!(ext.shut_down);
    assert!(pending.is_empty(), "every request was answered");
}

#[test]
fn registry_items_carry_method_params_and_result() {
    use wiregen_runtime::jsonrpc::{Notification, Request};
    assert_eq!(
        <methods::ProviderComplete as Request>::METHOD,
        "provider/complete"
    );
    assert_eq!(
        <methods::ProviderDelta as Notification>::METHOD,
        "provider/delta"
    );
    assert_eq!(sep::error_codes::NO_UI, -32001);
    let methods: Vec<&str> = sep::extension_router::<Extension>().methods().collect();
    assert!(methods.contains(&"provider/complete") && methods.contains(&"initialize"));
    assert!(
        !methods.contains(&"provider/delta"),
        "provider/delta goes to the host"
    );
    let decoded = sep::ExtensionRequest::decode(
        "provider/oauth_login",
        jsonrpc_params(r#"{"provider":"p"}"#).as_deref(),
    )
    .unwrap();
    assert_eq!(decoded.method(), "provider/oauth_login");
}

fn jsonrpc_params(text: &str) -> Option<Box<wiregen_runtime::RawValue>> {
    Some(wiregen_runtime::RawValue::from_string(text.to_string()).unwrap())
}
