//! What real servers send that the grammar does not allow, and what it is
//! read as: status responses and their codes, and mailbox data. Each test
//! names the server or the public report it comes from. Every message is
//! checked whole, at every strict prefix (Incomplete), with trailing bytes
//! (left alone), and round-tripped (`rt`).

use super::tests::{check, data, invalid, nz, rt, tagged, untagged};
use super::*;
use crate::parse_response;
use crate::types::{
    BracketKeyword, CodeText, Flag, FlagPerm, Mailbox, MailboxAttribute, OtherCode, ResponseCode,
    StatusItem, Text,
};

/// The degraded code the parser keeps: a known name, its argument raw.
fn degraded<'a>(name: &'a str, arg: Option<&'a str>) -> ResponseCode<'a> {
    ResponseCode::Other(OtherCode::unchecked(
        Atom::new(name).unwrap(),
        arg.map(|a| CodeText::new(a).unwrap()),
    ))
}

fn code_of(r: &Response<'_>) -> Option<ResponseCode<'static>> {
    match r {
        Response::Tagged(t) => t.text.code.clone().map(ResponseCode::into_owned),
        Response::Untagged(u) => u.text.code.clone().map(ResponseCode::into_owned),
        Response::Continue(c) => c.text.code.clone().map(ResponseCode::into_owned),
        Response::Data(_) => None,
    }
}

fn text_of(r: &Response<'_>) -> String {
    match r {
        Response::Tagged(t) => t.text.text.as_str().to_owned(),
        Response::Untagged(u) => u.text.text.as_str().to_owned(),
        Response::Continue(c) => c.text.text.as_str().to_owned(),
        Response::Data(_) => panic!("not a status: {r:?}"),
    }
}

/// Gmail answers SELECT of its `[Gmail]/...` folders with a text that
/// starts with `[` after the code (issue 11; reported to go-imap, MailKit
/// and others).
#[test]
fn gmail_select_text_after_code_starts_with_bracket() {
    check(
        b"A1 OK [READ-WRITE] [Gmail]/Sent Mail selected. (Success)\r\n",
        tagged(
            "A1",
            State::Ok,
            Some(ResponseCode::ReadWrite),
            "[Gmail]/Sent Mail selected. (Success)",
        ),
    );
    check(
        b"A2 OK [READ-ONLY] [Gmail]/All Mail selected. (Success)\r\n",
        tagged(
            "A2",
            State::Ok,
            Some(ResponseCode::ReadOnly),
            "[Gmail]/All Mail selected. (Success)",
        ),
    );
    // Google Mail's older name for the same folders, and lowercase.
    let r = rt(b"a3 ok [read-write] [Google Mail]/Trash selected. (Success)\r\n");
    assert_eq!(code_of(&r), Some(ResponseCode::ReadWrite));
    assert_eq!(text_of(&r), "[Google Mail]/Trash selected. (Success)");
    // The text is a `Text` of its own: it reads as text without the code
    // too, so it can be moved anywhere.
    let t = Text::new("[Gmail]/Sent Mail selected. (Success)").unwrap();
    check(
        b"* OK [Gmail]/Sent Mail selected. (Success)\r\n",
        Response::Untagged(UntaggedStatus {
            condition: Condition::Ok,
            text: RespText::new(t),
        }),
    );
}

/// Exchange / Outlook 365 after AUTHENTICATE: a bracket that holds no
/// readable code (`Error="` is no atom followed by SP or `]`), kept whole
/// as text (issue 11; ruby/net-imap#597).
#[test]
fn exchange_error_bracket_is_text() {
    let line: &[u8] = b"A2 OK [Error=\"Microsoft.Exchange.Data.Storage.WrongServerException: Cross Server access is not allowed for mailbox xxx@example.com\" Proxy=BL1PR13CA0001.namprd13.prod.outlook.com:1993:SSL] AUTHENTICATE completed.\r\n";
    let r = rt(line);
    assert_eq!(code_of(&r), None);
    assert_eq!(
        text_of(&r).as_bytes(),
        &line[b"A2 OK ".len()..line.len() - 2]
    );
    assert!(matches!(&r, Response::Tagged(t) if t.state == State::Ok));
    let r = rt(b"RUBY0001 OK [Error=\"Microsoft.Exchange.Data.Storage.WrongServerException:Cross Server access is not allowed for mailbox xxxxxxxx-xxxx\" AuthResultFromPopImapEnd=0 Proxy=X.EURX.PROD.OUTLOOK.COM:1993:SSL MailboxBE=X.EURX.PROD.OUTLOOK.COM Service=Imap4] AUTHENTICATE completed.\r\n");
    assert_eq!(code_of(&r), None);
    assert!(text_of(&r).ends_with("] AUTHENTICATE completed."));
}

/// Known codes whose argument does not match their grammar become the
/// generic code under their own name, argument raw (issue 11: `[COPYUID
/// 701  ]`, `x NO [ALERT SOMETHING] ALARM!`; `[UIDNEXT 0]`, `[CLOSED
/// junk]`).
#[test]
fn known_code_with_bad_argument_is_kept_raw() {
    check(
        b"* OK [COPYUID 701  ] done\r\n",
        untagged(
            Condition::Ok,
            Some(degraded("COPYUID", Some("701  "))),
            "done",
        ),
    );
    check(
        b"x NO [ALERT SOMETHING] ALARM!\r\n",
        tagged(
            "x",
            State::No,
            Some(degraded("ALERT", Some("SOMETHING"))),
            "ALARM!",
        ),
    );
    for (line, name, arg) in [
        (&b"* OK [UIDNEXT 0] x\r\n"[..], "UIDNEXT", Some("0")),
        (b"* OK [UIDNEXT x] x\r\n", "UIDNEXT", Some("x")),
        (b"* OK [UIDNEXT 5 6] x\r\n", "UIDNEXT", Some("5 6")),
        (b"* OK [uidnext] x\r\n", "uidnext", None),
        (b"* OK [COPYUID  ] x\r\n", "COPYUID", None),
        (b"* OK [CLOSED junk] x\r\n", "CLOSED", Some("junk")),
        (
            b"* OK [PERMANENTFLAGS (\\Seen] x\r\n",
            "PERMANENTFLAGS",
            Some("(\\Seen"),
        ),
        (b"* OK [METADATA FOO] x\r\n", "METADATA", Some("FOO")),
        (b"* OK [MAILBOXID (a b)] x\r\n", "MAILBOXID", Some("(a b)")),
    ] {
        let r = rt(line);
        assert_eq!(code_of(&r), Some(degraded(name, arg)), "{r:?}");
        assert_eq!(text_of(&r), "x");
    }
    // Spaces before the "]": the strict reading when there is one
    // (found by the round-trip property: `[ALERT ]` kept raw without its
    // spaces would have read back as ALERT).
    for (line, code) in [
        (&b"* OK [ALERT ] x\r\n"[..], ResponseCode::Alert),
        (b"* OK [UIDNEXT 5 ] x\r\n", ResponseCode::UidNext(nz(5))),
        (
            b"* OK [BADCHARSET  ] x\r\n",
            ResponseCode::BadCharset(vec![]),
        ),
    ] {
        assert_eq!(code_of(&rt(line)), Some(code));
    }
    // Never buildable through the public API: it would read back typed.
    assert!(OtherCode::new(Atom::new("UIDNEXT").unwrap(), None).is_err());
}

/// A `[` that opens no readable code is text (issue 11).
#[test]
fn bracket_that_opens_no_code_is_text() {
    for (line, t) in [
        (&b"* OK [ALERT x\r\n"[..], "[ALERT x"),
        (b"* OK [] x\r\n", "[] x"),
        (b"* OK [ x\r\n", "[ x"),
        (b"* OK [\r\n", "["),
        (b"* OK [XFOO]bar\r\n", "[XFOO]bar"),
        (b"* OK [XFOO a]/b\r\n", "[XFOO a]/b"),
        (b"+ [not a code\r\n", "[not a code"),
    ] {
        let r = rt(line);
        assert_eq!((code_of(&r), text_of(&r).as_str()), (None, t), "{r:?}");
        assert!(Text::new(t).is_ok(), "{t:?}");
    }
    // An unknown code counts when SP or the end follows its `]`.
    let r = rt(b"* OK [XFOO] bar\r\n");
    assert!(matches!(code_of(&r), Some(ResponseCode::Other(o)) if o.name().as_str() == "XFOO"));
    let r = rt(b"* OK [XFOO]\r\n");
    assert_eq!(text_of(&r), "");
    // A known code counts without the SP (an older quirk, kept).
    let r = rt(b"* OK [ALERT]bar\r\n");
    assert_eq!(
        (code_of(&r), text_of(&r).as_str()),
        (Some(ResponseCode::Alert), "bar")
    );
}

/// Missing text after a status and after a code, and lowercase keywords
/// (dbmail/dbmail#20 `* OK` alone; Gmail and Dovecot lowercase in tests
/// of other libraries).
#[test]
fn missing_text_and_lowercase() {
    check(b"A1 OK\r\n", tagged("A1", State::Ok, None, ""));
    check(
        b"A1 OK [READ-WRITE]\r\n",
        tagged("A1", State::Ok, Some(ResponseCode::ReadWrite), ""),
    );
    check(
        b"* ok [alert] \r\n",
        untagged(Condition::Ok, Some(ResponseCode::Alert), ""),
    );
    check(
        b"a1 bad [read-write] [Gmail]/x\r\n",
        tagged("a1", State::Bad, Some(ResponseCode::ReadWrite), "[Gmail]/x"),
    );
}

/// A tagged BYE: not in the grammar, sent by wp.pl in answer to LOGOUT
/// (jonhoo/rust-imap#210) and by others (issue 11, go-imap imapclient).
#[test]
fn tagged_bye() {
    check(
        b"a4 BYE IMAP4rev1 Server logging out\r\n",
        tagged("a4", State::Bye, None, "IMAP4rev1 Server logging out"),
    );
    check(
        b"A5 bye [ALERT] shutting down\r\n",
        tagged("A5", State::Bye, Some(ResponseCode::Alert), "shutting down"),
    );
    check(b"A6 BYE\r\n", tagged("A6", State::Bye, None, ""));
    assert_eq!(State::Bye.as_str(), "BYE");
}

/// Gmail's label keywords hold `]` (djc/imap-proto#36,
/// apple/swift-nio-imap#738, issue 11), in FLAGS and in PERMANENTFLAGS;
/// the space in "All Mail" makes two keywords, as Gmail sends it.
#[test]
fn gmail_flags_with_brackets() {
    let bk = |s: &str| Flag::BracketKeyword(BracketKeyword::new(s.to_owned()).unwrap());
    let kw = |s: &'static str| Flag::Keyword(Atom::new(s).unwrap());
    check(
        b"* FLAGS (\\Answered OIB-Seen-[Gmail]/All \\*)\r\n",
        data(Data::Other(OtherData::unchecked(
            None,
            Atom::new("FLAGS").unwrap(),
            Some(b"(\\Answered OIB-Seen-[Gmail]/All \\*)"),
        ))),
    );
    check(
        b"* FLAGS (\\Answered \\Seen $NotPhishing OIB-Seen-INBOX OIB-Seen-[Gmail]/All Mail OIB-Seen-[Gmail]/Spam)\r\n",
        data(Data::Flags(vec![
            Flag::Answered,
            Flag::Seen,
            kw("$NotPhishing"),
            kw("OIB-Seen-INBOX"),
            bk("OIB-Seen-[Gmail]/All"),
            kw("Mail"),
            bk("OIB-Seen-[Gmail]/Spam"),
        ])),
    );
    let r = rt(b"* OK [PERMANENTFLAGS (\\Answered \\Seen OIB-Seen-[Gmail]/All Mail OIB-Seen-[Gmail]/Trash \\*)] Flags permitted.\r\n");
    assert_eq!(
        code_of(&r),
        Some(ResponseCode::PermanentFlags(vec![
            FlagPerm::Flag(Flag::Answered),
            FlagPerm::Flag(Flag::Seen),
            FlagPerm::Flag(bk("OIB-Seen-[Gmail]/All")),
            FlagPerm::Flag(kw("Mail")),
            FlagPerm::Flag(bk("OIB-Seen-[Gmail]/Trash")),
            FlagPerm::Any,
        ]))
    );
    assert_eq!(text_of(&r), "Flags permitted.");
    assert!(BracketKeyword::new("a b]").is_err());
}

/// `* STATUS Sent Items (UIDNEXT 1)`: a name with a space, unquoted
/// (issue 11, Exchange; grommunio/gromox#5 `Deleted Items`).
#[test]
fn status_unquoted_name_with_space() {
    check(
        b"* STATUS Sent Items (UIDNEXT 1)\r\n",
        data(Data::Status {
            mailbox: Mailbox::from("Sent Items"),
            items: vec![StatusItem::UidNext(1)],
        }),
    );
    check(
        b"* STATUS Deleted Items (MESSAGES 0 UNSEEN 0 RECENT 0) \r\n",
        data(Data::Status {
            mailbox: Mailbox::from("Deleted Items"),
            items: vec![
                StatusItem::Messages(0),
                StatusItem::Unseen(0),
                StatusItem::Recent(0),
            ],
        }),
    );
    // Numbers out of range stay refused, with or without the quirk.
    invalid(b"* STATUS Sent Items (MESSAGES 4294967296)\r\n");
}

/// LIST names: unquoted with brackets (Dovecot, mxk/go-imap#1; Virgin
/// Media, kisli/vmime#250: valid `astring`s), and with tabs and a
/// trailing tab, unquoted (Exchange, jstedfast/MailKit#945).
#[test]
fn list_odd_mailbox_names() {
    let list = |name: &'static [u8]| {
        data(Data::List(crate::types::MailboxList {
            attributes: vec![MailboxAttribute::HasNoChildren],
            delimiter: Some(crate::types::Delimiter::new('/').unwrap()),
            mailbox: Mailbox::new(name),
            extended: vec![],
        }))
    };
    check(
        b"* LIST (\\HasNoChildren \\UnMarked) \"/\" [Gmail]/Starred\r\n",
        data(Data::List(crate::types::MailboxList {
            attributes: vec![
                MailboxAttribute::HasNoChildren,
                MailboxAttribute::from_backslash(Atom::new("UnMarked").unwrap()),
            ],
            delimiter: Some(crate::types::Delimiter::new('/').unwrap()),
            mailbox: Mailbox::from("[Gmail]/Starred"),
            extended: vec![],
        })),
    );
    check(
        b"* LIST (\\HasNoChildren) \"/\" INBOX/Da\tOggetto\tRicevuto\tDimensione\tCategorie\t\r\n",
        list(b"INBOX/Da\tOggetto\tRicevuto\tDimensione\tCategorie\t"),
    );
    check(
        b"* LIST (\\HasNoChildren) \"/\" Posta in uscita \r\n",
        list(b"Posta in uscita"),
    );
    // Quoted, as the same server sends names with parentheses.
    check(
        b"* LIST (\\HasNoChildren) \"/\" \"INBOX/Newsletters (QuickFile)\"\r\n",
        list(b"INBOX/Newsletters (QuickFile)"),
    );
}

