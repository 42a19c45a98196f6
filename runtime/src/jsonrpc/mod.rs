//! JSON-RPC 2.0 for generated method registries: envelopes (typed ones in [`Incoming`],
//! [`Call`], [`Response`]), error objects, the `Request` /
//! `Notification` traits generated method types implement (as lsp-types does), a router that
//! turns an incoming frame into a typed call and its result into a response frame, and
//! ndjson framing ([`ndjson`]).
//!
//! With the `tokio` feature: [`Connection`], a typed client and a concurrent server on one
//! async transport (ndjson or `Content-Length` framing, [`codec`]; WebSocket with the
//! `websocket` feature), with cancellation and graceful shutdown.
//!
//! ```
//! use wiregen_runtime::jsonrpc::{self, Outbox, Router};
//!
//! enum Add {}
//! impl jsonrpc::Request for Add {
//!     const METHOD: &'static str = "math/add";
//!     type Params = (i64, i64);
//!     type Result = i64;
//! }
//! struct Calculator;
//! let router = Router::<Calculator>::new().request::<Add>(|_, (a, b), _| Ok(a + b));
//! let out = router.handle(&mut Calculator, br#"{"jsonrpc":"2.0","id":1,"method":"math/add","params":[2,3]}"#);
//! assert_eq!(out.frames, vec![br#"{"jsonrpc":"2.0","id":1,"result":5}"#.to_vec()]);
//! let out = router.handle(&mut Calculator, br#"{"jsonrpc":"2.0","id":2,"method":"math/sub"}"#);
//! assert!(String::from_utf8_lossy(&out.frames[0]).contains("method not found: `math/sub`"));
//! ```

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub mod codec;
#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
mod connection;
pub mod dap;
mod envelope;
pub mod ndjson;
mod router;
#[cfg(feature = "websocket")]
#[cfg_attr(docsrs, doc(cfg(feature = "websocket")))]
pub mod websocket;

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub use connection::{
    Cancellation, Client, Connection, Error, Handlers, InFlight, Options, Transport,
};
pub use envelope::{Call, DecodeError, DecodeFn, Incoming, Response, request_id_of};
pub use router::{Handled, Router};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

/// Standard JSON-RPC 2.0 error codes.
pub mod codes {
    /// Invalid JSON was received.
    pub const PARSE_ERROR: i64 = -32700;
    /// The JSON sent is not a valid request object.
    pub const INVALID_REQUEST: i64 = -32600;
    /// The method does not exist or is not available.
    pub const METHOD_NOT_FOUND: i64 = -32601;
    /// Invalid method parameters.
    pub const INVALID_PARAMS: i64 = -32602;
    /// Internal JSON-RPC error.
    pub const INTERNAL_ERROR: i64 = -32603;
}

/// A request id: a number or a string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Id {
    /// A numeric id.
    Number(i64),
    /// A string id.
    String(String),
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Number(n) => write!(f, "{n}"),
            Id::String(s) => write!(f, "{s:?}"),
        }
    }
}

/// The error object of a failed request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorObject {
    /// The error code (see [`codes`] and the protocol's own codes).
    pub code: i64,
    /// A short description.
    pub message: String,
    /// Additional information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
}

impl ErrorObject {
    /// An error with a code and a message.
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        ErrorObject {
            code,
            message: message.into(),
            data: None,
        }
    }

    /// `-32601`, naming the method.
    pub fn method_not_found(method: &str) -> Self {
        Self::new(
            codes::METHOD_NOT_FOUND,
            format!("method not found: `{method}`"),
        )
    }

    /// `-32602`, with the decoder's message (which names the field).
    pub fn invalid_params(method: &str, detail: impl fmt::Display) -> Self {
        Self::new(
            codes::INVALID_PARAMS,
            format!("invalid params for `{method}`: {detail}"),
        )
    }

    /// `-32700`.
    pub fn parse_error(detail: impl fmt::Display) -> Self {
        Self::new(codes::PARSE_ERROR, format!("parse error: {detail}"))
    }

    /// `-32600`.
    pub fn invalid_request(detail: impl fmt::Display) -> Self {
        Self::new(codes::INVALID_REQUEST, format!("invalid request: {detail}"))
    }

    /// `-32603`.
    pub fn internal_error(detail: impl fmt::Display) -> Self {
        Self::new(codes::INTERNAL_ERROR, format!("internal error: {detail}"))
    }
}

impl fmt::Display for ErrorObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ErrorObject {}

/// What a request handler returns: the result, or the error object to answer with.
pub type Reply<T> = Result<T, ErrorObject>;

