"""Cases for PyLiteralTests: texts CPython's ast.literal_eval refuses, and ones it accepts.

    python3 gen_malformed_literals.py malformed   # one JSON string per line
    python3 gen_malformed_literals.py accepted    # one JSON array [source, canonical value] per line

Malformed: hand-listed categories plus random mutations (truncation, inserted or replaced junk,
deleted or swapped characters, operator soup) of random valid literals, KEEPING only texts for
which this python3's ast.literal_eval raises SyntaxError, ValueError, TypeError, OverflowError
(a huge int beside an imaginary number), MemoryError or RecursionError. Accepted: the mutations (and unmutated literals) it accepts, with the value in
the canonical form PyLiteralTests.Canonical writes (see canon below); a value holding Ellipsis,
which PyStd's value model lacks, is written as "ELLIPSIS". Fixed seed; no text holds a lone
surrogate (JSON could not carry it to .NET intact).
"""

import ast
import json
import random
import struct
import sys
import warnings

warnings.simplefilter("ignore")  # invalid escapes ('\q') only warn
SEED = 20240611
RAISES = (SyntaxError, ValueError, TypeError, OverflowError, MemoryError, RecursionError)

HAND = [
    # empty and blank input
    "", " ", "\t", "\n", "# only a comment", "\\\n", "()()",
    # names, keywords, calls, attributes, subscripts
    "x", "none", "true", "NONE", "Set()", "set", "set(1)", "set(())", "set([])", "set(x=1)",
    "set(*())", "set(**{})", "set()()", "set().add", "frozenset()", "dict()", "list()",
    "tuple()", "print(1)", "__import__('os')", "x.y", "(1).real", "1 .real", "'a'.upper()",
    "[1][0]", "'abc'[0]", "None()", "True()", "(1)(2)", "lambda: 1", "lambda x: x",
    "not 1", "1 and 2", "1 or 2", "1 if 1 else 2", "yield 1", "await x", "x := 1", "(x := 1)",
    "Ellipsis", "NotImplemented", "__debug__", "inf", "nan", "float('inf')",
    # operators literal_eval does not evaluate
    "1+2", "1-2", "1.5+2.5", "2j+1", "1j+2j", "1+2j+3j", "(1+2j)+3j", "1+(2j+3j)", "1*2",
    "2**3", "-2**2", "1/2", "1//2", "5%3", "1<<2", "1>>2", "1&2", "1|2", "1^2", "~1", "1@2",
    "1<2", "1==1", "1!=2", "1 in []", "1 is 1", "--1", "+-1", "-+1", "- -1", "-(-1)",
    "-(1+2j)", "1+-2j", "-1+-2j", "1+(-2j)", "-'a'", "+'a'", "-None", "-True", "+False",
    "True+1j", "'a'+'b'", "b'a'+b'b'", "[1]+[2]", "()+()", "1+'a'", "-[1]", "-(1,)", "-set()",
    # f-strings and prefixes that do not exist
    "f'a'", "F'a'", "f'{1}'", "rf'a'", "fR'a'", "'a' f'b'", "f'{'", "ur'a'", "bu'a'", "ub''",
    "fb'a'", "bf'a'", "rr'a'", "bb'a'", "uu'a'", "c'a'", "x'a'",
    # unterminated strings and bad string syntax
    "'abc", '"abc', "'''abc", '"""abc', "'abc\"", "'a\nb'", "r'\\'", "b'\\'", "'\\",
    "'''a''''", "'a'b'", "'a' 1", "1 'a'", "'a' 'b", "'a\r\nb'", "'a\rb'",
    # bad escapes
    "'\\x'", "'\\x4'", "'\\x4g'", "'\\xg0'", "b'\\x'", "b'\\x4'", "b'\\xzz'", "'\\u'", "'\\u12'",
    "'\\u123'", "'\\u123g'", "'\\U'", "'\\U1234567'", "'\\U00110000'", "'\\UFFFFFFFF'",
    "'\\N'", "'\\N{'", "'\\N{}'", "'\\N{NOT A NAME}'", "'\\N{LATIN SMALL LETTER A'",
    "'\\N{ LATIN SMALL LETTER A}'", "'\\Nx'", "'\\N{hangul syllable ga}'",
    "'\\N{CJK UNIFIED IDEOGRAPH-4e00}'", "'\\N{CJK UNIFIED IDEOGRAPH-A000}'",
    "'\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'",
    # bytes
    "b'\u00e9'", "b'\u20ac'", "b'caf\u00e9'", "'a' b'b'", "b'a' 'b'", "b'a' u'b'", "rb'a' 'b'",
    # numbers
    "01", "00001", "0_1", "09", "1__0", "1_", "_1", "1_.5", "1._5", "1.5_", "1e", "1e+", "1e_5",
    "1_e5", "1e5e5", "1.5.5", "1..5", "0x", "0x_", "0x1_", "0xg", "0x1g", "0o", "0o8", "0o19",
    "0b", "0b2", "0b12", "0b1a", "1L", "1l", "1a", "1jj", "1j_", "5_j", "0x1j", "0b1j", "1f",
    "1d", "1i", "1J2", "1" * 4301, "1_" * 4301 + "1", "-" + "1" * 4301, "1" * 4301 + ".0j+1",
    "2" * 309 + "+1j", "0x1" + "0" * 256 + "+1j", "$1", "1e999e9",
    # brackets
    "(", ")", "[", "]", "{", "}", "(1", "[1", "{1", "{1:", "(1]", "[1)", "{1)", "(1,]", "[1}",
    "(1))", "[1]]", "{1}}", "((1)", "[[1]", "{{}", "[", "(((", "]]]", "({[", "[(])",
    "[1 2]", "[1,,2]", "[,]", "[,1]", "(,)", "(,1)", "(1,,)", "{,}", "{1,,}", "{:}", "{1:}",
    "{:1}", "{1:2:3}", "{1:2,3}", "{1,2:3}", "{1:2,,3:4}", "{**{}}", "{1:2,**{}}", "[*()]",
    "(*(),)", "{*()}", "1,,", ",", ",1", "1 2", "(1 2)", "1;2", "1;", "1\n2", "1\n\n2",
    "[" * 201 + "]" * 201, "(" * 201 + ")" * 201, "{1:" * 201 + "1" + "}" * 201,
    # unhashable keys and members
    "{[]: 1}", "{{}: 1}", "{set(): 1}", "{[1]}", "{{}}", "{set()}", "{([],): 1}", "{(1, [2])}",
    "{1: 1, []: 2}", "{(1, {}): 1}", "{(set(),)}",
    # whitespace, indentation, continuation, odd characters
    " \n 1", "\n 1", "\n\t1", "1\n 2", "1\n ", "1\n\t", "\f 1", "\\\n 1", "1 \\", "1 \\ \n",
    "1 \\\n", "1\\2", "\x0b1", "1\x0b", "\u00a01", "1\u00a0", "\u20001", "\u30001",
    "\ufeff1", "1\x00", "'a\x00'", "\x00", "1 $", "1?", "`1`", "!1", "1!", "@1", "1 =", "x = 1",
    "1 # comment \\\n 2", "\u00e9", "caf\u00e9", "\u20ac", "\u00e91", "1\u00e9",
    "\uff34\uff52\uff55\uff45", "\uff4e\uff4f\uff4e\uff45", "\u24e2et()",
    # literal_eval inputs that are whole statements
    "pass", "import os", "def f(): pass", "if 1: 1", "del x", "assert 1", "1 = 1", "[1] = 1",
]

