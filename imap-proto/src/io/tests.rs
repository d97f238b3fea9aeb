//! The drivers against each other over loopback TCP: a [`Handler`] served
//! by the server driver in a thread, the client driver in the test.

use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use super::*;
use crate::client::ClientConfig;
use crate::server::ServerConfig;
use crate::types::{
    AString, AppendData, AppendMessage, Atom, Data, Literal, Mailbox, NonEmpty, Secret,
};

/// A tiny mailbox service: LOGIN demo/demo, AUTHENTICATE PLAIN and LOGIN,
/// SELECT (3 messages), APPEND (literals over 100 octets refused), IDLE
/// (each tick pushes one EXISTS when `push` is on), STARTTLS (accepted;
/// the "TLS" is the identity), `XBYE` (BYE and close), LOGOUT.
struct Demo {
    push: bool,
    exists: u32,
    idling: bool,
    auth_step: u8,
}

fn text(s: &'static str) -> RespText<'static> {
    RespText::new(Text::try_from(s).unwrap())
}

impl Handler for Demo {
    fn command(&mut self, c: Command<'_>, out: &mut Responder<'_>) {
        let tag = c.tag.clone();
        let done = |out: &mut Responder<'_>, state, t: &str| out.complete(&tag, state, t).unwrap();
        match c.body {
            CommandBody::Login { username, password } => {
                let ok = username.as_bytes() == b"demo" && password.0.as_bytes() == b"demo";
                let state = if ok { State::Ok } else { State::No };
                done(out, state, "LOGIN");
            }
            CommandBody::Authenticate {
                mechanism,
                initial_response,
            } => {
                self.auth_step = 0;
                if mechanism.as_str().eq_ignore_ascii_case("LOGIN") {
                    self.auth_step = 1;
                    out.send(&Response::Continue(ContinueRequest::base64(b"Username:")))
                        .unwrap();
                } else {
                    assert!(initial_response.is_none(), "no SASL-IR advertised");
                    out.send(&Response::Continue(ContinueRequest::base64(b"")))
                        .unwrap();
                }
            }
            CommandBody::Select { .. } => {
                let exists = Response::Data(Data::Exists(self.exists));
                out.send(&exists).unwrap();
                done(out, State::Ok, "[READ-WRITE] SELECT");
            }
            CommandBody::Append { .. } => {
                self.exists += 1;
                out.send(&Response::Data(Data::Exists(self.exists)))
                    .unwrap();
                done(out, State::Ok, "APPEND");
            }
            CommandBody::Idle => {
                self.idling = true;
                let idling = ContinueRequest::text(Text::try_from("idling").unwrap());
                out.send(&Response::Continue(idling)).unwrap();
            }
            CommandBody::StartTls => done(out, State::Ok, "Begin TLS"),
            CommandBody::Compress(_) => done(out, State::Ok, "DEFLATE active"),
            CommandBody::Logout => {
                let bye = UntaggedStatus {
                    condition: Condition::Bye,
                    text: text("bye"),
                };
                out.send(&Response::Untagged(bye)).unwrap();
                done(out, State::Ok, "LOGOUT");
            }
            CommandBody::Other { name, .. } if name.as_str() == "XTBYE" => {
                done(out, State::Bye, "shutting down")
            }
            CommandBody::Other { .. } => {
                let bye = UntaggedStatus {
                    condition: Condition::Bye,
                    text: text("going away"),
                };
                out.send(&Response::Untagged(bye)).unwrap();
            }
            CommandBody::Noop => done(out, State::Ok, "NOOP"),
            _ => done(out, State::Bad, "not here"),
        }
    }

    fn literal(&mut self, _: &Tag<'_>, length: u64, _: bool) -> LiteralDecision {
        if length <= 100 {
            return LiteralDecision::Accept;
        }
        LiteralDecision::Refuse {
            state: State::No,
            code: Some(ResponseCode::TooBig),
            text: Text::try_from("too big").unwrap(),
        }
    }

    fn authenticate(&mut self, tag: &Tag<'_>, data: Option<&[u8]>, out: &mut Responder<'_>) {
        match (self.auth_step, data) {
            (_, None) => out.complete(tag, State::Bad, "cancelled").unwrap(),
            (0, Some(b"\0demo\0demo")) => out.complete(tag, State::Ok, "PLAIN").unwrap(),
            (1, Some(b"demo")) => {
                self.auth_step = 2;
                out.send(&Response::Continue(ContinueRequest::base64(b"Password:")))
                    .unwrap();
            }
            (2, Some(b"demo")) => out.complete(tag, State::Ok, "LOGIN").unwrap(),
            _ => out.complete(tag, State::No, "wrong").unwrap(),
        }
    }

    fn idle_done(&mut self, tag: &Tag<'_>, out: &mut Responder<'_>) {
        self.idling = false;
        out.complete(tag, State::Ok, "IDLE terminated").unwrap();
    }

    fn tick(&mut self, out: &mut Responder<'_>) {
        if self.idling && self.push {
            self.exists += 1;
            out.send(&Response::Data(Data::Exists(self.exists)))
                .unwrap();
        }
    }

    fn tick_every(&self) -> Option<Duration> {
        Some(Duration::from_millis(20))
    }
}

fn demo(push: bool) -> Demo {
    Demo {
        push,
        exists: 3,
        idling: false,
        auth_step: 0,
    }
}

fn greeting() -> Response<'static> {
    Response::Untagged(UntaggedStatus {
        condition: Condition::Ok,
        text: text("ready"),
    })
}

