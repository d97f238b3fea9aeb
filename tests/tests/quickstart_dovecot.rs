//! The quickstart example (on the `imap_proto::io` blocking driver)
//! against a real Dovecot on loopback, started by tests/peers/dovecot-up.sh
//! as interop_dovecot.rs does (root and Dovecot needed; the test FAILS if
//! Dovecot cannot start). New mail is appended from a second connection
//! while the example idles.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use imap_proto::io::blocking::Connection;
use imap_proto::types::CommandBody;
use imap_proto_tests::crate_dir;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/quickstart.rs"]
mod quickstart;

/// A private Dovecot; stopped (and its directory removed) on drop.
struct Dovecot {
    port: u16,
    dir: PathBuf,
}

impl Dovecot {
    fn start() -> Dovecot {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let dir = std::env::temp_dir().join(format!("imap-proto-dovecot-qs-{port}"));
        let d = Dovecot { port, dir };
        let _ = std::fs::remove_dir_all(&d.dir);
        let out = d.script("dovecot-up.sh");
        assert!(
            out.status.success(),
            "Dovecot could not be started (tests/peers/dovecot-up.sh: {}):\n{}\n{}",
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
            .output()
            .unwrap_or_else(|e| panic!("cannot run bash {}: {e}", path.display()))
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.script("dovecot-down.sh");
    }
}

#[test]
fn quickstart_against_dovecot() {
    let dovecot = Dovecot::start();
    let addr = format!("127.0.0.1:{}", dovecot.port);
    // Two messages before, one with an RFC 2047 subject.
    let mut other = Connection::connect(TcpStream::connect(&addr).unwrap()).unwrap();
    other.run(CommandBody::login("test", "test")).unwrap();
    for subject in ["plain", "=?UTF-8?Q?R=C3=A9union_au_caf=C3=A9?="] {
        let mail = format!("From: Ann <ann@localhost>\r\nSubject: {subject}\r\n\r\nhi\r\n");
        other
            .run(CommandBody::append("INBOX", mail.into_bytes()))
            .unwrap();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let injector = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(300));
                let mail = b"From: <b@localhost>\r\nSubject: injected\r\n\r\nhi\r\n".to_vec();
                other.run(CommandBody::append("INBOX", mail)).unwrap();
            }
            other.run(CommandBody::Logout).unwrap();
        })
    };
    let mut out = Vec::new();
    let start = Instant::now();
    let result = quickstart::run(&addr, "test", "test", Duration::from_secs(20), &mut out);
    stop.store(true, Ordering::SeqCst);
    injector.join().unwrap();
    let text = String::from_utf8(out).unwrap();
    println!("{text}");
    assert!(result.is_ok(), "{result:?}\n{text}");
    assert!(text.contains("mailbox INBOX"), "{text}");
    assert!(text.contains("| Réunion au café"), "{text}");
    assert!(text.contains("new mail: true"), "{text}");
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    assert!(text.ends_with("logged out\n"), "{text}");
}
