//! The grammar of the LIST and LSUB, STATUS and NAMESPACE responses after
//! their keyword (RFC 9051 §9 `mailbox-data`, RFC 5258, RFC 2342).

use super::code::paren_objectid;
use super::core::{
    ascii, astring, atom, atom_bytes, byte, mailbox, nil, number, number64, paren_list, quoted,
    raw_value, sp, string,
};
use super::{fail, Depth, PResult};
use crate::fast;
use crate::types::{
    Atom, Data, Delimiter, ListExtendedItem, ListExtendedOther, MailboxAttribute, MailboxList,
    NamespaceDescr, Number64, StatusItem, StatusOther,
};

/// `mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE /
/// nil) SP mailbox [SP mbox-list-extended]` (RFC 9051 §9, RFC 5258 §6).
pub(crate) fn mailbox_list(i: &[u8], depth: Depth) -> PResult<'_, MailboxList<'_>> {
    let (i, attributes) = paren_list(i, mbx_list_flag)?;
    let (i, ()) = sp(i)?;
    let (i, delimiter) = delimiter(i)?;
    let (i, ()) = sp(i)?;
    let (i, mbox) = match mailbox(i) {
        Ok((r, m)) if ends_mailbox(r) => (r, m),
        strict => match unquoted_name(i, i.len()) {
            Some(m) => (line_rest(i), m),
            None => strict?,
        },
    };
    let (i, extended) = match (i.first(), i.iter().position(|&b| b != b' ')) {
        (Some(b' '), Some(k)) if i[k] == b'(' => {
            let (r, ()) = sp(i)?;
            paren_list(r, |i| mbox_list_extended_item(i, depth))?
        }
        _ => (i, Vec::new()),
    };
    Ok((
        i,
        MailboxList {
            attributes,
            delimiter,
            mailbox: mbox,
            extended,
        },
    ))
}

/// Whether a LIST mailbox read strictly ends where the grammar lets it:
/// at the CRLF (trailing spaces allowed) or before `SP "("`
/// (`mbox-list-extended`).
fn ends_mailbox(r: &[u8]) -> bool {
    let k = r.iter().take_while(|&&b| b == b' ').count();
    match r.get(k) {
        Some(b'\r') | None => true,
        Some(b'(') => k > 0,
        _ => false,
    }
}

/// The bytes before the CRLF (or the end).
fn line_rest(i: &[u8]) -> &[u8] {
    let end = memchr::memchr2(b'\r', b'\n', i).unwrap_or(i.len());
    &i[end..]
}

/// Lenient `mailbox` (quirk), where the strict reading failed: taken from
/// `i` up to `end` (at most the line's end), trailing spaces dropped, as
///
/// - a name sent unquoted although it holds spaces or control characters,
///   as Exchange does (`* STATUS Sent Items (UIDNEXT 1)`, `* LIST
///   (\HasNoChildren) "/" INBOX/Da<TAB>Oggetto`): no parenthesis, DQUOTE,
///   `{`, NUL, CR or LF in it;
/// - a quoted name whose quoted-specials inside were not escaped
///   (hMailServer's `"INBOX\Sub"`, hmailserver/hmailserver#85;
///   GreenMail's `"ab"cd"`, greenmail-mail-test/greenmail#993): `\"` and
///   `\\` are escapes, any other `\` and a `"` not next to a space are
///   themselves; no parenthesis, `{` or NUL in it.
///
/// Only where the reading is unambiguous; not empty. Encoded back as a
/// quoted string or literal, it parses to the same value.
fn unquoted_name(i: &[u8], end: usize) -> Option<crate::types::Mailbox<'_>> {
    let line = &i[..memchr::memchr2(b'\r', b'\n', i).unwrap_or(i.len()).min(end)];
    let n = line.len() - line.iter().rev().take_while(|&&b| b == b' ').count();
    let name = &line[..n];
    if name.is_empty()
        || name
            .iter()
            .any(|b| matches!(b, b'(' | b')' | b'{' | 0 | b'\r' | b'\n'))
    {
        return None;
    }
    if let [b'"', inner @ .., b'"'] = name {
        return loose_quoted(inner).map(crate::types::Mailbox::new);
    }
    if name.contains(&b'"') {
        return None;
    }
    Some(crate::types::Mailbox::new(name))
}

