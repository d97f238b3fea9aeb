use super::*;
use crate::encode::{Encode, EncodeOptions, Encoder};
use crate::parse::ParseLimits;
use crate::types::{Atom, Number64, NzNumber, SequenceSet};

fn d() -> Depth {
    Depth::new(&ParseLimits::default())
}
fn n(x: u32) -> NzNumber {
    NzNumber::new(x).unwrap()
}

/// A `number64` from a test literal.
fn n64(n: u64) -> Number64 {
    Number64::new(n).unwrap()
}
fn set(s: &str) -> SequenceSet {
    s.parse().unwrap()
}
fn day(y: u16, m: u8, dd: u8) -> Date {
    Date::new(y, m, dd).unwrap()
}
fn s(x: &str) -> AString<'_> {
    AString::from(x)
}
fn keys(v: Vec<SearchKey<'_>>) -> NonEmpty<SearchKey<'_>> {
    NonEmpty::from_vec(v).unwrap()
}
fn crit(reverse: bool, key: SortKey<'static>) -> SortCriterion<'static> {
    SortCriterion { reverse, key }
}
fn not(k: SearchKey<'_>) -> SearchKey<'_> {
    SearchKey::Not(Box::new(k))
}

/// Trailing spaces before CRLF are left to `crlf`, which skips them.
fn trim(rest: &[u8]) -> &[u8] {
    &rest[spaces(rest)..]
}

fn encode(v: &impl Encode) -> Vec<u8> {
    let mut e = Encoder::client(EncodeOptions::default());
    v.encode(&mut e);
    e.finish().into_vec()
}

/// Parses `$input` (which must end in CRLF, left unconsumed) with `$f`,
/// encodes the value, parses the encoding and checks it gives the same
/// value. Evaluates to the value.
macro_rules! rt {
    ($f:expr, $input:expr) => {{
        let input: &[u8] = $input;
        let (rest, v) = match $f(input, d()) {
            Ok(x) => x,
            Err(e) => panic!("{:?} does not parse: {e:?}", String::from_utf8_lossy(input)),
        };
        assert_eq!(
            trim(rest),
            b"\r\n",
            "rest after {:?}",
            String::from_utf8_lossy(input)
        );
        let bytes = encode(&v);
        let (rest2, v2) = match $f(&bytes, d()) {
            Ok(x) => x,
            Err(e) => panic!(
                "{:?} does not re-parse: {e:?}",
                String::from_utf8_lossy(&bytes)
            ),
        };
        assert_eq!(rest2, b"\r\n");
        assert_eq!(v, v2, "re-encoded as {:?}", String::from_utf8_lossy(&bytes));
        v
    }};
}

/// Like `rt!`, and the encoding is byte for byte the input.
macro_rules! rt_exact {
    ($f:expr, $input:expr) => {{
        let input: &[u8] = $input;
        let v = rt!($f, input);
        assert_eq!(
            String::from_utf8_lossy(&encode(&v)),
            String::from_utf8_lossy(input)
        );
        v
    }};
}

/// THREAD data has no `Encode` of its own (a list): the same checks.
fn rt_thread(input: &[u8]) -> Vec<Thread<'_>> {
    let (rest, v) = thread_data(input, d()).expect("thread data parses");
    assert_eq!(trim(rest), b"\r\n");
    let mut e = Encoder::server(EncodeOptions::default());
    crate::encode::search::thread_data(&mut e, &v);
    let bytes = e.finish().into_vec();
    let (rest2, v2) = thread_data(&bytes, d()).expect("re-parses");
    assert_eq!(rest2, b"\r\n");
    assert_eq!(v, v2);
    v
}

/// Parsing `$input` does not give a value followed by CRLF, and no
/// prefix of it panics.
macro_rules! bad {
    ($f:expr, $input:expr) => {{
        let input: &[u8] = $input;
        if let Ok((rest, v)) = $f(input, d()) {
            assert!(
                !trim(rest).starts_with(b"\r\n"),
                "{:?} parsed as {v:?}",
                String::from_utf8_lossy(input)
            );
        }
        prefixes!($f, input);
    }};
}

/// Every prefix of `$input` is handled without panicking.
macro_rules! prefixes {
    ($f:expr, $input:expr) => {{
        let input: &[u8] = $input;
        for k in 0..input.len() {
            let _ = $f(&input[..k], d());
        }
    }};
}

// ---- RFC 3501 §6.4.4 ----

#[test]
fn rfc3501_search() {
    let v = rt!(
        search_args,
        b" FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n"
    );
    assert_eq!(
        v,
        SearchArgs::new(keys(vec![
            SearchKey::Flagged,
            SearchKey::Since(day(1994, 2, 1)),
            not(SearchKey::From(s("Smith"))),
        ]))
    );
    let v = rt_exact!(search_args, b" TEXT \"string not in mailbox\"\r\n");
    assert_eq!(
        v.keys.as_slice(),
        &[SearchKey::Text(s("string not in mailbox"))]
    );
    let v = rt!(search_args, b" CHARSET UTF-8 TEXT {6}\r\nXXXXXX\r\n");
    assert_eq!(v.charset, Some(s("UTF-8")));
    assert_eq!(v.keys.as_slice(), &[SearchKey::Text(s("XXXXXX"))]);
}

// ---- RFC 9051 §6.4.4, RFC 4731 ----

#[test]
fn rfc9051_search_return() {
    let v = rt_exact!(
        search_args,
        b" RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"
    );
    assert_eq!(
        v.return_opts,
        Some(vec![SearchReturnOption::Min, SearchReturnOption::Count])
    );
    assert_eq!(v.keys.len(), 3);
    let v = rt_exact!(
        search_args,
        b" RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM Smith\r\n"
    );
    assert_eq!(v.return_opts, Some(vec![]));
    let v = rt!(
        search_args,
        " CHARSET UTF-8 TEXT {12}\r\nотпуск\r\n".as_bytes()
    );
    assert_eq!(
        v.keys.as_slice(),
        &[SearchKey::Text(AString::from("отпуск"))]
    );
    let v = rt_exact!(search_args, b" RETURN (MIN) UNSEEN\r\n");
    assert_eq!(v.keys.as_slice(), &[SearchKey::Unseen]);
    let v = rt_exact!(search_args, b" RETURN (MIN MAX) 1:5000\r\n");
    assert_eq!(v.keys.as_slice(), &[SearchKey::SequenceSet(set("1:5000"))]);
    let v = rt_exact!(search_args, b" RETURN (COUNT) DELETED\r\n");
    assert_eq!(v.return_opts, Some(vec![SearchReturnOption::Count]));
}

#[test]
fn rfc9051_esearch() {
    let v = rt_exact!(esearch_response, b" (TAG \"A282\") MIN 2 COUNT 3\r\n");
    assert_eq!(
        v,
        ESearchResponse {
            tag: Some(s("A282")),
            mailbox: None,
            uid_validity: None,
            uid: false,
            data: vec![ESearchReturnData::Min(n(2)), ESearchReturnData::Count(3)],
        }
    );
    let v = rt_exact!(esearch_response, b" (TAG \"A283\") ALL 2,10:11\r\n");
    assert_eq!(v.data, vec![ESearchReturnData::All(set("2,10:11"))]);
    let v = rt_exact!(esearch_response, b" (TAG \"A284\")\r\n");
    assert!(v.data.is_empty() && !v.uid);
    let v = rt_exact!(esearch_response, b" (TAG \"A285\") ALL 43\r\n");
    assert_eq!(v.data, vec![ESearchReturnData::All(set("43"))]);
    let v = rt_exact!(esearch_response, b" (TAG \"A285\") UID MIN 7 MAX 3800\r\n");
    assert!(v.uid);
    assert_eq!(
        v.data,
        vec![
            ESearchReturnData::Min(n(7)),
            ESearchReturnData::Max(n(3800))
        ]
    );
    rt_exact!(esearch_response, b" (TAG \"A286\") COUNT 15\r\n");
    // §7.3.4
    let v = rt_exact!(esearch_response, b" UID COUNT 17 ALL 4:18,21,28\r\n");
    assert_eq!(
        v,
        ESearchResponse {
            tag: None,
            mailbox: None,
            uid_validity: None,
            uid: true,
            data: vec![
                ESearchReturnData::Count(17),
                ESearchReturnData::All(set("4:18,21,28"))
            ],
        }
    );
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"a567\") UID COUNT 17 ALL 4:18,21,28\r\n"
    );
    assert_eq!(v.tag, Some(s("a567")));
    let v = rt_exact!(esearch_response, b" COUNT 18 ALL 1:17,21\r\n");
    assert!(v.tag.is_none() && !v.uid);
    rt_exact!(esearch_response, b" (TAG \"h\") ALL 1:3,5,8,13,21,42\r\n");
    // No data at all.
    let v = rt_exact!(esearch_response, b"\r\n");
    assert_eq!(v.data.len() + usize::from(v.uid), 0);
}

#[test]
fn rfc4731_modseq() {
    for opts in ["MIN", "MAX", "MIN MAX", "MIN COUNT"] {
        let line = format!(" RETURN ({opts}) MODSEQ \"/flags/\\\\draft\" all 620162338\r\n");
        let v = rt_exact!(search_args, line.as_bytes());
        assert_eq!(
            v.keys.as_slice(),
            &[SearchKey::ModSeq {
                entry: Some(ModSeqEntry {
                    name: IString::from("/flags/\\draft"),
                    kind: ModSeqEntryType::All
                }),
                value: n64(620162338),
            }]
        );
    }
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"a1\") MIN 2 MODSEQ 917162488\r\n"
    );
    assert_eq!(v.data[1], ESearchReturnData::ModSeq(n64(917162488)));
    rt_exact!(
        esearch_response,
        b" (TAG \"a2\") MAX 23 MODSEQ 907162321\r\n"
    );
    rt_exact!(
        esearch_response,
        b" (TAG \"a3\") MIN 2 MAX 23 MODSEQ 917162488\r\n"
    );
    rt_exact!(
        esearch_response,
        b" (TAG \"a4\") MIN 2 COUNT 10 MODSEQ 917162500\r\n"
    );
}

