//! Strategies for server responses: response codes and `resp-text`,
//! LIST/LSUB and STATUS data, NAMESPACE, untagged [`Data`] of every kind
//! (unknown data read back from parsed bytes), and [`Response`]: tagged
//! and untagged status, data, and continuation requests.

use std::num::NonZeroU32;

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::command::metadata_value;
use super::{
    astring, atom, bytes, capability, esearch, ext_name, flag_perm, flags, istring, line, mailbox,
    message_data_item, nstring, number, number64, nz, objectid, raw_text, response_part, tag, text,
    thread, uid_set, S,
};

fn code_text() -> S<CodeText<'static>> {
    prop_oneof![
        Just(CodeText::new("imap://joe@example.com/INBOX;UIDVALIDITY=1").expect("code text")),
        line().prop_filter_map("not a code text", |s| CodeText::new(s).ok()),
    ]
    .boxed()
}

fn charset_name() -> S<CharsetName<'static>> {
    prop_oneof![
        select(&["UTF-8", "US-ASCII", "a b", "\"q\\", ""][..])
            .prop_map(|s| CharsetName::new(s).expect("charset")),
        line().prop_filter_map("not a charset", |s| CharsetName::new(s).ok()),
    ]
    .boxed()
}

/// `resp-text-code`.
pub fn response_code() -> S<ResponseCode<'static>> {
    use ResponseCode as R;
    let simple = select(
        &[
            R::Alert,
            R::Parse,
            R::ReadOnly,
            R::ReadWrite,
            R::TryCreate,
            R::UidNotSticky,
            R::Unavailable,
            R::AuthenticationFailed,
            R::AuthorizationFailed,
            R::Expired,
            R::PrivacyRequired,
            R::ContactAdmin,
            R::NoPerm,
            R::InUse,
            R::ExpungeIssued,
            R::Corruption,
            R::ServerBug,
            R::ClientBug,
            R::Cannot,
            R::Limit,
            R::OverQuota,
            R::AlreadyExists,
            R::NonExistent,
            R::NotSaved,
            R::HasChildren,
            R::Closed,
            R::UnknownCte,
            R::NoModSeq,
            R::CompressionActive,
            R::TooBig,
            R::Annotate(AnnotateCode::TooBig),
            R::Annotate(AnnotateCode::TooMany),
            R::Annotations(AnnSize::None),
            R::NotificationOverflow,
            R::UidRequired,
            R::BadComparator,
            R::Metadata(MetadataCode::TooMany),
            R::Metadata(MetadataCode::NoPrivate),
        ][..],
    );
    let with_args = prop_oneof![
        vec(charset_name(), 0..3).prop_map(R::BadCharset),
        vec(capability(), 0..4).prop_map(R::Capability),
        vec(flag_perm(), 0..4).prop_map(R::PermanentFlags),
        nz().prop_map(R::UidNext),
        nz().prop_map(R::UidValidity),
        nz().prop_map(R::Unseen),
        (nz(), uid_set()).prop_map(|(uid_validity, uids)| R::AppendUid { uid_validity, uids }),
        (nz(), uid_set(), uid_set()).prop_map(|(uid_validity, source, destination)| R::CopyUid {
            uid_validity,
            source,
            destination,
        }),
        code_text().prop_map(R::Referral),
        code_text().prop_map(R::BadUrl),
        number64().prop_map(R::HighestModSeq),
        uid_set().prop_map(R::Modified),
        number().prop_map(|n| R::Metadata(MetadataCode::LongEntries(n))),
        number().prop_map(|n| R::Metadata(MetadataCode::MaxSize(n))),
        objectid().prop_map(R::MailboxId),
        (proptest::option::of(nz()), any::<bool>()).prop_map(|(n, no_private)| R::Annotations(
            match n {
                Some(max) => AnnSize::Size { max, no_private },
                None => AnnSize::ReadOnly { no_private },
            }
        )),
        "[a-zA-Z0-9.:_-]{1,12}"
            .prop_map(|n| R::UndefinedFilter(FilterName::new(n).expect("a filter-name"))),
        super::non_empty(super::notify_event_name(), 1..4).prop_map(R::BadEvent),
        vec(super::url_mech(), 0..3).prop_map(R::UrlMech),
        proptest::option::of(
            (
                proptest::option::of(super::tag()),
                proptest::option::of(number()),
                proptest::option::of(nz())
            )
                .prop_map(|(tag, count, goal)| InProgress { tag, count, goal })
        )
        .prop_map(R::InProgress),
        (nz(), proptest::option::of(nz())).prop_map(|(limit, uid)| R::MessageLimit { limit, uid }),
        (atom(), proptest::option::of(code_text())).prop_filter_map("a known code", |(n, a)| {
            OtherCode::new(n, a).ok().map(R::Other)
        }),
        degraded_code(),
    ];
    prop_oneof![1 => simple, 2 => with_args].boxed()
}

