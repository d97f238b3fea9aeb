//! Bodies of the COMPRESS=DEFLATE checks: a `Server` and a `Client` past
//! the switch point (the tagged OK of `COMPRESS DEFLATE`) fed deflate
//! streams, arbitrary or made from arbitrary plain input, in arbitrary
//! pieces. No stream may make them panic or allocate beyond the limits;
//! the events must not depend on the cut; and a stream compressed from
//! plain input (sync flushes anywhere) must give the events of the plain
//! input fed to a session that never compressed. Used by
//! `tests/compress.rs` and by the fuzz target `compressed_sessions`
//! ([`crate::targets::compressed_sessions`]).

use imap_proto::client::{Client, ClientConfig};
use imap_proto::server::{Server, ServerConfig, ServerEvent};
use imap_proto::types::{CommandBody, RespText, Response, State, Tag, TaggedStatus};
use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::MZFlush;

use crate::sessions::cut;

/// Raw deflate (RFC 1951) of `plain` at `level`, with a sync flush after
/// every `flush_every` bytes (0: only at the end), as a peer's compressor
/// would write it.
pub fn deflate(plain: &[u8], level: u8, flush_every: usize) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(i32::from(level % 10), -15, 0);
    let mut c = Box::new(CompressorOxide::new(flags));
    let mut out = Vec::new();
    let step = if flush_every == 0 {
        plain.len().max(1)
    } else {
        flush_every
    };
    for piece in plain.chunks(step) {
        let mut input = piece;
        loop {
            let old = out.len();
            let room = input.len() + 1024;
            out.resize(old + room, 0);
            let r = miniz_oxide::deflate::stream::deflate(
                &mut c,
                input,
                &mut out[old..],
                MZFlush::Sync,
            );
            out.truncate(old + r.bytes_written);
            input = &input[r.bytes_consumed..];
            if r.status.is_err() || (input.is_empty() && r.bytes_written < room) {
                break;
            }
        }
    }
    out
}

fn ok(tag: Tag<'static>) -> Response<'static> {
    Response::Tagged(TaggedStatus {
        tag,
        state: State::Ok,
        text: RespText::default(),
    })
}

/// A Server that read `A0 COMPRESS DEFLATE` and answered OK
/// (`compressed`), or read `A0 NOOP` (not), fed `stream` in the pieces
/// `seed` chooses; the caller accepts every literal and completes every
/// command OK. The events, as text.
pub fn server(stream: &[u8], seed: u64, compressed: bool) -> Vec<String> {
    let mut s = Server::new(ServerConfig::default());
    let first: &[u8] = if compressed {
        b"A0 COMPRESS DEFLATE\r\n"
    } else {
        b"A0 NOOP\r\n"
    };
    s.handle_input(first);
    let tag = match s.poll_event() {
        Some(Ok(ServerEvent::Command(c))) => Some(c.tag.into_owned()),
        _ => None,
    };
    if let Some(tag) = tag {
        let _ = s.send(&ok(tag));
    }
    assert_eq!(
        s.compression_active(),
        compressed && imap_proto::compress::ENABLED
    );
    let mut log = Vec::new();
    for piece in cut(stream, seed) {
        s.handle_input(piece);
        loop {
            let answer = match s.poll_event() {
                None => break,
                Some(Ok(ServerEvent::LiteralAnnounced { .. })) => {
                    log.push("literal".to_owned());
                    s.accept_literal();
                    continue;
                }
                Some(Ok(ServerEvent::Command(c))) => {
                    log.push(format!("{c:?}"));
                    Some(c.tag.into_owned())
                }
                Some(e) => {
                    log.push(format!("{e:?}"));
                    None
                }
            };
            if let Some(tag) = answer {
                let _ = s.send(&ok(tag));
            }
        }
        while let Some(b) = s.poll_transmit() {
            let n = b.len();
            s.consume_transmit(n);
        }
    }
    log.push(format!("state {:?}", s.state()));
    log
}

/// A Client that sent COMPRESS and read its OK (`compressed`), or sent
/// NOOP, fed `stream` in the pieces `seed` chooses. The events, as text.
pub fn client(stream: &[u8], seed: u64, compressed: bool) -> Vec<String> {
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(b"* PREAUTH hi\r\n");
    let _ = c.poll_event();
    let _ = if compressed {
        c.compress()
    } else {
        c.send(CommandBody::Noop)
    };
    while let Some(b) = c.poll_transmit() {
        let n = b.len();
        c.consume_transmit(n);
    }
    c.handle_input(b"A1 OK go\r\n");
    let _ = c.poll_event();
    assert_eq!(
        c.compression_active(),
        compressed && imap_proto::compress::ENABLED
    );
    let mut log = Vec::new();
    for piece in cut(stream, seed) {
        c.handle_input(piece);
        while let Some(e) = c.poll_event() {
            log.push(format!("{e:?}"));
        }
    }
    log.push(format!("state {:?}", c.state()));
    log
}

/// Whether `plain` holds a command that a compressing session refuses
/// and a plain one obeys (COMPRESS, STARTTLS): then the events differ by
/// design.
pub fn has_switch(plain: &[u8]) -> bool {
    let upper = plain.to_ascii_uppercase();
    [&b"COMPRESS"[..], b"STARTTLS"]
        .iter()
        .any(|w| upper.windows(w.len()).any(|x| x == *w))
}
