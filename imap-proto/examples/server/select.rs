//! The selected mailbox: SELECT / EXAMINE, the view kept up to date with
//! the store, sequence sets, EXPUNGE.

use imap_proto::types::{
    Condition, Data, Flag, Mailbox, MessageDataItem, Response, ResponseCode, SeqNumber, Sequence,
    SequenceSet,
};

use super::conn::*;
use super::search::{self};

impl Conn {
    pub(super) fn select(&mut self, mailbox: &Mailbox<'_>, read_only: bool) -> Reply {
        if self.selected.take().is_some() {
            self.send(&untagged(
                Condition::Ok,
                Some(ResponseCode::Closed),
                "Previous mailbox closed",
            ));
        }
        let store = self.store.clone();
        let mut store = store.lock();
        let user = self.user().to_owned();
        let Some(a) = store.account(&user) else {
            return no(None, "No account");
        };
        let Some(id) = name_of(mailbox)
            .and_then(|n| a.mailboxes.get(&n))
            .map(|m| m.id)
        else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        // SELECT claims the `\Recent` messages; EXAMINE only shows them.
        let recent_upto = match read_only {
            false => a.claim_recent(id),
            true => a.mailbox(id).map_or(0, |m| m.recent_upto),
        };
        let Some(mb) = a.mailbox(id) else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let view: Vec<Known> = (mb.messages.iter())
            .map(|e| Known::new(e, e.uid > recent_upto))
            .collect();
        let (validity, next, keywords) = (mb.uid_validity, mb.uid_next, mb.keywords.clone());
        let first_unseen = view.iter().position(|k| !k.flags.contains(&Flag::Seen));
        let recent = view.iter().filter(|k| k.recent).count() as u32;
        drop(store);

        self.send_flags(&keywords, read_only);
        self.send(&Response::Data(Data::Exists(view.len() as u32)));
        if !self.rev2 {
            self.send(&Response::Data(Data::Recent(recent)));
            if let Some(i) = first_unseen {
                self.send(&untagged(
                    Condition::Ok,
                    Some(ResponseCode::Unseen(nz(i as u32 + 1))),
                    "First unseen",
                ));
            }
        }
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::UidValidity(nz(validity))),
            "UIDs valid",
        ));
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::UidNext(nz(next))),
            "Predicted next UID",
        ));
        self.selected = Some(Selected {
            id,
            read_only,
            view,
            keywords,
        });
        if read_only {
            ok_code(ResponseCode::ReadOnly, "EXAMINE completed")
        } else {
            ok_code(ResponseCode::ReadWrite, "SELECT completed")
        }
    }

    /// Brings the view of the selected mailbox up to date with the store
    /// and tells the client: EXPUNGE (if allowed now), FETCH FLAGS for
    /// flags others changed, EXISTS and RECENT for new messages.
    pub(super) fn sync(&mut self, expunges: bool) {
        let store = self.store.clone();
        let mut store = store.lock();
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = self.selected.as_mut() else {
            return;
        };
        let Some(a) = store.account(&user) else {
            return;
        };
        let exists = a.mailbox(sel.id).is_some();
        // New messages are claimed as `\Recent` by a read-write session.
        let last = sel.view.last().map_or(0, |k| k.uid);
        let has_new = a
            .mailbox(sel.id)
            .and_then(|m| m.messages.last())
            .is_some_and(|e| e.uid > last);
        let recent_upto = match (has_new, sel.read_only) {
            (false, _) => u32::MAX,
            (true, false) => a.claim_recent(sel.id),
            (true, true) => a.mailbox(sel.id).map_or(u32::MAX, |m| m.recent_upto),
        };
        let mb = a.mailbox(sel.id);
        let mut expunged = Vec::new();
        if expunges {
            for i in (0..sel.view.len()).rev() {
                let uid = sel.view[i].uid;
                if !exists || mb.is_none_or(|m| m.get(uid).is_none()) {
                    sel.view.remove(i);
                    expunged.push(Data::Expunge(nz(i as u32 + 1)));
                }
            }
        }
        let mut fetches = Vec::new();
        let mut counts = Vec::new();
        if let Some(mb) = mb {
            for (i, known) in sel.view.iter_mut().enumerate() {
                if let Some(e) = mb.get(known.uid) {
                    if e.modseq > known.modseq {
                        known.flags = e.flags.clone();
                        known.modseq = e.modseq;
                        fetches.push((
                            i,
                            vec![
                                MessageDataItem::Uid(nz(known.uid)),
                                MessageDataItem::Flags(known.shown_flags(self.rev2)),
                            ],
                        ));
                    }
                }
            }
            let before = sel.view.len();
            sel.view.extend(
                (mb.messages.iter())
                    .filter(|e| e.uid > last)
                    .map(|e| Known::new(e, e.uid > recent_upto)),
            );
            if sel.view.len() != before {
                counts.push(Data::Exists(sel.view.len() as u32));
                if !self.rev2 {
                    let recent = sel.view.iter().filter(|k| k.recent).count();
                    counts.push(Data::Recent(recent as u32));
                }
            }
        }
        drop(store);
        for d in expunged {
            self.send(&Response::Data(d));
        }
        for (i, items) in fetches {
            self.send_fetch(i, items);
        }
        for d in counts {
            self.send(&Response::Data(d));
        }
    }

    /// The view indexes a sequence set names. Sequence numbers must exist
    /// (BAD otherwise); UIDs that do not are left out (RFC 9051 §6.4.8).
    pub(super) fn resolve(&self, set: &SequenceSet, uid: bool) -> Result<Vec<usize>, &'static str> {
        let Some(sel) = &self.selected else {
            return Err("No mailbox selected");
        };
        let SequenceSet::Set(seqs) = set else {
            return Err("$ is not supported (no SEARCHRES)");
        };
        if uid {
            let max = sel.view.last().map_or(0, |k| k.uid);
            return Ok((0..sel.view.len())
                .filter(|&i| search::contains(set, sel.view[i].uid, max))
                .collect());
        }
        let n = sel.view.len() as u32;
        let valid = |s: &SeqNumber| match s {
            SeqNumber::Value(v) => v.get() <= n,
            SeqNumber::Largest => n > 0,
        };
        let all_valid = seqs.iter().all(|s| match s {
            Sequence::Single(a) => valid(a),
            Sequence::Range(a, b) => valid(a) && valid(b),
        });
        if !all_valid {
            return Err("Invalid message sequence number");
        }
        Ok((0..n as usize)
            .filter(|&i| search::contains(set, i as u32 + 1, n))
            .collect())
    }

    /// Removes `\Deleted` messages of mailbox `id` (only those of `uids`,
    /// for UID EXPUNGE) from the store.
    pub(super) fn expunge_store(&mut self, id: u64, uids: Option<&SequenceSet>) {
        let user = self.user.clone().unwrap_or_default();
        let mut store = self.store.lock();
        let Some(a) = store.account(&user) else {
            return;
        };
        let max = a
            .mailbox(id)
            .and_then(|m| m.messages.last())
            .map_or(0, |e| e.uid);
        let n = a.expunge(id, |e| {
            e.flags.contains(&Flag::Deleted) && uids.is_none_or(|s| search::contains(s, e.uid, max))
        });
        if n > 0 {
            a.notify();
        }
    }

    pub(super) fn expunge(&mut self, uids: Option<&SequenceSet>) -> Reply {
        let Some(sel) = &self.selected else {
            return bad("No mailbox selected");
        };
        if sel.read_only {
            return no(None, "Mailbox is read-only");
        }
        // The EXPUNGE responses come from the view update in `finish`.
        self.expunge_store(sel.id, uids);
        ok("EXPUNGE completed")
    }
}
