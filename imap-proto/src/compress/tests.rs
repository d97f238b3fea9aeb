//! COMPRESS=DEFLATE inside the sessions: the switch point, both directions
//! on the wire, deflate bombs against the limits, RFC 4978's refusals.

use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush};

use super::{CompressError, INFLATE_STEP};
use crate::client::{Client, ClientConfig, ClientError, ClientEvent, SendError};
use crate::frame::{FrameError, FrameLimits};
use crate::server::{Server, ServerConfig, ServerError, ServerEvent};
use crate::types::{
    CommandBody, Mailbox, RespText, Response, ResponseCode, State, Tag, TaggedStatus, Text,
};

fn ok(tag: &str) -> Response<'static> {
    Response::Tagged(TaggedStatus {
        tag: Tag::new(tag.to_owned()).unwrap(),
        state: State::Ok,
        text: RespText::new(Text::try_from("done").unwrap()),
    })
}

/// Raw inflate of a whole stream, another path than the sessions'.
fn inflate_all(state: &mut InflateState, mut input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = vec![0; 4096];
    loop {
        let r = inflate(state, input, &mut buf, MZFlush::None);
        out.extend_from_slice(&buf[..r.bytes_written]);
        input = &input[r.bytes_consumed..];
        if r.bytes_written == 0 && (input.is_empty() || r.status.is_err()) {
            return out;
        }
    }
}

/// A server and a client that negotiated COMPRESS; `inflaters` for what
/// each side put on the wire since.
struct Pair {
    server: Server,
    client: Client,
    to_server: Box<InflateState>,
    to_client: Box<InflateState>,
}

impl Pair {
    fn new(server: ServerConfig, client: ClientConfig) -> Pair {
        let mut server = Server::new(server);
        let client = Client::new(client);
        let (g, _) =
            crate::parse_response(b"* OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] hi\r\n").unwrap();
        server.send(&g).unwrap();
        let mut p = Pair {
            server,
            client,
            to_server: InflateState::new_boxed(DataFormat::Raw),
            to_client: InflateState::new_boxed(DataFormat::Raw),
        };
        p.client_to_server();
        let tag = p.client.compress().unwrap();
        let wire = p.client_to_server();
        assert_eq!(wire, b"A1 COMPRESS DEFLATE\r\n");
        assert!(matches!(
            p.server.poll_event(),
            Some(Ok(ServerEvent::Command(_)))
        ));
        p.server.send(&ok(tag.as_str())).unwrap();
        assert!(p.server.compression_active());
        assert!(!p.client.compression_active());
        let wire = p.server_to_client();
        assert_eq!(
            wire,
            b"* OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] hi\r\nA1 OK done\r\n"
        );
        assert!(p.client.compression_active());
        p
    }

    /// Moves the client's output to the server; returns it as sent.
    fn client_to_server(&mut self) -> Vec<u8> {
        let b = self
            .client
            .poll_transmit()
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        self.client.consume_transmit(b.len());
        self.server.handle_input(&b);
        b
    }

    fn server_to_client(&mut self) -> Vec<u8> {
        let b = self
            .server
            .poll_transmit()
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        self.server.consume_transmit(b.len());
        self.client.handle_input(&b);
        let mut events = Vec::new();
        while let Some(e) = self.client.poll_event() {
            events.push(format!("{e:?}"));
        }
        b
    }

    fn server_events(&mut self) -> Vec<String> {
        let mut v = Vec::new();
        while let Some(e) = self.server.poll_event() {
            v.push(format!("{e:?}"));
        }
        v
    }
}

fn default_pair() -> Pair {
    Pair::new(ServerConfig::default(), ClientConfig::default())
}

#[test]
fn both_directions_compressed_after_the_switch() {
    let mut p = default_pair();
    let tag = p
        .client
        .send(CommandBody::Select {
            mailbox: Mailbox::from("INBOX"),
            params: vec![],
        })
        .unwrap();
    let wire = p.client_to_server();
    assert!(!wire.windows(6).any(|w| w == b"SELECT"), "{wire:?}");
    // RFC 1951 §3.2.4: a sync flush ends in an empty stored block.
    assert!(wire.ends_with(&[0, 0, 0xff, 0xff]), "{wire:?}");
    assert_eq!(inflate_all(&mut p.to_server, &wire), b"A2 SELECT INBOX\r\n");
    match p.server.poll_event() {
        Some(Ok(ServerEvent::Command(c))) => assert_eq!(c.tag.as_str(), "A2"),
        other => panic!("{other:?}"),
    }
    let (exists, _) = crate::parse_response(b"* 3 EXISTS\r\n").unwrap();
    p.server.send(&exists.into_owned()).unwrap();
    p.server.send(&ok(tag.as_str())).unwrap();
    let wire = p.server.poll_transmit().unwrap().to_vec();
    assert!(wire.ends_with(&[0, 0, 0xff, 0xff]));
    assert_eq!(
        inflate_all(&mut p.to_client, &wire),
        b"* 3 EXISTS\r\nA2 OK done\r\n"
    );
    p.server.consume_transmit(wire.len());
    assert_eq!(p.server.poll_transmit(), None);
    // The client, fed the compressed bytes one at a time, sees both.
    let mut events = Vec::new();
    for b in &wire {
        p.client.handle_input(std::slice::from_ref(b));
        while let Some(e) = p.client.poll_event() {
            events.push(format!("{e:?}"));
        }
    }
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(events[1].contains("Completed") && events[1].contains("SELECT"));
}

