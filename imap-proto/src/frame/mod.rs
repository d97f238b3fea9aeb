//! Layer 4: the incremental framer.
//!
//! Bytes arrive in pieces of any size; the framer finds where each message
//! ends — lines end in CRLF, a line ending in a literal header (`{N}`,
//! `{N+}`, `~{N}`) continues after N octets — and hands out whole messages
//! for the grammar. It remembers how far it has scanned, so each input byte
//! is looked at once (memchr for line ends; literal bodies are skipped by
//! count, never scanned), and its cost is linear in the input however the
//! input is cut.
//!
//! Limits are checked here, before anything is buffered beyond them: a
//! literal's announced length is compared with the limit when its header
//! is read, and nothing is ever allocated in advance for it.
//!
//! After a message breaks a limit the framer *resynchronises*: it discards
//! the rest of that message, counting literal octets the peer will send
//! anyway, and starts again at the next message. It never guesses where a
//! message ends.
//!
//! Which refused literals the peer still sends depends on who the peer is:
//!
//! - A client (the default): a non-synchronizing literal (`{N+}`) is sent
//!   anyway (RFC 7888 §4), so its octets are skipped by count; a
//!   synchronizing one (`{N}`) is refused before the `+`, so the client
//!   sends neither its octets nor the rest of the message (RFC 9051 §7.5)
//!   and the next byte starts a new command.
//! - A server ([`Framer::set_literals_sent_whole`], as the client session
//!   sets it): a server never waits for a continuation, every literal it
//!   sends comes whole (RFC 9051 §4.3, §7.5), `{N}` included. A refused
//!   literal's octets are skipped by count, unbuffered, then the rest of
//!   the message up to its CRLF (and any further literals it announces).
//!   Reading those octets as lines instead would let a message body forge
//!   responses (`A1 OK`, `* 2 EXISTS`).

use std::fmt;

use crate::fast::{self, HeaderError, LiteralHeader};
use crate::types::{LiteralMode, Tag};

/// The framer's limits. Each is a worst case that input cannot push past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameLimits {
    /// Longest line, CRLF included. Default 64 KiB: RFC 7162 §4 asks
    /// servers to accept lines of at least 8192 octets and clients to send
    /// longer UID sets; Dovecot's own limit is 64 KiB. Worst case memory:
    /// this many bytes buffered for an unfinished line.
    pub max_line: usize,
    /// Largest literal. Default 64 MiB: larger than any message real
    /// servers accept by default (Dovecot and Gmail cap APPEND at 35-50 MB).
    pub max_literal: u64,
    /// Largest whole message, lines and literals together. Default 64 MiB
    /// plus 64 KiB, so that one maximal literal with its command line fits.
    /// This also bounds the number of elements in any list of the message.
    pub max_message: u64,
    /// Largest non-synchronizing literal (`{N+}`). Default: no limit of its
    /// own beyond `max_literal`. A server that advertises LITERAL- sets it
    /// to 4096 (RFC 7888 §5); larger ones are refused and their octets
    /// skipped by count.
    pub max_non_sync_literal: u64,
}

impl Default for FrameLimits {
    fn default() -> Self {
        Self {
            max_line: 64 * 1024,
            max_literal: 64 * 1024 * 1024,
            max_message: 64 * 1024 * 1024 + 64 * 1024,
            max_non_sync_literal: u64::MAX,
        }
    }
}

