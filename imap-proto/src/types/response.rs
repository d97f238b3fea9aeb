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

use std::borrow::Cow;
use std::fmt;

use super::core::Number64;
use super::core::{cow_str_owned, AString, Atom, Escaped, IString, NString, RawValue, Tag, Text};
use super::core::{NzNumber, ObjectId, ValidationError};
use super::{
    Capability, ESearchResponse, Flag, FlagPerm, Mailbox, MessageDataItem, SequenceSet, Thread,
};

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

/// `resp-text-code` (RFC 9051 §9, RFC 3501 §9, RFC 5530 §4) with the codes
/// of RFC 2221, 4315, 4469, 4978, 5464, 7162, 8474 and 9208.
///
/// Names are matched case-insensitively; anything else is kept as
/// [`ResponseCode::Other`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseCode<'a> {
    /// `ALERT`: show the text to the user.
    Alert,
    /// `BADCHARSET [SP "(" charset *(SP charset) ")"]`: the charsets the
    /// server supports (may be empty).
    BadCharset(Vec<CharsetName<'a>>),
    /// `capability-data`: the server's capabilities.
    Capability(Vec<Capability<'a>>),
    /// `PARSE`: a message's headers could not be parsed.
    Parse,
    /// `PERMANENTFLAGS SP "(" [flag-perm *(SP flag-perm)] ")"`.
    PermanentFlags(Vec<FlagPerm<'a>>),
    /// `READ-ONLY`.
    ReadOnly,
    /// `READ-WRITE`.
    ReadWrite,
    /// `TRYCREATE`: the target mailbox does not exist but may be created.
    TryCreate,
    /// `UIDNEXT SP nz-number`.
    UidNext(NzNumber),
    /// `UIDVALIDITY SP nz-number`.
    UidValidity(NzNumber),
    /// `UNSEEN SP nz-number` (RFC 3501): the first unseen message.
    Unseen(NzNumber),
    /// `resp-code-apnd = "APPENDUID" SP nz-number SP append-uid` (RFC 4315,
    /// RFC 9051); a set for MULTIAPPEND (RFC 4315 `uid-set`).
    AppendUid {
        /// The UIDVALIDITY of the target mailbox.
        uid_validity: NzNumber,
        /// The UIDs assigned.
        uids: SequenceSet,
    },
    /// `resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set`.
    CopyUid {
        /// The UIDVALIDITY of the target mailbox.
        uid_validity: NzNumber,
        /// The source UIDs.
        source: SequenceSet,
        /// The UIDs assigned in the target, in the same order.
        destination: SequenceSet,
    },
    /// `UIDNOTSTICKY` (RFC 4315).
    UidNotSticky,
    /// `UNAVAILABLE` (RFC 5530).
    Unavailable,
    /// `AUTHENTICATIONFAILED` (RFC 5530).
    AuthenticationFailed,
    /// `AUTHORIZATIONFAILED` (RFC 5530).
    AuthorizationFailed,
    /// `EXPIRED` (RFC 5530).
    Expired,
    /// `PRIVACYREQUIRED` (RFC 5530).
    PrivacyRequired,
    /// `CONTACTADMIN` (RFC 5530).
    ContactAdmin,
    /// `NOPERM` (RFC 5530).
    NoPerm,
    /// `INUSE` (RFC 5530).
    InUse,
    /// `EXPUNGEISSUED` (RFC 5530).
    ExpungeIssued,
    /// `CORRUPTION` (RFC 5530).
    Corruption,
    /// `SERVERBUG` (RFC 5530).
    ServerBug,
    /// `CLIENTBUG` (RFC 5530).
    ClientBug,
    /// `CANNOT` (RFC 5530).
    Cannot,
    /// `LIMIT` (RFC 5530).
    Limit,
    /// `OVERQUOTA` (RFC 5530, RFC 9208).
    OverQuota,
    /// `ALREADYEXISTS` (RFC 5530).
    AlreadyExists,
    /// `NONEXISTENT` (RFC 5530).
    NonExistent,
    /// `NOTSAVED` (RFC 9051).
    NotSaved,
    /// `HASCHILDREN` (RFC 9051).
    HasChildren,
    /// `CLOSED` (RFC 7162, RFC 9051).
    Closed,
    /// `UNKNOWN-CTE` (RFC 3516, RFC 9051).
    UnknownCte,
    /// `REFERRAL SP imap-url` (RFC 2221), the URL(s) as sent.
    Referral(CodeText<'a>),
    /// `HIGHESTMODSEQ SP mod-sequence-value` (RFC 7162; 0 accepted).
    HighestModSeq(Number64),
    /// `NOMODSEQ` (RFC 7162).
    NoModSeq,
    /// `MODIFIED SP sequence-set` (RFC 7162).
    Modified(SequenceSet),
    /// `COMPRESSIONACTIVE` (RFC 4978).
    CompressionActive,
    /// `METADATA SP (LONGENTRIES / MAXSIZE / TOOMANY / NOPRIVATE)` (RFC 5464).
    Metadata(MetadataCode),
    /// `MAILBOXID SP "(" objectid ")"` (RFC 8474).
    MailboxId(ObjectId<'a>),
    /// `BADURL SP url-resp-text` (RFC 4469).
    BadUrl(CodeText<'a>),
    /// `TOOBIG` (RFC 4469).
    TooBig,
    /// `atom [SP 1*<any TEXT-CHAR except "]">]`: a code this crate does not
    /// know.
    Other(OtherCode<'a>),
}

impl ResponseCode<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ResponseCode<'static> {
        use ResponseCode as R;
        match self {
            R::Alert => R::Alert,
            R::BadCharset(v) => R::BadCharset(v.into_iter().map(|c| c.into_owned()).collect()),
            R::Capability(v) => R::Capability(v.into_iter().map(|c| c.into_owned()).collect()),
            R::Parse => R::Parse,
            R::PermanentFlags(v) => {
                R::PermanentFlags(v.into_iter().map(|c| c.into_owned()).collect())
            }
            R::ReadOnly => R::ReadOnly,
            R::ReadWrite => R::ReadWrite,
            R::TryCreate => R::TryCreate,
            R::UidNext(n) => R::UidNext(n),
            R::UidValidity(n) => R::UidValidity(n),
            R::Unseen(n) => R::Unseen(n),
            R::AppendUid { uid_validity, uids } => R::AppendUid { uid_validity, uids },
            R::CopyUid {
                uid_validity,
                source,
                destination,
            } => R::CopyUid {
                uid_validity,
                source,
                destination,
            },
            R::UidNotSticky => R::UidNotSticky,
            R::Unavailable => R::Unavailable,
            R::AuthenticationFailed => R::AuthenticationFailed,
            R::AuthorizationFailed => R::AuthorizationFailed,
            R::Expired => R::Expired,
            R::PrivacyRequired => R::PrivacyRequired,
            R::ContactAdmin => R::ContactAdmin,
            R::NoPerm => R::NoPerm,
            R::InUse => R::InUse,
            R::ExpungeIssued => R::ExpungeIssued,
            R::Corruption => R::Corruption,
            R::ServerBug => R::ServerBug,
            R::ClientBug => R::ClientBug,
            R::Cannot => R::Cannot,
            R::Limit => R::Limit,
            R::OverQuota => R::OverQuota,
            R::AlreadyExists => R::AlreadyExists,
            R::NonExistent => R::NonExistent,
            R::NotSaved => R::NotSaved,
            R::HasChildren => R::HasChildren,
            R::Closed => R::Closed,
            R::UnknownCte => R::UnknownCte,
            R::Referral(t) => R::Referral(t.into_owned()),
            R::HighestModSeq(n) => R::HighestModSeq(n),
            R::NoModSeq => R::NoModSeq,
            R::Modified(s) => R::Modified(s),
            R::CompressionActive => R::CompressionActive,
            R::Metadata(m) => R::Metadata(m),
            R::MailboxId(o) => R::MailboxId(o.into_owned()),
            R::BadUrl(t) => R::BadUrl(t.into_owned()),
            R::TooBig => R::TooBig,
            R::Other(o) => R::Other(o.into_owned()),
        }
    }
}

/// The names of the response codes that have their own variant; an
/// [`OtherCode`] is never one of them.
pub(crate) const KNOWN_CODES: &[&str] = &[
    "ALERT",
    "BADCHARSET",
    "CAPABILITY",
    "PARSE",
    "PERMANENTFLAGS",
    "READ-ONLY",
    "READ-WRITE",
    "TRYCREATE",
    "UIDNEXT",
    "UIDVALIDITY",
    "UNSEEN",
    "APPENDUID",
    "COPYUID",
    "UIDNOTSTICKY",
    "UNAVAILABLE",
    "AUTHENTICATIONFAILED",
    "AUTHORIZATIONFAILED",
    "EXPIRED",
    "PRIVACYREQUIRED",
    "CONTACTADMIN",
    "NOPERM",
    "INUSE",
    "EXPUNGEISSUED",
    "CORRUPTION",
    "SERVERBUG",
    "CLIENTBUG",
    "CANNOT",
    "LIMIT",
    "OVERQUOTA",
    "ALREADYEXISTS",
    "NONEXISTENT",
    "NOTSAVED",
    "HASCHILDREN",
    "CLOSED",
    "UNKNOWN-CTE",
    "REFERRAL",
    "HIGHESTMODSEQ",
    "NOMODSEQ",
    "MODIFIED",
    "COMPRESSIONACTIVE",
    "METADATA",
    "MAILBOXID",
    "BADURL",
    "TOOBIG",
];

/// The METADATA response codes (RFC 5464 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetadataCode {
    /// `LONGENTRIES SP number`: the size of the largest entry left out.
    LongEntries(u32),
    /// `MAXSIZE SP number`: the largest value the server accepts.
    MaxSize(u32),
    /// `TOOMANY`.
    TooMany,
    /// `NOPRIVATE`.
    NoPrivate,
}

/// A response code this crate has no variant for: `atom [SP 1*<any
/// TEXT-CHAR except "]">]` (RFC 9051 §9). Its name is never one of the
/// known codes.
///
/// ```
/// use imap_proto::types::{Atom, CodeText, OtherCode};
/// let c = OtherCode::new(Atom::try_from("XFOO").unwrap(), Some(CodeText::try_from("a b").unwrap()));
/// assert!(c.is_ok());
/// assert!(OtherCode::new(Atom::try_from("alert").unwrap(), None).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OtherCode<'a> {
    name: Atom<'a>,
    arg: Option<CodeText<'a>>,
}

impl<'a> OtherCode<'a> {
    /// An unknown code; refuses the names of the known codes (in any case).
    pub fn new(name: Atom<'a>, arg: Option<CodeText<'a>>) -> Result<Self, ValidationError> {
        if KNOWN_CODES
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name.as_str()))
        {
            return Err(ValidationError::new(
                "resp-text-code",
                "is the name of a known response code",
                0,
            ));
        }
        Ok(Self { name, arg })
    }
    pub(crate) fn unchecked(name: Atom<'a>, arg: Option<CodeText<'a>>) -> Self {
        Self { name, arg }
    }
    /// The code's name, as sent.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// The text after the name, if any.
    pub fn arg(&self) -> Option<&CodeText<'a>> {
        self.arg.as_ref()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> OtherCode<'static> {
        OtherCode {
            name: self.name.into_owned(),
            arg: self.arg.map(CodeText::into_owned),
        }
    }
}

