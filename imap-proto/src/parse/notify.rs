//! The grammar of NOTIFY (RFC 5465 §8): the command, the mailbox filters
//! (which MULTISEARCH, RFC 7377, shares) and the `BADEVENT` code.

use super::core::{at_keyword, atom, byte, mailbox, paren_list1, sp};
use super::{fail, fetch, PResult};
use crate::fast;
use crate::types::{
    CommandBody, EventGroup, FilterMailboxes, Mailbox, NonEmpty, Notify, NotifyEvent,
    NotifyEventExt, NotifyEventName,
};

/// After the keyword `"NOTIFY"`: `SP (notify-set / notify-none)`,
/// `notify-set = "SET" [status-indicator] SP event-groups`, `notify-none =
/// "NONE"`, `status-indicator = SP "STATUS"`, `event-groups = event-group
/// *(SP event-group)` (RFC 5465 §8).
pub(crate) fn notify(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    if at_keyword(i, b"NONE") {
        return Ok((&i[4..], CommandBody::Notify(Notify::None)));
    }
    if !at_keyword(i, b"SET") {
        return fail(i, "SET or NONE");
    }
    let (mut i, ()) = sp(&i[3..])?;
    let mut status = false;
    if at_keyword(i, b"STATUS") {
        status = true;
        i = sp(&i[6..])?.0;
    }
    let (mut i, g) = event_group(i)?;
    let mut groups = NonEmpty::new(g);
    while let (Some(b' '), Some(b'(')) = (i.first(), i.get(1)) {
        let (r, g) = event_group(&i[1..])?;
        groups.push(g);
        i = r;
    }
    Ok((i, CommandBody::Notify(Notify::Set { status, groups })))
}

/// `event-group = "(" filter-mailboxes SP events ")"`, `events = ( "("
/// event *(SP event) ")" ) / "NONE"` (RFC 5465 §8).
///
/// Lenient: events without their parentheses, up to the group's `)`, as
/// RFC 5465's own example in §3.1 sends them (`(selected MessageNew (uid
/// ...) MessageExpunge) (subtree Lists MessageNew)`); they read as the same
/// value as the parenthesized list, which is how they are re-encoded.
fn event_group(i: &[u8]) -> PResult<'_, EventGroup<'_>> {
    let (i, ()) = byte(b'(', "\"(\" opening an event-group")(i)?;
    let (i, filter) = filter_mailboxes(i)?;
    let (i, ()) = sp(i)?;
    let (i, events) = if at_keyword(i, b"NONE") {
        (&i[4..], Vec::new())
    } else if i.first() == Some(&b'(') {
        let (r, v) = paren_list1(i, event, "event")?;
        (r, v.into_vec())
    } else {
        let (mut r, e) = event(i)?;
        let mut v = vec![e];
        while let Some(b' ') = r.first() {
            let (r2, e) = event(&r[1..])?;
            v.push(e);
            r = r2;
        }
        (r, v)
    };
    let (i, ()) = byte(b')', "\")\" closing an event-group")(i)?;
    Ok((i, EventGroup { filter, events }))
}

