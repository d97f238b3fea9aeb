use std::time::{Duration, Instant};

use super::*;
use crate::types::{AString, Flag, Literal, Mailbox, SequenceSet};

fn out(c: &mut Client) -> Vec<u8> {
    let b = c.poll_transmit().unwrap_or_default().to_vec();
    c.consume_transmit(b.len());
    b
}

fn greeted(greeting: &[u8]) -> Client {
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(greeting);
    assert!(matches!(c.poll_event(), Some(Ok(ClientEvent::Greeting(_)))));
    c
}

fn event(c: &mut Client) -> String {
    format!("{:?}", c.poll_event())
}

fn login(user: &'static str, pass: &'static [u8]) -> CommandBody<'static> {
    CommandBody::Login {
        username: AString::from(user),
        password: Secret(AString::from(pass)),
    }
}

#[test]
fn sync_literal_waits_for_continuation() {
    let mut c = greeted(b"* OK hi\r\n");
    c.send(login("joe", b"p\r\nw")).unwrap();
    assert_eq!(out(&mut c), b"A1 LOGIN joe {4}\r\n");
    c.send(CommandBody::Noop).unwrap();
    assert_eq!(out(&mut c), b"", "nothing may follow before the +");
    c.handle_input(b"+ go ahead\r\n");
    assert_eq!(c.poll_event(), None, "the literal's + is not an event");
    assert_eq!(out(&mut c), b"p\r\nw\r\n");
    c.handle_input(b"A1 OK in\r\n");
    assert!(event(&mut c).contains("LOGIN"));
    assert_eq!(c.state(), ConnectionState::Authenticated);
    assert_eq!(out(&mut c), b"A2 NOOP\r\n");
}

#[test]
fn rejected_literal_drops_the_rest() {
    let mut c = greeted(b"* OK hi\r\n");
    c.send(login("joe", b"p\r\nw")).unwrap();
    out(&mut c);
    c.handle_input(b"A1 NO [TOOBIG] no\r\n");
    assert!(event(&mut c).contains("TooBig"));
    c.send(CommandBody::Noop).unwrap();
    assert_eq!(out(&mut c), b"A2 NOOP\r\n", "the literal was never sent");
}

#[test]
fn literal_plus_and_minus_from_capabilities() {
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 LITERAL+] hi\r\n");
    c.send(login("joe", b"p\r\nw")).unwrap();
    assert_eq!(out(&mut c), b"A1 LOGIN joe {4+}\r\np\r\nw\r\n");
    let mut c = greeted(b"* OK hi\r\n");
    c.handle_input(b"* CAPABILITY IMAP4rev2 LITERAL-\r\n");
    c.poll_event();
    let msg = Literal::new(vec![b'x'; 5000]);
    let append = |l: Literal<'static>| CommandBody::Append {
        mailbox: Mailbox::from("INBOX"),
        messages: crate::types::NonEmpty::new(crate::types::AppendMessage {
            flags: None,
            date: None,
            data: crate::types::AppendData::Literal(l),
        }),
    };
    // Strings picked by the encoder, and literals built by Literal::new,
    // use LITERAL- up to 4096 octets.
    c.send(login("joe", b"\n\n")).unwrap();
    assert_eq!(out(&mut c), b"A1 LOGIN joe {2+}\r\n\n\n\r\n");
    c.handle_input(b"A1 OK\r\n");
    c.poll_event();
    c.send(append(msg)).unwrap();
    assert!(out(&mut c).ends_with(b"{5000}\r\n"));
    c.handle_input(b"+ go\r\n");
    c.poll_event();
    out(&mut c);
    c.handle_input(b"A2 OK\r\n");
    c.poll_event();
    // A value marked {N+} is not sent so to a server without LITERAL+ (and
    // over LITERAL-'s 4096 octets).
    let big = Literal {
        data: vec![b'y'; 5000].into(),
        mode: LiteralMode::NonSync,
        binary: false,
    };
    c.send(append(big)).unwrap();
    assert!(out(&mut c).ends_with(b"{5000}\r\n"));
}

