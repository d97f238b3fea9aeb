//! Server responses (RFC 9051 §7, §9 `response`): greetings, status
//! responses with their codes, untagged data and continuation requests, and
//! the extension data this crate knows (RFC 2342, 2971, 4314, 4315, 4469,
//! 4978, 5161, 5258, 5464, 5530, 7162, 8474, 9208).
//!
//! Free-form values that could spell a known name (an unknown response code,
//! unknown untagged data, an unknown LIST extended item or STATUS item) are
//! held in newtypes that refuse the known names or that only the parser
//! builds, so that every value has exactly one encoding that parses back to
//! it.
//!
//! This file holds the message level: [`Response`], the statuses,
//! [`RespText`] and [`ContinueRequest`]. The response codes are in
//! `code.rs`, the untagged data in `data.rs` (with the values of LIST,
//! STATUS and NAMESPACE in `mailbox_data.rs`); `parse/` and `encode/` are
//! split the same way.

use std::borrow::Cow;

use super::code::ResponseCode;
use super::core::{Tag, Text};
use super::data::Data;

/// One message a server sends: `response = *(continue-req / response-data)
/// response-done` (RFC 9051 §9), one element of it.
///
/// ```
/// use imap_proto::parse_response;
/// use imap_proto::types::{Data, Response};
/// let (r, n) = parse_response(b"* 23 EXISTS\r\n").unwrap();
/// assert_eq!(n, 13);
/// assert_eq!(r, Response::Data(Data::Exists(23)));
/// assert_eq!(r.to_bytes(), b"* 23 EXISTS\r\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response<'a> {
    /// `response-tagged = tag SP resp-cond-state CRLF`: the completion of a
    /// command.
    Tagged(TaggedStatus<'a>),
    /// `"*" SP (resp-cond-state / resp-cond-auth / resp-cond-bye) CRLF`:
    /// an untagged status, including the greeting and BYE.
    Untagged(UntaggedStatus<'a>),
    /// Untagged data (`mailbox-data`, `message-data`, `capability-data`,
    /// `enable-data` and the extensions' data).
    Data(Data<'a>),
    /// `continue-req = "+" SP (resp-text / base64) CRLF`.
    Continue(ContinueRequest<'a>),
}

impl Response<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Response<'static> {
        match self {
            Response::Tagged(t) => Response::Tagged(t.into_owned()),
            Response::Untagged(u) => Response::Untagged(u.into_owned()),
            Response::Data(d) => Response::Data(d.into_owned()),
            Response::Continue(c) => Response::Continue(c.into_owned()),
        }
    }
}

/// `resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text` (RFC 9051 §9):
/// the result a tagged response can carry, and [`State::Bye`], which real
/// servers send tagged although the grammar has BYE untagged only.
///
/// ```
/// use imap_proto::parse_response;
/// use imap_proto::types::{Response, State};
/// let (r, _) = parse_response(b"A5 BYE Server shutting down\r\n").unwrap();
/// let Response::Tagged(t) = r else { unreachable!() };
/// assert_eq!((t.tag.as_str(), t.state), ("A5", State::Bye));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// `OK`: success.
    Ok,
    /// `NO`: operational failure.
    No,
    /// `BAD`: protocol error.
    Bad,
    /// `tag SP "BYE" SP resp-text`: not in RFC 9051's grammar (BYE is
    /// `resp-cond-bye`, untagged), but sent by real servers in answer to a
    /// command (reported to go-imap's imapclient, among others). It ends
    /// the command it is tagged with, unsuccessfully, and says the server
    /// is closing the connection: a client treats it as that command's
    /// completion and as the end of the connection (what an untagged
    /// `* BYE` means), so every other command still in flight ends too.
    Bye,
}

impl State {
    /// The keyword.
    pub fn as_str(&self) -> &'static str {
        match self {
            State::Ok => "OK",
            State::No => "NO",
            State::Bad => "BAD",
            State::Bye => "BYE",
        }
    }
}

