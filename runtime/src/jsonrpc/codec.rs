//! Frame codecs for the async transports (tokio-util [`Decoder`] / [`Encoder`]s): ndjson (one
//! JSON value per line) and `Content-Length` framing (LSP, DAP).
//!
//! Both bound the size of a frame. A frame over the bound is not an error of the stream: the
//! decoder yields `Err(`[`TooLong`]`)` as an *item*, skips the frame's bytes and goes on with the
//! next one (a decoder error would end a tokio-util `FramedRead`), so a connection can answer
//! it and keep serving. Real stream errors (I/O, a malformed header) are [`FrameError`]s.
//!
//! ```
//! use bytes::BytesMut;
//! use tokio_util::codec::Decoder;
//! use wiregen_runtime::jsonrpc::codec::ContentLengthCodec;
//!
//! let mut codec = ContentLengthCodec::new(1024);
//! let mut buf = BytesMut::from(&b"Content-Length: 2\r\n\r\n{}"[..]);
//! let frame = codec.decode(&mut buf).unwrap().unwrap().unwrap();
//! assert_eq!(&frame[..], b"{}");
//! ```

use bytes::{Buf, BufMut, Bytes, BytesMut};
use std::{fmt, io};
use tokio_util::codec::{AnyDelimiterCodec, AnyDelimiterCodecError, Decoder, Encoder};

/// The frame bound of [`NdjsonCodec::default`] and [`ContentLengthCodec::default`]: 16 MiB.
pub const DEFAULT_MAX_FRAME: usize = 16 * 1024 * 1024;

/// The longest `Content-Length` header block accepted (all header lines together).
const MAX_HEADER: usize = 8 * 1024;

/// One decoded item: a frame, or the notice that one was over the bound (and was skipped).
pub type Item = Result<Bytes, TooLong>;

/// A frame longer than the codec's bound; its bytes were skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    /// The bound, in bytes.
    pub max: usize,
    /// The frame's length when the framing announced it (`Content-Length`).
    pub length: Option<usize>,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.length {
            Some(n) => write!(
                f,
                "a frame of {n} bytes is over the limit of {} bytes",
                self.max
            ),
            None => write!(f, "a frame is over the limit of {} bytes", self.max),
        }
    }
}

impl std::error::Error for TooLong {}

/// An error that ends a transport's stream of frames.
#[derive(Debug)]
#[non_exhaustive]
pub enum FrameError {
    /// Reading or writing failed.
    Io(io::Error),
    /// A `Content-Length` header block that cannot be read (the stream cannot be resynchronised).
    Header(String),
    /// An outgoing ndjson frame contains a raw newline.
    Newline,
    /// The WebSocket failed.
    #[cfg(feature = "websocket")]
    #[cfg_attr(docsrs, doc(cfg(feature = "websocket")))]
    WebSocket(tokio_tungstenite::tungstenite::Error),
}

impl FrameError {
    /// Whether the peer had closed the transport (broken pipe, reset, a closed WebSocket).
    pub fn is_closed(&self) -> bool {
        let io = match self {
            FrameError::Io(e) => e,
            #[cfg(feature = "websocket")]
            FrameError::WebSocket(tokio_tungstenite::tungstenite::Error::Io(e)) => e,
            #[cfg(feature = "websocket")]
            FrameError::WebSocket(
                tokio_tungstenite::tungstenite::Error::ConnectionClosed
                | tokio_tungstenite::tungstenite::Error::AlreadyClosed,
            ) => return true,
            _ => return false,
        };
        matches!(
            io.kind(),
            io::ErrorKind::BrokenPipe
                | io::ErrorKind::ConnectionReset
                | io::ErrorKind::ConnectionAborted
                | io::ErrorKind::UnexpectedEof
        )
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::Io(e) => write!(f, "transport I/O failed: {e}"),
            FrameError::Header(why) => write!(f, "bad `Content-Length` header: {why}"),
            FrameError::Newline => f.write_str("an ndjson frame cannot contain a newline"),
            #[cfg(feature = "websocket")]
            FrameError::WebSocket(e) => write!(f, "WebSocket failed: {e}"),
        }
    }
}

