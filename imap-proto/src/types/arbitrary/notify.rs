//! Generators for NOTIFY (RFC 5465), MULTISEARCH (RFC 7377) and REPLACE
//! (RFC 8508).

use ::arbitrary::{Result, Unstructured};

use super::command::gen_append_message;
use super::fetch::gen_fetch_attribute;
use super::raw::gen_tagged_ext;
use super::search::gen_search_args;
use super::*;

pub(super) fn gen_notify_event_ext(u: &mut Unstructured<'_>) -> Result<NotifyEventExt<'static>> {
    let a = gen_atom(u)?;
    Ok(NotifyEventExt::new(a).unwrap_or_else(|_| {
        NotifyEventExt::new(Atom::new("XEvent").expect("an atom")).expect("ext")
    }))
}

pub(super) fn gen_notify_event_name(u: &mut Unstructured<'_>) -> Result<NotifyEventName<'static>> {
    use NotifyEventName as N;
    Ok(match small(u, 8)? {
        0 => N::MessageNew,
        1 => N::MessageExpunge,
        2 => N::FlagChange,
        3 => N::AnnotationChange,
        4 => N::MailboxName,
        5 => N::SubscriptionChange,
        6 => N::MailboxMetadataChange,
        7 => N::ServerMetadataChange,
        _ => N::Other(gen_notify_event_ext(u)?),
    })
}

pub(super) fn gen_notify_event(u: &mut Unstructured<'_>) -> Result<NotifyEvent<'static>> {
    use NotifyEvent as E;
    Ok(match small(u, 9)? {
        0 | 1 => E::MessageNew(list(u, 0, 3, gen_fetch_attribute)?),
        2 => E::MessageExpunge,
        3 => E::FlagChange,
        4 => E::AnnotationChange,
        5 => E::MailboxName,
        6 => E::SubscriptionChange,
        7 => E::MailboxMetadataChange,
        8 => E::ServerMetadataChange,
        _ => E::Other(gen_notify_event_ext(u)?),
    })
}

pub(super) fn gen_filter_mailboxes(u: &mut Unstructured<'_>) -> Result<FilterMailboxes<'static>> {
    use FilterMailboxes as F;
    Ok(match small(u, 7)? {
        0 => F::Selected,
        1 => F::SelectedDelayed,
        2 => F::Inboxes,
        3 => F::Personal,
        4 => F::Subscribed,
        5 => F::Subtree(list1(u, 3, gen_mailbox)?),
        6 => F::SubtreeOne(list1(u, 3, gen_mailbox)?),
        _ => F::Mailboxes(list1(u, 3, gen_mailbox)?),
    })
}

pub(super) fn gen_event_group(u: &mut Unstructured<'_>) -> Result<EventGroup<'static>> {
    Ok(EventGroup {
        filter: gen_filter_mailboxes(u)?,
        events: list(u, 0, 4, gen_notify_event)?,
    })
}

pub(super) fn gen_notify(u: &mut Unstructured<'_>) -> Result<Notify<'static>> {
    Ok(if small(u, 4)? == 0 {
        Notify::None
    } else {
        Notify::Set {
            status: u.arbitrary()?,
            groups: list1(u, 3, gen_event_group)?,
        }
    })
}

pub(super) fn gen_esearch_source(u: &mut Unstructured<'_>) -> Result<ESearchSource<'static>> {
    Ok(ESearchSource {
        mailboxes: list1(u, 3, gen_filter_mailboxes)?,
        scope_options: list(u, 0, 2, gen_tagged_ext)?
            .into_iter()
            .flatten()
            .collect(),
    })
}

pub(super) fn gen_multisearch_args(u: &mut Unstructured<'_>) -> Result<MultiSearchArgs<'static>> {
    Ok(MultiSearchArgs {
        source: if u.arbitrary()? {
            Some(gen_esearch_source(u)?)
        } else {
            None
        },
        search: gen_search_args(u)?,
    })
}

pub(super) fn gen_replace_args(u: &mut Unstructured<'_>) -> Result<ReplaceArgs<'static>> {
    Ok(ReplaceArgs {
        number: gen_seq_number(u)?,
        mailbox: gen_mailbox(u)?,
        message: gen_append_message(u)?,
    })
}

/// The commands of NOTIFY, MULTISEARCH, REPLACE, LANGUAGE/COMPARATOR,
/// URLAUTH and JMAPACCESS.
pub(super) fn gen_ext_a_command(u: &mut Unstructured<'_>) -> Result<CommandBody<'static>> {
    use super::urlauth::{gen_reset_key_target, gen_url_fetch_arg, gen_urlauth_mechanism};
    use CommandBody as C;
    Ok(match small(u, 8)? {
        0 => C::Notify(gen_notify(u)?),
        1 => C::ESearch {
            uid: u.arbitrary()?,
            args: gen_multisearch_args(u)?,
        },
        2 => C::Replace {
            uid: u.arbitrary()?,
            args: gen_replace_args(u)?,
        },
        3 => C::Language(list(u, 0, 3, gen_astring)?),
        4 => C::Comparator(list(u, 0, 3, gen_astring)?),
        5 => C::GenUrlAuth(list1(u, 3, |u| {
            Ok((gen_astring(u)?, gen_urlauth_mechanism(u)?))
        })?),
        6 => C::ResetKey(if u.arbitrary()? {
            Some(gen_reset_key_target(u)?)
        } else {
            None
        }),
        7 => C::UrlFetch(list1(u, 3, gen_url_fetch_arg)?),
        _ => C::GetJmapAccess,
    })
}
