//! Untagged data (RFC 9051 §9 `mailbox-data`, `message-data`,
//! `capability-data`, `enable-data`, and the data of the extensions):
//! [`Data`], with the values of QUOTA (RFC 9208), METADATA (RFC 5464) and
//! of the data this crate does not know. The values of LIST, STATUS and
//! NAMESPACE are in `mailbox_data.rs`, FETCH items in `fetch.rs`, ESEARCH
//! and THREAD in `search.rs`.

use std::borrow::Cow;
use std::fmt;

use super::core::{AString, Atom, Escaped, IString, NString};
use super::mailbox_data::{MailboxList, NamespaceDescr, StatusItem};
use super::nonempty::NonEmpty;
use super::number::{Number64, NzNumber};
use super::urlauth::UrlFetchData;
use super::{Capability, ESearchResponse, Flag, Mailbox, MessageDataItem, SequenceSet, Thread};

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
    /// `"XLIST" SP mailbox-list` (Gmail): LIST with Gmail's attributes.
    Xlist(MailboxList<'a>),
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
    /// `uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att` (RFC 9586 §3.3):
    /// FETCH data under UIDONLY, numbered by UID.
    UidFetch {
        /// The message's UID (`uniqueid = nz-number`).
        uid: NzNumber,
        /// The data items.
        items: Vec<MessageDataItem<'a>>,
    },
    /// `genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full)` (RFC 4467):
    /// the authorized URLs, in the order asked.
    GenUrlAuth(NonEmpty<AString<'a>>),
    /// `urlfetch-data = "*" SP "URLFETCH" 1*(SP (urldata-simple /
    /// urldata-ext))` (RFC 4467, RFC 5524).
    UrlFetch(NonEmpty<UrlFetchData<'a>>),
    /// `"JMAPACCESS" SP quoted` (RFC 9698 §3): the JMAP session URL.
    JmapAccess(AString<'a>),
    /// `language-data = "LANGUAGE" SP "(" lang-tag-quoted *(SP
    /// lang-tag-quoted) ")"` (RFC 5255 §3.5): the languages supported, or
    /// the one now in use.
    Language(NonEmpty<AString<'a>>),
    /// `comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "("
    /// comp-id-quoted *(SP comp-id-quoted) ")"]` (RFC 5255 §4.10).
    Comparator {
        /// The collation in use.
        selected: AString<'a>,
        /// The collations matching the COMPARATOR command's arguments;
        /// empty is without the list (the grammar has no empty one).
        available: Vec<AString<'a>>,
    },
    /// Untagged data this crate does not know, or known data that failed
    /// its strict reading (see [`OtherData`]), kept as sent.
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
            Data::Xlist(l) => Data::Xlist(l.into_owned()),
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
            Data::UidFetch { uid, items } => Data::UidFetch {
                uid,
                items: items.into_iter().map(MessageDataItem::into_owned).collect(),
            },
            Data::Language(v) => Data::Language(v.map(AString::into_owned)),
            Data::JmapAccess(u) => Data::JmapAccess(u.into_owned()),
            Data::GenUrlAuth(v) => Data::GenUrlAuth(v.map(AString::into_owned)),
            Data::UrlFetch(v) => Data::UrlFetch(v.map(UrlFetchData::into_owned)),
            Data::Comparator {
                selected,
                available,
            } => Data::Comparator {
                selected: selected.into_owned(),
                available: available.into_iter().map(AString::into_owned).collect(),
            },
            Data::Other(o) => Data::Other(o.into_owned()),
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

/// Untagged data this crate does not know, or knows but could not read:
/// `"*" SP [number SP] atom [SP rest]`, the rest of the message kept byte
/// for byte (literals included).
///
/// # Degraded data
///
/// Data under a known keyword whose strict reading fails, where no lenient
/// reading is unambiguous, is kept here under its keyword rather than
/// failing the message: Gmail's `* FLAGS (\Answered OIB-Seen-[Gmail]/All
/// \*)` (`\*` has no place in FLAGS), a LIST whose delimiter is two
/// characters, `* ACL INBOX Fred`. Only when the rest is a sequence of
/// values of the generic value grammar (atoms, numbers, strings, literals,
/// balanced parentheses) up to the CRLF; and never when the strict reading
/// failed at a digit (a number out of its range stays an error), nor for
/// NUL, bare CR or LF. The readings that are unambiguous are typed instead:
/// keywords holding `]` ([`crate::types::BracketKeyword`]), unquoted
/// mailbox names with spaces in STATUS and at the end of LIST.
///
/// Only the parser builds these, so each value has one encoding: the
/// bytes of a known name's data failed its strict reading, and written
/// back they fail it the same way.
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
