//! MULTISEARCH (RFC 7377): the `ESEARCH` command and where it searches.
//! The correlators of its responses (`MAILBOX`, `UIDVALIDITY`) are fields
//! of [`ESearchResponse`](super::ESearchResponse).

use super::command::TaggedExtension;
use super::nonempty::NonEmpty;
use super::notify::FilterMailboxes;
use super::search::SearchArgs;

/// What follows `ESEARCH`: `esearch = "ESEARCH" [SP esearch-source-opts]
/// [SP search-return-opts] SP search-program` (RFC 7377 §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiSearchArgs<'a> {
    /// `esearch-source-opts`; `None` searches the selected mailbox.
    pub source: Option<ESearchSource<'a>>,
    /// Return options, charset and criteria, as for SEARCH.
    pub search: SearchArgs<'a>,
}

/// `esearch-source-opts = "IN" SP "(" source-mbox [SP "(" scope-options
/// ")"] ")"`, `source-mbox = filter-mailboxes *(SP filter-mailboxes)`
/// (RFC 7377 §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ESearchSource<'a> {
    /// The mailboxes to search.
    pub mailboxes: NonEmpty<FilterMailboxes<'a>>,
    /// `scope-options = scope-option *(SP scope-option)`, `scope-option =
    /// tagged-ext-label [SP tagged-ext-val]` (none defined yet): empty is
    /// absent (the grammar has no empty list).
    pub scope_options: Vec<TaggedExtension<'a>>,
}

impl MultiSearchArgs<'_> {
    /// Detaches the value from the input it was parsed from.
    pub fn into_owned(self) -> MultiSearchArgs<'static> {
        MultiSearchArgs {
            source: self.source.map(|s| ESearchSource {
                mailboxes: s.mailboxes.map(FilterMailboxes::into_owned),
                scope_options: s
                    .scope_options
                    .into_iter()
                    .map(TaggedExtension::into_owned)
                    .collect(),
            }),
            search: self.search.into_owned(),
        }
    }
}
