//! Typed envelopes: an incoming request keeps its id exactly as the peer sent it beside its
//! decoded params ([`Call`]), a response carries the result type of its method ([`Response`]),
//! a method this side does not know stays addressable ([`Incoming::Unknown`]), and a frame that
//! does not decode still says which request it was ([`DecodeError::request_id`], read from the
//! raw frame), so an error reply can always be addressed.

use super::{ErrorObject, Frame, Id, Reply, Request, codes, response_frame};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

/// How generated code decodes params by method name (`<Side>Request::decode`).
pub type DecodeFn<T> = fn(&str, Option<&RawValue>) -> Reply<T>;

/// A request as received: its id, exactly as the peer sent it (number or string), and the
/// request decoded (a generated `<Side>Request`, or one method's params).
#[derive(Debug, Clone, PartialEq)]
pub struct Call<T> {
    /// The id to answer to.
    pub id: Id,
    /// The decoded request.
    pub request: T,
}

impl<T> Call<T> {
    /// The id to answer to.
    pub fn request_id(&self) -> &Id {
        &self.id
    }

    /// The response frame answering this request.
    pub fn reply<R: Serialize + ?Sized>(&self, result: Result<&R, &ErrorObject>) -> Vec<u8> {
        response_frame(Some(&self.id), result)
    }
}

/// One incoming frame, decoded with the generated enums of the receiving side.
#[derive(Debug, Clone)]
pub enum Incoming<Rq, N> {
    /// A request of a known method.
    Request(Call<Rq>),
    /// A notification of a known method.
    Notification(N),
    /// A request or notification of a method this side does not know, kept as received.
    Unknown {
        /// The request id (`None`: a notification, never answered).
        id: Option<Id>,
        /// The method name.
        method: String,
        /// The params as received.
        params: Option<Box<RawValue>>,
    },
    /// A response to a request this side sent; decode it with [`Response::decode`] once the id
    /// says which method it answers.
    Response(Response<Box<RawValue>>),
}

impl<Rq, N> Incoming<Rq, N> {
    /// Decodes one frame: requests with `requests`, notifications with `notifications` (the
    /// generated `<Side>Request::decode` and `<Side>Notification::decode`). Params that do not
    /// decode are an error naming the field, which still carries the request id.
    pub fn parse(
        bytes: &[u8],
        requests: DecodeFn<Rq>,
        notifications: DecodeFn<N>,
    ) -> Result<Self, DecodeError> {
        let frame = Frame::parse(bytes).map_err(|(id, error)| DecodeError {
            id: id.or_else(|| request_id_of(bytes)),
            notification: false,
            error,
        })?;
        let unknown = |id: Option<Id>, method: &str, params: Option<&RawValue>| Incoming::Unknown {
            id,
            method: method.to_string(),
            params: params.map(ToOwned::to_owned),
        };
        match frame {
            Frame::Request { id, method, params } => match requests(method, params) {
                Ok(request) => Ok(Incoming::Request(Call { id, request })),
                Err(e) if e.code == codes::METHOD_NOT_FOUND => {
                    Ok(unknown(Some(id), method, params))
                }
                Err(error) => Err(DecodeError {
                    id: Some(id),
                    notification: false,
                    error,
                }),
            },
            Frame::Notification { method, params } => match notifications(method, params) {
                Ok(n) => Ok(Incoming::Notification(n)),
                Err(e) if e.code == codes::METHOD_NOT_FOUND => Ok(unknown(None, method, params)),
                Err(error) => Err(DecodeError {
                    id: None,
                    notification: true,
                    error,
                }),
            },
            Frame::Response { id, result } => Ok(Incoming::Response(Response {
                id,
                result: result.map(ToOwned::to_owned),
            })),
        }
    }

    /// The id of a request, an unknown request or a response (`None` for notifications).
    pub fn request_id(&self) -> Option<&Id> {
        match self {
            Incoming::Request(call) => Some(&call.id),
            Incoming::Unknown { id, .. } => id.as_ref(),
            Incoming::Response(r) => Some(&r.id),
            Incoming::Notification(_) => None,
        }
    }

