//! FETCH responses as real servers send them: each quirk whole, at every
//! strict prefix (Incomplete), with trailing bytes (left alone), and round
//! tripped (encode, parse: the same value; items kept raw come back byte for
//! byte). Each test names the server or public report it comes from.

use crate::types::{
    Address, BodyStructure, Data, Envelope, Flag, IString, MalformedItem, MessageDataItem, NString,
    PartKind, Response,
};
use crate::{parse_response, ParseError};
use MessageDataItem as M;

/// Parses `input` (one response) whole, checks every prefix and trailing
/// bytes, encodes, parses again to the same value, and checks that every
/// item kept raw re-encodes to its bytes as received. Returns the items.
fn fetch(input: &[u8]) -> Vec<MessageDataItem<'static>> {
    let show = || String::from_utf8_lossy(input).into_owned();
    let (r, n) = parse_response(input).unwrap_or_else(|e| panic!("{}: {e:?}", show()));
    assert_eq!(n, input.len(), "{}", show());
    for k in 0..input.len() {
        match parse_response(&input[..k]) {
            Err(e) => assert!(e.is_incomplete(), "prefix {k} of {}: {e:?}", show()),
            Ok(_) => panic!("prefix {k} of {} parsed", show()),
        }
    }
    let mut more = input.to_vec();
    more.extend_from_slice(b"* 1 EXISTS\r\n");
    assert_eq!(parse_response(&more).unwrap().1, input.len(), "{}", show());
    let bytes = r.to_bytes();
    let (r2, n2) = parse_response(&bytes).unwrap_or_else(|e| {
        panic!(
            "re-parse of {}: {e:?}",
            String::from_utf8_lossy(&bytes).into_owned()
        )
    });
    assert_eq!(n2, bytes.len());
    assert_eq!(r2, r, "{}", String::from_utf8_lossy(&bytes));
    let Response::Data(Data::Fetch { items, .. }) = r else {
        panic!("not a FETCH: {}", show())
    };
    for it in &items {
        if let M::Malformed(m) = it {
            let mut raw = m.name().as_bytes().to_vec();
            raw.push(b' ');
            raw.extend_from_slice(m.value().as_bytes());
            assert!(
                input.windows(raw.len()).any(|w| w == raw),
                "{:?} is not in {}",
                String::from_utf8_lossy(&raw),
                show()
            );
            assert!(
                bytes.windows(raw.len()).any(|w| w == raw),
                "{:?} is not re-encoded as received",
                String::from_utf8_lossy(&raw)
            );
        }
    }
    items.into_iter().map(MessageDataItem::into_owned).collect()
}

/// `input` re-encodes to itself, byte for byte.
fn exact(input: &[u8]) -> Vec<MessageDataItem<'static>> {
    let items = fetch(input);
    let (r, _) = parse_response(input).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&r.to_bytes()),
        String::from_utf8_lossy(input)
    );
    items
}

/// `input` is refused as invalid (never Incomplete, never a panic).
fn refused(input: &[u8]) -> ParseError {
    match parse_response(input) {
        Err(e) if !e.is_incomplete() => e,
        other => panic!("{}: {other:?}", String::from_utf8_lossy(input)),
    }
}

fn malformed<'a>(it: &'a MessageDataItem<'_>) -> (&'a str, &'a [u8]) {
    match it {
        M::Malformed(m) => (m.name(), m.value().as_bytes()),
        other => panic!("not kept raw: {other:?}"),
    }
}

fn s(v: &str) -> NString<'static> {
    Some(IString::from(v.to_owned()))
}

