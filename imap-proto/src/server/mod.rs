//! Layer 5: the server side of a connection, as a state machine.
//!
//! A [`Server`] is fed the bytes a client sent and tells what they mean; it
//! is given responses and turns them into bytes to send. It never touches a
//! socket or a clock. Its methods come in families, as in quinn-proto:
//!
//! - `handle_input(bytes)`: bytes received from the client;
//! - `poll_event()`: what those bytes meant, one event at a time, until it
//!   returns `None` (it needs more input). Call it until `None` after every
//!   `handle_input`, and after `accept_literal`, `reject_literal`,
//!   `transport_switched` or `handle_timeout`;
//! - `send(&response)`: queue a response; `poll_transmit()` /
//!   `consume_transmit(n)`: the bytes to write and how many were written;
//! - `poll_timeout()` / `handle_timeout(now)`: the inactivity timer. Time
//!   comes in only as arguments. `handle_timeout` is idempotent and may be
//!   called at any time with the current time: the timer restarts at the
//!   first call after each command, so call it on every wake-up.
//!
//! Nothing framed is dropped: a command that does not parse comes as
//! [`ServerError::Parse`] with its tag when readable and its bytes (for a
//! proxy to relay), and [`Server::handle_connection_closed`] reads what
//! is left and reports a command cut short ([`ServerError::Truncated`]).
//! Input after STARTTLS or COMPRESS and before the switch is discarded on
//! purpose (an injection), and counted; after LOGOUT's OK, a BYE or the
//! autologout, nothing more is read (RFC 9051 §6.1.3: the connection
//! closes), so commands pipelined behind them are not reported.
//!
//! What the caller MUST do: answer every command with a tagged completion
//! through [`Server::send`] (that is how the server learns the connection
//! state); answer a [`ServerEvent::LiteralAnnounced`] with
//! [`Server::accept_literal`] or [`Server::reject_literal`]; answer an
//! error with the response it suggests ([`ServerError::response`]), and
//! close the connection when [`ServerError::is_fatal`] says so or after
//! the state becomes [`ConnectionState::Logout`] and the output is flushed.
//!
//! ## Commands this crate does not know
//!
//! An experimental or unknown command (`x-command`, RFC 3501 §9, RFC 9051 §6.5: `A442
//! XPIG-LATIN`, iOS Mail's `XAPPLEPUSHSERVICE ...`) is a command like any
//! other: [`ServerEvent::Command`] with [`CommandBody::Other`], its name and
//! raw arguments (its synchronizing literals announced first, as usual,
//! through [`ServerEvent::LiteralAnnounced`]). [`Server::allows`] says no
//! to every one of them, so the usual "not allowed: answer BAD" check
//! answers them BAD too (RFC 9051 §6: "BAD - command unknown or
//! arguments invalid"). A server that implements one, or a
//! proxy that relays it, matches it before that check:
//!
//! ```
//! use imap_proto::server::{Server, ServerConfig, ServerEvent};
//! use imap_proto::types::{CommandBody, RespText, Response, State, TaggedStatus, Text};
//!
//! let mut server = Server::new(ServerConfig::default());
//! server.handle_input(b"A442 XPIG-LATIN\r\nA443 XFOO bar\r\n");
//! loop {
//!     let c = match server.poll_event() {
//!         Some(Ok(ServerEvent::Command(c))) => c.into_owned(),
//!         _ => break,
//!     };
//!     let (state, text) = match &c.body {
//!         // Implemented here.
//!         CommandBody::Other { name, .. } if name.as_str().eq_ignore_ascii_case("XPIG-LATIN") => {
//!             (State::Ok, "XPIG-LATIN ompleted-cay")
//!         }
//!         // Every other unknown command, and known ones out of place.
//!         body if !server.allows(body) => (State::Bad, "Unknown command"),
//!         _ => (State::Ok, "done"),
//!     };
//!     let text = RespText::new(Text::try_from(text).unwrap());
//!     server.send(&Response::Tagged(TaggedStatus { tag: c.tag, state, text })).unwrap();
//! }
//! assert_eq!(
//!     server.poll_transmit(),
//!     Some(&b"A442 OK XPIG-LATIN ompleted-cay\r\nA443 BAD Unknown command\r\n"[..])
//! );
//! ```
//!
//! ## A whole exchange
//!
//! ```
//! use imap_proto::server::{Server, ServerConfig, ServerEvent};
//! use imap_proto::types::{CommandBody, Response, TaggedStatus, State, RespText, Text};
//!
//! let mut server = Server::new(ServerConfig::default());
//! server.handle_input(b"A1 NOOP\r\n");
//! let tag = match server.poll_event() {
//!     Some(Ok(ServerEvent::Command(c))) => {
//!         assert_eq!(c.body, CommandBody::Noop);
//!         c.tag.into_owned()
//!     }
//!     other => panic!("{other:?}"),
//! };
//! let done = TaggedStatus { tag, state: State::Ok, text: RespText::new(Text::try_from("done").unwrap()) };
//! server.send(&Response::Tagged(done)).unwrap();
//! assert_eq!(server.poll_transmit(), Some(&b"A1 OK done\r\n"[..]));
//! server.consume_transmit(12);
//! assert_eq!(server.poll_transmit(), None);
//! ```

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::encode::EncodeOptions;
use crate::fast;
use crate::frame::output::Output;
use crate::frame::{Frame, FrameError, FrameLimits, Framer};
use crate::parse::{ParseError, ParseLimits};
use crate::types::{
    Capability, CommandBody, Condition, ConnectionState, ContinueRequest, Data, RespText, Response,
    ResponseCode, Secret, State, Tag, TaggedStatus, Text, UntaggedStatus,
};

