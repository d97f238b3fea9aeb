//! SEARCH, SORT and THREAD arguments, and the ESEARCH and THREAD responses
//! (RFC 9051 §6.4.4, §7.3.4; RFC 3501 §6.4.4; RFC 4466, 4731, 5032, 5182,
//! 5256, 5267, 5957, 7162, 8474, 8514, 9394).
//!
//! Every value here has exactly one wire form that parses back to it. Two
//! choices follow from that:
//!
//! - A parenthesized group of keys is its own variant,
//!   [`SearchKey::Group`]: `SEARCH (ALL)` and `SEARCH ALL` select the same
//!   messages but are different values, each re-encoding as it was sent.
//! - Lists the grammar wants non-empty (the keys of a search program, the
//!   keys of a group, sort criteria, ADDTO/REMOVEFROM pairs) are
//!   [`NonEmpty`], so that no value can encode to `()` where the grammar
//!   wants at least one item.
//!
//! Free-form names that could spell a known keyword (an unknown return
//! option, return data item, sort key or thread algorithm) are newtypes
//! whose constructors refuse the known names.

use std::marker::PhantomData;

use super::core::ValidationError;
use super::core::{AString, Atom, IString, ObjectId, RawValue};
use super::datetime::Date;
use super::mailbox::Mailbox;
use super::nonempty::NonEmpty;
use super::number::{Number64, NzNumber};
use super::sequence::SequenceSet;

/// `entry-type-req = entry-type-resp / "all"`, `entry-type-resp = "priv" /
/// "shared"` (RFC 7162 §7): which metadata item a MODSEQ search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModSeqEntryType {
    /// `priv`: the private item.
    Priv,
    /// `shared`: the shared item.
    Shared,
    /// `all`: both.
    All,
}

/// `search-modseq-ext = SP entry-name SP entry-type-req` (RFC 7162 §7): the
/// optional part of a MODSEQ search key, e.g. `"/flags/\\draft" all`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ModSeqEntry<'a> {
    /// `entry-name`: the content of the quoted string, e.g.
    /// `/flags/\draft` (unescaped).
    pub name: IString<'a>,
    /// The entry type.
    pub kind: ModSeqEntryType,
}

impl ModSeqEntry<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ModSeqEntry<'static> {
        ModSeqEntry {
            name: self.name.into_owned(),
            kind: self.kind,
        }
    }
}

