//! Gmail's X-GM-EXT-1 and XLIST, with the examples of Gmail's "IMAP
//! Extensions" developer documentation.

use crate::types::*;
use crate::{parse_command, parse_response};

fn command(b: &[u8]) -> CommandBody<'_> {
    let (c, n) =
        parse_command(b).unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    assert_eq!(
        Command {
            tag: c.tag.clone(),
            body: c.body.clone()
        }
        .to_bytes(),
        b
    );
    c.body
}

fn data(b: &[u8]) -> Data<'_> {
    let (r, n) =
        parse_response(b).unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    let again = r.to_bytes();
    assert_eq!(
        parse_response(&again).unwrap().0,
        r,
        "{:?}",
        String::from_utf8_lossy(&again)
    );
    match r {
        Response::Data(d) => d,
        other => panic!("{other:?}"),
    }
}

fn sys(s: &str) -> GmailLabel<'_> {
    GmailLabel::System(Atom::new(s).unwrap())
}

fn name(s: &str) -> GmailLabel<'_> {
    GmailLabel::Name(AString::from(s))
}

#[test]
fn gmail_doc_fetch_labels() {
    // Gmail's documentation, X-GM-LABELS: system labels as flags, user
    // labels as atoms and quoted strings, and an empty list.
    let d = data(b"* 1 FETCH (X-GM-LABELS (\\Inbox \\Sent Important \"Muy Importante\"))\r\n");
    let Data::Fetch { items, .. } = d else {
        panic!()
    };
    assert_eq!(
        items,
        vec![MessageDataItem::Gmail(GmailDataItem::Labels(vec![
            sys("Inbox"),
            sys("Sent"),
            name("Important"),
            name("Muy Importante"),
        ]))]
    );
    let d = data(b"* 3 FETCH (X-GM-LABELS ())\r\n");
    assert!(
        matches!(d, Data::Fetch { ref items, .. } if items == &[MessageDataItem::Gmail(GmailDataItem::Labels(vec![]))])
    );
}

#[test]
fn gmail_doc_ids() {
    let d = data(b"* 1 FETCH (X-GM-MSGID 1278455344230334865)\r\n");
    let Data::Fetch { items, .. } = d else {
        panic!()
    };
    assert_eq!(
        items,
        vec![MessageDataItem::Gmail(GmailDataItem::MsgId(
            1278455344230334865
        ))]
    );
    let d = data(b"* 4 FETCH (X-GM-THRID 1266894439832287888 UID 4)\r\n");
    let Data::Fetch { items, .. } = d else {
        panic!()
    };
    assert_eq!(
        items[0],
        MessageDataItem::Gmail(GmailDataItem::ThrId(1266894439832287888))
    );
    // The whole unsigned 64-bit range, and no further.
    data(b"* 1 FETCH (X-GM-MSGID 18446744073709551615)\r\n");
    let e = parse_response(b"* 1 FETCH (X-GM-MSGID 18446744073709551616)\r\n").unwrap_err();
    assert_eq!(e.offset(), Some(22), "{e}");
}

#[test]
fn gmail_doc_fetch_command() {
    let c = command(b"a010 FETCH 1:4 (X-GM-LABELS X-GM-MSGID X-GM-THRID)\r\n");
    let CommandBody::Fetch { args, .. } = c else {
        panic!()
    };
    assert_eq!(
        args.attributes,
        FetchAttributes::List(vec![
            FetchAttribute::Gmail(GmailFetchAttribute::Labels),
            FetchAttribute::Gmail(GmailFetchAttribute::MsgId),
            FetchAttribute::Gmail(GmailFetchAttribute::ThrId),
        ])
    );
    // Lower case is the same attribute, written back in upper case.
    let (c, _) = parse_command(b"a FETCH 1 x-gm-msgid\r\n").unwrap();
    assert_eq!(c.to_bytes(), b"a FETCH 1 (X-GM-MSGID)\r\n");
}

