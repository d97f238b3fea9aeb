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
}

# Messages left out, with the reason (elided ones are found automatically).
SKIP = {
    ("6851", 196): "prose standing for more EXPUNGE responses",
}

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
}

# (rfc, top-level section) whose example lines are indented freely.
STRIP = {("3501", "8"), ("9051", "8")}
