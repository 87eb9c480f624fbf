"""Differential tables for PyReprTests: python3 repr_tables.py floats|complex|chunks|strings|bytes.

Values travel as bits (little-endian hex of the double) or code points (hex), never as text
that would need parsing, so lone surrogates, NaN payloads and -0.0 arrive intact.
"""

import math
import random
import struct
import sys


def bits(x):
    return struct.pack('<d', x).hex()


def from_bits(u):
    return struct.unpack('<d', struct.pack('<Q', u))[0]


def steps(x, n):
    """x and its n neighbours on each side."""
    out = [x]
    up = down = x
    for _ in range(n):
        up = math.nextafter(up, math.inf)
        down = math.nextafter(down, -math.inf)
        out += [up, down]
    return out


def floats():
    rng = random.Random(20240611)
    vals = [0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, 5e-324, -5e-324,
            2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e+308,
            0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1.0, 1.5, 100.0, 123456789012345.0, 1234567890123456.8,
            9007199254740993.0, 1e22, 1e23, 9.999999999999999e22, 0.1 + 0.2]
    # NaN payloads and signs print as plain "nan".
    for _ in range(50):
        vals.append(from_bits((0x7FF << 52) | rng.getrandbits(52) | 1 | (rng.getrandbits(1) << 63)))
    # Random bit patterns, every exponent.
    for _ in range(8000):
        vals.append(from_bits(rng.getrandbits(64)))
    # Subnormals.
    for _ in range(1000):
        vals.append(from_bits(rng.getrandbits(52) | (rng.getrandbits(1) << 63)))
    # Powers of ten 1e-330 .. 1e310 (0.0 and inf at the ends) and their neighbours.
    for k in range(-330, 311):
        x = float('1e%d' % k)
        for y in steps(x, 1):
            vals += [y, -y]
    # Integers near 2**53, 2**54 and 10**15 .. 10**17.
    for base in (2 ** 53, 2 ** 54, 10 ** 15, 10 ** 16, 10 ** 17):
        for k in range(-150, 151):
            vals.append(float(base + k))
    # The positional/scientific switches: 1e16 and 1e-4 / 1e-5.
    for x in (1e16, 9999999999999998.0, 1e-4, 1e-5, 0.00009999999999999999, 1e15, 1e17):
        vals += steps(x, 150)
    # Short decimals across the exponent range (where the layout matters most).
    for _ in range(6000):
        digits = rng.randint(1, 17)
        mant = rng.randrange(10 ** (digits - 1), 10 ** digits)
        vals.append(float('%de%d' % (mant, rng.randint(-30, 30) - digits)))
    for _ in range(1000):
        vals.append(rng.random() * 10 ** rng.randint(-10, 20))
    for x in vals:
        print(bits(x), repr(x))


def complexes():
    rng = random.Random(7)
    nan = math.nan
    specials = [0.0, -0.0, 1.0, -1.0, 1.5, -2.5, 2.0, 1e16, -1e16, 1e15, 1e-4, 1e-5, 5e-324,
                1.7976931348623157e+308, 0.1, 123456789.0, math.inf, -math.inf, nan, -nan,
                from_bits(0x7FF0000000000001), 1e22, 3.0e-10, -0.0001]
    pairs = [(a, b) for a in specials for b in specials]
    for _ in range(400):
        pairs.append((from_bits(rng.getrandbits(64)), from_bits(rng.getrandbits(64))))
    for _ in range(200):
        pairs.append((float(rng.randint(-1000, 1000)), float(rng.randint(-1000, 1000)) / 8))
    for re, im in pairs:
        print(bits(re), bits(im), repr(complex(re, im)))


def chunks():
    # One line per 64 code points, every code point 0 .. 0x10FFFF, surrogates included.
    for start in range(0, 0x110000, 64):
        print(repr(''.join(map(chr, range(start, start + 64)))))


def strings():
    rng = random.Random(11)
    cases = ['', "'", '"', '\'"', '"\'', "a'b", 'a"b', 'it\'s "x"', '\\', "\\'", '\\"', 'abc',
             '\t\n\r', '\x00\x1f\x7f\x80\x9f\xa0\xad\xff', '\u2028\u2029\u200b\ufeff', '\U0001F600',
             '\U000E0001', '\U0010FFFF', '\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', 'é"\'',
             ' ', '\u3000', '\x85', 'x' * 1000, "'" * 5 + 'é']
    alphabet = ["'", '"', '\\', 'a', 'Z', ' ', '\n', '\t', '\r', '\x00', '\x1b', '\x7f', '\x80',
                '\xa0', '\xe9', '\u0378', '\u2028', '\u4e2d', '\ufffd', '\uffff', '\U0001F600',
                '\U000E0100', '\U0010FFFF', '\ud800', '\udbff', '\udc00', '\udfff']
    for _ in range(3000):
        s = []
        for _ in range(rng.randint(0, 12)):
            c = rng.choice(alphabet)
            # A high surrogate followed by a low one would be one code point in UTF-16.
            if s and '\ud800' <= s[-1] <= '\udbff' and '\udc00' <= c <= '\udfff':
                continue
            s.append(c)
        cases.append(''.join(s))
    for s in cases:
        print(','.join('%x' % ord(c) for c in s) + '\t' + repr(s))


def bytes_table():
    rng = random.Random(13)
    cases = [bytes([b]) for b in range(256)]
    cases += [b'', b"'", b'"', b'\'"', b"a'b", b'a"b', b'\\', b"\\'", bytes(range(256)),
              bytes(range(255, -1, -1))]
    alphabet = [b"'", b'"', b'\\', b'a', b' ', b'\n', b'\t', b'\r', b'\x00', b'\x7f', b'\x80',
                b'\xff', b'~']
    for _ in range(1000):
        cases.append(b''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))))
    for b in cases:
        print(b.hex() + '\t' + repr(b) + '\t' + repr(bytearray(b)))


{'floats': floats, 'complex': complexes, 'chunks': chunks, 'strings': strings,
 'bytes': bytes_table}[sys.argv[1]]()
