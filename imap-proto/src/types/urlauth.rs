//! URLAUTH (RFC 4467) and its extended URLFETCH (RFC 5524, URLAUTH=BINARY):
//! GENURLAUTH, RESETKEY, URLFETCH, their data responses and the URLMECH
//! code. The URLs themselves (with RFC 5550's `;PARTIAL=`) are astrings,
//! kept as sent.

use std::borrow::Cow;
use std::fmt;

use super::body::BodyStructure;
use super::core::{cow_bytes_owned, cow_str_owned, AString, Atom, NString, ValidationError};
use super::mailbox::Mailbox;
use super::nonempty::NonEmpty;

/// `mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")` (RFC 4467 §9).
///
/// ```
/// use imap_proto::types::UrlAuthMechanism;
/// assert!(UrlAuthMechanism::new("INTERNAL").is_ok());
/// assert!(UrlAuthMechanism::new("x.y-1").is_ok());
/// assert!(UrlAuthMechanism::new("a=b").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct UrlAuthMechanism<'a>(Cow<'a, str>);

impl<'a> UrlAuthMechanism<'a> {
    /// Checks `s` against the rule above.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        if s.is_empty() {
            return Err(ValidationError::new("mechanism", "must not be empty", 0));
        }
        if let Some(at) = s
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
        {
            return Err(ValidationError::new(
                "mechanism",
                "only ALPHA, DIGIT, \"-\" and \".\"",
                at,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: Cow<'a, str>) -> Self {
        Self(s)
    }
    /// The mechanism's name, as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> UrlAuthMechanism<'static> {
        UrlAuthMechanism(cow_str_owned(self.0))
    }
}

impl fmt::Debug for UrlAuthMechanism<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UrlAuthMechanism({:?})", self.0)
    }
}

/// `resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]` (RFC 4467 §9):
/// the mailbox whose keys are reset, and for which mechanisms (none: all).
/// Without a target, every mailbox's keys are reset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetKeyTarget<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The mechanisms; empty is all.
    pub mechanisms: Vec<UrlAuthMechanism<'a>>,
}

/// `url-fetch-param = "BODY" / "BINARY" / "BODYPARTSTRUCTURE" / atom`
/// (RFC 5524 §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlFetchParam<'a> {
    /// `BODY`
    Body,
    /// `BINARY`
    Binary,
    /// `BODYPARTSTRUCTURE`
    BodyPartStructure,
    /// Another parameter; never one of the three above (in any case).
    Other(UrlFetchParamExt<'a>),
}

/// A URLFETCH parameter this crate does not know (RFC 5524 `atom`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UrlFetchParamExt<'a>(Atom<'a>);

impl<'a> UrlFetchParamExt<'a> {
    /// An unknown parameter; `BODY`, `BINARY` and `BODYPARTSTRUCTURE` are
    /// refused.
    pub fn new(name: Atom<'a>) -> Result<Self, ValidationError> {
        if ["BODY", "BINARY", "BODYPARTSTRUCTURE"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name.as_str()))
        {
            return Err(ValidationError::new(
                "url-fetch-param",
                "is a known parameter",
                0,
            ));
        }
        Ok(Self(name))
    }
    pub(crate) fn unchecked(name: Atom<'a>) -> Self {
        Self(name)
    }
    /// The parameter, as sent.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
}

/// `url-fetch-arg = url-fetch-simple / url-fetch-ext`, `url-fetch-ext =
/// "(" url-full *(SP url-fetch-param) ")"` (RFC 5524 §3; RFC 4467 has the
/// simple form only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlFetchArg<'a> {
    /// `url-full = astring`.
    pub url: AString<'a>,
    /// `None`: the simple form; `Some`: the parenthesized form with its
    /// parameters (possibly none).
    pub params: Option<Vec<UrlFetchParam<'a>>>,
}

/// One URL of a URLFETCH response: `urldata-simple = url-full SP nstring`
/// or `urldata-ext = url-full url-metadata` (RFC 4467 §9, RFC 5524 §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlFetchData<'a> {
    /// The URL as the command gave it.
    pub url: AString<'a>,
    /// The data, or its metadata items.
    pub value: UrlFetchValue<'a>,
}

/// The value of a URL in a URLFETCH response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlFetchValue<'a> {
    /// `nstring`: the data, `NIL` when the URL is not valid.
    Simple(NString<'a>),
    /// `url-metadata = 1*(SP "(" url-metadata-el ")")` (RFC 5524).
    Metadata(NonEmpty<UrlMetadata<'a>>),
}

/// `url-metadata-el = url-meta-bodystruct / url-meta-body /
/// url-meta-binary` (RFC 5524 §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlMetadata<'a> {
    /// `"BODYPARTSTRUCTURE" SP body`
    BodyPartStructure(Box<BodyStructure<'a>>),
    /// `"BODY" SP nstring`
    Body(NString<'a>),
    /// `"BINARY" SP (nstring / literal8)`: the decoded octets, `None` for
    /// `NIL`. Sent as a literal8 when they hold a NUL, else as a string.
    Binary(Option<Cow<'a, [u8]>>),
}

/// One mechanism of `URLMECH`: `mechanism ["=" base64]` (RFC 4467 §9),
/// the key decoded from BASE64 (`Some` of no octets is `name=`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlMech<'a> {
    /// The mechanism.
    pub mechanism: UrlAuthMechanism<'a>,
    /// The key material the server offers, decoded.
    pub key: Option<Cow<'a, [u8]>>,
}

impl ResetKeyTarget<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ResetKeyTarget<'static> {
        ResetKeyTarget {
            mailbox: self.mailbox.into_owned(),
            mechanisms: self
                .mechanisms
                .into_iter()
                .map(UrlAuthMechanism::into_owned)
                .collect(),
        }
    }
}

impl UrlFetchParam<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> UrlFetchParam<'static> {
        match self {
            UrlFetchParam::Body => UrlFetchParam::Body,
            UrlFetchParam::Binary => UrlFetchParam::Binary,
            UrlFetchParam::BodyPartStructure => UrlFetchParam::BodyPartStructure,
            UrlFetchParam::Other(x) => UrlFetchParam::Other(UrlFetchParamExt(x.0.into_owned())),
        }
    }
}

impl UrlFetchArg<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> UrlFetchArg<'static> {
        UrlFetchArg {
            url: self.url.into_owned(),
            params: self
                .params
                .map(|v| v.into_iter().map(UrlFetchParam::into_owned).collect()),
        }
    }
}

impl UrlFetchData<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> UrlFetchData<'static> {
        UrlFetchData {
            url: self.url.into_owned(),
            value: match self.value {
                UrlFetchValue::Simple(n) => UrlFetchValue::Simple(n.map(|s| s.into_owned())),
                UrlFetchValue::Metadata(v) => UrlFetchValue::Metadata(v.map(|m| match m {
                    UrlMetadata::BodyPartStructure(b) => {
                        UrlMetadata::BodyPartStructure(Box::new(b.into_owned()))
                    }
                    UrlMetadata::Body(n) => UrlMetadata::Body(n.map(|s| s.into_owned())),
                    UrlMetadata::Binary(b) => UrlMetadata::Binary(b.map(cow_bytes_owned)),
                })),
            },
        }
    }
}

impl UrlMech<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> UrlMech<'static> {
        UrlMech {
            mechanism: self.mechanism.into_owned(),
            key: self.key.map(cow_bytes_owned),
        }
    }
}
