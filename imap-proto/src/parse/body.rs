//! The grammar of ENVELOPE and BODY / BODYSTRUCTURE (RFC 9051 §9, the
//! union with RFC 3501 §9).
//!
//! Body structures nest (multiparts, message/rfc822 parts, extension
//! lists): every level goes through `Depth::enter`, so no input can
//! overflow the stack.
//!
//! Quirks of real servers that are read here (each re-encodes strictly and
//! parses back to the same value, see the tests):
//! - `NIL` for a media type, subtype or body-fld-enc (Apple iCloud, maddy)
//!   and for a parameter value (Exchange 2010, mail.ru): kept as `NIL`;
//! - `-1` for body-fld-octets or body-fld-lines (size unknown): read as 0;
//! - a bare string for body-fld-dsp (Exchange: `"inline"`): a disposition
//!   without parameters;
//! - `()` for an empty parameter list, address list or language list;
//! - lowercase keywords, doubled spaces, spaces between the bodies of a
//!   multipart and between addresses;
//! - a TEXT part without its line count, a MESSAGE/RFC822 part without its
//!   envelope: read as a basic part;
//! - a part without its subtype (the parameter list right after the type),
//!   a multipart without its subtype (`)` right after the parts): a `NIL`
//!   subtype;
//! - `NIL` inside an address list (MailKit issue #991): skipped;
//! - an envelope of nine fields whose last is `NIL` (MailKit issue #669):
//!   a `NIL` message-id (whichever field is missing, both are `NIL`).
//!
//! Each of these is tried only where the strict reading has already
//! failed. What no reading fits fails here, and the FETCH item keeps its
//! value raw (see `parse::fetch`).

use super::core::{nil, nstring, number64, sp, string};
use super::{fail, Depth, PResult};
use crate::types::{
    Address, BodyExt1Part, BodyExtMpart, BodyExtension, BodyExtensionList, BodyFields,
    BodyFldParam, BodyStructure, Disposition, Envelope, IString, MessageSubtype, MultiPart,
    NString, Number64, PartKind, SinglePart,
};

/// Skips the spaces before `)`, leniently; `Some(rest)` if another item
/// follows (after one or more spaces), `None` if the list ends here.
#[inline]
fn more(i: &[u8]) -> Option<&[u8]> {
    let n = i.iter().take_while(|&&b| b == b' ').count();
    match i.get(n) {
        Some(b')') | None => None,
        _ if n > 0 => Some(&i[n..]),
        _ => None,
    }
}

/// Expects `")"`, after optional spaces (lenient).
#[inline]
fn close<'a>(i: &'a [u8], what: &'static str) -> PResult<'a, ()> {
    let n = i.iter().take_while(|&&b| b == b' ').count();
    match i.get(n) {
        Some(b')') => Ok((&i[n + 1..], ())),
        _ => fail(&i[n..], what),
    }
}

/// Expects `"("`, then skips spaces (lenient).
#[inline]
fn open<'a>(i: &'a [u8], what: &'static str) -> PResult<'a, ()> {
    match i.first() {
        Some(b'(') => {
            let n = i[1..].iter().take_while(|&&b| b == b' ').count();
            Ok((&i[1 + n..], ()))
        }
        _ => fail(i, what),
    }
}

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP
/// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
/// env-message-id ")"` (RFC 9051 §9).
///
/// The envelope does not recurse, but its caller's depth is checked once
/// for the nesting it adds.
pub(crate) fn envelope(i: &[u8], depth: Depth) -> PResult<'_, Envelope<'_>> {
    depth.enter(i)?;
    let (i, ()) = open(i, "\"(\" opening an envelope")?;
    let (i, date) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, subject) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, from) = env_addresses(i)?;
    let (i, ()) = sp(i)?;
    let (i, sender) = env_addresses(i)?;
    let (i, ()) = sp(i)?;
    let (i, reply_to) = env_addresses(i)?;
    let (i, ()) = sp(i)?;
    let (i, to) = env_addresses(i)?;
    let (i, ()) = sp(i)?;
    let (i, cc) = env_addresses(i)?;
    let (i, ()) = sp(i)?;
    let (i, bcc) = env_addresses(i)?;
    let (i, ()) = sp(i)?;
    let (i, in_reply_to) = nstring(i)?;
    let (i, message_id) = match more(i) {
        Some(r) => nstring(r)?,
        // Nine fields, the last NIL (MailKit issue #669): whichever field
        // is missing, both it and the tenth are NIL.
        None if in_reply_to.is_none() => (i, None),
        None => return fail(i, "SP before env-message-id"),
    };
    let (i, ()) = close(i, "\")\" closing an envelope")?;
    Ok((
        i,
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
        },
    ))
}

