//! The shortest useful client, on the blocking drivers of `imap_proto::io`.
//!
//! ```sh
//! cargo run --example server &     # the demo server, 127.0.0.1:1143
//! cargo run --example quickstart --features blocking -- 127.0.0.1:1143 demo demo
//! ```
//!
//! Logs in, lists the mailboxes, selects INBOX, prints date, sender and
//! subject of the last ten messages, appends one, idles until new mail
//! arrives (or 30 seconds pass) and logs out. Plain TCP: for TLS, wrap the
//! stream (rustls' `StreamOwned`) before `Connection::connect`.

use std::time::{Duration, Instant};
use std::{io::Write, net::TcpStream};

use imap_proto::io::{blocking::Connection, Flow};
use imap_proto::types::Response;
use imap_proto::types::{Address, CommandBody, Data, FetchAttribute, MessageDataItem, NString};

const IDLE: Duration = Duration::from_secs(30);

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Header text, RFC 2047 encoded words (`=?UTF-8?Q?...?=`) decoded.
fn text(s: &NString<'_>) -> String {
    let raw = s.as_ref().map_or(&b""[..], |v| v.as_bytes());
    rfc2047_decoder::decode(raw).unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
}

fn sender(a: &Address<'_>) -> String {
    format!("{} <{}@{}>", text(&a.name), text(&a.mailbox), text(&a.host))
}

/// The whole flow against `addr`, idling at most `idle`, printing to `out`.
pub fn run(addr: &str, user: &str, pass: &str, idle: Duration, out: &mut dyn Write) -> Result<()> {
    let stream = TcpStream::connect(addr)?;
    // Reads time out, so that the IDLE deadline is seen.
    stream.set_read_timeout(Some(Duration::from_millis(200)))?;
    let mut conn = Connection::connect(stream)?;
    conn.run(CommandBody::login(user, pass))?;
    for d in conn.run(CommandBody::list("", "*"))?.data() {
        if let Data::List(l) = d {
            writeln!(out, "mailbox {}", l.mailbox.to_utf8().unwrap_or_default())?;
        }
    }
    let exists = conn.run(CommandBody::select("INBOX"))?.exists();
    writeln!(out, "INBOX: {} messages", exists.unwrap_or(0))?;
    if let Some(last) = exists.filter(|&n| n > 0) {
        let last_ten = last.saturating_sub(9).max(1)..=last;
        let fetch = conn.run(CommandBody::fetch(last_ten, FetchAttribute::Envelope)?)?;
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
    conn.run(CommandBody::append("INBOX", mail.into_bytes()))?;
    // The APPEND's own EXISTS (if it comes late) is not new mail.
    let known = exists.unwrap_or(0) + 1;
    let new_mail = |r: &Response<'_>| matches!(r, Response::Data(Data::Exists(n)) if *n > known);
    let pushed = conn.idle(Some(Instant::now() + idle), |r| Flow::stop_if(new_mail(r)))?;
    writeln!(out, "new mail: {}", pushed.responses.iter().any(new_mail))?;
    conn.run(CommandBody::Logout)?;
    Ok(writeln!(out, "logged out")?)
}

#[allow(dead_code)]
fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [addr, user, pass] = &args[..] else {
        return Err("usage: quickstart HOST:PORT USER PASS".into());
    };
    run(addr, user, pass, IDLE, &mut std::io::stdout())
}