/// A limit that a message broke. The framer has already skipped, or will
/// skip, the rest of that message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FrameError {
    /// A line longer than [`FrameLimits::max_line`].
    #[error("line longer than {limit} bytes")]
    LineTooLong {
        /// The limit.
        limit: usize,
        /// The message's tag, when it could be read.
        tag: Option<Tag<'static>>,
    },
    /// A literal larger than [`FrameLimits::max_literal`], or one that
    /// would take the message past [`FrameLimits::max_message`].
    #[error("literal of {length} bytes exceeds the limit of {limit} bytes")]
    LiteralTooLarge {
        /// The announced length.
        length: u64,
        /// The limit it broke.
        limit: u64,
        /// The header's form. From a client, synchronizing means the
        /// peer waits for `+` and sends nothing more of the message once
        /// refused; from a server (see
        /// [`Framer::set_literals_sent_whole`]) the octets came anyway and
        /// were skipped by count.
        mode: LiteralMode,
        /// The message's tag, when it could be read.
        tag: Option<Tag<'static>>,
    },
    /// A message longer than [`FrameLimits::max_message`].
    #[error("message longer than {limit} bytes")]
    MessageTooLarge {
        /// The limit.
        limit: u64,
        /// The message's tag, when it could be read.
        tag: Option<Tag<'static>>,
    },
    /// A literal header whose length is not a `number64`.
    #[error("literal length is not a number64 (at most 2^63-1)")]
    BadLiteralLength {
        /// The message's tag, when it could be read.
        tag: Option<Tag<'static>>,
    },
}

impl FrameError {
    /// The tag of the message that broke the limit, when it could be read.
    pub fn tag(&self) -> Option<&Tag<'static>> {
        match self {
            FrameError::LineTooLong { tag, .. }
            | FrameError::LiteralTooLarge { tag, .. }
            | FrameError::MessageTooLarge { tag, .. }
            | FrameError::BadLiteralLength { tag } => tag.as_ref(),
        }
    }
}

/// What the framer found.
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Frame<'b> {
    /// A complete message, literals included, its final CRLF included.
    Message(&'b [u8]),
    /// The message so far ends with a synchronizing literal header: the
    /// peer waits for a continuation request before it sends the octets.
    /// Call [`Framer::accept_literal`] or [`Framer::reject_literal`] next.
    LiteralAnnounced {
        /// The message so far, up to and including the header's CRLF.
        head: &'b [u8],
        /// The announced length.
        length: u64,
        /// `~{N}`: literal8.
        binary: bool,
    },
    /// A literal of at least the streaming threshold begins (see
    /// [`Framer::set_streaming`]): its octets come next as
    /// [`Frame::LiteralChunk`]s, not kept, and the message, when complete,
    /// carries an empty literal (`{0}`) in their place.
    LiteralStream {
        /// The message so far, up to the header's CRLF, the header's
        /// length already rewritten to `0`.
        head: &'b [u8],
        /// The announced length.
        length: u64,
    },
    /// Octets of a streamed literal, in order; gone at the next call.
    LiteralChunk(&'b [u8]),
}

/// A frame found, by offsets into the buffer.
enum Found {
    Message(usize, usize),
    Announced(usize, usize, u64, bool),
    StreamStart(usize, usize, u64),
    Chunk(usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Looking for the end of the current line.
    Line,
    /// Skipping this many literal octets that belong to the message.
    Literal(u64),
    /// Waiting for the caller to accept or reject a synchronizing literal.
    Announced(u64),
    /// Discarding the rest of an over-long line.
    DiscardLine,
    /// Discarding this many literal octets of a refused message.
    DiscardLiteral(u64),
    /// A streamed literal of this length is to be announced.
    StreamStart(u64),
    /// Handing out this many more octets of a streamed literal.
    Stream(u64),
}

/// The incremental framer. See the module documentation.
///
/// ```
/// use imap_proto::frame::{Frame, Framer};
/// let mut f = Framer::default();
/// f.push(b"A1 LOGIN {4+}\r\nfr");
/// assert!(f.poll().is_none());
/// f.push(b"ed pw\r\nA2 NO");
/// assert_eq!(f.poll(), Some(Ok(Frame::Message(b"A1 LOGIN {4+}\r\nfred pw\r\n"))));
/// assert!(f.poll().is_none());
/// ```
pub struct Framer {
    buf: Vec<u8>,
    /// Start of the current message in `buf`.
    start: usize,
    /// Start of the current line in `buf`.
    line_start: usize,
    /// Next byte not yet examined.
    pos: usize,
    /// Bytes of the previous frame, to drop on the next call.
    handed_out: usize,
    /// Bytes of the current message counted so far (lines and literals).
    message_len: u64,
    state: State,
    limits: FrameLimits,
    /// The last bytes of a line being discarded (to see a literal header
    /// at its end).
    discard_tail: Vec<u8>,
    /// Literals at least this long are streamed, not buffered.
    stream_from: Option<u64>,
    /// The announced synchronizing literal will be streamed once accepted.
    stream_announced: bool,
    /// Octets handed out in the last chunk, to drop on the next call.
    streamed_out: usize,
    /// The peer sends every literal whole, synchronizing or not (it is a
    /// server): refused ones are skipped by count.
    sent_whole: bool,
}

impl Default for Framer {
    fn default() -> Self {
        Self::new(FrameLimits::default())
    }
}

impl fmt::Debug for Framer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Framer")
            .field("buffered", &(self.buf.len() - self.start))
            .field("state", &self.state)
            .field("limits", &self.limits)
            .finish()
    }
}

