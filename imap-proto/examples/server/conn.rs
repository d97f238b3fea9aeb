//! One client connection, on its own thread, driving one
//! `imap_proto::server::Server`.
//!
//! The thread waits on one channel fed by two sources: a reader thread
//! that forwards the socket's bytes ([`Wake::Input`]), and the store,
//! which says when another connection changed the account
//! ([`Wake::Changed`]). So IDLE wakes for both. After every wake-up the
//! loop does what the `server` module asks of its caller:
//!
//! 1. `handle_input` the bytes, `handle_timeout(Instant::now())`;
//! 2. `poll_event` until `None`, answering each event (every command gets
//!    its tagged completion through `send`);
//! 3. write out what `poll_transmit` gives, `consume_transmit`;
//! 4. sleep until the next input, change or `poll_timeout` deadline.
//!
//! The selected mailbox is seen through a *view*: the UIDs, flags and
//! messages this client knows, by sequence number. Before each tagged
//! completion (and at once while idling) the view is brought up to date
//! with the store, which yields the EXPUNGE, EXISTS and FETCH FLAGS
//! responses that tell the client what others changed.

use std::io::Read;
use std::net::{Shutdown, TcpStream};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use imap_proto::server::{Server, ServerConfig, ServerError, ServerEvent};
use imap_proto::types::{
    Capability, Command, CommandBody, Condition, ConnectionState, ContinueRequest, Data, Delimiter,
    Flag, FlagPerm, IString, Mailbox, MessageDataItem, NamespaceDescr, NzNumber, RespText,
    Response, ResponseCode, SeqNumber, Sequence, SequenceSet, State, Tag, TaggedStatus, Text,
    UntaggedStatus,
};

use super::mime::Message;
use super::store::{is_keyword, Entry, Shared, Wake};

/// Largest APPEND accepted after login; before it, literals are for
/// LOGIN only and 4 KiB is plenty.
const MAX_APPEND: u64 = 32 * 1024 * 1024;
const MAX_LITERAL_BEFORE_LOGIN: u64 = 4096;

/// Serves one client until it logs out, disconnects or is logged out;
/// `implicit_tls`: the connection starts with the TLS handshake.
pub fn serve(stream: TcpStream, store: Shared, options: &super::Options, implicit_tls: bool) {
    let verbose = options.verbose;
    let plain_login = options
        .plain_login
        .allows(stream.peer_addr().ok().map(|a| a.ip()));
    let tls = match (&options.tls, implicit_tls) {
        (Some(config), true) => match rustls::ServerConnection::new(config.clone()) {
            Ok(c) => Some(Box::new(c)),
            Err(_) => return,
        },
        _ => None,
    };
    let peer = stream
        .peer_addr()
        .map_or_else(|_| "?".to_owned(), |a| a.to_string());
    // Bounded: a client that sends faster than it is served waits in its
    // socket buffer, not in our memory.
    let (tx, rx) = mpsc::sync_channel(64);
    // A client that stops reading is dropped rather than blocking forever.
    let _ = stream.set_write_timeout(Some(Duration::from_secs(120)));
    let reader = match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    };
    let input = tx.clone();
    std::thread::spawn(move || read_loop(reader, input));
    if verbose {
        eprintln!("[{peer}] connected");
    }
    // The framer refuses (and skips) any literal over the APPEND limit,
    // synchronizing or not.
    let mut config = ServerConfig::default();
    config.frame.max_literal = MAX_APPEND;
    config.frame.max_message = MAX_APPEND + 64 * 1024;
    let mut conn = Conn {
        server: Server::new(config),
        stream,
        store,
        tx,
        rx,
        peer,
        verbose,
        user: None,
        watcher: None,
        selected: None,
        rev2: false,
        idle: None,
        auth: None,
        closed: false,
        tls,
        tls_config: options.tls.clone(),
        plain_login,
    };
    conn.run();
}

/// Forwards what the client sends until it closes the connection.
pub(super) fn read_loop(mut stream: TcpStream, tx: SyncSender<Wake>) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => {
                let _ = tx.send(Wake::Eof);
                return;
            }
            Ok(n) => {
                if tx.send(Wake::Input(buf[..n].to_vec())).is_err() {
                    return;
                }
            }
        }
    }
}

