//! The server driver over a blocking stream.

use std::io::{Read, Write};
use std::time::Instant;

use super::{read_in, write_out};
use crate::io::{server_end, server_poll, server_tick, Handler, ServeEnd, Track};
use crate::server::Server;

/// Serves `server` on `stream` with `handler` until the session ends, the
/// client closes, or STARTTLS/COMPRESS is accepted (then wrap the stream,
/// call [`Server::transport_switched`] and call `serve` again). Send the
/// greeting with [`Server::send`] before the first call. The autologout
/// timer and [`Handler::tick`] run on the stream's read timeout.
pub fn serve<S: Read + Write, H: Handler + ?Sized>(
    stream: &mut S,
    server: &mut Server,
    handler: &mut H,
) -> std::io::Result<ServeEnd> {
    let mut track = Track::default();
    let mut buf = vec![0; 16 * 1024];
    loop {
        server.handle_timeout(Instant::now());
        server_poll(server, &mut track, handler);
        write_out(stream, server)?;
        if let Some(end) = server_end(server, &mut track) {
            return Ok(end);
        }
        match read_in(stream, &mut buf)? {
            Some(0) => return Ok(ServeEnd::Eof),
            Some(n) => server.handle_input(&buf[..n]),
            None => server_tick(server, &mut track, handler),
        }
    }
}
