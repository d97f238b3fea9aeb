//! The grammar of server responses (RFC 9051 §7, §9 `response`), with the
//! response codes and data of the extensions listed in
//! [`crate::types::Response`]'s module.
//!
//! Dispatch is on the keyword: the atom after `*` (or after `* n`) is read
//! once, upper-cased into a small buffer and matched, so the cost does not
//! grow with the number of known responses.

use std::borrow::Cow;

use super::core::{
    ascii, astring, atom, atom_bytes, byte, capability, crlf, flag_list, flag_perm, keyword,
    mailbox, nil, nstring, number, number64, nz_number, paren_list, quoted, raw_value,
    sequence_set, sp, string, tag, text,
};
use super::{fail, Depth, PResult, ParseLimits};
use crate::fast;
use crate::types::{
    AString, Atom, CharsetName, CodeText, Condition, ContinueRequest, Data, Delimiter,
    ListExtendedItem, ListExtendedOther, MailboxAttribute, MailboxList, MetadataCode,
    MetadataEntries, MetadataValue, NamespaceDescr, Number64, ObjectId, OtherCode, OtherData,
    QuotaResource, RespText, Response, ResponseCode, State, StatusItem, StatusOther, TaggedStatus,
    UntaggedStatus,
};

/// `response = *(continue-req / response-data) response-done` (RFC 9051
/// §9), one message of it: a greeting, a status, untagged data or a
/// continuation request, with its CRLF.
pub(crate) fn response<'a>(i: &'a [u8], limits: &ParseLimits) -> PResult<'a, Response<'a>> {
    let depth = Depth::new(limits);
    match i.first() {
        Some(b'+') => continue_req(i),
        Some(b'*') => {
            let (r, ()) = byte(b'*', "\"*\"")(i)?;
            let (r, ()) = sp(r)?;
            untagged(r, depth)
        }
        _ => response_tagged(i),
    }
}

/// `continue-req = "+" SP (resp-text / base64) CRLF` (RFC 9051 §9).
/// Lenient: `+` directly followed by CRLF (quirk). See
/// [`ContinueRequest`] for why base64 is not told apart here.
pub(crate) fn continue_req(i: &[u8]) -> PResult<'_, Response<'_>> {
    let (i, ()) = byte(b'+', "\"+\"")(i)?;
    let (i, text) = match i.first() {
        Some(b' ') => {
            let (i, ()) = sp(i)?;
            resp_text(i)?
        }
        _ => (i, RespText::default()),
    };
    let (i, ()) = crlf(i)?;
    Ok((i, Response::Continue(ContinueRequest { text })))
}

/// `response-tagged = tag SP resp-cond-state CRLF` (RFC 9051 §9).
pub(crate) fn response_tagged(i: &[u8]) -> PResult<'_, Response<'_>> {
    let (i, t) = tag(i)?;
    let (i, ()) = sp(i)?;
    let (r, kw) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let state = match fast::upper(kw, &mut buf).unwrap_or_default() {
        b"OK" => State::Ok,
        b"NO" => State::No,
        b"BAD" => State::Bad,
        _ => return fail(i, "OK, NO or BAD"),
    };
    let (r, text) = after_status(r)?;
    Ok((
        r,
        Response::Tagged(TaggedStatus {
            tag: t,
            state,
            text,
        }),
    ))
}

/// After a status keyword: `SP resp-text CRLF`. Lenient: the SP and text
/// may be missing (`A1 OK` CRLF, quirk).
fn after_status(i: &[u8]) -> PResult<'_, RespText<'_>> {
    let (i, text) = match i.first() {
        Some(b' ') => {
            let (i, ()) = sp(i)?;
            resp_text(i)?
        }
        _ => (i, RespText::default()),
    };
    let (i, ()) = crlf(i)?;
    Ok((i, text))
}

