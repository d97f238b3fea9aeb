//! The parts of `mailbox-data` (RFC 9051 §9) that describe mailboxes:
//! LIST and LSUB entries (`mailbox-list`, with the mailbox attributes and
//! the extended items of RFC 5258), STATUS items (`status-att-val`) and
//! NAMESPACE descriptions (RFC 2342).

use super::core::{AString, Atom, IString, ObjectId, RawValue, ValidationError};
use super::number::Number64;
use super::Mailbox;

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
    /// `\Important` (RFC 8457; Gmail's LIST and XLIST)
    Important = "Important",
    /// `\Inbox` (Gmail's XLIST)
    Inbox = "Inbox",
    /// `\AllMail` (Gmail's XLIST; `\All` in LIST)
    AllMail = "AllMail",
    /// `\Spam` (Gmail's XLIST; `\Junk` in LIST)
    Spam = "Spam",
    /// `\Starred` (Gmail's XLIST; `\Flagged` in LIST)
    Starred = "Starred",
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
