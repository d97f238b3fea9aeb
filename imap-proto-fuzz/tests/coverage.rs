//! Both generators (the proptest strategies and imap-proto's `arbitrary`
//! impls) produce every variant of the public enums: a sample of values is
//! printed with `Debug` and each variant's name must show up in it.

use arbitrary::{Arbitrary, Unstructured};
use imap_proto::types::{Command, Response};
use imap_proto_fuzz::strategies as st;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// Variant names of the public enums, as `Debug` prints them (followed by
/// `(`, ` {`, `,`, `)`, ` }` or `]`, not inside a longer name).
const COMMAND_VARIANTS: &[&str] = &[
    "Capability",
    "Logout",
    "Noop",
    "Id",
    "StartTls",
    "Authenticate",
    "Login",
    "Enable",
    "Select",
    "Examine",
    "Create",
    "Delete",
    "Rename",
    "Subscribe",
    "Unsubscribe",
    "List",
    "Lsub",
    "Namespace",
    "Status",
    "Append",
    "Idle",
    "Unauthenticate",
    "Compress",
    "GetQuota",
    "GetQuotaRoot",
    "SetQuota",
    "GetMetadata",
    "SetMetadata",
    "SetAcl",
    "DeleteAcl",
    "GetAcl",
    "ListRights",
    "MyRights",
    "CancelUpdate",
    "Check",
    "Close",
    "Unselect",
    "Expunge",
    "UidExpunge",
    "Copy",
    "Move",
    "Fetch",
    "Store",
    "Search",
    "Sort",
    "Thread",
    "StoreExt",
    "Xlist",
    "Notify",
    "ESearch",
    "UpdateFetch",
    "Language",
    "Comparator",
    "GenUrlAuth",
    "GetJmapAccess",
    "ResetKey",
    "UrlFetch",
    "OtherCommandName",
    "OtherArguments",
    // nested
    "CondStore",
    "QResync",
    "Use",
    "Subscribed",
    "Remote",
    "RecursiveMatch",
    "SpecialUse",
    "Children",
    "Utf8",
    "Catenate",
    "Text",
    "Url",
    "UnchangedSince",
    "MaxSize",
    "Depth",
    "Replace",
    "Add",
    "Remove",
    "Saved",
    "Largest",
    "Range",
    "Single",
    // search keys
    "All",
    "Answered",
    "Bcc",
    "Before",
    "Body",
    "Cc",
    "Deleted",
    "Draft",
    "Flagged",
    "From",
    "Header",
    "Keyword",
    "Larger",
    "New",
    "Not",
    "Old",
    "On",
    "Or",
    "Recent",
    "Seen",
    "SentBefore",
    "SentOn",
    "SentSince",
    "Since",
    "Smaller",
    "Subject",
    "To",
    "Uid",
    "Unanswered",
    "Undeleted",
    "Undraft",
    "Unflagged",
    "Unkeyword",
    "Unseen",
    "SequenceSet",
    "Group",
    "ModSeq",
    "Older",
    "Younger",
    "SavedBefore",
    "SavedOn",
    "SavedSince",
    "SaveDateSupported",
    "EmailId",
    "ThreadId",
    // Gmail (X-GM-EXT-1)
    "Gmail",
    "Raw",
    "MsgId",
    "ThrId",
    "Labels",
    "System",
    "Name",
    "GmailLabels",
    // FUZZY (RFC 6203)
    "Fuzzy",
    "Relevancy",
    // LIST-MYRIGHTS (RFC 8440), LIST-METADATA (RFC 9590)
    "MyRights",
    "Metadata",
    // FILTERS (RFC 5466)
    "Filter",
    // ANNOTATE (RFC 5257)
    "Annotation",
    "Value",
    "ValuePriv",
    "ValueShared",
    "Min",
    "Max",
    "Count",
    "Save",
    "Context",
    "Update",
    "Partial",
    "First",
    "Last",
    "Arrival",
    "Date",
    "Size",
    "DisplayFrom",
    "DisplayTo",
    "OrderedSubject",
    "References",
    "Refs",
    // fetch
    "Envelope",
    "Flags",
    "InternalDate",
    "Rfc822",
    "Rfc822Header",
    "Rfc822Size",
    "Rfc822Text",
    "BodyStructure",
    "BodySection",
    "Binary",
    "BinarySize",
    "SaveDate",
    "Preview",
    "Snippet",
    "Fast",
    "Full",
    "ChangedSince",
    "Vanished",
    "Message",
    "Part",
    "HeaderFields",
    "HeaderFieldsNot",
    "Mime",
    "Msgtext",
    "Other",
    "BracketKeyword",
];

