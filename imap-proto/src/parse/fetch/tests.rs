use std::num::NonZeroU32;

use super::*;
use crate::encode::{Encode, EncodeOptions, Encoder};
use crate::parse::ParseLimits;
use crate::types::{AString, DateTime, Flag, Number64, NzNumber64, RawValue, SequenceSet};
use FetchAttribute as A;
use MessageDataItem as M;

fn depth() -> Depth {
    Depth::new(&ParseLimits::default())
}

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap()
}

fn part(p: &[u32]) -> SectionPart {
    SectionPart::new(p.iter().map(|&n| nz(n)).collect()).unwrap()
}

fn partial(origin: u64, length: u64) -> Option<Partial> {
    Some(Partial {
        origin: n64(origin),
        length: NzNumber64::new(length).unwrap(),
    })
}

/// A `number64` from a test literal.
fn n64(n: u64) -> Number64 {
    Number64::new(n).unwrap()
}

fn seq(s: &str) -> SequenceSet {
    s.parse().unwrap()
}

fn s(b: &str) -> NString<'_> {
    Some(IString::from(b))
}

fn list(v: Vec<FetchAttribute<'_>>) -> FetchAttributes<'_> {
    FetchAttributes::List(v)
}

fn body_peek(section: Section<'_>, p: Option<Partial>) -> FetchAttribute<'_> {
    A::BodySection {
        peek: true,
        section,
        partial: p,
    }
}

fn fields(names: &[&'static str]) -> Vec<AString<'static>> {
    names.iter().map(|n| AString::from(*n)).collect()
}

/// Parses the arguments after "FETCH" in `line` (which ends in CRLF),
/// checks the value, encodes it, parses that again, and returns the
/// encoded bytes.
fn args_roundtrip(line: &[u8], expected: &FetchArgs<'_>) -> Vec<u8> {
    let (rest, v) = fetch_args(line, depth()).unwrap_or_else(|e| {
        panic!("{:?}: {e:?}", String::from_utf8_lossy(line));
    });
    assert_eq!(&v, expected, "{:?}", String::from_utf8_lossy(line));
    assert!(
        super::super::core::crlf(rest).is_ok(),
        "left {:?}",
        String::from_utf8_lossy(rest)
    );
    let mut e = Encoder::client(EncodeOptions::default());
    v.encode(&mut e);
    let out = e.finish().into_vec();
    let (rest, again) = fetch_args(&out, depth()).unwrap();
    assert_eq!(rest, b"\r\n");
    assert_eq!(again, v, "{:?}", String::from_utf8_lossy(&out));
    assert_eq!(again.clone().into_owned(), v);
    out
}

fn fetch_line(cmd: &[u8]) -> &[u8] {
    let k = cmd
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"FETCH"))
        .unwrap();
    &cmd[k + 5..]
}

/// Parses a whole `* n FETCH (...)` response line: the msg-att, then
/// encode, parse again.
fn items_roundtrip(resp: &[u8], expected: &[MessageDataItem<'_>]) -> Vec<u8> {
    let at = fetch_line(resp);
    let (at, ()) = sp(at).unwrap();
    let (rest, v) = msg_att(at, depth()).unwrap_or_else(|e| {
        panic!("{:?}: {e:?}", String::from_utf8_lossy(resp));
    });
    assert_eq!(v, expected, "{:?}", String::from_utf8_lossy(resp));
    assert!(super::super::core::crlf(rest).is_ok());
    let mut e = Encoder::server(EncodeOptions::default());
    super::super::super::encode::fetch::msg_att(&mut e, &v);
    let out = e.finish().into_vec();
    let (rest, again) = msg_att(&out, depth()).unwrap();
    assert_eq!(rest, b"\r\n");
    assert_eq!(again, v, "{:?}", String::from_utf8_lossy(&out));
    let owned: Vec<_> = again.into_iter().map(MessageDataItem::into_owned).collect();
    assert_eq!(owned, v);
    out
}

// ---- command side -------------------------------------------------

#[test]
fn rfc_fetch_commands() {
    // RFC 3501 §6.4.5 / RFC 9051 §6.4.5
    args_roundtrip(
        fetch_line(b"A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n"),
        &FetchArgs {
            sequence_set: seq("2:4"),
            attributes: list(vec![
                A::Flags,
                A::BodySection {
                    peek: false,
                    section: Section::Message(Some(SectionMsgtext::HeaderFields(fields(&[
                        "DATE", "FROM",
                    ])))),
                    partial: None,
                },
            ]),
            modifiers: vec![],
        },
    );
    // RFC 3501 §6.4.8 / RFC 9051 §6.4.9
    let out = args_roundtrip(
        fetch_line(b"A999 UID FETCH 4827313:4828442 FLAGS\r\n"),
        &FetchArgs {
            sequence_set: seq("4827313:4828442"),
            attributes: list(vec![A::Flags]),
            modifiers: vec![],
        },
    );
    assert_eq!(out, b" 4827313:4828442 (FLAGS)\r\n");
    // RFC 9051 §6.3.2 / §8
    for (line, m) in [
        (&b"A003 FETCH 4 ALL\r\n"[..], FetchAttributes::All),
        (b"a003 fetch 12 full\r\n", FetchAttributes::Full),
        (b"A1 FETCH 1 fast\r\n", FetchAttributes::Fast),
    ] {
        let (_, v) = fetch_args(fetch_line(line), depth()).unwrap();
        assert_eq!(v.attributes, m);
        let mut e = Encoder::client(EncodeOptions::default());
        v.encode(&mut e);
        assert_eq!(fetch_args(&e.finish().into_vec(), depth()).unwrap().1, v);
    }
    args_roundtrip(
        fetch_line(b"a004 fetch 12 body[header]\r\n"),
        &FetchArgs {
            sequence_set: seq("12"),
            attributes: list(vec![A::BodySection {
                peek: false,
                section: Section::Message(Some(SectionMsgtext::Header)),
                partial: None,
            }]),
            modifiers: vec![],
        },
    );
    // RFC 9051 §6.4.4.1 (SEARCHRES)
    args_roundtrip(
        fetch_line(b"A283 FETCH $ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])\r\n"),
        &FetchArgs {
            sequence_set: SequenceSet::Saved,
            attributes: list(vec![
                A::Uid,
                A::InternalDate,
                A::Flags,
                body_peek(Section::Message(Some(SectionMsgtext::Header)), None),
            ]),
            modifiers: vec![],
        },
    );
}

#[test]
fn rfc7162_modifiers() {
    args_roundtrip(
        fetch_line(b"s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n"),
        &FetchArgs {
            sequence_set: seq("1:*"),
            attributes: list(vec![A::Flags]),
            modifiers: vec![FetchModifier::ChangedSince(n64(12345))],
        },
    );
    let out = args_roundtrip(
        fetch_line(b"s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n"),
        &FetchArgs {
            sequence_set: seq("300:500"),
            attributes: list(vec![A::Flags]),
            modifiers: vec![
                FetchModifier::ChangedSince(n64(12345)),
                FetchModifier::Vanished,
            ],
        },
    );
    assert_eq!(out, b" 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n");
    args_roundtrip(
        fetch_line(b"a FETCH 1:3 (MODSEQ)\r\n"),
        &FetchArgs {
            sequence_set: seq("1:3"),
            attributes: list(vec![A::ModSeq]),
            modifiers: vec![],
        },
    );
}

#[test]
fn rfc9394_partial() {
    args_roundtrip(
        fetch_line(b"10 UID FETCH 25900:26600 (UID FLAGS) (PARTIAL -1:-3)\r\n"),
        &FetchArgs {
            sequence_set: seq("25900:26600"),
            attributes: list(vec![A::Uid, A::Flags]),
            modifiers: vec![FetchModifier::Partial(PartialRange::Last(nz(1), nz(3)))],
        },
    );
    args_roundtrip(
        fetch_line(b"11 UID FETCH 25900:26600 (UID FLAGS) (PARTIAL 1:5)\r\n"),
        &FetchArgs {
            sequence_set: seq("25900:26600"),
            attributes: list(vec![A::Uid, A::Flags]),
            modifiers: vec![FetchModifier::Partial(PartialRange::First(nz(1), nz(5)))],
        },
    );
    // the example folds the line; unfolded, with the stray space
    args_roundtrip(
        fetch_line(
            b"101 UID FETCH 25900:26600 (UID FLAGS ) (PARTIAL -1:-30 CHANGEDSINCE 98305)\r\n",
        ),
        &FetchArgs {
            sequence_set: seq("25900:26600"),
            attributes: list(vec![A::Uid, A::Flags]),
            modifiers: vec![
                FetchModifier::Partial(PartialRange::Last(nz(1), nz(30))),
                FetchModifier::ChangedSince(n64(98305)),
            ],
        },
    );
}

#[test]
fn objectid_savedate_preview_commands() {
    // RFC 8474 §7
    args_roundtrip(
        fetch_line(b"22 fetch 1:* (emailid threadid)\r\n"),
        &FetchArgs {
            sequence_set: seq("1:*"),
            attributes: list(vec![A::EmailId, A::ThreadId]),
            modifiers: vec![],
        },
    );
    // RFC 8514 §4
    args_roundtrip(
        fetch_line(b"A101 FETCH 998 (SAVEDATE)\r\n"),
        &FetchArgs {
            sequence_set: seq("998"),
            attributes: list(vec![A::SaveDate]),
            modifiers: vec![],
        },
    );
    // RFC 8970 §3.1
    let cases: [(&[u8], FetchArgs<'_>); 4] = [
        (
            b"A1 FETCH 1 (PREVIEW)\r\n",
            FetchArgs {
                sequence_set: seq("1"),
                attributes: list(vec![A::Preview { lazy: false }]),
                modifiers: vec![],
            },
        ),
        (
            b"A2 FETCH 1 (RFC822.SIZE PREVIEW)\r\n",
            FetchArgs {
                sequence_set: seq("1"),
                attributes: list(vec![A::Rfc822Size, A::Preview { lazy: false }]),
                modifiers: vec![],
            },
        ),
        (
            b"B1 FETCH 1:4 (ENVELOPE PREVIEW (LAZY))\r\n",
            FetchArgs {
                sequence_set: seq("1:4"),
                attributes: list(vec![A::Envelope, A::Preview { lazy: true }]),
                modifiers: vec![],
            },
        ),
        (
            b"C3 FETCH $ (UID PREVIEW (LAZY))\r\n",
            FetchArgs {
                sequence_set: SequenceSet::Saved,
                attributes: list(vec![A::Uid, A::Preview { lazy: true }]),
                modifiers: vec![],
            },
        ),
    ];
    for (line, v) in &cases {
        args_roundtrip(fetch_line(line), v);
    }
    // bare PREVIEW with modifiers after it, and PREVIEW (LAZY) bare
    args_roundtrip(
        b" 1 PREVIEW (CHANGEDSINCE 7)\r\n",
        &FetchArgs {
            sequence_set: seq("1"),
            attributes: list(vec![A::Preview { lazy: false }]),
            modifiers: vec![FetchModifier::ChangedSince(n64(7))],
        },
    );
    args_roundtrip(
        b" 1 preview (lazy) (CHANGEDSINCE 7)\r\n",
        &FetchArgs {
            sequence_set: seq("1"),
            attributes: list(vec![A::Preview { lazy: true }]),
            modifiers: vec![FetchModifier::ChangedSince(n64(7))],
        },
    );
    // Dovecot's SNIPPET
    for (line, lazy) in [
        (&b" 1 (SNIPPET (LAZY=FUZZY))\r\n"[..], true),
        (b" 1 (SNIPPET (FUZZY) UID)\r\n", false),
        (b" 1 (SNIPPET UID)\r\n", false),
    ] {
        let (_, v) = fetch_args(line, depth()).unwrap();
        let FetchAttributes::List(l) = &v.attributes else {
            panic!()
        };
        assert_eq!(l[0], A::Snippet { lazy });
        let mut e = Encoder::client(EncodeOptions::default());
        v.encode(&mut e);
        assert_eq!(fetch_args(&e.finish().into_vec(), depth()).unwrap().1, v);
    }
}

#[test]
fn all_attributes_and_sections() {
    let line = b" 1,3:* (ENVELOPE FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.SIZE \
RFC822.TEXT BODY BODYSTRUCTURE UID BODY[] BODY[1.2.3] BODY[1.MIME] BODY.PEEK[2.HEADER] \
BODY[3.TEXT]<0.100> BODY[4.HEADER.FIELDS.NOT (X-A \"x b\")] BINARY[] BINARY.PEEK[1.2]<5.10> \
BINARY.SIZE[] BINARY.SIZE[3] MODSEQ EMAILID THREADID SAVEDATE X-SCORE)\r\n";
    let out = args_roundtrip(
        line,
        &FetchArgs {
            sequence_set: seq("1,3:*"),
            attributes: list(vec![
                A::Envelope,
                A::Flags,
                A::InternalDate,
                A::Rfc822,
                A::Rfc822Header,
                A::Rfc822Size,
                A::Rfc822Text,
                A::Body,
                A::BodyStructure,
                A::Uid,
                A::BodySection {
                    peek: false,
                    section: Section::Message(None),
                    partial: None,
                },
                A::BodySection {
                    peek: false,
                    section: Section::Part(part(&[1, 2, 3]), None),
                    partial: None,
                },
                A::BodySection {
                    peek: false,
                    section: Section::Part(part(&[1]), Some(SectionText::Mime)),
                    partial: None,
                },
                body_peek(
                    Section::Part(
                        part(&[2]),
                        Some(SectionText::Msgtext(SectionMsgtext::Header)),
                    ),
                    None,
                ),
                A::BodySection {
                    peek: false,
                    section: Section::Part(
                        part(&[3]),
                        Some(SectionText::Msgtext(SectionMsgtext::Text)),
                    ),
                    partial: partial(0, 100),
                },
                A::BodySection {
                    peek: false,
                    section: Section::Part(
                        part(&[4]),
                        Some(SectionText::Msgtext(SectionMsgtext::HeaderFieldsNot(
                            fields(&["X-A", "x b"]),
                        ))),
                    ),
                    partial: None,
                },
                A::Binary {
                    peek: false,
                    section: None,
                    partial: None,
                },
                A::Binary {
                    peek: true,
                    section: Some(part(&[1, 2])),
                    partial: partial(5, 10),
                },
                A::BinarySize { section: None },
                A::BinarySize {
                    section: Some(part(&[3])),
                },
                A::ModSeq,
                A::EmailId,
                A::ThreadId,
                A::SaveDate,
                A::Other(FetchAttributeName::new("X-SCORE").unwrap()),
            ]),
            modifiers: vec![],
        },
    );
    assert_eq!(out, line);
    // lowercase, doubled spaces
    let (_, v) = fetch_args(
        b"  1  (body.peek[header.fields (a)]<1.2>  uid)\r\n",
        depth(),
    )
    .unwrap();
    assert_eq!(
        v.attributes,
        list(vec![
            body_peek(
                Section::Message(Some(SectionMsgtext::HeaderFields(fields(&["a"])))),
                partial(1, 2)
            ),
            A::Uid
        ])
    );
}

#[test]
fn unknown_modifiers_kept_raw() {
    let line = b" 1:* (FLAGS) (X-FOO X-BAR 5 X-BAZ (a \"b c\") X-Q 1:2,4 CHANGEDSINCE 1)\r\n";
    let (_, v) = fetch_args(line, depth()).unwrap();
    assert_eq!(v.modifiers.len(), 5);
    let FetchModifier::Other(o) = &v.modifiers[0] else {
        panic!()
    };
    assert_eq!((o.name().as_str(), o.value()), ("X-FOO", None));
    let FetchModifier::Other(o) = &v.modifiers[2] else {
        panic!()
    };
    assert_eq!(o.value().unwrap().as_bytes(), b"(a \"b c\")");
    let mut e = Encoder::client(EncodeOptions::default());
    v.encode(&mut e);
    let out = e.finish().into_vec();
    assert_eq!(out, line);
    assert_eq!(fetch_args(&out, depth()).unwrap().1, v);
}

#[test]
fn corpus_commands() {
    // 01-mbsync-initial
    args_roundtrip(
        fetch_line(b"5 UID FETCH 1:1500 (UID FLAGS)\r\n"),
        &FetchArgs {
            sequence_set: seq("1:1500"),
            attributes: list(vec![A::Uid, A::Flags]),
            modifiers: vec![],
        },
    );
    args_roundtrip(
        fetch_line(b"6 UID FETCH 1 (INTERNALDATE BODY.PEEK[])\r\n"),
        &FetchArgs {
            sequence_set: seq("1"),
            attributes: list(vec![
                A::InternalDate,
                body_peek(Section::Message(None), None),
            ]),
            modifiers: vec![],
        },
    );
    // 03-offlineimap-initial
    args_roundtrip(
        fetch_line(b"BAFD11 FETCH 1:* (FLAGS UID INTERNALDATE)\r\n"),
        &FetchArgs {
            sequence_set: seq("1:*"),
            attributes: list(vec![A::Flags, A::Uid, A::InternalDate]),
            modifiers: vec![],
        },
    );
    // 05-imaplib-webmail
    args_roundtrip(
        fetch_line(b"DDOJ16 UID FETCH 1545,1544,1543 (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (DATE FROM TO CC SUBJECT CONTENT-TYPE MESSAGE-ID IN-REPLY-TO REFERENCES X-PRIORITY LIST-POST)])\r\n"),
        &FetchArgs {
            sequence_set: seq("1545,1544,1543"),
            attributes: list(vec![
                A::Uid,
                A::Rfc822Size,
                A::Flags,
                A::InternalDate,
                body_peek(
                    Section::Message(Some(SectionMsgtext::HeaderFields(fields(&[
                        "DATE", "FROM", "TO", "CC", "SUBJECT", "CONTENT-TYPE", "MESSAGE-ID",
                        "IN-REPLY-TO", "REFERENCES", "X-PRIORITY", "LIST-POST",
                    ])))),
                    None,
                ),
            ]),
            modifiers: vec![],
        },
    );
    args_roundtrip(
        fetch_line(
            b"DDOJ17 UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)\r\n",
        ),
        &FetchArgs {
            sequence_set: seq("1:*"),
            attributes: list(vec![
                A::Uid,
                A::Flags,
                A::InternalDate,
                A::Rfc822Size,
                A::Envelope,
                A::BodyStructure,
            ]),
            modifiers: vec![],
        },
    );
    args_roundtrip(
        fetch_line(b"DDOJ19 UID FETCH 1542 (BODY.PEEK[1] BODY.PEEK[1.MIME])\r\n"),
        &FetchArgs {
            sequence_set: seq("1542"),
            attributes: list(vec![
                body_peek(Section::Part(part(&[1]), None), None),
                body_peek(Section::Part(part(&[1]), Some(SectionText::Mime)), None),
            ]),
            modifiers: vec![],
        },
    );
    args_roundtrip(
        fetch_line(b"DDOJ30 UID FETCH 1 (BODY.PEEK[TEXT]<0.16384>)\r\n"),
        &FetchArgs {
            sequence_set: seq("1"),
            attributes: list(vec![body_peek(
                Section::Message(Some(SectionMsgtext::Text)),
                partial(0, 16384),
            )]),
            modifiers: vec![],
        },
    );
    args_roundtrip(
        fetch_line(b"DDOJ31 UID FETCH 1 (BODY.PEEK[2.MIME] BINARY.PEEK[2])\r\n"),
        &FetchArgs {
            sequence_set: seq("1"),
            attributes: list(vec![
                body_peek(Section::Part(part(&[2]), Some(SectionText::Mime)), None),
                A::Binary {
                    peek: true,
                    section: Some(part(&[2])),
                    partial: None,
                },
            ]),
            modifiers: vec![],
        },
    );
    args_roundtrip(
        fetch_line(b"DDOJ36 UID FETCH 1545 (PREVIEW)\r\n"),
        &FetchArgs {
            sequence_set: seq("1545"),
            attributes: list(vec![A::Preview { lazy: false }]),
            modifiers: vec![],
        },
    );
    // 08-curl-fetch-sections: bare attributes
    for (line, section, p) in [
        (
            &b"A004 FETCH 3 BODY[]\r\n"[..],
            Section::Message(None),
            None,
        ),
        (
            b"A005 UID FETCH 44 BODY[1]\r\n",
            Section::Part(part(&[1]), None),
            None,
        ),
        (
            b"A006 UID FETCH 1544 BODY[HEADER]\r\n",
            Section::Message(Some(SectionMsgtext::Header)),
            None,
        ),
        (
            b"A007 UID FETCH 769 BODY[]<0.2048>\r\n",
            Section::Message(None),
            partial(0, 2048),
        ),
    ] {
        let (_, v) = fetch_args(fetch_line(line), depth()).unwrap();
        assert_eq!(
            v.attributes,
            list(vec![A::BodySection {
                peek: false,
                section,
                partial: p
            }])
        );
        let mut e = Encoder::client(EncodeOptions::default());
        v.encode(&mut e);
        assert_eq!(fetch_args(&e.finish().into_vec(), depth()).unwrap().1, v);
    }
}

#[test]
fn malformed_commands_fail() {
    for bad in [
        &b""[..],
        b" ",
        b" 1",
        b" 1 ",
        b" 0 FLAGS",
        b" 1 (FLAGS",
        b" 1 (FLAGS))",
        b" 1 FLAGS)",
        b" 1 (ALL)",
        b" 1 BODY[",
        b" 1 BODY[1",
        b" 1 BODY[0]",
        b" 1 BODY[1.0]",
        b" 1 BODY[1.]",
        b" 1 BODY[MIME]",
        b" 1 BODY[HEADERS]",
        b" 1 BODY[HEADER.FIELDS]",
        b" 1 BODY[HEADER.FIELDS (A]",
        b" 1 BODY[HEADER.FIELDS A]",
        b" 1 BODY[]<",
        b" 1 BODY[]<1>",
        b" 1 BODY[]<1.0>",
        b" 1 BODY[]<1.2",
        b" 1 BODY[]<99999999999999999999999.1>",
        b" 1 BODY.PEEK",
        b" 1 BINARY[TEXT]",
        b" 1 BINARY.SIZE[1]<0.1>",
        b" 1 UID[1]",
        b" 1 X-FOO[1]",
        b" 1 (FLAGS) (CHANGEDSINCE)",
        b" 1 (FLAGS) (CHANGEDSINCE x)",
        b" 1 (FLAGS) (PARTIAL 1:-2)",
        b" 1 (FLAGS) (PARTIAL 0:2)",
        b" 1 (FLAGS) (X-A (b)",
        b" 1 (FLAGS) (1)",
        b" 1 (PREVIEW (LAZY)",
        b" 1 \"FLAGS\"",
        b" 1 (FLAGS\x00)",
    ] {
        let mut l = bad.to_vec();
        l.extend_from_slice(b"\r\n");
        if let Ok((rest, v)) = fetch_args(&l, depth()) {
            assert!(
                super::super::core::crlf(rest).is_err(),
                "{:?} gave {v:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}

#[test]
fn deep_modifier_nesting_is_an_error() {
    let mut l = b" 1 (FLAGS) (X-A ".to_vec();
    l.extend(std::iter::repeat_n(b'(', 100_000));
    assert!(fetch_args(&l, depth()).is_err());
    let mut l = b"(X-FOO ".to_vec();
    l.extend(std::iter::repeat_n(b'(', 100_000));
    assert!(msg_att(&l, depth()).is_err());
}

#[test]
fn names_refuse_known_items() {
    assert!(FetchAttributeName::new("ALL").is_err());
    assert!(FetchAttributeName::new("binary.peek").is_err());
    assert!(FetchAttributeName::new("").is_err());
    assert!(MessageDataItemName::new("BINARY.SIZE[1]").is_err());
    assert!(MessageDataItemName::new("BODY[1]<0>").is_err());
    assert!(MessageDataItemName::new("X-SCORE").is_ok());
    // Gmail's items are typed (parse::gmail).
    assert!(MessageDataItemName::new("X-GM-THRID").is_err());
    assert!(MessageDataItemName::new("X ").is_err());
    assert!(ObjectId::new("").is_err());
}

// ---- response side ------------------------------------------------

fn flags(f: &[Flag<'static>]) -> MessageDataItem<'static> {
    M::Flags(f.to_vec())
}

fn date(s: &str) -> DateTime {
    let q = format!("\"{s}\"");
    super::super::core::date_time(q.as_bytes()).unwrap().1
}

#[test]
fn rfc_fetch_responses() {
    // RFC 3501 §7.4.2
    items_roundtrip(
        b"* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n",
        &[flags(&[Flag::Seen]), M::Rfc822Size(n64(44827))],
    );
    // RFC 9051 §7.5.2
    items_roundtrip(
        b"* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827 UID 447)\r\n",
        &[
            flags(&[Flag::Seen]),
            M::Rfc822Size(n64(44827)),
            M::Uid(nz(447)),
        ],
    );
    // RFC 9051 §2.3.1.1, RFC 3501 §2.3.2 (\Recent-free) and §6.4.6
    items_roundtrip(
        b"* 14 FETCH (UID 1305 FLAGS (\\Seen \\Deleted))\r\n",
        &[M::Uid(nz(1305)), flags(&[Flag::Seen, Flag::Deleted])],
    );
    items_roundtrip(
        b"* 4 FETCH (FLAGS (\\Deleted \\Flagged \\Seen))\r\n",
        &[flags(&[Flag::Deleted, Flag::Flagged, Flag::Seen])],
    );
    items_roundtrip(
        b"* 23 FETCH (FLAGS (\\Seen) UID 4827313)\r\n",
        &[flags(&[Flag::Seen]), M::Uid(nz(4827313))],
    );
    items_roundtrip(
        b"* 2 FETCH (FLAGS (\\Recent \\seen $Junk))\r\n",
        &[flags(&[
            Flag::Recent,
            Flag::Seen,
            Flag::Keyword(crate::types::Atom::try_from("$Junk").unwrap()),
        ])],
    );
    // RFC 9051 §8 (INTERNALDATE part; the ENVELOPE/BODY part needs parse::body)
    items_roundtrip(
        b"* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286)\r\n",
        &[
            flags(&[Flag::Seen]),
            M::InternalDate(date("17-Jul-1996 02:44:25 -0700")),
            M::Rfc822Size(n64(4286)),
        ],
    );
    let hdr = "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n\
From: Terry Gray <gray@cac.washington.edu>\r\n\
Subject: IMAP4rev2 WG mtg summary and minutes\r\n\
To: imap@cac.washington.edu\r\n\
cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n\
Message-Id: <B27397-0100000@cac.washington.edu>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n";
    assert_eq!(hdr.len(), 342);
    let line = format!("* 12 FETCH (BODY[HEADER] {{342}}\r\n{hdr})\r\n");
    let out = items_roundtrip(
        line.as_bytes(),
        &[M::BodySection {
            section: Section::Message(Some(SectionMsgtext::Header)),
            origin: None,
            data: s(hdr),
        }],
    );
    assert_eq!(out, &line.as_bytes()[11..]);
}

#[test]
fn rfc7162_responses() {
    items_roundtrip(
        b"* 1 FETCH (UID 4 MODSEQ (12121231000))\r\n",
        &[M::Uid(nz(4)), M::ModSeq(n64(12121231000))],
    );
    items_roundtrip(
        b"* 7 FETCH (MODSEQ (320162342) FLAGS (\\Seen \\Deleted))\r\n",
        &[
            M::ModSeq(n64(320162342)),
            flags(&[Flag::Seen, Flag::Deleted]),
        ],
    );
    items_roundtrip(
        b"* 1 FETCH (MODSEQ (320172342) FLAGS (\\SEEN))\r\n",
        &[M::ModSeq(n64(320172342)), flags(&[Flag::Seen])],
    );
    items_roundtrip(
        b"* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n",
        &[
            M::Uid(nz(117)),
            flags(&[Flag::Seen, Flag::Answered]),
            M::ModSeq(n64(90060115194045001)),
        ],
    );
    items_roundtrip(
        b"* 7 FETCH (FLAGS (\\Deleted \\Answered) MODSEQ (12121231000))\r\n",
        &[
            flags(&[Flag::Deleted, Flag::Answered]),
            M::ModSeq(n64(12121231000)),
        ],
    );
}

#[test]
fn rfc8474_8514_8970_responses() {
    let id = |s| ObjectId::new(s).unwrap();
    items_roundtrip(
        b"* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))\r\n",
        &[
            M::EmailId(id("M6d99ac3275bb4e")),
            M::ThreadId(Some(id("T64b478a75b7ea9"))),
        ],
    );
    items_roundtrip(
        b"* 1 FETCH (EMAILID (M00000001) THREADID NIL)\r\n",
        &[M::EmailId(id("M00000001")), M::ThreadId(None)],
    );
    items_roundtrip(
        b"* 998 FETCH (SAVEDATE \"01-Jan-2015 18:50:53 +0100\")\r\n",
        &[M::SaveDate(Some(date("01-Jan-2015 18:50:53 +0100")))],
    );
    items_roundtrip(b"* 998 FETCH (SAVEDATE NIL)\r\n", &[M::SaveDate(None)]);
    items_roundtrip(
        b"* 1 FETCH (PREVIEW \"Preview text!\")\r\n",
        &[M::Preview(s("Preview text!"))],
    );
    let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n\
Curabitur aliquam turpis et ante dictum, et pulvinar dui congue.\r\n\
Maecenas hendrerit, lorem non imperdiet pellentesque, nulla\r\n\
ligula nullam";
    let line = format!(
        "* 1 FETCH (RFC822.SIZE 5647 PREVIEW {{{}}}\r\n{text})\r\n",
        text.len()
    );
    items_roundtrip(
        line.as_bytes(),
        &[M::Rfc822Size(n64(5647)), M::Preview(s(text))],
    );
    items_roundtrip(b"* 2 FETCH (PREVIEW \"\")\r\n", &[M::Preview(s(""))]);
    items_roundtrip(
        b"* 9 FETCH (UID 23 PREVIEW NIL)\r\n",
        &[M::Uid(nz(23)), M::Preview(None)],
    );
    items_roundtrip(
        b"* 5 FETCH (UID 13 PREVIEW \"Preview!\")\r\n",
        &[M::Uid(nz(13)), M::Preview(s("Preview!"))],
    );
    // Dovecot SNIPPET
    items_roundtrip(
        b"* 1 FETCH (UID 4 SNIPPET (FUZZY \"Hello there\"))\r\n",
        &[
            M::Uid(nz(4)),
            M::Snippet {
                algorithm: crate::types::Atom::try_from("FUZZY").unwrap(),
                text: s("Hello there"),
            },
        ],
    );
}

#[test]
fn sections_binary_and_rfc822_responses() {
    items_roundtrip(
        b"* 1 FETCH (BODY[1.2.MIME] \"a\" BODY[]<0> \"b\" BODY[HEADER.FIELDS (DATE FROM)] NIL BINARY.SIZE[2] 1044 BINARY.SIZE[] 0 RFC822 \"x\" RFC822.HEADER NIL RFC822.TEXT \"y\")\r\n",
        &[
            M::BodySection {
                section: Section::Part(part(&[1, 2]), Some(SectionText::Mime)),
                origin: None,
                data: s("a"),
            },
            M::BodySection {
                section: Section::Message(None),
                origin: Some(n64(0)),
                data: s("b"),
            },
            M::BodySection {
                section: Section::Message(Some(SectionMsgtext::HeaderFields(fields(&[
                    "DATE", "FROM",
                ])))),
                origin: None,
                data: None,
            },
            M::BinarySize {
                section: Some(part(&[2])),
                size: n64(1044),
            },
            M::BinarySize {
                section: None,
                size: n64(0),
            },
            M::Rfc822(s("x")),
            M::Rfc822Header(None),
            M::Rfc822Text(s("y")),
        ],
    );
    // literal8 with NUL stays literal8; literal8 without NUL becomes a string
    let out = items_roundtrip(
        b"* 1 FETCH (BINARY[1] ~{3}\r\na\x00b BINARY[2]<4> ~{2}\r\nok BINARY[] NIL)\r\n",
        &[
            M::Binary {
                section: Some(part(&[1])),
                origin: None,
                data: Some(IString::from(&b"a\x00b"[..])),
            },
            M::Binary {
                section: Some(part(&[2])),
                origin: Some(n64(4)),
                data: s("ok"),
            },
            M::Binary {
                section: None,
                origin: None,
                data: None,
            },
        ],
    );
    assert_eq!(
        out,
        b"(BINARY[1] ~{3}\r\na\x00b BINARY[2]<4> \"ok\" BINARY[] NIL)\r\n"
    );
    // a NUL in a plain literal (quirk) goes out as literal8 and comes back the same
    let out = items_roundtrip(
        b"* 1 FETCH (BINARY[1] {3}\r\na\x00b)\r\n",
        &[M::Binary {
            section: Some(part(&[1])),
            origin: None,
            data: Some(IString::from(&b"a\x00b"[..])),
        }],
    );
    assert!(out.starts_with(b"(BINARY[1] ~{3}"));
}

#[test]
fn unknown_items_kept_raw() {
    let line = b"* 1 FETCH (X-SCORE 1278455344230334865 X-LABELS (\\Inbox \"a b\") X-FOO[1]<0> {2}\r\nhi UID 7 x-mixed \"q\")\r\n";
    let at = &line[10..];
    let (rest, v) = msg_att(at, depth()).unwrap();
    assert_eq!(rest, b"\r\n");
    assert_eq!(v.len(), 5);
    let M::Other { name, value } = &v[1] else {
        panic!("{v:?}")
    };
    assert_eq!(
        (name.as_str(), value.as_bytes()),
        ("X-LABELS", &b"(\\Inbox \"a b\")"[..])
    );
    let M::Other { name, value } = &v[2] else {
        panic!("{v:?}")
    };
    assert_eq!(
        (name.as_str(), value.as_bytes()),
        ("X-FOO[1]<0>", &b"{2}\r\nhi"[..])
    );
    assert_eq!(v[3], M::Uid(nz(7)));
    let mut e = Encoder::server(EncodeOptions::default());
    super::super::super::encode::fetch::msg_att(&mut e, &v);
    let out = e.finish().into_vec();
    assert_eq!(out, at);
    assert_eq!(msg_att(&out, depth()).unwrap().1, v);
    let _ = RawValue::unchecked(b"x");
}

#[test]
fn corpus_responses() {
    // 01-mbsync-initial / 05-imaplib-webmail
    items_roundtrip(
        b"* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n",
        &[M::Uid(nz(1)), flags(&[Flag::Seen])],
    );
    items_roundtrip(
        b"* 1518 FETCH (UID 1542 MODSEQ (241))\r\n",
        &[M::Uid(nz(1542)), M::ModSeq(n64(241))],
    );
    items_roundtrip(
        b"* 1519 FETCH (UID 1543 MODSEQ (244) FLAGS ())\r\n",
        &[M::Uid(nz(1543)), M::ModSeq(n64(244)), flags(&[])],
    );
    items_roundtrip(
        b"* 1521 FETCH (UID 1545 PREVIEW \"Alice, fn parse_literal(buf: &[u8]) -> Result<usize, Error> { let n = buf.iter().position(|&b| b == b'\\\\n').ok_or(Error::Incomplete)?; if n > MAX_LINE { return Err(Error::TooLong(n)); } 3. All workshop\")\r\n",
        &[
            M::Uid(nz(1545)),
            M::Preview(s("Alice, fn parse_literal(buf: &[u8]) -> Result<usize, Error> { let n = buf.iter().position(|&b| b == b'\\n').ok_or(Error::Incomplete)?; if n > MAX_LINE { return Err(Error::TooLong(n)); } 3. All workshop")),
        ],
    );
    items_roundtrip(
        b"* 1 FETCH (UID 1 BODY[TEXT]<0> {5}\r\nHello)\r\n",
        &[
            M::Uid(nz(1)),
            M::BodySection {
                section: Section::Message(Some(SectionMsgtext::Text)),
                origin: Some(n64(0)),
                data: s("Hello"),
            },
        ],
    );
    items_roundtrip(
        b"* 3 FETCH (FLAGS ($Forwarded) UID 3 INTERNALDATE \"26-Nov-2026 10:00:00 +0000\")\r\n",
        &[
            flags(&[Flag::Keyword(
                crate::types::Atom::try_from("$Forwarded").unwrap(),
            )]),
            M::Uid(nz(3)),
            M::InternalDate(date("26-Nov-2026 10:00:00 +0000")),
        ],
    );
}

/// Responses that stay errors; a known item whose value breaks its grammar
/// but can be delimited is kept raw instead (`malformed_values_degrade`).
#[test]
fn malformed_responses_fail() {
    for bad in [
        &b""[..],
        b"(",
        b"UID 1)",
        b"(UID)",
        b"(UID 0)",
        b"(UID 1",
        b"(UID 1 )x",
        b"(FLAGS (\\Seen)",
        b"(MODSEQ (5)",
        b"(BODY[] )",
        b"(BODY[1.MIME \"a\")",
        b"(BODY[] {5}\r\nab)",
        b"(BINARY[] ~{5}\r\nab)",
        b"(RFC822.SIZE 99999999999999999999999)",
        b"(PREVIEW)",
        b"(X-FOO)",
        b"(X-FOO[1 \"a\")",
        b"(X-FOO (a)",
        b"(UID 1 UID)",
    ] {
        let mut l = bad.to_vec();
        l.extend_from_slice(b"\r\n");
        if let Ok((rest, v)) = msg_att(&l, depth()) {
            assert!(
                super::super::core::crlf(rest).is_err(),
                "{:?} gave {v:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}

/// Known items whose value breaks its grammar but can be delimited: kept
/// raw, the item after them typed (more in `quirks.rs`).
#[test]
fn malformed_values_degrade() {
    for (bad, name) in [
        (&b"UID x"[..], "UID"),
        (b"FLAGS \\Seen", "FLAGS"),
        (b"MODSEQ 5", "MODSEQ"),
        (b"MODSEQ ()", "MODSEQ"),
        (b"EMAILID M1", "EMAILID"),
        (b"EMAILID (M 1)", "EMAILID"),
        (b"EMAILID ()", "EMAILID"),
        (b"THREADID (T!)", "THREADID"),
        (b"SAVEDATE \"x\"", "SAVEDATE"),
        (b"INTERNALDATE NIL", "INTERNALDATE"),
        (b"BINARY[TEXT] \"a\"", "BINARY[TEXT]"),
        (b"BODY[]<> \"a\"", "BODY[]<>"),
        (b"BODY[]<1 \"a\"", "BODY[]<1"),
        (b"BINARY.SIZE[] x", "BINARY.SIZE[]"),
        (b"RFC822.SIZE -1", "RFC822.SIZE"),
        (b"PREVIEW abc", "PREVIEW"),
        (b"SNIPPET \"x\"", "SNIPPET"),
        (b"SNIPPET (FUZZY)", "SNIPPET"),
    ] {
        let mut l = b"(".to_vec();
        l.extend_from_slice(bad);
        l.extend_from_slice(b" UID 2)");
        let (rest, v) = msg_att(&l, depth())
            .unwrap_or_else(|e| panic!("{:?}: {e:?}", String::from_utf8_lossy(bad)));
        assert!(rest.is_empty());
        match &v[..] {
            [M::Malformed(m), M::Uid(u)] => {
                assert_eq!((m.name(), u.get()), (name, 2));
                assert_eq!(&bad[name.len() + 1..], m.value().as_bytes());
            }
            _ => panic!("{:?} gave {v:?}", String::from_utf8_lossy(bad)),
        }
    }
}

/// Whether `parse::body` has landed (it is a failing stub until then).
fn body_area_ready() -> bool {
    body(b"(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0)", depth()).is_ok()
}

/// ENVELOPE, BODY and BODYSTRUCTURE go through `parse::body`. Until
/// that area lands these only check the dispatch (the error comes from
/// inside the first ENVELOPE/BODY value); after, the full round trip.
fn envelope_items(line: &[u8], kinds: &[&str]) {
    let at = fetch_line(line);
    let (at, ()) = sp(at).unwrap();
    if !body_area_ready() {
        let err = msg_att(at, depth()).unwrap_err();
        let (nom::Err::Error(e) | nom::Err::Failure(e)) = err else {
            panic!()
        };
        let off = at.len() - e.at.len();
        let first = ["ENVELOPE ", "BODY (", "BODYSTRUCTURE ("]
            .iter()
            .filter_map(|k| at.windows(k.len()).position(|w| w == k.as_bytes()))
            .min()
            .unwrap();
        assert!(off > first, "{off} {first}");
        return;
    }
    let (rest, v) = msg_att(at, depth()).unwrap_or_else(|e| {
        panic!("{:?}: {e:?}", String::from_utf8_lossy(line));
    });
    assert!(super::super::core::crlf(rest).is_ok());
    let got: Vec<&str> = v
        .iter()
        .map(|m| match m {
            M::Flags(_) => "FLAGS",
            M::Envelope(_) => "ENVELOPE",
            M::InternalDate(_) => "INTERNALDATE",
            M::Rfc822Size(_) => "RFC822.SIZE",
            M::Body(_) => "BODY",
            M::BodyStructure(_) => "BODYSTRUCTURE",
            M::Uid(_) => "UID",
            M::Preview(_) => "PREVIEW",
            _ => "?",
        })
        .collect();
    assert_eq!(got, kinds);
    let mut e = Encoder::server(EncodeOptions::default());
    super::super::super::encode::fetch::msg_att(&mut e, &v);
    let out = e.finish().into_vec();
    let (rest, again) = msg_att(&out, depth()).unwrap();
    assert_eq!(rest, b"\r\n");
    assert_eq!(again, v);
    let owned: Vec<_> = again.into_iter().map(MessageDataItem::into_owned).collect();
    assert_eq!(owned, v);
}

#[test]
fn envelope_and_body_items() {
    // RFC 9051 §8 (unfolded)
    envelope_items(
        b"* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" \
RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \
\"IMAP4rev2 WG mtg summary and minutes\" \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((NIL NIL \"imap\" \"cac.washington.edu\")) \
((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\") \
(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \
\"<B27397-0100000@cac.washington.ed>\") \
BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n",
        &["FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"],
    );
    // RFC 9051 §7.5.2 body structures
    envelope_items(
        b"* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23) \
(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \
\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\") UID 9)\r\n",
        &["BODYSTRUCTURE", "UID"],
    );
    // RFC 8970 §3.2 example 2, with an empty envelope standing in for "[...]"
    envelope_items(
        b"* 2 FETCH (PREVIEW \"\" ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))\r\n",
        &["PREVIEW", "ENVELOPE"],
    );
}

#[test]
fn every_known_item_name_has_its_own_arm() {
    // msg_att_item dispatches once on the keyword; a known name that
    // fell through would come back as `Other`.
    let value = |name: &str| match name {
        "FLAGS" => "(\\Seen)",
        "ENVELOPE" => "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
        "INTERNALDATE" | "SAVEDATE" => "\"17-Jul-1996 02:44:25 -0700\"",
        "RFC822.SIZE" | "UID" => "44827",
        "BODY" | "BODYSTRUCTURE" => "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 3 1)",
        "MODSEQ" => "(12121231000)",
        "EMAILID" | "THREADID" => "(M6d99ac3275bb4e)",
        "SNIPPET" => "(FUZZY \"hi\")",
        "X-GM-MSGID" | "X-GM-THRID" => "1278455344230334865",
        "X-GM-LABELS" => "(\\Inbox foo)",
        "ANNOTATION" => "(/comment (value.priv \"x\"))",
        _ => "NIL",
    };
    for name in crate::types::MSG_ATT_KEYWORDS {
        for spelled in [name.to_string(), name.to_ascii_lowercase()] {
            let line = format!("({spelled} {})", value(name));
            let (rest, items) =
                msg_att(line.as_bytes(), depth()).unwrap_or_else(|e| panic!("{line}: {e:?}"));
            assert!(rest.is_empty(), "{line}");
            assert!(
                !matches!(items[0], M::Other { .. }),
                "{line} read as {:?}",
                items[0]
            );
        }
    }
}

// ---- number64 edges ------------------------------------------------

/// The one number64 of a FETCH response of one item.
fn response_number(line: &[u8]) -> Result<(Number64, Vec<u8>), crate::ParseError> {
    let (r, _) = crate::parse_response(line)?;
    let crate::types::Response::Data(crate::types::Data::Fetch { items, .. }) = &r else {
        panic!("not FETCH: {r:?}");
    };
    let n = match items.as_slice() {
        [M::Rfc822Size(n) | M::ModSeq(n) | M::BinarySize { size: n, .. }] => *n,
        [M::BodySection {
            origin: Some(n), ..
        }
        | M::Binary {
            origin: Some(n), ..
        }] => *n,
        v => panic!("unexpected {v:?}"),
    };
    Ok((n, r.to_bytes()))
}

/// The one number64 of a FETCH command of one attribute or modifier.
fn command_number(line: &[u8]) -> Result<(Number64, Vec<u8>), crate::ParseError> {
    let (c, _) = crate::parse_command(line)?;
    let crate::types::CommandBody::Fetch { args, .. } = &c.body else {
        panic!("not FETCH: {c:?}");
    };
    let n = match (&args.attributes, args.modifiers.as_slice()) {
        (_, [FetchModifier::ChangedSince(n)]) => *n,
        (FetchAttributes::List(l), []) => {
            let [A::BodySection {
                partial: Some(p), ..
            }] = l.as_slice()
            else {
                panic!("unexpected {l:?}");
            };
            if p.origin == Number64::ZERO {
                Number64::from(p.length)
            } else {
                p.origin
            }
        }
        v => panic!("unexpected {v:?}"),
    };
    Ok((n, c.to_bytes()))
}

#[test]
fn number64_edges_in_responses() {
    use crate::parse::check_number64_edges as edges;
    edges("* 1 FETCH (RFC822.SIZE #)\r\n", response_number);
    edges("* 1 FETCH (MODSEQ (#))\r\n", response_number);
    edges("* 1 FETCH (BINARY.SIZE[1] #)\r\n", response_number);
    edges("* 1 FETCH (BODY[]<#> \"a\")\r\n", response_number);
    edges("* 1 FETCH (BINARY[1]<#> \"a\")\r\n", response_number);
}

#[test]
fn number64_edges_in_commands() {
    use crate::parse::check_number64_edges as edges;
    edges("A1 FETCH 1 (BODY[]<#.1>)\r\n", command_number);
    edges("A1 FETCH 1 (BODY[]<0.#>)\r\n", command_number);
    edges("A1 FETCH 1 (FLAGS) (CHANGEDSINCE #)\r\n", |l| {
        command_number(l)
    });
    // A partial's length is an nz-number64: 0 is refused where it starts.
    let e = crate::parse_command(b"A1 FETCH 1 BODY[]<5.0>\r\n").unwrap_err();
    assert_eq!(e.offset(), Some(20), "{e}");
    assert!(e.to_string().contains("nz-number64"), "{e}");
}
