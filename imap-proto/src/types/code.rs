//! Response codes (RFC 9051 §9 `resp-text-code`): the bracketed code a
//! status response or continuation request may carry, with the codes of
//! RFC 2221, 3516, 4315, 4469, 4978, 5464, 5530, 7162, 8474 and 9208, and
//! the text types their arguments use.

use std::borrow::Cow;
use std::fmt;

use super::core::{cow_str_owned, Atom, ObjectId, ValidationError};
use super::inprogress::InProgress;
use super::nonempty::NonEmpty;
use super::notify::NotifyEventName;
use super::number::{Number64, NzNumber};
use super::urlauth::UrlMech;
use super::{Capability, FlagPerm, SequenceSet};

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
    /// `ANNOTATE SP ("TOOBIG" / "TOOMANY")` (RFC 5257).
    Annotate(super::annotate::AnnotateCode),
    /// `ANNOTATIONS SP ann-size` (RFC 5257).
    Annotations(super::annotate::AnnSize),
    /// `UNDEFINED-FILTER SP filter-name` (RFC 5466).
    UndefinedFilter(super::filters::FilterName<'a>),
    /// `NOTIFICATIONOVERFLOW` (RFC 5465 §5.8): notifications are off.
    NotificationOverflow,
    /// `unsupported-events-code = "BADEVENT" SP "(" event-name *(SP
    /// event-name) ")"` (RFC 5465 §8): the events the server supports.
    BadEvent(NonEmpty<NotifyEventName<'a>>),
    /// `UIDREQUIRED` (RFC 9586 UIDONLY): the command used message numbers.
    UidRequired,
    /// `BADCOMPARATOR` (RFC 5255 §4.10): no such collation.
    BadComparator,
    /// `"URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])` (RFC 4467
    /// §9): the mechanisms besides INTERNAL, which is always there.
    UrlMech(Vec<UrlMech<'a>>),
    /// `"INPROGRESS" [SP "(" progress-tag SP progress-count SP
    /// progress-goal ")"]` (RFC 9585): a long command's progress.
    InProgress(Option<InProgress<'a>>),
    /// `"MESSAGELIMIT" SP message-limit [SP uniqueid]` (RFC 9738): the
    /// command touched at most `limit` messages, the last being `uid`.
    MessageLimit {
        /// The server's limit (`message-limit = nz-number`).
        limit: NzNumber,
        /// The UID where processing stopped, when given.
        uid: Option<NzNumber>,
    },
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
            R::Annotate(c) => R::Annotate(c),
            R::Annotations(s) => R::Annotations(s),
            R::UndefinedFilter(n) => R::UndefinedFilter(n.into_owned()),
            R::NotificationOverflow => R::NotificationOverflow,
            R::BadEvent(v) => R::BadEvent(v.map(NotifyEventName::into_owned)),
            R::UidRequired => R::UidRequired,
            R::BadComparator => R::BadComparator,
            R::UrlMech(v) => R::UrlMech(v.into_iter().map(UrlMech::into_owned).collect()),
            R::InProgress(p) => R::InProgress(p.map(InProgress::into_owned)),
            R::MessageLimit { limit, uid } => R::MessageLimit { limit, uid },
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
    "ANNOTATE",
    "ANNOTATIONS",
    "UNDEFINED-FILTER",
    "NOTIFICATIONOVERFLOW",
    "BADEVENT",
    "UIDREQUIRED",
    "BADCOMPARATOR",
    "URLMECH",
    "INPROGRESS",
    "MESSAGELIMIT",
];

/// Whether `name` (any case) is one of [`KNOWN_CODES`].
pub(crate) fn is_known_code(name: &[u8]) -> bool {
    KNOWN_CODES
        .iter()
        .any(|k| k.as_bytes().eq_ignore_ascii_case(name))
}

/// Whether text that starts with these bytes, placed right after a status
/// keyword and its SP, is read by the parser as `"[" resp-text-code "]"`
/// rather than as text. This is the rule [`crate::types::Text`] refuses and
/// the parser applies (see [`crate::types::RespText`]):
///
/// - `[` then the code's name (an atom) then `]`, or SP and a `]` further on;
/// - a known name (any case) reads as a code whatever follows its `]` (its
///   argument read strictly, or kept raw as an [`OtherCode`]);
/// - an unknown name reads as a code only if its first `]` is followed by
///   SP or ends the text: `[Gmail]/Sent Mail` is text.
pub(crate) fn opens_code(s: &[u8]) -> bool {
    let Some((b'[', rest)) = s.split_first() else {
        return false;
    };
    let n = crate::fast::span(rest, crate::fast::is_atom_char);
    if n == 0 {
        return false;
    }
    let (name, after) = rest.split_at(n);
    let close = match after.first() {
        Some(b']') => 0,
        Some(b' ') => match memchr::memchr(b']', after) {
            Some(k) => k,
            None => return false,
        },
        _ => return false,
    };
    is_known_code(name) || matches!(after.get(close + 1), None | Some(b' '))
}

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
/// TEXT-CHAR except "]">]` (RFC 9051 §9), the generic code.
///
/// Its name is one of the known codes only when the parser built it from a
/// known code whose argument did not match that code's grammar (a
/// degraded code: `[UIDNEXT 0]`, `[COPYUID 701  ]`, `[ALERT SOMETHING]`,
/// from real servers; see [`crate::types::RespText`]): the name and the
/// argument are kept as sent, and they encode to bytes that the parser
/// degrades the same way again. [`OtherCode::new`] refuses the known
/// names, so the public API cannot build an `OtherCode` that would read
/// back as a typed code.
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
        if is_known_code(name.as_str().as_bytes()) {
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
