//! The grammar of REPLACE (RFC 8508 §5).

use super::command::append_message;
use super::core::{mailbox, seq_number, sp};
use super::PResult;
use crate::types::ReplaceArgs;

/// After the keyword `"REPLACE"`: `SP seq-number SP mailbox
/// append-message` (RFC 8508 §5 `replace`; `uid =/ "UID" SP replace`).
pub(crate) fn replace_args(i: &[u8]) -> PResult<'_, ReplaceArgs<'_>> {
    let (i, ()) = sp(i)?;
    let (i, number) = seq_number(i)?;
    let (i, ()) = sp(i)?;
    let (i, mailbox) = mailbox(i)?;
    let (i, message) = append_message(i)?;
    Ok((
        i,
        ReplaceArgs {
            number,
            mailbox,
            message,
        },
    ))
}
