//! Client commands (RFC 9051 §9 `command`, RFC 3501 §9, and the commands
//! of the extensions in DESIGN). The command name is read once as an atom
//! and dispatched on; nothing is tried twice. A name this crate does not
//! know is an `x-command` ([`x_command`]).

use std::borrow::Cow;

use super::core::{
    astring, at_keyword, atom, atom_bytes, byte, capability, crlf, date_time, flag, flag_list,
    keyword, list_mailbox, literal, mailbox, nstring, number, number64, nz_number, paren_list,
    paren_list1, quoted, raw_value, sequence_set, sp, tag,
};
use super::{
    fail, fetch, i18n, multisearch, notify, replace, search, urlauth, Depth, PResult, ParseLimits,
};
use crate::fast;
use crate::types::{
    AString, AppendData, AppendMessage, Atom, CatenatePart, Command, CommandBody, CreateParam,
    GetMetadataOption, ListReturnOption, ListSelectOption, MetadataDepth, MetadataValue, NonEmpty,
    Secret, SelectParam, StatusAttribute, StoreAction, StoreModifier, Tag, TaggedExtension,
};

/// `command = tag SP (command-any / command-auth / command-nonauth /
/// command-select) CRLF` (RFC 9051 §9).
pub(crate) fn command<'a>(i: &'a [u8], limits: &ParseLimits) -> PResult<'a, Command<'a>> {
    let depth = Depth::new(limits);
    let (i, t) = tag(i)?;
    let (i, ()) = sp(i)?;
    let (i, body) = command_body(i, depth)?;
    let (i, ()) = crlf(i)?;
    Ok((i, Command { tag: t, body }))
}

fn command_body(i: &[u8], depth: Depth) -> PResult<'_, CommandBody<'_>> {
    let start = i;
    let (rest, name) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let Some(up) = fast::upper(name, &mut buf) else {
        // Longer than any name this crate knows.
        return x_command::x_command(name, rest);
    };
    use CommandBody as C;
    let i = rest;
    let done = |b| Ok((i, b));
    match up {
        b"CAPABILITY" => done(C::Capability),
        b"LOGOUT" => done(C::Logout),
        b"NOOP" => done(C::Noop),
        b"STARTTLS" => done(C::StartTls),
        b"NAMESPACE" => done(C::Namespace),
        b"IDLE" => done(C::Idle),
        b"UNAUTHENTICATE" => done(C::Unauthenticate),
        b"CHECK" => done(C::Check),
        b"CLOSE" => done(C::Close),
        b"UNSELECT" => done(C::Unselect),
        b"EXPUNGE" => done(C::Expunge),
        b"ID" => id(i),
        b"AUTHENTICATE" => authenticate(i),
        b"LOGIN" => login(i),
        b"ENABLE" => enable(i),
        b"SELECT" => {
            select(i, depth).map(|(r, (mailbox, params))| (r, C::Select { mailbox, params }))
        }
        b"EXAMINE" => {
            select(i, depth).map(|(r, (mailbox, params))| (r, C::Examine { mailbox, params }))
        }
        b"CREATE" => create(i, depth),
        b"DELETE" => one_mailbox(i).map(|(r, m)| (r, C::Delete(m))),
        b"RENAME" => rename(i, depth),
        b"SUBSCRIBE" => one_mailbox(i).map(|(r, m)| (r, C::Subscribe(m))),
        b"UNSUBSCRIBE" => one_mailbox(i).map(|(r, m)| (r, C::Unsubscribe(m))),
        b"LIST" => list(i, depth),
        b"LSUB" => lsub(i),
        b"XLIST" => super::gmail::xlist(i),
        b"STATUS" => status(i),
        b"APPEND" => append(i),
        b"COMPRESS" => {
            let (i, ()) = sp(i)?;
            atom(i).map(|(r, a)| (r, C::Compress(a)))
        }
        b"GETQUOTA" => {
            let (i, ()) = sp(i)?;
            astring(i).map(|(r, a)| (r, C::GetQuota(a)))
        }
        b"GETQUOTAROOT" => one_mailbox(i).map(|(r, m)| (r, C::GetQuotaRoot(m))),
        b"SETQUOTA" => setquota(i),
        b"GETMETADATA" => getmetadata(i),
        b"SETMETADATA" => setmetadata(i),
        b"SETACL" => {
            let (i, (mailbox, identifier)) = mailbox_identifier(i)?;
            let (i, ()) = sp(i)?;
            let (i, rights) = astring(i)?;
            Ok((
                i,
                C::SetAcl {
                    mailbox,
                    identifier,
                    rights,
                },
            ))
        }
        b"DELETEACL" => mailbox_identifier(i).map(|(r, (mailbox, identifier))| {
            (
                r,
                C::DeleteAcl {
                    mailbox,
                    identifier,
                },
            )
        }),
        b"GETACL" => one_mailbox(i).map(|(r, m)| (r, C::GetAcl(m))),
        b"LISTRIGHTS" => mailbox_identifier(i).map(|(r, (mailbox, identifier))| {
            (
                r,
                C::ListRights {
                    mailbox,
                    identifier,
                },
            )
        }),
        b"MYRIGHTS" => one_mailbox(i).map(|(r, m)| (r, C::MyRights(m))),
        b"CANCELUPDATE" => cancelupdate(i),
        b"NOTIFY" => notify::notify(i),
        b"GETJMAPACCESS" => done(C::GetJmapAccess),
        b"GENURLAUTH" => urlauth::genurlauth(i),
        b"RESETKEY" => urlauth::resetkey(i),
        b"URLFETCH" => urlauth::urlfetch(i),
        b"LANGUAGE" => i18n::language_cmd(i).map(|(r, v)| (r, C::Language(v))),
        b"COMPARATOR" => i18n::comparator_cmd(i).map(|(r, v)| (r, C::Comparator(v))),
        b"UID" => {
            let (i, ()) = sp(i)?;
            uid_command(i, depth, true)
        }
        b"COPY" | b"MOVE" | b"FETCH" | b"STORE" | b"SEARCH" | b"SORT" | b"THREAD" | b"ESEARCH"
        | b"REPLACE" => uid_command(start, depth, false),
        // Keep this dispatch and `types::KNOWN_COMMANDS` the same (a test
        // reads this function to check it).
        _ => x_command::x_command(name, rest),
    }
}

