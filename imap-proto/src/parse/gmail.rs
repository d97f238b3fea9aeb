//! The grammar of Gmail's X-GM-EXT-1 and XLIST (Gmail's "IMAP Extensions"
//! developer documentation). Gmail publishes no ABNF: the rules quoted
//! here are written in RFC 9051's style from the documentation's examples,
//! and each is called from one small hook in the shared grammar (fetch
//! items, FETCH data, search keys, STORE, commands, untagged data).

use super::core::{astring, atom, list_mailbox, mailbox, paren_list, sp};
use super::{fail, PResult};
use crate::types::{
    CommandBody, GmailDataItem, GmailFetchAttribute, GmailLabel, GmailLabelsStore, GmailSearchKey,
    StoreAction,
};

/// `gm-id = 1*DIGIT`: an unsigned 64-bit number (Gmail's message and
/// thread ids, e.g. `1278455344230334865`). A larger value is refused.
pub(crate) fn gm_id(i: &[u8]) -> PResult<'_, u64> {
    match crate::fast::digits(i) {
        (0, _) => fail(i, "gm-id (a number)"),
        (n, Some(v)) => Ok((&i[n..], v)),
        (_, None) => fail(i, "gm-id (at most 2^64-1)"),
    }
}

/// `gm-label = "\" atom / astring`: a system label (`\Inbox`) or a user
/// label (`foo`, `"Muy Importante"`, a literal).
pub(crate) fn gm_label(i: &[u8]) -> PResult<'_, GmailLabel<'_>> {
    match i.first() {
        Some(b'\\') => {
            let (r, a) = atom(&i[1..])?;
            Ok((r, GmailLabel::System(a)))
        }
        _ => astring(i).map(|(r, s)| (r, GmailLabel::Name(s))),
    }
}

/// `"(" [gm-label *(SP gm-label)] ")"`.
pub(crate) fn gm_label_list(i: &[u8]) -> PResult<'_, Vec<GmailLabel<'_>>> {
    paren_list(i, gm_label)
}

/// `fetch-att =/ "X-GM-MSGID" / "X-GM-THRID" / "X-GM-LABELS"`, given the
/// upper-cased keyword: the attribute, or `None` for another keyword.
#[inline]
pub(crate) fn fetch_att(up: &[u8]) -> Option<GmailFetchAttribute> {
    match up {
        b"X-GM-MSGID" => Some(GmailFetchAttribute::MsgId),
        b"X-GM-THRID" => Some(GmailFetchAttribute::ThrId),
        b"X-GM-LABELS" => Some(GmailFetchAttribute::Labels),
        _ => None,
    }
}

/// `msg-att-static =/ "X-GM-MSGID" SP gm-id / "X-GM-THRID" SP gm-id`,
/// `msg-att-dynamic =/ "X-GM-LABELS" SP "(" [gm-label *(SP gm-label)]
/// ")"`, after the keyword (upper-cased in `up`) and its SP.
pub(crate) fn msg_att<'a>(up: &[u8], i: &'a [u8]) -> PResult<'a, GmailDataItem<'a>> {
    match up {
        b"X-GM-MSGID" => gm_id(i).map(|(r, n)| (r, GmailDataItem::MsgId(n))),
        b"X-GM-THRID" => gm_id(i).map(|(r, n)| (r, GmailDataItem::ThrId(n))),
        _ => gm_label_list(i).map(|(r, v)| (r, GmailDataItem::Labels(v))),
    }
}

/// `search-key =/ "X-GM-RAW" SP astring / "X-GM-MSGID" SP gm-id /
/// "X-GM-THRID" SP gm-id / "X-GM-LABELS" SP gm-label`, after the keyword
/// (upper-cased in `up`); `None` for another keyword.
#[inline]
pub(crate) fn search_key<'a>(up: &[u8], i: &'a [u8]) -> Option<PResult<'a, GmailSearchKey<'a>>> {
    let f: fn(&'a [u8]) -> PResult<'a, GmailSearchKey<'a>> = match up {
        b"X-GM-RAW" => |i| astring(i).map(|(r, s)| (r, GmailSearchKey::Raw(s))),
        b"X-GM-MSGID" => |i| gm_id(i).map(|(r, n)| (r, GmailSearchKey::MsgId(n))),
        b"X-GM-THRID" => |i| gm_id(i).map(|(r, n)| (r, GmailSearchKey::ThrId(n))),
        b"X-GM-LABELS" => |i| gm_label(i).map(|(r, l)| (r, GmailSearchKey::Labels(l))),
        _ => return None,
    };
    Some(sp(i).and_then(|(i, ())| f(i)))
}

/// `store-att-flags =/ ["+" / "-"] "X-GM-LABELS" [".SILENT"] SP ("("
/// [gm-label *(SP gm-label)] ")" / gm-label *(SP gm-label))`, after
/// `X-GM-LABELS` (the sign already read into `action`).
pub(crate) fn store_labels(i: &[u8], action: StoreAction) -> PResult<'_, GmailLabelsStore<'_>> {
    let (i, silent) = if super::core::starts_with_ci(i, b".SILENT") {
        (&i[7..], true)
    } else {
        (i, false)
    };
    let (i, ()) = sp(i)?;
    let (i, labels) = if i.first() == Some(&b'(') {
        gm_label_list(i)?
    } else {
        bare_labels(i)?
    };
    Ok((
        i,
        GmailLabelsStore {
            action,
            silent,
            labels,
        },
    ))
}

/// `gm-label *(SP gm-label)`, stopping before the end of the line.
fn bare_labels(i: &[u8]) -> PResult<'_, Vec<GmailLabel<'_>>> {
    let (mut i, l) = gm_label(i)?;
    let mut labels = vec![l];
    while let [b' ', c, ..] = i {
        if matches!(c, b'\r' | b' ') {
            break;
        }
        let (r, l) = gm_label(&i[1..])?;
        labels.push(l);
        i = r;
    }
    Ok((i, labels))
}

/// `xlist = "XLIST" SP mailbox SP list-mailbox` (Gmail; LSUB's
/// arguments), after the keyword.
pub(crate) fn xlist(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, reference) = mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, pattern) = list_mailbox(i)?;
    Ok((i, CommandBody::Xlist { reference, pattern }))
}

#[cfg(test)]
mod tests;
