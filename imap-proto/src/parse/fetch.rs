//! The grammar of FETCH: the command's arguments (RFC 9051 §6.4.5, RFC 4466
//! `fetch-modifiers`), body sections, and the `msg-att` items of the FETCH
//! response (RFC 9051 §7.5.2), with BINARY (RFC 3516), CONDSTORE/QRESYNC
//! (RFC 7162), OBJECTID (RFC 8474), SAVEDATE (RFC 8514), PREVIEW (RFC 8970,
//! and Dovecot's SNIPPET) and PARTIAL (RFC 9394).
//!
//! A FETCH response degrades instead of failing: each item is read by its
//! grammar, and only where that fails by the lenient readings and the raw
//! fallback that [`MalformedItem`](crate::types::MalformedItem) lists (the
//! quirks and their sources are tested in `fetch/quirks.rs`).

use super::body::{body, envelope};
use super::core::{
    ascii, astring, atom_bytes, byte, date_time, flag_list, literal, nil, nstring, number64,
    nz_number, nz_number64, paren_list, raw_value, sequence_set, sp,
};
use super::{error_at, fail, Depth, ErrKind, PErr, PResult};
use crate::fast::{self, is_objectid_char};
use crate::types::{is_known_item_name, item_keyword_len, item_name_len};
use crate::types::{
    Atom, FetchArgs, FetchAttribute, FetchAttributeName, FetchAttributes, FetchModifier,
    FetchModifierOther, IString, MalformedItem, MessageDataItem, MessageDataItemName, NString,
    Number64, ObjectId, Partial, PartialRange, Section, SectionMsgtext, SectionPart, SectionText,
};

/// After `"FETCH"`: `SP sequence-set SP ("ALL" / "FULL" / "FAST" /
/// fetch-att / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]`
/// (RFC 9051 §9 `fetch`, RFC 4466 §2.4); stops before CRLF.
pub(crate) fn fetch_args(i: &[u8], depth: Depth) -> PResult<'_, FetchArgs<'_>> {
    let (i, ()) = sp(i)?;
    let (i, sequence_set) = sequence_set(i)?;
    let (i, ()) = sp(i)?;
    let (i, attributes) = fetch_attributes(i)?;
    let spaces = i.iter().take_while(|&&b| b == b' ').count();
    let (i, modifiers) = if spaces > 0 && i.get(spaces) == Some(&b'(') {
        fetch_modifiers(&i[spaces..], depth)?
    } else {
        (i, Vec::new())
    };
    Ok((
        i,
        FetchArgs {
            sequence_set,
            attributes,
            modifiers,
        },
    ))
}

/// `"ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att)
/// ")"` (RFC 9051 §9). Lenient: `()` is an empty list.
fn fetch_attributes(i: &[u8]) -> PResult<'_, FetchAttributes<'_>> {
    if let Some(b'(') = i.first() {
        let (r, v) = paren_list(i, fetch_att)?;
        return Ok((r, FetchAttributes::List(v)));
    }
    let k = item_keyword_len(i);
    let kw = &i[..k];
    if i.get(k) != Some(&b'[') {
        let m = if kw.eq_ignore_ascii_case(b"ALL") {
            Some(FetchAttributes::All)
        } else if kw.eq_ignore_ascii_case(b"FAST") {
            Some(FetchAttributes::Fast)
        } else if kw.eq_ignore_ascii_case(b"FULL") {
            Some(FetchAttributes::Full)
        } else {
            None
        };
        if let Some(m) = m {
            return Ok((&i[k..], m));
        }
    }
    let (r, a) = fetch_att(i)?;
    Ok((r, FetchAttributes::List(vec![a])))
}