/// `env-from = "(" 1*address ")" / nil`, and likewise `env-sender`,
/// `env-reply-to`, `env-to`, `env-cc`, `env-bcc` (RFC 9051 §9). Lenient:
/// `()` is read as `NIL`, and spaces between addresses are skipped.
fn env_addresses(i: &[u8]) -> PResult<'_, Vec<Address<'_>>> {
    match i.first() {
        Some(b'(') => {
            let (mut i, ()) = open(i, "\"(\"")?;
            let mut out = Vec::new();
            loop {
                match i.first() {
                    Some(b')') => return Ok((&i[1..], out)),
                    Some(b' ') => i = &i[1..],
                    // `NIL` in the list, which says nothing (MailKit issue
                    // #991): skipped.
                    Some(b'N' | b'n') => i = nil(i)?.0,
                    _ => {
                        let (r, a) = address(i)?;
                        out.push(a);
                        i = r;
                    }
                }
            }
        }
        _ => match nil(i) {
            Ok((r, ())) => Ok((r, Vec::new())),
            Err(_) => fail(i, "an address list or NIL"),
        },
    }
}

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`,
/// `addr-name = nstring`, `addr-adl = nstring`, `addr-mailbox = nstring`,
/// `addr-host = nstring` (RFC 9051 §9).
fn address(i: &[u8]) -> PResult<'_, Address<'_>> {
    let (i, ()) = open(i, "\"(\" opening an address")?;
    let (i, name) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, adl) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, mailbox) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, host) = nstring(i)?;
    let (i, ()) = close(i, "\")\" closing an address")?;
    Ok((
        i,
        Address {
            name,
            adl,
            mailbox,
            host,
        },
    ))
}

/// `body = "(" (body-type-1part / body-type-mpart) ")"` (RFC 9051 §9,
/// RFC 3501 §9). A multipart starts with a nested `"("`.
pub(crate) fn body(i: &[u8], depth: Depth) -> PResult<'_, BodyStructure<'_>> {
    let d = depth.enter(i)?;
    let (i, ()) = open(i, "\"(\" opening a body")?;
    if let Some(b'(') = i.first() {
        let (i, m) = body_type_mpart(i, d)?;
        let (i, ()) = close(i, "\")\" closing a multipart body")?;
        Ok((i, BodyStructure::Multi(m)))
    } else {
        let (i, s) = body_type_1part(i, d)?;
        let (i, ()) = close(i, "\")\" closing a body")?;
        Ok((i, BodyStructure::Single(s)))
    }
}

/// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]` (RFC
/// 9051 §9). Lenient: spaces between the bodies.
fn body_type_mpart(i: &[u8], depth: Depth) -> PResult<'_, MultiPart<'_>> {
    let mut bodies = Vec::new();
    let mut i = i;
    loop {
        let (r, b) = body(i, depth)?;
        bodies.push(b);
        let n = r.iter().take_while(|&&b| b == b' ').count();
        if let Some(b'(') = r.get(n) {
            i = &r[n..];
        } else {
            i = r;
            break;
        }
    }
    if let Some(b')') = i.first() {
        // No subtype after the parts (quirk): NIL.
        return Ok((i, MultiPart::unchecked(bodies, None, None)));
    }
    let (i, ()) = sp(i)?;
    let (i, subtype) = media_subtype(i)?;
    let (i, extension) = match more(i) {
        Some(r) => {
            let (r, e) = body_ext_mpart(r, depth)?;
            (r, Some(e))
        }
        None => (i, None),
    };
    Ok((i, MultiPart::unchecked(bodies, subtype, extension)))
}

/// `media-subtype = string` (RFC 9051 §9). Lenient: `NIL` (kept).
fn media_subtype(i: &[u8]) -> PResult<'_, NString<'_>> {
    nstring(i)
}

/// `body-type-1part = (body-type-basic / body-type-msg / body-type-text)
/// [SP body-ext-1part]` (RFC 9051 §9), with `body-type-basic = media-basic
/// SP body-fields`, `body-type-msg = media-message SP body-fields SP
/// envelope SP body SP body-fld-lines`, `body-type-text = media-text SP
/// body-fields SP body-fld-lines`.
///
/// The media type decides the shape, checked case-insensitively; a TEXT
/// part without a line count, or a MESSAGE/RFC822 part without an
/// envelope, is read as basic (quirk), which the encoder writes back alike.
fn body_type_1part(i: &[u8], depth: Depth) -> PResult<'_, SinglePart<'_>> {
    let (i, media_type) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, subtype) = match i.first() {
        // No subtype: the parameter list follows the type (quirk). A
        // subtype is a string or NIL, never a list: read as NIL.
        Some(b'(') => (i, None),
        _ => {
            let (i, subtype) = media_subtype(i)?;
            (sp(i)?.0, subtype)
        }
    };
    let (i, fields) = body_fields(i)?;
    let is = |s: &NString<'_>, kw: &[u8]| {
        s.as_ref()
            .is_some_and(|s| s.as_bytes().eq_ignore_ascii_case(kw))
    };
    let next = more(i);
    let (i, kind) = match next {
        Some(r) if is(&media_type, b"TEXT") && matches!(r.first(), Some(b'0'..=b'9' | b'-')) => {
            let (r, lines) = body_fld_lines(r)?;
            (r, PartKind::Text { subtype, lines })
        }
        Some(r) if is(&media_type, b"MESSAGE") && r.first() == Some(&b'(') => {
            let msg = if is(&subtype, b"RFC822") {
                Some(MessageSubtype::Rfc822)
            } else if is(&subtype, b"GLOBAL") {
                Some(MessageSubtype::Global)
            } else {
                None
            };
            match msg {
                Some(subtype) => {
                    let (r, envelope) = envelope(r, depth)?;
                    let (r, ()) = sp(r)?;
                    let (r, body) = body(r, depth)?;
                    let (r, ()) = sp(r)?;
                    let (r, lines) = body_fld_lines(r)?;
                    (
                        r,
                        PartKind::Message {
                            subtype,
                            envelope: Box::new(envelope),
                            body: Box::new(body),
                            lines,
                        },
                    )
                }
                // A message/* part that is not rfc822 or global is basic;
                // its extension data cannot start with "(".
                None => return fail(r, "body-fld-md5 (nstring)"),
            }
        }
        _ => (
            i,
            PartKind::Basic {
                media_type,
                subtype,
            },
        ),
    };
    let (i, extension) = match more(i) {
        Some(r) => {
            let (r, e) = body_ext_1part(r, depth)?;
            (r, Some(e))
        }
        None => (i, None),
    };
    Ok((
        i,
        SinglePart {
            kind,
            fields,
            extension,
        },
    ))
}

/// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP
/// body-fld-enc SP body-fld-octets` (RFC 9051 §9), with `body-fld-id =
/// nstring`, `body-fld-desc = nstring`.
fn body_fields(i: &[u8]) -> PResult<'_, BodyFields<'_>> {
    let (i, params) = body_fld_param(i)?;
    let (i, ()) = sp(i)?;
    let (i, id) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, description) = nstring(i)?;
    let (i, ()) = sp(i)?;
    let (i, encoding) = body_fld_enc(i)?;
    let (i, ()) = sp(i)?;
    let (i, octets) = body_fld_octets(i)?;
    Ok((
        i,
        BodyFields {
            params,
            id,
            description,
            encoding,
            octets,
        },
    ))
}

/// `body-fld-param = "(" string SP string *(SP string SP string) ")" / nil`
/// (RFC 9051 §9). Lenient: `()` for `NIL`, and `NIL` for a value (kept).
fn body_fld_param(i: &[u8]) -> PResult<'_, BodyFldParam<'_>> {
    match i.first() {
        Some(b'(') => {
            let (mut i, ()) = open(i, "\"(\"")?;
            let mut out = Vec::new();
            loop {
                if let Some(b')') = i.first() {
                    return Ok((&i[1..], out));
                }
                let (r, k) = string(i)?;
                let (r, ()) = sp(r)?;
                let (r, v) = nstring(r)?;
                out.push((k, v));
                i = match more(r) {
                    Some(r) => r,
                    None => {
                        return close(r, "SP or \")\" in body-fld-param").map(|(r, ())| (r, out))
                    }
                };
            }
        }
        _ => match nil(i) {
            Ok((r, ())) => Ok((r, Vec::new())),
            Err(_) => fail(i, "body-fld-param (a list or NIL)"),
        },
    }
}

