//! STATUS items (RFC 9051 §6.3.11, §9 `status-att`; RFC 8438, RFC 7162,
//! RFC 8474, RFC 9208, RFC 7889).

use std::fmt;

use super::core::{Atom, ValidationError};

macro_rules! status_atts {
    ($($(#[$m:meta])* $var:ident = $name:literal,)*) => {
        /// `status-att` (RFC 9051 §9) and the items extensions add.
        ///
        /// ```
        /// use imap_proto::types::StatusAttribute;
        /// assert_eq!(StatusAttribute::from_name(b"uidnext"), Some(StatusAttribute::UidNext));
        /// assert_eq!(StatusAttribute::UidNext.to_string(), "UIDNEXT");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum StatusAttribute {
            $($(#[$m])* $var,)*
        }

        impl StatusAttribute {
            /// The item named `name` (case-insensitive), if known.
            pub fn from_name(name: &[u8]) -> Option<Self> {
                $(if name.eq_ignore_ascii_case($name.as_bytes()) {
                    return Some(StatusAttribute::$var);
                })*
                None
            }
            /// The item's name as the grammar spells it.
            pub fn name(&self) -> &'static str {
                match self {
                    $(StatusAttribute::$var => $name,)*
                }
            }
        }
    };
}

status_atts! {
    /// `MESSAGES`
    Messages = "MESSAGES",
    /// `UIDNEXT`
    UidNext = "UIDNEXT",
    /// `UIDVALIDITY`
    UidValidity = "UIDVALIDITY",
    /// `UNSEEN`
    Unseen = "UNSEEN",
    /// `DELETED` (RFC 9051)
    Deleted = "DELETED",
    /// `SIZE` (RFC 8438, RFC 9051)
    Size = "SIZE",
    /// `RECENT` (RFC 3501)
    Recent = "RECENT",
    /// `HIGHESTMODSEQ` (RFC 7162)
    HighestModSeq = "HIGHESTMODSEQ",
    /// `MAILBOXID` (RFC 8474)
    MailboxId = "MAILBOXID",
    /// `DELETED-STORAGE` (RFC 9208)
    DeletedStorage = "DELETED-STORAGE",
    /// `APPENDLIMIT` (RFC 7889)
    AppendLimit = "APPENDLIMIT",
}

impl fmt::Display for StatusAttribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TryFrom<&Atom<'_>> for StatusAttribute {
    type Error = ValidationError;
    fn try_from(a: &Atom<'_>) -> Result<Self, ValidationError> {
        Self::from_name(a.as_str().as_bytes()).ok_or(ValidationError::new(
            "status-att",
            "unknown STATUS item",
            0,
        ))
    }
}