/// `resp-text = ["[" resp-text-code "]" SP] [text]` (RFC 9051 §9). The
/// text must not end like a literal header (it would not be one message);
/// lenient: no SP after `]`.
pub(crate) fn resp_text(i: &[u8]) -> PResult<'_, RespText<'_>> {
    let (i, code) = match i.first() {
        Some(b'[') => {
            let (r, c) = resp_text_code(&i[1..])?;
            let (r, ()) = byte(b']', "\"]\" closing the response code")(r)?;
            let r = match r.first() {
                Some(b' ') => sp(r)?.0,
                _ => r,
            };
            (r, Some(c))
        }
        _ => (i, None),
    };
    let (r, t) = text(i)?;
    if t.as_str().starts_with('[')
        || !matches!(fast::literal_header(t.as_str().as_bytes()), Ok(None))
    {
        return fail(i, "text (not a literal header, not starting with \"[\")");
    }
    Ok((r, RespText { code, text: t }))
}

/// `1*<any TEXT-CHAR except "]">` (RFC 9051 §9), after the SP(s) that
/// precede it; 8-bit bytes are taken as UTF-8 (lossily, as in `text`).
fn code_text(i: &[u8]) -> PResult<'_, CodeText<'_>> {
    let n = i
        .iter()
        .take_while(|&&b| !matches!(b, b']' | b'\r' | b'\n' | 0))
        .count();
    if n == 0 {
        return fail(i, "1*<TEXT-CHAR except \"]\">");
    }
    if i.get(n) == Some(&0) {
        return fail(&i[n..], "TEXT-CHAR (no NUL)");
    }
    Ok((
        &i[n..],
        CodeText::unchecked(String::from_utf8_lossy(&i[..n])),
    ))
}

/// `charset = atom / quoted` (RFC 9051 §9).
fn charset(i: &[u8]) -> PResult<'_, CharsetName<'_>> {
    match i.first() {
        Some(b'"') => {
            let (r, q) = quoted(i)?;
            let s = match q {
                Cow::Borrowed(b) => String::from_utf8_lossy(b),
                Cow::Owned(o) => Cow::Owned(String::from_utf8_lossy(&o).into_owned()),
            };
            Ok((r, CharsetName::unchecked(s)))
        }
        _ => {
            let (r, a) = atom_bytes(i)?;
            Ok((r, CharsetName::unchecked(Cow::Borrowed(ascii(a)))))
        }
    }
}

/// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")` (RFC 8474 §7).
fn objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
    let n = fast::span(i, |b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if n == 0 || n > 255 {
        return fail(i, "objectid");
    }
    match ObjectId::new(ascii(&i[..n])) {
        Ok(o) => Ok((&i[n..], o)),
        Err(_) => fail(i, "objectid"),
    }
}

/// `"(" objectid ")"` (RFC 8474).
fn paren_objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
    let (i, ()) = byte(b'(', "\"(\"")(i)?;
    let (i, o) = objectid(i)?;
    let (i, ()) = byte(b')', "\")\"")(i)?;
    Ok((i, o))
}

