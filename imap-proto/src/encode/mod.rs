//! Layer 3: values to bytes.
//!
//! The output is a sequence of [`Fragment`]s: lines, and literals with
//! their mode, so that a client can stop before a synchronizing literal
//! and wait for the server's `+`. [`Encoded::to_vec`] (what `to_bytes()`
//! returns) is all fragments joined, as the peer receives them.
//!
//! The encoder picks the cheapest correct form for each string (see
//! [`MAX_QUOTED_LEN`]) and is strict to the RFC: whatever the parser
//! accepted leniently goes out in its canonical form, and parses back to
//! the same value.

use crate::fast;
use crate::types::{LiteralMode, Number64};

pub(crate) mod core;

pub(crate) mod annotate;
pub(crate) mod body;
pub(crate) mod code;
pub(crate) mod command;
pub(crate) mod data;
mod display;
pub(crate) mod fetch;
pub(crate) mod gmail;
pub(crate) mod i18n;
pub(crate) mod mailbox_data;
pub(crate) mod multisearch;
pub(crate) mod notify;
pub(crate) mod replace;
pub(crate) mod response;
pub(crate) mod search;
pub(crate) mod urlauth;

/// What the peer allows, which decides how strings and literals go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EncodeOptions {
    /// The server advertised `LITERAL+` (RFC 7888): every literal a client
    /// sends may be `{N+}`.
    pub literal_plus: bool,
    /// The server advertised `LITERAL-` (RFC 7888): literals of at most
    /// 4096 octets may be `{N+}`.
    pub literal_minus: bool,
    /// UTF8=ACCEPT is enabled (RFC 6855): quoted strings may carry UTF-8.
    pub utf8: bool,
    /// Send a literal that its value marks non-synchronizing (`{N+}`) as
    /// synchronizing when the options above do not allow it, so that a
    /// peer is never sent `{N+}` it has not advertised. The
    /// [`Client`](crate::client::Client) session sets this. Off for
    /// `to_bytes()`, which writes every value exactly as it is.
    pub downgrade_non_sync: bool,
}

/// Longest string sent quoted rather than as a literal. A synchronizing
/// literal costs the client a round trip, so quoting wins up to a length
/// that still keeps lines short for peers with line limits (Dovecot's is
/// 64 KiB; RFC 7162 §4 asks servers to take at least 8192-octet lines).
pub const MAX_QUOTED_LEN: usize = 1024;

/// Largest literal LITERAL- lets a client send without waiting (RFC 7888 §5).
pub const LITERAL_MINUS_MAX: usize = 4096;

/// One piece of an encoded message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fragment<'e> {
    /// Bytes of a line, ending in CRLF (the message's last line, or a line
    /// that ends with a literal header).
    Line(&'e [u8]),
    /// The octets of a literal whose header ended the previous line.
    Literal {
        /// The octets.
        data: &'e [u8],
        /// `Sync`: the sender must wait for `+` before sending `data`.
        mode: LiteralMode,
    },
}

/// Where a literal's octets are in [`Encoded`]'s bytes; the lines are the
/// bytes between literals (never empty: a line before a literal holds at
/// least its header, the last line at least the CRLF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LiteralSpan {
    start: usize,
    end: usize,
    mode: LiteralMode,
}

/// An encoded message: its bytes and where the fragments are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Encoded {
    bytes: Vec<u8>,
    /// The literals, in order; empty for a message of one line (most), so
    /// that encoding it allocates nothing but its bytes.
    literals: Vec<LiteralSpan>,
}

impl Encoded {
    /// Empty, with room for a typical message (most are one short line), so
    /// that small messages are written without growing the buffer.
    fn with_room() -> Self {
        Self {
            bytes: Vec::with_capacity(128),
            literals: Vec::new(),
        }
    }

