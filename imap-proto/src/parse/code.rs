//! The grammar of response codes (RFC 9051 §9 `resp-text-code`, with the
//! codes of the extensions): what a `resp-text` carries between brackets.

use std::borrow::Cow;

use super::core::{
    ascii, atom_bytes, byte, flag_perm, number, number64, nz_number, paren_list, quoted,
    sequence_set, sp,
};
use super::data::capabilities;
use super::{fail, ErrKind, PErr, PResult};
use crate::fast;
use crate::types::code::is_known_code;
use crate::types::{Atom, CharsetName, CodeText, MetadataCode, ObjectId, OtherCode, ResponseCode};

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
pub(super) fn paren_objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
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
        b"INPROGRESS" => super::progress::inprogress_code(r),
        b"MESSAGELIMIT" => super::progress::messagelimit_code(r),
        b"URLMECH" => {
            let (r, v) = super::urlauth::urlmech_code(r)?;
            Ok((r, R::UrlMech(v)))
        }
        b"BADEVENT" => {
            let (r, v) = super::notify::badevent_list(sp(r)?.0)?;
            Ok((r, R::BadEvent(v)))
        }
        b"REFERRAL" => {
            let (r, t) = code_text(sp(r)?.0)?;
            Ok((r, R::Referral(t)))
        }
        b"ANNOTATE" => super::annotate::annotate_code(sp(r)?.0).map(|(r, c)| (r, R::Annotate(c))),
        b"ANNOTATIONS" => super::annotate::ann_size(sp(r)?.0).map(|(r, s)| (r, R::Annotations(s))),
        b"UNDEFINED-FILTER" => {
            let (r, n) = super::filters::filter_name(sp(r)?.0)?;
            Ok((r, R::UndefinedFilter(n)))
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

/// `"[" resp-text-code "]"` (RFC 9051 §9) at the start of a `resp-text`,
/// `i` starting at the `[`; the rest after the `]`. `None` when the `[`
/// opens no readable code, which then is text (see
/// [`crate::types::RespText`]):
///
/// - the strict reading first (the only cost on valid input);
/// - a code of this crate whose argument does not match its grammar
///   (`[UIDNEXT 0]`, `[COPYUID 701  ]`, `[ALERT SOMETHING]`) is read as the
///   generic `atom [SP 1*<any TEXT-CHAR except "]">]` and kept as an
///   [`OtherCode`] under its own name, its argument raw; but a number too
///   large for its type (`[UIDVALIDITY 9877410381]`) stays an error;
/// - an unknown code counts only if its `]` is followed by SP or the end
///   of the line, so that Gmail's `[Gmail]/Sent Mail` is text.
///
/// The same rule, on text, is `crate::types::code::opens_code`, which
/// [`crate::types::Text`] refuses; the two are tested against each other.
pub(crate) fn bracketed_code(i: &[u8]) -> Result<Option<(&[u8], ResponseCode<'_>)>, PErr<'_>> {
    let Some(inner) = i.get(1..) else {
        return Ok(None);
    };
    match resp_text_code(inner) {
        Ok((r, c)) => {
            // Lenient: spaces before the "]" (`[UIDNEXT 5 ]`).
            let r = &r[r.iter().take_while(|&&b| b == b' ').count()..];
            if let Some((b']', r)) = r.split_first() {
                let known = match &c {
                    ResponseCode::Other(o) => is_known_code(o.name().as_str().as_bytes()),
                    _ => true,
                };
                if known || matches!(r.first(), None | Some(b' ' | b'\r')) {
                    return Ok(Some((r, c)));
                }
                return Ok(None);
            }
        }
        // A number too large for its type stays an error, as everywhere.
        Err(nom::Err::Error(e)) if too_large(&e) => return Err(e),
        Err(_) => {}
    }
    Ok(degraded_code(inner))
}

/// Whether the error is a number beyond the largest its rule allows
/// (`number`, `number64`).
fn too_large(e: &PErr<'_>) -> bool {
    matches!(e.kind, ErrKind::Expected(x) if x.contains("(at most"))
}

/// The degraded reading of a code this crate knows, after its `[`: the
/// generic `atom [SP 1*<any TEXT-CHAR except "]">] "]"`, kept as an
/// [`OtherCode`]; `None` for an unknown name (the generic grammar has read
/// it already) or when no `]` closes it.
fn degraded_code(inner: &[u8]) -> Option<(&[u8], ResponseCode<'_>)> {
    let (r, name) = atom_bytes(inner).ok()?;
    if !is_known_code(name) {
        return None;
    }
    let (r, arg) = match r.first() {
        Some(b']') => (r, None),
        Some(b' ') => {
            let r = sp(r).ok()?.0;
            match r.first() {
                Some(b']') => (r, None),
                _ => {
                    let (r, t) = code_text(r).ok()?;
                    (r, Some(t))
                }
            }
        }
        _ => return None,
    };
    let (b']', r) = r.split_first()? else {
        return None;
    };
    if arg.is_none() {
        // `[ALERT ]`, `[CAPABILITY  ]`: spaces only. Written back without
        // them, the name alone may read strictly: then it is that code.
        let probe = [name, b"]"].concat();
        if let Ok((b"]", c)) = resp_text_code(&probe) {
            return Some((r, c.into_owned()));
        }
    }
    let name = Atom::unchecked(ascii(name));
    Some((r, ResponseCode::Other(OtherCode::unchecked(name, arg))))
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
        b"NOTIFICATIONOVERFLOW" => R::NotificationOverflow,
        b"UIDREQUIRED" => R::UidRequired,
        b"BADCOMPARATOR" => R::BadComparator,
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
