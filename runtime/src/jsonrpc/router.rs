//! The router: one incoming frame → a typed handler call → the frames to send back.
//!
//! The frame is split into borrowed parts (no `serde_json::Value` tree), the method looked up
//! by binary search in a table of plain function pointers, and the params decoded once into the
//! method's own type. Only when something fails is the frame handled again the careful way,
//! which produces the exact error response (`-32602` naming the field, and so on).

use super::{ErrorObject, Frame, Id, Notification, Outbox, Reply, Request, response_frame};
use serde_json::value::RawValue;
use std::fmt;

/// Decodes the params text, calls the handler and, for a request, writes the response frame
/// into the buffer (`None`: the params did not decode, and the handler was not called).
type RunFn<S> =
    Box<dyn Fn(&mut S, &str, &mut Outbox, &Id, &mut Vec<u8>) -> Option<Reply<()>> + Send + Sync>;

/// One routed method: how to decode its params, and the call (which returns the result's
/// JSON for a request, `None` for a notification).
struct Entry<S: ?Sized> {
    method: &'static str,
    notification: bool,
    explain: fn(&str, &str) -> ErrorObject,
    run: RunFn<S>,
}

/// Routes frames to the methods of a server `S`; built once (generated code builds one per
/// protocol side), then used for every frame. The server type owns its state (`S: 'static`);
/// share data with it through `Arc`s or channels.
pub struct Router<S: ?Sized> {
    /// Sorted by method name, for binary search.
    entries: Vec<Entry<S>>,
}

impl<S: ?Sized> Default for Router<S> {
    fn default() -> Self {
        Router {
            entries: Vec::new(),
        }
    }
}

impl<S: ?Sized> fmt::Debug for Router<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|e| e.method))
            .finish()
    }
}

/// What handling one frame produced.
#[derive(Debug, Default)]
pub struct Handled {
    /// Frames to write, in order: what the handler queued in its [`Outbox`], then the response
    /// (none for a notification).
    pub frames: Vec<Vec<u8>>,
    /// The frame was a response to one of our requests: its id and result, for the caller to
    /// correlate (see [`super::Pending`]).
    pub response: Option<(Id, Result<Box<RawValue>, ErrorObject>)>,
    /// A notification that could not be handled (unknown method or bad params): notifications
    /// never get a response, so the problem is reported here instead.
    pub notification_error: Option<ErrorObject>,
}

impl<S: ?Sized + 'static> Router<S> {
    /// A router with no methods.
    pub fn new() -> Self {
        Self::default()
    }

    fn insert(mut self, entry: Entry<S>) -> Self {
        match self
            .entries
            .binary_search_by(|e| e.method.cmp(entry.method))
        {
            Ok(i) => self.entries[i] = entry,
            Err(i) => self.entries.insert(i, entry),
        }
        self
    }

    /// Routes request `M` to `handler`.
    #[must_use]
    pub fn request<M>(self, handler: fn(&mut S, M::Params, &mut Outbox) -> Reply<M::Result>) -> Self
    where
        M: Request + 'static,
    {
        let run =
            move |server: &mut S, text: &str, out: &mut Outbox, id: &Id, buf: &mut Vec<u8>| {
                let params = serde_json::from_str::<M::Params>(text).ok()?;
                Some(
                    handler(server, params, out)
                        .and_then(|result| super::write_response(buf, id, &result)),
                )
            };
        self.insert(Entry {
            method: M::METHOD,
            notification: false,
            explain: explain::<M::Params>,
            run: Box::new(run),
        })
    }

    /// Routes notification `M` to `handler`.
    #[must_use]
    pub fn notification<M>(self, handler: fn(&mut S, M::Params, &mut Outbox)) -> Self
    where
        M: Notification + 'static,
    {
        let run = move |server: &mut S, text: &str, out: &mut Outbox, _: &Id, _: &mut Vec<u8>| {
            let params = serde_json::from_str::<M::Params>(text).ok()?;
            handler(server, params, out);
            Some(Ok(()))
        };
        self.insert(Entry {
            method: M::METHOD,
            notification: true,
            explain: explain::<M::Params>,
            run: Box::new(run),
        })
    }

    /// The methods routed, sorted.
    pub fn methods(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.method)
    }

    fn lookup(&self, method: &str) -> Option<&Entry<S>> {
        self.entries
            .binary_search_by(|e| e.method.cmp(method))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Handles one frame: a request gets exactly one response frame (`-32601` naming an unknown
    /// method, `-32602` naming the bad field); a notification never gets one; a response is
    /// handed back for correlation; a frame that does not parse gets `-32700` / `-32600`.
    pub fn handle(&self, server: &mut S, bytes: &[u8]) -> Handled {
        let mut handled = Handled::default();
        let (id, method, params) = match Frame::parse(bytes) {
            Err((id, error)) => {
                handled
                    .frames
                    .push(response_frame::<()>(id.as_ref(), Err(&error)));
                return handled;
            }
            Ok(Frame::Response { id, result }) => {
                handled.response = Some((id, result.map(ToOwned::to_owned)));
                return handled;
            }
            Ok(Frame::Request { id, method, params }) => (Some(id), method, params),
            Ok(Frame::Notification { method, params }) => (None, method, params),
        };
        let mut out = Outbox::new();
        let notification = id.is_none();
        // Most responses fit; the result is encoded straight into this buffer.
        let mut response = Vec::with_capacity(if notification { 0 } else { 256 });
        let no_id = Id::Number(0);
        let result = self.call(
            server,
            method,
            params,
            (notification, id.as_ref().unwrap_or(&no_id)),
            &mut out,
            &mut response,
        );
        handled.frames = out.take();
        match id {
            Some(id) => handled.frames.push(match &result {
                Ok(()) => response,
                Err(error) => response_frame::<()>(Some(&id), Err(error)),
            }),
            None => handled.notification_error = result.err(),
        }
        handled
    }

    fn call(
        &self,
        server: &mut S,
        method: &str,
        params: Option<&RawValue>,
        (notification, id): (bool, &Id),
        out: &mut Outbox,
        response: &mut Vec<u8>,
    ) -> Reply<()> {
        let entry = self
            .lookup(method)
            .filter(|e| e.notification == notification)
            .ok_or_else(|| ErrorObject::method_not_found(method))?;
        let text = params.map_or("null", RawValue::get);
        // Params that do not decode are decoded again the careful way, for an error that
        // names the field.
        (entry.run)(server, text, out, id, response)
            .unwrap_or_else(|| Err((entry.explain)(method, text)))
    }
}

/// The `-32602` error for params of type `P` that do not decode, naming the field.
fn explain<P: serde::de::DeserializeOwned>(method: &str, text: &str) -> ErrorObject {
    match crate::from_str::<P>(text) {
        Err(e) => ErrorObject::invalid_params(method, e),
        Ok(_) => ErrorObject::invalid_params(method, "the params do not decode"),
    }
}
