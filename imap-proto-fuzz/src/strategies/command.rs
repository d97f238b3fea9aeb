//! Strategies for client commands: every [`CommandBody`] variant with its
//! parameters (SELECT/EXAMINE, CREATE, LIST, APPEND and CATENATE, STORE,
//! METADATA, QUOTA, ACL...), and [`Command`], a tag and a body. The
//! arguments of FETCH, SEARCH, SORT and THREAD come from `fetch.rs` and
//! `search.rs`.

use std::borrow::Cow;

use imap_proto::types::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::search::{search_args, sort_args, thread_args};
use super::{
    astring, atom, bytes, capability, datetime, fetch_args, flags, istring, list_mailbox, literal,
    mailbox, non_empty, nstring, number, number64, number_set, nz, sequence_set, status_attribute,
    tag, tagged_extension, S,
};

fn select_param() -> S<SelectParam<'static>> {
    prop_oneof![
        Just(SelectParam::CondStore),
        (
            nz(),
            number64(),
            proptest::option::of(number_set()),
            proptest::option::of((number_set(), number_set()))
        )
            .prop_map(|(uid_validity, mod_seq, known_uids, seq_match)| {
                SelectParam::QResync {
                    uid_validity,
                    mod_seq,
                    known_uids,
                    seq_match,
                }
            }),
        tagged_extension().prop_map(SelectParam::Other),
    ]
    .boxed()
}

fn create_param() -> S<CreateParam<'static>> {
    prop_oneof![
        vec(atom(), 0..3).prop_map(CreateParam::Use),
        tagged_extension().prop_map(CreateParam::Other),
    ]
    .boxed()
}

fn list_select_option() -> S<ListSelectOption<'static>> {
    prop_oneof![
        Just(ListSelectOption::Subscribed),
        Just(ListSelectOption::Remote),
        Just(ListSelectOption::RecursiveMatch),
        Just(ListSelectOption::SpecialUse),
        tagged_extension().prop_map(ListSelectOption::Other),
    ]
    .boxed()
}

fn list_return_option() -> S<ListReturnOption<'static>> {
    prop_oneof![
        Just(ListReturnOption::Subscribed),
        Just(ListReturnOption::Children),
        Just(ListReturnOption::SpecialUse),
        non_empty(status_attribute(), 1..4).prop_map(ListReturnOption::Status),
        Just(ListReturnOption::MyRights),
        non_empty(astring(), 1..3).prop_map(ListReturnOption::Metadata),
        tagged_extension().prop_map(ListReturnOption::Other),
    ]
    .boxed()
}

/// `append-message`, for the strategies of other files (REPLACE).
pub(super) fn append_message_strategy() -> S<AppendMessage<'static>> {
    append_message()
}

fn append_message() -> S<AppendMessage<'static>> {
    let data = prop_oneof![
        3 => (literal(false), any::<bool>()).prop_map(|(mut l, b)| {
            l.binary = b;
            AppendData::Literal(l)
        }),
        1 => literal(true).prop_map(|l| AppendData::Utf8 { data: l.data, mode: l.mode }),
        1 => non_empty(
            prop_oneof![
                literal(false).prop_map(CatenatePart::Text),
                astring().prop_map(CatenatePart::Url),
            ]
            .boxed(),
            1..3
        )
        .prop_map(AppendData::Catenate),
    ];
    (
        proptest::option::of(flags()),
        proptest::option::of(datetime()),
        data,
    )
        .prop_map(|(flags, date, data)| AppendMessage { flags, date, data })
        .boxed()
}

pub(super) fn metadata_value() -> S<MetadataValue<'static>> {
    prop_oneof![
        Just(MetadataValue::Nil),
        istring().prop_map(MetadataValue::String),
        bytes().prop_map(|b| MetadataValue::Binary(Cow::Owned(b))),
    ]
    .boxed()
}

fn store_modifier() -> S<StoreModifier<'static>> {
    prop_oneof![
        number64().prop_map(StoreModifier::UnchangedSince),
        tagged_extension().prop_map(StoreModifier::Other),
    ]
    .boxed()
}

fn getmetadata_option() -> S<GetMetadataOption> {
    prop_oneof![
        number().prop_map(GetMetadataOption::MaxSize),
        select(
            &[
                MetadataDepth::Zero,
                MetadataDepth::One,
                MetadataDepth::Infinity
            ][..]
        )
        .prop_map(GetMetadataOption::Depth),
    ]
    .boxed()
}

