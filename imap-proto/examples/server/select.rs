//! The selected mailbox: SELECT / EXAMINE, the view kept up to date with
//! the store, sequence sets, EXPUNGE.

use imap_proto::types::{
    Condition, Data, Flag, FlagPerm, Mailbox, MessageDataItem, Response, ResponseCode, SeqNumber,
    Sequence, SequenceSet,
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
        let found = name_of(mailbox)
            .and_then(|n| store.account(self.user()).and_then(|a| a.mailboxes.get(&n)));
        let Some(mb) = found else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let view: Vec<Known> = mb
            .messages
            .iter()
            .map(|e| Known {
                uid: e.uid,
                flags: e.flags.clone(),
                modseq: e.modseq,
                message: e.message.clone(),
            })
            .collect();
        let (validity, next, id) = (mb.uid_validity, mb.uid_next, mb.id);
        let first_unseen = view.iter().position(|k| !k.flags.contains(&Flag::Seen));
        drop(store);

        let flags = [
            Flag::Answered,
            Flag::Flagged,
            Flag::Deleted,
            Flag::Seen,
            Flag::Draft,
        ];
        self.send(&Response::Data(Data::Flags(flags.to_vec())));
        self.send(&Response::Data(Data::Exists(view.len() as u32)));
        if !self.rev2 {
            self.send(&Response::Data(Data::Recent(0)));
            if let Some(i) = first_unseen {
                self.send(&untagged(
                    Condition::Ok,
                    Some(ResponseCode::Unseen(nz(i as u32 + 1))),
                    "First unseen",
                ));
            }
        }
        let mut perm: Vec<FlagPerm<'static>> = flags.into_iter().map(FlagPerm::Flag).collect();
        perm.push(FlagPerm::Any);
        if read_only {
            perm.clear();
        }
        self.send(&untagged(
            Condition::Ok,
            Some(ResponseCode::PermanentFlags(perm)),
            "Flags permitted",
        ));
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
        });
        if read_only {
            ok_code(ResponseCode::ReadOnly, "EXAMINE completed")
        } else {
            ok_code(ResponseCode::ReadWrite, "SELECT completed")
        }
    }

    /// Brings the view of the selected mailbox up to date with the store
    /// and tells the client: EXPUNGE (if allowed now), FETCH FLAGS for
    /// flags others changed, EXISTS for new messages.
    pub(super) fn sync(&mut self, expunges: bool) {
        let store = self.store.clone();
        let mut store = store.lock();
        let user = self.user.clone().unwrap_or_default();
        let Some(sel) = self.selected.as_mut() else {
            return;
        };
        let mb = store.account(&user).and_then(|a| a.mailbox(sel.id));
        let mut out = Vec::new();
        if expunges {
            for i in (0..sel.view.len()).rev() {
                let uid = sel.view[i].uid;
                if mb.is_none_or(|m| m.get(uid).is_none()) {
                    sel.view.remove(i);
                    out.push(Data::Expunge(nz(i as u32 + 1)));
                }
            }
        }
        if let Some(mb) = mb {
            for (i, known) in sel.view.iter_mut().enumerate() {
                if let Some(e) = mb.get(known.uid) {
                    if e.modseq > known.modseq {
                        known.flags = e.flags.clone();
                        known.modseq = e.modseq;
                        out.push(Data::Fetch {
                            seq: nz(i as u32 + 1),
                            items: vec![
                                MessageDataItem::Uid(nz(known.uid)),
                                MessageDataItem::Flags(known.flags.clone()),
                            ],
                        });
                    }
                }
            }
            let last = sel.view.last().map_or(0, |k| k.uid);
            let before = sel.view.len();
            sel.view
                .extend(mb.messages.iter().filter(|e| e.uid > last).map(|e| Known {
                    uid: e.uid,
                    flags: e.flags.clone(),
                    modseq: e.modseq,
                    message: e.message.clone(),
                }));
            if sel.view.len() != before {
                out.push(Data::Exists(sel.view.len() as u32));
            }
        }
        drop(store);
        for d in out {
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
