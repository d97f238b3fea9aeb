//! Search: search keys (nested within a depth budget, now and then in a
//! deep chain), SEARCH return options, the arguments of SEARCH, SORT and
//! THREAD, and, on the response side, threads and ESEARCH data.

use std::num::NonZeroU32;

use ::arbitrary::{Result, Unstructured};

use super::raw::{gen_raw_value, raw_value_bytes, via_command};
// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_search_key(u: &mut Unstructured<'_>, d: u32) -> Result<SearchKey<'static>> {
    use SearchKey as K;
    // Now and then a deep chain, to reach the depth limit's neighbourhood.
    if d > 2 && small(u, 40)? == 0 {
        let mut k = K::All;
        for _ in 0..d {
            k = match small(u, 2)? {
                0 => K::Not(Box::new(k)),
                1 => K::Group(NonEmpty::new(k)),
                _ => K::Or(Box::new(k), Box::new(K::Seen)),
            };
        }
        return Ok(k);
    }
    let leaf = d == 0;
    let n = if leaf { small(u, 47)? } else { small(u, 52)? };
    Ok(match n {
        0 => K::All,
        1 => K::Answered,
        2 => K::Bcc(gen_astring(u)?),
        3 => K::Before(gen_date(u)?),
        4 => K::Body(gen_astring(u)?),
        5 => K::Cc(gen_astring(u)?),
        6 => K::Deleted,
        7 => K::Draft,
        8 => K::Flagged,
        9 => K::From(gen_astring(u)?),
        10 => K::Header(gen_astring(u)?, gen_astring(u)?),
        11 => K::Keyword(gen_atom(u)?),
        12 => K::Larger(gen_n64(u)?),
        13 => K::New,
        14 => K::Old,
        15 => K::On(gen_date(u)?),
        16 => K::Recent,
        17 => K::Seen,
        18 => K::SentBefore(gen_date(u)?),
        19 => K::SentOn(gen_date(u)?),
        20 => K::SentSince(gen_date(u)?),
        21 => K::Since(gen_date(u)?),
        22 => K::Smaller(gen_n64(u)?),
        23 => K::Subject(gen_astring(u)?),
        24 => K::Text(gen_astring(u)?),
        25 => K::To(gen_astring(u)?),
        26 => K::Uid(gen_seq_set(u)?),
        27 => K::Unanswered,
        28 => K::Undeleted,
        29 => K::Undraft,
        30 => K::Unflagged,
        31 => K::Unkeyword(gen_atom(u)?),
        32 => K::Unseen,
        33 => K::SequenceSet(gen_seq_set(u)?),
        34 => K::ModSeq {
            entry: if u.arbitrary()? {
                Some(ModSeqEntry {
                    name: IString::from(pick(
                        u,
                        &[&b"/flags/\\draft"[..], b"/flags/$x", b"", b"a\"b"],
                    )?),
                    kind: pick(
                        u,
                        &[
                            ModSeqEntryType::Priv,
                            ModSeqEntryType::Shared,
                            ModSeqEntryType::All,
                        ],
                    )?,
                })
            } else {
                None
            },
            value: gen_n64(u)?,
        },
        35 => K::Older(gen_nz(u)?),
        36 => K::Younger(gen_nz(u)?),
        37 => K::SavedBefore(gen_date(u)?),
        38 => K::SavedOn(gen_date(u)?),
        39 => K::SavedSince(gen_date(u)?),
        40 => K::SaveDateSupported,
        41 => K::EmailId(gen_objectid(u)?),
        42 => K::ThreadId(gen_objectid(u)?),
        43 | 44 => K::Seen,
        45 => K::Gmail(super::gmail::gen_gmail_search_key(u)?),
        46 => K::Filter(
            FilterName::new(pick(u, &["on-the-road", "boss", "x.y", "a:b"])?).expect("a name"),
        ),
        47 => K::Annotation(super::annotate::gen_annotation_search(u)?),
        48 => K::Not(Box::new(gen_search_key(u, d - 1)?)),
        50 => K::Fuzzy(Box::new(gen_search_key(u, d - 1)?)),
        49 => K::Or(
            Box::new(gen_search_key(u, d - 1)?),
            Box::new(gen_search_key(u, d - 1)?),
        ),
        _ => K::Group(gen_search_keys(u, d - 1)?),
    })
}

