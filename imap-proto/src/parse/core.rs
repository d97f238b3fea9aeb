//! The data formats of RFC 9051 §4 and the small rules of §9 that every
//! other part of the grammar uses.

use std::borrow::Cow;

use super::{error_at, fail, Depth, PResult};
use crate::fast;
use crate::types::{
    AString, Atom, BracketKeyword, Capability, Date, DateTime, Flag, FlagPerm, IString,
    ListMailbox, Literal, LiteralMode, Mailbox, NString, NonEmpty, NzNumber, RawValue, SeqNumber,
    Sequence, SequenceSet, Tag, Text,
};
use crate::types::{Number64, NzNumber64};

/// `SP = %x20` (RFC 5234). Lenient: a run of spaces counts as one, since
/// some peers double them (quirk).
#[inline]
pub(crate) fn sp(i: &[u8]) -> PResult<'_, ()> {
    match i.first() {
        Some(b' ') => {
            let n = i.iter().take_while(|&&b| b == b' ').count();
            Ok((&i[n..], ()))
        }
        _ => fail(i, "SP"),
    }
}

/// `CRLF = CR LF` (RFC 5234). Lenient: spaces before it are skipped, since
/// some peers leave a trailing space (quirk).
#[inline]
pub(crate) fn crlf(i: &[u8]) -> PResult<'_, ()> {
    let n = i.iter().take_while(|&&b| b == b' ').count();
    match &i[n..] {
        [b'\r', b'\n', rest @ ..] => Ok((rest, ())),
        _ => fail(&i[n..], "CRLF"),
    }
}

/// Expects the single byte `b`.
#[inline]
pub(crate) fn byte(b: u8, expected: &'static str) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    move |i: &[u8]| match i.first() {
        Some(&x) if x == b => Ok((&i[1..], ())),
        _ => fail(i, expected),
    }
}

/// Expects the keyword `kw` (upper case), matched case-insensitively
/// (RFC 9051 §9: "ABNF strings are case-insensitive").
#[inline]
pub(crate) fn keyword(kw: &'static str) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    move |i: &[u8]| {
        let k = kw.as_bytes();
        if i.len() >= k.len() && i[..k.len()].eq_ignore_ascii_case(k) {
            Ok((&i[k.len()..], ()))
        } else {
            fail(i, kw)
        }
    }
}

/// Whether `i` starts with `kw`, case-insensitively.
#[inline]
pub(crate) fn starts_with_ci(i: &[u8], kw: &[u8]) -> bool {
    i.len() >= kw.len() && i[..kw.len()].eq_ignore_ascii_case(kw)
}

/// Whether `i` starts with the keyword `kw` followed by something that is
/// not an ATOM-CHAR (so `NILS` is not `NIL`).
#[inline]
pub(crate) fn at_keyword(i: &[u8], kw: &[u8]) -> bool {
    starts_with_ci(i, kw) && i.get(kw.len()).is_none_or(|&b| !fast::is_atom_char(b))
}

/// ASCII bytes of a character class the caller has checked, as `&str`.
pub(crate) fn ascii(b: &[u8]) -> &str {
    // Every caller passes bytes of an ASCII character class.
    std::str::from_utf8(b).unwrap_or_default()
}

/// `tag = 1*<any ASTRING-CHAR except "+">` (RFC 9051 §9).
pub(crate) fn tag(i: &[u8]) -> PResult<'_, Tag<'_>> {
    let n = fast::span(i, fast::is_tag_char);
    if n == 0 {
        return fail(i, "tag");
    }
    Ok((&i[n..], Tag::unchecked(ascii(&i[..n]))))
}

/// The bytes of `atom = 1*ATOM-CHAR` (RFC 9051 §9).
#[inline]
pub(crate) fn atom_bytes(i: &[u8]) -> PResult<'_, &[u8]> {
    let n = fast::span(i, fast::is_atom_char);
    if n == 0 {
        return fail(i, "atom");
    }
    Ok((&i[n..], &i[..n]))
}