    /// All fragments in order, as the peer receives them.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// All bytes, consuming the value.
    pub fn into_vec(self) -> Vec<u8> {
        self.bytes
    }
    /// All bytes, copied.
    pub fn to_vec(&self) -> Vec<u8> {
        self.bytes.clone()
    }
    /// The fragments, in order.
    pub fn fragments(&self) -> impl Iterator<Item = Fragment<'_>> + '_ {
        let line_starts = std::iter::once(0).chain(self.literals.iter().map(|l| l.end));
        let last_line = self.literals.last().map_or(0, |l| l.end);
        line_starts
            .zip(&self.literals)
            .flat_map(move |(from, l)| {
                [
                    Fragment::Line(&self.bytes[from..l.start]),
                    Fragment::Literal {
                        data: &self.bytes[l.start..l.end],
                        mode: l.mode,
                    },
                ]
            })
            .chain((last_line < self.bytes.len()).then(|| Fragment::Line(&self.bytes[last_line..])))
    }
}

/// Writes one message. Grammar-shaped methods (`astring`, `nstring`...)
/// choose the wire form; `raw` writes bytes the caller has already proven
/// valid (keywords, atoms, numbers).
#[derive(Debug)]
pub(crate) struct Encoder {
    out: Encoded,
    opts: EncodeOptions,
    /// Literals are written by the server side: their mode is irrelevant
    /// there and always `{N}`.
    server: bool,
}

impl Encoder {
    /// An encoder for a message a client sends.
    pub(crate) fn client(opts: EncodeOptions) -> Self {
        Self {
            out: Encoded::with_room(),
            opts,
            server: false,
        }
    }
    /// An encoder for a message a server sends.
    pub(crate) fn server(opts: EncodeOptions) -> Self {
        Self {
            out: Encoded::with_room(),
            opts,
            server: true,
        }
    }

    /// Bytes that are valid where they stand.
    #[inline]
    pub(crate) fn raw(&mut self, b: &[u8]) {
        self.out.bytes.extend_from_slice(b);
    }

    /// One byte.
    #[inline]
    pub(crate) fn byte(&mut self, b: u8) {
        self.out.bytes.push(b);
    }

    /// `SP`.
    #[inline]
    pub(crate) fn sp(&mut self) {
        self.out.bytes.push(b' ');
    }

