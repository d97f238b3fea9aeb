//! Encoding of the small shared values: flags, sequence sets, dates,
//! mailboxes, capabilities.

use super::{Encode, Encoder};
use crate::types::datetime::MONTHS;
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
            Flag::BracketKeyword(k) => e.raw(k.as_str().as_bytes()),
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

/// Two decimal digits (`n` below 100).
fn two_digits(e: &mut Encoder, n: u8) {
    e.raw(&[b'0' + n / 10 % 10, b'0' + n % 10]);
}

/// The three letters of a month, 1 to 12 (as [`Date`] holds it).
fn month(e: &mut Encoder, m: u8) {
    let name = MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("Jan");
    e.raw(name.as_bytes());
}

impl Encode for Date {
    /// `date-text = date-day "-" date-month "-" date-year`, unquoted, the
    /// day without padding (as `Display` writes it).
    fn encode(&self, e: &mut Encoder) {
        e.number(u64::from(self.day()));
        e.byte(b'-');
        month(e, self.month());
        e.byte(b'-');
        two_digits(e, (self.year() / 100) as u8);
        two_digits(e, (self.year() % 100) as u8);
    }
}

impl Encode for DateTime {
    /// `DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone
    /// DQUOTE`, written digit by digit (as `Display` writes it).
    fn encode(&self, e: &mut Encoder) {
        let d = self.date();
        let (hour, minute, second) = self.time();
        let zone = self.zone_minutes();
        e.byte(b'"');
        if d.day() < 10 {
            e.raw(&[b' ', b'0' + d.day()]);
        } else {
            two_digits(e, d.day());
        }
        e.byte(b'-');
        month(e, d.month());
        e.byte(b'-');
        two_digits(e, (d.year() / 100) as u8);
        two_digits(e, (d.year() % 100) as u8);
        e.sp();
        two_digits(e, hour);
        e.byte(b':');
        two_digits(e, minute);
        e.byte(b':');
        two_digits(e, second);
        e.sp();
        e.byte(if zone < 0 { b'-' } else { b'+' });
        let z = zone.unsigned_abs();
        two_digits(e, (z / 60) as u8);
        two_digits(e, (z % 60) as u8);
        e.byte(b'"');
    }
}

impl Encode for Capability<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            Capability::Auth(a) => {
                e.raw(b"AUTH=");
                e.raw(a.as_str().as_bytes());
            }
            other => match other.known_name() {
                Some(name) => e.raw(name.as_bytes()),
                None => e.raw(other.to_string().as_bytes()),
            },
        }
    }
}

/// Encodes a `flag-list`.
pub(crate) fn flag_list(e: &mut Encoder, flags: &[Flag<'_>]) {
    e.paren_list(flags, |e, f| f.encode(e));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::EncodeOptions;

    fn encoded(v: &impl Encode) -> Vec<u8> {
        let mut e = Encoder::server(EncodeOptions::default());
        v.encode(&mut e);
        let mut out = e.finish().into_vec();
        out.truncate(out.len() - 2);
        out
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        for (y, m, d) in [
            (1996, 7, 17),
            (2023, 1, 9),
            (0, 12, 31),
            (9999, 2, 1),
            (2024, 2, 29),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(encoded(&date), date.to_string().as_bytes());
            for (h, mi, s, z) in [
                (2, 44, 25, -7 * 60),
                (0, 0, 0, 0),
                (23, 59, 60, 99 * 60 + 59),
            ] {
                for z in [z, -z] {
                    let t = DateTime::new(date, h, mi, s, z).unwrap();
                    assert_eq!(encoded(&t), format!("\"{t}\"").as_bytes(), "{t}");
                }
            }
        }
    }

    #[test]
    fn capabilities_are_written_as_display_writes_them() {
        for s in ["IMAP4rev1", "AUTH=PLAIN", "LITERAL+", "X-UNKNOWN", "auth=x"] {
            let c = Capability::from_atom(Atom::try_from(s).unwrap());
            assert_eq!(encoded(&c), c.to_string().as_bytes(), "{s}");
        }
    }
}
