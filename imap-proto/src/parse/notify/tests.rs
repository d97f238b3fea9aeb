//! NOTIFY (RFC 5465), MULTISEARCH (RFC 7377), REPLACE (RFC 8508) and the
//! codes BADEVENT, NOTIFICATIONOVERFLOW and UIDREQUIRED (RFC 9586).

use crate::types::{
    Atom, CommandBody, ConnectionState, Data, EventGroup, FetchAttribute, FilterMailboxes, Mailbox,
    Notify, NotifyEvent, NotifyEventExt, NotifyEventName, Response, ResponseCode,
};
use crate::{parse_command, parse_response};

fn cmd(b: &[u8]) -> CommandBody<'_> {
    let (c, n) =
        parse_command(b).unwrap_or_else(|e| panic!("{e}: {:?}", String::from_utf8_lossy(b)));
    assert_eq!(n, b.len());
    c.body
}

/// Parses, encodes, parses again: the same value; returns the encoding.
fn round_trip(b: &[u8]) -> Vec<u8> {
    let (c, _) = parse_command(b).unwrap();
    let out = c.to_bytes();
    let (again, n) = parse_command(&out).unwrap();
    assert_eq!(n, out.len());
    assert_eq!(again, c, "{:?}", String::from_utf8_lossy(&out));
    out
}

fn code(b: &[u8]) -> ResponseCode<'_> {
    let (r, _) = parse_response(b).unwrap();
    let out = r.to_bytes();
    assert_eq!(parse_response(&out).unwrap().0, r);
    match r {
        Response::Tagged(s) => s.text.code.expect("a code"),
        Response::Untagged(s) => s.text.code.expect("a code"),
        other => panic!("{other:?}"),
    }
}

fn mb(s: &str) -> Mailbox<'_> {
    Mailbox::from(s)
}

#[test]
fn notify_set_with_every_filter() {
    let b = b"a NOTIFY SET STATUS (selected-delayed (MessageNew (UID FLAGS) MessageExpunge \
              FlagChange AnnotationChange)) (inboxes NONE) (personal (MailboxName \
              SubscriptionChange MailboxMetadataChange)) (subscribed (ServerMetadataChange)) \
              (subtree (Lists Other) (MessageNew)) (subtree-one a (XFuture)) \
              (mailboxes INBOX (MessageNew))\r\n";
    let CommandBody::Notify(Notify::Set { status, groups }) = cmd(b) else {
        panic!()
    };
    assert!(status);
    let g = groups.as_slice();
    assert_eq!(g.len(), 7);
    assert_eq!(g[0].filter, FilterMailboxes::SelectedDelayed);
    assert_eq!(
        g[0].events,
        vec![
            NotifyEvent::MessageNew(vec![FetchAttribute::Uid, FetchAttribute::Flags]),
            NotifyEvent::MessageExpunge,
            NotifyEvent::FlagChange,
            NotifyEvent::AnnotationChange,
        ]
    );
    assert_eq!(g[1].filter, FilterMailboxes::Inboxes);
    assert!(g[1].events.is_empty(), "NONE");
    assert_eq!(g[2].events.len(), 3);
    assert_eq!(g[3].events, vec![NotifyEvent::ServerMetadataChange]);
    assert_eq!(
        g[4].filter,
        FilterMailboxes::Subtree(
            crate::types::NonEmpty::from_vec(vec![mb("Lists"), mb("Other")]).unwrap()
        )
    );
    assert!(matches!(&g[5].filter, FilterMailboxes::SubtreeOne(m) if m.len() == 1));
    assert!(
        matches!(&g[5].events[..], [NotifyEvent::Other(x)] if x.as_atom().as_str() == "XFuture")
    );
    assert_eq!(
        g[6].filter,
        FilterMailboxes::Mailboxes(crate::types::NonEmpty::new(mb("INBOX")))
    );
    let out = round_trip(b);
    assert!(out.starts_with(b"a NOTIFY SET STATUS (selected-delayed (MessageNew (UID FLAGS) "));
}

#[test]
fn notify_none_and_case() {
    assert_eq!(cmd(b"a notify none\r\n"), CommandBody::Notify(Notify::None));
    assert_eq!(round_trip(b"a notify none\r\n"), b"a NOTIFY NONE\r\n");
    // RFC 5465 §6's spelling: "Messagenew messageExpunge"
    let out = round_trip(b"a notify set (mailboxes INBOX (Messagenew messageExpunge))\r\n");
    assert_eq!(
        out,
        b"a NOTIFY SET (mailboxes INBOX (MessageNew MessageExpunge))\r\n"
    );
}

