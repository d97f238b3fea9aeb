//! An IMAP client on std's blocking sockets, driving
//! `imap_proto::client::Client`.
//!
//! ```sh
//! cargo run --example client -- 127.0.0.1:1143 demo demo
//! cargo run --example client -- --tls --ca CA.pem 127.0.0.1:1993 demo demo
//! cargo run --example client -- --starttls --ca CA.pem 127.0.0.1:1143 demo demo
//! ```
//!
//! It logs in, lists the mailboxes, selects INBOX, fetches the envelopes of
//! the last ten messages, appends a message (a literal: `{n+}` when the
//! server has LITERAL+, else synchronizing), idles for a few seconds (run a
//! second client meanwhile to see its APPEND announced) and logs out,
//! printing what it sees. `--tls`: implicit TLS from the first byte;
//! `--starttls`: STARTTLS right after the greeting, then CAPABILITY again
//! (rustls, ring provider). `--ca FILE`: the PEM certificates to trust
//! (default: the system's /etc/ssl/certs/ca-certificates.crt).
//!
//! The pattern, for any command: `client.send(body)` queues it and gives
//! its tag; write out `poll_transmit()`; feed what the socket gives to
//! `handle_input` and take `poll_event()`s until the `Completed` event for
//! that tag. Between the two, write again: after a synchronizing literal
//! the rest of the command is released only when the server's `+` came.

use std::error::Error;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::types::{
    AString, AppendData, AppendMessage, CommandBody, Data, FetchArgs, FetchAttribute,
    FetchAttributes, Flag, ListMailbox, Literal, Mailbox, MessageDataItem, NString, NonEmpty,
    Response, Secret, SeqNumber, SequenceSet, State, TaggedStatus,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// How the connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Security {
    /// Plain TCP.
    #[default]
    Plain,
    /// Implicit TLS (RFC 8314), e.g. port 993.
    Tls,
    /// STARTTLS after the greeting.
    StartTls,
}

/// Connection options: the security and the CA file to trust.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Plain, TLS or STARTTLS.
    pub security: Security,
    /// PEM certificates to trust (default: the system's bundle).
    pub ca: Option<PathBuf>,
}

/// The socket, plain or inside rustls.
enum Stream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Stream {
    fn tcp(&self) -> &TcpStream {
        match self {
            Stream::Plain(s) => s,
            Stream::Tls(s) => s.get_ref(),
        }
    }