/// `atom = 1*ATOM-CHAR` (RFC 9051 §9).
pub(crate) fn atom(i: &[u8]) -> PResult<'_, Atom<'_>> {
    let (rest, a) = atom_bytes(i)?;
    Ok((rest, Atom::unchecked(ascii(a))))
}

/// `number = 1*DIGIT` (RFC 9051 §9): an unsigned 32-bit integer.
#[inline]
pub(crate) fn number(i: &[u8]) -> PResult<'_, u32> {
    match fast::digits(i) {
        (0, _) => fail(i, "number"),
        (n, v) => match v.and_then(|v| u32::try_from(v).ok()) {
            Some(v) => Ok((&i[n..], v)),
            None => fail(i, "number (at most 4294967295)"),
        },
    }
}

/// `nz-number = digit-nz *DIGIT` (RFC 9051 §9).
#[inline]
pub(crate) fn nz_number(i: &[u8]) -> PResult<'_, NzNumber> {
    let (rest, v) = number(i)?;
    match NzNumber::new(v) {
        Some(v) if i[0] != b'0' => Ok((rest, v)),
        _ => fail(i, "nz-number"),
    }
}

/// `number64 = 1*DIGIT` (RFC 9051 §9): at most 2^63 - 1. The one parser
/// of every 64-bit number of the grammar (sizes, offsets, mod-sequences);
/// a larger value is refused at its first digit.
pub(crate) fn number64(i: &[u8]) -> PResult<'_, Number64> {
    match fast::digits(i) {
        (0, _) => fail(i, "number64"),
        (n, v) => match v.and_then(Number64::new) {
            Some(v) => Ok((&i[n..], v)),
            None => fail(i, "number64 (at most 2^63-1)"),
        },
    }
}

/// `nz-number64 = digit-nz *DIGIT` (RFC 9051 §9): 1 to 2^63 - 1. Lenient
/// like [`number64`]: leading zeros are taken (`007` is 7), as they always
/// were in a partial's length; 0 is refused at its first digit.
pub(crate) fn nz_number64(i: &[u8]) -> PResult<'_, NzNumber64> {
    let (rest, v) = number64(i)?;
    match NzNumber64::try_from(v) {
        Ok(v) => Ok((rest, v)),
        Err(_) => fail(i, "nz-number64 (at least 1)"),
    }
}

/// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, `QUOTED-CHAR = <any TEXT-CHAR
/// except quoted-specials> / "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4`
/// (RFC 9051 §9). 8-bit bytes are taken as they come (UTF8=ACCEPT peers
/// send UTF-8; others sometimes send Latin-1); CR, LF and NUL never.
pub(crate) fn quoted(i: &[u8]) -> PResult<'_, Cow<'_, [u8]>> {
    let Some((b'"', body)) = i.split_first() else {
        return fail(i, "quoted string");
    };
    let mut pos = 0;
    let mut owned: Option<Vec<u8>> = None;
    loop {
        let stop = pos + fast::quoted_run(&body[pos..]);
        let Some(&end) = body.get(stop) else {
            // No end on this line: point at the end of the input.
            return fail(&body[body.len()..], "closing DQUOTE");
        };
        match end {
            b'"' => {
                let v = match owned {
                    Some(mut o) => {
                        o.extend_from_slice(&body[pos..stop]);
                        Cow::Owned(o)
                    }
                    None => Cow::Borrowed(&body[..stop]),
                };
                return Ok((&body[stop + 1..], v));
            }
            b'\\' => match body.get(stop + 1) {
                Some(&c @ (b'"' | b'\\')) => {
                    let o = owned.get_or_insert_with(Vec::new);
                    o.extend_from_slice(&body[pos..stop]);
                    o.push(c);
                    pos = stop + 2;
                }
                _ => return fail(&body[stop + 1..], "quoted-specials after \"\\\""),
            },
            b'\r' => return fail(&body[stop..], "QUOTED-CHAR (no CR in a quoted string)"),
            _ => {
                return fail(
                    &body[stop..],
                    "QUOTED-CHAR (no NUL or LF in a quoted string)",
                )
            }
        }
    }
}