/// `search-key` (RFC 9051 §9, RFC 3501 §9), with MODSEQ (RFC 7162),
/// OLDER/YOUNGER (RFC 5032), SAVEDBEFORE/SAVEDON/SAVEDSINCE/
/// SAVEDATESUPPORTED (RFC 8514), EMAILID/THREADID (RFC 8474), FUZZY (RFC
/// 6203), FILTER (RFC 5466), ANNOTATION (RFC 5257) and Gmail's X-GM-RAW,
/// X-GM-MSGID, X-GM-THRID and X-GM-LABELS.
///
/// ```
/// use imap_proto::types::{AString, SearchKey};
/// let k = SearchKey::Not(Box::new(SearchKey::From(AString::from("Smith"))));
/// assert!(matches!(k, SearchKey::Not(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SearchKey<'a> {
    /// `ALL`
    All,
    /// `ANSWERED`
    Answered,
    /// `BCC astring`
    Bcc(AString<'a>),
    /// `BEFORE date`
    Before(Date),
    /// `BODY astring`
    Body(AString<'a>),
    /// `CC astring`
    Cc(AString<'a>),
    /// `DELETED`
    Deleted,
    /// `DRAFT`
    Draft,
    /// `FLAGGED`
    Flagged,
    /// `FROM astring`
    From(AString<'a>),
    /// `HEADER header-fld-name astring`: field name, then the string.
    Header(AString<'a>, AString<'a>),
    /// `KEYWORD flag-keyword`
    Keyword(Atom<'a>),
    /// `LARGER number64`
    Larger(Number64),
    /// `NEW` (RFC 3501)
    New,
    /// `NOT search-key`
    Not(Box<SearchKey<'a>>),
    /// `OLD` (RFC 3501)
    Old,
    /// `ON date`
    On(Date),
    /// `OR search-key search-key`
    Or(Box<SearchKey<'a>>, Box<SearchKey<'a>>),
    /// `RECENT` (RFC 3501)
    Recent,
    /// `SEEN`
    Seen,
    /// `SENTBEFORE date`
    SentBefore(Date),
    /// `SENTON date`
    SentOn(Date),
    /// `SENTSINCE date`
    SentSince(Date),
    /// `SINCE date`
    Since(Date),
    /// `SMALLER number64`
    Smaller(Number64),
    /// `SUBJECT astring`
    Subject(AString<'a>),
    /// `TEXT astring`
    Text(AString<'a>),
    /// `TO astring`
    To(AString<'a>),
    /// `UID sequence-set` (`UID $` included: RFC 5182)
    Uid(SequenceSet),
    /// `UNANSWERED`
    Unanswered,
    /// `UNDELETED`
    Undeleted,
    /// `UNDRAFT`
    Undraft,
    /// `UNFLAGGED`
    Unflagged,
    /// `UNKEYWORD flag-keyword`
    Unkeyword(Atom<'a>),
    /// `UNSEEN`
    Unseen,
    /// A bare `sequence-set` of message numbers (or `$`, RFC 5182).
    SequenceSet(SequenceSet),
    /// `"(" search-key *(SP search-key) ")"`: every key must match. Kept
    /// apart from the same keys written without parentheses so that the
    /// value re-encodes as it was sent.
    Group(NonEmpty<SearchKey<'a>>),
    /// `MODSEQ [SP entry-name SP entry-type-req] SP mod-sequence-valzer`
    /// (RFC 7162 §3.1.5).
    ModSeq {
        /// The metadata item, when given.
        entry: Option<ModSeqEntry<'a>>,
        /// The smallest mod-sequence that matches (0 to 2^63-1).
        value: Number64,
    },
    /// `OLDER nz-number`: at least this many seconds old (RFC 5032).
    Older(NzNumber),
    /// `YOUNGER nz-number`: at most this many seconds old (RFC 5032).
    Younger(NzNumber),
    /// `SAVEDBEFORE date` (RFC 8514)
    SavedBefore(Date),
    /// `SAVEDON date` (RFC 8514)
    SavedOn(Date),
    /// `SAVEDSINCE date` (RFC 8514)
    SavedSince(Date),
    /// `SAVEDATESUPPORTED` (RFC 8514)
    SaveDateSupported,
    /// `EMAILID objectid` (RFC 8474)
    EmailId(ObjectId<'a>),
    /// `THREADID objectid` (RFC 8474)
    ThreadId(ObjectId<'a>),
    /// Gmail's `X-GM-RAW`, `X-GM-MSGID`, `X-GM-THRID` and `X-GM-LABELS`
    /// (X-GM-EXT-1).
    Gmail(super::gmail::GmailSearchKey<'a>),
    /// `FUZZY search-key` (RFC 6203): the key, matched approximately.
    Fuzzy(Box<SearchKey<'a>>),
    /// `FILTER filter-name` (RFC 5466): the stored search of that name.
    Filter(super::filters::FilterName<'a>),
    /// `ANNOTATION entry-match att-search value` (RFC 5257).
    Annotation(super::annotate::AnnotationSearch<'a>),
}

impl SearchKey<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SearchKey<'static> {
        use SearchKey as K;
        match self {
            K::All => K::All,
            K::Answered => K::Answered,
            K::Bcc(s) => K::Bcc(s.into_owned()),
            K::Before(d) => K::Before(d),
            K::Body(s) => K::Body(s.into_owned()),
            K::Cc(s) => K::Cc(s.into_owned()),
            K::Deleted => K::Deleted,
            K::Draft => K::Draft,
            K::Flagged => K::Flagged,
            K::From(s) => K::From(s.into_owned()),
            K::Header(n, v) => K::Header(n.into_owned(), v.into_owned()),
            K::Keyword(a) => K::Keyword(a.into_owned()),
            K::Larger(n) => K::Larger(n),
            K::New => K::New,
            K::Not(k) => K::Not(Box::new(k.into_owned())),
            K::Old => K::Old,
            K::On(d) => K::On(d),
            K::Or(a, b) => K::Or(Box::new(a.into_owned()), Box::new(b.into_owned())),
            K::Recent => K::Recent,
            K::Seen => K::Seen,
            K::SentBefore(d) => K::SentBefore(d),
            K::SentOn(d) => K::SentOn(d),
            K::SentSince(d) => K::SentSince(d),
            K::Since(d) => K::Since(d),
            K::Smaller(n) => K::Smaller(n),
            K::Subject(s) => K::Subject(s.into_owned()),
            K::Text(s) => K::Text(s.into_owned()),
            K::To(s) => K::To(s.into_owned()),
            K::Uid(s) => K::Uid(s),
            K::Unanswered => K::Unanswered,
            K::Undeleted => K::Undeleted,
            K::Undraft => K::Undraft,
            K::Unflagged => K::Unflagged,
            K::Unkeyword(a) => K::Unkeyword(a.into_owned()),
            K::Unseen => K::Unseen,
            K::SequenceSet(s) => K::SequenceSet(s),
            K::Group(ks) => K::Group(ks.map(SearchKey::into_owned)),
            K::ModSeq { entry, value } => K::ModSeq {
                entry: entry.map(ModSeqEntry::into_owned),
                value,
            },
            K::Older(n) => K::Older(n),
            K::Younger(n) => K::Younger(n),
            K::SavedBefore(d) => K::SavedBefore(d),
            K::SavedOn(d) => K::SavedOn(d),
            K::SavedSince(d) => K::SavedSince(d),
            K::SaveDateSupported => K::SaveDateSupported,
            K::EmailId(o) => K::EmailId(o.into_owned()),
            K::ThreadId(o) => K::ThreadId(o.into_owned()),
            K::Gmail(g) => K::Gmail(g.into_owned()),
            K::Fuzzy(k) => K::Fuzzy(Box::new(k.into_owned())),
            K::Filter(n) => K::Filter(n.into_owned()),
            K::Annotation(a) => K::Annotation(a.into_owned()),
        }
    }
}

/// `partial-range = partial-range-first / partial-range-last` (RFC 9394
/// §4; RFC 5267 has the first form only). The two numbers are kept in the
/// order written (`500:400` means the same as `400:500`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialRange {
    /// `nz-number ":" nz-number`: counted from the oldest result.
    First(NzNumber, NzNumber),
    /// `"-" nz-number ":" "-" nz-number`: counted from the newest result.
    Last(NzNumber, NzNumber),
}

/// Names of the search return options this crate knows (upper case).
const KNOWN_RETURN_OPTIONS: [&str; 9] = [
    "MIN",
    "MAX",
    "ALL",
    "COUNT",
    "SAVE",
    "CONTEXT",
    "UPDATE",
    "PARTIAL",
    "RELEVANCY",
];

/// Whether `b` starts a `search-mod-params` value rather than the next
/// option's name: a parenthesized list, a string or literal, a number, a
/// sequence set (`*`, `$`) or a negative partial range (`-1:-100`). An
/// unknown option whose parameter starts otherwise (an atom) is read as
/// two options; that keeps every value, and the pair re-encodes the same.
pub(crate) fn is_ext_value_start(b: &[u8]) -> bool {
    matches!(
        b,
        [b'(' | b'"' | b'{' | b'0'..=b'9' | b'$' | b'*', ..]
            | [b'~', b'{', ..]
            | [b'-', b'0'..=b'9', ..]
    )
}

/// `search-ret-opt-ext = search-modifier-name [SP search-mod-params]`
/// (RFC 4466 §2.6): a return option this crate does not know, with its
/// parameter kept raw.
///
/// The name is never one of the known options (MIN, MAX, ALL, COUNT, SAVE,
/// CONTEXT, UPDATE, PARTIAL) and never looks like a value; the parameter,
/// when present, starts as a value does (see the parser), so the option
/// re-encodes to bytes that parse back to it.
///
/// ```
/// use imap_proto::types::{Atom, SearchReturnOptionExt};
/// assert!(SearchReturnOptionExt::new(Atom::try_from("X-FOO").unwrap(), None).is_ok());
/// assert!(SearchReturnOptionExt::new(Atom::try_from("count").unwrap(), None).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchReturnOptionExt<'a> {
    name: Atom<'a>,
    value: Option<RawValue<'a>>,
}

impl<'a> SearchReturnOptionExt<'a> {
    /// An unknown option; known names, names that read as values, and
    /// parameters that would read as another option's name are refused.
    pub fn new(name: Atom<'a>, value: Option<RawValue<'a>>) -> Result<Self, ValidationError> {
        let n = name.as_str();
        if KNOWN_RETURN_OPTIONS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(n))
        {
            return Err(ValidationError::new(
                "search-ret-opt-ext",
                "is a known return option",
                0,
            ));
        }
        if is_ext_value_start(n.as_bytes()) {
            return Err(ValidationError::new(
                "search-modifier-name",
                "reads as a value",
                0,
            ));
        }
        if let Some(v) = &value {
            if !is_ext_value_start(v.as_bytes()) {
                return Err(ValidationError::new(
                    "search-mod-params",
                    "would read as another option's name",
                    0,
                ));
            }
        }
        Ok(Self { name, value })
    }
    /// The option's name, as sent.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// Its parameter, as sent.
    pub fn value(&self) -> Option<&RawValue<'a>> {
        self.value.as_ref()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SearchReturnOptionExt<'static> {
        SearchReturnOptionExt {
            name: self.name.into_owned(),
            value: self.value.map(RawValue::into_owned),
        }
    }
}

/// `search-return-opt` (RFC 9051 §9, RFC 4731, RFC 5182, RFC 5267, RFC
/// 9394, RFC 4466): what a SEARCH or SORT with `RETURN (...)` reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SearchReturnOption<'a> {
    /// `MIN` (RFC 4731)
    Min,
    /// `MAX` (RFC 4731)
    Max,
    /// `ALL` (RFC 4731)
    All,
    /// `COUNT` (RFC 4731)
    Count,
    /// `SAVE` (RFC 5182)
    Save,
    /// `CONTEXT` (RFC 5267)
    Context,
    /// `UPDATE` (RFC 5267)
    Update,
    /// `modifier-update = "UPDATE" [ "(" fetch-att *(SP fetch-att) ")" ]`
    /// (RFC 5465 §8, NOTIFY): UPDATE with the data to send for each new
    /// message. Sent as the ABNF has it, without SP before the `(`.
    UpdateFetch(NonEmpty<super::fetch::FetchAttribute<'a>>),
    /// `PARTIAL partial-range` (RFC 5267, RFC 9394)
    Partial(PartialRange),
    /// `RELEVANCY` (RFC 6203)
    Relevancy,
    /// Any other option, kept raw.
    Other(SearchReturnOptionExt<'a>),
}

impl SearchReturnOption<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SearchReturnOption<'static> {
        use SearchReturnOption as O;
        match self {
            O::Min => O::Min,
            O::Max => O::Max,
            O::All => O::All,
            O::Count => O::Count,
            O::Save => O::Save,
            O::Context => O::Context,
            O::Update => O::Update,
            O::UpdateFetch(v) => O::UpdateFetch(v.map(super::fetch::FetchAttribute::into_owned)),
            O::Partial(r) => O::Partial(r),
            O::Relevancy => O::Relevancy,
            O::Other(x) => O::Other(x.into_owned()),
        }
    }
}

fn owned_opts(o: Option<Vec<SearchReturnOption<'_>>>) -> Option<Vec<SearchReturnOption<'static>>> {
    o.map(|v| v.into_iter().map(SearchReturnOption::into_owned).collect())
}

/// The arguments of `search = "SEARCH" [search-return-opts] SP
/// search-program`, `search-program = ["CHARSET" SP charset SP] search-key
/// *(SP search-key)` (RFC 9051 §9; RFC 3501 `"CHARSET" SP astring`).
///
/// ```
/// use imap_proto::types::{NonEmpty, SearchArgs, SearchKey};
/// let a = SearchArgs::new(SearchKey::Unseen);
/// assert_eq!(a.keys.as_slice(), &[SearchKey::Unseen]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchArgs<'a> {
    /// `RETURN (...)` (RFC 4731): `None` when absent, `Some(vec![])` for
    /// `RETURN ()`.
    pub return_opts: Option<Vec<SearchReturnOption<'a>>>,
    /// `CHARSET name`, when given.
    pub charset: Option<AString<'a>>,
    /// The keys; a message matches when every key does.
    pub keys: NonEmpty<SearchKey<'a>>,
}

impl<'a> SearchArgs<'a> {
    /// A search for `keys`, without RETURN or CHARSET.
    pub fn new(keys: impl Into<NonEmpty<SearchKey<'a>>>) -> Self {
        Self {
            return_opts: None,
            charset: None,
            keys: keys.into(),
        }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SearchArgs<'static> {
        SearchArgs {
            return_opts: owned_opts(self.return_opts),
            charset: self.charset.map(AString::into_owned),
            keys: self.keys.map(SearchKey::into_owned),
        }
    }
}

/// `sort-key = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" /
/// "TO"` (RFC 5256 §5), `"DISPLAYFROM" / "DISPLAYTO"` (RFC 5957), and any
/// other atom.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SortKey<'a> {
    /// `ARRIVAL`
    Arrival,
    /// `CC`
    Cc,
    /// `DATE`
    Date,
    /// `FROM`
    From,
    /// `SIZE`
    Size,
    /// `SUBJECT`
    Subject,
    /// `TO`
    To,
    /// `DISPLAYFROM` (RFC 5957)
    DisplayFrom,
    /// `DISPLAYTO` (RFC 5957)
    DisplayTo,
    /// `RELEVANCY` (RFC 6203)
    Relevancy,
    /// `ANNOTATION entry att-sort` (RFC 5257).
    Annotation {
        /// The entry (`/altsubject`...).
        entry: AString<'a>,
        /// Which value.
        attrib: super::annotate::AttSort,
    },
    /// Another sort key (a server's extension), as sent.
    Other(SortKeyOther<'a>),
}

const KNOWN_SORT_KEYS: [&str; 12] = [
    "ANNOTATION",
    "RELEVANCY",
    "ARRIVAL",
    "CC",
    "DATE",
    "FROM",
    "SIZE",
    "SUBJECT",
    "TO",
    "DISPLAYFROM",
    "DISPLAYTO",
    "REVERSE",
];

/// The name of a sort key this crate does not know: never a known key
/// and never `REVERSE`.
///
/// ```
/// use imap_proto::types::{Atom, SortKeyOther};
/// assert!(SortKeyOther::new(Atom::try_from("X-SCORE").unwrap()).is_ok());
/// assert!(SortKeyOther::new(Atom::try_from("reverse").unwrap()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SortKeyOther<'a>(Atom<'a>);

impl<'a> SortKeyOther<'a> {
    /// Refuses the known names.
    pub fn new(name: Atom<'a>) -> Result<Self, ValidationError> {
        if KNOWN_SORT_KEYS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name.as_str()))
        {
            return Err(ValidationError::new("sort-key", "is a known sort key", 0));
        }
        Ok(Self(name))
    }
    /// The name, as sent.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
}

impl SortKey<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SortKey<'static> {
        match self {
            SortKey::Arrival => SortKey::Arrival,
            SortKey::Cc => SortKey::Cc,
            SortKey::Date => SortKey::Date,
            SortKey::From => SortKey::From,
            SortKey::Size => SortKey::Size,
            SortKey::Subject => SortKey::Subject,
            SortKey::To => SortKey::To,
            SortKey::DisplayFrom => SortKey::DisplayFrom,
            SortKey::DisplayTo => SortKey::DisplayTo,
            SortKey::Relevancy => SortKey::Relevancy,
            SortKey::Annotation { entry, attrib } => SortKey::Annotation {
                entry: entry.into_owned(),
                attrib,
            },
            SortKey::Other(SortKeyOther(a)) => SortKey::Other(SortKeyOther(a.into_owned())),
        }
    }
}

/// `sort-criterion = ["REVERSE" SP] sort-key` (RFC 5256 §5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SortCriterion<'a> {
    /// `REVERSE`: descending order.
    pub reverse: bool,
    /// What to sort by.
    pub key: SortKey<'a>,
}

impl SortCriterion<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SortCriterion<'static> {
        SortCriterion {
            reverse: self.reverse,
            key: self.key.into_owned(),
        }
    }
}

/// The arguments of `sort = ["UID" SP] "SORT" SP sort-criteria SP
/// search-criteria` (RFC 5256 §5) and of `extended-sort = ["UID" SP]
/// "SORT" search-return-opts SP sort-criteria SP search-criteria` (RFC
/// 5267 §5): `search-criteria = charset 1*(SP search-key)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SortArgs<'a> {
    /// `RETURN (...)` (ESORT, RFC 5267): `None` when absent.
    pub return_opts: Option<Vec<SearchReturnOption<'a>>>,
    /// `sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"`.
    pub criteria: NonEmpty<SortCriterion<'a>>,
    /// The charset of the search strings (mandatory in SORT).
    pub charset: AString<'a>,
    /// The search keys.
    pub keys: NonEmpty<SearchKey<'a>>,
}

impl SortArgs<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SortArgs<'static> {
        SortArgs {
            return_opts: owned_opts(self.return_opts),
            criteria: self.criteria.map(SortCriterion::into_owned),
            charset: self.charset.into_owned(),
            keys: self.keys.map(SearchKey::into_owned),
        }
    }
}