    /// Wraps the socket in TLS for `host`, trusting `ca`.
    fn into_tls(self, host: &str, ca: Option<&PathBuf>) -> Result<Stream> {
        let Stream::Plain(tcp) = self else {
            return Err("TLS is already on".into());
        };
        let default = PathBuf::from("/etc/ssl/certs/ca-certificates.crt");
        let ca = ca.unwrap_or(&default);
        let pem = std::fs::read(ca).map_err(|e| format!("cannot read {}: {e}", ca.display()))?;
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_slice_iter(&pem) {
            roots.add(cert.map_err(|e| format!("{}: {e}", ca.display()))?)?;
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        let name = ServerName::try_from(host.to_owned())?;
        let tls = rustls::ClientConnection::new(Arc::new(config), name)?;
        Ok(Stream::Tls(Box::new(rustls::StreamOwned::new(tls, tcp))))
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

/// The host part of `HOST:PORT` (`[::1]:993` too), for the certificate.
fn host_of(addr: &str) -> &str {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h);
    host.trim_start_matches('[').trim_end_matches(']')
}

/// One connection: the socket and the session.
struct Conn {
    stream: Stream,
    client: Client,
    buf: Vec<u8>,
}

impl Conn {
    fn connect(addr: &str, options: &Options, out: &mut dyn Write) -> Result<Conn> {
        let mut stream = Stream::Plain(TcpStream::connect(addr)?);
        if options.security == Security::Tls {
            stream = stream.into_tls(host_of(addr), options.ca.as_ref())?;
        }
        let mut conn = Conn {
            stream,
            client: Client::new(ClientConfig::default()),
            buf: vec![0; 64 * 1024],
        };
        // The greeting is the first event.
        loop {
            conn.read()?;
            if let Some(event) = conn.client.poll_event() {
                match event? {
                    ClientEvent::Greeting(g) => {
                        writeln!(
                            out,
                            "greeting: {} {}",
                            g.condition.as_str(),
                            g.text.text.as_str()
                        )?;
                        break;
                    }
                    other => return Err(format!("unexpected {other:?}").into()),
                }
            }
        }
        if options.security == Security::StartTls {
            let (status, _) = conn.run(CommandBody::StartTls)?;
            outcome(out, "STARTTLS", &status)?;
            // Anything the server sent behind its OK was discarded by the
            // session (an injection); TLS starts from the next byte.
            let _ = conn.client.transport_switched();
            // Take the plain socket out (a duplicate handle stands in).
            let stand_in = Stream::Plain(conn.stream.tcp().try_clone()?);
            let plain = std::mem::replace(&mut conn.stream, stand_in);
            conn.stream = plain.into_tls(host_of(addr), options.ca.as_ref())?;
            let (status, _) = conn.run(CommandBody::Capability)?;
            outcome(out, "CAPABILITY", &status)?;
        }
        if let Stream::Tls(s) = &conn.stream {
            let version = s.conn.protocol_version().map(|v| format!("{v:?}"));
            writeln!(out, "TLS: {}", version.unwrap_or_default())?;
        }
        Ok(conn)
    }

    /// Writes out everything the session has to send.
    fn write(&mut self) -> Result<()> {
        while let Some(bytes) = self.client.poll_transmit() {
            let n = bytes.len();
            self.stream.write_all(bytes)?;
            self.client.consume_transmit(n);
        }
        Ok(())
    }

    /// Reads once from the socket into the session. `false` on timeout.
    fn read(&mut self) -> Result<bool> {
        match self.stream.read(&mut self.buf) {
            Ok(0) => Err("the server closed the connection".into()),
            Ok(n) => {
                self.client.handle_input(&self.buf[..n]);
                Ok(true)
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Runs one command to its completion: the completion and the
    /// untagged responses that came on the way.
    fn run(
        &mut self,
        body: CommandBody<'_>,
    ) -> Result<(TaggedStatus<'static>, Vec<Response<'static>>)> {
        let tag = self.client.send(body)?;
        let mut seen = Vec::new();
        loop {
            self.write()?;
            while let Some(event) = self.client.poll_event() {
                let event = match event {
                    Ok(e) => e,
                    // A message the grammar cannot read: say so, go on.
                    Err(e) if !e.is_fatal() => {
                        eprintln!("unreadable: {e}");
                        continue;
                    }
                    Err(e) => return Err(e.into()),
                };
                match event {
                    ClientEvent::Untagged(r) => seen.push(r.into_owned()),
                    ClientEvent::Completed { status, .. } if status.tag == tag => {
                        return Ok((status.into_owned(), seen));
                    }
                    // The command is over all the same.
                    ClientEvent::CompletedRaw { tag: t, bytes, .. } if t == tag => {
                        let line = String::from_utf8_lossy(bytes);
                        return Err(format!("unreadable completion: {}", line.trim_end()).into());
                    }
                    ClientEvent::Aborted { tag: t, cause, .. } if t == tag => {
                        return Err(format!("command aborted: {cause:?}").into());
                    }
                    _ => {}
                }
            }
            self.write()?;
            self.read()?;
        }
    }
}

/// `name -> OK text` (or NO / BAD), one line.
fn outcome(out: &mut dyn Write, name: &str, status: &TaggedStatus<'_>) -> Result<()> {
    writeln!(
        out,
        "{name} -> {} {}",
        status.state.as_str(),
        status.text.text.as_str()
    )?;
    if status.state == State::Ok {
        Ok(())
    } else {
        Err(format!("{name} failed").into())
    }
}

fn show(s: &NString<'_>) -> String {
    s.as_ref().map_or_else(
        || "-".to_owned(),
        |v| String::from_utf8_lossy(v.as_bytes()).into_owned(),
    )
}

/// One line for an untagged response.
fn describe(r: &Response<'_>) -> String {
    match r {
        Response::Data(Data::List(l)) => {
            let attrs: Vec<&str> = l.attributes.iter().map(|a| a.name()).collect();
            let name = l
                .mailbox
                .to_utf8()
                .unwrap_or_else(|_| String::from_utf8_lossy(l.mailbox.as_bytes()).into_owned());
            format!("  mailbox {name:<20} {}", attrs.join(" "))
        }
        Response::Data(Data::Fetch { seq, items }) => {
            let mut line = format!("  #{seq}");
            for item in items {
                match item {
                    MessageDataItem::Uid(u) => line.push_str(&format!(" uid {u}")),
                    MessageDataItem::Envelope(e) => {
                        let from = e.from.first().map_or_else(String::new, |a| {
                            format!("{}@{}", show(&a.mailbox), show(&a.host))
                        });
                        line.push_str(&format!(" from {from:<22} {:?}", show(&e.subject)));
                    }
                    MessageDataItem::Flags(f) => {
                        let f: Vec<String> = f.iter().map(ToString::to_string).collect();
                        line.push_str(&format!(" ({})", f.join(" ")));
                    }
                    _ => {}
                }
            }
            line
        }
        other => {
            let bytes = other.to_bytes();
            let s = String::from_utf8_lossy(&bytes);
            let s = s.trim_end();
            format!("  {}", s.chars().take(100).collect::<String>())
        }
    }
}

/// The whole flow against `addr` over plain TCP, idling for `idle`,
/// printing to `out`.
pub fn run(addr: &str, user: &str, pass: &str, idle: Duration, out: &mut dyn Write) -> Result<()> {
    run_with(addr, &Options::default(), user, pass, idle, out)
}

/// The whole flow, secured as `options` say.
pub fn run_with(
    addr: &str,
    options: &Options,
    user: &str,
    pass: &str,
    idle: Duration,
    out: &mut dyn Write,
) -> Result<()> {
    let mut conn = Conn::connect(addr, options, out)?;
    let print = |out: &mut dyn Write, seen: &[Response<'_>]| -> Result<()> {
        for r in seen {
            writeln!(out, "{}", describe(r))?;
        }
        Ok(())
    };

    let login = CommandBody::Login {
        username: AString::from(user),
        password: Secret(AString::from(pass)),
    };
    let (status, _) = conn.run(login)?;
    outcome(out, "LOGIN", &status)?;
    let caps: Vec<String> = conn
        .client
        .capabilities()
        .iter()
        .map(ToString::to_string)
        .collect();
    writeln!(out, "capabilities: {}", caps.join(" "))?;

    let list = CommandBody::List {
        selection: None,
        reference: Mailbox::from(""),
        patterns: NonEmpty::new(ListMailbox::from("*")),
        returns: None,
    };
    let (status, seen) = conn.run(list)?;
    outcome(out, "LIST", &status)?;
    print(out, &seen)?;

    let select = CommandBody::Select {
        mailbox: Mailbox::from("INBOX"),
        params: Vec::new(),
    };
    let (status, seen) = conn.run(select)?;
    let exists = seen
        .iter()
        .find_map(|r| match r {
            Response::Data(Data::Exists(n)) => Some(*n),
            _ => None,
        })
        .unwrap_or(0);
    outcome(out, "SELECT", &status)?;
    writeln!(out, "INBOX has {exists} messages")?;

    if let Some(last) = std::num::NonZeroU32::new(exists) {
        let first = std::num::NonZeroU32::new(exists.saturating_sub(9).max(1)).unwrap_or(last);
        let fetch = CommandBody::Fetch {
            uid: false,
            args: FetchArgs {
                sequence_set: SequenceSet::range(SeqNumber::Value(first), SeqNumber::Value(last)),
                attributes: FetchAttributes::List(vec![
                    FetchAttribute::Uid,
                    FetchAttribute::Flags,
                    FetchAttribute::Envelope,
                ]),
                modifiers: Vec::new(),
            },
        };
        let (status, seen) = conn.run(fetch)?;
        outcome(out, "FETCH", &status)?;
        print(out, &seen)?;
    }

    let message = format!(
        "From: imap-proto example <example@localhost>\r\nTo: {user}\r\n\
         Subject: Hello from the imap-proto client example\r\n\r\n\
         This message went up as an APPEND literal.\r\n"
    );
    // `Literal::new` leaves the mode to the session: `{N+}` when the
    // server advertised LITERAL+ (or LITERAL- and at most 4096 octets),
    // else `{N}` and a wait for its `+` (RFC 7888).
    let literal = Literal::new(message.into_bytes());
    let append = CommandBody::Append {
        mailbox: Mailbox::from("INBOX"),
        messages: NonEmpty::new(AppendMessage {
            flags: Some(vec![Flag::Seen]),
            date: None,
            data: AppendData::Literal(literal),
        }),
    };
    let (status, seen) = conn.run(append)?;
    outcome(out, "APPEND", &status)?;
    print(out, &seen)?;

    // IDLE: wait for the server's "+", then read what comes until the time
    // is up, then DONE and wait for the completion.
    let tag = conn.client.idle()?;
    conn.write()?;
    writeln!(out, "IDLE for {idle:?}...")?;
    conn.stream
        .tcp()
        .set_read_timeout(Some(Duration::from_millis(100)))?;
    let until = Instant::now() + idle;
    let mut done_sent = false;
    let status = loop {
        let mut completed = None;
        while let Some(event) = conn.client.poll_event() {
            match event? {
                ClientEvent::Untagged(r) => writeln!(out, "{}", describe(&r))?,
                ClientEvent::Completed { status, .. } if status.tag == tag => {
                    completed = Some(status.into_owned());
                }
                _ => {}
            }
        }
        if let Some(status) = completed {
            break status;
        }
        if !done_sent && Instant::now() >= until {
            conn.client.done();
            done_sent = true;
        }
        conn.client.handle_timeout(Instant::now());
        conn.write()?;
        conn.read()?;
    };
    conn.stream.tcp().set_read_timeout(None)?;
    outcome(out, "IDLE", &status)?;

    let (status, seen) = conn.run(CommandBody::Logout)?;
    print(out, &seen)?;
    outcome(out, "LOGOUT", &status)
}

#[allow(dead_code)]
fn main() {
    let mut options = Options::default();
    let mut args = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--tls" => options.security = Security::Tls,
            "--starttls" => options.security = Security::StartTls,
            "--ca" => options.ca = it.next().map(PathBuf::from),
            _ => args.push(a),
        }
    }
    let (addr, user, pass) = match args.as_slice() {
        [a, u, p] => (a.as_str(), u.as_str(), p.as_str()),
        [] => ("127.0.0.1:1143", "demo", "demo"),
        _ => {
            eprintln!(
                "usage: client [--tls | --starttls] [--ca FILE] HOST:PORT USER PASS   \
                 (default: 127.0.0.1:1143 demo demo)"
            );
            std::process::exit(2);
        }
    };
    if let Err(e) = run_with(
        addr,
        &options,
        user,
        pass,
        Duration::from_secs(5),
        &mut std::io::stdout(),
    ) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
