//! Conformance, corpus replay, session and interop tests for imap-proto.
//!
//! This library holds what the test files share:
//!
//! - [`load_vectors`] / [`load_vector_dir`]: read the RFC example vectors
//!   of `tests/vectors/` (format in `tests/vectors/README.md`);
//! - [`check_four_ways`]: the h11-style checks of one message (whole,
//!   every strict prefix, with trailing bytes, round trip), with
//!   [`check_command`] and [`check_response`] for the two directions;
//! - [`split_client`] / [`split_server`]: cut a recorded stream into
//!   messages, for the corpus replay;
//! - [`Failures`]: collect every failure and fail once with the full list.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fmt::{Debug, Write as _};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use imap_proto::types::{Command, Response};
use imap_proto::{parse_command, parse_response, ParseError};

/// The directory of this crate (`tests/`), to find `vectors/` and `corpus/`.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One test vector: one complete protocol message and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vector {
    /// The header line without its `# `: source, section and RFC line,
    /// e.g. `rfc9051 6.3.2 line 2010`.
    pub source: String,
    /// The vector file and the line of the header, e.g. `rfc9051.txt:120`.
    pub location: String,
    /// The `## ` comment lines after the header (fixes applied, why the
    /// vector is invalid...).
    pub notes: Vec<String>,
    /// The message, exactly as it goes on the wire.
    pub bytes: Vec<u8>,
}

impl Vector {
    /// `location (source)`, to name the vector in a failure.
    pub fn name(&self) -> String {
        format!("{} ({})", self.location, self.source)
    }
}

