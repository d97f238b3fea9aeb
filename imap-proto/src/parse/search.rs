//! The grammar of SEARCH, SORT and THREAD commands and of the ESEARCH and
//! THREAD responses (RFC 9051 §9, RFC 3501 §9, RFC 4466 §3, RFC 4731 §4,
//! RFC 5032 §3, RFC 5182 §3, RFC 5256 §5, RFC 5267 §5, RFC 5957, RFC 7162
//! §7, RFC 8474 §7, RFC 8514 §5, RFC 9394 §4).
//!
//! Keywords are read as an atom and matched case-insensitively in one
//! `match`, never tried one after another. Search keys and thread lists
//! nest; every level goes through [`Depth::enter`].

use super::core::{
    astring, at_keyword, atom, atom_bytes, byte, date, keyword, literal, nil, number, number64,
    nz_number, quoted, raw_value, sequence_set, sp,
};
use super::{fail, Depth, PResult};
use crate::types::{
    is_ext_value_start, AString, ContextUpdate, Date, ESearchResponse, ESearchReturnData,
    ESearchReturnDataExt, IString, ModSeqEntry, ModSeqEntryType, NonEmpty, ObjectId, PartialRange,
    SearchArgs, SearchKey, SearchReturnOption, SearchReturnOptionExt, SortArgs, SortCriterion,
    SortKey, SortKeyOther, Thread, ThreadAlgorithm, ThreadAlgorithmOther, ThreadArgs,
};

/// Number of spaces at the start of `i`.
#[inline]
fn spaces(i: &[u8]) -> usize {
    i.iter().take_while(|&&b| b == b' ').count()
}

/// Whether another item follows in a space-separated run: one or more
/// spaces, then something other than the end of the line or a `)`.
/// Returns the input after the spaces.
#[inline]
fn next_item(i: &[u8]) -> Option<&[u8]> {
    let n = spaces(i);
    if n == 0 {
        return None;
    }
    match i.get(n) {
        None | Some(b'\r' | b'\n' | b')') => None,
        Some(_) => Some(&i[n..]),
    }
}

fn sp_then<'a, T>(i: &'a [u8], f: impl FnOnce(&'a [u8]) -> PResult<'a, T>) -> PResult<'a, T> {
    let (i, ()) = sp(i)?;
    f(i)
}

/// `search-key *(SP search-key)`: one or more keys, stopping before the
/// end of the line or a `)`.
fn search_keys(i: &[u8], depth: Depth) -> PResult<'_, NonEmpty<SearchKey<'_>>> {
    let (mut i, k) = search_key(i, depth)?;
    let mut keys = vec![k];
    while let Some(r) = next_item(i) {
        let (r, k) = search_key(r, depth)?;
        keys.push(k);
        i = r;
    }
    Ok((i, NonEmpty::unchecked(keys)))
}

/// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")` (RFC 8474 §7).
fn objectid(i: &[u8]) -> PResult<'_, ObjectId<'_>> {
    let n = crate::fast::span(i, crate::fast::is_objectid_char);
    if n == 0 || n > 255 {
        return fail(i, "objectid");
    }
    // ASCII by the character class.
    let s = std::str::from_utf8(&i[..n]).unwrap_or_default();
    Ok((&i[n..], ObjectId::unchecked(s)))
}

/// `entry-type-req = "priv" / "shared" / "all"` (RFC 7162 §7).
fn entry_type_req(i: &[u8]) -> PResult<'_, ModSeqEntryType> {
    let (r, a) = atom_bytes(i)?;
    let t = if a.eq_ignore_ascii_case(b"priv") {
        ModSeqEntryType::Priv
    } else if a.eq_ignore_ascii_case(b"shared") {
        ModSeqEntryType::Shared
    } else if a.eq_ignore_ascii_case(b"all") {
        ModSeqEntryType::All
    } else {
        return fail(i, "entry-type-req (priv, shared or all)");
    };
    Ok((r, t))
}

