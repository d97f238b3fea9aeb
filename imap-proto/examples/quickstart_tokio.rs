//! The shortest useful client, on the tokio drivers of `imap_proto::io`.
//!
//! ```sh
//! cargo run --example server &     # the demo server, 127.0.0.1:1143
//! cargo run --example quickstart_tokio --features tokio -- 127.0.0.1:1143 demo demo
//! ```
//!
//! Logs in, lists the mailboxes, selects INBOX, prints date, sender and
//! subject of the last ten messages, appends one, idles until new mail
//! arrives (or 30 seconds pass) and logs out. Plain TCP: for TLS, wrap the
//! stream (rustls' `StreamOwned`) before `Connection::connect`.

use std::{io::Write, time::Duration, time::Instant};

use imap_proto::io::{tokio::Connection, Flow};
use imap_proto::types::Response;
use imap_proto::types::{Address, CommandBody, Data, FetchAttribute, MessageDataItem, NString};
use tokio::{net::TcpStream, runtime::Builder};

const IDLE: Duration = Duration::from_secs(30);

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;
type Out<'a> = &'a mut dyn Write;

/// Header text, RFC 2047 encoded words (`=?UTF-8?Q?...?=`) decoded.
fn text(s: &NString<'_>) -> String {
    let raw = s.as_ref().map_or(&b""[..], |v| v.as_bytes());
    rfc2047_decoder::decode(raw).unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
}

fn sender(a: &Address<'_>) -> String {
    format!("{} <{}@{}>", text(&a.name), text(&a.mailbox), text(&a.host))
}

/// The whole flow against `addr`, idling at most `idle`, printing to `out`.
pub async fn run(addr: &str, user: &str, pass: &str, idle: Duration, out: Out<'_>) -> Result<()> {
    let mut conn = Connection::connect(TcpStream::connect(addr).await?).await?;
    conn.run(CommandBody::login(user, pass)).await?;
    for d in conn.run(CommandBody::list("", "*")).await?.data() {
        if let Data::List(l) = d {
            writeln!(out, "mailbox {}", l.mailbox.to_utf8().unwrap_or_default())?;
        }
    }
    let exists = conn.run(CommandBody::select("INBOX")).await?.exists();
    writeln!(out, "INBOX: {} messages", exists.unwrap_or(0))?;
    if let Some(last) = exists.filter(|&n| n > 0) {
        let last_ten = last.saturating_sub(9).max(1)..=last;
        let envelopes = CommandBody::fetch(last_ten, FetchAttribute::Envelope)?;
        let fetch = conn.run(envelopes).await?;
        for (seq, items) in fetch.fetched() {
            for item in items {
                if let MessageDataItem::Envelope(e) = item {
                    let from: Vec<String> = e.from.iter().map(sender).collect();
                    let (date, subject) = (text(&e.date), text(&e.subject));
                    writeln!(out, "#{seq} {date} | {from:?} | {subject}")?;
                }
            }
        }
    }

    let mail = format!("From: <qs@localhost>\r\nTo: <{user}>\r\nSubject: hi\r\n\r\nhello\r\n");
    conn.run(CommandBody::append("INBOX", mail.into_bytes()))
        .await?;
    // The APPEND's own EXISTS (if it comes late) is not new mail.
    let known = exists.unwrap_or(0) + 1;
    let new_mail = |r: &Response<'_>| matches!(r, Response::Data(Data::Exists(n)) if *n > known);
    let until = Some(Instant::now() + idle);
    let pushed = conn.idle(until, |r| Flow::stop_if(new_mail(r))).await?;
    writeln!(out, "new mail: {}", pushed.responses.iter().any(new_mail))?;
    conn.run(CommandBody::Logout).await?;
    Ok(writeln!(out, "logged out")?)
}

#[allow(dead_code)]
fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [addr, user, pass] = &args[..] else {
        return Err("usage: quickstart HOST:PORT USER PASS".into());
    };
    let rt = Builder::new_current_thread().enable_all().build()?;
    rt.block_on(run(addr, user, pass, IDLE, &mut std::io::stdout()))
}
