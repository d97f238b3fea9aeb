//! Prints a recorded IMAP connection as typed commands and responses.
//!
//! ```sh
//! cargo run --example dissect -- tests/corpus/06-curl-list
//! cargo run --release --example dissect -- -q ../shared/corpus/01-mbsync-initial
//! ```
//!
//! A capture directory holds `client.bin` (every byte the client sent),
//! `server.bin` (every byte the server sent) and, optionally,
//! `timeline.tsv` (`t_ms TAB C|S TAB offset TAB length` per received
//! chunk, the format of tests/corpus). With a timeline the messages come
//! out in the order they crossed the wire; without one they are
//! interleaved by tag (each completion after its command).
//!
//! Each message is one line: the side (`C` or `S`), its byte offset in
//! that side's stream, and the parsed value (`Debug`, cut to the line
//! width). AUTHENTICATE responses, IDLE's DONE and challenges are shown as
//! such (their contents redacted); after a successful COMPRESS=DEFLATE
//! both streams are inflated (offsets then count inflated bytes, marked
//! `z`). Anything that does not parse is flagged `!!` with its offset and
//! the parser's message. The last line sums up; the exit status is 1 if
//! anything failed to parse.
//!
//! Options: `-q` prints the summary only; `-w N` sets the line width
//! (default 160; 0 for no limit).

use std::collections::HashSet;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::Path;

use flate2::{Decompress, FlushDecompress};
use imap_proto::frame::{Frame, FrameLimits, Framer};
use imap_proto::types::{CommandBody, Response, State};
use imap_proto::{parse_command, parse_response};

/// How to print.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Print each message (otherwise only the summary).
    pub messages: bool,
    /// Longest line; 0 for no limit.
    pub width: usize,
}

/// What a dissection found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Commands parsed.
    pub commands: usize,
    /// AUTHENTICATE response lines (and cancellations).
    pub auth_lines: usize,
    /// IDLE's DONE lines.
    pub dones: usize,
    /// Server messages parsed (greeting, data, status, continuations).
    pub responses: usize,
    /// Messages that did not parse, or broke a framing limit.
    pub failures: usize,
    /// Bytes left at the end of a stream that do not make a whole message.
    pub incomplete: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "client: {} commands, {} AUTHENTICATE lines, {} DONE; server: {} responses; \
             {} parse failures; {} bytes incomplete at the end",
            self.commands,
            self.auth_lines,
            self.dones,
            self.responses,
            self.failures,
            self.incomplete
        )
    }
}

/// One side of the connection: its framer, where it is, and whether it
/// is compressed.
struct Side {
    label: char,
    framer: Framer,
    /// Offset of the next message in this side's (plain or inflated) stream.
    offset: u64,
    inflate: Option<Decompress>,
    /// The client side waits for the answer to COMPRESS.
    blocked: bool,
    peeked: Option<Msg>,
}

struct Msg {
    offset: u64,
    compressed: bool,
    bytes: Vec<u8>,
    /// Synchronizing literals in it (each waited for a `+`).
    sync_literals: usize,
}

/// What [`Dissector::step`] showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Command,
    /// A tagged completion.
    Completion,
    /// A continuation request.
    Continue,
    /// Anything else: untagged data, an AUTHENTICATE line, DONE, a failure.
    Other,
}

impl Side {
    fn new(label: char) -> Side {
        // Generous limits: this reads recordings, not a hostile peer.
        let limits = FrameLimits {
            max_line: 64 << 20,
            max_literal: 1 << 32,
            max_message: 1 << 33,
            ..FrameLimits::default()
        };
        Side {
            label,
            framer: Framer::new(limits),
            offset: 0,
            inflate: None,
            blocked: false,
            peeked: None,
        }
    }

    fn push(&mut self, raw: &[u8]) -> Result<(), String> {
        match &mut self.inflate {
            Some(d) => {
                let plain = inflate(d, raw)?;
                self.framer.push(&plain);
            }
            None => self.framer.push(raw),
        }
        Ok(())
    }

    /// From here on the bytes are raw DEFLATE (RFC 4978), including what
    /// is already buffered.
    fn start_inflating(&mut self) -> Result<(), String> {
        let rest = self.framer.take_buffered();
        self.inflate = Some(Decompress::new(false));
        self.offset = 0;
        self.push(&rest)
    }

