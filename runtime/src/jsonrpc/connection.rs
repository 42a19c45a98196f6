//! The async connection: a typed client and a concurrent server on one transport.

use super::codec::{self, ContentLengthCodec, FrameError, NdjsonCodec, TooLong};
use super::{
    ErrorObject, Frame, Id, Notification, Reply, Request, notification_frame, request_frame,
    response_frame, write_response,
};
use crate::jsonrpc::Router;
use bytes::Bytes;
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, oneshot};
use tokio::task::{AbortHandle, JoinHandle};
use tokio_util::codec::{FramedRead, FramedWrite};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
type Incoming = Pin<Box<dyn Stream<Item = Result<codec::Item, FrameError>> + Send>>;
type Outgoing = Pin<Box<dyn Sink<Bytes, Error = FrameError> + Send>>;

/// Decodes a request's params and returns the future of its whole response frame.
type RequestFn = Box<
    dyn Fn(Option<&RawValue>, Id, Client) -> Result<BoxFuture<Vec<u8>>, ErrorObject> + Send + Sync,
>;
/// Decodes a notification's params and returns the handler's future.
type NotificationFn =
    Box<dyn Fn(Option<&RawValue>, Client) -> Result<BoxFuture<()>, ErrorObject> + Send + Sync>;
/// A synchronous [`Router`] and its server, for methods without an async handler.
type FallbackFn = Box<dyn Fn(&[u8]) -> super::Handled + Send + Sync>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // The maps stay consistent even if a holder panicked (every critical section is one
    // insert or remove).
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A pair of framed halves: incoming frames and the sink for outgoing ones.
pub struct Transport {
    incoming: Incoming,
    outgoing: Outgoing,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport").finish_non_exhaustive()
    }
}

impl Transport {
    /// Any stream of frames and sink of frames (a custom framing).
    pub fn new<I, O>(incoming: I, outgoing: O) -> Self
    where
        I: Stream<Item = Result<codec::Item, FrameError>> + Send + 'static,
        O: Sink<Bytes, Error = FrameError> + Send + 'static,
    {
        Transport {
            incoming: Box::pin(incoming),
            outgoing: Box::pin(outgoing),
        }
    }

    /// ndjson over a reader and a writer (stdio, a pipe, a socket's halves), lines at most
    /// `max` bytes.
    pub fn ndjson<R, W>(reader: R, writer: W, max: usize) -> Self
    where
        R: AsyncRead + Send + 'static,
        W: AsyncWrite + Send + 'static,
    {
        Self::new(
            FramedRead::new(reader, NdjsonCodec::new(max)),
            FramedWrite::new(writer, NdjsonCodec::new(max)),
        )
    }

    /// `Content-Length` framing (LSP, DAP) over a reader and a writer, frames at most `max`
    /// bytes.
    pub fn content_length<R, W>(reader: R, writer: W, max: usize) -> Self
    where
        R: AsyncRead + Send + 'static,
        W: AsyncWrite + Send + 'static,
    {
        Self::new(
            FramedRead::new(reader, ContentLengthCodec::new(max)),
            FramedWrite::new(writer, ContentLengthCodec::new(max)),
        )
    }
}

/// How a protocol cancels a request: the notification sent when a request future is dropped
/// before its response arrived, and recognised when the peer cancels one of ours.
#[derive(Debug, Clone, PartialEq)]
pub struct Cancellation {
    /// The notification's method.
    pub method: &'static str,
    /// The params member that holds the cancelled request's id.
    pub id_field: &'static str,
    /// The response a cancelled incoming request gets (`None`: no response at all).
    pub reply: Option<ErrorObject>,
}

impl Cancellation {
    /// MCP: `notifications/cancelled {"requestId": id}`; a cancelled request gets no response.
    pub fn mcp() -> Self {
        Cancellation {
            method: "notifications/cancelled",
            id_field: "requestId",
            reply: None,
        }
    }

    /// LSP: `$/cancelRequest {"id": id}`; a cancelled request gets `-32800` (RequestCancelled).
    pub fn lsp() -> Self {
        Cancellation {
            method: "$/cancelRequest",
            id_field: "id",
            reply: Some(ErrorObject::new(-32800, "request cancelled")),
        }
    }

    fn frame(&self, id: &Id) -> Vec<u8> {
        let mut params = serde_json::Map::new();
        params.insert(
            self.id_field.to_owned(),
            serde_json::to_value(id).unwrap_or_default(),
        );
        let params = serde_json::Value::Object(params);
        super::frame(&[
            ("method", &super::json(self.method)),
            ("params", &super::json(&params)),
        ])
    }