/// `uid = "UID" SP (copy / move / fetch / search / store / uid-expunge)`
/// (RFC 9051 §9), with SORT and THREAD (RFC 5256); with `uid == false`, the
/// same commands without the prefix.
fn uid_command(i: &[u8], depth: Depth, uid: bool) -> PResult<'_, CommandBody<'_>> {
    let start = i;
    let (i, name) = atom_bytes(i)?;
    let mut buf = [0u8; fast::KEYWORD_MAX];
    let Some(up) = fast::upper(name, &mut buf) else {
        return fail(
            start,
            "COPY, MOVE, FETCH, STORE, SEARCH, SORT, THREAD or EXPUNGE",
        );
    };
    use CommandBody as C;
    match up {
        b"COPY" | b"MOVE" => {
            let (i, ()) = sp(i)?;
            let (i, set) = sequence_set(i)?;
            let (i, mailbox) = one_mailbox(i)?;
            Ok((
                i,
                if up == b"COPY" {
                    C::Copy { uid, set, mailbox }
                } else {
                    C::Move { uid, set, mailbox }
                },
            ))
        }
        b"FETCH" => fetch::fetch_args(i, depth).map(|(r, args)| (r, C::Fetch { uid, args })),
        b"SEARCH" => search::search_args(i, depth).map(|(r, args)| (r, C::Search { uid, args })),
        b"SORT" => search::sort_args(i, depth).map(|(r, args)| (r, C::Sort { uid, args })),
        b"THREAD" => search::thread_args(i, depth).map(|(r, args)| (r, C::Thread { uid, args })),
        b"STORE" => store(i, uid, depth),
        b"ESEARCH" => {
            multisearch::esearch_args(i, depth).map(|(r, args)| (r, C::ESearch { uid, args }))
        }
        b"REPLACE" => replace::replace_args(i).map(|(r, args)| (r, C::Replace { uid, args })),
        b"EXPUNGE" if uid => {
            let (i, ()) = sp(i)?;
            sequence_set(i).map(|(r, s)| (r, C::UidExpunge(s)))
        }
        _ => fail(
            start,
            "COPY, MOVE, FETCH, STORE, SEARCH, SORT, THREAD or EXPUNGE after UID",
        ),
    }
}

