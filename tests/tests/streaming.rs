//! A 1 GiB APPEND streamed through the server session in 64 KiB pieces,
//! with literal streaming on: every octet is handed out once, in order, and
//! the session's input buffer stays under 1 MiB (DESIGN's memory target).
//! Memory is counted (buffer capacity), not timed.

use imap_proto::server::{Server, ServerConfig, ServerEvent};
use imap_proto::types::{AppendData, CommandBody};

#[test]
fn one_gib_append_in_bounded_memory() {
    const LEN: u64 = 1 << 30;
    let mut config = ServerConfig::default();
    config.stream_literals_from = Some(1 << 20);
    let mut server = Server::new(config);
    server.handle_input(format!("a1 APPEND INBOX (\\Seen) {{{LEN}}}\r\n").as_bytes());
    match server.poll_event() {
        Some(Ok(ServerEvent::LiteralAnnounced { length: LEN, .. })) => server.accept_literal(),
        other => panic!("{other:?}"),
    }
    match server.poll_event() {
        Some(Ok(ServerEvent::LiteralStreaming {
            tag: Some(t),
            length: LEN,
        })) => assert_eq!(t.as_str(), "a1"),
        other => panic!("{other:?}"),
    }
    // A pattern that shows order: byte i is i % 251. Pieces of 251 * 261
    // bytes (just under 64 KiB) all start at a multiple of 251.
    let piece: Vec<u8> = (0..251 * 261).map(|k| (k % 251) as u8).collect();
    let mut sent: u64 = 0;
    let mut received: u64 = 0;
    let mut peak = 0;
    while sent < LEN {
        let n = piece.len().min((LEN - sent) as usize);
        server.handle_input(&piece[..n]);
        sent += n as u64;
        while let Some(e) = server.poll_event() {
            match e {
                Ok(ServerEvent::LiteralData(d)) => {
                    assert_eq!(d[0], (received % 251) as u8, "in order");
                    received += d.len() as u64;
                }
                other => panic!("{other:?}"),
            }
        }
        peak = peak.max(server.input_capacity());
    }
    server.handle_input(b"\r\n");
    match server.poll_event() {
        Some(Ok(ServerEvent::Command(c))) => match c.body {
            CommandBody::Append { messages, .. } => match &messages[0].data {
                AppendData::Literal(l) => {
                    assert!(l.data.is_empty(), "the streamed literal is left out")
                }
                d => panic!("{d:?}"),
            },
            b => panic!("{b:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert_eq!(received, LEN);
    assert!(peak < 1 << 20, "peak input buffer {peak} bytes");
    eprintln!("1 GiB streamed; peak input buffer {peak} bytes");
}
