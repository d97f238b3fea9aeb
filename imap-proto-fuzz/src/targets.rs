//! The bodies of the fuzz targets, as plain functions of the raw input.
//!
//! Each `fuzz/fuzz_targets/<name>.rs` calls the function of the same name;
//! the stable test `tests/replay.rs` calls them on every committed seed and
//! regression input, so a crash once found stays fixed in `cargo test`.
//!
//! A function returns normally when the input is uninteresting or every
//! check held, and panics when a property of the library is broken: the
//! panic message says which.

use imap_proto::frame::{Frame, FrameError, FrameLimits, Framer};
use imap_proto::types::{Command, Response};
use imap_proto::ParseLimits;

use crate::checks;
use crate::sessions::{self, SPECIAL, SWITCH, TIME};

/// The names of the fuzz targets, as in `fuzz/fuzz_targets/` and under
/// `fuzz/seeds/` and `fuzz/regressions/`.
pub const TARGETS: &[&str] = &[
    "parse_command",
    "parse_response",
    "framer",
    "roundtrip_command",
    "roundtrip_response",
    "server_session",
    "client_session",
    "special_lines",
    "client_completions",
];

/// Runs the target named `name` on `data`; `false` if there is no such
/// target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "parse_command" => parse_command(data),
        "parse_response" => parse_response(data),
        "framer" => framer(data),
        "roundtrip_command" => roundtrip_command(data),
        "roundtrip_response" => roundtrip_response(data),
        "server_session" => server_session(data),
        "client_session" => client_session(data),
        "special_lines" => special_lines(data),
        "client_completions" => client_completions(data),
        _ => return false,
    }
    true
}

/// Some strict prefixes of `len` bytes, chosen from the input so that a
/// run checks a few of them and not all (that would be quadratic): the
/// longest, the shortest and a handful in between.
fn some_prefixes(data: &[u8], len: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if len == 0 {
        return out;
    }
    out.push(len - 1);
    out.push(0);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in &data[..len.min(64)] {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    for _ in 0..6 {
        h ^= h << 13;
        h ^= h >> 7;
        h ^= h << 17;
        out.push((h % len as u64) as usize);
    }
    out
}

/// `parse_command` on arbitrary bytes: never panics; what parses consumes
/// at most the input, its strict prefixes are `Incomplete`, and it
/// re-encodes to bytes that parse to the same value (under every
/// [`EncodeOptions`](imap_proto::encode::EncodeOptions)). A lower nesting
/// limit (0 to 7, from the first byte) either gives the same value or
/// refuses with [`ParseError::Limit`](imap_proto::ParseError::Limit).
pub fn parse_command(data: &[u8]) {
    let limits = ParseLimits {
        max_depth: u16::from(data.first().copied().unwrap_or(0) % 8),
    };
    let limited = imap_proto::parse_command_with(data, &limits);
    match imap_proto::parse_command(data) {
        Ok((cmd, n)) => {
            assert!(n > 0 && n <= data.len(), "consumed {n} of {}", data.len());
            checks::limit_only_refuses(limited, &(cmd.clone(), n));
            for p in some_prefixes(data, n) {
                checks::assert_incomplete(imap_proto::parse_command(&data[..p]).err(), p);
            }
            checks::command_round_trip(&cmd);
        }
        Err(e) => checks::assert_error_sane(&e, data.len()),
    }
}

/// `parse_response` on arbitrary bytes: the same checks as
/// [`parse_command`], for server messages; continuation requests are also
/// read as base64.
pub fn parse_response(data: &[u8]) {
    let limits = ParseLimits {
        max_depth: u16::from(data.first().copied().unwrap_or(0) % 8),
    };
    let limited = imap_proto::parse_response_with(data, &limits);
    match imap_proto::parse_response(data) {
        Ok((resp, n)) => {
            assert!(n > 0 && n <= data.len(), "consumed {n} of {}", data.len());
            checks::limit_only_refuses(limited, &(resp.clone(), n));
            for p in some_prefixes(data, n) {
                checks::assert_incomplete(imap_proto::parse_response(&data[..p]).err(), p);
            }
            if let Response::Continue(c) = &resp {
                let _ = c.decode_base64();
            }
            checks::response_round_trip(&resp);
        }
        Err(e) => checks::assert_error_sane(&e, data.len()),
    }
}

/// What a framer gave, owned, to compare two runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameEvent {
    /// [`Frame::Message`].
    Message(Vec<u8>),
    /// [`Frame::LiteralAnnounced`], and whether the caller accepted it.
    Announced {
        /// The message so far.
        head: Vec<u8>,
        /// The announced length.
        length: u64,
        /// `~{N}`.
        binary: bool,
        /// The caller's answer.
        accepted: bool,
    },
    /// An error.
    Error(FrameError),
}

