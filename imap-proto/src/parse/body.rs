//! STUB: grammar of ENVELOPE and BODYSTRUCTURE. To be replaced.
#![allow(dead_code)]

use super::{fail, Depth, PResult};
use crate::types::{BodyStructure, Envelope};

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP
/// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
/// env-message-id ")"`.
pub(crate) fn envelope(i: &[u8], _d: Depth) -> PResult<'_, Envelope<'_>> {
    fail(i, "envelope (stub)")
}
/// `body = "(" (body-type-1part / body-type-mpart) ")"`.
pub(crate) fn body(i: &[u8], _d: Depth) -> PResult<'_, BodyStructure<'_>> {
    fail(i, "body (stub)")
}