/// `body-fld-enc = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/
/// "QUOTED-PRINTABLE") DQUOTE) / string` (RFC 9051 §9). Lenient: `NIL`
/// (iCloud, maddy), kept.
fn body_fld_enc(i: &[u8]) -> PResult<'_, NString<'_>> {
    nstring(i)
}

/// `body-fld-octets = number` (RFC 9051 §9). Lenient: `-1` (size unknown)
/// reads as 0.
fn body_fld_octets(i: &[u8]) -> PResult<'_, u32> {
    if let Some(r) = minus_one(i) {
        return Ok((r, 0));
    }
    super::core::number(i)
}

/// `body-fld-lines = number64` (RFC 9051 §9; `number` in RFC 3501).
/// Lenient: `-1` reads as 0.
fn body_fld_lines(i: &[u8]) -> PResult<'_, Number64> {
    if let Some(r) = minus_one(i) {
        return Ok((r, Number64::ZERO));
    }
    number64(i)
}

fn minus_one(i: &[u8]) -> Option<&[u8]> {
    match i {
        [b'-', b'1', rest @ ..] if !rest.first().is_some_and(u8::is_ascii_digit) => Some(rest),
        _ => None,
    }
}

/// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP
/// body-fld-loc *(SP body-extension)]]]`, `body-fld-md5 = nstring` (RFC
/// 9051 §9).
fn body_ext_1part(i: &[u8], depth: Depth) -> PResult<'_, BodyExt1Part<'_>> {
    let (i, md5) = nstring(i)?;
    let (i, (disposition, language, location, extensions)) = body_ext_tail(i, depth)?;
    Ok((
        i,
        BodyExt1Part {
            md5,
            disposition,
            language,
            location,
            extensions,
        },
    ))
}

/// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP
/// body-fld-loc *(SP body-extension)]]]` (RFC 9051 §9).
fn body_ext_mpart(i: &[u8], depth: Depth) -> PResult<'_, BodyExtMpart<'_>> {
    let (i, params) = body_fld_param(i)?;
    let (i, (disposition, language, location, extensions)) = body_ext_tail(i, depth)?;
    Ok((
        i,
        BodyExtMpart {
            params,
            disposition,
            language,
            location,
            extensions,
        },
    ))
}

type ExtTail<'a> = (
    Option<Disposition<'a>>,
    Vec<IString<'a>>,
    NString<'a>,
    Vec<BodyExtension<'a>>,
);