/// `thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext`,
/// `thread-alg-ext = atom` (RFC 5256 §5), with `REFS` (Dovecot, draft
/// "THREAD=REFS").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ThreadAlgorithm<'a> {
    /// `ORDEREDSUBJECT`
    OrderedSubject,
    /// `REFERENCES`
    References,
    /// `REFS`
    Refs,
    /// Any other algorithm, as sent.
    Other(ThreadAlgorithmOther<'a>),
}

const KNOWN_THREAD_ALGS: [&str; 3] = ["ORDEREDSUBJECT", "REFERENCES", "REFS"];

/// The name of a threading algorithm this crate does not know: never
/// `ORDEREDSUBJECT`, `REFERENCES` or `REFS`.
///
/// ```
/// use imap_proto::types::{Atom, ThreadAlgorithmOther};
/// assert!(ThreadAlgorithmOther::new(Atom::try_from("X-OTHER").unwrap()).is_ok());
/// assert!(ThreadAlgorithmOther::new(Atom::try_from("Refs").unwrap()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ThreadAlgorithmOther<'a>(Atom<'a>);

impl<'a> ThreadAlgorithmOther<'a> {
    /// Refuses the known names.
    pub fn new(name: Atom<'a>) -> Result<Self, ValidationError> {
        if KNOWN_THREAD_ALGS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name.as_str()))
        {
            return Err(ValidationError::new(
                "thread-alg-ext",
                "is a known algorithm",
                0,
            ));
        }
        Ok(Self(name))
    }
    /// The name, as sent.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
}

