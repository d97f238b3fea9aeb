//! SEARCH keys evaluated against one message (RFC 9051 §6.4.4).

use imap_proto::types::{AString, Flag, SearchKey, SeqNumber, Sequence, SequenceSet};

use super::mime::Message;

/// One message as SEARCH sees it.
pub struct Candidate<'a> {
    pub seq: u32,
    pub uid: u32,
    pub flags: &'a [Flag<'static>],
    /// `\Recent` in this session.
    pub recent: bool,
    pub message: &'a Message,
    /// What `*` means for sequence numbers and for UIDs.
    pub max_seq: u32,
    pub max_uid: u32,
}

/// Whether `n` is in `set`, `*` being `largest` (RFC 9051 §9: `a:b` is the
/// same as `b:a`).
pub fn contains(set: &SequenceSet, n: u32, largest: u32) -> bool {
    let SequenceSet::Set(seqs) = set else {
        return false;
    };
    let v = |s: &SeqNumber| match s {
        SeqNumber::Value(x) => x.get(),
        SeqNumber::Largest => largest,
    };
    seqs.iter().any(|s| match s {
        Sequence::Single(x) => v(x) == n,
        Sequence::Range(a, b) => {
            let (lo, hi) = (v(a).min(v(b)), v(a).max(v(b)));
            (lo..=hi).contains(&n)
        }
    })
}

/// Whether the candidate matches `key`; `Err` names a key this server
/// does not support (answered BAD).
pub fn matches(key: &SearchKey<'_>, c: &Candidate<'_>) -> Result<bool, &'static str> {
    use SearchKey as K;
    let has = |f: Flag<'static>| c.flags.contains(&f);
    let m = c.message;
    let idate = m.internal_date.date();
    Ok(match key {
        K::All => true,
        K::Answered => has(Flag::Answered),
        K::Deleted => has(Flag::Deleted),
        K::Draft => has(Flag::Draft),
        K::Flagged => has(Flag::Flagged),
        K::Seen => has(Flag::Seen),
        K::Unanswered => !has(Flag::Answered),
        K::Undeleted => !has(Flag::Deleted),
        K::Undraft => !has(Flag::Draft),
        K::Unflagged => !has(Flag::Flagged),
        K::Unseen => !has(Flag::Seen),
        K::Recent => c.recent,
        K::New => c.recent && !has(Flag::Seen),
        K::Old => !c.recent,
        K::Keyword(k) => c.flags.iter().any(|f| is_keyword(f, k.as_str())),
        K::Unkeyword(k) => !c.flags.iter().any(|f| is_keyword(f, k.as_str())),
        K::Bcc(s) => header_has(m, "Bcc", s),
        K::Cc(s) => header_has(m, "Cc", s),
        K::From(s) => header_has(m, "From", s),
        K::To(s) => header_has(m, "To", s),
        K::Subject(s) => header_has(m, "Subject", s),
        K::Header(name, s) => match std::str::from_utf8(name.as_bytes()) {
            Ok(name) => header_has(m, name, s),
            Err(_) => false,
        },
        K::Body(s) => body_has(m, s),
        K::Text(s) => body_has(m, s) || contains_ci(&String::from_utf8_lossy(m.header()), s),
        K::Before(d) => idate < *d,
        K::On(d) => idate == *d,
        K::Since(d) => idate >= *d,
        K::SentBefore(d) => m.sent.is_some_and(|s| s < *d),
        K::SentOn(d) => m.sent == Some(*d),
        K::SentSince(d) => m.sent.is_some_and(|s| s >= *d),
        K::Larger(n) => m.size() > *n,
        K::Smaller(n) => m.size() < *n,
        K::Uid(set) => contains(set, c.uid, c.max_uid),
        K::SequenceSet(set) => contains(set, c.seq, c.max_seq),
        K::Not(k) => !matches(k, c)?,
        K::Or(a, b) => matches(a, c)? || matches(b, c)?,
        K::Group(keys) => {
            for k in keys {
                if !matches(k, c)? {
                    return Ok(false);
                }
            }
            true
        }
        _ => return Err("search key not supported"),
    })
}

fn is_keyword(f: &Flag<'_>, name: &str) -> bool {
    matches!(f, Flag::Keyword(a) if a.as_str().eq_ignore_ascii_case(name))
}

/// Case-insensitive substring test (RFC 9051 §6.4.4).
fn contains_ci(hay: &str, needle: &AString<'_>) -> bool {
    let needle = String::from_utf8_lossy(needle.as_bytes()).to_lowercase();
    hay.to_lowercase().contains(&needle)
}

/// A header field's raw value contains the string; an empty string
/// matches any message that has the field.
fn header_has(m: &Message, name: &str, s: &AString<'_>) -> bool {
    m.header_values(name).iter().any(|v| contains_ci(v, s)) || decoded_header_has(m, name, s)
}

/// The same test on the decoded form (encoded words), for Subject and the
/// address fields as the user sees them.
fn decoded_header_has(m: &Message, name: &str, s: &AString<'_>) -> bool {
    let env = &m.envelope;
    let addrs = match name.to_ascii_lowercase().as_str() {
        "subject" => return m.subject.as_deref().is_some_and(|v| contains_ci(v, s)),
        "from" => &env.from,
        "to" => &env.to,
        "cc" => &env.cc,
        "bcc" => &env.bcc,
        _ => return false,
    };
    addrs.iter().any(|a| {
        let part = |x: &Option<imap_proto::types::IString<'_>>| {
            x.as_ref()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .unwrap_or_default()
        };
        let text = format!("{} {}@{}", part(&a.name), part(&a.mailbox), part(&a.host));
        contains_ci(&text, s)
    })
}

fn body_has(m: &Message, s: &AString<'_>) -> bool {
    let needle = String::from_utf8_lossy(s.as_bytes()).to_lowercase();
    m.text.contains(&needle)
}