// ---- RFC 5182 ----

#[test]
fn rfc5182_searchres() {
    let v = rt_exact!(search_args, b" RETURN (SAVE) FLAGGED SINCE 1-Feb-1994\r\n");
    assert_eq!(v.return_opts, Some(vec![SearchReturnOption::Save]));
    let v = rt_exact!(search_args, b" UID $ SMALLER 4096\r\n");
    assert_eq!(
        v.keys.as_slice(),
        &[
            SearchKey::Uid(SequenceSet::Saved),
            SearchKey::Smaller(n64(4096))
        ]
    );
    let v = rt_exact!(search_args, b" $ SMALLER 4096\r\n");
    assert_eq!(v.keys[0], SearchKey::SequenceSet(SequenceSet::Saved));
    let v = rt!(
        search_args,
        " CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\nмать\r\n".as_bytes()
    );
    assert_eq!(
        v.keys.as_slice(),
        &[
            SearchKey::Group(keys(vec![SearchKey::Or(
                Box::new(SearchKey::SequenceSet(SequenceSet::Saved)),
                Box::new(SearchKey::SequenceSet(set("1,3000:3021")))
            )])),
            SearchKey::Text(AString::from("мать")),
        ]
    );
    let v = rt!(
        search_args,
        b" RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX\r\n"
    );
    assert_eq!(v.charset, Some(s("KOI8-R")));
    let v = rt_exact!(search_args, b" RETURN (SAVE) KEYWORD $Junk\r\n");
    assert_eq!(
        v.keys.as_slice(),
        &[SearchKey::Keyword(Atom::try_from("$Junk").unwrap())]
    );
    rt_exact!(search_args, b" RETURN (ALL SAVE) SINCE 12-Feb-2006\r\n");
    let v = rt_exact!(
        search_args,
        b" RETURN (MAX SAVE MIN COUNT) SINCE 12-Feb-2006\r\n"
    );
    assert_eq!(v.return_opts.unwrap().len(), 4);
    rt_exact!(esearch_response, b" (TAG \"G283\") ALL 3:15,27,29:103\r\n");
    rt_exact!(
        esearch_response,
        b" (TAG \"C286\") MIN 2 ALL 2,10:15,21\r\n"
    );
    rt_exact!(
        esearch_response,
        b" (TAG \"P283\") ALL 882,1102,3003,3005:3006\r\n"
    );
    rt_exact!(esearch_response, b" (TAG \"A301\") UID ALL 17,900,901\r\n");
}