/// `fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER"
/// / ".SIZE" / ".TEXT"] / "BODY" ["STRUCTURE"] / "UID" / "BODY" section
/// [partial] / "BODY.PEEK" section [partial] / "BINARY" [".PEEK"]
/// section-binary [partial] / "BINARY.SIZE" section-binary` (RFC 3501 §9,
/// RFC 9051 §9, RFC 3516 §7), `/ "MODSEQ"` (RFC 7162 §7), `/ "EMAILID" /
/// "THREADID"` (RFC 8474 §5), `/ "SAVEDATE"` (RFC 8514 §4), `/ "PREVIEW"
/// [SP "(" preview-mod *(SP preview-mod) ")"]` (RFC 8970 §5), Dovecot's
/// `SNIPPET`, and any other atom.
pub(crate) fn fetch_att(i: &[u8]) -> PResult<'_, FetchAttribute<'_>> {
    use FetchAttribute as A;
    let k = item_keyword_len(i);
    if k == 0 {
        return fail(i, "fetch-att");
    }
    let (kw, r) = i.split_at(k);
    let bracket = r.first() == Some(&b'[');
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let up = fast::upper(kw, &mut buf);
    let simple = match up {
        Some(b"ENVELOPE") => Some(A::Envelope),
        Some(b"FLAGS") => Some(A::Flags),
        Some(b"INTERNALDATE") => Some(A::InternalDate),
        Some(b"RFC822") => Some(A::Rfc822),
        Some(b"RFC822.HEADER") => Some(A::Rfc822Header),
        Some(b"RFC822.SIZE") => Some(A::Rfc822Size),
        Some(b"RFC822.TEXT") => Some(A::Rfc822Text),
        Some(b"BODY") if !bracket => Some(A::Body),
        Some(b"BODYSTRUCTURE") => Some(A::BodyStructure),
        Some(b"UID") => Some(A::Uid),
        Some(b"MODSEQ") => Some(A::ModSeq),
        Some(b"EMAILID") => Some(A::EmailId),
        Some(b"THREADID") => Some(A::ThreadId),
        Some(b"SAVEDATE") => Some(A::SaveDate),
        _ => up.and_then(super::gmail::fetch_att).map(A::Gmail),
    };
    if let Some(a) = simple {
        if bracket {
            return fail(r, "SP or \")\" after a fetch-att");
        }
        return Ok((r, a));
    }
    match up {
        Some(b"BODY") | Some(b"BODY.PEEK") => {
            let peek = kw.len() > 4;
            let (r, section) = section(r)?;
            let (r, partial) = opt_partial(r)?;
            Ok((
                r,
                A::BodySection {
                    peek,
                    section,
                    partial,
                },
            ))
        }
        Some(b"BINARY") | Some(b"BINARY.PEEK") => {
            let peek = kw.len() > 6;
            let (r, section) = section_binary(r)?;
            let (r, partial) = opt_partial(r)?;
            Ok((
                r,
                A::Binary {
                    peek,
                    section,
                    partial,
                },
            ))
        }
        Some(b"BINARY.SIZE") => {
            let (r, section) = section_binary(r)?;
            Ok((r, A::BinarySize { section }))
        }
        Some(b"ANNOTATION") => super::annotate::fetch_att(r).map(|(r, a)| (r, A::Annotation(a))),
        Some(b"PREVIEW") => match modifier_list(r, preview_mod) {
            Some((r, mods)) => Ok((
                r,
                A::Preview {
                    lazy: mods.contains(&true),
                },
            )),
            None => Ok((r, A::Preview { lazy: false })),
        },
        Some(b"SNIPPET") => match modifier_list(r, snippet_mod) {
            Some((r, mods)) => Ok((
                r,
                A::Snippet {
                    lazy: mods.contains(&true),
                },
            )),
            None => Ok((r, A::Snippet { lazy: false })),
        },
        _ => {
            if bracket {
                return fail(i, "fetch-att");
            }
            match FetchAttributeName::new(ascii(kw)) {
                Ok(_) => Ok((
                    r,
                    A::Other(FetchAttributeName::unchecked(Atom::unchecked(ascii(kw)))),
                )),
                Err(_) => fail(i, "fetch-att"),
            }
        }
    }
}

