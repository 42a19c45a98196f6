//! A Spindle host loop: reads the worker's messages (one JSON object per line), dispatches
//! them to a [`WorkerToHostHandler`] and writes one reply line per request.
//!
//! The seed schema has no reply message, so replies are this example's own
//! `{"type":"response","requestId":...,"result":...}` (or `"error"`) objects.

use crate::spindle::{WorkerToHost, WorkerToHostHandler, worker_to_host};
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use wiregen_runtime::serde_json::{Value, json};

/// The host's state: the backend processes workers have spawned.
#[derive(Debug, Default)]
pub struct Host {
    processes: BTreeMap<String, String>,
    next_id: u32,
    /// Tags of the messages this host does not handle, in arrival order.
    pub unhandled: Vec<String>,
}

fn response(request_id: &str, result: Value) -> Value {
    json!({ "type": "response", "requestId": request_id, "result": result })
}

impl WorkerToHostHandler for Host {
    type Output = Option<Value>;

    fn unhandled(&mut self, m: WorkerToHost) -> Option<Value> {
        self.unhandled.push(m.tag().to_string());
        // Answer requests we do not implement, so the worker does not wait forever.
        m.request_id().map(|id| {
            json!({ "type": "error", "requestId": id, "message": format!("`{}` is not supported by this host", m.tag()) })
        })
    }

    fn backend_process_spawn(&mut self, m: worker_to_host::BackendProcessSpawn) -> Option<Value> {
        self.next_id += 1;
        let id = format!("p{}", self.next_id);
        self.processes.insert(id.clone(), m.options.entry);
        Some(response(&m.request_id, json!({ "processId": id })))
    }

    fn backend_process_get(&mut self, m: worker_to_host::BackendProcessGet) -> Option<Value> {
        let state = self.processes.get(&m.process_id).map_or(
            json!(null),
            |entry| json!({ "processId": m.process_id, "entry": entry, "state": "running" }),
        );
        Some(response(&m.request_id, state))
    }

    fn backend_process_stop(&mut self, m: worker_to_host::BackendProcessStop) -> Option<Value> {
        let stopped = self.processes.remove(&m.process_id).is_some();
        Some(response(&m.request_id, json!({ "stopped": stopped })))
    }
}

/// Serves one worker: every input line is a `WorkerToHost` message; replies are written one
/// per line. A line that does not decode gets an `error` reply naming the field.
pub fn serve(host: &mut Host, input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match wiregen_runtime::from_str::<WorkerToHost>(&line) {
            Ok(message) => message.dispatch(host),
            Err(e) => Some(json!({ "type": "error", "message": e.to_string() })),
        };
        if let Some(reply) = reply {
            writeln!(output, "{reply}")?;
        }
    }
    output.flush()
}
