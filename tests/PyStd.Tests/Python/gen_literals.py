"""Differential table for PyLiteral.Parse + PyRepr.Repr (ast.literal_eval + repr).

Usage:
  python3 gen_literals.py cases SEED    random literal SOURCE TEXTS (>= 3,000 accepted ones)
  python3 gen_literals.py values SEED   random values, src = repr(v) (the repr round trip)

One JSON object per line (ensure_ascii):
  {"src": HEX, "repr": HEX, "cmp": "exact"|"eval"|"reject", "tags": [...], "depth": N}
src and repr are UTF-16-LE (surrogatepass) in hex, so lone surrogates survive. "exact": our
repr must equal CPython's byte for byte. "eval": the value holds a set with a member whose
CPython hash is per-process (str, bytes, None, floats, tuples...), so set order may differ;
verify_literals.py judges those. "reject": literal_eval raised (repr holds the error type);
PyLiteral.Parse must throw too.
"""

import ast
import json
import math
import random
import struct
import sys
import warnings
from decimal import Decimal, localcontext

warnings.simplefilter("ignore")  # invalid escapes / octal warnings are not our business here

rng = random.Random()
TAGS = set()


def tag(*names):
    TAGS.update(names)


def hexu16(s):
    return s.encode("utf-16-le", "surrogatepass").hex()


def pick(seq):
    return seq[rng.randrange(len(seq))]


def chance(p):
    return rng.random() < p


# ---------------------------------------------------------------- whitespace


def ws_in():
    """Whitespace legal between tokens inside brackets."""
    r = rng.random()
    if r < 0.55:
        return pick(["", " ", " ", "  "])
    tag("ws")
    return pick(["\n", "\t", " # comment, with 'quotes' and [brackets\n", "\\\n", "\r\n",
                 "\x0c", "\n\n    ", "  #\n  ", " \\\n   ", "\r", "\n# only comment\n\t"])


def ws_out():
    """Whitespace legal between tokens at top level (no bare newlines)."""
    return pick(["", " ", " ", "\t", "\\\n"])


def ws(inbr):
    return ws_in() if inbr else ws_out()


# ---------------------------------------------------------------- numbers


def underscores(digits):
    if len(digits) < 2 or not chance(0.3):
        return digits
    tag("underscore")
    out = [digits[0]]
    for d in digits[1:]:
        if chance(0.25):
            out.append("_")
        out.append(d)
    return "".join(out)


def randcase(s):
    return "".join(c.upper() if chance(0.5) else c.lower() for c in s)


def sign_prefix():
    r = rng.random()
    if r < 0.7:
        return ""
    if r < 0.9:
        return pick(["-", "- "])
    return pick(["+", "+ "])


LONG_EDGES = [0, 1, 2**31 - 1, 2**31, 2**32, 2**53, 2**53 + 1, 2**62, 2**63 - 1, 2**63, 2**63 + 1,
              2**64 - 1, 2**64, 2**100, 10**18, 10**19, 10**20, 2**61 - 1, 2**61]


def int_digits():
    """An unsigned int literal (no sign)."""
    r = rng.random()
    if r < 0.35:
        n = rng.randrange(0, 1000) if chance(0.6) else rng.randrange(0, 10**rng.randint(3, 18))
        return underscores(str(n))
    if r < 0.45:
        n = pick(LONG_EDGES) + pick([0, 0, -1, 1])
        tag("longedge")
        return underscores(str(max(n, 0)))
    if r < 0.58:
        nd = rng.choice([25, 60, 150, 300, 500, 800, 1000])
        nd = rng.randint(20, nd)
        if nd >= 300:
            tag("hugeint")
        return underscores(str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(nd - 1)))
    if r < 0.9:
        base = pick(["x", "o", "b"])
        bits = pick([4, 8, 16, 31, 32, 63, 64, 65, 100, 200, 1000, 3200])
        n = rng.getrandbits(rng.randint(1, bits))
        if n >= 10**300:
            tag("hugeint")
        tag("base_" + base)
        digits = {"x": format(n, "x"), "o": format(n, "o"), "b": format(n, "b")}[base]
        if base == "x":
            digits = randcase(digits)
        if chance(0.2):
            digits = "0" * rng.randint(1, 3) + digits
        digits = underscores(digits)
        pre = "0" + (base.upper() if chance(0.3) else base) + ("_" if chance(0.1) else "")
        return pre + digits
    tag("zeros")
    return pick(["0", "00", "0_0", "000", "0_00", "0"])


