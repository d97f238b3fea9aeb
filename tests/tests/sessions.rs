//! A `Client` and a `Server` talking to each other in memory, with virtual
//! time, through every flow of issue 4: synchronizing and
//! non-synchronizing literals accepted and rejected, AUTHENTICATE with and
//! without an initial response, IDLE, STARTTLS injection on both sides,
//! pipelined commands completed out of order, autologout, and malformed
//! input followed by good input; and from issue 11: literals built by
//! `Literal::new` sent `{N+}` under LITERAL+ / LITERAL- by the session
//! itself, a BYE ending every command in flight, the end of the
//! connection on both sides.

use std::time::{Duration, Instant};

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::server::{Server, ServerConfig, ServerEvent};
use imap_proto::types::*;

fn text(s: &str) -> Text<'static> {
    Text::new(s.to_owned()).unwrap()
}

fn ok(tag: Tag<'_>, s: &str) -> Response<'static> {
    Response::Tagged(TaggedStatus {
        tag: tag.into_owned(),
        state: State::Ok,
        text: RespText::new(text(s)),
    })
}

/// The server application of these tests: answers every command OK,
/// refuses literals over 100 bytes, runs AUTHENTICATE and IDLE.
struct Pair {
    client: Client,
    server: Server,
    now: Instant,
    /// What the server saw, and what the client saw, as debug strings.
    server_log: Vec<String>,
    client_log: Vec<String>,
    /// Answers the server holds back, sent in reverse order on `release`.
    held: Vec<Response<'static>>,
    hold: bool,
}

impl Pair {
    fn new(server: ServerConfig, caps: &str) -> Pair {
        let mut p = Pair {
            client: Client::new(ClientConfig::default()),
            server: Server::new(server),
            now: Instant::now(),
            server_log: Vec::new(),
            client_log: Vec::new(),
            held: Vec::new(),
            hold: false,
        };
        let greeting = format!("* OK [CAPABILITY {caps}] ready\r\n");
        let (g, _) = imap_proto::parse_response(greeting.as_bytes()).unwrap();
        p.server.send(&g).unwrap();
        p.server.handle_timeout(p.now);
        p.flush();
        p
    }

    fn login(&mut self) {
        let body = CommandBody::Login {
            username: AString::from("joe"),
            password: Secret(AString::from("pw")),
        };
        self.client.send(body).unwrap();
        self.flush();
        assert_eq!(self.client.state(), ConnectionState::Authenticated);
    }

    /// The server application: one event.
    fn serve(
        &mut self,
        e: Result<ServerEvent<'_>, imap_proto::server::ServerError>,
    ) -> Vec<Response<'static>> {
        self.server_log.push(format!("{e:?}"));
        match e {
            Ok(ServerEvent::Command(c)) => match c.body {
                CommandBody::Authenticate {
                    initial_response: None,
                    ..
                } => {
                    vec![Response::Continue(ContinueRequest::base64(b""))]
                }
                CommandBody::Idle => vec![
                    Response::Continue(ContinueRequest::text(text("idling"))),
                    Response::Data(Data::Exists(7)),
                ],
                _ => vec![ok(c.tag, "done")],
            },
            Ok(ServerEvent::AuthenticateData(_)) => {
                vec![ok(Tag::try_from("A1").unwrap(), "welcome")]
            }
            Ok(ServerEvent::IdleDone) => vec![ok(self.idle_tag(), "idle done")],
            Err(e) => e.response().into_iter().collect(),
            _ => vec![],
        }
    }

    fn idle_tag(&self) -> Tag<'static> {
        // The tag of the last IDLE command the server saw.
        let line = self
            .server_log
            .iter()
            .rev()
            .find(|l| l.contains("body: Idle"))
            .unwrap();
        let t = line
            .split("Tag(\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        Tag::new(t.to_owned()).unwrap()
    }

    /// Moves bytes both ways until both sides are quiet.
    fn flush(&mut self) {
        for _ in 0..100 {
            let mut moved = false;
            if let Some(b) = self.client.poll_transmit().map(<[u8]>::to_vec) {
                self.client.consume_transmit(b.len());
                self.server.handle_input(&b);
                moved = true;
            }
            loop {
                let answers = match self.server.poll_event() {
                    None => break,
                    Some(Ok(ServerEvent::LiteralAnnounced { tag, length, .. })) => {
                        let tag = tag.into_owned();
                        self.server_log.push(format!("literal {length}"));
                        if length > 100 {
                            self.server.reject_literal(
                                tag,
                                State::No,
                                Some(ResponseCode::TooBig),
                                text("too big"),
                            );
                        } else {
                            self.server.accept_literal();
                        }
                        continue;
                    }
                    // Owned, so that the application may use the server.
                    Some(e) => {
                        let e = owned_event(e);
                        self.serve(e)
                    }
                };
                for a in answers {
                    if self.hold && matches!(a, Response::Tagged(_)) {
                        self.held.push(a);
                    } else {
                        self.server.send(&a).unwrap();
                    }
                }
            }
            if let Some(b) = self.server.poll_transmit().map(<[u8]>::to_vec) {
                self.server.consume_transmit(b.len());
                self.client.handle_input(&b);
                moved = true;
            }
            while let Some(e) = self.client.poll_event() {
                self.client_log.push(format!("{e:?}"));
            }
            if !moved {
                return;
            }
        }
        panic!("the pair never went quiet");
    }

    fn release_reversed(&mut self) {
        self.hold = false;
        while let Some(a) = self.held.pop() {
            self.server.send(&a).unwrap();
        }
        self.flush();
    }

    fn completions(&self) -> Vec<&String> {
        self.client_log
            .iter()
            .filter(|l| l.contains("Completed"))
            .collect()
    }
}

