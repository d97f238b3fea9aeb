//! STUB: encoding of server responses. To be replaced.

use super::{EncodeOptions, Encoded, Encoder};
use crate::types::Response;

impl Response<'_> {
    /// The response as a server sends it.
    pub fn encode(&self, opts: EncodeOptions) -> Encoded {
        let e = Encoder::server(opts);
        e.finish()
    }
    /// All bytes of the response, as the peer receives them.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode(EncodeOptions::default()).into_vec()
    }
}
