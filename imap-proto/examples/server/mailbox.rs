//! Mailbox commands: CREATE, DELETE, RENAME, SUBSCRIBE, LIST, LSUB,
//! STATUS and APPEND.

use std::sync::Arc;

use imap_proto::types::{
    AppendData, Data, Delimiter, Flag, ListReturnOption, ListSelectOption, Mailbox,
    MailboxAttribute, MailboxList, Response, ResponseCode, StatusAttribute, StatusItem,
};

use super::conn::*;
use super::date::now;
use super::mime::{self, Message};
use super::store::Mailbox as StoredMailbox;

impl Conn {
    pub(super) fn create(&mut self, mailbox: &Mailbox<'_>) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::Cannot), "Invalid mailbox name");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if name.split('/').any(str::is_empty) || !a.create(&name, None) {
            return no(Some(ResponseCode::AlreadyExists), "Mailbox exists");
        }
        a.notify();
        ok("CREATE completed")
    }

    pub(super) fn delete(&mut self, mailbox: &Mailbox<'_>) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if name == "INBOX" {
            return no(Some(ResponseCode::Cannot), "INBOX cannot be deleted");
        }
        if !a.mailboxes.contains_key(&name) {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        }
        if a.has_children(&name) {
            return no(Some(ResponseCode::HasChildren), "Mailbox has children");
        }
        a.mailboxes.remove(&name);
        a.notify();
        ok("DELETE completed")
    }

    pub(super) fn rename(&mut self, from: &Mailbox<'_>, to: &Mailbox<'_>) -> Reply {
        let (Some(from), Some(to)) = (name_of(from), name_of(to)) else {
            return no(Some(ResponseCode::Cannot), "Invalid mailbox name");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if !a.mailboxes.contains_key(&from) {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        }
        if a.mailboxes.contains_key(&to) || to.split('/').any(str::is_empty) {
            return no(Some(ResponseCode::AlreadyExists), "Target exists");
        }
        if to.starts_with(&format!("{from}/")) {
            return no(
                Some(ResponseCode::Cannot),
                "Cannot move a mailbox into itself",
            );
        }
        a.rename(&from, &to);
        a.notify();
        ok("RENAME completed")
    }

    pub(super) fn subscribe(&mut self, mailbox: &Mailbox<'_>, on: bool) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::NonExistent), "Invalid mailbox name");
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        if on {
            if !a.mailboxes.contains_key(&name) {
                return no(Some(ResponseCode::NonExistent), "No such mailbox");
            }
            a.subscribed.insert(name);
            ok("SUBSCRIBE completed")
        } else {
            a.subscribed.remove(&name);
            ok("UNSUBSCRIBE completed")
        }
    }

    /// LIST (with the RFC 5258 / RFC 9051 selection and return options
    /// SUBSCRIBED, SPECIAL-USE, CHILDREN and STATUS) and LSUB.
    pub(super) fn list(
        &mut self,
        selection: &[ListSelectOption<'_>],
        reference: &Mailbox<'_>,
        patterns: &[imap_proto::types::ListMailbox<'_>],
        returns: &[ListReturnOption<'_>],
    ) -> Reply {
        let delimiter = Delimiter::new('/').ok();
        if patterns.iter().all(|p| p.as_bytes().is_empty()) {
            // `LIST "" ""`: the hierarchy delimiter and the root.
            self.send(&Response::Data(Data::List(MailboxList {
                attributes: vec![MailboxAttribute::NoSelect],
                delimiter,
                mailbox: Mailbox::new(&b""[..]),
                extended: Vec::new(),
            })));
            return ok("LIST completed");
        }
        let only_subscribed = selection.contains(&ListSelectOption::Subscribed);
        let only_special = selection.contains(&ListSelectOption::SpecialUse);
        let show_subscribed = returns.contains(&ListReturnOption::Subscribed)
            || selection.contains(&ListSelectOption::Subscribed);
        let status_items = returns.iter().find_map(|r| match r {
            ListReturnOption::Status(items) => Some(items.clone()),
            _ => None,
        });
        let reference = reference.as_bytes();
        let full: Vec<Vec<u8>> = patterns
            .iter()
            .map(|p| [reference, p.as_bytes()].concat())
            .collect();

        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        let mut out = Vec::new();
        let mut listed = Vec::new();
        for (name, mb) in &a.mailboxes {
            let hit = full.iter().any(|p| {
                wildcard(p, name.as_bytes())
                    || (name == "INBOX" && wildcard(&p.to_ascii_uppercase(), b"INBOX"))
            });
            let subscribed = a.subscribed.contains(name);
            if !hit || (only_subscribed && !subscribed) || (only_special && mb.special.is_none()) {
                continue;
            }
            let mut attributes = vec![if a.has_children(name) {
                MailboxAttribute::HasChildren
            } else {
                MailboxAttribute::HasNoChildren
            }];
            if let Some(s) = &mb.special {
                attributes.push(s.clone());
            }
            if show_subscribed && subscribed {
                attributes.push(MailboxAttribute::Subscribed);
            }
            let entry = MailboxList {
                attributes,
                delimiter,
                mailbox: Mailbox::new(name.as_bytes().to_vec()),
                extended: Vec::new(),
            };
            out.push(Response::Data(Data::List(entry)));
            if let Some(items) = &status_items {
                if let Ok(items) = status_of(mb, items) {
                    out.push(Response::Data(Data::Status {
                        mailbox: Mailbox::new(name.as_bytes().to_vec()),
                        items,
                    }));
                }
            }
            listed.push(name.clone());
        }
        drop(store);
        for r in &out {
            self.send(r);
        }
        ok("LIST completed")
    }

    /// LSUB (RFC 3501 §6.3.9): the subscribed names the pattern matches,
    /// and, with `\Noselect`, an unsubscribed parent the pattern matches
    /// of a subscribed name it does not (`%` stopping at the parent).
    pub(super) fn lsub(
        &mut self,
        reference: &Mailbox<'_>,
        pattern: &imap_proto::types::ListMailbox<'_>,
    ) -> Reply {
        let full = [reference.as_bytes(), pattern.as_bytes()].concat();
        let hit = |name: &str| {
            wildcard(&full, name.as_bytes())
                || (name == "INBOX" && wildcard(&full.to_ascii_uppercase(), b"INBOX"))
        };
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        // Name -> whether it is only a parent of subscribed names.
        let mut found: std::collections::BTreeMap<String, bool> = Default::default();
        for name in &a.subscribed {
            if hit(name) {
                found.insert(name.clone(), false);
                continue;
            }
            let mut parent = name.as_str();
            while let Some((p, _)) = parent.rsplit_once('/') {
                parent = p;
                if hit(parent) && !a.subscribed.contains(parent) {
                    found.entry(parent.to_owned()).or_insert(true);
                }
            }
        }
        drop(store);
        for (name, parent_only) in found {
            let attributes = match parent_only {
                true => vec![MailboxAttribute::NoSelect],
                false => Vec::new(),
            };
            self.send(&Response::Data(Data::Lsub(MailboxList {
                attributes,
                delimiter: Delimiter::new('/').ok(),
                mailbox: Mailbox::new(name.into_bytes()),
                extended: Vec::new(),
            })));
        }
        ok("LSUB completed")
    }

    pub(super) fn status(&mut self, mailbox: &Mailbox<'_>, items: &[StatusAttribute]) -> Reply {
        let store = self.store.clone();
        let mut store = store.lock();
        let found = name_of(mailbox)
            .and_then(|n| store.account(self.user()).and_then(|a| a.mailboxes.get(&n)));
        let Some(mb) = found else {
            return no(Some(ResponseCode::NonExistent), "No such mailbox");
        };
        let Ok(items) = status_of(mb, items) else {
            return bad("STATUS item not supported");
        };
        drop(store);
        self.send(&Response::Data(Data::Status {
            mailbox: mailbox.clone().into_owned(),
            items,
        }));
        ok("STATUS completed")
    }

    pub(super) fn append(
        &mut self,
        mailbox: &Mailbox<'_>,
        messages: imap_proto::types::NonEmpty<imap_proto::types::AppendMessage<'_>>,
    ) -> Reply {
        let Some(name) = name_of(mailbox) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        // Parse the messages before taking the lock.
        let mut parsed = Vec::new();
        for m in messages {
            let data = match m.data {
                AppendData::Literal(l) => l.data.into_owned(),
                AppendData::Utf8 { data, .. } => data.into_owned(),
                AppendData::Catenate(_) => return bad("CATENATE is not supported"),
            };
            let flags: Vec<Flag<'static>> = m
                .flags
                .unwrap_or_default()
                .into_iter()
                .filter(|f| *f != Flag::Recent)
                .map(Flag::into_owned)
                .collect();
            let date = m.date.unwrap_or_else(now);
            parsed.push((Arc::new(Message::new(data, date)), flags));
        }
        let store = self.store.clone();
        let mut store = store.lock();
        let Some(a) = store.account(self.user()) else {
            return no(None, "No account");
        };
        let Some(validity) = a.mailboxes.get(&name).map(|m| m.uid_validity) else {
            return no(Some(ResponseCode::TryCreate), "No such mailbox");
        };
        let mut uids = Vec::new();
        for (message, flags) in parsed {
            uids.extend(a.append(&name, message, flags));
        }
        a.notify();
        match uid_set(&uids) {
            Some(uids) => ok_code(
                ResponseCode::AppendUid {
                    uid_validity: nz(validity),
                    uids,
                },
                "APPEND completed",
            ),
            None => ok("APPEND completed"),
        }
    }
}

/// STATUS values of a mailbox; `Err` for an item this server lacks.
pub(super) fn status_of(
    mb: &StoredMailbox,
    items: &[StatusAttribute],
) -> Result<Vec<StatusItem<'static>>, ()> {
    items
        .iter()
        .map(|i| {
            Ok(match i {
                StatusAttribute::Messages => StatusItem::Messages(mb.messages.len() as u32),
                StatusAttribute::UidNext => StatusItem::UidNext(mb.uid_next),
                StatusAttribute::UidValidity => StatusItem::UidValidity(mb.uid_validity),
                StatusAttribute::Unseen => StatusItem::Unseen(mb.unseen()),
                StatusAttribute::Recent => StatusItem::Recent(mb.recent()),
                StatusAttribute::Deleted => StatusItem::Deleted(
                    mb.messages
                        .iter()
                        .filter(|e| e.flags.contains(&Flag::Deleted))
                        .count() as u32,
                ),
                StatusAttribute::Size => StatusItem::Size(mime::number64(
                    (mb.messages.iter())
                        .map(|e| e.message.size().get())
                        .fold(0, u64::saturating_add),
                )),
                _ => return Err(()),
            })
        })
        .collect()
}

/// LIST pattern matching: `*` matches anything, `%` anything but the
/// hierarchy delimiter `/` (RFC 9051 §6.3.9).
pub(super) fn wildcard(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|k| wildcard(rest, &name[k..])),
        Some((b'%', rest)) => (0..=name.len())
            .take_while(|&k| k == 0 || name[k - 1] != b'/')
            .any(|k| wildcard(rest, &name[k..])),
        Some((c, rest)) => name.first() == Some(c) && wildcard(rest, &name[1..]),
    }
}
