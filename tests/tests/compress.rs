//! COMPRESS=DEFLATE (RFC 4978) inside the sessions (feature `compress`):
//!
//! - the recorded compressed session (`corpus/compressed/20-imaplib-compress`,
//!   Python imaplib against Dovecot) replayed through a `Client`, which
//!   inflates the server's bytes itself, and through a `Server`, which
//!   inflates the client's: the events are those of the same traffic
//!   inflated here by another path (flate2) and fed plain, whole, in
//!   pseudo-random pieces and one byte at a time;
//! - a `Client` and a `Server` talking compressed through a whole session
//!   (login, select, fetch with literals, append, idle, logout), the wire
//!   cut into pseudo-random pieces both ways: the events are those of the
//!   same session in plain text.

use flate2::{Decompress, FlushDecompress};
use imap_proto::client::{Client, ClientConfig, ClientError, SendError};
use imap_proto::compress::CompressError;
use imap_proto::server::{Server, ServerConfig, ServerError, ServerEvent};
use imap_proto::types::*;
use imap_proto::{parse_command, parse_response};
use imap_proto_tests::{crate_dir, split_client, split_server, ClientPiece};

/// How a stream is cut.
#[derive(Clone, Copy, Debug)]
enum Cut {
    Whole,
    Random(u64),
    Bytes,
}

fn pieces(data: &[u8], cut: Cut) -> Vec<&[u8]> {
    match cut {
        Cut::Whole if data.is_empty() => vec![],
        Cut::Whole => vec![data],
        Cut::Bytes => data.chunks(1).collect(),
        Cut::Random(mut seed) => {
            let mut out = Vec::new();
            let mut rest = data;
            while !rest.is_empty() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let n = ((seed >> 33) % 61 + 1) as usize;
                let (a, b) = rest.split_at(n.min(rest.len()));
                out.push(a);
                rest = b;
            }
            out
        }
    }
}

const CUTS: [Cut; 5] = [
    Cut::Whole,
    Cut::Random(1),
    Cut::Random(7),
    Cut::Random(1234),
    Cut::Bytes,
];

/// The recorded session: one entry per chunk of the timeline, with the
/// bytes as recorded and as inflated here (flate2, raw deflate).
struct Recorded {
    /// (from the client?, raw bytes, plain bytes)
    chunks: Vec<(bool, Vec<u8>, Vec<u8>)>,
}

/// Plain bytes of `raw` from `switch` on inflated with flate2.
struct Side {
    raw: Vec<u8>,
    switch: usize,
    z: Decompress,
}

impl Side {
    fn plain(&mut self, off: usize, len: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let (a, b) = (off, off + len);
        if a < self.switch {
            out.extend_from_slice(&self.raw[a..b.min(self.switch)]);
        }
        let from = a.max(self.switch);
        if from < b {
            let mut input = &self.raw[from..b];
            let mut buf = vec![0; 1 << 16];
            while !input.is_empty() {
                let before = self.z.total_in();
                let out_before = self.z.total_out();
                self.z
                    .decompress(input, &mut buf, FlushDecompress::Sync)
                    .expect("flate2 inflates the recording");
                let used = (self.z.total_in() - before) as usize;
                let made = (self.z.total_out() - out_before) as usize;
                out.extend_from_slice(&buf[..made]);
                input = &input[used..];
                if used == 0 && made == 0 {
                    break;
                }
            }
        }
        out
    }
}

fn end_of(stream: &[u8], line_start: &[u8]) -> usize {
    let at = stream
        .windows(line_start.len())
        .position(|w| w == line_start)
        .expect("the COMPRESS exchange is recorded");
    at + stream[at..].windows(2).position(|w| w == b"\r\n").unwrap() + 2
}

fn recorded() -> Recorded {
    let dir = crate_dir().join("corpus/compressed/20-imaplib-compress");
    let client = std::fs::read(dir.join("client.bin")).unwrap();
    let server = std::fs::read(dir.join("server.bin")).unwrap();
    let tl = std::fs::read_to_string(dir.join("timeline.tsv")).unwrap();
    let mut c = Side {
        switch: end_of(&client, b"c2 COMPRESS"),
        raw: client,
        z: Decompress::new(false),
    };
    let mut s = Side {
        switch: end_of(&server, b"c2 OK"),
        raw: server,
        z: Decompress::new(false),
    };
    let chunks = tl
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let (off, len): (usize, usize) = (f[2].parse().unwrap(), f[3].parse().unwrap());
            let side = if f[1] == "C" { &mut c } else { &mut s };
            (
                f[1] == "C",
                side.raw[off..off + len].to_vec(),
                side.plain(off, len),
            )
        })
        .collect();
    Recorded { chunks }
}