impl ThreadAlgorithm<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ThreadAlgorithm<'static> {
        match self {
            ThreadAlgorithm::OrderedSubject => ThreadAlgorithm::OrderedSubject,
            ThreadAlgorithm::References => ThreadAlgorithm::References,
            ThreadAlgorithm::Refs => ThreadAlgorithm::Refs,
            ThreadAlgorithm::Other(ThreadAlgorithmOther(a)) => {
                ThreadAlgorithm::Other(ThreadAlgorithmOther(a.into_owned()))
            }
        }
    }
}

/// The arguments of `thread = ["UID" SP] "THREAD" SP thread-alg SP
/// search-criteria` (RFC 5256 §5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ThreadArgs<'a> {
    /// The threading algorithm.
    pub algorithm: ThreadAlgorithm<'a>,
    /// The charset of the search strings.
    pub charset: AString<'a>,
    /// The search keys.
    pub keys: NonEmpty<SearchKey<'a>>,
}

impl ThreadArgs<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ThreadArgs<'static> {
        ThreadArgs {
            algorithm: self.algorithm.into_owned(),
            charset: self.charset.into_owned(),
            keys: self.keys.map(SearchKey::into_owned),
        }
    }
}

/// One `context-position SP sequence-set` pair of ADDTO or REMOVEFROM
/// (RFC 5267 §5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ContextUpdate {
    /// `context-position = number` (0 for SEARCH result additions).
    pub position: u32,
    /// The messages added or removed at that position.
    pub set: SequenceSet,
}

