//! Session properties: a `Server` fed any client bytes, and a `Client` fed
//! any server bytes, with arbitrary caller actions, never panic, and give
//! the same events however the input is cut.

use imap_proto::types::{Command, Response};
use imap_proto_fuzz::sessions::{
    client_completions, client_session, server_session, ACCEPT_ALL, SPECIAL, SWITCH, TIME,
};
use imap_proto_fuzz::strategies;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Protocol-looking noise: tokens of the grammar and random bytes.
fn noise() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        2 => any::<u8>().prop_map(|b| vec![b]),
        3 => select(&[
            "A1 ", "A2 ", "* ", "+ ", "\r\n", " ", "(", ")", "{3}\r\n", "{2+}\r\n", "~{2}\r\n", "{9}\r\n",
            "LOGIN a b", "AUTHENTICATE PLAIN", "AGpvZQBwdw==", "*", "=", "IDLE", "DONE", "STARTTLS",
            "COMPRESS DEFLATE", "SELECT INBOX", "APPEND x {3}\r\nabc", "OK", "NO", "BAD", "BYE",
            "PREAUTH", "[CAPABILITY IMAP4rev1 LITERAL+ SASL-IR]", "1 EXISTS", "LOGOUT", "NOOP",
        ][..]).prop_map(|s| s.as_bytes().to_vec()),
    ];
    vec(token, 0..80).prop_map(|v| v.concat())
}

/// A server's line: tags the client uses, status words, the codes real
/// servers get wrong (Gmail's, Exchange's) and random bytes; no CR or LF,
/// and no `}` at the end (so that it frames alone, with no literal).
fn server_line() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        2 => any::<u8>().prop_filter("no line end", |b| *b != b'\r' && *b != b'\n').prop_map(|b| vec![b]),
        6 => select(&[
            "A1 ", "A2 ", "A3 ", "A4 ", "A5 ", "A6 ", "A7 ", "A8 ", "X1 ", "* ", "+ ", " ", "(", ")", "[", "]",
            "OK", "NO", "BAD", "BYE", "bye", "PREAUTH", "[READ-WRITE] ", "[Gmail]/Sent Mail selected. (Success)",
            "[Error=\"Microsoft.Exchange: Cross Server access\" Proxy=h:1993:SSL] AUTHENTICATE completed.",
            "[CAPABILITY IMAP4rev1 LITERAL+ SASL-IR]", "1 EXISTS", "FETCH (UID 1)", "{3}", "~{2}", "\x01", "\0",
        ][..]).prop_map(|s| s.as_bytes().to_vec()),
    ];
    let soup = vec(token, 0..12).prop_map(|v| {
        let mut l = v.concat();
        while l.last() == Some(&b'}') {
            l.pop();
        }
        l
    });
    // Lines that parse, so that typed completions are checked too.
    let tag = select(&["A1", "A2", "A3", "A4", "A5", "A6", "X1"][..]);
    let rest = select(
        &[
            "OK done",
            "NO [TRYCREATE] no",
            "BAD what",
            "OK [READ-WRITE] SELECT completed",
        ][..],
    );
    let valid = prop_oneof![
        (tag, rest).prop_map(|(t, r)| format!("{t} {r}").into_bytes()),
        select(
            &[
                "* 3 EXISTS",
                "* OK [ALERT] hi",
                "* BYE bye",
                "+ go on",
                "* CAPABILITY IMAP4rev1 LITERAL+"
            ][..]
        )
        .prop_map(|s| s.as_bytes().to_vec()),
    ];
    prop_oneof![2 => soup, 1 => valid]
}

/// A server's message that frames alone once CRLF is added: lines of
/// [`server_line`] joined by literals (`{N}`, CRLF, N arbitrary octets).
fn server_message() -> impl Strategy<Value = Vec<u8>> {
    let literal = (vec(any::<u8>(), 0..6), server_line());
    (server_line(), vec(literal, 0..2)).prop_map(|(mut m, literals)| {
        for (data, tail) in literals {
            m.extend_from_slice(format!("{{{}}}\r\n", data.len()).as_bytes());
            m.extend_from_slice(&data);
            m.extend_from_slice(&tail);
        }
        m
    })
}