// ---- RFC 5256 ----

#[test]
fn rfc5256_sort_and_thread() {
    let v = rt_exact!(sort_args, b" (SUBJECT REVERSE DATE) UTF-8 ALL\r\n");
    assert_eq!(
        v,
        SortArgs {
            return_opts: None,
            criteria: NonEmpty::from_vec(vec![
                crit(false, SortKey::Subject),
                crit(true, SortKey::Date)
            ])
            .unwrap(),
            charset: s("UTF-8"),
            keys: keys(vec![SearchKey::All]),
        }
    );
    let v = rt_exact!(
        sort_args,
        b" (SUBJECT) US-ASCII TEXT \"not in mailbox\"\r\n"
    );
    assert_eq!(v.keys[0], SearchKey::Text(s("not in mailbox")));
    let v = rt_exact!(thread_args, b" ORDEREDSUBJECT US-ASCII TEXT gewp\r\n");
    assert_eq!(
        v,
        ThreadArgs {
            algorithm: ThreadAlgorithm::OrderedSubject,
            charset: s("US-ASCII"),
            keys: keys(vec![SearchKey::Text(s("gewp"))]),
        }
    );
    let v = rt!(thread_args, b" REFERENCES UTF-8 SINCE 5-MAR-2000\r\n");
    assert_eq!(v.algorithm, ThreadAlgorithm::References);
    assert_eq!(v.keys[0], SearchKey::Since(day(2000, 3, 5)));
    assert_eq!(encode(&v), b" REFERENCES UTF-8 SINCE 5-Mar-2000\r\n");

    let leaf = |v: &[u32]| Thread::leaf(v.iter().map(|&x| n(x)).collect()).unwrap();
    let t = rt_thread(b" (166)(167)(168)(169)(172)(170)(171)\r\n");
    assert_eq!(t.len(), 7);
    assert_eq!(t[5], leaf(&[170]));
    let t = rt_thread(b" (166)(167)(168)(169)(172)((170)(179))\r\n");
    assert_eq!(
        t[5],
        Thread::new(vec![], vec![leaf(&[170]), leaf(&[179])]).unwrap()
    );
    // §4: `(2)(3 6 (4 23)(44 7 96))`
    let t = rt_thread(b" (2)(3 6 (4 23)(44 7 96))\r\n");
    assert_eq!(
        t,
        vec![
            leaf(&[2]),
            Thread::new(vec![n(3), n(6)], vec![leaf(&[4, 23]), leaf(&[44, 7, 96])]).unwrap()
        ]
    );
    let mut e = Encoder::server(EncodeOptions::default());
    crate::encode::search::thread_data(&mut e, &t);
    assert_eq!(e.finish().into_vec(), b" (2)(3 6 (4 23)(44 7 96))\r\n");
    // `* THREAD` with no threads.
    assert!(rt_thread(b"\r\n").is_empty());
    assert!(rt_thread(b" \r\n").is_empty());
}

// ---- RFC 5267 ----

#[test]
fn rfc5267_context() {
    let v = rt_exact!(
        sort_args,
        b" RETURN () (REVERSE DATE) UTF-8 UNDELETED UNKEYWORD $Junk\r\n"
    );
    assert_eq!(v.return_opts, Some(vec![]));
    assert_eq!(v.keys.len(), 2);
    rt_exact!(
        esearch_response,
        b" (TAG \"E01\") UID ALL 23765,23764,23763,23761\r\n"
    );
    let v = rt_exact!(
        search_args,
        b" RETURN (CONTEXT COUNT) UNDELETED UNKEYWORD $Junk\r\n"
    );
    assert_eq!(
        v.return_opts,
        Some(vec![SearchReturnOption::Context, SearchReturnOption::Count])
    );
    rt_exact!(esearch_response, b" (TAG \"A01\") COUNT 23765\r\n");
    let v = rt_exact!(
        search_args,
        b" RETURN (UPDATE COUNT) DELETED KEYWORD $Junk\r\n"
    );
    assert_eq!(
        v.return_opts.as_ref().unwrap()[0],
        SearchReturnOption::Update
    );
    // RFC 5267's `SORT RETURN (UPDATE COUNT) UTF-8 KEYWORD $Junk` lacks
    // its sort criteria (an error of the example): refused.
    bad!(sort_args, b" RETURN (UPDATE COUNT) UTF-8 KEYWORD $Junk\r\n");
    rt_exact!(
        sort_args,
        b" RETURN (UPDATE COUNT) (ARRIVAL) UTF-8 KEYWORD $Junk\r\n"
    );
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"B01\") UID ADDTO (0 32768:32769)\r\n"
    );
    assert_eq!(
        v.data,
        vec![ESearchReturnData::AddTo(NonEmpty::new(ContextUpdate {
            position: 0,
            set: set("32768:32769")
        }))]
    );
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"C01\") UID ADDTO (1 2733 1 2732 1 2731)\r\n"
    );
    let ESearchReturnData::AddTo(a) = &v.data[0] else {
        panic!("{v:?}")
    };
    assert_eq!(a.len(), 3);
    rt_exact!(
        esearch_response,
        b" (TAG \"C01\") UID ADDTO (1 2733) ADDTO (1 2731:2732)\r\n"
    );
    rt_exact!(
        esearch_response,
        b" (TAG \"C01\") UID ADDTO (1 2731:2733)\r\n"
    );
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"B01\") UID REMOVEFROM (0 32768)\r\n"
    );
    assert!(matches!(v.data[0], ESearchReturnData::RemoveFrom(_)));
    let v = rt_exact!(search_args, b" RETURN (PARTIAL 23500:24000) UNDELETED\r\n");
    assert_eq!(
        v.return_opts,
        Some(vec![SearchReturnOption::Partial(PartialRange::First(
            n(23500),
            n(24000)
        ))])
    );
    rt_exact!(search_args, b" RETURN (PARTIAL 1:500) UNDELETED\r\n");
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"A04\") UID PARTIAL (24000:24500 NIL)\r\n"
    );
    assert_eq!(
        v.data,
        vec![ESearchReturnData::Partial {
            range: PartialRange::First(n(24000), n(24500)),
            results: None
        }]
    );
    // The RFC elides the results ("..."); a realistic value:
    rt_exact!(
        esearch_response,
        b" (TAG \"A03\") UID PARTIAL (1:500 200:250,800:1200)\r\n"
    );
}

