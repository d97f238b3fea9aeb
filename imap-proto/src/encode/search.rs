//! Encoding of SEARCH, SORT and THREAD arguments and of the ESEARCH and
//! THREAD responses: exactly what `parse::search` consumes, in the RFC's
//! canonical form (single spaces, upper-case keywords).

use super::{Encode, Encoder};
use crate::fast;
use crate::types::{
    AString, ContextUpdate, ESearchResponse, ESearchReturnData, ModSeqEntryType, NonEmpty,
    PartialRange, SearchArgs, SearchKey, SearchReturnOption, SortArgs, SortCriterion, SortKey,
    Thread, ThreadAlgorithm, ThreadArgs,
};

impl Encode for SearchKey<'_> {
    fn encode(&self, e: &mut Encoder) {
        use SearchKey as K;
        let (kw, rest): (&[u8], Option<&dyn Encode>) = match self {
            K::All => (b"ALL", None),
            K::Answered => (b"ANSWERED", None),
            K::Bcc(s) => (b"BCC", Some(s)),
            K::Before(d) => (b"BEFORE", Some(d)),
            K::Body(s) => (b"BODY", Some(s)),
            K::Cc(s) => (b"CC", Some(s)),
            K::Deleted => (b"DELETED", None),
            K::Draft => (b"DRAFT", None),
            K::Flagged => (b"FLAGGED", None),
            K::From(s) => (b"FROM", Some(s)),
            K::Header(n, v) => {
                e.raw(b"HEADER ");
                n.encode(e);
                e.sp();
                v.encode(e);
                return;
            }
            K::Keyword(a) => (b"KEYWORD", Some(a)),
            K::Larger(n) => {
                e.raw(b"LARGER ");
                e.number64(*n);
                return;
            }
            K::New => (b"NEW", None),
            K::Not(k) => (b"NOT", Some(&**k)),
            K::Old => (b"OLD", None),
            K::On(d) => (b"ON", Some(d)),
            K::Or(a, b) => {
                e.raw(b"OR ");
                a.encode(e);
                e.sp();
                b.encode(e);
                return;
            }
            K::Recent => (b"RECENT", None),
            K::Seen => (b"SEEN", None),
            K::SentBefore(d) => (b"SENTBEFORE", Some(d)),
            K::SentOn(d) => (b"SENTON", Some(d)),
            K::SentSince(d) => (b"SENTSINCE", Some(d)),
            K::Since(d) => (b"SINCE", Some(d)),
            K::Smaller(n) => {
                e.raw(b"SMALLER ");
                e.number64(*n);
                return;
            }
            K::Subject(s) => (b"SUBJECT", Some(s)),
            K::Text(s) => (b"TEXT", Some(s)),
            K::To(s) => (b"TO", Some(s)),
            K::Uid(s) => (b"UID", Some(s)),
            K::Unanswered => (b"UNANSWERED", None),
            K::Undeleted => (b"UNDELETED", None),
            K::Undraft => (b"UNDRAFT", None),
            K::Unflagged => (b"UNFLAGGED", None),
            K::Unkeyword(a) => (b"UNKEYWORD", Some(a)),
            K::Unseen => (b"UNSEEN", None),
            K::SequenceSet(s) => return s.encode(e),
            K::Group(keys) => {
                e.paren_list(keys, |e, k| k.encode(e));
                return;
            }
            K::ModSeq { entry, value } => {
                e.raw(b"MODSEQ ");
                if let Some(entry) = entry {
                    e.string(entry.name.as_bytes());
                    e.raw(match entry.kind {
                        ModSeqEntryType::Priv => b" priv ",
                        ModSeqEntryType::Shared => b" shared ",
                        ModSeqEntryType::All => b" all ",
                    });
                }
                e.number64(*value);
                return;
            }
            K::Older(n) => {
                e.raw(b"OLDER ");
                e.number(u64::from(n.get()));
                return;
            }
            K::Younger(n) => {
                e.raw(b"YOUNGER ");
                e.number(u64::from(n.get()));
                return;
            }
            K::SavedBefore(d) => (b"SAVEDBEFORE", Some(d)),
            K::SavedOn(d) => (b"SAVEDON", Some(d)),
            K::SavedSince(d) => (b"SAVEDSINCE", Some(d)),
            K::SaveDateSupported => (b"SAVEDATESUPPORTED", None),
            K::EmailId(o) => {
                e.raw(b"EMAILID ");
                e.raw(o.as_str().as_bytes());
                return;
            }
            K::ThreadId(o) => {
                e.raw(b"THREADID ");
                e.raw(o.as_str().as_bytes());
                return;
            }
            K::Gmail(g) => return g.encode(e),
            K::Fuzzy(k) => (b"FUZZY", Some(&**k)),
            K::Annotation(a) => return a.encode(e),
            K::Filter(n) => {
                e.raw(b"FILTER ");
                e.raw(n.as_str().as_bytes());
                return;
            }
        };
        e.raw(kw);
        if let Some(arg) = rest {
            e.sp();
            arg.encode(e);
        }
    }
}

