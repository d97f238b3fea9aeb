//! Encoding of the small shared values: flags, sequence sets, dates,
//! mailboxes, capabilities.

use super::{Encode, Encoder};
use crate::types::{
    AString, Atom, Capability, Date, DateTime, Flag, FlagPerm, IString, ListMailbox, Literal,
    Mailbox, RawValue, SeqNumber, Sequence, SequenceSet, Tag, Text,
};

impl Encode for Tag<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}

impl Encode for Atom<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}

impl Encode for AString<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.astring(self.as_bytes());
    }
}

impl Encode for IString<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.string(self.as_bytes());
    }
}

impl Encode for Option<IString<'_>> {
    fn encode(&self, e: &mut Encoder) {
        e.nstring(self.as_ref().map(|s| s.as_bytes()));
    }
}

impl Encode for Literal<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.literal(&self.data, self.binary, Some(self.mode));
    }
}

impl Encode for RawValue<'_> {
    /// Byte for byte as received (the parser proved it one whole value).
    fn encode(&self, e: &mut Encoder) {
        e.raw_with_literals(self.as_bytes());
    }
}

impl Encode for Text<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.as_str().as_bytes());
    }
}

impl Encode for Mailbox<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.astring(self.as_bytes());
    }
}

impl Encode for ListMailbox<'_> {
    /// `list-mailbox = 1*list-char / string`.
    fn encode(&self, e: &mut Encoder) {
        let b = self.as_bytes();
        if !b.is_empty() && b.iter().all(|&c| crate::fast::is_list_char(c)) {
            e.raw(b);
        } else {
            e.string(b);
        }
    }
}

impl Encode for Flag<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            Flag::Answered => e.raw(b"\\Answered"),
            Flag::Flagged => e.raw(b"\\Flagged"),
            Flag::Deleted => e.raw(b"\\Deleted"),
            Flag::Seen => e.raw(b"\\Seen"),
            Flag::Draft => e.raw(b"\\Draft"),
            Flag::Recent => e.raw(b"\\Recent"),
            Flag::Keyword(a) => a.encode(e),
            Flag::Extension(x) => {
                e.byte(b'\\');
                x.as_atom().encode(e);
            }
        }
    }
}

impl Encode for FlagPerm<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            FlagPerm::Flag(f) => f.encode(e),
            FlagPerm::Any => e.raw(b"\\*"),
        }
    }
}

impl Encode for SeqNumber {
    fn encode(&self, e: &mut Encoder) {
        match self {
            SeqNumber::Value(n) => e.number(u64::from(n.get())),
            SeqNumber::Largest => e.byte(b'*'),
        }
    }
}

impl Encode for SequenceSet {
    fn encode(&self, e: &mut Encoder) {
        match self {
            SequenceSet::Saved => e.byte(b'$'),
            SequenceSet::Set(seqs) => {
                for (k, s) in seqs.iter().enumerate() {
                    if k > 0 {
                        e.byte(b',');
                    }
                    match s {
                        Sequence::Single(n) => n.encode(e),
                        Sequence::Range(a, b) => {
                            a.encode(e);
                            e.byte(b':');
                            b.encode(e);
                        }
                    }
                }
            }
        }
    }
}

impl Encode for Date {
    /// `date-text`, unquoted.
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.to_string().as_bytes());
    }
}

impl Encode for DateTime {
    fn encode(&self, e: &mut Encoder) {
        e.byte(b'"');
        e.raw(self.to_string().as_bytes());
        e.byte(b'"');
    }
}

impl Encode for Capability<'_> {
    fn encode(&self, e: &mut Encoder) {
        e.raw(self.to_string().as_bytes());
    }
}

/// Encodes a `flag-list`.
pub(crate) fn flag_list(e: &mut Encoder, flags: &[Flag<'_>]) {
    e.paren_list(flags, |e, f| f.encode(e));
}