#[test]
fn pipelining_rules() {
    let mut c = greeted(b"* PREAUTH hi\r\n");
    let s = c
        .send(CommandBody::Select {
            mailbox: Mailbox::from("INBOX"),
            params: vec![],
        })
        .unwrap();
    c.send(CommandBody::Noop).unwrap();
    assert_eq!(out(&mut c), b"A1 SELECT INBOX\r\n", "nothing beside SELECT");
    c.handle_input(format!("{} OK [READ-WRITE] done\r\n", s.as_str()).as_bytes());
    c.poll_event();
    assert_eq!(c.state(), ConnectionState::Selected);
    assert_eq!(out(&mut c), b"A2 NOOP\r\n");
    // NOOP may expunge: a sequence-number STORE waits for it.
    let store = CommandBody::Store {
        uid: false,
        set: SequenceSet::single(std::num::NonZeroU32::MIN),
        modifiers: vec![],
        action: crate::types::StoreAction::Add,
        silent: false,
        flags: vec![Flag::Seen],
    };
    c.send(store.clone()).unwrap();
    assert_eq!(out(&mut c), b"");
    c.handle_input(b"A2 OK\r\n");
    c.poll_event();
    assert_eq!(out(&mut c), b"A3 STORE 1 +FLAGS (\\Seen)\r\n");
    // STORE does not expunge: another STORE and a UID command go beside it.
    c.send(store).unwrap();
    c.send(CommandBody::UidExpunge(SequenceSet::single(
        std::num::NonZeroU32::MIN,
    )))
    .unwrap();
    assert_eq!(
        out(&mut c),
        b"A4 STORE 1 +FLAGS (\\Seen)\r\nA5 UID EXPUNGE 1\r\n"
    );
    // Completions out of order are matched by tag.
    c.handle_input(b"A5 OK expunged\r\nA3 OK stored\r\nA4 NO nope\r\n");
    let names: Vec<String> = (0..3).map(|_| event(&mut c)).collect();
    assert!(
        names[0].contains("UID EXPUNGE")
            && names[1].contains("\"STORE\"")
            && names[2].contains("No")
    );
    assert_eq!(c.in_flight().count(), 0);
}

#[test]
fn unknown_tag_is_an_error_not_dropped() {
    let mut c = greeted(b"* OK hi\r\n");
    c.handle_input(b"Z9 OK what\r\n");
    assert!(
        matches!(c.poll_event(), Some(Err(ClientError::UnknownTag(t))) if t.tag.as_str() == "Z9")
    );
}

#[test]
fn authenticate_with_and_without_sasl_ir() {
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi\r\n");
    c.authenticate(Atom::try_from("PLAIN").unwrap(), Some(b"\0joe\0pw"))
        .unwrap();
    assert_eq!(out(&mut c), b"A1 AUTHENTICATE PLAIN AGpvZQBwdw==\r\n");
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n");
    c.authenticate(Atom::try_from("PLAIN").unwrap(), Some(b"\0joe\0pw"))
        .unwrap();
    assert_eq!(out(&mut c), b"A1 AUTHENTICATE PLAIN\r\n");
    c.handle_input(b"+ \r\n");
    assert!(matches!(c.poll_event(), Some(Ok(ClientEvent::Continue(_)))));
    assert_eq!(
        out(&mut c),
        b"AGpvZQBwdw==\r\n",
        "initial response answers the empty challenge"
    );
    c.handle_input(b"+ UmVhbGx5Pw==\r\n");
    match c.poll_event() {
        Some(Ok(ClientEvent::Continue(k))) => assert_eq!(k.decode_base64().unwrap(), b"Really?"),
        other => panic!("{other:?}"),
    }
    c.authenticate_cancel();
    assert_eq!(out(&mut c), b"*\r\n");
    c.handle_input(b"A1 BAD cancelled\r\n");
    c.poll_event();
    assert_eq!(c.state(), ConnectionState::NotAuthenticated);
}

