//! STUB: grammar of SEARCH, SORT, THREAD, ESEARCH. To be replaced.
#![allow(dead_code)]

use super::{fail, Depth, PResult};
use crate::types::{ESearchResponse, SearchArgs, SortArgs, Thread, ThreadArgs};

/// After `"SEARCH"`: `[search-return-opts] SP search-program`; stops before CRLF.
pub(crate) fn search_args(i: &[u8], _d: Depth) -> PResult<'_, SearchArgs<'_>> {
    fail(i, "search (stub)")
}
/// After `"SORT"`: `[sort-return-opts] SP sort-criteria SP search-charset 1*(SP search-key)`.
pub(crate) fn sort_args(i: &[u8], _d: Depth) -> PResult<'_, SortArgs<'_>> {
    fail(i, "sort (stub)")
}
/// After `"THREAD"`: `SP thread-alg SP search-charset 1*(SP search-key)`.
pub(crate) fn thread_args(i: &[u8], _d: Depth) -> PResult<'_, ThreadArgs<'_>> {
    fail(i, "thread (stub)")
}
/// After `"ESEARCH"`: `[search-correlator] [SP "UID"] *(SP search-return-data)`.
pub(crate) fn esearch_response(i: &[u8], _d: Depth) -> PResult<'_, ESearchResponse<'_>> {
    fail(i, "esearch (stub)")
}
/// After `"THREAD"`: `*thread-list`.
pub(crate) fn thread_data(i: &[u8], _d: Depth) -> PResult<'_, Vec<Thread<'_>>> {
    fail(i, "thread (stub)")
}
