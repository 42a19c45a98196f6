//! The async connection (feature `tokio`): typed client and concurrent server over in-memory
//! duplex pipes, cancellation both ways, shutdown, frame limits, `Content-Length` framing.

use bytes::BytesMut;
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::{Notify, mpsc, oneshot};
use tokio_util::codec::Decoder;
use wiregen_runtime::jsonrpc::codec::{ContentLengthCodec, FrameError, NdjsonCodec, TooLong};
use wiregen_runtime::jsonrpc::{
    self, Cancellation, Connection, Error, ErrorObject, Handlers, InFlight, Options, Outbox, Reply,
    Router, Transport,
};

enum Add {}
impl jsonrpc::Request for Add {
    const METHOD: &'static str = "math/add";
    type Params = (i64, i64);
    type Result = i64;
}

/// Waits for the test to open its gate, then answers its params.
enum Gated {}
impl jsonrpc::Request for Gated {
    const METHOD: &'static str = "gated";
    type Params = String;
    type Result = String;
}

/// A request whose result is declared as a number but answered with a string by the server.
enum Lies {}
impl jsonrpc::Request for Lies {
    const METHOD: &'static str = "lies";
    type Params = ();
    type Result = Point;
}
enum LiesServer {}
impl jsonrpc::Request for LiesServer {
    const METHOD: &'static str = "lies";
    type Params = ();
    type Result = serde_json::Value;
}

#[derive(Debug, PartialEq, wiregen_runtime::Serialize, wiregen_runtime::Deserialize)]
#[serde(crate = "wiregen_runtime::serde")]
struct Point {
    x: i64,
}

enum Log {}
impl jsonrpc::Notification for Log {
    const METHOD: &'static str = "log";
    type Params = String;
}

const MAX: usize = 1 << 16;

fn ndjson(io: DuplexStream) -> Transport {
    let (r, w) = tokio::io::split(io);
    Transport::ndjson(r, w, MAX)
}

/// Two connections talking ndjson over an in-memory pipe.
fn pair(server: Handlers, options: Options) -> (Connection, Connection) {
    let (a, b) = tokio::io::duplex(1 << 16);
    let server = Connection::start(ndjson(a), server, options.clone());
    let client = Connection::start(ndjson(b), Handlers::new(), options);
    (server, client)
}

/// A connection and the raw other end, read line by line.
struct Raw {
    lines: tokio::io::Lines<BufReader<tokio::io::ReadHalf<DuplexStream>>>,
    write: tokio::io::WriteHalf<DuplexStream>,
}

impl Raw {
    async fn send(&mut self, line: &str) {
        self.write.write_all(line.as_bytes()).await.unwrap();
        self.write.write_all(b"\n").await.unwrap();
    }
    async fn recv(&mut self) -> serde_json::Value {
        let line = self.lines.next_line().await.unwrap().expect("a frame");
        serde_json::from_str(&line).unwrap()
    }
    async fn eof(&mut self) -> bool {
        self.lines.next_line().await.unwrap().is_none()
    }
}

fn raw_peer(handlers: Handlers, options: Options) -> (Connection, Raw) {
    let (a, b) = tokio::io::duplex(1 << 20);
    let conn = Connection::start(ndjson(a), handlers, options);
    let (r, w) = tokio::io::split(b);
    let raw = Raw {
        lines: BufReader::new(r).lines(),
        write: w,
    };
    (conn, raw)
}

/// Handlers with `math/add`, a `gated` request that waits for `gate`, and `lies`.
fn handlers(gate: Arc<Notify>) -> Handlers {
    Handlers::new()
        .request::<Add, _, _>(|(a, b), _| async move { Ok(a + b) })
        .request::<Gated, _, _>(move |text, _| {
            let gate = Arc::clone(&gate);
            async move {
                gate.notified().await;
                Ok(text)
            }
        })
        .request::<LiesServer, _, _>(|(), _| async { Ok(serde_json::json!({"x": "five"})) })
}