/// `1*<any TEXT-CHAR except "]">` (RFC 9051 §9): the argument of an unknown
/// response code, or the URL of REFERRAL and BADURL (RFC 4469
/// `url-resp-text`). Never empty, never starts with SP, and holds no CR,
/// LF, NUL or `]`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CodeText<'a>(Cow<'a, str>);

impl<'a> CodeText<'a> {
    /// Checks `s` against the rule above.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        if s.is_empty() {
            return Err(ValidationError::new("code text", "must not be empty", 0));
        }
        if s.starts_with(' ') {
            return Err(ValidationError::new(
                "code text",
                "must not start with SP",
                0,
            ));
        }
        if let Some(at) = s
            .bytes()
            .position(|b| matches!(b, b'\r' | b'\n' | 0 | b']'))
        {
            return Err(ValidationError::new(
                "code text",
                "CR, LF, NUL and \"]\" are not allowed",
                at,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: Cow<'a, str>) -> Self {
        Self(s)
    }
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> CodeText<'static> {
        CodeText(cow_str_owned(self.0))
    }
}

impl<'a> TryFrom<&'a str> for CodeText<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(s)
    }
}

impl fmt::Debug for CodeText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodeText({:?})", self.0)
    }
}

/// `charset = atom / quoted` (RFC 9051 §9), as listed by BADCHARSET: no
/// CR, LF or NUL (it must fit in a quoted string).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CharsetName<'a>(Cow<'a, str>);

