//! Encoding of the values of the LIST and LSUB, STATUS and NAMESPACE
//! responses: exactly the bytes [`crate::parse::mailbox_data`] consumes, in
//! canonical form.

use super::code::paren_objectid;
use super::{Encode, Encoder};
use crate::types::{
    Delimiter, ListExtendedItem, MailboxAttribute, MailboxList, NamespaceDescr, StatusItem,
};

impl Encode for Delimiter {
    /// `DQUOTE QUOTED-CHAR DQUOTE`.
    fn encode(&self, e: &mut Encoder) {
        let mut buf = [0u8; 4];
        e.quoted(self.as_char().encode_utf8(&mut buf).as_bytes());
    }
}

fn delimiter(e: &mut Encoder, d: &Option<Delimiter>) {
    match d {
        Some(d) => d.encode(e),
        None => e.raw(b"NIL"),
    }
}

impl Encode for MailboxAttribute<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'\\');
        e.raw(self.name().as_bytes());
    }
}

impl Encode for MailboxList<'_> {
    /// `mailbox-list`.
    fn encode(&self, e: &mut Encoder) {
        e.paren_list(&self.attributes, |e, a| a.encode(e));
        e.sp();
        delimiter(e, &self.delimiter);
        e.sp();
        self.mailbox.encode(e);
        if !self.extended.is_empty() {
            e.sp();
            e.paren_list(&self.extended, |e, x| x.encode(e));
        }
    }
}

impl Encode for ListExtendedItem<'_> {
    /// `mbox-list-extended-item`.
    fn encode(&self, e: &mut Encoder) {
        match self {
            ListExtendedItem::ChildInfo(v) => {
                e.raw(b"CHILDINFO ");
                e.paren_list(v, |e, s| s.encode(e));
            }
            ListExtendedItem::OldName(m) => {
                e.raw(b"OLDNAME (");
                m.encode(e);
                e.byte(b')');
            }
            ListExtendedItem::Other(o) => {
                o.tag().encode(e);
                e.sp();
                o.value().encode(e);
            }
        }
    }
}

impl Encode for StatusItem<'_> {
    /// `status-att-val`.
    fn encode(&self, e: &mut Encoder) {
        if let Some(a) = self.attribute() {
            e.raw(a.name().as_bytes());
            e.sp();
        }
        match self {
            StatusItem::Messages(n)
            | StatusItem::UidNext(n)
            | StatusItem::UidValidity(n)
            | StatusItem::Unseen(n)
            | StatusItem::Deleted(n)
            | StatusItem::Recent(n) => e.number(u64::from(*n)),
            StatusItem::Size(n) | StatusItem::HighestModSeq(n) | StatusItem::DeletedStorage(n) => {
                e.number64(*n)
            }
            StatusItem::MailboxId(o) => paren_objectid(e, o),
            StatusItem::AppendLimit(Some(n)) => e.number(u64::from(*n)),
            StatusItem::AppendLimit(None) => e.raw(b"NIL"),
            StatusItem::Other(o) => {
                o.name().encode(e);
                e.sp();
                o.value().encode(e);
            }
        }
    }
}

impl Encode for NamespaceDescr<'_> {
    /// `namespace-descr`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        self.prefix.encode(e);
        e.sp();
        delimiter(e, &self.delimiter);
        for (name, values) in &self.extensions {
            e.sp();
            name.encode(e);
            e.sp();
            e.paren_list(values, |e, v| v.encode(e));
        }
        e.byte(b')');
    }
}

pub(super) fn namespace(e: &mut Encoder, n: &Option<Vec<NamespaceDescr<'_>>>) {
    match n {
        None => e.raw(b"NIL"),
        Some(list) => {
            e.byte(b'(');
            for d in list {
                d.encode(e);
            }
            e.byte(b')');
        }
    }
}
