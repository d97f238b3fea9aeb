//! What IMAP needs to know about a stored message, computed once when it
//! is stored: its ENVELOPE and BODYSTRUCTURE, where each MIME part's
//! header and body lie in the raw bytes (for `BODY[1.2.MIME]` and
//! friends), and text to search. The MIME parsing itself is mail-parser's;
//! this module only maps its result onto imap-proto's types.

use std::ops::Range;

use imap_proto::types::{
    Address, BodyExt1Part, BodyExtMpart, BodyFields, BodyFldParam, BodyStructure, Date, DateTime,
    Disposition, Envelope, IString, MessageSubtype, MultiPart, NString, Number64, PartKind,
    Section, SectionMsgtext, SectionText, SinglePart,
};
use mail_parser::{HeaderValue, MessageParser, PartType};

/// A stored message and what was computed from it.
#[derive(Debug)]
pub struct Message {
    /// The message as received, byte for byte.
    pub raw: Vec<u8>,
    /// When the server received it (APPEND's date, or the Date header for
    /// the seeded mail).
    pub internal_date: DateTime,
    /// The ENVELOPE.
    pub envelope: Envelope<'static>,
    /// The BODYSTRUCTURE, with extension data (`BODY` strips it).
    pub body: BodyStructure<'static>,
    /// Where the parts are.
    pub root: Part,
    /// The Date header's day, for SENTBEFORE / SENTON / SENTSINCE.
    pub sent: Option<Date>,
    /// Lower-cased decoded text of the text parts, for BODY and TEXT.
    pub text: String,
    /// The Subject with its encoded words decoded, for SUBJECT.
    pub subject: Option<String>,
}

/// One MIME part, by byte ranges into [`Message::raw`].
#[derive(Debug, Clone, Default)]
pub struct Part {
    /// The part's header, blank line included (`[n.MIME]`, `[HEADER]`).
    pub header: Range<usize>,
    /// The part's body (`[n]`, `[TEXT]`).
    pub body: Range<usize>,
    /// The parts of a multipart.
    pub children: Vec<Part>,
    /// The encapsulated message of a message/rfc822 part.
    pub message: Option<Box<Part>>,
}

impl Message {
    /// Analyzes `raw`. Anything mail-parser cannot read is stored as a
    /// one-part text/plain message, never refused.
    pub fn new(raw: Vec<u8>, internal_date: DateTime) -> Message {
        let (root, envelope, body) = match analyze(&raw, 0) {
            Some(a) => a,
            None => {
                let len = raw.len();
                let root = Part {
                    header: 0..0,
                    body: 0..len,
                    ..Part::default()
                };
                let body = single(
                    PartKind::Text {
                        subtype: Some("PLAIN".into()),
                        lines: count_lines(&raw),
                    },
                    BodyFields {
                        encoding: Some("7BIT".into()),
                        octets: len as u32,
                        ..BodyFields::default()
                    },
                );
                (root, Envelope::default(), body)
            }
        };
        let parsed = MessageParser::default().parse(&raw[..]);
        let sent = parsed
            .as_ref()
            .and_then(|m| m.date())
            .and_then(|d| Date::new(d.year, d.month, d.day).ok());
        let subject = parsed.as_ref().and_then(|m| m.subject()).map(str::to_owned);
        let mut text = String::new();
        if let Some(m) = &parsed {
            for part in &m.parts {
                if let PartType::Text(t) | PartType::Html(t) = &part.body {
                    text.push_str(&t.to_lowercase());
                    text.push('\n');
                }
            }
        }
        Message {
            raw,
            internal_date,
            envelope,
            body,
            root,
            sent,
            text,
            subject,
        }
    }

    /// The size, for RFC822.SIZE, LARGER and SMALLER.
    pub fn size(&self) -> Number64 {
        number64(self.raw.len() as u64)
    }

    /// The header's raw bytes, blank line included.
    pub fn header(&self) -> &[u8] {
        &self.raw[self.root.header.clone()]
    }

    /// The raw values of the header fields called `name` (any case),
    /// unfolded.
    pub fn header_values(&self, name: &str) -> Vec<String> {
        header_fields(self.header())
            .filter(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, v)| unfold(v))
            .collect()
    }

    /// The bytes a `BODY[section]` names, or `None` if the message has no
    /// such part (answered with NIL).
    pub fn section(&self, section: &Section<'_>) -> Option<Vec<u8>> {
        let raw = &self.raw[..];
        match section {
            Section::Message(None) => Some(raw.to_vec()),
            Section::Message(Some(t)) => Some(msgtext(raw, &self.root, t)),
            Section::Part(path, text) => {
                let (first, rest) = path.as_slice().split_first()?;
                let mut node = part_of_message(&self.root, first.get() as usize)?;
                for n in rest {
                    node = step(node, n.get() as usize)?;
                }
                match text {
                    None => Some(raw[node.body.clone()].to_vec()),
                    Some(SectionText::Mime) => Some(raw[node.header.clone()].to_vec()),
                    Some(SectionText::Msgtext(t)) => {
                        let inner = node.message.as_deref()?;
                        Some(msgtext(raw, inner, t))
                    }
                }
            }
        }
    }
}

