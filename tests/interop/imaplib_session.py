#!/usr/bin/env python3
"""A session of Python's imaplib against the example server.

Usage: imaplib_session.py PORT

Logs in (LOGIN, and AUTHENTICATE PLAIN on a second connection), lists
mailboxes, selects INBOX, fetches envelopes, body structures and body
sections, searches, stores flags, appends (a synchronizing literal), idles
until the second connection's APPEND is announced, and logs out. Every step
asserts on what the server answered; the script exits non-zero on the first
failure and prints "imaplib: all checks passed" at the end.
"""

import imaplib
import re
import sys
import time

HOST = "127.0.0.1"
PORT = int(sys.argv[1])
USER, PASSWORD = "demo", "demo"


def check(cond, what):
    if not cond:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {what}")


def body_of(data):
    """The content of the first body section in a FETCH answer: a literal
    (imaplib gives a tuple) or a quoted string."""
    first = data[0]
    if isinstance(first, tuple):
        return first[1]
    q = re.search(rb'\] ?(?:<\d+>)? "((?:[^"\\]|\\.)*)"', first)
    check(q is not None, f"a body section in {first!r}")
    return re.sub(rb"\\(.)", rb"\1", q.group(1))


def ok(result, what):
    typ, data = result
    check(typ == "OK", f"{what} -> {typ} {data!r:.200}")
    return data


m = imaplib.IMAP4(HOST, PORT)
check("IMAP4REV2" in m.capabilities and "IMAP4REV1" in m.capabilities, "greeting capabilities")
check("IDLE" in m.capabilities and "LITERAL+" in m.capabilities, "IDLE and LITERAL+ advertised")

# A wrong password is refused, the right one accepted.
try:
    m.login(USER, "wrong")
    check(False, "wrong password refused")
except imaplib.IMAP4.error:
    check(True, "wrong password refused")
ok(m.login(USER, PASSWORD), "LOGIN")

# LIST with SPECIAL-USE attributes; LSUB.
data = ok(m.list(), "LIST")
lines = [d.decode() for d in data]
names = {re.search(r'"/" (\S+)$', line).group(1).strip('"') for line in lines}
check({"INBOX", "Sent", "Drafts", "Trash", "Work/Projects"} <= names, f"mailboxes listed: {sorted(names)}")
check(any("\\Sent" in line and line.endswith("Sent") for line in lines), "Sent has \\Sent")
check(any("\\HasChildren" in line and line.endswith(" Work") for line in lines), "Work has \\HasChildren")
data = ok(m.lsub(), "LSUB")
check(any(d.decode().endswith("INBOX") for d in data), "INBOX subscribed")

# STATUS.
data = ok(m.status("INBOX", "(MESSAGES UIDNEXT UNSEEN)"), "STATUS")
st = data[0].decode()
messages = int(re.search(r"MESSAGES (\d+)", st).group(1))
check(messages >= 20, f"INBOX has {messages} messages")

# SELECT.
data = ok(m.select("INBOX"), "SELECT INBOX")
check(int(data[0]) == messages, "EXISTS matches STATUS")
check(m.untagged_responses.get("UIDVALIDITY") is not None, "UIDVALIDITY sent")

# FETCH envelopes.
data = ok(m.fetch("1:5", "(UID FLAGS ENVELOPE)"), "FETCH 1:5 ENVELOPE")
envs = [d for d in data if isinstance(d, bytes) and b"ENVELOPE" in d]
check(len(envs) == 5, "five envelopes")
check(b'"Alice Martin"' in envs[0] and b'"alice" "example.org"' in envs[0], "envelope addresses")

# BODYSTRUCTURE of a multipart/alternative (message 2) and of a message with
# an attachment (message 3).
data = ok(m.fetch("2", "(BODYSTRUCTURE)"), "FETCH 2 BODYSTRUCTURE")
bs = data[0].decode() if isinstance(data[0], bytes) else data[0][0].decode()
check('"ALTERNATIVE"' in bs and '"PLAIN"' in bs and '"HTML"' in bs, f"alternative structure: {bs:.160}")
data = ok(m.fetch("3", "(BODYSTRUCTURE)"), "FETCH 3 BODYSTRUCTURE")
bs = data[0].decode() if isinstance(data[0], bytes) else data[0][0].decode()
check('"APPLICATION" "PDF"' in bs and '"BASE64"' in bs and '"attachment"' in bs, "attachment structure")