mod event;
#[cfg(test)]
mod tests;

pub use event::ServerEvent;

/// The least inactivity timeout RFC 9051 §5.4 allows: 30 minutes.
pub const MIN_AUTOLOGOUT: Duration = Duration::from_secs(30 * 60);

/// A configuration the server refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// An inactivity timeout below 30 minutes (RFC 9051 §5.4).
    #[error("autologout timeout {given:?} is below the 30 minutes RFC 9051 §5.4 requires")]
    AutologoutTooShort {
        /// The timeout asked for.
        given: Duration,
    },
}

/// How a [`Server`] behaves. Build with [`ServerConfig::default`] and the
/// `with_*` methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// The framer's limits (line, literal, message sizes).
    pub frame: FrameLimits,
    /// The grammar's limits (nesting depth).
    pub parse: ParseLimits,
    /// Most bytes queued for sending before [`Server::send`] refuses more.
    /// Default 16 MiB: a few large FETCH answers; the caller drains the
    /// queue with `poll_transmit`, so reaching it means the client stopped
    /// reading.
    pub max_queued_output: usize,
    /// The server advertises LITERAL- (RFC 7888 §5): non-synchronizing
    /// literals over 4096 octets are refused (their octets skipped).
    pub literal_minus: bool,
    /// UTF8=ACCEPT is in force (RFC 6855): strings may go out quoted in
    /// UTF-8. Set here for a connection that starts so; otherwise the
    /// server switches by itself when a client's `ENABLE UTF8=ACCEPT`
    /// completes OK after the caller sent `* ENABLED` listing UTF8=ACCEPT
    /// (RFC 5161 §3.2: ENABLED names what was enabled), from the next
    /// response on ([`Server::utf8`]). The grammar reads UTF-8 in quoted
    /// strings in either mode (clients send it regardless), so only the
    /// encoding changes.
    pub utf8: bool,
    /// Literals of at least this many octets are streamed to the caller
    /// ([`ServerEvent::LiteralStreaming`], [`ServerEvent::LiteralData`])
    /// instead of buffered, so that an APPEND of any size passes in
    /// bounded memory. `None` (the default): every literal is buffered,
    /// within [`FrameLimits::max_literal`].
    pub stream_literals_from: Option<u64>,
    autologout: Option<Duration>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            frame: FrameLimits::default(),
            parse: ParseLimits::default(),
            max_queued_output: 16 * 1024 * 1024,
            literal_minus: false,
            utf8: false,
            stream_literals_from: None,
            autologout: Some(MIN_AUTOLOGOUT),
        }
    }
}

