//! FETCH: the command's arguments (RFC 9051 §6.4.5), body sections, and
//! the data items of the FETCH response (RFC 9051 §7.5.2), with the
//! extensions BINARY (RFC 3516), CONDSTORE/QRESYNC (RFC 7162), OBJECTID
//! (RFC 8474), SAVEDATE (RFC 8514), PREVIEW (RFC 8970, and Dovecot's older
//! SNIPPET form) and PARTIAL (RFC 9394); Gmail's items and ANNOTATION (RFC
//! 5257) hold the types of `gmail.rs` and `annotate.rs`.

use std::borrow::Cow;

use super::body::{BodyStructure, Envelope};
use super::core::ObjectId;
use super::core::{cow_str_owned, AString, Atom, NString, RawValue, ValidationError};
use super::datetime::DateTime;
use super::flag::Flag;
use super::number::{Number64, NzNumber, NzNumber64};
use super::search::PartialRange;
use super::sequence::SequenceSet;
use crate::fast;

mod malformed;
pub use self::malformed::MalformedItem;

/// The arguments of `FETCH` after the keyword (RFC 9051 §9 `fetch`, with
/// RFC 4466 `fetch-modifiers`): `SP sequence-set SP ("ALL" / "FULL" /
/// "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")")
/// [fetch-modifiers]`.
///
/// ```
/// use imap_proto::types::{FetchArgs, FetchAttribute, FetchAttributes};
/// let args = FetchArgs {
///     sequence_set: "1:*".parse().unwrap(),
///     attributes: FetchAttributes::List(vec![FetchAttribute::Uid, FetchAttribute::Flags]),
///     modifiers: vec![],
/// };
/// assert_eq!(args.attributes, FetchAttributes::List(vec![FetchAttribute::Uid, FetchAttribute::Flags]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchArgs<'a> {
    /// The messages (sequence numbers, or UIDs under `UID FETCH`).
    pub sequence_set: SequenceSet,
    /// What to fetch.
    pub attributes: FetchAttributes<'a>,
    /// `fetch-modifiers` (RFC 4466); empty when there are none.
    pub modifiers: Vec<FetchModifier<'a>>,
}

impl FetchArgs<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FetchArgs<'static> {
        FetchArgs {
            sequence_set: self.sequence_set,
            attributes: self.attributes.into_owned(),
            modifiers: self
                .modifiers
                .into_iter()
                .map(FetchModifier::into_owned)
                .collect(),
        }
    }
}

/// What a FETCH asks for: a macro or a list of `fetch-att` (RFC 9051 §9).
///
/// A single attribute written without parentheses (`FETCH 1 FLAGS`) is a
/// list of one; the encoder always writes the parentheses. An empty list is
/// accepted by the parser (leniently) and written as `()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchAttributes<'a> {
    /// `ALL`: `(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)`.
    All,
    /// `FAST`: `(FLAGS INTERNALDATE RFC822.SIZE)`.
    Fast,
    /// `FULL`: `(FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY)`.
    Full,
    /// `"(" fetch-att *(SP fetch-att) ")"`, or one bare `fetch-att`.
    List(Vec<FetchAttribute<'a>>),
}

impl FetchAttributes<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FetchAttributes<'static> {
        match self {
            FetchAttributes::All => FetchAttributes::All,
            FetchAttributes::Fast => FetchAttributes::Fast,
            FetchAttributes::Full => FetchAttributes::Full,
            FetchAttributes::List(v) => {
                FetchAttributes::List(v.into_iter().map(FetchAttribute::into_owned).collect())
            }
        }
    }

    /// The attributes a macro stands for (RFC 9051 §6.4.5), or the list.
    pub fn expand(&self) -> Cow<'_, [FetchAttribute<'_>]> {
        use FetchAttribute as A;
        match self {
            FetchAttributes::All => {
                Cow::Owned(vec![A::Flags, A::InternalDate, A::Rfc822Size, A::Envelope])
            }
            FetchAttributes::Fast => Cow::Owned(vec![A::Flags, A::InternalDate, A::Rfc822Size]),
            FetchAttributes::Full => Cow::Owned(vec![
                A::Flags,
                A::InternalDate,
                A::Rfc822Size,
                A::Envelope,
                A::Body,
            ]),
            FetchAttributes::List(v) => Cow::Borrowed(v),
        }
    }
}

