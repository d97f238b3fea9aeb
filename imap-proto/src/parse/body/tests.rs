use super::*;
use crate::encode::{Encode, EncodeOptions, Encoder};
use crate::parse::{ErrKind, ParseLimits};

fn d() -> Depth {
    Depth::new(&ParseLimits::default())
}

/// A `number64` from a test literal.
fn n64(n: u64) -> Number64 {
    Number64::new(n).unwrap()
}

fn enc(v: &impl Encode, opts: EncodeOptions) -> Vec<u8> {
    let mut e = Encoder::server(opts);
    v.encode(&mut e);
    let mut out = e.finish().into_vec();
    out.truncate(out.len() - 2);
    out
}

fn s(x: &str) -> NString<'_> {
    Some(IString::from(x))
}

/// Parses `input` whole, encodes, parses again: same value, and the
/// encoding is a fixed point.
fn body_ok(input: &[u8]) -> BodyStructure<'_> {
    let (rest, v) = body(input, d()).unwrap_or_else(|e| panic!("{e:?} in {input:?}"));
    assert!(
        rest.is_empty(),
        "left over: {:?}",
        String::from_utf8_lossy(rest)
    );
    roundtrip_body(&v);
    v
}

fn roundtrip_body(v: &BodyStructure<'_>) {
    for opts in [
        EncodeOptions::default(),
        EncodeOptions {
            utf8: true,
            ..Default::default()
        },
    ] {
        let out = enc(v, opts);
        let (rest, w) = body(&out, d())
            .unwrap_or_else(|e| panic!("{e:?} in {:?}", String::from_utf8_lossy(&out)));
        assert!(rest.is_empty());
        assert_eq!(&w, v, "{}", String::from_utf8_lossy(&out));
        assert_eq!(enc(&w, opts), out);
        assert_eq!(&w.clone().into_owned(), v);
    }
}

fn envelope_ok(input: &[u8]) -> Envelope<'_> {
    let (rest, v) = envelope(input, d()).unwrap_or_else(|e| panic!("{e:?} in {input:?}"));
    assert!(rest.is_empty(), "left over: {rest:?}");
    roundtrip_envelope(&v);
    v
}

fn roundtrip_envelope(v: &Envelope<'_>) {
    let out = enc(v, EncodeOptions::default());
    let (rest, w) = envelope(&out, d()).unwrap();
    assert!(rest.is_empty());
    assert_eq!(&w, v);
    assert_eq!(enc(&w, EncodeOptions::default()), out);
    assert_eq!(&w.into_owned(), v);
}

fn single<'b, 'a>(b: &'b BodyStructure<'a>) -> &'b SinglePart<'a> {
    match b {
        BodyStructure::Single(p) => p,
        BodyStructure::Multi(_) => panic!("not a single part: {b:?}"),
    }
}

fn multi<'b, 'a>(b: &'b BodyStructure<'a>) -> &'b MultiPart<'a> {
    match b {
        BodyStructure::Multi(m) => m,
        BodyStructure::Single(_) => panic!("not a multipart: {b:?}"),
    }
}

fn text_lines(p: &SinglePart<'_>) -> u64 {
    match &p.kind {
        PartKind::Text { lines, .. } => lines.get(),
        k => panic!("not text: {k:?}"),
    }
}

/// Every strict prefix fails, without panicking.
fn prefixes_fail(input: &[u8], f: impl Fn(&[u8]) -> bool) {
    // Long inputs: every 7th prefix and the last 40 (keeps it fast).
    let len = input.len();
    for n in (0..len).filter(|&n| len < 400 || n % 7 == 0 || n + 40 >= len) {
        assert!(!f(&input[..n]), "prefix of {n} bytes parsed");
    }
}

// ---- RFC examples ------------------------------------------------