/// `search-modsequence = "MODSEQ" [search-modseq-ext] SP
/// mod-sequence-valzer`, `search-modseq-ext = SP entry-name SP
/// entry-type-req`, `entry-name = DQUOTE "/flags/" attr-flag DQUOTE` (RFC
/// 7162 §7), after "MODSEQ" SP. The entry name is read as any string
/// (lenient: a literal too).
fn search_modsequence(i: &[u8]) -> PResult<'_, SearchKey<'_>> {
    let (i, entry) = match i.first() {
        Some(b'"') => {
            let (i, name) = quoted(i)?;
            let (i, kind) = sp_then(i, entry_type_req)?;
            let (i, ()) = sp(i)?;
            (i, Some((IString::new(name), kind)))
        }
        Some(b'{') => {
            let (i, l) = literal(i)?;
            let (i, kind) = sp_then(i, entry_type_req)?;
            let (i, ()) = sp(i)?;
            (i, Some((IString::new(l.data), kind)))
        }
        _ => (i, None),
    };
    let (i, value) = number64(i)?;
    Ok((
        i,
        SearchKey::ModSeq {
            entry: entry.map(|(name, kind)| ModSeqEntry { name, kind }),
            value,
        },
    ))
}

/// `SP astring` after a key's name.
fn astr<'a>(i: &'a [u8], f: fn(AString<'a>) -> SearchKey<'a>) -> PResult<'a, SearchKey<'a>> {
    sp_then(i, astring).map(|(r, s)| (r, f(s)))
}

/// `SP date` after a key's name.
fn dt<'a>(i: &'a [u8], f: fn(Date) -> SearchKey<'a>) -> PResult<'a, SearchKey<'a>> {
    sp_then(i, date).map(|(r, d)| (r, f(d)))
}