/// The header of `literal = "{" number64 ["+"] "}" CRLF *CHAR8` or
/// `literal8 = "~{" number64 ["+"] "}" CRLF *OCTET` (RFC 9051 §9, RFC 3516,
/// RFC 7888), up to and including its CRLF: (length, mode, binary).
pub(crate) fn literal_header(i: &[u8]) -> PResult<'_, (u64, LiteralMode, bool)> {
    let (i, binary) = match i {
        [b'~', rest @ ..] => (rest, true),
        _ => (i, false),
    };
    let (i, ()) = byte(b'{', "literal")(i)?;
    let (i, n) = number64(i)?;
    let n = n.get();
    let (i, mode) = match i.first() {
        Some(b'+') => (&i[1..], LiteralMode::NonSync),
        _ => (i, LiteralMode::Sync),
    };
    let (i, ()) = byte(b'}', "\"}\" closing the literal length")(i)?;
    match i {
        [b'\r', b'\n', rest @ ..] => Ok((rest, (n, mode, binary))),
        _ => fail(i, "CRLF after the literal length"),
    }
}

/// `literal` or `literal8` with its octets. NUL bytes are accepted in a
/// plain literal too: clients send them and servers store them (quirk).
pub(crate) fn literal(i: &[u8]) -> PResult<'_, Literal<'_>> {
    let (rest, (n, mode, binary)) = literal_header(i)?;
    if n > rest.len() as u64 {
        return fail(&rest[rest.len()..], "literal octets");
    }
    let n = n as usize;
    Ok((
        &rest[n..],
        Literal {
            data: Cow::Borrowed(&rest[..n]),
            mode,
            binary,
        },
    ))
}

/// `string = quoted / literal` (RFC 9051 §9).
pub(crate) fn string(i: &[u8]) -> PResult<'_, IString<'_>> {
    match i.first() {
        Some(b'"') => quoted(i).map(|(r, v)| (r, IString::new(v))),
        Some(b'{') => literal(i).map(|(r, l)| (r, IString::new(l.data))),
        _ => fail(i, "string"),
    }
}

/// `astring = 1*ASTRING-CHAR / string` (RFC 9051 §9).
pub(crate) fn astring(i: &[u8]) -> PResult<'_, AString<'_>> {
    match i.first() {
        Some(b'"') => quoted(i).map(|(r, v)| (r, AString::new(v))),
        Some(b'{') => literal(i).map(|(r, l)| (r, AString::new(l.data))),
        _ => {
            let n = fast::span(i, fast::is_astring_char);
            if n == 0 {
                return fail(i, "astring");
            }
            Ok((&i[n..], AString::new(&i[..n])))
        }
    }
}

/// `nil = "NIL"` (RFC 9051 §9).
pub(crate) fn nil(i: &[u8]) -> PResult<'_, ()> {
    if at_keyword(i, b"NIL") {
        Ok((&i[3..], ()))
    } else {
        fail(i, "NIL")
    }
}

/// `nstring = string / nil` (RFC 9051 §9).
pub(crate) fn nstring(i: &[u8]) -> PResult<'_, NString<'_>> {
    match i.first() {
        Some(b'"' | b'{') => string(i).map(|(r, s)| (r, Some(s))),
        _ => match nil(i) {
            Ok((r, ())) => Ok((r, None)),
            Err(_) => fail(i, "nstring (string or NIL)"),
        },
    }
}

/// `mailbox = "INBOX" / astring` (RFC 9051 §9).
pub(crate) fn mailbox(i: &[u8]) -> PResult<'_, Mailbox<'_>> {
    let (rest, a) = astring(i)?;
    Ok((rest, Mailbox::from(a)))
}

/// `list-mailbox = 1*list-char / string` (RFC 9051 §9).
pub(crate) fn list_mailbox(i: &[u8]) -> PResult<'_, ListMailbox<'_>> {
    match i.first() {
        Some(b'"' | b'{') => string(i).map(|(r, s)| (r, ListMailbox::new(s.into_inner()))),
        _ => {
            let n = fast::span(i, fast::is_list_char);
            if n == 0 {
                return fail(i, "list-mailbox");
            }
            Ok((&i[n..], ListMailbox::new(&i[..n])))
        }
    }
}

