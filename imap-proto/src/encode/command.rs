//! Client commands to bytes, strictly to RFC 9051 §9 and the extension
//! grammars: single spaces, upper-case keywords, the cheapest string forms.

use super::core::flag_list;
use super::{Encode, EncodeOptions, Encoded, Encoder};
use crate::fast;
use crate::types::{
    AppendData, AppendMessage, CatenatePart, Command, CommandBody, CreateParam, GetMetadataOption,
    ListReturnOption, ListSelectOption, LiteralMode, MetadataDepth, MetadataValue, OtherArguments,
    OtherPart, SelectParam, StatusAttribute, StoreAction, StoreModifier, TaggedExtension,
};

impl Command<'_> {
    /// The command as a client sends it, in fragments (a client stops
    /// before each synchronizing literal until the server's `+`).
    ///
    /// ```
    /// use imap_proto::encode::{EncodeOptions, Fragment};
    /// use imap_proto::parse_command;
    /// let (c, _) = parse_command(b"A1 LOGIN {5+}\r\nfr\"ed pw\r\n").unwrap();
    /// let e = c.encode(EncodeOptions::default());
    /// assert_eq!(e.as_bytes(), b"A1 LOGIN \"fr\\\"ed\" pw\r\n");
    /// assert_eq!(e.fragments().count(), 1);
    /// ```
    pub fn encode(&self, opts: EncodeOptions) -> Encoded {
        let mut e = Encoder::client(opts);
        self.tag.encode(&mut e);
        e.sp();
        self.body.encode(&mut e);
        e.finish()
    }

    /// All bytes of the command, as the peer receives them, for a server
    /// that has not advertised LITERAL+ or LITERAL-.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode(EncodeOptions::default()).into_vec()
    }
}

impl Encode for TaggedExtension<'_> {
    fn encode(&self, e: &mut Encoder) {
        self.name().encode(e);
        if let Some(v) = self.value() {
            e.sp();
            v.encode(e);
        }
    }
}

fn status_atts(e: &mut Encoder, items: &[StatusAttribute]) {
    e.paren_list(items, |e, s| e.raw(s.name().as_bytes()));
}

impl Encode for StoreModifier<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            StoreModifier::UnchangedSince(n) => {
                e.raw(b"UNCHANGEDSINCE ");
                e.number64(*n);
            }
            StoreModifier::Other(x) => x.encode(e),
        }
    }
}

impl Encode for SelectParam<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            SelectParam::CondStore => e.raw(b"CONDSTORE"),
            SelectParam::QResync {
                uid_validity,
                mod_seq,
                known_uids,
                seq_match,
            } => {
                e.raw(b"QRESYNC (");
                e.number(u64::from(uid_validity.get()));
                e.sp();
                e.number64(*mod_seq);
                if let Some(k) = known_uids {
                    e.sp();
                    k.encode(e);
                }
                if let Some((a, b)) = seq_match {
                    e.raw(b" (");
                    a.encode(e);
                    e.sp();
                    b.encode(e);
                    e.byte(b')');
                }
                e.byte(b')');
            }
            SelectParam::Other(x) => x.encode(e),
        }
    }
}

impl Encode for CreateParam<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            CreateParam::Use(attrs) => {
                e.raw(b"USE ");
                e.paren_list(attrs, |e, a| {
                    e.byte(b'\\');
                    a.encode(e);
                });
            }
            CreateParam::Other(x) => x.encode(e),
        }
    }
}

impl Encode for ListSelectOption<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            ListSelectOption::Subscribed => e.raw(b"SUBSCRIBED"),
            ListSelectOption::Remote => e.raw(b"REMOTE"),
            ListSelectOption::RecursiveMatch => e.raw(b"RECURSIVEMATCH"),
            ListSelectOption::SpecialUse => e.raw(b"SPECIAL-USE"),
            ListSelectOption::Other(x) => x.encode(e),
        }
    }
}

impl Encode for ListReturnOption<'_> {
    fn encode(&self, e: &mut Encoder) {
        match self {
            ListReturnOption::Subscribed => e.raw(b"SUBSCRIBED"),
            ListReturnOption::Children => e.raw(b"CHILDREN"),
            ListReturnOption::SpecialUse => e.raw(b"SPECIAL-USE"),
            ListReturnOption::Status(items) => {
                e.raw(b"STATUS ");
                status_atts(e, items);
            }
            ListReturnOption::MyRights => e.raw(b"MYRIGHTS"),
            ListReturnOption::Metadata(entries) => {
                e.raw(b"METADATA ");
                e.paren_list(entries, |e, s| s.encode(e));
            }
            ListReturnOption::Other(x) => x.encode(e),
        }
    }
}

