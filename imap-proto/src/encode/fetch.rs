//! Encoding of FETCH arguments, body sections and FETCH response items:
//! exactly what `parse::fetch` reads, with single spaces and upper-case
//! keywords.

use super::{Encode, Encoder};
use crate::types::Number64;
use crate::types::{
    FetchArgs, FetchAttribute, FetchAttributes, FetchModifier, MessageDataItem, Partial, Section,
    SectionMsgtext, SectionPart, SectionText,
};

impl Encode for FetchArgs<'_> {
    /// `SP sequence-set SP (macro / "(" fetch-att *(SP fetch-att) ")")
    /// [SP "(" fetch-modifier *(SP fetch-modifier) ")"]`.
    fn encode(&self, e: &mut Encoder) {
        e.sp();
        self.sequence_set.encode(e);
        e.sp();
        self.attributes.encode(e);
        if !self.modifiers.is_empty() {
            e.sp();
            e.paren_list(&self.modifiers, |e, m| m.encode(e));
        }
    }
}

impl Encode for FetchAttributes<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            FetchAttributes::All => e.raw(b"ALL"),
            FetchAttributes::Fast => e.raw(b"FAST"),
            FetchAttributes::Full => e.raw(b"FULL"),
            FetchAttributes::List(v) => e.paren_list(v, |e, a| a.encode(e)),
        }
    }
}

impl Encode for FetchAttribute<'_> {
    fn encode(&self, e: &mut Encoder) {
        use FetchAttribute as A;
        match self {
            A::Envelope => e.raw(b"ENVELOPE"),
            A::Flags => e.raw(b"FLAGS"),
            A::InternalDate => e.raw(b"INTERNALDATE"),
            A::Rfc822 => e.raw(b"RFC822"),
            A::Rfc822Header => e.raw(b"RFC822.HEADER"),
            A::Rfc822Size => e.raw(b"RFC822.SIZE"),
            A::Rfc822Text => e.raw(b"RFC822.TEXT"),
            A::Body => e.raw(b"BODY"),
            A::BodyStructure => e.raw(b"BODYSTRUCTURE"),
            A::Uid => e.raw(b"UID"),
            A::BodySection {
                peek,
                section,
                partial,
            } => {
                e.raw(if *peek { b"BODY.PEEK" } else { b"BODY" });
                section.encode(e);
                if let Some(p) = partial {
                    p.encode(e);
                }
            }
            A::Binary {
                peek,
                section,
                partial,
            } => {
                e.raw(if *peek { b"BINARY.PEEK" } else { b"BINARY" });
                section_binary(e, section.as_ref());
                if let Some(p) = partial {
                    p.encode(e);
                }
            }
            A::BinarySize { section } => {
                e.raw(b"BINARY.SIZE");
                section_binary(e, section.as_ref());
            }
            A::ModSeq => e.raw(b"MODSEQ"),
            A::EmailId => e.raw(b"EMAILID"),
            A::ThreadId => e.raw(b"THREADID"),
            A::SaveDate => e.raw(b"SAVEDATE"),
            A::Preview { lazy } => {
                e.raw(if *lazy { b"PREVIEW (LAZY)" } else { b"PREVIEW" });
            }
            A::Snippet { lazy } => {
                e.raw(if *lazy {
                    &b"SNIPPET (LAZY=FUZZY)"[..]
                } else {
                    b"SNIPPET"
                });
            }
            A::Gmail(g) => g.encode(e),
            A::Annotation(a) => a.encode(e),
            A::Other(n) => e.raw(n.as_str().as_bytes()),
        }
    }
}

impl Encode for Partial {
    /// `"<" number64 "." nz-number64 ">"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'<');
        e.number64(self.origin);
        e.byte(b'.');
        e.number64(self.length.into());
        e.byte(b'>');
    }
}

impl Encode for SectionPart {
    /// `nz-number *("." nz-number)`.
    fn encode(&self, e: &mut Encoder) {
        for (k, n) in self.as_slice().iter().enumerate() {
            if k > 0 {
                e.byte(b'.');
            }
            e.number(u64::from(n.get()));
        }
    }
}

/// `section-binary = "[" [section-part] "]"`.
pub(crate) fn section_binary(e: &mut Encoder, part: Option<&SectionPart>) {
    e.byte(b'[');
    if let Some(p) = part {
        p.encode(e);
    }
    e.byte(b']');
}

impl Encode for Section<'_> {
    /// `"[" [section-spec] "]"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'[');
        match self {
            Section::Message(None) => {}
            Section::Message(Some(t)) => t.encode(e),
            Section::Part(p, t) => {
                p.encode(e);
                match t {
                    None => {}
                    Some(SectionText::Mime) => e.raw(b".MIME"),
                    Some(SectionText::Msgtext(t)) => {
                        e.byte(b'.');
                        t.encode(e);
                    }
                }
            }
        }
        e.byte(b']');
    }
}