/// `search-key = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date /
/// "BODY" SP astring / "CC" SP astring / "DELETED" / "FLAGGED" / "FROM" SP
/// astring / "KEYWORD" SP flag-keyword / "ON" SP date / "SEEN" / "SINCE" SP
/// date / "SUBJECT" SP astring / "TEXT" SP astring / "TO" SP astring /
/// "UNANSWERED" / "UNDELETED" / "UNFLAGGED" / "UNKEYWORD" SP flag-keyword /
/// "UNSEEN" / "DRAFT" / "HEADER" SP header-fld-name SP astring / "LARGER"
/// SP number64 / "NOT" SP search-key / "OR" SP search-key SP search-key /
/// "SENTBEFORE" SP date / "SENTON" SP date / "SENTSINCE" SP date /
/// "SMALLER" SP number64 / "UID" SP sequence-set / "UNDRAFT" / sequence-set
/// / "(" search-key *(SP search-key) ")"` (RFC 9051 §9), with `"NEW" /
/// "OLD" / "RECENT"` (RFC 3501 §9), `search-modsequence` (RFC 7162 §7),
/// `("OLDER" / "YOUNGER") SP nz-number` (RFC 5032 §3), `"SAVEDBEFORE" SP
/// date / "SAVEDON" SP date / "SAVEDSINCE" SP date / "SAVEDATESUPPORTED"`
/// (RFC 8514 §5), `"EMAILID" SP objectid / "THREADID" SP objectid` (RFC
/// 8474 §7), `"FILTER" SP filter-name` (RFC 5466 §4), `"FUZZY" SP
/// search-key` (RFC 6203 §7) and Gmail's keys (`parse::gmail`).
pub(crate) fn search_key(i: &[u8], depth: Depth) -> PResult<'_, SearchKey<'_>> {
    match i.first() {
        Some(b'(') => {
            let d = depth.enter(i)?;
            let r = &i[1..];
            let r = &r[spaces(r)..];
            let (r, keys) = search_keys(r, d)?;
            let r = &r[spaces(r)..];
            let (r, ()) = byte(b')', "SP or \")\" closing the search keys")(r)?;
            return Ok((r, SearchKey::Group(keys)));
        }
        Some(b'0'..=b'9' | b'*' | b'$') => {
            return sequence_set(i).map(|(r, s)| (r, SearchKey::SequenceSet(s)));
        }
        _ => {}
    }
    let (r, name) = atom_bytes(i)?;
    let mut buf = [0u8; crate::fast::KEYWORD_MAX];
    let Some(up) = crate::fast::upper(name, &mut buf) else {
        return fail(i, "search-key");
    };
    use SearchKey as K;
    match up {
        b"ALL" => Ok((r, K::All)),
        b"ANSWERED" => Ok((r, K::Answered)),
        b"BCC" => astr(r, K::Bcc),
        b"BEFORE" => dt(r, K::Before),
        b"BODY" => astr(r, K::Body),
        b"CC" => astr(r, K::Cc),
        b"DELETED" => Ok((r, K::Deleted)),
        b"DRAFT" => Ok((r, K::Draft)),
        b"FLAGGED" => Ok((r, K::Flagged)),
        b"FROM" => astr(r, K::From),
        b"HEADER" => {
            let (r, name) = sp_then(r, astring)?;
            let (r, value) = sp_then(r, astring)?;
            Ok((r, K::Header(name, value)))
        }
        b"KEYWORD" => sp_then(r, atom).map(|(r, a)| (r, K::Keyword(a))),
        b"LARGER" => sp_then(r, number64).map(|(r, n)| (r, K::Larger(n))),
        b"NEW" => Ok((r, K::New)),
        b"NOT" => {
            let d = depth.enter(i)?;
            let (r, ()) = sp(r)?;
            let (r, k) = search_key(r, d)?;
            Ok((r, K::Not(Box::new(k))))
        }
        b"OLD" => Ok((r, K::Old)),
        b"ON" => dt(r, K::On),
        b"OR" => {
            let d = depth.enter(i)?;
            let (r, ()) = sp(r)?;
            let (r, a) = search_key(r, d)?;
            let (r, ()) = sp(r)?;
            let (r, b) = search_key(r, d)?;
            Ok((r, K::Or(Box::new(a), Box::new(b))))
        }
        b"RECENT" => Ok((r, K::Recent)),
        b"SEEN" => Ok((r, K::Seen)),
        b"SENTBEFORE" => dt(r, K::SentBefore),
        b"SENTON" => dt(r, K::SentOn),
        b"SENTSINCE" => dt(r, K::SentSince),
        b"SINCE" => dt(r, K::Since),
        b"SMALLER" => sp_then(r, number64).map(|(r, n)| (r, K::Smaller(n))),
        b"SUBJECT" => astr(r, K::Subject),
        b"TEXT" => astr(r, K::Text),
        b"TO" => astr(r, K::To),
        b"UID" => sp_then(r, sequence_set).map(|(r, s)| (r, K::Uid(s))),
        b"UNANSWERED" => Ok((r, K::Unanswered)),
        b"UNDELETED" => Ok((r, K::Undeleted)),
        b"UNDRAFT" => Ok((r, K::Undraft)),
        b"UNFLAGGED" => Ok((r, K::Unflagged)),
        b"UNKEYWORD" => sp_then(r, atom).map(|(r, a)| (r, K::Unkeyword(a))),
        b"UNSEEN" => Ok((r, K::Unseen)),
        b"MODSEQ" => sp_then(r, search_modsequence),
        b"OLDER" => sp_then(r, nz_number).map(|(r, n)| (r, K::Older(n))),
        b"YOUNGER" => sp_then(r, nz_number).map(|(r, n)| (r, K::Younger(n))),
        b"SAVEDBEFORE" => dt(r, K::SavedBefore),
        b"SAVEDON" => dt(r, K::SavedOn),
        b"SAVEDSINCE" => dt(r, K::SavedSince),
        b"SAVEDATESUPPORTED" => Ok((r, K::SaveDateSupported)),
        b"EMAILID" => sp_then(r, objectid).map(|(r, o)| (r, K::EmailId(o))),
        b"THREADID" => sp_then(r, objectid).map(|(r, o)| (r, K::ThreadId(o))),
        // `search-key =/ "ANNOTATION" ...` (RFC 5257 §5).
        b"ANNOTATION" => super::annotate::search_key(r).map(|(r, a)| (r, K::Annotation(a))),
        // `search-key =/ "FILTER" SP filter-name` (RFC 5466 §4).
        b"FILTER" => sp_then(r, super::filters::filter_name).map(|(r, n)| (r, K::Filter(n))),
        // `search-key =/ "FUZZY" SP search-key` (RFC 6203 §7).
        b"FUZZY" => {
            let d = depth.enter(i)?;
            let (r, k) = sp_then(r, |r| search_key(r, d))?;
            Ok((r, K::Fuzzy(Box::new(k))))
        }
        _ => match super::gmail::search_key(up, r) {
            Some(k) => k.map(|(r, g)| (r, K::Gmail(g))),
            None => fail(i, "search-key"),
        },
    }
}

