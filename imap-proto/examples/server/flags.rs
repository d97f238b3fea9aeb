//! Commands that change messages: STORE, COPY and MOVE.

use imap_proto::types::{
    Condition, Flag, Mailbox, MessageDataItem, ResponseCode, SequenceSet, StoreAction,
    StoreModifier,
};

use super::conn::*;

impl Conn {
    pub(super) fn store(
        &mut self,
        uid: bool,
        set: &SequenceSet,
        modifiers: &[StoreModifier<'_>],
        action: StoreAction,
        silent: bool,
        flags: Vec<Flag<'_>>,
    ) -> Reply {
        if !modifiers.is_empty() {
            return bad("STORE modifiers are not supported");
        }
        let indexes = match self.resolve(set, uid) {
            Ok(i) => i,
            Err(e) => return bad(e),
        };
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = self.selected.as_mut() else {
            return bad("No mailbox selected");
        };
        if sel.read_only {
            return no(None, "Mailbox is read-only");
        }
        let given: Vec<Flag<'static>> = flags
            .into_iter()
            .filter(|f| *f != Flag::Recent)
            .map(Flag::into_owned)
            .collect();
        let mut out = Vec::new();
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(&user) else {
            return no(None, "No account");
        };
        let mut changed = false;
        let rev2 = self.rev2;
        for i in indexes {
            let known = &mut sel.view[i];
            // The change applies to the flags as stored now, which another
            // session may have changed since this one was told.
            let Some(current) = a
                .mailbox(sel.id)
                .and_then(|m| m.get(known.uid))
                .map(|e| (e.flags.clone(), e.modseq))
            else {
                // Expunged by another session: nothing to change.
                continue;
            };
            let (mut new, stored_modseq) = current;
            let others_changed = stored_modseq > known.modseq;
            match action {
                StoreAction::Replace => new = given.clone(),
                StoreAction::Add => {
                    for f in &given {
                        if !new.contains(f) {
                            new.push(f.clone());
                        }
                    }
                }
                StoreAction::Remove => new.retain(|f| !given.contains(f)),
            }
            let modseq = match a.set_flags(sel.id, known.uid, new.clone()) {
                Some(modseq) => {
                    changed = true;
                    modseq
                }
                None => stored_modseq,
            };
            known.flags = new;
            // With .SILENT, another session's change must still be told:
            // leave the view behind so that the update before the tagged
            // reply sends it.
            if !(silent && others_changed) {
                known.modseq = modseq;
            }
            if !silent {
                let mut items = vec![MessageDataItem::Flags(known.shown_flags(rev2))];
                if uid {
                    items.push(MessageDataItem::Uid(nz(known.uid)));
                }
                out.push((i, items));
            }
        }
        if changed {
            a.notify();
        }
        drop(store);
        for (i, items) in out {
            self.send_fetch(i, items);
        }
        ok("STORE completed")
    }

    pub(super) fn copy(
        &mut self,
        uid: bool,
        set: &SequenceSet,
        target: &Mailbox<'_>,
        is_move: bool,
    ) -> Reply {
        let indexes = match self.resolve(set, uid) {
            Ok(i) => i,
            Err(e) => return bad(e),
        };
        let Some(target) = name_of(target) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        if is_move && sel.read_only {
            return no(None, "Mailbox is read-only");
        }
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(&user) else {
            return no(None, "No account");
        };
        let Some(validity) = a.mailboxes.get(&target).map(|m| m.uid_validity) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        let (mut source, mut dest) = (Vec::new(), Vec::new());
        for i in indexes {
            let known = &sel.view[i];
            // A message another client expunged is not copied.
            let Some(flags) = a
                .mailbox(sel.id)
                .and_then(|m| m.get(known.uid))
                .map(|e| e.flags.clone())
            else {
                continue;
            };
            if let Some(new) = a.append(&target, known.message.clone(), flags) {
                source.push(known.uid);
                dest.push(new);
            }
        }
        if is_move {
            a.expunge(sel.id, |e| source.contains(&e.uid));
        }
        a.notify();
        drop(store);
        let code = match (uid_set(&source), uid_set(&dest)) {
            (Some(source), Some(destination)) => Some(ResponseCode::CopyUid {
                uid_validity: nz(validity),
                source,
                destination,
            }),
            _ => None,
        };
        match (is_move, code) {
            // MOVE: COPYUID in an untagged OK before the EXPUNGEs (RFC 6851 §4.3).
            (true, Some(code)) => {
                self.send(&untagged(Condition::Ok, Some(code), "Moved"));
                ok("MOVE completed")
            }
            (true, None) => ok("MOVE completed"),
            (false, Some(code)) => ok_code(code, "COPY completed"),
            (false, None) => ok("COPY completed"),
        }
    }
}