#[tokio::test]
async fn request_resolves_to_the_typed_result_and_errors_are_typed() {
    let server_handlers = handlers(Arc::new(Notify::new())).request::<Gated2, _, _>(|_, _| async {
        Err::<String, _>(ErrorObject::new(-32010, "no such thing"))
    });
    let (server, client) = pair(server_handlers, Options::default());
    let c = client.client();
    assert_eq!(c.request::<Add>((2, 3)).await.unwrap(), 5);
    match c.request::<Gated2>("x".into()).await {
        Err(Error::Rpc(e)) => assert_eq!((e.code, e.message.as_str()), (-32010, "no such thing")),
        other => panic!("expected the error object, got {other:?}"),
    }
    match c.request::<Lies>(()).await {
        Err(Error::Decode(e)) => assert!(e.to_string().starts_with("x: invalid type"), "{e}"),
        other => panic!("expected a decode error naming `x`, got {other:?}"),
    }
    match c.request::<Unknown>(()).await {
        Err(Error::Rpc(e)) => {
            assert_eq!(e.code, jsonrpc::codes::METHOD_NOT_FOUND);
            assert!(e.message.contains("`nope`"), "{e}");
        }
        other => panic!("expected -32601, got {other:?}"),
    }
    match c.request::<AddNamed>(Point { x: 1 }).await {
        Err(Error::Rpc(e)) => assert_eq!(e.code, jsonrpc::codes::INVALID_PARAMS),
        other => panic!("expected -32602, got {other:?}"),
    }
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}

enum Gated2 {}
impl jsonrpc::Request for Gated2 {
    const METHOD: &'static str = "gated2";
    type Params = String;
    type Result = String;
}
enum Unknown {}
impl jsonrpc::Request for Unknown {
    const METHOD: &'static str = "nope";
    type Params = ();
    type Result = ();
}
/// `math/add` with params of the wrong shape.
enum AddNamed {}
impl jsonrpc::Request for AddNamed {
    const METHOD: &'static str = "math/add";
    type Params = Point;
    type Result = i64;
}

#[tokio::test]
async fn concurrent_requests_complete_out_of_order() {
    let gate = Arc::new(Notify::new());
    let (server, client) = pair(handlers(Arc::clone(&gate)), Options::default());
    let c = client.client();
    let slow = tokio::spawn(c.request::<Gated>("first".into()));
    // The second request is answered while the first one still waits for its gate.
    assert_eq!(c.request::<Add>((1, 1)).await.unwrap(), 2);
    assert!(!slow.is_finished());
    gate.notify_one();
    assert_eq!(slow.await.unwrap().unwrap(), "first");
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}

#[tokio::test]
async fn notifications_reach_their_handler_in_order() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let handlers = Handlers::new().notification::<Log, _, _>(move |text, _| {
        let tx = tx.clone();
        async move {
            tx.send(text).unwrap();
        }
    });
    let (server, client) = pair(handlers, Options::default());
    let c = client.client();
    for text in ["one", "two", "three"] {
        c.notify::<Log>(&text.to_string()).unwrap();
    }
    for text in ["one", "two", "three"] {
        assert_eq!(rx.recv().await.unwrap(), text);
    }
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}

#[tokio::test]
async fn handlers_can_call_back_the_peer_while_handling() {
    // The server asks the client to add before it answers: requests flow both ways at once.
    let server_handlers = Handlers::new().request::<Gated, _, _>(|text, peer| async move {
        // A failed call to the peer becomes `-32603` through `?`.
        let n = peer.request::<Add>((40, 2)).await?;
        Ok(format!("{text} {n}"))
    });
    let (a, b) = tokio::io::duplex(1 << 16);
    let server = Connection::start(ndjson(a), server_handlers, Options::default());
    let client = Connection::start(
        ndjson(b),
        Handlers::new().request::<Add, _, _>(|(x, y), _| async move { Ok(x + y) }),
        Options::default(),
    );
    let answer = client
        .client()
        .request::<Gated>("got".into())
        .await
        .unwrap();
    assert_eq!(answer, "got 42");
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}

