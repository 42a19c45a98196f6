//! The router: one incoming frame → a typed handler call → the frames to send back.

use super::{
    ErrorObject, Frame, Id, Notification, Outbox, Reply, Request, decode_params, response_frame,
};
use serde_json::value::RawValue;

type RequestFn<S> = Box<
    dyn Fn(&mut S, Option<&RawValue>, &mut Outbox) -> Result<String, ErrorObject> + Send + Sync,
>;
type NotificationFn<S> =
    Box<dyn Fn(&mut S, Option<&RawValue>, &mut Outbox) -> Result<(), ErrorObject> + Send + Sync>;

enum Entry<S: ?Sized> {
    Request(RequestFn<S>),
    Notification(NotificationFn<S>),
}

/// Routes frames to the methods of a server `S`; built once (generated code builds one per
/// protocol side), then used for every frame. The server type owns its state (`S: 'static`);
/// share data with it through `Arc`s or channels.
pub struct Router<S: ?Sized> {
    /// Sorted by method name, for binary search.
    entries: Vec<(&'static str, Entry<S>)>,
}

impl<S: ?Sized> Default for Router<S> {
    fn default() -> Self {
        Router {
            entries: Vec::new(),
        }
    }
}

impl<S: ?Sized> std::fmt::Debug for Router<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|(m, _)| m))
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

    fn insert(mut self, method: &'static str, entry: Entry<S>) -> Self {
        match self.entries.binary_search_by(|(m, _)| (*m).cmp(method)) {
            Ok(i) => self.entries[i].1 = entry,
            Err(i) => self.entries.insert(i, (method, entry)),
        }
        self
    }

    /// Routes request `M` to `handler`.
    #[must_use]
    pub fn request<M: Request + 'static>(
        self,
        handler: fn(&mut S, M::Params, &mut Outbox) -> Reply<M::Result>,
    ) -> Self {
        let call = move |server: &mut S, params: Option<&RawValue>, out: &mut Outbox| {
            let params = decode_params::<M::Params>(M::METHOD, params)?;
            let result = handler(server, params, out)?;
            serde_json::to_string(&result).map_err(ErrorObject::internal_error)
        };
        self.insert(M::METHOD, Entry::Request(Box::new(call)))
    }

    /// Routes notification `M` to `handler`.
    #[must_use]
    pub fn notification<M: Notification + 'static>(
        self,
        handler: fn(&mut S, M::Params, &mut Outbox),
    ) -> Self {
        let call = move |server: &mut S, params: Option<&RawValue>, out: &mut Outbox| {
            let params = decode_params::<M::Params>(M::METHOD, params)?;
            handler(server, params, out);
            Ok(())
        };
        self.insert(M::METHOD, Entry::Notification(Box::new(call)))
    }

    /// The methods routed, sorted.
    pub fn methods(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(m, _)| *m)
    }

    /// Handles one frame: a request gets exactly one response frame (`-32601` naming an unknown
    /// method, `-32602` naming the bad field); a notification never gets one; a response is
    /// handed back for correlation; a frame that does not parse gets `-32700` / `-32600`.
    pub fn handle(&self, server: &mut S, bytes: &[u8]) -> Handled {
        let mut out = Outbox::new();
        let mut handled = Handled::default();
        match Frame::parse(bytes) {
            Err((id, error)) => handled
                .frames
                .push(response_frame::<()>(id.as_ref(), Err(&error))),
            Ok(Frame::Response { id, result }) => {
                handled.response = Some((id, result.map(ToOwned::to_owned)));
            }
            Ok(Frame::Request { id, method, params }) => {
                let result = match self.lookup(method) {
                    Some(Entry::Request(call)) => call(server, params, &mut out),
                    _ => Err(ErrorObject::method_not_found(method)),
                };
                handled.frames = out.take();
                let frame = match &result {
                    Ok(json) => match RawValue::from_string(json.clone()) {
                        Ok(raw) => response_frame(Some(&id), Ok(&raw)),
                        Err(e) => {
                            response_frame::<()>(Some(&id), Err(&ErrorObject::internal_error(e)))
                        }
                    },
                    Err(error) => response_frame::<()>(Some(&id), Err(error)),
                };
                handled.frames.push(frame);
            }
            Ok(Frame::Notification { method, params }) => {
                let result = match self.lookup(method) {
                    Some(Entry::Notification(call)) => call(server, params, &mut out),
                    _ => Err(ErrorObject::method_not_found(method)),
                };
                handled.frames = out.take();
                handled.notification_error = result.err();
            }
        }
        handled
    }

    fn lookup(&self, method: &str) -> Option<&Entry<S>> {
        self.entries
            .binary_search_by(|(m, _)| (*m).cmp(method))
            .ok()
            .map(|i| &self.entries[i].1)
    }
}
