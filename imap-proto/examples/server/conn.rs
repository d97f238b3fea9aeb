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

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use imap_proto::server::{Server, ServerConfig, ServerError, ServerEvent};
use imap_proto::types::{
    AString, AppendData, Atom, BodyStructure, Capability, Command, CommandBody, Condition,
    ConnectionState, ContinueRequest, Data, Date, DateTime, Delimiter, ESearchResponse,
    ESearchReturnData, FetchArgs, FetchAttribute, Flag, FlagPerm, IString, ListReturnOption,
    ListSelectOption, Mailbox, MailboxAttribute, MailboxList, MessageDataItem, MultiPart,
    NamespaceDescr, NzNumber, PartKind, RespText, Response, ResponseCode, SearchArgs,
    SearchReturnOption, SeqNumber, Sequence, SequenceSet, SinglePart, State, StatusAttribute,
    StatusItem, StoreAction, StoreModifier, Tag, TaggedStatus, Text, UntaggedStatus,
};

use super::mime::{self, Message};
use super::search::{self, Candidate};
use super::store::{Mailbox as StoredMailbox, Shared, Wake};

/// Largest APPEND accepted after login; before it, literals are for
/// LOGIN only and 4 KiB is plenty.
const MAX_APPEND: u64 = 32 * 1024 * 1024;
const MAX_LITERAL_BEFORE_LOGIN: u64 = 4096;

/// What the server advertises (greeting, CAPABILITY, LOGIN's OK).
pub fn capabilities() -> Vec<Capability<'static>> {
    use Capability as C;
    let mut caps = vec![C::Imap4Rev1, C::Imap4Rev2, C::LiteralPlus, C::SaslIr];
    if let Ok(plain) = Atom::new("PLAIN") {
        caps.push(C::Auth(plain));
    }
    caps.extend([
        C::Enable,
        C::Id,
        C::Idle,
        C::Namespace,
        C::Unselect,
        C::UidPlus,
        C::Move,
        C::SpecialUse,
        C::Children,
        C::ESearch,
        C::StatusSize,
    ]);
    caps
}

/// Serves one client until it logs out, disconnects or is logged out.
pub fn serve(stream: TcpStream, store: Shared, verbose: bool) {
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
    };
    conn.run();
}

/// Forwards what the client sends until it closes the connection.
fn read_loop(mut stream: TcpStream, tx: SyncSender<Wake>) {
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

struct Conn {
    server: Server,
    stream: TcpStream,
    store: Shared,
    /// A sender of our own channel, given to the store on login.
    tx: SyncSender<Wake>,
    rx: Receiver<Wake>,
    peer: String,
    verbose: bool,
    user: Option<String>,
    watcher: Option<u64>,
    selected: Option<Selected>,
    /// ENABLE IMAP4rev2 was given: no RECENT, SEARCH answers with ESEARCH.
    rev2: bool,
    /// The tag of the IDLE in progress.
    idle: Option<Tag<'static>>,
    /// The tag of an AUTHENTICATE waiting for the client's response.
    auth: Option<Tag<'static>>,
    closed: bool,
}

/// The selected mailbox as this client knows it.
struct Selected {
    id: u64,
    read_only: bool,
    /// By sequence number - 1.
    view: Vec<Known>,
}

struct Known {
    uid: u32,
    flags: Vec<Flag<'static>>,
    modseq: u64,
    message: Arc<Message>,
}

/// A tagged completion, before it has its tag.
struct Reply {
    state: State,
    code: Option<ResponseCode<'static>>,
    text: &'static str,
}

fn ok(text: &'static str) -> Reply {
    Reply {
        state: State::Ok,
        code: None,
        text,
    }
}
fn ok_code(code: ResponseCode<'static>, text: &'static str) -> Reply {
    Reply {
        state: State::Ok,
        code: Some(code),
        text,
    }
}
fn no(code: Option<ResponseCode<'static>>, text: &'static str) -> Reply {
    Reply {
        state: State::No,
        code,
        text,
    }
}
fn bad(text: &'static str) -> Reply {
    Reply {
        state: State::Bad,
        code: None,
        text,
    }
}

fn text(s: &str) -> Text<'static> {
    Text::new(s.to_owned()).unwrap_or_default()
}

