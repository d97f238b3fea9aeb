//! How commands end: a tagged completion (typed or not), BYE, or the end
//! of the connection. Whatever the server sends, every command the caller
//! was given a tag for ends with exactly one event, and nothing queued
//! behind a command waits for a completion that cannot come (the
//! contract's third point: sessions never lose or hang).

use super::{
    AbortCause, ClientError, ClientEvent, Core, Effect, Idle, InFlight, RawStatus, Switch,
};
use crate::fast;
use crate::frame::Framer;
use crate::parse::ParseError;
use crate::types::{CommandBody, ConnectionState, State, Tag};

/// Where the end of the connection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Eof {
    /// The connection is open.
    #[default]
    Open,
    /// The caller said it ended: the input left is read first.
    Closing,
    /// Every open command was aborted.
    Done,
}

/// The tag and the word after it, by the least scan that can find them
/// (`tag SP word`), for a message the grammar refused. The tag is `*` for
/// untagged lines.
fn scan(m: &[u8]) -> Option<(&[u8], &[u8])> {
    let n = match m.first() {
        Some(b'*') => 1,
        _ => fast::span(m, fast::is_tag_char),
    };
    if n == 0 || m.get(n) != Some(&b' ') {
        return None;
    }
    let rest = &m[n + 1..];
    let w = rest
        .iter()
        .position(|&b| b == b' ' || b == b'\r' || b == b'\n')
        .unwrap_or(rest.len());
    Some((&m[..n], &rest[..w]))
}

fn raw_status(word: &[u8]) -> RawStatus {
    let is = |k: &str| word.eq_ignore_ascii_case(k.as_bytes());
    if is("OK") {
        RawStatus::State(State::Ok)
    } else if is("NO") {
        RawStatus::State(State::No)
    } else if is("BAD") {
        RawStatus::State(State::Bad)
    } else if is("BYE") {
        RawStatus::Bye
    } else {
        RawStatus::Unknown
    }
}

impl Core {
    /// Where the command tagged `tag` is in flight.
    pub(super) fn flight_index(&self, tag: &str) -> Option<usize> {
        self.in_flight.iter().position(|f| f.tag.as_str() == tag)
    }

    /// Ends the in-flight command `k` with `status`: its effect on the
    /// connection state, and what was queued behind it goes out.
    pub(super) fn complete(&mut self, k: usize, status: RawStatus) -> InFlight {
        let f = self.in_flight.remove(k);
        // A completion instead of `+`: the rest of the command is dropped.
        if let Some(front) = self.queue.front() {
            if front.started && front.tag.as_str() == f.tag.as_str() {
                self.queue.pop_front();
                self.awaiting_literal = false;
            }
        }
        let ok = status == RawStatus::State(State::Ok);
        let failed = matches!(status, RawStatus::State(State::No | State::Bad));
        use ConnectionState as S;
        match (f.effect, ok) {
            (Effect::Login | Effect::Authenticate, true) => self.state = S::Authenticated,
            (Effect::Select, true) => self.state = S::Selected,
            (Effect::Select, false) if failed && self.state == S::Selected => {
                self.state = S::Authenticated
            }
            (Effect::Close, true) => self.state = S::Authenticated,
            (Effect::Unauthenticate, true) => self.state = S::NotAuthenticated,
            (Effect::Logout, true) => self.bye(),
            (Effect::StartTls, true) => self.switch = Switch::Tls { drain: true },
            (Effect::Compress, true) => self.switch = Switch::Compress,
            _ => {}
        }
        if f.effect == Effect::Authenticate {
            self.pending_ir = None;
        }
        if f.effect == Effect::Idle {
            let reissue = self.idle.reissue;
            self.idle = Idle::default();
            if reissue && !self.closed {
                // RFC 2177 §3: re-issue before the server's timeout.
                let _ = self.send(CommandBody::Idle);
            }
        }
        if status == RawStatus::Bye {
            self.bye();
        }
        self.pump();
        f
    }