    fn id_of(&self, params: Option<&RawValue>) -> Option<Id> {
        let params: HashMap<&str, &RawValue> = serde_json::from_str(params?.get()).ok()?;
        super::parse_id(params.get(self.id_field)?.get())
    }
}

/// The settings of a [`Connection`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The protocol's cancellation (none by default: dropping a request future then only
    /// forgets the request).
    pub cancellation: Option<Cancellation>,
}

impl Options {
    /// Sets the protocol's cancellation.
    #[must_use]
    pub fn cancellation(mut self, cancellation: Cancellation) -> Self {
        self.cancellation = Some(cancellation);
        self
    }
}

/// Why a request sent with [`Client::request`] has no result.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The peer answered with an error object.
    Rpc(ErrorObject),
    /// The peer's result does not decode as the method's result type (the error names the
    /// field).
    Decode(crate::Error),
    /// The connection closed before the response arrived.
    Closed,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Rpc(e) => write!(f, "the peer answered with an error: {e}"),
            Error::Decode(e) => write!(f, "the result does not decode: {e}"),
            Error::Closed => f.write_str("the connection closed before the response arrived"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Rpc(e) => Some(e),
            Error::Decode(e) => Some(e),
            Error::Closed => None,
        }
    }
}

/// A handler that called the peer and failed answers `-32603` with the reason.
impl From<Error> for ErrorObject {
    fn from(e: Error) -> Self {
        ErrorObject::internal_error(e)
    }
}

/// The methods a connection serves: async handlers per method, and optionally a synchronous
/// [`Router`] (a generated server trait's router) for the methods without one.
///
/// Handlers get the decoded params and a [`Client`] of the same connection (to send
/// notifications such as progress, or requests of their own); they keep their state in what
/// the closure captures (an `Arc`, a channel).
#[derive(Default)]
pub struct Handlers {
    requests: HashMap<&'static str, RequestFn>,
    notifications: HashMap<&'static str, NotificationFn>,
    fallback: Option<FallbackFn>,
}

impl fmt::Debug for Handlers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut requests: Vec<_> = self.requests.keys().collect();
        requests.sort();
        let mut notifications: Vec<_> = self.notifications.keys().collect();
        notifications.sort();
        f.debug_struct("Handlers")
            .field("requests", &requests)
            .field("notifications", &notifications)
            .field("router", &self.fallback.is_some())
            .finish()
    }
}

impl Handlers {
    /// No handlers: every request is answered `-32601`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Handles request `M` with `handler`. Requests run concurrently, each in its own task;
    /// an incoming cancellation aborts the task.
    #[must_use]
    pub fn request<M, F, Fut>(mut self, handler: F) -> Self
    where
        M: Request + 'static,
        F: Fn(M::Params, Client) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Reply<M::Result>> + Send + 'static,
    {
        let run = move |params: Option<&RawValue>, id: Id, client: Client| {
            let params = decode::<M::Params>(M::METHOD, params)?;
            let reply = handler(params, client);
            let frame: BoxFuture<Vec<u8>> = Box::pin(async move {
                let mut frame = Vec::with_capacity(256);
                match reply
                    .await
                    .and_then(|result| write_response(&mut frame, &id, &result))
                {
                    Ok(()) => frame,
                    Err(error) => response_frame::<()>(Some(&id), Err(&error)),
                }
            });
            Ok(frame)
        };
        self.requests.insert(M::METHOD, Box::new(run));
        self
    }

    /// Handles notification `M` with `handler`. Notification handlers run one at a time, in
    /// the order the notifications arrived, in a task of their own (so the reader never waits
    /// for one).
    #[must_use]
    pub fn notification<M, F, Fut>(mut self, handler: F) -> Self
    where
        M: Notification + 'static,
        F: Fn(M::Params, Client) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let run = move |params: Option<&RawValue>, client: Client| {
            let params = decode::<M::Params>(M::METHOD, params)?;
            let fut: BoxFuture<()> = Box::pin(handler(params, client));
            Ok(fut)
        };
        self.notifications.insert(M::METHOD, Box::new(run));
        self
    }

    /// Serves the methods that have no async handler with a synchronous [`Router`] and its
    /// server (for example a generated `ExtensionServer` implementation and
    /// `extension_router()`). The router runs on the reader task, one frame at a time, so its
    /// handlers should not block; frames its `Outbox` queued are sent before the response.
    #[must_use]
    pub fn router<S: Send + 'static>(mut self, router: Router<S>, server: S) -> Self {
        let server = Mutex::new(server);
        self.fallback = Some(Box::new(move |frame| {
            router.handle(&mut lock(&server), frame)
        }));
        self
    }
}