/// RFC 5465 §3.1's own example sends events without their parentheses;
/// they read as the parenthesized list and go out with it.
#[test]
fn notify_bare_events_from_the_rfc_example() {
    let bare = cmd(b"b notify set status (selected MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge) (subtree Lists MessageNew)\r\n");
    let strict = cmd(b"b notify set status (selected (MessageNew (uid body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))\r\n");
    assert_eq!(bare, strict);
    let out = round_trip(b"b notify set (subtree Lists MessageNew)\r\n");
    assert_eq!(out, b"b NOTIFY SET (subtree Lists (MessageNew))\r\n");
}

#[test]
fn notify_refusals() {
    for bad in [
        &b"a NOTIFY SET\r\n"[..],
        b"a NOTIFY\r\n",
        b"a NOTIFY SET (personal ())\r\n",
        b"a NOTIFY SET (personal (NONE))\r\n",
        b"a NOTIFY SET (nowhere (MessageNew))\r\n",
        b"a NOTIFY SET (subtree () (MessageNew))\r\n",
        b"a NOTIFY SET (personal (MessageNew ()))\r\n",
        b"a NOTIFY SET (personal (MessageNew)\r\n",
        b"a NOTIFY ALL\r\n",
    ] {
        let e = parse_command(bad).unwrap_err();
        assert!(!e.is_incomplete(), "{:?}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn notify_event_ext_refuses_known_names() {
    for n in [
        "MessageNew",
        "flagchange",
        "NONE",
        "none",
        "SERVERMETADATACHANGE",
    ] {
        assert!(
            NotifyEventExt::new(Atom::try_from(n).unwrap()).is_err(),
            "{n}"
        );
    }
    let x = NotifyEventExt::new(Atom::try_from("MessageRead").unwrap()).unwrap();
    let c = crate::types::Command {
        tag: crate::types::Tag::try_from("a").unwrap(),
        body: CommandBody::Notify(Notify::Set {
            status: false,
            groups: crate::types::NonEmpty::new(EventGroup {
                filter: FilterMailboxes::Personal,
                events: vec![NotifyEvent::Other(x)],
            }),
        }),
    };
    let out = c.to_bytes();
    assert_eq!(out, b"a NOTIFY SET (personal (MessageRead))\r\n");
    assert_eq!(parse_command(&out).unwrap().0, c);
}

#[test]
fn notify_codes() {
    assert_eq!(
        code(b"* OK [NOTIFICATIONOVERFLOW] A comment can go here\r\n"),
        ResponseCode::NotificationOverflow
    );
    let c = code(b"a NO [BADEVENT (MessageNew MessageExpunge flagchange XNew)] Unsupported\r\n");
    let ResponseCode::BadEvent(names) = c else {
        panic!()
    };
    assert_eq!(names.len(), 4);
    assert_eq!(names.as_slice()[2], NotifyEventName::FlagChange);
    assert_eq!(names.as_slice()[3].as_str(), "XNew");
    let (r, _) = parse_response(b"a NO [BADEVENT (MessageNew flagchange)] x\r\n").unwrap();
    assert_eq!(
        r.to_bytes(),
        b"a NO [BADEVENT (MessageNew FlagChange)] x\r\n"
    );
    assert_eq!(
        code(b"a BAD [UIDREQUIRED] Message numbers are not allowed\r\n"),
        ResponseCode::UidRequired
    );
}

#[test]
fn esearch_command() {
    let b = b"tag1 ESEARCH IN (mailboxes \"folder1\" subtree-one \"folder2\" (X-SCOPE 1 X-OTHER)) RETURN (COUNT) unseen\r\n";
    let CommandBody::ESearch { uid, args } = cmd(b) else {
        panic!()
    };
    assert!(!uid);
    let src = args.source.as_ref().unwrap();
    assert_eq!(src.mailboxes.len(), 2);
    assert_eq!(src.scope_options.len(), 2);
    assert_eq!(src.scope_options[0].name().as_str(), "X-SCOPE");
    assert!(args.search.return_opts.is_some());
    let out = round_trip(b);
    assert_eq!(
        out,
        &b"tag1 ESEARCH IN (mailboxes folder1 subtree-one folder2 (X-SCOPE 1 X-OTHER)) RETURN (COUNT) UNSEEN\r\n"[..]
    );
    // without IN: the selected mailbox (RFC 7377 §2's example has UID ESEARCH)
    let CommandBody::ESearch { uid, args } = cmd(b"tag1 UID ESEARCH FROM \"frobozz\" 1:100\r\n")
    else {
        panic!()
    };
    assert!(uid && args.source.is_none());
    assert!(parse_command(b"t ESEARCH IN () ALL\r\n").is_err());
    assert!(parse_command(b"t ESEARCH IN (personal ()) ALL\r\n").is_err());
}

#[test]
fn esearch_correlators_in_any_order() {
    let (r, _) =
        parse_response(b"* ESEARCH (UIDVALIDITY 7 TAG \"t\" MAILBOX \"a b\") UID ALL 1:3\r\n")
            .unwrap();
    let Response::Data(Data::ESearch(e)) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(e.tag.as_ref().map(|t| t.as_bytes()), Some(&b"t"[..]));
    assert_eq!(e.mailbox, Some(mb("a b")));
    assert_eq!(e.uid_validity.map(|n| n.get()), Some(7));
    assert!(e.uid);
    let out = r.to_bytes();
    assert_eq!(
        out,
        b"* ESEARCH (TAG \"t\" MAILBOX \"a b\" UIDVALIDITY 7) UID ALL 1:3\r\n"
    );
    assert_eq!(parse_response(&out).unwrap().0, r);
    // one correlator alone, and the RFC 4731 form, still read
    let (r, _) = parse_response(b"* ESEARCH (MAILBOX INBOX) COUNT 2\r\n").unwrap();
    assert_eq!(parse_response(&r.to_bytes()).unwrap().0, r);
    for bad in [
        &b"* ESEARCH (TAG \"a\" TAG \"b\") COUNT 1\r\n"[..],
        b"* ESEARCH () COUNT 1\r\n",
        b"* ESEARCH (UIDVALIDITY 0) COUNT 1\r\n",
        b"* ESEARCH (FOO 1) COUNT 1\r\n",
    ] {
        assert!(not_typed(bad), "{:?}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn replace_and_states() {
    let b = b"A011 UID REPLACE 3002 Drafts (\\Seen) CATENATE (URL \"/Drafts/;UID=3002\")\r\n";
    let body = cmd(b);
    assert_eq!(body.name(), "UID REPLACE");
    let CommandBody::Replace { uid, args } = &body else {
        panic!()
    };
    assert!(*uid);
    assert_eq!(args.mailbox, mb("Drafts"));
    round_trip(b);
    round_trip(b"A3 REPLACE * INBOX {3+}\r\nabc\r\n");
    assert!(parse_command(b"A3 REPLACE 0 INBOX {3+}\r\nabc\r\n").is_err());
    assert!(parse_command(b"A3 REPLACE 1 INBOX\r\n").is_err());
    use ConnectionState as S;
    assert!(body.allowed_in(S::Selected));
    assert!(!body.allowed_in(S::Authenticated));
    let notify = CommandBody::Notify(Notify::None);
    assert!(notify.allowed_in(S::Authenticated) && notify.allowed_in(S::Selected));
    assert!(!notify.allowed_in(S::NotAuthenticated));
    let es = cmd(b"t ESEARCH IN (personal) ALL\r\n");
    assert!(es.allowed_in(S::Authenticated) && !es.allowed_in(S::NotAuthenticated));
    let ues = cmd(b"t UID ESEARCH ALL\r\n");
    assert!(ues.allowed_in(S::Selected) && !ues.allowed_in(S::Authenticated));
}

/// `uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att` (RFC 9586 §3.3).
#[test]
fn uidfetch_response() {
    let b = b"* 4827313 UIDFETCH (FLAGS (\\Seen) MODSEQ (12121231000))\r\n";
    let (r, n) = parse_response(b).unwrap();
    assert_eq!(n, b.len());
    let Response::Data(Data::UidFetch { uid, items }) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(uid.get(), 4827313);
    assert_eq!(items.len(), 2);
    assert_eq!(r.to_bytes(), b);
    let (r2, _) = parse_response(b"* 3 uidfetch (UID 3)\r\n").unwrap();
    assert_eq!(r2.to_bytes(), b"* 3 UIDFETCH (UID 3)\r\n");
    assert!(parse_response(b"* 0 UIDFETCH (FLAGS ())\r\n").is_err());
    for k in 0..b.len() {
        assert!(parse_response(&b[..k]).unwrap_err().is_incomplete());
    }
}

/// INPROGRESS (RFC 9585), MESSAGELIMIT (RFC 9738), JMAPACCESS (RFC 9698).
#[test]
fn progress_limit_and_jmap() {
    use crate::types::InProgress;
    let c = code(b"* OK [INPROGRESS (\"A001\" 175 1000)] Processed 17.5%\r\n");
    assert_eq!(
        c,
        ResponseCode::InProgress(Some(InProgress {
            tag: Some(crate::types::Tag::try_from("A001").unwrap()),
            count: Some(175),
            goal: crate::types::NzNumber::new(1000),
        }))
    );
    assert_eq!(
        code(b"* OK [INPROGRESS] Still working\r\n"),
        ResponseCode::InProgress(None)
    );
    let c = code(b"* OK [INPROGRESS (NIL NIL NIL)] hmm\r\n");
    assert_eq!(
        c,
        ResponseCode::InProgress(Some(InProgress {
            tag: None,
            count: None,
            goal: None
        }))
    );
    assert!(parse_response(b"* OK [INPROGRESS (\"A001\" 1 0)] x\r\n")
        .map(|(r, _)| !matches!(r, Response::Untagged(ref s) if matches!(s.text.code, Some(ResponseCode::InProgress(_)))))
        .unwrap_or(true));

    let c = code(b"A1 OK [MESSAGELIMIT 1000 23221] Only 1000 messages processed\r\n");
    assert_eq!(
        c,
        ResponseCode::MessageLimit {
            limit: crate::types::NzNumber::new(1000).unwrap(),
            uid: crate::types::NzNumber::new(23221)
        }
    );
    assert!(matches!(
        code(b"A1 NO [MESSAGELIMIT 500] Too many\r\n"),
        ResponseCode::MessageLimit { uid: None, .. }
    ));

    let (c, _) = parse_command(b"a GETJMAPACCESS\r\n").unwrap();
    assert_eq!(c.body, CommandBody::GetJmapAccess);
    assert_eq!(c.to_bytes(), b"a GETJMAPACCESS\r\n");
    assert!(c.body.allowed_in(ConnectionState::Authenticated));
    assert!(!c.body.allowed_in(ConnectionState::NotAuthenticated));
    let b = b"* JMAPACCESS \"https://jmap.example.com/session\"\r\n";
    let (r, _) = parse_response(b).unwrap();
    assert!(
        matches!(&r, Response::Data(Data::JmapAccess(u)) if u.as_bytes() == b"https://jmap.example.com/session")
    );
    assert_eq!(r.to_bytes(), b);
}

/// RFC 5465 §8 `modifier-update = "UPDATE" [ "(" fetch-att *(SP fetch-att)
/// ")" ]`; its §7 example puts a SP before the `(`, which reads the same.
#[test]
fn search_update_with_fetch_attributes() {
    use crate::types::SearchReturnOption;
    let with_sp = b"a00 SEARCH RETURN (COUNT UPDATE (UID BODY[HEADER.FIELDS (TO FROM SUBJECT)])) FROM \"boss\"\r\n";
    let (c, _) = parse_command(with_sp).unwrap();
    let CommandBody::Search { args, .. } = &c.body else {
        panic!()
    };
    let opts = args.return_opts.as_ref().unwrap();
    assert_eq!(opts.len(), 2);
    assert!(matches!(&opts[1], SearchReturnOption::UpdateFetch(v) if v.len() == 2));
    let out = c.to_bytes();
    assert!(
        out.windows(12).any(|w| w == b"UPDATE(UID B"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert_eq!(parse_command(&out).unwrap().0, c);
    let (plain, _) = parse_command(b"a SEARCH RETURN (UPDATE) ALL\r\n").unwrap();
    let CommandBody::Search { args, .. } = &plain.body else {
        panic!()
    };
    assert_eq!(args.return_opts, Some(vec![SearchReturnOption::Update]));
    assert!(parse_command(b"a SEARCH RETURN (UPDATE ()) ALL\r\n").is_err());
}

/// The capabilities of these extensions, MESSAGELIMIT= and SAVELIMIT=
/// (RFC 9738) with their number.
#[test]
fn capabilities() {
    use crate::types::{Capability, NzNumber};
    let b = b"* CAPABILITY IMAP4rev1 NOTIFY MULTISEARCH REPLACE UIDONLY LANGUAGE URLAUTH URLAUTH=BINARY URL-PARTIAL JMAPACCESS MESSAGELIMIT=1000 savelimit=500 MESSAGELIMIT=0 SAVELIMIT=0500\r\n";
    let (r, _) = parse_response(b).unwrap();
    let Response::Data(Data::Capability(caps)) = &r else {
        panic!()
    };
    assert_eq!(
        &caps[1..12],
        &[
            Capability::Notify,
            Capability::MultiSearch,
            Capability::Replace,
            Capability::UidOnly,
            Capability::Language,
            Capability::UrlAuth,
            Capability::UrlAuthBinary,
            Capability::UrlPartial,
            Capability::JmapAccess,
            Capability::MessageLimit(NzNumber::new(1000).unwrap()),
            Capability::SaveLimit(NzNumber::new(500).unwrap()),
        ]
    );
    // no number, or one with leading zeros: kept as sent
    assert!(matches!(caps[12], Capability::Other(_)));
    assert!(matches!(caps[13], Capability::Other(_)));
    let out = r.to_bytes();
    assert!(out.ends_with(b"MESSAGELIMIT=1000 SAVELIMIT=500 MESSAGELIMIT=0 SAVELIMIT=0500\r\n"));
    assert_eq!(parse_response(&out).unwrap().0, r);
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
