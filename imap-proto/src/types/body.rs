//! ENVELOPE and BODY / BODYSTRUCTURE values (RFC 9051 §7.5.2, RFC 3501
//! §7.4.2), named after the ABNF of RFC 9051 §9.
//!
//! Values compare by meaning, not by wire form: absent trailing extension
//! fields equal `NIL` ones, `NIL` and `()` equal an empty list, a language
//! list of one equals a single language string, and the keywords `TEXT`,
//! `MESSAGE`, `RFC822` are matched case-insensitively (their spelling is
//! not kept). Everything else a server sends is kept, including `NIL` where
//! the grammar wants a string (broken servers do that; see each field).

use super::core::{IString, NString, ValidationError};
use super::number::Number64;

fn nstring_owned(s: NString<'_>) -> NString<'static> {
    s.map(IString::into_owned)
}

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP
/// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
/// env-message-id ")"` (RFC 9051 §9): the RFC 5322 header of a message,
/// as the server parsed it.
///
/// The address lists (`env-from = "(" 1*address ")" / nil` and the like)
/// are empty for `NIL`. Strings keep their raw bytes: RFC 2047 encoded
/// words are not decoded, and 8-bit bytes (Dovecot sends UTF-8 names and
/// subjects as literals) are kept as they came.
///
/// ```
/// use imap_proto::types::{Address, Envelope, IString};
/// let env = Envelope {
///     subject: Some(IString::from("Hello")),
///     from: vec![Address::new(Some("Ann"), None, Some("ann"), Some("example.org"))],
///     ..Envelope::default()
/// };
/// assert_eq!(env.from[0].mailbox.as_ref().unwrap().as_bytes(), b"ann");
/// assert!(env.to.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Envelope<'a> {
    /// `env-date = nstring`: the Date header field, unparsed.
    pub date: NString<'a>,
    /// `env-subject = nstring`.
    pub subject: NString<'a>,
    /// `env-from`.
    pub from: Vec<Address<'a>>,
    /// `env-sender`.
    pub sender: Vec<Address<'a>>,
    /// `env-reply-to`.
    pub reply_to: Vec<Address<'a>>,
    /// `env-to`.
    pub to: Vec<Address<'a>>,
    /// `env-cc`.
    pub cc: Vec<Address<'a>>,
    /// `env-bcc`.
    pub bcc: Vec<Address<'a>>,
    /// `env-in-reply-to = nstring`.
    pub in_reply_to: NString<'a>,
    /// `env-message-id = nstring`.
    pub message_id: NString<'a>,
}

fn addresses_owned(v: Vec<Address<'_>>) -> Vec<Address<'static>> {
    v.into_iter().map(Address::into_owned).collect()
}

impl Envelope<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Envelope<'static> {
        Envelope {
            date: nstring_owned(self.date),
            subject: nstring_owned(self.subject),
            from: addresses_owned(self.from),
            sender: addresses_owned(self.sender),
            reply_to: addresses_owned(self.reply_to),
            to: addresses_owned(self.to),
            cc: addresses_owned(self.cc),
            bcc: addresses_owned(self.bcc),
            in_reply_to: nstring_owned(self.in_reply_to),
            message_id: nstring_owned(self.message_id),
        }
    }
}

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`
/// (RFC 9051 §9).
///
/// RFC 5322 group syntax is carried by special addresses (RFC 9051
/// §7.5.2): a `NIL` host with a mailbox starts a group (the mailbox holds
/// the group's name), a `NIL` host and a `NIL` mailbox ends it.
///
/// ```
/// use imap_proto::types::Address;
/// let start = Address::new(None, None, Some("undisclosed-recipients"), None);
/// let end = Address::new(None, None, None, None);
/// assert_eq!(start.group_name().unwrap().as_bytes(), b"undisclosed-recipients");
/// assert!(end.is_group_end() && !start.is_group_end());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Address<'a> {
    /// `addr-name = nstring`: the display name (phrase), raw.
    pub name: NString<'a>,
    /// `addr-adl = nstring`: the source route (at-domain-list), obsolete.
    pub adl: NString<'a>,
    /// `addr-mailbox = nstring`: the local part, or a group's name.
    pub mailbox: NString<'a>,
    /// `addr-host = nstring`: the domain; `NIL` marks a group boundary.
    pub host: NString<'a>,
}