/// If `line` (without its CRLF) ends with a literal header (`{N}`, `{N+}`,
/// `{N-}` or `~{N}`), the announced number of octets.
///
/// ```
/// use imap_proto_tests::literal_len;
/// assert_eq!(literal_len(b"A1 LOGIN {5}"), Some(5));
/// assert_eq!(literal_len(b"A1 APPEND x ~{12+}"), Some(12));
/// assert_eq!(literal_len(b"* OK {5} text"), None);
/// ```
pub fn literal_len(line: &[u8]) -> Option<u64> {
    let inner = line.strip_suffix(b"}")?;
    let open = inner.iter().rposition(|&b| b == b'{')?;
    let mut digits = &inner[open + 1..];
    if let Some(d) = digits
        .strip_suffix(b"+")
        .or_else(|| digits.strip_suffix(b"-"))
    {
        digits = d;
    }
    if digits.is_empty() || digits.len() > 19 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// The length of the first complete message of `input` (lines ending in
/// CRLF; a line ending with a literal header continues after the literal's
/// octets), or `None` if `input` ends before it does.
///
/// ```
/// use imap_proto_tests::message_len;
/// assert_eq!(message_len(b"A1 LOGIN {3}\r\nabc x\r\nA2 NOOP\r\n"), Some(21));
/// assert_eq!(message_len(b"A1 LOGIN {3}\r\nab"), None);
/// ```
pub fn message_len(input: &[u8]) -> Option<usize> {
    let mut pos = 0usize;
    loop {
        let lf = pos + input.get(pos..)?.windows(2).position(|w| w == b"\r\n")?;
        match literal_len(&input[pos..lf]) {
            None => return Some(lf + 2),
            Some(n) => {
                let end = (lf as u64 + 2).checked_add(n)?;
                if end > input.len() as u64 {
                    return None;
                }
                pos = end as usize;
            }
        }
    }
}

/// Reads a vector file (format: `tests/vectors/README.md`). Panics with
/// the file and line on a malformed file: the data is part of the tests.
pub fn load_vectors(path: impl AsRef<Path>) -> Vec<Vector> {
    let path = path.as_ref();
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_vector_file(&file, &data).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every vector of every `*.txt` file in `dir`, files in name order.
pub fn load_vector_dir(dir: impl AsRef<Path>) -> Vec<Vector> {
    let dir = dir.as_ref();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().flat_map(load_vectors).collect()
}

/// The lines of `data` with their 1-based numbers, without the `\n`.
fn numbered_lines(data: &[u8]) -> Vec<(usize, &[u8])> {
    let mut out: Vec<(usize, &[u8])> = data
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    if data.ends_with(b"\n") {
        out.pop();
    }
    out
}

/// Parses the text of a vector file; `file` names it in messages.
pub fn parse_vector_file(file: &str, data: &[u8]) -> Result<Vec<Vector>, String> {
    let lines = numbered_lines(data);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (no, line) = lines[i];
        i += 1;
        if line.is_empty() || line.starts_with(b"## ") || line == b"##" {
            continue; // blank lines and file comments between vectors
        }
        let Some(header) = line.strip_prefix(b"# ") else {
            return Err(format!(
                "line {no}: expected a `# ` header, found {:?}",
                String::from_utf8_lossy(line)
            ));
        };
        let source = String::from_utf8_lossy(header).trim().to_string();
        let escaped = source.split_whitespace().any(|w| w == "escaped");
        let mut notes = Vec::new();
        while i < lines.len() && lines[i].1.starts_with(b"##") {
            notes.push(String::from_utf8_lossy(&lines[i].1[2..]).trim().to_string());
            i += 1;
        }
        let bytes = if escaped {
            // Every line up to the next blank line or header, concatenated
            // without the line breaks, then unescaped.
            let mut text = Vec::new();
            while i < lines.len() && !lines[i].1.is_empty() && !lines[i].1.starts_with(b"#") {
                text.extend_from_slice(lines[i].1);
                i += 1;
            }
            unescape(&text).map_err(|e| format!("line {no}: {e}"))?
        } else {
            // One message: a line, and while a line ends with a literal
            // header, its octets (each line break standing for CRLF) and
            // the rest of the line where they end.
            let mut msg = Vec::new();
            let mut literal: u64 = 0;
            loop {
                let Some(&(_, l)) = lines.get(i) else {
                    return Err(format!("line {no}: the file ends inside the message"));
                };
                i += 1;
                let mut l = l;
                if literal > 0 {
                    let take = (l.len() as u64 + 2).min(literal);
                    literal -= take;
                    if take <= l.len() as u64 {
                        msg.extend_from_slice(&l[..take as usize]);
                        l = &l[take as usize..];
                    } else {
                        msg.extend_from_slice(l);
                        msg.extend_from_slice(&b"\r\n"[..(take - l.len() as u64) as usize]);
                        if take == l.len() as u64 + 1 {
                            return Err(format!("line {no}: a literal ends between CR and LF"));
                        }
                        continue;
                    }
                }
                msg.extend_from_slice(l);
                msg.extend_from_slice(b"\r\n");
                match literal_len(l) {
                    Some(n) => literal = n,
                    None => break,
                }
            }
            msg
        };
        if bytes.is_empty() {
            return Err(format!("line {no}: empty message"));
        }
        out.push(Vector {
            source,
            location: format!("{file}:{no}"),
            notes,
            bytes,
        });
    }
    Ok(out)
}

/// Undoes the escapes of an `escaped` vector: `\r`, `\n`, `\\`, `\xHH`.
fn unescape(text: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len());
    let mut it = text.iter().copied();
    while let Some(b) = it.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        match it.next() {
            Some(b'r') => out.push(b'\r'),
            Some(b'n') => out.push(b'\n'),
            Some(b'\\') => out.push(b'\\'),
            Some(b'x') => {
                let h: Vec<u8> = it.by_ref().take(2).collect();
                let s = std::str::from_utf8(&h).map_err(|_| "bad \\x escape")?;
                out.push(u8::from_str_radix(s, 16).map_err(|_| format!("bad \\x escape {s:?}"))?);
            }
            other => return Err(format!("unknown escape \\{:?}", other.map(char::from))),
        }
    }
    Ok(out)
}

/// Shows bytes for a failure message: printable ASCII as is, the rest
/// escaped, cut to about `max` characters.
pub fn show(bytes: &[u8], max: usize) -> String {
    let mut s = String::new();
    for &b in bytes {
        if s.len() >= max {
            s.push_str("...");
            break;
        }
        match b {
            b'\r' => s.push_str("\\r"),
            b'\n' => s.push_str("\\n"),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\x{b:02x}");
            }
        }
    }
    s
}

/// Runs `f`, turning a panic into an error string.
fn no_panic<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        format!("PANIC: {msg}")
    })
}

/// A parser for the checks: bytes to an owned value and the count used.
pub type Parser<T> = dyn Fn(&[u8]) -> Result<(T, usize), ParseError>;

