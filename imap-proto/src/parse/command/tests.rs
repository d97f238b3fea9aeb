use crate::types::{
    AppendData, Capability, Command, CommandBody, LiteralMode, Mailbox, NonEmpty, SelectParam,
    StoreAction, Tag,
};
use crate::{parse_command, ParseError};

/// Parses `input` whole, re-encodes, parses again: the same value.
fn round_trip(input: &[u8]) -> CommandBody<'_> {
    let (c, n) = parse_command(input)
        .unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(input)));
    assert_eq!(n, input.len(), "{:?}", String::from_utf8_lossy(input));
    let bytes = c.to_bytes();
    let (c2, n2) = parse_command(&bytes)
        .unwrap_or_else(|e| panic!("re-encoded {:?}: {e}", String::from_utf8_lossy(&bytes)));
    assert_eq!(n2, bytes.len());
    assert_eq!(c, c2, "{:?}", String::from_utf8_lossy(&bytes));
    for k in 0..input.len() {
        assert_eq!(
            parse_command(&input[..k]),
            Err(ParseError::Incomplete),
            "prefix {k} of {:?}",
            String::from_utf8_lossy(input)
        );
    }
    let mut more = input.to_vec();
    more.extend_from_slice(b"A9 NOOP\r\n");
    assert_eq!(parse_command(&more).unwrap().1, input.len());
    c.body
}

#[test]
fn simple_commands() {
    for c in [
        "a CAPABILITY", "a LOGOUT", "a NOOP", "a STARTTLS", "a NAMESPACE", "a IDLE", "a UNAUTHENTICATE",
        "a CHECK", "a CLOSE", "a UNSELECT", "a EXPUNGE", "a UID EXPUNGE 3000:3002",
        "a DELETE blurdybloop", "a SUBSCRIBE #news.comp.mail.mime", "a UNSUBSCRIBE \"x y\"",
        "a RENAME blurdybloop sarasoop", "a RENAME INBOX old-mail", "a CREATE owatagusiam/",
        "a CREATE MySpecial (USE (\\Drafts \\Sent))", "a LSUB \"#news.\" \"comp.mail.*\"",
        "a STATUS blurdybloop (UIDNEXT MESSAGES)", "a STATUS INBOX (MESSAGES SIZE DELETED HIGHESTMODSEQ)",
        "a ENABLE CONDSTORE QRESYNC", "a ENABLE UTF8=ACCEPT", "a COMPRESS DEFLATE",
        "a GETQUOTA \"\"", "a GETQUOTAROOT INBOX", "a SETQUOTA \"\" (STORAGE 512)", "a SETQUOTA \"\" ()",
        "a GETMETADATA \"\" /shared/comment", "a GETMETADATA (MAXSIZE 1024) INBOX (/shared/comment /private/comment)",
        "a GETMETADATA (DEPTH infinity) INBOX /private/x", "a SETMETADATA INBOX (/private/comment NIL)",
        "a SETMETADATA INBOX (/private/comment \"My new comment\")",
        "a SETACL INBOX/Drafts Fred +rwix", "a DELETEACL INBOX/Drafts Fred", "a GETACL INBOX",
        "a LISTRIGHTS ~/Mail/saved smith", "a MYRIGHTS INBOX",
        "a COPY 2:4 MEETING", "a UID COPY 1:* x", "a MOVE 1,3 Trash", "a UID MOVE 42:69 foo",
        "a STORE 2:4 +FLAGS (\\Deleted)", "a UID STORE 1 -FLAGS.SILENT (\\Seen $Forwarded)",
        "a STORE 1 FLAGS ()", "a STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
        "a SELECT INBOX (CONDSTORE)", "a EXAMINE blurdybloop",
        "a SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
        "a SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))",
        "a ID (\"name\" \"sodr\" \"version\" NIL)", "a ID NIL", "a CANCELUPDATE \"B01\" \"B02\"",
        "a LOGIN SMITH SESAME", "a LOGIN \"fred\" {4}\r\npw\r\n",
        "a AUTHENTICATE PLAIN", "a AUTHENTICATE PLAIN AHRlc3QAdGVzdA==", "a AUTHENTICATE PLAIN =",
        "a LIST \"\" \"\"", "a LIST #news.comp.mail.misc \"\"", "a LIST /usr/staff/jones \"\"", "a LIST ~/Mail/ %",
        "a LIST (SUBSCRIBED) \"\" \"*\"", "a LIST \"\" (\"INBOX\" \"Drafts\") RETURN (CHILDREN)",
        "a LIST () \"\" % RETURN (STATUS (MESSAGES UNSEEN))", "a LIST (SPECIAL-USE RECURSIVEMATCH) \"\" *",
        "a LIST \"\" * RETURN (SUBSCRIBED SPECIAL-USE CHILDREN)",
        "a APPEND saved-messages (\\Seen) {5}\r\nhello",
        "a APPEND saved \"17-Jul-1996 02:44:25 -0700\" {3+}\r\nabc",
        "a APPEND saved (\\Seen) \" 7-Feb-1994 21:52:25 -0800\" {2}\r\nhi (\\Answered) {1}\r\nx",
        "a APPEND Drafts CATENATE (URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER\" TEXT {4}\r\n\r\n\r\n URL \"/x\")",
        "a APPEND x UTF8 (~{3}\r\na\0b)", "a APPEND x ~{2}\r\n\0\0",
    ] {
        let mut v = c.as_bytes().to_vec();
        v.extend_from_slice(b"\r\n");
        round_trip(&v);
    }
}

