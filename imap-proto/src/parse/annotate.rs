//! The grammar of ANNOTATE (RFC 5257 §5, experimental), called from one
//! hook each in the fetch items, FETCH data, search keys, sort keys and
//! STORE. The response codes (`ANNOTATE TOOBIG`, `ANNOTATIONS ...`) are
//! left to the generic code grammar.

use super::core::{
    astring, atom_bytes, byte, list_mailbox, literal, nstring, nz_number, paren_list1, sp,
};
use super::{fail, PResult};
use crate::types::{
    AString, AnnSize, AnnotateCode, AnnotationData, AnnotationFetch, AnnotationSearch, AttSearch,
    AttSort, AttValue, EntryAtt, IString, ListMailbox, NString, NonEmpty,
};

/// `value = nstring / literal8` (RFC 5257 §5).
pub(crate) fn value(i: &[u8]) -> PResult<'_, NString<'_>> {
    match i.first() {
        Some(b'~') => literal(i).map(|(r, l)| (r, Some(IString::new(l.data)))),
        _ => nstring(i),
    }
}

/// `att-value = attrib SP value`, `attrib = astring` (RFC 5257 §5).
fn att_value(i: &[u8]) -> PResult<'_, AttValue<'_>> {
    let (i, attrib) = astring(i)?;
    let (i, ()) = sp(i)?;
    let (i, value) = value(i)?;
    Ok((i, AttValue { attrib, value }))
}

/// The part of `entry-att = entry SP "(" att-value *(SP att-value) ")"`
/// (RFC 5257 §5) after the entry and its SP.
fn att_values(i: &[u8]) -> PResult<'_, NonEmpty<AttValue<'_>>> {
    paren_list1(i, att_value, "att-value")
}

/// `entry-att = entry SP "(" att-value *(SP att-value) ")"`, `entry =
/// astring` (RFC 5257 §5).
fn entry_att(i: &[u8]) -> PResult<'_, EntryAtt<'_>> {
    let (i, entry) = astring(i)?;
    let (i, ()) = sp(i)?;
    let (i, values) = att_values(i)?;
    Ok((i, EntryAtt { entry, values }))
}

/// `x / "(" x *(SP x) ")"`: one item, or a parenthesized list of them.
fn one_or_list<'a, T>(
    i: &'a [u8],
    item: fn(&'a [u8]) -> PResult<'a, T>,
    expected: &'static str,
) -> PResult<'a, NonEmpty<T>> {
    match i.first() {
        Some(b'(') => paren_list1(i, item, expected),
        _ => item(i).map(|(r, v)| (r, NonEmpty::new(v))),
    }
}

/// `fetch-att =/ "ANNOTATION" SP "(" entries SP attribs ")"`, `entries =
/// entry-match / "(" entry-match *(SP entry-match) ")"`, `entry-match =
/// list-mailbox`, `attribs = attrib / "(" attrib *(SP attrib) ")"` (RFC
/// 5257 §5), after "ANNOTATION".
pub(crate) fn fetch_att(i: &[u8]) -> PResult<'_, AnnotationFetch<'_>> {
    let (i, ()) = sp(i)?;
    let (i, ()) = byte(b'(', "\"(\" after ANNOTATION")(i)?;
    let (i, entries) = one_or_list(i, list_mailbox, "entry-match")?;
    let (i, ()) = sp(i)?;
    let (i, attribs) = one_or_list(i, astring, "attrib")?;
    let (i, ()) = byte(b')', "\")\" closing ANNOTATION")(i)?;
    Ok((i, AnnotationFetch { entries, attribs }))
}

/// `msg-att-dynamic =/ "ANNOTATION" SP ( "(" entry-att *(SP entry-att)
/// ")" / "(" entry *(SP entry) ")" )` (RFC 5257 §5), after "ANNOTATION"
/// SP. The first item decides: an entry followed by SP "(" starts the
/// first form. Nothing nests deeper than this.
pub(crate) fn msg_att(i: &[u8]) -> PResult<'_, AnnotationData<'_>> {
    let (r, ()) = byte(b'(', "\"(\" after ANNOTATION")(i)?;
    let (after, _) = astring(r)?;
    if let [b' ', b'(', ..] = after {
        paren_list1(i, entry_att, "entry-att").map(|(r, v)| (r, AnnotationData::Values(v)))
    } else {
        paren_list1(i, astring, "entry").map(|(r, v)| (r, AnnotationData::Entries(v)))
    }
}

