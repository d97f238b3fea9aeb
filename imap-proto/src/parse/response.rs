//! STUB: grammar of server responses. To be replaced.

use super::{fail, PResult, ParseLimits};
use crate::types::Response;

/// `response = *(continue-req / response-data) response-done`, one message
/// of it: a greeting, a status, untagged data or a continuation request,
/// with its CRLF.
pub(crate) fn response<'a>(i: &'a [u8], _l: &ParseLimits) -> PResult<'a, Response<'a>> {
    fail(i, "response (stub)")
}
