"""Judges our reprs of values whose set order CPython randomises (gen_literals.py "eval" cases).

stdin: one line per case, "SRC_HEX OURS_HEX" (UTF-16-LE, surrogatepass, in hex).
stdout: one verdict per line, "ok" or "bad <reason>".

A repr passes when
  1. it equals repr(ast.literal_eval(src)) once the members of every set display are sorted
     (set order is the only freedom: every other character must match), and
  2. evaluating it gives a value == ast.literal_eval(src) (it is valid Python for that value).
"""

import ast
import math
import sys
import warnings

warnings.simplefilter("ignore")

ENV = {"__builtins__": {}, "inf": math.inf, "nan": math.nan, "infj": complex(0.0, math.inf),
       "nanj": complex(0.0, math.nan), "set": set, "frozenset": frozenset}
OPEN = {"(": ")", "[": "]", "{": "}"}


def canon(text):
    """The repr text with the members of every set display sorted; everything else untouched."""
    pos = 0

    def group(closer):
        nonlocal pos
        items, cur, colon = [], [], False
        while pos < len(text):
            c = text[pos]
            if c in "'\"":
                j = pos + 1
                while text[j] != c:
                    j += 2 if text[j] == "\\" else 1
                cur.append(text[pos:j + 1])
                pos = j + 1
            elif c in OPEN:
                pos += 1
                inner, inner_colon = group(OPEN[c])
                if c == "{" and not inner_colon and inner != [""] and all(
                        s and s[0] != " " and s[-1] != " " if i == 0 else s[:1] == " " and s[1:2] != " "
                        for i, s in enumerate(inner)):
                    # a well-formed set display "{a, b, c}": order is free, spacing is not
                    body = ", ".join(sorted([inner[0]] + [s[1:] for s in inner[1:]]))
                else:
                    body = ",".join(inner)
                cur.append(c + body + OPEN[c])
            elif c == closer:
                pos += 1
                items.append("".join(cur))
                return items, colon
            elif c in ")]}":
                raise ValueError("unbalanced %r at %d" % (c, pos))
            elif c == ",":
                items.append("".join(cur))
                cur = []
                pos += 1
            else:
                colon = colon or c == ":"
                cur.append(c)
                pos += 1
        if closer is not None:
            raise ValueError("unclosed group")
        items.append("".join(cur))
        return items, colon

    items, _ = group(None)
    return ",".join(items)


def verdict(src, ours):
    expected_value = ast.literal_eval(src)
    expected = repr(expected_value)
    try:
        if canon(ours) != canon(expected):
            return "bad differs beyond set order"
    except (ValueError, IndexError) as e:
        return "bad unbalanced repr: %s" % e
    try:
        value = eval(ours, dict(ENV))  # noqa: S307 - our own repr, no builtins
    except Exception as e:  # noqa: BLE001
        return "bad not valid Python: %s: %s" % (type(e).__name__, e)
    if value != expected_value:
        return "bad evaluates to a different value"
    return "ok"


def main():
    out = []
    for line in sys.stdin.read().splitlines():
        if not line.strip():
            continue
        src_hex, ours_hex = line.split(" ")
        src = bytes.fromhex(src_hex).decode("utf-16-le", "surrogatepass")
        ours = bytes.fromhex(ours_hex).decode("utf-16-le", "surrogatepass")
        out.append(ascii(verdict(src, ours))[1:-1])
    sys.stdout.write("".join(v + "\n" for v in out))


if __name__ == "__main__":
    main()