/// Events of the server borrow it; the application keeps owned ones.
fn owned_event(
    e: Result<ServerEvent<'_>, imap_proto::server::ServerError>,
) -> Result<ServerEvent<'static>, imap_proto::server::ServerError> {
    e.map(|ev| match ev {
        ServerEvent::Command(c) => ServerEvent::Command(c.into_owned()),
        ServerEvent::LiteralAnnounced {
            tag,
            length,
            binary,
        } => ServerEvent::LiteralAnnounced {
            tag: tag.into_owned(),
            length,
            binary,
        },
        ServerEvent::AuthenticateData(d) => ServerEvent::AuthenticateData(d),
        ServerEvent::AuthenticateCancelled => ServerEvent::AuthenticateCancelled,
        ServerEvent::IdleDone => ServerEvent::IdleDone,
        ServerEvent::AutologoutExpired => ServerEvent::AutologoutExpired,
        other => panic!("unknown event {other:?}"),
    })
}

fn append(data: Vec<u8>, mode: LiteralMode) -> CommandBody<'static> {
    CommandBody::Append {
        mailbox: Mailbox::from("Drafts"),
        messages: NonEmpty::new(AppendMessage {
            flags: Some(vec![Flag::Draft]),
            date: None,
            data: AppendData::Literal(Literal {
                data: data.into(),
                mode,
                binary: false,
            }),
        }),
    }
}

#[test]
fn synchronizing_literals_accepted_and_rejected() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1");
    let body = CommandBody::Login {
        username: AString::from("joe"),
        password: Secret(AString::from("p w\r\nx")),
    };
    p.client.send(body).unwrap();
    p.flush();
    assert!(p.server_log.contains(&"literal 6".to_owned()));
    assert_eq!(p.client.state(), ConnectionState::Authenticated);
    // Over the application's limit: refused before the octets are sent.
    p.client
        .send(append(vec![b'x'; 200], LiteralMode::Sync))
        .unwrap();
    p.client.send(CommandBody::Noop).unwrap();
    p.flush();
    let c = p.completions();
    assert!(c[1].contains("APPEND") && c[1].contains("TooBig"), "{c:?}");
    assert!(c[2].contains("NOOP") && c[2].contains("Ok"), "{c:?}");
    assert!(
        !p.server_log.iter().any(|l| l.contains("Append")),
        "the server never saw the APPEND"
    );
}

