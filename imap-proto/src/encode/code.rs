//! Encoding of response codes: exactly the bytes [`crate::parse::code`]
//! consumes, in canonical form (upper-case names, single SP).

use super::{Encode, Encoder};
use crate::types::{CharsetName, CodeText, MetadataCode, ObjectId, ResponseCode};

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

pub(super) fn paren_objectid(e: &mut Encoder, o: &ObjectId<'_>) {
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
            R::NotificationOverflow => b"NOTIFICATIONOVERFLOW",
            R::UidRequired => b"UIDREQUIRED",
            R::BadComparator => b"BADCOMPARATOR",
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
            R::InProgress(p) => {
                e.raw(b"INPROGRESS");
                if let Some(p) = p {
                    e.raw(b" (");
                    match &p.tag {
                        Some(t) => e.quoted(t.as_str().as_bytes()),
                        None => e.raw(b"NIL"),
                    }
                    e.sp();
                    match p.count {
                        Some(n) => e.number(u64::from(n)),
                        None => e.raw(b"NIL"),
                    }
                    e.sp();
                    match p.goal {
                        Some(n) => e.number(u64::from(n.get())),
                        None => e.raw(b"NIL"),
                    }
                    e.byte(b')');
                }
            }
            R::MessageLimit { limit, uid } => {
                e.raw(b"MESSAGELIMIT ");
                e.number(u64::from(limit.get()));
                if let Some(u) = uid {
                    e.sp();
                    e.number(u64::from(u.get()));
                }
            }
            R::UrlMech(v) => {
                e.raw(b"URLMECH");
                super::urlauth::urlmech(e, v);
            }
            R::BadEvent(names) => {
                e.raw(b"BADEVENT ");
                e.paren_list(names.as_slice(), |e, n| n.encode(e));
            }
            R::BadUrl(t) => {
                e.raw(b"BADURL ");
                t.encode(e);
            }
            R::Annotate(c) => super::annotate::annotate_code(e, *c),
            R::Annotations(s) => super::annotate::ann_size(e, *s),
            R::UndefinedFilter(n) => {
                e.raw(b"UNDEFINED-FILTER ");
                e.raw(n.as_str().as_bytes());
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