/// The reply of a request method a server does not implement: `-32601` naming it.
pub fn unimplemented<T>(method: &str) -> Reply<T> {
    Err(ErrorObject::method_not_found(method))
}

/// A request method: its name, params and result types.
pub trait Request {
    /// The method name on the wire.
    const METHOD: &'static str;
    /// The params type.
    type Params: Serialize + DeserializeOwned;
    /// The result type.
    type Result: Serialize + DeserializeOwned;
}

/// A notification method: its name and params type (no response, ever).
pub trait Notification {
    /// The method name on the wire.
    const METHOD: &'static str;
    /// The params type.
    type Params: Serialize + DeserializeOwned;
}

/// One incoming frame, with params and results left undecoded.
#[derive(Debug, Clone)]
pub enum Frame<'a> {
    /// A request: it gets exactly one response.
    Request {
        /// Its id.
        id: Id,
        /// The method.
        method: &'a str,
        /// The params, if any.
        params: Option<&'a RawValue>,
    },
    /// A notification: it never gets a response.
    Notification {
        /// The method.
        method: &'a str,
        /// The params, if any.
        params: Option<&'a RawValue>,
    },
    /// A response to a request sent earlier.
    Response {
        /// The id of the request it answers.
        id: Id,
        /// The result, or the error.
        result: Result<&'a RawValue, ErrorObject>,
    },
}

#[derive(Deserialize)]
struct RawFrame<'a> {
    jsonrpc: Option<&'a str>,
    #[serde(default, borrow)]
    id: Option<&'a RawValue>,
    method: Option<&'a str>,
    #[serde(borrow)]
    params: Option<&'a RawValue>,
    /// `"result": null` is a result (`null`), not a missing one.
    #[serde(default, borrow, deserialize_with = "present")]
    result: Option<&'a RawValue>,
    error: Option<ErrorObject>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

impl<'a> Frame<'a> {
    /// Parses one frame. A parse error is `-32700`; a frame that is JSON but no JSON-RPC 2.0
    /// message is `-32600`; either comes with the request id when one could be read.
    pub fn parse(bytes: &'a [u8]) -> Result<Frame<'a>, (Option<Id>, ErrorObject)> {
        let raw: RawFrame<'a> = serde_json::from_slice(bytes).map_err(|e| {
            let error = if e.is_syntax() || e.is_eof() {
                ErrorObject::parse_error(e)
            } else {
                ErrorObject::invalid_request(e)
            };
            (None, error)
        })?;
        let id = match raw.id {
            None => None,
            Some(v) if v.get() == "null" => None,
            Some(v) => Some(parse_id(v.get()).ok_or_else(|| {
                (
                    None,
                    ErrorObject::invalid_request("`id` must be a number or a string"),
                )
            })?),
        };
        if raw.jsonrpc != Some("2.0") {
            return Err((
                id,
                ErrorObject::invalid_request("`jsonrpc` must be \"2.0\""),
            ));
        }
        match (raw.method, id) {
            (Some(method), Some(id)) => Ok(Frame::Request {
                id,
                method,
                params: raw.params,
            }),
            (Some(method), None) => Ok(Frame::Notification {
                method,
                params: raw.params,
            }),
            (None, Some(id)) => match (raw.result, raw.error) {
                (_, Some(error)) => Ok(Frame::Response {
                    id,
                    result: Err(error),
                }),
                (Some(result), None) => Ok(Frame::Response {
                    id,
                    result: Ok(result),
                }),
                (None, None) => Err((
                    Some(id),
                    ErrorObject::invalid_request("a response needs `result` or `error`"),
                )),
            },
            (None, None) => Err((
                None,
                ErrorObject::invalid_request("no `method` and no `id`"),
            )),
        }
    }
}

/// An id's JSON text → the id (a string or an integer; `None` for anything else). Cheaper than
/// the untagged derive, which buffers the value first.
fn parse_id(text: &str) -> Option<Id> {
    if text.starts_with('"') {
        serde_json::from_str(text).ok().map(Id::String)
    } else {
        serde_json::from_str(text).ok().map(Id::Number)
    }
}

/// Decodes params (absent params decode like `null`); errors are `-32602` naming the field.
pub fn decode_params<P: DeserializeOwned>(
    method: &str,
    params: Option<&RawValue>,
) -> Result<P, ErrorObject> {
    let text = params.map_or("null", RawValue::get);
    crate::from_str(text).map_err(|e| ErrorObject::invalid_params(method, e))
}

/// Decodes the result of a response.
pub fn decode_result<R: DeserializeOwned>(result: &RawValue) -> Result<R, crate::Error> {
    crate::from_str(result.get())
}