#[test]
fn gmail_doc_search_keys() {
    let c = command(b"a005 SEARCH X-GM-RAW \"has:attachment in:unread\"\r\n");
    let CommandBody::Search { args, .. } = c else {
        panic!()
    };
    assert_eq!(
        args.keys.as_slice(),
        &[SearchKey::Gmail(GmailSearchKey::Raw(AString::from(
            "has:attachment in:unread"
        )))]
    );
    let c = command(b"a007 UID SEARCH X-GM-MSGID 1278455344230334865\r\n");
    assert!(matches!(c, CommandBody::Search { uid: true, .. }));
    command(b"a009 UID SEARCH X-GM-THRID 1266894439832287888\r\n");
    let c = command(b"a012 SEARCH X-GM-LABELS foo\r\n");
    let CommandBody::Search { args, .. } = c else {
        panic!()
    };
    assert_eq!(
        args.keys.as_slice(),
        &[SearchKey::Gmail(GmailSearchKey::Labels(name("foo")))]
    );
    let c = command(b"a SEARCH NOT X-GM-LABELS \\Inbox\r\n");
    let CommandBody::Search { args, .. } = c else {
        panic!()
    };
    assert_eq!(
        args.keys.as_slice(),
        &[SearchKey::Not(Box::new(SearchKey::Gmail(
            GmailSearchKey::Labels(sys("Inbox"))
        )))]
    );
}

#[test]
fn gmail_doc_store_labels() {
    let c = command(b"a011 STORE 1 +X-GM-LABELS (foo)\r\n");
    assert_eq!(
        c,
        CommandBody::StoreExt {
            uid: false,
            set: "1".parse().unwrap(),
            modifiers: vec![],
            att: StoreAttExt::GmailLabels(GmailLabelsStore {
                action: StoreAction::Add,
                silent: false,
                labels: vec![name("foo")],
            }),
        }
    );
    command(b"a012 UID STORE 1:3 -X-GM-LABELS.SILENT (\\Inbox \"a b\")\r\n");
    command(b"a STORE 1 (UNCHANGEDSINCE 5) X-GM-LABELS ()\r\n");
    // Without parentheses (as FLAGS allows): read, written with them.
    let (c, _) = parse_command(b"a STORE 1 +X-GM-LABELS foo \\Starred\r\n").unwrap();
    assert_eq!(c.to_bytes(), b"a STORE 1 +X-GM-LABELS (foo \\Starred)\r\n");
    // A label named with a backslash is not a system label.
    let s = Command {
        tag: Tag::try_from("a").unwrap(),
        body: CommandBody::StoreExt {
            uid: false,
            set: "1".parse().unwrap(),
            modifiers: vec![],
            att: StoreAttExt::GmailLabels(GmailLabelsStore {
                action: StoreAction::Replace,
                silent: true,
                labels: vec![name("\\Inbox"), name(""), name("a\r\nb")],
            }),
        },
    };
    let b = s.to_bytes();
    let (back, _) = parse_command(&b).unwrap();
    assert_eq!(back, s);
}

#[test]
fn gmail_xlist() {
    let c = command(b"a004 XLIST \"\" *\r\n");
    assert!(matches!(c, CommandBody::Xlist { .. }));
    assert_eq!(c.name(), "XLIST");
    assert!(c.allowed_in(ConnectionState::Authenticated));
    for (line, attr) in [
        (
            &b"* XLIST (\\HasNoChildren \\Inbox) \"/\" INBOX\r\n"[..],
            MailboxAttribute::Inbox,
        ),
        (
            b"* XLIST (\\HasNoChildren \\AllMail) \"/\" \"[Gmail]/All Mail\"\r\n",
            MailboxAttribute::AllMail,
        ),
        (
            b"* XLIST (\\HasNoChildren \\Spam) \"/\" \"[Gmail]/Spam\"\r\n",
            MailboxAttribute::Spam,
        ),
        (
            b"* XLIST (\\HasNoChildren \\Starred) \"/\" \"[Gmail]/Starred\"\r\n",
            MailboxAttribute::Starred,
        ),
        (
            b"* XLIST (\\HasNoChildren \\Important) \"/\" \"[Gmail]/Important\"\r\n",
            MailboxAttribute::Important,
        ),
        (
            b"* XLIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\n",
            MailboxAttribute::Sent,
        ),
    ] {
        let Data::Xlist(l) = data(line) else { panic!() };
        assert_eq!(l.attributes[1], attr);
    }
    // Gmail's LIST carries \Important too.
    let Data::List(l) =
        data(b"* LIST (\\HasNoChildren \\Important) \"/\" \"[Gmail]/Important\"\r\n")
    else {
        panic!()
    };
    assert_eq!(l.attributes[1], MailboxAttribute::Important);
}

