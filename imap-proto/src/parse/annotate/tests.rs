//! ANNOTATE (RFC 5257): the examples of its §4, typed.

use crate::types::*;
use crate::{parse_command, parse_response};

fn s(x: &str) -> AString<'_> {
    AString::from(x)
}

fn av<'a>(attrib: &'a str, value: Option<&'a str>) -> AttValue<'a> {
    AttValue {
        attrib: s(attrib),
        value: value.map(IString::from),
    }
}

/// Parses, re-encodes, parses again: the same value.
fn command(b: &[u8]) -> CommandBody<'_> {
    let (c, n) =
        parse_command(b).unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    let again = c.to_bytes();
    assert_eq!(
        parse_command(&again).unwrap().0,
        c,
        "{}",
        String::from_utf8_lossy(&again)
    );
    c.body
}

fn fetch_items(b: &[u8]) -> Vec<MessageDataItem<'_>> {
    let (r, n) =
        parse_response(b).unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    let again = r.to_bytes();
    assert_eq!(
        parse_response(&again).unwrap().0,
        r,
        "{}",
        String::from_utf8_lossy(&again)
    );
    match r {
        Response::Data(Data::Fetch { items, .. }) => items,
        other => panic!("{other:?}"),
    }
}

#[test]
fn rfc5257_fetch_attribute() {
    let CommandBody::Fetch { args, .. } = command(b"a FETCH 1 (ANNOTATION (/comment value))\r\n")
    else {
        panic!()
    };
    assert_eq!(
        args.attributes,
        FetchAttributes::List(vec![FetchAttribute::Annotation(AnnotationFetch {
            entries: NonEmpty::new(ListMailbox::from("/comment")),
            attribs: NonEmpty::new(s("value")),
        })])
    );
    let CommandBody::Fetch { args, .. } = command(
        b"a UID FETCH 1123 (UID ANNOTATION ((/comment /altsubject) (value.priv value.shared)))\r\n",
    ) else {
        panic!()
    };
    let FetchAttributes::List(v) = args.attributes else {
        panic!()
    };
    let FetchAttribute::Annotation(a) = &v[1] else {
        panic!("{v:?}")
    };
    assert_eq!(a.entries.len(), 2);
    assert_eq!(a.attribs.len(), 2);
    command(b"a FETCH 1 (ANNOTATION (/% value.shared))\r\n");
}

#[test]
fn rfc5257_fetch_data() {
    let items = fetch_items(
        b"* 1 FETCH (ANNOTATION (/comment (value.priv \"My comment\" value.shared NIL)))\r\n",
    );
    assert_eq!(
        items,
        vec![MessageDataItem::Annotation(AnnotationData::Values(
            NonEmpty::new(EntryAtt {
                entry: s("/comment"),
                values: NonEmpty::from_vec(vec![
                    av("value.priv", Some("My comment")),
                    av("value.shared", None),
                ])
                .unwrap(),
            })
        ))]
    );
    // The unsolicited form: only the names of the entries that changed.
    let items = fetch_items(b"* 12 FETCH (UID 1123 ANNOTATION (/comment /altsubject))\r\n");
    assert_eq!(
        items[1],
        MessageDataItem::Annotation(AnnotationData::Entries(
            NonEmpty::from_vec(vec![s("/comment"), s("/altsubject")]).unwrap()
        ))
    );
    // A value with a NUL octet goes out as literal8, and reads back.
    let r = Response::Data(Data::Fetch {
        seq: std::num::NonZeroU32::MIN,
        items: vec![MessageDataItem::Annotation(AnnotationData::Values(
            NonEmpty::new(EntryAtt {
                entry: s("/x"),
                values: NonEmpty::new(AttValue {
                    attrib: s("value.priv"),
                    value: Some(IString::from(&b"a\0b"[..])),
                }),
            }),
        ))],
    });
    let b = r.to_bytes();
    assert!(
        b.windows(4).any(|w| w == b"~{3}"),
        "{}",
        String::from_utf8_lossy(&b)
    );
    assert_eq!(parse_response(&b).unwrap().0, r);
}

