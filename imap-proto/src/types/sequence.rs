//! Sequence sets (RFC 9051 §4.1.1, §9 `sequence-set`; RFC 5182 `$`).

use std::fmt;

use super::core::ValidationError;
use super::nonempty::NonEmpty;
use super::number::NzNumber;

/// `seq-number = nz-number / "*"` (RFC 9051 §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeqNumber {
    /// A message sequence number or UID.
    Value(NzNumber),
    /// `*`: the largest number in use.
    Largest,
}

/// `seq-range = seq-number ":" seq-number`, or one `seq-number`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sequence {
    /// One number.
    Single(SeqNumber),
    /// A range, kept in the order written (`4:2` is the same set as `2:4`,
    /// but is kept as written so that it re-encodes unchanged).
    Range(SeqNumber, SeqNumber),
}

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]`, or the
/// SEARCHRES marker `$` (RFC 5182, RFC 9051 §6.4.4.1).
///
/// ```
/// use imap_proto::types::SequenceSet;
/// let s: SequenceSet = "1:4,7,9:*".parse().unwrap();
/// assert_eq!(s.to_string(), "1:4,7,9:*");
/// assert!("".parse::<SequenceSet>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SequenceSet {
    /// A list of numbers and ranges, never empty (`sequence-set` has at
    /// least one item).
    Set(NonEmpty<Sequence>),
    /// `$`: the result saved by `SEARCH RETURN (SAVE)`.
    Saved,
}

impl SequenceSet {
    /// A set of the given sequences; empty is refused.
    pub fn new(seqs: Vec<Sequence>) -> Result<Self, ValidationError> {
        match NonEmpty::from_vec(seqs) {
            Ok(seqs) => Ok(SequenceSet::Set(seqs)),
            Err(_) => Err(ValidationError::new("sequence-set", "must not be empty", 0)),
        }
    }
    /// One number.
    pub fn single(n: NzNumber) -> Self {
        SequenceSet::Set(NonEmpty::new(Sequence::Single(SeqNumber::Value(n))))
    }
    /// `lo:hi`.
    pub fn range(lo: SeqNumber, hi: SeqNumber) -> Self {
        SequenceSet::Set(NonEmpty::new(Sequence::Range(lo, hi)))
    }
    /// `1:*`.
    pub fn all() -> Self {
        Self::range(SeqNumber::Value(NzNumber::MIN), SeqNumber::Largest)
    }
}

impl fmt::Display for SeqNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeqNumber::Value(n) => write!(f, "{n}"),
            SeqNumber::Largest => f.write_str("*"),
        }
    }
}

impl fmt::Display for SequenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SequenceSet::Saved => f.write_str("$"),
            SequenceSet::Set(seqs) => {
                for (i, s) in seqs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    match s {
                        Sequence::Single(n) => write!(f, "{n}")?,
                        Sequence::Range(a, b) => write!(f, "{a}:{b}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::str::FromStr for SequenceSet {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, ValidationError> {
        if s == "$" {
            return Ok(SequenceSet::Saved);
        }
        let num = |part: &str, at: usize| -> Result<SeqNumber, ValidationError> {
            if part == "*" {
                return Ok(SeqNumber::Largest);
            }
            let bad = ValidationError::new("sequence-set", "not a nz-number or \"*\"", at);
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || part.starts_with('0')
            {
                return Err(bad);
            }
            part.parse::<NzNumber>()
                .map(SeqNumber::Value)
                .map_err(|_| bad)
        };
        let mut seqs = Vec::new();
        let mut at = 0;
        for item in s.split(',') {
            seqs.push(match item.split_once(':') {
                Some((a, b)) => Sequence::Range(num(a, at)?, num(b, at + a.len() + 1)?),
                None => Sequence::Single(num(item, at)?),
            });
            at += item.len() + 1;
        }
        SequenceSet::new(seqs)
    }
}