/// Names of the ESEARCH return data items this crate knows, and `UID`.
const KNOWN_RETURN_DATA: [&str; 10] = [
    "RELEVANCY",
    "MIN",
    "MAX",
    "ALL",
    "COUNT",
    "MODSEQ",
    "ADDTO",
    "REMOVEFROM",
    "PARTIAL",
    "UID",
];

/// `search-ret-data-ext = search-modifier-name SP search-return-value`
/// (RFC 9051 §9, RFC 4466): an ESEARCH data item this crate does not know,
/// its value kept raw. The name is never a known item's nor `UID`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ESearchReturnDataExt<'a> {
    name: Atom<'a>,
    value: RawValue<'a>,
}

impl<'a> ESearchReturnDataExt<'a> {
    /// An unknown data item; the known names are refused.
    pub fn new(name: Atom<'a>, value: RawValue<'a>) -> Result<Self, ValidationError> {
        if KNOWN_RETURN_DATA
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name.as_str()))
        {
            return Err(ValidationError::new(
                "search-ret-data-ext",
                "is a known return data item",
                0,
            ));
        }
        Ok(Self { name, value })
    }
    /// The item's name, as sent.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// Its value, as sent.
    pub fn value(&self) -> &RawValue<'a> {
        &self.value
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ESearchReturnDataExt<'static> {
        ESearchReturnDataExt {
            name: self.name.into_owned(),
            value: self.value.into_owned(),
        }
    }
}