# Body sections: a header field subset, a part, a partial, the MIME header.
data = ok(m.fetch("3", "(BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])"), "FETCH header fields")
hdr = body_of(data)
check(hdr.startswith(b"From:") and b"Subject:" in hdr and b"To:" not in hdr, "HEADER.FIELDS subset")
data = ok(m.fetch("3", "(BODY.PEEK[1])"), "FETCH BODY[1]")
check(body_of(data).startswith(b"The nightly build failed"), "part 1 text")
data = ok(m.fetch("3", "(BODY.PEEK[2.MIME])"), "FETCH BODY[2.MIME]")
check(b"application/pdf" in body_of(data), "part 2 MIME header")
data = ok(m.fetch("1", "(BODY.PEEK[]<0.20>)"), "FETCH partial")
check(len(body_of(data)) == 20 and body_of(data).startswith(b"Return-Path:"), "partial is 20 octets")
data = ok(m.fetch("5", "(BODY.PEEK[2.HEADER])"), "FETCH forwarded message header")
check(b"Grace Lee" in body_of(data), "encapsulated message header")

# SEARCH.
data = ok(m.search(None, "UNSEEN"), "SEARCH UNSEEN")
unseen = data[0].split()
check(len(unseen) > 0, f"unseen: {unseen}")
data = ok(m.search(None, 'FROM "alice"'), "SEARCH FROM")
check(b"1" in data[0].split(), "alice wrote message 1")
data = ok(m.uid("SEARCH", None, "SUBJECT", "lunch"), "UID SEARCH SUBJECT")
check(len(data[0].split()) >= 1, "lunch found by UID")
data = ok(m.search(None, "OR", "FLAGGED", "ANSWERED", "SINCE", "1-Nov-2025"), "SEARCH OR")
check(len(data[0].split()) >= 1, "OR search")

# STORE, then check with FETCH; a non-PEEK fetch sets \Seen.
first = unseen[0].decode()
ok(m.store(first, "+FLAGS", "(\\Flagged $Important)"), "STORE +FLAGS")
data = ok(m.fetch(first, "(FLAGS)"), "FETCH FLAGS")
check(b"\\Flagged" in data[0] and b"$Important" in data[0], "flags stored")
data = ok(m.fetch(first, "(BODY[TEXT])"), "FETCH BODY[TEXT] sets \\Seen")
flags_line = b" ".join(x if isinstance(x, bytes) else x[0] for x in data)
check(b"\\Seen" in flags_line, "\\Seen reported with the fetch")

# APPEND (imaplib sends a synchronizing literal).
msg = (b"From: Py <py@example.org>\r\nTo: demo@example.org\r\nSubject: from imaplib\r\n"
       b"Message-ID: <py.1@example.org>\r\n\r\nHello from Python.\r\n")
data = ok(m.append("INBOX", "(\\Seen)", None, msg), "APPEND")
check(b"APPENDUID" in data[0], "APPENDUID code")
data = ok(m.noop(), "NOOP")
data = ok(m.search(None, "SUBJECT", '"from imaplib"'), "SEARCH appended")
check(len(data[0].split()) == 1, "appended message found")

# A second connection, authenticated with AUTHENTICATE PLAIN (no SASL-IR in
# imaplib: the server sends an empty challenge first).
m2 = imaplib.IMAP4(HOST, PORT)
ok(m2.authenticate("PLAIN", lambda _: f"\0{USER}\0{PASSWORD}".encode()), "AUTHENTICATE PLAIN")

# IDLE (by hand: imaplib of this Python has no idle()).
tag = m._new_tag().decode()
m.send(f"{tag} IDLE\r\n".encode())
line = m.readline()
check(line.startswith(b"+"), f"IDLE continuation: {line!r}")
ok(m2.append("INBOX", None, None, b"Subject: while idling\r\n\r\nping\r\n"), "APPEND from 2nd connection")
deadline = time.time() + 10
seen_exists = False
m.sock.settimeout(10)
while time.time() < deadline:
    line = m.readline()
    if re.match(rb"\* \d+ EXISTS", line):
        seen_exists = True
        break
check(seen_exists, "IDLE announced the new message")
m.send(b"DONE\r\n")
while True:
    line = m.readline()
    if line.startswith(tag.encode()):
        break
check(b" OK " in line, f"IDLE completed: {line!r}")

# A command in the wrong state is BAD: FETCH without a selected mailbox
# (sent by hand: imaplib itself refuses to send it).
tag2 = m2._new_tag()
m2.send(tag2 + b" FETCH 1 (FLAGS)\r\n")
line = m2.readline()
check(line.startswith(tag2 + b" BAD "), f"FETCH without SELECT is BAD: {line!r}")

# EXPUNGE of a deleted message, seen by the other connection.
ok(m.store(first, "+FLAGS", "(\\Deleted)"), "STORE \\Deleted")
data = ok(m.expunge(), "EXPUNGE")
check(data[0] == first.encode(), f"EXPUNGE {first}: {data!r}")

ok(m.close(), "CLOSE")
typ, _ = m.logout()
check(typ == "BYE", "LOGOUT")
m2.logout()
print("imaplib: all checks passed")
