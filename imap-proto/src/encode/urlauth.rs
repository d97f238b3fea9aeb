//! URLAUTH (RFC 4467) and the extended URLFETCH (RFC 5524) to bytes.

use super::{Encode, Encoder};
use crate::types::{
    AString, ResetKeyTarget, UrlAuthMechanism, UrlFetchArg, UrlFetchData, UrlFetchParam,
    UrlFetchValue, UrlMech, UrlMetadata,
};

impl Encode for UrlAuthMechanism<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}

/// What follows `GENURLAUTH`: `1*(SP url-rump SP mechanism)`.
pub(crate) fn genurlauth(e: &mut Encoder, pairs: &[(AString<'_>, UrlAuthMechanism<'_>)]) {
    for (url, m) in pairs {
        e.sp();
        url.encode(e);
        e.sp();
        m.encode(e);
    }
}

/// What follows `RESETKEY`: `[SP mailbox *(SP mechanism)]`.
pub(crate) fn resetkey(e: &mut Encoder, target: &Option<ResetKeyTarget<'_>>) {
    if let Some(t) = target {
        e.sp();
        t.mailbox.encode(e);
        for m in &t.mechanisms {
            e.sp();
            m.encode(e);
        }
    }
}

impl Encode for UrlFetchParam<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            UrlFetchParam::Body => e.raw(b"BODY"),
            UrlFetchParam::Binary => e.raw(b"BINARY"),
            UrlFetchParam::BodyPartStructure => e.raw(b"BODYPARTSTRUCTURE"),
            UrlFetchParam::Other(x) => x.as_atom().encode(e),
        }
    }
}

impl Encode for UrlFetchArg<'_> {
    /// `url-full` or `"(" url-full *(SP url-fetch-param) ")"`.
    fn encode(&self, e: &mut Encoder) {
        match &self.params {
            None => self.url.encode(e),
            Some(params) => {
                e.byte(b'(');
                self.url.encode(e);
                for p in params {
                    e.sp();
                    p.encode(e);
                }
                e.byte(b')');
            }
        }
    }
}

impl Encode for UrlFetchData<'_> {
    /// `url-full SP nstring` or `url-full 1*(SP "(" url-metadata-el ")")`.
    fn encode(&self, e: &mut Encoder) {
        self.url.encode(e);
        match &self.value {
            UrlFetchValue::Simple(n) => {
                e.sp();
                n.encode(e);
            }
            UrlFetchValue::Metadata(items) => {
                for m in items {
                    e.raw(b" (");
                    match m {
                        UrlMetadata::BodyPartStructure(b) => {
                            e.raw(b"BODYPARTSTRUCTURE ");
                            b.encode(e);
                        }
                        UrlMetadata::Body(n) => {
                            e.raw(b"BODY ");
                            n.encode(e);
                        }
                        UrlMetadata::Binary(None) => e.raw(b"BINARY NIL"),
                        UrlMetadata::Binary(Some(b)) => {
                            e.raw(b"BINARY ");
                            if b.contains(&0) {
                                e.literal(b, true, None);
                            } else {
                                e.string(b);
                            }
                        }
                    }
                    e.byte(b')');
                }
            }
        }
    }
}

/// What follows `URLMECH`: ` INTERNAL *(SP mechanism ["=" base64])`.
pub(crate) fn urlmech(e: &mut Encoder, mechs: &[UrlMech<'_>]) {
    e.raw(b" INTERNAL");
    for m in mechs {
        e.sp();
        m.mechanism.encode(e);
        if let Some(k) = &m.key {
            e.byte(b'=');
            e.raw(crate::fast::base64_encode(k).as_bytes());
        }
    }
}
