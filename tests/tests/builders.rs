//! The builders of `imap_proto::types` build exactly what the parser reads
//! from the expected bytes, and the one-line `Display` of commands and
//! responses writes exactly the strings documented.

// Empty ranges are written on purpose: the builders must refuse them.
#![allow(clippy::reversed_empty_ranges)]

use imap_proto::types::{
    AppendData, Capability, Command, CommandBody, Data, FetchAttribute as A, FetchAttributes, Flag,
    LiteralMode, MessageDataItem as I, NzNumber, Response, ResponseCode, SearchKey, SequenceSet,
    StatusAttribute as S, StoreAction, Tag,
};
use imap_proto::{parse_command, parse_response};

fn parsed_body(wire: &[u8]) -> CommandBody<'static> {
    let (c, n) = parse_command(wire).unwrap();
    assert_eq!(n, wire.len());
    c.body.into_owned()
}

fn parsed_resp(wire: &[u8]) -> Response<'static> {
    let (r, n) = parse_response(wire).unwrap();
    assert_eq!(n, wire.len());
    r.into_owned()
}

/// `body`, tagged `A1`, is the command the parser reads from `wire`, and
/// encodes back to `wire`.
fn same(body: CommandBody<'_>, wire: &[u8]) {
    assert_eq!(body, parsed_body(wire), "{}", String::from_utf8_lossy(wire));
    let c = Command::new("A1", body).unwrap();
    assert_eq!(c.to_bytes(), wire);
}

fn nz(n: u32) -> NzNumber {
    NzNumber::new(n).unwrap()
}

#[test]
fn sequence_sets_from_numbers_and_ranges() {
    let parse = |s: &str| s.parse::<SequenceSet>().unwrap();
    assert_eq!(SequenceSet::try_from(1..=5).unwrap(), parse("1:5"));
    assert_eq!(SequenceSet::try_from(1..6).unwrap(), parse("1:5"));
    assert_eq!(SequenceSet::try_from(5..).unwrap(), parse("5:*"));
    assert_eq!(SequenceSet::try_from(..=4).unwrap(), parse("1:4"));
    assert_eq!(SequenceSet::from(..), parse("1:*"));
    assert_eq!(SequenceSet::try_from(9).unwrap(), parse("9"));
    assert_eq!(SequenceSet::from(nz(9)), parse("9"));
    assert_eq!(SequenceSet::from(nz(2)..=nz(3)), parse("2:3"));
    assert_eq!(SequenceSet::from(nz(2)..), parse("2:*"));
    assert_eq!(SequenceSet::try_from("1,3:*").unwrap(), parse("1,3:*"));
    // 7..=7 is the range 7:7, as the parser reads "7:7".
    assert_eq!(SequenceSet::try_from(7..=7).unwrap(), parse("7:7"));
}

#[test]
fn sequence_sets_refuse_zero_and_empty_ranges() {
    for e in [
        SequenceSet::try_from(0).unwrap_err(),
        SequenceSet::try_from(0..=3).unwrap_err(),
        SequenceSet::try_from(1..=0).unwrap_err(),
        SequenceSet::try_from(0..).unwrap_err(),
        SequenceSet::try_from(..=0).unwrap_err(),
        SequenceSet::try_from(0..4).unwrap_err(),
    ] {
        assert_eq!(e.what, "sequence-set");
        assert_eq!(e.reason, "message numbers start at 1, not 0");
    }
    let e = SequenceSet::try_from(5..=2).unwrap_err();
    assert!(e.reason.contains("empty"), "{e}");
    let e = SequenceSet::try_from(3..3).unwrap_err();
    assert!(e.reason.contains("empty"), "{e}");
    // u32::MAX..u32::MAX is empty, not an overflow.
    assert!(SequenceSet::try_from(u32::MAX..u32::MAX).is_err());
    assert_eq!(
        SequenceSet::try_from(u32::MAX - 1..u32::MAX).unwrap(),
        "4294967294:4294967294".parse().unwrap()
    );
}

