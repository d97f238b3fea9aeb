#!/usr/bin/env python3
"""Extracts the protocol examples of the IMAP RFCs into vector files.

    python3 tests/vectors/extract.py [RFC-DIR] [--review]

A development tool, not run by the tests (RFC-DIR defaults to
/work/shared/rfc). It reads the `C:` / `S:` lines of each RFC's examples
(pagination removed), joins wrapped lines, groups the lines into messages (a
message includes its literals), applies the hand-made corrections of
fixes.py and writes commands/rfcNNNN.txt, responses/rfcNNNN.txt,
client_lines.txt and invalid/{commands,responses}.txt in the format that
README.md describes. With --review it prints instead every joined line,
literal and skipped message, for a human to check.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fixes import RAW, NOSPACE, FIX, SKIP, INVALID, STRIP  # noqa: E402

# Which sections to take from each RFC (prefix match); None = all.
RFCS = {"3501": ("6", "7", "8"), "9051": ("6", "7", "8")}
for _n in ("7888 2177 5161 2342 2971 3691 4315 6851 7162 4731 5182 5256 3516 4959 "
           "6154 5258 5819 9208 5464 8438 8474 4314 3502 6855 4978 5032 5530 4469 "
           "8970 8514 8437 5267 6203 5957 8440 5466 5257 5465 7377 8508 5255").split():
    RFCS[_n] = None


def load(rfc, rfcdir):
    """The RFC as (line number, text) pairs, pagination removed, RAW fixes
    applied (a RAW value of None drops the line)."""
    with open(os.path.join(rfcdir, "rfc%s.txt" % rfc), encoding="utf-8") as f:
        raw = f.read().lstrip("\ufeff").split("\n")
    out = []
    i = 0
    while i < len(raw):
        line = raw[i].rstrip("\r")
        if re.search(r"\[Page \d+\]\s*$", line):
            while out and out[-1][1].strip() == "":
                out.pop()
            i += 1
            if i < len(raw) and raw[i].startswith("\f"):
                i += 1
            if i < len(raw) and raw[i].startswith("RFC %s" % rfc):
                i += 1
            while i < len(raw) and raw[i].strip() == "":
                i += 1
            continue
        if (rfc, i + 1) in RAW:
            line = RAW[(rfc, i + 1)]
            if line is None:
                i += 1
                continue
        out.append((i + 1, line))
        i += 1
    return out


HEAD = re.compile(r"^(?:Appendix )?([0-9A-Z]+(?:\.\d+)*)\.?\s+\S")
EX = re.compile(r"^(\s*(?:Example:\s+)?)([CS]):( ?)(.*)$")
PROSE = re.compile(r"^\s*(\.\.\.|\[\.\.\.|<[^>]*>\s*$|//)")
ELLIPSIS = re.compile(r"^(\.\s*){3,}$|^\[\.\.\.\]$")


def example_blocks(rfc, lines, review):
    """Yields blocks of [lineno, dir, text, section] with wrapped lines
    joined."""
    section = "0"
    block = []
    marker = None
    prev_blank = True
    for no, text in lines:
        if HEAD.match(text) and "...." not in text:
            section = HEAD.match(text).group(1)
        m = EX.match(text)
        if m:
            content = m.group(4)
            if (rfc, section.split(".")[0]) in STRIP:
                content = content.lstrip()
            marker = len(m.group(1))
            if ELLIPSIS.match(content.strip()):
                review.append("%s:%d dropped: %s" % (rfc, no, text.strip()))
            else:
                block.append([no, m.group(2), content.rstrip(), section])
            prev_blank = False
            continue
        indent = len(text) - len(text.lstrip(" "))
        if block and text.strip() and not prev_blank and indent > marker:
            if ELLIPSIS.match(text.strip()):
                review.append("%s:%d dropped: %s" % (rfc, no, text.strip()))
                continue
            sep = "" if (rfc, no) in NOSPACE else " "
            block[-1][2] += sep + text.strip()
            review.append("%s:%d joined to %d: %s" % (rfc, no, block[-1][0], block[-1][2]))
            continue
        if text.strip() == "":
            prev_blank = True
            continue
        prev_blank = False
        if block and PROSE.match(text):
            # "...time passes...", "[...]", "<TLS negotiation>", "// note":
            # commentary inside an example, which goes on after it
            review.append("%s:%d commentary: %s" % (rfc, no, text.strip()))
            prev_blank = True
            continue
        if block:
            yield block
            block = []
    if block:
        yield block


LIT = re.compile(rb"(~?)\{(\d+)(\+|-)?\}$")
ELIDED = re.compile(rb"\.\.\.|\[\.\.\.\]|\(\.\.\.\)")


def section_ok(rfc, section):
    want = RFCS[rfc]
    return want is None or any(section == w or section.startswith(w + ".") for w in want)


def group(rfc, block, files, review):
    """Cuts one example block into messages and files them."""
    state = {"cur": None, "pending": 0, "after": False, "lit_lines": []}
    session = {"auth": None, "idle": None}

    def emit(d, data, no, sec, kind=None, notes=None):
        if not section_ok(rfc, sec):
            return
        key = (rfc, no)
        notes = list(notes or [])
        if key in SKIP:
            review.append("%s:%d SKIPPED (%s): %r" % (rfc, no, SKIP[key], data[:70]))
            return
        for old, new, why in FIX.get(key, []):
            if "fix: " + why in notes:
                continue
            assert old in data, (key, old, data)
            data = data.replace(old, new, 1)
            notes.append("fix: " + why)
        if kind is None:
            kind = "commands" if d == "C" else "responses"
            outside = b"".join(state["outside"]) if "outside" in state else data
            if ELIDED.search(outside):
                review.append("%s:%d SKIPPED (elided): %r" % (rfc, no, data[:90]))
                return
            if key in INVALID:
                notes.append("invalid: " + INVALID[key])
                kind = "invalid/" + kind
            else:
                kind = "%s/rfc%s" % (kind, rfc)
        files.setdefault(kind, []).append((rfc, sec, no, data, notes))

    def flush():
        cur = state["cur"]
        if cur is not None and (state["pending"] > 0 or state["after"]):
            review.append("%s:%d UNFINISHED, left out (pending %d): %r"
                          % (rfc, cur[2], state["pending"], cur[1][:60]))
        elif cur is not None:
            emit(*cur)
        state["cur"] = None
        state["outside"] = []
        state["pending"] = 0
        state["after"] = False

    def start_literal(b):
        m = LIT.search(b)
        if m:
            state["pending"] = state["count"] = int(m.group(2))
            return True
        return False

    state["outside"] = []
    for no, d, text, sec in block:
        b = text.encode("utf-8")
        cur = state["cur"]
        if cur is not None and state["pending"] > 0 and d == cur[0]:
            n = len(b) + 2
            cur[1] += b + b"\r\n"
            if n <= state["pending"]:
                state["pending"] -= n
                if state["pending"] == 0:
                    review.append("%s:%d   literal ends at line end" % (rfc, no))
                    state["after"] = True
                continue
            cut = state["pending"]
            rest = b[cut:] if cut <= len(b) else b""
            review.append("%s:%d   literal ends mid-line, %d bytes early; rest %r; {%d} would end at the previous line end" % (rfc, no, n - cut, rest, state["count"] - cut))
            state["pending"] = 0
            state["outside"].append(rest)
            if not start_literal(rest):
                flush()
            continue
        if cur is not None and state["after"] and d == cur[0]:
            cur[1] += b + b"\r\n"
            state["outside"].append(b)
            state["after"] = False
            if not start_literal(b):
                flush()
            continue
        if cur is not None and (state["pending"] > 0 or state["after"]):
            if d == "S" and b.startswith(b"+"):
                emit("S", b + b"\r\n", no, sec)
                continue
            review.append("%s:%d INTERLEAVED while a literal is pending: %s" % (rfc, no, text))
            flush()
        flush()
        if d == "C" and (session["auth"] is not None or session["idle"] is not None):
            emit("C", b + b"\r\n", no, sec, "client_lines", [])
            continue
        words = b.split(b" ")
        if d == "S":
            if words[0] in (session["auth"], session["idle"]):
                session["auth"] = session["idle"] = None
        else:
            if len(words) >= 2 and words[1].upper() == b"AUTHENTICATE":
                session["auth"] = words[0]
            if len(words) == 2 and words[1].upper() == b"IDLE":
                session["idle"] = words[0]
        notes = []
        for old, new, why in FIX.get((rfc, no), []):
            if old in b:  # fixed now, so that literal counts are right
                b = b.replace(old, new, 1)
                notes.append("fix: " + why)
        state["cur"] = [d, b + b"\r\n", no, sec, None, notes]
        state["outside"] = [b]
        if not start_literal(b):
            flush()
    flush()


def read_plain(text):
    """Reads one message written plainly (README.md): a line, and while a
    line ends with a literal header, its N octets (each file line break
    standing for CRLF) and the rest of the line where they end."""
    data = text.replace(b"\n", b"\r\n")
    pos = 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            return None
        m = LIT.search(data[pos:end])
        pos = end + 2
        if not m:
            return data[:pos]
        pos += int(m.group(2))
        if pos > len(data):
            return None


def plain_ok(data):
    """Whether the message reads back exactly when written plainly."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if b"\r" in data.replace(b"\r\n", b"") or b"\n" in data.replace(b"\r\n", b""):
        return False
    if data.startswith((b"#", b"\r\n")) or b" \r\n" in data or b"\t\r\n" in data:
        return False
    return read_plain(data.replace(b"\r\n", b"\n")) == data