/// `resp-text-code` (RFC 9051 §9, RFC 3501 §9, RFC 5530 §4, RFC 2221,
/// RFC 4315, RFC 4469, RFC 4978, RFC 5464, RFC 7162, RFC 8474, RFC 9208);
/// unknown codes: `atom [SP 1*<any TEXT-CHAR except "]">]`.
pub(crate) fn resp_text_code(i: &[u8]) -> PResult<'_, ResponseCode<'_>> {
    use ResponseCode as R;
    let (r, name) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let up = fast::upper(name, &mut buf).unwrap_or_default();
    if let Some(c) = simple_code(up) {
        return Ok((r, c));
    }
    match up {
        b"BADCHARSET" => {
            // "BADCHARSET" [SP "(" charset *(SP charset) ")"]; lenient:
            // without the parentheses, as RFC 9051 §6.4.4's own example
            // sends it (`[BADCHARSET UTF-8]`).
            match r.first() {
                Some(b' ') => {
                    let (r, ()) = sp(r)?;
                    match r.first() {
                        Some(b'(') => {
                            let (r, list) = paren_list(r, charset)?;
                            Ok((r, R::BadCharset(list)))
                        }
                        Some(b']') => Ok((r, R::BadCharset(Vec::new()))),
                        _ => {
                            let mut list = Vec::new();
                            let mut r = r;
                            loop {
                                let (r2, c) = charset(r)?;
                                list.push(c);
                                r = r2;
                                match (r.first(), r.iter().position(|&b| b != b' ')) {
                                    (Some(b' '), Some(k)) if r[k] != b']' => r = sp(r)?.0,
                                    _ => return Ok((r, R::BadCharset(list))),
                                }
                            }
                        }
                    }
                }
                _ => Ok((r, R::BadCharset(Vec::new()))),
            }
        }
        b"CAPABILITY" => {
            let (r, caps) = capabilities(r)?;
            Ok((r, R::Capability(caps)))
        }
        b"PERMANENTFLAGS" => {
            let (r, ()) = sp(r)?;
            let (r, f) = paren_list(r, flag_perm)?;
            Ok((r, R::PermanentFlags(f)))
        }
        b"UIDNEXT" => {
            let (r, n) = nz_number(sp(r)?.0)?;
            Ok((r, R::UidNext(n)))
        }
        b"UIDVALIDITY" => {
            let (r, n) = nz_number(sp(r)?.0)?;
            Ok((r, R::UidValidity(n)))
        }
        b"UNSEEN" => {
            let (r, n) = nz_number(sp(r)?.0)?;
            Ok((r, R::Unseen(n)))
        }
        b"APPENDUID" => {
            // resp-code-apnd = "APPENDUID" SP nz-number SP append-uid
            let (r, v) = nz_number(sp(r)?.0)?;
            let (r, uids) = sequence_set(sp(r)?.0)?;
            Ok((
                r,
                R::AppendUid {
                    uid_validity: v,
                    uids,
                },
            ))
        }
        b"COPYUID" => {
            // resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
            let (r, v) = nz_number(sp(r)?.0)?;
            let (r, source) = sequence_set(sp(r)?.0)?;
            let (r, destination) = sequence_set(sp(r)?.0)?;
            Ok((
                r,
                R::CopyUid {
                    uid_validity: v,
                    source,
                    destination,
                },
            ))
        }
        b"HIGHESTMODSEQ" => {
            let (r, n) = number64(sp(r)?.0)?;
            Ok((r, R::HighestModSeq(n)))
        }
        b"MODIFIED" => {
            let (r, s) = sequence_set(sp(r)?.0)?;
            Ok((r, R::Modified(s)))
        }
        b"METADATA" => {
            let (r, m) = metadata_code(sp(r)?.0)?;
            Ok((r, R::Metadata(m)))
        }
        b"MAILBOXID" => {
            let (r, o) = paren_objectid(sp(r)?.0)?;
            Ok((r, R::MailboxId(o)))
        }
        b"BADURL" => {
            let (r, t) = code_text(sp(r)?.0)?;
            Ok((r, R::BadUrl(t)))
        }
        b"REFERRAL" => {
            let (r, t) = code_text(sp(r)?.0)?;
            Ok((r, R::Referral(t)))
        }
        _ => {
            let name = Atom::unchecked(ascii(name));
            match r.first() {
                Some(b' ') => {
                    let (r2, ()) = sp(r)?;
                    if let Some(b']') = r2.first() {
                        // "[XFOO ]": trailing spaces, no argument.
                        return Ok((r2, R::Other(OtherCode::unchecked(name, None))));
                    }
                    let (r2, t) = code_text(r2)?;
                    Ok((r2, R::Other(OtherCode::unchecked(name, Some(t)))))
                }
                _ => Ok((r, R::Other(OtherCode::unchecked(name, None)))),
            }
        }
    }
}

/// The response codes without arguments, by upper-case name.
fn simple_code(name: &[u8]) -> Option<ResponseCode<'static>> {
    use ResponseCode as R;
    Some(match name {
        b"ALERT" => R::Alert,
        b"PARSE" => R::Parse,
        b"READ-ONLY" => R::ReadOnly,
        b"READ-WRITE" => R::ReadWrite,
        b"TRYCREATE" => R::TryCreate,
        b"UIDNOTSTICKY" => R::UidNotSticky,
        b"UNAVAILABLE" => R::Unavailable,
        b"AUTHENTICATIONFAILED" => R::AuthenticationFailed,
        b"AUTHORIZATIONFAILED" => R::AuthorizationFailed,
        b"EXPIRED" => R::Expired,
        b"PRIVACYREQUIRED" => R::PrivacyRequired,
        b"CONTACTADMIN" => R::ContactAdmin,
        b"NOPERM" => R::NoPerm,
        b"INUSE" => R::InUse,
        b"EXPUNGEISSUED" => R::ExpungeIssued,
        b"CORRUPTION" => R::Corruption,
        b"SERVERBUG" => R::ServerBug,
        b"CLIENTBUG" => R::ClientBug,
        b"CANNOT" => R::Cannot,
        b"LIMIT" => R::Limit,
        b"OVERQUOTA" => R::OverQuota,
        b"ALREADYEXISTS" => R::AlreadyExists,
        b"NONEXISTENT" => R::NonExistent,
        b"NOTSAVED" => R::NotSaved,
        b"HASCHILDREN" => R::HasChildren,
        b"CLOSED" => R::Closed,
        b"UNKNOWN-CTE" => R::UnknownCte,
        b"NOMODSEQ" => R::NoModSeq,
        b"COMPRESSIONACTIVE" => R::CompressionActive,
        b"TOOBIG" => R::TooBig,
        _ => return None,
    })
}

