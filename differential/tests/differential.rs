//! The differential checks: classes of known messages, the peers' panics
//! caught and counted, the bounded measurement over mutated recorded
//! messages (the property of `cargo test`; `examples/measure.rs` runs the
//! big one) and the committed inputs of the `differential` fuzz target.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use imap_proto_differential::{
    compare, fuzz_body, must_read, tally, Class, Comparison, Peer, Reading, Side,
};
use imap_proto_tests::{crate_dir, split_client, split_server, ClientPiece};

fn class(side: Side, msg: &[u8], p: Peer) -> Class {
    let c = compare(side, msg);
    c.peers
        .into_iter()
        .find(|(q, _, _)| *q == p)
        .map(|(_, _, c)| c)
        .expect("peer of this side")
}

/// imap-proto 0.17 panics on NIL where INTERNALDATE's date-time belongs
/// (issue 11); the panic is caught, counted as such, and this crate's
/// reading is still there.
#[test]
fn imap_proto_017_panic_is_caught() {
    let msg = b"* 1 FETCH (INTERNALDATE NIL)\r\n";
    let c = compare(Side::Response, msg);
    let (_, reading, class) = &c.peers[1];
    assert!(matches!(reading, Reading::Panicked(_)), "{reading:?}");
    assert!(matches!(class, Class::PeerPanicked(_)), "{class:?}");
    assert!(!matches!(c.ours, Reading::Panicked(_)));
    let mut t = tally::Tally::default();
    t.add(Side::Response, msg);
    t.add(Side::Response, msg);
    assert_eq!(t.peers[&("responses", Peer::ImapProto017)].panics, 2);
    assert_eq!(t.peers[&("responses", Peer::ImapCodec)].panics, 0);
    // The fuzz body survives it too (the panic is not this crate's).
    let mut input = vec![1];
    input.extend_from_slice(msg);
    fuzz_body(&input);
}

/// imap-proto 0.17 also panics on an 8-bit byte right after a response
/// code's `]` (it slices the text inside a UTF-8 sequence): found by the
/// measurement (N = 50,000, seed 12). Caught and counted the same way.
#[test]
fn imap_proto_017_panics_on_8bit_after_code() {
    let msg = b"* OK [UNSEEN 1]\xfeFirst $unsen.\r\n";
    match class(Side::Response, msg, Peer::ImapProto017) {
        Class::PeerPanicked(m) => assert!(m.contains("char boundary"), "{m}"),
        other => panic!("{other:?}"),
    }
    // imap-codec refuses it (8-bit text), without panicking.
    let c = compare(Side::Response, msg);
    assert_eq!(c.peers[0].1, Reading::Refused("failed".into()));
}

#[test]
fn valid_messages_are_read_by_all() {
    for (side, msg) in [
        (Side::Command, &b"A1 LOGIN fred secret\r\n"[..]),
        (Side::Command, b"A2 UID FETCH 1:* (FLAGS BODY.PEEK[])\r\n"),
        (Side::Response, b"* 3 FETCH (UID 7 FLAGS (\\Seen))\r\n"),
        (Side::Response, b"A1 OK [UIDNEXT 4] done\r\n"),
        (Side::Response, b"* OK [CAPABILITY IMAP4rev1] ready\r\n"),
    ] {
        for &p in Peer::for_side(side) {
            assert_eq!(class(side, msg, p), Class::BothRead, "{p:?} {msg:?}");
        }
    }
}

#[test]
fn classes_of_disagreements() {
    // Nobody reads an unbalanced list.
    let msg = b"* 1 FETCH (FLAGS (\\Seen)\r\n";
    assert_eq!(
        class(Side::Response, msg, Peer::ImapCodec),
        Class::BothRefuse
    );
    // UIDVALIDITY beyond 2^32-1: imap-codec reads it (as text), we refuse
    // the number (truly invalid: out of range), with the reason named.
    let msg = b"* OK [UIDVALIDITY 179569073737] UIDs valid\r\n";
    match class(Side::Response, msg, Peer::ImapCodec) {
        Class::PeerReadsWeRefuse(r) => assert!(r.contains("4294967295"), "{r}"),
        other => panic!("{other:?}"),
    }
    // Half a message read is not reading it.
    let msg = b"A1 NOOP\r\nA2 NOOP\r\n";
    assert_eq!(
        class(Side::Command, msg, Peer::ImapCodec),
        Class::BothRefuse
    );
}

