//! The `Arbitrary` impls: one per public type, each a call of its
//! generator (`arbitrary_via!`), plus the hand-written ones for
//! [`StatusAttribute`], [`NonEmpty`] and [`Secret`].

use ::arbitrary::{Arbitrary, Result, Unstructured};

use super::body::*;
use super::command::*;
use super::fetch::*;
use super::notify::*;
use super::other::*;
use super::raw::*;
use super::response::*;
use super::search::*;
use super::urlauth::*;
// The shared helpers and core values, and `crate::types`.
use super::*;

macro_rules! arbitrary_via {
    ($($ty:ty => $f:expr;)*) => {
        $(
            impl<'a> Arbitrary<'a> for $ty {
                fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                    $f(u)
                }
            }
        )*
    };
}

arbitrary_via! {
    Notify<'a> => gen_notify;
    EventGroup<'a> => gen_event_group;
    FilterMailboxes<'a> => gen_filter_mailboxes;
    NotifyEvent<'a> => gen_notify_event;
    NotifyEventName<'a> => gen_notify_event_name;
    NotifyEventExt<'a> => gen_notify_event_ext;
    MultiSearchArgs<'a> => gen_multisearch_args;
    ESearchSource<'a> => gen_esearch_source;
    ReplaceArgs<'a> => gen_replace_args;
    UrlAuthMechanism<'a> => gen_urlauth_mechanism;
    ResetKeyTarget<'a> => gen_reset_key_target;
    UrlFetchParam<'a> => gen_url_fetch_param;
    UrlFetchParamExt<'a> => gen_url_fetch_param_ext;
    UrlFetchArg<'a> => gen_url_fetch_arg;
    UrlFetchData<'a> => gen_url_fetch_data;
    UrlFetchValue<'a> => gen_url_fetch_value;
    UrlMetadata<'a> => gen_url_metadata;
    UrlMech<'a> => gen_url_mech;
    InProgress<'a> => |u: &mut Unstructured<'a>| Ok(InProgress {
        tag: if u.arbitrary()? { Some(gen_tag(u)?) } else { None },
        count: if u.arbitrary()? { Some(gen_u32(u)?) } else { None },
        goal: if u.arbitrary()? { Some(gen_nz(u)?) } else { None },
    });
    Tag<'a> => gen_tag;
    Atom<'a> => gen_atom;
    AString<'a> => gen_astring;
    IString<'a> => gen_istring;
    Literal<'a> => gen_literal;
    Text<'a> => gen_text;
    ObjectId<'a> => gen_objectid;
    RawValue<'a> => gen_raw_value;
    Number64 => gen_n64;
    NzNumber64 => gen_nz64;
    Date => gen_date;
    DateTime => gen_datetime;
    Flag<'a> => gen_flag;
    BracketKeyword<'a> => gen_bracket_keyword;
    FlagPerm<'a> => gen_flag_perm;
    Mailbox<'a> => gen_mailbox;
    ListMailbox<'a> => gen_list_mailbox;
    SeqNumber => gen_seq_number;
    SequenceSet => gen_seq_set;
    Capability<'a> => gen_capability;
    Command<'a> => |u: &mut Unstructured<'_>| Ok(Command { tag: gen_tag(u)?, body: gen_command_body(u)? });
    CommandBody<'a> => gen_command_body;
    SelectParam<'a> => gen_select_param;
    CreateParam<'a> => gen_create_param;
    ListSelectOption<'a> => gen_list_select_option;
    ListReturnOption<'a> => gen_list_return_option;
    AppendMessage<'a> => gen_append_message;
    MetadataValue<'a> => gen_metadata_value;
    SearchKey<'a> => |u: &mut Unstructured<'_>| gen_search_key(u, DEPTH);
    SearchReturnOption<'a> => gen_search_return_option;
    SearchArgs<'a> => gen_search_args;
    SortArgs<'a> => gen_sort_args;
    ThreadArgs<'a> => gen_thread_args;
    Thread<'a> => |u: &mut Unstructured<'_>| gen_thread(u, DEPTH);
    PartialRange => gen_nz_pair;
    ESearchReturnData<'a> => gen_esearch_data;
    ESearchResponse<'a> => gen_esearch;
    FetchArgs<'a> => gen_fetch_args;
    FetchAttribute<'a> => gen_fetch_attribute;
    FetchModifier<'a> => gen_fetch_modifier;
    Section<'a> => gen_section;
    SectionPart => gen_section_part;
    MessageDataItem<'a> => |u: &mut Unstructured<'_>| gen_message_data_item(u, DEPTH);
    MessageDataItemName<'a> => gen_item_name;
    MalformedItem<'a> => gen_malformed_item;
    Envelope<'a> => gen_envelope;
    Address<'a> => gen_address;
    BodyStructure<'a> => |u: &mut Unstructured<'_>| gen_body(u, DEPTH);
    BodyFields<'a> => gen_body_fields;
    BodyExtension<'a> => |u: &mut Unstructured<'_>| gen_body_extension(u, 8);
    Response<'a> => gen_response;
    RespText<'a> => gen_resp_text;
    ResponseCode<'a> => gen_response_code;
    CodeText<'a> => gen_code_text;
    CharsetName<'a> => gen_charset_name;
    Data<'a> => gen_data;
    MailboxList<'a> => gen_mailbox_list;
    MailboxAttribute<'a> => gen_mailbox_attribute;
    ListExtendedItem<'a> => gen_list_extended;
    StatusItem<'a> => gen_status_item;
    LiteralMode => gen_literal_mode;
    Sequence => gen_sequence;
    TaggedExtension<'a> => gen_tagged_ext_any;
    AppendData<'a> => gen_append_data;
    CatenatePart<'a> => gen_catenate_part;
    StoreAction => gen_store_action;
    StoreModifier<'a> => gen_store_modifier;
    GetMetadataOption => gen_getmetadata_option;
    MetadataDepth => gen_metadata_depth;
    ModSeqEntryType => gen_modseq_entry_type;
    ModSeqEntry<'a> => gen_modseq_entry;
    SearchReturnOptionExt<'a> => gen_search_return_option_ext;
    SortKey<'a> => gen_sort_key;
    SortKeyOther<'a> => gen_sort_key_other;
    SortCriterion<'a> => gen_sort_criterion;
    ThreadAlgorithm<'a> => gen_thread_algorithm;
    ThreadAlgorithmOther<'a> => gen_thread_algorithm_other;
    ContextUpdate => gen_context_update;
    ESearchReturnDataExt<'a> => gen_esearch_ext;
    FetchAttributes<'a> => gen_fetch_attributes;
    FetchAttributeName<'a> => gen_fetch_attribute_name;
    SectionMsgtext<'a> => gen_msgtext;
    SectionText<'a> => gen_section_text;
    Partial => gen_partial_some;
    FetchModifierOther<'a> => gen_fetch_modifier_other;
    SinglePart<'a> => gen_single_part;
    MultiPart<'a> => gen_multi_part;
    MessageSubtype => gen_message_subtype;
    Disposition<'a> => gen_disposition_some;
    BodyExt1Part<'a> => gen_ext_1part;
    BodyExtMpart<'a> => gen_ext_mpart;
    BodyExtensionList<'a> => gen_body_extension_list;
    State => gen_state;
    Condition => gen_condition;
    TaggedStatus<'a> => gen_tagged_status;
    UntaggedStatus<'a> => gen_untagged_status;
    ContinueRequest<'a> => gen_continue;
    MetadataCode => gen_metadata_code;
    OtherCode<'a> => gen_other_code;
    Delimiter => gen_delimiter_some;
    NamespaceDescr<'a> => gen_namespace_descr;
    QuotaResource<'a> => gen_quota_resource;
    MetadataEntries<'a> => gen_metadata_entries;
    OtherData<'a> => gen_other_data_value;
    ListExtendedOther<'a> => gen_list_extended_other;
    StatusOther<'a> => gen_status_other;
    GmailLabel<'a> => super::gmail::gen_gmail_label;
    GmailFetchAttribute => super::gmail::gen_gmail_fetch_attribute;
    GmailDataItem<'a> => super::gmail::gen_gmail_data_item;
    GmailSearchKey<'a> => super::gmail::gen_gmail_search_key;
    GmailLabelsStore<'a> => super::gmail::gen_gmail_labels_store;
    StoreAttExt<'a> => super::gmail::gen_store_att_ext;
    FilterName<'a> => |u: &mut Unstructured<'_>| {
        let s = to_string(atom_bytes(u)?).replace('/', "-");
        Ok(FilterName::new(s).unwrap_or_else(|_| FilterName::new("f").expect("a name")))
    };
    AttValue<'a> => super::annotate::gen_att_value;
    EntryAtt<'a> => super::annotate::gen_entry_att;
    AnnotationFetch<'a> => super::annotate::gen_annotation_fetch;
    AnnotationData<'a> => super::annotate::gen_annotation_data;
    AttSearch => super::annotate::gen_att_search;
    AttSort => super::annotate::gen_att_sort;
    AnnotateCode => |u: &mut Unstructured<'_>| pick(u, &[AnnotateCode::TooBig, AnnotateCode::TooMany]);
    AnnSize => |u: &mut Unstructured<'_>| {
        Ok(match gen_response_code(u)? {
            ResponseCode::Annotations(s) => s,
            _ => AnnSize::None,
        })
    };
    AnnotationSearch<'a> => super::annotate::gen_annotation_search;
    RelevancyScore => |u: &mut Unstructured<'_>| {
        Ok(RelevancyScore::new(u.int_in_range(1..=100)?).expect("1 to 100"))
    };
    OtherCommandName<'a> => gen_other_command_name;
    OtherArguments<'a> => gen_other_arguments;
}

impl<'a> Arbitrary<'a> for StatusAttribute {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        pick(u, STATUS_ATTRIBUTES)
    }
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for NonEmpty<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let first = T::arbitrary(u)?;
        let mut v = NonEmpty::new(first);
        for _ in 0..small(u, 3)? {
            v.push(T::arbitrary(u)?);
        }
        Ok(v)
    }
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for Secret<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Secret(T::arbitrary(u)?))
    }
}