/// The h11-style checks of one complete message `bytes`; every failure
/// as one line (empty when all pass):
///
/// (a) whole: `parse` gives `Ok` and consumes exactly all bytes;
/// (b) every strict prefix gives `Err(e)` with `e.is_incomplete()`;
/// (c) with `trailer` appended it consumes the same count, same value;
/// (d) round trip: `parse(to_bytes(v))` gives `v` and consumes all of it.
///
/// A panic anywhere is a failure, not an abort.
pub fn check_four_ways<T: PartialEq + Debug>(
    bytes: &[u8],
    trailer: &[u8],
    parse: &Parser<T>,
    to_bytes: &dyn Fn(&T) -> Vec<u8>,
) -> Vec<String> {
    let mut fails = Vec::new();
    // (a)
    let value = match no_panic(|| parse(bytes)) {
        Err(p) => {
            fails.push(format!("whole: {p}"));
            None
        }
        Ok(Err(e)) => {
            fails.push(format!("whole: {e}"));
            None
        }
        Ok(Ok((v, n))) => {
            if n != bytes.len() {
                fails.push(format!("whole: consumed {n} of {} bytes", bytes.len()));
            }
            Some(v)
        }
    };
    // (b)
    for cut in 0..bytes.len() {
        let r = no_panic(|| parse(&bytes[..cut]).map(|(_, n)| n));
        let bad = match r {
            Ok(Err(e)) if e.is_incomplete() => None,
            Ok(Err(e)) => Some(format!("{e}")),
            Ok(Ok(n)) => Some(format!("Ok, consumed {n}")),
            Err(p) => Some(p),
        };
        if let Some(what) = bad {
            fails.push(format!(
                "prefix of {cut} bytes ({}): {what}, not Incomplete",
                show(&bytes[cut.saturating_sub(12)..cut], 40)
            ));
            break; // one prefix is enough to show the fault
        }
    }
    // (c)
    let mut longer = bytes.to_vec();
    longer.extend_from_slice(trailer);
    match no_panic(|| parse(&longer)) {
        Err(p) => fails.push(format!("with trailer: {p}")),
        Ok(Err(e)) => fails.push(format!("with trailer: {e}")),
        Ok(Ok((v, n))) => {
            if n != bytes.len() {
                fails.push(format!(
                    "with trailer: consumed {n}, the message is {} bytes",
                    bytes.len()
                ));
            }
            if let Some(v0) = &value {
                if &v != v0 {
                    fails.push(format!("with trailer: another value: {v:?}"));
                }
            }
        }
    }
    // (d)
    if let Some(v) = &value {
        match no_panic(|| to_bytes(v)) {
            Err(p) => fails.push(format!("encode: {p}")),
            Ok(enc) => match no_panic(|| parse(&enc)) {
                Err(p) => fails.push(format!("round trip: {p}")),
                Ok(Err(e)) => {
                    fails.push(format!("round trip: encoded as `{}`: {e}", show(&enc, 200)))
                }
                Ok(Ok((v2, n))) => {
                    if n != enc.len() {
                        fails.push(format!(
                            "round trip: consumed {n} of the {} encoded bytes `{}`",
                            enc.len(),
                            show(&enc, 200)
                        ));
                    }
                    if &v2 != v {
                        fails.push(format!(
                            "round trip: encoded as `{}`, parsed back to another value:\n      before: {v:?}\n      after:  {v2:?}",
                            show(&enc, 200)
                        ));
                    }
                }
            },
        }
    }
    fails
}

/// Bytes appended to a command for check (c).
pub const COMMAND_TRAILER: &[u8] = b"A2 NOOP\r\n";
/// Bytes appended to a response for check (c).
pub const RESPONSE_TRAILER: &[u8] = b"* 1 EXISTS\r\n";

/// [`parse_command`] giving an owned value.
pub fn parse_command_owned(b: &[u8]) -> Result<(Command<'static>, usize), ParseError> {
    parse_command(b).map(|(c, n)| (c.into_owned(), n))
}

/// [`parse_response`] giving an owned value.
pub fn parse_response_owned(b: &[u8]) -> Result<(Response<'static>, usize), ParseError> {
    parse_response(b).map(|(r, n)| (r.into_owned(), n))
}

/// [`check_four_ways`] for a client command.
pub fn check_command(bytes: &[u8]) -> Vec<String> {
    check_four_ways(
        bytes,
        COMMAND_TRAILER,
        &parse_command_owned,
        &|c: &Command<'static>| c.to_bytes(),
    )
}

/// [`check_four_ways`] for a server response.
pub fn check_response(bytes: &[u8]) -> Vec<String> {
    check_four_ways(
        bytes,
        RESPONSE_TRAILER,
        &parse_response_owned,
        &|r: &Response<'static>| r.to_bytes(),
    )
}

