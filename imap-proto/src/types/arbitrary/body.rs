//! Body structures: addresses and envelopes, body fields and parameters,
//! dispositions, extension data and single or multipart bodies nested
//! within a depth budget.

use ::arbitrary::{Result, Unstructured};

// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_address(u: &mut Unstructured<'_>) -> Result<Address<'static>> {
    Ok(Address {
        name: gen_nstring(u)?,
        adl: gen_nstring(u)?,
        mailbox: gen_nstring(u)?,
        host: gen_nstring(u)?,
    })
}

pub(super) fn gen_addresses(u: &mut Unstructured<'_>) -> Result<Vec<Address<'static>>> {
    list(u, 0, 3, gen_address)
}

pub(super) fn gen_envelope(u: &mut Unstructured<'_>) -> Result<Envelope<'static>> {
    Ok(Envelope {
        date: gen_nstring(u)?,
        subject: gen_nstring(u)?,
        from: gen_addresses(u)?,
        sender: gen_addresses(u)?,
        reply_to: gen_addresses(u)?,
        to: gen_addresses(u)?,
        cc: gen_addresses(u)?,
        bcc: gen_addresses(u)?,
        in_reply_to: gen_nstring(u)?,
        message_id: gen_nstring(u)?,
    })
}

pub(super) fn gen_params(u: &mut Unstructured<'_>) -> Result<BodyFldParam<'static>> {
    list(u, 0, 3, |u| Ok((gen_istring(u)?, gen_nstring(u)?)))
}

pub(super) fn gen_disposition(u: &mut Unstructured<'_>) -> Result<Option<Disposition<'static>>> {
    Ok(if u.arbitrary()? {
        Some(Disposition {
            kind: gen_istring(u)?,
            params: gen_params(u)?,
        })
    } else {
        None
    })
}

pub(super) fn gen_body_extension(
    u: &mut Unstructured<'_>,
    d: u32,
) -> Result<BodyExtension<'static>> {
    Ok(match small(u, if d == 0 { 1 } else { 2 })? {
        0 => BodyExtension::NString(gen_nstring(u)?),
        1 => BodyExtension::Number(gen_n64(u)?),
        _ => BodyExtension::List(
            BodyExtensionList::new(list(u, 1, 3, |u| gen_body_extension(u, d - 1))?)
                .expect("at least one"),
        ),
    })
}

pub(super) fn gen_body_fields(u: &mut Unstructured<'_>) -> Result<BodyFields<'static>> {
    Ok(BodyFields {
        params: gen_params(u)?,
        id: gen_nstring(u)?,
        description: gen_nstring(u)?,
        encoding: if u.arbitrary()? {
            Some(IString::from(pick(
                u,
                &[
                    "7BIT",
                    "8BIT",
                    "BINARY",
                    "BASE64",
                    "QUOTED-PRINTABLE",
                    "base64",
                ],
            )?))
        } else {
            gen_nstring(u)?
        },
        octets: gen_u32(u)?,
    })
}

pub(super) fn gen_media_word(
    u: &mut Unstructured<'_>,
    words: &[&'static str],
) -> Result<NString<'static>> {
    Ok(match small(u, 3)? {
        0 | 1 => Some(IString::from(pick(u, words)?)),
        _ => gen_nstring(u)?,
    })
}

pub(super) fn gen_body(u: &mut Unstructured<'_>, d: u32) -> Result<BodyStructure<'static>> {
    let deeper = d > 2;
    let with_ext = u.arbitrary()?;
    if deeper && small(u, 3)? == 0 {
        let bodies = list(u, 1, 3, |u| gen_body(u, d - 1))?;
        let subtype = gen_media_word(u, &["MIXED", "ALTERNATIVE", "RELATED"])?;
        let mut m = MultiPart::new(bodies, subtype).expect("at least one body");
        if with_ext {
            m.extension = Some(BodyExtMpart {
                params: gen_params(u)?,
                disposition: gen_disposition(u)?,
                language: list(u, 0, 2, gen_istring)?,
                location: gen_nstring(u)?,
                extensions: list(u, 0, 2, |u| gen_body_extension(u, 3.min(d - 2)))?,
            });
        }
        return Ok(BodyStructure::Multi(m));
    }
    let kind = match small(u, if deeper { 3 } else { 2 })? {
        0 => PartKind::Basic {
            media_type: gen_media_word(u, &["APPLICATION", "IMAGE", "AUDIO", "VIDEO", "FONT"])?,
            subtype: gen_media_word(u, &["OCTET-STREAM", "PNG", "PDF"])?,
        },
        1 | 2 => PartKind::Text {
            subtype: gen_media_word(u, &["PLAIN", "HTML", "plain"])?,
            lines: gen_n64(u)?,
        },
        _ => PartKind::Message {
            subtype: pick(u, &[MessageSubtype::Rfc822, MessageSubtype::Global])?,
            envelope: Box::new(gen_envelope(u)?),
            body: Box::new(gen_body(u, d - 2)?),
            lines: gen_n64(u)?,
        },
    };
    let extension = if with_ext {
        Some(BodyExt1Part {
            md5: gen_nstring(u)?,
            disposition: gen_disposition(u)?,
            language: list(u, 0, 2, gen_istring)?,
            location: gen_nstring(u)?,
            extensions: list(u, 0, 2, |u| gen_body_extension(u, 3.min(d)))?,
        })
    } else {
        None
    };
    Ok(BodyStructure::Single(SinglePart {
        kind,
        fields: gen_body_fields(u)?,
        extension,
    }))
}