#[test]
fn non_synchronizing_literals_with_literal_plus_and_minus() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1 LITERAL+");
    p.login();
    p.client
        .send(append(
            b"Subject: x\r\n\r\nhi\r\n".to_vec(),
            LiteralMode::NonSync,
        ))
        .unwrap();
    p.flush();
    assert!(
        !p.server_log.iter().any(|l| l.starts_with("literal")),
        "{:?}",
        p.server_log
    );
    assert!(p.completions().last().unwrap().contains("APPEND"));

    // LITERAL-: the client sends a literal over 4096 octets synchronizing,
    // even one its value marks {N+}, so the server may refuse it before
    // the octets travel.
    let mut config = ServerConfig::default();
    config.literal_minus = true;
    let mut p = Pair::new(config, "IMAP4rev1 LITERAL-");
    p.login();
    p.client
        .send(append(vec![b'y'; 5000], LiteralMode::NonSync))
        .unwrap();
    p.client.send(CommandBody::Noop).unwrap();
    p.flush();
    assert!(
        p.server_log.contains(&"literal 5000".to_owned()),
        "{:?}",
        p.server_log
    );
    let c = p.completions();
    assert!(
        c[1].contains("APPEND") && c[1].contains("TooBig") && c[1].contains("No"),
        "{c:?}"
    );
    assert!(c[2].contains("NOOP") && c[2].contains("Ok"));
    // A client that breaks the rule anyway: the server refuses the
    // non-synchronizing literal, skips its octets, and stays in step.
    let mut raw = b"x1 APPEND Drafts {5000+}\r\n".to_vec();
    raw.extend(std::iter::repeat_n(b'z', 5000));
    raw.extend_from_slice(b"\r\n");
    p.server.handle_input(&raw);
    p.flush();
    assert!(p
        .client_log
        .iter()
        .any(|l| l.contains("x1") && l.contains("TooBig") && l.contains("Bad")));
    // Strings the encoder chooses use LITERAL- up to 4096 octets.
    let announced = |p: &Pair| {
        p.server_log
            .iter()
            .filter(|l| l.starts_with("literal"))
            .count()
    };
    let before = announced(&p);
    let body = CommandBody::Create {
        mailbox: Mailbox::new(vec![b'\n'; 10]),
        params: vec![],
    };
    p.client.send(body).unwrap();
    p.flush();
    assert_eq!(announced(&p), before);
    assert!(p.completions().last().unwrap().contains("CREATE"));
}

#[test]
fn authenticate_with_and_without_initial_response() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1 SASL-IR AUTH=PLAIN");
    p.client
        .authenticate(Atom::try_from("PLAIN").unwrap(), Some(b"\0joe\0pw"))
        .unwrap();
    p.flush();
    assert_eq!(p.client.state(), ConnectionState::Authenticated);
    assert_eq!(p.server.state(), ConnectionState::Authenticated);

    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1 AUTH=PLAIN");
    p.client
        .authenticate(Atom::try_from("PLAIN").unwrap(), Some(b"\0joe\0pw"))
        .unwrap();
    p.flush();
    assert!(
        p.server_log.iter().any(|l| l.contains("AuthenticateData")),
        "{:?}",
        p.server_log
    );
    assert_eq!(p.client.state(), ConnectionState::Authenticated);
    assert_eq!(p.server.state(), ConnectionState::Authenticated);
}

#[test]
fn idle_push_done_and_refresh() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1 IDLE");
    p.login();
    p.client.idle().unwrap();
    p.flush();
    assert!(
        p.client_log.iter().any(|l| l.contains("Exists(7)")),
        "the server's push arrived"
    );
    p.client.done();
    p.flush();
    assert!(p.server_log.iter().any(|l| l.contains("IdleDone")));
    assert!(p.completions().last().unwrap().contains("IDLE"));
    // Refresh: jump virtual time to the client's deadline.
    p.client.idle().unwrap();
    p.flush();
    p.client.handle_timeout(p.now);
    let deadline = p.client.poll_timeout().unwrap();
    assert!(deadline - p.now < Duration::from_secs(29 * 60));
    p.client.handle_timeout(deadline);
    p.flush();
    let idles = p
        .server_log
        .iter()
        .filter(|l| l.contains("body: Idle"))
        .count();
    assert_eq!(idles, 3, "DONE then a new IDLE: {:?}", p.server_log);
}