#[test]
fn rfc9051_7_5_2_text_plain() {
    // RFC 9051 §7.5.2 (and RFC 3501 §7.4.2).
    let v = body_ok(br#"("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 2279 48)"#);
    let p = single(&v);
    assert_eq!(
        p.kind,
        PartKind::Text {
            subtype: s("PLAIN"),
            lines: n64(48)
        }
    );
    assert_eq!(
        p.fields,
        BodyFields {
            params: vec![("CHARSET".into(), s("US-ASCII"))],
            id: None,
            description: None,
            encoding: s("7BIT"),
            octets: 2279,
        }
    );
    assert_eq!(p.extension, None);
    assert_eq!(
        enc(&v, EncodeOptions::default()),
        br#"("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 2279 48)"#
    );
}

#[test]
fn rfc9051_7_5_2_two_parts() {
    // RFC 9051 §7.5.2 / RFC 3501 §7.4.2, joined the way RFC 3501
    // prints it (no space between the bodies).
    let input = br#"(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23)("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>" "Compiler diff" "BASE64" 4554 73) "MIXED")"#;
    let v = body_ok(input);
    let m = multi(&v);
    assert_eq!(m.subtype, s("MIXED"));
    assert_eq!(m.extension, None);
    assert_eq!(m.bodies().len(), 2);
    let b = single(&m.bodies()[1]);
    assert_eq!(b.fields.param("name"), Some(&s("cc.diff")));
    assert_eq!(b.fields.id, s("<960723163407.20117h@cac.washington.edu>"));
    assert_eq!(b.fields.description, s("Compiler diff"));
    assert_eq!(b.fields.encoding, s("BASE64"));
    assert_eq!((b.fields.octets, text_lines(b)), (4554, 73));
    // The canonical form is the RFC's own.
    assert_eq!(enc(&v, EncodeOptions::default()), input);
    // RFC 9051 prints it across lines: a space between the bodies.
    let spaced = br#"(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23) ("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>" "Compiler diff" "BASE64" 4554 73) "MIXED")"#;
    assert_eq!(body_ok(spaced), v);
}

#[test]
fn rfc3501_8_sample_envelope_and_body() {
    // RFC 3501 §8 (RFC 9051 §8 alike), `a003 fetch 12 full`, lines joined.
    let env = br#"("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes" (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) ((NIL NIL "minutes" "CNRI.Reston.VA.US") ("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL "<B27397-0100000@cac.washington.edu>")"#;
    let e = envelope_ok(env);
    assert_eq!(e.date, s("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)"));
    assert_eq!(e.subject, s("IMAP4rev1 WG mtg summary and minutes"));
    let gray = Address::new(
        Some("Terry Gray"),
        None,
        Some("gray"),
        Some("cac.washington.edu"),
    );
    assert_eq!(e.from, vec![gray.clone()]);
    assert_eq!(e.sender, vec![gray.clone()]);
    assert_eq!(e.reply_to, vec![gray]);
    assert_eq!(
        e.to,
        vec![Address::new(
            None,
            None,
            Some("imap"),
            Some("cac.washington.edu")
        )]
    );
    assert_eq!(e.cc.len(), 2);
    assert_eq!(e.cc[1].name, s("John Klensin"));
    assert!(e.bcc.is_empty() && e.in_reply_to.is_none());
    assert_eq!(e.message_id, s("<B27397-0100000@cac.washington.edu>"));
    // Canonical: no space between addresses.
    let out = enc(&e, EncodeOptions::default());
    let needle = br#""CNRI.Reston.VA.US")("John Klensin""#;
    assert!(out.windows(needle.len()).any(|w| w == needle));
    // BODY: the non-extensible form.
    let v = body_ok(br#"("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)"#);
    assert_eq!(single(&v).extension, None);
    prefixes_fail(env, |i| envelope(i, d()).is_ok());
}

#[test]
fn message_global_rfc9051() {
    // RFC 9051 media-message: "MESSAGE" "GLOBAL" carries envelope and body.
    let v = body_ok(br#"("message" "global" NIL NIL NIL "8bit" 120 (NIL "x" NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" NIL NIL NIL "8bit" 30 2) 5)"#);
    match &single(&v).kind {
        PartKind::Message {
            subtype,
            body,
            lines,
            envelope,
        } => {
            assert_eq!(*subtype, MessageSubtype::Global);
            assert_eq!(*lines, n64(5));
            assert_eq!(envelope.subject, s("x"));
            assert_eq!(text_lines(single(body)), 2);
        }
        k => panic!("{k:?}"),
    }
}

// ---- full extension data -----------------------------------------

#[test]
fn all_extension_data() {
    let input = br#"(("TEXT" "PLAIN" ("CHARSET" "UTF-8") "<id@x>" "desc" "QUOTED-PRINTABLE" 10 1 "Q2hlY2sgSW50ZWdyaXR5IQ==" ("INLINE" ("FILENAME" "a.txt")) ("en" "de") "http://example.org/a" 7 ("x" (NIL 8)) "y")("IMAGE" "PNG" NIL NIL NIL "BASE64" 4 NIL NIL "fr" NIL) "MIXED" ("BOUNDARY" "b") ("ATTACHMENT" NIL) NIL "loc" 9223372036854775807)"#;
    let v = body_ok(input);
    let m = multi(&v);
    let a = single(&m.bodies()[0]);
    let x = a.extension.as_ref().unwrap();
    assert_eq!(x.md5, s("Q2hlY2sgSW50ZWdyaXR5IQ=="));
    let dsp = x.disposition.as_ref().unwrap();
    assert_eq!(dsp.kind.as_bytes(), b"INLINE");
    assert_eq!(dsp.param("filename"), Some(&s("a.txt")));
    assert_eq!(x.language, vec![IString::from("en"), IString::from("de")]);
    assert_eq!(x.location, s("http://example.org/a"));
    assert_eq!(x.extensions.len(), 3);
    assert_eq!(x.extensions[0], BodyExtension::Number(n64(7)));
    match &x.extensions[1] {
        BodyExtension::List(l) => {
            assert_eq!(l.as_slice()[0], BodyExtension::NString(s("x")));
            assert!(
                matches!(&l.as_slice()[1], BodyExtension::List(l) if l.as_slice() == [BodyExtension::NString(None), BodyExtension::Number(n64(8))])
            );
        }
        e => panic!("{e:?}"),
    }
    let b = single(&m.bodies()[1]);
    assert_eq!(
        b.kind,
        PartKind::Basic {
            media_type: s("IMAGE"),
            subtype: s("PNG")
        }
    );
    assert_eq!(
        b.extension.as_ref().unwrap().language,
        vec![IString::from("fr")]
    );
    let mx = m.extension.as_ref().unwrap();
    assert_eq!(mx.param("boundary"), Some(&s("b")));
    assert_eq!(mx.disposition.as_ref().unwrap().params, vec![]);
    assert_eq!(mx.location, s("loc"));
    assert_eq!(mx.extensions, vec![BodyExtension::Number(Number64::MAX)]);
    assert_eq!(enc(&v, EncodeOptions::default()), input);
    prefixes_fail(input, |i| body(i, d()).is_ok());
}

#[test]
fn partial_extension_data_equals_nils() {
    // Extension data may stop after any field; missing fields equal NIL
    // and the encoder writes all four.
    let short = body_ok(br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL)"#);
    let long = body_ok(br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL NIL NIL)"#);
    assert_eq!(short, long);
    assert_eq!(
        enc(&short, EncodeOptions::default()),
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL NIL NIL)"#
    );
    let m1 = body_ok(br#"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) "MIXED" ("BOUNDARY" "x"))"#);
    let m2 = body_ok(
        br#"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) "MIXED" ("BOUNDARY" "x") NIL NIL NIL)"#,
    );
    assert_eq!(m1, m2);
    // BODY (no extension) differs from BODYSTRUCTURE with all NILs.
    let body_form = body_ok(br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)"#);
    assert_ne!(body_form, short);
    // A language list of one equals the single string.
    assert_eq!(
        body_ok(br#"("A" "B" NIL NIL NIL "7BIT" 1 NIL NIL ("en"))"#),
        body_ok(br#"("A" "B" NIL NIL NIL "7BIT" 1 NIL NIL "en")"#)
    );
}

#[test]
fn literals_and_8bit_in_body() {
    let input = b"(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" {6}\r\n\xc3\xa4.bin) NIL {3}\r\n\xff\x00\xfe \"BASE64\" 12 NIL (\"ATTACHMENT\" (\"FILENAME*\" \"UTF-8''%C3%A4.bin\")) NIL NIL)";
    let v = body_ok(input);
    let p = single(&v);
    assert_eq!(p.fields.param("name"), Some(&Some(IString::from("ä.bin"))));
    assert_eq!(
        p.fields.description.as_ref().unwrap().as_bytes(),
        b"\xff\x00\xfe"
    );
    prefixes_fail(input, |i| body(i, d()).is_ok());
}

// ---- envelopes -----------------------------------------------------

#[test]
fn group_syntax() {
    // RFC 9051 §7.5.2: NIL host starts (mailbox = group name) or ends
    // (mailbox NIL too) a group. From Dovecot, corpus 05 (* 69 FETCH).
    let e = envelope_ok(br#"("Tue, 17 Jan 2023 17:55:00 +0000" "x" (("Shop Example News" NIL "news" "news.example.net")) NIL NIL ((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)) (("A" NIL "a" "b.example")(NIL NIL "team" NIL)("B" NIL "b" "c.example")(NIL NIL NIL NIL)) NIL NIL NIL)"#);
    assert_eq!(
        e.to[0].group_name().map(|g| g.as_bytes()),
        Some(&b"undisclosed-recipients"[..])
    );
    assert!(e.to[1].is_group_end());
    assert!(e.cc[0].group_name().is_none() && !e.cc[0].is_group_end());
    assert_eq!(e.cc[1].group_name().unwrap().as_bytes(), b"team");
    assert!(e.cc[3].is_group_end());
    assert!(e.sender.is_empty() && e.reply_to.is_empty());
}

#[test]
fn envelope_literals_with_8bit() {
    // Dovecot sends 8-bit names and subjects as literals (corpus 05,
    // * 988 FETCH and * 297 FETCH).
    let input = "(\"08 May 2023 06:38:00 -0700\" {38}\r\nAW: Ärende: Överföring av ägarskap (({11}\r\nZoë Ådahl NIL \"u019.zodahl\" \"example.net\")) NIL NIL NIL NIL NIL NIL NIL)".as_bytes();
    let e = envelope_ok(input);
    assert_eq!(
        e.subject.as_ref().unwrap().as_str(),
        Some("AW: Ärende: Överföring av ägarskap")
    );
    assert_eq!(e.from[0].name.as_ref().unwrap().as_str(), Some("Zoë Ådahl"));
    // Re-encoded as a literal again without UTF8=ACCEPT.
    let out = enc(&e, EncodeOptions::default());
    assert!(out.windows(6).any(|w| w == b"{38}\r\n"));
    prefixes_fail(input, |i| envelope(i, d()).is_ok());
}

#[test]
fn envelope_lenient_forms() {
    // `()` for NIL (empty lists), lowercase nil, doubled spaces.
    let a = envelope_ok(br#"(nil  "" () NIL NIL ( ("a" NIL "b" "c") ) NIL NIL NIL NIL)"#);
    let b = envelope_ok(br#"(NIL "" NIL NIL NIL (("a" NIL "b" "c")) NIL NIL NIL NIL)"#);
    assert_eq!(a, b);
    assert_eq!(a.subject, s(""));
    assert_eq!(
        enc(&a, EncodeOptions::default()),
        br#"(NIL "" NIL NIL NIL (("a" NIL "b" "c")) NIL NIL NIL NIL)"#
    );
}

#[test]
fn envelope_malformed() {
    for bad in [
        // Nine fields ending in a string: which one is missing is not
        // known (nine ending in NIL read, see parse::fetch::quirks).
        &br#"("d" "s" NIL NIL NIL NIL NIL NIL "x")"#[..],
        br#"("d" "s" NIL NIL NIL NIL NIL NIL NIL NIL NIL)"#,
        br#"("d" "s" (("a" NIL "b")) NIL NIL NIL NIL NIL NIL NIL)"#,
        br#"("d" "s" (("a" NIL "b" "c" "e")) NIL NIL NIL NIL NIL NIL NIL)"#,
        br#"("d" "s" ("a" NIL "b" "c") NIL NIL NIL NIL NIL NIL NIL)"#,
        br#"("d" s NIL NIL NIL NIL NIL NIL NIL NIL)"#,
        br#"("d" "s" NILL NIL NIL NIL NIL NIL NIL NIL)"#,
        br#"("d" "s" NIL NIL NIL NIL NIL NIL NIL {5}"#,
        b"(\"d\" {99999999999999999999}\r\n",
        b"",
        b"NIL",
    ] {
        assert!(
            envelope(bad, d()).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}

// ---- quirks of real servers --------------------------------------

#[test]
fn quirk_nil_encoding_icloud() {
    // Apple iCloud (djc/imap-proto#205), maddy (imap-codec): NIL
    // body-fld-enc. Kept as NIL and written back as NIL.
    let v = body_ok(br#"(("text" "plain" ("CHARSET" "UTF-8") NIL NIL NIL 1694 51 NIL NIL NIL NIL)("text" "html" ("CHARSET" "UTF-8") NIL NIL "quoted-printable" 5750 77 NIL NIL NIL NIL) "alternative" ("boundary" "x") NIL NIL NIL)"#);
    assert_eq!(single(&multi(&v).bodies()[0]).fields.encoding, None);
}

#[test]
fn quirk_bare_string_disposition_exchange() {
    // Exchange (MailKit#919): `NIL "inline" NIL NIL` in body-ext-1part.
    let v = body_ok(br#"("text" "plain" ("charset" "ISO-8859-1") NIL NIL "QUOTED-PRINTABLE" 850 31 NIL "inline" NIL NIL)"#);
    let x = single(&v).extension.clone().unwrap();
    assert_eq!(x.disposition.unwrap().kind.as_bytes(), b"inline");
    assert!(enc(&v, EncodeOptions::default()).ends_with(br#" NIL ("inline" NIL) NIL NIL)"#));
    // Exchange 2016 (javamail#278): a bare string in body-ext-mpart.
    let v = body_ok(br#"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 21 0 NIL ("inline" NIL) NIL NIL)("application" "octet-stream" ("name" "private.txt") NIL NIL "base64" 690 NIL ("attachment" ("filename" "private.txt")) NIL NIL) "mixed" ("boundary" "----=_Part_0_-1731707885.1504253815584") "S/MIME Encrypted Message" NIL)"#);
    let mx = multi(&v).extension.clone().unwrap();
    assert_eq!(
        mx.disposition.unwrap().kind.as_bytes(),
        b"S/MIME Encrypted Message"
    );
}

#[test]
fn quirk_nil_param_value() {
    // mail.ru (imap-codec#700): ("boundary" NIL); Exchange 2010
    // (jakartaee/mail-api#203): NIL for an empty value.
    let v = body_ok(br#"(("text" "plain" ("charset" "utf-8" "name" NIL) NIL NIL "7bit" 3 1) "mixed" ("boundary" NIL))"#);
    let m = multi(&v);
    assert_eq!(m.extension.as_ref().unwrap().param("BOUNDARY"), Some(&None));
    assert_eq!(single(&m.bodies()[0]).fields.param("name"), Some(&None));
}

#[test]
fn quirk_empty_param_list_rims() {
    // RIMS (y10k/rims#15) sent `()` for an empty body-fld-param.
    let a = body_ok(br#"("text" "plain" () NIL NIL "7bit" 3 1)"#);
    let b = body_ok(br#"("text" "plain" NIL NIL NIL "7bit" 3 1)"#);
    assert_eq!(a, b);
}

#[test]
fn quirk_minus_one_sizes() {
    // Exchange? (MailKit#823): -1 body-fld-octets for a
    // multipart/appledouble sent as a leaf; go-imap#534: -1 in a
    // message/rfc822 body; Dovecot was seen sending -1 lines
    // (modern-email/defects#27). Read as 0, which round-trips.
    let v = body_ok(br#"((("text" "plain" ("charset" "US-ASCII") NIL NIL "7bit" 6 3 NIL NIL NIL NIL)("text" "html" ("charset" "US-ASCII") NIL NIL "quoted-printable" 314 5 NIL NIL NIL NIL) "alternative" ("boundary" "B_8345248387_336787") NIL NIL)("multipart" "appledouble" ("boundary" "B_8145297380_164091") NIL NIL "7BIT" -1 NIL NIL NIL NIL) "mixed" ("boundary" "B_7193419875_891207") NIL NIL)"#);
    let leaf = single(&multi(&v).bodies()[1]);
    assert_eq!(leaf.fields.octets, 0);
    assert_eq!(
        leaf.kind,
        PartKind::Basic {
            media_type: s("multipart"),
            subtype: s("appledouble")
        }
    );
    let v = body_ok(br#"(("text" "plain" NIL NIL NIL "7bit" 155 1)("message" "feedback-report" NIL NIL NIL "7bit" 141)("message" "rfc822" NIL NIL NIL "8bit" 0 ("Thu, 8 Jun 2023 11:37:19 +0200" "s" (("n" NIL "l" "d")) ((NIL NIL "l" "d")) NIL NIL NIL NIL NIL "<m>") ("multipart" "parallel" ("boundary" "_90b3ff09_") NIL NIL "7BIT" -1) 0) "report")"#);
    let m = multi(&v);
    assert!(
        matches!(&single(&m.bodies()[1]).kind, PartKind::Basic { subtype, .. } if *subtype == s("feedback-report"))
    );
    match &single(&m.bodies()[2]).kind {
        PartKind::Message { body, .. } => assert_eq!(single(body).fields.octets, 0),
        k => panic!("{k:?}"),
    }
    let v = body_ok(br#"("text" "plain" NIL NIL NIL "7bit" 12 -1)"#);
    assert_eq!(text_lines(single(&v)), 0);
    assert!(body(br#"("text" "plain" NIL NIL NIL "7bit" -2 1)"#, d()).is_err());
    assert!(body(br#"("text" "plain" NIL NIL NIL "7bit" 12 -12)"#, d()).is_err());
}

#[test]
fn quirk_doubled_spaces_lowercase_domino() {
    // Lotus Domino (MailKit#944): doubled spaces, three extension fields.
    let v = body_ok(br#"(("text" "plain"  ("charset" "UTF-8") NIL NIL "base64" 232 4 NIL NIL NIL)("message" "delivery-status"  NIL NIL NIL "7BIT" 421 NIL NIL NIL) "report" ("report-type" "delivery-status" "boundary" "==IFJRGLKFGIR60132UHRUHIHD") NIL NIL)"#);
    assert_eq!(multi(&v).bodies().len(), 2);
    // Lowercase nil, spaces inside the parentheses.
    let a = body_ok(br#"( "text"  "plain" ( "a"  "b" ) nil nil "7bit" 1 1 nil nil nil nil )"#);
    let b = body_ok(br#"("TEXT" "plain" ("a" "b") NIL NIL "7bit" 1 1 NIL NIL NIL NIL)"#);
    assert_eq!(a, b);
}

#[test]
fn quirk_nil_type_and_subtype() {
    // NIL where media-basic / media-subtype wants a string (Apple sends
    // a NIL type, MailKit#1393): kept, written back as NIL.
    let v = body_ok(br#"((NIL NIL NIL NIL NIL "7bit" 3) NIL)"#);
    let m = multi(&v);
    assert_eq!(m.subtype, None);
    assert_eq!(
        single(&m.bodies()[0]).kind,
        PartKind::Basic {
            media_type: None,
            subtype: None
        }
    );
}

#[test]
fn quirk_text_without_lines_and_message_without_envelope() {
    // Kept as basic parts; the encoder writes them back alike.
    let v = body_ok(br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 5)"#);
    assert!(matches!(single(&v).kind, PartKind::Basic { .. }));
    let v = body_ok(br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 5 NIL NIL NIL NIL)"#);
    assert!(matches!(single(&v).kind, PartKind::Basic { .. }));
    let v = body_ok(br#"("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 5 NIL ("attachment" NIL) NIL NIL)"#);
    assert!(matches!(single(&v).kind, PartKind::Basic { .. }));
    let v = body_ok(br#"("message" "rfc822" NIL NIL NIL "7BIT" 5)"#);
    assert!(matches!(single(&v).kind, PartKind::Basic { .. }));
}

// ---- values built by hand ----------------------------------------

#[test]
fn built_values_roundtrip() {
    let leaf = |t: &'static str| {
        BodyStructure::Single(SinglePart {
            kind: PartKind::Basic {
                media_type: s(t),
                subtype: s("x\"y\\z"),
            },
            fields: BodyFields {
                params: vec![("a b".into(), Some(IString::from(&b"\r\n\0"[..])))],
                id: s(""),
                description: Some(IString::from(vec![0xff; 2000])),
                encoding: None,
                octets: u32::MAX,
            },
            extension: Some(BodyExt1Part {
                md5: None,
                disposition: Some(Disposition {
                    kind: "NIL".into(),
                    params: vec![],
                }),
                language: vec![IString::from("")],
                location: None,
                extensions: vec![BodyExtension::List(
                    BodyExtensionList::new(vec![BodyExtension::NString(s("NIL"))]).unwrap(),
                )],
            }),
        })
    };
    let mut mp = MultiPart::new(vec![leaf("TEXT"), leaf("MESSAGE"), leaf("NIL")], s("")).unwrap();
    mp.extension = Some(BodyExtMpart::default());
    let v = BodyStructure::Multi(mp);
    roundtrip_body(&v);
    let msg = BodyStructure::Single(SinglePart {
        kind: PartKind::Message {
            subtype: MessageSubtype::Rfc822,
            envelope: Box::default(),
            body: Box::new(v),
            lines: Number64::MAX,
        },
        fields: BodyFields::default(),
        extension: None,
    });
    roundtrip_body(&msg);
    let out = enc(&msg, EncodeOptions::default());
    assert!(out.starts_with(
        br#"("MESSAGE" "RFC822" NIL NIL NIL NIL 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("#
    ));
}

// ---- nesting -----------------------------------------------------

fn nested_multipart(levels: usize) -> Vec<u8> {
    let mut v = vec![b'('; levels];
    v.extend_from_slice(br#""TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)"#);
    for _ in 1..levels {
        v.extend_from_slice(br#" "MIXED")"#);
    }
    v
}

fn nested_message(levels: usize) -> Vec<u8> {
    let mut v = Vec::new();
    for _ in 0..levels {
        v.extend_from_slice(br#"("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 9 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "#);
    }
    v.extend_from_slice(br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)"#);
    for _ in 0..levels {
        v.extend_from_slice(b" 3)");
    }
    v
}

fn is_depth_limit(r: PResult<'_, impl std::fmt::Debug>) -> bool {
    matches!(r, Err(nom::Err::Failure(e)) if matches!(e.kind, ErrKind::Limit("nesting depth", _)))
}

#[test]
fn legal_deep_nesting_parses() {
    let input = nested_multipart(20);
    let v = body_ok(&input);
    let mut b = &v;
    let mut n = 1;
    while let BodyStructure::Multi(m) = b {
        b = &m.bodies()[0];
        n += 1;
    }
    assert_eq!(n, 20);
    body_ok(&nested_message(20));
    let mut ext = br#"("A" "B" NIL NIL NIL "7BIT" 1 NIL NIL NIL NIL "#.to_vec();
    ext.extend(std::iter::repeat_n(b'(', 20));
    ext.push(b'1');
    ext.extend(std::iter::repeat_n(b')', 21));
    body_ok(&ext);
}

#[test]
fn hostile_nesting_is_an_error_not_a_stack_overflow() {
    let deep = vec![b'('; 100_000];
    assert!(is_depth_limit(body(&deep, d())));
    assert!(is_depth_limit(body(&nested_multipart(100_000), d())));
    assert!(is_depth_limit(body(&nested_message(100_000), d())));
    let mut ext = br#"("A" "B" NIL NIL NIL "7BIT" 1 NIL NIL NIL NIL "#.to_vec();
    ext.extend(std::iter::repeat_n(b'(', 100_000));
    assert!(is_depth_limit(body(&ext, d())));
    let mut ext = br#"(("A" "B" NIL NIL NIL "7BIT" 1) "C" NIL NIL NIL NIL "#.to_vec();
    ext.extend(std::iter::repeat_n(b'(', 100_000));
    assert!(is_depth_limit(body(&ext, d())));
    // A tighter limit applies.
    let tight = Depth::new(&ParseLimits { max_depth: 3 });
    assert!(body(&nested_multipart(3), tight).is_ok());
    assert!(is_depth_limit(body(&nested_multipart(4), tight)));
}

// ---- malformed ---------------------------------------------------

#[test]
fn body_malformed() {
    for bad in [
        &b"()"[..],
        b"",
        b"NIL",
        br#"("TEXT")"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT")"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" x)"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 4294967296 1)"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 9223372036854775808)"#,
        br#"("TEXT" "PLAIN" ("A") NIL NIL "7BIT" 1 1)"#,
        br#"("TEXT" "PLAIN" (NIL "b") NIL NIL "7BIT" 1 1)"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL ("x" "y"))"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL NIL NIL ())"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL NIL NIL atom)"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL NIL NIL"#,
        br#"("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1"#,
        br#"("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 1 (NIL) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) 1)"#,
        br#"("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 1 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1))"#,
        br#"("MESSAGE" "PARTIAL" NIL NIL NIL "7BIT" 1 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))"#,
        // (A multipart with no subtype at all reads as NIL: a quirk, see
        // parse::fetch::quirks; a SP and no subtype does not.)
        br#"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) )"#,
        br#"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) "MIXED" NIL NIL NIL NIL ())"#,
        br#"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)"MIXED")"#,
        b"(\"TEXT\" \"PLAIN\" NIL NIL NIL {5}\r\n7BIT",
        b"(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7\rBIT\" 1 1)",
    ] {
        let r = body(bad, d());
        assert!(r.is_err(), "{} parsed: {r:?}", String::from_utf8_lossy(bad));
    }
}

// ---- real traffic ------------------------------------------------

/// Responses from the public corpus: Dovecot 2.3.19 answering
/// `UID FETCH 1:* (... ENVELOPE BODYSTRUCTURE)` (05-imaplib-webmail)
/// and `FETCH 1:20 (FLAGS ENVELOPE)` (12-curl-fetch-flags), chosen for
/// variety (see testdata/README.md).
const BODIES: &[u8] = include_bytes!("../testdata/bodies.txt");

/// Parses every `ENVELOPE (` and `BODYSTRUCTURE (` in `data`, checks
/// encode -> parse gives the same value, and returns the counts.
fn walk(data: &[u8], prefixes: bool) -> (usize, usize) {
    let (mut envs, mut bodies) = (0, 0);
    for (k, _) in data
        .windows(10)
        .enumerate()
        .filter(|(_, w)| *w == b"ENVELOPE (")
    {
        let at = &data[k + 9..];
        let (rest, e) = envelope(at, d()).unwrap_or_else(|e| panic!("at {k}: {e:?}"));
        assert!(matches!(rest.first(), Some(b' ' | b')')));
        roundtrip_envelope(&e);
        if prefixes {
            prefixes_fail(&at[..at.len() - rest.len()], |i| envelope(i, d()).is_ok());
        }
        envs += 1;
    }
    for (k, _) in data
        .windows(15)
        .enumerate()
        .filter(|(_, w)| *w == b"BODYSTRUCTURE (")
    {
        let at = &data[k + 14..];
        let (rest, b) = body(at, d()).unwrap_or_else(|e| panic!("at {k}: {e:?}"));
        assert!(matches!(rest.first(), Some(b' ' | b')')));
        assert!(
            b.extension_present(),
            "BODYSTRUCTURE without extension data"
        );
        roundtrip_body(&b);
        if prefixes {
            prefixes_fail(&at[..at.len() - rest.len()], |i| body(i, d()).is_ok());
        }
        bodies += 1;
    }
    (envs, bodies)
}

impl BodyStructure<'_> {
    fn extension_present(&self) -> bool {
        match self {
            BodyStructure::Single(s) => s.extension.is_some(),
            BodyStructure::Multi(m) => m.extension.is_some(),
        }
    }
}

#[test]
fn corpus_sample_roundtrips() {
    assert_eq!(walk(BODIES, true), (38, 36));
}

fn fetch<'a>(n: &str, data: &'a [u8]) -> &'a [u8] {
    let head = format!("* {n} FETCH (");
    let k = data
        .windows(head.len())
        .position(|w| w == head.as_bytes())
        .unwrap();
    &data[k..]
}

fn fetch_body<'a>(n: &str) -> BodyStructure<'a> {
    let m = fetch(n, BODIES);
    let k = m.windows(15).position(|w| w == b"BODYSTRUCTURE (").unwrap();
    body(&m[k + 14..], d()).unwrap().1.into_owned()
}

fn fetch_envelope<'a>(n: &str) -> Envelope<'a> {
    let m = fetch(n, BODIES);
    let k = m.windows(10).position(|w| w == b"ENVELOPE (").unwrap();
    envelope(&m[k + 9..], d()).unwrap().1.into_owned()
}

#[test]
fn corpus_mixed_with_forwarded_message() {
    // * 1: multipart/mixed of text/plain and message/rfc822.
    let v = fetch_body("1");
    let m = multi(&v);
    assert_eq!(m.subtype, s("mixed"));
    assert_eq!(
        m.extension.as_ref().unwrap().param("boundary"),
        Some(&s("----=_Part_0_bd27fb038a.0"))
    );
    let fwd = single(&m.bodies()[1]);
    match &fwd.kind {
        PartKind::Message {
            subtype,
            envelope,
            body,
            lines,
        } => {
            assert_eq!((*subtype, *lines), (MessageSubtype::Rfc822, n64(25)));
            assert_eq!(
                envelope.subject,
                s("Notes from the conference talk meeting")
            );
            assert_eq!(
                envelope.to,
                vec![Address::new(None, None, Some("test"), Some("corp.example"))]
            );
            let inner = single(body);
            assert_eq!(inner.fields.encoding, s("quoted-printable"));
            assert_eq!(inner.fields.param("format"), Some(&s("flowed")));
            assert_eq!(text_lines(inner), 16);
        }
        k => panic!("{k:?}"),
    }
    assert_eq!(fwd.fields.octets, 1044);
    let dsp = fwd
        .extension
        .as_ref()
        .unwrap()
        .disposition
        .as_ref()
        .unwrap();
    assert_eq!(dsp.kind.as_bytes(), b"attachment");
    assert_eq!(dsp.param("filename"), Some(&s("forwarded.eml")));
}

#[test]
fn corpus_rfc2231_attachments() {
    // * 39: mixed with a zip (RFC 2231 filename*), a jpeg, a docx.
    let v = fetch_body("39");
    let m = multi(&v);
    assert_eq!(m.bodies().len(), 4);
    let zip = single(&m.bodies()[1]);
    assert_eq!(zip.fields.id, s("<att39.507118d5@corp.example>"));
    let dsp = zip
        .extension
        .as_ref()
        .unwrap()
        .disposition
        .as_ref()
        .unwrap();
    assert_eq!(
        dsp.params,
        vec![
            ("size".into(), s("560")),
            ("filename*".into(), s("UTF-8''r%C3%A9sum%C3%A9.zip"))
        ]
    );
    assert!(
        matches!(&single(&m.bodies()[3]).kind, PartKind::Basic { subtype, .. } if *subtype == s("vnd.openxmlformats-officedocument.wordprocessingml.document"))
    );
}

#[test]
fn corpus_deeply_forwarded() {
    // * 1439: mixed > message/rfc822 > mixed > message/rfc822 > mixed >
    // alternative.
    let v = fetch_body("1439");
    let PartKind::Message { body, .. } = &single(&multi(&v).bodies()[1]).kind else {
        panic!()
    };
    let PartKind::Message { body, envelope, .. } = &single(&multi(body).bodies()[1]).kind else {
        panic!()
    };
    assert_eq!(envelope.subject, s("Update: Q3 roadmap"));
    let alt = multi(&multi(body).bodies()[0]);
    assert_eq!(alt.subtype, s("alternative"));
    assert_eq!(alt.bodies().len(), 2);
}

#[test]
fn corpus_envelopes() {
    // * 69: group syntax (undisclosed-recipients:;).
    let e = fetch_envelope("69");
    assert_eq!(e.to.len(), 2);
    assert_eq!(
        e.to[0].group_name().unwrap().as_bytes(),
        b"undisclosed-recipients"
    );
    assert!(e.to[1].is_group_end());
    // * 553: a literal display name with 8-bit bytes inside a list.
    let e = fetch_envelope("553");
    assert_eq!(e.subject.as_ref().unwrap().as_bytes().len(), 101);
    assert_eq!(
        e.to[2].name.as_ref().unwrap().as_str(),
        Some("Nguyễn Văn An")
    );
    // * 1095: a UTF-8 subject as a literal; in-reply-to set.
    let e = fetch_envelope("1095");
    assert_eq!(
        e.subject.as_ref().unwrap().as_str(),
        Some("Ré : 请查收本周报告")
    );
    // * 1509: an emoji.
    let e = fetch_envelope("1509");
    assert!(e
        .subject
        .as_ref()
        .unwrap()
        .as_str()
        .unwrap()
        .starts_with('🚀'));
    assert!(e.in_reply_to.is_some() && e.message_id.is_some());
}

#[test]
fn corpus_language_and_signed() {
    let v = fetch_body("7");
    assert_eq!(
        single(&v).extension.as_ref().unwrap().language,
        vec![IString::from("en-US")]
    );
    let v = fetch_body("88");
    let m = multi(&v);
    assert_eq!(m.subtype, s("signed"));
    assert_eq!(
        m.extension.as_ref().unwrap().param("protocol"),
        Some(&s("application/pgp-signature"))
    );
}

#[test]
fn corpus_mutations_never_panic() {
    // Flip, drop and duplicate bytes around every position of a few
    // real body structures: any result is fine, a panic is not.
    let m = fetch("1", BODIES);
    let k = m.windows(15).position(|w| w == b"BODYSTRUCTURE (").unwrap();
    let end = m.iter().position(|&b| b == b'\n').unwrap();
    let src = &m[k + 14..end];
    for i in 0..src.len() {
        for mutation in 0..4 {
            let mut v = src.to_vec();
            match mutation {
                0 => {
                    v.remove(i);
                }
                1 => v.insert(i, v[i]),
                2 => v[i] = b')',
                _ => v[i] = b'(',
            }
            if let Ok((_, b)) = body(&v, d()) {
                roundtrip_body(&b);
            }
        }
    }
}
