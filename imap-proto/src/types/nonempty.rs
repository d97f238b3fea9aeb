//! [`NonEmpty`]: lists that cannot be empty, for the grammar rules of the
//! form `item *(SP item)` or `1*item`.

use std::fmt;
use std::ops::Deref;

use super::core::ValidationError;

/// A list with at least one element, for the grammar rules of the form
/// `item *(SP item)` or `1*item`.
///
/// Where the grammar wants at least one element and the parser refuses an
/// empty list, the public field is a `NonEmpty`: an empty list there would
/// encode to bytes (`()`, or nothing at all) that do not parse back, so the
/// type keeps it from being built. These are the ENABLE capabilities, the
/// APPEND messages (MULTIAPPEND) and CATENATE parts, the CANCELUPDATE tags,
/// the STATUS items (of STATUS and of LIST's `RETURN (STATUS ...)`), the
/// LIST patterns, the GETMETADATA and SETMETADATA entries, a
/// [`SequenceSet`](super::SequenceSet)'s numbers and ranges, and the search
/// keys, sort criteria and ESEARCH ADDTO/REMOVEFROM updates. Where the
/// grammar allows an empty list (`flag-list = "(" [flag *(SP flag)] ")"`),
/// where an empty list stands for an absent one (`select-params`,
/// `fetch-modifiers`), or where the parser reads an empty list leniently
/// (`* 1 FETCH ()`, `HEADER.FIELDS ()`), the field stays a `Vec`.
///
/// Built from its first element ([`NonEmpty::new`], or `From<T>`) and
/// grown with [`push`](NonEmpty::push) or `extend`, or checked from a `Vec`
/// with [`NonEmpty::from_vec`] or `TryFrom` (an empty `Vec` is refused).
/// It reads as a slice (`Deref<Target = [T]>`): `iter`, indexing, `len`
/// (never 0), `as_slice`. It compares, hashes and prints (`Debug`) as the
/// list it holds.
///
/// ```
/// use imap_proto::types::NonEmpty;
/// let mut l = NonEmpty::new(1);
/// l.push(2);
/// assert_eq!(l.as_slice(), &[1, 2]);
/// assert_eq!(*l.first(), 1);
/// assert_eq!(l.len(), 2);
/// assert_eq!(format!("{l:?}"), "[1, 2]");
///
/// let l = NonEmpty::from_vec(vec!["a", "b"]).unwrap();
/// assert_eq!(l.into_vec(), vec!["a", "b"]);
/// assert!(NonEmpty::<u8>::from_vec(vec![]).is_err());
/// let l: NonEmpty<u8> = vec![7].try_into().unwrap();
/// assert_eq!(l, NonEmpty::new(7));
/// ```
///
/// In a command:
///
/// ```
/// use imap_proto::types::{Command, CommandBody, Mailbox, NonEmpty, StatusAttribute, Tag};
/// let mut items = NonEmpty::new(StatusAttribute::Messages);
/// items.push(StatusAttribute::UidNext);
/// let body = CommandBody::Status { mailbox: Mailbox::from("INBOX"), items };
/// let c = Command { tag: Tag::try_from("a1").unwrap(), body };
/// assert_eq!(c.to_bytes(), b"a1 STATUS INBOX (MESSAGES UIDNEXT)\r\n");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NonEmpty<T>(Vec<T>);

