//! The grammar of LANGUAGE and COMPARATOR (RFC 5255 §3.5, §4.10): the
//! commands and their data responses.

use super::core::{astring, paren_list, paren_list1};
use super::{fail, PResult};
use crate::types::{AString, Data};

/// `*(SP astring)`, stopping before CRLF; doubled and trailing spaces
/// are looked past (they re-encode as one SP, and read back the same).
fn sp_astrings(mut i: &[u8]) -> PResult<'_, Vec<AString<'_>>> {
    let mut out = Vec::new();
    loop {
        let n = i.iter().take_while(|&&b| b == b' ').count();
        if n == 0 || matches!(i.get(n), Some(b'\r') | None) {
            return Ok((i, out));
        }
        let (r, a) = astring(&i[n..])?;
        out.push(a);
        i = r;
    }
}

/// After the keyword `"LANGUAGE"`: `language-cmd = "LANGUAGE" *(SP
/// lang-range-quoted)`, `lang-range-quoted = astring` (RFC 5255 §3.5).
pub(crate) fn language_cmd(i: &[u8]) -> PResult<'_, Vec<AString<'_>>> {
    sp_astrings(i)
}

/// After the keyword `"COMPARATOR"`: `comparator-cmd = "COMPARATOR" *(SP
/// comp-order-quoted)`, `comp-order-quoted = astring` (RFC 5255 §4.10).
pub(crate) fn comparator_cmd(i: &[u8]) -> PResult<'_, Vec<AString<'_>>> {
    sp_astrings(i)
}

/// After `LANGUAGE SP`: `language-data = "LANGUAGE" SP "(" lang-tag-quoted
/// *(SP lang-tag-quoted) ")"`, `lang-tag-quoted = astring` (RFC 5255 §3.5).
pub(crate) fn language_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (r, tags) = paren_list1(i, astring, "lang-tag-quoted")?;
    Ok((r, Data::Language(tags)))
}

/// After `COMPARATOR SP`: `comparator-data = "COMPARATOR" SP
/// comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted) ")"]`,
/// `comp-sel-quoted = astring`, `comp-id-quoted = astring` (RFC 5255
/// §4.10).
pub(crate) fn comparator_data(i: &[u8]) -> PResult<'_, Data<'_>> {
    let (i, selected) = astring(i)?;
    let (i, available) = match (i.first(), i.get(1)) {
        (Some(b' '), Some(b'(')) => {
            let (r, v) = paren_list(&i[1..], astring)?;
            if v.is_empty() {
                return fail(&i[1..], "comp-id-quoted");
            }
            (r, v)
        }
        _ => (i, Vec::new()),
    };
    Ok((
        i,
        Data::Comparator {
            selected,
            available,
        },
    ))
}

#[cfg(test)]
mod tests;
