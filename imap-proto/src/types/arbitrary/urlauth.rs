//! Generators for URLAUTH (RFC 4467) and the extended URLFETCH (RFC 5524).

use std::borrow::Cow;

use ::arbitrary::{Result, Unstructured};

use super::body::gen_body;
use super::*;

pub(super) fn gen_urlauth_mechanism(u: &mut Unstructured<'_>) -> Result<UrlAuthMechanism<'static>> {
    const NAMES: &[&str] = &["INTERNAL", "internal", "XSAMPLE", "x-one", "X.TWO", "a1"];
    let s = if u.arbitrary()? {
        pick(u, NAMES)?.to_owned()
    } else {
        gen_atom(u)?.as_str().to_owned()
    };
    Ok(UrlAuthMechanism::new(s)
        .unwrap_or_else(|_| UrlAuthMechanism::new("INTERNAL").expect("a mechanism")))
}

pub(super) fn gen_reset_key_target(u: &mut Unstructured<'_>) -> Result<ResetKeyTarget<'static>> {
    Ok(ResetKeyTarget {
        mailbox: gen_mailbox(u)?,
        mechanisms: list(u, 0, 3, gen_urlauth_mechanism)?,
    })
}

pub(super) fn gen_url_fetch_param_ext(
    u: &mut Unstructured<'_>,
) -> Result<UrlFetchParamExt<'static>> {
    Ok(UrlFetchParamExt::new(gen_atom(u)?).unwrap_or_else(|_| {
        UrlFetchParamExt::new(Atom::new("X-PARAM").expect("an atom")).expect("ext")
    }))
}

pub(super) fn gen_url_fetch_param(u: &mut Unstructured<'_>) -> Result<UrlFetchParam<'static>> {
    Ok(match small(u, 3)? {
        0 => UrlFetchParam::Body,
        1 => UrlFetchParam::Binary,
        2 => UrlFetchParam::BodyPartStructure,
        _ => UrlFetchParam::Other(gen_url_fetch_param_ext(u)?),
    })
}

pub(super) fn gen_url_fetch_arg(u: &mut Unstructured<'_>) -> Result<UrlFetchArg<'static>> {
    Ok(UrlFetchArg {
        url: gen_astring(u)?,
        params: if u.arbitrary()? {
            Some(list(u, 0, 3, gen_url_fetch_param)?)
        } else {
            None
        },
    })
}

pub(super) fn gen_url_metadata(u: &mut Unstructured<'_>) -> Result<UrlMetadata<'static>> {
    Ok(match small(u, 3)? {
        0 => UrlMetadata::BodyPartStructure(Box::new(gen_body(u, 2)?)),
        1 => UrlMetadata::Body(gen_nstring(u)?),
        2 => UrlMetadata::Binary(None),
        _ => UrlMetadata::Binary(Some(Cow::Owned(edge_bytes(u)?))),
    })
}

pub(super) fn gen_url_fetch_value(u: &mut Unstructured<'_>) -> Result<UrlFetchValue<'static>> {
    Ok(if u.arbitrary()? {
        UrlFetchValue::Simple(gen_nstring(u)?)
    } else {
        UrlFetchValue::Metadata(list1(u, 3, gen_url_metadata)?)
    })
}

pub(super) fn gen_url_fetch_data(u: &mut Unstructured<'_>) -> Result<UrlFetchData<'static>> {
    Ok(UrlFetchData {
        url: gen_astring(u)?,
        value: gen_url_fetch_value(u)?,
    })
}

pub(super) fn gen_url_mech(u: &mut Unstructured<'_>) -> Result<UrlMech<'static>> {
    Ok(UrlMech {
        mechanism: gen_urlauth_mechanism(u)?,
        key: if u.arbitrary()? {
            Some(Cow::Owned(edge_bytes(u)?))
        } else {
            None
        },
    })
}
