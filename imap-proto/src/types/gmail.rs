//! Gmail's X-GM-EXT-1 and XLIST, as Gmail's "IMAP Extensions" developer
//! documentation describes them: the message and thread ids
//! (`X-GM-MSGID`, `X-GM-THRID`) and the labels (`X-GM-LABELS`) as fetch
//! items, FETCH data, a STORE item and search keys, the `X-GM-RAW`
//! search key, and the XLIST command (its attributes are in
//! [`MailboxAttribute`](super::MailboxAttribute)).
//!
//! Gmail publishes no ABNF; the rules quoted by the parser are written in
//! the style of RFC 9051 from the documentation's examples.

use super::command::StoreAction;
use super::core::{AString, Atom};

/// `gm-label = "\" atom / astring`: one Gmail label. Gmail writes its
/// system labels as flags (`\Inbox`, `\Important`, `\Sent`, `\Starred`,
/// `\Draft`, `\Trash`, `\Spam`) and the user's labels as strings
/// (`Important`, `"Muy Importante"`, `"[Gmail]/Sent Mail"`).
///
/// Every value has one wire form: a [`GmailLabel::Name`] that starts with
/// `\` goes out quoted, so it never reads back as a system label. Gmail
/// itself sometimes quotes its system labels (`"\\Important"`, as the
/// reports of Jakarta Mail and node-imap show); those read as such a
/// `Name`, kept as sent, and [`GmailLabel::system_name`] sees through
/// both forms.
///
/// ```
/// use imap_proto::types::{AString, Atom, GmailLabel};
/// let inbox = GmailLabel::System(Atom::try_from("Inbox").unwrap());
/// let user = GmailLabel::Name(AString::from("Muy Importante"));
/// assert_ne!(inbox, user);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GmailLabel<'a> {
    /// `"\" atom`: a system label, the atom after the backslash.
    System(Atom<'a>),
    /// `astring`: a user label (or a folder's name), as sent.
    Name(AString<'a>),
}

impl GmailLabel<'_> {
    /// The name of a system label without its backslash, in either form
    /// Gmail sends it: `\Inbox` or the quoted `"\\Inbox"`.
    ///
    /// ```
    /// use imap_proto::types::{AString, Atom, GmailLabel};
    /// let flag = GmailLabel::System(Atom::try_from("Inbox").unwrap());
    /// let quoted = GmailLabel::Name(AString::from("\\Inbox"));
    /// assert_eq!(flag.system_name(), Some("Inbox"));
    /// assert_eq!(quoted.system_name(), Some("Inbox"));
    /// assert_eq!(GmailLabel::Name(AString::from("Inbox")).system_name(), None);
    /// ```
    pub fn system_name(&self) -> Option<&str> {
        match self {
            GmailLabel::System(a) => Some(a.as_str()),
            GmailLabel::Name(s) => s.as_str()?.strip_prefix('\\'),
        }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> GmailLabel<'static> {
        match self {
            GmailLabel::System(a) => GmailLabel::System(a.into_owned()),
            GmailLabel::Name(s) => GmailLabel::Name(s.into_owned()),
        }
    }
}

/// The fetch items of X-GM-EXT-1: `fetch-att =/ "X-GM-MSGID" /
/// "X-GM-THRID" / "X-GM-LABELS"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GmailFetchAttribute {
    /// `X-GM-MSGID`: the message's id, unique in the account.
    MsgId,
    /// `X-GM-THRID`: the id of the message's conversation.
    ThrId,
    /// `X-GM-LABELS`: the message's labels.
    Labels,
}

/// The FETCH data items of X-GM-EXT-1: `msg-att-dynamic =/ "X-GM-LABELS"
/// SP "(" [gm-label *(SP gm-label)] ")"`, `msg-att-static =/ "X-GM-MSGID"
/// SP gm-id / "X-GM-THRID" SP gm-id`, `gm-id = 1*DIGIT` (an unsigned
/// 64-bit number).
///
/// ```
/// use imap_proto::types::GmailDataItem;
/// let id = GmailDataItem::MsgId(1278455344230334865);
/// assert!(matches!(id, GmailDataItem::MsgId(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GmailDataItem<'a> {
    /// `X-GM-MSGID gm-id`
    MsgId(u64),
    /// `X-GM-THRID gm-id`
    ThrId(u64),
    /// `X-GM-LABELS (...)`: the labels, in the order sent (possibly none).
    Labels(Vec<GmailLabel<'a>>),
}

impl GmailDataItem<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> GmailDataItem<'static> {
        match self {
            GmailDataItem::MsgId(n) => GmailDataItem::MsgId(n),
            GmailDataItem::ThrId(n) => GmailDataItem::ThrId(n),
            GmailDataItem::Labels(v) => {
                GmailDataItem::Labels(v.into_iter().map(GmailLabel::into_owned).collect())
            }
        }
    }
}

/// The search keys of X-GM-EXT-1: `search-key =/ "X-GM-RAW" SP astring /
/// "X-GM-MSGID" SP gm-id / "X-GM-THRID" SP gm-id / "X-GM-LABELS" SP
/// gm-label`.
///
/// ```
/// use imap_proto::types::{AString, GmailSearchKey};
/// let k = GmailSearchKey::Raw(AString::from("has:attachment in:unread"));
/// assert!(matches!(k, GmailSearchKey::Raw(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GmailSearchKey<'a> {
    /// `X-GM-RAW astring`: a query in Gmail's web search syntax.
    Raw(AString<'a>),
    /// `X-GM-MSGID gm-id`
    MsgId(u64),
    /// `X-GM-THRID gm-id`
    ThrId(u64),
    /// `X-GM-LABELS gm-label`: messages with that label.
    Labels(GmailLabel<'a>),
}

impl GmailSearchKey<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> GmailSearchKey<'static> {
        match self {
            GmailSearchKey::Raw(s) => GmailSearchKey::Raw(s.into_owned()),
            GmailSearchKey::MsgId(n) => GmailSearchKey::MsgId(n),
            GmailSearchKey::ThrId(n) => GmailSearchKey::ThrId(n),
            GmailSearchKey::Labels(l) => GmailSearchKey::Labels(l.into_owned()),
        }
    }
}

/// The STORE item of X-GM-EXT-1: `store-att-flags =/ ["+" / "-"]
/// "X-GM-LABELS" [".SILENT"] SP ("(" [gm-label *(SP gm-label)] ")" /
/// gm-label *(SP gm-label))`. Always written as a parenthesized list.
///
/// ```
/// use imap_proto::types::{AString, GmailLabel, GmailLabelsStore, StoreAction};
/// let s = GmailLabelsStore {
///     action: StoreAction::Add,
///     silent: false,
///     labels: vec![GmailLabel::Name(AString::from("foo"))],
/// };
/// assert_eq!(s.labels.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GmailLabelsStore<'a> {
    /// Replace (`X-GM-LABELS`), add (`+`) or remove (`-`).
    pub action: StoreAction,
    /// `.SILENT`: no untagged FETCH in reply.
    pub silent: bool,
    /// The labels (`()` clears them when replacing).
    pub labels: Vec<GmailLabel<'a>>,
}

impl GmailLabelsStore<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> GmailLabelsStore<'static> {
        GmailLabelsStore {
            action: self.action,
            silent: self.silent,
            labels: self
                .labels
                .into_iter()
                .map(GmailLabel::into_owned)
                .collect(),
        }
    }
}