/// `partial-range = partial-range-first / partial-range-last`,
/// `partial-range-first = nz-number ":" nz-number`, `partial-range-last =
/// MINUS nz-number ":" MINUS nz-number` (RFC 9394 §4, RFC 5267 §5).
fn partial_range(i: &[u8]) -> PResult<'_, PartialRange> {
    match i.first() {
        Some(b'-') => {
            let (r, a) = nz_number(&i[1..])?;
            let (r, ()) = byte(b':', "\":\" in partial-range")(r)?;
            let (r, ()) = byte(b'-', "\"-\" in partial-range-last")(r)?;
            let (r, b) = nz_number(r)?;
            Ok((r, PartialRange::Last(a, b)))
        }
        _ => {
            let (r, a) = nz_number(i)?;
            let (r, ()) = byte(b':', "\":\" in partial-range")(r)?;
            let (r, b) = nz_number(r)?;
            Ok((r, PartialRange::First(a, b)))
        }
    }
}

/// `search-return-opt = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE" /
/// search-ret-opt-ext` (RFC 9051 §9), `modifier-context / modifier-partial
/// / modifier-update` (RFC 5267 §5, RFC 9394 §4), `search-ret-opt-ext =
/// search-modifier-name [SP search-mod-params]` (RFC 4466 §3).
fn search_return_opt(i: &[u8], depth: Depth) -> PResult<'_, SearchReturnOption<'_>> {
    let (r, name) = atom(i)?;
    let mut buf = [0u8; crate::fast::KEYWORD_MAX];
    use SearchReturnOption as O;
    let known = match crate::fast::upper(name.as_str().as_bytes(), &mut buf) {
        Some(b"MIN") => Some(O::Min),
        Some(b"MAX") => Some(O::Max),
        Some(b"ALL") => Some(O::All),
        Some(b"COUNT") => Some(O::Count),
        Some(b"SAVE") => Some(O::Save),
        Some(b"CONTEXT") => Some(O::Context),
        Some(b"UPDATE") => {
            // RFC 5465's modifier-update: "UPDATE" ["(" fetch-att ...")"];
            // lenient: with SP before the "(", as its §7 example sends it.
            let at = match (r.first(), r.get(1)) {
                (Some(b'('), _) => Some(r),
                (Some(b' '), Some(b'(')) => Some(&r[1..]),
                _ => None,
            };
            match at {
                Some(l) => {
                    return crate::parse::core::paren_list1(
                        l,
                        super::fetch::fetch_att,
                        "fetch-att",
                    )
                    .map(|(r, v)| (r, O::UpdateFetch(v)));
                }
                None => Some(O::Update),
            }
        }
        Some(b"RELEVANCY") => Some(O::Relevancy),
        Some(b"PARTIAL") => {
            return sp_then(r, partial_range).map(|(r, p)| (r, O::Partial(p)));
        }
        _ => None,
    };
    if let Some(o) = known {
        return Ok((r, o));
    }
    if is_ext_value_start(name.as_str().as_bytes()) {
        return fail(i, "search-modifier-name");
    }
    let (r, value) = match next_item(r) {
        Some(v) if is_ext_value_start(v) => {
            let (r, v) = raw_value(v, depth)?;
            (r, Some(v))
        }
        _ => (r, None),
    };
    match SearchReturnOptionExt::new(name, value) {
        Ok(x) => Ok((r, O::Other(x))),
        Err(_) => fail(i, "search-ret-opt-ext"),
    }
}

