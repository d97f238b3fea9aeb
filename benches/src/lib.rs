//! Inputs and peer adapters shared by the criterion benchmarks in
//! `benches/`.
//!
//! Real traffic comes from the corpus committed under `tests/corpus/` and
//! from the bounded excerpt in `benches/data/` (see its README), cut into
//! messages by the library's own framer. Synthetic cases are built here in
//! code. Nothing outside the repository is read.
//!
//! The peers are [imap-codec] 2.0.0-alpha.10 (every extension feature on)
//! and [imap-proto 0.17] (renamed `imap_proto_017` here, since it shares
//! this crate's name). Each adapter answers "did this peer parse the whole
//! message": the benchmarks give a peer only the inputs it accepts, and
//! count the others.
//!
//! [imap-codec]: https://docs.rs/imap-codec/2.0.0-alpha.10
//! [imap-proto 0.17]: https://docs.rs/imap-proto/0.17.0

use std::path::{Path, PathBuf};

use imap_codec::decode::{CommandDecodeError, Decoder, ResponseDecodeError};
use imap_codec::{CommandCodec, ResponseCodec};
use imap_proto::frame::{Frame, Framer};
use imap_proto::{parse_command, parse_response};

/// A criterion measurement: the CPU time of the benchmarking thread
/// (`CLOCK_THREAD_CPUTIME_ID`, through the `cpu-time` crate), so that the
/// time the thread waits while other processes run is not counted. The
/// machines these benchmarks run on are shared (two cores, other builds
/// and fuzzers beside): wall time there swings by 2x from one benchmark to
/// the next, CPU time much less. Where the clock is missing it falls back
/// to wall time, and says so once.
///
/// What it cannot remove: other processes' use of the shared caches and
/// memory bandwidth, and a hypervisor that deschedules the whole virtual
/// CPU (counted as running time by the guest).
#[derive(Debug)]
pub struct ThreadTime {
    cpu: bool,
    origin: std::time::Instant,
}

impl Default for ThreadTime {
    fn default() -> Self {
        let cpu = cpu_time::ThreadTime::try_now().is_ok();
        if !cpu {
            eprintln!("ThreadTime: no thread CPU clock here, measuring wall time");
        }
        ThreadTime {
            cpu,
            origin: std::time::Instant::now(),
        }
    }
}

impl ThreadTime {
    /// Nanoseconds: of CPU time of the calling thread, or (fallback) of
    /// wall time since this value was made.
    pub fn now_ns(&self) -> u64 {
        let d = if self.cpu {
            cpu_time::ThreadTime::try_now()
                .map(|t| t.as_duration())
                .unwrap_or_default()
        } else {
            self.origin.elapsed()
        };
        d.as_nanos() as u64
    }
}

impl criterion::measurement::Measurement for ThreadTime {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        self.now_ns()
    }
    fn end(&self, start: u64) -> u64 {
        self.now_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn criterion::measurement::ValueFormatter {
        &NanosFormatter
    }
}

/// Formats nanoseconds as criterion's wall-time formatter does.
struct NanosFormatter;

impl criterion::measurement::ValueFormatter for NanosFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (div, unit) = match typical {
            t if t < 1e3 => (1.0, "ns"),
            t if t < 1e6 => (1e3, "µs"),
            t if t < 1e9 => (1e6, "ms"),
            _ => (1e9, "s"),
        };
        values.iter_mut().for_each(|v| *v /= div);
        unit
    }

    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &criterion::Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let (amount, unit_of) = match *throughput {
            criterion::Throughput::Bytes(b) | criterion::Throughput::BytesDecimal(b) => {
                (b as f64, "B")
            }
            criterion::Throughput::Elements(e) => (e as f64, "elem"),
            criterion::Throughput::Bits(b) => (b as f64, "bit"),
            criterion::Throughput::ElementsAndBytes { elements, .. } => (elements as f64, "elem"),
        };
        let per_second = amount * 1e9 / typical;
        let (div, unit) = match (unit_of, per_second) {
            ("B", r) if r >= 1024.0 * 1024.0 * 1024.0 => (1024.0 * 1024.0 * 1024.0, "GiB/s"),
            ("B", r) if r >= 1024.0 * 1024.0 => (1024.0 * 1024.0, "MiB/s"),
            ("B", r) if r >= 1024.0 => (1024.0, "KiB/s"),
            ("B", _) => (1.0, "B/s"),
            ("bit", _) => (1.0, "bit/s"),
            _ => (1.0, "elem/s"),
        };
        values.iter_mut().for_each(|v| *v = amount * 1e9 / *v / div);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