/// `fetch-att` (RFC 9051 §9, RFC 3501 §9 and the extensions).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FetchAttribute<'a> {
    /// `ENVELOPE`
    Envelope,
    /// `FLAGS`
    Flags,
    /// `INTERNALDATE`
    InternalDate,
    /// `RFC822` (RFC 3501): the same as `BODY[]`.
    Rfc822,
    /// `RFC822.HEADER` (RFC 3501): the same as `BODY.PEEK[HEADER]`.
    Rfc822Header,
    /// `RFC822.SIZE`
    Rfc822Size,
    /// `RFC822.TEXT` (RFC 3501): the same as `BODY[TEXT]`.
    Rfc822Text,
    /// `BODY`: the body structure without extension data.
    Body,
    /// `BODYSTRUCTURE`
    BodyStructure,
    /// `UID`
    Uid,
    /// `"BODY" section [partial]` or `"BODY.PEEK" section [partial]`.
    BodySection {
        /// `BODY.PEEK`: do not set `\Seen`.
        peek: bool,
        /// Which part of the message.
        section: Section<'a>,
        /// Only these octets.
        partial: Option<Partial>,
    },
    /// `"BINARY" [".PEEK"] section-binary [partial]` (RFC 3516).
    Binary {
        /// `BINARY.PEEK`: do not set `\Seen`.
        peek: bool,
        /// The part; `None` is `[]`, the whole message.
        section: Option<SectionPart>,
        /// Only these octets of the decoded content.
        partial: Option<Partial>,
    },
    /// `"BINARY.SIZE" section-binary` (RFC 3516).
    BinarySize {
        /// The part; `None` is `[]`.
        section: Option<SectionPart>,
    },
    /// `MODSEQ` (RFC 7162).
    ModSeq,
    /// `EMAILID` (RFC 8474).
    EmailId,
    /// `THREADID` (RFC 8474).
    ThreadId,
    /// `SAVEDATE` (RFC 8514).
    SaveDate,
    /// `"PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]`,
    /// `preview-mod = "LAZY"` (RFC 8970).
    Preview {
        /// `PREVIEW (LAZY)`: only if readily available.
        lazy: bool,
    },
    /// Dovecot's pre-RFC form of PREVIEW: `SNIPPET [SP "(" modifier *(SP
    /// modifier) ")"]` with the modifiers `FUZZY`, `LAZY` and `LAZY=FUZZY`.
    /// Written as `SNIPPET` or `SNIPPET (LAZY=FUZZY)`.
    Snippet {
        /// `LAZY` or `LAZY=FUZZY` was given.
        lazy: bool,
    },
    /// Gmail's `X-GM-MSGID`, `X-GM-THRID` and `X-GM-LABELS` (X-GM-EXT-1).
    Gmail(super::gmail::GmailFetchAttribute),
    /// `ANNOTATION (entries attribs)` (RFC 5257).
    Annotation(super::annotate::AnnotationFetch<'a>),
    /// An attribute of an extension this crate does not know (an atom,
    /// e.g. `X-SCORE`).
    Other(FetchAttributeName<'a>),
}

impl FetchAttribute<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FetchAttribute<'static> {
        use FetchAttribute as A;
        match self {
            A::Envelope => A::Envelope,
            A::Flags => A::Flags,
            A::InternalDate => A::InternalDate,
            A::Rfc822 => A::Rfc822,
            A::Rfc822Header => A::Rfc822Header,
            A::Rfc822Size => A::Rfc822Size,
            A::Rfc822Text => A::Rfc822Text,
            A::Body => A::Body,
            A::BodyStructure => A::BodyStructure,
            A::Uid => A::Uid,
            A::BodySection {
                peek,
                section,
                partial,
            } => A::BodySection {
                peek,
                section: section.into_owned(),
                partial,
            },
            A::Binary {
                peek,
                section,
                partial,
            } => A::Binary {
                peek,
                section,
                partial,
            },
            A::BinarySize { section } => A::BinarySize { section },
            A::ModSeq => A::ModSeq,
            A::EmailId => A::EmailId,
            A::ThreadId => A::ThreadId,
            A::SaveDate => A::SaveDate,
            A::Preview { lazy } => A::Preview { lazy },
            A::Snippet { lazy } => A::Snippet { lazy },
            A::Gmail(g) => A::Gmail(g),
            A::Annotation(a) => A::Annotation(a.into_owned()),
            A::Other(n) => A::Other(n.into_owned()),
        }
    }
}

