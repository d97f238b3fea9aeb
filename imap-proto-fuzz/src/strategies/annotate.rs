//! Strategies for ANNOTATE (RFC 5257): entries, attributes, values (NUL
//! octets and `NIL` among them), the fetch item, FETCH data, the search
//! and sort keys and the STORE item.

use imap_proto::types::*;
use proptest::prelude::*;
use proptest::sample::select;

use super::{astring, list_mailbox, non_empty, nstring, S};

fn entry() -> S<AString<'static>> {
    prop_oneof![
        select(&["/comment", "/altsubject", ""][..]).prop_map(AString::from),
        astring(),
    ]
    .boxed()
}

fn attrib() -> S<AString<'static>> {
    prop_oneof![
        select(&["value", "value.priv", "value.shared"][..]).prop_map(AString::from),
        astring(),
    ]
    .boxed()
}

fn value() -> S<NString<'static>> {
    prop_oneof![
        Just(None),
        Just(Some(IString::from(b"a\0b".to_vec()))),
        nstring(),
    ]
    .boxed()
}

fn att_search() -> S<AttSearch> {
    select(
        &[
            AttSearch::Value,
            AttSearch::ValuePriv,
            AttSearch::ValueShared,
        ][..],
    )
    .boxed()
}

/// `entry-att`.
pub fn entry_att() -> S<EntryAtt<'static>> {
    (
        entry(),
        non_empty(
            (attrib(), value())
                .prop_map(|(attrib, value)| AttValue { attrib, value })
                .boxed(),
            1..3,
        ),
    )
        .prop_map(|(entry, values)| EntryAtt { entry, values })
        .boxed()
}

/// The ANNOTATION fetch item.
pub fn annotation_fetch() -> S<AnnotationFetch<'static>> {
    (non_empty(list_mailbox(), 1..3), non_empty(attrib(), 1..3))
        .prop_map(|(entries, attribs)| AnnotationFetch { entries, attribs })
        .boxed()
}

/// ANNOTATION FETCH data.
pub fn annotation_data() -> S<AnnotationData<'static>> {
    prop_oneof![
        non_empty(entry_att(), 1..3).prop_map(AnnotationData::Values),
        non_empty(entry(), 1..3).prop_map(AnnotationData::Entries),
    ]
    .boxed()
}

/// The ANNOTATION search key.
pub fn annotation_search() -> S<AnnotationSearch<'static>> {
    (list_mailbox(), att_search(), value())
        .prop_map(|(entry, attrib, value)| AnnotationSearch {
            entry,
            attrib,
            value,
        })
        .boxed()
}

/// The ANNOTATION sort key.
pub(super) fn annotation_sort_key() -> S<SortKey<'static>> {
    (
        astring(),
        select(&[AttSort::ValuePriv, AttSort::ValueShared][..]),
    )
        .prop_map(|(entry, attrib)| SortKey::Annotation { entry, attrib })
        .boxed()
}