#[test]
fn command_builders_equal_the_parsed_commands() {
    same(CommandBody::select("INBOX"), b"A1 SELECT INBOX\r\n");
    same(
        CommandBody::examine("Sent Items"),
        b"A1 EXAMINE \"Sent Items\"\r\n",
    );
    same(
        CommandBody::fetch(1..=10, [A::Uid, A::Flags, A::Envelope]).unwrap(),
        b"A1 FETCH 1:10 (UID FLAGS ENVELOPE)\r\n",
    );
    same(
        CommandBody::fetch(5.., FetchAttributes::All).unwrap(),
        b"A1 FETCH 5:* ALL\r\n",
    );
    same(
        CommandBody::fetch(.., FetchAttributes::Full).unwrap(),
        b"A1 FETCH 1:* FULL\r\n",
    );
    same(
        CommandBody::fetch(3, A::Flags).unwrap(),
        b"A1 FETCH 3 (FLAGS)\r\n",
    );
    same(
        CommandBody::uid_fetch(4000..4010, vec![A::Rfc822Size]).unwrap(),
        b"A1 UID FETCH 4000:4009 (RFC822.SIZE)\r\n",
    );
    same(
        CommandBody::uid_fetch(nz(7), FetchAttributes::Fast).unwrap(),
        b"A1 UID FETCH 7 FAST\r\n",
    );
    same(
        CommandBody::store(1, StoreAction::Replace, [Flag::Seen, Flag::Flagged], false).unwrap(),
        b"A1 STORE 1 FLAGS (\\Seen \\Flagged)\r\n",
    );
    same(
        CommandBody::store(2..=4, StoreAction::Add, [Flag::Deleted], true).unwrap(),
        b"A1 STORE 2:4 +FLAGS.SILENT (\\Deleted)\r\n",
    );
    same(
        CommandBody::uid_store(9.., StoreAction::Remove, [Flag::Draft], false).unwrap(),
        b"A1 UID STORE 9:* -FLAGS (\\Draft)\r\n",
    );
    same(
        CommandBody::search(SearchKey::Unseen),
        b"A1 SEARCH UNSEEN\r\n",
    );
    let keys = imap_proto::types::NonEmpty::from_vec(vec![
        SearchKey::Unseen,
        SearchKey::From("joe".into()),
    ])
    .unwrap();
    same(
        CommandBody::uid_search(keys),
        b"A1 UID SEARCH UNSEEN FROM joe\r\n",
    );
    // The builder's literal leaves its mode to the session
    // (`LiteralMode::Auto`: `{N+}` under LITERAL+); `to_bytes` writes `{N}`,
    // which parses as a synchronizing literal.
    let append = CommandBody::append("Drafts", &b"Subject: x\r\n\r\nhi\r\n"[..]);
    let wire = b"A1 APPEND Drafts {18}\r\nSubject: x\r\n\r\nhi\r\n\r\n";
    let c = Command::new("A1", append.clone()).unwrap();
    assert_eq!(c.to_bytes(), wire);
    let CommandBody::Append { mailbox, messages } = append else {
        unreachable!("append builds APPEND")
    };
    let messages = messages.map(|mut m| {
        if let AppendData::Literal(l) = &mut m.data {
            assert_eq!(l.mode, LiteralMode::Auto);
            l.mode = LiteralMode::Sync;
        }
        m
    });
    same(CommandBody::Append { mailbox, messages }, wire);
    same(
        CommandBody::login("joe", "pass word"),
        b"A1 LOGIN joe \"pass word\"\r\n",
    );
    same(CommandBody::list("", "*"), b"A1 LIST \"\" *\r\n");
    same(CommandBody::list("~/Mail/", "%"), b"A1 LIST ~/Mail/ %\r\n");
    same(
        CommandBody::status("INBOX", [S::Messages, S::Unseen]).unwrap(),
        b"A1 STATUS INBOX (MESSAGES UNSEEN)\r\n",
    );
    same(
        CommandBody::copy(2..=3, "Archive").unwrap(),
        b"A1 COPY 2:3 Archive\r\n",
    );
    same(
        CommandBody::uid_copy(100, "Archive").unwrap(),
        b"A1 UID COPY 100 Archive\r\n",
    );
    same(
        CommandBody::r#move(1.., "Trash").unwrap(),
        b"A1 MOVE 1:* Trash\r\n",
    );
    same(
        CommandBody::uid_move("5,7".parse::<SequenceSet>().unwrap(), "Trash").unwrap(),
        b"A1 UID MOVE 5,7 Trash\r\n",
    );
}

