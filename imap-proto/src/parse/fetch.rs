//! STUB: grammar of FETCH arguments and FETCH response items. To be replaced.
#![allow(dead_code)]

use super::{fail, Depth, PResult};
use crate::types::{FetchArgs, MessageDataItem};

/// After `"FETCH"`: `SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
/// "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]`; stops before CRLF.
pub(crate) fn fetch_args(i: &[u8], _d: Depth) -> PResult<'_, FetchArgs<'_>> {
    fail(i, "fetch (stub)")
}
/// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP ...) ")"`.
pub(crate) fn msg_att(i: &[u8], _d: Depth) -> PResult<'_, Vec<MessageDataItem<'_>>> {
    fail(i, "msg-att (stub)")
}
