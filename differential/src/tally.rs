//! Counting comparisons: per side and per peer, how many messages fall in
//! each [`Class`], the distinct reasons of "peer reads, we refuse" with
//! examples, and the peers' panics. Shared by the measurement
//! (`examples/measure.rs`) and the bounded property of `cargo test`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::mutate::{mutate, Rng};
use crate::{compare, Class, Peer, Side};

/// Refusal reasons (substrings of [`crate::reason`]) that the triage of
/// `fuzz/README.md` found truly invalid: the peers read such messages,
/// and they are right to be refused (numbers out of range, NUL, broken
/// framing, ambiguity). The fuzz target does not flag them.
pub const TRULY_INVALID: &[&str] = &[
    // A number above its range (number, nz-number, number64).
    "(at most ",
    // 0 or a leading zero where the grammar has nz-number.
    "nz-number",
    "a non-zero message number",
    // A limit of the parser (nesting depth).
    "limit ",
];

/// Refusal reasons that the triage found to be quirks this crate should
/// read, reported to the owners of that grammar (lenient-resp,
/// lenient-fetch) and not read yet: counted apart, not flagged by the
/// fuzz target until they are. Empty it as they land.
pub const PENDING: &[&str] = &[];

/// Whether `reason` is in [`TRULY_INVALID`] or [`PENDING`].
pub fn triaged(reason: &str) -> bool {
    TRULY_INVALID
        .iter()
        .chain(PENDING)
        .any(|t| reason.contains(t))
}

/// Examples kept per reason.
const EXAMPLES: usize = 3;

/// The counts of one peer on one side.
#[derive(Debug, Clone, Default)]
pub struct PeerTally {
    /// Both read the whole message.
    pub both_read: usize,
    /// Neither reads it.
    pub both_refuse: usize,
    /// This crate reads it, the peer does not.
    pub we_read_peer_refuses: usize,
    /// The peer reads it, this crate does not (sum of `reasons`).
    pub peer_reads_we_refuse: usize,
    /// The peer panicked.
    pub panics: usize,
    /// Per reason of this crate's refusal: the count and a few examples.
    pub reasons: BTreeMap<String, (usize, Vec<Vec<u8>>)>,
    /// Distinct panic messages, with a count and an example.
    pub panic_messages: BTreeMap<String, (usize, Vec<u8>)>,
}

/// Every count of a run.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Messages compared, per side.
    pub messages: BTreeMap<&'static str, usize>,
    /// Per side and peer.
    pub peers: BTreeMap<(&'static str, Peer), PeerTally>,
    /// Every "peer reads, we refuse", when [`Tally::keep_all`] is set: the
    /// side, the peer, the reason and the message (for a full triage).
    pub all: Vec<(&'static str, Peer, String, Vec<u8>)>,
    /// Every "we read, peer refuses", when [`Tally::keep_all`] is set: the
    /// side, the peer and the message (for the over-leniency review).
    pub we_read_all: Vec<(&'static str, Peer, Vec<u8>)>,
    /// Whether to fill [`Tally::all`] and [`Tally::we_read_all`].
    pub keep_all: bool,
    /// The messages both peers read and this crate refuses for a reason
    /// not in [`TRULY_INVALID`] (what the fuzz target flags).
    pub must_read: Vec<Vec<u8>>,
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Command => "commands",
        Side::Response => "responses",
    }
}

impl Tally {
    /// Compares `msg` and counts the result.
    pub fn add(&mut self, side: Side, msg: &[u8]) {
        let c = compare(side, msg);
        let s = side_name(side);
        *self.messages.entry(s).or_default() += 1;
        if crate::must_read(side, msg, &c).is_some() {
            self.must_read.push(msg.to_vec());
        }
        for (p, _, class) in c.peers {
            let t = self.peers.entry((s, p)).or_default();
            match class {
                Class::BothRead => t.both_read += 1,
                Class::BothRefuse => t.both_refuse += 1,
                Class::WeReadPeerRefuses => {
                    if self.keep_all {
                        self.we_read_all.push((s, p, msg.to_vec()));
                    }
                    t.we_read_peer_refuses += 1;
                }
                Class::PeerPanicked(m) => {
                    t.panics += 1;
                    t.panic_messages
                        .entry(m)
                        .or_insert_with(|| (0, msg.to_vec()))
                        .0 += 1;
                }
                Class::PeerReadsWeRefuse(r) => {
                    if self.keep_all {
                        self.all.push((s, p, r.clone(), msg.to_vec()));
                    }
                    t.peer_reads_we_refuse += 1;
                    let e = t.reasons.entry(r).or_default();
                    e.0 += 1;
                    if e.1.len() < EXAMPLES {
                        e.1.push(msg.to_vec());
                    }
                }
            }
        }
    }

    /// A readable report: per side and peer the counts, then the reasons
    /// (most frequent first) with examples, then the panics.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for (s, n) in &self.messages {
            let _ = writeln!(out, "{s}: {n} mutated messages");
        }
        for ((s, p), t) in &self.peers {
            let _ = writeln!(
                out,
                "\n[{s} vs {}] both read {}, both refuse {}, we read/peer refuses {}, \
                 PEER READS/WE REFUSE {}, peer panicked {}",
                p.name(),
                t.both_read,
                t.both_refuse,
                t.we_read_peer_refuses,
                t.peer_reads_we_refuse,
                t.panics
            );
            let mut reasons: Vec<_> = t.reasons.iter().collect();
            reasons.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
            for (r, (n, ex)) in reasons {
                let _ = writeln!(out, "  {n:5}  {r}");
                for e in ex {
                    let _ = writeln!(out, "         e.g. {}", show(e));
                }
            }
            for (m, (n, e)) in &t.panic_messages {
                let _ = writeln!(out, "  panic {n:5}  {m}\n         e.g. {}", show(e));
            }
        }
        let _ = writeln!(
            out,
            "\nboth peers read, we refuse, not triaged invalid (the fuzz target's crash class): {}",
            self.must_read.len()
        );
        for e in self.must_read.iter().take(EXAMPLES * 3) {
            let _ = writeln!(out, "  e.g. {}", show(e));
        }
        out
    }
}

/// `bytes` as a Rust byte string (escapes for CR, LF and non-printables),
/// cut after 200 bytes.
pub fn show(bytes: &[u8]) -> String {
    let mut s = String::from("b\"");
    for &b in bytes.iter().take(200) {
        s.extend(std::ascii::escape_default(b).map(char::from));
    }
    s.push('"');
    if bytes.len() > 200 {
        let _ = write!(s, " ... ({} bytes)", bytes.len());
    }
    s
}

/// The measurement: `n` mutations of randomly chosen recorded commands
/// and `n` of responses, from `seed`, counted.
pub fn measure(commands: &[Vec<u8>], responses: &[Vec<u8>], n: usize, seed: u64) -> Tally {
    measure_into(Tally::default(), commands, responses, n, seed)
}

/// [`measure`], counting into `t` (e.g. with [`Tally::keep_all`] set).
pub fn measure_into(
    mut t: Tally,
    commands: &[Vec<u8>],
    responses: &[Vec<u8>],
    n: usize,
    seed: u64,
) -> Tally {
    let mut rng = Rng::new(seed);
    for (side, msgs) in [(Side::Command, commands), (Side::Response, responses)] {
        if msgs.is_empty() {
            continue;
        }
        for _ in 0..n {
            let m = &msgs[rng.below(msgs.len())];
            let mutated = mutate(&mut rng, m);
            t.add(side, &mutated);
        }
    }
    t
}
