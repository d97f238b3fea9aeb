//! The example server over TLS (imap-proto/examples/server/tls.rs):
//! implicit TLS and STARTTLS with Python's imaplib, curl and mbsync, each
//! trusting the demo CA certificate it was given (and curl refusing the
//! server without it); the loopback login rule; STARTTLS injection.
//!
//! Each test starts its own server in-process, a plain + STARTTLS
//! listener and an implicit-TLS one on free loopback ports, with a
//! certificate generated for the test. python3, curl and mbsync must be
//! installed (`.ci/interop-setup` installs them): a missing one fails.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/server/main.rs"]
mod demo_server;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/client.rs"]
mod demo_client;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/tokio_client.rs"]
mod tokio_client;

use demo_server::tls::PlainLogin;

/// A running server: its plain and TLS ports, the CA file to trust.
struct Tls {
    plain: u16,
    tls: u16,
    ca: PathBuf,
    dir: PathBuf,
}

impl Drop for Tls {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start(plain_login: PlainLogin) -> Tls {
    let certs = demo_server::tls::generate().expect("generate a certificate");
    let config =
        demo_server::tls::config_from_pem(certs.chain_pem.as_bytes(), certs.key_pem.as_bytes())
            .expect("a TLS configuration");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let tls_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let plain = listener.local_addr().unwrap().port();
    let tls = tls_listener.local_addr().unwrap().port();
    let dir = std::env::temp_dir().join(format!("imap-proto-tls-{plain}"));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &certs.ca_pem).unwrap();
    let options = demo_server::Options {
        verbose: false,
        tls: Some(config),
        plain_login,
    };
    let store = demo_server::demo_store();
    let (s2, o2) = (store.clone(), options.clone());
    std::thread::spawn(move || demo_server::serve_with(listener, store, options, false));
    std::thread::spawn(move || demo_server::serve_with(tls_listener, s2, o2, true));
    Tls {
        plain,
        tls,
        ca,
        dir,
    }
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    match Command::new(program).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!(
            "cannot run {program}: {e}. The TLS interop tests need python3, curl and \
             mbsync (run .ci/interop-setup, or apt-get install python3 curl isync)"
        ),
    }
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// imaplib: IMAP4_SSL on the TLS port, starttls() on the plain one; an
/// `ssl` context that trusts only the demo CA (hostname checked).
const IMAPLIB: &str = r#"
import imaplib, ssl, sys
plain, tls, ca, rule = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
ctx = ssl.create_default_context(cafile=ca)

