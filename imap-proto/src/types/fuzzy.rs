//! FUZZY (RFC 6203): the relevancy score of ESEARCH's `RELEVANCY` data
//! item. The FUZZY search key, the RELEVANCY return option and sort key
//! are variants of [`SearchKey`](super::SearchKey),
//! [`SearchReturnOption`](super::SearchReturnOption) and
//! [`SortKey`](super::SortKey).

use super::core::ValidationError;

/// `score = 1*3DIGIT ;; (1 <= n <= 100)` (RFC 6203 §7): how well a message
/// matched a fuzzy search.
///
/// ```
/// use imap_proto::types::RelevancyScore;
/// assert_eq!(RelevancyScore::new(99).unwrap().get(), 99);
/// assert!(RelevancyScore::new(0).is_err());
/// assert!(RelevancyScore::new(101).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelevancyScore(u8);

impl RelevancyScore {
    /// A score from 1 to 100; anything else is refused.
    pub fn new(n: u8) -> Result<Self, ValidationError> {
        if (1..=100).contains(&n) {
            Ok(Self(n))
        } else {
            Err(ValidationError::new("score", "must be 1 to 100", 0))
        }
    }
    /// The score.
    pub fn get(self) -> u8 {
        self.0
    }
}