/// Decodes params, quickly when they are valid and with an error naming the field otherwise.
fn decode<P: serde::de::DeserializeOwned>(
    method: &str,
    params: Option<&RawValue>,
) -> Result<P, ErrorObject> {
    let text = params.map_or("null", RawValue::get);
    serde_json::from_str(text).or_else(|_| super::decode_params(method, params))
}

type Waiter = oneshot::Sender<Result<Box<RawValue>, ErrorObject>>;

/// What the reader, the writer, the handlers and every [`Client`] share.
struct Shared {
    out: mpsc::UnboundedSender<Bytes>,
    next_id: AtomicI64,
    /// Our requests awaiting a response; `None` once the connection stopped reading.
    pending: Mutex<Option<HashMap<Id, Waiter>>>,
    /// The peer's requests being handled.
    inflight: Mutex<HashMap<Id, AbortHandle>>,
    cancellation: Option<Cancellation>,
}

impl Shared {
    fn send(&self, frame: Vec<u8>) -> bool {
        self.out.send(Bytes::from(frame)).is_ok()
    }
}

/// Sends requests and notifications to the peer. Cheap to clone; every clone talks through
/// the same connection.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client").finish_non_exhaustive()
    }
}

/// Forgets a request whose future was dropped before the response, and tells the peer.
struct CancelOnDrop {
    shared: Arc<Shared>,
    id: Option<Id>,
}

impl CancelOnDrop {
    /// The response arrived: nothing to cancel.
    fn disarm(&mut self) {
        self.id = None;
    }
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        let Some(id) = self.id.take() else { return };
        let pending = lock(&self.shared.pending)
            .as_mut()
            .and_then(|map| map.remove(&id));
        if let (Some(_), Some(cancel)) = (pending, &self.shared.cancellation) {
            self.shared.send(cancel.frame(&id));
        }
    }
}

impl Client {
    /// Sends request `M` and resolves to its typed result. Dropping the future before the
    /// response arrives cancels the request: the protocol's cancel notification is sent (see
    /// [`Options::cancellation`]) and a late response is ignored. The request is encoded and
    /// queued when this is called (not when the future is first polled), so the future is
    /// `Send + 'static` whatever `M` is.
    pub fn request<M>(
        &self,
        params: M::Params,
    ) -> impl Future<Output = Result<M::Result, Error>> + Send + 'static + use<M>
    where
        M: Request,
    {
        let shared = Arc::clone(&self.shared);
        let id = Id::Number(shared.next_id.fetch_add(1, Ordering::Relaxed));
        let frame = request_frame::<M>(&id, &params);
        drop(params);
        let (tx, rx) = oneshot::channel();
        let registered = match lock(&shared.pending).as_mut() {
            Some(map) => {
                map.insert(id.clone(), tx);
                true
            }
            None => false,
        };
        let sent = registered && shared.send(frame);
        let mut guard = CancelOnDrop {
            shared,
            id: registered.then_some(id),
        };
        async move {
            if !sent {
                return Err(Error::Closed);
            }
            let reply = rx.await;
            guard.disarm();
            match reply {
                Err(_) => Err(Error::Closed),
                Ok(Err(error)) => Err(Error::Rpc(error)),
                // Fast when the result is valid; decoded again for an error naming the field.
                Ok(Ok(result)) => serde_json::from_str(result.get())
                    .or_else(|_| crate::from_str(result.get()).map_err(Error::Decode)),
            }
        }
    }

    /// Sends notification `N`. Fails only when the connection has stopped writing.
    pub fn notify<N: Notification>(&self, params: &N::Params) -> Result<(), Error> {
        if self.shared.send(notification_frame::<N>(params)) {
            Ok(())
        } else {
            Err(Error::Closed)
        }
    }
}

/// What to do with the peer's requests still being handled when the connection shuts down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InFlight {
    /// Let them finish and send their responses.
    Finish,
    /// Abort them (they get no response).
    Abort,
}

