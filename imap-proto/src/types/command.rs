//! Client commands (RFC 9051 §6, §9 `command`; RFC 3501 §6; and the
//! commands of the extensions in DESIGN).

use std::borrow::Cow;

use super::capability::Capability;
use super::core::{
    cow_bytes_owned, AString, Atom, Literal, LiteralMode, NString, RawValue, Secret, Tag,
};
use super::data::MetadataValue;
use super::datetime::DateTime;
use super::fetch::FetchArgs;
use super::flag::Flag;
use super::mailbox::{ListMailbox, Mailbox};
use super::multisearch::MultiSearchArgs;
use super::nonempty::NonEmpty;
use super::notify::Notify;
use super::number::Number64;
use super::replace::ReplaceArgs;
use super::search::{SearchArgs, SortArgs, ThreadArgs};
use super::sequence::SequenceSet;
use super::status::StatusAttribute;
use super::urlauth::{ResetKeyTarget, UrlAuthMechanism, UrlFetchArg};
use super::x_command::{OtherArguments, OtherCommandName};

/// `command = tag SP (command-any / command-auth / command-nonauth /
/// command-select) CRLF` (RFC 9051 §9).
///
/// ```
/// use imap_proto::types::{Command, CommandBody, Tag};
/// let c = Command { tag: Tag::try_from("a1").unwrap(), body: CommandBody::Capability };
/// assert_eq!(c.to_bytes(), b"a1 CAPABILITY\r\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command<'a> {
    /// The tag the completion will carry.
    pub tag: Tag<'a>,
    /// What is asked.
    pub body: CommandBody<'a>,
}

/// An extension parameter this crate does not know, kept as received
/// (RFC 4466 `tagged-ext = tagged-ext-label [SP tagged-ext-val]`). Only the
/// parser builds these; build known parameters with their own variants. Its
/// label is never that of a parameter this crate knows in any command
/// (`CONDSTORE`, `USE`, `SUBSCRIBED`, `UNCHANGEDSINCE`...): the parser
/// refuses those where they don't belong, so that a value moved from one
/// command to another still encodes to itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedExtension<'a> {
    pub(crate) name: Atom<'a>,
    pub(crate) value: Option<RawValue<'a>>,
}

impl<'a> TaggedExtension<'a> {
    /// `tagged-ext-label`.
    pub fn name(&self) -> &Atom<'a> {
        &self.name
    }
    /// `tagged-ext-val`, as received.
    pub fn value(&self) -> Option<&RawValue<'a>> {
        self.value.as_ref()
    }
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> TaggedExtension<'static> {
        TaggedExtension {
            name: self.name.into_owned(),
            value: self.value.map(RawValue::into_owned),
        }
    }
}

/// `select-param` (RFC 4466 §2.1, RFC 7162 §3.1.8 and §3.2.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectParam<'a> {
    /// `CONDSTORE`
    CondStore,
    /// `QRESYNC (uidvalidity modseq [known-uids] [seq-match-data])`
    QResync {
        /// The UIDVALIDITY the client knows.
        uid_validity: std::num::NonZeroU32,
        /// The last known mod-sequence (`mod-sequence-value`, at most
        /// 2^63 - 1; 0 is accepted).
        mod_seq: Number64,
        /// `known-uids = sequence-set`.
        known_uids: Option<SequenceSet>,
        /// `seq-match-data = "(" known-sequence-set SP known-uid-set ")"`.
        seq_match: Option<(SequenceSet, SequenceSet)>,
    },
    /// Any other parameter.
    Other(TaggedExtension<'a>),
}

