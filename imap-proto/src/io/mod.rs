//! Layer 6 (optional): drivers that run a [`Client`] or a [`Server`] over a
//! caller's stream — the socket loop every embedding writes, written once.
//!
//! Off by default, so the crate does no I/O: feature `blocking` gives
//! [`blocking`] (std `Read + Write`, no extra dependency), feature `tokio`
//! gives [`tokio`] (`AsyncRead + AsyncWrite`). Both are
//! thin loops around the pure functions of this module, so they behave the
//! same: they feed what the stream gives to the session, poll its events,
//! write what it queues, and call its timers.
//!
//! On the client side a command's result is an [`Outcome`]: its untagged
//! responses and its [`Completion`]; `NO` and `BAD` come back as
//! [`Error::No`] and [`Error::Bad`], carrying the completion. TLS and
//! compression plug in as closures that wrap the stream (rustls,
//! native-tls, tokio-rustls, flate2...).
//!
//! On the server side, a [`Handler`] gets each command with a
//! [`Responder`] to answer it; the driver flushes what it sends, decides
//! literals (accept by default), runs IDLE and AUTHENTICATE exchanges and
//! the autologout timer on the runtime's clock.
//!
//! ```
//! # #[cfg(feature = "blocking")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::net::{TcpListener, TcpStream};
//! use imap_proto::io::{blocking, handler_fn, Responder};
//! use imap_proto::server::{Server, ServerConfig};
//! use imap_proto::types::{Command, CommandBody, State};
//!
//! // A server that answers every command OK, on a thread.
//! let listener = TcpListener::bind("127.0.0.1:0")?;
//! let addr = listener.local_addr()?;
//! std::thread::spawn(move || {
//!     let (mut stream, _) = listener.accept().unwrap();
//!     let mut server = Server::new(ServerConfig::default());
//!     server.send(&imap_proto::parse_response(b"* OK ready\r\n").unwrap().0).unwrap();
//!     let mut ok = handler_fn(|c: Command<'_>, out: &mut Responder<'_>| {
//!         out.complete(&c.tag, State::Ok, "done").unwrap();
//!     });
//!     blocking::serve(&mut stream, &mut server, &mut ok).unwrap();
//! });
//!
//! // A client that logs in and out.
//! let mut conn = blocking::Connection::connect(TcpStream::connect(addr)?)?;
//! let login = conn.run(CommandBody::login("joe", "secret"))?;
//! assert_eq!(login.completion.status.text.text.as_str(), "done");
//! conn.run(CommandBody::Logout)?;
//! # Ok(()) }
//! # #[cfg(not(feature = "blocking"))]
//! # fn main() {}
//! ```
//!
//! Not yet here: a FETCH streamed into a writer (the [`Client`] buffers
//! whole literals), and COMPRESS inside the session (the closure wraps the
//! stream instead).

use std::time::Instant;

use crate::client::{Client, ClientError, ClientEvent};
use crate::server::{Server, ServerError, ServerEvent};
use crate::types::{
    Command, CommandBody, Condition, ContinueRequest, RespText, Response, ResponseCode, State, Tag,
    TaggedStatus, Text, UntaggedStatus,
};

#[cfg(feature = "blocking")]
pub mod blocking;
#[cfg(feature = "tokio")]
pub mod tokio;

#[cfg(all(test, feature = "blocking", feature = "tokio"))]
mod tests;

/// A command's tagged completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The command's name (`"SELECT"`, `"UID FETCH"`...).
    pub command: &'static str,
    /// The tagged status line.
    pub status: TaggedStatus<'static>,
}

/// What a command brought: the untagged responses received before its
/// completion (since the previous completion, when commands are pipelined)
/// and the completion itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Untagged data and status responses, in arrival order.
    pub responses: Vec<Response<'static>>,
    /// The tagged `OK`.
    pub completion: Completion,
    /// Malformed or oversized responses the session skipped meanwhile
    /// (the stream went on; nothing else was lost).
    pub skipped: Vec<ClientError>,
}

impl Outcome {
    /// The untagged data responses (`* 3 EXISTS`, `* LIST ...`), in order.
    pub fn data(&self) -> impl Iterator<Item = &crate::types::Data<'static>> {
        self.responses.iter().filter_map(|r| match r {
            Response::Data(d) => Some(d),
            _ => None,
        })
    }

    /// The last `* n EXISTS` (after SELECT, NOOP, IDLE...), if any came.
    pub fn exists(&self) -> Option<u32> {
        self.data()
            .filter_map(|d| match d {
                crate::types::Data::Exists(n) => Some(*n),
                _ => None,
            })
            .last()
    }

    /// The FETCH responses: each message's sequence number and items.
    pub fn fetched(
        &self,
    ) -> impl Iterator<
        Item = (
            crate::types::NzNumber,
            &[crate::types::MessageDataItem<'static>],
        ),
    > {
        self.data().filter_map(|d| match d {
            crate::types::Data::Fetch { seq, items } => Some((*seq, &items[..])),
            _ => None,
        })
    }
}

