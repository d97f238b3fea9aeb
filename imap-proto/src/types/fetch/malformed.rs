//! A FETCH response item kept raw under its known name: what degrades to
//! what when a server's FETCH response breaks the grammar.

use std::borrow::Cow;

use super::super::core::{cow_str_owned, RawValue};
#[cfg(doc)]
use super::{MessageDataItem, MessageDataItemName};

/// A FETCH response item with a known name whose value could not be read,
/// kept raw: `name SP value`, where `value` is one value of the generic
/// grammar (a parenthesized list, a quoted string, a literal, or a run of
/// other bytes, as [`RawValue`]), never holding CR, LF or NUL outside a
/// literal, so it can neither end the line nor break the list.
///
/// What degrades to what, in a FETCH response (RFC 9051 §7.5.2):
///
/// - an item is first read by its grammar (`msg-att-dynamic /
///   msg-att-static`); nothing else is tried when that succeeds, so valid
///   input costs nothing more;
/// - where the grammar fails, the readings real servers need and that have
///   one meaning are taken, typed, and encoded strictly (the bytes differ,
///   the value parsed back is the same):
///   - extra parentheses around items (Domino's `(ENVELOPE (...))`) are
///     dropped;
///   - no SP between a section and its literal (`BODY[HEADER]{4}`);
///   - `NIL` inside an address list is skipped;
///   - a 9-field envelope whose last field is `NIL` has a `NIL`
///     message-id (whichever field is missing, both are `NIL`);
///   - a body part or a multipart without its subtype has a `NIL` subtype;
///   - `NIL` for a media type, subtype, encoding, parameter value or any
///     envelope and address field is kept as `NIL`;
///   - `-1` octets or lines read as 0; a one-digit day without its space
///     in a date-time is that day;
/// - otherwise the item becomes this value, its name and its raw value as
///   received; an item whose name is unknown is
///   [`MessageDataItem::Other`] instead;
/// - still an error of the whole response: a number out of its range
///   (`UID 0`, `RFC822.SIZE 2^63`, octets past 2^32 - 1), nesting past the
///   depth limit, an item list that cannot be delimited (an unbalanced
///   parenthesis, an item without a value), CR, LF or NUL outside a
///   literal.
///
/// Only the parser builds this value; it re-encodes byte for byte, and the
/// bytes parse back to the same value (they failed the item's grammar
/// once, and fail it again).
///
/// ```
/// use imap_proto::parse_response;
/// use imap_proto::types::{Data, MessageDataItem, Response};
/// // Zoho sends a mod-sequence of -1.
/// let line = b"* 40 FETCH (MODSEQ (-1) FLAGS (\\Seen))\r\n";
/// let (r, _) = parse_response(line).unwrap();
/// let Response::Data(Data::Fetch { items, .. }) = &r else { panic!() };
/// let MessageDataItem::Malformed(m) = &items[0] else { panic!() };
/// assert_eq!((m.name(), m.value().as_bytes()), ("MODSEQ", &b"(-1)"[..]));
/// assert!(matches!(items[1], MessageDataItem::Flags(_)));
/// assert_eq!(r.to_bytes(), line);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MalformedItem<'a> {
    name: Cow<'a, str>,
    value: RawValue<'a>,
}

impl<'a> MalformedItem<'a> {
    pub(crate) fn unchecked(name: &'a str, value: RawValue<'a>) -> Self {
        Self {
            name: Cow::Borrowed(name),
            value,
        }
    }
    /// The item's name as received (`MODSEQ`, `body[1]<0>`...): an atom,
    /// optionally with a `[...]` section and a suffix, as
    /// [`MessageDataItemName`] but naming a known item.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Its value, as received.
    pub fn value(&self) -> &RawValue<'a> {
        &self.value
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MalformedItem<'static> {
        MalformedItem {
            name: cow_str_owned(self.name),
            value: self.value.into_owned(),
        }
    }
}
