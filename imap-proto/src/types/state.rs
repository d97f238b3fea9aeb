//! Connection states (RFC 9051 §3) and which commands each allows.

use super::command::CommandBody;

/// The state of an IMAP connection (RFC 9051 §3, RFC 8437 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConnectionState {
    /// Before LOGIN or AUTHENTICATE succeeds (or after UNAUTHENTICATE).
    NotAuthenticated,
    /// Logged in, no mailbox selected.
    Authenticated,
    /// A mailbox is selected.
    Selected,
    /// LOGOUT or BYE: the connection is ending.
    Logout,
}

impl CommandBody<'_> {
    /// Whether RFC 9051 §6 (and the extension RFCs) allow this command in
    /// `state`: `command-any` everywhere but Logout, `command-nonauth`
    /// before authentication, `command-auth` once authenticated,
    /// `command-select` with a mailbox selected. Never for
    /// [`CommandBody::Other`]: whether and where an unknown command is
    /// allowed is for the server that implements it to say.
    ///
    /// ```
    /// use imap_proto::types::{CommandBody, ConnectionState};
    /// assert!(CommandBody::Noop.allowed_in(ConnectionState::NotAuthenticated));
    /// assert!(!CommandBody::Check.allowed_in(ConnectionState::Authenticated));
    /// ```
    pub fn allowed_in(&self, state: ConnectionState) -> bool {
        use CommandBody as C;
        use ConnectionState as S;
        let authed = matches!(state, S::Authenticated | S::Selected);
        match self {
            C::Capability | C::Logout | C::Noop | C::Id(_) | C::Language(_) => state != S::Logout,
            C::StartTls | C::Authenticate { .. } | C::Login { .. } => state == S::NotAuthenticated,
            C::Enable(_)
            | C::Select { .. }
            | C::Examine { .. }
            | C::Create { .. }
            | C::Delete(_)
            | C::Rename { .. }
            | C::Subscribe(_)
            | C::Unsubscribe(_)
            | C::List { .. }
            | C::Lsub { .. }
            | C::Namespace
            | C::Status { .. }
            | C::Append { .. }
            | C::Idle
            | C::Unauthenticate
            | C::Compress(_)
            | C::GetQuota(_)
            | C::GetQuotaRoot(_)
            | C::SetQuota { .. }
            | C::GetMetadata { .. }
            | C::SetMetadata { .. }
            | C::SetAcl { .. }
            | C::DeleteAcl { .. }
            | C::GetAcl(_)
            | C::ListRights { .. }
            | C::MyRights(_)
            | C::Xlist { .. }
            | C::Notify(_)
            | C::Comparator(_)
            | C::GenUrlAuth(_)
            | C::GetJmapAccess
            | C::ResetKey(_)
            | C::UrlFetch(_)
            | C::ESearch { uid: false, .. } => authed,
            C::CancelUpdate(_)
            | C::Check
            | C::Close
            | C::Unselect
            | C::Expunge
            | C::UidExpunge(_)
            | C::Copy { .. }
            | C::Move { .. }
            | C::Fetch { .. }
            | C::Store { .. }
            | C::StoreExt { .. }
            | C::Search { .. }
            | C::Sort { .. }
            | C::Thread { .. }
            | C::ESearch { uid: true, .. }
            | C::Replace { .. } => state == S::Selected,
            // Not a command this crate knows: the server decides.
            C::Other { .. } => false,
        }
    }
}
