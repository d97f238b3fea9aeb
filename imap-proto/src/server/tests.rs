use std::time::{Duration, Instant};

use super::*;
use crate::types::{Capability, Command, Mailbox, NonEmpty};

fn text(s: &str) -> Text<'_> {
    Text::try_from(s).unwrap()
}

fn tagged(tag: &str, state: State) -> Response<'_> {
    Response::Tagged(TaggedStatus {
        tag: Tag::try_from(tag).unwrap(),
        state,
        text: RespText::new(text("done")),
    })
}

/// Every event up to `None`, as owned debug strings (events borrow the server).
fn drain(s: &mut Server) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(e) = s.poll_event() {
        out.push(format!("{e:?}"));
    }
    out
}

fn take_output(s: &mut Server) -> Vec<u8> {
    let out = s.poll_transmit().unwrap_or_default().to_vec();
    s.consume_transmit(out.len());
    out
}

fn command(s: &mut Server) -> Command<'static> {
    match s.poll_event() {
        Some(Ok(ServerEvent::Command(c))) => c.into_owned(),
        other => panic!("expected a command, got {other:?}"),
    }
}

#[test]
fn state_follows_commands_and_completions() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a LOGIN joe pw\r\nb SELECT INBOX\r\n");
    let login = command(&mut s);
    assert!(s.allows(&login.body));
    let select = command(&mut s);
    assert_eq!(s.state(), ConnectionState::NotAuthenticated);
    assert!(!s.allows(&select.body), "SELECT before LOGIN completed");
    s.send(&tagged("a", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::Authenticated);
    s.send(&tagged("b", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::Selected);
    s.handle_input(b"c SELECT nosuch\r\n");
    command(&mut s);
    s.send(&tagged("c", State::No)).unwrap();
    assert_eq!(
        s.state(),
        ConnectionState::Authenticated,
        "a failed SELECT deselects"
    );
    s.handle_input(b"d EXAMINE INBOX\r\ne CLOSE\r\nf UNAUTHENTICATE\r\n");
    command(&mut s);
    s.send(&tagged("d", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::Selected);
    command(&mut s);
    s.send(&tagged("e", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::Authenticated);
    command(&mut s);
    s.send(&tagged("f", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::NotAuthenticated);
    s.handle_input(b"g LOGOUT\r\nh NOOP\r\n");
    command(&mut s);
    s.send(&tagged("g", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::Logout);
    assert!(s.poll_event().is_none(), "nothing is read after LOGOUT");
}

#[test]
fn preauth_greeting_and_bye() {
    let mut s = Server::new(ServerConfig::default());
    let greet = Response::Untagged(UntaggedStatus {
        condition: Condition::PreAuth,
        text: RespText::new(text("hi")),
    });
    s.send(&greet).unwrap();
    assert_eq!(s.state(), ConnectionState::Authenticated);
    assert_eq!(take_output(&mut s), b"* PREAUTH hi\r\n");
    let bye = Response::Untagged(UntaggedStatus {
        condition: Condition::Bye,
        text: RespText::new(text("bye")),
    });
    s.send(&bye).unwrap();
    assert_eq!(s.state(), ConnectionState::Logout);
}

#[test]
fn sync_literal_accepted() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 LOGIN {3}\r\n");
    match s.poll_event() {
        Some(Ok(ServerEvent::LiteralAnnounced {
            tag,
            length: 3,
            binary: false,
        })) => assert_eq!(tag.as_str(), "a1"),
        other => panic!("{other:?}"),
    }
    assert_eq!(s.poll_event(), None, "waits for the decision");
    s.accept_literal();
    assert_eq!(take_output(&mut s), b"+ Ready for literal data\r\n");
    s.handle_input(b"joe {2}\r\n");
    assert!(matches!(
        s.poll_event(),
        Some(Ok(ServerEvent::LiteralAnnounced { length: 2, .. }))
    ));
    s.accept_literal();
    s.handle_input(b"pw\r\n");
    match command(&mut s).body {
        CommandBody::Login { username, password } => {
            assert_eq!(username.as_bytes(), b"joe");
            assert_eq!(password.0.as_bytes(), b"pw");
        }
        b => panic!("{b:?}"),
    }
}

#[test]
fn sync_literal_rejected_then_next_command() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 APPEND INBOX {999999}\r\na2 NOOP\r\n");
    let tag = match s.poll_event() {
        Some(Ok(ServerEvent::LiteralAnnounced {
            tag,
            length: 999_999,
            ..
        })) => tag.into_owned(),
        other => panic!("{other:?}"),
    };
    s.reject_literal(
        tag,
        State::No,
        Some(ResponseCode::TooBig),
        text("Message too large"),
    );
    assert_eq!(take_output(&mut s), b"a1 NO [TOOBIG] Message too large\r\n");
    assert_eq!(command(&mut s).body, CommandBody::Noop);
}

#[test]
fn literal_minus_refuses_big_non_sync_literals() {
    let config = ServerConfig {
        literal_minus: true,
        ..ServerConfig::default()
    };
    let mut s = Server::new(config);
    let mut input = b"a1 APPEND INBOX {4097+}\r\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 4097));
    input.extend_from_slice(b"\r\na2 NOOP\r\n");
    s.handle_input(&input);
    let err = match s.poll_event() {
        Some(Err(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(err.tag().map(Tag::as_str), Some("a1"));
    assert!(!err.is_fatal());
    let answer = err.response().unwrap().to_bytes();
    assert_eq!(answer, b"a1 BAD [TOOBIG] Too large\r\n");
    assert_eq!(
        command(&mut s).body,
        CommandBody::Noop,
        "the octets were skipped by count"
    );
    // Exactly at the limit is fine.
    let mut ok = b"a3 APPEND INBOX {4096+}\r\n".to_vec();
    ok.extend(std::iter::repeat_n(b'x', 4096));
    ok.extend_from_slice(b"\r\n");
    s.handle_input(&ok);
    assert!(matches!(command(&mut s).body, CommandBody::Append { .. }));
}

#[test]
fn authenticate_exchange() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 AUTHENTICATE PLAIN\r\n");
    assert!(matches!(
        command(&mut s).body,
        CommandBody::Authenticate {
            initial_response: None,
            ..
        }
    ));
    s.send(&Response::Continue(ContinueRequest::base64(b"")))
        .unwrap();
    assert_eq!(take_output(&mut s), b"+ \r\n");
    s.handle_input(b"AGpvZQBwdw==\r\n");
    match s.poll_event() {
        Some(Ok(ServerEvent::AuthenticateData(d))) => assert_eq!(d.0, b"\0joe\0pw"),
        other => panic!("{other:?}"),
    }
    s.send(&tagged("a1", State::Ok)).unwrap();
    assert_eq!(s.state(), ConnectionState::Authenticated);
    s.handle_input(b"a2 NOOP\r\n");
    assert_eq!(command(&mut s).body, CommandBody::Noop, "back to commands");
}

#[test]
fn authenticate_cancel_and_garbage() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 AUTHENTICATE PLAIN\r\n*\r\n");
    command(&mut s);
    assert_eq!(s.poll_event(), Some(Ok(ServerEvent::AuthenticateCancelled)));
    s.send(&tagged("a1", State::Bad)).unwrap();
    assert_eq!(s.state(), ConnectionState::NotAuthenticated);
    s.handle_input(b"a2 AUTHENTICATE PLAIN\r\nnot base64!\r\n");
    command(&mut s);
    assert!(matches!(
        s.poll_event(),
        Some(Err(ServerError::BadAuthenticateData { offset: 3 }))
    ));
    // SASL-IR with the empty response "=" (RFC 4959).
    s.send(&tagged("a2", State::Bad)).unwrap();
    s.handle_input(b"a3 AUTHENTICATE EXTERNAL =\r\n");
    match command(&mut s).body {
        CommandBody::Authenticate {
            initial_response: Some(ir),
            ..
        } => assert!(ir.0.is_empty()),
        b => panic!("{b:?}"),
    }
}

#[test]
fn idle_and_done() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 IDLE\r\n");
    assert_eq!(command(&mut s).body, CommandBody::Idle);
    s.send(&Response::Continue(ContinueRequest::text(text("idling"))))
        .unwrap();
    s.handle_input(b"NOOP\r\ndone\r\n");
    assert_eq!(s.poll_event(), Some(Err(ServerError::ExpectedDone)));
    assert_eq!(s.poll_event(), Some(Ok(ServerEvent::IdleDone)));
    s.send(&tagged("a1", State::Ok)).unwrap();
    s.handle_input(b"a2 NOOP\r\n");
    assert_eq!(command(&mut s).body, CommandBody::Noop);
}

#[test]
fn starttls_injection_is_discarded_and_reported() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 STARTTLS\r\na2 LOGIN evil pw\r\n");
    assert_eq!(command(&mut s).body, CommandBody::StartTls);
    let e = match s.poll_event() {
        Some(Err(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        e,
        ServerError::InputBeforeSwitch {
            command: "STARTTLS",
            discarded: 18
        }
    );
    assert!(e.is_fatal());
    assert_eq!(s.poll_event(), None);
    // More plaintext before the switch: discarded too.
    s.handle_input(b"a3 NOOP\r\n");
    assert!(matches!(
        s.poll_event(),
        Some(Err(ServerError::InputBeforeSwitch { discarded: 9, .. }))
    ));
    s.send(&tagged("a1", State::Ok)).unwrap();
    s.transport_switched();
    s.handle_input(b"a4 NOOP\r\n");
    assert_eq!(command(&mut s).body, CommandBody::Noop);
}

#[test]
fn starttls_refused_goes_on() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 STARTTLS\r\n");
    command(&mut s);
    s.send(&tagged("a1", State::No)).unwrap();
    s.handle_input(b"a2 NOOP\r\n");
    assert_eq!(command(&mut s).body, CommandBody::Noop);
}

#[test]
fn malformed_then_good_input() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 STATUS {3+}\r\nx\r\n\r\na2 NOOP\r\n");
    let e = match s.poll_event() {
        Some(Err(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(e.tag().map(Tag::as_str), Some("a1"));
    assert_eq!(
        e.response().unwrap().to_bytes(),
        b"a1 BAD Malformed command\r\n"
    );
    assert_eq!(
        command(&mut s).body,
        CommandBody::Noop,
        "the literal's CRLF was not a command end"
    );
}

#[test]
fn autologout_after_inactivity() {
    assert!(ServerConfig::default()
        .with_autologout(Some(Duration::from_secs(29 * 60)))
        .is_err());
    let config = ServerConfig::default()
        .with_autologout(Some(Duration::from_secs(30 * 60)))
        .unwrap();
    let mut s = Server::new(config);
    let t0 = Instant::now();
    assert_eq!(s.poll_timeout(), None, "no time known yet");
    s.handle_timeout(t0);
    assert_eq!(s.poll_timeout(), Some(t0 + Duration::from_secs(1800)));
    // A command at 10 minutes restarts the timer at the next call.
    s.handle_input(b"a1 NOOP\r\n");
    command(&mut s);
    s.handle_timeout(t0 + Duration::from_secs(600));
    assert_eq!(s.poll_timeout(), Some(t0 + Duration::from_secs(2400)));
    s.handle_timeout(t0 + Duration::from_secs(2399));
    assert_eq!(s.state(), ConnectionState::NotAuthenticated);
    s.handle_timeout(t0 + Duration::from_secs(2400));
    assert_eq!(s.poll_event(), Some(Ok(ServerEvent::AutologoutExpired)));
    assert_eq!(s.state(), ConnectionState::Logout);
    assert_eq!(
        take_output(&mut s),
        b"* BYE Autologout; idle for too long\r\n"
    );
    assert_eq!(s.poll_timeout(), None);
    s.handle_timeout(t0 + Duration::from_secs(9999));
    assert_eq!(s.poll_transmit(), None, "handle_timeout is idempotent");
}

#[test]
fn output_queue_limit() {
    let config = ServerConfig {
        max_queued_output: 20,
        ..ServerConfig::default()
    };
    let mut s = Server::new(config);
    s.send(&tagged("a1", State::Ok)).unwrap();
    s.send(&tagged("a2", State::Ok)).unwrap();
    assert!(matches!(
        s.send(&tagged("a3", State::Ok)),
        Err(SendError::QueueFull { queued: 24 })
    ));
    s.consume_transmit(5);
    assert_eq!(s.poll_transmit().unwrap().len(), 19);
    s.send(&tagged("a3", State::Ok)).unwrap();
}

#[test]
fn line_limit_just_under_and_over() {
    let frame = FrameLimits {
        max_line: 20,
        ..FrameLimits::default()
    };
    let mut s = Server::new(ServerConfig {
        frame,
        ..ServerConfig::default()
    });
    s.handle_input(b"a1 SELECT 12345678\r\n");
    assert!(matches!(command(&mut s).body, CommandBody::Select { .. }));
    s.handle_input(b"a2 SELECT 123456789\r\na3 NOOP\r\n");
    let e = match s.poll_event() {
        Some(Err(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        e.response().unwrap().to_bytes(),
        b"a2 BAD [LIMIT] Line too long\r\n"
    );
    assert_eq!(command(&mut s).body, CommandBody::Noop);
}

#[test]
fn allowed_in_each_state() {
    let enable = CommandBody::Enable(NonEmpty::new(Capability::CondStore));
    assert!(!enable.allowed_in(ConnectionState::NotAuthenticated));
    assert!(enable.allowed_in(ConnectionState::Selected));
    let del = CommandBody::Delete(Mailbox::from("x"));
    assert!(del.allowed_in(ConnectionState::Authenticated));
    assert!(!CommandBody::Noop.allowed_in(ConnectionState::Logout));
}

#[test]
fn same_events_in_any_chunking() {
    let input: &[u8] = b"a1 LOGIN {3+}\r\njoe pw\r\na2 SELECT INBOX\r\na3 FROB\r\na4 APPEND x {2+}\r\nhi\r\na5 NOOP\r\n";
    let whole = {
        let mut s = Server::new(ServerConfig::default());
        s.handle_input(input);
        drain(&mut s)
    };
    assert_eq!(whole.len(), 5);
    for chunk in [1, 2, 5, 13] {
        let mut s = Server::new(ServerConfig::default());
        let mut got = Vec::new();
        for piece in input.chunks(chunk) {
            s.handle_input(piece);
            got.extend(drain(&mut s));
        }
        assert_eq!(got, whole, "chunk {chunk}");
    }
}

#[test]
fn malformed_commands_carry_their_bytes() {
    let mut s = Server::new(ServerConfig::default());
    // LOGIN with no password.
    s.handle_input(b"a1 LOGIN {3+}\r\nx\r\n\r\n(oops {2}\r\na2 NOOP\r\n");
    let e = s.poll_event().unwrap().unwrap_err();
    assert_eq!(e.tag().map(Tag::as_str), Some("a1"));
    assert_eq!(
        e.bytes(),
        Some(&b"a1 LOGIN {3+}\r\nx\r\n\r\n"[..]),
        "the whole message, literal included"
    );
    // A synchronizing literal with no tag: refused at once, the message up
    // to its header kept.
    let e = s.poll_event().unwrap().unwrap_err();
    assert!(matches!(&e, ServerError::Parse { .. }), "{e:?}");
    assert_eq!(e.bytes(), Some(&b"(oops {2}\r\n"[..]));
    assert_eq!(command(&mut s).body, CommandBody::Noop);
    assert_eq!(s.poll_event(), None);
}

#[test]
fn end_of_connection_reads_what_is_left() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 NOOP\r\na2 LOGIN joe {5}");
    s.handle_connection_closed();
    assert_eq!(command(&mut s).body, CommandBody::Noop, "read first");
    match s.poll_event() {
        Some(Err(e @ ServerError::Truncated(_))) => {
            assert_eq!(e.bytes(), Some(&b"a2 LOGIN joe {5}"[..]));
            assert_eq!(e.response(), None);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.poll_event(), None);
    assert_eq!(s.state(), ConnectionState::Logout);
    s.handle_input(b"a3 NOOP\r\n");
    s.handle_connection_closed();
    assert_eq!(s.poll_event(), None, "nothing is read after the end");
    // Nothing left: the state is Logout at once.
    let mut s = Server::new(ServerConfig::default());
    s.handle_connection_closed();
    assert_eq!(s.state(), ConnectionState::Logout);
    assert_eq!(s.poll_event(), None);
}

fn list_entwuerfe() -> Response<'static> {
    Response::Data(Data::Status {
        mailbox: Mailbox::from("Entwürfe"),
        items: vec![],
    })
}

#[test]
fn enable_utf8_accept_switches_encoding() {
    let utf8 = Capability::Utf8Accept;
    let mut s = Server::new(ServerConfig::default());
    s.send(&list_entwuerfe()).unwrap();
    assert!(take_output(&mut s).starts_with(b"* STATUS {9}\r\n"));
    // NO: no switch.
    s.handle_input(b"e1 ENABLE UTF8=ACCEPT\r\n");
    command(&mut s);
    s.send(&tagged("e1", State::No)).unwrap();
    assert!(!s.utf8());
    // OK without `* ENABLED UTF8=ACCEPT`: the server did not enable it.
    s.handle_input(b"e2 ENABLE UTF8=ACCEPT\r\n");
    command(&mut s);
    s.send(&Response::Data(Data::Enabled(vec![]))).unwrap();
    s.send(&tagged("e2", State::Ok)).unwrap();
    assert!(!s.utf8());
    // ENABLED listing it, then OK: quoted UTF-8 from then on.
    s.handle_input(b"e3 ENABLE CONDSTORE UTF8=ACCEPT\r\n");
    command(&mut s);
    s.send(&Response::Data(Data::Enabled(vec![utf8]))).unwrap();
    assert!(!s.utf8(), "not before the completion");
    s.send(&tagged("e3", State::Ok)).unwrap();
    assert!(s.utf8());
    take_output(&mut s);
    s.send(&list_entwuerfe()).unwrap();
    assert_eq!(
        take_output(&mut s),
        "* STATUS \"Entwürfe\" ()\r\n".as_bytes()
    );
}

#[test]
fn kept_bytes_stay_out_of_debug() {
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 LOGIN joe \"hunter2\" extra(\r\n");
    let e = s.poll_event().unwrap().unwrap_err();
    assert_eq!(e.bytes(), Some(&b"a1 LOGIN joe \"hunter2\" extra(\r\n"[..]));
    assert!(!format!("{e:?}").contains("hunter2"), "{e:?}");
    assert!(!e.to_string().contains("hunter2"));
    // Cut short inside AUTHENTICATE: SASL data, never reported.
    let mut s = Server::new(ServerConfig::default());
    s.handle_input(b"a1 AUTHENTICATE PLAIN\r\nAGpvZQBo");
    command(&mut s);
    s.handle_connection_closed();
    assert_eq!(s.poll_event(), None);
    assert_eq!(s.state(), ConnectionState::Logout);
}
