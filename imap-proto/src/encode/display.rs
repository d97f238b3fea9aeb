//! A one-line wire form of [`Command`] and [`Response`], for logs.
//!
//! `Display` writes what the encoder sends, on one line:
//!
//! - the final CRLF is left out, and so is the CRLF that ends a literal
//!   header;
//! - a literal is shown as `{N bytes}` (`~{N bytes}` for `literal8`); the
//!   alternate form `{:#}` shows its header and its octets instead, with
//!   CR, LF, TAB, `\` and the other control characters escaped (`\r`,
//!   `\n`, `\t`, `\\`, `\x07`);
//! - secrets are redacted: a LOGIN password and an AUTHENTICATE initial
//!   response are shown as `<redacted>`, in both forms;
//! - a precision truncates: `{:.80}` writes at most 80 characters, then
//!   `…` if anything was cut. Without one, nothing is cut.
//!
//! ```
//! use imap_proto::types::{Capability, Command, CommandBody, Data, Response};
//! let caps = Response::Data(Data::Capability(vec![Capability::Imap4Rev1, Capability::Idle]));
//! assert_eq!(caps.to_string(), "* CAPABILITY IMAP4rev1 IDLE");
//!
//! let login = Command::new("A1", CommandBody::login("joe", "hunter2")).unwrap();
//! assert_eq!(login.to_string(), "A1 LOGIN joe <redacted>");
//! assert_eq!(format!("{login:#}"), "A1 LOGIN joe <redacted>");
//!
//! let (body, _) = imap_proto::parse_response(b"* 1 FETCH (BODY[] {7}\r\nHi\r\nyou)\r\n").unwrap();
//! assert_eq!(body.to_string(), "* 1 FETCH (BODY[] {7 bytes})");
//! assert_eq!(format!("{body:#}"), "* 1 FETCH (BODY[] {7}Hi\\r\\nyou)");
//! assert_eq!(format!("{body:.12}"), "* 1 FETCH (B…");
//! ```

use std::fmt::{self, Write as _};

use super::{EncodeOptions, Encoded, Fragment};
use crate::types::{AString, Command, CommandBody, Response, Secret};

const REDACTED: &str = "<redacted>";

/// Writes `b` as text: UTF-8 as it is (invalid bytes as `\xNN`), control
/// characters escaped; `\` too when `escape_backslash` (a literal's
/// octets, where a `\r` must not be confused with CR).
fn push_escaped(out: &mut String, b: &[u8], escape_backslash: bool) {
    for chunk in b.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\r' => out.push_str("\\r"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\\' if escape_backslash => out.push_str("\\\\"),
                c if c.is_control() => {
                    let _ = write!(out, "\\x{:02x}", c as u32);
                }
                c => out.push(c),
            }
        }
        for &x in chunk.invalid() {
            let _ = write!(out, "\\x{x:02x}");
        }
    }
}

/// The one-line form of an encoded message.
fn one_line(enc: &Encoded, full: bool) -> String {
    let mut out = String::with_capacity(enc.as_bytes().len().min(256));
    let mut frags = enc.fragments().peekable();
    while let Some(f) = frags.next() {
        match f {
            Fragment::Line(l) => {
                let l = l.strip_suffix(b"\r\n").unwrap_or(l);
                let before_literal = matches!(frags.peek(), Some(Fragment::Literal { .. }));
                if before_literal && !full {
                    // Drop the header (`{N}`, `{N+}`, `~{N}`): the literal
                    // writes its own `{N bytes}`.
                    let cut = memchr::memrchr(b'{', l).unwrap_or(l.len());
                    let cut = if cut > 0 && l[cut - 1] == b'~' {
                        cut - 1
                    } else {
                        cut
                    };
                    push_escaped(&mut out, &l[..cut], false);
                    if cut < l.len() && l[cut] == b'~' {
                        out.push('~');
                    }
                } else {
                    push_escaped(&mut out, l, false);
                }
            }
            Fragment::Literal { data, .. } => {
                if full {
                    push_escaped(&mut out, data, true);
                } else {
                    let _ = write!(out, "{{{} bytes}}", data.len());
                }
            }
        }
    }
    out
}

/// Writes `s`, cut to the formatter's precision (in characters) if one is
/// given, with `…` after a cut.
fn write_cut(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    match f.precision() {
        Some(n) => match s.char_indices().nth(n) {
            Some((at, _)) => {
                f.write_str(&s[..at])?;
                f.write_str("…")
            }
            None => f.write_str(s),
        },
        None => f.write_str(s),
    }
}

impl fmt::Display for Command<'_> {
    /// The wire form on one line, secrets redacted (see the module docs).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let opts = EncodeOptions::default();
        let line = match &self.body {
            CommandBody::Login { username, .. } => {
                let shown = Command {
                    tag: self.tag.clone(),
                    body: CommandBody::Login {
                        username: username.clone(),
                        password: Secret(AString::from(REDACTED)),
                    },
                };
                one_line(&shown.encode(opts), f.alternate())
            }
            CommandBody::Authenticate {
                mechanism,
                initial_response: Some(_),
            } => {
                let shown = Command {
                    tag: self.tag.clone(),
                    body: CommandBody::Authenticate {
                        mechanism: mechanism.clone(),
                        initial_response: None,
                    },
                };
                let mut s = one_line(&shown.encode(opts), false);
                s.push(' ');
                s.push_str(REDACTED);
                s
            }
            _ => one_line(&self.encode(opts), f.alternate()),
        };
        write_cut(f, &line)
    }
}

impl fmt::Display for Response<'_> {
    /// The wire form on one line (see the module docs).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_cut(
            f,
            &one_line(&self.encode(EncodeOptions::default()), f.alternate()),
        )
    }
}
