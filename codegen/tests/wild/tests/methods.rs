//! The method tables wiregen infers for the wild protocols, with no manifest: real MCP
//! sessions routed through the generated server trait and router, and DAP requests and events
//! decoded by command. Compiled only when `scripts/wild-corpus.sh` generated the protocols.
#![cfg(wild)]

use wiregen_runtime::jsonrpc::{self, Id, Incoming, Outbox, Reply};
use wiregen_runtime::serde_json::{self, Value, json};
use wiregen_wild::{dap, mcp};

/// An MCP server with one tool, `add`, answering with structured content.
#[derive(Default)]
struct Adder {
    initialized: bool,
}

impl mcp::ServerServer for Adder {
    fn initialize(
        &mut self,
        params: mcp::InitializeRequestParams,
        _: &mut Outbox,
    ) -> Reply<mcp::InitializeResult> {
        Ok(wiregen_runtime::from_value(json!({
            "protocolVersion": params.protocol_version,
            "capabilities": {"tools": {}},
            "serverInfo": {"name": "adder", "version": "1.0.0"}
        }))
        .expect("a valid InitializeResult"))
    }

    fn notifications_initialized(&mut self, _: Option<mcp::NotificationParams>, _: &mut Outbox) {
        self.initialized = true;
    }

    fn ping(&mut self, _: Option<mcp::RequestParams>, _: &mut Outbox) -> Reply<mcp::ResultType> {
        Ok(mcp::ResultType::default())
    }

    fn tools_call(
        &mut self,
        params: mcp::CallToolRequestParams,
        out: &mut Outbox,
    ) -> Reply<mcp::CallToolResult> {
        let args = params.arguments.unwrap_or_default();
        let n = |k: &str| args.get(k).and_then(Value::as_i64).unwrap_or(0);
        let progress: mcp::ProgressNotificationParams =
            wiregen_runtime::from_value(json!({"progressToken": "p1", "progress": 1, "total": 1}))
                .expect("valid progress");
        out.notify::<mcp::methods::NotificationsProgress>(&progress);
        Ok(wiregen_runtime::from_value(json!({
            "content": [{"type": "text", "text": format!("{}", n("a") + n("b"))}],
            "structuredContent": {"sum": n("a") + n("b")}
        }))
        .expect("a valid CallToolResult"))
    }
}

fn session(frames: &[Value]) -> (Vec<Value>, Adder) {
    let router = mcp::server_router::<Adder>();
    let mut server = Adder::default();
    let mut out = Vec::new();
    for f in frames {
        let handled = router.handle(&mut server, f.to_string().as_bytes());
        for frame in handled.frames {
            out.push(serde_json::from_slice(&frame).expect("JSON frames"));
        }
    }
    (out, server)
}

#[test]
fn mcp_methods_are_inferred_from_the_per_side_unions() {
    use jsonrpc::{Notification, Request};
    assert_eq!(<mcp::methods::ToolsCall as Request>::METHOD, "tools/call");
    assert_eq!(<mcp::methods::Ping as Request>::METHOD, "ping");
    assert_eq!(
        <mcp::methods::NotificationsProgress as Notification>::METHOD,
        "notifications/progress"
    );
    let server: Vec<&str> = mcp::server_router::<Adder>().methods().collect();
    for m in [
        "initialize",
        "tools/call",
        "tools/list",
        "ping",
        "notifications/initialized",
    ] {
        assert!(server.contains(&m), "the server routes {m}: {server:?}");
    }
    // The server never receives what only it sends, and the client receives sampling.
    assert!(!server.contains(&"sampling/createMessage"));
    assert!(!server.contains(&"notifications/tools/list_changed"));
    struct Client;
    impl mcp::ClientServer for Client {}
    let client: Vec<&str> = mcp::client_router::<Client>().methods().collect();
    assert!(client.contains(&"sampling/createMessage") && client.contains(&"ping"));
    assert!(!client.contains(&"tools/call"));
}

#[test]
fn an_mcp_session_is_answered_through_the_inferred_router() {
    let (out, server) = session(&[
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "test", "version": "0.1"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": "t", "method": "tools/call",
            "params": {"name": "add", "arguments": {"a": 2, "b": 3}}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "ping"}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "tools/list"}),
        json!({"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"arguments": {}}}),
        json!({"jsonrpc": "2.0", "id": 5, "method": "no/such"}),
    ]);
    assert!(server.initialized);
    assert_eq!(out[0]["id"], json!(0));
    assert_eq!(out[0]["result"]["serverInfo"]["name"], json!("adder"));
    assert_eq!(
        out[1],
        json!({"jsonrpc": "2.0", "method": "notifications/progress",
            "params": {"progressToken": "p1", "progress": 1, "total": 1}})
    );
    assert_eq!(
        out[2],
        json!({"jsonrpc": "2.0", "id": "t", "result": {
            "content": [{"type": "text", "text": "5"}], "structuredContent": {"sum": 5}}})
    );
    assert_eq!(out[3], json!({"jsonrpc": "2.0", "id": 2, "result": {}}));
    // Not implemented: -32601 naming the method; bad params: -32602 naming the field.
    assert_eq!(out[4]["error"]["code"], json!(-32601));
    assert_eq!(out[5]["error"]["code"], json!(-32602));
    assert!(
        out[5]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("name"),
        "{}",
        out[5]
    );
    assert_eq!(out[6]["id"], json!(5));
    assert_eq!(out.len(), 7);
}

