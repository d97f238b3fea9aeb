//! Layer 1: the vocabulary. Values named after the ABNF rules of RFC 9051
//! §9 and the extension RFCs, zero-copy (`Cow`) and valid by construction:
//! every constructor checks its input ("parse, don't validate"), so no value
//! that can be built encodes to something that parses differently. Lists
//! the grammar wants non-empty, and the parser refuses empty, are
//! [`NonEmpty`]; the other lists are `Vec`. `into_owned()` detaches a value
//! from the buffer it was parsed from.

pub(crate) mod core;
pub(crate) mod datetime;

mod annotate;
mod body;
mod build;
mod capability;
pub(crate) mod code;
mod command;
mod data;
mod fetch;
pub(crate) mod filters;
mod flag;
mod fuzzy;
mod gmail;
mod inprogress;
mod mailbox;
mod mailbox_data;
mod multisearch;
mod nonempty;
mod notify;
mod number;
mod replace;
mod response;
mod search;
mod sequence;
mod state;
mod status;
mod urlauth;
mod x_command;

#[cfg(feature = "arbitrary")]
mod arbitrary;

pub use self::annotate::*;
pub use self::body::*;
pub use self::capability::{Capability, CapabilityOther};
pub use self::code::*;
pub use self::command::*;
pub use self::core::{
    AString, Atom, IString, Literal, LiteralMode, NString, ObjectId, RawValue, Secret, Tag, Text,
    ValidationError,
};
pub use self::data::*;
pub use self::datetime::{Date, DateTime};
pub use self::fetch::*;
pub use self::filters::FilterName;
pub use self::flag::{BracketKeyword, Flag, FlagExtension, FlagPerm};
pub use self::fuzzy::RelevancyScore;
pub use self::gmail::*;
pub use self::inprogress::InProgress;
pub use self::mailbox::{decode_utf7, encode_utf7, ListMailbox, Mailbox};
pub use self::mailbox_data::*;
pub use self::multisearch::*;
pub use self::nonempty::NonEmpty;
pub use self::notify::*;
pub use self::number::{Number64, NzNumber, NzNumber64};
pub use self::replace::*;
pub use self::response::*;
pub use self::search::*;
pub use self::sequence::{SeqNumber, Sequence, SequenceSet};
pub use self::state::ConnectionState;
pub use self::status::StatusAttribute;
pub use self::urlauth::*;
#[cfg(test)]
pub(crate) use self::x_command::KNOWN_COMMANDS;
pub(crate) use self::x_command::{scan_arguments, ArgsEnd};
pub use self::x_command::{OtherArguments, OtherCommandName, OtherPart};
