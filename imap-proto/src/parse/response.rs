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

use super::code::resp_text_code;
use super::core::{ascii, atom_bytes, byte, crlf, flag_list, number, sp, tag, text};
use super::data::{
    acl_data, capabilities, id_response, listrights_data, message_data, metadata_resp,
    myrights_data, quota_response, quotaroot_response, rest_of_message, search_numbers, vanished,
};
use super::mailbox_data::{mailbox_list, namespace_response, status_data};
use super::{fail, Depth, PResult, ParseLimits};
use crate::fast;
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

#[cfg(test)]
mod tests;