// ---- RFC 9394 ----

#[test]
fn rfc9394_partial() {
    let v = rt_exact!(search_args, b" RETURN (PARTIAL -1:-100) UNDELETED\r\n");
    assert_eq!(
        v.return_opts,
        Some(vec![SearchReturnOption::Partial(PartialRange::Last(
            n(1),
            n(100)
        ))])
    );
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"A01\") UID PARTIAL (-1:-100 24900:25000)\r\n"
    );
    assert_eq!(
        v.data,
        vec![ESearchReturnData::Partial {
            range: PartialRange::Last(n(1), n(100)),
            results: Some(set("24900:25000"))
        }]
    );
    rt_exact!(search_args, b" RETURN (PARTIAL 24000:24500) UNDELETED\r\n");
    bad!(search_args, b" RETURN (PARTIAL -1:100) ALL\r\n");
    bad!(search_args, b" RETURN (PARTIAL 0:100) ALL\r\n");
    bad!(search_args, b" RETURN (PARTIAL 1:*) ALL\r\n");
    bad!(search_args, b" RETURN (PARTIAL) ALL\r\n");
    bad!(esearch_response, b" PARTIAL (1:5)\r\n");
    bad!(esearch_response, b" PARTIAL 1:5 NIL\r\n");
}

// ---- RFC 7162, RFC 5032, RFC 8514, RFC 8474 ----

#[test]
fn rfc7162_modseq() {
    let v = rt_exact!(
        search_args,
        b" MODSEQ \"/flags/\\\\draft\" all 620162338\r\n"
    );
    assert!(matches!(
        &v.keys[0],
        SearchKey::ModSeq { entry: Some(e), value }
            if e.name.as_bytes() == b"/flags/\\draft" && *value == n64(620162338)
    ));
    let v = rt_exact!(search_args, b" OR NOT MODSEQ 720162338 LARGER 50000\r\n");
    assert_eq!(
        v.keys.as_slice(),
        &[SearchKey::Or(
            Box::new(not(SearchKey::ModSeq {
                entry: None,
                value: n64(720162338)
            })),
            Box::new(SearchKey::Larger(n64(50000)))
        )]
    );
    rt_exact!(search_args, b" MODSEQ \"/flags/$mdnsent\" priv 0\r\n");
    rt_exact!(search_args, b" MODSEQ \"/flags/\\\\seen\" shared 5\r\n");
    let v = rt_exact!(search_args, b" RETURN (ALL) MODSEQ 1234\r\n");
    assert_eq!(
        v.keys[0],
        SearchKey::ModSeq {
            entry: None,
            value: n64(1234)
        }
    );
    rt_exact!(esearch_response, b" (TAG \"a\") ALL 1:3,5 MODSEQ 1236\r\n");
    let v = rt_exact!(sort_args, b" RETURN (ALL) (DATE) UTF-8 MODSEQ 1234\r\n");
    assert_eq!(v.return_opts, Some(vec![SearchReturnOption::All]));
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"a\") ALL 5,3,2,1 MODSEQ 1236\r\n"
    );
    assert_eq!(v.data[0], ESearchReturnData::All(set("5,3,2,1")));
    rt_exact!(search_args, b" 300:500\r\n");
    bad!(search_args, b" MODSEQ \"/flags/\\\\draft\" both 5\r\n");
    bad!(search_args, b" MODSEQ \"/flags/\\\\draft\" 5\r\n");
    bad!(search_args, b" MODSEQ 9223372036854775808\r\n");
}

#[test]
fn rfc5032_rfc8514_rfc8474() {
    let v = rt_exact!(search_args, b" UNSEEN YOUNGER 259200\r\n");
    assert_eq!(
        v.keys.as_slice(),
        &[SearchKey::Unseen, SearchKey::Younger(n(259200))]
    );
    let v = rt_exact!(search_args, b" OLDER 3600\r\n");
    assert_eq!(v.keys[0], SearchKey::Older(n(3600)));
    bad!(search_args, b" OLDER 0\r\n");
    let v = rt_exact!(search_args, b" SAVEDON 28-Dec-2014\r\n");
    assert_eq!(v.keys[0], SearchKey::SavedOn(day(2014, 12, 28)));
    let v = rt_exact!(search_args, b" SAVEDSINCE 28-Dec-2014\r\n");
    assert_eq!(v.keys[0], SearchKey::SavedSince(day(2014, 12, 28)));
    let v = rt_exact!(
        search_args,
        b" SAVEDBEFORE 1-Jan-2015 NOT SAVEDATESUPPORTED\r\n"
    );
    assert_eq!(v.keys[1], not(SearchKey::SaveDateSupported));
    let v = rt_exact!(
        search_args,
        b" EMAILID M6d99ac3275bb4e THREADID T64b478a75b7ea9\r\n"
    );
    assert_eq!(
        v.keys.as_slice(),
        &[
            SearchKey::EmailId(ObjectId::new("M6d99ac3275bb4e").unwrap()),
            SearchKey::ThreadId(ObjectId::new("T64b478a75b7ea9").unwrap()),
        ]
    );
    bad!(search_args, b" EMAILID M6d.99\r\n");
    let long = format!(" EMAILID {}\r\n", "a".repeat(256));
    bad!(search_args, long.as_bytes());
}

