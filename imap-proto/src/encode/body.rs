//! Encoding of ENVELOPE and BODY / BODYSTRUCTURE (RFC 9051 §9): single
//! spaces, upper-case keywords, `1*body` and `1*address` without spaces
//! between the items, all four fields of the extension data once any is
//! present, `NIL` for an empty list.
//!
//! The only bytes written outside RFC 9051's grammar are the `NIL`s a value
//! holds where the grammar wants a string (a media type, subtype, encoding
//! or parameter value that a broken server sent as `NIL`): written as
//! anything else they would not parse back to the same value; and a
//! [`PartKind::Basic`] part named `MESSAGE/RFC822` (a server sent one
//! without its envelope), which RFC 9051 says a server must not send as
//! basic: it is written as it came, and parses back as basic.

use super::{Encode, Encoder};
use crate::types::{
    Address, BodyExt1Part, BodyExtMpart, BodyExtension, BodyFields, BodyFldParam, BodyStructure,
    Disposition, Envelope, IString, MultiPart, NString, PartKind, SinglePart,
};

fn nstring(e: &mut Encoder, s: &NString<'_>) {
    e.nstring(s.as_ref().map(IString::as_bytes));
}

/// `env-from = "(" 1*address ")" / nil` and the like.
fn addresses(e: &mut Encoder, list: &[Address<'_>]) {
    if list.is_empty() {
        e.raw(b"NIL");
    } else {
        e.byte(b'(');
        for a in list {
            a.encode(e);
        }
        e.byte(b')');
    }
}

impl Encode for Address<'_> {
    /// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        nstring(e, &self.name);
        e.sp();
        nstring(e, &self.adl);
        e.sp();
        nstring(e, &self.mailbox);
        e.sp();
        nstring(e, &self.host);
        e.byte(b')');
    }
}

impl Encode for Envelope<'_> {
    /// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP
    /// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
    /// env-message-id ")"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        nstring(e, &self.date);
        e.sp();
        nstring(e, &self.subject);
        for list in [
            &self.from,
            &self.sender,
            &self.reply_to,
            &self.to,
            &self.cc,
            &self.bcc,
        ] {
            e.sp();
            addresses(e, list);
        }
        e.sp();
        nstring(e, &self.in_reply_to);
        e.sp();
        nstring(e, &self.message_id);
        e.byte(b')');
    }
}

impl Encode for BodyStructure<'_> {
    /// `body = "(" (body-type-1part / body-type-mpart) ")"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        match self {
            BodyStructure::Single(s) => s.encode(e),
            BodyStructure::Multi(m) => m.encode(e),
        }
        e.byte(b')');
    }
}

impl Encode for MultiPart<'_> {
    /// `body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]`.
    fn encode(&self, e: &mut Encoder) {
        for b in self.bodies() {
            b.encode(e);
        }
        e.sp();
        nstring(e, &self.subtype);
        if let Some(x) = &self.extension {
            e.sp();
            x.encode(e);
        }
    }
}

impl Encode for SinglePart<'_> {
    /// `body-type-1part = (body-type-basic / body-type-msg /
    /// body-type-text) [SP body-ext-1part]`.
    fn encode(&self, e: &mut Encoder) {
        match &self.kind {
            PartKind::Basic {
                media_type,
                subtype,
            } => {
                nstring(e, media_type);
                e.sp();
                nstring(e, subtype);
                e.sp();
                self.fields.encode(e);
            }
            PartKind::Text { subtype, lines } => {
                e.raw(b"\"TEXT\" ");
                nstring(e, subtype);
                e.sp();
                self.fields.encode(e);
                e.sp();
                e.number64(*lines);
            }
            PartKind::Message {
                subtype,
                envelope,
                body,
                lines,
            } => {
                e.raw(b"\"MESSAGE\" \"");
                e.raw(subtype.as_str().as_bytes());
                e.raw(b"\" ");
                self.fields.encode(e);
                e.sp();
                envelope.encode(e);
                e.sp();
                body.encode(e);
                e.sp();
                e.number64(*lines);
            }
        }
        if let Some(x) = &self.extension {
            e.sp();
            x.encode(e);
        }
    }
}

impl Encode for BodyFields<'_> {
    /// `body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP
    /// body-fld-enc SP body-fld-octets`.
    fn encode(&self, e: &mut Encoder) {
        params(e, &self.params);
        e.sp();
        nstring(e, &self.id);
        e.sp();
        nstring(e, &self.description);
        e.sp();
        nstring(e, &self.encoding);
        e.sp();
        e.number(u64::from(self.octets));
    }
}

/// `body-fld-param = "(" string SP string *(SP string SP string) ")" / nil`.
fn params(e: &mut Encoder, p: &BodyFldParam<'_>) {
    if p.is_empty() {
        e.raw(b"NIL");
    } else {
        e.paren_list(p, |e, (k, v)| {
            e.string(k.as_bytes());
            e.sp();
            nstring(e, v);
        });
    }
}

/// `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP
/// body-extension)]]]`, always all four.
fn ext_tail(
    e: &mut Encoder,
    dsp: &Option<Disposition<'_>>,
    lang: &[IString<'_>],
    loc: &NString<'_>,
    ext: &[BodyExtension<'_>],
) {
    e.sp();
    match dsp {
        Some(d) => d.encode(e),
        None => e.raw(b"NIL"),
    }
    e.sp();
    // body-fld-lang = nstring / "(" string *(SP string) ")"
    match lang {
        [] => e.raw(b"NIL"),
        [one] => e.string(one.as_bytes()),
        many => e.paren_list(many, |e, s| e.string(s.as_bytes())),
    }
    e.sp();
    nstring(e, loc);
    for x in ext {
        e.sp();
        x.encode(e);
    }
}

impl Encode for BodyExt1Part<'_> {
    /// `body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP
    /// body-fld-loc *(SP body-extension)]]]`.
    fn encode(&self, e: &mut Encoder) {
        nstring(e, &self.md5);
        ext_tail(
            e,
            &self.disposition,
            &self.language,
            &self.location,
            &self.extensions,
        );
    }
}

impl Encode for BodyExtMpart<'_> {
    /// `body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang
    /// [SP body-fld-loc *(SP body-extension)]]]`.
    fn encode(&self, e: &mut Encoder) {
        params(e, &self.params);
        ext_tail(
            e,
            &self.disposition,
            &self.language,
            &self.location,
            &self.extensions,
        );
    }
}

impl Encode for Disposition<'_> {
    /// `body-fld-dsp = "(" string SP body-fld-param ")"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        e.string(self.kind.as_bytes());
        e.sp();
        params(e, &self.params);
        e.byte(b')');
    }
}

impl Encode for BodyExtension<'_> {
    /// `body-extension = nstring / number / number64 / "(" body-extension
    /// *(SP body-extension) ")"`.
    fn encode(&self, e: &mut Encoder) {
        match self {
            BodyExtension::NString(s) => nstring(e, s),
            BodyExtension::Number(n) => e.number64(*n),
            BodyExtension::List(l) => e.paren_list(l.as_slice(), |e, x| x.encode(e)),
        }
    }
}