/// Feeds `stream` to a framer in pieces of the given sizes (the last piece
/// takes the rest), polling after each; the `k`-th synchronizing literal is
/// accepted when bit `k % 8` of `accept` is set. Returns every event and
/// the bytes left buffered at the end.
pub fn run_framer(
    limits: FrameLimits,
    stream: &[u8],
    pieces: impl IntoIterator<Item = usize>,
    accept: u8,
) -> (Vec<FrameEvent>, usize) {
    let mut f = Framer::new(limits);
    let mut events = Vec::new();
    let mut announced = 0u32;
    let mut rest = stream;
    let mut pieces = pieces.into_iter();
    loop {
        let n = match pieces.next() {
            Some(n) => n.min(rest.len()),
            None => rest.len(),
        };
        let (now, later) = rest.split_at(n);
        f.push(now);
        rest = later;
        while let Some(r) = f.poll() {
            match r {
                Ok(Frame::Message(m)) => events.push(FrameEvent::Message(m.to_vec())),
                Ok(Frame::LiteralAnnounced {
                    head,
                    length,
                    binary,
                }) => {
                    let accepted = accept & (1 << (announced % 8)) != 0;
                    announced += 1;
                    events.push(FrameEvent::Announced {
                        head: head.to_vec(),
                        length,
                        binary,
                        accepted,
                    });
                    if accepted {
                        f.accept_literal();
                    } else {
                        f.reject_literal();
                    }
                }
                Err(e) => events.push(FrameEvent::Error(e)),
                Ok(other) => panic!("streaming is off, yet the framer gave {other:?}"),
            }
        }
        if rest.is_empty() {
            break;
        }
    }
    (events, f.buffered())
}

/// A small xorshift generator for piece sizes, 1 to `max`.
fn pieces_from(seed: u64, max: u64) -> impl Iterator<Item = usize> {
    let mut s = seed | 1;
    std::iter::from_fn(move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        Some(1 + (s % max.max(1)) as usize)
    })
}

/// The framer on an arbitrary stream, cut into arbitrary pieces: the first
/// four bytes choose the limits (default or tiny), the cut and which
/// synchronizing literals are accepted; the rest is the stream. The events
/// must be the same fed whole, one byte at a time, and in random pieces;
/// each complete message must be complete for the grammar too (never
/// `Incomplete`, and consumed whole when it parses).
pub fn framer(data: &[u8]) {
    let Some((ctl, stream)) = data.split_first_chunk::<4>() else {
        return;
    };
    let limits = if ctl[0] & 1 == 0 {
        FrameLimits::default()
    } else {
        FrameLimits {
            max_line: 4 + usize::from(ctl[1] % 64),
            max_literal: u64::from(ctl[2] % 32),
            max_message: 8 + u64::from(ctl[1] ^ ctl[2]),
            max_non_sync_literal: if ctl[0] & 2 == 0 {
                u64::MAX
            } else {
                u64::from(ctl[3] % 16)
            },
        }
    };
    let accept = ctl[3];
    let whole = run_framer(limits, stream, [stream.len()], accept);
    let bytes = run_framer(limits, stream, std::iter::repeat(1), accept);
    assert_eq!(whole, bytes, "fed one byte at a time");
    let seed = u64::from_le_bytes([ctl[0], ctl[1], ctl[2], ctl[3], 0, 0, 0, 1]);
    let max = 1 + u64::from(ctl[0] >> 1) * 4;
    let random = run_framer(limits, stream, pieces_from(seed, max), accept);
    assert_eq!(whole, random, "fed in random pieces");
    for ev in &whole.0 {
        if let FrameEvent::Message(m) = ev {
            checks::framed_message_complete(m);
        }
    }
}

/// Arbitrary [`Command`] values (built by `arbitrary` through the
/// validated constructors) encode to bytes that parse back to the same
/// value, consuming every byte, under every encoder option.
pub fn roundtrip_command(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    if let Ok(cmd) = <Command<'_> as arbitrary::Arbitrary>::arbitrary(&mut u) {
        checks::command_round_trip(&cmd);
    }
}

/// Arbitrary [`Response`] values encode to bytes that parse back to the
/// same value, consuming every byte.
pub fn roundtrip_response(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    if let Ok(resp) = <Response<'_> as arbitrary::Arbitrary>::arbitrary(&mut u) {
        checks::response_round_trip(&resp);
    }
}

