//! Layer 5: COMPRESS=DEFLATE (RFC 4978) inside the sessions.
//!
//! With the cargo feature `compress` (on by default), [`Server`] and
//! [`Client`] compress and decompress by themselves from the switch point
//! on: the CRLF that ends the tagged OK of `COMPRESS DEFLATE`, sent by the
//! server ([`Server::send`]) or received by the client. From there
//! `handle_input` takes the compressed bytes read from the socket and
//! `poll_transmit` gives compressed bytes to write; nothing else changes
//! for the caller, who never calls `transport_switched` for COMPRESS.
//!
//! - The stream is raw deflate (RFC 1951, no zlib header), as RFC 4978 §3
//!   says. Output is flushed with a sync flush (RFC 1951 §3.2.4's empty
//!   stored block) whenever `poll_transmit` is called with new output, so
//!   the peer never waits on bytes held in the compressor: everything
//!   queued before that call is in the bytes it gives.
//! - Input is inflated lazily, in steps of at most [`INFLATE_STEP`]
//!   bytes, and only when the framer needs more: inflated bytes go through
//!   the same framer and the same [`FrameLimits`](crate::frame::FrameLimits)
//!   as plain input. A few kilobytes that inflate to gigabytes (a "deflate
//!   bomb") break a limit after at most the limit plus one step was
//!   inflated, and the rest is skipped as the limit says (discarded by
//!   count or to the end of the line), never buffered.
//! - RFC 4978 §3: COMPRESS once per connection. A second COMPRESS, and a
//!   STARTTLS after COMPRESS (TLS must be the outer layer), are refused:
//!   the [`Server`] gives [`CompressError::Active`] as an error event (its
//!   [`CompressError::response`] is the `NO [COMPRESSIONACTIVE]` or `BAD`
//!   to send) instead of the command; the [`Client`] refuses to send them
//!   ([`SendError::CompressionActive`](crate::client::SendError::CompressionActive)).
//! - A byte sequence that is not deflate data ends the connection:
//!   [`CompressError::Inflate`], which is fatal.
//!
//! The codec is miniz_oxide (pure Rust, no `unsafe`). Its state is
//! allocated at the switch point only (about 300 KiB for the compressor,
//! 45 KiB for the decompressor); a session that never compresses pays
//! nothing. Without the feature the sessions keep the plain switch point:
//! the caller compresses around the session and calls
//! `transport_switched` ([`ENABLED`] says which).
//!
//! ```
//! # #[cfg(feature = "compress")] {
//! use imap_proto::client::{Client, ClientConfig, ClientEvent};
//! use imap_proto::server::{Server, ServerConfig, ServerEvent};
//! use imap_proto::types::{RespText, Response, State, TaggedStatus, Text};
//!
//! let mut server = Server::new(ServerConfig::default());
//! let mut client = Client::new(ClientConfig::default());
//! client.handle_input(b"* OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] hi\r\n");
//! assert!(matches!(client.poll_event(), Some(Ok(ClientEvent::Greeting(_)))));
//! let tag = client.compress().unwrap();
//! // Client -> server: the COMPRESS command, in plain text.
//! let bytes = client.poll_transmit().unwrap().to_vec();
//! client.consume_transmit(bytes.len());
//! server.handle_input(&bytes);
//! assert!(matches!(server.poll_event(), Some(Ok(ServerEvent::Command(_)))));
//! let ok = TaggedStatus {
//!     tag,
//!     state: State::Ok,
//!     text: RespText::new(Text::try_from("DEFLATE active").unwrap()),
//! };
//! server.send(&Response::Tagged(ok)).unwrap();
//! assert!(server.compression_active());
//! // Server -> client: the OK, plain; the client inflates what follows.
//! let bytes = server.poll_transmit().unwrap().to_vec();
//! server.consume_transmit(bytes.len());
//! client.handle_input(&bytes);
//! assert!(matches!(client.poll_event(), Some(Ok(ClientEvent::Completed { .. }))));
//! assert!(client.compression_active());
//! // From here on both sides speak deflate.
//! client.send(imap_proto::types::CommandBody::Noop).unwrap();
//! let bytes = client.poll_transmit().unwrap().to_vec();
//! assert_ne!(&bytes[..], b"A2 NOOP\r\n");
//! client.consume_transmit(bytes.len());
//! server.handle_input(&bytes);
//! match server.poll_event() {
//!     Some(Ok(ServerEvent::Command(c))) => assert_eq!(c.tag.as_str(), "A2"),
//!     other => panic!("{other:?}"),
//! }
//! # }
//! ```
//!
//! [`Server`]: crate::server::Server
//! [`Server::send`]: crate::server::Server::send
//! [`Client`]: crate::client::Client

