//! Bodies of the session checks: a `Server` and a `Client` fed arbitrary
//! input in arbitrary pieces, with arbitrary caller actions in between.
//! No input may make them panic, and the events must not depend on how the
//! input was cut. Used by the property tests (`tests/sessions.rs`) and by
//! the cargo-fuzz targets `server_session` and `client_session`
//! ([`crate::targets`]).

use std::time::{Duration, Instant};

use imap_proto::client::{Client, ClientConfig, ClientError, ClientEvent};
use imap_proto::server::{Server, ServerConfig, ServerError, ServerEvent};
use imap_proto::types::{
    Atom, CommandBody, ContinueRequest, Mailbox, OtherArguments, OtherCommandName, RespText,
    Response, State, Tag, TaggedStatus, Text,
};

/// Piece sizes from a seed: 1 to 64 bytes, xorshift.
fn pieces(seed: u64) -> impl Iterator<Item = usize> {
    let mut x = seed | 1;
    std::iter::from_fn(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Some((x % 64) as usize + 1)
    })
}

/// `input` cut into the pieces `seed` chooses (0: whole).
fn cut(input: &[u8], seed: u64) -> Vec<&[u8]> {
    if seed == 0 || input.is_empty() {
        return if input.is_empty() {
            vec![]
        } else {
            vec![input]
        };
    }
    let mut out = Vec::new();
    let mut rest = input;
    for n in pieces(seed) {
        if rest.is_empty() {
            break;
        }
        let (now, later) = rest.split_at(n.min(rest.len()));
        out.push(now);
        rest = later;
    }
    out
}

/// Logs `n` discarded input bytes, added to the previous entry if it was
/// one too: input discarded before a transport switch is reported per
/// piece received, so only the total is the same however the input is cut.
fn log_discarded(log: &mut Vec<String>, n: usize) {
    let previous = log
        .last()
        .and_then(|l| l.strip_prefix("discarded ")?.parse::<usize>().ok());
    match (previous, log.last_mut()) {
        (Some(k), Some(last)) => *last = format!("discarded {}", k + n),
        _ => log.push(format!("discarded {n}")),
    }
}

/// Bit of `actions` that lets the caller switch transports (after STARTTLS
/// or COMPRESS). Where the switch falls relative to the input depends on
/// the cut, so comparisons between cuts leave it off.
pub const SWITCH: u64 = 1 << 63;

/// Bit of `actions` that makes the caller accept every literal (a recorded
/// or generated stream always carries the literal's octets).
pub const ACCEPT_ALL: u64 = 1 << 62;

/// Bit of `actions` that lets virtual time pass: ten minutes per piece of
/// input, given to `handle_timeout` (autologout on the server, the IDLE
/// refresh on the client). Time per piece depends on the cut, so
/// comparisons between cuts leave it off.
pub const TIME: u64 = 1 << 61;

/// Bit of `actions` that lets the server's caller answer AUTHENTICATE with
/// a challenge and IDLE with `+` (when the next choice says so), so that
/// the lines after them are SASL responses and `DONE`. A stream of valid
/// commands read that way is not valid any more: tests of such streams
/// leave it off.
pub const SPECIAL: u64 = 1 << 60;

/// Bits of `actions` the caller's per-event choices are drawn from (the
/// others configure the session).
const CHOICE_BITS: u32 = 58;

/// The caller's next yes/no choice: the bits of `actions` in turn.
struct Choices {
    actions: u64,
    bit: u32,
}

impl Choices {
    fn new(actions: u64) -> Self {
        Choices { actions, bit: 3 }
    }

    fn next(&mut self) -> bool {
        self.bit = (self.bit + 1) % CHOICE_BITS;
        self.actions & (1 << self.bit) != 0
    }
}

