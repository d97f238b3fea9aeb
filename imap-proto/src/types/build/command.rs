//! One-line constructors for the common commands.
//!
//! Each builds the [`CommandBody`] the parser would give for the same
//! command; those taking a sequence set accept anything that converts to
//! one ([`SequenceSet`], a non-zero number, a Rust range: see
//! `types/build/sequence.rs`) and return the conversion's
//! [`ValidationError`] (a 0, an empty range), never panic.

use std::borrow::Cow;

use crate::types::command::{AppendData, AppendMessage, Command, CommandBody, StoreAction};
use crate::types::core::{AString, Literal, Secret, Tag, ValidationError};
use crate::types::fetch::{FetchArgs, FetchAttribute, FetchAttributes};
use crate::types::flag::Flag;
use crate::types::mailbox::{ListMailbox, Mailbox};
use crate::types::nonempty::NonEmpty;
use crate::types::search::{SearchArgs, SearchKey};
use crate::types::sequence::SequenceSet;
use crate::types::status::StatusAttribute;

fn set<S>(s: S) -> Result<SequenceSet, ValidationError>
where
    S: TryInto<SequenceSet>,
    ValidationError: From<S::Error>,
{
    Ok(s.try_into()?)
}

impl<'a> Command<'a> {
    /// A command with this tag; a tag that is not a `tag` (empty, with
    /// `+`, SP...) is refused.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody};
    /// let c = Command::new("A1", CommandBody::select("INBOX")).unwrap();
    /// assert_eq!(c.to_bytes(), b"A1 SELECT INBOX\r\n");
    /// assert!(Command::new("A+1", CommandBody::Noop).is_err());
    /// ```
    pub fn new<T>(tag: T, body: CommandBody<'a>) -> Result<Self, ValidationError>
    where
        T: TryInto<Tag<'a>>,
        ValidationError: From<T::Error>,
    {
        Ok(Command {
            tag: tag.try_into()?,
            body,
        })
    }
}

/// One `fetch-att`, asked as a list of one (`FETCH 1 (FLAGS)`).
impl<'a> From<FetchAttribute<'a>> for FetchAttributes<'a> {
    fn from(a: FetchAttribute<'a>) -> Self {
        FetchAttributes::List(vec![a])
    }
}

/// A list of `fetch-att`.
impl<'a> From<Vec<FetchAttribute<'a>>> for FetchAttributes<'a> {
    fn from(v: Vec<FetchAttribute<'a>>) -> Self {
        FetchAttributes::List(v)
    }
}

/// A list of `fetch-att`.
impl<'a, const N: usize> From<[FetchAttribute<'a>; N]> for FetchAttributes<'a> {
    fn from(v: [FetchAttribute<'a>; N]) -> Self {
        FetchAttributes::List(v.into())
    }
}

impl<'a> AppendMessage<'a> {
    /// A message to append, sent as a literal, without flags or date.
    pub fn new(message: impl Into<Cow<'a, [u8]>>) -> Self {
        AppendMessage {
            flags: None,
            date: None,
            data: AppendData::Literal(Literal::new(message)),
        }
    }
}

impl<'a> CommandBody<'a> {
    /// `SELECT mailbox`, without parameters.
    ///
    /// ```
    /// use imap_proto::parse_command;
    /// use imap_proto::types::CommandBody;
    /// assert_eq!(CommandBody::select("INBOX"), parse_command(b"A1 SELECT INBOX\r\n").unwrap().0.body);
    /// ```
    pub fn select(mailbox: impl Into<Mailbox<'a>>) -> Self {
        CommandBody::Select {
            mailbox: mailbox.into(),
            params: Vec::new(),
        }
    }

    /// `EXAMINE mailbox`, without parameters.
    pub fn examine(mailbox: impl Into<Mailbox<'a>>) -> Self {
        CommandBody::Examine {
            mailbox: mailbox.into(),
            params: Vec::new(),
        }
    }

