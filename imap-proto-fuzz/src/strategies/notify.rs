//! Strategies for NOTIFY (RFC 5465), MULTISEARCH (RFC 7377) and REPLACE
//! (RFC 8508).

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::{
    atom, fetch_attribute, mailbox, non_empty, search_args, seq_number, tagged_extension, S,
};

/// `event-ext`: an atom that is no known event name.
pub fn notify_event_ext() -> S<NotifyEventExt<'static>> {
    prop_oneof![
        select(&["XEvent", "x-y", "MessageRead"][..])
            .prop_map(|s| NotifyEventExt::new(Atom::new(s).expect("atom")).expect("ext")),
        atom().prop_filter_map("a known event", |a| NotifyEventExt::new(a).ok()),
    ]
    .boxed()
}

/// `event-name`, as BADEVENT lists them.
pub fn notify_event_name() -> S<NotifyEventName<'static>> {
    use NotifyEventName as N;
    prop_oneof![
        3 => select(
            &[
                N::MessageNew,
                N::MessageExpunge,
                N::FlagChange,
                N::AnnotationChange,
                N::MailboxName,
                N::SubscriptionChange,
                N::MailboxMetadataChange,
                N::ServerMetadataChange,
            ][..]
        ),
        1 => notify_event_ext().prop_map(N::Other),
    ]
    .boxed()
}

/// `event`.
pub fn notify_event() -> S<NotifyEvent<'static>> {
    use NotifyEvent as E;
    prop_oneof![
        3 => select(
            &[
                E::MessageExpunge,
                E::FlagChange,
                E::AnnotationChange,
                E::MailboxName,
                E::SubscriptionChange,
                E::MailboxMetadataChange,
                E::ServerMetadataChange,
            ][..]
        ),
        2 => vec(fetch_attribute(), 0..3).prop_map(E::MessageNew),
        1 => notify_event_ext().prop_map(E::Other),
    ]
    .boxed()
}

/// `filter-mailboxes` (with RFC 7377's `subtree-one`).
pub fn filter_mailboxes() -> S<FilterMailboxes<'static>> {
    use FilterMailboxes as F;
    prop_oneof![
        select(
            &[
                F::Selected,
                F::SelectedDelayed,
                F::Inboxes,
                F::Personal,
                F::Subscribed
            ][..]
        ),
        non_empty(mailbox(), 1..3).prop_map(F::Subtree),
        non_empty(mailbox(), 1..3).prop_map(F::SubtreeOne),
        non_empty(mailbox(), 1..3).prop_map(F::Mailboxes),
    ]
    .boxed()
}

/// `event-group`.
pub fn event_group() -> S<EventGroup<'static>> {
    (filter_mailboxes(), vec(notify_event(), 0..4))
        .prop_map(|(filter, events)| EventGroup { filter, events })
        .boxed()
}

/// The arguments of NOTIFY.
pub fn notify() -> S<Notify<'static>> {
    prop_oneof![
        1 => Just(Notify::None),
        4 => (any::<bool>(), non_empty(event_group(), 1..3))
            .prop_map(|(status, groups)| Notify::Set { status, groups }),
    ]
    .boxed()
}

/// The arguments of ESEARCH (MULTISEARCH).
pub fn multisearch_args() -> S<MultiSearchArgs<'static>> {
    let source = (
        non_empty(filter_mailboxes(), 1..3),
        vec(tagged_extension(), 0..2),
    )
        .prop_map(|(mailboxes, scope_options)| ESearchSource {
            mailboxes,
            scope_options,
        });
    (proptest::option::of(source), search_args())
        .prop_map(|(source, search)| MultiSearchArgs { source, search })
        .boxed()
}

/// The arguments of REPLACE.
pub fn replace_args() -> S<ReplaceArgs<'static>> {
    (
        seq_number(),
        mailbox(),
        super::command::append_message_strategy(),
    )
        .prop_map(|(number, mailbox, message)| ReplaceArgs {
            number,
            mailbox,
            message,
        })
        .boxed()
}
