//! The properties of issue 5, over generated values and mutated traffic.
//!
//! - every generated Command and Response encodes (under every encoder
//!   option) to bytes that parse back to it, consuming them all;
//! - every strict prefix of an encoded message is `Incomplete`, and
//!   trailing bytes are left alone;
//! - what parses of mutated recorded messages re-encodes to bytes that
//!   parse to the same value (parse, encode, parse);
//! - any split of a stream of messages gives the same framer output;
//! - random bytes never make the parsers or the framer panic.
//!
//! Case counts are set per property (several thousand each) and sized so
//! that this file runs in well under two minutes in a debug build;
//! `PROPTEST_CASES=n` sets every property's count to `n` instead.
//! Failing cases are kept in `proptest-regressions/properties.txt` and
//! replayed first on every run.

use std::sync::OnceLock;

use imap_proto::frame::FrameLimits;
use imap_proto::{parse_command, parse_response};
use imap_proto_fuzz::targets::{self, run_framer, FrameEvent};
use imap_proto_fuzz::{checks, strategies as st};
use imap_proto_tests::{crate_dir, split_client, split_server, ClientPiece};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_shrink_iters: 4096,
        // Relative to the crate (cargo runs tests there); committed.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..ProptestConfig::default()
    }
}

/// The strict prefixes to check: all of them for a short message; for a
/// long one (a big literal), the first and last 256 and every 7th.
fn prefixes(len: usize) -> impl Iterator<Item = usize> {
    (0..len).filter(move |&k| len <= 600 || k < 256 || k + 256 >= len || k % 7 == 0)
}

/// Recorded messages: client commands, server responses.
type Messages = (Vec<Vec<u8>>, Vec<Vec<u8>>);

/// Recorded messages (tests/corpus): client commands and server responses.
fn corpus() -> &'static Messages {
    static C: OnceLock<Messages> = OnceLock::new();
    C.get_or_init(|| {
        let mut cmds = Vec::new();
        let mut resps = Vec::new();
        let dir = crate_dir().join("corpus");
        let mut sessions: Vec<_> = std::fs::read_dir(&dir)
            .expect("tests/corpus")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir())
            .collect();
        sessions.sort();
        for s in sessions {
            if let Ok(c) = std::fs::read(s.join("client.bin")) {
                for p in split_client(&c).0 {
                    if p.kind == ClientPiece::Command && p.bytes.len() <= 4096 {
                        cmds.push(p.bytes.to_vec());
                    }
                }
            }
            if let Ok(r) = std::fs::read(s.join("server.bin")) {
                for p in split_server(&r).0 {
                    if p.bytes.len() <= 4096 {
                        resps.push(p.bytes.to_vec());
                    }
                }
            }
        }
        assert!(cmds.len() > 100 && resps.len() > 100, "corpus too small");
        (cmds, resps)
    })
}

/// One edit of a message: replace, insert or delete a byte, or repeat a
/// slice.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Repeat(usize, usize),
}

/// Bytes an edit puts in: mostly the grammar's own.
fn edit_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => select(&b" ()[]{}<>\"\\*$%+-~.:,0123456789\r\nNIL"[..]),
        1 => any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), edit_byte()).prop_map(|(p, b)| Edit::Replace(p, b)),
        (any::<usize>(), edit_byte()).prop_map(|(p, b)| Edit::Insert(p, b)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), 1usize..12).prop_map(|(p, n)| Edit::Repeat(p, n)),
    ]
}

fn apply(msg: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut m = msg.to_vec();
    for e in edits {
        if m.is_empty() {
            break;
        }
        let at = |p: usize| p % m.len();
        match *e {
            Edit::Replace(p, b) => {
                let k = at(p);
                m[k] = b;
            }
            Edit::Insert(p, b) => {
                let k = at(p);
                m.insert(k, b);
            }
            Edit::Delete(p) => {
                let k = at(p);
                m.remove(k);
            }
            Edit::Repeat(p, n) => {
                let k = at(p);
                let end = (k + n).min(m.len());
                let s = m[k..end].to_vec();
                m.splice(k..k, s);
            }
        }
    }
    m
}

