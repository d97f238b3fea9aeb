//! The data formats of RFC 9051 §4: atoms, strings, literals, numbers, text.
//!
//! Values compare by content, not by wire form: `"abc"`, `abc` and
//! `{3}\r\nabc` are the same [`AString`]. The encoder picks the cheapest
//! valid form when it writes one out (see [`crate::encode`]).

use std::borrow::Cow;
use std::fmt;

use crate::fast;

/// A value given to a constructor breaks a rule of the grammar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what}: {reason} (at byte {at})")]
pub struct ValidationError {
    /// The kind of value, named after its ABNF rule (`"atom"`, `"tag"`...).
    pub what: &'static str,
    /// What is wrong with it.
    pub reason: &'static str,
    /// Offset of the first offending byte within the value.
    pub at: usize,
}

impl ValidationError {
    pub(crate) fn new(what: &'static str, reason: &'static str, at: usize) -> Self {
        Self { what, reason, at }
    }
}

pub(crate) fn cow_str_owned(c: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(c.into_owned())
}

pub(crate) fn cow_bytes_owned(c: Cow<'_, [u8]>) -> Cow<'static, [u8]> {
    Cow::Owned(c.into_owned())
}

fn check_class(
    what: &'static str,
    s: &[u8],
    class: fn(u8) -> bool,
    reason: &'static str,
) -> Result<(), ValidationError> {
    if s.is_empty() {
        return Err(ValidationError::new(what, "must not be empty", 0));
    }
    match s.iter().position(|&b| !class(b)) {
        Some(at) => Err(ValidationError::new(what, reason, at)),
        None => Ok(()),
    }
}

/// `tag = 1*<any ASTRING-CHAR except "+">` (RFC 9051 §9).
///
/// ```
/// use imap_proto::types::Tag;
/// assert!(Tag::try_from("A0001").is_ok());
/// assert!(Tag::try_from("A+1").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Tag<'a>(Cow<'a, str>);

impl<'a> Tag<'a> {
    /// Checks `s` against the `tag` rule.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        check_class(
            "tag",
            s.as_bytes(),
            fast::is_tag_char,
            "not an ASTRING-CHAR or is \"+\"",
        )?;
        Ok(Self(s))
    }
    /// Built by the parser, which has checked the bytes already.
    pub(crate) fn unchecked(s: &'a str) -> Self {
        debug_assert!(s.bytes().all(fast::is_tag_char) && !s.is_empty());
        Self(Cow::Borrowed(s))
    }
    /// Built from text made of tag characters by construction.
    pub(crate) fn from_checked(s: String) -> Tag<'static> {
        debug_assert!(s.bytes().all(fast::is_tag_char) && !s.is_empty());
        Tag(Cow::Owned(s))
    }
    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Tag<'static> {
        Tag(cow_str_owned(self.0))
    }
}

impl<'a> TryFrom<&'a str> for Tag<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(s)
    }
}

impl fmt::Debug for Tag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag({:?})", self.0)
    }
}

impl fmt::Display for Tag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `atom = 1*ATOM-CHAR` (RFC 9051 §9). Compared case-sensitively; the
/// grammar's keywords are matched case-insensitively by the parser before
/// an `Atom` is ever built from them.
///
/// ```
/// use imap_proto::types::Atom;
/// assert!(Atom::try_from("$Forwarded").is_ok());
/// assert!(Atom::try_from("two words").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Atom<'a>(Cow<'a, str>);

impl<'a> Atom<'a> {
    /// Checks `s` against the `atom` rule.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        check_class("atom", s.as_bytes(), fast::is_atom_char, "not an ATOM-CHAR")?;
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: &'a str) -> Self {
        debug_assert!(fast::is_atom(s.as_bytes()));
        Self(Cow::Borrowed(s))
    }
    /// The atom as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub(crate) fn into_cow(self) -> Cow<'a, str> {
        self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Atom<'static> {
        Atom(cow_str_owned(self.0))
    }
}

impl<'a> TryFrom<&'a str> for Atom<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(s)
    }
}

impl fmt::Debug for Atom<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Atom({:?})", self.0)
    }
}

impl fmt::Display for Atom<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! byte_string {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name<'a>(Cow<'a, [u8]>);

        impl<'a> $name<'a> {
            /// Any bytes are a valid value; the encoder picks a form that carries them.
            pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Self {
                Self(bytes.into())
            }
            /// The content, without quoting or literal framing.
            pub fn as_bytes(&self) -> &[u8] {
                &self.0
            }
            /// The content as UTF-8 text, if it is.
            pub fn as_str(&self) -> Option<&str> {
                std::str::from_utf8(&self.0).ok()
            }
            /// The content, consuming the value.
            pub fn into_inner(self) -> Cow<'a, [u8]> {
                self.0
            }
            /// Detaches the value from the input it was parsed from.
            pub fn into_owned(self) -> $name<'static> {
                $name(cow_bytes_owned(self.0))
            }
        }

        impl<'a> From<&'a str> for $name<'a> {
            fn from(s: &'a str) -> Self {
                Self(Cow::Borrowed(s.as_bytes()))
            }
        }
        impl<'a> From<&'a [u8]> for $name<'a> {
            fn from(s: &'a [u8]) -> Self {
                Self(Cow::Borrowed(s))
            }
        }
        impl From<String> for $name<'static> {
            fn from(s: String) -> Self {
                Self(Cow::Owned(s.into_bytes()))
            }
        }
        impl From<Vec<u8>> for $name<'static> {
            fn from(s: Vec<u8>) -> Self {
                Self(Cow::Owned(s))
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), crate::types::core::Escaped(&self.0))
            }
        }
    };
}