    /// A decimal number.
    pub(crate) fn number(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut k = buf.len();
        loop {
            k -= 1;
            buf[k] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.bytes.extend_from_slice(&buf[k..]);
    }

    /// A `number64`: its digits, as [`Encoder::number`] writes them.
    #[inline]
    pub(crate) fn number64(&mut self, n: Number64) {
        self.number(n.get());
    }

    /// Ends the message with CRLF and returns it.
    pub(crate) fn finish(mut self) -> Encoded {
        self.out.bytes.extend_from_slice(b"\r\n");
        self.out
    }

    /// Writes a literal's octets, its header just written.
    fn literal_octets(&mut self, data: &[u8], mode: LiteralMode) {
        let start = self.out.bytes.len();
        self.raw(data);
        let end = self.out.bytes.len();
        self.out.literals.push(LiteralSpan { start, end, mode });
    }

    /// `astring`: an atom when every byte is an ASTRING-CHAR, else a string.
    pub(crate) fn astring(&mut self, b: &[u8]) {
        if fast::is_astring_atom(b) {
            self.raw(b);
        } else {
            self.string(b);
        }
    }

    /// `nstring`: `NIL` or a string.
    pub(crate) fn nstring(&mut self, s: Option<&[u8]>) {
        match s {
            Some(b) => self.string(b),
            None => self.raw(b"NIL"),
        }
    }

    fn quotable(&self, b: &[u8]) -> bool {
        b.len() <= MAX_QUOTED_LEN
            && b.iter().all(|&c| c != b'\r' && c != b'\n' && c != 0)
            && (b.is_ascii() || (self.opts.utf8 && std::str::from_utf8(b).is_ok()))
    }

    /// `string = quoted / literal`: quoted when it can be, else a literal.
    #[inline]
    pub(crate) fn string(&mut self, b: &[u8]) {
        if b.len() <= MAX_QUOTED_LEN && fast::is_plain_quoted(b) {
            // The common case, in one pass: nothing to escape or to check.
            let out = &mut self.out.bytes;
            out.reserve(b.len() + 2);
            out.push(b'"');
            out.extend_from_slice(b);
            out.push(b'"');
        } else {
            self.string_with_care(b);
        }
    }

    /// [`Encoder::string`] for a string with escapes, 8-bit bytes or
    /// line ends: quoted if it may be, else a literal.
    #[inline(never)]
    fn string_with_care(&mut self, b: &[u8]) {
        if self.quotable(b) {
            self.quoted(b);
        } else {
            self.literal(b, false, None);
        }
    }

    /// `quoted`, escaping `"` and `\`. The caller has checked
    /// [`Encoder::quotable`]-like rules (no CR, LF or NUL).
    pub(crate) fn quoted(&mut self, b: &[u8]) {
        debug_assert!(!b.iter().any(|&c| c == b'\r' || c == b'\n' || c == 0));
        self.byte(b'"');
        let mut rest = b;
        while let Some(k) = memchr::memchr2(b'"', b'\\', rest) {
            self.raw(&rest[..k]);
            self.byte(b'\\');
            self.byte(rest[k]);
            rest = &rest[k + 1..];
        }
        self.raw(rest);
        self.byte(b'"');
    }

    /// A literal (`binary`: literal8). `mode` forces the mode (a value that
    /// carries one); `None` or [`LiteralMode::Auto`] picks the cheapest the
    /// peer allows.
    pub(crate) fn literal(&mut self, data: &[u8], binary: bool, mode: Option<LiteralMode>) {
        let allowed =
            self.opts.literal_plus || (self.opts.literal_minus && data.len() <= LITERAL_MINUS_MAX);
        let mode = match mode {
            _ if self.server => LiteralMode::Sync,
            Some(LiteralMode::NonSync) if self.opts.downgrade_non_sync && !allowed => {
                LiteralMode::Sync
            }
            Some(m @ (LiteralMode::Sync | LiteralMode::NonSync)) => m,
            Some(LiteralMode::Auto) | None if allowed => LiteralMode::NonSync,
            Some(LiteralMode::Auto) | None => LiteralMode::Sync,
        };
        if binary {
            self.byte(b'~');
        }
        self.byte(b'{');
        self.number(data.len() as u64);
        if mode == LiteralMode::NonSync {
            self.byte(b'+');
        }
        self.raw(b"}\r\n");
        self.literal_octets(data, mode);
    }

    /// Writes bytes the parser proved to be one valid run of values (a
    /// [`RawValue`](crate::types::RawValue), the rest of unknown data),
    /// marking the literals inside as their own fragments.
    pub(crate) fn raw_with_literals(&mut self, rest: &[u8]) {
        let mut pos = 0;
        while let Some(k) = memchr::memchr(b'\n', &rest[pos..]) {
            let lf = pos + k;
            if lf == pos || rest[lf - 1] != b'\r' {
                break;
            }
            let Ok(Some(h)) = fast::literal_header(&rest[pos..lf - 1]) else {
                break;
            };
            let body = lf + 1;
            let end = usize::try_from(h.length)
                .ok()
                .and_then(|n| body.checked_add(n))
                .filter(|&n| n <= rest.len())
                .unwrap_or(rest.len());
            self.raw(&rest[pos..body]);
            let mode = if h.non_sync {
                LiteralMode::NonSync
            } else {
                LiteralMode::Sync
            };
            self.literal_octets(&rest[body..end], mode);
            pos = end;
        }
        self.raw(&rest[pos..]);
    }

    /// Writes `items` separated by SP.
    pub(crate) fn sp_list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        for (k, it) in items.iter().enumerate() {
            if k > 0 {
                self.sp();
            }
            f(self, it);
        }
    }

