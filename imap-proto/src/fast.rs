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
/// Bytes that end a run of plain `QUOTED-CHAR`s: `"`, `\`, CR, LF, NUL.
const QUOTED_STOP: u8 = 16;

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
        if matches!(c, b'"' | b'\\' | b'\r' | b'\n' | 0) {
            v |= QUOTED_STOP;
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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// In an 8-byte word, the high bit of each byte set where the byte is
/// below `n` (`n <= 0x80`); exact for the lowest such byte, which is all
/// [`first_flagged`] reads.
#[inline]
fn below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH
}

/// Likewise, where the byte equals `c`.
#[inline]
fn equal(x: u64, c: u8) -> u64 {
    below(x ^ (ONES * u64::from(c)), 1)
}

/// The offset of the first byte of `input` for which `byte` holds, or
/// `input.len()`; eight bytes at a time (SWAR, in plain integer
/// arithmetic). `word` flags (high bit of a byte) every byte `byte` might
/// hold for, and at least the first one it holds for: from the first
/// flagged byte on, the bytes are checked one by one. The last word is
/// read overlapping the one before it (its first bytes are known clean),
/// so only inputs shorter than a word are looked at byte by byte.
#[inline]
fn first_flagged(input: &[u8], word: impl Fn(u64) -> u64, byte: impl Fn(u8) -> bool) -> usize {
    let read = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&input[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let from = |at: usize| {
        at + input[at..]
            .iter()
            .position(|&b| byte(b))
            .unwrap_or(input.len() - at)
    };
    if input.len() < 8 {
        return from(0);
    }
    let mut pos = 0;
    loop {
        // The last word may overlap the previous one.
        let at = pos.min(input.len() - 8);
        let hits = word(read(at));
        if hits != 0 {
            return from(at + (hits.trailing_zeros() / 8) as usize);
        }
        pos = at + 8;
        if pos >= input.len() {
            return input.len();
        }
    }
}

/// Length of the run of plain `QUOTED-CHAR`s at the start of `input`: the
/// offset of the first `"`, `\`, CR, LF or NUL, or `input.len()`.
///
/// Most quoted strings are short (envelope fields, body parameters), where
/// setting up a vector search costs more than the search; eight bytes at a
/// time, a word is flagged when it holds a `"`, a `\` or any control
/// character (TAB, allowed in a quoted string, is the only control that
/// then takes the byte-by-byte path).
#[inline]
pub(crate) fn quoted_run(input: &[u8]) -> usize {
    first_flagged(
        input,
        |x| below(x, 0x20) | equal(x, b'"') | equal(x, b'\\'),
        |b| CLASS[b as usize] & QUOTED_STOP != 0,
    )
}

/// Whether `bytes` can go out quoted as they are, without escapes: ASCII,
/// no control character, no `"` and no `\`. (The encoder's fast path; it
/// handles everything else the slow way.)
#[inline]
pub(crate) fn is_plain_quoted(bytes: &[u8]) -> bool {
    let stop = |b: u8| !(0x20..0x80).contains(&b) || b == b'"' || b == b'\\';
    first_flagged(
        bytes,
        |x| below(x, 0x20) | equal(x, b'"') | equal(x, b'\\') | (x & HIGH),
        stop,
    ) == bytes.len()
}

/// The offset of the first LF in `input`. memchr for any real amount of
/// input; a plain loop for the few bytes a framer fed in small pieces
/// sees per call, where setting up the vector search would cost more.
#[inline]
pub(crate) fn find_lf(input: &[u8]) -> Option<usize> {
    if input.len() < 16 {
        input.iter().position(|&b| b == b'\n')
    } else {
        memchr::memchr(b'\n', input)
    }
}

/// The run of ASCII digits at the start of `input`, read in one pass: how
/// many digits there are, and their value, or `None` for the value when it
/// does not fit a `u64`. `(0, Some(0))` when `input` does not start with a
/// digit.
#[inline]
pub(crate) fn digits(input: &[u8]) -> (usize, Option<u64>) {
    let mut v: u64 = 0;
    // 19 digits stay below 10^19 < 2^64: no overflow check needed.
    let head = &input[..input.len().min(19)];
    let mut n = 0;
    while n < head.len() {
        let d = head[n].wrapping_sub(b'0');
        if d > 9 {
            return (n, Some(v));
        }
        v = v * 10 + u64::from(d);
        n += 1;
    }
    let mut value = Some(v);
    for &b in &input[n..] {
        if !b.is_ascii_digit() {
            break;
        }
        value = value
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(u64::from(b - b'0')));
        n += 1;
    }
    (n, value)
}

/// Longest keyword [`Keyword`] keeps for matching; every keyword of the
/// grammar is shorter.
pub(crate) const KEYWORD_MAX: usize = 24;

