//! NOTIFY (RFC 5465): the `NOTIFY` command's event groups, the mailbox
//! filters (shared with MULTISEARCH, RFC 7377), the event names, and the
//! argument of the `BADEVENT` response code.

use super::core::{Atom, ValidationError};
use super::fetch::FetchAttribute;
use super::mailbox::Mailbox;
use super::nonempty::NonEmpty;

/// `notify = "NOTIFY" SP (notify-set / notify-none)` (RFC 5465 §8).
///
/// ```
/// use imap_proto::types::{EventGroup, FilterMailboxes, Notify, NotifyEvent, NonEmpty};
/// let n = Notify::Set {
///     status: false,
///     groups: NonEmpty::new(EventGroup {
///         filter: FilterMailboxes::Personal,
///         events: vec![NotifyEvent::SubscriptionChange],
///     }),
/// };
/// # let _ = n;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notify<'a> {
    /// `notify-set = "SET" [status-indicator] SP event-groups`: replaces
    /// the registered events.
    Set {
        /// `status-indicator = SP "STATUS"`: send STATUS for the mailboxes
        /// first.
        status: bool,
        /// `event-groups = event-group *(SP event-group)`.
        groups: NonEmpty<EventGroup<'a>>,
    },
    /// `notify-none = "NONE"`: no events at all.
    None,
}

/// `event-group = "(" filter-mailboxes SP events ")"` (RFC 5465 §8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventGroup<'a> {
    /// Which mailboxes.
    pub filter: FilterMailboxes<'a>,
    /// `events = ("(" event *(SP event) ")") / "NONE"`: empty is `NONE`
    /// (the grammar has no empty list, so the two never mix).
    pub events: Vec<NotifyEvent<'a>>,
}

/// `filter-mailboxes = filter-mailboxes-selected / filter-mailboxes-other`
/// (RFC 5465 §8, with RFC 7377's `"subtree-one" SP one-or-more-mailbox`).
/// `one-or-more-mailbox = mailbox / many-mailboxes`: one mailbox is sent
/// bare, more in parentheses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterMailboxes<'a> {
    /// `selected`
    Selected,
    /// `selected-delayed`
    SelectedDelayed,
    /// `inboxes`
    Inboxes,
    /// `personal`
    Personal,
    /// `subscribed`
    Subscribed,
    /// `"subtree" SP one-or-more-mailbox`
    Subtree(NonEmpty<Mailbox<'a>>),
    /// `"subtree-one" SP one-or-more-mailbox` (RFC 7377 §4)
    SubtreeOne(NonEmpty<Mailbox<'a>>),
    /// `"mailboxes" SP one-or-more-mailbox`
    Mailboxes(NonEmpty<Mailbox<'a>>),
}

/// `event = message-event / mailbox-event / user-event / event-ext`
/// (RFC 5465 §8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotifyEvent<'a> {
    /// `"MessageNew" [SP "(" fetch-att *(SP fetch-att) ")"]`: empty is
    /// without the list (the grammar has no empty one).
    MessageNew(Vec<FetchAttribute<'a>>),
    /// `MessageExpunge`
    MessageExpunge,
    /// `FlagChange`
    FlagChange,
    /// `AnnotationChange`
    AnnotationChange,
    /// `MailboxName`
    MailboxName,
    /// `SubscriptionChange`
    SubscriptionChange,
    /// `MailboxMetadataChange`
    MailboxMetadataChange,
    /// `ServerMetadataChange`
    ServerMetadataChange,
    /// `event-ext = atom`
    Other(NotifyEventExt<'a>),
}

/// `event-name = message-event-name / mailbox-event / user-event` (RFC
/// 5465 §8): an event without its arguments, as `BADEVENT` lists them;
/// names this crate does not know are kept (a server lists all it
/// supports, extensions included).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NotifyEventName<'a> {
    /// `MessageNew`
    MessageNew,
    /// `MessageExpunge`
    MessageExpunge,
    /// `FlagChange`
    FlagChange,
    /// `AnnotationChange`
    AnnotationChange,
    /// `MailboxName`
    MailboxName,
    /// `SubscriptionChange`
    SubscriptionChange,
    /// `MailboxMetadataChange`
    MailboxMetadataChange,
    /// `ServerMetadataChange`
    ServerMetadataChange,
    /// Another event's name.
    Other(NotifyEventExt<'a>),
}

/// The event names of RFC 5465, as sent, and `NONE` (which is not an event).
pub(crate) const KNOWN_EVENTS: [&str; 9] = [
    "MessageNew",
    "MessageExpunge",
    "FlagChange",
    "AnnotationChange",
    "MailboxName",
    "SubscriptionChange",
    "MailboxMetadataChange",
    "ServerMetadataChange",
    "NONE",
];

/// `event-ext = atom` (RFC 5465 §8): an event this crate does not know.
/// Never one of the known names (in any case) nor `NONE`, so that it reads
/// back as itself.
///
/// ```
/// use imap_proto::types::{Atom, NotifyEventExt};
/// assert!(NotifyEventExt::new(Atom::try_from("XFoo").unwrap()).is_ok());
/// assert!(NotifyEventExt::new(Atom::try_from("flagchange").unwrap()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NotifyEventExt<'a>(Atom<'a>);

impl<'a> NotifyEventExt<'a> {
    /// An unknown event; the known names and `NONE` are refused.
    pub fn new(name: Atom<'a>) -> Result<Self, ValidationError> {
        if KNOWN_EVENTS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name.as_str()))
        {
            return Err(ValidationError::new(
                "event-ext",
                "is a known event name or NONE",
                0,
            ));
        }
        Ok(Self(name))
    }
    pub(crate) fn unchecked(name: Atom<'a>) -> Self {
        Self(name)
    }
    /// The event's name, as sent.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> NotifyEventExt<'static> {
        NotifyEventExt(self.0.into_owned())
    }
}

