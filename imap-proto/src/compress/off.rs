//! Without the feature `compress`: a codec that is never on, so the
//! sessions keep COMPRESS as a plain switch point.

use super::CompressError;
use crate::frame::output::Output;
use crate::frame::Framer;

/// Never active.
#[derive(Debug, Default)]
pub(crate) struct Codec {
    _off: (),
}

impl Codec {
    pub(crate) fn is_active(&self) -> bool {
        false
    }
    pub(crate) fn start(&mut self, _plain: usize) {}
    pub(crate) fn push_input(&mut self, _bytes: &[u8]) {}
    pub(crate) fn refill(&mut self, _framer: &mut Framer) -> Result<bool, CompressError> {
        Ok(false)
    }
    pub(crate) fn transmit<'a>(&'a mut self, out: &'a mut Output) -> Option<&'a [u8]> {
        out.pending()
    }
    pub(crate) fn consume(&mut self, out: &mut Output, n: usize) {
        out.consume(n)
    }
    pub(crate) fn has_input(&self) -> bool {
        false
    }
    pub(crate) fn queued(&self) -> usize {
        0
    }
}
