//! Inputs shared by the criterion benchmarks in `benches/`: the recorded
//! traffic committed under `tests/corpus/`, cut into messages by the
//! library's own framer.

use std::path::PathBuf;

use imap_proto::frame::{Frame, Framer};

/// The folder of committed corpus sessions.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// Every message of every committed stream named `file` (`client.bin` or
/// `server.bin`), cut by the framer with every literal accepted.
pub fn corpus_messages(file: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(corpus_dir()) else {
        return out;
    };
    let mut dirs: Vec<_> = dirs.filter_map(Result::ok).map(|d| d.path()).collect();
    dirs.sort();
    for d in dirs {
        let Ok(bytes) = std::fs::read(d.join(file)) else {
            continue;
        };
        out.extend(split_messages(&bytes));
    }
    out
}

/// Cuts a stream into messages.
pub fn split_messages(stream: &[u8]) -> Vec<Vec<u8>> {
    let mut f = Framer::default();
    f.push(stream);
    let mut out = Vec::new();
    while let Some(r) = f.poll() {
        match r {
            Ok(Frame::Message(m)) => out.push(m.to_vec()),
            Ok(Frame::LiteralAnnounced { .. }) => f.accept_literal(),
            Ok(_) | Err(_) => {}
        }
    }
    out
}
