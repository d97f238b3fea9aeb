//! The grammar of FILTERS (RFC 5466 §4): the `FILTER` search key's
//! argument. The key itself is an arm of `parse::search`.

use super::core::ascii;
use super::{fail, PResult};
use crate::types::filters::is_filter_char;
use crate::types::FilterName;

/// `filter-name = 1*<any ATOM-CHAR except "/">` (RFC 5466 §4).
pub(crate) fn filter_name(i: &[u8]) -> PResult<'_, FilterName<'_>> {
    let n = crate::fast::span(i, is_filter_char);
    if n == 0 {
        return fail(i, "filter-name");
    }
    Ok((&i[n..], FilterName::unchecked(ascii(&i[..n]))))
}

#[cfg(test)]
mod tests {
    use crate::parse_command;
    use crate::types::*;

    #[test]
    fn rfc5466_filter_key() {
        let line = b"a SEARCH UID 300:900 FILTER on-the-road SINCE 3-Dec-2002\r\n";
        let (c, _) = parse_command(line).unwrap();
        assert_eq!(c.to_bytes(), line);
        let CommandBody::Search { args, .. } = c.body else {
            panic!()
        };
        assert_eq!(
            args.keys.as_slice()[1],
            SearchKey::Filter(FilterName::new("on-the-road").unwrap())
        );
        let (c, _) = parse_command(b"a SEARCH NOT filter x\r\n").unwrap();
        assert_eq!(c.to_bytes(), b"a SEARCH NOT FILTER x\r\n");
        // "/" ends the name: what follows is not a key.
        let e = parse_command(b"a SEARCH FILTER a/b\r\n").unwrap_err();
        assert_eq!(e.offset(), Some(17), "{e}");
        assert!(parse_command(b"a SEARCH FILTER \"quoted\"\r\n").is_err());
    }
}