impl<'a> CharsetName<'a> {
    /// Checks `s` against the rule above.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        if let Some(at) = s.bytes().position(|b| matches!(b, b'\r' | b'\n' | 0)) {
            return Err(ValidationError::new(
                "charset",
                "CR, LF and NUL are not allowed",
                at,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: Cow<'a, str>) -> Self {
        Self(s)
    }
    /// The charset name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> CharsetName<'static> {
        CharsetName(cow_str_owned(self.0))
    }
}

impl<'a> TryFrom<&'a str> for CharsetName<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(s)
    }
}

impl fmt::Debug for CharsetName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CharsetName({:?})", self.0)
    }
}

/// Untagged data: `mailbox-data`, `message-data`, `capability-data`,
/// `enable-data` (RFC 9051 §9) and the data responses of the extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Data<'a> {
    /// `capability-data = "CAPABILITY" *(SP capability)`.
    Capability(Vec<Capability<'a>>),
    /// `enable-data = "ENABLED" *(SP capability)` (RFC 5161).
    Enabled(Vec<Capability<'a>>),
    /// `"LIST" SP mailbox-list`.
    List(MailboxList<'a>),
    /// `"LSUB" SP mailbox-list` (RFC 3501).
    Lsub(MailboxList<'a>),
    /// `"STATUS" SP mailbox SP "(" [status-att-list] ")"`.
    Status {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Its items, in the order sent.
        items: Vec<StatusItem<'a>>,
    },
    /// `"SEARCH" *(SP nz-number) [SP search-sort-mod-seq]` (RFC 3501,
    /// RFC 7162).
    Search {
        /// The matching numbers.
        numbers: Vec<u32>,
        /// `(MODSEQ n)`: the highest mod-sequence of the matches (RFC 7162).
        modseq: Option<Number64>,
    },
    /// `esearch-response` (RFC 4731, RFC 9051).
    ESearch(ESearchResponse<'a>),
    /// `sort-data = "SORT" *(SP nz-number) [SP search-sort-mod-seq]`
    /// (RFC 5256, RFC 7162).
    Sort {
        /// The numbers, in sort order.
        numbers: Vec<u32>,
        /// `(MODSEQ n)` (RFC 7162).
        modseq: Option<Number64>,
    },
    /// `thread-data = "THREAD" [SP 1*thread-list]` (RFC 5256).
    Thread(Vec<Thread<'a>>),
    /// `"FLAGS" SP flag-list`.
    Flags(Vec<Flag<'a>>),
    /// `number SP "EXISTS"`.
    Exists(u32),
    /// `number SP "RECENT"` (RFC 3501).
    Recent(u32),
    /// `nz-number SP "EXPUNGE"`.
    Expunge(NzNumber),
    /// `nz-number SP "FETCH" SP msg-att`.
    Fetch {
        /// The message sequence number.
        seq: NzNumber,
        /// The data items.
        items: Vec<MessageDataItem<'a>>,
    },
    /// `expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids` (RFC 7162).
    Vanished {
        /// `(EARLIER)`: the answer to a FETCH or SELECT, not news.
        earlier: bool,
        /// The UIDs removed.
        uids: SequenceSet,
    },
    /// `namespace-response = "NAMESPACE" SP namespace SP namespace SP
    /// namespace` (RFC 2342, RFC 9051); `None` is `NIL`.
    Namespace {
        /// Personal namespaces.
        personal: Option<Vec<NamespaceDescr<'a>>>,
        /// Other users' namespaces.
        other_users: Option<Vec<NamespaceDescr<'a>>>,
        /// Shared namespaces.
        shared: Option<Vec<NamespaceDescr<'a>>>,
    },
    /// `id_response = "ID" SP id_params_list` (RFC 2971); `None` is `NIL`.
    Id(Option<Vec<(IString<'a>, NString<'a>)>>),
    /// `quota-response = "QUOTA" SP quota-root-name SP quota-list` (RFC 9208).
    Quota {
        /// The quota root.
        root: AString<'a>,
        /// Usage and limit per resource.
        resources: Vec<QuotaResource<'a>>,
    },
    /// `quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)`
    /// (RFC 9208).
    QuotaRoot {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Its quota roots.
        roots: Vec<AString<'a>>,
    },
    /// `metadata-resp = "METADATA" SP mailbox SP (entry-values /
    /// entry-list)` (RFC 5464). The empty mailbox name means the server.
    Metadata {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Values, or the names of changed entries.
        entries: MetadataEntries<'a>,
    },
    /// `acl-data = "ACL" SP mailbox *(SP identifier SP rights)` (RFC 4314).
    Acl {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// (identifier, rights) pairs.
        entries: Vec<(AString<'a>, AString<'a>)>,
    },
    /// `listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights
    /// *(SP rights)` (RFC 4314).
    ListRights {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// The identifier.
        identifier: AString<'a>,
        /// The rights always granted.
        required: AString<'a>,
        /// Groups of rights that may be granted.
        optional: Vec<AString<'a>>,
    },
    /// `myrights-data = "MYRIGHTS" SP mailbox SP rights` (RFC 4314).
    MyRights {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// The rights of the logged-in user.
        rights: AString<'a>,
    },
    /// Untagged data this crate does not know, kept as sent.
    Other(OtherData<'a>),
}

impl Data<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Data<'static> {
        fn caps(v: Vec<Capability<'_>>) -> Vec<Capability<'static>> {
            v.into_iter().map(Capability::into_owned).collect()
        }
        fn ns(v: Option<Vec<NamespaceDescr<'_>>>) -> Option<Vec<NamespaceDescr<'static>>> {
            v.map(|v| v.into_iter().map(NamespaceDescr::into_owned).collect())
        }
        match self {
            Data::Capability(v) => Data::Capability(caps(v)),
            Data::Enabled(v) => Data::Enabled(caps(v)),
            Data::List(l) => Data::List(l.into_owned()),
            Data::Lsub(l) => Data::Lsub(l.into_owned()),
            Data::Status { mailbox, items } => Data::Status {
                mailbox: mailbox.into_owned(),
                items: items.into_iter().map(StatusItem::into_owned).collect(),
            },
            Data::Search { numbers, modseq } => Data::Search { numbers, modseq },
            Data::ESearch(e) => Data::ESearch(e.into_owned()),
            Data::Sort { numbers, modseq } => Data::Sort { numbers, modseq },
            Data::Thread(t) => Data::Thread(t.into_iter().map(Thread::into_owned).collect()),
            Data::Flags(f) => Data::Flags(f.into_iter().map(Flag::into_owned).collect()),
            Data::Exists(n) => Data::Exists(n),
            Data::Recent(n) => Data::Recent(n),
            Data::Expunge(n) => Data::Expunge(n),
            Data::Fetch { seq, items } => Data::Fetch {
                seq,
                items: items.into_iter().map(MessageDataItem::into_owned).collect(),
            },
            Data::Vanished { earlier, uids } => Data::Vanished { earlier, uids },
            Data::Namespace {
                personal,
                other_users,
                shared,
            } => Data::Namespace {
                personal: ns(personal),
                other_users: ns(other_users),
                shared: ns(shared),
            },
            Data::Id(v) => Data::Id(v.map(|v| {
                v.into_iter()
                    .map(|(k, v)| (k.into_owned(), v.map(IString::into_owned)))
                    .collect()
            })),
            Data::Quota { root, resources } => Data::Quota {
                root: root.into_owned(),
                resources: resources
                    .into_iter()
                    .map(QuotaResource::into_owned)
                    .collect(),
            },
            Data::QuotaRoot { mailbox, roots } => Data::QuotaRoot {
                mailbox: mailbox.into_owned(),
                roots: roots.into_iter().map(AString::into_owned).collect(),
            },
            Data::Metadata { mailbox, entries } => Data::Metadata {
                mailbox: mailbox.into_owned(),
                entries: entries.into_owned(),
            },
            Data::Acl { mailbox, entries } => Data::Acl {
                mailbox: mailbox.into_owned(),
                entries: entries
                    .into_iter()
                    .map(|(a, b)| (a.into_owned(), b.into_owned()))
                    .collect(),
            },
            Data::ListRights {
                mailbox,
                identifier,
                required,
                optional,
            } => Data::ListRights {
                mailbox: mailbox.into_owned(),
                identifier: identifier.into_owned(),
                required: required.into_owned(),
                optional: optional.into_iter().map(AString::into_owned).collect(),
            },
            Data::MyRights { mailbox, rights } => Data::MyRights {
                mailbox: mailbox.into_owned(),
                rights: rights.into_owned(),
            },
            Data::Other(o) => Data::Other(o.into_owned()),
        }
    }
}

/// `mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE
/// / nil) SP mailbox [SP mbox-list-extended]` (RFC 9051 §9, RFC 5258).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailboxList<'a> {
    /// The mailbox's attributes.
    pub attributes: Vec<MailboxAttribute<'a>>,
    /// The hierarchy delimiter; `None` is `NIL` (a flat name space).
    pub delimiter: Option<Delimiter>,
    /// The mailbox name.
    pub mailbox: Mailbox<'a>,
    /// `mbox-list-extended`: extended data items (RFC 5258); empty when
    /// absent.
    pub extended: Vec<ListExtendedItem<'a>>,
}

impl MailboxList<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MailboxList<'static> {
        MailboxList {
            attributes: self
                .attributes
                .into_iter()
                .map(MailboxAttribute::into_owned)
                .collect(),
            delimiter: self.delimiter,
            mailbox: self.mailbox.into_owned(),
            extended: self
                .extended
                .into_iter()
                .map(ListExtendedItem::into_owned)
                .collect(),
        }
    }
}

/// A hierarchy delimiter: `DQUOTE QUOTED-CHAR DQUOTE` (RFC 9051 §9), one
/// character other than CR, LF and NUL.
///
/// ```
/// use imap_proto::types::Delimiter;
/// assert_eq!(Delimiter::new('/').unwrap().as_char(), '/');
/// assert!(Delimiter::new('\n').is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delimiter(char);

impl Delimiter {
    /// Checks `c`.
    pub fn new(c: char) -> Result<Self, ValidationError> {
        if matches!(c, '\r' | '\n' | '\0') {
            return Err(ValidationError::new(
                "delimiter",
                "CR, LF and NUL are not allowed",
                0,
            ));
        }
        Ok(Self(c))
    }
    /// The character.
    pub fn as_char(&self) -> char {
        self.0
    }
}

macro_rules! mailbox_attributes {
    ($($(#[$m:meta])* $var:ident = $name:literal,)*) => {
        /// `mbx-list-flags` items (RFC 9051 §9): `mbx-list-oflag`,
        /// `mbx-list-sflag`, the SPECIAL-USE attributes (RFC 6154) and
        /// `flag-extension`. Known names are matched case-insensitively.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum MailboxAttribute<'a> {
            $($(#[$m])* $var,)*
            /// Any other `"\" atom`, never one of the names above.
            Extension(AttributeExtension<'a>),
        }

        impl<'a> MailboxAttribute<'a> {
            /// Classifies the atom after a backslash, as the parser does.
            pub fn from_backslash(atom: Atom<'a>) -> Self {
                let s = atom.as_str();
                $(if s.eq_ignore_ascii_case($name) {
                    return MailboxAttribute::$var;
                })*
                MailboxAttribute::Extension(AttributeExtension(atom))
            }
            /// An extension attribute; refuses the known names.
            pub fn extension(atom: Atom<'a>) -> Result<Self, ValidationError> {
                match Self::from_backslash(atom) {
                    e @ MailboxAttribute::Extension(_) => Ok(e),
                    _ => Err(ValidationError::new(
                        "mbx-list-flag",
                        "is a known attribute",
                        0,
                    )),
                }
            }
            /// The name without its backslash.
            pub fn name(&self) -> &str {
                match self {
                    $(MailboxAttribute::$var => $name,)*
                    MailboxAttribute::Extension(a) => a.0.as_str(),
                }
            }
            /// Detaches the value from the input it was parsed from.
            pub fn into_owned(self) -> MailboxAttribute<'static> {
                match self {
                    $(MailboxAttribute::$var => MailboxAttribute::$var,)*
                    MailboxAttribute::Extension(a) => {
                        MailboxAttribute::Extension(AttributeExtension(a.0.into_owned()))
                    }
                }
            }
        }
    };
}

mailbox_attributes! {
    /// `\Noinferiors`
    NoInferiors = "Noinferiors",
    /// `\Noselect`
    NoSelect = "Noselect",
    /// `\Marked`
    Marked = "Marked",
    /// `\Unmarked`
    Unmarked = "Unmarked",
    /// `\NonExistent` (RFC 5258)
    NonExistent = "NonExistent",
    /// `\Subscribed` (RFC 5258)
    Subscribed = "Subscribed",
    /// `\Remote` (RFC 5258)
    Remote = "Remote",
    /// `\HasChildren` (RFC 3348, RFC 5258)
    HasChildren = "HasChildren",
    /// `\HasNoChildren` (RFC 3348, RFC 5258)
    HasNoChildren = "HasNoChildren",
    /// `\All` (RFC 6154)
    All = "All",
    /// `\Archive` (RFC 6154)
    Archive = "Archive",
    /// `\Drafts` (RFC 6154)
    Drafts = "Drafts",
    /// `\Flagged` (RFC 6154)
    Flagged = "Flagged",
    /// `\Junk` (RFC 6154)
    Junk = "Junk",
    /// `\Sent` (RFC 6154)
    Sent = "Sent",
    /// `\Trash` (RFC 6154)
    Trash = "Trash",
}

/// The atom of an unknown mailbox attribute, never a known name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AttributeExtension<'a>(Atom<'a>);

impl<'a> AttributeExtension<'a> {
    /// The name without its backslash.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
}

/// `mbox-list-extended-item = mbox-list-extended-item-tag SP
/// tagged-ext-val` (RFC 5258, RFC 9051 §9).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListExtendedItem<'a> {
    /// `childinfo-extended-item = "CHILDINFO" SP "(" list-select-base-opt-quoted
    /// *(SP list-select-base-opt-quoted) ")"`: why a parent matched.
    ChildInfo(Vec<IString<'a>>),
    /// `oldname-extended-item = "OLDNAME" SP "(" mailbox ")"`.
    OldName(Mailbox<'a>),
    /// Any other item, kept as sent.
    Other(ListExtendedOther<'a>),
}

impl ListExtendedItem<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ListExtendedItem<'static> {
        match self {
            ListExtendedItem::ChildInfo(v) => {
                ListExtendedItem::ChildInfo(v.into_iter().map(IString::into_owned).collect())
            }
            ListExtendedItem::OldName(m) => ListExtendedItem::OldName(m.into_owned()),
            ListExtendedItem::Other(o) => ListExtendedItem::Other(ListExtendedOther {
                tag: o.tag.into_owned(),
                value: o.value.into_owned(),
            }),
        }
    }
}

/// An unknown LIST extended data item: its tag (never `CHILDINFO` or
/// `OLDNAME`) and its value as sent. Only the parser builds these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListExtendedOther<'a> {
    tag: AString<'a>,
    value: RawValue<'a>,
}

impl<'a> ListExtendedOther<'a> {
    pub(crate) fn unchecked(tag: AString<'a>, value: RawValue<'a>) -> Self {
        Self { tag, value }
    }
    /// The item's tag.
    pub fn tag(&self) -> &AString<'a> {
        &self.tag
    }
    /// The item's value, as sent.
    pub fn value(&self) -> &RawValue<'a> {
        &self.value
    }
}

/// `status-att-val` (RFC 9051 §9) and the items of RFC 3501, 7162, 7889,
/// 8474 and 9208.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusItem<'a> {
    /// `MESSAGES SP number`.
    Messages(u32),
    /// `UIDNEXT SP nz-number` (0 accepted).
    UidNext(u32),
    /// `UIDVALIDITY SP nz-number` (0 accepted).
    UidValidity(u32),
    /// `UNSEEN SP number`.
    Unseen(u32),
    /// `DELETED SP number` (RFC 9051, RFC 9208).
    Deleted(u32),
    /// `SIZE SP number64` (RFC 8438, RFC 9051).
    Size(Number64),
    /// `RECENT SP number` (RFC 3501).
    Recent(u32),
    /// `HIGHESTMODSEQ SP mod-sequence-valzer` (RFC 7162).
    HighestModSeq(Number64),
    /// `MAILBOXID SP "(" objectid ")"` (RFC 8474).
    MailboxId(ObjectId<'a>),
    /// `DELETED-STORAGE SP number64` (RFC 9208).
    DeletedStorage(Number64),
    /// `APPENDLIMIT SP (number / nil)` (RFC 7889).
    AppendLimit(Option<u32>),
    /// An item this crate does not know, kept as sent.
    Other(StatusOther<'a>),
}

impl StatusItem<'_> {
    /// Which item this is, if known.
    pub fn attribute(&self) -> Option<super::StatusAttribute> {
        use super::StatusAttribute as A;
        Some(match self {
            StatusItem::Messages(_) => A::Messages,
            StatusItem::UidNext(_) => A::UidNext,
            StatusItem::UidValidity(_) => A::UidValidity,
            StatusItem::Unseen(_) => A::Unseen,
            StatusItem::Deleted(_) => A::Deleted,
            StatusItem::Size(_) => A::Size,
            StatusItem::Recent(_) => A::Recent,
            StatusItem::HighestModSeq(_) => A::HighestModSeq,
            StatusItem::MailboxId(_) => A::MailboxId,
            StatusItem::DeletedStorage(_) => A::DeletedStorage,
            StatusItem::AppendLimit(_) => A::AppendLimit,
            StatusItem::Other(_) => return None,
        })
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> StatusItem<'static> {
        match self {
            StatusItem::Messages(n) => StatusItem::Messages(n),
            StatusItem::UidNext(n) => StatusItem::UidNext(n),
            StatusItem::UidValidity(n) => StatusItem::UidValidity(n),
            StatusItem::Unseen(n) => StatusItem::Unseen(n),
            StatusItem::Deleted(n) => StatusItem::Deleted(n),
            StatusItem::Size(n) => StatusItem::Size(n),
            StatusItem::Recent(n) => StatusItem::Recent(n),
            StatusItem::HighestModSeq(n) => StatusItem::HighestModSeq(n),
            StatusItem::MailboxId(o) => StatusItem::MailboxId(o.into_owned()),
            StatusItem::DeletedStorage(n) => StatusItem::DeletedStorage(n),
            StatusItem::AppendLimit(n) => StatusItem::AppendLimit(n),
            StatusItem::Other(o) => StatusItem::Other(StatusOther {
                name: o.name.into_owned(),
                value: o.value.into_owned(),
            }),
        }
    }
}

/// An unknown STATUS item (`tagged-ext-label SP tagged-ext-val`, RFC 4466):
/// its name (never a known item) and value as sent. Only the parser builds
/// these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusOther<'a> {
    name: Atom<'a>,
    value: RawValue<'a>,
}

impl<'a> StatusOther<'a> {
    pub(crate) fn unchecked(name: Atom<'a>, value: RawValue<'a>) -> Self {
        Self { name, value }
    }
    /// The item's name.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// The item's value, as sent.
    pub fn value(&self) -> &RawValue<'a> {
        &self.value
    }
}

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"` (RFC 9051 §9, RFC 2342).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamespaceDescr<'a> {
    /// The prefix (`""`, `"Other Users/"`, ...).
    pub prefix: IString<'a>,
    /// The hierarchy delimiter; `None` is `NIL`.
    pub delimiter: Option<Delimiter>,
    /// `namespace-response-extension = SP string SP "(" string *(SP string) ")"`.
    pub extensions: Vec<(IString<'a>, Vec<IString<'a>>)>,
}

impl NamespaceDescr<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> NamespaceDescr<'static> {
        NamespaceDescr {
            prefix: self.prefix.into_owned(),
            delimiter: self.delimiter,
            extensions: self
                .extensions
                .into_iter()
                .map(|(k, v)| {
                    (
                        k.into_owned(),
                        v.into_iter().map(IString::into_owned).collect(),
                    )
                })
                .collect(),
        }
    }
}

