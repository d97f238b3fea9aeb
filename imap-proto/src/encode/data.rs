//! Encoding of untagged data (after `"*" SP`): the keyword, then exactly
//! the bytes [`crate::parse::data`] (for LIST, STATUS and NAMESPACE,
//! [`crate::parse::mailbox_data`]) reads after it, in canonical form.

use super::core::flag_list;
use super::mailbox_data::namespace;
use super::{Encode, Encoder};
use crate::types::Number64;
use crate::types::{Data, MetadataEntries, MetadataValue};

fn search_numbers(e: &mut Encoder, numbers: &[u32], modseq: Option<Number64>) {
    for n in numbers {
        e.sp();
        e.number(u64::from(*n));
    }
    if let Some(m) = modseq {
        e.raw(b" (MODSEQ ");
        e.number64(m);
        e.byte(b')');
    }
}

impl Encode for MetadataValue<'_> {
    /// `value = nstring / literal8`.
    fn encode(&self, e: &mut Encoder) {
        match self {
            MetadataValue::Nil => e.raw(b"NIL"),
            MetadataValue::String(s) => s.encode(e),
            MetadataValue::Binary(b) => e.literal(b, true, None),
        }
    }
}

impl Encode for Data<'_> {
    /// The data after `"*" SP`, without CRLF.
    fn encode(&self, e: &mut Encoder) {
        match self {
            Data::Capability(caps) | Data::Enabled(caps) => {
                e.raw(if matches!(self, Data::Capability(_)) {
                    b"CAPABILITY"
                } else {
                    b"ENABLED"
                });
                for c in caps {
                    e.sp();
                    c.encode(e);
                }
            }
            Data::List(l) => {
                e.raw(b"LIST ");
                l.encode(e);
            }
            Data::Lsub(l) => {
                e.raw(b"LSUB ");
                l.encode(e);
            }
            Data::Xlist(l) => {
                e.raw(b"XLIST ");
                l.encode(e);
            }
            Data::Status { mailbox, items } => {
                e.raw(b"STATUS ");
                mailbox.encode(e);
                e.sp();
                e.paren_list(items, |e, it| it.encode(e));
            }
            Data::Search { numbers, modseq } => {
                e.raw(b"SEARCH");
                search_numbers(e, numbers, *modseq);
            }
            Data::Sort { numbers, modseq } => {
                e.raw(b"SORT");
                search_numbers(e, numbers, *modseq);
            }
            Data::ESearch(x) => {
                // The ESEARCH encoder writes what follows the keyword,
                // its leading SP included, as `esearch_response` reads it.
                e.raw(b"ESEARCH");
                x.encode(e);
            }
            Data::Thread(threads) => {
                e.raw(b"THREAD");
                super::search::thread_data(e, threads);
            }
            Data::Flags(f) => {
                e.raw(b"FLAGS ");
                flag_list(e, f);
            }
            Data::Exists(n) => {
                e.number(u64::from(*n));
                e.raw(b" EXISTS");
            }
            Data::Recent(n) => {
                e.number(u64::from(*n));
                e.raw(b" RECENT");
            }
            Data::Expunge(n) => {
                e.number(u64::from(n.get()));
                e.raw(b" EXPUNGE");
            }
            Data::Fetch { seq, items } => {
                e.number(u64::from(seq.get()));
                e.raw(b" FETCH ");
                super::fetch::msg_att(e, items);
            }
            Data::UidFetch { uid, items } => {
                e.number(u64::from(uid.get()));
                e.raw(b" UIDFETCH ");
                super::fetch::msg_att(e, items);
            }
            Data::Vanished { earlier, uids } => {
                e.raw(if *earlier {
                    b"VANISHED (EARLIER) "
                } else {
                    b"VANISHED "
                });
                uids.encode(e);
            }
            Data::Namespace {
                personal,
                other_users,
                shared,
            } => {
                e.raw(b"NAMESPACE ");
                namespace(e, personal);
                e.sp();
                namespace(e, other_users);
                e.sp();
                namespace(e, shared);
            }
            Data::Id(None) => e.raw(b"ID NIL"),
            Data::Id(Some(pairs)) => {
                e.raw(b"ID ");
                e.paren_list(pairs, |e, (k, v)| {
                    k.encode(e);
                    e.sp();
                    v.encode(e);
                });
            }
            Data::Quota { root, resources } => {
                e.raw(b"QUOTA ");
                root.encode(e);
                e.sp();
                e.paren_list(resources, |e, r| {
                    r.name.encode(e);
                    e.sp();
                    e.number64(r.usage);
                    e.sp();
                    e.number64(r.limit);
                });
            }
            Data::QuotaRoot { mailbox, roots } => {
                e.raw(b"QUOTAROOT ");
                mailbox.encode(e);
                for r in roots {
                    e.sp();
                    r.encode(e);
                }
            }
            Data::Metadata { mailbox, entries } => {
                e.raw(b"METADATA ");
                mailbox.encode(e);
                e.sp();
                match entries {
                    MetadataEntries::Values(v) => e.paren_list(v, |e, (k, v)| {
                        k.encode(e);
                        e.sp();
                        v.encode(e);
                    }),
                    MetadataEntries::List(v) => e.sp_list(v, |e, k| k.encode(e)),
                }
            }
            Data::Acl { mailbox, entries } => {
                e.raw(b"ACL ");
                mailbox.encode(e);
                for (id, rights) in entries {
                    e.sp();
                    id.encode(e);
                    e.sp();
                    rights.encode(e);
                }
            }
            Data::ListRights {
                mailbox,
                identifier,
                required,
                optional,
            } => {
                e.raw(b"LISTRIGHTS ");
                mailbox.encode(e);
                e.sp();
                identifier.encode(e);
                e.sp();
                required.encode(e);
                for r in optional {
                    e.sp();
                    r.encode(e);
                }
            }
            Data::MyRights { mailbox, rights } => {
                e.raw(b"MYRIGHTS ");
                mailbox.encode(e);
                e.sp();
                rights.encode(e);
            }
            Data::Language(tags) => super::i18n::language_data(e, tags.as_slice()),
            Data::JmapAccess(url) => {
                e.raw(b"JMAPACCESS ");
                e.string(url.as_bytes());
            }
            Data::GenUrlAuth(urls) => {
                e.raw(b"GENURLAUTH");
                for u in urls {
                    e.sp();
                    u.encode(e);
                }
            }
            Data::UrlFetch(items) => {
                e.raw(b"URLFETCH");
                for d in items {
                    e.sp();
                    d.encode(e);
                }
            }
            Data::Comparator {
                selected,
                available,
            } => super::i18n::comparator_data(e, selected, available),
            Data::Other(o) => {
                if let Some(n) = o.number() {
                    e.number(u64::from(n));
                    e.sp();
                }
                o.name().encode(e);
                if let Some(rest) = o.rest() {
                    e.sp();
                    e.raw_with_literals(rest);
                }
            }
        }
    }
}
