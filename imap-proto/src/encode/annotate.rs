//! Encoding of ANNOTATE (RFC 5257): exactly what `parse::annotate`
//! consumes.

use super::{Encode, Encoder};
use crate::types::{
    AnnSize, AnnotateCode, AnnotationData, AnnotationFetch, AnnotationSearch, AttSearch, AttSort,
    AttValue, EntryAtt, NString, NonEmpty,
};

/// `value = nstring / literal8`: a literal8 when the value holds a NUL.
fn value(e: &mut Encoder, v: &NString<'_>) {
    match v {
        Some(d) if d.as_bytes().contains(&0) => e.literal(d.as_bytes(), true, None),
        _ => v.encode(e),
    }
}

impl Encode for AttValue<'_> {
    fn encode(&self, e: &mut Encoder) {
        self.attrib.encode(e);
        e.sp();
        value(e, &self.value);
    }
}

impl Encode for EntryAtt<'_> {
    fn encode(&self, e: &mut Encoder) {
        self.entry.encode(e);
        e.sp();
        e.paren_list(&self.values, |e, v| v.encode(e));
    }
}

/// `x / "(" x *(SP x) ")"`: one item bare, more in parentheses.
fn one_or_list<T: Encode>(e: &mut Encoder, v: &NonEmpty<T>) {
    match v.as_slice() {
        [one] => one.encode(e),
        more => e.paren_list(more, |e, x| x.encode(e)),
    }
}

impl Encode for AnnotationFetch<'_> {
    /// `ANNOTATION (entries attribs)`.
    fn encode(&self, e: &mut Encoder) {
        e.raw(b"ANNOTATION (");
        one_or_list(e, &self.entries);
        e.sp();
        one_or_list(e, &self.attribs);
        e.byte(b')');
    }
}

impl Encode for AnnotationData<'_> {
    /// `ANNOTATION (...)`.
    fn encode(&self, e: &mut Encoder) {
        e.raw(b"ANNOTATION ");
        match self {
            AnnotationData::Values(v) => e.paren_list(v, |e, x| x.encode(e)),
            AnnotationData::Entries(v) => e.paren_list(v, |e, x| x.encode(e)),
        }
    }
}

/// `att-annotate = "ANNOTATION" SP "(" entry-att *(SP entry-att) ")"`.
pub(crate) fn att_annotate(e: &mut Encoder, v: &NonEmpty<EntryAtt<'_>>) {
    e.raw(b"ANNOTATION ");
    e.paren_list(v, |e, x| x.encode(e));
}

impl Encode for AnnotationSearch<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(b"ANNOTATION ");
        self.entry.encode(e);
        e.raw(match self.attrib {
            AttSearch::Value => b" value ",
            AttSearch::ValuePriv => b" value.priv ",
            AttSearch::ValueShared => b" value.shared ",
        });
        value(e, &self.value);
    }
}

/// `"ANNOTATION" SP entry SP att-sort`.
pub(crate) fn sort_key(e: &mut Encoder, entry: &crate::types::AString<'_>, att: AttSort) {
    e.raw(b"ANNOTATION ");
    entry.encode(e);
    e.raw(match att {
        AttSort::ValuePriv => b" value.priv",
        AttSort::ValueShared => b" value.shared",
    });
}

/// `"ANNOTATE" SP ("TOOBIG" / "TOOMANY")`.
pub(crate) fn annotate_code(e: &mut Encoder, c: AnnotateCode) {
    e.raw(match c {
        AnnotateCode::TooBig => b"ANNOTATE TOOBIG",
        AnnotateCode::TooMany => b"ANNOTATE TOOMANY",
    });
}

/// `"ANNOTATIONS" SP ann-size`.
pub(crate) fn ann_size(e: &mut Encoder, s: AnnSize) {
    e.raw(b"ANNOTATIONS ");
    let no_private = match s {
        AnnSize::None => return e.raw(b"NONE"),
        AnnSize::ReadOnly { no_private } => {
            e.raw(b"READ-ONLY");
            no_private
        }
        AnnSize::Size { max, no_private } => {
            e.number(u64::from(max.get()));
            no_private
        }
    };
    if no_private {
        e.raw(b" NOPRIVATE");
    }
}