/// `text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)` (RFC 9051 §9), up to
/// the CRLF (not consumed). Empty text is accepted (quirk: servers omit
/// it). Bytes that are not UTF-8 are replaced (U+FFFD): the text is for
/// people, and a Latin-1 byte in it must not fail the response.
pub(crate) fn text(i: &[u8]) -> PResult<'_, Text<'_>> {
    let end = memchr::memchr2(b'\r', b'\n', i).unwrap_or(i.len());
    if let Some(z) = memchr::memchr(0, &i[..end]) {
        return fail(&i[z..], "TEXT-CHAR (no NUL in text)");
    }
    // UTF-8 (nearly always ASCII) is borrowed after one validation pass;
    // only text that is not UTF-8 takes the replacing (and copying) path.
    let t = match std::str::from_utf8(&i[..end]) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(&i[..end]),
    };
    Ok((&i[end..], Text::unchecked(t)))
}

/// `seq-number = nz-number / "*"` (RFC 9051 §9).
pub(crate) fn seq_number(i: &[u8]) -> PResult<'_, SeqNumber> {
    match i.first() {
        Some(b'*') => Ok((&i[1..], SeqNumber::Largest)),
        _ => nz_number(i).map(|(r, n)| (r, SeqNumber::Value(n))),
    }
}

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]`,
/// `seq-range = seq-number ":" seq-number`, and `"$"` (RFC 9051 §9,
/// RFC 5182).
pub(crate) fn sequence_set(i: &[u8]) -> PResult<'_, SequenceSet> {
    if let Some(b'$') = i.first() {
        return Ok((&i[1..], SequenceSet::Saved));
    }
    let mut seqs = Vec::new();
    let mut i = i;
    loop {
        let (r, a) = seq_number(i)?;
        let (r, s) = match r.first() {
            Some(b':') => {
                let (r, b) = seq_number(&r[1..])?;
                (r, Sequence::Range(a, b))
            }
            _ => (r, Sequence::Single(a)),
        };
        seqs.push(s);
        match r.first() {
            Some(b',') => i = &r[1..],
            _ => return Ok((r, SequenceSet::Set(NonEmpty::unchecked(seqs)))),
        }
    }
}

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" /
/// flag-keyword / flag-extension`, `flag-extension = "\" atom` (RFC 9051
/// §9), with `\Recent` (RFC 3501 `flag-fetch`). Lenient: a keyword that
/// goes on with `]` and more `ASTRING-CHAR`s (Gmail's labels:
/// [`BracketKeyword`]).
pub(crate) fn flag(i: &[u8]) -> PResult<'_, Flag<'_>> {
    match i.first() {
        Some(b'\\') => {
            let (r, a) = atom_bytes(&i[1..])?;
            let f = match Flag::system(a) {
                Some(f) => f,
                None => Flag::extension_unchecked(Atom::unchecked(ascii(a))),
            };
            Ok((r, f))
        }
        _ => {
            let (r, a) = atom(i)?;
            if let Some(b']') = r.first() {
                // Gmail's label keywords hold "]" (see `BracketKeyword`).
                let n = i.len() - r.len() + fast::span(r, fast::is_astring_char);
                return Ok((
                    &i[n..],
                    Flag::BracketKeyword(BracketKeyword::unchecked(ascii(&i[..n]))),
                ));
            }
            Ok((r, Flag::Keyword(a)))
        }
    }
}

/// `flag-perm = flag / "\*"` (RFC 9051 §9).
pub(crate) fn flag_perm(i: &[u8]) -> PResult<'_, FlagPerm<'_>> {
    if i.starts_with(b"\\*") {
        return Ok((&i[2..], FlagPerm::Any));
    }
    flag(i).map(|(r, f)| (r, FlagPerm::Flag(f)))
}

/// A parenthesized, space-separated list of `item`s, possibly empty:
/// `"(" [item *(SP item)] ")"`. Lenient about spaces inside the parens.
pub(crate) fn paren_list<'a, T>(
    i: &'a [u8],
    mut item: impl FnMut(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Vec<T>> {
    let (mut i, ()) = byte(b'(', "\"(\"")(i)?;
    if let Some(b')') = i.first() {
        return Ok((&i[1..], Vec::new()));
    }
    // Not empty: room for a few items at once, one allocation.
    let mut out = Vec::with_capacity(4);
    loop {
        while let Some(b' ') = i.first() {
            i = &i[1..];
        }
        if let Some(b')') = i.first() {
            return Ok((&i[1..], out));
        }
        let (r, v) = item(i)?;
        out.push(v);
        match r.first() {
            Some(b' ' | b')') => i = r,
            _ => return fail(r, "SP or \")\""),
        }
    }
}

/// A parenthesized list of at least one `item`: `"(" item *(SP item) ")"`,
/// as [`paren_list`] reads it; `()` is refused, as "expected `expected`"
/// at the `(`.
pub(crate) fn paren_list1<'a, T>(
    i: &'a [u8],
    item: impl FnMut(&'a [u8]) -> PResult<'a, T>,
    expected: &'static str,
) -> PResult<'a, NonEmpty<T>> {
    let (r, v) = paren_list(i, item)?;
    match NonEmpty::from_vec(v) {
        Ok(v) => Ok((r, v)),
        Err(_) => fail(i, expected),
    }
}

/// `flag-list = "(" [flag *(SP flag)] ")"` (RFC 9051 §9).
pub(crate) fn flag_list(i: &[u8]) -> PResult<'_, Vec<Flag<'_>>> {
    paren_list(i, flag)
}

fn two_digits(i: &[u8]) -> PResult<'_, u8> {
    match i {
        [a, b, rest @ ..] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Ok((rest, (a - b'0') * 10 + (b - b'0')))
        }
        _ => fail(i, "2DIGIT"),
    }
}