#[test]
fn every_search_key() {
    let line = b" ALL ANSWERED BCC x BEFORE 1-Feb-1994 BODY \"a b\" CC y DELETED DRAFT \
FLAGGED FROM z HEADER Message-ID <a@b> KEYWORD $Forwarded LARGER 100 NEW NOT SEEN OLD \
ON 2-Feb-1994 OR RECENT SEEN SENTBEFORE 3-Feb-1994 SENTON 4-Feb-1994 SENTSINCE 5-Feb-1994 \
SINCE 6-Feb-1994 SMALLER 200 SUBJECT hi TEXT there TO you UID 1:*,7 UNANSWERED UNDELETED \
UNDRAFT UNFLAGGED UNKEYWORD $Junk UNSEEN 2,4:6 * (ALL (NOT DELETED)) MODSEQ 0 OLDER 1 \
YOUNGER 2 SAVEDBEFORE 7-Feb-1994 SAVEDON 8-Feb-1994 SAVEDSINCE 9-Feb-1994 SAVEDATESUPPORTED \
EMAILID e-1 THREADID t_2\r\n";
    let v = rt_exact!(search_args, line);
    assert_eq!(v.keys.len(), 45);
    assert_eq!(v.keys[10], SearchKey::Header(s("Message-ID"), s("<a@b>")));
    assert_eq!(
        v.keys[35],
        SearchKey::Group(keys(vec![
            SearchKey::All,
            SearchKey::Group(keys(vec![not(SearchKey::Deleted)]))
        ]))
    );
    assert_eq!(v.keys[34], SearchKey::SequenceSet(set("*")));
    assert_eq!(
        v.keys[17],
        SearchKey::Or(Box::new(SearchKey::Recent), Box::new(SearchKey::Seen))
    );
    assert_eq!(
        v.keys[44],
        SearchKey::ThreadId(ObjectId::new("t_2").unwrap())
    );
}

#[test]
fn groups_are_kept() {
    // `(ALL)` and `ALL` are different values, each re-encoding as sent.
    let a = rt_exact!(search_args, b" (ALL)\r\n");
    let b = rt_exact!(search_args, b" ALL\r\n");
    assert_ne!(a, b);
    assert_eq!(a.keys[0], SearchKey::Group(keys(vec![SearchKey::All])));
    // Spaces inside the parentheses are tolerated, and dropped.
    let c = rt!(search_args, b" ( ALL  SEEN ) \r\n");
    assert_eq!(encode(&c), b" (ALL SEEN)\r\n");
    bad!(search_args, b" ()\r\n");
    bad!(search_args, b" (ALL\r\n");
    bad!(search_args, b" ALL)\r\n");
}

#[test]
fn lowercase_and_spaces() {
    let v = rt!(search_args, b" return (count min max) unseen\r\n");
    assert_eq!(
        v.return_opts,
        Some(vec![
            SearchReturnOption::Count,
            SearchReturnOption::Min,
            SearchReturnOption::Max
        ])
    );
    assert_eq!(encode(&v), b" RETURN (COUNT MIN MAX) UNSEEN\r\n");
    let v = rt!(search_args, b" charset utf-8 or subject x not from y\r\n");
    assert_eq!(encode(&v), b" CHARSET utf-8 OR SUBJECT x NOT FROM y\r\n");
    let v = rt!(
        search_args,
        b"  since  1-feb-2023   before \"1-Mar-2023\"  \r\n"
    );
    assert_eq!(encode(&v), b" SINCE 1-Feb-2023 BEFORE 1-Mar-2023\r\n");
    let v = rt!(
        sort_args,
        b" (reverse arrival displayfrom displayto) utf-8 all\r\n"
    );
    assert_eq!(
        encode(&v),
        b" (REVERSE ARRIVAL DISPLAYFROM DISPLAYTO) utf-8 ALL\r\n"
    );
    let v = rt!(thread_args, b" refs utf-8 all\r\n");
    assert_eq!(v.algorithm, ThreadAlgorithm::Refs);
    let v = rt!(esearch_response, b" (tag \"x\") uid min 1 all 1:2\r\n");
    assert_eq!(encode(&v), b" (TAG \"x\") UID MIN 1 ALL 1:2\r\n");
    let v = rt!(thread_args, b" orderedsubject \"UTF-8\" all\r\n");
    assert_eq!(encode(&v), b" ORDEREDSUBJECT UTF-8 ALL\r\n");
    // A correlator tag that is no atom stays a string.
    rt_exact!(esearch_response, b" (TAG \"a b\") COUNT 0\r\n");
}

// ---- the real corpus (05-imaplib-webmail: a webmail client over
// imaplib against Dovecot), after the tag and "UID <command>" ----

const CORPUS_THREAD_REFS: &[u8] = b" (2)(9)(19)(7 12 13 20)(25)(26)(11 30)(21 22 23 29 32 33)(39)(40)(43 46)(52)(55)(34 56)(50 57)(59)(61)(18 60 62)(64)(65)(67)(5 8 10 44 69)(71)(72)(48 49 73)(14 36 45 47 76)(78)(80)(37 53 66 81)(77 83 84)(82 86)(74 75 90)(51 92)(93)(68 89 94)(95)(96)(97)(100)(38 54 63 98 99 105)(106)(107)(108)(24 27 28 110)(112)(103 109 113)(114)(41 42 116)(119)(120 121)(1 3 4 6 58 87 102 125)(91 111 126)(85 88 127)(129)(128 130)(131)(132)(134)(135)(104 136 137)(123 133 138)(139)(141)(17 35 79 140 142)(144)(143 145)(146)(147)(101 115 117 118 122 148)(149)(150)(151)(155)(156)(124 152 153 157)(158)(154 159)(160)(161 162)\r\n";

/// The first top-level threads of the corpus's THREAD REFERENCES
/// answer (the whole line is 8 KiB; see `corpus_files` for all of it).
const CORPUS_THREAD_REFERENCES: &[u8] = b" ((2)(480)(1153)(1391))((3 8)(847 855))((4 6)(240))((5)(41)(360)(677)(1033))((7)(235 300)(357)(386)(392)(546)(731)(925 987)(1181)(1211)(1317)(1452))((10 9)(118)(263)(355 414)(387)(705)(1064 1101)(1396 1399)(1413))((11)(1348)(1456))(12)((14 (60)(138))(229 233 282)(339)(594)(633 634)(666)(888)(1075)(1171)(1296 1307 1309 1310 1344)(1445))(15 26)((16)(121)(598)(751)(793 840)(843)(917)(963 991)(989)(1026)(1189)(1227)(1233 1234)(1304)(1355 1358)(1432)(1517))((17 31)(69)(72)(200)(424)(520)(571 572 579 638)(997)(1140)(1252)(1301 1312 1373)(1389))((18 30)(779)(1130 1132)(1278))((19 23)(409)(555)(782)(871)(1099 1156)(1329)(1347))((20 87)(196 197)(212)(399)(644)(674)(861)(931)(976))((21)(157)(714)(792)(902))(22 39 46 90)((24)(851 852)(1512))((25)(534)(1489))((27 (64)(251))(333)(340)(348)(692 703)(706)(834)(886)(1042)(1053)(1244)(1305)(1382)(1450)(1495)(1499))\r\n";