impl<'a> Address<'a> {
    /// An address from its four fields.
    pub fn new(
        name: Option<&'a str>,
        adl: Option<&'a str>,
        mailbox: Option<&'a str>,
        host: Option<&'a str>,
    ) -> Self {
        Self {
            name: name.map(IString::from),
            adl: adl.map(IString::from),
            mailbox: mailbox.map(IString::from),
            host: host.map(IString::from),
        }
    }
    /// If this address starts a group (`NIL` host, non-`NIL` mailbox), the
    /// group's name.
    pub fn group_name(&self) -> Option<&IString<'a>> {
        match (&self.mailbox, &self.host) {
            (Some(m), None) => Some(m),
            _ => None,
        }
    }
    /// Whether this address ends a group (`NIL` host and mailbox).
    pub fn is_group_end(&self) -> bool {
        self.mailbox.is_none() && self.host.is_none()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Address<'static> {
        Address {
            name: nstring_owned(self.name),
            adl: nstring_owned(self.adl),
            mailbox: nstring_owned(self.mailbox),
            host: nstring_owned(self.host),
        }
    }
}

/// `body-fld-param = "(" string SP string *(SP string SP string) ")" / nil`
/// (RFC 9051 §9): attribute/value pairs, in order; empty for `NIL`.
///
/// A value is an [`NString`] because real servers send `NIL` there
/// (Exchange 2010 for an empty value, mail.ru for a missing boundary); the
/// encoder writes such a value back as `NIL`.
pub type BodyFldParam<'a> = Vec<(IString<'a>, NString<'a>)>;

fn params_owned(p: BodyFldParam<'_>) -> BodyFldParam<'static> {
    p.into_iter()
        .map(|(k, v)| (k.into_owned(), nstring_owned(v)))
        .collect()
}

/// The value of the parameter `name` (compared case-insensitively), if any.
fn param_lookup<'p, 'a>(params: &'p BodyFldParam<'a>, name: &str) -> Option<&'p NString<'a>> {
    params
        .iter()
        .find(|(k, _)| k.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| v)
}

/// `body = "(" (body-type-1part / body-type-mpart) ")"` (RFC 9051 §9): the
/// MIME structure of a message, as returned by `BODY` (no extension data)
/// and `BODYSTRUCTURE` (with it).
///
/// ```
/// use imap_proto::types::{BodyFields, BodyStructure, MultiPart, PartKind, SinglePart};
/// let text = BodyStructure::Single(SinglePart {
///     kind: PartKind::Text { subtype: Some("PLAIN".into()), lines: 3u32.into() },
///     fields: BodyFields { octets: 42, ..BodyFields::default() },
///     extension: None,
/// });
/// let mixed = MultiPart::new(vec![text.clone(), text], Some("MIXED".into())).unwrap();
/// assert_eq!(mixed.bodies().len(), 2);
/// assert!(MultiPart::new(vec![], None).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BodyStructure<'a> {
    /// `body-type-1part`: a leaf part (or a message/rfc822 part).
    Single(SinglePart<'a>),
    /// `body-type-mpart`: a multipart part.
    Multi(MultiPart<'a>),
}

impl BodyStructure<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> BodyStructure<'static> {
        match self {
            BodyStructure::Single(s) => BodyStructure::Single(s.into_owned()),
            BodyStructure::Multi(m) => BodyStructure::Multi(m.into_owned()),
        }
    }
}

/// `body-type-1part = (body-type-basic / body-type-msg / body-type-text)
/// [SP body-ext-1part]` (RFC 9051 §9).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SinglePart<'a> {
    /// The media type and the fields that depend on it.
    pub kind: PartKind<'a>,
    /// `body-fields`.
    pub fields: BodyFields<'a>,
    /// `body-ext-1part`: present in `BODYSTRUCTURE`, absent in `BODY`.
    pub extension: Option<BodyExt1Part<'a>>,
}