/// `SP "(" mod *(SP mod) ")"` after PREVIEW or SNIPPET, if present and
/// well-formed; `None` (nothing consumed) otherwise, since at the end of a
/// FETCH command a parenthesized list may be the fetch modifiers instead.
fn modifier_list<'a>(
    i: &'a [u8],
    item: fn(&'a [u8]) -> PResult<'a, bool>,
) -> Option<(&'a [u8], Vec<bool>)> {
    let n = i.iter().take_while(|&&b| b == b' ').count();
    if n == 0 || i.get(n) != Some(&b'(') {
        return None;
    }
    match paren_list(&i[n..], item) {
        Ok((r, v)) if !v.is_empty() => Some((r, v)),
        _ => None,
    }
}

/// `preview-mod = "LAZY"` (RFC 8970 §5); `true` for LAZY.
fn preview_mod(i: &[u8]) -> PResult<'_, bool> {
    let (r, a) = atom_bytes(i)?;
    if a.eq_ignore_ascii_case(b"LAZY") {
        Ok((r, true))
    } else {
        fail(i, "preview-mod (LAZY)")
    }
}

/// Dovecot's SNIPPET modifiers: `FUZZY`, `LAZY`, `LAZY=FUZZY`; `true` for
/// the lazy ones.
fn snippet_mod(i: &[u8]) -> PResult<'_, bool> {
    let (r, a) = atom_bytes(i)?;
    if a.eq_ignore_ascii_case(b"LAZY") || a.eq_ignore_ascii_case(b"LAZY=FUZZY") {
        Ok((r, true))
    } else if a.eq_ignore_ascii_case(b"FUZZY") {
        Ok((r, false))
    } else {
        fail(i, "SNIPPET modifier (FUZZY, LAZY or LAZY=FUZZY)")
    }
}

/// `section = "[" [section-spec] "]"`, `section-spec = section-msgtext /
/// (section-part ["." section-text])` (RFC 9051 §9).
pub(crate) fn section(i: &[u8]) -> PResult<'_, Section<'_>> {
    let (i, ()) = byte(b'[', "\"[\" opening a section")(i)?;
    let (i, s) = match i.first() {
        Some(b']') => (i, Section::Message(None)),
        Some(b) if b.is_ascii_digit() => {
            let (i, part) = section_part(i)?;
            match i.first() {
                Some(b'.') => {
                    let (i, t) = section_text(&i[1..])?;
                    (i, Section::Part(part, Some(t)))
                }
                _ => (i, Section::Part(part, None)),
            }
        }
        _ => {
            let (i, t) = section_msgtext(i)?;
            (i, Section::Message(Some(t)))
        }
    };
    let (i, ()) = byte(b']', "\"]\" closing a section")(i)?;
    Ok((i, s))
}

/// `section-binary = "[" [section-part] "]"` (RFC 9051 §9, RFC 3516 §7).
pub(crate) fn section_binary(i: &[u8]) -> PResult<'_, Option<SectionPart>> {
    let (i, ()) = byte(b'[', "\"[\" opening a section")(i)?;
    let (i, p) = match i.first() {
        Some(b']') => (i, None),
        _ => {
            let (i, p) = section_part(i)?;
            (i, Some(p))
        }
    };
    let (i, ()) = byte(b']', "\"]\" closing a section")(i)?;
    Ok((i, p))
}

/// `section-part = nz-number *("." nz-number)` (RFC 9051 §9). A `.` not
/// followed by a digit is left for `section-text`.
pub(crate) fn section_part(i: &[u8]) -> PResult<'_, SectionPart> {
    let (mut i, first) = nz_number(i)?;
    let mut path = vec![first];
    while let [b'.', d, ..] = i {
        if !d.is_ascii_digit() {
            break;
        }
        let (r, n) = nz_number(&i[1..])?;
        path.push(n);
        i = r;
    }
    Ok((i, SectionPart::unchecked(path)))
}

