//! Layer 5: the client side of a connection, as a state machine.
//!
//! A [`Client`] turns commands into bytes to send, holding back what must
//! wait (the rest of a command after a synchronizing literal, until the
//! server's `+`; commands that must not be pipelined, RFC 9051 §5.5), and
//! turns the server's bytes into events, each completion matched to the
//! command it ends. It never touches a socket or a clock. The method
//! families are quinn-proto's:
//!
//! - `send(body)` (and `authenticate`, `idle`, `done`...): queue a command,
//!   get its tag;
//! - `poll_transmit()` / `consume_transmit(n)`: the bytes to write;
//! - `handle_input(bytes)`: bytes received; `poll_event()`: what they
//!   meant, until `None`. Call it until `None` after every `handle_input`;
//! - `poll_timeout()` / `handle_timeout(now)`: the IDLE refresh timer
//!   (RFC 2177 §3: re-issue IDLE at least every 29 minutes). Time comes in
//!   only as arguments; `handle_timeout` is idempotent.
//!
//! LITERAL+ and LITERAL- (RFC 7888) are used as soon as the server
//! advertises them (greeting, CAPABILITY data or code), for strings the
//! encoder turns into literals and for literals built by
//! [`Literal::new`](crate::types::Literal::new)
//! ([`LiteralMode::Auto`]); a literal whose value says `{N}` or `{N+}`
//! (one parsed from a peer, a proxy's) keeps its mode, but `{N+}` goes
//! out as `{N}` to a server that does not allow it. SASL-IR (RFC 4959) is
//! used for AUTHENTICATE's initial response.
//!
//! Sessions never lose or hang. Every message that frames reaches the
//! caller: typed, or as [`ClientError::Parse`] carrying its bytes. A
//! tagged line whose tag is in flight always ends that command:
//! [`ClientEvent::Completed`] when it parses, [`ClientEvent::CompletedRaw`]
//! (the status word after the tag, the bytes, the parse error) when it
//! does not, and what was queued behind the command goes out. `* BYE`, a
//! tagged BYE, and [`Client::handle_connection_closed`] end every command
//! still open with [`ClientEvent::Aborted`] (except a LOGOUT in flight at
//! `* BYE`, whose tagged OK follows), as does a tagged line skipped for
//! breaking a limit ([`AbortCause::TooLarge`], after the
//! [`ClientError::Limit`]). Every tag [`Client::send`] gives out
//! ends with exactly one of these three events.
//!
//! ```
//! use imap_proto::client::{Client, ClientConfig, ClientEvent};
//! use imap_proto::types::{AString, CommandBody, Secret};
//!
//! let mut client = Client::new(ClientConfig::default());
//! client.handle_input(b"* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n");
//! assert!(matches!(client.poll_event(), Some(Ok(ClientEvent::Greeting(_)))));
//! let login = CommandBody::Login {
//!     username: AString::from("joe"),
//!     password: Secret(AString::from("pass word")),
//! };
//! let tag = client.send(login).unwrap();
//! assert_eq!(client.poll_transmit(), Some(&b"A1 LOGIN joe \"pass word\"\r\n"[..]));
//! client.consume_transmit(26);
//! client.handle_input(b"A1 OK done\r\n");
//! match client.poll_event() {
//!     Some(Ok(ClientEvent::Completed { command, status })) => {
//!         assert_eq!((command, status.tag.as_str()), ("LOGIN", tag.as_str()));
//!     }
//!     other => panic!("{other:?}"),
//! }
//! ```

use std::collections::VecDeque;
use std::time::Duration;

use crate::compress::{self, Codec, CompressError};
use crate::encode::{EncodeOptions, Fragment};
use crate::fast;
use crate::frame::output::Output;
use crate::frame::{Frame, FrameError, FrameLimits, Framer};
use crate::parse::{ParseError, ParseLimits};
use crate::types::{
    Atom, Capability, Command, CommandBody, Condition, ConnectionState, ContinueRequest, Data,
    LiteralMode, Response, ResponseCode, Secret, State, Tag, TaggedStatus, ValidationError,
};

mod ending;
mod event;
mod idle;
#[cfg(test)]
mod tests;

pub use event::{AbortCause, ClientEvent, RawStatus};
use idle::Idle;

