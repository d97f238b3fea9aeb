//! Fetch: sections, partials, FETCH attributes and modifiers (the command
//! side), and message data items (the response side; their envelopes and
//! body structures come from [`super::body`]).

use ::arbitrary::{Result, Unstructured};

use super::body::{gen_body, gen_envelope};
use super::raw::{gen_raw_value, raw_value_bytes, via_command, via_response};
use super::search::gen_nz_pair;
// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_section_part(u: &mut Unstructured<'_>) -> Result<SectionPart> {
    Ok(SectionPart::new(list(u, 1, 4, gen_nz)?).expect("at least one"))
}

pub(super) fn gen_msgtext(u: &mut Unstructured<'_>) -> Result<SectionMsgtext<'static>> {
    Ok(match small(u, 3)? {
        0 => SectionMsgtext::Header,
        1 => SectionMsgtext::HeaderFields(list(u, 0, 3, gen_astring)?),
        2 => SectionMsgtext::HeaderFieldsNot(list(u, 0, 3, gen_astring)?),
        _ => SectionMsgtext::Text,
    })
}

pub(super) fn gen_section(u: &mut Unstructured<'_>) -> Result<Section<'static>> {
    Ok(if u.arbitrary()? {
        Section::Message(if u.arbitrary()? {
            Some(gen_msgtext(u)?)
        } else {
            None
        })
    } else {
        let part = gen_section_part(u)?;
        let text = match small(u, 2)? {
            0 => None,
            1 => Some(SectionText::Mime),
            _ => Some(SectionText::Msgtext(gen_msgtext(u)?)),
        };
        Section::Part(part, text)
    })
}

pub(super) fn gen_partial(u: &mut Unstructured<'_>) -> Result<Option<Partial>> {
    Ok(if u.arbitrary()? {
        Some(Partial {
            origin: gen_n64(u)?,
            length: gen_nz64(u)?,
        })
    } else {
        None
    })
}

pub(super) fn gen_opt_part(u: &mut Unstructured<'_>) -> Result<Option<SectionPart>> {
    Ok(if u.arbitrary()? {
        Some(gen_section_part(u)?)
    } else {
        None
    })
}

pub(super) fn gen_fetch_attribute(u: &mut Unstructured<'_>) -> Result<FetchAttribute<'static>> {
    use FetchAttribute as A;
    Ok(match small(u, 23)? {
        0 => A::Envelope,
        1 => A::Flags,
        2 => A::InternalDate,
        3 => A::Rfc822,
        4 => A::Rfc822Header,
        5 => A::Rfc822Size,
        6 => A::Rfc822Text,
        7 => A::Body,
        8 => A::BodyStructure,
        9 => A::Uid,
        10 | 11 => A::BodySection {
            peek: u.arbitrary()?,
            section: gen_section(u)?,
            partial: gen_partial(u)?,
        },
        12 => A::Binary {
            peek: u.arbitrary()?,
            section: gen_opt_part(u)?,
            partial: gen_partial(u)?,
        },
        13 => A::BinarySize {
            section: gen_opt_part(u)?,
        },
        14 => A::ModSeq,
        15 => A::EmailId,
        16 => A::ThreadId,
        17 => A::SaveDate,
        18 => A::Preview {
            lazy: u.arbitrary()?,
        },
        19 => A::Snippet {
            lazy: u.arbitrary()?,
        },
        20 => A::Gmail(super::gmail::gen_gmail_fetch_attribute(u)?),
        21 => A::Annotation(super::annotate::gen_annotation_fetch(u)?),
        _ => match FetchAttributeName::new(to_string(atom_bytes(u)?)) {
            Ok(n) => A::Other(n),
            Err(_) => A::Uid,
        },
    })
}

pub(super) fn gen_fetch_modifier(u: &mut Unstructured<'_>) -> Result<FetchModifier<'static>> {
    Ok(match small(u, 3)? {
        0 => FetchModifier::ChangedSince(gen_n64(u)?),
        1 => FetchModifier::Vanished,
        2 => FetchModifier::Partial(gen_nz_pair(u)?),
        _ => {
            let mut b = b"A FETCH 1 FLAGS (".to_vec();
            b.extend_from_slice(name_text(u, &["X-MOD", "vanished"])?.as_bytes());
            if u.arbitrary()? {
                b.push(b' ');
                b.extend(raw_value_bytes(u, true)?);
            }
            b.extend_from_slice(b")\r\n");
            via_command(&b, |body| match body {
                CommandBody::Fetch { mut args, .. } if args.modifiers.len() == 1 => {
                    args.modifiers.pop().map(FetchModifier::into_owned)
                }
                _ => None,
            })
            .unwrap_or(FetchModifier::Vanished)
        }
    })
}

pub(super) fn gen_fetch_args(u: &mut Unstructured<'_>) -> Result<FetchArgs<'static>> {
    let attributes = match small(u, 5)? {
        0 => FetchAttributes::All,
        1 => FetchAttributes::Fast,
        2 => FetchAttributes::Full,
        _ => FetchAttributes::List(list(u, 0, 5, gen_fetch_attribute)?),
    };
    Ok(FetchArgs {
        sequence_set: gen_seq_set(u)?,
        attributes,
        modifiers: list(u, 0, 2, gen_fetch_modifier)?,
    })
}

pub(super) fn gen_item_name(u: &mut Unstructured<'_>) -> Result<MessageDataItemName<'static>> {
    let mut s = name_text(u, &["X-SCORE", "flags", "BODY"])?;
    if u.arbitrary()? {
        s.push_str(pick(
            u,
            &["[1.2]", "[]", "[HEADER.FIELDS (A B)]", "[x]<0>"],
        )?);
    }
    Ok(MessageDataItemName::new(s)
        .unwrap_or_else(|_| MessageDataItemName::new("X-ITEM").expect("an item name")))
}

pub(super) fn gen_message_data_item(
    u: &mut Unstructured<'_>,
    d: u32,
) -> Result<MessageDataItem<'static>> {
    use MessageDataItem as M;
    let origin = |u: &mut Unstructured<'_>| -> Result<Option<Number64>> {
        Ok(if u.arbitrary()? {
            Some(gen_n64(u)?)
        } else {
            None
        })
    };
    Ok(match small(u, 24)? {
        0 => M::Flags(list(u, 0, 4, gen_flag)?),
        1 => M::Envelope(Box::new(gen_envelope(u)?)),
        2 => M::InternalDate(gen_datetime(u)?),
        3 => M::Rfc822Size(gen_n64(u)?),
        4 => M::Rfc822(gen_nstring(u)?),
        5 => M::Rfc822Header(gen_nstring(u)?),
        6 => M::Rfc822Text(gen_nstring(u)?),
        7 => M::Body(Box::new(gen_body(u, d)?)),
        8 | 9 => M::BodyStructure(Box::new(gen_body(u, d)?)),
        10 => M::BodySection {
            section: gen_section(u)?,
            origin: origin(u)?,
            data: gen_nstring(u)?,
        },
        11 => M::Binary {
            section: gen_opt_part(u)?,
            origin: origin(u)?,
            data: gen_nstring(u)?,
        },
        12 => M::BinarySize {
            section: gen_opt_part(u)?,
            size: gen_n64(u)?,
        },
        13 => M::Uid(gen_nz(u)?),
        14 => M::ModSeq(gen_n64(u)?),
        15 => M::EmailId(gen_objectid(u)?),
        16 => M::ThreadId(if u.arbitrary()? {
            Some(gen_objectid(u)?)
        } else {
            None
        }),
        17 => M::SaveDate(if u.arbitrary()? {
            Some(gen_datetime(u)?)
        } else {
            None
        }),
        18 => M::Preview(gen_nstring(u)?),
        19 => M::Snippet {
            algorithm: gen_atom(u)?,
            text: gen_nstring(u)?,
        },
        20 => M::Gmail(super::gmail::gen_gmail_data_item(u)?),
        21 => M::Annotation(super::annotate::gen_annotation_data(u)?),
        22 => M::Malformed(gen_malformed_item(u)?),
        _ => M::Other {
            name: gen_item_name(u)?,
            value: gen_raw_value(u)?,
        },
    })
}

/// A known item with a value its grammar refuses (only the parser builds
/// these): a known name and a raw value, or a quirk of a real server, read
/// back from a FETCH response; Zoho's `MODSEQ (-1)` when the pair parses
/// as something else.
pub(super) fn gen_malformed_item(u: &mut Unstructured<'_>) -> Result<MalformedItem<'static>> {
    const NAMES: &[&str] = &[
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
        "EMAILID",
        "SAVEDATE",
    ];
    const QUIRKS: &[&[u8]] = &[
        b"(-1)",
        b"NIL",
        b"\"8-Mar-2023 12:16:47\"",
        b"(\"d\" \"s\" NIL NIL NIL NIL NIL NIL \"<id>\")",
        b"((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)(\"RELATED\" NIL (\"A\" NIL) NIL) \"MIXED\")",
        b"(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1 (NIL) () 0)",
        b"(\\Seen \"x\")",
        b"{2}\r\n-1",
    ];
    let mut b = b"* 1 FETCH (".to_vec();
    b.extend_from_slice(pick(u, NAMES)?.as_bytes());
    b.push(b' ');
    if u.arbitrary()? {
        b.extend_from_slice(pick(u, QUIRKS)?);
    } else {
        b.extend(raw_value_bytes(u, true)?);
    }
    b.extend_from_slice(b")\r\n");
    let one = |b: &[u8]| {
        via_response(b, |r| match r {
            Response::Data(Data::Fetch { mut items, .. }) if items.len() == 1 => {
                match items.pop() {
                    Some(MessageDataItem::Malformed(m)) => Some(m.into_owned()),
                    _ => None,
                }
            }
            _ => None,
        })
    };
    Ok(one(&b).unwrap_or_else(|| {
        one(b"* 1 FETCH (MODSEQ (-1))\r\n").expect("Zoho's MODSEQ (-1) is kept raw")
    }))
}