/// A known code whose argument does not match its grammar, as the parser
/// keeps it: an [`OtherCode`] under the known name (only the parser
/// builds these).
fn degraded_code() -> S<ResponseCode<'static>> {
    (
        select(
            &[
                "UIDNEXT",
                "uidnext",
                "COPYUID",
                "ALERT",
                "CLOSED",
                "PERMANENTFLAGS",
                "MAILBOXID",
                "METADATA",
                "CAPABILITY",
                "BADCHARSET",
            ][..],
        ),
        select(
            &[
                "",
                " ",
                "  ",
                " 0",
                " x",
                " 701  ",
                " (a b)",
                " FOO",
                " SOMETHING",
                " (\\Seen",
                " ((",
                " \"a",
            ][..],
        ),
        proptest::option::of(code_text()),
    )
        .prop_filter_map("not degraded", |(name, arg, more)| {
            let mut w = format!("* OK [{name}{arg}").into_bytes();
            if let Some(t) = more {
                w.push(b' ');
                w.extend_from_slice(t.as_str().as_bytes());
            }
            w.extend_from_slice(b"] x\r\n");
            response_part(w, |r| match r {
                Response::Untagged(UntaggedStatus {
                    text:
                        RespText {
                            code: Some(c @ ResponseCode::Other(_)),
                            ..
                        },
                    ..
                }) => Some(c.into_owned()),
                _ => None,
            })
        })
        .boxed()
}

/// `resp-text`.
pub fn resp_text() -> S<RespText<'static>> {
    (proptest::option::of(response_code()), text())
        .prop_map(|(code, text)| RespText { code, text })
        .boxed()
}

fn mailbox_attribute() -> S<MailboxAttribute<'static>> {
    prop_oneof![
        select(
            &[
                "Noinferiors",
                "Noselect",
                "Marked",
                "Unmarked",
                "NonExistent",
                "Subscribed",
                "Remote",
                "HasChildren",
                "HasNoChildren",
                "All",
                "Archive",
                "Drafts",
                "Flagged",
                "Junk",
                "Sent",
                "Trash",
                "Important",
                "Inbox",
                "AllMail",
                "Spam",
                "Starred",
                "noSELECT",
            ][..]
        )
        .prop_map(
            |s| MailboxAttribute::from_backslash(Atom::new(s).expect("an atom")).into_owned()
        ),
        atom().prop_map(MailboxAttribute::from_backslash),
    ]
    .boxed()
}

fn delimiter() -> S<Option<Delimiter>> {
    proptest::option::of(
        select(&['/', '.', '"', '\\', ' ', 'ä', '*', '%', ')'][..])
            .prop_map(|c| Delimiter::new(c).expect("a delimiter")),
    )
    .boxed()
}

fn list_extended() -> S<ListExtendedItem<'static>> {
    let other = (ext_name(), raw_text(false)).prop_filter_map("did not parse", |(n, v)| {
        let mut w = format!("* LIST () NIL x ({n} ").into_bytes();
        w.extend(v);
        w.extend_from_slice(b")\r\n");
        response_part(w, |r| match r {
            Response::Data(Data::List(mut l)) if l.extended.len() == 1 => {
                l.extended.pop().map(ListExtendedItem::into_owned)
            }
            _ => None,
        })
    });
    prop_oneof![
        vec(
            select(&["SUBSCRIBED", "REMOTE"][..]).prop_map(IString::from),
            0..3
        )
        .prop_map(ListExtendedItem::ChildInfo),
        mailbox().prop_map(ListExtendedItem::OldName),
        other,
    ]
    .boxed()
}