/// `create-param` (RFC 4466 §2.2, RFC 6154 §3 `USE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateParam<'a> {
    /// `"USE" SP "(" [use-attr *(SP use-attr)] ")"`: special-use attributes,
    /// each the atom after its backslash (`Sent` for `\Sent`).
    Use(Vec<Atom<'a>>),
    /// Any other parameter.
    Other(TaggedExtension<'a>),
}

/// `list-select-opt` (RFC 5258 §6, RFC 6154 §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListSelectOption<'a> {
    /// `SUBSCRIBED`
    Subscribed,
    /// `REMOTE`
    Remote,
    /// `RECURSIVEMATCH`
    RecursiveMatch,
    /// `SPECIAL-USE`
    SpecialUse,
    /// `option-extension`
    Other(TaggedExtension<'a>),
}

/// `return-option` (RFC 5258 §6, RFC 5819 §4, RFC 6154 §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListReturnOption<'a> {
    /// `SUBSCRIBED`
    Subscribed,
    /// `CHILDREN`
    Children,
    /// `SPECIAL-USE`
    SpecialUse,
    /// `"STATUS" SP "(" status-att *(SP status-att) ")"` (LIST-STATUS): at
    /// least one item.
    Status(NonEmpty<StatusAttribute>),
    /// `MYRIGHTS` (RFC 8440): a MYRIGHTS response after each LIST one.
    MyRights,
    /// `"METADATA" SP "(" entry *(SP entry) ")"` (RFC 9590): a METADATA
    /// response with these entries after each LIST one.
    Metadata(NonEmpty<AString<'a>>),
    /// `option-extension`
    Other(TaggedExtension<'a>),
}

/// `append-data` (RFC 9051 §9, RFC 3502, RFC 4469, RFC 6855).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendData<'a> {
    /// `literal` or `literal8`: the message.
    Literal(Literal<'a>),
    /// `"UTF8" SP "(" literal8 ")"` (RFC 6855 §4): always sent as
    /// `literal8` (`~{N}`), the only form the grammar has, so no `binary`
    /// flag here. The parser also takes a plain `{N}` literal from a lax
    /// client; it reads as the same value.
    Utf8 {
        /// The message octets.
        data: Cow<'a, [u8]>,
        /// Synchronizing or not.
        mode: LiteralMode,
    },
    /// `"CATENATE" SP "(" cat-part *(SP cat-part) ")"` (RFC 4469): at least
    /// one part.
    Catenate(NonEmpty<CatenatePart<'a>>),
}

/// `cat-part = text-literal / url` (RFC 4469 §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatenatePart<'a> {
    /// `"TEXT" SP literal`
    Text(Literal<'a>),
    /// `"URL" SP astring`
    Url(AString<'a>),
}

/// `append-message = append-opts SP append-data` (RFC 3502 §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendMessage<'a> {
    /// `flag-list`, if given (`()` and absent are kept apart).
    pub flags: Option<Vec<Flag<'a>>>,
    /// `date-time`, if given.
    pub date: Option<DateTime>,
    /// The message, or its parts.
    pub data: AppendData<'a>,
}

/// `store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list /
/// (flag *(SP flag)))` (RFC 9051 §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreAction {
    /// `FLAGS`: replace.
    Replace,
    /// `+FLAGS`: add.
    Add,
    /// `-FLAGS`: remove.
    Remove,
}

/// `store-modifier` (RFC 4466 §2.5, RFC 7162 §3.1.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreModifier<'a> {
    /// `UNCHANGEDSINCE mod-sequence-valzer` (0 to 2^63 - 1).
    UnchangedSince(Number64),
    /// Any other modifier.
    Other(TaggedExtension<'a>),
}

/// The `store-att-flags` of the extensions, stored by
/// [`CommandBody::StoreExt`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreAttExt<'a> {
    /// `["+" / "-"] "X-GM-LABELS" [".SILENT"] SP ...` (Gmail's X-GM-EXT-1).
    GmailLabels(super::gmail::GmailLabelsStore<'a>),
    /// `"ANNOTATION" SP "(" entry-att *(SP entry-att) ")"` (RFC 5257).
    Annotation(NonEmpty<super::annotate::EntryAtt<'a>>),
}

impl StoreAttExt<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> StoreAttExt<'static> {
        match self {
            StoreAttExt::GmailLabels(s) => StoreAttExt::GmailLabels(s.into_owned()),
            StoreAttExt::Annotation(v) => {
                StoreAttExt::Annotation(v.map(super::annotate::EntryAtt::into_owned))
            }
        }
    }
}

/// `getmetadata-option` (RFC 5464 §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GetMetadataOption {
    /// `MAXSIZE number`
    MaxSize(u32),
    /// `DEPTH ("0" / "1" / "infinity")`
    Depth(MetadataDepth),
}

/// The `DEPTH` of GETMETADATA (RFC 5464 §4.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetadataDepth {
    /// `0`
    Zero,
    /// `1`
    One,
    /// `infinity`
    Infinity,
}

