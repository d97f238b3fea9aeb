//! Shorthand constructors for the commands every client sends.

use std::borrow::Cow;

use super::{
    AString, AppendData, AppendMessage, CommandBody, FetchArgs, FetchAttribute, FetchAttributes,
    ListMailbox, Literal, Mailbox, NonEmpty, Secret, SequenceSet,
};

impl<'a> CommandBody<'a> {
    /// `LOGIN username password`.
    ///
    /// ```
    /// use imap_proto::types::CommandBody;
    /// let c = CommandBody::login("joe", "pass word");
    /// assert!(matches!(c, CommandBody::Login { .. }));
    /// ```
    pub fn login(username: &'a str, password: &'a str) -> Self {
        CommandBody::Login {
            username: AString::from(username),
            password: Secret(AString::from(password)),
        }
    }

    /// `SELECT mailbox`, without parameters.
    pub fn select(mailbox: &'a str) -> Self {
        CommandBody::Select {
            mailbox: Mailbox::from(mailbox),
            params: Vec::new(),
        }
    }

    /// `LIST reference pattern` (RFC 9051 §6.3.9), without selection or
    /// return options.
    pub fn list(reference: &'a str, pattern: &'a str) -> Self {
        CommandBody::List {
            selection: None,
            reference: Mailbox::from(reference),
            patterns: NonEmpty::new(ListMailbox::from(pattern)),
            returns: None,
        }
    }

    /// `FETCH sequence-set (attributes)`, by sequence numbers.
    pub fn fetch(sequence_set: SequenceSet, attributes: Vec<FetchAttribute<'a>>) -> Self {
        CommandBody::Fetch {
            uid: false,
            args: FetchArgs {
                sequence_set,
                attributes: FetchAttributes::List(attributes),
                modifiers: Vec::new(),
            },
        }
    }

    /// `APPEND mailbox literal`: one message, no flags, no date, in a
    /// synchronizing literal.
    pub fn append(mailbox: &'a str, message: impl Into<Cow<'a, [u8]>>) -> Self {
        CommandBody::Append {
            mailbox: Mailbox::from(mailbox),
            messages: NonEmpty::new(AppendMessage {
                flags: None,
                date: None,
                data: AppendData::Literal(Literal::new(message)),
            }),
        }
    }
}
