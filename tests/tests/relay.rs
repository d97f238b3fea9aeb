//! A proxy built on the crate relays commands it does not know: bytes of
//! experimental and unknown commands (`x-command`, RFC 3501 §9), literals
//! included, go into a `Server`, come out as `CommandBody::Other`, are sent
//! upstream by a `Client` (`send_tagged`, keeping the downstream tag), and
//! leave the `Client` as the very bytes that came in. The upstream
//! server's answers (untagged data of unknown shape, tagged completions)
//! come back through the `Client` and out of the `Server` unchanged.

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::server::{Server, ServerConfig, ServerEvent};
use imap_proto::types::{CommandBody, Response};

/// The proxy: a `Server` facing the downstream client, a `Client` facing
/// the upstream server, and what each side has written so far.
struct Proxy {
    front: Server,
    back: Client,
    /// Bytes the `Client` sent upstream.
    upstream: Vec<u8>,
    /// Bytes the `Server` sent downstream.
    downstream: Vec<u8>,
    /// Unknown commands the front handed over.
    relayed: usize,
}

impl Proxy {
    fn new(upstream_greeting: &[u8]) -> Proxy {
        let mut p = Proxy {
            front: Server::new(ServerConfig::default()),
            back: Client::new(ClientConfig::default()),
            upstream: Vec::new(),
            downstream: Vec::new(),
            relayed: 0,
        };
        p.back.handle_input(upstream_greeting);
        match p.back.poll_event() {
            Some(Ok(ClientEvent::Greeting(_))) => {}
            other => panic!("{other:?}"),
        }
        p
    }

    /// Bytes from the downstream client.
    fn downstream_sends(&mut self, bytes: &[u8]) {
        self.front.handle_input(bytes);
        self.pump();
    }

    /// Bytes from the upstream server.
    fn upstream_sends(&mut self, bytes: &[u8]) {
        self.back.handle_input(bytes);
        self.pump();
    }

    fn pump(&mut self) {
        loop {
            let ev = match self.front.poll_event() {
                None => break,
                Some(Ok(ServerEvent::Command(c))) => Ok(c.into_owned()),
                Some(Ok(ServerEvent::LiteralAnnounced { .. })) => Err(()),
                Some(other) => panic!("front: {other:?}"),
            };
            match ev {
                Ok(c) => {
                    // A proxy relays what this crate does not know; it
                    // would answer BAD to what its upstream must not see.
                    assert!(matches!(c.body, CommandBody::Other { .. }), "{c:?}");
                    assert!(!self.front.allows(&c.body));
                    self.relayed += 1;
                    self.back.send_tagged(c.tag, c.body).unwrap();
                }
                // The octets come after the front's `+`.
                Err(()) => self.front.accept_literal(),
            }
        }
        loop {
            let r: Response<'static> = match self.back.poll_event() {
                None => break,
                Some(Ok(ClientEvent::Untagged(r))) => r.into_owned(),
                Some(Ok(ClientEvent::Completed { command, status })) => {
                    // The name of the rule: the command's own name is not
                    // known in advance.
                    assert_eq!(command, "x-command");
                    Response::Tagged(status.into_owned())
                }
                Some(other) => panic!("back: {other:?}"),
            };
            self.front.send(&r).unwrap();
        }
        while let Some(b) = self.back.poll_transmit().map(<[u8]>::to_vec) {
            self.back.consume_transmit(b.len());
            self.upstream.extend_from_slice(&b);
        }
        while let Some(b) = self.front.poll_transmit().map(<[u8]>::to_vec) {
            self.front.consume_transmit(b.len());
            self.downstream.extend_from_slice(&b);
        }
    }
}

const PUSH: &[u8] = b"a2 XAPPLEPUSHSERVICE aps-version 2 aps-account-id 0715A26B-CA09-4730-A419-793000CA982E aps-device-token 2918390218931890821908309283098109381029309829018310983092892829 aps-subtopic com.apple.mobilemail mailboxes (INBOX Notes)\r\n";