/// The part both extension rules share: `[SP body-fld-dsp [SP
/// body-fld-lang [SP body-fld-loc *(SP body-extension)]]]`.
fn body_ext_tail(i: &[u8], depth: Depth) -> PResult<'_, ExtTail<'_>> {
    let mut tail: ExtTail<'_> = (None, Vec::new(), None, Vec::new());
    let Some(i) = more(i) else {
        return Ok((i, tail));
    };
    let (i, dsp) = body_fld_dsp(i)?;
    tail.0 = dsp;
    let Some(i) = more(i) else {
        return Ok((i, tail));
    };
    let (i, lang) = body_fld_lang(i)?;
    tail.1 = lang;
    let Some(i) = more(i) else {
        return Ok((i, tail));
    };
    let (mut i, loc) = body_fld_loc(i)?;
    tail.2 = loc;
    while let Some(r) = more(i) {
        let (r, x) = body_extension(r, depth)?;
        tail.3.push(x);
        i = r;
    }
    Ok((i, tail))
}

/// `body-fld-dsp = "(" string SP body-fld-param ")" / nil` (RFC 9051 §9).
/// Lenient: a bare string (Exchange) is a disposition without parameters,
/// and so is a list without the parameter list.
fn body_fld_dsp(i: &[u8]) -> PResult<'_, Option<Disposition<'_>>> {
    match i.first() {
        Some(b'(') => {
            let (i, ()) = open(i, "\"(\"")?;
            let (i, kind) = string(i)?;
            let (i, params) = match more(i) {
                Some(r) => body_fld_param(r)?,
                None => (i, Vec::new()),
            };
            let (i, ()) = close(i, "\")\" closing body-fld-dsp")?;
            Ok((i, Some(Disposition { kind, params })))
        }
        Some(b'"' | b'{') => {
            let (i, kind) = string(i)?;
            Ok((
                i,
                Some(Disposition {
                    kind,
                    params: Vec::new(),
                }),
            ))
        }
        _ => match nil(i) {
            Ok((r, ())) => Ok((r, None)),
            Err(_) => fail(i, "body-fld-dsp (a list or NIL)"),
        },
    }
}

/// `body-fld-lang = nstring / "(" string *(SP string) ")"` (RFC 9051 §9).
/// Lenient: `()` for `NIL`.
fn body_fld_lang(i: &[u8]) -> PResult<'_, Vec<IString<'_>>> {
    match i.first() {
        Some(b'(') => {
            let (mut i, ()) = open(i, "\"(\"")?;
            let mut out = Vec::new();
            loop {
                if let Some(b')') = i.first() {
                    return Ok((&i[1..], out));
                }
                let (r, s) = string(i)?;
                out.push(s);
                i = match more(r) {
                    Some(r) => r,
                    None => {
                        return close(r, "SP or \")\" in body-fld-lang").map(|(r, ())| (r, out))
                    }
                };
            }
        }
        _ => {
            let (i, s) = nstring(i)?;
            Ok((i, s.into_iter().collect()))
        }
    }
}

/// `body-fld-loc = nstring` (RFC 9051 §9).
fn body_fld_loc(i: &[u8]) -> PResult<'_, NString<'_>> {
    nstring(i)
}

/// `body-extension = nstring / number / number64 / "(" body-extension *(SP
/// body-extension) ")"` (RFC 9051 §9).
fn body_extension(i: &[u8], depth: Depth) -> PResult<'_, BodyExtension<'_>> {
    match i.first() {
        Some(b'(') => {
            let d = depth.enter(i)?;
            let (mut i, ()) = open(i, "\"(\"")?;
            let mut out = Vec::new();
            loop {
                let (r, x) = body_extension(i, d)?;
                out.push(x);
                i = match more(r) {
                    Some(r) => r,
                    None => {
                        let (r, ()) = close(r, "SP or \")\" in body-extension")?;
                        return Ok((r, BodyExtension::List(BodyExtensionList::unchecked(out))));
                    }
                };
            }
        }
        Some(b'0'..=b'9') => number64(i).map(|(r, n)| (r, BodyExtension::Number(n))),
        _ => nstring(i).map(|(r, s)| (r, BodyExtension::NString(s))),
    }
}

#[cfg(test)]
mod tests;
