//! DAP-style envelopes for method tables wiregen infers from `type` + `command` / `event`
//! messages (the Debug Adapter Protocol): `{"seq", "type": "request", "command", "arguments"}`,
//! `{"seq", "type": "event", "event", "body"}` and responses correlated by `request_seq`. The
//! generated `<Side>Request::decode` / `<Side>Notification::decode` take the command or event
//! name and the arguments or body, as they take a JSON-RPC method and params.
//!
//! ```
//! use wiregen_runtime::jsonrpc::{ErrorObject, Id, Reply, dap, decode_params};
//! use wiregen_runtime::RawValue;
//!
//! fn requests(command: &str, arguments: Option<&RawValue>) -> Reply<i64> {
//!     match command {
//!         "threads" => decode_params(command, arguments),
//!         _ => Err(ErrorObject::method_not_found(command)),
//!     }
//! }
//! fn events(event: &str, _: Option<&RawValue>) -> Reply<()> {
//!     Err(ErrorObject::method_not_found(event))
//! }
//! let frame = br#"{"seq":4,"type":"request","command":"threads","arguments":7}"#;
//! let m = dap::Incoming::parse(frame, requests, events).unwrap();
//! assert_eq!(m.request_id(), Some(&Id::Number(4)));
//! let reply = dap::response_frame(5, 4, "threads", Ok(&["main"]));
//! assert_eq!(reply, br#"{"seq":5,"type":"response","request_seq":4,"success":true,"command":"threads","body":["main"]}"#.to_vec());
//! let event = dap::event_frame(6, "initialized", None::<&()>);
//! assert_eq!(event, br#"{"seq":6,"type":"event","event":"initialized"}"#.to_vec());
//! ```

use super::envelope::{Call, DecodeError, DecodeFn};
use super::{ErrorObject, Id, Request, codes};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

#[derive(Deserialize)]
struct Raw<'a> {
    seq: i64,
    #[serde(rename = "type")]
    kind: &'a str,
    command: Option<&'a str>,
    event: Option<&'a str>,
    #[serde(borrow)]
    arguments: Option<&'a RawValue>,
    #[serde(borrow)]
    body: Option<&'a RawValue>,
    request_seq: Option<i64>,
    success: Option<bool>,
    message: Option<String>,
}

/// One incoming DAP message, decoded with the generated enums of the receiving side.
#[derive(Debug, Clone)]
pub enum Incoming<Rq, N> {
    /// A request of a known command; its id is the request's `seq`.
    Request(Call<Rq>),
    /// An event of a known kind.
    Event(N),
    /// A request or event this side does not know, kept as received.
    Unknown {
        /// The request's `seq` (`None`: an event, never answered).
        id: Option<Id>,
        /// The command or event name.
        name: String,
        /// The arguments or body as received.
        payload: Option<Box<RawValue>>,
    },
    /// A response to a request this side sent, correlated by `request_seq`.
    Response(Response<Box<RawValue>>),
}

/// A DAP response: the request it answers and its body, or the error message.
#[derive(Debug, Clone)]
pub struct Response<B> {
    /// The `seq` of the request it answers.
    pub request_seq: i64,
    /// The command answered.
    pub command: String,
    /// The body (`success: true`), or `message` and the raw body (`success: false`).
    pub result: Result<Option<B>, (String, Option<Box<RawValue>>)>,
}

impl<B> Response<B> {
    /// The id of the request it answers.
    pub fn request_id(&self) -> Id {
        Id::Number(self.request_seq)
    }
}

impl Response<Box<RawValue>> {
    /// Decodes the body as request `M`'s result type (an error names the field).
    pub fn decode<M: Request>(self) -> Result<Response<M::Result>, DecodeError> {
        let id = self.request_id();
        let result = match self.result {
            Ok(Some(raw)) => Ok(Some(crate::from_str::<M::Result>(raw.get()).map_err(
                |e| {
                    DecodeError::new(
                        Some(id),
                        false,
                        ErrorObject::new(
                            codes::INVALID_PARAMS,
                            format!("invalid body for `{}`: {e}", M::METHOD),
                        ),
                    )
                },
            )?)),
            Ok(None) => Ok(None),
            Err(e) => Err(e),
        };
        Ok(Response {
            request_seq: self.request_seq,
            command: self.command,
            result,
        })
    }
}