#[test]
fn values() {
    assert_eq!(
        round_trip(b"a1 enable condstore\r\n"),
        CommandBody::Enable(NonEmpty::new(Capability::CondStore))
    );
    match round_trip(b"a1 select inbox (condstore)\r\n") {
        CommandBody::Select { mailbox, params } => {
            assert!(mailbox.is_inbox());
            assert_eq!(params, vec![SelectParam::CondStore]);
        }
        b => panic!("{b:?}"),
    }
    match round_trip(b"a STORE 1:3 +FLAGS \\Seen \\Deleted\r\n") {
        CommandBody::Store {
            action,
            silent,
            flags,
            ..
        } => {
            assert_eq!((action, silent, flags.len()), (StoreAction::Add, false, 2));
        }
        b => panic!("{b:?}"),
    }
    match round_trip(b"a APPEND INBOX {5+}\r\nab\0cd\r\n") {
        CommandBody::Append { mailbox, messages } => {
            assert_eq!(mailbox, Mailbox::from("INBOX"));
            match &messages[0].data {
                crate::types::AppendData::Literal(l) => {
                    assert_eq!(
                        (&l.data[..], l.mode),
                        (&b"ab\0cd"[..], LiteralMode::NonSync)
                    );
                }
                d => panic!("{d:?}"),
            }
        }
        b => panic!("{b:?}"),
    }
    match round_trip(b"a AUTHENTICATE PLAIN AHRlc3QAdGVzdA==\r\n") {
        CommandBody::Authenticate {
            mechanism,
            initial_response,
        } => {
            assert_eq!(mechanism.as_str(), "PLAIN");
            assert_eq!(&initial_response.unwrap().0[..], b"\0test\0test");
        }
        b => panic!("{b:?}"),
    }
}

#[test]
fn secrets_stay_out_of_debug() {
    let (c, _) = parse_command(b"a LOGIN user hunter2\r\n").unwrap();
    assert!(!format!("{c:?}").contains("hunter2"));
}

#[test]
fn quirks() {
    // Lowercase command names (imaplib-style clients, hand-typed sessions).
    round_trip(b"a1 uid copy 1:2 trash\r\n");
    round_trip(b"a1 login joe secret\r\n");
    // Doubled spaces and a trailing space.
    round_trip(b"a1  SELECT  INBOX \r\n");
    // NUL inside an ordinary literal: clients send it and Dovecot stores it.
    round_trip(b"a1 APPEND INBOX {3}\r\na\0b\r\n");
}