/// The kinds of untagged status response: `resp-cond-state`,
/// `resp-cond-auth = ("OK" / "PREAUTH") SP resp-text` and `resp-cond-bye =
/// "BYE" SP resp-text` (RFC 9051 §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Condition {
    /// `OK`: information, or a greeting asking to authenticate.
    Ok,
    /// `NO`: a warning.
    No,
    /// `BAD`: a protocol error not tied to a command.
    Bad,
    /// `PREAUTH`: a greeting; the connection is already authenticated.
    PreAuth,
    /// `BYE`: the server is closing the connection.
    Bye,
}

impl Condition {
    /// The keyword.
    pub fn as_str(&self) -> &'static str {
        match self {
            Condition::Ok => "OK",
            Condition::No => "NO",
            Condition::Bad => "BAD",
            Condition::PreAuth => "PREAUTH",
            Condition::Bye => "BYE",
        }
    }
}

/// `tag SP resp-cond-state` (RFC 9051 §9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedStatus<'a> {
    /// The tag of the command this completes.
    pub tag: Tag<'a>,
    /// OK, NO or BAD; or BYE, as some servers send it (see [`State::Bye`]).
    pub state: State,
    /// The response code and text.
    pub text: RespText<'a>,
}

impl TaggedStatus<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> TaggedStatus<'static> {
        TaggedStatus {
            tag: self.tag.into_owned(),
            state: self.state,
            text: self.text.into_owned(),
        }
    }
}

/// `"*" SP (resp-cond-state / resp-cond-auth / resp-cond-bye)` (RFC 9051 §9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntaggedStatus<'a> {
    /// OK, NO, BAD, PREAUTH or BYE.
    pub condition: Condition,
    /// The response code and text.
    pub text: RespText<'a>,
}

impl UntaggedStatus<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> UntaggedStatus<'static> {
        UntaggedStatus {
            condition: self.condition,
            text: self.text.into_owned(),
        }
    }
}

/// `resp-text = ["[" resp-text-code "]" SP] [text]` (RFC 9051 §9).
///
/// The text may be empty (servers omit it: a quirk RFC 9051 made legal),
/// after a status keyword as after a code (`A1 OK`, `* OK [READ-WRITE]`).
///
/// # What real servers send, and what it is read as
///
/// A response text never fails its message; it degrades:
///
/// - The strict reading comes first: `[` + a code this crate knows or the
///   generic `atom [SP 1*<any TEXT-CHAR except "]">]` + `]`, then SP
///   (missing after a known code: tolerated) and the text.
/// - A code this crate knows whose argument does not match its grammar
///   (`[UIDNEXT 0]`, `[COPYUID 701  ]`, `[CLOSED junk]`, `[ALERT
///   SOMETHING]`) becomes [`ResponseCode::Other`] under its own name, with
///   the argument as sent (`UIDNEXT` + `0`): nothing typed is invented,
///   nothing is lost. A number too large for its type
///   (`[UIDVALIDITY 9877410381]`) stays an error, as everywhere.
/// - A `[` that opens no readable code is text, code `None`: `[] x`,
///   `[ALERT no bracket`, an unknown name whose `]` is not followed by SP
///   (`[Gmail]/Sent Mail`), and Exchange's `[Error="Microsoft.Exchange...
///   WrongServerException: ..." Proxy=host:1993:SSL] AUTHENTICATE
///   completed.`, whose `Error="` is no atom followed by SP or `]`: it is
///   kept whole as text rather than guessed into a code.
/// - The text after a code may begin with `[`: Gmail's `A1 OK [READ-WRITE]
///   [Gmail]/Sent Mail selected. (Success)` is code `READ-WRITE` and the
///   text `[Gmail]/Sent Mail selected. (Success)`.
///
/// Encoding stays exact: every [`Text`] is one that would not read as a
/// code (its constructor refuses `[ALERT] x` and `[XFOO y] x`), so any code
/// with any text encodes to bytes that parse back to the same value, and
/// no `RespText` without a code can encode to one with a code. The one
/// shape left refused is a text after a code that itself reads as a code
/// (`[READ-WRITE] [ALERT] x`): no `Text` can hold it, and a session hands
/// such a line over raw.
///
/// ```
/// use imap_proto::parse_response;
/// use imap_proto::types::{Response, ResponseCode};
/// let (r, _) = parse_response(b"A1 OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)\r\n").unwrap();
/// let Response::Tagged(t) = &r else { unreachable!() };
/// assert_eq!(t.text.code, Some(ResponseCode::ReadWrite));
/// assert_eq!(t.text.text.as_str(), "[Gmail]/Sent Mail selected. (Success)");
/// assert_eq!(parse_response(&r.to_bytes()).unwrap().0, r);
///
/// let (r, _) = parse_response(b"* OK [UIDNEXT 0] Predicted next UID\r\n").unwrap();
/// let Response::Untagged(u) = &r else { unreachable!() };
/// let Some(ResponseCode::Other(c)) = &u.text.code else { unreachable!() };
/// assert_eq!((c.name().as_str(), c.arg().map(|a| a.as_str())), ("UIDNEXT", Some("0")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RespText<'a> {
    /// The bracketed response code, if any.
    pub code: Option<ResponseCode<'a>>,
    /// The human-readable text.
    pub text: Text<'a>,
}