/// The longest IDLE RFC 2177 §3 allows before it must be re-issued.
pub const MAX_IDLE_REFRESH: Duration = Duration::from_secs(29 * 60);

/// How a [`Client`] behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// The framer's limits for what the server sends. Default: the
    /// framer's, except literals up to 1 GiB (a client fetches whole
    /// messages, and chooses what to fetch).
    pub frame: FrameLimits,
    /// The grammar's limits (nesting depth).
    pub parse: ParseLimits,
    /// Most bytes queued for sending before [`Client::send`] refuses more.
    pub max_queued_output: usize,
    tag_prefix: String,
    idle_refresh: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        let frame = FrameLimits {
            max_literal: 1 << 30,
            max_message: (1 << 30) + (1 << 20),
            ..FrameLimits::default()
        };
        Self {
            frame,
            parse: ParseLimits::default(),
            max_queued_output: 64 * 1024 * 1024,
            tag_prefix: "A".to_owned(),
            idle_refresh: Duration::from_secs(28 * 60),
        }
    }
}

/// A configuration the client refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClientConfigError {
    /// The tag prefix is not made of tag characters.
    #[error("tag prefix: {0}")]
    TagPrefix(ValidationError),
    /// An IDLE refresh over 29 minutes (RFC 2177 §3) or of zero.
    #[error("IDLE refresh {0:?} is not between 1 second and 29 minutes")]
    IdleRefresh(Duration),
}

impl ClientConfig {
    /// Tags are this prefix and a counter (`A1`, `A2`...).
    pub fn with_tag_prefix(mut self, prefix: &str) -> Result<Self, ClientConfigError> {
        Tag::new(prefix).map_err(ClientConfigError::TagPrefix)?;
        self.tag_prefix = prefix.to_owned();
        Ok(self)
    }
    /// How long an IDLE lasts before the client ends and re-issues it.
    /// Default 28 minutes; at most 29 (RFC 2177 §3).
    pub fn with_idle_refresh(mut self, d: Duration) -> Result<Self, ClientConfigError> {
        if d > MAX_IDLE_REFRESH || d.is_zero() {
            return Err(ClientConfigError::IdleRefresh(d));
        }
        self.idle_refresh = d;
        Ok(self)
    }
}

/// Something the server did wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// A malformed response (the stream goes on at the next message). A
    /// tagged one for a command in flight is not an error but a
    /// [`ClientEvent::CompletedRaw`].
    #[error("malformed response: {error}")]
    Parse {
        /// Why the grammar refused it.
        error: ParseError,
        /// The whole message as received, CRLF included (a proxy relays it).
        bytes: Vec<u8>,
    },
    /// A response over a limit (already skipped).
    #[error("{0}")]
    Limit(FrameError),
    /// A tagged completion for no command in flight.
    #[error("completion for unknown tag {}", .0.tag)]
    UnknownTag(TaggedStatus<'static>),
    /// Bytes the server sent after its STARTTLS OK and before the switch:
    /// an injection attempt. They were discarded, never parsed.
    #[error("{0} bytes after STARTTLS were discarded (injection attempt)")]
    InputBeforeTls(usize),
    /// COMPRESS=DEFLATE (feature `compress`): the server's bytes are not
    /// deflate data. Fatal.
    #[error("{0}")]
    Compress(CompressError),
    /// The connection ended inside a message: these bytes never made a
    /// whole one ([`Client::handle_connection_closed`]).
    #[error("the connection ended inside a message ({} bytes)", .0.len())]
    Truncated(Vec<u8>),
}

