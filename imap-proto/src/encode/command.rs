//! STUB: encoding of client commands.

use super::{Encode, EncodeOptions, Encoded, Encoder};
use crate::types::Command;

impl Command<'_> {
    /// The command as a client sends it, in fragments.
    pub fn encode(&self, opts: EncodeOptions) -> Encoded {
        let mut e = Encoder::client(opts);
        self.tag.encode(&mut e);
        e.raw(b" NOOP");
        e.finish()
    }
    /// All bytes of the command, as the peer receives them.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode(EncodeOptions::default()).into_vec()
    }
}
