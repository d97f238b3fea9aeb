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
/// the result a tagged response can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// `OK`: success.
    Ok,
    /// `NO`: operational failure.
    No,
    /// `BAD`: protocol error.
    Bad,
}

impl State {
    /// The keyword.
    pub fn as_str(&self) -> &'static str {
        match self {
            State::Ok => "OK",
            State::No => "NO",
            State::Bad => "BAD",
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
    /// OK, NO or BAD.
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
/// The text may be empty (servers omit it: a quirk RFC 9051 made legal).
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
