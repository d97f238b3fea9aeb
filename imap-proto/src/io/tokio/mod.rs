//! Drivers over tokio's `AsyncRead + AsyncWrite` (feature `tokio`).
//!
//! Timers run on tokio's clock: a read waits at most until the session's
//! next timeout (the client's IDLE refresh and deadline, the server's
//! autologout, [`Handler::tick_every`](crate::io::Handler::tick_every)).

mod client;
mod server;

pub use client::Connection;
pub use server::serve;

use std::time::Instant;

use ::tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::Transmit;

/// Writes everything the session queued, then flushes.
async fn write_out<S: AsyncWrite + Unpin, T: Transmit>(
    stream: &mut S,
    session: &mut T,
) -> std::io::Result<()> {
    while let Some(bytes) = session.pending() {
        let n = stream.write(bytes).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        session.consume(n);
    }
    stream.flush().await
}

/// One read, waiting at most until `wake`: `Some(n)` bytes (0 is EOF),
/// `None` when `wake` came first.
async fn read_in<S: AsyncRead + Unpin>(
    stream: &mut S,
    buf: &mut [u8],
    wake: Option<Instant>,
) -> std::io::Result<Option<usize>> {
    match wake {
        None => stream.read(buf).await.map(Some),
        Some(at) => {
            let at = ::tokio::time::Instant::from_std(at);
            match ::tokio::time::timeout_at(at, stream.read(buf)).await {
                Ok(r) => r.map(Some),
                Err(_) => Ok(None),
            }
        }
    }
}