/// `search-return-data` (RFC 9051 §9, RFC 4731, RFC 7162, RFC 5267, RFC
/// 9394, RFC 4466).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ESearchReturnData<'a> {
    /// `MIN nz-number`
    Min(NzNumber),
    /// `MAX nz-number`
    Max(NzNumber),
    /// `ALL sequence-set`, in the order sent (SORT results are ordered).
    All(SequenceSet),
    /// `COUNT number`
    Count(u32),
    /// `MODSEQ mod-sequence-value` (RFC 7162 §3.1.10, RFC 4731 §3.2)
    ModSeq(Number64),
    /// `ADDTO (position set ...)` (RFC 5267)
    AddTo(NonEmpty<ContextUpdate>),
    /// `REMOVEFROM (position set ...)` (RFC 5267)
    RemoveFrom(NonEmpty<ContextUpdate>),
    /// `PARTIAL (partial-range partial-results)` (RFC 5267, RFC 9394).
    Partial {
        /// The requested range.
        range: PartialRange,
        /// The results in it; `None` for `NIL` (none).
        results: Option<SequenceSet>,
    },
    /// `RELEVANCY score-list` (RFC 6203): one score per result, in order.
    Relevancy(Vec<super::fuzzy::RelevancyScore>),
    /// Any other item, kept raw.
    Other(ESearchReturnDataExt<'a>),
}

