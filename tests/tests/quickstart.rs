//! The quickstart examples (imap-proto/examples/quickstart*.rs, on the
//! `imap_proto::io` drivers) against the example server, started
//! in-process on a free loopback port. New mail is injected from a second
//! connection (the blocking driver) while the example idles.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use imap_proto::io::blocking::Connection;
use imap_proto::types::CommandBody;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/server/main.rs"]
mod demo_server;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/quickstart.rs"]
mod quickstart;

#[allow(dead_code)]
#[path = "../../imap-proto/examples/quickstart_tokio.rs"]
mod quickstart_tokio;

fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || demo_server::serve(listener, demo_server::demo_store(), false));
    addr
}

/// What the example printed, shared with the test.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Appends a message every 300 ms from a second connection until `stop`.
fn inject(addr: String, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<u32> {
    std::thread::spawn(move || {
        let mut conn = Connection::connect(TcpStream::connect(&addr).unwrap()).unwrap();
        conn.run(CommandBody::login("demo", "demo")).unwrap();
        let mut n = 0;
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(300));
            let mail = b"From: <b@localhost>\r\nSubject: injected\r\n\r\nhi\r\n".to_vec();
            conn.run(CommandBody::append("INBOX", mail)).unwrap();
            n += 1;
        }
        conn.run(CommandBody::Logout).unwrap();
        n
    })
}

/// Runs `example` with new mail injected meanwhile; checks what it printed.
fn check(example: impl FnOnce(&str, Shared) -> Result<(), String>) {
    let addr = start_server();
    let stop = Arc::new(AtomicBool::new(false));
    let injector = inject(addr.clone(), stop.clone());
    let out = Shared::default();
    let start = Instant::now();
    let result = example(&addr, out.clone());
    stop.store(true, Ordering::SeqCst);
    let took = start.elapsed();
    assert!(injector.join().unwrap() > 0);
    let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    println!("{text}");
    assert!(result.is_ok(), "{result:?}\n{text}");
    // Idling ended on the injected mail, well before the 20 s deadline.
    assert!(text.contains("new mail: true"), "{text}");
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(text.contains("mailbox INBOX"), "{text}");
    let messages: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
    assert!(!messages.is_empty() && messages.len() <= 10, "{text}");
    // RFC 2047 words (the seeded senders' names are all `=?UTF-8?B?...?=`)
    // come out decoded.
    assert!(!text.contains("=?UTF-8?"), "{text}");
    assert!(text.ends_with("logged out\n"), "{text}");
}

#[test]
fn quickstart_against_the_example_server() {
    check(|addr, mut out| {
        quickstart::run(addr, "demo", "demo", Duration::from_secs(20), &mut out)
            .map_err(|e| e.to_string())
    });
}

#[test]
fn quickstart_tokio_against_the_example_server() {
    check(|addr, mut out| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(quickstart_tokio::run(
            addr,
            "demo",
            "demo",
            Duration::from_secs(20),
            &mut out,
        ))
        .map_err(|e| e.to_string())
    });
}