#[test]
fn pipelined_commands_completed_out_of_order() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1");
    p.login();
    p.hold = true;
    let t1 = p
        .client
        .send(CommandBody::Status {
            mailbox: Mailbox::from("INBOX"),
            items: NonEmpty::new(StatusAttribute::Messages),
        })
        .unwrap();
    let t2 = p.client.send(CommandBody::Namespace).unwrap();
    let t3 = p
        .client
        .send(CommandBody::GetAcl(Mailbox::from("INBOX")))
        .unwrap();
    p.flush();
    assert_eq!(
        p.client.in_flight().count(),
        3,
        "all three went out at once"
    );
    p.release_reversed();
    let c = p.completions();
    let order: Vec<bool> = [&t3, &t2, &t1]
        .iter()
        .zip(&c[1..])
        .map(|(t, l)| l.contains(t.as_str()))
        .collect();
    assert_eq!(order, vec![true, true, true], "{c:?}");
    assert!(c[1].contains("GETACL") && c[2].contains("NAMESPACE") && c[3].contains("STATUS"));
}

#[test]
fn starttls_injection_refused_on_both_sides() {
    // Server side: a command pipelined behind STARTTLS.
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a STARTTLS\r\nb LOGIN joe pw\r\n");
    assert!(matches!(s.poll_event(), Some(Ok(ServerEvent::Command(_)))));
    let e = s.poll_event().unwrap().unwrap_err();
    assert!(e.is_fatal());
    assert_eq!(
        e.response().unwrap().to_bytes(),
        b"* BYE Command injection attempt\r\n"
    );
    // Client side: a response pipelined behind the STARTTLS OK.
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(b"* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n");
    c.poll_event();
    c.send(CommandBody::StartTls).unwrap();
    c.handle_input(b"A1 OK go\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n");
    assert!(matches!(
        c.poll_event(),
        Some(Ok(ClientEvent::Completed { .. }))
    ));
    let e = c.poll_event().unwrap().unwrap_err();
    assert!(e.is_fatal());
    assert!(!c.has_capability(&Capability::Auth(Atom::try_from("PLAIN").unwrap())));
}

#[test]
fn autologout_with_virtual_time() {
    let config = ServerConfig::default()
        .with_autologout(Some(Duration::from_secs(31 * 60)))
        .unwrap();
    let mut p = Pair::new(config, "IMAP4rev1");
    p.login();
    p.server.handle_timeout(p.now + Duration::from_secs(60));
    let deadline = p.server.poll_timeout().unwrap();
    assert_eq!(deadline, p.now + Duration::from_secs(60 + 31 * 60));
    p.server.handle_timeout(deadline - Duration::from_secs(1));
    p.flush();
    assert_eq!(p.client.state(), ConnectionState::Authenticated);
    p.server.handle_timeout(deadline);
    p.flush();
    assert!(p.server_log.iter().any(|l| l.contains("AutologoutExpired")));
    assert_eq!(p.client.state(), ConnectionState::Logout);
    assert!(p.client_log.last().unwrap().contains("Bye"));
}

#[test]
fn malformed_input_then_good_input() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1");
    p.login();
    p.server.handle_input(b"x1 STATUS {3+}\r\nabc\r\n");
    p.flush();
    assert!(p
        .server_log
        .iter()
        .any(|l| l.contains("Parse { error: Invalid")));
    assert!(
        p.client_log
            .iter()
            .any(|l| l.contains("UnknownTag") && l.contains("x1")),
        "the BAD reached the client"
    );
    p.client.send(CommandBody::Noop).unwrap();
    p.flush();
    assert!(p.completions().last().unwrap().contains("NOOP"));
}