/// The content of a quoted name whose specials were not all escaped (see
/// [`unquoted_name`]); `None` if a bare `"` touches a space (two strings,
/// perhaps) or the last byte escapes the closing quote.
fn loose_quoted(inner: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(inner.len());
    let mut k = 0;
    while k < inner.len() {
        match (inner[k], inner.get(k + 1)) {
            (b'\\', Some(&c @ (b'"' | b'\\'))) => {
                out.push(c);
                k += 2;
                continue;
            }
            (b'\\', None) => return None,
            (b'"', _) => {
                let before = k.checked_sub(1).map(|j| inner[j]);
                if before == Some(b' ') || inner.get(k + 1) == Some(&b' ') || k == 0 {
                    return None;
                }
                out.push(b'"');
            }
            (c, _) => out.push(c),
        }
        k += 1;
    }
    Some(out)
}

/// `mbx-list-oflag / mbx-list-sflag` (RFC 9051 §9): `"\" atom`.
fn mbx_list_flag(i: &[u8]) -> PResult<'_, MailboxAttribute<'_>> {
    let (i, ()) = byte(b'\\', "\"\\\" starting a mailbox attribute")(i)?;
    let (i, a) = atom(i)?;
    Ok((i, MailboxAttribute::from_backslash(a)))
}

/// `DQUOTE QUOTED-CHAR DQUOTE / nil` (RFC 9051 §9): a hierarchy delimiter.
fn delimiter(i: &[u8]) -> PResult<'_, Option<Delimiter>> {
    if let Some(b'"') = i.first() {
        let (r, q) = quoted(i)?;
        let mut chars = std::str::from_utf8(&q).ok().map(|s| s.chars());
        match chars.as_mut().map(|c| (c.next(), c.next())) {
            Some((Some(c), None)) => match Delimiter::new(c) {
                Ok(d) => Ok((r, Some(d))),
                Err(_) => fail(i, "QUOTED-CHAR"),
            },
            _ => fail(i, "one QUOTED-CHAR as the delimiter"),
        }
    } else {
        let (r, ()) = nil(i)?;
        Ok((r, None))
    }
}

/// `mbox-list-extended-item = mbox-list-extended-item-tag SP
/// tagged-ext-val` (RFC 5258 §6), with `childinfo-extended-item` and
/// `oldname-extended-item` (RFC 9051 §9).
fn mbox_list_extended_item(i: &[u8], depth: Depth) -> PResult<'_, ListExtendedItem<'_>> {
    let (r, t) = astring(i)?;
    let (r, ()) = sp(r)?;
    if t.as_bytes().eq_ignore_ascii_case(b"CHILDINFO") {
        let (r, v) = paren_list(r, string)?;
        Ok((r, ListExtendedItem::ChildInfo(v)))
    } else if t.as_bytes().eq_ignore_ascii_case(b"OLDNAME") {
        let (r, ()) = byte(b'(', "\"(\"")(r)?;
        let (r, m) = mailbox(r)?;
        let (r, ()) = byte(b')', "\")\"")(r)?;
        Ok((r, ListExtendedItem::OldName(m)))
    } else {
        let (r, v) = raw_value(r, depth)?;
        Ok((
            r,
            ListExtendedItem::Other(ListExtendedOther::unchecked(t, v)),
        ))
    }
}

/// `"STATUS" SP mailbox SP "(" [status-att-list] ")"` (RFC 9051 §9), after
/// `STATUS SP`.
/// Lenient (quirk): a mailbox name with spaces, unquoted (Exchange,
/// Gromox), read up to the `SP "("` that opens the only parenthesized list
/// of the line.
pub(super) fn status_data(i: &[u8], depth: Depth) -> PResult<'_, Data<'_>> {
    let strict = mailbox(i).and_then(|(r, m)| {
        let (r, ()) = sp(r)?;
        let (r, items) = paren_list(r, |i| status_att_val(i, depth))?;
        Ok((r, (m, items)))
    });
    let (i, (mbox, items)) = match strict {
        Ok(v) => v,
        Err(nom::Err::Error(e)) => {
            // The `(` is looked for on this line only: past its CRLF the
            // name would skip bytes and join two messages (found by the
            // parse_response fuzz target).
            let line = memchr::memchr2(b'\r', b'\n', i).unwrap_or(i.len());
            let open = memchr::memchr(b'(', &i[..line]).filter(|&k| k > 0 && i[k - 1] == b' ');
            let Some((k, m)) = open.and_then(|k| Some((k, unquoted_name(i, k)?))) else {
                return Err(nom::Err::Error(e));
            };
            let (r, items) = paren_list(&i[k..], |i| status_att_val(i, depth))?;
            (r, (m, items))
        }
        Err(e) => return Err(e),
    };
    Ok((
        i,
        Data::Status {
            mailbox: mbox,
            items,
        },
    ))
}

