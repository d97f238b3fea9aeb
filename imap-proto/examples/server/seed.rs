//! The demo account's mail, built in code: a few dozen messages of the
//! shapes real mail has (plain text, text + HTML alternatives, attachments,
//! a forwarded message, quoted-printable UTF-8 with encoded-word headers,
//! mailing-list posts, an undisclosed-recipients group), spread over the
//! usual folders.

use std::sync::Arc;

use imap_proto::types::{Atom, Date, DateTime, Flag, MailboxAttribute};

use super::mime::{base64, Message};
use super::store::Store;

/// The demo account.
pub const USER: &str = "demo";
/// Its password.
pub const PASSWORD: &str = "demo";

const PEOPLE: [(&str, &str); 8] = [
    ("Alice Martin", "alice@example.org"),
    ("Bob Okafor", "bob@example.net"),
    ("Chloé Dubois", "chloe@example.fr"),
    ("Dmitri Volkov", "dmitri@example.com"),
    ("Emma Schulz", "emma@example.de"),
    ("Farid Haddad", "farid@example.org"),
    ("Grace Lee", "grace@example.com"),
    ("Hiro Tanaka", "hiro@example.jp"),
];

const SUBJECTS: [&str; 12] = [
    "Quarterly planning notes",
    "Lunch on Thursday?",
    "Re: build is red again",
    "Invoice 2025-117",
    "Slides for the review",
    "Weekend hike photos",
    "Draft contract, second round",
    "Server maintenance window",
    "Your order has shipped",
    "Minutes of the team meeting",
    "Question about the API",
    "Travel itinerary",
];

const BODIES: [&str; 6] = [
    "Hi,\r\n\r\nhere are the notes from today. The main points: we ship the\r\nsync feature first, then the search rewrite. Comments welcome.\r\n\r\nCheers\r\n",
    "Hello,\r\n\r\nare you free on Thursday around noon? The new place near the\r\nstation has a decent lunch menu.\r\n\r\nBest\r\n",
    "The nightly build failed in the integration stage again. It looks\r\nlike the test server was not up in time. I restarted it; let's see\r\nwhat tonight's run says.\r\n",
    "Dear customer,\r\n\r\nplease find your invoice attached. Payment is due within 30 days.\r\n\r\nKind regards\r\nAccounts\r\n",
    "Attached are the slides. Page 7 still needs the numbers from\r\nfinance; I left a placeholder.\r\n",
    "What a day! The view from the ridge was worth the climb.\r\nPhotos attached, more to come.\r\n",
];

/// Fills the demo account.
pub fn seed(store: &mut Store) {
    store.add_account(USER, PASSWORD);
    let Some(a) = store.account(USER) else { return };
    let special =
        |name: &str| MailboxAttribute::from_backslash(Atom::new(name.to_owned()).ok()?).into();
    for (name, use_) in [
        ("Drafts", "Drafts"),
        ("Sent", "Sent"),
        ("Trash", "Trash"),
        ("Junk", "Junk"),
        ("Archive", "Archive"),
    ] {
        a.create(name, special(use_));
        a.subscribed.insert(name.to_owned());
    }
    a.create("Work/Projects", None);
    a.create("Lists/imap-dev", None);
    for name in ["Work", "Work/Projects", "Lists/imap-dev"] {
        a.subscribed.insert(name.to_owned());
    }

    let me = ("Demo User", "demo@example.org");
    for i in 0..40usize {
        let from = PEOPLE[i % PEOPLE.len()];
        let subject = SUBJECTS[i % SUBJECTS.len()];
        let body = BODIES[i % BODIES.len()];
        let day = 1 + (i % 28) as u8;
        let hour = 8 + (i % 10) as u8;
        let date = format!(
            "{}, {day} Nov 2025 {hour:02}:{:02}:00 +0100",
            weekday(2025, 11, day),
            (i * 7) % 60
        );
        let id = format!("<{i}.{}@example.org>", 7919 * (i + 1));
        let (folder, raw, flags): (&str, String, Vec<Flag<'static>>) = match i {
            0..=27 => {
                let raw = shape(i, from, me, subject, body, &date, &id);
                let mut flags = Vec::new();
                if i % 3 != 0 {
                    flags.push(Flag::Seen);
                }
                if i % 7 == 2 {
                    flags.push(Flag::Flagged);
                }
                if i % 5 == 1 {
                    flags.push(Flag::Answered);
                }
                ("INBOX", raw, flags)
            }
            28..=31 => (
                "Sent",
                plain(me, from, &format!("Re: {subject}"), body, &date, &id, None),
                vec![Flag::Seen],
            ),
            32..=33 => (
                "Drafts",
                plain(me, from, subject, "(unfinished)\r\n", &date, &id, None),
                vec![Flag::Draft],
            ),
            34..=37 => (
                "Lists/imap-dev",
                list_post(from, subject, body, &date, &id),
                vec![Flag::Seen],
            ),
            _ => (
                "Work/Projects",
                shape(i, from, me, subject, body, &date, &id),
                vec![],
            ),
        };
        let internal = internal_date(2025, 11, day, hour);
        let message = Arc::new(Message::new(raw.into_bytes(), internal));
        a.append(folder, message, flags);
    }
}

fn internal_date(y: u16, m: u8, d: u8, h: u8) -> DateTime {
    Date::new(y, m, d)
        .and_then(|date| DateTime::new(date, h, 0, 0, 60))
        .unwrap_or_else(|_| super::date::now())
}