#[test]
fn gmail_capabilities() {
    let Data::Capability(c) = data(b"* CAPABILITY IMAP4rev1 UNSELECT LITERAL+ IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1\r\n") else {
        panic!()
    };
    assert!(c.contains(&Capability::GmailExt1));
    assert!(c.contains(&Capability::Xlist));
}

#[test]
fn gmail_names_are_not_unknown_items() {
    assert!(FetchAttributeName::new("x-gm-labels").is_err());
    assert!(MessageDataItemName::new("X-GM-MSGID").is_err());
    // A malformed id degrades to the raw item under its known name, not
    // an unknown item; the other items stay typed.
    let Data::Fetch { items, .. } = data(b"* 1 FETCH (X-GM-MSGID abc UID 3)\r\n") else {
        panic!()
    };
    assert!(
        matches!(&items[0], MessageDataItem::Malformed(m) if m.name() == "X-GM-MSGID"),
        "{items:?}"
    );
    assert_eq!(
        items[1],
        MessageDataItem::Uid(std::num::NonZeroU32::new(3).unwrap())
    );
}

#[test]
fn gmail_labels_as_real_clients_met_them() {
    // MailKit issue #51: a label `[Mailbox]` sent unquoted (valid: `[` is
    // an ATOM-CHAR, `]` an ASTRING-CHAR).
    let Data::Fetch { items, .. } = data(b"* 1 FETCH (X-GM-LABELS ([Mailbox]))\r\n") else {
        panic!()
    };
    assert_eq!(
        items,
        vec![MessageDataItem::Gmail(GmailDataItem::Labels(vec![name(
            "[Mailbox]"
        )]))]
    );
    // MailKit issue #195: a label starting with `+`, with UID and MODSEQ.
    let Data::Fetch { items, .. } =
        data(b"* 259456 FETCH (X-GM-LABELS (+IMNews) UID 948871 MODSEQ (12786579) FLAGS ())\r\n")
    else {
        panic!()
    };
    assert_eq!(
        items[0],
        MessageDataItem::Gmail(GmailDataItem::Labels(vec![name("+IMNews")]))
    );
    assert_eq!(items.len(), 4);
    // Jakarta Mail issue #194 and node-imap issue #187: system labels
    // quoted with an escaped backslash, and the empty list.
    let Data::Fetch { items, .. } =
        data(b"* 6 FETCH (X-GM-LABELS (\"\\\\Important\" \"\\\\Inbox\" \"\\\\Starred\") MODSEQ (100272))\r\n")
    else {
        panic!()
    };
    let MessageDataItem::Gmail(GmailDataItem::Labels(l)) = &items[0] else {
        panic!()
    };
    assert_eq!(l[0], name("\\Important"));
    assert_eq!(
        l.iter().map(|l| l.system_name()).collect::<Vec<_>>(),
        vec![Some("Important"), Some("Inbox"), Some("Starred")]
    );
    let Data::Fetch { items, .. } = data(b"* 6 FETCH (X-GM-LABELS () MODSEQ (100272))\r\n") else {
        panic!()
    };
    assert_eq!(
        items[0],
        MessageDataItem::Gmail(GmailDataItem::Labels(vec![]))
    );
    // Non-ASCII labels come in modified UTF-7 (MailBee's documentation),
    // kept as sent.
    data(b"* 1 FETCH (X-GM-LABELS (&AMk-t&AOk-))\r\n");
}
