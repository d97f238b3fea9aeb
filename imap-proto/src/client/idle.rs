//! IDLE (RFC 2177): the command, DONE, and the refresh timer that
//! re-issues IDLE before the server's 29 minutes run out.

use std::time::Instant;

use super::{Client, Core, SendError};
use crate::types::{CommandBody, Tag};

/// Where the IDLE in flight is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Idle {
    /// An IDLE is in flight.
    pub(super) active: bool,
    /// The server's `+` came: the client is idling.
    pub(super) idling: bool,
    /// The caller asked for DONE (sent when idling).
    pub(super) done_wanted: bool,
    /// DONE was sent.
    pub(super) done_sent: bool,
    /// When idling started, as first seen by `handle_timeout`.
    pub(super) since: Option<Instant>,
    /// The refresh timer fired: re-issue IDLE after the completion.
    pub(super) reissue: bool,
}

impl Client {
    /// Sends IDLE (RFC 2177). Once the server's `+` arrives (as a
    /// [`ClientEvent::Continue`](super::ClientEvent::Continue)), the client
    /// idles until [`Client::done`];
    /// it re-issues IDLE by itself before 29 minutes (see
    /// [`Client::poll_timeout`]).
    pub fn idle(&mut self) -> Result<Tag<'static>, SendError> {
        self.core.send(CommandBody::Idle)
    }

    /// Ends IDLE with `DONE` (now, or as soon as the server's `+` came).
    pub fn done(&mut self) {
        let idle = &mut self.core.idle;
        if !idle.active {
            return;
        }
        idle.done_wanted = true;
        idle.reissue = false;
        self.core.maybe_send_done();
    }

    /// When [`Client::handle_timeout`] should be called: while idling, the
    /// time to end and re-issue IDLE.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let idle = &self.core.idle;
        if idle.idling && !idle.done_sent {
            return Some(idle.since? + self.core.config.idle_refresh);
        }
        None
    }

    /// The current time. Starts the IDLE refresh timer at the first call
    /// after the server's `+`; when it expires, sends DONE and re-issues
    /// IDLE once the old one completes.
    pub fn handle_timeout(&mut self, now: Instant) {
        let refresh = self.core.config.idle_refresh;
        let idle = &mut self.core.idle;
        if !idle.idling || idle.done_sent {
            return;
        }
        match idle.since {
            None => idle.since = Some(now),
            Some(since) if now.saturating_duration_since(since) >= refresh => {
                idle.done_wanted = true;
                idle.reissue = true;
                self.core.maybe_send_done();
            }
            Some(_) => {}
        }
    }
}

impl Core {
    pub(super) fn maybe_send_done(&mut self) {
        let idle = &mut self.idle;
        if idle.active && idle.idling && idle.done_wanted && !idle.done_sent {
            idle.done_sent = true;
            self.out.push_bytes(b"DONE\r\n");
        }
    }
}
