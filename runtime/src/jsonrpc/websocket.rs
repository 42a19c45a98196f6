//! A WebSocket transport (tokio-tungstenite): one JSON-RPC frame per text (or binary) message.
//!
//! The message size bound is the WebSocket's own (`WebSocketConfig::max_message_size`, set
//! where the stream is accepted or connected); a message over it ends the stream, as
//! tungstenite reports it as an error. Ping, pong and close are left to tungstenite.

use super::Transport;
use super::codec::FrameError;
use bytes::Bytes;
use futures_util::{SinkExt, StreamExt, future};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};

impl Transport {
    /// A transport over an accepted or connected WebSocket: frames are sent as text messages;
    /// text and binary messages are received as frames.
    pub fn websocket<S>(ws: WebSocketStream<S>) -> Transport
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let (sink, stream) = ws.split();
        let incoming = stream.filter_map(|message| {
            future::ready(match message {
                Ok(Message::Text(text)) => Some(Ok(Ok(Bytes::from(text)))),
                Ok(Message::Binary(bytes)) => Some(Ok(Ok(bytes))),
                Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_)) => None,
                // The peer said goodbye: the stream ends right after.
                Ok(Message::Close(_)) => None,
                Err(e) => Some(Err(FrameError::WebSocket(e))),
            })
        });
        let outgoing = sink
            .sink_map_err(FrameError::WebSocket)
            .with(|frame: Bytes| {
                future::ready(Utf8Bytes::try_from(frame).map(Message::Text).map_err(|e| {
                    FrameError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
                }))
            });
        Transport::new(incoming, outgoing)
    }
}
