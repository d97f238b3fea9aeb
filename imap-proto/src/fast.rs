//! Layer 0: byte classes and scanning, the speed tricks kept apart from the
//! grammar (as httparse keeps its cursor apart from its rules).
//!
//! Everything here is a pure function over bytes. The grammar in
//! [`crate::parse`], the validating constructors in [`crate::types`] and the
//! framer in [`crate::frame`] all call into this module, so that one lookup
//! table decides what an `ATOM-CHAR` is.

const ATOM: u8 = 1;
const ASTRING: u8 = 2;
const TAG: u8 = 4;
const LIST: u8 = 8;

/// One entry per byte: which character classes of RFC 9051 §9 it belongs to.
static CLASS: [u8; 256] = build_classes();

const fn build_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let mut v = 0u8;
        // CHAR = %x01-7F
        let is_char = c >= 0x01 && c <= 0x7f;
        let ctl = c < 0x20 || c == 0x7f;
        // atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards /
        //                 quoted-specials / resp-specials
        let special = matches!(
            c,
            b'(' | b')' | b'{' | b' ' | b'%' | b'*' | b'"' | b'\\' | b']'
        );
        if is_char && !ctl && !special {
            v |= ATOM | ASTRING | LIST;
            if c != b'+' {
                v |= TAG;
            }
        }
        if c == b']' {
            // ASTRING-CHAR = ATOM-CHAR / resp-specials
            v |= ASTRING | TAG | LIST;
        }
        if c == b'%' || c == b'*' {
            // list-char = ATOM-CHAR / list-wildcards / resp-specials
            v |= LIST;
        }
        t[b] = v;
        b += 1;
    }
    t
}

/// `ATOM-CHAR = <any CHAR except atom-specials>` (RFC 9051 §9).
#[inline]
pub(crate) fn is_atom_char(b: u8) -> bool {
    CLASS[b as usize] & ATOM != 0
}

/// `ASTRING-CHAR = ATOM-CHAR / resp-specials` (RFC 9051 §9).
#[inline]
pub(crate) fn is_astring_char(b: u8) -> bool {
    CLASS[b as usize] & ASTRING != 0
}

/// `tag = 1*<any ASTRING-CHAR except "+">` (RFC 9051 §9), one byte of it.
#[inline]
pub(crate) fn is_tag_char(b: u8) -> bool {
    CLASS[b as usize] & TAG != 0
}

/// `list-char = ATOM-CHAR / list-wildcards / resp-specials` (RFC 9051 §9).
#[inline]
pub(crate) fn is_list_char(b: u8) -> bool {
    CLASS[b as usize] & LIST != 0
}

/// `ALPHA / DIGIT / "_" / "-"`: one byte of an `objectid` (RFC 8474 §7).
#[inline]
pub(crate) fn is_objectid_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Length of the longest prefix of `input` whose bytes all satisfy `class`.
#[inline]
pub(crate) fn span(input: &[u8], class: fn(u8) -> bool) -> usize {
    input.iter().position(|&b| !class(b)).unwrap_or(input.len())
}

/// Whether `bytes` is a non-empty run of `ATOM-CHAR`.
pub(crate) fn is_atom(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_atom_char(b))
}

/// Whether `bytes` is a non-empty run of `ASTRING-CHAR`.
pub(crate) fn is_astring_atom(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_astring_char(b))
}

/// A literal header found at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LiteralHeader {
    /// The announced number of octets.
    pub(crate) length: u64,
    /// `{N+}`: non-synchronizing (RFC 7888).
    pub(crate) non_sync: bool,
    /// `~{N}`: literal8 (RFC 3516).
    pub(crate) binary: bool,
    /// Offset of the `{` (or `~`) within the line.
    pub(crate) start: usize,
}

/// Why a line's literal header could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderError {
    /// More than 19 digits, or a value past `number64` (2^63 - 1).
    TooLong {
        /// Offset of the first digit within the line.
        at: usize,
    },
}

/// Reads the literal header, if any, that ends `line` (the line without its
/// CRLF): `literal = "{" number64 ["+"] "}"`, `literal8 = "~{" number64 "}"`.
///
/// Only a `}` as the very last byte of a line announces a literal; RFC 9051
/// §4.3 puts the literal's octets right after the CRLF that follows it.
pub(crate) fn literal_header(line: &[u8]) -> Result<Option<LiteralHeader>, HeaderError> {
    let Some((&b'}', rest)) = line.split_last() else {
        return Ok(None);
    };
    let (rest, non_sync) = match rest.split_last() {
        Some((&b'+', r)) => (r, true),
        _ => (rest, false),
    };
    let digits = rest.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return Ok(None);
    }
    let open = rest.len() - digits;
    if open == 0 || rest[open - 1] != b'{' {
        return Ok(None);
    }
    let start = open - 1;
    let binary = start > 0 && line[start - 1] == b'~';
    let mut length: u64 = 0;
    for &d in &rest[open..] {
        length = match length
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d - b'0')))
        {
            Some(v) if v <= i64::MAX as u64 => v,
            _ => return Err(HeaderError::TooLong { at: open }),
        };
    }
    Ok(Some(LiteralHeader {
        length,
        non_sync,
        binary,
        start: if binary { start - 1 } else { start },
    }))
}

