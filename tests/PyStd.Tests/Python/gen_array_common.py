"""Shared helpers for the gen_array_*.py scripts: value encoding and value generators.

Values are encoded unambiguously for the C# side (ArrayCases.cs decodes them):
  None -> "n:", bool -> "b:1"/"b:0", int -> "i:<decimal>", float -> "f:<16 hex digits of the
  IEEE-754 double bits>", str -> "s:<code points, comma-separated>", bytes -> "y:<hex>",
  list -> JSON list, tuple -> {"tuple": [...]}, array -> {"array": typecode, "hex": tobytes hex}.
"""
import random
import struct
from array import array

TYPECODES = "bBuhHiIlLqQfd"
INT_RANGE = {
    "b": (-2**7, 2**7 - 1), "B": (0, 2**8 - 1),
    "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
    "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1),
    "l": (-2**63, 2**63 - 1), "L": (0, 2**64 - 1),
    "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1),
}
FLOAT_EDGES = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -1.0, 0.1, 1 / 3,
               1e-45, 1.401298464324817e-45, 1.1754943508222875e-38, 3.4028234663852886e+38,
               3.4028235677973366e+38, 3.4028235e+38, 1e39, -1e39, 5e-324, 2.2250738585072014e-308,
               1.7976931348623157e+308, 1e16, 1e-5, 123456789.125, 16777217.0, 2.5]


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return "b:1" if v else "b:0"
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if isinstance(v, str):
        return "s:" + ",".join(str(ord(c)) for c in v)
    if isinstance(v, (bytes, bytearray)):
        return "y:" + bytes(v).hex()
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if isinstance(v, array):
        return {"array": v.typecode, "hex": v.tobytes().hex()}
    raise TypeError(type(v))


def random_code_point(rng):
    r = rng.random()
    if r < 0.4:
        return rng.randrange(0x20, 0x7F)
    if r < 0.55:
        return rng.randrange(0, 0x20)
    if r < 0.7:
        return rng.randrange(0x80, 0xD800)
    if r < 0.8:
        return rng.randrange(0xD800, 0xE000)  # lone surrogates
    if r < 0.9:
        return rng.randrange(0x10000, 0x110000)
    return rng.choice([0, 0x27, 0x22, 0x5C, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x1F600, 0xD83D, 0xDE00])


def random_value(rng, tc):
    """A valid item value for typecode tc."""
    if tc in INT_RANGE:
        lo, hi = INT_RANGE[tc]
        r = rng.random()
        if r < 0.3:
            return rng.choice([lo, hi, 0, 1, lo + 1, hi - 1, max(lo, -1)])
        if r < 0.6:
            return rng.randint(max(lo, -100), min(hi, 100))
        bits = rng.randrange(1, (hi - lo).bit_length() + 1)
        return max(lo, min(hi, rng.getrandbits(bits) * rng.choice([1, -1])))
    if tc in "fd":
        r = rng.random()
        if r < 0.35:
            return rng.choice(FLOAT_EDGES)
        if r < 0.6:
            return rng.uniform(-1000, 1000)
        if r < 0.8:
            return rng.uniform(-1, 1) * 10.0 ** rng.randint(-320, 308)
        return float(rng.randint(-10**6, 10**6))
    return chr(random_code_point(rng))


def random_bad_value(rng, tc):
    """A value that is usually wrong for typecode tc (wrong type or out of range)."""
    choices = [None, "ab", "", b"x", 1.5, [1], (2,)]
    if tc in INT_RANGE:
        lo, hi = INT_RANGE[tc]
        choices += [lo - 1, hi + 1, -2**15 - 1, 2**15, -2**31 - 1, 2**31, 2**32, -2**63 - 1, 2**63, 2**64,
                    -2**64 - 1, 10**30, -10**30, "a", 0.0, True]
    elif tc in "fd":
        choices += ["a", 10**400, -10**400, 2**1024 - 2**970, 2**1024 - 2**971, True, 2**64 + 1, 3]
    else:
        choices += [65, 0.5, "a\U0001F600", "\U0001F600", "\ud83d"]
    return rng.choice(choices)


def random_text(rng, n):
    """A str of n random code points. A .NET string cannot hold a lone high surrogate followed by a
    lone low surrogate (it reads them as one code point), so texts never have that pair."""
    cps = []
    while len(cps) < n:
        cp = random_code_point(rng)
        if cps and 0xD800 <= cps[-1] < 0xDC00 and 0xDC00 <= cp < 0xE000:
            continue
        cps.append(cp)
    return "".join(map(chr, cps))


def random_array(rng, tc, n):
    return array(tc, [random_value(rng, tc) for _ in range(n)])