def gen_int():
    tag("int")
    return sign_prefix() + int_digits()


FLOAT_SPECIALS = [
    "0.0", "-0.0", "1e999", "-1e999", "1E999", "5e-324", "4.9e-324", "4.9406564584124654e-324",
    "2.5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "3e-324", "1e-400",
    "2.2250738585072014e-308", "2.225073858507201e-308", "2.2250738585072011e-308",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
    "1e22", "1e23", "1e16", "1e15", "1e17", "9999999999999998.0", "9999999999999999.0",
    "1234567890123456.7", "12345678901234567.0", "123456789012345678.0", "1e-5", "1e-4", "0.0001",
    "0.00001", "1.", ".5", "1e5", "1E-5", "1_0.5", "1e1_0", "0e0", "0E+0", "1.e5", ".5e-3", "00.0",
    "0_0.0", "007.5", "007e1", "0.1", "0.2", "0.30000000000000004", "0.1e1", "100.0", "1e100",
    "9007199254740993.0", "9007199254740992.0", "9007199254740995.0", "4503599627370496.5",
    "0.1000000000000000055511151231257827021181583404541015625", "1_000.000_1e-1_0",
    "8.98846567431158e307", "1.5e300", "3.141592653589793", "2.718281828459045", "1e-7", "1.5e-7",
    "123.456e-2", "0.000000000000000000000000000000000000001", "1" + "0" * 400 + ".0", "0." + "0" * 330 + "5",
]


def spell_float(x):
    """Spells a finite non-negative double in one of many equivalent ways."""
    r = rng.random()
    if r < 0.4:
        s = repr(x)
    elif r < 0.6:
        s = "%.17g" % x
        tag("17digits")
    elif r < 0.75:
        s = "%.*e" % (rng.randint(0, 20), x)
    elif r < 0.85 and 1e-5 < x < 1e25:
        s = "%.*f" % (rng.randint(0, 25), x)
    else:
        s = repr(x)
    if "e" not in s and "." not in s and "inf" not in s:
        s += pick([".", ".0", "e0", ".e0"]) if chance(0.7) else "." + "0" * rng.randint(1, 3)
    if "e" in s and chance(0.4):
        s = s.replace("e", "E")
    if ("e+" in s or "E+" in s) and chance(0.5):
        s = s.replace("+", "")
    if chance(0.15):
        s = s.replace("e-0", "e-").replace("e+0", "e+").replace("E-0", "E-").replace("E+0", "E+")
    if s.startswith("0.") and chance(0.3):
        s = s[1:]
    if ".0e" in s and chance(0.3):
        s = s.replace(".0e", ".e")
    if s.endswith(".0") and chance(0.3):
        s = s[:-1]
    if chance(0.08) and s[0].isdigit():
        s = "0" * rng.randint(1, 3) + s
    if chance(0.15):
        # underscores between digit pairs
        out = []
        for i, c in enumerate(s):
            if i > 0 and c.isdigit() and s[i - 1].isdigit() and chance(0.3):
                out.append("_")
                tag("underscore")
            out.append(c)
        s = "".join(out)
    return s


def random_double():
    r = rng.random()
    if r < 0.45:
        while True:
            x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
            if math.isfinite(x):
                return abs(x)
    if r < 0.6:
        tag("subnormal")
        return struct.unpack("<d", rng.getrandbits(52).to_bytes(8, "little"))[0]
    if r < 0.8:
        return rng.random() * 10.0 ** rng.randint(-20, 25)
    return float(rng.randint(0, 10**rng.randint(1, 22)))


def halfway_literal():
    """Exact decimal text of a point halfway between two adjacent doubles (or one digit off)."""
    tag("halfway")
    x = random_double()
    if x == 0.0 or not math.isfinite(math.nextafter(x, math.inf)):
        x = 1.0
    y = math.nextafter(x, math.inf)
    with localcontext() as ctx:
        ctx.prec = 1200
        mid = (Decimal(x) + Decimal(y)) / 2
        tweak = rng.random()
        if tweak < 0.25:
            mid = mid + Decimal(10) ** (mid.adjusted() - 40)
        elif tweak < 0.5:
            mid = mid - Decimal(10) ** (mid.adjusted() - 40)
        s = "{:e}".format(mid)
    return s


