//! Logging in: LOGIN, AUTHENTICATE PLAIN and the capabilities shown.

use imap_proto::types::{Atom, Capability, ResponseCode};

use super::conn::*;

/// What the server advertises (greeting, CAPABILITY, LOGIN's OK).
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