/// `"METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number /
/// "TOOMANY" / "NOPRIVATE")` (RFC 5464 §5), after `METADATA SP`.
fn metadata_code(i: &[u8]) -> PResult<'_, MetadataCode> {
    let (r, kw) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    match fast::upper(kw, &mut buf).unwrap_or_default() {
        b"LONGENTRIES" => {
            let (r, n) = number(sp(r)?.0)?;
            Ok((r, MetadataCode::LongEntries(n)))
        }
        b"MAXSIZE" => {
            let (r, n) = number(sp(r)?.0)?;
            Ok((r, MetadataCode::MaxSize(n)))
        }
        b"TOOMANY" => Ok((r, MetadataCode::TooMany)),
        b"NOPRIVATE" => Ok((r, MetadataCode::NoPrivate)),
        _ => fail(i, "LONGENTRIES, MAXSIZE, TOOMANY or NOPRIVATE"),
    }
}

/// `*(SP capability)` (RFC 9051 §9), as in `capability-data` and
/// `enable-data`; trailing spaces are left for `crlf`.
fn capabilities(mut i: &[u8]) -> PResult<'_, Vec<crate::types::Capability<'_>>> {
    let mut caps = Vec::new();
    loop {
        let Some(b' ') = i.first() else {
            return Ok((i, caps));
        };
        let (r, ()) = sp(i)?;
        match r.first() {
            Some(&b) if fast::is_atom_char(b) => {
                let (r, c) = capability(r)?;
                caps.push(c);
                i = r;
            }
            // Trailing spaces before CRLF or "]".
            _ => return Ok((r, caps)),
        }
    }
}

/// `"*" SP` then `resp-cond-state / resp-cond-auth / resp-cond-bye /
/// mailbox-data / message-data / capability-data / enable-data` or an
/// extension's data, with the CRLF (RFC 9051 §9).
fn untagged(i: &[u8], depth: Depth) -> PResult<'_, Response<'_>> {
    if let Some(b'0'..=b'9') = i.first() {
        let (r, n) = number(i)?;
        let (r, ()) = sp(r)?;
        return message_data(r, n, depth);
    }
    let (r, kw) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let (r, data) = match fast::upper(kw, &mut buf).unwrap_or_default() {
        b"OK" => return untagged_status(r, Condition::Ok),
        b"NO" => return untagged_status(r, Condition::No),
        b"BAD" => return untagged_status(r, Condition::Bad),
        b"PREAUTH" => return untagged_status(r, Condition::PreAuth),
        b"BYE" => return untagged_status(r, Condition::Bye),
        b"CAPABILITY" => {
            let (r, c) = capabilities(r)?;
            (r, Data::Capability(c))
        }
        b"ENABLED" => {
            let (r, c) = capabilities(r)?;
            (r, Data::Enabled(c))
        }
        b"LIST" => {
            let (r, l) = mailbox_list(sp(r)?.0, depth)?;
            (r, Data::List(l))
        }
        b"LSUB" => {
            let (r, l) = mailbox_list(sp(r)?.0, depth)?;
            (r, Data::Lsub(l))
        }
        b"STATUS" => status_data(sp(r)?.0, depth)?,
        b"SEARCH" => {
            let (r, (numbers, modseq)) = search_numbers(r)?;
            (r, Data::Search { numbers, modseq })
        }
        b"SORT" => {
            let (r, (numbers, modseq)) = search_numbers(r)?;
            (r, Data::Sort { numbers, modseq })
        }
        b"ESEARCH" => {
            let (r, e) = super::search::esearch_response(r, depth)?;
            (r, Data::ESearch(e))
        }
        b"THREAD" => {
            // thread-data = "THREAD" [SP 1*thread-list]; the search
            // grammar reads from the SP on.
            let (r, t) = super::search::thread_data(r, depth)?;
            (r, Data::Thread(t))
        }
        b"FLAGS" => {
            let (r, f) = flag_list(sp(r)?.0)?;
            (r, Data::Flags(f))
        }
        b"VANISHED" => vanished(sp(r)?.0)?,
        b"NAMESPACE" => namespace_response(sp(r)?.0)?,
        b"ID" => id_response(sp(r)?.0)?,
        b"QUOTA" => quota_response(sp(r)?.0)?,
        b"QUOTAROOT" => quotaroot_response(sp(r)?.0)?,
        b"METADATA" => metadata_resp(sp(r)?.0)?,
        b"ACL" => acl_data(sp(r)?.0)?,
        b"LISTRIGHTS" => listrights_data(sp(r)?.0)?,
        b"MYRIGHTS" => myrights_data(sp(r)?.0)?,
        _ => {
            let (r, rest) = rest_of_message(r)?;
            (
                r,
                Data::Other(OtherData::unchecked(None, Atom::unchecked(ascii(kw)), rest)),
            )
        }
    };
    let (r, ()) = crlf(r)?;
    Ok((r, Response::Data(data)))
}

