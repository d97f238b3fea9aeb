//! Strategies for Gmail's X-GM-EXT-1: labels (system and user, edge
//! strings included), the fetch items, FETCH data, search keys and the
//! STORE item.

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::{astring, atom, S};

/// A Gmail label: a system label, or a user label (one starting with `\`
/// among them).
pub fn gmail_label() -> S<GmailLabel<'static>> {
    prop_oneof![
        select(&["Inbox", "Important", "Sent", "Starred", "Draft", "Trash"][..])
            .prop_map(|s| GmailLabel::System(Atom::new(s).expect("an atom"))),
        atom().prop_map(GmailLabel::System),
        select(&["Muy Importante", "\\Inbox", "", "[Gmail]/Sent Mail", "foo"][..])
            .prop_map(|s| GmailLabel::Name(AString::from(s))),
        astring().prop_map(GmailLabel::Name),
    ]
    .boxed()
}

fn gm_id() -> S<u64> {
    prop_oneof![
        select(&[0u64, 1278455344230334865, u64::MAX][..]),
        any::<u64>(),
    ]
    .boxed()
}

/// `X-GM-MSGID`, `X-GM-THRID` or `X-GM-LABELS` as a fetch item.
pub fn gmail_fetch_attribute() -> S<GmailFetchAttribute> {
    select(
        &[
            GmailFetchAttribute::MsgId,
            GmailFetchAttribute::ThrId,
            GmailFetchAttribute::Labels,
        ][..],
    )
    .boxed()
}

/// A Gmail FETCH data item.
pub fn gmail_data_item() -> S<GmailDataItem<'static>> {
    prop_oneof![
        gm_id().prop_map(GmailDataItem::MsgId),
        gm_id().prop_map(GmailDataItem::ThrId),
        vec(gmail_label(), 0..4).prop_map(GmailDataItem::Labels),
    ]
    .boxed()
}

/// A Gmail search key.
pub fn gmail_search_key() -> S<GmailSearchKey<'static>> {
    prop_oneof![
        astring().prop_map(GmailSearchKey::Raw),
        gm_id().prop_map(GmailSearchKey::MsgId),
        gm_id().prop_map(GmailSearchKey::ThrId),
        gmail_label().prop_map(GmailSearchKey::Labels),
    ]
    .boxed()
}

/// A STORE item of the extensions.
pub fn store_att_ext() -> S<StoreAttExt<'static>> {
    prop_oneof![
        gmail_labels_store(),
        proptest::collection::vec(super::annotate::entry_att(), 1..3).prop_map(|v| {
            StoreAttExt::Annotation(NonEmpty::from_vec(v).expect("at least one"))
        }),
    ]
    .boxed()
}

fn gmail_labels_store() -> S<StoreAttExt<'static>> {
    (
        select(&[StoreAction::Replace, StoreAction::Add, StoreAction::Remove][..]),
        any::<bool>(),
        vec(gmail_label(), 0..4),
    )
        .prop_map(|(action, silent, labels)| {
            StoreAttExt::GmailLabels(GmailLabelsStore {
                action,
                silent,
                labels,
            })
        })
        .boxed()
}