/// Serves one connection with the blocking server driver (STARTTLS:
/// switches and serves on); returns the address.
fn blocking_peer(push: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(20)))
            .unwrap();
        let mut server = Server::new(ServerConfig::default());
        server.send(&greeting()).unwrap();
        let mut handler = demo(push);
        match blocking::serve(&mut stream, &mut server, &mut handler) {
            Ok(ServeEnd::SwitchTransport {
                command: "STARTTLS",
            }) => {
                server.transport_switched();
                let _ = blocking::serve(&mut stream, &mut server, &mut handler);
            }
            Ok(ServeEnd::SwitchTransport {
                command: "COMPRESS",
            }) => {
                server.transport_switched();
                let mut z = deflated(stream, Vec::new()).unwrap();
                let _ = blocking::serve(&mut z, &mut server, &mut handler);
            }
            _ => {}
        }
    });
    addr
}

fn login() -> CommandBody<'static> {
    CommandBody::Login {
        username: AString::from("demo"),
        password: Secret(AString::from("demo")),
    }
}

fn select() -> CommandBody<'static> {
    CommandBody::Select {
        mailbox: Mailbox::from("INBOX"),
        params: Vec::new(),
    }
}

fn append(size: usize) -> CommandBody<'static> {
    let message = AppendMessage {
        flags: None,
        date: None,
        data: AppendData::Literal(Literal::new(vec![b'x'; size])),
    };
    CommandBody::Append {
        mailbox: Mailbox::from("INBOX"),
        messages: NonEmpty::new(message),
    }
}

fn connect(addr: &str) -> blocking::Connection<TcpStream> {
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(20)))
        .unwrap();
    blocking::Connection::connect(stream).unwrap()
}

fn exists(responses: &[Response<'_>]) -> Vec<u32> {
    responses
        .iter()
        .filter_map(|r| match r {
            Response::Data(Data::Exists(n)) => Some(*n),
            _ => None,
        })
        .collect()
}

#[test]
fn run_gives_untagged_and_completion_and_typed_no_bad() {
    let mut conn = connect(&blocking_peer(false));
    assert_eq!(conn.greeting().text.text.as_str(), "ready");
    let bad_login = CommandBody::Login {
        username: AString::from("demo"),
        password: Secret(AString::from("nope")),
    };
    match conn.run(bad_login) {
        Err(Error::No(c)) => assert_eq!((c.command, c.status.tag.as_str()), ("LOGIN", "A1")),
        other => panic!("{other:?}"),
    }
    conn.run(login()).unwrap();
    assert_eq!(
        conn.client().state(),
        crate::types::ConnectionState::Authenticated
    );
    let sel = conn.run(select()).unwrap();
    assert_eq!(exists(&sel.responses), [3]);
    assert_eq!(sel.completion.command, "SELECT");
    assert!(matches!(conn.run(CommandBody::Check), Err(Error::Bad(c)) if c.command == "CHECK"));
    // A literal the server accepts, then one it refuses: typed NO with
    // the [TOOBIG] code, and the connection goes on.
    assert_eq!(exists(&conn.run(append(10)).unwrap().responses), [4]);
    match conn.run(append(1000)) {
        Err(Error::No(c)) => assert_eq!(c.status.text.code, Some(ResponseCode::TooBig)),
        other => panic!("{other:?}"),
    }
    conn.run(CommandBody::Noop).unwrap();
    let out = conn.run(CommandBody::Logout).unwrap();
    assert!(matches!(&out.responses[..], [Response::Untagged(u)] if u.condition == Condition::Bye));
}

#[test]
fn run_all_pipelines_and_keeps_order() {
    let mut conn = connect(&blocking_peer(false));
    let results = conn
        .run_all([
            login(),
            CommandBody::Noop,
            select(),
            CommandBody::Check,
            CommandBody::Noop,
        ])
        .unwrap();
    let names: Vec<_> = results
        .iter()
        .map(|r| match r {
            Ok(o) => o.completion.command,
            Err(Error::Bad(c)) => c.command,
            Err(e) => panic!("{e}"),
        })
        .collect();
    assert_eq!(names, ["LOGIN", "NOOP", "SELECT", "CHECK", "NOOP"]);
    assert!(matches!(results[3], Err(Error::Bad(_))));
    assert_eq!(exists(&results[2].as_ref().unwrap().responses), [3]);
}

#[test]
fn idle_stops_when_the_callback_says_so() {
    let mut conn = connect(&blocking_peer(true));
    conn.run(login()).unwrap();
    conn.run(select()).unwrap();
    let mut seen = 0;
    let deadline = Instant::now() + Duration::from_secs(20);
    let out = conn
        .idle(Some(deadline), |r| {
            seen += 1;
            match r {
                Response::Data(Data::Exists(n)) if *n >= 5 => Flow::Stop,
                _ => Flow::Continue,
            }
        })
        .unwrap();
    assert!(
        Instant::now() < deadline,
        "stopped by the callback, not the deadline"
    );
    assert_eq!(out.completion.command, "IDLE");
    assert!(seen >= 2);
    assert_eq!(exists(&out.responses)[..2], [4, 5]);
    // The connection is usable afterwards.
    conn.run(CommandBody::Noop).unwrap();
}

#[test]
fn idle_ends_at_the_deadline() {
    let mut conn = connect(&blocking_peer(false));
    conn.run(login()).unwrap();
    conn.run(select()).unwrap();
    let start = Instant::now();
    let out = conn
        .idle(Some(start + Duration::from_millis(300)), |_| Flow::Continue)
        .unwrap();
    let took = start.elapsed();
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(10),
        "{took:?}"
    );
    assert!(out.responses.is_empty());
    conn.run(CommandBody::Noop).unwrap();
}