/// Checks that an invalid message is refused as invalid: `Err(e)`, not
/// incomplete, with an offset inside the message, and no panic.
pub fn check_refused<T>(bytes: &[u8], parse: &Parser<T>) -> Vec<String> {
    match no_panic(|| parse(bytes).map(|(_, n)| n)) {
        Err(p) => vec![p],
        Ok(Ok(n)) => vec![format!("accepted (consumed {n} of {} bytes)", bytes.len())],
        Ok(Err(e)) if e.is_incomplete() => vec!["Incomplete, but the message is complete".into()],
        Ok(Err(e)) => match e.offset() {
            Some(o) if o <= bytes.len() => vec![],
            o => vec![format!(
                "error offset {o:?} outside the {} bytes: {e}",
                bytes.len()
            )],
        },
    }
}

/// Failures collected over many checks, reported together.
#[derive(Debug, Default)]
pub struct Failures {
    /// Checks run.
    pub checked: usize,
    /// Names of the failed items, each with its failure lines.
    pub failed: Vec<(String, Vec<String>)>,
    /// Failed items counted but not listed (see [`Failures::cap`]).
    pub unlisted: usize,
    /// List at most this many failures (`None`: all of them).
    pub cap: Option<usize>,
}

impl Failures {
    /// Records the result of checking the item `name`.
    pub fn record(&mut self, name: impl Into<String>, fails: Vec<String>) {
        self.checked += 1;
        if !fails.is_empty() {
            if self.cap.is_some_and(|c| self.failed.len() >= c) {
                self.unlisted += 1;
            } else {
                self.failed.push((name.into(), fails));
            }
        }
    }

    /// How many items failed, listed or not.
    pub fn count(&self) -> usize {
        self.failed.len() + self.unlisted
    }

    /// The full report: every failed item with its reasons, then a count.
    pub fn report(&self, what: &str) -> String {
        let mut s = String::new();
        for (name, fails) in &self.failed {
            let _ = writeln!(s, "FAIL {name}");
            for f in fails {
                let _ = writeln!(s, "    {f}");
            }
        }
        if self.unlisted > 0 {
            let _ = writeln!(s, "({} more failures not listed)", self.unlisted);
        }
        let _ = writeln!(s, "{what}: {} of {} failed", self.count(), self.checked);
        s
    }

    /// Prints the report and panics once if anything failed.
    pub fn finish(&self, what: &str) {
        let report = self.report(what);
        eprintln!("{report}");
        if self.count() > 0 {
            panic!(
                "{what}: {} of {} failed (list above)",
                self.count(),
                self.checked
            );
        }
    }
}

/// What a piece of a client stream is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientPiece {
    /// A command, with its literals.
    Command,
    /// A line of an AUTHENTICATE exchange (base64, `=` or `*`).
    AuthLine,
    /// `DONE`, ending IDLE.
    Done,
}

/// A message cut out of a recorded stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a, K> {
    /// Offset of its first byte in the stream.
    pub offset: usize,
    /// Its bytes, final CRLF included.
    pub bytes: &'a [u8],
    /// What it is.
    pub kind: K,
}

/// Cuts `stream` into complete messages; the incomplete tail, if any, is
/// returned apart.
pub fn split_messages(stream: &[u8]) -> (Vec<(usize, &[u8])>, &[u8]) {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < stream.len() {
        match message_len(&stream[pos..]) {
            Some(n) => {
                out.push((pos, &stream[pos..pos + n]));
                pos += n;
            }
            None => break,
        }
    }
    (out, &stream[pos..])
}

/// Cuts a client stream into commands and the special lines that are not
/// commands: the lines that answer an AUTHENTICATE's challenges (after a
/// command `AUTHENTICATE`, every line with no space in it, until a line
/// that has one: a command always has `tag SP name`) and the `DONE` that
/// ends an IDLE. Returns the pieces and the incomplete tail.
pub fn split_client(stream: &[u8]) -> (Vec<Piece<'_, ClientPiece>>, &[u8]) {
    let (msgs, tail) = split_messages(stream);
    let mut out = Vec::with_capacity(msgs.len());
    let mut in_auth = false;
    let mut in_idle = false;
    for (offset, bytes) in msgs {
        let line = &bytes[..bytes.len() - 2];
        let kind = if in_idle && line.eq_ignore_ascii_case(b"DONE") {
            in_idle = false;
            ClientPiece::Done
        } else if in_auth && !line.contains(&b' ') {
            ClientPiece::AuthLine
        } else {
            let mut words = line.split(|&b| b == b' ');
            let _tag = words.next();
            let name = words.next().unwrap_or_default();
            in_auth = name.eq_ignore_ascii_case(b"AUTHENTICATE");
            in_idle = name.eq_ignore_ascii_case(b"IDLE");
            ClientPiece::Command
        };
        out.push(Piece {
            offset,
            bytes,
            kind,
        });
    }
    (out, tail)
}