def escape(data):
    out = []
    for c in data:
        if c == 0x5C:
            out.append("\\\\")
        elif c == 13:
            out.append("\\r")
        elif c == 10:
            out.append("\\n\n")
        elif 0x20 <= c < 0x7F and c != 0x23:
            out.append(chr(c))
        else:
            out.append("\\x%02x" % c)
    return "".join(out).encode()


def write(files):
    for key, vecs in sorted(files.items()):
        path = os.path.join(HERE, key + ".txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(b"## Extracted from the RFC text by extract.py (format: README.md).\n")
            for rfc, sec, no, data, notes in vecs:
                esc = not plain_ok(data)
                f.write(b"\n# rfc%s %s line %d%s\n" % (rfc.encode(), sec.encode(), no,
                                                        b" escaped" if esc else b""))
                for n in notes:
                    f.write(b"## " + n.encode() + b"\n")
                if esc:
                    body = escape(data)
                    f.write(body if body.endswith(b"\n") else body + b"\n")
                else:
                    f.write(data.replace(b"\r\n", b"\n"))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    rfcdir = args[0] if args else "/work/shared/rfc"
    review = []
    files = {}
    for rfc in RFCS:
        for block in example_blocks(rfc, load(rfc, rfcdir), review):
            group(rfc, block, files, review)
    if "--review" in sys.argv:
        print("\n".join(review))
        return
    for name in ("commands", "responses", "invalid"):
        d = os.path.join(HERE, name)
        if os.path.isdir(d):
            for fn in os.listdir(d):
                # Hand-written files (gmail.txt: not from an RFC) stay.
                if fn.startswith("rfc") or d.endswith("invalid"):
                    os.remove(os.path.join(d, fn))
    write(files)
    for key, vecs in sorted(files.items()):
        print("%-24s %4d" % (key, len(vecs)))


if __name__ == "__main__":
    main()
