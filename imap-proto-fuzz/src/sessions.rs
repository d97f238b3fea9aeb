//! Bodies of the session checks: a `Server` and a `Client` fed arbitrary
//! input in arbitrary pieces, with arbitrary caller actions in between.
//! No input may make them panic, and the events must not depend on how the
//! input was cut. Used by the property tests (`tests/sessions.rs`); the
//! cargo-fuzz targets for them are still to be added (issue 5).

use imap_proto::client::{Client, ClientConfig};
use imap_proto::server::{Server, ServerConfig, ServerError, ServerEvent};
use imap_proto::types::{
    Atom, CommandBody, Mailbox, RespText, Response, State, Tag, TaggedStatus, Text,
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

/// Bit of `actions` that lets the caller switch transports (after STARTTLS
/// or COMPRESS). Where the switch falls relative to the input depends on
/// the cut, so comparisons between cuts leave it off.
pub const SWITCH: u64 = 1 << 63;

/// Bit of `actions` that makes the caller accept every literal (a recorded
/// or generated stream always carries the literal's octets).
pub const ACCEPT_ALL: u64 = 1 << 62;

/// Feeds `input` to a Server in pieces chosen by `seed` (0: whole), the
/// caller acting on each event as the bits of `actions` say (accept or
/// reject literals, complete commands OK or NO, switch transports when
/// [`SWITCH`] is set). Returns the events, as text, for comparison between
/// cuts: the octets of a streamed literal, and the counts of input
/// discarded before a switch, are shown joined, since the pieces they come
/// in follow the cut.
pub fn server_session(input: &[u8], seed: u64, actions: u64) -> Vec<String> {
    let mut config = ServerConfig::default();
    config.literal_minus = actions & 1 != 0;
    if actions & 2 != 0 {
        config.stream_literals_from = Some(8);
    }
    let mut s = Server::new(config);
    let mut log: Vec<String> = Vec::new();
    let mut bit = 2u32;
    let mut next_bit = || {
        bit = (bit + 1) % 62;
        actions & (1 << bit) != 0
    };
    let mut rest = input;
    let mut cuts = pieces(seed);
    while !rest.is_empty() {
        let n = if seed == 0 {
            rest.len()
        } else {
            cuts.next().unwrap_or(1).min(rest.len())
        };
        let (now, later) = rest.split_at(n);
        rest = later;
        s.handle_input(now);
        loop {
            let (line, answer) = match s.poll_event() {
                None => break,
                Some(Ok(ServerEvent::LiteralAnnounced { tag, .. })) => {
                    let tag = tag.into_owned();
                    (format!("literal {tag:?}"), Some(tag))
                }
                Some(Ok(ServerEvent::Command(c))) => {
                    let tag = c.tag.clone().into_owned();
                    (format!("{c:?}"), Some(tag))
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
                    let add = |last: &str| last.strip_prefix("discarded ")?.parse::<usize>().ok();
                    match log.last().and_then(|l| add(l)) {
                        Some(n) => {
                            *log.last_mut().unwrap_or_else(|| unreachable!()) =
                                format!("discarded {}", n + discarded)
                        }
                        None => log.push(format!("discarded {discarded}")),
                    }
                    continue;
                }
                Some(e) => (format!("{e:?}"), None),
            };
            let literal = line.starts_with("literal");
            log.push(line);
            let Some(tag) = answer else { continue };
            if literal {
                if actions & ACCEPT_ALL != 0 || next_bit() {
                    s.accept_literal();
                } else {
                    s.reject_literal(tag, State::No, None, Text::default());
                }
            } else {
                let state = if next_bit() { State::Ok } else { State::No };
                let done = TaggedStatus {
                    tag,
                    state,
                    text: RespText::default(),
                };
                let _ = s.send(&Response::Tagged(done));
                if actions & SWITCH != 0 && next_bit() {
                    s.transport_switched();
                }
            }
        }
        let n = s.poll_transmit().map_or(0, <[u8]>::len);
        s.consume_transmit(n);
    }
    log.push(format!("state {:?}", s.state()));
    log
}

/// Feeds `input` (a server's bytes) to a Client in pieces chosen by
/// `seed`, the client having sent commands chosen by the bits of
/// `actions` first (LOGIN with a literal, SELECT, IDLE, AUTHENTICATE...).
/// Returns the events, as text.
pub fn client_session(input: &[u8], seed: u64, actions: u64) -> Vec<String> {
    let mut c = Client::new(ClientConfig::default());
    let mut log = Vec::new();
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
    let _ = c.send_tagged(
        Tag::try_from("X1").unwrap_or_else(|_| unreachable!()),
        CommandBody::Noop,
    );
    let mut rest = input;
    let mut cuts = pieces(seed);
    while !rest.is_empty() {
        let n = if seed == 0 {
            rest.len()
        } else {
            cuts.next().unwrap_or(1).min(rest.len())
        };
        let (now, later) = rest.split_at(n);
        rest = later;
        c.handle_input(now);
        while let Some(e) = c.poll_event() {
            let continuation = matches!(e, Ok(imap_proto::client::ClientEvent::Continue(_)));
            log.push(format!("{e:?}"));
            if continuation && actions & (1 << 9) != 0 {
                c.done();
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
    log
}
