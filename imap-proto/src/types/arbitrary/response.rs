//! Responses: response codes and texts, LIST/LSUB entries and their
//! attributes and extended items, STATUS items, NAMESPACE descriptions,
//! unknown untagged data, every variant of [`Data`], and [`Response`]
//! itself.

use ::arbitrary::{Result, Unstructured};

use super::command::gen_metadata_value;
use super::fetch::gen_message_data_item;
use super::raw::{raw_value_bytes, via_response};
use super::search::{gen_esearch, gen_thread};
// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_code_text(u: &mut Unstructured<'_>) -> Result<CodeText<'static>> {
    let s = line_text(u)?;
    Ok(CodeText::new(s)
        .unwrap_or_else(|_| CodeText::new("imap://user@example.org/INBOX").expect("a code text")))
}

pub(super) fn gen_charset_name(u: &mut Unstructured<'_>) -> Result<CharsetName<'static>> {
    let s = if u.arbitrary()? {
        pick(u, &["UTF-8", "US-ASCII", "a b", "\"q\"", ""])?.to_owned()
    } else {
        line_text(u)?
    };
    Ok(CharsetName::new(s).unwrap_or_else(|_| CharsetName::new("UTF-8").expect("a charset")))
}

pub(super) fn gen_response_code(u: &mut Unstructured<'_>) -> Result<ResponseCode<'static>> {
    use ResponseCode as R;
    Ok(match small(u, 59)? {
        0 => R::Alert,
        1 => R::BadCharset(list(u, 0, 3, gen_charset_name)?),
        2 => R::Capability(list(u, 0, 4, gen_capability)?),
        3 => R::Parse,
        4 => R::PermanentFlags(list(u, 0, 4, gen_flag_perm)?),
        5 => R::ReadOnly,
        6 => R::ReadWrite,
        7 => R::TryCreate,
        8 => R::UidNext(gen_nz(u)?),
        9 => R::UidValidity(gen_nz(u)?),
        10 => R::Unseen(gen_nz(u)?),
        11 => R::AppendUid {
            uid_validity: gen_nz(u)?,
            uids: gen_uid_set(u)?,
        },
        12 => R::CopyUid {
            uid_validity: gen_nz(u)?,
            source: gen_uid_set(u)?,
            destination: gen_uid_set(u)?,
        },
        13 => R::UidNotSticky,
        14 => R::Unavailable,
        15 => R::AuthenticationFailed,
        16 => R::AuthorizationFailed,
        17 => R::Expired,
        18 => R::PrivacyRequired,
        19 => R::ContactAdmin,
        20 => R::NoPerm,
        21 => R::InUse,
        22 => R::ExpungeIssued,
        23 => R::Corruption,
        24 => R::ServerBug,
        25 => R::ClientBug,
        26 => R::Cannot,
        27 => R::Limit,
        28 => R::OverQuota,
        29 => R::AlreadyExists,
        30 => R::NonExistent,
        31 => R::NotSaved,
        32 => R::HasChildren,
        33 => R::Closed,
        34 => R::UnknownCte,
        35 => R::Referral(gen_code_text(u)?),
        36 => R::HighestModSeq(gen_n64(u)?),
        37 => R::NoModSeq,
        38 => R::Modified(gen_uid_set(u)?),
        39 => R::CompressionActive,
        40 => R::Metadata(match small(u, 3)? {
            0 => MetadataCode::LongEntries(gen_u32(u)?),
            1 => MetadataCode::MaxSize(gen_u32(u)?),
            2 => MetadataCode::TooMany,
            _ => MetadataCode::NoPrivate,
        }),
        41 => R::MailboxId(gen_objectid(u)?),
        42 => R::BadUrl(gen_code_text(u)?),
        43 => R::TooBig,
        44 => R::Annotate(pick(u, &[AnnotateCode::TooBig, AnnotateCode::TooMany])?),
        45 => R::Annotations(match small(u, 2)? {
            0 => AnnSize::None,
            1 => AnnSize::ReadOnly {
                no_private: u.arbitrary()?,
            },
            _ => AnnSize::Size {
                max: gen_nz(u)?,
                no_private: u.arbitrary()?,
            },
        }),
        46 => R::UndefinedFilter(
            FilterName::new(pick(u, &["on-the-road", "x", "a.b"])?).expect("a filter-name"),
        ),
        47 => R::NotificationOverflow,
        48 => R::BadEvent(list1(u, 4, super::notify::gen_notify_event_name)?),
        49 => R::UidRequired,
        50 => R::BadComparator,
        51 => R::UrlMech(list(u, 0, 3, super::urlauth::gen_url_mech)?),
        52 => R::InProgress(None),
        53 => R::InProgress(Some(InProgress {
            tag: if u.arbitrary()? {
                Some(gen_tag(u)?)
            } else {
                None
            },
            count: if u.arbitrary()? {
                Some(gen_u32(u)?)
            } else {
                None
            },
            goal: if u.arbitrary()? {
                Some(gen_nz(u)?)
            } else {
                None
            },
        })),
        54 => R::MessageLimit {
            limit: gen_nz(u)?,
            uid: if u.arbitrary()? {
                Some(gen_nz(u)?)
            } else {
                None
            },
        },
        _ => {
            let name = gen_atom(u)?;
            let arg = if u.arbitrary()? {
                Some(gen_code_text(u)?)
            } else {
                None
            };
            match OtherCode::new(name, arg) {
                Ok(c) => R::Other(c),
                Err(_) => gen_degraded_code(u)?,
            }
        }
    })
}

/// A known code whose argument does not match its grammar, as the parser
/// keeps it (an [`OtherCode`] under the known name); `ALERT` when the
/// bytes did not degrade.
fn gen_degraded_code(u: &mut Unstructured<'_>) -> Result<ResponseCode<'static>> {
    let name = pick(
        u,
        &[
            "UIDNEXT",
            "uidnext",
            "COPYUID",
            "ALERT",
            "CLOSED",
            "PERMANENTFLAGS",
            "MAILBOXID",
            "METADATA",
        ],
    )?;
    let arg = pick(
        u,
        &[
            "",
            " ",
            " 0",
            " x",
            " 701  ",
            " (a b)",
            " FOO",
            " SOMETHING",
            " (\\Seen",
            " \"a",
        ],
    )?;
    let w = format!("* OK [{name}{arg}] x\r\n");
    Ok(via_response(w.as_bytes(), |r| match r {
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
    .unwrap_or(ResponseCode::Alert))
}

pub(super) fn gen_resp_text(u: &mut Unstructured<'_>) -> Result<RespText<'static>> {
    Ok(RespText {
        code: if u.arbitrary()? {
            Some(gen_response_code(u)?)
        } else {
            None
        },
        text: gen_text(u)?,
    })
}

pub(super) fn gen_mailbox_attribute(u: &mut Unstructured<'_>) -> Result<MailboxAttribute<'static>> {
    let name = if u.arbitrary()? {
        pick(
            u,
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
                "noselect",
            ],
        )?
        .to_owned()
    } else {
        to_string(atom_bytes(u)?)
    };
    Ok(MailboxAttribute::from_backslash(
        Atom::new(name).unwrap_or_else(|_| Atom::new("X").expect("an atom")),
    ))
}

pub(super) fn gen_delimiter(u: &mut Unstructured<'_>) -> Result<Option<Delimiter>> {
    Ok(match small(u, 4)? {
        0 => None,
        _ => {
            let c = pick(u, &['/', '.', '"', '\\', ' ', 'ü', '*', 'x'])?;
            Some(Delimiter::new(c).expect("a delimiter"))
        }
    })
}

pub(super) fn gen_list_extended(u: &mut Unstructured<'_>) -> Result<ListExtendedItem<'static>> {
    Ok(match small(u, 2)? {
        0 => ListExtendedItem::ChildInfo(list(u, 0, 2, |u| {
            Ok(IString::from(pick(u, &["SUBSCRIBED", "REMOTE", "x y"])?))
        })?),
        1 => ListExtendedItem::OldName(gen_mailbox(u)?),
        _ => {
            let mut b = b"* LIST () NIL INBOX (".to_vec();
            b.extend_from_slice(name_text(u, &["X-TAG", "OLDNAME"])?.as_bytes());
            b.push(b' ');
            b.extend(raw_value_bytes(u, false)?);
            b.extend_from_slice(b")\r\n");
            via_response(&b, |r| match r {
                Response::Data(Data::List(mut l)) if l.extended.len() == 1 => {
                    l.extended.pop().map(ListExtendedItem::into_owned)
                }
                _ => None,
            })
            .unwrap_or(ListExtendedItem::ChildInfo(vec![IString::from(
                "SUBSCRIBED",
            )]))
        }
    })
}

pub(super) fn gen_mailbox_list(u: &mut Unstructured<'_>) -> Result<MailboxList<'static>> {
    Ok(MailboxList {
        attributes: list(u, 0, 3, gen_mailbox_attribute)?,
        delimiter: gen_delimiter(u)?,
        mailbox: gen_mailbox(u)?,
        extended: list(u, 0, 2, gen_list_extended)?,
    })
}

pub(super) fn gen_status_item(u: &mut Unstructured<'_>) -> Result<StatusItem<'static>> {
    Ok(match small(u, 11)? {
        0 => StatusItem::Messages(gen_u32(u)?),
        1 => StatusItem::UidNext(gen_u32(u)?),
        2 => StatusItem::UidValidity(gen_u32(u)?),
        3 => StatusItem::Unseen(gen_u32(u)?),
        4 => StatusItem::Deleted(gen_u32(u)?),
        5 => StatusItem::Size(gen_n64(u)?),
        6 => StatusItem::Recent(gen_u32(u)?),
        7 => StatusItem::HighestModSeq(gen_n64(u)?),
        8 => StatusItem::MailboxId(gen_objectid(u)?),
        9 => StatusItem::DeletedStorage(gen_n64(u)?),
        10 => StatusItem::AppendLimit(if u.arbitrary()? {
            Some(gen_u32(u)?)
        } else {
            None
        }),
        _ => {
            let mut b = b"* STATUS INBOX (".to_vec();
            b.extend_from_slice(name_text(u, &["X-ITEM", "messages"])?.as_bytes());
            b.push(b' ');
            b.extend(raw_value_bytes(u, false)?);
            b.extend_from_slice(b")\r\n");
            via_response(&b, |r| match r {
                Response::Data(Data::Status { mut items, .. }) if items.len() == 1 => {
                    items.pop().map(StatusItem::into_owned)
                }
                _ => None,
            })
            .unwrap_or(StatusItem::Messages(0))
        }
    })
}

pub(super) fn gen_namespace(
    u: &mut Unstructured<'_>,
) -> Result<Option<Vec<NamespaceDescr<'static>>>> {
    Ok(if small(u, 2)? == 0 {
        None
    } else {
        Some(list(u, 0, 2, |u| {
            Ok(NamespaceDescr {
                prefix: gen_istring(u)?,
                delimiter: gen_delimiter(u)?,
                extensions: list(u, 0, 2, |u| {
                    Ok((gen_istring(u)?, list(u, 0, 2, gen_istring)?))
                })?,
            })
        })?)
    })
}

/// Unknown untagged data (only the parser builds these).
pub(super) fn gen_other_data(u: &mut Unstructured<'_>) -> Result<Data<'static>> {
    let mut b = b"* ".to_vec();
    if u.arbitrary()? {
        b.extend_from_slice(gen_u32(u)?.to_string().as_bytes());
        b.push(b' ');
    }
    // Known names too: data whose strict reading fails is kept raw.
    b.extend_from_slice(
        name_text(
            u,
            &["XDATA", "X-FOO", "EXISTS", "FLAGS", "LIST", "ID", "ACL"],
        )?
        .as_bytes(),
    );
    if u.arbitrary()? {
        b.push(b' ');
        for k in 0..small(u, 3)? {
            if k > 0 {
                b.push(b' ');
            }
            b.extend(raw_value_bytes(u, false)?);
        }
    }
    b.extend_from_slice(b"\r\n");
    Ok(via_response(&b, |r| match r {
        Response::Data(d @ Data::Other(_)) => Some(d.into_owned()),
        _ => None,
    })
    .unwrap_or(Data::Exists(0)))
}

pub(super) fn gen_data(u: &mut Unstructured<'_>) -> Result<Data<'static>> {
    Ok(match small(u, 33)? {
        0 => Data::Capability(list(u, 0, 5, gen_capability)?),
        1 => Data::Enabled(list(u, 0, 3, gen_capability)?),
        2 => Data::List(gen_mailbox_list(u)?),
        3 => Data::Lsub(gen_mailbox_list(u)?),
        4 => Data::Status {
            mailbox: gen_mailbox(u)?,
            items: list(u, 0, 4, gen_status_item)?,
        },
        5 => Data::Search {
            numbers: list(u, 0, 5, |u| Ok(gen_nz(u)?.get()))?,
            modseq: if u.arbitrary()? {
                Some(gen_n64(u)?)
            } else {
                None
            },
        },
        6 => Data::ESearch(gen_esearch(u)?),
        7 => Data::Sort {
            numbers: list(u, 0, 5, |u| Ok(gen_nz(u)?.get()))?,
            modseq: if u.arbitrary()? {
                Some(gen_n64(u)?)
            } else {
                None
            },
        },
        8 => Data::Thread(list(u, 0, 3, |u| gen_thread(u, DEPTH / 2))?),
        9 => Data::Flags(list(u, 0, 4, gen_flag)?),
        10 => Data::Exists(gen_u32(u)?),
        11 => Data::Recent(gen_u32(u)?),
        12 => Data::Expunge(gen_nz(u)?),
        13..=16 => Data::Fetch {
            seq: gen_nz(u)?,
            items: list(u, 0, 4, |u| gen_message_data_item(u, DEPTH))?,
        },
        17 => Data::Vanished {
            earlier: u.arbitrary()?,
            uids: gen_uid_set(u)?,
        },
        18 => Data::Namespace {
            personal: gen_namespace(u)?,
            other_users: gen_namespace(u)?,
            shared: gen_namespace(u)?,
        },
        19 => Data::Id(if u.arbitrary()? {
            Some(list(u, 0, 3, |u| Ok((gen_istring(u)?, gen_nstring(u)?)))?)
        } else {
            None
        }),
        20 => Data::Quota {
            root: gen_astring(u)?,
            resources: list(u, 0, 3, |u| {
                Ok(QuotaResource {
                    name: gen_atom(u)?,
                    usage: gen_n64(u)?,
                    limit: gen_n64(u)?,
                })
            })?,
        },
        21 => Data::QuotaRoot {
            mailbox: gen_mailbox(u)?,
            roots: list(u, 0, 3, gen_astring)?,
        },
        22 => Data::Metadata {
            mailbox: gen_mailbox(u)?,
            entries: if u.arbitrary()? {
                MetadataEntries::Values(list(u, 0, 3, |u| {
                    Ok((gen_astring(u)?, gen_metadata_value(u)?))
                })?)
            } else {
                MetadataEntries::List(list(u, 0, 3, gen_astring)?)
            },
        },
        23 => Data::Acl {
            mailbox: gen_mailbox(u)?,
            entries: list(u, 0, 3, |u| Ok((gen_astring(u)?, gen_astring(u)?)))?,
        },
        24 => Data::ListRights {
            mailbox: gen_mailbox(u)?,
            identifier: gen_astring(u)?,
            required: gen_astring(u)?,
            optional: list(u, 0, 3, gen_astring)?,
        },
        25 => Data::MyRights {
            mailbox: gen_mailbox(u)?,
            rights: gen_astring(u)?,
        },
        26 => Data::Xlist(gen_mailbox_list(u)?),
        27 => Data::Language(list1(u, 3, gen_astring)?),
        30 => Data::GenUrlAuth(list1(u, 3, gen_astring)?),
        32 => Data::JmapAccess(gen_astring(u)?),
        31 => Data::UrlFetch(list1(u, 3, super::urlauth::gen_url_fetch_data)?),
        29 => Data::UidFetch {
            uid: gen_nz(u)?,
            items: list(u, 0, 4, |u| gen_message_data_item(u, DEPTH))?,
        },
        28 => Data::Comparator {
            selected: gen_astring(u)?,
            available: list(u, 0, 3, gen_astring)?,
        },
        _ => gen_other_data(u)?,
    })
}

pub(super) fn gen_response(u: &mut Unstructured<'_>) -> Result<Response<'static>> {
    Ok(match small(u, 7)? {
        0 | 1 => Response::Tagged(TaggedStatus {
            tag: gen_tag(u)?,
            state: pick(u, &[State::Ok, State::No, State::Bad, State::Bye])?,
            text: gen_resp_text(u)?,
        }),
        2 => Response::Untagged(UntaggedStatus {
            condition: pick(
                u,
                &[
                    Condition::Ok,
                    Condition::No,
                    Condition::Bad,
                    Condition::PreAuth,
                    Condition::Bye,
                ],
            )?,
            text: gen_resp_text(u)?,
        }),
        3 => Response::Continue(if u.arbitrary()? {
            ContinueRequest::base64(&edge_bytes(u)?)
        } else {
            ContinueRequest {
                text: gen_resp_text(u)?,
            }
        }),
        _ => Response::Data(gen_data(u)?),
    })
}
