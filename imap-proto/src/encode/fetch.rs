//! STUB: encoding of FETCH arguments and response items. To be replaced.

use super::{Encode, Encoder};
use crate::types::{FetchArgs, MessageDataItem};

impl Encode for FetchArgs<'_> {
    fn encode(&self, _e: &mut Encoder) {
        unimplemented!("stub")
    }
}

impl Encode for MessageDataItem<'_> {
    fn encode(&self, _e: &mut Encoder) {
        unimplemented!("stub")
    }
}