#[test]
fn mcp_frames_decode_into_typed_envelopes_that_keep_the_id() {
    let parse = |v: Value| {
        Incoming::parse(
            v.to_string().as_bytes(),
            mcp::ServerIncomingRequest::decode,
            mcp::ServerIncomingNotification::decode,
        )
    };
    let m = parse(
        json!({"jsonrpc": "2.0", "id": "x-1", "method": "tools/call",
        "params": {"name": "add"}}),
    )
    .unwrap();
    let Incoming::Request(call) = &m else {
        panic!("{m:?}")
    };
    assert_eq!(call.request_id(), &Id::String("x-1".into()));
    assert!(matches!(&call.request, mcp::ServerIncomingRequest::ToolsCall(p) if p.name == "add"));
    let m = parse(json!({"jsonrpc": "2.0", "id": 9, "method": "sampling/createMessage"})).unwrap();
    assert!(matches!(&m, Incoming::Unknown { method, .. } if method == "sampling/createMessage"));
    assert_eq!(m.request_id(), Some(&Id::Number(9)));
    let e = parse(json!({"jsonrpc": "2.0", "id": 10, "method": "tools/call", "params": {}}))
        .unwrap_err();
    assert_eq!(e.request_id(), Some(&Id::Number(10)));
    let response = jsonrpc::Response::<mcp::CallToolResult>::parse(
        br#"{"jsonrpc":"2.0","id":1,"result":{"content":[],"isError":true}}"#,
    )
    .unwrap();
    assert_eq!(response.result.unwrap().is_error, Some(true));
}

#[test]
fn dap_requests_and_events_are_inferred_from_the_documented_commands() {
    use jsonrpc::{Notification, Request};
    assert_eq!(<dap::methods::Initialize as Request>::METHOD, "initialize");
    assert_eq!(<dap::methods::Stopped as Notification>::METHOD, "stopped");
    let args =
        serde_json::value::to_raw_value(&json!({"adapterID": "mock", "linesStartAt1": true}))
            .unwrap();
    let r = dap::AdapterRequest::decode("initialize", Some(&args)).unwrap();
    assert_eq!(r.method(), "initialize");
    let body =
        serde_json::value::to_raw_value(&json!({"reason": "breakpoint", "threadId": 1})).unwrap();
    let e = dap::ClientNotification::decode("stopped", Some(&body)).unwrap();
    assert!(matches!(&e, dap::ClientNotification::Stopped(b) if b.reason == "breakpoint"));
    // Reverse requests go from the adapter to the client.
    let args = serde_json::value::to_raw_value(&json!({"cwd": "/", "args": ["ls"]})).unwrap();
    assert_eq!(
        dap::ClientRequest::decode("runInTerminal", Some(&args))
            .unwrap()
            .method(),
        "runInTerminal"
    );
    assert!(dap::AdapterRequest::decode("runInTerminal", Some(&args)).is_err());
    let bad = serde_json::value::to_raw_value(&json!({"linesStartAt1": true})).unwrap();
    let err = dap::AdapterRequest::decode("initialize", Some(&bad)).unwrap_err();
    assert!(err.message.contains("adapterID"), "{err}");
}

/// The adapter receives no events.
fn no_events(name: &str, _: Option<&wiregen_runtime::RawValue>) -> Reply<()> {
    Err(jsonrpc::ErrorObject::method_not_found(name))
}

#[test]
fn dap_messages_route_through_the_inferred_tables_and_correlate_by_request_seq() {
    use wiregen_runtime::jsonrpc::dap as frames;
    let parse = |v: Value| {
        frames::Incoming::parse(
            v.to_string().as_bytes(),
            dap::AdapterRequest::decode,
            no_events,
        )
    };
    let m = parse(json!({"seq": 1, "type": "request", "command": "initialize",
        "arguments": {"clientID": "vscode", "adapterID": "mock", "linesStartAt1": true}}))
    .unwrap();
    let frames::Incoming::Request(call) = &m else {
        panic!("{m:?}")
    };
    assert_eq!(call.request_id(), &Id::Number(1));
    assert!(matches!(&call.request, dap::AdapterRequest::Initialize(a) if a.adapter_id == "mock"));
    let e = parse(json!({"seq": 2, "type": "request", "command": "launch", "arguments": 3}))
        .unwrap_err();
    assert_eq!(e.request_id(), Some(&Id::Number(2)));
    let threads = json!({"seq": 9, "type": "response", "request_seq": 5, "success": true,
        "command": "threads", "body": {"threads": [{"id": 1, "name": "main"}]}});
    let frames::Incoming::Response(r) = parse(threads).unwrap() else {
        panic!("a response")
    };
    assert_eq!(r.request_id(), Id::Number(5));
    let body = r
        .decode::<dap::methods::Threads>()
        .unwrap()
        .result
        .unwrap()
        .unwrap();
    assert_eq!(body.threads[0].name, "main");
}