/// `SP mailbox`.
fn one_mailbox(i: &[u8]) -> PResult<'_, crate::types::Mailbox<'_>> {
    let (i, ()) = sp(i)?;
    mailbox(i)
}

/// `SP mailbox SP identifier`, `identifier = astring` (RFC 4314 §7).
fn mailbox_identifier(i: &[u8]) -> PResult<'_, (crate::types::Mailbox<'_>, AString<'_>)> {
    let (i, m) = one_mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, id) = astring(i)?;
    Ok((i, (m, id)))
}

/// `id = "ID" SP id-params-list`, `id-params-list = "(" *(string SP
/// nstring) ")" / nil` (RFC 2971 §4). Field names are read as astrings,
/// since clients send them unquoted.
fn id(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    if at_keyword(i, b"NIL") {
        return Ok((&i[3..], CommandBody::Id(None)));
    }
    let (i, pairs) = paren_list(i, |i| {
        let (i, k) = astring(i)?;
        let (i, ()) = sp(i)?;
        let (i, v) = nstring(i)?;
        Ok((i, (k, v)))
    })?;
    Ok((i, CommandBody::Id(Some(pairs))))
}

/// `authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]`,
/// `initial-resp = (base64 / "=")` (RFC 9051 §9, RFC 4959 §7).
fn authenticate(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, mechanism) = atom(i)?;
    if i.first() != Some(&b' ')
        || i.iter()
            .position(|&b| b != b' ')
            .is_some_and(|k| i[k] == b'\r')
    {
        return Ok((
            i,
            CommandBody::Authenticate {
                mechanism,
                initial_response: None,
            },
        ));
    }
    let (i, ()) = sp(i)?;
    let n = i
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=')
        .count();
    let text = &i[..n];
    let data = if text == b"=" {
        Vec::new()
    } else {
        match fast::base64_decode(text) {
            Ok(d) if !d.is_empty() => d,
            Ok(_) => return fail(i, "initial-resp (base64 or \"=\")"),
            Err(at) => return fail(&i[at.min(n)..], "base64"),
        }
    };
    Ok((
        &i[n..],
        CommandBody::Authenticate {
            mechanism,
            initial_response: Some(Secret(Cow::Owned(data))),
        },
    ))
}

/// `login = "LOGIN" SP userid SP password`, both `astring` (RFC 9051 §9).
fn login(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, username) = astring(i)?;
    let (i, ()) = sp(i)?;
    let (i, password) = astring(i)?;
    Ok((
        i,
        CommandBody::Login {
            username,
            password: Secret(password),
        },
    ))
}

/// `enable = "ENABLE" 1*(SP capability)` (RFC 5161 §4).
fn enable(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (mut i, c) = capability(i)?;
    let mut caps = NonEmpty::new(c);
    loop {
        if !matches!(i.first(), Some(b' '))
            || matches!(i.iter().find(|&&b| b != b' '), Some(b'\r') | None)
        {
            return Ok((i, CommandBody::Enable(caps)));
        }
        let (r, ()) = sp(i)?;
        let (r, c) = capability(r)?;
        caps.push(c);
        i = r;
    }
}

/// The labels of the command parameters this crate reads into their own
/// variants: SELECT (RFC 7162), CREATE (RFC 6154), LIST selection and
/// return options (RFC 5258, RFC 5819, RFC 6154) and STORE modifiers
/// (RFC 7162). None of them can be a [`TaggedExtension`].
pub(crate) const KNOWN_PARAMETERS: &[&str] = &[
    "CONDSTORE",
    "QRESYNC",
    "USE",
    "SUBSCRIBED",
    "REMOTE",
    "RECURSIVEMATCH",
    "SPECIAL-USE",
    "CHILDREN",
    "STATUS",
    "UNCHANGEDSINCE",
    "MYRIGHTS",
    "METADATA",
];

