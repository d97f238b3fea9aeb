//! Encoding of server responses: exactly the bytes
//! [`crate::parse::response`] consumes, in the RFC's canonical form (single
//! SP, upper-case keywords, the cheapest string form).

use super::core::flag_list;
use super::{Encode, EncodeOptions, Encoded, Encoder};
use crate::types::Number64;
use crate::types::{
    CharsetName, CodeText, ContinueRequest, Data, Delimiter, ListExtendedItem, MailboxAttribute,
    MailboxList, MetadataCode, MetadataEntries, MetadataValue, NamespaceDescr, ObjectId, RespText,
    Response, ResponseCode, StatusItem,
};

impl Response<'_> {
    /// The response as a server sends it.
    ///
    /// ```
    /// use imap_proto::parse_response;
    /// let (r, _) = parse_response(b"a1 ok [read-write]  done\r\n").unwrap();
    /// assert_eq!(r.to_bytes(), b"a1 OK [READ-WRITE] done\r\n");
    /// ```
    pub fn encode(&self, opts: EncodeOptions) -> Encoded {
        let mut e = Encoder::server(opts);
        Encode::encode(self, &mut e);
        e.finish()
    }
    /// All bytes of the response, as the peer receives them.
    pub fn to_bytes(&self) -> Vec<u8> {
        Response::encode(self, EncodeOptions::default()).into_vec()
    }
}

impl Encode for Response<'_> {
    /// Everything but the final CRLF.
    fn encode(&self, e: &mut Encoder) {
        match self {
            Response::Tagged(t) => {
                t.tag.encode(e);
                e.sp();
                e.raw(t.state.as_str().as_bytes());
                e.sp();
                t.text.encode(e);
            }
            Response::Untagged(u) => {
                e.raw(b"* ");
                e.raw(u.condition.as_str().as_bytes());
                e.sp();
                u.text.encode(e);
            }
            Response::Data(d) => {
                e.raw(b"* ");
                d.encode(e);
            }
            Response::Continue(c) => c.encode(e),
        }
    }
}

impl Encode for ContinueRequest<'_> {
    /// `"+" SP resp-text`.
    fn encode(&self, e: &mut Encoder) {
        e.raw(b"+ ");
        self.text.encode(e);
    }
}

impl Encode for RespText<'_> {
    /// `["[" resp-text-code "]" SP] [text]`.
    fn encode(&self, e: &mut Encoder) {
        if let Some(c) = &self.code {
            e.byte(b'[');
            c.encode(e);
            e.raw(b"] ");
        }
        self.text.encode(e);
    }
}

impl Encode for CodeText<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}

impl Encode for ObjectId<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}

impl Encode for CharsetName<'_> {
    /// `charset = atom / quoted`.
    fn encode(&self, e: &mut Encoder) {
        let b = self.as_str().as_bytes();
        if crate::fast::is_atom(b) {
            e.raw(b);
        } else {
            e.quoted(b);
        }
    }
}

impl Encode for Delimiter {
    /// `DQUOTE QUOTED-CHAR DQUOTE`.
    fn encode(&self, e: &mut Encoder) {
        let mut buf = [0u8; 4];
        e.quoted(self.as_char().encode_utf8(&mut buf).as_bytes());
    }
}

fn delimiter(e: &mut Encoder, d: &Option<Delimiter>) {
    match d {
        Some(d) => d.encode(e),
        None => e.raw(b"NIL"),
    }
}

fn paren_objectid(e: &mut Encoder, o: &ObjectId<'_>) {
    e.byte(b'(');
    o.encode(e);
    e.byte(b')');
}