/// Why a driver call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered `NO`.
    #[error("{} failed: NO {}", .0.command, .0.status.text.text.as_str())]
    No(Box<Completion>),
    /// The server answered `BAD`.
    #[error("{} refused: BAD {}", .0.command, .0.status.text.text.as_str())]
    Bad(Box<Completion>),
    /// The server ended the command with a tagged `BYE` (not in the
    /// grammar, sent by real servers): it closes the connection.
    #[error("{} ended by the server: BYE {}", .0.command, .0.status.text.text.as_str())]
    TaggedBye(Box<Completion>),
    /// The server said `* BYE` and closed the connection.
    #[error("server closed the connection: BYE {}", .0.text.text.as_str())]
    Bye(Box<UntaggedStatus<'static>>),
    /// The stream ended (EOF) before the exchange did.
    #[error("connection closed by the server")]
    Eof,
    /// The stream failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    /// The server did something after which the connection must end.
    #[error("protocol: {0}")]
    Protocol(Box<ClientError>),
    /// The command could not be queued.
    #[error("send: {0}")]
    Send(#[from] crate::client::SendError),
}

/// Whether [`idle`](blocking::Connection::idle) goes on after a pushed
/// response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep idling.
    Continue,
    /// Send `DONE` and return.
    Stop,
}

impl Flow {
    /// [`Flow::Stop`] if `done`, else [`Flow::Continue`].
    pub fn stop_if(done: bool) -> Flow {
        if done {
            Flow::Stop
        } else {
            Flow::Continue
        }
    }
}

/// A SASL step: gets the server's decoded challenge, returns the response
/// to send, or `None` to cancel the exchange (`*`).
pub type SaslStep<'f> = &'f mut dyn FnMut(&[u8]) -> Option<Vec<u8>>;

/// A pushed-response callback for IDLE.
pub type IdleCallback<'f> = &'f mut dyn FnMut(&Response<'_>) -> Flow;

/// One exchange in progress on the client side: the commands waited for
/// and what has come for them. Shared by both runtimes.
pub(crate) struct Exchange<'f> {
    tags: Vec<Tag<'static>>,
    done: Vec<Option<Result<Outcome, Error>>>,
    untagged: Vec<Response<'static>>,
    skipped: Vec<ClientError>,
    bye: Option<UntaggedStatus<'static>>,
    sasl: Option<SaslStep<'f>>,
    /// The session answers the first challenge with the initial response.
    sasl_skip_first: bool,
    idle: Option<IdleCallback<'f>>,
    idle_deadline: Option<Instant>,
    stopping: bool,
}

impl<'f> Exchange<'f> {
    pub(crate) fn new(tags: Vec<Tag<'static>>) -> Self {
        let done = tags.iter().map(|_| None).collect();
        Self {
            tags,
            done,
            untagged: Vec::new(),
            skipped: Vec::new(),
            bye: None,
            sasl: None,
            sasl_skip_first: false,
            idle: None,
            idle_deadline: None,
            stopping: false,
        }
    }

    /// `skip_first`: the session itself answers the first challenge (an
    /// initial response without SASL-IR, RFC 4959 §3).
    pub(crate) fn with_sasl(mut self, step: SaslStep<'f>, skip_first: bool) -> Self {
        self.sasl = Some(step);
        self.sasl_skip_first = skip_first;
        self
    }

    pub(crate) fn with_idle(mut self, f: IdleCallback<'f>, deadline: Option<Instant>) -> Self {
        self.idle = Some(f);
        self.idle_deadline = deadline;
        self
    }

    /// Every command waited for has completed.
    pub(crate) fn finished(&self) -> bool {
        self.done.iter().all(Option::is_some)
    }

    /// The results, in the order the commands were given.
    pub(crate) fn results(self) -> Vec<Result<Outcome, Error>> {
        self.done
            .into_iter()
            .map(|d| d.unwrap_or(Err(Error::Eof)))
            .collect()
    }

    /// The one result of a one-command exchange.
    pub(crate) fn result(self) -> Result<Outcome, Error> {
        self.results().pop().unwrap_or(Err(Error::Eof))
    }

