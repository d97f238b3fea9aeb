//! The example server (imap-proto/examples/server) against real clients:
//! Python's imaplib (tests/interop/imaplib_session.py), curl, the library's
//! own `Client` (the `client` example's flow), and raw bytes for what those
//! clients never send (non-synchronizing literals, SASL-IR, commands in the
//! wrong state, unsupported commands).
//!
//! Each test starts its own server in-process on a free loopback port, so
//! the tests are independent. python3 and curl must be installed
//! (`.ci/interop-setup` installs them): a missing one fails the test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::time::Duration;

use imap_proto_tests::crate_dir;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/server/main.rs"]
mod demo_server;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/client.rs"]
mod demo_client;

/// Starts a fresh demo server; its port.
fn start_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || demo_server::serve(listener, demo_server::demo_store(), false));
    port
}

/// Runs a program; panics with a clear message if it is not installed.
fn run(program: &str, args: &[&str]) -> std::process::Output {
    match Command::new(program).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!(
            "cannot run {program}: {e}. The interop tests need python3 and curl \
             (run .ci/interop-setup, or apt-get install python3 curl)"
        ),
    }
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn imaplib_session() {
    let port = start_server();
    let script = crate_dir().join("interop/imaplib_session.py");
    let out = run("python3", &[script.to_str().unwrap(), &port.to_string()]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        out.status.success(),
        "imaplib session failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    assert!(stdout.contains("imaplib: all checks passed"), "{stdout}");
    // The script checked 40-odd things; make sure they ran.
    assert!(
        stdout.lines().filter(|l| l.starts_with("ok: ")).count() > 40,
        "{stdout}"
    );
}

#[test]
fn curl_list_fetch_search_append() {
    let port = start_server();
    let url = |path: &str| format!("imap://127.0.0.1:{port}/{path}");
    let curl = |args: &[&str]| {
        let mut all = vec!["-sS", "--max-time", "20", "-u", "demo:demo"];
        all.extend_from_slice(args);
        let out = run("curl", &all);
        assert!(
            out.status.success(),
            "curl {args:?} failed ({}): {}",
            out.status,
            text(&out.stderr)
        );
        text(&out.stdout)
    };

    let list = curl(&[&url("")]);
    for name in ["INBOX", "Sent", "Drafts", "Work/Projects"] {
        assert!(
            list.lines().any(|l| l.ends_with(&format!(" {name}"))),
            "{list}"
        );
    }
    assert!(
        list.contains("(\\HasNoChildren \\Sent) \"/\" Sent"),
        "{list}"
    );

    let message = curl(&[&url("INBOX;UID=1")]);
    assert!(
        message.starts_with("Return-Path: <alice@example.org>"),
        "{message}"
    );
    assert!(
        message.contains("Subject: Quarterly planning notes"),
        "{message}"
    );
    assert!(
        message.contains("we ship the\r\nsync feature first"),
        "{message}"
    );

    let section = curl(&[&url("INBOX;UID=3;SECTION=1")]);
    assert!(section.starts_with("The nightly build failed"), "{section}");

    let search = curl(&[&url("INBOX?SUBJECT%20lunch")]);
    assert_eq!(search.trim(), "* SEARCH 2 14 26");

    // Upload (APPEND with a synchronizing literal), then read it back.
    let dir = std::env::temp_dir().join(format!("imap-proto-curl-{port}"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("msg.eml");
    std::fs::write(
        &file,
        "From: curl <curl@example.org>\r\nSubject: uploaded by curl\r\n\r\nHi from curl.\r\n",
    )
    .unwrap();
    curl(&["-T", file.to_str().unwrap(), &url("INBOX")]);
    let back = curl(&[&url("INBOX;UID=29")]);
    assert!(back.contains("Subject: uploaded by curl"), "{back}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `client` example's whole flow against the example server.
#[test]
fn example_client_against_example_server() {
    let port = start_server();
    let mut log = Vec::new();
    demo_client::run(
        &format!("127.0.0.1:{port}"),
        demo_server::USER,
        demo_server::PASSWORD,
        Duration::from_millis(300),
        &mut log,
    )
    .expect("the client flow completes");
    let log = text(&log);
    assert!(log.contains("LOGIN -> OK"), "{log}");
    assert!(
        log.contains("\"Work/Projects\"") || log.contains("Work/Projects"),
        "{log}"
    );
    assert!(log.contains("SELECT -> OK"), "{log}");
    assert!(log.contains("Quarterly planning notes"), "{log}");
    assert!(log.contains("APPEND -> OK"), "{log}");
    assert!(log.contains("IDLE -> OK"), "{log}");
    assert!(log.contains("LOGOUT -> OK"), "{log}");
}

/// A line-by-line conversation over a raw socket.
struct Raw {
    out: TcpStream,
    input: BufReader<TcpStream>,
}

impl Raw {
    fn connect(port: u16) -> Raw {
        let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut raw = Raw {
            out: s.try_clone().unwrap(),
            input: BufReader::new(s),
        };
        let greeting = raw.line();
        assert!(
            greeting.starts_with("* OK [CAPABILITY IMAP4rev1 IMAP4rev2"),
            "{greeting}"
        );
        raw
    }

    /// One line, literals included inline.
    fn line(&mut self) -> String {
        let mut l = String::new();
        self.input.read_line(&mut l).unwrap();
        if let Some(n) = l
            .trim_end()
            .strip_suffix('}')
            .and_then(|h| h.rsplit_once('{'))
            .and_then(|(_, n)| n.parse::<usize>().ok())
        {
            let mut lit = vec![0; n];
            self.input.read_exact(&mut lit).unwrap();
            l.push_str(&String::from_utf8_lossy(&lit));
            l.push_str(&self.line());
        }
        l
    }

    fn send(&mut self, bytes: &str) {
        self.out.write_all(bytes.as_bytes()).unwrap();
    }

    /// Sends `tag rest`, returns every line up to and including the tagged one.
    fn cmd(&mut self, tag: &str, rest: &str) -> Vec<String> {
        self.send(&format!("{tag} {rest}\r\n"));
        self.until(tag)
    }

    fn until(&mut self, tag: &str) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let l = self.line();
            assert!(!l.is_empty(), "connection closed; got {lines:?}");
            let done = l.starts_with(&format!("{tag} "));
            lines.push(l);
            if done {
                return lines;
            }
        }
    }
}

#[test]
fn raw_literals_sasl_ir_states_and_rev2() {
    let port = start_server();
    let mut c = Raw::connect(port);

    // Before login: SELECT is not allowed, an unknown command is BAD.
    let r = c.cmd("a1", "SELECT INBOX");
    assert!(r[0].starts_with("a1 BAD"), "{r:?}");
    let r = c.cmd("a2", "GETQUOTAROOT INBOX");
    assert!(r[0].starts_with("a2 BAD"), "{r:?}");
    let r = c.cmd("a3", "XYZZY");
    assert!(r[0].starts_with("a3 BAD"), "{r:?}");

    // AUTHENTICATE PLAIN with an initial response (SASL-IR): "\0demo\0demo".
    let r = c.cmd("a4", "AUTHENTICATE PLAIN AGRlbW8AZGVtbw==");
    assert!(r.last().unwrap().starts_with("a4 OK"), "{r:?}");
    let r = c.cmd("a5", "LOGIN demo demo");
    assert!(r[0].starts_with("a5 BAD"), "LOGIN after login: {r:?}");

    // APPEND with a non-synchronizing literal (LITERAL+): no "+" comes.
    let msg = "Subject: literal plus\r\n\r\nbody\r\n";
    c.send(&format!("a6 APPEND Work {{{}+}}\r\n{msg}\r\n", msg.len()));
    let r = c.until("a6");
    assert!(r.iter().all(|l| !l.starts_with('+')), "{r:?}");
    assert!(r.last().unwrap().starts_with("a6 OK [APPENDUID "), "{r:?}");

    // A synchronizing literal: "+" first.
    c.send(&format!("a7 APPEND Work (\\Flagged) {{{}}}\r\n", msg.len()));
    let plus = c.line();
    assert!(plus.starts_with("+ "), "{plus}");
    c.send(&format!("{msg}\r\n"));
    let r = c.until("a7");
    assert!(r.last().unwrap().starts_with("a7 OK"), "{r:?}");

    // IMAP4rev2: SEARCH answers with ESEARCH.
    let r = c.cmd("a8", "ENABLE IMAP4rev2");
    assert!(r[0].starts_with("* ENABLED IMAP4rev2"), "{r:?}");
    let r = c.cmd("a9", "SELECT Work");
    assert!(r.iter().any(|l| l.starts_with("* 2 EXISTS")), "{r:?}");
    assert!(
        !r.iter().any(|l| l.contains("RECENT")),
        "no RECENT in rev2: {r:?}"
    );
    let r = c.cmd("a10", "UID SEARCH FLAGGED");
    assert!(
        r[0].starts_with("* ESEARCH (TAG \"a10\") UID ALL 2"),
        "{r:?}"
    );

    // MOVE with COPYUID, then the EXPUNGE.
    let r = c.cmd("a11", "MOVE 1 Trash");
    assert!(r.iter().any(|l| l.starts_with("* OK [COPYUID ")), "{r:?}");
    assert!(r.iter().any(|l| l.starts_with("* 1 EXPUNGE")), "{r:?}");
    assert!(r.last().unwrap().starts_with("a11 OK"), "{r:?}");

    // A sequence number past the end is BAD; FETCH of sections works.
    let r = c.cmd("a12", "FETCH 5 FLAGS");
    assert!(r[0].starts_with("a12 BAD"), "{r:?}");
    let r = c.cmd(
        "a13",
        "FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)] RFC822.SIZE)",
    );
    assert!(r[0].contains("Subject: literal plus"), "{r:?}");

    let r = c.cmd("a14", "LOGOUT");
    assert!(r[0].starts_with("* BYE"), "{r:?}");
    assert!(r[1].starts_with("a14 OK"), "{r:?}");
    assert_eq!(c.line(), "", "the server closes after LOGOUT");
}

#[test]
fn raw_mailbox_management_copy_and_idle_flag_updates() {
    let port = start_server();
    let mut c = Raw::connect(port);
    let r = c.cmd("b1", "LOGIN demo demo");
    assert!(r.last().unwrap().starts_with("b1 OK [CAPABILITY "), "{r:?}");

    let r = c.cmd("b2", "NAMESPACE");
    assert_eq!(r[0], "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
    let r = c.cmd("b3", "ID (\"name\" \"raw test\")");
    assert!(
        r[0].starts_with("* ID (\"name\" \"imap-proto demo server\""),
        "{r:?}"
    );

    // CREATE makes the parents; RENAME moves the subtree; DELETE refuses a
    // parent, then works bottom-up.
    assert!(c.cmd("b4", "CREATE Projects/2025/Q4")[0].starts_with("b4 OK"));
    let r = c.cmd("b5", "LIST \"\" Projects/*");
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(
        r[0].contains("\\HasChildren") && r[0].ends_with(" Projects/2025\r\n"),
        "{r:?}"
    );
    assert!(c.cmd("b6", "RENAME Projects/2025 Projects/Old")[0].starts_with("b6 OK"));
    let r = c.cmd("b7", "LIST Projects/ %");
    assert_eq!(
        r[0], "* LIST (\\HasChildren) \"/\" Projects/Old\r\n",
        "{r:?}"
    );
    assert!(c.cmd("b8", "DELETE Projects/Old")[0].starts_with("b8 NO [HASCHILDREN]"));
    assert!(c.cmd("b9", "DELETE Projects/Old/Q4")[0].starts_with("b9 OK"));
    assert!(c.cmd("b10", "DELETE INBOX")[0].starts_with("b10 NO"));
    assert!(c.cmd("b11", "SELECT Nope")[0].starts_with("b11 NO [NONEXISTENT]"));

    // SUBSCRIBE / LSUB, LIST with RETURN (SUBSCRIBED STATUS).
    assert!(c.cmd("b12", "SUBSCRIBE Projects")[0].starts_with("b12 OK"));
    let r = c.cmd("b13", "LSUB \"\" Proj*");
    assert_eq!(r[0], "* LSUB () \"/\" Projects\r\n", "{r:?}");
    let r = c.cmd(
        "b14",
        "LIST (SPECIAL-USE) \"\" * RETURN (STATUS (MESSAGES))",
    );
    assert!(
        r.iter()
            .any(|l| l.starts_with("* LIST (\\HasNoChildren \\Sent) \"/\" Sent")),
        "{r:?}"
    );
    assert!(
        r.iter().any(|l| l == "* STATUS Sent (MESSAGES 4)\r\n"),
        "{r:?}"
    );
    assert!(
        !r.iter().any(|l| l.contains(" INBOX")),
        "only special-use mailboxes: {r:?}"
    );

    // EXAMINE is read-only: STORE is refused, BODY[] does not set \Seen.
    let r = c.cmd("b15", "EXAMINE INBOX");
    assert!(r.last().unwrap().starts_with("b15 OK [READ-ONLY]"), "{r:?}");
    assert!(c.cmd("b16", "STORE 1 +FLAGS (\\Seen)")[0].starts_with("b16 NO"));
    let r = c.cmd("b17", "FETCH 1 (BODY[HEADER.FIELDS (DATE)] FLAGS)");
    assert!(!r[0].contains("\\Seen"), "{r:?}");

    // SELECT, UID COPY with COPYUID, UNSELECT.
    let r = c.cmd("b18", "SELECT INBOX");
    assert!(r.iter().any(|l| l.starts_with("* OK [CLOSED]")), "{r:?}");
    let r = c.cmd("b19", "UID COPY 1:3 Projects");
    assert!(
        r[0].starts_with("b19 OK [COPYUID ") && r[0].contains(" 1:3 1:3]"),
        "{r:?}"
    );
    let r = c.cmd("b20", "STATUS Projects (MESSAGES UIDNEXT UNSEEN SIZE)");
    assert!(
        r[0].starts_with("* STATUS Projects (MESSAGES 3 UIDNEXT 4 UNSEEN 1 SIZE "),
        "{r:?}"
    );

    // Another connection idles on INBOX; this one changes flags and
    // expunges: the idler is told at once.
    let mut idler = Raw::connect(port);
    idler.cmd("i1", "LOGIN demo demo");
    idler.cmd("i2", "SELECT INBOX");
    idler.send("i3 IDLE\r\n");
    assert_eq!(idler.line(), "+ idling\r\n");
    let r = c.cmd("b21", "UID STORE 2 +FLAGS.SILENT (\\Deleted)");
    assert_eq!(r.len(), 1, "silent: {r:?}");
    let pushed = idler.line();
    assert!(pushed.starts_with("* 2 FETCH (UID 2 FLAGS ("), "{pushed}");
    assert!(pushed.contains("\\Deleted"), "{pushed}");
    let r = c.cmd("b22", "UID EXPUNGE 2");
    assert_eq!(r[0], "* 2 EXPUNGE\r\n", "{r:?}");
    assert_eq!(idler.line(), "* 2 EXPUNGE\r\n");
    idler.send("DONE\r\n");
    let r = idler.until("i3");
    assert!(r.last().unwrap().starts_with("i3 OK"), "{r:?}");
    let r = idler.cmd("i4", "FETCH 2 UID");
    assert_eq!(r[0], "* 2 FETCH (UID 3)\r\n", "{r:?}");

    assert!(c.cmd("b23", "UNSELECT")[0].starts_with("b23 OK"));
    assert!(c.cmd("b24", "FETCH 1 FLAGS")[0].starts_with("b24 BAD"));
}

/// What Dovecot's imaptest found missing (tests/imaptest runs all of it):
/// `\Recent` and RECENT, keywords announced by FLAGS before a FETCH shows
/// them, STORE applied to the flags as stored (not as last told), LSUB's
/// `\Noselect` parents, part numbers inside message/rfc822, and nothing
/// about the mailbox after LOGOUT's BYE.
#[test]
fn raw_imaptest_findings() {
    let port = start_server();
    let mut a = Raw::connect(port);
    let mut b = Raw::connect(port);
    assert!(a
        .cmd("a1", "LOGIN demo demo")
        .last()
        .unwrap()
        .starts_with("a1 OK"));
    assert!(b
        .cmd("b1", "LOGIN demo demo")
        .last()
        .unwrap()
        .starts_with("b1 OK"));
    assert!(a.cmd("a2", "CREATE T")[0].starts_with("a2 OK"));
    let inner = "From: a@example.org\r\nSubject: outer\r\nContent-Type: message/rfc822\r\n\r\n\
                 From: b@example.org\r\nSubject: inner\r\n\r\ninner body\r\n";
    for (tag, msg) in [("a3", "Subject: one\r\n\r\n1\r\n"), ("a4", inner)] {
        a.send(&format!("{tag} APPEND T {{{}+}}\r\n{msg}\r\n", msg.len()));
        assert!(a
            .until(tag)
            .last()
            .unwrap()
            .starts_with(&format!("{tag} OK")));
    }

    // EXAMINE shows the new messages as \Recent without claiming them;
    // the first SELECT claims them, a later one sees none.
    let r = b.cmd("b2", "EXAMINE T");
    assert!(r.contains(&"* 2 RECENT\r\n".to_owned()), "{r:?}");
    assert!(b.cmd("b3", "CLOSE")[0].starts_with("b3 OK"));
    let r = a.cmd("a5", "STATUS T (RECENT)");
    assert_eq!(r[0], "* STATUS T (RECENT 2)\r\n");
    let r = a.cmd("a6", "SELECT T");
    assert!(r.contains(&"* 2 RECENT\r\n".to_owned()), "{r:?}");
    let r = a.cmd("a7", "FETCH 1 FLAGS");
    assert_eq!(r[0], "* 1 FETCH (FLAGS (\\Recent))\r\n");
    assert_eq!(a.cmd("a8", "SEARCH NEW")[0], "* SEARCH 1 2\r\n");
    assert_eq!(a.cmd("a9", "SEARCH OLD")[0], "* SEARCH\r\n");
    let r = b.cmd("b4", "SELECT T");
    assert!(r.contains(&"* 0 RECENT\r\n".to_owned()), "{r:?}");
    assert_eq!(
        b.cmd("b5", "STATUS T (RECENT)")[0],
        "* STATUS T (RECENT 0)\r\n"
    );

    // A new keyword: FLAGS and PERMANENTFLAGS name it before the FETCH,
    // in this session and (at its next command) in the other.
    let r = a.cmd("a10", "STORE 1 +FLAGS ($hello)");
    assert!(
        r[0].starts_with("* FLAGS (") && r[0].contains("$hello"),
        "{r:?}"
    );
    assert!(
        r[1].contains("[PERMANENTFLAGS (") && r[1].contains("$hello \\*)"),
        "{r:?}"
    );
    assert_eq!(r[2], "* 1 FETCH (FLAGS ($hello \\Recent))\r\n");
    let r = b.cmd("b6", "NOOP");
    let flags = r
        .iter()
        .position(|l| l.starts_with("* FLAGS (") && l.contains("$hello"));
    let fetch = r
        .iter()
        .position(|l| l.contains("FETCH") && l.contains("$hello"));
    assert!(flags.is_some() && flags < fetch, "{r:?}");

    // Two sessions change one message: neither change is lost.
    assert!(a.cmd("a11", "STORE 2 +FLAGS.SILENT (\\Answered)")[0].starts_with("a11 OK"));
    let r = b.cmd("b7", "STORE 2 +FLAGS (\\Seen)");
    assert!(
        r.iter()
            .any(|l| l == "* 2 FETCH (FLAGS (\\Answered \\Seen))\r\n"),
        "{r:?}"
    );

    // Part 1 of a message/rfc822 message is the message it holds.
    let r = a.cmd("a12", "FETCH 2 (BODY.PEEK[1.HEADER] BODY.PEEK[1.TEXT])");
    assert!(
        r[0].contains("Subject: inner") && !r[0].contains("outer"),
        "{r:?}"
    );
    assert!(
        r[0].contains("BODY[1.TEXT] {12}\r\ninner body\r\n"),
        "{r:?}"
    );

    // LSUB: an unsubscribed parent matched by `%` comes as \Noselect.
    assert!(a.cmd("a13", "CREATE T/a/b")[0].starts_with("a13 OK"));
    assert!(a.cmd("a14", "SUBSCRIBE T/a/b")[0].starts_with("a14 OK"));
    let r = a.cmd("a15", "LSUB \"\" T/%");
    assert_eq!(r[0], "* LSUB (\\Noselect) \"/\" T/a\r\n", "{r:?}");
    assert!(r[1].starts_with("a15 OK"), "{r:?}");

    // After another session's change, LOGOUT gets only BYE and OK.
    assert!(b
        .cmd("b8", "STORE 1 +FLAGS (\\Flagged)")
        .last()
        .unwrap()
        .starts_with("b8 OK"));
    let r = a.cmd("a16", "LOGOUT");
    assert!(r[0].starts_with("* BYE"), "{r:?}");
    assert!(r[1].starts_with("a16 OK"), "{r:?}");
}