impl SinglePart<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SinglePart<'static> {
        SinglePart {
            kind: self.kind.into_owned(),
            fields: self.fields.into_owned(),
            extension: self.extension.map(BodyExt1Part::into_owned),
        }
    }
}

/// The three shapes of a leaf part (RFC 9051 §9).
///
/// A part whose media type is `TEXT` but that comes without a line count,
/// or a `MESSAGE/RFC822` part without envelope (broken servers), is kept as
/// [`PartKind::Basic`] with those type names: it encodes back the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PartKind<'a> {
    /// `body-type-basic = media-basic SP body-fields`, `media-basic =
    /// ((DQUOTE ("APPLICATION" / "AUDIO" / "IMAGE" / "FONT" / "MESSAGE" /
    /// "MODEL" / "VIDEO") DQUOTE) / string) SP media-subtype`.
    Basic {
        /// The media type. `NIL` is kept (Apple's server sends it).
        media_type: NString<'a>,
        /// `media-subtype = string`. `NIL` is kept (broken servers).
        subtype: NString<'a>,
    },
    /// `body-type-text = media-text SP body-fields SP body-fld-lines`,
    /// `media-text = DQUOTE "TEXT" DQUOTE SP media-subtype`.
    Text {
        /// `media-subtype` (`PLAIN`, `HTML`, ...). `NIL` is kept.
        subtype: NString<'a>,
        /// `body-fld-lines = number64`: the size in text lines. A `-1`
        /// from a server reads as 0 (quirk).
        lines: Number64,
    },
    /// `body-type-msg = media-message SP body-fields SP envelope SP body SP
    /// body-fld-lines`, `media-message = DQUOTE "MESSAGE" DQUOTE SP DQUOTE
    /// ("RFC822" / "GLOBAL") DQUOTE`.
    Message {
        /// `RFC822` or `GLOBAL` (RFC 6532).
        subtype: MessageSubtype,
        /// The encapsulated message's envelope.
        envelope: Box<Envelope<'a>>,
        /// The encapsulated message's body structure.
        body: Box<BodyStructure<'a>>,
        /// `body-fld-lines`: the size in text lines. A `-1` reads as 0.
        lines: Number64,
    },
}

impl PartKind<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> PartKind<'static> {
        match self {
            PartKind::Basic {
                media_type,
                subtype,
            } => PartKind::Basic {
                media_type: nstring_owned(media_type),
                subtype: nstring_owned(subtype),
            },
            PartKind::Text { subtype, lines } => PartKind::Text {
                subtype: nstring_owned(subtype),
                lines,
            },
            PartKind::Message {
                subtype,
                envelope,
                body,
                lines,
            } => PartKind::Message {
                subtype,
                envelope: Box::new(envelope.into_owned()),
                body: Box::new(body.into_owned()),
                lines,
            },
        }
    }
}

/// The subtype of a `media-message` (RFC 9051 §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageSubtype {
    /// `MESSAGE/RFC822`.
    Rfc822,
    /// `MESSAGE/GLOBAL` (RFC 6532; IMAP4rev2).
    Global,
}

impl MessageSubtype {
    /// The subtype as the encoder writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageSubtype::Rfc822 => "RFC822",
            MessageSubtype::Global => "GLOBAL",
        }
    }
}

/// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP
/// body-fld-enc SP body-fld-octets` (RFC 9051 §9).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct BodyFields<'a> {
    /// `body-fld-param`: the Content-Type parameters.
    pub params: BodyFldParam<'a>,
    /// `body-fld-id = nstring`: Content-ID.
    pub id: NString<'a>,
    /// `body-fld-desc = nstring`: Content-Description.
    pub description: NString<'a>,
    /// `body-fld-enc = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/
    /// "QUOTED-PRINTABLE") DQUOTE) / string`: Content-Transfer-Encoding.
    /// `NIL` is kept (iCloud and maddy send it for a part without the
    /// header, which means 7BIT) and written back as `NIL`.
    pub encoding: NString<'a>,
    /// `body-fld-octets = number`: the size in its transfer encoding. A
    /// `-1` from a server (size unknown) reads as 0, which round-trips.
    pub octets: u32,
}