/// The name of a command this crate does not know (known names are
/// refused by the constructor and filtered out).
pub fn other_command_name() -> S<OtherCommandName<'static>> {
    prop_oneof![
        select(&["XPIG-LATIN", "XAPPLEPUSHSERVICE", "x-foo", "Xyzzy"][..]).prop_map(String::from),
        "[A-Za-z][A-Za-z0-9.+-]{0,40}",
    ]
    .prop_filter_map("a known command name", |s| {
        OtherCommandName::new(Atom::new(s).ok()?).ok()
    })
    .boxed()
}

/// Argument tokens beyond atoms and numbers: a quoted string with an
/// escape, parentheses, unbalanced ones, `]`, `*`, UTF-8.
const OTHER_TOKENS: &[&[u8]] = &[
    b"\"a \\\" b\"",
    b"(INBOX Notes)",
    b"(",
    b")",
    b"]",
    b"*",
    b"\xc3\xa9",
];

/// Raw arguments of an unknown command: tokens (atoms, numbers, quoted
/// strings, parentheses, 8-bit text) and literals of every mode, their
/// octets any bytes, separated by one or more spaces.
pub fn other_arguments() -> S<OtherArguments<'static>> {
    let token = prop_oneof![
        atom().prop_map(|a| a.as_str().as_bytes().to_vec()),
        number64().prop_map(|n| n.to_string().into_bytes()),
        select(OTHER_TOKENS).prop_map(<[u8]>::to_vec),
        (any::<bool>(), literal(false)).prop_map(|(binary, l)| {
            let plus = if l.mode == LiteralMode::NonSync {
                "+"
            } else {
                ""
            };
            let tilde = if binary { "~" } else { "" };
            let mut b = format!("{tilde}{{{}{plus}}}\r\n", l.data.len()).into_bytes();
            b.extend_from_slice(&l.data);
            b
        }),
    ];
    (vec((token, 1..3usize), 0..5), any::<bool>())
        .prop_filter_map("arguments the rules refuse", |(tokens, lead)| {
            let mut b = Vec::new();
            for (k, (t, spaces)) in tokens.into_iter().enumerate() {
                if k > 0 || lead {
                    b.extend(std::iter::repeat_n(b' ', spaces));
                }
                b.extend_from_slice(&t);
            }
            OtherArguments::new(b).ok()
        })
        .boxed()
}