fn continue_request(text: &'static str) -> Response<'static> {
    Response::Continue(ContinueRequest::text(
        Text::try_from(text).unwrap_or_default(),
    ))
}

fn completion(tag: Tag<'static>, state: State) -> Response<'static> {
    Response::Tagged(TaggedStatus {
        tag,
        state,
        text: RespText::default(),
    })
}

/// The bytes a server error keeps, shown (its `Debug` hides them).
fn kept_bytes(e: &Result<ServerEvent<'_>, ServerError>) -> String {
    match e {
        Err(e) => e.bytes().map(|b| format!(" {b:x?}")).unwrap_or_default(),
        Ok(_) => String::new(),
    }
}

/// Feeds `input` to a Server in pieces chosen by `seed` (0: whole), the
/// caller acting on each event as the bits of `actions` say: accept or
/// reject literals; complete commands OK or NO; with [`SPECIAL`], answer
/// AUTHENTICATE with a challenge and IDLE with `+`, so that the lines after
/// them are read as SASL responses and `DONE`; switch transports
/// when [`SWITCH`] is set; let time pass when [`TIME`] is set. Returns the
/// events, as text, for comparison between cuts: the octets of a streamed
/// literal, and the counts of input discarded before a switch, are shown
/// joined, since the pieces they come in follow the cut.
pub fn server_session(input: &[u8], seed: u64, actions: u64) -> Vec<String> {
    let mut config = ServerConfig::default();
    config.literal_minus = actions & 1 != 0;
    if actions & 2 != 0 {
        config.stream_literals_from = Some(8);
    }
    if actions & 4 != 0 {
        config.utf8 = true;
    }
    if actions & TIME != 0 {
        config = config
            .with_autologout(Some(Duration::from_secs(30 * 60)))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    let mut s = Server::new(config);
    let start = Instant::now();
    let mut log: Vec<String> = Vec::new();
    let mut choose = Choices::new(actions);
    // The AUTHENTICATE or IDLE whose completion the caller holds back.
    let mut held: Option<Tag<'static>> = None;
    for (piece, now) in (1u32..).zip(cut(input, seed)) {
        s.handle_input(now);
        if actions & TIME != 0 {
            s.handle_timeout(start + Duration::from_secs(600) * piece);
        }
        loop {
            let (line, answer) = match s.poll_event() {
                None => break,
                Some(Ok(ServerEvent::LiteralAnnounced { tag, .. })) => {
                    let tag = tag.into_owned();
                    (format!("literal {tag:?}"), Some(tag))
                }
                Some(Ok(ServerEvent::Command(c))) => {
                    let tag = c.tag.clone().into_owned();
                    let special =
                        matches!(c.body, CommandBody::Authenticate { .. } | CommandBody::Idle);
                    let line = format!("{c:?}");
                    if special && actions & SPECIAL != 0 && choose.next() {
                        log.push(line);
                        let _ = s.send(&continue_request("go on"));
                        held = Some(tag);
                        continue;
                    }
                    (line, Some(tag))
                }
                Some(Ok(ServerEvent::LiteralData(d))) => {
                    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
                    match log.last_mut() {
                        Some(last) if last.starts_with("data ") => last.push_str(&hex),
                        _ => log.push(format!("data {hex}")),
                    }
                    continue;
                }
                // Discarded input is reported per piece received: count it
                // whole.
                Some(Err(ServerError::InputBeforeSwitch { discarded, .. })) => {
                    log_discarded(&mut log, discarded);
                    continue;
                }
                // The special lines: another challenge, or the held
                // completion.
                Some(Ok(
                    e @ (ServerEvent::AuthenticateData(_)
                    | ServerEvent::AuthenticateCancelled
                    | ServerEvent::IdleDone),
                )) => {
                    let again = matches!(e, ServerEvent::AuthenticateData(_)) && choose.next();
                    let cancelled = matches!(e, ServerEvent::AuthenticateCancelled);
                    // Secret's Debug hides the octets: show them, so that
                    // comparisons between cuts cover them.
                    log.push(match &e {
                        ServerEvent::AuthenticateData(d) => format!("AuthenticateData({:x?})", d.0),
                        e => format!("{e:?}"),
                    });
                    if again {
                        let _ = s.send(&continue_request("more"));
                    } else if let Some(tag) = held.take() {
                        let state = if cancelled { State::Bad } else { State::Ok };
                        let _ = s.send(&completion(tag, state));
                    }
                    continue;
                }
                Some(e) => {
                    // A malformed SASL response or a line other than DONE
                    // ends the exchange with BAD, as a server would.
                    let bad = matches!(
                        e,
                        Err(ServerError::BadAuthenticateData { .. } | ServerError::ExpectedDone)
                    );
                    // The bytes an error keeps are out of its Debug (they
                    // may hold a password): show them, for the comparison.
                    log.push(format!("{e:?}{}", kept_bytes(&e)));
                    if bad {
                        if let Some(tag) = held.take() {
                            let _ = s.send(&completion(tag, State::Bad));
                        }
                    }
                    continue;
                }
            };
            let literal = line.starts_with("literal");
            log.push(line);
            let Some(tag) = answer else { continue };
            if literal {
                if actions & ACCEPT_ALL != 0 || choose.next() {
                    s.accept_literal();
                } else {
                    s.reject_literal(tag, State::No, None, Text::default());
                }
            } else {
                let state = if choose.next() { State::Ok } else { State::No };
                let _ = s.send(&completion(tag, state));
                if actions & SWITCH != 0 && choose.next() {
                    s.transport_switched();
                }
            }
        }
        let n = s.poll_transmit().map_or(0, <[u8]>::len);
        s.consume_transmit(n);
    }
    log.push(format!("state {:?}", s.state()));
    // The end of the connection: what is left is a command cut short.
    s.handle_connection_closed();
    while let Some(e) = s.poll_event() {
        if let Ok(ServerEvent::LiteralAnnounced { tag, .. }) = &e {
            let tag = tag.clone().into_owned();
            log.push(format!("literal {tag:?}"));
            s.reject_literal(tag, State::No, None, Text::default());
            continue;
        }
        log.push(format!("{e:?}{}", kept_bytes(&e)));
    }
    assert_eq!(
        s.state(),
        imap_proto::types::ConnectionState::Logout,
        "Logout after the end of the connection"
    );
    log
}

/// Feeds `input` (a server's bytes) to a Client in pieces chosen by
/// `seed`, the client having sent commands chosen by the bits of
/// `actions` first (LOGIN with a literal, SELECT, IDLE, NOOP, STARTTLS,
/// an unknown command with a literal, AUTHENTICATE, COMPRESS). On each continuation request the caller
/// answers as the next bits say: a SASL response, a cancellation, DONE, or
/// nothing; with [`SWITCH`] it switches transports after a completion;
/// with [`TIME`] time passes (the IDLE refresh). Returns the events, as
/// text.
pub fn client_session(input: &[u8], seed: u64, actions: u64) -> Vec<String> {
    let mut c = Client::new(ClientConfig::default());
    let start = Instant::now();
    let mut log: Vec<String> = Vec::new();
    let mut choose = Choices::new(actions >> 11);
    let login = CommandBody::Login {
        username: "joe".into(),
        password: imap_proto::types::Secret("p\r\nw".into()),
    };
    let bodies = [
        login,
        CommandBody::Select {
            mailbox: Mailbox::from("INBOX"),
            params: vec![],
        },
        CommandBody::Idle,
        CommandBody::Noop,
        CommandBody::StartTls,
        // An unknown command with a synchronizing literal: runs alone,
        // its octets after the server's `+`.
        CommandBody::Other {
            name: OtherCommandName::try_from("XFOO").unwrap_or_else(|_| unreachable!()),
            arguments: OtherArguments::new(&b"{3}\r\nabc BAR"[..]).ok(),
        },
    ];
    for (k, b) in bodies.into_iter().enumerate() {
        if actions & (1 << k) != 0 {
            let _ = c.send(b);
        }
    }
    if actions & (1 << 8) != 0 {
        if let Ok(mech) = Atom::try_from("PLAIN") {
            let _ = c.authenticate(mech, Some(b"\0joe\0pw"));
        }
    }
    if actions & (1 << 10) != 0 {
        if let Ok(algorithm) = Atom::try_from("DEFLATE") {
            let _ = c.send(CommandBody::Compress(algorithm));
        }
    }
    let _ = c.send_tagged(
        Tag::try_from("X1").unwrap_or_else(|_| unreachable!()),
        CommandBody::Noop,
    );
    for (piece, now) in (1u32..).zip(cut(input, seed)) {
        c.handle_input(now);
        if actions & TIME != 0 {
            c.handle_timeout(start + Duration::from_secs(600) * piece);
        }
        while let Some(e) = c.poll_event() {
            let continuation = matches!(e, Ok(ClientEvent::Continue(_)));
            let completed = matches!(e, Ok(ClientEvent::Completed { .. }));
            // Input after STARTTLS's OK is discarded and reported per piece
            // received: count it whole.
            if let Err(ClientError::InputBeforeTls(n)) = e {
                log_discarded(&mut log, n);
                continue;
            }
            log.push(format!("{e:?}"));
            if continuation && actions & (1 << 9) != 0 {
                c.done();
            } else if continuation {
                match (choose.next(), choose.next()) {
                    (true, true) => c.authenticate_respond(b"\0joe\0pw"),
                    (true, false) => c.authenticate_cancel(),
                    (false, true) => c.done(),
                    (false, false) => {}
                }
            } else if completed && actions & SWITCH != 0 && choose.next() {
                let after = c.transport_switched();
                log.push(format!("switched, {} bytes after", after.len()));
            }
        }
        let n = c.poll_transmit().map_or(0, <[u8]>::len);
        c.consume_transmit(n);
    }
    log.push(format!(
        "state {:?}, in flight {}",
        c.state(),
        c.in_flight().count()
    ));
    // The end of the connection ends every command still open.
    c.handle_connection_closed();
    while let Some(e) = c.poll_event() {
        log.push(format!("{e:?}"));
    }
    assert_eq!(
        c.in_flight().count(),
        0,
        "commands in flight after the end of the connection"
    );
    log
}

/// The tag of a line, by the least scan: `tag SP`.
fn line_tag(line: &[u8]) -> Option<&str> {
    let n = line
        .iter()
        // `tag = 1*<any ASTRING-CHAR except "+">` (RFC 9051 §9).
        .take_while(|&&b| b > b' ' && b < 0x7f && !b"(){%*\"\\+".contains(&b))
        .count();
    if n == 0 || line.get(n) != Some(&b' ') {
        return None;
    }
    std::str::from_utf8(&line[..n]).ok()
}

/// The tag an event ends a command of, if it does.
fn ended_tag(e: &ClientEvent<'_>) -> Option<String> {
    match e {
        ClientEvent::Completed { status, .. } => Some(status.tag.as_str().to_owned()),
        ClientEvent::CompletedRaw { tag, .. } | ClientEvent::Aborted { tag, .. } => {
            Some(tag.as_str().to_owned())
        }
        _ => None,
    }
}

/// Feeds `lines` (a server's messages, each of which frames alone once
/// its CRLF is added: no CR or LF outside literals, none ending in `}`,
/// every `{N}` followed by CRLF and N octets) to a Client that
/// sent commands chosen by `actions` (LOGIN with a literal, SELECT, IDLE,
/// NOOPs, AUTHENTICATE; no STARTTLS or COMPRESS, after which input is not
/// read), then ends the connection. Panics unless the session never
/// hangs:
///
/// - a line `tag SP ...` whose tag was in flight ends that command, with
///   an event naming it, whatever follows the tag;
/// - after a line `* BYE ...` or a tagged `tag BYE ...` of a command in
///   flight, and after the end of the connection, nothing is in flight;
/// - every tag the client gave out ends with exactly one event
///   (`Completed`, `CompletedRaw` or `Aborted`).
pub fn client_completions(lines: &[Vec<u8>], actions: u64) {
    let mut c = Client::new(ClientConfig::default());
    let mut choose = Choices::new(actions >> 8);
    let mut given: Vec<String> = Vec::new();
    let login = CommandBody::Login {
        username: "joe".into(),
        password: imap_proto::types::Secret("p\r\nw".into()),
    };
    let select = CommandBody::Select {
        mailbox: Mailbox::from("INBOX"),
        params: vec![],
    };
    let bodies = [login, select, CommandBody::Idle, CommandBody::Noop];
    for (k, b) in bodies.into_iter().enumerate() {
        if actions & (1 << k) != 0 {
            given.extend(c.send(b).ok().map(|t| t.as_str().to_owned()));
        }
    }
    if actions & (1 << 4) != 0 {
        if let Ok(mech) = Atom::try_from("PLAIN") {
            given.extend(
                c.authenticate(mech, Some(b"\0joe\0pw"))
                    .ok()
                    .map(|t| t.as_str().to_owned()),
            );
        }
    }
    for _ in 0..(actions >> 5) % 4 {
        given.extend(
            c.send(CommandBody::Noop)
                .ok()
                .map(|t| t.as_str().to_owned()),
        );
    }
    let mut ended: Vec<String> = Vec::new();
    let drain = |c: &mut Client, ended: &mut Vec<String>, choose: &mut Choices| {
        while let Some(e) = c.poll_event() {
            let continuation = matches!(e, Ok(ClientEvent::Continue(_)));
            if let Ok(e) = &e {
                ended.extend(ended_tag(e));
            }
            if continuation {
                match (choose.next(), choose.next()) {
                    (true, true) => c.authenticate_respond(b"\0joe\0pw"),
                    (true, false) => c.authenticate_cancel(),
                    (false, true) => c.done(),
                    (false, false) => {}
                }
            }
        }
        let n = c.poll_transmit().map_or(0, <[u8]>::len);
        c.consume_transmit(n);
    };
    for line in lines {
        let before: Vec<String> = c.in_flight().map(|t| t.as_str().to_owned()).collect();
        let seen = ended.len();
        let mut bytes = line.clone();
        bytes.extend_from_slice(b"\r\n");
        c.handle_input(&bytes);
        drain(&mut c, &mut ended, &mut choose);
        let shown = String::from_utf8_lossy(&bytes);
        let word = |k: usize| {
            line.split(|&b| b == b' ')
                .nth(k)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"BYE"))
        };
        if let Some(tag) = line_tag(line).filter(|t| before.iter().any(|b| b == t)) {
            assert!(
                !c.in_flight().any(|t| t.as_str() == tag),
                "{tag} still in flight after {shown:?}"
            );
            assert!(
                ended[seen..].iter().any(|t| t == tag),
                "no event ended {tag} for {shown:?}"
            );
            if word(1) {
                assert_eq!(c.in_flight().count(), 0, "in flight after {shown:?}");
            }
        }
        if line.starts_with(b"* ") && word(1) {
            assert_eq!(c.in_flight().count(), 0, "in flight after {shown:?}");
        }
    }
    c.handle_connection_closed();
    drain(&mut c, &mut ended, &mut choose);
    assert_eq!(c.in_flight().count(), 0, "in flight after the end");
    for tag in &given {
        let n = ended.iter().filter(|t| *t == tag).count();
        assert_eq!(n, 1, "{tag} ended {n} times: {ended:?}");
    }
}
