//! The dissect example (imap-proto/examples/dissect.rs) on every committed
//! corpus session: every message shown, none failing to parse, none left
//! over; the same counts with the timeline and without it (interleaving
//! by tag); one printed line per message.

use imap_proto_tests::crate_dir;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/dissect.rs"]
mod dissect;

use dissect::{dissect_streams, Options, Summary};

#[test]
fn every_corpus_session_dissects_cleanly() {
    let root = crate_dir().join("corpus");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|d| d.path())
        .filter(|p| p.join("server.bin").exists() && p.join("timeline.tsv").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 9, "the committed sessions are there");
    let mut compared = 0;
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let client = std::fs::read(dir.join("client.bin")).unwrap();
        let server = std::fs::read(dir.join("server.bin")).unwrap();
        let tl = std::fs::read_to_string(dir.join("timeline.tsv")).unwrap();

        let mut printed = Vec::new();
        let opts = Options {
            messages: true,
            width: 120,
        };
        let with = dissect_streams(&client, &server, Some(&tl), opts, &mut printed).unwrap();
        let printed = String::from_utf8(printed).unwrap();
        assert_eq!(with.failures, 0, "{name}:\n{printed}");
        assert_eq!(with.incomplete, 0, "{name}");
        assert!(
            with.commands > 0 && with.responses > with.commands,
            "{name}: {with}"
        );
        let shown = with.commands + with.auth_lines + with.dones + with.responses;
        assert_eq!(
            printed.lines().count(),
            shown,
            "{name}: one line per message"
        );
        assert!(
            printed.lines().all(|l| l.chars().count() <= 120 + 16),
            "{name}: lines cut"
        );
        assert!(!printed.contains("!!"), "{name}");

        // Without the timeline, when it covers both whole streams (not the
        // 05 excerpt, whose server side is cut).
        let covered = |side: &str| -> usize {
            tl.lines()
                .filter(|l| l.split('\t').nth(1) == Some(side))
                .map(|l| l.split('\t').nth(3).unwrap().parse::<usize>().unwrap())
                .sum()
        };
        if covered("C") != client.len() || covered("S") != server.len() {
            continue;
        }
        let quiet = Options {
            messages: false,
            width: 0,
        };
        let mut none = Vec::new();
        let without = dissect_streams(&client, &server, None, quiet, &mut none).unwrap();
        assert!(none.is_empty());
        assert_eq!(without, with, "{name}: by tag as by timeline");
        compared += 1;
    }
    assert!(
        compared >= 8,
        "whole sessions compared without timeline: {compared}"
    );
}

#[test]
fn garbage_is_flagged_with_its_offset() {
    let client = b"a1 NOOP\r\na2 FROB(\r\na3 LOGOUT\r\n";
    let server = b"* OK hi\r\na1 OK done\r\na2 BAD what\r\n* BYE\r\na3 OK bye\r\n";
    let mut out = Vec::new();
    let opts = Options {
        messages: true,
        width: 200,
    };
    let s: Summary = dissect_streams(client, server, None, opts, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!((s.commands, s.responses, s.failures), (2, 5, 1), "{out}");
    let flagged = out.lines().find(|l| l.starts_with("C !!")).expect(&out);
    // "a2 FROB(" starts at byte 9 of the client stream; the error is inside it.
    let offset: usize = flagged[4..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((9..18).contains(&offset), "{flagged}");
}