/// `store-att-flags =/ att-annotate`, `att-annotate = "ANNOTATION" SP "("
/// entry-att *(SP entry-att) ")"` (RFC 5257 §5), after "ANNOTATION".
pub(crate) fn store_att(i: &[u8]) -> PResult<'_, NonEmpty<EntryAtt<'_>>> {
    let (i, ()) = sp(i)?;
    paren_list1(i, entry_att, "entry-att")
}

/// `att-search = "value" / "value.priv" / "value.shared"` (RFC 5257 §5).
/// Lenient: also as a quoted string (Cyrus quotes attribute names, as
/// cyrus-imapd pull request #3952 shows).
fn att_search(i: &[u8]) -> PResult<'_, AttSearch> {
    let (r, a) = astring(i)?;
    let b = a.as_bytes();
    let v = if b.eq_ignore_ascii_case(b"value") {
        AttSearch::Value
    } else if b.eq_ignore_ascii_case(b"value.priv") {
        AttSearch::ValuePriv
    } else if b.eq_ignore_ascii_case(b"value.shared") {
        AttSearch::ValueShared
    } else {
        return fail(i, "att-search (value, value.priv or value.shared)");
    };
    Ok((r, v))
}

/// `search-key =/ "ANNOTATION" SP entry-match SP att-search SP value` (RFC
/// 5257 §5), after "ANNOTATION".
pub(crate) fn search_key(i: &[u8]) -> PResult<'_, AnnotationSearch<'_>> {
    let (i, ()) = sp(i)?;
    let (i, entry): (_, ListMailbox<'_>) = list_mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, attrib) = att_search(i)?;
    let (i, ()) = sp(i)?;
    let (i, value) = value(i)?;
    Ok((
        i,
        AnnotationSearch {
            entry,
            attrib,
            value,
        },
    ))
}

/// `sort-key =/ "ANNOTATION" SP entry SP att-sort`, `att-sort =
/// "value.priv" / "value.shared"` (RFC 5257 §5), after "ANNOTATION".
/// Lenient like `att-search`: the name may be quoted (Cyrus quotes its
/// attribute names).
pub(crate) fn sort_key(i: &[u8]) -> PResult<'_, (AString<'_>, AttSort)> {
    let (i, ()) = sp(i)?;
    let (i, entry) = astring(i)?;
    let (i, ()) = sp(i)?;
    let (r, a) = astring(i)?;
    let a = a.as_bytes();
    let att = if a.eq_ignore_ascii_case(b"value.priv") {
        AttSort::ValuePriv
    } else if a.eq_ignore_ascii_case(b"value.shared") {
        AttSort::ValueShared
    } else {
        return fail(i, "att-sort (value.priv or value.shared)");
    };
    Ok((r, (entry, att)))
}

/// `"ANNOTATE" SP "TOOBIG" / "ANNOTATE" SP "TOOMANY"` (RFC 5257 §5),
/// after `ANNOTATE SP`.
pub(crate) fn annotate_code(i: &[u8]) -> PResult<'_, AnnotateCode> {
    let (r, a) = atom_bytes(i)?;
    if a.eq_ignore_ascii_case(b"TOOBIG") {
        Ok((r, AnnotateCode::TooBig))
    } else if a.eq_ignore_ascii_case(b"TOOMANY") {
        Ok((r, AnnotateCode::TooMany))
    } else {
        fail(i, "TOOBIG or TOOMANY")
    }
}

/// `ann-size = "NONE" / (("READ-ONLY" / nz-number) [SP "NOPRIVATE"])`
/// (RFC 5257 §5).
pub(crate) fn ann_size(i: &[u8]) -> PResult<'_, AnnSize> {
    if super::core::at_keyword(i, b"NONE") {
        return Ok((&i[4..], AnnSize::None));
    }
    let (r, size) = if super::core::at_keyword(i, b"READ-ONLY") {
        (&i[9..], None)
    } else {
        let (r, n) = nz_number(i)?;
        (r, Some(n))
    };
    let (r, no_private) = match r {
        [b' ', rest @ ..] if super::core::at_keyword(rest, b"NOPRIVATE") => (&rest[9..], true),
        _ => (r, false),
    };
    Ok((
        r,
        match size {
            None => AnnSize::ReadOnly { no_private },
            Some(max) => AnnSize::Size { max, no_private },
        },
    ))
}

#[cfg(test)]
mod tests;