impl ClientError {
    /// The bytes of the message the error is about, when they were kept
    /// (a malformed message, a truncated one).
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            ClientError::Parse { bytes, .. } | ClientError::Truncated(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// Whether the connection must end (injection attempt).
    pub fn is_fatal(&self) -> bool {
        match self {
            ClientError::Compress(e) => e.is_fatal(),
            _ => matches!(self, ClientError::InputBeforeTls(_)),
        }
    }
}

/// Why a command could not be queued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SendError {
    /// The output queue is full: the server is not reading.
    #[error("output queue full")]
    QueueFull,
    /// The connection is over (BYE, LOGOUT).
    #[error("the connection is closed")]
    Closed,
    /// The tag given to [`Client::send_tagged`] is in use.
    #[error("tag already in use")]
    DuplicateTag,
    /// COMPRESS or STARTTLS while COMPRESS=DEFLATE is active (RFC 4978
    /// §3: once per connection, and TLS is the outer layer).
    #[error("{0} refused: DEFLATE compression is already active")]
    CompressionActive(&'static str),
}

/// How a command affects what may be sent beside it (RFC 9051 §5.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Changes state or mailbox: sent alone, nothing beside it.
    Barrier,
    /// Non-UID FETCH, STORE, SEARCH: uses sequence numbers, and no
    /// EXPUNGE may come while it runs.
    SeqSafe,
    /// Uses sequence numbers (COPY, MOVE, SORT, THREAD without UID).
    SeqUsing,
    /// Anything else: may cause EXPUNGE responses.
    Other,
}

fn kind(body: &CommandBody<'_>) -> Kind {
    use CommandBody as C;
    match body {
        C::Login { .. }
        | C::Authenticate { .. }
        | C::StartTls
        | C::Compress(_)
        | C::Select { .. }
        | C::Examine { .. }
        | C::Close
        | C::Unselect
        | C::Unauthenticate
        | C::Logout
        | C::Idle
        | C::Enable(_)
        // Not known: it may change the state, so it runs alone.
        | C::Other { .. } => Kind::Barrier,
        C::Fetch { uid: false, .. }
        | C::Store { uid: false, .. }
        | C::StoreExt { uid: false, .. }
        | C::Search { uid: false, .. } => Kind::SeqSafe,
        C::Copy { uid: false, .. }
        | C::Move { uid: false, .. }
        | C::Sort { uid: false, .. }
        | C::Thread { uid: false, .. } => Kind::SeqUsing,
        _ => Kind::Other,
    }
}

/// What a completion means for the connection state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    None,
    Login,
    Select,
    Close,
    Unauthenticate,
    Logout,
    Idle,
    StartTls,
    Compress,
    Authenticate,
}

fn effect(body: &CommandBody<'_>) -> Effect {
    use CommandBody as C;
    match body {
        C::Login { .. } => Effect::Login,
        C::Authenticate { .. } => Effect::Authenticate,
        C::Select { .. } | C::Examine { .. } => Effect::Select,
        C::Close | C::Unselect => Effect::Close,
        C::Unauthenticate => Effect::Unauthenticate,
        C::Logout => Effect::Logout,
        C::Idle => Effect::Idle,
        C::StartTls => Effect::StartTls,
        C::Compress(_) => Effect::Compress,
        _ => Effect::None,
    }
}

/// One piece of a queued command: bytes, and whether the server's `+`
/// must come before them.
#[derive(Debug)]
struct Chunk {
    bytes: Vec<u8>,
    after_continuation: bool,
}

/// A command not yet completely handed to the output.
#[derive(Debug)]
struct Queued {
    tag: Tag<'static>,
    name: &'static str,
    kind: Kind,
    effect: Effect,
    chunks: VecDeque<Chunk>,
    started: bool,
}