    /// The same as [`Incoming::request_id`]: what links a request with its response.
    pub fn correlation_id(&self) -> Option<&Id> {
        self.request_id()
    }
}

/// A response to a request: its id and the result of its method, or the error object.
#[derive(Debug, Clone, PartialEq)]
pub struct Response<R> {
    /// The id of the request it answers.
    pub id: Id,
    /// The result, or the error the peer answered with.
    pub result: Result<R, ErrorObject>,
}

impl<R> Response<R> {
    /// The id of the request it answers.
    pub fn request_id(&self) -> &Id {
        &self.id
    }
}

impl Response<Box<RawValue>> {
    /// Decodes the result as method `M`'s result type (an error names the field).
    pub fn decode<M: Request>(self) -> Result<Response<M::Result>, DecodeError> {
        let result = match self.result {
            Ok(raw) => Ok(
                super::decode_result::<M::Result>(&raw).map_err(|e| DecodeError {
                    id: Some(self.id.clone()),
                    notification: false,
                    error: ErrorObject::new(
                        codes::INVALID_PARAMS,
                        format!("invalid result for `{}`: {e}", M::METHOD),
                    ),
                })?,
            ),
            Err(error) => Err(error),
        };
        Ok(Response {
            id: self.id,
            result,
        })
    }
}

impl<R: for<'de> Deserialize<'de>> Response<R> {
    /// Decodes a response frame whose result is `R` (a method's `Result` type).
    pub fn parse(bytes: &[u8]) -> Result<Self, DecodeError> {
        match Frame::parse(bytes) {
            Ok(Frame::Response { id, result }) => {
                let result = match result {
                    Ok(raw) => Ok(super::decode_result::<R>(raw).map_err(|e| DecodeError {
                        id: Some(id.clone()),
                        notification: false,
                        error: ErrorObject::new(
                            codes::INVALID_PARAMS,
                            format!("invalid result: {e}"),
                        ),
                    })?),
                    Err(error) => Err(error),
                };
                Ok(Response { id, result })
            }
            Ok(_) => Err(DecodeError {
                id: request_id_of(bytes),
                notification: false,
                error: ErrorObject::invalid_request("expected a response"),
            }),
            Err((id, error)) => Err(DecodeError {
                id: id.or_else(|| request_id_of(bytes)),
                notification: false,
                error,
            }),
        }
    }
}

/// A frame that did not decode, with the request id when the raw frame has one.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    id: Option<Id>,
    notification: bool,
    error: ErrorObject,
}

impl DecodeError {
    pub(crate) fn new(id: Option<Id>, notification: bool, error: ErrorObject) -> Self {
        DecodeError {
            id,
            notification,
            error,
        }
    }

    /// The id of the request the frame was, read from the raw frame when the rest did not
    /// decode.
    pub fn request_id(&self) -> Option<&Id> {
        self.id.as_ref()
    }

    /// The same as [`DecodeError::request_id`].
    pub fn correlation_id(&self) -> Option<&Id> {
        self.request_id()
    }

    /// The error object to answer with (`-32700`, `-32600`, `-32602` naming the field).
    pub fn error(&self) -> &ErrorObject {
        &self.error
    }

    /// The error response to send: addressed to the request id (`null` when none could be
    /// read, as JSON-RPC 2.0 asks); `None` for a notification, which is never answered.
    pub fn reply(&self) -> Option<Vec<u8>> {
        (!self.notification).then(|| response_frame::<()>(self.id.as_ref(), Err(&self.error)))
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "request {id}: {}", self.error),
            None => self.error.fmt(f),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The `id` of a frame read from the raw bytes alone, whatever else the frame holds: the
/// top-level members are skipped without being decoded, so a frame whose params or version
/// are wrong still names its request. `None` when the frame is no JSON object or its `id`
/// is neither a number nor a string.
pub fn request_id_of(bytes: &[u8]) -> Option<Id> {
    #[derive(Deserialize)]
    struct OnlyId {
        #[serde(default)]
        id: Option<Box<RawValue>>,
    }
    let raw = serde_json::from_slice::<OnlyId>(bytes).ok()?.id?;
    serde_json::from_str::<Id>(raw.get()).ok()
}
