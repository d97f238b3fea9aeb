//! The grammar of FUZZY (RFC 6203 §7) that is not a one-word keyword:
//! the relevancy scores of ESEARCH. The `FUZZY` search key, the
//! `RELEVANCY` return option and sort key are arms of `parse::search`.

use super::core::paren_list;
use super::{fail, PResult};
use crate::types::RelevancyScore;

/// `score = 1*3DIGIT ;; (1 <= n <= 100)` (RFC 6203 §7).
pub(crate) fn score(i: &[u8]) -> PResult<'_, RelevancyScore> {
    let n = i.iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return fail(i, "score (1 to 100)");
    }
    let v = i[..n]
        .iter()
        .fold(0u16, |v, &d| v * 10 + u16::from(d - b'0'));
    match u8::try_from(v).ok().map(RelevancyScore::new) {
        Some(Ok(s)) => Ok((&i[n..], s)),
        _ => fail(i, "score (1 to 100)"),
    }
}

/// `score-list = "(" [score *(SP score)] ")"` (RFC 6203 §7).
pub(crate) fn score_list(i: &[u8]) -> PResult<'_, Vec<RelevancyScore>> {
    paren_list(i, score)
}

#[cfg(test)]
mod tests {
    use crate::types::*;
    use crate::{parse_command, parse_response};

    fn score(n: u8) -> RelevancyScore {
        RelevancyScore::new(n).unwrap()
    }

    #[test]
    fn rfc6203_search_and_sort_are_typed() {
        let (c, _) =
            parse_command(b"B1 SEARCH RETURN (RELEVANCY ALL) FUZZY TEXT \"Helo\"\r\n").unwrap();
        let CommandBody::Search { args, .. } = c.body else {
            panic!()
        };
        assert_eq!(
            args.return_opts,
            Some(vec![SearchReturnOption::Relevancy, SearchReturnOption::All])
        );
        assert_eq!(
            args.keys.as_slice(),
            &[SearchKey::Fuzzy(Box::new(SearchKey::Text(AString::from(
                "Helo"
            ))))]
        );
        let (c, _) =
            parse_command(b"C1 SORT (REVERSE relevancy) UTF-8 FUZZY SUBJECT \"Helo\"\r\n").unwrap();
        let CommandBody::Sort { args, .. } = &c.body else {
            panic!()
        };
        assert_eq!(args.criteria.as_slice()[0].key, SortKey::Relevancy);
        assert_eq!(
            c.to_bytes(),
            b"C1 SORT (REVERSE RELEVANCY) UTF-8 FUZZY SUBJECT Helo\r\n"
        );
        assert!(SortKeyOther::new(Atom::new("Relevancy").unwrap()).is_err());
        assert!(SearchReturnOptionExt::new(Atom::new("relevancy").unwrap(), None).is_err());
    }

    #[test]
    fn rfc6203_relevancy_data() {
        let (r, _) =
            parse_response(b"* ESEARCH (TAG \"B1\") ALL 1,5,10 RELEVANCY (4 99 42)\r\n").unwrap();
        let Response::Data(Data::ESearch(e)) = &r else {
            panic!()
        };
        assert_eq!(
            e.data[1],
            ESearchReturnData::Relevancy(vec![score(4), score(99), score(42)])
        );
        assert_eq!(
            r.to_bytes(),
            b"* ESEARCH (TAG \"B1\") ALL 1,5,10 RELEVANCY (4 99 42)\r\n"
        );
        // `score-list` may be empty; `1*3DIGIT` with leading zeros reads
        // as its value.
        let (r, _) = parse_response(b"* ESEARCH RELEVANCY ()\r\n").unwrap();
        assert_eq!(r.to_bytes(), b"* ESEARCH RELEVANCY ()\r\n");
        let (r, _) = parse_response(b"* ESEARCH RELEVANCY (007 100)\r\n").unwrap();
        assert_eq!(r.to_bytes(), b"* ESEARCH RELEVANCY (7 100)\r\n");
        // Outside 1 to 100: refused where the score starts.
        for (line, at) in [
            (&b"* ESEARCH RELEVANCY (0)\r\n"[..], 21),
            (b"* ESEARCH RELEVANCY (4 101)\r\n", 23),
            (b"* ESEARCH RELEVANCY (1000)\r\n", 21),
        ] {
            let e = parse_response(line).unwrap_err();
            assert_eq!(e.offset(), Some(at), "{e}");
        }
    }

    #[test]
    fn fuzzy_nests_within_the_depth_limit() {
        let deep = format!("A SEARCH {}ALL\r\n", "FUZZY ".repeat(200));
        let e = parse_command(deep.as_bytes()).unwrap_err();
        assert!(matches!(e, crate::ParseError::Limit { .. }), "{e}");
        let ok = format!("A SEARCH {}ALL\r\n", "FUZZY ".repeat(10));
        let (c, _) = parse_command(ok.as_bytes()).unwrap();
        assert_eq!(c.to_bytes(), ok.as_bytes());
    }
}
