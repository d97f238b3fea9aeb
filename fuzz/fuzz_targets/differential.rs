//! Thin wrapper: the body is `imap_proto_differential::fuzz_body` (first
//! byte: 0 a command, 1 a server message; see fuzz/README.md for what it
//! flags).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| imap_proto_differential::fuzz_body(data));