/// Part `n` (1-based) of the message whose root part is `root`: a
/// multipart's n-th child; `1` of a non-multipart message is its root
/// (RFC 9051 §6.4.5: a non-multipart message has one part, 1).
fn part_of_message(root: &Part, n: usize) -> Option<&Part> {
    if root.children.is_empty() {
        (n == 1).then_some(root)
    } else {
        root.children.get(n.checked_sub(1)?)
    }
}

/// Part `n` (1-based) below `node`: a multipart's n-th child; below a
/// message/rfc822 part, the parts of the message it holds.
fn step(node: &Part, n: usize) -> Option<&Part> {
    if !node.children.is_empty() {
        node.children.get(n.checked_sub(1)?)
    } else {
        part_of_message(node.message.as_deref()?, n)
    }
}

/// HEADER, HEADER.FIELDS (...), HEADER.FIELDS.NOT (...) or TEXT of the
/// message whose root part is `m`.
fn msgtext(raw: &[u8], m: &Part, t: &SectionMsgtext<'_>) -> Vec<u8> {
    let header = &raw[m.header.clone()];
    let pick = |names: &[imap_proto::types::AString<'_>], keep: bool| {
        let mut out = Vec::new();
        for (name, value) in header_fields(header) {
            let listed = names
                .iter()
                .any(|n| n.as_bytes().eq_ignore_ascii_case(name));
            if listed == keep {
                out.extend_from_slice(name);
                out.push(b':');
                out.extend_from_slice(value);
            }
        }
        out.extend_from_slice(b"\r\n");
        out
    };
    match t {
        SectionMsgtext::Header => header.to_vec(),
        SectionMsgtext::HeaderFields(names) => pick(names, true),
        SectionMsgtext::HeaderFieldsNot(names) => pick(names, false),
        SectionMsgtext::Text => raw[m.body.clone()].to_vec(),
    }
}

/// The fields of a header block: (name, raw value with its line ends and
/// continuation lines).
fn header_fields(header: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = header;
    std::iter::from_fn(move || loop {
        if rest.is_empty() || rest.starts_with(b"\r\n") || rest.starts_with(b"\n") {
            return None;
        }
        // The field runs to the first line end not followed by WSP.
        let mut end = 0;
        loop {
            match rest[end..].iter().position(|&b| b == b'\n') {
                Some(i) => {
                    end += i + 1;
                    if !matches!(rest.get(end), Some(b' ' | b'\t')) {
                        break;
                    }
                }
                None => {
                    end = rest.len();
                    break;
                }
            }
        }
        let (field, tail) = rest.split_at(end);
        rest = tail;
        if let Some(colon) = field.iter().position(|&b| b == b':') {
            return Some((&field[..colon], &field[colon + 1..]));
        }
    })
}

/// A raw header value without its line breaks and outer blanks.
fn unfold(v: &[u8]) -> String {
    let s = String::from_utf8_lossy(v);
    s.replace("\r\n", "").replace('\n', "").trim().to_owned()
}

/// Parses the (sub)message `raw`, whose first byte is at `base` in the
/// stored message: its part tree, envelope and body structure.
fn analyze(raw: &[u8], base: usize) -> Option<(Part, Envelope<'static>, BodyStructure<'static>)> {
    let m = MessageParser::default().parse(raw)?;
    let envelope = envelope(&m, raw);
    let (part, body) = part(&m, 0, raw, base, false)?;
    Some((part, envelope, body))
}

