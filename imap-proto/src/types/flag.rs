//! Flags and keywords (RFC 9051 §2.3.2, §9 `flag`, `flag-perm`, `flag-fetch`).

use std::borrow::Cow;
use std::fmt;

use super::core::{cow_str_owned, Atom, ValidationError};
use crate::fast;

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" /
///  flag-keyword / flag-extension` (RFC 9051 §9), plus `\Recent`, which
/// RFC 3501 servers still send in `flag-fetch`.
///
/// System flags are matched case-insensitively: `\SEEN` is [`Flag::Seen`].
///
/// ```
/// use imap_proto::types::{Atom, Flag};
/// let f = Flag::keyword(Atom::try_from("$Forwarded").unwrap());
/// assert_eq!(f.to_string(), "$Forwarded");
/// assert!(Flag::extension(Atom::try_from("Seen").unwrap()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Flag<'a> {
    /// `\Answered`
    Answered,
    /// `\Flagged`
    Flagged,
    /// `\Deleted`
    Deleted,
    /// `\Seen`
    Seen,
    /// `\Draft`
    Draft,
    /// `\Recent` (RFC 3501; only in FETCH and PERMANENTFLAGS data).
    Recent,
    /// `flag-keyword = "$MDNSent" / "$Forwarded" / ... / atom`
    Keyword(Atom<'a>),
    /// `flag-extension = "\" atom`, other than the names above.
    Extension(FlagExtension<'a>),
    /// A keyword that holds `]`, so is no `atom` (quirk): Gmail sends its
    /// labels as keywords, `OIB-Seen-[Gmail]/All` (djc/imap-proto#36,
    /// apple/swift-nio-imap#738). See [`BracketKeyword`].
    BracketKeyword(BracketKeyword<'a>),
}

/// A flag keyword that is not an atom because it holds `]`: an atom
/// followed by `]` and more `ASTRING-CHAR`s (`ATOM-CHAR / "]"`, RFC 9051
/// §9), as Gmail sends (`OIB-Seen-[Gmail]/All`). Read wherever flags are
/// listed (FLAGS, PERMANENTFLAGS, FETCH FLAGS, STORE and APPEND): in a
/// parenthesized list a `]` cannot end anything, so the reading is
/// unambiguous, and the keyword is written back as sent.
///
/// ```
/// use imap_proto::types::BracketKeyword;
/// assert!(BracketKeyword::new("OIB-Seen-[Gmail]/All").is_ok());
/// assert!(BracketKeyword::new("Junk").is_err()); // an atom: Flag::Keyword
/// assert!(BracketKeyword::new("]x").is_err());
/// assert!(BracketKeyword::new("a] b").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BracketKeyword<'a>(Cow<'a, str>);

impl<'a> BracketKeyword<'a> {
    /// Checks `s`: `ASTRING-CHAR`s only, at least one `]`, not first.
    pub fn new(s: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let s = s.into();
        let b = s.as_bytes();
        if let Some(at) = b.iter().position(|&c| !fast::is_astring_char(c)) {
            return Err(ValidationError::new(
                "flag keyword",
                "not an ASTRING-CHAR",
                at,
            ));
        }
        if !b.contains(&b']') || b.first() == Some(&b']') {
            return Err(ValidationError::new(
                "flag keyword",
                "must hold \"]\", after an ATOM-CHAR (else it is an atom)",
                0,
            ));
        }
        Ok(Self(s))
    }
    pub(crate) fn unchecked(s: &'a str) -> Self {
        debug_assert!(Self::new(s).is_ok(), "{s:?}");
        Self(Cow::Borrowed(s))
    }
    /// The keyword.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> BracketKeyword<'static> {
        BracketKeyword(cow_str_owned(self.0))
    }
}

impl fmt::Debug for BracketKeyword<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BracketKeyword({:?})", self.0)
    }
}

/// The atom of a `flag-extension`, never one of the system flag names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlagExtension<'a>(Atom<'a>);

impl<'a> FlagExtension<'a> {
    /// The name without its backslash.
    pub fn as_atom(&self) -> &Atom<'a> {
        &self.0
    }
}

const SYSTEM: [&str; 6] = ["Answered", "Flagged", "Deleted", "Seen", "Draft", "Recent"];

impl<'a> Flag<'a> {
    /// A keyword flag (no backslash).
    pub fn keyword(atom: Atom<'a>) -> Self {
        Flag::Keyword(atom)
    }

