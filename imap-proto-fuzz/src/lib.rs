//! Value generators, fuzz target bodies and property checks for
//! [imap-proto](imap_proto).
//!
//! - [`targets`]: the body of every fuzz target as a plain function of the
//!   raw input; `fuzz/` (cargo-fuzz, nightly) holds thin wrappers, and the
//!   stable test `tests/replay.rs` runs every committed seed and regression
//!   input through them.
//! - [`checks`]: the properties, shared by the targets and the tests.
//! - [`sessions`]: a `Server` and a `Client` fed arbitrary input and caller
//!   actions, for the session properties and the session fuzz targets.
//! - [`compress`]: the same past a COMPRESS=DEFLATE switch point, fed
//!   deflate streams.
//! - `strategies` (feature `proptest`, on by default): proptest strategies
//!   for every public value type, valid by construction and biased toward
//!   the edges of the grammar.
//!
//! The `arbitrary::Arbitrary` implementations live in imap-proto itself,
//! behind its `arbitrary` feature (the orphan rule keeps them out of here).
#![forbid(unsafe_code)]
#![warn(missing_docs, unreachable_pub, elided_lifetimes_in_paths)]

pub mod checks;
pub mod compress;
pub mod sessions;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod targets;