pub(super) struct Conn {
    pub(super) server: Server,
    pub(super) stream: TcpStream,
    pub(super) store: Shared,
    /// A sender of our own channel, given to the store on login.
    pub(super) tx: SyncSender<Wake>,
    pub(super) rx: Receiver<Wake>,
    pub(super) peer: String,
    pub(super) verbose: bool,
    pub(super) user: Option<String>,
    pub(super) watcher: Option<u64>,
    pub(super) selected: Option<Selected>,
    /// ENABLE IMAP4rev2 was given: no RECENT, SEARCH answers with ESEARCH.
    pub(super) rev2: bool,
    /// The tag of the IDLE in progress.
    pub(super) idle: Option<Tag<'static>>,
    /// The tag of an AUTHENTICATE waiting for the client's response.
    pub(super) auth: Option<Tag<'static>>,
    pub(super) closed: bool,
    /// The TLS session, once there is one (implicit TLS, STARTTLS).
    pub(super) tls: Option<Box<rustls::ServerConnection>>,
    /// What STARTTLS starts (`None`: not offered).
    pub(super) tls_config: Option<super::tls::TlsConfig>,
    /// Whether login without TLS is allowed for this peer.
    pub(super) plain_login: bool,
}

/// The selected mailbox as this client knows it.
pub(super) struct Selected {
    pub(super) id: u64,
    pub(super) read_only: bool,
    /// By sequence number - 1.
    pub(super) view: Vec<Known>,
    /// The keywords this client was told of (FLAGS, PERMANENTFLAGS): a
    /// FETCH may show no other (imaptest: "Keyword used without being in
    /// FLAGS").
    pub(super) keywords: Vec<Flag<'static>>,
}

pub(super) struct Known {
    pub(super) uid: u32,
    pub(super) flags: Vec<Flag<'static>>,
    pub(super) modseq: u64,
    pub(super) message: Arc<Message>,
    /// `\Recent` in this session (RFC 3501 §2.3.2).
    pub(super) recent: bool,
}

impl Known {
    /// The view entry of a stored message.
    pub(super) fn new(e: &Entry, recent: bool) -> Known {
        Known {
            uid: e.uid,
            flags: e.flags.clone(),
            modseq: e.modseq,
            message: e.message.clone(),
            recent,
        }
    }

    /// The flags FETCH shows: the stored ones, and `\Recent` for an
    /// IMAP4rev1 client (IMAP4rev2 has no `\Recent`).
    pub(super) fn shown_flags(&self, rev2: bool) -> Vec<Flag<'static>> {
        let mut flags = self.flags.clone();
        if self.recent && !rev2 {
            flags.push(Flag::Recent);
        }
        flags
    }
}

/// The system flags, in FLAGS and PERMANENTFLAGS.
pub(super) const SYSTEM_FLAGS: [Flag<'static>; 5] = [
    Flag::Answered,
    Flag::Flagged,
    Flag::Deleted,
    Flag::Seen,
    Flag::Draft,
];

/// A tagged completion, before it has its tag.
pub(super) struct Reply {
    pub(super) state: State,
    pub(super) code: Option<ResponseCode<'static>>,
    pub(super) text: &'static str,
}

pub(super) fn ok(text: &'static str) -> Reply {
    Reply {
        state: State::Ok,
        code: None,
        text,
    }
}
pub(super) fn ok_code(code: ResponseCode<'static>, text: &'static str) -> Reply {
    Reply {
        state: State::Ok,
        code: Some(code),
        text,
    }
}
pub(super) fn no(code: Option<ResponseCode<'static>>, text: &'static str) -> Reply {
    Reply {
        state: State::No,
        code,
        text,
    }
}
pub(super) fn bad(text: &'static str) -> Reply {
    Reply {
        state: State::Bad,
        code: None,
        text,
    }
}

pub(super) fn text(s: &str) -> Text<'static> {
    Text::new(s.to_owned()).unwrap_or_default()
}

pub(super) fn untagged(
    condition: Condition,
    code: Option<ResponseCode<'static>>,
    s: &str,
) -> Response<'static> {
    Response::Untagged(UntaggedStatus {
        condition,
        text: RespText {
            code,
            text: text(s),
        },
    })
}

pub(super) fn nz(n: u32) -> NzNumber {
    NzNumber::new(n).unwrap_or(NzNumber::MIN)
}

/// The mailbox name as the store keys it (modified UTF-7 is ASCII).
pub(super) fn name_of(m: &Mailbox<'_>) -> Option<String> {
    let s = std::str::from_utf8(m.as_bytes()).ok()?;
    let s = s.trim_end_matches('/');
    (!s.is_empty()).then(|| s.to_owned())
}

