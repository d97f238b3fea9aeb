//! Strategies for URLAUTH (RFC 4467) and the extended URLFETCH (RFC 5524).

use std::borrow::Cow;

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::{astring, atom, body_structure, bytes, mailbox, non_empty, nstring, S};

/// `mechanism`.
pub fn urlauth_mechanism() -> S<UrlAuthMechanism<'static>> {
    prop_oneof![
        select(&["INTERNAL", "internal", "XSAMPLE", "x-one", "X.TWO"][..])
            .prop_map(|s| UrlAuthMechanism::new(s).expect("mechanism")),
        "[A-Za-z0-9.-]{1,12}".prop_map(|s| UrlAuthMechanism::new(s).expect("mechanism")),
    ]
    .boxed()
}

/// `url-fetch-param`.
pub fn url_fetch_param() -> S<UrlFetchParam<'static>> {
    prop_oneof![
        select(
            &[
                UrlFetchParam::Body,
                UrlFetchParam::Binary,
                UrlFetchParam::BodyPartStructure
            ][..]
        ),
        atom().prop_filter_map("a known parameter", |a| {
            UrlFetchParamExt::new(a).ok().map(UrlFetchParam::Other)
        }),
    ]
    .boxed()
}

/// `url-fetch-arg`.
pub fn url_fetch_arg() -> S<UrlFetchArg<'static>> {
    (
        astring(),
        proptest::option::of(vec(url_fetch_param(), 0..3)),
    )
        .prop_map(|(url, params)| UrlFetchArg { url, params })
        .boxed()
}

fn url_metadata() -> S<UrlMetadata<'static>> {
    prop_oneof![
        body_structure().prop_map(|b| UrlMetadata::BodyPartStructure(Box::new(b))),
        nstring().prop_map(UrlMetadata::Body),
        proptest::option::of(bytes()).prop_map(|b| UrlMetadata::Binary(b.map(Cow::Owned))),
    ]
    .boxed()
}

/// One URL of a URLFETCH response.
pub fn url_fetch_data() -> S<UrlFetchData<'static>> {
    let value = prop_oneof![
        nstring().prop_map(UrlFetchValue::Simple),
        non_empty(url_metadata(), 1..3).prop_map(UrlFetchValue::Metadata),
    ];
    (astring(), value)
        .prop_map(|(url, value)| UrlFetchData { url, value })
        .boxed()
}

/// One mechanism of URLMECH.
pub fn url_mech() -> S<UrlMech<'static>> {
    (urlauth_mechanism(), proptest::option::of(bytes()))
        .prop_map(|(mechanism, key)| UrlMech {
            mechanism,
            key: key.map(Cow::Owned),
        })
        .boxed()
}

/// The GENURLAUTH, RESETKEY and URLFETCH commands.
pub fn urlauth_command() -> S<CommandBody<'static>> {
    let target = (mailbox(), vec(urlauth_mechanism(), 0..3)).prop_map(|(mailbox, mechanisms)| {
        ResetKeyTarget {
            mailbox,
            mechanisms,
        }
    });
    prop_oneof![
        non_empty((astring(), urlauth_mechanism()).boxed(), 1..3).prop_map(CommandBody::GenUrlAuth),
        proptest::option::of(target).prop_map(CommandBody::ResetKey),
        non_empty(url_fetch_arg(), 1..3).prop_map(CommandBody::UrlFetch),
    ]
    .boxed()
}
