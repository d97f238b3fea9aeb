//! ANNOTATE (RFC 5257): entries, attributes and values (NUL octets and
//! `NIL` included), the fetch item, FETCH data, the search and sort keys
//! and the STORE item.

use ::arbitrary::{Result, Unstructured};

// The shared helpers and core values, and `crate::types`.
use super::*;

fn gen_entry(u: &mut Unstructured<'_>) -> Result<AString<'static>> {
    Ok(if u.arbitrary()? {
        AString::from(pick(u, &["/comment", "/altsubject", "/vendor/x/y", ""])?)
    } else {
        gen_astring(u)?
    })
}

fn gen_attrib(u: &mut Unstructured<'_>) -> Result<AString<'static>> {
    Ok(if u.arbitrary()? {
        AString::from(pick(
            u,
            &["value", "value.priv", "value.shared", "size.priv"],
        )?)
    } else {
        gen_astring(u)?
    })
}

fn gen_value(u: &mut Unstructured<'_>) -> Result<NString<'static>> {
    Ok(match small(u, 3)? {
        0 => None,
        1 => Some(IString::from(&b"a\0b"[..]).into_owned()),
        _ => gen_nstring(u)?,
    })
}

pub(super) fn gen_att_value(u: &mut Unstructured<'_>) -> Result<AttValue<'static>> {
    Ok(AttValue {
        attrib: gen_attrib(u)?,
        value: gen_value(u)?,
    })
}

pub(super) fn gen_entry_att(u: &mut Unstructured<'_>) -> Result<EntryAtt<'static>> {
    Ok(EntryAtt {
        entry: gen_entry(u)?,
        values: list1(u, 3, gen_att_value)?,
    })
}

pub(super) fn gen_annotation_fetch(u: &mut Unstructured<'_>) -> Result<AnnotationFetch<'static>> {
    Ok(AnnotationFetch {
        entries: list1(u, 3, |u| {
            Ok(if u.arbitrary()? {
                ListMailbox::from(pick(u, &["/comment", "/%", "*", "/a b"])?)
            } else {
                gen_list_mailbox(u)?
            })
        })?,
        attribs: list1(u, 3, gen_attrib)?,
    })
}

pub(super) fn gen_annotation_data(u: &mut Unstructured<'_>) -> Result<AnnotationData<'static>> {
    Ok(if u.arbitrary()? {
        AnnotationData::Values(list1(u, 3, gen_entry_att)?)
    } else {
        AnnotationData::Entries(list1(u, 3, gen_entry)?)
    })
}

pub(super) fn gen_att_search(u: &mut Unstructured<'_>) -> Result<AttSearch> {
    pick(
        u,
        &[
            AttSearch::Value,
            AttSearch::ValuePriv,
            AttSearch::ValueShared,
        ],
    )
}

pub(super) fn gen_att_sort(u: &mut Unstructured<'_>) -> Result<AttSort> {
    pick(u, &[AttSort::ValuePriv, AttSort::ValueShared])
}

pub(super) fn gen_annotation_search(u: &mut Unstructured<'_>) -> Result<AnnotationSearch<'static>> {
    Ok(AnnotationSearch {
        entry: gen_list_mailbox(u)?,
        attrib: gen_att_search(u)?,
        value: gen_value(u)?,
    })
}