fn single(b: &MessageDataItem<'_>) -> PartKind<'static> {
    match b {
        M::Body(b) | M::BodyStructure(b) => match &**b {
            BodyStructure::Single(p) => p.kind.clone().into_owned(),
            other => panic!("not a single part: {other:?}"),
        },
        other => panic!("not a body: {other:?}"),
    }
}

#[test]
fn zoho_modseq_minus_one_is_kept_raw_and_flags_stay_typed() {
    // Zoho (issue 11): a mod-sequence of -1.
    let items = exact(b"* 40 FETCH (MODSEQ (-1) FLAGS (\\Seen))\r\n");
    assert_eq!(malformed(&items[0]), ("MODSEQ", &b"(-1)"[..]));
    assert_eq!(items[1], M::Flags(vec![Flag::Seen]));
    // Lowercase, and in the middle of the list.
    let items = exact(b"* 40 FETCH (UID 7 modseq (-1) RFC822.SIZE 12)\r\n");
    assert_eq!(malformed(&items[1]), ("modseq", &b"(-1)"[..]));
    assert!(matches!(items[2], M::Rfc822Size(_)));
}

#[test]
fn domino_extra_parentheses_around_an_item_are_dropped() {
    // Domino (MailKit issue #943): `(ENVELOPE (...))` in the item list.
    let input = b"* 2 FETCH (UID 14935 (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)) \
        BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0 NIL))\r\n";
    let items = fetch(input);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0], M::Uid(14935.try_into().unwrap()));
    assert_eq!(items[1], M::Envelope(Box::default()));
    assert!(matches!(single(&items[2]), PartKind::Text { .. }));
    // Written back without the extra parentheses.
    let (r, _) = parse_response(input).unwrap();
    assert!(String::from_utf8_lossy(&r.to_bytes()).contains("14935 ENVELOPE (NIL"));
    // Nested, several items in one group, an empty group, a degraded item
    // inside a group.
    let items = fetch(b"* 2 FETCH (((UID 1 FLAGS ())) () (MODSEQ (-1)))\r\n");
    assert_eq!(items.len(), 3);
    assert_eq!(items[1], M::Flags(vec![]));
    assert_eq!(malformed(&items[2]), ("MODSEQ", &b"(-1)"[..]));
    // A group that does not close, or is not followed by SP or ")".
    refused(b"* 2 FETCH ((UID 1 FLAGS ())\r\n");
    refused(b"* 2 FETCH ((UID 1)x)\r\n");
}

#[test]
fn domino_empty_body_of_a_message_part_keeps_the_structure_raw() {
    // Domino (MailKit issue #944): a MESSAGE/RFC822 part whose body is
    // `()`, and doubled spaces; no reading fits the body, so the structure
    // is kept raw, the envelope and flags around it stay typed.
    let bs = "((\"text\" \"plain\"  (\"charset\" \"UTF-8\") NIL NIL \"base64\" 232 4 NIL NIL NIL)\
        (\"message\" \"rfc822\"  NIL NIL NIL \"7BIT\" 787 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) () 0 NIL NIL NIL) \
        \"report\" (\"report-type\" \"delivery-status\") NIL NIL)";
    let input = format!(
        "* 9125 FETCH (UID 23064 ENVELOPE (\"6 Nov 2019 09:12:02 +0100\" \"DELIVERY FAILURE\" \
         ((NIL NIL \"postmaster\" \"example.at\")) NIL NIL ((NIL NIL \"support\" \"example.org\")) \
         NIL NIL NIL \"<x@example.com>\") BODYSTRUCTURE {bs} FLAGS (\\Seen))\r\n"
    );
    let items = exact(input.as_bytes());
    assert!(matches!(items[1], M::Envelope(_)));
    assert_eq!(malformed(&items[2]), ("BODYSTRUCTURE", bs.as_bytes()));
    assert_eq!(items[3], M::Flags(vec![Flag::Seen]));
}

#[test]
fn body_parts_without_subtype_read_as_nil_subtype() {
    // Issue 11 ("body parts with no subtype"): the parameter list right
    // after the media type, and a multipart whose subtype is left out.
    let items = fetch(
        b"* 1 FETCH (BODY ((\"TEXT\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 3 1)\
          (\"APPLICATION\" (\"NAME\" \"a.bin\") NIL NIL \"BASE64\" 8)))\r\n",
    );
    let M::Body(b) = &items[0] else { panic!() };
    let BodyStructure::Multi(m) = &**b else {
        panic!()
    };
    assert_eq!(m.subtype, None);
    let kinds: Vec<_> = m
        .bodies()
        .iter()
        .map(|b| match b {
            BodyStructure::Single(p) => p.kind.clone(),
            _ => panic!(),
        })
        .collect();
    assert_eq!(
        kinds[0],
        PartKind::Text {
            subtype: None,
            lines: 1u32.into()
        }
    );
    assert_eq!(
        kinds[1],
        PartKind::Basic {
            media_type: s("APPLICATION"),
            subtype: None
        }
    );
}