/// `quota-resource = resource-name SP resource-usage SP resource-limit`
/// (RFC 9208 §7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaResource<'a> {
    /// `resource-name`: `STORAGE`, `MESSAGE`, `MAILBOX`,
    /// `ANNOTATION-STORAGE` or another atom, as sent.
    pub name: Atom<'a>,
    /// Current usage (`resource-usage = number64`).
    pub usage: Number64,
    /// The limit (`resource-limit = number64`).
    pub limit: Number64,
}

impl QuotaResource<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> QuotaResource<'static> {
        QuotaResource {
            name: self.name.into_owned(),
            usage: self.usage,
            limit: self.limit,
        }
    }
}

/// The two forms of a METADATA response (RFC 5464 §4.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataEntries<'a> {
    /// `entry-values = "(" entry-value *(SP entry-value) ")"`: entries and
    /// their values (the answer to GETMETADATA).
    Values(Vec<(AString<'a>, MetadataValue<'a>)>),
    /// `entry-list = entry *(SP entry)`: entries that changed (unsolicited).
    List(Vec<AString<'a>>),
}

impl MetadataEntries<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MetadataEntries<'static> {
        match self {
            MetadataEntries::Values(v) => MetadataEntries::Values(
                v.into_iter()
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect(),
            ),
            MetadataEntries::List(v) => {
                MetadataEntries::List(v.into_iter().map(AString::into_owned).collect())
            }
        }
    }
}

