//! Thin wrapper: the body is `imap_proto_fuzz::targets::client_completions`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| imap_proto_fuzz::targets::client_completions(data));
