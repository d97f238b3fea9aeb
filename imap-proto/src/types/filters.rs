//! FILTERS (RFC 5466): the name of a stored search, which the `FILTER`
//! search key ([`SearchKey::Filter`](super::SearchKey::Filter)) refers to.

use std::borrow::Cow;

use super::core::{cow_str_owned, ValidationError};
use crate::fast;

/// `filter-name = 1*<any ATOM-CHAR except "/">` (RFC 5466 §4): the name of
/// a filter stored under `/private/filters/values/` or
/// `/shared/filters/values/` (METADATA, RFC 5464).
///
/// ```
/// use imap_proto::types::FilterName;
/// assert_eq!(FilterName::new("on-the-road").unwrap().as_str(), "on-the-road");
/// assert!(FilterName::new("a/b").is_err());
/// assert!(FilterName::new("").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FilterName<'a>(Cow<'a, str>);

/// `<any ATOM-CHAR except "/">`.
pub(crate) fn is_filter_char(b: u8) -> bool {
    b != b'/' && fast::is_atom_char(b)
}

impl<'a> FilterName<'a> {
    /// Checks `s` against `filter-name`.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        if s.is_empty() {
            return Err(ValidationError::new("filter-name", "must not be empty", 0));
        }
        if let Some(at) = s.bytes().position(|b| !is_filter_char(b)) {
            return Err(ValidationError::new(
                "filter-name",
                "not an ATOM-CHAR other than \"/\"",
                at,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: &'a str) -> Self {
        debug_assert!(!s.is_empty() && s.bytes().all(is_filter_char));
        Self(Cow::Borrowed(s))
    }
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FilterName<'static> {
        FilterName(cow_str_owned(self.0))
    }
}
