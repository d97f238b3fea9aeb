//! Commands: every variant of [`CommandBody`], with the parameters and
//! options of SELECT/EXAMINE, CREATE, LIST, APPEND and SETMETADATA. The
//! FETCH arguments come from [`super::fetch`], the SEARCH, SORT and THREAD
//! ones from [`super::search`].

use std::borrow::Cow;

use ::arbitrary::{Result, Unstructured};

use super::fetch::gen_fetch_args;
use super::raw::gen_tagged_ext;
use super::search::{gen_search_args, gen_sort_args, gen_thread_args};
// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_select_param(u: &mut Unstructured<'_>) -> Result<SelectParam<'static>> {
    Ok(match small(u, 3)? {
        0 => SelectParam::CondStore,
        1 | 2 => SelectParam::QResync {
            uid_validity: gen_nz(u)?,
            mod_seq: gen_n64(u)?,
            known_uids: if u.arbitrary()? {
                Some(gen_number_set(u)?)
            } else {
                None
            },
            seq_match: if u.arbitrary()? {
                Some((gen_number_set(u)?, gen_number_set(u)?))
            } else {
                None
            },
        },
        _ => match gen_tagged_ext(u)? {
            Some(x) => SelectParam::Other(x),
            None => SelectParam::CondStore,
        },
    })
}

pub(super) fn gen_create_param(u: &mut Unstructured<'_>) -> Result<CreateParam<'static>> {
    Ok(match gen_tagged_ext(u)? {
        Some(x) if u.arbitrary()? => CreateParam::Other(x),
        _ => CreateParam::Use(list(u, 0, 3, gen_atom)?),
    })
}

pub(super) fn gen_list_select_option(
    u: &mut Unstructured<'_>,
) -> Result<ListSelectOption<'static>> {
    Ok(match small(u, 4)? {
        0 => ListSelectOption::Subscribed,
        1 => ListSelectOption::Remote,
        2 => ListSelectOption::RecursiveMatch,
        3 => ListSelectOption::SpecialUse,
        _ => match gen_tagged_ext(u)? {
            Some(x) => ListSelectOption::Other(x),
            None => ListSelectOption::Remote,
        },
    })
}

pub(super) fn gen_list_return_option(
    u: &mut Unstructured<'_>,
) -> Result<ListReturnOption<'static>> {
    Ok(match small(u, 6)? {
        0 => ListReturnOption::Subscribed,
        1 => ListReturnOption::Children,
        2 => ListReturnOption::SpecialUse,
        3 => ListReturnOption::Status(list1(u, 4, |u| pick(u, STATUS_ATTRIBUTES))?),
        4 => ListReturnOption::MyRights,
        5 => ListReturnOption::Metadata(list1(u, 3, |u| {
            Ok(if u.arbitrary()? {
                AString::from(pick(
                    u,
                    &["/shared/comment", "/private/specialuse", "MAXSIZE"],
                )?)
            } else {
                gen_astring(u)?
            })
        })?),
        _ => match gen_tagged_ext(u)? {
            Some(x) => ListReturnOption::Other(x),
            None => ListReturnOption::Children,
        },
    })
}