/// `mailbox-list` (LIST and LSUB data).
pub fn mailbox_list() -> S<MailboxList<'static>> {
    (
        vec(mailbox_attribute(), 0..3),
        delimiter(),
        mailbox(),
        vec(list_extended(), 0..2),
    )
        .prop_map(|(attributes, delimiter, mailbox, extended)| MailboxList {
            attributes,
            delimiter,
            mailbox,
            extended,
        })
        .boxed()
}

fn status_item() -> S<StatusItem<'static>> {
    let other = (ext_name(), raw_text(false)).prop_filter_map("did not parse", |(n, v)| {
        let mut w = format!("* STATUS x ({n} ").into_bytes();
        w.extend(v);
        w.extend_from_slice(b")\r\n");
        response_part(w, |r| match r {
            Response::Data(Data::Status { mut items, .. }) if items.len() == 1 => {
                items.pop().map(StatusItem::into_owned)
            }
            _ => None,
        })
    });
    prop_oneof![
        number().prop_map(StatusItem::Messages),
        number().prop_map(StatusItem::UidNext),
        number().prop_map(StatusItem::UidValidity),
        number().prop_map(StatusItem::Unseen),
        number().prop_map(StatusItem::Deleted),
        number64().prop_map(StatusItem::Size),
        number().prop_map(StatusItem::Recent),
        number64().prop_map(StatusItem::HighestModSeq),
        objectid().prop_map(StatusItem::MailboxId),
        number64().prop_map(StatusItem::DeletedStorage),
        proptest::option::of(number()).prop_map(StatusItem::AppendLimit),
        other,
    ]
    .boxed()
}

fn namespace() -> S<Option<Vec<NamespaceDescr<'static>>>> {
    proptest::option::of(vec(
        (
            istring(),
            delimiter(),
            vec((istring(), vec(istring(), 0..3)), 0..2),
        )
            .prop_map(|(prefix, delimiter, extensions)| NamespaceDescr {
                prefix,
                delimiter,
                extensions,
            }),
        0..3,
    ))
    .boxed()
}

fn other_data() -> S<Data<'static>> {
    (
        proptest::option::of(number()),
        prop_oneof![
            3 => ext_name(),
            // Known data that fails its strict reading is kept raw.
            1 => select(&["FLAGS", "LIST", "ID", "QUOTA", "ACL", "STATUS", "NAMESPACE", "SEARCH"][..]).prop_map(str::to_owned),
        ],
        proptest::option::of(vec(raw_text(false), 1..3)),
    )
        .prop_filter_map("did not parse as unknown data", |(n, name, rest)| {
            let mut w = b"* ".to_vec();
            if let Some(n) = n {
                w.extend(format!("{n} ").into_bytes());
            }
            w.extend(name.into_bytes());
            for v in rest.into_iter().flatten() {
                w.push(b' ');
                w.extend(v);
            }
            w.extend_from_slice(b"\r\n");
            response_part(w, |r| match r {
                Response::Data(d @ Data::Other(_)) => Some(d.into_owned()),
                _ => None,
            })
        })
        .boxed()
}