impl std::error::Error for FrameError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FrameError::Io(e) => Some(e),
            #[cfg(feature = "websocket")]
            FrameError::WebSocket(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for FrameError {
    fn from(e: io::Error) -> Self {
        FrameError::Io(e)
    }
}

/// ndjson: one frame per line (`\n` or `\r\n`); blank lines are skipped. Built on tokio-util's
/// [`AnyDelimiterCodec`] (bytes, no UTF-8 pass: the JSON parser checks that).
#[derive(Debug, Clone)]
pub struct NdjsonCodec {
    lines: AnyDelimiterCodec,
    max: usize,
}

impl NdjsonCodec {
    /// A codec whose lines are at most `max` bytes (without the line end).
    pub fn new(max: usize) -> Self {
        NdjsonCodec {
            lines: AnyDelimiterCodec::new_with_max_length(b"\n".to_vec(), b"\n".to_vec(), max),
            max,
        }
    }

    fn next(&mut self, src: &mut BytesMut, eof: bool) -> Result<Option<Item>, FrameError> {
        loop {
            let line = if eof {
                self.lines.decode_eof(src)
            } else {
                self.lines.decode(src)
            };
            match line {
                Ok(Some(mut line)) => {
                    if line.last() == Some(&b'\r') {
                        line.truncate(line.len() - 1);
                    }
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Ok(Some(Ok(line)));
                }
                Ok(None) => return Ok(None),
                Err(AnyDelimiterCodecError::MaxChunkLengthExceeded) => {
                    return Ok(Some(Err(TooLong {
                        max: self.max,
                        length: None,
                    })));
                }
                Err(AnyDelimiterCodecError::Io(e)) => return Err(e.into()),
            }
        }
    }
}

impl Default for NdjsonCodec {
    fn default() -> Self {
        Self::new(DEFAULT_MAX_FRAME)
    }
}

impl Decoder for NdjsonCodec {
    type Item = Item;
    type Error = FrameError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Item>, FrameError> {
        self.next(src, false)
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<Item>, FrameError> {
        self.next(src, true)
    }
}

impl<T: AsRef<[u8]>> Encoder<T> for NdjsonCodec {
    type Error = FrameError;

    fn encode(&mut self, frame: T, dst: &mut BytesMut) -> Result<(), FrameError> {
        let frame = frame.as_ref();
        if frame.contains(&b'\n') {
            return Err(FrameError::Newline);
        }
        dst.reserve(frame.len() + 1);
        dst.put_slice(frame);
        dst.put_u8(b'\n');
        Ok(())
    }
}

/// `Content-Length` framing, as LSP and DAP use it: header lines (`Content-Length: N`, others
/// such as `Content-Type` are ignored, names are case-insensitive), a blank line, then N bytes.
#[derive(Debug, Clone)]
pub struct ContentLengthCodec {
    max: usize,
    state: State,
}

#[derive(Debug, Clone, Copy)]
enum State {
    Header,
    Body(usize),
    Skip(usize),
}

impl ContentLengthCodec {
    /// A codec whose frames are at most `max` bytes.
    pub fn new(max: usize) -> Self {
        ContentLengthCodec {
            max,
            state: State::Header,
        }
    }
}

impl Default for ContentLengthCodec {
    fn default() -> Self {
        Self::new(DEFAULT_MAX_FRAME)
    }
}

/// The `Content-Length` of a header block (without the blank line).
fn content_length(head: &[u8]) -> Result<usize, FrameError> {
    let head = std::str::from_utf8(head)
        .map_err(|_| FrameError::Header("the header is not UTF-8".into()))?;
    let mut length = None;
    for line in head.split("\r\n") {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| FrameError::Header(format!("`{line}` is not `Name: value`")))?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            let n = value
                .trim()
                .parse::<usize>()
                .map_err(|_| FrameError::Header(format!("`{}` is not a length", value.trim())))?;
            length = Some(n);
        }
    }
    length.ok_or_else(|| FrameError::Header("no `Content-Length`".into()))
}

impl Decoder for ContentLengthCodec {
    type Item = Item;
    type Error = FrameError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Item>, FrameError> {
        loop {
            match self.state {
                State::Header => {
                    let Some(end) = src.windows(4).position(|w| w == b"\r\n\r\n") else {
                        if src.len() > MAX_HEADER {
                            return Err(FrameError::Header(format!(
                                "no blank line within {MAX_HEADER} bytes"
                            )));
                        }
                        return Ok(None);
                    };
                    let length = content_length(&src[..end])?;
                    src.advance(end + 4);
                    if length > self.max {
                        self.state = State::Skip(length);
                        return Ok(Some(Err(TooLong {
                            max: self.max,
                            length: Some(length),
                        })));
                    }
                    self.state = State::Body(length);
                }
                State::Body(n) => {
                    if src.len() < n {
                        src.reserve(n - src.len());
                        return Ok(None);
                    }
                    self.state = State::Header;
                    return Ok(Some(Ok(src.split_to(n).freeze())));
                }
                State::Skip(n) => {
                    let k = n.min(src.len());
                    src.advance(k);
                    if k < n {
                        self.state = State::Skip(n - k);
                        return Ok(None);
                    }
                    self.state = State::Header;
                }
            }
        }
    }
}

impl<T: AsRef<[u8]>> Encoder<T> for ContentLengthCodec {
    type Error = FrameError;

    fn encode(&mut self, frame: T, dst: &mut BytesMut) -> Result<(), FrameError> {
        let frame = frame.as_ref();
        let head = format!("Content-Length: {}\r\n\r\n", frame.len());
        dst.reserve(head.len() + frame.len());
        dst.put_slice(head.as_bytes());
        dst.put_slice(frame);
        Ok(())
    }
}
