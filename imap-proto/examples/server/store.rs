//! The mail store: accounts, mailboxes, messages and flags, in memory,
//! shared by every connection behind one `Mutex`. A change wakes every
//! connection logged in to the account (through its channel), which then
//! compares its view of the selected mailbox with the store (see
//! `conn.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::mpsc::{SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard};

use imap_proto::types::{Flag, MailboxAttribute};

use super::mime::Message;

/// What wakes a connection's thread.
#[derive(Debug)]
pub enum Wake {
    /// Bytes from the client.
    Input(Vec<u8>),
    /// The client closed the connection (or reading failed).
    Eof,
    /// Something changed in the account.
    Changed,
}

/// The store, shared.
#[derive(Clone)]
pub struct Shared(Arc<Mutex<Store>>);

impl Shared {
    /// Wraps a store.
    pub fn new(store: Store) -> Shared {
        Shared(Arc::new(Mutex::new(store)))
    }

    /// Locks the store. A thread that panicked while holding the lock
    /// leaves the data as it was: go on with it.
    pub fn lock(&self) -> MutexGuard<'_, Store> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Every account.
#[derive(Default)]
pub struct Store {
    accounts: BTreeMap<String, Account>,
    next_watcher: u64,
}

/// One user's mail.
pub struct Account {
    password: String,
    /// By name (modified UTF-7, as on the wire), sorted.
    pub mailboxes: BTreeMap<String, Mailbox>,
    /// Subscribed names.
    pub subscribed: BTreeSet<String>,
    /// Connections to wake on a change.
    watchers: Vec<(u64, SyncSender<Wake>)>,
    /// Source of mailbox ids, UIDVALIDITY values and mod-sequences.
    counter: u64,
}

/// One mailbox.
pub struct Mailbox {
    /// Stays the same across RENAME: what a selected connection follows.
    pub id: u64,
    /// The SPECIAL-USE attribute, if any.
    pub special: Option<MailboxAttribute<'static>>,
    pub uid_validity: u32,
    pub uid_next: u32,
    /// Sorted by UID.
    pub messages: Vec<Entry>,
    /// Every keyword (and `\Extension` flag) ever set on a message here,
    /// in order of first use: what FLAGS and PERMANENTFLAGS list.
    pub keywords: Vec<Flag<'static>>,
    /// Messages with a higher UID are `\Recent` and not yet claimed: the
    /// first session to SELECT the mailbox (or to be told of them while
    /// it has it selected) claims them (RFC 3501 §2.3.2).
    pub recent_upto: u32,
}

/// A message in a mailbox.
#[derive(Clone)]
pub struct Entry {
    pub uid: u32,
    pub flags: Vec<Flag<'static>>,
    /// The account's counter when the flags last changed.
    pub modseq: u64,
    pub message: Arc<Message>,
}

impl Mailbox {
    /// The entry with this UID.
    pub fn get(&self, uid: u32) -> Option<&Entry> {
        let i = self.messages.binary_search_by_key(&uid, |e| e.uid).ok()?;
        self.messages.get(i)
    }

    /// Messages still `\Recent` for the next session (STATUS RECENT).
    pub fn recent(&self) -> u32 {
        self.messages
            .iter()
            .filter(|e| e.uid > self.recent_upto)
            .count() as u32
    }

    /// Adds the flags of `flags` that are neither system flags nor known
    /// yet to [`Mailbox::keywords`].
    fn learn(&mut self, flags: &[Flag<'static>]) {
        for f in flags {
            if is_keyword(f) && !self.keywords.contains(f) {
                self.keywords.push(f.clone());
            }
        }
    }

    /// Messages without `\Seen`.
    pub fn unseen(&self) -> u32 {
        self.messages
            .iter()
            .filter(|e| !e.flags.contains(&Flag::Seen))
            .count() as u32
    }
}

impl Store {
    /// Adds an account with INBOX.
    pub fn add_account(&mut self, user: &str, password: &str) {
        let mut a = Account {
            password: password.to_owned(),
            mailboxes: BTreeMap::new(),
            subscribed: BTreeSet::new(),
            watchers: Vec::new(),
            counter: 0,
        };
        a.create("INBOX", None);
        a.subscribed.insert("INBOX".to_owned());
        self.accounts.insert(user.to_owned(), a);
    }

    /// The account if the password is right.
    pub fn login(&self, user: &[u8], password: &[u8]) -> Option<String> {
        let user = std::str::from_utf8(user).ok()?;
        let a = self.accounts.get(user)?;
        (a.password.as_bytes() == password).then(|| user.to_owned())
    }

    /// An account.
    pub fn account(&mut self, user: &str) -> Option<&mut Account> {
        self.accounts.get_mut(user)
    }

    /// Wakes `tx` on every change to `user`'s account; returns the id to
    /// give to [`Store::unwatch`].
    pub fn watch(&mut self, user: &str, tx: SyncSender<Wake>) -> u64 {
        self.next_watcher += 1;
        let id = self.next_watcher;
        if let Some(a) = self.accounts.get_mut(user) {
            a.watchers.push((id, tx));
        }
        id
    }

    /// Stops waking the connection `id`.
    pub fn unwatch(&mut self, id: u64) {
        for a in self.accounts.values_mut() {
            a.watchers.retain(|(w, _)| *w != id);
        }
    }
}

impl Account {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// Wakes every connection of this account. Never blocks (the lock is
    /// held): a connection whose queue is full has wake-ups pending
    /// anyway, and compares its view with the store on each.
    pub fn notify(&mut self) {
        self.watchers.retain(|(_, tx)| {
            !matches!(
                tx.try_send(Wake::Changed),
                Err(TrySendError::Disconnected(_))
            )
        });
    }

