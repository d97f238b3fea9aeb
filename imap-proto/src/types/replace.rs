//! REPLACE and UID REPLACE (RFC 8508).

use super::command::AppendMessage;
use super::mailbox::Mailbox;
use super::sequence::SeqNumber;

/// What follows `REPLACE`: `replace = "REPLACE" SP seq-number SP mailbox
/// append-message` (RFC 8508 §5); under `UID REPLACE` the number is a UID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceArgs<'a> {
    /// The message replaced (`seq-number = nz-number / "*"`).
    pub number: SeqNumber,
    /// Where the new message goes.
    pub mailbox: Mailbox<'a>,
    /// The new message, as for APPEND (flags, date, literal or CATENATE).
    pub message: AppendMessage<'a>,
}

impl ReplaceArgs<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ReplaceArgs<'static> {
        ReplaceArgs {
            number: self.number,
            mailbox: self.mailbox.into_owned(),
            message: self.message.into_owned(),
        }
    }
}
