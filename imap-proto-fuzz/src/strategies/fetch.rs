//! Strategies for FETCH: body sections and partial ranges, the
//! attributes a FETCH command asks for, its modifiers (CHANGEDSINCE,
//! VANISHED, PARTIAL, unknown ones), and the items of a FETCH response
//! (envelopes and body structures come from `body.rs`).

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::search::partial_range;
use super::{
    astring, atom, atom_text, body_structure, command_part, datetime, envelope, ext_name, flags,
    nstring, number64, nz, nz_number64, objectid, raw_text, raw_value, sequence_set, S,
};

fn section_part() -> S<SectionPart> {
    vec(nz(), 1..4)
        .prop_map(|v| SectionPart::new(v).expect("non-empty"))
        .boxed()
}

fn msgtext() -> S<SectionMsgtext<'static>> {
    prop_oneof![
        Just(SectionMsgtext::Header),
        Just(SectionMsgtext::Text),
        vec(astring(), 0..3).prop_map(SectionMsgtext::HeaderFields),
        vec(astring(), 0..3).prop_map(SectionMsgtext::HeaderFieldsNot),
    ]
    .boxed()
}

/// `section`.
pub fn section() -> S<Section<'static>> {
    prop_oneof![
        proptest::option::of(msgtext()).prop_map(Section::Message),
        (
            section_part(),
            proptest::option::of(prop_oneof![
                Just(SectionText::Mime),
                msgtext().prop_map(SectionText::Msgtext)
            ])
        )
            .prop_map(|(p, t)| Section::Part(p, t)),
    ]
    .boxed()
}

fn partial() -> S<Option<Partial>> {
    proptest::option::of(
        (number64(), nz_number64()).prop_map(|(origin, length)| Partial { origin, length }),
    )
    .boxed()
}

/// `fetch-att`.
pub fn fetch_attribute() -> S<FetchAttribute<'static>> {
    use FetchAttribute as A;
    prop_oneof![
        3 => select(&[
            A::Envelope,
            A::Flags,
            A::InternalDate,
            A::Rfc822,
            A::Rfc822Header,
            A::Rfc822Size,
            A::Rfc822Text,
            A::Body,
            A::BodyStructure,
            A::Uid,
            A::ModSeq,
            A::EmailId,
            A::ThreadId,
            A::SaveDate,
            A::Preview { lazy: false },
            A::Preview { lazy: true },
            A::Snippet { lazy: false },
            A::Snippet { lazy: true },
        ][..]),
        2 => (any::<bool>(), section(), partial()).prop_map(|(peek, section, partial)| A::BodySection {
            peek,
            section,
            partial,
        }),
        1 => (any::<bool>(), proptest::option::of(section_part()), partial())
            .prop_map(|(peek, section, partial)| A::Binary { peek, section, partial }),
        1 => proptest::option::of(section_part()).prop_map(|section| A::BinarySize { section }),
        1 => atom_text().prop_filter_map("a known attribute", |s| FetchAttributeName::new(s).ok().map(A::Other)),
        1 => super::gmail::gmail_fetch_attribute().prop_map(A::Gmail),
        1 => super::annotate::annotation_fetch().prop_map(A::Annotation),
    ]
    .boxed()
}

fn fetch_modifier() -> S<FetchModifier<'static>> {
    let other = (ext_name(), proptest::option::of(raw_text(true))).prop_filter_map(
        "did not parse as one modifier",
        |(name, value)| {
            let mut w = format!("A FETCH 1 FLAGS ({name}").into_bytes();
            if let Some(v) = value {
                w.push(b' ');
                w.extend(v);
            }
            w.extend_from_slice(b")\r\n");
            command_part(w, |b| match b {
                CommandBody::Fetch { mut args, .. } if args.modifiers.len() == 1 => {
                    args.modifiers.pop().map(FetchModifier::into_owned)
                }
                _ => None,
            })
        },
    );
    prop_oneof![
        number64().prop_map(FetchModifier::ChangedSince),
        Just(FetchModifier::Vanished),
        partial_range().prop_map(FetchModifier::Partial),
        other,
    ]
    .boxed()
}

