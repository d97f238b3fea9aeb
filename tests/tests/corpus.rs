//! Replays the recorded traffic of `tests/corpus/`: every client message
//! must parse as a command (consuming exactly its bytes) and round-trip,
//! every server message must parse as a response and round-trip. Lines
//! that are not commands (AUTHENTICATE responses, DONE) are counted apart.
//! Prints per file how many messages parsed; lists every failure (up to a
//! cap per file), then fails once.

use imap_proto_tests::{
    check_command, check_response, crate_dir, show, split_client, split_server, ClientPiece,
    Failures,
};

/// Failures listed per file at most; the rest are only counted.
const CAP: usize = 25;

fn sessions() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(crate_dir().join("corpus"))
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "{dirs:?}");
    dirs
}

/// Whole messages only: the four-way checks minus the prefix sweep, which
/// is quadratic and too slow for megabytes of real traffic in debug
/// builds. The prefix check runs on the first messages of each file.
fn checks(is_client: bool, bytes: &[u8], with_prefixes: bool) -> Vec<String> {
    let fails = if is_client {
        check_command(bytes)
    } else {
        check_response(bytes)
    };
    if with_prefixes {
        fails
    } else {
        fails
            .into_iter()
            .filter(|f| !f.starts_with("prefix of"))
            .collect()
    }
}

fn replay(name: &str, data: &[u8], is_client: bool, summary: &mut Vec<String>) -> Failures {
    let mut f = Failures {
        cap: Some(CAP),
        ..Failures::default()
    };
    let (pieces, tail) = if is_client {
        let (p, t) = split_client(data);
        (
            p.into_iter()
                .map(|p| (p.offset, p.bytes, p.kind))
                .collect::<Vec<_>>(),
            t,
        )
    } else {
        let (p, t) = split_server(data);
        (
            p.into_iter()
                .map(|p| (p.offset, p.bytes, ClientPiece::Command))
                .collect(),
            t,
        )
    };
    let mut special = 0;
    for (i, (offset, bytes, kind)) in pieces.into_iter().enumerate() {
        if kind != ClientPiece::Command {
            special += 1;
            continue;
        }
        // The prefix sweep is quadratic: only for small early messages.
        let mut fails = checks(is_client, bytes, i < 20 && bytes.len() < 4096);
        if !fails.is_empty() {
            fails.insert(0, format!("message: `{}`", show(bytes, 160)));
        }
        f.record(format!("{name}@{offset}"), fails);
    }
    let mut line = format!("{name}: {}/{} parsed", f.checked - f.count(), f.checked);
    if special > 0 {
        line.push_str(&format!(" ({special} AUTHENTICATE/DONE lines not counted)"));
    }
    if !tail.is_empty() {
        line.push_str(&format!("; {} bytes of incomplete tail", tail.len()));
        f.record(
            format!("{name} tail"),
            vec![format!("incomplete tail: `{}`", show(tail, 80))],
        );
    }
    summary.push(line);
    f
}

fn run(is_client: bool) {
    let file = if is_client {
        "client.bin"
    } else {
        "server.bin"
    };
    let mut summary = Vec::new();
    let mut failed = 0;
    for dir in sessions() {
        let path = dir.join(file);
        if !path.exists() {
            continue;
        }
        let data = std::fs::read(&path).expect("corpus file");
        let name = format!("{}/{file}", dir.file_name().unwrap().to_string_lossy());
        let f = replay(&name, &data, is_client, &mut summary);
        if f.count() > 0 {
            eprintln!("{}", f.report(&name));
        }
        failed += f.count();
    }
    eprintln!("{}", summary.join("\n"));
    assert!(
        failed == 0,
        "corpus {file}: {failed} messages failed (list and per-file counts above)"
    );
}

#[test]
fn corpus_client_messages_parse_as_commands() {
    run(true);
}

#[test]
fn corpus_server_messages_parse_as_responses() {
    run(false);
}

/// The splitter finds the AUTHENTICATE and IDLE lines the corpus holds.
#[test]
fn corpus_special_lines_are_found() {
    let data = std::fs::read(crate_dir().join("corpus/10-curl-status/client.bin")).unwrap();
    let (p, tail) = split_client(&data);
    assert!(tail.is_empty());
    let kinds: Vec<_> = p.iter().map(|p| p.kind).collect();
    use ClientPiece::*;
    assert_eq!(kinds, [Command, Command, AuthLine, Command, Command]);
    let data = std::fs::read(crate_dir().join("corpus/05-imaplib-webmail/client.bin")).unwrap();
    let (p, _) = split_client(&data);
    assert_eq!(p.iter().filter(|p| p.kind == Done).count(), 1);
}