#[test]
fn authenticate_answers_each_challenge() {
    let mut conn = connect(&blocking_peer(false));
    // PLAIN without SASL-IR: the initial response answers the empty
    // challenge; the step callback is not asked.
    let plain = Atom::try_from("PLAIN").unwrap();
    let out = conn
        .authenticate(plain, Some(b"\0demo\0demo"), |_| panic!("asked"))
        .unwrap();
    assert_eq!(out.completion.command, "AUTHENTICATE");

    let mut conn = connect(&blocking_peer(false));
    let mut asked = Vec::new();
    let out = conn.authenticate(Atom::try_from("LOGIN").unwrap(), None, |c| {
        asked.push(c.to_vec());
        Some(b"demo".to_vec())
    });
    assert!(out.is_ok(), "{out:?}");
    assert_eq!(asked, [b"Username:".to_vec(), b"Password:".to_vec()]);

    // Cancelled by the callback: the server's BAD comes back typed.
    let mut conn = connect(&blocking_peer(false));
    let out = conn.authenticate(Atom::try_from("LOGIN").unwrap(), None, |_| None);
    assert!(matches!(out, Err(Error::Bad(_))), "{out:?}");
    conn.run(login()).unwrap();
}

#[test]
fn starttls_wraps_the_stream() {
    struct Wrapped(TcpStream, usize);
    impl std::io::Read for Wrapped {
        fn read(&mut self, b: &mut [u8]) -> std::io::Result<usize> {
            self.1 += 1;
            self.0.read(b)
        }
    }
    impl std::io::Write for Wrapped {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.write(b)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.0.flush()
        }
    }
    let conn = connect(&blocking_peer(false));
    let mut conn = conn.starttls(|s| Ok(Wrapped(s, 0))).unwrap();
    conn.run(login()).unwrap();
    let (stream, _) = conn.into_parts();
    assert!(stream.1 > 0, "reads went through the wrapper");
}

#[test]
fn eof_and_bye_are_typed() {
    let mut conn = connect(&blocking_peer(false));
    let x = CommandBody::Other {
        name: crate::types::OtherCommandName::new(Atom::try_from("XBYE").unwrap()).unwrap(),
        arguments: None,
    };
    match conn.run(x) {
        Err(Error::Bye(b)) => assert_eq!(b.text.text.as_str(), "going away"),
        other => panic!("{other:?}"),
    }

    // A tagged BYE (a quirk real servers have): its own typed error.
    let mut conn = connect(&blocking_peer(false));
    let x = CommandBody::Other {
        name: crate::types::OtherCommandName::new(Atom::try_from("XTBYE").unwrap()).unwrap(),
        arguments: None,
    };
    match conn.run(x) {
        Err(Error::TaggedBye(c)) => assert_eq!(c.status.text.text.as_str(), "shutting down"),
        other => panic!("{other:?}"),
    }

    // A peer that greets and hangs up.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        let (mut s, _) = listener.accept().unwrap();
        s.write_all(b"* OK hi\r\n").unwrap();
        let mut b = [0; 64];
        let _ = s.read(&mut b);
    });
    let mut conn = connect(&addr.to_string());
    assert!(matches!(conn.run(CommandBody::Noop), Err(Error::Eof)));
}