/// Bytes shown as text with escapes, for `Debug`.
pub(crate) struct Escaped<'b>(pub(crate) &'b [u8]);

impl fmt::Debug for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for chunk in self.0.utf8_chunks() {
            for c in chunk.valid().chars() {
                write!(f, "{}", c.escape_debug())?;
            }
            for b in chunk.invalid() {
                write!(f, "\\x{b:02x}")?;
            }
        }
        f.write_str("\"")
    }
}

byte_string! {
    /// `astring = 1*ASTRING-CHAR / string` (RFC 9051 §9): atom-like text,
    /// a quoted string or a literal. Any bytes are a valid value, including
    /// CR, LF, NUL and 8-bit bytes: those go out as a literal.
    ///
    /// ```
    /// use imap_proto::types::AString;
    /// let a = AString::from("INBOX");
    /// assert_eq!(a.as_bytes(), b"INBOX");
    /// ```
    AString
}

byte_string! {
    /// `string = quoted / literal` (RFC 9051 §9). The content only: the
    /// encoder chooses quoted or literal.
    IString
}

/// `nstring = string / nil` (RFC 9051 §9).
pub type NString<'a> = Option<IString<'a>>;

/// Whether a literal needs the server's `+` before its octets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LiteralMode {
    /// `{N}`: the client waits for a continuation request.
    #[default]
    Sync,
    /// `{N+}` (RFC 7888): the octets follow at once.
    NonSync,
    /// Whichever the peer allows, chosen when the value is encoded: `{N+}`
    /// when the options say the server has LITERAL+, or LITERAL- and the
    /// literal has at most 4096 octets (RFC 7888); `{N}` otherwise, and
    /// always from a server. [`Literal::new`] gives it, so a
    /// [`Client`](crate::client::Client) saves the round trip by itself.
    ///
    /// It is an instruction to the encoder, not a wire form: the parser
    /// never gives it (a parsed literal keeps the mode it was sent with,
    /// so it re-encodes exactly), and with no options (`to_bytes()`) it
    /// writes `{N}`.
    Auto,
}

/// `literal = "{" number64 ["+"] "}" CRLF *CHAR8` or, with `binary`,
/// `literal8 = "~{" number64 "}" CRLF *OCTET` (RFC 9051 §9, RFC 3516).
///
/// Used where the grammar demands a literal (an APPEND message, a CATENATE
/// part); the mode and the binary flag are part of the value.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Literal<'a> {
    /// The octets.
    pub data: Cow<'a, [u8]>,
    /// Synchronizing or not.
    pub mode: LiteralMode,
    /// `literal8` (`~{N}`), which may carry NUL bytes (RFC 3516).
    pub binary: bool,
}

impl<'a> Literal<'a> {
    /// A non-binary literal whose mode the encoder picks
    /// ([`LiteralMode::Auto`]: `{N+}` where the server allows it, else
    /// `{N}`; `to_bytes()` writes `{N}`).
    ///
    /// ```
    /// use imap_proto::encode::EncodeOptions;
    /// use imap_proto::types::*;
    /// let l = Literal::new(&b"hi"[..]);
    /// assert_eq!(l.mode, LiteralMode::Auto);
    /// let append = Command {
    ///     tag: Tag::try_from("A1").unwrap(),
    ///     body: CommandBody::Append {
    ///         mailbox: Mailbox::from("INBOX"),
    ///         messages: NonEmpty::new(AppendMessage {
    ///             flags: None,
    ///             date: None,
    ///             data: AppendData::Literal(l),
    ///         }),
    ///     },
    /// };
    /// assert_eq!(append.to_bytes(), b"A1 APPEND INBOX {2}\r\nhi\r\n");
    /// let plus = EncodeOptions { literal_plus: true, ..EncodeOptions::default() };
    /// assert_eq!(append.encode(plus).as_bytes(), b"A1 APPEND INBOX {2+}\r\nhi\r\n");
    /// ```
    pub fn new(data: impl Into<Cow<'a, [u8]>>) -> Self {
        Self {
            data: data.into(),
            mode: LiteralMode::Auto,
            binary: false,
        }
    }
    /// A synchronizing, non-binary literal: `{N}` whatever the peer allows.
    pub fn sync(data: impl Into<Cow<'a, [u8]>>) -> Self {
        Self {
            mode: LiteralMode::Sync,
            ..Self::new(data)
        }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Literal<'static> {
        Literal {
            data: cow_bytes_owned(self.data),
            mode: self.mode,
            binary: self.binary,
        }
    }
}