/// A running JSON-RPC connection: a reader task that dispatches the peer's requests to the
/// [`Handlers`] (each in its own task) and correlates responses to our requests, and a writer
/// task that sends frames in order and flushes when it has nothing more queued.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use wiregen_runtime::jsonrpc::{self, Connection, Handlers, Options, Transport};
///
/// enum Add {}
/// impl jsonrpc::Request for Add {
///     const METHOD: &'static str = "math/add";
///     type Params = (i64, i64);
///     type Result = i64;
/// }
///
/// let (a, b) = tokio::io::duplex(4096);
/// let (ar, aw) = tokio::io::split(a);
/// let (br, bw) = tokio::io::split(b);
/// let handlers = Handlers::new().request::<Add, _, _>(|(x, y), _| async move { Ok(x + y) });
/// let server = Connection::start(Transport::ndjson(ar, aw, 1 << 20), handlers, Options::default());
/// let client = Connection::start(Transport::ndjson(br, bw, 1 << 20), Handlers::new(), Options::default());
/// assert_eq!(client.client().request::<Add>((2, 3)).await.unwrap(), 5);
/// client.shutdown(jsonrpc::InFlight::Finish).await.unwrap();
/// server.closed().await.unwrap();
/// # }
/// ```
#[derive(Debug)]
pub struct Connection {
    client: Client,
    stop_reading: CancellationToken,
    stop_writing: CancellationToken,
    reader: JoinHandle<Result<(), FrameError>>,
    writer: JoinHandle<Result<(), FrameError>>,
    /// The task that runs notification handlers in order.
    notifications: AbortHandle,
    tasks: TaskTracker,
}

impl Connection {
    /// Starts the reader and writer tasks on the current tokio runtime.
    pub fn start(transport: Transport, handlers: Handlers, options: Options) -> Connection {
        let (out, rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            out,
            next_id: AtomicI64::new(1),
            pending: Mutex::new(Some(HashMap::new())),
            inflight: Mutex::new(HashMap::new()),
            cancellation: options.cancellation,
        });
        let client = Client { shared };
        let stop_reading = CancellationToken::new();
        let stop_writing = CancellationToken::new();
        let tasks = TaskTracker::new();
        let writer = tokio::spawn(write_loop(transport.outgoing, rx, stop_writing.clone()));
        let (notify_tx, mut notify_rx) = mpsc::unbounded_channel::<BoxFuture<()>>();
        let notifications = tasks
            .spawn(async move {
                while let Some(handler) = notify_rx.recv().await {
                    handler.await;
                }
            })
            .abort_handle();
        let reader = tokio::spawn(read_loop(
            transport.incoming,
            Arc::new(handlers),
            client.clone(),
            stop_reading.clone(),
            (tasks.clone(), notify_tx),
        ));
        Connection {
            client,
            stop_reading,
            stop_writing,
            reader,
            writer,
            notifications,
            tasks,
        }
    }

    /// A client of this connection.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// Waits until the peer closed its side (end of input), the requests being handled have
    /// finished and every queued frame is written; then closes the writer.
    pub async fn closed(self) -> Result<(), FrameError> {
        self.finish(None).await
    }

    /// Shuts down: stops reading (our requests still waiting fail with [`Error::Closed`]),
    /// finishes or aborts the peer's requests being handled (and the notification handlers
    /// queued), writes what is queued, flushes and closes the writer.
    pub async fn shutdown(self, in_flight: InFlight) -> Result<(), FrameError> {
        self.stop_reading.cancel();
        self.finish(Some(in_flight)).await
    }

    async fn finish(self, in_flight: Option<InFlight>) -> Result<(), FrameError> {
        let read = self.reader.await.unwrap_or(Ok(()));
        if in_flight == Some(InFlight::Abort) {
            for (_, task) in lock(&self.client.shared.inflight).drain() {
                task.abort();
            }
            self.notifications.abort();
        }
        self.tasks.close();
        self.tasks.wait().await;
        self.stop_writing.cancel();
        let write = self.writer.await.unwrap_or(Ok(()));
        read.and(write)
    }
}

/// Writes frames until stopped. The peer going away ends it without an error: what was still
/// to be written had no reader.
async fn write_loop(
    sink: Outgoing,
    rx: mpsc::UnboundedReceiver<Bytes>,
    stop: CancellationToken,
) -> Result<(), FrameError> {
    match write_frames(sink, rx, stop).await {
        Err(e) if e.is_closed() => Ok(()),
        other => other,
    }
}

async fn write_frames(
    mut sink: Outgoing,
    mut rx: mpsc::UnboundedReceiver<Bytes>,
    stop: CancellationToken,
) -> Result<(), FrameError> {
    loop {
        let frame = tokio::select! {
            biased;
            frame = rx.recv() => frame,
            () = stop.cancelled() => None,
        };
        let Some(frame) = frame else { break };
        sink.feed(frame).await?;
        while let Ok(frame) = rx.try_recv() {
            sink.feed(frame).await?;
        }
        sink.flush().await?;
    }
    // Write what was queued before the stop, then close.
    while let Ok(frame) = rx.try_recv() {
        sink.feed(frame).await?;
    }
    sink.flush().await?;
    sink.close().await
}

