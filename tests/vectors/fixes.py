"""Hand-made corrections for extract.py. Keys are (rfc, line number in
the RFC file); for FIX, SKIP and INVALID the line is the first line of the
message. Every entry says why."""

# Replace a raw line of the RFC before anything else (None drops it).
RAW = {
    # prose inside the example, not protocol
    ("9051", 6211): None,  # "<TLS negotiation>"
    ("4959", 156): None,   # "(note that there is a space following the "+" ...)"
    ("4959", 157): None,
    ("4959", 192): None,
    ("4959", 193): None,
    # the literal's lines have no "C:" prefix in the RFC
    ("5464", 608): "           C: My new comment across",
    ("5464", 609): "           C: two lines.",
    ("5464", 610): "           C: )",
    # a quoted string wrapped at the left margin: joined without space
    ("4469", 548): '   S: A003 NO [BADURL "/INBOX;UIDVALIDITY=785799047/;UID=113330;'
                   'section=1.5.9"] CATENATE append has failed, one message expunged',
    ("4469", 549): None,
    # a flag list wrapped at the example's own indentation
    ("7162", 1493): "            S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft "
                    "\\Deleted \\Seen \\*)] Permanent flags",
    ("7162", 1494): None,
    # RFC 5465 §3.1: prose between the messages, indented like their
    # continuation lines
    ("5465", 364): None,
    ("5465", 365): None,
    ("5465", 368): None,
    ("5465", 376): None,
    ("5465", 377): None,
    ("5465", 378): None,
    ("5465", 379): None,
    ("5465", 380): None,
    ("5465", 381): None,
    ("5465", 382): None,
    ("5465", 383): None,
    ("5465", 384): None,
    ("5465", 385): None,
    # RFC 5465 §5.1: a STATUS wrapped at the example's own indentation
    ("5465", 494): "      S: * STATUS Lists/Lemonade (HIGHESTMODSEQ 65666665 UIDVALIDITY 101)",
    ("5465", 495): None,
    # RFC 7377 §3: messages wrapped at the example's own indentation
    ("7377", 400): '   C: tag2 ESEARCH IN (mailboxes "folder1" subtree-one "folder2") subject "chad"',
    ("7377", 401): None,
    ("7377", 402): '   S: * ESEARCH (TAG "tag1" MAILBOX "folder1" UIDVALIDITY 1) UID ALL 4001,4003,4005,4007,4009',
    ("7377", 403): None,
    ("7377", 404): '   S: * ESEARCH (TAG "tag2" MAILBOX "folder1" UIDVALIDITY 1) UID ALL 3001:3004,3788',
    ("7377", 405): None,
    ("7377", 406): '   S: * ESEARCH (TAG "tag1" MAILBOX "folder2/banana" UIDVALIDITY 503) UID ALL 3002,4004',
    ("7377", 407): None,
    ("7377", 408): '   S: * ESEARCH (TAG "tag1" MAILBOX "folder2/peach" UIDVALIDITY 3) UID ALL 921691',
    ("7377", 409): None,
    ("7377", 411): '   S: * ESEARCH (TAG "tag2" MAILBOX "folder2/salmon" UIDVALIDITY 1111111) UID ALL 50003,50006,50009,50012',
    ("7377", 412): None,
}

# Wrapped lines joined to the previous one without a space (base64, a
# sequence set cut after a comma, a word cut at its hyphen, "( " in 9051 §8).
NOSPACE = set(
    [("3501", n) for n in list(range(1635, 1648)) + [1649, 1650, 1653, 1655]]
    + [("9051", n) for n in list(range(1527, 1540)) + [1541, 1542, 1545, 1547]]
    + [("9051", n) for n in (6215, 6217, 6218, 6220, 6235)]
    + [("7162", 1651), ("7162", 1652), ("7162", 1658)]
)