impl<'a> RespText<'a> {
    /// A response text without a code.
    pub fn new(text: Text<'a>) -> Self {
        Self { code: None, text }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> RespText<'static> {
        RespText {
            code: self.code.map(ResponseCode::into_owned),
            text: self.text.into_owned(),
        }
    }
}

/// `continue-req = "+" SP (resp-text / base64) CRLF` (RFC 9051 §9).
///
/// Whether the text after `+` is base64 (an AUTHENTICATE challenge) or
/// human-readable text cannot be told from the bytes: `+ Ready` and
/// `+ UmVhZHk=` are both valid text, and `+ idle` is valid base64. Only the
/// session knows whether an AUTHENTICATE exchange is running. So the value
/// keeps what was sent, as [`RespText`], and [`ContinueRequest::decode_base64`]
/// reads it as base64 when the caller knows it is. Nothing is lost either
/// way. `+` alone (no SP, a quirk) and `+ ` are the same empty text.
///
/// ```
/// use imap_proto::types::ContinueRequest;
/// let c = ContinueRequest::base64(b"Password:");
/// assert_eq!(c.text.text.as_str(), "UGFzc3dvcmQ6");
/// assert_eq!(c.decode_base64().unwrap(), b"Password:");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContinueRequest<'a> {
    /// The code and text (or base64 data) after `+`.
    pub text: RespText<'a>,
}

impl<'a> ContinueRequest<'a> {
    /// A continuation request with this text (`+ Ready for literal`).
    pub fn text(text: Text<'a>) -> Self {
        Self {
            text: RespText::new(text),
        }
    }
    /// A continuation request carrying `data` as base64 (an AUTHENTICATE
    /// challenge).
    pub fn base64(data: &[u8]) -> ContinueRequest<'static> {
        // Base64 never starts with "[" nor ends like a literal header.
        ContinueRequest {
            text: RespText::new(Text::unchecked(Cow::Owned(crate::fast::base64_encode(
                data,
            )))),
        }
    }
    /// The text read as base64 (`base64` of RFC 9051 §9, with padding),
    /// or `None` if there is a response code or the text is not base64.
    /// The empty text decodes to no bytes.
    pub fn decode_base64(&self) -> Option<Vec<u8>> {
        if self.text.code.is_some() {
            return None;
        }
        crate::fast::base64_decode(self.text.text.as_str().as_bytes()).ok()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ContinueRequest<'static> {
        ContinueRequest {
            text: self.text.into_owned(),
        }
    }
}