    fn next(&mut self) -> Option<Result<Msg, String>> {
        if self.blocked {
            return None;
        }
        if let Some(m) = self.peeked.take() {
            return Some(Ok(m));
        }
        let mut sync_literals = 0;
        loop {
            let frame = match self.framer.poll()? {
                Err(e) => return Some(Err(e.to_string())),
                Ok(Frame::LiteralAnnounced { .. }) => None,
                Ok(Frame::Message(m)) => Some(m.to_vec()),
                // Literal streaming is off here: every literal is buffered.
                Ok(_) => return Some(Err("unexpected streamed literal".to_owned())),
            };
            let Some(bytes) = frame else {
                // Recorded literals always came: read them.
                self.framer.accept_literal();
                sync_literals += 1;
                continue;
            };
            let msg = Msg {
                offset: self.offset,
                compressed: self.inflate.is_some(),
                bytes,
                sync_literals,
            };
            self.offset += msg.bytes.len() as u64;
            return Some(Ok(msg));
        }
    }

    fn peek(&mut self) -> Option<&Msg> {
        if self.peeked.is_none() {
            match self.next()? {
                Ok(m) => self.peeked = Some(m),
                Err(_) => return None,
            }
        }
        self.peeked.as_ref()
    }
}

fn inflate(d: &mut Decompress, mut input: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len() * 4);
    loop {
        if out.capacity() - out.len() < 32 * 1024 {
            out.reserve(64 * 1024);
        }
        let before = d.total_in();
        d.decompress_vec(input, &mut out, FlushDecompress::Sync)
            .map_err(|e| format!("inflate: {e}"))?;
        let used = (d.total_in() - before) as usize;
        input = &input[used..];
        if input.is_empty() && out.capacity() > out.len() {
            return Ok(out);
        }
        if used == 0 && out.capacity() > out.len() {
            return Err("inflate: stuck".to_owned());
        }
    }
}

/// What the client side reads next.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    Commands,
    Authenticate(String),
    Idle(String),
}

struct Dissector<'o> {
    client: Side,
    server: Side,
    mode: Mode,
    compress: Option<String>,
    /// Tags of the commands seen so far (for the interleaving by tag).
    sent: HashSet<String>,
    /// `+` the server owes for synchronizing literals already shown.
    expected_plus: usize,
    summary: Summary,
    opts: Options,
    out: &'o mut dyn Write,
}

/// Writes into a string up to `max` bytes, then refuses (so a long value
/// is never formatted in full).
struct Capped {
    s: String,
    max: usize,
}

impl fmt::Write for Capped {
    fn write_str(&mut self, t: &str) -> fmt::Result {
        if self.max == 0 || self.s.len() + t.len() <= self.max {
            self.s.push_str(t);
            return Ok(());
        }
        let mut room = self.max - self.s.len().min(self.max);
        while !t.is_char_boundary(room) {
            room -= 1;
        }
        self.s.push_str(&t[..room]);
        self.s.push('…');
        Err(fmt::Error)
    }
}

