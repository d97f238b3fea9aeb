//! Layer 2: the grammar. One function per ABNF rule, named after it, with
//! the rule quoted in its doc comment, over one complete message.
//!
//! The parsers are nom 8 parsers over `&[u8]` that treat their input as
//! complete: running out of bytes is an error like any other. Whether an
//! error means "invalid" or "send more" is decided once, at the top, by
//! looking for the message's end the way the framer does (CRLF, literals
//! skipped by count): if the message is not complete yet the answer is
//! [`ParseError::Incomplete`]. So every strict prefix of a valid message is
//! `Incomplete`, by construction, and the grammar stays simple.
//!
//! Lenient where real peers deviate (doubled and trailing spaces, lowercase
//! keywords, `NIL` for a string, NUL in a literal); never lenient in a way
//! that loses or invents data.

use nom::error::{ErrorKind, ParseError as NomParseError};

use crate::fast::{self, MessageEnd};
use crate::types::Tag;

pub(crate) mod core;

pub(crate) mod annotate;
pub(crate) mod body;
pub(crate) mod code;
pub(crate) mod command;
pub(crate) mod data;
pub(crate) mod fetch;
pub(crate) mod filters;
pub(crate) mod fuzzy;
pub(crate) mod gmail;
pub(crate) mod i18n;
pub(crate) mod list_ext;
pub(crate) mod mailbox_data;
pub(crate) mod multisearch;
pub(crate) mod notify;
pub(crate) mod progress;
pub(crate) mod replace;
pub(crate) mod response;
pub(crate) mod search;
pub(crate) mod urlauth;

/// Why a message could not be parsed.
///
/// ```
/// use imap_proto::{parse_command, ParseError};
/// let e = parse_command(b"A1 NOOP").unwrap_err();
/// assert!(e.is_incomplete());
/// let e = parse_command(b"A1 (NOOP\r\n").unwrap_err();
/// assert_eq!(e.offset(), Some(3));
/// assert_eq!(e.tag().map(|t| t.as_str()), Some("A1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input ends before the message does: feed more bytes. Not an error
    /// of the peer.
    #[error("incomplete message: more input is needed")]
    Incomplete,
    /// The message is complete but breaks the grammar.
    #[error("invalid message at byte {offset}: expected {expected}")]
    Invalid {
        /// Offset of the first byte that could not be parsed.
        offset: usize,
        /// What the grammar expected there (an ABNF rule or a literal token).
        expected: &'static str,
        /// The message's tag, when one could be read (to answer `BAD`).
        tag: Option<Tag<'static>>,
    },
    /// The message is well-formed so far but exceeds a limit.
    #[error("limit exceeded at byte {offset}: {limit} (at most {max})")]
    Limit {
        /// Offset where the limit was exceeded.
        offset: usize,
        /// Which limit, by name (`"nesting depth"`...).
        limit: &'static str,
        /// The limit's value.
        max: usize,
        /// The message's tag, when one could be read.
        tag: Option<Tag<'static>>,
    },
}

impl ParseError {
    /// Whether more input is needed (rather than the input being wrong).
    pub fn is_incomplete(&self) -> bool {
        matches!(self, ParseError::Incomplete)
    }
    /// For an invalid message or an exceeded limit, the offset of the byte
    /// where it went wrong.
    pub fn offset(&self) -> Option<usize> {
        match self {
            ParseError::Incomplete => None,
            ParseError::Invalid { offset, .. } | ParseError::Limit { offset, .. } => Some(*offset),
        }
    }
    /// The tag of the message that failed, when it could be read.
    pub fn tag(&self) -> Option<&Tag<'static>> {
        match self {
            ParseError::Incomplete => None,
            ParseError::Invalid { tag, .. } | ParseError::Limit { tag, .. } => tag.as_ref(),
        }
    }
}

/// Limits the grammar enforces itself (the framer enforces the others).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseLimits {
    /// Deepest nesting of parenthesized lists (body structures, search
    /// keys, extension data, THREAD). Default 64: RFC 9051 sets no bound;
    /// real MIME trees seldom pass 10 levels, and 64 frames of the
    /// recursive parser stay far below any thread's stack.
    pub max_depth: u16,
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self { max_depth: 64 }
    }
}

/// What went wrong inside the grammar, before offsets are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrKind {
    /// The named rule or token was expected here.
    Expected(&'static str),
    /// A limit was hit.
    Limit(&'static str, usize),
}

/// The error type of every grammar function: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PErr<'a> {
    pub(crate) at: &'a [u8],
    pub(crate) kind: ErrKind,
}

