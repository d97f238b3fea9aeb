//! The same `imap_proto::client::Client` as in the `client` example, on
//! tokio instead of std threads: the session does not care who moves its
//! bytes.
//!
//! ```sh
//! cargo run --example tokio_client -- 127.0.0.1:1143 demo demo
//! cargo run --example tokio_client -- --tls --ca CA.pem 127.0.0.1:1993 demo demo
//! cargo run --example tokio_client -- --starttls --ca CA.pem 127.0.0.1:1143 demo demo
//! ```
//!
//! Logs in, selects INBOX, fetches the envelopes of the last five
//! messages, idles for two seconds (a `tokio::time::timeout` around the
//! socket read), logs out. `--tls` (implicit TLS) and `--starttls` run
//! over tokio-rustls (ring provider), trusting the PEM certificates of
//! `--ca FILE` (default: /etc/ssl/certs/ca-certificates.crt).

use std::error::Error;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::types::{
    AString, CommandBody, Data, FetchArgs, FetchAttribute, FetchAttributes, Mailbox,
    MessageDataItem, Response, Secret, SeqNumber, SequenceSet, State, TaggedStatus,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::TlsConnector;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// How the connection is secured, and the CA file to trust.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Implicit TLS from the first byte.
    pub tls: bool,
    /// STARTTLS after the greeting.
    pub starttls: bool,
    /// PEM certificates to trust (default: the system's bundle).
    pub ca: Option<PathBuf>,
}

enum Stream {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
    /// Only while switching to TLS.
    Switching,
}

/// The host part of `HOST:PORT` (`[::1]:993` too), for the certificate.
fn host_of(addr: &str) -> &str {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h);
    host.trim_start_matches('[').trim_end_matches(']')
}

/// The TLS handshake over `tcp` for `host`, trusting `ca`.
async fn handshake(tcp: TcpStream, host: &str, ca: Option<&PathBuf>) -> Result<Stream> {
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
    let tls = TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await?;
    println!("TLS: {:?}", tls.get_ref().1.protocol_version());
    Ok(Stream::Tls(Box::new(tls)))
}

struct Conn {
    stream: Stream,
    client: Client,
    buf: Vec<u8>,
}

impl Conn {
    async fn connect(addr: &str, options: &Options) -> Result<Conn> {
        let tcp = TcpStream::connect(addr).await?;
        let stream = if options.tls {
            handshake(tcp, host_of(addr), options.ca.as_ref()).await?
        } else {
            Stream::Plain(tcp)
        };
        let mut conn = Conn {
            stream,
            client: Client::new(ClientConfig::default()),
            buf: vec![0; 64 * 1024],
        };
        loop {
            conn.read().await?;
            if let Some(event) = conn.client.poll_event() {
                if let ClientEvent::Greeting(g) = event? {
                    println!(
                        "greeting: {} {}",
                        g.condition.as_str(),
                        g.text.text.as_str()
                    );
                    break;
                }
            }
        }
        if options.starttls && !options.tls {
            conn.run("STARTTLS", CommandBody::StartTls).await?;
            // Bytes behind the server's OK were discarded by the session.
            let _ = conn.client.transport_switched();
            let Stream::Plain(tcp) = std::mem::replace(&mut conn.stream, Stream::Switching) else {
                return Err("not a plain connection".into());
            };
            conn.stream = handshake(tcp, host_of(addr), options.ca.as_ref()).await?;
            conn.run("CAPABILITY", CommandBody::Capability).await?;
        }
        Ok(conn)
    }

    async fn write(&mut self) -> Result<()> {
        while let Some(bytes) = self.client.poll_transmit() {
            let n = bytes.len();
            match &mut self.stream {
                Stream::Plain(s) => s.write_all(bytes).await?,
                Stream::Tls(s) => s.write_all(bytes).await?,
                Stream::Switching => return Err("no transport".into()),
            }
            self.client.consume_transmit(n);
        }
        Ok(())
    }

    async fn read(&mut self) -> Result<()> {
        let n = match &mut self.stream {
            Stream::Plain(s) => s.read(&mut self.buf).await?,
            Stream::Tls(s) => s.read(&mut self.buf).await?,
            Stream::Switching => return Err("no transport".into()),
        };
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        self.client.handle_input(&self.buf[..n]);
        Ok(())
    }