/// The message shape number `i % 6` of the seed.
fn shape(
    i: usize,
    from: (&str, &str),
    to: (&str, &str),
    subject: &str,
    body: &str,
    date: &str,
    id: &str,
) -> String {
    match i % 6 {
        0 => plain(from, to, subject, body, date, id, None),
        1 => alternative(from, to, subject, body, date, id),
        2 => with_attachment(from, to, subject, body, date, id),
        3 => utf8_qp(from, to, date, id),
        4 => forwarded(from, to, subject, body, date, id),
        _ => plain(
            from,
            to,
            subject,
            body,
            date,
            id,
            Some("undisclosed-recipients:;"),
        ),
    }
}

fn addr((name, email): (&str, &str)) -> String {
    if name.is_ascii() {
        format!("\"{name}\" <{email}>")
    } else {
        format!("=?UTF-8?B?{}?= <{email}>", base64(name.as_bytes()))
    }
}

fn weekday(y: i64, m: i64, d: u8) -> &'static str {
    // Zeller-style: days since 1970-01-01 (a Thursday).
    let days = super::date::days_from_civil(y, m, i64::from(d));
    ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize]
}

fn head(from: (&str, &str), to: &str, subject: &str, date: &str, id: &str) -> String {
    format!(
        "Return-Path: <{}>\r\nFrom: {}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: {id}\r\nMIME-Version: 1.0\r\n",
        from.1,
        addr(from)
    )
}

fn plain(
    from: (&str, &str),
    to: (&str, &str),
    subject: &str,
    body: &str,
    date: &str,
    id: &str,
    to_override: Option<&str>,
) -> String {
    let to = to_override.map_or_else(|| addr(to), str::to_owned);
    format!(
        "{}Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n{body}",
        head(from, &to, subject, date, id)
    )
}

fn alternative(
    from: (&str, &str),
    to: (&str, &str),
    subject: &str,
    body: &str,
    date: &str,
    id: &str,
) -> String {
    let html = body
        .split("\r\n\r\n")
        .map(|p| format!("<p>{}</p>", p.replace("\r\n", " ")))
        .collect::<Vec<_>>()
        .join("\r\n");
    format!(
        "{}Content-Type: multipart/alternative; boundary=\"alt-{id_len}\"\r\n\r\n\
         This is a multi-part message in MIME format.\r\n\
         --alt-{id_len}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n{body}\r\n\
         --alt-{id_len}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<html><body>\r\n{html}\r\n</body></html>\r\n\
         --alt-{id_len}--\r\n",
        head(from, &addr(to), subject, date, id),
        id_len = id.len()
    )
}

fn with_attachment(
    from: (&str, &str),
    to: (&str, &str),
    subject: &str,
    body: &str,
    date: &str,
    id: &str,
) -> String {
    // A small, real PDF-like payload: bytes that need base64.
    let payload: Vec<u8> = (0..600u32).map(|k| (k * 37 % 251) as u8).collect();
    let b64 = base64(&payload);
    let wrapped: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect();
    format!(
        "{}Content-Type: multipart/mixed; boundary=\"mix-{n}\"\r\n\r\n\
         --mix-{n}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{body}\r\n\
         --mix-{n}\r\nContent-Type: application/pdf; name=\"report-{n}.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Disposition: attachment; filename=\"report-{n}.pdf\"\r\n\r\n{}\r\n\
         --mix-{n}--\r\n",
        head(from, &addr(to), subject, date, id),
        wrapped.join("\r\n"),
        n = id.len()
    )
}

fn utf8_qp(from: (&str, &str), to: (&str, &str), date: &str, id: &str) -> String {
    format!(
        "{}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         Bonjour,\r\n\r\nle caf=C3=A9 de la r=C3=A9union est r=C3=A9serv=C3=A9 pour vendredi =E2=80=94\r\n\
         n'oubliez pas vos badges. =C3=80 bient=C3=B4t !\r\n",
        head(from, &addr(to), "=?UTF-8?Q?R=C3=A9union_au_caf=C3=A9?=", date, id)
    )
}

fn forwarded(
    from: (&str, &str),
    to: (&str, &str),
    subject: &str,
    body: &str,
    date: &str,
    id: &str,
) -> String {
    let inner = plain(
        PEOPLE[6],
        from,
        subject,
        body,
        date,
        "<inner.1@example.com>",
        None,
    );
    format!(
        "{}Content-Type: multipart/mixed; boundary=\"fwd-{n}\"\r\n\r\n\
         --fwd-{n}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nFYI, see below.\r\n\
         --fwd-{n}\r\nContent-Type: message/rfc822\r\nContent-Description: forwarded message\r\n\r\n{inner}\r\n\
         --fwd-{n}--\r\n",
        head(from, &addr(to), &format!("Fwd: {subject}"), date, id),
        n = id.len()
    )
}

fn list_post(from: (&str, &str), subject: &str, body: &str, date: &str, id: &str) -> String {
    format!(
        "{}List-Id: IMAP developers <imap-dev.lists.example.org>\r\nList-Post: <mailto:imap-dev@lists.example.org>\r\n\
         Sender: imap-dev-bounces@lists.example.org\r\nReply-To: imap-dev@lists.example.org\r\n\
         Content-Type: text/plain; charset=us-ascii\r\n\r\n{body}\r\n-- \r\nimap-dev mailing list\r\n",
        head(from, "imap-dev@lists.example.org", &format!("[imap-dev] {subject}"), date, id)
    )
}