/// Part `id` of `m`; `in_digest`: its parent is a multipart/digest, where
/// a part without Content-Type is message/rfc822 (RFC 2046 §5.1.5).
fn part(
    m: &mail_parser::Message<'_>,
    id: usize,
    raw: &[u8],
    base: usize,
    in_digest: bool,
) -> Option<(Part, BodyStructure<'static>)> {
    let mp = m.parts.get(id)?;
    let header = mp.offset_header as usize..mp.offset_body as usize;
    let body = mp.offset_body as usize..(mp.offset_end as usize).max(mp.offset_body as usize);
    let body_bytes = raw.get(body.clone())?;
    let raw_header = |name: &str| -> NString<'static> {
        mp.headers
            .iter()
            .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
            .and_then(|h| raw.get(h.offset_start as usize..h.offset_end as usize))
            .map(|v| IString::from(unfold(v)))
    };
    let header_value = |name: &str| {
        mp.headers
            .iter()
            .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
            .map(|h| &h.value)
    };
    let (ctype, csub, params) = match header_value("Content-Type") {
        Some(HeaderValue::ContentType(ct)) => (
            ct.c_type.to_ascii_uppercase(),
            ct.c_subtype.as_deref().map(str::to_ascii_uppercase),
            ct.attributes
                .iter()
                .flatten()
                .map(|a| {
                    (
                        IString::from(a.name.to_ascii_uppercase()),
                        Some(IString::from(a.value.to_string())),
                    )
                })
                .collect::<BodyFldParam<'static>>(),
        ),
        _ if in_digest => ("MESSAGE".to_owned(), Some("RFC822".to_owned()), Vec::new()),
        _ => ("TEXT".to_owned(), Some("PLAIN".to_owned()), Vec::new()),
    };
    let disposition = match header_value("Content-Disposition") {
        Some(HeaderValue::ContentType(ct)) => Some(Disposition {
            kind: IString::from(ct.c_type.to_string()),
            params: ct
                .attributes
                .iter()
                .flatten()
                .map(|a| {
                    (
                        IString::from(a.name.to_ascii_uppercase()),
                        Some(IString::from(a.value.to_string())),
                    )
                })
                .collect(),
        }),
        _ => None,
    };
    let language = match header_value("Content-Language") {
        Some(HeaderValue::Text(t)) => vec![IString::from(t.to_string())],
        Some(HeaderValue::TextList(l)) => l.iter().map(|t| IString::from(t.to_string())).collect(),
        _ => Vec::new(),
    };
    let location = raw_header("Content-Location");
    let shifted = |r: &Range<usize>| r.start + base..r.end + base;
    let mut node = Part {
        header: shifted(&header),
        body: shifted(&body),
        children: Vec::new(),
        message: None,
    };

    if let PartType::Multipart(ids) = &mp.body {
        let mut bodies = Vec::new();
        let digest = csub.as_deref() == Some("DIGEST");
        for &child in ids {
            let (p, b) = part(m, child as usize, raw, base, digest)?;
            node.children.push(p);
            bodies.push(b);
        }
        let params = if params.is_empty() {
            Vec::new()
        } else {
            params
        };
        let mut multi = MultiPart::new(bodies, csub.map(IString::from)).ok()?;
        multi.extension = Some(BodyExtMpart {
            params,
            disposition,
            language,
            location,
            extensions: Vec::new(),
        });
        return Some((node, BodyStructure::Multi(multi)));
    }

    let encoding = raw_header("Content-Transfer-Encoding")
        .map(|e| IString::from(String::from_utf8_lossy(e.as_bytes()).to_ascii_uppercase()))
        .unwrap_or_else(|| IString::from("7BIT"));
    let fields = BodyFields {
        params: if ctype == "TEXT" && params.is_empty() {
            vec![(IString::from("CHARSET"), Some(IString::from("US-ASCII")))]
        } else {
            params
        },
        id: raw_header("Content-ID"),
        description: raw_header("Content-Description"),
        encoding: Some(encoding.clone()),
        octets: body_bytes.len() as u32,
    };
    let lines = count_lines(body_bytes);
    let identity = matches!(encoding.as_bytes(), b"7BIT" | b"8BIT" | b"BINARY");
    let kind = match (ctype.as_str(), csub.as_deref()) {
        ("MESSAGE", Some(sub @ ("RFC822" | "GLOBAL"))) if identity => {
            match analyze(body_bytes, base + body.start) {
                Some((inner, env, inner_body)) => {
                    node.message = Some(Box::new(inner));
                    PartKind::Message {
                        subtype: if sub == "GLOBAL" {
                            MessageSubtype::Global
                        } else {
                            MessageSubtype::Rfc822
                        },
                        envelope: Box::new(env),
                        body: Box::new(inner_body),
                        lines,
                    }
                }
                None => PartKind::Basic {
                    media_type: Some(IString::from(ctype.clone())),
                    subtype: csub.clone().map(IString::from),
                },
            }
        }
        ("TEXT", sub) => PartKind::Text {
            subtype: Some(IString::from(sub.unwrap_or("PLAIN").to_owned())),
            lines,
        },
        (t, sub) => PartKind::Basic {
            media_type: Some(IString::from(t.to_owned())),
            subtype: sub.map(|s| IString::from(s.to_owned())),
        },
    };
    let mut s = match single(kind, fields) {
        BodyStructure::Single(s) => s,
        other => return Some((node, other)),
    };
    s.extension = Some(BodyExt1Part {
        md5: raw_header("Content-MD5"),
        disposition,
        language,
        location,
        extensions: Vec::new(),
    });
    Some((node, BodyStructure::Single(s)))
}

