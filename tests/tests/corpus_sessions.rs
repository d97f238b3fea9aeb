//! Every recorded connection of `tests/corpus` replayed through the session
//! state machines, in the recorded order (timeline.tsv): the client's bytes
//! into a `Server` (the recorded server's responses given to it with
//! `send`, as a real server would), and the server's bytes into a `Client`
//! (the recorded commands given to it with `send_tagged`). Each replay is
//! run with the bytes fed whole, in pseudo-random chunks, and one byte at a
//! time: the events must be the same, and none may be an error.

use std::path::Path;

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::server::{Server, ServerConfig, ServerEvent};
use imap_proto::{parse_command, parse_response};
use imap_proto_tests::{crate_dir, split_client, split_server, ClientPiece};

struct Session {
    name: String,
    client: Vec<u8>,
    server: Vec<u8>,
    /// (from the client?, offset, length)
    timeline: Vec<(bool, usize, usize)>,
}

fn sessions() -> Vec<Session> {
    let root = crate_dir().join("corpus");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|d| d.path())
        .collect();
    dirs.sort();
    for d in dirs {
        let read = |f: &str| std::fs::read(d.join(f)).ok();
        let (Some(client), Some(server), Some(tl)) =
            (read("client.bin"), read("server.bin"), read("timeline.tsv"))
        else {
            continue;
        };
        let timeline = String::from_utf8(tl)
            .unwrap()
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[1] == "C", f[2].parse().unwrap(), f[3].parse().unwrap())
            })
            .collect();
        out.push(Session {
            name: name_of(&d),
            client,
            server,
            timeline,
        });
    }
    assert!(out.len() >= 9, "the committed sessions are there");
    out
}

fn name_of(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// How a stream is cut: whole, pseudo-random pieces of 1 to 97 bytes, or
/// single bytes.
#[derive(Clone, Copy, Debug)]
enum Cut {
    Whole,
    Random(u64),
    Bytes,
}

fn pieces(data: &[u8], cut: Cut) -> Vec<&[u8]> {
    match cut {
        Cut::Whole => vec![data],
        Cut::Bytes => data.chunks(1).collect(),
        Cut::Random(mut seed) => {
            let mut out = Vec::new();
            let mut rest = data;
            while !rest.is_empty() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let n = ((seed >> 33) % 97 + 1) as usize;
                let (a, b) = rest.split_at(n.min(rest.len()));
                out.push(a);
                rest = b;
            }
            out
        }
    }
}

fn replay_server(s: &Session, cut: Cut) -> Vec<String> {
    let mut server = Server::new(ServerConfig::default());
    let (responses, _) = split_server(&s.server);
    let mut next = 0;
    let mut events = Vec::new();
    for &(from_client, off, len) in &s.timeline {
        if from_client {
            for piece in pieces(&s.client[off..off + len], cut) {
                server.handle_input(piece);
                loop {
                    let accept = match server.poll_event() {
                        None => break,
                        Some(e) => {
                            let accept = matches!(e, Ok(ServerEvent::LiteralAnnounced { .. }));
                            events.push(format!("{e:?}"));
                            accept
                        }
                    };
                    if accept {
                        server.accept_literal();
                    }
                }
            }
        } else {
            let end = off + len;
            while next < responses.len()
                && responses[next].offset + responses[next].bytes.len() <= end
            {
                let (r, _) = parse_response(responses[next].bytes).unwrap();
                server.send(&r).unwrap();
                next += 1;
            }
            let n = server.poll_transmit().map_or(0, <[u8]>::len);
            server.consume_transmit(n);
        }
    }
    events.push(format!("final state {:?}", server.state()));
    events
}

