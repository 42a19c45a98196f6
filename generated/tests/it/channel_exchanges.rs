//! The channel layer of the Stina and Flamecast protocols in use: a Stina worker's `request`
//! and the host's `response` correlated by id, and a Flamecast session server dispatching
//! client control messages (a newer action reaches `unhandled`) and answering on its own channel.

use wiregen_generated::flamecast::{WsControlMessage, WsControlMessageHandler, WsServerMessage};
use wiregen_generated::stina_extension_api::{
    HostToWorkerMessage, RequestMessage, RequestMethod, WorkerToHostMessage,
    WorkerToHostMessageHandler,
};
use wiregen_runtime::jsonrpc::{Id, Pending};
use wiregen_runtime::serde_json::{Value, json};

/// The Stina host: answers a worker's `request` with a `response` naming its id.
struct StinaHost;

impl WorkerToHostMessageHandler for StinaHost {
    type Output = Option<Value>;

    fn unhandled(&mut self, _: WorkerToHostMessage) -> Option<Value> {
        None
    }

    fn request_message(&mut self, m: RequestMessage) -> Option<Value> {
        assert_eq!(m.method, RequestMethod::SettingsGet);
        Some(
            json!({"type": "response", "id": "h-1", "payload": {"requestId": m.id, "success": true, "data": {"theme": "dark"}}}),
        )
    }
}

#[test]
fn stina_worker_request_and_host_response_correlate_by_id() {
    let mut pending: Pending<RequestMethod> = Pending::default();
    let request: WorkerToHostMessage =
        wiregen_runtime::from_value(json!({"type": "request", "id": "w-7", "method": "settings.get", "payload": {"key": "theme"}})).unwrap();
    let id = request.correlation_id().unwrap().to_string();
    pending.insert(Id::String(id.clone()), RequestMethod::SettingsGet);

    let reply = request
        .dispatch(&mut StinaHost)
        .expect("the host answers requests");
    let response: HostToWorkerMessage = wiregen_runtime::from_value(reply).unwrap();
    // The response's correlation member is `payload.requestId`: it names the worker's request.
    let answered = response.correlation_id().map(str::to_string).unwrap();
    assert_eq!(answered, id);
    assert_eq!(
        pending.take(&Id::String(answered)),
        Some(RequestMethod::SettingsGet)
    );
    assert!(pending.is_empty());
    assert!(
        RequestMethod::VALUES.contains(&"settings.get"),
        "the method table lists every method"
    );
}

/// A Flamecast session server: handles prompts and pings, reports everything else.
#[derive(Default)]
struct Session {
    unhandled: Vec<String>,
}

impl WsControlMessageHandler for Session {
    type Output = Option<WsServerMessage>;

    fn unhandled(&mut self, m: WsControlMessage) -> Option<WsServerMessage> {
        self.unhandled.push(m.tag().to_string());
        None
    }

    fn ws_prompt_action(
        &mut self,
        m: wiregen_generated::flamecast::WsPromptAction,
    ) -> Option<WsServerMessage> {
        let event = json!({"type": "event", "timestamp": "2026-01-01T00:00:01Z",
            "event": {"type": "prompt", "data": {"text": m.text}, "timestamp": "2026-01-01T00:00:00Z"}});
        Some(wiregen_runtime::from_value(event).expect("a valid event message"))
    }
}

#[test]
fn flamecast_session_dispatches_control_messages_and_reports_newer_actions() {
    let mut session = Session::default();
    let mut sent = Vec::new();
    for frame in [
        json!({"action": "prompt", "text": "hello"}),
        json!({"action": "queue.clear"}),
        json!({"action": "session.fork", "from": "s1"}),
    ] {
        let message: WsControlMessage = wiregen_runtime::from_value(frame).unwrap();
        sent.extend(message.dispatch(&mut session));
    }
    assert_eq!(session.unhandled, ["queue.clear", "session.fork"]);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].tag(), "event");
    let wire = wiregen_runtime::to_value(&sent[0]).unwrap();
    assert_eq!(wire["type"], "event");
    assert_eq!(wire["event"]["data"]["text"], "hello");
}