fn single(kind: PartKind<'static>, fields: BodyFields<'static>) -> BodyStructure<'static> {
    BodyStructure::Single(SinglePart {
        kind,
        fields,
        extension: None,
    })
}

/// `body-fld-lines`: the number of lines of a text part.
fn count_lines(b: &[u8]) -> Number64 {
    let n = b.iter().filter(|&&c| c == b'\n').count() as u64;
    number64(n + u64::from(!b.is_empty() && !b.ends_with(b"\n")))
}

/// A count as a `number64`. Counts of bytes held in memory are far below
/// 2^63; the limit is kept all the same (a `number64` cannot pass it).
pub fn number64(n: u64) -> Number64 {
    Number64::new(n).unwrap_or(Number64::MAX)
}

/// The ENVELOPE of a parsed message (RFC 9051 §7.5.2). Strings are the
/// raw header values (encoded words left as they are); address display
/// names come decoded from mail-parser, so non-ASCII ones are encoded
/// again (RFC 2047) to stay 7-bit.
fn envelope(m: &mail_parser::Message<'_>, raw: &[u8]) -> Envelope<'static> {
    let root = &m.parts[0];
    let raw_value = |name: &str| -> NString<'static> {
        root.headers
            .iter()
            .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
            .and_then(|h| raw.get(h.offset_start as usize..h.offset_end as usize))
            .map(|v| IString::from(unfold(v)))
    };
    let addresses = |name: &str| -> Vec<Address<'static>> {
        let value = root
            .headers
            .iter()
            .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
            .map(|h| &h.value);
        match value {
            Some(HeaderValue::Address(a)) => convert_addresses(a),
            _ => Vec::new(),
        }
    };
    let from = addresses("From");
    let or_from = |v: Vec<Address<'static>>| if v.is_empty() { from.clone() } else { v };
    Envelope {
        date: raw_value("Date"),
        subject: raw_value("Subject"),
        sender: or_from(addresses("Sender")),
        reply_to: or_from(addresses("Reply-To")),
        to: addresses("To"),
        cc: addresses("Cc"),
        bcc: addresses("Bcc"),
        in_reply_to: raw_value("In-Reply-To"),
        message_id: raw_value("Message-ID"),
        from,
    }
}

fn convert_addresses(a: &mail_parser::Address<'_>) -> Vec<Address<'static>> {
    let one = |addr: &mail_parser::Addr<'_>| {
        // An obsolete source route, `<@route:user@domain>` (RFC 5322
        // §4.4), goes to `adl`.
        let (adl, address) = match addr.address.as_deref() {
            Some(a) if a.starts_with('@') && a.contains(':') => {
                let (route, rest) = a.split_once(':').unwrap_or((a, ""));
                (Some(IString::from(route.to_owned())), Some(rest))
            }
            other => (None, other),
        };
        let (mailbox, host) = match address.map(|s| s.rsplit_once('@')) {
            Some(Some((m, h))) => (Some(m.to_owned()), Some(h.to_owned())),
            Some(None) => (address.map(str::to_owned), Some(String::new())),
            None => (None, Some(String::new())),
        };
        Address {
            name: addr.name.as_deref().map(|n| IString::from(encode_word(n))),
            adl,
            mailbox: mailbox.map(IString::from),
            host: host.map(IString::from),
        }
    };
    match a {
        mail_parser::Address::List(list) => list.iter().map(one).collect(),
        mail_parser::Address::Group(groups) => {
            let mut out = Vec::new();
            for g in groups {
                match &g.name {
                    // A group: start marker, members, end marker.
                    Some(name) => {
                        out.push(Address {
                            mailbox: Some(IString::from(encode_word(name))),
                            ..Address::default()
                        });
                        // A member without an address (a bare comment,
                        // `group: (foo) ;`) is no address at all.
                        out.extend(
                            (g.addresses.iter())
                                .filter(|a| a.address.is_some())
                                .map(one),
                        );
                        out.push(Address::default());
                    }
                    None => out.extend(g.addresses.iter().map(one)),
                }
            }
            out
        }
    }
}

/// `s` itself if it is printable ASCII, else one RFC 2047 encoded word.
fn encode_word(s: &str) -> String {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        s.to_owned()
    } else {
        format!("=?UTF-8?B?{}?=", base64(s.as_bytes()))
    }
}

/// Standard base64 with padding, on one line.
pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
