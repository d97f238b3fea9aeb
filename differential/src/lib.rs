//! Differential checks of imap-proto against two other IMAP parsers:
//! [imap-codec](imap_codec) (commands and responses) and imap-proto 0.17
//! (responses; renamed `imap_proto_017` here, since it shares this
//! workspace's crate name).
//!
//! [`compare`] asks each peer and this crate whether they read one
//! message and puts every pair in a [`Class`]; the interesting one is
//! [`Class::PeerReadsWeRefuse`]. A peer that panics (imap-proto 0.17 does,
//! on `* 1 FETCH (INTERNALDATE NIL)`) is caught and counted, never
//! propagated. [`mutate`] holds the seeded mutator of the measurement
//! (`examples/measure.rs`) and [`tally`] the counting, shared with the
//! bounded property of `cargo test`. [`fuzz_body`] is the body of the
//! `differential` cargo-fuzz target (`fuzz/README.md` says what it flags).
#![forbid(unsafe_code)]
#![warn(missing_docs, unreachable_pub, elided_lifetimes_in_paths)]

pub mod mutate;
pub mod tally;

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use imap_codec::decode::{CommandDecodeError, Decoder, GreetingDecodeError, ResponseDecodeError};
use imap_codec::{CommandCodec, GreetingCodec, ResponseCodec};
use imap_proto::{parse_command, parse_response, ParseError};

/// Which way a message goes: client to server or server to client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// A client's command (`command` in RFC 9051's ABNF).
    Command,
    /// A server's message (`response`, `greeting` or a continuation).
    Response,
}

/// The other parsers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Peer {
    /// imap-codec 2.0.0-alpha.10, with the extension features the benches
    /// use: `CommandCodec` for commands, `ResponseCodec` then
    /// `GreetingCodec` for server messages.
    ImapCodec,
    /// imap-proto 0.17's `Response::parse` (server messages only).
    ImapProto017,
}

impl Peer {
    /// The peers that read messages of `side`.
    pub fn for_side(side: Side) -> &'static [Peer] {
        match side {
            Side::Command => &[Peer::ImapCodec],
            Side::Response => &[Peer::ImapCodec, Peer::ImapProto017],
        }
    }

    /// The peer's crate name and version.
    pub fn name(self) -> &'static str {
        match self {
            Peer::ImapCodec => "imap-codec 2.0.0-alpha.10",
            Peer::ImapProto017 => "imap-proto 0.17",
        }
    }
}

/// What one parser made of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Read a message of this many bytes from the start of the input.
    Read(usize),
    /// Wants more input.
    Incomplete,
    /// Refused it; for this crate, the [`ParseError`]'s reason (see
    /// [`reason`]), for a peer only that it failed.
    Refused(String),
    /// The parser panicked (caught); the panic message.
    Panicked(String),
}

impl Reading {
    /// Whether the whole message was read (nothing left over).
    pub fn reads_all(&self, len: usize) -> bool {
        matches!(self, Reading::Read(n) if *n == len)
    }
}

/// How this crate's reading of a message compares with one peer's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    /// Both read the whole message.
    BothRead,
    /// Neither reads the whole message.
    BothRefuse,
    /// The peer reads the whole message, this crate does not: the reason
    /// (this crate's refusal, see [`reason`]; `incomplete` or `read N of M
    /// bytes` when it wants more or stops early).
    PeerReadsWeRefuse(String),
    /// This crate reads the whole message, the peer does not.
    WeReadPeerRefuses,
    /// The peer panicked (the panic message); this crate's reading is
    /// still in [`Comparison::ours`].
    PeerPanicked(String),
}

/// One message compared with every peer of its side.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// This crate's reading.
    pub ours: Reading,
    /// Each peer's reading and the class it gives.
    pub peers: Vec<(Peer, Reading, Class)>,
}