/// Reads an RFC 4466 `tagged-ext = tagged-ext-label [SP tagged-ext-val]`,
/// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`,
/// `tagged-ext-simple = sequence-set / number / number64`: a value is
/// there when what follows the SP starts like one (a digit, `*`, `$` or
/// `(`); otherwise the SP separates the next label. Doubled spaces
/// (lenient) are looked past the same way, so that the value re-encoded
/// with one SP is read the same.
///
/// `at` is the input at the label. A label this crate knows as a parameter
/// of any command ([`KNOWN_PARAMETERS`]) is refused here, in a command
/// that does not take it: a [`TaggedExtension`] can be moved from one
/// command to another, and one named `CONDSTORE` taken from a RENAME would
/// read back from a SELECT as the known parameter, not as itself.
pub(crate) fn tagged_ext<'a>(
    at: &'a [u8],
    name: Atom<'a>,
    i: &'a [u8],
    depth: Depth,
) -> PResult<'a, TaggedExtension<'a>> {
    if KNOWN_PARAMETERS
        .iter()
        .any(|k| k.eq_ignore_ascii_case(name.as_str()))
    {
        return fail(
            at,
            "a parameter of this command (that one belongs to another)",
        );
    }
    let n = i.iter().take_while(|&&b| b == b' ').count();
    match &i[n..] {
        [c, ..] if n > 0 && (c.is_ascii_digit() || matches!(c, b'*' | b'$' | b'(')) => {
            let (r, v) = raw_value(&i[n..], depth)?;
            Ok((
                r,
                TaggedExtension {
                    name,
                    value: Some(v),
                },
            ))
        }
        _ => Ok((i, TaggedExtension { name, value: None })),
    }
}

/// `select = "SELECT" SP mailbox [select-params]`, `select-params = SP "("
/// select-param *(SP select-param) ")"` (RFC 4466 §2.1), `select-param =
/// "CONDSTORE" / "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP
/// known-uids] [SP seq-match-data] ")"` (RFC 7162 §7).
fn select(
    i: &[u8],
    depth: Depth,
) -> PResult<'_, (crate::types::Mailbox<'_>, Vec<SelectParam<'_>>)> {
    let (i, m) = one_mailbox(i)?;
    match i {
        [b' ', b'(', ..] => {
            let (i, params) = paren_list(&i[1..], |i| select_param(i, depth))?;
            if params.is_empty() {
                return fail(i, "select-param");
            }
            Ok((i, (m, params)))
        }
        _ => Ok((i, (m, Vec::new()))),
    }
}

fn select_param(i: &[u8], depth: Depth) -> PResult<'_, SelectParam<'_>> {
    let (r, name) = atom(i)?;
    if name.as_str().eq_ignore_ascii_case("CONDSTORE") {
        return Ok((r, SelectParam::CondStore));
    }
    if name.as_str().eq_ignore_ascii_case("QRESYNC") {
        let (r, ()) = sp(r)?;
        let (r, ()) = byte(b'(', "\"(\"")(r)?;
        let (r, uid_validity) = nz_number(r)?;
        let (r, ()) = sp(r)?;
        let (r, mod_seq) = number64(r)?;
        let (r, known_uids) = match r {
            [b' ', c, ..] if *c != b'(' => {
                let (r, s) = sequence_set(&r[1..])?;
                (r, Some(s))
            }
            _ => (r, None),
        };
        let (r, seq_match) = match r {
            [b' ', b'(', ..] => {
                let (r, a) = sequence_set(&r[2..])?;
                let (r, ()) = sp(r)?;
                let (r, b) = sequence_set(r)?;
                let (r, ()) = byte(b')', "\")\"")(r)?;
                (r, Some((a, b)))
            }
            _ => (r, None),
        };
        let (r, ()) = byte(b')', "\")\" closing QRESYNC")(r)?;
        return Ok((
            r,
            SelectParam::QResync {
                uid_validity,
                mod_seq,
                known_uids,
                seq_match,
            },
        ));
    }
    tagged_ext(i, name, r, depth).map(|(r, x)| (r, SelectParam::Other(x)))
}

/// `create = "CREATE" SP mailbox [create-params]` (RFC 4466), `create-param
/// =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"` (RFC 6154 §6).
fn create(i: &[u8], depth: Depth) -> PResult<'_, CommandBody<'_>> {
    let (i, mailbox) = one_mailbox(i)?;
    let (i, params) = match i {
        [b' ', b'(', ..] => paren_list(&i[1..], |i| {
            let (r, name) = atom(i)?;
            if name.as_str().eq_ignore_ascii_case("USE") {
                let (r, ()) = sp(r)?;
                let (r, attrs) = paren_list(r, |i| {
                    let (i, ()) = byte(b'\\', "\"\\\" of a use-attr")(i)?;
                    atom(i)
                })?;
                Ok((r, CreateParam::Use(attrs)))
            } else {
                tagged_ext(i, name, r, depth).map(|(r, x)| (r, CreateParam::Other(x)))
            }
        })?,
        _ => (i, Vec::new()),
    };
    Ok((i, CommandBody::Create { mailbox, params }))
}