/// A UID set, runs of consecutive UIDs written as ranges.
pub(super) fn uid_set(uids: &[u32]) -> Option<SequenceSet> {
    let mut seqs = Vec::new();
    let mut i = 0;
    while i < uids.len() {
        let mut j = i;
        while j + 1 < uids.len() && uids[j + 1] == uids[j] + 1 {
            j += 1;
        }
        let v = |n: u32| SeqNumber::Value(nz(n));
        seqs.push(if i == j {
            Sequence::Single(v(uids[i]))
        } else {
            Sequence::Range(v(uids[i]), v(uids[j]))
        });
        i = j + 1;
    }
    SequenceSet::new(seqs).ok()
}

impl Conn {
    pub(super) fn run(&mut self) {
        let greeting = untagged(
            Condition::Ok,
            Some(ResponseCode::Capability(self.capabilities())),
            "imap-proto demo server ready",
        );
        self.send(&greeting);
        self.server.handle_timeout(Instant::now());
        while !self.closed {
            self.flush();
            if self.closed || self.server.state() == ConnectionState::Logout {
                break;
            }
            let wait = self
                .server
                .poll_timeout()
                .map_or(Duration::from_secs(3600), |t| {
                    t.saturating_duration_since(Instant::now())
                });
            match self.rx.recv_timeout(wait) {
                Ok(Wake::Input(bytes)) => self.input(&bytes),
                Ok(Wake::Eof) | Err(RecvTimeoutError::Disconnected) => break,
                Ok(Wake::Changed) => {
                    if self.idle.is_some() {
                        self.sync(true);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            self.server.handle_timeout(Instant::now());
            self.events();
        }
        self.flush();
        let _ = self.stream.shutdown(Shutdown::Both);
        if let Some(id) = self.watcher {
            self.store.lock().unwatch(id);
        }
        if self.verbose {
            eprintln!("[{}] closed", self.peer);
        }
    }

    /// Answers every event the session has.
    pub(super) fn events(&mut self) {
        while !self.closed {
            let event = match self.server.poll_event() {
                None => break,
                Some(Ok(ServerEvent::Command(c))) => Ok(Event::Command(c.into_owned())),
                Some(Ok(ServerEvent::LiteralAnnounced { tag, length, .. })) => {
                    Ok(Event::Literal(tag.into_owned(), length))
                }
                Some(Ok(ServerEvent::AuthenticateData(data))) => Ok(Event::AuthData(data.0)),
                Some(Ok(ServerEvent::AuthenticateCancelled)) => Ok(Event::AuthCancelled),
                Some(Ok(ServerEvent::IdleDone)) => Ok(Event::IdleDone),
                Some(Ok(ServerEvent::AutologoutExpired)) => {
                    // `* BYE` is queued; flush it and hang up.
                    self.closed = true;
                    break;
                }
                Some(Ok(_)) => continue,
                Some(Err(e)) => Err(e),
            };
            match event {
                Ok(Event::Command(cmd)) => self.command(cmd),
                Ok(Event::Literal(tag, length)) => {
                    let limit = if self.user.is_some() {
                        MAX_APPEND
                    } else {
                        MAX_LITERAL_BEFORE_LOGIN
                    };
                    if length <= limit {
                        self.server.accept_literal();
                    } else {
                        self.server.reject_literal(
                            tag,
                            State::No,
                            Some(ResponseCode::TooBig),
                            text("Literal too large"),
                        );
                    }
                }
                Ok(Event::AuthData(data)) => {
                    if let Some(tag) = self.auth.take() {
                        let reply = self.plain(&data);
                        self.finish(tag, reply, true);
                    }
                }
                Ok(Event::AuthCancelled) => {
                    if let Some(tag) = self.auth.take() {
                        self.finish(tag, bad("AUTHENTICATE cancelled"), true);
                    }
                }
                Ok(Event::IdleDone) => {
                    if let Some(tag) = self.idle.take() {
                        self.finish(tag, ok("IDLE terminated"), true);
                    }
                }
                Err(e) => self.error(e),
            }
        }
    }

    pub(super) fn error(&mut self, e: ServerError) {
        if self.verbose {
            eprintln!("[{}] client error: {e}", self.peer);
        }
        match &e {
            ServerError::BadAuthenticateData { .. } => {
                if let Some(tag) = self.auth.take() {
                    self.finish(tag, bad("Invalid base64 in AUTHENTICATE"), true);
                }
            }
            ServerError::ExpectedDone => {
                self.send(&untagged(Condition::Bad, None, "Expected DONE"));
            }
            _ => {
                if let Some(r) = e.response() {
                    self.send(&r);
                }
            }
        }
        if e.is_fatal() {
            self.closed = true;
        }
    }

    /// Queues a response; writes the queue out when it grows large, so
    /// that a big FETCH streams instead of piling up.
    pub(super) fn send(&mut self, r: &Response<'_>) {
        if self.server.send(r).is_err() {
            self.flush();
            if self.server.send(r).is_err() {
                self.closed = true;
            }
        }
        if self.server.poll_transmit().map_or(0, <[u8]>::len) > 256 * 1024 {
            self.flush();
        }
    }

    pub(super) fn flush(&mut self) {
        while let Some(bytes) = self.server.poll_transmit() {
            let n = bytes.len();
            let written = super::tls::write(&mut self.stream, self.tls.as_deref_mut(), bytes);
            self.server.consume_transmit(n);
            if written.is_err() {
                self.closed = true;
            }
        }
    }

    /// Sends the tagged completion, after bringing the selected mailbox's
    /// view up to date (`expunges`: whether EXPUNGE responses may be sent
    /// now, RFC 9051 §7.5.1).
    pub(super) fn finish(&mut self, tag: Tag<'static>, reply: Reply, expunges: bool) {
        if self.selected.is_some() && reply.state != State::Bad {
            self.sync(expunges);
        }
        let done = Response::Tagged(TaggedStatus {
            tag,
            state: reply.state,
            text: RespText {
                code: reply.code,
                text: text(reply.text),
            },
        });
        self.send(&done);
    }

    /// Sends FLAGS and PERMANENTFLAGS again if `flags` holds a keyword
    /// the client was not told of yet (RFC 9051 §7.3.5: FLAGS lists the
    /// flags in use; a FETCH showing another one confuses clients).
    pub(super) fn announce(&mut self, flags: &[Flag<'static>]) {
        let Some(sel) = self.selected.as_mut() else {
            return;
        };
        let mut new = false;
        for f in flags {
            if is_keyword(f) && !sel.keywords.contains(f) {
                sel.keywords.push(f.clone());
                new = true;
            }
        }
        if new {
            let (keywords, read_only) = (sel.keywords.clone(), sel.read_only);
            self.send_flags(&keywords, read_only);
        }
    }

    /// The untagged FLAGS and `OK [PERMANENTFLAGS]` of a mailbox whose
    /// keywords are `keywords`.
    pub(super) fn send_flags(&mut self, keywords: &[Flag<'static>], read_only: bool) {
        let mut flags = SYSTEM_FLAGS.to_vec();
        flags.extend(keywords.iter().cloned());
        let mut perm: Vec<FlagPerm<'static>> = Vec::new();
        if !read_only {
            perm = flags.iter().cloned().map(FlagPerm::Flag).collect();
            perm.push(FlagPerm::Any);
        }
        self.send(&Response::Data(Data::Flags(flags)));
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::PermanentFlags(perm)),
            "Flags permitted",
        ));
    }

    /// Sends the FETCH of view entry `index`, announcing its keywords
    /// first.
    pub(super) fn send_fetch(&mut self, index: usize, items: Vec<MessageDataItem<'static>>) {
        for item in &items {
            if let MessageDataItem::Flags(flags) = item {
                self.announce(flags);
            }
        }
        self.send(&Response::Data(Data::Fetch {
            seq: nz(index as u32 + 1),
            items,
        }));
    }

    pub(super) fn command(&mut self, cmd: Command<'static>) {
        let Command { tag, body } = cmd;
        if self.verbose {
            let mut line = format!("{body:?}");
            if line.len() > 120 {
                let mut cut = 117;
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                line.truncate(cut);
                line.push_str("...");
            }
            eprintln!("[{}] {tag} {line}", self.peer);
        }
        if !self.server.allows(&body) {
            return self.finish(tag, bad("Command not allowed in this state"), false);
        }
        // RFC 9051 §7.5.1: no EXPUNGE during FETCH, STORE or SEARCH by
        // sequence number (nor COPY, whose numbers the client may reuse).
        let expunges = !matches!(
            body,
            CommandBody::Fetch { uid: false, .. }
                | CommandBody::Store { uid: false, .. }
                | CommandBody::Search { uid: false, .. }
                | CommandBody::Copy { uid: false, .. }
        );
        use CommandBody as C;
        let reply = match body {
            C::Capability => {
                let caps = self.capabilities();
                self.send(&Response::Data(Data::Capability(caps)));
                ok("CAPABILITY completed")
            }
            C::Noop => ok("NOOP completed"),
            C::Check => ok("CHECK completed"),
            C::Logout => {
                // Nothing about the mailbox after the BYE: the client is
                // in the Logout state (imaptest: "seq too high").
                self.selected = None;
                self.send(&untagged(Condition::Bye, None, "Logging out"));
                ok("LOGOUT completed")
            }
            C::Id(_) => {
                let params = vec![
                    (
                        IString::from("name"),
                        Some(IString::from("imap-proto demo server")),
                    ),
                    (
                        IString::from("version"),
                        Some(IString::from(env!("CARGO_PKG_VERSION"))),
                    ),
                ];
                self.send(&Response::Data(Data::Id(Some(params))));
                ok("ID completed")
            }
            C::Login { .. } | C::Authenticate { .. } if !self.login_allowed() => {
                Conn::privacy_required()
            }
            C::StartTls => return self.starttls(tag),
            C::Login { username, password } => {
                let user = self
                    .store
                    .lock()
                    .login(username.as_bytes(), password.expose().as_bytes());
                self.logged_in(user)
            }
            C::Authenticate {
                mechanism,
                initial_response,
            } => {
                if !mechanism.as_str().eq_ignore_ascii_case("PLAIN") {
                    no(None, "Unsupported authentication mechanism")
                } else if let Some(ir) = initial_response {
                    self.plain(&ir.0)
                } else {
                    // An empty challenge; the answer comes as AuthenticateData.
                    self.auth = Some(tag);
                    self.send(&Response::Continue(ContinueRequest::base64(b"")));
                    return;
                }
            }
            C::Enable(caps) => {
                let mut enabled = Vec::new();
                for c in caps {
                    if c == Capability::Imap4Rev2 && !self.rev2 {
                        self.rev2 = true;
                        enabled.push(c);
                    }
                }
                self.send(&Response::Data(Data::Enabled(enabled)));
                ok("ENABLE completed")
            }
            C::Namespace => {
                let personal = NamespaceDescr {
                    prefix: IString::from(""),
                    delimiter: Delimiter::new('/').ok(),
                    extensions: Vec::new(),
                };
                self.send(&Response::Data(Data::Namespace {
                    personal: Some(vec![personal]),
                    other_users: None,
                    shared: None,
                }));
                ok("NAMESPACE completed")
            }
            C::Select { mailbox, params } | C::Examine { mailbox, params }
                if !params.is_empty() =>
            {
                let _ = (mailbox, params);
                self.selected = None;
                bad("SELECT parameters are not supported")
            }
            C::Select { mailbox, .. } => self.select(&mailbox, false),
            C::Examine { mailbox, .. } => self.select(&mailbox, true),
            C::Create { mailbox, .. } => self.create(&mailbox),
            C::Delete(mailbox) => self.delete(&mailbox),
            C::Rename { from, to, .. } => self.rename(&from, &to),
            C::Subscribe(mailbox) => self.subscribe(&mailbox, true),
            C::Unsubscribe(mailbox) => self.subscribe(&mailbox, false),
            C::List {
                selection,
                reference,
                patterns,
                returns,
            } => self.list(
                &selection.unwrap_or_default(),
                &reference,
                &patterns,
                &returns.unwrap_or_default(),
            ),
            C::Lsub { reference, pattern } => self.lsub(&reference, &pattern),
            C::Status { mailbox, items } => self.status(&mailbox, &items),
            C::Append { mailbox, messages } => self.append(&mailbox, messages),
            C::Idle => {
                self.idle = Some(tag);
                self.send(&Response::Continue(ContinueRequest::text(text("idling"))));
                self.sync(true);
                return;
            }
            C::Close => {
                if let Some(sel) = self.selected.take() {
                    if !sel.read_only {
                        // CLOSE expunges silently (RFC 9051 §6.4.1).
                        self.expunge_store(sel.id, None);
                    }
                }
                ok("CLOSE completed")
            }
            C::Unselect => {
                self.selected = None;
                ok("UNSELECT completed")
            }
            C::Expunge => self.expunge(None),
            C::UidExpunge(set) => self.expunge(Some(&set)),
            C::Copy { uid, set, mailbox } => self.copy(uid, &set, &mailbox, false),
            C::Move { uid, set, mailbox } => self.copy(uid, &set, &mailbox, true),
            C::Fetch { uid, args } => self.fetch(uid, &args),
            C::Store {
                uid,
                set,
                modifiers,
                action,
                silent,
                flags,
            } => self.store(uid, &set, &modifiers, action, silent, flags),
            C::Search { uid, args } => self.search(&tag, uid, &args),
            _ => bad("Command not supported by this server"),
        };
        self.finish(tag, reply, expunges);
    }

    pub(super) fn user(&self) -> &str {
        self.user.as_deref().unwrap_or("")
    }
}

enum Event {
    Command(Command<'static>),
    Literal(Tag<'static>, u64),
    AuthData(Vec<u8>),
    AuthCancelled,
    IdleDone,
}
