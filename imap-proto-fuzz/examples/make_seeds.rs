//! Writes the seed corpora of the fuzz targets under `fuzz/seeds/<target>/`
//! from the repository's RFC vectors (`tests/vectors/`) and recorded
//! traffic (`tests/corpus/`).
//!
//! `cargo run -p imap-proto-fuzz --example make_seeds` (from anywhere).
//! Deterministic: the same inputs give the same files, each named by a hash
//! of its content. Existing seed files are left alone; stale ones can be
//! removed by deleting the directory first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use imap_proto_tests::{crate_dir, load_vector_dir, split_client, split_server, ClientPiece};

/// Largest seed kept: libFuzzer's default `-max_len` is 4096.
const MAX_SEED: usize = 4096;
/// At most this many seeds per target.
const MAX_PER_TARGET: usize = 450;

fn fnv(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h = (h ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Seeds of one target, deduplicated, in insertion order.
#[derive(Default)]
struct Seeds(BTreeMap<u64, Vec<u8>>, Vec<u64>);

impl Seeds {
    fn add(&mut self, b: &[u8]) {
        if b.is_empty() || b.len() > MAX_SEED || self.1.len() >= MAX_PER_TARGET {
            return;
        }
        let h = fnv(b);
        if self.0.insert(h, b.to_vec()).is_none() {
            self.1.push(h);
        }
    }
    fn write(&self, dir: &Path) {
        std::fs::create_dir_all(dir).expect("create seed directory");
        for (h, b) in &self.0 {
            std::fs::write(dir.join(format!("{h:016x}")), b).expect("write seed");
        }
    }
}

/// Messages of a recorded stream with distinct first words after the tag
/// first (so that rare kinds are kept), then the others, small ones first.
fn varied<'a>(msgs: impl IntoIterator<Item = &'a [u8]>, keep: usize) -> Vec<&'a [u8]> {
    let mut seen = std::collections::BTreeSet::new();
    let mut first = Vec::new();
    let mut rest = Vec::new();
    for m in msgs {
        let key: Vec<u8> = m
            .split(|&b| b == b' ')
            .skip(1)
            .take(2)
            .flatten()
            .map(u8::to_ascii_uppercase)
            .filter(|b| !b.is_ascii_digit())
            .collect();
        if seen.insert(key) {
            first.push(m);
        } else {
            rest.push(m);
        }
    }
    rest.sort_by_key(|m| m.len());
    first.extend(rest);
    first.truncate(keep);
    first
}