/// `rename = "RENAME" SP mailbox SP mailbox [rename-params]` (RFC 4466).
fn rename(i: &[u8], depth: Depth) -> PResult<'_, CommandBody<'_>> {
    let (i, from) = one_mailbox(i)?;
    let (i, to) = one_mailbox(i)?;
    let (i, params) = match i {
        [b' ', b'(', ..] => paren_list(&i[1..], |i| {
            let (r, name) = atom(i)?;
            tagged_ext(i, name, r, depth)
        })?,
        _ => (i, Vec::new()),
    };
    Ok((i, CommandBody::Rename { from, to, params }))
}

/// `list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP
/// list-return-opts]`, `mbox-or-pat = list-mailbox / patterns`, `patterns =
/// "(" list-mailbox *(SP list-mailbox) ")"` (RFC 5258 §6, RFC 9051 §9).
fn list(i: &[u8], depth: Depth) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, selection) = if i.first() == Some(&b'(') {
        let (i, v) = paren_list(i, |i| {
            let (r, name) = atom(i)?;
            let s = name.as_str();
            Ok(if s.eq_ignore_ascii_case("SUBSCRIBED") {
                (r, ListSelectOption::Subscribed)
            } else if s.eq_ignore_ascii_case("REMOTE") {
                (r, ListSelectOption::Remote)
            } else if s.eq_ignore_ascii_case("RECURSIVEMATCH") {
                (r, ListSelectOption::RecursiveMatch)
            } else if s.eq_ignore_ascii_case("SPECIAL-USE") {
                (r, ListSelectOption::SpecialUse)
            } else {
                let (r, x) = tagged_ext(i, name, r, depth)?;
                (r, ListSelectOption::Other(x))
            })
        })?;
        let (i, ()) = sp(i)?;
        (i, Some(v))
    } else {
        (i, None)
    };
    let (i, reference) = mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, patterns) = if i.first() == Some(&b'(') {
        paren_list1(i, list_mailbox, "list-mailbox")?
    } else {
        let (r, p) = list_mailbox(i)?;
        (r, NonEmpty::new(p))
    };
    let (i, returns) = match i {
        [b' ', rest @ ..] if at_keyword(rest.trim_ascii_start(), b"RETURN") => {
            let (i, ()) = sp(i)?;
            let (i, ()) = keyword("RETURN")(i)?;
            let (i, ()) = sp(i)?;
            let (i, v) = paren_list(i, |i| list_return_option(i, depth))?;
            (i, Some(v))
        }
        _ => (i, None),
    };
    Ok((
        i,
        CommandBody::List {
            selection,
            reference,
            patterns,
            returns,
        },
    ))
}

/// `return-option = "SUBSCRIBED" / "CHILDREN" / "SPECIAL-USE" / "STATUS" SP
/// "(" status-att *(SP status-att) ")" / option-extension` (RFC 5258,
/// RFC 5819, RFC 6154), with `"MYRIGHTS"` (RFC 8440) and `"METADATA" ...`
/// (RFC 9590) read by `parse::list_ext`.
fn list_return_option(i: &[u8], depth: Depth) -> PResult<'_, ListReturnOption<'_>> {
    let (r, name) = atom(i)?;
    let s = name.as_str();
    let mut buf = [0u8; fast::KEYWORD_MAX];
    if let Some(o) =
        fast::upper(s.as_bytes(), &mut buf).and_then(|up| super::list_ext::return_option(up, r))
    {
        return o;
    }
    Ok(if s.eq_ignore_ascii_case("SUBSCRIBED") {
        (r, ListReturnOption::Subscribed)
    } else if s.eq_ignore_ascii_case("CHILDREN") {
        (r, ListReturnOption::Children)
    } else if s.eq_ignore_ascii_case("SPECIAL-USE") {
        (r, ListReturnOption::SpecialUse)
    } else if s.eq_ignore_ascii_case("STATUS") {
        let (r, ()) = sp(r)?;
        let (r, items) = status_atts(r)?;
        (r, ListReturnOption::Status(items))
    } else {
        let (r, x) = tagged_ext(i, name, r, depth)?;
        (r, ListReturnOption::Other(x))
    })
}