/// `resp-cond-state / resp-cond-auth / resp-cond-bye` after the keyword.
fn untagged_status(r: &[u8], condition: Condition) -> PResult<'_, Response<'_>> {
    let (r, text) = after_status(r)?;
    Ok((r, Response::Untagged(UntaggedStatus { condition, text })))
}

/// `message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))`,
/// `number SP "EXISTS"`, `number SP "RECENT"` (RFC 9051 §9, RFC 3501),
/// after the number and its SP.
fn message_data(i: &[u8], n: u32, depth: Depth) -> PResult<'_, Response<'_>> {
    let (r, kw) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let nz = |n: u32| match std::num::NonZeroU32::new(n) {
        Some(v) => Ok(v),
        None => Err(super::error_at(i, "a non-zero message number")),
    };
    let (r, data) = match fast::upper(kw, &mut buf).unwrap_or_default() {
        b"EXISTS" => (r, Data::Exists(n)),
        b"RECENT" => (r, Data::Recent(n)),
        b"EXPUNGE" => (r, Data::Expunge(nz(n)?)),
        b"FETCH" => {
            let seq = nz(n)?;
            let (r, items) = super::fetch::msg_att(sp(r)?.0, depth)?;
            (r, Data::Fetch { seq, items })
        }
        _ => {
            let (r, rest) = rest_of_message(r)?;
            (
                r,
                Data::Other(OtherData::unchecked(
                    Some(n),
                    Atom::unchecked(ascii(kw)),
                    rest,
                )),
            )
        }
    };
    let (r, ()) = crlf(r)?;
    Ok((r, Response::Data(data)))
}

/// The rest of an unknown response after its keyword: `[SP 1*OCTET]` up to
/// the CRLF that ends the message, literals counted (a line ending in
/// `{n}` continues n octets after its CRLF). Stops before that CRLF.
fn rest_of_message(i: &[u8]) -> PResult<'_, Option<&[u8]>> {
    let Some(b' ') = i.first() else {
        return Ok((i, None));
    };
    let (i, ()) = sp(i)?;
    let mut pos = 0;
    let mut line_start = 0;
    loop {
        let Some(k) = memchr::memchr2(b'\r', b'\n', &i[pos..]) else {
            return fail(&i[i.len()..], "CRLF");
        };
        let cr = pos + k;
        if i[cr] != b'\r' || i.get(cr + 1) != Some(&b'\n') {
            return fail(&i[cr..], "CRLF (no bare CR or LF)");
        }
        if let Some(z) = memchr::memchr(0, &i[line_start..cr]) {
            return fail(&i[line_start + z..], "no NUL outside a literal");
        }
        match fast::literal_header(&i[line_start..cr]) {
            Ok(Some(h)) => {
                let body = cr + 2;
                let Some(end) = usize::try_from(h.length)
                    .ok()
                    .and_then(|n| body.checked_add(n))
                    .filter(|&e| e <= i.len())
                else {
                    return fail(&i[i.len()..], "literal octets");
                };
                pos = end;
                line_start = end;
            }
            Ok(None) if cr == 0 => return Ok((i, None)),
            Ok(None) => return Ok((&i[cr..], Some(&i[..cr]))),
            Err(_) => return fail(&i[line_start..cr], "a literal length of at most 2^63-1"),
        }
    }
}