    /// The error for a stream that ended now.
    pub(crate) fn eof(&mut self) -> Error {
        match self.bye.take() {
            Some(b) => Error::Bye(Box::new(b)),
            None => Error::Eof,
        }
    }

    /// When the driver must wake up even without input: the session's
    /// timer or the IDLE deadline, whichever comes first.
    #[cfg_attr(not(feature = "tokio"), allow(dead_code))]
    pub(crate) fn wake_at(&self, client: &Client) -> Option<Instant> {
        let deadline = self.idle_deadline.filter(|_| !self.stopping);
        match (client.poll_timeout(), deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn stop_idle(&mut self, client: &mut Client) {
        if !self.stopping {
            self.stopping = true;
            client.done();
        }
    }

    fn complete(&mut self, client: &Client, command: &'static str, status: TaggedStatus<'_>) {
        let Some(k) = self
            .tags
            .iter()
            .position(|t| t.as_str() == status.tag.as_str())
        else {
            return;
        };
        // The session re-issued IDLE by itself (its refresh timer): wait
        // for the new one unless the caller wanted to stop.
        if self.idle.is_some() && !self.stopping && status.state == State::Ok {
            if let Some(next) = client.in_flight().last() {
                self.tags[k] = next.clone();
                return;
            }
        }
        let completion = Completion {
            command,
            status: status.into_owned(),
        };
        self.done[k] = Some(match completion.status.state {
            State::Ok => Ok(Outcome {
                responses: std::mem::take(&mut self.untagged),
                completion,
                skipped: std::mem::take(&mut self.skipped),
            }),
            State::No => Err(Error::No(Box::new(completion))),
            State::Bad => Err(Error::Bad(Box::new(completion))),
            State::Bye => Err(Error::TaggedBye(Box::new(completion))),
        });
    }
}

/// Takes every event the session has: the pure half of the client loop.
pub(crate) fn client_poll(client: &mut Client, ex: &mut Exchange<'_>) -> Result<(), Error> {
    enum Next {
        Untagged(Response<'static>),
        Continue(ContinueRequest<'static>),
        Completed(&'static str, TaggedStatus<'static>),
    }
    while let Some(event) = client.poll_event() {
        let next = match event {
            Err(e) if e.is_fatal() => return Err(Error::Protocol(Box::new(e))),
            Err(e) => {
                ex.skipped.push(e);
                continue;
            }
            Ok(ClientEvent::Untagged(r)) => Next::Untagged(r.into_owned()),
            Ok(ClientEvent::Continue(c)) => Next::Continue(c.into_owned()),
            Ok(ClientEvent::Completed { command, status }) => {
                Next::Completed(command, status.into_owned())
            }
            Ok(_) => continue,
        };
        match next {
            Next::Untagged(r) => {
                if let Response::Untagged(u) = &r {
                    if u.condition == Condition::Bye {
                        ex.bye = Some(u.clone());
                    }
                }
                if let Some(f) = ex.idle.as_mut() {
                    if f(&r) == Flow::Stop {
                        ex.stop_idle(client);
                    }
                }
                ex.untagged.push(r);
            }
            Next::Continue(c) => {
                if std::mem::take(&mut ex.sasl_skip_first) {
                    continue;
                }
                if let Some(step) = ex.sasl.as_mut() {
                    match c.decode_base64().and_then(|d| step(&d)) {
                        Some(answer) => client.authenticate_respond(&answer),
                        None => client.authenticate_cancel(),
                    }
                }
            }
            Next::Completed(command, status) => ex.complete(client, command, status),
        }
    }
    Ok(())
}

/// Runs the session's timer and the IDLE deadline at `now`.
pub(crate) fn client_tick(client: &mut Client, ex: &mut Exchange<'_>, now: Instant) {
    client.handle_timeout(now);
    if ex.idle_deadline.is_some_and(|d| now >= d) {
        ex.stop_idle(client);
    }
}

/// The greeting, once the session has read it.
pub(crate) fn client_greeting(
    client: &mut Client,
) -> Option<Result<UntaggedStatus<'static>, Error>> {
    loop {
        match client.poll_event()? {
            Ok(ClientEvent::Greeting(g)) if g.condition == Condition::Bye => {
                return Some(Err(Error::Bye(Box::new(g.into_owned()))))
            }
            Ok(ClientEvent::Greeting(g)) => return Some(Ok(g.into_owned())),
            Err(e) if e.is_fatal() => return Some(Err(Error::Protocol(Box::new(e)))),
            _ => {}
        }
    }
}

/// What the driver does with an announced synchronizing literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiteralDecision {
    /// Send `+` and read it.
    Accept,
    /// Refuse it with a tagged `NO` (or `BAD`): the client sends neither the
    /// octets nor the rest of the command.
    Refuse {
        /// `NO` or `BAD`.
        state: State,
        /// A code such as `[TOOBIG]` (RFC 4469) or `[LIMIT]`.
        code: Option<ResponseCode<'static>>,
        /// Human-readable text.
        text: Text<'static>,
    },
}

/// A handle to answer the client: queues responses on the [`Server`]; the
/// driver writes them out.
#[derive(Debug)]
pub struct Responder<'s> {
    server: &'s mut Server,
    track: &'s mut Track,
}

impl Responder<'_> {
    /// Queues a response (a tagged completion is what ends a command).
    pub fn send(&mut self, response: &Response<'_>) -> Result<(), crate::server::SendError> {
        if let (Response::Tagged(t), Some((tag, _))) = (response, &self.track.switch) {
            if t.tag.as_str() == tag.as_str() {
                self.track.switch_now = t.state == State::Ok;
                if !self.track.switch_now {
                    self.track.switch = None;
                }
            }
        }
        self.server.send(response)
    }

