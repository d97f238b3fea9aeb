//! One-line constructors for the common responses.
//!
//! The text of a status response must be a valid [`Text`] (no CR/LF, not
//! opening like a response code, not ending like a literal header): the
//! constructors that take one return its [`ValidationError`] rather than
//! build a response that would parse back differently.

use std::borrow::Cow;

use crate::types::code::ResponseCode;
use crate::types::core::{Tag, Text, ValidationError};
use crate::types::data::Data;
use crate::types::fetch::MessageDataItem;
use crate::types::number::NzNumber;
use crate::types::response::{Condition, RespText, Response, State, TaggedStatus, UntaggedStatus};

impl<'a> RespText<'a> {
    /// A response text with an optional code; the text is checked.
    pub fn with_code(
        code: Option<ResponseCode<'a>>,
        text: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ValidationError> {
        Ok(RespText {
            code,
            text: Text::new(text)?,
        })
    }
}

impl<'a> Response<'a> {
    /// A tagged completion: `tag state text`.
    pub fn tagged<T>(
        tag: T,
        state: State,
        text: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ValidationError>
    where
        T: TryInto<Tag<'a>>,
        ValidationError: From<T::Error>,
    {
        Ok(Response::Tagged(TaggedStatus {
            tag: tag.try_into()?,
            state,
            text: RespText::with_code(None, text)?,
        }))
    }

    /// `tag OK text`. The tag is a [`Tag`] (the command's) or a `&str`.
    ///
    /// ```
    /// use imap_proto::types::Response;
    /// assert_eq!(Response::ok("A1", "done")?.to_bytes(), b"A1 OK done\r\n");
    /// assert!(Response::ok("A1", "sneaky\r\n* BYE").is_err());
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn ok<T>(tag: T, text: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError>
    where
        T: TryInto<Tag<'a>>,
        ValidationError: From<T::Error>,
    {
        Self::tagged(tag, State::Ok, text)
    }

    /// `tag NO text`.
    ///
    /// ```
    /// use imap_proto::types::Response;
    /// assert_eq!(Response::no("A2", "no such mailbox")?.to_bytes(), b"A2 NO no such mailbox\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn no<T>(tag: T, text: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError>
    where
        T: TryInto<Tag<'a>>,
        ValidationError: From<T::Error>,
    {
        Self::tagged(tag, State::No, text)
    }

    /// `tag BAD text`.
    pub fn bad<T>(tag: T, text: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError>
    where
        T: TryInto<Tag<'a>>,
        ValidationError: From<T::Error>,
    {
        Self::tagged(tag, State::Bad, text)
    }

    /// An untagged status: `* condition [code] text`.
    pub fn untagged(
        condition: Condition,
        code: Option<ResponseCode<'a>>,
        text: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ValidationError> {
        Ok(Response::Untagged(UntaggedStatus {
            condition,
            text: RespText::with_code(code, text)?,
        }))
    }

    /// `* OK [code] text`.
    ///
    /// ```
    /// use imap_proto::types::{NzNumber, Response, ResponseCode};
    /// let r = Response::untagged_ok(ResponseCode::UidNext(NzNumber::new(4392).unwrap()), "Predicted next UID")?;
    /// assert_eq!(r.to_bytes(), b"* OK [UIDNEXT 4392] Predicted next UID\r\n");
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn untagged_ok(
        code: impl Into<Option<ResponseCode<'a>>>,
        text: impl Into<Cow<'a, str>>,
    ) -> Result<Self, ValidationError> {
        Self::untagged(Condition::Ok, code.into(), text)
    }

    /// `* BYE text`.
    pub fn bye(text: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        Self::untagged(Condition::Bye, None, text)
    }

    /// `* n EXISTS`.
    ///
    /// ```
    /// use imap_proto::types::Response;
    /// assert_eq!(Response::exists(23).to_bytes(), b"* 23 EXISTS\r\n");
    /// ```
    pub fn exists(n: u32) -> Self {
        Response::Data(Data::Exists(n))
    }

    /// `* n FETCH (items)`; message number 0 is refused.
    ///
    /// ```
    /// use imap_proto::types::{Flag, MessageDataItem as I, Response};
    /// let r = Response::fetch(12, [I::Flags(vec![Flag::Seen]), I::Uid(4827313.try_into().unwrap())])?;
    /// assert_eq!(r.to_bytes(), b"* 12 FETCH (FLAGS (\\Seen) UID 4827313)\r\n");
    /// assert!(Response::fetch(0, []).is_err());
    /// # Ok::<(), imap_proto::types::ValidationError>(())
    /// ```
    pub fn fetch(
        seq: u32,
        items: impl IntoIterator<Item = MessageDataItem<'a>>,
    ) -> Result<Self, ValidationError> {
        let seq = NzNumber::new(seq).ok_or_else(|| {
            ValidationError::new("nz-number", "message numbers start at 1, not 0", 0)
        })?;
        Ok(Response::Data(Data::Fetch {
            seq,
            items: items.into_iter().collect(),
        }))
    }
}