pub(super) fn gen_search_keys(
    u: &mut Unstructured<'_>,
    d: u32,
) -> Result<NonEmpty<SearchKey<'static>>> {
    list1(u, 4, |u| gen_search_key(u, d))
}

pub(super) fn gen_nz_pair(u: &mut Unstructured<'_>) -> Result<PartialRange> {
    Ok(if u.arbitrary()? {
        PartialRange::First(gen_nz(u)?, gen_nz(u)?)
    } else {
        PartialRange::Last(gen_nz(u)?, gen_nz(u)?)
    })
}

pub(super) fn gen_search_return_option(
    u: &mut Unstructured<'_>,
) -> Result<SearchReturnOption<'static>> {
    use SearchReturnOption as O;
    Ok(match small(u, 9)? {
        8 => O::Relevancy,
        0 => O::Min,
        1 => O::Max,
        2 => O::All,
        3 => O::Count,
        4 => O::Save,
        5 => O::Context,
        6 if u.arbitrary()? => O::Update,
        6 => O::UpdateFetch(list1(u, 3, super::fetch::gen_fetch_attribute)?),
        7 => O::Partial(gen_nz_pair(u)?),
        _ => {
            let name = Atom::new(name_text(u, &["X-OPT", "count"])?).expect("an atom");
            let value = if u.arbitrary()? {
                Some(raw_search_value(u)?)
            } else {
                None
            };
            match SearchReturnOptionExt::new(name, value) {
                Ok(x) => O::Other(x),
                Err(_) => O::Count,
            }
        }
    })
}

/// A raw `search-mod-params`, read as a SEARCH return option's value.
pub(super) fn raw_search_value(u: &mut Unstructured<'_>) -> Result<RawValue<'static>> {
    let mut b = b"A SEARCH RETURN (X-OPT ".to_vec();
    b.extend(raw_value_bytes(u, true)?);
    b.extend_from_slice(b") ALL\r\n");
    let got = via_command(&b, |body| match body {
        CommandBody::Search { args, .. } => match args.return_opts?.pop()? {
            SearchReturnOption::Other(x) => x.value().cloned().map(RawValue::into_owned),
            _ => None,
        },
        _ => None,
    });
    Ok(match got {
        Some(v) => v,
        None => via_command(b"A SEARCH RETURN (X-OPT 1) ALL\r\n", |body| match body {
            CommandBody::Search { args, .. } => match args.return_opts?.pop()? {
                SearchReturnOption::Other(x) => x.value().cloned().map(RawValue::into_owned),
                _ => None,
            },
            _ => None,
        })
        .expect("a raw value"),
    })
}

pub(super) fn gen_return_opts(
    u: &mut Unstructured<'_>,
) -> Result<Option<Vec<SearchReturnOption<'static>>>> {
    Ok(if u.arbitrary()? {
        Some(list(u, 0, 3, gen_search_return_option)?)
    } else {
        None
    })
}