/// `sequence of search keys`, separated by SP.
fn search_keys(e: &mut Encoder, keys: &NonEmpty<SearchKey<'_>>) {
    e.sp_list(keys, |e, k| k.encode(e));
}

impl Encode for PartialRange {
    fn encode(&self, e: &mut Encoder) {
        let (neg, a, b) = match *self {
            PartialRange::First(a, b) => (false, a, b),
            PartialRange::Last(a, b) => (true, a, b),
        };
        if neg {
            e.byte(b'-');
        }
        e.number(u64::from(a.get()));
        e.byte(b':');
        if neg {
            e.byte(b'-');
        }
        e.number(u64::from(b.get()));
    }
}

impl Encode for SearchReturnOption<'_> {
    fn encode(&self, e: &mut Encoder) {
        use SearchReturnOption as O;
        match self {
            O::Min => e.raw(b"MIN"),
            O::Max => e.raw(b"MAX"),
            O::All => e.raw(b"ALL"),
            O::Count => e.raw(b"COUNT"),
            O::Save => e.raw(b"SAVE"),
            O::Context => e.raw(b"CONTEXT"),
            O::Update => e.raw(b"UPDATE"),
            O::Relevancy => e.raw(b"RELEVANCY"),
            O::UpdateFetch(atts) => {
                e.raw(b"UPDATE");
                e.paren_list(atts.as_slice(), |e, a| a.encode(e));
            }
            O::Partial(r) => {
                e.raw(b"PARTIAL ");
                r.encode(e);
            }
            O::Other(x) => {
                x.name().encode(e);
                if let Some(v) = x.value() {
                    e.sp();
                    v.encode(e);
                }
            }
        }
    }
}

/// ` RETURN (...)` when present.
fn return_opts(e: &mut Encoder, opts: &Option<Vec<SearchReturnOption<'_>>>) {
    if let Some(opts) = opts {
        e.raw(b" RETURN ");
        e.paren_list(opts, |e, o| o.encode(e));
    }
}

/// `charset = atom / quoted` (RFC 9051 §9): an atom when it is one, else a
/// string (a literal only for a value no quoted string can carry, which
/// RFC 3501's `astring` allows).
fn charset(e: &mut Encoder, c: &AString<'_>) {
    let b = c.as_bytes();
    if fast::is_atom(b) {
        e.raw(b);
    } else {
        e.string(b);
    }
}

impl Encode for SearchArgs<'_> {
    /// From the SP after `SEARCH` to the end of the last key.
    fn encode(&self, e: &mut Encoder) {
        return_opts(e, &self.return_opts);
        e.sp();
        if let Some(c) = &self.charset {
            e.raw(b"CHARSET ");
            charset(e, c);
            e.sp();
        }
        search_keys(e, &self.keys);
    }
}

impl Encode for SortKey<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(match self {
            SortKey::Arrival => b"ARRIVAL",
            SortKey::Cc => b"CC",
            SortKey::Date => b"DATE",
            SortKey::From => b"FROM",
            SortKey::Size => b"SIZE",
            SortKey::Subject => b"SUBJECT",
            SortKey::To => b"TO",
            SortKey::DisplayFrom => b"DISPLAYFROM",
            SortKey::DisplayTo => b"DISPLAYTO",
            SortKey::Relevancy => b"RELEVANCY",
            SortKey::Annotation { entry, attrib } => {
                return super::annotate::sort_key(e, entry, *attrib)
            }
            SortKey::Other(o) => return o.as_atom().encode(e),
        });
    }
}

impl Encode for SortCriterion<'_> {
    fn encode(&self, e: &mut Encoder) {
        if self.reverse {
            e.raw(b"REVERSE ");
        }
        self.key.encode(e);
    }
}

impl Encode for SortArgs<'_> {
    /// From the SP after `SORT` to the end of the last key.
    fn encode(&self, e: &mut Encoder) {
        return_opts(e, &self.return_opts);
        e.sp();
        e.paren_list(&self.criteria, |e, c| c.encode(e));
        e.sp();
        charset(e, &self.charset);
        e.sp();
        search_keys(e, &self.keys);
    }
}