/// Commands of at least this many bytes are "literal-heavy" (APPENDs of a
/// whole message) and are kept out of the command throughput set: their
/// cost is copying or skipping the literal, not parsing.
pub const SMALL_MESSAGE: usize = 4096;

/// The folder of committed corpus sessions (`tests/corpus`).
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// The folder of the benchmarks' own excerpt of the recorded traffic.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Every message of every committed stream named `file` (`client.bin` or
/// `server.bin`), cut by the framer with every literal accepted.
pub fn corpus_messages(file: &str) -> Vec<Vec<u8>> {
    streams(file)
        .iter()
        .flat_map(|s| split_messages(s))
        .collect()
}

/// The recorded streams of one side, in a fixed order: those committed in
/// `tests/corpus/*/<file>`, then `benches/data/*.<file>`.
pub fn streams(file: &str) -> Vec<Vec<u8>> {
    let mut paths = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(corpus_dir()) {
        let mut dirs: Vec<_> = dirs.filter_map(Result::ok).map(|d| d.path()).collect();
        dirs.sort();
        paths.extend(dirs.into_iter().map(|d| d.join(file)));
    }
    if let Ok(files) = std::fs::read_dir(data_dir()) {
        let suffix = format!(".{file}");
        let mut files: Vec<_> = files
            .filter_map(Result::ok)
            .map(|d| d.path())
            .filter(|p| p.to_string_lossy().ends_with(&suffix))
            .collect();
        files.sort();
        paths.extend(files);
    }
    paths.iter().filter_map(|p| read(p)).collect()
}

fn read(p: &Path) -> Option<Vec<u8>> {
    std::fs::read(p).ok()
}

/// Cuts a stream into messages, accepting every synchronizing literal (as
/// the recorded server did).
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

/// A set of messages with a name, for one benchmark input.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// What the set is, for the benchmark id.
    pub name: &'static str,
    /// The messages, each complete.
    pub messages: Vec<Vec<u8>>,
}

impl Inputs {
    /// Total bytes of the set.
    pub fn bytes(&self) -> u64 {
        self.messages.iter().map(|m| m.len() as u64).sum()
    }

    /// The messages that `accepts` takes, and how many it rejected.
    pub fn accepted_by(&self, accepts: impl Fn(&[u8]) -> bool) -> (Inputs, usize) {
        let messages: Vec<Vec<u8>> = self
            .messages
            .iter()
            .filter(|m| accepts(m))
            .cloned()
            .collect();
        let rejected = self.messages.len() - messages.len();
        (
            Inputs {
                name: self.name,
                messages,
            },
            rejected,
        )
    }
}

/// The recorded client messages that are commands and are under
/// [`SMALL_MESSAGE`] bytes, with the number of framed client messages left
/// out because they are not commands at all (SASL response lines, IDLE's
/// `DONE`) and the number left out because they are literal-heavy.
pub fn recorded_commands() -> (Inputs, usize, usize) {
    let all = corpus_messages("client.bin");
    let mut not_commands = 0;
    let mut heavy = 0;
    let mut messages = Vec::new();
    for m in all {
        if parse_command(&m).is_err() {
            not_commands += 1;
        } else if m.len() >= SMALL_MESSAGE {
            heavy += 1;
        } else {
            messages.push(m);
        }
    }
    (
        Inputs {
            name: "recorded",
            messages,
        },
        not_commands,
        heavy,
    )
}

