//! The grammar of untagged data after its keyword (RFC 9051 §9
//! `message-data`, `capability-data`, `enable-data`, SEARCH and SORT, and
//! the data of VANISHED, ID, QUOTA, METADATA and ACL), and of the data this
//! crate does not know. The dispatch on the keyword is in `response.rs`.

use super::core::{
    ascii, astring, atom, atom_bytes, byte, capability, crlf, keyword, mailbox, nil, nstring,
    number, number64, paren_list, sequence_set, sp, string,
};
use super::{fail, Depth, PResult};
use crate::fast;
use crate::types::{
    AString, Atom, Data, MetadataEntries, MetadataValue, Number64, OtherData, QuotaResource,
    Response,
};

/// `*(SP capability)` (RFC 9051 §9), as in `capability-data` and
/// `enable-data`; trailing spaces are left for `crlf`.
pub(super) fn capabilities(mut i: &[u8]) -> PResult<'_, Vec<crate::types::Capability<'_>>> {
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

/// `message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))`,
/// `number SP "EXISTS"`, `number SP "RECENT"` (RFC 9051 §9, RFC 3501),
/// `uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att` (RFC 9586 §3.3),
/// after the number and its SP.
pub(super) fn message_data(i: &[u8], n: u32, depth: Depth) -> PResult<'_, Response<'_>> {
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
        b"UIDFETCH" => {
            let uid = nz(n)?;
            let (r, items) = super::fetch::msg_att(sp(r)?.0, depth)?;
            (r, Data::UidFetch { uid, items })
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
pub(super) fn rest_of_message(i: &[u8]) -> PResult<'_, Option<&[u8]>> {
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

/// `*(SP nz-number) [SP search-sort-mod-seq]`, `search-sort-mod-seq = "("
/// "MODSEQ" SP mod-sequence-value ")"` (RFC 9051 §9, RFC 5256, RFC 7162),
/// after `SEARCH` or `SORT`. Lenient: 0 is taken as a number.
pub(super) fn search_numbers(mut i: &[u8]) -> PResult<'_, (Vec<u32>, Option<Number64>)> {
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
pub(super) fn vanished(i: &[u8]) -> PResult<'_, Data<'_>> {
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

/// `id_response = "ID" SP id_params_list`, `id_params_list = "("
/// #(string SP nstring) ")" / nil` (RFC 2971 §4), after `ID SP`.
pub(super) fn id_response(i: &[u8]) -> PResult<'_, Data<'_>> {
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
pub(super) fn quota_response(i: &[u8]) -> PResult<'_, Data<'_>> {
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
pub(super) fn quotaroot_response(i: &[u8]) -> PResult<'_, Data<'_>> {
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
pub(super) fn metadata_resp(i: &[u8]) -> PResult<'_, Data<'_>> {
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
pub(super) fn acl_data(i: &[u8]) -> PResult<'_, Data<'_>> {
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
pub(super) fn listrights_data(i: &[u8]) -> PResult<'_, Data<'_>> {
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
pub(super) fn myrights_data(i: &[u8]) -> PResult<'_, Data<'_>> {
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
