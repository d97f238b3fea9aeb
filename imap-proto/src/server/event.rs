//! What the client's bytes meant to a [`Server`](super::Server).

use crate::types::{Command, Secret, Tag};

#[cfg(doc)]
use super::{Server, ServerConfig};

/// What the client's bytes meant.
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServerEvent<'a> {
    /// A complete command. The caller answers it (tagged completion).
    Command(Command<'a>),
    /// The client announced a synchronizing literal and waits for a
    /// continuation request: call [`Server::accept_literal`] or
    /// [`Server::reject_literal`] before polling on.
    LiteralAnnounced {
        /// The command's tag.
        tag: Tag<'a>,
        /// The announced length.
        length: u64,
        /// `~{N}`: literal8.
        binary: bool,
    },
    /// A literal of at least [`ServerConfig::stream_literals_from`] octets
    /// begins (accepted, if synchronizing): its octets follow as
    /// [`ServerEvent::LiteralData`], and the command, when complete, holds
    /// an empty literal in their place. Nothing of it is buffered.
    LiteralStreaming {
        /// The command's tag, when readable.
        tag: Option<Tag<'a>>,
        /// The announced length (the caller enforces its own bound).
        length: u64,
    },
    /// Octets of a streamed literal, in order.
    LiteralData(&'a [u8]),
    /// A client response in an AUTHENTICATE exchange, decoded from base64
    /// (RFC 9051 §6.2.2). The caller sends the next challenge or the
    /// tagged completion.
    AuthenticateData(Secret<Vec<u8>>),
    /// The client cancelled AUTHENTICATE with `*`: answer with a tagged BAD.
    AuthenticateCancelled,
    /// `DONE` ended IDLE (RFC 2177): send the IDLE command's completion.
    IdleDone,
    /// No command came for the autologout time: `* BYE` is queued and the
    /// state is Logout. Flush the output, then close.
    AutologoutExpired,
}
