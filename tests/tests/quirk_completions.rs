//! A `Client` given the completions real servers send that the grammar
//! does not allow (issue 11): each one completes its command, typed, and
//! nothing is left in flight. The parse side of these quirks is tested in
//! `imap-proto/src/parse/response/quirks.rs`.

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::types::*;

/// A client past the greeting, with everything it wrote taken away.
fn client() -> Client {
    let mut c = Client::new(ClientConfig::default());
    c.handle_input(b"* OK IMAP4rev1 ready\r\n");
    while let Some(e) = c.poll_event() {
        assert!(matches!(e, Ok(ClientEvent::Greeting(_))), "{e:?}");
    }
    c
}

fn drain_transmit(c: &mut Client) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(b) = c.poll_transmit() {
        out.extend_from_slice(b);
        let n = b.len();
        c.consume_transmit(n);
    }
    out
}

/// Sends `body`, answers it with `answer` (`{tag}` replaced by the tag)
/// and returns the completion the client reports.
fn complete(
    c: &mut Client,
    body: CommandBody<'_>,
    answer: &str,
) -> (&'static str, TaggedStatus<'static>) {
    let tag = c.send(body).unwrap();
    drain_transmit(c);
    c.handle_input(answer.replace("{tag}", tag.as_str()).as_bytes());
    let mut done = None;
    while let Some(e) = c.poll_event() {
        match e {
            Ok(ClientEvent::Completed { command, status }) => {
                done = Some((command, status.into_owned()));
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(c.in_flight().count(), 0);
    done.expect("a completion")
}

fn login(c: &mut Client) {
    let body = CommandBody::Login {
        username: AString::from("joe"),
        password: Secret(AString::from("pw")),
    };
    let (command, status) = complete(c, body, "{tag} OK LOGIN completed\r\n");
    assert_eq!((command, status.state), ("LOGIN", State::Ok));
}

/// Gmail's SELECT of a `[Gmail]/...` folder: the text after the code
/// starts with `[`. Before, a parse error left SELECT in flight forever.
#[test]
fn gmail_select_completes() {
    let mut c = client();
    login(&mut c);
    let body = CommandBody::Select {
        mailbox: Mailbox::from("[Gmail]/Sent Mail"),
        params: vec![],
    };
    let (command, status) = complete(
        &mut c,
        body,
        "{tag} OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)\r\n",
    );
    assert_eq!(command, "SELECT");
    assert_eq!(status.state, State::Ok);
    assert_eq!(status.text.code, Some(ResponseCode::ReadWrite));
    assert_eq!(
        status.text.text.as_str(),
        "[Gmail]/Sent Mail selected. (Success)"
    );
    assert_eq!(c.state(), ConnectionState::Selected);
}

/// Exchange's LOGIN completion with its bracketed error report: text.
#[test]
fn exchange_login_completes() {
    let mut c = client();
    let body = CommandBody::Login {
        username: AString::from("joe"),
        password: Secret(AString::from("pw")),
    };
    let (command, status) = complete(
        &mut c,
        body,
        "{tag} OK [Error=\"Microsoft.Exchange.Data.Storage.WrongServerException: Cross Server access is not allowed for mailbox xxx@example.com\" Proxy=BL1PR13CA0001.namprd13.prod.outlook.com:1993:SSL] LOGIN completed.\r\n",
    );
    assert_eq!(
        (command, status.state, status.text.code),
        ("LOGIN", State::Ok, None)
    );
    assert_eq!(c.state(), ConnectionState::Authenticated);
}

/// A tagged BYE (wp.pl, jonhoo/rust-imap#210) completes its command, as
/// `State::Bye`.
#[test]
fn tagged_bye_completes() {
    let mut c = client();
    let (command, status) = complete(
        &mut c,
        CommandBody::Noop,
        "{tag} BYE IMAP4rev1 Server logging out\r\n",
    );
    assert_eq!((command, status.state), ("NOOP", State::Bye));
}
