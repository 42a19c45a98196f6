//! A Spindle worker ↔ host exchange through the generated channel layer: the host dispatches
//! `WorkerToHost` messages to a handler, correlates requests by `requestId`, and a message type
//! from a newer protocol version reaches the default `unhandled` without failing. The worker
//! handles `HostToWorker` messages with the async handler, on no particular runtime.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use wiregen_generated::lumiverse_spindle::{
    HostToWorker, HostToWorkerAsyncHandler, WorkerToHost, WorkerToHostHandler, host_to_worker,
    worker_to_host,
};
use wiregen_runtime::serde_json::json;

/// The host: answers process requests it knows, reports the rest.
#[derive(Default)]
struct Host {
    unhandled: Vec<String>,
}

impl WorkerToHostHandler for Host {
    type Output = Option<String>;

    fn unhandled(&mut self, m: WorkerToHost) -> Option<String> {
        self.unhandled.push(m.tag().to_string());
        None
    }

    fn backend_process_spawn(&mut self, m: worker_to_host::BackendProcessSpawn) -> Option<String> {
        Some(format!("{} spawned {}", m.request_id, m.options.entry))
    }

    fn backend_process_get(&mut self, m: worker_to_host::BackendProcessGet) -> Option<String> {
        Some(format!("{} found {}", m.request_id, m.process_id))
    }
}

#[test]
fn host_dispatches_correlates_and_reports_unhandled_messages() {
    let wire = [
        json!({"type": "backend_process_spawn", "requestId": "r1", "options": {"entry": "dist/job.js"}}),
        json!({"type": "backend_process_get", "requestId": "r2", "processId": "p-9"}),
        json!({"type": "backend_process_list", "requestId": "r3"}),
        json!({"type": "backend_process_pause", "requestId": "r4", "processId": "p-9"}),
    ];
    let mut host = Host::default();
    let mut replies = Vec::new();
    for message in wire {
        let message: WorkerToHost = wiregen_runtime::from_value(message).unwrap();
        let correlation = message.correlation_id().map(str::to_string);
        replies.push((correlation, message.dispatch(&mut host)));
    }
    assert_eq!(
        replies,
        [
            (
                Some("r1".to_string()),
                Some("r1 spawned dist/job.js".to_string())
            ),
            (Some("r2".to_string()), Some("r2 found p-9".to_string())),
            (Some("r3".to_string()), None),
            // A message of a newer version is kept raw, and its id is still read from it.
            (Some("r4".to_string()), None),
        ]
    );
    // The list request is known but not implemented; the pause request is from a newer version.
    assert_eq!(
        host.unhandled,
        ["backend_process_list", "backend_process_pause"]
    );
}

#[test]
fn shared_members_have_typed_accessors() {
    let spawn: WorkerToHost = wiregen_runtime::from_value(
        json!({"type": "backend_process_send", "processId": "p1", "payload": 1, "userId": "u1"}),
    )
    .unwrap();
    assert_eq!(spawn.process_id(), Some("p1"));
    assert_eq!(spawn.user_id(), Some("u1"));
    assert_eq!(spawn.request_id(), None);
    assert_eq!(WorkerToHost::VARIANTS[0], ("modal_close", "ModalClose"));
}

/// The worker: counts lifecycle events, asynchronously.
#[derive(Default)]
struct Worker {
    lifecycle: Vec<String>,
    unhandled: usize,
}

impl HostToWorkerAsyncHandler for Worker {
    type Output = ();

    async fn unhandled(&mut self, _: HostToWorker) {
        self.unhandled += 1;
    }

    async fn backend_process_lifecycle(&mut self, m: host_to_worker::BackendProcessLifecycle) {
        self.lifecycle
            .push(format!("{}:{}", m.event.process_id, m.event.state));
    }
}

/// Polls a future that never waits (no executor needed for this test).
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the handlers in this test never wait"),
    }
}

#[test]
fn worker_handles_host_messages_with_the_async_handler() {
    let mut worker = Worker::default();
    for message in [
        json!({"type": "backend_process_lifecycle", "event": {"processId": "p1", "entry": "a.js", "kind": "a", "state": "running", "at": "t"}}),
        json!({"type": "shutdown"}),
    ] {
        let message: HostToWorker = wiregen_runtime::from_value(message).unwrap();
        block_on(message.dispatch_async(&mut worker));
    }
    assert_eq!(worker.lifecycle, ["p1:running"]);
    assert_eq!(worker.unhandled, 1);
}
