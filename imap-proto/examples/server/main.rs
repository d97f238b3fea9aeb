//! An IMAP4rev1 / IMAP4rev2 server built on imap-proto, in memory, one
//! std thread per connection: the library's "main job" shown end to end.
//!
//! ```sh
//! cargo run --release --example server          # 127.0.0.1:1143, demo / demo
//! IMAP_PORT=2143 cargo run --example server     # another port (0: any free one)
//! IMAP_QUIET=1 cargo run --example server       # no log line per command
//! ```
//!
//! Then point any IMAP client at it (Thunderbird, mutt, `curl
//! imap://127.0.0.1:1143/ -u demo:demo`, Python's imaplib, the `client`
//! example). Nothing is written to disk: every start has the same seeded
//! mailboxes.
//!
//! The modules:
//! - `conn`: one connection: socket ⇄ `imap_proto::server::Server` ⇄ the
//!   command dispatch, IDLE, the autologout timer; the command handlers
//!   by area: `auth` (LOGIN, AUTHENTICATE), `mailbox` (CREATE ... LIST,
//!   STATUS, APPEND), `select` (SELECT, the view, EXPUNGE), `fetch`,
//!   `flags` (STORE, COPY, MOVE), `search_cmd` (SEARCH);
//! - `store`: accounts, mailboxes, messages, flags, change notification;
//! - `mime`: ENVELOPE, BODYSTRUCTURE and body sections of stored messages
//!   (MIME parsing by the mail-parser crate);
//! - `search`: SEARCH keys;
//! - `seed`: the demo account's mail;
//! - `date`: the clock and civil dates.

use std::net::TcpListener;

mod auth;
mod conn;
mod date;
mod fetch;
mod flags;
mod mailbox;
mod mime;
mod search;
mod search_cmd;
mod seed;
mod select;
mod store;

pub use seed::{PASSWORD, USER};

/// The store with the demo account filled in.
pub fn demo_store() -> store::Shared {
    let mut s = store::Store::default();
    seed::seed(&mut s);
    store::Shared::new(s)
}

/// Accepts connections forever, one thread each. `verbose` logs each
/// command (secrets are redacted by the library's `Debug`).
pub fn serve(listener: TcpListener, store: store::Shared, verbose: bool) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let store = store.clone();
        std::thread::spawn(move || conn::serve(stream, store, verbose));
    }
}

#[allow(dead_code)]
fn main() {
    let port: u16 = std::env::var("IMAP_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1143);
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e} (set IMAP_PORT to use another port)");
            std::process::exit(1);
        }
    };
    // IMAP_PORT=0 lets the system pick a free port: print the real one.
    let port = listener.local_addr().map_or(port, |a| a.port());
    println!("imap-proto demo server on 127.0.0.1:{port} (IMAP4rev1 and IMAP4rev2, plain TCP)");
    println!("log in as user {USER:?}, password {PASSWORD:?}");
    println!("try: curl imap://127.0.0.1:{port}/INBOX -u {USER}:{PASSWORD}");
    // IMAP_QUIET=1: no log line per command (for load and stress runs).
    let verbose = std::env::var_os("IMAP_QUIET").is_none_or(|v| v.is_empty() || v == "0");
    serve(listener, demo_store(), verbose);
}
