//! TLS for the example server: rustls with the ring provider.
//!
//! - Implicit TLS (RFC 8314) on `IMAPS_PORT`: the connection starts with
//!   the handshake, the greeting comes over TLS.
//! - STARTTLS (RFC 9051 §6.2.1) on `IMAP_PORT`: the tagged OK goes out in
//!   plain text, then the transport switches. The library's `Server`
//!   discards and reports whatever the client sent after `STARTTLS` and
//!   before the switch (`ServerError::InputBeforeSwitch`, fatal): an
//!   injected command is never run.
//! - The certificate and key come from the PEM files named by
//!   `IMAP_TLS_CERT` and `IMAP_TLS_KEY`; else a demo CA and a server
//!   certificate for `127.0.0.1` and `localhost` signed by it are made at
//!   start (rcgen), and the CA certificate is written to a file whose path
//!   the server prints: clients trust that file.
//! - Before TLS, LOGIN and AUTHENTICATE are allowed from loopback only
//!   (Dovecot's rule); elsewhere the server announces `LOGINDISABLED` and
//!   answers `NO [PRIVACYREQUIRED]` until STARTTLS. `IMAP_PLAIN_LOGIN`
//!   (`loopback`, the default; `never`; `always`) changes the rule, so
//!   that a test on loopback can see the remote behaviour.
//!
//! COMPRESS=DEFLATE (after TLS or not) is not offered yet: the in-session
//! COMPRESS of the library (branch `compress`) had not landed when this
//! was written; once it has, the server can announce it and switch in the
//! same way as STARTTLS, with deflate inside the TLS records.
//!
//! The socket reader thread of `conn` stays as it is: it forwards raw
//! bytes, and the connection thread runs them through the
//! `rustls::ServerConnection` (records in, plaintext to the `Server`;
//! plaintext from the `Server`, records out).

use std::io::{self, ErrorKind, Read, Write};
use std::net::{IpAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ServerConfig, ServerConnection};

use imap_proto::types::{ResponseCode, Tag};

use super::conn::{bad, no, ok, Conn};

/// A TLS server configuration, shared by every connection.
pub type TlsConfig = Arc<ServerConfig>;

/// Where LOGIN and AUTHENTICATE are allowed without TLS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlainLogin {
    /// From any peer (a server without TLS).
    Always,
    /// From loopback peers only (Dovecot's rule; the default).
    Loopback,
    /// From no peer: TLS first (tests of the remote behaviour).
    Never,
}

impl PlainLogin {
    /// `IMAP_PLAIN_LOGIN`: `always`, `never`, else `loopback`.
    pub fn from_env() -> PlainLogin {
        match std::env::var("IMAP_PLAIN_LOGIN").as_deref() {
            Ok("always") => PlainLogin::Always,
            Ok("never") => PlainLogin::Never,
            _ => PlainLogin::Loopback,
        }
    }

    /// Whether a peer at `ip` may log in without TLS.
    pub fn allows(self, ip: Option<IpAddr>) -> bool {
        match self {
            PlainLogin::Always => true,
            PlainLogin::Loopback => ip.is_some_and(|ip| ip.is_loopback()),
            PlainLogin::Never => false,
        }
    }
}

/// The server configuration for a certificate chain and key in PEM.
pub fn config_from_pem(cert_pem: &[u8], key_pem: &[u8]) -> Result<TlsConfig, String> {
    let certs = CertificateDer::pem_slice_iter(cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("certificate PEM: {e}"))?;
    if certs.is_empty() {
        return Err("certificate PEM: no CERTIFICATE block".to_owned());
    }
    let key = PrivateKeyDer::from_pem_slice(key_pem).map_err(|e| format!("key PEM: {e}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS versions: {e}"))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| format!("certificate and key: {e}"))?;
    Ok(Arc::new(config))
}

/// A demo CA and a server certificate signed by it, in PEM.
pub struct Generated {
    /// The CA certificate: what clients trust.
    pub ca_pem: String,
    /// The server's chain: its certificate, then the CA's.
    pub chain_pem: String,
    /// The server certificate's private key.
    pub key_pem: String,
}

/// Makes a CA and a server certificate for `127.0.0.1` and `localhost`.
pub fn generate() -> Result<Generated, String> {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
        KeyUsagePurpose,
    };
    let err = |e: rcgen::Error| format!("generating the certificate: {e}");
    let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(err)?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "imap-proto demo CA");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_key = KeyPair::generate().map_err(err)?;
    let ca_cert = ca.self_signed(&ca_key).map_err(err)?;

    let names = vec!["127.0.0.1".to_owned(), "localhost".to_owned()];
    let mut leaf = CertificateParams::new(names).map_err(err)?;
    leaf.distinguished_name
        .push(DnType::CommonName, "imap-proto demo server");
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    leaf.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    leaf.use_authority_key_identifier_extension = true;
    let leaf_key = KeyPair::generate().map_err(err)?;
    let leaf_cert = leaf.signed_by(&leaf_key, &ca_cert, &ca_key).map_err(err)?;
    Ok(Generated {
        ca_pem: ca_cert.pem(),
        chain_pem: format!("{}{}", leaf_cert.pem(), ca_cert.pem()),
        key_pem: leaf_key.serialize_pem(),
    })
}