#[test]
fn the_ok_and_what_came_before_go_out_plain_even_when_queued_with_more() {
    let mut server = Server::new(ServerConfig::default());
    server.handle_input(b"C1 COMPRESS DEFLATE\r\n");
    assert!(matches!(
        server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    server.send(&ok("C1")).unwrap();
    let (exists, _) = crate::parse_response(b"* 4 EXISTS\r\n").unwrap();
    server.send(&exists).unwrap();
    // First the OK, plain, then the rest, compressed.
    let plain = server.poll_transmit().unwrap().to_vec();
    assert_eq!(plain, b"C1 OK done\r\n");
    server.consume_transmit(5);
    assert_eq!(server.poll_transmit(), Some(&b" done\r\n"[..]));
    server.consume_transmit(7);
    let z = server.poll_transmit().unwrap().to_vec();
    let mut st = InflateState::new_boxed(DataFormat::Raw);
    assert_eq!(inflate_all(&mut st, &z), b"* 4 EXISTS\r\n");
}

#[test]
fn input_before_the_ok_is_an_injection_as_before() {
    let mut server = Server::new(ServerConfig::default());
    server.handle_input(b"C1 COMPRESS DEFLATE\r\nC2 NOOP\r\n");
    assert!(matches!(
        server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    server.send(&ok("C1")).unwrap();
    match server.poll_event() {
        Some(Err(e @ ServerError::InputBeforeSwitch { discarded: 9, .. })) => {
            assert!(e.is_fatal())
        }
        other => panic!("{other:?}"),
    }
    assert!(server.compression_active());
}

#[test]
fn a_second_compress_and_starttls_after_compress_are_refused() {
    let mut p = default_pair();
    // The client will not send them.
    assert_eq!(
        p.client.compress(),
        Err(SendError::CompressionActive("COMPRESS"))
    );
    assert_eq!(
        p.client.send(CommandBody::StartTls),
        Err(SendError::CompressionActive("STARTTLS"))
    );
    // A client that does gets NO [COMPRESSIONACTIVE] and BAD.
    let mut z = super::Codec::default();
    z.start(0);
    let mut out = crate::frame::output::Output::default();
    out.push_bytes(b"B1 COMPRESS DEFLATE\r\nB2 STARTTLS\r\nB3 NOOP\r\n");
    let wire = z.transmit(&mut out).unwrap().to_vec();
    p.server.handle_input(&wire);
    let mut answers = Vec::new();
    while let Some(e) = p.server.poll_event() {
        match e {
            Err(e @ ServerError::Compress(CompressError::Active { .. })) => {
                assert!(!e.is_fatal());
                answers.push(e.response().unwrap());
            }
            Ok(ServerEvent::Command(c)) => assert_eq!(c.tag.as_str(), "B3"),
            other => panic!("{other:?}"),
        }
    }
    let bytes: Vec<Vec<u8>> = answers.iter().map(Response::to_bytes).collect();
    assert_eq!(
        bytes,
        [
            &b"B1 NO [COMPRESSIONACTIVE] DEFLATE is active already\r\n"[..],
            &b"B2 BAD STARTTLS is not allowed after COMPRESS\r\n"[..]
        ]
    );
    match &answers[0] {
        Response::Tagged(t) => assert_eq!(t.text.code, Some(ResponseCode::CompressionActive)),
        other => panic!("{other:?}"),
    }
    assert!(p.server.compression_active());
}

#[test]
fn a_refused_compress_turns_nothing_on() {
    let mut server = Server::new(ServerConfig::default());
    server.handle_input(b"C1 COMPRESS DEFLATE\r\n");
    assert!(matches!(
        server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    let no = Response::Tagged(TaggedStatus {
        tag: Tag::try_from("C1").unwrap(),
        state: State::No,
        text: RespText::default(),
    });
    server.send(&no).unwrap();
    assert!(!server.compression_active());
    server.handle_input(b"C2 NOOP\r\n");
    assert!(matches!(
        server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    let mut client = Client::new(ClientConfig::default());
    client.handle_input(b"* OK hi\r\n");
    client.poll_event();
    client.compress().unwrap();
    client.handle_input(b"A1 NO not now\r\nA2 OK\r\n");
    assert!(matches!(
        client.poll_event(),
        Some(Ok(ClientEvent::Completed { .. }))
    ));
    assert!(!client.compression_active());
}

/// Raw deflate, by hand: fixed Huffman codes (RFC 1951 §3.2.6).
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn new() -> Self {
        Bits {
            out: Vec::new(),
            acc: 0,
            n: 0,
        }
    }
    /// `len` bits of `v`, least significant first (header fields).
    fn put(&mut self, v: u32, len: u32) {
        self.acc |= u64::from(v) << self.n;
        self.n += len;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, most significant bit first.
    fn code(&mut self, v: u32, len: u32) {
        for i in (0..len).rev() {
            self.put((v >> i) & 1, 1);
        }
    }
    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + u32::from(b), 8),
            _ => self.code(0x190 + u32::from(b) - 144, 9),
        }
    }
    /// A fixed-Huffman block: `text`, then `repeat` times the last byte
    /// 258 more times (length 258, distance 1: 13 bits for 258 bytes).
    fn block(&mut self, text: &[u8], repeat: usize) {
        self.put(0, 1);
        self.put(1, 2);
        for &b in text {
            self.literal(b);
        }
        for _ in 0..repeat {
            self.code(0xc5, 8);
            self.code(0, 5);
        }
        self.code(0, 7);
    }
    /// A sync flush: an empty stored block, byte aligned.
    fn sync(mut self) -> Vec<u8> {
        self.put(0, 3);
        if self.n > 0 {
            self.put(0, 8 - self.n);
        }
        self.out.extend_from_slice(&[0, 0, 0xff, 0xff]);
        self.out
    }
}

/// `head`, then about `mib` MiB of its last byte, then `tail`.
fn bomb(head: &[u8], mib: usize, tail: &[u8]) -> Vec<u8> {
    let mut b = Bits::new();
    b.block(head, mib * 1024 * 1024 / 258);
    b.block(tail, 0);
    b.sync()
}

fn inflated_len(z: &[u8]) -> usize {
    inflate_all(&mut InflateState::new_boxed(DataFormat::Raw), z).len()
}

#[test]
fn a_line_bomb_into_the_server_breaks_the_line_limit_and_is_never_buffered() {
    let mut p = default_pair();
    let z = bomb(b"B1 NOOP a", 64, b"\r\nB2 NOOP\r\n");
    assert!(z.len() < 512 * 1024 && inflated_len(&z) > 63 << 20);
    let mut events = Vec::new();
    let mut peak = 0;
    for piece in z.chunks(4096) {
        p.server.handle_input(piece);
        while let Some(e) = p.server.poll_event() {
            events.push(format!("{e:?}"));
        }
        peak = peak.max(p.server.input_capacity());
    }
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(events[0].contains("LineTooLong"), "{}", events[0]);
    assert!(events[0].contains("\"B1\""), "{}", events[0]);
    assert!(events[1].contains("\"B2\""), "{}", events[1]);
    let limit = FrameLimits::default().max_line;
    assert!(peak <= 2 * (limit + INFLATE_STEP), "peak {peak}");
}

#[test]
fn a_literal_bomb_into_the_server_breaks_the_literal_limit_and_is_skipped_by_count() {
    let mut config = ServerConfig::default();
    config.frame.max_literal = 1 << 20;
    let mut p = Pair::new(config, ClientConfig::default());
    let len = 40 * 1024 * 1024 / 258 * 258 + 1;
    let head = format!("B1 APPEND INBOX {{{len}+}}\r\nx");
    let z = bomb(head.as_bytes(), 40, b"\r\nB2 NOOP\r\n");
    let mut events = Vec::new();
    let mut peak = 0;
    for piece in z.chunks(1000) {
        p.server.handle_input(piece);
        while let Some(e) = p.server.poll_event() {
            events.push(e.map(|e| format!("{e:?}")));
        }
        peak = peak.max(p.server.input_capacity());
    }
    match &events[..] {
        [Err(ServerError::Limit(FrameError::LiteralTooLarge { length, .. })), Ok(cmd)] => {
            assert_eq!(*length, len as u64);
            assert!(cmd.contains("\"B2\""), "{cmd}");
        }
        other => panic!("{other:?}"),
    }
    assert!(peak <= 4 * INFLATE_STEP, "peak {peak}");
}

#[test]
fn a_bomb_into_the_client_breaks_its_limits() {
    let mut client = ClientConfig::default();
    client.frame.max_literal = 1 << 20;
    client.frame.max_message = 2 << 20;
    let mut p = Pair::new(ServerConfig::default(), client);
    let len = 30 * 1024 * 1024 / 258 * 258 + 1;
    let head = format!("* 1 FETCH (BODY[] {{{len}}}\r\nx");
    let mut b = Bits::new();
    b.block(head.as_bytes(), 30 * 1024 * 1024 / 258);
    b.block(b")\r\n* 2 EXISTS\r\n* OK a", 100 * 1024 * 1024 / 258);
    b.block(b"\r\n* 3 EXISTS\r\n", 0);
    let z = b.sync();
    assert!(z.len() < 3 << 20);
    let mut events = Vec::new();
    let mut peak = 0;
    for piece in z.chunks(64 * 1024) {
        p.client.handle_input(piece);
        while let Some(e) = p.client.poll_event() {
            events.push(format!("{e:?}"));
        }
        peak = peak.max(p.client.input_capacity());
    }
    // As with plain input: the client framer skips the refused literal
    // by its count (30 MiB inflated and dropped, never buffered), reads
    // on, refuses the over-long line, then resynchronises.
    assert_eq!(events.len(), 4, "{events:?}");
    assert!(events[0].contains("LiteralTooLarge"), "{}", events[0]);
    assert!(events[1].contains("Exists(2)"), "{}", events[1]);
    assert!(events[2].contains("LineTooLong"), "{}", events[2]);
    assert!(events[3].contains("Exists(3)"), "{}", events[3]);
    let limit = FrameLimits::default().max_line;
    assert!(peak <= 2 * (limit + INFLATE_STEP), "peak {peak}");
}

#[test]
fn bytes_that_are_not_deflate_end_the_connection() {
    let mut p = default_pair();
    // BTYPE 11 is reserved (RFC 1951 §3.2.3).
    p.server.handle_input(&[0x07, 0xff, 0xff]);
    match p.server.poll_event() {
        Some(Err(e @ ServerError::Compress(CompressError::Inflate { .. }))) => {
            assert!(e.is_fatal());
            assert_eq!(
                e.response().unwrap().to_bytes(),
                b"* BYE Invalid deflate data\r\n"
            );
        }
        other => panic!("{other:?}"),
    }
    p.server.handle_input(b"A9 NOOP\r\n");
    assert_eq!(p.server.poll_event(), None);
    p.client.handle_input(&[0x07, 0xff, 0xff]);
    match p.client.poll_event() {
        Some(Err(e @ ClientError::Compress(CompressError::Inflate { .. }))) => {
            assert!(e.is_fatal())
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(p.client.poll_event().map(|e| e.is_ok()), None);
}

#[test]
fn data_after_a_final_block_is_an_error() {
    let mut p = default_pair();
    let mut b = Bits::new();
    b.put(1, 1);
    b.put(1, 2);
    for &c in b"B1 NOOP\r\n" {
        b.literal(c);
    }
    b.code(0, 7);
    let mut z = b.sync();
    z.push(0x03);
    p.server.handle_input(&z);
    assert!(matches!(
        p.server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    let e = p.server_events();
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("final deflate block"), "{e:?}");
}

#[test]
fn the_client_inflates_what_came_with_the_ok() {
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(b"* PREAUTH hi\r\n");
    assert!(matches!(c.poll_event(), Some(Ok(ClientEvent::Greeting(_)))));
    c.compress().unwrap();
    let mut z = super::Codec::default();
    z.start(0);
    let mut out = crate::frame::output::Output::default();
    out.push_bytes(b"* 5 EXISTS\r\n");
    let mut input = b"A1 OK deflate on\r\n".to_vec();
    input.extend_from_slice(z.transmit(&mut out).unwrap());
    c.handle_input(&input);
    assert!(matches!(
        c.poll_event(),
        Some(Ok(ClientEvent::Completed { .. }))
    ));
    assert!(c.compression_active());
    match c.poll_event() {
        Some(Ok(ClientEvent::Untagged(r))) => assert_eq!(r.to_bytes(), b"* 5 EXISTS\r\n"),
        other => panic!("{other:?}"),
    }
    // Nothing to hand over: the client inflates by itself.
    assert!(c.transport_switched().is_empty());
    assert_eq!(c.poll_event(), None);
}

#[test]
fn asking_the_queue_length_does_not_flush() {
    let mut p = default_pair();
    let (exists, _) = crate::parse_response(b"* 9 EXISTS\r\n").unwrap();
    for _ in 0..50 {
        p.server.send(&exists).unwrap();
        assert!(p.server.queued_output() > 0);
    }
    assert_eq!(p.server.queued_output(), 50 * 12);
    // One batch: one sync flush for the fifty responses.
    let z = p.server.poll_transmit().unwrap().to_vec();
    assert!(z.len() < 50, "{}", z.len());
    assert_eq!(p.server.queued_output(), z.len());
    assert_eq!(
        inflate_all(&mut p.to_client, &z),
        b"* 9 EXISTS\r\n".repeat(50)
    );
}