/// The recorded session through a Client: `compressed` feeds the bytes
/// as recorded (the client inflates them), else as inflated by flate2
/// (the client sends NOOP in place of COMPRESS, and never compresses).
fn replay_client(r: &Recorded, compressed: bool, cut: Cut) -> Vec<String> {
    let mut client = Client::new(ClientConfig::default());
    let mut events = Vec::new();
    let mut commands = Vec::new();
    let mut sent_z = Decompress::new(false);
    for (from_client, raw, plain) in &r.chunks {
        if *from_client {
            let mut expected = Vec::new();
            for p in split_client(plain).0 {
                assert_eq!(p.kind, ClientPiece::Command);
                let (c, _) = parse_command(p.bytes).unwrap();
                let c = c.into_owned();
                let (tag, body) = (c.tag.clone(), c.body.clone());
                if !matches!(body, CommandBody::Compress(_)) {
                    expected.extend_from_slice(&c.to_bytes());
                }
                commands.push(tag.as_str().to_owned());
                let second = commands.iter().filter(|t| t.as_str() != "c2").count() >= 5;
                match (&body, compressed) {
                    (CommandBody::Compress(_), _) if second => {
                        // c6: RFC 4978 §3, once per connection. The plain
                        // client leaves it out too.
                        if compressed {
                            let e = client.send_tagged(tag, body);
                            assert_eq!(e, Err(SendError::CompressionActive("COMPRESS")));
                        }
                    }
                    (CommandBody::Compress(_), false) => {
                        client.send_tagged(tag, CommandBody::Noop).unwrap()
                    }
                    _ => client.send_tagged(tag, body).unwrap(),
                }
            }
            // What the client sends: the commands after c2 compressed.
            let mut sent = Vec::new();
            while let Some(b) = client.poll_transmit() {
                sent.extend_from_slice(b);
                let n = b.len();
                client.consume_transmit(n);
            }
            // After the switch, what the client sends inflates (flate2)
            // to the commands given (c6 refused: nothing).
            if compressed && client.compression_active() && !sent.is_empty() {
                let mut out = vec![0; 1 << 16];
                let before = sent_z.total_out();
                sent_z
                    .decompress(&sent, &mut out, FlushDecompress::Sync)
                    .unwrap();
                let n = (sent_z.total_out() - before) as usize;
                assert_eq!(&out[..n], &expected[..]);
            } else if compressed && client.compression_active() {
                assert!(plain.starts_with(b"c6 COMPRESS"));
            }
        } else {
            let bytes = if compressed { raw } else { plain };
            for piece in pieces(bytes, cut) {
                client.handle_input(piece);
                while let Some(e) = client.poll_event() {
                    let line = format!("{e:?}");
                    // The switch itself differs (COMPRESS or NOOP).
                    events.push(line.replace("command: \"NOOP\"", "command: \"COMPRESS\""));
                }
            }
        }
    }
    assert_eq!(client.compression_active(), compressed);
    events.push(format!("final state {:?}", client.state()));
    events
}

#[test]
fn the_recorded_compressed_session_replays_through_the_client() {
    let r = recorded();
    let plain = replay_client(&r, false, Cut::Whole);
    // The fetch of bodies (literals) is there, and the only error is
    // Dovecot's answer to the second COMPRESS, which the client refused
    // to send.
    assert!(plain
        .iter()
        .any(|e| e.contains("this is a plain ASCII message")));
    let errors: Vec<_> = plain.iter().filter(|e| e.starts_with("Err")).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("UnknownTag") && errors[0].contains("c6"));
    assert!(errors[0].contains("CompressionActive"));
    assert_eq!(plain.last().unwrap(), "final state Logout");
    for cut in CUTS {
        assert_eq!(replay_client(&r, true, cut), plain, "{cut:?}");
        assert_eq!(replay_client(&r, false, cut), plain, "{cut:?}");
    }
}

