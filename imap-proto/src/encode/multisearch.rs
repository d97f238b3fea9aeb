//! MULTISEARCH (RFC 7377) to bytes: the `ESEARCH` command's arguments.

use super::{Encode, Encoder};
use crate::types::MultiSearchArgs;

impl Encode for MultiSearchArgs<'_> {
    /// What follows `ESEARCH`: ` IN (filters [(scope-options)])`, then the
    /// search's return options and keys.
    fn encode(&self, e: &mut Encoder) {
        if let Some(s) = &self.source {
            e.raw(b" IN (");
            e.sp_list(s.mailboxes.as_slice(), |e, f| f.encode(e));
            if !s.scope_options.is_empty() {
                e.sp();
                e.paren_list(&s.scope_options, |e, o| o.encode(e));
            }
            e.byte(b')');
        }
        self.search.encode(e);
    }
}
