//! Builders: one-line constructors for the common commands, responses and
//! sequence sets, on top of the types' fields. Each returns the crate's
//! [`ValidationError`](crate::types::ValidationError) where its input can
//! break a rule (a message number 0, a text with CR/LF), and never panics.

mod command;
mod response;
mod sequence;