/// Signals when dropped (a handler's future is dropped when its task is aborted).
struct DropSignal(Option<oneshot::Sender<()>>);
impl Drop for DropSignal {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(());
        }
    }
}

/// A handler for `gated` that reports when it starts and when its future is dropped, and
/// never finishes.
fn never_finishing(started: mpsc::UnboundedSender<()>, dropped: oneshot::Sender<()>) -> Handlers {
    let dropped = std::sync::Mutex::new(Some(dropped));
    Handlers::new().request::<Gated, _, _>(move |_, _| {
        let signal = DropSignal(dropped.lock().unwrap().take());
        let started = started.clone();
        async move {
            let _signal = signal;
            started.send(()).unwrap();
            std::future::pending::<Reply<String>>().await
        }
    })
}

#[tokio::test]
async fn dropping_a_request_future_sends_the_mcp_cancel_and_aborts_the_peers_handler() {
    let (started_tx, mut started) = mpsc::unbounded_channel();
    let (dropped_tx, dropped) = oneshot::channel();
    let (server, client) = pair(
        never_finishing(started_tx, dropped_tx),
        Options::default().cancellation(Cancellation::mcp()),
    );
    let request = tokio::spawn(client.client().request::<Gated>("x".into()));
    started.recv().await.unwrap();
    request.abort();
    // The client's cancel notification reaches the server, which aborts the handler.
    dropped.await.unwrap();
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}

#[tokio::test]
async fn a_dropped_request_sends_the_configured_cancel_notification() {
    let (conn, mut raw) = raw_peer(
        Handlers::new(),
        Options::default().cancellation(Cancellation::lsp()),
    );
    let request = tokio::spawn(conn.client().request::<Add>((1, 2)));
    let sent = raw.recv().await;
    assert_eq!(sent["method"], "math/add");
    request.abort();
    assert_eq!(
        raw.recv().await,
        serde_json::json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": sent["id"]}})
    );
    // A late response to the cancelled request is ignored.
    raw.send(&format!(
        r#"{{"jsonrpc":"2.0","id":{},"result":3}}"#,
        sent["id"]
    ))
    .await;
    conn.shutdown(InFlight::Finish).await.unwrap();
    assert!(raw.eof().await);
}