/// Every command this crate knows, without its tag.
///
/// `uid: true` stands for the `UID` prefix (RFC 9051 §6.4.9).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommandBody<'a> {
    /// `CAPABILITY`
    Capability,
    /// `LOGOUT`
    Logout,
    /// `NOOP`
    Noop,
    /// `ID (params)` or `ID NIL` (RFC 2971): field-value pairs.
    Id(Option<Vec<(AString<'a>, NString<'a>)>>),
    /// `STARTTLS`
    StartTls,
    /// `AUTHENTICATE auth-type [SP initial-resp]` (RFC 9051, RFC 4959).
    Authenticate {
        /// The SASL mechanism (`PLAIN`...).
        mechanism: Atom<'a>,
        /// The initial response, decoded from BASE64 (SASL-IR); `Some` of
        /// an empty value is sent as `=`.
        initial_response: Option<Secret<Cow<'a, [u8]>>>,
    },
    /// `LOGIN userid SP password`
    Login {
        /// The user name.
        username: AString<'a>,
        /// The password, hidden from `Debug`.
        password: Secret<AString<'a>>,
    },
    /// `ENABLE 1*(SP capability)` (RFC 5161): at least one capability.
    Enable(NonEmpty<Capability<'a>>),
    /// `SELECT mailbox [select-params]`
    Select {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// CONDSTORE, QRESYNC...
        params: Vec<SelectParam<'a>>,
    },
    /// `EXAMINE mailbox [select-params]`
    Examine {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// CONDSTORE, QRESYNC...
        params: Vec<SelectParam<'a>>,
    },
    /// `CREATE mailbox [create-params]`
    Create {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// `USE (...)` and others.
        params: Vec<CreateParam<'a>>,
    },
    /// `DELETE mailbox`
    Delete(Mailbox<'a>),
    /// `RENAME mailbox SP mailbox [rename-params]`
    Rename {
        /// The old name.
        from: Mailbox<'a>,
        /// The new name.
        to: Mailbox<'a>,
        /// `rename-params` (RFC 4466).
        params: Vec<TaggedExtension<'a>>,
    },
    /// `SUBSCRIBE mailbox`
    Subscribe(Mailbox<'a>),
    /// `UNSUBSCRIBE mailbox`
    Unsubscribe(Mailbox<'a>),
    /// `LIST [SP list-select-opts] SP mailbox SP mbox-or-pat [SP
    /// list-return-opts]` (RFC 9051, RFC 5258).
    List {
        /// `list-select-opts`; `Some(vec![])` is `()`.
        selection: Option<Vec<ListSelectOption<'a>>>,
        /// The reference name.
        reference: Mailbox<'a>,
        /// One or more patterns (more than one is sent as `(...)`, RFC 5258
        /// `patterns = "(" list-mailbox *(SP list-mailbox) ")"`).
        patterns: NonEmpty<ListMailbox<'a>>,
        /// `RETURN (...)`; `Some(vec![])` is `RETURN ()`.
        returns: Option<Vec<ListReturnOption<'a>>>,
    },
    /// `LSUB mailbox SP list-mailbox` (RFC 3501)
    Lsub {
        /// The reference name.
        reference: Mailbox<'a>,
        /// The pattern.
        pattern: ListMailbox<'a>,
    },
    /// `NAMESPACE` (RFC 2342)
    Namespace,
    /// `STATUS mailbox SP "(" status-att *(SP status-att) ")"`
    Status {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// The items asked for (at least one).
        items: NonEmpty<StatusAttribute>,
    },
    /// `APPEND mailbox 1*append-message` (RFC 9051, RFC 3502 MULTIAPPEND).
    Append {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// One message, or several (MULTIAPPEND, RFC 3502 `append-message
        /// *(SP append-message)`).
        messages: NonEmpty<AppendMessage<'a>>,
    },
    /// `IDLE` (RFC 2177)
    Idle,
    /// `UNAUTHENTICATE` (RFC 8437)
    Unauthenticate,
    /// `COMPRESS algorithm` (RFC 4978)
    Compress(Atom<'a>),
    /// `GETQUOTA quota-root-name` (RFC 9208)
    GetQuota(AString<'a>),
    /// `GETQUOTAROOT mailbox` (RFC 9208)
    GetQuotaRoot(Mailbox<'a>),
    /// `SETQUOTA quota-root-name SP "(" [resource SP limit *(...)] ")"`
    SetQuota {
        /// The quota root.
        root: AString<'a>,
        /// Resource names (`STORAGE`...) with their new limits
        /// (`resource-limit = number64`).
        limits: Vec<(Atom<'a>, Number64)>,
    },
    /// `GETMETADATA [SP options] SP mailbox SP entries` (RFC 5464)
    GetMetadata {
        /// `MAXSIZE`, `DEPTH`; empty when absent.
        options: Vec<GetMetadataOption>,
        /// The mailbox (`""` for server annotations).
        mailbox: Mailbox<'a>,
        /// One or more entry names (more than one is sent as `(...)`).
        entries: NonEmpty<AString<'a>>,
    },
    /// `SETMETADATA mailbox SP "(" entry SP value *(...) ")"` (RFC 5464)
    SetMetadata {
        /// The mailbox (`""` for server annotations).
        mailbox: Mailbox<'a>,
        /// Entry names with values (NIL removes); at least one.
        entries: NonEmpty<(AString<'a>, MetadataValue<'a>)>,
    },
    /// `SETACL mailbox SP identifier SP mod-rights` (RFC 4314)
    SetAcl {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Whose rights.
        identifier: AString<'a>,
        /// `["+" / "-"] rights`, as an astring.
        rights: AString<'a>,
    },
    /// `DELETEACL mailbox SP identifier` (RFC 4314)
    DeleteAcl {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Whose rights.
        identifier: AString<'a>,
    },
    /// `GETACL mailbox` (RFC 4314)
    GetAcl(Mailbox<'a>),
    /// `LISTRIGHTS mailbox SP identifier` (RFC 4314)
    ListRights {
        /// The mailbox.
        mailbox: Mailbox<'a>,
        /// Whose rights.
        identifier: AString<'a>,
    },
    /// `MYRIGHTS mailbox` (RFC 4314)
    MyRights(Mailbox<'a>),
    /// `CANCELUPDATE 1*(SP quoted)` (RFC 5267 §4.3.5): the tags of the
    /// searches whose updates should stop (at least one).
    CancelUpdate(NonEmpty<Tag<'a>>),
    /// `CHECK` (RFC 3501)
    Check,
    /// `CLOSE`
    Close,
    /// `UNSELECT` (RFC 3691)
    Unselect,
    /// `EXPUNGE`
    Expunge,
    /// `UID EXPUNGE sequence-set` (RFC 4315)
    UidExpunge(SequenceSet),
    /// `[UID] COPY sequence-set SP mailbox`
    Copy {
        /// `UID COPY`.
        uid: bool,
        /// Which messages.
        set: SequenceSet,
        /// Where to.
        mailbox: Mailbox<'a>,
    },
    /// `[UID] MOVE sequence-set SP mailbox` (RFC 6851)
    Move {
        /// `UID MOVE`.
        uid: bool,
        /// Which messages.
        set: SequenceSet,
        /// Where to.
        mailbox: Mailbox<'a>,
    },
    /// `[UID] FETCH ...`
    Fetch {
        /// `UID FETCH`.
        uid: bool,
        /// Set, attributes, modifiers.
        args: FetchArgs<'a>,
    },
    /// `[UID] STORE sequence-set [store-modifiers] SP store-att-flags`
    Store {
        /// `UID STORE`.
        uid: bool,
        /// Which messages.
        set: SequenceSet,
        /// `UNCHANGEDSINCE` and others.
        modifiers: Vec<StoreModifier<'a>>,
        /// Replace, add or remove.
        action: StoreAction,
        /// `.SILENT`: no untagged FETCH in reply.
        silent: bool,
        /// The flags (sent as a `flag-list`).
        flags: Vec<Flag<'a>>,
    },
    /// `[UID] STORE sequence-set [store-modifiers] SP store-att`, the
    /// store items of the extensions (Gmail's `X-GM-LABELS`).
    StoreExt {
        /// `UID STORE`.
        uid: bool,
        /// Which messages.
        set: SequenceSet,
        /// `UNCHANGEDSINCE` and others.
        modifiers: Vec<StoreModifier<'a>>,
        /// What to store.
        att: StoreAttExt<'a>,
    },
    /// `XLIST mailbox SP list-mailbox` (Gmail, deprecated for LIST with
    /// SPECIAL-USE): LIST with Gmail's folder attributes.
    Xlist {
        /// The reference name.
        reference: Mailbox<'a>,
        /// The pattern.
        pattern: ListMailbox<'a>,
    },
    /// `[UID] SEARCH ...`
    Search {
        /// `UID SEARCH`.
        uid: bool,
        /// Return options, charset, criteria.
        args: SearchArgs<'a>,
    },
    /// `[UID] SORT ...` (RFC 5256, RFC 5267)
    Sort {
        /// `UID SORT`.
        uid: bool,
        /// Return options, criteria, charset, search keys.
        args: SortArgs<'a>,
    },
    /// `[UID] THREAD ...` (RFC 5256)
    Thread {
        /// `UID THREAD`.
        uid: bool,
        /// Algorithm, charset, search keys.
        args: ThreadArgs<'a>,
    },
    /// `notify = "NOTIFY" SP (notify-set / notify-none)` (RFC 5465)
    Notify(Notify<'a>),
    /// `[UID] ESEARCH ...` (RFC 7377 MULTISEARCH; `UID ESEARCH` is not
    /// in its grammar but in its §2 example).
    ESearch {
        /// `UID ESEARCH`.
        uid: bool,
        /// Source mailboxes, return options, criteria.
        args: MultiSearchArgs<'a>,
    },
    /// `language-cmd = "LANGUAGE" *(SP lang-range-quoted)` (RFC 5255 §3.5):
    /// the language ranges asked for, in order; none asks for the list.
    Language(Vec<AString<'a>>),
    /// `comparator-cmd = "COMPARATOR" *(SP comp-order-quoted)` (RFC 5255
    /// §4.10): the collations asked for; none asks which is in use.
    Comparator(Vec<AString<'a>>),
    /// `genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)` (RFC 4467):
    /// URLs to authorize, each with its mechanism.
    GenUrlAuth(NonEmpty<(AString<'a>, UrlAuthMechanism<'a>)>),
    /// `resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]` (RFC 4467);
    /// `None` resets every mailbox's keys.
    ResetKey(Option<ResetKeyTarget<'a>>),
    /// `urlfetch = "URLFETCH" 1*(SP url-fetch-arg)` (RFC 4467, RFC 5524).
    UrlFetch(NonEmpty<UrlFetchArg<'a>>),
    /// `GETJMAPACCESS` (RFC 9698): asks for the JMAP session URL.
    GetJmapAccess,
    /// `[UID] REPLACE seq-number SP mailbox append-message` (RFC 8508)
    Replace {
        /// `UID REPLACE`: the number is a UID.
        uid: bool,
        /// The message replaced, the mailbox, the new message.
        args: ReplaceArgs<'a>,
    },
    /// `x-command = "X" atom <experimental command arguments>` (RFC 3501
    /// §9; RFC 9051 §6.5 keeps experimental commands, without the rule),
    /// and any other command name this crate does not
    /// know (iOS Mail's `XAPPLEPUSHSERVICE`...): the name and the raw
    /// arguments, literals included, re-encoded byte for byte.
    ///
    /// A command this crate knows whose arguments break its grammar is an
    /// error, never `Other`; so is `UID` before a command that has no UID
    /// form (`UID XFOO`: RFC 9051 §9 `uid` lists the commands it may
    /// prefix, and an `x-command` is not one of them).
    ///
    /// [`CommandBody::allowed_in`] is `false` for every `Other`: a server
    /// that does not implement the command answers it `BAD` (the recipe is
    /// in [`Server`](crate::server::Server)'s docs); one that does, or a
    /// proxy, reads the name and arguments and goes on. See
    /// [`OtherArguments`] for what the arguments may hold.
    Other {
        /// The command name, as sent.
        name: OtherCommandName<'a>,
        /// Everything after the SP that follows the name, up to the final
        /// CRLF (`None`: no SP, the name ends the line; `Some` of empty
        /// arguments is `NAME SP CRLF`).
        arguments: Option<OtherArguments<'a>>,
    },
}

fn ext_list<'a>(v: Vec<TaggedExtension<'a>>) -> Vec<TaggedExtension<'static>> {
    v.into_iter().map(TaggedExtension::into_owned).collect()
}

fn owned_vec<T, U>(v: Vec<T>, f: impl FnMut(T) -> U) -> Vec<U> {
    v.into_iter().map(f).collect()
}

impl SelectParam<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> SelectParam<'static> {
        match self {
            SelectParam::CondStore => SelectParam::CondStore,
            SelectParam::QResync {
                uid_validity,
                mod_seq,
                known_uids,
                seq_match,
            } => SelectParam::QResync {
                uid_validity,
                mod_seq,
                known_uids,
                seq_match,
            },
            SelectParam::Other(x) => SelectParam::Other(x.into_owned()),
        }
    }
}

impl CreateParam<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> CreateParam<'static> {
        match self {
            CreateParam::Use(v) => CreateParam::Use(owned_vec(v, Atom::into_owned)),
            CreateParam::Other(x) => CreateParam::Other(x.into_owned()),
        }
    }
}

impl ListSelectOption<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ListSelectOption<'static> {
        match self {
            ListSelectOption::Subscribed => ListSelectOption::Subscribed,
            ListSelectOption::Remote => ListSelectOption::Remote,
            ListSelectOption::RecursiveMatch => ListSelectOption::RecursiveMatch,
            ListSelectOption::SpecialUse => ListSelectOption::SpecialUse,
            ListSelectOption::Other(x) => ListSelectOption::Other(x.into_owned()),
        }
    }
}

impl ListReturnOption<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> ListReturnOption<'static> {
        match self {
            ListReturnOption::Subscribed => ListReturnOption::Subscribed,
            ListReturnOption::Children => ListReturnOption::Children,
            ListReturnOption::SpecialUse => ListReturnOption::SpecialUse,
            ListReturnOption::Status(v) => ListReturnOption::Status(v),
            ListReturnOption::MyRights => ListReturnOption::MyRights,
            ListReturnOption::Metadata(v) => ListReturnOption::Metadata(v.map(AString::into_owned)),
            ListReturnOption::Other(x) => ListReturnOption::Other(x.into_owned()),
        }
    }
}

impl AppendMessage<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> AppendMessage<'static> {
        AppendMessage {
            flags: self.flags.map(|f| owned_vec(f, Flag::into_owned)),
            date: self.date,
            data: match self.data {
                AppendData::Literal(l) => AppendData::Literal(l.into_owned()),
                AppendData::Utf8 { data, mode } => AppendData::Utf8 {
                    data: cow_bytes_owned(data),
                    mode,
                },
                AppendData::Catenate(parts) => AppendData::Catenate(parts.map(|p| match p {
                    CatenatePart::Text(l) => CatenatePart::Text(l.into_owned()),
                    CatenatePart::Url(u) => CatenatePart::Url(u.into_owned()),
                })),
            },
        }
    }
}

impl Command<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> Command<'static> {
        Command {
            tag: self.tag.into_owned(),
            body: self.body.into_owned(),
        }
    }
}

impl CommandBody<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> CommandBody<'static> {
        use CommandBody as C;
        let nstr = |n: NString<'_>| n.map(|s| s.into_owned());
        match self {
            C::Capability => C::Capability,
            C::Logout => C::Logout,
            C::Noop => C::Noop,
            C::Id(p) => C::Id(p.map(|v| owned_vec(v, |(k, val)| (k.into_owned(), nstr(val))))),
            C::StartTls => C::StartTls,
            C::Authenticate {
                mechanism,
                initial_response,
            } => C::Authenticate {
                mechanism: mechanism.into_owned(),
                initial_response: initial_response.map(|s| Secret(cow_bytes_owned(s.0))),
            },
            C::Login { username, password } => C::Login {
                username: username.into_owned(),
                password: Secret(password.0.into_owned()),
            },
            C::Enable(v) => C::Enable(v.map(Capability::into_owned)),
            C::Select { mailbox, params } => C::Select {
                mailbox: mailbox.into_owned(),
                params: owned_vec(params, SelectParam::into_owned),
            },
            C::Examine { mailbox, params } => C::Examine {
                mailbox: mailbox.into_owned(),
                params: owned_vec(params, SelectParam::into_owned),
            },
            C::Create { mailbox, params } => C::Create {
                mailbox: mailbox.into_owned(),
                params: owned_vec(params, CreateParam::into_owned),
            },
            C::Delete(m) => C::Delete(m.into_owned()),
            C::Rename { from, to, params } => C::Rename {
                from: from.into_owned(),
                to: to.into_owned(),
                params: ext_list(params),
            },
            C::Subscribe(m) => C::Subscribe(m.into_owned()),
            C::Unsubscribe(m) => C::Unsubscribe(m.into_owned()),
            C::List {
                selection,
                reference,
                patterns,
                returns,
            } => C::List {
                selection: selection.map(|v| owned_vec(v, ListSelectOption::into_owned)),
                reference: reference.into_owned(),
                patterns: patterns.map(ListMailbox::into_owned),
                returns: returns.map(|v| owned_vec(v, ListReturnOption::into_owned)),
            },
            C::Lsub { reference, pattern } => C::Lsub {
                reference: reference.into_owned(),
                pattern: pattern.into_owned(),
            },
            C::Namespace => C::Namespace,
            C::Status { mailbox, items } => C::Status {
                mailbox: mailbox.into_owned(),
                items,
            },
            C::Append { mailbox, messages } => C::Append {
                mailbox: mailbox.into_owned(),
                messages: messages.map(AppendMessage::into_owned),
            },
            C::Idle => C::Idle,
            C::Unauthenticate => C::Unauthenticate,
            C::Compress(a) => C::Compress(a.into_owned()),
            C::GetQuota(r) => C::GetQuota(r.into_owned()),
            C::GetQuotaRoot(m) => C::GetQuotaRoot(m.into_owned()),
            C::SetQuota { root, limits } => C::SetQuota {
                root: root.into_owned(),
                limits: owned_vec(limits, |(a, n)| (a.into_owned(), n)),
            },
            C::GetMetadata {
                options,
                mailbox,
                entries,
            } => C::GetMetadata {
                options,
                mailbox: mailbox.into_owned(),
                entries: entries.map(AString::into_owned),
            },
            C::SetMetadata { mailbox, entries } => C::SetMetadata {
                mailbox: mailbox.into_owned(),
                entries: entries.map(|(k, v)| (k.into_owned(), v.into_owned())),
            },
            C::SetAcl {
                mailbox,
                identifier,
                rights,
            } => C::SetAcl {
                mailbox: mailbox.into_owned(),
                identifier: identifier.into_owned(),
                rights: rights.into_owned(),
            },
            C::DeleteAcl {
                mailbox,
                identifier,
            } => C::DeleteAcl {
                mailbox: mailbox.into_owned(),
                identifier: identifier.into_owned(),
            },
            C::GetAcl(m) => C::GetAcl(m.into_owned()),
            C::ListRights {
                mailbox,
                identifier,
            } => C::ListRights {
                mailbox: mailbox.into_owned(),
                identifier: identifier.into_owned(),
            },
            C::MyRights(m) => C::MyRights(m.into_owned()),
            C::CancelUpdate(tags) => C::CancelUpdate(tags.map(Tag::into_owned)),
            C::Check => C::Check,
            C::Close => C::Close,
            C::Unselect => C::Unselect,
            C::Expunge => C::Expunge,
            C::UidExpunge(s) => C::UidExpunge(s),
            C::Copy { uid, set, mailbox } => C::Copy {
                uid,
                set,
                mailbox: mailbox.into_owned(),
            },
            C::Move { uid, set, mailbox } => C::Move {
                uid,
                set,
                mailbox: mailbox.into_owned(),
            },
            C::Fetch { uid, args } => C::Fetch {
                uid,
                args: args.into_owned(),
            },
            C::Store {
                uid,
                set,
                modifiers,
                action,
                silent,
                flags,
            } => C::Store {
                uid,
                set,
                modifiers: owned_vec(modifiers, |m| match m {
                    StoreModifier::UnchangedSince(n) => StoreModifier::UnchangedSince(n),
                    StoreModifier::Other(x) => StoreModifier::Other(x.into_owned()),
                }),
                action,
                silent,
                flags: owned_vec(flags, Flag::into_owned),
            },
            C::StoreExt {
                uid,
                set,
                modifiers,
                att,
            } => C::StoreExt {
                uid,
                set,
                modifiers: owned_vec(modifiers, |m| match m {
                    StoreModifier::UnchangedSince(n) => StoreModifier::UnchangedSince(n),
                    StoreModifier::Other(x) => StoreModifier::Other(x.into_owned()),
                }),
                att: att.into_owned(),
            },
            C::Xlist { reference, pattern } => C::Xlist {
                reference: reference.into_owned(),
                pattern: pattern.into_owned(),
            },
            C::Search { uid, args } => C::Search {
                uid,
                args: args.into_owned(),
            },
            C::Sort { uid, args } => C::Sort {
                uid,
                args: args.into_owned(),
            },
            C::Thread { uid, args } => C::Thread {
                uid,
                args: args.into_owned(),
            },
            C::Notify(n) => C::Notify(n.into_owned()),
            C::GetJmapAccess => C::GetJmapAccess,
            C::GenUrlAuth(v) => C::GenUrlAuth(v.map(|(u, m)| (u.into_owned(), m.into_owned()))),
            C::ResetKey(t) => C::ResetKey(t.map(ResetKeyTarget::into_owned)),
            C::UrlFetch(v) => C::UrlFetch(v.map(UrlFetchArg::into_owned)),
            C::Language(v) => C::Language(owned_vec(v, AString::into_owned)),
            C::Comparator(v) => C::Comparator(owned_vec(v, AString::into_owned)),
            C::ESearch { uid, args } => C::ESearch {
                uid,
                args: args.into_owned(),
            },
            C::Replace { uid, args } => C::Replace {
                uid,
                args: args.into_owned(),
            },
            C::Other { name, arguments } => C::Other {
                name: name.into_owned(),
                arguments: arguments.map(OtherArguments::into_owned),
            },
        }
    }

    /// The command's name as sent (`"UID FETCH"`, `"SELECT"`...). For
    /// [`CommandBody::Other`], whose name is not known in advance, the
    /// name of its grammar rule, `"x-command"`: its own name is its `name`
    /// field.
    pub fn name(&self) -> &'static str {
        use CommandBody as C;
        match self {
            C::Capability => "CAPABILITY",
            C::Logout => "LOGOUT",
            C::Noop => "NOOP",
            C::Id(_) => "ID",
            C::StartTls => "STARTTLS",
            C::Authenticate { .. } => "AUTHENTICATE",
            C::Login { .. } => "LOGIN",
            C::Enable(_) => "ENABLE",
            C::Select { .. } => "SELECT",
            C::Examine { .. } => "EXAMINE",
            C::Create { .. } => "CREATE",
            C::Delete(_) => "DELETE",
            C::Rename { .. } => "RENAME",
            C::Subscribe(_) => "SUBSCRIBE",
            C::Unsubscribe(_) => "UNSUBSCRIBE",
            C::List { .. } => "LIST",
            C::Lsub { .. } => "LSUB",
            C::Namespace => "NAMESPACE",
            C::Status { .. } => "STATUS",
            C::Append { .. } => "APPEND",
            C::Idle => "IDLE",
            C::Unauthenticate => "UNAUTHENTICATE",
            C::Compress(_) => "COMPRESS",
            C::GetQuota(_) => "GETQUOTA",
            C::GetQuotaRoot(_) => "GETQUOTAROOT",
            C::SetQuota { .. } => "SETQUOTA",
            C::GetMetadata { .. } => "GETMETADATA",
            C::SetMetadata { .. } => "SETMETADATA",
            C::SetAcl { .. } => "SETACL",
            C::DeleteAcl { .. } => "DELETEACL",
            C::GetAcl(_) => "GETACL",
            C::ListRights { .. } => "LISTRIGHTS",
            C::MyRights(_) => "MYRIGHTS",
            C::CancelUpdate(_) => "CANCELUPDATE",
            C::Check => "CHECK",
            C::Close => "CLOSE",
            C::Unselect => "UNSELECT",
            C::Expunge => "EXPUNGE",
            C::UidExpunge(_) => "UID EXPUNGE",
            C::Copy { uid: false, .. } => "COPY",
            C::Copy { uid: true, .. } => "UID COPY",
            C::Move { uid: false, .. } => "MOVE",
            C::Move { uid: true, .. } => "UID MOVE",
            C::Fetch { uid: false, .. } => "FETCH",
            C::Fetch { uid: true, .. } => "UID FETCH",
            C::Store { uid: false, .. } => "STORE",
            C::Store { uid: true, .. } => "UID STORE",
            C::StoreExt { uid: false, .. } => "STORE",
            C::StoreExt { uid: true, .. } => "UID STORE",
            C::Xlist { .. } => "XLIST",
            C::Search { uid: false, .. } => "SEARCH",
            C::Search { uid: true, .. } => "UID SEARCH",
            C::Sort { uid: false, .. } => "SORT",
            C::Sort { uid: true, .. } => "UID SORT",
            C::Thread { uid: false, .. } => "THREAD",
            C::Thread { uid: true, .. } => "UID THREAD",
            C::Notify(_) => "NOTIFY",
            C::GetJmapAccess => "GETJMAPACCESS",
            C::GenUrlAuth(_) => "GENURLAUTH",
            C::ResetKey(_) => "RESETKEY",
            C::UrlFetch(_) => "URLFETCH",
            C::Language(_) => "LANGUAGE",
            C::Comparator(_) => "COMPARATOR",
            C::ESearch { uid: false, .. } => "ESEARCH",
            C::ESearch { uid: true, .. } => "UID ESEARCH",
            C::Replace { uid: false, .. } => "REPLACE",
            C::Replace { uid: true, .. } => "UID REPLACE",
            C::Other { .. } => "x-command",
        }
    }
}