/// Keywords of `fetch-att` and the macros, which an unknown attribute's
/// name may not spell (compared case-insensitively).
pub(crate) const FETCH_ATT_KEYWORDS: &[&str] = &[
    "ALL",
    "FAST",
    "FULL",
    "ENVELOPE",
    "FLAGS",
    "INTERNALDATE",
    "RFC822",
    "RFC822.HEADER",
    "RFC822.SIZE",
    "RFC822.TEXT",
    "BODY",
    "BODY.PEEK",
    "BODYSTRUCTURE",
    "UID",
    "BINARY",
    "BINARY.PEEK",
    "BINARY.SIZE",
    "MODSEQ",
    "EMAILID",
    "THREADID",
    "SAVEDATE",
    "PREVIEW",
    "SNIPPET",
    "X-GM-MSGID",
    "X-GM-THRID",
    "X-GM-LABELS",
    "ANNOTATION",
];

fn is_one_of(s: &[u8], names: &[&str]) -> bool {
    names.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(s))
}

/// The name of a fetch attribute this crate does not know: an atom without
/// `[`, never one of the known keywords (so that it has one reading).
///
/// ```
/// use imap_proto::types::FetchAttributeName;
/// assert!(FetchAttributeName::new("X-SCORE").is_ok());
/// assert!(FetchAttributeName::new("X-GM-MSGID").is_err());
/// assert!(FetchAttributeName::new("uid").is_err());
/// assert!(FetchAttributeName::new("BODY[]").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FetchAttributeName<'a>(Atom<'a>);

impl<'a> FetchAttributeName<'a> {
    /// Checks `s`: an atom, without `[`, not a known name.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let a = Atom::new(s)?;
        if let Some(at) = a.as_str().find('[') {
            return Err(ValidationError::new(
                "fetch attribute name",
                "\"[\" is not allowed",
                at,
            ));
        }
        if is_one_of(a.as_str().as_bytes(), FETCH_ATT_KEYWORDS) {
            return Err(ValidationError::new(
                "fetch attribute name",
                "is a known attribute",
                0,
            ));
        }
        Ok(Self(a))
    }
    pub(crate) fn unchecked(a: Atom<'a>) -> Self {
        Self(a)
    }
    /// The name.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FetchAttributeName<'static> {
        FetchAttributeName(self.0.into_owned())
    }
}

/// `section = "[" [section-spec] "]"`, `section-spec = section-msgtext /
/// (section-part ["." section-text])` (RFC 9051 §9).
///
/// ```
/// use imap_proto::types::{Section, SectionMsgtext, SectionPart, SectionText};
/// // BODY[]
/// let whole = Section::Message(None);
/// // BODY[1.2.MIME]
/// let part = SectionPart::new(vec![1.try_into().unwrap(), 2.try_into().unwrap()]).unwrap();
/// let mime = Section::Part(part, Some(SectionText::Mime));
/// assert_ne!(whole, mime);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Section<'a> {
    /// The top-level message: `[]`, `[HEADER]`, `[HEADER.FIELDS (...)]`,
    /// `[HEADER.FIELDS.NOT (...)]`, `[TEXT]`.
    Message(Option<SectionMsgtext<'a>>),
    /// A body part: `[1.2]`, or `[1.2.HEADER]`, `[1.2.MIME]`...
    Part(SectionPart, Option<SectionText<'a>>),
}

impl Section<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Section<'static> {
        match self {
            Section::Message(t) => Section::Message(t.map(SectionMsgtext::into_owned)),
            Section::Part(p, t) => Section::Part(p, t.map(SectionText::into_owned)),
        }
    }
}