/// Known data that fails its strict reading, where no lenient reading is
/// unambiguous, is kept raw under its keyword (the contract, issue 11).
#[test]
fn known_data_kept_raw() {
    for line in [
        &b"* LIST () \"ab\" x\r\n"[..],
        b"* ID (\"a\")\r\n",
        b"* QUOTA x (STORAGE 1)\r\n",
        b"* ACL INBOX Fred\r\n",
        b"* VANISHED (LATER) 1\r\n",
        b"* LIST (\\HasNoChildren) \"/\" Foo (Bar)\r\n",
    ] {
        let r = rt(line);
        let Response::Data(Data::Other(o)) = &r else {
            panic!("{r:?}")
        };
        let kw = line[2..].split(|&b| b == b' ').next().unwrap();
        assert_eq!(o.name().as_str().as_bytes(), kw);
        assert_eq!(o.number(), None);
    }
}

/// What must stay refused stays refused (issue 11, contract point 5).
#[test]
fn still_refused() {
    for bad in [
        // Numbers out of their range, typed or in a known code.
        &b"* OK [UIDVALIDITY 9877410381] UIDs valid\r\n"[..],
        b"* OK [HIGHESTMODSEQ 9223372036854775808] x\r\n",
        b"* SEARCH 1 4294967296\r\n",
        b"* STATUS x (MESSAGES 4294967296)\r\n",
        b"* 4294967296 EXISTS\r\n",
        // NUL, bare CR or LF.
        b"* OK [ALERT] a\0b\r\n",
        b"* OK [Gmail]/x\0\r\n",
        b"* FLAGS (a]\0)\r\n",
        b"A1 OK [READ-WRITE] a\rb\r\n",
        b"* LIST () \"/\" a\rb\r\n",
        // Unbalanced: not one generic value.
        b"* FLAGS (\\Seen\r\n",
        b"* FLAGS (OIB-Seen-[Gmail]/All\r\n",
        b"* LIST () \"/\" x ((\r\n",
        // A text after a code that reads as a second code: no `Text` holds it.
        b"A1 OK [READ-WRITE] [ALERT] x\r\n",
        b"A1 OK [READ-WRITE] [XFOO] x\r\n",
        // Status keywords other than OK, NO, BAD and BYE in tagged position.
        b"A1 PREAUTH x\r\n",
    ] {
        invalid(bad);
    }
    // A text that ends like a literal header would be a second message.
    invalid(b"A1 OK [READ-WRITE] [Gmail] {5}\r\nA2 OK\r\n");
    assert!(parse_response(b"A1 OK [READ-WRITE] [Gmail]/x {5}\r\n")
        .unwrap_err()
        .is_incomplete());
}