impl ServerConfig {
    /// Sets the inactivity timeout; `None` turns it off. Below 30 minutes
    /// is refused (RFC 9051 §5.4).
    ///
    /// ```
    /// use std::time::Duration;
    /// use imap_proto::server::ServerConfig;
    /// assert!(ServerConfig::default().with_autologout(Some(Duration::from_secs(60))).is_err());
    /// assert!(ServerConfig::default().with_autologout(Some(Duration::from_secs(3600))).is_ok());
    /// ```
    pub fn with_autologout(mut self, timeout: Option<Duration>) -> Result<Self, ConfigError> {
        if let Some(t) = timeout {
            if t < MIN_AUTOLOGOUT {
                return Err(ConfigError::AutologoutTooShort { given: t });
            }
        }
        self.autologout = timeout;
        Ok(self)
    }
    /// The inactivity timeout.
    pub fn autologout(&self) -> Option<Duration> {
        self.autologout
    }
}

/// Something the client did wrong, or a limit it broke.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// A malformed command (the stream goes on at the next message).
    #[error("malformed command: {error}")]
    Parse {
        /// Why the grammar refused it (with the tag, when readable).
        error: ParseError,
        /// The message as received, CRLF included (a proxy relays it); for
        /// a synchronizing literal refused for want of a tag, the message
        /// up to the literal's header. Kept out of `Debug`: a malformed
        /// LOGIN carries a password.
        bytes: Secret<Vec<u8>>,
    },
    /// A message over a limit (already skipped, by count).
    #[error("{0}")]
    Limit(FrameError),
    /// A line during AUTHENTICATE that is neither base64 nor `*`.
    #[error("AUTHENTICATE response is not base64 (byte {offset})")]
    BadAuthenticateData {
        /// Offset of the first bad byte within the line.
        offset: usize,
    },
    /// A line during IDLE other than `DONE`.
    #[error("expected DONE during IDLE")]
    ExpectedDone,
    /// Bytes that arrived after STARTTLS (or COMPRESS) and before the
    /// switch: a command injection attempt (CVE-2011-0411 style). They
    /// were discarded, never read as commands.
    #[error("{discarded} bytes after {command} were discarded (injection attempt)")]
    InputBeforeSwitch {
        /// `STARTTLS` or `COMPRESS`.
        command: &'static str,
        /// How many bytes.
        discarded: usize,
    },
    /// The connection ended inside a command: these bytes never made a
    /// whole one ([`Server::handle_connection_closed`]). Kept out of
    /// `Debug`, as for [`ServerError::Parse`]; never reported inside an
    /// AUTHENTICATE exchange.
    #[error("the connection ended inside a command ({} bytes)", .0 .0.len())]
    Truncated(Secret<Vec<u8>>),
}

