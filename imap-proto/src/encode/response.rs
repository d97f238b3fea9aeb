//! Encoding of server responses: exactly the bytes
//! [`crate::parse::response`] consumes, in the RFC's canonical form (single
//! SP, upper-case keywords, the cheapest string form).

use super::{Encode, EncodeOptions, Encoded, Encoder};
use crate::types::{ContinueRequest, RespText, Response};

impl Response<'_> {
    /// The response as a server sends it.
    ///
    /// ```
    /// use imap_proto::parse_response;
    /// let (r, _) = parse_response(b"a1 ok [read-write]  done\r\n").unwrap();
    /// assert_eq!(r.to_bytes(), b"a1 OK [READ-WRITE] done\r\n");
    /// ```
    pub fn encode(&self, opts: EncodeOptions) -> Encoded {
        let mut e = Encoder::server(opts);
        Encode::encode(self, &mut e);
        e.finish()
    }
    /// All bytes of the response, as the peer receives them.
    pub fn to_bytes(&self) -> Vec<u8> {
        Response::encode(self, EncodeOptions::default()).into_vec()
    }
}

impl Encode for Response<'_> {
    /// Everything but the final CRLF.
    fn encode(&self, e: &mut Encoder) {
        match self {
            Response::Tagged(t) => {
                t.tag.encode(e);
                e.sp();
                e.raw(t.state.as_str().as_bytes());
                e.sp();
                t.text.encode(e);
            }
            Response::Untagged(u) => {
                e.raw(b"* ");
                e.raw(u.condition.as_str().as_bytes());
                e.sp();
                u.text.encode(e);
            }
            Response::Data(d) => {
                e.raw(b"* ");
                d.encode(e);
            }
            Response::Continue(c) => c.encode(e),
        }
    }
}

impl Encode for ContinueRequest<'_> {
    /// `"+" SP resp-text`.
    fn encode(&self, e: &mut Encoder) {
        e.raw(b"+ ");
        self.text.encode(e);
    }
}

impl Encode for RespText<'_> {
    /// `["[" resp-text-code "]" SP] [text]`.
    fn encode(&self, e: &mut Encoder) {
        if let Some(c) = &self.code {
            e.byte(b'[');
            c.encode(e);
            e.raw(b"] ");
        }
        self.text.encode(e);
    }
}
