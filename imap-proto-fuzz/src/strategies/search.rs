//! Strategies for searching: [`SearchKey`] trees (nested a few levels,
//! now and then a chain as deep as [`MAX_NESTING`](super::MAX_NESTING)),
//! SEARCH, SORT and THREAD arguments with their return options, THREAD
//! response trees and ESEARCH responses.

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::{
    astring, atom, command_part, date, ext_name, non_empty, number, number64, nz, objectid,
    raw_text, raw_value, sequence_set, uid_set, MAX_NESTING, S,
};

fn search_leaf() -> S<SearchKey<'static>> {
    use SearchKey as K;
    let plain = select(
        &[
            K::All,
            K::Answered,
            K::Deleted,
            K::Draft,
            K::Flagged,
            K::New,
            K::Old,
            K::Recent,
            K::Seen,
            K::Unanswered,
            K::Undeleted,
            K::Undraft,
            K::Unflagged,
            K::Unseen,
            K::SaveDateSupported,
        ][..],
    );
    let strings = (0u8..8, astring()).prop_map(|(k, s)| match k {
        0 => K::Bcc(s),
        1 => K::Body(s),
        2 => K::Cc(s),
        3 => K::From(s),
        4 => K::Subject(s),
        5 => K::Text(s),
        _ => K::To(s),
    });
    let dates = (0u8..10, date()).prop_map(|(k, d)| match k {
        0 => K::Before(d),
        1 => K::On(d),
        2 => K::SentBefore(d),
        3 => K::SentOn(d),
        4 => K::SentSince(d),
        5 => K::Since(d),
        6 => K::SavedBefore(d),
        7 => K::SavedOn(d),
        _ => K::SavedSince(d),
    });
    let modseq_entry = (
        select(vec![
            &b"/flags/\\draft"[..],
            b"/flags/$Junk",
            b"",
            b"q\"uote",
        ]),
        select(
            &[
                ModSeqEntryType::Priv,
                ModSeqEntryType::Shared,
                ModSeqEntryType::All,
            ][..],
        ),
    )
        .prop_map(|(n, kind)| ModSeqEntry {
            name: IString::from(n.to_vec()),
            kind,
        });
    let other = prop_oneof![
        (astring(), astring()).prop_map(|(a, b)| K::Header(a, b)),
        atom().prop_map(K::Keyword),
        atom().prop_map(K::Unkeyword),
        number64().prop_map(K::Larger),
        number64().prop_map(K::Smaller),
        sequence_set().prop_map(K::Uid),
        sequence_set().prop_map(K::SequenceSet),
        (proptest::option::of(modseq_entry), number64())
            .prop_map(|(entry, value)| K::ModSeq { entry, value }),
        nz().prop_map(K::Older),
        nz().prop_map(K::Younger),
        objectid().prop_map(K::EmailId),
        objectid().prop_map(K::ThreadId),
        super::gmail::gmail_search_key().prop_map(K::Gmail),
        super::annotate::annotation_search().prop_map(K::Annotation),
        "[a-zA-Z0-9.:_-]{1,12}".prop_map(|s| K::Filter(FilterName::new(s).expect("a filter-name"))),
    ];
    prop_oneof![2 => plain, 2 => strings, 1 => dates, 3 => other].boxed()
}

/// A chain of `depth` NOT / OR / group levels around a key.
fn chain(depth: u32) -> S<SearchKey<'static>> {
    vec(0u8..3, depth as usize..=depth as usize)
        .prop_map(|kinds| {
            kinds
                .into_iter()
                .fold(SearchKey::All, |k, kind| match kind {
                    0 => SearchKey::Not(Box::new(k)),
                    1 => SearchKey::Or(Box::new(SearchKey::Seen), Box::new(k)),
                    _ => SearchKey::Group(NonEmpty::new(k)),
                })
        })
        .boxed()
}

/// `search-key`, nested up to a few levels, now and then a deep chain.
pub fn search_key() -> S<SearchKey<'static>> {
    let tree = search_leaf().prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|k| SearchKey::Not(Box::new(k))),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| SearchKey::Or(Box::new(a), Box::new(b))),
            inner.clone().prop_map(|k| SearchKey::Fuzzy(Box::new(k))),
            non_empty(inner, 1..3).prop_map(SearchKey::Group),
        ]
    });
    prop_oneof![
        20 => tree,
        1 => (1..=MAX_NESTING).prop_flat_map(chain),
    ]
    .boxed()
}

fn search_keys() -> S<NonEmpty<SearchKey<'static>>> {
    non_empty(search_key(), 1..3)
}

pub(super) fn partial_range() -> S<PartialRange> {
    prop_oneof![
        (nz(), nz()).prop_map(|(a, b)| PartialRange::First(a, b)),
        (nz(), nz()).prop_map(|(a, b)| PartialRange::Last(a, b)),
    ]
    .boxed()
}

/// A search return option's raw parameter, read back from a SEARCH.
fn search_mod_params() -> S<RawValue<'static>> {
    raw_text(true)
        .prop_filter_map("did not parse as one parameter", |v| {
            let mut w = b"A SEARCH RETURN (X-OPT ".to_vec();
            w.extend(v);
            w.extend_from_slice(b") ALL\r\n");
            command_part(w, |b| match b {
                CommandBody::Search { args, .. } => match args.return_opts?.pop()? {
                    SearchReturnOption::Other(x) => x.value().cloned().map(RawValue::into_owned),
                    _ => None,
                },
                _ => None,
            })
        })
        .boxed()
}