fn replay_client(s: &Session, cut: Cut) -> Vec<String> {
    let mut client = Client::new(ClientConfig::default());
    let (commands, _) = split_client(&s.client);
    let mut next = 0;
    let mut events = Vec::new();
    for &(from_client, off, len) in &s.timeline {
        if from_client {
            let end = off + len;
            while next < commands.len() && commands[next].offset + commands[next].bytes.len() <= end
            {
                let p = &commands[next];
                match p.kind {
                    ClientPiece::Command => {
                        let (c, _) = parse_command(p.bytes).unwrap();
                        client.send_tagged(c.tag, c.body).unwrap();
                    }
                    ClientPiece::AuthLine => {
                        let line = &p.bytes[..p.bytes.len() - 2];
                        if line == b"*" {
                            client.authenticate_cancel();
                        } else {
                            client.authenticate_respond(&decode_base64(line));
                        }
                    }
                    ClientPiece::Done => client.done(),
                }
                next += 1;
            }
            let n = client.poll_transmit().map_or(0, <[u8]>::len);
            client.consume_transmit(n);
        } else {
            for piece in pieces(&s.server[off..off + len], cut) {
                client.handle_input(piece);
                while let Some(e) = client.poll_event() {
                    if let Ok(ClientEvent::Completed { command, status }) = &e {
                        events.push(format!("completed {command} {:?}", status.tag));
                    }
                    events.push(format!("{e:?}"));
                }
            }
        }
    }
    events.push(format!(
        "final state {:?}, in flight {}",
        client.state(),
        client.in_flight().count()
    ));
    // The recording ends: so does the connection.
    client.handle_connection_closed();
    while let Some(e) = client.poll_event() {
        events.push(format!("{e:?}"));
    }
    events.push(format!("closed, in flight {}", client.in_flight().count()));
    events
}

fn decode_base64(s: &[u8]) -> Vec<u8> {
    let v = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let mut out = Vec::new();
    for q in s.chunks(4) {
        let n = q.iter().filter(|&&c| c != b'=').count();
        let mut acc = 0u32;
        for (k, &c) in q.iter().enumerate() {
            acc |= u32::from(if c == b'=' { 0 } else { v(c) }) << (18 - 6 * k);
        }
        out.extend_from_slice(&acc.to_be_bytes()[1..n]);
    }
    out
}

fn check(replay: fn(&Session, Cut) -> Vec<String>, what: &str) {
    for s in sessions() {
        let whole = replay(&s, Cut::Whole);
        // A completion the grammar could not read is no error for the
        // session, but it is one for the replay of recorded traffic.
        let errors: Vec<&String> = whole
            .iter()
            .filter(|e| e.starts_with("Err(") || e.contains("CompletedRaw"))
            .collect();
        assert!(
            errors.is_empty(),
            "{what} {}: {} errors, first {:?}",
            s.name,
            errors.len(),
            errors.first()
        );
        for cut in [Cut::Random(1), Cut::Random(7), Cut::Bytes] {
            let got = replay(&s, cut);
            assert!(
                got == whole,
                "{what} {} cut {cut:?}: events differ ({} vs {})",
                s.name,
                got.len(),
                whole.len()
            );
        }
        eprintln!(
            "{what} {}: {} events, the same in every cut",
            s.name,
            whole.len()
        );
    }
}

#[test]
fn client_streams_through_the_server() {
    check(replay_server, "server");
}

#[test]
fn server_streams_through_the_client() {
    check(replay_client, "client");
}

#[test]
fn replays_see_what_they_should() {
    let s = sessions();
    let curl = s.iter().find(|s| s.name == "10-curl-status").unwrap();
    let ev = replay_server(curl, Cut::Whole);
    assert!(ev.iter().any(|e| e.contains("AuthenticateData")), "{ev:?}");
    assert!(ev.last().unwrap().contains("Logout"));
    let web = s.iter().find(|s| s.name == "05-imaplib-webmail").unwrap();
    let ev = replay_server(web, Cut::Whole);
    assert!(ev.iter().any(|e| e.contains("Enable(")), "{ev:?}");
    assert_eq!(ev.last().unwrap(), "final state Selected");
    let ev = replay_client(web, Cut::Whole);
    assert!(
        ev.iter().filter(|e| e.starts_with("completed")).count() >= 15,
        "{ev:?}"
    );
    let mbsync = s
        .iter()
        .find(|s| s.name == "02-mbsync-incremental")
        .unwrap();
    let ev = replay_client(mbsync, Cut::Whole);
    assert_eq!(ev[ev.len() - 2], "final state Logout, in flight 0");
    assert_eq!(ev.last().unwrap(), "closed, in flight 0");
}
