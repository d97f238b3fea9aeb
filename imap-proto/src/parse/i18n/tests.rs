//! LANGUAGE and COMPARATOR (RFC 5255).

use crate::types::{AString, CommandBody, ConnectionState, Data, Response, ResponseCode};
use crate::{parse_command, parse_response};

fn a(s: &str) -> AString<'_> {
    AString::from(s)
}

#[test]
fn language_command() {
    let (c, _) = parse_command(b"E001 LANGUAGE FR-CA \"EN-CA\" {2+}\r\nde\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Language(vec![a("FR-CA"), a("EN-CA"), a("de")])
    );
    assert_eq!(c.to_bytes(), b"E001 LANGUAGE FR-CA EN-CA de\r\n");
    let (c, _) = parse_command(b"A003 LANGUAGE\r\n").unwrap();
    assert_eq!(c.body, CommandBody::Language(vec![]));
    assert_eq!(c.to_bytes(), b"A003 LANGUAGE\r\n");
    // doubled and trailing spaces read as one
    let (c, _) = parse_command(b"A LANGUAGE  DE  \r\n").unwrap();
    assert_eq!(c.body, CommandBody::Language(vec![a("DE")]));
    assert!(c.body.allowed_in(ConnectionState::NotAuthenticated));
    assert!(!c.body.allowed_in(ConnectionState::Logout));
}

#[test]
fn comparator_command() {
    let (c, _) = parse_command(b"A001 COMPARATOR \"cz;*\" i;basic\r\n").unwrap();
    assert_eq!(
        c.body,
        CommandBody::Comparator(vec![a("cz;*"), a("i;basic")])
    );
    let out = c.to_bytes();
    assert_eq!(out, b"A001 COMPARATOR \"cz;*\" i;basic\r\n");
    assert_eq!(parse_command(&out).unwrap().0, c);
    assert!(c.body.allowed_in(ConnectionState::Authenticated));
    assert!(!c.body.allowed_in(ConnectionState::NotAuthenticated));
}

#[test]
fn language_and_comparator_data() {
    let (r, _) = parse_response(b"* LANGUAGE (EN DE IT i-default)\r\n").unwrap();
    let Response::Data(Data::Language(tags)) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(tags.len(), 4);
    assert_eq!(r.to_bytes(), b"* LANGUAGE (EN DE IT i-default)\r\n");
    assert!(not_typed(b"* LANGUAGE ()\r\n"));
    assert!(not_typed(b"* LANGUAGE\r\n"));

    let (r, _) = parse_response(b"* COMPARATOR i;basic\r\n").unwrap();
    assert_eq!(
        r,
        Response::Data(Data::Comparator {
            selected: a("i;basic"),
            available: vec![]
        })
    );
    let (r, _) = parse_response(b"* COMPARATOR i;basic (i;basic \"i;ascii-casemap\")\r\n").unwrap();
    let out = r.to_bytes();
    assert_eq!(out, b"* COMPARATOR i;basic (i;basic i;ascii-casemap)\r\n");
    assert_eq!(parse_response(&out).unwrap().0, r);
    assert!(not_typed(b"* COMPARATOR i;basic ()\r\n"));

    let (r, _) = parse_response(b"A1 NO [BADCOMPARATOR] no such collation\r\n").unwrap();
    let Response::Tagged(t) = &r else { panic!() };
    assert_eq!(t.text.code, Some(ResponseCode::BadComparator));
}

/// Malformed known data is not read as its typed variant: it degrades to
/// [`Data::Other`] under its keyword (the degrade contract), or stays an
/// error (a number out of range).
fn not_typed(b: &[u8]) -> bool {
    match crate::parse_response(b) {
        Err(_) => true,
        Ok((crate::types::Response::Data(crate::types::Data::Other(o)), _)) => {
            crate::types::Response::Data(crate::types::Data::Other(o.clone())).to_bytes() == b
        }
        Ok(_) => false,
    }
}
