//! STUB: search keys, SEARCH/SORT/THREAD arguments, ESEARCH and THREAD
//! responses. To be replaced by the search area.
#![allow(missing_docs)]

use std::marker::PhantomData;

macro_rules! stub {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name<'a>(PhantomData<&'a ()>);
        impl $name<'_> {
            pub fn into_owned(self) -> $name<'static> { $name(PhantomData) }
        }
    )*};
}
stub!(
    SearchKey,
    SearchArgs,
    SortArgs,
    ThreadArgs,
    ESearchResponse,
    Thread
);
