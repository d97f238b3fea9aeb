//! The other public types, for users of the impls: values that the
//! generators of the other files only build inside a larger one (a
//! [`Sequence`], a [`StoreAction`], a [`SinglePart`], a [`TaggedStatus`]
//! ...). Most draw the larger value, or the same alternatives, and keep
//! the part they stand for.

use ::arbitrary::{Result, Unstructured};

use super::body::{gen_body, gen_body_extension, gen_body_fields, gen_disposition, gen_params};
use super::command::{gen_append_message, gen_metadata_value};
use super::fetch::{gen_fetch_args, gen_fetch_modifier, gen_msgtext};
use super::raw::{gen_raw_value, gen_tagged_ext, via_command, via_response};
use super::response::{
    gen_code_text, gen_delimiter, gen_list_extended, gen_namespace, gen_other_data, gen_resp_text,
    gen_status_item,
};
use super::search::{gen_sort_args, gen_thread_args, raw_search_value};
// The shared helpers and core values, and `crate::types`.
use super::*;

pub(super) fn gen_literal_mode(u: &mut Unstructured<'_>) -> Result<LiteralMode> {
    pick(u, &[LiteralMode::Sync, LiteralMode::NonSync])
}

pub(super) fn gen_sequence(u: &mut Unstructured<'_>) -> Result<Sequence> {
    Ok(if u.arbitrary()? {
        Sequence::Single(gen_seq_number(u)?)
    } else {
        Sequence::Range(gen_seq_number(u)?, gen_seq_number(u)?)
    })
}