def gen_float():
    tag("float")
    r = rng.random()
    if r < 0.3:
        s = pick(FLOAT_SPECIALS)
        if s.startswith("-"):
            return s
        return sign_prefix() + s
    if r < 0.45:
        # many significant digits, random exponent
        nd = rng.randint(1, 40)
        digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(nd - 1))
        e = rng.randint(-340, 310)
        point = rng.randint(0, len(digits))
        s = digits[:point] + "." + digits[point:] + pick(["e", "E"]) + str(e)
        return sign_prefix() + s
    if r < 0.55:
        return sign_prefix() + halfway_literal()
    return sign_prefix() + spell_float(random_double())


# ---------------------------------------------------------------- complex


def imag_literal():
    r = rng.random()
    if r < 0.4:
        body = underscores(str(rng.randint(0, 10**rng.randint(1, 8))))
    elif r < 0.55:
        body = pick(["0", "1", "1e999", "1.5", ".5", "1.", "1e5", "2", "0.0", "1E-5", "1_0", "00"])
    else:
        body = spell_float(random_double())
    return body + pick(["j", "J", "j"])


COMPLEX_SPECIALS = ["1j", "2J", "1+2j", "-1.5-0j", "-0j", "0j", "1e999j", "-1e999j", "1e999-1e999j",
                    "-1e999+1e999j", "0.0-0j", "-0.0+0j", "-0.0-0j", "(1+2j)", "-0+0j", "-0-0j",
                    "1e999+0j", "0+1e999j", "(-1e999-0j)", "1.5+0.5J", "- 2j", "+1j", "(0-0j)",
                    "-1-1e999j", "5e-324j", "5e-324+5e-324j", "1e308+1e308j"]


def gen_complex():
    tag("complex")
    r = rng.random()
    if r < 0.25:
        s = pick(COMPLEX_SPECIALS)
    elif r < 0.5:
        s = sign_prefix() + imag_literal()
    else:
        real = gen_int() if chance(0.3) else gen_float()
        s = real + pick(["", " "]) + pick(["+", "-"]) + pick(["", " "]) + imag_literal()
    if chance(0.15):
        s = "(" + s + ")"
    return s


# ---------------------------------------------------------------- strings

NAMES = ["LATIN SMALL LETTER A", "GREEK SMALL LETTER ALPHA", "SNOWMAN", "EM DASH", "NO-BREAK SPACE",
         "BLACK STAR", "EURO SIGN", "LATIN CAPITAL LETTER E WITH ACUTE", "DIGIT ZERO", "SPACE",
         "GRINNING FACE", "REPLACEMENT CHARACTER", "LINE FEED", "NULL", "BULLET", "HORIZONTAL ELLIPSIS",
         "COPYRIGHT SIGN", "PILE OF POO", "CJK UNIFIED IDEOGRAPH-4E00", "ZERO WIDTH SPACE",
         "APOSTROPHE", "QUOTATION MARK", "REVERSE SOLIDUS", "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK"]

PRINTABLE_ASCII = [chr(c) for c in range(0x20, 0x7F)]


def hexdigits(n, width):
    return randcase(format(n, "0%dx" % width))


def random_codepoint():
    r = rng.random()
    if r < 0.3:
        return rng.randint(0x20, 0x7E)
    if r < 0.4:
        tag("control")
        return pick(list(range(1, 0x20)) + list(range(0x7F, 0xA0)) + [0x2028, 0x2029, 0xAD, 0xFEFF, 0x200B, 0x85])
    if r < 0.5:
        return rng.randint(0xA0, 0xFF)
    if r < 0.75:
        c = rng.randint(0x100, 0xFFFF)
        while 0xD800 <= c <= 0xDFFF:
            c = rng.randint(0x100, 0xFFFF)
        return c
    if r < 0.8:
        tag("special_cp")
        return pick([0x378, 0xE000, 0xF8FF, 0xFFFE, 0xFFFF, 0x10FFFF, 0x10FFFD, 0xE0001, 0x1F600, 0x1F4A9,
                     0x0300, 0x1D11E, 0x20000, 0x2FFFF, 0x30000, 0x3134A, 0x1FAE8, 0x11F00, 0x1F7D9])
    tag("astral")
    return rng.randint(0x10000, 0x10FFFF)


def surrogate():
    tag("surrogate_escape")
    return pick([0xD800, 0xDBFF, 0xDC00, 0xDFFF, rng.randint(0xD800, 0xDFFF)])