/// Splits a session target's input: 8 bytes of cut seed, 8 bytes of
/// caller actions, then the peer's bytes.
fn session_input(data: &[u8]) -> Option<(u64, u64, &[u8])> {
    let (seed, rest) = data.split_first_chunk::<8>()?;
    let (actions, input) = rest.split_first_chunk::<8>()?;
    Some((
        u64::from_le_bytes(*seed) | 1,
        u64::from_le_bytes(*actions),
        input,
    ))
}

/// A [`Server`](imap_proto::server::Server) fed arbitrary client bytes
/// with arbitrary caller actions ([`sessions::server_session`]): literals
/// accepted or refused, AUTHENTICATE answered with challenges and IDLE
/// with `+` (so SASL responses, `*` and `DONE` lines are read), commands
/// completed OK or NO, transports switched, time passing. Never panics;
/// without switches and time (whose place depends on the cut), the events
/// are the same fed whole and in pieces.
pub fn server_session(data: &[u8]) {
    let Some((seed, actions, input)) = session_input(data) else {
        return;
    };
    sessions::server_session(input, seed, actions | SWITCH | TIME);
    let fixed = actions & !(SWITCH | TIME);
    let whole = sessions::server_session(input, 0, fixed);
    assert_eq!(
        sessions::server_session(input, seed, fixed),
        whole,
        "server events differ fed in pieces"
    );
}

/// A [`Client`](imap_proto::client::Client) that sent commands chosen by
/// the input (LOGIN, SELECT, IDLE, AUTHENTICATE, STARTTLS, COMPRESS...)
/// fed arbitrary server bytes, answering continuation requests as the
/// input says ([`sessions::client_session`]). Never panics; the same
/// events whole and in pieces, without switches and time.
pub fn client_session(data: &[u8]) {
    let Some((seed, actions, input)) = session_input(data) else {
        return;
    };
    sessions::client_session(input, seed, actions | SWITCH | TIME);
    let fixed = actions & !(SWITCH | TIME);
    let whole = sessions::client_session(input, 0, fixed);
    assert_eq!(
        sessions::client_session(input, seed, fixed),
        whole,
        "client events differ fed in pieces"
    );
}

/// The special client lines alone: a [`Server`](imap_proto::server::Server)
/// that read `AUTHENTICATE PLAIN` and sent a challenge, or read `IDLE` and
/// sent `+` (chosen by the first input byte), then fed arbitrary bytes:
/// SASL responses in base64, `=` (empty), `*` (cancel), `DONE`, and
/// whatever else, with the caller answering each response with another
/// challenge or the completion as the next 8 bytes say. Never panics; the
/// same events fed whole and in pieces.
pub fn special_lines(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Some((choices, input)) = rest.split_first_chunk::<8>() else {
        return;
    };
    let mut stream: Vec<u8> = if mode & 1 == 0 {
        b"A1 AUTHENTICATE PLAIN\r\n".to_vec()
    } else {
        b"A1 IDLE\r\n".to_vec()
    };
    stream.extend_from_slice(input);
    // The first choice (bit 4) holds the completion back: the lines after
    // the command are special lines.
    let actions = (u64::from_le_bytes(*choices) | 1 << 4 | SPECIAL) & !(SWITCH | TIME);
    let seed = u64::from(mode) << 8 | 1;
    let whole = sessions::server_session(&stream, 0, actions);
    assert_eq!(
        sessions::server_session(&stream, seed, actions),
        whole,
        "server events differ fed in pieces"
    );
}

/// A [`Client`](imap_proto::client::Client) with commands in flight fed
/// arbitrary server lines ([`sessions::client_completions`]): 8 bytes of
/// caller actions, then lines separated by LF (a CR before it, and any
/// `}` ending a line, are dropped, so that each line frames alone). A
/// tagged line of a command in flight always ends it; BYE and the end of
/// the connection leave nothing in flight; every tag ends exactly once.
pub fn client_completions(data: &[u8]) {
    let Some((actions, input)) = data.split_first_chunk::<8>() else {
        return;
    };
    let lines: Vec<Vec<u8>> = input
        .split(|&b| b == b'\n')
        .take(64)
        .map(|l| {
            let mut l: Vec<u8> = l.iter().copied().filter(|&b| b != b'\r').collect();
            while l.last() == Some(&b'}') {
                l.pop();
            }
            l
        })
        .collect();
    sessions::client_completions(&lines, u64::from_le_bytes(*actions));
}
