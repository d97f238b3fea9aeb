//! Conformance, corpus replay, session and interop tests for imap-proto.