/// Untagged data.
pub fn data() -> S<Data<'static>> {
    let nz_numbers = || vec(nz().prop_map(NonZeroU32::get), 0..5);
    let lists = prop_oneof![
        vec(capability(), 0..5).prop_map(Data::Capability),
        vec(capability(), 0..3).prop_map(Data::Enabled),
        mailbox_list().prop_map(Data::List),
        mailbox_list().prop_map(Data::Lsub),
        mailbox_list().prop_map(Data::Xlist),
        (mailbox(), vec(status_item(), 0..4))
            .prop_map(|(mailbox, items)| Data::Status { mailbox, items }),
        (nz_numbers(), proptest::option::of(number64()))
            .prop_map(|(numbers, modseq)| Data::Search { numbers, modseq }),
        esearch().prop_map(Data::ESearch),
        (nz_numbers(), proptest::option::of(number64()))
            .prop_map(|(numbers, modseq)| Data::Sort { numbers, modseq }),
        vec(thread(), 0..3).prop_map(Data::Thread),
        flags().prop_map(Data::Flags),
    ];
    let message = prop_oneof![
        number().prop_map(Data::Exists),
        number().prop_map(Data::Recent),
        nz().prop_map(Data::Expunge),
        (nz(), vec(message_data_item(), 0..4)).prop_map(|(seq, items)| Data::Fetch { seq, items }),
        (nz(), vec(message_data_item(), 0..4))
            .prop_map(|(uid, items)| Data::UidFetch { uid, items }),
        (any::<bool>(), uid_set()).prop_map(|(earlier, uids)| Data::Vanished { earlier, uids }),
    ];
    let ext =
        prop_oneof![
            (namespace(), namespace(), namespace()).prop_map(|(personal, other_users, shared)| {
                Data::Namespace {
                    personal,
                    other_users,
                    shared,
                }
            }),
            proptest::option::of(vec((istring(), nstring()), 0..3)).prop_map(Data::Id),
            (
                astring(),
                vec(
                    (atom(), number64(), number64())
                        .prop_map(|(name, usage, limit)| QuotaResource { name, usage, limit }),
                    0..3
                )
            )
                .prop_map(|(root, resources)| Data::Quota { root, resources }),
            (mailbox(), vec(astring(), 0..3))
                .prop_map(|(mailbox, roots)| Data::QuotaRoot { mailbox, roots }),
            (
                mailbox(),
                prop_oneof![
                    vec((astring(), metadata_value()), 0..3).prop_map(MetadataEntries::Values),
                    vec(astring(), 0..3).prop_map(MetadataEntries::List),
                ]
            )
                .prop_map(|(mailbox, entries)| Data::Metadata { mailbox, entries }),
            (mailbox(), vec((astring(), astring()), 0..3))
                .prop_map(|(mailbox, entries)| Data::Acl { mailbox, entries }),
            (mailbox(), astring(), astring(), vec(astring(), 0..3)).prop_map(
                |(mailbox, identifier, required, optional)| Data::ListRights {
                    mailbox,
                    identifier,
                    required,
                    optional,
                }
            ),
            (mailbox(), astring()).prop_map(|(mailbox, rights)| Data::MyRights { mailbox, rights }),
            super::non_empty(astring(), 1..3).prop_map(Data::Language),
            super::non_empty(astring(), 1..3).prop_map(Data::GenUrlAuth),
            astring().prop_map(Data::JmapAccess),
            super::non_empty(super::url_fetch_data(), 1..3).prop_map(Data::UrlFetch),
            (astring(), vec(astring(), 0..3)).prop_map(|(selected, available)| {
                Data::Comparator {
                    selected,
                    available,
                }
            }),
            other_data(),
        ];
    prop_oneof![3 => lists, 4 => message, 3 => ext].boxed()
}

/// A server response: tagged or untagged status, data, or a continuation
/// request.
pub fn response() -> S<Response<'static>> {
    prop_oneof![
        2 => (
            tag(),
            select(&[State::Ok, State::No, State::Bad, State::Bye][..]),
            resp_text()
        )
            .prop_map(|(tag, state, text)| Response::Tagged(TaggedStatus { tag, state, text })),
        1 => (
            select(&[Condition::Ok, Condition::No, Condition::Bad, Condition::PreAuth, Condition::Bye][..]),
            resp_text()
        )
            .prop_map(|(condition, text)| Response::Untagged(UntaggedStatus { condition, text })),
        1 => prop_oneof![
            resp_text().prop_map(|text| ContinueRequest { text }),
            bytes().prop_map(|b| ContinueRequest::base64(&b)),
        ]
        .prop_map(Response::Continue),
        5 => data().prop_map(Response::Data),
    ]
    .boxed()
}