/// `section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list /
/// "TEXT"`, `header-list = "(" header-fld-name *(SP header-fld-name) ")"`,
/// `header-fld-name = astring` (RFC 9051 §9).
///
/// An empty header list is accepted by the parser (leniently) and written
/// as `()`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SectionMsgtext<'a> {
    /// `HEADER`
    Header,
    /// `HEADER.FIELDS (...)`
    HeaderFields(Vec<AString<'a>>),
    /// `HEADER.FIELDS.NOT (...)`
    HeaderFieldsNot(Vec<AString<'a>>),
    /// `TEXT`
    Text,
}

impl SectionMsgtext<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SectionMsgtext<'static> {
        match self {
            SectionMsgtext::Header => SectionMsgtext::Header,
            SectionMsgtext::HeaderFields(v) => {
                SectionMsgtext::HeaderFields(v.into_iter().map(AString::into_owned).collect())
            }
            SectionMsgtext::HeaderFieldsNot(v) => {
                SectionMsgtext::HeaderFieldsNot(v.into_iter().map(AString::into_owned).collect())
            }
            SectionMsgtext::Text => SectionMsgtext::Text,
        }
    }
}

/// `section-text = section-msgtext / "MIME"` (RFC 9051 §9): what follows a
/// part number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SectionText<'a> {
    /// `HEADER`, `HEADER.FIELDS...`, `TEXT` of a MESSAGE/RFC822 part.
    Msgtext(SectionMsgtext<'a>),
    /// `MIME`: the part's MIME header.
    Mime,
}

impl SectionText<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SectionText<'static> {
        match self {
            SectionText::Msgtext(t) => SectionText::Msgtext(t.into_owned()),
            SectionText::Mime => SectionText::Mime,
        }
    }
}

/// `section-part = nz-number *("." nz-number)` (RFC 9051 §9): the path to
/// a body part, never empty.
///
/// ```
/// use imap_proto::types::SectionPart;
/// let p = SectionPart::new(vec![4.try_into().unwrap(), 2.try_into().unwrap()]).unwrap();
/// assert_eq!(p.to_string(), "4.2");
/// assert!(SectionPart::new(vec![]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SectionPart(Vec<NzNumber>);

impl SectionPart {
    /// A path of at least one part number.
    pub fn new(path: Vec<NzNumber>) -> Result<Self, ValidationError> {
        if path.is_empty() {
            return Err(ValidationError::new("section-part", "must not be empty", 0));
        }
        Ok(Self(path))
    }
    pub(crate) fn unchecked(path: Vec<NzNumber>) -> Self {
        debug_assert!(!path.is_empty());
        Self(path)
    }
    /// The part numbers, outermost first.
    pub fn as_slice(&self) -> &[NzNumber] {
        &self.0
    }
}

impl std::fmt::Display for SectionPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (k, n) in self.0.iter().enumerate() {
            if k > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

/// `partial = "<" number64 "." nz-number64 ">"` (RFC 9051 §9): a range of
/// octets, `<origin.length>`.
///
/// The fields stay public: each is valid on its own by its type (at most
/// 2^63 - 1, the length not 0), and the grammar asks nothing of the two
/// together (`origin + length` may pass 2^63 - 1), so every value encodes
/// to a `partial` that parses back to it.
///
/// ```
/// use imap_proto::types::{Number64, NzNumber64, Partial};
/// let p = Partial { origin: Number64::ZERO, length: NzNumber64::MAX };
/// assert_eq!(p.length.get(), (1 << 63) - 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Partial {
    /// Offset of the first octet, from 0.
    pub origin: Number64,
    /// How many octets at most.
    pub length: NzNumber64,
}