impl ServerError {
    /// The bytes of the message the error is about, when they were kept
    /// (a malformed command, one cut short by the end of the connection).
    /// Never AUTHENTICATE data, which may be secret.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            ServerError::Parse { bytes, .. } | ServerError::Truncated(bytes) => {
                Some(bytes.expose())
            }
            _ => None,
        }
    }

    /// The tag of the offending command, when it could be read.
    pub fn tag(&self) -> Option<&Tag<'static>> {
        match self {
            ServerError::Parse { error, .. } => error.tag(),
            ServerError::Limit(e) => e.tag(),
            _ => None,
        }
    }

    /// Whether the connection must end: after an injection attempt the
    /// peer cannot be trusted (answer with the BYE of [`ServerError::response`]).
    pub fn is_fatal(&self) -> bool {
        matches!(self, ServerError::InputBeforeSwitch { .. })
    }

    /// The response that answers this error: a tagged BAD when the tag is
    /// known (with `[TOOBIG]` for a literal or message over its limit,
    /// RFC 4469 / RFC 7888 §5), an untagged BAD otherwise, `* BYE` for a
    /// fatal error. `None` where the exchange itself answers (a bad
    /// AUTHENTICATE line ends the exchange with the tagged BAD of the
    /// AUTHENTICATE command, which the caller sends).
    pub fn response(&self) -> Option<Response<'static>> {
        let text = |s: &'static str| Text::try_from(s).unwrap_or_default();
        let code = match self {
            ServerError::Limit(
                FrameError::LiteralTooLarge { .. } | FrameError::MessageTooLarge { .. },
            ) => Some(ResponseCode::TooBig),
            ServerError::Limit(_) => Some(ResponseCode::Limit),
            _ => None,
        };
        let msg = match self {
            ServerError::Parse { .. } => "Malformed command",
            ServerError::Truncated(_) => return None,
            ServerError::Limit(FrameError::LineTooLong { .. }) => "Line too long",
            ServerError::Limit(FrameError::BadLiteralLength { .. }) => "Bad literal length",
            ServerError::Limit(_) => "Too large",
            ServerError::BadAuthenticateData { .. } | ServerError::ExpectedDone => return None,
            ServerError::InputBeforeSwitch { .. } => {
                return Some(Response::Untagged(UntaggedStatus {
                    condition: Condition::Bye,
                    text: RespText::new(text("Command injection attempt")),
                }))
            }
        };
        let text = RespText {
            code,
            text: text(msg),
        };
        Some(match self.tag() {
            Some(tag) => Response::Tagged(TaggedStatus {
                tag: tag.clone(),
                state: State::Bad,
                text,
            }),
            None => Response::Untagged(UntaggedStatus {
                condition: Condition::Bad,
                text,
            }),
        })
    }
}

/// Why a response could not be queued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SendError {
    /// The output queue holds [`ServerConfig::max_queued_output`] bytes:
    /// the client is not reading.
    #[error("output queue full ({queued} bytes)")]
    QueueFull {
        /// Bytes queued.
        queued: usize,
    },
}

/// What the server reads next.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    /// Commands.
    Commands,
    /// Lines of an AUTHENTICATE exchange, until its completion is sent.
    Authenticate(Tag<'static>),
    /// `DONE`, after IDLE.
    Idle(Tag<'static>),
    /// Nothing: STARTTLS or COMPRESS was read; input is discarded until
    /// the caller switches the transport (or refuses the command).
    Switch {
        tag: Tag<'static>,
        command: &'static str,
        /// Buffered input not yet checked for injection.
        drain: bool,
        /// The tagged OK was sent: wait for `transport_switched`.
        accepted: bool,
    },
    /// LOGOUT completed, BYE sent or autologout: read nothing more.
    Closed,
}

/// Commands whose completion changes the connection state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Login,
    Select,
    Close,
    Unauthenticate,
    Logout,
    /// `ENABLE` asking for UTF8=ACCEPT (RFC 6855 §3).
    EnableUtf8,
}

/// Where the end of the connection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Eof {
    /// The connection is open.
    Open,
    /// The caller said it ended: the input left is read first.
    Closing,
    /// Everything was read.
    Done,
}