    /// Queues a tagged completion with `text`.
    pub fn complete(
        &mut self,
        tag: &Tag<'_>,
        state: State,
        text: &str,
    ) -> Result<(), crate::server::SendError> {
        self.send(&Response::Tagged(TaggedStatus {
            tag: tag.clone(),
            state,
            text: RespText::new(Text::try_from(text).unwrap_or_default()),
        }))
    }

    /// The session (connection state, [`Server::allows`]...).
    pub fn server(&self) -> &Server {
        self.server
    }
}

/// What the server-side driver remembers between events.
#[derive(Debug, Default)]
pub(crate) struct Track {
    /// The AUTHENTICATE or IDLE in progress.
    exchange: Option<Tag<'static>>,
    /// A STARTTLS / COMPRESS read and not yet answered.
    switch: Option<(Tag<'static>, &'static str)>,
    /// Its OK was sent: the driver hands the stream back.
    switch_now: bool,
}

/// How a server-side driver call ended.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServeEnd {
    /// The session is over (LOGOUT, BYE, autologout) and the output was
    /// flushed: close the stream.
    Closed,
    /// The client closed the stream.
    Eof,
    /// STARTTLS or COMPRESS was accepted (its OK is flushed): wrap the
    /// stream, call [`Server::transport_switched`], and serve on.
    SwitchTransport {
        /// `"STARTTLS"` or `"COMPRESS"`.
        command: &'static str,
    },
}

/// The application behind a server-side driver: it answers each command.
/// Every method but [`Handler::command`] has a default.
pub trait Handler {
    /// A command: answer it, ending with its tagged completion. For
    /// AUTHENTICATE, send a challenge (`Response::Continue`) or the
    /// completion; for IDLE, `+ idling`.
    fn command(&mut self, command: Command<'_>, out: &mut Responder<'_>);

    /// A synchronizing literal of `length` octets is announced. Default:
    /// accept.
    fn literal(&mut self, tag: &Tag<'_>, length: u64, binary: bool) -> LiteralDecision {
        let _ = (tag, length, binary);
        LiteralDecision::Accept
    }

    /// A client response in the AUTHENTICATE exchange `tag` (decoded), or
    /// `None` when the client cancelled. Default: a tagged `BAD`.
    fn authenticate(&mut self, tag: &Tag<'_>, data: Option<&[u8]>, out: &mut Responder<'_>) {
        let _ = data;
        let _ = out.complete(tag, State::Bad, "AUTHENTICATE exchange ended");
    }

    /// `DONE` ended the IDLE `tag`. Default: `tag OK IDLE terminated`.
    fn idle_done(&mut self, tag: &Tag<'_>, out: &mut Responder<'_>) {
        let _ = out.complete(tag, State::Ok, "IDLE terminated");
    }

    /// A wake-up without input (a read timeout, or the tokio driver's
    /// [`Handler::tick_every`]): push news during IDLE here.
    fn tick(&mut self, out: &mut Responder<'_>) {
        let _ = out;
    }

    /// How often the tokio driver calls [`Handler::tick`] while the client
    /// is silent. Default: never. (The blocking driver ticks on the
    /// stream's read timeout.)
    fn tick_every(&self) -> Option<std::time::Duration> {
        None
    }

    /// The client did something wrong. Default: the suggested answer
    /// ([`ServerError::response`]).
    fn error(&mut self, error: &ServerError, out: &mut Responder<'_>) {
        if let Some(r) = error.response() {
            let _ = out.send(&r);
        }
    }
}