fn frame(body: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::from(&br#"{"jsonrpc":"2.0""#[..]);
    for (key, value) in body {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        out.extend_from_slice(value.as_bytes());
    }
    out.push(b'}');
    out
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing generated types into a string cannot fail (string keys, no I/O); a failure
    // would be a bug in a hand-written Serialize impl and is reported as an internal error.
    serde_json::to_string(value).unwrap_or_else(|e| {
        serde_json::to_string(&ErrorObject::internal_error(e))
            .unwrap_or_else(|_| "null".to_string())
    })
}

/// The frame of a request (`params` omitted when it encodes as `null`).
pub fn request_frame<R: Request>(id: &Id, params: &R::Params) -> Vec<u8> {
    let params = json(params);
    let id = json(id);
    let method = json(R::METHOD);
    if params == "null" {
        frame(&[("id", &id), ("method", &method)])
    } else {
        frame(&[("id", &id), ("method", &method), ("params", &params)])
    }
}

/// The frame of a notification (`params` omitted when it encodes as `null`).
pub fn notification_frame<N: Notification>(params: &N::Params) -> Vec<u8> {
    let params = json(params);
    let method = json(N::METHOD);
    if params == "null" {
        frame(&[("method", &method)])
    } else {
        frame(&[("method", &method), ("params", &params)])
    }
}

/// Writes the frame of a successful response into `buf` (cleared first), encoding the result
/// straight into it (no intermediate string).
pub(crate) fn write_response<T: Serialize + ?Sized>(
    buf: &mut Vec<u8>,
    id: &Id,
    result: &T,
) -> Result<(), ErrorObject> {
    buf.clear();
    buf.extend_from_slice(br#"{"jsonrpc":"2.0","id":"#);
    match id {
        Id::Number(n) => {
            use std::io::Write as _;
            // Writing into a `Vec` cannot fail.
            let _ = write!(buf, "{n}");
        }
        Id::String(s) => {
            serde_json::to_writer(&mut *buf, s).map_err(ErrorObject::internal_error)?
        }
    }
    buf.extend_from_slice(br#","result":"#);
    serde_json::to_writer(&mut *buf, result).map_err(ErrorObject::internal_error)?;
    buf.push(b'}');
    Ok(())
}

/// The frame of a response.
pub fn response_frame<T: Serialize + ?Sized>(
    id: Option<&Id>,
    result: Result<&T, &ErrorObject>,
) -> Vec<u8> {
    if let (Some(id), Ok(value)) = (id, result) {
        let mut out = Vec::with_capacity(128);
        match write_response(&mut out, id, value) {
            Ok(()) => return out,
            Err(error) => return response_frame::<()>(Some(id), Err(&error)),
        }
    }
    let id = id.map_or_else(|| "null".to_string(), json);
    match result {
        Ok(value) => frame(&[("id", &id), ("result", &json(value))]),
        Err(error) => frame(&[("id", &id), ("error", &json(error))]),
    }
}

/// Frames a handler sends while it handles one incoming frame (notifications such as
/// streamed deltas, or requests of its own), in order, before the response.
#[derive(Debug, Default)]
pub struct Outbox {
    frames: Vec<Vec<u8>>,
    next_id: i64,
}

impl Outbox {
    /// An empty outbox whose request ids start at 1.
    pub fn new() -> Self {
        Outbox {
            frames: Vec::new(),
            next_id: 1,
        }
    }

    /// Queues a notification.
    pub fn notify<N: Notification>(&mut self, params: &N::Params) {
        self.frames.push(notification_frame::<N>(params));
    }

    /// Queues a request and returns its id (numbers counting up).
    pub fn request<R: Request>(&mut self, params: &R::Params) -> Id {
        self.next_id = self.next_id.max(1);
        let id = Id::Number(self.next_id);
        self.next_id += 1;
        self.frames.push(request_frame::<R>(&id, params));
        id
    }

    /// Takes the queued frames.
    pub fn take(&mut self) -> Vec<Vec<u8>> {
        std::mem::take(&mut self.frames)
    }
}

/// Requests sent and not yet answered, keyed by id (the correlation of responses).
#[derive(Debug)]
pub struct Pending<T> {
    map: std::collections::HashMap<Id, T>,
}

impl<T> Default for Pending<T> {
    fn default() -> Self {
        Pending {
            map: std::collections::HashMap::new(),
        }
    }
}

impl<T> Pending<T> {
    /// Remembers what request `id` was for.
    pub fn insert(&mut self, id: Id, what: T) {
        self.map.insert(id, what);
    }

    /// Takes what request `id` was for, if it is pending.
    pub fn take(&mut self, id: &Id) -> Option<T> {
        self.map.remove(id)
    }

    /// How many requests are pending.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether none is pending.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