#[test]
fn corpus_commands() {
    let v = rt_exact!(search_args, b" UNSEEN\r\n");
    assert_eq!(v, SearchArgs::new(SearchKey::Unseen));
    let v = rt_exact!(search_args, b" RETURN (COUNT MIN MAX) FLAGGED\r\n");
    assert_eq!(
        v,
        SearchArgs {
            return_opts: Some(vec![
                SearchReturnOption::Count,
                SearchReturnOption::Min,
                SearchReturnOption::Max
            ]),
            charset: None,
            keys: keys(vec![SearchKey::Flagged]),
        }
    );
    let v = rt!(
        search_args,
        b" CHARSET UTF-8 OR SUBJECT \"budget\" FROM \"budget\"\r\n"
    );
    assert_eq!(
        v,
        SearchArgs {
            return_opts: None,
            charset: Some(s("UTF-8")),
            keys: keys(vec![SearchKey::Or(
                Box::new(SearchKey::Subject(s("budget"))),
                Box::new(SearchKey::From(s("budget")))
            )]),
        }
    );
    let v = rt_exact!(
        search_args,
        b" SINCE 1-Feb-2023 BEFORE 1-Mar-2023 NOT DELETED\r\n"
    );
    assert_eq!(
        v.keys.as_slice(),
        &[
            SearchKey::Since(day(2023, 2, 1)),
            SearchKey::Before(day(2023, 3, 1)),
            not(SearchKey::Deleted)
        ]
    );
    let v = rt_exact!(
        search_args,
        b" CHARSET UTF-8 TEXT {8}\r\nM\xc3\xbcnchen\r\n"
    );
    assert_eq!(
        v,
        SearchArgs {
            return_opts: None,
            charset: Some(s("UTF-8")),
            keys: keys(vec![SearchKey::Text(AString::from("München"))]),
        }
    );
    rt_exact!(search_args, b" ALL\r\n");
    // A005 SEARCH UNSEEN SINCE 1-Mar-2023 / A004 SEARCH SUBJECT budget (09-curl-search)
    rt_exact!(search_args, b" UNSEEN SINCE 1-Mar-2023\r\n");
    rt_exact!(search_args, b" SUBJECT budget\r\n");

    let v = rt_exact!(sort_args, b" (REVERSE DATE) UTF-8 ALL\r\n");
    assert_eq!(
        v,
        SortArgs {
            return_opts: None,
            criteria: NonEmpty::new(crit(true, SortKey::Date)),
            charset: s("UTF-8"),
            keys: keys(vec![SearchKey::All]),
        }
    );
    let v = rt_exact!(
        sort_args,
        b" RETURN (ALL COUNT) (REVERSE ARRIVAL) UTF-8 UNDELETED\r\n"
    );
    assert_eq!(
        v,
        SortArgs {
            return_opts: Some(vec![SearchReturnOption::All, SearchReturnOption::Count]),
            criteria: NonEmpty::new(crit(true, SortKey::Arrival)),
            charset: s("UTF-8"),
            keys: keys(vec![SearchKey::Undeleted]),
        }
    );
    let v = rt_exact!(
        sort_args,
        b" RETURN (COUNT MIN) (REVERSE ARRIVAL) UTF-8 ALL\r\n"
    );
    assert_eq!(
        v.return_opts,
        Some(vec![SearchReturnOption::Count, SearchReturnOption::Min])
    );
    let v = rt_exact!(sort_args, b" (SUBJECT) UTF-8 UNSEEN\r\n");
    assert_eq!(v.criteria.as_slice(), &[crit(false, SortKey::Subject)]);

    let v = rt_exact!(thread_args, b" REFERENCES UTF-8 ALL\r\n");
    assert_eq!(
        v,
        ThreadArgs {
            algorithm: ThreadAlgorithm::References,
            charset: s("UTF-8"),
            keys: keys(vec![SearchKey::All]),
        }
    );
    let v = rt_exact!(thread_args, b" REFS UTF-8 ALL\r\n");
    assert_eq!(v.algorithm, ThreadAlgorithm::Refs);
}

#[test]
fn corpus_responses() {
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"DDOJ38\") UID MIN 31 MAX 1531 COUNT 108\r\n"
    );
    assert_eq!(
        v,
        ESearchResponse {
            tag: Some(s("DDOJ38")),
            mailbox: None,
            uid_validity: None,
            uid: true,
            data: vec![
                ESearchReturnData::Min(n(31)),
                ESearchReturnData::Max(n(1531)),
                ESearchReturnData::Count(108)
            ],
        }
    );
    // The answer to the ESORT above, shortened (order kept, a
    // descending range `936:937` and an out-of-order `263,262,264`).
    let v = rt_exact!(
        esearch_response,
        b" (TAG \"DDOJ43\") UID ALL 1545,1544,1543,940,939,938,936:937,935,263,262,264,2,1 COUNT 1521\r\n"
    );
    assert_eq!(
        v.data[0],
        ESearchReturnData::All(set(
            "1545,1544,1543,940,939,938,936:937,935,263,262,264,2,1"
        ))
    );
    assert_eq!(v.data[1], ESearchReturnData::Count(1521));

    let t = rt_thread(CORPUS_THREAD_REFS);
    assert_eq!(t.len(), 79);
    assert_eq!(t[3].messages(), &[n(7), n(12), n(13), n(20)]);
    let mut e = Encoder::server(EncodeOptions::default());
    crate::encode::search::thread_data(&mut e, &t);
    assert_eq!(e.finish().into_vec(), CORPUS_THREAD_REFS);

    let t = rt_thread(CORPUS_THREAD_REFERENCES);
    // `((14 (60)(138))(229 233 282)...)`: a missing root with a
    // sub-thread that branches itself.
    let t14 = &t[8];
    assert!(t14.messages().is_empty());
    assert_eq!(t14.children()[0].messages(), &[n(14)]);
    assert_eq!(t14.children()[0].children().len(), 2);
    assert_eq!(t[7], Thread::leaf(vec![n(12)]).unwrap());
    let mut e = Encoder::server(EncodeOptions::default());
    crate::encode::search::thread_data(&mut e, &t);
    assert_eq!(e.finish().into_vec(), CORPUS_THREAD_REFERENCES);
}