/// `date-month = "Jan" / "Feb" / ... / "Dec"` (RFC 9051 §9), 1 to 12.
fn date_month(i: &[u8]) -> PResult<'_, u8> {
    if i.len() >= 3 {
        for (k, m) in crate::types::datetime::MONTHS.iter().enumerate() {
            if i[..3].eq_ignore_ascii_case(m.as_bytes()) {
                return Ok((&i[3..], k as u8 + 1));
            }
        }
    }
    fail(i, "date-month")
}

/// `date-year = 4DIGIT` (RFC 9051 §9).
fn date_year(i: &[u8]) -> PResult<'_, u16> {
    let (r, a) = two_digits(i)?;
    let (r, b) = two_digits(r)?;
    Ok((r, u16::from(a) * 100 + u16::from(b)))
}

fn make_date<'a>(at: &'a [u8], y: u16, m: u8, d: u8) -> Result<Date, nom::Err<super::PErr<'a>>> {
    Date::new(y, m, d).map_err(|_| error_at(at, "a valid calendar date"))
}

/// `date = date-text / DQUOTE date-text DQUOTE`, `date-text = date-day "-"
/// date-month "-" date-year`, `date-day = 1*2DIGIT` (RFC 9051 §9).
pub(crate) fn date(i: &[u8]) -> PResult<'_, Date> {
    let start = i;
    let (i, q) = match i.first() {
        Some(b'"') => (&i[1..], true),
        _ => (i, false),
    };
    let n = i.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 2 {
        return fail(i, "date-day");
    }
    let day = i[..n].iter().fold(0u8, |a, d| a * 10 + (d - b'0'));
    let (i, ()) = byte(b'-', "\"-\"")(&i[n..])?;
    let (i, m) = date_month(i)?;
    let (i, ()) = byte(b'-', "\"-\"")(i)?;
    let (i, y) = date_year(i)?;
    let i = if q { byte(b'"', "DQUOTE")(i)?.0 } else { i };
    Ok((i, make_date(start, y, m, day)?))
}

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time
/// SP zone DQUOTE`, `date-day-fixed = (SP DIGIT) / 2DIGIT`, `time = 2DIGIT
/// ":" 2DIGIT ":" 2DIGIT`, `zone = ("+" / "-") 4DIGIT` (RFC 9051 §9).
/// Lenient: a one-digit day without its padding space (quirk).
pub(crate) fn date_time(i: &[u8]) -> PResult<'_, DateTime> {
    let start = i;
    let (i, ()) = byte(b'"', "DQUOTE opening a date-time")(i)?;
    let (i, day) = match i {
        [b' ', d, rest @ ..] if d.is_ascii_digit() => (rest, d - b'0'),
        [d, b'-', ..] if d.is_ascii_digit() => (&i[1..], d - b'0'),
        _ => two_digits(i)?,
    };
    let (i, ()) = byte(b'-', "\"-\"")(i)?;
    let (i, m) = date_month(i)?;
    let (i, ()) = byte(b'-', "\"-\"")(i)?;
    let (i, y) = date_year(i)?;
    let (i, ()) = byte(b' ', "SP")(i)?;
    let (i, hh) = two_digits(i)?;
    let (i, ()) = byte(b':', "\":\"")(i)?;
    let (i, mm) = two_digits(i)?;
    let (i, ()) = byte(b':', "\":\"")(i)?;
    let (i, ss) = two_digits(i)?;
    let (i, ()) = byte(b' ', "SP")(i)?;
    let (i, neg) = match i.first() {
        Some(b'+') => (&i[1..], false),
        Some(b'-') => (&i[1..], true),
        _ => return fail(i, "zone"),
    };
    let (i, zh) = two_digits(i)?;
    let (i, zm) = two_digits(i)?;
    let (i, ()) = byte(b'"', "DQUOTE closing a date-time")(i)?;
    let zone = (i16::from(zh) * 60 + i16::from(zm)) * if neg { -1 } else { 1 };
    let d = make_date(start, y, m, day)?;
    match DateTime::new(d, hh, mm, ss, zone) {
        Ok(t) => Ok((i, t)),
        Err(_) => fail(start, "a valid time and zone"),
    }
}