impl Encode for ThreadAlgorithm<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            ThreadAlgorithm::OrderedSubject => e.raw(b"ORDEREDSUBJECT"),
            ThreadAlgorithm::References => e.raw(b"REFERENCES"),
            ThreadAlgorithm::Refs => e.raw(b"REFS"),
            ThreadAlgorithm::Other(o) => o.as_atom().encode(e),
        }
    }
}

impl Encode for ThreadArgs<'_> {
    /// From the SP after `THREAD` to the end of the last key.
    fn encode(&self, e: &mut Encoder) {
        e.sp();
        self.algorithm.encode(e);
        e.sp();
        charset(e, &self.charset);
        e.sp();
        search_keys(e, &self.keys);
    }
}

fn context_updates(e: &mut Encoder, v: &NonEmpty<ContextUpdate>) {
    e.paren_list(v, |e, c| {
        e.number(u64::from(c.position));
        e.sp();
        c.set.encode(e);
    });
}

impl Encode for ESearchReturnData<'_> {
    fn encode(&self, e: &mut Encoder) {
        use ESearchReturnData as D;
        match self {
            D::Min(n) => {
                e.raw(b"MIN ");
                e.number(u64::from(n.get()));
            }
            D::Max(n) => {
                e.raw(b"MAX ");
                e.number(u64::from(n.get()));
            }
            D::All(s) => {
                e.raw(b"ALL ");
                s.encode(e);
            }
            D::Count(n) => {
                e.raw(b"COUNT ");
                e.number(u64::from(*n));
            }
            D::ModSeq(n) => {
                e.raw(b"MODSEQ ");
                e.number64(*n);
            }
            D::AddTo(v) => {
                e.raw(b"ADDTO ");
                context_updates(e, v);
            }
            D::RemoveFrom(v) => {
                e.raw(b"REMOVEFROM ");
                context_updates(e, v);
            }
            D::Partial { range, results } => {
                e.raw(b"PARTIAL (");
                range.encode(e);
                e.sp();
                match results {
                    Some(s) => s.encode(e),
                    None => e.raw(b"NIL"),
                }
                e.byte(b')');
            }
            D::Relevancy(v) => {
                e.raw(b"RELEVANCY ");
                e.paren_list(v, |e, s| e.number(u64::from(s.get())));
            }
            D::Other(x) => {
                x.name().encode(e);
                e.sp();
                x.value().encode(e);
            }
        }
    }
}

impl Encode for ESearchResponse<'_> {
    /// What follows the keyword `ESEARCH`: ` (TAG "x")`, ` UID`, then each
    /// data item after a SP. The tag goes out quoted, as in every example
    /// of RFC 4731 and RFC 9051 (`tag-string = astring` allows it).
    fn encode(&self, e: &mut Encoder) {
        if self.tag.is_some() || self.mailbox.is_some() || self.uid_validity.is_some() {
            e.raw(b" (");
            let mut sep = false;
            if let Some(t) = &self.tag {
                e.raw(b"TAG ");
                e.string(t.as_bytes());
                sep = true;
            }
            if let Some(m) = &self.mailbox {
                if sep {
                    e.sp();
                }
                e.raw(b"MAILBOX ");
                m.encode(e);
                sep = true;
            }
            if let Some(v) = self.uid_validity {
                if sep {
                    e.sp();
                }
                e.raw(b"UIDVALIDITY ");
                e.number(u64::from(v.get()));
            }
            e.byte(b')');
        }
        if self.uid {
            e.raw(b" UID");
        }
        for d in &self.data {
            e.sp();
            d.encode(e);
        }
    }
}

impl Encode for Thread<'_> {
    /// One `thread-list`: `"(" ... ")"`.
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'(');
        e.sp_list(self.messages(), |e, n| e.number(u64::from(n.get())));
        if !self.children().is_empty() {
            if !self.messages().is_empty() {
                e.sp();
            }
            for c in self.children() {
                c.encode(e);
            }
        }
        e.byte(b')');
    }
}

/// What follows the keyword `THREAD` in a response: `[SP 1*thread-list]`
/// (RFC 5256 §5); nothing for no threads.
pub(crate) fn thread_data(e: &mut Encoder, threads: &[Thread<'_>]) {
    if threads.is_empty() {
        return;
    }
    e.sp();
    for t in threads {
        t.encode(e);
    }
}