/// `search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP
/// search-return-opt)] ")"` (RFC 9051 §9), from "RETURN" on.
fn search_return_opts(i: &[u8], depth: Depth) -> PResult<'_, Vec<SearchReturnOption<'_>>> {
    let (i, ()) = keyword("RETURN")(i)?;
    let (i, ()) = sp(i)?;
    let (mut i, ()) = byte(b'(', "\"(\" opening the return options")(i)?;
    let mut out = Vec::new();
    loop {
        i = &i[spaces(i)..];
        if let Some(b')') = i.first() {
            return Ok((&i[1..], out));
        }
        let (r, o) = search_return_opt(i, depth)?;
        out.push(o);
        match r.first() {
            Some(b' ' | b')') => i = r,
            _ => return fail(r, "SP or \")\" after a return option"),
        }
    }
}

/// `charset = atom / quoted` (RFC 9051 §9, RFC 5256 §5); RFC 3501 has
/// `"CHARSET" SP astring` for SEARCH, so any astring is taken.
fn charset(i: &[u8]) -> PResult<'_, AString<'_>> {
    astring(i)
}

/// After the keyword `"SEARCH"`: `[search-return-opts] SP search-program`,
/// `search-program = ["CHARSET" SP charset SP] search-key *(SP
/// search-key)` (RFC 9051 §9, RFC 4466 §3). Stops before CRLF.
pub(crate) fn search_args(i: &[u8], depth: Depth) -> PResult<'_, SearchArgs<'_>> {
    let (i, ()) = sp(i)?;
    let (i, return_opts) = if at_keyword(i, b"RETURN") {
        let (i, o) = search_return_opts(i, depth)?;
        let (i, ()) = sp(i)?;
        (i, Some(o))
    } else {
        (i, None)
    };
    let (i, charset) = if at_keyword(i, b"CHARSET") {
        let (i, c) = sp_then(&i[7..], charset)?;
        let (i, ()) = sp(i)?;
        (i, Some(c))
    } else {
        (i, None)
    };
    let (i, keys) = search_keys(i, depth)?;
    Ok((
        i,
        SearchArgs {
            return_opts,
            charset,
            keys,
        },
    ))
}

/// `sort-key = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" /
/// "TO"` (RFC 5256 §5), `"DISPLAYFROM" / "DISPLAYTO"` (RFC 5957 §4), or
/// another atom.
fn sort_key(i: &[u8]) -> PResult<'_, SortKey<'_>> {
    let (r, a) = atom(i)?;
    let mut buf = [0u8; crate::fast::KEYWORD_MAX];
    let k = match crate::fast::upper(a.as_str().as_bytes(), &mut buf) {
        Some(b"ARRIVAL") => SortKey::Arrival,
        Some(b"CC") => SortKey::Cc,
        Some(b"DATE") => SortKey::Date,
        Some(b"FROM") => SortKey::From,
        Some(b"SIZE") => SortKey::Size,
        Some(b"SUBJECT") => SortKey::Subject,
        Some(b"TO") => SortKey::To,
        Some(b"DISPLAYFROM") => SortKey::DisplayFrom,
        Some(b"DISPLAYTO") => SortKey::DisplayTo,
        Some(b"RELEVANCY") => SortKey::Relevancy,
        Some(b"ANNOTATION") => {
            let (r, (entry, attrib)) = super::annotate::sort_key(r)?;
            return Ok((r, SortKey::Annotation { entry, attrib }));
        }
        _ => match SortKeyOther::new(a) {
            Ok(o) => SortKey::Other(o),
            Err(_) => return fail(i, "sort-key"),
        },
    };
    Ok((r, k))
}

