//! The deflate codec of a session (feature `compress`): miniz_oxide's
//! streaming inflate and deflate, in bounded steps.

use std::fmt;

use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
use miniz_oxide::inflate::stream::InflateState;
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::{CompressError, INFLATE_STEP};
use crate::frame::output::Output;
use crate::frame::Framer;

/// Compression level for what a session sends: 1, miniz's fastest
/// (RFC 4978 §4: "zlib using its least CPU-intensive setting compresses
/// typical responses to 25-40% of their original size").
const LEVEL: i32 = 1;

/// The compression state of a session: off until [`Codec::start`].
#[derive(Default)]
pub(crate) struct Codec {
    on: Option<Box<Active>>,
}

struct Active {
    inflate: Box<InflateState>,
    /// Compressed bytes received and not yet inflated, from `in_pos`.
    input: Vec<u8>,
    in_pos: usize,
    /// Compressed bytes inflated so far (for error offsets).
    in_total: u64,
    /// The peer sent a final block: nothing may follow.
    ended: bool,
    /// The stream broke: everything from the peer is dropped.
    failed: bool,
    scratch: Box<[u8; INFLATE_STEP]>,
    deflate: Box<CompressorOxide>,
    /// Bytes at the front of the session's plain output queue that were
    /// queued before the switch point: they go out uncompressed.
    plain: usize,
    /// Compressed bytes to send, from `zsent`.
    zout: Vec<u8>,
    zsent: usize,
}

impl fmt::Debug for Codec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.on {
            None => f.write_str("Codec(off)"),
            Some(a) => f
                .debug_struct("Codec")
                .field("input", &(a.input.len() - a.in_pos))
                .field("in_total", &a.in_total)
                .field("failed", &a.failed)
                .field("plain", &a.plain)
                .field("zout", &(a.zout.len() - a.zsent))
                .finish(),
        }
    }
}

impl Codec {
    /// Whether compression is on.
    pub(crate) fn is_active(&self) -> bool {
        self.on.is_some()
    }

    /// The switch point: from here on input is inflated and output
    /// deflated, except the first `plain` bytes still queued in the
    /// session's output (the tagged OK of COMPRESS, and what came before).
    pub(crate) fn start(&mut self, plain: usize) {
        if self.on.is_some() {
            return;
        }
        let flags = create_comp_flags_from_zip_params(LEVEL, -15, 0);
        self.on = Some(Box::new(Active {
            inflate: InflateState::new_boxed(DataFormat::Raw),
            input: Vec::new(),
            in_pos: 0,
            in_total: 0,
            ended: false,
            failed: false,
            scratch: Box::new([0; INFLATE_STEP]),
            deflate: Box::new(CompressorOxide::new(flags)),
            plain,
            zout: Vec::new(),
            zsent: 0,
        }));
    }

    /// Compressed bytes received from the peer. They are inflated by
    /// [`Codec::refill`], when the framer needs them.
    pub(crate) fn push_input(&mut self, bytes: &[u8]) {
        let Some(a) = self.on.as_deref_mut() else {
            return;
        };
        if a.failed {
            return;
        }
        if a.in_pos > 0 && a.in_pos >= a.input.len() / 2 {
            a.input.drain(..a.in_pos);
            a.in_pos = 0;
        }
        a.input.extend_from_slice(bytes);
    }

    /// Inflates at most [`INFLATE_STEP`] bytes into `framer`. `Ok(true)`:
    /// bytes were given to the framer, poll it again; `Ok(false)`: more
    /// compressed input is needed.
    pub(crate) fn refill(&mut self, framer: &mut Framer) -> Result<bool, CompressError> {
        let Some(a) = self.on.as_deref_mut() else {
            return Ok(false);
        };
        if a.failed {
            return Ok(false);
        }
        loop {
            let input = &a.input[a.in_pos..];
            if a.ended {
                if input.is_empty() {
                    return Ok(false);
                }
                return Err(a.fail("data after the final deflate block"));
            }
            let r = miniz_oxide::inflate::stream::inflate(
                &mut a.inflate,
                input,
                &mut a.scratch[..],
                MZFlush::None,
            );
            a.in_pos += r.bytes_consumed;
            a.in_total += r.bytes_consumed as u64;
            if r.bytes_written > 0 {
                framer.push(&a.scratch[..r.bytes_written]);
                if let Ok(MZStatus::StreamEnd) = r.status {
                    a.ended = true;
                }
                return Ok(true);
            }
            match r.status {
                Ok(MZStatus::StreamEnd) => a.ended = true,
                // Block headers read, nothing out yet: go on.
                Ok(_) if r.bytes_consumed > 0 => {}
                Ok(_) | Err(MZError::Buf) => return Ok(false),
                Err(_) => return Err(a.fail("not a raw deflate stream (RFC 1951)")),
            }
        }
    }

    /// The bytes to write: first the plain bytes queued before the switch
    /// point, then `out`'s bytes deflated and sync-flushed.
    pub(crate) fn transmit<'a>(&'a mut self, out: &'a mut Output) -> Option<&'a [u8]> {
        let Some(a) = self.on.as_deref_mut() else {
            return out.pending();
        };
        if a.plain > 0 {
            return out.pending().map(|p| &p[..a.plain.min(p.len())]);
        }
        if let Some(p) = out.pending() {
            a.compress(p);
            let n = p.len();
            out.consume(n);
        }
        (a.zsent < a.zout.len()).then(|| &a.zout[a.zsent..])
    }

    /// `n` bytes of [`Codec::transmit`] were written.
    pub(crate) fn consume(&mut self, out: &mut Output, n: usize) {
        let Some(a) = self.on.as_deref_mut() else {
            return out.consume(n);
        };
        if a.plain > 0 {
            let n = n.min(a.plain);
            a.plain -= n;
            out.consume(n);
            return;
        }
        a.zsent = (a.zsent + n).min(a.zout.len());
        if a.zsent == a.zout.len() {
            a.zout.clear();
            a.zsent = 0;
        } else if a.zsent > a.zout.len() / 2 {
            a.zout.drain(..a.zsent);
            a.zsent = 0;
        }
    }

    /// Whether compressed input is waiting to be inflated.
    pub(crate) fn has_input(&self) -> bool {
        self.on
            .as_ref()
            .is_some_and(|a| !a.failed && a.in_pos < a.input.len())
    }

    /// Compressed bytes waiting to be written.
    pub(crate) fn queued(&self) -> usize {
        self.on.as_ref().map_or(0, |a| a.zout.len() - a.zsent)
    }
}

impl Active {
    fn fail(&mut self, reason: &'static str) -> CompressError {
        self.failed = true;
        self.input = Vec::new();
        self.in_pos = 0;
        CompressError::Inflate {
            offset: self.in_total,
            reason,
        }
    }

    /// Deflates `plain` onto `zout`, ending with a sync flush.
    fn compress(&mut self, plain: &[u8]) {
        let mut input = plain;
        loop {
            let old = self.zout.len();
            let room = input.len() + input.len() / 8 + 256;
            self.zout.resize(old + room, 0);
            let r = miniz_oxide::deflate::stream::deflate(
                &mut self.deflate,
                input,
                &mut self.zout[old..],
                MZFlush::Sync,
            );
            self.zout.truncate(old + r.bytes_written);
            input = &input[r.bytes_consumed..];
            // The output had room to spare: the flush is complete. (The
            // compressor reports no error for a valid configuration.)
            if r.status.is_err() || (input.is_empty() && r.bytes_written < room) {
                return;
            }
        }
    }
}