/// `capability = ("AUTH=" auth-type) / atom` (RFC 9051 §9).
pub(crate) fn capability(i: &[u8]) -> PResult<'_, Capability<'_>> {
    atom(i).map(|(r, a)| (r, Capability::from_atom(a)))
}

/// One value of an unknown extension, captured raw: a parenthesized list
/// (nested, bounded by `depth`), a quoted string, a literal or literal8, or
/// a run of bytes other than SP, parentheses, DQUOTE, `{`, CR, LF and NUL
/// (atoms, numbers, `BODY[1]<0>`-like tokens). Generalises RFC 4466
/// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`; inside
/// a list, a list may follow a list without SP (as the bodies of a
/// multipart do).
pub(crate) fn raw_value(i: &[u8], depth: Depth) -> PResult<'_, RawValue<'_>> {
    let (rest, ()) = raw_value_span(i, depth)?;
    Ok((rest, RawValue::unchecked(&i[..i.len() - rest.len()])))
}

fn raw_value_span(i: &[u8], depth: Depth) -> PResult<'_, ()> {
    match i.first() {
        Some(b'(') => {
            let d = depth.enter(i)?;
            let mut i = &i[1..];
            loop {
                while let Some(b' ') = i.first() {
                    i = &i[1..];
                }
                if let Some(b')') = i.first() {
                    return Ok((&i[1..], ()));
                }
                let r = raw_value_span(i, d)?.0;
                match r.first() {
                    Some(b' ' | b')') => {}
                    // A list right after a list: the bodies of a multipart
                    // (`1*body`, RFC 9051 §9) have no SP between them.
                    Some(b'(') if i.first() == Some(&b'(') => {}
                    _ => return fail(r, "SP or \")\""),
                }
                i = r;
            }
        }
        Some(b'"') => quoted(i).map(|(r, _)| (r, ())),
        Some(b'{' | b'~') => literal(i).map(|(r, _)| (r, ())),
        _ => {
            let n = i
                .iter()
                .take_while(|&&b| {
                    !matches!(b, b' ' | b'(' | b')' | b'"' | b'{' | b'\r' | b'\n' | 0)
                })
                .count();
            if n == 0 {
                return fail(i, "a value");
            }
            Ok((&i[n..], ()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings() {
        assert_eq!(
            quoted(b"\"a\\\"b\" x").unwrap(),
            (&b" x"[..], Cow::Owned(b"a\"b".to_vec()))
        );
        assert!(matches!(
            quoted(b"\"ab\" ").unwrap().1,
            Cow::Borrowed(b"ab")
        ));
        assert!(quoted(b"\"a\rb\"").is_err());
        assert!(quoted(b"\"a\0b\"").is_err());
        assert!(quoted(b"\"a\\nb\"").is_err());
        assert!(quoted(b"\"ab").is_err());
    }

    #[test]
    fn text_is_borrowed_when_utf8_and_replaced_when_not() {
        let (rest, t) = text("caf\u{e9} ok\r\n".as_bytes()).unwrap();
        assert_eq!((rest, t.as_str()), (&b"\r\n"[..], "caf\u{e9} ok"));
        // A Latin-1 byte: kept as U+FFFD, the response still parses.
        let (rest, t) = text(b"caf\xe9 ok\r\n").unwrap();
        assert_eq!((rest, t.as_str()), (&b"\r\n"[..], "caf\u{fffd} ok"));
        assert!(text(b"a\0b\r\n").is_err());
    }

    #[test]
    fn numbers() {
        assert_eq!(number(b"4294967295 ").unwrap().1, u32::MAX);
        assert!(number(b"4294967296").is_err());
        assert!(nz_number(b"0").is_err());
        assert!(nz_number(b"01").is_err());
        assert_eq!(number64(b"9223372036854775807").unwrap().1, Number64::MAX);
        assert!(number64(b"9223372036854775808").is_err());
        assert!(number64(b"18446744073709551616").is_err());
        assert_eq!(number64(b"0)").unwrap(), (&b")"[..], Number64::ZERO));
        assert_eq!(
            nz_number64(b"9223372036854775807").unwrap().1,
            NzNumber64::MAX
        );
        assert_eq!(nz_number64(b"01").unwrap().1, NzNumber64::MIN);
        assert!(nz_number64(b"0").is_err());
        assert!(nz_number64(b"9223372036854775808").is_err());
    }

    #[test]
    fn literals() {
        let (r, l) = literal(b"{3}\r\na\0c rest").unwrap();
        assert_eq!(
            (r, &l.data[..], l.mode, l.binary),
            (&b" rest"[..], &b"a\0c"[..], LiteralMode::Sync, false)
        );
        let (_, l) = literal(b"~{2+}\r\n\0\0").unwrap();
        assert!(l.binary && l.mode == LiteralMode::NonSync);
        assert!(literal(b"{5}\r\nab").is_err());
    }

    #[test]
    fn raw_values() {
        let d = Depth::new(&super::super::ParseLimits::default());
        let (r, v) = raw_value(b"(a (b \"c)\" {1}\r\n))) x", d).unwrap();
        assert_eq!(
            (v.as_bytes(), r),
            (&b"(a (b \"c)\" {1}\r\n)))"[..], &b" x"[..])
        );
        assert!(raw_value(b"(a (b", d).is_err());
        // A list right after a list (the bodies of a multipart), not after
        // anything else.
        let (r, v) = raw_value(b"((a)(b) c) x", d).unwrap();
        assert_eq!((v.as_bytes(), r), (&b"((a)(b) c)"[..], &b" x"[..]));
        assert!(raw_value(b"(a(b))", d).is_err());
        assert!(raw_value(b"(\"a\"(b))", d).is_err());
        let deep = "(".repeat(100_000);
        assert!(raw_value(deep.as_bytes(), d).is_err());
    }

    #[test]
    fn dates() {
        let (_, t) = date_time(b"\"17-Jul-1996 02:44:25 -0700\"").unwrap();
        assert_eq!(t.to_string(), "17-Jul-1996 02:44:25 -0700");
        let (_, t) = date_time(b"\" 7-Jul-1996 02:44:25 +0000\"").unwrap();
        assert_eq!(t.date().day(), 7);
        assert!(date_time(b"\"31-Feb-1996 02:44:25 -0700\"").is_err());
        assert_eq!(date(b"1-Feb-1994").unwrap().1.to_string(), "1-Feb-1994");
        assert_eq!(date(b"\"1-feb-1994\"").unwrap().1.to_string(), "1-Feb-1994");
    }
}
