//! A sans-IO IMAP4rev1 / IMAP4rev2 protocol core.
//!
//! Bytes go in, typed commands and responses come out; typed values go in,
//! bytes come out.
//!
//! What imap-proto does **not** do: it opens no socket, negotiates no TLS,
//! reads no clock, spawns no thread and never blocks. The program that
//! embeds it does the I/O and passes time in.
//!
//! The crate is built in layers; each uses only those before it:
//!
//! 1. [`types`]: the vocabulary, valid by construction;
//! 2. `parse`: the grammar ([`parse_command`], [`parse_response`]);
//! 3. [`encode`]: values to bytes ([`Command::to_bytes`](types::Command::to_bytes));
//! 4. [`frame`]: the incremental framer;
//! 5. [`server`], [`client`]: the session state machines, and
//!    [`compress`]: COMPRESS=DEFLATE inside them (feature `compress`);
//! 6. `io` (features `blocking` and `tokio`, off by default): drivers that
//!    run a session over a caller's stream. Nothing above depends on it.
//!
//! A small module below them all, `fast`, holds the byte classes and
//! scanning loops the others share.
//!
//! ```
//! use imap_proto::parse_command;
//! let (cmd, used) = parse_command(b"A1 NOOP\r\n").unwrap();
//! assert_eq!(used, 9);
//! assert_eq!(cmd.to_bytes(), b"A1 NOOP\r\n");
//! ```
//!
//! # Real peers as they are: degrade, never fail, never lose
//!
//! Real servers send what the grammar does not allow. Inside a message, a
//! part that does not match its grammar degrades instead of failing the
//! message, where the reading is unambiguous; encoding stays exact (what
//! was read leniently encodes to bytes that parse back to the same
//! value), and values that would be ambiguous cannot be built. On the
//! response side:
//!
//! - response texts ([`types::RespText`]): a `[` that opens no readable
//!   code is text, the text after a code may begin with `[` (Gmail's
//!   `A1 OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)`), and a
//!   known code with a malformed argument (`[UIDNEXT 0]`) is kept as the
//!   generic [`types::OtherCode`] with its argument as sent;
//! - a tagged `BYE` is a completion, [`types::State::Bye`];
//! - Gmail's keywords holding `]` are [`types::BracketKeyword`]s; mailbox
//!   names sent unquoted with spaces, or quoted without escapes, are read
//!   in STATUS and LIST;
//! - known untagged data that still fails its grammar is kept raw under its
//!   keyword ([`types::OtherData`]);
//! - in FETCH, an item is read leniently where that is unambiguous
//!   (Domino's extra parentheses, NIL inside address lists, a part with no
//!   subtype), else kept raw under its name
//!   ([`types::MessageDataItem::Malformed`], delimited by the generic value
//!   grammar), the other items staying typed.
//!
//! On the command side, commands this crate does not know (`x-command`,
//! any unknown name) are commands: [`types::CommandBody::Other`], with
//! their raw arguments ([`types::OtherArguments`], literals counted),
//! re-encoded byte for byte; `allowed_in` says no, so a server answers BAD
//! unless it implements them, and a proxy relays them.
//!
//! The sessions lose nothing and leave nothing hanging: every message that
//! frames reaches the caller, typed, degraded, or as an error carrying its
//! bytes; a tagged line of a command in flight always ends it (as
//! [`client::ClientEvent::CompletedRaw`] when the line cannot be read);
//! `* BYE` or [`client::Client::handle_connection_closed`] ends every command
//! still open with [`client::ClientEvent::Aborted`].
//!
//! Numbers outside their ranges, NUL or bare CR/LF where the grammar
//! forbids them, and broken framing stay errors.
#![forbid(unsafe_code)]
#![warn(missing_docs, unreachable_pub, elided_lifetimes_in_paths)]

mod fast;

pub mod types;

mod parse;
pub use parse::{ParseError, ParseLimits};

pub mod encode;

pub mod frame;

pub mod server;

pub mod client;

pub mod compress;

#[cfg(any(feature = "blocking", feature = "tokio"))]
pub mod io;

use types::{Command, Response};

/// Parses one complete command from the start of `input`: the command and
/// the number of bytes it took. Trailing bytes are left alone.
///
/// A strict prefix of a valid command gives [`ParseError::Incomplete`].
pub fn parse_command(input: &[u8]) -> Result<(Command<'_>, usize), ParseError> {
    parse_command_with(input, &ParseLimits::default())
}

/// [`parse_command`] with explicit limits.
pub fn parse_command_with<'a>(
    input: &'a [u8],
    limits: &ParseLimits,
) -> Result<(Command<'a>, usize), ParseError> {
    parse::finish(input, parse::command::command(input, limits))
}

/// Parses one complete server message from the start of `input`: a
/// greeting, a status response, untagged data or a continuation request,
/// and the number of bytes it took.
pub fn parse_response(input: &[u8]) -> Result<(Response<'_>, usize), ParseError> {
    parse_response_with(input, &ParseLimits::default())
}

/// [`parse_response`] with explicit limits.
pub fn parse_response_with<'a>(
    input: &'a [u8],
    limits: &ParseLimits,
) -> Result<(Response<'a>, usize), ParseError> {
    parse::finish(input, parse::response::response(input, limits))
}

/// The README's examples, compiled and run as doctests (with the default
/// features: one shows COMPRESS=DEFLATE inside the sessions).
#[doc = include_str!("../../README.md")]
#[cfg(all(doctest, feature = "compress"))]
pub struct ReadmeDoctests;