/// FETCH arguments.
pub fn fetch_args() -> S<FetchArgs<'static>> {
    let attributes = prop_oneof![
        1 => select(&[FetchAttributes::All, FetchAttributes::Fast, FetchAttributes::Full][..]),
        4 => vec(fetch_attribute(), 0..5).prop_map(FetchAttributes::List),
    ];
    (sequence_set(), attributes, vec(fetch_modifier(), 0..2))
        .prop_map(|(sequence_set, attributes, modifiers)| FetchArgs {
            sequence_set,
            attributes,
            modifiers,
        })
        .boxed()
}

fn item_name() -> S<MessageDataItemName<'static>> {
    (
        ext_name(),
        proptest::option::of(select(
            &["[]", "[1.2]", "[HEADER.FIELDS (A)]<0>", "[x]y"][..],
        )),
    )
        .prop_filter_map("a known item", |(n, s)| {
            MessageDataItemName::new(format!("{n}{}", s.unwrap_or(""))).ok()
        })
        .boxed()
}

/// One FETCH response item.
pub fn message_data_item() -> S<MessageDataItem<'static>> {
    use MessageDataItem as M;
    let origin = proptest::option::of(number64());
    prop_oneof![
        flags().prop_map(M::Flags),
        envelope().prop_map(|e| M::Envelope(Box::new(e))),
        datetime().prop_map(M::InternalDate),
        number64().prop_map(M::Rfc822Size),
        nstring().prop_map(M::Rfc822),
        nstring().prop_map(M::Rfc822Header),
        nstring().prop_map(M::Rfc822Text),
        body_structure().prop_map(|b| M::Body(Box::new(b))),
        body_structure().prop_map(|b| M::BodyStructure(Box::new(b))),
        (section(), origin.clone(), nstring()).prop_map(|(section, origin, data)| M::BodySection {
            section,
            origin,
            data,
        }),
        (proptest::option::of(section_part()), origin, nstring()).prop_map(
            |(section, origin, data)| M::Binary {
                section,
                origin,
                data
            }
        ),
        (proptest::option::of(section_part()), number64())
            .prop_map(|(section, size)| M::BinarySize { section, size }),
        nz().prop_map(M::Uid),
        number64().prop_map(M::ModSeq),
        objectid().prop_map(M::EmailId),
        proptest::option::of(objectid()).prop_map(M::ThreadId),
        proptest::option::of(datetime()).prop_map(M::SaveDate),
        nstring().prop_map(M::Preview),
        (atom(), nstring()).prop_map(|(algorithm, text)| M::Snippet { algorithm, text }),
        (item_name(), raw_value()).prop_map(|(name, value)| M::Other { name, value }),
        super::gmail::gmail_data_item().prop_map(M::Gmail),
        super::annotate::annotation_data().prop_map(M::Annotation),
        malformed_item().prop_map(M::Malformed),
    ]
    .boxed()
}

/// A known item kept raw (only the parser builds these): a known name and a
/// quirk of a real server or a generated raw value, read back from a FETCH
/// response; the pairs that parse typed are filtered out.
pub fn malformed_item() -> S<MalformedItem<'static>> {
    let name = select(
        &[
            "MODSEQ",
            "INTERNALDATE",
            "uid",
            "ENVELOPE",
            "BODYSTRUCTURE",
            "BODY",
            "FLAGS",
            "RFC822.SIZE",
            "BODY[]<0>",
            "BODY[1.X]",
            "binary.size[]",
            "SAVEDATE",
        ][..],
    );
    let quirk = select(&[
        "(-1)",
        "NIL",
        "\"8-Mar-2023 12:16:47\"",
        "(\"d\" \"s\" NIL NIL NIL NIL NIL NIL \"<id>\")",
        "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"RELATED\" NIL (\"A\" NIL) NIL) \"MIXED\")",
        "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1 (NIL) () 0)",
        "(\\Seen \"x\")",
        "{2}\r\n-1",
    ][..])
    .prop_map(|q| q.as_bytes().to_vec());
    let value = prop_oneof![quirk, raw_text(false)];
    (name, value)
        .prop_filter_map("parsed typed", |(name, value)| {
            let mut w = format!("* 1 FETCH ({name} ").into_bytes();
            w.extend(value);
            w.extend_from_slice(b")\r\n");
            super::response_part(w, |r| match r {
                Response::Data(Data::Fetch { mut items, .. }) if items.len() == 1 => {
                    match items.pop() {
                        Some(MessageDataItem::Malformed(m)) => Some(m.into_owned()),
                        _ => None,
                    }
                }
                _ => None,
            })
        })
        .boxed()
}