impl Dissector<'_> {
    fn line(&mut self, side: char, msg: &Msg, value: fmt::Arguments<'_>) -> io::Result<()> {
        if !self.opts.messages {
            return Ok(());
        }
        let z = if msg.compressed { "z" } else { " " };
        let mut c = Capped {
            s: String::new(),
            max: self.opts.width,
        };
        let _ = c.write_fmt(value);
        writeln!(self.out, "{side} {z}{:>9}  {}", msg.offset, c.s)
    }

    fn failure(&mut self, side: char, offset: u64, what: &str) -> io::Result<()> {
        self.summary.failures += 1;
        writeln!(self.out, "{side} !!{offset:>9}  {what}")
    }

    fn client_msg(&mut self, msg: Msg) -> io::Result<()> {
        let line = msg.bytes.strip_suffix(b"\r\n").unwrap_or(&msg.bytes);
        match self.mode.clone() {
            Mode::Authenticate(_) => {
                self.summary.auth_lines += 1;
                if line == b"*" {
                    return self.line('C', &msg, format_args!("AUTHENTICATE cancelled (*)"));
                }
                return self.line(
                    'C',
                    &msg,
                    format_args!(
                        "AUTHENTICATE response ({} base64 chars, redacted)",
                        line.len()
                    ),
                );
            }
            Mode::Idle(_) if line.eq_ignore_ascii_case(b"DONE") => {
                self.summary.dones += 1;
                self.mode = Mode::Commands;
                return self.line('C', &msg, format_args!("DONE"));
            }
            Mode::Idle(_) | Mode::Commands => {}
        }
        match parse_command(&msg.bytes) {
            Ok((cmd, used)) => {
                self.summary.commands += 1;
                self.sent.insert(cmd.tag.as_str().to_owned());
                match &cmd.body {
                    CommandBody::Authenticate { .. } => {
                        self.mode = Mode::Authenticate(cmd.tag.as_str().to_owned())
                    }
                    CommandBody::Idle => self.mode = Mode::Idle(cmd.tag.as_str().to_owned()),
                    CommandBody::Compress(_) => {
                        self.compress = Some(cmd.tag.as_str().to_owned());
                        self.client.blocked = true;
                    }
                    _ => {}
                }
                self.line('C', &msg, format_args!("{} {:?}", cmd.tag, cmd.body))?;
                if used != msg.bytes.len() {
                    let off = msg.offset + used as u64;
                    self.failure('C', off, "bytes after the command")?;
                }
                Ok(())
            }
            Err(e) => {
                let off = msg.offset + e.offset().unwrap_or(0) as u64;
                let text = String::from_utf8_lossy(&line[..line.len().min(80)]).into_owned();
                self.failure('C', off, &format!("{e}: {text:?}"))
            }
        }
    }

    fn server_msg(&mut self, msg: Msg) -> io::Result<()> {
        match parse_response(&msg.bytes) {
            Ok((resp, used)) => {
                self.summary.responses += 1;
                match (&resp, &self.mode) {
                    (Response::Continue(c), Mode::Authenticate(_)) => {
                        let n = c.text.text.as_str().len();
                        self.line(
                            'S',
                            &msg,
                            format_args!("AUTHENTICATE challenge ({n} base64 chars)"),
                        )?;
                    }
                    _ => self.line('S', &msg, format_args!("{resp:?}"))?,
                }
                if used != msg.bytes.len() {
                    let off = msg.offset + used as u64;
                    self.failure('S', off, "bytes after the response")?;
                }
                if let Response::Tagged(t) = &resp {
                    let tag = t.tag.as_str();
                    if matches!(&self.mode, Mode::Authenticate(a) if a == tag) {
                        self.mode = Mode::Commands;
                    }
                    if matches!(&self.mode, Mode::Idle(i) if i == tag) {
                        // IDLE ended by the server without DONE.
                        self.mode = Mode::Commands;
                    }
                    if self.compress.as_deref() == Some(tag) {
                        self.compress = None;
                        self.client.blocked = false;
                        if t.state == State::Ok {
                            if let Err(e) = self.server.start_inflating() {
                                self.failure('S', msg.offset, &e)?;
                            }
                            if let Err(e) = self.client.start_inflating() {
                                self.failure('C', 0, &e)?;
                            }
                        }
                    }
                }
                Ok(())
            }
            Err(e) => {
                let off = msg.offset + e.offset().unwrap_or(0) as u64;
                let line = msg.bytes.strip_suffix(b"\r\n").unwrap_or(&msg.bytes);
                let text = String::from_utf8_lossy(&line[..line.len().min(80)]).into_owned();
                self.failure('S', off, &format!("{e}: {text:?}"))
            }
        }
    }

    /// Takes one message from a side and shows it; `None` if it had none.
    fn step(&mut self, client: bool) -> io::Result<Option<Shown>> {
        let side = if client {
            &mut self.client
        } else {
            &mut self.server
        };
        let label = side.label;
        let offset = side.offset;
        let msg = match side.next() {
            None => return Ok(None),
            Some(Err(e)) => {
                self.failure(label, offset, &e)?;
                return Ok(Some(Shown::Other));
            }
            Some(Ok(m)) => m,
        };
        let shown = match (client, msg.bytes.first()) {
            (false, Some(b'+')) => Shown::Continue,
            (false, Some(b'*')) => Shown::Other,
            (false, _) => Shown::Completion,
            (true, _) if self.mode == Mode::Commands => Shown::Command,
            (true, _) => Shown::Other,
        };
        self.expected_plus += msg.sync_literals * usize::from(client);
        if client {
            self.client_msg(msg)?;
        } else {
            self.server_msg(msg)?;
        }
        Ok(Some(shown))
    }

    /// Both sides, until neither has a whole message.
    fn drain(&mut self, client_first: bool) -> io::Result<()> {
        loop {
            let a = self.step(client_first)?;
            let b = self.step(!client_first)?;
            if a.is_none() && b.is_none() {
                return Ok(());
            }
        }
    }

    /// Without a timeline, the order is rebuilt from the tags: the
    /// greeting; then a client message whenever no command is waiting for
    /// its completion, the server just asked for a continuation (other than
    /// for a literal, whose octets are already shown with its command), or
    /// the server's next message completes a command not shown yet; server
    /// messages otherwise.
    fn by_tag(&mut self) -> io::Result<()> {
        self.step(false)?;
        let mut waiting = 0usize;
        let mut after_plus = false;
        loop {
            let next = self.server.peek().map(|m| match m.bytes.first() {
                Some(b'+') | Some(b'*') => None,
                _ => {
                    let tag = m.bytes.split(|&b| b == b' ').next().unwrap_or_default();
                    Some(self.sent.contains(String::from_utf8_lossy(tag).as_ref()))
                }
            });
            let client_turn =
                waiting == 0 || after_plus || matches!(next, None | Some(Some(false)));
            if client_turn {
                after_plus = false;
                match self.step(true)? {
                    Some(Shown::Command) => waiting += 1,
                    Some(_) => {}
                    None if next.is_none() => return Ok(()),
                    None => {
                        // The client said all it had: the rest is the server's.
                        return self.drain(false);
                    }
                }
            } else {
                match self.step(false)? {
                    Some(Shown::Completion) => waiting = waiting.saturating_sub(1),
                    Some(Shown::Continue) if self.expected_plus > 0 => self.expected_plus -= 1,
                    Some(Shown::Continue) => after_plus = true,
                    _ => {}
                }
            }
        }
    }
}

