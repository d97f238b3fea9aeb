//! STUB: fetch attributes, sections, FETCH arguments and FETCH response
//! data items. To be replaced by the fetch area.
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
stub!(FetchArgs, Section, MessageDataItem);
