//! Numbers of the grammar: `nz-number` (32 bits, non-zero), and
//! `number64` / `nz-number64` (at most 2^63 - 1), as types that cannot hold
//! a value the grammar has no digits for.

use std::fmt;

use super::core::ValidationError;

/// `nz-number = digit-nz *DIGIT` (RFC 9051 §9): 1 to 4,294,967,295.
pub type NzNumber = std::num::NonZeroU32;

/// `number64 = 1*DIGIT` (RFC 9051 §9): an unsigned integer of at most
/// 2^63 - 1, "a signed 63-bit integer with the sign always positive".
///
/// Every number of the grammar that may pass 2^32 - 1 is one of these:
/// sizes (`RFC822.SIZE`, `STATUS SIZE`, quota usage and limits, body line
/// counts, `LARGER`/`SMALLER`), partial-fetch offsets and the
/// mod-sequences of RFC 7162 (`mod-sequence-value`, also "1*DIGIT" of at
/// most 2^63 - 1). A plain `u64` could hold 2^63 and above, which encode to
/// digits that no conforming peer, nor this crate's parser, takes back; a
/// `Number64` cannot, so every value built encodes to a message that parses
/// back to the same value.
///
/// Zero is a valid `Number64`. Where RFC 7162 asks for a non-zero
/// `mod-sequence-value` (`CHANGEDSINCE`, the `HIGHESTMODSEQ` response code,
/// `MODSEQ` data...), this crate still carries a `Number64` and the parser
/// accepts 0 (lenient; servers do send `HIGHESTMODSEQ 0`), so such a value
/// round-trips too.
///
/// `Debug` and `Display` print the number alone.
///
/// ```
/// use imap_proto::types::Number64;
/// assert_eq!(Number64::MAX.get(), 9_223_372_036_854_775_807);
/// assert_eq!(Number64::new(1 << 63), None);
/// let e = Number64::try_from(u64::MAX).unwrap_err();
/// assert_eq!(e.what, "number64");
/// let n = Number64::from(4_294_967_295u32);
/// assert_eq!(n.to_string(), "4294967295");
/// assert_eq!(format!("{:?}", Some(n)), "Some(4294967295)");
/// assert!(Number64::ZERO < n && n < Number64::MAX);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Number64(u64);

impl Number64 {
    /// 0.
    pub const ZERO: Self = Self(0);
    /// The largest `number64`: 2^63 - 1 (9,223,372,036,854,775,807).
    pub const MAX: Self = Self(i64::MAX as u64);

    /// `n` as a `number64`; `None` when it is above 2^63 - 1.
    #[inline]
    pub const fn new(n: u64) -> Option<Self> {
        if n <= Self::MAX.0 {
            Some(Self(n))
        } else {
            None
        }
    }

    /// The value.
    #[inline]
    pub const fn get(self) -> u64 {
        self.0
    }
}

fn number64_too_large(what: &'static str) -> ValidationError {
    ValidationError::new(what, "must be at most 2^63-1 (9223372036854775807)", 0)
}

impl TryFrom<u64> for Number64 {
    type Error = ValidationError;
    /// Fails when `n` is above 2^63 - 1.
    fn try_from(n: u64) -> Result<Self, ValidationError> {
        Self::new(n).ok_or_else(|| number64_too_large("number64"))
    }
}

macro_rules! number64_from_small {
    ($($t:ty),*) => {$(
        impl From<$t> for Number64 {
            /// Every value of this type is a `number64`.
            #[inline]
            fn from(n: $t) -> Self {
                Self(u64::from(n))
            }
        }
    )*};
}
number64_from_small!(u8, u16, u32);

impl From<Number64> for u64 {
    #[inline]
    fn from(n: Number64) -> u64 {
        n.0
    }
}

impl fmt::Debug for Number64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Number64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// `nz-number64 = digit-nz *DIGIT` (RFC 9051 §9): a [`Number64`] that is
/// not 0, so 1 to 2^63 - 1. The length of a partial FETCH
/// ([`Partial`](crate::types::Partial)).
///
/// `Debug` and `Display` print the number alone.
///
/// ```
/// use imap_proto::types::NzNumber64;
/// assert_eq!(NzNumber64::new(0), None);
/// assert_eq!(NzNumber64::new(1), Some(NzNumber64::MIN));
/// assert_eq!(NzNumber64::try_from(0u64).unwrap_err().what, "nz-number64");
/// assert!(NzNumber64::try_from(1u64 << 63).is_err());
/// assert_eq!(NzNumber64::MAX.get(), i64::MAX as u64);
/// assert_eq!(format!("{:?}", NzNumber64::MIN), "1");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NzNumber64(std::num::NonZeroU64);

impl NzNumber64 {
    /// 1.
    pub const MIN: Self = Self(std::num::NonZeroU64::MIN);
    /// The largest `nz-number64`: 2^63 - 1.
    pub const MAX: Self = match std::num::NonZeroU64::new(Number64::MAX.0) {
        Some(n) => Self(n),
        None => unreachable!(),
    };

    /// `n` as an `nz-number64`; `None` when it is 0 or above 2^63 - 1.
    #[inline]
    pub const fn new(n: u64) -> Option<Self> {
        match std::num::NonZeroU64::new(n) {
            Some(v) if n <= Number64::MAX.0 => Some(Self(v)),
            _ => None,
        }
    }

    /// The value.
    #[inline]
    pub const fn get(self) -> u64 {
        self.0.get()
    }
}

impl TryFrom<u64> for NzNumber64 {
    type Error = ValidationError;
    /// Fails when `n` is 0 or above 2^63 - 1.
    fn try_from(n: u64) -> Result<Self, ValidationError> {
        match n {
            0 => Err(ValidationError::new("nz-number64", "must not be 0", 0)),
            _ => Self::new(n).ok_or_else(|| number64_too_large("nz-number64")),
        }
    }
}

impl TryFrom<Number64> for NzNumber64 {
    type Error = ValidationError;
    /// Fails when `n` is 0.
    fn try_from(n: Number64) -> Result<Self, ValidationError> {
        Self::try_from(n.0)
    }
}

impl From<std::num::NonZeroU32> for NzNumber64 {
    /// Every `nz-number` is an `nz-number64`.
    #[inline]
    fn from(n: std::num::NonZeroU32) -> Self {
        Self(std::num::NonZeroU64::from(n))
    }
}

impl From<NzNumber64> for Number64 {
    #[inline]
    fn from(n: NzNumber64) -> Self {
        Self(n.get())
    }
}

impl From<NzNumber64> for u64 {
    #[inline]
    fn from(n: NzNumber64) -> u64 {
        n.get()
    }
}

impl fmt::Debug for NzNumber64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for NzNumber64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