#[test]
fn nil_where_a_string_belongs_stays_nil() {
    // NIL for a media type, subtype and encoding (Apple iCloud, maddy), for
    // a parameter value (Exchange 2010, mail.ru), for envelope and address
    // fields (Yahoo sends a NIL env-date: MailCore issue #734).
    let items = exact(
        b"* 1 FETCH (BODYSTRUCTURE (NIL NIL (\"BOUNDARY\" NIL) NIL NIL NIL 5 NIL NIL NIL NIL) \
          ENVELOPE (NIL NIL ((NIL NIL NIL NIL)) NIL NIL NIL NIL NIL NIL NIL))\r\n",
    );
    assert_eq!(
        single(&items[0]),
        PartKind::Basic {
            media_type: None,
            subtype: None
        }
    );
    let M::Envelope(e) = &items[1] else { panic!() };
    assert_eq!(e.from, vec![Address::default()]);
    // NIL for a parameter name or a disposition type has no typed reading:
    // that structure is kept raw, the UID stays typed.
    let items =
        exact(b"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" (NIL \"x\") NIL NIL \"7BIT\" 1 1) UID 3)\r\n");
    assert_eq!(malformed(&items[0]).0, "BODY");
    assert!(matches!(items[1], M::Uid(_)));
    let items = exact(
        b"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL (NIL NIL) NIL NIL))\r\n",
    );
    assert_eq!(malformed(&items[0]).0, "BODYSTRUCTURE");
}

#[test]
fn nine_field_envelope_ending_in_nil_has_a_nil_message_id() {
    // MailKit issue #669: a server that leaves out the message-id of a
    // message without one; the ninth field is NIL, so whichever is missing,
    // both are NIL.
    let items = fetch(
        b"* 3 FETCH (ENVELOPE (\"Mon, 30 Oct 2017 11:05:21 +0800\" \"hello\" \
          ((NIL NIL \"a\" \"qq.com\")) ((NIL NIL \"a\" \"qq.com\")) ((NIL NIL \"a\" \"qq.com\")) \
          NIL NIL NIL NIL) UID 9)\r\n",
    );
    let M::Envelope(e) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!((&e.in_reply_to, &e.message_id), (&None, &None));
    assert_eq!(e.from.len(), 1);
    // Also inside a MESSAGE/RFC822 part, and with a space before ")".
    let items = fetch(
        b"* 3 FETCH (BODY (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 9 \
          (NIL NIL NIL NIL NIL NIL NIL NIL NIL ) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1) 2))\r\n",
    );
    assert!(matches!(single(&items[0]), PartKind::Message { .. }));
}

#[test]
fn nine_field_envelope_ending_in_a_string_is_kept_raw() {
    // MailKit issue #279 (qq.com): nine fields, the ninth a message id that
    // may be the in-reply-to or the message-id: ambiguous, kept raw.
    let env = "(\"Wed, 7 Aug 2013 16:44:13 +0800\" \"Re: x\" ((NIL NIL \"xxx\" \"xxx.com\")) \
        ((NIL NIL \"xxx\" \"xxx.com\")) ((NIL NIL \"xxx\" \"xxx.com\")) ((NIL NIL \"y\" \"xxx.com\")) \
        NIL NIL \"<xxx@qq.com>\")";
    let input = format!("* 33 FETCH (ENVELOPE {env} UID 4)\r\n");
    let items = exact(input.as_bytes());
    assert_eq!(malformed(&items[0]), ("ENVELOPE", env.as_bytes()));
    assert!(matches!(items[1], M::Uid(_)));
}

#[test]
fn nil_inside_an_address_list_is_skipped() {
    // MailKit issue #991 (and issue 11): `(NIL (address))` and
    // `((address) NIL)` in an envelope's address lists.
    let items = fetch(
        b"* 3001 FETCH (UID 3001 ENVELOPE (\"Thu, 18 Jul 2019 01:29:32 -0300\" \"x\" \
          (NIL (\"Name\" NIL \"a\" \"b.com\")) ((NIL NIL \"a\" \"b\") NIL) (NIL) \
          ((NIL NIL \"c\" \"d.com\")) NIL NIL NIL \"<id@x>\"))\r\n",
    );
    let M::Envelope(e) = &items[1] else { panic!() };
    assert_eq!(
        e.from,
        vec![Address::new(Some("Name"), None, Some("a"), Some("b.com"))]
    );
    assert_eq!(
        e.sender,
        vec![Address::new(None, None, Some("a"), Some("b"))]
    );
    assert!(e.reply_to.is_empty());
    assert_eq!(e.to.len(), 1);
    // Something else than NIL or an address stays a failure of the
    // envelope: kept raw.
    let items = fetch(b"* 1 FETCH (ENVELOPE (NIL NIL (\"a\") NIL NIL NIL NIL NIL NIL NIL))\r\n");
    assert_eq!(malformed(&items[0]).0, "ENVELOPE");
}

#[test]
fn internaldate_nil_is_kept_raw() {
    // imap-proto 0.17 panics on this one (issue 11).
    let items = exact(b"* 1 FETCH (INTERNALDATE NIL)\r\n");
    assert_eq!(malformed(&items[0]), ("INTERNALDATE", &b"NIL"[..]));
    let items = exact(b"* 1 FETCH (UID 5 INTERNALDATE NIL FLAGS ())\r\n");
    assert_eq!(items.len(), 3);
    assert_eq!(malformed(&items[1]).0, "INTERNALDATE");
}

#[test]
fn internaldate_forms() {
    // A one-digit day without its space (swift-nio-imap PR #735): typed.
    let items = fetch(b"* 1 FETCH (INTERNALDATE \"8-Mar-2023 12:16:47 +0800\")\r\n");
    let M::InternalDate(t) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!((t.date().day(), t.zone_minutes()), (8, 480));
    // Without a zone (no offset to read, none to invent), in RFC 5322 form
    // (asimap PR #458 fixed a server that sent it), an impossible day:
    // kept raw.
    for v in [
        &b"\"08-Mar-2023 12:16:47\""[..],
        b"\"Mon, 09 Feb 2026 10:00:00 +0000\"",
        b"\"31-Feb-2023 12:16:47 +0000\"",
    ] {
        let mut input = b"* 1 FETCH (INTERNALDATE ".to_vec();
        input.extend_from_slice(v);
        input.extend_from_slice(b" UID 2)\r\n");
        let items = exact(&input);
        assert_eq!(malformed(&items[0]), ("INTERNALDATE", v));
        assert!(matches!(items[1], M::Uid(_)));
    }
    // SAVEDATE likewise.
    let items = exact(b"* 1 FETCH (SAVEDATE \"x\")\r\n");
    assert_eq!(malformed(&items[0]), ("SAVEDATE", &b"\"x\""[..]));
}

#[test]
fn minus_one_octets_and_lines_are_tolerated() {
    // Size unknown (issue 11 "-1 octets are already tolerated"; imapclient
    // and go-imap users report `-1` from Exchange).
    let items = fetch(b"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" -1 -1))\r\n");
    let M::Body(b) = &items[0] else { panic!() };
    let BodyStructure::Single(p) = &**b else {
        panic!()
    };
    assert_eq!(p.fields.octets, 0);
    assert_eq!(
        p.kind,
        PartKind::Text {
            subtype: s("PLAIN"),
            lines: 0u32.into()
        }
    );
}