impl<Rq, N> Incoming<Rq, N> {
    /// Decodes one message: requests with `requests`, events with `events` (the generated
    /// `<Side>Request::decode` and `<Side>Notification::decode`). Arguments that do not decode
    /// are an error naming the field that still carries the request's `seq`.
    pub fn parse(
        bytes: &[u8],
        requests: DecodeFn<Rq>,
        events: DecodeFn<N>,
    ) -> Result<Self, DecodeError> {
        let raw: Raw<'_> = serde_json::from_slice(bytes).map_err(|e| {
            let error = if e.is_syntax() || e.is_eof() {
                ErrorObject::parse_error(&e)
            } else {
                ErrorObject::invalid_request(&e)
            };
            DecodeError::new(seq_of(bytes), false, error)
        })?;
        let id = Id::Number(raw.seq);
        let missing = |what: &str| {
            DecodeError::new(
                Some(Id::Number(raw.seq)),
                raw.kind == "event",
                ErrorObject::invalid_request(format!("a `{}` message needs `{what}`", raw.kind)),
            )
        };
        let unknown = |id: Option<Id>, name: &str, payload: Option<&RawValue>| Incoming::Unknown {
            id,
            name: name.to_string(),
            payload: payload.map(ToOwned::to_owned),
        };
        match raw.kind {
            "request" => {
                let command = raw.command.ok_or_else(|| missing("command"))?;
                match requests(command, raw.arguments) {
                    Ok(request) => Ok(Incoming::Request(Call { id, request })),
                    Err(e) if e.code == codes::METHOD_NOT_FOUND => {
                        Ok(unknown(Some(id), command, raw.arguments))
                    }
                    Err(e) => Err(DecodeError::new(Some(id), false, e)),
                }
            }
            "event" => {
                let event = raw.event.ok_or_else(|| missing("event"))?;
                match events(event, raw.body) {
                    Ok(e) => Ok(Incoming::Event(e)),
                    Err(e) if e.code == codes::METHOD_NOT_FOUND => {
                        Ok(unknown(None, event, raw.body))
                    }
                    Err(e) => Err(DecodeError::new(None, true, e)),
                }
            }
            "response" => {
                let request_seq = raw.request_seq.ok_or_else(|| missing("request_seq"))?;
                let success = raw.success.ok_or_else(|| missing("success"))?;
                let body = raw.body.map(ToOwned::to_owned);
                Ok(Incoming::Response(Response {
                    request_seq,
                    command: raw.command.unwrap_or_default().to_string(),
                    result: if success {
                        Ok(body)
                    } else {
                        Err((raw.message.unwrap_or_default(), body))
                    },
                }))
            }
            other => Err(DecodeError::new(
                Some(id),
                false,
                ErrorObject::invalid_request(format!("unknown message type `{other}`")),
            )),
        }
    }

    /// The `seq` of a request or unknown request, or the `request_seq` of a response.
    pub fn request_id(&self) -> Option<&Id> {
        match self {
            Incoming::Request(call) => Some(&call.id),
            Incoming::Unknown { id, .. } => id.as_ref(),
            Incoming::Event(_) | Incoming::Response(_) => None,
        }
    }
}

/// The `seq` of a message read from the raw bytes alone, whatever else it holds.
pub fn seq_of(bytes: &[u8]) -> Option<Id> {
    #[derive(Deserialize)]
    struct OnlySeq {
        seq: Option<i64>,
    }
    serde_json::from_slice::<OnlySeq>(bytes)
        .ok()?
        .seq
        .map(Id::Number)
}

/// The response message answering request `request_seq`: `body` on success, `message` (and
/// no body) on failure.
pub fn response_frame<B: Serialize + ?Sized>(
    seq: i64,
    request_seq: i64,
    command: &str,
    result: Result<&B, &str>,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct Out<'a, B: ?Sized> {
        seq: i64,
        #[serde(rename = "type")]
        kind: &'static str,
        request_seq: i64,
        success: bool,
        command: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        message: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        body: Option<&'a B>,
    }
    let (success, message, body) = match result {
        Ok(body) => (true, None, Some(body)),
        Err(message) => (false, Some(message), None),
    };
    let out = Out {
        seq,
        kind: "response",
        request_seq,
        success,
        command,
        message,
        body,
    };
    serde_json::to_vec(&out).unwrap_or_else(|e| {
        // Only a hand-written `Serialize` impl can fail; answer with the failure instead.
        let message = format!("internal error: {e}");
        let failed = Out::<B> {
            success: false,
            message: Some(&message),
            body: None,
            ..out
        };
        serde_json::to_vec(&failed).unwrap_or_default()
    })
}

/// An event message: `{"seq", "type": "event", "event", "body"}`, without `body` when it is
/// `None` or encodes as `null` (a generated `Option` body left empty).
pub fn event_frame<B: Serialize + ?Sized>(seq: i64, event: &str, body: Option<&B>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Out<'a> {
        seq: i64,
        #[serde(rename = "type")]
        kind: &'static str,
        event: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        body: Option<serde_json::Value>,
    }
    let body = match body.map(serde_json::to_value) {
        Some(Ok(serde_json::Value::Null)) | None => None,
        Some(Ok(body)) => Some(body),
        // Only a hand-written `Serialize` impl can fail; the event goes out with the failure.
        Some(Err(e)) => Some(serde_json::Value::String(format!("internal error: {e}"))),
    };
    let out = Out {
        seq,
        kind: "event",
        event,
        body,
    };
    serde_json::to_vec(&out).unwrap_or_default()
}
