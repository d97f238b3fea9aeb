//! STUB: client commands (being written in parallel).
#![allow(missing_docs)]

use super::core::Tag;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command<'a> {
    pub tag: Tag<'a>,
    pub body: CommandBody<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandBody<'a> {
    Noop,
    #[doc(hidden)]
    Phantom(std::marker::PhantomData<&'a ()>),
}

impl Command<'_> {
    pub fn into_owned(self) -> Command<'static> {
        Command {
            tag: self.tag.into_owned(),
            body: CommandBody::Noop,
        }
    }
}
