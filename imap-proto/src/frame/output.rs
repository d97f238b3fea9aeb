//! The outgoing byte queue of a session.

use crate::encode::Encoded;

/// Bytes waiting to be written, drained from the front.
#[derive(Debug, Default)]
pub(crate) struct Output {
    buf: Vec<u8>,
    sent: usize,
}

impl Output {
    /// Appends an encoded message.
    pub(crate) fn push(&mut self, e: &Encoded) {
        self.push_bytes(e.as_bytes());
    }

    /// Appends bytes.
    pub(crate) fn push_bytes(&mut self, b: &[u8]) {
        if self.sent == self.buf.len() {
            self.buf.clear();
            self.sent = 0;
        }
        self.buf.extend_from_slice(b);
    }

    /// Bytes queued and not yet written.
    pub(crate) fn len(&self) -> usize {
        self.buf.len() - self.sent
    }

    /// The bytes to write, if any.
    pub(crate) fn pending(&self) -> Option<&[u8]> {
        (self.sent < self.buf.len()).then(|| &self.buf[self.sent..])
    }

    /// `n` bytes were written.
    pub(crate) fn consume(&mut self, n: usize) {
        self.sent = (self.sent + n).min(self.buf.len());
        if self.sent == self.buf.len() {
            self.buf.clear();
            self.sent = 0;
        } else if self.sent > self.buf.len() / 2 {
            self.buf.drain(..self.sent);
            self.sent = 0;
        }
    }
}
