//! FETCH.

use imap_proto::types::{
    BodyStructure, FetchArgs, FetchAttribute, Flag, IString, MessageDataItem, MultiPart, PartKind,
    SinglePart,
};

use super::conn::*;

/// BODY is BODYSTRUCTURE without extension data, at every level.
pub(super) fn without_extensions(b: &BodyStructure<'static>) -> BodyStructure<'static> {
    match b {
        BodyStructure::Single(s) => {
            let kind = match &s.kind {
                PartKind::Message {
                    subtype,
                    envelope,
                    body,
                    lines,
                } => PartKind::Message {
                    subtype: *subtype,
                    envelope: envelope.clone(),
                    body: Box::new(without_extensions(body)),
                    lines: *lines,
                },
                other => other.clone(),
            };
            BodyStructure::Single(SinglePart {
                kind,
                fields: s.fields.clone(),
                extension: None,
            })
        }
        BodyStructure::Multi(m) => {
            let parts = m.bodies().iter().map(without_extensions).collect();
            match MultiPart::new(parts, m.subtype.clone()) {
                Ok(m) => BodyStructure::Multi(m),
                Err(_) => b.clone(),
            }
        }
    }
}

impl Conn {
    pub(super) fn fetch(&mut self, uid: bool, args: &FetchArgs<'_>) -> Reply {
        let indexes = match self.resolve(&args.sequence_set, uid) {
            Ok(i) => i,
            Err(e) => return bad(e),
        };
        if !args.modifiers.is_empty() {
            return bad("FETCH modifiers are not supported");
        }
        let mut attrs: Vec<FetchAttribute<'_>> = args.attributes.expand().into_owned();
        if uid && !attrs.contains(&FetchAttribute::Uid) {
            attrs.insert(0, FetchAttribute::Uid);
        }
        use FetchAttribute as A;
        let supported = attrs.iter().all(|a| {
            matches!(
                a,
                A::Envelope
                    | A::Flags
                    | A::InternalDate
                    | A::Rfc822
                    | A::Rfc822Header
                    | A::Rfc822Size
                    | A::Rfc822Text
                    | A::Body
                    | A::BodyStructure
                    | A::Uid
                    | A::BodySection { .. }
            )
        });
        if !supported {
            return bad("FETCH item not supported");
        }
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        let (id, read_only, rev2) = (sel.id, sel.read_only, self.rev2);
        let sets_seen = !read_only
            && attrs.iter().any(|a| {
                matches!(
                    a,
                    A::Rfc822 | A::Rfc822Text | A::BodySection { peek: false, .. }
                )
            });
        for i in indexes {
            let mut flags_changed = false;
            if sets_seen {
                flags_changed = self.add_seen(id, i);
            }
            let Some(known) = self.selected.as_ref().and_then(|s| s.view.get(i)) else {
                continue;
            };
            let m = &known.message;
            let mut items = Vec::with_capacity(attrs.len() + 1);
            for a in &attrs {
                items.push(match a {
                    A::Uid => MessageDataItem::Uid(nz(known.uid)),
                    A::Flags => MessageDataItem::Flags(known.shown_flags(rev2)),
                    A::InternalDate => MessageDataItem::InternalDate(m.internal_date),
                    A::Rfc822Size => MessageDataItem::Rfc822Size(m.size()),
                    A::Envelope => MessageDataItem::Envelope(Box::new(m.envelope.clone())),
                    A::BodyStructure => MessageDataItem::BodyStructure(Box::new(m.body.clone())),
                    A::Body => MessageDataItem::Body(Box::new(without_extensions(&m.body))),
                    A::Rfc822 => MessageDataItem::Rfc822(Some(IString::from(m.raw.clone()))),
                    A::Rfc822Header => {
                        MessageDataItem::Rfc822Header(Some(IString::from(m.header().to_vec())))
                    }
                    A::Rfc822Text => MessageDataItem::Rfc822Text(Some(IString::from(
                        m.raw[m.root.body.clone()].to_vec(),
                    ))),
                    A::BodySection {
                        section, partial, ..
                    } => {
                        let data = m.section(section).map(|mut bytes| {
                            if let Some(p) = partial {
                                let len = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                                let start = len(p.origin.get()).min(bytes.len());
                                let end =
                                    start.saturating_add(len(p.length.get())).min(bytes.len());
                                bytes = bytes[start..end].to_vec();
                            }
                            IString::from(bytes)
                        });
                        MessageDataItem::BodySection {
                            section: section.clone().into_owned(),
                            origin: partial.map(|p| p.origin),
                            data,
                        }
                    }
                    _ => continue,
                });
            }
            if flags_changed && !attrs.contains(&A::Flags) {
                items.push(MessageDataItem::Flags(known.shown_flags(rev2)));
            }
            self.send_fetch(i, items);
        }
        ok("FETCH completed")
    }

    /// Sets `\Seen` on view entry `i` (a non-PEEK body fetch); whether it
    /// changed.
    pub(super) fn add_seen(&mut self, id: u64, i: usize) -> bool {
        let user = self.user.clone().unwrap_or_default();
        let Some(known) = self.selected.as_mut().and_then(|s| s.view.get_mut(i)) else {
            return false;
        };
        if known.flags.contains(&Flag::Seen) {
            return false;
        }
        let mut flags = known.flags.clone();
        flags.push(Flag::Seen);
        let mut store = self.store.lock();
        let Some(a) = store.account(&user) else {
            return false;
        };
        let Some(modseq) = a.set_flags(id, known.uid, flags.clone()) else {
            return false;
        };
        a.notify();
        known.flags = flags;
        known.modseq = modseq;
        true
    }
}
