//! Sequence sets from Rust numbers and ranges (`5`, `1..=10`, `5..`, `..`).
//!
//! A message number of 0 does not exist (`nz-number`), so the conversions
//! from `u32` are `TryFrom` and refuse 0 with a [`ValidationError`] naming
//! `sequence-set`; those from [`NzNumber`] and `..` cannot fail and are
//! `From`.

use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeToInclusive};

use crate::types::core::ValidationError;
use crate::types::number::NzNumber;
use crate::types::sequence::{SeqNumber, SequenceSet};

fn nz(n: u32) -> Result<NzNumber, ValidationError> {
    NzNumber::new(n)
        .ok_or_else(|| ValidationError::new("sequence-set", "message numbers start at 1, not 0", 0))
}

impl From<std::convert::Infallible> for ValidationError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// One message: `n`.
impl From<NzNumber> for SequenceSet {
    fn from(n: NzNumber) -> Self {
        SequenceSet::single(n)
    }
}

/// `..`: every message, `1:*`.
impl From<RangeFull> for SequenceSet {
    fn from(_: RangeFull) -> Self {
        SequenceSet::all()
    }
}

/// `lo..=hi` with non-zero ends: `lo:hi`.
impl From<RangeInclusive<NzNumber>> for SequenceSet {
    fn from(r: RangeInclusive<NzNumber>) -> Self {
        SequenceSet::range(SeqNumber::Value(*r.start()), SeqNumber::Value(*r.end()))
    }
}

/// `lo..` with a non-zero start: `lo:*`.
impl From<RangeFrom<NzNumber>> for SequenceSet {
    fn from(r: RangeFrom<NzNumber>) -> Self {
        SequenceSet::range(SeqNumber::Value(r.start), SeqNumber::Largest)
    }
}

/// One message `n`; 0 is refused.
///
/// ```
/// use imap_proto::types::SequenceSet;
/// assert_eq!(SequenceSet::try_from(7).unwrap().to_string(), "7");
/// let e = SequenceSet::try_from(0).unwrap_err();
/// assert_eq!(e.to_string(), "invalid sequence-set: message numbers start at 1, not 0 (at byte 0)");
/// ```
impl TryFrom<u32> for SequenceSet {
    type Error = ValidationError;
    fn try_from(n: u32) -> Result<Self, ValidationError> {
        Ok(SequenceSet::single(nz(n)?))
    }
}

/// `lo..=hi`: `lo:hi`; a 0 at either end is refused, and so is an empty
/// range (`5..=2`): the wire form `5:2` would mean `2:5`, not nothing.
///
/// ```
/// use imap_proto::types::SequenceSet;
/// assert_eq!(SequenceSet::try_from(1..=5).unwrap().to_string(), "1:5");
/// assert!(SequenceSet::try_from(0..=5).is_err());
/// assert!(SequenceSet::try_from(5..=2).is_err());
/// ```
impl TryFrom<RangeInclusive<u32>> for SequenceSet {
    type Error = ValidationError;
    fn try_from(r: RangeInclusive<u32>) -> Result<Self, ValidationError> {
        let (lo, hi) = (nz(*r.start())?, nz(*r.end())?);
        if lo > hi {
            return Err(ValidationError::new(
                "sequence-set",
                "the range is empty (its start is above its end)",
                0,
            ));
        }
        Ok(SequenceSet::range(
            SeqNumber::Value(lo),
            SeqNumber::Value(hi),
        ))
    }
}

/// `lo..hi`: `lo:hi-1`; refused when empty or when `lo` is 0.
///
/// ```
/// use imap_proto::types::SequenceSet;
/// assert_eq!(SequenceSet::try_from(1..11).unwrap().to_string(), "1:10");
/// assert!(SequenceSet::try_from(3..3).is_err());
/// ```
impl TryFrom<Range<u32>> for SequenceSet {
    type Error = ValidationError;
    fn try_from(r: Range<u32>) -> Result<Self, ValidationError> {
        if r.start >= r.end {
            return Err(ValidationError::new(
                "sequence-set",
                "the range is empty (its start is not below its end)",
                0,
            ));
        }
        SequenceSet::try_from(r.start..=r.end - 1)
    }
}

/// `lo..`: `lo:*`; 0 is refused.
///
/// ```
/// use imap_proto::types::SequenceSet;
/// assert_eq!(SequenceSet::try_from(5..).unwrap().to_string(), "5:*");
/// ```
impl TryFrom<RangeFrom<u32>> for SequenceSet {
    type Error = ValidationError;
    fn try_from(r: RangeFrom<u32>) -> Result<Self, ValidationError> {
        Ok(SequenceSet::range(
            SeqNumber::Value(nz(r.start)?),
            SeqNumber::Largest,
        ))
    }
}

/// `..=hi`: `1:hi`; 0 is refused.
impl TryFrom<RangeToInclusive<u32>> for SequenceSet {
    type Error = ValidationError;
    fn try_from(r: RangeToInclusive<u32>) -> Result<Self, ValidationError> {
        SequenceSet::try_from(1..=r.end)
    }
}

/// The wire form, as [`str::parse`] reads it (`"1:4,7,9:*"`, `"$"`).
impl TryFrom<&str> for SequenceSet {
    type Error = ValidationError;
    fn try_from(s: &str) -> Result<Self, ValidationError> {
        s.parse()
    }
}