/// `Text::new` and the parser agree on what reads as a code: over every
/// short string of these pieces, a text `Text::new` accepts parses back
/// as that text with no code, and a text the parser reads with no code is
/// one `Text::new` accepts.
#[test]
fn text_rule_matches_parser() {
    let pieces = [
        "[", "]", " ", "ALERT", "XFOO", "Error=\"", "x", "/", "uidnext", "0", "(",
    ];
    let mut strings = vec![String::new()];
    for _ in 0..4 {
        let mut next = Vec::new();
        for s in &strings {
            for p in pieces {
                next.push(format!("{s}{p}"));
            }
        }
        strings.extend(next);
        strings.dedup();
    }
    let mut checked = 0;
    for s in &strings {
        if s.starts_with(' ') {
            continue;
        }
        let line = format!("* OK {s}\r\n");
        let parsed = parse_response(line.as_bytes())
            .ok()
            .and_then(|(r, _)| match r {
                Response::Untagged(u) if u.text.code.is_none() => Some(u.text.text.into_owned()),
                _ => None,
            });
        match Text::new(s.as_str()) {
            Ok(t) => assert_eq!(parsed.as_ref(), Some(&t), "{s:?}"),
            Err(_) => assert!(
                parsed.as_ref().is_none_or(|p| p.as_str() != s.as_str()),
                "{s:?} parses as text but Text::new refuses it"
            ),
        }
        // After a code, any text Text::new accepts is read back as is.
        if let Ok(t) = Text::new(s.as_str()) {
            let line = format!("A1 OK [READ-WRITE] {s}\r\n");
            let (r, _) = parse_response(line.as_bytes()).unwrap();
            assert_eq!(
                r,
                tagged("A1", State::Ok, Some(ResponseCode::ReadWrite), t.as_str()),
                "{s:?}"
            );
        }
        checked += 1;
    }
    assert!(checked > 10_000, "{checked}");
}