#[test]
fn md5_given_as_a_list_keeps_the_structure_raw() {
    // libetpan issue #217: a body-fld-md5 that is a parameter list.
    let bs = "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"GB2312\") NIL NIL NIL 0 0 (\"BOUNDARY\" \"=_D\") NIL NIL) \
        \"RELATED\" (\"BOUNDARY\" \"=_D\") NIL NIL)";
    let input = format!("* 1 FETCH (UID 8 BODYSTRUCTURE {bs})\r\n");
    let items = exact(input.as_bytes());
    assert_eq!(malformed(&items[1]), ("BODYSTRUCTURE", bs.as_bytes()));
}

#[test]
fn gmail_parts_without_body_fields_keep_the_structure_raw_beside_a_literal() {
    // Gmail (MailKit issue #371): parts `("RELATED" NIL ("ATTACHMENT" NIL)
    // NIL)` without body fields; every other item stays typed, the
    // header literal after it included.
    let bs =
        "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"BASE64\" 10418 133 NIL NIL NIL)\
        (\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"BASE64\" 34544 442 NIL NIL NIL) \
        \"ALTERNATIVE\" (\"BOUNDARY\" \"94eb\") NIL NIL)(\"RELATED\" NIL (\"ATTACHMENT\" NIL) NIL)\
        (\"RELATED\" NIL (\"ATTACHMENT\" NIL) NIL) \"MIXED\" (\"BOUNDARY\" \"94ec\") NIL NIL)";
    let input = format!(
        "* 56697 FETCH (UID 227195 RFC822.SIZE 87705 MODSEQ (10677203) \
         INTERNALDATE \"01-Apr-2017 15:51:32 +0000\" FLAGS (\\Seen) BODYSTRUCTURE {bs} \
         BODY[HEADER.FIELDS (LIST-ID MIME-VERSION)] {{21}}\r\nMIME-Version: 1.0\r\n\r\n)\r\n"
    );
    // (The date comes back as " 1-Apr-2017", its fixed form.)
    let items = fetch(input.as_bytes());
    assert_eq!(items.len(), 7);
    assert!(matches!(items[2], M::ModSeq(_)));
    assert!(matches!(items[3], M::InternalDate(_)));
    assert_eq!(malformed(&items[5]), ("BODYSTRUCTURE", bs.as_bytes()));
    assert!(matches!(&items[6], M::BodySection { data: Some(d), .. } if d.as_bytes().len() == 21));
}