/// Cuts a server stream into responses (every one a message). Returns the
/// pieces and the incomplete tail.
pub fn split_server(stream: &[u8]) -> (Vec<Piece<'_, ()>>, &[u8]) {
    let (msgs, tail) = split_messages(stream);
    (
        msgs.into_iter()
            .map(|(offset, bytes)| Piece {
                offset,
                bytes,
                kind: (),
            })
            .collect(),
        tail,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_vectors_with_literals() {
        let file = b"## comment\n\n# rfc1 2 line 3\n## note\nA1 LOGIN {11}\nFRED FOOBAR {7}\nfat man\n\n\
# rfc1 2 line 9\n* 1 FETCH (BODY[] {9}\n# x\n\n\nab)\n# rfc1 2 line 10\n* 2 FETCH (BODY[] {4}\nabcd)\n";
        let v = parse_vector_file("t.txt", file).unwrap();
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].source, "rfc1 2 line 3");
        assert_eq!(v[0].notes, vec!["note".to_string()]);
        assert_eq!(
            v[0].bytes,
            b"A1 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n"
        );
        assert_eq!(v[0].location, "t.txt:3");
        // A literal may hold lines that look like headers or are blank.
        assert_eq!(
            v[1].bytes,
            b"* 1 FETCH (BODY[] {9}\r\n# x\r\n\r\n\r\nab)\r\n"
        );
        // A literal may end in the middle of a line.
        assert_eq!(v[2].bytes, b"* 2 FETCH (BODY[] {4}\r\nabcd)\r\n");
    }

    #[test]
    fn escaped_vectors() {
        let file = b"# x 1 escaped\n\\r\\n\n\n# y 2 escaped\n+ \\x00\\\\\\r\n\\n\n";
        let v = parse_vector_file("t.txt", file).unwrap();
        assert_eq!(v[0].bytes, b"\r\n");
        assert_eq!(v[1].bytes, b"+ \x00\\\r\n");
    }

    #[test]
    fn malformed_files_are_refused() {
        assert!(parse_vector_file("t", b"A1 NOOP\n").is_err());
        assert!(parse_vector_file("t", b"# x\nA1 X {5}\nab\n").is_err());
        assert!(parse_vector_file("t", b"# x\nA1 NOOP\nA2 NOOP\n").is_err());
        assert!(parse_vector_file("t", b"# x escaped\n\\q\n").is_err());
    }

    #[test]
    fn literal_headers() {
        assert_eq!(literal_len(b"{0}"), Some(0));
        assert_eq!(literal_len(b"x {12-}"), Some(12));
        assert_eq!(literal_len(b"x {}"), None);
        assert_eq!(literal_len(b"x {1a}"), None);
        assert_eq!(literal_len(b"x {99999999999999999999}"), None);
    }

    #[test]
    fn client_streams_are_cut_at_commands() {
        let s = b"1 AUTHENTICATE PLAIN\r\nAGEAYg==\r\n2 IDLE\r\nDONE\r\n3 APPEND x {3+}\r\nabc\r\n4 NOOP";
        let (p, tail) = split_client(s);
        let kinds: Vec<_> = p.iter().map(|p| p.kind).collect();
        use ClientPiece::*;
        assert_eq!(kinds, [Command, AuthLine, Command, Done, Command]);
        assert_eq!(p[4].bytes, b"3 APPEND x {3+}\r\nabc\r\n");
        assert_eq!(tail, b"4 NOOP");
    }

    #[test]
    fn the_checks_see_faults() {
        // A "parser" that takes one line and ignores literals: prefixes
        // and literal handling are both wrong for a message with a literal.
        let p = |b: &[u8]| -> Result<(Vec<u8>, usize), ParseError> {
            match b.windows(2).position(|w| w == b"\r\n") {
                Some(i) => Ok((b[..i].to_vec(), i + 2)),
                None => parse_command(b"A1 NOOP").map(|_| (vec![], 0)),
            }
        };
        let enc = |v: &Vec<u8>| [v.as_slice(), b"\r\n"].concat();
        assert!(check_four_ways(b"A1 NOOP\r\n", b"A2 NOOP\r\n", &p, &enc).is_empty());
        let f = check_four_ways(b"A1 X {1}\r\na\r\n", b"A2 NOOP\r\n", &p, &enc);
        assert!(
            f.iter().any(|f| f.starts_with("whole: consumed 10 of 13")),
            "{f:?}"
        );
        assert!(f.iter().any(|f| f.starts_with("prefix of 10")), "{f:?}");
    }
}
