//! The grammar of MULTISEARCH (RFC 7377 §4): the `ESEARCH` command.

use super::command::tagged_ext;
use super::core::{at_keyword, atom, byte, sp};
use super::notify::filter_mailboxes;
use super::{search, Depth, PResult};
use crate::types::{ESearchSource, MultiSearchArgs, NonEmpty};

/// After the keyword `"ESEARCH"`: `[SP esearch-source-opts] [SP
/// search-return-opts] SP search-program` (RFC 7377 §4 `esearch`). Stops
/// before CRLF.
pub(crate) fn esearch_args(i: &[u8], depth: Depth) -> PResult<'_, MultiSearchArgs<'_>> {
    let (i, source) = match i.first() {
        Some(b' ') if at_keyword(&i[1..], b"IN") => {
            let (r, s) = esearch_source_opts(&i[1..], depth)?;
            (r, Some(s))
        }
        _ => (i, None),
    };
    let (i, search) = search::search_args(i, depth)?;
    Ok((i, MultiSearchArgs { source, search }))
}

/// `esearch-source-opts = "IN" SP "(" source-mbox [SP "(" scope-options
/// ")"] ")"`, `source-mbox = filter-mailboxes *(SP filter-mailboxes)`
/// (RFC 7377 §4).
fn esearch_source_opts(i: &[u8], depth: Depth) -> PResult<'_, ESearchSource<'_>> {
    let (i, ()) = sp(&i[2..])?;
    let (i, ()) = byte(b'(', "\"(\" opening the source mailboxes")(i)?;
    let (mut i, f) = filter_mailboxes(i)?;
    let mut mailboxes = NonEmpty::new(f);
    let mut scope_options = Vec::new();
    while let Some(b' ') = i.first() {
        if i.get(1) == Some(&b'(') {
            let (r, v) = scope_options_list(&i[2..], depth)?;
            scope_options = v;
            i = r;
            break;
        }
        let (r, f) = filter_mailboxes(&i[1..])?;
        mailboxes.push(f);
        i = r;
    }
    let (i, ()) = byte(b')', "\")\" closing the source mailboxes")(i)?;
    Ok((
        i,
        ESearchSource {
            mailboxes,
            scope_options,
        },
    ))
}

/// `scope-options = scope-option *(SP scope-option) ")"`, `scope-option =
/// scope-option-name [SP scope-option-value]`, `scope-option-name =
/// tagged-ext-label`, `scope-option-value = tagged-ext-val` (RFC 7377 §4),
/// after the `(`, through the `)`.
fn scope_options_list(
    i: &[u8],
    depth: Depth,
) -> PResult<'_, Vec<crate::types::TaggedExtension<'_>>> {
    let mut out = Vec::new();
    let mut i = i;
    loop {
        let at = i;
        let (r, name) = atom(i)?;
        let (r, x) = tagged_ext(at, name, r, depth)?;
        out.push(x);
        match r.first() {
            Some(b' ') => i = &r[1..],
            _ => {
                let (r, ()) = byte(b')', "\")\" closing the scope options")(r)?;
                return Ok((r, out));
            }
        }
    }
}