use crate::types::{CommandBody, UntaggedStatus};
use crate::types::{Condition, RespText, Response, ResponseCode, State, Tag, TaggedStatus, Text};

/// Whether this build compresses inside the sessions (the cargo feature
/// `compress`). When `false`, COMPRESS is a plain switch point, as
/// STARTTLS is.
pub const ENABLED: bool = cfg!(feature = "compress");

/// Most bytes inflated at a time, before the framer looks at them: the
/// bound on what compressed input can add to the framer's buffer beyond
/// its limits.
pub const INFLATE_STEP: usize = 16 * 1024;

/// Something wrong with compression on this connection.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CompressError {
    /// The peer's bytes are not a raw deflate stream (RFC 1951), or go on
    /// after its final block. Nothing after them can be read: the
    /// connection must end.
    #[error("invalid deflate data at compressed byte {offset}: {reason}")]
    Inflate {
        /// Offset of the compressed byte where the error was seen, counted
        /// from the switch point.
        offset: u64,
        /// What was wrong.
        reason: &'static str,
    },
    /// COMPRESS while compression is active, or STARTTLS after COMPRESS
    /// (RFC 4978 §3: once per connection, and TLS is the outer layer).
    /// Refused; the connection goes on.
    #[error("{command} refused: DEFLATE compression is already active")]
    Active {
        /// The refused command's tag.
        tag: Tag<'static>,
        /// `COMPRESS` or `STARTTLS`.
        command: &'static str,
    },
}

impl CompressError {
    /// The tag of the refused command.
    pub fn tag(&self) -> Option<&Tag<'static>> {
        match self {
            CompressError::Active { tag, .. } => Some(tag),
            CompressError::Inflate { .. } => None,
        }
    }

    /// Whether the connection must end (the deflate stream is broken).
    pub fn is_fatal(&self) -> bool {
        matches!(self, CompressError::Inflate { .. })
    }

    /// What a server answers: `NO [COMPRESSIONACTIVE]` for a second
    /// COMPRESS (RFC 4978 §3, RFC 5530; Dovecot 2.3 answers the same, see
    /// `tests/corpus/compressed/20-imaplib-compress`), `BAD` for STARTTLS
    /// after COMPRESS, `* BYE` for broken deflate data.
    ///
    /// ```
    /// use imap_proto::compress::CompressError;
    /// use imap_proto::types::Tag;
    /// let e = CompressError::Active { tag: Tag::try_from("c6").unwrap(), command: "COMPRESS" };
    /// assert_eq!(e.response().to_bytes(), b"c6 NO [COMPRESSIONACTIVE] DEFLATE is active already\r\n");
    /// assert!(!e.is_fatal());
    /// ```
    pub fn response(&self) -> Response<'static> {
        let text = |s: &'static str| Text::try_from(s).unwrap_or_default();
        match self {
            CompressError::Active { tag, command } => {
                let (state, code, msg) = if *command == "COMPRESS" {
                    let code = Some(ResponseCode::CompressionActive);
                    (State::No, code, "DEFLATE is active already")
                } else {
                    (State::Bad, None, "STARTTLS is not allowed after COMPRESS")
                };
                Response::Tagged(TaggedStatus {
                    tag: tag.clone(),
                    state,
                    text: RespText {
                        code,
                        text: text(msg),
                    },
                })
            }
            CompressError::Inflate { .. } => Response::Untagged(UntaggedStatus {
                condition: Condition::Bye,
                text: RespText::new(text("Invalid deflate data")),
            }),
        }
    }
}

/// The command name a session must refuse while compression is active.
pub(crate) fn refused_while_active(body: &CommandBody<'_>) -> Option<&'static str> {
    match body {
        CommandBody::Compress(_) => Some("COMPRESS"),
        CommandBody::StartTls => Some("STARTTLS"),
        _ => None,
    }
}

#[cfg(feature = "compress")]
mod codec;
#[cfg(feature = "compress")]
pub(crate) use codec::Codec;

#[cfg(not(feature = "compress"))]
mod off;
#[cfg(not(feature = "compress"))]
pub(crate) use off::Codec;

#[cfg(all(test, feature = "compress"))]
mod tests;
