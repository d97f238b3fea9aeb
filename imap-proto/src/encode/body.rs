//! STUB: encoding of ENVELOPE and BODYSTRUCTURE. To be replaced.

use super::{Encode, Encoder};
use crate::types::{BodyStructure, Envelope};

impl Encode for Envelope<'_> {
    fn encode(&self, _e: &mut Encoder) {
        unimplemented!("stub")
    }
}

impl Encode for BodyStructure<'_> {
    fn encode(&self, _e: &mut Encoder) {
        unimplemented!("stub")
    }
}