/// A FETCH modifier (RFC 4466 `fetch-modifier`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchModifier<'a> {
    /// `"CHANGEDSINCE" SP mod-sequence-value` (RFC 7162 §3.1.4; 0
    /// accepted).
    ChangedSince(Number64),
    /// `VANISHED` (RFC 7162 §3.2.6; UID FETCH only).
    Vanished,
    /// `"PARTIAL" SP partial-range` (RFC 9394).
    Partial(PartialRange),
    /// A modifier this crate does not know, with its parameters as sent.
    Other(FetchModifierOther<'a>),
}

impl FetchModifier<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FetchModifier<'static> {
        match self {
            FetchModifier::ChangedSince(n) => FetchModifier::ChangedSince(n),
            FetchModifier::Vanished => FetchModifier::Vanished,
            FetchModifier::Partial(r) => FetchModifier::Partial(r),
            FetchModifier::Other(o) => FetchModifier::Other(o.into_owned()),
        }
    }
}

/// An unknown fetch modifier: `fetch-modifier-name [SP fetch-modif-params]`
/// (RFC 4466). Only the parser builds these (the parameters are a
/// [`RawValue`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchModifierOther<'a> {
    name: Atom<'a>,
    value: Option<RawValue<'a>>,
}

impl<'a> FetchModifierOther<'a> {
    pub(crate) fn unchecked(name: Atom<'a>, value: Option<RawValue<'a>>) -> Self {
        Self { name, value }
    }
    /// The modifier's name (`tagged-ext-label`).
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// Its parameters, as received.
    pub fn value(&self) -> Option<&RawValue<'a>> {
        self.value.as_ref()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FetchModifierOther<'static> {
        FetchModifierOther {
            name: self.name.into_owned(),
            value: self.value.map(RawValue::into_owned),
        }
    }
}