/// The keyword of a section text: letters and dots.
fn section_keyword(i: &[u8]) -> (&[u8], &[u8]) {
    let n = i
        .iter()
        .take_while(|&&b| b.is_ascii_alphabetic() || b == b'.')
        .count();
    (&i[..n], &i[n..])
}

/// `section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list /
/// "TEXT"` (RFC 9051 §9).
pub(crate) fn section_msgtext(i: &[u8]) -> PResult<'_, SectionMsgtext<'_>> {
    let (kw, r) = section_keyword(i);
    if kw.eq_ignore_ascii_case(b"HEADER") {
        Ok((r, SectionMsgtext::Header))
    } else if kw.eq_ignore_ascii_case(b"TEXT") {
        Ok((r, SectionMsgtext::Text))
    } else if kw.eq_ignore_ascii_case(b"HEADER.FIELDS") {
        let (r, ()) = sp(r)?;
        let (r, l) = header_list(r)?;
        Ok((r, SectionMsgtext::HeaderFields(l)))
    } else if kw.eq_ignore_ascii_case(b"HEADER.FIELDS.NOT") {
        let (r, ()) = sp(r)?;
        let (r, l) = header_list(r)?;
        Ok((r, SectionMsgtext::HeaderFieldsNot(l)))
    } else {
        fail(
            i,
            "section-msgtext (HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT or TEXT)",
        )
    }
}

/// `section-text = section-msgtext / "MIME"` (RFC 9051 §9).
pub(crate) fn section_text(i: &[u8]) -> PResult<'_, SectionText<'_>> {
    let (kw, r) = section_keyword(i);
    if kw.eq_ignore_ascii_case(b"MIME") {
        return Ok((r, SectionText::Mime));
    }
    match section_msgtext(i) {
        Ok((r, t)) => Ok((r, SectionText::Msgtext(t))),
        Err(_) => fail(i, "section-text (HEADER, HEADER.FIELDS, TEXT or MIME)"),
    }
}

/// `header-list = "(" header-fld-name *(SP header-fld-name) ")"`,
/// `header-fld-name = astring` (RFC 9051 §9). Lenient: `()` is accepted.
pub(crate) fn header_list(i: &[u8]) -> PResult<'_, Vec<crate::types::AString<'_>>> {
    paren_list(i, astring)
}

/// `[partial]`, `partial = "<" number64 "." nz-number64 ">"` (RFC 9051 §9).
/// Lenient: the length may have leading zeros (`<0.010>`).
fn opt_partial(i: &[u8]) -> PResult<'_, Option<Partial>> {
    if i.first() != Some(&b'<') {
        return Ok((i, None));
    }
    let (r, origin) = number64(&i[1..])?;
    let (r, ()) = byte(b'.', "\".\" in a partial")(r)?;
    let (r, length) = nz_number64(r)?;
    let (r, ()) = byte(b'>', "\">\" closing a partial")(r)?;
    Ok((r, Some(Partial { origin, length })))
}

/// `["<" number ">"]`: the origin octet of a partial FETCH response item
/// (RFC 9051 §9 `msg-att-static`), read as a `number64` like the origin of
/// the request's `partial`.
fn opt_origin(i: &[u8]) -> PResult<'_, Option<Number64>> {
    if i.first() != Some(&b'<') {
        return Ok((i, None));
    }
    let (r, n) = number64(&i[1..])?;
    let (r, ()) = byte(b'>', "\">\" closing the origin octet")(r)?;
    Ok((r, Some(n)))
}

/// `fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"`
/// (RFC 4466 §2.4), from the `"("`. Lenient: `()` is accepted.
fn fetch_modifiers(i: &[u8], depth: Depth) -> PResult<'_, Vec<FetchModifier<'_>>> {
    let d = depth.enter(i)?;
    paren_list(i, |i| fetch_modifier(i, d))
}

