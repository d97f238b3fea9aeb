//! Strategies for the message structure a FETCH response carries:
//! addresses, envelopes, body extensions, and [`BodyStructure`] MIME
//! trees of single parts, multiparts and MESSAGE/RFC822 parts, now and
//! then a chain of multiparts almost [`MAX_NESTING`](super::MAX_NESTING)
//! deep.

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::{istring, nstring, number, number64, MAX_NESTING, S};

/// `address`.
pub fn address() -> S<Address<'static>> {
    (nstring(), nstring(), nstring(), nstring())
        .prop_map(|(name, adl, mailbox, host)| Address {
            name,
            adl,
            mailbox,
            host,
        })
        .boxed()
}

/// `envelope`.
pub fn envelope() -> S<Envelope<'static>> {
    let addrs = || vec(address(), 0..3);
    (
        (nstring(), nstring(), nstring(), nstring()),
        (addrs(), addrs(), addrs(), addrs(), addrs(), addrs()),
    )
        .prop_map(
            |((date, subject, in_reply_to, message_id), (from, sender, reply_to, to, cc, bcc))| {
                Envelope {
                    date,
                    subject,
                    from,
                    sender,
                    reply_to,
                    to,
                    cc,
                    bcc,
                    in_reply_to,
                    message_id,
                }
            },
        )
        .boxed()
}

fn params() -> S<BodyFldParam<'static>> {
    vec((istring(), nstring()), 0..3).boxed()
}

fn disposition() -> S<Option<Disposition<'static>>> {
    proptest::option::of(
        (istring(), params()).prop_map(|(kind, params)| Disposition { kind, params }),
    )
    .boxed()
}

/// `body-extension`.
pub fn body_extension() -> S<BodyExtension<'static>> {
    prop_oneof![
        nstring().prop_map(BodyExtension::NString),
        number64().prop_map(BodyExtension::Number),
    ]
    .prop_recursive(4, 12, 3, |inner| {
        vec(inner, 1..3)
            .prop_map(|v| BodyExtension::List(BodyExtensionList::new(v).expect("non-empty")))
    })
    .boxed()
}

fn body_fields() -> S<BodyFields<'static>> {
    let encoding = prop_oneof![
        select(
            &[
                "7BIT",
                "8BIT",
                "BINARY",
                "BASE64",
                "QUOTED-PRINTABLE",
                "x-uuencode"
            ][..]
        )
        .prop_map(|s| Some(IString::from(s))),
        nstring(),
    ];
    (params(), nstring(), nstring(), encoding, number())
        .prop_map(|(params, id, description, encoding, octets)| BodyFields {
            params,
            id,
            description,
            encoding,
            octets,
        })
        .boxed()
}

fn media(words: &'static [&'static str]) -> S<NString<'static>> {
    prop_oneof![
        2 => select(words).prop_map(|s| Some(IString::from(s))),
        1 => nstring(),
    ]
    .boxed()
}

fn ext_1part() -> S<Option<BodyExt1Part<'static>>> {
    proptest::option::of(
        (
            nstring(),
            disposition(),
            vec(istring(), 0..3),
            nstring(),
            vec(body_extension(), 0..2),
        )
            .prop_map(
                |(md5, disposition, language, location, extensions)| BodyExt1Part {
                    md5,
                    disposition,
                    language,
                    location,
                    extensions,
                },
            ),
    )
    .boxed()
}

fn ext_mpart() -> S<Option<BodyExtMpart<'static>>> {
    proptest::option::of(
        (
            params(),
            disposition(),
            vec(istring(), 0..3),
            nstring(),
            vec(body_extension(), 0..2),
        )
            .prop_map(|(params, disposition, language, location, extensions)| {
                BodyExtMpart {
                    params,
                    disposition,
                    language,
                    location,
                    extensions,
                }
            }),
    )
    .boxed()
}

fn single(kind: S<PartKind<'static>>) -> S<BodyStructure<'static>> {
    (kind, body_fields(), ext_1part())
        .prop_map(|(kind, fields, extension)| {
            BodyStructure::Single(SinglePart {
                kind,
                fields,
                extension,
            })
        })
        .boxed()
}

fn leaf_kind() -> S<PartKind<'static>> {
    prop_oneof![
        (
            media(&["APPLICATION", "IMAGE", "AUDIO", "VIDEO", "FONT", "MODEL"]),
            media(&["OCTET-STREAM", "PNG", "pdf"])
        )
            .prop_map(|(media_type, subtype)| PartKind::Basic {
                media_type,
                subtype
            }),
        (media(&["PLAIN", "HTML", "plain"]), number64())
            .prop_map(|(subtype, lines)| PartKind::Text { subtype, lines }),
    ]
    .boxed()
}

fn multi(bodies: Vec<BodyStructure<'static>>) -> S<BodyStructure<'static>> {
    (media(&["MIXED", "ALTERNATIVE", "RELATED"]), ext_mpart())
        .prop_map(move |(subtype, extension)| {
            let mut m = MultiPart::new(bodies.clone(), subtype).expect("non-empty");
            m.extension = extension;
            BodyStructure::Multi(m)
        })
        .boxed()
}

/// A chain of `depth` multipart levels around a leaf.
fn body_chain(depth: u32) -> S<BodyStructure<'static>> {
    single(leaf_kind())
        .prop_map(move |leaf| {
            (0..depth).fold(leaf, |b, _| {
                BodyStructure::Multi(MultiPart::new(vec![b], None).expect("non-empty"))
            })
        })
        .boxed()
}

/// `body`: a MIME tree of single parts, multiparts and MESSAGE/RFC822
/// parts, now and then a deep chain.
pub fn body_structure() -> S<BodyStructure<'static>> {
    let tree = single(leaf_kind()).prop_recursive(4, 16, 3, |inner| {
        prop_oneof![
            vec(inner.clone(), 1..3).prop_flat_map(multi),
            (
                select(&[MessageSubtype::Rfc822, MessageSubtype::Global][..]),
                envelope(),
                inner,
                number64()
            )
                .prop_flat_map(|(subtype, env, body, lines)| single(
                    Just(PartKind::Message {
                        subtype,
                        envelope: Box::new(env),
                        body: Box::new(body),
                        lines,
                    })
                    .boxed()
                )),
        ]
    });
    prop_oneof![
        15 => tree,
        1 => (1..=MAX_NESTING - 2).prop_flat_map(body_chain),
    ]
    .boxed()
}