def session(m, how):
    typ, _ = m.login("demo", "demo")
    assert typ == "OK", (how, typ)
    typ, data = m.select("INBOX", readonly=True)
    assert typ == "OK", (how, typ)
    typ, data = m.uid("FETCH", "1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
    assert typ == "OK" and b"Quarterly planning notes" in data[0][1], (how, data)
    assert m.logout()[0] == "BYE", how
    print("ok:", how)

m = imaplib.IMAP4_SSL("127.0.0.1", tls, ssl_context=ctx)
assert "STARTTLS" not in m.capabilities and "AUTH=PLAIN" in m.capabilities, m.capabilities
print("tls version:", m.sock.version())
session(m, "IMAP4_SSL")

m = imaplib.IMAP4("127.0.0.1", plain)
assert "STARTTLS" in m.capabilities, m.capabilities
if rule == "never":
    assert "LOGINDISABLED" in m.capabilities and "AUTH=PLAIN" not in m.capabilities, m.capabilities
    try:
        m.login("demo", "demo")
        raise SystemExit("login without TLS succeeded")
    except imaplib.IMAP4.error as e:
        assert "PRIVACYREQUIRED" in str(e), e
        print("ok: login refused before TLS")
else:
    assert "LOGINDISABLED" not in m.capabilities, m.capabilities
typ, _ = m.starttls(ssl_context=ctx)
assert typ == "OK", typ
assert "STARTTLS" not in m.capabilities and "LOGINDISABLED" not in m.capabilities, m.capabilities
print("starttls version:", m.sock.version())
session(m, "starttls")
print("imaplib tls: all checks passed")
"#;

fn imaplib(rule: PlainLogin) {
    let t = start(rule);
    let rule = if rule == PlainLogin::Never {
        "never"
    } else {
        "loopback"
    };
    let out = run(
        "python3",
        &[
            "-c",
            IMAPLIB,
            &t.plain.to_string(),
            &t.tls.to_string(),
            t.ca.to_str().unwrap(),
            rule,
        ],
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "imaplib failed:\n{stdout}\n{stderr}");
    assert!(
        stdout.contains("imaplib tls: all checks passed"),
        "{stdout}"
    );
    assert!(stdout.contains("ok: IMAP4_SSL") && stdout.contains("ok: starttls"));
    assert!(stdout.contains("version: TLSv1.3"), "{stdout}");
    if rule == "never" {
        assert!(stdout.contains("ok: login refused before TLS"), "{stdout}");
    }
}

#[test]
fn imaplib_imap4_ssl_and_starttls() {
    imaplib(PlainLogin::Loopback);
}

/// Loopback treated as remote: LOGINDISABLED until STARTTLS.
#[test]
fn imaplib_login_disabled_until_starttls() {
    imaplib(PlainLogin::Never);
}

fn curl(ca: Option<&Path>, args: &[&str]) -> std::process::Output {
    let mut all = vec!["-sS", "--max-time", "20", "-u", "demo:demo"];
    if let Some(ca) = ca {
        all.extend(["--cacert", ca.to_str().unwrap()]);
    }
    all.extend_from_slice(args);
    run("curl", &all)
}

#[test]
fn curl_imaps_and_starttls() {
    let t = start(PlainLogin::Never);
    let get = |args: &[&str]| {
        let out = curl(Some(&t.ca), args);
        assert!(out.status.success(), "curl {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let imaps = format!("imaps://127.0.0.1:{}/INBOX;UID=1", t.tls);
    let message = get(&[&imaps]);
    assert!(
        message.contains("Subject: Quarterly planning notes"),
        "{message}"
    );
    // STARTTLS required; with `never`, curl could not log in otherwise.
    let starttls = format!("imap://127.0.0.1:{}/INBOX;UID=3;SECTION=1", t.plain);
    let section = get(&["--ssl-reqd", &starttls]);
    assert!(section.starts_with("The nightly build failed"), "{section}");
    let list = get(&["--ssl-reqd", &format!("imap://localhost:{}/", t.plain)]);
    assert!(list.contains("\"/\" Work/Projects"), "{list}");
    // Without the CA the certificate is not trusted: curl refuses.
    let out = curl(None, &[&imaps]);
    assert!(!out.status.success(), "curl trusted an unknown CA");
    assert!(
        text(&out.stderr).to_lowercase().contains("certificate"),
        "{}",
        text(&out.stderr)
    );
}

/// How many messages INBOX holds, as the server says over TLS.
fn inbox_exists(t: &Tls) -> usize {
    let url = format!("imaps://127.0.0.1:{}/INBOX", t.tls);
    let out = curl(Some(&t.ca), &["-X", "EXAMINE INBOX", &url]);
    let s = text(&out.stdout);
    s.lines()
        .find_map(|l| {
            l.strip_prefix("* ")?
                .strip_suffix(" EXISTS\r")
                .or_else(|| l.strip_prefix("* ")?.strip_suffix(" EXISTS"))
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no EXISTS in {s}"))
}

fn mbsync(ssl_type: &str) {
    let t = start(PlainLogin::Never);
    let port = if ssl_type == "IMAPS" { t.tls } else { t.plain };
    let maildir = t.dir.join("maildir");
    std::fs::create_dir_all(&maildir).unwrap();
    // mbsync 1.4 matches the host name against DNS names only: localhost.
    let rc = format!(
        "IMAPAccount demo\nHost localhost\nPort {port}\nUser demo\nPass demo\n\
         SSLType {ssl_type}\nCertificateFile {ca}\n\n\
         IMAPStore remote\nAccount demo\n\n\
         MaildirStore local\nPath {dir}/\nInbox {dir}/INBOX\n\n\
         Channel inbox\nFar :remote:INBOX\nNear :local:INBOX\nCreate Near\nSync Pull\nSyncState *\n",
        ca = t.ca.display(),
        dir = maildir.display(),
    );
    let rc_file = t.dir.join("mbsyncrc");
    std::fs::write(&rc_file, rc).unwrap();
    let out = run("mbsync", &["-c", rc_file.to_str().unwrap(), "inbox"]);
    assert!(
        out.status.success(),
        "mbsync {ssl_type}: {}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let mut pulled = Vec::new();
    for sub in ["new", "cur"] {
        for e in std::fs::read_dir(maildir.join("INBOX").join(sub)).unwrap() {
            pulled.push(std::fs::read(e.unwrap().path()).unwrap());
        }
    }
    let exists = inbox_exists(&t);
    assert!(exists > 20, "{exists}");
    assert_eq!(
        pulled.len(),
        exists,
        "mbsync {ssl_type} pulled all of INBOX"
    );
    let subjects: Vec<String> = pulled
        .iter()
        .filter_map(|m| {
            text(m)
                .lines()
                .find_map(|l| l.strip_prefix("Subject: ").map(str::to_owned))
        })
        .collect();
    assert!(
        subjects.iter().any(|s| s == "Quarterly planning notes"),
        "{subjects:?}"
    );
    let planning = pulled
        .iter()
        .map(|m| text(m))
        .find(|m| m.contains("Subject: Quarterly planning notes"))
        .unwrap();
    assert!(
        planning.contains("we ship the\r\nsync feature first")
            || planning.contains("we ship the\nsync feature first"),
        "{planning}"
    );
}

#[test]
fn mbsync_imaps() {
    mbsync("IMAPS");
}

#[test]
fn mbsync_starttls() {
    mbsync("STARTTLS");
}

/// Reads one CRLF line.
fn line(r: &mut impl BufRead) -> String {
    let mut l = String::new();
    r.read_line(&mut l).unwrap();
    l
}

/// CVE-2011-0411: a command sent behind STARTTLS in plain text is never
/// run; the server hangs up.
#[test]
fn starttls_injection_is_not_run() {
    let t = start(PlainLogin::Loopback);
    let s = TcpStream::connect(("127.0.0.1", t.plain)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut out = s.try_clone().unwrap();
    let mut input = BufReader::new(s);
    let greeting = line(&mut input);
    assert!(greeting.contains(" STARTTLS "), "{greeting}");
    out.write_all(b"a1 STARTTLS\r\na2 LOGIN demo demo\r\n")
        .unwrap();
    assert!(line(&mut input).starts_with("a1 OK"), "STARTTLS accepted");
    let mut rest = Vec::new();
    input.read_to_end(&mut rest).expect("the server hangs up");
    assert!(!text(&rest).contains("a2"), "{}", text(&rest));
}

/// LOGINDISABLED before TLS: LOGIN and AUTHENTICATE answer NO
/// [PRIVACYREQUIRED]; the implicit-TLS port needs no STARTTLS.
#[test]
fn login_disabled_on_plain_port() {
    let t = start(PlainLogin::Never);
    let s = TcpStream::connect(("127.0.0.1", t.plain)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut out = s.try_clone().unwrap();
    let mut input = BufReader::new(s);
    let greeting = line(&mut input);
    assert!(greeting.contains(" STARTTLS "), "{greeting}");
    assert!(greeting.contains("LOGINDISABLED"), "{greeting}");
    assert!(!greeting.contains("AUTH=PLAIN"), "{greeting}");
    out.write_all(b"a1 LOGIN demo demo\r\n").unwrap();
    let l = line(&mut input);
    assert!(l.starts_with("a1 NO [PRIVACYREQUIRED]"), "{l}");
    out.write_all(b"a2 AUTHENTICATE PLAIN AGRlbW8AZGVtbw==\r\n")
        .unwrap();
    let l = line(&mut input);
    assert!(l.starts_with("a2 NO [PRIVACYREQUIRED]"), "{l}");
    out.write_all(b"a3 LOGOUT\r\n").unwrap();
    assert!(line(&mut input).starts_with("* BYE"));
}

/// The `client` example over implicit TLS and STARTTLS (login refused in
/// plain text, so STARTTLS really happened), trusting the demo CA.
#[test]
fn example_client_over_tls_and_starttls() {
    let t = start(PlainLogin::Never);
    for (security, port) in [
        (demo_client::Security::Tls, t.tls),
        (demo_client::Security::StartTls, t.plain),
    ] {
        let options = demo_client::Options {
            security,
            ca: Some(t.ca.clone()),
        };
        let mut log = Vec::new();
        demo_client::run_with(
            &format!("127.0.0.1:{port}"),
            &options,
            demo_server::USER,
            demo_server::PASSWORD,
            Duration::from_millis(200),
            &mut log,
        )
        .unwrap_or_else(|e| panic!("{security:?}: {e}\n{}", text(&log)));
        let log = text(&log);
        assert!(log.contains("TLS: TLSv1_3"), "{log}");
        assert!(log.contains("LOGIN -> OK"), "{log}");
        assert!(
            log.contains("Quarterly planning notes") || log.contains("FETCH -> OK"),
            "{log}"
        );
        assert!(log.contains("LOGOUT -> OK"), "{log}");
        assert_eq!(
            log.contains("STARTTLS -> OK"),
            security == demo_client::Security::StartTls,
            "{log}"
        );
    }
    // Trusting another CA, the handshake fails.
    let other = demo_server::tls::generate().unwrap();
    let other_ca = t.dir.join("other-ca.pem");
    std::fs::write(&other_ca, other.ca_pem).unwrap();
    let options = demo_client::Options {
        security: demo_client::Security::Tls,
        ca: Some(other_ca),
    };
    let err = demo_client::run_with(
        &format!("127.0.0.1:{}", t.tls),
        &options,
        "demo",
        "demo",
        Duration::ZERO,
        &mut Vec::new(),
    )
    .expect_err("an untrusted certificate is refused");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
}

/// The `tokio_client` example (tokio-rustls) over implicit TLS and
/// STARTTLS; login is refused in plain text, so STARTTLS really happened.
#[test]
fn tokio_client_over_tls_and_starttls() {
    let t = start(PlainLogin::Never);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for (tls, port) in [(true, t.tls), (false, t.plain)] {
        let options = tokio_client::Options {
            tls,
            starttls: !tls,
            ca: Some(t.ca.clone()),
        };
        let addr = format!("127.0.0.1:{port}");
        runtime
            .block_on(tokio_client::session(
                &addr,
                &options,
                "demo",
                "demo",
                Duration::from_millis(200),
            ))
            .unwrap_or_else(|e| panic!("tls={tls}: {e}"));
    }
    // Without STARTTLS the plain port refuses the login.
    let options = tokio_client::Options::default();
    let addr = format!("127.0.0.1:{}", t.plain);
    let err = runtime
        .block_on(tokio_client::session(
            &addr,
            &options,
            "demo",
            "demo",
            Duration::ZERO,
        ))
        .expect_err("login without TLS is refused");
    assert!(err.to_string().contains("LOGIN failed"), "{err}");
}

/// Bad PEM input is an error naming what is wrong, not a panic.
#[test]
fn bad_pem_is_a_clear_error() {
    let g = demo_server::tls::generate().unwrap();
    let err = |r: Result<demo_server::tls::TlsConfig, String>| r.expect_err("an error");
    let e = err(demo_server::tls::config_from_pem(
        b"junk",
        g.key_pem.as_bytes(),
    ));
    assert!(e.contains("certificate PEM"), "{e}");
    let e = err(demo_server::tls::config_from_pem(
        g.chain_pem.as_bytes(),
        b"junk",
    ));
    assert!(e.contains("key PEM"), "{e}");
    // A key that does not belong to the certificate.
    let other = demo_server::tls::generate().unwrap();
    let e = err(demo_server::tls::config_from_pem(
        g.chain_pem.as_bytes(),
        other.key_pem.as_bytes(),
    ));
    assert!(e.contains("certificate and key"), "{e}");
}