/// `tagged-ext-label = tagged-label-fchar *tagged-label-char`,
/// `tagged-label-fchar = ALPHA / "-" / "_" / "."`, `tagged-label-char =
/// tagged-label-fchar / DIGIT / ":"` (RFC 4466 §2.1).
fn tagged_ext_label(i: &[u8]) -> PResult<'_, &[u8]> {
    let fchar = |b: u8| b.is_ascii_alphabetic() || matches!(b, b'-' | b'_' | b'.');
    match i.first() {
        Some(&b) if fchar(b) => {}
        _ => return fail(i, "tagged-ext-label"),
    }
    let n = i
        .iter()
        .take_while(|&&b| fchar(b) || b.is_ascii_digit() || b == b':')
        .count();
    Ok((&i[n..], &i[..n]))
}

/// `fetch-modifier = fetch-modifier-name [SP fetch-modif-params]` (RFC
/// 4466), with `chgsince-fetch-mod = "CHANGEDSINCE" SP mod-sequence-value`,
/// `"VANISHED"` (RFC 7162 §7) and `modifier-partial = "PARTIAL" SP
/// partial-range` (RFC 9394 §4). The mod-sequence is read as a `number64`:
/// 0 is accepted (lenient), 2^63 and above are not.
fn fetch_modifier(i: &[u8], depth: Depth) -> PResult<'_, FetchModifier<'_>> {
    let (r, name) = tagged_ext_label(i)?;
    if name.eq_ignore_ascii_case(b"CHANGEDSINCE") {
        let (r, ()) = sp(r)?;
        let (r, n) = number64(r)?;
        return Ok((r, FetchModifier::ChangedSince(n)));
    }
    if name.eq_ignore_ascii_case(b"VANISHED") {
        return Ok((r, FetchModifier::Vanished));
    }
    if name.eq_ignore_ascii_case(b"PARTIAL") {
        let (r, ()) = sp(r)?;
        let (r, p) = partial_range(r)?;
        return Ok((r, FetchModifier::Partial(p)));
    }
    // `fetch-modif-params = tagged-ext-val`: a sequence set, a number, a
    // partial-range-last or a parenthesized list; never an atom, so a
    // following name is the next modifier.
    let n = r.iter().take_while(|&&b| b == b' ').count();
    let has_value = n > 0
        && match &r[n..] {
            [b'0'..=b'9' | b'*' | b'$' | b'(', ..] => true,
            [b'-', d, ..] => d.is_ascii_digit(),
            _ => false,
        };
    let name = Atom::unchecked(ascii(name));
    if has_value {
        let (r, v) = raw_value(&r[n..], depth)?;
        Ok((
            r,
            FetchModifier::Other(FetchModifierOther::unchecked(name, Some(v))),
        ))
    } else {
        Ok((
            r,
            FetchModifier::Other(FetchModifierOther::unchecked(name, None)),
        ))
    }
}

/// `partial-range = partial-range-first / partial-range-last`,
/// `partial-range-first = nz-number ":" nz-number`, `partial-range-last =
/// MINUS nz-number ":" MINUS nz-number` (RFC 9394 §4).
pub(crate) fn partial_range(i: &[u8]) -> PResult<'_, PartialRange> {
    if let Some(b'-') = i.first() {
        let (r, a) = nz_number(&i[1..])?;
        let (r, ()) = byte(b':', "\":\" in a partial-range")(r)?;
        let (r, ()) = byte(b'-', "\"-\" in a partial-range-last")(r)?;
        let (r, b) = nz_number(r)?;
        Ok((r, PartialRange::Last(a, b)))
    } else {
        let (r, a) = nz_number(i)?;
        let (r, ()) = byte(b':', "\":\" in a partial-range")(r)?;
        let (r, b) = nz_number(r)?;
        Ok((r, PartialRange::First(a, b)))
    }
}

/// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic
/// / msg-att-static)) ")"` (RFC 9051 §9). Lenient: `()` is accepted, and
/// an item that does not match its grammar degrades (see
/// [`MalformedItem`](crate::types::MalformedItem)) instead of failing the
/// response.
pub(crate) fn msg_att(i: &[u8], depth: Depth) -> PResult<'_, Vec<MessageDataItem<'_>>> {
    let d = depth.enter(i)?;
    let (i, ()) = byte(b'(', "\"(\"")(i)?;
    // Not empty as a rule: room for a few items at once, one allocation.
    let mut out = Vec::with_capacity(4);
    let r = msg_att_items(i, d, &mut out)?;
    Ok((r, out))
}

/// The items of a `msg-att` after its `"("`, through its `")"`, appended to
/// `out`; each item is read by its grammar first, and only where that fails
/// by [`degraded_item`].
fn msg_att_items<'a>(
    mut i: &'a [u8],
    d: Depth,
    out: &mut Vec<MessageDataItem<'a>>,
) -> Result<&'a [u8], nom::Err<PErr<'a>>> {
    loop {
        while let Some(b' ') = i.first() {
            i = &i[1..];
        }
        if let Some(b')') = i.first() {
            return Ok(&i[1..]);
        }
        i = match msg_att_item(i, d) {
            Ok((r, item)) if matches!(r.first(), Some(b' ' | b')')) => {
                out.push(item);
                r
            }
            strict => degraded_item(i, d, out, strict)?,
        };
    }
}

/// Whether a parse error may be degraded: a grammar error, not an exceeded
/// limit and not a number out of its range (`number`, `nz-number`,
/// `number64` and `nz-number64` name their range in the error), which stay
/// errors of the whole response.
fn degradable(e: &nom::Err<PErr<'_>>) -> bool {
    const RANGE: &[&str] = &[
        "number (at most 4294967295)",
        "nz-number",
        "number64 (at most 2^63-1)",
        "nz-number64 (at least 1)",
        "gm-id (at most 2^64-1)",
    ];
    match e {
        nom::Err::Error(PErr {
            kind: ErrKind::Expected(x),
            ..
        }) => !RANGE.contains(x),
        _ => false,
    }
}

/// An item at `i` whose strict reading (`strict`) failed, or was not
/// followed by SP or `")"`: `"(" item *(SP item) ")"`, items in extra
/// parentheses (Domino), spliced into `out`; else a known item name, SP and
/// one value of the generic grammar, kept raw as
/// [`MessageDataItem::Malformed`]. Anything else is `strict`'s error.
fn degraded_item<'a>(
    i: &'a [u8],
    d: Depth,
    out: &mut Vec<MessageDataItem<'a>>,
    strict: PResult<'a, MessageDataItem<'a>>,
) -> Result<&'a [u8], nom::Err<PErr<'a>>> {
    let err = match strict {
        Ok((r, _)) => error_at(r, "SP or \")\" after a msg-att item"),
        Err(e) => e,
    };
    if !degradable(&err) {
        return Err(err);
    }
    let follows = |r: &'a [u8]| matches!(r.first(), Some(b' ' | b')'));
    if i.first() == Some(&b'(') {
        let r = msg_att_items(&i[1..], d.enter(i)?, out)?;
        return if follows(r) {
            Ok(r)
        } else {
            Err(error_at(r, "SP or \")\" after a msg-att item"))
        };
    }
    let Some(n) = item_name_len(i).filter(|&n| is_known_item_name(&i[..n])) else {
        return Err(err);
    };
    let Ok((r, ())) = sp(&i[n..]) else {
        return Err(err);
    };
    let (r, value) = match raw_value(r, d) {
        Ok(v) => v,
        Err(
            e @ (nom::Err::Error(PErr {
                kind: ErrKind::Limit(..),
                ..
            })
            | nom::Err::Failure(PErr {
                kind: ErrKind::Limit(..),
                ..
            })),
        ) => return Err(e),
        Err(_) => return Err(err),
    };
    if !follows(r) {
        return Err(err);
    }
    out.push(MessageDataItem::Malformed(MalformedItem::unchecked(
        ascii(&i[..n]),
        value,
    )));
    Ok(r)
}