/// `mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE /
/// nil) SP mailbox [SP mbox-list-extended]` (RFC 9051 §9, RFC 5258 §6).
pub(crate) fn mailbox_list(i: &[u8], depth: Depth) -> PResult<'_, MailboxList<'_>> {
    let (i, attributes) = paren_list(i, mbx_list_flag)?;
    let (i, ()) = sp(i)?;
    let (i, delimiter) = delimiter(i)?;
    let (i, ()) = sp(i)?;
    let (i, mbox) = mailbox(i)?;
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
fn status_data(i: &[u8], depth: Depth) -> PResult<'_, Data<'_>> {
    let (i, mbox) = mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, items) = paren_list(i, |i| status_att_val(i, depth))?;
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

/// `*(SP nz-number) [SP search-sort-mod-seq]`, `search-sort-mod-seq = "("
/// "MODSEQ" SP mod-sequence-value ")"` (RFC 9051 §9, RFC 5256, RFC 7162),
/// after `SEARCH` or `SORT`. Lenient: 0 is taken as a number.
fn search_numbers(mut i: &[u8]) -> PResult<'_, (Vec<u32>, Option<Number64>)> {
    let mut nums = Vec::new();
    loop {
        let Some(b' ') = i.first() else {
            return Ok((i, (nums, None)));
        };
        let (r, ()) = sp(i)?;
        match r.first() {
            Some(b'0'..=b'9') => {
                let (r, n) = number(r)?;
                nums.push(n);
                i = r;
            }
            Some(b'(') => {
                let (r, ()) = keyword("MODSEQ")(&r[1..])?;
                let (r, m) = number64(sp(r)?.0)?;
                let (r, ()) = byte(b')', "\")\"")(r)?;
                return Ok((r, (nums, Some(m))));
            }
            _ => return Ok((r, (nums, None))),
        }
    }
}

/// `expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids` (RFC 7162
/// §7), after `VANISHED SP`.
fn vanished(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, earlier) = match i.first() {
        Some(b'(') => {
            let (r, ()) = keyword("(EARLIER)")(i)?;
            (sp(r)?.0, true)
        }
        _ => (i, false),
    };
    let (i, uids) = sequence_set(i)?;
    Ok((i, Data::Vanished { earlier, uids }))
}

/// `namespace-response = "NAMESPACE" SP namespace SP namespace SP
/// namespace` (RFC 9051 §9, RFC 2342 §6), after `NAMESPACE SP`.
fn namespace_response(i: &[u8]) -> PResult<'_, Data<'_>> {
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

/// `id_response = "ID" SP id_params_list`, `id_params_list = "("
/// #(string SP nstring) ")" / nil` (RFC 2971 §4), after `ID SP`.
fn id_response(i: &[u8]) -> PResult<'_, Data<'_>> {
    if let Ok((r, ())) = nil(i) {
        return Ok((r, Data::Id(None)));
    }
    let (mut i, ()) = byte(b'(', "\"(\" or NIL")(i)?;
    let mut out = Vec::new();
    loop {
        while let Some(b' ') = i.first() {
            i = &i[1..];
        }
        if let Some(b')') = i.first() {
            return Ok((&i[1..], Data::Id(Some(out))));
        }
        let (r, k) = string(i)?;
        let (r, ()) = sp(r)?;
        let (r, v) = nstring(r)?;
        out.push((k, v));
        match r.first() {
            Some(b' ' | b')') => i = r,
            _ => return fail(r, "SP or \")\""),
        }
    }
}

/// `quota-response = "QUOTA" SP quota-root-name SP quota-list`,
/// `quota-list = "(" quota-resource *(SP quota-resource) ")"`,
/// `quota-resource = resource-name SP resource-usage SP resource-limit`
/// (RFC 9208 §7), after `QUOTA SP`.
fn quota_response(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, root) = astring(i)?;
    let (i, ()) = sp(i)?;
    let (i, resources) = paren_list(i, |i| {
        let (i, name) = atom(i)?;
        let (i, usage) = number64(sp(i)?.0)?;
        let (i, limit) = number64(sp(i)?.0)?;
        Ok((i, QuotaResource { name, usage, limit }))
    })?;
    Ok((i, Data::Quota { root, resources }))
}

