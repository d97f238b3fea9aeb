//! The LIST return options of LIST-MYRIGHTS (RFC 8440) and LIST-METADATA
//! (RFC 9590). Their answers are the untagged MYRIGHTS (RFC 4314) and
//! METADATA (RFC 5464) responses, typed already, so neither extension
//! adds a LIST extended data item.

use super::core::{astring, paren_list1, sp};
use super::PResult;
use crate::types::ListReturnOption;

/// `return-option =/ "MYRIGHTS"` (RFC 8440 §5) and `return-option =/
/// "METADATA" SP "(" entry *(SP entry) ")"` (RFC 9590, `entry = astring`
/// of RFC 5464 §5), given the option's name upper-cased in `up` and the
/// input after it; `None` for another option.
#[inline]
pub(crate) fn return_option<'a>(
    up: &[u8],
    i: &'a [u8],
) -> Option<PResult<'a, ListReturnOption<'a>>> {
    match up {
        b"MYRIGHTS" => Some(Ok((i, ListReturnOption::MyRights))),
        b"METADATA" => Some(sp(i).and_then(|(i, ())| {
            paren_list1(i, astring, "entry")
                .map(|(r, entries)| (r, ListReturnOption::Metadata(entries)))
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_command;
    use crate::types::*;

    fn returns(line: &[u8]) -> Vec<ListReturnOption<'_>> {
        let (c, n) = parse_command(line).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(n, line.len());
        let again = c.to_bytes();
        assert_eq!(parse_command(&again).unwrap().0, c);
        match c.body {
            CommandBody::List { returns, .. } => returns.expect("RETURN"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rfc8440_myrights() {
        assert_eq!(
            returns(b"A01 LIST \"\" % RETURN (MYRIGHTS)\r\n"),
            vec![ListReturnOption::MyRights]
        );
        assert_eq!(
            returns(b"A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" % RETURN (myrights CHILDREN)\r\n"),
            vec![ListReturnOption::MyRights, ListReturnOption::Children]
        );
    }

    #[test]
    fn rfc9590_metadata() {
        let v = returns(
            b"A01 LIST \"\" % RETURN (METADATA (/shared/comment /private/comment) CHILDREN)\r\n",
        );
        let entries = NonEmpty::from_vec(vec![
            AString::from("/shared/comment"),
            AString::from("/private/comment"),
        ])
        .unwrap();
        assert_eq!(
            v,
            vec![
                ListReturnOption::Metadata(entries),
                ListReturnOption::Children
            ]
        );
        // With LIST-STATUS, as Stalwart's tests send it.
        returns(b"a LIST \"\" \"Meta*\" RETURN (CHILDREN STATUS (MESSAGES) METADATA (/shared/comment /private/specialuse))\r\n");
        // At least one entry; the known names are never extensions.
        assert!(parse_command(b"a LIST \"\" % RETURN (METADATA ())\r\n").is_err());
        assert!(parse_command(b"a LIST \"\" % RETURN (METADATA)\r\n").is_err());
        assert!(parse_command(b"a RENAME a b (MYRIGHTS)\r\n").is_err());
    }
}