pub(super) fn gen_charset(u: &mut Unstructured<'_>) -> Result<AString<'static>> {
    Ok(if u.arbitrary()? {
        AString::from(pick(u, &["UTF-8", "US-ASCII", "ISO-8859-1", "utf-8"])?)
    } else {
        gen_astring(u)?
    })
}

pub(super) fn gen_search_args(u: &mut Unstructured<'_>) -> Result<SearchArgs<'static>> {
    Ok(SearchArgs {
        return_opts: gen_return_opts(u)?,
        charset: if u.arbitrary()? {
            Some(gen_charset(u)?)
        } else {
            None
        },
        keys: gen_search_keys(u, DEPTH)?,
    })
}

pub(super) fn gen_sort_args(u: &mut Unstructured<'_>) -> Result<SortArgs<'static>> {
    let criteria = list1(u, 3, |u| {
        let key = match small(u, 11)? {
            0 => SortKey::Arrival,
            1 => SortKey::Cc,
            2 => SortKey::Date,
            3 => SortKey::From,
            4 => SortKey::Size,
            5 => SortKey::Subject,
            6 => SortKey::To,
            7 => SortKey::DisplayFrom,
            8 => SortKey::DisplayTo,
            9 => SortKey::Relevancy,
            10 => SortKey::Annotation {
                entry: gen_astring(u)?,
                attrib: super::annotate::gen_att_sort(u)?,
            },
            _ => match SortKeyOther::new(gen_atom(u)?) {
                Ok(o) => SortKey::Other(o),
                Err(_) => SortKey::Date,
            },
        };
        Ok(SortCriterion {
            reverse: u.arbitrary()?,
            key,
        })
    })?;
    Ok(SortArgs {
        return_opts: gen_return_opts(u)?,
        criteria,
        charset: gen_charset(u)?,
        keys: gen_search_keys(u, DEPTH)?,
    })
}

pub(super) fn gen_thread_args(u: &mut Unstructured<'_>) -> Result<ThreadArgs<'static>> {
    let algorithm = match small(u, 3)? {
        0 => ThreadAlgorithm::OrderedSubject,
        1 => ThreadAlgorithm::References,
        2 => ThreadAlgorithm::Refs,
        _ => match ThreadAlgorithmOther::new(gen_atom(u)?) {
            Ok(o) => ThreadAlgorithm::Other(o),
            Err(_) => ThreadAlgorithm::Refs,
        },
    };
    Ok(ThreadArgs {
        algorithm,
        charset: gen_charset(u)?,
        keys: gen_search_keys(u, DEPTH)?,
    })
}

pub(super) fn gen_thread(u: &mut Unstructured<'_>, d: u32) -> Result<Thread<'static>> {
    let messages = list(u, 0, 4, gen_nz)?;
    let children = if d == 0 {
        Vec::new()
    } else {
        match small(u, 3)? {
            0 => vec![gen_thread(u, d - 1)?],
            1 => vec![gen_thread(u, d - 1)?, gen_thread(u, d - 1)?],
            _ => Vec::new(),
        }
    };
    Ok(Thread::new(messages, children)
        .unwrap_or_else(|_| Thread::leaf(vec![NonZeroU32::MIN]).expect("one message")))
}

pub(super) fn gen_esearch_data(u: &mut Unstructured<'_>) -> Result<ESearchReturnData<'static>> {
    use ESearchReturnData as D;
    let update = |u: &mut Unstructured<'_>| {
        Ok(ContextUpdate {
            position: gen_u32(u)?,
            set: gen_uid_set(u)?,
        })
    };
    Ok(match small(u, 9)? {
        8 => D::Relevancy(list(u, 0, 4, |u| {
            Ok(RelevancyScore::new(u.int_in_range(1..=100)?).expect("1 to 100"))
        })?),
        0 => D::Min(gen_nz(u)?),
        1 => D::Max(gen_nz(u)?),
        2 => D::All(gen_uid_set(u)?),
        3 => D::Count(gen_u32(u)?),
        4 => D::ModSeq(gen_n64(u)?),
        5 => D::AddTo(list1(u, 3, update)?),
        6 => D::RemoveFrom(list1(u, 3, update)?),
        7 => D::Partial {
            range: gen_nz_pair(u)?,
            results: if u.arbitrary()? {
                Some(gen_uid_set(u)?)
            } else {
                None
            },
        },
        _ => {
            let name = Atom::new(name_text(u, &["X-DATA", "uid"])?).expect("an atom");
            match ESearchReturnDataExt::new(name, gen_raw_value(u)?) {
                Ok(x) => D::Other(x),
                Err(_) => D::Count(0),
            }
        }
    })
}

pub(super) fn gen_esearch(u: &mut Unstructured<'_>) -> Result<ESearchResponse<'static>> {
    Ok(ESearchResponse {
        tag: if u.arbitrary()? {
            Some(gen_astring(u)?)
        } else {
            None
        },
        mailbox: if u.arbitrary()? {
            Some(gen_mailbox(u)?)
        } else {
            None
        },
        uid_validity: if u.arbitrary()? {
            Some(gen_nz(u)?)
        } else {
            None
        },
        uid: u.arbitrary()?,
        data: list(u, 0, 4, gen_esearch_data)?,
    })
}