/// A command sent (at least in part) and not yet completed.
#[derive(Debug)]
struct InFlight {
    tag: Tag<'static>,
    name: &'static str,
    kind: Kind,
    effect: Effect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Switch {
    None,
    /// STARTTLS completed: buffered input is an injection.
    Tls {
        drain: bool,
    },
    /// COMPRESS completed: buffered input is deflate data.
    Compress,
}

/// The session state apart from the framer (so that events may borrow
/// the framer's buffer while the state is updated).
#[derive(Debug)]
struct Core {
    config: ClientConfig,
    state: ConnectionState,
    greeted: bool,
    closed: bool,
    /// The caller said the connection ended; what is left of the input is
    /// read, then every command still open is aborted.
    eof: ending::Eof,
    caps: Vec<Capability<'static>>,
    utf8: bool,
    next_tag: u64,
    out: Output,
    queue: VecDeque<Queued>,
    in_flight: Vec<InFlight>,
    /// The front queued command waits for `+` before its next chunk.
    awaiting_literal: bool,
    /// AUTHENTICATE's initial response, held for the first `+` when the
    /// server has no SASL-IR.
    pending_ir: Option<Vec<u8>>,
    idle: Idle,
    switch: Switch,
    /// Bytes for the new transport after COMPRESS.
    switched: Vec<u8>,
    /// COMPRESS=DEFLATE, once switched on.
    z: Codec,
    queued_events: VecDeque<Result<ClientEvent<'static>, ClientError>>,
}

/// The client side of one connection. See the module documentation.
#[derive(Debug)]
pub struct Client {
    framer: Framer,
    core: Core,
}

impl Client {
    /// A client for one new connection: wait for the greeting.
    pub fn new(config: ClientConfig) -> Self {
        Self {
            framer: {
                // Server literals are never synchronizing: an over-limit
                // one still comes whole and is skipped by count.
                let mut f = Framer::new(config.frame);
                f.set_literals_sent_whole(true);
                f
            },
            core: Core {
                config,
                state: ConnectionState::NotAuthenticated,
                greeted: false,
                closed: false,
                eof: ending::Eof::Open,
                caps: Vec::new(),
                utf8: false,
                next_tag: 1,
                out: Output::default(),
                queue: VecDeque::new(),
                in_flight: Vec::new(),
                awaiting_literal: false,
                pending_ir: None,
                idle: Idle::default(),
                switch: Switch::None,
                switched: Vec::new(),
                z: Codec::default(),
                queued_events: VecDeque::new(),
            },
        }
    }

    /// The connection state, as the responses made it.
    pub fn state(&self) -> ConnectionState {
        self.core.state
    }

    /// The capabilities the server advertised last.
    pub fn capabilities(&self) -> &[Capability<'static>] {
        &self.core.caps
    }

    /// Whether the server advertised `cap`.
    pub fn has_capability(&self, cap: &Capability<'_>) -> bool {
        self.core.caps.iter().any(|c| c == cap)
    }

    /// Tags of the commands sent and not yet completed, oldest first.
    pub fn in_flight(&self) -> impl Iterator<Item = &Tag<'static>> {
        self.core.in_flight.iter().map(|f| &f.tag)
    }

    /// Queues a command; returns its tag. It goes out as soon as RFC 9051
    /// §5.5 allows (see the module documentation).
    pub fn send(&mut self, body: CommandBody<'_>) -> Result<Tag<'static>, SendError> {
        self.core.send(body)
    }

    /// Queues a command with a tag of the caller's choice (a proxy keeps
    /// its client's tags). A tag already in flight or queued is refused:
    /// completions could not be told apart.
    pub fn send_tagged(&mut self, tag: Tag<'_>, body: CommandBody<'_>) -> Result<(), SendError> {
        let taken = |t: &Tag<'static>| t.as_str() == tag.as_str();
        if self.core.in_flight.iter().any(|f| taken(&f.tag))
            || self.core.queue.iter().any(|q| taken(&q.tag))
        {
            return Err(SendError::DuplicateTag);
        }
        self.core.enqueue(tag.into_owned(), body)
    }

    /// Starts AUTHENTICATE with `mechanism`. An `initial` response goes on
    /// the command line when the server has SASL-IR (RFC 4959), otherwise
    /// in answer to the first (empty) challenge. Further challenges come as
    /// [`ClientEvent::Continue`]; answer with
    /// [`Client::authenticate_respond`] or [`Client::authenticate_cancel`].
    pub fn authenticate(
        &mut self,
        mechanism: Atom<'_>,
        initial: Option<&[u8]>,
    ) -> Result<Tag<'static>, SendError> {
        let ir = self.has_capability(&Capability::SaslIr);
        let initial_response = match initial {
            Some(d) if ir => Some(Secret(std::borrow::Cow::Owned(d.to_vec()))),
            _ => None,
        };
        let tag = self.core.send(CommandBody::Authenticate {
            mechanism,
            initial_response,
        })?;
        if !ir {
            self.core.pending_ir = initial.map(<[u8]>::to_vec);
        }
        Ok(tag)
    }

    /// Answers an AUTHENTICATE challenge with `data` (sent as base64).
    pub fn authenticate_respond(&mut self, data: &[u8]) {
        let mut line = fast::base64_encode(data).into_bytes();
        line.extend_from_slice(b"\r\n");
        self.core.out.push_bytes(&line);
    }