    /// `FETCH set attributes`: `set` is a [`SequenceSet`] or converts to
    /// one (`7`, `1..=10`, `5..`, `..`), `attributes` a macro
    /// ([`FetchAttributes::All`], `Fast`, `Full`), one [`FetchAttribute`] or
    /// a list (array or `Vec`) of them.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody, FetchAttribute as A, FetchAttributes};
    /// let c = Command::new("A1", CommandBody::fetch(1..=10, [A::Uid, A::Flags])?)?;
    /// assert_eq!(c.to_bytes(), b"A1 FETCH 1:10 (UID FLAGS)\r\n");
    /// let c = Command::new("A2", CommandBody::uid_fetch(.., FetchAttributes::Fast)?)?;
    /// assert_eq!(c.to_bytes(), b"A2 UID FETCH 1:* FAST\r\n");
    /// assert!(CommandBody::fetch(0, A::Envelope).is_err());
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn fetch<S>(
        sequence_set: S,
        attributes: impl Into<FetchAttributes<'a>>,
    ) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        Ok(CommandBody::Fetch {
            uid: false,
            args: FetchArgs {
                sequence_set: set(sequence_set)?,
                attributes: attributes.into(),
                modifiers: Vec::new(),
            },
        })
    }

    /// `UID FETCH set attributes`: [`CommandBody::fetch`] over UIDs.
    pub fn uid_fetch<S>(
        uids: S,
        attributes: impl Into<FetchAttributes<'a>>,
    ) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        let mut c = Self::fetch(uids, attributes)?;
        if let CommandBody::Fetch { uid, .. } = &mut c {
            *uid = true;
        }
        Ok(c)
    }

    /// `STORE set [+|-]FLAGS[.SILENT] (flags)`.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody, Flag, StoreAction};
    /// let b = CommandBody::store(2..=4, StoreAction::Add, [Flag::Deleted], true)?;
    /// assert_eq!(Command::new("A3", b)?.to_bytes(), b"A3 STORE 2:4 +FLAGS.SILENT (\\Deleted)\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn store<S>(
        sequence_set: S,
        action: StoreAction,
        flags: impl IntoIterator<Item = Flag<'a>>,
        silent: bool,
    ) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        Ok(CommandBody::Store {
            uid: false,
            set: set(sequence_set)?,
            modifiers: Vec::new(),
            action,
            silent,
            flags: flags.into_iter().collect(),
        })
    }

    /// `UID STORE ...`: [`CommandBody::store`] over UIDs.
    pub fn uid_store<S>(
        uids: S,
        action: StoreAction,
        flags: impl IntoIterator<Item = Flag<'a>>,
        silent: bool,
    ) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        let mut c = Self::store(uids, action, flags, silent)?;
        if let CommandBody::Store { uid, .. } = &mut c {
            *uid = true;
        }
        Ok(c)
    }

    /// `SEARCH keys` (one key, or a [`NonEmpty`] of them), without RETURN
    /// or CHARSET.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody, SearchKey};
    /// let c = Command::new("A4", CommandBody::search(SearchKey::Unseen))?;
    /// assert_eq!(c.to_bytes(), b"A4 SEARCH UNSEEN\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn search(keys: impl Into<NonEmpty<SearchKey<'a>>>) -> Self {
        CommandBody::Search {
            uid: false,
            args: SearchArgs::new(keys),
        }
    }

    /// `UID SEARCH keys`.
    pub fn uid_search(keys: impl Into<NonEmpty<SearchKey<'a>>>) -> Self {
        CommandBody::Search {
            uid: true,
            args: SearchArgs::new(keys),
        }
    }

    /// `APPEND mailbox literal`: one message, without flags or date. The
    /// literal is synchronizing (`{N}`) unless the caller sets its mode.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody};
    /// let c = Command::new("A5", CommandBody::append("Drafts", &b"Hi\r\n"[..]))?;
    /// assert_eq!(c.to_bytes(), b"A5 APPEND Drafts {4}\r\nHi\r\n\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn append(mailbox: impl Into<Mailbox<'a>>, message: impl Into<Cow<'a, [u8]>>) -> Self {
        CommandBody::Append {
            mailbox: mailbox.into(),
            messages: NonEmpty::new(AppendMessage::new(message)),
        }
    }

    /// `LOGIN userid password`; the password is kept in a [`Secret`].
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody};
    /// let c = Command::new("A0", CommandBody::login("joe", "s3cret"))?;
    /// assert_eq!(c.to_bytes(), b"A0 LOGIN joe s3cret\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn login(username: impl Into<AString<'a>>, password: impl Into<AString<'a>>) -> Self {
        CommandBody::Login {
            username: username.into(),
            password: Secret(password.into()),
        }
    }

    /// `LIST reference pattern`, without selection or return options.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody};
    /// let c = Command::new("A6", CommandBody::list("", "*"))?;
    /// assert_eq!(c.to_bytes(), b"A6 LIST \"\" *\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn list(reference: impl Into<Mailbox<'a>>, pattern: impl Into<ListMailbox<'a>>) -> Self {
        CommandBody::List {
            selection: None,
            reference: reference.into(),
            patterns: NonEmpty::new(pattern.into()),
            returns: None,
        }
    }

    /// `STATUS mailbox (items)`; no items is refused (the grammar wants at
    /// least one).
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody, StatusAttribute as S};
    /// let c = Command::new("A7", CommandBody::status("INBOX", [S::Messages, S::UidNext])?)?;
    /// assert_eq!(c.to_bytes(), b"A7 STATUS INBOX (MESSAGES UIDNEXT)\r\n");
    /// assert!(CommandBody::status("INBOX", []).is_err());
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn status(
        mailbox: impl Into<Mailbox<'a>>,
        items: impl IntoIterator<Item = StatusAttribute>,
    ) -> Result<Self, ValidationError> {
        let items = NonEmpty::from_vec(items.into_iter().collect())
            .map_err(|_| ValidationError::new("status-att", "at least one is needed", 0))?;
        Ok(CommandBody::Status {
            mailbox: mailbox.into(),
            items,
        })
    }

    /// `COPY set mailbox`.
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody};
    /// let c = Command::new("A8", CommandBody::copy(3, "Archive")?)?;
    /// assert_eq!(c.to_bytes(), b"A8 COPY 3 Archive\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn copy<S>(
        sequence_set: S,
        mailbox: impl Into<Mailbox<'a>>,
    ) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        Ok(CommandBody::Copy {
            uid: false,
            set: set(sequence_set)?,
            mailbox: mailbox.into(),
        })
    }

    /// `UID COPY set mailbox`.
    pub fn uid_copy<S>(uids: S, mailbox: impl Into<Mailbox<'a>>) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        Ok(CommandBody::Copy {
            uid: true,
            set: set(uids)?,
            mailbox: mailbox.into(),
        })
    }

    /// `MOVE set mailbox` (RFC 6851).
    ///
    /// ```
    /// use imap_proto::types::{Command, CommandBody};
    /// let c = Command::new("A9", CommandBody::r#move(1..=3, "Trash")?)?;
    /// assert_eq!(c.to_bytes(), b"A9 MOVE 1:3 Trash\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn r#move<S>(
        sequence_set: S,
        mailbox: impl Into<Mailbox<'a>>,
    ) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        Ok(CommandBody::Move {
            uid: false,
            set: set(sequence_set)?,
            mailbox: mailbox.into(),
        })
    }

    /// `UID MOVE set mailbox` (RFC 6851).
    pub fn uid_move<S>(uids: S, mailbox: impl Into<Mailbox<'a>>) -> Result<Self, ValidationError>
    where
        S: TryInto<SequenceSet>,
        ValidationError: From<S::Error>,
    {
        Ok(CommandBody::Move {
            uid: true,
            set: set(uids)?,
            mailbox: mailbox.into(),
        })
    }
}
