//! What the server's bytes meant to a [`Client`](super::Client): the
//! events, and how a command that got no readable completion ended.

use crate::parse::ParseError;
use crate::types::{ContinueRequest, Response, State, Tag, TaggedStatus, UntaggedStatus};

#[cfg(doc)]
use super::{Client, ClientError};

/// What the server's bytes meant.
#[derive(Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClientEvent<'a> {
    /// The greeting: `* OK`, `* PREAUTH` or `* BYE`.
    Greeting(UntaggedStatus<'a>),
    /// Untagged data or an untagged status (`* 3 EXISTS`, `* OK [...]`,
    /// `* BYE`...).
    Untagged(Response<'a>),
    /// A continuation request the caller must answer: an AUTHENTICATE
    /// challenge ([`Client::authenticate_respond`]), IDLE's `+ idling`, or
    /// one nothing was waiting for. Requests for literal octets are
    /// answered by the client itself and never show up here.
    Continue(ContinueRequest<'a>),
    /// A tagged completion, matched to the command it ends.
    Completed {
        /// The command's name (`"UID FETCH"`...).
        command: &'static str,
        /// The completion.
        status: TaggedStatus<'a>,
    },
    /// A tagged line for a command in flight that the grammar could not
    /// read (Gmail's `A1 OK [READ-WRITE] [Gmail]/Sent Mail selected.
    /// (Success)` before the grammar learnt it): the command is over all
    /// the same, and what was queued behind it goes out. The status word
    /// after the tag, when it is one, has its usual effect on the
    /// connection state; [`RawStatus::Bye`] ends the connection (every
    /// other command then gets [`ClientEvent::Aborted`]).
    CompletedRaw {
        /// The command's name.
        command: &'static str,
        /// Its tag.
        tag: Tag<'static>,
        /// The word after the tag.
        status: RawStatus,
        /// The whole message as received, CRLF included (a proxy relays it).
        bytes: &'a [u8],
        /// Why the grammar refused it.
        error: ParseError,
    },
    /// A command that will never get its completion: the server said BYE,
    /// the connection ended ([`Client::handle_connection_closed`]), or its
    /// tagged line was over a limit and skipped ([`AbortCause`]).
    /// Commands queued and not yet sent get one too: every tag
    /// [`Client::send`] gave out ends with exactly one `Completed`,
    /// `CompletedRaw` or `Aborted`.
    Aborted {
        /// The command's name.
        command: &'static str,
        /// Its tag.
        tag: Tag<'static>,
        /// Whether any of it was sent.
        sent: bool,
        /// Why it ends.
        cause: AbortCause,
    },
}

/// The word after the tag of a tagged line the grammar could not read
/// ([`ClientEvent::CompletedRaw`]), found by a minimal scan (`tag SP word`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RawStatus {
    /// `OK`, `NO` or `BAD` (any case; never [`State::Bye`], which is
    /// [`RawStatus::Bye`]).
    State(State),
    /// `BYE`: a tagged BYE (RFC 9051 allows BYE only untagged; some
    /// servers send it tagged), read as the end of the connection.
    Bye,
    /// Anything else: the command is over, its outcome unknown (no state
    /// change is made).
    Unknown,
}

/// Why a command ended without its completion ([`ClientEvent::Aborted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AbortCause {
    /// The server sent BYE (untagged, or tagged for another command).
    Bye,
    /// The caller said the connection ended
    /// ([`Client::handle_connection_closed`]).
    ConnectionClosed,
    /// The command's tagged line broke a limit of the framer and was
    /// skipped ([`ClientError::Limit`], just before): it ended the command,
    /// its outcome unknown.
    TooLarge,
}