    /// Cancels AUTHENTICATE (`*`, RFC 9051 §6.2.2).
    pub fn authenticate_cancel(&mut self) {
        self.core.pending_ir = None;
        self.core.out.push_bytes(b"*\r\n");
    }

    /// Bytes received from the server.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        self.drain_switch();
        match self.core.switch {
            Switch::None if self.core.z.is_active() => self.core.z.push_input(bytes),
            Switch::None => self.framer.push(bytes),
            Switch::Tls { .. } => {
                if !bytes.is_empty() {
                    self.core
                        .queued_events
                        .push_back(Err(ClientError::InputBeforeTls(bytes.len())));
                }
            }
            Switch::Compress => self.core.switched.extend_from_slice(bytes),
        }
    }

    fn drain_switch(&mut self) {
        match self.core.switch {
            Switch::Tls { drain: true } => {
                self.core.switch = Switch::Tls { drain: false };
                let n = self.framer.take_buffered().len();
                if n > 0 {
                    self.core
                        .queued_events
                        .push_back(Err(ClientError::InputBeforeTls(n)));
                }
            }
            Switch::Compress if compress::ENABLED => {
                // RFC 4978 §3: what follows the OK's CRLF is deflate data.
                let rest = self.framer.take_buffered();
                self.core.z.push_input(&rest);
                self.core.switch = Switch::None;
            }
            Switch::Compress if self.framer.buffered() > 0 => {
                let rest = self.framer.take_buffered();
                self.core.switched.extend_from_slice(&rest);
            }
            _ => {}
        }
    }

    /// After a successful STARTTLS or COMPRESS: the transport now runs
    /// over TLS or deflate. Returns the bytes already received that belong
    /// to the new transport (deflate data after COMPRESS; nothing after
    /// STARTTLS, where such bytes are an injection and were discarded).
    pub fn transport_switched(&mut self) -> Vec<u8> {
        self.drain_switch();
        self.core.switch = Switch::None;
        std::mem::take(&mut self.core.switched)
    }

    /// The next event, or `None` when more input is needed.
    pub fn poll_event(&mut self) -> Option<Result<ClientEvent<'_>, ClientError>> {
        self.drain_switch();
        loop {
            if let Some(e) = self.core.queued_events.pop_front() {
                return Some(e);
            }
            if self.core.switch != Switch::None {
                return None;
            }
            let Some(frame) = self.framer.poll() else {
                // Compressed input is inflated a bounded step at a time,
                // only when the framer needs it.
                match self.core.z.refill(&mut self.framer) {
                    Ok(true) => continue,
                    Ok(false) => {}
                    Err(e) => return Some(Err(ClientError::Compress(e))),
                }
                if self.core.eof == ending::Eof::Closing {
                    self.core.end_of_input(&mut self.framer);
                    if !self.core.queued_events.is_empty() {
                        continue;
                    }
                }
                return None;
            };
            let internal = match frame {
                Err(e) => {
                    self.core.over_limit(e.tag());
                    return Some(Err(ClientError::Limit(e)));
                }
                // Literals from a server are never synchronizing.
                Ok(Frame::LiteralAnnounced { .. }) => {
                    self.framer.accept_literal();
                    continue;
                }
                Ok(Frame::Message(m)) => m.first() == Some(&b'+') && self.core.awaiting_literal,
                // The client's framer never streams.
                Ok(_) => continue,
            };
            if internal {
                self.core.literal_continuation();
                continue;
            }
            break;
        }
        let m = self.framer.last_message();
        let resp = match crate::parse_response_with(m, &self.core.config.parse) {
            Ok((r, _)) => r,
            Err(e) => return Some(self.core.on_malformed(m, e)),
        };
        Some(self.core.on_response(resp))
    }

    /// The connection ended (the server closed it, or the transport
    /// failed). What is left of the input is still read by
    /// [`Client::poll_event`]; then every command in flight or queued ends
    /// with a [`ClientEvent::Aborted`] ([`AbortCause::ConnectionClosed`]),
    /// a message cut short comes as [`ClientError::Truncated`], and the
    /// state is [`ConnectionState::Logout`]. Poll until `None`: afterwards
    /// [`Client::in_flight`] is empty. Idempotent.
    pub fn handle_connection_closed(&mut self) {
        if self.core.eof != ending::Eof::Open {
            return;
        }
        self.core.eof = ending::Eof::Closing;
        self.core.closed = true;
        // No new transport will come: what waited for it is over.
        self.drain_switch();
        self.core.switch = Switch::None;
        self.core.switched.clear();
        if self.framer.buffered() == 0 && !self.core.z.has_input() {
            // Nothing left to read: end now, so that `in_flight` is empty
            // at once (the events wait in the queue).
            self.core.end_of_input(&mut self.framer);
        }
    }

    /// Bytes to send to the server, if any.
    ///
    /// After COMPRESS (feature `compress`), deflated: everything queued
    /// until this call, ended by a sync flush.
    pub fn poll_transmit(&mut self) -> Option<&[u8]> {
        self.core.z.transmit(&mut self.core.out)
    }

    /// Marks `n` bytes of [`Client::poll_transmit`] as written.
    pub fn consume_transmit(&mut self, n: usize) {
        self.core.z.consume(&mut self.core.out, n);
    }

    /// Sends `COMPRESS DEFLATE` (RFC 4978). With the feature `compress`
    /// (the default), the client inflates and deflates by itself from the
    /// server's tagged OK on; see [`crate::compress`]. Check first that
    /// the server advertised [`Capability::CompressDeflate`].
    pub fn compress(&mut self) -> Result<Tag<'static>, SendError> {
        self.core
            .send(CommandBody::Compress(Atom::unchecked("DEFLATE")))
    }

    /// Whether COMPRESS=DEFLATE is on (feature `compress`): since the
    /// server's tagged OK of COMPRESS was read.
    pub fn compression_active(&self) -> bool {
        self.core.z.is_active()
    }

    /// Bytes allocated to hold received input, after inflation (memory
    /// accounting).
    pub fn input_capacity(&self) -> usize {
        self.framer.capacity()
    }
}