/// CAPABILITY as servers send it, in data and in a code: Dovecot's
/// `IMAPSIEVE=sieve://127.0.0.1:4190` (stalwartlabs/vandelay#43), and
/// `LITERAL+` from Telekom Hungary (rustmailer/bichon#197), with a
/// trailing space.
#[test]
fn capability_as_sent() {
    let r = rt(b"a OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ IMAPSIEVE=sieve://127.0.0.1:4190 QUOTA ACL RIGHTS=texk] Logged in\r\n");
    let Some(ResponseCode::Capability(caps)) = code_of(&r) else {
        panic!("{r:?}")
    };
    assert_eq!(caps.len(), 10);
    assert_eq!(text_of(&r), "Logged in");
    let r = rt(b"* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ NOTIFY SPECIAL-USE QUOTA \r\n");
    assert!(
        matches!(&r, Response::Data(Data::Capability(c)) if c.len() == 10),
        "{r:?}"
    );
}

/// ESEARCH: with no result after `UID` (Gmail, emersion/go-imap#599),
/// typed; with MODSEQ in parentheses, which the grammar does not allow
/// (jstedfast/MailKit#323), kept raw under its keyword.
#[test]
fn esearch_as_sent() {
    let r = rt(b"* ESEARCH (TAG \"T7\") UID\r\n");
    assert!(matches!(&r, Response::Data(Data::ESearch(_))), "{r:?}");
    let r = rt(b"* ESEARCH (TAG \"A00000012\") UID ALL 33866,33897,33906 (MODSEQ 284535)\r\n");
    let Response::Data(Data::Other(o)) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(o.name().as_str(), "ESEARCH");
}