impl Encode for AppendMessage<'_> {
    /// `append-message`, with its leading SP.
    fn encode(&self, e: &mut Encoder) {
        if let Some(f) = &self.flags {
            e.sp();
            flag_list(e, f);
        }
        if let Some(d) = &self.date {
            e.sp();
            d.encode(e);
        }
        e.sp();
        match &self.data {
            AppendData::Literal(l) => l.encode(e),
            AppendData::Utf8 { data, mode } => {
                e.raw(b"UTF8 (");
                e.literal(data, true, Some(*mode));
                e.byte(b')');
            }
            AppendData::Catenate(parts) => {
                e.raw(b"CATENATE ");
                e.paren_list(parts, |e, p| match p {
                    CatenatePart::Text(l) => {
                        e.raw(b"TEXT ");
                        l.encode(e);
                    }
                    CatenatePart::Url(u) => {
                        e.raw(b"URL ");
                        u.encode(e);
                    }
                });
            }
        }
    }
}

impl Encode for CommandBody<'_> {
    fn encode(&self, e: &mut Encoder) {
        use CommandBody as C;
        match self {
            C::Other { name, .. } => e.raw(name.as_str().as_bytes()),
            _ => e.raw(self.name().as_bytes()),
        }
        match self {
            C::Capability
            | C::Logout
            | C::Noop
            | C::StartTls
            | C::Namespace
            | C::Idle
            | C::Unauthenticate
            | C::Check
            | C::Close
            | C::Unselect
            | C::Expunge
            | C::GetJmapAccess => {}
            C::Id(None) => e.raw(b" NIL"),
            C::Id(Some(pairs)) => {
                e.sp();
                e.paren_list(pairs, |e, (k, v)| {
                    // RFC 2971 field names are `string`: never an atom.
                    e.string(k.as_bytes());
                    e.sp();
                    v.encode(e);
                });
            }
            C::Authenticate {
                mechanism,
                initial_response,
            } => {
                e.sp();
                mechanism.encode(e);
                if let Some(ir) = initial_response {
                    e.sp();
                    if ir.0.is_empty() {
                        e.byte(b'=');
                    } else {
                        e.raw(fast::base64_encode(&ir.0).as_bytes());
                    }
                }
            }
            C::Login { username, password } => {
                e.sp();
                username.encode(e);
                e.sp();
                password.0.encode(e);
            }
            C::Enable(caps) => {
                for c in caps {
                    e.sp();
                    c.encode(e);
                }
            }
            C::Select { mailbox, params } | C::Examine { mailbox, params } => {
                e.sp();
                mailbox.encode(e);
                if !params.is_empty() {
                    e.sp();
                    e.paren_list(params, |e, p| p.encode(e));
                }
            }
            C::Create { mailbox, params } => {
                e.sp();
                mailbox.encode(e);
                if !params.is_empty() {
                    e.sp();
                    e.paren_list(params, |e, p| p.encode(e));
                }
            }
            C::Rename { from, to, params } => {
                e.sp();
                from.encode(e);
                e.sp();
                to.encode(e);
                if !params.is_empty() {
                    e.sp();
                    e.paren_list(params, |e, p| p.encode(e));
                }
            }
            C::Delete(m)
            | C::Subscribe(m)
            | C::Unsubscribe(m)
            | C::GetQuotaRoot(m)
            | C::GetAcl(m)
            | C::MyRights(m) => {
                e.sp();
                m.encode(e);
            }
            C::List {
                selection,
                reference,
                patterns,
                returns,
            } => {
                if let Some(sel) = selection {
                    e.sp();
                    e.paren_list(sel, |e, o| o.encode(e));
                }
                e.sp();
                reference.encode(e);
                e.sp();
                match patterns.as_slice() {
                    [one] => one.encode(e),
                    many => e.paren_list(many, |e, p| p.encode(e)),
                }
                if let Some(r) = returns {
                    e.raw(b" RETURN ");
                    e.paren_list(r, |e, o| o.encode(e));
                }
            }
            C::Lsub { reference, pattern } | C::Xlist { reference, pattern } => {
                e.sp();
                reference.encode(e);
                e.sp();
                pattern.encode(e);
            }
            C::Status { mailbox, items } => {
                e.sp();
                mailbox.encode(e);
                e.sp();
                status_atts(e, items);
            }
            C::Append { mailbox, messages } => {
                e.sp();
                mailbox.encode(e);
                for m in messages {
                    m.encode(e);
                }
            }
            C::Compress(a) => {
                e.sp();
                a.encode(e);
            }
            C::GetQuota(root) => {
                e.sp();
                root.encode(e);
            }
            C::SetQuota { root, limits } => {
                e.sp();
                root.encode(e);
                e.sp();
                e.paren_list(limits, |e, (name, n)| {
                    name.encode(e);
                    e.sp();
                    e.number64(*n);
                });
            }
            C::GetMetadata {
                options,
                mailbox,
                entries,
            } => {
                if !options.is_empty() {
                    e.sp();
                    e.paren_list(options, |e, o| match o {
                        GetMetadataOption::MaxSize(n) => {
                            e.raw(b"MAXSIZE ");
                            e.number(u64::from(*n));
                        }
                        GetMetadataOption::Depth(d) => e.raw(match d {
                            MetadataDepth::Zero => b"DEPTH 0",
                            MetadataDepth::One => b"DEPTH 1",
                            MetadataDepth::Infinity => b"DEPTH infinity",
                        }),
                    });
                }
                e.sp();
                mailbox.encode(e);
                e.sp();
                match entries.as_slice() {
                    [one] => one.encode(e),
                    many => e.paren_list(many, |e, x| x.encode(e)),
                }
            }
            C::SetMetadata { mailbox, entries } => {
                e.sp();
                mailbox.encode(e);
                e.sp();
                e.paren_list(entries, |e, (k, v)| {
                    k.encode(e);
                    e.sp();
                    match v {
                        MetadataValue::Nil => e.raw(b"NIL"),
                        MetadataValue::String(s) => s.encode(e),
                        MetadataValue::Binary(b) => e.literal(b, true, None),
                    }
                });
            }
            C::SetAcl {
                mailbox,
                identifier,
                rights,
            } => {
                e.sp();
                mailbox.encode(e);
                e.sp();
                identifier.encode(e);
                e.sp();
                rights.encode(e);
            }
            C::DeleteAcl {
                mailbox,
                identifier,
            }
            | C::ListRights {
                mailbox,
                identifier,
            } => {
                e.sp();
                mailbox.encode(e);
                e.sp();
                identifier.encode(e);
            }
            C::CancelUpdate(tags) => {
                for t in tags {
                    e.sp();
                    e.quoted(t.as_str().as_bytes());
                }
            }
            C::UidExpunge(set) => {
                e.sp();
                set.encode(e);
            }
            C::Copy { set, mailbox, .. } | C::Move { set, mailbox, .. } => {
                e.sp();
                set.encode(e);
                e.sp();
                mailbox.encode(e);
            }
            C::Fetch { args, .. } => args.encode(e),
            C::Store {
                set,
                modifiers,
                action,
                silent,
                flags,
                ..
            } => {
                e.sp();
                set.encode(e);
                e.sp();
                if !modifiers.is_empty() {
                    e.paren_list(modifiers, |e, m| m.encode(e));
                    e.sp();
                }
                e.raw(match action {
                    StoreAction::Replace => b"FLAGS",
                    StoreAction::Add => b"+FLAGS",
                    StoreAction::Remove => b"-FLAGS",
                });
                if *silent {
                    e.raw(b".SILENT");
                }
                e.sp();
                flag_list(e, flags);
            }
            C::StoreExt {
                set,
                modifiers,
                att,
                ..
            } => {
                e.sp();
                set.encode(e);
                e.sp();
                if !modifiers.is_empty() {
                    e.paren_list(modifiers, |e, m| m.encode(e));
                    e.sp();
                }
                match att {
                    crate::types::StoreAttExt::GmailLabels(s) => s.encode(e),
                    crate::types::StoreAttExt::Annotation(v) => super::annotate::att_annotate(e, v),
                }
            }
            C::Search { args, .. } => args.encode(e),
            C::Sort { args, .. } => args.encode(e),
            C::Thread { args, .. } => args.encode(e),
            C::Notify(n) => n.encode(e),
            C::GenUrlAuth(v) => super::urlauth::genurlauth(e, v.as_slice()),
            C::ResetKey(t) => super::urlauth::resetkey(e, t),
            C::UrlFetch(v) => {
                for a in v {
                    e.sp();
                    a.encode(e);
                }
            }
            C::Other { arguments, .. } => {
                if let Some(a) = arguments {
                    e.sp();
                    a.encode(e);
                }
            }
            C::Language(v) | C::Comparator(v) => super::i18n::sp_astrings(e, v),
            C::ESearch { args, .. } => args.encode(e),
            C::Replace { args, .. } => args.encode(e),
        }
    }
}