/// Longest tail of a discarded line kept to read a literal header: `~{`,
/// 19 digits, `+}`.
const HEADER_TAIL: usize = 24;

impl Framer {
    /// A framer with these limits.
    pub fn new(limits: FrameLimits) -> Self {
        Self {
            buf: Vec::new(),
            start: 0,
            line_start: 0,
            pos: 0,
            handed_out: 0,
            message_len: 0,
            state: State::Line,
            limits,
            discard_tail: Vec::new(),
            stream_from: None,
            stream_announced: false,
            streamed_out: 0,
            sent_whole: false,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &FrameLimits {
        &self.limits
    }

    /// Streams literals of at least `from` octets instead of buffering
    /// them (`None`: never, the default). A streamed literal is handed out
    /// in chunks as it arrives ([`Frame::LiteralStream`], then
    /// [`Frame::LiteralChunk`]s) and is not counted against
    /// [`FrameLimits::max_literal`] or [`FrameLimits::max_message`]: memory
    /// stays bounded by the input pieces pushed, whatever the length. The
    /// caller enforces its own bound on the announced length.
    pub fn set_streaming(&mut self, from: Option<u64>) {
        self.stream_from = from;
    }

    /// Whether the peer sends every literal whole without waiting for a
    /// continuation request, as a server does (RFC 9051 §4.3, §7.5).
    /// Default `false` (the peer is a client). When `true`, a refused
    /// synchronizing literal is skipped by count like a non-synchronizing
    /// one: its octets, unbuffered, then the rest of its message. See the
    /// module documentation.
    pub fn set_literals_sent_whole(&mut self, yes: bool) {
        self.sent_whole = yes;
    }

    /// Bytes allocated for buffering input (for memory accounting).
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Appends received bytes.
    pub fn push(&mut self, bytes: &[u8]) {
        self.release();
        match bytes {
            // Fed one byte at a time, a copy call per byte would dominate.
            [b] => self.buf.push(*b),
            _ => self.buf.extend_from_slice(bytes),
        }
    }

    /// The message handed out by the last [`Framer::poll`] (empty if the
    /// last frame was not a message). Valid until the next `push` or `poll`.
    pub fn last_message(&self) -> &[u8] {
        &self.buf[self.start..self.start + self.handed_out]
    }

    /// The octets handed out by the last [`Frame::LiteralChunk`] (empty
    /// otherwise). Valid until the next `push` or `poll`.
    pub fn last_chunk(&self) -> &[u8] {
        &self.buf[self.pos..self.pos + self.streamed_out]
    }

    /// Bytes received and not yet handed out in a frame.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.start - self.handed_out
    }

    /// Takes every byte not yet handed out, leaving the framer empty (for a
    /// switch to TLS or compression: what follows is another layer's).
    pub fn take_buffered(&mut self) -> Vec<u8> {
        self.release();
        let rest = self.buf.split_off(self.start);
        self.buf.clear();
        self.start = 0;
        self.line_start = 0;
        self.pos = 0;
        self.message_len = 0;
        self.state = State::Line;
        rest
    }

    /// Drops the frame handed out last, and compacts the buffer.
    ///
    /// `push` and `poll` run once per piece of input, one byte at a time in
    /// the worst case: the checks stay inline, the work is out of line.
    #[inline]
    fn release(&mut self) {
        if self.streamed_out > 0 {
            self.buf.drain(self.pos..self.pos + self.streamed_out);
            self.streamed_out = 0;
        }
        if self.handed_out > 0 {
            self.drop_handed_out();
        }
        self.compact();
    }

    #[inline(never)]
    fn drop_handed_out(&mut self) {
        self.start += self.handed_out;
        self.handed_out = 0;
        self.line_start = self.line_start.max(self.start);
        self.pos = self.pos.max(self.start);
    }

    /// Drops dead bytes when they are at least half the buffer: each byte
    /// is moved at most once per message, so the cost stays linear.
    #[inline]
    fn compact(&mut self) {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.compact_now();
        }
    }