/// `status-att-val` (RFC 9051 §9, RFC 3501, RFC 7162, RFC 7889, RFC 8474,
/// RFC 9208); unknown items as `tagged-ext-label SP tagged-ext-val`.
fn status_att_val(i: &[u8], depth: Depth) -> PResult<'_, StatusItem<'_>> {
    let (r, name) = atom_bytes(i)?;
    let (r, ()) = sp(r)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let up = fast::upper(name, &mut buf).unwrap_or_default();
    let small: Option<fn(u32) -> StatusItem<'static>> = match up {
        b"MESSAGES" => Some(StatusItem::Messages),
        b"UIDNEXT" => Some(StatusItem::UidNext),
        b"UIDVALIDITY" => Some(StatusItem::UidValidity),
        b"UNSEEN" => Some(StatusItem::Unseen),
        b"DELETED" => Some(StatusItem::Deleted),
        b"RECENT" => Some(StatusItem::Recent),
        _ => None,
    };
    if let Some(f) = small {
        let (r, n) = number(r)?;
        return Ok((r, f(n)));
    }
    let big: Option<fn(Number64) -> StatusItem<'static>> = match up {
        b"SIZE" => Some(StatusItem::Size),
        b"HIGHESTMODSEQ" => Some(StatusItem::HighestModSeq),
        b"DELETED-STORAGE" => Some(StatusItem::DeletedStorage),
        _ => None,
    };
    if let Some(f) = big {
        let (r, n) = number64(r)?;
        return Ok((r, f(n)));
    }
    match up {
        b"MAILBOXID" => {
            let (r, o) = paren_objectid(r)?;
            Ok((r, StatusItem::MailboxId(o)))
        }
        b"APPENDLIMIT" => {
            if let Ok((r, ())) = nil(r) {
                return Ok((r, StatusItem::AppendLimit(None)));
            }
            let (r, n) = number(r)?;
            Ok((r, StatusItem::AppendLimit(Some(n))))
        }
        _ => {
            let (r, v) = raw_value(r, depth)?;
            Ok((
                r,
                StatusItem::Other(StatusOther::unchecked(Atom::unchecked(ascii(name)), v)),
            ))
        }
    }
}

/// `namespace-response = "NAMESPACE" SP namespace SP namespace SP
/// namespace` (RFC 9051 §9, RFC 2342 §6), after `NAMESPACE SP`.
pub(super) fn namespace_response(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, personal) = namespace(i)?;
    let (i, other_users) = namespace(sp(i)?.0)?;
    let (i, shared) = namespace(sp(i)?.0)?;
    Ok((
        i,
        Data::Namespace {
            personal,
            other_users,
            shared,
        },
    ))
}

/// `namespace = nil / "(" 1*namespace-descr ")"` (RFC 9051 §9). Lenient:
/// spaces between the descriptions.
fn namespace(i: &[u8]) -> PResult<'_, Option<Vec<NamespaceDescr<'_>>>> {
    if let Ok((r, ())) = nil(i) {
        return Ok((r, None));
    }
    let (mut i, ()) = byte(b'(', "\"(\" or NIL")(i)?;
    let mut out = Vec::new();
    loop {
        while let Some(b' ') = i.first() {
            i = &i[1..];
        }
        if let Some(b')') = i.first() {
            return Ok((&i[1..], Some(out)));
        }
        let (r, d) = namespace_descr(i)?;
        out.push(d);
        i = r;
    }
}

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"`, `namespace-response-extension =
/// SP string SP "(" string *(SP string) ")"` (RFC 9051 §9).
fn namespace_descr(i: &[u8]) -> PResult<'_, NamespaceDescr<'_>> {
    let (i, ()) = byte(b'(', "\"(\"")(i)?;
    let (i, prefix) = string(i)?;
    let (i, ()) = sp(i)?;
    let (mut i, delimiter) = delimiter(i)?;
    let mut extensions = Vec::new();
    loop {
        match i.first() {
            Some(b')') => break,
            Some(b' ') => {
                let (r, ()) = sp(i)?;
                if let Some(b')') = r.first() {
                    i = r;
                    break;
                }
                let (r, name) = string(r)?;
                let (r, ()) = sp(r)?;
                let (r, values) = paren_list(r, string)?;
                extensions.push((name, values));
                i = r;
            }
            _ => return fail(i, "SP or \")\""),
        }
    }
    Ok((
        &i[1..],
        NamespaceDescr {
            prefix,
            delimiter,
            extensions,
        },
    ))
}