fn main() {
    let root = crate_dir();
    let repo = root.parent().expect("repository root").to_path_buf();
    let out: PathBuf = repo.join("fuzz/seeds");
    let vectors = root.join("vectors");
    let commands = load_vector_dir(vectors.join("commands"));
    let responses = load_vector_dir(vectors.join("responses"));
    let invalid = load_vector_dir(vectors.join("invalid"));

    let mut sessions: Vec<PathBuf> = std::fs::read_dir(root.join("corpus"))
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    sessions.sort();
    let read = |p: PathBuf| std::fs::read(p).unwrap_or_default();
    let clients: Vec<Vec<u8>> = sessions
        .iter()
        .map(|s| read(s.join("client.bin")))
        .collect();
    let servers: Vec<Vec<u8>> = sessions
        .iter()
        .map(|s| read(s.join("server.bin")))
        .collect();

    let mut cmd = Seeds::default();
    for v in commands.iter().take(300) {
        cmd.add(&v.bytes);
    }
    for v in &invalid {
        cmd.add(&v.bytes);
    }
    let client_msgs: Vec<&[u8]> = clients
        .iter()
        .flat_map(|c| split_client(c).0)
        .filter(|p| p.kind == ClientPiece::Command)
        .map(|p| p.bytes)
        .collect();
    for m in varied(client_msgs, 120) {
        cmd.add(m);
    }

    let mut resp = Seeds::default();
    for v in responses.iter().take(300) {
        resp.add(&v.bytes);
    }
    let server_msgs: Vec<&[u8]> = servers
        .iter()
        .flat_map(|s| split_server(s).0)
        .map(|p| p.bytes)
        .collect();
    for m in varied(server_msgs, 120) {
        resp.add(m);
    }

    // The framer: four control bytes (limits, cut, literal answers), then
    // a window of a recorded stream.
    let mut framer = Seeds::default();
    for (k, stream) in clients.iter().chain(servers.iter()).enumerate() {
        for (w, chunk) in stream.chunks(MAX_SEED - 4).take(4).enumerate() {
            let ctl = [(k * 7 + w) as u8 & 0xfe, 13, 7, 0xff];
            let mut b = ctl.to_vec();
            b.extend_from_slice(chunk);
            framer.add(&b);
            let mut small = [1u8, 40, 9, 0x55].to_vec();
            small.extend_from_slice(&chunk[..chunk.len().min(600)]);
            framer.add(&small);
        }
    }
    for v in commands.iter().step_by(7) {
        let mut b = vec![4u8, 0, 0, 0];
        b.extend_from_slice(&v.bytes);
        framer.add(&b);
    }

    // The round-trip targets read their input through `arbitrary`: any
    // bytes give a value; the vectors give varied ones.
    let mut rt_cmd = Seeds::default();
    let mut rt_resp = Seeds::default();
    for v in commands.iter().step_by(5) {
        rt_cmd.add(&v.bytes);
    }
    for v in responses.iter().step_by(8) {
        rt_resp.add(&v.bytes);
    }

    // The session targets: 8 bytes of cut seed, 8 of caller actions, then
    // a window of a recorded stream (client bytes for the server, server
    // bytes for the client), and hand-made exchanges that reach the
    // special client lines (AUTHENTICATE responses, `*`, DONE).
    let mut server = Seeds::default();
    let mut client = Seeds::default();
    let header = |k: usize, actions: u64| {
        let mut b = (0x9e37_79b9_7f4a_7c15u64 ^ k as u64).to_le_bytes().to_vec();
        b.extend_from_slice(&actions.to_le_bytes());
        b
    };
    for (k, stream) in clients.iter().enumerate() {
        for (w, chunk) in stream.chunks(MAX_SEED - 16).take(3).enumerate() {
            for actions in [u64::MAX >> 4, 0x0f0f_0f0f_0f0f_0f0f | 1 << 60] {
                let mut b = header(k * 3 + w, actions);
                b.extend_from_slice(chunk);
                server.add(&b);
            }
        }
    }
    let special: &[&[u8]] = &[
        b"A1 AUTHENTICATE PLAIN\r\nAGpvZQBwdw==\r\nA2 NOOP\r\n",
        b"A1 AUTHENTICATE PLAIN\r\n=\r\n*\r\nA2 IDLE\r\nDONE\r\nA3 LOGOUT\r\n",
        b"A1 IDLE\r\nDONE\r\nA2 IDLE\r\nA3 NOOP\r\n",
        b"A1 AUTHENTICATE PLAIN\r\nAGpv\r\nA2 AUTHENTICATE X {3}\r\nabc\r\n",
        b"A1 STARTTLS\r\nA2 LOGIN a b\r\n",
        b"A1 COMPRESS DEFLATE\r\nxyz",
        b"A1 LOGIN {3}\r\nabc {4+}\r\nwxyz\r\nA2 SELECT INBOX\r\nA3 APPEND x ~{2}\r\n\0\x01\r\n",
    ];
    for (k, s) in special.iter().enumerate() {
        for actions in [u64::MAX >> 3, u64::MAX, 0x5555_5555_5555_5555 | 1 << 60] {
            let mut b = header(k, actions);
            b.extend_from_slice(s);
            server.add(&b);
        }
    }
    for (k, stream) in servers.iter().enumerate() {
        for (w, chunk) in stream.chunks(MAX_SEED - 16).take(3).enumerate() {
            for actions in [0u64, 0x1f | 1 << 8, 0xffff_ffff_ffff_f6ff] {
                let mut b = header(k * 3 + w, actions);
                b.extend_from_slice(chunk);
                client.add(&b);
            }
        }
    }
    let answers: &[&[u8]] = &[
        b"* OK IMAP4rev2 ready\r\n+ \r\n+ Zm9v\r\nA1 OK done\r\n",
        b"* PREAUTH [CAPABILITY IMAP4rev2 SASL-IR LITERAL+]\r\n+ idling\r\n* 3 EXISTS\r\nA1 OK\r\n",
        b"* OK [CAPABILITY IMAP4rev1 STARTTLS]\r\nA5 OK begin TLS\r\n* OK injected\r\n",
        b"A1 OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE]\r\nA7 OK deflate\r\n\x78\x9c",
        b"+ go\r\nA1 NO [AUTHENTICATIONFAILED] no\r\nX1 OK\r\n* BYE\r\n",
    ];
    for (k, s) in answers.iter().enumerate() {
        for actions in [0x1f | 1 << 8 | 1 << 10, u64::MAX, 0x0000_5555_0000_1104] {
            let mut b = header(k, actions);
            b.extend_from_slice(s);
            client.add(&b);
        }
    }

    cmd.write(&out.join("parse_command"));
    resp.write(&out.join("parse_response"));
    framer.write(&out.join("framer"));
    rt_cmd.write(&out.join("roundtrip_command"));
    rt_resp.write(&out.join("roundtrip_response"));
    server.write(&out.join("server_session"));
    client.write(&out.join("client_session"));
    println!(
        "seeds: parse_command {}, parse_response {}, framer {}, roundtrip_command {}, roundtrip_response {}, \
         server_session {}, client_session {}",
        cmd.1.len(),
        resp.1.len(),
        framer.1.len(),
        rt_cmd.1.len(),
        rt_resp.1.len(),
        server.1.len(),
        client.1.len()
    );
}