/// An APPEND whose literal is built by `Literal::new`: the session picks
/// its mode.
fn append_new(data: Vec<u8>) -> CommandBody<'static> {
    CommandBody::Append {
        mailbox: Mailbox::from("Drafts"),
        messages: NonEmpty::new(AppendMessage {
            flags: None,
            date: None,
            data: AppendData::Literal(Literal::new(data)),
        }),
    }
}

#[test]
fn literal_new_uses_literal_plus_and_minus_by_itself() {
    // LITERAL+: no continuation round trip, whatever the size.
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1 LITERAL+");
    p.login();
    p.client.send(append_new(vec![b'a'; 300])).unwrap();
    p.flush();
    assert!(
        !p.server_log.iter().any(|l| l.starts_with("literal")),
        "{:?}",
        p.server_log
    );
    assert!(p.completions().last().unwrap().contains("APPEND"));
    // LITERAL-: {N+} up to 4096 octets, {N} (announced, refused here over
    // 100 octets) above.
    let mut config = ServerConfig::default();
    config.literal_minus = true;
    let mut p = Pair::new(config, "IMAP4rev1 LITERAL-");
    p.login();
    p.client.send(append_new(vec![b'b'; 4096])).unwrap();
    p.client.send(append_new(vec![b'c'; 4097])).unwrap();
    p.flush();
    assert_eq!(
        p.server_log
            .iter()
            .filter(|l| l.starts_with("literal"))
            .collect::<Vec<_>>(),
        ["literal 4097"]
    );
    let c = p.completions();
    assert!(c[1].contains("APPEND") && c[1].contains("Ok"), "{c:?}");
    assert!(c[2].contains("APPEND") && c[2].contains("TooBig"), "{c:?}");
    // Neither: every literal is announced and waits for the `+`.
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1");
    p.login();
    p.client.send(append_new(vec![b'd'; 10])).unwrap();
    p.flush();
    assert!(p.server_log.contains(&"literal 10".to_owned()));
    assert!(p.completions().last().unwrap().contains("Ok"));
}

#[test]
fn server_bye_ends_the_clients_commands() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1");
    p.login();
    p.hold = true;
    for _ in 0..3 {
        p.client.send(CommandBody::Noop).unwrap();
    }
    p.flush();
    assert_eq!(p.client.in_flight().count(), 3);
    let bye = Response::Untagged(UntaggedStatus {
        condition: Condition::Bye,
        text: RespText::new(text("shutting down")),
    });
    p.server.send(&bye).unwrap();
    p.flush();
    let aborted: Vec<&String> = p
        .client_log
        .iter()
        .filter(|l| l.contains("Aborted") && l.contains("cause: Bye"))
        .collect();
    assert_eq!(aborted.len(), 3, "{:?}", p.client_log);
    assert_eq!(p.client.in_flight().count(), 0);
    assert_eq!(p.server.state(), ConnectionState::Logout);
    assert_eq!(p.client.state(), ConnectionState::Logout);
}

#[test]
fn end_of_connection_on_both_sides() {
    let mut p = Pair::new(ServerConfig::default(), "IMAP4rev1");
    p.login();
    p.hold = true;
    p.client.send(CommandBody::Noop).unwrap();
    p.flush();
    // The client's half-sent command, then the connection drops.
    p.server.handle_input(b"A9 LOGIN joe {5}");
    p.server.handle_connection_closed();
    let e = p.server.poll_event().unwrap().unwrap_err();
    assert_eq!(e.bytes(), Some(&b"A9 LOGIN joe {5}"[..]));
    assert_eq!(p.server.state(), ConnectionState::Logout);
    p.client.handle_connection_closed();
    match p.client.poll_event() {
        Some(Ok(ClientEvent::Aborted { command, sent, .. })) => {
            assert_eq!((command, sent), ("NOOP", true))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(p.client.poll_event(), None);
    assert_eq!(p.client.in_flight().count(), 0);
}