/// `kw` upper-cased into `buf`, for `match` against the grammar's
/// upper-case names (RFC 9051 §9: "ABNF strings are case-insensitive");
/// `None` when it is longer than any keyword of the grammar.
#[inline]
pub(crate) fn upper<'b>(kw: &[u8], buf: &'b mut [u8; KEYWORD_MAX]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..kw.len())?;
    for (o, &c) in out.iter_mut().zip(kw) {
        *o = c.to_ascii_uppercase();
    }
    Some(out)
}

/// A keyword at the start of the input, read in one pass: its length in
/// the input and, for matching against upper-case names, its bytes
/// upper-cased (RFC 9051 §9: "ABNF strings are case-insensitive").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keyword {
    buf: [u8; KEYWORD_MAX],
    len: usize,
}

impl Keyword {
    /// Reads the longest prefix of `input` whose bytes satisfy `class`.
    #[inline]
    pub(crate) fn read(input: &[u8], class: impl Fn(u8) -> bool) -> Keyword {
        let mut k = Keyword {
            buf: [0; KEYWORD_MAX],
            len: input.len(),
        };
        for (n, &b) in input.iter().enumerate() {
            if !class(b) {
                k.len = n;
                break;
            }
            if let Some(slot) = k.buf.get_mut(n) {
                *slot = b.to_ascii_uppercase();
            }
        }
        k
    }

    /// Its length in the input.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Its bytes upper-cased; empty when longer than [`KEYWORD_MAX`] (no
    /// known keyword is).
    #[inline]
    pub(crate) fn upper(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
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
    fn quoted_runs_stop_where_the_simple_scan_does() {
        let simple = |b: &[u8]| {
            b.iter()
                .position(|&c| matches!(c, b'"' | b'\\' | b'\r' | b'\n' | 0))
                .unwrap_or(b.len())
        };
        let mut cases: Vec<Vec<u8>> = vec![b"".to_vec(), b"abc".to_vec(), b"ab\"c".to_vec()];
        for len in [0, 1, 63, 64, 65, 100, 200] {
            for stop in [&b"\""[..], b"\\", b"\r", b"\n", b"\0", b""] {
                let mut v = vec![b'x'; len];
                v.extend_from_slice(stop);
                v.extend_from_slice(b"tail\"");
                cases.push(v);
            }
        }
        // An LF before the first quote, far in; TAB (allowed) before stops;
        // 8-bit bytes (UTF-8) around them.
        let mut v = vec![b'y'; 150];
        v[120] = b'\n';
        v.push(b'"');
        cases.push(v);
        for at in 0..20 {
            let mut v = "h\u{e9}llo w\u{f6}rld \u{2603}\u{2603}".as_bytes().to_vec();
            v.insert(at.min(v.len()), b'\t');
            v.insert((at + 3).min(v.len()), [b'"', b'\\', 0, b'\r'][at % 4]);
            cases.push(v);
            cases.push(vec![0xff; at]);
            cases.push([&vec![0x7f; at][..], b"\x01\x1f \""].concat());
        }
        for c in &cases {
            assert_eq!(quoted_run(c), simple(c), "{:?}", String::from_utf8_lossy(c));
        }
    }

    #[test]
    fn plain_quoted_is_printable_ascii_without_specials() {
        assert!(is_plain_quoted(b""));
        assert!(is_plain_quoted(b"Hello, World! (x) {5} ~ \x7f"));
        assert!(is_plain_quoted(&[b'a'; 100]));
        for bad in [b'"', b'\\', b'\r', b'\n', 0, b'\t', 0x80, 0xff] {
            for at in [0, 5, 7, 8, 9, 15, 16, 40] {
                let mut v = vec![b'z'; 41];
                v[at] = bad;
                assert!(!is_plain_quoted(&v), "{bad:#x} at {at}");
            }
        }
    }

    #[test]
    fn line_feeds_are_found_at_any_length() {
        for len in 0..40 {
            let mut v = vec![b'a'; len];
            assert_eq!(find_lf(&v), None);
            for at in 0..len {
                v[at] = b'\n';
                assert_eq!(find_lf(&v), Some(at), "{len} {at}");
                v[at] = b'a';
            }
        }
    }

    #[test]
    fn digits_in_one_pass() {
        assert_eq!(digits(b""), (0, Some(0)));
        assert_eq!(digits(b"x1"), (0, Some(0)));
        assert_eq!(digits(b"0"), (1, Some(0)));
        assert_eq!(digits(b"4294967295)"), (10, Some(4_294_967_295)));
        assert_eq!(digits(b"18446744073709551615 "), (20, Some(u64::MAX)));
        assert_eq!(digits(b"18446744073709551616 "), (20, None));
        assert_eq!(digits(b"99999999999999999999999x"), (23, None));
        assert_eq!(digits(b"0000000000000000000000012"), (25, Some(12)));
        // Against the two-pass reading it replaces.
        for s in [
            "1",
            "007",
            "123456789012345678",
            "1234567890123456789",
            "9999999999999999999",
        ] {
            let slow = s.bytes().try_fold(0u64, |v, d| {
                v.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            });
            assert_eq!(digits(s.as_bytes()), (s.len(), slow), "{s}");
        }
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
