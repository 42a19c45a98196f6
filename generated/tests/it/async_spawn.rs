//! Generic handlers on a tokio runtime: a task driving a generic channel handler with
//! `dispatch_async`, and a JSON-RPC connection serving a generic `ExtensionServer`, both
//! compile inside `tokio::spawn` (their futures are `Send`); a typed client talks to the server
//! with the generated method types, and the server's `Outbox` notifications reach the client's
//! async handler.

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use wiregen_generated::lumiverse_spindle::{
    HostToWorker, HostToWorkerAsyncHandler, host_to_worker,
};
use wiregen_generated::smooth_extension_protocol::{
    self as sep, ExtensionServer, ProviderCompleteParams, ProviderCompleteResult,
    ProviderDeltaParams, ProviderStreamEvent, methods, provider_stream_event,
};
use wiregen_runtime::jsonrpc::codec::FrameError;
use wiregen_runtime::jsonrpc::{Connection, Handlers, InFlight, Options, Outbox, Reply, Transport};
use wiregen_runtime::serde_json::json;

/// Compiles only if `dispatch_async`'s future is `Send` for any handler `H`.
fn spawn_channel_handler<H>(mut handler: H, messages: Vec<HostToWorker>) -> JoinHandle<H>
where
    H: HostToWorkerAsyncHandler + 'static,
{
    tokio::spawn(async move {
        for m in messages {
            m.dispatch_async(&mut handler).await;
        }
        handler
    })
}

/// Compiles only if a connection serving any `ExtensionServer` can run in its own task.
fn spawn_extension<S>(server: S, transport: Transport) -> JoinHandle<Result<(), FrameError>>
where
    S: ExtensionServer + Send + 'static,
{
    let handlers = Handlers::new().router(sep::extension_router::<S>(), server);
    let connection = Connection::start(transport, handlers, Options::default());
    tokio::spawn(connection.closed())
}

#[derive(Default)]
struct Worker {
    lifecycle: Vec<String>,
    unhandled: usize,
}

impl HostToWorkerAsyncHandler for Worker {
    type Output = ();

    async fn unhandled(&mut self, _: HostToWorker) {
        tokio::task::yield_now().await;
        self.unhandled += 1;
    }

    async fn backend_process_lifecycle(&mut self, m: host_to_worker::BackendProcessLifecycle) {
        tokio::task::yield_now().await;
        self.lifecycle
            .push(format!("{}:{}", m.event.process_id, m.event.state));
    }
}

#[tokio::test]
async fn a_generic_channel_handler_runs_in_a_spawned_task() {
    let messages = [
        json!({"type": "backend_process_lifecycle", "event": {"processId": "p1", "entry": "a.js", "kind": "a", "state": "running", "at": "t"}}),
        json!({"type": "shutdown"}),
    ]
    .into_iter()
    .map(|m| wiregen_runtime::from_value(m).unwrap())
    .collect();
    let worker = spawn_channel_handler(Worker::default(), messages)
        .await
        .unwrap();
    assert_eq!(worker.lifecycle, ["p1:running"]);
    assert_eq!(worker.unhandled, 1);
}

struct Extension;

impl ExtensionServer for Extension {
    fn provider_complete(
        &mut self,
        params: ProviderCompleteParams,
        out: &mut Outbox,
    ) -> Reply<ProviderCompleteResult> {
        out.notify::<methods::ProviderDelta>(&ProviderDeltaParams {
            request_id: params.request_id.clone(),
            event: ProviderStreamEvent::Delta(provider_stream_event::Delta {
                content: "Hi".into(),
            }),
        });
        Ok(ProviderCompleteResult {
            content: Some(format!("{} says hi", params.model)),
            ..Default::default()
        })
    }
}

#[tokio::test]
async fn a_generic_extension_server_answers_a_typed_client_over_ndjson() {
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    let server = spawn_extension(Extension, Transport::ndjson(ar, aw, 1 << 20));
    let (deltas_tx, mut deltas) = mpsc::unbounded_channel();
    let host_handlers =
        Handlers::new().notification::<methods::ProviderDelta, _, _>(move |delta, _| {
            let deltas_tx = deltas_tx.clone();
            async move {
                deltas_tx.send(delta).unwrap();
            }
        });
    let host = Connection::start(
        Transport::ndjson(br, bw, 1 << 20),
        host_handlers,
        Options::default(),
    );
    let params: ProviderCompleteParams = wiregen_runtime::from_value(json!({
        "request_id": "c-1", "provider": "p", "model": "m", "messages": []
    }))
    .unwrap();
    let result = host
        .client()
        .request::<methods::ProviderComplete>(params)
        .await
        .unwrap();
    assert_eq!(result.content.as_deref(), Some("m says hi"));
    let delta = deltas.recv().await.unwrap();
    assert_eq!(delta.request_id, "c-1");
    // A method the extension does not implement: the generated default answers -32601.
    let err = host
        .client()
        .request::<methods::Ping>(())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("method not found: `ping`"),
        "{err}"
    );
    host.shutdown(InFlight::Finish).await.unwrap();
    server.await.unwrap().unwrap();
}