// ---- extensions kept raw, and the refusals that keep values unique ----

#[test]
fn unknown_return_options_and_data() {
    let v = rt_exact!(
        search_args,
        b" RETURN (X-FOO (1 \"a\" (b)) X-BAR COUNT X-BAZ 5:7 X-NEG -3:-1) ALL\r\n"
    );
    let opts = v.return_opts.unwrap();
    assert_eq!(opts.len(), 5);
    let SearchReturnOption::Other(x) = &opts[0] else {
        panic!()
    };
    assert_eq!(x.name().as_str(), "X-FOO");
    assert_eq!(x.value().unwrap().as_bytes(), b"(1 \"a\" (b))");
    let SearchReturnOption::Other(x) = &opts[1] else {
        panic!()
    };
    assert!(x.value().is_none());
    // An atom after an unknown option is read as the next option.
    let v = rt_exact!(search_args, b" RETURN (X-FOO bar) ALL\r\n");
    assert_eq!(v.return_opts.unwrap().len(), 2);
    bad!(search_args, b" RETURN (5) ALL\r\n");
    bad!(search_args, b" RETURN (MIN 5) ALL\r\n");
    bad!(search_args, b" RETURN (MIN\r\n");
    bad!(search_args, b" RETURN MIN ALL\r\n");

    let v = rt_exact!(
        esearch_response,
        b" (TAG \"x\") X-FOO (a (b) {1}\r\nc) COUNT 2 X-BAR abc\r\n"
    );
    let ESearchReturnData::Other(x) = &v.data[0] else {
        panic!()
    };
    assert_eq!(x.value().as_bytes(), b"(a (b) {1}\r\nc)");
    assert_eq!(v.data.len(), 3);
    bad!(esearch_response, b" X-FOO\r\n");
    bad!(esearch_response, b" UID UID 5\r\n");
    bad!(esearch_response, b" MIN 0\r\n");
    bad!(esearch_response, b" COUNT x\r\n");
    bad!(esearch_response, b" (TAG x\r\n");
    bad!(esearch_response, b" (TAGS \"x\") COUNT 1\r\n");
    bad!(esearch_response, b" ADDTO ()\r\n");
    bad!(esearch_response, b" ADDTO (1)\r\n");
    bad!(esearch_response, b" ADDTO (1 2 3)\r\n");
}

#[test]
fn constructors_refuse_known_names() {
    let a = |x| Atom::try_from(x).unwrap();
    assert!(SearchReturnOptionExt::new(a("Partial"), None).is_err());
    assert!(SearchReturnOptionExt::new(a("5x"), None).is_err());
    let raw = |b: &'static [u8]| crate::types::RawValue::unchecked(b);
    assert!(SearchReturnOptionExt::new(a("X"), Some(raw(b"abc"))).is_err());
    assert!(SearchReturnOptionExt::new(a("X"), Some(raw(b"(abc)"))).is_ok());
    assert!(ESearchReturnDataExt::new(a("uid"), raw(b"1")).is_err());
    assert!(ESearchReturnDataExt::new(a("ModSeq"), raw(b"1")).is_err());
    assert!(ESearchReturnDataExt::new(a("X-Y"), raw(b"1")).is_ok());
    assert!(SortKeyOther::new(a("Date")).is_err());
    assert!(ThreadAlgorithmOther::new(a("orderedsubject")).is_err());
    // Unknown sort keys and algorithms parse and are kept.
    let v = rt_exact!(sort_args, b" (REVERSE X-SCORE) UTF-8 ALL\r\n");
    assert!(matches!(&v.criteria[0].key, SortKey::Other(o) if o.as_atom().as_str() == "X-SCORE"));
    let v = rt_exact!(thread_args, b" X-ALG UTF-8 ALL\r\n");
    assert!(matches!(v.algorithm, ThreadAlgorithm::Other(_)));
}

#[test]
fn literals_and_strings() {
    let v = rt!(search_args, b" HEADER {7}\r\nSubject {4}\r\na\r\nb\r\n");
    assert_eq!(v.keys[0], SearchKey::Header(s("Subject"), s("a\r\nb")));
    assert_eq!(encode(&v), b" HEADER Subject {4}\r\na\r\nb\r\n");
    let v = rt!(search_args, b" SUBJECT \"\" BODY \"a\\\"b\"\r\n");
    assert_eq!(v.keys[0], SearchKey::Subject(s("")));
    assert_eq!(v.keys[1], SearchKey::Body(s("a\"b")));
    rt!(search_args, b" CHARSET {5}\r\nUTF-8 ALL\r\n");
    let v = rt!(sort_args, b" (DATE) \"US-ASCII\" ALL\r\n");
    assert_eq!(encode(&v), b" (DATE) US-ASCII ALL\r\n");
    rt_exact!(sort_args, b" (DATE) \"a b\" ALL\r\n");
}