/// The recorded session through a Server: its caller sends the recorded
/// responses. `compressed`: the client's bytes as recorded, and the server
/// compresses; else inflated by flate2, the COMPRESS answered NO.
fn replay_server(r: &Recorded, compressed: bool, cut: Cut) -> (Vec<String>, Vec<u8>, Vec<u8>) {
    let mut server = Server::new(ServerConfig::default());
    let mut events = Vec::new();
    let mut wire = Vec::new();
    let mut sent = Vec::new();
    for (from_client, raw, plain) in &r.chunks {
        if *from_client {
            let bytes = if compressed { raw } else { plain };
            for piece in pieces(bytes, cut) {
                server.handle_input(piece);
                while let Some(e) = server.poll_event() {
                    events.push(format!("{e:?}"));
                    if let Err(e) = e {
                        assert!(!e.is_fatal(), "{e}");
                    }
                }
            }
        } else {
            for p in split_server(plain).0 {
                let (resp, _) = parse_response(p.bytes).unwrap();
                let refuse =
                    matches!(&resp, Response::Tagged(t) if t.tag.as_str() == "c2") && !compressed;
                if refuse {
                    let (no, _) = parse_response(b"c2 NO not now\r\n").unwrap();
                    server.send(&no).unwrap();
                    sent.extend_from_slice(&no.to_bytes());
                } else {
                    server.send(&resp).unwrap();
                    sent.extend_from_slice(&resp.to_bytes());
                }
            }
            while let Some(b) = server.poll_transmit() {
                wire.extend_from_slice(b);
                let n = b.len();
                server.consume_transmit(n);
            }
        }
    }
    events.push(format!("final state {:?}", server.state()));
    (events, wire, sent)
}

#[test]
fn the_recorded_compressed_session_replays_through_the_server() {
    let r = recorded();
    let (plain, _, _) = replay_server(&r, false, Cut::Whole);
    assert_eq!(plain.last().unwrap(), "final state Logout");
    for cut in CUTS {
        let (events, wire, queued) = replay_server(&r, true, cut);
        // The same commands, except that the second COMPRESS (c6) is
        // refused by the server itself, with NO [COMPRESSIONACTIVE] as
        // Dovecot did.
        assert_eq!(events.len(), plain.len());
        for (a, b) in events.iter().zip(&plain) {
            if b.contains("Tag(\"c6\")") {
                assert!(b.contains("Compress(Atom(\"DEFLATE\"))"), "{b}");
                assert!(a.contains("Err(Compress(Active"), "{a}");
            } else {
                assert_eq!(a, b, "{cut:?}");
            }
        }
        // What the server sent inflates (flate2) to the responses it was
        // given.
        let switch = end_of(&wire, b"c2 OK");
        let mut z = Decompress::new(false);
        let mut out = vec![0; 1 << 20];
        z.decompress(&wire[switch..], &mut out, FlushDecompress::Sync)
            .unwrap();
        let mut sent = wire[..switch].to_vec();
        sent.extend_from_slice(&out[..z.total_out() as usize]);
        assert!(sent == queued, "{cut:?}");
        let ratio = (wire.len() - switch) as f64 / (sent.len() - switch) as f64;
        assert!(ratio < 0.5, "compressed to {ratio:.2}");
    }
}

// ---------------------------------------------------------------------
// A Client and a Server through a whole session.

fn text(s: &str) -> Text<'static> {
    Text::new(s.to_owned()).unwrap()
}