/// `"(" status-att *(SP status-att) ")"` (RFC 9051 §9).
fn status_atts(i: &[u8]) -> PResult<'_, NonEmpty<StatusAttribute>> {
    paren_list1(
        i,
        |i| {
            let (r, a) = atom_bytes(i)?;
            match StatusAttribute::from_name(a) {
                Some(s) => Ok((r, s)),
                None => fail(i, "status-att"),
            }
        },
        "status-att",
    )
}

/// `lsub = "LSUB" SP mailbox SP list-mailbox` (RFC 3501 §9).
fn lsub(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, reference) = one_mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, pattern) = list_mailbox(i)?;
    Ok((i, CommandBody::Lsub { reference, pattern }))
}

/// `status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"`.
fn status(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, mailbox) = one_mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (i, items) = status_atts(i)?;
    Ok((i, CommandBody::Status { mailbox, items }))
}

/// `append = "APPEND" SP mailbox 1*append-message`, `append-message =
/// append-opts SP append-data`, `append-opts = [SP flag-list] [SP
/// date-time] *(SP append-ext)` (RFC 3502 §6, RFC 4466), with `append-data
/// = literal / literal8 / "CATENATE" SP "(" cat-part *(SP cat-part) ")" /
/// "UTF8" SP "(" literal8 ")"` (RFC 4469, RFC 6855). RFC 9051's single
/// `append` is the one-message case.
fn append(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, mailbox) = one_mailbox(i)?;
    let (mut i, m) = append_message(i)?;
    let mut messages = NonEmpty::new(m);
    loop {
        if !matches!(i.first(), Some(b' '))
            || matches!(i.iter().find(|&&b| b != b' '), Some(b'\r') | None)
        {
            return Ok((i, CommandBody::Append { mailbox, messages }));
        }
        let (r, m) = append_message(i)?;
        messages.push(m);
        i = r;
    }
}

pub(crate) fn append_message(i: &[u8]) -> PResult<'_, AppendMessage<'_>> {
    let (mut i, ()) = sp(i)?;
    let mut flags = None;
    let mut date = None;
    if i.first() == Some(&b'(') {
        let (r, f) = flag_list(i)?;
        flags = Some(f);
        i = sp(r)?.0;
    }
    if i.first() == Some(&b'"') {
        let (r, d) = date_time(i)?;
        date = Some(d);
        i = sp(r)?.0;
    }
    let (i, data) = match i.first() {
        Some(b'{' | b'~') => literal(i).map(|(r, l)| (r, AppendData::Literal(l)))?,
        _ if at_keyword(i, b"UTF8") => {
            let (i, ()) = keyword("UTF8")(i)?;
            let (i, ()) = sp(i)?;
            let (i, ()) = byte(b'(', "\"(\"")(i)?;
            // `literal8`; a plain literal (lax) reads as the same value.
            let (i, l) = literal(i)?;
            let (i, ()) = byte(b')', "\")\"")(i)?;
            let (data, mode) = (l.data, l.mode);
            (i, AppendData::Utf8 { data, mode })
        }
        _ if at_keyword(i, b"CATENATE") => {
            let (i, ()) = keyword("CATENATE")(i)?;
            let (i, ()) = sp(i)?;
            let (r, parts) = paren_list1(i, cat_part, "cat-part")?;
            (r, AppendData::Catenate(parts))
        }
        _ => return fail(i, "append-data (a literal, CATENATE or UTF8)"),
    };
    Ok((i, AppendMessage { flags, date, data }))
}

/// `cat-part = text-literal / url`, `text-literal = "TEXT" SP literal`,
/// `url = "URL" SP astring` (RFC 4469 §5).
fn cat_part(i: &[u8]) -> PResult<'_, CatenatePart<'_>> {
    if at_keyword(i, b"TEXT") {
        let (i, ()) = sp(&i[4..])?;
        literal(i).map(|(r, l)| (r, CatenatePart::Text(l)))
    } else if at_keyword(i, b"URL") {
        let (i, ()) = sp(&i[3..])?;
        astring(i).map(|(r, u)| (r, CatenatePart::Url(u)))
    } else {
        fail(i, "TEXT or URL")
    }
}