#[test]
fn tokio_drivers_run_the_same_flow() {
    let rt = ::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let listener = ::tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let server = ::tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let mut server = Server::new(ServerConfig::default());
            server.send(&greeting()).unwrap();
            let mut handler = demo(true);
            tokio::serve(&mut stream, &mut server, &mut handler)
                .await
                .unwrap()
        });
        let stream = ::tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut conn = tokio::Connection::connect(stream).await.unwrap();
        conn.run(login()).await.unwrap();
        let results = conn
            .run_all([select(), append(10), append(500)])
            .await
            .unwrap();
        assert_eq!(exists(&results[0].as_ref().unwrap().responses), [3]);
        assert!(results[1].is_ok());
        assert!(matches!(&results[2], Err(Error::No(c)) if c.command == "APPEND"));
        let out = conn
            .idle(
                Some(Instant::now() + Duration::from_secs(20)),
                |r| match r {
                    Response::Data(Data::Exists(6)) => Flow::Stop,
                    _ => Flow::Continue,
                },
            )
            .await
            .unwrap();
        assert_eq!(exists(&out.responses)[..2], [5, 6]);
        let start = Instant::now();
        let out = conn
            .idle(Some(start + Duration::from_millis(100)), |_| Flow::Continue)
            .await;
        assert!(out.is_ok() && start.elapsed() >= Duration::from_millis(100));
        conn.run(CommandBody::Logout).await.unwrap();
        assert_eq!(server.await.unwrap(), ServeEnd::Closed);
    });
}

#[test]
fn idle_is_reissued_by_the_refresh_timer() {
    let addr = blocking_peer(false);
    let stream = TcpStream::connect(&addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(20)))
        .unwrap();
    let config = ClientConfig::default()
        .with_idle_refresh(Duration::from_secs(1))
        .unwrap();
    let mut conn = blocking::Connection::with_client(stream, Client::new(config)).unwrap();
    conn.run(login()).unwrap(); // A1
    let out = conn.idle(Some(Instant::now() + Duration::from_millis(2500)), |_| {
        Flow::Continue
    });
    // A2 ran 1 s, then A3 (re-issued by the session) 1 s, then A4 until
    // the deadline: the outcome is the last IDLE's completion.
    assert_eq!(out.unwrap().completion.status.tag.as_str(), "A4");
    assert_eq!(
        conn.run(CommandBody::Noop)
            .unwrap()
            .completion
            .status
            .tag
            .as_str(),
        "A5"
    );
}

/// A stream read through raw inflate and written through raw deflate
/// (RFC 4978), each flush a sync flush.
struct Split<R, W>(R, W);

impl<R: std::io::Read, W> std::io::Read for Split<R, W> {
    fn read(&mut self, b: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(b)
    }
}

impl<R, W: std::io::Write> std::io::Write for Split<R, W> {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.1.write(b)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.1.flush()
    }
}

type Deflated = Split<
    flate2::read::DeflateDecoder<std::io::Chain<std::io::Cursor<Vec<u8>>, TcpStream>>,
    flate2::write::DeflateEncoder<TcpStream>,
>;

fn deflated(s: TcpStream, leftover: Vec<u8>) -> std::io::Result<Deflated> {
    let read = std::io::Read::chain(std::io::Cursor::new(leftover), s.try_clone()?);
    Ok(Split(
        flate2::read::DeflateDecoder::new(read),
        flate2::write::DeflateEncoder::new(s, flate2::Compression::fast()),
    ))
}

#[test]
fn compress_wraps_the_stream_both_ways() {
    let conn = connect(&blocking_peer(true));
    let mut conn = conn.compress(deflated).unwrap();
    conn.run(login()).unwrap();
    assert_eq!(exists(&conn.run(select()).unwrap().responses), [3]);
    assert_eq!(exists(&conn.run(append(50)).unwrap().responses), [4]);
    let until = Some(Instant::now() + Duration::from_secs(20));
    let out = conn.idle(until, |r| {
        Flow::stop_if(matches!(r, Response::Data(Data::Exists(5))))
    });
    assert_eq!(exists(&out.unwrap().responses)[..1], [5]);
    conn.run(CommandBody::Logout).unwrap();
}