impl<'a> NomParseError<&'a [u8]> for PErr<'a> {
    fn from_error_kind(at: &'a [u8], kind: ErrorKind) -> Self {
        PErr {
            at,
            kind: ErrKind::Expected(nom_kind_name(kind)),
        }
    }
    fn append(_: &'a [u8], _: ErrorKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        // Keep the error that got further into the input.
        if other.at.len() <= self.at.len() {
            other
        } else {
            self
        }
    }
}

fn nom_kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Tag => "a keyword",
        ErrorKind::Digit => "a number",
        ErrorKind::Char => "a character",
        ErrorKind::Eof => "end of input",
        _ => "valid syntax",
    }
}

/// The result of every grammar function.
pub(crate) type PResult<'a, T> = nom::IResult<&'a [u8], T, PErr<'a>>;

/// Fails at `at`, naming what was expected.
#[inline]
pub(crate) fn fail<'a, T>(at: &'a [u8], expected: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(PErr {
        at,
        kind: ErrKind::Expected(expected),
    }))
}

/// The error value for "expected `expected` at `at`".
#[inline]
pub(crate) fn error_at<'a>(at: &'a [u8], expected: &'static str) -> nom::Err<PErr<'a>> {
    nom::Err::Error(PErr {
        at,
        kind: ErrKind::Expected(expected),
    })
}

/// How much deeper the parser may still nest; passed down into recursive
/// rules so that no input can overflow the stack.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Depth {
    left: u16,
    max: u16,
}

impl Depth {
    pub(crate) fn new(limits: &ParseLimits) -> Self {
        Self {
            left: limits.max_depth,
            max: limits.max_depth,
        }
    }
    /// One level deeper, or a limit error at `at`.
    #[inline]
    pub(crate) fn enter<'a>(self, at: &'a [u8]) -> Result<Depth, nom::Err<PErr<'a>>> {
        match self.left.checked_sub(1) {
            Some(left) => Ok(Depth {
                left,
                max: self.max,
            }),
            None => Err(nom::Err::Failure(PErr {
                at,
                kind: ErrKind::Limit("nesting depth", usize::from(self.max)),
            })),
        }
    }
}

/// Reads the tag at the start of a message, if there is one, for errors.
fn leading_tag(input: &[u8]) -> Option<Tag<'static>> {
    let n = fast::span(input, fast::is_tag_char);
    if n == 0 || input.get(n) != Some(&b' ') {
        return None;
    }
    let s = std::str::from_utf8(&input[..n]).ok()?;
    Tag::new(s.to_owned()).ok()
}

/// Turns a grammar result on a whole input into the public result.
pub(crate) fn finish<'a, T>(input: &'a [u8], r: PResult<'a, T>) -> Result<(T, usize), ParseError> {
    let e = match r {
        Ok((rest, v)) => return Ok((v, input.len() - rest.len())),
        Err(nom::Err::Incomplete(_)) => return Err(ParseError::Incomplete),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => e,
    };
    match fast::message_end(input) {
        MessageEnd::Incomplete => Err(ParseError::Incomplete),
        MessageEnd::BadLiteral(offset) => Err(ParseError::Invalid {
            offset,
            expected: "a literal length of at most 2^63-1 (number64)",
            tag: leading_tag(input),
        }),
        MessageEnd::Complete(_) => {
            let offset = input.len() - e.at.len();
            let tag = leading_tag(input);
            Err(match e.kind {
                ErrKind::Expected(expected) => ParseError::Invalid {
                    offset,
                    expected,
                    tag,
                },
                ErrKind::Limit(limit, max) => ParseError::Limit {
                    offset,
                    limit,
                    max,
                    tag,
                },
            })
        }
    }
}

/// Test helper for the edges of `number64` in one whole message: `template`
/// holds `#` where the number goes. With 2^63 - 1, `parse` must succeed and
/// give back the number it read and the message encoded anew, which must be
/// the template's bytes exactly; with 2^63 the message must be refused at
/// the offset of `#`, the error naming `number64`.
#[cfg(test)]
pub(crate) fn check_number64_edges(
    template: &str,
    parse: impl Fn(&[u8]) -> Result<(crate::types::Number64, Vec<u8>), ParseError>,
) {
    let at = template.find('#').expect("a # in the template");
    let max = template.replacen('#', "9223372036854775807", 1);
    let (n, again) = parse(max.as_bytes()).unwrap_or_else(|e| panic!("{max:?}: {e}"));
    assert_eq!(n, crate::types::Number64::MAX, "{max:?}");
    assert_eq!(String::from_utf8_lossy(&again), max);
    let over = template.replacen('#', "9223372036854775808", 1);
    match parse(over.as_bytes()) {
        Err(
            e @ ParseError::Invalid {
                offset, expected, ..
            },
        ) => {
            assert_eq!(offset, at, "{over:?}: {e}");
            assert!(expected.contains("number64"), "{over:?}: {e}");
        }
        other => panic!("{over:?} gave {other:?}"),
    }
}