#[test]
fn command_builders_refuse_what_cannot_be_sent() {
    assert_eq!(
        CommandBody::fetch(0, A::Flags).unwrap_err().what,
        "sequence-set"
    );
    assert!(CommandBody::uid_fetch(0..=0, FetchAttributes::All).is_err());
    assert!(CommandBody::store(0, StoreAction::Add, [Flag::Seen], false).is_err());
    assert!(CommandBody::uid_store(4..2, StoreAction::Add, [Flag::Seen], false).is_err());
    assert!(CommandBody::copy(0.., "x").is_err());
    assert!(CommandBody::uid_copy(0, "x").is_err());
    assert!(CommandBody::r#move(0, "x").is_err());
    assert!(CommandBody::uid_move(0, "x").is_err());
    assert_eq!(
        CommandBody::status("INBOX", []).unwrap_err().what,
        "status-att"
    );
    assert!(CommandBody::fetch("1:x", A::Flags).is_err());
    assert_eq!(Command::new("", CommandBody::Noop).unwrap_err().what, "tag");
    assert!(Command::new("a+b", CommandBody::Noop).is_err());
    // An existing Tag is taken as it is.
    let tag = Tag::try_from("x9").unwrap();
    assert_eq!(
        Command::new(tag, CommandBody::Noop).unwrap().to_bytes(),
        b"x9 NOOP\r\n"
    );
}

#[test]
fn response_builders_equal_the_parsed_responses() {
    let cases: Vec<(Response<'_>, &[u8])> = vec![
        (Response::ok("A1", "done").unwrap(), b"A1 OK done\r\n"),
        (
            Response::no("A2", "no such mailbox").unwrap(),
            b"A2 NO no such mailbox\r\n",
        ),
        (Response::bad("A3", "what?").unwrap(), b"A3 BAD what?\r\n"),
        (Response::ok("A4", "").unwrap(), b"A4 OK \r\n"),
        (
            Response::untagged_ok(ResponseCode::UidValidity(nz(3857529045)), "UIDs valid").unwrap(),
            b"* OK [UIDVALIDITY 3857529045] UIDs valid\r\n",
        ),
        (
            Response::untagged_ok(None, "still here").unwrap(),
            b"* OK still here\r\n",
        ),
        (Response::bye("closing").unwrap(), b"* BYE closing\r\n"),
        (Response::exists(172), b"* 172 EXISTS\r\n"),
        (Response::exists(0), b"* 0 EXISTS\r\n"),
        (
            Response::fetch(12, [I::Flags(vec![Flag::Seen]), I::Uid(nz(4827313))]).unwrap(),
            b"* 12 FETCH (FLAGS (\\Seen) UID 4827313)\r\n",
        ),
    ];
    for (built, wire) in cases {
        assert_eq!(
            built,
            parsed_resp(wire),
            "{}",
            String::from_utf8_lossy(wire)
        );
        assert_eq!(built.to_bytes(), wire);
    }
    // A tag taken from the command being answered.
    let (cmd, _) = parse_command(b"z7 NOOP\r\n").unwrap();
    assert_eq!(
        Response::ok(cmd.tag, "NOOP completed").unwrap().to_bytes(),
        b"z7 OK NOOP completed\r\n"
    );
}

#[test]
fn response_builders_refuse_text_that_would_parse_differently() {
    for bad in [
        "a\r\n* BYE x",
        "[ALERT] hi",
        "ends like a literal {5}",
        " lead",
    ] {
        let e = Response::ok("A1", bad).unwrap_err();
        assert_eq!(e.what, "text", "{bad:?}");
        assert!(Response::untagged_ok(None, bad).is_err());
        assert!(Response::bye(bad).is_err());
    }
    assert_eq!(Response::ok("A 1", "x").unwrap_err().what, "tag");
    assert_eq!(Response::fetch(0, []).unwrap_err().what, "nz-number");
}

#[test]
fn display_is_the_wire_form_on_one_line() {
    let caps = Response::Data(Data::Capability(vec![
        Capability::Imap4Rev1,
        Capability::Idle,
    ]));
    assert_eq!(caps.to_string(), "* CAPABILITY IMAP4rev1 IDLE");
    let c = Command::new("A1", CommandBody::fetch(1..=10, [A::Uid]).unwrap()).unwrap();
    assert_eq!(c.to_string(), "A1 FETCH 1:10 (UID)");
    assert_eq!(
        Response::ok("A1", "done").unwrap().to_string(),
        "A1 OK done"
    );
    let r = parsed_resp(b"+ Ready\r\n");
    assert_eq!(r.to_string(), "+ Ready");
    // A mailbox name with a line break goes out as a literal.
    let c = Command::new("A2", CommandBody::select("a\nb")).unwrap();
    assert_eq!(c.to_string(), "A2 SELECT {3 bytes}");
    assert_eq!(format!("{c:#}"), "A2 SELECT {3}a\\nb");
}

#[test]
fn display_shows_literals_as_sizes_unless_asked() {
    let c = Command::new("A5", CommandBody::append("Drafts", &b"Hi\\\r\n\x07"[..])).unwrap();
    assert_eq!(c.to_string(), "A5 APPEND Drafts {6 bytes}");
    assert_eq!(format!("{c:#}"), "A5 APPEND Drafts {6}Hi\\\\\\r\\n\\x07");
    let r = parsed_resp(b"* 3 FETCH (UID 9 BODY[TEXT] {4}\r\nab\r\n FLAGS ())\r\n");
    assert_eq!(
        r.to_string(),
        "* 3 FETCH (UID 9 BODY[TEXT] {4 bytes} FLAGS ())"
    );
    assert_eq!(
        format!("{r:#}"),
        "* 3 FETCH (UID 9 BODY[TEXT] {4}ab\\r\\n FLAGS ())"
    );
    // literal8 keeps its `~`.
    let c = parsed_body(b"A1 APPEND x ~{2}\r\n\x00a\r\n");
    let c = Command::new("A1", c).unwrap();
    assert_eq!(c.to_string(), "A1 APPEND x ~{2 bytes}");
    assert_eq!(format!("{c:#}"), "A1 APPEND x ~{2}\\x00a");
    // Nothing of the octets leaks into the short form, and it is one line.
    let big = vec![b'\n'; 100_000];
    let c = Command::new("A6", CommandBody::append("INBOX", big)).unwrap();
    let s = c.to_string();
    assert_eq!(s, "A6 APPEND INBOX {100000 bytes}");
    assert!(!format!("{c:#}").contains('\n'));
}

#[test]
fn display_redacts_secrets() {
    let c = Command::new("A1", CommandBody::login("joe", "hunter2")).unwrap();
    assert_eq!(c.to_string(), "A1 LOGIN joe <redacted>");
    assert_eq!(format!("{c:#}"), "A1 LOGIN joe <redacted>");
    // A password sent as a literal is not shown, nor its length.
    let c = parsed_body(b"A1 LOGIN {3}\r\njoe {7}\r\nhun\nter\r\n");
    let c = Command::new("A1", c).unwrap();
    assert_eq!(c.to_string(), "A1 LOGIN joe <redacted>");
    assert!(!format!("{c:#}").contains("hun"));
    let c = parsed_body(b"A1 AUTHENTICATE PLAIN AGpvZQBodW50ZXIy\r\n");
    let c = Command::new("A1", c).unwrap();
    assert_eq!(c.to_string(), "A1 AUTHENTICATE PLAIN <redacted>");
    assert_eq!(format!("{c:#}"), "A1 AUTHENTICATE PLAIN <redacted>");
    let c = parsed_body(b"A1 AUTHENTICATE PLAIN\r\n");
    let c = Command::new("A1", c).unwrap();
    assert_eq!(c.to_string(), "A1 AUTHENTICATE PLAIN");
}

#[test]
fn display_truncates_only_when_asked() {
    let c = Command::new("A1", CommandBody::select("INBOX")).unwrap();
    assert_eq!(format!("{c:.7}"), "A1 SELE…");
    assert_eq!(format!("{c:.15}"), "A1 SELECT INBOX");
    assert_eq!(format!("{c:.100}"), "A1 SELECT INBOX");
    assert_eq!(format!("{c:.0}"), "…");
    // Cut on a character, never inside one.
    let r = Response::ok("A1", "grüße").unwrap();
    assert_eq!(format!("{r:.8}"), "A1 OK gr…");
    assert_eq!(format!("{r:.9}"), "A1 OK grü…");
}