WS_INSIDE = [" ", "", "", "  ", "\t", "\f", "\n", "\\\n", " # c\n", "\r\n", "\r", " \\\n "]
ESCAPES = ["\\n", "\\t", "\\\\", "\\'", '\\"', "\\a", "\\b", "\\f", "\\v", "\\r", "\\0", "\\7",
           "\\77", "\\777", "\\400", "\\x41", "\\xfF", "\\u00e9", "\\u20AC", "\\U0001F600",
           "\\U0000d800", "\\ud83d", "\\N{SPACE}", "\\N{bel}", "\\N{GRINNING FACE}",
           "\\N{HANGUL SYLLABLE GAG}", "\\N{CJK UNIFIED IDEOGRAPH-4E00}", "\\q", "\\8", "\\\n",
           "\\\u00e9", "\\N{LATIN CAPITAL LETTER GHA}"]
CHARS = list("abc xyz019") + ["\u00e9", "\u20ac", "\U0001F600", '"', "'", "\t", "#", "{", "\x7f", "\x01"]
JUNK = list("()[]{},:+-*/%.'\"\\#jJeE_xob0129 \n\t\f;=<>!@$?`~^&|") + [
    "..", "...", "**", "j", "lambda", "x", "set", "None", "not", "if", "f", "b", "r", "u", "\\\n", "\r"]