#[test]
fn idle_done_and_refresh() {
    let mut c = greeted(b"* PREAUTH hi\r\n");
    let t0 = Instant::now();
    c.idle().unwrap();
    assert_eq!(out(&mut c), b"A1 IDLE\r\n");
    c.done();
    c.handle_input(b"+ idling\r\n");
    assert!(matches!(c.poll_event(), Some(Ok(ClientEvent::Continue(_)))));
    assert_eq!(out(&mut c), b"DONE\r\n", "done() before the + waits for it");
    c.handle_input(b"A1 OK idle over\r\n");
    c.poll_event();
    // Refresh: DONE and a new IDLE before 29 minutes.
    c.idle().unwrap();
    out(&mut c);
    c.handle_input(b"+ idling\r\n* 3 EXISTS\r\n");
    c.poll_event();
    assert!(event(&mut c).contains("Exists(3)"));
    assert_eq!(c.poll_timeout(), None, "no time seen yet");
    c.handle_timeout(t0);
    assert_eq!(c.poll_timeout(), Some(t0 + Duration::from_secs(28 * 60)));
    c.handle_timeout(t0 + Duration::from_secs(28 * 60 - 1));
    assert_eq!(out(&mut c), b"");
    c.handle_timeout(t0 + Duration::from_secs(28 * 60));
    assert_eq!(out(&mut c), b"DONE\r\n");
    assert_eq!(c.poll_timeout(), None);
    c.handle_input(b"A2 OK idle over\r\n");
    c.poll_event();
    assert_eq!(out(&mut c), b"A3 IDLE\r\n", "re-issued");
}

#[test]
fn starttls_injection_is_refused() {
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n");
    c.send(CommandBody::StartTls).unwrap();
    out(&mut c);
    c.handle_input(b"A1 OK begin TLS\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n");
    assert!(event(&mut c).contains("STARTTLS"));
    assert_eq!(c.poll_event(), Some(Err(ClientError::InputBeforeTls(49))));
    assert_eq!(c.poll_event(), None);
    assert!(c.transport_switched().is_empty());
    c.handle_input(b"* OK fine\r\n");
    assert!(event(&mut c).contains("fine"));
}

#[test]
fn compress_hands_over_buffered_bytes() {
    let mut c = greeted(b"* PREAUTH hi\r\n");
    c.send(CommandBody::Compress(Atom::try_from("DEFLATE").unwrap()))
        .unwrap();
    c.handle_input(b"A1 OK deflate on\r\n\x78\x9c");
    assert!(event(&mut c).contains("COMPRESS"));
    assert_eq!(c.poll_event(), None);
    assert_eq!(c.transport_switched(), b"\x78\x9c");
}

#[test]
fn bye_closes() {
    let mut c = greeted(b"* OK hi\r\n");
    c.handle_input(b"* BYE going away\r\n");
    c.poll_event();
    assert_eq!(c.state(), ConnectionState::Logout);
    assert_eq!(c.send(CommandBody::Noop), Err(SendError::Closed));
}

#[test]
fn config_limits() {
    assert!(ClientConfig::default()
        .with_idle_refresh(Duration::from_secs(30 * 60))
        .is_err());
    assert!(ClientConfig::default()
        .with_idle_refresh(Duration::from_secs(29 * 60))
        .is_ok());
    assert!(ClientConfig::default().with_tag_prefix("a+").is_err());
    let mut c = Client::new(ClientConfig::default().with_tag_prefix("x").unwrap());
    assert_eq!(c.send(CommandBody::Noop).unwrap().as_str(), "x1");
}

fn select(c: &mut Client, name: &str) -> Tag<'static> {
    c.send(CommandBody::Select {
        mailbox: Mailbox::from(name),
        params: vec![],
    })
    .unwrap()
}

/// The command a completion-like event ends, and whether it was typed.
fn ended(e: Option<Result<ClientEvent<'_>, ClientError>>) -> (String, &'static str, bool) {
    match e {
        Some(Ok(ClientEvent::Completed { command, status })) => {
            (status.tag.as_str().to_owned(), command, true)
        }
        Some(Ok(ClientEvent::CompletedRaw { command, tag, .. })) => {
            (tag.as_str().to_owned(), command, false)
        }
        other => panic!("not a completion: {other:?}"),
    }
}

#[test]
fn gmail_select_completion_completes_the_select() {
    // Gmail, for every [Gmail]/... folder: a second `[` in the text.
    let mut c = greeted(b"* PREAUTH hi\r\n");
    select(&mut c, "[Gmail]/Sent Mail");
    c.send(CommandBody::Noop).unwrap();
    assert_eq!(out(&mut c), b"A1 SELECT \"[Gmail]/Sent Mail\"\r\n");
    c.handle_input(b"A1 OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)\r\n");
    let (tag, command, _typed) = ended(c.poll_event());
    assert_eq!((tag.as_str(), command), ("A1", "SELECT"));
    assert_eq!(c.in_flight().count(), 1, "only the NOOP");
    assert_eq!(c.state(), ConnectionState::Selected);
    assert_eq!(
        out(&mut c),
        b"A2 NOOP\r\n",
        "what was queued behind it goes out"
    );
}