def str_piece(quote, triple, inbr):
    """One piece of a non-raw str literal body."""
    r = rng.random()
    q = quote[0]
    if r < 0.25:
        c = pick(PRINTABLE_ASCII)
        if c == "\\" or c == q:
            return "\\" + c
        return c
    if r < 0.32:
        tag("simple_escape")
        return pick(["\\\\", "\\'", '\\"', "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\\0"])
    if r < 0.4:
        tag("x_escape")
        return "\\" + pick(["x", "x", "x"]) + hexdigits(rng.randrange(256), 2)
    if r < 0.45:
        tag("octal_escape")
        n = rng.randrange(0o1000)
        return "\\" + format(n, "o") if chance(0.5) else "\\" + format(n, "03o")
    if r < 0.52:
        tag("u_escape")
        c = surrogate() if chance(0.3) else rng.randint(0, 0xFFFF)
        return "\\u" + hexdigits(c, 4)
    if r < 0.59:
        tag("U_escape")
        c = surrogate() if chance(0.15) else random_codepoint()
        return "\\U" + hexdigits(c, 8)
    if r < 0.63:
        tag("N_escape")
        return "\\N{" + pick(NAMES) + "}"
    if r < 0.66:
        tag("unknown_escape")
        return "\\" + pick(["q", "z", "8", "9", "c", "d", "e", "%", " ", "[", "{", "w"])
    if r < 0.68:
        tag("continuation")
        return "\\\n"
    if triple and r < 0.72:
        tag("triple_newline")
        return pick(["\n", "\r\n", "\n", "\r", q, q + q])
    c = random_codepoint()
    ch = chr(c)
    if ch in ("\\", q) or c in (0, 0x0A, 0x0D):
        return "\\x%02x" % c if c < 256 else "\\u%04x" % c
    tag("raw_codepoint")
    return ch


def raw_str_piece(quote, triple):
    r = rng.random()
    q = quote[0]
    if r < 0.4:
        c = pick(PRINTABLE_ASCII)
        if c == "\\":
            return "\\\\"
        if c == q:
            return "\\" + q
        return c
    if r < 0.7:
        tag("raw_backslash")
        return "\\" + pick(PRINTABLE_ASCII + ["N{SNOWMAN}", "x41", "u1234", "U0001F600", "n", "t", "0", q])
    if triple and r < 0.75:
        return pick(["\n", "\r\n", "\r", q])
    if r < 0.78:
        return "\\\n"
    c = random_codepoint()
    if c in (0x0A, 0x0D) or chr(c) in ("\\", q):
        return "x"
    return chr(c)


def bytes_piece(quote, triple):
    r = rng.random()
    q = quote[0]
    if r < 0.35:
        c = pick(PRINTABLE_ASCII)
        if c == "\\" or c == q:
            return "\\" + c
        return c
    if r < 0.65:
        tag("x_escape")
        return "\\x" + hexdigits(rng.randrange(256), 2)
    if r < 0.72:
        tag("octal_escape")
        return "\\" + format(rng.randrange(0o1000), "o")
    if r < 0.8:
        tag("simple_escape")
        return pick(["\\\\", "\\'", '\\"', "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\\0"])
    if r < 0.85:
        tag("unknown_escape")
        return pick(["\\u1234", "\\U0001F600", "\\N{SNOWMAN}", "\\q", "\\8"])
    if r < 0.88:
        return "\\\n"
    if triple and r < 0.92:
        return pick(["\n", "\r\n", q])
    c = rng.choice(list(range(0x20, 0x7F)) + [0x09, 0x0B, 0x0C, 0x1B, 0x7F])
    ch = chr(c)
    if ch in ("\\", q):
        return "\\" + ch
    return ch


STR_PREFIXES = ["", "", "", "r", "R", "u", "U"]
BYTES_PREFIXES = ["b", "B", "br", "bR", "Br", "BR", "rb", "rB", "Rb", "RB", "b", "b"]


def one_string(kind, inbr):
    prefix = pick(STR_PREFIXES if kind == "str" else BYTES_PREFIXES)
    quote = pick(["'", '"', "'", '"', "'''", '"""'])
    triple = len(quote) == 3
    if triple:
        tag("triple")
    raw = "r" in prefix.lower()
    if raw:
        tag("raw")
    if prefix:
        tag("prefix_" + prefix)
    n = rng.choice([0, 1, 3, 8, 20, 60])
    n = rng.randint(0, n)
    pieces = []
    for _ in range(n):
        if kind == "bytes":
            if raw:
                p = raw_str_piece(quote, triple)
                p = "".join(ch if ord(ch) < 128 else "x" for ch in p)
            else:
                p = bytes_piece(quote, triple)
        elif raw:
            p = raw_str_piece(quote, triple)
        else:
            p = str_piece(quote, triple, inbr)
        pieces.append(p)
    body = "".join(pieces)
    if triple and body.endswith(quote[0]):
        body = body[:-1] + ("\\" + quote[0] if not raw else "")
    return prefix + quote + body + quote