#[test]
fn rfc5257_store_search_sort() {
    let c = command(b"a STORE 1 ANNOTATION (/comment (value.priv \"My new comment\"))\r\n");
    let CommandBody::StoreExt {
        att: StoreAttExt::Annotation(v),
        ..
    } = c
    else {
        panic!("{c:?}")
    };
    assert_eq!(
        v.as_slice()[0].values.as_slice(),
        &[av("value.priv", Some("My new comment"))]
    );
    command(
        b"a STORE 1 ANNOTATION (/comment (value.priv NIL) /altsubject (value.shared \"x\"))\r\n",
    );
    // ANNOTATION has no +/- form.
    assert!(parse_command(b"a STORE 1 +ANNOTATION (/comment (value.priv NIL))\r\n").is_err());

    let CommandBody::Search { args, .. } =
        command(b"a SEARCH ANNOTATION /comment value \"IMAP4\"\r\n")
    else {
        panic!()
    };
    assert_eq!(
        args.keys.as_slice(),
        &[SearchKey::Annotation(AnnotationSearch {
            entry: ListMailbox::from("/comment"),
            attrib: AttSearch::Value,
            value: Some(IString::from("IMAP4")),
        })]
    );
    command(b"a SEARCH ANNOTATION * value.priv \"IMAP4\"\r\n");
    assert!(parse_command(b"a SEARCH ANNOTATION /comment size \"1\"\r\n").is_err());

    let CommandBody::Sort { args, .. } =
        command(b"a SORT (ANNOTATION /altsubject value.shared) UTF-8 ALL\r\n")
    else {
        panic!()
    };
    assert_eq!(
        args.criteria.as_slice()[0].key,
        SortKey::Annotation {
            entry: s("/altsubject"),
            attrib: AttSort::ValueShared
        }
    );
    assert!(SortKeyOther::new(Atom::new("annotation").unwrap()).is_err());
    // Quoted attribute names (Cyrus, cyrus-imapd pull request #3952).
    let (c, _) = parse_command(
        b"a SORT (ANNOTATION /x \"value.priv\") UTF-8 ANNOTATION /x \"value\" NIL\r\n",
    )
    .unwrap();
    assert_eq!(
        c.to_bytes(),
        b"a SORT (ANNOTATION /x value.priv) UTF-8 ANNOTATION /x value NIL\r\n"
    );
    assert!(FetchAttributeName::new("ANNOTATION").is_err());
}

#[test]
fn rfc5257_codes() {
    use crate::types::ResponseCode as R;
    fn code(b: &[u8]) -> Option<ResponseCode<'static>> {
        let (r, _) = parse_response(b).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parse_response(&r.to_bytes()).unwrap().0, r);
        match r.into_owned() {
            Response::Tagged(t) => t.text.code,
            Response::Untagged(u) => u.text.code,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        code(b"* OK [ANNOTATIONS 20480 NOPRIVATE]\r\n"),
        Some(R::Annotations(AnnSize::Size {
            max: std::num::NonZeroU32::new(20480).unwrap(),
            no_private: true
        }))
    );
    assert_eq!(
        code(b"* OK [ANNOTATIONS READ-ONLY] x\r\n"),
        Some(R::Annotations(AnnSize::ReadOnly { no_private: false }))
    );
    assert_eq!(
        code(b"* OK [ANNOTATIONS NONE] x\r\n"),
        Some(R::Annotations(AnnSize::None))
    );
    assert_eq!(
        code(b"a NO [ANNOTATE TOOBIG] Annotation too big\r\n"),
        Some(R::Annotate(AnnotateCode::TooBig))
    );
    assert_eq!(
        code(b"a NO [annotate toomany] Too many annotations\r\n"),
        Some(R::Annotate(AnnotateCode::TooMany))
    );
    // RFC 5466: a FILTER naming no stored search.
    assert_eq!(
        code(b"a NO [UNDEFINED-FILTER on-the-road] no such filter\r\n"),
        Some(R::UndefinedFilter(FilterName::new("on-the-road").unwrap()))
    );
    assert!(OtherCode::new(Atom::new("Annotations").unwrap(), None).is_err());
}
