//! Gmail's X-GM-EXT-1: labels (system and user, edge strings included),
//! the fetch items, FETCH data, search keys and the STORE item.

use ::arbitrary::{Result, Unstructured};

// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_gmail_label(u: &mut Unstructured<'_>) -> Result<GmailLabel<'static>> {
    Ok(match small(u, 3)? {
        0 => GmailLabel::System(
            Atom::new(pick(
                u,
                &[
                    "Inbox",
                    "Important",
                    "Sent",
                    "Starred",
                    "Draft",
                    "Trash",
                    "Spam",
                ],
            )?)
            .expect("an atom"),
        ),
        1 => GmailLabel::System(gen_atom(u)?),
        2 => GmailLabel::Name(AString::from(pick(
            u,
            &[
                "Important",
                "Muy Importante",
                "\\Inbox",
                "",
                "[Gmail]/Sent Mail",
                "NIL",
            ],
        )?)),
        _ => GmailLabel::Name(gen_astring(u)?),
    })
}

fn gen_id(u: &mut Unstructured<'_>) -> Result<u64> {
    Ok(match small(u, 3)? {
        0 => 1278455344230334865,
        1 => u64::MAX,
        2 => 0,
        _ => u.arbitrary()?,
    })
}

pub(super) fn gen_gmail_fetch_attribute(u: &mut Unstructured<'_>) -> Result<GmailFetchAttribute> {
    pick(
        u,
        &[
            GmailFetchAttribute::MsgId,
            GmailFetchAttribute::ThrId,
            GmailFetchAttribute::Labels,
        ],
    )
}

pub(super) fn gen_gmail_data_item(u: &mut Unstructured<'_>) -> Result<GmailDataItem<'static>> {
    Ok(match small(u, 2)? {
        0 => GmailDataItem::MsgId(gen_id(u)?),
        1 => GmailDataItem::ThrId(gen_id(u)?),
        _ => GmailDataItem::Labels(list(u, 0, 4, gen_gmail_label)?),
    })
}

pub(super) fn gen_gmail_search_key(u: &mut Unstructured<'_>) -> Result<GmailSearchKey<'static>> {
    Ok(match small(u, 3)? {
        0 => GmailSearchKey::Raw(if u.arbitrary()? {
            AString::from("has:attachment in:unread")
        } else {
            gen_astring(u)?
        }),
        1 => GmailSearchKey::MsgId(gen_id(u)?),
        2 => GmailSearchKey::ThrId(gen_id(u)?),
        _ => GmailSearchKey::Labels(gen_gmail_label(u)?),
    })
}

pub(super) fn gen_gmail_labels_store(
    u: &mut Unstructured<'_>,
) -> Result<GmailLabelsStore<'static>> {
    Ok(GmailLabelsStore {
        action: pick(
            u,
            &[StoreAction::Replace, StoreAction::Add, StoreAction::Remove],
        )?,
        silent: u.arbitrary()?,
        labels: list(u, 0, 4, gen_gmail_label)?,
    })
}

pub(super) fn gen_store_att_ext(u: &mut Unstructured<'_>) -> Result<StoreAttExt<'static>> {
    Ok(if u.arbitrary()? {
        StoreAttExt::GmailLabels(gen_gmail_labels_store(u)?)
    } else {
        StoreAttExt::Annotation(list1(u, 3, super::annotate::gen_entry_att)?)
    })
}