proptest! {
    #![proptest_config(config(4000))]

    /// parse(to_bytes(c)) == c for every generated command, consuming all
    /// bytes, under every encoder option.
    #[test]
    fn command_round_trip(c in st::command()) {
        checks::command_round_trip(&c);
    }

    /// parse(to_bytes(r)) == r for every generated response.
    #[test]
    fn response_round_trip(r in st::response()) {
        checks::response_round_trip(&r);
    }

    /// parse(to_bytes(parse(x))) == parse(x) for mutated recorded commands
    /// (and no panic, whatever the edit).
    #[test]
    fn mutated_commands_reparse(k in any::<usize>(), edits in vec(edit(), 0..4)) {
        let msgs = &corpus().0;
        let x = apply(&msgs[k % msgs.len()], &edits);
        if let Ok((c, _)) = parse_command(&x) {
            checks::command_round_trip(&c);
        }
        targets::parse_command(&x);
    }

    /// The same for mutated recorded responses.
    #[test]
    fn mutated_responses_reparse(k in any::<usize>(), edits in vec(edit(), 0..4)) {
        let msgs = &corpus().1;
        let x = apply(&msgs[k % msgs.len()], &edits);
        if let Ok((r, _)) = parse_response(&x) {
            checks::response_round_trip(&r);
        }
        targets::parse_response(&x);
    }
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

/// The bytes of the values of `r` kept raw by a lenient reading: FETCH
/// items kept raw (malformed or unknown) and untagged data kept raw.
fn degraded_bytes<'a>(r: &'a imap_proto::types::Response<'_>) -> Vec<&'a [u8]> {
    use imap_proto::types::{Data, MessageDataItem as M, Response};
    let mut out = Vec::new();
    match r {
        Response::Data(Data::Fetch { items, .. }) => {
            for it in items {
                match it {
                    M::Malformed(m) => out.push(m.value().as_bytes()),
                    M::Other { value, .. } => out.push(value.as_bytes()),
                    _ => {}
                }
            }
        }
        Response::Data(Data::Other(o)) => out.extend(o.rest()),
        _ => {}
    }
    out
}

proptest! {
    #![proptest_config(config(2500))]

    /// For mutated recorded responses that parse: the value re-encodes to
    /// bytes that parse to the same value, and every value kept raw by a
    /// lenient reading (degraded FETCH items, unknown items, degraded
    /// data) is a slice of the input, byte for byte: nothing is lost or
    /// rewritten by the leniency.
    #[test]
    fn mutated_responses_lenient_readings_are_exact(
        k in any::<usize>(),
        edits in vec(edit(), 1..4),
    ) {
        let msgs = &corpus().1;
        let x = apply(&msgs[k % msgs.len()], &edits);
        if let Ok((r, n)) = parse_response(&x) {
            let encoded = r.to_bytes();
            let again = parse_response(&encoded).map(|(v, _)| v);
            prop_assert_eq!(again.as_ref(), Ok(&r));
            for raw in degraded_bytes(&r) {
                prop_assert!(
                    contains(&x[..n], raw),
                    "raw bytes {:?} not in the input {:?}",
                    String::from_utf8_lossy(raw),
                    String::from_utf8_lossy(&x[..n])
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(config(2500))]

    /// Every strict prefix of an encoded command is Incomplete; bytes after
    /// it are left alone.
    #[test]
    fn command_prefixes_are_incomplete(c in st::command()) {
        let b = c.to_bytes();
        for k in prefixes(b.len()) {
            checks::assert_incomplete(parse_command(&b[..k]).err(), k);
        }
        let mut more = b.clone();
        more.extend_from_slice(b"A2 NOOP\r\n");
        prop_assert_eq!(parse_command(&more).map(|(_, n)| n), Ok(b.len()));
    }

    /// Every strict prefix of an encoded response is Incomplete; bytes
    /// after it are left alone.
    #[test]
    fn response_prefixes_are_incomplete(r in st::response()) {
        let b = r.to_bytes();
        for k in prefixes(b.len()) {
            checks::assert_incomplete(parse_response(&b[..k]).err(), k);
        }
        let mut more = b.clone();
        more.extend_from_slice(b"* 1 EXISTS\r\n");
        prop_assert_eq!(parse_response(&more).map(|(_, n)| n), Ok(b.len()));
    }

    /// A stream of encoded commands, cut anywhere, gives the same framer
    /// events as fed whole; with every literal accepted, the messages are
    /// exactly the commands.
    #[test]
    fn framer_split_commands(
        cmds in vec(st::command(), 1..5),
        pieces in vec(1usize..48, 0..64),
        accept in any::<u8>(),
    ) {
        let encoded: Vec<Vec<u8>> = cmds.iter().map(|c| c.to_bytes()).collect();
        let stream = encoded.concat();
        let limits = FrameLimits::default();
        let whole = run_framer(limits, &stream, [stream.len()], accept);
        let cut = run_framer(limits, &stream, pieces.iter().copied(), accept);
        prop_assert_eq!(&whole, &cut);
        let all = run_framer(limits, &stream, pieces.iter().copied(), 0xff);
        let messages: Vec<Vec<u8>> = all
            .0
            .into_iter()
            .filter_map(|e| match e {
                FrameEvent::Message(m) => Some(m),
                _ => None,
            })
            .collect();
        prop_assert_eq!(messages, encoded);
        prop_assert_eq!(all.1, 0);
    }

    /// The same for a window of recorded server traffic under tight limits
    /// (so that lines and literals break them and the framer resynchronises).
    #[test]
    fn framer_split_recorded(
        k in any::<usize>(),
        len in 1usize..3000,
        pieces in vec(1usize..300, 0..64),
        tight in any::<bool>(),
        accept in any::<u8>(),
    ) {
        let (cmds, resps) = corpus();
        let stream: Vec<u8> = if k % 2 == 0 {
            cmds.iter().skip(k / 2 % cmds.len()).flatten().take(len).copied().collect()
        } else {
            resps.iter().skip(k / 2 % resps.len()).flatten().take(len).copied().collect()
        };
        let limits = if tight {
            FrameLimits { max_line: 80, max_literal: 100, max_message: 300, max_non_sync_literal: 50 }
        } else {
            FrameLimits::default()
        };
        let whole = run_framer(limits, &stream, [stream.len()], accept);
        let cut = run_framer(limits, &stream, pieces.iter().copied(), accept);
        prop_assert_eq!(whole, cut);
    }
}

/// Bytes from the grammar's tokens and random bytes, for the no-panic
/// properties.
fn noise() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        3 => any::<u8>().prop_map(|b| vec![b]),
        2 => select(&[
            "A1 ", "* ", "+ ", "\r\n", " ", "(", ")", "[", "]", "{3}\r\n", "{0+}\r\n", "~{2}\r\n",
            "\"", "NIL", "FETCH", "BODY[", "BODYSTRUCTURE (", "SEARCH", "OK", "LIST", "1:*", "$",
            "UID", "ENVELOPE (", "RETURN (", "CHARSET", "OR", "NOT", "APPEND", "ESEARCH", "THREAD",
            "STATUS", "<0.5>", "\\Seen", "{99999999999999999999}\r\n",
        ][..]).prop_map(|s| s.as_bytes().to_vec()),
    ];
    vec(token, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config(5000))]

    /// Random bytes never make parse_command, parse_response or the framer
    /// panic (and whatever parses passes the targets' checks).
    #[test]
    fn random_bytes_never_panic(b in noise(), ctl in any::<[u8; 4]>()) {
        targets::parse_command(&b);
        targets::parse_response(&b);
        let mut f = ctl.to_vec();
        f.extend_from_slice(&b);
        targets::framer(&f);
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// The `arbitrary` generators of imap-proto (the fuzz targets' values)
    /// hold the same round-trip property as the proptest strategies.
    #[test]
    fn arbitrary_values_round_trip(b in vec(any::<u8>(), 0..1500)) {
        targets::roundtrip_command(&b);
        targets::roundtrip_response(&b);
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// The `Display` of every generated command and response is one line,
    /// in both the short and the `{:#}` form (literals, CRLF and control
    /// characters never leak a line break into a log).
    #[test]
    fn display_is_one_line(c in st::command(), r in st::response()) {
        for s in [c.to_string(), format!("{c:#}"), r.to_string(), format!("{r:#}")] {
            prop_assert!(!s.contains(['\r', '\n']), "{s:?}");
        }
    }
}