/// Byte for byte, each literal its own fragment. The one change: for a
/// [`Client`](crate::client::Client) (`downgrade_non_sync`), a `{N+}` the
/// server has not allowed goes out as `{N}` and waits for `+`.
impl Encode for OtherArguments<'_> {
    fn encode(&self, e: &mut Encoder) {
        // The text before a literal ends with the literal's header.
        let mut pending: Option<&[u8]> = None;
        for part in self.parts() {
            match part {
                OtherPart::Text(t) => {
                    if let Some(p) = pending.replace(t) {
                        e.raw(p);
                    }
                }
                OtherPart::Literal { data, mode, .. } => {
                    let head = pending.take().unwrap_or_default();
                    let allowed = e.opts.literal_plus
                        || (e.opts.literal_minus && data.len() <= super::LITERAL_MINUS_MAX);
                    let mode = match head.strip_suffix(b"+}") {
                        Some(h) if e.opts.downgrade_non_sync && !allowed => {
                            // `{N+}` less its `+`.
                            e.raw(h);
                            e.byte(b'}');
                            LiteralMode::Sync
                        }
                        _ => {
                            e.raw(head);
                            mode
                        }
                    };
                    e.raw(b"\r\n");
                    e.literal_octets(data, mode);
                }
            }
        }
        if let Some(p) = pending {
            e.raw(p);
        }
    }
}