impl Encode for ResponseCode<'_> {
    fn encode(&self, e: &mut Encoder) {
        use ResponseCode as R;
        let simple: &[u8] = match self {
            R::Alert => b"ALERT",
            R::Parse => b"PARSE",
            R::ReadOnly => b"READ-ONLY",
            R::ReadWrite => b"READ-WRITE",
            R::TryCreate => b"TRYCREATE",
            R::UidNotSticky => b"UIDNOTSTICKY",
            R::Unavailable => b"UNAVAILABLE",
            R::AuthenticationFailed => b"AUTHENTICATIONFAILED",
            R::AuthorizationFailed => b"AUTHORIZATIONFAILED",
            R::Expired => b"EXPIRED",
            R::PrivacyRequired => b"PRIVACYREQUIRED",
            R::ContactAdmin => b"CONTACTADMIN",
            R::NoPerm => b"NOPERM",
            R::InUse => b"INUSE",
            R::ExpungeIssued => b"EXPUNGEISSUED",
            R::Corruption => b"CORRUPTION",
            R::ServerBug => b"SERVERBUG",
            R::ClientBug => b"CLIENTBUG",
            R::Cannot => b"CANNOT",
            R::Limit => b"LIMIT",
            R::OverQuota => b"OVERQUOTA",
            R::AlreadyExists => b"ALREADYEXISTS",
            R::NonExistent => b"NONEXISTENT",
            R::NotSaved => b"NOTSAVED",
            R::HasChildren => b"HASCHILDREN",
            R::Closed => b"CLOSED",
            R::UnknownCte => b"UNKNOWN-CTE",
            R::NoModSeq => b"NOMODSEQ",
            R::CompressionActive => b"COMPRESSIONACTIVE",
            R::TooBig => b"TOOBIG",
            _ => b"",
        };
        if !simple.is_empty() {
            e.raw(simple);
            return;
        }
        match self {
            R::BadCharset(list) => {
                e.raw(b"BADCHARSET");
                if !list.is_empty() {
                    e.sp();
                    e.paren_list(list, |e, c| c.encode(e));
                }
            }
            R::Capability(caps) => {
                e.raw(b"CAPABILITY");
                for c in caps {
                    e.sp();
                    c.encode(e);
                }
            }
            R::PermanentFlags(f) => {
                e.raw(b"PERMANENTFLAGS ");
                e.paren_list(f, |e, f| f.encode(e));
            }
            R::UidNext(n) => {
                e.raw(b"UIDNEXT ");
                e.number(u64::from(n.get()));
            }
            R::UidValidity(n) => {
                e.raw(b"UIDVALIDITY ");
                e.number(u64::from(n.get()));
            }
            R::Unseen(n) => {
                e.raw(b"UNSEEN ");
                e.number(u64::from(n.get()));
            }
            R::AppendUid { uid_validity, uids } => {
                e.raw(b"APPENDUID ");
                e.number(u64::from(uid_validity.get()));
                e.sp();
                uids.encode(e);
            }
            R::CopyUid {
                uid_validity,
                source,
                destination,
            } => {
                e.raw(b"COPYUID ");
                e.number(u64::from(uid_validity.get()));
                e.sp();
                source.encode(e);
                e.sp();
                destination.encode(e);
            }
            R::Referral(t) => {
                e.raw(b"REFERRAL ");
                t.encode(e);
            }
            R::HighestModSeq(n) => {
                e.raw(b"HIGHESTMODSEQ ");
                e.number64(*n);
            }
            R::Modified(s) => {
                e.raw(b"MODIFIED ");
                s.encode(e);
            }
            R::Metadata(m) => {
                e.raw(b"METADATA ");
                match m {
                    MetadataCode::LongEntries(n) => {
                        e.raw(b"LONGENTRIES ");
                        e.number(u64::from(*n));
                    }
                    MetadataCode::MaxSize(n) => {
                        e.raw(b"MAXSIZE ");
                        e.number(u64::from(*n));
                    }
                    MetadataCode::TooMany => e.raw(b"TOOMANY"),
                    MetadataCode::NoPrivate => e.raw(b"NOPRIVATE"),
                }
            }
            R::MailboxId(o) => {
                e.raw(b"MAILBOXID ");
                paren_objectid(e, o);
            }
            R::BadUrl(t) => {
                e.raw(b"BADURL ");
                t.encode(e);
            }
            R::Other(o) => {
                o.name().encode(e);
                if let Some(a) = o.arg() {
                    e.sp();
                    a.encode(e);
                }
            }
            // The simple codes were written above.
            _ => {}
        }
    }
}

impl Encode for MailboxAttribute<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'\\');
        e.raw(self.name().as_bytes());
    }
}

impl Encode for MailboxList<'_> {
    /// `mailbox-list`.
    fn encode(&self, e: &mut Encoder) {
        e.paren_list(&self.attributes, |e, a| a.encode(e));
        e.sp();
        delimiter(e, &self.delimiter);
        e.sp();
        self.mailbox.encode(e);
        if !self.extended.is_empty() {
            e.sp();
            e.paren_list(&self.extended, |e, x| x.encode(e));
        }
    }
}

impl Encode for ListExtendedItem<'_> {
    /// `mbox-list-extended-item`.
    fn encode(&self, e: &mut Encoder) {
        match self {
            ListExtendedItem::ChildInfo(v) => {
                e.raw(b"CHILDINFO ");
                e.paren_list(v, |e, s| s.encode(e));
            }
            ListExtendedItem::OldName(m) => {
                e.raw(b"OLDNAME (");
                m.encode(e);
                e.byte(b')');
            }
            ListExtendedItem::Other(o) => {
                o.tag().encode(e);
                e.sp();
                o.value().encode(e);
            }
        }
    }
}

impl Encode for StatusItem<'_> {
    /// `status-att-val`.
    fn encode(&self, e: &mut Encoder) {
        if let Some(a) = self.attribute() {
            e.raw(a.name().as_bytes());
            e.sp();
        }
        match self {
            StatusItem::Messages(n)
            | StatusItem::UidNext(n)
            | StatusItem::UidValidity(n)
            | StatusItem::Unseen(n)
            | StatusItem::Deleted(n)
            | StatusItem::Recent(n) => e.number(u64::from(*n)),
            StatusItem::Size(n) | StatusItem::HighestModSeq(n) | StatusItem::DeletedStorage(n) => {
                e.number64(*n)
            }
            StatusItem::MailboxId(o) => paren_objectid(e, o),
            StatusItem::AppendLimit(Some(n)) => e.number(u64::from(*n)),
            StatusItem::AppendLimit(None) => e.raw(b"NIL"),
            StatusItem::Other(o) => {
                o.name().encode(e);
                e.sp();
                o.value().encode(e);
            }
        }
    }
}

impl Encode for NamespaceDescr<'_> {
    /// `namespace-descr`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        self.prefix.encode(e);
        e.sp();
        delimiter(e, &self.delimiter);
        for (name, values) in &self.extensions {
            e.sp();
            name.encode(e);
            e.sp();
            e.paren_list(values, |e, v| v.encode(e));
        }
        e.byte(b')');
    }
}

fn namespace(e: &mut Encoder, n: &Option<Vec<NamespaceDescr<'_>>>) {
    match n {
        None => e.raw(b"NIL"),
        Some(list) => {
            e.byte(b'(');
            for d in list {
                d.encode(e);
            }
            e.byte(b')');
        }
    }
}

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