impl Encode for SectionMsgtext<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            SectionMsgtext::Header => e.raw(b"HEADER"),
            SectionMsgtext::Text => e.raw(b"TEXT"),
            SectionMsgtext::HeaderFields(l) => {
                e.raw(b"HEADER.FIELDS ");
                e.paren_list(l, |e, h| h.encode(e));
            }
            SectionMsgtext::HeaderFieldsNot(l) => {
                e.raw(b"HEADER.FIELDS.NOT ");
                e.paren_list(l, |e, h| h.encode(e));
            }
        }
    }
}

impl Encode for FetchModifier<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            FetchModifier::ChangedSince(n) => {
                e.raw(b"CHANGEDSINCE ");
                e.number64(*n);
            }
            FetchModifier::Vanished => e.raw(b"VANISHED"),
            FetchModifier::Partial(r) => {
                e.raw(b"PARTIAL ");
                r.encode(e);
            }
            FetchModifier::Other(o) => {
                o.name().encode(e);
                if let Some(v) = o.value() {
                    e.sp();
                    v.encode(e);
                }
            }
        }
    }
}

/// `["<" number ">"]` of a response item.
fn origin(e: &mut Encoder, o: Option<Number64>) {
    if let Some(n) = o {
        e.byte(b'<');
        e.number64(n);
        e.byte(b'>');
    }
}

impl Encode for MessageDataItem<'_> {
    /// One `msg-att-dynamic / msg-att-static`.
    fn encode(&self, e: &mut Encoder) {
        use MessageDataItem as M;
        match self {
            M::Flags(f) => {
                e.raw(b"FLAGS ");
                super::core::flag_list(e, f);
            }
            M::Envelope(env) => {
                e.raw(b"ENVELOPE ");
                env.encode(e);
            }
            M::InternalDate(t) => {
                e.raw(b"INTERNALDATE ");
                t.encode(e);
            }
            M::Rfc822Size(n) => {
                e.raw(b"RFC822.SIZE ");
                e.number64(*n);
            }
            M::Rfc822(s) => {
                e.raw(b"RFC822 ");
                s.encode(e);
            }
            M::Rfc822Header(s) => {
                e.raw(b"RFC822.HEADER ");
                s.encode(e);
            }
            M::Rfc822Text(s) => {
                e.raw(b"RFC822.TEXT ");
                s.encode(e);
            }
            M::Body(b) => {
                e.raw(b"BODY ");
                b.encode(e);
            }
            M::BodyStructure(b) => {
                e.raw(b"BODYSTRUCTURE ");
                b.encode(e);
            }
            M::BodySection {
                section,
                origin: o,
                data,
            } => {
                e.raw(b"BODY");
                section.encode(e);
                origin(e, *o);
                e.sp();
                data.encode(e);
            }
            M::Binary {
                section,
                origin: o,
                data,
            } => {
                e.raw(b"BINARY");
                section_binary(e, section.as_ref());
                origin(e, *o);
                e.sp();
                match data {
                    // RFC 9051 §7.5.2: a string unless there is a NUL.
                    Some(d) if d.as_bytes().contains(&0) => e.literal(d.as_bytes(), true, None),
                    _ => data.encode(e),
                }
            }
            M::BinarySize { section, size } => {
                e.raw(b"BINARY.SIZE");
                section_binary(e, section.as_ref());
                e.sp();
                e.number64(*size);
            }
            M::Uid(n) => {
                e.raw(b"UID ");
                e.number(u64::from(n.get()));
            }
            M::ModSeq(n) => {
                e.raw(b"MODSEQ (");
                e.number64(*n);
                e.byte(b')');
            }
            M::EmailId(o) => {
                e.raw(b"EMAILID (");
                e.raw(o.as_str().as_bytes());
                e.byte(b')');
            }
            M::ThreadId(o) => match o {
                Some(o) => {
                    e.raw(b"THREADID (");
                    e.raw(o.as_str().as_bytes());
                    e.byte(b')');
                }
                None => e.raw(b"THREADID NIL"),
            },
            M::SaveDate(t) => match t {
                Some(t) => {
                    e.raw(b"SAVEDATE ");
                    t.encode(e);
                }
                None => e.raw(b"SAVEDATE NIL"),
            },
            M::Preview(s) => {
                e.raw(b"PREVIEW ");
                s.encode(e);
            }
            M::Snippet { algorithm, text } => {
                e.raw(b"SNIPPET (");
                algorithm.encode(e);
                e.sp();
                text.encode(e);
                e.byte(b')');
            }
            M::Gmail(g) => g.encode(e),
            M::Annotation(a) => a.encode(e),
            M::Malformed(m) => {
                e.raw(m.name().as_bytes());
                e.sp();
                m.value().encode(e);
            }
            M::Other { name, value } => {
                e.raw(name.as_str().as_bytes());
                e.sp();
                value.encode(e);
            }
        }
    }
}

/// `msg-att = "(" item *(SP item) ")"`.
pub(crate) fn msg_att(e: &mut Encoder, items: &[MessageDataItem<'_>]) {
    e.paren_list(items, |e, it| it.encode(e));
}
