//! The client driver over a tokio stream.

use ::tokio::io::{AsyncRead, AsyncWrite};
use std::time::Instant;

use super::{read_in, write_out};
use crate::client::{Client, ClientConfig};
use crate::io::{client_greeting, client_poll, client_tick, Error, Exchange, Flow, Outcome};
use crate::types::{Atom, CommandBody, Response, UntaggedStatus};

/// A [`Client`] session running over a tokio stream.
///
/// ```no_run
/// # async fn demo() -> Result<(), imap_proto::io::Error> {
/// use imap_proto::io::tokio::Connection;
/// use imap_proto::types::{AString, CommandBody, Mailbox, Secret};
///
/// let stream = tokio::net::TcpStream::connect("127.0.0.1:1143").await?;
/// let mut conn = Connection::connect(stream).await?;
/// conn.run(CommandBody::Login {
///     username: AString::from("demo"),
///     password: Secret(AString::from("demo")),
/// }).await?;
/// let select = conn.run(CommandBody::Select { mailbox: Mailbox::from("INBOX"), params: vec![] }).await?;
/// println!("{} untagged responses", select.responses.len());
/// conn.run(CommandBody::Logout).await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Connection<S> {
    stream: S,
    client: Client,
    greeting: UntaggedStatus<'static>,
    buf: Vec<u8>,
}

const READ_BUF: usize = 16 * 1024;

impl<S: AsyncRead + AsyncWrite + Unpin> Connection<S> {
    /// Reads the greeting on `stream` with a default [`Client`]. A `* BYE`
    /// greeting is [`Error::Bye`].
    pub async fn connect(stream: S) -> Result<Self, Error> {
        Self::with_client(stream, Client::new(ClientConfig::default())).await
    }

    /// Reads the greeting on `stream` with this fresh `client`.
    pub async fn with_client(stream: S, client: Client) -> Result<Self, Error> {
        let mut conn = Self {
            stream,
            client,
            greeting: UntaggedStatus {
                condition: crate::types::Condition::Ok,
                text: Default::default(),
            },
            buf: vec![0; READ_BUF],
        };
        conn.greeting = loop {
            if let Some(g) = client_greeting(&mut conn.client) {
                break g?;
            }
            conn.read(&mut Exchange::new(Vec::new())).await?;
        };
        Ok(conn)
    }