const RESPONSE_VARIANTS: &[&str] = &[
    "Tagged",
    "Untagged",
    "Data",
    "Continue",
    "Ok",
    "No",
    "Bad",
    "PreAuth",
    "Bye",
    // codes
    "Alert",
    "BadCharset",
    "Capability",
    "Parse",
    "PermanentFlags",
    "ReadOnly",
    "ReadWrite",
    "TryCreate",
    "UidNext",
    "UidValidity",
    "Unseen",
    "AppendUid",
    "CopyUid",
    "UidNotSticky",
    "Unavailable",
    "AuthenticationFailed",
    "AuthorizationFailed",
    "Expired",
    "PrivacyRequired",
    "ContactAdmin",
    "NoPerm",
    "InUse",
    "ExpungeIssued",
    "Corruption",
    "ServerBug",
    "ClientBug",
    "Cannot",
    "Limit",
    "OverQuota",
    "AlreadyExists",
    "NonExistent",
    "NotSaved",
    "HasChildren",
    "Closed",
    "UnknownCte",
    "Referral",
    "HighestModSeq",
    "NoModSeq",
    "Modified",
    "CompressionActive",
    "Metadata",
    "LongEntries",
    "MaxSize",
    "TooMany",
    "NoPrivate",
    "MailboxId",
    "BadUrl",
    "TooBig",
    "NotificationOverflow",
    "BadEvent",
    "UidRequired",
    "BadComparator",
    "Language",
    "Comparator",
    "UidFetch",
    "SaveLimit",
    "JmapAccess",
    "InProgress",
    "MessageLimit",
    "GenUrlAuth",
    "UrlFetch",
    "UrlMech",
    "Simple",
    "Metadata",
    "BodyPartStructure",
    "Binary",
    "NotifyEventExt",
    "Any",
    // data
    "Enabled",
    "List",
    "Lsub",
    "Status",
    "Search",
    "ESearch",
    "Sort",
    "Thread",
    "Flags",
    "Exists",
    "Recent",
    "Expunge",
    "Fetch",
    "Vanished",
    "Namespace",
    "Id",
    "Quota",
    "QuotaRoot",
    "Acl",
    "ListRights",
    "MyRights",
    "Values",
    "Nil",
    "String",
    "ChildInfo",
    "OldName",
    "Messages",
    "Deleted",
    "Size",
    "DeletedStorage",
    "AppendLimit",
    "AddTo",
    "RemoveFrom",
    "Count",
    "Min",
    "Max",
    "All",
    "ModSeq",
    "Partial",
    // fetch items and bodies
    "Envelope",
    "InternalDate",
    "Rfc822Size",
    "Rfc822",
    "Rfc822Header",
    "Rfc822Text",
    "Body",
    "BodyStructure",
    "BodySection",
    "Binary",
    "BinarySize",
    "Uid",
    "EmailId",
    "ThreadId",
    "SaveDate",
    "Preview",
    "Snippet",
    "Malformed",
    "Single",
    "Multi",
    "Basic",
    "Text",
    "Message",
    "Global",
    "NString",
    "Number",
    "Other",
    "Extension",
    "BracketKeyword",
    "NoSelect",
    "HasNoChildren",
    // Gmail (X-GM-EXT-1, XLIST)
    "Xlist",
    "Gmail",
    "MsgId",
    "ThrId",
    "Labels",
    "System",
    "Name",
    "Important",
    "Inbox",
    "AllMail",
    "Spam",
    "Starred",
    "GmailExt1",
    // FUZZY (RFC 6203)
    "Relevancy",
    "SearchFuzzy",
    "ListMyRights",
    "ListMetadata",
    "Filters",
    // ANNOTATE (RFC 5257)
    "Annotation",
    "Values",
    "Entries",
    "AnnotateExperiment1",
    "Annotate",
    "Annotations",
    "UndefinedFilter",
];

fn missing(debug: &str, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .filter(|n| {
            !["(", " {", ",", ")", " }", "]"]
                .iter()
                .any(|end| debug.contains(&format!("{n}{end}")))
        })
        .map(|n| n.to_string())
        .collect()
}