fn tagged(tag: &Tag<'_>, state: State, s: &str) -> Response<'static> {
    Response::Tagged(TaggedStatus {
        tag: tag.clone().into_owned(),
        state,
        text: RespText::new(text(s)),
    })
}

const BODY: &[u8] = b"From: a@example.com\r\nSubject: hi\r\n\r\nHello Bob,\r\nthis is the body {5}\r\nwith a literal header inside.\r\n";

/// The server application: answers every command.
fn answer(c: &Command<'_>, idle: &mut Option<Tag<'static>>) -> Vec<Response<'static>> {
    let r = |s: &[u8]| parse_response(s).unwrap().0.into_owned();
    match &c.body {
        CommandBody::Select { .. } => vec![
            r(b"* 2 EXISTS\r\n"),
            r(b"* FLAGS (\\Seen \\Answered)\r\n"),
            tagged(&c.tag, State::Ok, "selected"),
        ],
        CommandBody::Fetch { .. } => {
            let mut v = Vec::new();
            for n in 1..=2 {
                let mut m =
                    format!("* {n} FETCH (UID {n} BODY[] {{{}}}\r\n", BODY.len()).into_bytes();
                m.extend_from_slice(BODY);
                m.extend_from_slice(b" FLAGS (\\Seen))\r\n");
                v.push(r(&m));
            }
            v.push(tagged(&c.tag, State::Ok, "fetched"));
            v
        }
        CommandBody::Idle => {
            *idle = Some(c.tag.clone().into_owned());
            vec![
                Response::Continue(ContinueRequest::text(text("idling"))),
                r(b"* 3 EXISTS\r\n"),
            ]
        }
        CommandBody::Logout => vec![r(b"* BYE bye\r\n"), tagged(&c.tag, State::Ok, "out")],
        _ => vec![tagged(&c.tag, State::Ok, "done")],
    }
}

struct Wire {
    client: Client,
    server: Server,
    cut: Cut,
    log: Vec<String>,
    idle: Option<Tag<'static>>,
    /// Bytes that went over the wire after the switch, each way.
    sent: [usize; 2],
}

impl Wire {
    fn transfer(&mut self) -> bool {
        let mut moved = false;
        let mut out = Vec::new();
        while let Some(b) = self.client.poll_transmit() {
            out.extend_from_slice(b);
            let n = b.len();
            self.client.consume_transmit(n);
        }
        if self.client.compression_active() {
            self.sent[0] += out.len();
        }
        for piece in pieces(&out, self.cut) {
            moved = true;
            self.server.handle_input(piece);
            self.serve();
        }
        let mut out = Vec::new();
        while let Some(b) = self.server.poll_transmit() {
            out.extend_from_slice(b);
            let n = b.len();
            self.server.consume_transmit(n);
        }
        if self.server.compression_active() {
            self.sent[1] += out.len();
        }
        for piece in pieces(&out, self.cut) {
            moved = true;
            self.client.handle_input(piece);
            while let Some(e) = self.client.poll_event() {
                self.log.push(format!("client {e:?}"));
            }
        }
        moved
    }

    fn serve(&mut self) {
        loop {
            let answers = match self.server.poll_event() {
                None => return,
                Some(Ok(ServerEvent::LiteralAnnounced { length, .. })) => {
                    self.log.push(format!("server literal {length}"));
                    self.server.accept_literal();
                    continue;
                }
                Some(Ok(ServerEvent::Command(c))) => {
                    self.log.push(format!("server {c:?}"));
                    answer(&c.into_owned(), &mut self.idle)
                }
                Some(Ok(ServerEvent::IdleDone)) => {
                    self.log.push("server DONE".into());
                    let tag = self.idle.take().unwrap();
                    vec![tagged(&tag, State::Ok, "idled")]
                }
                Some(e) => panic!("{e:?}"),
            };
            for a in answers {
                self.server.send(&a).unwrap();
            }
        }
    }

    fn run(&mut self) {
        for _ in 0..50 {
            if !self.transfer() {
                return;
            }
        }
        panic!("never quiet");
    }
}