    /// The server's greeting (`* OK` or `* PREAUTH`).
    pub fn greeting(&self) -> &UntaggedStatus<'static> {
        &self.greeting
    }

    /// The session (state, capabilities...).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The session, to queue by hand what the driver has no call for.
    pub fn client_mut(&mut self) -> &mut Client {
        &mut self.client
    }

    /// The stream and the session.
    pub fn into_parts(self) -> (S, Client) {
        (self.stream, self.client)
    }

    /// Runs one command to its completion.
    pub async fn run(&mut self, body: CommandBody<'_>) -> Result<Outcome, Error> {
        let tag = self.client.send(body)?;
        let mut ex = Exchange::new(vec![tag]);
        self.drive(&mut ex).await?;
        ex.result()
    }

    /// Sends the commands pipelined (as far as RFC 9051 §5.5 allows: the
    /// session holds back what must wait) and waits for all. Each result
    /// holds the untagged responses that came after the previous
    /// completion.
    pub async fn run_all<'c>(
        &mut self,
        bodies: impl IntoIterator<Item = CommandBody<'c>>,
    ) -> Result<Vec<Result<Outcome, Error>>, Error> {
        let tags = bodies
            .into_iter()
            .map(|b| self.client.send(b))
            .collect::<Result<Vec<_>, _>>()?;
        let mut ex = Exchange::new(tags);
        self.drive(&mut ex).await?;
        Ok(ex.results())
    }

    /// AUTHENTICATE `mechanism`; `step` answers each (decoded) challenge,
    /// or cancels with `None`. `initial` goes with the command when the
    /// server has SASL-IR (RFC 4959), else answers the first challenge.
    pub async fn authenticate(
        &mut self,
        mechanism: Atom<'_>,
        initial: Option<&[u8]>,
        mut step: impl FnMut(&[u8]) -> Option<Vec<u8>>,
    ) -> Result<Outcome, Error> {
        let skip_first = initial.is_some()
            && !self
                .client
                .has_capability(&crate::types::Capability::SaslIr);
        let tag = self.client.authenticate(mechanism, initial)?;
        let mut ex = Exchange::new(vec![tag]).with_sasl(&mut step, skip_first);
        self.drive(&mut ex).await?;
        ex.result()
    }

    /// IDLE (RFC 2177): `on_push` sees each response the server pushes and
    /// says whether to go on; at `deadline` (if any) the driver sends DONE.
    /// Before 29 minutes the session ends and re-issues IDLE by itself
    /// ([`Client::poll_timeout`]). The outcome holds every pushed response.
    /// The driver wakes at the deadline by itself.
    pub async fn idle(
        &mut self,
        deadline: Option<Instant>,
        mut on_push: impl FnMut(&Response<'_>) -> Flow,
    ) -> Result<Outcome, Error> {
        let tag = self.client.idle()?;
        let mut ex = Exchange::new(vec![tag]).with_idle(&mut on_push, deadline);
        self.drive(&mut ex).await?;
        ex.result()
    }

    /// STARTTLS (RFC 9051 §6.2.1): on OK, `wrap` turns the stream into a
    /// TLS stream (rustls' `StreamOwned`, native-tls' `TlsStream`...). Ask
    /// for CAPABILITY again afterwards: what came before TLS is not to be
    /// trusted. Bytes the server sent before the switch are an injection
    /// and end the connection ([`Error::Protocol`]).
    pub async fn starttls<T: AsyncRead + AsyncWrite + Unpin>(
        self,
        wrap: impl FnOnce(S) -> std::io::Result<T>,
    ) -> Result<Connection<T>, Error> {
        self.switch(CommandBody::StartTls, |s, _| wrap(s)).await
    }

    /// COMPRESS DEFLATE (RFC 4978): on OK, `wrap` gets the stream and the
    /// deflate bytes that already came, and returns the compressed stream
    /// (e.g. flate2's `DeflateDecoder` / `DeflateEncoder` around it, raw
    /// deflate, the leftover bytes chained before the socket).
    pub async fn compress<T: AsyncRead + AsyncWrite + Unpin>(
        self,
        wrap: impl FnOnce(S, Vec<u8>) -> std::io::Result<T>,
    ) -> Result<Connection<T>, Error> {
        let deflate = CommandBody::Compress(Atom::try_from("DEFLATE").map_err(|_| Error::Eof)?);
        self.switch(deflate, wrap).await
    }

    async fn switch<T: AsyncRead + AsyncWrite + Unpin>(
        mut self,
        body: CommandBody<'_>,
        wrap: impl FnOnce(S, Vec<u8>) -> std::io::Result<T>,
    ) -> Result<Connection<T>, Error> {
        self.run(body).await?;
        // Anything left in the session after the OK is reported now.
        client_poll(&mut self.client, &mut Exchange::new(Vec::new()))?;
        let leftover = self.client.transport_switched();
        client_poll(&mut self.client, &mut Exchange::new(Vec::new()))?;
        Ok(Connection {
            stream: wrap(self.stream, leftover)?,
            client: self.client,
            greeting: self.greeting,
            buf: self.buf,
        })
    }

    /// Polls, ticks, writes and reads until `ex` is finished.
    async fn drive(&mut self, ex: &mut Exchange<'_>) -> Result<(), Error> {
        loop {
            client_poll(&mut self.client, ex)?;
            client_tick(&mut self.client, ex, Instant::now());
            write_out(&mut self.stream, &mut self.client).await?;
            if ex.finished() {
                return Ok(());
            }
            self.read(ex).await?;
        }
    }

    async fn read(&mut self, ex: &mut Exchange<'_>) -> Result<(), Error> {
        let wake = ex.wake_at(&self.client);
        match read_in(&mut self.stream, &mut self.buf, wake).await? {
            Some(0) => Err(ex.eof()),
            Some(n) => {
                self.client.handle_input(&self.buf[..n]);
                Ok(())
            }
            None => Ok(()),
        }
    }
}
