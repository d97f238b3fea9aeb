//! Encoding of Gmail's X-GM-EXT-1 items and XLIST: exactly what
//! `parse::gmail` consumes (labels always in a parenthesized list).

use super::{Encode, Encoder};
use crate::types::{
    GmailDataItem, GmailFetchAttribute, GmailLabel, GmailLabelsStore, GmailSearchKey, StoreAction,
};

impl Encode for GmailLabel<'_> {
    /// `"\" atom` or an astring (a name starting with `\` is quoted).
    fn encode(&self, e: &mut Encoder) {
        match self {
            GmailLabel::System(a) => {
                e.byte(b'\\');
                a.encode(e);
            }
            GmailLabel::Name(s) => s.encode(e),
        }
    }
}

fn labels(e: &mut Encoder, v: &[GmailLabel<'_>]) {
    e.paren_list(v, |e, l| l.encode(e));
}

impl Encode for GmailFetchAttribute {
    fn encode(&self, e: &mut Encoder) {
        e.raw(match self {
            GmailFetchAttribute::MsgId => b"X-GM-MSGID",
            GmailFetchAttribute::ThrId => b"X-GM-THRID",
            GmailFetchAttribute::Labels => b"X-GM-LABELS",
        });
    }
}

impl Encode for GmailDataItem<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            GmailDataItem::MsgId(n) => {
                e.raw(b"X-GM-MSGID ");
                e.number(*n);
            }
            GmailDataItem::ThrId(n) => {
                e.raw(b"X-GM-THRID ");
                e.number(*n);
            }
            GmailDataItem::Labels(v) => {
                e.raw(b"X-GM-LABELS ");
                labels(e, v);
            }
        }
    }
}

impl Encode for GmailSearchKey<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            GmailSearchKey::Raw(s) => {
                e.raw(b"X-GM-RAW ");
                s.encode(e);
            }
            GmailSearchKey::MsgId(n) => {
                e.raw(b"X-GM-MSGID ");
                e.number(*n);
            }
            GmailSearchKey::ThrId(n) => {
                e.raw(b"X-GM-THRID ");
                e.number(*n);
            }
            GmailSearchKey::Labels(l) => {
                e.raw(b"X-GM-LABELS ");
                l.encode(e);
            }
        }
    }
}

impl Encode for GmailLabelsStore<'_> {
    /// `["+" / "-"] "X-GM-LABELS" [".SILENT"] SP "(" ... ")"`.
    fn encode(&self, e: &mut Encoder) {
        e.raw(match self.action {
            StoreAction::Replace => b"X-GM-LABELS",
            StoreAction::Add => b"+X-GM-LABELS",
            StoreAction::Remove => b"-X-GM-LABELS",
        });
        if self.silent {
            e.raw(b".SILENT");
        }
        e.sp();
        labels(e, &self.labels);
    }
}
