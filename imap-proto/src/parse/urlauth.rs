//! The grammar of URLAUTH (RFC 4467 §9) and of the extended URLFETCH
//! (RFC 5524 §3).

use std::borrow::Cow;

use super::core::{ascii, astring, atom, byte, literal, mailbox, nstring, sp};
use super::{body, fail, Depth, PResult};
use crate::fast;
use crate::types::{
    AString, CommandBody, Data, NonEmpty, ResetKeyTarget, UrlAuthMechanism, UrlFetchArg,
    UrlFetchData, UrlFetchParam, UrlFetchParamExt, UrlFetchValue, UrlMech, UrlMetadata,
};

/// `mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")` (RFC 4467 §9).
fn mechanism(i: &[u8]) -> PResult<'_, UrlAuthMechanism<'_>> {
    let n = fast::span(i, |b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if n == 0 {
        return fail(i, "mechanism");
    }
    Ok((
        &i[n..],
        UrlAuthMechanism::unchecked(Cow::Borrowed(ascii(&i[..n]))),
    ))
}

/// After the keyword `"GENURLAUTH"`: `genurlauth = "GENURLAUTH" 1*(SP
/// url-rump SP mechanism)`, `url-rump = astring` (RFC 4467 §9).
pub(crate) fn genurlauth(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let pair = |i| -> PResult<'_, (AString<'_>, UrlAuthMechanism<'_>)> {
        let (i, ()) = sp(i)?;
        let (i, url) = astring(i)?;
        let (i, ()) = sp(i)?;
        let (i, m) = mechanism(i)?;
        Ok((i, (url, m)))
    };
    let (mut i, first) = pair(i)?;
    let mut all = NonEmpty::new(first);
    while let (Some(b' '), Some(c)) = (i.first(), i.get(1)) {
        if *c == b'\r' {
            break;
        }
        let (r, p) = pair(i)?;
        all.push(p);
        i = r;
    }
    Ok((i, CommandBody::GenUrlAuth(all)))
}

/// After the keyword `"RESETKEY"`: `resetkey = "RESETKEY" [SP mailbox
/// *(SP mechanism)]` (RFC 4467 §9).
pub(crate) fn resetkey(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    match (i.first(), i.get(1)) {
        (Some(b' '), Some(c)) if *c != b'\r' => {
            let (mut i, mailbox) = mailbox(&i[1..])?;
            let mut mechanisms = Vec::new();
            while let (Some(b' '), Some(c)) = (i.first(), i.get(1)) {
                if *c == b'\r' {
                    break;
                }
                let (r, m) = mechanism(&i[1..])?;
                mechanisms.push(m);
                i = r;
            }
            Ok((
                i,
                CommandBody::ResetKey(Some(ResetKeyTarget {
                    mailbox,
                    mechanisms,
                })),
            ))
        }
        _ => Ok((i, CommandBody::ResetKey(None))),
    }
}

/// `url-fetch-param = "BODY" / "BINARY" / "BODYPARTSTRUCTURE" / atom`
/// (RFC 5524 §3).
fn url_fetch_param(i: &[u8]) -> PResult<'_, UrlFetchParam<'_>> {
    let (r, a) = atom(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    Ok((
        r,
        match fast::upper(a.as_str().as_bytes(), &mut buf) {
            Some(b"BODY") => UrlFetchParam::Body,
            Some(b"BINARY") => UrlFetchParam::Binary,
            Some(b"BODYPARTSTRUCTURE") => UrlFetchParam::BodyPartStructure,
            _ => UrlFetchParam::Other(UrlFetchParamExt::unchecked(a)),
        },
    ))
}

/// After the keyword `"URLFETCH"`: `urlfetch = "URLFETCH" 1*(SP
/// url-fetch-arg)`, `url-fetch-arg = url-fetch-simple / url-fetch-ext`,
/// `url-fetch-simple = url-full`, `url-fetch-ext = "(" url-full *(SP
/// url-fetch-param) ")"`, `url-full = astring` (RFC 4467 §9, RFC 5524 §3).
pub(crate) fn urlfetch(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let arg = |i| -> PResult<'_, UrlFetchArg<'_>> {
        let (i, ()) = sp(i)?;
        if i.first() != Some(&b'(') {
            let (i, url) = astring(i)?;
            return Ok((i, UrlFetchArg { url, params: None }));
        }
        let (mut i, url) = astring(&i[1..])?;
        let mut params = Vec::new();
        while let Some(b' ') = i.first() {
            let (r, p) = url_fetch_param(&i[1..])?;
            params.push(p);
            i = r;
        }
        let (i, ()) = byte(b')', "\")\" closing url-fetch-ext")(i)?;
        Ok((
            i,
            UrlFetchArg {
                url,
                params: Some(params),
            },
        ))
    };
    let (mut i, first) = arg(i)?;
    let mut all = NonEmpty::new(first);
    while let (Some(b' '), Some(c)) = (i.first(), i.get(1)) {
        if *c == b'\r' {
            break;
        }
        let (r, a) = arg(i)?;
        all.push(a);
        i = r;
    }
    Ok((i, CommandBody::UrlFetch(all)))
}

/// After `GENURLAUTH`: `genurlauth-data = "*" SP "GENURLAUTH" 1*(SP
/// url-full)` (RFC 4467 §9).
pub(crate) fn genurlauth_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (mut i, first) = astring(sp(i)?.0)?;
    let mut all = NonEmpty::new(first);
    while let (Some(b' '), Some(c)) = (i.first(), i.get(1)) {
        if *c == b'\r' {
            break;
        }
        let (r, u) = astring(&i[1..])?;
        all.push(u);
        i = r;
    }
    Ok((i, Data::GenUrlAuth(all)))
}