/// `value = nstring / literal8` (RFC 5464 §5).
#[derive(Clone, PartialEq, Eq)]
pub enum MetadataValue<'a> {
    /// `NIL`: no value.
    Nil,
    /// A `string`.
    String(IString<'a>),
    /// A `literal8` (`~{n}`), which may hold NUL bytes.
    Binary(Cow<'a, [u8]>),
}

impl MetadataValue<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MetadataValue<'static> {
        match self {
            MetadataValue::Nil => MetadataValue::Nil,
            MetadataValue::String(s) => MetadataValue::String(s.into_owned()),
            MetadataValue::Binary(b) => MetadataValue::Binary(Cow::Owned(b.into_owned())),
        }
    }
}

impl fmt::Debug for MetadataValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetadataValue::Nil => f.write_str("Nil"),
            MetadataValue::String(s) => write!(f, "String({s:?})"),
            MetadataValue::Binary(b) => write!(f, "Binary({:?})", Escaped(b)),
        }
    }
}

/// Untagged data this crate does not know: `"*" SP [number SP] atom [SP
/// rest]`, the rest of the message kept byte for byte (literals included).
/// Only the parser builds these, and never for a known name, so each value
/// has one encoding.
#[derive(Clone, PartialEq, Eq)]
pub struct OtherData<'a> {
    number: Option<u32>,
    name: Atom<'a>,
    rest: Option<Cow<'a, [u8]>>,
}

impl<'a> OtherData<'a> {
    pub(crate) fn unchecked(number: Option<u32>, name: Atom<'a>, rest: Option<&'a [u8]>) -> Self {
        Self {
            number,
            name,
            rest: rest.map(Cow::Borrowed),
        }
    }
    /// The number before the name (`* 5 XFOO`), if any.
    pub fn number(&self) -> Option<u32> {
        self.number
    }
    /// The keyword.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// Everything after the keyword and its SP, up to the final CRLF.
    pub fn rest(&self) -> Option<&[u8]> {
        self.rest.as_deref()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> OtherData<'static> {
        OtherData {
            number: self.number,
            name: self.name.into_owned(),
            rest: self.rest.map(|r| Cow::Owned(r.into_owned())),
        }
    }
}

impl fmt::Debug for OtherData<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OtherData")
            .field("number", &self.number)
            .field("name", &self.name)
            .field("rest", &self.rest.as_deref().map(Escaped))
            .finish()
    }
}