fn untagged(
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

fn nz(n: u32) -> NzNumber {
    NzNumber::new(n).unwrap_or(NzNumber::MIN)
}

/// The mailbox name as the store keys it (modified UTF-7 is ASCII).
fn name_of(m: &Mailbox<'_>) -> Option<String> {
    let s = std::str::from_utf8(m.as_bytes()).ok()?;
    let s = s.trim_end_matches('/');
    (!s.is_empty()).then(|| s.to_owned())
}

/// A UID set, runs of consecutive UIDs written as ranges.
fn uid_set(uids: &[u32]) -> Option<SequenceSet> {
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

/// BODY is BODYSTRUCTURE without extension data, at every level.
fn without_extensions(b: &BodyStructure<'static>) -> BodyStructure<'static> {
    match b {
        BodyStructure::Single(s) => {
            let kind = match &s.kind {
                PartKind::Message {
                    subtype,
                    envelope,
                    body,
                    lines,
                } => PartKind::Message {
                    subtype: *subtype,
                    envelope: envelope.clone(),
                    body: Box::new(without_extensions(body)),
                    lines: *lines,
                },
                other => other.clone(),
            };
            BodyStructure::Single(SinglePart {
                kind,
                fields: s.fields.clone(),
                extension: None,
            })
        }
        BodyStructure::Multi(m) => {
            let parts = m.bodies().iter().map(without_extensions).collect();
            match MultiPart::new(parts, m.subtype.clone()) {
                Ok(m) => BodyStructure::Multi(m),
                Err(_) => b.clone(),
            }
        }
    }
}

/// The current time as an IMAP date-time, in UTC.
pub fn now() -> DateTime {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    Date::new(y as u16, m as u8, d as u8)
        .and_then(|date| {
            DateTime::new(
                date,
                (t / 3600) as u8,
                (t / 60 % 60) as u8,
                (t % 60) as u8,
                0,
            )
        })
        .unwrap_or_else(|_| {
            let epoch = Date::new(1970, 1, 1).expect("a valid date");
            DateTime::new(epoch, 0, 0, 0, 0).expect("a valid time")
        })
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl Conn {
    fn run(&mut self) {
        let greeting = untagged(
            Condition::Ok,
            Some(ResponseCode::Capability(capabilities())),
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
                Ok(Wake::Input(bytes)) => self.server.handle_input(&bytes),
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
    fn events(&mut self) {
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

    fn error(&mut self, e: ServerError) {
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
    fn send(&mut self, r: &Response<'_>) {
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

    fn flush(&mut self) {
        while let Some(bytes) = self.server.poll_transmit() {
            let n = bytes.len();
            let written = self.stream.write_all(bytes);
            self.server.consume_transmit(n);
            if written.is_err() {
                self.closed = true;
            }
        }
    }

    /// Sends the tagged completion, after bringing the selected mailbox's
    /// view up to date (`expunges`: whether EXPUNGE responses may be sent
    /// now, RFC 9051 §7.5.1).
    fn finish(&mut self, tag: Tag<'static>, reply: Reply, expunges: bool) {
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

    fn command(&mut self, cmd: Command<'static>) {
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
                self.send(&Response::Data(Data::Capability(capabilities())));
                ok("CAPABILITY completed")
            }
            C::Noop => ok("NOOP completed"),
            C::Check => ok("CHECK completed"),
            C::Logout => {
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
                false,
            ),
            C::Lsub { reference, pattern } => self.list(&[], &reference, &[pattern], &[], true),
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

    fn logged_in(&mut self, user: Option<String>) -> Reply {
        match user {
            Some(user) => {
                let id = self.store.lock().watch(&user, self.tx.clone());
                self.watcher = Some(id);
                self.user = Some(user);
                ok_code(ResponseCode::Capability(capabilities()), "Logged in")
            }
            None => no(
                Some(ResponseCode::AuthenticationFailed),
                "Invalid credentials",
            ),
        }
    }

    /// SASL PLAIN (RFC 4616): `authzid NUL authcid NUL passwd`.
    fn plain(&mut self, data: &[u8]) -> Reply {
        let mut parts = data.split(|&b| b == 0);
        let (Some(authz), Some(user), Some(pass), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return bad("Malformed PLAIN response");
        };
        if !authz.is_empty() && authz != user {
            return no(
                Some(ResponseCode::AuthorizationFailed),
                "Cannot act as another user",
            );
        }
        let user = self.store.lock().login(user, pass);
        self.logged_in(user)
    }

    fn user(&self) -> &str {
        self.user.as_deref().unwrap_or("")
    }

    fn select(&mut self, mailbox: &Mailbox<'_>, read_only: bool) -> Reply {
        if self.selected.take().is_some() {
            self.send(&untagged(
                Condition::Ok,
                Some(ResponseCode::Closed),
                "Previous mailbox closed",
            ));
        }
        let store = self.store.clone();
        let mut store = store.lock();
        let found = name_of(mailbox)
            .and_then(|n| store.account(self.user()).and_then(|a| a.mailboxes.get(&n)));
        let Some(mb) = found else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let view: Vec<Known> = mb
            .messages
            .iter()
            .map(|e| Known {
                uid: e.uid,
                flags: e.flags.clone(),
                modseq: e.modseq,
                message: e.message.clone(),
            })
            .collect();
        let (validity, next, id) = (mb.uid_validity, mb.uid_next, mb.id);
        let first_unseen = view.iter().position(|k| !k.flags.contains(&Flag::Seen));
        drop(store);

        let flags = [
            Flag::Answered,
            Flag::Flagged,
            Flag::Deleted,
            Flag::Seen,
            Flag::Draft,
        ];
        self.send(&Response::Data(Data::Flags(flags.to_vec())));
        self.send(&Response::Data(Data::Exists(view.len() as u32)));
        if !self.rev2 {
            self.send(&Response::Data(Data::Recent(0)));
            if let Some(i) = first_unseen {
                self.send(&untagged(
                    Condition::Ok,
                    Some(ResponseCode::Unseen(nz(i as u32 + 1))),
                    "First unseen",
                ));
            }
        }
        let mut perm: Vec<FlagPerm<'static>> = flags.into_iter().map(FlagPerm::Flag).collect();
        perm.push(FlagPerm::Any);
        if read_only {
            perm.clear();
        }
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::PermanentFlags(perm)),
            "Flags permitted",
        ));
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::UidValidity(nz(validity))),
            "UIDs valid",
        ));
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::UidNext(nz(next))),
            "Predicted next UID",
        ));
        self.selected = Some(Selected {
            id,
            read_only,
            view,
        });
        if read_only {
            ok_code(ResponseCode::ReadOnly, "EXAMINE completed")
        } else {
            ok_code(ResponseCode::ReadWrite, "SELECT completed")
        }
    }

    fn create(&mut self, mailbox: &Mailbox<'_>) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::Cannot), "Invalid mailbox name");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if name.split('/').any(str::is_empty) || !a.create(&name, None) {
            return no(Some(ResponseCode::AlreadyExists), "Mailbox exists");
        }
        a.notify();
        ok("CREATE completed")
    }

    fn delete(&mut self, mailbox: &Mailbox<'_>) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if name == "INBOX" {
            return no(Some(ResponseCode::Cannot), "INBOX cannot be deleted");
        }
        if !a.mailboxes.contains_key(&name) {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        }
        if a.has_children(&name) {
            return no(Some(ResponseCode::HasChildren), "Mailbox has children");
        }
        a.mailboxes.remove(&name);
        a.notify();
        ok("DELETE completed")
    }

    fn rename(&mut self, from: &Mailbox<'_>, to: &Mailbox<'_>) -> Reply {
        let (Some(from), Some(to)) = (name_of(from), name_of(to)) else {
            return no(Some(ResponseCode::Cannot), "Invalid mailbox name");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if !a.mailboxes.contains_key(&from) {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        }
        if a.mailboxes.contains_key(&to) || to.split('/').any(str::is_empty) {
            return no(Some(ResponseCode::AlreadyExists), "Target exists");
        }
        if to.starts_with(&format!("{from}/")) {
            return no(
                Some(ResponseCode::Cannot),
                "Cannot move a mailbox into itself",
            );
        }
        a.rename(&from, &to);
        a.notify();
        ok("RENAME completed")
    }

    fn subscribe(&mut self, mailbox: &Mailbox<'_>, on: bool) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::NonExistent), "Invalid mailbox name");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if on {
            if !a.mailboxes.contains_key(&name) {
                return no(Some(ResponseCode::NonExistent), "No such mailbox");
            }
            a.subscribed.insert(name);
            ok("SUBSCRIBE completed")
        } else {
            a.subscribed.remove(&name);
            ok("UNSUBSCRIBE completed")
        }
    }

    /// LIST (with the RFC 5258 / RFC 9051 selection and return options
    /// SUBSCRIBED, SPECIAL-USE, CHILDREN and STATUS) and LSUB.
    fn list(
        &mut self,
        selection: &[ListSelectOption<'_>],
        reference: &Mailbox<'_>,
        patterns: &[imap_proto::types::ListMailbox<'_>],
        returns: &[ListReturnOption<'_>],
        lsub: bool,
    ) -> Reply {
        let delimiter = Delimiter::new('/').ok();
        if !lsub && patterns.iter().all(|p| p.as_bytes().is_empty()) {
            // `LIST "" ""`: the hierarchy delimiter and the root.
            self.send(&Response::Data(Data::List(MailboxList {
                attributes: vec![MailboxAttribute::NoSelect],
                delimiter,
                mailbox: Mailbox::new(&b""[..]),
                extended: Vec::new(),
            })));
            return ok("LIST completed");
        }
        let only_subscribed = lsub || selection.contains(&ListSelectOption::Subscribed);
        let only_special = selection.contains(&ListSelectOption::SpecialUse);
        let show_subscribed = returns.contains(&ListReturnOption::Subscribed)
            || selection.contains(&ListSelectOption::Subscribed);
        let status_items = returns.iter().find_map(|r| match r {
            ListReturnOption::Status(items) => Some(items.clone()),
            _ => None,
        });
        let reference = reference.as_bytes();
        let full: Vec<Vec<u8>> = patterns
            .iter()
            .map(|p| [reference, p.as_bytes()].concat())
            .collect();

        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        let mut out = Vec::new();
        let mut listed = Vec::new();
        for (name, mb) in &a.mailboxes {
            let hit = full.iter().any(|p| {
                wildcard(p, name.as_bytes())
                    || (name == "INBOX" && wildcard(&p.to_ascii_uppercase(), b"INBOX"))
            });
            let subscribed = a.subscribed.contains(name);
            if !hit || (only_subscribed && !subscribed) || (only_special && mb.special.is_none()) {
                continue;
            }
            let mut attributes = Vec::new();
            if !lsub {
                attributes.push(if a.has_children(name) {
                    MailboxAttribute::HasChildren
                } else {
                    MailboxAttribute::HasNoChildren
                });
                if let Some(s) = &mb.special {
                    attributes.push(s.clone());
                }
                if show_subscribed && subscribed {
                    attributes.push(MailboxAttribute::Subscribed);
                }
            }
            let entry = MailboxList {
                attributes,
                delimiter,
                mailbox: Mailbox::new(name.as_bytes().to_vec()),
                extended: Vec::new(),
            };
            out.push(Response::Data(if lsub {
                Data::Lsub(entry)
            } else {
                Data::List(entry)
            }));
            if let Some(items) = &status_items {
                if let Ok(items) = status_of(mb, items) {
                    out.push(Response::Data(Data::Status {
                        mailbox: Mailbox::new(name.as_bytes().to_vec()),
                        items,
                    }));
                }
            }
            listed.push(name.clone());
        }
        drop(store);
        for r in &out {
            self.send(r);
        }
        ok(if lsub {
            "LSUB completed"
        } else {
            "LIST completed"
        })
    }

    fn status(&mut self, mailbox: &Mailbox<'_>, items: &[StatusAttribute]) -> Reply {
        let store = self.store.clone();
        let mut store = store.lock();
        let found = name_of(mailbox)
            .and_then(|n| store.account(self.user()).and_then(|a| a.mailboxes.get(&n)));
        let Some(mb) = found else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let Ok(items) = status_of(mb, items) else {
            return bad("STATUS item not supported");
        };
        drop(store);
        self.send(&Response::Data(Data::Status {
            mailbox: mailbox.clone().into_owned(),
            items,
        }));
        ok("STATUS completed")
    }

    fn append(
        &mut self,
        mailbox: &Mailbox<'_>,
        messages: imap_proto::types::NonEmpty<imap_proto::types::AppendMessage<'_>>,
    ) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        // Parse the messages before taking the lock.
        let mut parsed = Vec::new();
        for m in messages {
            let data = match m.data {
                AppendData::Literal(l) => l.data.into_owned(),
                AppendData::Utf8 { data, .. } => data.into_owned(),
                AppendData::Catenate(_) => return bad("CATENATE is not supported"),
            };
            let flags: Vec<Flag<'static>> = m
                .flags
                .unwrap_or_default()
                .into_iter()
                .filter(|f| *f != Flag::Recent)
                .map(Flag::into_owned)
                .collect();
            let date = m.date.unwrap_or_else(now);
            parsed.push((Arc::new(Message::new(data, date)), flags));
        }
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        let Some(validity) = a.mailboxes.get(&name).map(|m| m.uid_validity) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        let mut uids = Vec::new();
        for (message, flags) in parsed {
            uids.extend(a.append(&name, message, flags));
        }
        a.notify();
        match uid_set(&uids) {
            Some(uids) => ok_code(
                ResponseCode::AppendUid {
                    uid_validity: nz(validity),
                    uids,
                },
                "APPEND completed",
            ),
            None => ok("APPEND completed"),
        }
    }

    /// Brings the view of the selected mailbox up to date with the store
    /// and tells the client: EXPUNGE (if allowed now), FETCH FLAGS for
    /// flags others changed, EXISTS for new messages.
    fn sync(&mut self, expunges: bool) {
        let store = self.store.clone();
        let mut store = store.lock();
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = self.selected.as_mut() else {
            return;
        };
        let mb = store.account(&user).and_then(|a| a.mailbox(sel.id));
        let mut out = Vec::new();
        if expunges {
            for i in (0..sel.view.len()).rev() {
                let uid = sel.view[i].uid;
                if mb.is_none_or(|m| m.get(uid).is_none()) {
                    sel.view.remove(i);
                    out.push(Data::Expunge(nz(i as u32 + 1)));
                }
            }
        }
        if let Some(mb) = mb {
            for (i, known) in sel.view.iter_mut().enumerate() {
                if let Some(e) = mb.get(known.uid) {
                    if e.modseq > known.modseq {
                        known.flags = e.flags.clone();
                        known.modseq = e.modseq;
                        out.push(Data::Fetch {
                            seq: nz(i as u32 + 1),
                            items: vec![
                                MessageDataItem::Uid(nz(known.uid)),
                                MessageDataItem::Flags(known.flags.clone()),
                            ],
                        });
                    }
                }
            }
            let last = sel.view.last().map_or(0, |k| k.uid);
            let before = sel.view.len();
            sel.view
                .extend(mb.messages.iter().filter(|e| e.uid > last).map(|e| Known {
                    uid: e.uid,
                    flags: e.flags.clone(),
                    modseq: e.modseq,
                    message: e.message.clone(),
                }));
            if sel.view.len() != before {
                out.push(Data::Exists(sel.view.len() as u32));
            }
        }
        drop(store);
        for d in out {
            self.send(&Response::Data(d));
        }
    }

    /// The view indexes a sequence set names. Sequence numbers must exist
    /// (BAD otherwise); UIDs that do not are left out (RFC 9051 §6.4.8).
    fn resolve(&self, set: &SequenceSet, uid: bool) -> Result<Vec<usize>, &'static str> {
        let Some(sel) = &self.selected else {
            return Err("No mailbox selected");
        };
        let SequenceSet::Set(seqs) = set else {
            return Err("$ is not supported (no SEARCHRES)");
        };
        if uid {
            let max = sel.view.last().map_or(0, |k| k.uid);
            return Ok((0..sel.view.len())
                .filter(|&i| search::contains(set, sel.view[i].uid, max))
                .collect());
        }
        let n = sel.view.len() as u32;
        let valid = |s: &SeqNumber| match s {
            SeqNumber::Value(v) => v.get() <= n,
            SeqNumber::Largest => n > 0,
        };
        let all_valid = seqs.iter().all(|s| match s {
            Sequence::Single(a) => valid(a),
            Sequence::Range(a, b) => valid(a) && valid(b),
        });
        if !all_valid {
            return Err("Invalid message sequence number");
        }
        Ok((0..n as usize)
            .filter(|&i| search::contains(set, i as u32 + 1, n))
            .collect())
    }

    fn fetch(&mut self, uid: bool, args: &FetchArgs<'_>) -> Reply {
        let indexes = match self.resolve(&args.sequence_set, uid) {
            Ok(i) => i,
            Err(e) => return bad(e),
        };
        if !args.modifiers.is_empty() {
            return bad("FETCH modifiers are not supported");
        }
        let mut attrs: Vec<FetchAttribute<'_>> = args.attributes.expand().into_owned();
        if uid && !attrs.contains(&FetchAttribute::Uid) {
            attrs.insert(0, FetchAttribute::Uid);
        }
        use FetchAttribute as A;
        let supported = attrs.iter().all(|a| {
            matches!(
                a,
                A::Envelope
                    | A::Flags
                    | A::InternalDate
                    | A::Rfc822
                    | A::Rfc822Header
                    | A::Rfc822Size
                    | A::Rfc822Text
                    | A::Body
                    | A::BodyStructure
                    | A::Uid
                    | A::BodySection { .. }
            )
        });
        if !supported {
            return bad("FETCH item not supported");
        }
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        let (id, read_only) = (sel.id, sel.read_only);
        let sets_seen = !read_only
            && attrs.iter().any(|a| {
                matches!(
                    a,
                    A::Rfc822 | A::Rfc822Text | A::BodySection { peek: false, .. }
                )
            });
        for i in indexes {
            let mut flags_changed = false;
            if sets_seen {
                flags_changed = self.add_seen(id, i);
            }
            let Some(known) = self.selected.as_ref().and_then(|s| s.view.get(i)) else {
                continue;
            };
            let m = &known.message;
            let mut items = Vec::with_capacity(attrs.len() + 1);
            for a in &attrs {
                items.push(match a {
                    A::Uid => MessageDataItem::Uid(nz(known.uid)),
                    A::Flags => MessageDataItem::Flags(known.flags.clone()),
                    A::InternalDate => MessageDataItem::InternalDate(m.internal_date),
                    A::Rfc822Size => MessageDataItem::Rfc822Size(m.size()),
                    A::Envelope => MessageDataItem::Envelope(Box::new(m.envelope.clone())),
                    A::BodyStructure => MessageDataItem::BodyStructure(Box::new(m.body.clone())),
                    A::Body => MessageDataItem::Body(Box::new(without_extensions(&m.body))),
                    A::Rfc822 => MessageDataItem::Rfc822(Some(IString::from(m.raw.clone()))),
                    A::Rfc822Header => {
                        MessageDataItem::Rfc822Header(Some(IString::from(m.header().to_vec())))
                    }
                    A::Rfc822Text => MessageDataItem::Rfc822Text(Some(IString::from(
                        m.raw[m.root.body.clone()].to_vec(),
                    ))),
                    A::BodySection {
                        section, partial, ..
                    } => {
                        let data = m.section(section).map(|mut bytes| {
                            if let Some(p) = partial {
                                let len = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                                let start = len(p.origin.get()).min(bytes.len());
                                let end =
                                    start.saturating_add(len(p.length.get())).min(bytes.len());
                                bytes = bytes[start..end].to_vec();
                            }
                            IString::from(bytes)
                        });
                        MessageDataItem::BodySection {
                            section: section.clone().into_owned(),
                            origin: partial.map(|p| p.origin),
                            data,
                        }
                    }
                    _ => continue,
                });
            }
            if flags_changed && !attrs.contains(&A::Flags) {
                items.push(MessageDataItem::Flags(known.flags.clone()));
            }
            let r = Response::Data(Data::Fetch {
                seq: nz(i as u32 + 1),
                items,
            });
            self.send(&r);
        }
        ok("FETCH completed")
    }

    /// Sets `\Seen` on view entry `i` (a non-PEEK body fetch); whether it
    /// changed.
    fn add_seen(&mut self, id: u64, i: usize) -> bool {
        let user = self.user.clone().unwrap_or_default();
        let Some(known) = self.selected.as_mut().and_then(|s| s.view.get_mut(i)) else {
            return false;
        };
        if known.flags.contains(&Flag::Seen) {
            return false;
        }
        let mut flags = known.flags.clone();
        flags.push(Flag::Seen);
        let mut store = self.store.lock();
        let Some(a) = store.account(&user) else {
            return false;
        };
        let Some(modseq) = a.set_flags(id, known.uid, flags.clone()) else {
            return false;
        };
        a.notify();
        known.flags = flags;
        known.modseq = modseq;
        true
    }

    fn store(
        &mut self,
        uid: bool,
        set: &SequenceSet,
        modifiers: &[StoreModifier<'_>],
        action: StoreAction,
        silent: bool,
        flags: Vec<Flag<'_>>,
    ) -> Reply {
        if !modifiers.is_empty() {
            return bad("STORE modifiers are not supported");
        }
        let indexes = match self.resolve(set, uid) {
            Ok(i) => i,
            Err(e) => return bad(e),
        };
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = self.selected.as_mut() else {
            return bad("No mailbox selected");
        };
        if sel.read_only {
            return no(None, "Mailbox is read-only");
        }
        let given: Vec<Flag<'static>> = flags
            .into_iter()
            .filter(|f| *f != Flag::Recent)
            .map(Flag::into_owned)
            .collect();
        let mut out = Vec::new();
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(&user) else {
            return no(None, "No account");
        };
        let mut changed = false;
        for i in indexes {
            let known = &mut sel.view[i];
            let mut new = known.flags.clone();
            match action {
                StoreAction::Replace => new = given.clone(),
                StoreAction::Add => {
                    for f in &given {
                        if !new.contains(f) {
                            new.push(f.clone());
                        }
                    }
                }
                StoreAction::Remove => new.retain(|f| !given.contains(f)),
            }
            if let Some(modseq) = a.set_flags(sel.id, known.uid, new.clone()) {
                known.flags = new;
                known.modseq = modseq;
                changed = true;
            }
            if !silent {
                let mut items = vec![MessageDataItem::Flags(known.flags.clone())];
                if uid {
                    items.push(MessageDataItem::Uid(nz(known.uid)));
                }
                out.push(Response::Data(Data::Fetch {
                    seq: nz(i as u32 + 1),
                    items,
                }));
            }
        }
        if changed {
            a.notify();
        }
        drop(store);
        for r in &out {
            self.send(r);
        }
        ok("STORE completed")
    }

    /// Removes `\Deleted` messages of mailbox `id` (only those of `uids`,
    /// for UID EXPUNGE) from the store.
    fn expunge_store(&mut self, id: u64, uids: Option<&SequenceSet>) {
        let user = self.user.clone().unwrap_or_default();
        let mut store = self.store.lock();
        let Some(a) = store.account(&user) else {
            return;
        };
        let max = a
            .mailbox(id)
            .and_then(|m| m.messages.last())
            .map_or(0, |e| e.uid);
        let n = a.expunge(id, |e| {
            e.flags.contains(&Flag::Deleted) && uids.is_none_or(|s| search::contains(s, e.uid, max))
        });
        if n > 0 {
            a.notify();
        }
    }

    fn expunge(&mut self, uids: Option<&SequenceSet>) -> Reply {
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        if sel.read_only {
            return no(None, "Mailbox is read-only");
        }
        // The EXPUNGE responses come from the view update in `finish`.
        self.expunge_store(sel.id, uids);
        ok("EXPUNGE completed")
    }

    fn copy(&mut self, uid: bool, set: &SequenceSet, target: &Mailbox<'_>, is_move: bool) -> Reply {
        let indexes = match self.resolve(set, uid) {
            Ok(i) => i,
            Err(e) => return bad(e),
        };
        let Some(target) = name_of(target) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        if is_move && sel.read_only {
            return no(None, "Mailbox is read-only");
        }
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(&user) else {
            return no(None, "No account");
        };
        let Some(validity) = a.mailboxes.get(&target).map(|m| m.uid_validity) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        let (mut source, mut dest) = (Vec::new(), Vec::new());
        for i in indexes {
            let known = &sel.view[i];
            // A message another client expunged is not copied.
            let Some(flags) = a
                .mailbox(sel.id)
                .and_then(|m| m.get(known.uid))
                .map(|e| e.flags.clone())
            else {
                continue;
            };
            if let Some(new) = a.append(&target, known.message.clone(), flags) {
                source.push(known.uid);
                dest.push(new);
            }
        }
        if is_move {
            a.expunge(sel.id, |e| source.contains(&e.uid));
        }
        a.notify();
        drop(store);
        let code = match (uid_set(&source), uid_set(&dest)) {
            (Some(source), Some(destination)) => Some(ResponseCode::CopyUid {
                uid_validity: nz(validity),
                source,
                destination,
            }),
            _ => None,
        };
        match (is_move, code) {
            // MOVE: COPYUID in an untagged OK before the EXPUNGEs (RFC 6851 §4.3).
            (true, Some(code)) => {
                self.send(&untagged(Condition::Ok, Some(code), "Moved"));
                ok("MOVE completed")
            }
            (true, None) => ok("MOVE completed"),
            (false, Some(code)) => ok_code(code, "COPY completed"),
            (false, None) => ok("COPY completed"),
        }
    }

    fn search(&mut self, tag: &Tag<'_>, uid: bool, args: &SearchArgs<'_>) -> Reply {
        if let Some(cs) = &args.charset {
            let cs = cs.as_bytes();
            if !cs.eq_ignore_ascii_case(b"US-ASCII") && !cs.eq_ignore_ascii_case(b"UTF-8") {
                return no(
                    Some(ResponseCode::BadCharset(Vec::new())),
                    "Unsupported charset",
                );
            }
        }
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        let max_seq = sel.view.len() as u32;
        let max_uid = sel.view.last().map_or(0, |k| k.uid);
        let mut hits = Vec::new();
        for (i, k) in sel.view.iter().enumerate() {
            let c = Candidate {
                seq: i as u32 + 1,
                uid: k.uid,
                flags: &k.flags,
                message: &k.message,
                max_seq,
                max_uid,
            };
            let mut all = true;
            for key in args.keys.iter() {
                match search::matches(key, &c) {
                    Ok(true) => {}
                    Ok(false) => {
                        all = false;
                        break;
                    }
                    Err(e) => return bad(e),
                }
            }
            if all {
                hits.push(if uid { k.uid } else { c.seq });
            }
        }
        let returns = match (&args.return_opts, self.rev2) {
            (Some(opts), _) if opts.is_empty() => Some(vec![SearchReturnOption::All]),
            (Some(opts), _) => Some(opts.clone()),
            (None, true) => Some(vec![SearchReturnOption::All]),
            (None, false) => None,
        };
        let Some(returns) = returns else {
            self.send(&Response::Data(Data::Search {
                numbers: hits,
                modseq: None,
            }));
            return ok("SEARCH completed");
        };
        // ESEARCH (RFC 4731, RFC 9051 §7.3.4).
        let mut data = Vec::new();
        for r in &returns {
            match r {
                SearchReturnOption::Min => {
                    data.extend(hits.first().map(|&n| ESearchReturnData::Min(nz(n))))
                }
                SearchReturnOption::Max => {
                    data.extend(hits.last().map(|&n| ESearchReturnData::Max(nz(n))))
                }
                SearchReturnOption::All => {
                    let mut sorted = hits.clone();
                    sorted.sort_unstable();
                    data.extend(uid_set(&sorted).map(ESearchReturnData::All));
                }
                SearchReturnOption::Count => data.push(ESearchReturnData::Count(hits.len() as u32)),
                _ => return bad("SEARCH return option not supported"),
            }
        }
        self.send(&Response::Data(Data::ESearch(ESearchResponse {
            tag: Some(AString::from(tag.as_str()).into_owned()),
            mailbox: None,
            uid_validity: None,
            uid,
            data,
        })));
        ok("SEARCH completed")
    }
}

enum Event {
    Command(Command<'static>),
    Literal(Tag<'static>, u64),
    AuthData(Vec<u8>),
    AuthCancelled,
    IdleDone,
}

/// STATUS values of a mailbox; `Err` for an item this server lacks.
fn status_of(
    mb: &StoredMailbox,
    items: &[StatusAttribute],
) -> Result<Vec<StatusItem<'static>>, ()> {
    items
        .iter()
        .map(|i| {
            Ok(match i {
                StatusAttribute::Messages => StatusItem::Messages(mb.messages.len() as u32),
                StatusAttribute::UidNext => StatusItem::UidNext(mb.uid_next),
                StatusAttribute::UidValidity => StatusItem::UidValidity(mb.uid_validity),
                StatusAttribute::Unseen => StatusItem::Unseen(mb.unseen()),
                StatusAttribute::Recent => StatusItem::Recent(0),
                StatusAttribute::Deleted => StatusItem::Deleted(
                    mb.messages
                        .iter()
                        .filter(|e| e.flags.contains(&Flag::Deleted))
                        .count() as u32,
                ),
                StatusAttribute::Size => StatusItem::Size(mime::number64(
                    (mb.messages.iter())
                        .map(|e| e.message.size().get())
                        .fold(0, u64::saturating_add),
                )),
                _ => return Err(()),
            })
        })
        .collect()
}

/// LIST pattern matching: `*` matches anything, `%` anything but the
/// hierarchy delimiter `/` (RFC 9051 §6.3.9).
fn wildcard(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|k| wildcard(rest, &name[k..])),
        Some((b'%', rest)) => (0..=name.len())
            .take_while(|&k| k == 0 || name[k - 1] != b'/')
            .any(|k| wildcard(rest, &name[k..])),
        Some((c, rest)) => name.first() == Some(c) && wildcard(rest, &name[1..]),
    }
}