def gen_string(kind, inbr):
    tag(kind)
    if kind == "bytes" and chance(0.03):
        tag("all_256_bytes")
        vals = list(range(256))
        rng.shuffle(vals)
        return "b'" + "".join(pick(["\\x%02x", "\\x%02X", "\\%o"]) % v for v in vals) + "'"
    count = 1 if chance(0.75) else rng.randint(2, 4)
    if count > 1:
        tag("concat")
    parts = [one_string(kind, inbr) for _ in range(count)]
    out = parts[0]
    for p in parts[1:]:
        sep = ws(inbr) if chance(0.6) else pick(["", " "])
        out += sep + p
    return out


# ---------------------------------------------------------------- containers


def gen_hashable_leaf(inbr):
    r = rng.random()
    if r < 0.35:
        return gen_int()
    if r < 0.5:
        return gen_float()
    if r < 0.55:
        return gen_complex()
    if r < 0.8:
        return gen_string("str", inbr)
    if r < 0.9:
        return gen_string("bytes", inbr)
    return pick(["None", "True", "False"])


def gen_leaf(inbr):
    r = rng.random()
    if r < 0.1:
        return pick(["None", "True", "False", "set()", "()", "[]", "{}", "set( )", "(\n)", "[ ]"])
    return gen_hashable_leaf(inbr)


def join_items(open_, items, close, trailing_ok=True):
    s = open_ + ws_in()
    for i, it in enumerate(items):
        if i:
            s += ws_in() + "," + ws_in()
        s += it
    if items and trailing_ok and chance(0.15):
        s += ws_in() + ","
        tag("trailing_comma")
    return s + ws_in() + close


def gen_hashable(depth):
    if depth <= 0 or chance(0.7):
        return gen_hashable_leaf(True)
    n = rng.randint(0, 3)
    items = [gen_hashable(depth - 1) for _ in range(n)]
    tag("tuple")
    if n == 1:
        return "(" + ws_in() + items[0] + ws_in() + "," + ws_in() + ")"
    return join_items("(", items, ")")


def gen_container(depth):
    if depth <= 0:
        return gen_leaf(True)
    kind = pick(["tuple", "list", "dict", "set", "leaf", "leaf"])
    if kind == "leaf":
        return gen_leaf(True)
    tag(kind)
    n = rng.choice([0, 1, 2, 3, 5, 8])
    n = rng.randint(0, n)
    if kind == "tuple":
        items = [gen_container(depth - 1) for _ in range(n)]
        if n == 1:
            return "(" + ws_in() + items[0] + ws_in() + "," + ws_in() + ")"
        return join_items("(", items, ")")
    if kind == "list":
        return join_items("[", [gen_container(depth - 1) for _ in range(n)], "]")
    if kind == "dict":
        items = [gen_hashable(2) + ws_in() + ":" + ws_in() + gen_container(depth - 1) for _ in range(n)]
        return join_items("{", items, "}")
    if n == 0:
        return "set(" + ws_in() + ")"
    return join_items("{", [gen_hashable(2) for _ in range(n)], "}")


def gen_deep():
    tag("deep")
    depth = rng.randint(15, 50)
    hashable = True
    s = gen_hashable_leaf(True)
    for _ in range(depth):
        kinds = ["tuple1", "tuple2", "list", "dict", "dictkey"]
        if hashable:
            kinds.append("set")
        k = pick(kinds)
        if k == "tuple1":
            s = "(" + s + ",)"
        elif k == "tuple2":
            s = "(" + gen_leaf(True) + "," + ws_in() + s + ")" if chance(0.5) else "(" + s + ", " + gen_leaf(True) + ")"
        elif k == "list":
            s = "[" + s + "]" if chance(0.6) else "[" + gen_leaf(True) + ", " + s + "]"
            hashable = False
        elif k == "dict":
            s = "{" + gen_hashable_leaf(True) + ": " + s + "}"
            hashable = False
        elif k == "dictkey" and hashable:
            s = "{" + s + ": " + gen_leaf(True) + "}"
            hashable = False
        elif k == "set":
            s = "{" + s + "}" if chance(0.6) else "{" + s + ", " + gen_hashable_leaf(True) + "}"
            hashable = False
        else:
            s = "(" + s + ",)"
    return s