/// `"(" objectid ")"` (RFC 8474 §5).
fn paren_objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
    let (i, ()) = byte(b'(', "\"(\" before an objectid")(i)?;
    let n = i.iter().take_while(|&&b| is_objectid_char(b)).count();
    if n == 0 {
        return fail(i, "objectid");
    }
    let id = ObjectId::unchecked(ascii(&i[..n]));
    let (i, ()) = byte(b')', "\")\" after an objectid")(&i[n..])?;
    Ok((i, id))
}

/// `nstring / literal8` (RFC 9051 §9 `msg-att-static` for BINARY).
fn nstring_or_literal8(i: &[u8]) -> PResult<'_, NString<'_>> {
    match i.first() {
        Some(b'~') => literal(i).map(|(r, l)| (r, Some(IString::new(l.data)))),
        _ => nstring(i),
    }
}

/// One `msg-att-dynamic / msg-att-static` (RFC 9051 §9 and the extensions):
/// `"FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")" / "ENVELOPE" SP
/// envelope / "INTERNALDATE" SP date-time / "RFC822.SIZE" SP number64 /
/// "RFC822" [".HEADER" / ".TEXT"] SP nstring / "BODY" ["STRUCTURE"] SP body
/// / "BODY" section ["<" number ">"] SP nstring / "BINARY" section-binary
/// ["<" number ">"] SP (nstring / literal8) / "BINARY.SIZE" section-binary
/// SP number / "UID" SP uniqueid` (the origins and BINARY.SIZE read as
/// `number64`), `"MODSEQ" SP "(" permsg-modsequence ")"` (RFC 7162; a
/// `number64`, 0 accepted), `"EMAILID" SP "(" objectid ")" / "THREADID"
/// SP ("(" objectid ")" / nil)` (RFC 8474), `"SAVEDATE" SP (date-time /
/// nil)` (RFC 8514), `"PREVIEW" SP nstring` (RFC 8970), Dovecot's
/// `"SNIPPET" SP "(" atom SP nstring ")"`; anything else is kept raw.
fn msg_att_item(i: &[u8], d: Depth) -> PResult<'_, MessageDataItem<'_>> {
    use MessageDataItem as M;
    let kw = fast::Keyword::read(i, |b| b != b'[' && fast::is_atom_char(b));
    if kw.len() == 0 {
        return fail(i, "msg-att item");
    }
    let r = &i[kw.len()..];
    let up = kw.upper();
    if r.first() == Some(&b'[') {
        return match up {
            b"BODY" => {
                let (r, section) = section(r)?;
                let (r, origin) = opt_origin(r)?;
                let (r, ()) = sp_before_literal(r)?;
                let (r, data) = nstring(r)?;
                Ok((
                    r,
                    M::BodySection {
                        section,
                        origin,
                        data,
                    },
                ))
            }
            b"BINARY" => {
                let (r, section) = section_binary(r)?;
                let (r, origin) = opt_origin(r)?;
                let (r, ()) = sp_before_literal(r)?;
                let (r, data) = nstring_or_literal8(r)?;
                Ok((
                    r,
                    M::Binary {
                        section,
                        origin,
                        data,
                    },
                ))
            }
            b"BINARY.SIZE" => {
                let (r, section) = section_binary(r)?;
                let (r, ()) = sp(r)?;
                let (r, size) = number64(r)?;
                Ok((r, M::BinarySize { section, size }))
            }
            _ => other_item(i, d),
        };
    }
    // One dispatch on the keyword: every name of `MSG_ATT_KEYWORDS` has its
    // arm, anything else is kept raw (an unknown name without `[` is just
    // its keyword, followed by SP like the known ones).
    let (r, ()) = sp(r)?;
    match up {
        b"FLAGS" => flag_list(r).map(|(r, f)| (r, M::Flags(f))),
        b"ENVELOPE" => envelope(r, d).map(|(r, e)| (r, M::Envelope(Box::new(e)))),
        b"INTERNALDATE" => date_time(r).map(|(r, t)| (r, M::InternalDate(t))),
        b"RFC822.SIZE" => number64(r).map(|(r, n)| (r, M::Rfc822Size(n))),
        b"RFC822" => nstring(r).map(|(r, s)| (r, M::Rfc822(s))),
        b"RFC822.HEADER" => nstring(r).map(|(r, s)| (r, M::Rfc822Header(s))),
        b"RFC822.TEXT" => nstring(r).map(|(r, s)| (r, M::Rfc822Text(s))),
        b"BODY" => body(r, d).map(|(r, b)| (r, M::Body(Box::new(b)))),
        b"BODYSTRUCTURE" => body(r, d).map(|(r, b)| (r, M::BodyStructure(Box::new(b)))),
        b"UID" => nz_number(r).map(|(r, n)| (r, M::Uid(n))),
        b"MODSEQ" => {
            let (r, ()) = byte(b'(', "\"(\" before a mod-sequence-value")(r)?;
            let (r, n) = number64(r)?;
            let (r, ()) = byte(b')', "\")\" after a mod-sequence-value")(r)?;
            Ok((r, M::ModSeq(n)))
        }
        b"EMAILID" => paren_objectid(r).map(|(r, o)| (r, M::EmailId(o))),
        b"THREADID" => match nil(r) {
            Ok((r, ())) => Ok((r, M::ThreadId(None))),
            Err(_) => paren_objectid(r).map(|(r, o)| (r, M::ThreadId(Some(o)))),
        },
        b"SAVEDATE" => match nil(r) {
            Ok((r, ())) => Ok((r, M::SaveDate(None))),
            Err(_) => date_time(r).map(|(r, t)| (r, M::SaveDate(Some(t)))),
        },
        b"PREVIEW" => nstring(r).map(|(r, s)| (r, M::Preview(s))),
        b"ANNOTATION" => super::annotate::msg_att(r).map(|(r, a)| (r, M::Annotation(a))),
        b"X-GM-MSGID" | b"X-GM-THRID" | b"X-GM-LABELS" => {
            super::gmail::msg_att(up, r).map(|(r, g)| (r, M::Gmail(g)))
        }
        b"SNIPPET" => {
            let (r, ()) = byte(b'(', "\"(\" after SNIPPET")(r)?;
            let (r, a) = atom_bytes(r)?;
            let (r, ()) = sp(r)?;
            let (r, text) = nstring(r)?;
            let (r, ()) = byte(b')', "\")\" closing SNIPPET")(r)?;
            Ok((
                r,
                M::Snippet {
                    algorithm: Atom::unchecked(ascii(a)),
                    text,
                },
            ))
        }
        _ => other_item(i, d),
    }
}

/// The SP between a section and its content. Lenient: none before a
/// literal (GreenMail sent `BODY[HEADER]{4169}`, greenmail issue #187): a
/// `{` cannot continue the item's name, so the reading is the same.
fn sp_before_literal(i: &[u8]) -> PResult<'_, ()> {
    match i {
        [b'{', ..] | [b'~', b'{', ..] => Ok((i, ())),
        // The common case and the error: `sp` itself.
        _ => sp(i),
    }
}

/// An item this crate does not know: its name, SP, and one value kept raw.
fn other_item(i: &[u8], d: Depth) -> PResult<'_, MessageDataItem<'_>> {
    let Some(n) = item_name_len(i) else {
        return fail(i, "msg-att item name");
    };
    let name = MessageDataItemName::unchecked(ascii(&i[..n]));
    let (r, ()) = sp(&i[n..])?;
    let (r, value) = raw_value(r, d)?;
    Ok((r, MessageDataItem::Other { name, value }))
}

#[cfg(test)]
mod quirks;
#[cfg(test)]
mod tests;