impl fmt::Debug for Literal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Literal")
            .field("len", &self.data.len())
            .field("data", &Escaped(&self.data[..self.data.len().min(64)]))
            .field("mode", &self.mode)
            .field("binary", &self.binary)
            .finish()
    }
}

/// `text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)` (RFC 9051 §9): the
/// human-readable part of a status response. May be empty: servers omit it
/// (see the quirks in DESIGN).
///
/// It can never contain CR, LF or NUL, never starts with SP (read as part
/// of the separator before it) nor with something that reads as a response
/// code (`[ALERT]`, `[XFOO bar] x`: see [`crate::types::RespText`] for the
/// rule), and never ends in something that reads as a literal announcement
/// (`{5}`, `{5+}`): such a value cannot be built. A `[` that opens no code
/// is text: `[Gmail]/Sent Mail selected.` and Exchange's `[Error="..."
/// Proxy=...] AUTHENTICATE completed.` are texts.
///
/// Every `Text` reads back as text in every place it can be put (with or
/// without a code before it), so a [`crate::types::RespText`] built from
/// any code and any text encodes to bytes that parse back to it.
///
/// ```
/// use imap_proto::types::Text;
/// assert!(Text::try_from("LOGIN completed").is_ok());
/// assert!(Text::try_from("[Gmail]/Sent Mail selected.").is_ok());
/// assert!(Text::try_from("[ALERT] hello").is_err());
/// assert!(Text::try_from("[XFOO bar] hello").is_err());
/// assert!(Text::try_from("evil {5}").is_err());
/// assert!(Text::try_from("a\r\nA2 LOGOUT").is_err());
/// assert!(Text::try_from(" leading space").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Text<'a>(Cow<'a, str>);

impl<'a> Text<'a> {
    /// Checks `s` against the `text` rule and the rules above.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        if let Some(at) = s.bytes().position(|b| b == b'\r' || b == b'\n' || b == 0) {
            return Err(ValidationError::new(
                "text",
                "CR, LF and NUL are not allowed",
                at,
            ));
        }
        if super::code::opens_code(s.as_bytes()) {
            return Err(ValidationError::new(
                "text",
                "would read as a response code",
                0,
            ));
        }
        if s.starts_with(' ') {
            // The parser reads doubled spaces before the text as one
            // separator (a quirk), so a leading SP would be lost.
            return Err(ValidationError::new(
                "text",
                "must not start with SP (it would be read as part of the separator)",
                0,
            ));
        }
        if let Ok(Some(h)) = fast::literal_header(s.as_bytes()) {
            return Err(ValidationError::new(
                "text",
                "ends like a literal announcement",
                h.start,
            ));
        }
        if fast::literal_header(s.as_bytes()).is_err() {
            return Err(ValidationError::new(
                "text",
                "ends like a literal announcement",
                0,
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
    pub fn into_owned(self) -> Text<'static> {
        Text(cow_str_owned(self.0))
    }
}

impl<'a> TryFrom<&'a str> for Text<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(s)
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text({:?})", self.0)
    }
}

/// A secret (password, SASL data): never shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret<T>(pub T);

impl<T> Secret<T> {
    /// The secret value.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// A value of an extension this crate does not know, kept exactly as it
/// was received so that nothing the peer sent is lost: an atom, number,
/// string, literal, or a parenthesized list of those (RFC 4466
/// `tagged-ext-val`, generalised).
///
/// Only the parser builds these: the bytes are known to form one complete
/// value, with balanced parentheses and no line break outside a literal, so
/// they re-encode byte for byte.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RawValue<'a>(Cow<'a, [u8]>);

impl<'a> RawValue<'a> {
    pub(crate) fn unchecked(b: &'a [u8]) -> Self {
        Self(Cow::Borrowed(b))
    }
    /// The value's bytes, as received.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> RawValue<'static> {
        RawValue(cow_bytes_owned(self.0))
    }
}

impl fmt::Debug for RawValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawValue({:?})", Escaped(&self.0))
    }
}

/// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")` (RFC 8474 §7),
/// case-sensitive.
///
/// ```
/// use imap_proto::types::ObjectId;
/// assert!(ObjectId::try_from("F2212ea87-6097-4256-9d51-71338625").is_ok());
/// assert!(ObjectId::try_from("a b").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ObjectId<'a>(Cow<'a, str>);

impl<'a> ObjectId<'a> {
    /// Checks `s` against the `objectid` rule.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        if s.is_empty() || s.len() > 255 {
            return Err(ValidationError::new(
                "objectid",
                "must be 1 to 255 characters",
                0,
            ));
        }
        if let Some(at) = s.bytes().position(|b| !fast::is_objectid_char(b)) {
            return Err(ValidationError::new(
                "objectid",
                "only ALPHA, DIGIT, \"_\" and \"-\" are allowed",
                at,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: &'a str) -> Self {
        Self(Cow::Borrowed(s))
    }
    /// The identifier.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ObjectId<'static> {
        ObjectId(cow_str_owned(self.0))
    }
}

impl<'a> TryFrom<&'a str> for ObjectId<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(s)
    }
}

impl fmt::Debug for ObjectId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ObjectId({:?})", self.0)
    }
}