/// The server side of one connection. See the module documentation.
#[derive(Debug)]
pub struct Server {
    config: ServerConfig,
    framer: Framer,
    state: ConnectionState,
    mode: Mode,
    out: Output,
    pending: Vec<(Tag<'static>, Pending)>,
    /// Events that own their data, delivered before anything else.
    queued: VecDeque<Result<ServerEvent<'static>, ServerError>>,
    /// A command was read since the timer last restarted.
    active: bool,
    /// When the inactivity timer last restarted.
    since: Option<Instant>,
    /// `* ENABLED ... UTF8=ACCEPT` was sent for the ENABLE in progress.
    utf8_enabled: bool,
    eof: Eof,
}

impl Server {
    /// A server for one new connection. Send the greeting first (`* OK`,
    /// `* PREAUTH` or `* BYE`) with [`Server::send`].
    pub fn new(config: ServerConfig) -> Self {
        let mut frame = config.frame;
        if config.literal_minus {
            frame.max_non_sync_literal = frame.max_non_sync_literal.min(4096);
        }
        let mut framer = Framer::new(frame);
        framer.set_streaming(config.stream_literals_from);
        Self {
            framer,
            state: ConnectionState::NotAuthenticated,
            mode: Mode::Commands,
            out: Output::default(),
            pending: Vec::new(),
            queued: VecDeque::new(),
            active: false,
            since: None,
            utf8_enabled: false,
            eof: Eof::Open,
            config,
        }
    }

    /// The connection state, as the commands read and the completions sent
    /// made it.
    pub fn state(&self) -> ConnectionState {
        self.state
    }

    /// Whether `command` is allowed in the current state (RFC 9051 §3):
    /// answer BAD if not. Never for [`CommandBody::Other`] (a command this
    /// crate does not know): a server that implements one matches it first
    /// (see the module docs), and the others get their BAD here.
    pub fn allows(&self, command: &CommandBody<'_>) -> bool {
        command.allowed_in(self.state)
    }

    /// Bytes allocated to hold received input (memory accounting: with
    /// literal streaming on, this stays near the size of the pieces given
    /// to `handle_input`, whatever the literals' sizes).
    pub fn input_capacity(&self) -> usize {
        self.framer.capacity()
    }