def int_member():
    r = rng.random()
    if r < 0.4:
        return str(rng.randint(-50, 200))
    if r < 0.55:
        return str(rng.randint(-2**64, 2**64))
    if r < 0.65:
        # hash collisions: hash(-1) == hash(-2); multiples of 2**61 - 1 hash to 0
        return pick(["-1", "-2", str(2**61 - 1), str(2 * (2**61 - 1)), str(-(2**61 - 1)), str(2**61), "0"])
    if r < 0.75:
        return str(8 * rng.randint(0, 40))
    if r < 0.8:
        return pick(["True", "False"])
    if r < 0.9:
        return "0x" + format(rng.getrandbits(rng.randint(1, 300)), "x")
    return str(rng.randint(0, 10**rng.randint(20, 200)))


def gen_int_set():
    tag("intset_src")
    n = rng.choice([1, 2, 5, 10, 20, 50, 120])
    n = rng.randint(1, n)
    return join_items("{", [int_member() for _ in range(n)], "}")


COLLISION_GROUPS = [
    ["1", "1.0", "True", "(1+0j)", "1_0e-1", "0x1", "0b1"],
    ["0", "0.0", "-0.0", "False", "0j", "-0j", "0o0"],
    ["'a'", "'\\x61'", "r'a'", "\"a\"", "'\\N{LATIN SMALL LETTER A}'", "u'a'", "'''a'''"],
    ["b'a'", "b'\\x61'", "B'a'", "rb'a'", "b'\\141'"],
    ["(1, 2)", "(1.0, 2)", "(True, 2.0)", "(1, 2+0j)"],
    ["18446744073709551616", "18446744073709551616.0", "0x10000000000000000", "1.8446744073709552e19"],
    ["None"], ["2", "2.0", "0b10"], ["-1", "-1.0", "-True"], ["()"],
    ["'\\ud800'", "'\\uD800'", "'\\U0000d800'"],
]


def gen_collision():
    tag("collision")
    groups = [pick(COLLISION_GROUPS) for _ in range(rng.randint(1, 3))]
    keys = []
    for _ in range(rng.randint(2, 7)):
        keys.append(pick(pick(groups)))
    if chance(0.6):
        vals = [gen_leaf(True) for _ in keys]
        return join_items("{", [k + ": " + v for k, v in zip(keys, vals)], "}")
    return join_items("{", keys, "}")


def gen_mixed_set():
    tag("mixedset_src")
    n = rng.randint(1, 12)
    return join_items("{", [gen_hashable(2) for _ in range(n)], "}")


def gen_top_misc():
    r = rng.random()
    if r < 0.3:
        return pick(["None", "True", "False"])
    if r < 0.6:
        tag("toplevel_tuple")
        n = rng.randint(1, 4)
        items = [gen_leaf(False) for _ in range(n)]
        s = (ws_out() + "," + ws_out()).join(items)
        if n == 1 or chance(0.3):
            s += ","
        return s
    if r < 0.8:
        return "(" + ws_in() + gen_leaf(True) + ws_in() + ")"
    tag("outer_ws")
    inner = gen_leaf(False)
    return pick([" ", "\t", "\n", "  \n", "# c\n", ""]) + inner + pick(["", " ", "\n", " # trailing\n", "\n\n", "\t"])


REJECTS = [
    "--1", "-+1", "1j+1", "1+2", "1-2.0", "(1+2j)+3", "-(1+2j)", "True+1j", "1+True", "f'x'", "F'{1}'",
    "rf'x'", "'a' b'b'", "b'a' 'b'", "01", "1__0", "1_", "0x", "0b2", "0o8", "1e", "1.e", "_1", "0x_",
    "[1,,2]", "(,)", "[,]", "{1:}", "{:1}", "{[1]: 2}", "{[]}", "{{}}", "{set()}", "x", "inf", "nan",
    "1 if 1 else 2", "print(1)", "set([1])", "frozenset()", "set(())", "[1][0]", "(1).real", "1 2",
    "'\\x4'", "'\\x'", "'\\N{NOT A REAL NAME}'", "'\\U00110000'", "'\\uD80'", "'\\N'", "'\\N{'", "b'\\xg0'",
    "b'\u00e9'", "'abc", "'''abc", "\"a'", "'a\nb'", "'a\\'", "r'a\\'", "[1, 2", "(1, 2]", "{1: 2]",
    "", " ", "# only", "1,,", ",", "()()", "1 +", "not 1", "~1", "1 @ 2", "[*[1]]", "{**{}}", "(*(1,),)",
    "lambda: 1", "...", "Ellipsis", "__import__('os')", "{1: 2, **{}}", "1;2", "1\n2", "\n 1", "\\",
    "0x1.5", "1e1.5", "1.5.5", "1jj", "1j1", "0b", "0o", "1__", "1e_1", "1_e1", "1._5", "1_.5",
    "b'\\N{SNOWMAN}' 'x'", "u'a' b'b'", "ub'x'", "bu'x'", "ur'x'", "t'x'", "None()", "True.real",
    "-'a'", "-None", "+[]", "-True", "-(1)", "(-)1", "[1 2]", "{1 2}", "{1: 2 3: 4}",
]