/// SEARCH with trailing spaces (Yahoo: mxk/go-imap#9; GreenMail's empty
/// `* SEARCH `: greenmail-mail-test/greenmail#264), typed.
#[test]
fn search_trailing_space() {
    for (line, n) in [
        (&b"* SEARCH 2 84 882 \r\n"[..], 3),
        (b"* SEARCH \r\n", 0),
        (b"* SEARCH\r\n", 0),
    ] {
        let r = rt(line);
        assert!(
            matches!(&r, Response::Data(Data::Search { numbers, .. }) if numbers.len() == n),
            "{r:?}"
        );
    }
}

/// Quoted names whose specials were not escaped: hMailServer's STATUS
/// with its backslash delimiter (hmailserver/hmailserver#85), GreenMail's
/// LIST and STATUS of a name holding a DQUOTE
/// (greenmail-mail-test/greenmail#993).
#[test]
fn quoted_names_not_escaped() {
    check(
        b"* STATUS \"INBOX\\Sub\" (MESSAGES 1)\r\n",
        data(Data::Status {
            mailbox: Mailbox::new(&b"INBOX\\Sub"[..]),
            items: vec![StatusItem::Messages(1)],
        }),
    );
    check(
        b"* STATUS \"ab\"cd\" (UIDNEXT 4)\r\n",
        data(Data::Status {
            mailbox: Mailbox::new(&b"ab\"cd"[..]),
            items: vec![StatusItem::UidNext(4)],
        }),
    );
    let r = rt(b"* LIST () \".\" \"ab\"cd\"\r\n");
    let Response::Data(Data::List(l)) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(l.mailbox.as_bytes(), b"ab\"cd");
    // Where a bare DQUOTE touches a space it may be two strings: not
    // guessed (kept raw), and an escaped closing quote is no name.
    assert!(matches!(
        rt(b"* LIST () \".\" \"a\" \"b\"\r\n"),
        Response::Data(Data::Other(_))
    ));
    invalid(b"* STATUS \"INBOX\\\" (MESSAGES 1)\r\n");
}
