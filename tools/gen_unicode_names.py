#!/usr/bin/env python3
"""Generate src/PyStd/Objects/Resources/UnicodeNames.zlib for PyLiteral's \\N{...} escapes.

Run with the CPython whose behaviour PyStd follows (3.11, Unicode 14.0.0):

    python3 tools/gen_unicode_names.py [candidate-alias-file]

The table holds every name CPython's string-literal parser resolves through its name hash
(Modules/unicodedata.c, _getcode): character names from unicodedata.name() plus the formal
aliases of NameAliases.txt (e.g. "BEL", "LATIN CAPITAL LETTER GHA"). Names CPython computes
algorithmically -- "HANGUL SYLLABLE ..." and "CJK UNIFIED IDEOGRAPH-XXXX" -- are left out; the
ideograph ranges are written instead and PyLiteral computes those names in code, as CPython does.

Python cannot list aliases, so candidates are read from a NameAliases.txt or Perl's
unicore/Name.pl (default: /usr/share/perl/*/unicore/Name.pl), and each is kept only if this
Python itself resolves '\\N{candidate}' to a single character.

It also holds the few identifier characters whose NFKC form is a piece of "set" (fullwidth,
mathematical and modifier letters, LATIN SMALL LETTER LONG S ...): CPython normalises
identifiers with NFKC, so ast.literal_eval accepts such spellings of set(), and .NET's
string.Normalize is a no-op under InvariantGlobalization.

Format (ASCII text, zlib-compressed): a header line "PYSTD-UNICODE-NAMES <unidata_version>",
lines "R <first-hex> <last-hex>" for the CJK unified ideograph ranges, lines
"K <hex> <S|C> <piece>" for the NFKC identifier table (S: may start an identifier, C: may
only continue one), then "<hex> <NAME>" lines, names in upper case.
"""

import ast
import glob
import os
import sys
import unicodedata
import zlib

HANGUL = "HANGUL SYLLABLE "
CJK = "CJK UNIFIED IDEOGRAPH-"


def resolves(name):
    """The code point Python's own '\\N{name}' yields, or None."""
    try:
        value = ast.literal_eval("'\\N{%s}'" % name)
    except (SyntaxError, ValueError):
        return None
    return ord(value) if len(value) == 1 else None


def candidate_aliases(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".txt"):  # NameAliases.txt: code;alias;type
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                yield line.split(";")[1]
    else:  # Perl Name.pl: "<hex>\n<name>\n\n" records
        for line in text.splitlines():
            if line and not line.startswith("#") and not all(c in "0123456789ABCDEF " for c in line):
                yield line


def main():
    names = {}
    ranges = []
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None or name.startswith(HANGUL):
            continue
        if name.startswith(CJK):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
            continue
        names[name] = cp

    if len(sys.argv) > 1:
        sources = [sys.argv[1]]
    else:
        sources = sorted(glob.glob("/usr/share/perl/*/unicore/Name.pl"))[-1:]
    if not sources:
        sys.exit("no alias candidates: pass a NameAliases.txt or Perl unicore/Name.pl")
    aliases = 0
    for candidate in candidate_aliases(sources[0]):
        upper = candidate.upper()
        if upper in names or upper.startswith(HANGUL) or upper.startswith(CJK):
            continue
        cp = resolves(candidate)
        if cp is not None:
            names[upper] = cp
            aliases += 1

    # Every name must round-trip through Python's own parser, and the ranges must be exact.
    for name, cp in names.items():
        assert resolves(name) == cp, name
    for first, last in ranges:
        assert resolves("%s%04X" % (CJK, first)) == first
        assert resolves("%s%04X" % (CJK, last)) == last

    lines = ["PYSTD-UNICODE-NAMES %s" % unicodedata.unidata_version]
    lines += ["R %X %X" % (first, last) for first, last in ranges]
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        piece = unicodedata.normalize("NFKC", c)
        if piece and piece in "set" and ("a" + c).isidentifier():
            lines.append("K %X %s %s" % (cp, "S" if c.isidentifier() else "C", piece))
    lines += ["%X %s" % (cp, name) for name, cp in sorted(names.items(), key=lambda p: (p[1], p[0]))]
    data = zlib.compress(("\n".join(lines) + "\n").encode("ascii"), 9)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "PyStd", "Objects",
                       "Resources", "UnicodeNames.zlib")
    with open(out, "wb") as f:
        f.write(data)
    print("%d names (%d aliases), %d ideograph ranges, %d bytes -> %s"
          % (len(names), aliases, len(ranges), len(data), os.path.normpath(out)))


if __name__ == "__main__":
    main()