/// The configuration the server starts with: from `IMAP_TLS_CERT` and
/// `IMAP_TLS_KEY`, else generated, its CA certificate written into
/// `dir`. Also the file clients should trust (`None`: the one given).
pub fn from_env(dir: &Path) -> Result<(TlsConfig, Option<PathBuf>), String> {
    let cert = std::env::var_os("IMAP_TLS_CERT").filter(|v| !v.is_empty());
    let key = std::env::var_os("IMAP_TLS_KEY").filter(|v| !v.is_empty());
    match (cert, key) {
        (Some(cert), Some(key)) => {
            let read = |p: &std::ffi::OsStr| {
                std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", Path::new(p).display()))
            };
            Ok((config_from_pem(&read(&cert)?, &read(&key)?)?, None))
        }
        (None, None) => {
            let g = generate()?;
            let path = dir.join(format!("imap-proto-demo-ca-{}.pem", std::process::id()));
            std::fs::write(&path, &g.ca_pem)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let config = config_from_pem(g.chain_pem.as_bytes(), g.key_pem.as_bytes())?;
            Ok((config, Some(path)))
        }
        _ => Err("set both IMAP_TLS_CERT and IMAP_TLS_KEY, or neither".to_owned()),
    }
}

/// Writes `bytes` to the socket, through TLS when the connection has it.
pub(super) fn write(
    stream: &mut TcpStream,
    tls: Option<&mut ServerConnection>,
    bytes: &[u8],
) -> io::Result<()> {
    let Some(tls) = tls else {
        return stream.write_all(bytes);
    };
    // rustls buffers a bounded amount: hand it over in record-sized
    // pieces, writing the records out after each.
    for piece in bytes.chunks(16 * 1024) {
        tls.writer().write_all(piece)?;
        send_records(stream, tls)?;
    }
    Ok(())
}

/// Writes out the TLS records rustls has ready (handshake, data, alerts).
fn send_records(stream: &mut TcpStream, tls: &mut ServerConnection) -> io::Result<()> {
    while tls.wants_write() {
        tls.write_tls(stream)?;
    }
    Ok(())
}

impl Conn {
    /// Whether LOGIN and AUTHENTICATE are allowed now.
    pub(super) fn login_allowed(&self) -> bool {
        self.tls.is_some() || self.plain_login
    }

    /// Bytes read from the socket: given to the `Server` as they are, or
    /// over TLS decrypted first (and the handshake answered).
    pub(super) fn input(&mut self, bytes: &[u8]) {
        let Some(tls) = self.tls.as_deref_mut() else {
            self.server.handle_input(bytes);
            return;
        };
        let mut rest = bytes;
        let mut plain = Vec::new();
        let mut failure = None;
        while !rest.is_empty() && failure.is_none() {
            if let Err(e) = tls.read_tls(&mut rest) {
                failure = Some(format!("TLS read: {e}"));
                break;
            }
            if let Err(e) = tls.process_new_packets() {
                failure = Some(format!("TLS: {e}"));
                break;
            }
            let mut buf = [0u8; 16 * 1024];
            loop {
                match tls.reader().read(&mut buf) {
                    Ok(0) => {
                        // close_notify: the client is done.
                        failure = Some("TLS closed by the client".to_owned());
                        break;
                    }
                    Ok(n) => plain.extend_from_slice(&buf[..n]),
                    Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                    Err(e) => {
                        failure = Some(format!("TLS: {e}"));
                        break;
                    }
                }
            }
        }
        // The handshake's answers, or the alert that ends it.
        if send_records(&mut self.stream, tls).is_err() && failure.is_none() {
            failure = Some("TLS write failed".to_owned());
        }
        if !plain.is_empty() {
            self.server.handle_input(&plain);
        }
        if let Some(why) = failure {
            if self.verbose {
                eprintln!("[{}] {why}", self.peer);
            }
            self.closed = true;
        }
    }

    /// STARTTLS: the tagged OK in plain text, then TLS from the next byte.
    pub(super) fn starttls(&mut self, tag: Tag<'static>) {
        let config = match (&self.tls, &self.tls_config) {
            (Some(_), _) => return self.finish(tag, bad("TLS is already active"), false),
            (None, None) => return self.finish(tag, bad("STARTTLS is not offered here"), false),
            (None, Some(config)) => config.clone(),
        };
        let Ok(session) = ServerConnection::new(config) else {
            return self.finish(tag, no(None, "TLS is not available"), false);
        };
        self.finish(tag, ok("Begin TLS negotiation now"), false);
        self.flush();
        self.tls = Some(Box::new(session));
        // What the client sent behind STARTTLS comes out of the next
        // poll_event as InputBeforeSwitch: BYE and hang up (conn::error).
        self.server.transport_switched();
    }

    /// The answer to LOGIN or AUTHENTICATE when they need TLS first.
    pub(super) fn privacy_required() -> super::conn::Reply {
        no(
            Some(ResponseCode::PrivacyRequired),
            "Login without TLS is allowed from loopback only: use STARTTLS",
        )
    }
}