/// `sort-criterion = ["REVERSE" SP] sort-key` (RFC 5256 §5).
fn sort_criterion(i: &[u8]) -> PResult<'_, SortCriterion<'_>> {
    if at_keyword(i, b"REVERSE") {
        let (r, key) = sp_then(&i[7..], sort_key)?;
        return Ok((r, SortCriterion { reverse: true, key }));
    }
    let (r, key) = sort_key(i)?;
    Ok((
        r,
        SortCriterion {
            reverse: false,
            key,
        },
    ))
}

/// `sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"` (RFC 5256
/// §5).
fn sort_criteria(i: &[u8]) -> PResult<'_, NonEmpty<SortCriterion<'_>>> {
    let (i, ()) = byte(b'(', "\"(\" opening the sort criteria")(i)?;
    let i = &i[spaces(i)..];
    let (mut i, c) = sort_criterion(i)?;
    let mut out = vec![c];
    while let Some(r) = next_item(i) {
        let (r, c) = sort_criterion(r)?;
        out.push(c);
        i = r;
    }
    let i = &i[spaces(i)..];
    let (i, ()) = byte(b')', "SP or \")\" closing the sort criteria")(i)?;
    Ok((i, NonEmpty::unchecked(out)))
}

/// After the keyword `"SORT"`: `[search-return-opts] SP sort-criteria SP
/// search-criteria`, `search-criteria = charset 1*(SP search-key)` (RFC
/// 5256 §5, RFC 5267 §5 `extended-sort`). Stops before CRLF.
pub(crate) fn sort_args(i: &[u8], depth: Depth) -> PResult<'_, SortArgs<'_>> {
    let (i, ()) = sp(i)?;
    let (i, return_opts) = if at_keyword(i, b"RETURN") {
        let (i, o) = search_return_opts(i, depth)?;
        let (i, ()) = sp(i)?;
        (i, Some(o))
    } else {
        (i, None)
    };
    let (i, criteria) = sort_criteria(i)?;
    let (i, charset) = sp_then(i, charset)?;
    let (i, keys) = sp_then(i, |i| search_keys(i, depth))?;
    Ok((
        i,
        SortArgs {
            return_opts,
            criteria,
            charset,
            keys,
        },
    ))
}

/// `thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext`,
/// `thread-alg-ext = atom` (RFC 5256 §5), and `REFS`.
fn thread_alg(i: &[u8]) -> PResult<'_, ThreadAlgorithm<'_>> {
    let (r, a) = atom(i)?;
    let s = a.as_str();
    let alg = if s.eq_ignore_ascii_case("ORDEREDSUBJECT") {
        ThreadAlgorithm::OrderedSubject
    } else if s.eq_ignore_ascii_case("REFERENCES") {
        ThreadAlgorithm::References
    } else if s.eq_ignore_ascii_case("REFS") {
        ThreadAlgorithm::Refs
    } else {
        match ThreadAlgorithmOther::new(a) {
            Ok(o) => ThreadAlgorithm::Other(o),
            Err(_) => return fail(i, "thread-alg"),
        }
    };
    Ok((r, alg))
}

/// After the keyword `"THREAD"`: `SP thread-alg SP search-criteria` (RFC
/// 5256 §5). Stops before CRLF.
pub(crate) fn thread_args(i: &[u8], depth: Depth) -> PResult<'_, ThreadArgs<'_>> {
    let (i, algorithm) = sp_then(i, thread_alg)?;
    let (i, charset) = sp_then(i, charset)?;
    let (i, keys) = sp_then(i, |i| search_keys(i, depth))?;
    Ok((
        i,
        ThreadArgs {
            algorithm,
            charset,
            keys,
        },
    ))
}

