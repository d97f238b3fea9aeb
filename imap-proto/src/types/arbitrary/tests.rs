//! Tests of the generators: every impl builds values from any bytes.

use ::arbitrary::{Arbitrary, Unstructured};

// The shared helpers and core values, and `crate::types`.
use super::*;

/// Every impl builds values from any bytes without panicking (the
/// fallbacks' `expect`s hold), and the values can be detached.
#[test]
fn every_impl_builds_values() {
    fn run<'a, T: Arbitrary<'a> + std::fmt::Debug>(data: &'a [Vec<u8>]) {
        for d in data {
            let mut u = Unstructured::new(d);
            if let Ok(v) = T::arbitrary(&mut u) {
                let _ = format!("{v:?}");
            }
        }
    }
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    let data: Vec<Vec<u8>> = (0..150)
        .map(|k| {
            (0..(k * 7 % 600))
                .map(|_| {
                    s ^= s << 13;
                    s ^= s >> 7;
                    s ^= s << 17;
                    s as u8
                })
                .collect()
        })
        .collect();
    macro_rules! all {
        ($($t:ty),* $(,)?) => { $(run::<$t>(&data);)* };
    }
    all!(
        Tag<'_>,
        Atom<'_>,
        AString<'_>,
        IString<'_>,
        Literal<'_>,
        Text<'_>,
        ObjectId<'_>,
        RawValue<'_>,
        Number64,
        NzNumber64,
        Date,
        DateTime,
        Flag<'_>,
        BracketKeyword<'_>,
        FlagPerm<'_>,
        Mailbox<'_>,
        ListMailbox<'_>,
        SeqNumber,
        SequenceSet,
        Capability<'_>,
        Command<'_>,
        CommandBody<'_>,
        Notify<'_>,
        EventGroup<'_>,
        FilterMailboxes<'_>,
        NotifyEvent<'_>,
        NotifyEventName<'_>,
        NotifyEventExt<'_>,
        MultiSearchArgs<'_>,
        ESearchSource<'_>,
        ReplaceArgs<'_>,
        UrlAuthMechanism<'_>,
        ResetKeyTarget<'_>,
        UrlFetchParam<'_>,
        UrlFetchParamExt<'_>,
        UrlFetchArg<'_>,
        UrlFetchData<'_>,
        UrlFetchValue<'_>,
        UrlMetadata<'_>,
        UrlMech<'_>,
        InProgress<'_>,
        OtherCommandName<'_>,
        OtherArguments<'_>,
        SelectParam<'_>,
        CreateParam<'_>,
        ListSelectOption<'_>,
        ListReturnOption<'_>,
        AppendMessage<'_>,
        MetadataValue<'_>,
        SearchKey<'_>,
        SearchReturnOption<'_>,
        SearchArgs<'_>,
        SortArgs<'_>,
        ThreadArgs<'_>,
        Thread<'_>,
        PartialRange,
        ESearchReturnData<'_>,
        ESearchResponse<'_>,
        FetchArgs<'_>,
        FetchAttribute<'_>,
        FetchModifier<'_>,
        Section<'_>,
        SectionPart,
        MessageDataItem<'_>,
        MessageDataItemName<'_>,
        Envelope<'_>,
        Address<'_>,
        BodyStructure<'_>,
        BodyFields<'_>,
        BodyExtension<'_>,
        Response<'_>,
        RespText<'_>,
        ResponseCode<'_>,
        CodeText<'_>,
        CharsetName<'_>,
        Data<'_>,
        MailboxList<'_>,
        MailboxAttribute<'_>,
        ListExtendedItem<'_>,
        StatusItem<'_>,
        StatusAttribute,
        LiteralMode,
        Sequence,
        TaggedExtension<'_>,
        AppendData<'_>,
        CatenatePart<'_>,
        StoreAction,
        StoreModifier<'_>,
        GetMetadataOption,
        MetadataDepth,
        ModSeqEntryType,
        ModSeqEntry<'_>,
        SearchReturnOptionExt<'_>,
        SortKey<'_>,
        SortKeyOther<'_>,
        SortCriterion<'_>,
        ThreadAlgorithm<'_>,
        ThreadAlgorithmOther<'_>,
        ContextUpdate,
        ESearchReturnDataExt<'_>,
        FetchAttributes<'_>,
        FetchAttributeName<'_>,
        SectionMsgtext<'_>,
        SectionText<'_>,
        Partial,
        FetchModifierOther<'_>,
        SinglePart<'_>,
        MultiPart<'_>,
        MessageSubtype,
        Disposition<'_>,
        BodyExt1Part<'_>,
        BodyExtMpart<'_>,
        BodyExtensionList<'_>,
        State,
        Condition,
        TaggedStatus<'_>,
        UntaggedStatus<'_>,
        ContinueRequest<'_>,
        MetadataCode,
        OtherCode<'_>,
        Delimiter,
        NamespaceDescr<'_>,
        QuotaResource<'_>,
        MetadataEntries<'_>,
        OtherData<'_>,
        ListExtendedOther<'_>,
        StatusOther<'_>,
        GmailLabel<'_>,
        GmailFetchAttribute,
        GmailDataItem<'_>,
        GmailSearchKey<'_>,
        GmailLabelsStore<'_>,
        StoreAttExt<'_>,
        RelevancyScore,
        AttValue<'_>,
        EntryAtt<'_>,
        AnnotationFetch<'_>,
        AnnotationData<'_>,
        AttSearch,
        AttSort,
        AnnotateCode,
        AnnSize,
        AnnotationSearch<'_>,
        FilterName<'_>,
        NonEmpty<SearchKey<'_>>,
        Secret<AString<'_>>,
    );
}
