//! STUB: ENVELOPE and BODYSTRUCTURE values. To be replaced by the body area.
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
stub!(Envelope, Address, BodyStructure);