#[test]
fn invalid_commands() {
    let mut bad = 0;
    for (input, offset) in [
        (&b"A+1 NOOP\r\n"[..], 1),
        (b"(A1 NOOP\r\n", 0),
        (b"A1 FROB(\r\n", 7),
        (b"A1 UID XFOO\r\n", 7),
        (b"A1 XFOO a\0b\r\n", 9),
        (b"A1 XFOO a\nb\r\n", 9),
        (b"A1 XFOO a\rb\r\n", 9),
        (b"A1 LOGIN\r\n", 8),
        (b"A1 FETCH 1\r\n", 10),
        (b"A1 NOOP extra\r\n", 8),
        (b"A1 SELECT\r\n", 9),
        (b"A1 LOGIN \"a\0b\" c\r\n", 11),
        (b"A1 LOGIN \"a\rb\" c\r\n", 11),
        (b"A1 LOGIN \"ab c\r\n", 14),
        (b"A1 LOGIN a\xffb c\r\n", 10),
        (b"A1 STATUS INBOX (MESSAGES\r\n", 25),
        (b"A1 STATUS INBOX (FOO)\r\n", 17),
        (b"A1 COPY 0 x\r\n", 8),
        (b"A1 COPY 4294967296 x\r\n", 8),
        (b"A1 COPY 1: x\r\n", 10),
        (b"A1 UID NOOP\r\n", 7),
        (b"A1 UID EXPUNGE\r\n", 14),
        (b"A1 APPEND x (\\Seen\r\n", 18),
        (b"A1 APPEND x\r\n", 11),
        (b"A1 SELECT x (QRESYNC (0 1))\r\n", 22),
        (b"A1 AUTHENTICATE PLAIN abc\r\n", 25),
        (b"A1 ENABLE\r\n", 9),
        (b"A1 STORE 1 FLAGS (\\Seen\r\n", 23),
        (b"A1 LOGIN a\nb c\r\n", 10),
        (b"\r\n", 0),
    ] {
        let e = parse_command(input).unwrap_err();
        if e.offset() != Some(offset) {
            eprintln!(
                "MISMATCH {:?}: {e} (want {offset})",
                String::from_utf8_lossy(input)
            );
            bad += 1;
        }
    }
    assert_eq!(bad, 0);
    // The tag is reported when it could be read.
    let e = parse_command(b"T7 FROB(\r\n").unwrap_err();
    assert_eq!(e.tag().map(|t| t.as_str()), Some("T7"));
    // A literal length past number64 is reported at its digits.
    let e = parse_command(b"A1 LOGIN {99999999999999999999}\r\n").unwrap_err();
    assert_eq!(e.offset(), Some(10));
}

/// The one number64 of a command: a STORE modifier, a QRESYNC mod-sequence,
/// a SETQUOTA limit, a LARGER, SMALLER or MODSEQ search key.
fn command_number(line: &[u8]) -> Result<(crate::types::Number64, Vec<u8>), ParseError> {
    use crate::types::{SearchKey as K, StoreModifier};
    let (c, _) = parse_command(line)?;
    let n = match &c.body {
        CommandBody::Store { modifiers, .. } => match modifiers.as_slice() {
            [StoreModifier::UnchangedSince(n)] => *n,
            v => panic!("unexpected {v:?}"),
        },
        CommandBody::Select { params, .. } => match params.as_slice() {
            [SelectParam::QResync { mod_seq, .. }] => *mod_seq,
            v => panic!("unexpected {v:?}"),
        },
        CommandBody::SetQuota { limits, .. } => match limits.as_slice() {
            [(_, n)] => *n,
            v => panic!("unexpected {v:?}"),
        },
        CommandBody::Search { args, .. } => match args.keys.as_slice() {
            [K::Larger(n) | K::Smaller(n) | K::ModSeq { value: n, .. }] => *n,
            v => panic!("unexpected {v:?}"),
        },
        b => panic!("unexpected {b:?}"),
    };
    Ok((n, c.to_bytes()))
}

#[test]
fn number64_edges() {
    use crate::parse::check_number64_edges as edges;
    edges(
        "A1 STORE 1 (UNCHANGEDSINCE #) +FLAGS (\\Seen)\r\n",
        command_number,
    );
    edges("A1 SELECT INBOX (QRESYNC (1 #))\r\n", command_number);
    edges("A1 SETQUOTA \"\" (STORAGE #)\r\n", command_number);
    edges("A1 SEARCH LARGER #\r\n", command_number);
    edges("A1 SEARCH SMALLER #\r\n", command_number);
    edges("A1 SEARCH MODSEQ #\r\n", command_number);
}

/// Found by fuzzing (parse_command): after an extension option, a value
/// behind doubled spaces was read as the next option's name, while the
/// re-encoded form (one SP) read it as the value.
#[test]
fn tagged_ext_value_after_doubled_spaces() {
    let body = round_trip(b"A1 LIST (XA   $ XB  (1 2)) \"\" *\r\n");
    let CommandBody::List {
        selection: Some(sel),
        ..
    } = body
    else {
        panic!("not a LIST with options");
    };
    assert_eq!(sel.len(), 2);
    let round = round_trip(b"A1 SELECT INBOX (XA   5)\r\n");
    assert!(matches!(round, CommandBody::Select { params, .. } if params.len() == 1));
}