/// Reads `timeline.tsv`: (from the client?, offset, length) per chunk.
fn timeline(text: &str) -> Result<Vec<(bool, usize, usize)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || format!("timeline.tsv line {}: {line:?}", n + 1);
        if f.len() < 4 {
            return Err(bad());
        }
        let off = f[2].parse().map_err(|_| bad())?;
        let len = f[3].parse().map_err(|_| bad())?;
        out.push((f[1] == "C", off, len));
    }
    Ok(out)
}

/// Dissects the capture in `dir`, printing to `out`.
pub fn dissect(dir: &Path, opts: Options, out: &mut dyn Write) -> io::Result<Summary> {
    let client = std::fs::read(dir.join("client.bin"))?;
    let server = std::fs::read(dir.join("server.bin"))?;
    let tl = match std::fs::read_to_string(dir.join("timeline.tsv")) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    dissect_streams(&client, &server, tl.as_deref(), opts, out)
}

/// Dissects the two byte streams of a connection, in the order of the
/// timeline (the text of a `timeline.tsv`) if there is one.
pub fn dissect_streams(
    client: &[u8],
    server: &[u8],
    timeline_tsv: Option<&str>,
    opts: Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let tl = match timeline_tsv {
        Some(t) => Some(timeline(t).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?),
        None => None,
    };
    let mut d = Dissector {
        client: Side::new('C'),
        server: Side::new('S'),
        mode: Mode::Commands,
        compress: None,
        sent: HashSet::new(),
        expected_plus: 0,
        summary: Summary::default(),
        opts,
        out,
    };
    match tl {
        Some(chunks) => {
            for (from_client, off, len) in chunks {
                let (bytes, side) = if from_client {
                    (client, &mut d.client)
                } else {
                    (server, &mut d.server)
                };
                let Some(chunk) = bytes.get(off..off.saturating_add(len)) else {
                    let label = side.label;
                    d.failure(label, off as u64, "timeline chunk past the end of the file")?;
                    continue;
                };
                if let Err(e) = side.push(chunk) {
                    let label = side.label;
                    d.failure(label, off as u64, &e)?;
                }
                d.drain(from_client)?;
            }
        }
        None => {
            // Feed everything; the client side waits at COMPRESS until the
            // server's answer is read.
            d.server.push(server).map_err(io::Error::other)?;
            d.client.push(client).map_err(io::Error::other)?;
            d.by_tag()?;
        }
    }
    d.client.blocked = false;
    d.drain(false)?;
    d.summary.incomplete = d.client.framer.buffered() + d.server.framer.buffered();
    Ok(d.summary)
}

#[allow(dead_code)]
fn main() {
    let mut opts = Options {
        messages: true,
        width: 160,
    };
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-q" => opts.messages = false,
            "-w" => {
                opts.width = args.next().and_then(|w| w.parse().ok()).unwrap_or(160);
            }
            _ => dir = Some(a),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: dissect [-q] [-w WIDTH] DIR   (DIR holds client.bin, server.bin[, timeline.tsv])");
        std::process::exit(2);
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match dissect(Path::new(&dir), opts, &mut out) {
        Ok(s) => {
            let _ = writeln!(out, "{s}");
            let _ = out.flush();
            if s.failures > 0 {
                std::process::exit(1);
            }
        }
        Err(e) => {
            let _ = out.flush();
            eprintln!("dissect {dir}: {e}");
            std::process::exit(2);
        }
    }
}