/// The reason of a refusal, without its offset: `expected <rule>` for an
/// invalid message, `limit <name>` for an exceeded limit. Distinct reasons
/// are what the measurement lists.
pub fn reason(e: &ParseError) -> String {
    match e {
        ParseError::Incomplete => "incomplete".to_string(),
        ParseError::Invalid { expected, .. } => format!("expected {expected}"),
        ParseError::Limit { limit, .. } => format!("limit {limit}"),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// This crate's reading of `msg`.
pub fn ours(side: Side, msg: &[u8]) -> Reading {
    let r = match side {
        Side::Command => parse_command(msg).map(|(_, n)| n),
        Side::Response => parse_response(msg).map(|(_, n)| n),
    };
    match r {
        Ok(n) => Reading::Read(n),
        Err(e) if e.is_incomplete() => Reading::Incomplete,
        Err(e) => Reading::Refused(reason(&e)),
    }
}

thread_local! {
    /// Set while a peer runs: the panic hook stays quiet then.
    static IN_PEER: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that is silent while a peer runs and
/// otherwise calls the hook that was there before. The cargo-fuzz runtime
/// installs a hook that aborts the process on any panic; wrapping it lets
/// a peer's panic unwind to [`catch_unwind`] and be counted, while a panic
/// of this crate still aborts the fuzzer.
fn quiet_peer_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_PEER.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs a peer, catching its panic.
fn guarded(f: impl FnOnce() -> Reading) -> Reading {
    quiet_peer_panics();
    IN_PEER.with(|c| c.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    IN_PEER.with(|c| c.set(false));
    r.unwrap_or_else(|e| {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "(no message)".to_string());
        Reading::Panicked(msg)
    })
}

/// One peer's reading of `msg` (its panic caught).
pub fn peer(peer: Peer, side: Side, msg: &[u8]) -> Reading {
    guarded(|| {
        let used = |rest: &[u8]| Reading::Read(msg.len() - rest.len());
        match (peer, side) {
            (Peer::ImapCodec, Side::Command) => match CommandCodec::default().decode(msg) {
                Ok((rest, _)) => used(rest),
                Err(CommandDecodeError::Incomplete | CommandDecodeError::LiteralFound { .. }) => {
                    Reading::Incomplete
                }
                Err(CommandDecodeError::Failed) => Reading::Refused("failed".into()),
            },
            (Peer::ImapCodec, Side::Response) => match ResponseCodec::default().decode(msg) {
                Ok((rest, _)) => used(rest),
                Err(ResponseDecodeError::Incomplete | ResponseDecodeError::LiteralFound { .. }) => {
                    Reading::Incomplete
                }
                // A greeting (`* PREAUTH`, `* BYE` first) has its own codec.
                Err(ResponseDecodeError::Failed) => match GreetingCodec::default().decode(msg) {
                    Ok((rest, _)) => used(rest),
                    Err(GreetingDecodeError::Incomplete) => Reading::Incomplete,
                    Err(GreetingDecodeError::Failed) => Reading::Refused("failed".into()),
                },
            },
            (Peer::ImapProto017, Side::Response) => match imap_proto_017::Response::parse(msg) {
                Ok((rest, _)) => used(rest),
                Err(nom::Err::Incomplete(_)) => Reading::Incomplete,
                Err(_) => Reading::Refused("failed".into()),
            },
            (Peer::ImapProto017, Side::Command) => Reading::Refused("no command parser".into()),
        }
    })
}

/// The class of one pair of readings of a message of `len` bytes.
pub fn classify(ours: &Reading, peer: &Reading, len: usize) -> Class {
    if let Reading::Panicked(m) = peer {
        return Class::PeerPanicked(m.clone());
    }
    match (ours.reads_all(len), peer.reads_all(len)) {
        (true, true) => Class::BothRead,
        (false, false) => Class::BothRefuse,
        (true, false) => Class::WeReadPeerRefuses,
        (false, true) => Class::PeerReadsWeRefuse(match ours {
            Reading::Refused(r) => r.clone(),
            Reading::Incomplete => "incomplete".to_string(),
            Reading::Read(n) => format!("read {n} of {len} bytes"),
            // This crate's panics are not caught: unreachable, but total.
            Reading::Panicked(m) => format!("panicked: {m}"),
        }),
    }
}

/// Compares this crate's reading of `msg` with every peer of `side`.
pub fn compare(side: Side, msg: &[u8]) -> Comparison {
    let ours = ours(side, msg);
    let peers = Peer::for_side(side)
        .iter()
        .map(|&p| {
            let r = peer(p, side, msg);
            let c = classify(&ours, &r, msg.len());
            (p, r, c)
        })
        .collect();
    Comparison { ours, peers }
}

/// Whether a "peer reads, we refuse" is a failure of the fuzz target: a
/// server message that BOTH peers read whole, with no NUL and no CR or LF
/// outside a CRLF (broken framing whatever the peers say), that this
/// crate refuses for a reason neither triaged truly invalid
/// ([`tally::TRULY_INVALID`]) nor already reported to the owners of the
/// grammar and waiting for them ([`tally::PENDING`]); `fuzz/README.md`
/// has the triage. Returns the reason. Everything else is only counted.
pub fn must_read<'c>(side: Side, msg: &[u8], c: &'c Comparison) -> Option<&'c str> {
    if side != Side::Response
        || c.peers.len() < 2
        || broken_bytes(msg)
        || ends_in_literal_header(msg)
    {
        return None;
    }
    let mut reason = None;
    for (_, _, class) in &c.peers {
        match class {
            Class::PeerReadsWeRefuse(r) => reason = Some(r.as_str()),
            _ => return None,
        }
    }
    reason.filter(|r| !tally::triaged(r))
}

/// The message's last line ends in a literal header (`{N}`, `{N+}`,
/// `~{N}` before the CRLF). The framer reads that as the announcement of N
/// more octets, whatever the grammar says of the text before it (a
/// continuation request's or a status text's), and no value of this crate
/// can end so (DESIGN: no status text ending in `{5}`): framing, not a
/// grammar this crate could read more leniently. The peers, which parse
/// single lines, read such a line as complete. Found by the fuzz smoke in
/// CI: `+ Uxxxx\x01* N\x01* NOP(IN{9223372036854775807}\r\n`.
fn ends_in_literal_header(msg: &[u8]) -> bool {
    let Some(line) = msg.strip_suffix(b"}\r\n") else {
        return false;
    };
    let line = line.strip_suffix(b"+").unwrap_or(line);
    let digits = line.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && line[..line.len() - digits].ends_with(b"{")
}

/// A NUL, or a CR or LF that is not part of a CRLF, anywhere in the
/// message (literal contents included: a conservative cut).
fn broken_bytes(msg: &[u8]) -> bool {
    msg.iter().enumerate().any(|(i, &b)| {
        b == 0
            || (b == b'\r' && msg.get(i + 1) != Some(&b'\n'))
            || (b == b'\n' && (i == 0 || msg[i - 1] != b'\r'))
    })
}

/// The body of the `differential` fuzz target: the first byte's low bit
/// picks the side (0 a command, 1 a server message), the rest is the
/// message. Panics (a crash) when [`must_read`] says the message must be
/// read; every other class is only counted by the fuzzer's coverage.
pub fn fuzz_body(data: &[u8]) {
    let Some((&first, msg)) = data.split_first() else {
        return;
    };
    let side = if first & 1 == 0 {
        Side::Command
    } else {
        Side::Response
    };
    let c = compare(side, msg);
    if let Some(r) = must_read(side, msg, &c) {
        panic!(
            "both peers read this server message and imap-proto refuses it ({r}): {:?}",
            String::from_utf8_lossy(msg)
        );
    }
}
