//! The assertions shared by the fuzz targets and the property tests.
//!
//! Each panics with a message naming the broken property and the bytes
//! involved, so that a failing case explains itself.

use imap_proto::encode::{EncodeOptions, Encoded, Fragment};
use imap_proto::types::{Command, Response};
use imap_proto::ParseError;

/// Every combination of the encoder's options.
pub fn all_options() -> [EncodeOptions; 8] {
    let mut out = [EncodeOptions::default(); 8];
    for (k, o) in out.iter_mut().enumerate() {
        o.literal_plus = k & 1 != 0;
        o.literal_minus = k & 2 != 0;
        o.utf8 = k & 4 != 0;
    }
    out
}

/// `bytes` shown with escapes, for failure messages.
pub fn show(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

/// The fragments of `e`, joined, are its bytes; lines end in CRLF.
fn check_fragments(e: &Encoded) {
    let mut joined = Vec::new();
    for f in e.fragments() {
        match f {
            Fragment::Line(l) => {
                assert!(
                    l.ends_with(b"\r\n"),
                    "line fragment without CRLF: {}",
                    show(l)
                );
                joined.extend_from_slice(l);
            }
            Fragment::Literal { data, .. } => joined.extend_from_slice(data),
        }
    }
    assert_eq!(joined, e.as_bytes(), "fragments do not join to the bytes");
}

/// A strict prefix of a message that parsed gave `err`: it must be
/// `Incomplete` (`None` means it parsed, which is wrong too).
pub fn assert_incomplete(err: Option<ParseError>, len: usize) {
    match err {
        Some(ParseError::Incomplete) => {}
        other => panic!("strict prefix of {len} bytes is not Incomplete: {other:?}"),
    }
}

/// An error for an input of `len` bytes points inside it.
pub fn assert_error_sane(e: &ParseError, len: usize) {
    if let Some(off) = e.offset() {
        assert!(
            off <= len,
            "error offset {off} past the input ({len}): {e:?}"
        );
    }
    let _ = e.to_string();
}

/// A message type the round-trip check applies to: its encoder and its
/// parser.
pub trait Message: Clone + PartialEq + std::fmt::Debug {
    /// Encodes under `opts`.
    fn encode_with(&self, opts: EncodeOptions) -> Encoded;
    /// Parses one message from `bytes`.
    fn parse(bytes: &[u8]) -> Result<(Self, usize), ParseError>;
    /// Detaches from the input, as the same value.
    fn owned(&self) -> Self;
}

impl Message for Command<'_> {
    fn encode_with(&self, opts: EncodeOptions) -> Encoded {
        self.encode(opts)
    }
    fn parse(bytes: &[u8]) -> Result<(Self, usize), ParseError> {
        imap_proto::parse_command(bytes).map(|(c, n)| (c.into_owned(), n))
    }
    fn owned(&self) -> Self {
        self.clone().into_owned()
    }
}

impl Message for Response<'_> {
    fn encode_with(&self, opts: EncodeOptions) -> Encoded {
        self.encode(opts)
    }
    fn parse(bytes: &[u8]) -> Result<(Self, usize), ParseError> {
        imap_proto::parse_response(bytes).map(|(r, n)| (r.into_owned(), n))
    }
    fn owned(&self) -> Self {
        self.clone().into_owned()
    }
}

/// `msg` encodes, under every option, to bytes that parse back to `msg`
/// consuming them all; the default encoding is stable (encoding the value
/// parsed back gives the same bytes); `into_owned` keeps the value. (The
/// server's encoder writes every literal synchronizing, so for responses
/// the options only matter for UTF-8.)
pub fn round_trip<M: Message>(msg: &M) {
    let first = msg.encode_with(EncodeOptions::default());
    for opts in all_options() {
        let enc = msg.encode_with(opts);
        check_fragments(&enc);
        let bytes = enc.as_bytes();
        match M::parse(bytes) {
            Ok((back, n)) => {
                assert_eq!(
                    n,
                    bytes.len(),
                    "{opts:?}: consumed {n} of {}: {}",
                    bytes.len(),
                    show(bytes)
                );
                assert_eq!(
                    &back,
                    msg,
                    "{opts:?}: parsed back differently: {}",
                    show(bytes)
                );
                if opts == EncodeOptions::default() {
                    assert_eq!(
                        back.encode_with(opts).as_bytes(),
                        first.as_bytes(),
                        "re-encoding changed the bytes"
                    );
                }
            }
            Err(e) => panic!("{opts:?}: encoding does not parse: {e}: {}", show(bytes)),
        }
    }
    assert_eq!(&msg.owned(), msg, "into_owned changed the value");
}

/// [`round_trip`] for a command.
pub fn command_round_trip(cmd: &Command<'_>) {
    round_trip(cmd);
}

/// [`round_trip`] for a response.
pub fn response_round_trip(resp: &Response<'_>) {
    round_trip(resp);
}

/// A message the framer found complete is complete for the grammar too,
/// in both directions: never `Incomplete`, and consumed whole if it parses.
pub fn framed_message_complete(m: &[u8]) {
    match imap_proto::parse_command(m) {
        Ok((_, n)) => assert_eq!(n, m.len(), "framed command parsed short: {}", show(m)),
        Err(e) => assert!(
            !e.is_incomplete(),
            "framed message Incomplete as a command: {}",
            show(m)
        ),
    }
    match imap_proto::parse_response(m) {
        Ok((_, n)) => assert_eq!(n, m.len(), "framed response parsed short: {}", show(m)),
        Err(e) => assert!(
            !e.is_incomplete(),
            "framed message Incomplete as a response: {}",
            show(m)
        ),
    }
}

/// A parse under a lower nesting limit either gives the same value and
/// length as without it, or refuses with [`ParseError::Limit`]: a limit
/// never changes what a message means.
pub fn limit_only_refuses<T: PartialEq + std::fmt::Debug>(
    limited: Result<(T, usize), ParseError>,
    full: &(T, usize),
) {
    match limited {
        Ok(v) => assert_eq!(&v, full, "a lower depth limit changed the value"),
        Err(ParseError::Limit { .. }) => {}
        Err(e) => panic!("a lower depth limit gave another error than Limit: {e:?}"),
    }
}
