//! STUB: grammar of client commands.

use super::core::{crlf, keyword, sp, tag};
use super::{PResult, ParseLimits};
use crate::types::{Command, CommandBody};

/// `command = tag SP (command-any / command-auth / command-nonauth /
/// command-select) CRLF` (RFC 9051 §9).
pub(crate) fn command<'a>(i: &'a [u8], _l: &ParseLimits) -> PResult<'a, Command<'a>> {
    let (i, t) = tag(i)?;
    let (i, ()) = sp(i)?;
    let (i, ()) = keyword("NOOP")(i)?;
    let (i, ()) = crlf(i)?;
    Ok((
        i,
        Command {
            tag: t,
            body: CommandBody::Noop,
        },
    ))
}
