//! The grammar of server responses (RFC 9051 §7, §9 `response`), with the
//! response codes and data of the extensions listed in
//! [`crate::types::Response`]'s module.
//!
//! Dispatch is on the keyword: the atom after `*` (or after `* n`) is read
//! once, upper-cased into a small buffer and matched, so the cost does not
//! grow with the number of known responses.
//!
//! This file reads the message level (statuses, `resp-text`, continuation
//! requests) and dispatches untagged data on its keyword; the response
//! codes are read in `code.rs`, the data after its keyword in `data.rs` and
//! `mailbox_data.rs`.

use super::code::bracketed_code;
use super::core::{ascii, atom_bytes, byte, crlf, flag_list, number, raw_value, sp, tag, text};
use super::data::{
    acl_data, capabilities, id_response, listrights_data, message_data, metadata_resp,
    myrights_data, quota_response, quotaroot_response, rest_of_message, search_numbers, vanished,
};
use super::mailbox_data::{mailbox_list, namespace_response, status_data};
use super::{fail, Depth, PResult, ParseLimits};
use crate::fast;
use crate::types::code::opens_code;
use crate::types::{
    Atom, Condition, ContinueRequest, Data, OtherData, RespText, Response, State, TaggedStatus,
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
/// Lenient: `tag SP "BYE" SP resp-text` ([`State::Bye`]).
pub(crate) fn response_tagged(i: &[u8]) -> PResult<'_, Response<'_>> {
    let (i, t) = tag(i)?;
    let (i, ()) = sp(i)?;
    let (r, kw) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let state = match fast::upper(kw, &mut buf).unwrap_or_default() {
        b"OK" => State::Ok,
        b"NO" => State::No,
        b"BAD" => State::Bad,
        // Not in the grammar, sent by real servers (see `State::Bye`).
        b"BYE" => State::Bye,
        _ => return fail(i, "OK, NO, BAD or BYE"),
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
/// text must not end like a literal header (it would not be one message).
/// Lenient: no SP after the `]` of a known code; a `[` that opens no
/// readable code is text; a known code with a malformed argument is kept
/// raw; the text after a code may begin with `[` (Gmail). See
/// [`RespText`] for the whole rule, and `bracketed_code`.
pub(crate) fn resp_text(i: &[u8]) -> PResult<'_, RespText<'_>> {
    if let Some(b'[') = i.first() {
        if let Some((r, code)) = bracketed_code(i).map_err(nom::Err::Error)? {
            let r = match r.first() {
                Some(b' ') => sp(r)?.0,
                _ => r,
            };
            let (rest, t) = text(r)?;
            if t.as_str().starts_with('[') && opens_code(t.as_str().as_bytes()) {
                return fail(r, "text after the response code (not a second code)");
            }
            if !matches!(fast::literal_header(t.as_str().as_bytes()), Ok(None)) {
                return fail(r, "text (not a literal header)");
            }
            return Ok((
                rest,
                RespText {
                    code: Some(code),
                    text: t,
                },
            ));
        }
    }
    let (r, t) = text(i)?;
    if !matches!(fast::literal_header(t.as_str().as_bytes()), Ok(None)) {
        return fail(i, "text (not a literal header)");
    }
    debug_assert!(!opens_code(t.as_str().as_bytes()), "{t:?}");
    Ok((
        r,
        RespText {
            code: None,
            text: t,
        },
    ))
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
    let up = fast::upper(kw, &mut buf).unwrap_or_default();
    match up {
        b"OK" => return untagged_status(r, Condition::Ok),
        b"NO" => return untagged_status(r, Condition::No),
        b"BAD" => return untagged_status(r, Condition::Bad),
        b"PREAUTH" => return untagged_status(r, Condition::PreAuth),
        b"BYE" => return untagged_status(r, Condition::Bye),
        _ => {}
    }
    let strict = known_data(up, kw, r, depth).and_then(|(r, data)| {
        let (r, ()) = crlf(r)?;
        Ok((r, Response::Data(data)))
    });
    match strict {
        Err(nom::Err::Error(e)) if !e.at.first().is_some_and(u8::is_ascii_digit) => {
            match raw_data(kw, r, depth) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(nom::Err::Error(e)),
                // A limit met by the raw reading (nesting depth) is that
                // limit's error, as it would be for the strict reading: a
                // lower limit never changes what a message means (found by
                // the parse_response fuzz target).
                Err(limit) => Err(limit),
            }
        }
        other => other,
    }
}

/// The raw fallback of known untagged data (degrade, never fail): data
/// whose keyword this crate knows but whose strict reading failed (Gmail's
/// `* FLAGS (\Answered OIB-Seen-[Gmail]/All \*)`, a LIST with an odd
/// delimiter) is kept as [`Data::Other`] under its keyword, with its bytes
/// as sent, when they are a sequence of values of the generic value
/// grammar (balanced parentheses, strings, literals: `raw_value`) up to
/// the CRLF. Not when the strict reading failed at a digit: numbers out of
/// their range (or a zero where the grammar wants non-zero) stay errors.
/// Re-encoded, the same bytes fail the strict reading the same way, so
/// they parse back to the same value.
///
/// `Ok(None)`: not such a sequence (the strict error stands); `Err`: a
/// limit (nesting depth) met on the way.
fn raw_data<'a>(
    kw: &'a [u8],
    r: &'a [u8],
    depth: Depth,
) -> Result<Option<(&'a [u8], Response<'a>)>, nom::Err<super::PErr<'a>>> {
    let Ok((rest_r, rest)) = rest_of_message(r) else {
        return Ok(None);
    };
    let mut v = rest.unwrap_or_default();
    while !v.is_empty() {
        let after = match raw_value(v, depth) {
            Ok((after, _)) => after,
            Err(nom::Err::Failure(e)) if matches!(e.kind, super::ErrKind::Limit(..)) => {
                return Err(nom::Err::Failure(e))
            }
            Err(_) => return Ok(None),
        };
        v = &after[after.iter().take_while(|&&b| b == b' ').count()..];
    }
    let Ok((end, ())) = crlf(rest_r) else {
        return Ok(None);
    };
    Ok(Some((
        end,
        Response::Data(Data::Other(OtherData::unchecked(
            None,
            Atom::unchecked(ascii(kw)),
            rest,
        ))),
    )))
}