impl<'a> BodyFields<'a> {
    /// The value of the Content-Type parameter `name` (case-insensitive).
    ///
    /// ```
    /// use imap_proto::types::BodyFields;
    /// let f = BodyFields { params: vec![("CHARSET".into(), Some("utf-8".into()))], ..Default::default() };
    /// assert_eq!(f.param("charset").unwrap().as_ref().unwrap().as_bytes(), b"utf-8");
    /// ```
    pub fn param(&self, name: &str) -> Option<&NString<'a>> {
        param_lookup(&self.params, name)
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> BodyFields<'static> {
        BodyFields {
            params: params_owned(self.params),
            id: nstring_owned(self.id),
            description: nstring_owned(self.description),
            encoding: nstring_owned(self.encoding),
            octets: self.octets,
        }
    }
}

/// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP
/// body-fld-loc *(SP body-extension)]]]` (RFC 9051 §9). A field the server
/// left out equals `NIL`; the encoder writes all four.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct BodyExt1Part<'a> {
    /// `body-fld-md5 = nstring`: Content-MD5.
    pub md5: NString<'a>,
    /// `body-fld-dsp`: Content-Disposition; `None` for `NIL`.
    pub disposition: Option<Disposition<'a>>,
    /// `body-fld-lang = nstring / "(" string *(SP string) ")"`:
    /// Content-Language tags; empty for `NIL`.
    pub language: Vec<IString<'a>>,
    /// `body-fld-loc = nstring`: Content-Location.
    pub location: NString<'a>,
    /// `*(SP body-extension)`: data of future extensions.
    pub extensions: Vec<BodyExtension<'a>>,
}

impl BodyExt1Part<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> BodyExt1Part<'static> {
        BodyExt1Part {
            md5: nstring_owned(self.md5),
            disposition: self.disposition.map(Disposition::into_owned),
            language: self.language.into_iter().map(IString::into_owned).collect(),
            location: nstring_owned(self.location),
            extensions: extensions_owned(self.extensions),
        }
    }
}

/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]` (RFC
/// 9051 §9). There is at least one part: [`MultiPart::new`] checks it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MultiPart<'a> {
    bodies: Vec<BodyStructure<'a>>,
    /// `media-subtype` (`MIXED`, `ALTERNATIVE`, ...). `NIL` is kept.
    pub subtype: NString<'a>,
    /// `body-ext-mpart`: present in `BODYSTRUCTURE`, absent in `BODY`.
    pub extension: Option<BodyExtMpart<'a>>,
}

impl<'a> MultiPart<'a> {
    /// A multipart of `bodies` (at least one) without extension data.
    pub fn new(
        bodies: Vec<BodyStructure<'a>>,
        subtype: NString<'a>,
    ) -> Result<Self, ValidationError> {
        if bodies.is_empty() {
            return Err(ValidationError::new(
                "body-type-mpart",
                "a multipart needs at least one body (1*body)",
                0,
            ));
        }
        Ok(Self {
            bodies,
            subtype,
            extension: None,
        })
    }
    pub(crate) fn unchecked(
        bodies: Vec<BodyStructure<'a>>,
        subtype: NString<'a>,
        extension: Option<BodyExtMpart<'a>>,
    ) -> Self {
        debug_assert!(!bodies.is_empty());
        Self {
            bodies,
            subtype,
            extension,
        }
    }
    /// The parts, in order (never empty).
    pub fn bodies(&self) -> &[BodyStructure<'a>] {
        &self.bodies
    }
    /// The parts, consuming the value.
    pub fn into_bodies(self) -> Vec<BodyStructure<'a>> {
        self.bodies
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MultiPart<'static> {
        MultiPart {
            bodies: self
                .bodies
                .into_iter()
                .map(BodyStructure::into_owned)
                .collect(),
            subtype: nstring_owned(self.subtype),
            extension: self.extension.map(BodyExtMpart::into_owned),
        }
    }
}

/// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP
/// body-fld-loc *(SP body-extension)]]]` (RFC 9051 §9). A field the server
/// left out equals `NIL`; the encoder writes all four.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct BodyExtMpart<'a> {
    /// `body-fld-param`: the Content-Type parameters (`boundary`...).
    pub params: BodyFldParam<'a>,
    /// `body-fld-dsp`: Content-Disposition; `None` for `NIL`.
    pub disposition: Option<Disposition<'a>>,
    /// `body-fld-lang`: Content-Language tags; empty for `NIL`.
    pub language: Vec<IString<'a>>,
    /// `body-fld-loc = nstring`: Content-Location.
    pub location: NString<'a>,
    /// `*(SP body-extension)`: data of future extensions.
    pub extensions: Vec<BodyExtension<'a>>,
}