impl<T> NonEmpty<T> {
    /// A list of one element.
    pub fn new(first: T) -> Self {
        Self(vec![first])
    }
    /// The list `v`; an empty one is refused ("must not be empty"). The
    /// same as `TryFrom`, without naming the element type: with `From<T>`,
    /// `NonEmpty::try_from(vec)` alone could also mean a list of one `Vec`.
    pub fn from_vec(v: Vec<T>) -> Result<Self, ValidationError> {
        if v.is_empty() {
            return Err(ValidationError::new("list", "must not be empty", 0));
        }
        Ok(Self(v))
    }
    /// Built by the parser, which has read at least one element.
    pub(crate) fn unchecked(v: Vec<T>) -> Self {
        debug_assert!(!v.is_empty());
        Self(v)
    }
    /// Appends an element.
    pub fn push(&mut self, x: T) {
        self.0.push(x);
    }
    /// The first element (there always is one).
    pub fn first(&self) -> &T {
        &self.0[0]
    }
    /// The last element (the first, for a list of one).
    pub fn last(&self) -> &T {
        &self.0[self.0.len() - 1]
    }
    /// How many elements: never 0.
    #[allow(clippy::len_without_is_empty)] // never empty; the slice's is_empty says false
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// The elements.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }
    /// The elements, consuming the list.
    pub fn into_vec(self) -> Vec<T> {
        self.0
    }
    /// Applies `f` to every element, in order.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> NonEmpty<U> {
        NonEmpty(self.0.into_iter().map(f).collect())
    }
    /// Applies `f` to every element, in order, stopping at the first error.
    pub fn try_map<U, E>(self, f: impl FnMut(T) -> Result<U, E>) -> Result<NonEmpty<U>, E> {
        self.0
            .into_iter()
            .map(f)
            .collect::<Result<_, _>>()
            .map(NonEmpty)
    }
}

impl<T> Deref for NonEmpty<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> AsRef<[T]> for NonEmpty<T> {
    fn as_ref(&self) -> &[T] {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for NonEmpty<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl<T> From<T> for NonEmpty<T> {
    fn from(x: T) -> Self {
        Self::new(x)
    }
}

impl<T> TryFrom<Vec<T>> for NonEmpty<T> {
    type Error = ValidationError;
    /// The list `v`; an empty one is refused ([`NonEmpty::from_vec`]).
    fn try_from(v: Vec<T>) -> Result<Self, ValidationError> {
        Self::from_vec(v)
    }
}

impl<T> From<NonEmpty<T>> for Vec<T> {
    fn from(n: NonEmpty<T>) -> Vec<T> {
        n.0
    }
}

impl<T> Extend<T> for NonEmpty<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl<T> IntoIterator for NonEmpty<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'n, T> IntoIterator for &'n NonEmpty<T> {
    type Item = &'n T;
    type IntoIter = std::slice::Iter<'n, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::NonEmpty;

    #[test]
    fn never_empty() {
        let mut l = NonEmpty::new('a');
        assert_eq!((l.len(), l.is_empty()), (1, false));
        assert_eq!((*l.first(), *l.last()), ('a', 'a'));
        l.extend(['b', 'c']);
        assert_eq!((l.len(), *l.first(), *l.last()), (3, 'a', 'c'));
        assert_eq!(l[1], 'b');
        let e = NonEmpty::<char>::try_from(Vec::new()).unwrap_err();
        assert_eq!((e.what, e.reason, e.at), ("list", "must not be empty", 0));
        assert_eq!(NonEmpty::<char>::from_vec(Vec::new()), Err(e));
    }

    #[test]
    fn map_keeps_order_and_try_map_stops() {
        let l = NonEmpty::from_vec(vec![1, 2, 3]).unwrap();
        assert_eq!(l.clone().map(|x| x * 10).as_slice(), &[10, 20, 30]);
        assert_eq!(
            l.clone().try_map(|x| if x < 3 { Ok(x) } else { Err(x) }),
            Err(3)
        );
        let ok: Result<_, ()> = l.try_map(|x| Ok(x + 1));
        assert_eq!(ok.unwrap().into_vec(), vec![2, 3, 4]);
    }

    #[test]
    fn compares_and_prints_as_its_list() {
        let a = NonEmpty::from_vec(vec![1, 2]).unwrap();
        let mut b = NonEmpty::new(1);
        b.push(2);
        assert_eq!(a, b);
        assert_ne!(a, NonEmpty::new(1));
        assert_eq!(format!("{a:?}"), format!("{:?}", vec![1, 2]));
        assert_eq!(format!("{a:#?}"), format!("{:#?}", vec![1, 2]));
        let v: Vec<i32> = a.clone().into();
        assert_eq!(v, vec![1, 2]);
        assert_eq!(a.iter().sum::<i32>(), 3);
        assert_eq!((&a).into_iter().count(), 2);
    }
}
