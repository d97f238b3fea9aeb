//! NOTIFY (RFC 5465) to bytes: the command's event groups, the mailbox
//! filters (shared with MULTISEARCH) and the event names of `BADEVENT`.

use super::{Encode, Encoder};
use crate::types::{EventGroup, FilterMailboxes, Mailbox, Notify, NotifyEvent, NotifyEventName};

impl Encode for Notify<'_> {
    /// What follows `NOTIFY`: ` SET [STATUS] (group) ...` or ` NONE`.
    fn encode(&self, e: &mut Encoder) {
        match self {
            Notify::None => e.raw(b" NONE"),
            Notify::Set { status, groups } => {
                e.raw(if *status { b" SET STATUS" } else { b" SET" });
                for g in groups {
                    e.sp();
                    g.encode(e);
                }
            }
        }
    }
}

impl Encode for EventGroup<'_> {
    /// `"(" filter-mailboxes SP events ")"`; no events is `NONE`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        self.filter.encode(e);
        e.sp();
        if self.events.is_empty() {
            e.raw(b"NONE");
        } else {
            e.paren_list(&self.events, |e, ev| ev.encode(e));
        }
        e.byte(b')');
    }
}

/// `one-or-more-mailbox`: one mailbox bare, more in parentheses.
fn one_or_more(e: &mut Encoder, m: &[Mailbox<'_>]) {
    match m {
        [one] => one.encode(e),
        many => e.paren_list(many, |e, m| m.encode(e)),
    }
}

impl Encode for FilterMailboxes<'_> {
    fn encode(&self, e: &mut Encoder) {
        use FilterMailboxes as F;
        match self {
            F::Selected => e.raw(b"selected"),
            F::SelectedDelayed => e.raw(b"selected-delayed"),
            F::Inboxes => e.raw(b"inboxes"),
            F::Personal => e.raw(b"personal"),
            F::Subscribed => e.raw(b"subscribed"),
            F::Subtree(m) => {
                e.raw(b"subtree ");
                one_or_more(e, m.as_slice());
            }
            F::SubtreeOne(m) => {
                e.raw(b"subtree-one ");
                one_or_more(e, m.as_slice());
            }
            F::Mailboxes(m) => {
                e.raw(b"mailboxes ");
                one_or_more(e, m.as_slice());
            }
        }
    }
}

impl Encode for NotifyEvent<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            NotifyEvent::MessageNew(atts) => {
                e.raw(b"MessageNew");
                if !atts.is_empty() {
                    e.sp();
                    e.paren_list(atts, |e, a| a.encode(e));
                }
            }
            other => e.raw(other.name().as_str().as_bytes()),
        }
    }
}

impl Encode for NotifyEventName<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}
