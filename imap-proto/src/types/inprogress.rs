//! The argument of the `INPROGRESS` response code (RFC 9585).

use super::core::Tag;
use super::number::NzNumber;

/// `"(" progress-tag SP progress-count SP progress-goal ")"`,
/// `progress-tag = quoted / nil`, `progress-count = number / nil`,
/// `progress-goal = nz-number / nil` (RFC 9585 §4; the RFC text was not at
/// hand here: the rule as implementations of it read it). `None` fields
/// are `NIL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InProgress<'a> {
    /// The tag of the command in progress, sent quoted.
    pub tag: Option<Tag<'a>>,
    /// How much is done.
    pub count: Option<u32>,
    /// Out of how much.
    pub goal: Option<NzNumber>,
}

impl InProgress<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> InProgress<'static> {
        InProgress {
            tag: self.tag.map(Tag::into_owned),
            count: self.count,
            goal: self.goal,
        }
    }
}
