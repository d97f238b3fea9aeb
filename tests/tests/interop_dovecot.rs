//! The `Client` session against a real Dovecot on loopback, started by
//! tests/peers/dovecot-up.sh (Dovecot installed by `.ci/interop-setup`;
//! the script needs root). If Dovecot cannot be started the test FAILS
//! with the script's output: it never passes without having talked to it.
//!
//! One test, one server, steps in order: login, capability, list, create,
//! append with a synchronizing and a non-synchronizing literal, select,
//! fetch of envelopes, body structures and body sections, search, store,
//! IDLE woken by an APPEND from a second connection, logout.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use imap_proto::client::{Client, ClientConfig, ClientEvent};
use imap_proto::types::*;
use imap_proto_tests::crate_dir;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/client.rs"]
mod demo_client;

/// A private Dovecot; stopped (and its directory removed) on drop.
struct Dovecot {
    port: u16,
    dir: PathBuf,
    /// More environment for the scripts (TLS).
    env: Vec<(&'static str, String)>,
}

/// A free loopback port: bind, read it, release it for Dovecot.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

impl Dovecot {
    fn start() -> Dovecot {
        let port = free_port();
        Dovecot::start_with(port, Vec::new())
    }

    fn start_with(port: u16, env: Vec<(&'static str, String)>) -> Dovecot {
        let dir = std::env::temp_dir().join(format!("imap-proto-dovecot-{port}"));
        let d = Dovecot { port, dir, env };
        let _ = std::fs::remove_dir_all(&d.dir);
        let out = d.script("dovecot-up.sh");
        assert!(
            out.status.success(),
            "Dovecot could not be started (tests/peers/dovecot-up.sh: {}; it needs root and \
             dovecot-core + dovecot-imapd, which .ci/interop-setup installs):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        d
    }

    fn script(&self, name: &str) -> std::process::Output {
        let path = crate_dir().join("peers").join(name);
        Command::new("bash")
            .arg(&path)
            .env("DOVECOT_PORT", self.port.to_string())
            .env("DOVECOT_DIR", &self.dir)
            .env("DOVECOT_WIPE", "1")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .unwrap_or_else(|e| panic!("cannot run bash {}: {e}", path.display()))
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.script("dovecot-down.sh");
    }
}

/// A blocking connection driving a `Client`.
struct Conn {
    stream: TcpStream,
    client: Client,
    buf: Vec<u8>,
}

impl Conn {
    fn connect(port: u16) -> Conn {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to Dovecot");
        stream
            .set_read_timeout(Some(Duration::from_secs(15)))
            .unwrap();
        let mut c = Conn {
            stream,
            client: Client::new(ClientConfig::default()),
            buf: vec![0; 64 * 1024],
        };
        loop {
            c.read();
            if let Some(e) = c.client.poll_event() {
                match e.expect("a valid greeting") {
                    ClientEvent::Greeting(g) => {
                        assert_eq!(g.condition, Condition::Ok);
                        return c;
                    }
                    other => panic!("expected the greeting, got {other:?}"),
                }
            }
        }
    }

    fn write(&mut self) {
        while let Some(b) = self.client.poll_transmit() {
            let n = b.len();
            self.stream.write_all(b).unwrap();
            self.client.consume_transmit(n);
        }
    }

    fn read(&mut self) {
        let n = self.stream.read(&mut self.buf).expect("read from Dovecot");
        assert!(n > 0, "Dovecot closed the connection");
        self.client.handle_input(&self.buf[..n]);
    }

    /// Waits for the completion of `tag`: it and the untagged responses.
    fn wait(&mut self, tag: &Tag<'_>) -> (TaggedStatus<'static>, Vec<Response<'static>>) {
        let mut seen = Vec::new();
        loop {
            self.write();
            while let Some(e) = self.client.poll_event() {
                match e.expect("Dovecot's responses parse") {
                    ClientEvent::Untagged(r) => seen.push(r.into_owned()),
                    ClientEvent::Completed { status, .. } if status.tag == *tag => {
                        return (status.into_owned(), seen);
                    }
                    ClientEvent::Completed { status, .. } => {
                        panic!("completion of another command: {status:?}")
                    }
                    other => panic!("unexpected {other:?}"),
                }
            }
            self.write();
            self.read();
        }
    }

    /// Runs a command; asserts OK; the untagged responses and the code.
    fn ok(
        &mut self,
        body: CommandBody<'_>,
    ) -> (Vec<Response<'static>>, Option<ResponseCode<'static>>) {
        let name = format!("{body:?}");
        let tag = self.client.send(body).unwrap();
        let (status, seen) = self.wait(&tag);
        assert_eq!(status.state, State::Ok, "{name:.100} -> {status:?}");
        (seen, status.text.code)
    }
}

fn mailbox(s: &str) -> Mailbox<'static> {
    Mailbox::new(s.as_bytes().to_vec())
}

fn fetch(set: &str, attributes: Vec<FetchAttribute<'static>>) -> CommandBody<'static> {
    CommandBody::Fetch {
        uid: false,
        args: FetchArgs {
            sequence_set: set.parse().unwrap(),
            attributes: FetchAttributes::List(attributes),
            modifiers: Vec::new(),
        },
    }
}

/// The items of the FETCH responses, by sequence number.
fn fetched(seen: &[Response<'static>]) -> Vec<(u32, Vec<MessageDataItem<'static>>)> {
    seen.iter()
        .filter_map(|r| match r {
            Response::Data(Data::Fetch { seq, items }) => Some((seq.get(), items.clone())),
            _ => None,
        })
        .collect()
}

fn section_data(items: &[MessageDataItem<'_>]) -> Vec<u8> {
    items
        .iter()
        .find_map(|i| match i {
            MessageDataItem::BodySection { data, .. } => Some(
                data.as_ref()
                    .map(|d| d.as_bytes().to_vec())
                    .unwrap_or_default(),
            ),
            _ => None,
        })
        .expect("a body section")
}

fn login(c: &mut Conn, user: &str) {
    c.ok(CommandBody::Login {
        username: AString::from(user.to_owned()),
        password: Secret(AString::from(user.to_owned())),
    });
    assert_eq!(c.client.state(), ConnectionState::Authenticated);
}

fn append(mailbox_name: &str, message: &[u8], mode: LiteralMode) -> CommandBody<'static> {
    let mut literal = Literal::new(message.to_vec());
    literal.mode = mode;
    CommandBody::Append {
        mailbox: mailbox(mailbox_name),
        messages: NonEmpty::new(AppendMessage {
            flags: Some(vec![Flag::Seen]),
            date: None,
            data: AppendData::Literal(literal),
        }),
    }
}

const PLAIN: &[u8] = b"From: Ann <ann@example.org>\r\nTo: test@localhost\r\nSubject: plain one\r\n\
Message-ID: <p1@example.org>\r\n\r\nA plain message.\r\nSecond line.\r\n";

const MULTIPART: &[u8] =
    b"From: Bob <bob@example.net>\r\nTo: test@localhost\r\nSubject: multipart two\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"xyz\"\r\n\r\n--xyz\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\nThe text part.\r\n--xyz\r\n\
Content-Type: application/octet-stream; name=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\
Content-Disposition: attachment; filename=\"data.bin\"\r\n\r\nAAECAwQFBgcICQ==\r\n--xyz--\r\n";

#[test]
fn client_session_against_dovecot() {
    let dovecot = Dovecot::start();
    let mut c = Conn::connect(dovecot.port);

    // LOGIN, then CAPABILITY.
    login(&mut c, "test");
    let (seen, _) = c.ok(CommandBody::Capability);
    let caps = seen
        .iter()
        .find_map(|r| match r {
            Response::Data(Data::Capability(v)) => Some(v.clone()),
            _ => None,
        })
        .expect("CAPABILITY data");
    for cap in [
        Capability::Imap4Rev1,
        Capability::Idle,
        Capability::LiteralPlus,
    ] {
        assert!(caps.contains(&cap), "{cap} in {caps:?}");
    }
    assert!(c.client.has_capability(&Capability::LiteralPlus));

    // LIST: INBOX and the special-use mailboxes of the peer's config.
    let (seen, _) = c.ok(CommandBody::List {
        selection: None,
        reference: mailbox(""),
        patterns: NonEmpty::new(ListMailbox::from("*")),
        returns: None,
    });
    let lists: Vec<&MailboxList<'_>> = seen
        .iter()
        .filter_map(|r| match r {
            Response::Data(Data::List(l)) => Some(l),
            _ => None,
        })
        .collect();
    assert!(lists.iter().any(|l| l.mailbox.is_inbox()), "{lists:?}");
    assert!(
        lists
            .iter()
            .any(|l| l.mailbox.as_bytes() == b"Sent"
                && l.attributes.contains(&MailboxAttribute::Sent)),
        "{lists:?}"
    );

    // CREATE.
    c.ok(CommandBody::Create {
        mailbox: mailbox("Interop"),
        params: Vec::new(),
    });

    // APPEND with a synchronizing literal: the client sends the command
    // line and holds the octets until Dovecot's "+".
    let tag = c
        .client
        .send(append("Interop", PLAIN, LiteralMode::Sync))
        .unwrap();
    let head = c.client.poll_transmit().unwrap().to_vec();
    assert!(
        head.ends_with(format!("{{{}}}\r\n", PLAIN.len()).as_bytes()),
        "{head:?}"
    );
    let (status, _) = c.wait(&tag);
    assert_eq!(status.state, State::Ok, "{status:?}");
    assert!(
        matches!(status.text.code, Some(ResponseCode::AppendUid { .. })),
        "{status:?}"
    );

    // APPEND with a non-synchronizing literal (LITERAL+): all in one go.
    let tag = c
        .client
        .send(append("Interop", MULTIPART, LiteralMode::NonSync))
        .unwrap();
    let all = c.client.poll_transmit().unwrap().to_vec();
    assert!(all.ends_with(b"--xyz--\r\n\r\n"), "whole command queued");
    let (status, _) = c.wait(&tag);
    assert_eq!(status.state, State::Ok, "{status:?}");

    // SELECT.
    let (seen, code) = c.ok(CommandBody::Select {
        mailbox: mailbox("Interop"),
        params: Vec::new(),
    });
    assert_eq!(code, Some(ResponseCode::ReadWrite));
    assert!(seen.contains(&Response::Data(Data::Exists(2))), "{seen:?}");
    assert_eq!(c.client.state(), ConnectionState::Selected);

    // FETCH envelopes and body structures.
    let (seen, _) = c.ok(fetch(
        "1:2",
        vec![
            FetchAttribute::Uid,
            FetchAttribute::Envelope,
            FetchAttribute::BodyStructure,
        ],
    ));
    let items = fetched(&seen);
    assert_eq!(items.len(), 2, "{seen:?}");
    let env = items[0]
        .1
        .iter()
        .find_map(|i| match i {
            MessageDataItem::Envelope(e) => Some(e.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(env.subject.as_ref().unwrap().as_bytes(), b"plain one");
    assert_eq!(env.from[0].mailbox.as_ref().unwrap().as_bytes(), b"ann");
    let body = items[1]
        .1
        .iter()
        .find_map(|i| match i {
            MessageDataItem::BodyStructure(b) => Some(b.clone()),
            _ => None,
        })
        .unwrap();
    let BodyStructure::Multi(multi) = &*body else {
        panic!("multipart expected: {body:?}")
    };
    assert_eq!(multi.subtype.as_ref().unwrap().as_bytes(), b"mixed");
    assert_eq!(multi.bodies().len(), 2);
    let BodyStructure::Single(att) = &multi.bodies()[1] else {
        panic!("{multi:?}")
    };
    assert_eq!(att.fields.encoding.as_ref().unwrap().as_bytes(), b"base64");
    let disposition = att
        .extension
        .as_ref()
        .unwrap()
        .disposition
        .as_ref()
        .unwrap();
    assert_eq!(disposition.kind.as_bytes(), b"attachment");

    // Body sections: a part, header fields, a partial.
    let peek = |section: Section<'static>, partial: Option<Partial>| FetchAttribute::BodySection {
        peek: true,
        section,
        partial,
    };
    let part1 = Section::Part(SectionPart::new(vec![NzNumber::MIN]).unwrap(), None);
    let (seen, _) = c.ok(fetch("2", vec![peek(part1, None)]));
    assert_eq!(section_data(&fetched(&seen)[0].1), b"The text part.");
    let subject = Section::Message(Some(SectionMsgtext::HeaderFields(vec![AString::from(
        "Subject",
    )])));
    let (seen, _) = c.ok(fetch("1", vec![peek(subject, None)]));
    assert_eq!(
        section_data(&fetched(&seen)[0].1),
        b"Subject: plain one\r\n\r\n"
    );
    let partial = Partial {
        origin: Number64::ZERO,
        length: NzNumber64::new(6).unwrap(),
    };
    let (seen, _) = c.ok(fetch(
        "1",
        vec![peek(Section::Message(None), Some(partial))],
    ));
    assert_eq!(section_data(&fetched(&seen)[0].1), b"From: ");

    // SEARCH.
    let (seen, _) = c.ok(CommandBody::Search {
        uid: false,
        args: SearchArgs::new(SearchKey::Subject(AString::from("multipart"))),
    });
    assert!(
        seen.contains(&Response::Data(Data::Search {
            numbers: vec![2],
            modseq: None
        })),
        "{seen:?}"
    );

    // STORE.
    let (seen, _) = c.ok(CommandBody::Store {
        uid: false,
        set: "1".parse().unwrap(),
        modifiers: Vec::new(),
        action: StoreAction::Add,
        silent: false,
        flags: vec![Flag::Flagged],
    });
    let flags = fetched(&seen)
        .into_iter()
        .find_map(|(_, items)| {
            items.into_iter().find_map(|i| match i {
                MessageDataItem::Flags(f) => Some(f),
                _ => None,
            })
        })
        .expect("FETCH FLAGS after STORE");
    assert!(
        flags.contains(&Flag::Flagged) && flags.contains(&Flag::Seen),
        "{flags:?}"
    );

    // IDLE, woken by an APPEND from a second connection.
    let idle = c.client.idle().unwrap();
    c.write();
    loop {
        c.read();
        match c.client.poll_event() {
            Some(Ok(ClientEvent::Continue(_))) => break,
            None => continue,
            other => panic!("expected IDLE's +, got {other:?}"),
        }
    }
    let mut other = Conn::connect(dovecot.port);
    login(&mut other, "test");
    other.ok(append(
        "Interop",
        b"Subject: wake up\r\n\r\nping\r\n",
        LiteralMode::Sync,
    ));
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut woken = false;
    while !woken && Instant::now() < deadline {
        c.read();
        while let Some(e) = c.client.poll_event() {
            if let Ok(ClientEvent::Untagged(Response::Data(Data::Exists(3)))) = e {
                woken = true;
            }
        }
    }
    assert!(
        woken,
        "IDLE announced the message appended by the other connection"
    );
    c.client.done();
    let (status, _) = c.wait(&idle);
    assert_eq!(status.state, State::Ok, "{status:?}");

    // LOGOUT, both connections.
    for conn in [&mut c, &mut other] {
        let (seen, _) = conn.ok(CommandBody::Logout);
        assert!(
            seen.iter()
                .any(|r| matches!(r, Response::Untagged(u) if u.condition == Condition::Bye)),
            "{seen:?}"
        );
        assert_eq!(conn.client.state(), ConnectionState::Logout);
    }
    drop(dovecot);
}

/// A CA and a certificate for 127.0.0.1 and localhost signed by it, in
/// PEM: (CA, chain, key).
fn test_certificate() -> (String, String, String) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(rcgen::DnType::CommonName, "imap-proto test CA");
    let ca_key = KeyPair::generate().unwrap();
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let leaf =
        CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()]).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = leaf.signed_by(&key, &ca_cert, &ca_key).unwrap();
    (
        ca_cert.pem(),
        format!("{}{}", cert.pem(), ca_cert.pem()),
        key.serialize_pem(),
    )
}

/// The library's `Client` (the `client` example's flow: login, list,
/// select, fetch, append, idle, logout) against Dovecot over implicit TLS
/// and over STARTTLS, with a certificate made for the test and trusted
/// through `--ca`; and refused when another CA is trusted.
#[test]
fn client_over_tls_against_dovecot() {
    let (port, imaps) = (free_port(), free_port());
    let tmp = std::env::temp_dir().join(format!("imap-proto-dovecot-tls-{port}"));
    std::fs::create_dir_all(&tmp).unwrap();
    let (ca, chain, key) = test_certificate();
    let (ca_file, cert_file, key_file) = (
        tmp.join("ca.pem"),
        tmp.join("cert.pem"),
        tmp.join("key.pem"),
    );
    std::fs::write(&ca_file, ca).unwrap();
    std::fs::write(&cert_file, chain).unwrap();
    std::fs::write(&key_file, key).unwrap();
    let env = vec![
        ("DOVECOT_TLS_CERT", cert_file.display().to_string()),
        ("DOVECOT_TLS_KEY", key_file.display().to_string()),
        ("DOVECOT_IMAPS_PORT", imaps.to_string()),
    ];
    let _dovecot = Dovecot::start_with(port, env);
    for (security, p) in [
        (demo_client::Security::Tls, imaps),
        (demo_client::Security::StartTls, port),
    ] {
        let options = demo_client::Options {
            security,
            ca: Some(ca_file.clone()),
        };
        let mut log = Vec::new();
        demo_client::run_with(
            &format!("127.0.0.1:{p}"),
            &options,
            "test",
            "test",
            Duration::from_millis(200),
            &mut log,
        )
        .unwrap_or_else(|e| {
            panic!(
                "{security:?} against Dovecot: {e}\n{}",
                String::from_utf8_lossy(&log)
            )
        });
        let log = String::from_utf8_lossy(&log);
        assert!(log.contains("greeting: OK Dovecot"), "{log}");
        assert!(log.contains("TLS: TLSv1_3"), "{log}");
        assert!(log.contains("LOGIN -> OK"), "{log}");
        assert!(log.contains("APPEND -> OK"), "{log}");
        assert!(log.contains("LOGOUT -> OK"), "{log}");
        assert_eq!(
            log.contains("STARTTLS -> OK"),
            security == demo_client::Security::StartTls,
            "{log}"
        );
    }
    // Trusting another CA, the client refuses Dovecot's certificate.
    let (other, _, _) = test_certificate();
    let other_file = tmp.join("other.pem");
    std::fs::write(&other_file, other).unwrap();
    let options = demo_client::Options {
        security: demo_client::Security::Tls,
        ca: Some(other_file),
    };
    let err = demo_client::run_with(
        &format!("127.0.0.1:{imaps}"),
        &options,
        "test",
        "test",
        Duration::ZERO,
        &mut Vec::new(),
    )
    .expect_err("an untrusted certificate is refused");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