/// The data after a known keyword of untagged data (`mailbox-data`,
/// `capability-data`, `enable-data` and the extensions' data, RFC 9051
/// §9), without the CRLF; unknown keywords as [`Data::Other`].
fn known_data<'a>(up: &[u8], kw: &'a [u8], r: &'a [u8], depth: Depth) -> PResult<'a, Data<'a>> {
    Ok(match up {
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
        b"XLIST" => {
            let (r, l) = mailbox_list(sp(r)?.0, depth)?;
            (r, Data::Xlist(l))
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
        b"LANGUAGE" => super::i18n::language_data(sp(r)?.0)?,
        b"JMAPACCESS" => super::progress::jmapaccess_data(r)?,
        b"GENURLAUTH" => super::urlauth::genurlauth_data(r)?,
        b"URLFETCH" => super::urlauth::urlfetch_data(r, depth)?,
        b"COMPARATOR" => super::i18n::comparator_data(sp(r)?.0)?,
        _ => {
            let (r, rest) = rest_of_message(r)?;
            (
                r,
                Data::Other(OtherData::unchecked(None, Atom::unchecked(ascii(kw)), rest)),
            )
        }
    })
}

/// `resp-cond-state / resp-cond-auth / resp-cond-bye` after the keyword.
fn untagged_status(r: &[u8], condition: Condition) -> PResult<'_, Response<'_>> {
    let (r, text) = after_status(r)?;
    Ok((r, Response::Untagged(UntaggedStatus { condition, text })))
}

#[cfg(test)]
mod quirks;
#[cfg(test)]
mod tests;