    /// Creates a mailbox (and its missing parents); `false` if it exists.
    pub fn create(&mut self, name: &str, special: Option<MailboxAttribute<'static>>) -> bool {
        if self.mailboxes.contains_key(name) {
            return false;
        }
        let mut prefix = String::new();
        for (i, level) in name.split('/').enumerate() {
            if i > 0 {
                prefix.push('/');
            }
            prefix.push_str(level);
            if !self.mailboxes.contains_key(&prefix) {
                let id = self.next();
                // UIDVALIDITY: unique per incarnation of a name.
                let uid_validity = 1_700_000_000u32.wrapping_add(id as u32);
                let special = if prefix == name {
                    special.clone()
                } else {
                    None
                };
                self.mailboxes.insert(
                    prefix.clone(),
                    Mailbox {
                        id,
                        special,
                        uid_validity,
                        uid_next: 1,
                        messages: Vec::new(),
                        keywords: Vec::new(),
                        recent_upto: 0,
                    },
                );
            }
        }
        true
    }

    /// Whether `name` has mailboxes below it.
    pub fn has_children(&self, name: &str) -> bool {
        let prefix = format!("{name}/");
        self.mailboxes
            .range(prefix.clone()..)
            .next()
            .is_some_and(|(n, _)| n.starts_with(&prefix))
    }

    /// The name of the mailbox with this id.
    pub fn name_of(&self, id: u64) -> Option<&str> {
        self.mailboxes
            .iter()
            .find(|(_, m)| m.id == id)
            .map(|(n, _)| n.as_str())
    }

    /// The mailbox with this id.
    pub fn mailbox(&self, id: u64) -> Option<&Mailbox> {
        self.mailboxes.values().find(|m| m.id == id)
    }

    /// The mailbox with this id, to change it.
    pub fn by_id(&mut self, id: u64) -> Option<&mut Mailbox> {
        self.mailboxes.values_mut().find(|m| m.id == id)
    }

    /// Renames `from` (and what is below it) to `to`. INBOX is special
    /// (RFC 9051 §6.3.6): its messages move to a new mailbox and it stays.
    pub fn rename(&mut self, from: &str, to: &str) {
        if from == "INBOX" {
            self.create(to, None);
            let moved = match self.mailboxes.get_mut("INBOX") {
                Some(inbox) => std::mem::take(&mut inbox.messages),
                None => Vec::new(),
            };
            let modseq = self.next();
            if let Some(target) = self.mailboxes.get_mut(to) {
                for mut e in moved {
                    e.uid = target.uid_next;
                    e.modseq = modseq;
                    target.uid_next += 1;
                    target.messages.push(e);
                }
            }
            return;
        }
        let below = format!("{from}/");
        let names: Vec<String> = self
            .mailboxes
            .keys()
            .filter(|n| n.as_str() == from || n.starts_with(&below))
            .cloned()
            .collect();
        for old in names {
            if let Some(m) = self.mailboxes.remove(&old) {
                let new = format!("{to}{}", &old[from.len()..]);
                self.mailboxes.insert(new, m);
            }
        }
        // Parents of the new name.
        if let Some((parent, _)) = to.rsplit_once('/') {
            self.create(parent, None);
        }
    }

    /// Adds a message to `mailbox`; its UID.
    pub fn append(
        &mut self,
        mailbox: &str,
        message: Arc<Message>,
        flags: Vec<Flag<'static>>,
    ) -> Option<u32> {
        let modseq = self.next();
        let m = self.mailboxes.get_mut(mailbox)?;
        m.learn(&flags);
        let uid = m.uid_next;
        m.uid_next += 1;
        m.messages.push(Entry {
            uid,
            flags,
            modseq,
            message,
        });
        Some(uid)
    }

    /// Sets the flags of message `uid` in mailbox `id`; the new
    /// mod-sequence, if it changed.
    pub fn set_flags(&mut self, id: u64, uid: u32, flags: Vec<Flag<'static>>) -> Option<u64> {
        let modseq = self.next();
        let m = self.by_id(id)?;
        m.learn(&flags);
        let i = m.messages.binary_search_by_key(&uid, |e| e.uid).ok()?;
        let e = &mut m.messages[i];
        if e.flags == flags {
            return None;
        }
        e.flags = flags;
        e.modseq = modseq;
        Some(modseq)
    }

    /// Claims the `\Recent` messages of mailbox `id` for one session:
    /// those with a UID above the returned one are its to show as
    /// `\Recent`; no later session sees them so.
    pub fn claim_recent(&mut self, id: u64) -> u32 {
        let Some(m) = self.by_id(id) else {
            return u32::MAX;
        };
        let before = m.recent_upto;
        m.recent_upto = m.messages.last().map_or(before, |e| e.uid.max(before));
        before
    }

    /// Removes the messages of mailbox `id` whose UID `doomed` accepts.
    pub fn expunge(&mut self, id: u64, doomed: impl Fn(&Entry) -> bool) -> usize {
        let Some(m) = self.by_id(id) else { return 0 };
        let before = m.messages.len();
        m.messages.retain(|e| !doomed(e));
        before - m.messages.len()
    }
}

/// A keyword or an unknown `\Extension` flag: what FLAGS must announce
/// before a FETCH may show it.
pub fn is_keyword(f: &Flag<'_>) -> bool {
    matches!(f, Flag::Keyword(_) | Flag::Extension(_))
}
