//! COMPRESS=DEFLATE properties: a `Server` and a `Client` past the switch
//! point, fed deflate streams in any cut, give the same events as the
//! plain input fed to a session that never compressed; arbitrary bytes
//! (broken deflate) give the same events in any cut and never a panic.

use imap_proto_fuzz::compress::{client, deflate, has_switch, server};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Protocol-looking input: tokens of the grammar and random bytes.
fn noise() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        1 => any::<u8>().prop_map(|b| vec![b]),
        4 => select(&[
            "A1 ", "A2 ", "* ", "+ ", "\r\n", "\r\n", " ", "(", ")", "{3}\r\n", "{2+}\r\n", "~{2}\r\n",
            "{9}\r\n", "LOGIN a b", "SELECT INBOX", "APPEND x {3}\r\nabc", "OK", "NO", "BAD", "BYE",
            "FETCH 1 (BODY[] {5}\r\nhello)", "1 EXISTS", "LOGOUT", "NOOP", "IDLE", "DONE",
        ][..]).prop_map(|s| s.as_bytes().to_vec()),
    ];
    vec(token, 0..120).prop_map(|v| v.concat())
}

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
    #![proptest_config(config(1000))]

    #[test]
    fn compressed_input_in_any_cut_gives_the_plain_events(
        plain in noise(),
        level in 0u8..10,
        flush in 0usize..40,
        seed in 1u64..,
    ) {
        prop_assume!(!has_switch(&plain));
        let z = deflate(&plain, level, flush);
        let expected = server(&plain, 0, false);
        prop_assert_eq!(&server(&z, seed, true), &expected);
        prop_assert_eq!(&server(&z, 0, true), &expected);
        let expected = client(&plain, 0, false);
        prop_assert_eq!(&client(&z, seed, true), &expected);
        prop_assert_eq!(&client(&z, 0, true), &expected);
    }

    #[test]
    fn broken_deflate_gives_the_same_events_in_any_cut(
        plain in noise(),
        flip in vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        raw in vec(any::<u8>(), 0..64),
        seed in 1u64..,
    ) {
        // A valid stream with a few bytes changed, or random bytes.
        let mut z = deflate(&plain, 1, 13);
        for (i, b) in flip {
            if !z.is_empty() {
                let k = i.index(z.len());
                z[k] ^= b;
            }
        }
        z.extend_from_slice(&raw);
        prop_assert_eq!(server(&z, seed, true), server(&z, 0, true));
        prop_assert_eq!(client(&z, seed, true), client(&z, 0, true));
    }
}