/// The fuzz target's crash class: both peers read a server message that
/// this crate refuses for a reason the triage did not find truly invalid.
#[test]
fn must_read_needs_both_peers_and_an_untriaged_reason() {
    // A command is never in it (one peer only).
    let c = compare(Side::Command, b"A1 UID FETCH 02 FLAGS\r\n");
    assert_eq!(
        must_read(Side::Command, b"A1 UID FETCH 02 FLAGS\r\n", &c),
        None
    );
    // Out of range: truly invalid, only counted.
    let msg = b"* OK [UIDVALIDITY 179569073737] UIDs valid\r\n";
    assert_eq!(
        must_read(Side::Response, msg, &compare(Side::Response, msg)),
        None
    );
    // What everyone reads is not flagged.
    let msg = b"* 3 FETCH (UID 7 FLAGS (\\Seen))\r\n";
    assert_eq!(
        must_read(Side::Response, msg, &compare(Side::Response, msg)),
        None
    );
    // Both peers read, we refuse, an untriaged reason: flagged, unless
    // the bytes are broken (NUL, bare CR or LF) or one peer refuses.
    let refused = |r: &str| Class::PeerReadsWeRefuse(r.to_string());
    let msg = b"* OK [X Y] z\r\n";
    let c = |second: Class| Comparison {
        ours: Reading::Refused("expected atom".into()),
        peers: vec![
            (
                Peer::ImapCodec,
                Reading::Read(msg.len()),
                refused("expected atom"),
            ),
            (Peer::ImapProto017, Reading::Read(msg.len()), second),
        ],
    };
    let both = c(refused("expected atom"));
    assert_eq!(must_read(Side::Response, msg, &both), Some("expected atom"));
    assert_eq!(must_read(Side::Response, b"* OK [X\0Y] z\r\n", &both), None);
    assert_eq!(must_read(Side::Response, b"* OK [X\rY] z\r\n", &both), None);
    assert_eq!(must_read(Side::Response, b"* OK [X\nY] z\r\n", &both), None);
    assert_eq!(must_read(Side::Response, msg, &c(Class::BothRefuse)), None);
    let range = c(refused("expected number (at most 4294967295)"));
    assert_eq!(must_read(Side::Response, msg, &range), None);
    // A line ending in a literal header is framing: this crate waits for
    // the announced octets, the peers read a line (found by CI's fuzz
    // smoke; the input is in fuzz/regressions/differential/).
    let msg = b"+ Uxxxx\x01* N\x01* NOP(IN{9223372036854775807}\r\n";
    let c = compare(Side::Response, msg);
    assert_eq!(c.ours, Reading::Incomplete);
    assert_eq!(must_read(Side::Response, msg, &c), None);
    let ending = |m: &[u8]| {
        let both = Comparison {
            ours: Reading::Incomplete,
            peers: vec![
                (
                    Peer::ImapCodec,
                    Reading::Read(m.len()),
                    refused("incomplete"),
                ),
                (
                    Peer::ImapProto017,
                    Reading::Read(m.len()),
                    refused("incomplete"),
                ),
            ],
        };
        must_read(Side::Response, m, &both).is_some()
    };
    assert!(!ending(b"+ x {5}\r\n"));
    assert!(!ending(b"+ x {5+}\r\n"));
    assert!(!ending(b"+ x ~{5}\r\n"));
    assert!(ending(b"+ x {}\r\n"));
    assert!(ending(b"+ x 5}\r\n"));
}

type Messages = (Vec<Vec<u8>>, Vec<Vec<u8>>);

/// The recorded messages, split as `tests/corpus.rs` and the properties
/// split them (commands, not AUTHENTICATE lines or DONE; up to 4096
/// bytes).
fn corpus() -> &'static Messages {
    static C: OnceLock<Messages> = OnceLock::new();
    C.get_or_init(|| {
        let mut cmds = Vec::new();
        let mut resps = Vec::new();
        let mut sessions: Vec<_> = std::fs::read_dir(crate_dir().join("corpus"))
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

/// Every recorded message that a peer reads, this crate reads too.
#[test]
fn recorded_messages_peers_read_we_read() {
    let (cmds, resps) = corpus();
    let mut t = tally::Tally::default();
    for c in cmds {
        t.add(Side::Command, c);
    }
    for r in resps {
        t.add(Side::Response, r);
    }
    for ((s, p), pt) in &t.peers {
        assert_eq!(pt.peer_reads_we_refuse, 0, "{s} {p:?}:\n{}", t.report());
        assert_eq!(pt.panics, 0, "{s} {p:?}");
        assert!(pt.both_read > 100, "{s} {p:?}: {}", pt.both_read);
    }
}

/// The bounded measurement (DIFFERENTIAL_N mutations per side, default
/// 400): repeatable from its seed, every message counted once per peer,
/// and none in the fuzz target's crash class.
#[test]
fn mutated_recorded_messages_bounded() {
    let n = std::env::var("DIFFERENTIAL_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let (cmds, resps) = corpus();
    let t = tally::measure(cmds, resps, n, 11);
    let again = tally::measure(cmds, resps, n, 11);
    assert_eq!(t.report(), again.report(), "same seed, same run");
    eprintln!("{}", t.report());
    for ((s, p), pt) in &t.peers {
        let sum = pt.both_read
            + pt.both_refuse
            + pt.we_read_peer_refuses
            + pt.peer_reads_we_refuse
            + pt.panics;
        assert_eq!(sum, n, "{s} {p:?}");
        let reasons: usize = pt.reasons.values().map(|(k, _)| k).sum();
        assert_eq!(reasons, pt.peer_reads_we_refuse, "{s} {p:?}");
        assert!(pt.both_read > 0 && pt.both_refuse > 0, "{s} {p:?}");
    }
    assert!(
        t.must_read.is_empty(),
        "both peers read and we refuse (not triaged invalid):\n{}",
        t.report()
    );
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The committed seeds and regressions of the `differential` fuzz target
/// run through its body.
#[test]
fn fuzz_inputs_replay() {
    let mut count = 0;
    for kind in ["seeds", "regressions"] {
        let dir = fuzz_dir().join(kind).join("differential");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = rd.map(|e| e.expect("entry").path()).collect();
        files.sort();
        for f in files {
            fuzz_body(&std::fs::read(&f).expect("input"));
            count += 1;
        }
    }
    assert!(count >= 20, "seeds of the differential target: {count}");
}
