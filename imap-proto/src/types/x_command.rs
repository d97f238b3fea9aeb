//! Commands this crate does not know: `x-command = "X" atom <experimental
//! command arguments>` (RFC 3501 §9; RFC 9051 §6.5 keeps experimental
//! commands, without the rule), and any other command
//! name, kept as [`CommandBody::Other`](super::CommandBody::Other) with
//! its name and its arguments as they were sent.

use std::borrow::Cow;
use std::fmt;

use super::core::{cow_bytes_owned, Atom, Escaped, LiteralMode, ValidationError};
use crate::fast;

/// The command names this crate reads into their own
/// [`CommandBody`](super::CommandBody) variants (the `UID` prefix
/// included): none of them can be an [`OtherCommandName`]. A name the
/// parser dispatches on must be listed here; a test in the parser checks
/// both ways.
pub(crate) const KNOWN_COMMANDS: &[&str] = &[
    "CAPABILITY",
    "LOGOUT",
    "NOOP",
    "STARTTLS",
    "NAMESPACE",
    "IDLE",
    "UNAUTHENTICATE",
    "CHECK",
    "CLOSE",
    "UNSELECT",
    "EXPUNGE",
    "ID",
    "AUTHENTICATE",
    "LOGIN",
    "ENABLE",
    "SELECT",
    "EXAMINE",
    "CREATE",
    "DELETE",
    "RENAME",
    "SUBSCRIBE",
    "UNSUBSCRIBE",
    "LIST",
    "LSUB",
    "STATUS",
    "APPEND",
    "COMPRESS",
    "GETQUOTA",
    "GETQUOTAROOT",
    "SETQUOTA",
    "GETMETADATA",
    "SETMETADATA",
    "SETACL",
    "DELETEACL",
    "GETACL",
    "LISTRIGHTS",
    "MYRIGHTS",
    "CANCELUPDATE",
    "UID",
    "COPY",
    "MOVE",
    "FETCH",
    "STORE",
    "SEARCH",
    "SORT",
    "THREAD",
    "XLIST",
    "NOTIFY",
    "ESEARCH",
    "REPLACE",
    "LANGUAGE",
    "COMPARATOR",
    "GENURLAUTH",
    "RESETKEY",
    "URLFETCH",
    "GETJMAPACCESS",
];

/// Whether `name` (any case) is a command this crate reads itself.
pub(crate) fn is_known_command(name: &[u8]) -> bool {
    KNOWN_COMMANDS
        .iter()
        .any(|k| k.as_bytes().eq_ignore_ascii_case(name))
}

/// The name of a command this crate does not know: an `atom` (RFC 9051 §9)
/// that is none of the names it reads into their own variants (`LOGIN`,
/// `FETCH`, `UID`..., any case), so that an
/// [`CommandBody::Other`](super::CommandBody::Other) encodes to a command
/// that parses back to itself. `x-command` names start with `X`; other
/// unknown names are taken too. The case is kept as sent.
///
/// ```
/// use imap_proto::types::OtherCommandName;
/// assert_eq!(OtherCommandName::try_from("XPIG-LATIN").unwrap().as_str(), "XPIG-LATIN");
/// assert!(OtherCommandName::try_from("XAPPLEPUSHSERVICE").is_ok());
/// assert!(OtherCommandName::try_from("fetch").is_err()); // a known command
/// assert!(OtherCommandName::try_from("X FOO").is_err()); // not an atom
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OtherCommandName<'a>(Atom<'a>);

impl<'a> OtherCommandName<'a> {
    /// An unknown command name; a known one (any case) is refused.
    pub fn new(name: Atom<'a>) -> Result<Self, ValidationError> {
        if is_known_command(name.as_str().as_bytes()) {
            return Err(ValidationError::new(
                "x-command",
                "is the name of a command this crate reads (build its own variant)",
                0,
            ));
        }
        Ok(Self(name))
    }
    pub(crate) fn unchecked(name: Atom<'a>) -> Self {
        debug_assert!(!is_known_command(name.as_str().as_bytes()));
        Self(name)
    }
    /// The name as an atom.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
    /// The name as text, as sent.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> OtherCommandName<'static> {
        OtherCommandName(self.0.into_owned())
    }
}

impl<'a> TryFrom<&'a str> for OtherCommandName<'a> {
    type Error = ValidationError;
    fn try_from(s: &'a str) -> Result<Self, ValidationError> {
        Self::new(Atom::new(s)?)
    }
}

impl fmt::Debug for OtherCommandName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OtherCommandName({:?})", self.as_str())
    }
}

/// The arguments of a command this crate does not know, byte for byte as
/// sent: everything after the SP that follows the command name, up to the
/// CRLF that ends the command, literals included.
///
/// What the bytes may be is what keeps the command one command: outside
/// literals, no CR, LF or NUL; a CRLF only right after a literal header
/// (`{N}`, `{N+}`, `~{N}`, as the framer reads them) and followed by the
/// literal's N octets, which may hold any byte; and the bytes never end with
/// a literal header (the framer would read the next command as its octets).
/// Beyond that they are not read: a server that implements the command
/// reads its arguments itself, from [`OtherArguments::as_bytes`] or
/// [`OtherArguments::parts`].
///
/// ```
/// use imap_proto::types::{LiteralMode, OtherArguments, OtherPart};
/// let a = OtherArguments::new(&b"{3}\r\nabc BAR"[..]).unwrap();
/// let parts: Vec<_> = a.parts().collect();
/// assert_eq!(parts, [
///     OtherPart::Text(b"{3}"),
///     OtherPart::Literal { data: b"abc", mode: LiteralMode::Sync, binary: false },
///     OtherPart::Text(b" BAR"),
/// ]);
/// assert!(OtherArguments::new(&b"a\r\nb002 LOGOUT"[..]).is_err()); // a second command
/// assert!(OtherArguments::new(&b"a {5}"[..]).is_err()); // would swallow what follows
/// ```
///
/// As the parser reads them:
///
/// ```
/// use imap_proto::parse_command;
/// use imap_proto::types::CommandBody;
/// let line = b"a1 XFOO {3}\r\nabc BAR\r\n";
/// let (c, n) = parse_command(line).unwrap();
/// assert_eq!(n, line.len());
/// let CommandBody::Other { name, arguments } = &c.body else { panic!() };
/// assert_eq!(name.as_str(), "XFOO");
/// assert_eq!(arguments.as_ref().unwrap().as_bytes(), b"{3}\r\nabc BAR");
/// assert_eq!(c.to_bytes(), line);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OtherArguments<'a>(Cow<'a, [u8]>);