/// `store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags`,
/// `store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"`
/// (RFC 4466), `store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP
/// (flag-list / (flag *(SP flag)))` (RFC 9051 §9).
fn store(i: &[u8], uid: bool, depth: Depth) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, set) = sequence_set(i)?;
    let (i, ()) = sp(i)?;
    let (i, modifiers) = if i.first() == Some(&b'(') {
        let (r, m) = paren_list(i, |i| {
            let (r, name) = atom(i)?;
            if name.as_str().eq_ignore_ascii_case("UNCHANGEDSINCE") {
                let (r, ()) = sp(r)?;
                let (r, n) = number64(r)?;
                Ok((r, StoreModifier::UnchangedSince(n)))
            } else {
                tagged_ext(i, name, r, depth).map(|(r, x)| (r, StoreModifier::Other(x)))
            }
        })?;
        (sp(r)?.0, m)
    } else {
        (i, Vec::new())
    };
    let (i, action) = match i.first() {
        Some(b'+') => (&i[1..], StoreAction::Add),
        Some(b'-') => (&i[1..], StoreAction::Remove),
        _ => (i, StoreAction::Replace),
    };
    if let Some(r) = store_att_ext(i, action) {
        let (i, att) = r?;
        return Ok((
            i,
            CommandBody::StoreExt {
                uid,
                set,
                modifiers,
                att,
            },
        ));
    }
    let (i, ()) = keyword("FLAGS")(i)?;
    let (i, silent) = if i.len() >= 7 && i[..7].eq_ignore_ascii_case(b".SILENT") {
        (&i[7..], true)
    } else {
        (i, false)
    };
    let (i, ()) = sp(i)?;
    let (i, flags) = if i.first() == Some(&b'(') {
        flag_list(i)?
    } else {
        let (mut i, f) = flag(i)?;
        let mut flags = vec![f];
        while let [b' ', c, ..] = i {
            if *c == b'\r' || *c == b' ' {
                break;
            }
            let (r, f) = flag(&i[1..])?;
            flags.push(f);
            i = r;
        }
        (i, flags)
    };
    Ok((
        i,
        CommandBody::Store {
            uid,
            set,
            modifiers,
            action,
            silent,
            flags,
        },
    ))
}

/// The store items of the extensions, after the sign: `["+" / "-"]
/// "X-GM-LABELS" ...` (Gmail, `parse::gmail`) and `att-annotate` (RFC 5257
/// §5, `parse::annotate`); `None` for FLAGS.
fn store_att_ext(
    i: &[u8],
    action: StoreAction,
) -> Option<PResult<'_, crate::types::StoreAttExt<'_>>> {
    use crate::types::StoreAttExt as X;
    if super::core::starts_with_ci(i, b"X-GM-LABELS") {
        Some(super::gmail::store_labels(&i[11..], action).map(|(r, s)| (r, X::GmailLabels(s))))
    } else if action == StoreAction::Replace && at_keyword(i, b"ANNOTATION") {
        Some(super::annotate::store_att(&i[10..]).map(|(r, v)| (r, X::Annotation(v))))
    } else {
        None
    }
}

/// `cancelupdate = "CANCELUPDATE" 1*(SP quoted)` (RFC 5267 §5), each
/// quoted string the tag of an earlier command.
fn cancelupdate(mut i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let mut tags = Vec::new();
    while let [b' ', ..] = i {
        let r = sp(i)?.0;
        if r.first() != Some(&b'"') {
            break;
        }
        let (r2, q) = quoted(r)?;
        let t = match q {
            Cow::Borrowed(b)
                if fast::is_atom(b) || b.iter().all(|&c| fast::is_tag_char(c)) && !b.is_empty() =>
            {
                Tag::unchecked(std::str::from_utf8(b).unwrap_or_default())
            }
            _ => return fail(r, "the quoted tag of a command"),
        };
        tags.push(t);
        i = r2;
    }
    match NonEmpty::from_vec(tags) {
        Ok(tags) => Ok((i, CommandBody::CancelUpdate(tags))),
        Err(_) => fail(i, "SP and a quoted tag"),
    }
}

/// `setquota = "SETQUOTA" SP quota-root-name SP setquota-list`,
/// `setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"`,
/// `setquota-resource = resource-name SP resource-limit` (RFC 9208 §7).
fn setquota(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, root) = astring(i)?;
    let (i, ()) = sp(i)?;
    let (i, limits) = paren_list(i, |i| {
        let (i, name) = atom(i)?;
        let (i, ()) = sp(i)?;
        let (i, n) = number64(i)?;
        Ok((i, (name, n)))
    })?;
    Ok((i, CommandBody::SetQuota { root, limits }))
}

