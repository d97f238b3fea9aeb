//! STUB: encoding of SEARCH, SORT, THREAD, ESEARCH. To be replaced.

use super::{Encode, Encoder};
use crate::types::{ESearchResponse, SearchArgs, SortArgs, Thread, ThreadArgs};

macro_rules! stub {
    ($($t:ident),*) => {$(
        impl Encode for $t<'_> {
            fn encode(&self, _e: &mut Encoder) {
                unimplemented!("stub")
            }
        }
    )*};
}
stub!(SearchArgs, SortArgs, ThreadArgs, ESearchResponse, Thread);