/// `"(" context-position SP sequence-set *(SP context-position SP
/// sequence-set) ")"` of `ret-data-addto` and `ret-data-removefrom` (RFC
/// 5267 §5).
fn context_updates(i: &[u8]) -> PResult<'_, NonEmpty<ContextUpdate>> {
    let (i, ()) = byte(b'(', "\"(\"")(i)?;
    let mut i = &i[spaces(i)..];
    let mut out = Vec::new();
    loop {
        let (r, position) = number(i)?;
        let (r, set) = sp_then(r, sequence_set)?;
        out.push(ContextUpdate { position, set });
        match next_item(r) {
            Some(r) => i = r,
            None => {
                let r = &r[spaces(r)..];
                let (r, ()) = byte(b')', "SP or \")\"")(r)?;
                return Ok((r, NonEmpty::unchecked(out)));
            }
        }
    }
}

/// `ret-data-partial = "PARTIAL" SP "(" partial-range SP partial-results
/// ")"`, `partial-results = sequence-set / "NIL"` (RFC 9394 §4), after
/// "PARTIAL" SP.
fn ret_data_partial(i: &[u8]) -> PResult<'_, ESearchReturnData<'_>> {
    let (i, ()) = byte(b'(', "\"(\"")(i)?;
    let (i, range) = partial_range(i)?;
    let (i, ()) = sp(i)?;
    let (i, results) = match nil(i) {
        Ok((i, ())) => (i, None),
        Err(_) => {
            let (i, s) = sequence_set(i)?;
            (i, Some(s))
        }
    };
    let (i, ()) = byte(b')', "\")\"")(i)?;
    Ok((i, ESearchReturnData::Partial { range, results }))
}

/// `search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP
/// sequence-set / "COUNT" SP number / search-ret-data-ext` (RFC 9051 §9),
/// `"MODSEQ" SP mod-sequence-value` (RFC 4731 §4), `ret-data-partial /
/// ret-data-addto / ret-data-removefrom` (RFC 5267 §5, RFC 9394 §4),
/// `search-ret-data-ext = search-modifier-name SP search-return-value`.
fn search_return_data(i: &[u8], depth: Depth) -> PResult<'_, ESearchReturnData<'_>> {
    let (r, name) = atom(i)?;
    let mut buf = [0u8; crate::fast::KEYWORD_MAX];
    use ESearchReturnData as D;
    match crate::fast::upper(name.as_str().as_bytes(), &mut buf) {
        Some(b"MIN") => sp_then(r, nz_number).map(|(r, n)| (r, D::Min(n))),
        Some(b"MAX") => sp_then(r, nz_number).map(|(r, n)| (r, D::Max(n))),
        Some(b"ALL") => sp_then(r, sequence_set).map(|(r, s)| (r, D::All(s))),
        Some(b"COUNT") => sp_then(r, number).map(|(r, n)| (r, D::Count(n))),
        Some(b"MODSEQ") => sp_then(r, number64).map(|(r, n)| (r, D::ModSeq(n))),
        Some(b"ADDTO") => sp_then(r, context_updates).map(|(r, v)| (r, D::AddTo(v))),
        Some(b"REMOVEFROM") => sp_then(r, context_updates).map(|(r, v)| (r, D::RemoveFrom(v))),
        Some(b"PARTIAL") => sp_then(r, ret_data_partial),
        Some(b"RELEVANCY") => {
            sp_then(r, super::fuzzy::score_list).map(|(r, v)| (r, D::Relevancy(v)))
        }
        _ => {
            let (r, value) = sp_then(r, |r| raw_value(r, depth))?;
            match ESearchReturnDataExt::new(name, value) {
                Ok(x) => Ok((r, D::Other(x))),
                Err(_) => fail(i, "search-return-data"),
            }
        }
    }
}