/// `getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP
/// entries`, `getmetadata-option = "MAXSIZE" SP number / "DEPTH" SP ("0" /
/// "1" / "infinity")`, `entries = entry / "(" entry *(SP entry) ")"`
/// (RFC 5464 §5).
fn getmetadata(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, ()) = sp(i)?;
    let (i, options) = if i.first() == Some(&b'(') {
        let (r, o) = getmetadata_options(i)?;
        (sp(r)?.0, o)
    } else {
        (i, Vec::new())
    };
    let (i, mailbox) = mailbox(i)?;
    let (i, ()) = sp(i)?;
    // Lenient: RFC 5464's own examples put the options after the mailbox
    // (§4.2.1, §4.2.2). An entry name starts with "/", never with MAXSIZE
    // or DEPTH, so the two readings cannot be confused.
    let (i, options) = match i {
        [b'(', rest @ ..]
            if options.is_empty()
                && (at_keyword(rest, b"MAXSIZE") || at_keyword(rest, b"DEPTH")) =>
        {
            let (r, o) = getmetadata_options(i)?;
            (sp(r)?.0, o)
        }
        _ => (i, options),
    };
    let (i, entries) = if i.first() == Some(&b'(') {
        paren_list1(i, astring, "entry")?
    } else {
        // Lenient: RFC 5464 §4.4.1 shows several entries without parentheses.
        let (mut r, e) = astring(i)?;
        let mut entries = NonEmpty::new(e);
        while let [b' ', c, ..] = r {
            if *c == b'\r' || *c == b' ' {
                break;
            }
            let (r2, e) = astring(&r[1..])?;
            entries.push(e);
            r = r2;
        }
        (r, entries)
    };
    Ok((
        i,
        CommandBody::GetMetadata {
            options,
            mailbox,
            entries,
        },
    ))
}

/// `getmetadata-options = "(" getmetadata-option *(SP getmetadata-option)
/// ")"`, `getmetadata-option = "MAXSIZE" SP number / "DEPTH" SP ("0" / "1"
/// / "infinity")` (RFC 5464 §5).
fn getmetadata_options(i: &[u8]) -> PResult<'_, Vec<GetMetadataOption>> {
    paren_list(i, |i| {
        if at_keyword(i, b"MAXSIZE") {
            let (r, ()) = sp(&i[7..])?;
            number(r).map(|(r, n)| (r, GetMetadataOption::MaxSize(n)))
        } else if at_keyword(i, b"DEPTH") {
            let (r, ()) = sp(&i[5..])?;
            let (r2, d) = atom_bytes(r)?;
            let d = match d {
                b"0" => MetadataDepth::Zero,
                b"1" => MetadataDepth::One,
                _ if d.eq_ignore_ascii_case(b"infinity") => MetadataDepth::Infinity,
                _ => return fail(r, "\"0\", \"1\" or \"infinity\""),
            };
            Ok((r2, GetMetadataOption::Depth(d)))
        } else {
            fail(i, "MAXSIZE or DEPTH")
        }
    })
}

/// `setmetadata = "SETMETADATA" SP mailbox SP entry-values`, `entry-values =
/// "(" entry-value *(SP entry-value) ")"`, `entry-value = entry SP value`,
/// `value = nstring / literal8` (RFC 5464 §5).
fn setmetadata(i: &[u8]) -> PResult<'_, CommandBody<'_>> {
    let (i, mailbox) = one_mailbox(i)?;
    let (i, ()) = sp(i)?;
    let (r, entries) = paren_list1(
        i,
        |i| {
            let (i, k) = astring(i)?;
            let (i, ()) = sp(i)?;
            if i.first() == Some(&b'~') {
                let (r, l) = literal(i)?;
                return Ok((r, (k, MetadataValue::Binary(l.data))));
            }
            let (i, v) = nstring(i)?;
            Ok((i, (k, v.map_or(MetadataValue::Nil, MetadataValue::String))))
        },
        "entry-value",
    )?;
    Ok((r, CommandBody::SetMetadata { mailbox, entries }))
}

mod x_command;

#[cfg(test)]
mod tests;