/// Every recorded server message our parser accepts, with the number it
/// rejects (expected: none).
pub fn recorded_responses() -> (Inputs, usize) {
    let all = Inputs {
        name: "recorded",
        messages: corpus_messages("server.bin"),
    };
    all.accepted_by(|m| parse_response(m).is_ok())
}

/// The server side of an mbsync incremental sync, as recorded.
pub fn sync_stream() -> Vec<u8> {
    read(&corpus_dir().join("02-mbsync-incremental/server.bin")).unwrap_or_default()
}

/// `* SEARCH` with `n` numbers (ascending, with gaps, as a real mailbox
/// gives).
pub fn search_response(n: u32) -> Vec<u8> {
    let mut out = b"* SEARCH".to_vec();
    for i in 0..n {
        out.push(b' ');
        out.extend_from_slice((1 + i * 3 + i % 7).to_string().as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// A FETCH response carrying a `len`-byte literal (a message body: lines
/// of printable text).
pub fn fetch_literal(len: usize) -> Vec<u8> {
    let mut out = format!("* 1 FETCH (UID 1 BODY[] {{{len}}}\r\n").into_bytes();
    out.extend_from_slice(&body_text(len));
    out.extend_from_slice(b")\r\n");
    out
}

/// `len` bytes of text in 78-byte lines ending in CRLF.
pub fn body_text(len: usize) -> Vec<u8> {
    let line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tem\r\n";
    line.iter().copied().cycle().take(len).collect()
}

/// A FETCH line with ENVELOPE and BODYSTRUCTURE as Dovecot sent it (the
/// first one of `tests/corpus/05-imaplib-webmail/server.bin`), with
/// `@N@`-style holes for the numbers that vary.
const ENVELOPE_FETCH: &str = concat!(
    "* @SEQ@ FETCH (UID @UID@ FLAGS () INTERNALDATE \"09-Jan-2023 12:16:07 +0000\" ",
    "RFC822.SIZE @SIZE@ ENVELOPE (\"Mon, 09 Jan 2023 14:15:00 +0200\" ",
    "\"FW: database migration\" ((\"Ingrid Garcia\" NIL \"ingrid.garcia48\" \"example.net\")) ",
    "((\"Ingrid Garcia\" NIL \"ingrid.garcia48\" \"example.net\")) ",
    "((\"Ingrid Garcia\" NIL \"ingrid.garcia48\" \"example.net\")) ",
    "((\"Test User\" NIL \"test\" \"corp.example\")) NIL NIL NIL ",
    "\"<CAF3763c3dd.0.507118d5@example.net>\") BODYSTRUCTURE ((\"text\" \"plain\" ",
    "(\"charset\" \"utf-8\") NIL NIL \"7bit\" @PART1@ @LINES1@ NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" @PART2@ (\"04 Jan 2023 23:15:00 +0000\" ",
    "\"Notes from the conference talk meeting\" ",
    "((\"Diego Haddad\" NIL \"diego_haddad\" \"corp.example\")) ",
    "((\"Diego Haddad\" NIL \"diego_haddad\" \"corp.example\")) ",
    "((\"Diego Haddad\" NIL \"diego_haddad\" \"corp.example\")) ",
    "((NIL NIL \"test\" \"corp.example\")) NIL NIL NIL ",
    "\"<E1q3f8c73a.0.507118d5@corp.example>\") (\"text\" \"plain\" ",
    "(\"charset\" \"utf-8\" \"format\" \"flowed\") NIL NIL \"quoted-printable\" @PART3@ 16 ",
    "NIL NIL NIL NIL) 25 NIL (\"attachment\" (\"filename\" \"forwarded.eml\")) NIL NIL) ",
    "\"mixed\" (\"boundary\" \"----=_Part_0_bd27fb038a.0\") NIL NIL NIL))\r\n",
);

/// `n` FETCH lines with ENVELOPE and BODYSTRUCTURE: one real line, its
/// sequence number, UID and sizes varied.
pub fn envelope_fetches(n: u32) -> Vec<Vec<u8>> {
    (1..=n)
        .map(|i| {
            ENVELOPE_FETCH
                .replace("@SEQ@", &i.to_string())
                .replace("@UID@", &(i + 1000).to_string())
                .replace("@SIZE@", &(2000 + (i * 37) % 9000).to_string())
                .replace("@PART1@", &(100 + (i * 13) % 900).to_string())
                .replace("@LINES1@", &(2 + i % 40).to_string())
                .replace("@PART2@", &(800 + (i * 29) % 4000).to_string())
                .replace("@PART3@", &(500 + (i * 7) % 3000).to_string())
                .into_bytes()
        })
        .collect()
}

/// `A1 APPEND INBOX {len}` with its literal: a synchronizing literal, as a
/// client without LITERAL+ sends it.
pub fn append_command(len: usize) -> Vec<u8> {
    let mut out = format!("A1 APPEND INBOX (\\Seen) {{{len}}}\r\n").into_bytes();
    out.extend_from_slice(&body_text(len));
    out.extend_from_slice(b"\r\n");
    out
}

/// Feeds `stream` to a fresh framer in pieces of `chunk` bytes, polling
/// after each piece and accepting every literal; calls `each` on every
/// message. Returns the number of messages.
pub fn frame_stream(stream: &[u8], chunk: usize, mut each: impl FnMut(&[u8])) -> usize {
    let mut f = Framer::default();
    let mut n = 0;
    for piece in stream.chunks(chunk.max(1)) {
        f.push(piece);
        while let Some(r) = f.poll() {
            match r {
                Ok(Frame::Message(m)) => {
                    each(m);
                    n += 1;
                }
                Ok(Frame::LiteralAnnounced { .. }) => f.accept_literal(),
                // Streaming is off: no other frame comes.
                Ok(_) | Err(_) => {}
            }
        }
    }
    n
}

/// Feeds `stream` to imap-codec's `Fragmentizer` (its linear framer) in
/// pieces of `chunk` bytes; calls `each` on every complete message.
/// Returns the number of messages.
pub fn codec_fragmentize(stream: &[u8], chunk: usize, mut each: impl FnMut(&[u8])) -> usize {
    let mut f = imap_codec::fragmentizer::Fragmentizer::without_max_message_size();
    let mut pieces = stream.chunks(chunk.max(1));
    let mut n = 0;
    loop {
        match f.progress() {
            Some(_) => {
                if f.is_message_complete() {
                    each(f.message_bytes());
                    n += 1;
                }
            }
            None => match pieces.next() {
                Some(p) => f.enqueue_bytes(p),
                None => return n,
            },
        }
    }
}

/// What one parse attempt on a growing buffer said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// A message of this many bytes was parsed.
    Parsed(usize),
    /// More bytes are needed (a literal announced counts as this: the
    /// loop feeds its bytes next).
    NeedMore,
    /// The input is invalid.
    Failed,
}

/// The loop a user of a parser without a framer writes: append what
/// arrives, try to parse from the start of the buffer, and on "incomplete"
/// wait for more and try again. Fed `chunk` bytes at a time. Returns the
/// number of messages parsed (stops at the first failure).
pub fn retry_loop(stream: &[u8], chunk: usize, attempt: impl Fn(&[u8]) -> Attempt) -> usize {
    let mut buf: Vec<u8> = Vec::new();
    let mut n = 0;
    for piece in stream.chunks(chunk.max(1)) {
        buf.extend_from_slice(piece);
        loop {
            match attempt(&buf) {
                Attempt::Parsed(used) => {
                    buf.drain(..used);
                    n += 1;
                }
                Attempt::NeedMore => break,
                Attempt::Failed => return n,
            }
        }
    }
    n
}

/// One imap-codec command parse attempt.
pub fn codec_command_attempt(buf: &[u8]) -> Attempt {
    match CommandCodec::default().decode(buf) {
        Ok((rest, cmd)) => {
            std::hint::black_box(&cmd);
            Attempt::Parsed(buf.len() - rest.len())
        }
        Err(CommandDecodeError::Incomplete | CommandDecodeError::LiteralFound { .. }) => {
            Attempt::NeedMore
        }
        Err(CommandDecodeError::Failed) => Attempt::Failed,
    }
}

/// One imap-codec response parse attempt.
pub fn codec_response_attempt(buf: &[u8]) -> Attempt {
    match ResponseCodec::default().decode(buf) {
        Ok((rest, rsp)) => {
            std::hint::black_box(&rsp);
            Attempt::Parsed(buf.len() - rest.len())
        }
        Err(ResponseDecodeError::Incomplete | ResponseDecodeError::LiteralFound { .. }) => {
            Attempt::NeedMore
        }
        Err(ResponseDecodeError::Failed) => Attempt::Failed,
    }
}

/// One imap-proto 0.17 response parse attempt.
pub fn p017_response_attempt(buf: &[u8]) -> Attempt {
    match imap_proto_017::Response::parse(buf) {
        Ok((rest, rsp)) => {
            std::hint::black_box(&rsp);
            Attempt::Parsed(buf.len() - rest.len())
        }
        Err(nom::Err::Incomplete(_)) => Attempt::NeedMore,
        Err(_) => Attempt::Failed,
    }
}

/// One attempt of our own parser (for the same loop, as a check).
pub fn ours_response_attempt(buf: &[u8]) -> Attempt {
    match parse_response(buf) {
        Ok((rsp, used)) => {
            std::hint::black_box(&rsp);
            Attempt::Parsed(used)
        }
        Err(e) if e.is_incomplete() => Attempt::NeedMore,
        Err(_) => Attempt::Failed,
    }
}

/// Whether imap-codec parses `m` as one whole command.
pub fn codec_accepts_command(m: &[u8]) -> bool {
    codec_command_attempt(m) == Attempt::Parsed(m.len())
}

/// Whether imap-codec parses `m` as one whole response.
pub fn codec_accepts_response(m: &[u8]) -> bool {
    codec_response_attempt(m) == Attempt::Parsed(m.len())
}

/// Whether imap-proto 0.17 parses `m` as one whole response.
pub fn p017_accepts_response(m: &[u8]) -> bool {
    p017_response_attempt(m) == Attempt::Parsed(m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_inputs_are_there() {
        let (c, not_commands, _) = recorded_commands();
        assert!(c.messages.len() > 1000, "{}", c.messages.len());
        assert!(not_commands < 50, "{not_commands}");
        let (r, rejected) = recorded_responses();
        assert!(r.messages.len() > 1000);
        assert_eq!(rejected, 0);
        assert!(!sync_stream().is_empty());
    }

    #[test]
    fn synthetic_inputs_parse() {
        let s = search_response(1000);
        assert_eq!(parse_response(&s).unwrap().1, s.len());
        let f = fetch_literal(10_000);
        assert_eq!(parse_response(&f).unwrap().1, f.len());
        for m in envelope_fetches(50) {
            assert_eq!(parse_response(&m).unwrap().1, m.len());
            assert!(codec_accepts_response(&m));
            assert!(p017_accepts_response(&m));
        }
        let a = append_command(5000);
        assert_eq!(parse_command(&a).unwrap().1, a.len());
    }

    #[test]
    fn every_way_of_feeding_finds_the_same_messages() {
        let s = sync_stream();
        let whole = split_messages(&s);
        for chunk in [1, 64, s.len()] {
            let mut got = Vec::new();
            frame_stream(&s, chunk, |m| got.push(m.to_vec()));
            assert_eq!(got, whole, "chunk {chunk}");
        }
        let mut codec = Vec::new();
        codec_fragmentize(&s, 64, |m| codec.push(m.to_vec()));
        assert_eq!(codec, whole);
    }

    #[test]
    fn the_retry_loop_parses_everything_once() {
        let msgs: Vec<u8> = envelope_fetches(3).concat();
        for attempt in [
            ours_response_attempt,
            codec_response_attempt,
            p017_response_attempt,
        ] {
            assert_eq!(retry_loop(&msgs, 1, attempt), 3);
        }
        let a = append_command(100);
        assert_eq!(retry_loop(&a, 1, codec_command_attempt), 1);
    }
}