def mutate(src):
    """Random damage: most results are rejected; the accepted ones are fine cases too."""
    tag("mutated")
    if not src:
        return src
    r = rng.random()
    i = rng.randrange(len(src))
    if r < 0.4:
        return src[:i] + src[i + 1:]
    if r < 0.7:
        return src[:i] + pick(list("()[]{},:'\"\\-+_.ejxob0 #\n")) + src[i:]
    return src[:i] + src[i:][::-1]


# ---------------------------------------------------------------- classification


def walk(v, depth, info):
    info["depth"] = max(info["depth"], depth)
    if v is Ellipsis:
        info["unsupported"] = True  # literal_eval('...') is Ellipsis; the value model has none
        return
    if isinstance(v, bool) or v is None:
        return
    if isinstance(v, int):
        if abs(v) >= 10**300:
            info["tags"].add("hugeint")
        if abs(v) >= 2**63:
            info["tags"].add("bigint")
        return
    if isinstance(v, float):
        if math.isinf(v):
            info["tags"].add("inf")
        if v == 0.0 and math.copysign(1.0, v) < 0:
            info["tags"].add("negzero")
        if 0.0 < abs(v) < 2.2250738585072014e-308:
            info["tags"].add("subnormal")
        return
    if isinstance(v, complex):
        info["tags"].add("complex")
        return
    if isinstance(v, str):
        for i, ch in enumerate(v):
            o = ord(ch)
            if 0xD800 <= o <= 0xDFFF:
                info["tags"].add("surrogate")
                if 0xD800 <= o <= 0xDBFF and i + 1 < len(v) and 0xDC00 <= ord(v[i + 1]) <= 0xDFFF:
                    info["pair"] = True
            elif o > 0xFFFF:
                info["tags"].add("astral")
        return
    if isinstance(v, bytes):
        info["tags"].add("bytes")
        if len(set(v)) == 256:
            info["tags"].add("all_256_bytes")
        return
    if isinstance(v, tuple):
        if len(v) == 0:
            info["tags"].add("empty_tuple")
        for x in v:
            walk(x, depth + 1, info)
        return
    if isinstance(v, list):
        for x in v:
            walk(x, depth + 1, info)
        return
    if isinstance(v, dict):
        info["tags"].add("dict")
        for k, x in v.items():
            walk(k, depth + 1, info)
            walk(x, depth + 1, info)
        return
    if isinstance(v, (set, frozenset)):
        if all(type(x) in (int, bool) for x in v):
            info["tags"].add("intset" if v else "empty_set")
        else:
            info["eval"] = True
            info["tags"].add("nonint_set")
        for x in v:
            walk(x, depth + 1, info)
        return
    raise TypeError(type(v))


def classify(value):
    info = {"depth": 0, "tags": set(), "eval": False, "pair": False, "unsupported": False}
    walk(value, 0, info)
    return info


def emit(out, src, rep, cmp, tags, depth):
    out.write(json.dumps({"src": hexu16(src), "repr": hexu16(rep), "cmp": cmp, "tags": sorted(tags),
                          "depth": depth}, ensure_ascii=True))
    out.write("\n")


# ---------------------------------------------------------------- modes


