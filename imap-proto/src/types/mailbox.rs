//! Mailbox names: `mailbox`, `list-mailbox`, and modified UTF-7
//! (RFC 3501 §5.1.3, RFC 9051 Appendix A.1).

use std::borrow::Cow;
use std::fmt;

use super::core::{AString, Escaped, ValidationError};

/// `mailbox = "INBOX" / astring` (RFC 9051 §9).
///
/// `INBOX` is case-insensitive (RFC 9051 §5.1): any spelling of it is stored
/// as `INBOX`, so `inbox` and `INBOX` are the same value. Other names are
/// kept byte for byte, in whatever form the peer used: modified UTF-7, or
/// UTF-8 once UTF8=ACCEPT is enabled (RFC 6855). [`Mailbox::from_utf8`] and
/// [`Mailbox::to_utf8`] convert.
///
/// ```
/// use imap_proto::types::Mailbox;
/// assert!(Mailbox::from("inbox").is_inbox());
/// let m = Mailbox::from_utf8("Entwürfe");
/// assert_eq!(m.as_bytes(), b"Entw&APw-rfe");
/// assert_eq!(m.to_utf8().unwrap(), "Entwürfe");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Mailbox<'a>(AString<'a>);

impl<'a> Mailbox<'a> {
    /// A mailbox with this exact name (INBOX case-folded).
    pub fn new(name: impl Into<Cow<'a, [u8]>>) -> Self {
        let name = name.into();
        if name.eq_ignore_ascii_case(b"INBOX") {
            Self(AString::from("INBOX"))
        } else {
            Self(AString::new(name))
        }
    }
    /// A mailbox named by UTF-8 text, encoded to modified UTF-7.
    pub fn from_utf8(name: &str) -> Mailbox<'static> {
        Mailbox::new(encode_utf7(name).into_bytes())
    }
    /// Whether this is INBOX.
    pub fn is_inbox(&self) -> bool {
        self.0.as_bytes() == b"INBOX"
    }
    /// The name as sent on the wire.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
    /// The name as an [`AString`].
    pub fn as_astring(&self) -> &AString<'a> {
        &self.0
    }
    /// The name decoded from modified UTF-7. Fails if it is not valid
    /// modified UTF-7 (for example raw UTF-8 under UTF8=ACCEPT: then use
    /// [`Mailbox::as_bytes`]).
    pub fn to_utf8(&self) -> Result<String, ValidationError> {
        decode_utf7(self.0.as_bytes())
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Mailbox<'static> {
        Mailbox(self.0.into_owned())
    }
}

impl<'a> From<&'a str> for Mailbox<'a> {
    fn from(s: &'a str) -> Self {
        Self::new(s.as_bytes())
    }
}

impl<'a> From<AString<'a>> for Mailbox<'a> {
    fn from(s: AString<'a>) -> Self {
        Self::new(s.into_inner())
    }
}

impl fmt::Debug for Mailbox<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mailbox({:?})", Escaped(self.as_bytes()))
    }
}

/// `list-mailbox = 1*list-char / string` (RFC 9051 §9): a LIST pattern,
/// which may hold the wildcards `*` and `%`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ListMailbox<'a>(AString<'a>);

impl<'a> ListMailbox<'a> {
    /// Any bytes make a pattern; the encoder picks a form that carries them.
    pub fn new(pattern: impl Into<Cow<'a, [u8]>>) -> Self {
        Self(AString::new(pattern))
    }
    /// The pattern.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ListMailbox<'static> {
        ListMailbox(self.0.into_owned())
    }
}

impl<'a> From<&'a str> for ListMailbox<'a> {
    fn from(s: &'a str) -> Self {
        Self::new(s.as_bytes())
    }
}

impl fmt::Debug for ListMailbox<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ListMailbox({:?})", Escaped(self.as_bytes()))
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

fn flush_utf7(out: &mut String, units: &mut Vec<u16>) {
    if units.is_empty() {
        return;
    }
    out.push('&');
    let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    for chunk in bytes.chunks(3) {
        let n = chunk.len();
        let v = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..=n {
            out.push(B64[((v >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out.push('-');
    units.clear();
}

/// Encodes UTF-8 text to modified UTF-7 (RFC 3501 §5.1.3): printable ASCII
/// stands for itself, `&` becomes `&-`, everything else is modified BASE64
/// of UTF-16 between `&` and `-`.
pub fn encode_utf7(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut units = Vec::new();
    for c in s.chars() {
        if (' '..='~').contains(&c) {
            flush_utf7(&mut out, &mut units);
            out.push(c);
            if c == '&' {
                out.push('-');
            }
        } else {
            let mut buf = [0u16; 2];
            units.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush_utf7(&mut out, &mut units);
    out
}

/// Decodes modified UTF-7 (RFC 3501 §5.1.3) to UTF-8, strictly: 8-bit
/// bytes, an unterminated shift, non-canonical BASE64 or an encoded
/// printable ASCII character are errors.
pub fn decode_utf7(b: &[u8]) -> Result<String, ValidationError> {
    let err = |reason, at| ValidationError::new("modified UTF-7 mailbox name", reason, at);
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !(0x20..=0x7e).contains(&c) {
            return Err(err("only printable US-ASCII may appear", i));
        }
        if c != b'&' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        let Some(len) = b[i + 1..].iter().position(|&x| x == b'-') else {
            return Err(err("'&' shift without its closing '-'", start));
        };
        let enc = &b[i + 1..i + 1 + len];
        i += len + 2;
        if enc.is_empty() {
            out.push('&');
            continue;
        }
        let mut bits = 0u32;
        let mut nbits = 0;
        let mut units = Vec::new();
        for (k, &x) in enc.iter().enumerate() {
            let Some(v) = B64.iter().position(|&y| y == x) else {
                return Err(err("not a modified BASE64 character", start + 1 + k));
            };
            bits = (bits << 6) | v as u32;
            nbits += 6;
            if nbits >= 16 {
                nbits -= 16;
                units.push((bits >> nbits) as u16);
                bits &= (1 << nbits) - 1;
            }
        }
        if nbits >= 6 || bits != 0 {
            return Err(err("BASE64 run does not end on a UTF-16 unit", start));
        }
        for ch in char::decode_utf16(units) {
            let ch = ch.map_err(|_| err("unpaired UTF-16 surrogate", start))?;
            if (' '..='~').contains(&ch) {
                return Err(err("printable ASCII must not be encoded", start));
            }
            out.push(ch);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3501_example() {
        // RFC 3501 §5.1.3: "~peter/mail/台北/日本語"
        let s = "~peter/mail/\u{53f0}\u{5317}/\u{65e5}\u{672c}\u{8a9e}";
        assert_eq!(encode_utf7(s), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assert_eq!(decode_utf7(b"~peter/mail/&U,BTFw-/&ZeVnLIqe-").unwrap(), s);
    }

    #[test]
    fn ampersand_and_errors() {
        assert_eq!(encode_utf7("A&B"), "A&-B");
        assert_eq!(decode_utf7(b"A&-B").unwrap(), "A&B");
        assert!(decode_utf7(b"&U,BTFw").is_err());
        assert!(decode_utf7(b"&AGE-").is_err()); // encodes "a"
        assert!(decode_utf7("ü".as_bytes()).is_err());
    }

    #[test]
    fn round_trip_astral() {
        let s = "mail \u{1F600} &co";
        assert_eq!(decode_utf7(encode_utf7(s).as_bytes()).unwrap(), s);
    }
}