/// `cases`, or `PROPTEST_CASES` when set (for longer runs).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(3000))]

    /// Any bytes and actions: no panic; without transport switches (whose
    /// place depends on the cut), the same events whole and cut.
    #[test]
    fn server_any_input(input in noise(), seed in 1u64.., actions in any::<u64>()) {
        server_session(&input, seed, actions | SWITCH | TIME);
        let fixed = actions & !(SWITCH | TIME);
        let whole = server_session(&input, 0, fixed);
        prop_assert_eq!(server_session(&input, seed, fixed), whole);
    }

    #[test]
    fn client_any_input(input in noise(), seed in 1u64.., actions in any::<u64>()) {
        client_session(&input, seed, actions | SWITCH | TIME);
        let fixed = actions & !(SWITCH | TIME);
        let whole = client_session(&input, 0, fixed);
        prop_assert_eq!(client_session(&input, seed, fixed), whole);
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// Valid streams of generated commands and responses: the same events
    /// however they are cut, and no command is reported malformed.
    #[test]
    fn server_valid_stream(cmds in vec(strategies::command(), 1..6), seed in 1u64.., actions in any::<u64>()) {
        let input: Vec<u8> = cmds.iter().flat_map(Command::to_bytes).collect();
        let actions = (actions | ACCEPT_ALL) & !(SWITCH | TIME | SPECIAL);
        let whole = server_session(&input, 0, actions);
        prop_assert!(!whole.iter().any(|e| e.contains("Parse {")), "{:?}", whole);
        prop_assert_eq!(&server_session(&input, seed, actions), &whole);
    }

    #[test]
    fn client_valid_stream(resps in vec(strategies::response(), 1..6), seed in 1u64.., actions in any::<u64>()) {
        let input: Vec<u8> = resps.iter().flat_map(Response::to_bytes).collect();
        let actions = actions & !(SWITCH | TIME);
        let whole = client_session(&input, 0, actions);
        prop_assert!(
            !whole.iter().any(|e| e.contains("Parse {") || e.contains("CompletedRaw")),
            "{:?}",
            whole
        );
        prop_assert_eq!(client_session(&input, seed, actions), whole);
    }
}

proptest! {
    #![proptest_config(config(3000))]

    /// Any server lines: a tagged line of a command in flight ends it,
    /// whatever follows the tag; BYE and the end of the connection leave
    /// nothing in flight; every tag given out ends exactly once.
    #[test]
    fn client_never_hangs(lines in vec(server_message(), 0..24), actions in any::<u64>()) {
        client_completions(&lines, actions);
    }
}

/// The property's own check holds on the lines of the issue: Gmail's
/// SELECT and Exchange's AUTHENTICATE completions, a tagged BYE, a BYE
/// with three commands in flight.
#[test]
fn client_never_hangs_on_known_lines() {
    let lines: Vec<Vec<u8>> = [
        &b"* OK hi"[..],
        b"A2 OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)",
        b"A5 OK [Error=\"Microsoft.Exchange: Cross Server access is not allowed\" Proxy=h:1993:SSL] AUTHENTICATE completed.",
        b"A6 BYE going",
    ]
    .iter()
    .map(|l| l.to_vec())
    .collect();
    // LOGIN, SELECT, AUTHENTICATE, two NOOPs.
    client_completions(&lines, 0b11 | 1 << 4 | 2 << 5);
    client_completions(&[b"* BYE later".to_vec()], 0b1000 | 3 << 5);
    client_completions(&[], !0);
}

/// The special client lines are reached: with [`SPECIAL`] and every
/// choice set, AUTHENTICATE is answered with challenges, so the next lines
/// are SASL responses (the last one cancels), and IDLE with `+`, so the
/// line after it is `DONE`.
#[test]
fn server_reads_special_lines() {
    let input = b"A1 AUTHENTICATE PLAIN\r\nAGpvZQBwdw==\r\n*\r\nA2 IDLE\r\nDONE\r\nA3 NOOP\r\n";
    let log = server_session(input, 0, SPECIAL | !0 >> 8);
    let kinds: Vec<&str> = log
        .iter()
        .map(|l| l.split([' ', '(']).next().unwrap_or(""))
        .collect();
    assert_eq!(
        kinds,
        [
            "Command",
            "AuthenticateData",
            "AuthenticateCancelled",
            "Command",
            "IdleDone",
            "Command",
            "state"
        ],
        "{log:#?}"
    );
    // The response decoded from base64: "\0joe\0pw".
    assert_eq!(log[1], "AuthenticateData([0, 6a, 6f, 65, 0, 70, 77])");
    // The cancelled exchange completed BAD: still not authenticated.
    assert_eq!(
        log.last().map(String::as_str),
        Some("state NotAuthenticated")
    );
    // Without SPECIAL the same lines are commands (and malformed ones).
    let plain = server_session(input, 0, !0 >> 8);
    assert!(
        !plain.iter().any(|l| l.contains("IdleDone")
            || l.contains("AuthenticateData")
            || l.contains("AuthenticateCancelled")),
        "{plain:#?}"
    );
}