/// A `tagged-ext`, or a bare `X` when the generated one does not parse.
pub(super) fn gen_tagged_ext_any(u: &mut Unstructured<'_>) -> Result<TaggedExtension<'static>> {
    Ok(match gen_tagged_ext(u)? {
        Some(x) => x,
        None => via_command(b"A RENAME a b (X)\r\n", |b| match b {
            CommandBody::Rename { mut params, .. } => params.pop().map(TaggedExtension::into_owned),
            _ => None,
        })
        .expect("a tagged-ext"),
    })
}

pub(super) fn gen_append_data(u: &mut Unstructured<'_>) -> Result<AppendData<'static>> {
    Ok(gen_append_message(u)?.data)
}

pub(super) fn gen_catenate_part(u: &mut Unstructured<'_>) -> Result<CatenatePart<'static>> {
    Ok(if u.arbitrary()? {
        let mut l = gen_literal(u)?;
        l.binary = false;
        CatenatePart::Text(l)
    } else {
        CatenatePart::Url(gen_astring(u)?)
    })
}

pub(super) fn gen_store_action(u: &mut Unstructured<'_>) -> Result<StoreAction> {
    pick(
        u,
        &[StoreAction::Replace, StoreAction::Add, StoreAction::Remove],
    )
}

pub(super) fn gen_store_modifier(u: &mut Unstructured<'_>) -> Result<StoreModifier<'static>> {
    Ok(match gen_tagged_ext(u)? {
        Some(x) if u.arbitrary()? => StoreModifier::Other(x),
        _ => StoreModifier::UnchangedSince(gen_n64(u)?),
    })
}

pub(super) fn gen_metadata_depth(u: &mut Unstructured<'_>) -> Result<MetadataDepth> {
    pick(
        u,
        &[
            MetadataDepth::Zero,
            MetadataDepth::One,
            MetadataDepth::Infinity,
        ],
    )
}

pub(super) fn gen_getmetadata_option(u: &mut Unstructured<'_>) -> Result<GetMetadataOption> {
    Ok(if u.arbitrary()? {
        GetMetadataOption::MaxSize(gen_u32(u)?)
    } else {
        GetMetadataOption::Depth(gen_metadata_depth(u)?)
    })
}

pub(super) fn gen_modseq_entry_type(u: &mut Unstructured<'_>) -> Result<ModSeqEntryType> {
    pick(
        u,
        &[
            ModSeqEntryType::Priv,
            ModSeqEntryType::Shared,
            ModSeqEntryType::All,
        ],
    )
}

pub(super) fn gen_modseq_entry(u: &mut Unstructured<'_>) -> Result<ModSeqEntry<'static>> {
    Ok(ModSeqEntry {
        name: IString::from(pick(
            u,
            &[&b"/flags/\\draft"[..], b"/flags/$x", b"", b"a\"b"],
        )?),
        kind: gen_modseq_entry_type(u)?,
    })
}

pub(super) fn gen_search_return_option_ext(
    u: &mut Unstructured<'_>,
) -> Result<SearchReturnOptionExt<'static>> {
    let name = Atom::new(name_text(u, &["X-OPT"])?).expect("an atom");
    let value = if u.arbitrary()? {
        Some(raw_search_value(u)?)
    } else {
        None
    };
    Ok(SearchReturnOptionExt::new(name, value).unwrap_or_else(|_| {
        SearchReturnOptionExt::new(Atom::new("X-OPT").expect("an atom"), None).expect("unknown")
    }))
}

pub(super) fn gen_sort_key_other(u: &mut Unstructured<'_>) -> Result<SortKeyOther<'static>> {
    Ok(SortKeyOther::new(gen_atom(u)?).unwrap_or_else(|_| {
        SortKeyOther::new(Atom::new("X-SCORE").expect("an atom")).expect("unknown")
    }))
}

pub(super) fn gen_sort_criterion(u: &mut Unstructured<'_>) -> Result<SortCriterion<'static>> {
    Ok(gen_sort_args(u)?.criteria.first().clone())
}

pub(super) fn gen_sort_key(u: &mut Unstructured<'_>) -> Result<SortKey<'static>> {
    Ok(gen_sort_criterion(u)?.key)
}

pub(super) fn gen_thread_algorithm_other(
    u: &mut Unstructured<'_>,
) -> Result<ThreadAlgorithmOther<'static>> {
    Ok(ThreadAlgorithmOther::new(gen_atom(u)?).unwrap_or_else(|_| {
        ThreadAlgorithmOther::new(Atom::new("X-ALG").expect("an atom")).expect("unknown")
    }))
}

pub(super) fn gen_thread_algorithm(u: &mut Unstructured<'_>) -> Result<ThreadAlgorithm<'static>> {
    Ok(gen_thread_args(u)?.algorithm)
}

pub(super) fn gen_context_update(u: &mut Unstructured<'_>) -> Result<ContextUpdate> {
    Ok(ContextUpdate {
        position: gen_u32(u)?,
        set: gen_uid_set(u)?,
    })
}

pub(super) fn gen_esearch_ext(u: &mut Unstructured<'_>) -> Result<ESearchReturnDataExt<'static>> {
    let name = Atom::new(name_text(u, &["X-DATA"])?).expect("an atom");
    let value = gen_raw_value(u)?;
    Ok(
        ESearchReturnDataExt::new(name, value.clone()).unwrap_or_else(|_| {
            ESearchReturnDataExt::new(Atom::new("X-DATA").expect("an atom"), value)
                .expect("unknown")
        }),
    )
}

pub(super) fn gen_fetch_attributes(u: &mut Unstructured<'_>) -> Result<FetchAttributes<'static>> {
    Ok(gen_fetch_args(u)?.attributes)
}

pub(super) fn gen_fetch_attribute_name(
    u: &mut Unstructured<'_>,
) -> Result<FetchAttributeName<'static>> {
    Ok(FetchAttributeName::new(to_string(atom_bytes(u)?))
        .unwrap_or_else(|_| FetchAttributeName::new("X-SCORE").expect("unknown")))
}

pub(super) fn gen_section_text(u: &mut Unstructured<'_>) -> Result<SectionText<'static>> {
    Ok(if u.arbitrary()? {
        SectionText::Mime
    } else {
        SectionText::Msgtext(gen_msgtext(u)?)
    })
}

pub(super) fn gen_partial_some(u: &mut Unstructured<'_>) -> Result<Partial> {
    Ok(Partial {
        origin: gen_n64(u)?,
        length: gen_nz64(u)?,
    })
}

pub(super) fn gen_fetch_modifier_other(
    u: &mut Unstructured<'_>,
) -> Result<FetchModifierOther<'static>> {
    for _ in 0..4 {
        if let FetchModifier::Other(o) = gen_fetch_modifier(u)? {
            return Ok(o);
        }
    }
    Ok(via_command(b"A FETCH 1 FLAGS (X-MOD 1)\r\n", |b| match b {
        CommandBody::Fetch { mut args, .. } => match args.modifiers.pop() {
            Some(FetchModifier::Other(o)) => Some(o.into_owned()),
            _ => None,
        },
        _ => None,
    })
    .expect("an unknown modifier"))
}

pub(super) fn gen_single_part(u: &mut Unstructured<'_>) -> Result<SinglePart<'static>> {
    for _ in 0..4 {
        if let BodyStructure::Single(s) = gen_body(u, DEPTH)? {
            return Ok(s);
        }
    }
    Ok(SinglePart {
        kind: PartKind::Text {
            subtype: Some(IString::from("PLAIN")),
            lines: Number64::ZERO,
        },
        fields: gen_body_fields(u)?,
        extension: None,
    })
}

pub(super) fn gen_multi_part(u: &mut Unstructured<'_>) -> Result<MultiPart<'static>> {
    for _ in 0..4 {
        if let BodyStructure::Multi(m) = gen_body(u, DEPTH)? {
            return Ok(m);
        }
    }
    let one = BodyStructure::Single(gen_single_part(u)?);
    Ok(MultiPart::new(vec![one], gen_nstring(u)?).expect("one body"))
}

pub(super) fn gen_message_subtype(u: &mut Unstructured<'_>) -> Result<MessageSubtype> {
    pick(u, &[MessageSubtype::Rfc822, MessageSubtype::Global])
}

pub(super) fn gen_disposition_some(u: &mut Unstructured<'_>) -> Result<Disposition<'static>> {
    Ok(Disposition {
        kind: gen_istring(u)?,
        params: gen_params(u)?,
    })
}

pub(super) fn gen_ext_1part(u: &mut Unstructured<'_>) -> Result<BodyExt1Part<'static>> {
    Ok(BodyExt1Part {
        md5: gen_nstring(u)?,
        disposition: gen_disposition(u)?,
        language: list(u, 0, 2, gen_istring)?,
        location: gen_nstring(u)?,
        extensions: list(u, 0, 2, |u| gen_body_extension(u, 3))?,
    })
}

pub(super) fn gen_ext_mpart(u: &mut Unstructured<'_>) -> Result<BodyExtMpart<'static>> {
    Ok(BodyExtMpart {
        params: gen_params(u)?,
        disposition: gen_disposition(u)?,
        language: list(u, 0, 2, gen_istring)?,
        location: gen_nstring(u)?,
        extensions: list(u, 0, 2, |u| gen_body_extension(u, 3))?,
    })
}

pub(super) fn gen_body_extension_list(
    u: &mut Unstructured<'_>,
) -> Result<BodyExtensionList<'static>> {
    Ok(BodyExtensionList::new(list(u, 1, 3, |u| gen_body_extension(u, 4))?).expect("at least one"))
}

pub(super) fn gen_state(u: &mut Unstructured<'_>) -> Result<State> {
    pick(u, &[State::Ok, State::No, State::Bad, State::Bye])
}

pub(super) fn gen_condition(u: &mut Unstructured<'_>) -> Result<Condition> {
    pick(
        u,
        &[
            Condition::Ok,
            Condition::No,
            Condition::Bad,
            Condition::PreAuth,
            Condition::Bye,
        ],
    )
}

pub(super) fn gen_tagged_status(u: &mut Unstructured<'_>) -> Result<TaggedStatus<'static>> {
    Ok(TaggedStatus {
        tag: gen_tag(u)?,
        state: gen_state(u)?,
        text: gen_resp_text(u)?,
    })
}

pub(super) fn gen_untagged_status(u: &mut Unstructured<'_>) -> Result<UntaggedStatus<'static>> {
    Ok(UntaggedStatus {
        condition: gen_condition(u)?,
        text: gen_resp_text(u)?,
    })
}

pub(super) fn gen_continue(u: &mut Unstructured<'_>) -> Result<ContinueRequest<'static>> {
    Ok(if u.arbitrary()? {
        ContinueRequest::base64(&edge_bytes(u)?)
    } else {
        ContinueRequest {
            text: gen_resp_text(u)?,
        }
    })
}

pub(super) fn gen_metadata_code(u: &mut Unstructured<'_>) -> Result<MetadataCode> {
    Ok(match small(u, 3)? {
        0 => MetadataCode::LongEntries(gen_u32(u)?),
        1 => MetadataCode::MaxSize(gen_u32(u)?),
        2 => MetadataCode::TooMany,
        _ => MetadataCode::NoPrivate,
    })
}

pub(super) fn gen_other_code(u: &mut Unstructured<'_>) -> Result<OtherCode<'static>> {
    let arg = if u.arbitrary()? {
        Some(gen_code_text(u)?)
    } else {
        None
    };
    Ok(
        OtherCode::new(gen_atom(u)?, arg.clone()).unwrap_or_else(|_| {
            OtherCode::new(Atom::new("X-CODE").expect("an atom"), arg).expect("unknown")
        }),
    )
}

pub(super) fn gen_delimiter_some(u: &mut Unstructured<'_>) -> Result<Delimiter> {
    let c = pick(u, &['/', '.', '"', '\\', ' ', 'ü', '*', 'x'])?;
    Ok(Delimiter::new(c).expect("a delimiter"))
}

pub(super) fn gen_namespace_descr(u: &mut Unstructured<'_>) -> Result<NamespaceDescr<'static>> {
    Ok(match gen_namespace(u)?.and_then(|mut v| v.pop()) {
        Some(d) => d,
        None => NamespaceDescr {
            prefix: gen_istring(u)?,
            delimiter: gen_delimiter(u)?,
            extensions: Vec::new(),
        },
    })
}

pub(super) fn gen_quota_resource(u: &mut Unstructured<'_>) -> Result<QuotaResource<'static>> {
    Ok(QuotaResource {
        name: gen_atom(u)?,
        usage: gen_n64(u)?,
        limit: gen_n64(u)?,
    })
}

pub(super) fn gen_metadata_entries(u: &mut Unstructured<'_>) -> Result<MetadataEntries<'static>> {
    Ok(if u.arbitrary()? {
        MetadataEntries::Values(list(u, 0, 3, |u| {
            Ok((gen_astring(u)?, gen_metadata_value(u)?))
        })?)
    } else {
        MetadataEntries::List(list(u, 0, 3, gen_astring)?)
    })
}

pub(super) fn gen_other_data_value(u: &mut Unstructured<'_>) -> Result<OtherData<'static>> {
    if let Data::Other(o) = gen_other_data(u)? {
        return Ok(o);
    }
    Ok(via_response(b"* XDATA\r\n", |r| match r {
        Response::Data(Data::Other(o)) => Some(o.into_owned()),
        _ => None,
    })
    .expect("unknown data"))
}

pub(super) fn gen_list_extended_other(
    u: &mut Unstructured<'_>,
) -> Result<ListExtendedOther<'static>> {
    for _ in 0..4 {
        if let ListExtendedItem::Other(o) = gen_list_extended(u)? {
            return Ok(o);
        }
    }
    Ok(
        via_response(b"* LIST () NIL INBOX (X-TAG 1)\r\n", |r| match r {
            Response::Data(Data::List(mut l)) => match l.extended.pop() {
                Some(ListExtendedItem::Other(o)) => Some(ListExtendedItem::Other(o).into_owned()),
                _ => None,
            },
            _ => None,
        })
        .and_then(|x| match x {
            ListExtendedItem::Other(o) => Some(o),
            _ => None,
        })
        .expect("an unknown item"),
    )
}

pub(super) fn gen_status_other(u: &mut Unstructured<'_>) -> Result<StatusOther<'static>> {
    for _ in 0..4 {
        if let StatusItem::Other(o) = gen_status_item(u)? {
            return Ok(o);
        }
    }
    Ok(via_response(b"* STATUS INBOX (X-ITEM 1)\r\n", |r| match r {
        Response::Data(Data::Status { mut items, .. }) => match items.pop()?.into_owned() {
            StatusItem::Other(o) => Some(o),
            _ => None,
        },
        _ => None,
    })
    .expect("an unknown item"))
}