async fn read_loop(
    mut incoming: Incoming,
    handlers: Arc<Handlers>,
    client: Client,
    stop: CancellationToken,
    (tasks, notify_tx): (TaskTracker, mpsc::UnboundedSender<BoxFuture<()>>),
) -> Result<(), FrameError> {
    let result = loop {
        let item = tokio::select! {
            biased;
            () = stop.cancelled() => break Ok(()),
            item = incoming.next() => item,
        };
        match item {
            None => break Ok(()),
            // The peer went away (reset, broken pipe): the end of its input.
            Some(Err(e)) if e.is_closed() => break Ok(()),
            Some(Err(e)) => break Err(e),
            Some(Ok(Err(too_long))) => {
                too_long_reply(&client.shared, too_long);
            }
            Some(Ok(Ok(frame))) => on_frame(&frame, &handlers, &client, &tasks, &notify_tx),
        }
    };
    // Our requests still waiting will never get a response.
    lock(&client.shared.pending).take();
    result
}

fn too_long_reply(shared: &Shared, too_long: TooLong) {
    let error = ErrorObject::invalid_request(too_long);
    shared.send(response_frame::<()>(None, Err(&error)));
}

fn on_frame(
    frame: &[u8],
    handlers: &Handlers,
    client: &Client,
    tasks: &TaskTracker,
    notify: &mpsc::UnboundedSender<BoxFuture<()>>,
) {
    let shared = &client.shared;
    match Frame::parse(frame) {
        Err((id, error)) => {
            shared.send(response_frame::<()>(id.as_ref(), Err(&error)));
        }
        Ok(Frame::Response { id, result }) => {
            let waiter = lock(&shared.pending)
                .as_mut()
                .and_then(|map| map.remove(&id));
            if let Some(waiter) = waiter {
                let _ = waiter.send(result.map(ToOwned::to_owned));
            }
        }
        Ok(Frame::Request { id, method, params }) => {
            let Some(run) = handlers.requests.get(method) else {
                return fallback(frame, handlers, shared, Some((&id, method)));
            };
            let reply = match run(params, id.clone(), client.clone()) {
                Ok(reply) => reply,
                Err(error) => {
                    shared.send(response_frame::<()>(Some(&id), Err(&error)));
                    return;
                }
            };
            let mut inflight = lock(&shared.inflight);
            if inflight.contains_key(&id) {
                // Two requests with one id could not be told apart in the responses (nor
                // cancelled one by one): the second is refused, the first goes on.
                drop(inflight);
                let error = ErrorObject::invalid_request(format!("request id {id} is in use"));
                shared.send(response_frame::<()>(Some(&id), Err(&error)));
                return;
            }
            let task_shared = Arc::clone(shared);
            let task_id = id.clone();
            let task = tasks.spawn(async move {
                let frame = reply.await;
                // Whoever takes the entry answers: this task, or a cancellation.
                if lock(&task_shared.inflight).remove(&task_id).is_some() {
                    task_shared.send(frame);
                }
            });
            inflight.insert(id, task.abort_handle());
        }
        Ok(Frame::Notification { method, params }) => {
            if let Some(cancel) = shared.cancellation.as_ref().filter(|c| c.method == method) {
                cancel_incoming(shared, cancel, params);
            }
            match handlers.notifications.get(method) {
                Some(run) => {
                    if let Ok(handler) = run(params, client.clone()) {
                        let _ = notify.send(handler);
                    }
                }
                None => fallback(frame, handlers, shared, None),
            }
        }
    }
}

/// Aborts the handler of the request a cancel notification names, and answers it if the
/// protocol says so.
fn cancel_incoming(shared: &Shared, cancel: &Cancellation, params: Option<&RawValue>) {
    let Some(id) = cancel.id_of(params) else {
        return;
    };
    let task = lock(&shared.inflight).remove(&id);
    if let Some(task) = task {
        task.abort();
        if let Some(reply) = &cancel.reply {
            shared.send(response_frame::<()>(Some(&id), Err(reply)));
        }
    }
}

/// A method without an async handler: the router if there is one, else `-32601` for a
/// request (a notification is dropped).
fn fallback(frame: &[u8], handlers: &Handlers, shared: &Shared, request: Option<(&Id, &str)>) {
    match (&handlers.fallback, request) {
        (Some(router), _) => {
            for frame in router(frame).frames {
                shared.send(frame);
            }
        }
        (None, Some((id, method))) => {
            let error = ErrorObject::method_not_found(method);
            shared.send(response_frame::<()>(Some(id), Err(&error)));
        }
        (None, None) => {}
    }
}
