//! LANGUAGE and COMPARATOR (RFC 5255) to bytes: the commands' arguments
//! and the data responses.

use super::{Encode, Encoder};
use crate::types::AString;

/// `*(SP astring)`: the arguments of LANGUAGE and COMPARATOR.
pub(crate) fn sp_astrings(e: &mut Encoder, items: &[AString<'_>]) {
    for a in items {
        e.sp();
        a.encode(e);
    }
}

/// `"LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"`.
pub(crate) fn language_data(e: &mut Encoder, tags: &[AString<'_>]) {
    e.raw(b"LANGUAGE ");
    e.paren_list(tags, |e, t| t.encode(e));
}

/// `"COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP
/// comp-id-quoted) ")"]`; no ids is without the list.
pub(crate) fn comparator_data(e: &mut Encoder, selected: &AString<'_>, available: &[AString<'_>]) {
    e.raw(b"COMPARATOR ");
    selected.encode(e);
    if !available.is_empty() {
        e.sp();
        e.paren_list(available, |e, t| t.encode(e));
    }
}