#[test]
fn malformed() {
    for x in [
        &b"\r\n"[..],
        b" \r\n",
        b"ALL\r\n",
        b" FOO\r\n",
        b" BCC\r\n",
        b" BCC \r\n",
        b" BEFORE 31-Feb-2020\r\n",
        b" BEFORE 1-Foo-2020\r\n",
        b" BEFORE 1-Feb-20\r\n",
        b" HEADER Subject\r\n",
        b" KEYWORD \\Seen\r\n",
        b" LARGER -1\r\n",
        b" LARGER 99999999999999999999\r\n",
        b" NOT\r\n",
        b" NOT \r\n",
        b" OR ALL\r\n",
        b" UID\r\n",
        b" UID x\r\n",
        b" 0\r\n",
        b" 1:0\r\n",
        b" TEXT {5}\r\nab\r\n",
        b" TEXT \"abc\r\n",
        b" CHARSET\r\n",
        b" CHARSET UTF-8\r\n",
        b" CHARSET UTF-8 \r\n",
        b" RETURN\r\n",
        b" RETURN () \r\n",
        b" RETURN (COUNT ALL\r\n",
        b" RETURN (COUNT)ALL\r\n",
        b" ALLX\r\n",
        b" SAVEDATESUPPORTEDX\r\n",
        b" EMAILID\r\n",
        b" ALL\0\r\n",
    ] {
        bad!(search_args, x);
    }
    for x in [
        &b" (DATE) UTF-8\r\n"[..],
        b" () UTF-8 ALL\r\n",
        b" DATE UTF-8 ALL\r\n",
        b" (REVERSE) UTF-8 ALL\r\n",
        b" (REVERSE REVERSE DATE) UTF-8 ALL\r\n",
        b" (DATE UTF-8 ALL\r\n",
        b" (DATE) ALL\r\n",
        b" RETURN (ALL) UTF-8 ALL\r\n",
        b"\r\n",
    ] {
        bad!(sort_args, x);
    }
    for x in [
        &b" REFERENCES UTF-8\r\n"[..],
        b" REFERENCES\r\n",
        b" (REFERENCES) UTF-8 ALL\r\n",
        b" REFERENCES UTF-8 FOO\r\n",
    ] {
        bad!(thread_args, x);
    }
    for x in [
        &b" ()\r\n"[..],
        b" (0)\r\n",
        b" (1\r\n",
        b" (1 2\r\n",
        b" (1 (2)\r\n",
        b" (1 (2)(3) 4)\r\n",
        b" (1 x)\r\n",
        b" (1)(\r\n",
        b" ((1)(2)\r\n",
        b" (1,2)\r\n",
    ] {
        if let Ok((r, v)) = thread_data(x, d()) {
            assert!(trim(r) != b"\r\n", "{x:?} gave {v:?}");
        }
        prefixes!(thread_data, x);
    }
}

#[test]
fn prefixes_never_panic() {
    for x in [
        &b" RETURN (X-FOO (1 2) PARTIAL -1:-5 MIN) CHARSET UTF-8 OR (NOT TEXT {3}\r\nabc) HEADER a b MODSEQ \"/flags/x\" all 5\r\n"[..],
        b" EMAILID abc SAVEDON 1-Jan-2000 UID 1:*,5 $\r\n",
    ] {
        rt!(search_args, x);
        prefixes!(search_args, x);
    }
    let x = b" RETURN (ALL) (REVERSE SUBJECT DATE) UTF-8 (OR SEEN 1:4)\r\n";
    rt_exact!(sort_args, x);
    prefixes!(sort_args, x);
    let x = b" (TAG \"a\") UID ALL 1:5 ADDTO (0 1 2 3:4) PARTIAL (-1:-2 NIL) X (a) MODSEQ 5\r\n";
    rt_exact!(esearch_response, x);
    prefixes!(esearch_response, x);
    prefixes!(thread_data, CORPUS_THREAD_REFERENCES);
}

// ---- depth: no stack overflow, an error ----

#[test]
fn deep_nesting_is_an_error() {
    let deep = |unit: &str| {
        let mut v = format!(" {}", unit.repeat(100_000)).into_bytes();
        v.extend_from_slice(b"ALL\r\n");
        v
    };
    for input in [deep("("), deep("NOT "), deep("OR ALL "), deep("OR ")] {
        assert!(search_args(&input, d()).is_err());
        let sort = [&b" (DATE) UTF-8"[..], &input].concat();
        assert!(sort_args(&sort, d()).is_err());
        let thread = [&b" REFS UTF-8"[..], &input].concat();
        assert!(thread_args(&thread, d()).is_err());
    }
    let t = format!(" {}1{}\r\n", "(".repeat(100_000), ")".repeat(100_000));
    assert!(thread_data(t.as_bytes(), d()).is_err());
    let t = format!(" (1 {}\r\n", "(2)(".repeat(100_000));
    assert!(thread_data(t.as_bytes(), d()).is_err());
    let e = format!(" X-FOO {}\r\n", "(".repeat(100_000));
    assert!(esearch_response(e.as_bytes(), d()).is_err());
    let r = format!(" RETURN (X-FOO {}) ALL\r\n", "(".repeat(100_000));
    assert!(search_args(r.as_bytes(), d()).is_err());
    // Within the limit, nesting works.
    let ok = format!(" {}ALL{}\r\n", "(".repeat(60), ")".repeat(60));
    rt_exact!(search_args, ok.as_bytes());
    let ok = format!(" {}ALL\r\n", "NOT ".repeat(60));
    rt_exact!(search_args, ok.as_bytes());
    // Siblings do not count as depth.
    let wide = format!(" ({})\r\n", ["SEEN"; 1000].join(" "));
    rt_exact!(search_args, wide.as_bytes());
}

#[test]
fn into_owned_keeps_values() {
    let input = b" RETURN (X-A (1)) CHARSET UTF-8 HEADER a b (TEXT c) EMAILID e\r\n".to_vec();
    let (_, v) = search_args(&input, d()).unwrap();
    let owned: SearchArgs<'static> = v.clone().into_owned();
    assert_eq!(v, owned);
    let (_, e) = esearch_response(b" (TAG \"a\") X-B 1 ALL 1\r\n", d()).unwrap();
    assert_eq!(e.clone().into_owned(), e);
    let (_, s) = sort_args(b" (X-S) UTF-8 ALL\r\n", d()).unwrap();
    assert_eq!(s.clone().into_owned(), s);
    let (_, t) = thread_args(b" X-T UTF-8 ALL\r\n", d()).unwrap();
    assert_eq!(t.clone().into_owned(), t);
    let (_, th) = thread_data(b" ((1)(2 (3)(4)))\r\n", d()).unwrap();
    let o: Vec<Thread<'static>> = th.clone().into_iter().map(Thread::into_owned).collect();
    assert_eq!(o, th);
}
