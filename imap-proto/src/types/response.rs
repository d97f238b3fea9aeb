//! STUB: server responses. To be replaced by the response area.
#![allow(missing_docs)]

use std::marker::PhantomData;

/// A server response (greeting, status, untagged data, continuation request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<'a>(PhantomData<&'a ()>);

impl Response<'_> {
    pub fn into_owned(self) -> Response<'static> {
        Response(PhantomData)
    }
}