/// The session, compressed after LOGIN or not (NOOP in its place).
fn session(compressed: bool, cut: Cut) -> (Vec<String>, [usize; 2]) {
    let mut w = Wire {
        client: Client::new(ClientConfig::default()),
        server: Server::new(ServerConfig::default()),
        cut,
        log: Vec::new(),
        idle: None,
        sent: [0, 0],
    };
    let (g, _) =
        parse_response(b"* OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE IDLE] hi\r\n").unwrap();
    w.server.send(&g).unwrap();
    w.run();
    w.client
        .send(CommandBody::Login {
            username: AString::from("joe"),
            password: Secret(AString::from("secret")),
        })
        .unwrap();
    w.run();
    assert!(w.client.has_capability(&Capability::CompressDeflate));
    let switch = if compressed {
        w.client.compress().unwrap()
    } else {
        w.client.send(CommandBody::Noop).unwrap()
    };
    w.run();
    assert_eq!(w.client.compression_active(), compressed);
    assert_eq!(w.server.compression_active(), compressed);
    let mut bodies = vec![
        CommandBody::Select {
            mailbox: Mailbox::from("INBOX"),
            params: vec![],
        },
        parse_command(b"X FETCH 1:2 (UID BODY[] FLAGS)\r\n")
            .unwrap()
            .0
            .body,
    ];
    // APPEND with a synchronizing literal (no LITERAL+): the client waits
    // for the server's `+`, compressed.
    let mut append = b"X APPEND INBOX (\\Seen) {".to_vec();
    append.extend_from_slice(format!("{}}}\r\n", BODY.len()).as_bytes());
    append.extend_from_slice(BODY);
    append.extend_from_slice(b"\r\n");
    bodies.push(parse_command(&append).unwrap().0.body.into_owned());
    for b in bodies {
        w.client.send(b).unwrap();
        w.run();
    }
    w.client.idle().unwrap();
    w.run();
    w.client.done();
    w.run();
    w.client.send(CommandBody::Logout).unwrap();
    w.run();
    assert_eq!(w.client.state(), ConnectionState::Logout);
    assert_eq!(w.server.state(), ConnectionState::Logout);
    // The switch itself differs; the rest must not.
    let tag = format!("Tag(\"{}\")", switch.as_str());
    let log = w.log.into_iter().filter(|l| !l.contains(&tag)).collect();
    (log, w.sent)
}

#[test]
fn a_whole_session_compressed_in_any_cut_gives_the_plain_events() {
    let (plain, _) = session(false, Cut::Whole);
    for needle in [
        "Idle",
        "server DONE",
        "Append",
        "Exists(3)",
        "server literal 101",
        "Bye",
    ] {
        assert!(
            plain.iter().any(|l| l.contains(needle)),
            "{needle} in {plain:#?}"
        );
    }
    for cut in CUTS.into_iter().chain((100..120).map(Cut::Random)) {
        let (events, sent) = session(true, cut);
        assert_eq!(events, plain, "{cut:?}");
        assert!(sent[0] > 0 && sent[1] > 0);
    }
}

/// Raw deflate with a sync flush, by flate2 (a peer's compressor).
fn deflate(plain: &[u8]) -> Vec<u8> {
    let mut z = flate2::Compress::new(flate2::Compression::fast(), false);
    let mut out = Vec::with_capacity(plain.len() + 64);
    z.compress_vec(plain, &mut out, flate2::FlushCompress::Sync)
        .unwrap();
    out
}

#[test]
fn starttls_after_compress_is_refused_by_both_sides() {
    let mut client = Client::new(ClientConfig::default());
    client.handle_input(b"* OK [CAPABILITY IMAP4rev1 STARTTLS COMPRESS=DEFLATE] hi\r\n");
    client.poll_event();
    client.compress().unwrap();
    client.handle_input(b"A1 OK on\r\n");
    client.poll_event();
    assert!(client.compression_active());
    assert_eq!(
        client.send(CommandBody::StartTls),
        Err(SendError::CompressionActive("STARTTLS"))
    );
    // A client that sends it anyway gets BAD from the server, which goes
    // on compressing.
    let mut server = Server::new(ServerConfig::default());
    server.handle_input(b"A1 COMPRESS DEFLATE\r\n");
    assert!(matches!(
        server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    server
        .send(&tagged(&Tag::try_from("A1").unwrap(), State::Ok, "on"))
        .unwrap();
    server.handle_input(&deflate(b"A2 STARTTLS\r\nA3 NOOP\r\n"));
    match server.poll_event() {
        Some(Err(e @ ServerError::Compress(CompressError::Active { .. }))) => {
            assert!(!e.is_fatal());
            let bad = e.response().unwrap().to_bytes();
            assert_eq!(bad, b"A2 BAD STARTTLS is not allowed after COMPRESS\r\n");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        server.poll_event(),
        Some(Ok(ServerEvent::Command(_)))
    ));
    assert!(server.compression_active());
    // A broken stream from the server ends the client's connection.
    client.handle_input(b"\xff\xff\xff\xff");
    match client.poll_event() {
        Some(Err(e @ ClientError::Compress(CompressError::Inflate { .. }))) => {
            assert!(e.is_fatal())
        }
        other => panic!("{other:?}"),
    }
}