fn sample<T: std::fmt::Debug>(s: impl Strategy<Value = T>, n: usize) -> String {
    let mut runner = TestRunner::deterministic();
    let mut out = String::new();
    for _ in 0..n {
        let v = s.new_tree(&mut runner).expect("a value").current();
        out.push_str(&format!("{v:?}\n"));
    }
    out
}

fn arbitrary_sample(n: usize, show: impl Fn(&mut Unstructured<'_>) -> Option<String>) -> String {
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut out = String::new();
    for _ in 0..n {
        let len = 64 + (s % 1500) as usize;
        let data: Vec<u8> = (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                s as u8
            })
            .collect();
        if let Some(v) = show(&mut Unstructured::new(&data)) {
            out.push_str(&v);
            out.push('\n');
        }
    }
    out
}

#[test]
fn strategies_cover_every_command_variant() {
    let m = missing(&sample(st::command(), 6000), COMMAND_VARIANTS);
    assert!(m.is_empty(), "never generated: {m:?}");
}

#[test]
fn strategies_cover_every_response_variant() {
    let m = missing(&sample(st::response(), 8000), RESPONSE_VARIANTS);
    assert!(m.is_empty(), "never generated: {m:?}");
}

#[test]
fn arbitrary_covers_every_command_variant() {
    let m = missing(
        &arbitrary_sample(9000, |u| {
            Command::arbitrary(u).ok().map(|v| format!("{v:?}"))
        }),
        COMMAND_VARIANTS,
    );
    assert!(m.is_empty(), "never generated: {m:?}");
}

#[test]
fn arbitrary_covers_every_response_variant() {
    let m = missing(
        &arbitrary_sample(12000, |u| {
            Response::arbitrary(u).ok().map(|v| format!("{v:?}"))
        }),
        RESPONSE_VARIANTS,
    );
    assert!(m.is_empty(), "never generated: {m:?}");
}

/// The nested variants of NOTIFY, MULTISEARCH, REPLACE and URLAUTH, from
/// their own generators (in a sample of whole commands they are too rare to
/// show up reliably).
const EXT_A_VARIANTS: &[&str] = &[
    "Set",
    "None",
    "Selected",
    "SelectedDelayed",
    "Inboxes",
    "Personal",
    "Subscribed",
    "Subtree",
    "SubtreeOne",
    "Mailboxes",
    "MessageNew",
    "MessageExpunge",
    "FlagChange",
    "AnnotationChange",
    "MailboxName",
    "SubscriptionChange",
    "MailboxMetadataChange",
    "ServerMetadataChange",
    "NotifyEventExt",
    "ESearchSource",
    "ReplaceArgs",
    "ResetKeyTarget",
    "UrlFetchArg",
    "UrlFetchParamExt",
    "Body",
    "Binary",
    "BodyPartStructure",
];

#[test]
fn strategies_cover_ext_a_variants() {
    let mut all = sample(st::notify(), 300);
    all.push_str(&sample(st::multisearch_args(), 100));
    all.push_str(&sample(st::replace_args(), 50));
    all.push_str(&sample(st::urlauth_command(), 300));
    let m = missing(&all, EXT_A_VARIANTS);
    assert!(m.is_empty(), "never generated: {m:?}");
}

#[test]
fn arbitrary_covers_ext_a_variants() {
    use imap_proto::types::{MultiSearchArgs, Notify, ReplaceArgs, ResetKeyTarget, UrlFetchArg};
    let mut all = arbitrary_sample(400, |u| Notify::arbitrary(u).ok().map(|v| format!("{v:?}")));
    all.push_str(&arbitrary_sample(100, |u| {
        MultiSearchArgs::arbitrary(u).ok().map(|v| format!("{v:?}"))
    }));
    all.push_str(&arbitrary_sample(50, |u| {
        ReplaceArgs::arbitrary(u).ok().map(|v| format!("{v:?}"))
    }));
    all.push_str(&arbitrary_sample(100, |u| {
        ResetKeyTarget::arbitrary(u).ok().map(|v| format!("{v:?}"))
    }));
    all.push_str(&arbitrary_sample(300, |u| {
        UrlFetchArg::arbitrary(u).ok().map(|v| format!("{v:?}"))
    }));
    let m = missing(&all, EXT_A_VARIANTS);
    assert!(m.is_empty(), "never generated: {m:?}");
}