impl Core {
    fn encode_options(&self) -> EncodeOptions {
        EncodeOptions {
            literal_plus: self.caps.contains(&Capability::LiteralPlus),
            literal_minus: self.caps.contains(&Capability::LiteralMinus),
            utf8: self.utf8,
            downgrade_non_sync: true,
        }
    }

    fn send(&mut self, body: CommandBody<'_>) -> Result<Tag<'static>, SendError> {
        // The prefix was checked by the config; digits are tag characters.
        let tag = Tag::from_checked(format!("{}{}", self.config.tag_prefix, self.next_tag));
        self.enqueue(tag.clone(), body)?;
        self.next_tag += 1;
        Ok(tag)
    }

    fn enqueue(&mut self, tag: Tag<'static>, body: CommandBody<'_>) -> Result<(), SendError> {
        if self.closed {
            return Err(SendError::Closed);
        }
        if let Some(command) = compress::refused_while_active(&body) {
            if self.z.is_active() {
                return Err(SendError::CompressionActive(command));
            }
        }
        if self.out.len() + self.z.queued() >= self.config.max_queued_output {
            return Err(SendError::QueueFull);
        }
        let cmd = Command {
            tag: tag.clone(),
            body,
        };
        let encoded = cmd.encode(self.encode_options());
        // A synchronizing literal's octets wait for the server's `+`.
        let chunks = encoded
            .fragments()
            .map(|f| match f {
                Fragment::Line(b) => Chunk {
                    bytes: b.to_vec(),
                    after_continuation: false,
                },
                Fragment::Literal { data, mode } => Chunk {
                    bytes: data.to_vec(),
                    after_continuation: mode == LiteralMode::Sync,
                },
            })
            .collect();
        self.queue.push_back(Queued {
            tag: tag.clone(),
            name: cmd.body.name(),
            kind: kind(&cmd.body),
            effect: effect(&cmd.body),
            chunks,
            started: false,
        });
        self.pump();
        Ok(())
    }

    /// Whether a command of `kind` may start now, given what is in flight
    /// (RFC 9051 §5.5).
    fn may_start(&self, kind: Kind) -> bool {
        if self.in_flight.iter().any(|f| f.kind == Kind::Barrier) {
            return false;
        }
        match kind {
            Kind::Barrier => self.in_flight.is_empty(),
            Kind::SeqSafe | Kind::SeqUsing => {
                self.in_flight.iter().all(|f| f.kind == Kind::SeqSafe)
            }
            Kind::Other => true,
        }
    }

    /// Moves queued bytes to the output as far as allowed.
    fn pump(&mut self) {
        while !self.awaiting_literal {
            let Some(front) = self.queue.front() else {
                return;
            };
            if !front.started {
                if !self.may_start(front.kind) {
                    return;
                }
                let flight = InFlight {
                    tag: front.tag.clone(),
                    name: front.name,
                    kind: front.kind,
                    effect: front.effect,
                };
                if flight.effect == Effect::Idle {
                    self.idle = Idle {
                        active: true,
                        ..Idle::default()
                    };
                }
                self.in_flight.push(flight);
            }
            let Some(front) = self.queue.front_mut() else {
                return;
            };
            front.started = true;
            while let Some(c) = front.chunks.front_mut() {
                if c.after_continuation {
                    // Stop before the octets until the server's `+`; that
                    // `+` releases exactly these octets.
                    c.after_continuation = false;
                    self.awaiting_literal = true;
                    return;
                }
                self.out.push_bytes(&c.bytes);
                front.chunks.pop_front();
            }
            self.queue.pop_front();
        }
    }

    /// The server's `+` for a literal came: send on.
    fn literal_continuation(&mut self) {
        self.awaiting_literal = false;
        self.pump();
    }

    fn set_caps(&mut self, caps: &[Capability<'_>]) {
        self.caps = caps.iter().cloned().map(Capability::into_owned).collect();
    }

    fn on_response<'r>(&mut self, resp: Response<'r>) -> Result<ClientEvent<'r>, ClientError> {
        match resp {
            Response::Untagged(u) if !self.greeted => {
                self.greeted = true;
                self.on_code(u.text.code.as_ref());
                match u.condition {
                    Condition::PreAuth => self.state = ConnectionState::Authenticated,
                    Condition::Bye => self.bye(),
                    _ => {}
                }
                Ok(ClientEvent::Greeting(u))
            }
            Response::Untagged(u) => {
                self.on_code(u.text.code.as_ref());
                if u.condition == Condition::Bye {
                    self.bye();
                }
                Ok(ClientEvent::Untagged(Response::Untagged(u)))
            }
            Response::Data(d) => {
                match &d {
                    Data::Capability(c) => self.set_caps(c),
                    Data::Enabled(c) if c.contains(&Capability::Utf8Accept) => self.utf8 = true,
                    _ => {}
                }
                Ok(ClientEvent::Untagged(Response::Data(d)))
            }
            Response::Continue(c) => Ok(self.on_continue(c)),
            Response::Tagged(t) => self.on_tagged(t),
        }
    }

