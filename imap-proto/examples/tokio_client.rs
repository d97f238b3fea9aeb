//! The same `imap_proto::client::Client` as in the `client` example, on
//! tokio instead of std threads: the session does not care who moves its
//! bytes.
//!
//! ```sh
//! cargo run --example tokio_client -- 127.0.0.1:1143 demo demo
//! ```
//!
//! Logs in, selects INBOX, fetches the envelopes of the last five
//! messages, idles for two seconds (a `tokio::time::timeout` around the
//! socket read), logs out.

use std::error::Error;
use std::num::NonZeroU32;
use std::time::Duration;

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::types::{
    AString, CommandBody, Data, FetchArgs, FetchAttribute, FetchAttributes, Mailbox,
    MessageDataItem, Response, Secret, SeqNumber, SequenceSet, State, TaggedStatus,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

struct Conn {
    stream: TcpStream,
    client: Client,
    buf: Vec<u8>,
}

impl Conn {
    async fn connect(addr: &str) -> Result<Conn> {
        let mut conn = Conn {
            stream: TcpStream::connect(addr).await?,
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
                    return Ok(conn);
                }
            }
        }
    }

    async fn write(&mut self) -> Result<()> {
        while let Some(bytes) = self.client.poll_transmit() {
            let n = bytes.len();
            self.stream.write_all(bytes).await?;
            self.client.consume_transmit(n);
        }
        Ok(())
    }

    async fn read(&mut self) -> Result<()> {
        let n = self.stream.read(&mut self.buf).await?;
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

async fn session(addr: &str, user: &str, pass: &str) -> Result<()> {
    let mut conn = Conn::connect(addr).await?;
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

    // IDLE for two seconds: wait for "+", then read under a timeout.
    let tag = conn.client.idle()?;
    conn.write().await?;
    let until = tokio::time::Instant::now() + Duration::from_secs(2);
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (addr, user, pass) = match args.as_slice() {
        [a, u, p] => (a.as_str(), u.as_str(), p.as_str()),
        [] => ("127.0.0.1:1143", "demo", "demo"),
        _ => {
            eprintln!(
                "usage: tokio_client HOST:PORT USER PASS   (default: 127.0.0.1:1143 demo demo)"
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
    if let Err(e) = runtime.block_on(session(addr, user, pass)) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