    #[inline(never)]
    fn compact_now(&mut self) {
        self.buf.drain(..self.start);
        self.line_start -= self.start;
        self.pos -= self.start;
        self.start = 0;
    }

    /// Accepts the announced synchronizing literal: its octets are part of
    /// the message. The caller sends the continuation request.
    pub fn accept_literal(&mut self) {
        if let State::Announced(n) = self.state {
            self.state = if std::mem::take(&mut self.stream_announced) {
                self.elide_literal_length();
                State::StreamStart(n)
            } else {
                State::Literal(n)
            };
        }
    }

    /// Rewrites the length of the literal header that ends the current
    /// line (just before `pos`) to `0`: its octets are streamed, so the
    /// message will hold an empty literal in their place.
    fn elide_literal_length(&mut self) {
        let line = &self.buf[self.line_start..self.pos - 2];
        let Ok(Some(h)) = fast::literal_header(line) else {
            return;
        };
        let open = self.line_start + h.start + if h.binary { 2 } else { 1 };
        let close = self.pos - 3 - usize::from(h.non_sync);
        self.buf.splice(open..close, std::iter::once(b'0'));
        self.pos -= close - open - 1;
    }

    /// Rejects the announced synchronizing literal: the peer, having been
    /// refused, sends neither the octets nor the rest of the message
    /// (RFC 9051 §4.3, §7.5), so the message ends here and the next byte
    /// starts a new one. The caller sends the tagged NO or BAD.
    pub fn reject_literal(&mut self) {
        self.stream_announced = false;
        if let State::Announced(_) = self.state {
            self.state = State::Line;
            self.skip_to(self.pos);
        }
    }

