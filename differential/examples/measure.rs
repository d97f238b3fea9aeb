//! The differential measurement (issue 11): mutates the recorded messages
//! of `tests/corpus/` (split as `tests/corpus.rs` and the properties split
//! them) N times each side with a seeded generator, and prints, per peer,
//! how many a peer reads and this crate refuses, with the distinct
//! reasons and examples, and the peers' panics.
//!
//! ```text
//! nice cargo run --release -p imap-proto-differential --example measure -- [N] [SEED]
//! ```
//! (N defaults to 20000, SEED to 11.) With `DIFFERENTIAL_DUMP=<file>`,
//! every "peer reads, we refuse" is written there, one a line (side,
//! peer, reason, message), for the triage; with
//! `DIFFERENTIAL_DUMP_WE_READ=<file>`, every "we read, peer refuses" (side,
//! peer, message in hex, our reading), for the over-leniency review.

use imap_proto_differential::tally;
use imap_proto_tests::{crate_dir, split_client, split_server, ClientPiece};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(20_000, |a| a.parse().expect("N"));
    let seed: u64 = args.next().map_or(11, |a| a.parse().expect("SEED"));
    let (cmds, resps) = corpus();
    println!(
        "corpus: {} commands, {} responses; N = {n} per side, seed {seed}",
        cmds.len(),
        resps.len()
    );
    // The unmutated corpus, for reference: what each peer reads of it.
    let mut unmutated = tally::Tally::default();
    for c in &cmds {
        unmutated.add(imap_proto_differential::Side::Command, c);
    }
    for r in &resps {
        unmutated.add(imap_proto_differential::Side::Response, r);
    }
    println!("== unmutated corpus\n{}", unmutated.report());
    let dump = std::env::var_os("DIFFERENTIAL_DUMP");
    let dump_we_read = std::env::var_os("DIFFERENTIAL_DUMP_WE_READ");
    let start = tally::Tally {
        keep_all: dump.is_some() || dump_we_read.is_some(),
        ..tally::Tally::default()
    };
    let t = tally::measure_into(start, &cmds, &resps, n, seed);
    println!("== mutated\n{}", t.report());
    if let Some(path) = dump {
        // One line per "peer reads, we refuse": side, peer, reason, bytes.
        let mut out = String::new();
        for (s, p, r, m) in &t.all {
            out.push_str(&format!("{s}\t{p:?}\t{r}\t{}\n", tally::show(m)));
        }
        std::fs::write(path, out).expect("DIFFERENTIAL_DUMP");
    }
    if let Some(path) = std::env::var_os("DIFFERENTIAL_DUMP_WE_READ") {
        // One line per "we read, peer refuses": side, peer, the message in
        // hex, then our reading (Debug), for the over-leniency review.
        let mut out = String::new();
        for (s, p, m) in &t.we_read_all {
            let hex: String = m.iter().map(|b| format!("{b:02x}")).collect();
            let value = match *s {
                "responses" => format!("{:?}", imap_proto::parse_response(m).map(|r| r.0)),
                _ => format!("{:?}", imap_proto::parse_command(m).map(|r| r.0)),
            };
            out.push_str(&format!("{s}\t{p:?}\t{hex}\t{value}\n"));
        }
        std::fs::write(path, out).expect("DIFFERENTIAL_DUMP_WE_READ");
    }
}

/// The recorded messages, as `imap-proto-fuzz/tests/properties.rs` takes
/// them: commands (not AUTHENTICATE lines or DONE) and responses, up to
/// 4096 bytes each.
fn corpus() -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
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
    (cmds, resps)
}
