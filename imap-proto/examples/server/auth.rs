//! Logging in: LOGIN, AUTHENTICATE PLAIN and the capabilities shown.

use imap_proto::types::{Atom, Capability, ResponseCode};

use super::conn::*;

/// What the server advertises once logged in (LOGIN's OK, CAPABILITY);
/// before login [`Conn::capabilities`] adds STARTTLS and LOGINDISABLED.
pub(super) fn capabilities() -> Vec<Capability<'static>> {
    use Capability as C;
    let mut caps = vec![C::Imap4Rev1, C::Imap4Rev2, C::LiteralPlus, C::SaslIr];
    if let Ok(plain) = Atom::new("PLAIN") {
        caps.push(C::Auth(plain));
    }
    caps.extend([
        C::Enable,
        C::Id,
        C::Idle,
        C::Namespace,
        C::Unselect,
        C::UidPlus,
        C::Move,
        C::SpecialUse,
        C::Children,
        C::ESearch,
        C::StatusSize,
    ]);
    caps
}

impl Conn {
    /// The capabilities now: before login, STARTTLS while the connection
    /// is plain and TLS is offered, and LOGINDISABLED (without AUTH=)
    /// while login needs TLS first (RFC 9051 §6.2.1, §7.2.2).
    pub(super) fn capabilities(&self) -> Vec<Capability<'static>> {
        let mut caps = capabilities();
        if self.user.is_some() {
            return caps;
        }
        if self.tls.is_none() && self.tls_config.is_some() {
            caps.insert(2, Capability::StartTls);
        }
        if !self.login_allowed() {
            caps.retain(|c| !matches!(c, Capability::Auth(_) | Capability::SaslIr));
            caps.push(Capability::LoginDisabled);
        }
        caps
    }

    pub(super) fn logged_in(&mut self, user: Option<String>) -> Reply {
        match user {
            Some(user) => {
                let id = self.store.lock().watch(&user, self.tx.clone());
                self.watcher = Some(id);
                self.user = Some(user);
                ok_code(ResponseCode::Capability(capabilities()), "Logged in")
            }
            None => no(
                Some(ResponseCode::AuthenticationFailed),
                "Invalid credentials",
            ),
        }
    }

    /// SASL PLAIN (RFC 4616): `authzid NUL authcid NUL passwd`.
    pub(super) fn plain(&mut self, data: &[u8]) -> Reply {
        let mut parts = data.split(|&b| b == 0);
        let (Some(authz), Some(user), Some(pass), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return bad("Malformed PLAIN response");
        };
        if !authz.is_empty() && authz != user {
            return no(
                Some(ResponseCode::AuthorizationFailed),
                "Cannot act as another user",
            );
        }
        let user = self.store.lock().login(user, pass);
        self.logged_in(user)
    }
}