    fn tag_of(&self, from: usize) -> Option<Tag<'static>> {
        // Only within the first `max_line` bytes: that much of an over-long
        // line is buffered however the input was cut, so the answer does
        // not depend on the cut.
        let b = &self.buf[from..];
        let b = &b[..b.len().min(self.limits.max_line)];
        let n = fast::span(b, fast::is_tag_char);
        if n == 0 || n > 64 || b.get(n) != Some(&b' ') {
            return None;
        }
        Tag::new(String::from_utf8_lossy(&b[..n]).into_owned()).ok()
    }

    /// Forgets everything before `pos`: the current message is over (or
    /// being discarded), and the next byte starts afresh.
    fn skip_to(&mut self, pos: usize) {
        self.pos = pos;
        self.start = pos;
        self.line_start = pos;
        self.message_len = 0;
    }

    /// Keeps the last bytes of a line being discarded, to read a literal
    /// header at its end.
    fn keep_tail(&mut self, bytes: &[u8]) {
        let from = bytes.len().saturating_sub(HEADER_TAIL);
        self.discard_tail.extend_from_slice(&bytes[from..]);
        let cut = self.discard_tail.len().saturating_sub(HEADER_TAIL);
        self.discard_tail.drain(..cut);
    }

    /// A discarded line has ended (its CR stripped from the tail): a
    /// literal announced at its end that the peer still sends (any from a
    /// server, a non-synchronizing one from a client) is skipped; anything
    /// else ends the message (a client never sends a refused synchronizing
    /// literal, RFC 9051 §7.5).
    fn end_discarded_line(&mut self) {
        let tail = std::mem::take(&mut self.discard_tail);
        self.state = match fast::literal_header(&tail) {
            Ok(Some(h)) if h.non_sync || self.sent_whole => State::DiscardLiteral(h.length),
            _ => State::Line,
        };
    }

    /// Finds the next frame; `None` when more input is needed.
    pub fn poll(&mut self) -> Option<Result<Frame<'_>, FrameError>> {
        self.release();
        let r = self.step();
        if r.is_none() {
            self.compact();
        }
        // Re-borrow: `step` found a frame, hand it out from the buffer.
        r.map(|r| r.map(|f| self.frame(f)))
    }

    fn frame(&self, f: Found) -> Frame<'_> {
        match f {
            Found::Message(a, b) => Frame::Message(&self.buf[a..b]),
            Found::Announced(a, b, length, binary) => Frame::LiteralAnnounced {
                head: &self.buf[a..b],
                length,
                binary,
            },
            Found::StreamStart(a, b, length) => Frame::LiteralStream {
                head: &self.buf[a..b],
                length,
            },
            Found::Chunk(a, b) => Frame::LiteralChunk(&self.buf[a..b]),
        }
    }

    fn step(&mut self) -> Option<Result<Found, FrameError>> {
        loop {
            match self.state {
                State::Announced(_) => return None,
                State::StreamStart(n) => {
                    self.state = if n == 0 {
                        State::Line
                    } else {
                        State::Stream(n)
                    };
                    self.line_start = self.pos;
                    return Some(Ok(Found::StreamStart(self.start, self.pos, n)));
                }
                State::Stream(left) => {
                    let n = ((self.buf.len() - self.pos) as u64).min(left);
                    if n == 0 {
                        return None;
                    }
                    // The octets are dropped at the next call; the rest of
                    // the message then starts at `pos`.
                    self.streamed_out = n as usize;
                    self.state = if n == left {
                        State::Line
                    } else {
                        State::Stream(left - n)
                    };
                    return Some(Ok(Found::Chunk(self.pos, self.pos + n as usize)));
                }
                State::Literal(left) => {
                    let n = ((self.buf.len() - self.pos) as u64).min(left);
                    self.pos += n as usize;
                    if n < left {
                        self.state = State::Literal(left - n);
                        return None;
                    }
                    self.line_start = self.pos;
                    self.state = State::Line;
                }
                State::DiscardLiteral(left) => {
                    let n = ((self.buf.len() - self.pos) as u64).min(left);
                    self.skip_to(self.pos + n as usize);
                    if n < left {
                        self.state = State::DiscardLiteral(left - n);
                        return None;
                    }
                    // The refused message goes on after its literal.
                    self.state = State::DiscardLine;
                }
                State::DiscardLine => {
                    let Some(k) = fast::find_lf(&self.buf[self.pos..]) else {
                        let (from, to) = (self.pos, self.buf.len());
                        let seen = self.buf[from..to].to_vec();
                        self.keep_tail(&seen);
                        self.skip_to(to);
                        return None;
                    };
                    let lf = self.pos + k;
                    let seen = self.buf[self.pos..lf].to_vec();
                    self.keep_tail(&seen);
                    self.skip_to(lf + 1);
                    if self.discard_tail.last() == Some(&b'\r') {
                        self.discard_tail.pop();
                        self.end_discarded_line();
                    } else {
                        // A bare LF ends no line.
                        self.discard_tail.clear();
                    }
                }
                State::Line => {
                    let Some(k) = fast::find_lf(&self.buf[self.pos..]) else {
                        self.pos = self.buf.len();
                        if self.pos - self.line_start > self.limits.max_line {
                            return Some(Err(self.unfinished_line_too_long()));
                        }
                        return None;
                    };
                    let lf = self.pos + k;
                    self.pos = lf + 1;
                    if lf == self.line_start || self.buf[lf - 1] != b'\r' {
                        // A bare LF is no line end; the grammar rejects it.
                        continue;
                    }
                    let line_len = self.pos - self.line_start;
                    self.message_len += line_len as u64;
                    let err = if line_len > self.limits.max_line {
                        Some(FrameError::LineTooLong {
                            limit: self.limits.max_line,
                            tag: None,
                        })
                    } else if self.message_len > self.limits.max_message {
                        Some(FrameError::MessageTooLarge {
                            limit: self.limits.max_message,
                            tag: None,
                        })
                    } else {
                        None
                    };
                    if let Some(err) = err {
                        return Some(Err(self.refuse_line(err, lf)));
                    }
                    let line = &self.buf[self.line_start..lf - 1];
                    match fast::literal_header(line) {
                        Ok(None) => {
                            let msg_start = self.start;
                            self.handed_out = self.pos - msg_start;
                            self.line_start = self.pos;
                            self.message_len = 0;
                            return Some(Ok(Found::Message(msg_start, self.pos)));
                        }
                        Ok(Some(h)) => {
                            let stream = self.stream_from.is_some_and(|t| h.length >= t);
                            if !stream {
                                if let Some(err) = self.check_literal(&h) {
                                    return Some(Err(err));
                                }
                                self.message_len += h.length;
                            }
                            if h.non_sync && stream {
                                self.elide_literal_length();
                                self.state = State::StreamStart(h.length);
                            } else if h.non_sync {
                                self.state = State::Literal(h.length);
                            } else {
                                self.stream_announced = stream;
                                self.state = State::Announced(h.length);
                                return Some(Ok(Found::Announced(
                                    self.start, self.pos, h.length, h.binary,
                                )));
                            }
                        }
                        Err(HeaderError::TooLong { .. }) => {
                            let tag = self.tag_of(self.start);
                            // No peer can send a literal nobody can count:
                            // the message ends with this line.
                            self.skip_to(self.pos);
                            return Some(Err(FrameError::BadLiteralLength { tag }));
                        }
                    }
                }
            }
        }
    }

    /// A line without its end yet is over the limit: start discarding it.
    #[cold]
    fn unfinished_line_too_long(&mut self) -> FrameError {
        let tag = self.tag_of(self.start);
        let line = self.buf[self.line_start..].to_vec();
        self.discard_tail.clear();
        self.keep_tail(&line);
        self.skip_to(self.pos);
        self.state = State::DiscardLine;
        FrameError::LineTooLong {
            limit: self.limits.max_line,
            tag,
        }
    }

    /// A complete line (its LF at `lf`) broke `err`'s limit: drop the
    /// message, and go on as after any discarded line.
    #[cold]
    fn refuse_line(&mut self, mut err: FrameError, lf: usize) -> FrameError {
        let t = self.tag_of(self.start);
        match &mut err {
            FrameError::LineTooLong { tag, .. } | FrameError::MessageTooLarge { tag, .. } => {
                *tag = t
            }
            _ => {}
        }
        let line = self.buf[self.line_start..lf - 1].to_vec();
        self.discard_tail.clear();
        self.keep_tail(&line);
        self.skip_to(self.pos);
        self.end_discarded_line();
        err
    }

    /// Checks a literal header against the limits; on refusal, arranges
    /// for the rest of the message to be discarded and returns the error.
    fn check_literal(&mut self, h: &LiteralHeader) -> Option<FrameError> {
        let literal_limit = if h.non_sync {
            self.limits
                .max_literal
                .min(self.limits.max_non_sync_literal)
        } else {
            self.limits.max_literal
        };
        let too_long = h.length > literal_limit;
        if !too_long && self.message_len.saturating_add(h.length) <= self.limits.max_message {
            return None;
        }
        let tag = self.tag_of(self.start);
        self.skip_to(self.pos);
        let mode = if h.non_sync {
            LiteralMode::NonSync
        } else {
            LiteralMode::Sync
        };
        self.state = if h.non_sync || self.sent_whole {
            // RFC 7888 §4 (and any server literal): the octets come
            // anyway; count them off without keeping them.
            State::DiscardLiteral(h.length)
        } else {
            // A client refused before the `+` sends nothing more of it.
            State::Line
        };
        Some(if too_long {
            FrameError::LiteralTooLarge {
                length: h.length,
                limit: literal_limit,
                mode,
                tag,
            }
        } else {
            FrameError::MessageTooLarge {
                limit: self.limits.max_message,
                tag,
            }
        })
    }
}

pub(crate) mod output;

#[cfg(test)]
mod tests;