def canon(v):
    """The value as text; PyLiteralTests.Canonical writes ours the same way."""
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "B1" if v else "B0"
    if isinstance(v, int):
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            return "I" + str(v)
        finally:
            sys.set_int_max_str_digits(old)
    if isinstance(v, float):
        return "F" + bits(v)
    if isinstance(v, complex):
        return "C" + bits(v.real) + "," + bits(v.imag)
    if isinstance(v, str):
        units = v.encode("utf-16-le", "surrogatepass")
        return "S" + "".join("%04x" % (units[i] | units[i + 1] << 8) for i in range(0, len(units), 2))
    if isinstance(v, bytes):
        return "Y" + v.hex()
    if isinstance(v, tuple):
        return "T(" + ",".join(map(canon, v)) + ")"
    if isinstance(v, list):
        return "L[" + ",".join(map(canon, v)) + "]"
    if isinstance(v, dict):
        return "D{" + ",".join(canon(k) + ":" + canon(x) for k, x in v.items()) + "}"
    if isinstance(v, set):
        return "E{" + ",".join(sorted(map(canon, v))) + "}"  # set order differs in CPython's str hashing
    if v is Ellipsis:
        raise LookupError("Ellipsis")
    raise TypeError(type(v).__name__)


def bits(f):
    return str(struct.unpack("<q", struct.pack("<d", f))[0])


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def ws(self, inside):
        if inside:
            return self.r.choice(WS_INSIDE)
        return self.r.choice([" ", "", "", "", "\t", " \\\n", "\f"])

    def digits(self, n, alphabet="0123456789", underscores=True):
        s = "".join(self.r.choice(alphabet) for _ in range(n))
        if underscores and len(s) > 1 and self.r.random() < 0.3:
            i = self.r.randrange(1, len(s))
            s = s[:i] + "_" + s[i:]
        return s

    def number(self):
        r, k = self.r, self.r.randrange(11)
        if k == 0:
            return r.choice(["0x", "0X"]) + r.choice(["", "_"]) + self.digits(r.randint(1, 20), "0123456789abcdefABCDEF")
        if k == 1:
            return r.choice(["0o", "0O"]) + self.digits(r.randint(1, 8), "01234567")
        if k == 2:
            return r.choice(["0b", "0B"]) + self.digits(r.randint(1, 70), "01")
        if k == 3:
            return r.choice(["0", "00", "0_0", "000"])
        if k == 4:
            return r.choice("123456789") + self.digits(r.randint(0, 30))
        if k == 5:
            return self.digits(r.randint(1, 5)) + "." + self.digits(r.randint(0, 5))
        if k == 6:
            return "." + self.digits(r.randint(1, 5))
        if k == 7:
            return self.digits(r.randint(1, 4)) + r.choice("eE") + r.choice(["", "+", "-"]) + self.digits(r.randint(1, 3))
        if k == 8:
            return self.digits(r.randint(1, 4)) + r.choice(["j", "J", ".5j", "e3j"])
        if k == 9:
            return r.choice(["1e999", "1e-999", "1e308", "2e308", "4.9e-324", "2.5e-324", "9007199254740993",
                             "18446744073709551616", "9223372036854775808", "9223372036854775807"])
        return r.choice("123456789") + self.digits(r.randint(15, 25), underscores=False)

    def string(self):
        r = self.r
        prefix = r.choice(["", "", "", "r", "u", "b", "br", "rb", "R", "U", "B", "Br", "bR", "RB", "rB", "f", "rf"])
        quote = r.choice(["'", '"', "'''", '"""'])
        body = ""
        for _ in range(r.randint(0, 6)):
            body += r.choice(ESCAPES) if r.random() < 0.4 else r.choice(CHARS)
            if len(quote) == 3 and r.random() < 0.1:
                body += "\n"
        if "b" in prefix.lower():
            body = "".join(c for c in body if ord(c) < 128)
        body = body.replace(quote[0], "\\" + quote[0])
        s = prefix + quote + body + quote
        if r.random() < 0.2:
            s += self.ws(True) + self.string()
        return s

    def atom(self, depth):
        r = self.r
        k = r.randrange(14 if depth < 4 else 8)
        if k in (0, 1):
            return self.number()
        if k == 2:
            return r.choice(["-", "+", ""]) + self.number()
        if k == 3:
            return self.string()
        if k == 4:
            return r.choice(["None", "True", "False", "set()", "set( )", "(set)()"])
        if k == 5:
            real = r.choice(["", "-", "+"]) + r.choice([self.number(), "1", "2.5", "0x10"])
            return real + self.ws(True) + r.choice("+-") + self.ws(True) + self.digits(r.randint(1, 3)) + r.choice(["j", ".5j", "J", "e3j"])
        if k == 6:
            return "-" + self.digits(2) + "j"
        if k == 7:
            return "(" + self.ws(True) + self.atom(depth + 1) + self.ws(True) + ")"
        items = [self.atom(depth + 1) for _ in range(r.randint(0, 4))]

        def sep():
            return self.ws(True) + "," + self.ws(True)

        trail = r.choice(["", "," + self.ws(True)])
        if k in (8, 9):
            return "[" + self.ws(True) + sep().join(items) + (trail if items else "") + self.ws(True) + "]"
        if k == 10:
            if len(items) == 1:
                return "(" + items[0] + ",)"
            return "(" + sep().join(items) + (trail if items else "") + ")"
        if k == 11:
            if not items:
                return "{}"
            keys = [r.choice([self.number(), self.string(), "None", "True", "False", "1.0", "1", "(1,2)", "-0.0", "0"]) for _ in items]
            return "{" + sep().join(a + self.ws(True) + ":" + self.ws(True) + b for a, b in zip(keys, items)) + trail + "}"
        if k == 12:
            if not items:
                return "set()"
            members = [r.choice([self.number(), self.string(), "None", "True", "1.0", "(1,)", "()", "1"]) for _ in items]
            return "{" + sep().join(members) + trail + "}"
        return r.choice(["[]", "()", "{}", "[[]]", "((),)"])

    def literal(self):
        r = self.r
        s = self.atom(0)
        if r.random() < 0.15:
            s += self.ws(False) + "," + self.ws(False) + self.atom(0) + r.choice(["", ","])
        return r.choice(["", "", " ", "\t", "\n", "# c\n", "\\\n"]) + s + r.choice(["", "", "\n", " # c", "\n\n", " ", "\n ", "\\\n", "\r\n"])

    def mutate(self, s):
        r, k = self.r, self.r.randrange(7)
        if k == 0 and s:
            return s[:r.randrange(len(s))]
        if k == 1 and s:
            i = r.randrange(len(s) + 1)
            return s[:i] + r.choice(JUNK) + s[i:]
        if k == 2 and s:
            i = r.randrange(len(s))
            return s[:i] + s[i + 1:]
        if k == 3 and len(s) > 1:
            i, j = sorted(r.sample(range(len(s)), 2))
            return s[:i] + s[j] + s[i + 1:j] + s[i] + s[j + 1:]
        if k == 4 and s:
            i = r.randrange(len(s))
            return s[:i] + r.choice(JUNK) + s[i + 1:]
        if k == 5:
            return "".join(r.choice(JUNK) for _ in range(r.randint(1, 8)))
        return s + r.choice(JUNK)


def outcome(text):
    """('bad', None) when literal_eval raises, else ('ok', canonical value)."""
    try:
        value = ast.literal_eval(text)
    except RAISES:
        return "bad", None
    try:
        return "ok", canon(value)
    except LookupError:
        return "ok", "ELLIPSIS"


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "malformed"
    gen = Gen(SEED)
    candidates = [(text, True) for text in HAND]
    for _ in range(1500):
        text = gen.literal()
        if gen.r.random() < 0.7:
            for _ in range(gen.r.randint(1, 3)):
                text = gen.mutate(text)
        candidates.append((text, False))
    seen = set()
    for text, hand in candidates:
        if text in seen or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            continue
        seen.add(text)
        kind, value = outcome(text)
        if mode == "malformed" and kind == "bad":
            print(json.dumps(text, ensure_ascii=True))
        elif mode == "accepted" and kind == "ok" and not hand:
            print(json.dumps([text, value], ensure_ascii=True))


if __name__ == "__main__":
    main()
