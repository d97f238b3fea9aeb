//! An IMAP4rev1 / IMAP4rev2 server built on imap-proto, in memory, one
//! std thread per connection: the library's "main job" shown end to end.
//!
//! ```sh
//! cargo run --release --example server          # 127.0.0.1:1143 (+ STARTTLS), 1993 (TLS)
//! IMAP_PORT=2143 IMAPS_PORT=2993 cargo run --example server  # other ports (0: any free one)
//! IMAP_TLS_CERT=chain.pem IMAP_TLS_KEY=key.pem cargo run --example server
//! IMAP_PLAIN_LOGIN=never cargo run --example server  # LOGINDISABLED before TLS, even on loopback
//! IMAP_QUIET=1 cargo run --example server       # no log line per command
//! ```
//!
//! Then point any IMAP client at it (Thunderbird, mutt, `curl
//! imap://127.0.0.1:1143/ -u demo:demo`, `curl --cacert CA.pem
//! imaps://127.0.0.1:1993/ -u demo:demo`, Python's imaplib, the `client`
//! example). Without `IMAP_TLS_CERT` / `IMAP_TLS_KEY` the server makes a
//! certificate at start and prints the path of the CA file to trust.
//! Mail is not written to disk: every start has the same seeded
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
//! - `date`: the clock and civil dates;
//! - `tls`: implicit TLS, STARTTLS, the certificate, the loopback rule.

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
pub mod tls;

pub use seed::{PASSWORD, USER};
use tls::{PlainLogin, TlsConfig};

/// How connections are served.
#[derive(Clone)]
pub struct Options {
    /// Log each command (secrets are redacted by the library's `Debug`).
    pub verbose: bool,
    /// The TLS configuration: offered by STARTTLS on a plain listener,
    /// used from the first byte on an implicit-TLS one. `None`: no TLS.
    pub tls: Option<TlsConfig>,
    /// Where login without TLS is allowed.
    pub plain_login: PlainLogin,
}

/// The store with the demo account filled in.
pub fn demo_store() -> store::Shared {
    let mut s = store::Store::default();
    seed::seed(&mut s);
    store::Shared::new(s)
}

/// Accepts connections forever, one thread each. `verbose` logs each
/// command (secrets are redacted by the library's `Debug`).
/// (Plain TCP, no TLS, login allowed from anywhere.)
pub fn serve(listener: TcpListener, store: store::Shared, verbose: bool) {
    let options = Options {
        verbose,
        tls: None,
        plain_login: PlainLogin::Always,
    };
    serve_with(listener, store, options, false);
}

/// Accepts connections forever, one thread each; `implicit_tls`: each
/// starts with the TLS handshake (needs `options.tls`).
pub fn serve_with(
    listener: TcpListener,
    store: store::Shared,
    options: Options,
    implicit_tls: bool,
) {
    let options = std::sync::Arc::new(options);
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let (store, options) = (store.clone(), options.clone());
        std::thread::spawn(move || conn::serve(stream, store, &options, implicit_tls));
    }
}

/// Binds 127.0.0.1 on the port in `var` (`default` if unset), or exits.
fn listen(var: &str, default: u16) -> TcpListener {
    let port: u16 = std::env::var(var)
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(default);
    match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e} (set {var} to use another port)");
            std::process::exit(1);
        }
    }
}

#[allow(dead_code)]
fn main() {
    let listener = listen("IMAP_PORT", 1143);
    let tls_listener = listen("IMAPS_PORT", 1993);
    let (tls, ca) = match tls::from_env(&std::env::temp_dir()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("TLS setup failed: {e}");
            std::process::exit(1);
        }
    };
    // Port 0 lets the system pick a free port: print the real ones.
    let port = listener.local_addr().map_or(0, |a| a.port());
    let tls_port = tls_listener.local_addr().map_or(0, |a| a.port());
    println!("imap-proto demo server on 127.0.0.1:{port} (IMAP4rev1 and IMAP4rev2, plain TCP + STARTTLS)");
    println!("implicit TLS on 127.0.0.1:{tls_port}");
    let trust = match &ca {
        Some(path) => {
            println!("self-signed CA certificate to trust: {}", path.display());
            path.display().to_string()
        }
        None => "CA.pem".to_owned(),
    };
    println!("log in as user {USER:?}, password {PASSWORD:?}");
    println!("try: curl imap://127.0.0.1:{port}/INBOX -u {USER}:{PASSWORD}");
    println!("     curl --cacert {trust} imaps://127.0.0.1:{tls_port}/INBOX -u {USER}:{PASSWORD}");
    // IMAP_QUIET=1: no log line per command (for load and stress runs).
    let verbose = std::env::var_os("IMAP_QUIET").is_none_or(|v| v.is_empty() || v == "0");
    let options = Options {
        verbose,
        tls: Some(tls),
        plain_login: PlainLogin::from_env(),
    };
    let store = demo_store();
    let (tls_store, tls_options) = (store.clone(), options.clone());
    std::thread::spawn(move || serve_with(tls_listener, tls_store, tls_options, true));
    serve_with(listener, store, options, false);
}