/// One piece of [`OtherArguments`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherPart<'b> {
    /// Bytes of a line (no CR, LF or NUL). When a literal follows, they end
    /// with its header.
    Text(&'b [u8]),
    /// The octets of the literal announced at the end of the text before.
    Literal {
        /// The octets.
        data: &'b [u8],
        /// `{N}` (sync) or `{N+}` (non-sync).
        mode: LiteralMode,
        /// `~{N}` (literal8, RFC 3516).
        binary: bool,
    },
}

/// How a scan of raw arguments ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArgsEnd {
    /// At a CRLF that follows no literal header: the arguments are the
    /// bytes before it.
    Crlf(usize),
    /// At the end of the input, the last line (from this offset) holding
    /// no CR, LF or NUL.
    End(usize),
}

/// Scans `b` as raw arguments, the way the framer finds a message's end:
/// lines, each ending in a literal header and followed by its octets, until
/// a CRLF after no header (or the end). `Err((offset, what))` at a NUL,
/// bare CR or LF outside literals, a literal cut short, or a literal
/// length past `number64`.
pub(crate) fn scan_arguments(b: &[u8]) -> Result<ArgsEnd, (usize, &'static str)> {
    let mut line = 0;
    let mut pos = 0;
    loop {
        let Some(k) = memchr::memchr3(b'\r', b'\n', 0, &b[pos..]) else {
            return Ok(ArgsEnd::End(line));
        };
        let k = pos + k;
        match (b[k], b.get(k + 1)) {
            (b'\r', Some(b'\n')) => {}
            (0, _) => return Err((k, "no NUL outside a literal")),
            _ => return Err((k, "no bare CR or LF outside a literal")),
        }
        match fast::literal_header(&b[line..k]) {
            Ok(None) => return Ok(ArgsEnd::Crlf(k)),
            Ok(Some(h)) => {
                let body = k + 2;
                let end = usize::try_from(h.length)
                    .ok()
                    .and_then(|n| body.checked_add(n))
                    .filter(|&n| n <= b.len());
                let Some(end) = end else {
                    return Err((b.len(), "the literal's octets"));
                };
                line = end;
                pos = end;
            }
            Err(fast::HeaderError::TooLong { at }) => {
                return Err((line + at, "a literal length of at most 2^63 - 1"))
            }
        }
    }
}

impl<'a> OtherArguments<'a> {
    /// Checks `bytes` against the rules above.
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Result<Self, ValidationError> {
        let bytes = bytes.into();
        let bad = |(at, reason)| ValidationError::new("x-command arguments", reason, at);
        match scan_arguments(&bytes).map_err(bad)? {
            ArgsEnd::Crlf(k) => Err(bad((k, "no CRLF outside a literal"))),
            ArgsEnd::End(line) => match fast::literal_header(&bytes[line..]) {
                Ok(None) => Ok(Self(bytes)),
                _ => Err(bad((line, "no literal header at the end"))),
            },
        }
    }
    pub(crate) fn unchecked(b: &'a [u8]) -> Self {
        Self(Cow::Borrowed(b))
    }
    /// The arguments' bytes, as sent.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    /// The arguments as lines and literals, in order.
    pub fn parts(&self) -> impl Iterator<Item = OtherPart<'_>> + '_ {
        Parts {
            rest: &self.0,
            literal: None,
        }
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> OtherArguments<'static> {
        OtherArguments(cow_bytes_owned(self.0))
    }
}

impl fmt::Debug for OtherArguments<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OtherArguments({:?})", Escaped(&self.0))
    }
}

/// The iterator of [`OtherArguments::parts`]: the bytes are valid, so each
/// CRLF ends a line with a literal header and the octets are all there.
struct Parts<'b> {
    rest: &'b [u8],
    literal: Option<(usize, LiteralMode, bool)>,
}

impl<'b> Iterator for Parts<'b> {
    type Item = OtherPart<'b>;
    fn next(&mut self) -> Option<OtherPart<'b>> {
        if let Some((n, mode, binary)) = self.literal.take() {
            let n = n.min(self.rest.len());
            let (data, rest) = self.rest.split_at(n);
            self.rest = rest;
            return Some(OtherPart::Literal { data, mode, binary });
        }
        if self.rest.is_empty() {
            return None;
        }
        let Some(k) = memchr::memmem::find(self.rest, b"\r\n") else {
            let text = self.rest;
            self.rest = &[];
            return Some(OtherPart::Text(text));
        };
        let text = &self.rest[..k];
        if let Ok(Some(h)) = fast::literal_header(text) {
            let mode = if h.non_sync {
                LiteralMode::NonSync
            } else {
                LiteralMode::Sync
            };
            let n = usize::try_from(h.length).unwrap_or(usize::MAX);
            self.literal = Some((n, mode, h.binary));
        }
        self.rest = &self.rest[k + 2..];
        Some(OtherPart::Text(text))
    }
}