    /// Bytes received from the client.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        match &mut self.mode {
            Mode::Closed => {}
            Mode::Switch { command, .. } => {
                let command = *command;
                self.drain_switch();
                if !bytes.is_empty() {
                    self.queued.push_back(Err(ServerError::InputBeforeSwitch {
                        command,
                        discarded: bytes.len(),
                    }));
                }
            }
            _ => self.framer.push(bytes),
        }
    }

    /// Reports and drops what was buffered behind STARTTLS / COMPRESS.
    fn drain_switch(&mut self) {
        if let Mode::Switch { command, drain, .. } = &mut self.mode {
            if *drain {
                *drain = false;
                let n = self.framer.take_buffered().len();
                if n > 0 {
                    self.queued.push_back(Err(ServerError::InputBeforeSwitch {
                        command,
                        discarded: n,
                    }));
                }
            }
        }
    }

    /// The next event, or `None` when more input is needed.
    pub fn poll_event(&mut self) -> Option<Result<ServerEvent<'_>, ServerError>> {
        self.drain_switch();
        if let Some(e) = self.queued.pop_front() {
            return Some(e);
        }
        if matches!(self.mode, Mode::Closed | Mode::Switch { .. }) {
            return None;
        }
        // What the frame is, as owned facts: the event itself is built
        // after the framer's borrow ends.
        enum Next {
            /// The tag, or the message so far when it has none.
            Announced(Result<Tag<'static>, Vec<u8>>, u64, bool),
            Stream(Option<Tag<'static>>, u64),
            Chunk,
            Message,
        }
        let tag_of = |head: &[u8]| {
            let n = fast::span(head, fast::is_tag_char);
            std::str::from_utf8(&head[..n])
                .ok()
                .and_then(|t| Tag::new(t.to_owned()).ok())
        };
        let Some(frame) = self.framer.poll() else {
            return self.end_of_input().map(Err);
        };
        let next = match frame {
            Err(e) => return Some(Err(ServerError::Limit(e))),
            Ok(Frame::LiteralAnnounced {
                head,
                length,
                binary,
            }) => Next::Announced(tag_of(head).ok_or_else(|| head.to_vec()), length, binary),
            Ok(Frame::LiteralStream { head, length }) => Next::Stream(tag_of(head), length),
            Ok(Frame::LiteralChunk(_)) => Next::Chunk,
            Ok(_) => Next::Message,
        };
        match next {
            Next::Announced(tag, length, binary) => {
                if !matches!(self.mode, Mode::Commands) {
                    // No literal belongs in an AUTHENTICATE or IDLE line.
                    self.framer.reject_literal();
                    return Some(Err(match self.mode {
                        Mode::Idle(_) => ServerError::ExpectedDone,
                        _ => ServerError::BadAuthenticateData { offset: 0 },
                    }));
                }
                let tag = match tag {
                    Ok(tag) => tag,
                    Err(bytes) => {
                        // Not even a tag: refuse without waiting.
                        self.framer.reject_literal();
                        let error = ParseError::Invalid {
                            offset: 0,
                            expected: "tag",
                            tag: None,
                        };
                        let bytes = Secret(bytes);
                        return Some(Err(ServerError::Parse { error, bytes }));
                    }
                };
                Some(Ok(ServerEvent::LiteralAnnounced {
                    tag,
                    length,
                    binary,
                }))
            }
            Next::Stream(tag, length) => Some(Ok(ServerEvent::LiteralStreaming { tag, length })),
            Next::Chunk => Some(Ok(ServerEvent::LiteralData(self.framer.last_chunk()))),
            Next::Message => Some(match &self.mode {
                Mode::Authenticate(_) => self.authenticate_line(),
                Mode::Idle(_) => self.idle_line(),
                _ => self.command(),
            }),
        }
    }

    fn line(&self) -> &[u8] {
        let m = self.framer.last_message();
        &m[..m.len().saturating_sub(2)]
    }

    fn authenticate_line(&mut self) -> Result<ServerEvent<'static>, ServerError> {
        let line = self.line();
        if line == b"*" {
            return Ok(ServerEvent::AuthenticateCancelled);
        }
        // RFC 4959 §3: "=" stands for an empty response.
        if line == b"=" {
            return Ok(ServerEvent::AuthenticateData(Secret(Vec::new())));
        }
        match fast::base64_decode(line) {
            Ok(d) => Ok(ServerEvent::AuthenticateData(Secret(d))),
            Err(offset) => Err(ServerError::BadAuthenticateData { offset }),
        }
    }

    fn idle_line(&mut self) -> Result<ServerEvent<'static>, ServerError> {
        if self.line().eq_ignore_ascii_case(b"DONE") {
            self.mode = Mode::Commands;
            Ok(ServerEvent::IdleDone)
        } else {
            Err(ServerError::ExpectedDone)
        }
    }

    fn command(&mut self) -> Result<ServerEvent<'_>, ServerError> {
        let m = self.framer.last_message();
        let (cmd, _) = match crate::parse_command_with(m, &self.config.parse) {
            Ok(c) => c,
            Err(error) => {
                let bytes = Secret(m.to_vec());
                return Err(ServerError::Parse { error, bytes });
            }
        };
        self.active = true;
        let tag = || cmd.tag.clone().into_owned();
        let pending = match &cmd.body {
            CommandBody::Login { .. } | CommandBody::Authenticate { .. } => Some(Pending::Login),
            CommandBody::Select { .. } | CommandBody::Examine { .. } => Some(Pending::Select),
            CommandBody::Close | CommandBody::Unselect => Some(Pending::Close),
            CommandBody::Unauthenticate => Some(Pending::Unauthenticate),
            CommandBody::Logout => Some(Pending::Logout),
            CommandBody::Enable(caps) if caps.contains(&Capability::Utf8Accept) => {
                Some(Pending::EnableUtf8)
            }
            _ => None,
        };
        if let Some(p) = pending {
            self.pending.push((tag(), p));
        }
        match &cmd.body {
            CommandBody::Authenticate { .. } => self.mode = Mode::Authenticate(tag()),
            CommandBody::Idle => self.mode = Mode::Idle(tag()),
            CommandBody::StartTls | CommandBody::Compress(_) => {
                let command = if cmd.body == CommandBody::StartTls {
                    "STARTTLS"
                } else {
                    "COMPRESS"
                };
                self.mode = Mode::Switch {
                    tag: tag(),
                    command,
                    drain: true,
                    accepted: false,
                };
            }
            _ => {}
        }
        Ok(ServerEvent::Command(cmd))
    }

    /// Accepts the announced synchronizing literal: queues `+ Ready for
    /// literal data` and reads the octets as part of the command.
    pub fn accept_literal(&mut self) {
        self.framer.accept_literal();
        let text = Text::try_from("Ready for literal data").unwrap_or_default();
        let plus = Response::Continue(ContinueRequest::text(text));
        self.out.push(&plus.encode(self.encode_options()));
    }

    /// Rejects the announced synchronizing literal with a tagged `NO` (or
    /// `BAD`) carrying `code` and `text`. The client, refused, does not send
    /// the octets nor the rest of the command (RFC 9051 §4.3, §7.5), so the
    /// next byte starts a new command. (The octets of a non-synchronizing
    /// literal, which the client sends anyway, are skipped by count by the
    /// framer when it refuses one over a limit.)
    pub fn reject_literal(
        &mut self,
        tag: Tag<'_>,
        state: State,
        code: Option<ResponseCode<'_>>,
        text: Text<'_>,
    ) {
        self.framer.reject_literal();
        let r = Response::Tagged(TaggedStatus {
            tag,
            state,
            text: RespText { code, text },
        });
        self.out.push(&r.encode(self.encode_options()));
    }

    fn encode_options(&self) -> EncodeOptions {
        EncodeOptions {
            utf8: self.config.utf8,
            ..EncodeOptions::default()
        }
    }

    /// Queues a response, and follows the connection state from it: a
    /// PREAUTH greeting, a BYE, and the tagged completions of LOGIN,
    /// AUTHENTICATE, SELECT, EXAMINE, CLOSE, UNSELECT, UNAUTHENTICATE,
    /// LOGOUT, IDLE, STARTTLS and COMPRESS.
    pub fn send(&mut self, response: &Response<'_>) -> Result<(), SendError> {
        if self.out.len() >= self.config.max_queued_output {
            return Err(SendError::QueueFull {
                queued: self.out.len(),
            });
        }
        self.out.push(&response.encode(self.encode_options()));
        match response {
            Response::Untagged(u) if u.condition == Condition::PreAuth => {
                self.state = ConnectionState::Authenticated
            }
            Response::Untagged(u) if u.condition == Condition::Bye => {
                self.state = ConnectionState::Logout;
                self.mode = Mode::Closed;
            }
            Response::Tagged(t) => self.completed(t),
            Response::Data(Data::Enabled(caps)) if caps.contains(&Capability::Utf8Accept) => {
                self.utf8_enabled = true
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether strings go out as UTF-8 (RFC 6855): configured so, or
    /// switched on by `ENABLE UTF8=ACCEPT` (see [`ServerConfig::utf8`]).
    pub fn utf8(&self) -> bool {
        self.config.utf8
    }

    fn completed(&mut self, t: &TaggedStatus<'_>) {
        let ok = t.state == State::Ok;
        match &mut self.mode {
            Mode::Authenticate(tag) | Mode::Idle(tag) if tag.as_str() == t.tag.as_str() => {
                self.mode = Mode::Commands
            }
            Mode::Switch { tag, accepted, .. } if tag.as_str() == t.tag.as_str() => {
                if ok {
                    *accepted = true;
                } else {
                    self.mode = Mode::Commands;
                }
            }
            _ => {}
        }
        let Some(k) = self
            .pending
            .iter()
            .position(|(tag, _)| tag.as_str() == t.tag.as_str())
        else {
            return;
        };
        let (_, p) = self.pending.swap_remove(k);
        use ConnectionState as S;
        self.state = match (p, ok) {
            (Pending::Login, true) => S::Authenticated,
            (Pending::Select, true) => S::Selected,
            // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected.
            (Pending::Select, false) if self.state == S::Selected => S::Authenticated,
            (Pending::Close, true) => S::Authenticated,
            (Pending::Unauthenticate, true) => S::NotAuthenticated,
            (Pending::Logout, true) => {
                self.mode = Mode::Closed;
                S::Logout
            }
            (Pending::EnableUtf8, ok) => {
                // Quoted UTF-8 from the next response on.
                self.config.utf8 |= ok && self.utf8_enabled;
                self.utf8_enabled = false;
                self.state
            }
            _ => self.state,
        };
    }

    /// The transport now runs over TLS (after STARTTLS) or deflate (after
    /// COMPRESS): feed the decrypted / inflated bytes from here on.
    pub fn transport_switched(&mut self) {
        self.drain_switch();
        if matches!(self.mode, Mode::Switch { .. }) {
            self.mode = Mode::Commands;
        }
    }

    /// The connection ended (the client closed it, or the transport
    /// failed). What is left of the input is still read by
    /// [`Server::poll_event`]; a command cut short comes last as
    /// [`ServerError::Truncated`]; then the state is
    /// [`ConnectionState::Logout`] and nothing more is read. Idempotent.
    pub fn handle_connection_closed(&mut self) {
        if self.eof != Eof::Open {
            return;
        }
        self.eof = Eof::Closing;
        // No new transport will come: the input waiting for it is over.
        self.drain_switch();
        if matches!(self.mode, Mode::Switch { .. } | Mode::Closed) || self.framer.buffered() == 0 {
            if let Some(e) = self.end_of_input() {
                self.queued.push_back(Err(e));
            }
        }
    }

    /// The input is read to its end after [`Server::handle_connection_closed`]:
    /// what is left is a command cut short.
    fn end_of_input(&mut self) -> Option<ServerError> {
        if self.eof != Eof::Closing {
            return None;
        }
        self.eof = Eof::Done;
        // After LOGOUT or a switch nothing is read; inside AUTHENTICATE
        // the bytes are SASL data.
        let reading = matches!(self.mode, Mode::Commands | Mode::Idle(_));
        let rest = self.framer.take_buffered();
        self.state = ConnectionState::Logout;
        self.mode = Mode::Closed;
        (reading && !rest.is_empty()).then_some(ServerError::Truncated(Secret(rest)))
    }

    /// Bytes to send to the client, if any.
    pub fn poll_transmit(&self) -> Option<&[u8]> {
        self.out.pending()
    }

    /// Marks `n` bytes of [`Server::poll_transmit`] as written.
    pub fn consume_transmit(&mut self, n: usize) {
        self.out.consume(n);
    }

    /// When [`Server::handle_timeout`] should be called next.
    pub fn poll_timeout(&self) -> Option<Instant> {
        if self.mode == Mode::Closed {
            return None;
        }
        Some(self.since? + self.config.autologout?)
    }

    /// The current time. Restarts the inactivity timer if a command came
    /// since the last call; expires it if its time has come (queues
    /// `* BYE`, state Logout, event [`ServerEvent::AutologoutExpired`]).
    pub fn handle_timeout(&mut self, now: Instant) {
        let Some(limit) = self.config.autologout else {
            return;
        };
        if self.mode == Mode::Closed {
            return;
        }
        match self.since {
            Some(since) if !self.active => {
                if now.saturating_duration_since(since) >= limit {
                    let bye = Response::Untagged(UntaggedStatus {
                        condition: Condition::Bye,
                        text: RespText::new(
                            Text::try_from("Autologout; idle for too long").unwrap_or_default(),
                        ),
                    });
                    self.out.push(&bye.encode(self.encode_options()));
                    self.state = ConnectionState::Logout;
                    self.mode = Mode::Closed;
                    self.queued.push_back(Ok(ServerEvent::AutologoutExpired));
                }
            }
            _ => {
                self.since = Some(now);
                self.active = false;
            }
        }
    }
}
