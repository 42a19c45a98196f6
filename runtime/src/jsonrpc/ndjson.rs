//! ndjson framing: one JSON value per line, over `std::io::BufRead` / `Write`.

use std::io::{self, BufRead, Write};

/// Reads frames, one per line; blank lines are skipped.
#[derive(Debug)]
pub struct Reader<R> {
    inner: R,
    line: Vec<u8>,
}

impl<R: BufRead> Reader<R> {
    /// Wraps a buffered reader.
    pub fn new(inner: R) -> Self {
        Reader {
            inner,
            line: Vec::new(),
        }
    }

    /// The next frame (without its line end), or `None` at the end of the input.
    pub fn read_frame(&mut self) -> io::Result<Option<&[u8]>> {
        loop {
            self.line.clear();
            if self.inner.read_until(b'\n', &mut self.line)? == 0 {
                return Ok(None);
            }
            while matches!(self.line.last(), Some(b'\n' | b'\r')) {
                self.line.pop();
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some(&self.line));
            }
        }
    }
}

/// Writes frames, one per line, flushing after each.
#[derive(Debug)]
pub struct Writer<W> {
    inner: W,
}

impl<W: Write> Writer<W> {
    /// Wraps a writer.
    pub fn new(inner: W) -> Self {
        Writer { inner }
    }

    /// Writes one frame and a line end. A frame must not contain a raw newline (compact JSON
    /// never does: newlines inside strings are escaped).
    pub fn write_frame(&mut self, frame: &[u8]) -> io::Result<()> {
        if frame.contains(&b'\n') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "an ndjson frame cannot contain a newline",
            ));
        }
        self.inner.write_all(frame)?;
        self.inner.write_all(b"\n")?;
        self.inner.flush()
    }

    /// The wrapped writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}