/// After `URLFETCH`: `urlfetch-data = "*" SP "URLFETCH" 1*(SP
/// (urldata-simple / urldata-ext))`, `urldata-simple = url-full SP
/// nstring`, `urldata-ext = url-full url-metadata`, `url-metadata = 1*(SP
/// "(" url-metadata-el ")")` (RFC 4467 §9, RFC 5524 §3; RFC 5524's ABNF has
/// a second SP before each item, which neither its example nor servers
/// send: one is read).
pub(crate) fn urlfetch_data(i: &[u8], depth: Depth) -> PResult<'_, Data<'_>> {
    let item = |i| -> PResult<'_, UrlFetchData<'_>> {
        let (i, url) = astring(sp(i)?.0)?;
        let (i, ()) = sp(i)?;
        if i.first() != Some(&b'(') {
            let (i, n) = nstring(i)?;
            return Ok((
                i,
                UrlFetchData {
                    url,
                    value: UrlFetchValue::Simple(n),
                },
            ));
        }
        let (mut i, m) = url_metadata_el(&i[1..], depth)?;
        let mut all = NonEmpty::new(m);
        while let (Some(b' '), Some(b'(')) = (i.first(), i.get(1)) {
            let (r, m) = url_metadata_el(&i[2..], depth)?;
            all.push(m);
            i = r;
        }
        Ok((
            i,
            UrlFetchData {
                url,
                value: UrlFetchValue::Metadata(all),
            },
        ))
    };
    let (mut i, first) = item(i)?;
    let mut all = NonEmpty::new(first);
    while let (Some(b' '), Some(c)) = (i.first(), i.get(1)) {
        if *c == b'\r' {
            break;
        }
        let (r, d) = item(i)?;
        all.push(d);
        i = r;
    }
    Ok((i, Data::UrlFetch(all)))
}

/// `url-metadata-el = url-meta-bodystruct / url-meta-body /
/// url-meta-binary`, `url-meta-bodystruct = "BODYPARTSTRUCTURE" SP body`,
/// `url-meta-body = "BODY" SP nstring`, `url-meta-binary = "BINARY" SP (
/// nstring / literal8 )` (RFC 5524 §3), after the `(`, through the `)`.
fn url_metadata_el(i: &[u8], depth: Depth) -> PResult<'_, UrlMetadata<'_>> {
    let (r, name) = atom(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let (r, m) = match fast::upper(name.as_str().as_bytes(), &mut buf) {
        Some(b"BODYPARTSTRUCTURE") => {
            let (r, b) = body::body(sp(r)?.0, depth)?;
            (r, UrlMetadata::BodyPartStructure(Box::new(b)))
        }
        Some(b"BODY") => {
            let (r, n) = nstring(sp(r)?.0)?;
            (r, UrlMetadata::Body(n))
        }
        Some(b"BINARY") => {
            let r = sp(r)?.0;
            if r.first() == Some(&b'~') {
                let (r, l) = literal(r)?;
                (r, UrlMetadata::Binary(Some(l.data)))
            } else {
                let (r, n) = nstring(r)?;
                (r, UrlMetadata::Binary(n.map(|s| s.into_inner())))
            }
        }
        _ => return fail(i, "BODYPARTSTRUCTURE, BODY or BINARY"),
    };
    let (r, ()) = byte(b')', "\")\" closing url-metadata-el")(r)?;
    Ok((r, m))
}

/// After `URLMECH`: `"URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])`
/// (RFC 4467 §9).
pub(crate) fn urlmech_code(i: &[u8]) -> PResult<'_, Vec<UrlMech<'_>>> {
    let (mut i, first) = mechanism(sp(i)?.0)?;
    if !first.as_str().eq_ignore_ascii_case("INTERNAL") {
        return fail(i, "INTERNAL after URLMECH");
    }
    let mut out = Vec::new();
    while let (Some(b' '), Some(c)) = (i.first(), i.get(1)) {
        if *c == b']' || *c == b' ' {
            break;
        }
        let (r, mechanism) = mechanism(&i[1..])?;
        let (r, key) = if r.first() == Some(&b'=') {
            let n = fast::span(&r[1..], |b| {
                b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
            });
            match fast::base64_decode(&r[1..1 + n]) {
                Ok(k) => (&r[1 + n..], Some(Cow::Owned(k))),
                Err(at) => return fail(&r[1 + at..], "base64"),
            }
        } else {
            (r, None)
        };
        out.push(UrlMech { mechanism, key });
        i = r;
    }
    Ok((i, out))
}

#[cfg(test)]
mod tests;