#[test]
fn disposition_as_a_bare_string_in_a_multipart_stays_typed() {
    // Jakarta Mail (javaee/javamail issue #278): a multipart whose
    // body-fld-dsp is a bare string.
    let items = fetch(
        b"* 9 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)\
          (\"application\" \"octet-stream\" (\"name\" \"a.txt\") NIL NIL \"base64\" 17 NIL \
          (\"attachment\" (\"filename\" \"a.txt\")) NIL NIL) \"mixed\" (\"boundary\" \"--=_P\") \
          \"S/MIME Encrypted Message\" NIL))\r\n",
    );
    let M::BodyStructure(b) = &items[0] else {
        panic!("{items:?}")
    };
    let BodyStructure::Multi(m) = &**b else {
        panic!()
    };
    let ext = m.extension.as_ref().unwrap();
    assert_eq!(
        ext.disposition.as_ref().unwrap().kind.as_bytes(),
        b"S/MIME Encrypted Message"
    );
}

#[test]
fn flags_size_and_sections_that_break_their_grammar_are_kept_raw() {
    // A quoted flag (MailKit issue #771, InterMail), sizes that are not
    // numbers, a section that is not one, a section's content that is not a
    // string, a value glued to a number.
    for (item, name, value) in [
        (
            &b"FLAGS (\\Seen \"\\\\Deleted\")"[..],
            "FLAGS",
            &b"(\\Seen \"\\\\Deleted\")"[..],
        ),
        (b"FLAGS \\Seen", "FLAGS", b"\\Seen"),
        (b"RFC822.SIZE NIL", "RFC822.SIZE", b"NIL"),
        (b"RFC822.SIZE -1", "RFC822.SIZE", b"-1"),
        (b"RFC822.SIZE 12x", "RFC822.SIZE", b"12x"),
        (b"BODY[1.X] NIL", "BODY[1.X]", b"NIL"),
        (b"body[]<0> 5", "body[]<0>", b"5"),
        (b"BODY[TEXT] (a b)", "BODY[TEXT]", b"(a b)"),
        (b"BINARY.SIZE[1] NIL", "BINARY.SIZE[1]", b"NIL"),
        (b"UID NIL", "UID", b"NIL"),
        (b"EMAILID NIL", "EMAILID", b"NIL"),
        (b"ENVELOPE NIL", "ENVELOPE", b"NIL"),
        (b"BODYSTRUCTURE NIL", "BODYSTRUCTURE", b"NIL"),
        (b"RFC822.HEADER (a)", "RFC822.HEADER", b"(a)"),
    ] {
        let mut input = b"* 1 FETCH (UID 1 ".to_vec();
        input.extend_from_slice(item);
        input.extend_from_slice(b" FLAGS ())\r\n");
        let items = exact(&input);
        assert_eq!(items.len(), 3, "{}", String::from_utf8_lossy(item));
        assert_eq!(malformed(&items[1]), (name, value));
        assert_eq!(items[2], M::Flags(vec![]));
    }
    // A literal as the raw value.
    let items = exact(b"* 1 FETCH (RFC822.SIZE {2}\r\n12)\r\n");
    assert_eq!(malformed(&items[0]), ("RFC822.SIZE", &b"{2}\r\n12"[..]));
}