    /// Sends a command and prints what comes until its completion.
    async fn run(&mut self, name: &str, body: CommandBody<'_>) -> Result<TaggedStatus<'static>> {
        let tag = self.client.send(body)?;
        loop {
            self.write().await?;
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
                    // The command is over all the same.
                    ClientEvent::CompletedRaw { tag: t, bytes, .. } if t == tag => {
                        let line = String::from_utf8_lossy(bytes);
                        return Err(
                            format!("{name}: unreadable completion: {}", line.trim_end()).into(),
                        );
                    }
                    ClientEvent::Aborted { tag: t, cause, .. } if t == tag => {
                        return Err(format!("{name} aborted: {cause:?}").into());
                    }
                    ClientEvent::Untagged(r) => print_untagged(&r),
                    ClientEvent::Completed { status, .. } if status.tag == tag => {
                        println!(
                            "{name} -> {} {}",
                            status.state.as_str(),
                            status.text.text.as_str()
                        );
                        if status.state != State::Ok {
                            return Err(format!("{name} failed").into());
                        }
                        return Ok(status.into_owned());
                    }
                    _ => {}
                }
            }
            self.write().await?;
            self.read().await?;
        }
    }
}

fn print_untagged(r: &Response<'_>) {
    if let Response::Data(Data::Fetch { seq, items }) = r {
        for item in items {
            if let MessageDataItem::Envelope(e) = item {
                let subject = e
                    .subject
                    .as_ref()
                    .map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned())
                    .unwrap_or_default();
                println!("  #{seq} {subject}");
            }
        }
    } else {
        let bytes = r.to_bytes();
        let line = String::from_utf8_lossy(&bytes);
        println!(
            "  {}",
            line.trim_end().chars().take(100).collect::<String>()
        );
    }
}

/// The whole flow against `addr`, secured as `options` say, idling for
/// `idle`.
pub async fn session(
    addr: &str,
    options: &Options,
    user: &str,
    pass: &str,
    idle: Duration,
) -> Result<()> {
    let mut conn = Conn::connect(addr, options).await?;
    let login = CommandBody::Login {
        username: AString::from(user),
        password: Secret(AString::from(pass)),
    };
    conn.run("LOGIN", login).await?;

    let tag = conn.client.send(CommandBody::Select {
        mailbox: Mailbox::from("INBOX"),
        params: Vec::new(),
    })?;
    let mut exists = 0;
    'select: loop {
        conn.write().await?;
        conn.read().await?;
        while let Some(event) = conn.client.poll_event() {
            match event? {
                ClientEvent::Untagged(Response::Data(Data::Exists(n))) => exists = n,
                ClientEvent::Completed { status, .. } if status.tag == tag => {
                    println!("SELECT -> {} ({exists} messages)", status.state.as_str());
                    break 'select;
                }
                _ => {}
            }
        }
    }

    if let Some(last) = NonZeroU32::new(exists) {
        let first = NonZeroU32::new(exists.saturating_sub(4).max(1)).unwrap_or(last);
        let fetch = CommandBody::Fetch {
            uid: false,
            args: FetchArgs {
                sequence_set: SequenceSet::range(SeqNumber::Value(first), SeqNumber::Value(last)),
                attributes: FetchAttributes::List(vec![FetchAttribute::Envelope]),
                modifiers: Vec::new(),
            },
        };
        conn.run("FETCH", fetch).await?;
    }

    // IDLE for a while: wait for "+", then read under a timeout.
    let tag = conn.client.idle()?;
    conn.write().await?;
    let until = tokio::time::Instant::now() + idle;
    let mut done = false;
    loop {
        while let Some(event) = conn.client.poll_event() {
            match event? {
                ClientEvent::Untagged(r) => print_untagged(&r),
                ClientEvent::Completed { status, .. } if status.tag == tag => {
                    println!("IDLE -> {}", status.state.as_str());
                    conn.run("LOGOUT", CommandBody::Logout).await?;
                    return Ok(());
                }
                _ => {}
            }
        }
        if !done && tokio::time::Instant::now() >= until {
            conn.client.done();
            done = true;
        }
        conn.write().await?;
        // Wake at the deadline even if the server says nothing; after DONE,
        // wait for the completion.
        let wake = if done {
            tokio::time::Instant::now() + Duration::from_secs(30)
        } else {
            until
        };
        match tokio::time::timeout_at(wake, conn.read()).await {
            Ok(read) => read?,
            Err(_elapsed) if !done => {}
            Err(_elapsed) => return Err("no answer to DONE".into()),
        }
    }
}

#[allow(dead_code)]
fn main() {
    let mut options = Options::default();
    let mut args = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--tls" => options.tls = true,
            "--starttls" => options.starttls = true,
            "--ca" => options.ca = it.next().map(PathBuf::from),
            _ => args.push(a),
        }
    }
    let (addr, user, pass) = match args.as_slice() {
        [a, u, p] => (a.as_str(), u.as_str(), p.as_str()),
        [] => ("127.0.0.1:1143", "demo", "demo"),
        _ => {
            eprintln!(
                "usage: tokio_client [--tls | --starttls] [--ca FILE] HOST:PORT USER PASS   \
                 (default: 127.0.0.1:1143 demo demo)"
            );
            std::process::exit(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start tokio: {e}");
            std::process::exit(1);
        }
    };
    let idle = Duration::from_secs(2);
    if let Err(e) = runtime.block_on(session(addr, &options, user, pass, idle)) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
