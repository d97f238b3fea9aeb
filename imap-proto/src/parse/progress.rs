//! The grammar of the INPROGRESS (RFC 9585) and MESSAGELIMIT (RFC 9738)
//! response codes and of JMAPACCESS (RFC 9698). The texts of these RFCs
//! were not at hand: the rules quoted are as their implementations read
//! them.

use std::borrow::Cow;

use super::core::{astring, byte, nil, number, nz_number, quoted, sp};
use super::{fail, PResult};
use crate::fast;
use crate::types::{Data, InProgress, NzNumber, ResponseCode, Tag};

/// After `INPROGRESS`: `[SP "(" progress-tag SP progress-count SP
/// progress-goal ")"]`, `progress-tag = quoted / nil`, `progress-count =
/// number / nil`, `progress-goal = nz-number / nil` (RFC 9585).
pub(crate) fn inprogress_code(i: &[u8]) -> PResult<'_, ResponseCode<'_>> {
    if !matches!((i.first(), i.get(1)), (Some(b' '), Some(b'('))) {
        return Ok((i, ResponseCode::InProgress(None)));
    }
    let (i, ()) = byte(b'(', "\"(\"")(&i[1..])?;
    let (i, tag) = match nil(i) {
        Ok((r, ())) => (r, None),
        Err(_) => {
            let (r, q) = quoted(i)?;
            let t = match q {
                Cow::Borrowed(b) if !b.is_empty() && b.iter().all(|&c| fast::is_tag_char(c)) => {
                    Tag::unchecked(std::str::from_utf8(b).unwrap_or_default())
                }
                _ => return fail(i, "progress-tag (a quoted tag or NIL)"),
            };
            (r, Some(t))
        }
    };
    let (i, ()) = sp(i)?;
    let (i, count) = match nil(i) {
        Ok((r, ())) => (r, None),
        Err(_) => number(i).map(|(r, n)| (r, Some(n)))?,
    };
    let (i, ()) = sp(i)?;
    let (i, goal) = match nil(i) {
        Ok((r, ())) => (r, None),
        Err(_) => nz_number(i).map(|(r, n)| (r, Some(n)))?,
    };
    let (i, ()) = byte(b')', "\")\" closing INPROGRESS")(i)?;
    Ok((
        i,
        ResponseCode::InProgress(Some(InProgress { tag, count, goal })),
    ))
}

/// After `MESSAGELIMIT`: `SP message-limit [SP uniqueid]`, `message-limit
/// = nz-number`, `uniqueid = nz-number` (RFC 9738).
pub(crate) fn messagelimit_code(i: &[u8]) -> PResult<'_, ResponseCode<'_>> {
    let (i, limit) = nz_number(sp(i)?.0)?;
    let (i, uid): (&[u8], Option<NzNumber>) = match (i.first(), i.get(1)) {
        (Some(b' '), Some(b'0'..=b'9')) => nz_number(&i[1..]).map(|(r, n)| (r, Some(n)))?,
        _ => (i, None),
    };
    Ok((i, ResponseCode::MessageLimit { limit, uid }))
}

/// After `JMAPACCESS`: `SP quoted`, the JMAP session URL (RFC 9698 §3);
/// read as an astring, sent quoted.
pub(crate) fn jmapaccess_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, url) = astring(sp(i)?.0)?;
    Ok((i, Data::JmapAccess(url)))
}