#[test]
fn exchange_authenticate_completion_completes_the_authenticate() {
    // Outlook/Exchange: a response code that is no resp-text-code.
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi\r\n");
    c.authenticate(Atom::try_from("PLAIN").unwrap(), Some(b"\0joe\0pw"))
        .unwrap();
    c.send(CommandBody::Noop).unwrap();
    out(&mut c);
    c.handle_input(
        b"A1 OK [Error=\"Microsoft.Exchange.Data.Storage.WrongServerException: Cross Server \
access is not allowed for mailbox 1b2c\" Proxy=XX1PR01MB1234.eurprd01.prod.exchangelabs.com:1993:SSL] \
AUTHENTICATE completed.\r\n",
    );
    let (tag, command, _) = ended(c.poll_event());
    assert_eq!((tag.as_str(), command), ("A1", "AUTHENTICATE"));
    assert_eq!(c.state(), ConnectionState::Authenticated);
    assert_eq!(out(&mut c), b"A2 NOOP\r\n");
}

#[test]
fn unreadable_tagged_line_completes_with_its_bytes() {
    // Whatever the grammar makes of it, a line `tag SP ...` ends its command.
    let mut c = greeted(b"* PREAUTH hi\r\n");
    select(&mut c, "INBOX");
    c.send(CommandBody::Noop).unwrap();
    out(&mut c);
    let line = b"A1 WHAT \0 is this\r\n";
    c.handle_input(line);
    match c.poll_event() {
        Some(Ok(ClientEvent::CompletedRaw {
            command,
            tag,
            status,
            bytes,
            error,
        })) => {
            assert_eq!((command, tag.as_str()), ("SELECT", "A1"));
            assert_eq!(status, RawStatus::Unknown);
            assert_eq!(bytes, line, "the bytes, for a proxy to relay");
            assert!(error.offset().is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.state(),
        ConnectionState::Authenticated,
        "outcome unknown: no change"
    );
    assert_eq!(out(&mut c), b"A2 NOOP\r\n");
    // Not in flight: an error that carries the bytes.
    c.handle_input(b"Z9 OK [\0\r\n");
    match c.poll_event() {
        Some(Err(e @ ClientError::Parse { .. })) => {
            assert_eq!(e.bytes(), Some(&b"Z9 OK [\0\r\n"[..]))
        }
        other => panic!("{other:?}"),
    }
    // Untagged and unreadable: the bytes too.
    c.handle_input(b"* 1 FETCH (\0)\r\n");
    let e = c.poll_event().unwrap().unwrap_err();
    assert_eq!(e.bytes(), Some(&b"* 1 FETCH (\0)\r\n"[..]));
    assert_eq!(c.in_flight().map(Tag::as_str).collect::<Vec<_>>(), ["A2"]);
}

#[test]
fn raw_completion_instead_of_continuation_drops_the_literal() {
    let mut c = greeted(b"* OK hi\r\n");
    c.send(login("joe", b"p\r\nw")).unwrap();
    c.send(CommandBody::Noop).unwrap();
    assert_eq!(out(&mut c), b"A1 LOGIN joe {4}\r\n");
    c.handle_input(b"A1 NO [\0] refused\r\n");
    match c.poll_event() {
        Some(Ok(ClientEvent::CompletedRaw { status, .. })) => {
            assert_eq!(status, RawStatus::State(State::No))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(out(&mut c), b"A2 NOOP\r\n", "the literal was never sent");
    assert_eq!(c.state(), ConnectionState::NotAuthenticated);
}

/// Events until `None`, as `(tag, cause)` for aborts and Debug text else.
fn drain(c: &mut Client) -> Vec<String> {
    let mut v = Vec::new();
    while let Some(e) = c.poll_event() {
        v.push(match e {
            Ok(ClientEvent::Aborted {
                tag, cause, sent, ..
            }) => format!("aborted {} {cause:?} sent={sent}", tag.as_str()),
            other => format!("{other:?}"),
        });
    }
    v
}

fn three_in_flight() -> Client {
    let mut c = greeted(b"* PREAUTH hi\r\n");
    for _ in 0..3 {
        c.send(CommandBody::Noop).unwrap();
    }
    select(&mut c, "INBOX"); // queued behind them, not sent
    assert_eq!(out(&mut c), b"A1 NOOP\r\nA2 NOOP\r\nA3 NOOP\r\n");
    assert_eq!(c.in_flight().count(), 3);
    c
}

#[test]
fn bye_ends_every_command_in_flight() {
    let mut c = three_in_flight();
    c.handle_input(b"* BYE server shutting down\r\n");
    let events = drain(&mut c);
    assert!(events[0].contains("Bye"), "{events:?}");
    assert_eq!(
        &events[1..],
        [
            "aborted A1 Bye sent=true",
            "aborted A2 Bye sent=true",
            "aborted A3 Bye sent=true",
            "aborted A4 Bye sent=false"
        ]
    );
    assert_eq!(c.in_flight().count(), 0);
    assert_eq!(c.state(), ConnectionState::Logout);
    assert_eq!(out(&mut c), b"", "the queued SELECT is not sent");
}

#[test]
fn unreadable_bye_still_ends_the_connection() {
    let mut c = three_in_flight();
    c.handle_input(b"* BYE [\0\r\n");
    let events = drain(&mut c);
    assert!(events[0].contains("Parse"), "{events:?}");
    assert_eq!(events.len(), 5);
    assert_eq!(c.in_flight().count(), 0);
}

#[test]
fn tagged_bye_ends_its_command_and_the_connection() {
    // A tagged BYE, which some servers send (the issue's `A5 BYE ...`;
    // wp.pl, rust-imap issue #210, MailKit issue #1536).
    let mut c = three_in_flight();
    c.handle_input(b"A2 BYE [\0] going away\r\n");
    let mut events = drain(&mut c);
    let first = events.remove(0);
    assert!(
        first.contains("tag: Tag(\"A2\")") && first.contains("status: Bye"),
        "{first}"
    );
    assert_eq!(
        events,
        [
            "aborted A1 Bye sent=true",
            "aborted A3 Bye sent=true",
            "aborted A4 Bye sent=false"
        ]
    );
    assert_eq!(c.in_flight().count(), 0);
    assert_eq!(c.state(), ConnectionState::Logout);
}

#[test]
fn logout_keeps_its_completion_after_bye() {
    // RFC 9051 §6.1.3: `* BYE`, then LOGOUT's tagged OK.
    let mut c = greeted(b"* PREAUTH hi\r\n");
    c.send(CommandBody::Logout).unwrap();
    out(&mut c);
    c.handle_input(b"* BYE logging out\r\nA1 OK LOGOUT completed\r\n");
    let events = drain(&mut c);
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(events[1].contains("LOGOUT"));
    assert_eq!(c.in_flight().count(), 0);
}

#[test]
fn end_of_connection_ends_every_command() {
    let mut c = three_in_flight();
    c.handle_input(b"* 1 EXISTS\r\nA2 OK done\r\n* 2 EXI");
    c.handle_connection_closed();
    let events = drain(&mut c);
    assert!(events[0].contains("Exists"), "input left is read first");
    assert!(events[1].contains("Completed"));
    assert_eq!(events[2], "Err(Truncated([42, 32, 50, 32, 69, 88, 73]))");
    assert_eq!(
        &events[3..],
        [
            "aborted A1 ConnectionClosed sent=true",
            "aborted A3 ConnectionClosed sent=true",
            "aborted A4 ConnectionClosed sent=false"
        ]
    );
    assert_eq!(c.in_flight().count(), 0);
    assert_eq!(c.state(), ConnectionState::Logout);
    assert_eq!(c.send(CommandBody::Noop), Err(SendError::Closed));
    c.handle_connection_closed();
    assert_eq!(c.poll_event(), None, "idempotent");
    // Nothing left to read: in_flight is empty at once.
    let mut c = three_in_flight();
    c.handle_connection_closed();
    assert_eq!(c.in_flight().count(), 0);
    assert_eq!(drain(&mut c).len(), 4);
}

#[test]
fn end_of_connection_during_starttls_switch() {
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n");
    c.send(CommandBody::StartTls).unwrap();
    c.send(CommandBody::Noop).unwrap();
    c.handle_input(b"A1 OK begin TLS\r\n");
    assert!(event(&mut c).contains("STARTTLS"));
    assert_eq!(c.poll_event(), None);
    c.handle_connection_closed();
    assert_eq!(drain(&mut c), ["aborted A2 ConnectionClosed sent=true"]);
}

#[test]
fn literal_new_lets_the_session_pick() {
    let append = |l: Literal<'static>| CommandBody::Append {
        mailbox: Mailbox::from("INBOX"),
        messages: crate::types::NonEmpty::new(crate::types::AppendMessage {
            flags: None,
            date: None,
            data: crate::types::AppendData::Literal(l),
        }),
    };
    let small = || Literal::new(&b"hello"[..]);
    let big = || Literal::new(vec![b'z'; 4097]);
    // LITERAL+: every Literal::new goes {N+}; Literal::sync stays {N}.
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev1 LITERAL+] hi\r\n");
    c.send(append(big())).unwrap();
    assert!(out(&mut c).starts_with(b"A1 APPEND INBOX {4097+}\r\nzzz"));
    c.send(append(Literal::sync(&b"hello"[..]))).unwrap();
    assert_eq!(out(&mut c), b"A2 APPEND INBOX {5}\r\n", "waits for +");
    // LITERAL-: {N+} up to 4096 octets, {N} above.
    let mut c = greeted(b"* OK [CAPABILITY IMAP4rev2 LITERAL-] hi\r\n");
    c.send(append(small())).unwrap();
    assert_eq!(out(&mut c), b"A1 APPEND INBOX {5+}\r\nhello\r\n");
    c.send(append(big())).unwrap();
    assert_eq!(out(&mut c), b"A2 APPEND INBOX {4097}\r\n");
    // Neither: {N}, and the octets wait for the server's +.
    let mut c = greeted(b"* OK hi\r\n");
    c.send(append(small())).unwrap();
    assert_eq!(out(&mut c), b"A1 APPEND INBOX {5}\r\n");
    c.handle_input(b"+ go\r\n");
    assert_eq!(c.poll_event(), None);
    assert_eq!(out(&mut c), b"hello\r\n");
    // to_bytes writes {N}; a parsed {N} stays {N} under LITERAL+.
    let cmd = Command {
        tag: Tag::try_from("A9").unwrap(),
        body: append(small()),
    };
    assert_eq!(cmd.to_bytes(), b"A9 APPEND INBOX {5}\r\nhello\r\n");
    let (parsed, _) = crate::parse_command(b"A9 APPEND INBOX {5}\r\nhello\r\n").unwrap();
    let plus = EncodeOptions {
        literal_plus: true,
        downgrade_non_sync: true,
        ..EncodeOptions::default()
    };
    assert_eq!(
        parsed.encode(plus).as_bytes(),
        b"A9 APPEND INBOX {5}\r\nhello\r\n"
    );
}

#[test]
fn unreadable_greeting_is_still_the_greeting() {
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(b"* OK [\0 hi\r\n* OK [ALERT] later\r\n");
    let e = c.poll_event().unwrap().unwrap_err();
    assert_eq!(e.bytes(), Some(&b"* OK [\0 hi\r\n"[..]));
    assert!(matches!(
        c.poll_event(),
        Some(Ok(ClientEvent::Untagged(Response::Untagged(_))))
    ));
    // An unreadable BYE greeting ends the connection.
    let mut c = Client::new(ClientConfig::default());
    c.send(CommandBody::Noop).unwrap();
    c.handle_input(b"* BYE [\0 go away\r\n");
    assert!(c.poll_event().unwrap().is_err());
    assert!(matches!(
        c.poll_event(),
        Some(Ok(ClientEvent::Aborted {
            cause: AbortCause::Bye,
            ..
        }))
    ));
    assert_eq!(c.state(), ConnectionState::Logout);
}

#[test]
fn tagged_line_over_the_limit_ends_its_command() {
    let mut config = ClientConfig::default();
    config.frame.max_line = 64;
    let mut c = Client::new(config);
    c.handle_input(b"* PREAUTH hi\r\n");
    c.poll_event();
    select(&mut c, "INBOX");
    c.send(CommandBody::Noop).unwrap();
    out(&mut c);
    let mut line = b"A1 OK ".to_vec();
    line.extend(std::iter::repeat_n(b'x', 100));
    line.extend_from_slice(b"\r\n* 1 EXISTS\r\n");
    c.handle_input(&line);
    assert!(matches!(
        c.poll_event(),
        Some(Err(ClientError::Limit(FrameError::LineTooLong { .. })))
    ));
    assert!(matches!(
        c.poll_event(),
        Some(Ok(ClientEvent::Aborted {
            command: "SELECT",
            cause: AbortCause::TooLarge,
            ..
        }))
    ));
    assert!(event(&mut c).contains("Exists(1)"));
    assert_eq!(out(&mut c), b"A2 NOOP\r\n");
    assert_eq!(c.state(), ConnectionState::Authenticated);
}

#[test]
fn wp_pl_tagged_bye_completes_logout() {
    // wp.pl answers LOGOUT with `tag BYE ...` and no tagged OK (rust-imap
    // issue #210, MailKit issue #1536).
    let mut c = greeted(b"* PREAUTH hi\r\n");
    c.send(CommandBody::Logout).unwrap();
    out(&mut c);
    c.handle_input(b"A1 BYE IMAP4rev1 Server logging out\r\n");
    let events = drain(&mut c);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].contains("LOGOUT"), "{events:?}");
    assert_eq!(c.in_flight().count(), 0);
    assert_eq!(c.state(), ConnectionState::Logout);
}