/// A [`Handler`] made of a closure that answers commands (the other
/// methods keep their defaults). See [`handler_fn`].
#[derive(Debug, Clone)]
pub struct FnHandler<F>(pub F);

/// A [`Handler`] from a closure: `handler_fn(|command, out| ...)`.
pub fn handler_fn<F: FnMut(Command<'_>, &mut Responder<'_>)>(f: F) -> FnHandler<F> {
    FnHandler(f)
}

impl<F: FnMut(Command<'_>, &mut Responder<'_>)> Handler for FnHandler<F> {
    fn command(&mut self, command: Command<'_>, out: &mut Responder<'_>) {
        (self.0)(command, out)
    }
}

/// Takes every event the server has and hands it to `handler`: the pure
/// half of the server loop.
pub(crate) fn server_poll<H: Handler + ?Sized>(
    server: &mut Server,
    track: &mut Track,
    handler: &mut H,
) {
    loop {
        if track.switch_now {
            return;
        }
        enum Next {
            Command(Command<'static>),
            Literal(Tag<'static>, u64, bool),
            Auth(Option<Vec<u8>>),
            IdleDone,
            Error(ServerError),
        }
        let next = match server.poll_event() {
            None => return,
            Some(Ok(ServerEvent::Command(c))) => Next::Command(c.into_owned()),
            Some(Ok(ServerEvent::LiteralAnnounced {
                tag,
                length,
                binary,
            })) => Next::Literal(tag.into_owned(), length, binary),
            Some(Ok(ServerEvent::AuthenticateData(d))) => Next::Auth(Some(d.0)),
            Some(Ok(ServerEvent::AuthenticateCancelled)) => Next::Auth(None),
            Some(Ok(ServerEvent::IdleDone)) => Next::IdleDone,
            Some(Ok(_)) => continue,
            Some(Err(e)) => Next::Error(e),
        };
        let mut out = Responder {
            server: &mut *server,
            track: &mut *track,
        };
        match next {
            Next::Command(c) => {
                match &c.body {
                    CommandBody::Authenticate { .. } | CommandBody::Idle => {
                        out.track.exchange = Some(c.tag.clone())
                    }
                    CommandBody::StartTls => out.track.switch = Some((c.tag.clone(), "STARTTLS")),
                    CommandBody::Compress(_) => {
                        out.track.switch = Some((c.tag.clone(), "COMPRESS"))
                    }
                    _ => {}
                }
                handler.command(c, &mut out);
            }
            Next::Literal(tag, length, binary) => match handler.literal(&tag, length, binary) {
                LiteralDecision::Accept => out.server.accept_literal(),
                LiteralDecision::Refuse { state, code, text } => {
                    out.server.reject_literal(tag, state, code, text)
                }
            },
            Next::Auth(data) => {
                let tag = out
                    .track
                    .exchange
                    .clone()
                    .unwrap_or_else(|| Tag::from_checked("*".to_owned()));
                handler.authenticate(&tag, data.as_deref(), &mut out);
            }
            Next::IdleDone => {
                if let Some(tag) = out.track.exchange.take() {
                    handler.idle_done(&tag, &mut out);
                }
            }
            Next::Error(e) => handler.error(&e, &mut out),
        }
    }
}

/// The end the driver reports once the output is flushed, if any.
pub(crate) fn server_end(server: &Server, track: &mut Track) -> Option<ServeEnd> {
    if server.poll_transmit().is_some() {
        return None;
    }
    if track.switch_now {
        track.switch_now = false;
        let (_, command) = track.switch.take()?;
        return Some(ServeEnd::SwitchTransport { command });
    }
    (server.state() == crate::types::ConnectionState::Logout).then_some(ServeEnd::Closed)
}

/// Calls the handler's tick with a responder.
pub(crate) fn server_tick<H: Handler + ?Sized>(
    server: &mut Server,
    track: &mut Track,
    handler: &mut H,
) {
    let mut out = Responder { server, track };
    handler.tick(&mut out);
}

/// A session's outgoing queue, for the drivers' write loops.
pub(crate) trait Transmit {
    fn pending(&self) -> Option<&[u8]>;
    fn consume(&mut self, n: usize);
}

impl Transmit for Client {
    fn pending(&self) -> Option<&[u8]> {
        self.poll_transmit()
    }
    fn consume(&mut self, n: usize) {
        self.consume_transmit(n);
    }
}

impl Transmit for Server {
    fn pending(&self) -> Option<&[u8]> {
        self.poll_transmit()
    }
    fn consume(&mut self, n: usize) {
        self.consume_transmit(n);
    }
}