#[test]
fn unknown_commands_and_their_answers_pass_through_unchanged() {
    let mut p = Proxy::new(b"* OK [CAPABILITY IMAP4rev1 LITERAL+] upstream ready\r\n");
    let mut sent = Vec::new();
    let mut answered = Vec::new();

    // RFC 3501 §6.5.1's experimental command, and its answers.
    let c1 = b"A442 XPIG-LATIN\r\n";
    p.downstream_sends(c1);
    sent.extend_from_slice(c1);
    assert_eq!(p.upstream, sent);
    let a1 =
        b"* XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay\r\nA442 OK XPIG-LATIN ompleted-cay\r\n";
    p.upstream_sends(a1);
    answered.extend_from_slice(a1);
    assert_eq!(p.downstream, answered);

    // iOS Mail's push registration (WildDuck issue #711), answered the way
    // Dovecot's XAPS plugin does.
    p.downstream_sends(PUSH);
    sent.extend_from_slice(PUSH);
    assert_eq!(p.upstream, sent);
    let a2 = b"* XAPPLEPUSHSERVICE aps-version \"2\" aps-topic \"com.apple.mail.XServer.0f3c\"\r\na2 OK XAPPLEPUSHSERVICE completed\r\n";
    p.upstream_sends(a2);
    answered.extend_from_slice(a2);
    assert_eq!(p.downstream, answered);

    // A synchronizing literal: the front asks for it with `+`; upstream,
    // the client waits for the server's `+` before the octets.
    p.downstream_sends(b"a3 XFOO {3}\r\n");
    let plus = b"+ Ready for literal data\r\n";
    answered.extend_from_slice(plus);
    assert_eq!(p.downstream, answered, "the front asked for the octets");
    assert_eq!(p.upstream, sent, "nothing of a3 before the whole command");
    p.downstream_sends(b"abc BAR\r\n");
    sent.extend_from_slice(b"a3 XFOO {3}\r\n");
    assert_eq!(p.upstream, sent, "the octets wait for the upstream `+`");
    p.upstream_sends(b"+ go ahead\r\n");
    sent.extend_from_slice(b"abc BAR\r\n");
    assert_eq!(p.upstream, sent);
    let a3 = b"a3 OK done\r\n";
    p.upstream_sends(a3);
    answered.extend_from_slice(a3);
    assert_eq!(p.downstream, answered);

    // Non-synchronizing literals (the upstream has LITERAL+), one holding a
    // CRLF, one a literal8 holding NUL: all in one go.
    let c4 = b"a4 X-BAR {4+}\r\na\r\nb ~{2+}\r\n\0\xff (x \"y z\")\r\n";
    p.downstream_sends(c4);
    sent.extend_from_slice(c4);
    assert_eq!(p.upstream, sent);
    let a4 = b"* X-BAR (1 2 \"three\")\r\na4 NO [ALERT] not today\r\n";
    p.upstream_sends(a4);
    answered.extend_from_slice(a4);
    assert_eq!(p.downstream, answered);

    // Dovecot's X-STATE (src/imap/cmd-x-state.c), answered with its
    // untagged STATE.
    let c5 = b"a5 X-STATE\r\n";
    p.downstream_sends(c5);
    sent.extend_from_slice(c5);
    assert_eq!(p.upstream, sent);
    let a5 = b"* STATE AQIDBAUGBwg=\r\na5 OK State exported.\r\n";
    p.upstream_sends(a5);
    answered.extend_from_slice(a5);
    assert_eq!(p.downstream, answered);

    assert_eq!(p.relayed, 5);
    assert_eq!(p.back.in_flight().count(), 0);
}

/// An unknown command may change the state: the Client sends it alone,
/// after what is in flight completes, and holds what comes after it.
#[test]
fn an_unknown_command_runs_alone() {
    let mut p = Proxy::new(b"* OK [CAPABILITY IMAP4rev1] upstream ready\r\n");
    p.downstream_sends(b"b1 XONE\r\nb2 XTWO\r\nb3 XTHREE x\r\n");
    assert_eq!(p.upstream, b"b1 XONE\r\n");
    p.upstream_sends(b"b1 OK one\r\n");
    assert_eq!(p.upstream, b"b1 XONE\r\nb2 XTWO\r\n");
    p.upstream_sends(b"b2 OK two\r\n");
    assert_eq!(p.upstream, b"b1 XONE\r\nb2 XTWO\r\nb3 XTHREE x\r\n");
    p.upstream_sends(b"b3 BAD three\r\n");
    assert_eq!(
        p.downstream,
        b"b1 OK one\r\nb2 OK two\r\nb3 BAD three\r\n".to_vec()
    );
}

/// Upstream without LITERAL+: the Client sends a relayed `{N+}` as `{N}`
/// and waits for the server's `+`, never sending `{N+}` it was not
/// allowed.
#[test]
fn a_non_synchronizing_literal_waits_when_upstream_lacks_literal_plus() {
    let mut p = Proxy::new(b"* OK [CAPABILITY IMAP4rev1] upstream ready\r\n");
    p.downstream_sends(b"c1 XFOO {3+}\r\nabc tail\r\n");
    assert_eq!(p.upstream, b"c1 XFOO {3}\r\n");
    p.upstream_sends(b"+ ok\r\n");
    assert_eq!(p.upstream, b"c1 XFOO {3}\r\nabc tail\r\n");
    p.upstream_sends(b"c1 OK done\r\n");
    assert_eq!(p.downstream, b"c1 OK done\r\n".to_vec());
}