impl ESearchReturnData<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ESearchReturnData<'static> {
        use ESearchReturnData as D;
        match self {
            D::Min(n) => D::Min(n),
            D::Max(n) => D::Max(n),
            D::All(s) => D::All(s),
            D::Count(n) => D::Count(n),
            D::ModSeq(n) => D::ModSeq(n),
            D::AddTo(v) => D::AddTo(v),
            D::RemoveFrom(v) => D::RemoveFrom(v),
            D::Partial { range, results } => D::Partial { range, results },
            D::Relevancy(v) => D::Relevancy(v),
            D::Other(x) => D::Other(x.into_owned()),
        }
    }
}

/// `esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP
/// search-return-data)` (RFC 9051 §7.3.4, §9; RFC 4731), `search-correlator
/// = SP "(" one-correlator *(SP one-correlator) ")"`, `one-correlator =
/// ("TAG" SP tag-string) / ("MAILBOX" SP astring) / ("UIDVALIDITY" SP
/// nz-number)` (RFC 7377 §4, each at most once). With none of the three,
/// there is no correlator.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ESearchResponse<'a> {
    /// The tag of the command this answers (`tag-string = astring`).
    pub tag: Option<AString<'a>>,
    /// `MAILBOX`: the mailbox searched (MULTISEARCH, RFC 7377).
    pub mailbox: Option<Mailbox<'a>>,
    /// `UIDVALIDITY` of that mailbox (MULTISEARCH, RFC 7377).
    pub uid_validity: Option<NzNumber>,
    /// `UID`: the numbers are UIDs.
    pub uid: bool,
    /// The data items, in the order sent.
    pub data: Vec<ESearchReturnData<'a>>,
}