    /// A message the grammar refused. A tagged line whose tag is in flight
    /// completes that command ([`ClientEvent::CompletedRaw`]); an
    /// untagged `* BYE` still ends the connection; everything else is a
    /// [`ClientError::Parse`] carrying the message's bytes.
    pub(super) fn on_malformed<'r>(
        &mut self,
        m: &'r [u8],
        error: ParseError,
    ) -> Result<ClientEvent<'r>, ClientError> {
        let parse_error = |error| ClientError::Parse {
            error,
            bytes: m.to_vec(),
        };
        let Some((tag, word)) = scan(m) else {
            return Err(parse_error(error));
        };
        let status = raw_status(word);
        if tag == b"*" {
            // An unreadable greeting is still the greeting.
            self.greeted = true;
            if status == RawStatus::Bye {
                self.bye();
            }
            return Err(parse_error(error));
        }
        // Tag characters are ASCII.
        let k = std::str::from_utf8(tag)
            .ok()
            .and_then(|t| self.flight_index(t));
        let Some(k) = k else {
            return Err(parse_error(error));
        };
        let f = self.complete(k, status);
        Ok(ClientEvent::CompletedRaw {
            command: f.name,
            tag: f.tag,
            status,
            bytes: m,
            error,
        })
    }

    /// A message over a limit was skipped: if it was the tagged line of a
    /// command in flight, that command is over (its status unknown), and
    /// an [`AbortCause::TooLarge`] follows the limit error.
    pub(super) fn over_limit(&mut self, tag: Option<&Tag<'static>>) {
        let Some(k) = tag.and_then(|t| self.flight_index(t.as_str())) else {
            return;
        };
        let f = self.complete(k, RawStatus::Unknown);
        self.queued_events.push_back(Ok(ClientEvent::Aborted {
            command: f.name,
            tag: f.tag,
            sent: true,
            cause: AbortCause::TooLarge,
        }));
    }

    /// The server said BYE: no completion will come, except LOGOUT's
    /// (RFC 9051 §6.1.3: `* BYE`, then the tagged OK). Every other command
    /// in flight or queued is aborted.
    pub(super) fn bye(&mut self) {
        self.state = ConnectionState::Logout;
        self.closed = true;
        self.abort_open(AbortCause::Bye, true);
    }

    /// Aborts every command in flight (but LOGOUT, with `keep_logout`) and
    /// every command queued, one [`ClientEvent::Aborted`] each.
    fn abort_open(&mut self, cause: AbortCause, keep_logout: bool) {
        let mut kept = Vec::new();
        for f in std::mem::take(&mut self.in_flight) {
            if keep_logout && f.effect == Effect::Logout {
                kept.push(f);
                continue;
            }
            self.queued_events.push_back(Ok(ClientEvent::Aborted {
                command: f.name,
                tag: f.tag,
                sent: true,
                cause,
            }));
        }
        self.in_flight = kept;
        for q in std::mem::take(&mut self.queue) {
            // A started command is in flight, and was reported there.
            if !q.started {
                self.queued_events.push_back(Ok(ClientEvent::Aborted {
                    command: q.name,
                    tag: q.tag,
                    sent: false,
                    cause,
                }));
            }
        }
        self.awaiting_literal = false;
        self.pending_ir = None;
        self.idle = Idle::default();
    }

    /// The caller said the connection ended and the input is read: what
    /// is left is a message cut short; every command still open ends.
    pub(super) fn end_of_input(&mut self, framer: &mut Framer) {
        if self.eof != Eof::Closing {
            return;
        }
        self.eof = Eof::Done;
        let rest = framer.take_buffered();
        if !rest.is_empty() {
            self.queued_events
                .push_back(Err(ClientError::Truncated(rest)));
        }
        self.state = ConnectionState::Logout;
        self.closed = true;
        self.abort_open(AbortCause::ConnectionClosed, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_tag_and_word() {
        assert_eq!(
            scan(b"A1 OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)\r\n"),
            Some((&b"A1"[..], &b"OK"[..]))
        );
        assert_eq!(scan(b"* bye\r\n"), Some((&b"*"[..], &b"bye"[..])));
        assert_eq!(scan(b"A5 BYE"), Some((&b"A5"[..], &b"BYE"[..])));
        assert_eq!(scan(b"A1\r\n"), None, "no SP after the tag");
        assert_eq!(scan(b" A1 OK\r\n"), None);
        assert_eq!(scan(b"+ go\r\n"), None, "+ is no tag character");
        assert_eq!(raw_status(b"ok"), RawStatus::State(State::Ok));
        assert_eq!(raw_status(b"bAd"), RawStatus::State(State::Bad));
        assert_eq!(raw_status(b"OKAY"), RawStatus::Unknown);
    }
}