impl<'a> BodyExtMpart<'a> {
    /// The value of the Content-Type parameter `name` (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&NString<'a>> {
        param_lookup(&self.params, name)
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> BodyExtMpart<'static> {
        BodyExtMpart {
            params: params_owned(self.params),
            disposition: self.disposition.map(Disposition::into_owned),
            language: self.language.into_iter().map(IString::into_owned).collect(),
            location: nstring_owned(self.location),
            extensions: extensions_owned(self.extensions),
        }
    }
}

/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil` (RFC 9051 §9):
/// a Content-Disposition (RFC 2183).
///
/// Exchange sends a bare string (`"inline"`) instead of the list: it reads
/// as a disposition without parameters (quirk).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Disposition<'a> {
    /// The disposition type (`attachment`, `inline`, ...).
    pub kind: IString<'a>,
    /// Its parameters (`filename`...).
    pub params: BodyFldParam<'a>,
}

impl<'a> Disposition<'a> {
    /// The value of the parameter `name` (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&NString<'a>> {
        param_lookup(&self.params, name)
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Disposition<'static> {
        Disposition {
            kind: self.kind.into_owned(),
            params: params_owned(self.params),
        }
    }
}

/// `body-extension = nstring / number / number64 / "(" body-extension *(SP
/// body-extension) ")"` (RFC 9051 §9): extension data no RFC defines yet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BodyExtension<'a> {
    /// A string or `NIL`.
    NString(NString<'a>),
    /// `number / number64` (at most 2^63 - 1).
    Number(Number64),
    /// A parenthesized list (never empty).
    List(BodyExtensionList<'a>),
}

fn extensions_owned(v: Vec<BodyExtension<'_>>) -> Vec<BodyExtension<'static>> {
    v.into_iter().map(BodyExtension::into_owned).collect()
}

impl BodyExtension<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> BodyExtension<'static> {
        match self {
            BodyExtension::NString(s) => BodyExtension::NString(nstring_owned(s)),
            BodyExtension::Number(n) => BodyExtension::Number(n),
            BodyExtension::List(l) => BodyExtension::List(BodyExtensionList(extensions_owned(l.0))),
        }
    }
}

/// The items of a parenthesized `body-extension` list: at least one.
///
/// ```
/// use imap_proto::types::{BodyExtension, BodyExtensionList};
/// assert!(BodyExtensionList::new(vec![]).is_err());
/// let l = BodyExtensionList::new(vec![BodyExtension::Number(1u32.into())]).unwrap();
/// assert_eq!(l.as_slice().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BodyExtensionList<'a>(Vec<BodyExtension<'a>>);

impl<'a> BodyExtensionList<'a> {
    /// A list of `items` (at least one: `()` is not in the grammar).
    pub fn new(items: Vec<BodyExtension<'a>>) -> Result<Self, ValidationError> {
        if items.is_empty() {
            return Err(ValidationError::new(
                "body-extension",
                "a list needs at least one item",
                0,
            ));
        }
        Ok(Self(items))
    }
    pub(crate) fn unchecked(items: Vec<BodyExtension<'a>>) -> Self {
        debug_assert!(!items.is_empty());
        Self(items)
    }
    /// The items.
    pub fn as_slice(&self) -> &[BodyExtension<'a>] {
        &self.0
    }
    /// The items, consuming the value.
    pub fn into_vec(self) -> Vec<BodyExtension<'a>> {
        self.0
    }
}
