//! The server driver over a tokio stream.

use std::time::Instant;

use ::tokio::io::{AsyncRead, AsyncWrite};

use super::{read_in, write_out};
use crate::io::{server_end, server_poll, server_tick, Handler, ServeEnd, Track};
use crate::server::Server;

/// Serves `server` on `stream` with `handler` until the session ends, the
/// client closes, or STARTTLS/COMPRESS is accepted (then wrap the stream,
/// call [`Server::transport_switched`] and call `serve` again). Send the
/// greeting with [`Server::send`] before the first call. Reads wait at
/// most until the autologout time or the handler's next tick.
pub async fn serve<S: AsyncRead + AsyncWrite + Unpin, H: Handler + ?Sized>(
    stream: &mut S,
    server: &mut Server,
    handler: &mut H,
) -> std::io::Result<ServeEnd> {
    let mut track = Track::default();
    let mut buf = vec![0; 16 * 1024];
    loop {
        let now = Instant::now();
        server.handle_timeout(now);
        server_poll(server, &mut track, handler);
        write_out(stream, server).await?;
        if let Some(end) = server_end(server, &mut track) {
            return Ok(end);
        }
        let tick = handler.tick_every().map(|d| now + d);
        let wake = match (server.poll_timeout(), tick) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match read_in(stream, &mut buf, wake).await? {
            Some(0) => return Ok(ServeEnd::Eof),
            Some(n) => server.handle_input(&buf[..n]),
            None => server_tick(server, &mut track, handler),
        }
    }
}