/// One data item of a FETCH response: `msg-att-dynamic / msg-att-static`
/// (RFC 9051 §9, RFC 3501 §9 and the extensions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessageDataItem<'a> {
    /// `"FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"` (includes `\Recent`).
    Flags(Vec<Flag<'a>>),
    /// `"ENVELOPE" SP envelope`.
    Envelope(Box<Envelope<'a>>),
    /// `"INTERNALDATE" SP date-time`.
    InternalDate(DateTime),
    /// `"RFC822.SIZE" SP number64`.
    Rfc822Size(Number64),
    /// `"RFC822" SP nstring` (RFC 3501).
    Rfc822(NString<'a>),
    /// `"RFC822.HEADER" SP nstring` (RFC 3501).
    Rfc822Header(NString<'a>),
    /// `"RFC822.TEXT" SP nstring` (RFC 3501).
    Rfc822Text(NString<'a>),
    /// `"BODY" SP body`: the body structure without extension data.
    Body(Box<BodyStructure<'a>>),
    /// `"BODYSTRUCTURE" SP body`.
    BodyStructure(Box<BodyStructure<'a>>),
    /// `"BODY" section ["<" number ">"] SP nstring`.
    BodySection {
        /// Which part of the message.
        section: Section<'a>,
        /// The origin octet, when the client asked for a partial fetch. A
        /// `number64`, as the origin of the request's `partial` is (the
        /// grammar's `number` is widened).
        origin: Option<Number64>,
        /// The content.
        data: NString<'a>,
    },
    /// `"BINARY" section-binary ["<" number ">"] SP (nstring / literal8)`
    /// (RFC 3516, RFC 9051 §7.5.2). The content is just bytes: the encoder
    /// writes a `literal8` (`~{n}`) when it holds a NUL octet and a string
    /// otherwise, as RFC 9051 §7.5.2 asks.
    Binary {
        /// The part; `None` is `[]`.
        section: Option<SectionPart>,
        /// The origin octet, when the client asked for a partial fetch (a
        /// `number64`, as for `BodySection`).
        origin: Option<Number64>,
        /// The decoded content.
        data: NString<'a>,
    },
    /// `"BINARY.SIZE" section-binary SP number` (RFC 3516).
    BinarySize {
        /// The part; `None` is `[]`.
        section: Option<SectionPart>,
        /// The decoded size in octets: a `number64` (the grammar's
        /// `number` is widened, as RFC 9051 did for `RFC822.SIZE`).
        size: Number64,
    },
    /// `"UID" SP uniqueid`.
    Uid(NzNumber),
    /// `"MODSEQ" SP "(" permsg-modsequence ")"` (RFC 7162 §3.1.4; 0
    /// accepted).
    ModSeq(Number64),
    /// `"EMAILID" SP "(" objectid ")"` (RFC 8474).
    EmailId(ObjectId<'a>),
    /// `"THREADID" SP ("(" objectid ")" / nil)` (RFC 8474).
    ThreadId(Option<ObjectId<'a>>),
    /// `"SAVEDATE" SP (date-time / nil)` (RFC 8514).
    SaveDate(Option<DateTime>),
    /// `"PREVIEW" SP nstring` (RFC 8970).
    Preview(NString<'a>),
    /// Dovecot's `"SNIPPET" SP "(" algorithm SP nstring ")"`, e.g.
    /// `SNIPPET (FUZZY "text")`.
    Snippet {
        /// The algorithm (`FUZZY`).
        algorithm: Atom<'a>,
        /// The preview text.
        text: NString<'a>,
    },
    /// Gmail's `X-GM-MSGID`, `X-GM-THRID` and `X-GM-LABELS` (X-GM-EXT-1).
    Gmail(super::gmail::GmailDataItem<'a>),
    /// `ANNOTATION (...)` (RFC 5257).
    Annotation(super::annotate::AnnotationData<'a>),
    /// A known item whose value matches neither its grammar nor an
    /// unambiguous lenient reading of it, kept raw under its name (see
    /// [`MalformedItem`]): Zoho's `MODSEQ (-1)`, `INTERNALDATE NIL`, a body
    /// structure no reading fits. The other items of the message stay
    /// typed.
    Malformed(MalformedItem<'a>),
    /// An item this crate does not know, kept as received.
    Other {
        /// Its name, e.g. `X-SCORE`.
        name: MessageDataItemName<'a>,
        /// Its value, as received.
        value: RawValue<'a>,
    },
}

impl MessageDataItem<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MessageDataItem<'static> {
        use MessageDataItem as M;
        let ns = |s: NString<'_>| s.map(|s| s.into_owned());
        match self {
            M::Flags(f) => M::Flags(f.into_iter().map(Flag::into_owned).collect()),
            M::Envelope(e) => M::Envelope(Box::new((*e).into_owned())),
            M::InternalDate(d) => M::InternalDate(d),
            M::Rfc822Size(n) => M::Rfc822Size(n),
            M::Rfc822(s) => M::Rfc822(ns(s)),
            M::Rfc822Header(s) => M::Rfc822Header(ns(s)),
            M::Rfc822Text(s) => M::Rfc822Text(ns(s)),
            M::Body(b) => M::Body(Box::new((*b).into_owned())),
            M::BodyStructure(b) => M::BodyStructure(Box::new((*b).into_owned())),
            M::BodySection {
                section,
                origin,
                data,
            } => M::BodySection {
                section: section.into_owned(),
                origin,
                data: ns(data),
            },
            M::Binary {
                section,
                origin,
                data,
            } => M::Binary {
                section,
                origin,
                data: ns(data),
            },
            M::BinarySize { section, size } => M::BinarySize { section, size },
            M::Uid(n) => M::Uid(n),
            M::ModSeq(n) => M::ModSeq(n),
            M::EmailId(o) => M::EmailId(o.into_owned()),
            M::ThreadId(o) => M::ThreadId(o.map(ObjectId::into_owned)),
            M::SaveDate(d) => M::SaveDate(d),
            M::Preview(s) => M::Preview(ns(s)),
            M::Snippet { algorithm, text } => M::Snippet {
                algorithm: algorithm.into_owned(),
                text: ns(text),
            },
            M::Gmail(g) => M::Gmail(g.into_owned()),
            M::Annotation(a) => M::Annotation(a.into_owned()),
            M::Malformed(m) => M::Malformed(m.into_owned()),
            M::Other { name, value } => M::Other {
                name: name.into_owned(),
                value: value.into_owned(),
            },
        }
    }
}

/// Names of the `msg-att` items that take no section.
pub(crate) const MSG_ATT_KEYWORDS: &[&str] = &[
    "FLAGS",
    "ENVELOPE",
    "INTERNALDATE",
    "RFC822.SIZE",
    "RFC822",
    "RFC822.HEADER",
    "RFC822.TEXT",
    "BODY",
    "BODYSTRUCTURE",
    "UID",
    "MODSEQ",
    "EMAILID",
    "THREADID",
    "SAVEDATE",
    "PREVIEW",
    "SNIPPET",
    "X-GM-MSGID",
    "X-GM-THRID",
    "X-GM-LABELS",
    "ANNOTATION",
];

/// Names of the `msg-att` items followed by a section.
pub(crate) const MSG_ATT_SECTION_KEYWORDS: &[&str] = &["BODY", "BINARY", "BINARY.SIZE"];

/// Length of the keyword at the start of an item name: ATOM-CHARs up to
/// the first `[`.
pub(crate) fn item_keyword_len(i: &[u8]) -> usize {
    i.iter()
        .take_while(|&&b| b != b'[' && fast::is_atom_char(b))
        .count()
}

/// Length of an unknown item's name at the start of `i`: a keyword, then
/// optionally `[...]` (printable ASCII other than `]` inside) and more
/// ATOM-CHARs (`<0>`). `None` if there is no name or a bracket is left open.
pub(crate) fn item_name_len(i: &[u8]) -> Option<usize> {
    let k = item_keyword_len(i);
    if k == 0 {
        return None;
    }
    if i.get(k) != Some(&b'[') {
        return Some(k);
    }
    let close = i[k + 1..]
        .iter()
        .position(|&b| b == b']' || !(0x20..0x7f).contains(&b))?
        + 1;
    if i[k + close] != b']' {
        return None;
    }
    let after = k + close + 1;
    Some(after + item_keyword_len(&i[after..]))
}

/// Whether a well-formed item name is one the parser reads as a known item.
pub(crate) fn is_known_item_name(name: &[u8]) -> bool {
    let k = item_keyword_len(name);
    let kw = &name[..k];
    if name.get(k) == Some(&b'[') {
        is_one_of(kw, MSG_ATT_SECTION_KEYWORDS)
    } else {
        is_one_of(kw, MSG_ATT_KEYWORDS)
    }
}

/// The name of a FETCH response item this crate does not know: an atom,
/// optionally with a `[...]` section and a suffix (`X-FOO[1]<0>`), never
/// one the parser would read as a known item.
///
/// ```
/// use imap_proto::types::MessageDataItemName;
/// assert!(MessageDataItemName::new("X-SCORE").is_ok());
/// assert!(MessageDataItemName::new("X-GM-LABELS").is_err());
/// assert!(MessageDataItemName::new("X-BODY[1.2]<0>").is_ok());
/// assert!(MessageDataItemName::new("flags").is_err());
/// assert!(MessageDataItemName::new("BODY[TEXT]").is_err());
/// assert!(MessageDataItemName::new("X[1").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MessageDataItemName<'a>(Cow<'a, str>);

impl<'a> MessageDataItemName<'a> {
    /// Checks `s`: a well-formed item name that is not a known item.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        let b = s.as_bytes();
        match item_name_len(b) {
            Some(n) if n == b.len() => {}
            Some(n) => {
                return Err(ValidationError::new(
                    "fetch item name",
                    "not an item name",
                    n,
                ))
            }
            None => {
                return Err(ValidationError::new(
                    "fetch item name",
                    "not an item name",
                    0,
                ))
            }
        }
        if is_known_item_name(b) {
            return Err(ValidationError::new(
                "fetch item name",
                "is a known item",
                0,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: &'a str) -> Self {
        Self(Cow::Borrowed(s))
    }
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MessageDataItemName<'static> {
        MessageDataItemName(cow_str_owned(self.0))
    }
}