#[test]
fn typed_tagged_bye_ends_every_command() {
    // Read as State::Bye by the grammar (wp.pl, rust-imap issue #210).
    let mut c = three_in_flight();
    c.handle_input(b"A2 BYE IMAP4rev1 Server logging out\r\n");
    let mut events = drain(&mut c);
    let first = events.remove(0);
    assert!(
        first.contains("Completed") && first.contains("Bye"),
        "{first}"
    );
    assert_eq!(
        events,
        [
            "aborted A1 Bye sent=true",
            "aborted A3 Bye sent=true",
            "aborted A4 Bye sent=false"
        ]
    );
    assert_eq!(c.in_flight().count(), 0);
    assert_eq!(c.state(), ConnectionState::Logout);
}

/// A server's `{N}` over the client's literal limit, whose body holds
/// response-like lines, fed in `pieces`; the events, and the most input
/// memory the framer held.
fn over_limit_server_literal(pieces: &mut dyn FnMut(usize) -> usize) -> (Vec<String>, usize) {
    let mut config = ClientConfig::default();
    config.frame.max_literal = 1000;
    let mut c = Client::new(config);
    c.handle_input(b"* PREAUTH hi\r\n");
    c.poll_event();
    c.send(CommandBody::Noop).unwrap();
    out(&mut c);
    let mut body = Vec::new();
    while body.len() < 100_000 {
        body.extend_from_slice(b"A1 OK fake\r\n* 2 EXISTS\r\n* BYE x\r\n");
    }
    let mut input = format!("* 1 FETCH (BODY[] {{{}}}\r\n", body.len()).into_bytes();
    input.extend_from_slice(&body);
    input.extend_from_slice(b")\r\nA1 OK real\r\n");
    let (mut events, mut held, mut at) = (Vec::new(), 0, 0);
    while at < input.len() {
        let n = pieces(input.len() - at).clamp(1, input.len() - at);
        c.handle_input(&input[at..at + n]);
        at += n;
        held = held.max(c.framer.capacity());
        events.extend(drain(&mut c));
    }
    (events, held)
}

#[test]
fn server_literal_over_the_limit_is_skipped_not_read_as_lines() {
    // A server never waits for `+`: the octets of a refused `{N}` come
    // anyway and must be counted off, never parsed as responses.
    let (whole, _) = over_limit_server_literal(&mut |rest| rest);
    assert_eq!(whole.len(), 2, "{whole:?}");
    assert!(
        whole[0].contains("Limit(LiteralTooLarge") && whole[0].contains("limit: 1000"),
        "{whole:?}"
    );
    assert!(
        whole[1].contains("NOOP") && whole[1].contains("real"),
        "{whole:?}"
    );
    assert!(!whole
        .iter()
        .any(|e| e.contains("fake") || e.contains("Exists")));
    let (bytes, held) = over_limit_server_literal(&mut |_| 1);
    assert_eq!(bytes, whole);
    assert!(held < 4096, "one byte at a time, {held} bytes held");
    let mut seed = 0x2545_f491_u64;
    let (random, held) = over_limit_server_literal(&mut |_| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % 700
    });
    assert_eq!(random, whole);
    assert!(held < 4096, "random pieces, {held} bytes held");
}