    /// Writes `"(" items ")"`, separated by SP.
    pub(crate) fn paren_list<T>(&mut self, items: &[T], f: impl FnMut(&mut Self, &T)) {
        self.byte(b'(');
        self.sp_list(items, f);
        self.byte(b')');
    }
}

/// A value that writes itself in its canonical wire form.
pub(crate) trait Encode {
    fn encode(&self, e: &mut Encoder);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(opts: EncodeOptions, f: impl FnOnce(&mut Encoder)) -> Encoded {
        let mut e = Encoder::client(opts);
        f(&mut e);
        e.finish()
    }

    #[test]
    fn string_forms() {
        let o = EncodeOptions::default();
        assert_eq!(enc(o, |e| e.astring(b"INBOX")).as_bytes(), b"INBOX\r\n");
        assert_eq!(
            enc(o, |e| e.astring(b"a b\"\\")).as_bytes(),
            b"\"a b\\\"\\\\\"\r\n"
        );
        assert_eq!(enc(o, |e| e.astring(b"")).as_bytes(), b"\"\"\r\n");
        assert_eq!(
            enc(o, |e| e.astring(b"a\r\nb")).as_bytes(),
            b"{4}\r\na\r\nb\r\n"
        );
        assert_eq!(
            enc(o, |e| e.astring("ü".as_bytes())).as_bytes(),
            "{2}\r\nü\r\n".as_bytes()
        );
        let u = EncodeOptions { utf8: true, ..o };
        assert_eq!(
            enc(u, |e| e.astring("ü".as_bytes())).as_bytes(),
            "\"ü\"\r\n".as_bytes()
        );
        assert_eq!(
            enc(o, |e| e.nstring(Some(b"NIL"))).as_bytes(),
            b"\"NIL\"\r\n"
        );
    }

    #[test]
    fn literal_modes_and_fragments() {
        let plus = EncodeOptions {
            literal_plus: true,
            ..Default::default()
        };
        let x = enc(plus, |e| {
            e.raw(b"A1 LOGIN ");
            e.astring(b"a\nb");
            e.sp();
            e.astring(b"pw");
        });
        assert_eq!(x.as_bytes(), b"A1 LOGIN {3+}\r\na\nb pw\r\n");
        let minus = EncodeOptions {
            literal_minus: true,
            ..Default::default()
        };
        let big = vec![b'\n'; 4097];
        let y = enc(minus, |e| e.astring(&big));
        assert!(y.as_bytes().starts_with(b"{4097}\r\n"));
        // A value's own {N+} is kept, unless the peer has not allowed it
        // and the caller asked for the downgrade.
        let keep = enc(EncodeOptions::default(), |e| {
            e.literal(b"ab", false, Some(LiteralMode::NonSync))
        });
        assert_eq!(keep.as_bytes(), b"{2+}\r\nab\r\n");
        let strict = EncodeOptions {
            downgrade_non_sync: true,
            ..Default::default()
        };
        let down = enc(strict, |e| {
            e.literal(b"ab", false, Some(LiteralMode::NonSync))
        });
        assert_eq!(down.as_bytes(), b"{2}\r\nab\r\n");
        let minus_strict = EncodeOptions {
            literal_minus: true,
            ..strict
        };
        let big = enc(minus_strict, |e| {
            e.literal(&[b'x'; 4097], false, Some(LiteralMode::NonSync))
        });
        assert!(big.as_bytes().starts_with(b"{4097}\r\n"));
        let frags: Vec<_> = x.fragments().collect();
        assert_eq!(
            frags,
            vec![
                Fragment::Line(b"A1 LOGIN {3+}\r\n"),
                Fragment::Literal {
                    data: b"a\nb",
                    mode: LiteralMode::NonSync
                },
                Fragment::Line(b" pw\r\n"),
            ]
        );
    }
}