    /// A `\`-flag that is not a system flag; system names are refused, so
    /// that every value has one spelling.
    pub fn extension(atom: Atom<'a>) -> Result<Self, ValidationError> {
        if SYSTEM.iter().any(|s| s.eq_ignore_ascii_case(atom.as_str())) {
            return Err(ValidationError::new(
                "flag-extension",
                "is a system flag",
                0,
            ));
        }
        Ok(Flag::Extension(FlagExtension(atom)))
    }

    /// Builds a flag from the atom after a backslash, as the parser does.
    pub fn from_backslash(atom: Atom<'a>) -> Self {
        match Flag::system(atom.as_str().as_bytes()) {
            Some(f) => f,
            None => Flag::Extension(FlagExtension(atom)),
        }
    }

    /// The system flag named `name` (the bytes after the backslash, any
    /// case), if it is one. Told apart by length first: the parser calls
    /// this for every `\`-flag it reads, before building any string.
    #[inline]
    pub(crate) fn system(name: &[u8]) -> Option<Flag<'static>> {
        let is = |s: &str| name.eq_ignore_ascii_case(s.as_bytes());
        match name.len() {
            4 if is("Seen") => Some(Flag::Seen),
            5 if is("Draft") => Some(Flag::Draft),
            6 if is("Recent") => Some(Flag::Recent),
            7 => match name[0].to_ascii_uppercase() {
                b'D' if is("Deleted") => Some(Flag::Deleted),
                b'F' if is("Flagged") => Some(Flag::Flagged),
                _ => None,
            },
            8 if is("Answered") => Some(Flag::Answered),
            _ => None,
        }
    }

    /// A `\`-flag whose name is not a system flag, from the parser.
    pub(crate) fn extension_unchecked(atom: Atom<'a>) -> Self {
        Flag::Extension(FlagExtension(atom))
    }

    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Flag<'static> {
        match self {
            Flag::Answered => Flag::Answered,
            Flag::Flagged => Flag::Flagged,
            Flag::Deleted => Flag::Deleted,
            Flag::Seen => Flag::Seen,
            Flag::Draft => Flag::Draft,
            Flag::Recent => Flag::Recent,
            Flag::Keyword(a) => Flag::Keyword(a.into_owned()),
            Flag::Extension(FlagExtension(a)) => Flag::Extension(FlagExtension(a.into_owned())),
            Flag::BracketKeyword(k) => Flag::BracketKeyword(k.into_owned()),
        }
    }
}

impl fmt::Display for Flag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Answered => f.write_str("\\Answered"),
            Flag::Flagged => f.write_str("\\Flagged"),
            Flag::Deleted => f.write_str("\\Deleted"),
            Flag::Seen => f.write_str("\\Seen"),
            Flag::Draft => f.write_str("\\Draft"),
            Flag::Recent => f.write_str("\\Recent"),
            Flag::Keyword(a) => f.write_str(a.as_str()),
            Flag::Extension(FlagExtension(a)) => write!(f, "\\{}", a.as_str()),
            Flag::BracketKeyword(k) => f.write_str(k.as_str()),
        }
    }
}

/// `flag-perm = flag / "\*"` (RFC 9051 §9), in PERMANENTFLAGS.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FlagPerm<'a> {
    /// A flag.
    Flag(Flag<'a>),
    /// `\*`: new keywords may be created.
    Any,
}

impl FlagPerm<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> FlagPerm<'static> {
        match self {
            FlagPerm::Flag(f) => FlagPerm::Flag(f.into_owned()),
            FlagPerm::Any => FlagPerm::Any,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_flags_by_length_then_name() {
        for (name, flag) in [
            ("Seen", Flag::Seen),
            ("SEEN", Flag::Seen),
            ("draft", Flag::Draft),
            ("Recent", Flag::Recent),
            ("Deleted", Flag::Deleted),
            ("fLaGgEd", Flag::Flagged),
            ("Answered", Flag::Answered),
        ] {
            assert_eq!(Flag::system(name.as_bytes()), Some(flag.clone()), "{name}");
            let atom = Atom::try_from(name).unwrap();
            assert_eq!(Flag::from_backslash(atom), flag);
        }
        for name in [
            "Seem", "Drafts", "Deletes", "Flagger", "Answerer", "X", "Junk",
        ] {
            assert_eq!(Flag::system(name.as_bytes()), None, "{name}");
            let atom = Atom::try_from(name).unwrap();
            assert!(matches!(Flag::from_backslash(atom), Flag::Extension(_)));
        }
    }
}