    fn on_code(&mut self, code: Option<&ResponseCode<'_>>) {
        if let Some(ResponseCode::Capability(c)) = code {
            self.set_caps(c);
        }
    }

    fn on_continue<'r>(&mut self, c: ContinueRequest<'r>) -> ClientEvent<'r> {
        let auth = self
            .in_flight
            .iter()
            .any(|f| f.effect == Effect::Authenticate);
        if auth {
            if let Some(ir) = self.pending_ir.take() {
                // RFC 4959 §3 without SASL-IR: the initial response answers
                // the first, empty challenge; "=" stands for empty data.
                let mut line = if ir.is_empty() {
                    b"=".to_vec()
                } else {
                    fast::base64_encode(&ir).into_bytes()
                };
                line.extend_from_slice(b"\r\n");
                self.out.push_bytes(&line);
            }
        } else if self.idle.active && !self.idle.idling {
            self.idle.idling = true;
            self.maybe_send_done();
        }
        ClientEvent::Continue(c)
    }

    fn on_tagged<'r>(&mut self, t: TaggedStatus<'r>) -> Result<ClientEvent<'r>, ClientError> {
        self.on_code(t.text.code.as_ref());
        let Some(k) = self.flight_index(t.tag.as_str()) else {
            return Err(ClientError::UnknownTag(t.into_owned()));
        };
        // A tagged BYE (wp.pl) ends the connection, as a raw one does.
        let status = match t.state {
            State::Bye => RawStatus::Bye,
            s => RawStatus::State(s),
        };
        let f = self.complete(k, status);
        Ok(ClientEvent::Completed {
            command: f.name,
            status: t,
        })
    }
}