def run_cases(seed, out):
    rng.seed(seed)
    plan = ([gen_int] * 600 + [gen_float] * 700 + [gen_complex] * 300
            + [lambda: gen_string("str", False)] * 800 + [lambda: gen_string("bytes", False)] * 300
            + [gen_top_misc] * 250 + [lambda: gen_container(rng.randint(1, 6))] * 700
            + [gen_deep] * 200 + [gen_int_set] * 250 + [gen_collision] * 200 + [gen_mixed_set] * 150
            + [None] * 250)
    stats = {"exact": 0, "eval": 0, "reject": 0, "pair_skipped": 0, "unsupported_skipped": 0}
    fixed = list(REJECTS)
    for i, g in enumerate(plan):
        TAGS.clear()
        if g is None:
            if fixed:
                src = fixed.pop()
            else:
                src = mutate(pick([gen_container, lambda d: gen_leaf(True)])(3))
        else:
            src = g()
            if chance(0.2) and g not in (gen_top_misc,):
                src = pick(["", "", " ", "\t", "(", "\n"]) + src
                if src.startswith("("):
                    src += pick(["", "\n", " "]) + ")"
                    TAGS.add("parenthesised")
        try:
            value = ast.literal_eval(src)
        except BaseException as e:  # noqa: BLE001 - every rejection counts, whatever its type
            if isinstance(e, KeyboardInterrupt):
                raise
            stats["reject"] += 1
            emit(out, src, type(e).__name__, "reject", TAGS, 0)
            continue
        info = classify(value)
        if info["unsupported"]:
            stats["unsupported_skipped"] += 1
            continue
        if info["pair"]:
            # A high surrogate followed by a low one is two code points in Python but one
            # UTF-16 pair in .NET: the model cannot tell them apart, so the case is left out.
            stats["pair_skipped"] += 1
            continue
        cmp = "eval" if info["eval"] else "exact"
        stats[cmp] += 1
        emit(out, src, repr(value), cmp, TAGS | info["tags"], info["depth"])
    sys.stderr.write("gen_literals cases: %r\n" % stats)


# values mode: random Python values; src is repr(v)


def rand_str():
    n = rng.randint(0, rng.choice([1, 5, 20, 80]))
    cps = []
    for _ in range(n):
        if chance(0.08):
            cps.append(surrogate())
        else:
            c = random_codepoint() if chance(0.7) else rng.choice([0, 9, 10, 13, 39, 34, 92, 0x7F, 0x85])
            cps.append(c)
    return "".join(chr(c) for c in cps)


def rand_float():
    r = rng.random()
    if r < 0.1:
        return pick([0.0, -0.0, 5e-324, -5e-324, 1e16, 1e22, 1e-5, 1e-4, 0.1, 1.7976931348623157e308, 1e15,
                     9999999999999998.0, 123456789.0, 1.5, float("inf")])
    x = random_double()
    return -x if chance(0.5) else x


def rand_hashable(depth):
    r = rng.random()
    if r < 0.25:
        return rng.randint(-10**rng.randint(1, 30), 10**rng.randint(1, 30)) if chance(0.8) else rng.randint(-10**600, 10**600)
    if r < 0.4:
        return rand_float()
    if r < 0.45:
        return complex(rand_float(), rand_float())
    if r < 0.7:
        return rand_str()
    if r < 0.8:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 40)))
    if r < 0.85:
        return pick([None, True, False])
    if depth > 0:
        return tuple(rand_hashable(depth - 1) for _ in range(rng.randint(0, 4)))
    return rng.randint(-5, 5)


def rand_value(depth):
    if depth <= 0 or chance(0.4):
        return rand_hashable(1)
    k = pick(["list", "tuple", "dict", "set", "intset"])
    n = rng.randint(0, rng.choice([2, 5, 10]))
    if k == "list":
        return [rand_value(depth - 1) for _ in range(n)]
    if k == "tuple":
        return tuple(rand_value(depth - 1) for _ in range(n))
    if k == "dict":
        return {rand_hashable(2): rand_value(depth - 1) for _ in range(n)}
    if k == "set":
        return {rand_hashable(2) for _ in range(n)}
    return {rng.randint(-100, 10**rng.randint(1, 25)) for _ in range(n)}


def run_values(seed, out):
    rng.seed(seed)
    stats = {"exact": 0, "eval": 0, "skipped": 0, "pair_skipped": 0}
    for _ in range(1600):
        TAGS.clear()
        v = rand_value(rng.randint(0, 6))
        rep = repr(v)
        try:
            back = ast.literal_eval(rep)
            ok = repr(back) == rep
        except Exception:  # noqa: BLE001 - inf/nan reprs are not literals
            ok = False
        if not ok:
            stats["skipped"] += 1
            continue
        info = classify(back)
        if info["pair"]:
            stats["pair_skipped"] += 1
            continue
        cmp = "eval" if info["eval"] else "exact"
        stats[cmp] += 1
        emit(out, rep, rep, cmp, info["tags"], info["depth"])
    sys.stderr.write("gen_literals values: %r\n" % stats)


def main():
    mode, seed = sys.argv[1], int(sys.argv[2])
    out = sys.stdout
    if mode == "cases":
        run_cases(seed, out)
    elif mode == "values":
        run_values(seed, out)
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