/// Where one complete message ends, or why it cannot be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MessageEnd {
    /// The message is `input[..n]`, its final CRLF included.
    Complete(usize),
    /// No end yet: more input is needed.
    Incomplete,
    /// A literal header that is not a `number64`; the offset of its digits.
    BadLiteral(usize),
}

/// Finds the end of the first complete message in `input`: lines end in
/// CRLF, and a line ending in a literal header continues after the
/// announced number of octets (RFC 9051 §2.2, §4.3). Cost is linear in the
/// bytes scanned; literal bodies are skipped by count, never scanned.
///
/// A bare LF is not a line end here: the grammar rejects it where it stands.
pub(crate) fn message_end(input: &[u8]) -> MessageEnd {
    let mut pos = 0;
    loop {
        let Some(lf) = memchr::memchr(b'\n', &input[pos..]) else {
            return MessageEnd::Incomplete;
        };
        let lf = pos + lf;
        if lf == pos || input[lf - 1] != b'\r' {
            // A bare LF: keep looking for a real line end.
            pos = lf + 1;
            continue;
        }
        let line = &input[pos..lf - 1];
        match literal_header(line) {
            Ok(None) => return MessageEnd::Complete(lf + 1),
            Ok(Some(h)) => {
                let body = lf as u64 + 1;
                let end = body.saturating_add(h.length);
                if end > input.len() as u64 {
                    return MessageEnd::Incomplete;
                }
                pos = end as usize;
            }
            Err(HeaderError::TooLong { at }) => return MessageEnd::BadLiteral(pos + at),
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// BASE64 (RFC 4648 §4), as SASL exchanges carry it (RFC 9051 §9 `base64`).
pub(crate) fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let v = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[((v >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes `base64 = *(4base64-char) [base64-terminal]` (RFC 9051 §9),
/// strictly: canonical padding only. `Err(offset)` of the first bad byte.
pub(crate) fn base64_decode(text: &[u8]) -> Result<Vec<u8>, usize> {
    let alphabet = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=');
    if let Some(k) = text.iter().position(|&c| !alphabet(c)) {
        return Err(k);
    }
    if text.len() % 4 != 0 {
        return Err(text.len());
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for (q, quad) in text.chunks(4).enumerate() {
        let last = (q + 1) * 4 == text.len();
        let mut v = 0u32;
        let mut pad = 0;
        for (k, &c) in quad.iter().enumerate() {
            let d = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                b'=' if last && k >= 2 && (k == 3 || quad[3] == b'=') => {
                    pad += 1;
                    0
                }
                _ => return Err(q * 4 + k),
            };
            if pad > 0 && c != b'=' {
                return Err(q * 4 + k);
            }
            v = (v << 6) | u32::from(d);
        }
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        // Non-canonical: bits under the padding must be zero.
        if (pad == 1 && bytes[2] != 0) || (pad == 2 && (bytes[1] != 0 || bytes[2] != 0)) {
            return Err(q * 4 + 3 - pad);
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_abnf() {
        for b in [
            b'(', b')', b'{', b' ', b'%', b'*', b'"', b'\\', b']', 0, 0x7f, 0x80, b'\r',
        ] {
            assert!(!is_atom_char(b), "{b:#x}");
        }
        assert!(is_astring_char(b']') && !is_atom_char(b']'));
        assert!(is_atom_char(b'+') && !is_tag_char(b'+'));
        assert!(is_list_char(b'%') && is_list_char(b'*'));
    }

    #[test]
    fn headers() {
        let h = literal_header(b"A1 LOGIN {5}").unwrap().unwrap();
        assert_eq!(
            (h.length, h.non_sync, h.binary, h.start),
            (5, false, false, 9)
        );
        let h = literal_header(b"A APPEND x ~{12+}").unwrap().unwrap();
        assert_eq!(
            (h.length, h.non_sync, h.binary, h.start),
            (12, true, true, 11)
        );
        assert_eq!(literal_header(b"A1 x {}").unwrap(), None);
        assert_eq!(literal_header(b"A1 x 5}").unwrap(), None);
        assert!(literal_header(b"{99999999999999999999}").is_err());
    }

    #[test]
    fn base64() {
        for s in [
            &b""[..],
            b"f",
            b"fo",
            b"foo",
            b"foob",
            b"fooba",
            b"foobar",
            b"\0user\0pass",
        ] {
            assert_eq!(base64_decode(base64_encode(s).as_bytes()).unwrap(), s);
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert!(base64_decode(b"Zm9").is_err());
        assert!(base64_decode(b"Zm=v").is_err());
        assert!(base64_decode(b"Zh==").is_err());
        assert!(base64_decode(b"Zm9v YmFy").is_err());
        assert!(base64_decode(b"Zm8=Zm8=").is_err());
        assert!(base64_decode(b"idling").is_err());
        assert_eq!(base64_encode(b"fo"), "Zm8=");
    }

    #[test]
    fn message_ends() {
        assert_eq!(message_end(b"A1 NOOP\r\nA2"), MessageEnd::Complete(9));
        assert_eq!(message_end(b"A1 NOOP\r"), MessageEnd::Incomplete);
        assert_eq!(
            message_end(b"A1 X {3}\r\n\r\n\r\r\n"),
            MessageEnd::Complete(15)
        );
        assert_eq!(message_end(b"A1 X {3}\r\nab"), MessageEnd::Incomplete);
        assert_eq!(message_end(b"A1 X\nY\r\n"), MessageEnd::Complete(8));
    }
}