/// `*(SP astring)`; trailing spaces are left for `crlf`.
fn sp_astrings(mut i: &[u8]) -> PResult<'_, Vec<AString<'_>>> {
    let mut out = Vec::new();
    loop {
        let Some(b' ') = i.first() else {
            return Ok((i, out));
        };
        let (r, ()) = sp(i)?;
        if let Some(b'\r') | None = r.first() {
            return Ok((r, out));
        }
        let (r, a) = astring(r)?;
        out.push(a);
        i = r;
    }
}

/// `quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)`
/// (RFC 9208 §7), after `QUOTAROOT SP`.
fn quotaroot_response(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, mbox) = mailbox(i)?;
    let (i, roots) = sp_astrings(i)?;
    Ok((
        i,
        Data::QuotaRoot {
            mailbox: mbox,
            roots,
        },
    ))
}

/// `metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)`,
/// `entry-values = "(" entry-value *(SP entry-value) ")"`, `entry-value =
/// entry SP value`, `value = nstring / literal8`, `entry-list = entry *(SP
/// entry)` (RFC 5464 §5), after `METADATA SP`.
fn metadata_resp(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, mbox) = mailbox(i)?;
    let values = i.first() == Some(&b' ') && i.iter().find(|&&b| b != b' ') == Some(&b'(');
    let (i, entries) = if values {
        let (r, v) = paren_list(sp(i)?.0, |i| {
            let (i, e) = astring(i)?;
            let (i, ()) = sp(i)?;
            let (i, v) = match i.first() {
                Some(b'~') => {
                    let (r, l) = super::core::literal(i)?;
                    (r, MetadataValue::Binary(l.data))
                }
                _ => {
                    let (r, s) = nstring(i)?;
                    (r, s.map_or(MetadataValue::Nil, MetadataValue::String))
                }
            };
            Ok((i, (e, v)))
        })?;
        (r, MetadataEntries::Values(v))
    } else {
        // Lenient: no entry at all, so that an empty list round-trips.
        let (r, list) = sp_astrings(i)?;
        (r, MetadataEntries::List(list))
    };
    Ok((
        i,
        Data::Metadata {
            mailbox: mbox,
            entries,
        },
    ))
}

/// `acl-data = "ACL" SP mailbox *(SP identifier SP rights)` (RFC 4314 §7),
/// after `ACL SP`.
fn acl_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, mbox) = mailbox(i)?;
    let (i, list) = sp_astrings(i)?;
    if list.len() % 2 != 0 {
        return fail(i, "SP rights after the identifier");
    }
    let mut entries = Vec::with_capacity(list.len() / 2);
    let mut it = list.into_iter();
    while let (Some(id), Some(rights)) = (it.next(), it.next()) {
        entries.push((id, rights));
    }
    Ok((
        i,
        Data::Acl {
            mailbox: mbox,
            entries,
        },
    ))
}

/// `listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights
/// *(SP rights)` (RFC 4314 §7), after `LISTRIGHTS SP`.
fn listrights_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, mbox) = mailbox(i)?;
    let (i, identifier) = astring(sp(i)?.0)?;
    let (i, required) = astring(sp(i)?.0)?;
    let (i, optional) = sp_astrings(i)?;
    Ok((
        i,
        Data::ListRights {
            mailbox: mbox,
            identifier,
            required,
            optional,
        },
    ))
}

/// `myrights-data = "MYRIGHTS" SP mailbox SP rights` (RFC 4314 §7), after
/// `MYRIGHTS SP`.
fn myrights_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, mbox) = mailbox(i)?;
    let (i, rights) = astring(sp(i)?.0)?;
    Ok((
        i,
        Data::MyRights {
            mailbox: mbox,
            rights,
        },
    ))
}

#[cfg(test)]
mod tests;