#[tokio::test]
async fn an_incoming_lsp_cancel_aborts_the_handler_and_answers_request_cancelled() {
    let (started_tx, mut started) = mpsc::unbounded_channel();
    let (dropped_tx, dropped) = oneshot::channel();
    let (conn, mut raw) = raw_peer(
        never_finishing(started_tx, dropped_tx),
        Options::default().cancellation(Cancellation::lsp()),
    );
    raw.send(r#"{"jsonrpc":"2.0","id":"a-7","method":"gated","params":"x"}"#)
        .await;
    started.recv().await.unwrap();
    raw.send(r#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"a-7"}}"#)
        .await;
    dropped.await.unwrap();
    assert_eq!(
        raw.recv().await,
        serde_json::json!({"jsonrpc": "2.0", "id": "a-7", "error": {"code": -32800, "message": "request cancelled"}})
    );
    conn.shutdown(InFlight::Finish).await.unwrap();
    assert!(raw.eof().await);
}

#[tokio::test]
async fn a_second_request_with_an_id_in_flight_is_refused() {
    let gate = Arc::new(Notify::new());
    let (conn, mut raw) = raw_peer(handlers(Arc::clone(&gate)), Options::default());
    raw.send(r#"{"jsonrpc":"2.0","id":9,"method":"gated","params":"first"}"#)
        .await;
    raw.send(r#"{"jsonrpc":"2.0","id":9,"method":"gated","params":"second"}"#)
        .await;
    let refused = raw.recv().await;
    assert_eq!(refused["id"], 9);
    assert_eq!(refused["error"]["code"], jsonrpc::codes::INVALID_REQUEST);
    assert_eq!(
        refused["error"]["message"],
        "invalid request: request id 9 is in use"
    );
    gate.notify_one();
    assert_eq!(
        raw.recv().await,
        serde_json::json!({"jsonrpc": "2.0", "id": 9, "result": "first"})
    );
    conn.shutdown(InFlight::Finish).await.unwrap();
}

#[tokio::test]
async fn graceful_shutdown_finishes_in_flight_requests_and_flushes() {
    let gate = Arc::new(Notify::new());
    let (conn, mut raw) = raw_peer(handlers(Arc::clone(&gate)), Options::default());
    raw.send(r#"{"jsonrpc":"2.0","id":1,"method":"gated","params":"late"}"#)
        .await;
    // An answered request proves the gated one was read before the shutdown.
    raw.send(r#"{"jsonrpc":"2.0","id":2,"method":"math/add","params":[1,2]}"#)
        .await;
    assert_eq!(raw.recv().await["result"], 3);
    let pending = conn.client().request::<Add>((0, 0));
    let shutdown = tokio::spawn(conn.shutdown(InFlight::Finish));
    gate.notify_one();
    shutdown.await.unwrap().unwrap();
    assert!(matches!(pending.await, Err(Error::Closed)));
    let mut frames = [raw.recv().await, raw.recv().await];
    frames.sort_by_key(|f| f.get("id").map(ToString::to_string));
    assert_eq!(
        frames[0]["method"], "math/add",
        "our request was written before the stop"
    );
    assert_eq!(
        frames[1],
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "result": "late"})
    );
    assert!(raw.eof().await);
}

#[tokio::test]
async fn aborting_shutdown_drops_in_flight_requests_without_a_response() {
    let (started_tx, mut started) = mpsc::unbounded_channel();
    let (dropped_tx, dropped) = oneshot::channel();
    let (conn, mut raw) = raw_peer(never_finishing(started_tx, dropped_tx), Options::default());
    raw.send(r#"{"jsonrpc":"2.0","id":1,"method":"gated","params":"x"}"#)
        .await;
    started.recv().await.unwrap();
    conn.shutdown(InFlight::Abort).await.unwrap();
    dropped.await.unwrap();
    assert!(raw.eof().await, "no response to the aborted request");
}

#[tokio::test]
async fn aborting_shutdown_drops_a_running_notification_handler() {
    let (started_tx, mut started) = mpsc::unbounded_channel();
    let (dropped_tx, dropped) = oneshot::channel();
    let dropped_tx = std::sync::Mutex::new(Some(dropped_tx));
    let handlers = Handlers::new().notification::<Log, _, _>(move |_, _| {
        let signal = DropSignal(dropped_tx.lock().unwrap().take());
        let started = started_tx.clone();
        async move {
            let _signal = signal;
            started.send(()).unwrap();
            std::future::pending::<()>().await
        }
    });
    let (conn, mut raw) = raw_peer(handlers, Options::default());
    raw.send(r#"{"jsonrpc":"2.0","method":"log","params":"x"}"#)
        .await;
    started.recv().await.unwrap();
    conn.shutdown(InFlight::Abort).await.unwrap();
    dropped.await.unwrap();
}

#[tokio::test]
async fn the_peer_closing_ends_the_connection_and_fails_waiting_requests() {
    let (conn, raw) = raw_peer(Handlers::new(), Options::default());
    let waiting = conn.client().request::<Add>((1, 2));
    drop(raw);
    conn.closed().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(waiting.await, Err(Error::Closed)));
}

#[tokio::test]
async fn an_oversized_line_is_answered_and_the_connection_goes_on() {
    let (conn, mut raw) = raw_peer(handlers(Arc::new(Notify::new())), Options::default());
    let long = format!(
        r#"{{"jsonrpc":"2.0","id":1,"method":"gated","params":"{}"}}"#,
        "x".repeat(MAX)
    );
    raw.send(&long).await;
    raw.send(r#"{"jsonrpc":"2.0","id":2,"method":"math/add","params":[2,2]}"#)
        .await;
    let error = raw.recv().await;
    assert_eq!(error["id"], serde_json::Value::Null);
    assert_eq!(error["error"]["code"], jsonrpc::codes::INVALID_REQUEST);
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("limit of {MAX} bytes")),
        "{message}"
    );
    assert_eq!(
        raw.recv().await,
        serde_json::json!({"jsonrpc": "2.0", "id": 2, "result": 4})
    );
    conn.shutdown(InFlight::Finish).await.unwrap();
}

#[tokio::test]
async fn unparsable_frames_get_parse_errors() {
    let (conn, mut raw) = raw_peer(Handlers::new(), Options::default());
    raw.send("{not json").await;
    assert_eq!(
        raw.recv().await["error"]["code"],
        jsonrpc::codes::PARSE_ERROR
    );
    raw.send(r#"{"jsonrpc":"1.0","id":3,"method":"x"}"#).await;
    let reply = raw.recv().await;
    assert_eq!(
        (reply["id"].clone(), reply["error"]["code"].clone()),
        (3.into(), jsonrpc::codes::INVALID_REQUEST.into())
    );
    // Batches are not supported: one `-32600`, no partial answers.
    raw.send(r#"[{"jsonrpc":"2.0","id":4,"method":"math/add","params":[1,1]}]"#)
        .await;
    assert_eq!(
        raw.recv().await["error"]["code"],
        jsonrpc::codes::INVALID_REQUEST
    );
    conn.shutdown(InFlight::Finish).await.unwrap();
}

#[tokio::test]
async fn a_sync_router_serves_the_methods_without_async_handlers() {
    #[derive(Default)]
    struct Sync {
        total: i64,
    }
    fn add(s: &mut Sync, (a, b): (i64, i64), out: &mut Outbox) -> Reply<i64> {
        s.total += a + b;
        out.notify::<Log>(&format!("total {}", s.total));
        Ok(s.total)
    }
    let router = Router::<Sync>::new().request::<Add>(add);
    let (conn, mut raw) = raw_peer(
        Handlers::new().router(router, Sync::default()),
        Options::default(),
    );
    raw.send(r#"{"jsonrpc":"2.0","id":1,"method":"math/add","params":[2,3]}"#)
        .await;
    assert_eq!(raw.recv().await["params"], "total 5");
    assert_eq!(raw.recv().await["result"], 5);
    raw.send(r#"{"jsonrpc":"2.0","id":2,"method":"math/add","params":[1,1]}"#)
        .await;
    raw.recv().await;
    assert_eq!(raw.recv().await["result"], 7);
    conn.shutdown(InFlight::Finish).await.unwrap();
}

#[tokio::test]
async fn content_length_framing_carries_a_session() {
    let (a, b) = tokio::io::duplex(1 << 12);
    let transport = |io: DuplexStream| {
        let (r, w) = tokio::io::split(io);
        Transport::content_length(r, w, MAX)
    };
    let server = Connection::start(
        transport(a),
        handlers(Arc::new(Notify::new())),
        Options::default(),
    );
    let client = Connection::start(transport(b), Handlers::new(), Options::default());
    assert_eq!(client.client().request::<Add>((20, 22)).await.unwrap(), 42);
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}

#[tokio::test]
async fn content_length_frames_on_the_wire() {
    let (a, mut b) = tokio::io::duplex(1 << 12);
    let (r, w) = tokio::io::split(a);
    let conn = Connection::start(
        Transport::content_length(r, w, MAX),
        handlers(Arc::new(Notify::new())),
        Options::default(),
    );
    let body = br#"{"jsonrpc":"2.0","id":1,"method":"math/add","params":[1,2]}"#;
    // Split mid-header and mid-body.
    let frame = [
        format!(
            "content-length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
            body.len()
        )
        .as_bytes(),
        body,
    ]
    .concat();
    for part in frame.chunks(7) {
        b.write_all(part).await.unwrap();
        b.flush().await.unwrap();
        tokio::task::yield_now().await;
    }
    conn.shutdown(InFlight::Finish).await.unwrap();
    let mut out = String::new();
    b.read_to_string(&mut out).await.unwrap();
    let reply = r#"{"jsonrpc":"2.0","id":1,"result":3}"#;
    assert_eq!(
        out,
        format!("Content-Length: {}\r\n\r\n{reply}", reply.len())
    );
}

#[test]
fn content_length_decoder_handles_split_and_joined_frames() {
    let mut codec = ContentLengthCodec::new(16);
    let mut buf = BytesMut::new();
    let mut frames = Vec::new();
    let wire = b"Content-Length: 2\r\n\r\n{}Content-Length: 21\r\n\r\n[1,2,3,4,5,6,7,8,9,0]Content-Length: 4\r\n\r\nnull";
    for &byte in wire {
        buf.extend_from_slice(&[byte]);
        while let Some(item) = codec.decode(&mut buf).unwrap() {
            frames.push(item.map(|b| String::from_utf8(b.to_vec()).unwrap()));
        }
    }
    assert_eq!(
        frames,
        vec![
            Ok("{}".to_string()),
            Err(TooLong {
                max: 16,
                length: Some(21)
            }),
            Ok("null".to_string())
        ]
    );
    assert!(buf.is_empty());
}

#[test]
fn content_length_decoder_rejects_a_header_without_a_length() {
    let mut codec = ContentLengthCodec::default();
    let mut buf = BytesMut::from(&b"Content-Type: x\r\n\r\n{}"[..]);
    let e = codec.decode(&mut buf).unwrap_err();
    assert!(matches!(e, FrameError::Header(_)), "{e}");
    assert_eq!(
        e.to_string(),
        "bad `Content-Length` header: no `Content-Length`"
    );
    let mut buf = BytesMut::from(&b"Content-Length: -1\r\n\r\n"[..]);
    assert_eq!(
        codec.decode(&mut buf).unwrap_err().to_string(),
        "bad `Content-Length` header: `-1` is not a length"
    );
}

#[test]
fn ndjson_decoder_skips_blank_lines_strips_cr_and_skips_long_lines() {
    let mut codec = NdjsonCodec::new(8);
    let mut buf = BytesMut::from(&b"\n  \r\n[1]\r\n0123456789abc\n{}\n7"[..]);
    let mut items = Vec::new();
    while let Some(item) = codec.decode(&mut buf).unwrap() {
        items.push(item.map(|b| b.to_vec()));
    }
    while let Some(item) = codec.decode_eof(&mut buf).unwrap() {
        items.push(item.map(|b| b.to_vec()));
    }
    assert_eq!(
        items,
        vec![
            Ok(b"[1]".to_vec()),
            Err(TooLong {
                max: 8,
                length: None
            }),
            Ok(b"{}".to_vec()),
            Ok(b"7".to_vec())
        ]
    );
}

#[test]
fn ndjson_encoder_refuses_a_raw_newline() {
    use tokio_util::codec::Encoder;
    let mut dst = BytesMut::new();
    let e = NdjsonCodec::default()
        .encode(&b"{\n}"[..], &mut dst)
        .unwrap_err();
    assert!(matches!(e, FrameError::Newline));
}

#[cfg(feature = "websocket")]
#[tokio::test]
async fn websocket_transport_carries_a_session() {
    use tokio_tungstenite::WebSocketStream;
    use tokio_tungstenite::tungstenite::protocol::Role;
    let (a, b) = tokio::io::duplex(1 << 12);
    let server_ws = WebSocketStream::from_raw_socket(a, Role::Server, None).await;
    let client_ws = WebSocketStream::from_raw_socket(b, Role::Client, None).await;
    let server = Connection::start(
        Transport::websocket(server_ws),
        handlers(Arc::new(Notify::new())),
        Options::default(),
    );
    let client = Connection::start(
        Transport::websocket(client_ws),
        Handlers::new(),
        Options::default(),
    );
    assert_eq!(client.client().request::<Add>((3, 4)).await.unwrap(), 7);
    client.shutdown(InFlight::Finish).await.unwrap();
    server.closed().await.unwrap();
}