/// `filter-mailboxes = filter-mailboxes-selected / filter-mailboxes-other`,
/// `filter-mailboxes-selected = "selected" / "selected-delayed"`,
/// `filter-mailboxes-other = "inboxes" / "personal" / "subscribed" / (
/// "subtree" SP one-or-more-mailbox ) / ( "mailboxes" SP
/// one-or-more-mailbox )` (RFC 5465 §8), `filter-mailboxes-other =/
/// ("subtree-one" SP one-or-more-mailbox)` (RFC 7377 §4).
pub(crate) fn filter_mailboxes(i: &[u8]) -> PResult<'_, FilterMailboxes<'_>> {
    let (r, name) = atom(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    use FilterMailboxes as F;
    match fast::upper(name.as_str().as_bytes(), &mut buf) {
        Some(b"SELECTED") => Ok((r, F::Selected)),
        Some(b"SELECTED-DELAYED") => Ok((r, F::SelectedDelayed)),
        Some(b"INBOXES") => Ok((r, F::Inboxes)),
        Some(b"PERSONAL") => Ok((r, F::Personal)),
        Some(b"SUBSCRIBED") => Ok((r, F::Subscribed)),
        Some(b"SUBTREE") => one_or_more_mailbox(sp(r)?.0).map(|(r, m)| (r, F::Subtree(m))),
        Some(b"SUBTREE-ONE") => one_or_more_mailbox(sp(r)?.0).map(|(r, m)| (r, F::SubtreeOne(m))),
        Some(b"MAILBOXES") => one_or_more_mailbox(sp(r)?.0).map(|(r, m)| (r, F::Mailboxes(m))),
        _ => fail(
            i,
            "filter-mailboxes (selected, selected-delayed, inboxes, personal, subscribed, \
             subtree, subtree-one or mailboxes)",
        ),
    }
}

/// `one-or-more-mailbox = mailbox / many-mailboxes`, `many-mailboxes =
/// "(" mailbox *(SP mailbox) ")"` (RFC 5465 §8).
fn one_or_more_mailbox(i: &[u8]) -> PResult<'_, NonEmpty<Mailbox<'_>>> {
    if i.first() == Some(&b'(') {
        paren_list1(i, mailbox, "mailbox")
    } else {
        mailbox(i).map(|(r, m)| (r, NonEmpty::new(m)))
    }
}

/// `event = message-event / mailbox-event / user-event / event-ext`,
/// `message-event = ( "MessageNew" [SP "(" fetch-att *(SP fetch-att) ")" ]
/// ) / "MessageExpunge" / "FlagChange" / "AnnotationChange"`,
/// `mailbox-event = "MailboxName" / "SubscriptionChange" /
/// "MailboxMetadataChange"`, `user-event = "ServerMetadataChange"`,
/// `event-ext = atom` (RFC 5465 §8).
fn event(i: &[u8]) -> PResult<'_, NotifyEvent<'_>> {
    let (r, name) = event_name(i)?;
    use NotifyEvent as E;
    use NotifyEventName as N;
    Ok(match name {
        N::MessageNew => {
            if let (Some(b' '), Some(b'(')) = (r.first(), r.get(1)) {
                let (r, atts) = paren_list1(&r[1..], fetch::fetch_att, "fetch-att")?;
                return Ok((r, E::MessageNew(atts.into_vec())));
            }
            (r, E::MessageNew(Vec::new()))
        }
        N::MessageExpunge => (r, E::MessageExpunge),
        N::FlagChange => (r, E::FlagChange),
        N::AnnotationChange => (r, E::AnnotationChange),
        N::MailboxName => (r, E::MailboxName),
        N::SubscriptionChange => (r, E::SubscriptionChange),
        N::MailboxMetadataChange => (r, E::MailboxMetadataChange),
        N::ServerMetadataChange => (r, E::ServerMetadataChange),
        N::Other(x) => (r, E::Other(x)),
    })
}

/// `event-name = message-event-name / mailbox-event / user-event`,
/// `message-event-name = "MessageNew" / "MessageExpunge" / "FlagChange" /
/// "AnnotationChange"` (RFC 5465 §8); another atom (`event-ext = atom`) is
/// kept as an unknown event, `NONE` refused.
fn event_name(i: &[u8]) -> PResult<'_, NotifyEventName<'_>> {
    let (r, name) = atom(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    use NotifyEventName as N;
    let n = match fast::upper(name.as_str().as_bytes(), &mut buf) {
        Some(b"MESSAGENEW") => N::MessageNew,
        Some(b"MESSAGEEXPUNGE") => N::MessageExpunge,
        Some(b"FLAGCHANGE") => N::FlagChange,
        Some(b"ANNOTATIONCHANGE") => N::AnnotationChange,
        Some(b"MAILBOXNAME") => N::MailboxName,
        Some(b"SUBSCRIPTIONCHANGE") => N::SubscriptionChange,
        Some(b"MAILBOXMETADATACHANGE") => N::MailboxMetadataChange,
        Some(b"SERVERMETADATACHANGE") => N::ServerMetadataChange,
        Some(b"NONE") => return fail(i, "an event (NONE stands for no events)"),
        _ => N::Other(NotifyEventExt::unchecked(name)),
    };
    Ok((r, n))
}

/// `unsupported-events-code = "BADEVENT" SP "(" event-name *(SP
/// event-name) ")"` (RFC 5465 §8), after `BADEVENT SP`.
pub(crate) fn badevent_list(i: &[u8]) -> PResult<'_, NonEmpty<NotifyEventName<'_>>> {
    paren_list1(i, event_name, "event-name")
}

#[cfg(test)]
mod tests;
