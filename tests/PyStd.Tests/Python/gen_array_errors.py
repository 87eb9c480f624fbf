"""Error cases of array construction and methods, in gen_array_ops.py's format (one op per line,
plus op "new": args [typecode string, encoded initializer]), for ArrayErrorTests.
"""
import json
import struct
from array import array

from gen_array_common import TYPECODES, enc
from gen_array_ops import apply

BAD_VALUES = [None, "a", "ab", "", b"x", 1.5, -0.0, float("nan"), [1], (2,), True, False,
              -2**7 - 1, 2**7, 2**8, -2**15 - 1, 2**15, 2**16, -2**31 - 1, 2**31, 2**32, -2**63 - 1, 2**63,
              2**64, -2**64 - 1, 10**30, -10**30, 10**400, -10**400, 2**1024 - 2**970, 2**1024 - 2**971,
              2**1023 + 2**970, 2**64 + 1, 2**53 + 1, -1, 0, "\U0001F600", "a\U0001F600", "\ud800", "\udc00\ud800"]


def emit(tc, start, op, args, encoded_args):
    record = {"op": op, "args": encoded_args}
    a = None if start is None else array(tc, bytes.fromhex(start))
    try:
        if op == "new":
            ret = array(*args)
        else:
            ret = apply(a, op, args)
        record["ret"] = enc(ret)
    except (ValueError, TypeError, IndexError, OverflowError, EOFError) as e:
        record["err"] = [type(e).__name__, str(e)]
    record["after"] = "" if a is None else a.tobytes().hex()
    print(json.dumps({"tc": tc, "hex": start or "", "ops": [record]}))


def new(tc, *init):
    emit(tc, None, "new", (tc,) + init, [tc] + [enc(v) for v in init])


# Typecodes: every ASCII character, a few others, and strings that are not one character.
for code in list(range(128)) + [0xE9, 0x3B1, 0x1F600]:
    new(chr(code))
for text in ["", "ii", "bB", "i ", "\U0001F600", "\U0001F600a"]:
    new(text)

for tc in TYPECODES:
    # Every bad value, as a one-item list, appended, inserted and assigned.
    for v in BAD_VALUES:
        new(tc, [v])
        new(tc, (1 if tc != "u" else "x", v))
        start = array(tc, [1 if tc != "u" else "x"] * 3).tobytes().hex()
        emit(tc, start, "append", [v], [enc(v)])
        emit(tc, start, "insert", [1, v], [1, enc(v)])
        emit(tc, start, "setitem", [-1, v], [-1, enc(v)])
        emit(tc, start, "fromlist", [[v]], [enc([v])])
        emit(tc, start, "extend", [[1 if tc != "u" else "y", v]], [enc([1 if tc != "u" else "y", v])])
    # Initializers of the wrong kind.
    for init in ["abc", "", b"\x01\x02\x03", b"", 5, None, 1.5,
                 array("u", "ab"), array("u"), array("i", [1, 2]), array("d", [1.0, 2.5]), array("d", [3.0]),
                 array("Q", [2**64 - 1]), array("b", [-1]), array("B", [255]), (1, 2), ()]:
        new(tc, init)
    # Bytes whose length is not a multiple of the item size.
    size = array(tc).itemsize
    for n in range(0, 2 * size + 1):
        new(tc, bytes(range(n)))
    # Unicode-only methods.
    emit(tc, "", "fromunicode", ["ab"], [enc("ab")])
    emit(tc, "", "tounicode", [], [])
    # Index errors on empty and short arrays.
    for start in ["", array(tc, [1 if tc != "u" else "x"] * 2).tobytes().hex()]:
        for i in [-3, -2, -1, 0, 1, 2, 3]:
            emit(tc, start, "pop", [i], [i])
            emit(tc, start, "getitem", [i], [i])
            emit(tc, start, "delitem", [i], [i])
        emit(tc, start, "pop", [], [])
        emit(tc, start, "remove", [7 if tc != "u" else "z"], [enc(7 if tc != "u" else "z")])
        emit(tc, start, "index", [7 if tc != "u" else "z"], [enc(7 if tc != "u" else "z")])
        emit(tc, start, "getslice", [None, None, 0], [None, None, 0])
        emit(tc, start, "delslice", [None, None, 0], [None, None, 0])
        emit(tc, start, "setslice", [0, 2, 2, array(tc)], [0, 2, 2, enc(array(tc))])
        emit(tc, start, "setslice", [None, None, -1, array(tc)], [None, None, -1, enc(array(tc))])
        emit(tc, start, "setslice", [None, None, 1, array("d" if tc != "d" else "i")],
             [None, None, 1, enc(array("d" if tc != "d" else "i"))])
        emit(tc, start, "extend", [array("d" if tc != "d" else "i")], [enc(array("d" if tc != "d" else "i"))])
        emit(tc, start, "concat", [array("d" if tc != "d" else "i")], [enc(array("d" if tc != "d" else "i"))])

# 'u' items that are not code points: every read path raises.
for bad in [0x110000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xD800]:
    start = (b"a\0\0\0" + struct.pack("<I", bad)).hex()
    for op, args in [("tounicode", []), ("repr", []), ("tolist", []), ("getitem", [1]), ("getitem", [0]),
                     ("pop", []), ("index", ["q"]), ("count", ["a"]), ("contains", ["q"]), ("remove", ["q"]),
                     ("getslice", [None, None, -1]), ("byteswap", []), ("len", [])]:
        encoded = [enc(v) if op in ("index", "count", "contains", "remove") else v for v in args]
        emit("u", start, op, args, encoded)