impl NotifyEventName<'_> {
    /// The name as sent (the RFC's spelling for the known ones).
    pub fn as_str(&self) -> &str {
        use NotifyEventName as N;
        match self {
            N::MessageNew => "MessageNew",
            N::MessageExpunge => "MessageExpunge",
            N::FlagChange => "FlagChange",
            N::AnnotationChange => "AnnotationChange",
            N::MailboxName => "MailboxName",
            N::SubscriptionChange => "SubscriptionChange",
            N::MailboxMetadataChange => "MailboxMetadataChange",
            N::ServerMetadataChange => "ServerMetadataChange",
            N::Other(x) => x.0.as_str(),
        }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> NotifyEventName<'static> {
        use NotifyEventName as N;
        match self {
            N::MessageNew => N::MessageNew,
            N::MessageExpunge => N::MessageExpunge,
            N::FlagChange => N::FlagChange,
            N::AnnotationChange => N::AnnotationChange,
            N::MailboxName => N::MailboxName,
            N::SubscriptionChange => N::SubscriptionChange,
            N::MailboxMetadataChange => N::MailboxMetadataChange,
            N::ServerMetadataChange => N::ServerMetadataChange,
            N::Other(x) => N::Other(x.into_owned()),
        }
    }
}

impl NotifyEvent<'_> {
    /// The event's name, without its arguments.
    pub fn name(&self) -> NotifyEventName<'_> {
        use NotifyEvent as E;
        use NotifyEventName as N;
        match self {
            E::MessageNew(_) => N::MessageNew,
            E::MessageExpunge => N::MessageExpunge,
            E::FlagChange => N::FlagChange,
            E::AnnotationChange => N::AnnotationChange,
            E::MailboxName => N::MailboxName,
            E::SubscriptionChange => N::SubscriptionChange,
            E::MailboxMetadataChange => N::MailboxMetadataChange,
            E::ServerMetadataChange => N::ServerMetadataChange,
            E::Other(x) => N::Other(NotifyEventExt(x.0.clone())),
        }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> NotifyEvent<'static> {
        use NotifyEvent as E;
        match self {
            E::MessageNew(v) => {
                E::MessageNew(v.into_iter().map(FetchAttribute::into_owned).collect())
            }
            E::MessageExpunge => E::MessageExpunge,
            E::FlagChange => E::FlagChange,
            E::AnnotationChange => E::AnnotationChange,
            E::MailboxName => E::MailboxName,
            E::SubscriptionChange => E::SubscriptionChange,
            E::MailboxMetadataChange => E::MailboxMetadataChange,
            E::ServerMetadataChange => E::ServerMetadataChange,
            E::Other(x) => E::Other(x.into_owned()),
        }
    }
}

impl FilterMailboxes<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FilterMailboxes<'static> {
        use FilterMailboxes as F;
        match self {
            F::Selected => F::Selected,
            F::SelectedDelayed => F::SelectedDelayed,
            F::Inboxes => F::Inboxes,
            F::Personal => F::Personal,
            F::Subscribed => F::Subscribed,
            F::Subtree(m) => F::Subtree(m.map(Mailbox::into_owned)),
            F::SubtreeOne(m) => F::SubtreeOne(m.map(Mailbox::into_owned)),
            F::Mailboxes(m) => F::Mailboxes(m.map(Mailbox::into_owned)),
        }
    }
}

impl EventGroup<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> EventGroup<'static> {
        EventGroup {
            filter: self.filter.into_owned(),
            events: self
                .events
                .into_iter()
                .map(NotifyEvent::into_owned)
                .collect(),
        }
    }
}

impl Notify<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Notify<'static> {
        match self {
            Notify::Set { status, groups } => Notify::Set {
                status,
                groups: groups.map(EventGroup::into_owned),
            },
            Notify::None => Notify::None,
        }
    }
}