# Corrections of a message: list of (old bytes, new bytes, reason).
FIX = {
    ("4314", 809): [(b")\r\n", b"))\r\n", "the FETCH list is not closed in the RFC")],
    ("4314", 810): [(b")\r\n", b"))\r\n", "the FETCH list is not closed in the RFC")],
    ("4314", 811): [(b")\r\n", b"))\r\n", "the FETCH list is not closed in the RFC")],
    ("5032", 106): [(b"a1 * SEARCH", b"* SEARCH",
                     "the RFC puts the command's tag before the untagged \"*\"")],
    ("4469", 407): [(b"{738}", b"{721}",
                     "the RFC says {738} but the text it shows is 721 octets")],
    ("4469", 517): [(b"{541}", b"{540}",
                     "the RFC says {541} but the text it shows is 540 octets "
                     "(with 541 the SP before URL would be inside the literal)")],
    ("5464", 606): [(b"{33}", b"{35}",
                     "the RFC says {33}: the two lines with LF endings; with "
                     "CRLF they are 35 octets")],
    ("4959", 158): [(b"+\r\n", b"+ \r\n",
                     "the RFC says there is a space after the \"+\" (lost in the text)")],
    ("4959", 194): [(b"+\r\n", b"+ \r\n",
                     "the RFC says there is a space after the \"+\" (lost in the text)")],
    ("5819", 150): [(b'RECURSIVEMATCH)""', b'RECURSIVEMATCH) ""',
                     "missing SP before the reference name (RFC 9051 §6.3.9.9 "
                     "has the same example with the SP)")],
    ("5466", 139): [(b'"boss@example.com"\r\n', b'"boss@example.com" SINCE "3-Dec-2002"\r\n',
                     "the RFC wraps the command onto a line without \"C:\"")],
    ("5257", 860): [(b"(FLAGS (\\Seen)) ANNOTATION", b"(FLAGS (\\Seen) ANNOTATION",
                     "the RFC closes the msg-att list after FLAGS (one \")\" too many)")],
    ("5465", 721): [(b"...A comment can go here...", b"A comment can go here",
                     "the dots are part of the comment, not elided data; dropped "
                     "so that the example is not taken for an elided one")],
    ("8508", 181): [(b"{312}", b"{310}",
                     "the RFC's {312} counts the empty line that ends the command "
                     "into the literal, which leaves the command without its CRLF")],
    ("8508", 206): [(b"{350}", b"{348}",
                     "the RFC's {350} counts the empty line that ends the command "
                     "into the literal, which leaves the command without its CRLF")],
}

# Messages left out, with the reason (elided ones are found automatically).
SKIP = {
    ("6851", 196): "prose standing for more EXPUNGE responses",
    ("5465", 875): "\"* EXISTS 93\" has the number after EXISTS (the RFC's "
                   "mistake); it reads as unknown data, so it is no valid example",
}

# Not here, though wrong by the grammar: RFC 5465 line 872 (`* ESEARCH
# (TAG "a00") (COUNT 17)`, the return data in parentheses) and RFC 5255
# line 308 (no SP between two namespaces). They are valid vectors: the
# response degrades to Data::Other under its keyword and round-trips.

# Messages the RFC shows as wrong on purpose, or that are wrong by the
# grammar (the RFC's own mistake), or that imap-proto refuses by design: why.
INVALID = {
    ("5267", 380): "lacks the sort criteria that SORT requires (the RFC's mistake)",
    ("4314", 578): "the status (OK) is missing (the RFC's mistake)",
    ("4314", 819): "the status (OK) is missing (the RFC's mistake)",
    ("9051", 1855): "9877410381 is past nz-number's 32 bits (the RFC's mistake; "
                    "RFC 3501 §6.3.1 has 3857529045)",
    ("5267", 356): "the RFC shows it rejected (for tag reuse); it also lacks "
                   "the sort criteria and charset that SORT requires",
    ("5465", 388): "the status (OK) is missing (the RFC's mistake)",
}

# (rfc, top-level section) whose example lines are indented freely.
STRIP = {("3501", "8"), ("9051", "8")}
