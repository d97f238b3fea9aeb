//! Drivers over std's blocking `Read + Write` (feature `blocking`).
//!
//! Timers (the client's IDLE refresh and deadline, the server's
//! autologout and [`Handler::tick`](crate::io::Handler::tick)) run when a
//! read returns, so give the socket a read timeout
//! (`TcpStream::set_read_timeout`): a read that times out (`WouldBlock` or
//! `TimedOut`) is a clock tick, not an error.

mod client;
mod server;

pub use client::Connection;
pub use server::serve;

use std::io::{ErrorKind, Read, Write};

use super::Transmit;

/// Writes everything the session queued, then flushes.
fn write_out<S: Write, T: Transmit>(stream: &mut S, session: &mut T) -> std::io::Result<()> {
    while let Some(bytes) = session.pending() {
        match stream.write(bytes) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => session.consume(n),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    stream.flush()
}

/// One read: `Some(n)` bytes (0 is EOF), `None` for a tick (timeout).
fn read_in<S: Read>(stream: &mut S, buf: &mut [u8]) -> std::io::Result<Option<usize>> {
    match stream.read(buf) {
        Ok(n) => Ok(Some(n)),
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}