/// Every command body this crate knows, and unknown ones
/// ([`CommandBody::Other`]).
pub fn command_body() -> S<CommandBody<'static>> {
    use CommandBody as C;
    let simple = select(
        &[
            C::Capability,
            C::Logout,
            C::Noop,
            C::StartTls,
            C::Namespace,
            C::Idle,
            C::Unauthenticate,
            C::Check,
            C::Close,
            C::Unselect,
            C::Expunge,
        ][..],
    );
    let one_mailbox = (0u8..6, mailbox()).prop_map(|(k, m)| match k {
        0 => C::Delete(m),
        1 => C::Subscribe(m),
        2 => C::Unsubscribe(m),
        3 => C::GetQuotaRoot(m),
        4 => C::GetAcl(m),
        _ => C::MyRights(m),
    });
    let auth = prop_oneof![
        proptest::option::of(vec((astring(), nstring()), 0..3)).prop_map(C::Id),
        (atom(), proptest::option::of(bytes())).prop_map(|(mechanism, ir)| C::Authenticate {
            mechanism,
            initial_response: ir.map(|b| Secret(Cow::Owned(b))),
        }),
        (astring(), astring()).prop_map(|(username, p)| C::Login {
            username,
            password: Secret(p),
        }),
        non_empty(capability(), 1..4).prop_map(C::Enable),
        atom().prop_map(C::Compress),
        non_empty(tag(), 1..3).prop_map(C::CancelUpdate),
    ];
    let mailboxes = prop_oneof![
        (any::<bool>(), mailbox(), vec(select_param(), 0..3)).prop_map(|(ex, mailbox, params)| {
            if ex {
                C::Examine { mailbox, params }
            } else {
                C::Select { mailbox, params }
            }
        }),
        (mailbox(), vec(create_param(), 0..3))
            .prop_map(|(mailbox, params)| C::Create { mailbox, params }),
        (mailbox(), mailbox(), vec(tagged_extension(), 0..2))
            .prop_map(|(from, to, params)| C::Rename { from, to, params }),
        (
            proptest::option::of(vec(list_select_option(), 0..3)),
            mailbox(),
            non_empty(list_mailbox(), 1..3),
            proptest::option::of(vec(list_return_option(), 0..3))
        )
            .prop_map(|(selection, reference, patterns, returns)| C::List {
                selection,
                reference,
                patterns,
                returns,
            }),
        (mailbox(), list_mailbox()).prop_map(|(reference, pattern)| C::Lsub { reference, pattern }),
        (mailbox(), list_mailbox())
            .prop_map(|(reference, pattern)| C::Xlist { reference, pattern }),
        (mailbox(), non_empty(status_attribute(), 1..5))
            .prop_map(|(mailbox, items)| C::Status { mailbox, items }),
        (mailbox(), non_empty(append_message(), 1..3))
            .prop_map(|(mailbox, messages)| C::Append { mailbox, messages }),
    ];
    let admin = prop_oneof![
        astring().prop_map(C::GetQuota),
        (astring(), vec((atom(), number64()), 0..3))
            .prop_map(|(root, limits)| C::SetQuota { root, limits }),
        (
            vec(getmetadata_option(), 0..3),
            mailbox(),
            non_empty(astring(), 1..3)
        )
            .prop_map(|(options, mailbox, entries)| C::GetMetadata {
                options,
                mailbox,
                entries,
            }),
        (
            mailbox(),
            non_empty((astring(), metadata_value()).boxed(), 1..3)
        )
            .prop_map(|(mailbox, entries)| C::SetMetadata { mailbox, entries }),
        (mailbox(), astring(), astring()).prop_map(|(mailbox, identifier, rights)| C::SetAcl {
            mailbox,
            identifier,
            rights,
        }),
        (any::<bool>(), mailbox(), astring()).prop_map(|(list, mailbox, identifier)| {
            if list {
                C::ListRights {
                    mailbox,
                    identifier,
                }
            } else {
                C::DeleteAcl {
                    mailbox,
                    identifier,
                }
            }
        }),
    ];
    let selected = prop_oneof![
        sequence_set().prop_map(C::UidExpunge),
        (any::<bool>(), any::<bool>(), sequence_set(), mailbox()).prop_map(
            |(mv, uid, set, mailbox)| if mv {
                C::Move { uid, set, mailbox }
            } else {
                C::Copy { uid, set, mailbox }
            }
        ),
        (any::<bool>(), fetch_args()).prop_map(|(uid, args)| C::Fetch { uid, args }),
        (
            any::<bool>(),
            sequence_set(),
            vec(store_modifier(), 0..2),
            select(&[StoreAction::Replace, StoreAction::Add, StoreAction::Remove][..]),
            any::<bool>(),
            flags()
        )
            .prop_map(|(uid, set, modifiers, action, silent, flags)| C::Store {
                uid,
                set,
                modifiers,
                action,
                silent,
                flags,
            }),
        (
            any::<bool>(),
            sequence_set(),
            vec(store_modifier(), 0..2),
            super::gmail::store_att_ext()
        )
            .prop_map(|(uid, set, modifiers, att)| C::StoreExt {
                uid,
                set,
                modifiers,
                att,
            }),
        (any::<bool>(), search_args()).prop_map(|(uid, args)| C::Search { uid, args }),
        (any::<bool>(), sort_args()).prop_map(|(uid, args)| C::Sort { uid, args }),
        (any::<bool>(), thread_args()).prop_map(|(uid, args)| C::Thread { uid, args }),
    ];
    let ext_a = prop_oneof![
        2 => super::notify().prop_map(C::Notify),
        1 => (any::<bool>(), super::replace_args()).prop_map(|(uid, args)| C::Replace { uid, args }),
        1 => (any::<bool>(), super::multisearch_args())
            .prop_map(|(uid, args)| C::ESearch { uid, args }),
        1 => vec(astring(), 0..3).prop_map(C::Language),
        1 => vec(astring(), 0..3).prop_map(C::Comparator),
        2 => super::urlauth_command(),
        1 => Just(C::GetJmapAccess),
    ];
    let other = (
        other_command_name(),
        proptest::option::of(other_arguments()),
    )
        .prop_map(|(name, arguments)| C::Other { name, arguments });
    prop_oneof![
        1 => simple,
        1 => one_mailbox,
        2 => auth,
        3 => mailboxes,
        2 => admin,
        5 => selected,
        1 => other,
        1 => ext_a,
    ]
    .boxed()
}

/// A client command.
pub fn command() -> S<Command<'static>> {
    (tag(), command_body())
        .prop_map(|(tag, body)| Command { tag, body })
        .boxed()
}