impl ESearchResponse<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ESearchResponse<'static> {
        ESearchResponse {
            tag: self.tag.map(AString::into_owned),
            mailbox: self.mailbox.map(Mailbox::into_owned),
            uid_validity: self.uid_validity,
            uid: self.uid,
            data: self
                .data
                .into_iter()
                .map(ESearchReturnData::into_owned)
                .collect(),
        }
    }
}

/// One `thread-list = "(" (thread-members / thread-nested) ")"`,
/// `thread-members = nz-number *(SP nz-number) [SP thread-nested]`,
/// `thread-nested = 2*thread-list` (RFC 5256 §4, §5), as a tree.
///
/// `messages` is a chain: each message is the parent of the next. The
/// `children` are the sub-threads below the chain's last message, or, when
/// `messages` is empty, the sub-threads of a missing common parent.
///
/// `(3 6 (4 23)(44 7 96))` is messages `[3, 6]` with children `(4 23)` and
/// `(44 7 96)`. The grammar wants no children or at least two; one child
/// is accepted and kept (it re-encodes as sent). A thread with neither
/// messages nor children cannot be built.
///
/// ```
/// use std::num::NonZeroU32;
/// use imap_proto::types::Thread;
/// let n = |x| NonZeroU32::new(x).unwrap();
/// let t = Thread::new(
///     vec![n(3), n(6)],
///     vec![Thread::leaf(vec![n(4), n(23)]).unwrap(),
///          Thread::leaf(vec![n(44), n(7), n(96)]).unwrap()],
/// ).unwrap();
/// assert_eq!(t.messages(), &[n(3), n(6)]);
/// assert_eq!(t.children().len(), 2);
/// assert!(Thread::new(vec![], vec![]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Thread<'a> {
    messages: Vec<NzNumber>,
    children: Vec<Thread<'a>>,
    _borrow: PhantomData<&'a ()>,
}

impl<'a> Thread<'a> {
    /// A thread: a chain of messages and the sub-threads below it; both
    /// empty is refused.
    pub fn new(
        messages: Vec<NzNumber>,
        children: Vec<Thread<'a>>,
    ) -> Result<Self, ValidationError> {
        if messages.is_empty() && children.is_empty() {
            return Err(ValidationError::new(
                "thread-list",
                "needs a message or a sub-thread",
                0,
            ));
        }
        Ok(Self::unchecked(messages, children))
    }
    /// A chain of messages without sub-threads; empty is refused.
    pub fn leaf(messages: Vec<NzNumber>) -> Result<Self, ValidationError> {
        Self::new(messages, Vec::new())
    }
    pub(crate) fn unchecked(messages: Vec<NzNumber>, children: Vec<Thread<'a>>) -> Self {
        debug_assert!(!(messages.is_empty() && children.is_empty()));
        Self {
            messages,
            children,
            _borrow: PhantomData,
        }
    }
    /// The chain of messages, each the parent of the next.
    pub fn messages(&self) -> &[NzNumber] {
        &self.messages
    }
    /// The sub-threads below the last message of the chain.
    pub fn children(&self) -> &[Thread<'a>] {
        &self.children
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Thread<'static> {
        Thread {
            messages: self.messages,
            children: self.children.into_iter().map(Thread::into_owned).collect(),
            _borrow: PhantomData,
        }
    }
}