#[test]
fn numbers_out_of_range_stay_errors() {
    for input in [
        &b"* 1 FETCH (UID 0)\r\n"[..],
        b"* 1 FETCH (UID 4294967296)\r\n",
        b"* 1 FETCH (RFC822.SIZE 9223372036854775808)\r\n",
        b"* 1 FETCH (MODSEQ (9223372036854775808))\r\n",
        b"* 1 FETCH (BODY[]<9223372036854775808> NIL)\r\n",
        b"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 4294967296 1))\r\n",
        b"* 1 FETCH (BODY[0] NIL)\r\n",
        b"* 1 FETCH ((UID 0))\r\n",
    ] {
        let e = refused(input);
        assert!(e.offset().is_some(), "{e:?}");
    }
}

#[test]
fn what_cannot_be_delimited_stays_an_error() {
    for input in [
        // An item without a value, a name that is no name, a section left
        // open, an unbalanced list, a quoted string left open.
        &b"* 1 FETCH (UID)\r\n"[..],
        b"* 1 FETCH (UID 1 FLAGS)\r\n",
        b"* 1 FETCH (\"UID\" 1)\r\n",
        b"* 1 FETCH (BODY[1 NIL)\r\n",
        b"* 1 FETCH (MODSEQ (-1)\r\n",
        b"* 1 FETCH (MODSEQ (-1)))\r\n",
        b"* 1 FETCH (INTERNALDATE \"1-Jan-2000)\r\n",
        // NUL and a bare CR or LF outside a literal.
        b"* 1 FETCH (INTERNALDATE \"a\0b\")\r\n",
        b"* 1 FETCH (MODSEQ (-1\0))\r\n",
        b"* 1 FETCH (MODSEQ (-1\r))\r\n",
        b"* 1 FETCH (RFC822.SIZE 1\n2)\r\n",
    ] {
        refused(input);
    }
}

#[test]
fn the_depth_limit_holds_in_raw_values_and_groups() {
    let deep = format!(
        "* 1 FETCH (MODSEQ {}-1{})\r\n",
        "(".repeat(200),
        ")".repeat(200)
    );
    assert!(matches!(
        parse_response(deep.as_bytes()),
        Err(ParseError::Limit { .. })
    ));
    let deep = format!(
        "* 1 FETCH ({}UID 1{})\r\n",
        "(".repeat(200),
        ")".repeat(200)
    );
    assert!(matches!(
        parse_response(deep.as_bytes()),
        Err(ParseError::Limit { .. })
    ));
}