/// Found by fuzzing (roundtrip_command): an extension parameter named like
/// a parameter known in another command (CONDSTORE read from a RENAME)
/// moved into that command (a SELECT) read back as the known parameter.
/// Such labels are refused wherever they are not known, at the label.
#[test]
fn known_parameter_names_are_not_extensions() {
    for (input, offset) in [
        (&b"A1 RENAME a b (CONDSTORE)\r\n"[..], 15),
        (b"A1 RENAME a b (X 1 condstore)\r\n", 19),
        (b"A1 SELECT INBOX (USE (\\Sent))\r\n", 17),
        (b"A1 CREATE x (QRESYNC (1 2))\r\n", 13),
        (b"A1 LIST (CHILDREN) \"\" *\r\n", 9),
        (b"A1 LIST \"\" * RETURN (REMOTE)\r\n", 21),
        (b"A1 STORE 1 (CHANGEDSINCE 5 SPECIAL-USE) FLAGS x\r\n", 27),
    ] {
        let e = parse_command(input).unwrap_err();
        assert_eq!(
            e.offset(),
            Some(offset),
            "{}: {e}",
            String::from_utf8_lossy(input)
        );
        assert!(e.to_string().contains("another"), "{e}");
    }
    // In their own commands they are the known variants, and other labels
    // stay extensions.
    round_trip(b"A1 SELECT INBOX (CONDSTORE X-NEW)\r\n");
    round_trip(b"A1 LIST (SUBSCRIBED X-NEW) \"\" * RETURN (CHILDREN STATUS (MESSAGES))\r\n");
    round_trip(b"A1 RENAME a b (X-NEW 5)\r\n");
}

/// Found by fuzzing (roundtrip_command): `AppendData::Utf8` held a literal
/// with a `binary` flag, yet the grammar has only `literal8` there, so a
/// non-binary value came back binary. Now the variant holds the octets and
/// the mode; a lax `{N}` from a client reads as the same value as `~{N}`,
/// and the encoder always writes `~{N}`.
#[test]
fn append_utf8_is_always_literal8() {
    let strict = round_trip(b"A1 APPEND x UTF8 (~{3}\r\nabc)\r\n");
    let lax = round_trip(b"A1 APPEND x UTF8 ({3}\r\nabc)\r\n");
    assert_eq!(strict, lax);
    let CommandBody::Append { messages, .. } = &strict else {
        panic!("not an APPEND: {strict:?}");
    };
    assert_eq!(
        messages[0].data,
        AppendData::Utf8 {
            data: b"abc"[..].into(),
            mode: LiteralMode::Sync
        }
    );
    let cmd = Command {
        tag: Tag::try_from("A1").unwrap(),
        body: lax,
    };
    assert_eq!(cmd.to_bytes(), b"A1 APPEND x UTF8 (~{3}\r\nabc)\r\n");
}

/// The lists the grammar wants non-empty, whose fields are `NonEmpty`, are
/// refused empty: where the list should start (or at its `(`), with what
/// was expected.
#[test]
fn empty_lists_are_refused() {
    for (input, offset, expected) in [
        (&b"A1 ENABLE\r\n"[..], 9, "SP"),
        (b"A1 ENABLE \r\n", 10, "atom"),
        (b"A1 STATUS INBOX ()\r\n", 16, "status-att"),
        (b"A1 LIST \"\" ()\r\n", 11, "list-mailbox"),
        (b"A1 LIST \"\" * RETURN (STATUS ())\r\n", 28, "status-att"),
        (b"A1 APPEND x\r\n", 11, "SP"),
        (b"A1 APPEND x CATENATE ()\r\n", 21, "cat-part"),
        (b"A1 GETMETADATA INBOX ()\r\n", 21, "entry"),
        (b"A1 SETMETADATA INBOX ()\r\n", 21, "entry-value"),
        (b"A1 CANCELUPDATE\r\n", 15, "SP and a quoted tag"),
        (b"A1 CANCELUPDATE \r\n", 15, "SP and a quoted tag"),
        (b"A1 COPY ,1 x\r\n", 8, "number"),
    ] {
        let e = parse_command(input).unwrap_err();
        let shown = e.to_string();
        assert_eq!(
            (e.offset(), shown.ends_with(&format!("expected {expected}"))),
            (Some(offset), true),
            "{:?}: {shown}",
            String::from_utf8_lossy(input)
        );
    }
}
