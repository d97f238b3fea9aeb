//! ANNOTATE (RFC 5257, experimental): per-message annotations, as a fetch
//! item, FETCH data, a STORE item, a search key and a sort key. Each is a
//! variant of the shared enums holding one of the types here.

use super::core::{AString, IString, NString};
use super::mailbox::ListMailbox;
use super::nonempty::NonEmpty;

/// `att-value = attrib SP value`, `attrib = astring`, `value = nstring /
/// literal8` (RFC 5257 §5): one attribute of an entry (`value.priv`,
/// `size.shared`...) and its value. The encoder writes a `literal8`
/// (`~{n}`) for a value holding a NUL octet and an nstring otherwise; `NIL`
/// removes the attribute in a STORE.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AttValue<'a> {
    /// The attribute's dot-separated name.
    pub attrib: AString<'a>,
    /// Its value; `None` is `NIL`.
    pub value: NString<'a>,
}

impl AttValue<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> AttValue<'static> {
        AttValue {
            attrib: self.attrib.into_owned(),
            value: self.value.map(IString::into_owned),
        }
    }
}

/// `entry-att = entry SP "(" att-value *(SP att-value) ")"`, `entry =
/// astring` (RFC 5257 §5): an entry (`/comment`, `/altsubject`...) with
/// attributes and values.
///
/// ```
/// use imap_proto::types::{AString, AttValue, EntryAtt, IString, NonEmpty};
/// let e = EntryAtt {
///     entry: AString::from("/comment"),
///     values: NonEmpty::new(AttValue {
///         attrib: AString::from("value.priv"),
///         value: Some(IString::from("My comment")),
///     }),
/// };
/// assert_eq!(e.values.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntryAtt<'a> {
    /// The entry's slash-separated path.
    pub entry: AString<'a>,
    /// Its attributes with their values (at least one).
    pub values: NonEmpty<AttValue<'a>>,
}

impl EntryAtt<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> EntryAtt<'static> {
        EntryAtt {
            entry: self.entry.into_owned(),
            values: self.values.map(AttValue::into_owned),
        }
    }
}

/// `fetch-att =/ "ANNOTATION" SP "(" entries SP attribs ")"`, `entries =
/// entry-match / "(" entry-match *(SP entry-match) ")"`, `entry-match =
/// list-mailbox`, `attribs = attrib / "(" attrib *(SP attrib) ")"` (RFC
/// 5257 §5). One entry or attribute is written without parentheses.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotationFetch<'a> {
    /// The entries, `*` and `%` as wildcards.
    pub entries: NonEmpty<ListMailbox<'a>>,
    /// The attributes (`value`, `value.priv`, `size`...).
    pub attribs: NonEmpty<AString<'a>>,
}

impl AnnotationFetch<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> AnnotationFetch<'static> {
        AnnotationFetch {
            entries: self.entries.map(ListMailbox::into_owned),
            attribs: self.attribs.map(AString::into_owned),
        }
    }
}

/// `msg-att-dynamic =/ "ANNOTATION" SP ( "(" entry-att *(SP entry-att) ")"
/// / "(" entry *(SP entry) ")" )` (RFC 5257 §5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AnnotationData<'a> {
    /// The entries with their attributes and values.
    Values(NonEmpty<EntryAtt<'a>>),
    /// Only the names of the entries that changed (an unsolicited FETCH).
    Entries(NonEmpty<AString<'a>>),
}

impl AnnotationData<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> AnnotationData<'static> {
        match self {
            AnnotationData::Values(v) => AnnotationData::Values(v.map(EntryAtt::into_owned)),
            AnnotationData::Entries(v) => AnnotationData::Entries(v.map(AString::into_owned)),
        }
    }
}

/// `att-search = "value" / "value.priv" / "value.shared"` (RFC 5257 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttSearch {
    /// `value`: either the private or the shared value.
    Value,
    /// `value.priv`
    ValuePriv,
    /// `value.shared`
    ValueShared,
}

/// `search-key =/ "ANNOTATION" SP entry-match SP att-search SP value` (RFC
/// 5257 §5).
///
/// ```
/// use imap_proto::types::{AnnotationSearch, AttSearch, IString, ListMailbox};
/// let k = AnnotationSearch {
///     entry: ListMailbox::from("/comment"),
///     attrib: AttSearch::Value,
///     value: Some(IString::from("IMAP4")),
/// };
/// assert_eq!(k.attrib, AttSearch::Value);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnotationSearch<'a> {
    /// The entries to look in, `*` and `%` as wildcards.
    pub entry: ListMailbox<'a>,
    /// Which value.
    pub attrib: AttSearch,
    /// What to look for (`None` is `NIL`).
    pub value: NString<'a>,
}

impl AnnotationSearch<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> AnnotationSearch<'static> {
        AnnotationSearch {
            entry: self.entry.into_owned(),
            attrib: self.attrib,
            value: self.value.map(IString::into_owned),
        }
    }
}

/// `att-sort = "value.priv" / "value.shared"` (RFC 5257 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttSort {
    /// `value.priv`
    ValuePriv,
    /// `value.shared`
    ValueShared,
}

/// `resp-text-code =/ "ANNOTATE" SP "TOOBIG" / "ANNOTATE" SP "TOOMANY"`
/// (RFC 5257 §5): why a STORE or APPEND of annotations failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnnotateCode {
    /// `ANNOTATE TOOBIG`: a value is larger than the server allows.
    TooBig,
    /// `ANNOTATE TOOMANY`: the message would have too many annotations.
    TooMany,
}

/// `ann-size = "NONE" / (("READ-ONLY" / nz-number) [SP "NOPRIVATE"])`
/// (RFC 5257 §5), the argument of `resp-text-code =/ "ANNOTATIONS" SP
/// ann-size`: how far a selected mailbox supports annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnnSize {
    /// `NONE`: no annotations.
    None,
    /// `READ-ONLY [NOPRIVATE]`: annotations can be read only.
    ReadOnly {
        /// `NOPRIVATE`: no private annotations.
        no_private: bool,
    },
    /// `nz-number [NOPRIVATE]`: the largest value the server stores.
    Size {
        /// The size in octets.
        max: std::num::NonZeroU32,
        /// `NOPRIVATE`: no private annotations.
        no_private: bool,
    },
}