fn search_return_option() -> S<SearchReturnOption<'static>> {
    use SearchReturnOption as O;
    prop_oneof![
        4 => select(&[O::Min, O::Max, O::All, O::Count, O::Save, O::Context, O::Update, O::Relevancy][..]),
        1 => partial_range().prop_map(O::Partial),
        1 => super::non_empty(super::fetch_attribute(), 1..3).prop_map(O::UpdateFetch),
        1 => (ext_name(), proptest::option::of(search_mod_params())).prop_filter_map(
            "a known option",
            |(n, v)| SearchReturnOptionExt::new(Atom::new(n).expect("an atom"), v).ok().map(O::Other)
        ),
    ]
    .boxed()
}

fn return_opts() -> S<Option<Vec<SearchReturnOption<'static>>>> {
    proptest::option::of(vec(search_return_option(), 0..3)).boxed()
}

fn charset() -> S<AString<'static>> {
    prop_oneof![
        select(&["UTF-8", "us-ascii", "ISO-8859-1"][..]).prop_map(AString::from),
        astring(),
    ]
    .boxed()
}

/// SEARCH arguments.
pub fn search_args() -> S<SearchArgs<'static>> {
    (
        return_opts(),
        proptest::option::of(charset()),
        search_keys(),
    )
        .prop_map(|(return_opts, charset, keys)| SearchArgs {
            return_opts,
            charset,
            keys,
        })
        .boxed()
}

fn sort_key() -> S<SortKey<'static>> {
    prop_oneof![
        4 => select(&[
            SortKey::Arrival,
            SortKey::Cc,
            SortKey::Date,
            SortKey::From,
            SortKey::Size,
            SortKey::Subject,
            SortKey::To,
            SortKey::DisplayFrom,
            SortKey::DisplayTo,
            SortKey::Relevancy,
        ][..]),
        1 => atom().prop_filter_map("a known key", |a| SortKeyOther::new(a).ok().map(SortKey::Other)),
        1 => super::annotate::annotation_sort_key(),
    ]
    .boxed()
}

/// SORT arguments.
pub fn sort_args() -> S<SortArgs<'static>> {
    (
        return_opts(),
        non_empty(
            (any::<bool>(), sort_key())
                .prop_map(|(reverse, key)| SortCriterion { reverse, key })
                .boxed(),
            1..3,
        ),
        charset(),
        search_keys(),
    )
        .prop_map(|(return_opts, criteria, charset, keys)| SortArgs {
            return_opts,
            criteria,
            charset,
            keys,
        })
        .boxed()
}

/// THREAD arguments.
pub fn thread_args() -> S<ThreadArgs<'static>> {
    let alg = prop_oneof![
        select(
            &[
                ThreadAlgorithm::OrderedSubject,
                ThreadAlgorithm::References,
                ThreadAlgorithm::Refs,
            ][..]
        ),
        atom().prop_filter_map("a known algorithm", |a| ThreadAlgorithmOther::new(a)
            .ok()
            .map(ThreadAlgorithm::Other)),
    ];
    (alg, charset(), search_keys())
        .prop_map(|(algorithm, charset, keys)| ThreadArgs {
            algorithm,
            charset,
            keys,
        })
        .boxed()
}

/// A THREAD response tree.
pub fn thread() -> S<Thread<'static>> {
    let leaf = vec(nz(), 1..4).prop_map(|m| Thread::leaf(m).expect("non-empty"));
    leaf.prop_recursive(6, 24, 3, |inner| {
        (vec(nz(), 0..3), vec(inner, 1..3))
            .prop_map(|(m, c)| Thread::new(m, c).expect("has children"))
    })
    .boxed()
}

fn esearch_data() -> S<ESearchReturnData<'static>> {
    use ESearchReturnData as D;
    let update = (number(), uid_set())
        .prop_map(|(position, set)| ContextUpdate { position, set })
        .boxed();
    prop_oneof![
        nz().prop_map(D::Min),
        nz().prop_map(D::Max),
        uid_set().prop_map(D::All),
        number().prop_map(D::Count),
        number64().prop_map(D::ModSeq),
        non_empty(update.clone(), 1..3).prop_map(D::AddTo),
        non_empty(update, 1..3).prop_map(D::RemoveFrom),
        (partial_range(), proptest::option::of(uid_set()))
            .prop_map(|(range, results)| D::Partial { range, results }),
        vec(
            (1u8..=100).prop_map(|n| RelevancyScore::new(n).expect("1 to 100")),
            0..4
        )
        .prop_map(D::Relevancy),
        (ext_name(), raw_value()).prop_filter_map("a known item", |(n, v)| {
            ESearchReturnDataExt::new(Atom::new(n).expect("an atom"), v)
                .ok()
                .map(D::Other)
        }),
    ]
    .boxed()
}

/// An ESEARCH response.
pub fn esearch() -> S<ESearchResponse<'static>> {
    (
        proptest::option::of(astring()),
        proptest::option::of(super::mailbox()),
        proptest::option::of(nz()),
        any::<bool>(),
        vec(esearch_data(), 0..4),
    )
        .prop_map(|(tag, mailbox, uid_validity, uid, data)| ESearchResponse {
            tag,
            mailbox,
            uid_validity,
            uid,
            data,
        })
        .boxed()
}