/// After the keyword `"ESEARCH"`: `[search-correlator] [SP "UID"] *(SP
/// search-return-data)`, `tag-string = astring` (RFC 9051 §9, RFC 4466
/// §3), `search-correlator = SP "(" one-correlator *(SP one-correlator)
/// ")"`, `one-correlator = ("TAG" SP tag-string) / ("MAILBOX" SP astring)
/// / ("UIDVALIDITY" SP nz-number)` (RFC 7377 §4; each at most once, in any
/// order). Stops before CRLF.
pub(crate) fn esearch_response(i: &[u8], depth: Depth) -> PResult<'_, ESearchResponse<'_>> {
    let mut i = i;
    let mut tag = None;
    let mut mailbox = None;
    let mut uid_validity = None;
    if let Some(r) = next_item(i) {
        if let Some(b'(') = r.first() {
            let mut r = &r[1..];
            loop {
                let at = r;
                if at_keyword(r, b"TAG") && tag.is_none() {
                    let (r2, t) = sp_then(&r[3..], astring)?;
                    tag = Some(t);
                    r = r2;
                } else if at_keyword(r, b"MAILBOX") && mailbox.is_none() {
                    let (r2, m) = sp_then(&r[7..], crate::parse::core::mailbox)?;
                    mailbox = Some(m);
                    r = r2;
                } else if at_keyword(r, b"UIDVALIDITY") && uid_validity.is_none() {
                    let (r2, n) = sp_then(&r[11..], nz_number)?;
                    uid_validity = Some(n);
                    r = r2;
                } else {
                    return fail(at, "TAG, MAILBOX or UIDVALIDITY (each once)");
                }
                match r.first() {
                    Some(b' ') => r = &r[1..],
                    _ => break,
                }
            }
            let (r, ()) = byte(b')', "\")\" closing the search correlator")(r)?;
            i = r;
        }
    }
    let mut uid = false;
    if let Some(r) = next_item(i) {
        if at_keyword(r, b"UID") {
            uid = true;
            i = &r[3..];
        }
    }
    let mut data = Vec::new();
    while let Some(r) = next_item(i) {
        let (r, d) = search_return_data(r, depth)?;
        data.push(d);
        i = r;
    }
    Ok((
        i,
        ESearchResponse {
            tag,
            mailbox,
            uid_validity,
            uid,
            data,
        },
    ))
}

/// `thread-list = "(" (thread-members / thread-nested) ")"`,
/// `thread-members = nz-number *(SP nz-number) [SP thread-nested]`,
/// `thread-nested = 2*thread-list` (RFC 5256 §5). Lenient: one nested list
/// where the grammar wants two, and spaces between nested lists.
fn thread_list(i: &[u8], depth: Depth) -> PResult<'_, Thread<'_>> {
    let d = depth.enter(i)?;
    let (i, ()) = byte(b'(', "\"(\" opening a thread-list")(i)?;
    let mut i = &i[spaces(i)..];
    let mut messages = Vec::new();
    while let Some(b'0'..=b'9') = i.first() {
        let (r, n) = nz_number(i)?;
        messages.push(n);
        let n = spaces(r);
        i = &r[n..];
        match i.first() {
            Some(b')') => return Ok((&i[1..], Thread::unchecked(messages, Vec::new()))),
            // Lenient: no SP before a nested list.
            Some(b'(') => {}
            Some(b'0'..=b'9') if n > 0 => {}
            _ => return fail(i, "SP, \"(\" or \")\" in a thread-list"),
        }
    }
    let mut children = Vec::new();
    loop {
        let (r, t) = thread_list(i, d)?;
        children.push(t);
        i = &r[spaces(r)..];
        match i.first() {
            Some(b')') => return Ok((&i[1..], Thread::unchecked(messages, children))),
            Some(b'(') => {}
            _ => return fail(i, "\"(\" or \")\" in a thread-list"),
        }
    }
}

/// After the keyword `"THREAD"` of a response: `[SP 1*thread-list]` (RFC
/// 5256 §5). Stops before CRLF. Lenient: spaces between the lists.
pub(crate) fn thread_data(i: &[u8], depth: Depth) -> PResult<'_, Vec<Thread<'_>>> {
    let n = spaces(i);
    let mut out = Vec::new();
    if n == 0 || i.get(n) != Some(&b'(') {
        return Ok((i, out));
    }
    let mut i = &i[n..];
    loop {
        let (r, t) = thread_list(i, depth)?;
        out.push(t);
        let n = spaces(r);
        match r.get(n) {
            Some(b'(') => i = &r[n..],
            _ => return Ok((r, out)),
        }
    }
}

#[cfg(test)]
mod tests;
