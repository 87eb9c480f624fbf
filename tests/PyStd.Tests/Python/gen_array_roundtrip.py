"""Random arrays of every typecode, as JSON lines, for ArrayRoundTripTests.

Each line: {"tc", "input" (encoded values the array was built from, or null when it was built
from random bytes), "hex" (tobytes), "items" (tolist: ints as decimal strings, floats as IEEE bits
in hex, 'u' items as code points), "list_hex" (array(tc, a.tolist()).tobytes()), "swapped"
(bytes after byteswap()), "repr"}.
"""
import json
import random
import struct
import sys
from array import array

from gen_array_common import TYPECODES, enc, random_array

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 20240311)
per_typecode = int(sys.argv[2]) if len(sys.argv) > 2 else 120


def item_text(tc, v):
    if tc == "u":
        return ord(v)
    if tc in "fd":
        return "%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    return str(v)


for tc in TYPECODES:
    size = array(tc).itemsize
    for case in range(per_typecode):
        n = rng.choice([0, 1, 2, 3, 5, 8, 17, 40])
        if case % 4 == 3 and tc != "u":
            a = array(tc, bytes(rng.getrandbits(8) for _ in range(n * size)))
            if tc in "fd" and n:
                # NaNs with payloads, quiet and signalling, and infinities, by their bits.
                nans = ([0x7F800001, 0xFFC00001, 0x7FA00000, 0x7F800000, 0x7FFFFFFF] if tc == "f" else
                        [0x7FF0000000000001, 0xFFF8000000000001, 0x7FF4000000000000, 0x7FF0000000000000])
                raw = array("I" if tc == "f" else "Q", a.tobytes())
                for _ in range(rng.randint(1, n)):
                    raw[rng.randrange(n)] = rng.choice(nans)
                a = array(tc, raw.tobytes())
            source = None
        elif case % 4 == 3:
            # Every code point with the surrogate pair U+D83D U+DE00 adjacent, or random ones.
            cps = [rng.choice([0xD83D, 0xDE00, 0x41, 0x27, 0x22, 0x1F600, 0xDBFF, 0xDC00]) for _ in range(n)]
            a = array(tc, struct.pack("<%di" % n, *cps))
            source = None
        else:
            a = random_array(rng, tc, n)
            source = a.tolist()
            if tc == "f":
                # Keep the doubles the array was built from, before float32 rounding.
                source = [rng.choice([v, v * (1 + 2**-30)]) if v == v else v for v in source]
                a = array(tc, source)
        items = a.tolist()
        swapped = array(tc, a.tobytes())
        swapped.byteswap()
        print(json.dumps({
            "tc": tc,
            "input": None if source is None else [enc(v) for v in source],
            "hex": a.tobytes().hex(),
            "items": [item_text(tc, v) for v in items],
            "list_hex": array(tc, items).tobytes().hex(),
            "swapped": swapped.tobytes().hex(),
            "repr": repr(a),
        }))
