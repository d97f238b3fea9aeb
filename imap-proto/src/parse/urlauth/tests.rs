//! URLAUTH (RFC 4467) and the extended URLFETCH (RFC 5524).

use crate::types::{
    CommandBody, ConnectionState, Data, Response, ResponseCode, UrlAuthMechanism, UrlFetchParam,
    UrlFetchValue, UrlMetadata,
};
use crate::{parse_command, parse_response};

fn cmd_round_trip(b: &[u8]) -> CommandBody<'static> {
    let (c, n) = parse_command(b).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    let out = c.to_bytes();
    assert_eq!(
        parse_command(&out).unwrap().0,
        c,
        "{}",
        String::from_utf8_lossy(&out)
    );
    c.into_owned().body
}

fn resp_round_trip(b: &[u8]) -> Response<'static> {
    let (r, n) =
        parse_response(b).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    let out = r.to_bytes();
    assert_eq!(
        parse_response(&out).unwrap().0,
        r,
        "{}",
        String::from_utf8_lossy(&out)
    );
    for k in 0..b.len() {
        assert!(
            parse_response(&b[..k]).unwrap_err().is_incomplete(),
            "prefix {k}"
        );
    }
    r.into_owned()
}

#[test]
fn genurlauth_resetkey_urlfetch_commands() {
    let b = cmd_round_trip(
        b"x1 GENURLAUTH \"imap://bob@mail.example/Drafts/;uid=7/;section=2;urlauth=submit+bob\" INTERNAL \"imap://bob@mail.example/INBOX/;uid=9;urlauth=anonymous\" x-Other.1\r\n",
    );
    let CommandBody::GenUrlAuth(pairs) = &b else {
        panic!("{b:?}")
    };
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs.as_slice()[1].1.as_str(), "x-Other.1");
    assert!(b.allowed_in(ConnectionState::Authenticated));
    assert!(!b.allowed_in(ConnectionState::NotAuthenticated));

    assert_eq!(
        cmd_round_trip(b"x2 RESETKEY\r\n"),
        CommandBody::ResetKey(None)
    );
    let b = cmd_round_trip(b"x3 RESETKEY Drafts INTERNAL XSAMPLE\r\n");
    let CommandBody::ResetKey(Some(t)) = &b else {
        panic!()
    };
    assert_eq!(t.mechanisms.len(), 2);

    let b = cmd_round_trip(
        b"x4 URLFETCH \"imap://bob@mail.example/Drafts/;uid=7;urlauth=submit+bob:internal:0a1b\" (\"imap://bob@mail.example/Drafts/;uid=7/;section=1;urlauth=authuser:internal:99\" BODYPARTSTRUCTURE binary X-MORE) (u)\r\n",
    );
    let CommandBody::UrlFetch(args) = &b else {
        panic!()
    };
    let a = args.as_slice();
    assert_eq!(a[0].params, None);
    let p = a[1].params.as_ref().unwrap();
    assert_eq!(p[0], UrlFetchParam::BodyPartStructure);
    assert_eq!(p[1], UrlFetchParam::Binary);
    assert!(matches!(&p[2], UrlFetchParam::Other(x) if x.as_atom().as_str() == "X-MORE"));
    assert_eq!(a[2].params, Some(vec![]));

    for bad in [
        &b"x GENURLAUTH\r\n"[..],
        b"x GENURLAUTH \"imap://a/b\"\r\n",
        b"x GENURLAUTH \"imap://a/b\" a=b\r\n",
        b"x URLFETCH\r\n",
        b"x URLFETCH (\"imap://a/b\" BINARY\r\n",
    ] {
        assert!(
            parse_command(bad).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    assert!(UrlAuthMechanism::new("").is_err());
}

#[test]
fn genurlauth_and_urlfetch_data() {
    let r = resp_round_trip(b"* GENURLAUTH \"imap://bob@mail.example/INBOX/;uid=9;urlauth=anonymous:internal:5f\" \"imap://x/y\"\r\n");
    assert!(matches!(r, Response::Data(Data::GenUrlAuth(ref v)) if v.len() == 2));

    let r = resp_round_trip(b"* URLFETCH \"imap://x/a\" {3}\r\nabc \"imap://x/b\" NIL\r\n");
    let Response::Data(Data::UrlFetch(items)) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items.as_slice()[1].value, UrlFetchValue::Simple(None));

    let r = resp_round_trip(
        b"* URLFETCH \"imap://x/a\" (BODYPARTSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"BASE64\" 4 1)) (BINARY ~{3}\r\na\x00b) (BODY \"YQBi\")\r\n",
    );
    let Response::Data(Data::UrlFetch(items)) = &r else {
        panic!()
    };
    let UrlFetchValue::Metadata(m) = &items.as_slice()[0].value else {
        panic!()
    };
    assert_eq!(m.len(), 3);
    assert!(matches!(
        &m.as_slice()[0],
        UrlMetadata::BodyPartStructure(_)
    ));
    assert!(matches!(&m.as_slice()[1], UrlMetadata::Binary(Some(b)) if &b[..] == b"a\x00b"));
    // A NUL goes out as literal8, other octets as a string.
    assert!(r.to_bytes().windows(5).any(|w| w == b"~{3}\r"));
    let r = resp_round_trip(b"* URLFETCH u (BINARY \"ab\") (BINARY NIL)\r\n");
    assert!(!r.to_bytes().contains(&b'~'));

    for bad in [
        &b"* GENURLAUTH\r\n"[..],
        b"* URLFETCH \"imap://x/a\"\r\n",
        b"* URLFETCH \"imap://x/a\" (SIZE 3)\r\n",
        b"* URLFETCH \"imap://x/a\" ()\r\n",
    ] {
        assert!(not_typed(bad), "{}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn urlmech_code() {
    let r = resp_round_trip(b"* OK [URLMECH INTERNAL] only internal\r\n");
    let Response::Untagged(s) = &r else { panic!() };
    assert_eq!(s.text.code, Some(ResponseCode::UrlMech(vec![])));
    let r = resp_round_trip(b"a2 OK [URLMECH INTERNAL XSAMPLE=YWJj X.TWO= x-three] done\r\n");
    let Response::Tagged(t) = &r else { panic!() };
    let Some(ResponseCode::UrlMech(m)) = &t.text.code else {
        panic!()
    };
    assert_eq!(m.len(), 3);
    assert_eq!(m[0].key.as_deref(), Some(&b"abc"[..]));
    assert_eq!(m[1].key.as_deref(), Some(&b""[..]));
    assert_eq!(m[2].key, None);
    assert_eq!(
        r.to_bytes(),
        b"a2 OK [URLMECH INTERNAL XSAMPLE=YWJj X.TWO= x-three] done\r\n"
    );
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