#[test]
fn malformed_items_detach_and_compare() {
    let items = fetch(b"* 1 FETCH (MODSEQ (-1))\r\n");
    let M::Malformed(m) = items[0].clone() else {
        panic!()
    };
    let m: MalformedItem<'static> = m.into_owned();
    assert_eq!(m.name(), "MODSEQ");
    assert_ne!(
        items[0],
        M::Malformed(fetch_one(b"* 1 FETCH (MODSEQ (-2))\r\n"))
    );
    let _ = Envelope::default();
}

fn fetch_one(input: &[u8]) -> MalformedItem<'static> {
    match fetch(input).pop() {
        Some(M::Malformed(m)) => m,
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_multiparts_keep_the_structure_raw() {
    // go-imap issue #701: a multipart/alternative sent with no parts, as
    // `("ALTERNATIVE" (params) NIL NIL)`; Gmail (MailKit issue #1841): the
    // body of a MESSAGE/RFC822 part sent as `("ALTERNATIVE")`. Neither has
    // a reading (a multipart has at least one part): kept raw, the items
    // around them typed.
    let bs = "((\"ALTERNATIVE\" (\"BOUNDARY\" \"e7e3\") NIL NIL)(\"APPLICATION\" \"PDF\" NIL NIL NIL \
        \"BASE64\" 1476806 NIL (\"ATTACHMENT\" (\"FILENAME\" \"i.pdf\")) NIL) \"MIXED\" (\"BOUNDARY\" \"7b1f\") NIL NIL)";
    let input = format!("* 17 FETCH (UID 120732 BODYSTRUCTURE {bs})\r\n");
    let items = exact(input.as_bytes());
    assert_eq!(malformed(&items[1]), ("BODYSTRUCTURE", bs.as_bytes()));
    let body = "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"windows-1252\") NIL NIL \"QUOTED-PRINTABLE\" 211 5)\
        (\"MESSAGE\" \"DELIVERY-STATUS\" NIL NIL NIL \"7BIT\" 344)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 2942 \
        (\"Sat, 3 Jan 2015 19:26:15 +0100\" \"Re: MPG\" ((\"c p\" NIL \"cp\" \"gmail.com\")) NIL NIL \
        ((\"sm\" NIL \"sm\" \"example.fr\")) NIL NIL \"<a@example.fr>\" \"<b@gmail.com>\") (\"ALTERNATIVE\") 51) \"REPORT\")";
    let input = format!("* 51 FETCH (MODSEQ (18812) BODY {body})\r\n");
    let items = exact(input.as_bytes());
    assert!(matches!(items[0], M::ModSeq(_)));
    assert_eq!(malformed(&items[1]), ("BODY", body.as_bytes()));
}

#[test]
fn part_without_subtype_after_a_space() {
    // MailKit issue #371 (2016): `( "X-ZIP" ("BOUNDARY" "") ...)`, a part
    // whose media type has no subtype, after a stray space.
    let items = fetch(
        b"* 5 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"windows-1251\") NIL NIL \"base64\" 356 5)\
          ( \"X-ZIP\" (\"BOUNDARY\" \"\") NIL NIL \"7BIT\" 10) \"MIXED\"))\r\n",
    );
    let M::BodyStructure(b) = &items[0] else {
        panic!("{items:?}")
    };
    let BodyStructure::Multi(m) = &**b else {
        panic!()
    };
    let BodyStructure::Single(p) = &m.bodies()[1] else {
        panic!()
    };
    assert_eq!(
        p.kind,
        PartKind::Basic {
            media_type: s("X-ZIP"),
            subtype: None
        }
    );
}

#[test]
fn valid_structures_from_bug_reports_stay_typed() {
    // swift-nio-imap issue #263 (the first response) and vmime issue #159 (mail.ru's NIL
    // boundary): typed, nothing kept raw.
    for input in [
        &b"* 53 FETCH (BODYSTRUCTURE ((\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 151 0 NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"----=rfsewr\") NIL NIL))\r\n"[..],
        b"* 4 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 536 0 NIL NIL NIL NIL)\
          (\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 7130 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" NIL)))\r\n",
    ] {
        let items = fetch(input);
        assert!(
            matches!(items[..], [M::BodyStructure(_)]),
            "{}: {items:?}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn an_extra_closing_parenthesis_stays_an_error() {
    // swift-nio-imap issue #263, third response: one ")" more than the
    // lists opened; the FETCH ends before it, and what follows is no CRLF.
    let e = refused(
        b"* 234 FETCH (BODYSTRUCTURE (((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 410 24 NIL NIL NIL)\
          (\"TEXT\" \"HTML\" (\"CHARSET\" \"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 1407 30 NIL (\"INLINE\" NIL) NIL) \
          \"ALTERNATIVE\" (\"BOUNDARY\" \"hq1__=\") NIL NIL)(\"IMAGE\" \"PNG\" (\"NAME\" \"s.png\") \"<3__=f2>\" NIL \"BASE64\" 40655 NIL \
          (\"INLINE\" (\"FILENAME\" \"s.png\")) NIL) \"RELATED\" (\"BOUNDARY\" \"5__=h\") NIL NIL)))\r\n"
    );
    assert!(
        matches!(
            e,
            ParseError::Invalid {
                expected: "CRLF",
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn unescaped_quotes_stay_an_error() {
    // go-imap issue #659: a description sent as `""""` (quotes not
    // escaped). Two strings with nothing between them cannot be delimited
    // by the generic grammar either: the response is refused, not guessed.
    refused(
        b"* 150 FETCH (UID 17 BODY ((\"text\" \"html\" (\"charset\" \"UTF-8\") NIL NIL \"quoted-printable\" 1224 16)\
          (\"application\" \"octet-stream\" (\"name\" \"a.pdf\") NIL \"\"\"\" \"base64\" 65322) \"MIXED\"))\r\n",
    );
}

#[test]
fn no_space_between_a_section_and_its_literal() {
    // GreenMail (greenmail issue #187): `BODY[HEADER]{N}`; read as if the
    // SP were there (a "{" cannot continue the name), written with it.
    let items = fetch(b"* 1 FETCH (FLAGS (\\Recent \\Seen) BODY[HEADER]{4}\r\nA: b)\r\n");
    assert!(matches!(&items[1], M::BodySection { data: Some(d), .. } if d.as_bytes() == b"A: b"));
    let items = fetch(b"* 1 FETCH (BINARY[1]~{2}\r\n\0a)\r\n");
    assert!(matches!(&items[0], M::Binary { data: Some(d), .. } if d.as_bytes() == b"\0a"));
    // Only before a literal: a quoted string glued to the section leaves no
    // name and value to split, so that response is refused.
    refused(b"* 1 FETCH (BODY[HEADER]\"a\")\r\n");
}

#[test]
fn origin_with_a_length_in_a_response_is_kept_raw() {
    // WildDuck (wildduck issue #32) answered `BODY[TEXT]<0.28> {28}`: the
    // response's origin has no length. Kept raw under its name, the data
    // included, nothing dropped.
    let items = exact(b"* 1 FETCH (UID 3 BODY[TEXT]<0.4> {4}\r\nabcd)\r\n");
    assert_eq!(
        malformed(&items[1]),
        ("BODY[TEXT]<0.4>", &b"{4}\r\nabcd"[..])
    );
}

#[test]
fn unknown_items_stay_other_beside_degraded_ones() {
    // An unknown name is never Malformed: its value is raw already.
    let items = exact(b"* 7 FETCH (X-FOO (1 2) MODSEQ (-1) X-BAR[1]<0> \"v\")\r\n");
    assert!(matches!(&items[0], M::Other { name, .. } if name.as_str() == "X-FOO"));
    assert_eq!(malformed(&items[1]).0, "MODSEQ");
    assert!(matches!(&items[2], M::Other { name, .. } if name.as_str() == "X-BAR[1]<0>"));
    // Inside Domino's parentheses too.
    let items = fetch(b"* 7 FETCH ((X-FOO 1) UID 2)\r\n");
    assert!(matches!(&items[..], [M::Other { .. }, M::Uid(_)]));
}