pub(super) fn gen_append_message(u: &mut Unstructured<'_>) -> Result<AppendMessage<'static>> {
    let data = match small(u, 3)? {
        0 => {
            let l = gen_literal(u)?;
            AppendData::Utf8 {
                data: l.data,
                mode: l.mode,
            }
        }
        1 => AppendData::Catenate(list1(u, 3, |u| {
            Ok(if u.arbitrary()? {
                let mut l = gen_literal(u)?;
                l.binary = false;
                CatenatePart::Text(l)
            } else {
                CatenatePart::Url(gen_astring(u)?)
            })
        })?),
        _ => AppendData::Literal(gen_literal(u)?),
    };
    Ok(AppendMessage {
        flags: if u.arbitrary()? {
            Some(list(u, 0, 3, gen_flag)?)
        } else {
            None
        },
        date: if u.arbitrary()? {
            Some(gen_datetime(u)?)
        } else {
            None
        },
        data,
    })
}

pub(super) fn gen_metadata_value(u: &mut Unstructured<'_>) -> Result<MetadataValue<'static>> {
    Ok(match small(u, 3)? {
        0 => MetadataValue::Nil,
        1 => MetadataValue::Binary(Cow::Owned(edge_bytes(u)?)),
        _ => MetadataValue::String(gen_istring(u)?),
    })
}

/// The name of an unknown command: RFC 3501's example, iOS Mail's, a
/// lowercase or long one; a known name (refused) falls back to `XFOO`.
pub(super) fn gen_other_command_name(
    u: &mut Unstructured<'_>,
) -> Result<OtherCommandName<'static>> {
    let mut s = name_text(
        u,
        &["XPIG-LATIN", "XAPPLEPUSHSERVICE", "x-foo", "FETCH", "uid"],
    )?;
    if small(u, 5)? == 0 {
        s.push_str(&"Y".repeat(30));
    }
    let name = Atom::new(s)
        .ok()
        .and_then(|a| OtherCommandName::new(a).ok());
    Ok(name.unwrap_or_else(|| OtherCommandName::try_from("XFOO").expect("an unknown name")))
}

/// Raw arguments: atoms, numbers, quoted strings, parentheses, edge spaces,
/// 8-bit bytes and literals of every kind (their octets CRLF, NUL...);
/// bytes the rules refuse (none should be) fall back to empty.
pub(super) fn gen_other_arguments(u: &mut Unstructured<'_>) -> Result<OtherArguments<'static>> {
    let mut b = Vec::new();
    for k in 0..small(u, 6)? {
        if k > 0 || small(u, 5)? == 0 {
            b.push(b' ');
        }
        match small(u, 7)? {
            0 => b.extend_from_slice(gen_atom(u)?.as_str().as_bytes()),
            1 => b.extend_from_slice(gen_n64(u)?.to_string().as_bytes()),
            2 => b.extend_from_slice(b"\"a \\\" b\""),
            3 => b.extend_from_slice(pick(u, &[&b"("[..], b")", b"(INBOX Notes)", b"]", b"*"])?),
            4 => b.extend_from_slice("é\x7f".as_bytes()),
            _ => {
                let l = gen_literal(u)?;
                if l.binary {
                    b.push(b'~');
                }
                let plus = if l.mode == LiteralMode::NonSync {
                    "+"
                } else {
                    ""
                };
                b.extend_from_slice(format!("{{{}{plus}}}\r\n", l.data.len()).as_bytes());
                b.extend_from_slice(&l.data);
            }
        }
    }
    Ok(OtherArguments::new(b).unwrap_or_else(|_| OtherArguments::new(&b""[..]).expect("empty")))
}

pub(super) fn gen_command_body(u: &mut Unstructured<'_>) -> Result<CommandBody<'static>> {
    use CommandBody as C;
    let mb = gen_mailbox;
    Ok(match small(u, 57)? {
        0 => C::Capability,
        1 => C::Logout,
        2 => C::Noop,
        3 => C::Id(if u.arbitrary()? {
            Some(list(u, 0, 3, |u| Ok((gen_astring(u)?, gen_nstring(u)?)))?)
        } else {
            None
        }),
        4 => C::StartTls,
        5 => C::Authenticate {
            mechanism: gen_atom(u)?,
            initial_response: if u.arbitrary()? {
                Some(Secret(Cow::Owned(edge_bytes(u)?)))
            } else {
                None
            },
        },
        6 => C::Login {
            username: gen_astring(u)?,
            password: Secret(gen_astring(u)?),
        },
        7 => C::Enable(list1(u, 4, gen_capability)?),
        8 => C::Select {
            mailbox: mb(u)?,
            params: list(u, 0, 3, gen_select_param)?,
        },
        9 => C::Examine {
            mailbox: mb(u)?,
            params: list(u, 0, 3, gen_select_param)?,
        },
        10 => C::Create {
            mailbox: mb(u)?,
            params: list(u, 0, 2, gen_create_param)?,
        },
        11 => C::Delete(mb(u)?),
        12 => C::Rename {
            from: mb(u)?,
            to: mb(u)?,
            params: list(u, 0, 2, gen_tagged_ext)?
                .into_iter()
                .flatten()
                .collect(),
        },
        13 => C::Subscribe(mb(u)?),
        14 => C::Unsubscribe(mb(u)?),
        15 => C::List {
            selection: if u.arbitrary()? {
                Some(list(u, 0, 3, gen_list_select_option)?)
            } else {
                None
            },
            reference: mb(u)?,
            patterns: list1(u, 3, gen_list_mailbox)?,
            returns: if u.arbitrary()? {
                Some(list(u, 0, 3, gen_list_return_option)?)
            } else {
                None
            },
        },
        16 => C::Lsub {
            reference: mb(u)?,
            pattern: gen_list_mailbox(u)?,
        },
        17 => C::Namespace,
        18 => C::Status {
            mailbox: mb(u)?,
            items: list1(u, 5, |u| pick(u, STATUS_ATTRIBUTES))?,
        },
        19 => C::Append {
            mailbox: mb(u)?,
            messages: list1(u, 3, gen_append_message)?,
        },
        20 => C::Idle,
        21 => C::Unauthenticate,
        22 => C::Compress(gen_atom(u)?),
        23 => C::GetQuota(gen_astring(u)?),
        24 => C::GetQuotaRoot(mb(u)?),
        25 => C::SetQuota {
            root: gen_astring(u)?,
            limits: list(u, 0, 3, |u| Ok((gen_atom(u)?, gen_n64(u)?)))?,
        },
        26 => C::GetMetadata {
            options: list(u, 0, 2, |u| {
                Ok(if u.arbitrary()? {
                    GetMetadataOption::MaxSize(gen_u32(u)?)
                } else {
                    GetMetadataOption::Depth(pick(
                        u,
                        &[
                            MetadataDepth::Zero,
                            MetadataDepth::One,
                            MetadataDepth::Infinity,
                        ],
                    )?)
                })
            })?,
            mailbox: mb(u)?,
            entries: list1(u, 3, gen_astring)?,
        },
        27 => C::SetMetadata {
            mailbox: mb(u)?,
            entries: list1(u, 3, |u| Ok((gen_astring(u)?, gen_metadata_value(u)?)))?,
        },
        28 => C::SetAcl {
            mailbox: mb(u)?,
            identifier: gen_astring(u)?,
            rights: gen_astring(u)?,
        },
        29 => C::DeleteAcl {
            mailbox: mb(u)?,
            identifier: gen_astring(u)?,
        },
        30 => C::GetAcl(mb(u)?),
        31 => C::ListRights {
            mailbox: mb(u)?,
            identifier: gen_astring(u)?,
        },
        32 => C::MyRights(mb(u)?),
        33 => C::CancelUpdate(list1(u, 3, gen_tag)?),
        34 => C::Check,
        35 => C::Close,
        36 => C::Unselect,
        37 => C::Expunge,
        38 => C::UidExpunge(gen_seq_set(u)?),
        39 => C::Copy {
            uid: u.arbitrary()?,
            set: gen_seq_set(u)?,
            mailbox: mb(u)?,
        },
        40 => C::Move {
            uid: u.arbitrary()?,
            set: gen_seq_set(u)?,
            mailbox: mb(u)?,
        },
        41..=43 => C::Fetch {
            uid: u.arbitrary()?,
            args: gen_fetch_args(u)?,
        },
        44 => C::Store {
            uid: u.arbitrary()?,
            set: gen_seq_set(u)?,
            modifiers: list(u, 0, 2, |u| {
                Ok(match gen_tagged_ext(u)? {
                    Some(x) if u.arbitrary()? => StoreModifier::Other(x),
                    _ => StoreModifier::UnchangedSince(gen_n64(u)?),
                })
            })?,
            action: pick(
                u,
                &[StoreAction::Replace, StoreAction::Add, StoreAction::Remove],
            )?,
            silent: u.arbitrary()?,
            flags: list(u, 0, 4, gen_flag)?,
        },
        45..=47 => C::Search {
            uid: u.arbitrary()?,
            args: gen_search_args(u)?,
        },
        48 | 49 => C::Sort {
            uid: u.arbitrary()?,
            args: gen_sort_args(u)?,
        },
        50 => C::StoreExt {
            uid: u.arbitrary()?,
            set: gen_seq_set(u)?,
            modifiers: list(u, 0, 2, super::other::gen_store_modifier)?,
            att: super::gmail::gen_store_att_ext(u)?,
        },
        51 => C::Xlist {
            reference: mb(u)?,
            pattern: gen_list_mailbox(u)?,
        },
        55 | 56 => C::Other {
            name: gen_other_command_name(u)?,
            arguments: if small(u, 3)? > 0 {
                Some(gen_other_arguments(u)?)
            } else {
                None
            },
        },
        52..=54 => C::Thread {
            uid: u.arbitrary()?,
            args: gen_thread_args(u)?,
        },
        // NOTIFY, MULTISEARCH, REPLACE, LANGUAGE, COMPARATOR, URLAUTH,
        // JMAPACCESS: one slot, so the other commands keep their share.
        _ => super::notify::gen_ext_a_command(u)?,
    })
}
