//! REPLACE (RFC 8508) to bytes.

use super::{Encode, Encoder};
use crate::types::ReplaceArgs;

impl Encode for ReplaceArgs<'_> {
    /// What follows `REPLACE`: ` seq-number SP mailbox append-message`.
    fn encode(&self, e: &mut Encoder) {
        e.sp();
        self.number.encode(e);
        e.sp();
        self.mailbox.encode(e);
        self.message.encode(e);
    }
}
